//! The report checker page (`/nhap-lieu/`) in Chromium: for every report fault of the corpus
//! (`tests/fixtures/faults/`, applied to `tests/fixtures/base`), the findings the page lists for
//! the chosen file — computed in the browser by the `rules` crate compiled to wasm, with the
//! network cut after the page loaded — are the codes and lines `site check` reports in that
//! file. Checks that compare with other reports are left to the import
//! (`rules::one_report::NEEDS_OTHER_REPORTS`), and `site check` is filtered the same way.
//! Each fault a secretary could type into a workbook (its report loads; the fault is in the
//! values) is also chosen as the organization's workbook, filled by `site template --filled`:
//! the page names the codes and cells `site import` names.

use app::model::Organization;
use e2e::{app_dir, chromium, collect_errors, copy_dir, eval_string, figure, wait_for, workspace_root, NetworkLink};
use std::collections::BTreeSet;
use std::path::Path;
use std::time::Duration;

/// Faults about the year folder a report sits in.
const NO_FOLDER: [&str; 1] = ["e011-year-mismatch.toml"];

/// A fault file of the corpus that replaces or adds a report.
struct Fault {
    name: String,
    /// Where it goes in the data folder (`reports/2024/CQ01.toml`).
    path: String,
    text: String,
}

fn report_faults() -> Vec<Fault> {
    let dir = workspace_root().join("tests/fixtures/faults");
    let mut out = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
    names.sort();
    for p in names.into_iter().filter(|p| p.extension().is_some_and(|e| e == "toml")) {
        let Ok(text) = std::fs::read_to_string(&p) else { continue };
        let header =
            |key: &str| text.lines().take_while(|l| l.starts_with('#')).find_map(|l| l.strip_prefix(&format!("# {key}: ")).map(str::trim));
        let Some(path) = header("path").filter(|p| p.starts_with("reports/")) else { continue };
        // A deletion has no file to choose; a fault whose finding is in another file is not
        // about the chosen file; a hidden file is skipped by `site check` but checked when
        // chosen; a chosen file has no year folder to disagree with.
        let name = Path::new(path).file_name().unwrap().to_string_lossy().into_owned();
        if header("delete").is_some() || header("at").is_some() || name.starts_with('.') || NO_FOLDER.iter().any(|n| p.ends_with(n)) {
            continue;
        }
        // Chosen under the name the data folder gives it (`CQ01.toml`), as secretaries keep it.
        out.push(Fault { name, path: path.to_string(), text });
    }
    out
}

/// Chooses a file named `name` holding `text` in the page's file input, as a secretary would,
/// after clearing the previous result.
fn choose(tab: &headless_chrome::Tab, name: &str, text: &str) {
    let script = format!(
        "(() => {{ document.getElementById('ket-qua-kiem-tra').textContent = ''; \
         const input = document.getElementById('tep-bao-cao'); const dt = new DataTransfer(); \
         dt.items.add(new File([{}], {})); input.files = dt.files; input.dispatchEvent(new Event('change')); return true; }})()",
        serde_json::to_string(text).unwrap(),
        serde_json::to_string(name).unwrap()
    );
    tab.evaluate(&script, false).unwrap();
}

/// A report fault in a workbook: the organization's template filled with the faulty report.
struct WorkbookFault {
    name: String,
    bytes: Vec<u8>,
    /// (code, cell or "FILE") of what `site import` finds in it.
    expected: BTreeSet<(String, String)>,
}

/// The faults whose report loads without a finding in its file (a workbook cannot hold a
/// misspelt key or a count written as text), each as a workbook and what the import says.
fn workbook_faults() -> Vec<WorkbookFault> {
    let mut out = Vec::new();
    for fault in report_faults() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        copy_dir(&workspace_root().join("tests/fixtures/base"), &data);
        let target = data.join(&fault.path);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(&target, &fault.text).unwrap();
        let loaded = site::load::load(&data);
        let in_file = |file| loaded.sources.get(file).path.ends_with(&fault.path);
        // A report filed under another name is about its file name, which a workbook has not.
        let Some((_, _, report)) = loaded.reports.iter().find(|(_, stem, r)| in_file(r.file) && *stem == r.value.org.as_str()) else {
            continue;
        };
        if loaded.findings.items.iter().any(|d| d.file.is_some_and(in_file)) {
            continue;
        }
        let Some(org): Option<&Organization> = loaded.orgs.iter().map(|o| &o.value).find(|o| o.code == report.value.org) else { continue };
        let year = report.value.year;
        let bytes = site::spreadsheet::template::workbook(&loaded, org, year, Some(&report.value)).unwrap();
        let name = site::spreadsheet::template::file_name(org, year);
        let path = dir.path().join(&name);
        std::fs::write(&path, &bytes).unwrap();
        let imported = site::spreadsheet::import::import(&[path], &data);
        let expected = imported
            .findings
            .iter()
            .filter(|f| !rules::one_report::NEEDS_OTHER_REPORTS.contains(&f.code))
            .map(|f| (f.code.to_string(), f.cell.map_or("FILE".to_string(), site::spreadsheet::layout::name)))
            .collect();
        out.push(WorkbookFault { name, bytes, expected });
    }
    out
}

