//! The yearly statistical forms of Hướng dẫn 11-HD/BTCTW as the Khối fills them (Biểu 1, 2, 3,
//! 7 and the ratings): each row a sum over the grassroots organizations' reports, for the whole
//! Khối and by kind, this year and the year before. Declared once in [`FORMS`]; the tables on
//! `/thong-ke/<year>/`, their CSV/JSON and the workbook are read from it.

use super::scope;
use crate::model::{Dataset, Grade, OrgKind, Organization, Report, Workplace};
use crate::schema::{
    Field, Privacy, Section, ADMITTED_AGES, ADMITTED_PROFILE, ADMITTED_QUALIFICATION, ADMITTED_SCHOOLING, BADGES, CARDS, MEMBERS_AT_END,
    MEMBER_AGES, MEMBER_QUALIFICATION, MEMBER_SCHOOLING, THEORY,
};
use chrono::NaiveDate;

/// Whom a column counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Khoi,
    Agencies,
    Enterprises,
}

impl Scope {
    pub const ALL: [Scope; 3] = [Scope::Khoi, Scope::Agencies, Scope::Enterprises];

    pub fn name(self) -> &'static str {
        match self {
            Scope::Khoi => "Toàn Khối",
            Scope::Agencies => "Cơ quan",
            Scope::Enterprises => "Doanh nghiệp",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Scope::Khoi => "toan_khoi",
            Scope::Agencies => "co_quan",
            Scope::Enterprises => "doanh_nghiep",
        }
    }

    fn holds(self, kind: OrgKind) -> bool {
        match self {
            Scope::Khoi => true,
            Scope::Agencies => kind == OrgKind::Agency,
            Scope::Enterprises => matches!(kind, OrgKind::Enterprise(_)),
        }
    }
}

/// What a row counts.
#[derive(Clone, Copy, Debug)]
pub enum Measure {
    /// The sum of these fields over the reports.
    Sum(&'static [Field]),
    /// The first field less the second (transfers within the province).
    Difference(Field, Field),
    /// Organizations whose report has the field above 0 (those that admitted anyone).
    OrgsWith(Field),
    /// Organizations rated this grade.
    OrgsGraded(Grade),
    /// Members at the end in organizations of this type of workplace (`None`: of no type given).
    MembersIn(Option<Workplace>),
    /// Organizations of this type of workplace.
    OrgsIn(Option<Workplace>),
}

impl Measure {
    fn of(self, org: &Organization, r: &Report) -> u64 {
        let count = |f: Field| u64::from(f.count(r).unwrap_or(0));
        match self {
            Measure::Sum(fields) => fields.iter().map(|&f| count(f)).sum(),
            Measure::Difference(a, b) => count(a).saturating_sub(count(b)),
            Measure::OrgsWith(f) => u64::from(count(f) > 0),
            Measure::OrgsGraded(g) => u64::from(r.ratings.as_ref().and_then(|x| x.organization) == Some(g)),
            Measure::MembersIn(w) if org.workplace == w => r.members.end.total(),
            Measure::MembersIn(_) => 0,
            Measure::OrgsIn(w) => u64::from(org.workplace == w),
        }
    }

    /// Whether the reports have what the row counts (a section left out counts nowhere).
    fn present(self, r: &Report) -> bool {
        match self {
            Measure::Sum(fields) => fields.iter().all(|f| f.get(r).is_some()),
            Measure::Difference(a, b) => a.get(r).is_some() && b.get(r).is_some(),
            Measure::OrgsWith(f) => f.get(r).is_some(),
            Measure::OrgsGraded(_) => r.ratings.is_some(),
            Measure::MembersIn(_) | Measure::OrgsIn(_) => true,
        }
    }

    pub fn privacy(self) -> Privacy {
        match self {
            Measure::Sum(fields) if fields.iter().any(|f| f.spec().privacy == Privacy::MemberLevel) => Privacy::MemberLevel,
            Measure::Sum(_) | Measure::Difference(..) | Measure::MembersIn(_) => Privacy::MemberCount,
            Measure::OrgsWith(_) | Measure::OrgsGraded(_) | Measure::OrgsIn(_) => Privacy::Organization,
        }
    }
}

pub struct FormRow {
    /// The row heading; empty for the field's own comment.
    pub label: &'static str,
    pub measure: Measure,
    /// A "trong đó" row under the one before.
    pub sub: bool,
    /// Rows that partition a whole shown elsewhere (grades and the not rated, forms of
    /// discipline): the disclosure step hides them together.
    pub block: Option<u8>,
}

impl FormRow {
    /// The label as a row heading: a schema comment ("nữ") starts with a capital ("Nữ").
    pub fn heading(&self) -> String {
        let label = self.label();
        let mut chars = label.chars();
        chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
    }

