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
    #[prop(optional_no_strip)] source: Option<String>,
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
    /// Whether the build's image of this figure shows what the page shows: the app passes
    /// false once a filter has changed the chart (the image is the page's first view).
    #[prop(default = true)]
    image: bool,
    /// Whether the image is offered as PNG besides SVG (PNGs are drawn only where a page's link
    /// preview or a leader's forwarding needs them: see `images::Png`).
    #[prop(default = true)]
    png: bool,
    children: Children,
) -> impl IntoView {
    let drawn = !svg.is_empty();
    let image = image && drawn;
    #[cfg(feature = "ssr")]
    let png = image && images::record(id, &title, &svg, source.as_deref(), png);
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
            {drawn.then(|| image_links(id, image, png))}
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

/// The figure as an image (PNG and SVG, with its title, source and date drawn in: the site
/// renders them beside the page, named by the figure's id), when the image shows what the page
/// shows; and "Chia sẻ", the link to this figure in the current view, which the site's small
/// script shows where the browser can share or copy a link (a button that does nothing without
/// script would only confuse).
fn image_links(id: &'static str, image: bool, png: bool) -> impl IntoView {
    // Markup as text: the ids are the components' own constants, and a typed view of optional
    // links costs the app's download more than this.
    let link = |ext: &str, label: &str| format!("<a href=\"{}\" download=\"\">{label}</a>", crate::routes::figure_image(id, ext));
    let files = match (image, png) {
        (false, _) => String::new(),
        (true, true) => format!("Tải ảnh: {} · {} ", link("png", "PNG"), link("svg", "SVG")),
        (true, false) => format!("Tải ảnh: {} ", link("svg", "SVG")),
    };
    let html = format!("{files}<button type=\"button\" class=\"share-button\" data-share=\"{id}\">Chia sẻ</button>");
    view! { <p class="image-links" inner_html=html></p> }
}

/// The figures a page renders, collected while the site renders it (`images::collect`), so the
/// site can draw each one as an image beside the page without the components knowing of files.
#[cfg(feature = "ssr")]
pub mod images {
    use std::cell::RefCell;

    /// What a figure's image shows.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct FigureSource {
        /// The figure's id: unique within its page, the image's file stem.
        pub id: &'static str,
        pub title: String,
        /// The chart as the page has it (`chart::svg::accessible`).
        pub svg: String,
        pub source: Option<String>,
        /// Drawn as PNG too, not only SVG.
        pub png: bool,
    }

    /// Which of a page's figures get a PNG. Rasterizing is most of a build's work: at a
    /// province's size (thousands of organization pages) a PNG for every figure would take
    /// minutes, so an organization's page draws one for its main figure only, the one its link
    /// preview shows; the Khối's pages, which leaders forward, draw one for every figure.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Png {
        Every,
        MainOnly,
    }

    thread_local! {
        static FIGURES: RefCell<Option<(Png, Vec<FigureSource>)>> = const { RefCell::new(None) };
    }

    /// Runs `render` and returns what it rendered with the figures it built, in page order.
    /// Rendering is synchronous, so every figure of the page is built on this thread.
    pub fn collect<T>(png: Png, render: impl FnOnce() -> T) -> (T, Vec<FigureSource>) {
        let outer = FIGURES.with(|f| f.borrow_mut().replace((png, Vec::new())));
        let out = render();
        let figures = FIGURES.with(|f| std::mem::replace(&mut *f.borrow_mut(), outer)).map(|(_, list)| list).unwrap_or_default();
        (out, figures)
    }

    /// The id of the first figure recorded so far on this page: its main figure, whose image
    /// previews the page's link (the page shell asks once the content is built).
    pub fn first_id() -> Option<&'static str> {
        FIGURES.with(|f| f.borrow().as_ref().and_then(|(_, list)| list.first().map(|fig| fig.id)))
    }

    /// Records a figure to draw beside its page; says whether it gets a PNG (`wanted`, and the
    /// page's [`Png`]). Outside `collect`, nothing is drawn and the PNG is as wanted.
    pub(super) fn record(id: &'static str, title: &str, svg: &str, source: Option<&str>, wanted: bool) -> bool {
        FIGURES.with(|f| match f.borrow_mut().as_mut() {
            Some((policy, list)) => {
                let png = wanted && (*policy == Png::Every || list.is_empty());
                list.push(FigureSource { id, title: title.to_string(), svg: svg.to_string(), source: source.map(str::to_string), png });
                png
            }
            None => wanted,
        })
    }
}
