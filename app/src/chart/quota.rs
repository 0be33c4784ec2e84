//! Admission-quota progress: one horizontal bar per grassroots organization, admitted against
//! its quota, the pace mark for a year in progress, lagging rows in red and marked "chậm".

use super::palette;
use super::svg::{accessible, ChartLabels, HitArea};
use crate::format;
use crate::stats::{QuotaFilter, QuotaRow, QuotaYear};
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

/// Narrow on purpose: at a 375 px phone width the chart scales by ~0.86, keeping 14 px text legible.
pub const QUOTA_CHART_WIDTH: u32 = 400;
const MARGIN: i32 = 8;
const HEADER: i32 = 56;
const ROW: i32 = 42;
const BAR_OFFSET: i32 = 20;
const BAR_HEIGHT: i32 = 14;
const VALUE_WIDTH: i32 = 96;
/// Names longer than this are cut with "…" (the table below the chart has them in full).
const NAME_CHARS: usize = 46;
/// Rows a chart shows at first. Rows come lagging first, slowest first, so these are the ones a
/// leader acts on; a chart of hundreds of bars is a scroll nobody reads on a phone (and costs a
/// frame budget to redraw). The table under the chart always has every row.
pub const QUOTA_CHART_ROWS: usize = 30;

/// Draws the first `shown` rows of one year as accessible SVG markup.
pub fn quota_chart(data: &QuotaYear, shown: usize, labels: &ChartLabels<'_>) -> String {
    let rows = &data.rows[..shown.min(data.rows.len())];
    let height = (HEADER + ROW * rows.len().max(1) as i32 + MARGIN) as u32;
    let mut svg = String::new();
    // Drawing into a String cannot fail for I/O reasons; an error would only drop a shape.
    let _ = draw(&mut svg, data, rows, height);
    with_hit_areas(&accessible(&svg, labels), rows)
}

/// "Tên: 7/9 — 77,8%", the exact figures of one row (tooltip and hover title).
pub fn quota_row_text(row: &QuotaRow) -> String {
    let status = if row.lagging { " — chậm tiến độ" } else { "" };
    match row.admitted {
        Some(a) => format!(
            "{}: {}/{} — {}{status}",
            row.name,
            a,
            row.quota,
            format::percent(u64::from(a), u64::from(row.quota)).unwrap_or_else(|| "—".into())
        ),
        None => format!("{}: chưa báo cáo, chỉ tiêu {}", row.name, row.quota),
    }
}

/// One hit area a row: its exact figures on hover, and on tap in the app.
fn with_hit_areas(svg: &str, rows: &[QuotaRow]) -> String {
    let areas: Vec<HitArea> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| HitArea {
            x: 0,
            y: HEADER + ROW * i as i32,
            width: QUOTA_CHART_WIDTH as i32,
            height: ROW,
            text: quota_row_text(row),
        })
        .collect();
    super::svg::with_hit_areas(svg, &areas)
}

