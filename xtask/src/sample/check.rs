//! Invariants the generated data must satisfy; run on the in-memory data before writing,
//! so a bad sample never reaches disk.

use super::orgs::Level;
use super::sim::{Dataset, Members, Movements, Report, MIN_FULL};
use std::collections::BTreeMap;

pub fn check(ds: &Dataset) -> Result<(), String> {
    let mut errors: Vec<String> = Vec::new();
    let by_key: BTreeMap<(usize, i32), &Report> =
        ds.reports.iter().map(|r| ((r.org, r.year), r)).collect();
    if by_key.len() != ds.reports.len() {
        errors.push("duplicate report for one org and year".into());
    }

    // Exactly one report per active org and year.
    for (i, o) in ds.orgs.iter().enumerate() {
        for y in ds.first_year..=ds.last_year {
            if o.active_in(y) != by_key.contains_key(&(i, y)) {
                errors.push(format!(
                    "{} {y}: report presence does not match activity",
                    o.code
                ));
            }
        }
    }
    // Quotas for every active grassroots org, nobody else.
    for (y, list) in &ds.quotas {
        let expected: Vec<usize> = (0..ds.orgs.len())
            .filter(|&i| ds.orgs[i].level.is_grassroots() && ds.orgs[i].active_in(*y))
            .collect();
        let mut got: Vec<usize> = list.iter().map(|q| q.0).collect();
        got.sort_unstable();
        if got != expected || list.iter().any(|q| q.1 == 0) {
            errors.push(format!("quotas {y}: wrong set of units or a zero quota"));
        }
    }

    for r in &ds.reports {
        let o = &ds.orgs[r.org];
        let at = format!("{} {}", o.code, r.year);
        let complete = r.year < ds.last_year;
        let months = ds.months(r.year);
        let m = &r.members;
        let b = &r.moves;
        let inflow = m.dau_nam_chinh_thuc + m.dau_nam_du_bi + b.ket_nap + b.chuyen_den;
        let outflow = b.chuyen_di
            + b.xoa_ten
            + b.khai_tru
            + b.ra_khoi_dang
            + b.tu_tran
            + b.khong_chuyen_chinh_thuc;
        if inflow < outflow || inflow - outflow != m.cuoi_nam_chinh_thuc + m.cuoi_nam_du_bi {
            errors.push(format!("{at}: totals do not balance"));
        }
        let prob_in = m.dau_nam_du_bi + b.ket_nap;
        let prob_out = b.chuyen_chinh_thuc + b.khong_chuyen_chinh_thuc;
        if prob_out > prob_in || prob_in - prob_out != m.cuoi_nam_du_bi {
            errors.push(format!("{at}: probationary members do not balance"));
        }
        if b.ket_nap_theo_thang.len() != months
            || b.ket_nap_theo_thang.iter().sum::<u32>() != b.ket_nap
        {
            errors.push(format!("{at}: ket_nap_theo_thang wrong length or sum"));
        }
        if (r.as_of.is_some()) == complete || (!complete && r.as_of != Some(ds.as_of())) {
            errors.push(format!("{at}: ngay_so_lieu only in the in-progress year"));
        }
        if o.level.is_branch() && m.cuoi_nam_chinh_thuc < MIN_FULL {
            errors.push(format!("{at}: fewer than {MIN_FULL} full members"));
        }
        if o.level.is_branch() && m.dau_nam_chinh_thuc < MIN_FULL && o.founded.y != r.year {
            errors.push(format!("{at}: fewer than {MIN_FULL} full members at start"));
        }
        if o.small && m.cuoi_nam_chinh_thuc + m.cuoi_nam_du_bi > 6 {
            errors.push(format!("{at}: small branch grew past 6"));
        }

        match (&r.ratings, complete) {
            (Some(x), true) => {
                let sum = x.xuat_sac
                    + x.tot
                    + x.hoan_thanh
                    + x.khong_hoan_thanh
                    + x.duoi_6_thang
                    + x.mien
                    + x.dinh_chi;
                if sum != m.cuoi_nam_chinh_thuc + m.cuoi_nam_du_bi {
                    errors.push(format!("{at}: ratings do not add up to members"));
                }
                if x.duoi_6_thang > b.ket_nap
                    || x.duoi_6_thang != b.ket_nap_theo_thang[6..].iter().sum::<u32>()
                {
                    errors.push(format!(
                        "{at}: khong_xep_loai_duoi_6_thang not the second-half admissions"
                    ));
                }
                if x.xuat_sac * 5 > x.tot {
                    errors.push(format!("{at}: xuat_sac above 20% of tot"));
                }
                if m.ky_luat > x.khong_hoan_thanh {
                    errors.push(format!("{at}: ky_luat above khong_hoan_thanh"));
                }
                if x.mien != m.mien_sinh_hoat || x.dinh_chi != m.dinh_chi {
                    errors.push(format!("{at}: not-rated counts differ from stocks"));
                }
                let too_new = o.founded > super::date::Date::new(r.year, 6, 30);
                if x.to_chuc.is_some() == too_new {
                    errors.push(format!("{at}: organization grade presence wrong"));
                }
            }
            (None, false) => {}
            _ => errors.push(format!("{at}: [xep_loai] only in complete years")),
        }

        match (&r.meetings, o.level.is_branch()) {
            (Some(s), true) => {
                if s.dinh_ky_theo_thang.len() != months
                    || s.dinh_ky_theo_thang.iter().any(|&n| n > 2)
                {
                    errors.push(format!("{at}: dinh_ky_theo_thang wrong"));
                }
                if s.luot_co_mat > s.luot_du_kien
                    || s.vang_khong_ly_do > s.luot_du_kien - s.luot_co_mat
                {
                    errors.push(format!("{at}: attendance exceeds expected"));
                }
                let quarters = s.cap_uy_du_theo_quy.as_ref().map(Vec::len);
                let want = (o.level == Level::ChiBoTrucThuoc).then_some(months / 3);
                if quarters != want {
                    errors.push(format!("{at}: cap_uy_du_theo_quy wrong"));
                }
                if s.diem.is_some() != (r.year >= 2023) || s.diem.is_some_and(|d| d > 100) {
                    errors.push(format!("{at}: diem wrong"));
                }
            }
            (None, false) => {}
            _ => errors.push(format!("{at}: [sinh_hoat] only for branches")),
        }
        if r.plan.is_some() != (o.level.is_grassroots() && complete) {
            errors.push(format!(
                "{at}: [ke_hoach_nam_sau] only for grassroots in complete years"
            ));
        }

        // Continuity with the next year.
        if let Some(next) = by_key.get(&(r.org, r.year + 1)) {
            if next.members.dau_nam_chinh_thuc != m.cuoi_nam_chinh_thuc
                || next.members.dau_nam_du_bi != m.cuoi_nam_du_bi
            {
                errors.push(format!("{at}: end of year differs from start of next"));
            }
        }

        // A đảng bộ cơ sở is the sum of its branches.
        if o.level == Level::DangBoCoSo {
            let kids: Vec<&Report> = o
                .children
                .iter()
                .filter_map(|c| by_key.get(&(*c, r.year)).copied())
                .collect();
            if kids.len() != o.children.len() {
                errors.push(format!("{at}: missing branch reports"));
                continue;
            }
            if *m != sum_members(&kids) || !same_moves(b, &kids) {
                errors.push(format!("{at}: not the sum of its branches"));
            }
            if let Some(x) = &r.ratings {
                let k: Vec<_> = kids.iter().filter_map(|k| k.ratings.as_ref()).collect();
                let s = |f: fn(&super::sim::Ratings) -> u32| k.iter().map(|r| f(r)).sum::<u32>();
                if k.len() != kids.len()
                    || x.xuat_sac != s(|r| r.xuat_sac)
                    || x.tot != s(|r| r.tot)
                    || x.hoan_thanh != s(|r| r.hoan_thanh)
                    || x.khong_hoan_thanh != s(|r| r.khong_hoan_thanh)
                    || x.duoi_6_thang != s(|r| r.duoi_6_thang)
                    || x.mien != s(|r| r.mien)
                    || x.dinh_chi != s(|r| r.dinh_chi)
                {
                    errors.push(format!("{at}: ratings not the sum of its branches"));
                }
            }
        }
    }

    if errors.is_empty() {
        Ok(())
    } else {
        let n = errors.len();
        errors.truncate(20);
        Err(format!(
            "generated data breaks {n} invariant(s):\n  {}",
            errors.join("\n  ")
        ))
    }
}

