//! What changed in the published figures since the previous build: `/thay-doi/` lists it and
//! `/thay-doi/atom.xml` announces it. Each build compares its published tables (the same
//! `/du-lieu/*.json` files anyone can download, so no hidden cell is ever compared) and its
//! documents with the previous output's, and adds one update to the history it carries over in
//! `/thay-doi/lich-su.json`. A build of unchanged data adds nothing, so it stays byte-identical.

use super::Files;
use app::model::Dataset;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Updates kept in the history (newest first), and changes listed per update.
const KEPT_UPDATES: usize = 30;
const LISTED_CHANGES: usize = 300;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// What this build publishes besides tables: documents and news as (route, title).
    pub items: BTreeMap<String, String>,
    /// Newest first.
    pub updates: Vec<Update>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Update {
    /// Counts up from 1 over the site's life: the entry's id in the feed.
    pub seq: u32,
    pub date: NaiveDate,
    /// "bản dữ liệu a1b2c3d ngày …" when built from a git checkout.
    pub version: Option<String>,
    pub changes: Vec<Change>,
    /// Changes beyond those listed.
    pub more: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// The table's title, or "Văn bản" for documents and news.
    pub table: String,
    /// Route of the table's JSON, document or news item; none for what was removed.
    pub link: Option<String>,
    /// The row (its key columns joined by " · ") or the item's title.
    pub row: String,
    pub what: What,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "loai", rename_all = "snake_case")]
pub enum What {
    Cell { column: String, old: String, new: String },
    RowAdded,
    RowRemoved,
    TableAdded,
    TableRemoved,
    ItemAdded,
    ItemRemoved,
}

impl Change {
    /// One line in Vietnamese: "Bảng … · hàng … · cột: 6 → 8".
    pub fn sentence(&self) -> String {
        match &self.what {
            What::Cell { .. } | What::RowAdded | What::RowRemoved => format!("{}: {}", self.table, self.detail()),
            _ => self.detail(),
        }
    }

    /// The line under its table's heading: "CQ02 · Chỉ tiêu: 6 → 9".
    pub fn detail(&self) -> String {
        let row = if self.row.is_empty() { String::new() } else { format!("{} · ", self.row) };
        match &self.what {
            What::Cell { column, old, new } => format!("{row}{column}: {old} → {new}"),
            What::RowAdded => format!("thêm dòng {}", self.row),
            What::RowRemoved => format!("bỏ dòng {}", self.row),
            What::TableAdded => format!("Bảng mới: {}", self.table),
            What::TableRemoved => format!("Bỏ bảng: {}", self.table),
            What::ItemAdded => format!("{} mới: {}", self.table, self.row),
            What::ItemRemoved => format!("Gỡ {}: {}", self.table.to_lowercase(), self.row),
        }
    }

    /// Whether it is listed under its table's heading on the page.
    pub fn in_table(&self) -> bool {
        matches!(self.what, What::Cell { .. } | What::RowAdded | What::RowRemoved)
    }
}

impl Update {
    pub fn title(&self) -> String {
        let n = self.changes.len() + self.more;
        format!("Cập nhật số liệu ngày {}: {} thay đổi", app::format::date(self.date), app::format::int(n as u64))
    }

    pub fn anchor(&self) -> String {
        format!("cap-nhat-{}", self.seq)
    }
}

/// A published table as its JSON file holds it.
#[derive(Deserialize)]
struct Published {
    title: String,
    columns: Vec<PublishedColumn>,
    rows: Vec<BTreeMap<String, Value>>,
}

#[derive(Deserialize)]
struct PublishedColumn {
    key: String,
    label: String,
}

/// The history this build publishes: the previous output's, with one more update when this
/// build's tables or documents differ from it. `files` holds this build's tables already.
pub fn history(files: &Files, data: &Dataset, previous: Option<&Path>, date: NaiveDate, version: Option<String>) -> History {
    let items = items(data);
    let Some(previous) = previous.filter(|p| p.join(log_file()).is_file()) else {
        // The first build (or one after an output without history): nothing to compare with.
        return History { items, updates: Vec::new() };
    };
    let old: History = std::fs::read(previous.join(log_file())).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default();
    let mut changes = table_changes(files, previous);
    changes.extend(item_changes(&old.items, &items));
    let mut updates = old.updates;
    // Earlier updates may link to a table or document this build no longer publishes.
    for c in updates.iter_mut().flat_map(|u| u.changes.iter_mut()) {
        if c.link.as_ref().is_some_and(|l| !files.contains_key(l.trim_start_matches('/')) && !items.contains_key(l)) {
            c.link = None;
        }
    }
    if !changes.is_empty() {
        let more = changes.len().saturating_sub(LISTED_CHANGES);
        changes.truncate(LISTED_CHANGES);
        let seq = updates.first().map_or(1, |u| u.seq + 1);
        updates.insert(0, Update { seq, date, version, changes, more });
        updates.truncate(KEPT_UPDATES);
    }
    History { items, updates }
}

