//! Project tooling: `cargo xtask <command>`.
mod sample;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("sample") => sample::run(&args[1..]),
        _ => Err("usage: cargo xtask sample --orgs N --years A..B --seed S --out DIR".to_string()),
    };
    if let Err(e) = result {
        eprintln!("xtask: {e}");
        std::process::exit(1);
    }
}
