//! `x`: which format, where it goes, and whether unsaved changes are in it.

use super::super::{clip, left};
use super::boxed;
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// `x`: which format, where it goes, and whether unsaved figures are in it.
pub fn export_format(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme();
    let lang = app.lang();
    let width = area.width.min(72);
    let inner_w = width.saturating_sub(2) as usize;
    let folder = app.export_folder();
    let folder = super::super::status::fit_message(
        &folder.display().to_string(),
        inner_w.saturating_sub(2),
        app.home(),
    )
    .join(" ");
    let mut lines = vec![
        Line::raw(clip(
            &format!(
                "{} {}",
                lang.pick("Tabel LKjIP", "The LKjIP tables"),
                crate::locale::to_quarter(app.quarter(), lang)
            ),
            inner_w,
        )),
        Line::styled(
            clip(
                &format!("{}: {folder}", lang.pick("ke folder", "into")),
                inner_w,
            ),
            t.muted(),
        ),
    ];
    let unsaved = app.unsaved_count();
    if unsaved > 0 {
        lines.push(Line::styled(
            clip(
                &format!(
                    "{} {unsaved} {}",
                    lang.pick("Termasuk", "Includes"),
                    lang.pick(
                        "angka yang belum disimpan (s menyimpannya).",
                        "figure(s) not saved yet (s saves them)."
                    )
                ),
                inner_w,
            ),
            t.blank(),
        ));
    }
    lines.push(Line::raw(""));
    for (key, what) in keymap::help(Context::Export, lang) {
        lines.push(Line::from(vec![
            Span::styled(left(key, 9), t.key()),
            Span::raw(clip(what, inner_w.saturating_sub(9))),
        ]));
    }
    let title = lang.pick("Ekspor", "Export");
    boxed(
        frame,
        area,
        width,
        lines.len() as u16 + 2,
        title,
        lines,
        app,
    );
}
