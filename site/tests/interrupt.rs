//! Interruptions: `site build` killed with SIGKILL at pseudo-random points, again and again, into
//! the same output directory. After every kill the directory must be byte for byte either the
//! previous site or the complete new one: never a mix, never missing.
//!
//! Two data trees alternate (the sample data, and the sample data plus one news item), so each
//! build would change the output. Delays are drawn by a deterministic generator seeded per
//! iteration, from 0 to about one build's duration (the shortest of five measured first); every other iteration draws
//! from the part where the output is written and swapped in (from when the staging directory
//! appears).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::{copy_dir, sample_data};

/// Kills that must hit a running build.
const KILLS: usize = 40;
/// Attempts at most (some builds finish before their kill).
const MAX_ATTEMPTS: usize = 200;

type Snapshot = BTreeMap<PathBuf, Vec<u8>>;

/// Every file under `dir` with its bytes; `None` if `dir` does not exist.
/// A site as this test compares it: without its list of changes (`thay-doi/`, which grows with
/// every completed build into the same folder, so no two builds here would be alike) and with
/// the build's name (a hash of every file, in each page and the service worker) blanked;
/// precompressed copies are compared by what they decompress to.
fn snapshot(dir: &Path) -> Option<Snapshot> {
    use std::io::Read;
    let tree = dir.exists().then(|| common::tree(dir))?;
    let name =
        String::from_utf8_lossy(tree.get(Path::new("index.html"))?).split("data-phien-ban=\"").nth(1)?.split('"').next()?.to_string();
    let blank = |path: &Path, bytes: &Vec<u8>| {
        let mut plain = Vec::new();
        let bytes = match path.extension().and_then(|e| e.to_str()) {
            Some("gz") => flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut plain).map(|_| &plain).unwrap_or(bytes),
            Some("br") => brotli::BrotliDecompress(&mut &bytes[..], &mut plain).map(|_| &plain).unwrap_or(bytes),
            _ => bytes,
        };
        match std::str::from_utf8(bytes) {
            Ok(text) if !name.is_empty() => text.replace(&name, "").into_bytes(),
            _ => bytes.clone(),
        }
    };
    Some(tree.iter().filter(|(p, _)| !p.starts_with("thay-doi")).map(|(p, b)| (p.clone(), blank(p, b))).collect())
}

fn build(data: &Path, out: &str, cwd: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_site"))
        .args(["build", "--data"])
        .arg(data)
        .args(["--out", out])
        .current_dir(cwd)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn build_to_end(data: &Path, out: &str, cwd: &Path) -> Duration {
    let started = Instant::now();
    let status = build(data, out, cwd).wait().unwrap();
    assert!(status.success(), "site build --data {} --out {out} failed", data.display());
    started.elapsed()
}

/// A build of `data` into `public/`, timed: (when its staging directory appeared, when it exited).
fn timed_build(data: &Path, cwd: &Path) -> (Duration, Duration) {
    let started = Instant::now();
    let mut child = build(data, "public", cwd);
    let staging = cwd.join(format!(".public.tmp-build-{}", child.id()));
    let mut staged = None;
    loop {
        if staged.is_none() && staging.exists() {
            staged = Some(started.elapsed());
        }
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "site build --data {} failed", data.display());
            let total = started.elapsed();
            return (staged.unwrap_or(total), total);
        }
        std::thread::sleep(Duration::from_micros(300));
    }
}

/// SplitMix64: small, deterministic, good enough to spread delays.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// Leftover directories of killed builds beside `public/`.
fn leftovers(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public."))
        .collect();
    v.sort();
    v
}

fn describe(state: &Option<Snapshot>, old: &Snapshot, new: &Snapshot) -> String {
    let Some(s) = state else { return "public/ is missing".into() };
    let missing = new.keys().chain(old.keys()).filter(|k| !s.contains_key(*k)).count();
    let differing_from_old = s.iter().filter(|(k, v)| old.get(*k) != Some(v)).count();
    let differing_from_new = s.iter().filter(|(k, v)| new.get(*k) != Some(v)).count();
    format!("public/ has {} files: {differing_from_old} differ from the old site, {differing_from_new} from the new one, {missing} expected files absent", s.len())
}

