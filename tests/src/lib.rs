//! Helpers for the end-to-end tests: build the sample site with the wasm app into a temporary
//! directory, serve it on loopback, and drive headless Chromium.

use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::{Browser, LaunchOptions, Tab};
use std::ffi::OsStr;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// A recursive copy of a directory (scratch copies of the sample data).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The wasm app built by Trunk; `cargo xtask test` builds it and sets `E2E_APP_DIR`.
pub fn app_dir() -> PathBuf {
    // Relative paths are taken from the workspace root (tests run in their package directory).
    let dir = workspace_root().join(std::env::var_os("E2E_APP_DIR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("target/app-dist")));
    assert!(dir.is_dir(), "no wasm app at {}: run the browser tests with `cargo xtask test`, which builds it first", dir.display());
    dir
}

/// Builds `data/` with the app into a fresh directory and serves it. Keep the guard alive.
pub fn serve_sample_site() -> (tempfile::TempDir, SocketAddr) {
    let out = tempfile::tempdir().unwrap();
    let dist = out.path().join("dist");
    let app = site::render::AppAssets::read(&app_dir()).unwrap();
    let built = site::build::Site::new(workspace_root().join("data")).build(&dist, Some(&app), false);
    assert!(built.is_ok(), "the sample site must build");
    let addr = site::serve::Server::new(&dist).spawn("127.0.0.1:0").unwrap();
    (out, addr)
}

pub struct Chromium {
    pub browser: Browser,
    _profile: tempfile::TempDir,
}

/// Headless Chromium as this machine needs it: no sandbox (root), no background networking
/// (the network is closed), a fresh profile.
pub fn chromium(width: u32, height: u32) -> Chromium {
    let profile = tempfile::tempdir().unwrap();
    let path = std::env::var_os("CHROME").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    let options = LaunchOptions::default_builder()
        .path(Some(path))
        .headless(true)
        .sandbox(false)
        .window_size(Some((width, height)))
        .user_data_dir(Some(profile.path().to_path_buf()))
        .args(vec![
            OsStr::new("--disable-gpu"),
            OsStr::new("--disable-background-networking"),
            OsStr::new("--disable-component-update"),
            OsStr::new("--disable-sync"),
            OsStr::new("--no-first-run"),
            OsStr::new("--disable-quic"),
        ])
        .idle_browser_timeout(Duration::from_secs(120))
        .build()
        .unwrap();
    Chromium { browser: Browser::new(options).expect("start headless Chromium"), _profile: profile }
}

/// Console errors, uncaught exceptions and error log entries of a tab.
pub fn collect_errors(tab: &Arc<Tab>) -> Arc<Mutex<Vec<String>>> {
    let errors = Arc::new(Mutex::new(Vec::new()));
    tab.enable_log().unwrap();
    tab.enable_runtime().unwrap();
    let sink = errors.clone();
    tab.add_event_listener(Arc::new(move |event: &Event| {
        let message = match event {
            Event::RuntimeConsoleAPICalled(e) if format!("{:?}", e.params.Type) == "Error" => {
                Some(format!("console.error: {:?}", e.params.args))
            }
            Event::RuntimeExceptionThrown(e) => Some(format!("exception: {:?}", e.params.exception_details)),
            Event::LogEntryAdded(e) if format!("{:?}", e.params.entry.level) == "Error" => Some(format!("log: {}", e.params.entry.text)),
            _ => None,
        };
        if let Some(m) = message {
            sink.lock().unwrap().push(m);
        }
    }))
    .unwrap();
    errors
}

/// True once the page's app has mounted, or at once on a page that loads no app (pages without
/// charts or search download no wasm).
pub const APP_SETTLED: &str =
    "(!document.querySelector('script[type=module][src^=\"/pkg/boot-\"]') || document.documentElement.dataset.app === 'ready')";

/// Evaluates `expr` until it returns `true`, or panics after `timeout` naming `what`.
pub fn wait_for(tab: &Tab, expr: &str, what: &str, timeout: Duration) {
    let start = Instant::now();
    loop {
        let ok = tab.evaluate(expr, false).ok().and_then(|v| v.value).and_then(|v| v.as_bool()).unwrap_or(false);
        if ok {
            return;
        }
        assert!(start.elapsed() < timeout, "timed out after {timeout:?} waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

pub fn eval_string(tab: &Tab, expr: &str) -> String {
    let v = tab.evaluate(expr, false).unwrap().value.unwrap_or_default();
    v.as_str().map(str::to_string).unwrap_or_else(|| v.to_string())
}

/// Prints a measured figure so it shows in the test output: the harness captures `eprintln!`
/// of passing tests, but not writes to the process's stderr.
pub fn figure(line: String) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// A sampling CPU profile of a tab (`REDRAW_PROFILE=1` in the dashboard test): where the time of
/// a redraw goes, by function. Build the app without wasm-opt to see Rust function names.
pub struct CpuProfile;

impl CpuProfile {
    pub fn start(tab: &Tab) -> CpuProfile {
        use headless_chrome::protocol::cdp::Profiler;
        tab.call_method(Profiler::Enable(None)).unwrap();
        tab.call_method(Profiler::SetSamplingInterval { interval: 50 }).unwrap();
        tab.call_method(Profiler::Start(None)).unwrap();
        CpuProfile
    }

    /// Prints the `n` functions with the most self time, divided by `per` (e.g. changes made).
    pub fn print_top(self, tab: &Tab, n: usize, per: f64) {
        // The generated `Profiler.stop` type rejects the negative time deltas Chromium sends.
        #[derive(Debug, serde::Serialize)]
        struct Stop {}
        impl headless_chrome::protocol::cdp::types::Method for Stop {
            const NAME: &'static str = "Profiler.stop";
            type ReturnObject = serde_json::Value;
        }
        let stopped = tab.call_method(Stop {}).unwrap();
        let profile = &stopped["profile"];
        let name_of: std::collections::HashMap<u64, String> = profile["nodes"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|n| {
                let frame = &n["callFrame"];
                let url = frame["url"].as_str().unwrap_or("");
                (
                    n["id"].as_u64().unwrap_or(0),
                    format!("{} {}", frame["functionName"].as_str().unwrap_or(""), url.rsplit('/').next().unwrap_or("")),
                )
            })
            .collect();
        let mut self_ms: std::collections::HashMap<&str, f64> = Default::default();
        let samples = profile["samples"].as_array().cloned().unwrap_or_default();
        let deltas = profile["timeDeltas"].as_array().cloned().unwrap_or_default();
        for (i, id) in samples.iter().enumerate() {
            let dt = deltas.get(i + 1).and_then(|d| d.as_f64()).unwrap_or(0.0).max(0.0) / 1000.0;
            if let Some(name) = id.as_u64().and_then(|id| name_of.get(&id)) {
                *self_ms.entry(name).or_default() += dt;
            }
        }
        let mut top: Vec<_> = self_ms.into_iter().collect();
        top.sort_by(|a, b| b.1.total_cmp(&a.1));
        for (name, ms) in top.into_iter().take(n) {
            figure(format!("{:8.2} ms  {name}", ms / per));
        }
    }
}

/// A network between the browser and the server that can be cut: a loopback TCP relay. Cutting
/// it closes every open connection (the browser keeps idle and pre-opened ones) and drops every
/// new one unanswered, as when a phone loses its signal; the server itself keeps running.
pub struct NetworkLink {
    pub addr: SocketAddr,
    up: Arc<std::sync::atomic::AtomicBool>,
    open: Arc<Mutex<Vec<std::net::TcpStream>>>,
}

impl NetworkLink {
    pub fn to(server: SocketAddr) -> NetworkLink {
        use std::sync::atomic::{AtomicBool, Ordering};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let up = Arc::new(AtomicBool::new(true));
        let open = Arc::new(Mutex::new(Vec::new()));
        let (state, connections) = (up.clone(), open.clone());
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                if !state.load(Ordering::SeqCst) {
                    drop(client);
                    continue;
                }
                let Ok(upstream) = std::net::TcpStream::connect(server) else { continue };
                let (Ok(client_read), Ok(upstream_read), Ok(kept)) = (client.try_clone(), upstream.try_clone(), client.try_clone()) else {
                    continue;
                };
                connections.lock().unwrap().push(kept);
                std::thread::spawn(move || pipe(client_read, upstream));
                std::thread::spawn(move || pipe(upstream_read, client));
            }
        });
        NetworkLink { addr, up, open }
    }

    pub fn set_up(&self, up: bool) {
        self.up.store(up, std::sync::atomic::Ordering::SeqCst);
        if !up {
            for connection in self.open.lock().unwrap().drain(..) {
                let _ = connection.shutdown(std::net::Shutdown::Both);
            }
        }
    }
}

fn pipe(mut from: std::net::TcpStream, mut to: std::net::TcpStream) {
    let _ = std::io::copy(&mut from, &mut to);
    let _ = to.shutdown(std::net::Shutdown::Both);
}
