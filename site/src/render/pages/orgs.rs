//! `/don-vi/` and `/don-vi/<code>/`: organizations by kind and level, and one organization's
//! years: members, quota history and monthly pace, its own rating, meetings, documents done.

use super::super::layout::{page, PageMeta};
use super::super::Bundle;
use super::Context;
use app::chart::quota_scope;
use app::components::{
    admissions_card, members_card, BranchAdmissionsTable, Card, Column, Controls, CumulativeFigure, DataTable, HeadlineCards, QuotaFigure,
};
use app::format;
use app::model::{Level, OrgCode, OrgKind, Organization};
use app::routes;
use app::stats::QuotaFilter;
use app::view_state::ViewState;
use leptos::prelude::*;

fn org_link(o: &Organization) -> impl IntoView {
    view! { <a href=routes::org(&o.code)>{o.name.clone()}</a> }
}

fn ended_note(o: &Organization) -> Option<String> {
    o.ended.map(|e| format!(" (hoạt động đến {})", format::date(e)))
}

pub fn render_list(ctx: &Context<'_>) -> String {
    let meta = PageMeta {
        title: "Đơn vị",
        description: "Các tổ chức đảng trực thuộc Đảng bộ Khối, theo loại hình và cấp.",
        path: routes::ORGS,
        app: None,
    };
    let data = ctx.data;
    let section = |title: &'static str, id: &'static str, enterprise: bool| {
        let groups = [Level::GrassrootsCommittee, Level::GrassrootsBranch]
            .into_iter()
            .map(|level| {
                let orgs: Vec<&Organization> =
                    data.orgs.values().filter(|o| o.level == level && matches!(o.kind, OrgKind::Enterprise(_)) == enterprise).collect();
                let items = orgs
                    .iter()
                    .map(|o| {
                        let branches = data.children(&o.code).map(|b| view! { <li>{org_link(b)}{ended_note(b)}</li> }).collect_view();
                        let ownership = match o.kind {
                            OrgKind::Enterprise(own) => format!(" · {}", own.name()),
                            OrgKind::Agency => String::new(),
                        };
                        view! {
                            <li>
                                {org_link(o)}
                                <span class="meta">{ownership}{ended_note(o)}</span>
                                <ul class="branches">{branches}</ul>
                            </li>
                        }
                    })
                    .collect_view();
                let heading = format!("{} ({})", level.name(), orgs.len());
                view! { <h3>{heading}</h3><ul class="list orgs">{items}</ul> }
            })
            .collect_view();
        view! { <section aria-labelledby=id><h2 id=id>{title}</h2>{groups}</section> }
    };
    page(
        ctx,
        meta,
        view! {
            <h1>"Đơn vị"</h1>
            <p class="lead">"Tổ chức cơ sở đảng trực thuộc Đảng bộ Khối và các chi bộ trực thuộc, theo khối cơ quan và khối doanh nghiệp."</p>
            {section("Khối cơ quan", "khoi-co-quan", false)}
            {section("Khối doanh nghiệp", "khoi-doanh-nghiep", true)}
        },
    )
}

