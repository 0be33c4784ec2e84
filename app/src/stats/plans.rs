//! Next year's development plans: which grassroots organizations sent theirs by the year's
//! deadline, late, not at all, or did not report it (complete years only).

use super::{scope, Ratio};
use crate::model::{Dataset, NextYearPlan, OrgCode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LatePlan {
    pub code: OrgCode,
    pub sent: NaiveDate,
    /// Days after the deadline.
    pub days_late: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlansYear {
    /// The year the reports are for; the plans are for the year after.
    pub year: i32,
    /// With no deadline set, every plan sent counts as on time.
    pub deadline: Option<NaiveDate>,
    /// Each list in code order.
    pub on_time: Vec<OrgCode>,
    pub late: Vec<LatePlan>,
    pub not_sent: Vec<OrgCode>,
    /// Grassroots organizations active in the year whose report is missing or says nothing of the plan.
    pub not_reported: Vec<OrgCode>,
}

impl PlansYear {
    /// Grassroots organizations expected to send a plan.
    pub fn expected(&self) -> u64 {
        (self.on_time.len() + self.late.len() + self.not_sent.len() + self.not_reported.len()) as u64
    }

    pub fn sent(&self) -> u64 {
        (self.on_time.len() + self.late.len()) as u64
    }

    /// Sent on time ÷ expected.
    pub fn on_time_ratio(&self) -> Ratio {
        Ratio::new(self.on_time.len() as u64, self.expected())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PlansOverview {
    pub years: Vec<PlansYear>,
}

impl PlansOverview {
    pub fn year(&self, year: i32) -> Option<&PlansYear> {
        self.years.iter().find(|y| y.year == year)
    }

    pub fn latest(&self) -> Option<&PlansYear> {
        self.years.last()
    }
}

/// Plans sent in every complete year.
pub fn plans_overview(data: &Dataset) -> PlansOverview {
    let years = data
        .years
        .iter()
        .filter(|(_, y)| scope::is_complete(y))
        .map(|(&year, y)| {
            let deadline = y.plan_deadline;
            let mut out =
                PlansYear { year, deadline, on_time: Vec::new(), late: Vec::new(), not_sent: Vec::new(), not_reported: Vec::new() };
            for org in data.orgs.values().filter(|o| o.level.is_grassroots() && o.active_in(year)) {
                let code = org.code.clone();
                match y.reports.get(&org.code).and_then(|r| r.next_year_plan) {
                    Some(NextYearPlan::Sent(sent)) => match deadline {
                        Some(d) if sent > d => out.late.push(LatePlan { code, sent, days_late: (sent - d).num_days() }),
                        _ => out.on_time.push(code),
                    },
                    Some(NextYearPlan::NotSent) => out.not_sent.push(code),
                    None => out.not_reported.push(code),
                }
            }
            out
        })
        .collect();
    PlansOverview { years }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::testdata::{self, code, date};

    #[test]
    fn on_time_late_and_not_sent() {
        let o = plans_overview(&testdata::dataset());
        assert_eq!(o.years.len(), 1, "a year in progress has no plans yet");
        let y = o.latest().unwrap();
        assert_eq!((y.year, y.deadline), (2024, Some(date(2024, 11, 5))));
        assert_eq!(y.on_time, [code("A01")]);
        assert_eq!(y.late, [LatePlan { code: code("B01"), sent: date(2024, 11, 10), days_late: 5 }]);
        assert_eq!(y.not_sent, [code("C01")]);
        assert!(y.not_reported.is_empty());
        assert_eq!((y.expected(), y.sent()), (3, 2));
        assert_eq!(y.on_time_ratio().display(), "1/3 (33,3%)");
    }

    #[test]
    fn the_deadline_day_is_on_time_and_missing_plans_are_listed() {
        let mut data = testdata::dataset();
        let y = data.years.get_mut(&2024).unwrap();
        y.reports.get_mut(&code("B01")).unwrap().next_year_plan = Some(NextYearPlan::Sent(date(2024, 11, 5)));
        y.reports.get_mut(&code("C01")).unwrap().next_year_plan = None;
        let o = plans_overview(&data);
        let y = o.year(2024).unwrap();
        assert_eq!(y.on_time, [code("A01"), code("B01")]);
        assert!(y.late.is_empty() && y.not_sent.is_empty());
        assert_eq!(y.not_reported, [code("C01")]);
    }
}
