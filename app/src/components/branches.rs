//! Under a chosen đảng bộ cơ sở: what each of its chi bộ trực thuộc admitted in the year, the
//! breakdown of the committee's quota (branches have no quota of their own).

use super::table::TableView;
use crate::format;
use crate::stats::QuotaYear;
use crate::table::{Cell, Column, Field, Row, Table};
use leptos::prelude::*;

/// `data` is the year filtered to one đảng bộ cơ sở (its row and its branches).
#[component]
pub fn BranchAdmissionsTable(data: QuotaYear) -> impl IntoView {
    let committee = data.rows.first().cloned();
    let name = committee.as_ref().map_or_else(String::new, |c| c.name.clone());
    let total: u64 = data.branches.iter().filter_map(|b| b.admitted).map(u64::from).sum();
    let missing = data.branches.iter().filter(|b| b.admitted.is_none()).count();
    let mut summary =
        format!("{} chi bộ trực thuộc kết nạp {} đảng viên năm {}", format::int(data.branches.len() as u64), format::int(total), data.year);
    if let Some(quota) = committee.as_ref().map(|c| c.quota) {
        summary.push_str(&format!(", chỉ tiêu của đảng bộ là {}", format::int(u64::from(quota))));
    }
    summary.push('.');
    if missing > 0 {
        summary.push_str(&format!(" {missing} chi bộ chưa báo cáo."));
    }
    let table = branches_table(&data);
    let empty = data.branches.is_empty();
    view! {
        <section class="branch-admissions">
            <h2 id="chi-bo-truc-thuoc">{format!("Kết nạp của các chi bộ trực thuộc {name}")}</h2>
            {if empty {
                view! { <p>{format!("{name} không có chi bộ trực thuộc đang hoạt động năm {}.", data.year)}</p> }.into_any()
            } else {
                view! {
                    <p class="chart-summary">{summary}</p>
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="chi-bo-truc-thuoc">
                        <TableView table=table />
                    </div>
                }
                .into_any()
            }}
        </section>
    }
}

/// What each chi bộ trực thuộc admitted (a page table: branches' admissions are public on their
/// own pages, so there is no file of it).
pub fn branches_table(data: &QuotaYear) -> Table {
    let columns = vec![
        Column::org("Chi bộ trực thuộc", Field::new("ma", "Mã đơn vị", "Mã chi bộ"), Field::new("ten", "Chi bộ trực thuộc", "Tên chi bộ")),
        Column::count("Đã kết nạp", Field::new("ket_nap", "Đã kết nạp", "Số đảng viên kết nạp trong năm")),
    ];
    let rows = data
        .branches
        .iter()
        .map(|b| {
            let admitted = b.admitted.map_or(Cell::Missing("Chưa báo cáo"), |a| Cell::Count(u64::from(a)));
            Row::new(Cell::Org { code: b.code.clone(), name: b.name.clone() }, vec![admitted])
        })
        .collect();
    Table {
        name: None,
        title: format!("Số đảng viên kết nạp năm {} theo chi bộ", data.year),
        caption: format!("Số đảng viên kết nạp năm {} theo chi bộ", data.year),
        columns,
        rows,
        foot: Vec::new(),
        constant: Vec::new(),
    }
}
