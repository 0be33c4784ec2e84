//! `cargo xtask sample`: a deterministic, fictional data set for the ĐUK statistics site.
//!
//! Stages: `orgs` builds the organization tree, `sim` simulates each year into the model's
//! reports, `render` writes the TOML files (reports through the schema's one writer), and the
//! site's own loader and checker validate them before they replace the generated part of the
//! output. Output is a pure function of the arguments: one seeded PRNG stream per
//! organization, sorted iteration only.

mod composition;
mod date;
mod names;
mod orgs;
mod render;
mod rng;
mod sim;

use std::path::{Path, PathBuf};

const USAGE: &str = "usage: cargo xtask sample --orgs N --years A..B --seed S --out DIR";

#[derive(Debug, PartialEq)]
struct Options {
    orgs: usize,
    first: i32,
    last: i32,
    seed: u64,
    out: PathBuf,
}

fn parse_years(s: &str) -> Result<(i32, i32), String> {
    let (a, b) = s.split_once("..").ok_or_else(|| format!("--years expects A..B (inclusive), got `{s}`"))?;
    let b = b.strip_prefix('=').unwrap_or(b);
    let year = |t: &str| {
        t.trim()
            .parse::<i32>()
            .ok()
            .filter(|y| (1950..=2200).contains(y))
            .ok_or_else(|| format!("--years: `{t}` is not a year between 1950 and 2200"))
    };
    let (a, b) = (year(a)?, year(b)?);
    if a > b {
        return Err(format!("--years: {a} is after {b}"));
    }
    if b - a > 60 {
        return Err("--years: at most 60 years".into());
    }
    Ok((a, b))
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let (mut orgs, mut years, mut seed, mut out) = (None, None, None, None);
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].as_str();
        if arg == "-h" || arg == "--help" {
            return Err(USAGE.into());
        }
        // Accept both `--key value` and `--key=value`.
        let (key, value) = match arg.split_once('=') {
            Some((k, v)) if k.starts_with("--") => (k, v.to_string()),
            _ => {
                i += 1;
                let v = args.get(i).ok_or_else(|| format!("{arg} needs a value\n{USAGE}"))?;
                (arg, v.clone())
            }
        };
        match key {
            "--orgs" => {
                let n: usize = value.parse().map_err(|_| format!("--orgs: `{value}` is not a number"))?;
                if n == 0 || n > 200_000 {
                    return Err("--orgs must be between 1 and 200000".into());
                }
                orgs = Some(n);
            }
            "--years" => years = Some(parse_years(&value)?),
            "--seed" => seed = Some(value.parse::<u64>().map_err(|_| format!("--seed: `{value}` is not a non-negative integer"))?),
            "--out" => {
                if value.is_empty() {
                    return Err("--out must not be empty".into());
                }
                out = Some(PathBuf::from(value));
            }
            _ => return Err(format!("unknown argument `{arg}`\n{USAGE}")),
        }
        i += 1;
    }
    let missing = |name: &str| format!("missing {name}\n{USAGE}");
    let (first, last) = years.ok_or_else(|| missing("--years"))?;
    Ok(Options {
        orgs: orgs.ok_or_else(|| missing("--orgs"))?,
        first,
        last,
        seed: seed.ok_or_else(|| missing("--seed"))?,
        out: out.ok_or_else(|| missing("--out"))?,
    })
}

pub fn run(args: &[String]) -> Result<(), String> {
    let opts = parse_args(args)?;
    let ds = sim::generate(opts.orgs, opts.first, opts.last, opts.seed);
    // The header names the arguments (not the output path) so copies compare equal.
    let header =
        format!("Dữ liệu mẫu hư cấu: cargo xtask sample --orgs {} --years {}..{} --seed {}", opts.orgs, opts.first, opts.last, opts.seed);
    // Written beside the output first: data that fails the checks never reaches it.
    let staged = staging_dir(&opts.out);
    let _ = std::fs::remove_dir_all(&staged);
    let checked = render::write_all(&ds, &staged, &header).and_then(|()| validate(&staged));
    if let Err(e) = checked {
        let _ = std::fs::remove_dir_all(&staged);
        return Err(e);
    }
    render::replace_generated(&staged, &opts.out)?;
    println!(
        "sample: {} organizations, {} reports, years {}..={} -> {}",
        ds.orgs.len(),
        ds.reports.len(),
        opts.first,
        opts.last,
        opts.out.display()
    );
    Ok(())
}

