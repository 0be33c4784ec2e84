//! An `.xlsx` read as a report workbook needs it: the sheets' names and visibility, and one
//! sheet's cells (values typed by the cell's style, so a date is a date), formulas, merged
//! ranges and hidden rows — streamed row by row and stopped at a row limit. Own code rather than
//! a general reader, whose legacy text decoders would triple the checker page's download.

use super::archive::Archive;
use super::layout::Cell;
use super::xml::{attr, tokens, Token};
use std::collections::BTreeMap;

/// A cell's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Data {
    Empty,
    Number(f64),
    Text(String),
    Bool(bool),
    /// A number shown as a date: Excel's serial day.
    Date(f64),
    /// A date written as text in the XML (`t="d"`).
    DateIso(String),
    Error(String),
}

/// A sheet of the workbook, as its list names it.
#[derive(Clone, Debug)]
pub struct SheetInfo {
    pub name: String,
    pub visible: bool,
    part: Option<String>,
}

/// An opened workbook: its sheets, shared strings and which styles show dates.
pub struct Book<'a> {
    archive: Archive<'a>,
    pub sheets: Vec<SheetInfo>,
    strings: Vec<String>,
    date_styles: Vec<bool>,
}

/// One sheet's contents (the columns kept by the reader).
#[derive(Debug, Default)]
pub struct Sheet {
    pub cells: BTreeMap<Cell, Data>,
    /// Cells holding a formula, with its text (empty for a copy of a shared formula).
    pub formulas: Vec<(Cell, String)>,
    /// Merged ranges, first and last cell.
    pub merged: Vec<(Cell, Cell)>,
    /// Hidden rows, 0-based.
    pub hidden_rows: Vec<u32>,
}

/// Why a sheet could not be read.
#[derive(Debug, PartialEq)]
pub enum SheetError {
    Broken(String),
    /// A cell at or past the row limit: the first one.
    TooLong(Cell),
}

fn text(bytes: Vec<u8>, part: &str) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|_| format!("phần “{part}” không phải văn bản UTF-8"))
}

fn read_part(archive: &Archive, part: &str) -> Result<Option<String>, String> {
    archive.part(part).map(|r| r.and_then(|b| text(b, part))).transpose()
}

impl<'a> Book<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Book<'a>, String> {
        let archive = Archive::open(bytes)?;
        let workbook = read_part(&archive, "xl/workbook.xml")?.ok_or("không có phần xl/workbook.xml")?;
        let rels = read_part(&archive, "xl/_rels/workbook.xml.rels")?.unwrap_or_default();
        let mut targets = BTreeMap::new();
        for t in tokens(&rels) {
            if let Token::Open { name: "Relationship", attrs, .. } = t? {
                if let (Some(id), Some(target)) = (attr(attrs, "Id"), attr(attrs, "Target")) {
                    let path = match target.strip_prefix('/') {
                        Some(abs) => abs.to_string(),
                        None => format!("xl/{target}"),
                    };
                    targets.insert(id.into_owned(), path);
                }
            }
        }
        let mut sheets = Vec::new();
        for t in tokens(&workbook) {
            if let Token::Open { name: "sheet", attrs, .. } = t? {
                let name = attr(attrs, "name").unwrap_or_default().into_owned();
                let visible = attr(attrs, "state").is_none_or(|s| s == "visible");
                let part = attr(attrs, "id").and_then(|id| targets.get(id.as_ref()).cloned());
                sheets.push(SheetInfo { name, visible, part });
            }
        }
        let strings = match read_part(&archive, "xl/sharedStrings.xml")? {
            Some(xml) => shared_strings(&xml)?,
            None => Vec::new(),
        };
        let date_styles = match read_part(&archive, "xl/styles.xml")? {
            Some(xml) => date_styles(&xml)?,
            None => Vec::new(),
        };
        Ok(Book { archive, sheets, strings, date_styles })
    }

    /// The sheet `name`: the cells of columns `..=last_col`, stopped at the first cell in a row
    /// `>= max_rows`.
    pub fn sheet(&self, name: &str, last_col: u16, max_rows: u32) -> Result<Sheet, SheetError> {
        let broken = SheetError::Broken;
        let info = self.sheets.iter().find(|s| s.name == name).ok_or_else(|| broken(format!("không có trang tính “{name}”")))?;
        let part = info.part.as_deref().ok_or_else(|| broken(format!("trang tính “{name}” không trỏ tới phần nào")))?;
        let xml = read_part(&self.archive, part).map_err(broken)?.ok_or_else(|| broken(format!("thiếu phần “{part}”")))?;
        Styled { strings: &self.strings, date_styles: &self.date_styles }.sheet(&xml, last_col, max_rows)
    }
}

