//! Yearly quality ratings: grades and the not-rated add up to the members, the grade-1 cap of
//! the regulation in force, who may not be rated, and discipline counted in grade 4.

use super::Orgs;
use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::load::{Loaded, Located, ReportSpans};
use app::model::{Grade, Organization, RatingRules, Ratings, Report};
use app::schema::{Field, Section};
use chrono::NaiveDate;

/// Quy định 366-QĐ/TW (from 2025): an organization's grade follows its score out of 100, and
/// only then is there a score or the 25% exception to write.
fn score(r: &Located<Report, ReportSpans>, org: &Organization, ratings: &Ratings, rules: RatingRules, out: &mut Vec<Diagnostic>) {
    let scored = rules.score_thresholds().is_some();
    match (ratings.score, ratings.organization, scored) {
        (Some(points), Some(grade), true) => {
            let best = rules.grade_for_score(points).unwrap_or(Grade::Failed);
            // Grades order best first: a grade at or below the score's is fine.
            if grade >= best {
                return;
            }
            out.push(
                Diagnostic::error(
                    Code::E048,
                    format!("tổ chức đạt {points} điểm nhưng xếp loại “{}”, cao hơn mức “{}” của số điểm đó", grade.name(), best.name()),
                )
                .at(r.file, r.spans.field(Field::OrgGrade))
                .also(r.file, r.spans.field(Field::OrgScore), format!("`diem = {points}`"))
                .hint(format!("theo {}: xuất sắc từ 90 điểm, tốt từ 70, hoàn thành từ 50; sửa `to_chuc` hoặc `diem`", rules.name())),
            );
        }
        (None, Some(_), true) if org.level.is_grassroots() => out.push(
            Diagnostic::warning(Code::W049, format!("năm {} xếp loại tổ chức theo điểm nhưng chưa ghi `diem`", r.value.year))
                .at(r.file, r.spans.field(Field::OrgGrade))
                .hint("thêm `diem = 85` (điểm của tổ chức, thang 100) vào mục [xep_loai]"),
        ),
        (Some(_), _, false) => out.push(
            Diagnostic::warning(Code::W049, format!("năm {} chưa chấm điểm tổ chức theo thang 100 (áp dụng từ năm 2025)", r.value.year))
                .at(r.file, r.spans.field(Field::OrgScore))
                .hint(format!("xóa dòng `diem`: năm {} xếp loại theo {}", r.value.year, rules.name())),
        ),
        _ => {}
    }
    if ratings.cap_exception.is_some() && !scored {
        out.push(
            Diagnostic::warning(Code::W049, "giới hạn xuất sắc 25% chỉ áp dụng từ năm 2025 (Quy định 366-QĐ/TW)")
                .at(r.file, r.spans.field(Field::CapException))
                .hint(format!("xóa dòng `ngoai_le_25_phan_tram`: năm {} giới hạn là 20%", r.value.year)),
        );
    }
}