pub fn render_one(ctx: &Context<'_>, code: &OrgCode) -> String {
    let data = ctx.data;
    let org = &data.orgs[code];
    let path = routes::org(code);
    let description = format!("Số liệu công tác xây dựng Đảng của {}.", org.name);
    let figures = quota_figures(ctx, code);
    // Only an organization with a quota has figures for the dashboard's app to enhance.
    let app = figures.is_some().then_some(Bundle::Dashboard);
    let meta = PageMeta { title: &org.name, description: &description, path: &path, app };
    let parent = match &org.level {
        Level::Branch { parent } => data.orgs.get(parent).map(|p| view! { <dt>"Trực thuộc"</dt><dd>{org_link(p)}</dd> }),
        _ => None,
    };
    let kind = match org.kind {
        OrgKind::Enterprise(own) => format!("Doanh nghiệp ({})", own.name().to_lowercase()),
        OrgKind::Agency => "Cơ quan".to_string(),
    };
    let merged = org.merged_into.as_ref().and_then(|m| data.orgs.get(m)).map(|m| view! { <dt>"Sáp nhập vào"</dt><dd>{org_link(m)}</dd> });
    let ended = org.ended.map(|e| view! { <dt>"Kết thúc hoạt động"</dt><dd>{format::date(e)}</dd> });
    let absorbed: Vec<&Organization> = data.orgs.values().filter(|o| o.merged_into.as_ref() == Some(code)).collect();
    let absorbed = (!absorbed.is_empty()).then(|| {
        let items = absorbed.iter().map(|o| view! { <li>{org_link(o)}{ended_note(o)}</li> }).collect_view();
        view! { <dt>"Tiếp nhận"</dt><dd><ul class="plain">{items}</ul></dd> }
    });
    let branches: Vec<_> = data.children(code).collect();
    let branch_list = (!branches.is_empty()).then(|| {
        let items = branches.iter().map(|b| view! { <li>{org_link(b)}{ended_note(b)}</li> }).collect_view();
        view! { <h2>"Chi bộ trực thuộc"</h2><ul class="list">{items}</ul> }
    });

    let members = data
        .years
        .iter()
        .rev()
        .filter_map(|(&year, y)| {
            let r = y.reports.get(code)?;
            let label = match r.as_of {
                Some(d) => format!("{year} (đến {})", format::date(d)),
                None => year.to_string(),
            };
            let grade = r.ratings.as_ref().and_then(|x| x.organization).map_or("—", |g| g.name());
            Some(view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td class="num">{format::int(r.members.start.total())}</td>
                    <td class="num">{format::int(r.members.end.total())}</td>
                    <td class="num">{format::int(u64::from(r.movements.admitted))}</td>
                    <td>{grade}</td>
                </tr>
            })
        })
        .collect_view();

    page(
        ctx,
        meta,
        view! {
            <p class="kicker">{org.level.name()}</p>
            <h1>{org.name.clone()}</h1>
            <HeadlineCards cards=org_cards(ctx, code) />
            <dl class="doc-meta">
                <dt>"Mã đơn vị"</dt><dd>{code.to_string()}</dd>
                <dt>"Loại hình"</dt><dd>{kind}</dd>
                {parent}
                <dt>"Thành lập"</dt><dd>{format::date(org.founded)}</dd>
                {ended}
                {merged}
                {absorbed}
            </dl>
            <h2 id="dang-vien-xep-loai">"Đảng viên và xếp loại qua các năm"</h2>
            <div class="table-wrap" tabindex="0">
                <DataTable caption=format!("Đảng viên, kết nạp và xếp loại tổ chức của {}", org.name) columns=vec![Column::text("Năm"), Column::num("Đầu năm"), Column::num("Cuối năm"), Column::num("Kết nạp"), Column::text("Xếp loại tổ chức")]>
                    <tbody>{members}</tbody>
                </DataTable>
            </div>
            {quota_history(ctx, code)}
            {composition(ctx, code)}
            {figures}
            {meetings(ctx, code)}
            {branch_list}
        },
    )
}