/// What typing a cell's value needs from the rest of the workbook.
struct Styled<'b> {
    strings: &'b [String],
    date_styles: &'b [bool],
}

impl Styled<'_> {
    fn sheet(&self, xml: &str, last_col: u16, max_rows: u32) -> Result<Sheet, SheetError> {
        let mut sheet = Sheet::default();
        let mut row: Option<u32> = None;
        // The cell being read: its place, type, style, value text, inline text, formula.
        let mut cell: Option<(Cell, String, usize)> = None;
        let mut value: Option<String> = None;
        let mut inline: Option<String> = None;
        let mut formula: Option<String> = None;
        let mut inside = "";
        let mut phonetic = false;
        let mut next_col: u16 = 0;
        for t in tokens(xml) {
            match t.map_err(SheetError::Broken)? {
                Token::Open { name: "row", attrs, .. } => {
                    let r = match attr(attrs, "r").and_then(|r| r.parse::<u32>().ok()) {
                        Some(r) if r >= 1 => r - 1,
                        _ => row.map_or(0, |r| r + 1),
                    };
                    if attr(attrs, "hidden").is_some_and(|h| h == "1" || h == "true") && r < max_rows {
                        sheet.hidden_rows.push(r);
                    }
                    row = Some(r);
                    next_col = 0;
                }
                Token::Open { name: "c", attrs, empty } => {
                    let at = match attr(attrs, "r") {
                        Some(r) => place(&r).ok_or_else(|| SheetError::Broken(format!("ô có địa chỉ “{r}” không hợp lệ")))?,
                        None => (row.unwrap_or(0), next_col),
                    };
                    if at.0 >= max_rows {
                        return Err(SheetError::TooLong(at));
                    }
                    next_col = at.1.saturating_add(1);
                    let kind = attr(attrs, "t").unwrap_or_default().into_owned();
                    let style = attr(attrs, "s").and_then(|s| s.parse().ok()).unwrap_or(0);
                    (value, inline, formula) = (None, None, None);
                    if !empty {
                        cell = Some((at, kind, style));
                    }
                }
                Token::Open { name: name @ ("v" | "t"), empty: false, .. } => inside = name,
                Token::Open { name: "rPh", empty: false, .. } => phonetic = true,
                Token::Close { name: "rPh" } => phonetic = false,
                Token::Open { name: "is", .. } => inline = Some(String::new()),
                // A shared formula's copies are empty `<f …/>` tags pointing at the first one.
                Token::Open { name: "f", empty, .. } => {
                    formula = Some(String::new());
                    if !empty {
                        inside = "f";
                    }
                }
                Token::Open { name: "mergeCell", attrs, .. } => {
                    if let Some(range) = attr(attrs, "ref") {
                        let (a, b) = range.split_once(':').unwrap_or((&range, &range));
                        if let (Some(a), Some(b)) = (place(a), place(b)) {
                            sheet.merged.push((a, b));
                        }
                    }
                }
                Token::Text(s) => match inside {
                    "v" => value.get_or_insert_default().push_str(&s),
                    "f" => formula.get_or_insert_default().push_str(&s),
                    "t" if !phonetic => {
                        if let Some(i) = inline.as_mut() {
                            i.push_str(&s);
                        }
                    }
                    _ => {}
                },
                Token::Close { name: "c" } => {
                    if let Some((at, kind, style)) = cell.take() {
                        if at.1 <= last_col {
                            if let Some(f) = formula.take() {
                                sheet.formulas.push((at, f));
                            }
                            let d = self.value(&kind, style, value.take(), inline.take()).map_err(SheetError::Broken)?;
                            if d != Data::Empty {
                                sheet.cells.insert(at, d);
                            }
                        }
                    }
                }
                Token::Close { name: "v" | "t" | "f" } => inside = "",
                _ => {}
            }
        }
        Ok(sheet)
    }

    fn value(&self, kind: &str, style: usize, v: Option<String>, inline: Option<String>) -> Result<Data, String> {
        let number = |v: &str| v.trim().parse::<f64>().map_err(|_| format!("ô số có giá trị “{v}” không đọc được"));
        Ok(match (kind, v) {
            ("inlineStr", _) => inline.map_or(Data::Empty, Data::Text),
            (_, None) => Data::Empty,
            ("s", Some(v)) => {
                let i: usize = v.trim().parse().map_err(|_| format!("chỉ số chuỗi “{v}” không hợp lệ"))?;
                Data::Text(self.strings.get(i).cloned().ok_or_else(|| format!("không có chuỗi số {i} trong sổ tính"))?)
            }
            ("str", Some(v)) => Data::Text(v),
            ("b", Some(v)) => Data::Bool(v.trim() == "1" || v.trim() == "true"),
            ("e", Some(v)) => Data::Error(v),
            ("d", Some(v)) => Data::DateIso(v),
            (_, Some(v)) => {
                let n = number(&v)?;
                if self.date_styles.get(style).copied().unwrap_or(false) {
                    Data::Date(n)
                } else {
                    Data::Number(n)
                }
            }
        })
    }
}

