//! The reference of the report file in `docs/data-format.md`, generated from the schema. The
//! text between [`BEGIN`] and [`END`] there is this function's output; a tidy test fails when
//! it is stale (`UPDATE_DOCS=1 cargo test -p site --test tidy` rewrites it).

use super::{Applies, FieldSpec, Kind, Presence, Privacy, Section, Sum, SECTIONS};
use std::fmt::Write as _;

pub const BEGIN: &str = "<!-- schema:report:begin (generated from app/src/schema: do not edit by hand) -->";
pub const END: &str = "<!-- schema:report:end -->";

pub fn markdown() -> String {
    let mut out = String::new();
    for s in SECTIONS {
        let title = match s.section {
            Section::Top => "### Đầu tệp / Top level".to_string(),
            _ => format!("### Mục `[{}]` — {} ({})", s.key, s.comment, requirement(s.required, s.applies, s.complete_years_only)),
        };
        let _ = writeln!(out, "{title}\n");
        out.push_str("| khóa | ý nghĩa (tiếng Việt) | meaning (English) | kiểu / đơn vị | bắt buộc? | giới hạn | lớp riêng tư | cộng từ chi bộ | kiểm tra (mã) |\n");
        out.push_str("|---|---|---|---|---|---|---|---|---|\n");
        for f in s.section.fields() {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} | {} | {} | {} | {} | {} |",
                f.key,
                f.comment.replace('|', "\\|"),
                f.meaning,
                kind(f),
                presence(f),
                f.rule.replace('|', "\\|"),
                privacy(f.privacy),
                sum(f.sum),
                f.codes
            );
        }
        out.push('\n');
        if !s.note.is_empty() {
            let _ = writeln!(out, "{}\n", s.note);
        }
    }
    out
}

fn requirement(required: bool, applies: Applies, complete_only: bool) -> String {
    let who = applies.doc();
    match (required, complete_only) {
        (true, _) => format!("bắt buộc, {who}"),
        (false, true) => format!("không bắt buộc; {who}, năm đã kết thúc"),
        (false, false) => format!("không bắt buộc; {who}"),
    }
}

fn kind(f: &FieldSpec) -> String {
    let unit = f.unit.name();
    let with_unit = |what: &str| if unit.is_empty() { what.to_string() } else { format!("{what} ({unit})") };
    match f.kind {
        Kind::Year => "số nguyên".into(),
        Kind::OrgCode => "chuỗi (mã)".into(),
        Kind::Date => "ngày".into(),
        Kind::Text => "chuỗi".into(),
        Kind::Count => with_unit("số đếm"),
        Kind::Months => with_unit("danh sách số đếm, từng tháng"),
        Kind::Quarters => with_unit("danh sách số đếm, từng quý"),
        Kind::Bool => "`true` \\| `false`".into(),
        Kind::Grade => "`\"xuat_sac\"` \\| `\"tot\"` \\| `\"hoan_thanh\"` \\| `\"khong_hoan_thanh\"`".into(),
    }
}

fn presence(f: &FieldSpec) -> String {
    let base = match (f.presence, f.section) {
        (Presence::Required, Section::Top) => "có",
        (Presence::Required, _) => "có, khi có mục",
        (Presence::Optional, _) => "không",
    };
    match f.applies {
        Applies::Every | Applies::Branches if f.section == Section::Meetings || f.applies == Applies::Every => base.to_string(),
        a => format!("{base}; chỉ {}", a.doc()),
    }
}

fn privacy(p: Privacy) -> &'static str {
    match p {
        Privacy::Unpublished => "không công bố",
        Privacy::Organization => "của tổ chức",
        Privacy::MemberCount => "số đảng viên",
        Privacy::MemberLevel => "số đảng viên nhạy cảm: không công bố theo tổ chức, số tổng ẩn khi từ 1 đến k−1",
    }
}

fn sum(s: Sum) -> &'static str {
    match s {
        Sum::None => "—",
        Sum::Total => "tổng",
        Sum::PerMonth => "tổng từng tháng",
    }
}
