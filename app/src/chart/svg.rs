//! Turns plotters' fixed-size SVG into an accessible one that scales to its column.

/// The accessible name and description of a chart, and an id unique within the page.
pub struct ChartLabels<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub description: &'a str,
}

/// Replaces plotters' `<svg width height viewBox xmlns>` opening tag with one that keeps only the
/// `viewBox` (so CSS sizes it), and adds `role="img"`, `<title>` and `<desc>`.
pub(crate) fn accessible(svg: &str, labels: &ChartLabels<'_>) -> String {
    let body_start = svg.find('>').map_or(0, |i| i + 1);
    // Found by bytes, not by a substring search: the app need not carry a string searcher.
    const KEY: &[u8] = b"viewBox=\"";
    let view_box = svg.as_bytes()[..body_start]
        .windows(KEY.len())
        .position(|w| w == KEY)
        .and_then(|at| svg[at + KEY.len()..body_start].split('"').next())
        .unwrap_or("0 0 100 100");
    let id = labels.id;
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{view_box}\" class=\"chart-svg\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>{}",
        escape(labels.title),
        escape(labels.description),
        &svg[body_start..]
    )
}

/// An invisible rectangle over part of a chart: its `<title>` is a hover text without
/// JavaScript, and the app shows the same text when the area is tapped (`data-hit`).
pub(crate) struct HitArea {
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub height: i32,
    pub text: String,
}

/// Adds `areas` on top of a finished chart (plotters cannot tag its shapes).
pub(crate) fn with_hit_areas(svg: &str, areas: &[HitArea]) -> String {
    let mut hits = String::from("<g class=\"hits\">");
    for (i, a) in areas.iter().enumerate() {
        hits.push_str(&format!(
            "<rect class=\"hit\" data-hit=\"{i}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#000\" fill-opacity=\"0\"><title>{}</title></rect>",
            a.x,
            a.y,
            a.width,
            a.height,
            escape(&a.text)
        ));
    }
    hits.push_str("</g></svg>");
    // A suffix test, not a substring search: the app need not carry a string searcher.
    match svg.trim_end().strip_suffix("</svg>") {
        Some(body) => format!("{body}{hits}"),
        None => svg.to_string(),
    }
}

/// Escapes text for HTML and SVG, in content and in quoted attributes. Copies the runs between
/// special characters whole: it runs over every table row on each redraw.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut run = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'&' => "&amp;",
            b'"' => "&quot;",
            _ => continue,
        };
        // ASCII bytes never occur inside a multi-byte character: `i` is a char boundary.
        out.push_str(&s[run..i]);
        out.push_str(entity);
        run = i + 1;
    }
    out.push_str(&s[run..]);
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_and_keeps_vietnamese_text() {
        assert_eq!(escape("Chi bộ \"Đông\" & <Tây>"), "Chi bộ &quot;Đông&quot; &amp; &lt;Tây&gt;");
        assert_eq!(escape("Đảng ủy"), "Đảng ủy");
        assert_eq!(escape(""), "");
        assert_eq!(escape("<"), "&lt;");
    }
}
