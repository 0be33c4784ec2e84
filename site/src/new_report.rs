//! `site new report`: writes `data/reports/<year>/<CODE>.toml`, a pre-filled report for an editor
//! to complete. Start-of-year counts are last year's end (when last year's report reads without
//! errors), everything else is 0, every key is present with the comments of the sample files, and
//! the sections are those of the organization's level.
//!
//! The one place that writes under `data/`, and only this one file: `check`, `build` and `serve`
//! still only read it. Nothing is written unless every check here passes.

use crate::load::Loaded;
use app::format;
use app::model::{Level, OrgCode, Organization, Stock};
use chrono::{Datelike, NaiveDate};
use std::fmt::{self, Write as _};
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Why no file was written: a Vietnamese message and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
    pub hint: String,
}

impl Refusal {
    fn new(message: impl Into<String>, hint: impl Into<String>) -> Refusal {
        Refusal { message: message.into(), hint: hint.into() }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "lỗi: {}\n  = gợi ý: {}", self.message, self.hint)
    }
}

/// Where the start-of-year counts come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// Last year's report read cleanly: its end counts, and its as-of date if it had one.
    PreviousEnd { stock: Stock, as_of: Option<NaiveDate> },
    /// Last year's report exists but has load errors.
    PreviousHasErrors,
    /// No report for last year.
    NoPrevious,
}

impl Start {
    fn stock(&self) -> Stock {
        match self {
            Start::PreviousEnd { stock, .. } => *stock,
            _ => Stock::default(),
        }
    }
}

/// Reads `data_dir`, checks that `code` may report for `year`, and writes the pre-filled report.
/// Returns the path written.
pub fn new_report(data_dir: &Path, code: &str, year: i32, force: bool) -> Result<PathBuf, Refusal> {
    if !data_dir.is_dir() {
        return Err(Refusal::new(
            format!("không tìm thấy thư mục dữ liệu `{}`", data_dir.display()),
            "chạy lệnh từ thư mục gốc của kho, hoặc chỉ rõ `--data <thư mục>`",
        ));
    }
    if !(1930..=2100).contains(&year) {
        return Err(Refusal::new(format!("năm {year} nằm ngoài khoảng 1930–2100"), "ghi năm báo cáo đủ 4 chữ số, ví dụ `--year 2026`"));
    }
    let loaded = crate::load::load(data_dir);
    let org = find_org(&loaded, code, year)?;
    let path = data_dir.join("reports").join(year.to_string()).join(format!("{}.toml", org.code));
    if path.exists() && !force {
        return Err(Refusal::new(
            format!("tệp `{}` đã có", path.display()),
            "sửa trực tiếp tệp đó; muốn tạo lại từ đầu thì thêm `--force` (số liệu đã ghi trong tệp sẽ mất)",
        ));
    }
    let text = report_text(&loaded, org, year);
    let write = || -> std::io::Result<()> {
        std::fs::create_dir_all(path.parent().expect("a report path has a folder"))?;
        let mut options = std::fs::OpenOptions::new();
        options.write(true);
        if force {
            options.create(true).truncate(true);
        } else {
            options.create_new(true);
        }
        options.open(&path)?.write_all(text.as_bytes())
    };
    write().map_err(|e| Refusal::new(format!("không ghi được tệp `{}`: {e}", path.display()), "kiểm tra quyền ghi vào thư mục dữ liệu"))?;
    Ok(path)
}

