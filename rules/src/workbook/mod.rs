//! A report workbook — made by `site template`, filled in by a secretary — read back into a
//! report: cell by cell against [`layout`] (rows found by their key), through the schema.
//! Hostile workbooks (.xls/.ods renamed, password, corrupt, extra sheets, merged cells, hidden
//! rows, formulas, text or dates in number cells, a million rows) are refused with the cell.
//! Used by `site import` and by the checker page in the browser.

mod archive;
pub mod layout;
mod xlsx;
mod xml;

use crate::codes::Code;
use crate::diagnostic::{Diagnostic, Severity};
use crate::load::Loaded;
use app::model::{Grade, OrgCode, Report};
use app::schema::{Field, Kind, Presence, Value};
use chrono::NaiveDate;
use layout::{Entry, COL_KEY, COL_VALUE, FIRST_ROW, MAX_ROWS, SHEET};
use std::collections::BTreeMap;
use xlsx::{Book, Data, SheetError};

/// A finding about a workbook, at a cell (or the whole file).
#[derive(Clone, Debug, PartialEq)]
pub struct SheetFinding {
    pub code: Code,
    pub severity: Severity,
    /// `CQ01-2026.xlsx › Báo cáo!C14`, or the file alone.
    pub at: String,
    pub cell: Option<layout::Cell>,
    pub message: String,
    pub hint: Option<String>,
}

impl SheetFinding {
    pub fn error(file: &str, cell: Option<layout::Cell>, code: Code, message: impl Into<String>, hint: impl Into<String>) -> SheetFinding {
        let at = match cell {
            Some(c) => format!("{file} › {SHEET}!{}", layout::name(c)),
            None => file.to_string(),
        };
        SheetFinding { code, severity: Severity::Error, at, cell, message: message.into(), hint: Some(hint.into()) }
    }

    /// Rendered like `site check`'s findings, with the cell instead of a line.
    pub fn render(&self) -> String {
        let kind = if self.severity == Severity::Error { "lỗi" } else { "cảnh báo" };
        let mut out = format!("{kind}[{}]: {}\n  --> {}\n", self.code, self.message, self.at);
        if let Some(h) = &self.hint {
            out.push_str(&format!("  = gợi ý: {h}\n"));
        }
        out
    }
}

/// A workbook read into a report, not yet written.
pub struct Filled {
    pub file: String,
    pub report: Report,
    /// The cell of each entry key, to name a finding's place.
    pub cells: BTreeMap<String, layout::Cell>,
}

/// The finding `d` on a new report file, placed at the cell of the key on its line.
pub fn at_cell(d: &Diagnostic, text: &str, r: &Filled) -> SheetFinding {
    let line = d.span.as_ref().map(|s| &text[..s.start.min(text.len())]).map(|before| before.matches('\n').count());
    let cell = line.and_then(|l| r.cell_of_line(text, l));
    SheetFinding {
        code: d.code,
        severity: d.severity,
        at: match cell {
            Some(c) => format!("{} › {SHEET}!{}", r.file, layout::name(c)),
            None => r.file.clone(),
        },
        cell,
        message: d.message.clone(),
        hint: d.hint.clone(),
    }
}

impl Filled {
    /// The report as `site import` writes it.
    pub fn toml(&self) -> String {
        let options = app::schema::write::Options {
            header: vec![
                format!("Báo cáo số liệu năm {} — {}", self.report.year, self.report.org),
                format!("Nhập từ sổ tính {} bằng `site import`.", self.file),
            ],
            template: false,
            plan_deadline: None,
        };
        app::schema::write::report_toml(&self.report, &options)
    }

    /// The cell of the entry written on line `line` (0-based) of `text`, its `toml()`.
    pub fn cell_of_line(&self, text: &str, line: usize) -> Option<layout::Cell> {
        let key = key_on_line(text, line)?;
        self.cells.get(&key).or_else(|| self.cells.get(&format!("{key}[1]"))).copied()
    }
}

