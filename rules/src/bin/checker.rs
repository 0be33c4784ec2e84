//! The checker page's wasm entry point (`/nhap-lieu/`), built by Trunk with `--features browser`.

fn main() {
    rules::browser::start();
}
