//! What a year's figures rest on: how many grassroots organizations have sent their report of
//! the year, out of those active in it, and the date the figures reach. Every figure says it
//! ("31/36 tổ chức cơ sở đảng đã nộp báo cáo năm 2025, số liệu đến 30/09/2025").

use crate::model::Dataset;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    pub year: i32,
    /// Grassroots organizations with a report of the year.
    pub reported: u32,
    /// Grassroots organizations active in the year.
    pub expected: u32,
    /// A year in progress: the date its figures reach.
    #[serde(with = "crate::format::iso_date", default)]
    pub as_of: Option<NaiveDate>,
    /// One organization's figures (its own page): its name; they rest on its report alone.
    #[serde(default)]
    pub of: Option<String>,
}

impl Coverage {
    pub fn of(data: &Dataset, year: i32) -> Coverage {
        let reports = data.years.get(&year).map(|y| &y.reports);
        let grassroots = data.orgs.values().filter(|o| o.level.is_grassroots() && o.active_in(year));
        let (mut reported, mut expected) = (0, 0);
        for org in grassroots {
            expected += 1;
            reported += u32::from(reports.is_some_and(|r| r.contains_key(&org.code)));
        }
        let as_of = data.years.get(&year).and_then(super::scope::as_of);
        Coverage { year, reported, expected, as_of, of: None }
    }

    /// The figures of one organization: its own report of the year, if it sent one.
    pub fn of_one(&self, name: &str, reported: bool) -> Coverage {
        Coverage { year: self.year, reported: u32::from(reported), expected: 1, as_of: self.as_of, of: Some(name.to_string()) }
    }

    /// "31/36 tổ chức cơ sở đảng đã nộp báo cáo năm 2025, số liệu đến 30/09/2025".
    pub fn sentence(&self) -> String {
        let until = self.as_of.map(|d| format!(", số liệu đến {}", crate::format::date(d))).unwrap_or_default();
        if let Some(name) = &self.of {
            return match self.reported {
                0 => format!("{name} chưa nộp báo cáo năm {}", self.year),
                _ => format!("báo cáo năm {} của {name}{until}", self.year),
            };
        }
        format!("{}/{} tổ chức cơ sở đảng đã nộp báo cáo năm {}{until}", self.reported, self.expected, self.year)
    }

    fn complete(&self) -> bool {
        self.reported == self.expected && self.as_of.is_none()
    }
}

/// The source line of a figure over several years: the span, and each year whose figures are
/// not yet whole (reports missing, or a year in progress).
pub fn source_of_years(years: &[&Coverage]) -> String {
    let (Some(first), Some(last)) = (years.first(), years.last()) else { return String::new() };
    let span = if first.year == last.year { format!("năm {}", first.year) } else { format!("các năm {}–{}", first.year, last.year) };
    let partial: Vec<String> = years.iter().filter(|c| !c.complete()).map(|c| c.sentence()).collect();
    if partial.is_empty() {
        format!("Nguồn: báo cáo {span} của tất cả tổ chức cơ sở đảng.")
    } else {
        format!("Nguồn: báo cáo {span} của các tổ chức cơ sở đảng; {}.", partial.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_counts_the_active_grassroots_organizations_that_reported() {
        let data = super::super::testdata::dataset();
        for &year in data.years.keys() {
            let c = Coverage::of(&data, year);
            assert!(c.reported <= c.expected && c.expected > 0, "{c:?}");
            assert_eq!(c.reported as usize, data.years[&year].reports.keys().filter(|k| data.orgs[*k].level.is_grassroots()).count());
        }
    }

    #[test]
    fn sources_name_the_years_that_are_not_whole() {
        let whole = Coverage { year: 2024, reported: 36, expected: 36, as_of: None, of: None };
        let partial = Coverage { year: 2025, reported: 31, expected: 36, as_of: NaiveDate::from_ymd_opt(2025, 9, 30), of: None };
        assert_eq!(partial.of_one("Chi bộ A", true).sentence(), "báo cáo năm 2025 của Chi bộ A, số liệu đến 30/09/2025");
        assert_eq!(whole.of_one("Chi bộ A", false).sentence(), "Chi bộ A chưa nộp báo cáo năm 2024");
        assert_eq!(partial.sentence(), "31/36 tổ chức cơ sở đảng đã nộp báo cáo năm 2025, số liệu đến 30/09/2025");
        assert_eq!(source_of_years(&[&whole]), "Nguồn: báo cáo năm 2024 của tất cả tổ chức cơ sở đảng.");
        assert_eq!(
            source_of_years(&[&whole, &partial]),
            "Nguồn: báo cáo các năm 2024–2025 của các tổ chức cơ sở đảng; 31/36 tổ chức cơ sở đảng đã nộp báo cáo năm 2025, số liệu đến 30/09/2025."
        );
        assert_eq!(source_of_years(&[]), "");
    }
}