    pub fn label(&self) -> &'static str {
        match (self.label, self.measure) {
            ("", Measure::Sum([f])) => f.spec().comment,
            ("", Measure::MembersIn(Some(w))) => w.name(),
            (label, _) => label,
        }
    }
}

pub struct Form {
    /// "1", "2" …: the form's number in Hướng dẫn 11-HD/BTCTW.
    pub number: &'static str,
    /// The stem of its files: `bieu-1`.
    pub key: &'static str,
    pub title: &'static str,
    pub rows: &'static [FormRow],
    /// The section without which a year has no such form (ratings: complete years only).
    pub requires: Option<Section>,
    /// The title of its composition table (each part as a share of the first row), for the
    /// forms whose rows are parts of a whole: "Cơ cấu đảng viên mới kết nạp".
    pub composition: Option<&'static str>,
}

const fn row(label: &'static str, measure: Measure) -> FormRow {
    FormRow { label, measure, sub: false, block: None }
}

const fn sub(label: &'static str, measure: Measure) -> FormRow {
    FormRow { label, measure, sub: true, block: None }
}

const fn field(f: &'static [Field]) -> FormRow {
    FormRow { label: "", measure: Measure::Sum(f), sub: true, block: None }
}

const fn decrease(label: &'static str, measure: Measure, sub: bool) -> FormRow {
    FormRow { label, measure, sub, block: Some(3) }
}

const fn in_block(block: u8, label: &'static str, measure: Measure) -> FormRow {
    FormRow { label, measure, sub: true, block: Some(block) }
}

/// Rows from a list of fields, each a "trong đó" row labelled by its schema comment.
macro_rules! fields {
    ($list:expr) => {{
        const L: &[Field] = &$list;
        const ROWS: [FormRow; L.len()] = {
            let mut rows = [const { field(&[]) }; L.len()];
            let mut i = 0;
            while i < L.len() {
                rows[i] = field(std::slice::from_ref(&L[i]));
                i += 1;
            }
            rows
        };
        ROWS
    }};
}

const fn concat<const N: usize>(parts: &[&[FormRow]]) -> [FormRow; N] {
    let mut out = [const { field(&[]) }; N];
    let (mut n, mut p) = (0, 0);
    while p < parts.len() {
        let mut i = 0;
        while i < parts[p].len() {
            let r = &parts[p][i];
            out[n] = FormRow { label: r.label, measure: r.measure, sub: r.sub, block: r.block };
            n += 1;
            i += 1;
        }
        p += 1;
    }
    assert!(n == N, "the form's row count");
    out
}

use Measure::{Difference, MembersIn, OrgsGraded, OrgsIn, OrgsWith, Sum};

/// Biểu 1's decreases add up to start + increases − end: one block (3), subs included.
const FORM_1: [FormRow; 17] = [
    row("Đảng viên đầu kỳ", Sum(&[Field::StartFull, Field::StartProbationary])),
    row("Tăng: kết nạp mới", Sum(&[Field::Admitted])),
    row("Tăng: chuyển sinh hoạt đến", Sum(&[Field::TransferredIn])),
    sub("trong đó: từ tỉnh, thành phố khác", Sum(&[Field::TransferredInOtherProvince])),
    sub("trong đó: trong tỉnh", Difference(Field::TransferredIn, Field::TransferredInOtherProvince)),
    row("Tăng: phục hồi đảng tịch", Sum(&[Field::Restored])),
    decrease("Giảm: từ trần", Sum(&[Field::Deceased]), false),
    decrease("Giảm: khai trừ", Sum(&[Field::Expelled]), false),
    decrease("Giảm: xóa tên", Sum(&[Field::StruckOff]), false),
    decrease("Giảm: dự bị không được công nhận chính thức", Sum(&[Field::ProbationFailed]), false),
    decrease("Giảm: ra khỏi Đảng", Sum(&[Field::Removed]), false),
    decrease("Giảm: chuyển sinh hoạt đi", Sum(&[Field::TransferredOut]), false),
    decrease("trong đó: đi tỉnh, thành phố khác", Sum(&[Field::TransferredOutOtherProvince]), true),
    decrease("trong đó: trong tỉnh", Difference(Field::TransferredOut, Field::TransferredOutOtherProvince), true),
    row("Đảng viên cuối kỳ", Sum(&MEMBERS_AT_END)),
    sub("trong đó: chính thức", Sum(&[Field::EndFull])),
    sub("trong đó: dự bị", Sum(&[Field::EndProbationary])),
];

