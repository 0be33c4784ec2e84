//! The spreadsheet way in: `site template` writes a workbook per organization, a secretary
//! fills it, `site import` reads it back. A round trip over the whole sample gives back its
//! reports exactly; hostile workbooks each get a clear error at their cell and write nothing.

mod common;

use app::schema::{Field, Value, FIELDS};
use calamine::{Data, Reader, Xlsx};
use common::{scratch, tree};
use rust_xlsxwriter::{Format, Workbook};
use site::spreadsheet::layout::{self, COL_KEY, COL_VALUE, FIRST_ROW, SHEET};
use std::path::{Path, PathBuf};

/// The key → row map of a template, read back with calamine (what a secretary's Excel shows).
fn rows_of(template: &Path) -> Vec<(u32, String)> {
    let mut book: Xlsx<_> = calamine::open_workbook(template).unwrap();
    let range = book.worksheet_range(SHEET).unwrap();
    (FIRST_ROW..range.end().unwrap().0 + 1)
        .filter_map(|r| match range.get_value((r, u32::from(COL_KEY))) {
            Some(Data::String(k)) => Some((r, k.clone())),
            _ => None,
        })
        .collect()
}

/// A workbook laid out as the template, with `value` for each key (the secretary's typing):
/// rust_xlsxwriter writes new files only, so the filled copy is written afresh, cell for cell.
fn filled(path: &Path, code: &str, year: i32, as_of: Option<&str>, rows: &[(u32, String)], value: &dyn Fn(&str) -> Option<Cell>) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET).unwrap();
    sheet.write_string(layout::CODE.0, layout::CODE.1, code).unwrap();
    sheet.write_number(layout::YEAR.0, layout::YEAR.1, f64::from(year)).unwrap();
    if let Some(d) = as_of {
        sheet.write_string(layout::AS_OF.0, layout::AS_OF.1, d).unwrap();
    }
    for (row, key) in rows {
        sheet.write_string(*row, COL_KEY, key).unwrap();
        match value(key) {
            Some(Cell::Number(n)) => sheet.write_number(*row, COL_VALUE, n).unwrap(),
            Some(Cell::Text(t)) => sheet.write_string(*row, COL_VALUE, &t).unwrap(),
            Some(Cell::Formula(f)) => sheet.write_formula(*row, COL_VALUE, f.as_str()).unwrap(),
            None => sheet.write_blank(*row, COL_VALUE, &Format::new()).unwrap(),
        };
    }
    book.save(path).unwrap();
}

#[derive(Clone)]
enum Cell {
    Number(f64),
    Text(String),
    Formula(String),
}

/// A report's value for a layout key, as a secretary types it.
fn typed(r: &app::model::Report, key: &str) -> Option<Cell> {
    let (path, index) = match key.split_once('[') {
        Some((p, i)) => (p, Some(i.trim_end_matches(']').parse::<usize>().unwrap() - 1)),
        None => (key, None),
    };
    let field: Field = FIELDS.iter().find(|f| f.path() == path)?.field;
    match (field.get(r)?, index) {
        (Value::Count(n), None) => Some(Cell::Number(f64::from(n))),
        (Value::List(l), Some(i)) => l.get(i).map(|&n| Cell::Number(f64::from(n))),
        (Value::Bool(b), None) => Some(Cell::Text(if b { "có" } else { "không" }.into())),
        (Value::Grade(g), None) => Some(Cell::Text(g.name().into())),
        (Value::Date(d), None) => Some(Cell::Text(d.format("%d/%m/%Y").to_string())),
        (Value::Text(t), None) => Some(Cell::Text(t)),
        _ => None,
    }
}

fn import(files: &[PathBuf], data: &Path) -> site::spreadsheet::import::Outcome {
    site::spreadsheet::import::import(files, data)
}

