//! The detail pane's cursor. Owns the selected cell of the selected node's grid: its row (the
//! node's indicators, then its budget) and its column (0 = target or pagu, 1–4 = TW I–IV; on
//! the budget row, 5 = the year's spending as the LRA reports it, where one is kept). The cell
//! under the cursor is the figure `Enter` edits.

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

/// The shape of a node's grid: its indicators, then its budget if it has one; the budget row
/// has a sixth cell when the node keeps the LRA's figure for the year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Grid {
    pub rows: usize,
    /// The budget row, when it has the LRA cell.
    pub lra_row: Option<usize>,
}

impl Grid {
    pub fn of(node: Option<&Node>) -> Grid {
        let Some(n) = node else {
            return Grid::default();
        };
        let lra = n
            .anggaran
            .as_ref()
            .is_some_and(|b| b.realisasi_tahun.is_some());
        Grid {
            rows: n.indikator.len() + usize::from(n.anggaran.is_some()),
            lra_row: lra.then_some(n.indikator.len()),
        }
    }

    /// The last column of row `row`.
    fn last_col(self, row: usize) -> usize {
        if self.lra_row == Some(row) { 5 } else { 4 }
    }
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

    /// Puts the cursor on a cell (kept inside the grid).
    pub fn set_cell(&mut self, cell: (usize, usize), grid: Grid) {
        self.cell = cell;
        self.clamp(grid);
    }

    /// Another node was selected: back to its first row.
    pub fn first_row(&mut self) {
        self.cell.0 = 0;
    }

    /// Keeps the cursor inside the grid.
    pub fn clamp(&mut self, grid: Grid) {
        self.cell.0 = self.cell.0.min(grid.rows.saturating_sub(1));
        self.cell.1 = self.cell.1.min(grid.last_col(self.cell.0));
    }

    /// The quarter changed while the pane had the keys: a quarter's column follows it.
    pub fn follow_quarter(&mut self, q: Quarter) {
        if (1..=4).contains(&self.cell.1) {
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
            Some(match (col, q) {
                (5, _) => Field::RealisasiTahun,
                (_, None) => Field::Pagu,
                (_, Some(q)) => Field::Rp(q),
            })
        } else {
            None
        }
    }

    /// A key, on `grid`.
    pub fn update(&mut self, action: Action, grid: Grid) -> DetailOutcome {
        let last = grid.rows.saturating_sub(1);
        match action {
            Action::Up => self.cell.0 = self.cell.0.saturating_sub(1),
            Action::Down => self.cell.0 = (self.cell.0 + 1).min(last),
            Action::Left => self.cell.1 = self.cell.1.saturating_sub(1),
            Action::Right => self.cell.1 = (self.cell.1 + 1).min(grid.last_col(self.cell.0)),
            Action::Home => self.cell.1 = 0,
            Action::End => self.cell.1 = grid.last_col(self.cell.0),
            Action::PageUp => self.cell.0 = 0,
            Action::PageDown => self.cell.0 = last,
            Action::SwitchFocus => return DetailOutcome::FocusTree,
            Action::Edit | Action::Toggle => return DetailOutcome::Edit,
            _ => {}
        }
        self.clamp(grid);
        DetailOutcome::Nothing
    }
}