const FORM_2: [FormRow; 2 + 6 + 8 + 2 + 7] = concat(&[
    &[
        row("Tổng số đảng viên mới kết nạp", Sum(&[Field::Admitted])),
        row("Tổ chức cơ sở đảng kết nạp được đảng viên", OrgsWith(Field::Admitted)),
    ],
    &fields!(ADMITTED_PROFILE),
    &fields!(ADMITTED_AGES),
    &fields!(ADMITTED_SCHOOLING),
    &fields!(ADMITTED_QUALIFICATION),
]);

const FORM_3: [FormRow; 3 + 6 + 8 + 2 + 7 + 3] = concat(&[
    &[
        row("Tổng số đảng viên", Sum(&MEMBERS_AT_END)),
        sub("trong đó: dự bị", Sum(&[Field::EndProbationary])),
        sub("được miễn công tác và sinh hoạt đảng", Sum(&[Field::Exempted])),
    ],
    &fields!(crate::schema::MEMBER_PROFILE),
    &fields!(MEMBER_AGES),
    &fields!(MEMBER_SCHOOLING),
    &fields!(MEMBER_QUALIFICATION),
    &fields!(THEORY),
]);

const FORM_7: [FormRow; 12 + 3 + 1 + 3 + 1] = concat(&[
    &fields!(BADGES),
    &fields!(CARDS),
    &[
        row("Đảng viên bị kỷ luật trong năm", Sum(&[Field::Disciplined])),
        in_block(1, "", Sum(&[Field::Reprimand])),
        in_block(1, "", Sum(&[Field::Warning])),
        in_block(1, "", Sum(&[Field::Dismissal])),
        row("Khai trừ khỏi Đảng", Sum(&[Field::Expelled])),
    ],
]);

/// Biểu 5: members and grassroots organizations by type of workplace.
const FORM_5: [FormRow; 2 * Workplace::ALL.len() + 2] = {
    let mut rows = [const { field(&[]) }; 2 * Workplace::ALL.len() + 2];
    let mut i = 0;
    while i < Workplace::ALL.len() {
        rows[2 * i] = row("", MembersIn(Some(Workplace::ALL[i])));
        rows[2 * i + 1] = sub("số tổ chức cơ sở đảng", OrgsIn(Some(Workplace::ALL[i])));
        i += 1;
    }
    rows[2 * i] = row("Chưa ghi loại hình (loai_hinh)", MembersIn(None));
    rows[2 * i + 1] = sub("số tổ chức cơ sở đảng", OrgsIn(None));
    rows
};

const RATINGS: [FormRow; 4 + 1 + 4 + 3] = [
    row("Tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ", OrgsGraded(Grade::Excellent)),
    row("Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ", OrgsGraded(Grade::Good)),
    row("Tổ chức cơ sở đảng hoàn thành nhiệm vụ", OrgsGraded(Grade::Completed)),
    row("Tổ chức cơ sở đảng không hoàn thành nhiệm vụ", OrgsGraded(Grade::Failed)),
    row("Đảng viên cuối năm", Sum(&MEMBERS_AT_END)),
    in_block(2, "", Sum(&[Field::MembersExcellent])),
    in_block(2, "", Sum(&[Field::MembersGood])),
    in_block(2, "", Sum(&[Field::MembersCompleted])),
    in_block(2, "", Sum(&[Field::MembersFailed])),
    in_block(2, "", Sum(&[Field::NotRatedNew])),
    in_block(2, "", Sum(&[Field::NotRatedExempted])),
    in_block(2, "", Sum(&[Field::NotRatedSuspended])),
];

