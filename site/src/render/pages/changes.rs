//! `/thay-doi/`: every update of the published figures, newest first (see `render::changes`).

use super::super::changes::{Change, Update};
use super::super::layout::{page, PageMeta};
use super::Context;
use app::routes;
use leptos::prelude::*;

pub fn render(ctx: &Context<'_>) -> String {
    let meta = PageMeta {
        title: "Thay đổi số liệu",
        description: "Những số liệu đã thay đổi giữa các lần cập nhật trang: bảng, dòng, số cũ và số mới.",
        path: routes::CHANGES,
        app: None,
    };
    let updates = &ctx.history.updates;
    let body = if updates.is_empty() {
        view! { <p>"Chưa có thay đổi nào kể từ lần xuất bản đầu tiên của trang này."</p> }.into_any()
    } else {
        updates.iter().map(update).collect_view().into_any()
    };
    page(
        ctx,
        meta,
        view! {
            <h1>"Thay đổi số liệu"</h1>
            <p class="lead">
                "Mỗi lần trang được cập nhật, các bảng số liệu công bố được so với lần trước: số nào đổi, dòng nào thêm hay bớt, văn bản nào mới. "
                {ctx.updated.clone()}
            </p>
            <p>"Theo dõi qua " <a href=routes::CHANGES_FEED>"nguồn tin Atom"</a> "; số liệu đầy đủ ở trang " <a href=routes::DATA>"Dữ liệu mở"</a> "."</p>
            {body}
        },
    )
}

fn update(u: &Update) -> impl IntoView {
    let more = (u.more > 0)
        .then(|| view! { <p>{format!("Và {} thay đổi khác (xem các bảng ở trang Dữ liệu mở).", app::format::int(u.more as u64))}</p> });
    let version = u.version.clone().map(|v| view! { <p class="chart-source">{format!("Theo {v}.")}</p> });
    view! {
        <section id=u.anchor() aria-labelledby=format!("{}-h", u.anchor())>
            <h2 id=format!("{}-h", u.anchor())>{u.title()}</h2>
            {version}
            {groups(&u.changes)}
            {more}
        </section>
    }
}

/// Changes of one table under its title (linked to its data); documents and whole tables as
/// one list.
fn groups(changes: &[Change]) -> impl IntoView {
    let mut out = Vec::new();
    let mut rest = Vec::new();
    let mut i = 0;
    while i < changes.len() {
        let c = &changes[i];
        if !c.in_table() {
            rest.push(c);
            i += 1;
            continue;
        }
        let n = changes[i..].iter().take_while(|d| d.in_table() && d.table == c.table).count();
        let title = match &c.link {
            Some(href) => view! { <a href=href.clone()>{c.table.clone()}</a> }.into_any(),
            None => c.table.clone().into_any(),
        };
        let items = changes[i..i + n].iter().map(|d| view! { <li>{d.detail()}</li> }).collect_view();
        out.push(view! { <h3>{title}</h3><ul class="change-list">{items}</ul> }.into_any());
        i += n;
    }
    if !rest.is_empty() {
        out.push(view! { <h3>"Bảng và văn bản"</h3><ul class="change-list">{rest.into_iter().map(change).collect_view()}</ul> }.into_any());
    }
    out
}

fn change(c: &Change) -> impl IntoView {
    let text = c.sentence();
    match &c.link {
        Some(href) => view! { <li><a href=href.clone()>{text}</a></li> }.into_any(),
        None => view! { <li>{text}</li> }.into_any(),
    }
}
