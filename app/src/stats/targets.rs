//! Attainment of the Khối's yearly targets (the year's `Rulebook`) in complete years.
//!
//! Each target keeps the achieved ratio, whether it is met (exact integer comparison) and the
//! gap: how many more organizations, branches, members or attendances are needed, or how many
//! are over a ceiling.

use super::{Gap, MeetingsOverview, MeetingsYear, RatingsOverview, RatingsYear, Ratio};
use crate::model::{Dataset, Rulebook};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum TargetKey {
    OrgGoodOrBetter,
    OrgExcellent,
    OrgNoFailed,
    BranchGoodOrBetter,
    BranchExcellent,
    BranchNoFailed,
    MemberGoodOrBetter,
    MemberExcellent,
    Attendance,
    MonthlyMeetings,
    RequiredDocuments,
}

impl TargetKey {
    /// What is counted, for phrases such as "Còn thiếu 3 chi bộ".
    pub fn unit(self) -> &'static str {
        match self {
            TargetKey::OrgGoodOrBetter | TargetKey::OrgExcellent | TargetKey::OrgNoFailed => "tổ chức",
            TargetKey::MemberGoodOrBetter | TargetKey::MemberExcellent => "đảng viên",
            TargetKey::Attendance => "lượt",
            _ => "chi bộ",
        }
    }
}

/// The form of a target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Goal {
    /// At least this percent.
    AtLeast(u32),
    /// Between these percents, both included.
    Range { min: u32, max: u32 },
    /// None at all (a count, shown against those rated).
    Zero,
}

impl Goal {
    /// "≥ 80%", "100%", "15–20%", "không có".
    pub fn text(self) -> String {
        match self {
            Goal::AtLeast(100) => "100%".to_string(),
            Goal::AtLeast(p) => format!("≥ {p}%"),
            Goal::Range { min, max } => format!("{min}–{max}%"),
            Goal::Zero => "không có".to_string(),
        }
    }

