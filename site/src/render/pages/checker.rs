//! `/nhap-lieu/`: a secretary checks a report file or a filled workbook before sending it. The page carries the
//! Khối's settings (`rules::one_report::Settings`, comments removed); the checker app reads the
//! chosen file on the device and lists what `site check` would say of it. Without the app the
//! page says how else to have the file checked.

use super::super::layout::{page, PageMeta};
use super::super::Bundle;
use super::Context;
use app::routes;
use leptos::prelude::*;
use rules::one_report::page as ids;

pub fn render(ctx: &Context<'_>) -> String {
    let meta = PageMeta {
        title: "Kiểm tra báo cáo trước khi gửi",
        description: "Chọn tệp báo cáo số liệu của tổ chức đảng để kiểm tra ngay trên máy, theo đúng quy định của năm báo cáo; tệp không được gửi đi.",
        path: routes::CHECKER,
        app: Some(Bundle::Checker),
    };
    let settings = super::embedded_json(ids::SETTINGS_ID, ctx.checker);
    page(
        ctx,
        meta,
        view! {
            <h1>"Kiểm tra báo cáo trước khi gửi"</h1>
            <p class="lead">"Chọn sổ tính báo cáo (.xlsx, làm từ tệp mẫu của Văn phòng Đảng ủy Khối) hoặc tệp báo cáo số liệu năm (.toml) của tổ chức đảng. Trang kiểm tra ngay trên máy của đồng chí theo quy định của năm báo cáo — cân đối đầu năm, tăng, giảm, cuối năm; các cơ cấu; xếp loại; sinh hoạt chi bộ — và chỉ ra ô hoặc dòng cần sửa. Tệp không được gửi đi đâu; đã mở trang thì kiểm tra được cả khi mất mạng."</p>
            <p id=ids::STATUS_ID class="app-status" role="status"></p>
            <form class="checker-form">
                <label for=ids::INPUT_ID>"Tệp báo cáo"</label>
                // Enabled by the app: without it, choosing a file would do nothing.
                <input type="file" id=ids::INPUT_ID accept=".xlsx,.toml" disabled=true />
            </form>
            <noscript><p>"Trang này cần JavaScript để kiểm tra tệp. Có thể gửi tệp cho Văn phòng Đảng ủy Khối để kiểm tra bằng lệnh site check."</p></noscript>
            <div id=ids::RESULT_ID class="checker-result" role="status" aria-live="polite"></div>
            <h2>"Những gì được kiểm tra ở đây"</h2>
            <p>"Mọi quy định áp dụng cho riêng một báo cáo: đủ mục, đúng kiểu số, cân đối số đảng viên, kết nạp theo tháng, các cơ cấu không vượt tổng, xếp loại theo quy định của năm, sinh hoạt chi bộ. Việc so sánh với báo cáo năm trước (số đầu năm bằng số cuối năm trước) và cộng số của các chi bộ trực thuộc được làm khi Văn phòng Đảng ủy nhập báo cáo, vì trang công khai không chứa báo cáo của đơn vị khác."</p>
            <p>"Sổ tính cần giữ nguyên như tệp mẫu: một trang tính “Báo cáo”, không gộp ô, không ẩn dòng, các ô màu vàng ghi số gõ trực tiếp (không dùng công thức). Số liệu đã công bố xem ở trang " <a href=routes::DATA>"Dữ liệu mở"</a> "."</p>
            {settings}
        },
    )
}
