//! `data/reports/<year>/<CODE>.toml`: one organization's anonymized yearly report, read field by
//! field as `app::schema` declares them (no key or position is written here).

use super::fields::{Fields, FileCtx, ReportSpans};
use super::{toml_file, Loaded, Located};
use crate::codes::Code;
use app::model::{Grade, NextYearPlan, OrgCode, Report};
use app::schema::{Field, Kind, Presence, Section, Value, SECTIONS};
use std::path::Path;

pub(crate) fn load(loaded: &mut Loaded, path_year: i32, path: &Path) {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
    loaded.report_files.insert((path_year, stem));
    let Some((file, doc)) = toml_file::parse(loaded, path) else { return };
    let ctx = FileCtx::new(file);
    let mut root = Fields::root(&ctx, doc.as_table());
    let placeholder = OrgCode::parse("X").expect("a valid code");
    let mut report = Report::empty(path_year, placeholder);
    let mut org = None;
    for section in SECTIONS {
        if section.section == Section::Top {
            org = read_section(&mut root, section.section, &mut report);
            continue;
        }
        let Some(mut t) = root.table(section.key, section.required) else { continue };
        if section.section == Section::NextYearPlan {
            plan(&mut t, &ctx, &mut report);
        } else {
            read_section(&mut t, section.section, &mut report);
        }
        t.finish();
    }
    root.finish();

    let spans = ReportSpans::new(ctx.spans.borrow().clone());
    let clean = ctx.diags.borrow().is_empty();
    loaded.findings.extend(ctx.diags.into_inner());
    // A report with any error is not used further: its checks would only repeat the error.
    let (true, Some(org)) = (clean, org) else { return };
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
    let Some(code) = OrgCode::parse(&org) else {
        loaded.findings.push(
            crate::diagnostic::Diagnostic::error(Code::E006, format!("mã đơn vị \"{org}\" không hợp lệ"))
                .at(file, spans.field(Field::Org))
                .hint("ghi mã như trong data/khoi.toml, ví dụ \"CQ01\""),
        );
        return;
    };
    report.org = code;
    loaded.reports.push((path_year, stem, Located { value: report, file, spans }));
}

/// Reads every field of `section` (so each problem is reported) into the report, then the
/// caller rejects unknown keys. Returns the organization code as written, for the top.
fn read_section(t: &mut Fields<'_>, section: Section, report: &mut Report) -> Option<String> {
    let grades: Vec<(&str, Grade)> = Grade::ALL.iter().map(|g| (g.key(), *g)).collect();
    let mut org = None;
    for f in section.fields() {
        let required = f.presence == Presence::Required;
        let key = f.key;
        let value = match f.kind {
            Kind::Year => t.count(key).map(|y| Value::Year(y as i32)),
            Kind::OrgCode => {
                org = t.string(key);
                continue;
            }
            Kind::Date if required => t.date(key).map(Value::Date),
            Kind::Date => t.opt_date(key).map(Value::Date),
            Kind::Text if required => t.string(key).map(Value::Text),
            Kind::Text => t.opt_string(key).map(Value::Text),
            Kind::Count if required => t.count(key).map(Value::Count),
            Kind::Count => t.opt_count(key).map(Value::Count),
            Kind::Months | Kind::Quarters if required => t.counts(key).map(Value::List),
            Kind::Months | Kind::Quarters => t.opt_counts(key).map(Value::List),
            Kind::Bool if required => t.boolean(key).map(Value::Bool),
            Kind::Bool => t.opt_boolean(key).map(Value::Bool),
            Kind::Grade if required => t.choice(key, &grades).map(Value::Grade),
            Kind::Grade => t.opt_choice(key, &grades).map(Value::Grade),
        };
        if let Some(v) = value {
            f.field.set(report, v);
        }
    }
    org
}

/// `[ke_hoach_nam_sau]`: `da_gui` and `ngay_gui` only make sense together.
fn plan(t: &mut Fields<'_>, ctx: &FileCtx, report: &mut Report) {
    let sent = t.boolean(Field::PlanSent.spec().key);
    let date = t.opt_date(Field::PlanDate.spec().key);
    report.next_year_plan = match (sent, date) {
        (Some(true), Some(d)) => Some(NextYearPlan::Sent(d)),
        // A `ngay_gui` that is written but unreadable already has its own finding.
        (Some(true), None) if t.contains(Field::PlanDate.spec().key) => None,
        (Some(true), None) => {
            ctx.error(
                Code::E003,
                t.table_span(),
                "đã gửi kế hoạch nhưng thiếu `ngay_gui`".into(),
                "thêm `ngay_gui = 2024-11-03` (ngày gửi kế hoạch)".into(),
            );
            None
        }
        (Some(false), Some(_)) => {
            ctx.error(
                Code::E006,
                ctx.spans.borrow().get(&Field::PlanDate.path()),
                "`da_gui = false` nhưng lại ghi `ngay_gui`".into(),
                "nếu đã gửi, sửa `da_gui = true`; nếu chưa gửi, xóa dòng `ngay_gui`".into(),
            );
            None
        }
        (Some(false), None) => Some(NextYearPlan::NotSent),
        (None, _) => None,
    };
}
