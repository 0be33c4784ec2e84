use super::figure::Figure;
use super::table::{Column, DataTable};
use crate::chart::{quota_chart, quota_scope, quota_summary, ChartLabels, QUOTA_CHART_ROWS};
use crate::format;
use crate::stats::{QuotaFilter, QuotaYear};
use crate::view_state::Display;
use leptos::prelude::*;

/// File stems under `/du-lieu/` of the tables behind the admission charts (the site writes
/// them; figures link to them).
pub fn quota_table_name(year: i32) -> String {
    crate::routes::tables::quota(year)
}

pub fn monthly_table_name(year: i32) -> String {
    crate::routes::tables::monthly(year)
}

/// "Tải dữ liệu: CSV · JSON" for a published table.
pub fn downloads(stem: &str) -> impl IntoView {
    view! {
        <p class="downloads">
            "Tải dữ liệu: "
            <a href=crate::routes::csv(stem) download="">"CSV"</a>
            " · "
            <a href=crate::routes::json(stem)>"JSON"</a>
        </p>
    }
}

/// The table body as HTML text, every row of the year whatever the filter: the app hides the rows
/// a filter drops (`tr[hidden]`), so a filter change costs no re-parse of hundreds of rows, and a
/// year or comparison change is one string parsed by the browser, several times faster than
/// building each cell as a view.
pub fn quota_table_rows(data: &QuotaYear, compare: Option<&QuotaYear>) -> String {
    use crate::chart::escape;
    use std::fmt::Write as _;
    // A linear lookup: it runs only when the year or the comparison changes, and a map would
    // add its code to the app's download.
    let other = |code: &str| compare.and_then(|c| c.rows.iter().find(|o| o.code == code));
    let mut html = String::with_capacity(data.rows.len() * 240);
    for r in &data.rows {
        let admitted = r.admitted.map_or_else(|| "Chưa báo cáo".to_string(), |a| format::int(u64::from(a)));
        let share = r.admitted.and_then(|a| format::percent(u64::from(a), u64::from(r.quota))).unwrap_or_else(|| "—".to_string());
        let (class, status) = if r.lagging { (" class=\"lagging\"", "Chậm tiến độ") } else { ("", "Đạt tiến độ") };
        let _ = write!(
            html,
            "<tr{class}><th scope=\"row\"><a href=\"{}\">{}</a></th><td class=\"num\">{}</td><td class=\"num\">{admitted}</td><td class=\"num\">{share}</td><td>{status}</td>",
            escape(&crate::routes::org_code(&r.code)),
            escape(&r.name),
            format::int(u64::from(r.quota)),
        );
        if compare.is_some() {
            let text = other(&r.code).map_or_else(
                || "—".to_string(),
                |o| format!("{}/{}", o.admitted.map_or_else(|| "?".to_string(), |a| a.to_string()), o.quota),
            );
            let _ = write!(html, "<td class=\"num\">{text}</td>");
        }
        html.push_str("</tr>");
    }
    html
}

/// "The chart draws 30 of 445 organizations" and the button that draws more.
fn more_rows_note(shown: usize, total: usize, on_more: Option<Callback<()>>) -> impl IntoView {
    let more = QUOTA_CHART_ROWS.min(total - shown);
    view! {
        <p class="chart-more">
            {format!("Biểu đồ vẽ {shown}/{total} tổ chức có tiến độ thấp nhất; bảng số liệu có đủ {total} tổ chức. ")}
            <button type="button" class="more" disabled=on_more.is_none() on:click=move |_| {
                if let Some(cb) = on_more {
                    cb.run(());
                }
            }>{format!("Vẽ thêm {more} tổ chức")}</button>
        </p>
    }
}

