//! What lets a leader open the figures without a connection and add the site to a phone's home
//! screen: the service worker (a file: the CSP allows no inline script), the web app manifest,
//! and the site's small script that registers the worker and says when a page is a saved copy.

use super::assets::{short_hash, Fnv};
use super::{Context, Files};
use app::routes;

const SCRIPT: &str = include_str!("../../assets/site.js");
const WORKER: &str = include_str!("../../assets/sw.js");

/// The site script, named by content hash like the stylesheet; returns its path.
pub(super) fn add_script(files: &mut Files) -> String {
    let path = format!("assets/site-{}.js", short_hash(SCRIPT.as_bytes()));
    files.insert(path.clone(), SCRIPT.as_bytes().to_vec());
    format!("/{path}")
}

pub(super) fn add_manifest(ctx: &Context<'_>, files: &mut Files) {
    let icon = |src: &str, size: u32, purpose: &str| serde_json::json!({ "src": src, "sizes": format!("{size}x{size}"), "type": "image/png", "purpose": purpose });
    let manifest = serde_json::json!({
        "name": ctx.data.site.title,
        "short_name": ctx.data.khoi.short_name,
        "description": "Số liệu công tác xây dựng Đảng của Đảng bộ Khối: chỉ tiêu kết nạp, xếp loại, sinh hoạt chi bộ.",
        "lang": "vi",
        "start_url": routes::STATS,
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
        "icons": [
            icon(routes::ICON_192, 192, "any"),
            icon(routes::ICON_512, 512, "any"),
            icon(routes::ICON_MASKABLE, 512, "maskable"),
        ],
    });
    files.insert(routes::file_of(routes::MANIFEST), serde_json::to_vec_pretty(&manifest).unwrap_or_default());
}

/// The header's colour, for the phone's status bar.
pub(super) const THEME_COLOR: &str = "#9f1239";

/// Where a page says which build it belongs to, until the build's hash is known.
pub(super) const BUILD_PLACEHOLDER: &str = "ban-dung-chua-tinh";

/// Names the build, last: a hash of every file (pages as rendered, with the placeholder) goes
/// into each page and into the service worker, whose cache it names. Any change to the
/// published site is a new worker, which replaces the old cache and tells open pages of an older
/// build that a newer one is out. The hash is of published files only: it says nothing of a
/// hidden cell that the pages do not. Precached: the home page, the dashboard with its data (in
/// the page) and app, the offline page, the shell.
pub(super) fn stamp_build(files: &mut Files, shell: &[String]) {
    let mut hash = Fnv::default();
    for (path, bytes) in files.iter() {
        hash.write(path.as_bytes());
        hash.write(bytes);
    }
    let version = format!("{:016x}", hash.finish());
    let placeholder = format!("data-phien-ban=\"{BUILD_PLACEHOLDER}\"");
    let stamped = format!("data-phien-ban=\"{version}\"");
    for (path, bytes) in files.iter_mut() {
        if path.ends_with(".html") {
            let html = String::from_utf8_lossy(bytes);
            if html.contains(&placeholder) {
                *bytes = html.replacen(&placeholder, &stamped, 1).into_bytes();
            }
        }
    }
    let mut precache: Vec<String> = vec![routes::HOME.into(), routes::STATS.into(), routes::OFFLINE.into(), routes::MANIFEST.into()];
    precache.extend(shell.iter().cloned());
    precache.retain(|route| files.contains_key(&routes::file_of(route)));
    let worker = WORKER
        .replace("__VERSION__", &version)
        .replace("__PRECACHE__", &serde_json::to_string(&precache).unwrap_or_default())
        .replace("__OFFLINE__", routes::OFFLINE);
    files.insert(routes::file_of(routes::SERVICE_WORKER), worker.into_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_site_is_a_new_worker_that_precaches_what_exists_and_pages_name_it() {
        let mut files = Files::new();
        files.insert("index.html".into(), format!("<p data-phien-ban=\"{BUILD_PLACEHOLDER}\"></p>").into_bytes());
        files.insert("thong-ke/index.html".into(), b"b".to_vec());
        files.insert("assets/site-1.css".into(), b"c".to_vec());
        let shell = vec!["/assets/site-1.css".to_string(), "/assets/missing.js".to_string()];
        let mut first = files.clone();
        stamp_build(&mut first, &shell);
        let worker = String::from_utf8(first["sw.js"].clone()).unwrap();
        assert!(worker.contains(r#"const PRECACHE = ["/","/thong-ke/","/assets/site-1.css"];"#), "{worker}");
        assert!(!worker.contains("__"), "{worker}");
        let page = String::from_utf8(first["index.html"].clone()).unwrap();
        let version = worker.split("const BUILD = \"").nth(1).unwrap().split('"').next().unwrap();
        assert_eq!(page, format!("<p data-phien-ban=\"{version}\"></p>"), "the page names the worker's build");

        let mut changed = files.clone();
        changed.insert("thong-ke/index.html".into(), b"b2".to_vec());
        stamp_build(&mut changed, &shell);
        let mut again = files.clone();
        stamp_build(&mut again, &shell);
        assert_ne!(first["sw.js"], changed["sw.js"]);
        assert_eq!(first["sw.js"], again["sw.js"]);
    }
}
