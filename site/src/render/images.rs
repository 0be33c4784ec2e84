//! Each figure as an image beside its page, to download or forward in a chat: the chart's own
//! SVG with its title, source, address and data date drawn in, as SVG and as PNG; and the
//! home-screen icons. PNGs come from resvg with DejaVu Sans shipped in the `dejavu` crate (no
//! system font is ever looked up), so the same input gives the same bytes on every machine.

use super::Files;
use app::chart::escape;
use app::components::images::FigureSource;
use app::routes;
use rayon::prelude::*;
use resvg::{tiny_skia, usvg};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// Width of a figure's PNG in pixels: sharp on a phone, and wide enough for link previews.
pub const PNG_WIDTH: u32 = 1000;

/// What every image says besides its figure.
pub struct Imprint<'a> {
    /// `https://…` without the trailing slash.
    pub base_url: &'a str,
    pub site_title: &'a str,
    /// Said when a figure names no source of its own, with the data's date.
    pub default_source: &'a str,
}

const PAD: f32 = 16.0;
const TITLE_SIZE: f32 = 16.0;
const NOTE_SIZE: f32 = 11.0;
const FONT: &str = "DejaVu Sans";

/// The figure as one standalone SVG: title above the chart, source, address and date below.
pub fn compose(figure: &FigureSource, page: &str, imprint: &Imprint<'_>) -> String {
    let (width, height) = view_box(&figure.svg);
    let body = chart_body(&figure.svg);
    let canvas = width + 2.0 * PAD;
    let text_width = canvas - 2.0 * PAD;
    let title = wrap(&figure.title, text_width, TITLE_SIZE * 1.1);
    let chart_top = PAD + title.len() as f32 * TITLE_SIZE * 1.3 + 6.0;
    let source = figure.source.as_deref().unwrap_or(imprint.default_source);
    let address = format!("{}{}#{}", imprint.base_url, page, figure.id);
    let mut notes = wrap(source, text_width, NOTE_SIZE);
    notes.extend(wrap(&format!("{} — {address}", imprint.site_title), text_width, NOTE_SIZE));
    let notes_top = chart_top + height + 14.0;
    let total = notes_top + notes.len() as f32 * NOTE_SIZE * 1.4 + PAD;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {canvas} {total}\" width=\"{canvas}\" height=\"{total}\" \
         font-family=\"{FONT}, sans-serif\">{RASTER}\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
    );
    for (i, line) in title.iter().enumerate() {
        let y = PAD + TITLE_SIZE + i as f32 * TITLE_SIZE * 1.3;
        out.push_str(&format!(
            "<text x=\"{PAD}\" y=\"{y}\" font-size=\"{TITLE_SIZE}\" font-weight=\"bold\" fill=\"#111827\">{}</text>\n",
            escape(line)
        ));
    }
    out.push_str(&format!("<g transform=\"translate({PAD} {chart_top})\">{body}</g>\n"));
    for (i, line) in notes.iter().enumerate() {
        let y = notes_top + NOTE_SIZE + i as f32 * NOTE_SIZE * 1.4;
        out.push_str(&format!("<text x=\"{PAD}\" y=\"{y}\" font-size=\"{NOTE_SIZE}\" fill=\"#374151\">{}</text>\n", escape(line)));
    }
    out.push_str("</svg>\n");
    out
}

/// The chart's `viewBox` size (the accessible SVG keeps only that; see `chart::svg`).
fn view_box(svg: &str) -> (f32, f32) {
    let open = &svg[..svg.find('>').unwrap_or(0)];
    let numbers: Vec<f32> = open
        .split("viewBox=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|v| v.split_whitespace().filter_map(|n| n.parse().ok()).collect())
        .unwrap_or_default();
    match numbers[..] {
        [_, _, w, h] if w > 0.0 && h > 0.0 => (w, h),
        _ => (400.0, 300.0),
    }
}

/// What is inside the chart's `<svg>`, without its title and description (the image draws
/// the title itself) and without the invisible hit areas.
fn chart_body(svg: &str) -> &str {
    let start = svg.find("</desc>").map(|i| i + "</desc>".len()).or_else(|| svg.find('>').map(|i| i + 1)).unwrap_or(0);
    let end = svg.rfind("<g class=\"hits\">").or_else(|| svg.rfind("</svg>")).unwrap_or(svg.len());
    &svg[start..end.max(start)]
}

/// Breaks `text` into lines of about `width` user units: DejaVu Sans takes 0.45 em a character
/// over Vietnamese text; 0.5 leaves room for capitals. Chart layout never measures text either.
fn wrap(text: &str, width: f32, size: f32) -> Vec<String> {
    let per_line = ((width / (size * 0.5)) as usize).max(10);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > per_line {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The fonts images may use: DejaVu Sans, regular and bold, and nothing from the system.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_font_data(dejavu::sans::regular().to_vec());
            db.load_font_data(dejavu::sans::bold().to_vec());
            db.set_sans_serif_family(FONT);
            Arc::new(db)
        })
        .clone()
}

