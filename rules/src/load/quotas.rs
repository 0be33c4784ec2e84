//! `data/quotas/<year>.toml`: the admission quota the Khối assigns to each grassroots organization.

use super::fields::{Fields, FileCtx};
use super::{toml_file, Loaded, Located};
use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use app::model::{OrgCode, QuotaRule};
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
    /// `[chi_tieu_theo_ty_le]`: the quotas not written as numbers are a share of members.
    pub share: Option<Share>,
}

#[derive(Debug, Clone)]
pub struct Share {
    pub rule: QuotaRule,
    pub span: Option<Range<usize>>,
}

pub(crate) fn load(loaded: &mut Loaded, path: &Path) {
    let Some((file, doc)) = toml_file::parse(loaded, path) else { return };
    let ctx = FileCtx::new(file);
    let mut root = Fields::root(&ctx, doc.as_table());
    let year = root.count("nam");
    let plan_deadline = root.opt_date("han_gui_ke_hoach");
    let mut quotas = BTreeMap::new();
    let mut quota_spans = BTreeMap::new();
    let share = root.table("chi_tieu_theo_ty_le", false).and_then(|mut t| {
        let span = t.table_span();
        let tenths = t.opt_tenths("phan_tram");
        let base = t.choice("tinh_tren", &[("dau_nam", false), ("dau_nhiem_ky", true)]);
        let term_start = t.opt_count("nam_dau_nhiem_ky").map(|y| y as i32);
        if tenths.is_none() && !t.contains("phan_tram") {
            ctx.error(Code::E003, span.clone(), "thiếu `phan_tram`".into(), "thêm `phan_tram = 3` (chỉ tiêu bằng 3% số đảng viên)".into());
        }
        let term = match (base, term_start) {
            (Some(true), None) => {
                ctx.error(
                    Code::E003,
                    span.clone(),
                    "`tinh_tren = \"dau_nhiem_ky\"` nhưng thiếu `nam_dau_nhiem_ky`".into(),
                    "thêm `nam_dau_nhiem_ky = 2020` (năm đầu của nhiệm kỳ)".into(),
                );
                return None;
            }
            (Some(false), Some(_)) => {
                ctx.error(
                    Code::E006,
                    ctx.spans.borrow().get("chi_tieu_theo_ty_le.nam_dau_nhiem_ky"),
                    "`nam_dau_nhiem_ky` chỉ dùng khi `tinh_tren = \"dau_nhiem_ky\"`".into(),
                    "xóa dòng này, hoặc sửa `tinh_tren = \"dau_nhiem_ky\"`".into(),
                );
                return None;
            }
            (Some(true), Some(y)) => Some(y),
            _ => None,
        };
        t.finish();
        Some(Share { rule: QuotaRule { tenths: tenths?, term_start: term, derived: Vec::new() }, span })
    });
    if let Some(mut table) = root.table("chi_tieu", share.is_none()) {
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
        loaded.quotas.push(Located { value: YearQuotas { year: year as i32, plan_deadline, quotas, quota_spans, share }, file, spans });
    }
}

/// Sets the quotas that `[chi_tieu_theo_ty_le]` gives: every grassroots organization active in
/// the year without a number of its own gets the share of its members at the base (the start of
/// the year, or of the term), read from its report of that year or, failing that, the end of
/// the year before. One that has neither is named (W003) and gets no quota.
pub(crate) fn derive_shares(loaded: &mut Loaded) {
    let mut findings = Vec::new();
    let starts: BTreeMap<(i32, &OrgCode), u64> =
        loaded.reports.iter().map(|(y, _, r)| ((*y, &r.value.org), r.value.members.start.total())).collect();
    let ends: BTreeMap<(i32, &OrgCode), u64> =
        loaded.reports.iter().map(|(y, _, r)| ((*y, &r.value.org), r.value.members.end.total())).collect();
    let mut derived = Vec::new();
    for (i, q) in loaded.quotas.iter().enumerate() {
        let Some(share) = &q.value.share else { continue };
        let year = q.value.year;
        let base_year = share.rule.term_start.unwrap_or(year);
        for org in loaded.orgs.iter().map(|o| &o.value).filter(|o| o.level.is_grassroots() && o.active_in(year)) {
            if q.value.quotas.contains_key(&org.code) {
                continue;
            }
            let members = starts.get(&(base_year, &org.code)).or_else(|| ends.get(&(base_year - 1, &org.code)));
            match members {
                Some(&m) => derived.push((i, org.code.clone(), share.rule.quota(m))),
                None => findings.push(
                    Diagnostic::warning(
                        Code::W003,
                        format!("không tính được chỉ tiêu năm {year} của `{}`: chưa có số đảng viên đầu năm {base_year}", org.code),
                    )
                    .at(q.file, share.span.clone())
                    .hint(format!(
                        "thêm báo cáo data/reports/{base_year}/{}.toml (hoặc báo cáo năm {}), hoặc ghi chỉ tiêu bằng số trong [chi_tieu]: `{} = 2`",
                        org.code,
                        base_year - 1,
                        org.code
                    )),
                ),
            }
        }
    }
    for (i, code, quota) in derived {
        let q = &mut loaded.quotas[i].value;
        if let Some(span) = q.share.as_ref().and_then(|s| s.span.clone()) {
            q.quota_spans.insert(code.clone(), span);
        }
        q.quotas.insert(code.clone(), quota);
        if let Some(s) = q.share.as_mut() {
            s.rule.derived.push(code);
        }
    }
    loaded.findings.extend(findings);
}
