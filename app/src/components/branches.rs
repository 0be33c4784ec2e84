//! Under a chosen đảng bộ cơ sở: what each of its chi bộ trực thuộc admitted in the year, the
//! breakdown of the committee's quota (branches have no quota of their own).

use super::table::{Column, DataTable};
use crate::chart::escape;
use crate::format;
use crate::stats::QuotaYear;
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
    // One string for the body: the app's download carries no view code per cell.
    let rows: String = data
        .branches
        .iter()
        .map(|b| {
            format!(
                "<tr><th scope=\"row\"><a href=\"{}\">{}</a></th><td class=\"num\">{}</td></tr>",
                escape(&crate::routes::org_code(&b.code)),
                escape(&b.name),
                b.admitted.map_or_else(|| "Chưa báo cáo".to_string(), |a| format::int(u64::from(a)))
            )
        })
        .collect();
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
                        <DataTable caption=format!("Số đảng viên kết nạp năm {} theo chi bộ", data.year) columns=vec![Column::text("Chi bộ trực thuộc"), Column::num("Đã kết nạp")]>
                            <tbody inner_html=rows></tbody>
                        </DataTable>
                    </div>
                }
                .into_any()
            }}
        </section>
    }
}
