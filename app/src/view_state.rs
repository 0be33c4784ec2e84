//! What the dashboard shows, as a value: the year, the filters, the comparison year and chart or
//! table. It round-trips through the URL query (a shared link opens the same view) and through
//! the device's storage (the last choice is remembered).

use crate::stats::QuotaFilter;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Display {
    /// Chart then table (the static page).
    #[default]
    Both,
    Chart,
    Table,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewState {
    /// `None`: the page's own year.
    pub year: Option<i32>,
    pub filter: QuotaFilter,
    pub compare: Option<i32>,
    pub display: Display,
}

/// One choice made in the filter bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Year(i32),
    Enterprise(Option<bool>),
    Committee(Option<bool>),
    OnlyLagging(bool),
    Compare(Option<i32>),
    Display(Display),
    /// A đảng bộ cơ sở by code, or `None` for the whole Khối.
    Parent(Option<String>),
}

impl ViewState {
    pub fn apply(&mut self, change: Change) {
        match change {
            Change::Year(y) => {
                self.year = Some(y);
                // A comparison with the year itself means nothing: drop it.
                self.compare = self.compare.filter(|&c| c != y);
            }
            Change::Enterprise(e) => self.filter.enterprise = e,
            Change::Committee(c) => self.filter.committee = c,
            Change::OnlyLagging(l) => self.filter.only_lagging = l,
            Change::Compare(c) => self.compare = c.filter(|&c| Some(c) != self.year),
            Change::Display(d) => self.display = d,
            Change::Parent(p) => self.filter.parent = p,
        }
    }

    /// `nam=2024&loai=doanh_nghiep&cap=chi_bo_co_so&cham=1&so_sanh=2023&xem=bang`; defaults left out.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(y) = self.year {
            parts.push(format!("nam={y}"));
        }
        match self.filter.enterprise {
            Some(true) => parts.push("loai=doanh_nghiep".to_string()),
            Some(false) => parts.push("loai=co_quan".to_string()),
            None => {}
        }
        match self.filter.committee {
            Some(true) => parts.push("cap=dang_bo_co_so".to_string()),
            Some(false) => parts.push("cap=chi_bo_co_so".to_string()),
            None => {}
        }
        if self.filter.only_lagging {
            parts.push("cham=1".to_string());
        }
        if let Some(p) = &self.filter.parent {
            parts.push(format!("don_vi={}", p.to_ascii_lowercase()));
        }
        if let Some(c) = self.compare {
            parts.push(format!("so_sanh={c}"));
        }
        match self.display {
            Display::Both => {}
            Display::Chart => parts.push("xem=bieu_do".to_string()),
            Display::Table => parts.push("xem=bang".to_string()),
        }
        parts.join("&")
    }

    /// Reads a query string (with or without `?`); unknown keys and values are ignored.
    pub fn from_query(query: &str) -> ViewState {
        let mut s = ViewState::default();
        for pair in query.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match (key, value) {
                ("nam", v) => s.year = v.parse().ok(),
                ("loai", "doanh_nghiep") => s.filter.enterprise = Some(true),
                ("loai", "co_quan") => s.filter.enterprise = Some(false),
                ("cap", "dang_bo_co_so") => s.filter.committee = Some(true),
                ("cap", "chi_bo_co_so") => s.filter.committee = Some(false),
                ("cham", "1") => s.filter.only_lagging = true,
                // Codes are URL-safe by construction; anything else is ignored.
                ("don_vi", v) => s.filter.parent = crate::model::OrgCode::parse(&v.to_ascii_uppercase()).map(|c| c.to_string()),
                ("so_sanh", v) => s.compare = v.parse().ok(),
                ("xem", "bieu_do") => s.display = Display::Chart,
                ("xem", "bang") => s.display = Display::Table,
                _ => {}
            }
        }
        s
    }

    /// Whether the query says anything (else the remembered choice applies).
    pub fn is_default(&self) -> bool {
        *self == ViewState::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_the_query() {
        let s = ViewState {
            year: Some(2024),
            filter: QuotaFilter { enterprise: Some(true), committee: Some(false), only_lagging: true, parent: Some("DN02-1".into()) },
            compare: Some(2023),
            display: Display::Table,
        };
        let q = s.to_query();
        assert_eq!(q, "nam=2024&loai=doanh_nghiep&cap=chi_bo_co_so&cham=1&don_vi=dn02-1&so_sanh=2023&xem=bang");
        assert_eq!(ViewState::from_query(&format!("?{q}")), s);
        assert_eq!(ViewState::default().to_query(), "");
        assert!(ViewState::from_query("?x=1&nam=abc&loai=zzz&don_vi=%3Cb%3E&don_vi=").is_default());
    }

    #[test]
    fn changes_apply_and_never_compare_a_year_with_itself() {
        let mut s = ViewState { year: Some(2025), compare: Some(2024), ..ViewState::default() };
        s.apply(Change::Enterprise(Some(false)));
        s.apply(Change::OnlyLagging(true));
        assert_eq!(s.filter, QuotaFilter { enterprise: Some(false), committee: None, only_lagging: true, parent: None });
        s.apply(Change::Year(2024));
        assert_eq!((s.year, s.compare), (Some(2024), None));
        s.apply(Change::Compare(Some(2024)));
        assert_eq!(s.compare, None);
        s.apply(Change::Compare(Some(2023)));
        s.apply(Change::Display(Display::Table));
        assert_eq!(s.to_query(), "nam=2024&loai=co_quan&cham=1&so_sanh=2023&xem=bang");
    }
}
