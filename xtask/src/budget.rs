//! Size budgets of what a leader's phone downloads, checked on every test run: the figures are
//! printed, and a budget exceeded fails the run.

use std::path::Path;
use std::process::Command;

/// wasm + JS of the app, gzip.
pub const APP_GZIP: u64 = 120 * 1024;
/// wasm + JS of the report checker (`/nhap-lieu/`): the data loader and every check.
pub const CHECKER_GZIP: u64 = 350 * 1024;
/// Each wasm app with its budget.
pub const APPS: [(&str, u64); 3] = [("dashboard", APP_GZIP), ("search", APP_GZIP), ("checker", CHECKER_GZIP)];
/// Everything `/thong-ke/` transfers for the sample data (HTML, CSS, JS, wasm, data), gzip.
pub const STATS_PAGE_GZIP: u64 = 150 * 1024;

fn gzip_size(bytes: &[u8]) -> Result<u64, String> {
    use std::io::Write;
    let mut child = Command::new("gzip")
        .args(["-9", "-c"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("gzip: {e}"))?;
    // Written from another thread: gzip's output pipe fills while a large input is still being
    // written, and both sides would wait for ever.
    let mut stdin = child.stdin.take().ok_or("gzip stdin")?;
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    writer.join().map_err(|_| "gzip writer panicked".to_string())?.map_err(|e| e.to_string())?;
    Ok(out.stdout.len() as u64)
}

fn file_gzip(path: &Path) -> Result<u64, String> {
    gzip_size(&std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?)
}

/// What a built site's apps and dashboard weigh.
pub struct Sizes {
    pub lines: Vec<String>,
    /// (app, wasm + JS gzip, budget).
    pub apps: Vec<(&'static str, u64, u64)>,
    /// Everything `/thong-ke/` transfers on a first visit, gzip.
    pub stats_transfer: u64,
}

/// Checks the built site in `dist` (built with the apps). Returns the report lines, or an error
/// naming the budget exceeded.
pub fn check(dist: &Path) -> Result<Vec<String>, String> {
    let Sizes { lines, apps, stats_transfer: page } = measure(dist)?;
    let pkg = dist.join("pkg");
    if let Some((name, size, budget)) = apps.iter().find(|(_, size, budget)| size > budget) {
        return Err(format!(
            "{}\nbudget exceeded: the {name} app is {:.1} KB gzip (budget {} KB)",
            lines.join("\n"),
            *size as f64 / 1024.0,
            budget / 1024
        ));
    }
    if apps.iter().any(|(_, size, _)| *size == 0) {
        return Err(format!("{}\nbudget: an app is missing from {}", lines.join("\n"), pkg.display()));
    }
    if page > STATS_PAGE_GZIP {
        return Err(format!(
            "{}\nbudget exceeded: /thong-ke/ transfers {:.1} KB gzip (budget {} KB)",
            lines.join("\n"),
            page as f64 / 1024.0,
            STATS_PAGE_GZIP / 1024
        ));
    }
    Ok(lines)
}

/// Measures the apps and what `/thong-ke/` transfers, printing nothing.
pub fn measure(dist: &Path) -> Result<Sizes, String> {
    let mut lines = Vec::new();
    let pkg = dist.join("pkg");
    // A file's precompressed copies (`.gz`, `.br`) are the file, measured by its gzip size.
    let mut entries: Vec<_> = std::fs::read_dir(&pkg)
        .map_err(|e| format!("{}: {e}", pkg.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| !p.extension().is_some_and(|e| e == "gz" || e == "br"))
        .collect();
    entries.sort();
    // Each app: its JS glue, its wasm and the module that starts it (`boot-<name>-…`).
    let mut apps: Vec<(&str, u64, u64)> = Vec::new();
    for (name, budget) in APPS {
        let mut size = 0;
        for f in &entries {
            let file = f.file_name().unwrap_or_default().to_string_lossy();
            if file.starts_with(&format!("{name}-")) || file.starts_with(&format!("boot-{name}-")) {
                let gz = file_gzip(f)?;
                size += gz;
                lines.push(format!("budget: {:<44} {:>7.1} KB gzip", file, gz as f64 / 1024.0));
            }
        }
        lines.push(format!(
            "budget: {:<44} {:>7.1} KB gzip of {} KB",
            format!("{name} app (wasm + JS)"),
            size as f64 / 1024.0,
            budget / 1024
        ));
        apps.push((name, size, budget));
    }

    // The page and every same-site file it references, and the app its boot module imports.
    let html = std::fs::read_to_string(dist.join("thong-ke/index.html")).map_err(|e| e.to_string())?;
    let mut page = gzip_size(html.as_bytes())?;
    lines.push(format!("budget: thong-ke/index.html                      {:>7.1} KB gzip", page as f64 / 1024.0));
    let mut counted: Vec<String> = Vec::new();
    for attr in ["href=\"/", "src=\"/"] {
        for part in html.split(attr).skip(1) {
            let path = part.split('"').next().unwrap_or("");
            if path.starts_with("pkg/boot-") {
                // The boot module is counted with its app.
                page += apps.iter().find(|(name, _, _)| path.starts_with(&format!("pkg/boot-{name}-"))).map_or(0, |(_, size, _)| *size);
            } else if [".css", ".js", ".svg", ".webmanifest"].iter().any(|ext| path.ends_with(ext)) && !counted.iter().any(|c| c == path) {
                page += file_gzip(&dist.join(path))?;
                counted.push(path.to_string());
            }
        }
    }
    // The service worker and what it saves on the first visit (the apps are counted above).
    if let Ok(worker) = std::fs::read_to_string(dist.join("sw.js")) {
        page += gzip_size(worker.as_bytes())?;
        let list = worker.split("const PRECACHE = ").nth(1).and_then(|rest| rest.split(';').next()).unwrap_or("[]");
        // A JSON list of plain paths: no commas or quotes inside them.
        for route in list.trim_matches(['[', ']']).split(',').filter(|r| !r.is_empty()) {
            let path = route.trim_matches('"').trim_start_matches('/');
            let file = if path.is_empty() || path.ends_with('/') { format!("{path}index.html") } else { path.to_string() };
            if file == "thong-ke/index.html" || file.starts_with("pkg/") || counted.contains(&file) {
                continue;
            }
            let size = file_gzip(&dist.join(&file))?;
            lines.push(format!("budget: {:<44} {:>7.1} KB gzip (saved for offline)", file, size as f64 / 1024.0));
            page += size;
        }
    }
    lines.push(format!(
        "budget: /thong-ke/ total transfer                {:>7.1} KB gzip of {} KB",
        page as f64 / 1024.0,
        STATS_PAGE_GZIP / 1024
    ));
    Ok(Sizes { lines, apps, stats_transfer: page })
}