fn draw(svg: &mut String, data: &QuotaYear, rows: &[QuotaRow], height: u32) -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
    let root = SVGBackend::with_string(svg, (QUOTA_CHART_WIDTH, height)).into_drawing_area();
    let width = QUOTA_CHART_WIDTH as i32;
    let left = MARGIN;
    // Bars stop short of the right edge, where the "admitted/quota" value stands.
    let right = width - MARGIN - VALUE_WIDTH;
    let scale_max = rows.iter().map(|r| r.quota.max(r.admitted.unwrap_or(0))).max().unwrap_or(1).max(1);
    let x_of = |n: f64| left + ((right - left) as f64 * n / f64::from(scale_max)).round() as i32;

    let text = super::text_style;

    // Legend.
    root.draw(&Rectangle::new([(left, 8), (left + 14, 22)], palette::ON_PACE.filled()))?;
    root.draw(&Text::new("Đã kết nạp", (left + 20, 15), text(super::TEXT_SIZE, &palette::TEXT, HPos::Left)))?;
    root.draw(&Rectangle::new([(left + 110, 8), (left + 124, 22)], palette::TRACK.filled()))?;
    root.draw(&Text::new("Chỉ tiêu", (left + 130, 15), text(super::TEXT_SIZE, &palette::TEXT, HPos::Left)))?;
    root.draw(&Rectangle::new([(left + 200, 8), (left + 214, 22)], palette::LAGGING.filled()))?;
    root.draw(&Text::new("Chậm tiến độ", (left + 220, 15), text(super::TEXT_SIZE, &palette::TEXT, HPos::Left)))?;
    if !data.pace.is_complete() {
        root.draw(&PathElement::new(vec![(left + 7, 28), (left + 7, 46)], palette::PACE_MARK.stroke_width(2)))?;
        root.draw(&Text::new(
            "Tiến độ cần đạt đến ngày chốt số liệu",
            (left + 20, 37),
            text(super::TEXT_SIZE, &palette::TEXT, HPos::Left),
        ))?;
    }

    for (i, row) in rows.iter().enumerate() {
        let top = HEADER + ROW * i as i32;
        let label_y = top + 8;
        let name = if row.lagging { format!("▲ {}", row.name) } else { row.name.clone() };
        root.draw(&Text::new(shorten(&name, NAME_CHARS), (left, label_y), text(super::TEXT_SIZE, &palette::TEXT, HPos::Left)))?;
        let value = match row.admitted {
            Some(a) => format!("{}/{}", a, row.quota),
            None => format!("chưa báo cáo/{}", row.quota),
        };
        let bar_top = top + BAR_OFFSET;
        root.draw(&Text::new(value, (width - MARGIN, bar_top + BAR_HEIGHT / 2), text(super::TEXT_SIZE, &palette::MUTED, HPos::Right)))?;

        let bar_bottom = bar_top + BAR_HEIGHT;
        root.draw(&Rectangle::new([(left, bar_top), (x_of(f64::from(row.quota)), bar_bottom)], palette::TRACK.filled()))?;
        if let Some(admitted) = row.admitted.filter(|&a| a > 0) {
            let color = if row.lagging { palette::LAGGING } else { palette::ON_PACE };
            root.draw(&Rectangle::new([(left, bar_top), (x_of(f64::from(admitted)), bar_bottom)], color.filled()))?;
        }
        if !data.pace.is_complete() {
            let x = x_of(data.pace.expected(row.quota));
            root.draw(&PathElement::new(vec![(x, bar_top - 3), (x, bar_bottom + 3)], palette::PACE_MARK.stroke_width(2)))?;
        }
    }
    root.present()?;
    Ok(())
}

fn shorten(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        name.to_string()
    } else {
        let cut: String = name.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Who the rows of a view are, as summaries name them: the Khối, the organizations a filter
/// keeps, or the one organization chosen.
pub fn quota_scope(filter: &QuotaFilter, data: &QuotaYear) -> String {
    rows_scope(filter, data.rows.iter())
}

/// [`quota_scope`] of the rows a view keeps, however they are held.
pub fn rows_scope<'a>(filter: &QuotaFilter, mut kept: impl Iterator<Item = &'a crate::stats::QuotaRow>) -> String {
    match (&filter.parent, kept.next(), kept.next()) {
        (Some(_), Some(row), None) => row.name.clone(),
        _ if filter.is_all() => "toàn Khối".to_string(),
        _ => "các tổ chức đang lọc".to_string(),
    }
}

