//! Privacy by attack: read only what the public build publishes, collect every published value
//! and total, and show that each hidden cell still has at least two feasible values. Then the
//! internal build shows the true counts, marked "Nội bộ", and the report lists every hidden cell.

use serde_json::Value;
use std::path::Path;

mod common;
use common::{sample_data, scratch, site};

const K: u64 = 3;

fn build(audience: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let data = sample_data();
    let out = site(&["build", "--data", data.to_str().unwrap(), "--out", "public", "--audience", audience], dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    dir
}

fn table(dir: &Path, name: &str) -> Vec<serde_json::Map<String, Value>> {
    let text = std::fs::read_to_string(dir.join(format!("public/du-lieu/{name}.json"))).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    doc["rows"].as_array().unwrap().iter().map(|r| r.as_object().unwrap().clone()).collect()
}

/// A published cell: a number, or what its marker tells a reader who knows the rule.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cell {
    Known(u64),
    /// "<k": between 1 and k − 1.
    Small,
    /// "ẩn": hidden as a partner, so neither 0 nor small.
    Partner,
}

fn cell(v: &Value) -> Cell {
    match v {
        Value::Number(n) => Cell::Known(n.as_u64().unwrap()),
        Value::String(s) if s == &format!("<{K}") => Cell::Small,
        Value::String(s) if s == "ẩn" => Cell::Partner,
        other => panic!("unexpected published cell {other}"),
    }
}

/// Every value each hidden cell can take, given the row's published total (bounded search:
/// the total bounds every cell).
fn feasible_values(cells: &[Cell], total: u64) -> Vec<Vec<u64>> {
    let known: u64 = cells.iter().filter_map(|c| if let Cell::Known(v) = c { Some(*v) } else { None }).sum();
    let rest = total - known;
    let hidden: Vec<usize> = (0..cells.len()).filter(|&i| cells[i] != Cell::Known(0) && !matches!(cells[i], Cell::Known(_))).collect();
    let range = |c: Cell| match c {
        Cell::Small => (1, K - 1),
        Cell::Partner => (K, rest),
        Cell::Known(v) => (v, v),
    };
    // Enumerate assignments of the hidden cells that add up to `rest`.
    let mut out = vec![Vec::new(); cells.len()];
    fn walk(
        i: usize,
        left: u64,
        hidden: &[usize],
        cells: &[Cell],
        range: &dyn Fn(Cell) -> (u64, u64),
        chosen: &mut Vec<u64>,
        out: &mut Vec<Vec<u64>>,
    ) {
        if i == hidden.len() {
            if left == 0 {
                for (j, &h) in hidden.iter().enumerate() {
                    if !out[h].contains(&chosen[j]) {
                        out[h].push(chosen[j]);
                    }
                }
            }
            return;
        }
        let (lo, hi) = range(cells[hidden[i]]);
        for v in lo..=hi.min(left) {
            chosen.push(v);
            walk(i + 1, left - v, hidden, cells, range, chosen, out);
            chosen.pop();
        }
    }
    walk(0, rest, &hidden, cells, &range, &mut Vec::new(), &mut out);
    out
}

