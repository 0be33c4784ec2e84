//! Installs the build and test tools when they are missing or of the wrong version. Each check
//! is one quick version query, so running it every time costs little.

use std::path::{Path, PathBuf};
use std::process::Command;

pub const TRUNK_VERSION: &str = "0.21.14";
pub const BINARYEN_VERSION: &str = "132";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// The W3C Nu HTML checker (npm `vnu-jar`, run with Java) and axe-core, for `tests/validators.rs`.
pub const VNU_VERSION: &str = "26.9.27";
pub const AXE_VERSION: &str = "4.14.1";

#[derive(Clone, Copy, PartialEq)]
pub enum Needs {
    /// wasm target, trunk, wasm-bindgen, wasm-opt.
    Build,
    /// Build tools and the browser for tests.
    All,
}

pub fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

pub fn cargo_bin_dir() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    home.join("bin")
}

fn npm_bin_dir(root: &Path) -> PathBuf {
    root.join(".tools/npm/node_modules/.bin")
}

/// PATH with the project's wasm-opt and cargo's bin first, so Trunk (offline) finds our tools.
fn tool_path(root: &Path) -> std::ffi::OsString {
    let mut dirs = vec![npm_bin_dir(root), cargo_bin_dir()];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap_or_default()
}

pub fn command(root: &Path, program: &str) -> Command {
    let mut c = Command::new(program);
    c.env("PATH", tool_path(root));
    c
}

