//! The `Site` and its phases: load → check → render → link check → atomic write.
//! A failed build changes nothing on disk; a successful one replaces the output in one rename.

use crate::codes::Code;
use crate::diagnostic::{Diagnostic, Findings, SourceMap};
use crate::render::{self, AppAssets, Files, Rendered};
use app::privacy::Audience;
use std::path::{Path, PathBuf};
use std::time::Instant;

pub struct Site {
    pub data_dir: PathBuf,
    /// Public (small cells suppressed) or internal (full detail, marked "Nội bộ").
    pub audience: Audience,
    /// Whether text files get `.gz` and `.br` copies (`crate::precompress`), for hosts that
    /// serve them as they are (`site build --precompress`).
    pub precompress: bool,
}

/// The outcome of `check`: every finding, with the sources they quote.
pub struct Checked {
    pub loaded: crate::load::Loaded,
}

impl Checked {
    pub fn findings(&self) -> &Findings {
        &self.loaded.findings
    }

    pub fn sources(&self) -> &SourceMap {
        &self.loaded.sources
    }

    pub fn has_errors(&self, deny_warnings: bool) -> bool {
        let f = self.findings();
        f.errors() > 0 || (deny_warnings && f.warnings() > 0)
    }
}

pub struct BuildSummary {
    /// Cells hidden for privacy, and where their report was written.
    pub suppressed: usize,
    pub report: PathBuf,
    pub pages: usize,
    pub files: usize,
    pub bytes: u64,
    pub seconds: f64,
}

pub enum BuildError {
    /// The data has errors: nothing was written.
    Data(Box<Checked>),
    /// Rendering or writing failed: the previous output is untouched.
    Output(String),
}

impl Site {
    pub fn new(data_dir: impl Into<PathBuf>) -> Site {
        Site { data_dir: data_dir.into(), audience: Audience::Public, precompress: false }
    }

    pub fn precompress(mut self, precompress: bool) -> Site {
        self.precompress = precompress;
        self
    }

    pub fn audience(mut self, audience: Audience) -> Site {
        self.audience = audience;
        self
    }

    pub fn check(&self) -> Checked {
        let mut loaded = crate::load::load(&self.data_dir);
        crate::check::check(&mut loaded);
        // The sanitizer's rules are the renderer's, so this check stays with it.
        let mut dropped = Vec::new();
        crate::published_html::check(&loaded, &mut dropped);
        loaded.findings.extend(dropped);
        loaded.findings.sort(&loaded.sources);
        Checked { loaded }
    }

    /// Renders the whole site in memory. Errors in the data stop here, before any write.
    pub fn render(&self, app: Option<&AppAssets>, deny_warnings: bool) -> Result<(Checked, Files), BuildError> {
        self.render_all(app, deny_warnings, None).map(|(checked, rendered)| (checked, rendered.files))
    }

    /// `previous`: the published directory, whose images are reused where their drawing is unchanged.
    fn render_all(&self, app: Option<&AppAssets>, deny_warnings: bool, previous: Option<&Path>) -> Result<(Checked, Rendered), BuildError> {
        let checked = self.check();
        if checked.has_errors(deny_warnings) {
            return Err(BuildError::Data(Box::new(checked)));
        }
        let dataset = checked.loaded.dataset();
        let provenance = crate::provenance::Provenance::of(&self.data_dir);
        let checker = rules::one_report::Settings::read(&self.data_dir);
        let rendered = render::render(
            &dataset,
            render::Options { app, audience: self.audience, previous, provenance: &provenance, checker: &checker },
        )
        .map_err(BuildError::Output)?;
        let broken = crate::links::broken_links(&rendered.files);
        if !broken.is_empty() {
            let list: Vec<String> = broken.iter().take(20).map(|(page, link)| format!("  {page}: {link}")).collect();
            return Err(BuildError::Output(format!("{} liên kết hỏng:\n{}", broken.len(), list.join("\n"))));
        }
        Ok((checked, rendered))
    }

    /// Builds into `out` atomically, and writes the privacy report beside it (never inside: it
    /// holds the true values of the hidden cells).
    pub fn build(&self, out: &Path, app: Option<&AppAssets>, deny_warnings: bool) -> Result<(Checked, BuildSummary), BuildError> {
        let started = Instant::now();
        let (checked, rendered) = self.render_all(app, deny_warnings, Some(out))?;
        let files = &rendered.files;
        write_atomically(out, files, self.precompress).map_err(BuildError::Output)?;
        let report = privacy_report_path(out);
        let json = serde_json::to_vec_pretty(&rendered.suppressed).unwrap_or_default();
        std::fs::write(&report, json)
            .map_err(|e| BuildError::Output(format!("không ghi được báo cáo ẩn danh `{}`: {e}", report.display())))?;
        let summary = BuildSummary {
            pages: files.keys().filter(|p| p.ends_with(".html")).count(),
            files: files.len(),
            bytes: files.values().map(|b| b.len() as u64).sum(),
            seconds: started.elapsed().as_secs_f64(),
            suppressed: rendered.suppressed.len(),
            report,
        };
        Ok((checked, summary))
    }
}

