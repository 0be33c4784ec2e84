//! Which sections a report has, by the organization's level and the year's state: only
//! grassroots organizations send next year's plan; complete years carry the plan and the
//! required documents.

use super::Orgs;
use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::load::Loaded;
use app::schema::{Field, Section};

pub(super) fn check(loaded: &Loaded, orgs: &Orgs, out: &mut Vec<Diagnostic>) {
    for (_, _, r) in &loaded.reports {
        let rep = &r.value;
        let Some(org) = orgs.get(&rep.org) else { continue };
        let complete = rep.as_of.is_none();
        if rep.next_year_plan.is_some() && !org.level.is_grassroots() {
            out.push(
                Diagnostic::error(Code::E070, "chi bộ trực thuộc không gửi kế hoạch phát triển đảng viên lên Đảng ủy Khối")
                    .at(r.file, r.spans.section(Section::NextYearPlan))
                    .hint("xóa mục [ke_hoach_nam_sau]; kế hoạch do đảng bộ cơ sở gửi"),
            );
        }
        if complete && org.level.is_grassroots() && rep.next_year_plan.is_none() {
            out.push(
                Diagnostic::warning(Code::W071, format!("chưa ghi việc gửi kế hoạch phát triển đảng viên năm {}", rep.year + 1))
                    .at(r.file, r.spans.field(Field::Org))
                    .hint("thêm mục [ke_hoach_nam_sau] với `da_gui = true` và `ngay_gui`, hoặc `da_gui = false`"),
            );
        }
        if complete && rep.required_docs.is_none() {
            out.push(
                Diagnostic::warning(Code::W072, "chưa ghi tình hình các văn bản bắt buộc trong năm")
                    .at(r.file, r.spans.field(Field::Org))
                    .hint("thêm mục [van_ban_bat_buoc] (chương trình công tác, kiểm tra giám sát, phân công nhiệm vụ, kế hoạch Chỉ thị 05, bản cam kết)"),
            );
        }
    }
}
