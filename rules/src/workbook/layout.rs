//! The one layout of a report workbook: where the header cells are, and one row per entry of the
//! schema with the key that names it. `site template` writes it and `site import` reads it, so
//! the two cannot drift apart; a row is found by its key (column E), not by its position.

use app::model::Level;
use app::schema::{Field, Kind, Section, SECTIONS};

pub const SHEET: &str = "Báo cáo";

/// (row, column), 0-based as rust_xlsxwriter and calamine count.
pub type Cell = (u32, u16);

pub const TITLE: Cell = (0, 0);
pub const NAME: Cell = (1, 0);
pub const CODE: Cell = (2, 1);
pub const YEAR: Cell = (3, 1);
pub const AS_OF: Cell = (4, 1);
pub const HEADINGS_ROW: u32 = 6;
pub const FIRST_ROW: u32 = 7;

pub const COL_SECTION: u16 = 0;
pub const COL_LABEL: u16 = 1;
pub const COL_VALUE: u16 = 2;
pub const COL_CHECK: u16 = 3;
pub const COL_KEY: u16 = 4;

/// A workbook has at most this many rows: the longest template has under 200.
pub const MAX_ROWS: u32 = 1000;

/// One row of the sheet: a field, or one month (or quarter) of a list field.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub field: Field,
    /// The month or quarter (0-based) of a list field.
    pub index: Option<usize>,
    /// `dang_vien.dau_nam_chinh_thuc`, `bien_dong.ket_nap_theo_thang[3]`.
    pub key: String,
    pub label: String,
    /// The section's comment, shown on its first row.
    pub section: &'static str,
}

/// The rows of an organization at `level`: every section and field it reports, lists spread
/// over 12 months or 4 quarters. The year, the code and the as-of date are header cells.
pub fn entries(level: &Level) -> Vec<Entry> {
    let mut out = Vec::new();
    for section in SECTIONS.iter().filter(|s| s.applies.to(level)) {
        for f in section.section.fields().filter(|f| f.applies.to(level)) {
            if matches!(f.field, Field::Year | Field::Org | Field::AsOf) {
                continue;
            }
            let base = f.path();
            let section_label = if section.section == Section::Top { "Ghi chú" } else { section.comment };
            match f.kind {
                Kind::Months | Kind::Quarters => {
                    let (n, unit) = if f.kind == Kind::Months { (12, "tháng") } else { (4, "quý") };
                    for i in 0..n {
                        out.push(Entry {
                            field: f.field,
                            index: Some(i),
                            key: format!("{base}[{}]", i + 1),
                            label: format!("{}: {unit} {}", f.comment.split(',').next().unwrap_or(f.comment), i + 1),
                            section: section_label,
                        });
                    }
                }
                _ => out.push(Entry { field: f.field, index: None, key: base, label: f.comment.to_string(), section: section_label }),
            }
        }
    }
    out
}

/// "C12" for (11, 2).
pub fn name(cell: Cell) -> String {
    let (row, mut col) = (cell.0 + 1, u32::from(cell.1));
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    letters.reverse();
    format!("{}{row}", String::from_utf8(letters).expect("ASCII letters"))
}

/// The Vietnamese words of a yes/no cell.
pub const YES: &str = "có";
pub const NO: &str = "không";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_spreadsheets_name_them() {
        assert_eq!(name((0, 0)), "A1");
        assert_eq!(name((11, 2)), "C12");
        assert_eq!(name((0, 25)), "Z1");
        assert_eq!(name((0, 26)), "AA1");
        assert_eq!(name((9, 27)), "AB10");
    }

    #[test]
    fn every_level_has_unique_keys_and_lists_spread_over_their_months() {
        for level in
            [Level::GrassrootsCommittee, Level::GrassrootsBranch, Level::Branch { parent: app::model::OrgCode::parse("CQ01").unwrap() }]
        {
            let e = entries(&level);
            let mut keys: Vec<&str> = e.iter().map(|x| x.key.as_str()).collect();
            keys.sort_unstable();
            let n = keys.len();
            keys.dedup();
            assert_eq!(keys.len(), n, "{level:?}");
            assert_eq!(e.iter().filter(|x| x.field == Field::MonthlyAdmissions).count(), 12);
            assert!((FIRST_ROW + e.len() as u32) < MAX_ROWS);
        }
    }
}
