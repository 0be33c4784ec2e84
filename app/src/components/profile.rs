//! Who the new members are ("Cơ cấu đảng viên mới kết nạp"): the sentence the press writes
//! under each year's figures, and the table of the "trong đó" parts across the years.

use super::table::TableView;
use crate::format;
use crate::privacy::Disclosure;
use crate::routes::tables as names;
use crate::schema::ADMITTED_PROFILE;
use crate::stats::{ProfileOverview, ProfileYear, QuotaYear, Ratio};
use crate::table::{Cell, Column, Field, Row, Table};
use leptos::prelude::*;

/// How each part reads in a sentence, heads its column, and names its share in the files, in
/// `ADMITTED_PROFILE` order (the count's own key and meaning come from the schema).
struct Part {
    said: &'static str,
    heading: &'static str,
    share: Field,
}

const fn part(said: &'static str, heading: &'static str, key: &'static str, label: &'static str) -> Part {
    Part { said, heading, share: Field::new(key, label, "Phần trăm trên số kết nạp") }
}

const PARTS: [Part; 6] = [
    part("nữ", "Nữ", "ty_le_nu", "Tỷ lệ nữ (%)"),
    part("người dân tộc thiểu số", "Dân tộc thiểu số", "ty_le_dan_toc_thieu_so", "Tỷ lệ dân tộc thiểu số (%)"),
    part("người có đạo", "Có đạo", "ty_le_ton_giao", "Tỷ lệ có đạo (%)"),
    part("đoàn viên thanh niên", "Đoàn viên", "ty_le_doan_vien", "Tỷ lệ đoàn viên (%)"),
    part("chủ doanh nghiệp tư nhân", "Chủ doanh nghiệp", "ty_le_chu_doanh_nghiep", "Tỷ lệ chủ doanh nghiệp (%)"),
    part("kết nạp lại", "Kết nạp lại", "ty_le_ket_nap_lai", "Tỷ lệ kết nạp lại (%)"),
];

/// "Năm 2024, toàn Đảng bộ Khối kết nạp 162 đảng viên, đạt 92,6% chỉ tiêu; trong đó nữ 71
/// (43,8%), đoàn viên thanh niên 105 (64,8%) …" — from the data, as the press writes it. A part
/// the public build hides is left out (with its share); zero parts are not listed.
pub fn press_paragraph(quota: &QuotaYear, profile: Option<&ProfileYear>, disclosure: &Disclosure) -> String {
    let when = match quota.as_of {
        Some(d) => format!("Tính đến ngày {}", format::date(d)),
        None => format!("Năm {}", quota.year),
    };
    let mut text = format!(
        "{when}, toàn Đảng bộ Khối kết nạp {} đảng viên, đạt {} chỉ tiêu {}",
        format::int(quota.total_admitted()),
        format::percent(quota.total_admitted(), quota.total_quota()).unwrap_or_else(|| "—".into()),
        if quota.as_of.is_some() { format!("năm {}", quota.year) } else { "giao".to_string() }
    );
    let Some(p) = profile else { return text + "." };
    let parts: Vec<String> = (0..PARTS.len())
        .filter(|&i| p.parts[i] > 0 && disclosure.profile_hidden(p.year, i).is_none())
        .map(|i| format!("{} {} ({})", PARTS[i].said, format::int(p.parts[i]), p.share(i).percent_string()))
        .collect();
    if !parts.is_empty() {
        text.push_str("; trong đó ");
        text.push_str(&parts.join(", "));
    }
    text.push('.');
    if p.reported < p.grassroots {
        text.push_str(&format!(
            " Cơ cấu tính trên {} đảng viên mới của {}/{} tổ chức cơ sở đảng đã báo cáo cơ cấu.",
            format::int(p.admitted),
            p.reported,
            p.grassroots
        ));
    }
    text
}