/// Beside the output, named after it and this process; folders left by an interrupted run are
/// removed first.
fn staging_dir(out: &Path) -> PathBuf {
    let name = out.file_name().map_or_else(|| "data".into(), |n| n.to_string_lossy().into_owned());
    let prefix = format!(".{name}.sample-");
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    for entry in std::fs::read_dir(parent).into_iter().flatten().flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
    out.with_file_name(format!("{prefix}{}", std::process::id()))
}

/// The generated tree through the site's own loader and checker: what `site check` would say
/// of it, errors and warnings alike. Only the generated files are judged (the staging
/// directory has no site.toml, documents or news).
fn validate(dir: &Path) -> Result<(), String> {
    let mut loaded = site::load::load(dir);
    site::check::check(&mut loaded);
    let (sources, findings) = (&loaded.sources, &loaded.findings.items);
    let ours = |d: &&site::diagnostic::Diagnostic| match d.file {
        Some(id) => !sources.get(id).path.ends_with("site.toml"),
        None => !d.message.contains("site.toml"),
    };
    let found: Vec<site::diagnostic::Diagnostic> = findings.iter().filter(ours).cloned().collect();
    if found.is_empty() {
        return Ok(());
    }
    let n = found.len();
    let shown = site::diagnostic::Findings { items: found.into_iter().take(20).collect() };
    Err(format!("the generated data fails the site's checks ({n} findings; the first 20):\n{}", shown.render(sources)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// The data set written and run through the site's checker: no finding at all.
    fn checked(ds: &sim::Dataset) {
        let dir = std::env::temp_dir().join(format!("xtask-sample-check-{}-{}", std::process::id(), ds.orgs.len()));
        let _ = fs::remove_dir_all(&dir);
        render::write_all(ds, &dir, "kiểm tra").unwrap();
        let result = validate(&dir);
        let _ = fs::remove_dir_all(&dir);
        result.unwrap_or_else(|e| panic!("{} organizations: {e}", ds.orgs.len()));
    }

    #[test]
    fn validation_is_the_site_checker_and_refuses_broken_output() {
        let ds = sim::generate(5, 2023, 2024, 2);
        let dir = std::env::temp_dir().join(format!("xtask-sample-broken-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        render::write_all(&ds, &dir, "kiểm tra").unwrap();
        let r = &ds.reports[0];
        let path = dir.join(format!("reports/{}/{}.toml", r.data.year, ds.orgs[r.org].code));
        let text = fs::read_to_string(&path).unwrap();
        let admitted = format!("ket_nap = {}", r.data.movements.admitted);
        fs::write(&path, text.replacen(&admitted, &format!("ket_nap = {}", r.data.movements.admitted + 1), 1)).unwrap();
        let err = validate(&dir).unwrap_err();
        let _ = fs::remove_dir_all(&dir);
        assert!(err.contains("E020") && err.contains("E022"), "{err}");
    }

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn parses_and_rejects_arguments() {
        let o = parse_args(&args("--orgs 36 --years 2020..2025 --seed 7 --out data")).unwrap();
        assert_eq!((o.orgs, o.first, o.last, o.seed), (36, 2020, 2025, 7));
        assert!(parse_args(&args("--orgs=36 --years=2020..=2025 --seed=7 --out=x")).is_ok());
        for bad in [
            "",
            "--orgs",
            "--orgs x --years 2020..2025 --seed 7 --out d",
            "--orgs 0 --years 2020..2025 --seed 7 --out d",
            "--orgs 5 --years 2025..2020 --seed 7 --out d",
            "--orgs 5 --years 2020-2025 --seed 7 --out d",
            "--orgs 5 --years 2020..2025 --seed -1 --out d",
            "--orgs 5 --years 2020..2025 --seed 7",
            "--orgs 5 --years 2020..2025 --seed 7 --out d --what 1",
        ] {
            assert!(parse_args(&args(bad)).is_err(), "accepted `{bad}`");
        }
    }

    #[test]
    fn sample_36_satisfies_invariants() {
        let ds = sim::generate(36, 2020, 2025, 7);
        checked(&ds);
        assert_eq!(ds.orgs.len(), 36);
        let count = |l: orgs::Level| ds.orgs.iter().filter(|o| o.level == l).count();
        assert_eq!(count(orgs::Level::DangBoCoSo), 6);
        assert_eq!(count(orgs::Level::ChiBoCoSo), 10);
        assert_eq!(count(orgs::Level::ChiBoTrucThuoc), 20);
        let names: std::collections::BTreeSet<_> = ds.orgs.iter().map(|o| &o.name).collect();
        assert_eq!(names.len(), 36, "names must be unique");

        // Exactly one unit founded mid-way and one merged away, as the brief asks.
        let founded: Vec<_> = ds.orgs.iter().filter(|o| o.founded.y >= 2020).collect();
        assert_eq!(founded.len(), 1);
        assert_eq!(founded[0].founded, date::Date::new(2022, 9, 1));
        let merged: Vec<_> = ds.orgs.iter().filter(|o| o.dissolved.is_some()).collect();
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].level, orgs::Level::ChiBoCoSo);
        let target = &ds.orgs[merged[0].merged_into.unwrap()];
        assert!(target.level.is_grassroots() && target.kind.key() == merged[0].kind.key());

        // Some plans unsent, some late; some small branches; some grade-4 members.
        assert!(ds.reports.iter().any(|r| r.data.next_year_plan == Some(app::model::NextYearPlan::NotSent)));
        assert!(ds.reports.iter().any(
            |r| matches!(r.data.next_year_plan, Some(app::model::NextYearPlan::Sent(d)) if d > sim::plan_deadline(r.data.year).naive())
        ));
        assert!(ds.orgs.iter().filter(|o| o.small).count() >= 2);
        assert!(ds
            .reports
            .iter()
            .any(|r| ds.orgs[r.org].small && r.data.ratings.as_ref().is_some_and(|x| x.count(app::model::Grade::Failed) > 0)));
    }

    #[test]
    fn invariants_hold_across_sizes_and_seeds() {
        let cases = [
            (1, 2020, 2020, 1),
            (3, 2020, 2021, 2),
            (5, 2020, 2021, 2),
            (20, 2018, 2025, 3),
            (20, 2023, 2025, 5),
            (40, 2024, 2025, 6),
            (300, 2016, 2025, 4),
            (1500, 2021, 2025, 8),
        ];
        for (n, a, b, seed) in cases {
            let ds = sim::generate(n, a, b, seed);
            assert_eq!(ds.orgs.len(), n);
            checked(&ds);
        }
    }

    #[test]
    fn writes_deterministic_files() {
        let dir = std::env::temp_dir().join(format!("xtask-sample-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("reports/1999")).unwrap();
        fs::write(dir.join("site.toml"), "keep = true\n").unwrap();
        let a = format!("--orgs 36 --years 2020..2025 --seed 7 --out {}", dir.display());
        run(&args(&a)).unwrap();
        let read = |p: &str| fs::read_to_string(dir.join(p)).unwrap();
        let first = (read("khoi.toml"), read("quotas/2024.toml"), read("reports/2025/CQ01.toml"));
        run(&args(&a)).unwrap();
        assert_eq!(first, (read("khoi.toml"), read("quotas/2024.toml"), read("reports/2025/CQ01.toml")));
        assert!(!dir.join("reports/1999").exists(), "stale reports removed");
        assert_eq!(read("site.toml"), "keep = true\n", "other files untouched");
        assert!(first.2.contains("ngay_so_lieu = 2025-09-30"));
        assert!(!first.2.contains("[xep_loai]"));
        let _ = fs::remove_dir_all(&dir);
    }
}
