//! The bad-input corpus: `tests/fixtures/base` is a small valid data tree; every file in
//! `tests/fixtures/faults/` is one fault applied to a copy of it. Each fault says, in header
//! comment lines (or in a sidecar `<name>.expect` for files that cannot carry them: markdown,
//! an empty file), where it goes and which finding it must produce:
//!
//! ```text
//! # path: reports/2024/CQ01-01.toml   where the file goes in the copy of base (replaced or added)
//! # expect: E020 12                   the code and the 1-based line in THIS file (or `none`)
//! # why: one line saying what is wrong
//! # at: reports/2025/CQ01.toml 3      optional: the finding is in another file (`-`: no file)
//! # delete: true                      optional: delete `path` from the copy instead of writing
//! # also: E012 E015                   optional: other codes this fault legitimately causes
//! ```
//!
//! A case passes when a finding with the expected code sits in the expected file and line, and
//! no finding has a code other than the expected one and the `also` codes. A finding without a
//! span counts as line 1 of its file, as `site check --format json` prints it. Every case must
//! finish within `TIME_LIMIT` (a hang detector, not a benchmark). All mismatches are collected
//! and reported together.

use site::build::{Checked, Site};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

mod common;
use common::copy_dir;

const TIME_LIMIT: Duration = Duration::from_secs(10);

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

#[derive(Debug, Clone, PartialEq)]
enum Expect {
    /// No finding at all.
    Nothing,
    /// Any findings (or none): only a panic or the time limit fail the case.
    Anything,
    /// A finding with `code` in the file ending with `file` (None: a finding without a file) at `line`.
    Finding { code: String, file: Option<String>, line: usize },
}

#[derive(Debug)]
struct Case {
    name: String,
    why: String,
    /// Relative path in the data tree, and the bytes to write there (`None`: delete it).
    change: (String, Option<Vec<u8>>),
    expect: Expect,
    also: BTreeSet<String>,
}

/// A finding reduced to what the corpus compares: code, file path, line.
#[derive(Debug, Clone)]
struct Found {
    code: String,
    file: Option<PathBuf>,
    line: usize,
}

impl std::fmt::Display for Found {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.file {
            Some(p) => write!(f, "{} {}:{}", self.code, short(p), self.line),
            None => write!(f, "{} (no file)", self.code),
        }
    }
}

impl std::fmt::Display for Expect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Expect::Nothing => write!(f, "no finding"),
            Expect::Anything => write!(f, "any result within {TIME_LIMIT:?}"),
            Expect::Finding { code, file: Some(p), line } => write!(f, "{code} {p}:{line}"),
            Expect::Finding { code, file: None, .. } => write!(f, "{code} (no file)"),
        }
    }
}

/// The path inside the data tree (after `data/`), for readable messages.
fn short(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    match s.find("/data/") {
        Some(i) => s[i + 6..].to_string(),
        None => s,
    }
}

fn findings(checked: &Checked) -> Vec<Found> {
    checked
        .findings()
        .items
        .iter()
        .map(|d| {
            let file = d.file.map(|id| checked.sources().get(id));
            let line = match (file, &d.span) {
                (Some(f), Some(span)) => f.line_col(span.start).0,
                (Some(_), None) => 1,
                (None, _) => 0,
            };
            Found { code: d.code.to_string(), file: file.map(|f| f.path.clone()), line }
        })
        .collect()
}

/// `# key: value` lines at the top of a fault file (after an optional BOM), or of its sidecar.
fn header(text: &str) -> Vec<(String, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        let Some(rest) = line.strip_prefix('#') else { break };
        if let Some((k, v)) = rest.trim().split_once(':') {
            let k = k.trim();
            if ["path", "expect", "why", "at", "delete", "also"].contains(&k) {
                out.push((k.to_string(), v.trim().to_string()));
            }
        }
    }
    out
}

