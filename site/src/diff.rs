//! `site diff A B`: what changed between two versions of the data — every figure of every
//! report (organization, year, field: old → new), every organization, report and document
//! added or removed — in Vietnamese, for the editor who reviews a batch before committing it.
//! A and B are data folders, or git revisions of `data/` (`HEAD~1`, `main`), read with
//! `git archive` into a scratch folder.

use crate::load::Loaded;
use app::schema::{Kind, Value, FIELDS};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// One side of a comparison: a folder, or a git revision checked out into a scratch folder.
pub struct Side {
    pub label: String,
    pub dir: PathBuf,
    /// Keeps a revision's scratch copy alive.
    _scratch: Option<tempfile::TempDir>,
}

/// A folder if `spec` is one, else a git revision of `data/` in the repository around `data`.
pub fn side(spec: &str, data: &Path) -> Result<Side, String> {
    let path = Path::new(spec);
    if path.is_dir() {
        return Ok(Side { label: spec.to_string(), dir: path.to_path_buf(), _scratch: None });
    }
    let scratch = tempfile::tempdir().map_err(|e| format!("không tạo được thư mục tạm: {e}"))?;
    let repo = data.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = data.file_name().and_then(|n| n.to_str()).unwrap_or("data");
    let archive = std::process::Command::new("git")
        .args(["-C", &repo.display().to_string(), "archive", "--format=tar", spec, "--", name])
        .output()
        .map_err(|e| format!("không chạy được git: {e}"))?;
    if !archive.status.success() {
        return Err(format!(
            "“{spec}” không phải thư mục, cũng không phải phiên bản git của {name}/: {}",
            String::from_utf8_lossy(&archive.stderr).trim()
        ));
    }
    let mut tar = std::process::Command::new("tar")
        .args(["-x", "-C", &scratch.path().display().to_string()])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("không chạy được tar: {e}"))?;
    use std::io::Write;
    tar.stdin.take().ok_or("tar không nhận dữ liệu")?.write_all(&archive.stdout).map_err(|e| format!("tar: {e}"))?;
    if !tar.wait().map_err(|e| format!("tar: {e}"))?.success() {
        return Err("tar không giải nén được".into());
    }
    Ok(Side { label: spec.to_string(), dir: scratch.path().join(name), _scratch: Some(scratch) })
}

