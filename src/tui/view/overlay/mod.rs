//! Boxes drawn over the main view, one file each: the help listing every key of the current
//! context (help.rs), the unsaved-changes question (quit.rs), the export's question
//! (export.rs), the recovery question at the start (recover.rs), a save's conflicts
//! (conflict.rs), a node's journal (journal.rs), a form (form.rs), a removal's question
//! (question.rs), the officers' list (officers.rs) and an import's preview (import.rs). Here:
//! the box itself.

mod conflict;
mod export;
mod form;
mod help;
mod import;
mod journal;
mod officers;
mod question;
mod quit;
mod recover;

pub use conflict::conflict;
pub use export::export_format;
pub use form::form;
pub use help::{help, help_extent};
pub use import::{import_extent, import_preview};
pub use journal::{history, history_extent};
pub use officers::officers;
pub use question::question;
pub use quit::confirm_quit;
pub use recover::recover;

use super::clip;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

pub(super) fn boxed(
    frame: &mut Frame,
    area: Rect,
    width: u16,
    height: u16,
    title: &str,
    lines: Vec<Line>,
    app: &App,
) {
    boxed_scrolled(frame, area, (width, height), title, lines, None, app);
}

/// Where a box of `width`×`height` goes in `area`: centred, never wider or taller.
pub(super) fn box_rect(area: Rect, width: u16, height: u16) -> Rect {
    area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    )
}

/// A box of `size` centred in `area`; with `scroll` (first line, lines in all) the lines from
/// there, and the bottom border saying where they are and that there is more.
pub(super) fn boxed_scrolled(
    frame: &mut Frame,
    area: Rect,
    (width, height): (u16, u16),
    title: &str,
    lines: Vec<Line>,
    scroll: Option<(usize, usize)>,
    app: &App,
) {
    let rect = box_rect(area, width, height);
    let mut block = Block::new()
        .borders(Borders::ALL)
        // A long title ends in "…" a space before the corner, never cut against it.
        .title(Span::styled(
            format!(" {} ", clip(title, (rect.width as usize).saturating_sub(4))),
            app.theme().title(),
        ));
    let page = rect.height.saturating_sub(2) as usize;
    let mut lines = lines;
    if let Some((top, len)) = scroll
        && len > page
    {
        let g = app.theme().glyphs();
        let more = match (top > 0, top + page < len) {
            (true, true) => format!("{} {}", g.up, g.down),
            (false, true) => g.down.to_string(),
            (true, false) => g.up.to_string(),
            (false, false) => String::new(),
        };
        let position = format!(" {}–{} / {len} {more} ", top + 1, (top + page).min(len));
        block = block.title_bottom(Line::styled(position, app.theme().muted()).right_aligned());
        lines = lines.into_iter().skip(top).collect();
    }
    let inner = block.inner(rect);
    // A blank column on each side where there is room: a pane's last letter or border
    // glued to the box's edge (`┐g`) reads as part of it.
    let left = rect.x.saturating_sub(1).max(area.x);
    let right = (rect.right() + 1).min(area.right());
    frame.render_widget(Clear, Rect::new(left, rect.y, right - left, rect.height));
    frame.render_widget(block, rect);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `text` in lines of at most `width` columns, broken between words (a word wider than the
/// line is cut).
pub(super) fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let line = lines.last_mut().expect("a line");
        if line.is_empty() {
            line.push_str(&clip(word, width));
        } else if line.width() + 1 + word.width() <= width {
            line.push(' ');
            line.push_str(word);
        } else {
            lines.push(clip(word, width));
        }
    }
    lines
}

/// The body's area at the app's size (where the journal's box is drawn).
pub(super) fn body_area(app: &App) -> Rect {
    let [_, body, _, _] = super::rows(Rect::new(0, 0, app.size().width, app.size().height));
    body
}
