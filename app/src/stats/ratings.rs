//! Year-end quality ratings of complete years: grassroots organizations and branches under
//! grassroots committees by their own grade, and members summed over grassroots reports.
//!
//! Counts per grade are exclusive; every published share is derived from them: grade 2 or
//! better (cumulative), grade 2 alone, grade 1, and grade 1 against grade 2 (the cap).

use super::{scope, Ratio};
use crate::model::{Dataset, Grade, Level, OrgCode, RatingRules};
use serde::{Deserialize, Serialize};

/// Exclusive counts per grade and the shares derived from them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GradeSummary {
    /// Indexed by `Grade as usize`.
    pub counts: [u64; 4],
    pub rated: u64,
    /// Not in any share's denominator: organizations too young, members new, exempted or suspended.
    pub not_rated: u64,
    /// Grade 1 + grade 2 ÷ rated.
    pub good_or_better: Ratio,
    /// Grade 2 alone ÷ rated.
    pub good: Ratio,
    /// Grade 1 ÷ rated.
    pub excellent: Ratio,
    /// Grade 1 ÷ grade 2: the cap share (at most 20% for members of a grassroots organization).
    pub excellent_to_good: Ratio,
    /// Grade 4 count.
    pub failed: u64,
}

impl GradeSummary {
    pub fn from_counts(counts: [u64; 4], not_rated: u64) -> GradeSummary {
        let [excellent, good, _, failed] = counts;
        let rated = counts.iter().sum();
        GradeSummary {
            counts,
            rated,
            not_rated,
            good_or_better: Ratio::new(excellent + good, rated),
            good: Ratio::new(good, rated),
            excellent: Ratio::new(excellent, rated),
            excellent_to_good: Ratio::new(excellent, good),
            failed,
        }
    }

    pub fn count(&self, grade: Grade) -> u64 {
        self.counts[grade as usize]
    }

    /// Rated and not rated.
    pub fn total(&self) -> u64 {
        self.rated + self.not_rated
    }

    /// One grade's exclusive share of those rated.
    pub fn share(&self, grade: Grade) -> Ratio {
        Ratio::new(self.count(grade), self.rated)
    }
}

