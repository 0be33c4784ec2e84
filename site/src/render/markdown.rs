//! Markdown bodies of documents and news. Documents come from many hands and may carry pasted
//! HTML: it passes through pulldown-cmark and then ammonia, which keeps a small allowlist of
//! formatting tags and drops scripts, event handlers, styles and any link that is not web, mail
//! or site-relative.

use pulldown_cmark::{Options, Parser};
use std::collections::HashSet;
use std::sync::OnceLock;

pub fn to_html(source: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut raw = String::new();
    pulldown_cmark::html::push_html(&mut raw, Parser::new_ext(source, options));
    // Table alignment as classes: the Content-Security-Policy forbids inline styles.
    for side in ["left", "center", "right"] {
        raw = raw.replace(&format!("style=\"text-align: {side}\""), &format!("class=\"al-{side}\""));
    }
    sanitizer().clean(&raw).to_string()
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let tags: HashSet<&str> = [
            "a", "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "del", "sup", "sub",
            "blockquote", "code", "pre", "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
            "div", "section", "span",
        ]
        .into_iter()
        .collect();
        let mut b = ammonia::Builder::default();
        b.tags(tags)
            .url_schemes(["http", "https", "mailto"].into_iter().collect())
            .link_rel(Some("noopener noreferrer"))
            .add_tag_attributes("a", ["href", "id"])
            .add_tag_attributes("li", ["id"])
            .add_tag_attributes("div", ["class", "id"])
            .add_tag_attributes("sup", ["class", "id"])
            .add_tag_attributes("section", ["class"])
            .add_tag_attributes("th", ["colspan", "rowspan"])
            .add_tag_attributes("td", ["colspan", "rowspan"])
            .add_allowed_classes("th", ["al-left", "al-center", "al-right"])
            .add_allowed_classes("td", ["al-left", "al-center", "al-right"])
            .id_prefix(None);
        b
    })
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
}
