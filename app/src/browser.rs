//! The browser side: find the static chart, read the data embedded beside it and mount the
//! interactive view in its place. The only module that touches `web_sys`.

use crate::components::QuotaExplorer;
use crate::stats::QuotaOverview;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const MOUNT_ID: &str = "quota-app";
const DATA_ID: &str = "quota-data";
const STATUS_ID: &str = "app-status";
const YEAR_PARAM: &str = "nam";

/// Mounts the app; on failure the static charts stay and a Vietnamese message says why.
pub fn start() {
    console_error_panic_hook::set_once();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if document.get_element_by_id(MOUNT_ID).is_none() {
        // A page without charts: nothing to enhance, but the app is ready.
        mark_ready(&document);
        return;
    }
    match mount(&document) {
        Ok(()) => mark_ready(&document),
        Err(why) => {
            if let Some(status) = document.get_element_by_id(STATUS_ID) {
                status.set_text_content(Some(&format!("Không thể bật biểu đồ tương tác: {why}. Biểu đồ tĩnh vẫn hiển thị đầy đủ.")));
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
    let json = document
        .get_element_by_id(DATA_ID)
        .and_then(|e| e.text_content())
        .ok_or("trang thiếu dữ liệu biểu đồ")?;
    let overview: QuotaOverview =
        serde_json::from_str(&json).map_err(|e| format!("dữ liệu biểu đồ không đọc được ({e})"))?;
    let latest = overview.latest().map(|y| y.year).ok_or("chưa có năm nào có chỉ tiêu")?;
    // The query wins (a shared link), then the page's own year (/thong-ke/<year>/), then the latest.
    let page_year = target.get_attribute("data-year").and_then(|y| y.parse().ok());
    let initial = year_from_url().or(page_year).filter(|y| overview.year(*y).is_some()).unwrap_or(latest);

    target.set_inner_html("");
    let handle = leptos::mount::mount_to(target, move || {
        view! { <QuotaExplorer overview=overview initial_year=initial on_year=move |y| set_year_in_url(y) /> }
    });
    // Keep the view mounted for the life of the page.
    handle.forget();
    Ok(())
}

fn mark_ready(document: &web_sys::Document) {
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-app", "ready");
    }
}

fn year_from_url() -> Option<i32> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(YEAR_PARAM)?.parse().ok()
}

/// Keeps the chosen year in the query so a shared link opens the same view.
fn set_year_in_url(year: i32) {
    let Some(window) = web_sys::window() else { return };
    let Ok(href) = window.location().href() else { return };
    let Ok(url) = web_sys::Url::new(&href) else { return };
    url.search_params().set(YEAR_PARAM, &year.to_string());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}
