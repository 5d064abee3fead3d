//! The detail pane's cursor. Owns the selected cell of the selected node's grid: its row (the
//! node's indicators, then its budget) and its column (0 = target or pagu, 1–4 = TW I–IV). The
//! cell under the cursor is the figure `Enter` edits.

use super::action::Action;
use crate::model::{Field, Node, Quarter};

/// What a key in the detail pane asks of the rest of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailOutcome {
    Nothing,
    /// The tree takes the keys.
    FocusTree,
    /// The cell under the cursor is to be edited.
    Edit,
}

pub struct Detail {
    cell: (usize, usize),
}

/// Rows of a node's grid: its indicators, then its budget if it has one.
pub fn grid_rows(node: Option<&Node>) -> usize {
    node.map_or(0, |n| n.indikator.len() + usize::from(n.anggaran.is_some()))
}

impl Detail {
    /// The cursor on the first row, in the column of quarter `q`.
    pub fn new(q: Quarter) -> Detail {
        Detail {
            cell: (0, q.number() as usize),
        }
    }

    pub fn cell(&self) -> (usize, usize) {
        self.cell
    }

    /// Puts the cursor on a cell (kept inside a grid of `rows` rows).
    pub fn set_cell(&mut self, cell: (usize, usize), rows: usize) {
        self.cell = cell;
        self.clamp(rows);
    }

    /// Another node was selected: back to its first row.
    pub fn first_row(&mut self) {
        self.cell.0 = 0;
    }

    /// Keeps the cursor inside a grid of `rows` rows.
    pub fn clamp(&mut self, rows: usize) {
        self.cell.0 = self.cell.0.min(rows.saturating_sub(1));
        self.cell.1 = self.cell.1.min(4);
    }

    /// The quarter changed while the pane had the keys: a quarter's column follows it.
    pub fn follow_quarter(&mut self, q: Quarter) {
        if self.cell.1 > 0 {
            self.cell.1 = q.number() as usize;
        }
    }

    /// The field under the cursor, on `node`.
    pub fn field(&self, node: &Node) -> Option<Field> {
        let (row, col) = self.cell;
        let q = Quarter::new(col as u8);
        if row < node.indikator.len() {
            Some(match q {
                None => Field::Target(row),
                Some(q) => Field::Realisasi(row, q),
            })
        } else if node.anggaran.is_some() && row == node.indikator.len() {
            Some(match q {
                None => Field::Pagu,
                Some(q) => Field::Rp(q),
            })
        } else {
            None
        }
    }

    /// A key, on a grid of `rows` rows.
    pub fn update(&mut self, action: Action, rows: usize) -> DetailOutcome {
        let last = rows.saturating_sub(1);
        match action {
            Action::Up => self.cell.0 = self.cell.0.saturating_sub(1),
            Action::Down => self.cell.0 = (self.cell.0 + 1).min(last),
            Action::Left => self.cell.1 = self.cell.1.saturating_sub(1),
            Action::Right => self.cell.1 = (self.cell.1 + 1).min(4),
            Action::Home => self.cell.1 = 0,
            Action::End => self.cell.1 = 4,
            Action::PageUp => self.cell.0 = 0,
            Action::PageDown => self.cell.0 = last,
            Action::SwitchFocus => return DetailOutcome::FocusTree,
            Action::Edit | Action::Toggle => return DetailOutcome::Edit,
            _ => {}
        }
        DetailOutcome::Nothing
    }
}
