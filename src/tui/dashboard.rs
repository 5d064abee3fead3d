//! The dashboard pane. Owns the selection in its list of indicators needing attention (red
//! worst first, then due but not entered); the figures are the session's (kept current by each
//! edit once shown). `Enter` on the list opens the indicator in the tree.

use super::action::Action;

#[derive(Default)]
pub struct DashboardPane {
    selected: usize,
}

impl DashboardPane {
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// A key, on a list of `len` rows; returns the row to open in the tree, if any.
    pub fn update(&mut self, action: Action, len: usize) -> Option<usize> {
        let last = len.saturating_sub(1);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::Home => self.selected = 0,
            Action::End => self.selected = last,
            Action::Jump | Action::Toggle => return Some(self.selected),
            _ => {}
        }
        None
    }
}
