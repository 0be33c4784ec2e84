//! Each year's statistical forms as one Excel workbook (`/du-lieu/bieu-thong-ke-<year>.xlsx`),
//! shaped like the forms Ban Tổ chức staff exchange: a header block with the committee, the
//! form and the period, two heading rows (scope over kỳ này | cùng kỳ | so sánh), one sheet per
//! form. Read from the same tables as the page and the CSV (`app::components::form_tables`),
//! so the three cannot disagree; counts are stored as numbers, hidden cells as their marker.

use super::Files;
use app::model::Dataset;
use app::privacy::Disclosure;
use app::stats::{FormsOverview, Scope, FORMS};
use app::table::{Cell, Table};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

pub fn add(files: &mut Files, data: &Dataset, forms: &FormsOverview, disclosure: &Disclosure) -> Result<(), String> {
    for y in &forms.years {
        let tables = app::components::form_tables(y, forms.year(y.year - 1), disclosure);
        if tables.is_empty() {
            continue;
        }
        let bytes = workbook(data, y.year, y.as_of, &tables).map_err(|e| format!("sổ tính năm {}: {e}", y.year))?;
        let path = app::routes::xlsx(&app::routes::tables::workbook(y.year));
        files.insert(path.trim_start_matches('/').to_string(), bytes);
    }
    Ok(())
}

fn workbook(data: &Dataset, year: i32, as_of: Option<chrono::NaiveDate>, tables: &[Table]) -> Result<Vec<u8>, XlsxError> {
    use chrono::Datelike;
    let mut book = Workbook::new();
    // A fixed date (the data's), so the same data gives the same bytes.
    let date = as_of.unwrap_or_else(|| chrono::NaiveDate::from_ymd_opt(year, 12, 31).expect("a valid date"));
    let created = ExcelDateTime::from_ymd(date.year() as u16, date.month() as u8, date.day() as u8)?;
    book.set_properties(
        &DocProperties::new()
            .set_title(format!("Biểu thống kê năm {year}"))
            .set_company(&data.khoi.name)
            .set_author(&data.site.title)
            .set_creation_datetime(&created),
    );
    let period = match as_of {
        Some(d) => format!("Năm {year}, số liệu đến ngày {}", app::format::date(d)),
        None => format!("Năm {year}"),
    };
    let styles = Styles::new();
    for table in tables {
        let form = FORMS.iter().find(|f| table.name.as_deref() == Some(&app::routes::tables::form(f.key, year))).expect("a form's table");
        let sheet = book.add_worksheet();
        sheet.set_name(if form.number == "6" { "Xếp loại".to_string() } else { format!("Biểu {}", form.number) })?;
        sheet_of(sheet, data, form.number, form.title, &period, table, &styles)?;
    }
    book.save_to_buffer()
}

struct Styles {
    title: Format,
    bold: Format,
    heading: Format,
    label: Format,
    sub_label: Format,
    number: Format,
    percent: Format,
    text: Format,
}

impl Styles {
    fn new() -> Styles {
        let cell = Format::new().set_border(FormatBorder::Thin);
        Styles {
            title: Format::new().set_bold().set_font_size(13).set_align(FormatAlign::Center),
            bold: Format::new().set_bold(),
            heading: cell.clone().set_bold().set_text_wrap().set_align(FormatAlign::Center).set_align(FormatAlign::VerticalCenter),
            label: cell.clone().set_text_wrap(),
            sub_label: cell.clone().set_text_wrap().set_indent(2),
            number: cell.clone().set_num_format("#,##0"),
            percent: cell.clone().set_num_format("0.0"),
            text: cell.set_align(FormatAlign::Right),
        }
    }
}

const HEADER_ROWS: u32 = 6;

fn sheet_of(
    sheet: &mut Worksheet,
    data: &Dataset,
    number: &str,
    title: &str,
    period: &str,
    table: &Table,
    s: &Styles,
) -> Result<(), XlsxError> {
    let last_col = 1 + 3 * Scope::ALL.len() as u16;
    sheet.write_string_with_format(0, 0, data.khoi.name.to_uppercase(), &s.bold)?;
    sheet.write_string_with_format(0, last_col - 2, format!("Biểu số {number}"), &s.bold)?;
    sheet.merge_range(2, 0, 2, last_col, &title.to_uppercase(), &s.title)?;
    sheet.merge_range(3, 0, 3, last_col, period, &Format::new().set_align(FormatAlign::Center))?;
    // Two heading rows: the scope over its three columns.
    let top = HEADER_ROWS - 2;
    sheet.merge_range(top, 0, top + 1, 0, "STT", &s.heading)?;
    sheet.merge_range(top, 1, top + 1, 1, "Chỉ tiêu thống kê", &s.heading)?;
    for (i, scope) in Scope::ALL.iter().enumerate() {
        let c = 2 + 3 * i as u16;
        sheet.merge_range(top, c, top, c + 2, scope.name(), &s.heading)?;
        let previous = if period.contains("đến ngày") { "Năm trước (cả năm)" } else { "Cùng kỳ năm trước" };
        for (j, h) in ["Kỳ này", previous, "Kỳ này so với cùng kỳ (%)"].iter().enumerate() {
            sheet.write_string_with_format(top + 1, c + j as u16, *h, &s.heading)?;
        }
    }
    sheet.set_column_width(0, 5)?;
    sheet.set_column_width(1, 46)?;
    for c in 2..=last_col {
        sheet.set_column_width(c, 12)?;
    }
    sheet.set_row_height(top + 1, 45)?;
    for (i, row) in table.rows.iter().enumerate() {
        let r = HEADER_ROWS + i as u32;
        sheet.write_number_with_format(r, 0, (i + 1) as f64, &s.number)?;
        let label = if row.class == Some("sub") { &s.sub_label } else { &s.label };
        sheet.write_string_with_format(r, 1, row.head.text(), label)?;
        for (j, cell) in row.cells.iter().enumerate() {
            let c = 2 + j as u16;
            match cell {
                Cell::Member(p) => match p.value() {
                    Some(v) => sheet.write_number_with_format(r, c, v as f64, &s.number)?,
                    None => sheet.write_string_with_format(r, c, p.text(), &s.text)?,
                },
                Cell::Count(v) => sheet.write_number_with_format(r, c, *v as f64, &s.number)?,
                // The percentage as the page rounds it (one decimal), stored as a number.
                Cell::Percent(ratio) => match app::format::tenths(ratio.num.saturating_mul(100), ratio.den) {
                    Some(t) => sheet.write_number_with_format(r, c, t as f64 / 10.0, &s.percent)?,
                    None => sheet.write_string_with_format(r, c, "—", &s.text)?,
                },
                other => sheet.write_string_with_format(r, c, other.text(), &s.text)?,
            };
        }
    }
    let foot = HEADER_ROWS + table.rows.len() as u32 + 1;
    sheet.write_string(foot, 0, format!("Nguồn: báo cáo năm của các tổ chức cơ sở đảng trực thuộc {}. “<k”, “ẩn”, “—”: số nhỏ không công bố để bảo vệ thông tin cá nhân.", data.khoi.name))?;
    sheet.set_freeze_panes(HEADER_ROWS, 2)?;
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_print_fit_to_pages(1, 0);
    Ok(())
}
