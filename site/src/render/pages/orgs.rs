//! `/don-vi/` and `/don-vi/<code>/`: organizations and their years.

use super::super::layout::{page, PageMeta};
use super::Context;
use app::format;
use app::model::{Level, OrgCode, Organization};
use leptos::prelude::*;

fn org_link(o: &Organization) -> impl IntoView {
    view! { <a href=format!("/don-vi/{}/", o.code.slug())>{o.name.clone()}</a> }
}

pub fn render_list(ctx: &Context<'_>) -> String {
    let meta = PageMeta { title: "Đơn vị", description: "Các tổ chức đảng trực thuộc Đảng bộ Khối.", path: "/don-vi/" };
    let data = ctx.data;
    let grassroots = data
        .orgs
        .values()
        .filter(|o| o.level.is_grassroots())
        .map(|o| {
            let branches = data.children(&o.code).map(|b| view! { <li>{org_link(b)}</li> }).collect_view();
            let ended = o.ended.map(|e| format!(" (đến {})", format::date(e)));
            view! {
                <li>
                    {org_link(o)}
                    <span class="meta">{format!(" — {} · {}", o.level.name(), o.kind.name())}{ended}</span>
                    <ul class="branches">{branches}</ul>
                </li>
            }
        })
        .collect_view();
    page(ctx, meta, view! { <h1>"Đơn vị"</h1><ul class="list orgs">{grassroots}</ul> })
}

pub fn render_one(ctx: &Context<'_>, code: &OrgCode) -> String {
    let data = ctx.data;
    let org = &data.orgs[code];
    let path = format!("/don-vi/{}/", code.slug());
    let description = format!("Số liệu công tác xây dựng Đảng của {}.", org.name);
    let meta = PageMeta { title: &org.name, description: &description, path: &path };
    let parent = match &org.level {
        Level::Branch { parent } => data.orgs.get(parent).map(|p| view! { <dt>"Trực thuộc"</dt><dd>{org_link(p)}</dd> }),
        _ => None,
    };
    let merged = org.merged_into.as_ref().and_then(|m| data.orgs.get(m)).map(|m| view! { <dt>"Sáp nhập vào"</dt><dd>{org_link(m)}</dd> });
    let ended = org.ended.map(|e| view! { <dt>"Kết thúc hoạt động"</dt><dd>{format::date(e)}</dd> });
    let branches: Vec<_> = data.children(code).collect();
    let branch_list = (!branches.is_empty()).then(|| {
        let items = branches.iter().map(|b| view! { <li>{org_link(b)}</li> }).collect_view();
        view! { <h2>"Chi bộ trực thuộc"</h2><ul class="list">{items}</ul> }
    });
    let rows = data
        .years
        .iter()
        .rev()
        .filter_map(|(&year, y)| {
            let r = y.reports.get(code)?;
            let quota = y.quotas.get(code).map_or_else(|| "—".to_string(), |q| format::int(u64::from(*q)));
            let grade = r.ratings.as_ref().and_then(|x| x.organization).map_or("—", |g| g.short());
            let label = match r.as_of {
                Some(d) => format!("{year} (đến {})", format::date(d)),
                None => year.to_string(),
            };
            Some(view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td class="num">{format::int(r.members.start.total())}</td>
                    <td class="num">{format::int(r.members.end.total())}</td>
                    <td class="num">{format::int(u64::from(r.movements.admitted))}</td>
                    <td class="num">{quota}</td>
                    <td>{grade}</td>
                </tr>
            })
        })
        .collect_view();
    page(
        ctx,
        meta,
        view! {
            <h1>{org.name.clone()}</h1>
            <dl class="doc-meta">
                <dt>"Mã đơn vị"</dt><dd>{code.to_string()}</dd>
                <dt>"Cấp"</dt><dd>{org.level.name()}</dd>
                <dt>"Loại hình"</dt><dd>{org.kind.name()}</dd>
                {parent}
                <dt>"Thành lập"</dt><dd>{format::date(org.founded)}</dd>
                {ended}
                {merged}
            </dl>
            <h2>"Số liệu qua các năm"</h2>
            <div class="table-wrap">
                <table class="data-table">
                    <caption>{format!("Đảng viên và kết nạp của {}", org.name)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Năm"</th>
                            <th scope="col" class="num">"Đầu năm"</th>
                            <th scope="col" class="num">"Cuối năm"</th>
                            <th scope="col" class="num">"Kết nạp"</th>
                            <th scope="col" class="num">"Chỉ tiêu"</th>
                            <th scope="col">"Xếp loại tổ chức"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {branch_list}
        },
    )
}
