//! `/van-ban/` and `/van-ban/<slug>/`: the Khối's documents with their metadata block.

use super::super::layout::{page, PageMeta};
use super::super::markdown;
use super::Context;
use app::format;
use app::routes;
use chrono::Datelike;
use leptos::prelude::*;

pub fn render_list(ctx: &Context<'_>) -> String {
    let meta = PageMeta {
        title: "Văn bản",
        description: "Văn bản của Đảng ủy Khối, theo năm và loại văn bản.",
        path: routes::DOCUMENTS,
        app: None,
    };
    let docs = &ctx.data.documents;
    // Types present, in the catalogue's order, with counts.
    let types = app::model::DocType::ALL
        .into_iter()
        .filter_map(|t| {
            let n = docs.iter().filter(|d| d.doc_type == t).count();
            (n > 0).then(|| view! { <li>{format!("{}: {}", t.name(), n)}</li> })
        })
        .collect_view();
    let mut years: Vec<i32> = docs.iter().map(|d| d.issued.year()).collect();
    years.dedup();
    let sections = years
        .into_iter()
        .map(|year| {
            let rows = docs
                .iter()
                .filter(|d| d.issued.year() == year)
                .map(|d| {
                    view! {
                        <tr>
                            <td><a href=routes::document(&d.slug)>{d.number_symbol.clone()}</a></td>
                            <td>{d.doc_type.name()}</td>
                            <td>{format::date(d.issued)}</td>
                            <td>{d.summary.clone()}</td>
                        </tr>
                    }
                })
                .collect_view();
            let id = format!("nam-{year}");
            let labelled_by = id.clone();
            view! {
                <section aria-labelledby=labelled_by>
                    <h2 id=id>{format!("Năm {year}")}</h2>
                    <div class="table-wrap" tabindex="0">
                        <table class="data-table">
                            <thead><tr><th scope="col">"Số ký hiệu"</th><th scope="col">"Loại"</th><th scope="col">"Ngày ban hành"</th><th scope="col">"Trích yếu"</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                </section>
            }
        })
        .collect_view();
    page(
        ctx,
        meta,
        view! {
            <h1>"Văn bản"</h1>
            <p class="lead">{format!("{} văn bản của Đảng ủy Khối, mới nhất trước. ", docs.len())}<a href="/van-ban/atom.xml">"Theo dõi bằng Atom"</a></p>
            <h2>"Theo loại văn bản"</h2>
            <ul class="type-counts">{types}</ul>
            {sections}
        },
    )
}

pub fn render_one(ctx: &Context<'_>, index: usize) -> String {
    let d = &ctx.data.documents[index];
    let title = format!("{} {}", d.doc_type.name(), d.number_symbol);
    let path = routes::document(&d.slug);
    let meta = PageMeta { title: &title, description: &d.summary, path: &path, app: None };
    let body = markdown::to_html(&d.body);
    let recipients = d.recipients.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view();
    page(
        ctx,
        meta,
        view! {
            <article class="document">
                <p class="kicker">{d.doc_type.name()}</p>
                <h1>{d.summary.clone()}</h1>
                <dl class="doc-meta">
                    <dt>"Số ký hiệu"</dt><dd>{d.number_symbol.clone()}</dd>
                    <dt>"Loại văn bản"</dt><dd>{d.doc_type.name()}</dd>
                    <dt>"Ngày ban hành"</dt><dd>{format!("{}, {}", d.place, format::date_long(d.issued))}</dd>
                    <dt>"Cơ quan ban hành"</dt><dd>{d.issuer.clone()}</dd>
                    <dt>"Người ký"</dt><dd>{format!("{} — {}", d.signer, d.signer_position)}</dd>
                </dl>
                <div class="prose" inner_html=body></div>
                <section class="recipients" aria-labelledby="noi-nhan">
                    <h2 id="noi-nhan">"Nơi nhận"</h2>
                    <ul>{recipients}</ul>
                </section>
            </article>
        },
    )
}
