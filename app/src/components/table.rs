//! The data table under every chart and on the organization pages: a caption, one row of column
//! headings (numbers right-aligned), then the caller's body.

use leptos::prelude::*;

/// A column heading; numeric columns are right-aligned (`class="num"`), like their cells.
pub struct Column {
    label: String,
    numeric: bool,
}

impl Column {
    pub fn text(label: impl Into<String>) -> Column {
        Column { label: label.into(), numeric: false }
    }

    pub fn num(label: impl Into<String>) -> Column {
        Column { label: label.into(), numeric: true }
    }
}

/// One string for the headings: the app's download carries no view code per heading.
fn headings<'a>(columns: impl Iterator<Item = (&'a str, bool)>) -> String {
    columns
        .map(|(label, numeric)| {
            format!("<th scope=\"col\"{}>{}</th>", if numeric { " class=\"num\"" } else { "" }, crate::chart::escape(label))
        })
        .collect()
}

/// A published table ([`crate::table::Table`]): its caption, headings and rows, all read from
/// the one value the CSV and JSON files are read from too.
#[component]
pub fn TableView(
    table: crate::table::Table,
    /// The body when the caller keeps it across redraws (the app's quota table).
    #[prop(optional_no_strip)]
    rows: Option<String>,
) -> impl IntoView {
    let headings = headings(table.columns.iter().map(|c| (c.heading.as_ref(), c.numeric)));
    let rows = rows.unwrap_or_else(|| table.html_rows());
    let foot = (!table.foot.is_empty()).then(|| {
        let foot = crate::table::html_rows(&table.columns, &table.foot);
        view! { <tfoot inner_html=foot></tfoot> }
    });
    view! {
        <table class="data-table">
            <caption>{table.caption}</caption>
            <thead>
                <tr inner_html=headings></tr>
            </thead>
            <tbody inner_html=rows></tbody>
            {foot}
        </table>
    }
}

/// `children` are the table's `<tbody>` (and `<tfoot>`, if any).
#[component]
pub fn DataTable(#[prop(into)] caption: String, columns: Vec<Column>, children: Children) -> impl IntoView {
    let headings = headings(columns.iter().map(|c| (c.label.as_str(), c.numeric)));
    view! {
        <table class="data-table">
            <caption>{caption}</caption>
            <thead>
                <tr inner_html=headings></tr>
            </thead>
            {children()}
        </table>
    }
}
