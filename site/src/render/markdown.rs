//! Markdown bodies of documents and news. Raw HTML in the source is shown as text, never
//! passed through: documents come from many hands.

use pulldown_cmark::{Event, Options, Parser};

pub fn to_html(source: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let parser = Parser::new_ext(source, options).map(|event| match event {
        Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
        Event::Start(pulldown_cmark::Tag::Link { link_type, dest_url, title, id }) if !safe_url(&dest_url) => {
            Event::Start(pulldown_cmark::Tag::Link { link_type, dest_url: "#".into(), title, id })
        }
        Event::Start(pulldown_cmark::Tag::Image { link_type, dest_url, title, id }) if !safe_url(&dest_url) => {
            Event::Start(pulldown_cmark::Tag::Image { link_type, dest_url: "#".into(), title, id })
        }
        other => other,
    });
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, parser);
    out
}

/// Only web, mail and site-relative links: no `javascript:` or `data:`.
fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:") || lower.starts_with('/') || lower.starts_with('#')
        || !lower.contains(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_and_footnotes_render() {
        let html = to_html("| a | b |\n|---|---|\n| 1 | 2 |\n\nChú thích[^1].\n\n[^1]: Ghi chú.\n");
        assert!(html.contains("<table>"));
        assert!(html.contains("footnote"));
    }

    #[test]
    fn raw_html_and_script_links_are_neutralized() {
        let html = to_html("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>");
        assert!(!html.contains("<script"));
        assert!(!html.contains("<img"));
        assert!(!html.contains("javascript:"));
        assert!(html.contains("&lt;script&gt;"));
    }
}
