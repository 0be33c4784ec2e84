//! `/tin-tuc/` and `/tin-tuc/<slug>/`.

use super::super::layout::{page, PageMeta};
use super::super::markdown;
use super::Context;
use app::format;
use app::model::NewsItem;
use app::routes;
use leptos::prelude::*;

/// A news item in a list: title link, date, summary (the news index and the home page).
pub fn list_item(n: &NewsItem) -> impl IntoView {
    view! {
        <li>
            <a href=routes::news_item(&n.slug)>{n.title.clone()}</a>
            <span class="meta">{format!(" — {}", format::date(n.date))}</span>
            <p>{n.summary.clone()}</p>
        </li>
    }
}

/// News items a list page.
pub const PER_PAGE: usize = 10;

pub fn pages(ctx: &Context<'_>) -> usize {
    ctx.data.news.len().div_ceil(PER_PAGE).max(1)
}

pub fn render_list(ctx: &Context<'_>, n: usize) -> String {
    let total = pages(ctx);
    let path = routes::news_page(n);
    let title = if n == 1 { "Tin tức".to_string() } else { format!("Tin tức — trang {n}") };
    let meta = PageMeta { title: &title, description: "Tin hoạt động của Đảng bộ Khối.", path: &path, app: None };
    let items = ctx.data.news.iter().skip((n - 1) * PER_PAGE).take(PER_PAGE).map(list_item).collect_view();
    let prev = (n > 1).then(|| view! { <a rel="prev" href=routes::news_page(n - 1)>"← Mới hơn"</a> });
    let next = (n < total).then(|| view! { <a rel="next" href=routes::news_page(n + 1)>"Cũ hơn →"</a> });
    let pager = (total > 1)
        .then(|| view! { <nav class="pager" aria-label="Trang tin">{prev}<span>{format!("Trang {n}/{total}")}</span>{next}</nav> });
    page(
        ctx,
        meta,
        view! {
            <h1>{title.clone()}</h1>
            <p><a href=routes::NEWS_FEED>"Theo dõi bằng Atom"</a></p>
            <ul class="list">{items}</ul>
            {pager}
        },
    )
}

pub fn render_one(ctx: &Context<'_>, index: usize) -> String {
    let n = &ctx.data.news[index];
    let path = routes::news_item(&n.slug);
    let meta = PageMeta { title: &n.title, description: &n.summary, path: &path, app: None };
    let body = markdown::to_html(&n.body);
    page(
        ctx,
        meta,
        view! {
            <article class="news">
                <h1>{n.title.clone()}</h1>
                <p class="meta">{format::date_long(n.date)}</p>
                <p class="lead">{n.summary.clone()}</p>
                <div class="prose" inner_html=body></div>
            </article>
        },
    )
}
