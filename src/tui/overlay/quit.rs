//! The question asked before quitting with unsaved changes. It holds no state.

use crate::tui::action::Action;

pub enum QuitAnswer {
    /// Save, then quit.
    SaveAndQuit,
    /// Quit and lose the changes.
    Discard,
    /// Back to work.
    Cancel,
    /// Not an answer: keep asking.
    Ask,
}

impl QuitAnswer {
    pub fn of(action: Action) -> QuitAnswer {
        match action {
            Action::SaveAndQuit => QuitAnswer::SaveAndQuit,
            Action::Discard => QuitAnswer::Discard,
            Action::Cancel => QuitAnswer::Cancel,
            _ => QuitAnswer::Ask,
        }
    }
}
