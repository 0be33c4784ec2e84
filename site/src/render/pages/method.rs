//! `/du-lieu/phuong-phap/`: how small counts are protected, in plain Vietnamese.

use super::super::layout::{page, PageMeta};
use super::Context;
use app::routes;
use leptos::prelude::*;

pub fn render(ctx: &Context<'_>) -> String {
    let k = ctx.data.site.privacy_threshold;
    let meta = PageMeta {
        title: "Phương pháp bảo vệ số liệu nhỏ",
        description: "Cách trang thống kê ẩn các số liệu nhỏ để không ai có thể nhận ra một đảng viên cụ thể.",
        path: routes::METHOD,
        app: None,
    };
    page(
        ctx,
        meta,
        view! {
            <h1>"Phương pháp bảo vệ số liệu nhỏ"</h1>
            <p class="lead">"Các tổ chức đảng chỉ gửi số liệu tổng hợp, không gửi thông tin cá nhân. Tuy vậy, ở một chi bộ nhỏ, một con số nhỏ vẫn có thể chỉ ra một người cụ thể. Trang này không công bố những con số như vậy."</p>
            <h2>"Những số liệu được bảo vệ"</h2>
            <p>"Số đảng viên theo mức xếp loại chất lượng và số không xếp loại; số đảng viên bị xóa tên, bị khai trừ, không được công nhận chính thức; số bị kỷ luật, được miễn sinh hoạt, bị đình chỉ sinh hoạt. Số của tổ chức (xếp loại tổ chức, số chi bộ…) và số kết nạp, tổng số đảng viên không phải là thông tin về một cá nhân nên được công bố đầy đủ."</p>
            <h2>"Ẩn số nhỏ"</h2>
            <p>{format!("Mọi số thuộc các loại trên có giá trị từ 1 đến {} đều không được công bố; thay vào đó trang ghi “<{k}”. Số 0 vẫn ghi là 0.", k - 1)}</p>
            <h2>"Ẩn bổ sung"</h2>
            <p>"Nếu tổng của một dòng được công bố, người đọc có thể lấy tổng trừ các ô còn lại để tìm ra ô bị ẩn. Vì vậy trang ẩn thêm ô nhỏ nhất khác trong dòng (ghi “ẩn”) cho đến khi mỗi ô bị ẩn vẫn còn ít nhất hai giá trị có thể có. Tỷ lệ phần trăm tính từ ô bị ẩn cũng không được ghi."</p>
            <h2>"Biểu thống kê và cơ cấu đảng viên"</h2>
            <p>"Người dân tộc thiểu số, người có đạo, đảng viên bị kỷ luật theo hình thức và các số cùng loại cũng được bảo vệ như trên. Trong các biểu thống kê, nếu số của khối cơ quan hoặc khối doanh nghiệp là số nhỏ thì cả hai cột theo loại hình đều không ghi (“—”), vì lấy tổng toàn Khối trừ đi cột kia sẽ ra số bị ẩn. Các dòng cộng lại thành một tổng đã biết (các khoản giảm của Biểu 1, các mức xếp loại, các hình thức kỷ luật) được ẩn cùng nhau. Trang của từng tổ chức chỉ ghi cơ cấu theo giới tính, đoàn viên, độ tuổi và lý luận chính trị; dân tộc, tôn giáo và kỷ luật chỉ có trong số liệu toàn Khối."</p>
            <h2>"Áp dụng ở đâu"</h2>
            <p>"Quy tắc áp dụng như nhau cho trang web, biểu đồ, bảng số liệu, tệp CSV, JSON và sổ tính Excel tải về, chỉ mục tìm kiếm và dữ liệu của ứng dụng tương tác. Trong biểu đồ, các ô bị ẩn gộp thành một đoạn màu xám."</p>
            <h2>"Kiểm chứng"</h2>
            <p>"Mỗi lần tạo trang, một phép thử tự động chỉ đọc những gì được công bố, thu thập mọi số và mọi tổng, rồi xác nhận rằng mỗi ô bị ẩn vẫn có ít nhất hai giá trị phù hợp. Danh sách các ô bị ẩn được ghi vào một báo cáo lưu ngoài trang công khai."</p>
        },
    )
}
