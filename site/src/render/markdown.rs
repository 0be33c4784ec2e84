//! Markdown bodies of documents and news. Documents come from many hands and may carry pasted
//! HTML: it passes through pulldown-cmark and then ammonia, which keeps a small allowlist of
//! formatting tags and drops scripts, event handlers, styles and any link that is not web, mail
//! or site-relative. The allowlist is declared once here: the sanitizer is built from it, and
//! [`dropped`] reads a source with it so that `site check` names everything the published page
//! will lack (a party document never loses content silently).

use pulldown_cmark::{Event, Options, Parser, Tag};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

/// Formatting tags a published document may use.
const TAGS: &[&str] = &[
    "a",
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "del",
    "sup",
    "sub",
    "blockquote",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "div",
    "section",
    "span",
];
/// Tags removed together with everything inside them.
const CLEAN_CONTENT_TAGS: &[&str] = &["script", "style"];
/// Attributes any allowed tag may carry.
const GENERIC_ATTRIBUTES: &[&str] = &["lang", "title"];
/// Attributes allowed on one tag.
const TAG_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "id"]),
    ("li", &["id"]),
    ("div", &["class", "id"]),
    ("sup", &["class", "id"]),
    ("section", &["class"]),
    ("ol", &["start"]),
    ("th", &["colspan", "rowspan"]),
    ("td", &["colspan", "rowspan"]),
];
/// Classes kept on a tag whose other classes are dropped (table alignment, set by [`to_html`]).
const ALLOWED_CLASSES: &[(&str, &[&str])] = &[("th", &["al-left", "al-center", "al-right"]), ("td", &["al-left", "al-center", "al-right"])];
/// Link schemes kept; links without a scheme (site-relative, `#anchor`) are kept too.
const URL_SCHEMES: &[&str] = &["http", "https", "mailto"];

pub fn to_html(source: &str) -> String {
    let options = options();
    let mut raw = String::new();
    pulldown_cmark::html::push_html(&mut raw, Parser::new_ext(source, options));
    // Table alignment as classes: the Content-Security-Policy forbids inline styles.
    for side in ["left", "center", "right"] {
        raw = raw.replace(&format!("style=\"text-align: {side}\""), &format!("class=\"al-{side}\""));
    }
    unwrap_dead_links(&sanitizer().clean(&raw).to_string())
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let tag_attributes: HashMap<&str, HashSet<&str>> = TAG_ATTRIBUTES.iter().map(|(t, a)| (*t, a.iter().copied().collect())).collect();
        let mut b = ammonia::Builder::default();
        b.tags(TAGS.iter().copied().collect())
            .clean_content_tags(CLEAN_CONTENT_TAGS.iter().copied().collect())
            .generic_attributes(GENERIC_ATTRIBUTES.iter().copied().collect())
            .tag_attributes(tag_attributes)
            .url_schemes(URL_SCHEMES.iter().copied().collect())
            .link_rel(Some("noopener noreferrer"))
            .id_prefix(None);
        for (tag, classes) in ALLOWED_CLASSES {
            b.add_allowed_classes(*tag, classes.iter().copied());
        }
        b
    })
}

/// A link whose address the sanitizer dropped is an `<a>` without `href`, which is invalid
/// with its `rel`: keep its text, drop the element. The sanitizer's output is well-formed and
/// links never nest, so the next `</a>` closes it.
fn unwrap_dead_links(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<a ").or_else(|| rest.find("<a>")) {
        let Some(end) = tag_end(&rest[at..]) else { break };
        let tag = &rest[at..at + end];
        out.push_str(&rest[..at]);
        if attributes(tag).iter().any(|(name, _)| name == "href") {
            out.push_str(tag);
            rest = &rest[at + end..];
        } else {
            let inner = &rest[at + end..];
            let close = inner.find("</a>").unwrap_or(inner.len());
            out.push_str(&inner[..close]);
            rest = inner.get(close + 4..).unwrap_or("");
        }
    }
    out.push_str(rest);
    out
}

/// One thing the published page will lack, at its byte range in the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dropped {
    pub range: Range<usize>,
    pub what: DroppedKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DroppedKind {
    /// A tag outside the allowlist; its text stays unless `with_content`.
    Tag { name: String, with_content: bool },
    /// An attribute the tag may not carry.
    Attribute { tag: String, name: String },
    /// A link (or other address) whose scheme is not allowed; the link's text stays.
    Url { tag: String, url: String },
    /// A markdown image: the site publishes no images inside documents.
    Image { url: String },
}

