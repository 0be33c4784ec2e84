//! Published tables as files: every table behind a chart is downloadable as CSV (UTF-8 with a
//! byte-order mark, so Excel shows Vietnamese) and JSON, and described in the data dictionary.

use super::Files;
use app::stats::QuotaOverview;
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

pub const QUOTA_COLUMNS: &[Column] = &[
    Column { key: "nam", label: "Năm", meaning: "Năm báo cáo" },
    Column { key: "ma", label: "Mã đơn vị", meaning: "Mã tổ chức cơ sở đảng" },
    Column { key: "ten", label: "Tổ chức cơ sở đảng", meaning: "Tên tổ chức" },
    Column { key: "chi_tieu", label: "Chỉ tiêu", meaning: "Số đảng viên Đảng ủy Khối giao kết nạp trong năm" },
    Column {
        key: "ket_nap", label: "Đã kết nạp", meaning: "Số đã kết nạp (đến ngày số liệu nếu năm chưa hết); trống nếu chưa báo cáo"
    },
    Column {
        key: "cham_tien_do", label: "Chậm tiến độ", meaning: "true nếu số kết nạp thấp hơn tiến độ cần đạt đến ngày số liệu"
    },
    Column {
        key: "ngay_so_lieu", label: "Ngày số liệu", meaning: "Ngày chốt số liệu (năm chưa hết), trống nếu cả năm"
    },
];

pub const MONTHLY_COLUMNS: &[Column] = &[
    Column { key: "nam", label: "Năm", meaning: "Năm báo cáo" },
    Column { key: "thang", label: "Tháng", meaning: "Tháng (1–12)" },
    Column {
        key: "ket_nap", label: "Kết nạp", meaning: "Số kết nạp trong tháng của các tổ chức được giao chỉ tiêu"
    },
    Column { key: "cong_don", label: "Cộng dồn", meaning: "Số kết nạp cộng dồn từ đầu năm" },
];

/// The tables behind the admission charts, one file pair per year and kind.
pub fn quota_tables(quota: &QuotaOverview) -> Vec<Table> {
    let mut tables = Vec::new();
    for y in &quota.years {
        let as_of = y.as_of.map(|d| d.format("%Y-%m-%d").to_string());
        tables.push(Table {
            name: app::components::quota_table_name(y.year),
            title: format!("Chỉ tiêu và kết quả kết nạp đảng viên năm {}", y.year),
            columns: QUOTA_COLUMNS.to_vec(),
            rows: y
                .rows
                .iter()
                .map(|r| {
                    vec![json!(y.year), json!(r.code), json!(r.name), json!(r.quota), json!(r.admitted), json!(r.lagging), json!(as_of)]
                })
                .collect(),
        });
        let (cumulative, _) = y.cumulative();
        tables.push(Table {
            name: app::components::monthly_table_name(y.year),
            title: format!("Kết nạp đảng viên theo tháng năm {}", y.year),
            columns: MONTHLY_COLUMNS.to_vec(),
            rows: y
                .monthly_admitted
                .iter()
                .zip(&cumulative)
                .enumerate()
                .map(|(m, (n, c))| vec![json!(y.year), json!(m + 1), json!(n), json!(c)])
                .collect(),
        });
    }
    tables
}

/// The tables behind the multi-year figures and the targets: the very tables the pages show.
pub fn trend_tables(stats: &app::stats::Overview, disclosure: &app::privacy::Disclosure) -> Vec<Table> {
    published_specs(stats, disclosure).iter().filter_map(Table::from_spec).collect()
}

/// Every table built as one spec ([`app::table::Table`]), as the pages and the files get them.
pub fn published_specs(stats: &app::stats::Overview, disclosure: &app::privacy::Disclosure) -> Vec<app::table::Table> {
    use app::components::{cap_table, meetings_table, movements_table, ratings_table, stock_table, targets_table, RatedGroup};
    let mut specs: Vec<app::table::Table> = [RatedGroup::Organizations, RatedGroup::Branches, RatedGroup::Members]
        .iter()
        .map(|&g| ratings_table(&stats.ratings, g, disclosure))
        .collect();
    specs.push(cap_table(&stats.ratings, disclosure));
    specs.push(meetings_table(&stats.meetings));
    specs.push(movements_table(&stats.movements, disclosure));
    specs.push(stock_table(&stats.stock));
    specs.extend(stats.targets.years.iter().map(|t| targets_table(t, disclosure)));
    specs
}

#[cfg(test)]
mod tests {
    use super::*;

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
