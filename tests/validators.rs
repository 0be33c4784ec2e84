//! Real validators on the built sample site (with the wasm app when `E2E_APP_DIR` is set, as
//! `cargo xtask test` does):
//!
//! - the W3C Nu HTML checker (`$VNU_JAR`, npm `vnu-jar`, run with Java) on every page, in one
//!   invocation: 0 errors;
//! - axe-core (`$AXE_JS`, `axe.min.js` of npm `axe-core`) in headless Chromium on the home page,
//!   the statistics page, one organization page and one document page: 0 violations.
//!
//! `cargo xtask test` installs both (see `xtask/src/tools.rs`) and sets the variables.

use e2e::{chromium, collect_errors, figure, wait_for, workspace_root};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(30);

/// A tool that `cargo xtask test` installs: from its variable, else where xtask puts it.
fn tool(var: &str, default: &str) -> PathBuf {
    let path = std::env::var_os(var).map(PathBuf::from).unwrap_or_else(|| workspace_root().join(default));
    assert!(path.is_file(), "no {var} at {}: run the tests with `cargo xtask test`, which installs it", path.display());
    path
}

/// The sample site built into a fresh directory, with the app when `E2E_APP_DIR` is set.
fn build_sample() -> (tempfile::TempDir, PathBuf, bool) {
    build_with(workspace_root().join("data"))
}

/// The sample data plus a document whose links, styles and handlers the sanitizer drops
/// (`tests/fixtures/dropped/`): what it leaves must still be valid HTML.
fn build_sample_with_dropped_links() -> (tempfile::TempDir, PathBuf, bool) {
    let data = tempfile::tempdir().unwrap();
    e2e::copy_dir(&workspace_root().join("data"), data.path());
    for doc in std::fs::read_dir(workspace_root().join("tests/fixtures/dropped")).unwrap().flatten() {
        std::fs::copy(doc.path(), data.path().join("documents").join(doc.file_name())).unwrap();
    }
    let (out, dist, with_app) = build_with(data.path().to_path_buf());
    drop(data);
    (out, dist, with_app)
}

fn build_with(data: PathBuf) -> (tempfile::TempDir, PathBuf, bool) {
    let out = tempfile::tempdir().unwrap();
    let dist = out.path().join("dist");
    let with_app = std::env::var_os("E2E_APP_DIR").is_some();
    let app = with_app.then(|| site::render::AppAssets::read(&e2e::app_dir()).unwrap());
    let built = site::build::Site::new(data).build(&dist, app.as_ref(), false);
    if let Err(e) = &built {
        let why = match e {
            site::build::BuildError::Data(c) => c.findings().render(c.sources()),
            site::build::BuildError::Output(s) => s.clone(),
        };
        panic!("the sample site must build:\n{why}");
    }
    (out, dist, with_app)
}

fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "html") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_page_passes_the_nu_html_checker() {
    let jar = tool("VNU_JAR", ".tools/npm/node_modules/vnu-jar/build/dist/vnu.jar");
    let (_tmp, dist, with_app) = build_sample_with_dropped_links();
    let pages = html_files(&dist);
    let dropped = dist.join("van-ban/2025-06-02-120-tb/index.html");
    let html = std::fs::read_to_string(&dropped).expect("the document with dropped links is published");
    for text in ["trang tài liệu", "bản nén", "biểu số 1", "Lưu ý hạn gửi báo cáo."] {
        assert!(html.contains(text), "the text of a dropped link or style stays: {text}");
    }
    assert!(pages.len() > 20, "the sample site has many pages, found {}", pages.len());
    // One JVM for all pages: vnu is slow to start.
    let out = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--format", "json"])
        .args(&pages)
        .output()
        .expect("run java -jar vnu.jar (is Java installed? `cargo xtask test` installs it)");
    // vnu writes its JSON report to stderr.
    let stderr = String::from_utf8_lossy(&out.stderr);
    let start = stderr.find('{').unwrap_or_else(|| panic!("no JSON from vnu (status {}):\n{stderr}", out.status));
    let report: serde_json::Value = serde_json::from_str(stderr[start..].trim()).unwrap_or_else(|e| panic!("vnu JSON: {e}\n{stderr}"));
    let messages = report["messages"].as_array().cloned().unwrap_or_default();
    let errors: Vec<String> = messages
        .iter()
        .filter(|m| m["type"] == "error" || m["subType"] == "fatal" || m["type"] == "non-document-error")
        .map(|m| {
            let url = m["url"].as_str().unwrap_or("");
            let page = url.split_once("/dist/").map(|(_, p)| p).unwrap_or(url);
            format!(
                "{page}:{}:{}: {} [{}]",
                m["lastLine"].as_u64().or(m["firstLine"].as_u64()).unwrap_or(0),
                m["firstColumn"].as_u64().unwrap_or(0),
                m["message"].as_str().unwrap_or("?"),
                m["extract"].as_str().unwrap_or("").replace('\n', "⏎")
            )
        })
        .collect();
    figure(format!("vnu: {} pages validated, {} errors{}", pages.len(), errors.len(), if with_app { " (with the app)" } else { "" }));
    for e in &errors {
        eprintln!("vnu: {e}");
    }
    assert!(errors.is_empty(), "{} HTML errors:\n{}", errors.len(), errors.join("\n"));
    assert!(out.status.success(), "vnu failed with {} but reported no error:\n{stderr}", out.status);
}