/// The parts of each year's admitted, each with its share, and who reported them.
pub fn profile_table(profile: &ProfileOverview, disclosure: &Disclosure) -> Table {
    let mut columns = vec![
        Column::period(),
        Column::count("Kết nạp", Field::new("ket_nap", "Kết nạp", "Đảng viên mới kết nạp của các tổ chức đã báo cáo cơ cấu")),
    ];
    for (field, part) in ADMITTED_PROFILE.iter().zip(&PARTS) {
        let spec = field.spec();
        columns.push(Column::member(part.heading, Field::new(spec.key, part.heading, spec.comment)));
        columns.push(Column::share("Tỷ lệ", part.share.clone()));
    }
    columns.push(Column::ratio(
        "Tổ chức báo cáo",
        Field::new("to_chuc_bao_cao", "Tổ chức báo cáo cơ cấu", "Tổ chức cơ sở đảng đã báo cáo cơ cấu"),
        Field::new("to_chuc_co_so", "Tổ chức cơ sở đảng", "Tổ chức cơ sở đảng có báo cáo năm"),
    ));
    let rows = profile
        .years
        .iter()
        .map(|y| {
            let mut cells = vec![Cell::Count(y.admitted)];
            for i in 0..ADMITTED_PROFILE.len() {
                let published = disclosure.profile(y.year, i, y.parts[i]);
                let share = if published.is_hidden() { Cell::Withheld } else { Cell::Percent(y.share(i)) };
                cells.push(Cell::Member(published));
                cells.push(share);
            }
            cells.push(Cell::Ratio(Ratio::new(y.reported as u64, y.grassroots as u64)));
            Row::new(Cell::Period { year: y.year, as_of: y.as_of }, cells)
        })
        .collect();
    Table {
        name: Some(names::PROFILE.to_string()),
        title: "Cơ cấu đảng viên mới kết nạp".into(),
        caption: "Trong số đảng viên mới kết nạp: nữ, dân tộc thiểu số, có đạo, đoàn viên, chủ doanh nghiệp tư nhân, kết nạp lại (* năm chưa hết)"
            .into(),
        columns,
        rows,
        foot: Vec::new(),
        constant: Vec::new(),
    }
}

/// "Cơ cấu đảng viên mới kết nạp" under a year's figures: the press sentence, then the table.
#[component]
pub fn ProfileSection(quota: QuotaYear, profile: ProfileOverview, disclosure: Disclosure) -> impl IntoView {
    let sentence = press_paragraph(&quota, profile.year(quota.year), &disclosure);
    let table = (!profile.years.is_empty()).then(|| profile_table(&profile, &disclosure));
    let downloads = table.as_ref().and_then(|t| t.name.clone()).map(|stem| super::quota::downloads(&stem));
    view! {
        <section class="profile" aria-labelledby="co-cau-ket-nap">
            <h2 id="co-cau-ket-nap">"Cơ cấu đảng viên mới kết nạp"</h2>
            <p class="press-paragraph">{sentence}</p>
            {downloads}
            {table.map(|t| view! { <div class="table-wrap" tabindex="0"><TableView table=t /></div> })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::privacy::Audience;
    use crate::stats::{overview, testdata};

    fn year_with_profile() -> (QuotaYear, ProfileYear) {
        let quota = overview(&testdata::dataset()).quota.years[0].clone();
        let profile =
            ProfileYear { year: quota.year, as_of: None, reported: 3, grassroots: 4, admitted: 160, parts: [71, 2, 0, 105, 0, 3] };
        (quota, profile)
    }

    #[test]
    fn the_press_sentence_lists_published_parts_with_their_shares() {
        let (quota, profile) = year_with_profile();
        let shown = press_paragraph(&quota, Some(&profile), &Disclosure::default());
        assert!(shown.starts_with(&format!("Năm {}, toàn Đảng bộ Khối kết nạp ", quota.year)), "{shown}");
        assert!(
            shown.contains(
                "; trong đó nữ 71 (44,4%), người dân tộc thiểu số 2 (1,3%), đoàn viên thanh niên 105 (65,6%), kết nạp lại 3 (1,9%)."
            ),
            "{shown}"
        );
        assert!(!shown.contains("có đạo"), "zero parts are not listed: {shown}");
        assert!(shown.ends_with("của 3/4 tổ chức cơ sở đảng đã báo cáo cơ cấu."), "{shown}");

        // The public build hides 2 ethnic-minority members (k = 3): the sentence leaves it out.
        let mut stats = overview(&testdata::dataset());
        stats.profile.years = vec![profile.clone()];
        let public = Disclosure::new(&stats, Audience::Public, 3);
        let said = press_paragraph(&quota, Some(&profile), &public);
        assert!(!said.contains("dân tộc") && said.contains("nữ 71"), "{said}");
        let table = profile_table(&stats.profile, &public);
        assert!(table.check().is_ok());
        assert!(matches!(&table.rows[0].cells[3], Cell::Member(p) if p.is_hidden()));
        assert_eq!(table.rows[0].cells[4], Cell::Withheld, "the share of a hidden part is withheld");
    }
}
