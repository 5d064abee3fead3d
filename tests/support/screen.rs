//! The interface on ratatui's `TestBackend`: an app on the sample or on a file, the screen
//! drawn at a size as text, and waiting for the worker. Shared by the interface's tests.

#![allow(dead_code)]

use super::keys::{press, type_text};
use kinerja::locale::Lang;
use kinerja::store;
use kinerja::tui::{self, App, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use std::path::{Path, PathBuf};

/// The sample workspace in memory (no file), in `lang`.
pub fn sample_app(lang: Lang) -> App {
    App::new(
        store::parse(store::SAMPLE_JSON).unwrap(),
        None,
        lang,
        Theme::MONO,
    )
}

/// The workspace of the file at `path`.
pub fn app_at(path: &Path, lang: Lang) -> App {
    let (ws, stamp) = store::load_stamped(path).unwrap();
    App::new(ws, Some((path.to_path_buf(), stamp)), lang, Theme::MONO)
}

/// A copy of the sample in a folder of its own.
pub fn sample_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sooko.json");
    std::fs::write(&path, store::SAMPLE_JSON).unwrap();
    (dir, path)
}

/// The screen at `width`×`height` as text, one line per row, trailing blanks trimmed.
pub fn screen(app: &mut App, width: u16, height: u16) -> String {
    app.update(tui::Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| tui::draw(f, app)).unwrap();
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            // A wide character covers the next cell too: skip it, as the terminal does.
            let mut line = String::new();
            let mut x = 0;
            while x < width {
                let symbol = buffer[(x, y)].symbol();
                line.push_str(symbol);
                x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
            }
            line.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Selects a node by searching for its exact code.
pub fn go_to(app: &mut App, kode: &str) {
    press(app, &[KeyCode::Char('/')]);
    type_text(app, kode);
    press(app, &[KeyCode::Enter]);
    assert_eq!(app.selected_row().unwrap().kode, kode);
}

/// Waits for the file work the last keys started.
pub fn settle(app: &mut App) {
    assert!(
        app.settle(std::time::Duration::from_secs(30)),
        "the worker did not finish: {:?}",
        app.message()
    );
}

/// The message line's text ("" when none).
pub fn message(app: &App) -> String {
    app.message()
        .map(|m| m.text().to_string())
        .unwrap_or_default()
}