fn parse_case(file: &Path) -> Result<Case, String> {
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read: {e}"))?;
    let sidecar = file.with_extension("expect");
    let head_text = if sidecar.exists() {
        std::fs::read_to_string(&sidecar).map_err(|e| format!("cannot read {}: {e}", sidecar.display()))?
    } else {
        String::from_utf8_lossy(&bytes).into_owned()
    };
    let head = header(&head_text);
    let get = |k: &str| head.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let path = get("path").ok_or("no `# path:` header")?;
    let expect_raw = get("expect").ok_or("no `# expect:` header")?;
    let why = get("why").ok_or("no `# why:` header")?;
    let delete = get("delete").is_some_and(|v| v == "true");
    let also = get("also").map(|v| v.split_whitespace().map(str::to_string).collect()).unwrap_or_default();
    let expect = if expect_raw == "none" {
        Expect::Nothing
    } else {
        let mut parts = expect_raw.split_whitespace();
        let code = parts.next().ok_or("empty `# expect:`")?.to_string();
        let line_here =
            parts.next().map(|l| l.parse::<usize>().map_err(|_| format!("bad line in `# expect: {expect_raw}`"))).transpose()?;
        match get("at") {
            Some(at) if at == "-" => Expect::Finding { code, file: None, line: 0 },
            Some(at) => {
                let (p, l) = at.rsplit_once(' ').ok_or_else(|| format!("`# at: {at}` needs a path and a line"))?;
                let line = l.parse().map_err(|_| format!("bad line in `# at: {at}`"))?;
                Expect::Finding { code, file: Some(p.trim().to_string()), line }
            }
            None => {
                let line = line_here.ok_or_else(|| format!("`# expect: {expect_raw}` needs a line (or an `# at:`)"))?;
                Expect::Finding { code, file: Some(path.clone()), line }
            }
        }
    };
    Ok(Case { name, why, change: (path, (!delete).then_some(bytes)), expect, also })
}

/// Runs `check` on `data` in a thread, so that a hang is reported instead of blocking the run.
fn check_bounded(data: PathBuf) -> Result<(Vec<Found>, Duration), String> {
    let (tx, rx) = mpsc::channel();
    let started = Instant::now();
    let handle = std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || {
            let checked = Site::new(&data).check();
            let _ = tx.send(findings(&checked));
        })
        .unwrap();
    match rx.recv_timeout(TIME_LIMIT) {
        Ok(found) => {
            let _ = handle.join();
            let elapsed = started.elapsed();
            if elapsed >= TIME_LIMIT {
                return Err(format!("took {elapsed:.1?} (limit {TIME_LIMIT:?})"));
            }
            Ok((found, elapsed))
        }
        Err(mpsc::RecvTimeoutError::Timeout) => Err(format!("no result after {TIME_LIMIT:?}: hang?")),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            let panic = handle.join().err().map(|p| {
                p.downcast_ref::<String>().cloned().or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default()
            });
            Err(format!("check panicked: {}", panic.unwrap_or_default()))
        }
    }
}

/// Applies a case to a fresh copy of base and returns the mismatch, if any.
fn run_case(case: &Case) -> Option<String> {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    copy_dir(&fixtures().join("base"), &data);
    let (rel, bytes) = &case.change;
    let target = data.join(rel);
    match bytes {
        Some(bytes) => {
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::write(&target, bytes).unwrap();
        }
        None => {
            if let Err(e) = std::fs::remove_file(&target) {
                return Some(format!("cannot delete {rel} from base: {e}"));
            }
        }
    }
    let found = match check_bounded(data) {
        Ok((found, _)) => found,
        Err(e) => return Some(e),
    };
    let list =
        |fs: &[Found]| if fs.is_empty() { "nothing".to_string() } else { fs.iter().map(|f| f.to_string()).collect::<Vec<_>>().join(", ") };
    match &case.expect {
        Expect::Nothing => (!found.is_empty()).then(|| format!("expected no finding, found {}", list(&found))),
        Expect::Anything => None,
        Expect::Finding { code, file, line } => {
            let hit = found.iter().any(|f| {
                f.code == *code
                    && match (file, &f.file) {
                        (None, None) => true,
                        (Some(want), Some(got)) => got.ends_with(want) && f.line == *line,
                        _ => false,
                    }
            });
            let stray: Vec<Found> = found.iter().filter(|f| f.code != *code && !case.also.contains(&f.code)).cloned().collect();
            let mut problems = Vec::new();
            if !hit {
                problems.push(format!("missing {}", case.expect));
            }
            if !stray.is_empty() {
                problems.push(format!("unexpected {}", list(&stray)));
            }
            (!problems.is_empty()).then(|| format!("{}; found {}", problems.join("; "), list(&found)))
        }
    }
}

