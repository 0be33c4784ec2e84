//! Reads typed values out of a spanned TOML table, collecting every problem instead of stopping
//! at the first: wrong types, missing keys, out-of-range numbers and unknown keys.

use crate::codes::Code;
use crate::diagnostic::{Diagnostic, FileId};
use chrono::NaiveDate;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::ops::Range;
use toml_edit::{Item, Table, Value};

/// Spans of the keys read from one file, by dotted path (`dang_vien.cuoi_nam_du_bi`), so later
/// checks can point at the line they are about.
#[derive(Clone, Debug, Default)]
pub struct KeySpans(BTreeMap<String, Range<usize>>);

impl KeySpans {
    pub fn get(&self, path: &str) -> Option<Range<usize>> {
        self.0.get(path).cloned()
    }
}

/// Where a report's fields and sections stand. Findings ask by schema field, never by a
/// dotted string, so a location cannot be misspelt.
#[derive(Clone, Debug, Default)]
pub struct ReportSpans(KeySpans);

impl ReportSpans {
    pub fn new(spans: KeySpans) -> Self {
        ReportSpans(spans)
    }

    pub fn field(&self, field: app::schema::Field) -> Option<Range<usize>> {
        self.0.get(&field.path())
    }

    pub fn section(&self, section: app::schema::Section) -> Option<Range<usize>> {
        self.0.get(section.spec().key)
    }
}

/// The per-file state shared by the nested readers.
pub struct FileCtx {
    pub file: FileId,
    pub diags: RefCell<Vec<Diagnostic>>,
    pub spans: RefCell<KeySpans>,
}

impl FileCtx {
    pub fn new(file: FileId) -> Self {
        FileCtx { file, diags: RefCell::default(), spans: RefCell::default() }
    }

    pub fn push(&self, d: Diagnostic) {
        self.diags.borrow_mut().push(d);
    }

    pub fn error(&self, code: Code, span: Option<Range<usize>>, message: String, hint: String) {
        self.push(Diagnostic::error(code, message).at(self.file, span).hint(hint));
    }
}

/// Keys whose names suggest personal data: the hint says files hold counts only.
const PERSONAL_KEYS: [&str; 10] =
    ["ho_ten", "ten_dang_vien", "ngay_sinh", "cccd", "cmnd", "so_dien_thoai", "dien_thoai", "email", "dia_chi", "que_quan"];

pub struct Fields<'a> {
    ctx: &'a FileCtx,
    table: &'a Table,
    prefix: String,
    used: Vec<&'static str>,
    checked: bool,
}

impl<'a> Fields<'a> {
    pub fn root(ctx: &'a FileCtx, table: &'a Table) -> Self {
        Fields { ctx, table, prefix: String::new(), used: Vec::new(), checked: false }
    }

