//! Quitting with unsaved changes: save, discard or stay.

use super::super::left;
use super::boxed;
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn confirm_quit(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme();
    let mut lines = vec![
        Line::raw(app.lang().pick(
            "Ada perubahan yang belum disimpan.",
            "There are unsaved changes.",
        )),
        Line::raw(""),
    ];
    for (key, what) in keymap::help(Context::ConfirmQuit, app.lang()) {
        lines.push(Line::from(vec![
            Span::styled(left(key, 7), t.key()),
            Span::raw(what),
        ]));
    }
    let title = app.lang().pick("Keluar?", "Quit?");
    boxed(frame, area, 44, lines.len() as u16 + 2, title, lines, app);
}
