//! `cargo xtask bench`: the build's speed and weight, printed side by side in one run (machines
//! here are noisy: compare within a run, not across runs).
//!
//! - 2,000 documents, built by `site` and by Hugo (installed from Debian when missing) from the
//!   same markdown: pages per second and peak memory, and their ratios;
//! - generated trees of 100, 1,000 and 5,000 organizations over ten years: a fresh build, a
//!   rebuild over the published site after one report was saved, peak memory, output size and
//!   what `/thong-ke/` transfers (gzip);
//! - the core count, since a build uses every core.
//!
//! Targets (issue #15) are printed beside the figures; the command fails only when a build does.

use crate::{budget, tools};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// One measured process: wall time and peak resident memory.
struct Run {
    seconds: f64,
    peak_mb: f64,
}

/// Runs `cmd` to its end and measures it (peak memory from the kernel's own count, `wait4`).
fn measure(cmd: &mut Command, what: &str) -> Result<Run, String> {
    let started = Instant::now();
    let child = cmd.stdout(Stdio::null()).stderr(Stdio::piped()).spawn().map_err(|e| format!("{what}: {e}"))?;
    let pid = child.id() as libc::pid_t;
    // Read stderr on a thread so a chatty process cannot block on a full pipe.
    let mut stderr = child.stderr.ok_or("stderr")?;
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut s);
        s
    });
    let mut status = 0;
    // SAFETY: zeroed rusage is a valid value; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let seconds = started.elapsed().as_secs_f64();
    let err = reader.join().unwrap_or_default();
    if rc != pid || !libc::WIFEXITED(status) || libc::WEXITSTATUS(status) != 0 {
        return Err(format!(
            "{what} failed:\n{}",
            err.lines().rev().take(20).collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>().join("\n")
        ));
    }
    Ok(Run { seconds, peak_mb: usage.ru_maxrss as f64 / 1024.0 })
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    for f in files_under(from) {
        let target = to.join(f.strip_prefix(from).map_err(|e| e.to_string())?);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        }
        std::fs::copy(&f, &target).map_err(|e| format!("{}: {e}", f.display()))?;
    }
    Ok(())
}

fn html_pages(dir: &Path) -> usize {
    files_under(dir).iter().filter(|p| p.extension().is_some_and(|e| e == "html")).count()
}

/// Bytes of the output, without the precompressed copies (as Hugo's output has none).
fn output_mb(dir: &Path) -> f64 {
    let size: u64 = files_under(dir)
        .iter()
        .filter(|p| !p.extension().is_some_and(|e| e == "gz" || e == "br"))
        .filter_map(|p| p.metadata().ok())
        .map(|m| m.len())
        .sum();
    size as f64 / 1e6
}

fn site_binary(root: &Path) -> Result<PathBuf, String> {
    let status = Command::new(tools::cargo())
        .current_dir(root)
        .args(["build", "--quiet", "--release", "--package", "site"])
        .status()
        .map_err(|e| e.to_string())?;
    if !status.success() {
        return Err("cargo build --release -p site failed".into());
    }
    Ok(root.join("target/release/site"))
}

fn site_build(site: &Path, data: &Path, out: &Path, app: &Path) -> Command {
    let mut c = Command::new(site);
    c.args(["build", "--data"]).arg(data).arg("--out").arg(out).arg("--app-dir").arg(app);
    c
}