/// The organization `code` names, if it exists and is active in `year`.
fn find_org<'a>(loaded: &'a Loaded, code: &str, year: i32) -> Result<&'a Organization, Refusal> {
    let orgs = || loaded.orgs.iter().map(|o| &o.value);
    if let Some(org) = orgs().find(|o| o.code.as_str() == code) {
        if org.active_in(year) {
            return Ok(org);
        }
        let (message, hint) = match (org.ended, &org.merged_into) {
            (Some(e), Some(to)) if e.year() < year => (
                format!("`{code}` không hoạt động trong năm {year}: đã sáp nhập vào `{to}` ngày {}", format::date(e)),
                format!("số liệu năm {year} thuộc báo cáo của `{to}`: `site new report --org {to} --year {year}`"),
            ),
            (Some(e), None) if e.year() < year => (
                format!("`{code}` không hoạt động trong năm {year}: đã kết thúc hoạt động ngày {}", format::date(e)),
                "tổ chức đã kết thúc không còn báo cáo; nếu ngày kết thúc sai, sửa `giai_the` trong khoi.toml".to_string(),
            ),
            _ => (
                format!("`{code}` không hoạt động trong năm {year}: thành lập ngày {}", format::date(org.founded)),
                format!("chỉ tạo báo cáo từ năm {} trở đi; nếu ngày thành lập sai, sửa `thanh_lap` trong khoi.toml", org.founded.year()),
            ),
        };
        return Err(Refusal::new(message, hint));
    }
    if loaded.khoi_file.is_none() {
        return Err(Refusal::new("không đọc được khoi.toml nên không biết danh sách tổ chức", "chạy `site check` để xem lỗi của khoi.toml, sửa rồi chạy lại lệnh này"));
    }
    let upper = code.to_uppercase();
    if upper != code && orgs().any(|o| o.code.as_str() == upper) {
        return Err(Refusal::new(format!("không có tổ chức mã `{code}` trong khoi.toml"), format!("mã viết chữ in hoa: `--org {upper}`")));
    }
    let message = match OrgCode::parse(code) {
        Some(_) => format!("không có tổ chức mã `{code}` trong khoi.toml"),
        None => format!("\"{code}\" không phải mã đơn vị hợp lệ"),
    };
    let active: Vec<&str> = orgs().filter(|o| o.active_in(year)).map(|o| o.code.as_str()).collect();
    let hint = if active.is_empty() {
        "khai báo tổ chức trong khoi.toml trước (mục [[to_chuc]]); mục có lỗi bị bỏ qua: chạy `site check`".to_string()
    } else {
        format!(
            "ghi mã như trong khoi.toml (mục [[to_chuc]] có lỗi bị bỏ qua: chạy `site check`). Các mã hoạt động năm {year}: {}",
            active.join(", ")
        )
    };
    Err(Refusal::new(message, hint))
}

/// Last year's end for `org`, from a report that read without errors.
pub fn start_of(loaded: &Loaded, org: &OrgCode, year: i32) -> Start {
    let previous = loaded.reports.iter().find(|(y, stem, r)| *y == year - 1 && stem == org.as_str() && r.value.org == *org && r.value.year == year - 1);
    match previous {
        Some((_, _, r)) => Start::PreviousEnd { stock: r.value.members.end, as_of: r.value.as_of },
        None if loaded.report_files.contains(&(year - 1, org.to_string())) => Start::PreviousHasErrors,
        None => Start::NoPrevious,
    }
}

/// Column where trailing comments start, as in the sample files.
const COMMENT_COL: usize = 32;

fn line(out: &mut String, kv: &str, comment: &str) {
    out.push_str(kv);
    let width = kv.chars().count();
    out.push_str(&" ".repeat(COMMENT_COL.saturating_sub(width).max(1)));
    out.push_str("# ");
    out.push_str(comment);
    out.push('\n');
}

fn zeros(n: usize) -> String {
    format!("[{}]", vec!["0"; n].join(", "))
}

