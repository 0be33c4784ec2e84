use super::figure::Figure;
use super::table::TableView;
use crate::chart::{quota_chart, quota_scope, quota_summary, ChartLabels, QUOTA_CHART_ROWS};
use crate::format;
use crate::stats::{QuotaFilter, QuotaYear, Ratio};
use crate::table::{Cell, Column, Field, Row, Table};
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

/// The columns of the quota table; a comparison year adds one.
fn quota_columns(compare: Option<&QuotaYear>) -> Vec<Column> {
    let mut columns = vec![
        Column::org(
            "Tổ chức cơ sở đảng",
            Field::new("ma", "Mã đơn vị", "Mã tổ chức cơ sở đảng"),
            Field::new("ten", "Tổ chức cơ sở đảng", "Tên tổ chức"),
        ),
        Column::count("Chỉ tiêu", Field::new("chi_tieu", "Chỉ tiêu", "Số đảng viên Đảng ủy Khối giao kết nạp trong năm")),
        Column::count(
            "Đã kết nạp",
            Field::new("ket_nap", "Đã kết nạp", "Số đã kết nạp (đến ngày số liệu nếu năm chưa hết); trống nếu chưa báo cáo"),
        ),
        Column::share("Tỷ lệ", Field::new("ty_le", "Tỷ lệ (%)", "Đã kết nạp trên chỉ tiêu, phần trăm")),
        Column::text(
            "Tiến độ",
            Field::new("cham_tien_do", "Chậm tiến độ", "true nếu số kết nạp thấp hơn tiến độ cần đạt đến ngày số liệu"),
        ),
    ];
    if let Some(c) = compare {
        columns.push(Column {
            numeric: true,
            ..Column::text(format!("Năm {}", c.year), Field::new("so_sanh", "Năm so sánh", "Đã kết nạp / chỉ tiêu năm so sánh"))
        });
    }
    columns
}

fn quota_rows(data: &QuotaYear, compare: Option<&QuotaYear>) -> Vec<Row> {
    // A linear lookup: it runs only when the year or the comparison changes, and a map would
    // add its code to the app's download.
    let other = |code: &str| compare.and_then(|c| c.rows.iter().find(|o| o.code == code));
    data.rows
        .iter()
        .map(|r| {
            let admitted = r.admitted.map_or(Cell::Missing("Chưa báo cáo"), |a| Cell::Count(u64::from(a)));
            let share = r
                .admitted
                .filter(|_| r.quota > 0)
                .map_or(Cell::Missing("—"), |a| Cell::Percent(Ratio::new(u64::from(a), u64::from(r.quota))));
            let status = Cell::Flag { value: r.lagging, text: if r.lagging { "Chậm tiến độ" } else { "Đạt tiến độ" } };
            let mut cells = vec![Cell::Count(u64::from(r.quota)), admitted, share, status];
            if compare.is_some() {
                let text = other(&r.code).map_or_else(
                    || "—".to_string(),
                    |o| format!("{}/{}", o.admitted.map_or_else(|| "?".to_string(), |a| a.to_string()), o.quota),
                );
                cells.push(Cell::Text(text));
            }
            Row { head: Cell::Org { code: r.code.clone(), name: r.name.clone() }, cells, class: r.lagging.then_some("lagging") }
        })
        .collect()
}

/// The quota table of a year: every organization with a quota, the Khối's totals under them.
pub fn quota_table(data: &QuotaYear, compare: Option<&QuotaYear>) -> Table {
    Table { rows: quota_rows(data, compare), ..quota_frame(data, compare) }
}

/// The quota table without its rows: the app keeps the body string across filter changes.
fn quota_frame(data: &QuotaYear, compare: Option<&QuotaYear>) -> Table {
    let title = match data.as_of {
        Some(d) => format!("Chỉ tiêu và kết quả kết nạp đảng viên năm {} (số liệu đến ngày {})", data.year, format::date(d)),
        None => format!("Chỉ tiêu và kết quả kết nạp đảng viên năm {}", data.year),
    };
    Table {
        name: Some(quota_table_name(data.year)),
        title,
        caption: format!("Số liệu chỉ tiêu kết nạp năm {}", data.year),
        columns: quota_columns(compare),
        rows: Vec::new(),
        foot: vec![quota_total(data, compare)],
        constant: vec![Field::year(data.year), Field::as_of(data.as_of)],
    }
}

