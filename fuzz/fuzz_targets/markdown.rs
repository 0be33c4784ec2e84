//! Bytes → a document and a news item (front matter + markdown) in a small data tree → load,
//! check, render every page, and no active content in any page (see `tests/fuzz_harness.rs`).
#![no_main]

#[path = "../../tests/fuzz_harness.rs"]
mod harness;

use harness::{Harness, Target};
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;

fn harness() -> &'static Harness {
    static H: OnceLock<Harness> = OnceLock::new();
    H.get_or_init(|| Harness::new(Target::Markdown, &Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/base")))
}

fuzz_target!(|data: &[u8]| {
    harness().run(data);
});
