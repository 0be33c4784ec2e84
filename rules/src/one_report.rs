//! One report checked alone, as the browser's checker page (`/nhap-lieu/`) does: the file is
//! placed in a data folder held in memory beside the Khối's published settings (organizations,
//! targets, quotas, site settings — never other organizations' reports, which hold the small
//! counts the site hides), checked by the same code as `site check`, and the findings in that
//! file are kept. Checks that compare it with other reports run when the editor imports it.

use crate::codes::Code;
use crate::diagnostic::Severity;
use crate::load::Folder;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The Khối's settings the checker needs: data-folder paths (`khoi.toml`, `quotas/2025.toml`)
/// with their text, comments removed (editors' notes are not published).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub files: BTreeMap<String, String>,
}

/// The checker page's parts, shared by the page the site writes and the app that fills it.
pub mod page {
    pub const INPUT_ID: &str = "tep-bao-cao";
    pub const RESULT_ID: &str = "ket-qua-kiem-tra";
    pub const SETTINGS_ID: &str = "cai-dat-kiem-tra";
    pub const STATUS_ID: &str = "app-status";
}

/// The files of a data folder the checker is given: everything but reports, documents and news.
pub const SETTINGS: [&str; 3] = ["site.toml", "khoi.toml", "targets.toml"];
pub const SETTINGS_DIR: &str = "quotas";

/// Codes that compare a report with other reports (last year's end, a committee's branches, a
/// quota's report): not run on a file alone.
pub const NEEDS_OTHER_REPORTS: [Code; 4] = [Code::W002, Code::E021, Code::E050, Code::W051];

/// Where a finding points in the checked file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum At {
    /// A line of a report file (1-based), with its text for the page to quote.
    Line { line: usize, column: usize, source: String },
    /// A cell of a workbook's sheet: `C14`.
    Cell(String),
    /// The whole file.
    File,
}

/// A finding in the checked file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub code: String,
    pub error: bool,
    pub at: At,
    pub message: String,
    pub hint: Option<String>,
}

impl Finding {
    /// The line a report file's finding points at.
    pub fn line(&self) -> Option<usize> {
        match self.at {
            At::Line { line, .. } => Some(line),
            _ => None,
        }
    }
}

/// Where the checked file and the settings sit in the data folder held in memory.
const ROOT: &str = "du-lieu";

impl Settings {
    /// The settings as files of a data folder held in memory, under `ROOT`.
    fn folder(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        self.files.iter().map(|(p, t)| (Path::new(ROOT).join(p), t.clone().into_bytes())).collect()
    }

    /// Reads the settings of a data folder from disk (the site build publishes them).
    pub fn read(data_dir: &Path) -> Settings {
        let mut files = BTreeMap::new();
        for name in SETTINGS {
            if let Ok(text) = std::fs::read_to_string(data_dir.join(name)) {
                files.insert(name.to_string(), strip_comments(&text));
            }
        }
        let mut quotas: Vec<PathBuf> =
            std::fs::read_dir(data_dir.join(SETTINGS_DIR)).into_iter().flatten().flatten().map(|e| e.path()).collect();
        quotas.sort();
        for path in quotas.into_iter().filter(|p| p.extension().is_some_and(|e| e == "toml")) {
            if let (Some(name), Ok(text)) = (path.file_name(), std::fs::read_to_string(&path)) {
                files.insert(format!("{SETTINGS_DIR}/{}", name.to_string_lossy()), strip_comments(&text));
            }
        }
        Settings { files }
    }
}

/// Checks `text`, a report file named `name` by the person who chose it.
pub fn check(settings: &Settings, name: &str, text: &str) -> Vec<Finding> {
    let (year, code) = placement(name, text);
    let report = Path::new(ROOT).join("reports").join(year.to_string()).join(format!("{code}.toml"));
    let mut files = settings.folder();
    files.insert(report.clone(), text.as_bytes().to_vec());
    let mut loaded = crate::load::load_from(Folder::Memory(files), Path::new(ROOT));
    crate::check::check(&mut loaded);
    loaded.findings.sort(&loaded.sources);
    let sources = &loaded.sources;
    loaded
        .findings
        .items
        .iter()
        .filter(|d| !NEEDS_OTHER_REPORTS.contains(&d.code))
        .filter_map(|d| {
            let file = sources.get(d.file?);
            (file.path == report).then_some(())?;
            let (line, column) = d.span.as_ref().map_or((1, 1), |s| file.line_col(s.start));
            let source = file.text.lines().nth(line - 1).unwrap_or_default().to_string();
            Some(Finding {
                code: d.code.as_str().to_string(),
                error: d.severity == Severity::Error,
                at: At::Line { line, column, source },
                message: d.message.clone(),
                hint: d.hint.clone(),
            })
        })
        .collect()
}

/// Checks a workbook made by `site template`, as `site import` would before writing: read
/// against the Khối's organizations, written as its report file, and that file checked; each
/// finding at the cell of the entry it is about.
#[cfg(feature = "workbook")]
pub fn check_workbook(settings: &Settings, name: &str, bytes: &[u8]) -> Vec<Finding> {
    use crate::workbook::{layout, read};
    let loaded = crate::load::load_from(Folder::Memory(settings.folder()), Path::new(ROOT));
    let filled = match read(bytes, name, &loaded) {
        Ok(f) => f,
        Err(problems) => {
            return problems
                .into_iter()
                .map(|p| Finding {
                    code: p.code.as_str().to_string(),
                    error: p.severity == Severity::Error,
                    at: p.cell.map_or(At::File, |c| At::Cell(layout::name(c))),
                    message: p.message,
                    hint: p.hint,
                })
                .collect()
        }
    };
    let text = filled.toml();
    check(settings, &format!("{}.toml", filled.report.org), &text)
        .into_iter()
        .map(|f| {
            let cell = f.line().and_then(|l| filled.cell_of_line(&text, l - 1));
            Finding { at: cell.map_or(At::File, |c| At::Cell(layout::name(c))), ..f }
        })
        .collect()
}

