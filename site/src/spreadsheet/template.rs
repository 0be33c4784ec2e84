//! `site template`: one workbook per organization for a year, to send to its secretary. Built
//! from the schema through [`layout`]: Vietnamese labels, the organization and year filled in,
//! last year's end-of-year counts already in this year's start, a validation on every input
//! (whole numbers ≥ 0, yes/no and grade lists, dates), input cells unlocked and the rest
//! protected, and a "Kiểm tra" column whose formulas show the balance and the sums as the
//! secretary types. With `--filled`, the report already in the data folder is written into the
//! inputs, to send back for correction.

use super::layout::{self, Entry, COL_CHECK, COL_KEY, COL_LABEL, COL_SECTION, COL_VALUE, FIRST_ROW, HEADINGS_ROW, SHEET};
use crate::load::Loaded;
use crate::new_report::{start_of, Start};
use app::model::{Grade, Organization, Report};
use app::schema::relations::{Rule, RELATIONS};
use app::schema::{Field, Kind, Value};
use rust_xlsxwriter::{
    DataValidation, DataValidationRule, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};
use std::collections::BTreeMap;

/// The workbook of `org` for `year`, with `report`'s values in the inputs when given.
pub fn workbook(loaded: &Loaded, org: &Organization, year: i32, report: Option<&Report>) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // The date of the year's start, fixed: the same data gives the same bytes.
    let created = ExcelDateTime::from_ymd(year as u16, 1, 1)?;
    book.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_title(format!("Báo cáo số liệu năm {year} — {}", org.code))
            .set_creation_datetime(&created),
    );
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET)?;
    fill(sheet, loaded, org, year, report)?;
    book.save_to_buffer()
}

/// The file name of a template: `CQ01-2026.xlsx`.
pub fn file_name(org: &Organization, year: i32) -> String {
    format!("{}-{year}.xlsx", org.code)
}

/// What a report holds for one row of the sheet.
enum Typed {
    Number(u32),
    Text(String),
    Date(chrono::NaiveDate),
}

fn typed(report: &Report, e: &Entry) -> Option<Typed> {
    Some(match (e.field.get(report)?, e.index) {
        (Value::Count(n), None) => Typed::Number(n),
        (Value::List(l), Some(i)) => Typed::Number(*l.get(i)?),
        (Value::Bool(b), None) => Typed::Text(if b { layout::YES } else { layout::NO }.to_string()),
        (Value::Grade(g), None) => Typed::Text(g.name().to_string()),
        (Value::Date(d), None) => Typed::Date(d),
        (Value::Text(t), None) => Typed::Text(t),
        _ => return None,
    })
}

