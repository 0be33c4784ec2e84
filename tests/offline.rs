//! Leaders on the move: a visited dashboard opens without a connection and says it is a saved
//! copy, a page never visited says the device is offline, a new deploy replaces the saved copy
//! and says so; each figure forwards as an image or as a link to the view on screen.

use e2e::{chromium, collect_errors, copy_dir, eval_string, serve_sample_site, wait_for, workspace_root, NetworkLink, APP_SETTLED};
use headless_chrome::Tab;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(30);
/// The two tests each build a site and drive a browser; run side by side on two cores, the
/// rebuild and the service worker's update in the first wait on the second's work (a clean-clone
/// run once timed out waiting for the newer-data notice). One at a time.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
const READY: &str = "document.documentElement.dataset.app === 'ready'";

fn open(tab: &Tab, url: &str) {
    tab.navigate_to(url).unwrap().wait_until_navigated().unwrap();
}

/// The saved-copy notice as the reader sees it ("" while hidden).
fn notice(tab: &Tab) -> String {
    eval_string(tab, "(() => { const n = document.getElementById('ban-luu'); return n && !n.hidden ? n.textContent : ''; })()")
}

fn cache_names(tab: &Tab) -> Vec<String> {
    let value = tab.evaluate("caches.keys().then(k => JSON.stringify(k))", true).unwrap().value.unwrap_or_default();
    serde_json::from_str(value.as_str().unwrap_or("[]")).unwrap()
}

