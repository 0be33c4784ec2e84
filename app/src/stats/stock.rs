//! Members at the end of each year (at `as_of` for a year in progress), summed over grassroots
//! reports, by kind and by level; and the organizations active each year.

use super::scope;
use crate::model::{Dataset, Level, OrgKind, Ownership, Stock};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::ops::{Add, AddAssign};

/// Full and probationary members.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberCount {
    pub full: u64,
    pub probationary: u64,
}

impl MemberCount {
    pub fn total(self) -> u64 {
        self.full + self.probationary
    }
}

impl From<Stock> for MemberCount {
    fn from(s: Stock) -> MemberCount {
        MemberCount { full: u64::from(s.full), probationary: u64::from(s.probationary) }
    }
}

impl Add for MemberCount {
    type Output = MemberCount;
    fn add(self, o: MemberCount) -> MemberCount {
        MemberCount { full: self.full + o.full, probationary: self.probationary + o.probationary }
    }
}

impl AddAssign for MemberCount {
    fn add_assign(&mut self, o: MemberCount) {
        *self = *self + o;
    }
}

/// A figure for agencies and for enterprises by ownership.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ByKind<T> {
    pub agency: T,
    pub state: T,
    pub private: T,
    pub foreign_invested: T,
}

impl<T: Copy + Add<Output = T>> ByKind<T> {
    pub fn get(&self, kind: OrgKind) -> T {
        match kind {
            OrgKind::Agency => self.agency,
            OrgKind::Enterprise(o) => self.ownership(o),
        }
    }

    pub fn ownership(&self, o: Ownership) -> T {
        match o {
            Ownership::State => self.state,
            Ownership::Private => self.private,
            Ownership::ForeignInvested => self.foreign_invested,
        }
    }

    /// All enterprises together.
    pub fn enterprise(&self) -> T {
        self.state + self.private + self.foreign_invested
    }

    pub fn total(&self) -> T {
        self.agency + self.enterprise()
    }

    fn get_mut(&mut self, kind: OrgKind) -> &mut T {
        match kind {
            OrgKind::Agency => &mut self.agency,
            OrgKind::Enterprise(Ownership::State) => &mut self.state,
            OrgKind::Enterprise(Ownership::Private) => &mut self.private,
            OrgKind::Enterprise(Ownership::ForeignInvested) => &mut self.foreign_invested,
        }
    }
}

/// Organizations by level.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgCounts {
    /// Đảng bộ cơ sở.
    pub committees: u64,
    /// Chi bộ cơ sở.
    pub grassroots_branches: u64,
    /// Chi bộ trực thuộc.
    pub branches: u64,
}

impl OrgCounts {
    /// Tổ chức cơ sở đảng: committees and grassroots branches.
    pub fn grassroots(self) -> u64 {
        self.committees + self.grassroots_branches
    }

    /// Branches that hold meetings: grassroots branches and branches under committees.
    pub fn all_branches(self) -> u64 {
        self.grassroots_branches + self.branches
    }

    fn at(&mut self, level: &Level) -> &mut u64 {
        match level {
            Level::GrassrootsCommittee => &mut self.committees,
            Level::GrassrootsBranch => &mut self.grassroots_branches,
            Level::Branch { .. } => &mut self.branches,
        }
    }
}