pub fn log_file() -> String {
    app::routes::file_of(app::routes::CHANGES_LOG)
}

fn items(data: &Dataset) -> BTreeMap<String, String> {
    let docs = data
        .documents
        .iter()
        .map(|d| (app::routes::document(&d.slug), format!("{} {}: {}", d.doc_type.name(), d.number_symbol, d.summary)));
    let news = data.news.iter().map(|n| (app::routes::news_item(&n.slug), n.title.clone()));
    docs.chain(news).collect()
}

fn item_changes(old: &BTreeMap<String, String>, new: &BTreeMap<String, String>) -> Vec<Change> {
    let kind = |route: &str| if route.starts_with(app::routes::NEWS) { "Tin" } else { "Văn bản" };
    let added = new.iter().filter(|(r, _)| !old.contains_key(*r)).map(|(r, t)| Change {
        table: kind(r).into(),
        link: Some(r.clone()),
        row: t.clone(),
        what: What::ItemAdded,
    });
    let removed = old.iter().filter(|(r, _)| !new.contains_key(*r)).map(|(r, t)| Change {
        table: kind(r).into(),
        link: None,
        row: t.clone(),
        what: What::ItemRemoved,
    });
    added.chain(removed).collect()
}

/// Published tables by file name (`du-lieu/x.json` → table), from this build's files.
fn new_tables(files: &Files) -> BTreeMap<String, Published> {
    let dir = app::routes::file_of(app::routes::DATA);
    let dir = dir.trim_end_matches("index.html");
    files
        .iter()
        .filter(|(p, _)| p.starts_with(dir) && p.ends_with(".json") && !p[dir.len()..].contains('/'))
        .filter_map(|(p, b)| Some((p.clone(), serde_json::from_slice(b).ok()?)))
        .collect()
}

fn old_tables(previous: &Path) -> BTreeMap<String, Published> {
    let dir = app::routes::file_of(app::routes::DATA);
    let dir = dir.trim_end_matches("index.html");
    let Ok(entries) = std::fs::read_dir(previous.join(dir)) else { return BTreeMap::new() };
    entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            // A table written by an older version in another shape is skipped, not an error.
            let table =
                name.ends_with(".json").then(|| std::fs::read(e.path()).ok()).flatten().and_then(|b| serde_json::from_slice(&b).ok())?;
            Some((format!("{dir}{name}"), table))
        })
        .collect()
}

fn table_changes(files: &Files, previous: &Path) -> Vec<Change> {
    let new = new_tables(files);
    let old = old_tables(previous);
    let mut out = Vec::new();
    for (path, table) in &new {
        let link = Some(format!("/{path}"));
        match old.get(path) {
            None => out.push(Change { table: table.title.clone(), link, row: String::new(), what: What::TableAdded }),
            Some(before) => out.extend(rows_changed(before, table, link)),
        }
    }
    for (path, table) in &old {
        if !new.contains_key(path) {
            out.push(Change { table: table.title.clone(), link: None, row: String::new(), what: What::TableRemoved });
        }
    }
    out
}