/// (code, cell or "FILE") of what the checker finds in a workbook.
fn cells_of(found: &[rules::one_report::Finding]) -> BTreeSet<(String, String)> {
    use rules::one_report::At;
    found
        .iter()
        .map(|f| {
            let at = match &f.at {
                At::Cell(c) => c.clone(),
                At::File => "FILE".to_string(),
                At::Line { line, .. } => format!("line {line}"),
            };
            (f.code.clone(), at)
        })
        .collect()
}

/// Chooses a workbook, as `choose` does a report file.
fn choose_bytes(tab: &headless_chrome::Tab, name: &str, bytes: &[u8]) {
    let script = format!(
        "(() => {{ document.getElementById('ket-qua-kiem-tra').textContent = ''; \
         const input = document.getElementById('tep-bao-cao'); const dt = new DataTransfer(); \
         dt.items.add(new File([new Uint8Array({})], {})); input.files = dt.files; input.dispatchEvent(new Event('change')); return true; }})()",
        serde_json::to_string(bytes).unwrap(),
        serde_json::to_string(name).unwrap()
    );
    tab.evaluate(&script, false).unwrap();
}

/// (code, line) of what `site check` finds in the fault's own file, as the checker would.
fn site_check(fault: &Fault) -> BTreeSet<(String, usize)> {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&workspace_root().join("tests/fixtures/base"), dir.path());
    let target = dir.path().join(&fault.path);
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    std::fs::write(&target, &fault.text).unwrap();
    let checked = site::build::Site::new(dir.path()).check();
    let sources = checked.sources();
    checked
        .findings()
        .items
        .iter()
        .filter(|d| !rules::one_report::NEEDS_OTHER_REPORTS.contains(&d.code))
        .filter_map(|d| {
            let file = sources.get(d.file?);
            file.path.ends_with(&fault.path).then_some(())?;
            let line = d.span.as_ref().map_or(1, |s| file.line_col(s.start).0);
            Some((d.code.as_str().to_string(), line))
        })
        .collect()
}

/// The same comparison without a browser: quick, and it names every difference.
#[test]
fn checking_a_report_alone_finds_what_site_check_finds_in_it() {
    let settings = rules::one_report::Settings::read(&workspace_root().join("tests/fixtures/base"));
    let mut mismatches = Vec::new();
    let faults = report_faults();
    for fault in &faults {
        let alone: BTreeSet<(String, usize)> = rules::one_report::check(&settings, &fault.name, &fault.text)
            .into_iter()
            .map(|f| (f.code.clone(), f.line().unwrap_or(0)))
            .collect();
        let expected = site_check(fault);
        if alone != expected {
            mismatches.push(format!("{}: alone {alone:?}, site check {expected:?}", fault.name));
        }
    }
    assert!(mismatches.is_empty(), "{} of {} differ:\n{}", mismatches.len(), faults.len(), mismatches.join("\n"));
}

#[test]
fn checking_a_workbook_alone_finds_what_site_import_finds_in_it() {
    let settings = rules::one_report::Settings::read(&workspace_root().join("tests/fixtures/base"));
    let faults = workbook_faults();
    let mut mismatches = Vec::new();
    let mut codes = BTreeSet::new();
    for fault in &faults {
        let alone = cells_of(&rules::one_report::check_workbook(&settings, &fault.name, &fault.bytes));
        if alone != fault.expected {
            mismatches.push(format!("{}: alone {alone:?}, site import {:?}", fault.name, fault.expected));
        }
        codes.extend(fault.expected.iter().filter(|(_, at)| at != "FILE").map(|(c, _)| c.clone()));
    }
    assert!(mismatches.is_empty(), "{} of {} differ:\n{}", mismatches.len(), faults.len(), mismatches.join("\n"));
    // Enough of them, placed at cells, for the comparison to mean something.
    assert!(faults.len() >= 10 && codes.len() >= 8, "{} workbook faults, codes at cells {codes:?}", faults.len());
}

