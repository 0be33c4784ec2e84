use leptos::prelude::*;

/// The frame every chart stands in: caption, the SVG, a one-sentence summary, the source,
/// download links, then the data table (the chart's text alternative, and what prints).
#[component]
pub fn Figure(
    /// Unique within the page; the caption's id is derived from it.
    id: &'static str,
    title: String,
    svg: String,
    summary: String,
    #[prop(optional)] source: Option<String>,
    /// File stem under `/du-lieu/` of the table behind the chart.
    #[prop(optional)]
    table_name: Option<String>,
    children: Children,
) -> impl IntoView {
    let caption_id = format!("{id}-caption");
    let labelled_by = caption_id.clone();
    view! {
        <figure class="chart-figure" id=id aria-labelledby=labelled_by>
            <figcaption id=caption_id>{title}</figcaption>
            <div class="chart" inner_html=svg></div>
            <p class="chart-summary">{summary}</p>
            {source.map(|s| view! { <p class="chart-source">{s}</p> })}
            {table_name.map(|stem| super::quota::downloads(&stem))}
            <div class="table-wrap">{children()}</div>
        </figure>
    }
}
