//! The interactive dashboard of admission quotas: year, kind, level and lagging-only filters, a
//! comparison year, chart or table, and a tap tooltip with exact figures. Every change redraws
//! with the same components and chart code as the static page, and is reported through
//! `on_change` so the platform can keep it (the URL query and the device's storage).

use super::admissions::CumulativeFigure;
use super::branches::BranchAdmissionsTable;
use super::quota::{quota_table_rows, QuotaFigure};
use crate::chart::QUOTA_CHART_ROWS;
use crate::stats::QuotaOverview;
use crate::view_state::{Change, Display, ViewState};
use leptos::prelude::*;

/// The filter bar. Disabled in the static page (filtering needs the app); the app passes
/// `on_change` and the bar comes alive with the same markup, so nothing shifts. Built once: the
/// options' `selected` says the first state, each select's `value` then follows `state`.
#[component]
pub fn Controls(
    years: Vec<i32>,
    /// The đảng bộ cơ sở one can look into: (code, name).
    committees: Vec<(String, String)>,
    #[prop(into)] state: Signal<ViewState>,
    #[prop(optional)] on_change: Option<Callback<Change>>,
    /// On an organization's page: only the year, the comparison and chart or table.
    #[prop(optional)]
    one_org: bool,
) -> impl IntoView {
    let disabled = on_change.is_none();
    let first = state.get_untracked();
    let emit = move |change: Change| {
        if let Some(cb) = on_change {
            cb.run(change);
        }
    };
    let year_options = years
        .iter()
        .rev()
        .map(|&y| view! { <option value=y.to_string() selected=first.year == Some(y)>{y.to_string()}</option> })
        .collect_view();
    // Every year stays listed; the shown year itself is greyed out (comparing it means nothing).
    let compare_options = years
        .iter()
        .rev()
        .map(|&y| {
            view! {
                <option value=y.to_string() selected=first.compare == Some(y) disabled=move || state.get().year == Some(y)>{y.to_string()}</option>
            }
        })
        .collect_view();
    let committee_options = committees
        .into_iter()
        .map(|(code, name)| {
            let selected = first.filter.parent.as_deref() == Some(code.as_str());
            view! { <option value=code selected=selected>{name}</option> }
        })
        .collect_view();
    // The Khối-wide filters; an organization's page has none of them.
    let filters = (!one_org).then(|| view! {
            {tri_select(
                TriFilter { id: "chon-loai", name: "loai", label: "Loại hình", options: [("", "Tất cả"), ("0", "Cơ quan"), ("1", "Doanh nghiệp")] },
                |f| f.enterprise,
                Change::Enterprise,
                state,
                on_change,
            )}
            {tri_select(
                TriFilter { id: "chon-cap", name: "cap", label: "Cấp", options: [("", "Tất cả"), ("1", "Đảng bộ cơ sở"), ("0", "Chi bộ cơ sở")] },
                |f| f.committee,
                Change::Committee,
                state,
                on_change,
            )}
            <label class="control" for="chon-don-vi">
                <span>"Đơn vị"</span>
                <select id="chon-don-vi" name="don_vi" disabled=disabled prop:value=move || state.get().filter.parent.unwrap_or_default() on:change=move |ev| {
                    let code = event_target_value(&ev);
                    emit(Change::Parent((!code.is_empty()).then_some(code)));
                }>
                    <option value="" selected=first.filter.parent.is_none()>"Toàn Khối"</option>
                    {committee_options}
                </select>
            </label>
    });
    let lagging = (!one_org).then(|| {
        view! {
                <label class="control check" for="chi-cham">
                    <input type="checkbox" id="chi-cham" name="cham" disabled=disabled checked=first.filter.only_lagging
                        prop:checked=move || state.get().filter.only_lagging on:change=move |ev| {
                        emit(Change::OnlyLagging(event_target_checked(&ev)));
                    } />
                    <span>"Chỉ tổ chức chậm tiến độ"</span>
                </label>
        }
    });
    let pressed = move |d: Display| move || if state.get().display == d { "true" } else { "false" };
    view! {
        <div class="controls" role="group" aria-label="Bộ lọc số liệu">
            <label class="control" for="chon-nam">
                <span>"Năm"</span>
                <select id="chon-nam" name="nam" disabled=disabled prop:value=move || state.get().year.map(|y| y.to_string()).unwrap_or_default() on:change=move |ev| {
                    if let Ok(y) = event_target_value(&ev).parse::<i32>() {
                        emit(Change::Year(y));
                    }
                }>{year_options}</select>
            </label>
            {filters}
            <label class="control" for="so-sanh">
                <span>"So sánh với"</span>
                <select id="so-sanh" name="so_sanh" disabled=disabled prop:value=move || state.get().compare.map(|y| y.to_string()).unwrap_or_default() on:change=move |ev| {
                    emit(Change::Compare(event_target_value(&ev).parse::<i32>().ok()));
                }>
                    <option value="" selected=first.compare.is_none()>"Không"</option>
                    {compare_options}
                </select>
            </label>
            {lagging}
            <div class="toggle" role="group" aria-label="Cách hiển thị">
                <button type="button" id="xem-bieu-do" disabled=disabled aria-pressed=pressed(Display::Chart)
                    on:click=move |_| emit(Change::Display(Display::Chart))>"Biểu đồ"</button>
                <button type="button" id="xem-bang" disabled=disabled aria-pressed=pressed(Display::Table)
                    on:click=move |_| emit(Change::Display(Display::Table))>"Bảng"</button>
                <button type="button" id="xem-ca-hai" disabled=disabled aria-pressed=pressed(Display::Both)
                    on:click=move |_| emit(Change::Display(Display::Both))>"Cả hai"</button>
            </div>
        </div>
    }
}