/// The text of the pre-filled report of `org` for `year`.
pub fn report_text(loaded: &Loaded, org: &Organization, year: i32) -> String {
    let start = start_of(loaded, &org.code, year);
    let grassroots = org.level.is_grassroots();
    let mut out = String::with_capacity(4096);
    let _ = writeln!(out, "# Báo cáo số liệu năm {year} — {} ({})", org.name, org.code);
    let _ = writeln!(out, "# Tệp do `site new report` tạo sẵn: điền số liệu thật thay cho các số 0, rồi chạy `site check`.");
    let previous = year - 1;
    match &start {
        Start::PreviousEnd { as_of: None, .. } => {
            let _ = writeln!(out, "# Số đầu năm chép từ số cuối năm trong báo cáo năm {previous}.");
        }
        Start::PreviousEnd { as_of: Some(d), .. } => {
            let _ = writeln!(
                out,
                "# Số đầu năm chép từ báo cáo năm {previous}, số liệu đến ngày {}: sửa lại theo số cuối năm {previous}\n# khi báo cáo năm {previous} có đủ số cả năm.",
                format::date(*d)
            );
        }
        Start::PreviousHasErrors => {
            let _ = writeln!(
                out,
                "# Báo cáo năm {previous} còn lỗi (chạy `site check`) nên số đầu năm để 0: ghi theo số cuối năm {previous}."
            );
        }
        Start::NoPrevious if org.founded.year() == year => {
            let _ = writeln!(out, "# Tổ chức thành lập ngày {}, chưa có báo cáo năm {previous}: số đầu năm để 0.", format::date(org.founded));
        }
        Start::NoPrevious => {
            let _ = writeln!(out, "# Không có báo cáo năm {previous} nên số đầu năm để 0: ghi theo số cuối năm {previous}.");
        }
    }
    let drop = if grassroots { "xóa mục [xep_loai] và [ke_hoach_nam_sau]" } else { "xóa mục [xep_loai]" };
    let _ = writeln!(out, "# Năm đang thực hiện: bỏ dấu # trước `ngay_so_lieu`, ghi các danh sách tháng đến tháng của ngày đó,\n# {drop}.");
    line(&mut out, &format!("nam = {year}"), "năm báo cáo, trùng với thư mục");
    line(&mut out, &format!("to_chuc = \"{}\"", org.code), "mã đơn vị trong khoi.toml");
    line(&mut out, &format!("# ngay_so_lieu = {year}-09-30"), "năm đang thực hiện: số liệu tính đến ngày này");

    let s = start.stock();
    out.push('\n');
    line(&mut out, "[dang_vien]", "số đảng viên");
    let n = |out: &mut String, key: &str, v: u32, comment: &str| line(out, &format!("{key} = {v}"), comment);
    n(&mut out, "dau_nam_chinh_thuc", s.full, "chính thức đầu năm");
    n(&mut out, "dau_nam_du_bi", s.probationary, "dự bị đầu năm");
    n(&mut out, "cuoi_nam_chinh_thuc", 0, "chính thức cuối năm");
    n(&mut out, "cuoi_nam_du_bi", 0, "dự bị cuối năm");
    n(&mut out, "mien_sinh_hoat", 0, "miễn công tác và sinh hoạt đảng");
    n(&mut out, "dinh_chi", 0, "đang bị đình chỉ sinh hoạt");
    n(&mut out, "ky_luat", 0, "bị kỷ luật trong năm");

    out.push('\n');
    line(&mut out, "[bien_dong]", "biến động trong năm");
    n(&mut out, "ket_nap", 0, "kết nạp mới");
    n(&mut out, "chuyen_chinh_thuc", 0, "dự bị được công nhận chính thức");
    n(&mut out, "khong_chuyen_chinh_thuc", 0, "dự bị không được công nhận, bị xóa tên");
    n(&mut out, "chuyen_den", 0, "chuyển sinh hoạt đến");
    n(&mut out, "chuyen_di", 0, "chuyển sinh hoạt đi");
    n(&mut out, "xoa_ten", 0, "xóa tên");
    n(&mut out, "khai_tru", 0, "khai trừ");
    n(&mut out, "ra_khoi_dang", 0, "ra khỏi Đảng (xin ra, lý do khác)");
    n(&mut out, "tu_tran", 0, "từ trần");
    line(&mut out, &format!("ket_nap_theo_thang = {}", zeros(12)), "kết nạp từng tháng, tháng 1–12");

    out.push('\n');
    line(&mut out, "[xep_loai]", "đánh giá, xếp loại chất lượng cuối năm");
    line(&mut out, "# to_chuc = \"tot\"", "tổ chức: xuat_sac | tot | hoan_thanh | khong_hoan_thanh (bỏ dấu # ở đầu dòng khi đã có kết quả)");
    n(&mut out, "dang_vien_xuat_sac", 0, "đảng viên hoàn thành xuất sắc nhiệm vụ");
    n(&mut out, "dang_vien_tot", 0, "hoàn thành tốt nhiệm vụ");
    n(&mut out, "dang_vien_hoan_thanh", 0, "hoàn thành nhiệm vụ");
    n(&mut out, "dang_vien_khong_hoan_thanh", 0, "không hoàn thành nhiệm vụ");
    n(&mut out, "khong_xep_loai_duoi_6_thang", 0, "không xếp loại: kết nạp chưa đủ 6 tháng");
    n(&mut out, "khong_xep_loai_mien", 0, "không xếp loại: miễn sinh hoạt");
    n(&mut out, "khong_xep_loai_dinh_chi", 0, "không xếp loại: đình chỉ sinh hoạt");

    if org.level.holds_meetings() {
        out.push('\n');
        line(&mut out, "[sinh_hoat]", "sinh hoạt chi bộ");
        line(&mut out, &format!("dinh_ky_theo_thang = {}", zeros(12)), "số buổi sinh hoạt định kỳ từng tháng");
        n(&mut out, "luot_du_kien", 0, "lượt đảng viên phải dự");
        n(&mut out, "luot_co_mat", 0, "lượt có mặt");
        n(&mut out, "vang_khong_ly_do", 0, "lượt vắng không có lý do");
        n(&mut out, "chuyen_de", 0, "số buổi sinh hoạt chuyên đề");
        n(&mut out, "dien_dan", 0, "số diễn đàn");
        if matches!(org.level, Level::Branch { .. }) {
            line(&mut out, &format!("cap_uy_du_theo_quy = {}", zeros(4)), "lượt cấp ủy cơ sở dự sinh hoạt, từng quý");
        }
        n(&mut out, "diem", 0, "điểm chất lượng sinh hoạt (0–100)");
    }

    out.push('\n');
    line(&mut out, "[van_ban_bat_buoc]", "văn bản bắt buộc đã hoàn thành trong năm");
    for (key, comment) in [
        ("chuong_trinh_cong_tac", "chương trình công tác năm"),
        ("chuong_trinh_kiem_tra_giam_sat", "chương trình kiểm tra, giám sát"),
        ("phan_cong_nhiem_vu", "phân công nhiệm vụ cho đảng viên"),
        ("ke_hoach_chi_thi_05", "kế hoạch thực hiện Chỉ thị 05-CT/TW"),
        ("ban_cam_ket", "bản cam kết tu dưỡng, rèn luyện"),
    ] {
        line(&mut out, &format!("{key} = false"), comment);
    }

    if grassroots {
        let deadline = loaded.quotas.iter().find(|q| q.value.year == year).and_then(|q| q.value.plan_deadline);
        let sent = match deadline {
            Some(d) => format!("đã gửi chưa: true | false (hạn {})", format::date(d)),
            None => "đã gửi chưa: true | false".to_string(),
        };
        out.push('\n');
        line(&mut out, "[ke_hoach_nam_sau]", &format!("kế hoạch phát triển đảng viên năm {}", year + 1));
        line(&mut out, "da_gui = false", &sent);
        let example = deadline.unwrap_or_else(|| NaiveDate::from_ymd_opt(year, 11, 5).expect("5 November exists"));
        line(&mut out, &format!("# ngay_gui = {example}"), "ngày gửi: chỉ ghi khi da_gui = true (bỏ dấu # ở đầu dòng)");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Located;
    use app::model::OrgKind;
    use toml_edit::Document;

    fn org(code: &str, level: Level) -> Organization {
        Organization {
            code: OrgCode::parse(code).unwrap(),
            name: format!("Tổ chức {code}"),
            kind: OrgKind::Agency,
            level,
            founded: NaiveDate::from_ymd_opt(2010, 1, 1).unwrap(),
            ended: Some(NaiveDate::from_ymd_opt(2024, 12, 31).unwrap()),
            merged_into: None,
        }
    }

    fn loaded_with(orgs: Vec<Organization>) -> Loaded {
        let mut loaded = Loaded::default();
        let file = loaded.sources.add("khoi.toml".into(), String::new());
        loaded.khoi_file = Some(file);
        loaded.orgs = orgs.into_iter().map(|value| Located { value, file, spans: Default::default() }).collect();
        loaded
    }

    fn sections(text: &str) -> Vec<String> {
        let doc: Document<String> = Document::parse(text.to_string()).expect("the template is valid TOML");
        doc.as_table().iter().filter(|(_, v)| v.is_table()).map(|(k, _)| k.to_string()).collect()
    }

    #[test]
    fn sections_follow_the_level() {
        let committee = org("CQ01", Level::GrassrootsCommittee);
        let branch = org("CQ01-01", Level::Branch { parent: committee.code.clone() });
        let grassroots_branch = org("CQ05", Level::GrassrootsBranch);
        let loaded = loaded_with(vec![committee.clone(), branch.clone(), grassroots_branch.clone()]);

        let text = report_text(&loaded, &committee, 2024);
        assert_eq!(sections(&text), ["dang_vien", "bien_dong", "xep_loai", "van_ban_bat_buoc", "ke_hoach_nam_sau"]);

        let text = report_text(&loaded, &grassroots_branch, 2024);
        assert_eq!(sections(&text), ["dang_vien", "bien_dong", "xep_loai", "sinh_hoat", "van_ban_bat_buoc", "ke_hoach_nam_sau"]);
        assert!(!text.contains("cap_uy_du_theo_quy"));

        let text = report_text(&loaded, &branch, 2024);
        assert_eq!(sections(&text), ["dang_vien", "bien_dong", "xep_loai", "sinh_hoat", "van_ban_bat_buoc"]);
        assert!(text.contains("cap_uy_du_theo_quy = [0, 0, 0, 0]"));
        assert!(text.contains("dinh_ky_theo_thang = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] # số buổi"));
        assert!(text.contains("ket_nap_theo_thang = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] # kết nạp từng tháng"));
    }

    #[test]
    fn comments_line_up_as_in_the_sample_files() {
        let o = org("CQ05", Level::GrassrootsBranch);
        let text = report_text(&loaded_with(vec![o.clone()]), &o, 2024);
        assert!(text.contains("\nnam = 2024                      # năm báo cáo, trùng với thư mục\n"), "{text}");
        assert!(text.contains("\ndau_nam_chinh_thuc = 0          # chính thức đầu năm\n"), "{text}");
        assert!(text.contains("Không có báo cáo năm 2023 nên số đầu năm để 0"), "{text}");
    }

    #[test]
    fn refusals_name_the_problem_and_the_way_out() {
        let dir = tempfile::tempdir().unwrap();
        let loaded = loaded_with(vec![org("CQ05", Level::GrassrootsBranch), org("CQ08", Level::GrassrootsBranch)]);
        let unknown = find_org(&loaded, "CQ99", 2024).unwrap_err();
        assert!(unknown.message.contains("không có tổ chức mã `CQ99`"), "{unknown}");
        assert!(unknown.hint.contains("CQ05, CQ08"), "{unknown}");
        let lower = find_org(&loaded, "cq05", 2024).unwrap_err();
        assert!(lower.hint.contains("`--org CQ05`"), "{lower}");
        let ended = find_org(&loaded, "CQ08", 2025).unwrap_err();
        assert!(ended.message.contains("đã kết thúc hoạt động ngày 31/12/2024"), "{ended}");
        let early = find_org(&loaded, "CQ08", 2009).unwrap_err();
        assert!(early.message.contains("thành lập ngày 01/01/2010"), "{early}");
        let missing = new_report(&dir.path().join("khong-co"), "CQ05", 2024, false).unwrap_err();
        assert!(missing.message.contains("không tìm thấy thư mục dữ liệu"), "{missing}");
        let year = new_report(dir.path(), "CQ05", 20245, false).unwrap_err();
        assert!(year.message.contains("ngoài khoảng 1930–2100"), "{year}");
        let no_khoi = new_report(dir.path(), "CQ05", 2024, false).unwrap_err();
        assert!(no_khoi.message.contains("không đọc được khoi.toml"), "{no_khoi}");
    }
}
