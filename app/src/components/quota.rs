use super::figure::Figure;
use crate::chart::{quota_chart, quota_summary, ChartLabels};
use crate::format;
use crate::stats::QuotaYear;
use leptos::prelude::*;

/// File stems under `/du-lieu/` of the tables behind the admission charts (the site writes
/// them; figures link to them).
pub fn quota_table_name(year: i32) -> String {
    format!("chi-tieu-ket-nap-{year}")
}

pub fn monthly_table_name(year: i32) -> String {
    format!("ket-nap-theo-thang-{year}")
}

/// "Tải dữ liệu: CSV · JSON" for a published table.
pub fn downloads(stem: &str) -> impl IntoView {
    view! {
        <p class="downloads">
            "Tải dữ liệu: "
            <a href=format!("/du-lieu/{stem}.csv") download="">"CSV"</a>
            " · "
            <a href=format!("/du-lieu/{stem}.json")>"JSON"</a>
        </p>
    }
}

/// The quota chart of one year, its summary sentence and its data table (the chart's text
/// alternative, and what prints).
#[component]
pub fn QuotaFigure(data: QuotaYear) -> impl IntoView {
    let title = format!("Tiến độ thực hiện chỉ tiêu kết nạp đảng viên năm {}", data.year);
    let summary = quota_summary(&data);
    let svg = quota_chart(&data, &ChartLabels { id: "bieu-do-chi-tieu", title: &title, description: &summary });
    let source = match data.as_of {
        Some(d) => format!("Nguồn: báo cáo của các tổ chức cơ sở đảng, số liệu đến ngày {}.", format::date(d)),
        None => format!("Nguồn: báo cáo năm {} của các tổ chức cơ sở đảng.", data.year),
    };
    let rows = data
        .rows
        .iter()
        .map(|r| {
            let admitted = r.admitted.map_or_else(|| "Chưa báo cáo".to_string(), |a| format::int(u64::from(a)));
            let share = r
                .admitted
                .and_then(|a| format::percent(u64::from(a), u64::from(r.quota)))
                .unwrap_or_else(|| "—".to_string());
            let status = if r.lagging { "Chậm tiến độ" } else { "Đạt tiến độ" };
            let class = if r.lagging { "lagging" } else { "" };
            let href = format!("/don-vi/{}/", r.code.to_ascii_lowercase());
            view! {
                <tr class=class>
                    <th scope="row"><a href=href>{r.name.clone()}</a></th>
                    <td class="num">{format::int(u64::from(r.quota))}</td>
                    <td class="num">{admitted}</td>
                    <td class="num">{share}</td>
                    <td>{status}</td>
                </tr>
            }
        })
        .collect_view();
    let total_share = format::percent(data.total_admitted(), data.total_quota()).unwrap_or_else(|| "—".into());
    view! {
        <Figure id="chi-tieu" title=title svg=svg summary=summary source=source table_name=quota_table_name(data.year)>
            <table class="data-table">
                <caption>{format!("Số liệu chỉ tiêu kết nạp năm {}", data.year)}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Tổ chức cơ sở đảng"</th>
                        <th scope="col" class="num">"Chỉ tiêu"</th>
                        <th scope="col" class="num">"Đã kết nạp"</th>
                        <th scope="col" class="num">"Tỷ lệ"</th>
                        <th scope="col">"Tiến độ"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">"Toàn Khối"</th>
                        <td class="num">{format::int(data.total_quota())}</td>
                        <td class="num">{format::int(data.total_admitted())}</td>
                        <td class="num">{total_share}</td>
                        <td>{format!("{} chậm tiến độ", data.lagging())}</td>
                    </tr>
                </tfoot>
            </table>
        </Figure>
    }
}

/// The year chooser: disabled in the static page (choosing needs the app), live when the app
/// passes `on_change`.
#[component]
pub fn YearSelect(years: Vec<i32>, selected: i32, #[prop(optional)] on_change: Option<Callback<i32>>) -> impl IntoView {
    let disabled = on_change.is_none();
    let options = years
        .into_iter()
        .rev()
        .map(|y| view! { <option value=y.to_string() selected=y == selected>{y.to_string()}</option> })
        .collect_view();
    view! {
        <div class="controls">
            <label class="control" for="chon-nam">
                <span>"Năm"</span>
                <select
                    id="chon-nam"
                    name="nam"
                    disabled=disabled
                    on:change=move |ev| {
                        if let (Some(cb), Ok(y)) = (on_change, event_target_value(&ev).parse::<i32>()) {
                            cb.run(y);
                        }
                    }
                >
                    {options}
                </select>
            </label>
        </div>
    }
}