/// The dotted key written on line `line` (0-based) of a report: `bien_dong.ket_nap`.
fn key_on_line(text: &str, line: usize) -> Option<String> {
    let mut section = String::new();
    for (i, l) in text.lines().enumerate() {
        let t = l.trim();
        if let Some(name) = t.strip_prefix('[').and_then(|x| x.split(']').next()) {
            section = name.to_string();
        }
        if i == line {
            let key = t.split('=').next()?.trim();
            if key.is_empty() || key.starts_with('#') || key.starts_with('[') {
                return None;
            }
            return Some(if section.is_empty() { key.to_string() } else { format!("{section}.{key}") });
        }
    }
    None
}

/// What kind of file the bytes are, before a spreadsheet reader sees them.
fn sniff(bytes: &[u8]) -> Result<(), (String, String)> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err((
            "tệp không phải .xlsx: là sổ tính Excel 97–2003 (.xls) hoặc sổ tính .xlsx đã đặt mật khẩu".into(),
            "mở bằng Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc), rồi Lưu thành › Sổ làm việc Excel (.xlsx)".into(),
        ));
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err((
            "tệp không phải sổ tính .xlsx (không đọc được nội dung)".into(),
            "dùng tệp mẫu do `site template` tạo, lưu dạng .xlsx".into(),
        ));
    }
    if bytes.windows(46).take(200).any(|w| w.starts_with(b"application/vnd.oasis.opendocument.spreadsheet")) {
        return Err((
            "tệp là sổ tính OpenDocument (.ods) đổi tên thành .xlsx".into(),
            "mở bằng LibreOffice hoặc Excel, Lưu thành › Sổ làm việc Excel (.xlsx)".into(),
        ));
    }
    Ok(())
}

