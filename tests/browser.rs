//! The real-browser test of the foundation: the built site served on loopback, `/thong-ke/`
//! opened in headless Chromium, the app mounted, the chart redrawn when the year changes, the
//! choice kept in the URL, and no console errors.

use e2e::{chromium, collect_errors, eval_string, serve_sample_site, wait_for};
use std::time::Duration;

const READY: &str = "document.documentElement.dataset.app === 'ready'";
const TIMEOUT: Duration = Duration::from_secs(30);

#[test]
fn statistics_page_becomes_interactive_and_keeps_the_year_in_the_url() {
    let (_site, addr) = serve_sample_site();
    let chrome = chromium(375, 812);
    let tab = chrome.browser.new_tab().unwrap();
    let errors = collect_errors(&tab);

    tab.navigate_to(&format!("http://{addr}/thong-ke/")).unwrap().wait_until_navigated().unwrap();
    wait_for(&tab, READY, "data-app=\"ready\"", TIMEOUT);

    // The chart is there, drawn by the app (the select is enabled only in the live view).
    wait_for(&tab, "!!document.querySelector('#quota-app svg[role=img]')", "the chart svg", TIMEOUT);
    assert_eq!(eval_string(&tab, "String(document.getElementById('chon-nam').disabled)"), "false");
    let latest = eval_string(&tab, "document.getElementById('chon-nam').value");
    let svg_before = eval_string(&tab, "document.querySelector('#quota-app svg').outerHTML");
    assert!(eval_string(&tab, "document.querySelector('#quota-app figcaption').textContent").contains(&latest));

    // Choose another year: the figure, its table and the URL follow.
    let other = eval_string(&tab, "document.querySelector('#chon-nam option:last-child').value");
    assert_ne!(other, latest, "the sample data has several years");
    tab.evaluate(
        &format!("(() => {{ const s = document.getElementById('chon-nam'); s.value = '{other}'; s.dispatchEvent(new Event('change', {{ bubbles: true }})); }})()"),
        false,
    )
    .unwrap();
    wait_for(
        &tab,
        &format!("document.querySelector('#quota-app figcaption').textContent.includes('{other}')"),
        "the figure of the chosen year",
        TIMEOUT,
    );
    let svg_after = eval_string(&tab, "document.querySelector('#quota-app svg').outerHTML");
    assert_ne!(svg_before, svg_after, "the chart is redrawn for the chosen year");
    assert!(eval_string(&tab, "document.querySelector('#quota-app caption').textContent").contains(&other));
    assert_eq!(eval_string(&tab, "location.search"), format!("?nam={other}"));

    // A shared link opens the same view.
    tab.navigate_to(&format!("http://{addr}/thong-ke/?nam={other}")).unwrap().wait_until_navigated().unwrap();
    wait_for(&tab, READY, "data-app=\"ready\" after reload", TIMEOUT);
    wait_for(
        &tab,
        &format!("document.getElementById('chon-nam').value === '{other}' && document.querySelector('#quota-app figcaption').textContent.includes('{other}')"),
        "the shared year restored",
        TIMEOUT,
    );

    // No horizontal scroll on a phone.
    assert_eq!(eval_string(&tab, "String(document.documentElement.scrollWidth <= window.innerWidth)"), "true");

    let errors = errors.lock().unwrap().clone();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

/// Each page downloads the app it needs, and no other: none where there is nothing to enhance.
#[test]
fn each_page_loads_only_the_app_it_needs() {
    let (_site, addr) = serve_sample_site();
    let chrome = chromium(1280, 800);
    let tab = chrome.browser.new_tab().unwrap();
    let errors = collect_errors(&tab);
    // CQ01-01 is a branch: no quota, no figures to enhance.
    let expected = [
        ("/", ""),
        ("/van-ban/", ""),
        ("/don-vi/cq01-01/", ""),
        ("/thong-ke/", "dashboard"),
        ("/don-vi/cq01/", "dashboard"),
        ("/tim-kiem/", "search"),
    ];
    for (path, app) in expected {
        tab.navigate_to(&format!("http://{addr}{path}")).unwrap().wait_until_navigated().unwrap();
        wait_for(&tab, e2e::APP_SETTLED, &format!("the page to settle on {path}"), TIMEOUT);
        let wasm = eval_string(
            &tab,
            "performance.getEntriesByType('resource').map(e => e.name.split('/').pop()).filter(n => n.endsWith('.wasm')).map(n => n.split('-')[0]).join(',')",
        );
        assert_eq!(wasm, app, "wasm downloaded by {path}");
        if !app.is_empty() {
            assert_eq!(eval_string(&tab, "document.documentElement.dataset.app"), "ready", "{path}");
        }
    }
    let errors = errors.lock().unwrap().clone();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

/// Every kind of page at phone and desktop widths: nothing wider than the viewport.
#[test]
fn no_page_scrolls_sideways_at_320_375_or_1280_px() {
    let (_site, addr) = serve_sample_site();
    let pages = [
        "/",
        "/thong-ke/",
        "/thong-ke/2024/",
        "/don-vi/",
        "/don-vi/cq01/",
        "/don-vi/cq01-01/",
        "/van-ban/",
        "/van-ban/2021-10-26-431-cv/",
        "/tin-tuc/",
        "/du-lieu/",
        "/404.html",
    ];
    let mut checked = 0;
    for (width, height) in [(320, 640), (375, 812), (1280, 800)] {
        let chrome = chromium(width, height);
        let tab = chrome.browser.new_tab().unwrap();
        let errors = collect_errors(&tab);
        for path in pages {
            tab.navigate_to(&format!("http://{addr}{path}")).unwrap().wait_until_navigated().unwrap();
            wait_for(&tab, e2e::APP_SETTLED, &format!("the app, if any, on {path}"), TIMEOUT);
            // clientWidth excludes a vertical scrollbar; anything wider scrolls sideways.
            let overflow = eval_string(&tab, "String(document.documentElement.scrollWidth - document.documentElement.clientWidth)");
            assert_eq!(overflow, "0", "{path} is {overflow}px wider than a {width}px viewport");
            checked += 1;
        }
        let errors = errors.lock().unwrap().clone();
        // The 404 page is served with status 404, which Chromium logs as a failed load.
        let real: Vec<_> = errors.iter().filter(|e| !e.contains("404")).collect();
        assert!(real.is_empty(), "console errors at {width}px: {real:#?}");
    }
    e2e::figure(format!("overflow: {checked} page views checked at 320, 375 and 1280 px"));
}

/// The tallest data-table row in lines of its text, per page, at 375 px: a row of short cells
/// should read as one to three lines, not a column of words (an organization's table once put
/// "Hoàn thành tốt nhiệm vụ" on five lines in a 64 px column).
const ROW_LINES: &str = r#"(() => {
  const out = [];
  for (const table of document.querySelectorAll('.data-table')) {
    if (table.closest('[hidden]')) continue;
    for (const tr of table.querySelectorAll('tbody tr, tfoot tr')) {
      if (tr.hidden) continue;
      // Each cell's own text height (a cell stretches to its row; its text does not).
      let worst = 0, longest = 0, text = '';
      for (const c of tr.children) {
        const s = getComputedStyle(c);
        const size = parseFloat(s.fontSize);
        const line = s.lineHeight === 'normal' ? size * 1.2 : parseFloat(s.lineHeight);
        const range = document.createRange();
        range.selectNodeContents(c);
        const lines = range.getBoundingClientRect().height / line;
        const t = c.textContent.trim();
        if (lines > worst) { worst = lines; text = t; longest = t.length; }
      }
      out.push({ lines: Math.round(worst * 10) / 10, longest, text: text.slice(0, 60), caption: table.caption ? table.caption.textContent : '' });
    }
  }
  return JSON.stringify(out);
})()"#;

