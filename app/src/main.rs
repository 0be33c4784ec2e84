//! The wasm entry point, built by Trunk with `--features csr`.

fn main() {
    app::browser::start();
}