/// The one-sentence summary shown under the chart and used as its description; `who` as
/// `quota_scope` names the rows.
pub fn quota_summary(data: &QuotaYear, who: &str) -> String {
    let total = data.rows.len();
    let admitted = data.total_admitted();
    let quota = data.total_quota();
    if let [row] = data.rows.as_slice() {
        let status = if row.lagging { "chậm tiến độ" } else { "đạt tiến độ" };
        return match data.as_of {
            Some(d) => format!(
                "Đến {}, {who} kết nạp {}/{} đảng viên theo chỉ tiêu năm {} ({}), {status}.",
                format::date(d),
                format::int(admitted),
                format::int(quota),
                data.year,
                format::percent(admitted, quota).unwrap_or_else(|| "0,0%".into())
            ),
            None => format!(
                "Năm {}, {who} kết nạp {}/{} đảng viên theo chỉ tiêu, {status}.",
                data.year,
                format::int(admitted),
                format::int(quota)
            ),
        };
    }
    match data.as_of {
        Some(d) => format!(
            "Đến {}, {who} kết nạp {} đảng viên, đạt {} chỉ tiêu năm {}; {}/{} tổ chức cơ sở đảng chậm tiến độ.",
            format::date(d),
            format::int(admitted),
            format::percent(admitted, quota).unwrap_or_else(|| "0,0%".into()),
            data.year,
            data.lagging(),
            total
        ),
        None => format!(
            "Năm {}, {}/{} tổ chức cơ sở đảng đạt chỉ tiêu kết nạp; {who} kết nạp {}/{} đảng viên theo chỉ tiêu.",
            data.year,
            data.met(),
            total,
            format::int(admitted),
            format::int(quota)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::YearPace;

    fn year(as_of: Option<chrono::NaiveDate>) -> QuotaYear {
        let row = |code: &str, quota, admitted, lagging| QuotaRow {
            code: code.into(),
            name: format!("Chi bộ {code} & Công ty <A>"),
            enterprise: false,
            committee: false,
            quota,
            admitted,
            lagging,
            monthly: Vec::new(),
        };
        QuotaYear {
            year: 2025,
            as_of,
            pace: as_of.map_or(YearPace::complete(2025), YearPace::at),
            rows: vec![row("A", 6, Some(2), true), row("B", 4, Some(5), false), row("C", 3, None, true)],
            monthly_admitted: vec![1, 0, 6],
            branches: Vec::new(),
            coverage: Default::default(),
            branches_left_out: false,
        }
    }

    #[test]
    fn chart_is_accessible_scalable_svg_with_one_bar_per_row() {
        let labels = ChartLabels { id: "q", title: "Tiến độ", description: "Mô tả" };
        let svg = quota_chart(&year(None), QUOTA_CHART_ROWS, &labels);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 "));
        assert!(!svg[..svg.find('>').unwrap()].contains("width="), "fixed width would not scale");
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("<title id=\"q-title\">Tiến độ</title>"));
        // Names are escaped, lagging ones marked with a shape besides colour.
        assert!(svg.contains("▲ Chi bộ A &amp; Công ty &lt;A&gt;"));
        assert!(svg.contains("5/4"));
        assert!(svg.contains("chưa báo cáo/3"));
        assert!(svg.contains("data-hit=\"1\""), "hit areas for taps");
        assert!(svg.contains("<title>Chi bộ B &amp; Công ty &lt;A&gt;: 5/4 — 125,0%</title>"), "{svg}");
        assert!(svg.trim_end().ends_with("</g></svg>"));
        assert_eq!(svg.matches("#B91C1C").count(), 2, "legend swatch + one lagging bar: {svg}");
    }

    #[test]
    fn pace_marks_only_in_a_year_in_progress() {
        let labels = ChartLabels { id: "q", title: "t", description: "d" };
        let done = quota_chart(&year(None), QUOTA_CHART_ROWS, &labels);
        let running = quota_chart(&year(chrono::NaiveDate::from_ymd_opt(2025, 9, 30)), QUOTA_CHART_ROWS, &labels);
        assert!(!done.contains("Tiến độ cần đạt"));
        assert!(running.contains("Tiến độ cần đạt"));
        assert_eq!(shorten("Chi bộ Công ty", 8), "Chi bộ…");
        assert_eq!(shorten("Chi bộ", 8), "Chi bộ");
        assert_eq!(quota_chart(&year(None), QUOTA_CHART_ROWS, &labels), done, "drawing is deterministic");
    }

    #[test]
    fn draws_only_the_rows_shown_and_scales_to_them() {
        let labels = ChartLabels { id: "q", title: "t", description: "d" };
        let first = quota_chart(&year(None), 1, &labels);
        assert!(first.contains("data-hit=\"0\"") && !first.contains("data-hit=\"1\""));
        assert!(!first.contains("5/4"), "the second row is not drawn");
        assert!(first.contains(&format!("viewBox=\"0 0 400 {}\"", HEADER + ROW + MARGIN)), "{first}");
        assert_eq!(quota_chart(&year(None), 99, &labels), quota_chart(&year(None), 3, &labels));
    }

    #[test]
    fn summary_states_the_counts() {
        assert_eq!(
            quota_summary(&year(None), "toàn Khối"),
            "Năm 2025, 1/3 tổ chức cơ sở đảng đạt chỉ tiêu kết nạp; toàn Khối kết nạp 7/13 đảng viên theo chỉ tiêu."
        );
        let s = quota_summary(&year(chrono::NaiveDate::from_ymd_opt(2025, 9, 30)), "toàn Khối");
        assert_eq!(s, "Đến 30/09/2025, toàn Khối kết nạp 7 đảng viên, đạt 53,8% chỉ tiêu năm 2025; 2/3 tổ chức cơ sở đảng chậm tiến độ.");
        // One organization chosen: named, with its own status.
        let mut one = year(chrono::NaiveDate::from_ymd_opt(2025, 9, 30));
        one.rows.truncate(1);
        let filter = QuotaFilter { parent: Some("A".into()), ..QuotaFilter::default() };
        let who = quota_scope(&filter, &one);
        assert_eq!(who, "Chi bộ A & Công ty <A>");
        assert_eq!(
            quota_summary(&one, &who),
            "Đến 30/09/2025, Chi bộ A & Công ty <A> kết nạp 2/6 đảng viên theo chỉ tiêu năm 2025 (33,3%), chậm tiến độ."
        );
        assert_eq!(quota_scope(&QuotaFilter { only_lagging: true, ..QuotaFilter::default() }, &one), "các tổ chức đang lọc");
    }
}
