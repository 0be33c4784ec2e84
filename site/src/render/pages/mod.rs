//! One module per kind of page; `all` lists every page of the site.

mod changes;
mod checker;
mod data;
mod documents;
mod home;
mod method;
mod news;
mod not_found;
mod offline;
mod orgs;
mod search;
mod stats;

use super::Context;
use app::components::images::Png;
use app::routes::{self, file_of};
use leptos::prelude::*;

/// Data the app reads from the page: JSON in a `<script>` that no value can close (every `<` is
/// escaped), so it needs no request and no inline script under the CSP.
fn embedded_json<T: serde::Serialize>(id: &'static str, value: &T) -> AnyView {
    let json = serde_json::to_string(value).unwrap_or_default().replace('<', "\\u003c");
    view! { <script type="application/json" id=id inner_html=json></script> }.into_any()
}

pub struct Job {
    pub path: String,
    pub render: Box<dyn Fn(&Context<'_>) -> String + Send + Sync>,
    /// Which of its figures get a PNG.
    pub png: Png,
}

impl Job {
    fn new(path: impl Into<String>, render: impl Fn(&Context<'_>) -> String + Send + Sync + 'static) -> Job {
        Job { path: path.into(), render: Box::new(render), png: Png::Every }
    }

    fn png(self, png: Png) -> Job {
        Job { png, ..self }
    }
}

pub fn all(ctx: &Context<'_>) -> Vec<Job> {
    let mut jobs = vec![
        Job::new(file_of(routes::HOME), home::render),
        Job::new(file_of(routes::STATS), |ctx| stats::render(ctx, None)),
        Job::new(file_of(routes::ORGS), orgs::render_list),
        Job::new(file_of(routes::DOCUMENTS), documents::render_list),
        Job::new(file_of(routes::NEWS), |ctx| news::render_list(ctx, 1)),
        Job::new("404.html", not_found::render),
        Job::new(file_of(routes::OFFLINE), offline::render),
        Job::new(file_of(routes::SEARCH), search::render),
        Job::new(file_of(routes::DATA), |ctx| data::render(ctx, ctx.tables)),
        Job::new(file_of(routes::METHOD), method::render),
        Job::new(file_of(routes::CHANGES), changes::render),
        Job::new(file_of(routes::CHECKER), checker::render),
    ];
    for year in ctx.quota.years.iter().map(|y| y.year) {
        jobs.push(Job::new(file_of(&routes::stats_year(year)), move |ctx| stats::render(ctx, Some(year))));
        jobs.push(Job::new(file_of(&routes::stats_report(year)), move |ctx| stats::render_report(ctx, year)));
    }
    for code in ctx.data.orgs.keys() {
        let code = code.clone();
        jobs.push(Job::new(file_of(&routes::org(&code)), move |ctx| orgs::render_one(ctx, &code)).png(Png::MainOnly));
    }
    for (i, doc) in ctx.data.documents.iter().enumerate() {
        jobs.push(Job::new(file_of(&routes::document(&doc.slug)), move |ctx| documents::render_one(ctx, i)));
    }
    for n in 2..=news::pages(ctx) {
        jobs.push(Job::new(file_of(&routes::news_page(n)), move |ctx| news::render_list(ctx, n)));
    }
    for (i, item) in ctx.data.news.iter().enumerate() {
        jobs.push(Job::new(file_of(&routes::news_item(&item.slug)), move |ctx| news::render_one(ctx, i)));
    }
    jobs
}
