//! Grassroots committees and their branches: a committee's counts are the sums of its
//! branches' reports, and every active branch reports.

use super::Orgs;
use crate::diagnostic::Diagnostic;
use crate::load::{Located, Loaded};
use app::model::{Level, OrgCode, Report};
use std::collections::BTreeMap;

/// The summed fields: key path in the file, and how to read it from a report.
type Field = (&'static str, fn(&Report) -> Option<u64>);

const FIELDS: [Field; 23] = [
    ("dang_vien.dau_nam_chinh_thuc", |r| Some(r.members.start.full.into())),
    ("dang_vien.dau_nam_du_bi", |r| Some(r.members.start.probationary.into())),
    ("dang_vien.cuoi_nam_chinh_thuc", |r| Some(r.members.end.full.into())),
    ("dang_vien.cuoi_nam_du_bi", |r| Some(r.members.end.probationary.into())),
    ("dang_vien.mien_sinh_hoat", |r| Some(r.members.exempted.into())),
    ("dang_vien.dinh_chi", |r| Some(r.members.suspended.into())),
    ("dang_vien.ky_luat", |r| Some(r.members.disciplined.into())),
    ("bien_dong.ket_nap", |r| Some(r.movements.admitted.into())),
    ("bien_dong.chuyen_chinh_thuc", |r| Some(r.movements.made_full.into())),
    ("bien_dong.khong_chuyen_chinh_thuc", |r| Some(r.movements.probation_failed.into())),
    ("bien_dong.chuyen_den", |r| Some(r.movements.transferred_in.into())),
    ("bien_dong.chuyen_di", |r| Some(r.movements.transferred_out.into())),
    ("bien_dong.xoa_ten", |r| Some(r.movements.struck_off.into())),
    ("bien_dong.khai_tru", |r| Some(r.movements.expelled.into())),
    ("bien_dong.ra_khoi_dang", |r| Some(r.movements.removed.into())),
    ("bien_dong.tu_tran", |r| Some(r.movements.deceased.into())),
    ("xep_loai.dang_vien_xuat_sac", |r| r.ratings.as_ref().map(|x| x.members[0].into())),
    ("xep_loai.dang_vien_tot", |r| r.ratings.as_ref().map(|x| x.members[1].into())),
    ("xep_loai.dang_vien_hoan_thanh", |r| r.ratings.as_ref().map(|x| x.members[2].into())),
    ("xep_loai.dang_vien_khong_hoan_thanh", |r| r.ratings.as_ref().map(|x| x.members[3].into())),
    ("xep_loai.khong_xep_loai_duoi_6_thang", |r| r.ratings.as_ref().map(|x| x.not_rated_new.into())),
    ("xep_loai.khong_xep_loai_mien", |r| r.ratings.as_ref().map(|x| x.not_rated_exempted.into())),
    ("xep_loai.khong_xep_loai_dinh_chi", |r| r.ratings.as_ref().map(|x| x.not_rated_suspended.into())),
];

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
        let mut reports: Vec<(&OrgCode, &Located<Report>)> = Vec::new();
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
                            Diagnostic::warning("W051", format!("chi bộ trực thuộc `{code}` chưa có báo cáo năm {year}"))
                                .at(parent.file, parent.spans.get("to_chuc"))
                                .hint(format!("thêm tệp data/reports/{year}/{code}.toml; số của đảng bộ cơ sở được đối chiếu với tổng các chi bộ khi đủ báo cáo")),
                        );
                    }
                }
            }
        }
        if !complete || reports.is_empty() {
            continue;
        }
        for (key, read) in FIELDS {
            let Some(own) = read(&parent.value) else { continue };
            let parts: Option<Vec<u64>> = reports.iter().map(|(_, r)| read(&r.value)).collect();
            let Some(parts) = parts else { continue };
            let sum: u64 = parts.iter().sum();
            if sum != own {
                let detail: Vec<String> = reports.iter().zip(&parts).map(|((c, _), n)| format!("{c}: {n}")).collect();
                out.push(
                    Diagnostic::error("E050", format!("`{key}` của đảng bộ cơ sở là {own}, nhưng tổng các chi bộ trực thuộc là {sum} ({})", detail.join(", ")))
                        .at(parent.file, parent.spans.get(key))
                        .hint("số của đảng bộ cơ sở là tổng số của các chi bộ trực thuộc: sửa số này hoặc báo cáo của chi bộ"),
                );
            }
        }
        let own_months = &parent.value.monthly_admissions;
        let sums: Vec<u64> = (0..own_months.len())
            .map(|m| reports.iter().map(|(_, r)| r.value.monthly_admissions.get(m).copied().map_or(0, u64::from)).sum())
            .collect();
        if let Some(m) = (0..own_months.len()).find(|&m| u64::from(own_months[m]) != sums[m]) {
            out.push(
                Diagnostic::error("E050", format!("kết nạp tháng {} của đảng bộ cơ sở là {}, nhưng tổng các chi bộ trực thuộc là {}", m + 1, own_months[m], sums[m]))
                    .at(parent.file, parent.spans.get("bien_dong.ket_nap_theo_thang"))
                    .hint("số từng tháng của đảng bộ cơ sở là tổng của các chi bộ trực thuộc"),
            );
        }
    }
}
