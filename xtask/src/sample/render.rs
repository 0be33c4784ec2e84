//! TOML text for editors: fixed key order and a short Vietnamese comment on each key.

use super::names::PROVINCE;
use super::orgs::{Kind, Org, Ownership};
use super::sim::{plan_deadline, Dataset, Report};
use app::schema::write::{line, quoted};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

pub fn khoi_toml(ds: &Dataset, header: &str) -> String {
    let mut out = String::with_capacity(ds.orgs.len() * 260 + 512);
    out.push_str("# Danh sách tổ chức đảng trực thuộc Đảng bộ Khối\n");
    let _ = writeln!(out, "# {header}");
    out.push_str("# Mỗi tổ chức cơ sở đảng được liệt kê trước, các chi bộ trực thuộc theo sau.\n\n");
    out.push_str("[khoi]\n");
    line(&mut out, &format!("ten = {}", quoted(&format!("Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh {PROVINCE}"))), "tên đầy đủ");
    line(&mut out, &format!("ten_viet_tat = {}", quoted(&format!("ĐUK {PROVINCE}"))), "tên viết tắt");

    // Comment each key the first time it appears: the file stays readable at 5000 entries.
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut kv = |out: &mut String, key: &'static str, value: String, comment: &'static str| {
        let c = if seen.insert(key) { comment } else { "" };
        line(out, &format!("{key} = {value}"), c);
    };
    for (i, o) in ds.orgs.iter().enumerate() {
        out.push('\n');
        if i == 0 {
            line(&mut out, "[[to_chuc]]", "một mục cho mỗi tổ chức đảng");
        } else {
            out.push_str("[[to_chuc]]\n");
        }
        org_entry(&mut out, ds, o, &mut kv);
    }
    out
}

fn org_entry(out: &mut String, ds: &Dataset, o: &Org, kv: &mut impl FnMut(&mut String, &'static str, String, &'static str)) {
    kv(out, "ma", quoted(&o.code), "mã đơn vị: chữ in hoa, số, gạch nối; không đổi qua các năm");
    kv(out, "ten", quoted(&o.name), "tên tổ chức đảng");
    kv(out, "loai", quoted(o.kind.key()), "co_quan (cơ quan) | doanh_nghiep (doanh nghiệp)");
    if let Kind::DoanhNghiep(owner) = o.kind {
        kv(out, "so_huu", quoted(owner.key()), "sở hữu: nha_nuoc | tu_nhan | von_nuoc_ngoai");
    }
    if o.parent.is_none() {
        kv(out, "loai_hinh", quoted(workplace(o)), "loại hình (Biểu 5), xem docs/data-format.md");
    }
    kv(out, "cap", quoted(o.level.key()), "dang_bo_co_so | chi_bo_co_so | chi_bo_truc_thuoc");
    if let Some(p) = o.parent {
        kv(out, "truc_thuoc", quoted(&ds.orgs[p].code), "mã đảng bộ cơ sở cấp trên");
    }
    kv(out, "thanh_lap", o.founded.to_string(), "ngày thành lập");
    if let Some(d) = o.dissolved {
        kv(out, "giai_the", d.to_string(), "ngày kết thúc hoạt động");
    }
    if let Some(t) = o.merged_into {
        kv(out, "sap_nhap_vao", quoted(&ds.orgs[t].code), "sáp nhập vào đơn vị có mã này");
    }
}

/// A grassroots organization's type of workplace (Biểu 5), read off its name and kind: the
/// sample's names say what they are ("Trường …", "Công ty TNHH MTV …", "Ngân hàng TMCP …").
fn workplace(o: &Org) -> &'static str {
    let has = |words: &[&str]| words.iter().any(|w| o.name.contains(w));
    match o.kind {
        Kind::CoQuan if has(&["Ban Dân tộc", "Liên minh", "Mặt trận", "Hội ", "Tỉnh đoàn", "Liên đoàn"]) => {
            "dang_doan_the"
        }
        Kind::CoQuan if has(&["Trường", "Bệnh viện", "Trung tâm", "Đài ", "Quỹ ", "Ban Quản lý dự án"]) => {
            "don_vi_su_nghiep"
        }
        Kind::CoQuan => "co_quan_nha_nuoc",
        Kind::DoanhNghiep(Ownership::NhaNuoc) if has(&["MTV", "Điện lực", "Xăng dầu", "Bưu điện", "Viễn thông"]) => {
            "dn_nha_nuoc_100"
        }
        Kind::DoanhNghiep(Ownership::NhaNuoc) if has(&["Môi trường", "Cấp nước"]) => "dn_nha_nuoc_duoi_50",
        Kind::DoanhNghiep(Ownership::NhaNuoc) => "dn_nha_nuoc_tren_50",
        Kind::DoanhNghiep(Ownership::TuNhan) if has(&["Cổ phần"]) => "cong_ty_co_phan",
        Kind::DoanhNghiep(Ownership::TuNhan) if has(&["Hợp tác xã"]) => "hop_tac_xa",
        Kind::DoanhNghiep(Ownership::TuNhan) if has(&["TNHH"]) => "cong_ty_tnhh",
        Kind::DoanhNghiep(Ownership::TuNhan) => "doanh_nghiep_tu_nhan",
        Kind::DoanhNghiep(Ownership::VonNuocNgoai) => "von_nuoc_ngoai",
    }
}

