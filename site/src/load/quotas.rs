//! `data/quotas/<year>.toml`: the admission quota the Khối assigns to each grassroots organization.

use super::fields::{Fields, FileCtx};
use super::{toml_file, Loaded, Located};
use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use app::model::OrgCode;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use toml_edit::Value;

#[derive(Debug, Clone)]
pub struct YearQuotas {
    pub year: i32,
    pub plan_deadline: Option<NaiveDate>,
    pub quotas: BTreeMap<OrgCode, u32>,
    /// Where each organization's quota is written, for checks that name it.
    pub quota_spans: BTreeMap<OrgCode, Range<usize>>,
}

pub(crate) fn load(loaded: &mut Loaded, path: &Path) {
    let Some((file, doc)) = toml_file::parse(loaded, path) else { return };
    let ctx = FileCtx::new(file);
    let mut root = Fields::root(&ctx, doc.as_table());
    let year = root.count("nam");
    let plan_deadline = root.opt_date("han_gui_ke_hoach");
    let mut quotas = BTreeMap::new();
    let mut quota_spans = BTreeMap::new();
    if let Some(mut table) = root.table("chi_tieu", true) {
        for (key, item, span) in table.entries() {
            let Some(code) = OrgCode::parse(key) else {
                ctx.error(
                    Code::E006,
                    span,
                    format!("\"{key}\" không phải mã đơn vị hợp lệ"),
                    "mỗi dòng có dạng `MÃ_ĐƠN_VỊ = số`, ví dụ `CQ01 = 6`".into(),
                );
                continue;
            };
            match item.as_value() {
                Some(Value::Integer(n)) if u32::try_from(*n.value()).is_ok() => {
                    quotas.insert(code.clone(), *n.value() as u32);
                    if let Some(span) = span {
                        quota_spans.insert(code, span);
                    }
                }
                _ => ctx.error(
                    Code::E004,
                    item.span(),
                    format!("chỉ tiêu của `{key}` phải là số nguyên không âm"),
                    format!("ví dụ: `{key} = 6`"),
                ),
            }
        }
        // Every key is data here: nothing is unknown.
    }
    root.finish();
    let stem_year = path.file_stem().and_then(|s| s.to_str()).and_then(|s| s.parse::<i32>().ok());
    let mut year = year;
    if let (Some(y), Some(stem)) = (year, stem_year) {
        if i64::from(y) != i64::from(stem) {
            // Which year is meant is unclear: use neither, rather than guess.
            year = None;
            ctx.push(
                Diagnostic::error(Code::E011, format!("tệp chỉ tiêu năm {stem} nhưng ghi `nam = {y}`"))
                    .at(file, ctx.spans.borrow().get("nam"))
                    .hint(format!("sửa thành `nam = {stem}` hoặc đổi tên tệp thành {y}.toml")),
            );
        }
    }
    let spans = ctx.spans.borrow().clone();
    loaded.findings.extend(ctx.diags.into_inner());
    if let Some(year) = year {
        loaded.quotas.push(Located { value: YearQuotas { year: year as i32, plan_deadline, quotas, quota_spans }, file, spans });
    }
}