/// Every field of each report equals the one the data folder holds for its organization in `year`.
fn assert_reports_in<'a>(data: &Path, year: i32, reports: impl Iterator<Item = &'a app::model::Report>) {
    let back = site::load::load(data);
    for r in reports {
        let (_, _, got) = back.reports.iter().find(|(y, _, x)| *y == year && x.value.org == r.org).unwrap();
        for f in FIELDS {
            assert_eq!(f.field.get(&got.value), f.field.get(r), "{} {}", r.org, f.path());
        }
    }
}

#[test]
fn every_report_of_a_year_goes_round_the_spreadsheets_unchanged() {
    let dir = scratch();
    let data = dir.path().join("data");
    let year = 2024;
    let templates = dir.path().join("mau");
    let written = site::spreadsheet::write_templates(&data, year, None, false, &templates).unwrap();
    let loaded = site::load::load(&data);
    let original: Vec<app::model::Report> = loaded.reports.iter().filter(|(y, _, _)| *y == year).map(|(_, _, r)| r.value.clone()).collect();
    assert_eq!(written.len(), original.len(), "one template per organization active in {year}");
    // The secretaries fill their workbooks with the sample's numbers.
    let filled_dir = dir.path().join("nop");
    std::fs::create_dir_all(&filled_dir).unwrap();
    let mut files = Vec::new();
    for r in &original {
        let template = templates.join(format!("{}-{year}.xlsx", r.org));
        let rows = rows_of(&template);
        let path = filled_dir.join(format!("{}-{year}.xlsx", r.org));
        filled(&path, r.org.as_str(), year, None, &rows, &|k| typed(r, k));
        files.push(path);
    }
    // The year's reports are gone from the data folder; the import brings them back.
    std::fs::remove_dir_all(data.join(format!("reports/{year}"))).unwrap();
    let out = import(&files, &data);
    assert!(out.findings.is_empty(), "{}", out.findings.iter().map(|f| f.render()).collect::<String>());
    assert_eq!(out.written.len(), original.len());
    assert_reports_in(&data, year, original.iter());
    let checked = site::build::Site::new(&data).check();
    assert!(!checked.has_errors(true), "{}", checked.findings().render(checked.sources()));
    println!("round trip: {} workbooks of {year}, every field of every report equal, `site check` clean", original.len());
}

/// `site template --filled` sends a report back for correction: its workbook holds the report
/// exactly, and imported again (over the same file) gives the same report.
#[test]
fn a_filled_template_holds_the_report_it_was_made_from() {
    let dir = scratch();
    let data = dir.path().join("data");
    let year = 2025;
    let out_dir = dir.path().join("sua");
    let written = site::spreadsheet::write_templates(&data, year, None, true, &out_dir).unwrap();
    let original = site::load::load(&data);
    let reports: Vec<&app::model::Report> = original.reports.iter().filter(|(y, _, _)| *y == year).map(|(_, _, r)| &r.value).collect();
    assert!(reports.iter().any(|r| r.as_of.is_some()), "the sample's year in progress carries an as-of date");
    let out = import(&written, &data);
    assert!(out.findings.is_empty(), "{}", out.findings.iter().map(|f| f.render()).collect::<String>());
    assert_eq!(out.written.len(), reports.len());
    assert_reports_in(&data, year, reports.into_iter());
}

/// Writes a workbook at a path, given the template's rows and the report to type in.
type Make = Box<dyn Fn(&Path, &[(u32, String)], &app::model::Report)>;

/// One hostile workbook: what it is, how to make it, the code and the place of its error.
struct Hostile {
    name: &'static str,
    make: Make,
    code: &'static str,
    at: &'static str,
}

