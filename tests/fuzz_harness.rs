//! The code paths that the fuzz targets (`fuzz/fuzz_targets/*.rs`) and the smoke pass of the
//! normal test suite (`tests/fuzz_smoke.rs`) drive with arbitrary bytes. Both include this file
//! with `#[path]`, so the smoke pass runs exactly what `cargo fuzz` runs.
//!
//! - `report`: the bytes become `reports/2024/CQ01-01.toml` in a copy of `tests/fixtures/base`;
//!   the site is loaded, checked (every rule of the year, across files) and, when the data has
//!   no error, rendered.
//! - `markdown`: the bytes become the document (when they name `so_ky_hieu`) or else the news
//!   item of a small tree (site, khoi, one document, one news item); front matter is parsed, the markdown body rendered and
//!   sanitized, every page rendered.
//!
//! Besides "no panic", each run checks what must hold for any input: every finding quotes a span
//! inside its file and renders as text and JSON; clean data renders; and no rendered page carries
//! active content (a script other than the site's own, an event-handler attribute, a
//! `javascript:`/`data:`/`vbscript:` URL, or an element that can run script).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Report,
    Markdown,
}

impl Target {
    pub fn name(self) -> &'static str {
        match self {
            Target::Report => "report",
            Target::Markdown => "markdown",
        }
    }
}

/// What one input did: a data error (the common case), or a rendered site.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    DataErrors(usize),
    /// The data was clean but a page links to a page that does not exist (markdown written with
    /// site-relative links): the build refuses it, as it should.
    BrokenLinks,
    Rendered(usize),
}

pub struct Harness {
    target: Target,
    _dir: tempfile::TempDir,
    data: PathBuf,
    /// Where the input may be written, each with its base content.
    files: Vec<PathBuf>,
    originals: Vec<Vec<u8>>,
}

const REPORT_FILE: &str = "reports/2024/CQ01-01.toml";
const DOCUMENT_FILE: &str = "documents/2024-07-10-25-kh.md";
const NEWS_FILE: &str = "news/2025-01-20-tong-ket-nam-2024.md";

impl Harness {
    /// A scratch data tree for `target`, made from `base` (the path of `tests/fixtures/base`).
    pub fn new(target: Target, base: &Path) -> Harness {
        let dir = tempfile::tempdir().expect("temporary directory");
        let data = dir.path().join("data");
        match target {
            Target::Report => copy_dir(base, &data),
            Target::Markdown => {
                for sub in ["documents", "news"] {
                    std::fs::create_dir_all(data.join(sub)).unwrap();
                }
                for f in ["site.toml", "khoi.toml", DOCUMENT_FILE, NEWS_FILE] {
                    std::fs::copy(base.join(f), data.join(f)).unwrap();
                }
            }
        }
        let files = match target {
            Target::Report => vec![data.join(REPORT_FILE)],
            Target::Markdown => vec![data.join(DOCUMENT_FILE), data.join(NEWS_FILE)],
        };
        let originals = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
        Harness { target, _dir: dir, data, files, originals }
    }

    /// Puts back the base content of every file an input may replace.
    fn restore(&self) {
        for (f, bytes) in self.files.iter().zip(&self.originals) {
            std::fs::write(f, bytes).expect("restore a base file");
        }
    }

    /// The seed inputs the base tree itself provides (the files the input replaces).
    pub fn base_inputs(target: Target, base: &Path) -> Vec<Vec<u8>> {
        let names: &[&str] = match target {
            Target::Report => &[REPORT_FILE, "reports/2024/DN01.toml", "reports/2025/CQ01-01.toml"],
            Target::Markdown => &[DOCUMENT_FILE, NEWS_FILE],
        };
        names.iter().map(|n| std::fs::read(base.join(n)).unwrap()).collect()
    }

