//! Boxes over the main view that take the keys while they are open: the help, the journal of a
//! node, a save's conflicts, and the unsaved-changes question. Each is one `Mode` of the app;
//! its state and its update live here, its drawing in `view::overlay`.

mod conflicts;
mod quit;

pub use conflicts::{Conflicts, ConflictsOutcome};
pub use quit::QuitAnswer;

use super::action::Action;
use crate::store::journal::Entry;

/// Help and the journal close with the cancel key and ignore the rest.
pub fn stays_open(action: Action) -> bool {
    action != Action::Cancel
}

/// The saved changes of one node, newest first. Owns the entries as read.
#[derive(Clone, Debug)]
pub struct Journal {
    pub kode: String,
    pub entries: Vec<Entry>,
}