    fn path(&self, key: &str) -> String {
        if self.prefix.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.prefix)
        }
    }

    /// Whether `key` is written at all (readable or not).
    pub fn contains(&self, key: &str) -> bool {
        self.table.contains_key(key)
    }

    pub fn table_span(&self) -> Option<Range<usize>> {
        self.table.span()
    }

    /// The item under `key`, recording that the key is known and where it is.
    fn item(&mut self, key: &'static str) -> Option<&'a Item> {
        self.used.push(key);
        let (k, item) = self.table.get_key_value(key)?;
        let span = match (k.span(), item.span()) {
            (Some(a), Some(b)) => Some(a.start.min(b.start)..a.end.max(b.end)),
            (a, b) => a.or(b),
        };
        if let Some(span) = span {
            self.ctx.spans.borrow_mut().0.insert(self.path(key), span);
        }
        Some(item)
    }

    fn missing(&self, key: &str, what: &str) {
        self.ctx.error(
            Code::E003,
            self.table_span(),
            format!("thiếu khóa bắt buộc `{}`", self.path(key)),
            format!("thêm dòng `{key} = ...` ({what}) vào {}", self.section_name()),
        );
    }

    fn section_name(&self) -> String {
        if self.prefix.is_empty() {
            "đầu tệp".into()
        } else {
            format!("mục [{}]", self.prefix)
        }
    }

    fn wrong_type(&self, key: &str, item: &Item, expected: &str, example: &str) {
        let found = describe(item);
        self.ctx.error(
            Code::E004,
            item.span(),
            format!("`{}` phải là {expected}, nhưng đang là {found}", self.path(key)),
            format!("ví dụ: `{key} = {example}`"),
        );
    }

    pub fn count(&mut self, key: &'static str) -> Option<u32> {
        let item = self.item(key);
        match item {
            None => {
                self.missing(key, "số nguyên không âm");
                None
            }
            Some(item) => self.count_of(key, item),
        }
    }

    /// A percentage with at most one decimal (`3` or `2.5`), in tenths; `None` when absent.
    pub fn opt_tenths(&mut self, key: &'static str) -> Option<u32> {
        let item = self.item(key)?;
        let tenths = match item.as_value() {
            Some(Value::Integer(i)) => Some(*i.value() as f64 * 10.0),
            Some(Value::Float(f)) => Some(*f.value() * 10.0),
            _ => None,
        };
        match tenths {
            Some(t) if (t - t.round()).abs() < 1e-9 && t > 0.0 && t <= 1000.0 => Some(t.round() as u32),
            _ => {
                self.wrong_type(key, item, "một phần trăm lớn hơn 0, tối đa 100, nhiều nhất một chữ số thập phân", "3 hoặc 2.5");
                None
            }
        }
    }

    pub fn opt_count(&mut self, key: &'static str) -> Option<u32> {
        let item = self.item(key)?;
        self.count_of(key, item)
    }

    fn count_of(&self, key: &str, item: &Item) -> Option<u32> {
        match item.as_value() {
            Some(Value::Integer(i)) => self.to_count(&self.path(key), *i.value(), item.span()),
            _ => {
                self.wrong_type(key, item, "một số nguyên không âm", "12");
                None
            }
        }
    }

    fn to_count(&self, path: &str, n: i64, span: Option<Range<usize>>) -> Option<u32> {
        match u32::try_from(n) {
            Ok(n) => Some(n),
            Err(_) if n < 0 => {
                self.ctx.error(Code::E005, span, format!("`{path}` là số âm ({n})"), "số liệu là số đếm: ghi 0 nếu không có".into());
                None
            }
            Err(_) => {
                self.ctx.error(Code::E005, span, format!("`{path}` quá lớn ({n})"), "kiểm tra lại số liệu: có thể thừa chữ số".into());
                None
            }
        }
    }

    pub fn string(&mut self, key: &'static str) -> Option<String> {
        match self.item(key) {
            None => {
                self.missing(key, "chuỗi trong ngoặc kép");
                None
            }
            Some(item) => self.string_of(key, item),
        }
    }

    pub fn opt_string(&mut self, key: &'static str) -> Option<String> {
        let item = self.item(key)?;
        self.string_of(key, item)
    }

    fn string_of(&self, key: &str, item: &Item) -> Option<String> {
        match item.as_str() {
            Some(s) if s.trim().is_empty() => {
                self.ctx.error(
                    Code::E006,
                    item.span(),
                    format!("`{}` đang để trống", self.path(key)),
                    "điền nội dung, hoặc xóa dòng nếu khóa không bắt buộc".into(),
                );
                None
            }
            Some(s) => Some(s.to_string()),
            None => {
                self.wrong_type(key, item, "một chuỗi trong ngoặc kép", "\"...\"");
                None
            }
        }
    }

    /// A string that must be one of `allowed` keys.
    pub fn choice<T: Copy>(&mut self, key: &'static str, allowed: &[(&str, T)]) -> Option<T> {
        let item = self.item(key);
        let Some(item) = item else {
            self.missing(key, &format!("một trong: {}", list(allowed)));
            return None;
        };
        let s = self.string_of(key, item)?;
        match allowed.iter().find(|(k, _)| *k == s) {
            Some(&(_, v)) => Some(v),
            None => {
                self.ctx.error(
                    Code::E006,
                    item.span(),
                    format!("`{}` không nhận giá trị \"{s}\"", self.path(key)),
                    format!("chọn một trong: {}", list(allowed)),
                );
                None
            }
        }
    }

    pub fn opt_choice<T: Copy>(&mut self, key: &'static str, allowed: &[(&str, T)]) -> Option<T> {
        if self.table.contains_key(key) {
            self.choice(key, allowed)
        } else {
            self.used.push(key);
            None
        }
    }

    pub fn date(&mut self, key: &'static str) -> Option<NaiveDate> {
        match self.item(key) {
            None => {
                self.missing(key, "ngày dạng 2024-11-05");
                None
            }
            Some(item) => self.date_of(key, item),
        }
    }

    pub fn opt_date(&mut self, key: &'static str) -> Option<NaiveDate> {
        let item = self.item(key)?;
        self.date_of(key, item)
    }

    fn date_of(&self, key: &str, item: &Item) -> Option<NaiveDate> {
        match item.as_value() {
            Some(Value::Datetime(dt)) => {
                let dt = dt.value();
                match (dt.date, dt.time) {
                    (Some(d), None) => NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day)).or_else(|| {
                        self.ctx.error(
                            Code::E006,
                            item.span(),
                            format!("`{}` không phải ngày có thật", self.path(key)),
                            "kiểm tra ngày và tháng".into(),
                        );
                        None
                    }),
                    _ => {
                        self.ctx.error(
                            Code::E004,
                            item.span(),
                            format!("`{}` chỉ ghi ngày, không ghi giờ", self.path(key)),
                            format!("ví dụ: `{key} = 2024-11-05`"),
                        );
                        None
                    }
                }
            }
            Some(Value::String(s)) => {
                let hint =
                    format!("ghi ngày không có ngoặc kép, theo dạng năm-tháng-ngày: `{key} = 2024-11-05` (\"{}\" là chuỗi)", s.value());
                self.ctx.error(Code::E004, item.span(), format!("`{}` phải là ngày, nhưng đang là chuỗi", self.path(key)), hint);
                None
            }
            _ => {
                self.wrong_type(key, item, "một ngày", "2024-11-05");
                None
            }
        }
    }

    pub fn boolean(&mut self, key: &'static str) -> Option<bool> {
        match self.item(key) {
            None => {
                self.missing(key, "true hoặc false");
                None
            }
            Some(item) => match item.as_bool() {
                Some(b) => Some(b),
                None => {
                    self.wrong_type(key, item, "true (có) hoặc false (không)", "true");
                    None
                }
            },
        }
    }

    pub fn opt_boolean(&mut self, key: &'static str) -> Option<bool> {
        if self.item(key).is_some() {
            self.boolean(key)
        } else {
            None
        }
    }

    pub fn counts(&mut self, key: &'static str) -> Option<Vec<u32>> {
        match self.item(key) {
            None => {
                self.missing(key, "danh sách số, ví dụ [0, 1, 2]");
                None
            }
            Some(item) => self.counts_of(key, item),
        }
    }

    pub fn opt_counts(&mut self, key: &'static str) -> Option<Vec<u32>> {
        let item = self.item(key)?;
        self.counts_of(key, item)
    }

    fn counts_of(&self, key: &str, item: &Item) -> Option<Vec<u32>> {
        let Some(array) = item.as_array() else {
            self.wrong_type(key, item, "một danh sách số", "[0, 1, 0]");
            return None;
        };
        let mut out = Vec::with_capacity(array.len());
        let mut ok = true;
        for (i, v) in array.iter().enumerate() {
            let path = format!("{}[{}]", self.path(key), i + 1);
            match v {
                Value::Integer(n) => match self.to_count(&path, *n.value(), v.span()) {
                    Some(n) => out.push(n),
                    None => ok = false,
                },
                _ => {
                    self.ctx.error(
                        Code::E004,
                        v.span(),
                        format!("phần tử thứ {} của `{}` phải là số nguyên không âm", i + 1, self.path(key)),
                        "ghi các số cách nhau bởi dấu phẩy: [0, 1, 2]".into(),
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }

    pub fn strings(&mut self, key: &'static str) -> Option<Vec<String>> {
        let Some(item) = self.item(key) else {
            self.missing(key, "danh sách chuỗi, ví dụ [\"...\", \"...\"]");
            return None;
        };
        let strings: Option<Vec<String>> = item.as_array().and_then(|a| a.iter().map(|v| v.as_str().map(str::to_string)).collect());
        if strings.is_none() {
            self.wrong_type(key, item, "một danh sách chuỗi", "[\"Như trên\", \"Lưu Văn phòng\"]");
        }
        strings
    }

    /// A sub-table `[key]`; `None` (and an error if `required`) when absent.
    pub fn table(&mut self, key: &'static str, required: bool) -> Option<Fields<'a>> {
        let prefix = self.path(key);
        match self.item(key) {
            None => {
                if required {
                    self.missing(key, "một mục bảng");
                }
                None
            }
            Some(Item::Table(t)) => Some(Fields { ctx: self.ctx, table: t, prefix, used: Vec::new(), checked: false }),
            Some(item) => {
                self.wrong_type(key, item, "một mục bảng", &format!("\n[{key}]\n..."));
                None
            }
        }
    }

    /// `[[key]]` entries.
    pub fn tables(&mut self, key: &'static str) -> Vec<Fields<'a>> {
        let prefix = self.path(key);
        match self.item(key) {
            None => {
                self.missing(key, &format!("các mục [[{key}]]"));
                Vec::new()
            }
            Some(Item::ArrayOfTables(a)) => {
                a.iter().map(|t| Fields { ctx: self.ctx, table: t, prefix: prefix.clone(), used: Vec::new(), checked: false }).collect()
            }
            Some(item) => {
                self.wrong_type(key, item, "danh sách các mục", &format!("\n[[{key}]]\n..."));
                Vec::new()
            }
        }
    }

    /// Every key present in the table, for tables keyed by data (organization codes).
    pub fn entries(&mut self) -> Vec<(&'a str, &'a Item, Option<Range<usize>>)> {
        self.table.iter().map(|(k, v)| (k, v, self.table.key(k).and_then(|k| k.span()).or(v.span()))).collect()
    }

    /// Reports keys that were never asked for: unknown keys are errors (a leaked `ho_ten` must fail).
    pub fn finish(mut self) {
        self.check_unknown();
    }

    /// Like `finish`, for readers that are used after the check. Reports each unknown key once.
    pub fn check_unknown(&mut self) {
        if self.checked {
            return;
        }
        self.checked = true;
        for (key, item) in self.table.iter() {
            if self.used.contains(&key) {
                continue;
            }
            let span = self.table.key(key).and_then(|k| k.span()).or(item.span());
            let personal = PERSONAL_KEYS.iter().any(|p| key.contains(p));
            let hint = if personal {
                "tệp dữ liệu chỉ chứa số liệu tổng hợp, không bao giờ ghi thông tin cá nhân: xóa dòng này".to_string()
            } else {
                let suggestion = self.used.iter().min_by_key(|u| edit_distance(u, key)).filter(|u| edit_distance(u, key) <= 3);
                match suggestion {
                    Some(s) => format!("có phải là `{s}`? Các khóa hợp lệ ở {}: {}", self.section_name(), self.used.join(", ")),
                    None => format!("các khóa hợp lệ ở {}: {}", self.section_name(), self.used.join(", ")),
                }
            };
            self.ctx.error(Code::E002, span, format!("khóa không hợp lệ `{}`", self.path(key)), hint);
        }
    }
}

fn list<T>(allowed: &[(&str, T)]) -> String {
    allowed.iter().map(|(k, _)| format!("\"{k}\"")).collect::<Vec<_>>().join(", ")
}

fn describe(item: &Item) -> &'static str {
    match item {
        Item::None => "trống",
        Item::Table(_) | Item::Value(Value::InlineTable(_)) => "một mục bảng",
        Item::ArrayOfTables(_) => "danh sách mục",
        Item::Value(v) => match v {
            Value::String(_) => "một chuỗi",
            Value::Integer(_) => "một số nguyên",
            Value::Float(_) => "một số thập phân",
            Value::Boolean(_) => "true/false",
            Value::Datetime(_) => "một ngày giờ",
            Value::Array(_) => "một danh sách",
            Value::InlineTable(_) => "một mục bảng",
        },
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push((prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}
