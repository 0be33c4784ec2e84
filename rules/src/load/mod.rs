//! Stage one: read every file under `data/` once, parse it with spans, and build the model.
//! Problems become diagnostics; a file with errors still yields what could be read so that one
//! run reports every error of every file.

mod documents;
mod fields;
mod folder;
mod khoi;
mod quotas;
mod report;
mod site_config;
mod targets;
mod toml_file;

pub use fields::{KeySpans, ReportSpans};
pub use folder::Folder;

use crate::codes::Code;
use crate::diagnostic::{Diagnostic, FileId, Findings, SourceMap};
use app::model::{Dataset, Document, Khoi, NewsItem, OrgCode, Organization, Report, Rulebook, SiteConfig, YearData};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A value read from a file, with where it came from.
#[derive(Debug)]
pub struct Located<T, S = KeySpans> {
    pub value: T,
    pub file: FileId,
    pub spans: S,
}

/// Everything read from `data/`, before the rules of the year are checked.
#[derive(Debug, Default)]
pub struct Loaded {
    pub sources: SourceMap,
    pub findings: Findings,
    pub site: Option<SiteConfig>,
    pub khoi: Option<Khoi>,
    pub khoi_file: Option<FileId>,
    /// Where the free texts of `site.toml` and of the `[khoi]` table stand, for the
    /// personal-data scan (organization names keep theirs in `orgs`).
    pub site_spans: Option<(FileId, KeySpans)>,
    pub khoi_spans: KeySpans,
    pub orgs: Vec<Located<Organization>>,
    pub quotas: Vec<Located<quotas::YearQuotas>>,
    /// Rules of the years `data/targets.toml` lists (defaults overridden), in file order.
    pub targets: Vec<Located<Rulebook>>,
    /// Reports with the year and organization code their path names.
    pub reports: Vec<(i32, String, Located<Report, ReportSpans>)>,
    /// Every report file present, readable or not, as (year, file stem).
    pub report_files: std::collections::BTreeSet<(i32, String)>,
    pub documents: Vec<Located<Document>>,
    pub news: Vec<Located<NewsItem>>,
    /// Where the files were read from.
    folder: Folder,
}

pub use quotas::YearQuotas;

/// Reads the whole data directory. Never fails: what cannot be read is a finding.
pub fn load(data_dir: &Path) -> Loaded {
    load_from(Folder::Disk, data_dir)
}

/// Reads a data directory from `folder` (the disk, or files in memory).
pub fn load_from(folder: Folder, data_dir: &Path) -> Loaded {
    let mut loaded = Loaded { folder, ..Loaded::default() };
    if !loaded.folder.is_dir(data_dir) {
        loaded.findings.push(
            Diagnostic::error(Code::E010, format!("không tìm thấy thư mục dữ liệu `{}`", data_dir.display()))
                .hint("chạy lệnh từ thư mục gốc của kho, hoặc chỉ rõ `--data <thư mục>`"),
        );
        return loaded;
    }
    site_config::load(&mut loaded, &data_dir.join("site.toml"));
    khoi::load(&mut loaded, &data_dir.join("khoi.toml"));
    targets::load(&mut loaded, &data_dir.join("targets.toml"));
    for path in files(&mut loaded, &data_dir.join("quotas"), "toml") {
        quotas::load(&mut loaded, &path);
    }
    for year_dir in subdirs(&mut loaded, &data_dir.join("reports")) {
        let year = year_dir.file_name().and_then(|n| n.to_str()).and_then(|n| n.parse::<i32>().ok()).filter(|y| (1930..=2100).contains(y));
        let Some(year) = year else {
            loaded.findings.push(
                Diagnostic::error(Code::E011, format!("thư mục `{}` không phải là một năm", year_dir.display()))
                    .hint("báo cáo nằm trong data/reports/<năm>/<mã đơn vị>.toml, ví dụ data/reports/2024/CQ01.toml"),
            );
            continue;
        };
        for path in files(&mut loaded, &year_dir, "toml") {
            if loaded.folder.is_dir(&path) {
                // Never skipped quietly: a folder named like a report hides a report nobody reads.
                loaded.findings.push(
                    Diagnostic::error(Code::E016, format!("`{}` là thư mục, không phải tệp báo cáo", display_path(&path).display()))
                        .hint(format!("mỗi báo cáo là một tệp data/reports/{year}/<mã đơn vị>.toml: chuyển tệp báo cáo trong thư mục này ra ngoài (rồi xóa thư mục), hoặc chuyển thư mục ra khỏi data/reports/")),
                );
            } else {
                report::load(&mut loaded, year, &path);
            }
        }
    }
    quotas::derive_shares(&mut loaded);
    for path in files(&mut loaded, &data_dir.join("documents"), "md") {
        documents::load_document(&mut loaded, &path);
    }
    for path in files(&mut loaded, &data_dir.join("news"), "md") {
        documents::load_news(&mut loaded, &path);
    }
    loaded
}

