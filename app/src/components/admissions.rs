use super::figure::Figure;
use super::table::TableView;
use crate::chart::{line_chart, palette, ChartLabels, LineChart, Series};
use crate::format;
use crate::stats::QuotaYear;
use crate::table::{Cell, Column, Field, Row, Table};
use leptos::prelude::*;

/// Cumulative admissions month by month against the quota's straight pace, for the rows of
/// `data`: the Khối, the organizations a filter keeps, or one organization.
#[component]
pub fn CumulativeFigure(
    data: QuotaYear,
    /// Who the rows are, as the summary names them.
    #[prop(into, default = "toàn Khối".into())]
    who: String,
    /// The app's tap tooltip: the figures of the month tapped.
    #[prop(optional_no_strip)]
    on_tip: Option<Callback<String>>,
    /// Whether the build's image shows this view (see `Figure`).
    #[prop(default = true)]
    image: bool,
    /// Offered as PNG too (see `Figure`): not on an organization's page, where only the
    /// main figure has one.
    #[prop(default = true)]
    png: bool,
) -> impl IntoView {
    let (actual, pace) = data.cumulative();
    let title = format!("Kết nạp cộng dồn theo tháng năm {} so với tiến độ chỉ tiêu", data.year);
    let last = actual.len();
    let done = actual.last().copied().unwrap_or(0);
    let needed = pace.get(last.saturating_sub(1)).copied().unwrap_or(0.0);
    let summary = format!(
        "Hết tháng {last}, {who} kết nạp {} đảng viên; theo tiến độ đều của chỉ tiêu {} cần khoảng {}.",
        format::int(done),
        format::int(data.total_quota()),
        format::int(needed.round() as u64)
    );
    let svg = cumulative_chart(&actual, &pace, &ChartLabels { id: "bieu-do-cong-don", title: &title, description: &summary });
    let table = monthly_table(&data);
    let source = Some(format!("Nguồn: {}.", data.coverage.sentence()));
    view! {
        <Figure id="cong-don" title=title svg=svg summary=summary source=source table_name=super::quota::monthly_table_name(data.year) on_tip=on_tip image=image png=png>
            <TableView table=table />
        </Figure>
    }
}

/// Admissions month by month, their running total and the quota's straight pace.
pub fn monthly_table(data: &QuotaYear) -> Table {
    let (actual, pace) = data.cumulative();
    let columns = vec![
        Column::text("Tháng", Field::new("thang", "Tháng", "Tháng (1–12)")),
        Column::count("Kết nạp", Field::new("ket_nap", "Kết nạp", "Số kết nạp trong tháng của các tổ chức được giao chỉ tiêu")),
        Column::count("Cộng dồn", Field::new("cong_don", "Cộng dồn", "Số kết nạp cộng dồn từ đầu năm")),
        Column::count(
            "Tiến độ cần đạt",
            Field::new("tien_do_can_dat", "Tiến độ cần đạt", "Số cộng dồn cần đạt theo tiến độ đều của chỉ tiêu"),
        ),
    ];
    let rows = (0..actual.len())
        .map(|m| {
            Row::new(
                Cell::Labeled { text: format!("Tháng {}", m + 1), value: m as i64 + 1 },
                vec![Cell::Count(data.monthly_admitted[m]), Cell::Count(actual[m]), Cell::Count(pace[m].round() as u64)],
            )
        })
        .collect();
    Table {
        name: Some(super::quota::monthly_table_name(data.year)),
        title: format!("Kết nạp đảng viên theo tháng năm {}", data.year),
        caption: format!("Kết nạp từng tháng năm {}", data.year),
        columns,
        rows,
        foot: Vec::new(),
        constant: vec![Field::year(data.year)],
    }
}

/// Cumulative admissions (solid, only the months reported) against the quota's pace (dashed).
pub fn cumulative_chart(actual: &[u64], pace: &[f64], labels: &ChartLabels<'_>) -> String {
    let months: Vec<String> = (1..=12).map(|m| format!("T{m}")).collect();
    let series = [
        Series {
            name: "Đã kết nạp (cộng dồn)".into(),
            color: palette::ON_PACE,
            values: (0..12).map(|m| actual.get(m).map(|&v| v as f64)).collect(),
            dashed: false,
        },
        Series {
            name: "Tiến độ chỉ tiêu".into(),
            color: palette::PACE_MARK,
            values: pace.iter().map(|&v| Some(v)).collect(),
            dashed: true,
        },
    ];
    line_chart(&LineChart { x_labels: &months, series: &series, unit: "" }, labels)
}

/// Everything the dashboard shows for one year's admissions: quota per organization, then the
/// Khối's monthly curve. Rendered by the static page and by the app for the chosen year.
#[component]
pub fn YearFigures(
    data: QuotaYear,
    /// See `QuotaFigure`: the dashboard lists the first rows, the print report every one.
    #[prop(optional)]
    table_limit: Option<usize>,
) -> impl IntoView {
    let cumulative = data.clone();
    view! {
        <super::QuotaFigure data=data table_limit=table_limit.unwrap_or(usize::MAX) />
        <CumulativeFigure data=cumulative />
    }
}