impl Add for OrgCounts {
    type Output = OrgCounts;
    fn add(self, o: OrgCounts) -> OrgCounts {
        OrgCounts {
            committees: self.committees + o.committees,
            grassroots_branches: self.grassroots_branches + o.grassroots_branches,
            branches: self.branches + o.branches,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StockYear {
    pub year: i32,
    /// Set for a year in progress: members are counted at this date.
    pub as_of: Option<NaiveDate>,
    /// All members of the Khối at the end of the year.
    pub members: MemberCount,
    /// By the grassroots organization's kind.
    pub members_by_kind: ByKind<MemberCount>,
    /// In đảng bộ cơ sở.
    pub members_in_committees: MemberCount,
    /// In chi bộ cơ sở.
    pub members_in_grassroots_branches: MemberCount,
    /// Exempted from activities and duties, and suspended (counted among the members).
    pub exempted: u64,
    pub suspended: u64,
    /// Organizations active at any time during the year, by kind and level.
    pub orgs: ByKind<OrgCounts>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StockOverview {
    pub years: Vec<StockYear>,
}

impl StockOverview {
    pub fn year(&self, year: i32) -> Option<&StockYear> {
        self.years.iter().find(|y| y.year == year)
    }

    pub fn latest(&self) -> Option<&StockYear> {
        self.years.last()
    }
}

/// Members and organizations of every year with reports.
pub fn stock_overview(data: &Dataset) -> StockOverview {
    let years = data
        .years
        .iter()
        .filter(|(_, y)| !y.reports.is_empty())
        .map(|(&year, y)| {
            let mut out = StockYear {
                year,
                as_of: scope::as_of(y),
                members: MemberCount::default(),
                members_by_kind: ByKind::default(),
                members_in_committees: MemberCount::default(),
                members_in_grassroots_branches: MemberCount::default(),
                exempted: 0,
                suspended: 0,
                orgs: ByKind::default(),
            };
            for (org, r) in scope::grassroots(data, y) {
                let end = MemberCount::from(r.members.end);
                out.members += end;
                *out.members_by_kind.get_mut(org.kind) += end;
                match org.level {
                    Level::GrassrootsCommittee => out.members_in_committees += end,
                    _ => out.members_in_grassroots_branches += end,
                }
                out.exempted += u64::from(r.members.exempted);
                out.suspended += u64::from(r.members.suspended);
            }
            for org in data.orgs.values().filter(|o| o.active_in(year)) {
                *out.orgs.get_mut(org.kind).at(&org.level) += 1;
            }
            out
        })
        .collect();
    StockOverview { years }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::testdata;

    fn mc(full: u64, probationary: u64) -> MemberCount {
        MemberCount { full, probationary }
    }

    #[test]
    fn members_at_the_end_of_a_complete_year() {
        let o = stock_overview(&testdata::dataset());
        let y = o.year(2024).unwrap();
        assert_eq!(y.as_of, None);
        // A01 29/3, B01 9/1, C01 3/0; the branches of A01 are not added on top.
        assert_eq!(y.members, mc(41, 4));
        assert_eq!(y.members.total(), 45);
        assert_eq!(y.members_by_kind.agency, mc(29, 3));
        assert_eq!(y.members_by_kind.private, mc(9, 1));
        assert_eq!(y.members_by_kind.state, mc(3, 0));
        assert_eq!(y.members_by_kind.foreign_invested, mc(0, 0));
        assert_eq!(y.members_by_kind.enterprise(), mc(12, 1));
        assert_eq!(y.members_by_kind.total(), y.members);
        assert_eq!(y.members_in_committees, mc(29, 3));
        assert_eq!(y.members_in_grassroots_branches, mc(12, 1));
        assert_eq!((y.exempted, y.suspended), (1, 0));
    }

    #[test]
    fn members_at_the_date_of_a_year_in_progress() {
        let o = stock_overview(&testdata::dataset());
        let y = o.latest().unwrap();
        assert_eq!((y.year, y.as_of), (2025, Some(testdata::date(2025, 9, 30))));
        assert_eq!(y.members, mc(42, 3));
        assert_eq!(y.members_by_kind.get(OrgKind::Agency), mc(29, 1));
        assert_eq!(y.members_by_kind.ownership(Ownership::State), mc(3, 2));
    }

    #[test]
    fn organizations_active_in_the_year() {
        let mut data = testdata::dataset();
        let o = stock_overview(&data);
        let orgs = o.year(2024).unwrap().orgs;
        assert_eq!(orgs.agency, OrgCounts { committees: 1, grassroots_branches: 0, branches: 2 });
        assert_eq!(orgs.private, OrgCounts { committees: 0, grassroots_branches: 1, branches: 0 });
        assert_eq!(orgs.state, OrgCounts { committees: 0, grassroots_branches: 1, branches: 0 });
        let all = orgs.total();
        assert_eq!((all.grassroots(), all.all_branches(), all.branches), (3, 4, 2));
        // An organization that ended in 2024 is not counted in 2025.
        data.orgs.get_mut(&testdata::code("B01")).unwrap().ended = Some(testdata::date(2024, 12, 31));
        let o = stock_overview(&data);
        assert_eq!(o.year(2024).unwrap().orgs.total().grassroots(), 3);
        assert_eq!(o.year(2025).unwrap().orgs.total().grassroots(), 2);
    }
}
