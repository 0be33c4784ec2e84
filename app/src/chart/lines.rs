//! Line charts over a shared x axis (years, or months of a year): member movements per year,
//! cumulative admissions against the quota's pace. Missing values break the line.

use super::palette;
use super::svg::{accessible, with_hit_areas, ChartLabels, HitArea};
use crate::format;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

pub struct Series {
    pub name: String,
    pub color: RGBColor,
    /// One value per x label; `None` where there is no figure (a month not yet reported).
    pub values: Vec<Option<f64>>,
    /// Drawn dashed (a target or pace rather than a count).
    pub dashed: bool,
}

pub struct LineChart<'a> {
    pub x_labels: &'a [String],
    pub series: &'a [Series],
    /// Written after each value in the hover and tap texts: "%" or "" for counts.
    pub unit: &'a str,
}

const WIDTH: i32 = 400;
const HEIGHT: i32 = 240;
const LEFT: i32 = 40;
const RIGHT: i32 = WIDTH - 12;
const LEGEND_ROW: i32 = 20;
const SMALL: f64 = super::TEXT_SIZE;

pub fn line_chart(chart: &LineChart<'_>, labels: &ChartLabels<'_>) -> String {
    let legend = legend_rows(chart.series) * LEGEND_ROW + 8;
    let height = HEIGHT + legend;
    let mut svg = String::new();
    let _ = draw(&mut svg, chart, legend, height);
    with_hit_areas(&accessible(&svg, labels), &column_hits(chart, legend, height))
}

/// One hit area a column (a year, a month): every series' value there, on hover and on tap.
fn column_hits(chart: &LineChart<'_>, top: i32, height: i32) -> Vec<HitArea> {
    let n = chart.x_labels.len().max(1) as i32;
    let plot = (top + 10, height - 28);
    let width = (RIGHT - LEFT) / (n - 1).max(1);
    chart
        .x_labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let values: Vec<String> = chart
                .series
                .iter()
                .filter_map(|s| s.values.get(i).copied().flatten().map(|v| format!("{} {}{}", s.name, tenths(v), chart.unit)))
                .collect();
            let text =
                if values.is_empty() { format!("{label}: chưa có số liệu") } else { format!("{label}: {}", values.join("; ")) };
            let x = if n == 1 { LEFT } else { x_of(i, n as usize) - width / 2 };
            HitArea { x, y: plot.0, width: if n == 1 { RIGHT - LEFT } else { width }, height: plot.1 - plot.0 + 20, text }
        })
        .collect()
}

/// The x of the `i`-th of `n` points.
fn x_of(i: usize, n: usize) -> i32 {
    if n == 1 {
        (LEFT + RIGHT) / 2
    } else {
        LEFT + ((RIGHT - LEFT) as f64 * i as f64 / (n - 1) as f64).round() as i32
    }
}

/// A value as readers write it: "29", "91,2" (one decimal, in integers: float formatting with a
/// precision would add its tables to the app's download).
fn tenths(v: f64) -> String {
    let t = (v * 10.0).round().max(0.0) as u64;
    if t.is_multiple_of(10) {
        format::int(t / 10)
    } else {
        format!("{},{}", format::int(t / 10), t % 10)
    }
}

/// Two legend entries a row when names are short; one a row when a name would reach the second
/// column (about 21 characters of 14 px text in 170 px).
fn legend_columns(series: &[Series]) -> i32 {
    if series.iter().any(|s| s.name.chars().count() > 21) {
        1
    } else {
        2
    }
}

fn legend_rows(series: &[Series]) -> i32 {
    (series.len() as i32 + legend_columns(series) - 1) / legend_columns(series)
}

/// Round gridlines: a step of 1, 2 or 5 × 10ⁿ giving at most five intervals, and the axis
/// maximum as a whole number of steps ≥ `max`.
fn axis(max: f64) -> (f64, f64) {
    if max <= 0.0 {
        return (1.0, 0.25);
    }
    let raw = max / 5.0;
    let magnitude = 10f64.powi(raw.log10().floor() as i32);
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * magnitude).find(|&v| v >= raw).unwrap_or(10.0 * magnitude);
    ((max / step).ceil().max(1.0) * step, step)
}

fn font(color: &RGBColor, h: HPos) -> TextStyle<'static> {
    super::text_style(SMALL, color, h)
}

