use super::table::TableView;
use crate::privacy::Disclosure;
use crate::stats::{TargetKey, TargetYear};
use crate::table::{Cell, Column, Field, Row, Table};
use leptos::prelude::*;

/// The year's targets: what was set, what was achieved ("12/16 (75,0%)"), met or not, the gap.
/// A target that rests on hidden member counts gets no verdict: "met" or "not met" against a
/// known threshold would tell the reader an inequality about the hidden cells.
pub fn targets_table(data: &TargetYear, disclosure: &Disclosure) -> Table {
    let columns = vec![
        Column::text("Mục tiêu", Field::new("muc_tieu", "Mục tiêu", "Mục tiêu của Đảng ủy Khối")),
        Column { numeric: true, ..Column::text("Chỉ tiêu", Field::new("chi_tieu", "Chỉ tiêu", "Mức đặt ra")) },
        Column::ratio(
            "Kết quả",
            Field::new("dat", "Đạt (số)", "Số tổ chức, chi bộ hoặc đảng viên đạt yêu cầu"),
            Field::new("tong", "Trên tổng số", "Tổng số được tính"),
        ),
        Column::text("Đánh giá", Field::new("danh_gia", "Đánh giá", "Đạt, chưa đạt, hoặc không công bố vì có số nhỏ")),
        Column::text("Khoảng cách", Field::new("khoang_cach", "Khoảng cách", "Còn thiếu hoặc vượt bao nhiêu so với mục tiêu")),
    ];
    let rows = data
        .results
        .iter()
        .map(|r| {
            let masked = withheld(data, disclosure, r.key);
            let verdict = match (masked, r.met) {
                (true, _) => "Không công bố (số nhỏ)",
                (false, true) => "✓ Đạt",
                (false, false) => "✗ Chưa đạt",
            };
            let cells = vec![
                Cell::Text(r.target.clone()),
                if masked { Cell::Withheld } else { Cell::Ratio(r.achieved) },
                Cell::Text(verdict.to_string()),
                if masked { Cell::Withheld } else { Cell::Text(r.gap_text()) },
            ];
            Row { head: Cell::Text(r.name.clone()), cells, class: (!r.met && !masked).then_some("lagging") }
        })
        .collect();
    Table {
        name: Some(crate::routes::tables::targets(data.year)),
        title: format!("Thực hiện mục tiêu năm {}", data.year),
        caption: format!("Mục tiêu và kết quả năm {}", data.year),
        columns,
        rows,
        foot: Vec::new(),
        constant: vec![Field::year(data.year)],
    }
}

#[component]
pub fn TargetsTable(data: TargetYear, disclosure: Disclosure) -> impl IntoView {
    let published: Vec<_> = data.results.iter().filter(|r| !withheld(&data, &disclosure, r.key)).collect();
    let met = published.iter().filter(|r| r.met).count();
    let summary = match data.results.len() - published.len() {
        0 => format!("Đạt {met}/{} mục tiêu của Đảng ủy Khối.", published.len()),
        n => format!(
            "Đạt {met}/{} mục tiêu được công bố của Đảng ủy Khối; {n} mục tiêu về xếp loại đảng viên không công bố kết quả vì có số nhỏ.",
            published.len()
        ),
    };
    let table = targets_table(&data, &disclosure);
    let stem = table.name.clone().unwrap_or_default();
    view! {
        <section class="targets" aria-labelledby="muc-tieu">
            <h2 id="muc-tieu">{format!("Thực hiện mục tiêu năm {}", data.year)}</h2>
            <p class="chart-summary">{summary}</p>
            <p class="chart-source">{format!("Xếp loại theo {}.", data.rules.rating.name())}</p>
            {super::quota::downloads(&stem)}
            <div class="table-wrap" tabindex="0">
                <TableView table=table />
            </div>
        </section>
    }
}

/// Whether the result of `key` in `data`'s year rests on a member count the public build hides
/// (the member targets are shares of rated members).
pub fn withheld(data: &TargetYear, disclosure: &Disclosure, key: TargetKey) -> bool {
    matches!(key, TargetKey::MemberGoodOrBetter | TargetKey::MemberExcellent) && disclosure.member_shares_withheld(data.year)
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::privacy::Hidden;
    use crate::stats::testdata;

    fn table(disclosure: Disclosure) -> String {
        let d = testdata::dataset();
        let (ratings, meetings) = (crate::stats::ratings_overview(&d), crate::stats::meetings_overview(&d));
        let data = crate::stats::targets_overview(&d, &ratings, &meetings).year(2024).unwrap().clone();
        view! { <TargetsTable data=data disclosure=disclosure /> }.to_html()
    }

    #[test]
    fn verdicts_resting_on_hidden_member_counts_are_withheld() {
        let open = table(Disclosure::default());
        assert!(open.contains("Đạt 7/11 mục tiêu của Đảng ủy Khối."), "{open}");
        let mut disclosure = Disclosure { k: Some(3), ..Disclosure::default() };
        disclosure.member_grades.insert(2024, [Some(Hidden::Primary), Some(Hidden::Complementary), None, None, None]);
        let html = table(disclosure);
        // Both member rows: no achieved value, no verdict, no gap, not marked lagging.
        for name in ["Đảng viên hoàn thành tốt nhiệm vụ trở lên", "Đảng viên hoàn thành xuất sắc nhiệm vụ"] {
            let row = html.split("<tr").find(|r| r.contains(name)).unwrap_or_else(|| panic!("{name}: {html}"));
            assert!(!row.contains("Đạt") && !row.contains("Chưa đạt") && !row.contains("lagging"), "{row}");
            assert!(row.contains("Không công bố (số nhỏ)"), "{row}");
        }
        assert!(html.contains("Đạt 5/9 mục tiêu được công bố"), "the summary counts only published verdicts: {html}");
    }
}