/// Who the organization's members and new members are, in its latest year that says so: each
/// part with its count and share. Only parts that carry no judgement are published for one
/// organization; ethnicity, religion and the like are member-level, and the Khối's totals
/// would give a hidden one away from the others', so they stay in the Khối's figures.
fn composition(ctx: &Context<'_>, code: &OrgCode) -> Option<impl IntoView> {
    use app::schema::{Field, Privacy, ADMITTED_AGES, ADMITTED_PROFILE, MEMBERS_AT_END, MEMBER_AGES, MEMBER_PROFILE, THEORY};
    use app::stats::Ratio;
    use app::table::{Cell, Column as Col, Field as Machine, Row, Table};
    let (year, r) =
        ctx.data.years.iter().rev().find_map(|(y, d)| d.reports.get(code).filter(|r| r.member_profile.is_some()).map(|r| (*y, r)))?;
    let members: u64 = MEMBERS_AT_END.iter().filter_map(|f| f.count(r)).map(u64::from).sum();
    let admitted = u64::from(r.movements.admitted);
    let rows_of = |fields: &[Field], whole: u64, of: &str| -> Vec<Row> {
        fields
            .iter()
            .filter(|f| f.spec().privacy != Privacy::MemberLevel)
            .filter_map(|f| {
                let n = u64::from(f.count(r)?);
                Some(Row::new(Cell::Text(format!("{of}: {}", f.spec().comment)), vec![Cell::Count(n), Cell::Percent(Ratio::new(n, whole))]))
            })
            .collect()
    };
    let mut rows = vec![Row::new(Cell::Text("Đảng viên cuối năm".into()), vec![Cell::Count(members), Cell::Missing("")])];
    rows.extend(rows_of(&MEMBER_PROFILE, members, "đảng viên"));
    rows.extend(rows_of(&MEMBER_AGES, members, "đảng viên"));
    rows.extend(rows_of(&THEORY, members, "đảng viên"));
    rows.push(Row::new(Cell::Text("Kết nạp trong năm".into()), vec![Cell::Count(admitted), Cell::Missing("")]));
    if admitted > 0 {
        rows.extend(rows_of(&ADMITTED_PROFILE, admitted, "mới kết nạp"));
        rows.extend(rows_of(&ADMITTED_AGES, admitted, "mới kết nạp"));
    }
    let as_of = r.as_of.map_or_else(|| format!("năm {year}"), |d| format!("năm {year} (đến {})", format::date(d)));
    let table = Table {
        name: None,
        title: format!("Cơ cấu đảng viên {as_of}"),
        caption: format!("Cơ cấu đảng viên và đảng viên mới kết nạp của {}, {as_of}", ctx.data.orgs[code].name),
        columns: vec![
            Col::text("Thành phần", Machine::new("thanh_phan", "Thành phần", "")),
            Col::count("Số", Machine::new("so", "Số", "")),
            Col::share("Tỷ lệ", Machine::new("ty_le", "Tỷ lệ (%)", "")),
        ],
        rows,
        foot: Vec::new(),
        constant: Vec::new(),
    };
    Some(view! {
        <h2 id="co-cau">{format!("Cơ cấu đảng viên {as_of}")}</h2>
        <p>"Nữ, đoàn viên, độ tuổi, lý luận chính trị; dân tộc, tôn giáo và kỷ luật chỉ công bố ở số liệu toàn Khối để bảo vệ thông tin cá nhân."</p>
        <div class="table-wrap" tabindex="0"><app::components::TableView table=table /></div>
    })
}

/// Quota, admitted and progress per year, for grassroots organizations with quotas.
fn quota_history(ctx: &Context<'_>, code: &OrgCode) -> Option<impl IntoView> {
    let rows: Vec<_> =
        ctx.quota.years.iter().rev().filter_map(|y| y.rows.iter().find(|r| r.code == code.as_str()).map(|r| (y, r))).collect();
    if rows.is_empty() {
        return None;
    }
    let body = rows
        .into_iter()
        .map(|(y, r)| {
            let admitted = r.admitted.map_or_else(|| "Chưa báo cáo".to_string(), |a| format::int(u64::from(a)));
            let share = r.admitted.and_then(|a| format::percent(u64::from(a), u64::from(r.quota))).unwrap_or_else(|| "—".into());
            let label = y.as_of.map_or_else(|| y.year.to_string(), |d| format!("{} (đến {})", y.year, format::date(d)));
            let class = if r.lagging { "lagging" } else { "" };
            view! {
                <tr class=class>
                    <th scope="row">{label}</th>
                    <td class="num">{format::int(u64::from(r.quota))}</td>
                    <td class="num">{admitted}</td>
                    <td class="num">{share}</td>
                    <td>{if r.lagging { "Chậm tiến độ" } else { "Đạt tiến độ" }}</td>
                </tr>
            }
        })
        .collect_view();
    Some(view! {
        <h2>"Chỉ tiêu kết nạp"</h2>
        <div class="table-wrap" tabindex="0">
            <DataTable caption="Chỉ tiêu Đảng ủy Khối giao và kết quả" columns=vec![Column::text("Năm"), Column::num("Chỉ tiêu"), Column::num("Đã kết nạp"), Column::num("Tỷ lệ"), Column::text("Tiến độ")]>
                <tbody>{body}</tbody>
            </DataTable>
        </div>
    })
}