/// Rows are matched by their leading columns: the fewest that tell every row apart in both
/// versions (the organization, the year, the form's row…).
fn rows_changed(old: &Published, new: &Published, link: Option<String>) -> Vec<Change> {
    let keys: Vec<&str> = new.columns.iter().map(|c| c.key.as_str()).collect();
    let width = (1..=keys.len()).find(|&k| unique(old, &keys[..k]) && unique(new, &keys[..k])).unwrap_or(keys.len());
    let key_of =
        |row: &BTreeMap<String, Value>| keys[..width].iter().map(|k| plain(row.get(*k).unwrap_or(&Value::Null))).collect::<Vec<_>>();
    // The row is named by the key columns that differ between rows (the year of a one-year
    // table is in its title).
    let named: Vec<usize> = (0..width).filter(|&i| !constant(old, new, keys[i])).collect();
    // A number is named with its column ("Tháng 3"); a code or name stands alone.
    let label = |key: &[String]| {
        let part = |&i: &usize| match key[i].parse::<i64>() {
            Ok(_) => format!("{} {}", new.columns[i].label, key[i]),
            Err(_) => key[i].clone(),
        };
        named.iter().map(part).collect::<Vec<_>>().join(" · ")
    };
    let before: BTreeMap<Vec<String>, &BTreeMap<String, Value>> = old.rows.iter().map(|r| (key_of(r), r)).collect();
    let after: BTreeSet<Vec<String>> = new.rows.iter().map(&key_of).collect();
    let change = |row: &[String], what: What| Change { table: new.title.clone(), link: link.clone(), row: label(row), what };
    let mut out = Vec::new();
    for row in &new.rows {
        let key = key_of(row);
        match before.get(&key) {
            None => out.push(change(&key, What::RowAdded)),
            Some(was) => {
                for c in &new.columns[width..] {
                    let (a, b) = (was.get(&c.key), row.get(&c.key));
                    if a.is_some() && a != b {
                        let (old, new) = (shown(a.unwrap_or(&Value::Null)), shown(b.unwrap_or(&Value::Null)));
                        out.push(change(&key, What::Cell { column: c.label.clone(), old, new }));
                    }
                }
            }
        }
    }
    for row in &old.rows {
        let key = key_of(row);
        if !after.contains(&key) {
            out.push(change(&key, What::RowRemoved));
        }
    }
    out
}

fn constant(old: &Published, new: &Published, key: &str) -> bool {
    let mut values = old.rows.iter().chain(&new.rows).map(|r| r.get(key));
    match values.next() {
        Some(first) => values.all(|v| v == first),
        None => true,
    }
}

fn unique(table: &Published, keys: &[&str]) -> bool {
    let mut seen = BTreeSet::new();
    table.rows.iter().all(|r| seen.insert(keys.iter().map(|k| r.get(*k).map(shown)).collect::<Vec<_>>()))
}

/// A key cell: years and months without a thousands separator.
fn plain(v: &Value) -> String {
    match v {
        Value::Number(n) => n.to_string(),
        other => shown(other),
    }
}

/// A cell as a reader would write it: "1.234", "12,5", "—".
fn shown(v: &Value) -> String {
    match v {
        Value::Null => "—".into(),
        Value::Bool(true) => "có".into(),
        Value::Bool(false) => "không".into(),
        Value::Number(n) => match n.as_u64() {
            Some(u) => app::format::int(u),
            None => n.to_string().replace('.', ","),
        },
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn table(rows: Value) -> Published {
        serde_json::from_value(json!({
            "title": "Kết nạp",
            "columns": [{"key": "nam", "label": "Năm"}, {"key": "don_vi", "label": "Đơn vị"}, {"key": "ket_nap", "label": "Kết nạp"}],
            "rows": rows,
        }))
        .unwrap()
    }

    #[test]
    fn rows_are_matched_by_the_fewest_leading_columns_that_tell_them_apart() {
        let old = table(json!([{"nam": 2024, "don_vi": "A", "ket_nap": 6}, {"nam": 2024, "don_vi": "B", "ket_nap": 1200}]));
        let new = table(json!([{"nam": 2024, "don_vi": "A", "ket_nap": 8}, {"nam": 2024, "don_vi": "C", "ket_nap": "<3"}]));
        let lines: Vec<String> = rows_changed(&old, &new, None).iter().map(Change::sentence).collect();
        assert_eq!(lines, ["Kết nạp: A · Kết nạp: 6 → 8", "Kết nạp: thêm dòng C", "Kết nạp: bỏ dòng B"]);
    }

    #[test]
    fn equal_tables_have_no_changes() {
        let rows = json!([{"nam": 2024, "don_vi": "A", "ket_nap": 12.5}]);
        assert!(rows_changed(&table(rows.clone()), &table(rows), None).is_empty());
        assert_eq!(shown(&json!(12.5)), "12,5");
        assert_eq!(shown(&json!(1234)), "1.234");
    }

    #[test]
    fn documents_added_and_removed_are_named() {
        let old = BTreeMap::from([("/van-ban/a/".to_string(), "Kế hoạch A".to_string())]);
        let new = BTreeMap::from([("/tin-tuc/b/".to_string(), "Tin B".to_string())]);
        let lines: Vec<String> = item_changes(&old, &new).iter().map(Change::sentence).collect();
        assert_eq!(lines, ["Tin mới: Tin B", "Gỡ văn bản: Kế hoạch A"]);
    }
}
