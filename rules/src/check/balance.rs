//! Stock and flow: start + in − out = end within a year, probationary members accounted for,
//! and the end of one year equals the start of the next.

use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::load::Loaded;
use app::format;
use app::schema::Field;

pub(super) fn check(loaded: &Loaded, out: &mut Vec<Diagnostic>) {
    for (_, _, r) in &loaded.reports {
        let rep = &r.value;
        let m = &rep.movements;
        let expected_end = (rep.members.start.total() + m.inflow()) as i64 - m.outflow() as i64;
        let end = rep.members.end.total() as i64;
        if expected_end != end {
            out.push(
                Diagnostic::error(Code::E020, format!("số đảng viên không cân đối: đầu năm {} + vào {} − ra {} = {}, nhưng cuối năm ghi {}",
                    rep.members.start.total(), m.inflow(), m.outflow(), expected_end, end))
                    .at(r.file, r.spans.field(Field::EndFull))
                    .hint("vào = kết nạp + chuyển đến; ra = chuyển đi + xóa tên + khai trừ + ra khỏi Đảng + từ trần + không chuyển chính thức. Kiểm tra lại từng số"),
            );
        }
        let available = u64::from(rep.members.start.probationary) + u64::from(m.admitted);
        let resolved = u64::from(m.made_full) + u64::from(m.probation_failed);
        if resolved > available {
            out.push(
                Diagnostic::error(Code::E024, format!("{resolved} đảng viên dự bị được xét (chuyển chính thức {} + không chuyển {}) nhưng chỉ có {available} (dự bị đầu năm + kết nạp)",
                    m.made_full, m.probation_failed))
                    .at(r.file, r.spans.field(Field::MadeFull))
                    .hint("số chuyển chính thức và không chuyển chính thức không thể vượt số đảng viên dự bị"),
            );
        } else {
            let expected_prob = available - resolved;
            if expected_prob != u64::from(rep.members.end.probationary) {
                out.push(
                    Diagnostic::error(Code::E024, format!("dự bị cuối năm phải là {expected_prob} (đầu năm {} + kết nạp {} − chuyển chính thức {} − không chuyển {}), nhưng ghi {}",
                        rep.members.start.probationary, m.admitted, m.made_full, m.probation_failed, rep.members.end.probationary))
                        .at(r.file, r.spans.field(Field::EndProbationary))
                        .hint("đảng viên dự bị chỉ tăng do kết nạp và giảm do chuyển chính thức hoặc không được chuyển chính thức"),
                );
            }
        }
    }

    // Continuity across files: the end of year y is the start of year y + 1.
    let index = loaded.report_index();
    for (year, _, next) in &loaded.reports {
        let Some(prev) = index.get(&(year - 1, &next.value.org)) else { continue };
        if prev.value.as_of.is_some() {
            continue;
        }
        let (end, start) = (prev.value.members.end, next.value.members.start);
        if end != start {
            out.push(
                Diagnostic::error(
                    Code::E021,
                    format!(
                        "số đầu năm {year} ({} chính thức, {} dự bị) khác số cuối năm {} ({} chính thức, {} dự bị)",
                        format::int(start.full.into()),
                        format::int(start.probationary.into()),
                        year - 1,
                        format::int(end.full.into()),
                        format::int(end.probationary.into())
                    ),
                )
                .at(next.file, next.spans.field(Field::StartFull))
                .also(prev.file, prev.spans.field(Field::EndFull), format!("số cuối năm {} ở đây", year - 1))
                .hint(format!("số đầu năm phải bằng số cuối năm trước trong {}", loaded.sources.get(prev.file).path.display())),
            );
        }
    }
}
