//! Findings as values: every problem in the data is a `Diagnostic` with a stable code, a span in
//! its file, a Vietnamese message and a hint. All are collected, sorted and printed once,
//! rustc-style, or as JSON for machines.

use crate::codes::Code;
use serde::Serialize;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::PathBuf;

pub type FileId = usize;

/// The text of every file read, kept so findings can quote their line.
#[derive(Default, Debug)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

#[derive(Debug)]
pub struct SourceFile {
    /// Path as shown to editors (relative to where the command ran, when it can be).
    pub path: PathBuf,
    pub text: String,
}

impl SourceMap {
    pub fn add(&mut self, path: PathBuf, text: String) -> FileId {
        self.files.push(SourceFile { path, text });
        self.files.len() - 1
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id]
    }
}

impl SourceFile {
    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[line_start..].chars().count() + 1)
    }

    fn line_text(&self, line: usize) -> &str {
        self.text.lines().nth(line - 1).unwrap_or("").trim_end_matches('\r')
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub file: Option<FileId>,
    pub span: Option<Range<usize>>,
    pub message: String,
    pub hint: Option<String>,
    /// Other places the finding is about ("declared first here", "last year's end is here").
    pub labels: Vec<Label>,
}

/// A secondary place of a finding, with what it says there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub file: FileId,
    pub span: Range<usize>,
    pub message: String,
}

impl Diagnostic {
    /// A finding of `code`; its severity is the code's (E… errors, W… warnings).
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Diagnostic { code, severity: code.severity(), file: None, span: None, message: message.into(), hint: None, labels: Vec::new() }
    }

    pub fn error(code: Code, message: impl Into<String>) -> Self {
        debug_assert_eq!(code.severity(), Severity::Error, "{code} is a warning");
        Diagnostic::new(code, message)
    }

    pub fn warning(code: Code, message: impl Into<String>) -> Self {
        debug_assert_eq!(code.severity(), Severity::Warning, "{code} is an error");
        Diagnostic::new(code, message)
    }

    pub fn at(mut self, file: FileId, span: Option<Range<usize>>) -> Self {
        self.file = Some(file);
        self.span = span;
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a secondary place; nothing when its span is unknown.
    pub fn also(mut self, file: FileId, span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        if let Some(span) = span {
            self.labels.push(Label { file, span, message: message.into() });
        }
        self
    }
}

/// All findings of a run, in a stable order: by file, then position, then code.
#[derive(Default, Debug)]
pub struct Findings {
    pub items: Vec<Diagnostic>,
}