fn version_of(root: &Path, program: &str) -> Option<String> {
    let out = command(root, program).arg("--version").output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

pub fn install(root: &Path, needs: Needs) -> Result<(), String> {
    fetch_crates(root)?;
    wasm_target()?;
    trunk(root)?;
    wasm_bindgen(root)?;
    wasm_opt(root)?;
    if needs == Needs::All {
        chromium()?;
        java()?;
        npm_package(root, "vnu-jar", VNU_VERSION)?;
        npm_package(root, "axe-core", AXE_VERSION)?;
    }
    Ok(())
}

/// Downloads every crate that Cargo.lock names, for every target. Trunk builds the wasm apps
/// with `cargo --offline`, and a native build never downloads the crates only wasm32 needs
/// (`serde-wasm-bindgen`, `web-sys`…): without this, a fresh machine fails at the first Trunk
/// run. Fast when all is there (one look at the cache, no network).
fn fetch_crates(root: &Path) -> Result<(), String> {
    crate::run(Command::new(cargo()).current_dir(root).args(["fetch", "--locked", "--quiet"]))
}

fn wasm_target() -> Result<(), String> {
    let out = Command::new("rustup").args(["target", "list", "--installed"]).output().map_err(|e| format!("rustup: {e}"))?;
    if String::from_utf8_lossy(&out.stdout).lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    eprintln!("xtask: installing the wasm32-unknown-unknown target");
    crate::run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn trunk(root: &Path) -> Result<(), String> {
    if version_of(root, "trunk").is_some_and(|v| v == format!("trunk {TRUNK_VERSION}")) {
        return Ok(());
    }
    eprintln!("xtask: installing trunk {TRUNK_VERSION} (once; takes a few minutes)");
    crate::run(Command::new(crate::tools::cargo()).args(["install", "trunk", "--version", &format!("={TRUNK_VERSION}"), "--locked"]))
}

/// The wasm-bindgen CLI must equal the library version in Cargo.lock exactly.
fn wasm_bindgen(root: &Path) -> Result<(), String> {
    let version = locked_version(root, "wasm-bindgen")?;
    if version_of(root, "wasm-bindgen").is_some_and(|v| v == format!("wasm-bindgen {version}")) {
        return Ok(());
    }
    eprintln!("xtask: installing wasm-bindgen-cli {version}");
    let exact = format!("={version}");
    let locked = crate::run(Command::new(cargo()).args(["install", "wasm-bindgen-cli", "--version", &exact, "--locked", "--force"]));
    if locked.is_ok() {
        return Ok(());
    }
    // The registry mirror may lack a crate version its lock file names: resolve afresh.
    eprintln!("xtask: retrying wasm-bindgen-cli without --locked");
    crate::run(Command::new(cargo()).args(["install", "wasm-bindgen-cli", "--version", &exact, "--force"]))
}

fn locked_version(root: &Path, name: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let needle = format!("name = \"{name}\"\nversion = \"");
    let start = lock.find(&needle).ok_or_else(|| format!("{name} is not in Cargo.lock"))? + needle.len();
    let end = lock[start..].find('"').ok_or("malformed Cargo.lock")?;
    Ok(lock[start..start + end].to_string())
}

/// wasm-opt from npm's binaryen: Debian's (version 108) silently breaks wasm-bindgen output.
fn wasm_opt(root: &Path) -> Result<(), String> {
    let bin = npm_bin_dir(root).join("wasm-opt");
    let ok = Command::new(&bin)
        .arg("--version")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains(&format!("version {BINARYEN_VERSION}")));
    if ok {
        return Ok(());
    }
    eprintln!("xtask: installing wasm-opt (npm binaryen@{BINARYEN_VERSION}) into .tools/npm");
    let dir = root.join(".tools/npm");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    crate::run(Command::new("npm").current_dir(&dir).args([
        "install",
        "--no-audit",
        "--no-fund",
        "--prefix",
        ".",
        &format!("binaryen@{BINARYEN_VERSION}"),
    ]))
}

fn chromium() -> Result<(), String> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    eprintln!("xtask: installing Debian's chromium and chromium-driver for browser tests");
    crate::run(Command::new("apt-get").arg("update").arg("-qq"))?;
    crate::run(
        Command::new("apt-get").args(["install", "-y", "-qq", "chromium", "chromium-driver"]).env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// `vnu.jar` inside the npm package.
pub fn vnu_jar(root: &Path) -> PathBuf {
    npm_dir(root).join("node_modules/vnu-jar/build/dist/vnu.jar")
}

/// The browser build of axe-core, injected into pages by the accessibility test.
pub fn axe_js(root: &Path) -> PathBuf {
    npm_dir(root).join("node_modules/axe-core/axe.min.js")
}

fn npm_dir(root: &Path) -> PathBuf {
    root.join(".tools/npm")
}

/// The `version` of an npm package installed in `.tools/npm`, read from its package.json.
fn npm_installed_version(root: &Path, name: &str) -> Option<String> {
    let text = std::fs::read_to_string(npm_dir(root).join("node_modules").join(name).join("package.json")).ok()?;
    let start = text.find("\"version\"")? + "\"version\"".len();
    let rest = text[start..].trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_string())
}

/// Installs `name@version` into `.tools/npm` unless that exact version is there (one file read).
fn npm_package(root: &Path, name: &str, version: &str) -> Result<(), String> {
    if npm_installed_version(root, name).as_deref() == Some(version) {
        return Ok(());
    }
    eprintln!("xtask: installing {name}@{version} (npm) into .tools/npm");
    let dir = npm_dir(root);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    crate::run(
        Command::new("npm")
            .current_dir(&dir)
            // No install scripts: vnu-jar's would fetch a Java runtime (the network is closed;
            // Java comes from Debian), and neither package needs one to be used.
            .args([
                "install",
                "--no-audit",
                "--no-fund",
                "--save-exact",
                "--ignore-scripts",
                "--prefix",
                ".",
                &format!("{name}@{version}"),
            ]),
    )?;
    match npm_installed_version(root, name) {
        Some(v) if v == version => Ok(()),
        other => Err(format!("npm installed {name} {other:?}, expected {version}")),
    }
}

/// Java for the Nu HTML checker: Debian's headless JRE when `java` is missing.
fn java() -> Result<(), String> {
    if Command::new("java").arg("-version").output().is_ok_and(|o| o.status.success()) {
        return Ok(());
    }
    eprintln!("xtask: installing Debian's default-jre-headless for the HTML validator");
    crate::run(Command::new("apt-get").arg("update").arg("-qq"))?;
    crate::run(Command::new("apt-get").args(["install", "-y", "-qq", "default-jre-headless"]).env("DEBIAN_FRONTEND", "noninteractive"))
}
