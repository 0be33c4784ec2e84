//! Member movements per year, summed over grassroots reports, and the year-over-year changes
//! the leadership watches: admissions falling, strikings-off and expulsions rising,
//! probationary members failing.
//!
//! A year in progress is compared with the whole previous year only with `partial` set; its
//! admissions are also compared with the same months of the previous year.

use super::{scope, MemberCount, Ratio};
use crate::model::{Dataset, Movements};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Khối totals of the yearly movements.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MovementTotals {
    pub admitted: u64,
    pub made_full: u64,
    pub probation_failed: u64,
    pub transferred_in: u64,
    pub transferred_out: u64,
    pub struck_off: u64,
    pub expelled: u64,
    pub removed: u64,
    pub deceased: u64,
    #[serde(default)]
    pub restored: u64,
}

impl MovementTotals {
    fn add(&mut self, m: &Movements) {
        self.admitted += u64::from(m.admitted);
        self.made_full += u64::from(m.made_full);
        self.probation_failed += u64::from(m.probation_failed);
        self.transferred_in += u64::from(m.transferred_in);
        self.transferred_out += u64::from(m.transferred_out);
        self.struck_off += u64::from(m.struck_off);
        self.expelled += u64::from(m.expelled);
        self.removed += u64::from(m.removed);
        self.deceased += u64::from(m.deceased);
        self.restored += u64::from(m.restored);
    }

    /// Admitted, transferred in and restored.
    pub fn inflow(&self) -> u64 {
        self.admitted + self.transferred_in + self.restored
    }

    /// Everyone who left the rolls.
    pub fn outflow(&self) -> u64 {
        self.transferred_out + self.struck_off + self.expelled + self.removed + self.deceased + self.probation_failed
    }
}

/// One figure against the previous year's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub previous: u64,
    pub current: u64,
    /// `current − previous`.
    pub diff: i64,
    /// `current ÷ previous` ("—" when the previous year had none).
    pub ratio: Ratio,
}

impl Change {
    pub fn new(previous: u64, current: u64) -> Change {
        Change { previous, current, diff: current as i64 - previous as i64, ratio: Ratio::new(current, previous) }
    }