/// A filter of three values: every row, yes (`1`) or no (`0`).
struct TriFilter {
    id: &'static str,
    name: &'static str,
    label: &'static str,
    /// (value, label) in the order shown.
    options: [(&'static str, &'static str); 3],
}

fn tri_value(v: Option<bool>) -> &'static str {
    match v {
        None => "",
        Some(true) => "1",
        Some(false) => "0",
    }
}

fn tri_select(
    filter: TriFilter,
    field: fn(&crate::stats::QuotaFilter) -> Option<bool>,
    change: fn(Option<bool>) -> Change,
    state: Signal<ViewState>,
    on_change: Option<Callback<Change>>,
) -> impl IntoView {
    let first = tri_value(field(&state.get_untracked().filter));
    let options = filter.options.map(|(value, label)| view! { <option value=value selected=first == value>{label}</option> });
    view! {
        <label class="control" for=filter.id>
            <span>{filter.label}</span>
            <select id=filter.id name=filter.name disabled=on_change.is_none() prop:value=move || tri_value(field(&state.get().filter)) on:change=move |ev| {
                let value = match event_target_value(&ev).as_str() {
                    "1" => Some(true),
                    "0" => Some(false),
                    _ => None,
                };
                if let Some(cb) = on_change {
                    cb.run(change(value));
                }
            }>{options}</select>
        </label>
    }
}

/// "Đang hiển thị 12 tổ chức, 3 chậm tiến độ": what the filters keep, said after each change.
fn announcement(data: &crate::stats::QuotaYear) -> String {
    format!("Đang hiển thị {} tổ chức, {} chậm tiến độ, năm {}.", data.rows.len(), data.lagging(), data.year)
}

/// Fetches a year's data from its file (`QuotaOverview::file_of`) and hands it back; the
/// platform's (the browser's fetch), so the components stay free of it.
pub type LoadYear = Callback<(String, Callback<Result<QuotaOverview, String>>)>;

/// The year a change asks for (the year shown, the comparison), and whether with its branches
/// (a committee chosen, or a year shown under one).
fn wanted(change: &Change, now: &ViewState) -> Option<(i32, bool)> {
    match change {
        Change::Year(y) => Some((*y, now.filter.parent.is_some())),
        Change::Compare(Some(y)) => Some((*y, false)),
        Change::Parent(Some(_)) => now.year.map(|y| (y, true)),
        _ => None,
    }
}

