//! Branch meetings: only branches report them; months and quarters match the period covered;
//! attendance and absences are possible; a score is out of 100.

use super::Orgs;
use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::load::Loaded;
use app::model::Level;
use app::schema::{Field, Section};

pub(super) fn check(loaded: &Loaded, orgs: &Orgs, out: &mut Vec<Diagnostic>) {
    for (_, _, r) in &loaded.reports {
        let rep = &r.value;
        let Some(org) = orgs.get(&rep.org) else { continue };
        let Some(m) = &rep.meetings else {
            if org.level.holds_meetings() {
                out.push(
                    Diagnostic::warning(Code::W053, "chi bộ chưa báo cáo sinh hoạt chi bộ")
                        .at(r.file, r.spans.field(Field::Org))
                        .hint("thêm mục [sinh_hoat] với số buổi sinh hoạt từng tháng và số lượt dự"),
                );
            }
            continue;
        };
        if !org.level.holds_meetings() {
            out.push(
                Diagnostic::error(Code::E052, "đảng bộ cơ sở không báo cáo mục [sinh_hoat]")
                    .at(r.file, r.spans.section(Section::Meetings))
                    .hint("sinh hoạt do từng chi bộ trực thuộc báo cáo: xóa mục [sinh_hoat] khỏi báo cáo của đảng bộ cơ sở"),
            );
            continue;
        }
        let months = rep.months_covered();
        if m.monthly.len() != months {
            out.push(
                Diagnostic::error(Code::E060, format!("`dinh_ky_theo_thang` có {} tháng, phải có {months}", m.monthly.len()))
                    .at(r.file, r.spans.field(Field::MeetingsMonthly))
                    .hint("ghi số buổi sinh hoạt định kỳ của từng tháng, từ tháng 1 đến tháng cuối của kỳ báo cáo"),
            );
        }
        if m.attended > m.attendance_expected {
            out.push(
                Diagnostic::error(Code::E061, format!("lượt có mặt ({}) nhiều hơn lượt phải dự ({})", m.attended, m.attendance_expected))
                    .at(r.file, r.spans.field(Field::Attended))
                    .hint("lượt có mặt không vượt lượt đảng viên phải dự các buổi sinh hoạt"),
            );
        } else if m.unexcused_absences > m.attendance_expected - m.attended {
            out.push(
                Diagnostic::error(
                    Code::E062,
                    format!(
                        "{} lượt vắng không lý do, nhưng chỉ có {} lượt vắng",
                        m.unexcused_absences,
                        m.attendance_expected - m.attended
                    ),
                )
                .at(r.file, r.spans.field(Field::UnexcusedAbsences))
                .hint("lượt vắng không lý do nằm trong số lượt vắng (phải dự − có mặt)"),
            );
        }
        if let Some(visits) = &m.upper_visits {
            let quarters = months.div_ceil(3);
            if !matches!(org.level, Level::Branch { .. }) {
                out.push(
                    Diagnostic::error(Code::E063, "`cap_uy_du_theo_quy` chỉ dành cho chi bộ trực thuộc đảng bộ cơ sở")
                        .at(r.file, r.spans.field(Field::UpperVisits))
                        .hint("xóa dòng này: chi bộ cơ sở không có cấp ủy cơ sở cấp trên dự sinh hoạt"),
                );
            } else if visits.len() != quarters {
                out.push(
                    Diagnostic::error(Code::E063, format!("`cap_uy_du_theo_quy` có {} quý, phải có {quarters}", visits.len()))
                        .at(r.file, r.spans.field(Field::UpperVisits))
                        .hint("ghi số lượt cấp ủy cơ sở dự sinh hoạt của từng quý trong kỳ báo cáo"),
                );
            }
        }
        if let Some(score) = m.score.filter(|&s| s > 100) {
            out.push(
                Diagnostic::error(Code::E064, format!("điểm sinh hoạt {score} vượt thang 100 điểm"))
                    .at(r.file, r.spans.field(Field::MeetingScore))
                    .hint("ghi điểm từ 0 đến 100"),
            );
        }
    }
}
