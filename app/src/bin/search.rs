//! The search page's wasm entry point (`/tim-kiem/`), built by Trunk with `--features csr`: the
//! search alone, without the dashboard's charts.

fn main() {
    app::browser::start_search();
}