pub fn quota_toml(ds: &Dataset, year: i32, list: &[(usize, u32)]) -> String {
    let mut out = String::with_capacity(list.len() * 16 + 256);
    let _ = writeln!(out, "# Chỉ tiêu kết nạp đảng viên năm {year} do Đảng ủy Khối giao");
    line(&mut out, &format!("nam = {year}"), "năm giao chỉ tiêu");
    line(&mut out, &format!("han_gui_ke_hoach = {}", plan_deadline(year)), "hạn gửi kế hoạch phát triển đảng viên năm sau");
    out.push('\n');
    line(&mut out, "[chi_tieu]", "mã đơn vị = số đảng viên phải kết nạp trong năm");
    for (g, q) in list {
        let _ = writeln!(out, "{} = {q}", ds.orgs[*g].code);
    }
    out
}

/// A report through the schema's one writer (the same as `site new report`'s).
pub fn report_toml(ds: &Dataset, r: &Report) -> String {
    let o = &ds.orgs[r.org];
    let period = match r.data.as_of {
        Some(d) => format!("năm {} (số liệu đến ngày {})", r.data.year, app::format::date(d)),
        None => format!("năm {}", r.data.year),
    };
    let options = app::schema::write::Options {
        header: vec![format!("Báo cáo số liệu {period} — {} ({})", o.name, o.code)],
        template: false,
        plan_deadline: Some(plan_deadline(r.data.year).naive()),
    };
    app::schema::write::report_toml(&r.data, &options)
}

/// Writes `khoi.toml`, `quotas/` and `reports/` into `out`, a fresh directory.
pub fn write_all(ds: &Dataset, out: &Path, header: &str) -> Result<(), String> {
    let io = |what: &Path, e: std::io::Error| format!("{}: {e}", what.display());
    fs::create_dir_all(out).map_err(|e| io(out, e))?;
    let khoi = out.join("khoi.toml");
    fs::write(&khoi, khoi_toml(ds, header)).map_err(|e| io(&khoi, e))?;

    let quotas = out.join("quotas");
    fs::create_dir_all(&quotas).map_err(|e| io(&quotas, e))?;
    for (year, list) in &ds.quotas {
        let p = quotas.join(format!("{year}.toml"));
        fs::write(&p, quota_toml(ds, *year, list)).map_err(|e| io(&p, e))?;
    }

    let reports = out.join("reports");
    for year in ds.first_year..=ds.last_year {
        let dir = reports.join(year.to_string());
        fs::create_dir_all(&dir).map_err(|e| io(&dir, e))?;
    }
    for r in &ds.reports {
        let p = reports.join(r.data.year.to_string()).join(format!("{}.toml", ds.orgs[r.org].code));
        fs::write(&p, report_toml(ds, r)).map_err(|e| io(&p, e))?;
    }
    Ok(())
}

/// Moves the generated files from `staged` into `out`, replacing the generated part only:
/// `quotas/` and `reports/` are swapped whole and `khoi.toml` renamed over; everything else in
/// `out` (site.toml, documents, news) belongs to editors and stays.
pub fn replace_generated(staged: &Path, out: &Path) -> Result<(), String> {
    let io = |what: &Path, e: std::io::Error| format!("{}: {e}", what.display());
    fs::create_dir_all(out).map_err(|e| io(out, e))?;
    for sub in ["quotas", "reports"] {
        let p = out.join(sub);
        if p.is_dir() {
            fs::remove_dir_all(&p).map_err(|e| io(&p, e))?;
        } else if p.exists() {
            fs::remove_file(&p).map_err(|e| io(&p, e))?;
        }
        fs::rename(staged.join(sub), &p).map_err(|e| io(&p, e))?;
    }
    let khoi = out.join("khoi.toml");
    fs::rename(staged.join("khoi.toml"), &khoi).map_err(|e| io(&khoi, e))?;
    fs::remove_dir_all(staged).map_err(|e| io(staged, e))
}