#[test]
fn data_table_rows_stay_within_three_lines_on_a_phone() {
    let (_site, addr) = serve_sample_site();
    let chrome = chromium(375, 812);
    let tab = chrome.browser.new_tab().unwrap();
    let pages = ["/don-vi/cq01/", "/don-vi/cq01-01/", "/don-vi/dn01/", "/thong-ke/", "/thong-ke/2024/", "/du-lieu/"];
    let (mut rows, mut tallest) = (0, 0.0_f64);
    for path in pages {
        tab.navigate_to(&format!("http://{addr}{path}")).unwrap().wait_until_navigated().unwrap();
        wait_for(&tab, e2e::APP_SETTLED, &format!("the page to settle on {path}"), TIMEOUT);
        let measured: Vec<serde_json::Value> = serde_json::from_str(&eval_string(&tab, ROW_LINES)).unwrap();
        assert!(!measured.is_empty() || path == "/du-lieu/", "{path} has data tables");
        for m in &measured {
            let lines = m["lines"].as_f64().unwrap();
            // The row's tallest text: a cell that really holds that much (60 characters and more)
            // may take more lines.
            let long = m["longest"].as_u64().unwrap() >= 60;
            assert!(lines <= 3.05 || long, "{path}: a row of \"{}\" is {lines} lines tall ({})", m["text"], m["caption"]);
            tallest = tallest.max(if long { 0.0 } else { lines });
        }
        rows += measured.len();
    }
    e2e::figure(format!("phone tables: {rows} data-table rows on {} pages at 375 px, the tallest {tallest} lines", pages.len()));
}