pub const FORMS: &[Form] = &[
    Form { number: "1", key: "bieu-1", title: "Tăng, giảm đảng viên", rows: &FORM_1, requires: None, composition: None },
    Form {
        number: "2",
        key: "bieu-2",
        title: "Đảng viên mới kết nạp",
        rows: &FORM_2,
        requires: None,
        composition: Some("Cơ cấu đảng viên mới kết nạp"),
    },
    Form {
        number: "3",
        key: "bieu-3",
        title: "Đội ngũ đảng viên",
        rows: &FORM_3,
        requires: None,
        composition: Some("Cơ cấu đội ngũ đảng viên"),
    },
    Form {
        number: "5", key: "bieu-5", title: "Đảng viên theo loại hình tổ chức", rows: &FORM_5, requires: None, composition: None
    },
    Form {
        number: "7",
        key: "bieu-7",
        title: "Huy hiệu Đảng, thẻ đảng viên và kỷ luật đảng viên",
        rows: &FORM_7,
        requires: None,
        composition: None,
    },
    Form {
        number: "6",
        key: "bieu-xep-loai",
        title: "Kết quả đánh giá, xếp loại chất lượng",
        rows: &RATINGS,
        requires: Some(Section::Ratings),
        composition: None,
    },
];

/// One year's forms: per form, per row, the value for each scope (`Scope::ALL` order); `None`
/// where no report of the year has what the row counts.
#[derive(Clone, Debug, PartialEq)]
pub struct FormsYear {
    pub year: i32,
    pub as_of: Option<NaiveDate>,
    pub values: Vec<Vec<Option<[u64; 3]>>>,
}

impl FormsYear {
    pub fn value(&self, form: usize, row: usize) -> Option<[u64; 3]> {
        self.values.get(form).and_then(|f| f.get(row)).copied().flatten()
    }

    /// Whether the form has any row with data this year.
    pub fn has(&self, form: usize) -> bool {
        self.values[form].iter().any(Option::is_some)
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormsOverview {
    pub years: Vec<FormsYear>,
}

impl FormsOverview {
    pub fn year(&self, year: i32) -> Option<&FormsYear> {
        self.years.iter().find(|y| y.year == year)
    }
}

pub fn forms_overview(data: &Dataset) -> FormsOverview {
    let years = data
        .years
        .iter()
        .map(|(&year, y)| {
            let reports: Vec<_> = scope::grassroots(data, y).collect();
            let values = FORMS
                .iter()
                .map(|form| {
                    let in_year = form.requires.is_none_or(|s| reports.iter().any(|(_, r)| s.fields().any(|f| f.field.get(r).is_some())));
                    if !in_year {
                        return vec![None; form.rows.len()];
                    }
                    form.rows
                        .iter()
                        .map(|row| {
                            reports.iter().any(|(_, r)| row.measure.present(r)).then(|| {
                                Scope::ALL.map(|s| {
                                    reports
                                        .iter()
                                        .filter(|(o, r)| s.holds(o.kind) && row.measure.present(r))
                                        .map(|(o, r)| row.measure.of(o, r))
                                        .sum()
                                })
                            })
                        })
                        .collect()
                })
                .collect();
            FormsYear { year, as_of: scope::as_of(y), values }
        })
        .collect();
    FormsOverview { years }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_a_label_and_scopes_add_up() {
        for form in FORMS {
            for row in form.rows {
                assert!(!row.label().is_empty(), "a row of biểu {} has no label", form.number);
            }
        }
        let data = crate::stats::testdata::dataset();
        let o = forms_overview(&data);
        for y in &o.years {
            for (f, form) in FORMS.iter().enumerate() {
                for i in 0..form.rows.len() {
                    if let Some([k, a, e]) = y.value(f, i) {
                        assert_eq!(k, a + e, "biểu {} row {i} in {}", form.number, y.year);
                    }
                }
            }
        }
        // Biểu 1 balances: start + increases − decreases = end.
        let y = o.year(2024).unwrap();
        let v = |i: usize| y.value(0, i).unwrap()[0] as i64;
        let increases = v(1) + v(2) + v(5);
        let decreases = (6..=11).map(v).sum::<i64>();
        assert_eq!(v(0) + increases - decreases, v(14));
    }
}