impl Findings {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(ds);
    }

    pub fn errors(&self) -> usize {
        self.items.iter().filter(|d| d.severity == Severity::Error).count()
    }

    pub fn warnings(&self) -> usize {
        self.items.iter().filter(|d| d.severity == Severity::Warning).count()
    }

    pub fn sort(&mut self, sources: &SourceMap) {
        self.items.sort_by(|a, b| {
            let key = |d: &Diagnostic| {
                (d.file.map(|f| sources.get(f).path.clone()), d.span.as_ref().map_or(0, |s| s.start), d.code, d.message.clone())
            };
            key(a).cmp(&key(b))
        });
        self.items.dedup();
    }

    /// rustc-style text: header, `--> file:line:col`, the source line with a caret, the hint.
    pub fn render(&self, sources: &SourceMap) -> String {
        let mut out = String::new();
        for d in &self.items {
            render_one(&mut out, d, sources);
        }
        out
    }

    /// Each finding as a GitHub (and Forgejo) workflow command, one per line:
    /// `::error file=data/reports/2024/CQ01.toml,line=12,col=1,title=E020::…`, so a pull request
    /// shows it on the line it concerns. Escaped as the runner's toolkit escapes: `%`, CR and LF
    /// everywhere, and `:` and `,` in properties.
    pub fn to_github(&self, sources: &SourceMap) -> String {
        let data = |s: &str| s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
        let property = |s: &str| data(s).replace(':', "%3A").replace(',', "%2C");
        let mut out = String::new();
        for d in &self.items {
            let level = if d.severity == Severity::Error { "error" } else { "warning" };
            let mut props = Vec::new();
            if let Some(f) = d.file.map(|f| sources.get(f)) {
                let (line, col) = d.span.as_ref().map_or((1, 1), |s| f.line_col(s.start));
                props.push(format!("file={}", property(&f.path.display().to_string())));
                props.push(format!("line={line}"));
                props.push(format!("col={col}"));
            }
            props.push(format!("title={}", property(d.code.as_str())));
            let message = match &d.hint {
                Some(h) => format!("{} — gợi ý: {h}", d.message),
                None => d.message.clone(),
            };
            let _ = writeln!(out, "::{level} {}::{}", props.join(","), data(&message));
        }
        out
    }

    /// The findings as a GitLab Code Quality report: a JSON array of issues with a description,
    /// a check name (the code), a fingerprint unique in the report, a severity and the path and
    /// line, which the merge request shows on its changed lines.
    pub fn to_gitlab(&self, sources: &SourceMap) -> String {
        #[derive(Serialize)]
        struct Issue {
            description: String,
            check_name: &'static str,
            fingerprint: String,
            severity: &'static str,
            location: Location,
        }
        #[derive(Serialize)]
        struct Location {
            path: String,
            lines: Lines,
        }
        #[derive(Serialize)]
        struct Lines {
            begin: usize,
        }
        let mut seen = std::collections::BTreeSet::new();
        let issues: Vec<Issue> = self
            .items
            .iter()
            .map(|d| {
                let file = d.file.map(|f| sources.get(f));
                let path = file.map_or_else(|| "data".to_string(), |f| f.path.display().to_string());
                let begin = file.zip(d.span.as_ref()).map_or(1, |(f, s)| f.line_col(s.start).0);
                let description = match &d.hint {
                    Some(h) => format!("{}: {} (gợi ý: {h})", d.code.as_str(), d.message),
                    None => format!("{}: {}", d.code.as_str(), d.message),
                };
                // A hash of what the finding says and where; repeated findings get a counter.
                let mut n = 0u32;
                let fingerprint = loop {
                    let mut h = crate::fnv::Fnv::default();
                    h.write(format!("{}|{path}|{begin}|{}|{n}", d.code.as_str(), d.message).as_bytes());
                    let f = format!("{:016x}", h.finish());
                    if seen.insert(f.clone()) {
                        break f;
                    }
                    n += 1;
                };
                Issue {
                    description,
                    check_name: d.code.as_str(),
                    fingerprint,
                    severity: if d.severity == Severity::Error { "major" } else { "minor" },
                    location: Location { path, lines: Lines { begin } },
                }
            })
            .collect();
        serde_json::to_string_pretty(&issues).expect("plain data serializes")
    }

    pub fn to_json(&self, sources: &SourceMap) -> String {
        #[derive(Serialize)]
        struct Json<'a> {
            code: &'a str,
            severity: Severity,
            file: Option<String>,
            line: Option<usize>,
            column: Option<usize>,
            message: &'a str,
            hint: Option<&'a str>,
            #[serde(skip_serializing_if = "Vec::is_empty")]
            labels: Vec<JsonLabel<'a>>,
        }
        #[derive(Serialize)]
        struct JsonLabel<'a> {
            file: String,
            line: usize,
            column: usize,
            message: &'a str,
        }
        let items: Vec<Json> = self
            .items
            .iter()
            .map(|d| {
                let file = d.file.map(|f| sources.get(f));
                let pos = file.zip(d.span.as_ref()).map(|(f, s)| f.line_col(s.start));
                Json {
                    code: d.code.as_str(),
                    severity: d.severity,
                    file: file.map(|f| f.path.display().to_string()),
                    line: pos.map(|p| p.0).or(file.map(|_| 1)),
                    column: pos.map(|p| p.1).or(file.map(|_| 1)),
                    message: &d.message,
                    hint: d.hint.as_deref(),
                    labels: d
                        .labels
                        .iter()
                        .map(|l| {
                            let f = sources.get(l.file);
                            let (line, column) = f.line_col(l.span.start);
                            JsonLabel { file: f.path.display().to_string(), line, column, message: &l.message }
                        })
                        .collect(),
                }
            })
            .collect();
        serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into())
    }
}

