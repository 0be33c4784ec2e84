use super::admissions::YearFigures;
use super::quota::YearSelect;
use crate::stats::QuotaOverview;
use leptos::prelude::*;

/// The interactive quota view: choosing a year redraws the figure with the same chart code.
/// `on_year` lets the platform keep the choice (the URL query in the browser).
#[component]
pub fn QuotaExplorer(
    overview: QuotaOverview,
    initial_year: i32,
    #[prop(into)] on_year: Callback<i32>,
) -> impl IntoView {
    let years: Vec<i32> = overview.years.iter().map(|y| y.year).collect();
    let (year, set_year) = signal(initial_year);
    let overview = StoredValue::new(overview);
    let on_change = Callback::new(move |y: i32| {
        set_year.set(y);
        on_year.run(y);
    });
    view! {
        <YearSelect years=years selected=initial_year on_change=on_change />
        {move || {
            overview
                .with_value(|o| o.year(year.get()).cloned())
                .map(|data| view! { <YearFigures data=data /> })
        }}
    }
}
