use super::figure::Figure;
use super::table::{Column, DataTable};
use crate::chart::{line_chart, palette, ChartLabels, LineChart, Series};
use crate::format;
use crate::stats::QuotaYear;
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
    let rows = (0..last)
        .map(|m| {
            view! {
                <tr>
                    <th scope="row">{format!("Tháng {}", m + 1)}</th>
                    <td class="num">{format::int(data.monthly_admitted[m])}</td>
                    <td class="num">{format::int(actual[m])}</td>
                    <td class="num">{format::int(pace[m].round() as u64)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Figure id="cong-don" title=title svg=svg summary=summary table_name=super::quota::monthly_table_name(data.year) on_tip=on_tip>
            <DataTable caption=format!("Kết nạp từng tháng năm {}", data.year) columns=vec![Column::text("Tháng"), Column::num("Kết nạp"), Column::num("Cộng dồn"), Column::num("Tiến độ cần đạt")]>
                <tbody>{rows}</tbody>
            </DataTable>
        </Figure>
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
pub fn YearFigures(data: QuotaYear) -> impl IntoView {
    let cumulative = data.clone();
    view! {
        <super::QuotaFigure data=data />
        <CumulativeFigure data=cumulative />
    }
}
