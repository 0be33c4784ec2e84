//! One module per kind of page; `all` lists every page of the site.

mod data;
mod documents;
mod home;
mod method;
mod news;
mod not_found;
mod orgs;
mod search;
mod stats;

use super::Context;
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
}

impl Job {
    fn new(path: impl Into<String>, render: impl Fn(&Context<'_>) -> String + Send + Sync + 'static) -> Job {
        Job { path: path.into(), render: Box::new(render) }
    }
}

pub fn all(ctx: &Context<'_>) -> Vec<Job> {
    let mut jobs = vec![
        Job::new("index.html", home::render),
        Job::new("thong-ke/index.html", |ctx| stats::render(ctx, None)),
        Job::new("don-vi/index.html", orgs::render_list),
        Job::new("van-ban/index.html", documents::render_list),
        Job::new("tin-tuc/index.html", |ctx| news::render_list(ctx, 1)),
        Job::new("404.html", not_found::render),
        Job::new("tim-kiem/index.html", search::render),
        Job::new("du-lieu/index.html", |ctx| data::render(ctx, ctx.tables)),
        Job::new("du-lieu/phuong-phap/index.html", method::render),
    ];
    for year in ctx.quota.years.iter().map(|y| y.year) {
        jobs.push(Job::new(format!("thong-ke/{year}/index.html"), move |ctx| stats::render(ctx, Some(year))));
    }
    for code in ctx.data.orgs.keys() {
        let code = code.clone();
        jobs.push(Job::new(format!("don-vi/{}/index.html", code.slug()), move |ctx| orgs::render_one(ctx, &code)));
    }
    for (i, doc) in ctx.data.documents.iter().enumerate() {
        jobs.push(Job::new(format!("van-ban/{}/index.html", doc.slug), move |ctx| documents::render_one(ctx, i)));
    }
    for n in 2..=news::pages(ctx) {
        jobs.push(Job::new(format!("{}index.html", news::list_path(n).trim_start_matches('/')), move |ctx| news::render_list(ctx, n)));
    }
    for (i, item) in ctx.data.news.iter().enumerate() {
        jobs.push(Job::new(format!("tin-tuc/{}/index.html", item.slug), move |ctx| news::render_one(ctx, i)));
    }
    jobs
}
