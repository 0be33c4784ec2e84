use crate::stats::TargetYear;
use leptos::prelude::*;

/// The year's targets: what was set, what was achieved ("12/16 (75,0%)"), met or not, the gap.
#[component]
pub fn TargetsTable(data: TargetYear) -> impl IntoView {
    let met = data.met();
    let rows = data
        .results
        .iter()
        .map(|r| {
            let class = if r.met { "" } else { "lagging" };
            view! {
                <tr class=class>
                    <th scope="row">{r.name.clone()}</th>
                    <td class="num">{r.target.clone()}</td>
                    <td class="num">{r.achieved.display()}</td>
                    <td>{if r.met { "✓ Đạt" } else { "✗ Chưa đạt" }}</td>
                    <td>{r.gap_text()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="targets" aria-labelledby="muc-tieu">
            <h2 id="muc-tieu">{format!("Thực hiện mục tiêu năm {}", data.year)}</h2>
            <p class="chart-summary">{format!("Đạt {}/{} mục tiêu của Đảng ủy Khối.", met.num, met.den)}</p>
            <p class="chart-source">{format!("Xếp loại theo {}.", data.rules.rating.name())}</p>
            <div class="table-wrap">
                <table class="data-table">
                    <caption>{format!("Mục tiêu và kết quả năm {}", data.year)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Mục tiêu"</th>
                            <th scope="col" class="num">"Chỉ tiêu"</th>
                            <th scope="col" class="num">"Kết quả"</th>
                            <th scope="col">"Đánh giá"</th>
                            <th scope="col">"Khoảng cách"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
