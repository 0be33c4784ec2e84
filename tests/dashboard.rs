//! The WASM dashboard as a leader uses it on a phone: filters that redraw the charts and keep
//! the view in the URL, a reload that restores it, the keyboard, a tap tooltip, the chart/table
//! switch, a comparison year, a failed load that leaves the static page, and the redraw time
//! for a tree of 1,000 organizations (printed, not asserted).

use e2e::{chromium, collect_errors, eval_string, serve_sample_site, wait_for, workspace_root};
use std::time::Duration;

const READY: &str = "document.documentElement.dataset.app === 'ready'";

/// The tests of this file run one at a time: the redraw time is measured on a machine not busy
/// with another browser.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
const TIMEOUT: Duration = Duration::from_secs(30);

/// The sample site open on a 375×812 phone, the app mounted on `path`; `done` checks what every
/// test ends with: no sideways scroll and no console error.
struct Phone {
    tab: std::sync::Arc<headless_chrome::Tab>,
    errors: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    _chrome: e2e::Chromium,
    _site: tempfile::TempDir,
    _serial: std::sync::MutexGuard<'static, ()>,
}

impl Phone {
    fn open(path: &str) -> Phone {
        let serial = one_at_a_time();
        let (site, addr) = serve_sample_site();
        let chrome = chromium(375, 812);
        let tab = chrome.browser.new_tab().unwrap();
        let errors = collect_errors(&tab);
        tab.navigate_to(&format!("http://{addr}{path}")).unwrap().wait_until_navigated().unwrap();
        wait_for(&tab, READY, "the app", TIMEOUT);
        Phone { tab, errors, _chrome: chrome, _site: site, _serial: serial }
    }

    fn done(self) {
        let overflow = eval_string(&self.tab, "String(document.documentElement.scrollWidth - document.documentElement.clientWidth)");
        assert_eq!(overflow, "0", "sideways scroll on a phone");
        let errors = self.errors.lock().unwrap().clone();
        assert!(errors.is_empty(), "console errors: {errors:#?}");
    }
}

fn set_select(tab: &headless_chrome::Tab, id: &str, value: &str) {
    tab.evaluate(
        &format!("(() => {{ const s = document.getElementById('{id}'); s.value = '{value}'; s.dispatchEvent(new Event('change', {{ bubbles: true }})); }})()"),
        false,
    )
    .unwrap();
}

/// The quota table's rows a reader sees (the app hides those a filter drops).
const SHOWN: &str = "#chi-tieu tbody tr:not([hidden])";

fn rows(tab: &headless_chrome::Tab) -> usize {
    eval_string(tab, &format!("String(document.querySelectorAll('{SHOWN}').length)")).parse().unwrap()
}

/// The quotas of the shown rows add up to the table's total, and the chart has a bar per shown
/// row (up to the rows it draws): table, totals and chart describe the same organizations.
fn assert_consistent(tab: &headless_chrome::Tab) {
    let check = format!(
        "(() => {{
            const n = t => Number(t.replace(/\\./g, ''));
            const shown = [...document.querySelectorAll('{SHOWN}')];
            const sum = shown.reduce((a, r) => a + n(r.cells[1].textContent), 0);
            const total = n(document.querySelector('#chi-tieu tfoot td').textContent);
            const bars = document.querySelectorAll('#chi-tieu svg .hit').length;
            return JSON.stringify({{ sum, total, bars, shown: shown.length }});
        }})()"
    );
    let v: serde_json::Value = serde_json::from_str(&eval_string(tab, &check)).unwrap();
    assert_eq!(v["sum"], v["total"], "shown rows vs total: {v}");
    assert_eq!(v["bars"].as_u64().unwrap(), v["shown"].as_u64().unwrap().min(app::chart::QUOTA_CHART_ROWS as u64), "{v}");
}

