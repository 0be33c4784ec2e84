//! Admissions through the year: months add up to the year's count, a year in progress has no
//! months after its `as_of` date, and every organization with a quota has reported.

use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::load::Loaded;
use app::schema::Field;

pub(super) fn check(loaded: &Loaded, out: &mut Vec<Diagnostic>) {
    for (_, _, r) in &loaded.reports {
        let rep = &r.value;
        let months = rep.months_covered();
        let monthly = &rep.monthly_admissions;
        if monthly.len() != months {
            let (message, hint) = match rep.as_of {
                Some(d) => (
                    format!(
                        "`ket_nap_theo_thang` có {} tháng, nhưng số liệu chốt đến {} nên phải có đúng {months} tháng",
                        monthly.len(),
                        app::format::date(d)
                    ),
                    "năm đang diễn ra: không ghi các tháng sau ngày chốt số liệu".to_string(),
                ),
                None => (
                    format!("`ket_nap_theo_thang` có {} tháng, phải có đủ 12 tháng", monthly.len()),
                    "ghi 12 số, tháng 1 đến tháng 12; tháng không kết nạp ghi 0".to_string(),
                ),
            };
            out.push(Diagnostic::error(Code::E023, message).at(r.file, r.spans.field(Field::MonthlyAdmissions)).hint(hint));
        }
        let sum: u64 = monthly.iter().map(|&n| u64::from(n)).sum();
        if sum != u64::from(rep.movements.admitted) {
            out.push(
                Diagnostic::error(Code::E022, format!("tổng kết nạp các tháng là {sum}, nhưng `ket_nap = {}`", rep.movements.admitted))
                    .at(r.file, r.spans.field(Field::MonthlyAdmissions))
                    .hint("số kết nạp cả năm phải bằng tổng các tháng"),
            );
        }
    }

    let known: std::collections::BTreeSet<&app::model::OrgCode> = loaded.orgs.iter().map(|o| &o.value.code).collect();
    for q in &loaded.quotas {
        for code in q.value.quotas.keys() {
            let present = loaded.report_files.contains(&(q.value.year, code.to_string()));
            if !present && known.contains(code) {
                out.push(
                    Diagnostic::warning(Code::W002, format!("`{code}` được giao chỉ tiêu năm {} nhưng chưa có báo cáo", q.value.year))
                        .at(q.file, q.value.quota_spans.get(code).cloned())
                        .hint(format!("thêm tệp data/reports/{}/{code}.toml", q.value.year)),
                );
            }
        }
    }
}
