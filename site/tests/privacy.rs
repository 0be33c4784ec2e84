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
    assert!(hidden_cells > 0, "the sample data has small branches: something must be hidden");
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
