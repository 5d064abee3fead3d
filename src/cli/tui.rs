//! `kinerja tui` (and `kinerja` on a terminal): launches the terminal interface on the opened
//! workspace.

use super::workspace::Opened;
use color_eyre::eyre::{Result, WrapErr};
use kinerja::locale::Lang;
use std::io::Write;
use std::process::ExitCode;

pub fn run(
    out: &mut dyn Write,
    opened: Opened,
    ascii: bool,
    backend: kinerja::tui::BackendChoice,
    lang: Lang,
) -> Result<ExitCode> {
    let theme = kinerja::tui::Theme::from_env(ascii);
    let app = kinerja::tui::App::new(opened.ws, Some((opened.path, opened.stamp)), lang, theme);
    let app = kinerja::tui::run(app, backend).wrap_err("antarmuka terminal")?;
    if app.is_dirty() {
        writeln!(
            out,
            "{}",
            lang.pick("Perubahan tidak disimpan.", "Changes were not saved.")
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