    /// Runs one input. Panics (the fuzzer's crash) when an invariant does not hold.
    pub fn run(&self, input: &[u8]) -> Outcome {
        self.restore();
        // The markdown target writes a document when the input names a document key, a news item
        // otherwise; the other file keeps its valid base content.
        let file = match self.target {
            Target::Markdown if !contains(input, b"so_ky_hieu") => &self.files[1],
            _ => &self.files[0],
        };
        std::fs::write(file, input).expect("write the input");
        let site = site::build::Site::new(&self.data);
        match site.render(None, false) {
            Ok((checked, files)) => {
                check_findings(&checked);
                for (path, bytes) in &files {
                    if path.ends_with(".html") {
                        let html = String::from_utf8_lossy(bytes);
                        if let Err(e) = no_active_content(&html) {
                            panic!("{}: {path} carries active content: {e}", self.target.name());
                        }
                    }
                }
                Outcome::Rendered(files.len())
            }
            Err(site::build::BuildError::Data(checked)) => {
                check_findings(&checked);
                assert!(checked.findings().errors() > 0, "a data error without an error finding");
                Outcome::DataErrors(checked.findings().errors())
            }
            Err(site::build::BuildError::Output(e)) if e.contains("liên kết hỏng") => Outcome::BrokenLinks,
            Err(site::build::BuildError::Output(e)) => panic!("{}: data without errors did not render: {e}", self.target.name()),
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every finding points inside its file, and the findings render as text and as JSON.
fn check_findings(checked: &site::build::Checked) {
    let sources = checked.sources();
    for d in &checked.findings().items {
        if let (Some(file), Some(span)) = (d.file, &d.span) {
            let text = &sources.get(file).text;
            assert!(
                span.start <= span.end && span.end <= text.len(),
                "finding {} `{}` has span {span:?} outside its file of {} bytes",
                d.code,
                d.message,
                text.len()
            );
        }
    }
    let text = checked.findings().render(sources);
    // Each finding starts a line with its header (quoted source lines may repeat the words).
    let headers = text.lines().filter(|l| l.starts_with("lỗi[") || l.starts_with("cảnh báo[")).count();
    assert!(headers >= checked.findings().items.len(), "{} findings rendered {headers} headers", checked.findings().items.len());
    let json: serde_json::Value = serde_json::from_str(&checked.findings().to_json(sources)).expect("findings as JSON");
    assert_eq!(json.as_array().map(Vec::len), Some(checked.findings().items.len()));
}

/// Scripts the site itself writes: the JSON data island, the app loader and the site script.
fn allowed_script(tag: &str) -> bool {
    tag.contains("type=\"application/json\"")
        || (tag.contains("type=\"module\"") && (tag.contains("src=\"/pkg/") || tag.contains("src=\"/assets/site-")))
}

/// Scans the tags of a page (text is escaped, so every raw `<` starts a tag, a comment or a
/// doctype) for anything that can run script.
pub fn no_active_content(html: &str) -> Result<(), String> {
    let lower = html.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut i = 0;
    while let Some(off) = lower[i..].find('<') {
        let start = i + off;
        if lower[start..].starts_with("<!--") {
            i = lower[start..].find("-->").map_or(lower.len(), |e| start + e + 3);
            continue;
        }
        // A tag runs to the first `>` outside quotes.
        let mut j = start + 1;
        let mut quote = None;
        while j < bytes.len() {
            match (quote, bytes[j]) {
                (None, b'"' | b'\'') => quote = Some(bytes[j]),
                (Some(q), c) if c == q => quote = None,
                (None, b'>') => break,
                _ => {}
            }
            j += 1;
        }
        let tag = &lower[start..j.min(lower.len())];
        let original = &html[start..j.min(html.len())];
        i = (j + 1).min(lower.len());
        let name: String = tag[1..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '/' || *c == '!').collect();
        let name = name.trim_start_matches('/');
        if name == "script" {
            if tag.starts_with("</") {
                continue;
            }
            if !allowed_script(tag) {
                return Err(format!("script element {original}"));
            }
            // The content of the JSON island is data: skip to its end tag.
            i = lower[i..].find("</script").map_or(lower.len(), |e| i + e);
            continue;
        }
        if ["iframe", "frame", "frameset", "object", "embed", "applet", "base", "math", "template", "portal"].contains(&name)
            || (name == "meta" && tag.contains("http-equiv=\"refresh\""))
        {
            return Err(format!("element {original}"));
        }
        for (attr, value) in attributes(tag) {
            if attr.starts_with("on") {
                return Err(format!("event handler `{attr}` in {original}"));
            }
            if ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcdoc"].contains(&attr.as_str()) {
                // As a browser parses a URL (WHATWG): leading and trailing C0 controls and spaces
                // go, tabs and newlines go everywhere; other controls stay (and void the scheme).
                let decoded = decode_entities(&value);
                let v: String = decoded.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
                let v = v.to_ascii_lowercase();
                if v.starts_with("javascript:")
                    || v.starts_with("vbscript:")
                    || (v.starts_with("data:") && attr != "src")
                    || (attr == "src" && v.starts_with("data:text"))
                {
                    return Err(format!("script URL in `{attr}` of {original}"));
                }
                if attr == "srcdoc" {
                    return Err(format!("srcdoc in {original}"));
                }
            }
            if attr == "style" && (value.contains("expression(") || value.contains("url(")) {
                return Err(format!("style with code or URL in {original}"));
            }
        }
    }
    Ok(())
}

/// Attribute names and values of a lowercase tag.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let b = tag.as_bytes();
    let mut out = Vec::new();
    // Skip `<name`.
    let mut i = 1;
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'/' {
        i += 1;
    }
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let ns = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'/' {
            i += 1;
        }
        if ns == i {
            break;
        }
        let name = tag[ns..i].to_string();
        let mut value = String::new();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                i = vs;
                while i < b.len() && b[i] != q {
                    i += 1;
                }
                value = tag[vs..i.min(tag.len())].to_string();
                i += 1;
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = tag[vs..i].to_string();
            }
        }
        out.push((name, value));
    }
    out
}

/// Numeric and the common named character references, as a browser reads an attribute value.
fn decode_entities(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 12);
        let decoded = end.and_then(|e| {
            let ent = &rest[1..e];
            let c = match ent {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "colon" => Some(':'),
                "tab" => Some('\t'),
                "newline" => Some('\n'),
                _ => ent
                    .strip_prefix("#x")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[cfg(test)]
mod oracle_tests {
    use super::no_active_content;

    #[test]
    fn the_oracle_flags_active_content_and_passes_plain_markup() {
        assert!(no_active_content("<p>a &lt;script&gt; b</p><a href=\"https://x.vn/\" rel=\"noopener\">x</a>").is_ok());
        assert!(no_active_content("<script type=\"application/json\" id=\"d\">{\"a\":\"\\u003cscript>\"}</script>").is_ok());
        // A control character inside the scheme makes it a relative URL for browsers.
        assert!(no_active_content("<a href=\"javasc\u{3}ript:alert(1)\">x</a>").is_ok());
        for bad in [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"java&#115;cript:alert(1)\">x</a>",
            "<a href=' javascript:alert(1)'>x</a>",
            "<a href=\"\u{1}java\tscr\nipt:alert(1)\">x</a>",
            "<iframe src=\"https://x.vn\"></iframe>",
            "<svg onload=alert(1)>",
            "<a href=\"data:text/html,x\">x</a>",
        ] {
            assert!(no_active_content(bad).is_err(), "{bad}");
        }
    }
}
