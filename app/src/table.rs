//! Every published table is one value: columns (the heading a reader sees, the machine fields it
//! becomes in CSV and JSON, its privacy class) and rows of typed cells, built once from the
//! statistics. The HTML table under a figure ([`Table::html_rows`]), the CSV and the JSON files
//! (`site::render::tables`) are all read from it, so they cannot disagree. A member-level cell
//! is a [`Published`] value, which only `privacy::Disclosure` makes.

use crate::chart::escape;
use crate::format;
use crate::privacy::Published;
use crate::schema::Privacy;
use crate::stats::{Mean, Ratio};
use chrono::NaiveDate;
use std::borrow::Cow;
use std::fmt::Write as _;

/// One machine field (a CSV column, a JSON key).
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// ASCII, stable: the JSON key.
    pub key: &'static str,
    /// The CSV heading, in Vietnamese.
    pub label: &'static str,
    /// What it holds, for the data dictionary.
    pub meaning: &'static str,
}

impl Field {
    /// The year of a year's table, as a constant field of its files.
    pub fn year(year: i32) -> (Field, Machine) {
        (Field::new("nam", "Năm", "Năm báo cáo"), Machine::Int(i64::from(year)))
    }

    /// The as-of date of a year in progress, as a constant field of its files.
    pub fn as_of(date: Option<NaiveDate>) -> (Field, Machine) {
        (
            Field::new("ngay_so_lieu", "Ngày số liệu", "Ngày chốt số liệu (năm chưa hết), trống nếu cả năm"),
            date.map_or(Machine::Null, Machine::Date),
        )
    }

    pub const fn new(key: &'static str, label: &'static str, meaning: &'static str) -> Field {
        Field { key, label, meaning }
    }
}

/// What the cells of a column are; fixes how many machine fields the column has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The year (and the as-of date of a year in progress): two fields.
    Period,
    /// Text, a count, a member-level count, a change, a score: one field.
    Value,
    /// A ratio shown "12/16 (75,0%)": two fields, numerator and denominator.
    Ratio,
    /// A ratio shown "12/16 (75,0%)" whose parts are other columns: one field, the percentage.
    Share,
    /// An organization: two fields, code and name.
    Org,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The heading above the HTML column.
    pub heading: Cow<'static, str>,
    pub numeric: bool,
    pub kind: Kind,
    pub privacy: Privacy,
    /// The machine fields, as many as `kind` says.
    pub fields: Vec<Field>,
}

impl Column {
    pub fn period() -> Column {
        Column {
            heading: "Năm".into(),
            numeric: false,
            kind: Kind::Period,
            privacy: Privacy::Organization,
            fields: vec![
                Field::new("nam", "Năm", "Năm báo cáo"),
                Field::new("ngay_so_lieu", "Ngày số liệu", "Ngày chốt số liệu (năm chưa hết), trống nếu cả năm"),
            ],
        }
    }

    pub fn text(heading: impl Into<Cow<'static, str>>, field: Field) -> Column {
        Column { heading: heading.into(), numeric: false, kind: Kind::Value, privacy: Privacy::Organization, fields: vec![field] }
    }

    pub fn count(heading: impl Into<Cow<'static, str>>, field: Field) -> Column {
        Column { heading: heading.into(), numeric: true, kind: Kind::Value, privacy: Privacy::MemberCount, fields: vec![field] }
    }

    /// A member-level count: its cells must be [`Cell::Member`] (checked by [`Table::check`]).
    pub fn member(heading: impl Into<Cow<'static, str>>, field: Field) -> Column {
        Column { privacy: Privacy::MemberLevel, ..Column::count(heading, field) }
    }

    pub fn year() -> Column {
        Column::text("Năm", Field::new("nam", "Năm", "Năm báo cáo"))
    }

    pub fn ratio(heading: impl Into<Cow<'static, str>>, num: Field, den: Field) -> Column {
        Column { heading: heading.into(), numeric: true, kind: Kind::Ratio, privacy: Privacy::MemberCount, fields: vec![num, den] }
    }

    /// An organization column: a link on the page, code and name in the files.
    pub fn org(heading: impl Into<Cow<'static, str>>, code: Field, name: Field) -> Column {
        Column { heading: heading.into(), numeric: false, kind: Kind::Org, privacy: Privacy::Organization, fields: vec![code, name] }
    }

