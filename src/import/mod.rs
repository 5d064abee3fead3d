//! Bringing the offices' spreadsheets in: the E-81 form, the LRA, kinerja's own exports and a
//! flat template, from `.xlsx` or `.csv`, as figure changes with the cell each came from.
//!
//! Three steps, each usable alone:
//! - [`read`] a file into sheets of cells, as the file holds them;
//! - [`plan`] it against a workspace: the layout is recognised by its header text, rows are
//!   matched to the tree by kode and indicator name, numbers are read by the rules of
//!   `docs/import.md`; the [`Plan`] lists every change (a `model::Op` with its `sheet!cell`),
//!   what is unchanged, and every problem;
//! - apply [`Plan::ops`] through `store::commit_ops` (or, as `Change`s with a source note,
//!   `store::commit_changes`) — all of it or, when the file has any problem, nothing (`ops`
//!   refuses);
//! - [`create`] the nodes and indicators the file has and the workspace lacks
//!   ([`Plan::missing`]) as `model::Change`s, then plan again (`kinerja import --create`).
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use kinerja::{import, locale::Lang, store};
//! use std::path::Path;
//! let path = Path::new("workspace.json");
//! let (mut ws, stamp) = store::load_stamped(path)?;
//! let book = import::read(Path::new("e81.xlsx"), &import::Options::default())?;
//! let plan = import::plan(&ws, &book, &import::Options::default());
//! print!("{}", plan.preview().text(Lang::Id, import::Detail::Changes));
//! let ops = plan.ops()?; // Err when the file has problems: nothing is applied
//! store::commit_ops(path, &mut ws, stamp, ops, "siti", store::LOCK_WAIT)
//!     .map_err(|e| e.message(Lang::Id))?;
//! # Ok(()) }
//! ```

mod create;
mod layout;
mod matching;
mod number;
mod plan;
mod planner;
mod preview;
mod problem;
mod read;
mod rows;
mod template;
mod titles;

pub use create::{CreateProblem, CreateWhy, Creation, create};
pub use layout::Layout;
pub use number::BadNumber;
pub use plan::{
    Change, Missing, MissingIndicator, MissingNode, NewIndicator, Options, Plan, Refused,
    SheetRead, Unchanged, Verified,
};
pub use planner::{plan, zeros_not_measured};
pub use preview::{Counts, Detail, Line, LineKind, NodePreview, Preview};
pub use problem::{Note, NoteKind, Problem, ProblemKind};
pub use read::{At, Cell, MAX_BYTES, Merge, ReadError, Sheet, Workbook, column_name, csv_sheet};
pub use template::{COLUMNS as TEMPLATE_COLUMNS, FIELD_NAMES, write as template};

use std::path::Path;

/// Reads a spreadsheet (`.xlsx`, `.xlsm`, `.xls`, `.ods` or `.csv`); with `options.sheet`,
/// only that sheet (an unknown name is an error listing the sheets there are).
pub fn read(path: &Path, options: &Options) -> Result<Workbook, ReadError> {
    read::read(path, options.sheet.as_deref())
}
