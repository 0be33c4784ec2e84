//! TOML text for editors: fixed key order and a short Vietnamese comment on each key.

use super::names::PROVINCE;
use super::orgs::{Kind, Org};
use super::sim::{plan_deadline, Dataset, Report, DOC_KEYS};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// Comments start in this column when the key/value is shorter.
const COMMENT_COL: usize = 32;

/// One `key = value` line, with its comment aligned when there is one.
fn line(out: &mut String, kv: &str, comment: &str) {
    out.push_str(kv);
    if !comment.is_empty() {
        let width = kv.chars().count();
        let pad = if width < COMMENT_COL {
            COMMENT_COL - width
        } else {
            1
        };
        out.extend(std::iter::repeat_n(' ', pad));
        out.push_str("# ");
        out.push_str(comment);
    }
    out.push('\n');
}

fn quoted(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            _ => q.push(c),
        }
    }
    q.push('"');
    q
}

fn array(values: &[u32]) -> String {
    let items: Vec<String> = values.iter().map(u32::to_string).collect();
    format!("[{}]", items.join(", "))
}

pub fn khoi_toml(ds: &Dataset, header: &str) -> String {
    let mut out = String::with_capacity(ds.orgs.len() * 260 + 512);
    out.push_str("# Danh sách tổ chức đảng trực thuộc Đảng bộ Khối\n");
    let _ = writeln!(out, "# {header}");
    out.push_str(
        "# Mỗi tổ chức cơ sở đảng được liệt kê trước, các chi bộ trực thuộc theo sau.\n\n",
    );
    out.push_str("[khoi]\n");
    line(
        &mut out,
        &format!(
            "ten = {}",
            quoted(&format!(
                "Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh {PROVINCE}"
            ))
        ),
        "tên đầy đủ",
    );
    line(
        &mut out,
        &format!("ten_viet_tat = {}", quoted(&format!("ĐUK {PROVINCE}"))),
        "tên viết tắt",
    );

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

fn org_entry(
    out: &mut String,
    ds: &Dataset,
    o: &Org,
    kv: &mut impl FnMut(&mut String, &'static str, String, &'static str),
) {
    kv(
        out,
        "ma",
        quoted(&o.code),
        "mã đơn vị: chữ in hoa, số, gạch nối; không đổi qua các năm",
    );
    kv(out, "ten", quoted(&o.name), "tên tổ chức đảng");
    kv(
        out,
        "loai",
        quoted(o.kind.key()),
        "co_quan (cơ quan) | doanh_nghiep (doanh nghiệp)",
    );
    if let Kind::DoanhNghiep(owner) = o.kind {
        kv(
            out,
            "so_huu",
            quoted(owner.key()),
            "sở hữu: nha_nuoc | tu_nhan | von_nuoc_ngoai",
        );
    }
    kv(
        out,
        "cap",
        quoted(o.level.key()),
        "dang_bo_co_so | chi_bo_co_so | chi_bo_truc_thuoc",
    );
    if let Some(p) = o.parent {
        kv(
            out,
            "truc_thuoc",
            quoted(&ds.orgs[p].code),
            "mã đảng bộ cơ sở cấp trên",
        );
    }
    kv(out, "thanh_lap", o.founded.to_string(), "ngày thành lập");
    if let Some(d) = o.dissolved {
        kv(out, "giai_the", d.to_string(), "ngày kết thúc hoạt động");
    }
    if let Some(t) = o.merged_into {
        kv(
            out,
            "sap_nhap_vao",
            quoted(&ds.orgs[t].code),
            "sáp nhập vào đơn vị có mã này",
        );
    }
}

pub fn quota_toml(ds: &Dataset, year: i32, list: &[(usize, u32)]) -> String {
    let mut out = String::with_capacity(list.len() * 16 + 256);
    let _ = writeln!(
        out,
        "# Chỉ tiêu kết nạp đảng viên năm {year} do Đảng ủy Khối giao"
    );
    line(&mut out, &format!("nam = {year}"), "năm giao chỉ tiêu");
    line(
        &mut out,
        &format!("han_gui_ke_hoach = {}", plan_deadline(year)),
        "hạn gửi kế hoạch phát triển đảng viên năm sau",
    );
    out.push('\n');
    line(
        &mut out,
        "[chi_tieu]",
        "mã đơn vị = số đảng viên phải kết nạp trong năm",
    );
    for (g, q) in list {
        let _ = writeln!(out, "{} = {q}", ds.orgs[*g].code);
    }
    out
}

pub fn report_toml(ds: &Dataset, r: &Report) -> String {
    let o = &ds.orgs[r.org];
    let mut out = String::with_capacity(3072);
    let period = match r.as_of {
        Some(d) => format!("năm {} (số liệu đến ngày {})", r.year, d.vn()),
        None => format!("năm {}", r.year),
    };
    let _ = writeln!(out, "# Báo cáo số liệu {period} — {} ({})", o.name, o.code);
    line(
        &mut out,
        &format!("nam = {}", r.year),
        "năm báo cáo, trùng với thư mục",
    );
    line(
        &mut out,
        &format!("to_chuc = {}", quoted(&o.code)),
        "mã đơn vị trong khoi.toml",
    );
    if let Some(d) = r.as_of {
        line(
            &mut out,
            &format!("ngay_so_lieu = {d}"),
            "năm đang thực hiện: số liệu tính đến ngày này",
        );
    }
    let end = if r.as_of.is_some() {
        "tại ngày số liệu"
    } else {
        "cuối năm"
    };
    let n = |out: &mut String, key: &str, v: u32, c: &str| line(out, &format!("{key} = {v}"), c);

    let m = &r.members;
    out.push('\n');
    line(&mut out, "[dang_vien]", "số đảng viên");
    n(
        &mut out,
        "dau_nam_chinh_thuc",
        m.dau_nam_chinh_thuc,
        "chính thức đầu năm",
    );
    n(&mut out, "dau_nam_du_bi", m.dau_nam_du_bi, "dự bị đầu năm");
    n(
        &mut out,
        "cuoi_nam_chinh_thuc",
        m.cuoi_nam_chinh_thuc,
        &format!("chính thức {end}"),
    );
    n(
        &mut out,
        "cuoi_nam_du_bi",
        m.cuoi_nam_du_bi,
        &format!("dự bị {end}"),
    );
    n(
        &mut out,
        "mien_sinh_hoat",
        m.mien_sinh_hoat,
        "miễn công tác và sinh hoạt đảng",
    );
    n(
        &mut out,
        "dinh_chi",
        m.dinh_chi,
        "đang bị đình chỉ sinh hoạt",
    );
    n(&mut out, "ky_luat", m.ky_luat, "bị kỷ luật trong năm");

    let b = &r.moves;
    let months = b.ket_nap_theo_thang.len();
    out.push('\n');
    line(&mut out, "[bien_dong]", "biến động trong năm");
    n(&mut out, "ket_nap", b.ket_nap, "kết nạp mới");
    n(
        &mut out,
        "chuyen_chinh_thuc",
        b.chuyen_chinh_thuc,
        "dự bị được công nhận chính thức",
    );
    n(
        &mut out,
        "khong_chuyen_chinh_thuc",
        b.khong_chuyen_chinh_thuc,
        "dự bị không được công nhận, bị xóa tên",
    );
    n(&mut out, "chuyen_den", b.chuyen_den, "chuyển sinh hoạt đến");
    n(&mut out, "chuyen_di", b.chuyen_di, "chuyển sinh hoạt đi");
    n(&mut out, "xoa_ten", b.xoa_ten, "xóa tên");
    n(&mut out, "khai_tru", b.khai_tru, "khai trừ");
    n(
        &mut out,
        "ra_khoi_dang",
        b.ra_khoi_dang,
        "ra khỏi Đảng (xin ra, lý do khác)",
    );
    n(&mut out, "tu_tran", b.tu_tran, "từ trần");
    line(
        &mut out,
        &format!("ket_nap_theo_thang = {}", array(&b.ket_nap_theo_thang)),
        &format!("kết nạp từng tháng, tháng 1–{months}"),
    );

    if let Some(x) = &r.ratings {
        out.push('\n');
        line(
            &mut out,
            "[xep_loai]",
            "đánh giá, xếp loại chất lượng cuối năm",
        );
        match x.to_chuc {
            Some(g) => line(
                &mut out,
                &format!("to_chuc = {}", quoted(g.key())),
                "tổ chức: xuat_sac | tot | hoan_thanh | khong_hoan_thanh",
            ),
            None => out.push_str("# to_chuc: không xếp loại (thành lập chưa đủ 6 tháng)\n"),
        }
        n(
            &mut out,
            "dang_vien_xuat_sac",
            x.xuat_sac,
            "đảng viên hoàn thành xuất sắc nhiệm vụ",
        );
        n(&mut out, "dang_vien_tot", x.tot, "hoàn thành tốt nhiệm vụ");
        n(
            &mut out,
            "dang_vien_hoan_thanh",
            x.hoan_thanh,
            "hoàn thành nhiệm vụ",
        );
        n(
            &mut out,
            "dang_vien_khong_hoan_thanh",
            x.khong_hoan_thanh,
            "không hoàn thành nhiệm vụ",
        );
        n(
            &mut out,
            "khong_xep_loai_duoi_6_thang",
            x.duoi_6_thang,
            "không xếp loại: kết nạp chưa đủ 6 tháng",
        );
        n(
            &mut out,
            "khong_xep_loai_mien",
            x.mien,
            "không xếp loại: miễn sinh hoạt",
        );
        n(
            &mut out,
            "khong_xep_loai_dinh_chi",
            x.dinh_chi,
            "không xếp loại: đình chỉ sinh hoạt",
        );
    }

    if let Some(s) = &r.meetings {
        out.push('\n');
        line(&mut out, "[sinh_hoat]", "sinh hoạt chi bộ");
        line(
            &mut out,
            &format!("dinh_ky_theo_thang = {}", array(&s.dinh_ky_theo_thang)),
            "số buổi sinh hoạt định kỳ từng tháng",
        );
        n(
            &mut out,
            "luot_du_kien",
            s.luot_du_kien,
            "lượt đảng viên phải dự",
        );
        n(&mut out, "luot_co_mat", s.luot_co_mat, "lượt có mặt");
        n(
            &mut out,
            "vang_khong_ly_do",
            s.vang_khong_ly_do,
            "lượt vắng không có lý do",
        );
        n(
            &mut out,
            "chuyen_de",
            s.chuyen_de,
            "số buổi sinh hoạt chuyên đề",
        );
        n(&mut out, "dien_dan", s.dien_dan, "số diễn đàn");
        if let Some(q) = &s.cap_uy_du_theo_quy {
            line(
                &mut out,
                &format!("cap_uy_du_theo_quy = {}", array(q)),
                "lượt cấp ủy cơ sở dự sinh hoạt, từng quý",
            );
        }
        if let Some(d) = s.diem {
            n(&mut out, "diem", d, "điểm chất lượng sinh hoạt (0–100)");
        }
    }

    const DOC_COMMENTS: [&str; 5] = [
        "chương trình công tác năm",
        "chương trình kiểm tra, giám sát",
        "phân công nhiệm vụ cho đảng viên",
        "kế hoạch thực hiện Chỉ thị 05-CT/TW",
        "bản cam kết tu dưỡng, rèn luyện",
    ];
    out.push('\n');
    line(
        &mut out,
        "[van_ban_bat_buoc]",
        "văn bản bắt buộc đã hoàn thành trong năm",
    );
    for ((key, done), comment) in DOC_KEYS.iter().zip(r.docs).zip(DOC_COMMENTS) {
        line(&mut out, &format!("{key} = {done}"), comment);
    }

    if let Some(plan) = r.plan {
        out.push('\n');
        line(
            &mut out,
            "[ke_hoach_nam_sau]",
            &format!("kế hoạch phát triển đảng viên năm {}", r.year + 1),
        );
        line(
            &mut out,
            &format!("da_gui = {}", plan.is_some()),
            &format!("đã gửi (hạn {})", plan_deadline(r.year).vn()),
        );
        if let Some(d) = plan {
            line(&mut out, &format!("ngay_gui = {d}"), "ngày gửi");
        }
    }
    out
}

/// Writes everything under `out`. Only `quotas/` and `reports/` are cleared first; other
/// content (site.toml, documents, news) belongs to editors.
pub fn write_all(ds: &Dataset, out: &Path, header: &str) -> Result<(), String> {
    let io = |what: &Path, e: std::io::Error| format!("{}: {e}", what.display());
    fs::create_dir_all(out).map_err(|e| io(out, e))?;
    for sub in ["quotas", "reports"] {
        let p = out.join(sub);
        if p.is_dir() {
            fs::remove_dir_all(&p).map_err(|e| io(&p, e))?;
        } else if p.exists() {
            fs::remove_file(&p).map_err(|e| io(&p, e))?;
        }
    }
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
        let p = reports
            .join(r.year.to_string())
            .join(format!("{}.toml", ds.orgs[r.org].code));
        fs::write(&p, report_toml(ds, r)).map_err(|e| io(&p, e))?;
    }
    Ok(())
}
