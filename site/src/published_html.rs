//! What the sanitizer will drop from a document's or news item's body (warning W082): a party
//! document is never published with a piece silently missing. The rules are the sanitizer's
//! own (`render::markdown`), so the warning names exactly what the page will lack.

use crate::check::personal_data::body_start;
use crate::codes::Code;
use crate::diagnostic::{Diagnostic, FileId};
use crate::load::Loaded;
use crate::render::markdown::{dropped, DroppedKind};

pub(crate) fn check(loaded: &Loaded, out: &mut Vec<Diagnostic>) {
    let files = loaded.documents.iter().map(|d| d.file).chain(loaded.news.iter().map(|n| n.file));
    for file in files {
        body(loaded, file, out);
    }
}

fn body(loaded: &Loaded, file: FileId, out: &mut Vec<Diagnostic>) {
    let text = &loaded.sources.get(file).text;
    let Some(start) = body_start(text) else { return };
    for d in dropped(&text[start..]) {
        let range = Some(d.range.start + start..d.range.end + start);
        let (message, hint) = match d.what {
            DroppedKind::Tag { name, with_content: true } => (
                format!("thẻ <{name}> và toàn bộ nội dung bên trong sẽ bị bỏ khi đăng"),
                "trang không đăng mã chạy hay định dạng nhúng: xóa đoạn này khỏi văn bản".to_string(),
            ),
            DroppedKind::Tag { name, with_content: false } => (
                format!("thẻ HTML <{name}> sẽ bị bỏ khi đăng (chữ bên trong vẫn giữ)"),
                "chỉ dùng định dạng markdown hoặc các thẻ định dạng thông thường (đậm, nghiêng, bảng, danh sách); ảnh, khung nhúng, biểu mẫu không được đăng".to_string(),
            ),
            DroppedKind::Attribute { tag, name } => (
                format!("thuộc tính `{name}` của thẻ <{tag}> sẽ bị bỏ khi đăng"),
                "xóa thuộc tính này: trang không giữ kiểu chữ riêng (style), mã chạy khi bấm (onclick…) hay thuộc tính lạ".to_string(),
            ),
            DroppedKind::Url { tag, url } => (
                format!("địa chỉ {} của thẻ <{tag}> sẽ bị bỏ khi đăng (chữ của liên kết vẫn giữ, nhưng không bấm được)", shown(&url)),
                "chỉ giữ liên kết http://, https://, mailto: hoặc đường dẫn trong trang (ví dụ /van-ban/): sửa địa chỉ hoặc xóa liên kết".to_string(),
            ),
            DroppedKind::Image { url } => (
                format!("ảnh {} sẽ bị bỏ khi đăng: trang không đăng ảnh trong văn bản", shown(&url)),
                "thay ảnh bằng một liên kết tới tệp ảnh, hoặc mô tả nội dung ảnh bằng lời".to_string(),
            ),
        };
        out.push(Diagnostic::warning(Code::W082, message).at(file, range).hint(hint));
    }
}

/// An address as the editor can recognise it: control characters made visible, long ones cut.
fn shown(url: &str) -> String {
    let mut s: String =
        url.chars().take(60).flat_map(|c| if c.is_control() { c.escape_default().collect::<Vec<_>>() } else { vec![c] }).collect();
    if url.chars().count() > 60 {
        s.push('…');
    }
    format!("\"{s}\"")
}
