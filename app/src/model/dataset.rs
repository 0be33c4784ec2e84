use super::{Document, NewsItem, OrgCode, Organization, Report};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Site settings from `data/site.toml`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiteConfig {
    pub title: String,
    pub description: String,
    /// Absolute URL the site is published at, ending in `/`.
    pub base_url: String,
    pub language: String,
    /// Small-cell threshold `k`: member counts between 1 and k−1 are not published.
    pub privacy_threshold: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Khoi {
    pub name: String,
    pub short_name: String,
}

/// What the Khối assigned and received for one year.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct YearData {
    /// Targets and rating rules in force (defaults, or `data/targets.toml`).
    pub rules: Option<super::Rulebook>,
    /// Admission quota per grassroots organization.
    pub quotas: BTreeMap<OrgCode, u32>,
    /// How the quotas not written as numbers were set: a share of members.
    #[serde(default)]
    pub quota_rule: Option<QuotaRule>,
    /// Deadline for next year's development plans.
    pub plan_deadline: Option<NaiveDate>,
    pub reports: BTreeMap<OrgCode, Report>,
}

impl YearData {
    /// The date a year in progress is reported up to; `None` for a complete year.
    pub fn as_of(&self) -> Option<NaiveDate> {
        self.reports.values().filter_map(|r| r.as_of).max()
    }
}

/// Quotas set as a share of members ("từ 3% trở lên so với tổng số đảng viên đầu nhiệm kỳ"):
/// each organization without a number of its own gets the share of its members at the start
/// of the year (or of the term), rounded up — "at least 3%" is met only by the next whole member.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotaRule {
    /// The share in tenths of a percent (30 = 3%).
    pub tenths: u32,
    /// The first year of the term, when the share is of the members at its start; `None` for
    /// the start of the quota's own year.
    pub term_start: Option<i32>,
    /// The organizations whose quota the rule set.
    pub derived: Vec<OrgCode>,
}

impl QuotaRule {
    /// The quota for `members` at the base: ⌈members × share⌉, exactly.
    pub fn quota(&self, members: u64) -> u32 {
        (members * u64::from(self.tenths)).div_ceil(1000) as u32
    }

    /// How the page states it: "3% số đảng viên đầu năm 2024, làm tròn lên".
    pub fn describe(&self, year: i32) -> String {
        let t = u64::from(self.tenths);
        let share = if t % 10 == 0 { crate::format::int(t / 10) } else { crate::format::decimal(t) };
        match self.term_start {
            Some(t) => format!("{share}% số đảng viên đầu nhiệm kỳ (đầu năm {t}), làm tròn lên"),
            None => format!("{share}% số đảng viên đầu năm {year}, làm tròn lên"),
        }
    }
}

/// Everything the build publishes, checked. Ordered maps keep output deterministic.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub site: SiteConfig,
    pub khoi: Khoi,
    pub orgs: BTreeMap<OrgCode, Organization>,
    pub years: BTreeMap<i32, YearData>,
    pub documents: Vec<Document>,
    pub news: Vec<NewsItem>,
}

impl Dataset {
    /// The organizations directly under `parent`, in code order.
    pub fn children<'a>(&'a self, parent: &'a OrgCode) -> impl Iterator<Item = &'a Organization> + 'a {
        self.orgs.values().filter(move |o| o.level.parent() == Some(parent))
    }

    /// The rules of `year`: the dataset's override, or the defaults for that year.
    pub fn rules(&self, year: i32) -> super::Rulebook {
        self.years.get(&year).and_then(|y| y.rules).unwrap_or_else(|| super::Rulebook::for_year(year))
    }

    pub fn latest_year(&self) -> Option<i32> {
        self.years.keys().next_back().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_of_members_rounds_up_to_whole_members() {
        let rule = QuotaRule { tenths: 30, term_start: None, derived: Vec::new() };
        assert_eq!([0, 1, 33, 34, 45, 100].map(|m| rule.quota(m)), [0, 1, 1, 2, 2, 3]);
        let half = QuotaRule { tenths: 25, term_start: Some(2020), derived: Vec::new() };
        assert_eq!(half.quota(40), 1);
        assert_eq!(half.quota(41), 2);
        assert_eq!(half.describe(2024), "2,5% số đảng viên đầu nhiệm kỳ (đầu năm 2020), làm tròn lên");
        assert_eq!(rule.describe(2024), "3% số đảng viên đầu năm 2024, làm tròn lên");
    }
}