impl Loaded {
    /// Reads a file as UTF-8 text and registers it; a finding if it cannot be read.
    pub(crate) fn read(&mut self, path: &Path) -> Option<(FileId, String)> {
        match self.folder.read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => {
                    // A byte-order mark from Windows editors is harmless: drop it.
                    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
                    Some((self.sources.add(display_path(path), text.clone()), text))
                }
                Err(e) => {
                    let valid = e.utf8_error().valid_up_to();
                    let bytes = e.into_bytes();
                    let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
                    let id = self.sources.add(display_path(path), prefix);
                    self.findings.push(
                        Diagnostic::error(Code::E010, "tệp không phải văn bản UTF-8")
                            .at(id, Some(valid..valid))
                            .hint("lưu lại tệp với bảng mã UTF-8 (trong trình soạn thảo: Save with Encoding → UTF-8)"),
                    );
                    None
                }
            },
            Err(e) => {
                self.findings.push(
                    Diagnostic::error(Code::E010, format!("không đọc được tệp `{}`: {e}", display_path(path).display()))
                        .hint("kiểm tra tệp có tồn tại và có quyền đọc"),
                );
                None
            }
        }
    }

    /// The checked model. Call only when there are no errors: it takes what was read.
    pub fn dataset(&self) -> Dataset {
        let mut years: BTreeMap<i32, YearData> = BTreeMap::new();
        for q in &self.quotas {
            let y = years.entry(q.value.year).or_default();
            y.quotas = q.value.quotas.clone();
            y.quota_rule = q.value.share.as_ref().map(|s| s.rule.clone());
            y.plan_deadline = q.value.plan_deadline;
        }
        for (year, _, r) in &self.reports {
            years.entry(*year).or_default().reports.insert(r.value.org.clone(), r.value.clone());
        }
        // Only years with quotas or reports take their targets: a year is not published for its
        // targets alone, and a year without data has nothing to measure against them.
        for t in &self.targets {
            if let Some(y) = years.get_mut(&t.value.year) {
                y.rules = Some(t.value);
            }
        }
        let mut documents: Vec<Document> = self.documents.iter().map(|d| d.value.clone()).collect();
        documents.sort_by(|a, b| b.issued.cmp(&a.issued).then_with(|| a.slug.cmp(&b.slug)));
        let mut news: Vec<NewsItem> = self.news.iter().map(|d| d.value.clone()).collect();
        news.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
        Dataset {
            site: self.site.clone().unwrap_or_else(site_config::fallback),
            khoi: self.khoi.clone().unwrap_or(Khoi { name: String::new(), short_name: String::new() }),
            orgs: self.orgs.iter().map(|o| (o.value.code.clone(), o.value.clone())).collect::<BTreeMap<OrgCode, Organization>>(),
            years,
            documents,
            news,
        }
    }

    /// Reports by (year, organization), for checks that look across files. Built once per
    /// check run: a national tree has tens of thousands of reports.
    pub fn report_index(&self) -> BTreeMap<(i32, &OrgCode), &Located<Report, ReportSpans>> {
        self.reports.iter().map(|(y, _, r)| ((*y, &r.value.org), r)).collect()
    }
}

/// Paths shown relative to the working directory, as editors typed them.
fn display_path(path: &Path) -> PathBuf {
    std::env::current_dir().ok().and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf)).unwrap_or_else(|| path.to_path_buf())
}

/// Files with `ext` directly in `dir`, sorted; other files are warned about, not read. Folders
/// named `*.<ext>` are returned too, for the caller to name (a report folder is an error); other
/// folders are warned about.
fn files(loaded: &mut Loaded, dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in loaded.folder.list(dir) {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if path.extension().and_then(|e| e.to_str()) == Some(ext) {
            out.push(path);
        } else if loaded.folder.is_dir(&path) {
            loaded.findings.push(
                Diagnostic::warning(
                    Code::W001,
                    format!("bỏ qua thư mục `{}`: chỉ đọc tệp .{ext} ở thư mục này", display_path(&path).display()),
                )
                .hint("chuyển thư mục ra khỏi data/, hoặc đưa các tệp trong đó ra thư mục cha nếu cần đọc"),
            );
        } else {
            loaded.findings.push(
                Diagnostic::warning(
                    Code::W001,
                    format!("bỏ qua tệp `{}`: chỉ đọc tệp .{ext} ở thư mục này", display_path(&path).display()),
                )
                .hint(format!("đổi tên tệp thành *.{ext} hoặc chuyển nó ra khỏi data/")),
            );
        }
    }
    out.sort();
    out
}

/// The year folders of `data/reports/`; a file there belongs in one of them and is named.
fn subdirs(loaded: &mut Loaded, dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stray = Vec::new();
    for path in loaded.folder.list(dir) {
        let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if loaded.folder.is_dir(&path) {
            out.push(path);
        } else if !hidden {
            stray.push(path);
        }
    }
    stray.sort();
    for path in stray {
        loaded.findings.push(
            Diagnostic::error(Code::E011, format!("tệp `{}` nằm ngoài thư mục năm nên không được đọc", display_path(&path).display()))
                .hint("báo cáo nằm trong data/reports/<năm>/<mã đơn vị>.toml, ví dụ data/reports/2024/CQ01.toml: chuyển tệp vào thư mục năm của nó"),
        );
    }
    out.sort();
    out
}
