//! The static site generator: `load` → `check` → model and stats → `render` → atomic output.
//!
//! Invariant: the data directory is only read; the output directory is only ever replaced
//! whole (see `build::write_atomically`).

pub mod build;
pub mod diff;
pub mod links;
pub mod new_report;
pub mod precompress;
pub mod provenance;
mod published_html;
pub mod render;
pub mod serve;
pub mod spreadsheet;

// Reading and checking the data folder live in `rules` (they also run in the browser).
pub use rules::{check, codes, diagnostic, load};
