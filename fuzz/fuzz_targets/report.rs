//! Bytes → `data/reports/2024/CQ01-01.toml` in a copy of `tests/fixtures/base` → load, every
//! check of the year, and the render when the data is clean (see `tests/fuzz_harness.rs`).
#![no_main]

#[path = "../../tests/fuzz_harness.rs"]
mod harness;

use harness::{Harness, Target};
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;

fn harness() -> &'static Harness {
    static H: OnceLock<Harness> = OnceLock::new();
    H.get_or_init(|| Harness::new(Target::Report, &Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/base")))
}

fuzz_target!(|data: &[u8]| {
    harness().run(data);
});