/// The live dashboard. `initial.year` is already resolved to a year the overview holds; other
/// years are fetched through `load_year` when chosen, and the view changes once they are here.
#[component]
pub fn QuotaExplorer(
    overview: QuotaOverview,
    initial: ViewState,
    #[prop(into)] on_change: Callback<ViewState>,
    /// After each redraw: which of the quota table's rows (every row of the year) the filter
    /// keeps. The platform hides the others, so a filter change re-parses no table.
    #[prop(into)]
    on_rows: Callback<Vec<bool>>,
    /// After each redraw: the admissions headline card for what the filters keep (the page's
    /// card above the dashboard is rewritten with it).
    #[prop(into)]
    on_card: Callback<super::Card>,
    /// Fetches a year the overview names by its file only.
    #[prop(optional)]
    load_year: Option<LoadYear>,
    /// An organization's page: `overview` holds that organization only (`initial.filter.parent`).
    #[prop(optional)]
    one_org: bool,
    /// The view the build drew into the page: while the dashboard shows it, each figure links
    /// the build's image of it; another view has no image to offer.
    page_view: ViewState,
    /// Changes to make once mounted: a link to a year the page does not hold, fetched first.
    #[prop(optional)]
    then: Vec<Change>,
) -> impl IntoView {
    let years = overview.all_years();
    let committees = overview.committees.clone();
    let latest = years.last().copied().unwrap_or_default();
    let state = RwSignal::new(initial);
    let tooltip = RwSignal::new(String::new());
    // The line above the charts also says "Đang tải số liệu năm 2021…", or why it failed.
    let notice = tooltip;
    let overview = StoredValue::new(overview);
    // Bars the quota chart draws; a new view starts again from the first ones.
    let chart_rows = RwSignal::new(QUOTA_CHART_ROWS);
    let apply = move |change: Change| {
        tooltip.set(String::new());
        chart_rows.set(QUOTA_CHART_ROWS);
        state.update(|s| s.apply(change));
        on_change.run(state.get_untracked());
    };
    let changed = Callback::new(move |change: Change| {
        let file = wanted(&change, &state.get_untracked())
            .and_then(|(y, branches)| overview.with_value(|o| o.file_of(y, branches).map(|f| (y, f.to_string()))));
        match (file, load_year) {
            (Some((year, path)), Some(load)) => {
                notice.set(format!("Đang tải số liệu năm {year}…"));
                let done = Callback::new(move |got: Result<QuotaOverview, String>| match got {
                    Ok(data) if data.year(year).is_some() => {
                        notice.set(String::new());
                        overview.update_value(|o| o.insert(data));
                        apply(change.clone());
                    }
                    failed => {
                        let why = failed.err().unwrap_or_else(|| "tệp dữ liệu không đúng năm".into());
                        notice.set(format!("Không tải được số liệu năm {year} ({why}). Hãy thử lại khi có kết nối."));
                        // The filter bar shows the view still on screen again.
                        state.update(|_| ());
                    }
                });
                load.run((path, done));
            }
            _ => apply(change),
        }
    });
    for change in then {
        changed.run(change);
    }
    let more = Callback::new(move |()| chart_rows.update(|n| *n += QUOTA_CHART_ROWS));
    let page_view = StoredValue::new(page_view);
    let as_built = move |s: &ViewState| {
        page_view.with_value(|p| s.year == p.year && s.filter == p.filter) && s.compare.is_none() && chart_rows.get() == QUOTA_CHART_ROWS
    };
    // A tap on a chart shows the exact figures there (the hover text) in the sticky line above.
    let show_tip = Callback::new(move |text: String| tooltip.set(text));
    // The year's rows under the filters; each figure below redraws from it.
    let filtered = move |s: &ViewState| overview.with_value(|o| o.year(s.year.unwrap_or(latest)).map(|y| y.filtered(&s.filter)));
    // The table lists every row of the year: it changes with the year and the comparison only.
    let table_rows = Memo::new(move |_| {
        let s = state.get();
        overview.with_value(|o| o.year(s.year.unwrap_or(latest)).map(|y| quota_table_rows(y, s.compare.and_then(|c| o.year(c)))))
    });
    view! {
        <Controls years=years committees=committees state=state on_change=changed one_org=one_org />
        <p class="chart-tooltip" role="status" aria-live="polite" hidden=move || tooltip.get().is_empty()>{move || tooltip.get()}</p>
        // What a filter change now shows, for screen readers (the charts redraw silently).
        <p class="sr-only" aria-live="polite" id="loc-thong-bao">
            {move || {
                let s = state.get();
                filtered(&s).map(|d| announcement(&d)).unwrap_or_default()
            }}
        </p>
        {move || {
            let s = state.get();
            let (data, compare) = overview.with_value(|o| (o.year(s.year.unwrap_or(latest)).cloned(), s.compare.and_then(|c| o.year(c)).cloned()));
            let data = data?;
            on_rows.run(data.rows.iter().map(|r| s.filter.keeps(r)).collect());
            on_card.run(super::cards::filtered_admissions_card(&data, &s.filter));
            let image = as_built(&s);
            Some(view! {
                <QuotaFigure data=data compare=compare filter=s.filter display=s.display on_tip=Some(show_tip) chart_rows=chart_rows.get() on_more=Some(more) table_rows=table_rows.get() image=image />
            })
        }}
        {move || {
            let s = state.get();
            // Under one đảng bộ cơ sở: what its branches admitted (a chi bộ cơ sở has none).
            let data = filtered(&s).filter(|d| s.filter.parent.is_some() && d.rows.first().is_some_and(|r| r.committee))?;
            Some(view! { <BranchAdmissionsTable data=data /> })
        }}
        {move || {
            let s = state.get();
            let data = filtered(&s).filter(|d| s.display != Display::Table && !d.rows.is_empty())?;
            let who = crate::chart::quota_scope(&s.filter, &data);
            Some(view! { <CumulativeFigure data=data who=who on_tip=Some(show_tip) image=as_built(&s) png=!one_org /> })
        }}
    }
}