#[test]
fn filters_redraw_the_charts_keep_the_url_and_survive_a_reload() {
    let phone = Phone::open("/thong-ke/");
    let tab = &phone.tab;
    let all = rows(tab);
    let svg_all = eval_string(tab, "document.querySelector('#chi-tieu svg').outerHTML");

    // Kind: enterprises only.
    set_select(tab, "chon-loai", "1");
    wait_for(tab, &format!("document.querySelectorAll('{SHOWN}').length < {all}"), "fewer rows", TIMEOUT);
    let enterprises = rows(tab);
    assert!(enterprises > 0);
    assert_consistent(tab);
    assert_ne!(eval_string(tab, "document.querySelector('#chi-tieu svg').outerHTML"), svg_all, "the chart is redrawn");
    assert!(eval_string(tab, "location.search").contains("loai=doanh_nghiep"));

    // Compare with another year: a column appears.
    let other = eval_string(tab, "document.querySelector('#so-sanh option:last-child').value");
    set_select(tab, "so-sanh", &other);
    wait_for(
        tab,
        &format!("document.querySelector('#chi-tieu thead').textContent.includes('Năm {other}')"),
        "the comparison column",
        TIMEOUT,
    );
    assert!(eval_string(tab, "location.search").contains(&format!("so_sanh={other}")));

    // The shared link restores the view.
    let url = eval_string(tab, "location.href");
    tab.navigate_to(&url).unwrap().wait_until_navigated().unwrap();
    wait_for(tab, READY, "the app after reload", TIMEOUT);
    wait_for(tab, "document.getElementById('chon-loai').value === '1'", "the kind filter restored", TIMEOUT);
    // The comparison year is not in the page: fetched, then shown.
    wait_for(tab, &format!("document.getElementById('so-sanh').value === '{other}'"), "the comparison restored", TIMEOUT);
    assert_eq!(rows(tab), enterprises);
    assert_consistent(tab);
    // Back to every organization: every row shows again.
    set_select(tab, "chon-loai", "");
    wait_for(tab, &format!("document.querySelectorAll('{SHOWN}').length === {all}"), "every row again", TIMEOUT);
    assert_consistent(tab);

    phone.done();
}

#[test]
fn the_keyboard_the_tooltip_and_the_chart_table_switch_work() {
    let phone = Phone::open("/thong-ke/2024/");
    let tab = &phone.tab;

    // Keyboard: focus the "lagging only" box and press Space.
    tab.find_element("#chi-cham").unwrap().focus().unwrap();
    tab.press_key(" ").unwrap();
    wait_for(tab, "location.search.includes('cham=1')", "the lagging filter from the keyboard", TIMEOUT);
    let lagging_only =
        eval_string(tab, &format!("String([...document.querySelectorAll('{SHOWN}')].every(r => r.classList.contains('lagging')))"));
    assert_eq!(lagging_only, "true");

    // Tap a chart row: the exact figures appear.
    tab.find_element("#chi-tieu svg .hit[data-hit='0']").unwrap().click().unwrap();
    wait_for(tab, "!document.querySelector('.chart-tooltip').hidden", "the tooltip", TIMEOUT);
    let tip = eval_string(tab, "document.querySelector('.chart-tooltip').textContent");
    assert!(tip.contains('/') && tip.contains('%'), "tooltip: {tip}");
    assert_eq!(tip, eval_string(tab, "document.querySelector('#chi-tieu svg .hit[data-hit=\"0\"] title').textContent"), "the hover text");
    // And a month of the cumulative curve.
    tab.find_element("#cong-don svg .hit[data-hit='2']").unwrap().click().unwrap();
    wait_for(tab, "document.querySelector('.chart-tooltip').textContent.startsWith('T3: ')", "the month's figures", TIMEOUT);

    // Table only, from the keyboard: the chart hides, the table stays.
    tab.find_element("#xem-bang").unwrap().focus().unwrap();
    tab.press_key("Enter").unwrap();
    wait_for(tab, "document.querySelector('#chi-tieu .chart').hidden", "the chart hidden", TIMEOUT);
    assert_eq!(eval_string(tab, "String(document.querySelector('#chi-tieu .table-wrap').hidden)"), "false");
    assert!(eval_string(tab, "location.search").contains("xem=bang"));
    phone.done();
}

