//! The search page in headless Chromium: a shared `?q=` link opens its results, typing filters
//! them and keeps the query in the URL, the whole flow works from the keyboard, no console errors.

use e2e::{chromium, collect_errors, eval_string, serve_sample_site, wait_for};
use std::time::Duration;

const READY: &str = "document.documentElement.dataset.app === 'ready'";
const TIMEOUT: Duration = Duration::from_secs(30);
const RESULTS: &str = "#search-app .search-results li";

fn titles(tab: &headless_chrome::Tab) -> String {
    eval_string(tab, &format!("[...document.querySelectorAll('{RESULTS} a')].map(a => a.textContent).join('\\n')"))
}

fn query_in_url(tab: &headless_chrome::Tab) -> String {
    eval_string(tab, "String(new URLSearchParams(location.search).get('q'))")
}

#[test]
fn search_finds_folded_terms_follows_typing_and_keeps_the_query_in_the_url() {
    let (_site, addr) = serve_sample_site();
    let chrome = chromium(375, 812);
    let tab = chrome.browser.new_tab().unwrap();
    let errors = collect_errors(&tab);

    // A shared link: the app reads `?q=`, mounts the live box in place of the static list.
    tab.navigate_to(&format!("http://{addr}/tim-kiem/?q=dang%20uy")).unwrap().wait_until_navigated().unwrap();
    wait_for(&tab, READY, "data-app=\"ready\"", TIMEOUT);
    wait_for(&tab, &format!("document.querySelectorAll('{RESULTS}').length > 0"), "results of ?q=dang uy", TIMEOUT);
    assert_eq!(eval_string(&tab, "document.getElementById('tim-kiem-q').value"), "dang uy");
    assert_eq!(eval_string(&tab, "String(document.querySelectorAll('#search-app section').length)"), "0", "the static list is replaced");
    let status = eval_string(&tab, "document.querySelector('#search-app [aria-live=polite]').textContent");
    let count = eval_string(&tab, &format!("String(document.querySelectorAll('{RESULTS}').length)"));
    assert_eq!(status, format!("Tìm thấy {count} kết quả cho “dang uy”."));
    // Folding: the unmarked query finds marked titles, documents among them.
    let first = titles(&tab);
    assert!(first.lines().any(|t| t.contains("Đảng ủy") || t.contains("Đảng bộ")), "a title with Đảng ủy/Đảng bộ:\n{first}");
    assert!(
        eval_string(
            &tab,
            &format!("String([...document.querySelectorAll('{RESULTS} .meta')].some(m => m.textContent.includes('Văn bản')))")
        ) == "true"
    );
    assert!(eval_string(&tab, &format!("document.querySelector('{RESULTS} a').getAttribute('href')")).starts_with('/'));

    // Typing (value + input event): results and URL follow.
    tab.evaluate(
        "(() => { const i = document.getElementById('tim-kiem-q'); i.value = 'ke hoach'; i.dispatchEvent(new Event('input', { bubbles: true })); })()",
        false,
    )
    .unwrap();
    wait_for(
        &tab,
        "document.querySelector('#search-app [aria-live=polite]').textContent.includes('ke hoach')",
        "the status of the new query",
        TIMEOUT,
    );
    let second = titles(&tab);
    assert_ne!(first, second, "the results follow the query");
    assert!(second.lines().any(|t| t.starts_with("Kế hoạch 70-KH/ĐUK")), "{second}");
    assert_eq!(query_in_url(&tab), "ke hoach");
    assert_eq!(eval_string(&tab, "location.pathname"), "/tim-kiem/");

    // Clearing the box clears the results and the query.
    tab.evaluate(
        "(() => { const i = document.getElementById('tim-kiem-q'); i.value = ''; i.dispatchEvent(new Event('input', { bubbles: true })); })()",
        false,
    )
    .unwrap();
    wait_for(&tab, &format!("document.querySelectorAll('{RESULTS}').length === 0"), "no results for an empty query", TIMEOUT);
    assert_eq!(eval_string(&tab, "location.search"), "");

    // From the keyboard: type with marks, Enter stays on the page, Tab reaches the results,
    // Enter opens one.
    tab.evaluate("document.getElementById('tim-kiem-q').focus()", false).unwrap();
    tab.type_str("phát triển").unwrap();
    wait_for(&tab, &format!("document.querySelectorAll('{RESULTS}').length > 0"), "results of typed text", TIMEOUT);
    assert_eq!(query_in_url(&tab), "phát triển");
    tab.press_key("Enter").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(eval_string(&tab, "location.pathname"), "/tim-kiem/", "Enter does not reload the page");
    assert_eq!(eval_string(&tab, "document.activeElement.id"), "tim-kiem-q");
    // The next stop after the box is the first result (the live box has no submit button).
    tab.press_key("Tab").unwrap();
    let href = eval_string(&tab, &format!("document.querySelector('{RESULTS} a').getAttribute('href')"));
    assert_eq!(eval_string(&tab, "document.activeElement.getAttribute('href')"), href, "Tab reaches the first result");
    tab.press_key("Enter").unwrap();
    wait_for(&tab, &format!("location.pathname === '{href}'"), "the chosen result opened", TIMEOUT);
    wait_for(&tab, READY, "data-app=\"ready\" on the result", TIMEOUT);

    let errors = errors.lock().unwrap().clone();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

#[test]
fn the_search_page_without_a_query_invites_one_and_fits_a_phone() {
    let (_site, addr) = serve_sample_site();
    let chrome = chromium(375, 812);
    let tab = chrome.browser.new_tab().unwrap();
    let errors = collect_errors(&tab);
    tab.navigate_to(&format!("http://{addr}/tim-kiem/")).unwrap().wait_until_navigated().unwrap();
    wait_for(&tab, READY, "data-app=\"ready\"", TIMEOUT);
    assert_eq!(eval_string(&tab, "document.querySelector('#search-app [aria-live=polite]').textContent.startsWith('Gõ từ khóa')"), "true");
    assert_eq!(eval_string(&tab, &format!("String(document.querySelectorAll('{RESULTS}').length)")), "0");
    assert_eq!(eval_string(&tab, "String(document.documentElement.scrollWidth <= window.innerWidth)"), "true");
    let errors = errors.lock().unwrap().clone();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}
