//! `/`: the latest year's headline figures, latest documents and news.

use super::super::layout::{page, PageMeta};
use super::Context;
use app::format;
use app::routes;
use leptos::prelude::*;

pub fn render(ctx: &Context<'_>) -> String {
    let data = ctx.data;
    let meta = PageMeta { title: &data.site.title, description: &data.site.description, path: "/", app: None };
    let headline = ctx.quota.latest().map(|y| {
        let when = match y.as_of {
            Some(d) => format!("Năm {} (số liệu đến {})", y.year, format::date(d)),
            None => format!("Năm {}", y.year),
        };
        let share = format::percent(y.total_admitted(), y.total_quota()).unwrap_or_else(|| "—".into());
        view! {
            <section class="headline" aria-labelledby="so-lieu-chinh">
                <h2 id="so-lieu-chinh">{when}</h2>
                <dl class="figures">
                    <div>
                        <dt>"Kết nạp / chỉ tiêu"</dt>
                        <dd>{format!("{}/{}", format::int(y.total_admitted()), format::int(y.total_quota()))}</dd>
                        <dd class="sub">{share}</dd>
                    </div>
                    <div>
                        <dt>"Tổ chức cơ sở đảng chậm tiến độ"</dt>
                        <dd>{format!("{}/{}", y.lagging(), y.rows.len())}</dd>
                    </div>
                    <div>
                        <dt>"Đạt chỉ tiêu cả năm"</dt>
                        <dd>{format!("{}/{}", y.met(), y.rows.len())}</dd>
                    </div>
                </dl>
                <p><a href=routes::STATS>"Xem biểu đồ và bảng số liệu →"</a></p>
            </section>
        }
    });
    let docs = data
        .documents
        .iter()
        .take(5)
        .map(|d| {
            view! {
                <li>
                    <a href=routes::document(&d.slug)>{format!("{} {}", d.doc_type.name(), d.number_symbol)}</a>
                    <span class="meta">{format!(" — {}", format::date(d.issued))}</span>
                    <p>{d.summary.clone()}</p>
                </li>
            }
        })
        .collect_view();
    let news = data.news.iter().take(4).map(super::news::list_item).collect_view();
    page(
        ctx,
        meta,
        view! {
            <h1>{data.khoi.name.clone()}</h1>
            <p class="lead">{data.site.description.clone()}</p>
            {headline}
            <div class="columns">
                <section aria-labelledby="van-ban-moi">
                    <h2 id="van-ban-moi">"Văn bản mới"</h2>
                    <ul class="list">{docs}</ul>
                    <p><a href=routes::DOCUMENTS>"Tất cả văn bản →"</a></p>
                </section>
                <section aria-labelledby="tin-moi">
                    <h2 id="tin-moi">"Tin tức"</h2>
                    <ul class="list">{news}</ul>
                    <p><a href=routes::NEWS>"Tất cả tin tức →"</a></p>
                </section>
            </div>
        },
    )
}
