//! `/thong-ke/`: the statistics dashboard. Static SVG and tables first; the app mounts into
//! `#quota-app` and takes over with the same components.

use super::super::layout::{page, PageMeta};
use super::Context;
use app::components::{QuotaFigure, YearSelect};
use leptos::prelude::*;

pub fn render(ctx: &Context<'_>) -> String {
    let meta = PageMeta {
        title: "Thống kê công tác xây dựng Đảng",
        description: "Tiến độ thực hiện chỉ tiêu kết nạp đảng viên của các tổ chức cơ sở đảng trong Đảng bộ Khối.",
        path: "/thong-ke/",
    };
    let years: Vec<i32> = ctx.quota.years.iter().map(|y| y.year).collect();
    let figure = ctx.quota.latest().cloned().map(|latest| {
        let year = latest.year;
        view! {
            <div id="quota-app" class="app-root">
                <YearSelect years=years selected=year />
                <QuotaFigure data=latest />
            </div>
        }
    });
    // JSON inside <script> must not be able to close the tag: escape '<'.
    let json = serde_json::to_string(ctx.quota).unwrap_or_default().replace('<', "\\u003c");
    page(
        ctx,
        meta,
        view! {
            <h1>"Thống kê công tác xây dựng Đảng"</h1>
            <p class="lead">"Tiến độ thực hiện chỉ tiêu kết nạp đảng viên mà Đảng ủy Khối giao cho từng tổ chức cơ sở đảng. Tổ chức chậm tiến độ được đánh dấu ▲ và tô đỏ."</p>
            <p id="app-status" class="app-status" role="status"></p>
            {figure}
            <script type="application/json" id="quota-data" inner_html=json></script>
        },
    )
}
