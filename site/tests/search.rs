//! `/tim-kiem/` built from the sample data: the no-JavaScript form and full list, and the search
//! index embedded as JSON that the app reads.

use app::search::{Kind, SearchIndex};
use std::path::Path;

fn search_page() -> String {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    let Ok((_, files)) = site::build::Site::new(data).render(None, false) else { panic!("the sample site must build") };
    String::from_utf8(files.get("tim-kiem/index.html").expect("the search page is built").clone()).unwrap()
}

fn embedded_index(html: &str) -> SearchIndex {
    let open = r#"<script type="application/json" id="search-index">"#;
    let start = html.find(open).expect("the page embeds the index") + open.len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).expect("the embedded index is valid JSON")
}

#[test]
fn the_search_page_has_the_form_the_full_list_and_the_index() {
    let html = search_page();
    assert!(html.contains(r#"<form action="/tim-kiem/" method="get" role="search">"#));
    assert!(html.contains(r#"<input type="search" id="tim-kiem-q" name="q""#));
    assert!(html.contains(r#"<label for="tim-kiem-q""#), "the input has a label");
    assert!(html.contains(r#"<div id="search-app""#));
    assert!(html.contains(r#"<a href="/tim-kiem/" aria-current="page">Tìm kiếm</a>"#), "the navigation leads here");

    let index = embedded_index(&html);
    for kind in Kind::ALL {
        let n = index.entries.iter().filter(|e| e.kind == kind).count();
        assert!(n > 0, "{kind:?} entries are indexed");
        assert!(html.contains(&format!(">{}</h2>", kind.name())), "the no-JS list has a {kind:?} group");
    }
    // Every entry is listed without JavaScript.
    for e in &index.entries {
        assert!(html.contains(&format!(r#"<a href="{}">"#, e.url)), "{} is in the static list", e.url);
    }
    // The index is small: folded words only, the body capped.
    assert!(index.entries.iter().all(|e| e.body_words.len() <= app::search::BODY_CAP));
    assert!(!html.contains("Coi trọng chất lượng, không chạy theo số lượng"), "no raw body text beyond the snippets");
    let deep = index.search("khong chay theo so luong");
    assert!(deep.iter().any(|e| e.url == "/van-ban/2021-07-14-70-kh/"), "body text is searchable");
}

#[test]
fn the_embedded_index_finds_sample_pages_with_folded_queries() {
    let index = embedded_index(&search_page());
    let urls = |q: &str| index.search(q).into_iter().map(|e| e.url.clone()).collect::<Vec<_>>();
    assert_eq!(urls("ke hoach 70").first().map(String::as_str), Some("/van-ban/2021-07-14-70-kh/"), "{:?}", urls("ke hoach 70"));
    assert!(!urls("dang uy").is_empty());
    assert!(urls("dang uy").iter().any(|u| u.starts_with("/van-ban/")));
    assert!(urls("so tai chinh").contains(&"/don-vi/cq01/".to_string()), "{:?}", urls("so tai chinh"));
    assert!(urls("CQ01").contains(&"/don-vi/cq01/".to_string()));
    assert!(urls("").is_empty());
}
