//! The checker page in the browser: the chosen file — a report file or a filled workbook — is
//! read on the device, checked by `one_report` and the findings listed; nothing is sent anywhere.

use crate::one_report::{check, check_workbook, page, At, Finding, Settings};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement};

pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    match mount(&document) {
        Ok(()) => {
            if let Some(root) = document.document_element() {
                let _ = root.set_attribute("data-app", "ready");
            }
        }
        Err(why) => {
            if let Some(status) = document.get_element_by_id(page::STATUS_ID) {
                status.set_text_content(Some(&format!(
                    "Không bật được phần kiểm tra ({why}). Có thể gửi tệp cho Văn phòng Đảng ủy để kiểm tra."
                )));
            }
            if let Some(root) = document.document_element() {
                let _ = root.set_attribute("data-app", "failed");
            }
        }
    }
}

fn mount(document: &Document) -> Result<(), String> {
    let json = document.get_element_by_id(page::SETTINGS_ID).and_then(|e| e.text_content()).ok_or("trang thiếu cài đặt kiểm tra")?;
    let settings: Settings = serde_json::from_str(&json).map_err(|e| format!("cài đặt kiểm tra không đọc được: {e}"))?;
    let input = document
        .get_element_by_id(page::INPUT_ID)
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .ok_or("không tìm thấy ô chọn tệp")?;
    input.set_disabled(false);
    let on_change = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        let settings = settings.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let name = file.name();
            let lower = name.to_lowercase();
            let found = if lower.ends_with(".toml") {
                let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await else {
                    return show_error(&name, "không đọc được tệp trên máy");
                };
                let text = text.as_string().unwrap_or_default();
                check(&settings, &name, text.strip_prefix('\u{feff}').unwrap_or(&text))
            } else if lower.ends_with(".xlsx") {
                let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else {
                    return show_error(&name, "không đọc được tệp trên máy");
                };
                check_workbook(&settings, &name, &js_sys::Uint8Array::new(&buffer).to_vec())
            } else {
                return show_error(&name, "chọn tệp báo cáo .toml hoặc sổ tính .xlsx làm từ tệp mẫu của Văn phòng Đảng ủy");
            };
            show(&name, &found);
        });
    });
    input.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref()).map_err(|_| "không gắn được sự kiện chọn tệp")?;
    on_change.forget();
    Ok(())
}

fn element(document: &Document, tag: &str, class: Option<&str>, text: Option<&str>) -> Element {
    // Creating elements cannot fail for these tag names.
    let e = document.create_element(tag).unwrap_throw();
    if let Some(c) = class {
        e.set_class_name(c);
    }
    if let Some(t) = text {
        e.set_text_content(Some(t));
    }
    e
}

fn result_area() -> Option<(Document, Element)> {
    let document = web_sys::window()?.document()?;
    let area = document.get_element_by_id(page::RESULT_ID)?;
    area.set_text_content(None);
    Some((document, area))
}

fn show_error(name: &str, why: &str) {
    let Some((document, area)) = result_area() else { return };
    let _ = area.append_child(&element(&document, "p", Some("check-summary"), Some(&format!("Tệp {name}: {why}."))));
}

fn show(name: &str, found: &[Finding]) {
    let Some((document, area)) = result_area() else { return };
    let errors = found.iter().filter(|f| f.error).count();
    let summary = if found.is_empty() {
        format!("Tệp {name}: không thấy lỗi. Các kiểm tra so với báo cáo năm trước và với báo cáo của các chi bộ trực thuộc chạy khi Văn phòng Đảng ủy nhập báo cáo.")
    } else {
        format!("Tệp {name}: {errors} lỗi, {} cảnh báo. Sửa trong tệp rồi chọn lại tệp để kiểm tra lần nữa.", found.len() - errors)
    };
    let _ = area.append_child(&element(&document, "p", Some("check-summary"), Some(&summary)));
    if found.is_empty() {
        return;
    }
    let list = element(&document, "ol", Some("check-findings"), None);
    for f in found {
        let item = element(&document, "li", Some(if f.error { "finding error" } else { "finding warning" }), None);
        let _ = item.set_attribute("data-code", &f.code);
        let level = if f.error { "Lỗi" } else { "Cảnh báo" };
        let place = match &f.at {
            At::Line { line, column, .. } => {
                let _ = item.set_attribute("data-line", &line.to_string());
                format!("dòng {line}, cột {column}")
            }
            At::Cell(cell) => {
                let _ = item.set_attribute("data-cell", cell);
                format!("ô {cell} (trang “{}”)", crate::workbook::layout::SHEET)
            }
            At::File => "cả tệp".to_string(),
        };
        let _ = item.append_child(&element(&document, "p", None, Some(&format!("{level} {} · {place}: {}", f.code, f.message))));
        if let At::Line { line, source, .. } = &f.at {
            if !source.trim().is_empty() {
                let _ = item.append_child(&element(&document, "pre", None, Some(&format!("{line:>4} | {source}"))));
            }
        }
        if let Some(hint) = &f.hint {
            let _ = item.append_child(&element(&document, "p", Some("hint"), Some(&format!("Gợi ý: {hint}"))));
        }
        let _ = list.append_child(&item);
    }
    let _ = area.append_child(&list);
}