/// Printed, the statistics page keeps every figure with its chart and its table, even after the
/// reader switched the screen to the table view, and drops the controls; the year's report page
/// prints the same way.
#[test]
fn printing_keeps_every_figure_and_table_and_hides_the_controls() {
    use headless_chrome::protocol::cdp::Emulation;
    let (_site, addr) = serve_sample_site();
    let chrome = chromium(1280, 800);
    let mut seen = Vec::new();
    // The screen shows the table only (`xem=bang`): the print still has the charts.
    for path in ["/thong-ke/?xem=bang", "/thong-ke/2024/bao-cao/"] {
        let tab = chrome.browser.new_tab().unwrap();
        tab.navigate_to(&format!("http://{addr}{path}")).unwrap().wait_until_navigated().unwrap();
        wait_for(&tab, e2e::APP_SETTLED, "the app", TIMEOUT);
        tab.call_method(Emulation::SetEmulatedMedia { media: Some("print".into()), features: None }).unwrap();
        let shown = |selector: &str| -> Vec<bool> {
            serde_json::from_str(&eval_string(
                &tab,
                &format!(
                    "JSON.stringify([...document.querySelectorAll('{selector}')].map(e => getComputedStyle(e).display !== 'none' && !!(e.offsetWidth || e.offsetHeight)))"
                ),
            ))
            .unwrap()
        };
        let (figures, charts, tables) =
            (shown("figure.chart-figure"), shown("figure.chart-figure .chart"), shown("figure.chart-figure .table-wrap"));
        let controls = shown(".controls, .downloads, .image-links, .toggle, .report-link");
        assert!(figures.len() >= 8, "{path}: the page has its figures: {}", figures.len());
        assert!(figures.iter().chain(&tables).all(|&s| s), "{path}: every figure and table prints: {figures:?} {tables:?}");
        let empty_charts: usize =
            eval_string(&tab, "String(document.querySelectorAll('figure.chart-figure .chart:empty').length)").parse().unwrap();
        assert_eq!(charts.iter().filter(|&&s| s).count() + empty_charts, charts.len(), "{path}: every drawn chart prints");
        assert!(controls.iter().all(|&s| !s), "{path}: no control prints: {controls:?}");
        seen.push(format!("{path} {} figures and tables kept, {} controls hidden", figures.len(), controls.len()));
    }
    e2e::figure(format!("print: {}", seen.join("; ")));
}

/// The answer first: on a phone the headline cards stand above the fold of the statistics pages
/// and an organization's page, each links to a figure of the page, and a filter change rewrites
/// the admissions card.
#[test]
fn headline_cards_are_above_the_fold_on_a_phone_and_follow_the_filters() {
    let (_site, addr) = serve_sample_site();
    let chrome = chromium(375, 812);
    let tab = chrome.browser.new_tab().unwrap();
    let errors = collect_errors(&tab);
    let mut seen = Vec::new();
    for (path, at_least) in [("/thong-ke/", 4), ("/thong-ke/2024/", 4), ("/don-vi/cq01/", 3)] {
        tab.navigate_to(&format!("http://{addr}{path}")).unwrap().wait_until_navigated().unwrap();
        wait_for(&tab, e2e::APP_SETTLED, &format!("the app on {path}"), TIMEOUT);
        let cards: usize = eval_string(&tab, "String(document.querySelectorAll('.cards .card').length)").parse().unwrap();
        assert!(cards >= at_least, "{path}: {cards} cards");
        let bottom: f64 = eval_string(&tab, "String(document.querySelector('.cards').getBoundingClientRect().bottom)").parse().unwrap();
        assert!(bottom <= 812.0, "{path}: the cards end at {bottom} px, below the first screen");
        let dangling = eval_string(
            &tab,
            "[...document.querySelectorAll('.cards .card')].map(a => a.getAttribute('href')).filter(h => !document.querySelector(h)).join(' ')",
        );
        assert!(dangling.is_empty(), "{path}: cards link to missing figures: {dangling}");
        seen.push(format!("{path} {cards} cards, bottom {bottom:.0} px"));
    }
    // A filter change on the dashboard rewrites the admissions card.
    tab.navigate_to(&format!("http://{addr}/thong-ke/")).unwrap().wait_until_navigated().unwrap();
    wait_for(&tab, READY, "the app", TIMEOUT);
    let before = eval_string(&tab, "document.querySelector('#the-ket-nap .card-detail').textContent");
    tab.evaluate("(() => { const c = document.querySelector('#quota-app input[type=checkbox]'); c.click(); })()", false).unwrap();
    wait_for(
        &tab,
        "document.querySelector('#the-ket-nap .card-detail').textContent.includes('các tổ chức đang lọc')",
        "the card to follow the filter",
        TIMEOUT,
    );
    let after = eval_string(&tab, "document.querySelector('#the-ket-nap .card-detail').textContent");
    assert_ne!(before, after);
    let errors = errors.lock().unwrap().clone();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    e2e::figure(format!("cards: {}", seen.join("; ")));
}
