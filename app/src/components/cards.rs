//! The answer first: a few headline figures at the top of the statistics and organization
//! pages, each linking to the figure that explains it. Static in the HTML; the app rewrites the
//! admissions card when the filters change.

use crate::format;
use crate::stats::{QuotaFilter, QuotaYear};
use leptos::prelude::*;

/// One headline figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// The element's id (the app finds the admissions card by it).
    pub id: &'static str,
    pub label: &'static str,
    /// The figure itself: "29/40 — 72,5%".
    pub value: String,
    /// What it counts, and against what.
    pub detail: String,
    /// The figure or table that explains it (`#chi-tieu`).
    pub href: String,
}

/// The id of the admissions card.
pub const ADMISSIONS_CARD: &str = "the-ket-nap";

/// Admissions against the quota for the rows of `data` (the Khối, or one organization's
/// figures), `who` as `chart::quota_scope` names them.
pub fn admissions_card(data: &QuotaYear, who: &str) -> Card {
    card(data, data.total_admitted(), data.total_quota(), data.lagging(), who)
}

/// [`admissions_card`] for the rows `filter` keeps, summed in place: the app calls it on every
/// filter change, so it copies no row.
pub fn filtered_admissions_card(data: &QuotaYear, filter: &QuotaFilter) -> Card {
    let kept = || data.rows.iter().filter(|r| filter.keeps(r));
    let admitted = kept().filter_map(|r| r.admitted).map(u64::from).sum();
    let quota = kept().map(|r| u64::from(r.quota)).sum();
    let lagging = kept().filter(|r| r.lagging).count();
    card(data, admitted, quota, lagging, &crate::chart::rows_scope(filter, kept()))
}

fn card(data: &QuotaYear, admitted: u64, quota: u64, lagging: usize, who: &str) -> Card {
    let share = format::percent(admitted, quota).map(|p| format!(" — {p}")).unwrap_or_default();
    let until = data.as_of.map(|d| format!(", đến {}", format::date(d))).unwrap_or_default();
    Card {
        id: ADMISSIONS_CARD,
        label: "Kết nạp so với chỉ tiêu",
        value: format!("{}/{}{share}", format::int(admitted), format::int(quota)),
        detail: format!("năm {}{until}, {who}; {lagging} tổ chức chậm tiến độ", data.year),
        href: "#chi-tieu".into(),
    }
}

/// Members at the end of `year` (or at `as_of` in a year in progress) against the end of the
/// year before, when it is known.
pub fn members_card(year: i32, as_of: Option<chrono::NaiveDate>, now: u64, before: Option<u64>, href: &str) -> Card {
    let when = as_of.map_or_else(|| format!("cuối năm {year}"), |d| format!("đến {}", format::date(d)));
    let change = before.map(|b| format!(", {} so với cuối năm {}", format::signed(now as i64 - b as i64), year - 1));
    Card {
        id: "the-dang-vien",
        label: "Đảng viên",
        value: format::int(now),
        detail: format!("đảng viên {when}{}", change.unwrap_or_default()),
        href: href.into(),
    }
}

#[component]
pub fn HeadlineCards(cards: Vec<Card>) -> impl IntoView {
    let cards = cards
        .into_iter()
        .map(|c| {
            view! {
                <a class="card" id=c.id href=c.href>
                    <span class="card-label">{c.label}</span>
                    <strong class="card-value">{c.value}</strong>
                    <span class="card-detail">{c.detail}</span>
                </a>
            }
        })
        .collect_view();
    view! { <section class="cards" aria-label="Số liệu chính">{cards}</section> }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn the_admissions_card_says_how_many_of_how_many_and_who_lags() {
        let data = crate::stats::quota_overview(&crate::stats::testdata::dataset());
        let y = data.latest().unwrap();
        let card = admissions_card(y, "toàn Khối");
        assert!(card.value.starts_with(&format!("{}/{}", y.total_admitted(), y.total_quota())), "{card:?}");
        assert!(card.detail.contains(&format!("{} tổ chức chậm tiến độ", y.lagging())), "{card:?}");
        // Summed in place for a filter, the same as from the filtered copy.
        for filter in [
            QuotaFilter::default(),
            QuotaFilter { only_lagging: true, ..QuotaFilter::default() },
            QuotaFilter { enterprise: Some(true), ..QuotaFilter::default() },
        ] {
            let copy = y.filtered(&filter);
            assert_eq!(
                filtered_admissions_card(y, &filter),
                admissions_card(&copy, &crate::chart::quota_scope(&filter, &copy)),
                "{filter:?}"
            );
        }
        let html = view! { <HeadlineCards cards=vec![card] /> }.to_html();
        assert!(html.contains("id=\"the-ket-nap\"") && html.contains("href=\"#chi-tieu\""), "{html}");
    }
}
