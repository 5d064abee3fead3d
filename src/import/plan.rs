//! The plan of an import: every figure change with the cell it came from, what is
//! unchanged, the parents' budget figures checked against their children, every problem, and
//! the nodes and indicators the file has and the workspace lacks. Built by `planner`.

use super::layout::Layout;
use super::problem::{Note, Problem};
use super::read::At;
use crate::model::{Field, NodeKind, Op, Quarter};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// What to import.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Only this sheet (`--sheet NAME`); else every sheet in a known layout.
    pub sheet: Option<String>,
    /// The quarter the file reports up to (`--tw Q`): E-81 figures of later quarters are left
    /// out; an LRA's realisation to date is taken as of this quarter. Else the title tells
    /// (`s.d. TW II`, `Bulan: Juni`), else TW IV.
    pub tw: Option<Quarter>,
}

/// One figure to change, and the cell it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub op: Op,
    pub at: At,
}

/// A figure the file gives as the workspace already has it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unchanged {
    pub kode: String,
    pub field: Field,
    pub value: Decimal,
    pub at: At,
}

/// A budget figure of a node whose budget is the sum of its children: not stored, checked
/// against that sum (after the import) and found equal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    pub kode: String,
    pub field: Field,
    /// The LRA's realisation to date at this quarter, when that is what was checked.
    pub to_date: Option<Quarter>,
    pub value: Decimal,
    pub at: At,
}

/// A sheet and how it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetRead {
    pub name: String,
    pub layout: Option<Layout>,
    /// Written by `kinerja export`.
    pub kinerja: bool,
    /// Data rows read.
    pub rows: usize,
}

/// An indicator the file names and the workspace lacks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewIndicator {
    pub nama: String,
    pub satuan: String,
    pub at: At,
}

/// A node the file names and the workspace lacks, as much of it as the file tells: what
/// `--create` (issue 12's structure operations) will need to add it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingNode {
    pub kode: Option<String>,
    pub nama: String,
    pub jenis: Option<NodeKind>,
    /// The kode (or name) of the node above it in the file.
    pub parent: Option<String>,
    pub indikator: Vec<NewIndicator>,
    pub at: At,
}

/// An indicator missing on a node that exists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingIndicator {
    pub kode: String,
    pub indicator: NewIndicator,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Missing {
    pub nodes: Vec<MissingNode>,
    pub indicators: Vec<MissingIndicator>,
}

/// A node's name and indicators, for the preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NodeLabel {
    pub order: usize,
    pub nama: String,
    pub indikator: Vec<std::sync::Arc<str>>,
}

/// Everything an import would do, and every reason it cannot.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The file's name ("import FILE" in the journal).
    pub file: String,
    pub sheets: Vec<SheetRead>,
    pub changes: Vec<Change>,
    pub unchanged: Vec<Unchanged>,
    pub verified: Vec<Verified>,
    pub problems: Vec<Problem>,
    pub notes: Vec<Note>,
    pub missing: Missing,
    pub(crate) labels: HashMap<String, NodeLabel>,
}

/// The plan has problems: nothing of it may be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    pub problems: usize,
}

impl Refused {
    pub fn message(&self, lang: crate::locale::Lang) -> String {
        format!(
            "{} {}",
            self.problems,
            lang.pick(
                "masalah dalam berkas; tidak ada yang diimpor",
                "problem(s) in the file; nothing was imported"
            )
        )
    }
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::locale::Lang::Id))
    }
}

impl std::error::Error for Refused {}

impl Plan {
    /// The operations to commit, all or nothing: `Err` when the file has any problem.
    pub fn ops(&self) -> Result<Vec<Op>, Refused> {
        if self.problems.is_empty() {
            Ok(self.changes.iter().map(|c| c.op.clone()).collect())
        } else {
            Err(Refused {
                problems: self.problems.len(),
            })
        }
    }

    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }
}