fn excel_date(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

fn fill(sheet: &mut Worksheet, loaded: &Loaded, org: &Organization, year: i32, report: Option<&Report>) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let input = Format::new().set_unlocked().set_border(FormatBorder::Thin).set_background_color("#FFF8DC");
    let input_date = input.clone().set_num_format("dd/mm/yyyy");
    let heading = Format::new().set_bold().set_border(FormatBorder::Thin).set_text_wrap().set_align(FormatAlign::Center);
    let label = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
    let key = Format::new().set_font_color("#808080").set_font_size(8);
    let check = Format::new().set_border(FormatBorder::Thin).set_font_color("#1F5F1F");

    sheet.write_string_with_format(layout::TITLE.0, layout::TITLE.1, format!("BÁO CÁO SỐ LIỆU NĂM {year}"), &bold)?;
    sheet.write_string(
        layout::NAME.0,
        layout::NAME.1,
        format!("{} — {}", org.name, loaded.khoi.as_ref().map_or("", |k| k.name.as_str())),
    )?;
    sheet.write_string(layout::CODE.0, 0, "Mã đơn vị")?;
    sheet.write_string_with_format(layout::CODE.0, layout::CODE.1, org.code.as_str(), &bold)?;
    sheet.write_string(layout::YEAR.0, 0, "Năm báo cáo")?;
    sheet.write_number_with_format(layout::YEAR.0, layout::YEAR.1, f64::from(year), &bold)?;
    sheet.write_string(layout::AS_OF.0, 0, "Ngày số liệu (chỉ ghi khi năm chưa kết thúc)")?;
    match report.and_then(|r| r.as_of) {
        Some(d) => sheet.write_datetime_with_format(layout::AS_OF.0, layout::AS_OF.1, &excel_date(d)?, &input_date)?,
        None => sheet.write_blank(layout::AS_OF.0, layout::AS_OF.1, &input_date)?,
    };
    let first = ExcelDateTime::from_ymd(year as u16, 1, 1)?;
    let last = ExcelDateTime::from_ymd(year as u16, 12, 31)?;
    sheet.add_data_validation(
        layout::AS_OF.0,
        layout::AS_OF.1,
        layout::AS_OF.0,
        layout::AS_OF.1,
        &DataValidation::new()
            .allow_date(DataValidationRule::Between(first.clone(), last))
            .set_error_message(format!("Ngày trong năm {year}, dạng ngày/tháng/năm."))?,
    )?;
    for (col, text) in
        [(COL_SECTION, "Mục"), (COL_LABEL, "Chỉ tiêu"), (COL_VALUE, "Số liệu"), (COL_CHECK, "Kiểm tra"), (COL_KEY, "Khóa (không sửa)")]
    {
        sheet.write_string_with_format(HEADINGS_ROW, col, text, &heading)?;
    }
    sheet.set_column_width(COL_SECTION, 28)?;
    sheet.set_column_width(COL_LABEL, 48)?;
    sheet.set_column_width(COL_VALUE, 14)?;
    sheet.set_column_width(COL_CHECK, 30)?;
    sheet.set_column_width(COL_KEY, 34)?;

    let entries = layout::entries(&org.level);
    let row_of: BTreeMap<String, u32> = entries.iter().enumerate().map(|(i, e)| (e.key.clone(), FIRST_ROW + i as u32)).collect();
    let start = match start_of(loaded, &org.code, year) {
        Start::PreviousEnd { stock, .. } => Some(stock),
        _ => None,
    };
    let whole_number = DataValidation::new()
        .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
        .set_error_message("Ghi một số nguyên không âm (0, 1, 2…).")?;
    let yes_no = DataValidation::new().allow_list_strings(&[layout::YES, layout::NO])?;
    let grades: Vec<&str> = Grade::ALL.iter().map(|g| g.name()).collect();
    let grade = DataValidation::new().allow_list_strings(&grades)?;
    let date = DataValidation::new().allow_date(DataValidationRule::GreaterThanOrEqualTo(first));
    let mut previous_section = "";
    for (i, e) in entries.iter().enumerate() {
        let row = FIRST_ROW + i as u32;
        if e.section != previous_section {
            sheet.write_string_with_format(row, COL_SECTION, e.section, &label)?;
            previous_section = e.section;
        } else {
            sheet.write_blank(row, COL_SECTION, &label)?;
        }
        sheet.write_string_with_format(row, COL_LABEL, &e.label, &label)?;
        sheet.write_string_with_format(row, COL_KEY, &e.key, &key)?;
        let spec = e.field.spec();
        let prefilled = match (report, e.field, start) {
            (Some(r), _, _) => typed(r, e),
            (None, Field::StartFull, Some(s)) => Some(Typed::Number(s.full)),
            (None, Field::StartProbationary, Some(s)) => Some(Typed::Number(s.probationary)),
            _ => None,
        };
        match prefilled {
            Some(Typed::Number(n)) => sheet.write_number_with_format(row, COL_VALUE, f64::from(n), &input)?,
            Some(Typed::Text(t)) => sheet.write_string_with_format(row, COL_VALUE, t, &input)?,
            Some(Typed::Date(d)) => sheet.write_datetime_with_format(row, COL_VALUE, &excel_date(d)?, &input_date)?,
            None if spec.kind == Kind::Date => sheet.write_blank(row, COL_VALUE, &input_date)?,
            None => sheet.write_blank(row, COL_VALUE, &input)?,
        };
        let validation = match spec.kind {
            Kind::Count | Kind::Months | Kind::Quarters => Some(&whole_number),
            Kind::Bool => Some(&yes_no),
            Kind::Grade => Some(&grade),
            Kind::Date => Some(&date),
            _ => None,
        };
        if let Some(v) = validation {
            sheet.add_data_validation(row, COL_VALUE, row, COL_VALUE, v)?;
        }
        if let Some(formula) = check_formula(e, &row_of) {
            sheet.write_formula_with_format(row, COL_CHECK, formula.as_str(), &check)?;
        } else {
            sheet.write_blank(row, COL_CHECK, &check)?;
        }
    }
    sheet.set_freeze_panes(FIRST_ROW, 0)?;
    sheet.protect();
    Ok(())
}

/// The live check shown beside an entry, as a formula: the balance beside the end of the year,
/// the months' sum beside the first month, each breakdown's sum beside its first part, the
/// ratings' sum beside grade 1.
fn check_formula(e: &Entry, row_of: &BTreeMap<String, u32>) -> Option<String> {
    let cell = |f: Field| row_of.get(&f.path()).map(|r| layout::name((*r, COL_VALUE)));
    let sum = |fields: &[Field]| -> Option<String> {
        fields.iter().map(|&f| cell(f)).collect::<Option<Vec<_>>>().map(|c| format!("({})", c.join("+")))
    };
    // Blank cells count as 0: an empty part reads "✓", a prefilled start unbalanced until the
    // year is filled in.
    let verdict = |got: String, want: String, what: &str| format!("=IF({got}={want},\"✓ khớp\",\"✗ {what}: \"&{got}&\" ≠ \"&{want})");
    use Field::*;
    match (e.field, e.index) {
        (EndFull, None) => {
            let start = sum(&[StartFull, StartProbationary])?;
            let up = sum(&[Admitted, TransferredIn])?;
            let restored = cell(Restored).map_or(String::new(), |c| format!("+N({c})"));
            let down = sum(&[TransferredOut, StruckOff, Expelled, Removed, Deceased, ProbationFailed])?;
            let end = sum(&[EndFull, EndProbationary])?;
            Some(verdict(format!("({start}+{up}{restored}-{down})"), end, "cân đối đầu năm + tăng − giảm"))
        }
        (MonthlyAdmissions, Some(0)) => {
            let first = row_of.get(&format!("{}[1]", MonthlyAdmissions.path()))?;
            let months = format!("SUM({}:{})", layout::name((*first, COL_VALUE)), layout::name((first + 11, COL_VALUE)));
            Some(verdict(months, cell(Admitted)?, "tổng các tháng"))
        }
        (MembersExcellent, None) => {
            let rated =
                sum(&[MembersExcellent, MembersGood, MembersCompleted, MembersFailed, NotRatedNew, NotRatedExempted, NotRatedSuspended])?;
            Some(verdict(rated, sum(&[EndFull, EndProbationary])?, "xếp loại + không xếp loại"))
        }
        (f, None) => {
            let rel = RELATIONS.iter().find(|r| r.rule == Rule::SumEquals && r.parts.first() == Some(&f))?;
            Some(verdict(sum(rel.parts)?, sum(rel.whole)?, rel.parts_name))
        }
        _ => None,
    }
}