/// `svg` drawn `width` pixels wide.
pub fn png(svg: &str, width: u32) -> Result<Vec<u8>, String> {
    let options = usvg::Options { font_family: FONT.to_string(), fontdb: fonts(), ..Default::default() };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| format!("SVG không hợp lệ: {e}"))?;
    let size = tree.size();
    let scale = width as f32 / size.width();
    let height = (size.height() * scale).ceil() as u32;
    let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or("ảnh có kích thước không hợp lệ")?;
    // Drawn on white: every pixel is opaque, so the premultiplied RGBA is plain RGB.
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    indexed_png(&pixmap).map_err(|e| format!("không mã hóa được PNG: {e}"))
}

/// A chart has a few flat colours and their anti-aliased edges (a few hundred in all): a
/// 256-colour palette PNG is a third of the RGB one's size and encodes three times as fast. The
/// commonest 256 colours are kept; the rare rest take the nearest of them.
fn indexed_png(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    // Runs of one colour: a chart is mostly flat areas, so there are few (and the map below is
    // asked once a run, not once a pixel).
    let mut runs: Vec<([u8; 3], usize)> = Vec::new();
    let mut row_runs_start = 0;
    let bytes = pixmap.data();
    let row = pixmap.width() as usize * 4;
    let mut y = 0;
    while y < bytes.len() {
        // A row like the one above (margins, the inside of bars) repeats its runs: compared
        // whole, with one memcmp.
        if y >= row && bytes[y..y + row] == bytes[y - row..y] {
            let (start, end) = (row_runs_start, runs.len());
            runs.extend_from_within(start..end);
            row_runs_start = end;
            y += row;
            continue;
        }
        row_runs_start = runs.len();
        let mut x = y;
        while x < y + row {
            let mut end = x + 4;
            while end < y + row && bytes[end..end + 4] == bytes[x..x + 4] {
                end += 4;
            }
            runs.push(([bytes[x], bytes[x + 1], bytes[x + 2]], (end - x) / 4));
            x = end;
        }
        y += row;
    }
    let mut counts: BTreeMap<[u8; 3], usize> = BTreeMap::new();
    for (color, n) in &runs {
        *counts.entry(*color).or_default() += n;
    }
    let mut by_use: Vec<([u8; 3], usize)> = counts.into_iter().collect();
    by_use.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let palette: Vec<[u8; 3]> = by_use.iter().take(256).map(|(c, _)| *c).collect();
    let mut index: BTreeMap<[u8; 3], u8> = palette.iter().enumerate().map(|(i, c)| (*c, i as u8)).collect();
    for (color, _) in by_use.iter().skip(256) {
        let distance = |p: &[u8; 3]| (0..3).map(|k| (i32::from(p[k]) - i32::from(color[k])).pow(2)).sum::<i32>();
        let nearest = (0..palette.len()).min_by_key(|&i| distance(&palette[i])).unwrap_or(0);
        index.insert(*color, nearest as u8);
    }
    let mut data = Vec::with_capacity(pixmap.data().len() / 4);
    for (color, n) in &runs {
        data.resize(data.len() + n, index[color]);
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Indexed);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_palette(palette.concat());
    encoder.set_compression(png::Compression::Balanced);
    encoder.set_filter(png::Filter::NoFilter);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&data)?;
    writer.finish()?;
    Ok(out)
}

/// A page's route and the figures it shows, in page order.
pub type PageFigures = (String, Vec<FigureSource>);

/// Says how a drawing becomes pixels, inside every image's SVG: a PNG beside an identical SVG in
/// the previous build is reused. Change it with anything that changes the pixels (renderer,
/// font, width, palette).
const RASTER: &str = "<!-- PNG: resvg 0.49, DejaVu Sans 2.37, 1000 px, 256 màu -->";

/// Writes every figure's SVG, and its PNG where the page offers one, beside its page
/// (`thong-ke/chi-tieu.png`). A figure shown
/// on several pages (a year's dashboard and its report) is drawn once, and one whose SVG is the
/// same in `previous` (the published directory) is not drawn again: rasterizing is most of a
/// build's work, and most figures do not change between two builds.
pub fn add_figures(files: &mut Files, pages: &[PageFigures], imprint: &Imprint<'_>, previous: Option<&Path>) -> Result<(), String> {
    // Each drawing with the places it goes: (file stem, with a PNG).
    let mut drawings: BTreeMap<String, Vec<(String, bool)>> = BTreeMap::new();
    for (page, figures) in pages {
        for figure in figures {
            let svg = compose(figure, page, imprint);
            let stem = routes::file_of(&routes::figure_image_of(page, figure.id, ""));
            drawings.entry(svg).or_default().push((stem, figure.png));
        }
    }
    let drawn: Vec<Result<Option<Vec<u8>>, String>> = drawings
        .par_iter()
        .map(|(svg, places)| {
            let stems: Vec<&str> = places.iter().filter(|(_, png)| *png).map(|(stem, _)| stem.as_str()).collect();
            if stems.is_empty() {
                return Ok(None);
            }
            let png = previous.and_then(|dir| drawn_before(dir, svg, &stems)).map_or_else(|| png(svg, PNG_WIDTH), Ok);
            png.map(Some).map_err(|e| format!("không vẽ được ảnh `{}png`: {e}", stems[0]))
        })
        .collect();
    for ((svg, places), png) in drawings.iter().zip(drawn) {
        let png = png?;
        for (stem, with_png) in places {
            files.insert(format!("{stem}svg"), svg.clone().into_bytes());
            if let (true, Some(png)) = (with_png, &png) {
                files.insert(format!("{stem}png"), png.clone());
            }
        }
    }
    Ok(())
}

