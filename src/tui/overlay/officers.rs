//! The officers' list (pejabat: id, nama, NIP, jabatan). Owns the selection; the officers are
//! the workspace's. Its keys add one, open one in a form, or remove one (asking first, and
//! for one still named somewhere, who takes over).

use crate::tui::action::Action;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OfficerList {
    pub selected: usize,
}

/// What a key in the list asks for.
pub enum OfficersOutcome {
    Open(OfficerList),
    Close,
    Add(OfficerList),
    Edit(OfficerList, usize),
    Remove(OfficerList, usize),
    Quit,
}

impl OfficerList {
    /// A key, on a list of `len` officers.
    pub fn update(mut self, action: Action, len: usize) -> OfficersOutcome {
        let last = len.saturating_sub(1);
        self.selected = self.selected.min(last);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::AddOfficer => return OfficersOutcome::Add(self),
            Action::Edit if len > 0 => return OfficersOutcome::Edit(self, self.selected),
            Action::Delete if len > 0 => return OfficersOutcome::Remove(self, self.selected),
            Action::Cancel => return OfficersOutcome::Close,
            Action::Quit => return OfficersOutcome::Quit,
            _ => {}
        }
        OfficersOutcome::Open(self)
    }
}
