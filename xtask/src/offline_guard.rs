//! The guard for a fresh machine: Trunk builds the wasm apps with `cargo --offline`, so every
//! crate they need must be in the cargo cache before it runs, and a native build never
//! downloads the crates only wasm32 needs. A warm cache hides a missing download, so the guard
//! runs xtask's own setup against a throwaway cargo home that holds only the tool binaries (no
//! registry at all), then resolves the wasm apps offline against it, as Trunk's cargo would.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

pub fn check(root: &Path) -> Result<String, String> {
    let started = Instant::now();
    let real_bin = crate::tools::cargo_bin_dir();
    let home = root.join("target/offline-guard-cargo-home");
    // Left over from an interrupted run: start empty all the same.
    let _ = std::fs::remove_dir_all(&home);
    link_tools(&real_bin, &home.join("bin"))?;
    let previous = std::env::var_os("CARGO_HOME");
    // xtask is single-threaded here; the setup and every command it starts see the throwaway home.
    std::env::set_var("CARGO_HOME", &home);
    let result = crate::tools::install(root, crate::tools::Needs::Build).and_then(|()| resolve_offline(root));
    match previous {
        Some(p) => std::env::set_var("CARGO_HOME", p),
        None => std::env::remove_var("CARGO_HOME"),
    }
    let _ = std::fs::remove_dir_all(&home);
    let crates = result?;
    Ok(format!(
        "offline guard: after the setup, the wasm apps resolve offline ({crates} crates) from a cargo home that started with no registry ({:.1} s)",
        started.elapsed().as_secs_f64()
    ))
}

/// A cargo home with the installed tools (trunk, wasm-bindgen…) and nothing else.
fn link_tools(real_bin: &Path, bin: &Path) -> Result<(), String> {
    std::fs::create_dir_all(bin).map_err(|e| format!("{}: {e}", bin.display()))?;
    for entry in std::fs::read_dir(real_bin).map_err(|e| format!("{}: {e}", real_bin.display()))?.flatten() {
        std::os::unix::fs::symlink(entry.path(), bin.join(entry.file_name())).map_err(|e| format!("{}: {e}", bin.display()))?;
    }
    Ok(())
}

/// What Trunk's `cargo build --offline --target wasm32-unknown-unknown` needs, without
/// compiling: `cargo tree` loads every package of the resolve, so it fails offline exactly where
/// that build would. Returns how many crates the apps use.
fn resolve_offline(root: &Path) -> Result<usize, String> {
    let out = Command::new(crate::tools::cargo())
        .current_dir(root)
        .args(["tree", "--offline", "--locked", "--target", "wasm32-unknown-unknown", "--package", "app", "--package", "rules"])
        .args(["--features", "app/csr,rules/browser"])
        .args(["--edges", "normal,build", "--prefix", "none", "--no-dedupe"])
        .output()
        .map_err(|e| format!("could not start cargo tree: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "offline guard: after xtask's setup the wasm apps do not resolve offline, so Trunk would fail on a fresh machine:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let mut names: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap_or_default().lines().filter_map(|l| l.split(' ').next()).collect();
    names.sort_unstable();
    names.dedup();
    Ok(names.len())
}