    /// A share: shown as its ratio, published as a percentage.
    pub fn share(heading: impl Into<Cow<'static, str>>, field: Field) -> Column {
        Column { heading: heading.into(), numeric: true, kind: Kind::Share, privacy: Privacy::MemberCount, fields: vec![field] }
    }
}

/// One cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Year(i32),
    /// A year, and the as-of date when the year is in progress.
    Period {
        year: i32,
        as_of: Option<NaiveDate>,
    },
    Count(u64),
    /// A member-level count, as the disclosure step published it.
    Member(Published),
    Ratio(Ratio),
    /// A ratio shown as its percentage only ("19,6%").
    Percent(Ratio),
    /// An organization: its name linked to its page; its code and name in the files.
    Org {
        code: String,
        name: String,
    },
    /// Text for the reader with a number for machines ("Tháng 3" and 3).
    Labeled {
        text: String,
        value: i64,
    },
    /// A yes/no shown as words ("Chậm tiến độ"), `true`/`false` in the files.
    Flag {
        value: bool,
        text: &'static str,
    },
    /// No value, with the words the reader sees instead ("Chưa báo cáo"); empty in the files.
    Missing(&'static str),
    /// A change against last year ("+2", "−1", "0").
    Change(i64),
    /// A mean to one decimal ("84,5"); "—" when there is nothing to average.
    Mean(Mean),
    /// Not published here: it would rest on a hidden cell, or there is nothing to show.
    Withheld,
}

impl Cell {
    /// The text in the HTML table (escaped by the caller).
    pub fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Year(y) => y.to_string(),
            Cell::Period { year, as_of: None } => year.to_string(),
            Cell::Period { year, as_of: Some(d) } => format!("{year} (đến {})", format::date(*d)),
            Cell::Count(n) => format::int(*n),
            Cell::Member(p) => p.text(),
            Cell::Ratio(r) => r.display(),
            Cell::Percent(r) => r.percent_string(),
            Cell::Org { name, .. } => name.clone(),
            Cell::Labeled { text, .. } => text.clone(),
            Cell::Flag { text, .. } => text.to_string(),
            Cell::Missing(text) => text.to_string(),
            Cell::Change(d) => format::signed(*d),
            Cell::Mean(m) => m.value_string(),
            Cell::Withheld => "—".to_string(),
        }
    }

    /// The machine values, one per field of the column.
    pub fn machine(&self, kind: Kind) -> Vec<Machine> {
        match (self, kind) {
            (Cell::Period { year, as_of }, _) => vec![Machine::Int(i64::from(*year)), as_of.map_or(Machine::Null, Machine::Date)],
            (Cell::Year(y), _) => vec![Machine::Int(i64::from(*y))],
            // Percent to one decimal, rounded as on the page.
            (Cell::Ratio(r) | Cell::Percent(r), Kind::Share) => vec![decimal(format::tenths(r.num.saturating_mul(100), r.den))],
            (Cell::Ratio(r) | Cell::Percent(r), _) => vec![Machine::Int(r.num as i64), Machine::Int(r.den as i64)],
            (Cell::Withheld | Cell::Missing(_), Kind::Ratio | Kind::Period | Kind::Org) => vec![Machine::Null, Machine::Null],
            (Cell::Missing(_), Kind::Value | Kind::Share) => vec![Machine::Null],
            (Cell::Org { code, name }, _) => vec![Machine::Text(code.clone()), Machine::Text(name.clone())],
            (Cell::Labeled { value, .. }, _) => vec![Machine::Int(*value)],
            (Cell::Flag { value, .. }, _) => vec![Machine::Bool(*value)],
            (Cell::Withheld, Kind::Value | Kind::Share) => vec![Machine::Null],
            (Cell::Text(t), _) => vec![Machine::Text(t.clone())],
            (Cell::Count(n), _) => vec![Machine::Int(*n as i64)],
            (Cell::Member(p), _) => vec![p.value().map_or_else(|| Machine::Text(p.text()), |v| Machine::Int(v as i64))],
            (Cell::Change(d), _) => vec![Machine::Int(*d)],
            (Cell::Mean(m), _) => vec![decimal(format::tenths(m.sum, m.count))],
        }
    }
}