/// Organizations by their own grade: `None` (too young) and missing ratings count as not rated.
fn by_own_grade(grades: impl Iterator<Item = Option<Grade>>) -> GradeSummary {
    let mut counts = [0u64; 4];
    let mut not_rated = 0;
    for grade in grades {
        match grade {
            Some(g) => counts[g as usize] += 1,
            None => not_rated += 1,
        }
    }
    GradeSummary::from_counts(counts, not_rated)
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RatingsYear {
    pub year: i32,
    /// The rating regulation in force.
    pub rules: RatingRules,
    /// Grassroots organizations (đảng bộ cơ sở and chi bộ cơ sở), by their own grade.
    pub organizations: GradeSummary,
    /// Branches under grassroots committees (chi bộ trực thuộc), by their own grade.
    pub branches: GradeSummary,
    /// Members, summed over grassroots reports.
    pub members: GradeSummary,
    /// Grassroots organizations whose members rated grade 1 exceed the cap share of those rated
    /// grade 2 (20%, counted per grassroots organization), in code order.
    pub over_cap: Vec<OrgCode>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RatingsOverview {
    pub years: Vec<RatingsYear>,
}

impl RatingsOverview {
    pub fn year(&self, year: i32) -> Option<&RatingsYear> {
        self.years.iter().find(|y| y.year == year)
    }

    pub fn latest(&self) -> Option<&RatingsYear> {
        self.years.last()
    }
}

/// Ratings of every complete year (a year in progress has none).
pub fn ratings_overview(data: &Dataset) -> RatingsOverview {
    let years = data
        .years
        .iter()
        .filter(|(_, y)| scope::is_complete(y))
        .map(|(&year, y)| {
            let rules = data.rules(year).rating;
            let own = |r: &crate::model::Report| r.ratings.as_ref().and_then(|rt| rt.organization);
            let organizations = by_own_grade(scope::grassroots(data, y).map(|(_, r)| own(r)));
            let branches =
                by_own_grade(scope::reports(data, y).filter(|(o, _)| matches!(o.level, Level::Branch { .. })).map(|(_, r)| own(r)));
            let mut counts = [0u64; 4];
            let mut not_rated = 0;
            let mut over_cap = Vec::new();
            for (org, r) in scope::grassroots(data, y) {
                let Some(rt) = &r.ratings else { continue };
                let (cap_num, cap_den) = rules.excellent_cap(rt.cap_exception == Some(true));
                for g in Grade::ALL {
                    counts[g as usize] += u64::from(rt.count(g));
                }
                not_rated += rt.not_rated();
                // grade 1 ≤ cap × grade 2, exactly.
                if u64::from(rt.count(Grade::Excellent)) * cap_den > u64::from(rt.count(Grade::Good)) * cap_num {
                    over_cap.push(org.code.clone());
                }
            }
            RatingsYear { year, rules, organizations, branches, members: GradeSummary::from_counts(counts, not_rated), over_cap }
        })
        .collect();
    RatingsOverview { years }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::testdata;

    #[test]
    fn only_complete_years_are_rated() {
        let o = ratings_overview(&testdata::dataset());
        assert_eq!(o.years.iter().map(|y| y.year).collect::<Vec<_>>(), [2024]);
        assert_eq!(o.latest().unwrap().rules, RatingRules::Qd124);
        assert!(o.year(2025).is_none());
    }

    #[test]
    fn grassroots_organizations_by_their_own_grade() {
        let o = ratings_overview(&testdata::dataset());
        let orgs = &o.year(2024).unwrap().organizations;
        // A01 excellent, B01 good, C01 too young.
        assert_eq!(orgs.counts, [1, 1, 0, 0]);
        assert_eq!((orgs.rated, orgs.not_rated, orgs.total()), (2, 1, 3));
        assert_eq!(orgs.good_or_better, Ratio::new(2, 2));
        assert_eq!(orgs.excellent, Ratio::new(1, 2));
        assert_eq!(orgs.good, Ratio::new(1, 2));
        assert_eq!(orgs.excellent_to_good, Ratio::new(1, 1));
        assert_eq!(orgs.failed, 0);
    }

    #[test]
    fn branches_under_committees_by_their_own_grade() {
        let o = ratings_overview(&testdata::dataset());
        let b = &o.year(2024).unwrap().branches;
        // A01-01 good, A01-02 completed; chi bộ cơ sở are not counted here.
        assert_eq!(b.counts, [0, 1, 1, 0]);
        assert_eq!(b.good_or_better.display(), "1/2 (50,0%)");
        assert_eq!(b.share(Grade::Completed), Ratio::new(1, 2));
        assert_eq!(b.excellent_to_good, Ratio::new(0, 1));
    }

    #[test]
    fn members_sum_over_grassroots_reports_only() {
        let o = ratings_overview(&testdata::dataset());
        let y = o.year(2024).unwrap();
        let m = &y.members;
        // A01 (4,20,3,1) + B01 (2,6,1,0) + C01 (0,2,1,0); branches not added on top.
        assert_eq!(m.counts, [6, 28, 5, 1]);
        assert_eq!((m.rated, m.not_rated, m.total()), (40, 5, 45));
        assert_eq!(m.good_or_better.display(), "34/40 (85,0%)");
        assert_eq!(m.good.display(), "28/40 (70,0%)");
        assert_eq!(m.excellent.display(), "6/40 (15,0%)");
        assert_eq!(m.excellent_to_good.display(), "6/28 (21,4%)");
        assert_eq!(m.failed, 1);
        // The cap is per grassroots organization: A01 has 4 ≤ 20% of 20 (exactly), B01 2 > 20% of 6.
        assert_eq!(y.over_cap, [testdata::code("B01")]);
    }
}
