//! Shared core of the ĐUK statistics site: the data model, the statistics computed from it,
//! the one chart module, Vietnamese formatting and the Leptos components that both the static
//! generator (`site`, feature `ssr`) and the browser app (feature `csr`) render.
//!
//! Invariant: nothing here reads files or knows about the output tree; the browser-only code
//! lives in `browser` and is compiled only with `csr`.

pub mod chart;
pub mod components;
pub mod format;
pub mod model;
pub mod privacy;
pub mod routes;
pub mod schema;
pub mod search;
pub mod stats;
pub mod table;
pub mod view_state;

#[cfg(feature = "csr")]
pub mod browser;