/// Reads the workbook `bytes` (named `file` in findings) into a report of an organization of
/// `loaded`, or says at which cells it cannot.
pub fn read(bytes: &[u8], file: &str, loaded: &Loaded) -> Result<Filled, Vec<SheetFinding>> {
    let fail =
        |cell: Option<layout::Cell>, code: Code, message: String, hint: String| vec![SheetFinding::error(file, cell, code, message, hint)];
    sniff(bytes).map_err(|(m, h)| fail(None, Code::E010, m, h))?;
    let book = Book::open(bytes).map_err(|e| {
        fail(
            None,
            Code::E010,
            format!("sổ tính hỏng, không đọc được: {e}"),
            "mở lại bằng Excel và lưu thành .xlsx, hoặc dùng tệp mẫu mới".into(),
        )
    })?;
    let sheets: Vec<(String, bool)> = book.sheets.iter().map(|s| (s.name.clone(), s.visible)).collect();
    if !sheets.iter().any(|(n, _)| n == SHEET) {
        let names = sheets.iter().map(|(n, _)| format!("“{n}”")).collect::<Vec<_>>().join(", ");
        return Err(fail(
            None,
            Code::E002,
            format!("không có trang tính “{SHEET}” (sổ tính có: {names})"),
            format!("đổi tên trang tính về “{SHEET}”, hoặc dùng tệp mẫu do `site template` tạo"),
        ));
    }
    let extra: Vec<String> =
        sheets.iter().filter(|(n, _)| n != SHEET).map(|(n, v)| if *v { format!("“{n}”") } else { format!("“{n}” (ẩn)") }).collect();
    if !extra.is_empty() {
        return Err(fail(
            None,
            Code::E002,
            format!("sổ tính có thêm trang tính {}", extra.join(", ")),
            format!("chỉ giữ trang tính “{SHEET}”: số liệu ở trang khác không được đọc"),
        ));
    }
    // Read row by row, stopping at the first row past the limit: a million-row sheet is
    // refused without being held in memory.
    let sheet = book.sheet(SHEET, COL_KEY, MAX_ROWS).map_err(|e| match e {
        SheetError::TooLong(at) => fail(
            Some(at),
            Code::E002,
            format!("trang tính có dữ liệu quá dòng {MAX_ROWS}"),
            "chỉ ghi vào các ô màu vàng của tệp mẫu; xóa các dòng thừa".into(),
        ),
        SheetError::Broken(e) => fail(None, Code::E010, format!("sổ tính hỏng: {e}"), "mở lại bằng Excel và lưu thành .xlsx".into()),
    })?;
    let mut problems = Vec::new();
    for (at, f) in &sheet.formulas {
        let input = at.1 == COL_VALUE && at.0 >= FIRST_ROW || *at == layout::AS_OF;
        if input {
            let shown = if f.is_empty() { "công thức".to_string() } else { format!("công thức “={f}”") };
            problems.push(SheetFinding::error(
                file,
                Some(*at),
                Code::E004,
                format!("ô có {shown}, cần một số gõ trực tiếp"),
                "chép rồi dán giá trị (Dán đặc biệt › Giá trị) thay cho công thức",
            ));
        }
    }
    for &(start, end) in &sheet.merged {
        let touches = end.0 >= FIRST_ROW - 1 || (start.0..=end.0).contains(&layout::CODE.0) || (start.0..=end.0).contains(&layout::YEAR.0);
        if touches {
            problems.push(SheetFinding::error(
                file,
                Some(start),
                Code::E002,
                format!("ô {}:{} bị gộp", layout::name(start), layout::name(end)),
                "bỏ gộp ô (Trang đầu › Gộp và căn giữa): mỗi số một ô",
            ));
        }
    }
    for &r in &sheet.hidden_rows {
        problems.push(SheetFinding::error(
            file,
            Some((r, 0)),
            Code::E002,
            format!("dòng {} bị ẩn", r + 1),
            "hiện lại mọi dòng (chọn cả trang, chuột phải › Bỏ ẩn) để kiểm tra số liệu trước khi gửi",
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    read_cells(file, &sheet.cells, loaded)
}

fn text_of(d: &Data) -> Option<String> {
    match d {
        Data::Text(s) => Some(s.trim().to_string()),
        _ => None,
    }
}

/// The report in the cells.
fn read_cells(file: &str, cells: &BTreeMap<layout::Cell, Data>, loaded: &Loaded) -> Result<Filled, Vec<SheetFinding>> {
    let mut problems = Vec::new();
    let mut err = |cell: layout::Cell, code: Code, message: String, hint: String| {
        problems.push(SheetFinding::error(file, Some(cell), code, message, hint))
    };
    let get = |c: layout::Cell| cells.get(&c).unwrap_or(&Data::Empty);
    let code = text_of(get(layout::CODE)).and_then(|c| OrgCode::parse(&c));
    let year = match get(layout::YEAR) {
        Data::Number(f) if f.fract() == 0.0 && f.abs() < 1e5 => Some(*f as i32),
        _ => None,
    };
    let (Some(code), Some(year)) = (code, year) else {
        err(
            layout::CODE,
            Code::E002,
            "ô mã đơn vị hoặc năm (B3, B4) đã bị sửa".into(),
            "dùng tệp mẫu do `site template` tạo cho đúng tổ chức và năm".into(),
        );
        return Err(problems);
    };
    let Some(org) = loaded.orgs.iter().map(|o| &o.value).find(|o| o.code == code) else {
        err(
            layout::CODE,
            Code::E012,
            format!("không có tổ chức mã `{code}` trong khoi.toml"),
            "kiểm tra mã đơn vị, hoặc thêm tổ chức vào khoi.toml trước".into(),
        );
        return Err(problems);
    };
    if !org.active_in(year) {
        err(
            layout::YEAR,
            Code::E013,
            format!("`{code}` không hoạt động trong năm {year}"),
            "kiểm tra năm báo cáo, ngày thành lập và `giai_the` trong khoi.toml".into(),
        );
        return Err(problems);
    }
    let mut report = Report::empty(year, code);
    match get(layout::AS_OF) {
        Data::Empty => {}
        d => match date_of(d) {
            Some(date) if date_of_year(date, year) => report.as_of = Some(date),
            _ => err(
                layout::AS_OF,
                Code::E004,
                format!("ngày số liệu “{}” không phải một ngày của năm {year}", shown(d)),
                format!("ghi ngày dạng 30/09/{year}, hoặc để trống nếu năm đã kết thúc"),
            ),
        },
    }
    let entries: Vec<Entry> = layout::entries(&org.level);
    let mut by_key: BTreeMap<String, layout::Cell> = BTreeMap::new();
    for (&(row, col), d) in cells.iter().filter(|((row, col), _)| *col == COL_KEY && *row >= FIRST_ROW) {
        let Some(key) = text_of(d) else { continue };
        if key.is_empty() {
            continue;
        }
        if !entries.iter().any(|e| e.key == key) {
            err(
                (row, col),
                Code::E002,
                format!("khóa “{key}” không có trong mẫu báo cáo của {}", org.level.name().to_lowercase()),
                "không sửa cột “Khóa”; dùng tệp mẫu mới nếu mẫu đã bị đổi".into(),
            );
            continue;
        }
        by_key.insert(key, (row, COL_VALUE));
    }
    let mut lists: BTreeMap<Field, Vec<Option<u32>>> = BTreeMap::new();
    for e in &entries {
        let Some(&cell) = by_key.get(&e.key) else {
            err(
                (FIRST_ROW, COL_KEY),
                Code::E002,
                format!("thiếu dòng “{}” (khóa {})", e.label, e.key),
                "dùng tệp mẫu do `site template` tạo; không xóa dòng".into(),
            );
            continue;
        };
        let spec = e.field.spec();
        let d = get(cell);
        if matches!(d, Data::Empty) {
            if e.index.is_some() {
                lists.entry(e.field).or_default().push(None);
            }
            continue;
        }
        let value = match spec.kind {
            Kind::Count | Kind::Months | Kind::Quarters => count_of(d).map(Value::Count),
            Kind::Bool => bool_of(d).map(Value::Bool),
            Kind::Grade => grade_of(d).map(Value::Grade),
            Kind::Date => date_of(d)
                .map(Value::Date)
                .ok_or_else(|| (Code::E004, format!("“{}” không phải một ngày", shown(d)), "ghi ngày dạng 05/11/2025".to_string())),
            Kind::Text => text_of(d)
                .filter(|t| !t.is_empty())
                .map(Value::Text)
                .ok_or_else(|| (Code::E004, "cần chữ".into(), "ghi nội dung dạng chữ".into())),
            Kind::Year | Kind::OrgCode => continue,
        };
        match (value, e.index) {
            (Ok(Value::Count(n)), Some(_)) => lists.entry(e.field).or_default().push(Some(n)),
            (Ok(v), None) => e.field.set(&mut report, v),
            (Ok(_), Some(_)) => {}
            (Err((code, message, hint)), _) => err(cell, code, format!("{}: {message}", e.label), hint),
        }
    }
    // Lists: the months (or quarters) up to the last filled one; none may be skipped.
    let covered = report.months_covered();
    for (field, values) in lists {
        let filled = values.iter().rposition(Option::is_some).map_or(0, |i| i + 1);
        let want = if field.spec().kind == Kind::Quarters { covered.div_ceil(3) } else { covered };
        let first = by_key.get(&format!("{}[1]", field.path())).copied().unwrap_or((FIRST_ROW, COL_VALUE));
        if let Some(gap) = values[..filled].iter().position(Option::is_none) {
            err(
                (first.0 + gap as u32, COL_VALUE),
                Code::E003,
                format!(
                    "{}: để trống {} {} nhưng có số ở sau",
                    field.spec().comment,
                    if field.spec().kind == Kind::Quarters { "quý" } else { "tháng" },
                    gap + 1
                ),
                "ghi 0 nếu không có".into(),
            );
            continue;
        }
        let n = if filled == 0 { want } else { filled };
        field.set(&mut report, Value::List(values.iter().take(n).map(|v| v.unwrap_or(0)).collect()));
    }
    // A required count left blank: the writer would write nothing and the check would say E003
    // at the file; say it at the cell. A whole section left blank is a section not reported,
    // which is allowed when it is optional, or kept for complete years in a year in progress.
    let blank = |section: app::schema::Section| {
        entries
            .iter()
            .filter(|e| e.field.spec().section == section)
            .all(|e| by_key.get(&e.key).is_none_or(|&c| matches!(get(c), Data::Empty)))
    };
    let may_omit = |section: app::schema::Section| {
        let spec = app::schema::section(section);
        (!spec.required || spec.complete_years_only && report.as_of.is_some()) && blank(section)
    };
    for e in entries.iter().filter(|e| {
        let spec = e.field.spec();
        e.index.is_none() && spec.presence == Presence::Required && spec.kind == Kind::Count && !may_omit(spec.section)
    }) {
        if let Some(&cell) = by_key.get(&e.key) {
            if matches!(get(cell), Data::Empty) {
                err(cell, Code::E003, format!("chưa ghi “{}”", e.label), "ghi 0 nếu không có".into());
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Filled { file: file.to_string(), report, cells: by_key })
}

fn shown(d: &Data) -> String {
    match d {
        Data::Text(s) => s.clone(),
        Data::Number(f) | Data::Date(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateIso(s) | Data::Error(s) => s.clone(),
        Data::Empty => String::new(),
    }
}

type Problem = (Code, String, String);

fn count_of(d: &Data) -> Result<u32, Problem> {
    match d {
        Data::Number(f) if f.fract() == 0.0 && *f >= 0.0 && *f <= f64::from(u32::MAX) => Ok(*f as u32),
        Data::Number(f) if f.fract() != 0.0 => {
            Err((Code::E004, format!("“{}” có phần thập phân, cần số nguyên", shown(d)), "số người là số nguyên: 0, 1, 2…".into()))
        }
        Data::Number(_) => Err((Code::E005, format!("“{}” âm hoặc quá lớn", shown(d)), "ghi một số nguyên từ 0".into())),
        Data::Text(s) => Err((
            Code::E004,
            format!("ô có chữ “{s}”, cần một số nguyên ≥ 0"),
            "xóa chữ, chỉ ghi số (không ghi “người”, dấu chấm hay khoảng trắng)".into(),
        )),
        Data::Date(_) | Data::DateIso(_) => {
            Err((Code::E004, "ô có ngày tháng, cần một số".into(), "định dạng ô là Số (Định dạng ô › Số), rồi gõ lại".into()))
        }
        Data::Bool(_) => Err((Code::E004, "ô có giá trị đúng/sai, cần một số".into(), "gõ một số nguyên ≥ 0".into())),
        Data::Error(e) => Err((Code::E004, format!("ô báo lỗi {e}"), "gõ lại số".into())),
        Data::Empty => Err((Code::E004, "cần một số nguyên ≥ 0".into(), "gõ một số nguyên ≥ 0".into())),
    }
}

fn bool_of(d: &Data) -> Result<bool, Problem> {
    match text_of(d).map(|s| s.to_lowercase()).as_deref() {
        Some(layout::YES) => Ok(true),
        Some(layout::NO) => Ok(false),
        _ => match d {
            Data::Bool(b) => Ok(*b),
            _ => Err((
                Code::E006,
                format!("“{}” không phải “{}” hay “{}”", shown(d), layout::YES, layout::NO),
                format!("chọn “{}” hoặc “{}” trong danh sách", layout::YES, layout::NO),
            )),
        },
    }
}

fn grade_of(d: &Data) -> Result<Grade, Problem> {
    let t = text_of(d).unwrap_or_default();
    Grade::ALL.into_iter().find(|g| g.name().eq_ignore_ascii_case(&t) || g.key() == t).ok_or_else(|| {
        (
            Code::E006,
            format!("“{t}” không phải một mức xếp loại"),
            "chọn trong danh sách: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ"
                .into(),
        )
    })
}

fn date_of(d: &Data) -> Option<NaiveDate> {
    match d {
        // Excel's serial day (1900 system): day 1 is 1900-01-01, counted as if 1900 had a 29 February.
        Data::Date(x) if (61.0..3e6).contains(x) => NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(*x as u64)),
        Data::DateIso(s) => NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok(),
        Data::Text(s) => NaiveDate::parse_from_str(s.trim(), "%d/%m/%Y").or_else(|_| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")).ok(),
        _ => None,
    }
}

fn date_of_year(d: NaiveDate, year: i32) -> bool {
    use chrono::Datelike;
    d.year() == year
}