/// Rows as HTML: a row heading, then a cell per column (numbers right-aligned).
pub fn html_rows(columns: &[Column], rows: &[Row]) -> String {
    let mut out = String::with_capacity(rows.len() * 160);
    for row in rows {
        match row.class {
            Some(class) => {
                let _ = write!(out, "<tr class=\"{class}\">");
            }
            None => out.push_str("<tr>"),
        }
        out.push_str("<th scope=\"row\">");
        cell_html(&mut out, &row.head);
        out.push_str("</th>");
        for (cell, column) in row.cells.iter().zip(columns.iter().skip(1)) {
            out.push_str(if column.numeric { "<td class=\"num\">" } else { "<td>" });
            cell_html(&mut out, cell);
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out
}

fn cell_html(out: &mut String, cell: &Cell) {
    match cell {
        Cell::Org { code, name } => {
            let _ = write!(out, "<a href=\"{}\">{}</a>", escape(&crate::routes::org_code(code)), escape(name));
        }
        other => out.push_str(&escape(&other.text())),
    }
}

/// A number in tenths for the files; empty when there is none.
fn decimal(tenths: Option<u64>) -> Machine {
    tenths.map_or(Machine::Null, |t| Machine::Decimal { tenths: t as i64 })
}

/// A value in CSV or JSON.
#[derive(Clone, Debug, PartialEq)]
pub enum Machine {
    Null,
    Bool(bool),
    Int(i64),
    /// A number with one decimal, as tenths.
    Decimal {
        tenths: i64,
    },
    Text(String),
    Date(NaiveDate),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The first cell, a row heading (`<th scope="row">`).
    pub head: Cell,
    pub cells: Vec<Cell>,
    /// A class for the HTML row (`lagging`).
    pub class: Option<&'static str>,
}

impl Row {
    pub fn new(head: Cell, cells: Vec<Cell>) -> Row {
        Row { head, cells, class: None }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The file stem of its CSV and JSON (`routes::tables`), or `None` when only the page
    /// shows it.
    pub name: Option<String>,
    /// The title of the downloadable files.
    pub title: String,
    /// The caption above the HTML table.
    pub caption: String,
    /// The first column is the row heading's.
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Totals under the rows (`<tfoot>`): on the page only, not in the files.
    pub foot: Vec<Row>,
    /// Fields every row of the files carries though the page shows them once (the year of a
    /// year's table), first in each row.
    pub constant: Vec<(Field, Machine)>,
}

impl Table {
    /// The `<tbody>` rows as one string: the app's download carries no view code per cell.
    pub fn html_rows(&self) -> String {
        html_rows(&self.columns, &self.rows)
    }

    /// Every machine field, in order.
    pub fn fields(&self) -> Vec<&Field> {
        self.constant.iter().map(|(f, _)| f).chain(self.columns.iter().flat_map(|c| &c.fields)).collect()
    }

    /// Each row as machine values, aligned with [`Table::fields`].
    pub fn machine_rows(&self) -> Vec<Vec<Machine>> {
        self.rows
            .iter()
            .map(|r| {
                let constant = self.constant.iter().map(|(_, v)| v.clone());
                constant
                    .chain(std::iter::once(&r.head).chain(&r.cells).zip(&self.columns).flat_map(|(cell, column)| cell.machine(column.kind)))
                    .collect()
            })
            .collect()
    }

    /// The promises a table keeps, for tests: every row has a cell per column, every cell gives
    /// its column's number of fields, and a member-level column holds only published values.
    pub fn check(&self) -> Result<(), String> {
        for (i, row) in self.rows.iter().enumerate() {
            if row.cells.len() + 1 != self.columns.len() {
                return Err(format!("{}: row {i} has {} cells for {} columns", self.caption, row.cells.len() + 1, self.columns.len()));
            }
            for (cell, column) in std::iter::once(&row.head).chain(&row.cells).zip(&self.columns) {
                if cell.machine(column.kind).len() != column.fields.len() {
                    return Err(format!("{}: `{}` of row {i} does not fill its fields", self.caption, column.heading));
                }
                if column.privacy == Privacy::MemberLevel && !matches!(cell, Cell::Member(_) | Cell::Withheld) {
                    return Err(format!(
                        "{}: `{}` of row {i} is a member-level count not made by the disclosure step",
                        self.caption, column.heading
                    ));
                }
            }
        }
        Ok(())
    }
}
