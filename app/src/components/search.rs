//! The search box of `/tim-kiem/`. The static page renders [`SearchForm`] (a plain GET form, the
//! no-JavaScript way); the app mounts [`SearchBox`]: the same labelled input, filtering as one
//! types, the count of results announced politely to screen readers.

use crate::format;
use crate::search::SearchIndex;
use leptos::prelude::*;

/// The id of the query input, the same in the static form and the live box.
pub const SEARCH_INPUT_ID: &str = "tim-kiem-q";
const STATUS_ID: &str = "tim-kiem-trang-thai";

/// The static form: `<form role="search">` with a labelled `<input type="search" name="q">`,
/// submitted to `/tim-kiem/?q=…` (the page then lists everything; the app takes over if it can).
#[component]
pub fn SearchForm() -> impl IntoView {
    view! {
        <form action=crate::routes::SEARCH method="get" role="search">
            <div class="controls">
                <label class="control" for=SEARCH_INPUT_ID>
                    <span>"Từ khóa"</span>
                    <input type="search" id=SEARCH_INPUT_ID name="q" autocomplete="off" spellcheck="false" />
                </label>
                <button type="submit">"Tìm"</button>
            </div>
        </form>
    }
}

/// The live search: the same labelled input in a `role="search"` region (no form: Enter has
/// nothing to submit, the results are already there), results following the query as it is
/// typed, and their count in a polite live region. `on_query` lets the platform keep the query
/// (in the browser, the URL).
#[component]
pub fn SearchBox(index: SearchIndex, #[prop(optional, into)] initial: String, #[prop(into)] on_query: Callback<String>) -> impl IntoView {
    let total = index.entries.len() as u64;
    let index = StoredValue::new(index);
    let (query, set_query) = signal(initial.clone());
    // Ranking a few hundred entries is cheap: run it for the count and for the list.
    let ranked = move || query.with(|q| index.with_value(|i| i.ranked(q)));
    let status = move || {
        let n = ranked().len() as u64;
        query.with(|q| {
            let q = q.trim();
            if q.is_empty() {
                format!("Gõ từ khóa, có dấu hoặc không dấu, để tìm trong {} văn bản, tin tức và đơn vị.", format::int(total))
            } else if n == 0 {
                format!("Không tìm thấy kết quả nào cho “{q}”.")
            } else {
                format!("Tìm thấy {} kết quả cho “{q}”.", format::int(n))
            }
        })
    };
    let results = move || ranked().into_iter().map(|i| index.with_value(|idx| result_item(idx, i))).collect_view();
    view! {
        <div role="search">
            <div class="controls">
                <label class="control" for=SEARCH_INPUT_ID>
                    <span>"Từ khóa"</span>
                    <input
                        type="search"
                        id=SEARCH_INPUT_ID
                        name="q"
                        value=initial
                        autocomplete="off"
                        spellcheck="false"
                        aria-describedby=STATUS_ID
                        on:input=move |ev| {
                            let q = event_target_value(&ev);
                            set_query.set(q.clone());
                            on_query.run(q);
                        }
                    />
                </label>
            </div>
        </div>
        <p id=STATUS_ID class="search-status" role="status" aria-live="polite">{status}</p>
        <ul class="list search-results" aria-label="Kết quả tìm kiếm">{results}</ul>
    }
}

/// A result: title link, kind, snippet.
fn result_item(index: &SearchIndex, i: usize) -> impl IntoView {
    let e = &index.entries[i];
    view! {
        <li>
            <a href=e.url.clone()>{e.title.clone()}</a>
            <span class="meta">{format!(" — {}", e.kind.name())}</span>
            <p>{e.snippet.clone()}</p>
        </li>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::search::{Entry, Kind};

    #[test]
    fn the_static_form_submits_q_to_the_search_page() {
        let html = view! { <SearchForm /> }.to_html();
        assert!(html.contains(r#"<form action="/tim-kiem/" method="get" role="search""#), "{html}");
        assert!(html.contains(r#"<label for="tim-kiem-q" class="control">"#), "{html}");
        assert!(html.contains(r#"<input type="search" id="tim-kiem-q" name="q""#));
    }

    #[test]
    fn the_box_lists_results_of_the_initial_query_with_their_kind() {
        let index = SearchIndex::new(vec![
            Entry::new(Kind::Document, "Kế hoạch 70-KH/ĐUK", "/van-ban/70/", "Căn cứ", ""),
            Entry::new(Kind::Organization, "Đảng bộ Sở Y tế", "/don-vi/cq02/", "Đảng bộ cơ sở", "CQ02"),
        ]);
        let html = view! { <SearchBox index=index initial="ke hoach" on_query=|_: String| {} /> }.to_html();
        assert!(html.contains(r#"<div role="search">"#) && !html.contains("<form"), "{html}");
        assert!(html.contains(r#"aria-live="polite""#));
        assert!(html.contains(r#"aria-describedby="tim-kiem-trang-thai""#));
        assert!(html.contains("Tìm thấy 1 kết quả cho “ke hoach”."), "{html}");
        assert!(html.contains(r#"<a href="/van-ban/70/">Kế hoạch 70-KH/ĐUK</a>"#));
        assert!(html.contains(" — Văn bản"));
        assert!(!html.contains("Sở Y tế"));
        assert!(html.contains(r#"value="ke hoach""#));
    }
}
