//! `/tin-tuc/` and `/tin-tuc/<slug>/`.

use super::super::layout::{page, PageMeta};
use super::super::markdown;
use super::Context;
use app::format;
use app::model::NewsItem;
use leptos::prelude::*;

/// A news item in a list: title link, date, summary (the news index and the home page).
pub fn list_item(n: &NewsItem) -> impl IntoView {
    view! {
        <li>
            <a href=format!("/tin-tuc/{}/", n.slug)>{n.title.clone()}</a>
            <span class="meta">{format!(" — {}", format::date(n.date))}</span>
            <p>{n.summary.clone()}</p>
        </li>
    }
}

pub fn render_list(ctx: &Context<'_>) -> String {
    let meta = PageMeta { title: "Tin tức", description: "Tin hoạt động của Đảng bộ Khối.", path: "/tin-tuc/" };
    let items = ctx
        .data
        .news
        .iter()
        .map(list_item)
        .collect_view();
    page(ctx, meta, view! { <h1>"Tin tức"</h1><ul class="list">{items}</ul> })
}

pub fn render_one(ctx: &Context<'_>, index: usize) -> String {
    let n = &ctx.data.news[index];
    let path = format!("/tin-tuc/{}/", n.slug);
    let meta = PageMeta { title: &n.title, description: &n.summary, path: &path };
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
