//! Hostile markdown: the corpus in `tests/xss/` (documents and news whose bodies and front matter
//! carry XSS payloads, and hostile organization names) is added to a copy of the sample data,
//! built (with the wasm app when `E2E_APP_DIR` is set), served on loopback and opened in headless
//! Chromium, every page, twice: as deployed (with the page's CSP) and with CSP bypassed, so the
//! sanitizer and the escaping alone must hold too.
//!
//! Every payload that could run calls `alert('XSS-…')`, sets `document.title = 'XSS'` or logs
//! 'XSS'. On each page the test hovers, focuses and clicks every element of `<main>` (following
//! only `javascript:` links), then requires: no dialog opened, no console message or error, the
//! title is not 'XSS', no element carries an event-handler attribute, a `javascript:` URL or an
//! element that can run script, and the static HTML passes the same scan as the fuzz targets.
//! Each vector's page must still show its document (the marker sentence in `.prose`).

#[path = "fuzz_harness.rs"]
mod harness;

use e2e::{chromium, figure, workspace_root};
use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::protocol::cdp::Page;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

const MARKER: &str = "Đoạn kiểm chứng: nội dung vẫn hiển thị.";

/// A vector and the page that must still show its document.
struct Vector {
    name: String,
    page: Option<String>,
}

fn sorted_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> =
        std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "md")).collect();
    v.sort();
    v
}

/// The sample data plus the corpus, in `<tmp>/data`.
fn hostile_data(tmp: &Path) -> (PathBuf, Vec<Vector>, usize) {
    let data = tmp.join("data");
    e2e::copy_dir(&workspace_root().join("data"), &data);
    let corpus = workspace_root().join("tests/xss");
    let mut vectors = Vec::new();
    let mut payloads = 0;
    for (sub, section) in [("documents", "van-ban"), ("news", "tin-tuc")] {
        for f in sorted_files(&corpus.join(sub)) {
            let text = std::fs::read_to_string(&f).unwrap();
            payloads += text.matches("XSS-").count() - text.lines().take(2).map(|l| l.matches("XSS-").count()).sum::<usize>();
            std::fs::copy(&f, data.join(sub).join(f.file_name().unwrap())).unwrap();
            let slug = f.file_stem().unwrap().to_string_lossy().into_owned();
            vectors.push(Vector {
                name: format!("{sub}/{}", f.file_name().unwrap().to_string_lossy()),
                page: Some(format!("/{section}/{slug}/")),
            });
        }
    }
    // Hostile organization names over the first organizations of khoi.toml.
    let names: Vec<String> = std::fs::read_to_string(corpus.join("org-names.txt"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(str::to_string)
        .collect();
    let khoi_path = data.join("khoi.toml");
    let khoi = std::fs::read_to_string(&khoi_path).unwrap();
    let mut out = String::new();
    let mut in_org = false;
    let mut next = names.iter();
    for line in khoi.lines() {
        if line.trim_start().starts_with("[[to_chuc]]") {
            in_org = true;
        }
        if in_org && line.starts_with("ten = ") {
            if let Some(name) = next.next() {
                out.push_str(&format!("ten = {}\n", toml_string(name)));
                payloads += name.matches("XSS-").count();
                vectors.push(Vector { name: format!("org name {name:?}"), page: None });
                in_org = false;
                continue;
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    assert!(next.next().is_none(), "khoi.toml has too few organizations for org-names.txt");
    std::fs::write(&khoi_path, out).unwrap();
    (data, vectors, payloads)
}

fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn html_pages(dist: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dist.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name().is_some_and(|n| n == "index.html") {
                let rel = p.parent().unwrap().strip_prefix(dist).unwrap().to_string_lossy().replace('\\', "/");
                out.push(if rel.is_empty() { "/".to_string() } else { format!("/{rel}/") });
            }
        }
    }
    out.sort();
    out
}

/// Hover and focus everything in `<main>`, click its links and buttons; follow only
/// `javascript:` links; submit nothing.
const INTERACT: &str = r#"(() => {
  document.addEventListener('click', e => {
    const a = e.target && e.target.closest ? e.target.closest('a[href], area[href]') : null;
    if (!a || a.protocol !== 'javascript:') e.preventDefault();
  }, true);
  document.addEventListener('submit', e => e.preventDefault(), true);
  const all = [...document.querySelectorAll('main *, main')];
  for (const el of all) {
    for (const t of ['mouseover', 'mouseenter', 'pointerover', 'pointerenter', 'pointerdown', 'mousedown', 'mouseup', 'focus', 'focusin', 'animationstart', 'transitionend', 'toggle']) {
      try { el.dispatchEvent(new Event(t, { bubbles: true })); } catch (e) {}
    }
    // Activation (a `javascript:` link runs when followed); handlers of other elements were
    // fired by the events above, without the layout that focus() and click() force.
    if (el.localName === 'a' || el.localName === 'area' || el.localName === 'button' || el.localName === 'summary') {
      try { el.click(); } catch (e) {}
    }
  }
  return all.length;
})()"#;

/// What the DOM must not contain: returns the problems found, one a line.
const DOM_CHECK: &str = r#"(() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.toLowerCase().startsWith('on')) bad.push('event handler ' + a.name + ' on <' + el.localName + '>');
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(a.name.toLowerCase())) {
        const v = a.value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '').toLowerCase();
        if (v.startsWith('javascript:') || v.startsWith('vbscript:') || v.startsWith('data:text') || a.name.toLowerCase() === 'srcdoc') bad.push(a.name + '="' + a.value + '" on <' + el.localName + '>');
      }
    }
    if (['iframe', 'frame', 'object', 'embed', 'applet', 'base', 'portal'].includes(el.localName)) bad.push('element <' + el.localName + '>');
    if (el.localName === 'meta' && (el.getAttribute('http-equiv') || '').toLowerCase() === 'refresh') bad.push('meta refresh');
    if (el.localName === 'script') {
      const path = el.type === 'module' ? new URL(el.src, location.href).pathname : '';
      const ok = el.type === 'application/json' || path.startsWith('/pkg/') || /^\/assets\/site-[0-9a-f]+\.js$/.test(path);
      if (!ok) bad.push('script ' + el.outerHTML.slice(0, 120));
    }
  }
  for (const a of document.querySelectorAll('a[href], area[href]')) {
    if (a.protocol === 'javascript:' || a.protocol === 'vbscript:') bad.push('link to ' + a.href);
  }
  return bad.join('\n');
})()"#;