#[test]
fn a_failed_app_load_leaves_the_static_charts_and_says_why() {
    let _serial = one_at_a_time();
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
fn unreadable_chart_data_leaves_the_static_charts_and_says_why() {
    let _serial = one_at_a_time();
    let (site, addr) = serve_sample_site();
    // The data embedded in the page cut short, as a broken upload or proxy would leave it.
    let page = site.path().join("dist/thong-ke/index.html");
    let html = std::fs::read_to_string(&page).unwrap();
    let start = html.find("id=\"quota-data\">").unwrap() + "id=\"quota-data\">".len();
    std::fs::write(&page, format!("{}{{\"years\": [{}", &html[..start], &html[start + 40..])).unwrap();
    let chrome = chromium(375, 812);
    let tab = chrome.browser.new_tab().unwrap();
    let errors = collect_errors(&tab);
    tab.navigate_to(&format!("http://{addr}/thong-ke/")).unwrap().wait_until_navigated().unwrap();
    wait_for(&tab, "document.getElementById('app-status').textContent !== ''", "the message", TIMEOUT);
    let status = eval_string(&tab, "document.getElementById('app-status').textContent");
    assert!(status.starts_with("Không thể bật biểu đồ tương tác: dữ liệu biểu đồ không đọc được"), "status: {status}");
    assert!(status.ends_with("Biểu đồ tĩnh vẫn hiển thị đầy đủ."), "status: {status}");
    assert_eq!(eval_string(&tab, "String(document.documentElement.dataset.app)"), "undefined", "not marked ready");
    assert!(eval_string(&tab, "String(!!document.querySelector('#chi-tieu svg[role=img]'))") == "true", "the static chart stays");
    assert!(rows(&tab) > 0, "the static table stays");
    // A warning, not an uncaught error or a panic.
    let errors = errors.lock().unwrap().clone();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

#[test]
fn redraw_time_for_a_thousand_organizations_is_printed() {
    let _serial = one_at_a_time();
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
    // Each change, timed with performance.now() in the page: until both charts are redrawn in
    // the DOM (a MutationObserver on their containers), and until the next frame is painted (a
    // requestAnimationFrame, then a task: that adds style, layout, paint and the wait for the
    // display's next frame). The browser's own counters split the main thread's time.
    use headless_chrome::protocol::cdp::Performance;
    tab.call_method(Performance::Enable { time_domain: None }).unwrap();
    let counters = || -> std::collections::HashMap<String, f64> {
        let m = tab.call_method(Performance::GetMetrics(None)).unwrap().metrics;
        m.into_iter().map(|m| (m.name, m.value)).collect()
    };
    let profile = std::env::var_os("REDRAW_PROFILE").is_some().then(|| e2e::CpuProfile::start(&tab));
    let before = counters();
    let script = "(async () => {
        const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
        const charts = ['#chi-tieu .chart', '#cong-don .chart'].map(s => document.querySelector(s));
        await frame();
        const redrawn = [], painted = [];
        for (const v of ['1', '0', '', '1', '0', '', '1']) {
            const s = document.getElementById('chon-loai');
            let pending = new Set(charts), done;
            const allRedrawn = new Promise(r => done = r);
            const observer = new MutationObserver(records => {
                for (const m of records) pending.forEach(c => c.contains(m.target) && pending.delete(c));
                if (pending.size === 0) done(performance.now());
            });
            charts.forEach(c => observer.observe(c, { childList: true, subtree: true }));
            const t0 = performance.now();
            s.value = v; s.dispatchEvent(new Event('change', { bubbles: true }));
            redrawn.push(await allRedrawn - t0);
            observer.disconnect();
            await frame();
            painted.push(performance.now() - t0);
        }
        const median = a => a.slice().sort((x, y) => x - y)[3];
        return JSON.stringify({ redrawn: median(redrawn), redrawn_max: Math.max(...redrawn), painted: median(painted),
            rows: document.querySelectorAll('#chi-tieu tbody tr:not([hidden])').length });
    })()";
    let result = tab.evaluate(script, true).unwrap().value.unwrap();
    let after = counters();
    if let Some(profile) = profile {
        profile.print_top(&tab, 30, 7.0);
    }
    let spent = |name: &str| (after.get(name).copied().unwrap_or(0.0) - before.get(name).copied().unwrap_or(0.0)) * 1000.0 / 7.0;
    let result: serde_json::Value = serde_json::from_str(result.as_str().unwrap()).unwrap();
    e2e::figure(format!(
        "redraw: charts redrawn in median {:.1} ms (max {:.1}) per filter change, budget 16 ms; next frame painted at median {:.1} ms; \
         main thread per change: script {:.1} ms, style {:.1} ms, layout {:.1} ms ({} grassroots organizations with quotas in a tree of 1,000)",
        result["redrawn"].as_f64().unwrap(),
        result["redrawn_max"].as_f64().unwrap(),
        result["painted"].as_f64().unwrap(),
        spent("ScriptDuration"),
        spent("RecalcStyleDuration"),
        spent("LayoutDuration"),
        grassroots
    ));
    assert!(result["rows"].as_u64().unwrap() > 0);

    // A year change draws every table row anew (the filters only hide rows): timed too, for
    // the record, from the event to the new table body in the DOM and to the painted frame.
    let years = "(async () => {
        const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
        const select = document.getElementById('chon-nam');
        const years = [...select.options].map(o => o.value);
        const inDom = [], painted = [];
        for (const y of [years[1], years[2], years[0], years[1], years[2]]) {
            const body = document.querySelector('#chi-tieu tbody');
            let done;
            const replaced = new Promise(r => done = r);
            const observer = new MutationObserver(() => done(performance.now()));
            observer.observe(body, { childList: true });
            const t0 = performance.now();
            select.value = y; select.dispatchEvent(new Event('change', { bubbles: true }));
            inDom.push(await replaced - t0);
            observer.disconnect();
            await frame();
            painted.push(performance.now() - t0);
        }
        const median = a => a.slice().sort((x, y) => x - y)[2];
        return JSON.stringify({ in_dom: median(inDom), painted: median(painted) });
    })()";
    let years = tab.evaluate(years, true).unwrap().value.unwrap();
    let years: serde_json::Value = serde_json::from_str(years.as_str().unwrap()).unwrap();
    e2e::figure(format!(
        "redraw: a year change (all {grassroots} table rows drawn anew) in the DOM at median {:.1} ms, painted at median {:.1} ms",
        years["in_dom"].as_f64().unwrap(),
        years["painted"].as_f64().unwrap()
    ));
}

