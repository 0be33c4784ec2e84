//! "Biểu thống kê": a year's statistical forms (`stats::FORMS`) as tables shaped like the forms
//! of Hướng dẫn 11-HD/BTCTW, each row for the Khối and by kind, this year, the year before and
//! the one as a percentage of the other. Every count goes through the disclosure step.

use super::{downloads, TableView};
use crate::privacy::Disclosure;
use crate::routes::tables as names;
use crate::stats::{FormsYear, Ratio, Scope, FORMS};
use crate::table::{Cell, Column, Field, Row, Table};
use leptos::prelude::*;

/// The machine fields of the nine numeric columns, scope by scope: this year, last year, ratio.
const VALUE_FIELDS: [[Field; 3]; 3] = [
    [
        Field::new("toan_khoi_ky_nay", "Toàn Khối: kỳ này", "Toàn Đảng bộ Khối, năm báo cáo"),
        Field::new("toan_khoi_cung_ky", "Toàn Khối: cùng kỳ", "Toàn Đảng bộ Khối, năm trước"),
        Field::new("toan_khoi_so_sanh", "Toàn Khối: kỳ này so với cùng kỳ (%)", "Kỳ này chia cùng kỳ, phần trăm một chữ số thập phân"),
    ],
    [
        Field::new("co_quan_ky_nay", "Cơ quan: kỳ này", "Các tổ chức cơ sở đảng ở cơ quan, năm báo cáo"),
        Field::new("co_quan_cung_ky", "Cơ quan: cùng kỳ", "Các tổ chức cơ sở đảng ở cơ quan, năm trước"),
        Field::new("co_quan_so_sanh", "Cơ quan: kỳ này so với cùng kỳ (%)", "Kỳ này chia cùng kỳ, phần trăm"),
    ],
    [
        Field::new("doanh_nghiep_ky_nay", "Doanh nghiệp: kỳ này", "Các tổ chức cơ sở đảng ở doanh nghiệp, năm báo cáo"),
        Field::new("doanh_nghiep_cung_ky", "Doanh nghiệp: cùng kỳ", "Các tổ chức cơ sở đảng ở doanh nghiệp, năm trước"),
        Field::new("doanh_nghiep_so_sanh", "Doanh nghiệp: kỳ này so với cùng kỳ (%)", "Kỳ này chia cùng kỳ, phần trăm"),
    ],
];

/// The heading of the comparison column: a year in progress is compared with the whole of the
/// year before (reports carry no figures as of the same day a year earlier).
fn previous_heading(current: &FormsYear) -> &'static str {
    if current.as_of.is_some() {
        "năm trước (cả năm)"
    } else {
        "cùng kỳ năm trước"
    }
}

/// Form `f` of `current`'s year, with `previous` (the year before) beside it; `None` when the
/// year has nothing for it (ratings of a year in progress).
pub fn form_table(f: usize, current: &FormsYear, previous: Option<&FormsYear>, disclosure: &Disclosure) -> Option<Table> {
    let form = &FORMS[f];
    if !current.has(f) {
        return None;
    }
    let mut columns = vec![Column::text("Chỉ tiêu thống kê", Field::new("chi_tieu", "Chỉ tiêu thống kê", "Dòng của biểu"))];
    for (scope, fields) in Scope::ALL.iter().zip(VALUE_FIELDS) {
        let [now, before, ratio] = fields;
        columns.push(Column::member(format!("{}: kỳ này", scope.name()), now));
        columns.push(Column::member(format!("{}: {}", scope.name(), previous_heading(current)), before));
        columns.push(Column::share(format!("{}: so sánh", scope.name()), ratio));
    }
    let published = |y: &FormsYear, i: usize, s: usize| {
        let v = y.value(f, i)?[s];
        disclosure.form(y.year, f, i, s, v)
    };
    let rows = form
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let mut cells = Vec::with_capacity(9);
            for s in 0..Scope::ALL.len() {
                let now = published(current, i, s);
                let before = previous.and_then(|p| published(p, i, s));
                let ratio = match (now.as_ref().and_then(|p| p.value()), before.as_ref().and_then(|p| p.value())) {
                    (Some(n), Some(b)) if b > 0 => Cell::Percent(Ratio::new(n, b)),
                    _ => Cell::Withheld,
                };
                cells.push(now.map_or(Cell::Withheld, Cell::Member));
                cells.push(before.map_or(Cell::Withheld, Cell::Member));
                cells.push(ratio);
            }
            Row { head: Cell::Text(row.label().to_string()), cells, class: row.sub.then_some("sub") }
        })
        .collect();
    let period =
        current.as_of.map_or_else(|| format!("năm {}", current.year), |d| format!("năm {} (đến {})", current.year, crate::format::date(d)));
    Some(Table {
        name: Some(names::form(form.key, current.year)),
        title: format!("Biểu {}: {}, {period}", form.number, form.title),
        caption: format!("Biểu {}. {}, {period}", form.number, form.title),
        columns,
        rows,
        foot: Vec::new(),
        constant: vec![Field::year(current.year), Field::as_of(current.as_of)],
    })
}

/// Every form of a year that has data, in `FORMS` order.
pub fn form_tables(current: &FormsYear, previous: Option<&FormsYear>, disclosure: &Disclosure) -> Vec<Table> {
    (0..FORMS.len()).filter_map(|f| form_table(f, current, previous, disclosure)).collect()
}

/// The section "Biểu thống kê" of a year's page.
#[component]
pub fn FormsSection(tables: Vec<Table>, year: i32, partial: bool) -> impl IntoView {
    let workbook = crate::routes::xlsx(&names::workbook(year));
    let note = if partial {
        "Năm chưa hết: cột “năm trước” là số liệu cả năm trước, không phải cùng thời điểm."
    } else {
        "Cột “so sánh” là kỳ này chia cùng kỳ năm trước."
    };
    let tables = tables
        .into_iter()
        .map(|t| {
            let links = t.name.as_deref().map(downloads);
            view! {
                {links}
                <div class="table-wrap" tabindex="0"><TableView table=t /></div>
            }
        })
        .collect_view();
    view! {
        <section class="forms" aria-labelledby="bieu-thong-ke">
            <h2 id="bieu-thong-ke">"Biểu thống kê"</h2>
            <p>
                "Số liệu theo mẫu biểu thống kê của Hướng dẫn 11-HD/BTCTW, cộng từ báo cáo của các tổ chức cơ sở đảng, toàn Khối và theo loại hình. "
                {note}
            </p>
            <p class="downloads">"Tải cả năm: " <a href=workbook download="">"Sổ tính Excel (.xlsx)"</a></p>
            {tables}
        </section>
    }
}
