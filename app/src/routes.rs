//! Every address the site publishes, in one place: pages, data files, feeds and the names of the
//! published tables. `site` writes its files at these paths ([`file_of`]); pages and the apps
//! link to them. A route changes here or nowhere.

use crate::model::OrgCode;

pub const HOME: &str = "/";
pub const STATS: &str = "/thong-ke/";
pub const ORGS: &str = "/don-vi/";
pub const DOCUMENTS: &str = "/van-ban/";
pub const NEWS: &str = "/tin-tuc/";
pub const DATA: &str = "/du-lieu/";
pub const METHOD: &str = "/du-lieu/phuong-phap/";
pub const SEARCH: &str = "/tim-kiem/";
pub const DOCUMENTS_FEED: &str = "/van-ban/atom.xml";
pub const NEWS_FEED: &str = "/tin-tuc/atom.xml";
pub const SITEMAP: &str = "/sitemap.xml";
/// Where a secretary checks a report file before sending it.
pub const CHECKER: &str = "/nhap-lieu/";
/// What changed in the published figures between builds, its feed and the history it keeps.
pub const CHANGES: &str = "/thay-doi/";
pub const CHANGES_FEED: &str = "/thay-doi/atom.xml";
pub const CHANGES_LOG: &str = "/thay-doi/lich-su.json";
/// What a visitor without a connection sees for a page not saved on the device.
pub const OFFLINE: &str = "/ngoai-tuyen/";
/// The service worker: at the root, so it may serve every page.
pub const SERVICE_WORKER: &str = "/sw.js";
pub const MANIFEST: &str = "/manifest.webmanifest";
/// The home-screen icons, by size in pixels ("maskable": drawn inside the safe zone).
pub const ICON_192: &str = "/icons/icon-192.png";
pub const ICON_512: &str = "/icons/icon-512.png";
pub const ICON_MASKABLE: &str = "/icons/icon-maskable-512.png";
pub const ICON_APPLE: &str = "/icons/apple-touch-icon.png";

/// One year of the dashboard's quota data, fetched when a reader chooses that year: named by
/// its content hash (under `/assets/`, which the service worker keeps cache-first).
pub fn quota_year_data(year: i32, hash: &str) -> String {
    format!("/assets/so-lieu/chi-tieu-{year}-{hash}.json")
}

/// A figure's image, relative to its page (`chi-tieu.png` beside `/thong-ke/`): the same link
/// serves the static page and the app, whatever the page's query.
pub fn figure_image(figure_id: &str, extension: &str) -> String {
    format!("{figure_id}.{extension}")
}

/// [`figure_image`] from the site's root, for the page at `page`.
pub fn figure_image_of(page: &str, figure_id: &str, extension: &str) -> String {
    format!("{page}{}", figure_image(figure_id, extension))
}

/// `/thong-ke/<year>/`.
pub fn stats_year(year: i32) -> String {
    format!("{STATS}{year}/")
}

/// `/thong-ke/<year>/bao-cao/`: the year's figures as one report to print.
pub fn stats_report(year: i32) -> String {
    format!("{STATS}{year}/bao-cao/")
}

/// `/don-vi/<code>/` (the code folded to lower case).
pub fn org(code: &OrgCode) -> String {
    org_code(code.as_str())
}

/// [`org`] for a code held as text (the app's data).
pub fn org_code(code: &str) -> String {
    format!("{ORGS}{}/", code.to_ascii_lowercase())
}

pub fn document(slug: &str) -> String {
    format!("{DOCUMENTS}{slug}/")
}

pub fn news_item(slug: &str) -> String {
    format!("{NEWS}{slug}/")
}

/// Page `n` (from 1) of the news list.
pub fn news_page(n: usize) -> String {
    if n <= 1 {
        NEWS.to_string()
    } else {
        format!("{NEWS}trang-{n}/")
    }
}

/// The CSV file of a published table.
pub fn csv(table: &str) -> String {
    format!("{DATA}{table}.csv")
}

/// The JSON file of a published table.
pub fn json(table: &str) -> String {
    format!("{DATA}{table}.json")
}

/// A workbook of the data folder (`tables::workbook`).
pub fn xlsx(stem: &str) -> String {
    format!("{DATA}{stem}.xlsx")
}

/// The file in the output directory that serves `route`: a page route ending in `/` is its
/// `index.html`; a file route is itself.
pub fn file_of(route: &str) -> String {
    let path = route.trim_start_matches('/');
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

/// Names of the published tables (the stem of their CSV and JSON files).
pub mod tables {
    pub const RATINGS_ORGS: &str = "xep-loai-to-chuc";
    pub const RATINGS_BRANCHES: &str = "xep-loai-chi-bo";
    pub const RATINGS_MEMBERS: &str = "xep-loai-dang-vien";
    pub const CAP: &str = "gioi-han-xuat-sac";
    pub const MEETINGS: &str = "sinh-hoat-chi-bo";
    pub const MOVEMENTS: &str = "bien-dong-dang-vien";
    pub const STOCK: &str = "dang-vien-theo-loai-hinh";
    pub const PROFILE: &str = "co-cau-dang-vien-moi-ket-nap";

    /// Quotas and admissions of one year.
    pub fn quota(year: i32) -> String {
        format!("chi-tieu-ket-nap-{year}")
    }

    /// The Khối's targets and their results in one year.
    pub fn targets(year: i32) -> String {
        format!("muc-tieu-{year}")
    }

    /// Admissions per month of one year.
    pub fn monthly(year: i32) -> String {
        format!("ket-nap-theo-thang-{year}")
    }

    /// One statistical form of one year (`stats::Form::key`: `bieu-1`).
    pub fn form(key: &str, year: i32) -> String {
        format!("{key}-{year}")
    }

    /// The composition table of a form of one year (`bieu-2` → who the admitted are).
    pub fn composition(key: &str, year: i32) -> String {
        format!("co-cau-{key}-{year}")
    }

    /// The workbook of one year's forms, beside its tables (`routes::xlsx`).
    pub fn workbook(year: i32) -> String {
        format!("bieu-thong-ke-{year}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_and_their_files() {
        assert_eq!(file_of(HOME), "index.html");
        assert_eq!(file_of(&stats_year(2024)), "thong-ke/2024/index.html");
        assert_eq!(file_of(&stats_report(2024)), "thong-ke/2024/bao-cao/index.html");
        assert_eq!(file_of(&org(&OrgCode::parse("CQ01-02").unwrap())), "don-vi/cq01-02/index.html");
        assert_eq!(file_of(NEWS_FEED), "tin-tuc/atom.xml");
        assert_eq!(file_of(&csv(tables::MEETINGS)), "du-lieu/sinh-hoat-chi-bo.csv");
        assert_eq!(news_page(1), NEWS);
        assert_eq!(news_page(3), "/tin-tuc/trang-3/");
        assert_eq!(file_of(&figure_image_of(&stats_year(2024), "chi-tieu", "png")), "thong-ke/2024/chi-tieu.png");
    }
}
