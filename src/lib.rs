//! kinerja: SAKIP performance accountability for an Indonesian local-government body.
//!
//! The library holds everything but the command line: `model` (the workspace), `rules` (every
//! computation and what may be typed where), `report` (the computed tables), `store` (the
//! file), `export` (the tables as files), `import` (spreadsheets in), `locale` (language and number format), `text` (names
//! made safe to show) and the terminal interface `tui`. The binary's `cli` is a thin layer
//! over them.

pub mod export;
pub mod import;
pub mod locale;
pub mod model;
pub mod report;
pub mod rules;
pub mod store;
pub mod text;
pub mod time;
pub mod tui;

// The generator is the binary's (`src/cli/generate.rs`); the library's own tests (the terminal
// backend's replay) include it the way the benchmark does, naming the library `kinerja`.
#[cfg(test)]
extern crate self as kinerja;
#[cfg(test)]
#[path = "cli/generate.rs"]
mod generate;