    /// "+3", "−2", "0" (with a true minus sign).
    pub fn diff_string(&self) -> String {
        crate::format::signed(self.diff)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearChanges {
    pub previous_year: i32,
    /// The current year is in progress: its figures cover only part of the year.
    pub partial: bool,
    pub admitted: Change,
    pub struck_off: Change,
    pub expelled: Change,
    pub probation_failed: Change,
    /// For a year in progress: admissions against the same months of the previous year.
    pub admitted_same_period: Option<Change>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MovementsYear {
    pub year: i32,
    /// Set for a year in progress.
    pub as_of: Option<NaiveDate>,
    pub totals: MovementTotals,
    pub start: MemberCount,
    /// At the end of the year, or at `as_of`.
    pub end: MemberCount,
    /// Admissions per month over grassroots reports, January first, as many months as covered.
    pub monthly_admissions: Vec<u64>,
    /// Against the previous calendar year; `None` for the first year or when it has no reports.
    pub changes: Option<YearChanges>,
}

impl MovementsYear {
    pub fn is_partial(&self) -> bool {
        self.as_of.is_some()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MovementsOverview {
    pub years: Vec<MovementsYear>,
}

impl MovementsOverview {
    pub fn year(&self, year: i32) -> Option<&MovementsYear> {
        self.years.iter().find(|y| y.year == year)
    }

    pub fn latest(&self) -> Option<&MovementsYear> {
        self.years.last()
    }
}

fn changes(previous: &MovementsYear, current: &MovementsYear) -> YearChanges {
    let (p, c) = (&previous.totals, &current.totals);
    let partial = current.is_partial();
    let months = current.monthly_admissions.len();
    let admitted_same_period = (partial && previous.monthly_admissions.len() >= months)
        .then(|| Change::new(previous.monthly_admissions[..months].iter().sum(), current.monthly_admissions.iter().sum()));
    YearChanges {
        previous_year: previous.year,
        partial,
        admitted: Change::new(p.admitted, c.admitted),
        struck_off: Change::new(p.struck_off, c.struck_off),
        expelled: Change::new(p.expelled, c.expelled),
        probation_failed: Change::new(p.probation_failed, c.probation_failed),
        admitted_same_period,
    }
}

/// Movements of every year with reports, each compared with the year before.
pub fn movements_overview(data: &Dataset) -> MovementsOverview {
    let mut years: Vec<MovementsYear> = data
        .years
        .iter()
        .filter(|(_, y)| !y.reports.is_empty())
        .map(|(&year, y)| {
            let mut out = MovementsYear {
                year,
                as_of: scope::as_of(y),
                totals: MovementTotals::default(),
                start: MemberCount::default(),
                end: MemberCount::default(),
                monthly_admissions: Vec::new(),
                changes: None,
            };
            for (_, r) in scope::grassroots(data, y) {
                out.totals.add(&r.movements);
                out.start += r.members.start.into();
                out.end += r.members.end.into();
                if out.monthly_admissions.len() < r.monthly_admissions.len() {
                    out.monthly_admissions.resize(r.monthly_admissions.len(), 0);
                }
                for (total, &n) in out.monthly_admissions.iter_mut().zip(&r.monthly_admissions) {
                    *total += u64::from(n);
                }
            }
            out
        })
        .collect();
    for i in 1..years.len() {
        if years[i - 1].year == years[i].year - 1 {
            years[i].changes = Some(changes(&years[i - 1], &years[i]));
        }
    }
    MovementsOverview { years }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::testdata;

    #[test]
    fn totals_over_grassroots_reports() {
        let o = movements_overview(&testdata::dataset());
        let y = o.year(2024).unwrap();
        let t = y.totals;
        assert_eq!((t.admitted, t.made_full, t.probation_failed), (4, 3, 0));
        assert_eq!((t.transferred_in, t.transferred_out), (4, 1));
        assert_eq!((t.struck_off, t.expelled, t.removed, t.deceased), (1, 1, 0, 1));
        assert_eq!(y.start, MemberCount { full: 38, probationary: 3 });
        assert_eq!(y.end, MemberCount { full: 41, probationary: 4 });
        // Stock and flow balance: 41 + 8 − 4 = 45.
        assert_eq!(y.start.total() + t.inflow() - t.outflow(), y.end.total());
        assert_eq!(y.monthly_admissions, [0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0]);
        assert_eq!(y.changes, None, "the first year has nothing to compare with");
    }

    #[test]
    fn a_year_in_progress_is_compared_as_partial() {
        let o = movements_overview(&testdata::dataset());
        let y = o.latest().unwrap();
        assert!(y.is_partial());
        assert_eq!(y.start.total(), 45, "the end of one year is the start of the next");
        assert_eq!(y.end, MemberCount { full: 42, probationary: 3 });
        let c = y.changes.unwrap();
        assert_eq!((c.previous_year, c.partial), (2024, true));
        assert_eq!(c.admitted, Change { previous: 4, current: 3, diff: -1, ratio: Ratio::new(3, 4) });
        assert_eq!(c.admitted.diff_string(), "−1");
        assert_eq!(c.struck_off, Change::new(1, 2));
        assert_eq!(c.struck_off.diff_string(), "+1");
        assert_eq!(c.struck_off.ratio.percent_string(), "200,0%");
        assert_eq!(c.expelled, Change::new(1, 0));
        assert_eq!(c.probation_failed.ratio.percent_string(), "—");
        // January–September: 2 admitted in 2024, 3 in 2025.
        assert_eq!(c.admitted_same_period, Some(Change::new(2, 3)));
    }

    #[test]
    fn a_complete_year_is_compared_in_full() {
        let mut data = testdata::dataset();
        for r in data.years.get_mut(&2025).unwrap().reports.values_mut() {
            r.as_of = None;
        }
        let o = movements_overview(&data);
        let c = o.year(2025).unwrap().changes.unwrap();
        assert!(!c.partial);
        assert_eq!(c.admitted_same_period, None);
        assert_eq!(c.admitted.diff, -1);
    }
}