#[test]
fn a_visited_dashboard_opens_offline_and_a_new_deploy_replaces_it() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_dir(&workspace_root().join("data"), &data);
    let dist = dir.path().join("dist");
    let app = site::render::AppAssets::read(&e2e::app_dir()).unwrap();
    let build = || assert!(site::build::Site::new(&data).build(&dist, Some(&app), false).is_ok(), "the site must build");
    build();
    let server = site::serve::Server::new(&dist).spawn("127.0.0.1:0").unwrap();
    let link = NetworkLink::to(server);
    let base = format!("http://{}", link.addr);
    let chrome = chromium(375, 812);
    let tab = chrome.browser.new_tab().unwrap();
    let errors = collect_errors(&tab);

    // Online: the first visit installs the worker, which saves the dashboard and its app.
    open(&tab, &format!("{base}/thong-ke/"));
    wait_for(&tab, READY, "the dashboard app", TIMEOUT);
    wait_for(&tab, "navigator.serviceWorker.controller !== null", "the service worker to take the page", TIMEOUT);
    let figures_online = eval_string(&tab, "String(document.querySelectorAll('figure.chart-figure').length)");
    assert_eq!(notice(&tab), "", "online, the page is no saved copy");
    open(&tab, &format!("{base}/don-vi/cq01/"));
    wait_for(&tab, READY, "the organization page's app", TIMEOUT);
    let first_cache = cache_names(&tab);
    assert_eq!(first_cache.len(), 1, "one cache for one build: {first_cache:?}");

    // The signal is lost.
    link.set_up(false);
    let as_of = eval_string(&tab, "document.getElementById('ban-luu').dataset.soLieu");
    assert!(as_of.starts_with("ngày ") || as_of.starts_with("năm "), "the page knows its data's date: {as_of:?}");
    for path in ["/thong-ke/", "/don-vi/cq01/", "/thong-ke/?loai=1"] {
        open(&tab, &format!("{base}{path}"));
        wait_for(
            &tab,
            "document.getElementById('ban-luu') && !document.getElementById('ban-luu').hidden",
            &format!("the saved-copy notice on {path}"),
            TIMEOUT,
        );
        let said = notice(&tab);
        assert!(said.starts_with(&format!("Đang xem bản lưu, số liệu {as_of}.")), "{path}: {said}");
        // The app and its data come from the saved copy too.
        wait_for(&tab, READY, &format!("the app offline on {path}"), TIMEOUT);
    }
    let figures_offline = eval_string(&tab, "String(document.querySelectorAll('figure.chart-figure').length)");
    assert_eq!(figures_offline, figures_online, "the saved dashboard has every figure");
    e2e::figure(format!("offline: /thong-ke/ with {figures_offline} figures and its app from the saved copy; notice: {}", notice(&tab)));

    // A page never visited: the offline page, not the browser's error.
    open(&tab, &format!("{base}/van-ban/"));
    wait_for(&tab, "document.querySelector('h1') !== null", "the offline page", TIMEOUT);
    assert_eq!(eval_string(&tab, "document.querySelector('h1').textContent"), "Không có kết nối mạng");

    // A new deploy while the reader is away; back online, the saved copy on screen says newer
    // data is out, and the old cache is gone.
    open(&tab, &format!("{base}/thong-ke/"));
    wait_for(&tab, READY, "the saved dashboard", TIMEOUT);
    let news = std::fs::read_dir(data.join("news")).unwrap().flatten().map(|e| e.path()).min().unwrap();
    let mut text = std::fs::read_to_string(&news).unwrap();
    text.push_str("\nĐoạn bổ sung sau khi cập nhật.\n");
    std::fs::write(&news, text).unwrap();
    build();
    link.set_up(true);
    tab.evaluate("window.dispatchEvent(new Event('online'))", false).unwrap();
    wait_for(
        &tab,
        "(document.getElementById('ban-luu').textContent || '').startsWith('Đã có bản cập nhật mới hơn')",
        "the newer-data notice",
        TIMEOUT,
    );
    let newer = notice(&tab);
    // A page fetched from the network after the deploy is the newest: no such notice.
    open(&tab, &format!("{base}/thong-ke/"));
    wait_for(&tab, READY, "the new dashboard", TIMEOUT);
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(notice(&tab), "", "the newest page says nothing");
    let started = std::time::Instant::now();
    let second_cache = loop {
        let names = cache_names(&tab);
        if names.len() == 1 || started.elapsed() > TIMEOUT {
            break names;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(second_cache.len(), 1, "the old cache is dropped: {second_cache:?}");
    assert_ne!(second_cache, first_cache, "a new build, a new cache");
    e2e::figure(format!("offline: after a new deploy, the saved copy says \"{newer}\"; caches {first_cache:?} → {second_cache:?}"));

    // Dropped connections are the point of this test; anything else in the console is not.
    let errors: Vec<String> = errors.lock().unwrap().iter().filter(|e| !e.contains("ERR_")).cloned().collect();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

/// Each figure links its PNG and SVG while the chart shows what the build drew; "Chia sẻ" sends
/// the link to the figure in the view on screen; a page's preview image is its main figure.
#[test]
fn figures_forward_as_images_or_as_the_link_to_the_view_on_screen() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let (_site, addr) = serve_sample_site();
    let chrome = chromium(375, 812);
    let tab = chrome.browser.new_tab().unwrap();
    open(&tab, &format!("http://{addr}/thong-ke/"));
    wait_for(&tab, READY, "the dashboard app", TIMEOUT);

    // Every drawn figure has its images; the PNG is 1000 px wide and tall as its drawing.
    let checked = tab
        .evaluate(
            "Promise.all([...document.querySelectorAll('figure.chart-figure')].filter(f => f.querySelector('.chart svg')).map(async f => {
                const png = f.querySelector('.image-links a[href$=\".png\"]');
                const svg = f.querySelector('.image-links a[href$=\".svg\"]');
                if (!png || !svg) return f.id + ': no image links';
                const image = await createImageBitmap(await (await fetch(png.href)).blob());
                const drawing = await (await fetch(svg.href)).text();
                const box = drawing.match(/viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\"/);
                const expected = Math.ceil(Number(box[2]) * 1000 / Number(box[1]));
                const title = f.querySelector('figcaption').textContent.split(' ').slice(0, 4).join(' ');
                if (image.width !== 1000 || Math.abs(image.height - expected) > 1) return f.id + ': ' + image.width + 'x' + image.height;
                if (!drawing.includes(title) || !drawing.includes('Nguồn:') || !drawing.includes('#' + f.id)) return f.id + ': text missing';
                return 'ok ' + f.id + ' ' + image.width + 'x' + image.height;
            })).then(r => JSON.stringify(r))",
            true,
        )
        .unwrap()
        .value
        .unwrap();
    let checked: Vec<String> = serde_json::from_str(checked.as_str().unwrap()).unwrap();
    assert!(checked.len() >= 8, "{checked:?}");
    assert!(checked.iter().all(|c| c.starts_with("ok ")), "{checked:#?}");
    e2e::figure(format!("images: {} figures on /thong-ke/, each PNG 1000 px wide: {}", checked.len(), checked.join(", ")));

    // The share sheet gets the view on screen: a filter changes the link, and the quota image
    // (drawn for the unfiltered view) is no longer offered.
    tab.evaluate("window.__shared = []; navigator.share = (d) => { window.__shared.push(d); return Promise.resolve(); };", false).unwrap();
    assert_eq!(eval_string(&tab, "getComputedStyle(document.querySelector('#chi-tieu .share-button')).display"), "inline-block");
    tab.evaluate(
        "(() => { const s = document.getElementById('chon-loai'); s.value = '0'; s.dispatchEvent(new Event('change', { bubbles: true })); })()",
        false,
    )
    .unwrap();
    wait_for(&tab, "location.search.includes('loai=')", "the filter in the URL", TIMEOUT);
    wait_for(&tab, "!document.querySelector('#chi-tieu .image-links a[href$=\".png\"]')", "the image link withdrawn", TIMEOUT);
    tab.evaluate("document.querySelector('#chi-tieu .share-button').click()", false).unwrap();
    wait_for(&tab, "window.__shared.length === 1", "the share sheet", TIMEOUT);
    let shared = eval_string(&tab, "JSON.stringify(window.__shared[0])");
    let shared: serde_json::Value = serde_json::from_str(&shared).unwrap();
    let url = shared["url"].as_str().unwrap();
    assert!(url.contains("/thong-ke/?") && url.contains("loai=co_quan") && url.ends_with("#chi-tieu"), "{url}");
    assert_eq!(shared["title"].as_str().unwrap(), eval_string(&tab, "document.querySelector('#chi-tieu figcaption').textContent"));
    e2e::figure(format!("share: {url}"));

    // Without a share sheet the link is copied (or shown to copy by hand).
    tab.evaluate("delete navigator.share; navigator.share = undefined; document.querySelector('#sinh-hoat .share-button').click()", false)
        .unwrap();
    wait_for(
        &tab,
        "document.querySelector('#sinh-hoat .share-button').textContent === 'Đã chép liên kết' || (document.getElementById('ban-luu').textContent || '').includes('#sinh-hoat')",
        "the link copied or shown",
        TIMEOUT,
    );

    // A shared link previews the page's main figure; pages without figures show the dashboard's.
    for (path, image) in
        [("/thong-ke/", "/thong-ke/chi-tieu.png"), ("/don-vi/cq01/", "/don-vi/cq01/chi-tieu.png"), ("/van-ban/", "/thong-ke/chi-tieu.png")]
    {
        open(&tab, &format!("http://{addr}{path}"));
        wait_for(&tab, APP_SETTLED, path, TIMEOUT);
        let og = eval_string(&tab, "document.querySelector('meta[property=\"og:image\"]').content");
        assert!(og.starts_with("https://") && og.ends_with(image), "{path}: {og}");
        let status = tab
            .evaluate(&format!("fetch('{image}').then(r => r.status + ' ' + r.headers.get('content-type'))"), true)
            .unwrap()
            .value
            .unwrap();
        assert_eq!(status.as_str().unwrap(), "200 image/png", "{path}");
    }
}