/// A dashboard page holds its own year; another is fetched from its content-hashed file when
/// chosen, and a file that cannot be fetched is said, the view staying as it was.
#[test]
fn other_years_are_fetched_when_chosen_and_a_failed_fetch_is_said() {
    let phone = Phone::open("/thong-ke/");
    let tab = &phone.tab;
    let embedded = eval_string(tab, "document.getElementById('quota-data').textContent");
    let embedded: serde_json::Value = serde_json::from_str(&embedded).unwrap();
    assert_eq!(embedded["years"].as_array().unwrap().len(), 1, "the page embeds one year");
    let latest = eval_string(tab, "document.getElementById('chon-nam').value");
    let years: Vec<String> =
        serde_json::from_str(&eval_string(tab, "JSON.stringify([...document.querySelectorAll('#chon-nam option')].map(o => o.value))"))
            .unwrap();
    assert!(years.len() >= 3, "the sample has several years: {years:?}");
    let (other, missing) = (&years[1], &years[2]);
    let fetched = |year: &str| {
        eval_string(
            tab,
            &format!(
                "String(performance.getEntriesByType('resource').filter(e => e.name.includes('/assets/so-lieu/chi-tieu-{year}-')).length)"
            ),
        )
    };
    assert_eq!(fetched(other), "0", "nothing fetched before it is asked for");

    set_select(tab, "chon-nam", other);
    wait_for(tab, &format!("document.querySelector('#chi-tieu figcaption').textContent.includes('{other}')"), "the fetched year", TIMEOUT);
    assert_eq!(fetched(other), "1");
    assert_consistent(tab);
    // Back and forth: a year fetched once is kept.
    set_select(tab, "chon-nam", &latest);
    wait_for(tab, &format!("document.querySelector('#chi-tieu figcaption').textContent.includes('{latest}')"), "the page's year", TIMEOUT);
    set_select(tab, "chon-nam", other);
    wait_for(
        tab,
        &format!("document.querySelector('#chi-tieu figcaption').textContent.includes('{other}')"),
        "the fetched year again",
        TIMEOUT,
    );
    assert_eq!(fetched(other), "1", "fetched once");

    // A file that is gone (a half-finished upload): said, and the view stays.
    let path = embedded["elsewhere"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e[0].as_i64().map(|y| y.to_string()).as_deref() == Some(missing.as_str()))
        .unwrap()[1]
        .as_str()
        .unwrap()
        .to_string();
    std::fs::remove_file(phone._site.path().join("dist").join(path.trim_start_matches('/'))).unwrap();
    set_select(tab, "chon-nam", missing);
    wait_for(
        tab,
        &format!("document.querySelector('.chart-tooltip').textContent.includes('Không tải được số liệu năm {missing}')"),
        "the failure said",
        TIMEOUT,
    );
    assert!(eval_string(tab, "document.querySelector('#chi-tieu figcaption').textContent").contains(other.as_str()), "the view stays");
    assert_eq!(eval_string(tab, "document.getElementById('chon-nam').value"), *other, "the filter bar shows the view on screen");
    let errors: Vec<String> = phone.errors.lock().unwrap().iter().filter(|e| !e.contains("404")).cloned().collect();
    phone.errors.lock().unwrap().clear();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    phone.done();
}

