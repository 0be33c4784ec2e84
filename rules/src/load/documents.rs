//! `data/documents/*.md` and `data/news/*.md`: markdown with TOML front matter between `+++` lines.

use super::fields::{Fields, FileCtx};
use super::{Loaded, Located};
use crate::codes::Code;
use crate::diagnostic::{Diagnostic, FileId};
use app::model::{DocType, Document, NewsItem};
use std::path::Path;
use toml_edit::Document as TomlDocument;

/// The front matter parsed (spans shifted to the file) and the markdown body.
struct FrontMatter {
    file: FileId,
    doc: TomlDocument<String>,
    offset: usize,
    body: String,
    slug: String,
}

fn split(loaded: &mut Loaded, path: &Path) -> Option<FrontMatter> {
    let (file, text) = loaded.read(path)?;
    let slug = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
    if slug.is_empty() || !slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
        loaded.findings.push(
            Diagnostic::error(Code::E031, format!("tên tệp \"{slug}\" không dùng được làm địa chỉ trang"))
                .at(file, None)
                .hint("đặt tên tệp bằng chữ thường không dấu, chữ số và dấu gạch nối, ví dụ 2021-10-26-431-cv.md"),
        );
        return None;
    }
    let missing = || {
        Diagnostic::error(Code::E030, "thiếu phần thông tin đầu văn bản (front matter)")
            .at(file, Some(0..0))
            .hint("tệp phải bắt đầu bằng dòng `+++`, tiếp theo là các khóa thông tin, rồi một dòng `+++` nữa trước nội dung")
    };
    // Work on the original text (LF or CRLF) so spans map straight back to lines and columns.
    let opening = if text.starts_with("+++\r\n") {
        5
    } else if text.starts_with("+++\n") {
        4
    } else {
        loaded.findings.push(missing());
        return None;
    };
    let rest = &text[opening..];
    let Some(end) = rest.match_indices("\n+++").map(|(i, _)| i).find(|&i| {
        let after = &rest[i + 4..];
        after.is_empty() || after.starts_with('\n') || after.starts_with("\r\n")
    }) else {
        loaded.findings.push(missing().hint("không tìm thấy dòng `+++` đóng phần thông tin đầu văn bản"));
        return None;
    };
    let front = &rest[..end + 1];
    let body = rest[end + 4..].trim_start_matches(['\r', '\n', ' ']).replace("\r\n", "\n");
    let offset = opening;
    match TomlDocument::parse(front.to_string()) {
        Ok(doc) => Some(FrontMatter { file, doc, offset, body, slug }),
        Err(e) => {
            let span = e.span().map(|s| s.start + offset..s.end + offset);
            loaded.findings.push(
                Diagnostic::error(Code::E001, format!("lỗi cú pháp trong phần thông tin đầu văn bản: {}", e.message().trim()))
                    .at(file, span)
                    .hint("mỗi dòng có dạng `khoa = \"giá trị\"`; ngày viết 2021-10-26 không có ngoặc kép"),
            );
            None
        }
    }
}

fn shift(ctx: FileCtx, offset: usize) -> Vec<Diagnostic> {
    ctx.diags
        .into_inner()
        .into_iter()
        .map(|mut d| {
            d.span = d.span.map(|s| s.start + offset..s.end + offset);
            d
        })
        .collect()
}

pub(crate) fn load_document(loaded: &mut Loaded, path: &Path) {
    let Some(fm) = split(loaded, path) else { return };
    let ctx = FileCtx::new(fm.file);
    let mut f = Fields::root(&ctx, fm.doc.as_table());
    let number_symbol = f.string("so_ky_hieu");
    let type_abbr = f.string("loai");
    let issued = f.date("ngay_ban_hanh");
    let place = f.string("noi_ban_hanh");
    let issuer = f.string("co_quan_ban_hanh");
    let summary = f.string("trich_yeu");
    let signer = f.string("nguoi_ky");
    let signer_position = f.string("chuc_vu");
    let recipients = f.strings("noi_nhan");
    f.finish();
    let doc_type = type_abbr.and_then(|t| {
        DocType::from_abbreviation(&t).or_else(|| {
            let all: Vec<&str> = DocType::ALL.iter().map(|d| d.abbreviation()).collect();
            ctx.error(
                Code::E032,
                ctx.spans.borrow().get("loai"),
                format!("loại văn bản \"{t}\" không có trong danh mục"),
                format!("chọn một trong: {}", all.join(", ")),
            );
            None
        })
    });
    if let (Some(ns), Some(dt)) = (&number_symbol, doc_type) {
        // The type abbreviation in the number-and-symbol must agree with `loai`.
        let in_symbol = ns.split_once('-').and_then(|(_, rest)| rest.split('/').next());
        if in_symbol != Some(dt.abbreviation()) {
            ctx.error(
                Code::E032,
                ctx.spans.borrow().get("so_ky_hieu"),
                format!("số ký hiệu \"{ns}\" không khớp với loại văn bản {} ({})", dt.abbreviation(), dt.name()),
                format!("số ký hiệu có dạng <số>-{}/<cơ quan>, ví dụ \"431-{}/ĐUK\"", dt.abbreviation(), dt.abbreviation()),
            );
        }
    }
    let spans = ctx.spans.borrow().clone();
    let clean = ctx.diags.borrow().is_empty();
    loaded.findings.extend(shift(ctx, fm.offset));
    if let (
        true,
        Some(number_symbol),
        Some(doc_type),
        Some(issued),
        Some(place),
        Some(issuer),
        Some(summary),
        Some(signer),
        Some(signer_position),
        Some(recipients),
    ) = (clean, number_symbol, doc_type, issued, place, issuer, summary, signer, signer_position, recipients)
    {
        let value = Document {
            slug: fm.slug,
            number_symbol,
            doc_type,
            issued,
            place,
            issuer,
            summary,
            signer,
            signer_position,
            recipients,
            body: fm.body,
        };
        loaded.documents.push(Located { value, file: fm.file, spans });
    }
}

pub(crate) fn load_news(loaded: &mut Loaded, path: &Path) {
    let Some(fm) = split(loaded, path) else { return };
    let ctx = FileCtx::new(fm.file);
    let mut f = Fields::root(&ctx, fm.doc.as_table());
    let title = f.string("tieu_de");
    let date = f.date("ngay");
    let summary = f.string("tom_tat");
    f.finish();
    let spans = ctx.spans.borrow().clone();
    let clean = ctx.diags.borrow().is_empty();
    loaded.findings.extend(shift(ctx, fm.offset));
    if let (true, Some(title), Some(date), Some(summary)) = (clean, title, date, summary) {
        loaded.news.push(Located { value: NewsItem { slug: fm.slug, title, date, summary, body: fm.body }, file: fm.file, spans });
    }
}
