//! Branch meetings and required documents, for complete years and the year in progress.
//!
//! Branches are the organizations that hold meetings: chi bộ trực thuộc and chi bộ cơ sở. A
//! year in progress covers the months up to its `as_of` date (the month of `as_of` included)
//! and the quarters those months touch.

use super::{scope, Ratio};
use crate::format;
use crate::model::{Dataset, Level, Meetings, RequiredDocs};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A mean kept as its sum and count: the mean meeting score is `sum / count`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mean {
    pub sum: u64,
    pub count: u64,
}

impl Mean {
    pub fn value(self) -> Option<f64> {
        (self.count > 0).then(|| self.sum as f64 / self.count as f64)
    }

    /// One decimal with a comma, rounded half up in integers: "87,5"; "—" when there is no value.
    pub fn value_string(self) -> String {
        format::tenths(self.sum, self.count).map_or_else(|| "—".to_string(), format::decimal)
    }
}

/// The five documents a branch keeps each year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum DocKind {
    WorkProgramme,
    InspectionProgramme,
    TaskAssignment,
    Directive05Plan,
    Commitments,
}

impl DocKind {
    pub const ALL: [DocKind; 5] =
        [DocKind::WorkProgramme, DocKind::InspectionProgramme, DocKind::TaskAssignment, DocKind::Directive05Plan, DocKind::Commitments];

    pub fn name(self) -> &'static str {
        match self {
            DocKind::WorkProgramme => "Chương trình công tác năm",
            DocKind::InspectionProgramme => "Chương trình kiểm tra, giám sát",
            DocKind::TaskAssignment => "Phân công nhiệm vụ cho đảng viên",
            DocKind::Directive05Plan => "Kế hoạch thực hiện Chỉ thị 05-CT/TW",
            DocKind::Commitments => "Bản cam kết tu dưỡng, rèn luyện",
        }
    }

    pub fn is_done(self, docs: &RequiredDocs) -> bool {
        match self {
            DocKind::WorkProgramme => docs.work_programme,
            DocKind::InspectionProgramme => docs.inspection_programme,
            DocKind::TaskAssignment => docs.task_assignment,
            DocKind::Directive05Plan => docs.directive_05_plan,
            DocKind::Commitments => docs.commitments,
        }
    }
}

/// Required documents over the branches that reported them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocsSummary {
    /// Branches that reported their documents.
    pub reporting: u64,
    /// Branches with all five done ÷ branches reporting.
    pub all_done: Ratio,
    /// Branches with each document done, indexed by `DocKind as usize`.
    pub per_kind: [u64; 5],
}

