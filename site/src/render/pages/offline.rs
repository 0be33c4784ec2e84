//! `/ngoai-tuyen/`: what the service worker shows for a page not saved on the device while
//! there is no connection.

use super::super::layout::{page, PageMeta};
use super::Context;
use app::routes;
use leptos::prelude::*;

pub fn render(ctx: &Context<'_>) -> String {
    let meta = PageMeta {
        title: "Không có kết nối mạng",
        description: "Trang này chưa được lưu trên thiết bị; các trang đã xem vẫn mở được khi không có mạng.",
        path: routes::OFFLINE,
        app: None,
    };
    page(
        ctx,
        meta,
        view! {
            <h1>"Không có kết nối mạng"</h1>
            <p>"Trang bạn mở chưa được lưu trên thiết bị này, nên chưa xem được khi không có mạng. Các trang đã xem trước đây vẫn mở được, kèm ngày của số liệu."</p>
            <p>"Luôn có sẵn: "<a href=routes::STATS>"số liệu thống kê"</a>" và "<a href=routes::HOME>"trang chủ"</a>". Khi có kết nối trở lại, hãy tải lại trang."</p>
        },
    )
}
