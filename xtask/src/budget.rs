//! Size budgets of what a leader's phone downloads, checked on every test run: the figures are
//! printed, and a budget exceeded fails the run.

use std::path::Path;
use std::process::Command;

/// wasm + JS of the app, gzip.
pub const APP_GZIP: u64 = 120 * 1024;
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
    child.stdin.take().ok_or("gzip stdin")?.write_all(bytes).map_err(|e| e.to_string())?;
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    Ok(out.stdout.len() as u64)
}

fn file_gzip(path: &Path) -> Result<u64, String> {
    gzip_size(&std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?)
}

/// Checks the built site in `dist` (built with the app). Returns the report lines, or an error
/// naming the budget exceeded.
pub fn check(dist: &Path) -> Result<Vec<String>, String> {
    let mut lines = Vec::new();
    let pkg = dist.join("pkg");
    let mut app = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&pkg).map_err(|e| format!("{}: {e}", pkg.display()))?.flatten().map(|e| e.path()).collect();
    entries.sort();
    for f in &entries {
        let size = file_gzip(f)?;
        app += size;
        lines.push(format!("budget: {:<44} {:>7.1} KB gzip", f.file_name().unwrap_or_default().to_string_lossy(), size as f64 / 1024.0));
    }
    lines.push(format!("budget: app (wasm + JS)                          {:>7.1} KB gzip of {} KB", app as f64 / 1024.0, APP_GZIP / 1024));

    // The page and every same-site file it references.
    let html = std::fs::read_to_string(dist.join("thong-ke/index.html")).map_err(|e| e.to_string())?;
    let mut page = gzip_size(html.as_bytes())?;
    lines.push(format!("budget: thong-ke/index.html                      {:>7.1} KB gzip", page as f64 / 1024.0));
    for attr in ["href=\"/", "src=\"/"] {
        for part in html.split(attr).skip(1) {
            let path = part.split('"').next().unwrap_or("");
            let is_asset = path.ends_with(".css") || path.ends_with(".js") || path.ends_with(".svg");
            if is_asset {
                page += file_gzip(&dist.join(path))?;
            }
        }
    }
    // The boot module imports the app's JS and wasm.
    page += app - entries.iter().filter(|f| f.file_name().is_some_and(|n| n.to_string_lossy().starts_with("boot-"))).map(|f| file_gzip(f).unwrap_or(0)).sum::<u64>();
    lines.push(format!("budget: /thong-ke/ total transfer                {:>7.1} KB gzip of {} KB", page as f64 / 1024.0, STATS_PAGE_GZIP / 1024));
    if app > APP_GZIP {
        return Err(format!("{}\nbudget exceeded: the app is {:.1} KB gzip (budget {} KB)", lines.join("\n"), app as f64 / 1024.0, APP_GZIP / 1024));
    }
    if page > STATS_PAGE_GZIP {
        return Err(format!("{}\nbudget exceeded: /thong-ke/ transfers {:.1} KB gzip (budget {} KB)", lines.join("\n"), page as f64 / 1024.0, STATS_PAGE_GZIP / 1024));
    }
    Ok(lines)
}
