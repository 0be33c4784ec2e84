//! The dashboard's data, one file a year: a page embeds only the year its first view shows and
//! names the others by their files, which the app fetches when a reader chooses them. At a
//! province's size every page embedding every year would weigh megabytes.

use super::assets::short_hash;
use super::Files;
use app::stats::{QuotaOverview, QuotaYear};
use std::collections::BTreeMap;

/// Each year's file, by year.
pub struct YearFiles {
    paths: BTreeMap<i32, String>,
}

impl YearFiles {
    /// Writes every year's file into `files` (named by its content, so a saved copy never goes stale).
    pub fn write(quota: &QuotaOverview, files: &mut Files) -> YearFiles {
        let mut paths = BTreeMap::new();
        for year in &quota.years {
            let json = serde_json::to_vec(&QuotaOverview::of_year(year)).unwrap_or_default();
            let path = app::routes::quota_year_data(year.year, &short_hash(&json));
            files.insert(path.trim_start_matches('/').to_string(), json);
            paths.insert(year.year, path);
        }
        YearFiles { paths }
    }

    /// What the dashboard page of `shown` embeds.
    pub fn embedding(&self, quota: &QuotaOverview, shown: i32) -> QuotaOverview {
        quota.embedding(shown, |y: &QuotaYear| self.paths.get(&y.year).cloned().unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_year_has_a_file_that_reads_back_and_pages_name_them() {
        let data = app::stats::quota_overview(
            &crate::load::load(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data").as_path()).dataset(),
        );
        assert!(data.years.len() >= 2);
        let mut files = Files::new();
        let years = YearFiles::write(&data, &mut files);
        for y in &data.years {
            let page = years.embedding(&data, y.year);
            assert_eq!(page.years.len(), 1, "the page holds its own year");
            assert_eq!((&page.years[0].rows, page.years[0].branches.is_empty()), (&y.rows, true), "without its branches");
            for other in &data.years {
                let path = page.file_of(other.year, true).expect("named by its file");
                let back: QuotaOverview = serde_json::from_slice(&files[path.trim_start_matches('/')]).unwrap();
                assert_eq!(back.years, vec![other.clone()]);
            }
        }
    }
}
