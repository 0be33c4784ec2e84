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

/// The app built by Trunk: its JS glue and wasm, and the small module that starts it
/// (an external file, so pages need no inline script).
#[derive(Debug, Clone)]
pub struct AppAssets {
    files: Vec<(String, Vec<u8>)>,
    pub boot_path: String,
}

impl AppAssets {
    /// Reads Trunk's output directory: exactly one `*.js` and one `*_bg.wasm`.
    pub fn read(dir: &Path) -> Result<AppAssets, String> {
        let mut js = Vec::new();
        let mut wasm = Vec::new();
        let entries = std::fs::read_dir(dir).map_err(|e| format!("không đọc được thư mục ứng dụng `{}`: {e}", dir.display()))?;
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
        // load leaves the static charts and says why (the import is dynamic so it can be caught).
        let boot = format!(
            "import(\"./{js}\")\n  .then((app) => app.default({{ module_or_path: new URL(\"./{wasm}\", import.meta.url) }}))\n  .catch((error) => {{\n    const status = document.getElementById(\"app-status\");\n    if (status) status.textContent = \"Không tải được phần tương tác (\" + error + \"). Biểu đồ và bảng số liệu tĩnh vẫn đầy đủ.\";\n    document.documentElement.dataset.app = \"failed\";\n  }});\n"
        );
        let boot_name = format!("boot-{}.js", short_hash(boot.as_bytes()));
        Ok(AppAssets {
            files: vec![
                (format!("pkg/{js}"), read(js)?),
                (format!("pkg/{wasm}"), read(wasm)?),
                (format!("pkg/{boot_name}"), boot.into_bytes()),
            ],
            boot_path: format!("/pkg/{boot_name}"),
        })
    }

    pub(super) fn add_to(&self, files: &mut Files) {
        files.extend(self.files.iter().cloned());
    }
}

/// FNV-1a, 64 bits: stable across runs and platforms (unlike `DefaultHasher`).
pub(crate) fn short_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:010x}", h >> 24)
}