/// The PNG of `svg` in the previous build, if it drew the same SVG at one of the same places.
fn drawn_before(dir: &Path, svg: &str, stems: &[&str]) -> Option<Vec<u8>> {
    stems.iter().find_map(|stem| {
        let same = std::fs::read(dir.join(format!("{stem}svg"))).ok()? == svg.as_bytes();
        same.then(|| std::fs::read(dir.join(format!("{stem}png"))).ok()).flatten()
    })
}

const FAVICON: &str = include_str!("../../assets/favicon.svg");

/// The home-screen icons, drawn from the favicon. The maskable one keeps the mark inside the
/// middle 80% that every launcher's mask leaves visible.
pub fn add_icons(files: &mut Files) -> Result<(), String> {
    let body = chart_body(FAVICON);
    let maskable = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 40\"><rect width=\"40\" height=\"40\" fill=\"#9f1239\"/>\
         <g transform=\"translate(4 4)\">{body}</g></svg>"
    );
    for (route, svg, size) in [
        (routes::ICON_192, FAVICON, 192),
        (routes::ICON_512, FAVICON, 512),
        (routes::ICON_APPLE, FAVICON, 180),
        (routes::ICON_MASKABLE, maskable.as_str(), 512),
    ] {
        files.insert(routes::file_of(route), png(svg, size)?);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn imprint() -> Imprint<'static> {
        Imprint {
            base_url: "https://dangbokhoi.vn",
            site_title: "Thống kê Đảng bộ Khối",
            default_source: "Nguồn: báo cáo của các tổ chức đảng, số liệu ngày 30/09/2025.",
        }
    }

    fn figure() -> FigureSource {
        FigureSource {
            id: "chi-tieu",
            title: "Tiến độ thực hiện chỉ tiêu kết nạp đảng viên năm 2025 của các tổ chức cơ sở đảng".into(),
            svg: "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 120\" class=\"chart-svg\"><title>t</title><desc>d</desc>\
                  <rect x=\"0\" y=\"0\" width=\"200\" height=\"40\" fill=\"#1D4ED8\"/><text x=\"4\" y=\"80\" font-family=\"sans-serif\" \
                  font-size=\"14\">Chi bộ Ứng dụng</text><g class=\"hits\"><rect class=\"hit\"><title>x</title></rect></g></svg>"
                .into(),
            source: None,
            png: true,
        }
    }

    #[test]
    fn the_image_says_what_where_and_when() {
        let svg = compose(&figure(), "/thong-ke/", &imprint());
        assert!(svg.contains(">Tiến độ thực hiện chỉ tiêu kết nạp đảng viên</text>"), "{svg}");
        assert!(svg.contains("Nguồn: báo cáo của các tổ chức đảng, số liệu ngày 30/09/2025."));
        assert!(svg.contains("https://dangbokhoi.vn/thong-ke/#chi-tieu"));
        assert!(svg.contains("Chi bộ Ứng dụng") && !svg.contains("class=\"hit\"") && !svg.contains("<desc>"), "{svg}");
        // The title wraps within the chart's width.
        assert!(svg.matches("font-weight=\"bold\"").count() >= 2, "{svg}");
    }

    #[test]
    fn png_is_the_width_asked_and_the_same_bytes_each_time() {
        let svg = compose(&figure(), "/thong-ke/", &imprint());
        let a = png(&svg, PNG_WIDTH).unwrap();
        let b = png(&svg, PNG_WIDTH).unwrap();
        assert_eq!(a, b);
        assert_eq!(&a[..8], b"\x89PNG\r\n\x1a\n");
        let width = u32::from_be_bytes(a[16..20].try_into().unwrap());
        assert_eq!(width, PNG_WIDTH);
        assert!(png("<svg", 10).unwrap_err().contains("SVG không hợp lệ"));
    }

    #[test]
    fn text_is_drawn_with_the_shipped_font() {
        // The same SVG with and without its text: the text must leave pixels (a missing font
        // draws nothing at all in resvg).
        let with = png("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 20\"><text x=\"2\" y=\"15\" font-family=\"sans-serif\" font-size=\"14\">Đảng ủy</text></svg>", 100).unwrap();
        let without = png("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 20\"></svg>", 100).unwrap();
        assert_ne!(with, without);
    }
}
