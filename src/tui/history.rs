//! Undo and redo. Owns the two stacks of edits (one figure each, from → to). An edit is
//! recorded when the user changes a figure; undoing moves it to the redo stack, and a new edit
//! empties that.

use crate::model::Op;

/// One change of one figure, kept for undo and redo.
pub type Edit = Op;

#[derive(Default)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

impl History {
    /// A new edit: it can be undone; what was undone can no longer be redone.
    pub fn record(&mut self, edit: Edit) {
        self.undo.push(edit);
        self.redo.clear();
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// The edit to redo (`forward`) or undo next, taken off its stack; give it back with
    /// [`done`](Self::done) once applied.
    pub fn take(&mut self, forward: bool) -> Option<Edit> {
        if forward {
            self.redo.pop()
        } else {
            self.undo.pop()
        }
    }

    /// An edit was redone (`forward`) or undone: it can now go the other way.
    pub fn done(&mut self, edit: Edit, forward: bool) {
        if forward {
            self.undo.push(edit);
        } else {
            self.redo.push(edit);
        }
    }
}