impl DocsSummary {
    /// Branches with `kind` done ÷ branches reporting.
    pub fn done(&self, kind: DocKind) -> Ratio {
        Ratio::new(self.per_kind[kind as usize], self.reporting)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeetingsYear {
    pub year: i32,
    /// Set for a year in progress.
    pub as_of: Option<NaiveDate>,
    /// Months the year's figures cover: 12, or up to the month of `as_of`.
    pub months_covered: usize,
    /// Branches that reported meetings: the denominator of the branch shares below.
    pub branches: u64,
    /// Branches that held a regular meeting in every covered month.
    pub every_month: Ratio,
    /// Complete years only: branches that held a regular meeting in every month and at least
    /// the year's target number of regular meetings (12 by default).
    pub full_year: Option<Ratio>,
    /// Attended ÷ expected attendances, summed over branches.
    pub attendance: Ratio,
    pub unexcused_absences: u64,
    /// Branches with no absence without a valid reason.
    pub without_unexcused: Ratio,
    pub thematic: u64,
    pub forums: u64,
    /// Chi bộ trực thuộc reporting meetings that the grassroots committee visited at least once
    /// in every covered quarter (a branch that gave no visits is counted as not visited).
    pub visited_every_quarter: Ratio,
    /// Mean meeting score, over branches that report one.
    pub score: Mean,
    pub documents: DocsSummary,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MeetingsOverview {
    pub years: Vec<MeetingsYear>,
}

impl MeetingsOverview {
    pub fn year(&self, year: i32) -> Option<&MeetingsYear> {
        self.years.iter().find(|y| y.year == year)
    }

    pub fn latest(&self) -> Option<&MeetingsYear> {
        self.years.last()
    }
}

/// A regular meeting in each of the first `months` months.
fn held_every_month(m: &Meetings, months: usize) -> bool {
    m.monthly.len() >= months && m.monthly[..months].iter().all(|&n| n >= 1)
}

/// At least one upper-committee visit in each quarter the months touch.
fn visited_every_quarter(m: &Meetings, months: usize) -> bool {
    let quarters = months.div_ceil(3);
    m.upper_visits.as_ref().is_some_and(|v| v.len() >= quarters && v[..quarters].iter().all(|&n| n >= 1))
}

/// Meetings of every year with reports, complete or in progress.
pub fn meetings_overview(data: &Dataset) -> MeetingsOverview {
    let years = data
        .years
        .iter()
        .filter(|(_, y)| !y.reports.is_empty())
        .map(|(&year, y)| {
            let as_of = scope::as_of(y);
            let per_year = u64::from(data.rules(year).targets.meetings_per_year);
            let mut out = MeetingsYear {
                year,
                as_of,
                months_covered: as_of.map_or(12, |d| d.month() as usize),
                branches: 0,
                every_month: Ratio::default(),
                full_year: as_of.is_none().then(Ratio::default),
                attendance: Ratio::default(),
                unexcused_absences: 0,
                without_unexcused: Ratio::default(),
                thematic: 0,
                forums: 0,
                visited_every_quarter: Ratio::default(),
                score: Mean::default(),
                documents: DocsSummary::default(),
            };
            for (org, r) in scope::branches(data, y) {
                if let Some(docs) = &r.required_docs {
                    let d = &mut out.documents;
                    d.reporting += 1;
                    d.all_done += Ratio::new(u64::from(docs.done() == RequiredDocs::TOTAL), 1);
                    for kind in DocKind::ALL {
                        d.per_kind[kind as usize] += u64::from(kind.is_done(docs));
                    }
                }
                let Some(m) = &r.meetings else { continue };
                let months = r.months_covered();
                let one = |yes: bool| Ratio::new(u64::from(yes), 1);
                out.branches += 1;
                out.every_month += one(held_every_month(m, months));
                if let Some(full) = out.full_year.as_mut() {
                    let total: u64 = m.monthly.iter().map(|&n| u64::from(n)).sum();
                    *full += one(held_every_month(m, 12) && total >= per_year);
                }
                out.attendance += Ratio::new(u64::from(m.attended), u64::from(m.attendance_expected));
                out.unexcused_absences += u64::from(m.unexcused_absences);
                out.without_unexcused += one(m.unexcused_absences == 0);
                out.thematic += u64::from(m.thematic);
                out.forums += u64::from(m.forums);
                if matches!(org.level, Level::Branch { .. }) {
                    out.visited_every_quarter += one(visited_every_quarter(m, months));
                }
                if let Some(score) = m.score {
                    out.score.sum += u64::from(score);
                    out.score.count += 1;
                }
            }
            out
        })
        .collect();
    MeetingsOverview { years }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::testdata;

    #[test]
    fn a_complete_year() {
        let o = meetings_overview(&testdata::dataset());
        let y = o.year(2024).unwrap();
        assert_eq!((y.as_of, y.months_covered, y.branches), (None, 12, 4));
        // A01-01 and B01 met every month; A01-02 skipped June (though 12 in all), C01 began in September.
        assert_eq!(y.every_month, Ratio::new(2, 4));
        assert_eq!(y.full_year, Some(Ratio::new(2, 4)));
        assert_eq!(y.attendance.display(), "412/462 (89,2%)");
        assert_eq!(y.unexcused_absences, 7);
        assert_eq!(y.without_unexcused, Ratio::new(2, 4));
        assert_eq!((y.thematic, y.forums), (4, 2));
        // Only chi bộ trực thuộc are visited: A01-01 every quarter, A01-02 not in the second.
        assert_eq!(y.visited_every_quarter, Ratio::new(1, 2));
        assert_eq!(y.score, Mean { sum: 160, count: 2 });
        assert_eq!(y.score.value_string(), "80,0");
    }

    #[test]
    fn required_documents_of_branches_only() {
        let o = meetings_overview(&testdata::dataset());
        let d = &o.year(2024).unwrap().documents;
        // The committee A01's own documents are not a branch's.
        assert_eq!(d.reporting, 4);
        assert_eq!(d.all_done, Ratio::new(2, 4));
        assert_eq!(d.per_kind, [4, 3, 4, 3, 3]);
        assert_eq!(d.done(DocKind::Commitments).display(), "3/4 (75,0%)");
        assert_eq!(DocKind::Directive05Plan.name(), "Kế hoạch thực hiện Chỉ thị 05-CT/TW");
    }

    #[test]
    fn a_year_in_progress_covers_its_months_and_quarters() {
        let o = meetings_overview(&testdata::dataset());
        let y = o.latest().unwrap();
        assert_eq!((y.year, y.as_of, y.months_covered), (2025, Some(testdata::date(2025, 9, 30)), 9));
        // C01 skipped May; no full-year figure before the year ends.
        assert_eq!(y.every_month, Ratio::new(3, 4));
        assert_eq!(y.full_year, None);
        assert_eq!(y.attendance, Ratio::new(345, 378));
        assert_eq!(y.attendance.percent_string(), "91,3%");
        assert_eq!((y.unexcused_absences, y.thematic, y.forums), (3, 2, 2));
        assert_eq!(y.visited_every_quarter, Ratio::new(1, 2));
        assert_eq!(y.score.value_string(), "87,5");
        assert_eq!(y.documents.reporting, 1);
        assert_eq!(y.documents.all_done, Ratio::new(1, 1));
    }

    #[test]
    fn means_round_half_up() {
        assert_eq!(Mean { sum: 2, count: 3 }.value_string(), "0,7");
        assert_eq!(Mean { sum: 1, count: 8 }.value_string(), "0,1");
        assert_eq!(Mean { sum: 3, count: 8 }.value_string(), "0,4");
        assert_eq!(Mean::default().value_string(), "—");
        assert_eq!(Mean::default().value(), None);
    }
}