#[test]
fn the_checker_page_finds_what_site_check_finds_with_the_network_cut() {
    let out = tempfile::tempdir().unwrap();
    let dist = out.path().join("dist");
    let app = site::render::AppAssets::read(&app_dir()).unwrap();
    let built = site::build::Site::new(workspace_root().join("tests/fixtures/base")).build(&dist, Some(&app), false);
    assert!(built.is_ok(), "the fixture base must build");
    let server = site::serve::Server::new(&dist).spawn("127.0.0.1:0").unwrap();
    let link = NetworkLink::to(server);

    let chrome = chromium(375, 800);
    let tab = chrome.browser.new_tab().unwrap();
    let errors = collect_errors(&tab);
    tab.navigate_to(&format!("http://{}/nhap-lieu/", link.addr)).unwrap().wait_until_navigated().unwrap();
    wait_for(&tab, "document.documentElement.dataset.app === 'ready'", "the checker app", Duration::from_secs(30));
    assert_eq!(eval_string(&tab, "String(document.getElementById('tep-bao-cao').disabled)"), "false");
    // Nothing leaves the device: from here on the site cannot be reached.
    link.set_up(false);

    let faults = report_faults();
    let mut compared = 0;
    let mut with_findings = BTreeSet::new();
    let mut mismatches = Vec::new();
    for fault in &faults {
        let expected = site_check(fault);
        choose(&tab, &fault.name, &fault.text);
        let shown = format!(
            "document.querySelector('#ket-qua-kiem-tra .check-summary')?.textContent.startsWith({})",
            serde_json::to_string(&format!("Tệp {}:", fault.name)).unwrap()
        );
        wait_for(&tab, &shown, &format!("the result for {}", fault.name), Duration::from_secs(10));
        let listed = eval_string(&tab, "JSON.stringify([...document.querySelectorAll('#ket-qua-kiem-tra li[data-code]')].map(li => [li.dataset.code, Number(li.dataset.line)]))");
        let found: BTreeSet<(String, usize)> = serde_json::from_str::<Vec<(String, usize)>>(&listed).unwrap().into_iter().collect();
        if found != expected {
            mismatches.push(format!("{}: page {found:?}, site check {expected:?}", fault.name));
        }
        compared += 1;
        with_findings.extend(expected.iter().map(|(code, _)| code.clone()));
    }
    figure(format!(
        "checker: {compared} report faults compared offline, {} codes among them: {}",
        with_findings.len(),
        with_findings.iter().cloned().collect::<Vec<_>>().join(" ")
    ));
    assert!(mismatches.is_empty(), "the page and site check differ:\n{}", mismatches.join("\n"));
    assert!(compared >= 10 && with_findings.len() >= 10, "too few faults compared: {compared}, codes {with_findings:?}");
    // Workbooks: the codes and cells `site import` names, still offline.
    let mut workbooks = 0;
    for fault in workbook_faults() {
        choose_bytes(&tab, &fault.name, &fault.bytes);
        let shown = format!(
            "document.querySelector('#ket-qua-kiem-tra .check-summary')?.textContent.startsWith({})",
            serde_json::to_string(&format!("Tệp {}:", fault.name)).unwrap()
        );
        wait_for(&tab, &shown, &format!("the result for workbook {}", fault.name), Duration::from_secs(10));
        let listed = eval_string(
            &tab,
            "JSON.stringify([...document.querySelectorAll('#ket-qua-kiem-tra li[data-code]')].map(li => [li.dataset.code, li.dataset.cell || 'FILE']))",
        );
        let found: BTreeSet<(String, String)> = serde_json::from_str::<Vec<(String, String)>>(&listed).unwrap().into_iter().collect();
        if found != fault.expected {
            mismatches.push(format!("workbook {}: page {found:?}, site import {:?}", fault.name, fault.expected));
        }
        workbooks += 1;
    }
    figure(format!("checker: {workbooks} workbooks with a fault compared offline with `site import`"));
    // A broken workbook is said to be one, with the import's code, for the whole file.
    choose_bytes(&tab, "hong.xlsx", b"PK\x03\x04 not a workbook");
    wait_for(
        &tab,
        "document.querySelector('#ket-qua-kiem-tra li[data-code=\"E010\"]:not([data-cell])')?.textContent.includes('cả tệp')",
        "the broken workbook's finding",
        Duration::from_secs(10),
    );
    assert!(mismatches.is_empty(), "the page and site import differ:\n{}", mismatches.join("\n"));
    assert!(workbooks >= 10, "too few workbooks compared: {workbooks}");
    // The page says what it left to the import, and a clean file is said to be clean.
    let clean = std::fs::read_to_string(workspace_root().join("tests/fixtures/base/reports/2024/CQ01-01.toml")).unwrap();
    choose(&tab, "CQ01-01.toml", &clean);
    wait_for(
        &tab,
        "document.querySelector('#ket-qua-kiem-tra .check-summary')?.textContent.includes('không thấy lỗi')",
        "the clean result",
        Duration::from_secs(10),
    );
    assert!(errors.lock().unwrap().is_empty(), "console errors: {:?}", errors.lock().unwrap());
}
