//! The interactive dashboard of admission quotas: year, kind, level and lagging-only filters, a
//! comparison year, chart or table, and a tap tooltip with exact figures. Every change redraws
//! with the same components and chart code as the static page, and is reported through
//! `on_change` so the platform can keep it (the URL query and the device's storage).

use super::admissions::CumulativeFigure;
use super::quota::QuotaFigure;
use crate::chart::{quota_row_text, QUOTA_CHART_ROWS};
use crate::stats::{QuotaFilter, QuotaOverview};
use crate::view_state::{Display, ViewState};
use leptos::prelude::*;

/// The filter bar. Disabled in the static page (filtering needs the app); the app passes
/// `on_change` and the bar comes alive with the same markup, so nothing shifts.
#[component]
pub fn Controls(years: Vec<i32>, state: ViewState, year: i32, #[prop(optional)] on_change: Option<Callback<ViewState>>) -> impl IntoView {
    let disabled = on_change.is_none();
    let emit = move |next: ViewState| {
        if let Some(cb) = on_change {
            cb.run(next);
        }
    };
    let option = |value: String, label: String, selected: bool| view! { <option value=value selected=selected>{label}</option> };
    let year_options = years.iter().rev().map(|&y| option(y.to_string(), y.to_string(), y == year)).collect_view();
    let compare_options = std::iter::once(option(String::new(), "Không".into(), state.compare.is_none()))
        .chain(years.iter().rev().filter(|&&y| y != year).map(|&y| option(y.to_string(), y.to_string(), state.compare == Some(y))))
        .collect_view();
    let tri = |v: Option<bool>| match v {
        None => "",
        Some(true) => "1",
        Some(false) => "0",
    };
    let parse_tri = |s: &str| match s {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    };
    let kind = tri(state.filter.enterprise);
    let level = tri(state.filter.committee);
    let pressed = |d: Display| if state.display == d { "true" } else { "false" };
    view! {
        <div class="controls" role="group" aria-label="Bộ lọc số liệu">
            <label class="control" for="chon-nam">
                <span>"Năm"</span>
                <select id="chon-nam" name="nam" disabled=disabled on:change=move |ev| {
                    if let Ok(y) = event_target_value(&ev).parse::<i32>() {
                        // A comparison with the year itself means nothing: drop it.
                        let compare = state.compare.filter(|&c| c != y);
                        emit(ViewState { year: Some(y), compare, ..state });
                    }
                }>{year_options}</select>
            </label>
            <label class="control" for="chon-loai">
                <span>"Loại hình"</span>
                <select id="chon-loai" name="loai" disabled=disabled on:change=move |ev| {
                    let enterprise = parse_tri(&event_target_value(&ev));
                    emit(ViewState { filter: QuotaFilter { enterprise, ..state.filter }, ..state });
                }>
                    {option(String::new(), "Tất cả".into(), kind.is_empty())}
                    {option("0".into(), "Cơ quan".into(), kind == "0")}
                    {option("1".into(), "Doanh nghiệp".into(), kind == "1")}
                </select>
            </label>
            <label class="control" for="chon-cap">
                <span>"Cấp"</span>
                <select id="chon-cap" name="cap" disabled=disabled on:change=move |ev| {
                    let committee = parse_tri(&event_target_value(&ev));
                    emit(ViewState { filter: QuotaFilter { committee, ..state.filter }, ..state });
                }>
                    {option(String::new(), "Tất cả".into(), level.is_empty())}
                    {option("1".into(), "Đảng bộ cơ sở".into(), level == "1")}
                    {option("0".into(), "Chi bộ cơ sở".into(), level == "0")}
                </select>
            </label>
            <label class="control" for="so-sanh">
                <span>"So sánh với"</span>
                <select id="so-sanh" name="so_sanh" disabled=disabled on:change=move |ev| {
                    let compare = event_target_value(&ev).parse::<i32>().ok();
                    emit(ViewState { compare, ..state });
                }>{compare_options}</select>
            </label>
            <label class="control check" for="chi-cham">
                <input type="checkbox" id="chi-cham" name="cham" disabled=disabled checked=state.filter.only_lagging on:change=move |ev| {
                    let only_lagging = event_target_checked(&ev);
                    emit(ViewState { filter: QuotaFilter { only_lagging, ..state.filter }, ..state });
                } />
                <span>"Chỉ tổ chức chậm tiến độ"</span>
            </label>
            <div class="toggle" role="group" aria-label="Cách hiển thị">
                <button type="button" id="xem-bieu-do" disabled=disabled aria-pressed=pressed(Display::Chart)
                    on:click=move |_| emit(ViewState { display: Display::Chart, ..state })>"Biểu đồ"</button>
                <button type="button" id="xem-bang" disabled=disabled aria-pressed=pressed(Display::Table)
                    on:click=move |_| emit(ViewState { display: Display::Table, ..state })>"Bảng"</button>
                <button type="button" id="xem-ca-hai" disabled=disabled aria-pressed=pressed(Display::Both)
                    on:click=move |_| emit(ViewState { display: Display::Both, ..state })>"Cả hai"</button>
            </div>
        </div>
    }
}

