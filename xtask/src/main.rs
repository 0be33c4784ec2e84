//! Project tooling: `cargo xtask <command>`. Every command installs what it needs first
//! (idempotent, fast when all is there), so a fresh machine needs only rustup, cargo and npm.

mod bench;
mod budget;
mod offline_guard;
mod sample;
mod tools;

use std::path::{Path, PathBuf};
use std::process::Command;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  serve            build everything from data/ and serve it at http://127.0.0.1:8080 with live reload
  build            the deployable site in dist/ (pages, wasm, data)
  test             every test, browser tests included
  install          install the tools the build and tests need (trunk, wasm-bindgen, wasm-opt, chromium,
                   java, the Nu HTML checker, axe-core)
  sample --orgs N --years A..B --seed S --out DIR
                   generate a sample data tree
  bench            build speed and memory side by side: 2,000 documents against Hugo, trees of
                   100, 1,000 and 5,000 organizations, rebuilds (prints the figures)
  budget DIR       check the size budgets of a site built with the apps
  offline-guard    prove that after the setup the wasm apps build offline from a cargo home that
                   started empty (part of `test`)";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    let result = match args.first().map(String::as_str) {
        Some("sample") => sample::run(&args[1..]),
        Some("bench") => bench::run(&root),
        Some("install") => tools::install(&root, tools::Needs::All),
        Some("build") => build(&root),
        Some("serve") => serve(&root),
        Some("test") => test(&root),
        Some("offline-guard") => offline_guard::check(&root).map(|line| eprintln!("{line}")),
        Some("budget") => match args.get(1) {
            Some(dir) => budget::check(Path::new(dir)).map(|lines| lines.iter().for_each(|l| eprintln!("{l}"))),
            None => Err(USAGE.to_string()),
        },
        _ => Err(USAGE.to_string()),
    };
    if let Err(e) = result {
        eprintln!("xtask: {e}");
        std::process::exit(1);
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf()
}

/// Trunk builds each wasm app (one download per kind of page) into target/app-dist/<name>.
fn build_app(root: &Path) -> Result<PathBuf, String> {
    let dist = root.join("target/app-dist");
    for (name, _) in budget::APPS {
        let mut trunk = tools::command(root, "trunk");
        trunk.current_dir(root).args(["build", "--release", "--offline", "--dist"]).arg(dist.join(name)).arg(format!("app/{name}.html"));
        run(&mut trunk)?;
    }
    Ok(dist)
}

fn site_command(root: &Path) -> Command {
    let mut c = Command::new(tools::cargo());
    c.current_dir(root).args(["run", "--quiet", "--release", "--package", "site", "--"]);
    c
}

fn build(root: &Path) -> Result<(), String> {
    tools::install(root, tools::Needs::Build)?;
    let app = build_app(root)?;
    run(site_command(root).args(["build", "--data", "data", "--out", "dist", "--app-dir"]).arg(&app))?;
    for line in budget::check(&root.join("dist"))? {
        eprintln!("{line}");
    }
    Ok(())
}

fn serve(root: &Path) -> Result<(), String> {
    tools::install(root, tools::Needs::Build)?;
    let app = build_app(root)?;
    run(site_command(root).args(["serve", "--data", "data", "--out", "dist", "--addr", "127.0.0.1:8080", "--app-dir"]).arg(&app))
}

fn test(root: &Path) -> Result<(), String> {
    tools::install(root, tools::Needs::All)?;
    eprintln!("{}", offline_guard::check(root)?);
    lint(root)?;
    let app = build_app(root)?;
    let mut cargo = Command::new(tools::cargo());
    cargo
        .current_dir(root)
        .args(["test", "--workspace"])
        .env("E2E_APP_DIR", &app)
        .env("CHROME", tools::CHROMIUM)
        .env("VNU_JAR", tools::vnu_jar(root))
        .env("AXE_JS", tools::axe_js(root));
    run(&mut cargo)?;
    // The size budgets, on the sample site built with the app.
    let site = root.join("target/budget-site");
    run(site_command(root).args(["build", "--data", "data", "--out"]).arg(&site).arg("--app-dir").arg(&app))?;
    for line in budget::check(&site)? {
        eprintln!("{line}");
    }
    Ok(())
}

/// Formatting and lints, as part of the tests: native code, and the browser code as the wasm
/// apps compile it.
fn lint(root: &Path) -> Result<(), String> {
    let cargo = |args: &[&str]| {
        let mut c = Command::new(tools::cargo());
        c.current_dir(root).args(args);
        c
    };
    run(&mut cargo(&["fmt", "--all", "--", "--check"])).map_err(|e| format!("{e}: run `cargo fmt --all`"))?;
    run(&mut cargo(&["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))?;
    for (package, feature) in [("app", "csr"), ("rules", "browser")] {
        let wasm = ["clippy", "--package", package, "--features", feature, "--target", "wasm32-unknown-unknown", "--all-targets"];
        run(cargo(&wasm).args(["--", "-D", "warnings"]))?;
    }
    eprintln!("lint: cargo fmt and cargo clippy (native and wasm) clean");
    Ok(())
}

pub(crate) fn run(cmd: &mut Command) -> Result<(), String> {
    let status = cmd.status().map_err(|e| format!("could not start {:?}: {e}", cmd.get_program()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{:?} {:?} failed with {status}", cmd.get_program(), cmd.get_args().collect::<Vec<_>>()))
    }
}
