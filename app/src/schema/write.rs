//! The one writer of report files: `site new report` (a template for an editor) and the sample
//! generator (finished reports) both write through it, so both follow the schema's keys,
//! order and comments.

use super::{Field, FieldSpec, Kind, Section, Value, FIELDS, SECTIONS};
use crate::format;
use crate::model::Report;
use chrono::NaiveDate;
use std::fmt::Write as _;

/// Column where trailing comments start, as in the sample files.
pub const COMMENT_COL: usize = 32;

#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Comment lines at the top of the file (without `# `).
    pub header: Vec<String>,
    /// A template for an editor: optional keys the report lacks are written commented out, as
    /// examples to complete.
    pub template: bool,
    /// The year's deadline for next year's plan, quoted beside `da_gui`.
    pub plan_deadline: Option<NaiveDate>,
}

/// One `key = value` line with its comment aligned.
pub fn line(out: &mut String, kv: &str, comment: &str) {
    out.push_str(kv);
    if !comment.is_empty() {
        let width = kv.chars().count();
        out.extend(std::iter::repeat_n(' ', COMMENT_COL.saturating_sub(width).max(1)));
        out.push_str("# ");
        out.push_str(comment);
    }
    out.push('\n');
}

/// A TOML basic string.
pub fn quoted(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            '\r' => q.push_str("\\r"),
            '\t' => q.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(q, "\\u{:04X}", c as u32);
            }
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

fn toml_value(v: &Value) -> String {
    match v {
        Value::Year(y) => y.to_string(),
        Value::Org(o) => quoted(o.as_str()),
        Value::Date(d) => d.to_string(),
        Value::Text(t) => quoted(t),
        Value::Count(n) => n.to_string(),
        Value::List(l) => format!("[{}]", l.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")),
        Value::Bool(b) => b.to_string(),
        Value::Grade(g) => quoted(g.key()),
    }
}

/// The report as a file: every section it has, every key in schema order with its comment.
pub fn report_toml(r: &Report, options: &Options) -> String {
    let mut out = String::with_capacity(3072);
    for h in &options.header {
        let _ = writeln!(out, "# {h}");
    }
    for section in SECTIONS {
        let present = section.section == Section::Top || section.section.fields().any(|f| f.field.get(r).is_some());
        if !present {
            continue;
        }
        if section.section != Section::Top {
            out.push('\n');
            let comment = match section.section {
                Section::NextYearPlan => format!("kế hoạch phát triển đảng viên năm {}", r.year + 1),
                _ => section.comment.to_string(),
            };
            line(&mut out, &format!("[{}]", section.key), &comment);
        }
        for f in section.section.fields() {
            field(&mut out, f, r, options);
        }
    }
    out
}

fn field(out: &mut String, f: &FieldSpec, r: &Report, options: &Options) {
    let comment = match (f.field, f.comment_as_of, options.plan_deadline) {
        (_, Some(as_of), _) if r.as_of.is_some() => as_of.to_string(),
        (Field::MonthlyAdmissions, ..) => format!("kết nạp từng tháng, tháng 1–{}", r.monthly_admissions.len()),
        (Field::PlanSent, _, Some(d)) => format!("{} (hạn {})", f.comment, format::date(d)),
        _ => f.comment.to_string(),
    };
    match f.field.get(r) {
        Some(v) => line(out, &format!("{} = {}", f.key, toml_value(&v)), &comment),
        None => {
            // What an absent optional key says: an example to complete in a template, the
            // reason where the absence is a fact worth seeing.
            match (f.field, options.template) {
                (Field::AsOf, true) => line(out, &format!("# {} = {}-09-30", f.key, r.year), &comment),
                (Field::OrgGrade, true) => {
                    line(out, &format!("# {} = \"tot\"", f.key), &format!("{comment} (bỏ dấu # ở đầu dòng khi đã có kết quả)"))
                }
                (Field::OrgGrade, false) => out.push_str("# to_chuc: không xếp loại (thành lập chưa đủ 6 tháng)\n"),
                (Field::PlanDate, true) => {
                    let example = options.plan_deadline.or_else(|| NaiveDate::from_ymd_opt(r.year, 11, 5)).unwrap_or_default();
                    line(out, &format!("# {} = {example}", f.key), "ngày gửi: chỉ ghi khi da_gui = true (bỏ dấu # ở đầu dòng)");
                }
                _ => {}
            }
        }
    }
}

/// A value of `kind` with every count 0: what a template starts from (lists sized by `len`).
pub fn zero(kind: Kind, len: usize) -> Option<Value> {
    match kind {
        Kind::Count => Some(Value::Count(0)),
        Kind::Months | Kind::Quarters => Some(Value::List(vec![0; len])),
        Kind::Bool => Some(Value::Bool(false)),
        _ => None,
    }
}

/// Every field the writer can write, for the schema walk test.
pub fn written_keys(text: &str) -> Vec<String> {
    let mut section = String::new();
    let mut out = Vec::new();
    for l in text.lines() {
        let l = l.trim_start_matches("# ");
        if let Some(name) = l.strip_prefix('[').and_then(|s| s.split(']').next()) {
            section = name.to_string();
        } else if let Some((key, _)) = l.split_once(" = ") {
            let key = key.trim();
            if FIELDS.iter().any(|f| f.key == key) {
                out.push(if section.is_empty() { key.to_string() } else { format!("{section}.{key}") });
            }
        }
    }
    out
}