/// Everything of `source` that [`to_html`] will not publish, in source order.
pub fn dropped(source: &str) -> Vec<Dropped> {
    let mut out = Vec::new();
    for (event, range) in Parser::new_ext(source, options()).into_offset_iter() {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                // A block's text may be split into several events; offsets are found in the source.
                let base = source[range.clone()].find(&*html).map_or(range.start, |i| range.start + i);
                scan_html(&html, base, &mut out);
            }
            Event::Start(Tag::Link { dest_url, .. }) if !url_allowed(&dest_url) => {
                out.push(Dropped { range, what: DroppedKind::Url { tag: "a".into(), url: dest_url.into_string() } });
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                out.push(Dropped { range, what: DroppedKind::Image { url: dest_url.into_string() } })
            }
            _ => {}
        }
    }
    out
}

/// The start tags of a piece of raw HTML, each checked against the allowlist.
fn scan_html(html: &str, base: usize, out: &mut Vec<Dropped>) {
    let mut i = 0;
    while let Some(lt) = html[i..].find('<') {
        let at = i + lt;
        let rest = &html[at..];
        if rest.starts_with("<!--") {
            i = at + rest.find("-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        let name: String = rest[1..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
        if name.is_empty() || !rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            i = at + 1;
            continue;
        }
        let end = tag_end(rest).unwrap_or(rest.len());
        let range = base + at..base + at + end;
        let tag = name.to_ascii_lowercase();
        if !TAGS.contains(&tag.as_str()) {
            let with_content = CLEAN_CONTENT_TAGS.contains(&tag.as_str());
            out.push(Dropped { range: range.clone(), what: DroppedKind::Tag { name: tag.clone(), with_content } });
            i = at + end;
            if with_content {
                // Its content goes with it: skip to the closing tag.
                let close = format!("</{tag}");
                i = html[i..].to_ascii_lowercase().find(&close).map_or(html.len(), |c| i + c);
            }
            continue;
        }
        for (attr, value) in attributes(&rest[..end]) {
            let allowed = GENERIC_ATTRIBUTES.contains(&attr.as_str())
                || TAG_ATTRIBUTES.iter().any(|(t, a)| *t == tag && a.contains(&attr.as_str()))
                || (attr == "class" && ALLOWED_CLASSES.iter().any(|(t, _)| *t == tag));
            if !allowed {
                out.push(Dropped { range: range.clone(), what: DroppedKind::Attribute { tag: tag.clone(), name: attr } });
            } else if is_url_attribute(&attr) && !url_allowed(&decode_entities(&value)) {
                out.push(Dropped { range: range.clone(), what: DroppedKind::Url { tag: tag.clone(), url: decode_entities(&value) } });
            }
        }
        i = at + end;
    }
}

fn is_url_attribute(name: &str) -> bool {
    matches!(name, "href" | "src" | "cite" | "action" | "formaction" | "poster" | "background" | "srcset" | "xlink:href")
}

/// The sanitizer's own rule: an address that parses with a scheme keeps it only if allowed; a
/// relative one is kept; anything else is dropped.
fn url_allowed(url: &str) -> bool {
    match url::Url::parse(url) {
        Ok(u) => URL_SCHEMES.contains(&u.scheme()),
        Err(e) => e == url::ParseError::RelativeUrlWithoutBase,
    }
}

/// Length of the tag that starts `s` (at `<`), up to and including `>`, quotes respected.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// The attributes of one start tag, names lower-cased, values raw (entities not decoded).
fn attributes(tag: &str) -> Vec<(String, String)> {
    let inner = tag.trim_start_matches('<').trim_end_matches('>').trim_end_matches('/');
    let bytes = inner.as_bytes();
    // Skip the tag name.
    let mut i = bytes.iter().position(|b| b.is_ascii_whitespace() || *b == b'/').unwrap_or(bytes.len());
    let mut out = Vec::new();
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'=' && bytes[i] != b'/' {
            i += 1;
        }
        if start == i {
            break;
        }
        let name = inner[start..i].to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                let q = bytes[i];
                let v = i + 1;
                i = v + bytes[v..].iter().position(|b| *b == q).unwrap_or(bytes.len() - v);
                value = inner[v..i].to_string();
                i += 1;
            } else {
                let v = i;
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = inner[v..i].to_string();
            }
        }
        out.push((name, value));
    }
    out
}