#[test]
fn no_hidden_cell_can_be_recovered_from_the_public_output() {
    let public = build("public");
    let grades = table(public.path(), "xep-loai-dang-vien");
    let stock = table(public.path(), "dang-vien-theo-loai-hinh");
    let columns = ["xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh", "khong_xep_loai"];
    let mut hidden_cells = 0;
    for row in &grades {
        let year = row["nam"].as_u64().unwrap();
        let total = stock.iter().find(|s| s["nam"].as_u64() == Some(year)).unwrap()["tong"].as_u64().unwrap();
        let cells: Vec<Cell> = columns.iter().map(|c| cell(&row[*c])).collect();
        // No member-level count between 1 and k − 1 is ever published.
        for c in &cells {
            assert!(!matches!(c, Cell::Known(v) if (1..K).contains(v)), "{year}: a small count is published: {cells:?}");
        }
        if cells.iter().all(|c| matches!(c, Cell::Known(_))) {
            continue;
        }
        let values = feasible_values(&cells, total);
        for (i, c) in cells.iter().enumerate() {
            if !matches!(c, Cell::Known(_)) {
                hidden_cells += 1;
                assert!(values[i].len() >= 2, "{year} {}: only {:?} is possible", columns[i], values[i]);
            }
        }
    }
    // Movements publish no total of the sensitive columns: each hidden one keeps its 1..k−1 range.
    for row in table(public.path(), "bien-dong-dang-vien") {
        for c in ["khong_chuyen_chinh_thuc", "xoa_ten", "khai_tru"] {
            match cell(&row[c]) {
                Cell::Known(v) => assert!(v == 0 || v >= K, "{c} = {v} published"),
                _ => hidden_cells += 1,
            }
        }
    }
    // Who the new members are: the member-level parts (ethnicity, religion) publish no total
    // (the parts overlap); a hidden one keeps its 1..k−1 range and takes its share with it.
    for row in table(public.path(), app::routes::tables::PROFILE) {
        for (c, share) in [("dan_toc_thieu_so", "ty_le_dan_toc_thieu_so"), ("ton_giao", "ty_le_ton_giao")] {
            match cell(&row[c]) {
                Cell::Known(v) => assert!(v == 0 || v >= K, "{c} = {v} published"),
                _ => {
                    hidden_cells += 1;
                    assert!(row[share].is_null(), "the share of a hidden {c} is withheld: {row:?}");
                }
            }
        }
    }
    // The statistical forms: no member-level count between 1 and k − 1 in any column, and each
    // hidden ("<k") or withheld (empty) count of the year is in the report.
    let mut form_cells = 0;
    for year in 2020..=2025 {
        for form in app::stats::FORMS {
            let path = public.path().join(format!("public/du-lieu/{}.json", app::routes::tables::form(form.key, year)));
            if !path.exists() {
                continue;
            }
            for (row, spec) in table(public.path(), &app::routes::tables::form(form.key, year)).iter().zip(form.rows) {
                let member = spec.measure.privacy() == app::schema::Privacy::MemberLevel;
                for scope in app::stats::Scope::ALL {
                    for column in ["ky_nay", "cung_ky"] {
                        if let Some(v) = row[&format!("{}_{column}", scope.key())].as_u64() {
                            assert!(!(member && (1..K).contains(&v)), "{year} {} {}: a small count is published", form.key, spec.label());
                        }
                    }
                    let now = &row[&format!("{}_ky_nay", scope.key())];
                    if now.is_null() || now.as_str().is_some() {
                        form_cells += 1;
                    }
                }
            }
        }
    }
    assert!(hidden_cells > 0, "the sample data has small branches: something must be hidden");
    let hidden_cells = hidden_cells + form_cells;
    // The report, outside the published tree, lists exactly the hidden cells.
    let report: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(public.path().join("public.privacy-report.json")).unwrap()).unwrap();
    assert_eq!(report.len(), hidden_cells, "the privacy report lists each hidden cell");
    assert!(report.iter().all(|r| r["rule"] == "Primary" || r["rule"] == "Complementary"));
    assert!(!public.path().join("public/public.privacy-report.json").exists());
    // Nowhere in the HTML is a hidden value next to its label: the tables show markers.
    let stats = std::fs::read_to_string(public.path().join("public/thong-ke/index.html")).unwrap();
    assert!(stats.contains("&lt;3"), "markers appear on the statistics page");
    // Straight to stderr: the harness hides `eprintln!` of passing tests.
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "privacy: {hidden_cells} hidden cells, each with at least two feasible values");
}

#[test]
fn the_internal_build_shows_true_counts_and_is_marked() {
    let internal = build("internal");
    for row in table(internal.path(), "xep-loai-dang-vien") {
        for c in ["xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh", "khong_xep_loai"] {
            assert!(row[c].is_u64(), "internal builds publish every number: {row:?}");
        }
    }
    let home = std::fs::read_to_string(internal.path().join("public/index.html")).unwrap();
    assert!(home.contains("Nội bộ"));
    assert!(home.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));
    let robots = std::fs::read_to_string(internal.path().join("public/robots.txt")).unwrap();
    assert!(robots.contains("Disallow: /"));
    let public = build("public");
    let public_home = std::fs::read_to_string(public.path().join("public/index.html")).unwrap();
    assert!(!public_home.contains("Nội bộ") && !public_home.contains("noindex"));
}