/// Where the file goes in the data folder: its year is its own `nam` (a chosen file has no
/// year folder); its code is its name when that is a code (`CQ01.toml`, as templates and the
/// data folder name reports, so a file named for another organization is found as `site check`
/// finds it), else its own `to_chuc` (a download saved as "bao-cao (1).toml").
fn placement(name: &str, text: &str) -> (i32, String) {
    let value = |key: &str| {
        text.lines().find_map(|l| {
            let (k, v) = l.split_once('=')?;
            (k.trim() == key).then(|| v.split('#').next().unwrap_or_default().trim().trim_matches('"').to_string())
        })
    };
    let year = value("nam").and_then(|y| y.parse().ok()).filter(|y| (1930..=2100).contains(y)).unwrap_or(2000);
    let stem = Path::new(name).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let is_code = |c: &str| {
        c.starts_with(|c: char| c.is_ascii_uppercase()) && c.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
    };
    let code = if is_code(&stem) { stem } else { value("to_chuc").filter(|c| is_code(c)).unwrap_or(stem) };
    (year, code)
}

/// TOML without its comments: whole-line and trailing `#…`, except inside strings.
pub fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Inside a multi-line string across lines: its closing quotes.
    let mut open: Option<&str> = None;
    for line in text.lines() {
        let mut kept = line.len();
        let mut i = 0;
        let bytes = line.as_bytes();
        while i < bytes.len() {
            let rest = &line[i..];
            if let Some(close) = open {
                match rest.find(close) {
                    Some(at) => {
                        i += at + close.len();
                        open = None;
                        continue;
                    }
                    None => break,
                }
            }
            if rest.starts_with("\"\"\"") || rest.starts_with("'''") {
                open = Some(&rest[..3]);
                i += 3;
            } else if bytes[i] == b'"' {
                // A basic string: skip to its closing quote, past escapes.
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            } else if bytes[i] == b'\'' {
                i += 1 + line[i + 1..].find('\'').unwrap_or(line.len() - i - 1) + 1;
            } else if bytes[i] == b'#' {
                kept = i;
                break;
            } else {
                i += 1;
            }
        }
        let kept = line[..kept.min(line.len())].trim_end();
        if !kept.is_empty() || open.is_some() {
            out.push_str(kept);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_go_and_strings_with_hashes_stay() {
        let text = "# đầu tệp\nten = \"Chi bộ #1\" # tên\nma = 'A#B'  # mã\n\nghi_chu = \"\"\"dòng # một\n# dòng hai\"\"\" # hết\nx = \"a\\\"#b\" # c\n";
        assert_eq!(
            strip_comments(text),
            "ten = \"Chi bộ #1\"\nma = 'A#B'\nghi_chu = \"\"\"dòng # một\n# dòng hai\"\"\"\nx = \"a\\\"#b\"\n"
        );
    }

    #[test]
    fn a_report_is_placed_by_what_it_says() {
        assert_eq!(placement("bao-cao (1).toml", "nam = 2024 # năm\nto_chuc = \"CQ01\"\n"), (2024, "CQ01".to_string()));
        assert_eq!(placement("CQ02.toml", "nam = abc\n"), (2000, "CQ02".to_string()));
        assert_eq!(placement("CQ02.toml", "nam = 2025\nto_chuc = \"CQ01\"\n"), (2025, "CQ02".to_string()));
    }

    #[test]
    fn the_sample_settings_carry_no_comment_and_a_sample_report_is_clean() {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
        let settings = Settings::read(&data);
        assert!(settings.files.contains_key("khoi.toml") && settings.files.keys().any(|k| k.starts_with("quotas/")));
        assert!(settings.files.values().all(|t| !t.lines().any(|l| l.trim_start().starts_with('#'))));
        let report = std::fs::read_to_string(data.join("reports/2024/CQ01-01.toml")).unwrap();
        assert_eq!(check(&settings, "CQ01-01.toml", &report), []);
        // A broken balance is found at its line, with the same code as `site check`.
        let broken = report.replacen("cuoi_nam_chinh_thuc = ", "cuoi_nam_chinh_thuc = 1", 1);
        let found = check(&settings, "x.toml", &broken);
        let line = broken.lines().position(|l| l.starts_with("cuoi_nam_chinh_thuc")).unwrap() + 1;
        assert!(found.iter().any(|f| f.code == "E020" && f.error), "{found:?}");
        assert!(
            found
                .iter()
                .all(|f| matches!(&f.at, At::Line { line, source, .. } if *line >= 1 && source == broken.lines().nth(line - 1).unwrap())),
            "{found:?}"
        );
        assert!(found.iter().any(|f| f.code == "E020" && f.line() == Some(line)), "{found:?}");
        // A grassroots committee's report alone: its branches' sums are not compared.
        let committee = std::fs::read_to_string(data.join("reports/2024/CQ01.toml")).unwrap();
        assert_eq!(check(&settings, "CQ01.toml", &committee), []);
    }
}