/// The latest year's quota progress of a grassroots organization, what its branches admitted and
/// its monthly curve against its own pace: the dashboard's components for one organization. The
/// app mounts here (`data-org`) and lets the reader pick the year, compare two, chart or table.
fn quota_figures(ctx: &Context<'_>, code: &OrgCode) -> Option<impl IntoView> {
    let overview = ctx.quota.only(code.as_str());
    let data = overview.latest()?.clone();
    let year = data.year;
    let years: Vec<i32> = overview.years.iter().map(|y| y.year).collect();
    let filter = QuotaFilter { parent: Some(code.to_string()), ..QuotaFilter::default() };
    let state = ViewState { year: Some(year), filter: filter.clone(), ..ViewState::default() };
    let branches = data.rows.first().is_some_and(|r| r.committee).then(|| view! { <BranchAdmissionsTable data=data.clone() /> });
    let who = quota_scope(&filter, &data);
    Some(view! {
        <h2>"Tiến độ kết nạp trong năm"</h2>
        <p id="app-status" class="app-status" role="status"></p>
        <div id="quota-app" class="app-root" data-year=year.to_string() data-org=code.to_string()>
            <Controls years=years committees=Vec::new() state=Signal::stored(state) one_org=true />
            <QuotaFigure data=data.clone() filter=filter />
            {branches}
            <CumulativeFigure data=data who=who />
        </div>
        {super::embedded_json("quota-data", &overview)}
    })
}

/// Branch meetings and required documents per year (branches only).
fn meetings(ctx: &Context<'_>, code: &OrgCode) -> Option<impl IntoView> {
    let rows: Vec<_> = ctx
        .data
        .years
        .iter()
        .rev()
        .filter_map(|(&year, y)| y.reports.get(code).and_then(|r| r.meetings.as_ref().map(|m| (year, r, m))))
        .collect();
    if rows.is_empty() {
        return None;
    }
    let body = rows
        .into_iter()
        .map(|(year, r, m)| {
            let months_met = m.monthly.iter().filter(|&&n| n > 0).count();
            let label = r.as_of.map_or_else(|| year.to_string(), |d| format!("{year} (đến {})", format::date(d)));
            let docs = r.required_docs.map_or_else(|| "—".to_string(), |d| format!("{}/{}", d.done(), app::model::RequiredDocs::TOTAL));
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td class="num">{format!("{months_met}/{}", m.monthly.len())}</td>
                    <td class="num">{format::ratio(u64::from(m.attended), u64::from(m.attendance_expected))}</td>
                    <td class="num">{m.thematic.to_string()}</td>
                    <td class="num">{m.forums.to_string()}</td>
                    <td class="num">{m.score.map_or_else(|| "—".to_string(), |s| s.to_string())}</td>
                    <td class="num">{docs}</td>
                </tr>
            }
        })
        .collect_view();
    Some(view! {
        <h2>"Sinh hoạt chi bộ"</h2>
        <div class="table-wrap" tabindex="0">
            <DataTable caption="Sinh hoạt định kỳ, tỷ lệ dự, chuyên đề, diễn đàn, điểm và văn bản bắt buộc" columns=vec![Column::text("Năm"), Column::num("Tháng có sinh hoạt"), Column::num("Lượt dự / phải dự"), Column::num("Chuyên đề"), Column::num("Diễn đàn"), Column::num("Điểm"), Column::num("Văn bản bắt buộc")]>
                <tbody>{body}</tbody>
            </DataTable>
        </div>
    })
}

/// An organization's headline figures: its members at the end of its latest report against the
/// year before, its admissions against its quota, its own latest grade.
fn org_cards(ctx: &Context<'_>, code: &OrgCode) -> Vec<Card> {
    let data = ctx.data;
    let mut cards = Vec::new();
    let reports: Vec<(i32, &app::model::Report)> = data.years.iter().filter_map(|(&y, yd)| yd.reports.get(code).map(|r| (y, r))).collect();
    if let Some(&(year, r)) = reports.last() {
        let before = reports.iter().rev().nth(1).filter(|(y, _)| *y == year - 1).map(|(_, b)| b.members.end.total());
        cards.push(members_card(year, r.as_of, r.members.end.total(), before, "#dang-vien-xep-loai"));
    }
    let overview = ctx.quota.only(code.as_str());
    if let Some(y) = overview.latest() {
        let filter = QuotaFilter { parent: Some(code.to_string()), ..QuotaFilter::default() };
        cards.push(admissions_card(y, &quota_scope(&filter, y)));
    }
    if let Some((year, grade)) = reports.iter().rev().find_map(|(y, r)| r.ratings.as_ref().and_then(|x| x.organization).map(|g| (*y, g))) {
        cards.push(Card {
            id: "the-xep-loai",
            label: "Xếp loại tổ chức",
            value: grade.name().to_string(),
            detail: format!("kết quả năm {year}"),
            href: "#dang-vien-xep-loai".into(),
        });
    }
    cards
}