#[test]
fn a_threshold_below_three_is_refused() {
    let dir = scratch();
    let cfg = dir.path().join("data/site.toml");
    let text = std::fs::read_to_string(&cfg).unwrap().replace("nguong_an_danh = 3", "nguong_an_danh = 2");
    std::fs::write(&cfg, text).unwrap();
    let out = site(&["check", "--data", "data"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("E005"));
}

/// Every public output at once, as a reader gets it: two data trees that differ only in a hidden
/// cell's true value, each built for the public, must publish the same bytes, file for file:
/// HTML tables, chart SVG with its titles and hover texts, summary sentences, verdicts against
/// targets, CSV, JSON and the app's embedded data. A difference anywhere would tell a reader
/// which of the two values is true.
#[test]
fn no_public_output_tells_two_values_of_a_hidden_cell_apart() {
    use site::load::load;
    let base = sample_data();
    let loaded = load(&base);
    let level = |code: &app::model::OrgCode| loaded.orgs.iter().find(|o| &o.value.code == code).map(|o| o.value.level.clone());
    // A chi bộ cơ sở reports straight to the Khối: no committee sum to keep in step.
    let grassroots_branch = |year: i32, pick: &dyn Fn(&app::model::Report) -> bool| {
        loaded
            .reports
            .iter()
            .find(|(y, _, r)| *y == year && level(&r.value.org) == Some(app::model::Level::GrassrootsBranch) && pick(&r.value))
            .map(|(_, stem, _)| format!("reports/{year}/{stem}.toml"))
            .unwrap_or_else(|| panic!("the sample has a chi bộ cơ sở to edit in {year}"))
    };
    let report: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(build("public").path().join("public.privacy-report.json")).unwrap()).unwrap();
    let hidden = |table: &str, column: &str| {
        report
            .iter()
            .find(|r| r["table"] == table && r["column"] == column)
            .map(|r| (r["year"].as_i64().unwrap() as i32, r["value"].as_u64().unwrap()))
    };
    let mut twins = 0;
    // Members rated grade 4 (a small count) against grade 3 (hidden as its partner): one member
    // moved between them keeps every published total.
    if let (Some((year, failed)), Some((year3, _))) =
        (hidden("xep-loai-dang-vien", "khong_hoan_thanh"), hidden("xep-loai-dang-vien", "hoan_thanh"))
    {
        assert_eq!(year, year3);
        let (from, to) = if failed + 1 < K {
            ("dang_vien_hoan_thanh", "dang_vien_khong_hoan_thanh")
        } else {
            ("dang_vien_khong_hoan_thanh", "dang_vien_hoan_thanh")
        };
        let file = grassroots_branch(year, &|r| {
            r.ratings.as_ref().is_some_and(|x| {
                x.count(app::model::Grade::Completed) > 0
                    && (from == "dang_vien_hoan_thanh" || x.count(app::model::Grade::Failed) > r.members.disciplined)
            })
        });
        assert_twins_publish_the_same(&file, &format!("moving one member from `{from}` to `{to}`"), |t| {
            shift(t, "xep_loai", from, -1).and_then(|t| shift(&t, "xep_loai", to, 1))
        });
        twins += 1;
    }
    // Members struck off (a small count, no published total) against transfers out (not
    // published): one member moved between them keeps the balance and the stock.
    if let Some((year, struck)) = hidden("bien-dong-dang-vien", "xoa_ten") {
        let (from, to) = if struck + 1 < K { ("chuyen_di", "xoa_ten") } else { ("xoa_ten", "chuyen_di") };
        let file = grassroots_branch(year, &|r| r.movements.transferred_out > 0 && (from == "chuyen_di" || r.movements.struck_off > 0));
        assert_twins_publish_the_same(&file, &format!("moving one member from `{from}` to `{to}`"), |t| {
            shift(t, "bien_dong", from, -1).and_then(|t| shift(&t, "bien_dong", to, 1))
        });
        twins += 1;
    }
    // New members of an ethnic minority (a small count, no published total): one more or one
    // fewer in a chi bộ cơ sở.
    if let Some((year, count)) = hidden(app::routes::tables::PROFILE, "dan_toc_thieu_so") {
        let up = count + 1 < K;
        let file = grassroots_branch(year, &|r| {
            r.admitted_profile.is_some_and(|p| if up { p.ethnic_minority < r.movements.admitted } else { p.ethnic_minority > 0 })
        });
        assert_twins_publish_the_same(&file, "one more or fewer new member of an ethnic minority", |t| {
            shift(t, "ket_nap_trong_do", "dan_toc_thieu_so", if up { 1 } else { -1 })
        });
        twins += 1;
    }
    assert_eq!(twins, 3, "the sample hides a member grade, a strike-off and an ethnic minority count to attack");
    use std::io::Write;
    let _ =
        writeln!(std::io::stderr().lock(), "privacy: {twins} twin data trees, each publishing the same bytes in every file as the sample");
}

