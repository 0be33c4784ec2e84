//! Tidy checks run as tests: the docs generated from the code (the codes table of
//! `docs/checks.md`, the report reference of `docs/data-format.md`) are up to date, and every
//! declared code is raised somewhere.

use std::collections::BTreeSet;
use std::path::Path;

fn codes_used(dir: &Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            codes_used(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("codes.rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            out.extend(text.match_indices("Code::").map(|(i, _)| text[i + 6..].chars().take(4).collect::<String>()));
        }
    }
}

/// Generated text between two markers of a doc is what `want` says; with `UPDATE_DOCS=1` the
/// doc is rewritten instead of the test failing.
fn generated(doc: &str, begin: &str, end: &str, want: String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs").join(doc);
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find(begin).unwrap_or_else(|| panic!("docs/{doc} has no marker {begin}")) + begin.len();
    let stop = text.find(end).unwrap_or_else(|| panic!("docs/{doc} has no marker {end}"));
    let want = format!("\n{want}");
    if text[start..stop] == want {
        return;
    }
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, format!("{}{want}{}", &text[..start], &text[stop..])).unwrap();
        return;
    }
    panic!("docs/{doc} is stale: run `UPDATE_DOCS=1 cargo test -p site --test tidy`");
}

/// docs/checks.md lists exactly the codes of `site::codes`, and every code is used.
#[test]
fn the_codes_table_is_generated_and_every_code_is_used() {
    use site::codes::{markdown, BEGIN, CODES, END};
    generated("checks.md", BEGIN, END, markdown());
    let mut used = BTreeSet::new();
    // The checks live in `rules`; a few findings (W082, build errors) are raised by `site`.
    for dir in ["src", "../rules/src"] {
        codes_used(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut used);
    }
    let unused: Vec<&str> = CODES.iter().map(|d| d.code.as_str()).filter(|c| !used.contains(*c)).collect();
    assert!(unused.is_empty(), "codes declared but never raised: {unused:?}");
}

/// The report's reference in `docs/data-format.md` is generated from `app::schema`.
#[test]
fn the_report_reference_is_generated_from_the_schema() {
    use app::schema::reference::{markdown, BEGIN, END};
    generated("data-format.md", BEGIN, END, format!("\n{}", markdown()));
}