fn render_one(out: &mut String, d: &Diagnostic, sources: &SourceMap) {
    let label = match d.severity {
        Severity::Error => "lỗi",
        Severity::Warning => "cảnh báo",
    };
    let _ = writeln!(out, "{label}[{}]: {}", d.code, d.message);
    if let Some(file) = d.file.map(|f| sources.get(f)) {
        match &d.span {
            Some(span) => {
                let (line, col) = file.line_col(span.start);
                let text = file.line_text(line);
                let gutter = " ".repeat(line.to_string().len());
                let _ = writeln!(out, "{gutter}--> {}:{line}:{col}", file.path.display());
                let _ = writeln!(out, "{gutter} |");
                let _ = writeln!(out, "{line} | {text}");
                let (end_line, end_col) = file.line_col(span.end);
                let width = if end_line == line { end_col.saturating_sub(col).max(1) } else { 1 };
                // The caret sits under the offending text; tabs keep their width.
                let pad: String = text.chars().take(col - 1).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
                let _ = writeln!(out, "{gutter} | {pad}{}", "^".repeat(width));
                for l in &d.labels {
                    render_label(out, l, sources, &gutter);
                }
                if let Some(hint) = &d.hint {
                    let _ = writeln!(out, "{gutter} = gợi ý: {hint}");
                }
            }
            None => {
                let _ = writeln!(out, " --> {}", file.path.display());
                if let Some(hint) = &d.hint {
                    let _ = writeln!(out, "  = gợi ý: {hint}");
                }
            }
        }
    } else if let Some(hint) = &d.hint {
        let _ = writeln!(out, "  = gợi ý: {hint}");
    }
    out.push('\n');
}

/// A secondary place, as rustc shows one: `::: file:line:col`, the line, `-` under the span and
/// what it says there. The gutter is widened when the label's line number is longer.
fn render_label(out: &mut String, l: &Label, sources: &SourceMap, gutter: &str) {
    let file = sources.get(l.file);
    let (line, col) = file.line_col(l.span.start);
    let text = file.line_text(line);
    let width_needed = line.to_string().len();
    let gutter = if width_needed > gutter.len() { " ".repeat(width_needed) } else { gutter.to_string() };
    let number = format!("{line:>width$}", width = gutter.len());
    let _ = writeln!(out, "{gutter}::: {}:{line}:{col}", file.path.display());
    let _ = writeln!(out, "{gutter} |");
    let _ = writeln!(out, "{number} | {text}");
    let (end_line, end_col) = file.line_col(l.span.end);
    let width = if end_line == line { end_col.saturating_sub(col).max(1) } else { 1 };
    let pad: String = text.chars().take(col - 1).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
    let _ = writeln!(out, "{gutter} | {pad}{} {}", "-".repeat(width), l.message);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_file_line_column_source_and_caret() {
        let mut sources = SourceMap::default();
        let text = "nam = 2024\nket_nap = \"ba\"\n".to_string();
        let start = text.find("\"ba\"").unwrap();
        let id = sources.add(PathBuf::from("data/reports/2024/CQ01.toml"), text);
        let mut f = Findings::default();
        f.push(Diagnostic::error(Code::E004, "sai kiểu").at(id, Some(start..start + 4)).hint("ghi số"));
        let out = f.render(&sources);
        assert_eq!(
            out,
            "lỗi[E004]: sai kiểu\n --> data/reports/2024/CQ01.toml:2:11\n  |\n2 | ket_nap = \"ba\"\n  |           ^^^^\n  = gợi ý: ghi số\n\n"
        );
        let json: serde_json::Value = serde_json::from_str(&f.to_json(&sources)).unwrap();
        assert_eq!(json[0]["line"], 2);
        assert_eq!(json[0]["column"], 11);
        assert_eq!(json[0]["code"], "E004");
    }

    #[test]
    fn secondary_labels_show_their_own_place() {
        let mut sources = SourceMap::default();
        let a = sources.add(PathBuf::from("data/reports/2023/CQ01.toml"), "x = 1\ncuoi_nam_chinh_thuc = 68\n".into());
        let b = sources.add(PathBuf::from("data/reports/2024/CQ01.toml"), "dau_nam_chinh_thuc = 69\n".into());
        let end = 6..30;
        let mut f = Findings::default();
        f.push(Diagnostic::error(Code::E021, "khác").at(b, Some(0..23)).also(a, Some(end), "số cuối năm 2023 ở đây").hint("chép số"));
        let out = f.render(&sources);
        assert!(out.contains(" --> data/reports/2024/CQ01.toml:1:1\n"), "{out}");
        assert!(out.contains(" ::: data/reports/2023/CQ01.toml:2:1\n  |\n2 | cuoi_nam_chinh_thuc = 68\n  | ------------------------ số cuối năm 2023 ở đây\n"), "{out}");
        let json: serde_json::Value = serde_json::from_str(&f.to_json(&sources)).unwrap();
        assert_eq!(json[0]["labels"][0]["line"], 2);
        assert_eq!(json[0]["labels"][0]["file"], "data/reports/2023/CQ01.toml");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let file = SourceFile { path: "x".into(), text: "ten = \"Đảng\" x".into() };
        let offset = file.text.find(" x").unwrap() + 1;
        assert_eq!(file.line_col(offset), (1, 14));
    }
}