/// Character references in an attribute value, as the browser (and the sanitizer's parser)
/// decode them: numeric ones and the few named ones that can spell a scheme.
fn decode_entities(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')).unwrap_or(after.len());
        let body = &after[..end];
        let decoded = if let Some(num) = body.strip_prefix("#x").or_else(|| body.strip_prefix("#X")) {
            u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
        } else if let Some(num) = body.strip_prefix('#') {
            num.parse::<u32>().ok().and_then(char::from_u32)
        } else {
            match body {
                "Tab" => Some('\t'),
                "NewLine" => Some('\n'),
                "colon" => Some(':'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "sol" => Some('/'),
                _ => None,
            }
        };
        match decoded {
            Some(c) => {
                out.push(c);
                let skip = if after[end..].starts_with(';') { end + 1 } else { end };
                rest = &after[skip..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_and_footnotes_render() {
        let html = to_html("| a | b |\n|---|--:|\n| 1 | 2 |\n\nChú thích[^1].\n\n[^1]: Ghi chú.\n");
        assert!(html.contains("<table>"));
        assert!(html.contains("<td class=\"al-right\">2</td>"), "{html}");
        assert!(!html.contains("style="), "no inline style under the CSP: {html}");
        assert!(html.contains("footnote"));
    }

    #[test]
    fn scripts_handlers_and_script_links_are_removed_formatting_kept() {
        let html = to_html(
            "<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)> \
             <a href=\"data:text/html,<script>alert(1)</script>\">d</a> <sup>2</sup> <b onclick=\"alert(1)\">đậm</b>\n\n\
             <svg onload=alert(1)><circle/></svg> <iframe src=\"https://x.vn\"></iframe>",
        );
        for bad in ["<script", "<img", "javascript:", "onerror", "onclick", "onload", "data:", "<svg", "<iframe"] {
            assert!(!html.contains(bad), "{bad} survived: {html}");
        }
        assert!(html.contains("<sup>2</sup>"));
        assert!(html.contains("<b>đậm</b>"));
    }

    #[test]
    fn a_dropped_link_keeps_its_text_and_leaves_no_empty_anchor() {
        let html = to_html(
            "[một](javascript:alert(1)) <a href=\"data:text/html,x\">hai</a> <a href=\"jav&#x09;ascript:alert(1)\">ba</a> \
             [bốn](https://x.vn/) [năm](/van-ban/)",
        );
        for text in ["một", "hai", "ba"] {
            assert!(html.contains(text), "{text} lost: {html}");
        }
        assert_eq!(html.matches("<a ").count(), 2, "only the two good links stay links: {html}");
        assert!(!html.contains("<a rel"), "no anchor without href: {html}");
        assert!(html.contains("<a href=\"https://x.vn/\" rel=\"noopener noreferrer\">bốn</a>"), "{html}");
    }

    #[test]
    fn dropped_names_each_piece_at_its_place() {
        let src = "Đoạn một.\n\n[x](javascript:alert(1)) và <a href=\"jav&#x09;ascript:alert(1)\">y</a>\n\n\
                   <b onclick=\"f()\">đậm</b> <img src=\"a.png\"> <script>alert(1)</script>\n\n![ảnh](a.png) [tốt](https://x.vn/)\n";
        let found = dropped(src);
        let at = |d: &Dropped| &src[d.range.clone()];
        let kinds: Vec<&DroppedKind> = found.iter().map(|d| &d.what).collect();
        assert_eq!(found.len(), 6, "{kinds:#?}");
        assert!(matches!(&found[0].what, DroppedKind::Url { url, .. } if url == "javascript:alert(1)"));
        assert!(at(&found[0]).starts_with("[x]"));
        assert!(matches!(&found[1].what, DroppedKind::Url { url, .. } if url == "jav\tascript:alert(1)"), "{kinds:#?}");
        assert!(at(&found[1]).starts_with("<a href"));
        assert!(matches!(&found[2].what, DroppedKind::Attribute { tag, name } if tag == "b" && name == "onclick"));
        assert!(matches!(&found[3].what, DroppedKind::Tag { name, with_content: false } if name == "img"));
        assert!(matches!(&found[4].what, DroppedKind::Tag { name, with_content: true } if name == "script"));
        assert!(matches!(&found[5].what, DroppedKind::Image { url } if url == "a.png"));
    }

    #[test]
    fn allowed_markup_is_not_reported() {
        let src = "# Tiêu đề\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\nChú thích[^1], <sup>2</sup>, <span title=\"t\">x</span>, \
                   [mail](mailto:a@b.vn), [neo](#muc-1), <div class=\"ghi-chu\">y</div>\n\n[^1]: Ghi chú.\n";
        assert_eq!(dropped(src), vec![]);
    }

    #[test]
    fn the_detector_agrees_with_the_sanitizer() {
        // Each case: is something dropped, by the detector, exactly when the sanitizer's output
        // loses a tag, an attribute or a link?
        for (src, lost) in [
            ("<a href=\"https://x.vn\">a</a>", false),
            ("<a href=\"&#106;avascript:x\">a</a>", true),
            ("<a href=\" javascript:x\">a</a>", true),
            ("<a href=\"JAVASCRIPT:x\">a</a>", true),
            ("<a href=\"vbscript:x\">a</a>", true),
            ("<a href=\"/van-ban/\">a</a>", false),
            ("<span style=\"color:red\">a</span>", true),
            ("<ol start=\"3\"><li>a</li></ol>", false),
            ("<font color=red>a</font>", true),
        ] {
            assert_eq!(!dropped(src).is_empty(), lost, "{src} → {}", to_html(src));
        }
    }
}
