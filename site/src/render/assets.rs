//! Static assets: the stylesheet and the wasm app's files, named by content hash for caching.

use super::Files;
use std::path::Path;

const CSS: &str = include_str!("../../assets/site.css");

const FAVICON: &str = include_str!("../../assets/favicon.svg");

pub(super) fn add_favicon(files: &mut Files) {
    files.insert("favicon.svg".into(), FAVICON.as_bytes().to_vec());
}

pub(super) fn add_css(files: &mut Files) -> String {
    let path = format!("assets/site-{}.css", short_hash(CSS.as_bytes()));
    files.insert(path.clone(), CSS.as_bytes().to_vec());
    format!("/{path}")
}

/// The wasm apps, one download each: a page loads the one it needs, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    /// `/thong-ke/` and the organization pages with quota figures.
    Dashboard,
    /// `/tim-kiem/`.
    Search,
    /// `/nhap-lieu/`: the report checker (the `rules` crate's checks).
    Checker,
}

impl Bundle {
    pub const ALL: [Bundle; 3] = [Bundle::Dashboard, Bundle::Search, Bundle::Checker];

    /// What stays when it fails to load, said after "Không tải được phần tương tác (…).".
    fn fallback(self) -> &'static str {
        match self {
            Bundle::Dashboard => "Biểu đồ và bảng số liệu tĩnh vẫn đầy đủ.",
            Bundle::Search => "Danh sách đầy đủ vẫn hiển thị bên dưới.",
            Bundle::Checker => "Có thể gửi tệp cho Văn phòng Đảng ủy để kiểm tra.",
        }
    }

    /// Its Trunk output directory under the app directory, and its files' prefix.
    pub fn name(self) -> &'static str {
        match self {
            Bundle::Dashboard => "dashboard",
            Bundle::Search => "search",
            Bundle::Checker => "checker",
        }
    }
}

/// The apps built by Trunk: each one's JS glue and wasm, and the small module that starts it
/// (an external file, so pages need no inline script).
#[derive(Debug, Clone)]
pub struct AppAssets {
    files: Vec<(Bundle, String, Vec<u8>)>,
    boots: Vec<(Bundle, String)>,
}

impl AppAssets {
    /// Reads Trunk's output: `dir/dashboard` and `dir/search`, each with exactly one `*.js` and
    /// one `*_bg.wasm`.
    pub fn read(dir: &Path) -> Result<AppAssets, String> {
        let mut assets = AppAssets { files: Vec::new(), boots: Vec::new() };
        for bundle in Bundle::ALL {
            assets.read_bundle(bundle, &dir.join(bundle.name()))?;
        }
        Ok(assets)
    }

    fn read_bundle(&mut self, bundle: Bundle, dir: &Path) -> Result<(), String> {
        let mut js = Vec::new();
        let mut wasm = Vec::new();
        let entries = std::fs::read_dir(dir)
            .map_err(|e| format!("không đọc được thư mục ứng dụng `{}`: {e} (chạy `cargo xtask build`)", dir.display()))?;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with("_bg.wasm") {
                wasm.push(name);
            } else if name.ends_with(".js") {
                js.push(name);
            }
        }
        js.sort();
        wasm.sort();
        let (Some(js), Some(wasm)) = (js.first(), wasm.first()) else {
            return Err(format!("thư mục `{}` không có tệp .js và _bg.wasm của ứng dụng (chạy `cargo xtask build`)", dir.display()));
        };
        let read = |name: &str| std::fs::read(dir.join(name)).map_err(|e| format!("không đọc được `{name}`: {e}"));
        // wasm-bindgen's default wasm path is the pre-hash name: pass the hashed one. A failed
        // load leaves the static page and says why (the import is dynamic so it can be caught).
        let boot = format!(
            "import(\"./{js}\")\n  .then((app) => app.default({{ module_or_path: new URL(\"./{wasm}\", import.meta.url) }}))\n  .catch((error) => {{\n    const status = document.getElementById(\"app-status\");\n    if (status) status.textContent = \"Không tải được phần tương tác (\" + error + \"). {}\";\n    document.documentElement.dataset.app = \"failed\";\n  }});\n",
            bundle.fallback()
        );
        let boot_name = format!("boot-{}-{}.js", bundle.name(), short_hash(boot.as_bytes()));
        self.files.push((bundle, format!("pkg/{js}"), read(js)?));
        self.files.push((bundle, format!("pkg/{wasm}"), read(wasm)?));
        self.files.push((bundle, format!("pkg/{boot_name}"), boot.into_bytes()));
        self.boots.push((bundle, format!("/pkg/{boot_name}")));
        Ok(())
    }

    /// The path of the module that starts `bundle`.
    pub fn boot_path(&self, bundle: Bundle) -> &str {
        self.boots.iter().find(|(b, _)| *b == bundle).map_or("", |(_, path)| path.as_str())
    }

    pub(super) fn add_to(&self, files: &mut Files) {
        files.extend(self.files.iter().map(|(_, path, bytes)| (path.clone(), bytes.clone())));
    }

    /// The site paths of `bundle`'s files (`/pkg/…`): what a page that loads it downloads.
    pub fn routes_of(&self, bundle: Bundle) -> Vec<String> {
        self.files.iter().filter(|(b, _, _)| *b == bundle).map(|(_, path, _)| format!("/{path}")).collect()
    }
}

/// A file name's content hash: 40 bits of [`Fnv`].
pub(crate) fn short_hash(bytes: &[u8]) -> String {
    let mut h = Fnv::default();
    h.write(bytes);
    format!("{:010x}", h.finish() >> 24)
}

pub use rules::fnv::Fnv;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_app_gets_its_own_files_and_boot_module() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["dashboard", "search", "checker"] {
            std::fs::create_dir(dir.path().join(name)).unwrap();
            std::fs::write(dir.path().join(format!("{name}/{name}-0a1b.js")), "js").unwrap();
            std::fs::write(dir.path().join(format!("{name}/{name}-0a1b_bg.wasm")), "wasm").unwrap();
            std::fs::write(dir.path().join(format!("{name}/index.html")), "<html>").unwrap();
        }
        let app = AppAssets::read(dir.path()).unwrap();
        let dashboard = app.boot_path(Bundle::Dashboard);
        let search = app.boot_path(Bundle::Search);
        assert!(dashboard.starts_with("/pkg/boot-dashboard-") && search.starts_with("/pkg/boot-search-"), "{dashboard} {search}");
        let mut files = Files::new();
        app.add_to(&mut files);
        let boot = String::from_utf8(files[dashboard.trim_start_matches('/')].clone()).unwrap();
        assert!(boot.contains("import(\"./dashboard-0a1b.js\")") && boot.contains("./dashboard-0a1b_bg.wasm"), "{boot}");
        assert!(boot.contains("Biểu đồ và bảng số liệu tĩnh vẫn đầy đủ."));
        assert_eq!(files.keys().filter(|k| k.ends_with(".wasm")).count(), 3);

        // A missing app says which directory and how to build it.
        std::fs::remove_dir_all(dir.path().join("search")).unwrap();
        let err = AppAssets::read(dir.path()).unwrap_err();
        assert!(err.contains("search") && err.contains("cargo xtask build"), "{err}");
    }
}