/// A copy of `data` whose documents are `n`, made from its own by giving each a new number and
/// date, and the same documents as a Hugo site (front matter and body).
fn documents(data: &Path, n: usize, ours: &Path, hugo: &Path) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(ours);
    let _ = std::fs::remove_dir_all(hugo);
    copy_dir(data, ours)?;
    let docs = ours.join("documents");
    let mut originals: Vec<PathBuf> = files_under(&docs).into_iter().filter(|p| p.extension().is_some_and(|e| e == "md")).collect();
    originals.sort();
    if originals.is_empty() {
        return Err(format!("{} has no documents to copy", docs.display()));
    }
    let texts: Vec<String> = originals.iter().map(std::fs::read_to_string).collect::<Result<_, _>>().map_err(|e| e.to_string())?;
    for p in &originals {
        std::fs::remove_file(p).map_err(|e| e.to_string())?;
    }
    let content = hugo.join("content/van-ban");
    std::fs::create_dir_all(&content).map_err(|e| e.to_string())?;
    let first = chrono::NaiveDate::from_ymd_opt(2016, 1, 4).ok_or("date")?;
    for i in 0..n {
        let text = &texts[i % texts.len()];
        let (front, body) = text.trim_start_matches("+++").split_once("+++").ok_or("a document without front matter")?;
        let date = first + chrono::Days::new((i as u64 * 3) % 3600);
        let number = 1000 + i;
        let kind = front.lines().find_map(|l| l.strip_prefix("loai = ")).map(|v| v.trim_matches('"').to_string()).unwrap_or("CV".into());
        let front: String = front
            .lines()
            .map(|l| {
                if l.starts_with("so_ky_hieu = ") {
                    format!("so_ky_hieu = \"{number}-{kind}/ĐUK\"")
                } else if l.starts_with("ngay_ban_hanh = ") {
                    format!("ngay_ban_hanh = {date}")
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let name = format!("{date}-{number}-{}.md", kind.to_lowercase());
        std::fs::write(docs.join(&name), format!("+++{front}\n+++{body}")).map_err(|e| e.to_string())?;
        let title = front.lines().find_map(|l| l.strip_prefix("trich_yeu = ")).unwrap_or("\"Văn bản\"").to_string();
        std::fs::write(content.join(&name), format!("+++\ntitle = {title}\ndate = {date}\n+++\n{body}")).map_err(|e| e.to_string())?;
    }
    // A minimal theme doing what ours does for a document: a page each and a list.
    let layouts = hugo.join("layouts/_default");
    std::fs::create_dir_all(&layouts).map_err(|e| e.to_string())?;
    let files = [
        ("hugo.toml", "baseURL = 'https://example.vn/'\nlanguageCode = 'vi'\ntitle = 'Đảng bộ Khối'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n"),
        ("layouts/_default/baseof.html", "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><main>{{ block \"main\" . }}{{ end }}</main></body></html>\n"),
        ("layouts/_default/single.html", "{{ define \"main\" }}<h1>{{ .Title }}</h1><p>{{ .Date.Format \"02/01/2006\" }}</p>{{ .Content }}{{ end }}\n"),
        ("layouts/_default/list.html", "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n"),
    ];
    for (path, text) in files {
        std::fs::write(hugo.join(path), text).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Hugo from Debian, installed when missing (as the other tools are); `None` when it cannot be.
fn hugo() -> Option<PathBuf> {
    let found = || {
        Command::new("hugo")
            .arg("version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .ok()
            .filter(|s| s.success())
            .map(|_| PathBuf::from("hugo"))
    };
    if let Some(h) = found() {
        return Some(h);
    }
    eprintln!("bench: installing hugo from Debian (apt-get install hugo)");
    let root = unsafe { libc::geteuid() } == 0;
    let apt = |args: &[&str]| {
        let mut c = if root { Command::new("apt-get") } else { Command::new("sudo") };
        if !root {
            c.args(["-n", "apt-get"]);
        }
        let _ = c.args(args).stdout(Stdio::null()).status();
    };
    apt(&["update", "-qq"]);
    apt(&["install", "-y", "-qq", "hugo"]);
    found()
}

pub fn run(root: &Path) -> Result<(), String> {
    tools::install(root, tools::Needs::Build)?;
    let app = crate::build_app(root)?;
    let site = site_binary(root)?;
    let work = root.join("target/bench");
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut lines = Printed(Vec::new());
    lines.push(format!("bench: {cores} cores; every figure from this run"));

    // 2,000 documents, side by side with Hugo.
    let (ours, hugo_site) = (work.join("docs-data"), work.join("docs-hugo"));
    documents(&root.join("data"), 2000, &ours, &hugo_site)?;
    let out = work.join("docs-out");
    let _ = std::fs::remove_dir_all(&out);
    let us = measure(&mut site_build(&site, &ours, &out, &app), "site build (2,000 documents)")?;
    let our_pages = html_pages(&out);
    lines.push(format!(
        "bench: 2,000 documents  site: {our_pages} pages in {:.2} s ({:.0} pages/s), peak {:.0} MB",
        us.seconds,
        our_pages as f64 / us.seconds,
        us.peak_mb
    ));
    match hugo() {
        Some(h) => {
            let hugo_out = work.join("docs-hugo-out");
            let _ = std::fs::remove_dir_all(&hugo_out);
            let them = measure(Command::new(h).arg("--quiet").arg("--source").arg(&hugo_site).arg("--destination").arg(&hugo_out), "hugo")?;
            let their_pages = html_pages(&hugo_out);
            let (ours_rate, theirs_rate) = (our_pages as f64 / us.seconds, their_pages as f64 / them.seconds);
            lines.push(format!(
                "bench: 2,000 documents  hugo: {their_pages} pages in {:.2} s ({:.0} pages/s), peak {:.0} MB",
                them.seconds, theirs_rate, them.peak_mb
            ));
            lines.push(format!(
                "bench: site ÷ hugo      pages/s ×{:.2} (target ≥ 3), peak memory ×{:.2} (target ≤ 0.25)",
                ours_rate / theirs_rate,
                us.peak_mb / them.peak_mb
            ));
        }
        None => lines.push("bench: hugo could not be installed (apt-get install hugo): no comparison".into()),
    }
    // What `--precompress` adds to a fresh build, and to a rebuild that reuses the copies.
    let _ = std::fs::remove_dir_all(&out);
    let fresh = measure(site_build(&site, &ours, &out, &app).arg("--precompress"), "site build --precompress")?;
    let again = measure(site_build(&site, &ours, &out, &app).arg("--precompress"), "site rebuild --precompress")?;
    lines.push(format!(
        "bench: 2,000 documents  site --precompress: {:.2} s fresh, {:.2} s rebuilding over it (unchanged files keep their copies)",
        fresh.seconds, again.seconds
    ));

    // Trees of organizations.
    for orgs in [100usize, 1000, 5000] {
        let data = work.join(format!("tree-{orgs}"));
        if !data.join("khoi.toml").exists() {
            let args: Vec<String> = ["--orgs", &orgs.to_string(), "--years", "2016..2025", "--seed", "7", "--out"]
                .iter()
                .map(|s| s.to_string())
                .chain([data.display().to_string()])
                .collect();
            crate::sample::run(&args)?;
            // The site's settings, documents and news are the sample folder's.
            for entry in std::fs::read_dir(root.join("data")).map_err(|e| e.to_string())?.flatten() {
                let target = data.join(entry.file_name());
                if !target.exists() {
                    if entry.path().is_dir() {
                        copy_dir(&entry.path(), &target)?;
                    } else {
                        std::fs::copy(entry.path(), &target).map_err(|e| e.to_string())?;
                    }
                }
            }
        }
        let out = work.join(format!("tree-{orgs}-out"));
        let _ = std::fs::remove_dir_all(&out);
        let fresh = measure(&mut site_build(&site, &data, &out, &app), &format!("site build ({orgs} organizations)"))?;
        // One report saved (a comment added), then a rebuild over the published site.
        let report = files_under(&data.join("reports/2025"))
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .min()
            .ok_or("no 2025 report")?;
        let text = std::fs::read_to_string(&report).map_err(|e| e.to_string())?;
        std::fs::write(&report, format!("{text}# bench {}\n", std::process::id())).map_err(|e| e.to_string())?;
        let again = measure(&mut site_build(&site, &data, &out, &app), &format!("site rebuild ({orgs} organizations)"));
        std::fs::write(&report, text).map_err(|e| e.to_string())?;
        let again = again?;
        let stats = budget::measure(&out)?.stats_transfer;
        lines.push(format!(
            "bench: {orgs:>5} organizations  build {:.2} s, peak {:.0} MB, output {:.0} MB; rebuild after one report {:.2} s, peak {:.0} MB; /thong-ke/ {:.1} KB gzip",
            fresh.seconds,
            fresh.peak_mb,
            output_mb(&out),
            again.seconds,
            again.peak_mb,
            stats as f64 / 1024.0
        ));
    }
    lines.push("bench: targets for 5,000 organizations: build ≤ 5 s, peak ≤ 300 MB, /thong-ke/ ≤ 150 KB gzip; rebuild ≤ 0.5 s".into());
    eprintln!("\n{}", lines.0.join("\n"));
    Ok(())
}

/// The figures: each printed as it comes (a run takes minutes), and all together at the end.
struct Printed(Vec<String>);

impl Printed {
    fn push(&mut self, line: String) {
        eprintln!("{line}");
        self.0.push(line);
    }
}
