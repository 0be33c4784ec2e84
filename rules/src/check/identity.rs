//! Who and when: codes are unique, parents and merge targets exist, every report and quota names
//! an organization that existed that year, and a file's path agrees with what it says.

use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::load::Loaded;
use app::model::{Level, OrgCode, Organization};
use app::schema::Field;
use chrono::Datelike;
use std::collections::BTreeMap;

pub(super) fn check(loaded: &Loaded, out: &mut Vec<Diagnostic>) {
    let mut orgs: BTreeMap<&OrgCode, &Organization> = BTreeMap::new();
    let mut first: BTreeMap<&OrgCode, &crate::load::Located<Organization>> = BTreeMap::new();
    for o in &loaded.orgs {
        if orgs.insert(&o.value.code, &o.value).is_some() {
            let earlier = first[&o.value.code];
            out.push(
                Diagnostic::error(Code::E014, format!("mã đơn vị `{}` bị khai báo hai lần", o.value.code))
                    .at(o.file, o.spans.get("to_chuc.ma"))
                    .also(earlier.file, earlier.spans.get("to_chuc.ma"), "khai báo lần đầu ở đây")
                    .hint("mỗi tổ chức có một mã riêng, không đổi qua các năm"),
            );
        } else {
            first.insert(&o.value.code, o);
        }
    }
    for o in &loaded.orgs {
        let org = &o.value;
        if let Level::Branch { parent } = &org.level {
            match orgs.get(parent) {
                Some(p) if p.level == Level::GrassrootsCommittee => {}
                Some(_) => out.push(
                    Diagnostic::error(
                        Code::E012,
                        format!("`{}` trực thuộc `{parent}`, nhưng `{parent}` không phải đảng bộ cơ sở", org.code),
                    )
                    .at(o.file, o.spans.get("to_chuc.truc_thuoc"))
                    .hint("chi bộ trực thuộc chỉ nằm dưới một đảng bộ cơ sở (cap = \"dang_bo_co_so\")"),
                ),
                None => out.push(
                    Diagnostic::error(Code::E012, format!("không có tổ chức cấp trên mã `{parent}`"))
                        .at(o.file, o.spans.get("to_chuc.truc_thuoc"))
                        .hint("kiểm tra mã đảng bộ cơ sở trong data/khoi.toml"),
                ),
            }
        }
        if let Some(target) = &org.merged_into {
            if !orgs.contains_key(target) {
                out.push(
                    Diagnostic::error(Code::E012, format!("không có tổ chức tiếp nhận mã `{target}`"))
                        .at(o.file, o.spans.get("to_chuc.sap_nhap_vao"))
                        .hint("ghi mã một tổ chức có trong data/khoi.toml"),
                );
            }
            if org.ended.is_none() {
                out.push(
                    Diagnostic::error(Code::E003, format!("`{}` sáp nhập nhưng thiếu ngày `giai_the`", org.code))
                        .at(o.file, o.spans.get("to_chuc.sap_nhap_vao"))
                        .hint("thêm `giai_the = <ngày kết thúc>` cho tổ chức đã sáp nhập"),
                );
            }
        }
        if let Some(ended) = org.ended {
            if ended < org.founded {
                out.push(
                    Diagnostic::error(Code::E006, format!("`{}` kết thúc trước ngày thành lập", org.code))
                        .at(o.file, o.spans.get("to_chuc.giai_the"))
                        .hint("kiểm tra `thanh_lap` và `giai_the`"),
                );
            }
        }
    }

    let mut seen: BTreeMap<(i32, &OrgCode), &crate::load::Located<app::model::Report, crate::load::ReportSpans>> = BTreeMap::new();
    for (path_year, stem, r) in &loaded.reports {
        let report = &r.value;
        if report.year != *path_year {
            out.push(
                Diagnostic::error(Code::E011, format!("báo cáo nằm trong thư mục năm {path_year} nhưng ghi `nam = {}`", report.year))
                    .at(r.file, r.spans.field(Field::Year))
                    .hint(format!("sửa thành `nam = {path_year}`, hoặc chuyển tệp sang data/reports/{}/", report.year)),
            );
        }
        if report.org.as_str() != stem {
            out.push(
                Diagnostic::error(Code::E011, format!("tệp `{stem}.toml` nhưng ghi `to_chuc = \"{}\"`", report.org))
                    .at(r.file, r.spans.field(Field::Org))
                    .hint(format!("tên tệp phải là mã đơn vị: đổi tên tệp thành {}.toml, hoặc sửa mã", report.org)),
            );
        }
        if let Some(as_of) = report.as_of {
            if as_of.year() != report.year {
                out.push(
                    Diagnostic::error(Code::E023, format!("`ngay_so_lieu` ({}) không thuộc năm {}", app::format::date(as_of), report.year))
                        .at(r.file, r.spans.field(Field::AsOf))
                        .hint("`ngay_so_lieu` chỉ ghi cho năm đang diễn ra, là ngày chốt số liệu trong năm đó"),
                );
            }
        }
        match orgs.get(&report.org) {
            None => out.push(
                Diagnostic::error(Code::E012, format!("không có tổ chức mã `{}` trong data/khoi.toml", report.org))
                    .at(r.file, r.spans.field(Field::Org))
                    .hint("kiểm tra lại mã đơn vị, hoặc khai báo tổ chức trong data/khoi.toml trước"),
            ),
            Some(org) if !org.active_in(report.year) => out.push(
                Diagnostic::error(Code::E013, format!("`{}` không hoạt động trong năm {}", report.org, report.year))
                    .at(r.file, r.spans.field(Field::Org))
                    .hint(match org.ended {
                        Some(e) => format!("tổ chức đã kết thúc ngày {}; báo cáo sau đó thuộc tổ chức tiếp nhận", app::format::date(e)),
                        None => format!("tổ chức thành lập ngày {}", app::format::date(org.founded)),
                    }),
            ),
            Some(_) => {}
        }
        if let Some(earlier) = seen.get(&(report.year, &report.org)) {
            out.push(
                Diagnostic::error(Code::E014, format!("`{}` có hơn một báo cáo năm {}", report.org, report.year))
                    .at(r.file, r.spans.field(Field::Org))
                    .also(earlier.file, earlier.spans.field(Field::Org), "báo cáo đã có ở đây")
                    .hint("mỗi tổ chức chỉ có một báo cáo mỗi năm: gộp hoặc xóa tệp thừa"),
            );
        } else {
            seen.insert((report.year, &report.org), r);
        }
    }

    for q in &loaded.quotas {
        for (code, span) in &q.value.quota_spans {
            let problem = match orgs.get(code) {
                None => Some(format!("không có tổ chức mã `{code}`")),
                Some(o) if !o.level.is_grassroots() => {
                    Some(format!("`{code}` là chi bộ trực thuộc: Đảng ủy Khối giao chỉ tiêu cho tổ chức cơ sở đảng"))
                }
                Some(o) if !o.active_in(q.value.year) => Some(format!("`{code}` không hoạt động trong năm {}", q.value.year)),
                Some(_) => None,
            };
            if let Some(message) = problem {
                out.push(
                    Diagnostic::error(Code::E015, message)
                        .at(q.file, Some(span.clone()))
                        .hint("chỉ giao chỉ tiêu cho đảng bộ cơ sở và chi bộ cơ sở đang hoạt động trong năm"),
                );
            }
        }
    }
}
