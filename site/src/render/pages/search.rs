//! `/tim-kiem/`: search over documents, news and organizations. The page carries the index as
//! JSON (`#search-index`); the app mounts `SearchBox` into `#search-app`. Without JavaScript the
//! page is a plain GET form and the full list of entries, grouped by kind.

use super::super::layout::{page, PageMeta};
use super::super::Bundle;
use super::Context;
use app::components::SearchForm;
use app::format;
use app::model::{Dataset, Level};
use app::routes;
use app::search::{Entry, Kind, SearchIndex};
use leptos::prelude::*;
use pulldown_cmark::{Event, Options, Parser, TagEnd};

pub fn render(ctx: &Context<'_>) -> String {
    let meta = PageMeta {
        title: "Tìm kiếm",
        description: "Tìm văn bản, tin tức và đơn vị của Đảng bộ Khối, gõ có dấu hoặc không dấu.",
        path: routes::SEARCH,
        app: Some(Bundle::Search),
    };
    let index = index(ctx.data);
    let groups = Kind::ALL
        .into_iter()
        .map(|kind| {
            let id = format!("tat-ca-{}", format::slugify(kind.name()));
            let labelled_by = id.clone();
            let items = index
                .entries
                .iter()
                .filter(|e| e.kind == kind)
                .map(|e| view! { <li><a href=e.url.clone()>{e.title.clone()}</a><p>{e.snippet.clone()}</p></li> })
                .collect_view();
            view! {
                <section aria-labelledby=labelled_by>
                    <h2 id=id>{kind.name()}</h2>
                    <ul class="list">{items}</ul>
                </section>
            }
        })
        .collect_view();
    let total = format::int(index.entries.len() as u64);
    page(
        ctx,
        meta,
        view! {
            <h1>"Tìm kiếm"</h1>
            <p class="lead">"Tìm văn bản, tin tức và đơn vị. Gõ có dấu hoặc không dấu đều được: “dang uy” tìm thấy “Đảng ủy”."</p>
            <p id="app-status" class="app-status" role="status"></p>
            <div id="search-app" class="app-root">
                <SearchForm />
                <p class="meta">{format!("Toàn bộ {total} mục, theo loại:")}</p>
                {groups}
            </div>
            {super::embedded_json("search-index", &index)}
        },
    )
}

/// Every document, news item and organization, in the order of their list pages.
pub fn index(data: &Dataset) -> SearchIndex {
    let mut entries = Vec::new();
    for d in &data.documents {
        let title = format!("{} {} {}", d.doc_type.name(), d.number_symbol, d.summary);
        let body = plain_text(&d.body);
        let snippet = format!("{}, {}. {}", d.issuer, format::date(d.issued), body);
        entries.push(Entry::new(Kind::Document, &title, &routes::document(&d.slug), &snippet, &body));
    }
    for n in &data.news {
        let body = format!("{} {}", n.summary, plain_text(&n.body));
        entries.push(Entry::new(Kind::News, &n.title, &routes::news_item(&n.slug), &n.summary, &body));
    }
    for o in data.orgs.values() {
        let mut snippet = format!("{} · {} · {}", o.level.name(), o.kind.name(), o.code);
        if let Level::Branch { parent } = &o.level {
            if let Some(p) = data.orgs.get(parent) {
                snippet.push_str(&format!(" · trực thuộc {}", p.name));
            }
        }
        if let Some(ended) = o.ended {
            snippet.push_str(&format!(" · đến {}", format::date(ended)));
        }
        let body = format!("{} {} {}", o.code, o.level.name(), o.kind.name());
        entries.push(Entry::new(Kind::Organization, &o.name, &routes::org(&o.code), &snippet, &body));
    }
    SearchIndex::new(entries)
}

/// The text of a markdown body, blocks separated by spaces (raw HTML kept as text, as shown).
fn plain_text(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut out = String::new();
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell) => {
                out.push(' ')
            }
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_plain_text() {
        let text = plain_text("## I. MỤC ĐÍCH\n\n1. Tạo **chuyển biến**\nrõ nét.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert_eq!(text, "I. MỤC ĐÍCH Tạo chuyển biến rõ nét. a b 1 2");
    }
}
