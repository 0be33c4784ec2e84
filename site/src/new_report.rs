//! `site new report`: writes `data/reports/<year>/<CODE>.toml`, a pre-filled report for an editor
//! to complete. Start-of-year counts are last year's end (when last year's report reads without
//! errors), everything else is 0, every key is present with the comments of the sample files, and
//! the sections are those of the organization's level.
//!
//! The one place that writes under `data/`, and only this one file: `check`, `build` and `serve`
//! still only read it. Nothing is written unless every check here passes.

use crate::load::Loaded;
use app::format;
use app::model::{OrgCode, Organization, Report, Stock};
use app::schema::{write, Kind, Section, SECTIONS};
use chrono::{Datelike, NaiveDate};
use std::fmt;
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
        return Err(Refusal::new(
            "không đọc được khoi.toml nên không biết danh sách tổ chức",
            "chạy `site check` để xem lỗi của khoi.toml, sửa rồi chạy lại lệnh này",
        ));
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
    let previous = loaded
        .reports
        .iter()
        .find(|(y, stem, r)| *y == year - 1 && stem == org.as_str() && r.value.org == *org && r.value.year == year - 1);
    match previous {
        Some((_, _, r)) => Start::PreviousEnd { stock: r.value.members.end, as_of: r.value.as_of },
        None if loaded.report_files.contains(&(year - 1, org.to_string())) => Start::PreviousHasErrors,
        None => Start::NoPrevious,
    }
}

/// The text of the pre-filled report of `org` for `year`: a report with every count 0 (start
/// of year from last year's end) and the sections of the organization's level, written by the
/// schema's one writer as a template.
pub fn report_text(loaded: &Loaded, org: &Organization, year: i32) -> String {
    let start = start_of(loaded, &org.code, year);
    let mut header = vec![
        format!("Báo cáo số liệu năm {year} — {} ({})", org.name, org.code),
        "Tệp do `site new report` tạo sẵn: điền số liệu thật thay cho các số 0, rồi chạy `site check`.".to_string(),
    ];
    let previous = year - 1;
    match &start {
        Start::PreviousEnd { as_of: None, .. } => header.push(format!("Số đầu năm chép từ số cuối năm trong báo cáo năm {previous}.")),
        Start::PreviousEnd { as_of: Some(d), .. } => {
            header.push(format!(
                "Số đầu năm chép từ báo cáo năm {previous}, số liệu đến ngày {}: sửa lại theo số cuối năm {previous}",
                format::date(*d)
            ));
            header.push(format!("khi báo cáo năm {previous} có đủ số cả năm."));
        }
        Start::PreviousHasErrors => {
            header.push(format!("Báo cáo năm {previous} còn lỗi (chạy `site check`) nên số đầu năm để 0: ghi theo số cuối năm {previous}."))
        }
        Start::NoPrevious if org.founded.year() == year => {
            header.push(format!("Tổ chức thành lập ngày {}, chưa có báo cáo năm {previous}: số đầu năm để 0.", format::date(org.founded)))
        }
        Start::NoPrevious => header.push(format!("Không có báo cáo năm {previous} nên số đầu năm để 0: ghi theo số cuối năm {previous}.")),
    }
    let drop: Vec<String> =
        SECTIONS.iter().filter(|s| s.complete_years_only && s.applies.to(&org.level)).map(|s| format!("[{}]", s.key)).collect();
    header.push("Năm đang thực hiện: bỏ dấu # trước `ngay_so_lieu`, ghi các danh sách tháng đến tháng của ngày đó,".to_string());
    header.push(format!("xóa mục {}.", drop.join(" và ")));

    let mut report = Report::empty(year, org.code.clone());
    for section in SECTIONS.iter().filter(|s| s.section != Section::Top && s.applies.to(&org.level)) {
        for f in section.section.fields().filter(|f| f.applies.to(&org.level)) {
            let len = if f.kind == Kind::Quarters { 4 } else { 12 };
            if let Some(zero) = write::zero(f.kind, len) {
                f.field.set(&mut report, zero);
            }
        }
    }
    let s = start.stock();
    report.members.start = s;
    let options = write::Options {
        header,
        template: true,
        plan_deadline: loaded.quotas.iter().find(|q| q.value.year == year).and_then(|q| q.value.plan_deadline),
    };
    write::report_toml(&report, &options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Located;
    use app::model::{Level, OrgKind};
    use toml_edit::Document;

    fn org(code: &str, level: Level) -> Organization {
        Organization {
            code: OrgCode::parse(code).unwrap(),
            name: format!("Tổ chức {code}"),
            kind: OrgKind::Agency,
            level,
            workplace: None,
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

        // Every level reports the forms' sections; meetings and the plan follow the level.
        let forms = [
            "dang_vien",
            "dang_vien_trong_do",
            "dang_vien_theo_tuoi",
            "dang_vien_trinh_do",
            "bien_dong",
            "ket_nap_trong_do",
            "ket_nap_theo_tuoi",
            "ket_nap_trinh_do",
            "xep_loai",
            "huy_hieu_the_dang",
            "ky_luat_theo_hinh_thuc",
        ];
        let with = |rest: &[&str]| forms.iter().chain(rest).map(|s| s.to_string()).collect::<Vec<_>>();
        let text = report_text(&loaded, &committee, 2024);
        assert_eq!(sections(&text), with(&["van_ban_bat_buoc", "ke_hoach_nam_sau"]));

        let text = report_text(&loaded, &grassroots_branch, 2024);
        assert_eq!(sections(&text), with(&["sinh_hoat", "van_ban_bat_buoc", "ke_hoach_nam_sau"]));
        assert!(!text.contains("cap_uy_du_theo_quy"));

        let text = report_text(&loaded, &branch, 2024);
        assert_eq!(sections(&text), with(&["sinh_hoat", "van_ban_bat_buoc"]));
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
