//! The one chart module: every chart is drawn here with plotters' SVG backend, by the same code
//! on the server (static pages) and in the browser (the app).
//!
//! Layout never measures text (the browser and the server would measure differently): labels
//! sit on their own line above each bar and are anchored, so both sides emit identical SVG.

mod lines;
mod quota;
mod stacked;
mod svg;

pub use lines::{line_chart, LineChart, Series};
pub use quota::{quota_chart, quota_row_text, quota_scope, quota_summary, rows_scope, QUOTA_CHART_ROWS, QUOTA_CHART_WIDTH};
pub use stacked::{stacked_chart, StackedChart, StackedRow, TargetLine};
pub use svg::{escape, ChartLabels};

/// Every chart text is drawn at 14 px in a 400-unit-wide viewBox: at a 375 px phone (343 px of
/// column) that renders at 12 px, the smallest legible size. plotters' SVG backend divides font
/// sizes by 1.24, hence the factor.
pub(crate) const TEXT_SIZE: f64 = 14.0 * 1.24;

/// The style of every chart text: sans-serif at `size`, centred vertically on its anchor. Named
/// by `FontFamily`, not by the string "sans-serif": plotters lowercases a family string with
/// Unicode's case tables, 18 KB the app's download need not carry.
pub(crate) fn text_style(
    size: f64,
    color: &plotters::style::RGBColor,
    h: plotters::style::text_anchor::HPos,
) -> plotters::style::TextStyle<'static> {
    use plotters::style::text_anchor::{Pos, VPos};
    use plotters::style::{FontFamily, IntoFont};
    (FontFamily::SansSerif, size).into_font().color(color).pos(Pos::new(h, VPos::Center))
}

/// Colours with WCAG AA contrast on white, and a marker shape besides colour for lagging rows.
pub mod palette {
    use plotters::style::RGBColor;
    pub const TEXT: RGBColor = RGBColor(0x1f, 0x29, 0x37);
    pub const MUTED: RGBColor = RGBColor(0x4b, 0x55, 0x63);
    pub const TRACK: RGBColor = RGBColor(0xe5, 0xe7, 0xeb);
    pub const ON_PACE: RGBColor = RGBColor(0x1d, 0x4e, 0xd8);
    pub const LAGGING: RGBColor = RGBColor(0xb9, 0x1c, 0x1c);
    pub const PACE_MARK: RGBColor = RGBColor(0x11, 0x18, 0x27);
    /// The four grades, darkest for the best: distinguishable without colour by order.
    pub const GRADES: [RGBColor; 4] =
        [RGBColor(0x1e, 0x3a, 0x8a), RGBColor(0x3b, 0x82, 0xf6), RGBColor(0xbf, 0xdb, 0xfe), RGBColor(0xb9, 0x1c, 0x1c)];
    /// Counts not published (small cells): neutral grey.
    pub const HIDDEN: RGBColor = RGBColor(0x9c, 0xa3, 0xaf);
    pub const STRUCK_OFF: RGBColor = RGBColor(0xb4, 0x53, 0x09);
    pub const EXPELLED: RGBColor = RGBColor(0xb9, 0x1c, 0x1c);
    pub const PROBATION_FAILED: RGBColor = RGBColor(0x6d, 0x28, 0xd9);
}
