//! Internal link check over the rendered files: every `href`/`src` that points inside the site
//! must resolve to a file of the build.

use crate::render::Files;

/// `(page, link)` pairs that resolve to nothing.
pub fn broken_links(files: &Files) -> Vec<(String, String)> {
    let mut broken = Vec::new();
    for (page, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        for link in internal_links(&html) {
            if !resolves(files, &link) {
                broken.push((page.clone(), link));
            }
        }
    }
    broken
}

fn internal_links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let Some(end) = rest.find('"') else { break };
            let value = &rest[..end];
            if value.starts_with('/') && !value.starts_with("//") {
                out.push(value.to_string());
            }
            rest = &rest[end..];
        }
    }
    out
}

fn resolves(files: &Files, link: &str) -> bool {
    let path = link.split(['#', '?']).next().unwrap_or("").trim_start_matches('/');
    if path.is_empty() {
        return files.contains_key("index.html");
    }
    if path.ends_with('/') {
        return files.contains_key(&format!("{path}index.html"));
    }
    files.contains_key(path) || files.contains_key(&format!("{path}/index.html"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_links_to_missing_pages_only() {
        let mut files = Files::new();
        files.insert(
            "index.html".into(),
            br#"<a href="/a/">a</a><a href="/b/">b</a><a href="https://x.vn/">x</a><link href="/s.css">"#.to_vec(),
        );
        files.insert("a/index.html".into(), br#"<a href="/#top">top</a><img src="/missing.png">"#.to_vec());
        files.insert("s.css".into(), Vec::new());
        let broken = broken_links(&files);
        assert_eq!(broken, vec![("a/index.html".to_string(), "/missing.png".to_string()), ("index.html".to_string(), "/b/".to_string())]);
    }
}
