use super::super::layout::{page, PageMeta};
use super::Context;
use leptos::prelude::*;

pub fn render(ctx: &Context<'_>) -> String {
    let meta = PageMeta {
        title: "Không tìm thấy trang",
        description: "Trang bạn tìm không có hoặc đã được chuyển.",
        path: "/404.html",
        app: None,
    };
    page(
        ctx,
        meta,
        view! {
            <h1>"Không tìm thấy trang"</h1>
            <p>"Trang bạn tìm không có hoặc đã được chuyển. Mời quay về "<a href="/">"trang chủ"</a>" hoặc xem "<a href="/thong-ke/">"số liệu thống kê"</a>"."</p>
        },
    )
}