#[test]
fn one_committee_shows_its_quota_and_its_branches() {
    let phone = Phone::open("/thong-ke/");
    let tab = &phone.tab;
    assert!(eval_string(tab, "String(!document.querySelector('.branch-admissions'))") == "true", "no branch table for the whole Khối");

    // The first đảng bộ cơ sở in the list.
    let code = eval_string(tab, "document.querySelector('#chon-don-vi option:nth-child(2)').value");
    let name = eval_string(tab, "document.querySelector('#chon-don-vi option:nth-child(2)').textContent");
    set_select(tab, "chon-don-vi", &code);
    wait_for(tab, "!!document.querySelector('.branch-admissions')", "the branch table", TIMEOUT);
    assert_eq!(rows(tab), 1, "only the committee's own quota row");
    assert_consistent(tab);
    assert!(eval_string(tab, &format!("document.querySelector('{SHOWN} th').textContent")) == name);
    let summary = eval_string(tab, "document.querySelector('#chi-tieu .chart-summary').textContent");
    assert!(summary.contains(&format!("{name} kết nạp")), "the summary names the organization: {summary}");
    let branches: usize = eval_string(tab, "String(document.querySelectorAll('.branch-admissions tbody tr').length)").parse().unwrap();
    assert!(branches > 0, "a đảng bộ cơ sở has branches");
    assert!(eval_string(tab, "location.search").contains(&format!("don_vi={}", code.to_ascii_lowercase())));

    // The link restores it; the whole Khối again removes the branch table.
    let url = eval_string(tab, "location.href");
    tab.navigate_to(&url).unwrap().wait_until_navigated().unwrap();
    wait_for(tab, READY, "the app after reload", TIMEOUT);
    wait_for(tab, "!!document.querySelector('.branch-admissions')", "the branch table after reload", TIMEOUT);
    assert_eq!(eval_string(tab, "document.getElementById('chon-don-vi').value"), code);
    set_select(tab, "chon-don-vi", "");
    wait_for(tab, "!document.querySelector('.branch-admissions')", "the branch table gone", TIMEOUT);
    assert!(rows(tab) > 1);

    // Filters that keep nothing say so instead of drawing an empty chart.
    set_select(tab, "chon-don-vi", &code);
    set_select(tab, "chon-cap", "0");
    wait_for(tab, "document.querySelector('#chi-tieu .chart').hidden", "the empty chart hidden", TIMEOUT);
    assert!(eval_string(tab, "document.querySelector('#chi-tieu .chart-summary').textContent")
        .contains("không có tổ chức cơ sở đảng nào khớp bộ lọc"));
    assert_eq!(rows(tab), 0);
    phone.done();
}

