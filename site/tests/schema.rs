//! The schema walk: every field that `app::schema` declares is read from a file, written by
//! `site new report` and by the one writer, documented, located in findings, and summed in the
//! hierarchy check where the schema says it sums. A field added to the schema and missed by any
//! of these fails here.

use app::model::{Grade, OrgCode, Report};
use app::schema::{reference, write, Field, Kind, Sum, Value, FIELDS};
use chrono::NaiveDate;
use std::path::Path;

mod common;
use common::scratch;

/// A report in which every field holds a value of its own, so a field read into the wrong
/// place cannot go unnoticed.
fn full_report() -> Report {
    let mut r = Report::empty(2024, OrgCode::parse("CQ01-01").unwrap());
    for (i, f) in FIELDS.iter().enumerate() {
        let v = match f.kind {
            Kind::Year => Value::Year(2024),
            Kind::OrgCode => Value::Org(OrgCode::parse("CQ01-01").unwrap()),
            Kind::Date => Value::Date(NaiveDate::from_ymd_opt(2024, 11, 1 + i as u32 % 28).unwrap()),
            Kind::Text => Value::Text(format!("Ghi chú số {i}")),
            Kind::Count => Value::Count(10 + i as u32),
            Kind::Months => Value::List((0..12).map(|m| i as u32 + m).collect()),
            Kind::Quarters => Value::List((0..4).map(|q| i as u32 + q).collect()),
            Kind::Bool => Value::Bool(i % 2 == 1),
            Kind::Grade => Value::Grade(Grade::Good),
        };
        f.field.set(&mut r, v);
    }
    r
}

fn load(dir: &Path) -> site::load::Loaded {
    site::load::load(dir)
}

#[test]
fn every_field_is_written_and_read_back_to_its_place_and_located() {
    let dir = tempfile::tempdir().unwrap();
    let report = full_report();
    let text = write::report_toml(&report, &write::Options::default());
    let path = dir.path().join("reports/2024/CQ01-01.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, &text).unwrap();
    let loaded = load(dir.path());
    let report_findings: Vec<String> =
        loaded.findings.items.iter().filter(|d| d.file.is_some()).map(|d| format!("{} {}", d.code, d.message)).collect();
    assert!(report_findings.is_empty(), "the written report reads cleanly: {report_findings:#?}\n{text}");
    let (_, _, read) = loaded.reports.first().unwrap_or_else(|| panic!("the report was read:\n{text}"));
    for f in FIELDS {
        assert_eq!(f.field.get(&read.value), f.field.get(&report), "`{}` reads back to its place", f.path());
        let span = read.spans.field(f.field).unwrap_or_else(|| panic!("`{}` has no location for findings", f.path()));
        let at = &loaded.sources.get(read.file).text[span];
        assert!(at.starts_with(f.key), "`{}` is located at its own line, found {at:?}", f.path());
    }
}

#[test]
fn site_new_report_writes_every_field_for_some_level() {
    let dir = scratch();
    let data = dir.path().join("data");
    let mut written = std::collections::BTreeSet::new();
    // A đảng bộ cơ sở, a chi bộ trực thuộc and a chi bộ cơ sở of the sample.
    for code in ["CQ01", "CQ01-01", "CQ05"] {
        let path = site::new_report::new_report(&data, code, 2026, false).unwrap_or_else(|e| panic!("{code}: {e}"));
        written.extend(write::written_keys(&std::fs::read_to_string(path).unwrap()));
    }
    for f in FIELDS {
        let optional_note = f.field == Field::Note;
        assert!(written.contains(&f.path()) || optional_note, "`site new report` never writes `{}`", f.path());
    }
}

#[test]
fn every_field_is_documented() {
    let docs = reference::markdown();
    for f in FIELDS {
        assert!(docs.contains(&format!("| `{}` | {} |", f.key, f.comment.replace('|', "\\|"))), "`{}` is not in the reference", f.path());
    }
}

/// For every summed field, a committee whose value is off by one from its branches' sum gets
/// E050 on that field's own line.
#[test]
fn every_summed_field_is_checked_against_the_branches() {
    let summed: Vec<_> = FIELDS.iter().filter(|f| f.sum != Sum::None).collect();
    assert!(summed.len() >= 20, "the schema sums {} fields", summed.len());
    for f in summed {
        let dir = scratch();
        let file = dir.path().join("data/reports/2024/CQ01.toml");
        let text = std::fs::read_to_string(&file).unwrap();
        let section = app::schema::Section::spec(f.section).key;
        let (line_no, edited) = bump(&text, section, f.key).unwrap_or_else(|| panic!("`{}` is in the sample committee report", f.path()));
        std::fs::write(&file, edited).unwrap();
        let mut loaded = load(&dir.path().join("data"));
        site::check::check(&mut loaded);
        let hit = loaded.findings.items.iter().any(|d| {
            d.code == site::codes::Code::E050
                && d.file.is_some_and(|id| {
                    let source = loaded.sources.get(id);
                    source.path.ends_with("reports/2024/CQ01.toml")
                        && d.span.as_ref().is_some_and(|s| source.text[..s.start].matches('\n').count() + 1 == line_no)
                })
        });
        let found: Vec<String> = loaded.findings.items.iter().map(|d| format!("{} {}", d.code, d.message)).collect();
        assert!(hit, "`{}` off by one in the committee gives no E050 at line {line_no}: {found:#?}", f.path());
    }
}

/// The file with `key` of `[section]` raised by one (the first element of a list), and the
/// key's line number (1-based).
fn bump(text: &str, section: &str, key: &str) -> Option<(usize, String)> {
    let mut current = String::new();
    let mut out = Vec::new();
    let mut found = None;
    for (i, line) in text.lines().enumerate() {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.split(']').next()) {
            current = name.to_string();
        }
        let mut line = line.to_string();
        if current == section && found.is_none() && line.starts_with(&format!("{key} = ")) {
            found = Some(i + 1);
            let value_start = key.len() + 3;
            let rest = &line[value_start..];
            let (prefix, digits_from) = if rest.starts_with('[') { ("[", value_start + 1) } else { ("", value_start) };
            let digits: String = line[digits_from..].chars().take_while(char::is_ascii_digit).collect();
            let n: u32 = digits.parse().ok()?;
            line = format!("{}{}{}{}", &line[..value_start], prefix, n + 1, &line[digits_from + digits.len()..]);
        }
        out.push(line);
    }
    Some((found?, out.join("\n") + "\n"))
}
