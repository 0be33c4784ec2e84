//! The dashboard's wasm entry point (`/thong-ke/`, organization pages), built by Trunk with
//! `--features csr`.

fn main() {
    app::browser::start_dashboard();
}
