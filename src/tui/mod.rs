//! The terminal interface: the cascading tree, the detail of a node with its figure editor,
//! and the capaian dashboard. Built for SSH at 80×24: no mouse, no true colour, redraws only
//! after a key, a resize or a finished job.
//!
//! Keys become [`Action`]s through the tables in `keymap`; [`App::update`] routes them to the
//! component that has the keys; `view::draw` draws the state and changes nothing. File work
//! (saving, exporting, reading another user's save, the journal) runs on the `worker`'s
//! thread; [`App::receive`] takes its reports.
//!
//! Components, each owning its state and its update: `session` (the workspace, its indexes,
//! the disk), `tree`, `detail` and `editor`, `search`, `history` (undo/redo), `dashboard`,
//! `overlay` (help, journal, conflicts, quit question), `form`, `import` (a spreadsheet
//! brought in with a preview).

mod action;
mod app;
mod backend;
mod badges;
mod dashboard;
mod detail;
mod editor;
mod figures;
mod form;
mod history;
mod import;
mod keymap;
mod labels;
mod message;
mod overlay;
mod search;
mod session;
mod terminal;
mod theme;
mod tree;
mod view;
mod worker;

pub use action::Action;
pub use app::{App, Focus, Mode, View};
pub use backend::LeanBackend;
pub use badges::Badge;
pub use editor::Editor;
pub use figures::{DashProgram, Dashboard, YearBudget};
pub use keymap::{Context, resolve};
pub use labels::field_label;
pub use message::Message;
pub use overlay::{Conflicts, Journal};
pub use session::Progress;
pub use terminal::{BackendChoice, run};
pub use theme::{AsciiReason, TerminalEnv, Theme, ascii_needed};
pub use tree::TreeRow;
pub use view::draw;

pub use crate::model::Field;