/// The first directory (sorted) under `dist/<section>/` that holds a page.
fn first_page(dist: &Path, section: &str) -> String {
    let mut dirs: Vec<String> = std::fs::read_dir(dist.join(section))
        .unwrap()
        .flatten()
        .filter(|e| e.path().join("index.html").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("trang-"))
        .collect();
    dirs.sort();
    format!("/{section}/{}/", dirs.first().unwrap_or_else(|| panic!("no page under /{section}/")))
}

#[test]
fn key_pages_have_no_axe_core_violations() {
    let axe = std::fs::read_to_string(tool("AXE_JS", ".tools/npm/node_modules/axe-core/axe.min.js")).unwrap();
    let (_tmp, dist, with_app) = build_sample();
    let addr = site::serve::Server::new(&dist).spawn("127.0.0.1:0").unwrap();
    // The dashboard is audited twice: as it loads, and after a filter change (the live region
    // says what the filters now show).
    let after_filter = "(() => { const s = document.getElementById('chon-nam'); s.value = s.options[0].value; s.dispatchEvent(new Event('change', { bubbles: true })); })()";
    let mut pages = vec![("/".to_string(), None), ("/thong-ke/".to_string(), None)];
    if with_app {
        pages.push(("/thong-ke/".to_string(), Some(after_filter)));
    }
    pages.extend([(first_page(&dist, "don-vi"), None), (first_page(&dist, "van-ban"), None)]);
    let chrome = chromium(1280, 800);
    let tab = chrome.browser.new_tab().unwrap();
    let errors = collect_errors(&tab);
    let mut violations = Vec::new();
    let mut audited = 0;
    for (path, interaction) in &pages {
        tab.navigate_to(&format!("http://{addr}{path}")).unwrap().wait_until_navigated().unwrap();
        if with_app {
            // Audit what a visitor sees: the page after the app has mounted.
            wait_for(&tab, e2e::APP_SETTLED, &format!("the app on {path}"), TIMEOUT);
        }
        if let Some(js) = interaction {
            let year = e2e::eval_string(&tab, "document.getElementById('chon-nam').options[0].value");
            tab.evaluate(js, false).unwrap();
            wait_for(
                &tab,
                &format!("(document.getElementById('loc-thong-bao') || {{}}).textContent?.includes('năm {year}')"),
                "the live region to say what the filters show",
                TIMEOUT,
            );
            let said = e2e::eval_string(&tab, "document.getElementById('loc-thong-bao').textContent");
            assert!(said.starts_with("Đang hiển thị ") && said.contains("chậm tiến độ"), "{said}");
        }
        audited += 1;
        // DevTools evaluation is not subject to the page's CSP.
        tab.evaluate(&axe, false).unwrap();
        let result = tab
            .evaluate(
                "axe.run(document, { resultTypes: ['violations'] }).then(r => JSON.stringify(r.violations.map(v => ({ \
                   id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + n.failureSummary.replace(/\\n/g, ' ')) }))))",
                true,
            )
            .unwrap();
        let json =
            result.value.and_then(|v| v.as_str().map(str::to_string)).unwrap_or_else(|| panic!("axe.run returned nothing on {path}"));
        let list: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
        for v in list {
            let nodes: Vec<String> = v["nodes"].as_array().unwrap().iter().map(|n| format!("    {}", n.as_str().unwrap_or(""))).collect();
            violations.push(format!(
                "{path}: {} ({}): {} — {} node(s):\n{}",
                v["id"].as_str().unwrap_or("?"),
                v["impact"].as_str().unwrap_or("?"),
                v["help"].as_str().unwrap_or("?"),
                nodes.len(),
                nodes.join("\n")
            ));
        }
    }
    figure(format!(
        "axe: {audited} audits of {} pages (the dashboard also after a filter change with the app), {} violations{}",
        pages.iter().filter(|(_, i)| i.is_none()).count(),
        violations.len(),
        if with_app { " (with the app)" } else { "" }
    ));
    for v in &violations {
        eprintln!("axe: {v}");
    }
    assert!(violations.is_empty(), "{} axe-core violations:\n{}", violations.len(), violations.join("\n"));
    let errors = errors.lock().unwrap().clone();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}
