//! `/thong-ke/` and `/thong-ke/<year>/`: the statistics dashboard. Static SVG and tables first;
//! the app mounts into `#quota-app` and takes over with the same components.

use super::super::layout::{page, PageMeta};
use super::super::Bundle;
use super::Context;
use app::components::{
    CapFigure, Controls, MeetingsFigure, MovementsFigure, RatedGroup, RatingsFigure, StockFigure, TargetsTable, YearFigures,
};
use app::format;
use app::routes;
use leptos::prelude::*;

/// The dashboard of `year`, or of the latest year at `/thong-ke/`.
pub fn render(ctx: &Context<'_>, year: Option<i32>) -> String {
    let shown = year.and_then(|y| ctx.quota.year(y)).or(ctx.quota.latest()).cloned();
    let path = year.map_or_else(|| routes::STATS.to_string(), routes::stats_year);
    let title = year.map_or_else(|| "Thống kê công tác xây dựng Đảng".to_string(), |y| format!("Thống kê công tác xây dựng Đảng năm {y}"));
    let meta = PageMeta {
        title: &title,
        description: "Tiến độ thực hiện chỉ tiêu kết nạp đảng viên của các tổ chức cơ sở đảng trong Đảng bộ Khối.",
        path: &path,
        app: Some(Bundle::Dashboard),
    };
    let years: Vec<i32> = ctx.quota.years.iter().map(|y| y.year).collect();
    // Links to every year: the way between years without JavaScript.
    let year_links = years
        .iter()
        .rev()
        .map(|&y| {
            let current = (Some(y) == shown.as_ref().map(|s| s.year)).then_some("page");
            view! { <li><a href=routes::stats_year(y) aria-current=current>{y.to_string()}</a></li> }
        })
        .collect_view();
    let figure = shown.map(|data| {
        let selected = data.year;
        view! {
            <div id="quota-app" class="app-root" data-year=selected.to_string()>
                <Controls years=years committees=ctx.quota.committees.clone() state=Signal::stored(app::view_state::ViewState { year: Some(selected), ..Default::default() }) />
                <YearFigures data=data />
            </div>
        }
    });
    let shown_year = shown_year(ctx, year);
    let stats = ctx.stats;
    let targets = ctx.data.rules(shown_year.unwrap_or_default()).targets;
    let target_table = shown_year
        .and_then(|y| stats.targets.year(y))
        .cloned()
        .map(|t| view! { <TargetsTable data=t disclosure=ctx.disclosure.clone() /> });
    let plans = shown_year.and_then(|y| plans_section(ctx, y));
    let trends = view! {
        <h2 id="qua-cac-nam">"Qua các năm"</h2>
        <RatingsFigure ratings=stats.ratings.clone() group=RatedGroup::Organizations targets=targets disclosure=ctx.disclosure.clone() />
        <RatingsFigure ratings=stats.ratings.clone() group=RatedGroup::Branches targets=targets disclosure=ctx.disclosure.clone() />
        <RatingsFigure ratings=stats.ratings.clone() group=RatedGroup::Members targets=targets disclosure=ctx.disclosure.clone() />
        <CapFigure ratings=stats.ratings.clone() disclosure=ctx.disclosure.clone() />
        <MeetingsFigure meetings=stats.meetings.clone() targets=targets />
        <MovementsFigure movements=stats.movements.clone() disclosure=ctx.disclosure.clone() />
        <StockFigure stock=stats.stock.clone() />
    };
    page(
        ctx,
        meta,
        view! {
            <h1>{title.clone()}</h1>
            <p class="lead">"Tiến độ thực hiện chỉ tiêu kết nạp đảng viên mà Đảng ủy Khối giao cho từng tổ chức cơ sở đảng. Tổ chức chậm tiến độ được đánh dấu ▲ và tô đỏ."</p>
            <nav class="year-nav" aria-label="Số liệu theo năm">
                <ul>{year_links}</ul>
            </nav>
            <p id="app-status" class="app-status" role="status"></p>
            {figure}
            {target_table}
            {plans}
            {trends}
            {super::embedded_json("quota-data", &ctx.quota)}
        },
    )
}

fn shown_year(ctx: &Context<'_>, year: Option<i32>) -> Option<i32> {
    year.or_else(|| ctx.quota.latest().map(|y| y.year))
}

/// Next year's development plans: who sent on time, late, or not at all (organizations, not people).
fn plans_section(ctx: &Context<'_>, year: i32) -> Option<impl IntoView> {
    let p = ctx.stats.plans.year(year)?.clone();
    let name = |code: &app::model::OrgCode| ctx.data.orgs.get(code).map_or_else(|| code.to_string(), |o| o.name.clone());
    let deadline = p.deadline.map_or_else(|| "không quy định".to_string(), format::date);
    let late = p
        .late
        .iter()
        .map(|l| view! { <li>{format!("{} — gửi {}, chậm {} ngày", name(&l.code), format::date(l.sent), l.days_late)}</li> })
        .collect_view();
    let not_sent = p.not_sent.iter().map(|c| view! { <li>{name(c)}</li> }).collect_view();
    Some(view! {
        <section class="plans" aria-labelledby="ke-hoach">
            <h2 id="ke-hoach">{format!("Kế hoạch phát triển đảng viên năm {}", year + 1)}</h2>
            <p class="chart-summary">{format!(
                "Hạn gửi {deadline}: {} tổ chức cơ sở đảng gửi đúng hạn, {} gửi muộn, {} chưa gửi.",
                p.on_time_ratio().display(), p.late.len(), p.not_sent.len()
            )}</p>
            <h3>"Gửi muộn"</h3>
            <ul class="list">{late}</ul>
            <h3>"Chưa gửi"</h3>
            <ul class="list">{not_sent}</ul>
        </section>
    })
}
