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
    /// The app's chart/table switch; the static page shows both.
    #[prop(optional)]
    hide_chart: bool,
    #[prop(optional)] hide_table: bool,
    /// Called with the text of the chart's hit area (`data-hit`) under a tap or click: the
    /// same text a mouse shows on hover.
    #[prop(optional_no_strip)]
    on_tip: Option<Callback<String>>,
    /// Under the chart, e.g. that it draws only some of the table's rows.
    #[prop(optional_no_strip)]
    chart_note: Option<AnyView>,
    children: Children,
) -> impl IntoView {
    let caption_id = format!("{id}-caption");
    let labelled_by = caption_id.clone();
    let table_label = caption_id.clone();
    view! {
        <figure class="chart-figure" id=id aria-labelledby=labelled_by>
            <figcaption id=caption_id>{title}</figcaption>
            <div class="chart" hidden=hide_chart inner_html=svg on:click=move |ev| {
                if let (Some(cb), Some(text)) = (on_tip, tapped_text(&ev)) {
                    cb.run(text);
                }
            }></div>
            {chart_note}
            <p class="chart-summary">{summary}</p>
            {source.map(|s| view! { <p class="chart-source">{s}</p> })}
            {table_name.map(|stem| super::quota::downloads(&stem))}
            // Focusable so keyboard users can scroll a wide table on a phone.
            <div class="table-wrap" hidden=hide_table tabindex="0" role="region" aria-labelledby=table_label>{children()}</div>
        </figure>
    }
}

/// The text of the hit area under a tap or click (its `<title>`; see `chart::svg::HitArea`).
fn tapped_text(ev: &leptos::ev::MouseEvent) -> Option<String> {
    use leptos::wasm_bindgen::JsCast;
    let target = ev.target()?.dyn_into::<leptos::web_sys::Element>().ok()?;
    target.closest("[data-hit]").ok()??.text_content().filter(|t| !t.is_empty())
}
