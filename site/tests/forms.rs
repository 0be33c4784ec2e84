//! The statistical forms ("Biểu thống kê"): every published total is recomputed here from the
//! report files themselves (read as plain TOML, not through the site's loader), and the year's
//! workbook opens with calamine and holds the same numbers as the CSV files.

mod common;

use app::privacy::Audience;
use app::stats::{Measure, Scope, FORMS};
use common::sample_data;
use std::collections::BTreeMap;
use std::path::Path;
use toml_edit::{DocumentMut, Item};

/// One grassroots organization's report, as raw TOML, with whether it is an enterprise and its
/// type of workplace (`loai_hinh`) as `khoi.toml` writes it.
struct Raw {
    enterprise: bool,
    workplace: Option<String>,
    doc: DocumentMut,
}

/// The grassroots organizations' reports per year, straight from the files.
fn raw_reports(data: &Path) -> BTreeMap<i32, Vec<Raw>> {
    let khoi: DocumentMut = std::fs::read_to_string(data.join("khoi.toml")).unwrap().parse().unwrap();
    let mut grassroots = BTreeMap::new();
    for org in khoi["to_chuc"].as_array_of_tables().unwrap() {
        if org["cap"].as_str() != Some("chi_bo_truc_thuoc") {
            let workplace = org.get("loai_hinh").and_then(|w| w.as_str()).map(str::to_string);
            grassroots.insert(org["ma"].as_str().unwrap().to_string(), (org["loai"].as_str() == Some("doanh_nghiep"), workplace));
        }
    }
    let mut out = BTreeMap::new();
    for year_dir in std::fs::read_dir(data.join("reports")).unwrap().flatten() {
        let year: i32 = year_dir.file_name().to_string_lossy().parse().unwrap();
        for file in std::fs::read_dir(year_dir.path()).unwrap().flatten() {
            let code = file.path().file_stem().unwrap().to_string_lossy().to_string();
            if let Some((enterprise, workplace)) = grassroots.get(&code) {
                let doc = std::fs::read_to_string(file.path()).unwrap().parse().unwrap();
                out.entry(year).or_insert_with(Vec::new).push(Raw { enterprise: *enterprise, workplace: workplace.clone(), doc });
            }
        }
    }
    out
}

/// A count at `section.key` (or a top-level key), `None` when the file does not have it.
fn count(doc: &DocumentMut, path: &str) -> Option<u64> {
    let item: &Item = match path.split_once('.') {
        Some((section, key)) => doc.get(section)?.get(key)?,
        None => doc.get(path)?,
    };
    item.as_integer().map(|n| n as u64)
}

/// What a row counts in one report, computed from the file; `None` when the file lacks it.
fn measure(m: Measure, raw: &Raw) -> Option<u64> {
    let doc = &raw.doc;
    let of_type = |w: Option<app::model::Workplace>| raw.workplace.as_deref() == w.map(|w| w.key());
    match m {
        Measure::MembersIn(w) => {
            Some(if of_type(w) { count(doc, "dang_vien.cuoi_nam_chinh_thuc")? + count(doc, "dang_vien.cuoi_nam_du_bi")? } else { 0 })
        }
        Measure::OrgsIn(w) => Some(u64::from(of_type(w))),
        Measure::Sum(fields) => fields.iter().map(|f| count(doc, &f.path())).sum(),
        Measure::Difference(a, b) => Some(count(doc, &a.path())?.saturating_sub(count(doc, &b.path())?)),
        Measure::OrgsWith(f) => Some(u64::from(count(doc, &f.path())? > 0)),
        Measure::OrgsGraded(g) => Some(u64::from(doc.get("xep_loai")?.get("to_chuc").and_then(|i| i.as_str()) == Some(g.key()))),
    }
}

fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect()
}

fn build(audience: Audience) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let built = site::build::Site::new(sample_data()).audience(audience).build(&dir.path().join("public"), None, false);
    assert!(built.is_ok(), "the sample site builds");
    dir
}

/// Columns of a form's CSV: year, as-of date, row heading, then (this year, last year, ratio)
/// for each scope.
const FIRST_VALUE: usize = 3;

