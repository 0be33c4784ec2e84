//! Stage four: the model and stats rendered to files in memory, keyed by their site path.
//! Pages are Leptos components rendered with `to_html()`; charts come from `app::chart`.

mod app_data;
mod assets;
pub mod changes;
mod feeds;
mod images;
mod layout;
pub(crate) mod markdown;
mod offline;
mod pages;
pub mod tables;
mod workbook;

pub use assets::{AppAssets, Bundle, Fnv};

use app::model::Dataset;
use app::privacy::{Audience, Disclosure, Suppressed};
use app::stats::{Overview, QuotaOverview};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// The whole site as `path → bytes` (`thong-ke/index.html`), ordered so output is deterministic.
pub type Files = BTreeMap<String, Vec<u8>>;

/// What every page needs besides its own content.
pub struct Context<'a> {
    pub data: &'a Dataset,
    pub audience: Audience,
    /// Which counts the audience may see.
    pub disclosure: &'a Disclosure,
    pub quota: &'a QuotaOverview,
    /// Every statistic, computed once for all pages.
    pub stats: &'a Overview,
    /// The statistical forms of every year (Biểu 1, 2, 3, 7 and the ratings).
    pub forms: &'a app::stats::FormsOverview,
    pub app: Option<&'a AppAssets>,
    pub css_path: String,
    /// The site's script (service worker, saved-copy notice, sharing): every page loads it.
    pub script_path: String,
    /// How recent the published figures are: "ngày 30/09/2025" for a year in progress, else
    /// "năm 2024" (empty without data). Said on images and by the saved-copy notice.
    pub data_date: String,
    /// The image a page without figures of its own shows when its link is shared: the
    /// dashboard's main figure.
    pub site_image: Option<String>,
    /// Every published table (CSV and JSON under `/du-lieu/`).
    pub tables: &'a [tables::Table],
    /// When the data was last updated and from which commit, for every page's footer.
    pub updated: String,
    /// The changes of this and earlier builds (`/thay-doi/`).
    pub history: &'a changes::History,
    /// What the report checker page (`/nhap-lieu/`) checks a file against.
    pub checker: &'a rules::one_report::Settings,
    /// The dashboard's data, a file a year.
    pub year_files: &'a app_data::YearFiles,
}

/// Long builds (a national tree has thousands of pages) say how far they are, every tenth.
fn report_progress(done: usize, total: usize) {
    const LONG: usize = 1000;
    if total >= LONG && done.is_multiple_of(total / 10) {
        eprintln!("Đang tạo trang: {done}/{total}");
    }
}

/// The site's files and the cells hidden for privacy.
pub struct Rendered {
    pub files: Files,
    pub suppressed: Vec<Suppressed>,
}

/// How a build is made besides its data.
pub struct Options<'a> {
    pub app: Option<&'a AppAssets>,
    pub audience: Audience,
    /// A published directory whose figure images may be reused (see `images`) and whose
    /// tables this build's are compared with (`changes`).
    pub previous: Option<&'a std::path::Path>,
    /// The data's commit, when built from a git checkout.
    pub provenance: &'a crate::provenance::Provenance,
    /// The Khối's settings, for the report checker page.
    pub checker: &'a rules::one_report::Settings,
}

pub fn render(data: &Dataset, options: Options<'_>) -> Result<Rendered, String> {
    let Options { app, audience, previous, provenance, checker } = options;
    let stats = app::stats::overview(data);
    let forms = app::stats::forms_overview(data);
    let mut disclosure = Disclosure::new(&stats, audience, u64::from(data.site.privacy_threshold));
    disclosure.protect_forms(&forms);
    let quota = &stats.quota;
    let mut files = Files::new();
    let css_path = assets::add_css(&mut files);
    let script_path = offline::add_script(&mut files);
    assets::add_favicon(&mut files);
    images::add_icons(&mut files)?;
    if let Some(app) = app {
        app.add_to(&mut files);
    }
    let tables = tables::published(&stats, &forms, &disclosure);
    for t in &tables {
        t.write(&mut files);
    }
    workbook::add(&mut files, data, &forms, &disclosure)?;
    let year_files = app_data::YearFiles::write(quota, &mut files);
    let data_date = match quota.latest() {
        Some(y) => y.as_of.map_or_else(|| format!("năm {}", y.year), |d| format!("ngày {}", app::format::date(d))),
        None => String::new(),
    };
    let updated_on = last_update(data, provenance);
    let version = provenance.describe();
    let history = changes::history(&files, data, previous, updated_on, version.clone());
    files.insert(changes::log_file(), serde_json::to_vec_pretty(&history).unwrap_or_default());
    let updated = match &version {
        Some(v) => format!("Số liệu cập nhật ngày {} ({v}).", app::format::date(updated_on)),
        None => format!("Số liệu cập nhật ngày {}.", app::format::date(updated_on)),
    };
    let site_image = quota
        .latest()
        .filter(|y| !y.rows.is_empty())
        .map(|_| app::routes::figure_image_of(app::routes::STATS, app::components::QUOTA_FIGURE_ID, "png"));
    let ctx = Context {
        data,
        audience,
        disclosure: &disclosure,
        quota,
        stats: &stats,
        forms: &forms,
        app,
        css_path: css_path.clone(),
        script_path: script_path.clone(),
        data_date,
        site_image,
        tables: &tables,
        updated,
        history: &history,
        checker,
        year_files: &year_files,
    };

    // Each page is independent: render in parallel, collect in path order.
    let jobs = pages::all(&ctx);
    let total = jobs.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let rendered: Vec<((String, Vec<u8>), images::PageFigures)> = jobs
        .into_par_iter()
        .map(|job| {
            let (html, figures) = app::components::images::collect(job.png, || (job.render)(&ctx));
            let page_route = format!("/{}", job.path.trim_end_matches("index.html"));
            report_progress(done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1, total);
            ((job.path.clone(), html.into_bytes()), (page_route, figures))
        })
        .collect();
    let (pages, figures): (Vec<_>, Vec<_>) = rendered.into_iter().unzip();
    files.extend(pages);
    let imprint = images::Imprint {
        base_url: data.site.base_url.trim_end_matches('/'),
        site_title: &data.site.title,
        default_source: &format!("Nguồn: báo cáo của các tổ chức đảng trực thuộc {}, số liệu {}.", data.khoi.name, ctx.data_date),
    };
    images::add_figures(&mut files, &figures, &imprint, previous)?;
    feeds::add(&ctx, &mut files);
    offline::add_manifest(&ctx, &mut files);
    let mut shell = vec![css_path, script_path, "/favicon.svg".to_string(), app::routes::ICON_192.to_string()];
    shell.extend(app.map(|a| a.routes_of(Bundle::Dashboard)).unwrap_or_default());
    offline::stamp_build(&mut files, &shell);
    Ok(Rendered { files, suppressed: disclosure.report(&stats, &forms) })
}

/// When the published data last changed: the data commit's date from a git checkout, else the
/// latest date the data itself names (a year in progress' date, a document, a news item), so
/// the page never depends on the clock.
fn last_update(data: &Dataset, provenance: &crate::provenance::Provenance) -> chrono::NaiveDate {
    if let Some(c) = &provenance.commit {
        return c.date;
    }
    let years = data.years.iter().map(|(&y, d)| d.as_of().or_else(|| chrono::NaiveDate::from_ymd_opt(y, 12, 31)));
    let docs = data.documents.iter().map(|d| Some(d.issued));
    let news = data.news.iter().map(|n| Some(n.date));
    years.chain(docs).chain(news).flatten().max().unwrap_or_default()
}
