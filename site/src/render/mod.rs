//! Stage four: the model and stats rendered to files in memory, keyed by their site path.
//! Pages are Leptos components rendered with `to_html()`; charts come from `app::chart`.

mod assets;
mod feeds;
mod layout;
pub(crate) mod markdown;
mod pages;
pub mod tables;

pub use assets::{AppAssets, Bundle};

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
    pub app: Option<&'a AppAssets>,
    pub css_path: String,
    /// Every published table (CSV and JSON under `/du-lieu/`).
    pub tables: &'a [tables::Table],
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

pub fn render(data: &Dataset, app: Option<&AppAssets>, audience: Audience) -> Rendered {
    let stats = app::stats::overview(data);
    let disclosure = Disclosure::new(&stats, audience, u64::from(data.site.privacy_threshold));
    let quota = &stats.quota;
    let mut files = Files::new();
    let css_path = assets::add_css(&mut files);
    assets::add_favicon(&mut files);
    if let Some(app) = app {
        app.add_to(&mut files);
    }
    let tables = tables::published(&stats, &disclosure);
    for t in &tables {
        t.write(&mut files);
    }
    let ctx = Context { data, audience, disclosure: &disclosure, quota, stats: &stats, app, css_path, tables: &tables };

    // Each page is independent: render in parallel, collect in path order.
    let jobs = pages::all(&ctx);
    let total = jobs.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let rendered: Vec<(String, Vec<u8>)> = jobs
        .into_par_iter()
        .map(|job| {
            let page = (job.path.clone(), (job.render)(&ctx).into_bytes());
            report_progress(done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1, total);
            page
        })
        .collect();
    files.extend(rendered);
    feeds::add(&ctx, &mut files);
    Rendered { files, suppressed: disclosure.report(&stats) }
}
