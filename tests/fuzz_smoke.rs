//! The smoke pass of the fuzz targets, in the normal test suite (no cargo-fuzz, no nightly): every
//! seed of `fuzz/corpus/<target>/` and a fixed set of deterministic mutations of them (byte
//! flips, truncations, deletions, duplications, dictionary tokens from `fuzz/dicts/`) go through
//! the very code the fuzz targets run (`tests/fuzz_harness.rs`). Each input must finish without
//! a panic, within `TIME_LIMIT`, with every invariant of the harness holding. All failures are
//! collected and reported together with the input that caused them.

#[path = "fuzz_harness.rs"]
mod harness;

use e2e::figure;

use harness::{Harness, Outcome, Target};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Per input; a hang detector, not a benchmark (debug builds are slow).
const TIME_LIMIT: Duration = Duration::from_secs(20);
/// Deterministic mutations per target.
const MUTATIONS: usize = 400;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn seeds(target: Target) -> Vec<(String, Vec<u8>)> {
    let dir = root().join("fuzz/corpus").join(target.name());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let mut out: Vec<(String, Vec<u8>)> =
        files.iter().map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(p).unwrap())).collect();
    let base = root().join("tests/fixtures/base");
    for (i, bytes) in Harness::base_inputs(target, &base).into_iter().enumerate() {
        out.push((format!("base input {i}"), bytes));
    }
    out
}

/// Tokens of a libFuzzer dictionary (`"…"` lines with `\xNN` escapes).
fn dictionary(target: Target) -> Vec<Vec<u8>> {
    let text = std::fs::read_to_string(root().join("fuzz/dicts").join(format!("{}.dict", target.name()))).unwrap();
    text.lines()
        .filter_map(|l| l.trim().strip_prefix('"').and_then(|l| l.strip_suffix('"')))
        .map(|t| {
            let b = t.as_bytes();
            let mut out = Vec::new();
            let mut i = 0;
            while i < b.len() {
                if b[i] == b'\\' && i + 3 < b.len() && b[i + 1] == b'x' {
                    out.push(u8::from_str_radix(&t[i + 2..i + 4], 16).unwrap());
                    i += 4;
                } else {
                    out.push(b[i]);
                    i += 1;
                }
            }
            out
        })
        .collect()
}

/// SplitMix64: a small deterministic generator, so every run tries the same inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// One to three mutations of `seed`, and a description of them.
fn mutate(seed: &[u8], dict: &[Vec<u8>], rng: &mut Rng) -> (Vec<u8>, String) {
    let mut b = seed.to_vec();
    let mut what = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let at = rng.below(b.len() + 1);
        match rng.below(7) {
            0 if !b.is_empty() => {
                let at = at.min(b.len() - 1);
                let bit = 1u8 << rng.below(8);
                b[at] ^= bit;
                what.push(format!("flip bit {bit:#04x} at {at}"));
            }
            1 => {
                b.truncate(at);
                what.push(format!("truncate to {at}"));
            }
            2 => {
                let len = rng.below(64).min(b.len() - at);
                b.drain(at..at + len);
                what.push(format!("delete {len} at {at}"));
            }
            3 => {
                let len = rng.below(256).min(b.len() - at);
                let copy = b[at..at + len].to_vec();
                let to = rng.below(b.len() + 1);
                b.splice(to..to, copy);
                what.push(format!("duplicate {len} from {at} to {to}"));
            }
            4 if !dict.is_empty() => {
                let t = &dict[rng.below(dict.len())];
                b.splice(at..at, t.iter().copied());
                what.push(format!("insert {:?} at {at}", String::from_utf8_lossy(t)));
            }
            5 => {
                let byte = [0u8, b'\n', b'\r', b'"', b'=', b'[', b'<', b'>', b'&', 0xff, 0xc3][rng.below(11)];
                b.insert(at, byte);
                what.push(format!("insert byte {byte:#04x} at {at}"));
            }
            _ if !b.is_empty() => {
                // Replace a digit run by an extreme number.
                let extreme =
                    ["-1", "0", "4294967295", "4294967296", "9223372036854775807", "-9223372036854775808", "1e309", "99999999999999999999"]
                        [rng.below(8)];
                match b[at.min(b.len() - 1)..].iter().position(u8::is_ascii_digit) {
                    Some(p) => {
                        let s = at.min(b.len() - 1) + p;
                        let e = s + b[s..].iter().take_while(|c| c.is_ascii_digit()).count();
                        b.splice(s..e, extreme.bytes());
                        what.push(format!("number at {s} → {extreme}"));
                    }
                    None => what.push("no digit to replace".into()),
                }
            }
            _ => what.push("no-op on empty input".into()),
        }
    }
    (b, what.join(", "))
}

