//! Tidy checks run as tests: every finding code used in the source is documented in
//! `docs/checks.md`, and every documented code is still used.

use std::collections::BTreeSet;
use std::path::Path;

fn codes_in(text: &str, prefix: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (i, _) in text.match_indices(prefix) {
        let code = &text[i + prefix.len()..];
        let code: String = code.chars().take(4).collect();
        let bytes = code.as_bytes();
        if bytes.len() == 4 && (bytes[0] == b'E' || bytes[0] == b'W') && bytes[1..].iter().all(u8::is_ascii_digit) {
            out.insert(code);
        }
    }
    out
}

fn source_codes(dir: &Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            source_codes(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.extend(codes_in(&std::fs::read_to_string(&path).unwrap(), "\""));
        }
    }
}

#[test]
fn every_finding_code_is_documented_and_every_documented_code_is_used() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut used = BTreeSet::new();
    source_codes(&root.join("src"), &mut used);
    let docs = std::fs::read_to_string(root.join("../docs/checks.md")).unwrap();
    let documented = codes_in(&docs, "| ");
    assert!(used.len() >= 40, "found only {} codes in the source", used.len());
    let undocumented: Vec<_> = used.difference(&documented).collect();
    let stale: Vec<_> = documented.difference(&used).collect();
    assert!(undocumented.is_empty(), "codes missing from docs/checks.md: {undocumented:?}");
    assert!(stale.is_empty(), "docs/checks.md lists codes no longer used: {stale:?}");
}

/// The report's reference in `docs/data-format.md` is generated from `app::schema`; with
/// `UPDATE_DOCS=1` this test rewrites it instead of failing.
#[test]
fn the_report_reference_is_generated_from_the_schema() {
    use app::schema::reference::{markdown, BEGIN, END};
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/data-format.md");
    let docs = std::fs::read_to_string(&path).unwrap();
    let start = docs.find(BEGIN).expect("docs/data-format.md has the begin marker") + BEGIN.len();
    let end = docs.find(END).expect("docs/data-format.md has the end marker");
    let want = format!("\n\n{}", markdown());
    if docs[start..end] == want {
        return;
    }
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, format!("{}{want}{}", &docs[..start], &docs[end..])).unwrap();
        return;
    }
    panic!("the report reference in docs/data-format.md is stale: run `UPDATE_DOCS=1 cargo test -p site --test tidy`");
}