/// `<parent>/<name>.privacy-report.json`, next to the published directory.
pub fn privacy_report_path(out: &Path) -> PathBuf {
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "site".into());
    out.with_file_name(format!("{name}.privacy-report.json"))
}

impl From<Checked> for BuildError {
    fn from(c: Checked) -> Self {
        BuildError::Data(Box::new(c))
    }
}

/// Writes into a fresh sibling directory, with each text file's precompressed copies, then
/// swaps it in with renames. A crash before the swap leaves the old site; the swap itself is two
/// renames in the same directory.
pub fn write_atomically(out: &Path, files: &Files, precompress: bool) -> Result<(), String> {
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = out.file_name().ok_or_else(|| format!("thư mục đầu ra `{}` không hợp lệ", out.display()))?.to_string_lossy().into_owned();
    std::fs::create_dir_all(parent).map_err(|e| format!("không tạo được `{}`: {e}", parent.display()))?;
    let pid = std::process::id();
    let staging = parent.join(format!(".{name}.tmp-build-{pid}"));
    let retired = parent.join(format!(".{name}.old-build-{pid}"));
    let _ = std::fs::remove_dir_all(&staging);
    let result = (|| {
        use rayon::prelude::*;
        let copies = if precompress { crate::precompress::copies(files, out) } else { Vec::new() };
        let all: Vec<(&String, &Vec<u8>)> = files.iter().chain(copies.iter().map(|(p, b)| (p, b))).collect();
        // Folders first, in order; then the files on every core.
        let dirs: std::collections::BTreeSet<&Path> = all.iter().filter_map(|(p, _)| Path::new(p.as_str()).parent()).collect();
        for dir in dirs {
            let dir = staging.join(dir);
            std::fs::create_dir_all(&dir).map_err(|e| format!("không tạo được `{}`: {e}", dir.display()))?;
        }
        all.par_iter().try_for_each(|(path, bytes)| {
            let target = staging.join(path);
            std::fs::write(&target, bytes).map_err(|e| format!("không ghi được `{}`: {e}", target.display()))
        })?;
        if out.exists() {
            // One atomic exchange where the system has it: no moment without a site.
            if exchange(&staging, out).is_ok() {
                return std::fs::remove_dir_all(&staging).map_err(|e| format!("không xóa được bản cũ `{}`: {e}", staging.display()));
            }
            std::fs::rename(out, &retired).map_err(|e| format!("không thay được `{}`: {e}", out.display()))?;
        }
        if let Err(e) = std::fs::rename(&staging, out) {
            // Put the previous site back before reporting.
            let _ = std::fs::rename(&retired, out);
            return Err(format!("không thay được `{}`: {e}", out.display()));
        }
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&staging);
    let _ = std::fs::remove_dir_all(&retired);
    result
}

/// Swaps two directories atomically (Linux `renameat2` with `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both paths are valid NUL-terminated strings for the duration of the call.
    let rc = unsafe { libc::renameat2(libc::AT_FDCWD, a.as_ptr(), libc::AT_FDCWD, b.as_ptr(), libc::RENAME_EXCHANGE) };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

/// Stale staging directories of killed builds, cleaned before a new build. A build killed
/// between the two renames of the fallback path leaves the previous site only as `.old`: put it
/// back rather than delete it.
pub fn clean_leftovers(out: &Path) {
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let Some(name) = out.file_name().map(|n| n.to_string_lossy().into_owned()) else { return };
    let Ok(entries) = std::fs::read_dir(parent) else { return };
    let mut entries: Vec<_> = entries.flatten().map(|e| (e.file_name().to_string_lossy().into_owned(), e.path())).collect();
    entries.sort();
    for (n, path) in entries {
        if n.starts_with(&format!(".{name}.old-build-")) && !out.exists() && std::fs::rename(&path, out).is_ok() {
            continue;
        }
        if n.starts_with(&format!(".{name}.tmp-build-")) || n.starts_with(&format!(".{name}.old-build-")) {
            let _ = std::fs::remove_dir_all(path);
        }
    }
}

pub fn data_error_summary(checked: &Checked) -> Diagnostic {
    let f = checked.findings();
    Diagnostic::error(Code::E000, format!("dữ liệu có {} lỗi, {} cảnh báo: không tạo trang", f.errors(), f.warnings()))
        .hint("sửa các lỗi ở trên rồi chạy lại; trang đã xuất bản trước đó được giữ nguyên")
}
