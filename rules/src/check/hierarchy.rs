//! Grassroots committees and their branches: a committee's counts are the sums of its
//! branches' reports, and every active branch reports.

use super::Orgs;
use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::load::{Loaded, Located, ReportSpans};
use app::model::{Level, OrgCode, Report};
use app::schema::{Field, Sum, FIELDS};
use std::collections::BTreeMap;

pub(super) fn check(loaded: &Loaded, orgs: &Orgs, out: &mut Vec<Diagnostic>) {
    let index = loaded.report_index();
    let mut branches: BTreeMap<&OrgCode, Vec<&OrgCode>> = BTreeMap::new();
    for org in orgs.values() {
        if let Level::Branch { parent } = &org.level {
            branches.entry(parent).or_default().push(&org.code);
        }
    }
    for (year, _, parent) in &loaded.reports {
        let Some(org) = orgs.get(&parent.value.org) else { continue };
        if org.level != Level::GrassrootsCommittee {
            continue;
        }
        let mut reports: Vec<(&OrgCode, &Located<Report, ReportSpans>)> = Vec::new();
        let mut complete = true;
        for code in branches.get(&org.code).into_iter().flatten() {
            if !orgs.get(*code).is_some_and(|b| b.active_in(*year)) {
                continue;
            }
            match index.get(&(*year, *code)) {
                Some(r) => reports.push((code, r)),
                None => {
                    complete = false;
                    let has_file = loaded.report_files.contains(&(*year, code.to_string()));
                    if !has_file {
                        out.push(
                            Diagnostic::warning(Code::W051, format!("chi bộ trực thuộc `{code}` chưa có báo cáo năm {year}"))
                                .at(parent.file, parent.spans.field(Field::Org))
                                .hint(format!("thêm tệp data/reports/{year}/{code}.toml; số của đảng bộ cơ sở được đối chiếu với tổng các chi bộ khi đủ báo cáo")),
                        );
                    }
                }
            }
        }
        if !complete || reports.is_empty() {
            continue;
        }
        for f in FIELDS.iter().filter(|f| f.sum == Sum::Total) {
            let read = |r: &Report| f.field.count(r).map(u64::from);
            let Some(own) = read(&parent.value) else { continue };
            let parts: Option<Vec<u64>> = reports.iter().map(|(_, r)| read(&r.value)).collect();
            let Some(parts) = parts else { continue };
            let sum: u64 = parts.iter().sum();
            if sum != own {
                let detail: Vec<String> = reports.iter().zip(&parts).map(|((c, _), n)| format!("{c}: {n}")).collect();
                out.push(
                    Diagnostic::error(
                        Code::E050,
                        format!(
                            "`{}` của đảng bộ cơ sở là {own}, nhưng tổng các chi bộ trực thuộc là {sum} ({})",
                            f.path(),
                            detail.join(", ")
                        ),
                    )
                    .at(parent.file, parent.spans.field(f.field))
                    .hint("số của đảng bộ cơ sở là tổng số của các chi bộ trực thuộc: sửa số này hoặc báo cáo của chi bộ"),
                );
            }
        }
        // Lists summed month by month (admissions per month).
        for f in FIELDS.iter().filter(|f| f.sum == Sum::PerMonth) {
            per_month(f.field, parent, &reports, out);
        }
    }
}

fn per_month(
    field: Field,
    parent: &Located<Report, ReportSpans>,
    reports: &[(&OrgCode, &Located<Report, ReportSpans>)],
    out: &mut Vec<Diagnostic>,
) {
    let list = |r: &Report| match field.get(r) {
        Some(app::schema::Value::List(l)) => l,
        _ => Vec::new(),
    };
    let own_months = list(&parent.value);
    // Each branch's list read once, then added month by month.
    let mut sums = vec![0u64; own_months.len()];
    for (_, r) in reports {
        for (sum, n) in sums.iter_mut().zip(list(&r.value)) {
            *sum += u64::from(n);
        }
    }
    if let Some(m) = (0..own_months.len()).find(|&m| u64::from(own_months[m]) != sums[m]) {
        out.push(
            Diagnostic::error(
                Code::E050,
                format!(
                    "`{}` tháng {} của đảng bộ cơ sở là {}, nhưng tổng các chi bộ trực thuộc là {}",
                    field.path(),
                    m + 1,
                    own_months[m],
                    sums[m]
                ),
            )
            .at(parent.file, parent.spans.field(field))
            .hint("số từng tháng của đảng bộ cơ sở là tổng của các chi bộ trực thuộc"),
        );
    }
}
