//! `/du-lieu/`: every published table as CSV and JSON, with the data dictionary.

use super::super::layout::{page, PageMeta};
use super::super::tables::Table;
use super::Context;
use app::routes;
use leptos::prelude::*;

pub fn render(ctx: &Context<'_>, tables: &[Table]) -> String {
    let meta = PageMeta {
        title: "Dữ liệu mở",
        description: "Các bảng số liệu trên trang, tải về dạng CSV và JSON, kèm từ điển dữ liệu.",
        path: routes::DATA,
        app: None,
    };
    let list = tables
        .iter()
        .map(|t| {
            view! {
                <tr>
                    <th scope="row">{t.title.clone()}</th>
                    <td class="link"><a href=t.csv_path() download="">"CSV"</a></td>
                    <td class="link"><a href=t.json_path()>"JSON"</a></td>
                </tr>
            }
        })
        .collect_view();
    // One dictionary entry per kind of table (the title without its year).
    let kind_of = |t: &Table| t.title.rsplit_once(" năm ").map_or(t.title.clone(), |(head, _)| head.to_string());
    let mut seen: Vec<String> = Vec::new();
    let dictionary = tables
        .iter()
        .filter(|t| {
            let kind = kind_of(t);
            let fresh = !seen.contains(&kind);
            seen.push(kind);
            fresh
        })
        .map(|t| {
            let cols = t
                .columns
                .iter()
                .map(|c| view! { <tr><td><code>{c.key}</code></td><td>{c.label}</td><td class="long-text">{c.meaning}</td></tr> })
                .collect_view();
            let kind = kind_of(t);
            view! {
                <h3>{kind}</h3>
                <div class="table-wrap" tabindex="0">
                    <table class="data-table">
                        <thead><tr><th scope="col">"Cột (JSON)"</th><th scope="col">"Tên cột (CSV)"</th><th scope="col">"Ý nghĩa"</th></tr></thead>
                        <tbody>{cols}</tbody>
                    </table>
                </div>
            }
        })
        .collect_view();
    page(
        ctx,
        meta,
        view! {
            <h1>"Dữ liệu mở"</h1>
            <p class="lead">"Mỗi biểu đồ trên trang đều có bảng số liệu đi kèm. Tệp CSV dùng mã UTF-8 có BOM để mở đúng tiếng Việt trong Excel; tệp JSON kèm mô tả các cột."</p>
            <p>"Số liệu thay đổi giữa các lần cập nhật: " <a href=routes::CHANGES>"Thay đổi số liệu"</a> ". Các tổ chức đảng kiểm tra tệp báo cáo trước khi gửi tại trang " <a href=routes::CHECKER>"Kiểm tra báo cáo"</a> "."</p>
            <p>"Số liệu nhỏ về đảng viên không được công bố: xem "<a href=routes::METHOD>"phương pháp bảo vệ số liệu nhỏ"</a>"."</p>
            <div class="table-wrap" tabindex="0">
                <table class="data-table">
                    <caption>"Các bảng số liệu"</caption>
                    <thead><tr><th scope="col">"Bảng"</th><th scope="col">"CSV"</th><th scope="col">"JSON"</th></tr></thead>
                    <tbody>{list}</tbody>
                </table>
            </div>
            <h2>"Từ điển dữ liệu"</h2>
            {dictionary}
        },
    )
}