fn sum_members(kids: &[&Report]) -> Members {
    let mut t = Members::default();
    for k in kids {
        let m = &k.members;
        t.dau_nam_chinh_thuc += m.dau_nam_chinh_thuc;
        t.dau_nam_du_bi += m.dau_nam_du_bi;
        t.cuoi_nam_chinh_thuc += m.cuoi_nam_chinh_thuc;
        t.cuoi_nam_du_bi += m.cuoi_nam_du_bi;
        t.mien_sinh_hoat += m.mien_sinh_hoat;
        t.dinh_chi += m.dinh_chi;
        t.ky_luat += m.ky_luat;
    }
    t
}

fn same_moves(b: &Movements, kids: &[&Report]) -> bool {
    let s = |f: fn(&Movements) -> u32| kids.iter().map(|k| f(&k.moves)).sum::<u32>();
    let monthly_ok = (0..b.ket_nap_theo_thang.len()).all(|i| {
        b.ket_nap_theo_thang[i]
            == kids
                .iter()
                .map(|k| k.moves.ket_nap_theo_thang.get(i).copied().unwrap_or(0))
                .sum::<u32>()
    });
    monthly_ok
        && b.ket_nap == s(|m| m.ket_nap)
        && b.chuyen_chinh_thuc == s(|m| m.chuyen_chinh_thuc)
        && b.khong_chuyen_chinh_thuc == s(|m| m.khong_chuyen_chinh_thuc)
        && b.chuyen_den == s(|m| m.chuyen_den)
        && b.chuyen_di == s(|m| m.chuyen_di)
        && b.xoa_ten == s(|m| m.xoa_ten)
        && b.khai_tru == s(|m| m.khai_tru)
        && b.ra_khoi_dang == s(|m| m.ra_khoi_dang)
        && b.tu_tran == s(|m| m.tu_tran)
}
