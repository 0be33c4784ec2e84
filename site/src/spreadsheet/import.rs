//! `site import`: workbooks made by `site template`, filled in by secretaries, read back into
//! `data/reports/<year>/<CODE>.toml`. Each workbook is read cell by cell against [`layout`]
//! (rows found by their key), turned into a report through the schema and written by the
//! schema's one writer; then the whole data folder, with the new files, goes through the same
//! loader and checks as `site check`, and every finding in a new file is named at its cell
//! (`CQ01-2026.xlsx › Báo cáo!C14`). All or nothing: one problem anywhere in the batch and
//! nothing is written.

use crate::codes::Code;
use crate::diagnostic::Severity;
use app::model::OrgCode;
use rules::workbook::{at_cell, layout, Filled, SheetFinding};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What an import did: the files written (relative to the data folder), or why nothing was.
pub struct Outcome {
    pub written: Vec<PathBuf>,
    pub findings: Vec<SheetFinding>,
}

pub fn import(files: &[PathBuf], data_dir: &Path) -> Outcome {
    let loaded = crate::load::load(data_dir);
    if loaded.orgs.is_empty() {
        let at = data_dir.join("khoi.toml").display().to_string();
        let finding = SheetFinding::error(
            &at,
            None,
            Code::E010,
            "không đọc được danh sách tổ chức của thư mục dữ liệu",
            "chỉ đúng thư mục bằng `--data`, rồi chạy `site check` để xem lỗi của khoi.toml",
        );
        return Outcome { written: Vec::new(), findings: vec![finding] };
    }
    let mut findings = Vec::new();
    let mut read = Vec::new();
    for path in files {
        let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().to_string());
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                findings.push(SheetFinding::error(
                    &name,
                    None,
                    Code::E010,
                    format!("không đọc được tệp: {e}"),
                    "kiểm tra đường dẫn và quyền đọc",
                ));
                continue;
            }
        };
        match rules::workbook::read(&bytes, &name, &loaded) {
            Ok(r) => read.push(r),
            Err(mut f) => findings.append(&mut f),
        }
    }
    // Two workbooks for one organization and year: which is meant is unclear.
    let mut seen: BTreeMap<(i32, OrgCode), &str> = BTreeMap::new();
    for r in &read {
        if let Some(first) = seen.insert((r.report.year, r.report.org.clone()), &r.file) {
            findings.push(SheetFinding::error(
                &r.file,
                Some(layout::CODE),
                Code::E014,
                format!("`{}` năm {} đã có trong {first}", r.report.org, r.report.year),
                "mỗi tổ chức một sổ tính mỗi năm: bỏ một trong hai tệp khỏi lệnh",
            ));
        }
    }
    if !findings.is_empty() {
        return Outcome { written: Vec::new(), findings };
    }
    let texts: Vec<(PathBuf, String)> = read
        .iter()
        .map(|r| {
            let rel = PathBuf::from(format!("reports/{}/{}.toml", r.report.year, r.report.org));
            (rel, r.toml())
        })
        .collect();
    findings.extend(check_in_place(data_dir, &read, &texts));
    if findings.iter().any(|f| f.severity == Severity::Error) {
        return Outcome { written: Vec::new(), findings };
    }
    match write_all(data_dir, &texts) {
        Ok(()) => Outcome { written: texts.into_iter().map(|(p, _)| p).collect(), findings },
        Err(e) => Outcome {
            written: Vec::new(),
            findings: vec![SheetFinding::error("data", None, Code::E010, e, "kiểm tra quyền ghi vào thư mục dữ liệu")],
        },
    }
}

/// Runs the loader and every check on a copy of the data folder with the new files, and names
/// each finding of a new file at its cell.
fn check_in_place(data_dir: &Path, read: &[Filled], texts: &[(PathBuf, String)]) -> Vec<SheetFinding> {
    let staging = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => return vec![SheetFinding::error("data", None, Code::E010, format!("không tạo được thư mục tạm: {e}"), "kiểm tra ổ đĩa")],
    };
    let copy = staging.path().join("data");
    if let Err(e) = copy_dir(data_dir, &copy) {
        return vec![SheetFinding::error("data", None, Code::E010, format!("không chép được thư mục dữ liệu: {e}"), "kiểm tra quyền đọc")];
    }
    for (rel, text) in texts {
        let path = copy.join(rel);
        let written = path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(&path, text));
        if let Err(e) = written {
            return vec![SheetFinding::error("data", None, Code::E010, format!("không ghi được tệp tạm: {e}"), "kiểm tra ổ đĩa")];
        }
    }
    let checked = crate::build::Site::new(&copy).check();
    let mut out = Vec::new();
    for d in &checked.findings().items {
        let Some(file) = d.file else { continue };
        let source = &checked.sources().get(file).path;
        let Some(((_, text), r)) = texts.iter().zip(read).find(|((rel, _), _)| source.ends_with(rel)) else { continue };
        out.push(at_cell(d, text, r));
    }
    out
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// Writes every file next to its place first, then renames them in: a failure before the
/// renames leaves the data folder as it was.
fn write_all(data_dir: &Path, texts: &[(PathBuf, String)]) -> Result<(), String> {
    let mut staged = Vec::new();
    for (rel, text) in texts {
        let path = data_dir.join(rel);
        let dir = path.parent().ok_or("đường dẫn không có thư mục")?;
        std::fs::create_dir_all(dir).map_err(|e| format!("không tạo được {}: {e}", dir.display()))?;
        let tmp = dir.join(format!(".{}.nhap", path.file_name().and_then(|n| n.to_str()).unwrap_or("bao-cao")));
        if let Err(e) = std::fs::write(&tmp, text) {
            for (t, _) in &staged {
                let _ = std::fs::remove_file(t);
            }
            return Err(format!("không ghi được {}: {e}", tmp.display()));
        }
        staged.push((tmp, path));
    }
    for (tmp, path) in staged {
        std::fs::rename(&tmp, &path).map_err(|e| format!("không ghi được {}: {e}", path.display()))?;
    }
    Ok(())
}