#[test]
fn an_organization_page_lets_the_reader_pick_the_year() {
    // CQ01 is a đảng bộ cơ sở with branches in the sample.
    let phone = Phone::open("/don-vi/cq01/");
    let tab = &phone.tab;
    assert_eq!(eval_string(tab, "String(document.querySelectorAll('#quota-app select').length)"), "2", "year and comparison only");
    assert_eq!(rows(tab), 1);
    assert!(eval_string(tab, "String(!!document.querySelector('.branch-admissions'))") == "true");
    let latest = eval_string(tab, "document.getElementById('chon-nam').value");
    let earlier = eval_string(tab, "document.querySelector('#chon-nam option:last-child').value");
    assert_ne!(latest, earlier);

    set_select(tab, "chon-nam", &earlier);
    wait_for(
        tab,
        &format!("document.querySelector('#chi-tieu figcaption').textContent.includes('{earlier}')"),
        "the earlier year",
        TIMEOUT,
    );
    assert!(eval_string(tab, "document.querySelector('#cong-don figcaption').textContent").contains(&earlier), "the monthly curve follows");
    assert_consistent(tab);
    let search = eval_string(tab, "location.search");
    assert!(search.contains(&format!("nam={earlier}")) && !search.contains("don_vi"), "the page names the organization: {search}");
    // The organization's page keeps the dashboard's remembered choice untouched.
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(eval_string(tab, "String(localStorage.getItem('duk.thong-ke.view'))"), "null");

    let url = eval_string(tab, "location.href");
    tab.navigate_to(&url).unwrap().wait_until_navigated().unwrap();
    wait_for(tab, READY, "the app after reload", TIMEOUT);
    wait_for(tab, &format!("document.getElementById('chon-nam').value === '{earlier}'"), "the year restored", TIMEOUT);
    phone.done();
}

/// What a leader's phone shows: the app replaces the static charts without moving anything,
/// chart text stays legible, every control is a finger-sized target and the filter bar stays in
/// reach while scrolling.
#[test]
fn on_a_phone_nothing_shifts_text_is_legible_and_controls_are_in_reach() {
    let phone = Phone::open("/thong-ke/");
    let tab = &phone.tab;

    // Layout shifts since navigation (the Layout Instability API), the app's mount included.
    let shift: f64 = tab
        .evaluate(
            "new Promise(resolve => { let sum = 0; \
               new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value; }) \
                 .observe({ type: 'layout-shift', buffered: true }); \
               setTimeout(() => resolve(String(sum)), 500); })",
            true,
        )
        .unwrap()
        .value
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap()
        .parse()
        .unwrap();
    e2e::figure(format!("mobile: cumulative layout shift {shift:.4} at 375×812 with the app mounted (good below 0,1)"));
    assert!(shift < 0.01, "the app moved the page: cumulative layout shift {shift}");

    // Chart text as rendered: the SVG's font size times its scale on screen.
    let smallest: f64 = eval_string(
        tab,
        "String(Math.min(...[...document.querySelectorAll('#quota-app svg')].flatMap(svg => { \
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width; \
            return [...svg.querySelectorAll('text')].map(t => parseFloat(t.getAttribute('font-size')) * scale); })))",
    )
    .parse()
    .unwrap();
    e2e::figure(format!("mobile: smallest chart text {smallest:.1} px at 375 px"));
    assert!(smallest >= 11.95, "chart text of {smallest} px");

    // Touch targets of the filter bar and the chart's buttons.
    let small = eval_string(
        tab,
        "[...document.querySelectorAll('.controls select, .controls button, .controls .check, .chart-more button, .year-nav a')] \
           .filter(e => { const r = e.getBoundingClientRect(); return r.height < 44 || r.width < 44; }) \
           .map(e => e.id || e.textContent).join(', ')",
    );
    assert!(small.is_empty(), "targets under 44 px: {small}");

    // Far down the page the filter bar is still on screen, at the top.
    tab.evaluate("window.scrollTo(0, 3000)", false).unwrap();
    wait_for(tab, "window.scrollY > 2000", "the scroll", TIMEOUT);
    let top = eval_string(tab, "String(Math.round(document.querySelector('#quota-app .controls').getBoundingClientRect().top))");
    assert_eq!(top, "0", "the filter bar stays at the top of the screen");
    phone.done();
}
