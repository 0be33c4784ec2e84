//! The browser side: find the static chart (or search form), read the data embedded beside it
//! and mount the interactive view in its place. The only module that touches `web_sys`. Two
//! entry points, two downloads: the dashboard's (`/thong-ke/`, organization pages) and the
//! search page's; pages with neither load no wasm at all.

use crate::components::QuotaExplorer;
use crate::stats::{QuotaFilter, QuotaOverview};
use crate::view_state::{Change, ViewState};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

const MOUNT_ID: &str = "quota-app";
const DATA_ID: &str = "quota-data";
const STATUS_ID: &str = "app-status";
/// Where the last choice of filters is remembered on the device.
const STORAGE_KEY: &str = "duk.thong-ke.view";

/// Mounts the dashboard; on failure the static charts stay and a Vietnamese message says why.
pub fn start_dashboard() {
    enhance(mount, "Không thể bật biểu đồ tương tác", "Biểu đồ tĩnh vẫn hiển thị đầy đủ.");
}

/// `/tim-kiem/`: mounts the live search over the static form and list; on failure they stay.
pub fn start_search() {
    enhance(mount_search, "Không thể bật tìm kiếm", "Danh sách đầy đủ vẫn hiển thị bên dưới.");
}

/// Runs `mount` and marks the page ready (`data-app`); on failure the static page stays and its
/// status line says what failed, why, and what is still there.
fn enhance(mount: fn(&web_sys::Document) -> Result<(), String>, failed: &str, still_there: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    match mount(&document) {
        Ok(()) => mark_ready(&document),
        Err(why) => {
            if let Some(status) = document.get_element_by_id(STATUS_ID) {
                status.set_text_content(Some(&format!("{failed}: {why}. {still_there}")));
            }
            web_sys::console::warn_1(&why.into());
        }
    }
}

fn mount(document: &web_sys::Document) -> Result<(), String> {
    let target = document
        .get_element_by_id(MOUNT_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .ok_or("không tìm thấy vùng biểu đồ")?;
    let json = document.get_element_by_id(DATA_ID).and_then(|e| e.text_content()).ok_or("trang thiếu dữ liệu biểu đồ")?;
    let overview: QuotaOverview = parse_json(&json).map_err(|e| format!("dữ liệu biểu đồ không đọc được ({e})"))?;
    let latest = overview.all_years().last().copied().ok_or("chưa có năm nào có chỉ tiêu")?;
    // An organization's page (`data-org`): its own figures, its choice kept in the link only.
    let org = target.get_attribute("data-org");
    // The query wins (a shared link); without one, the choice remembered on this device. The
    // year: the query's, else the page's own (/thong-ke/<year>/), else the latest.
    let from_url = ViewState::from_query(&web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default());
    let url_year = from_url.year;
    let mut initial = if from_url.is_default() && org.is_none() { remembered().unwrap_or_default() } else { from_url };
    let page_year = target.get_attribute("data-year").and_then(|y| y.parse().ok());
    // The page holds its own year; a link to another year or comparison fetches it first.
    let held = page_year
        .filter(|y| overview.year(*y).is_some())
        .or_else(|| overview.years.last().map(|y| y.year))
        .ok_or("trang thiếu số liệu năm")?;
    let wanted_year = url_year.or(page_year).filter(|y| overview.all_years().contains(y)).unwrap_or(latest);
    let wanted_compare = initial.compare.filter(|c| overview.all_years().contains(c) && *c != wanted_year);
    initial.year = Some(held);
    initial.compare = wanted_compare.filter(|c| overview.year(*c).is_some() && *c != held);
    if org.is_some() {
        initial.filter = QuotaFilter { parent: org.clone(), ..QuotaFilter::default() };
    } else if initial.filter.parent.as_ref().is_some_and(|p| !overview.committees.iter().any(|(code, _)| code == p)) {
        // A link or a remembered choice may name an organization this data no longer has.
        initial.filter.parent = None;
    }
    let one_org = org.is_some();
    // What the build drew into the page (its figures' images show that).
    let page_view =
        ViewState { year: Some(held), filter: QuotaFilter { parent: org.clone(), ..QuotaFilter::default() }, ..ViewState::default() };

    // What the link asks for beyond what the page holds, fetched once the view is up.
    let mut later = Vec::new();
    if overview.year(held).is_some_and(|y| y.branches_left_out) && initial.filter.parent.is_some() {
        later.push(Change::Parent(initial.filter.parent.take()));
    }
    if wanted_year != held {
        later.push(Change::Year(wanted_year));
    }
    if wanted_compare.is_some() && wanted_compare != initial.compare {
        later.push(Change::Compare(wanted_compare));
    }
    target.set_inner_html("");
    let handle = leptos::mount::mount_to(target, move || {
        view! { <QuotaExplorer overview=overview initial=initial on_change=move |s: ViewState| keep(s, one_org) on_rows=show_rows on_card=show_card load_year=Callback::new(load_year) one_org=one_org page_view=page_view then=later /> }
    });
    // Keep the view mounted for the life of the page.
    handle.forget();
    Ok(())
}

/// Fetches a year's data file (content-hashed: the service worker keeps it) and parses it with
/// the browser's parser. Promise callbacks rather than futures: no executor in the download.
fn load_year((path, done): (String, Callback<Result<QuotaOverview, String>>)) {
    let Some(window) = web_sys::window() else { return };
    let fail = move |why: &'static str| -> Step { Box::new(move |_| done.run(Err(why.into()))) };
    let answered: Step = Box::new(move |response: JsValue| {
        let response: web_sys::Response = response.unchecked_into();
        // Asked of a failed answer, `json()` would reject unheard.
        match response.ok().then(|| response.json()) {
            Some(Ok(json)) => {
                let parsed: Step = Box::new(move |value| done.run(serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())));
                settle(&json, parsed, fail("dữ liệu sai cú pháp JSON"));
            }
            _ => done.run(Err(format!("máy chủ trả lời {}", response.status()))),
        }
    });
    settle(&window.fetch_with_str(&path), answered, fail("không kết nối được máy chủ"));
}