#[test]
fn hostile_workbooks_each_get_a_clear_error_and_write_nothing() {
    let dir = scratch();
    let data = dir.path().join("data");
    let year = 2024;
    let loaded = site::load::load(&data);
    let r = loaded.reports.iter().find(|(y, _, x)| *y == year && x.value.org.as_str() == "CQ05").unwrap().2.value.clone();
    let templates = dir.path().join("mau");
    site::spreadsheet::write_templates(&data, year, Some("CQ05"), false, &templates).unwrap();
    let rows = rows_of(&templates.join(format!("CQ05-{year}.xlsx")));
    let row = |key: &str| rows.iter().find(|(_, k)| k == key).unwrap().0;
    let admitted_cell = layout::name((row("bien_dong.ket_nap"), COL_VALUE));
    let with = |over: &'static str, cell: Cell| -> Make {
        Box::new(move |p, rows, r| filled(p, "CQ05", year, None, rows, &|k| if k == over { Some(cell.clone()) } else { typed(r, k) }))
    };
    let raw = |bytes: Vec<u8>| -> Make { Box::new(move |p, _, _| std::fs::write(p, &bytes).unwrap()) };
    let mut ods = Vec::new();
    {
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(&mut ods));
        z.start_file("mimetype", zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored)).unwrap();
        std::io::Write::write_all(&mut z, b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
        z.finish().unwrap();
    }
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    let sheet_with = |edit: &'static dyn Fn(&mut rust_xlsxwriter::Workbook)| -> Make {
        Box::new(move |p, rows, r| {
            // The workbook as `filled` lays it out, with the edit: rust_xlsxwriter writes new
            // files only.
            let mut book = Workbook::new();
            let sheet = book.add_worksheet();
            sheet.set_name(SHEET).unwrap();
            sheet.write_string(layout::CODE.0, layout::CODE.1, "CQ05").unwrap();
            sheet.write_number(layout::YEAR.0, layout::YEAR.1, f64::from(year)).unwrap();
            for (row, key) in rows {
                sheet.write_string(*row, COL_KEY, key).unwrap();
                if let Some(Cell::Number(n)) = typed(r, key) {
                    sheet.write_number(*row, COL_VALUE, n).unwrap();
                }
            }
            edit(&mut book);
            book.save(p).unwrap();
        })
    };
    let cases = vec![
        Hostile {
            name: "text in a number cell",
            make: with("bien_dong.ket_nap", Cell::Text("hai người".into())),
            code: "E004",
            at: "CELL",
        },
        Hostile {
            name: "a formula where a number belongs",
            make: with("bien_dong.ket_nap", Cell::Formula("=1+1".into())),
            code: "E004",
            at: "CELL",
        },
        Hostile { name: "a fraction", make: with("bien_dong.ket_nap", Cell::Number(1.5)), code: "E004", at: "CELL" },
        Hostile { name: "a negative count", make: with("bien_dong.ket_nap", Cell::Number(-1.0)), code: "E005", at: "CELL" },
        Hostile {
            name: "a yes/no cell with another word",
            make: with("van_ban_bat_buoc.ban_cam_ket", Cell::Text("rồi".into())),
            code: "E006",
            at: "-",
        },
        Hostile { name: "a count that breaks the balance", make: with("bien_dong.chuyen_den", Cell::Number(99.0)), code: "E020", at: "-" },
        Hostile {
            name: "merged cells",
            make: sheet_with(&|b| {
                b.worksheet_from_index(0).unwrap().merge_range(10, 2, 11, 2, "", &Format::new()).unwrap();
            }),
            code: "E002",
            at: "-",
        },
        Hostile {
            name: "a date in a count cell",
            make: sheet_with(&|b| {
                let d = rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 3, 1).unwrap();
                b.worksheet_from_index(0)
                    .unwrap()
                    .write_datetime_with_format(FIRST_ROW + 9, COL_VALUE, &d, &Format::new().set_num_format("dd/mm/yyyy"))
                    .unwrap();
            }),
            code: "E004",
            at: "-",
        },
        Hostile {
            name: "an extra sheet",
            make: sheet_with(&|b| {
                b.add_worksheet().set_name("Ghi chú").unwrap();
            }),
            code: "E002",
            at: "FILE",
        },
        Hostile {
            name: "the sheet renamed",
            make: sheet_with(&|b| {
                b.worksheet_from_index(0).unwrap().set_name("Sheet1").unwrap();
            }),
            code: "E002",
            at: "FILE",
        },
        Hostile {
            name: "a hidden row",
            make: sheet_with(&|b| {
                b.worksheet_from_index(0).unwrap().set_row_hidden(FIRST_ROW + 3).unwrap();
            }),
            code: "E002",
            at: "-",
        },
        Hostile {
            name: "a sheet of a million rows",
            make: sheet_with(&|b| {
                b.worksheet_from_index(0).unwrap().write_number(999_999, 0, 1.0).unwrap();
            }),
            code: "E002",
            at: "-",
        },
        Hostile { name: "a password-protected (or .xls) file", make: raw(ole), code: "E010", at: "FILE" },
        Hostile { name: "a corrupt file", make: raw(b"PK\x03\x04 this is not a zip".to_vec()), code: "E010", at: "FILE" },
        Hostile { name: "an .ods renamed to .xlsx", make: raw(ods), code: "E010", at: "FILE" },
        Hostile {
            name: "an organization that does not exist",
            make: Box::new(move |p, rows, r| filled(p, "CQ99", year, None, rows, &|k| typed(r, k))),
            code: "E012",
            at: "B3",
        },
        Hostile {
            name: "a year the organization was not active",
            make: Box::new(move |p, rows, r| filled(p, "CQ05", 1950, None, rows, &|k| typed(r, k))),
            code: "E013",
            at: "B4",
        },
        Hostile {
            name: "the key column edited",
            make: Box::new(move |p, rows, r| {
                let mut edited = rows.to_vec();
                edited[3].1 = "ho_ten".into();
                filled(p, "CQ05", year, None, &edited, &|k| typed(r, k));
            }),
            code: "E002",
            at: "-",
        },
    ];
    let before = tree(&data);
    let mut shown = 0;
    for case in &cases {
        let path = dir.path().join(format!("{}.xlsx", case.name.replace([' ', '/', '(', ')', '.'], "-")));
        (case.make)(&path, &rows, &r);
        let out = import(std::slice::from_ref(&path), &data);
        assert!(out.written.is_empty(), "{}: wrote {:?}", case.name, out.written);
        let f = out.findings.iter().find(|f| f.code.to_string() == case.code).unwrap_or_else(|| {
            panic!("{}: expected {}, got {}", case.name, case.code, out.findings.iter().map(|f| f.render()).collect::<String>())
        });
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        match case.at {
            "FILE" => assert_eq!(f.at, file, "{}", case.name),
            "CELL" => assert_eq!(f.at, format!("{file} › {SHEET}!{admitted_cell}"), "{}", case.name),
            "-" => assert!(f.at.starts_with(&format!("{file} › {SHEET}!")), "{}: {}", case.name, f.at),
            cell => assert_eq!(f.at, format!("{file} › {SHEET}!{cell}"), "{}", case.name),
        }
        assert!(f.hint.as_ref().is_some_and(|h| !h.is_empty()), "{}: a hint", case.name);
        assert_eq!(tree(&data), before, "{}: the data folder is untouched", case.name);
        shown += 1;
        println!("{:<40} {}", case.name, f.render().lines().take(2).collect::<Vec<_>>().join(" "));
    }
    assert!(shown >= 12);
    // A batch with one bad workbook among good ones writes nothing either.
    let good = dir.path().join("good.xlsx");
    filled(&good, "CQ05", year, None, &rows, &|k| typed(&r, k));
    let bad = dir.path().join("text-in-a-number-cell.xlsx");
    let out = import(&[good, bad], &data);
    assert!(out.written.is_empty() && !out.findings.is_empty());
    assert_eq!(tree(&data), before);
}