/// Saves a failing input for `cargo fuzz run <target> <file>` and names it with its beginning.
fn keep(target: Target, n: usize, bytes: &[u8]) -> String {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-smoke-failures");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("{}-{n}", target.name()));
    let _ = std::fs::write(&path, bytes);
    let text = String::from_utf8_lossy(bytes);
    let head: String = text.chars().take(160).collect();
    format!("{} ({} bytes, starts {head:?})", path.display(), bytes.len())
}

fn panic_message(p: Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<String>().cloned().or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_else(|| "(no message)".into())
}

struct Tally {
    inputs: usize,
    seeds: usize,
    rendered: usize,
    data_errors: usize,
    slowest: Duration,
    failures: Vec<String>,
}

/// Runs every input on a worker thread that owns the harness, so a hang is reported, not waited on.
fn smoke(target: Target) -> Tally {
    let seeds = seeds(target);
    let dict = dictionary(target);
    let mut inputs: Vec<(String, Vec<u8>)> = seeds.clone();
    let mut rng = Rng(0x5EED_0000 + target as u64);
    for i in 0..MUTATIONS {
        let (name, seed) = &seeds[i % seeds.len()];
        let (bytes, what) = mutate(seed, &dict, &mut rng);
        inputs.push((format!("{name} mutated ({what})"), bytes));
    }
    let (to_worker, jobs) = mpsc::channel::<Vec<u8>>();
    let (to_main, results) = mpsc::channel::<Result<Outcome, String>>();
    let base = root().join("tests/fixtures/base");
    std::thread::Builder::new()
        .name(format!("fuzz-smoke-{}", target.name()))
        .stack_size(16 << 20)
        .spawn(move || {
            let h = Harness::new(target, &base);
            for input in jobs {
                let r = std::panic::catch_unwind(AssertUnwindSafe(|| h.run(&input))).map_err(panic_message);
                if to_main.send(r).is_err() {
                    break;
                }
            }
        })
        .unwrap();
    let mut tally = Tally { inputs: 0, seeds: seeds.len(), rendered: 0, data_errors: 0, slowest: Duration::ZERO, failures: Vec::new() };
    for (name, bytes) in &inputs {
        let started = Instant::now();
        to_worker.send(bytes.clone()).unwrap();
        match results.recv_timeout(TIME_LIMIT) {
            Ok(Ok(outcome)) => match outcome {
                Outcome::Rendered(_) => tally.rendered += 1,
                Outcome::DataErrors(_) | Outcome::BrokenLinks => tally.data_errors += 1,
            },
            Ok(Err(panic)) => tally.failures.push(format!(
                "{}: {name}: panicked: {panic}\n  input: {}",
                target.name(),
                keep(target, tally.failures.len(), bytes)
            )),
            Err(_) => {
                tally.failures.push(format!(
                    "{}: {name}: no result after {TIME_LIMIT:?} (hang?)\n  input: {}",
                    target.name(),
                    keep(target, tally.failures.len(), bytes)
                ));
                // The worker is stuck: the remaining inputs cannot run.
                break;
            }
        }
        tally.slowest = tally.slowest.max(started.elapsed());
        tally.inputs += 1;
    }
    tally
}

fn run(target: Target) {
    let started = Instant::now();
    // Keep the panic messages of caught panics out of the output: they are reported below.
    let t = smoke(target);
    figure(format!(
        "fuzz smoke: {}: {} inputs run ({} seeds + {} mutations), {} rendered, {} refused (data errors or broken links), {} failures, slowest {:.0?}, {:.1?} in all",
        target.name(),
        t.inputs,
        t.seeds,
        t.inputs.saturating_sub(t.seeds),
        t.rendered,
        t.data_errors,
        t.failures.len(),
        t.slowest,
        started.elapsed()
    ));
    assert!(t.failures.is_empty(), "{} of {} inputs failed:\n{}", t.failures.len(), t.inputs, t.failures.join("\n"));
    assert!(t.rendered > 0, "no input rendered: the seeds should include valid ones");
}

#[test]
fn report_seeds_and_mutations_load_check_and_render_without_panic() {
    run(Target::Report);
}

#[test]
fn markdown_seeds_and_mutations_render_without_panic_or_active_content() {
    run(Target::Markdown);
}
