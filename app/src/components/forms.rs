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

/// The machine fields of a composition table's columns: the count, its share of the whole, the
/// share a year earlier, scope by scope.
const SHARE_FIELDS: [[Field; 3]; 3] = [
    [
        Field::new("toan_khoi_so", "Toàn Khối: số", "Toàn Đảng bộ Khối, năm báo cáo"),
        Field::new("toan_khoi_ty_le", "Toàn Khối: tỷ lệ (%)", "Phần trăm trên tổng số (dòng đầu của biểu)"),
        Field::new("toan_khoi_ty_le_nam_truoc", "Toàn Khối: tỷ lệ năm trước (%)", "Phần trăm năm trước"),
    ],
    [
        Field::new("co_quan_so", "Cơ quan: số", "Các tổ chức cơ sở đảng ở cơ quan"),
        Field::new("co_quan_ty_le", "Cơ quan: tỷ lệ (%)", "Phần trăm trên tổng số của cơ quan"),
        Field::new("co_quan_ty_le_nam_truoc", "Cơ quan: tỷ lệ năm trước (%)", "Phần trăm năm trước"),
    ],
    [
        Field::new("doanh_nghiep_so", "Doanh nghiệp: số", "Các tổ chức cơ sở đảng ở doanh nghiệp"),
        Field::new("doanh_nghiep_ty_le", "Doanh nghiệp: tỷ lệ (%)", "Phần trăm trên tổng số của doanh nghiệp"),
        Field::new("doanh_nghiep_ty_le_nam_truoc", "Doanh nghiệp: tỷ lệ năm trước (%)", "Phần trăm năm trước"),
    ],
];

/// The composition of form `f`'s whole (its first row) in `current`'s year: each member part
/// with its count and share ("nữ 71 — 43,8%"), the share a year earlier beside it, for the Khối
/// and by kind. A hidden count hides its share.
pub fn composition_table(f: usize, current: &FormsYear, previous: Option<&FormsYear>, disclosure: &Disclosure) -> Option<Table> {
    let form = &FORMS[f];
    let title = form.composition?;
    if !current.has(f) {
        return None;
    }
    let mut columns = vec![Column::text("Thành phần", Field::new("thanh_phan", "Thành phần", "Một phần của tổng số"))];
    for (scope, fields) in Scope::ALL.iter().zip(SHARE_FIELDS) {
        let [count, share, before] = fields;
        columns.push(Column::member(format!("{}: số", scope.name()), count));
        columns.push(Column::share(format!("{}: tỷ lệ", scope.name()), share));
        columns.push(Column::share(format!("{}: tỷ lệ năm trước", scope.name()), before));
    }
    let share = |y: &FormsYear, i: usize, s: usize| -> Option<(Option<crate::privacy::Published>, Ratio)> {
        let whole = y.value(f, 0)?[s];
        let v = y.value(f, i)?[s];
        let published = disclosure.form(y.year, f, i, s, v);
        Some((published, Ratio::new(v, whole)))
    };
    let rows = form
        .rows
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, row)| row.measure.privacy() != crate::schema::Privacy::Organization)
        .map(|(i, row)| {
            let mut cells = Vec::with_capacity(9);
            for s in 0..Scope::ALL.len() {
                let now = share(current, i, s);
                let shown = |x: &Option<(Option<crate::privacy::Published>, Ratio)>| match x {
                    Some((Some(p), r)) if !p.is_hidden() => Cell::Percent(*r),
                    _ => Cell::Withheld,
                };
                let before = previous.and_then(|p| share(p, i, s));
                cells.push(now.as_ref().and_then(|(p, _)| p.clone()).map_or(Cell::Withheld, Cell::Member));
                cells.push(shown(&now));
                cells.push(shown(&before));
            }
            Row { head: Cell::Text(row.heading()), cells, class: None }
        })
        .collect();
    let period =
        current.as_of.map_or_else(|| format!("năm {}", current.year), |d| format!("năm {} (đến {})", current.year, crate::format::date(d)));
    let whole = form.rows[0].label().to_lowercase();
    Some(Table {
        name: Some(names::composition(form.key, current.year)),
        title: format!("{title}, {period}"),
        caption: format!("{title}, {period}: mỗi thành phần và tỷ lệ trên {whole}"),
        columns,
        rows,
        foot: Vec::new(),
        constant: vec![Field::year(current.year), Field::as_of(current.as_of)],
    })
}

/// The composition tables of a year, in `FORMS` order.
pub fn composition_tables(current: &FormsYear, previous: Option<&FormsYear>, disclosure: &Disclosure) -> Vec<Table> {
    (0..FORMS.len()).filter_map(|f| composition_table(f, current, previous, disclosure)).collect()
}

/// "Cơ cấu đảng viên": who the admitted and the members are, with shares, on a year's page.
#[component]
pub fn CompositionSection(tables: Vec<Table>) -> impl IntoView {
    let tables = tables
        .into_iter()
        .map(|t| {
            let links = t.name.as_deref().map(downloads);
            view! {
                <h3>{t.title.clone()}</h3>
                {links}
                <div class="table-wrap" tabindex="0"><TableView table=t /></div>
            }
        })
        .collect_view();
    view! {
        <section class="composition" aria-labelledby="co-cau-dang-vien">
            <h2 id="co-cau-dang-vien">"Cơ cấu đảng viên"</h2>
            <p>"Mỗi thành phần với số lượng và tỷ lệ trên tổng số, toàn Khối và theo loại hình, so với tỷ lệ năm trước. Các thành phần có thể trùng nhau (một đảng viên nữ có thể là đoàn viên)."</p>
            {tables}
        </section>
    }
}

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
            Row { head: Cell::Text(row.heading()), cells, class: row.sub.then_some("sub") }
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
