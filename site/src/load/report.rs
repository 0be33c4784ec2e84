//! `data/reports/<year>/<CODE>.toml`: one organization's anonymized yearly report.

use super::fields::{Fields, FileCtx};
use super::{toml_file, Located, Loaded};
use app::model::{Grade, Meetings, MemberStock, Movements, NextYearPlan, OrgCode, Ratings, Report, RequiredDocs, Stock};
use std::path::Path;

pub(crate) fn load(loaded: &mut Loaded, path_year: i32, path: &Path) {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
    loaded.report_files.insert((path_year, stem));
    let Some((file, doc)) = toml_file::parse(loaded, path) else { return };
    let ctx = FileCtx::new(file);
    let mut root = Fields::root(&ctx, doc.as_table());
    let year = root.count("nam");
    let org = root.string("to_chuc");
    let as_of = root.opt_date("ngay_so_lieu");
    let note = root.opt_string("ghi_chu");

    let members = root.table("dang_vien", true).and_then(|mut t| {
        let v = counts(&mut t, &["dau_nam_chinh_thuc", "dau_nam_du_bi", "cuoi_nam_chinh_thuc", "cuoi_nam_du_bi", "mien_sinh_hoat", "dinh_chi", "ky_luat"])?;
        Some(MemberStock {
            start: Stock { full: v[0], probationary: v[1] },
            end: Stock { full: v[2], probationary: v[3] },
            exempted: v[4],
            suspended: v[5],
            disciplined: v[6],
        })
    });

    let mut monthly_admissions = None;
    let movements = root.table("bien_dong", true).and_then(|mut t| {
        monthly_admissions = t.counts("ket_nap_theo_thang");
        let v = counts(
            &mut t,
            &["ket_nap", "chuyen_chinh_thuc", "khong_chuyen_chinh_thuc", "chuyen_den", "chuyen_di", "xoa_ten", "khai_tru", "ra_khoi_dang", "tu_tran"],
        )?;
        Some(Movements {
            admitted: v[0],
            made_full: v[1],
            probation_failed: v[2],
            transferred_in: v[3],
            transferred_out: v[4],
            struck_off: v[5],
            expelled: v[6],
            removed: v[7],
            deceased: v[8],
        })
    });

    let ratings = root.table("xep_loai", false).and_then(|mut t| {
        let grade_keys: Vec<(&str, Grade)> = Grade::ALL.iter().map(|g| (g.key(), *g)).collect();
        let organization = t.opt_choice("to_chuc", &grade_keys);
        let v = counts(
            &mut t,
            &[
                "dang_vien_xuat_sac",
                "dang_vien_tot",
                "dang_vien_hoan_thanh",
                "dang_vien_khong_hoan_thanh",
                "khong_xep_loai_duoi_6_thang",
                "khong_xep_loai_mien",
                "khong_xep_loai_dinh_chi",
            ],
        )?;
        Some(Ratings {
            organization,
            members: [v[0], v[1], v[2], v[3]],
            not_rated_new: v[4],
            not_rated_exempted: v[5],
            not_rated_suspended: v[6],
        })
    });

    let meetings = root.table("sinh_hoat", false).and_then(|mut t| {
        let monthly = t.counts("dinh_ky_theo_thang");
        let upper_visits = t.opt_counts("cap_uy_du_theo_quy");
        let score = t.opt_count("diem");
        let v = counts(&mut t, &["luot_du_kien", "luot_co_mat", "vang_khong_ly_do", "chuyen_de", "dien_dan"])?;
        Some(Meetings {
            monthly: monthly?,
            attendance_expected: v[0],
            attended: v[1],
            unexcused_absences: v[2],
            thematic: v[3],
            forums: v[4],
            upper_visits,
            score,
        })
    });

    let required_docs = root.table("van_ban_bat_buoc", false).and_then(|mut t| {
        let keys = ["chuong_trinh_cong_tac", "chuong_trinh_kiem_tra_giam_sat", "phan_cong_nhiem_vu", "ke_hoach_chi_thi_05", "ban_cam_ket"];
        let v: Vec<Option<bool>> = keys.iter().map(|k| t.boolean(k)).collect();
        t.finish();
        let v: Vec<bool> = v.into_iter().collect::<Option<_>>()?;
        Some(RequiredDocs { work_programme: v[0], inspection_programme: v[1], task_assignment: v[2], directive_05_plan: v[3], commitments: v[4] })
    });

    let next_year_plan = root.table("ke_hoach_nam_sau", false).and_then(|mut t| {
        let sent = t.boolean("da_gui");
        let date = t.opt_date("ngay_gui");
        let plan = match (sent, date) {
            (Some(true), Some(d)) => Some(NextYearPlan::Sent(d)),
            // A `ngay_gui` that is written but unreadable already has its own finding.
            (Some(true), None) if t.contains("ngay_gui") => None,
            (Some(true), None) => {
                ctx.error("E003", t.table_span(), "đã gửi kế hoạch nhưng thiếu `ngay_gui`".into(), "thêm `ngay_gui = 2024-11-03` (ngày gửi kế hoạch)".into());
                None
            }
            (Some(false), Some(_)) => {
                ctx.error("E006", ctx.spans.borrow().get("ke_hoach_nam_sau.ngay_gui"), "`da_gui = false` nhưng lại ghi `ngay_gui`".into(), "nếu đã gửi, sửa `da_gui = true`; nếu chưa gửi, xóa dòng `ngay_gui`".into());
                None
            }
            (Some(false), None) => Some(NextYearPlan::NotSent),
            (None, _) => None,
        };
        t.finish();
        plan
    });
    root.finish();

    let spans = ctx.spans.borrow().clone();
    let clean = ctx.diags.borrow().is_empty();
    loaded.findings.extend(ctx.diags.into_inner());
    // A report with any error is not used further: its checks would only repeat the error.
    let (true, Some(year), Some(org), Some(members), Some(movements), Some(monthly_admissions)) =
        (clean, year, org, members, movements, monthly_admissions)
    else {
        return;
    };
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
    let Some(code) = OrgCode::parse(&org) else {
        loaded.findings.push(
            crate::diagnostic::Diagnostic::error("E006", format!("mã đơn vị \"{org}\" không hợp lệ"))
                .at(file, spans.get("to_chuc"))
                .hint("ghi mã như trong data/khoi.toml, ví dụ \"CQ01\""),
        );
        return;
    };
    let report = Report {
        year: year as i32,
        org: code,
        as_of,
        members,
        movements,
        monthly_admissions,
        ratings,
        meetings,
        required_docs,
        next_year_plan,
        note,
    };
    loaded.reports.push((path_year, stem, Located { value: report, file, spans }));
}

/// Reads every key (so each problem is reported), then rejects unknown keys; `None` if any failed.
fn counts(t: &mut Fields<'_>, keys: &[&'static str]) -> Option<Vec<u32>> {
    let values: Vec<Option<u32>> = keys.iter().map(|k| t.count(k)).collect();
    t.check_unknown();
    values.into_iter().collect()
}
