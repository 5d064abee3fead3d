//! Boxes over the main view that take the keys while they are open: the help, the journal of a
//! node, a save's conflicts, the unsaved-changes question, a removal's question and the
//! officers' list (forms are `tui::form`). Each is one `Mode` of the app;
//! its state and its update live here, its drawing in `view::overlay`.

mod conflicts;
mod officers;
mod question;
mod quit;

pub use conflicts::{
    Answer, Choice, Conflicts, ConflictsOutcome, TextClash, is_figure_clash, text_clash,
};
pub use officers::{OfficerList, OfficersOutcome};
pub use question::Question;
pub use quit::QuitAnswer;

use super::action::Action;
use crate::store::journal::Entry;

/// What a key does to a box that only shows something (help, the journal).
pub enum BoxOutcome {
    Open,
    Close,
    /// Close, and quit as `q` does in the panes.
    Quit,
}

/// The first line shown of a box taller than the screen. The view clamps it to what can be
/// scrolled at the size drawn; keys move it by a line or a page (`page` lines).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scroll {
    pub top: usize,
}

impl Scroll {
    /// A key on a box of `len` lines of which `page` show at a time.
    pub fn update(&mut self, action: Action, len: usize, page: usize) -> BoxOutcome {
        let last = len.saturating_sub(page.max(1));
        self.top = self.top.min(last);
        match action {
            Action::Up => self.top = self.top.saturating_sub(1),
            Action::Down => self.top = (self.top + 1).min(last),
            Action::PageUp => self.top = self.top.saturating_sub(page.max(1)),
            Action::PageDown => self.top = (self.top + page.max(1)).min(last),
            Action::Home => self.top = 0,
            Action::End => self.top = last,
            Action::Cancel | Action::Help | Action::History => return BoxOutcome::Close,
            Action::Quit => return BoxOutcome::Quit,
            _ => {}
        }
        BoxOutcome::Open
    }
}

/// The saved changes of one node, newest first. Owns the entries as read, and the scroll.
#[derive(Clone, Debug)]
pub struct Journal {
    pub kode: String,
    pub entries: Vec<Entry>,
    pub scroll: Scroll,
}