fn cases() -> (Vec<Case>, Vec<String>) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures().join("faults"))
        .expect("tests/fixtures/faults")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_none_or(|e| e != "expect"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    let mut broken = Vec::new();
    for f in files {
        match parse_case(&f) {
            Ok(c) => cases.push(c),
            Err(e) => broken.push(format!("{}: bad fixture: {e}", f.file_name().unwrap().to_string_lossy())),
        }
    }
    (cases, broken)
}

#[test]
fn base_is_valid() {
    let (found, elapsed) = check_bounded(fixtures().join("base")).unwrap();
    let list: Vec<String> = found.iter().map(|f| f.to_string()).collect();
    assert!(found.is_empty(), "tests/fixtures/base must have no finding, found:\n  {}", list.join("\n  "));
    assert!(elapsed < TIME_LIMIT);
}

#[test]
fn every_fault_gives_its_finding() {
    let (mut cases, mut mismatches) = cases();
    assert!(cases.len() >= 60, "expected at least 60 fault cases, found {}", cases.len());
    cases.push(huge_report());
    let mut codes = BTreeSet::new();
    for case in &cases {
        if let Expect::Finding { code, .. } = &case.expect {
            codes.insert(code.clone());
        }
        if let Some(problem) = run_case(case) {
            mismatches.push(format!("{} ({}): {problem}", case.name, case.why));
        }
    }
    eprintln!("fixtures: {} cases, {} codes covered ({})", cases.len(), codes.len(), codes.iter().cloned().collect::<Vec<_>>().join(" "));
    if !mismatches.is_empty() {
        panic!("{} of {} fault cases failed:\n  {}", mismatches.len(), cases.len(), mismatches.join("\n  "));
    }
}

/// A 50 MB report (a valid report followed by a huge comment), generated here rather than
/// committed: a finding or a pass, never a panic, within the time limit.
fn huge_report() -> Case {
    let path = "reports/2025/DN01.toml";
    let mut text = std::fs::read_to_string(fixtures().join("base").join(path)).unwrap();
    let line = format!("# {}\n", "x".repeat(98));
    text.reserve(50 << 20);
    while text.len() < 50 << 20 {
        text.push_str(&line);
    }
    Case {
        name: "generated: 50 MB report".into(),
        why: "a report of 50 MB (a huge comment)".into(),
        change: (path.into(), Some(text.into_bytes())),
        expect: Expect::Anything,
        also: BTreeSet::new(),
    }
}

/// What an editor reads for a representative set of faults, as `site check` prints it: a change
/// of wording, hint or location shows up as a snapshot diff to review
/// (`cargo insta review`, or `INSTA_UPDATE=always` then read the diff).
#[test]
fn check_output_for_representative_faults_is_reviewed() {
    const CASES: &[&str] = &[
        "e001-missing-equals.toml",
        "e002-personal-name.toml",
        "e003-missing-section.toml",
        "e004-string-count.toml",
        "e005-negative.toml",
        "e014-duplicate-code.toml",
        "e020-balance.toml",
        "e021-start-differs.toml",
        "e041-excellent-over-cap.toml",
        "e050-sum-admitted.toml",
        "e080-note-id-number.toml",
        "w051-branch-report-missing.toml",
    ];
    for name in CASES {
        let case = parse_case(&fixtures().join("faults").join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("data");
        copy_dir(&fixtures().join("base"), &data);
        let (rel, bytes) = &case.change;
        match bytes {
            Some(bytes) => {
                std::fs::create_dir_all(data.join(rel).parent().unwrap()).unwrap();
                std::fs::write(data.join(rel), bytes).unwrap();
            }
            None => std::fs::remove_file(data.join(rel)).unwrap(),
        }
        // Run from the copy, as an editor would from their repository: paths read `data/…`.
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_site"))
            .args(["check", "--data", "data"])
            .current_dir(tmp.path())
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stderr).into_owned();
        insta::assert_snapshot!(name.trim_end_matches(".toml"), text, &format!("{}: {}", name, case.why));
    }
}
