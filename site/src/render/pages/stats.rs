//! `/thong-ke/` and `/thong-ke/<year>/`: the statistics dashboard. Static SVG and tables first;
//! the app mounts into `#quota-app` and takes over with the same components.

use super::super::layout::{page, PageMeta};
use super::Context;
use app::components::{YearFigures, YearSelect};
use leptos::prelude::*;

/// The dashboard of `year`, or of the latest year at `/thong-ke/`.
pub fn render(ctx: &Context<'_>, year: Option<i32>) -> String {
    let shown = year.and_then(|y| ctx.quota.year(y)).or(ctx.quota.latest()).cloned();
    let path = year.map_or_else(|| "/thong-ke/".to_string(), |y| format!("/thong-ke/{y}/"));
    let title = year.map_or_else(|| "Thống kê công tác xây dựng Đảng".to_string(), |y| format!("Thống kê công tác xây dựng Đảng năm {y}"));
    let meta = PageMeta {
        title: &title,
        description: "Tiến độ thực hiện chỉ tiêu kết nạp đảng viên của các tổ chức cơ sở đảng trong Đảng bộ Khối.",
        path: &path,
    };
    let years: Vec<i32> = ctx.quota.years.iter().map(|y| y.year).collect();
    // Links to every year: the way between years without JavaScript.
    let year_links = years
        .iter()
        .rev()
        .map(|&y| {
            let current = (Some(y) == shown.as_ref().map(|s| s.year)).then_some("page");
            view! { <li><a href=format!("/thong-ke/{y}/") aria-current=current>{y.to_string()}</a></li> }
        })
        .collect_view();
    let figure = shown.map(|data| {
        let selected = data.year;
        view! {
            <div id="quota-app" class="app-root" data-year=selected.to_string()>
                <YearSelect years=years selected=selected />
                <YearFigures data=data />
            </div>
        }
    });
    // JSON inside <script> must not be able to close the tag: escape '<'.
    let json = serde_json::to_string(ctx.quota).unwrap_or_default().replace('<', "\\u003c");
    page(
        ctx,
        meta,
        view! {
            <h1>{title.clone()}</h1>
            <p class="lead">"Tiến độ thực hiện chỉ tiêu kết nạp đảng viên mà Đảng ủy Khối giao cho từng tổ chức cơ sở đảng. Tổ chức chậm tiến độ được đánh dấu ▲ và tô đỏ."</p>
            <nav class="year-nav" aria-label="Số liệu theo năm">
                <ul>{year_links}</ul>
            </nav>
            <p id="app-status" class="app-status" role="status"></p>
            {figure}
            <script type="application/json" id="quota-data" inner_html=json></script>
        },
    )
}