/// The live dashboard. `initial.year` is already resolved to a year the overview has.
#[component]
pub fn QuotaExplorer(
    overview: QuotaOverview,
    initial: ViewState,
    #[prop(into)] on_change: Callback<ViewState>,
    /// After each redraw: which of the quota table's rows (every row of the year) the filter
    /// keeps. The platform hides the others, so a filter change re-parses no table.
    #[prop(into)]
    on_rows: Callback<Vec<bool>>,
) -> impl IntoView {
    let years: Vec<i32> = overview.years.iter().map(|y| y.year).collect();
    let latest = years.last().copied().unwrap_or_default();
    let state = RwSignal::new(initial);
    let tooltip = RwSignal::new(String::new());
    let overview = StoredValue::new(overview);
    // Bars the quota chart draws; a new view starts again from the first ones.
    let chart_rows = RwSignal::new(QUOTA_CHART_ROWS);
    let changed = Callback::new(move |next: ViewState| {
        tooltip.set(String::new());
        chart_rows.set(QUOTA_CHART_ROWS);
        state.set(next);
        on_change.run(next);
    });
    let more = Callback::new(move |()| chart_rows.update(|n| *n += QUOTA_CHART_ROWS));
    // The year's rows under the filters; each figure below redraws from it.
    let filtered = move |s: &ViewState| overview.with_value(|o| o.year(s.year.unwrap_or(latest)).map(|y| y.filtered(&s.filter)));
    view! {
        {move || {
            let s = state.get();
            let year = s.year.unwrap_or(latest);
            view! { <Controls years=years.clone() state=s year=year on_change=changed /> }
        }}
        <p class="chart-tooltip" role="status" aria-live="polite" hidden=move || tooltip.get().is_empty()>{move || tooltip.get()}</p>
        {move || {
            let s = state.get();
            let (data, compare) = overview.with_value(|o| (o.year(s.year.unwrap_or(latest)).cloned(), s.compare.and_then(|c| o.year(c)).cloned()));
            let data = data?;
            on_rows.run(data.rows.iter().map(|r| s.filter.keeps(r)).collect());
            // Chart rows are the filtered rows, in order: a tap on row i is the i-th kept row.
            let kept: Vec<_> = data.rows.iter().filter(|r| s.filter.keeps(r)).cloned().collect();
            let on_row = Callback::new(move |i: usize| {
                if let Some(row) = kept.get(i) {
                    tooltip.set(quota_row_text(row));
                }
            });
            Some(view! {
                <QuotaFigure data=data compare=compare filter=s.filter display=s.display on_row=Some(on_row) chart_rows=chart_rows.get() on_more=Some(more) />
            })
        }}
        {move || {
            let s = state.get();
            (s.display != Display::Table).then(|| filtered(&s).map(|data| view! { <CumulativeFigure data=data /> }))
        }}
    }
}
