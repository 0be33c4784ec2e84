//! 100% stacked horizontal bars: one bar per row (a year, a group), parts in a fixed order
//! (grades), with the target lines drawn across (80%, 20%, 85%).

use super::palette;
use super::svg::{accessible, ChartLabels};
use crate::format;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

pub struct StackedRow {
    pub label: String,
    /// Counts per part, in the order of `StackedChart::parts`.
    pub parts: Vec<u64>,
    /// Write the row's total after its label (not when it would reveal a hidden count).
    pub show_total: bool,
}

/// A target drawn as a dashed vertical line: `percent` from the left edge, e.g. "Mục tiêu 80%".
pub struct TargetLine {
    pub percent: u32,
    pub label: String,
}

pub struct StackedChart<'a> {
    pub parts: &'a [(&'a str, RGBColor)],
    pub rows: &'a [StackedRow],
    pub targets: &'a [TargetLine],
}

const WIDTH: i32 = 400;
const MARGIN: i32 = 8;
const ROW: i32 = 46;
const BAR_OFFSET: i32 = 20;
const BAR_HEIGHT: i32 = 18;
const LEGEND_ROW: i32 = 20;
const TEXT: f64 = super::TEXT_SIZE;

pub fn stacked_chart(chart: &StackedChart<'_>, labels: &ChartLabels<'_>) -> String {
    let legend_rows = chart.parts.len().div_ceil(2) as i32;
    let header = 8 + legend_rows * LEGEND_ROW + if chart.targets.is_empty() { 4 } else { 22 };
    let height = header + ROW * chart.rows.len().max(1) as i32 + MARGIN;
    let mut svg = String::new();
    let _ = draw(&mut svg, chart, header, height);
    accessible(&svg, labels)
}

fn font(size: f64, color: &RGBColor, h: HPos) -> TextStyle<'static> {
    super::text_style(size, color, h)
}

fn draw(svg: &mut String, chart: &StackedChart<'_>, header: i32, height: i32) -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
    let root = SVGBackend::with_string(svg, (WIDTH as u32, height as u32)).into_drawing_area();
    let (left, right) = (MARGIN, WIDTH - MARGIN);
    let x_of = |num: u64, den: u64| left + ((right - left) as f64 * num as f64 / den.max(1) as f64).round() as i32;

    for (i, (name, color)) in chart.parts.iter().enumerate() {
        let x = left + (i as i32 % 2) * 196;
        let y = 8 + (i as i32 / 2) * LEGEND_ROW;
        root.draw(&Rectangle::new([(x, y), (x + 14, y + 14)], color.filled()))?;
        root.draw(&Text::new(name.to_string(), (x + 20, y + 7), font(TEXT, &palette::TEXT, HPos::Left)))?;
    }
    let targets_y = 8 + chart.parts.len().div_ceil(2) as i32 * LEGEND_ROW + 8;
    for t in chart.targets {
        let x = x_of(u64::from(t.percent), 100);
        let anchor = if t.percent > 70 { HPos::Right } else { HPos::Left };
        let tx = if t.percent > 70 { x - 4 } else { x + 4 };
        root.draw(&Text::new(t.label.clone(), (tx, targets_y), font(TEXT, &palette::TEXT, anchor)))?;
    }

    for (i, row) in chart.rows.iter().enumerate() {
        let top = header + ROW * i as i32;
        let total: u64 = row.parts.iter().sum();
        let label = if row.show_total { format!("{} ({})", row.label, format::int(total)) } else { row.label.clone() };
        root.draw(&Text::new(label, (left, top + 8), font(TEXT, &palette::TEXT, HPos::Left)))?;
        let bar_top = top + BAR_OFFSET;
        let mut acc = 0;
        root.draw(&Rectangle::new([(left, bar_top), (right, bar_top + BAR_HEIGHT)], palette::TRACK.filled()))?;
        for (value, (_, color)) in row.parts.iter().zip(chart.parts) {
            let (x0, x1) = (x_of(acc, total), x_of(acc + value, total));
            acc += value;
            if x1 > x0 {
                root.draw(&Rectangle::new([(x0, bar_top), (x1, bar_top + BAR_HEIGHT)], color.filled()))?;
            }
            // Shares of 10% and more are written inside their segment, in a contrasting colour.
            if total > 0 && value * 10 >= total && x1 - x0 >= 36 {
                // Whole percent inside the bar; the table has the exact figures.
                let share = format!("{}%", (value * 100 + total / 2) / total);
                let ink = if is_dark(color) { WHITE } else { palette::TEXT };
                root.draw(&Text::new(share, ((x0 + x1) / 2, bar_top + BAR_HEIGHT / 2), font(TEXT, &ink, HPos::Center)))?;
            }
        }
        for t in chart.targets {
            let x = x_of(u64::from(t.percent), 100);
            for y in (bar_top - 4..bar_top + BAR_HEIGHT + 4).step_by(6) {
                root.draw(&PathElement::new(vec![(x, y), (x, (y + 3).min(bar_top + BAR_HEIGHT + 4))], palette::PACE_MARK.stroke_width(2)))?;
            }
        }
    }
    root.present()?;
    Ok(())
}

fn is_dark(c: &RGBColor) -> bool {
    // Relative luminance, good enough to pick white or dark text.
    let l = 0.2126 * f64::from(c.0) + 0.7152 * f64::from(c.1) + 0.0722 * f64::from(c.2);
    l < 140.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_proportional_and_targets_drawn() {
        let parts = [("A", palette::ON_PACE), ("B", palette::TRACK)];
        let rows = [
            StackedRow { label: "2024".into(), parts: vec![3, 1], show_total: true },
            StackedRow { label: "2025".into(), parts: vec![0, 0], show_total: true },
        ];
        let targets = [TargetLine { percent: 80, label: "Mục tiêu 80%".into() }];
        let svg = stacked_chart(
            &StackedChart { parts: &parts, rows: &rows, targets: &targets },
            &ChartLabels { id: "s", title: "t", description: "d" },
        );
        assert!(svg.contains("Mục tiêu 80%"));
        assert!(svg.contains("\n75%\n"), "{svg}");
        assert!(svg.contains("2025 (0)"));
        assert_eq!(
            svg,
            stacked_chart(
                &StackedChart { parts: &parts, rows: &rows, targets: &targets },
                &ChartLabels { id: "s", title: "t", description: "d" }
            )
        );
    }
}