pub(super) fn check(loaded: &Loaded, orgs: &Orgs, out: &mut Vec<Diagnostic>) {
    for (_, _, r) in &loaded.reports {
        let rep = &r.value;
        let Some(org) = orgs.get(&rep.org) else { continue };
        let Some(ratings) = &rep.ratings else {
            continue;
        };
        if rep.as_of.is_some() {
            out.push(
                Diagnostic::error(Code::E047, "năm đang thực hiện chưa có xếp loại chất lượng")
                    .at(r.file, r.spans.section(Section::Ratings))
                    .hint("xóa mục [xep_loai]; xếp loại ghi vào báo cáo khi hết năm (không còn `ngay_so_lieu`)"),
            );
            continue;
        }
        let members = rep.members.end.total();
        let counted = ratings.rated() + ratings.not_rated();
        if counted != members {
            out.push(
                Diagnostic::error(
                    Code::E040,
                    format!(
                        "xếp loại {} đảng viên và không xếp loại {} (tổng {counted}), nhưng cuối năm có {members} đảng viên",
                        ratings.rated(),
                        ratings.not_rated()
                    ),
                )
                .at(r.file, r.spans.field(Field::MembersExcellent))
                .hint("mỗi đảng viên cuối năm thuộc đúng một mức xếp loại hoặc một lý do không xếp loại"),
            );
        }
        let rules = RatingRules::for_year(rep.year);
        let (num, den) = rules.excellent_cap(ratings.cap_exception == Some(true));
        score(r, org, ratings, rules, out);
        let (excellent, good) = (u64::from(ratings.count(Grade::Excellent)), u64::from(ratings.count(Grade::Good)));
        // The cap is counted per grassroots organization (a committee's report sums its branches).
        if org.level.is_grassroots() && excellent * den > good * num {
            out.push(
                Diagnostic::error(
                    Code::E041,
                    format!(
                        "{excellent} đảng viên hoàn thành xuất sắc nhiệm vụ vượt {}% số hoàn thành tốt nhiệm vụ ({good}): tối đa {}",
                        num * 100 / den,
                        good * num / den
                    ),
                )
                .at(r.file, r.spans.field(Field::MembersExcellent))
                .hint(format!(
                    "theo {}, số đảng viên xuất sắc không quá {}% số đảng viên hoàn thành tốt nhiệm vụ trong tổ chức cơ sở đảng",
                    rules.name(),
                    num * 100 / den
                )),
            );
        }
        if ratings.not_rated_exempted != rep.members.exempted {
            out.push(
                Diagnostic::error(
                    Code::E042,
                    format!(
                        "không xếp loại vì miễn sinh hoạt là {}, nhưng `dang_vien.mien_sinh_hoat = {}`",
                        ratings.not_rated_exempted, rep.members.exempted
                    ),
                )
                .at(r.file, r.spans.field(Field::NotRatedExempted))
                .hint("đảng viên được miễn công tác và sinh hoạt đảng không xếp loại: hai số phải bằng nhau"),
            );
        }
        if ratings.not_rated_suspended != rep.members.suspended {
            out.push(
                Diagnostic::error(
                    Code::E042,
                    format!(
                        "không xếp loại vì đình chỉ là {}, nhưng `dang_vien.dinh_chi = {}`",
                        ratings.not_rated_suspended, rep.members.suspended
                    ),
                )
                .at(r.file, r.spans.field(Field::NotRatedSuspended))
                .hint("đảng viên đang bị đình chỉ sinh hoạt không xếp loại: hai số phải bằng nhau"),
            );
        }
        if ratings.not_rated_new > rep.movements.admitted {
            out.push(
                Diagnostic::error(
                    Code::E046,
                    format!(
                        "{} đảng viên không xếp loại vì mới kết nạp dưới 6 tháng, nhưng cả năm chỉ kết nạp {}",
                        ratings.not_rated_new, rep.movements.admitted
                    ),
                )
                .at(r.file, r.spans.field(Field::NotRatedNew))
                .hint("đảng viên kết nạp dưới 6 tháng là người được kết nạp trong năm: số này không vượt `ket_nap`"),
            );
        }
        // An organization founded less than 6 months before the year end is not rated.
        let young = NaiveDate::from_ymd_opt(rep.year, 6, 30).is_some_and(|mid| org.founded > mid);
        match (ratings.organization, young) {
            (Some(_), true) => out.push(
                Diagnostic::error(
                    Code::E043,
                    format!("tổ chức thành lập ngày {}, chưa đủ 6 tháng nên không xếp loại", app::format::date(org.founded)),
                )
                .at(r.file, r.spans.field(Field::OrgGrade))
                .hint("xóa dòng `to_chuc` trong mục [xep_loai]"),
            ),
            (None, false) => out.push(
                Diagnostic::warning(Code::W044, "chưa ghi xếp loại của chính tổ chức")
                    .at(r.file, r.spans.section(Section::Ratings))
                    .hint("thêm `to_chuc = \"tot\"` (xuat_sac | tot | hoan_thanh | khong_hoan_thanh) vào mục [xep_loai]"),
            ),
            _ => {}
        }
        let failed = ratings.count(Grade::Failed);
        if rep.members.disciplined > failed {
            out.push(
                Diagnostic::warning(Code::W045, format!(
                    "{} đảng viên bị kỷ luật trong năm nhưng chỉ {failed} đảng viên không hoàn thành nhiệm vụ",
                    rep.members.disciplined))
                    .at(r.file, r.spans.field(Field::Disciplined))
                    .hint("đảng viên bị kỷ luật trong năm xếp loại không hoàn thành nhiệm vụ, trừ khi tự phát hiện và khắc phục: kiểm tra lại hai số"),
            );
        }
    }
}
