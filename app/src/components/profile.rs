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
    let mut parts = parts;
    if p.university > 0 {
        let share = Ratio::new(p.university, p.education_admitted).percent_string();
        parts.push(format!("trình độ chuyên môn đại học {} ({share})", format::int(p.university)));
    }
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
        let profile = ProfileYear {
            year: quota.year,
            as_of: None,
            reported: 3,
            grassroots: 4,
            admitted: 160,
            parts: [71, 2, 0, 105, 0, 3],
            education_admitted: 0,
            university: 0,
        };
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

    /// The sentence for a data set that holds one organization's year: its quota and report.
    fn said_for(quota: u32, admitted: u32, women: u32, youth: u32, university: Option<u32>) -> String {
        use crate::model::{AdmittedProfile, Education};
        let mut data = testdata::dataset();
        data.years.retain(|&y, _| y == 2024);
        let y = data.years.get_mut(&2024).unwrap();
        let code = y.quotas.keys().next().unwrap().clone();
        y.quotas = [(code.clone(), quota)].into();
        let mut report = y.reports.remove(&code).unwrap();
        y.reports.clear();
        report.movements.admitted = admitted;
        report.monthly_admissions = [vec![0; 11], vec![admitted]].concat();
        report.admitted_profile = Some(AdmittedProfile { women, youth_union: youth, ..Default::default() });
        report.admitted_education = university.map(|u| Education { qualification: [0, 0, 0, 0, u, 0, 0], ..Default::default() });
        y.reports.insert(code, report);
        let stats = overview(&data);
        press_paragraph(&stats.quota.years[0], stats.profile.year(2024), &Disclosure::default())
    }

    /// Figures published by real party committees, reproduced from their counts (the press rounds
    /// half up to one decimal, as `format::percent` does):
    /// - Thị ủy Kinh Môn (Hải Dương), 2022: "kết nạp 166 đảng viên, đạt 87,4% chỉ tiêu tỉnh giao
    ///   cả năm (190 đảng viên) … 130 đảng viên nữ, chiếm 78,3%. 109 đảng viên có trình độ
    ///   chuyên môn đại học, chiếm 65,7%" — Báo Hải Dương, 07/09/2022,
    ///   https://m.baohaiduong.vn/xay-dung-dang---chinh-quyen/so-dang-vien-moi-ket-nap-o-kinh-mon-vuot-ca-nam-ngoai-213185
    /// - Huyện ủy Tứ Kỳ (Hải Dương), 2012: "kết nạp được 192 đảng viên, vượt 47,7% kế hoạch năm
    ///   … 125 đảng viên là nữ, chiếm 65,1%; 136 đảng viên là đoàn viên thanh niên, chiếm 70,8%"
    ///   (the plan, not printed, is the one number that gives 47,7%: 130) — Báo Hải Dương,
    ///   05/12/2012, https://baohaiduong.vn/tu-ky-ket-nap-dang-vuot-47-7-ke-hoach-319204.html
    #[test]
    fn figures_published_by_party_committees_are_reproduced() {
        let kinh_mon = said_for(190, 166, 130, 0, Some(109));
        assert!(kinh_mon.contains("kết nạp 166 đảng viên, đạt 87,4% chỉ tiêu"), "{kinh_mon}");
        assert!(kinh_mon.contains("trong đó nữ 130 (78,3%), trình độ chuyên môn đại học 109 (65,7%)."), "{kinh_mon}");
        let tu_ky = said_for(130, 192, 125, 136, None);
        assert!(tu_ky.contains("kết nạp 192 đảng viên, đạt 147,7% chỉ tiêu"), "{tu_ky}");
        assert!(tu_ky.contains("trong đó nữ 125 (65,1%), đoàn viên thanh niên 136 (70,8%)."), "{tu_ky}");
    }
}