/// The changes from `a` to `b`, one line each, in Vietnamese; empty when nothing changed.
pub fn changes(a: &Loaded, b: &Loaded) -> Vec<String> {
    let mut out = Vec::new();
    let orgs = |l: &Loaded| l.orgs.iter().map(|o| (o.value.code.clone(), o.value.clone())).collect::<BTreeMap<_, _>>();
    let (oa, ob) = (orgs(a), orgs(b));
    for (code, o) in &ob {
        if !oa.contains_key(code) {
            out.push(format!("+ tổ chức {code} ({})", o.name));
        }
    }
    for (code, old) in &oa {
        let Some(new) = ob.get(code) else {
            out.push(format!("− tổ chức {code} ({})", old.name));
            continue;
        };
        let date = |d: Option<chrono::NaiveDate>| d.map_or("—".to_string(), app::format::date);
        let workplace = |o: &app::model::Organization| o.workplace.map_or("—", |w| w.name());
        let kind = |o: &app::model::Organization| match o.kind {
            app::model::OrgKind::Agency => "cơ quan".to_string(),
            app::model::OrgKind::Enterprise(w) => format!("doanh nghiệp ({})", w.name().to_lowercase()),
        };
        let pairs = [
            ("tên", old.name.clone(), new.name.clone()),
            ("loại", kind(old), kind(new)),
            ("cấp", old.level.name().to_string(), new.level.name().to_string()),
            ("loại hình", workplace(old).to_string(), workplace(new).to_string()),
            ("thành lập", date(Some(old.founded)), date(Some(new.founded))),
            ("kết thúc", date(old.ended), date(new.ended)),
        ];
        for (what, x, y) in pairs {
            if x != y {
                out.push(format!("~ tổ chức {code} · {what}: {x} → {y}"));
            }
        }
    }
    let names = |m: &BTreeMap<app::model::OrgCode, app::model::Organization>, c: &app::model::OrgCode| m.get(c).map(|o| o.name.clone());
    let reports = |l: &Loaded| l.reports.iter().map(|(y, _, r)| ((*y, r.value.org.clone()), r.value.clone())).collect::<BTreeMap<_, _>>();
    let (ra, rb) = (reports(a), reports(b));
    let keys: BTreeSet<_> = ra.keys().chain(rb.keys()).cloned().collect();
    for (year, code) in keys {
        let name = names(&ob, &code).or_else(|| names(&oa, &code)).unwrap_or_default();
        match (ra.get(&(year, code.clone())), rb.get(&(year, code.clone()))) {
            (None, Some(_)) => out.push(format!("+ báo cáo năm {year} của {code} ({name})")),
            (Some(_), None) => out.push(format!("− báo cáo năm {year} của {code} ({name})")),
            (Some(x), Some(y)) if x != y => {
                for f in FIELDS {
                    let (old, new) = (f.field.get(x), f.field.get(y));
                    if old != new {
                        out.push(format!(
                            "~ {code} năm {year} · {} (`{}`): {} → {}",
                            f.comment,
                            f.path(),
                            shown(old.as_ref(), f.kind),
                            shown(new.as_ref(), f.kind)
                        ));
                    }
                }
            }
            _ => {}
        }
    }
    let quotas = |l: &Loaded| {
        l.quotas.iter().flat_map(|q| q.value.quotas.iter().map(move |(c, n)| ((q.value.year, c.clone()), *n))).collect::<BTreeMap<_, _>>()
    };
    let (qa, qb) = (quotas(a), quotas(b));
    for k in qa.keys().chain(qb.keys()).collect::<BTreeSet<_>>() {
        let (old, new) = (qa.get(k), qb.get(k));
        if old != new {
            let n = |v: Option<&u32>| v.map_or("—".to_string(), |n| n.to_string());
            out.push(format!("~ chỉ tiêu kết nạp năm {} của {}: {} → {}", k.0, k.1, n(old), n(new)));
        }
    }
    diff_by_key(
        &mut out,
        "văn bản",
        &by_key(a.documents.iter().map(|d| (d.value.number_symbol.clone(), &d.value))),
        &by_key(b.documents.iter().map(|d| (d.value.number_symbol.clone(), &d.value))),
    );
    diff_by_key(
        &mut out,
        "tin",
        &by_key(a.news.iter().map(|n| (n.value.title.clone(), &n.value))),
        &by_key(b.news.iter().map(|n| (n.value.title.clone(), &n.value))),
    );
    out
}

fn by_key<'a, T>(items: impl Iterator<Item = (String, &'a T)>) -> BTreeMap<String, &'a T> {
    items.collect()
}

/// Documents or news added, removed or edited, by their number or title.
fn diff_by_key<T: PartialEq>(out: &mut Vec<String>, what: &str, a: &BTreeMap<String, &T>, b: &BTreeMap<String, &T>) {
    for (k, v) in b {
        match a.get(k) {
            None => out.push(format!("+ {what} {k}")),
            Some(old) if old != v => out.push(format!("~ {what} {k}: nội dung đã sửa")),
            Some(_) => {}
        }
    }
    for k in a.keys().filter(|k| !b.contains_key(*k)) {
        out.push(format!("− {what} {k}"));
    }
}

fn shown(v: Option<&Value>, kind: Kind) -> String {
    match v {
        None => "(không ghi)".into(),
        Some(Value::Count(n)) => app::format::int(u64::from(*n)),
        Some(Value::List(l)) => format!("[{}]", l.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", ")),
        Some(Value::Bool(b)) => if *b { "có" } else { "không" }.into(),
        Some(Value::Date(d)) => app::format::date(*d),
        Some(Value::Grade(g)) => g.name().into(),
        Some(Value::Text(_)) if kind == Kind::Text => "(ghi chú đã sửa)".into(),
        Some(Value::Text(t)) => t.clone(),
        Some(Value::Year(y)) => y.to_string(),
        Some(Value::Org(o)) => o.to_string(),
    }
}