/// What to do with a promise's outcome.
type Step = Box<dyn FnOnce(JsValue)>;

/// Runs `ok` with what `promise` resolves to, or `failed` with why it rejects. The callbacks
/// live as long as the page (one of the two is never called, and is a few bytes).
fn settle(promise: &js_sys::Promise, ok: Step, failed: Step) {
    use wasm_bindgen::closure::Closure;
    let (ok, failed) = (Closure::once(ok), Closure::once(failed));
    let _ = promise.then2(&ok, &failed);
    ok.forget();
    failed.forget();
}

/// Rewrites the admissions headline card (outside the app's own region) after a redraw.
fn show_card(card: crate::components::Card) {
    leptos::prelude::queue_microtask(move || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let Some(el) = document.get_element_by_id(card.id) else { return };
        for (class, text) in [("card-value", &card.value), ("card-detail", &card.detail)] {
            if let Ok(Some(part)) = el.query_selector(&format!(".{class}")) {
                if part.text_content().as_deref() != Some(text.as_str()) {
                    part.set_text_content(Some(text));
                }
            }
        }
    });
}

/// Hides the quota table's rows a filter drops. Runs once the redraw that called it has reached
/// the DOM (a microtask later), and touches only rows whose state changes.
fn show_rows(keep: Vec<bool>) {
    leptos::prelude::queue_microtask(move || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let Ok(rows) = document.query_selector_all("#chi-tieu tbody > tr") else { return };
        for (i, keep) in keep.into_iter().enumerate() {
            let Some(row) = rows.item(i as u32).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { break };
            if row.has_attribute("hidden") == keep {
                let _ = row.toggle_attribute_with_force("hidden", !keep);
            }
        }
    });
}

/// Keeps a view in the URL query (a shared link opens it) and on the device (without the year,
/// which belongs to the page). After the redraw: it is no part of what the reader waits for.
/// On an organization's page the organization is the page's own, and nothing is remembered
/// (the device's choice belongs to the dashboard).
fn keep(state: ViewState, one_org: bool) {
    leptos::prelude::set_timeout(move || remember(state, one_org), std::time::Duration::ZERO);
}

fn remember(mut state: ViewState, one_org: bool) {
    if one_org {
        state.filter.parent = None;
    } else if let Some(storage) = local_storage() {
        let _ = storage.set_item(STORAGE_KEY, &ViewState { year: None, ..state.clone() }.to_query());
    }
    let Some(window) = web_sys::window() else { return };
    let Ok(href) = window.location().href() else { return };
    let Ok(url) = web_sys::Url::new(&href) else { return };
    url.set_search(&state.to_query());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}

/// The remembered view, stored as its query string (no JSON machinery in the app for this).
fn remembered() -> Option<ViewState> {
    local_storage()?.get_item(STORAGE_KEY).ok()?.map(|q| ViewState::from_query(&q))
}

/// `None` where storage is refused (private browsing, blocked cookies): nothing is remembered.
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Parses with the browser's own JSON parser: the wasm then carries no JSON text parser, which
/// keeps the app within its download budget.
fn parse_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(text).map_err(|e| e.as_string().unwrap_or_else(|| "JSON sai cú pháp".into()))?;
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

fn mark_ready(document: &web_sys::Document) {
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-app", "ready");
    }
}

fn mount_search(document: &web_sys::Document) -> Result<(), String> {
    use crate::components::{SearchBox, SEARCH_INPUT_ID};
    let target = document
        .get_element_by_id("search-app")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .ok_or("không tìm thấy vùng tìm kiếm")?;
    let json = document.get_element_by_id("search-index").and_then(|e| e.text_content()).ok_or("trang thiếu chỉ mục tìm kiếm")?;
    let index: crate::search::SearchIndex = parse_json(&json).map_err(|e| format!("chỉ mục tìm kiếm không đọc được ({e})"))?;
    // Text typed into the static form before the app loaded wins over the link's `?q=`.
    let static_input = document.get_element_by_id(SEARCH_INPUT_ID).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    let had_focus = static_input.is_some() && document.active_element().map(|e| e.id()).as_deref() == Some(SEARCH_INPUT_ID);
    let typed = static_input.map(|i| i.value()).filter(|v| !v.trim().is_empty());
    let initial = typed.clone().or_else(query_from_url).unwrap_or_default();

    target.set_inner_html("");
    let handle = leptos::mount::mount_to(target, move || {
        view! { <SearchBox index=index initial=initial on_query=move |q: String| set_query_in_url(&q) /> }
    });
    handle.forget();
    if let Some(q) = typed {
        set_query_in_url(&q);
    }
    if had_focus {
        if let Some(input) = document.get_element_by_id(SEARCH_INPUT_ID).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = input.focus();
        }
    }
    Ok(())
}

fn query_from_url() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(SEARCH_PARAM)
}

/// Keeps the query in the URL (`?q=…`, none when empty) so a shared link opens the same results.
fn set_query_in_url(query: &str) {
    let Some(window) = web_sys::window() else { return };
    let Ok(href) = window.location().href() else { return };
    let Ok(url) = web_sys::Url::new(&href) else { return };
    if query.trim().is_empty() {
        url.search_params().delete(SEARCH_PARAM);
    } else {
        url.search_params().set(SEARCH_PARAM, query);
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}

const SEARCH_PARAM: &str = "q";
