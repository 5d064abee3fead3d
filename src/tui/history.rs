//! Undo and redo. Owns the two stacks of steps: each step is what one key or one form did —
//! one change or several (an indicator's form sets its name, unit and target at once), each
//! as it was applied, so that its inverse (`model::Applied::inverse`) undoes it exactly, of
//! every kind (a figure, a name, a node added or removed). Undoing moves a step to the redo
//! stack as the changes that undid it; a new step empties that stack.

use super::session::Done;

/// What one key or one form did, in the order done.
pub type Step = Vec<Done>;

#[derive(Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// A new step: it can be undone; what was undone can no longer be redone.
    pub fn record(&mut self, step: Step) {
        if step.is_empty() {
            return;
        }
        self.undo.push(step);
        self.redo.clear();
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// The step to redo (`forward`) or undo next, taken off its stack; give back the step that
    /// reverses it with [`done`](Self::done) once applied.
    pub fn take(&mut self, forward: bool) -> Option<Step> {
        if forward {
            self.redo.pop()
        } else {
            self.undo.pop()
        }
    }

    /// A step was redone (`forward`) or undone: the changes that did it can now go the other
    /// way.
    pub fn done(&mut self, step: Step, forward: bool) {
        if step.is_empty() {
            return;
        }
        if forward {
            self.undo.push(step);
        } else {
            self.redo.push(step);
        }
    }
}
