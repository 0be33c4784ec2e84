//! `/thong-ke/` and `/thong-ke/<year>/`: the statistics dashboard. Static SVG and tables first;
//! the app mounts into `#quota-app` and takes over with the same components.

use super::super::layout::{page, PageMeta};
use super::super::Bundle;
use super::Context;
use app::components::{
    admissions_card, members_card, CapFigure, Card, Controls, HeadlineCards, MeetingsFigure, MovementsFigure, ProfileSection, RatedGroup,
    RatingsFigure, StockFigure, TargetsTable, YearFigures,
};
use app::format;
use app::routes;
use app::stats::Ratio;
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
    let cards = shown.as_ref().map(|data| view! { <HeadlineCards cards=cards(ctx, data) /> });
    // The app's data: this year; the others are fetched when chosen.
    let embedded = shown.as_ref().map(|d| ctx.year_files.embedding(ctx.quota, d.year));
    let quota_rule = shown.as_ref().and_then(|d| quota_rule(ctx, d.year));
    let profile = shown.as_ref().map(|data| profile_section(ctx, data));
    let report_link = shown.as_ref().map(|d| {
        view! { <p class="report-link"><a href=routes::stats_report(d.year)>{format!("Báo cáo năm {} (bản để in) →", d.year)}</a></p> }
    });
    let figure = shown.map(|data| {
        let selected = data.year;
        view! {
            <div id="quota-app" class="app-root" data-year=selected.to_string()>
                <Controls years=years committees=ctx.quota.committees.clone() state=Signal::stored(app::view_state::ViewState { year: Some(selected), ..Default::default() }) />
                <YearFigures data=data table_limit=app::components::STATIC_TABLE_ROWS />
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
    let trends = trends(ctx, targets);
    // The forms are long: on a year's page; the dashboard links to them.
    let forms = match year {
        Some(y) => forms_section(ctx, y).into_any(),
        None => shown_year
            .map(|y| view! { <p class="report-link"><a href=format!("{}#bieu-thong-ke", routes::stats_year(y))>{format!("Biểu thống kê năm {y} (Biểu 1, 2, 3, 7 và xếp loại) →")}</a></p> })
            .into_any(),
    };
    page(
        ctx,
        meta,
        view! {
            <h1>{title.clone()}</h1>
            {cards}
            <p class="lead">"Tiến độ thực hiện chỉ tiêu kết nạp đảng viên mà Đảng ủy Khối giao cho từng tổ chức cơ sở đảng. Tổ chức chậm tiến độ được đánh dấu ▲ và tô đỏ."</p>
            <nav class="year-nav" aria-label="Số liệu theo năm">
                <ul>{year_links}</ul>
            </nav>
            {report_link}
            <p id="app-status" class="app-status" role="status"></p>
            {figure}
            {quota_rule}
            {profile}
            {target_table}
            {plans}
            {trends}
            {forms}
            {embedded.map(|data| super::embedded_json("quota-data", &data))}
        },
    )
}

/// `/thong-ke/<year>/bao-cao/`: the year's statistics as one report that prints on A4 — the
/// headline figures, admissions against the quota (every organization), month by month, the
/// targets, next year's plans, then the figures across the years. Static: no app, no controls.
pub fn render_report(ctx: &Context<'_>, year: i32) -> String {
    let Some(data) = ctx.quota.year(year).cloned() else { return String::new() };
    let title = format!("Báo cáo số liệu công tác xây dựng Đảng năm {year}");
    let path = routes::stats_report(year);
    let meta = PageMeta {
        title: &title,
        description:
            "Số liệu một năm của Đảng bộ Khối, trình bày để in: kết nạp, mục tiêu, xếp loại, sinh hoạt chi bộ, biến động đảng viên.",
        path: &path,
        app: None,
    };
    let period = match data.as_of {
        Some(d) => format!("Năm đang thực hiện: số liệu đến ngày {}.", format::date(d)),
        None => format!("Số liệu cả năm {year}."),
    };
    let stats = ctx.stats;
    let targets = ctx.data.rules(year).targets;
    let target_table = stats.targets.year(year).cloned().map(|t| view! { <TargetsTable data=t disclosure=ctx.disclosure.clone() /> });
    let cards = cards(ctx, &data);
    page(
        ctx,
        meta,
        view! {
            <h1>{title.clone()}</h1>
            <p class="lead">{format!("{}. {period} Nguồn: báo cáo của các tổ chức đảng trực thuộc.", ctx.data.khoi.name)}</p>
            <p class="report-link print-hide"><a href=routes::stats_year(year)>{format!("← Biểu đồ tương tác năm {year}")}</a>" · In trang này bằng lệnh In của trình duyệt (Ctrl+P)."</p>
            <HeadlineCards cards=cards />
            {profile_section(ctx, &data)}
            <YearFigures data=data />
            {target_table}
            {plans_section(ctx, year)}
            {trends(ctx, targets)}
            {forms_section(ctx, year)}
        },
    )
}

/// How the quotas set as a share were computed, under the quota figure.
fn quota_rule(ctx: &Context<'_>, year: i32) -> Option<impl IntoView> {
    let rule = ctx.data.years.get(&year)?.quota_rule.as_ref()?;
    let text =
        format!("Chỉ tiêu của {} tổ chức cơ sở đảng không được giao số riêng tính bằng {}.", rule.derived.len(), rule.describe(year));
    Some(view! { <p class="quota-rule">{text}</p> })
}

/// "Biểu thống kê": the year's forms, with the year before beside them.
fn forms_section(ctx: &Context<'_>, year: i32) -> Option<impl IntoView> {
    let current = ctx.forms.year(year)?;
    let previous = ctx.forms.year(year - 1);
    let composition = app::components::composition_tables(current, previous, ctx.disclosure);
    let tables = app::components::form_tables(current, previous, ctx.disclosure);
    (!tables.is_empty()).then(|| {
        view! {
            <app::components::CompositionSection tables=composition />
            <app::components::FormsSection tables=tables year=year partial=current.as_of.is_some() />
        }
    })
}

/// Who the year's new members are: the press sentence and the table across the years.
fn profile_section(ctx: &Context<'_>, data: &app::stats::QuotaYear) -> impl IntoView {
    view! { <ProfileSection quota=data.clone() profile=ctx.stats.profile.clone() disclosure=ctx.disclosure.clone() /> }
}

/// The figures across the years, the same on the dashboard and in the year's report.
fn trends(ctx: &Context<'_>, targets: app::model::Targets) -> impl IntoView {
    let stats = ctx.stats;
    // Each figure names the reports of the years it draws.
    let source = |years: Vec<i32>| {
        let coverage: Vec<&app::stats::Coverage> =
            ctx.quota.years.iter().filter(|y| years.contains(&y.year)).map(|y| &y.coverage).collect();
        Some(app::stats::source_of_years(&coverage)).filter(|s| !s.is_empty())
    };
    let ratings = source(stats.ratings.years.iter().map(|y| y.year).collect());
    let meetings = source(stats.meetings.years.iter().map(|y| y.year).collect());
    let movements = source(stats.movements.years.iter().map(|y| y.year).collect());
    let stock = source(stats.stock.years.iter().map(|y| y.year).collect());
    view! {
        <h2 id="qua-cac-nam">"Qua các năm"</h2>
        <RatingsFigure ratings=stats.ratings.clone() group=RatedGroup::Organizations targets=targets disclosure=ctx.disclosure.clone() source=ratings.clone() />
        <RatingsFigure ratings=stats.ratings.clone() group=RatedGroup::Branches targets=targets disclosure=ctx.disclosure.clone() source=ratings.clone() />
        <RatingsFigure ratings=stats.ratings.clone() group=RatedGroup::Members targets=targets disclosure=ctx.disclosure.clone() source=ratings.clone() />
        <CapFigure ratings=stats.ratings.clone() disclosure=ctx.disclosure.clone() source=ratings />
        <MeetingsFigure meetings=stats.meetings.clone() targets=targets source=meetings />
        <MovementsFigure movements=stats.movements.clone() disclosure=ctx.disclosure.clone() source=movements />
        <StockFigure stock=stats.stock.clone() source=stock />
    }
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

/// "12/16 — 75,0%".
fn share(r: Ratio) -> String {
    format!("{}/{} — {}", format::int(r.num), format::int(r.den), r.percent_string())
}

/// The headline figures of the year shown: admissions against the quota, organizations rated
/// good or better against the target (the latest rated year up to it), branches meeting every
/// month, members at the end against the year before. Each links to its figure.
fn cards(ctx: &Context<'_>, data: &app::stats::QuotaYear) -> Vec<Card> {
    let year = data.year;
    let stats = ctx.stats;
    let mut cards = vec![admissions_card(data, "toàn Khối")];
    if let Some(r) = stats.ratings.years.iter().rev().find(|r| r.year <= year) {
        let target = ctx.data.rules(r.year).targets.org_good_or_better;
        cards.push(Card {
            id: "the-xep-loai",
            label: "Xếp loại tổ chức cơ sở đảng",
            value: share(r.organizations.good_or_better),
            detail: format!("hoàn thành tốt nhiệm vụ trở lên năm {}; mục tiêu trên {target}%", r.year),
            href: format!("#{}", RatedGroup::Organizations.table_name()),
        });
    }
    if let Some(m) = stats.meetings.year(year) {
        cards.push(Card {
            id: "the-sinh-hoat",
            label: "Sinh hoạt chi bộ",
            value: share(m.every_month),
            detail: format!("chi bộ sinh hoạt định kỳ đủ các tháng năm {year}; tỷ lệ dự {}", m.attendance.percent_string()),
            href: "#sinh-hoat".into(),
        });
    }
    if let Some(now) = stats.stock.year(year) {
        let before = stats.stock.year(year - 1).map(|b| b.members.total());
        cards.push(members_card(year, now.as_of, now.members.total(), before, "#loai-hinh"));
    }
    cards
}