fn draw(svg: &mut String, chart: &LineChart<'_>, top: i32, height: i32) -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
    let root = SVGBackend::with_string(svg, (WIDTH as u32, height as u32)).into_drawing_area();
    let columns = legend_columns(chart.series);
    for (i, s) in chart.series.iter().enumerate() {
        let x = 8 + (i as i32 % columns) * 196;
        let y = 8 + (i as i32 / columns) * LEGEND_ROW;
        root.draw(&PathElement::new(vec![(x, y + 7), (x + 18, y + 7)], s.color.stroke_width(3)))?;
        root.draw(&Text::new(s.name.clone(), (x + 24, y + 7), font(&palette::TEXT, HPos::Left)))?;
    }
    let plot_top = top + 10;
    let plot_bottom = height - 28;
    let max = chart.series.iter().flat_map(|s| s.values.iter().flatten()).fold(0.0f64, |a, &b| a.max(b));
    let (y_max, step) = axis(max);
    let n = chart.x_labels.len().max(1);
    let x_of = |i: usize| x_of(i, n);
    let y_of = |v: f64| plot_bottom - ((plot_bottom - plot_top) as f64 * v / y_max).round() as i32;

    let ticks = (y_max / step).round() as u32;
    for k in 0..=ticks {
        let v = step * f64::from(k);
        let y = y_of(v);
        root.draw(&PathElement::new(vec![(LEFT, y), (RIGHT, y)], palette::TRACK.stroke_width(1)))?;
        let label = if step >= 1.0 { format::int(v.round() as u64) } else { hundredths(v) };
        root.draw(&Text::new(label, (LEFT - 6, y), font(&palette::MUTED, HPos::Right)))?;
    }
    // Every label when few; otherwise every other one so they do not collide at 375 px.
    let step = if n > 8 { 2 } else { 1 };
    for (i, label) in chart.x_labels.iter().enumerate() {
        if i % step == 0 || i == n - 1 {
            root.draw(&Text::new(label.clone(), (x_of(i), plot_bottom + 14), font(&palette::MUTED, HPos::Center)))?;
        }
    }
    for s in chart.series {
        let mut run: Vec<(i32, i32)> = Vec::new();
        let flush = |run: &mut Vec<(i32, i32)>| -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
            if s.dashed {
                for pair in run.windows(2) {
                    dashed(&root, pair[0], pair[1], &s.color)?;
                }
            } else if run.len() > 1 {
                root.draw(&PathElement::new(run.clone(), s.color.stroke_width(3)))?;
            }
            for &p in run.iter().filter(|_| !s.dashed) {
                root.draw(&Circle::new(p, 3, s.color.filled()))?;
            }
            run.clear();
            Ok(())
        };
        for (i, v) in s.values.iter().enumerate() {
            match v {
                Some(v) => run.push((x_of(i), y_of(*v))),
                None => flush(&mut run)?,
            }
        }
        flush(&mut run)?;
    }
    root.present()?;
    Ok(())
}

fn dashed<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    a: (i32, i32),
    b: (i32, i32),
    color: &RGBColor,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (dx, dy) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let steps = (len / 8.0).ceil() as i32;
    for k in (0..steps).step_by(2) {
        let t0 = f64::from(k) / f64::from(steps);
        let t1 = (f64::from(k + 1) / f64::from(steps)).min(1.0);
        let p = |t: f64| (a.0 + (dx * t).round() as i32, a.1 + (dy * t).round() as i32);
        root.draw(&PathElement::new(vec![p(t0), p(t1)], color.stroke_width(2)))?;
    }
    Ok(())
}

/// "0,25": two decimals with a comma, in integers (float formatting with a precision would add
/// its tables to the app's download).
fn hundredths(v: f64) -> String {
    let n = (v * 100.0).round().max(0.0) as u64;
    format!("{},{:02}", n / 100, n % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gridlines_fall_on_round_numbers() {
        assert_eq!(axis(0.0), (1.0, 0.25));
        assert_eq!(axis(7.0), (8.0, 2.0));
        assert_eq!(axis(47.0), (50.0, 10.0));
        assert_eq!(axis(95.0), (100.0, 20.0));
        assert_eq!(axis(250.0), (250.0, 50.0));
        assert_eq!(axis(1.0), (1.0, 0.2));
    }

    #[test]
    fn gaps_break_lines_and_output_is_stable() {
        let x: Vec<String> = (1..=4).map(|m| format!("T{m}")).collect();
        let series = [
            Series { name: "Kết nạp".into(), color: palette::ON_PACE, values: vec![Some(1.0), Some(3.0), None, None], dashed: false },
            Series {
                name: "Tiến độ".into(),
                color: palette::PACE_MARK,
                values: vec![Some(1.0), Some(2.0), Some(3.0), Some(4.0)],
                dashed: true,
            },
        ];
        let labels = ChartLabels { id: "l", title: "t", description: "d" };
        let svg = line_chart(&LineChart { x_labels: &x, series: &series, unit: "" }, &labels);
        assert_eq!(svg.matches("<circle").count(), 2, "only the two reported months get points");
        assert!(svg.contains("T4"));
        assert_eq!(svg, line_chart(&LineChart { x_labels: &x, series: &series, unit: "" }, &labels));
        // A hit area a month: the values there, on hover and on tap.
        assert!(svg.contains("<title>T2: Kết nạp 3; Tiến độ 2</title>"), "{svg}");
        assert!(svg.contains("<title>T3: Tiến độ 3</title>"));
        assert_eq!(svg.matches("class=\"hit\"").count(), 4);
        assert_eq!((tenths(91.24), tenths(1234.0), tenths(0.05)), ("91,2".to_string(), "1.234".to_string(), "0,1".to_string()));
    }
}