/// Builds the sample and a copy with `edit` applied to `file` (a hidden value changed, every
/// published total kept), both for the public, and requires every published file to be
/// byte-identical.
fn assert_twins_publish_the_same(file: &str, what: &str, edit: impl Fn(&str) -> Option<String>) {
    let twin = scratch();
    let path = twin.path().join("data").join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let moved = edit(&text).unwrap_or_else(|| panic!("{file}: cannot apply {what}"));
    std::fs::write(&path, moved).unwrap();
    let check = site(&["check", "--data", "data", "--deny-warnings"], twin.path());
    assert!(check.status.success(), "the twin is valid data: {}", String::from_utf8_lossy(&check.stderr));
    let built = site(&["build", "--data", "data", "--out", "public"], twin.path());
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    // The original from a copy too: outside git, as the twin is (a footer names the data's commit).
    let original = scratch();
    let built = site(&["build", "--data", "data", "--out", "public"], original.path());
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    let (a, b) = (files(&original.path().join("public")), files(&twin.path().join("public")));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>(), "the same files");
    let differing: Vec<&String> = a.iter().filter(|(k, v)| b.get(*k) != Some(*v)).map(|(k, _)| k).collect();
    assert!(differing.is_empty(), "{what} in {file} shows in {differing:?}");
    // The true values did differ: the privacy reports, outside the site, tell them apart.
    let report = |dir: &Path| std::fs::read(dir.join("public.privacy-report.json")).unwrap();
    assert_ne!(report(original.path()), report(twin.path()), "the twin changed a hidden value");
}

/// `key` of `[section]` changed by `delta`; `None` when it would go below zero.
fn shift(text: &str, section: &str, key: &str, delta: i64) -> Option<String> {
    let mut current = String::new();
    let mut done = false;
    let mut out = Vec::new();
    for line in text.lines() {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.split(']').next()) {
            current = name.to_string();
        }
        let prefix = format!("{key} = ");
        if !done && current == section && line.starts_with(&prefix) {
            let rest = &line[prefix.len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            let n = digits.parse::<i64>().ok()? + delta;
            if n < 0 {
                return None;
            }
            out.push(format!("{prefix}{n}{}", &rest[digits.len()..]));
            done = true;
        } else {
            out.push(line.to_string());
        }
    }
    done.then(|| out.join("\n") + "\n")
}

fn files(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    common::tree(dir).into_iter().map(|(k, v)| (k.display().to_string(), v)).collect()
}

/// Every table the site publishes, built from the sample as the pages and files get it: each row
/// fills every column and field, and a member-level column holds only values the disclosure step
/// made (or withheld cells).
#[test]
fn every_published_table_keeps_its_promises() {
    let checked = site::build::Site::new(sample_data()).check();
    let data = checked.loaded.dataset();
    let stats = app::stats::overview(&data);
    let forms = app::stats::forms_overview(&data);
    let mut disclosure = app::privacy::Disclosure::new(&stats, app::privacy::Audience::Public, K);
    disclosure.protect_forms(&forms);
    let specs = site::render::tables::published_specs(&stats, &forms, &disclosure);
    assert!(specs.len() >= 8 + 5 * 5, "{} tables", specs.len());
    for t in &specs {
        t.check().unwrap_or_else(|e| panic!("{e}"));
    }
    // And a member-level count put in as a plain count is caught.
    let mut bad = specs.iter().find(|t| t.name.as_deref() == Some(app::routes::tables::MOVEMENTS)).unwrap().clone();
    let column = bad.columns.iter().position(|c| c.privacy == app::schema::Privacy::MemberLevel).unwrap();
    bad.rows[0].cells[column - 1] = app::table::Cell::Count(1);
    assert!(bad.check().is_err());
}
