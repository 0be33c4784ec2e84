//! Published tables as files: every table behind a chart ([`app::table::Table`], the same value
//! the page shows) is downloadable as CSV (UTF-8 with a
//! byte-order mark, so Excel shows Vietnamese) and JSON, and described in the data dictionary.

use super::Files;
use serde_json::{json, Map, Value};

/// A column: machine key (ASCII, stable), Vietnamese label, meaning.
pub type Column = app::table::Field;

pub struct Table {
    /// File stem under `/du-lieu/`, e.g. `chi-tieu-ket-nap-2024`.
    pub name: String,
    pub title: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Value>>,
}

impl Table {
    /// The files of a published table ([`app::table::Table`]): the same columns and values the
    /// HTML table under its figure shows, as machine values. `None` for a table only a page shows.
    pub fn from_spec(spec: &app::table::Table) -> Option<Table> {
        use app::table::Machine;
        let name = spec.name.clone()?;
        let value = |m: Machine| match m {
            Machine::Null => Value::Null,
            Machine::Bool(b) => json!(b),
            Machine::Int(n) => json!(n),
            Machine::Decimal { tenths } => json!(tenths as f64 / 10.0),
            Machine::Text(t) => json!(t),
            Machine::Date(d) => json!(d.format("%Y-%m-%d").to_string()),
        };
        Some(Table {
            name,
            title: spec.title.clone(),
            columns: spec.fields().into_iter().cloned().collect(),
            rows: spec.machine_rows().into_iter().map(|r| r.into_iter().map(value).collect()).collect(),
        })
    }

    pub fn csv_path(&self) -> String {
        app::routes::csv(&self.name)
    }

    pub fn json_path(&self) -> String {
        app::routes::json(&self.name)
    }

    /// UTF-8 with a byte-order mark (so Excel shows Vietnamese), CRLF line ends, text cells
    /// neutralized against formula injection.
    fn csv(&self) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(b"\xEF\xBB\xBF".to_vec());
        // Writing into memory cannot fail; a record of the wrong length is a bug caught in tests.
        let _ = w.write_record(self.columns.iter().map(|c| neutralized(c.label)));
        for row in &self.rows {
            let cells = row.iter().map(|v| match v {
                Value::String(s) => neutralized(s),
                Value::Null => String::new(),
                other => other.to_string(),
            });
            let _ = w.write_record(cells);
        }
        w.into_inner().unwrap_or_default()
    }

    fn json(&self) -> Vec<u8> {
        let rows: Vec<Value> = self
            .rows
            .iter()
            .map(|r| Value::Object(self.columns.iter().zip(r).map(|(c, v)| (c.key.to_string(), v.clone())).collect::<Map<_, _>>()))
            .collect();
        let doc = json!({ "title": self.title, "columns": self.columns.iter().map(|c| json!({"key": c.key, "label": c.label, "meaning": c.meaning})).collect::<Vec<_>>(), "rows": rows });
        serde_json::to_vec_pretty(&doc).unwrap_or_default()
    }

    pub fn write(&self, files: &mut Files) {
        files.insert(self.csv_path().trim_start_matches('/').to_string(), self.csv());
        files.insert(self.json_path().trim_start_matches('/').to_string(), self.json());
    }
}

/// A text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first)
/// gets a leading apostrophe, so it is shown as the text it is.
fn neutralized(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// Every published table with files, in the order the data page lists them: the admission
/// tables of each year, then the figures across the years and each year's targets.
pub fn published(stats: &app::stats::Overview, forms: &app::stats::FormsOverview, disclosure: &app::privacy::Disclosure) -> Vec<Table> {
    published_specs(stats, forms, disclosure).iter().filter_map(Table::from_spec).collect()
}

/// The same tables as specs ([`app::table::Table`]), as the pages show them.
pub fn published_specs(
    stats: &app::stats::Overview,
    forms: &app::stats::FormsOverview,
    disclosure: &app::privacy::Disclosure,
) -> Vec<app::table::Table> {
    use app::components::{
        cap_table, meetings_table, monthly_table, movements_table, profile_table, quota_table, ratings_table, stock_table, targets_table,
        RatedGroup,
    };
    let mut specs: Vec<app::table::Table> = stats.quota.years.iter().flat_map(|y| [quota_table(y, None), monthly_table(y)]).collect();
    specs.extend(
        [RatedGroup::Organizations, RatedGroup::Branches, RatedGroup::Members]
            .iter()
            .map(|&g| ratings_table(&stats.ratings, g, disclosure)),
    );
    specs.push(cap_table(&stats.ratings, disclosure));
    specs.push(meetings_table(&stats.meetings));
    specs.push(movements_table(&stats.movements, disclosure));
    specs.push(stock_table(&stats.stock));
    if !stats.profile.years.is_empty() {
        specs.push(profile_table(&stats.profile, disclosure));
    }
    specs.extend(stats.targets.years.iter().map(|t| targets_table(t, disclosure)));
    for y in &forms.years {
        let previous = forms.year(y.year - 1);
        specs.extend(app::components::composition_tables(y, previous, disclosure));
        specs.extend(app::components::form_tables(y, previous, disclosure));
    }
    specs
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::table::Field;

    const MONTHLY_COLUMNS: [Column; 4] = [
        Field::new("nam", "Năm", "Năm báo cáo"),
        Field::new("thang", "Tháng", "Tháng"),
        Field::new("ket_nap", "Kết nạp", "Kết nạp"),
        Field::new("cong_don", "Cộng dồn", "Cộng dồn"),
    ];

    #[test]
    fn csv_has_a_bom_quotes_when_needed_and_json_keys_columns() {
        let t = Table {
            name: "x".into(),
            title: "X".into(),
            columns: MONTHLY_COLUMNS.to_vec(),
            rows: vec![vec![json!(2024), json!(1), json!("a, \"b\""), Value::Null]],
        };
        let csv = String::from_utf8(t.csv()).unwrap();
        assert!(csv.starts_with("\u{feff}Năm,Tháng,Kết nạp,Cộng dồn\r\n"));
        assert!(csv.contains("2024,1,\"a, \"\"b\"\"\",\r\n"), "{csv:?}");
        let hostile = Table {
            name: "x".into(),
            title: "X".into(),
            columns: MONTHLY_COLUMNS.to_vec(),
            rows: vec![
                vec![json!("=HYPERLINK(\"http://x\")"), json!("+1"), json!("-2"), json!("@SUM(A1)")],
                vec![json!("\tx"), json!("\rx"), json!(-3), json!("Bình thường")],
            ],
        };
        let csv = String::from_utf8(hostile.csv()).unwrap();
        let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
        let rows: Vec<Vec<String>> = reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect();
        assert_eq!(rows[0], ["'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)"]);
        assert_eq!(rows[1], ["'\tx", "'\rx", "-3", "Bình thường"], "numbers stay numbers");
        let json: Value = serde_json::from_slice(&t.json()).unwrap();
        assert_eq!(json["rows"][0]["thang"], 1);
        assert_eq!(json["columns"][0]["key"], "nam");
    }
}