    /// How far `achieved` is from the goal.
    pub fn gap(self, achieved: Ratio) -> Gap {
        match self {
            Goal::AtLeast(p) => achieved.gap_to(p),
            Goal::Range { min, max } => achieved.gap_to_range(min, max),
            Goal::Zero => achieved.gap_to_max(0),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetResult {
    pub key: TargetKey,
    /// In Vietnamese: "Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên".
    pub name: String,
    pub goal: Goal,
    /// The goal as shown: "≥ 80%", "15–20%", "không có".
    pub target: String,
    pub achieved: Ratio,
    pub met: bool,
    pub gap: Gap,
}

impl TargetResult {
    pub fn new(key: TargetKey, name: impl Into<String>, goal: Goal, achieved: Ratio) -> TargetResult {
        let gap = goal.gap(achieved);
        TargetResult { key, name: name.into(), goal, target: goal.text(), achieved, met: gap.is_met(), gap }
    }

    /// "Đạt", "Còn thiếu 1 chi bộ", "Vượt 2 đảng viên", "Chưa có số liệu".
    pub fn gap_text(&self) -> String {
        self.gap.describe(self.key.unit())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetYear {
    pub year: i32,
    pub rules: Rulebook,
    pub results: Vec<TargetResult>,
}

impl TargetYear {
    pub fn get(&self, key: TargetKey) -> Option<&TargetResult> {
        self.results.iter().find(|r| r.key == key)
    }

    /// Targets met ÷ targets.
    pub fn met(&self) -> Ratio {
        Ratio::new(self.results.iter().filter(|r| r.met).count() as u64, self.results.len() as u64)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TargetsOverview {
    pub years: Vec<TargetYear>,
}

impl TargetsOverview {
    pub fn year(&self, year: i32) -> Option<&TargetYear> {
        self.years.iter().find(|y| y.year == year)
    }

    pub fn latest(&self) -> Option<&TargetYear> {
        self.years.last()
    }
}

/// One complete year's targets from its ratings and meetings.
pub fn target_year(rules: Rulebook, ratings: &RatingsYear, meetings: &MeetingsYear) -> TargetYear {
    use Goal::*;
    use TargetKey::*;
    let t = rules.targets;
    let (o, b, m) = (&ratings.organizations, &ratings.branches, &ratings.members);
    let results = vec![
        TargetResult::new(
            OrgGoodOrBetter,
            "Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên",
            AtLeast(t.org_good_or_better),
            o.good_or_better,
        ),
        TargetResult::new(OrgExcellent, "Tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ", AtLeast(t.org_excellent), o.excellent),
        TargetResult::new(OrgNoFailed, "Tổ chức cơ sở đảng không hoàn thành nhiệm vụ", Zero, Ratio::new(o.failed, o.rated)),
        TargetResult::new(
            BranchGoodOrBetter,
            "Chi bộ trực thuộc hoàn thành tốt nhiệm vụ trở lên",
            AtLeast(t.branch_good_or_better),
            b.good_or_better,
        ),
        TargetResult::new(BranchExcellent, "Chi bộ trực thuộc hoàn thành xuất sắc nhiệm vụ", AtLeast(t.branch_excellent), b.excellent),
        TargetResult::new(BranchNoFailed, "Chi bộ trực thuộc không hoàn thành nhiệm vụ", Zero, Ratio::new(b.failed, b.rated)),
        TargetResult::new(
            MemberGoodOrBetter,
            "Đảng viên hoàn thành tốt nhiệm vụ trở lên",
            AtLeast(t.member_good_or_better),
            m.good_or_better,
        ),
        TargetResult::new(
            MemberExcellent,
            "Đảng viên hoàn thành xuất sắc nhiệm vụ",
            Range { min: t.member_excellent_min, max: t.member_excellent_max },
            m.excellent,
        ),
        TargetResult::new(Attendance, "Đảng viên dự sinh hoạt chi bộ định kỳ", AtLeast(t.attendance), meetings.attendance),
        TargetResult::new(
            MonthlyMeetings,
            format!("Chi bộ sinh hoạt định kỳ hằng tháng, đủ {} buổi trong năm", t.meetings_per_year),
            AtLeast(100),
            meetings.full_year.unwrap_or(meetings.every_month),
        ),
        TargetResult::new(
            RequiredDocuments,
            "Chi bộ hoàn thành đủ các văn bản bắt buộc",
            AtLeast(t.required_documents),
            meetings.documents.all_done,
        ),
    ];
    TargetYear { year: rules.year, rules, results }
}

/// Targets of every complete year, from ratings and meetings computed once.
pub fn targets_overview(data: &Dataset, ratings: &RatingsOverview, meetings: &MeetingsOverview) -> TargetsOverview {
    let years = ratings
        .years
        .iter()
        .filter_map(|r| {
            let m = meetings.year(r.year).filter(|m| m.as_of.is_none())?;
            Some(target_year(data.rules(r.year), r, m))
        })
        .collect();
    TargetsOverview { years }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::{meetings_overview, ratings_overview, testdata};

    fn year_2024(data: &Dataset) -> TargetYear {
        let o = targets_overview(data, &ratings_overview(data), &meetings_overview(data));
        assert_eq!(o.years.len(), 1, "only the complete year has targets");
        o.year(2024).unwrap().clone()
    }

    fn row(y: &TargetYear, key: TargetKey) -> (String, Ratio, bool, Gap) {
        let r = y.get(key).unwrap();
        (r.target.clone(), r.achieved, r.met, r.gap)
    }

    #[test]
    fn every_target_of_a_complete_year() {
        use TargetKey::*;
        let y = year_2024(&testdata::dataset());
        let s = |t: &str| t.to_string();
        assert_eq!(y.results.len(), 11);
        assert_eq!(y.get(OrgGoodOrBetter).unwrap().name, "Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên");
        assert_eq!(row(&y, OrgGoodOrBetter), (s("≥ 80%"), Ratio::new(2, 2), true, Gap::Met));
        assert_eq!(row(&y, OrgExcellent), (s("≥ 20%"), Ratio::new(1, 2), true, Gap::Met));
        assert_eq!(row(&y, OrgNoFailed), (s("không có"), Ratio::new(0, 2), true, Gap::Met));
        // 1 of 2 branches good or better: 80% of 2 is 1,6, so one more is needed.
        assert_eq!(row(&y, BranchGoodOrBetter), (s("≥ 80%"), Ratio::new(1, 2), false, Gap::Short(1)));
        assert_eq!(row(&y, BranchExcellent), (s("≥ 20%"), Ratio::new(0, 2), false, Gap::Short(1)));
        assert_eq!(row(&y, BranchNoFailed), (s("không có"), Ratio::new(0, 2), true, Gap::Met));
        // Members exactly on both boundaries: 34/40 = 85%, 6/40 = 15%.
        assert_eq!(row(&y, MemberGoodOrBetter), (s("≥ 85%"), Ratio::new(34, 40), true, Gap::Met));
        assert_eq!(row(&y, MemberExcellent), (s("15–20%"), Ratio::new(6, 40), true, Gap::Met));
        assert_eq!(row(&y, Attendance), (s("≥ 85%"), Ratio::new(412, 462), true, Gap::Met));
        assert_eq!(row(&y, MonthlyMeetings), (s("100%"), Ratio::new(2, 4), false, Gap::Short(2)));
        assert_eq!(row(&y, RequiredDocuments), (s("100%"), Ratio::new(2, 4), false, Gap::Short(2)));
        assert_eq!(y.met(), Ratio::new(7, 11));
        assert_eq!(y.get(BranchGoodOrBetter).unwrap().gap_text(), "Còn thiếu 1 chi bộ");
        assert_eq!(y.get(MemberExcellent).unwrap().gap_text(), "Đạt");
    }

    #[test]
    fn a_ceiling_and_none_at_all_report_how_many_over() {
        let mut data = testdata::dataset();
        let y = data.years.get_mut(&2024).unwrap();
        // Three more excellent members in A01-01 (and so in A01), taken from grade 2; A01-02 fails.
        for code in ["A01-01", "A01"] {
            let rt = y.reports.get_mut(&testdata::code(code)).unwrap().ratings.as_mut().unwrap();
            rt.members[0] += 3;
            rt.members[1] -= 3;
        }
        y.reports.get_mut(&testdata::code("A01-02")).unwrap().ratings.as_mut().unwrap().organization = Some(crate::model::Grade::Failed);
        let t = year_2024(&data);
        // 9 of 40 excellent: 20% of 40 is 8, one over.
        assert_eq!(row(&t, TargetKey::MemberExcellent), ("15–20%".into(), Ratio::new(9, 40), false, Gap::Over(1)));
        assert_eq!(t.get(TargetKey::MemberExcellent).unwrap().gap_text(), "Vượt 1 đảng viên");
        assert_eq!(row(&t, TargetKey::BranchNoFailed), ("không có".into(), Ratio::new(1, 2), false, Gap::Over(1)));
    }

    #[test]
    fn a_years_own_targets_apply() {
        let mut data = testdata::dataset();
        let mut rules = Rulebook::for_year(2024);
        rules.targets.attendance = 90;
        rules.targets.member_good_or_better = 90;
        data.years.get_mut(&2024).unwrap().rules = Some(rules);
        let y = year_2024(&data);
        assert_eq!(y.rules, rules);
        // 412/462 = 89,2% < 90%: 90% of 462 is 415,8 → 4 more attendances.
        assert_eq!(row(&y, TargetKey::Attendance), ("≥ 90%".into(), Ratio::new(412, 462), false, Gap::Short(4)));
        assert_eq!(row(&y, TargetKey::MemberGoodOrBetter).3, Gap::Short(2));
    }
}