#[test]
fn every_form_total_reconciles_with_the_report_files() {
    let dir = build(Audience::Internal);
    let raw = raw_reports(&sample_data());
    let mut checked = 0;
    for (&year, reports) in &raw {
        for form in FORMS {
            let path = dir.path().join(format!("public/du-lieu/{}.csv", app::routes::tables::form(form.key, year)));
            if !path.exists() {
                // Ratings only for complete years.
                assert!(reports.iter().all(|r| r.doc.get("xep_loai").is_none()), "{}", path.display());
                continue;
            }
            let rows = csv_rows(&path);
            assert_eq!(rows.len(), form.rows.len(), "{}", path.display());
            for (row, spec) in rows.iter().zip(form.rows) {
                assert_eq!(row[2], spec.heading(), "{}", path.display());
                for (s, scope) in Scope::ALL.iter().enumerate() {
                    let expected: u64 = reports
                        .iter()
                        .filter(|r| match scope {
                            Scope::Khoi => true,
                            Scope::Agencies => !r.enterprise,
                            Scope::Enterprises => r.enterprise,
                        })
                        .filter_map(|r| measure(spec.measure, r))
                        .sum();
                    let published: u64 = row[FIRST_VALUE + 3 * s].parse().unwrap_or_else(|_| panic!("{}: {row:?}", path.display()));
                    assert_eq!(published, expected, "{} · {} · {}", path.display(), spec.label(), scope.name());
                    checked += 1;
                    // Last year's column is last year's form.
                    let previous = raw.get(&(year - 1)).map(|reports| {
                        reports
                            .iter()
                            .filter(|r| *scope == Scope::Khoi || (*scope == Scope::Enterprises) == r.enterprise)
                            .filter_map(|r| measure(spec.measure, r))
                            .sum::<u64>()
                    });
                    let shown = &row[FIRST_VALUE + 3 * s + 1];
                    match previous {
                        Some(p) => assert_eq!(shown.parse::<u64>().ok(), Some(p), "{} · {} (cùng kỳ)", path.display(), spec.label()),
                        None => assert_eq!(shown, "", "no year before the first"),
                    }
                }
            }
            // Biểu 1 balances: the start, plus increases, less decreases, is the end.
            if form.key == "bieu-1" {
                let v = |label: &str| -> i64 { rows.iter().find(|r| r[2] == label).unwrap()[FIRST_VALUE].parse().unwrap() };
                let up: i64 = ["Tăng: kết nạp mới", "Tăng: chuyển sinh hoạt đến", "Tăng: phục hồi đảng tịch"].iter().map(|l| v(l)).sum();
                let down: i64 = rows.iter().filter(|r| r[2].starts_with("Giảm: ")).map(|r| r[FIRST_VALUE].parse::<i64>().unwrap()).sum();
                assert_eq!(v("Đảng viên đầu kỳ") + up - down, v("Đảng viên cuối kỳ"), "{year}");
            }
        }
    }
    assert!(checked > 1000, "{checked} cells reconciled");
    println!("{checked} published cells of the forms recomputed from the report files");
}

#[test]
fn the_workbook_opens_and_holds_the_numbers_of_the_csv() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let dir = build(Audience::Public);
    let public = dir.path().join("public");
    let year = 2024;
    let mut book: Xlsx<_> = open_workbook(public.join(format!("du-lieu/{}.xlsx", app::routes::tables::workbook(year)))).unwrap();
    let names = book.sheet_names();
    assert_eq!(names, ["Biểu 1", "Biểu 2", "Biểu 3", "Biểu 5", "Biểu 7", "Xếp loại"]);
    let mut numbers = 0;
    for (name, form) in names.iter().zip(FORMS) {
        let range = book.worksheet_range(name).unwrap();
        let cell = |r: usize, c: usize| range.get((r, c)).cloned().unwrap_or(Data::Empty);
        // The header block: the committee, the form, its title and the year.
        assert_eq!(cell(0, 0), Data::String("ĐẢNG BỘ KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH BÌNH AN".into()));
        assert_eq!(cell(2, 0), Data::String(form.title.to_uppercase()));
        assert!(matches!(cell(3, 0), Data::String(s) if s.starts_with("Năm 2024")));
        let csv = csv_rows(&public.join(format!("du-lieu/{}.csv", app::routes::tables::form(form.key, year))));
        for (i, row) in csv.iter().enumerate() {
            let r = 6 + i;
            assert_eq!(cell(r, 1), Data::String(row[2].clone()), "{name} row {i}");
            for c in 0..9 {
                let (text, got) = (&row[FIRST_VALUE + c], cell(r, 2 + c));
                match text.parse::<f64>() {
                    Ok(n) => {
                        assert_eq!(got, Data::Float(n), "{name} {}{}: a number, stored as one", (b'C' + c as u8) as char, r + 1);
                        numbers += 1;
                    }
                    // A hidden count's marker, or nothing to compare with.
                    Err(_) if text.is_empty() => assert!(matches!(got, Data::String(ref s) if s == "—"), "{name} row {i}: {got:?}"),
                    Err(_) => assert_eq!(got, Data::String(text.clone()), "{name} row {i}"),
                }
            }
        }
    }
    assert!(numbers > 300, "{numbers}");
    println!("workbook {year}: {numbers} numbers equal the CSV's");
}
