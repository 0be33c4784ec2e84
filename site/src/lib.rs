//! The static site generator: `load` → `check` → model and stats → `render` → atomic output.
//!
//! Invariant: the data directory is only read; the output directory is only ever replaced
//! whole (see `build::write_atomically`).

pub mod build;
pub mod check;
pub mod codes;
pub mod diagnostic;
pub mod diff;
pub mod links;
pub mod load;
pub mod new_report;
pub mod provenance;
pub mod render;
pub mod serve;
pub mod spreadsheet;
