//! Before a removal: what is removed and what goes with it, and the answers.

use super::super::left;
use super::{boxed, wrap_words};
use crate::text::visible;
use crate::tui::app::App;
use crate::tui::keymap::{self, Context};
use crate::tui::overlay::Question;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn question(frame: &mut Frame, app: &App, area: Rect, q: &Question) {
    let t = app.theme();
    let width = area.width.min(72);
    let inner_w = width.saturating_sub(2) as usize;
    let mut lines = Vec::new();
    for l in &q.lines {
        for part in wrap_words(l, inner_w) {
            lines.push(Line::raw(part));
        }
    }
    lines.push(Line::raw(""));
    for (key, what) in keymap::help(Context::Question, app.lang()) {
        for (i, part) in wrap_words(what, inner_w.saturating_sub(9))
            .into_iter()
            .enumerate()
        {
            let key = if i == 0 { left(key, 9) } else { " ".repeat(9) };
            lines.push(Line::from(vec![
                Span::styled(key, t.key()),
                Span::raw(part),
            ]));
        }
    }
    boxed(
        frame,
        area,
        width,
        lines.len() as u16 + 2,
        &visible(&q.title),
        lines,
        app,
    );
}
