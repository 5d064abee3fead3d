//! kinerja: SAKIP performance accountability for an Indonesian local-government body.
//!
//! The library holds everything but the front-ends: `model` (the workspace), `rules` (every
//! computation), `report` (the computed tables), `store` (the file) and `locale` (language and
//! number format). The binary's `cli` is a thin layer over them.

pub mod export;
pub mod generate;
pub mod import;
pub mod locale;
pub mod model;
pub mod report;
pub mod rules;
pub mod store;
pub mod time;
pub mod tui;