fn quota_total(data: &QuotaYear, compare: Option<&QuotaYear>) -> Row {
    let share =
        if data.total_quota() > 0 { Cell::Percent(Ratio::new(data.total_admitted(), data.total_quota())) } else { Cell::Missing("—") };
    let mut cells = vec![
        Cell::Count(data.total_quota()),
        Cell::Count(data.total_admitted()),
        share,
        Cell::Text(format!("{} chậm tiến độ", data.lagging())),
    ];
    if let Some(c) = compare {
        cells.push(Cell::Text(format!("{}/{}", format::int(c.total_admitted()), format::int(c.total_quota()))));
    }
    Row::new(Cell::Text("Toàn Khối".into()), cells)
}

/// The table body as HTML text, every row of the year whatever the filter: the app hides the rows
/// a filter drops (`tr[hidden]`), so a filter change costs no re-parse of hundreds of rows, and a
/// year or comparison change is one string parsed by the browser, several times faster than
/// building each cell as a view.
pub fn quota_table_rows(data: &QuotaYear, compare: Option<&QuotaYear>) -> String {
    crate::table::html_rows(&quota_columns(compare), &quota_rows(data, compare))
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

/// Rows the dashboard's static quota table lists (see `QuotaFigure`'s `table_limit`).
pub const STATIC_TABLE_ROWS: usize = 100;

/// The quota figure's id: the page's main figure, whose image previews a shared link.
pub const QUOTA_FIGURE_ID: &str = "chi-tieu";

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
    /// Whether the build's image shows this view (see `Figure`).
    #[prop(default = true)]
    image: bool,
    /// The static table lists at most this many rows (the first: lagging, slowest first), and
    /// says where the rest are: a province's dashboard would carry thousands of rows. The app
    /// passes `table_rows` with every row, and the print report has no limit.
    #[prop(optional)]
    table_limit: Option<usize>,
) -> impl IntoView {
    let title = format!("Tiến độ thực hiện chỉ tiêu kết nạp đảng viên năm {}", data.year);
    let limited = table_limit.filter(|&n| table_rows.is_none() && data.rows.len() > n);
    let rows = match (table_rows, limited) {
        (Some(rows), _) => rows,
        (None, Some(n)) => crate::table::html_rows(&quota_columns(compare.as_ref()), &quota_rows(&data, compare.as_ref())[..n]),
        (None, None) => quota_table_rows(&data, compare.as_ref()),
    };
    let table_note = limited.map(|n| {
        let total = format::int(data.rows.len() as u64);
        view! {
            <p class="table-note">{format!(
                "Bảng liệt kê {n} trong {total} tổ chức, chậm tiến độ và tiến độ thấp nhất trước; đủ {total} tổ chức trong tệp CSV, JSON ở trên và trong biểu đồ tương tác (cần JavaScript)."
            )}</p>
        }
    });
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
    let source = Some(format!("Nguồn: {}.", data.coverage.sentence()));
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
    // The body comes from the full year (the app hides filtered rows); the totals from the rows kept.
    let table = quota_frame(&data, compare.as_ref());
    view! {
        <Figure
            id=QUOTA_FIGURE_ID
            title=title
            svg=svg
            summary=summary
            source=source
            table_name=quota_table_name(data.year)
            hide_chart=display == Display::Table || svg_empty
            hide_table=display == Display::Chart
            on_tip=on_tip
            chart_note=chart_note
            image=image
        >
            <TableView table=table rows=Some(rows) />
            {table_note}
        </Figure>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn a_long_static_table_lists_its_first_rows_and_says_where_the_rest_are() {
        let data = crate::stats::quota_overview(&crate::stats::testdata::dataset()).years[0].clone();
        let total = data.rows.len();
        assert!(total >= 3, "the test data has rows");
        let body_rows = |html: &str| html.split("<tbody>").nth(1).unwrap().split("</tbody>").next().unwrap().matches("<tr").count();
        let limited = view! { <QuotaFigure data=data.clone() table_limit=2 /> }.to_html();
        assert_eq!(body_rows(&limited), 2);
        assert!(limited.contains(&format!("Bảng liệt kê 2 trong {total} tổ chức")), "{limited}");
        assert!(limited.contains(&format!("{}.csv", quota_table_name(data.year))), "the full table's file is linked");
        // The first rows are the first of the year's order (lagging, slowest first).
        let first = &data.rows[0].name;
        assert!(limited.contains(first.as_str()));
        let whole = view! { <QuotaFigure data=data.clone() table_limit=total /> }.to_html();
        assert_eq!(body_rows(&whole), total);
        assert!(!whole.contains("Bảng liệt kê"), "no note when every row is there");
    }
}
