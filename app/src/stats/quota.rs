//! Admission-quota progress: admitted ÷ quota per grassroots organization, and the pace a
//! year in progress should have reached by its `as_of` date.

use crate::model::{Dataset, OrgKind};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// How much of the year has passed: `elapsed` of `days` days (`elapsed == days` for a complete year).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearPace {
    pub elapsed: u32,
    pub days: u32,
}

impl YearPace {
    pub fn complete(year: i32) -> YearPace {
        let days = days_in_year(year);
        YearPace { elapsed: days, days }
    }

    pub fn at(as_of: NaiveDate) -> YearPace {
        YearPace { elapsed: as_of.ordinal(), days: days_in_year(as_of.year()) }
    }

    pub fn is_complete(self) -> bool {
        self.elapsed >= self.days
    }

    /// Admissions the quota calls for by now, as a real number (for drawing the pace mark).
    pub fn expected(self, quota: u32) -> f64 {
        f64::from(quota) * f64::from(self.elapsed) / f64::from(self.days)
    }

    /// Behind the pace for the date, compared exactly in integers.
    pub fn is_behind(self, admitted: u32, quota: u32) -> bool {
        u64::from(admitted) * u64::from(self.days) < u64::from(quota) * u64::from(self.elapsed)
    }
}

/// Running totals: [1, 0, 4] → [1, 1, 5].
pub fn running_total(values: impl IntoIterator<Item = u64>) -> Vec<u64> {
    values
        .into_iter()
        .scan(0u64, |acc, n| {
            *acc += n;
            Some(*acc)
        })
        .collect()
}

/// A quota spread evenly over the twelve months, cumulative: where the count should be at the
/// end of each month.
pub fn monthly_pace(quota: u64) -> Vec<f64> {
    (1..=12).map(|m| quota as f64 * f64::from(m) / 12.0).collect()
}

