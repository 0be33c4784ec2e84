//! The spreadsheet way in: `site template` writes one `.xlsx` per organization for a year, and
//! `site import` reads the filled workbooks back into report files. Both follow [`layout`],
//! which follows the schema.

pub mod import;
pub mod template;

pub use rules::workbook::layout;

use std::path::{Path, PathBuf};

/// Writes the templates of `year` into `out`: every organization active in the year, or only
/// `only`; when `filled`, with the reports the data folder already holds (those without one
/// get the blank template). Returns the files written.
pub fn write_templates(data_dir: &Path, year: i32, only: Option<&str>, filled: bool, out: &Path) -> Result<Vec<PathBuf>, String> {
    let loaded = crate::load::load(data_dir);
    if loaded.orgs.is_empty() {
        return Err(format!(
            "không đọc được danh sách tổ chức trong {}: chạy `site check` để xem lỗi",
            data_dir.join("khoi.toml").display()
        ));
    }
    let orgs: Vec<&app::model::Organization> =
        loaded.orgs.iter().map(|o| &o.value).filter(|o| o.active_in(year) && only.is_none_or(|c| o.code.as_str() == c)).collect();
    if orgs.is_empty() {
        return Err(match only {
            Some(c) => format!("không có tổ chức `{c}` hoạt động trong năm {year} (xem khoi.toml)"),
            None => format!("không có tổ chức nào hoạt động trong năm {year}"),
        });
    }
    std::fs::create_dir_all(out).map_err(|e| format!("không tạo được thư mục {}: {e}", out.display()))?;
    let mut written = Vec::new();
    for org in orgs {
        let report = loaded.reports.iter().find(|(y, _, r)| filled && *y == year && r.value.org == org.code).map(|(_, _, r)| &r.value);
        let bytes = template::workbook(&loaded, org, year, report).map_err(|e| format!("{}: {e}", org.code))?;
        let path = out.join(template::file_name(org, year));
        std::fs::write(&path, bytes).map_err(|e| format!("không ghi được {}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}
