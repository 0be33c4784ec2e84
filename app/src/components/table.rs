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

/// `children` are the table's `<tbody>` (and `<tfoot>`, if any).
#[component]
pub fn DataTable(#[prop(into)] caption: String, columns: Vec<Column>, children: Children) -> impl IntoView {
    // One string for the headings: the app's download carries no view code per heading.
    let headings: String = columns
        .iter()
        .map(|c| format!("<th scope=\"col\"{}>{}</th>", if c.numeric { " class=\"num\"" } else { "" }, crate::chart::escape(&c.label)))
        .collect();
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