/// `C12` → (11, 2).
fn place(name: &str) -> Option<Cell> {
    let split = name.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = name.split_at(split);
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let col = letters.bytes().try_fold(0u32, |acc, b| b.is_ascii_uppercase().then(|| acc * 26 + u32::from(b - b'A' + 1)))?;
    let row: u32 = digits.parse().ok()?;
    Some((row.checked_sub(1)?, u16::try_from(col - 1).ok()?))
}

/// The strings cells of type `s` index: each `<si>`'s text, its phonetic runs left out.
fn shared_strings(xml: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    let (mut in_t, mut in_phonetic) = (false, false);
    for t in tokens(xml) {
        match t? {
            Token::Open { name: "si", empty, .. } => {
                if empty {
                    out.push(String::new());
                } else {
                    current = Some(String::new());
                }
            }
            Token::Close { name: "si" } => out.extend(current.take()),
            Token::Open { name: "rPh", empty: false, .. } => in_phonetic = true,
            Token::Close { name: "rPh" } => in_phonetic = false,
            Token::Open { name: "t", empty: false, .. } => in_t = true,
            Token::Close { name: "t" } => in_t = false,
            Token::Text(s) if in_t && !in_phonetic => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&s);
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// For each cell style (`cellXfs`), whether its number format shows a date.
fn date_styles(xml: &str) -> Result<Vec<bool>, String> {
    let mut custom: BTreeMap<u32, bool> = BTreeMap::new();
    let mut out = Vec::new();
    let mut in_cell_xfs = false;
    for t in tokens(xml) {
        match t? {
            Token::Open { name: "numFmt", attrs, .. } => {
                if let (Some(id), Some(code)) = (attr(attrs, "numFmtId").and_then(|i| i.parse().ok()), attr(attrs, "formatCode")) {
                    custom.insert(id, is_date_format(&code));
                }
            }
            Token::Open { name: "cellXfs", empty, .. } => in_cell_xfs = !empty,
            Token::Close { name: "cellXfs" } => in_cell_xfs = false,
            Token::Open { name: "xf", attrs, .. } if in_cell_xfs => {
                let id: u32 = attr(attrs, "numFmtId").and_then(|i| i.parse().ok()).unwrap_or(0);
                let builtin = matches!(id, 14..=22 | 27..=36 | 45..=47 | 50..=58);
                out.push(custom.get(&id).copied().unwrap_or(builtin));
            }
            _ => {}
        }
    }
    Ok(out)
}

/// Whether a number format code shows a date or time: a d, m, y, h or s outside quoted text,
/// brackets (colours, locales) and escaped characters.
fn is_date_format(code: &str) -> bool {
    let mut chars = code.chars();
    let mut quoted = false;
    let mut bracket = false;
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            '\\' | '_' | '*' => {
                chars.next();
            }
            '[' => bracket = true,
            ']' => bracket = false,
            _ if bracket => {}
            'd' | 'D' | 'm' | 'M' | 'y' | 'Y' | 'h' | 'H' | 's' | 'S' => return !code.eq_ignore_ascii_case("general"),
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names() {
        assert_eq!(place("A1"), Some((0, 0)));
        assert_eq!(place("C12"), Some((11, 2)));
        assert_eq!(place("AA3"), Some((2, 26)));
        assert_eq!(place("XFD1048576"), Some((1_048_575, 16_383)));
        for bad in ["", "1", "A", "A0", "a1", "ABCD1", "A-1"] {
            assert_eq!(place(bad), None, "{bad}");
        }
    }

    #[test]
    fn date_formats() {
        for yes in ["dd/mm/yyyy", "d-mmm-yy", "[$-42A]dd/mm/yyyy", "h:mm", "yyyy\"năm\""] {
            assert!(is_date_format(yes), "{yes}");
        }
        for no in ["General", "0", "#,##0", "0.00E+00", "\"ngày\" 0", "[Red]0", "0\\d"] {
            assert!(!is_date_format(no), "{no}");
        }
    }

    #[test]
    fn shared_strings_join_runs_and_drop_phonetics() {
        let xml =
            "<sst><si><t>Chi bộ</t></si><si><r><t>Đảng </t></r><r><t xml:space=\"preserve\">bộ</t></r><rPh><t>x</t></rPh></si><si/></sst>";
        assert_eq!(shared_strings(xml).unwrap(), ["Chi bộ", "Đảng bộ", ""]);
    }

    #[test]
    fn a_sheet_as_other_writers_lay_it_out() {
        // Prefixed tags, cells and rows without addresses, inline strings, a shared formula's
        // copy, a boolean, an error, a date by style and by type, a hidden row past the limit.
        let xml = r#"<x:worksheet><x:sheetData>
            <x:row r="2" hidden="1"><x:c t="inlineStr"><x:is><x:t>Chi &amp; bộ</x:t><x:rPh><x:t>y</x:t></x:rPh></x:is></x:c><x:c s="1"><x:v>45000</x:v></x:c></x:row>
            <x:row><x:c r="C3"><x:f t="shared" si="0">A1+1</x:f><x:v>2</x:v></x:c><x:c r="D3"><x:f t="shared" si="0"/><x:v>3</x:v></x:c><x:c r="E3" t="b"><x:v>1</x:v></x:c></x:row>
            <x:row r="4"><x:c r="A4" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="B4" t="d"><x:v>2025-09-30T00:00:00</x:v></x:c><x:c r="C4" t="s"><x:v>0</x:v></x:c><x:c r="F4"><x:v>9</x:v></x:c></x:row>
            <x:row r="9" hidden="true"/>
            </x:sheetData><x:mergeCells><x:mergeCell ref="A6:C7"/></x:mergeCells></x:worksheet>"#;
        let strings = ["Đảng bộ".to_string()];
        let styled = Styled { strings: &strings, date_styles: &[false, true] };
        let sheet = styled.sheet(xml, 4, 1000).unwrap();
        let cells: Vec<(Cell, Data)> = sheet.cells.into_iter().collect();
        assert_eq!(
            cells,
            [
                ((1, 0), Data::Text("Chi & bộ".into())),
                ((1, 1), Data::Date(45000.0)),
                ((2, 2), Data::Number(2.0)),
                ((2, 3), Data::Number(3.0)),
                ((2, 4), Data::Bool(true)),
                ((3, 0), Data::Error("#DIV/0!".into())),
                ((3, 1), Data::DateIso("2025-09-30T00:00:00".into())),
                ((3, 2), Data::Text("Đảng bộ".into())),
            ]
        );
        assert_eq!(sheet.formulas, [((2, 2), "A1+1".to_string()), ((2, 3), String::new())]);
        assert_eq!(sheet.merged, [((5, 0), (6, 2))]);
        assert_eq!(sheet.hidden_rows, [1, 8]);
        assert_eq!(styled.sheet(xml, 4, 3).unwrap_err(), SheetError::TooLong((3, 0)));
        // A string index past the table, a number that is not one: errors, not panics.
        assert!(styled.sheet(r#"<c r="A1" t="s"><v>7</v></c>"#, 4, 10).is_err());
        assert!(styled.sheet(r#"<c r="A1"><v>x</v></c>"#, 4, 10).is_err());
        assert!(styled.sheet(r#"<c r="1A"><v>1</v></c>"#, 4, 10).is_err());
    }

    /// A workbook with every kind of cell the template can meet, written by rust_xlsxwriter.
    fn varied_workbook() -> Vec<u8> {
        use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_name("Báo cáo").unwrap();
        sheet.write_string(0, 0, "Báo cáo <năm> & \"số liệu\" — Đảng bộ").unwrap();
        sheet.write_string(1, 4, "  khoảng trắng  ").unwrap();
        sheet.write_number(2, 1, 2025.0).unwrap();
        sheet.write_number(3, 2, -1.5).unwrap();
        sheet.write_number(4, 2, 1e9).unwrap();
        let date = ExcelDateTime::from_ymd(2025, 9, 30).unwrap();
        sheet.write_datetime_with_format(5, 2, &date, &Format::new().set_num_format("dd/mm/yyyy")).unwrap();
        sheet.write_datetime_with_format(6, 2, &date, &Format::new().set_num_format_index(14)).unwrap();
        sheet.write_number_with_format(7, 2, 12.0, &Format::new().set_num_format("#,##0")).unwrap();
        sheet.write_boolean(8, 2, true).unwrap();
        sheet.write_formula(9, 2, Formula::new("=C8+1").set_result("13")).unwrap();
        sheet.write_string(10, 2, "có").unwrap();
        sheet.write_string(11, 2, "có").unwrap();
        sheet.merge_range(12, 0, 13, 1, "gộp", &Format::new()).unwrap();
        sheet.set_row_hidden(14).unwrap();
        sheet.write_number(20, 9, 5.0).unwrap();
        book.add_worksheet().set_name("Ghi chú").unwrap().set_hidden(true);
        book.save_to_buffer().unwrap()
    }

    #[test]
    fn what_calamine_sees_we_see() {
        use calamine::Reader;
        let bytes = varied_workbook();
        let book = Book::open(&bytes).unwrap();
        let mut reference = calamine::Xlsx::new(std::io::Cursor::new(&bytes)).unwrap();
        let names: Vec<(String, bool)> =
            reference.sheets_metadata().iter().map(|s| (s.name.clone(), s.visible == calamine::SheetVisible::Visible)).collect();
        assert_eq!(book.sheets.iter().map(|s| (s.name.clone(), s.visible)).collect::<Vec<_>>(), names);
        let sheet = book.sheet("Báo cáo", u16::MAX, 1000).unwrap();
        let range = reference.worksheet_range("Báo cáo").unwrap();
        let (r0, c0) = range.start().unwrap();
        let mut theirs = BTreeMap::new();
        for (r, c, d) in range.used_cells() {
            let d = match d {
                calamine::Data::Float(f) => Data::Number(*f),
                calamine::Data::Int(i) => Data::Number(*i as f64),
                calamine::Data::String(s) => Data::Text(s.clone()),
                calamine::Data::Bool(b) => Data::Bool(*b),
                calamine::Data::DateTime(x) => Data::Date(x.as_f64()),
                calamine::Data::DateTimeIso(s) => Data::DateIso(s.clone()),
                other => panic!("{other:?}"),
            };
            theirs.insert((r as u32 + r0, (c as u32 + c0) as u16), d);
        }
        assert_eq!(sheet.cells, theirs);
        assert!(sheet.cells.len() >= 12);
        let formulas = reference.worksheet_formula("Báo cáo").unwrap();
        let (f0, g0) = formulas.start().unwrap();
        let theirs: Vec<(Cell, String)> = formulas
            .used_cells()
            .filter(|(_, _, f)| !f.is_empty())
            .map(|(r, c, f)| ((r as u32 + f0, (c as u32 + g0) as u16), f.clone()))
            .collect();
        assert_eq!(sheet.formulas, theirs);
        let merged: Vec<(Cell, Cell)> = reference
            .merge_cells_by_sheet_name("Báo cáo")
            .unwrap()
            .iter()
            .map(|m| ((m.start.0, m.start.1 as u16), (m.end.0, m.end.1 as u16)))
            .collect();
        assert_eq!(sheet.merged, merged);
        assert_eq!(sheet.hidden_rows, [14]);
        // Columns past the last kept are not read; rows past the limit stop the reading.
        assert!(!book.sheet("Báo cáo", 4, 1000).unwrap().cells.contains_key(&(20, 9)));
        assert_eq!(book.sheet("Báo cáo", 20, 20).unwrap_err(), SheetError::TooLong((20, 9)));
    }

    #[test]
    fn every_cut_of_a_workbook_is_an_error_not_a_panic() {
        let bytes = varied_workbook();
        for cut in (0..bytes.len()).step_by(97) {
            if let Ok(book) = Book::open(&bytes[..cut]) {
                let _ = book.sheet("Báo cáo", 4, 1000);
            }
        }
        let mut flipped = bytes.clone();
        for i in (0..flipped.len()).step_by(131) {
            flipped[i] ^= 0x5A;
            if let Ok(book) = Book::open(&flipped) {
                let _ = book.sheet("Báo cáo", 4, 1000);
            }
            flipped[i] ^= 0x5A;
        }
    }
}