#[test]
fn a_killed_build_leaves_the_previous_or_the_complete_new_site() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let a = root.join("data-a");
    let b = root.join("data-b");
    copy_dir(&sample_data(), &a);
    copy_dir(&sample_data(), &b);
    std::fs::write(
        b.join("news/2025-12-01-tin-kiem-thu-ngat-giua-chung.md"),
        "+++\ntieu_de = \"Tin kiểm thử: bản dựng bị ngắt giữa chừng\"\nngay = 2025-12-01\ntom_tat = \"Tin chỉ có trong một trong hai bộ dữ liệu của phép thử ngắt.\"\n+++\n\nNội dung tin.\n",
    )
    .unwrap();

    // The two sites, and how long one build into public/ takes (spawn to exit; the shortest of
    // five, so that most kills land while the build runs). The last one leaves site A.
    build_to_end(&a, "ref-a", root);
    build_to_end(&b, "ref-b", root);
    let site_a = snapshot(&root.join("ref-a")).unwrap();
    let site_b = snapshot(&root.join("ref-b")).unwrap();
    let timings: Vec<(Duration, Duration)> = (0..5).map(|i| timed_build(if i % 2 == 0 { &a } else { &b }, root)).collect();
    assert_eq!(snapshot(&root.join("public")).as_ref(), Some(&site_a));
    let build_time = timings.iter().map(|t| t.1).min().unwrap();
    // When the staging directory first appeared: writing starts there.
    let write_start = timings.iter().map(|t| t.0).min().unwrap().min(build_time);
    assert_ne!(site_a, site_b, "the two data trees must give different sites");
    let sites = [(&a, &site_a), (&b, &site_b)];

    let public = root.join("public");
    let mut current = 0; // index into `sites` of what public/ holds
    let (mut kills, mut finished_first, mut kept_old, mut got_new, mut while_writing) = (0, 0, 0, 0, 0);
    let mut failures = Vec::new();
    let mut attempt = 0;
    while kills < KILLS && attempt < MAX_ATTEMPTS {
        let mut rng = Rng(0x1D7E_5EED ^ (attempt as u64).wrapping_mul(0x0100_0000_01B3));
        let span = build_time.as_micros() as u64;
        // Even attempts: anywhere in the build; odd ones: from the start of writing to the end.
        let from = write_start.as_micros() as u64;
        let micros = if attempt % 2 == 0 { rng.next() % (span + 1) } else { from + rng.next() % (span.saturating_sub(from) + 1) };
        let delay = Duration::from_micros(micros);
        attempt += 1;

        let target = 1 - current;
        let mut child = build(sites[target].0, "public", root);
        std::thread::sleep(delay);
        let killed = match child.try_wait().unwrap() {
            Some(_) => false,
            None => {
                // SIGKILL on Unix: no destructor, no cleanup runs.
                child.kill().unwrap();
                child.wait().unwrap();
                true
            }
        };
        let after = snapshot(&public);
        let left = leftovers(root);
        let (old, new) = (sites[current].1, sites[target].1);
        let outcome = match &after {
            Some(s) if s == old => Some(current),
            Some(s) if s == new => Some(target),
            _ => None,
        };
        match outcome {
            Some(state) => {
                if killed {
                    kills += 1;
                    if state == target {
                        got_new += 1;
                    } else {
                        kept_old += 1;
                    }
                    if left.iter().any(|n| n.contains(".tmp-build-")) {
                        while_writing += 1;
                    }
                } else {
                    finished_first += 1;
                    assert_eq!(state, target, "a build that exited by itself must have replaced the site");
                }
                current = state;
            }
            None => {
                if killed {
                    kills += 1;
                }
                failures.push(format!(
                    "attempt {attempt}: {} after {delay:?} (build takes {build_time:?}): {}; beside it: {left:?}",
                    if killed { "killed" } else { "finished" },
                    describe(&after, old, new)
                ));
                // Start the next attempt from a known state.
                build_to_end(sites[current].0, "public", root);
            }
        }
    }

    // A complete build afterwards cleans up every killed build's leftovers.
    build_to_end(sites[1 - current].0, "public", root);
    assert_eq!(snapshot(&public).as_ref(), Some(sites[1 - current].1), "a build after the kills gives the complete site");
    let left = leftovers(root);

    figure(format!(
        "interrupt: {} kills survived ({kills} kills of {attempt} builds, one build {build_time:?}, writing from {write_start:?}; {kept_old} left the previous site, {got_new} the complete new one, {while_writing} hit while writing the staging directory; {finished_first} builds finished before their kill)",
        kills - failures.len()
    ));
    assert!(failures.is_empty(), "{} kills broke the published site:\n{}", failures.len(), failures.join("\n"));
    assert!(kills >= KILLS, "only {kills} of {attempt} builds were still running when killed (build time {build_time:?})");
    assert!(left.is_empty(), "leftovers of killed builds remain after a complete build: {left:?}");
}

/// Prints this test's figure straight to stderr, past the test harness's output capture, so
/// that `cargo xtask test` shows it for passing tests too.
fn figure(line: String) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// The one instant the random kills almost never hit: between `write_atomically`'s two renames,
/// `public/` has just become `.public.old-build-<pid>` and the new site is not in place yet. That
/// is the state a SIGKILL there leaves, made here directly. The previous site must survive it:
/// the next build, even one that fails on its data, must not leave the site missing (nor delete
/// the only copy of it with the killed build's leftovers).
#[test]
fn a_build_killed_between_its_two_renames_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let data = root.join("data");
    copy_dir(&sample_data(), &data);
    build_to_end(&data, "public", root);
    let published = snapshot(&root.join("public")).unwrap();
    // The killed build had renamed the published site aside, and died.
    std::fs::rename(root.join("public"), root.join(".public.old-build-4194301")).unwrap();

    // The next build fails on a data error: it must write nothing, and the site must be there.
    let report = data.join("reports/2024/CQ01-01.toml");
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::write(&report, text.replacen("ket_nap = ", "ket_nap = = ", 1)).unwrap();
    let status = build(&data, "public", root).wait().unwrap();
    assert_eq!(status.code(), Some(1), "the broken data must fail the build");
    let after = snapshot(&root.join("public"));
    let beside = leftovers(root);
    assert!(
        after.as_ref() == Some(&published),
        "after a build killed between its renames and a failed rebuild, the previous site is lost: {}; beside it: {beside:?}",
        describe(&after, &published, &published)
    );
}
