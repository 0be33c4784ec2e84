//! How the breakdowns of the forms relate to their whole: "trong đó" counts are each a part of
//! it, age bands and education levels partition it, discipline forms add up to the disciplined.
//! Declared once here; the check (`site::check::composition`) and the docs follow.

use super::{
    Field, ADMITTED_AGES, ADMITTED_PROFILE, ADMITTED_QUALIFICATION, ADMITTED_SCHOOLING, BADGES, DISCIPLINE, MEMBERS_AT_END, MEMBER_AGES,
    MEMBER_QUALIFICATION, MEMBER_SCHOOLING, THEORY,
};
use crate::model::Report;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Each part ≤ the whole (the parts may overlap).
    EachAtMost,
    /// The parts together ≤ the whole (not everyone is in one).
    SumAtMost,
    /// Everyone is in exactly one part.
    SumEquals,
}

pub struct Relation {
    pub parts: &'static [Field],
    /// Summed: the members at the end are full + probationary.
    pub whole: &'static [Field],
    pub rule: Rule,
    /// What the parts are, for messages: "các nhóm tuổi của đảng viên mới kết nạp".
    pub parts_name: &'static str,
    /// What the whole is: "đảng viên mới kết nạp (`bien_dong.ket_nap`)".
    pub whole_name: &'static str,
}

impl Relation {
    /// The whole in `r`.
    pub fn whole_of(&self, r: &Report) -> u64 {
        self.whole.iter().filter_map(|f| f.count(r)).map(u64::from).sum()
    }

    /// The parts in `r`, or `None` where the report does not have their section.
    pub fn parts_of(&self, r: &Report) -> Option<Vec<(Field, u32)>> {
        self.parts.iter().map(|&f| f.count(r).map(|n| (f, n))).collect()
    }
}

const ADMITTED: &str = "đảng viên mới kết nạp (`bien_dong.ket_nap`)";
const AT_END: &str = "đảng viên cuối năm (chính thức + dự bị)";

const fn sum_equals(parts: &'static [Field], whole: &'static [Field], parts_name: &'static str, whole_name: &'static str) -> Relation {
    Relation { parts, whole, rule: Rule::SumEquals, parts_name, whole_name }
}

const fn each(parts: &'static [Field], whole: &'static [Field], whole_name: &'static str) -> Relation {
    Relation { parts, whole, rule: Rule::EachAtMost, parts_name: "", whole_name }
}

pub const RELATIONS: &[Relation] = &[
    each(&ADMITTED_PROFILE, &[Field::Admitted], ADMITTED),
    sum_equals(&ADMITTED_AGES, &[Field::Admitted], "các nhóm tuổi của đảng viên mới kết nạp", ADMITTED),
    sum_equals(&ADMITTED_SCHOOLING, &[Field::Admitted], "trình độ giáo dục phổ thông của đảng viên mới kết nạp", ADMITTED),
    sum_equals(&ADMITTED_QUALIFICATION, &[Field::Admitted], "trình độ chuyên môn của đảng viên mới kết nạp", ADMITTED),
    each(
        &[Field::MemberWomen, Field::MemberEthnicMinority, Field::MemberReligious, Field::MemberYouthUnion, Field::Retired],
        &MEMBERS_AT_END,
        AT_END,
    ),
    each(&[Field::RetiredExempted], &[Field::Retired], "đảng viên đã nghỉ hưu (`huu_tri`)"),
    each(&[Field::RetiredExempted], &[Field::Exempted], "đảng viên được miễn công tác và sinh hoạt (`dang_vien.mien_sinh_hoat`)"),
    sum_equals(&MEMBER_AGES, &MEMBERS_AT_END, "các nhóm tuổi của đảng viên", AT_END),
    sum_equals(&MEMBER_SCHOOLING, &MEMBERS_AT_END, "trình độ giáo dục phổ thông của đảng viên", AT_END),
    sum_equals(&MEMBER_QUALIFICATION, &MEMBERS_AT_END, "trình độ chuyên môn của đảng viên", AT_END),
    Relation {
        parts: &THEORY,
        whole: &MEMBERS_AT_END,
        rule: Rule::SumAtMost,
        parts_name: "các trình độ lý luận chính trị",
        whole_name: AT_END,
    },
    each(&[Field::TransferredInOtherProvince], &[Field::TransferredIn], "đảng viên chuyển đến (`chuyen_den`)"),
    each(&[Field::TransferredOutOtherProvince], &[Field::TransferredOut], "đảng viên chuyển đi (`chuyen_di`)"),
    Relation {
        parts: &BADGES, whole: &MEMBERS_AT_END, rule: Rule::SumAtMost, parts_name: "huy hiệu Đảng được trao", whole_name: AT_END
    },
    sum_equals(&DISCIPLINE, &[Field::Disciplined], "các hình thức kỷ luật", "đảng viên bị kỷ luật trong năm (`dang_vien.ky_luat`)"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{Privacy, FIELDS};

    /// Every count of a breakdown section is held to its whole by some relation.
    #[test]
    fn every_breakdown_field_has_a_relation() {
        use crate::schema::Section as S;
        let breakdowns =
            [S::MemberProfile, S::MemberAges, S::MemberEducation, S::AdmittedProfile, S::AdmittedAges, S::AdmittedEducation, S::Discipline];
        for f in FIELDS.iter().filter(|f| breakdowns.contains(&f.section)) {
            assert!(RELATIONS.iter().any(|r| r.parts.contains(&f.field)), "{} has no relation", f.path());
            assert_ne!(f.privacy, Privacy::Unpublished);
        }
    }
}