fn days_in_year(year: i32) -> u32 {
    if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
        366
    } else {
        365
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuotaRow {
    pub code: String,
    pub name: String,
    pub enterprise: bool,
    /// A đảng bộ cơ sở (with branches), rather than a chi bộ cơ sở.
    #[serde(default)]
    pub committee: bool,
    pub quota: u32,
    /// `None` when the organization has not reported for the year.
    pub admitted: Option<u32>,
    pub lagging: bool,
    /// Admissions per month, as reported (empty when not reported).
    #[serde(default)]
    pub monthly: Vec<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuotaYear {
    pub year: i32,
    /// Set for a year in progress.
    #[serde(with = "crate::format::iso_date")]
    pub as_of: Option<NaiveDate>,
    pub pace: YearPace,
    /// Lagging organizations first, then by progress, then by code (a stable order).
    pub rows: Vec<QuotaRow>,
    /// Admissions per month across the organizations with a quota (as many months as reported).
    pub monthly_admitted: Vec<u64>,
    /// What each branch under a đảng bộ cơ sở admitted: the committee's quota, broken down.
    #[serde(default)]
    pub branches: Vec<BranchAdmissions>,
    /// The reports the year's figures rest on (the Khối's, also in a filtered view).
    #[serde(default)]
    pub coverage: super::Coverage,
    /// `branches` left out (a dashboard page's own year: at a province's size they weigh as
    /// much as the rows); the year's file has them, fetched when a committee is chosen.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub branches_left_out: bool,
}

/// One chi bộ trực thuộc's admissions in a year (branches have no quota of their own).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BranchAdmissions {
    pub code: String,
    pub name: String,
    /// The đảng bộ cơ sở it belongs to.
    pub parent: String,
    /// `None` when the branch has not reported for the year.
    pub admitted: Option<u32>,
}

impl QuotaYear {
    pub fn total_quota(&self) -> u64 {
        self.rows.iter().map(|r| u64::from(r.quota)).sum()
    }

    pub fn total_admitted(&self) -> u64 {
        self.rows.iter().filter_map(|r| r.admitted).map(u64::from).sum()
    }

    /// Organizations that have reached their whole quota.
    pub fn met(&self) -> usize {
        self.rows.iter().filter(|r| r.admitted.is_some_and(|a| a >= r.quota)).count()
    }

    /// Cumulative admissions by month, and the quota's straight pace to the year's total.
    pub fn cumulative(&self) -> (Vec<u64>, Vec<f64>) {
        (running_total(self.monthly_admitted.iter().copied()), monthly_pace(self.total_quota()))
    }

    pub fn lagging(&self) -> usize {
        self.rows.iter().filter(|r| r.lagging).count()
    }

    /// The branches under the đảng bộ cơ sở `parent`, in code order.
    pub fn branches_of<'a>(&'a self, parent: &'a str) -> impl Iterator<Item = &'a BranchAdmissions> + 'a {
        self.branches.iter().filter(move |b| b.parent == parent)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QuotaOverview {
    pub years: Vec<QuotaYear>,
    /// Every đảng bộ cơ sở with a quota in some year, (code, latest name), in name order: the
    /// dashboard's choice of one organization. Listed by the build, so the app carries no
    /// sorting or folding for it.
    #[serde(default)]
    pub committees: Vec<(String, String)>,
    /// Years whose data is not in this value but in a file of its own, fetched when the reader
    /// chooses one: a dashboard page embeds only the year its first view shows.
    /// (year, path of its file: `routes::quota_year_data`); a pair, not a struct, to keep the
    /// app's download small. The file is a `QuotaOverview` holding that year alone.
    #[serde(default)]
    pub elsewhere: Vec<(i32, String)>,
}

impl QuotaOverview {
    /// Every year there is data for, held here or elsewhere, in order.
    pub fn all_years(&self) -> Vec<i32> {
        // Both lists are in order: merged by insertion (no sort code in the app).
        let mut years: Vec<i32> = self.elsewhere.iter().map(|f| f.0).collect();
        for y in self.years.iter().map(|y| y.year) {
            if years.contains(&y) {
                continue;
            }
            let at = years.iter().position(|&v| v > y).unwrap_or(years.len());
            years.insert(at, y);
        }
        years
    }

    /// The file to fetch for `year`, when its data is not held here (or held without its
    /// branches, and `branches` are wanted).
    pub fn file_of(&self, year: i32, branches: bool) -> Option<&str> {
        if self.year(year).is_some_and(|y| !(branches && y.branches_left_out)) {
            return None;
        }
        self.elsewhere.iter().find(|f| f.0 == year).map(|f| f.1.as_str())
    }

    /// What a dashboard page embeds: the year `shown` itself without its branches, every year
    /// named by its file (`path` gives it), and the committees.
    pub fn embedding(&self, shown: i32, path: impl Fn(&QuotaYear) -> String) -> QuotaOverview {
        let held = self.year(shown).cloned().map(|mut y| {
            y.branches_left_out = !y.branches.is_empty();
            y.branches.clear();
            y
        });
        QuotaOverview {
            years: held.into_iter().collect(),
            committees: self.committees.clone(),
            elsewhere: self.years.iter().map(|y| (y.year, path(y))).collect(),
        }
    }

    /// One year alone: what its file holds.
    pub fn of_year(data: &QuotaYear) -> QuotaOverview {
        QuotaOverview { years: vec![data.clone()], ..QuotaOverview::default() }
    }

    /// Takes in the years of a fetched file, keeping the years in order.
    pub fn insert(&mut self, fetched: QuotaOverview) {
        for data in fetched.years {
            self.years.retain(|y| y.year != data.year);
            let at = self.years.iter().position(|y| y.year > data.year).unwrap_or(self.years.len());
            self.years.insert(at, data);
        }
    }

    pub fn year(&self, year: i32) -> Option<&QuotaYear> {
        self.years.iter().find(|y| y.year == year)
    }

    pub fn latest(&self) -> Option<&QuotaYear> {
        self.years.last()
    }

    /// One grassroots organization's years: its own row and its branches (what its page needs).
    pub fn only(&self, code: &str) -> QuotaOverview {
        let filter = QuotaFilter { parent: Some(code.to_string()), ..QuotaFilter::default() };
        QuotaOverview {
            years: self
                .years
                .iter()
                .map(|y| y.filtered(&filter))
                .filter(|y| !y.rows.is_empty())
                .map(|mut y| {
                    // Its figures rest on its own report, not on the Khối's.
                    if let Some(row) = y.rows.iter().find(|r| r.code == code) {
                        y.coverage = y.coverage.of_one(&row.name, row.admitted.is_some());
                    }
                    y
                })
                .collect(),
            committees: Vec::new(),
            elsewhere: Vec::new(),
        }
    }
}

fn committees(years: &[QuotaYear]) -> Vec<(String, String)> {
    let mut by_code = std::collections::BTreeMap::new();
    for row in years.iter().flat_map(|y| &y.rows).filter(|r| r.committee) {
        by_code.insert(row.code.clone(), row.name.clone());
    }
    let mut list: Vec<(String, String)> = by_code.into_iter().collect();
    list.sort_by_cached_key(|(code, name)| (crate::format::fold(name), code.clone()));
    list
}

/// Quota progress of every year that has quotas.
pub fn quota_overview(data: &Dataset) -> QuotaOverview {
    let years: Vec<QuotaYear> = data
        .years
        .iter()
        .filter(|(_, y)| !y.quotas.is_empty())
        .map(|(&year, y)| {
            let as_of = super::scope::as_of(y);
            let pace = as_of.map_or(YearPace::complete(year), YearPace::at);
            let mut rows: Vec<QuotaRow> = y
                .quotas
                .iter()
                .map(|(code, &quota)| {
                    let admitted = y.reports.get(code).map(|r| r.movements.admitted);
                    let org = data.orgs.get(code);
                    QuotaRow {
                        code: code.to_string(),
                        name: org.map_or_else(|| code.to_string(), |o| o.name.clone()),
                        enterprise: org.is_some_and(|o| matches!(o.kind, OrgKind::Enterprise(_))),
                        committee: org.is_some_and(|o| o.level == crate::model::Level::GrassrootsCommittee),
                        quota,
                        admitted,
                        lagging: admitted.is_none_or(|a| pace.is_behind(a, quota)),
                        monthly: y.reports.get(code).map(|r| r.monthly_admissions.clone()).unwrap_or_default(),
                    }
                })
                .collect();
            rows.sort_by(|a, b| {
                b.lagging.cmp(&a.lagging).then_with(|| progress_key(a).cmp(&progress_key(b))).then_with(|| a.code.cmp(&b.code))
            });
            let months = as_of.map_or(12, |d| d.month() as usize);
            let monthly_admitted = monthly_sum(&rows, months);
            let branches = data
                .orgs
                .values()
                .filter(|o| o.active_in(year))
                .filter_map(|o| {
                    let parent = o.level.parent()?;
                    // Only under committees with a quota this year: the breakdown of that quota.
                    y.quotas.contains_key(parent).then(|| BranchAdmissions {
                        code: o.code.to_string(),
                        name: o.name.clone(),
                        parent: parent.to_string(),
                        admitted: y.reports.get(&o.code).map(|r| r.movements.admitted),
                    })
                })
                .collect();
            QuotaYear {
                year,
                as_of,
                pace,
                rows,
                monthly_admitted,
                branches,
                coverage: super::Coverage::of(data, year),
                branches_left_out: false,
            }
        })
        .collect();
    let committees = committees(&years);
    QuotaOverview { years, committees, elsewhere: Vec::new() }
}

/// Admissions per month summed over `rows`, for `months` months.
fn monthly_sum(rows: &[QuotaRow], months: usize) -> Vec<u64> {
    let mut sum = vec![0u64; months];
    for row in rows {
        for (slot, n) in sum.iter_mut().zip(&row.monthly) {
            *slot += u64::from(*n);
        }
    }
    sum
}

/// Which grassroots organizations a view shows (the dashboard's filters).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotaFilter {
    /// `Some(true)`: enterprises only; `Some(false)`: agencies only.
    pub enterprise: Option<bool>,
    /// `Some(true)`: đảng bộ cơ sở only; `Some(false)`: chi bộ cơ sở only.
    pub committee: Option<bool>,
    pub only_lagging: bool,
    /// One đảng bộ cơ sở (its code): its own quota, with its branches' admissions beside.
    pub parent: Option<String>,
}

impl QuotaFilter {
    pub fn keeps(&self, row: &QuotaRow) -> bool {
        self.enterprise.is_none_or(|e| row.enterprise == e)
            && self.committee.is_none_or(|c| row.committee == c)
            && (!self.only_lagging || row.lagging)
            && self.parent.as_deref().is_none_or(|p| row.code == p)
    }

    pub fn is_all(&self) -> bool {
        *self == QuotaFilter::default()
    }

    /// "doanh nghiệp, chi bộ cơ sở, chậm tiến độ, Đảng bộ …"; `None` when every row is kept.
    /// `parent_name` names the chosen đảng bộ cơ sở (its code otherwise).
    pub fn describe(&self, parent_name: Option<&str>) -> Option<String> {
        let parts: Vec<&str> = [
            self.enterprise.map(|e| if e { "doanh nghiệp" } else { "cơ quan" }),
            self.committee.map(|c| if c { "đảng bộ cơ sở" } else { "chi bộ cơ sở" }),
            self.only_lagging.then_some("chậm tiến độ"),
            self.parent.as_deref().map(|code| parent_name.unwrap_or(code)),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

impl QuotaYear {
    /// The same year restricted to the rows `filter` keeps, totals and months recomputed.
    pub fn filtered(&self, filter: &QuotaFilter) -> QuotaYear {
        let rows: Vec<QuotaRow> = self.rows.iter().filter(|r| filter.keeps(r)).cloned().collect();
        let monthly_admitted = monthly_sum(&rows, self.monthly_admitted.len());
        // Branches are shown under one chosen đảng bộ cơ sở only.
        let branches = match &filter.parent {
            Some(p) if !rows.is_empty() => self.branches_of(p).cloned().collect(),
            _ => Vec::new(),
        };
        QuotaYear {
            year: self.year,
            as_of: self.as_of,
            pace: self.pace,
            rows,
            monthly_admitted,
            branches,
            coverage: self.coverage.clone(),
            branches_left_out: self.branches_left_out,
        }
    }
}

/// Progress in parts per million, exact enough to order rows without floats.
fn progress_key(row: &QuotaRow) -> u64 {
    let admitted = u64::from(row.admitted.unwrap_or(0));
    admitted * 1_000_000 / u64::from(row.quota.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cumulative_admissions_and_straight_pace() {
        let row = |quota, admitted| QuotaRow {
            code: "A".into(),
            name: "A".into(),
            enterprise: false,
            committee: false,
            quota,
            admitted,
            lagging: false,
            monthly: Vec::new(),
        };
        let y = QuotaYear {
            year: 2025,
            as_of: NaiveDate::from_ymd_opt(2025, 3, 31),
            pace: YearPace::complete(2025),
            rows: vec![row(10, Some(5)), row(2, None)],
            monthly_admitted: vec![1, 0, 4],
            branches: Vec::new(),
            coverage: Default::default(),
            branches_left_out: false,
        };
        let (actual, pace) = y.cumulative();
        assert_eq!(actual, vec![1, 1, 5]);
        assert_eq!(pace.len(), 12);
        assert_eq!(pace[2], 3.0);
        assert_eq!(pace[11], 12.0);
        assert_eq!(y.total_quota(), 12);
        assert_eq!(y.total_admitted(), 5);
        assert_eq!(y.met(), 0);
    }

    #[test]
    fn filters_keep_rows_and_recompute_totals_and_months() {
        let row = |code: &str, enterprise, committee, quota, admitted: u32, lagging, monthly: Vec<u32>| QuotaRow {
            code: code.into(),
            name: code.into(),
            enterprise,
            committee,
            quota,
            admitted: Some(admitted),
            lagging,
            monthly,
        };
        let y = QuotaYear {
            year: 2024,
            as_of: None,
            pace: YearPace::complete(2024),
            rows: vec![row("A", false, true, 5, 5, false, vec![2, 3]), row("B", true, false, 4, 1, true, vec![1, 0])],
            monthly_admitted: vec![3, 3],
            branches: vec![
                BranchAdmissions { code: "A-1".into(), name: "Chi bộ A-1".into(), parent: "A".into(), admitted: Some(5) },
                BranchAdmissions { code: "A-2".into(), name: "Chi bộ A-2".into(), parent: "A".into(), admitted: None },
            ],
            coverage: Default::default(),
            branches_left_out: false,
        };
        let enterprises = y.filtered(&QuotaFilter { enterprise: Some(true), ..QuotaFilter::default() });
        assert_eq!(enterprises.rows.len(), 1);
        assert_eq!((enterprises.total_admitted(), enterprises.total_quota()), (1, 4));
        assert_eq!(enterprises.monthly_admitted, vec![1, 0]);
        let lagging = y.filtered(&QuotaFilter { only_lagging: true, ..QuotaFilter::default() });
        assert_eq!(lagging.rows[0].code, "B");
        let committees = y.filtered(&QuotaFilter { committee: Some(true), ..QuotaFilter::default() });
        assert_eq!(committees.rows[0].code, "A");
        let all = y.filtered(&QuotaFilter::default());
        assert_eq!((&all.rows, &all.monthly_admitted), (&y.rows, &y.monthly_admitted));
        assert_eq!(QuotaFilter::default().describe(None), None);
        let f = QuotaFilter { enterprise: Some(true), committee: Some(false), only_lagging: true, parent: None };
        assert_eq!(f.describe(None).as_deref(), Some("doanh nghiệp, chi bộ cơ sở, chậm tiến độ"));
        let one = QuotaFilter { parent: Some("A".into()), ..QuotaFilter::default() };
        assert_eq!(one.describe(Some("Đảng bộ A")).as_deref(), Some("Đảng bộ A"));
        let a = y.filtered(&one);
        assert_eq!(a.rows.len(), 1);
        assert_eq!(a.branches.iter().map(|b| b.code.as_str()).collect::<Vec<_>>(), ["A-1", "A-2"]);
        assert!(
            y.filtered(&QuotaFilter { enterprise: Some(false), ..QuotaFilter::default() }).branches.is_empty(),
            "only under one chosen committee"
        );
    }

    #[test]
    fn a_page_embeds_its_year_and_names_the_files_of_the_others() {
        let overview = quota_overview(&crate::stats::testdata::dataset());
        let all: Vec<i32> = overview.years.iter().map(|y| y.year).collect();
        assert!(all.len() >= 2, "the test data has several years");
        let shown = all[0];
        let page = overview.embedding(shown, |y| format!("/so-lieu/{}.json", y.year));
        assert_eq!(page.years.iter().map(|y| y.year).collect::<Vec<_>>(), [shown]);
        assert!(!overview.years[0].branches.is_empty(), "the test data has branches");
        assert!(page.years[0].branches.is_empty() && page.years[0].branches_left_out, "branches wait for a committee");
        assert_eq!(page.all_years(), all, "every year stays listed");
        assert_eq!(page.file_of(shown, false), None, "the shown year is held");
        assert_eq!(page.file_of(shown, true), Some(format!("/so-lieu/{shown}.json").as_str()), "its branches are in its file");
        assert_eq!(page.file_of(all[1], false), Some(format!("/so-lieu/{}.json", all[1]).as_str()));
        assert_eq!(page.committees, overview.committees);
        // Fetched years come back in order, whatever order they are fetched in.
        let mut fetched = page.clone();
        for y in overview.years.iter().rev() {
            fetched.insert(QuotaOverview::of_year(y));
        }
        assert_eq!(fetched.years, overview.years);
        assert_eq!(fetched.file_of(all[1], true), None);
        assert_eq!(fetched.file_of(shown, true), None);
        assert_eq!(fetched.all_years(), all);
    }

    #[test]
    fn pace_compares_exactly() {
        let d = NaiveDate::from_ymd_opt(2025, 9, 30).unwrap();
        let pace = YearPace::at(d);
        assert_eq!(pace, YearPace { elapsed: 273, days: 365 });
        // 4 of 6 by 30/09: 6 × 273/365 = 4,49 → behind.
        assert!(pace.is_behind(4, 6));
        assert!(!pace.is_behind(5, 6));
        let full = YearPace::complete(2024);
        assert_eq!(full.days, 366);
        assert!(full.is_behind(5, 6));
        assert!(!full.is_behind(6, 6));
        assert!(!full.is_behind(7, 6));
    }
}