/// The quota chart of one year, its summary sentence and its data table (the chart's text
/// alternative, and what prints).
#[component]
pub fn QuotaFigure(
    /// The whole year: the table lists every row, the chart and totals follow `filter`.
    data: QuotaYear,
    /// Another year's figures for the same organizations, shown beside in the table.
    #[prop(optional_no_strip)]
    compare: Option<QuotaYear>,
    /// The rows the chart, summary and totals count (the app hides the others' table rows).
    #[prop(optional)]
    filter: QuotaFilter,
    #[prop(optional)] display: Display,
    /// The app's tap tooltip: the exact figures of the row tapped.
    #[prop(optional_no_strip)]
    on_tip: Option<Callback<String>>,
    /// Rows the chart draws (the first ones: lagging, slowest first); the table has them all.
    #[prop(default = QUOTA_CHART_ROWS)]
    chart_rows: usize,
    /// The app's "show more on the chart"; the static page shows the button disabled.
    #[prop(optional_no_strip)]
    on_more: Option<Callback<()>>,
    /// `quota_table_rows(data, compare)` when the caller keeps it across filter changes.
    #[prop(optional_no_strip)]
    table_rows: Option<String>,
) -> impl IntoView {
    let title = format!("Tiến độ thực hiện chỉ tiêu kết nạp đảng viên năm {}", data.year);
    let rows = table_rows.unwrap_or_else(|| quota_table_rows(&data, compare.as_ref()));
    let parent_name = filter.parent.as_deref().and_then(|p| data.rows.iter().find(|r| r.code == p)).map(|r| r.name.clone());
    let (data, compare) = if filter.is_all() { (data, compare) } else { (data.filtered(&filter), compare.map(|c| c.filtered(&filter))) };
    let what = filter.describe(parent_name.as_deref());
    let who = quota_scope(&filter, &data);
    let summary = match (&what, data.rows.is_empty()) {
        (_, true) => format!(
            "Năm {} không có tổ chức cơ sở đảng nào khớp bộ lọc ({}). Hãy bỏ bớt điều kiện lọc.",
            data.year,
            what.as_deref().unwrap_or("không lọc")
        ),
        // Only one organization chosen: the summary names it, no need to say "filtered".
        (Some(_), false) if filter.parent.is_some() && QuotaFilter { parent: None, ..filter.clone() }.is_all() => {
            quota_summary(&data, &who)
        }
        (Some(what), false) => format!("Đang lọc: {what}. {}", quota_summary(&data, &who)),
        (None, false) => quota_summary(&data, &who),
    };
    // No rows, no chart: the summary says why.
    let svg = if data.rows.is_empty() {
        String::new()
    } else {
        quota_chart(&data, chart_rows, &ChartLabels { id: "bieu-do-chi-tieu", title: &title, description: &summary })
    };
    let source = match data.as_of {
        Some(d) => format!("Nguồn: báo cáo của các tổ chức cơ sở đảng, số liệu đến ngày {}.", format::date(d)),
        None => format!("Nguồn: báo cáo năm {} của các tổ chức cơ sở đảng.", data.year),
    };
    let mut columns = vec![
        Column::text("Tổ chức cơ sở đảng"),
        Column::num("Chỉ tiêu"),
        Column::num("Đã kết nạp"),
        Column::num("Tỷ lệ"),
        Column::text("Tiến độ"),
    ];
    columns.extend(compare.as_ref().map(|c| Column::num(format!("Năm {}", c.year))));
    let compare_foot = compare
        .as_ref()
        .map(|c| view! { <td class="num">{format!("{}/{}", format::int(c.total_admitted()), format::int(c.total_quota()))}</td> });
    let summary = match &compare {
        Some(c) => format!(
            "{summary} So với năm {}: {}/{} ({}).",
            c.year,
            format::int(c.total_admitted()),
            format::int(c.total_quota()),
            format::percent(c.total_admitted(), c.total_quota()).unwrap_or_else(|| "—".into())
        ),
        None => summary,
    };
    let svg_empty = svg.is_empty();
    let chart_note = (data.rows.len() > chart_rows).then(|| more_rows_note(chart_rows, data.rows.len(), on_more).into_any());
    let total_share = format::percent(data.total_admitted(), data.total_quota()).unwrap_or_else(|| "—".into());
    view! {
        <Figure
            id="chi-tieu"
            title=title
            svg=svg
            summary=summary
            source=source
            table_name=quota_table_name(data.year)
            hide_chart=display == Display::Table || svg_empty
            hide_table=display == Display::Chart
            on_tip=on_tip
            chart_note=chart_note
        >
            <DataTable caption=format!("Số liệu chỉ tiêu kết nạp năm {}", data.year) columns=columns>
                <tbody inner_html=rows></tbody>
                <tfoot>
                    <tr>
                        <th scope="row">"Toàn Khối"</th>
                        <td class="num">{format::int(data.total_quota())}</td>
                        <td class="num">{format::int(data.total_admitted())}</td>
                        <td class="num">{total_share}</td>
                        <td>{format!("{} chậm tiến độ", data.lagging())}</td>
                        {compare_foot}
                    </tr>
                </tfoot>
            </DataTable>
        </Figure>
    }
}
