//! The WASM dashboard as a leader uses it on a phone: filters that redraw the charts and keep
//! the view in the URL, a reload that restores it, the keyboard, a tap tooltip, the chart/table
//! switch, a comparison year, a failed load that leaves the static page, and the redraw time
//! for a tree of 1,000 organizations (printed, not asserted).

use e2e::{chromium, collect_errors, eval_string, serve_sample_site, wait_for, workspace_root};
use std::time::Duration;

const READY: &str = "document.documentElement.dataset.app === 'ready'";
const TIMEOUT: Duration = Duration::from_secs(30);

fn set_select(tab: &headless_chrome::Tab, id: &str, value: &str) {
    tab.evaluate(
        &format!("(() => {{ const s = document.getElementById('{id}'); s.value = '{value}'; s.dispatchEvent(new Event('change', {{ bubbles: true }})); }})()"),
        false,
    )
    .unwrap();
}

fn rows(tab: &headless_chrome::Tab) -> usize {
    eval_string(tab, "String(document.querySelectorAll('#chi-tieu tbody tr').length)").parse().unwrap()
}

#[test]
fn filters_redraw_the_charts_keep_the_url_and_survive_a_reload() {
    let (_site, addr) = serve_sample_site();
    let chrome = chromium(375, 812);
    let tab = chrome.browser.new_tab().unwrap();
    let errors = collect_errors(&tab);
    tab.navigate_to(&format!("http://{addr}/thong-ke/")).unwrap().wait_until_navigated().unwrap();
    wait_for(&tab, READY, "the app", TIMEOUT);
    let all = rows(&tab);
    let svg_all = eval_string(&tab, "document.querySelector('#chi-tieu svg').outerHTML");

    // Kind: enterprises only.
    set_select(&tab, "chon-loai", "1");
    wait_for(&tab, &format!("document.querySelectorAll('#chi-tieu tbody tr').length < {all}"), "fewer rows", TIMEOUT);
    let enterprises = rows(&tab);
    assert!(enterprises > 0);
    assert_ne!(eval_string(&tab, "document.querySelector('#chi-tieu svg').outerHTML"), svg_all, "the chart is redrawn");
    assert!(eval_string(&tab, "location.search").contains("loai=doanh_nghiep"));

    // Compare with another year: a column appears.
    let other = eval_string(&tab, "document.querySelector('#so-sanh option:last-child').value");
    set_select(&tab, "so-sanh", &other);
    wait_for(&tab, &format!("document.querySelector('#chi-tieu thead').textContent.includes('Năm {other}')"), "the comparison column", TIMEOUT);
    assert!(eval_string(&tab, "location.search").contains(&format!("so_sanh={other}")));

    // The shared link restores the view.
    let url = eval_string(&tab, "location.href");
    tab.navigate_to(&url).unwrap().wait_until_navigated().unwrap();
    wait_for(&tab, READY, "the app after reload", TIMEOUT);
    wait_for(&tab, "document.getElementById('chon-loai').value === '1'", "the kind filter restored", TIMEOUT);
    assert_eq!(rows(&tab), enterprises);
    assert_eq!(eval_string(&tab, "document.getElementById('so-sanh').value"), other);

    // No sideways scroll with the filter bar on a phone.
    assert_eq!(eval_string(&tab, "String(document.documentElement.scrollWidth - document.documentElement.clientWidth)"), "0");
    let errors = errors.lock().unwrap().clone();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

#[test]
fn the_keyboard_the_tooltip_and_the_chart_table_switch_work() {
    let (_site, addr) = serve_sample_site();
    let chrome = chromium(375, 812);
    let tab = chrome.browser.new_tab().unwrap();
    let errors = collect_errors(&tab);
    tab.navigate_to(&format!("http://{addr}/thong-ke/2024/")).unwrap().wait_until_navigated().unwrap();
    wait_for(&tab, READY, "the app", TIMEOUT);

    // Keyboard: focus the "lagging only" box and press Space.
    tab.find_element("#chi-cham").unwrap().focus().unwrap();
    tab.press_key(" ").unwrap();
    wait_for(&tab, "location.search.includes('cham=1')", "the lagging filter from the keyboard", TIMEOUT);
    let lagging_only = eval_string(&tab, "String([...document.querySelectorAll('#chi-tieu tbody tr')].every(r => r.classList.contains('lagging')))");
    assert_eq!(lagging_only, "true");

    // Tap a chart row: the exact figures appear.
    tab.find_element("#chi-tieu svg .hit[data-row='0']").unwrap().click().unwrap();
    wait_for(&tab, "!document.querySelector('.chart-tooltip').hidden", "the tooltip", TIMEOUT);
    let tip = eval_string(&tab, "document.querySelector('.chart-tooltip').textContent");
    assert!(tip.contains('/') && tip.contains('%'), "tooltip: {tip}");

    // Table only, from the keyboard: the chart hides, the table stays.
    tab.find_element("#xem-bang").unwrap().focus().unwrap();
    tab.press_key("Enter").unwrap();
    wait_for(&tab, "document.querySelector('#chi-tieu .chart').hidden", "the chart hidden", TIMEOUT);
    assert_eq!(eval_string(&tab, "String(document.querySelector('#chi-tieu .table-wrap').hidden)"), "false");
    assert!(eval_string(&tab, "location.search").contains("xem=bang"));
    let errors = errors.lock().unwrap().clone();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

#[test]
fn a_failed_app_load_leaves_the_static_charts_and_says_why() {
    let (site, addr) = serve_sample_site();
    for entry in std::fs::read_dir(site.path().join("dist/pkg")).unwrap().flatten() {
        if entry.file_name().to_string_lossy().ends_with("_bg.wasm") {
            std::fs::remove_file(entry.path()).unwrap();
        }
    }
    let chrome = chromium(375, 812);
    let tab = chrome.browser.new_tab().unwrap();
    tab.navigate_to(&format!("http://{addr}/thong-ke/")).unwrap().wait_until_navigated().unwrap();
    wait_for(&tab, "document.documentElement.dataset.app === 'failed'", "the failure to be noticed", TIMEOUT);
    let status = eval_string(&tab, "document.getElementById('app-status').textContent");
    assert!(status.contains("Không tải được phần tương tác"), "status: {status}");
    assert!(eval_string(&tab, "String(!!document.querySelector('#chi-tieu svg[role=img]'))") == "true", "the static chart stays");
    assert!(rows(&tab) > 0, "the static table stays");
}

#[test]
fn redraw_time_for_a_thousand_organizations_is_printed() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = std::process::Command::new(cargo)
        .current_dir(workspace_root())
        .args(["run", "-q", "-p", "xtask", "--", "sample", "--orgs", "1000", "--years", "2023..2025", "--seed", "3", "--out"])
        .arg(&data)
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::copy(workspace_root().join("data/site.toml"), data.join("site.toml")).unwrap();
    let dist = dir.path().join("dist");
    let app = site::render::AppAssets::read(&e2e::app_dir()).unwrap();
    assert!(site::build::Site::new(&data).build(&dist, Some(&app), false).is_ok());
    let addr = site::serve::Server::new(&dist).spawn("127.0.0.1:0").unwrap();
    let grassroots = {
        let text = std::fs::read_to_string(data.join("quotas/2025.toml")).unwrap();
        text.lines().filter(|l| l.contains(" = ") && !l.starts_with("nam") && !l.starts_with("han_")).count()
    };

    let chrome = chromium(375, 812);
    let tab = chrome.browser.new_tab().unwrap();
    tab.navigate_to(&format!("http://{addr}/thong-ke/")).unwrap().wait_until_navigated().unwrap();
    wait_for(&tab, READY, "the app", Duration::from_secs(60));
    // Each change: time from the event to the next task, when the DOM has been redrawn.
    let script = "(async () => {
        const times = [];
        for (const v of ['1', '0', '', '1', '']) {
            const s = document.getElementById('chon-loai');
            const t0 = performance.now();
            s.value = v; s.dispatchEvent(new Event('change', { bubbles: true }));
            await new Promise(r => setTimeout(r, 0));
            times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        return JSON.stringify({ median: times[2], max: times[4], rows: document.querySelectorAll('#chi-tieu tbody tr').length });
    })()";
    let result = tab.evaluate(script, true).unwrap().value.unwrap();
    let result: serde_json::Value = serde_json::from_str(result.as_str().unwrap()).unwrap();
    e2e::figure(format!(
        "redraw: median {:.1} ms, max {:.1} ms per filter change ({} grassroots organizations with quotas in a tree of 1,000; budget 16 ms)",
        result["median"].as_f64().unwrap(),
        result["max"].as_f64().unwrap(),
        grassroots
    ));
    assert!(result["rows"].as_u64().unwrap() > 0);
}
