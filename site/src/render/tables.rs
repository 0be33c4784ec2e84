//! Published tables as files: every table behind a chart is downloadable as CSV (UTF-8 with a
//! byte-order mark, so Excel shows Vietnamese) and JSON, and described in the data dictionary.

use super::Files;
use app::stats::QuotaOverview;
use serde_json::{json, Map, Value};

/// A column: machine key (ASCII, stable), Vietnamese label, meaning.
pub struct Column {
    pub key: &'static str,
    pub label: &'static str,
    pub meaning: &'static str,
}

pub struct Table {
    /// File stem under `/du-lieu/`, e.g. `chi-tieu-ket-nap-2024`.
    pub name: String,
    pub title: String,
    pub columns: &'static [Column],
    pub rows: Vec<Vec<Value>>,
}

impl Table {
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
            columns: QUOTA_COLUMNS,
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
            columns: MONTHLY_COLUMNS,
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

pub const RATINGS_COLUMNS: &[Column] = &[
    Column { key: "nam", label: "Năm", meaning: "Năm xếp loại" },
    Column { key: "xuat_sac", label: "Hoàn thành xuất sắc", meaning: "Số xếp loại hoàn thành xuất sắc nhiệm vụ" },
    Column { key: "tot", label: "Hoàn thành tốt", meaning: "Số xếp loại hoàn thành tốt nhiệm vụ" },
    Column { key: "hoan_thanh", label: "Hoàn thành", meaning: "Số xếp loại hoàn thành nhiệm vụ" },
    Column { key: "khong_hoan_thanh", label: "Không hoàn thành", meaning: "Số xếp loại không hoàn thành nhiệm vụ" },
    Column {
        key: "khong_xep_loai",
        label: "Không xếp loại",
        meaning: "Số không xếp loại (mới thành lập/kết nạp dưới 6 tháng, miễn sinh hoạt, đình chỉ)",
    },
];

pub const MEETINGS_COLUMNS: &[Column] = &[
    Column { key: "nam", label: "Năm", meaning: "Năm báo cáo" },
    Column {
        key: "ngay_so_lieu", label: "Ngày số liệu", meaning: "Ngày chốt số liệu (năm chưa hết), trống nếu cả năm"
    },
    Column { key: "chi_bo", label: "Chi bộ báo cáo", meaning: "Số chi bộ báo cáo sinh hoạt" },
    Column {
        key: "du_cac_thang", label: "Sinh hoạt đủ các tháng", meaning: "Số chi bộ có sinh hoạt định kỳ mọi tháng trong kỳ"
    },
    Column { key: "luot_co_mat", label: "Lượt có mặt", meaning: "Tổng lượt đảng viên dự sinh hoạt" },
    Column { key: "luot_du_kien", label: "Lượt phải dự", meaning: "Tổng lượt đảng viên phải dự" },
    Column { key: "vang_khong_ly_do", label: "Vắng không lý do", meaning: "Tổng lượt vắng không có lý do" },
    Column { key: "chuyen_de", label: "Sinh hoạt chuyên đề", meaning: "Tổng số buổi sinh hoạt chuyên đề" },
    Column { key: "dien_dan", label: "Diễn đàn", meaning: "Tổng số diễn đàn" },
];

pub const MOVEMENTS_COLUMNS: &[Column] = &[
    Column { key: "nam", label: "Năm", meaning: "Năm báo cáo" },
    Column {
        key: "ngay_so_lieu", label: "Ngày số liệu", meaning: "Ngày chốt số liệu (năm chưa hết), trống nếu cả năm"
    },
    Column { key: "ket_nap", label: "Kết nạp", meaning: "Kết nạp mới" },
    Column {
        key: "chuyen_chinh_thuc", label: "Chuyển chính thức", meaning: "Đảng viên dự bị được công nhận chính thức"
    },
    Column {
        key: "khong_chuyen_chinh_thuc", label: "Không chuyển chính thức", meaning: "Đảng viên dự bị không được công nhận"
    },
    Column { key: "xoa_ten", label: "Xóa tên", meaning: "Xóa tên khỏi danh sách đảng viên" },
    Column { key: "khai_tru", label: "Khai trừ", meaning: "Khai trừ khỏi Đảng" },
    Column {
        key: "cuoi_ky", label: "Đảng viên cuối kỳ", meaning: "Đảng viên (chính thức và dự bị) cuối năm hoặc tại ngày số liệu"
    },
];

pub const STOCK_COLUMNS: &[Column] = &[
    Column { key: "nam", label: "Năm", meaning: "Năm báo cáo" },
    Column { key: "co_quan", label: "Cơ quan", meaning: "Đảng viên trong các cơ quan" },
    Column { key: "dn_nha_nuoc", label: "DN nhà nước", meaning: "Đảng viên trong doanh nghiệp nhà nước" },
    Column { key: "dn_tu_nhan", label: "DN tư nhân", meaning: "Đảng viên trong doanh nghiệp tư nhân" },
    Column {
        key: "dn_von_nuoc_ngoai", label: "DN vốn nước ngoài", meaning: "Đảng viên trong doanh nghiệp có vốn đầu tư nước ngoài"
    },
    Column { key: "tong", label: "Tổng", meaning: "Tổng số đảng viên cuối kỳ" },
];

/// The tables behind the multi-year figures.
pub fn trend_tables(stats: &app::stats::Overview, disclosure: &app::privacy::Disclosure) -> Vec<Table> {
    // A hidden count is published as its marker ("<3", "ẩn"), never as the number.
    let cell = |value: u64, hidden: Option<app::privacy::Hidden>| match hidden {
        Some(_) => json!(disclosure.show(value, hidden)),
        None => json!(value),
    };
    use app::components::RatedGroup;
    let date = |d: Option<chrono::NaiveDate>| json!(d.map(|d| d.format("%Y-%m-%d").to_string()));
    let mut tables = Vec::new();
    for (group, title) in [
        (RatedGroup::Organizations, "Xếp loại chất lượng tổ chức cơ sở đảng"),
        (RatedGroup::Branches, "Xếp loại chất lượng chi bộ trực thuộc"),
        (RatedGroup::Members, "Xếp loại chất lượng đảng viên"),
    ] {
        tables.push(Table {
            name: group.table_name(),
            title: title.to_string(),
            columns: RATINGS_COLUMNS,
            rows: stats
                .ratings
                .years
                .iter()
                .map(|y| {
                    let g = group.summary(y);
                    let hidden = |i: usize| if group == RatedGroup::Members { disclosure.member_grade(y.year, i) } else { None };
                    let values = [g.counts[0], g.counts[1], g.counts[2], g.counts[3], g.not_rated];
                    std::iter::once(json!(y.year)).chain(values.iter().enumerate().map(|(i, &v)| cell(v, hidden(i)))).collect()
                })
                .collect(),
        });
    }
    tables.push(Table {
        name: app::routes::tables::MEETINGS.into(),
        title: "Sinh hoạt chi bộ".into(),
        columns: MEETINGS_COLUMNS,
        rows: stats
            .meetings
            .years
            .iter()
            .map(|y| {
                vec![
                    json!(y.year),
                    date(y.as_of),
                    json!(y.branches),
                    json!(y.every_month.num),
                    json!(y.attendance.num),
                    json!(y.attendance.den),
                    json!(y.unexcused_absences),
                    json!(y.thematic),
                    json!(y.forums),
                ]
            })
            .collect(),
    });
    tables.push(Table {
        name: app::routes::tables::MOVEMENTS.into(),
        title: "Biến động đảng viên".into(),
        columns: MOVEMENTS_COLUMNS,
        rows: stats
            .movements
            .years
            .iter()
            .map(|y| {
                let t = &y.totals;
                vec![
                    json!(y.year),
                    date(y.as_of),
                    json!(t.admitted),
                    json!(t.made_full),
                    cell(t.probation_failed, disclosure.movement(y.year, 0)),
                    cell(t.struck_off, disclosure.movement(y.year, 1)),
                    cell(t.expelled, disclosure.movement(y.year, 2)),
                    json!(y.end.total()),
                ]
            })
            .collect(),
    });
    tables.push(Table {
        name: app::routes::tables::STOCK.into(),
        title: "Đảng viên theo loại hình".into(),
        columns: STOCK_COLUMNS,
        rows: stats
            .stock
            .years
            .iter()
            .map(|y| {
                let k = &y.members_by_kind;
                vec![
                    json!(y.year),
                    json!(k.agency.total()),
                    json!(k.state.total()),
                    json!(k.private.total()),
                    json!(k.foreign_invested.total()),
                    json!(y.members.total()),
                ]
            })
            .collect(),
    });
    tables
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_has_a_bom_quotes_when_needed_and_json_keys_columns() {
        let t = Table {
            name: "x".into(),
            title: "X".into(),
            columns: MONTHLY_COLUMNS,
            rows: vec![vec![json!(2024), json!(1), json!("a, \"b\""), Value::Null]],
        };
        let csv = String::from_utf8(t.csv()).unwrap();
        assert!(csv.starts_with("\u{feff}Năm,Tháng,Kết nạp,Cộng dồn\r\n"));
        assert!(csv.contains("2024,1,\"a, \"\"b\"\"\",\r\n"), "{csv:?}");
        let hostile = Table {
            name: "x".into(),
            title: "X".into(),
            columns: MONTHLY_COLUMNS,
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
