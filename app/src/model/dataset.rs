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
    /// Deadline for next year's development plans.
    pub plan_deadline: Option<NaiveDate>,
    pub reports: BTreeMap<OrgCode, Report>,
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
