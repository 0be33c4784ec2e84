use super::table::{Column, DataTable};
use crate::privacy::Disclosure;
use crate::stats::{TargetKey, TargetYear};
use leptos::prelude::*;

/// The year's targets: what was set, what was achieved ("12/16 (75,0%)"), met or not, the gap.
#[component]
pub fn TargetsTable(data: TargetYear, disclosure: Disclosure) -> impl IntoView {
    let met = data.met();
    // Member targets rest on grades 1 and 2 and on those rated (members − not rated).
    let members_hidden = [0, 1, 4].iter().any(|&i| disclosure.member_grade(data.year, i).is_some());
    let rows = data
        .results
        .iter()
        .map(|r| {
            let masked = members_hidden && matches!(r.key, TargetKey::MemberGoodOrBetter | TargetKey::MemberExcellent);
            let achieved = if masked { "—".to_string() } else { r.achieved.display() };
            let class = if r.met { "" } else { "lagging" };
            view! {
                <tr class=class>
                    <th scope="row">{r.name.clone()}</th>
                    <td class="num">{r.target.clone()}</td>
                    <td class="num">{achieved}</td>
                    <td>{if r.met { "✓ Đạt" } else { "✗ Chưa đạt" }}</td>
                    <td>{if masked { "—".to_string() } else { r.gap_text() }}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="targets" aria-labelledby="muc-tieu">
            <h2 id="muc-tieu">{format!("Thực hiện mục tiêu năm {}", data.year)}</h2>
            <p class="chart-summary">{format!("Đạt {}/{} mục tiêu của Đảng ủy Khối.", met.num, met.den)}</p>
            <p class="chart-source">{format!("Xếp loại theo {}.", data.rules.rating.name())}</p>
            <div class="table-wrap" tabindex="0">
                <DataTable caption=format!("Mục tiêu và kết quả năm {}", data.year) columns=vec![Column::text("Mục tiêu"), Column::num("Chỉ tiêu"), Column::num("Kết quả"), Column::text("Đánh giá"), Column::text("Khoảng cách")]>
                    <tbody>{rows}</tbody>
                </DataTable>
            </div>
        </section>
    }
}
