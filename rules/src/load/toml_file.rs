//! Parses one TOML file into a spanned document, or a syntax finding pointing at the error.

use super::Loaded;
use crate::codes::Code;
use crate::diagnostic::{Diagnostic, FileId};
use std::path::Path;
use toml_edit::Document;

pub(crate) fn parse(loaded: &mut Loaded, path: &Path) -> Option<(FileId, Document<String>)> {
    let (file, text) = loaded.read(path)?;
    match Document::parse(text) {
        Ok(doc) => Some((file, doc)),
        Err(e) => {
            let message = e.message().trim().to_string();
            loaded.findings.push(
                Diagnostic::error(Code::E001, format!("lỗi cú pháp TOML: {}", translate(&message)))
                    .at(file, e.span())
                    .hint("mỗi dòng có dạng `khoa = giá_trị`; chuỗi đặt trong ngoặc kép \"...\"; mỗi khóa chỉ xuất hiện một lần; danh sách viết [1, 2, 3]"),
            );
            None
        }
    }
}

/// The parser's messages are English; give editors the gist in Vietnamese, keeping the detail.
fn translate(message: &str) -> String {
    let gist = if message.contains("duplicate key") {
        "khóa bị lặp lại"
    } else if message.contains("invalid string") || message.contains("unterminated") {
        "chuỗi chưa đóng ngoặc kép hoặc sai định dạng"
    } else if message.contains("invalid table header") || message.contains("unclosed table") {
        "tiêu đề mục [ ... ] sai định dạng"
    } else if message.contains("key with no value") || message.contains("expected `=`") {
        "thiếu dấu `=` hoặc thiếu giá trị"
    } else if message.contains("invalid array") || message.contains("unclosed array") {
        "danh sách [ ... ] sai định dạng"
    } else {
        "giá trị hoặc dòng không hợp lệ"
    };
    format!("{gist} ({message})")
}