const CANARY: &str = "/xss-canary/";
const CANARY_HTML: &str = r#"<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'"><title>Canary</title></head>
<body><main>
<h1>Canary</h1>
<img src="/favicon.svg" onload="alert('XSS-canary-1')" alt="">
<a href="javascript:void(document.title='XSS')">title</a>
<b onmouseover="console.log('XSS-canary-3')">hover</b>
</main></body></html>
"#;

#[derive(Default)]
struct Seen {
    dialogs: Vec<String>,
    console: Vec<String>,
}

#[test]
fn no_xss_vector_executes_in_chromium_with_or_without_csp() {
    let tmp = tempfile::tempdir().unwrap();
    let (data, vectors, payloads) = hostile_data(tmp.path());
    assert!(vectors.len() >= 25, "the corpus has at least 25 vectors, found {}", vectors.len());
    let dist = tmp.path().join("dist");
    let with_app = std::env::var_os("E2E_APP_DIR").is_some();
    let app = with_app.then(|| site::render::AppAssets::read(&e2e::app_dir()).unwrap());
    if let Err(e) = site::build::Site::new(&data).build(&dist, app.as_ref(), false) {
        let why = match e {
            site::build::BuildError::Data(c) => c.findings().render(c.sources()),
            site::build::BuildError::Output(s) => s,
        };
        panic!("the sample data with the XSS corpus must build (hostile text is data, not an error):\n{why}");
    }
    let pages = html_pages(&dist);

    // Static scan of every page, as the fuzz targets do.
    let mut problems = Vec::new();
    for page in &pages {
        let file = dist.join(page.trim_start_matches('/')).join("index.html");
        let html = std::fs::read_to_string(&file).unwrap();
        if let Err(e) = harness::no_active_content(&html) {
            problems.push(format!("{page} (static HTML): {e}"));
        }
    }

    // The canary: a page with payloads that do run without CSP, to prove the detectors work.
    // It is written after the static scan and is no page of the site.
    std::fs::create_dir_all(dist.join("xss-canary")).unwrap();
    std::fs::write(dist.join("xss-canary/index.html"), CANARY_HTML).unwrap();

    let addr = site::serve::Server::new(&dist).spawn("127.0.0.1:0").unwrap();
    let chrome = chromium(1280, 800);
    let tab = chrome.browser.new_tab().unwrap();
    tab.enable_log().unwrap();
    tab.enable_runtime().unwrap();
    let seen = Arc::new(Mutex::new(Seen::default()));
    {
        let seen = seen.clone();
        let dialog_tab = tab.clone();
        tab.add_event_listener(Arc::new(move |event: &Event| match event {
            Event::PageJavascriptDialogOpening(e) => {
                seen.lock().unwrap().dialogs.push(format!("{} at {}", e.params.message, e.params.url));
                // Close it from another thread: this one delivers the reply.
                let t = dialog_tab.clone();
                std::thread::spawn(move || {
                    let _ = t.get_dialog().dismiss();
                });
            }
            Event::RuntimeConsoleAPICalled(e) => {
                let args: Vec<String> = e
                    .params
                    .args
                    .iter()
                    .map(|a| a.value.as_ref().map(|v| v.to_string()).or(a.description.clone()).unwrap_or_default())
                    .collect();
                seen.lock().unwrap().console.push(format!("console.{:?}: {}", e.params.Type, args.join(" ")));
            }
            Event::RuntimeExceptionThrown(e) => {
                seen.lock().unwrap().console.push(format!("exception: {:?}", e.params.exception_details.text))
            }
            Event::LogEntryAdded(e) => seen.lock().unwrap().console.push(format!(
                "log {:?} ({:?}): {} {}",
                e.params.entry.level,
                e.params.entry.source,
                e.params.entry.text,
                e.params.entry.url.clone().unwrap_or_default()
            )),
            _ => {}
        }))
        .unwrap();
    }

    let started = std::time::Instant::now();
    let search = pages.iter().any(|p| p == "/tim-kiem/");
    let mut executed = Vec::new();
    let mut visits = 0;
    let mut shown = 0;
    // What the canary page gave: [with CSP, CSP bypassed].
    let mut canary_executed: [Vec<String>; 2] = Default::default();
    let mut canary_problems: [Vec<String>; 2] = Default::default();
    for bypass_csp in [false, true] {
        tab.call_method(Page::SetBypassCSP { enabled: bypass_csp }).unwrap();
        let mode = if bypass_csp { "CSP bypassed" } else { "with CSP" };
        let mut targets: Vec<String> = pages.clone();
        targets.push(CANARY.to_string());
        if search {
            targets.push("/tim-kiem/?q=xss".to_string());
        }
        for page in &targets {
            let canary = page == CANARY;
            let (executed, problems) = if canary {
                (&mut canary_executed[bypass_csp as usize], &mut canary_problems[bypass_csp as usize])
            } else {
                (&mut executed, &mut problems)
            };
            visits += usize::from(!canary);
            let url = format!("http://{addr}{page}");
            tab.navigate_to(&url).unwrap();
            // One round trip a page: wait for the load event (and the app), type a search when
            // there is a search box, interact, then read back everything the checks need.
            let script = format!(
                "(async () => {{ \
                   const until = async (ok, ms) => {{ const end = Date.now() + ms; while (!ok()) {{ if (Date.now() > end) return false; await new Promise(r => setTimeout(r, 20)); }} return true; }}; \
                   if (!await until(() => location.href === {url} && document.readyState === 'complete', 30000)) return JSON.stringify({{ error: 'not loaded: ' + location.href + ' ' + document.readyState }}); \
                   if ({app} && !await until(() => {settled}, 30000)) return JSON.stringify({{ error: 'the app did not become ready' }}); \
                   const q = document.getElementById('tim-kiem-q'); \
                   if ({app} && q) {{ q.value = 'XSS'; q.dispatchEvent(new Event('input', {{ bubbles: true }})); await new Promise(r => setTimeout(r, 300)); }} \
                   {INTERACT}; \
                   await new Promise(r => setTimeout(r, {settle})); \
                   return JSON.stringify({{ title: document.title, dom: {DOM_CHECK}, \
                     h1: (document.querySelector('main h1') || {{}}).textContent || '', \
                     prose: (document.querySelector('main .prose') || {{}}).textContent || '' }}); \
                 }})()",
                url = serde_json::to_string(&url).unwrap(),
                // The canary is no page of the site: no app mounts there.
                app = with_app && !canary,
                // Long enough for the canary's javascript: link to run when nothing stops it.
                settle = if canary { 500 } else { 50 },
                settled = e2e::APP_SETTLED,
            );
            // A javascript: link that ran may have replaced the document: then the promise is lost.
            // If the script started in the document being replaced, run it again in the new one.
            let run = || tab.evaluate(&script, true).ok().and_then(|r| r.value).and_then(|v| v.as_str().map(str::to_string));
            let value = run().or_else(|| {
                std::thread::sleep(std::time::Duration::from_millis(200));
                run()
            });
            let seen_now = {
                let mut s = seen.lock().unwrap();
                (std::mem::take(&mut s.dialogs), std::mem::take(&mut s.console))
            };
            let (dialogs, console) = seen_now;
            for d in dialogs {
                executed.push(format!("{page} ({mode}): dialog {d}"));
            }
            for c in console {
                if c.contains("XSS") {
                    executed.push(format!("{page} ({mode}): {c}"));
                } else {
                    problems.push(format!("{page} ({mode}): {c}"));
                }
            }
            let Some(value) = value else {
                problems.push(format!("{page} ({mode}): the page's checks returned nothing (replaced by a javascript: URL?)"));
                continue;
            };
            let r: serde_json::Value = serde_json::from_str(&value).unwrap();
            if let Some(e) = r["error"].as_str() {
                problems.push(format!("{page} ({mode}): {e}"));
                continue;
            }
            if r["title"] == "XSS" {
                executed.push(format!("{page} ({mode}): document.title set to 'XSS'"));
            }
            for d in r["dom"].as_str().unwrap_or("").lines().filter(|l| !l.is_empty()) {
                problems.push(format!("{page} ({mode}, DOM): {d}"));
            }
            // Every vector's document is still shown.
            if let Some(v) = vectors.iter().find(|v| v.page.as_deref() == Some(page.as_str())) {
                let (h1, prose) = (r["h1"].as_str().unwrap_or(""), r["prose"].as_str().unwrap_or(""));
                if !prose.contains(MARKER) || h1.trim().is_empty() {
                    problems.push(format!(
                        "{page} ({mode}): {} is not shown (h1 {h1:?}, prose {:?})",
                        v.name,
                        prose.chars().take(120).collect::<String>()
                    ));
                }
                shown += 1;
            }
        }
    }
    assert_eq!(shown, 2 * vectors.iter().filter(|v| v.page.is_some()).count(), "every vector page was visited in both modes");

    figure(format!(
        "xss: {} vectors ({payloads} payloads) tried on {} pages ({visits} visits, with CSP and with CSP bypassed{}, {:.0?}), {} executed",
        vectors.len(),
        pages.len(),
        if with_app { ", with the app" } else { "" },
        started.elapsed(),
        executed.len()
    ));
    // The detectors work: without CSP the canary's dialog, title and console payloads are seen,
    // and its markup is flagged; with CSP nothing of it runs and the violations are reported.
    let [with_csp, without_csp] = &canary_executed;
    assert!(with_csp.is_empty(), "the CSP should stop the canary: {with_csp:#?}");
    assert!(
        canary_problems[0].iter().any(|p| p.contains("Content Security Policy")),
        "CSP violations on the canary are reported: {:#?}",
        canary_problems[0]
    );
    for what in ["dialog XSS-canary-1", "document.title set to 'XSS'", "XSS-canary-3"] {
        assert!(without_csp.iter().any(|e| e.contains(what)), "the canary's {what:?} was not detected without CSP: {without_csp:#?}");
    }
    assert!(
        canary_problems[1].iter().any(|p| p.contains("event handler onload on <img>")),
        "the DOM check flags the canary: {:#?}",
        canary_problems[1]
    );
    for e in &executed {
        eprintln!("xss: EXECUTED {e}");
    }
    for p in &problems {
        eprintln!("xss: {p}");
    }
    assert!(executed.is_empty(), "{} payloads executed:\n{}", executed.len(), executed.join("\n"));
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}
