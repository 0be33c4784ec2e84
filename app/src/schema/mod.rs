//! The yearly report, described once. Every key of `data/reports/<year>/<CODE>.toml` is one
//! [`FieldSpec`] here: its TOML key and section, where it lives in [`Report`] (through
//! [`Field::get`] and [`Field::set`]), its Vietnamese label and comment, its unit and range, the
//! organization levels it applies to, whether it counts members (its privacy class) and how it
//! adds up from branches to their đảng bộ cơ sở. The reader (`site::load::report`), the one
//! TOML writer ([`write`]: `site new report` and the sample generator), the hierarchy-sum check,
//! the location of every finding and the reference table of `docs/data-format.md`
//! ([`reference`]) all follow from this table, so a new field is one entry here and one in
//! the model.

mod access;
pub mod reference;
pub mod relations;
pub mod write;

pub use access::Value;

use crate::model::Level;

/// A section of the report: a TOML table (or the top of the file).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Top,
    Members,
    MemberProfile,
    MemberAges,
    MemberEducation,
    Movements,
    AdmittedProfile,
    AdmittedAges,
    AdmittedEducation,
    Ratings,
    PartyWork,
    Discipline,
    Meetings,
    RequiredDocs,
    NextYearPlan,
}

/// Which organizations a section or field is written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applies {
    Every,
    /// Branches that hold meetings: chi bộ cơ sở and chi bộ trực thuộc.
    Branches,
    /// Chi bộ trực thuộc only (visits of the committee above).
    BranchesUnderCommittee,
    /// Tổ chức cơ sở đảng: đảng bộ cơ sở and chi bộ cơ sở.
    Grassroots,
}

impl Applies {
    pub fn to(self, level: &Level) -> bool {
        match self {
            Applies::Every => true,
            Applies::Branches => level.holds_meetings(),
            Applies::BranchesUnderCommittee => matches!(level, Level::Branch { .. }),
            Applies::Grassroots => level.is_grassroots(),
        }
    }

    fn doc(self) -> &'static str {
        match self {
            Applies::Every => "mọi tổ chức",
            Applies::Branches => "chi bộ (chi bộ cơ sở, chi bộ trực thuộc)",
            Applies::BranchesUnderCommittee => "chi bộ trực thuộc",
            Applies::Grassroots => "tổ chức cơ sở đảng",
        }
    }
}

pub struct SectionSpec {
    pub section: Section,
    /// The TOML table name; empty for the top of the file.
    pub key: &'static str,
    /// Vietnamese comment beside the table header, and the heading in the docs.
    pub comment: &'static str,
    pub meaning: &'static str,
    /// Whether a report must have it (E003 when missing).
    pub required: bool,
    pub applies: Applies,
    /// Only in a complete year (not with `ngay_so_lieu`).
    pub complete_years_only: bool,
    /// A paragraph under the section's table in the docs.
    pub note: &'static str,
}

/// What a field holds, as written in TOML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The report year: a whole number.
    Year,
    /// An organization code string.
    OrgCode,
    Date,
    Text,
    /// A count ≥ 0.
    Count,
    /// One count per month covered, January first.
    Months,
    /// One count per quarter covered.
    Quarters,
    Bool,
    /// A grade key (`xuat_sac` …).
    Grade,
}

/// What a count counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    None,
    Members,
    Attendances,
    Meetings,
    Visits,
    Points,
}

impl Unit {
    pub fn name(self) -> &'static str {
        match self {
            Unit::None => "",
            Unit::Members => "người",
            Unit::Attendances => "lượt",
            Unit::Meetings => "buổi",
            Unit::Visits => "lượt",
            Unit::Points => "điểm",
        }
    }
}

/// Who a count can point at. A member-level count (ratings of members, discipline, strikings
/// off…) says something about individuals when it is small: the public build publishes it
/// only through `privacy::Disclosure`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Privacy {
    /// Never published (the organization's note).
    Unpublished,
    /// Not about members (dates, meetings, documents, the organization's own grade).
    Organization,
    /// A count of members that carries no judgement (stock, admissions, transfers).
    MemberCount,
    /// A count of members that says something of them (grades, discipline, removals).
    MemberLevel,
}

/// How a đảng bộ cơ sở's value relates to its branches' (checked by E050).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sum {
    /// Not summed (texts, dates, the organization's own grade, meetings).
    None,
    /// The committee's count is the sum of its branches' counts.
    Total,
    /// Month by month, the sum of the branches' months.
    PerMonth,
}

/// Whether a field must be written when its section is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    Required,
    Optional,
}

/// Every key of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Year,
    Org,
    AsOf,
    Note,
    StartFull,
    StartProbationary,
    EndFull,
    EndProbationary,
    Exempted,
    Suspended,
    Disciplined,
    MemberWomen,
    MemberEthnicMinority,
    MemberReligious,
    MemberYouthUnion,
    Retired,
    RetiredExempted,
    MemberAge18To30,
    MemberAge31To35,
    MemberAge36To40,
    MemberAge41To45,
    MemberAge46To50,
    MemberAge51To55,
    MemberAge56To60,
    MemberAgeOver60,
    MemberLowerSecondary,
    MemberUpperSecondary,
    MemberUntrained,
    MemberElementary,
    MemberIntermediate,
    MemberCollege,
    MemberUniversity,
    MemberMaster,
    MemberDoctor,
    TheoryElementary,
    TheoryIntermediate,
    TheoryAdvanced,
    Admitted,
    MadeFull,
    ProbationFailed,
    TransferredIn,
    TransferredInOtherProvince,
    Restored,
    TransferredOut,
    TransferredOutOtherProvince,
    StruckOff,
    Expelled,
    Removed,
    Deceased,
    MonthlyAdmissions,
    AdmittedWomen,
    AdmittedEthnicMinority,
    AdmittedReligious,
    AdmittedYouthUnion,
    AdmittedBusinessOwners,
    Readmitted,
    AdmittedAge18To30,
    AdmittedAge31To35,
    AdmittedAge36To40,
    AdmittedAge41To45,
    AdmittedAge46To50,
    AdmittedAge51To55,
    AdmittedAge56To60,
    AdmittedAgeOver60,
    AdmittedLowerSecondary,
    AdmittedUpperSecondary,
    AdmittedUntrained,
    AdmittedElementary,
    AdmittedIntermediate,
    AdmittedCollege,
    AdmittedUniversity,
    AdmittedMaster,
    AdmittedDoctor,
    OrgGrade,
    OrgScore,
    CapException,
    MembersExcellent,
    MembersGood,
    MembersCompleted,
    MembersFailed,
    NotRatedNew,
    NotRatedExempted,
    NotRatedSuspended,
    Badge30,
    Badge40,
    Badge45,
    Badge50,
    Badge55,
    Badge60,
    Badge65,
    Badge70,
    Badge75,
    Badge80,
    Badge85,
    Badge90,
    CardsIssued,
    CardsReissuedLost,
    CardsReplacedDamaged,
    Reprimand,
    Warning,
    Dismissal,
    MeetingsMonthly,
    AttendanceExpected,
    Attended,
    UnexcusedAbsences,
    Thematic,
    Forums,
    UpperVisits,
    MeetingScore,
    WorkProgramme,
    InspectionProgramme,
    TaskAssignment,
    Directive05Plan,
    Commitments,
    PlanSent,
    PlanDate,
}

pub struct FieldSpec {
    pub field: Field,
    pub section: Section,
    pub key: &'static str,
    /// The Vietnamese comment written beside the key, and its label in the docs.
    pub comment: &'static str,
    /// The comment in a year in progress, where it differs ("tại ngày số liệu").
    pub comment_as_of: Option<&'static str>,
    pub meaning: &'static str,
    pub kind: Kind,
    pub unit: Unit,
    pub presence: Presence,
    /// Inclusive bounds beyond "a count ≥ 0".
    pub max: Option<u32>,
    pub applies: Applies,
    pub privacy: Privacy,
    pub sum: Sum,
    /// The rules the checks hold it to, for the docs (Vietnamese).
    pub rule: &'static str,
    /// Codes of the findings about it, for the docs.
    pub codes: &'static str,
}

impl FieldSpec {
    /// The dotted path that names it in findings and spans: `bien_dong.ket_nap`.
    pub fn path(&self) -> String {
        match section(self.section).key {
            "" => self.key.to_string(),
            s => format!("{s}.{}", self.key),
        }
    }
}

// FIELDS is in the declaration order of `Field`, one entry each: checked when compiling, so a
// new field without its entry (or out of place) does not build.
const _: () = {
    assert!(FIELDS.len() == Field::PlanDate as usize + 1, "every Field has an entry in FIELDS (update the last variant here)");
    let mut i = 0;
    while i < FIELDS.len() {
        assert!(FIELDS[i].field as usize == i, "FIELDS is in the order of Field");
        i += 1;
    }
};

/// The fields of `[ket_nap_trong_do]`, in the order of `AdmittedProfile::parts` (a test in
/// `access` holds them together).
pub const ADMITTED_PROFILE: [Field; 6] = [
    Field::AdmittedWomen,
    Field::AdmittedEthnicMinority,
    Field::AdmittedReligious,
    Field::AdmittedYouthUnion,
    Field::AdmittedBusinessOwners,
    Field::Readmitted,
];

/// The fields of `[dang_vien_trong_do]`, in the order of `MemberProfile`'s fields.
pub const MEMBER_PROFILE: [Field; 6] = [
    Field::MemberWomen,
    Field::MemberEthnicMinority,
    Field::MemberReligious,
    Field::MemberYouthUnion,
    Field::Retired,
    Field::RetiredExempted,
];

/// Members at the end by age band, in the order of `AgeBands`.
pub const MEMBER_AGES: [Field; 8] = [
    Field::MemberAge18To30,
    Field::MemberAge31To35,
    Field::MemberAge36To40,
    Field::MemberAge41To45,
    Field::MemberAge46To50,
    Field::MemberAge51To55,
    Field::MemberAge56To60,
    Field::MemberAgeOver60,
];

/// The admitted by age band, in the order of `AgeBands`.
pub const ADMITTED_AGES: [Field; 8] = [
    Field::AdmittedAge18To30,
    Field::AdmittedAge31To35,
    Field::AdmittedAge36To40,
    Field::AdmittedAge41To45,
    Field::AdmittedAge46To50,
    Field::AdmittedAge51To55,
    Field::AdmittedAge56To60,
    Field::AdmittedAgeOver60,
];

/// Members' general education, in the order of `Education::schooling`.
pub const MEMBER_SCHOOLING: [Field; 2] = [Field::MemberLowerSecondary, Field::MemberUpperSecondary];

/// Members' professional qualification, in the order of `Education::qualification`.
pub const MEMBER_QUALIFICATION: [Field; 7] = [
    Field::MemberUntrained,
    Field::MemberElementary,
    Field::MemberIntermediate,
    Field::MemberCollege,
    Field::MemberUniversity,
    Field::MemberMaster,
    Field::MemberDoctor,
];

/// The admitted's general education.
pub const ADMITTED_SCHOOLING: [Field; 2] = [Field::AdmittedLowerSecondary, Field::AdmittedUpperSecondary];

/// The admitted's professional qualification.
pub const ADMITTED_QUALIFICATION: [Field; 7] = [
    Field::AdmittedUntrained,
    Field::AdmittedElementary,
    Field::AdmittedIntermediate,
    Field::AdmittedCollege,
    Field::AdmittedUniversity,
    Field::AdmittedMaster,
    Field::AdmittedDoctor,
];

/// Members' political theory, in the order of `MemberEducation::theory`.
pub const THEORY: [Field; 3] = [Field::TheoryElementary, Field::TheoryIntermediate, Field::TheoryAdvanced];

/// Party badges by tier, in the order of `PartyWork::badges`.
pub const BADGES: [Field; 12] = [
    Field::Badge30,
    Field::Badge40,
    Field::Badge45,
    Field::Badge50,
    Field::Badge55,
    Field::Badge60,
    Field::Badge65,
    Field::Badge70,
    Field::Badge75,
    Field::Badge80,
    Field::Badge85,
    Field::Badge90,
];

/// Party cards: issued, reissued after loss, replaced after damage.
pub const CARDS: [Field; 3] = [Field::CardsIssued, Field::CardsReissuedLost, Field::CardsReplacedDamaged];

/// Discipline by form, in the order of `Discipline`'s fields.
pub const DISCIPLINE: [Field; 3] = [Field::Reprimand, Field::Warning, Field::Dismissal];

/// The members at the end of the period: the whole of Biểu 3's breakdowns.
pub const MEMBERS_AT_END: [Field; 2] = [Field::EndFull, Field::EndProbationary];

impl Field {
    pub fn spec(self) -> &'static FieldSpec {
        &FIELDS[self as usize]
    }

    pub fn path(self) -> String {
        self.spec().path()
    }
}

impl Section {
    pub fn spec(self) -> &'static SectionSpec {
        section(self)
    }

    pub fn fields(self) -> impl Iterator<Item = &'static FieldSpec> {
        FIELDS.iter().filter(move |f| f.section == self)
    }
}

/// The spec of section `s`.
pub fn section(s: Section) -> &'static SectionSpec {
    SECTIONS.iter().find(|x| x.section == s).expect("every section is declared")
}

pub const SECTIONS: &[SectionSpec] = &[
    SectionSpec { section: Section::Top, key: "", comment: "đầu tệp", meaning: "top level", required: true, applies: Applies::Every, complete_years_only: false, note: "" },
    SectionSpec { section: Section::Members, key: "dang_vien", comment: "số đảng viên", meaning: "member stock", required: true, applies: Applies::Every, complete_years_only: false, note: "" },
    SectionSpec { section: Section::MemberProfile, key: "dang_vien_trong_do", comment: "đảng viên cuối năm (tại ngày số liệu), trong đó (Biểu 3)", meaning: "who the members at the end of the period are", required: false, applies: Applies::Every, complete_years_only: false, note: "Mỗi số là **một phần** của đảng viên cuối năm (chính thức + dự bị), các phần có thể trùng nhau; `huu_tri_mien_sinh_hoat` ≤ `huu_tri` và ≤ `dang_vien.mien_sinh_hoat` (E025). Bỏ cả mục nếu chưa thống kê. *Overlapping parts of the members at the end.*" },
    SectionSpec { section: Section::MemberAges, key: "dang_vien_theo_tuoi", comment: "đảng viên cuối năm theo độ tuổi (Biểu 3)", meaning: "members at the end by age band", required: false, applies: Applies::Every, complete_years_only: false, note: "Mỗi đảng viên thuộc **đúng một** nhóm tuổi: tổng các nhóm = đảng viên cuối năm (E026). *A partition of the members at the end.*" },
    SectionSpec { section: Section::MemberEducation, key: "dang_vien_trinh_do", comment: "đảng viên cuối năm theo trình độ (Biểu 3)", meaning: "members at the end by education", required: false, applies: Applies::Every, complete_years_only: false, note: "Giáo dục phổ thông (2 số) và chuyên môn (7 số) mỗi nhóm cộng lại đúng bằng đảng viên cuối năm (E026); lý luận chính trị: tổng ≤ đảng viên cuối năm, người chưa học không ghi (E025). *Two partitions, and theory levels that need not cover everyone.*" },
    SectionSpec { section: Section::Movements, key: "bien_dong", comment: "biến động trong năm", meaning: "movements during the year", required: true, applies: Applies::Every, complete_years_only: false, note: "**Cân đối (E020):** đầu năm (chính thức + dự bị) + `ket_nap` + `chuyen_den` − (`chuyen_di` + `xoa_ten` + `khai_tru` + `ra_khoi_dang` + `tu_tran` + `khong_chuyen_chinh_thuc`) = cuối năm (chính thức + dự bị). Hai khóa `xoa_ten` và `khong_chuyen_chinh_thuc` đều bị trừ, nên mỗi người chỉ ghi ở một khóa. **Dự bị (E024):** `cuoi_nam_du_bi` = `dau_nam_du_bi` + `ket_nap` − `chuyen_chinh_thuc` − `khong_chuyen_chinh_thuc`. **Liên tục (E021):** số đầu năm bằng số cuối năm trong báo cáo năm trước của cùng tổ chức; bỏ qua khi báo cáo năm trước có `ngay_so_lieu`. *Stock and flow must balance; the end of one year is the start of the next.*" },
    SectionSpec { section: Section::AdmittedProfile, key: "ket_nap_trong_do", comment: "đảng viên mới kết nạp, trong đó (Biểu 2)", meaning: "who the new members are", required: false, applies: Applies::Every, complete_years_only: false, note: "Mỗi số là **một phần** của `bien_dong.ket_nap` và các phần có thể trùng nhau (một đảng viên nữ có thể là đoàn viên thanh niên), nên mỗi số ≤ `ket_nap` (E025) nhưng tổng có thể lớn hơn. Bỏ cả mục nếu tổ chức chưa thống kê. *Each count is a part of the admitted, parts overlap.*" },
    SectionSpec { section: Section::AdmittedAges, key: "ket_nap_theo_tuoi", comment: "đảng viên mới kết nạp theo độ tuổi khi kết nạp (Biểu 2)", meaning: "the admitted by age band", required: false, applies: Applies::Every, complete_years_only: false, note: "Mỗi người thuộc **đúng một** nhóm tuổi: tổng các nhóm = `bien_dong.ket_nap` (E026). *A partition of the admitted.*" },
    SectionSpec { section: Section::AdmittedEducation, key: "ket_nap_trinh_do", comment: "đảng viên mới kết nạp theo trình độ (Biểu 2)", meaning: "the admitted by education", required: false, applies: Applies::Every, complete_years_only: false, note: "Giáo dục phổ thông (2 số) và chuyên môn (7 số): mỗi nhóm cộng lại đúng bằng `bien_dong.ket_nap` (E026). *Two partitions of the admitted.*" },
    SectionSpec { section: Section::Ratings, key: "xep_loai", comment: "đánh giá, xếp loại chất lượng cuối năm", meaning: "year-end quality ratings", required: false, applies: Applies::Every, complete_years_only: true, note: "Các số đảng viên là số **riêng từng loại** (không cộng dồn). *Member counts per grade are exclusive.*" },
    SectionSpec { section: Section::PartyWork, key: "huy_hieu_the_dang", comment: "huy hiệu Đảng được trao và thẻ đảng viên (Biểu 7)", meaning: "party badges and cards", required: false, applies: Applies::Every, complete_years_only: false, note: "Huy hiệu theo mốc tuổi Đảng; tổng huy hiệu ≤ đảng viên cuối năm (E025). *Badges by tier and party cards.*" },
    SectionSpec { section: Section::Discipline, key: "ky_luat_theo_hinh_thuc", comment: "đảng viên bị kỷ luật trong năm theo hình thức (Biểu 7)", meaning: "the year's discipline by form", required: false, applies: Applies::Every, complete_years_only: false, note: "`khien_trach` + `canh_cao` + `cach_chuc` = `dang_vien.ky_luat` (E026); khai trừ ghi ở `bien_dong.khai_tru`. *Forms of discipline add up to the disciplined; expulsions are movements.*" },
    SectionSpec { section: Section::Meetings, key: "sinh_hoat", comment: "sinh hoạt chi bộ", meaning: "branch meetings", required: false, applies: Applies::Branches, complete_years_only: false, note: "" },
    SectionSpec { section: Section::RequiredDocs, key: "van_ban_bat_buoc", comment: "văn bản bắt buộc đã hoàn thành trong năm", meaning: "required documents done this year", required: false, applies: Applies::Every, complete_years_only: false, note: "" },
    SectionSpec { section: Section::NextYearPlan, key: "ke_hoach_nam_sau", comment: "kế hoạch phát triển đảng viên năm sau", meaning: "next year's development plan", required: false, applies: Applies::Grassroots, complete_years_only: true, note: "" },
];

/// Shorthands for the table below (positional, so the table reads as a table).
#[allow(clippy::too_many_arguments)]
const fn count(
    field: Field,
    section: Section,
    key: &'static str,
    comment: &'static str,
    meaning: &'static str,
    privacy: Privacy,
    rule: &'static str,
    codes: &'static str,
) -> FieldSpec {
    FieldSpec {
        field,
        section,
        key,
        comment,
        comment_as_of: None,
        meaning,
        kind: Kind::Count,
        unit: Unit::Members,
        presence: Presence::Required,
        max: None,
        applies: Applies::Every,
        privacy,
        sum: Sum::Total,
        rule,
        codes,
    }
}

/// A "trong đó" count of the admitted (`[ket_nap_trong_do]`).
const fn profile(field: Field, key: &'static str, comment: &'static str, meaning: &'static str, privacy: Privacy) -> FieldSpec {
    count(field, Section::AdmittedProfile, key, comment, meaning, privacy, "≤ `bien_dong.ket_nap`", "E003 E004 E005 · E025 E050")
}

#[allow(clippy::too_many_arguments)]
const fn other(
    field: Field,
    section: Section,
    key: &'static str,
    kind: Kind,
    presence: Presence,
    comment: &'static str,
    meaning: &'static str,
    rule: &'static str,
    codes: &'static str,
) -> FieldSpec {
    FieldSpec {
        kind,
        unit: Unit::None,
        presence,
        sum: Sum::None,
        ..count(field, section, key, comment, meaning, Privacy::Organization, rule, codes)
    }
}

const fn meeting(
    field: Field,
    key: &'static str,
    unit: Unit,
    comment: &'static str,
    meaning: &'static str,
    rule: &'static str,
    codes: &'static str,
) -> FieldSpec {
    FieldSpec {
        unit,
        sum: Sum::None,
        applies: Applies::Branches,
        ..count(field, Section::Meetings, key, comment, meaning, Privacy::Organization, rule, codes)
    }
}

const fn document(field: Field, key: &'static str, comment: &'static str, meaning: &'static str) -> FieldSpec {
    other(field, Section::RequiredDocs, key, Kind::Bool, Presence::Required, comment, meaning, "`true` hoặc `false`", "E003 E004")
}

/// A count that is one part of a breakdown (`[dang_vien_theo_tuoi]`, `[ket_nap_trinh_do]` …).
const fn part(
    field: Field,
    section: Section,
    key: &'static str,
    comment: &'static str,
    meaning: &'static str,
    rule: &'static str,
    codes: &'static str,
) -> FieldSpec {
    count(field, section, key, comment, meaning, Privacy::MemberCount, rule, codes)
}

use Privacy::{MemberCount, MemberLevel};
use Section as S;

/// Every field, in the order of [`Field`] and of the written file.
pub const FIELDS: &[FieldSpec] = &[
    other(
        Field::Year,
        S::Top,
        "nam",
        Kind::Year,
        Presence::Required,
        "năm báo cáo, trùng với thư mục",
        "report year",
        "bằng tên thư mục năm",
        "E003 E004 E005 E011",
    ),
    other(
        Field::Org,
        S::Top,
        "to_chuc",
        Kind::OrgCode,
        Presence::Required,
        "mã đơn vị trong khoi.toml",
        "organization code",
        "mã hợp lệ; bằng tên tệp; có trong `khoi.toml`; hoạt động trong năm; một báo cáo mỗi năm",
        "E003 E004 E006 E011 E012 E013 E014",
    ),
    other(
        Field::AsOf,
        S::Top,
        "ngay_so_lieu",
        Kind::Date,
        Presence::Optional,
        "năm đang thực hiện: số liệu tính đến ngày này",
        "as-of date (year in progress)",
        "thuộc năm `nam`; quyết định số tháng của `ket_nap_theo_thang`",
        "E004 E006 E023",
    ),
    FieldSpec {
        privacy: Privacy::Unpublished,
        ..other(
            Field::Note,
            S::Top,
            "ghi_chu",
            Kind::Text,
            Presence::Optional,
            "ghi chú của đơn vị (không đăng)",
            "free-text note (not published)",
            "không rỗng; không ghi thông tin cá nhân",
            "E004 E006 E080",
        )
    },
    count(
        Field::StartFull,
        S::Members,
        "dau_nam_chinh_thuc",
        "chính thức đầu năm",
        "full members at start of year",
        MemberCount,
        "= `cuoi_nam_chinh_thuc` năm trước",
        "E003 E004 E005 · E020 E021 E050",
    ),
    count(
        Field::StartProbationary,
        S::Members,
        "dau_nam_du_bi",
        "dự bị đầu năm",
        "probationary members at start",
        MemberCount,
        "= `cuoi_nam_du_bi` năm trước",
        "E003 E004 E005 · E020 E021 E024 E050",
    ),
    FieldSpec {
        comment_as_of: Some("chính thức tại ngày số liệu"),
        ..count(
            Field::EndFull,
            S::Members,
            "cuoi_nam_chinh_thuc",
            "chính thức cuối năm",
            "full members at end (or as-of date)",
            MemberCount,
            "cân đối với biến động",
            "E003 E004 E005 · E020 E021 E050",
        )
    },
    FieldSpec {
        comment_as_of: Some("dự bị tại ngày số liệu"),
        ..count(
            Field::EndProbationary,
            S::Members,
            "cuoi_nam_du_bi",
            "dự bị cuối năm",
            "probationary members at end",
            MemberCount,
            "= dự bị đầu năm + kết nạp − chuyển chính thức − không chuyển chính thức",
            "E003 E004 E005 · E020 E021 E024 E050",
        )
    },
    count(
        Field::Exempted,
        S::Members,
        "mien_sinh_hoat",
        "miễn công tác và sinh hoạt đảng",
        "exempted from activities",
        MemberLevel,
        "= `khong_xep_loai_mien`",
        "E003 E004 E005 · E042 E050",
    ),
    count(
        Field::Suspended,
        S::Members,
        "dinh_chi",
        "đang bị đình chỉ sinh hoạt",
        "suspended",
        MemberLevel,
        "= `khong_xep_loai_dinh_chi`",
        "E003 E004 E005 · E042 E050",
    ),
    count(
        Field::Disciplined,
        S::Members,
        "ky_luat",
        "bị kỷ luật trong năm",
        "disciplined during the year",
        MemberLevel,
        "≤ `dang_vien_khong_hoan_thanh` (cảnh báo)",
        "E003 E004 E005 · W045 E050",
    ),
    part(Field::MemberWomen, S::MemberProfile, "nu", "nữ", "women", "≤ đảng viên cuối năm", "E004 E005 · E025 E050"),
    FieldSpec {
        privacy: MemberLevel,
        ..part(
            Field::MemberEthnicMinority,
            S::MemberProfile,
            "dan_toc_thieu_so",
            "người dân tộc thiểu số",
            "ethnic minorities",
            "≤ đảng viên cuối năm",
            "E004 E005 · E025 E050",
        )
    },
    FieldSpec {
        privacy: MemberLevel,
        ..part(
            Field::MemberReligious,
            S::MemberProfile,
            "ton_giao",
            "người có đạo (theo tôn giáo)",
            "religious believers",
            "≤ đảng viên cuối năm",
            "E004 E005 · E025 E050",
        )
    },
    part(
        Field::MemberYouthUnion,
        S::MemberProfile,
        "doan_vien",
        "đoàn viên thanh niên",
        "Youth Union members",
        "≤ đảng viên cuối năm",
        "E004 E005 · E025 E050",
    ),
    part(Field::Retired, S::MemberProfile, "huu_tri", "đã nghỉ hưu", "retired", "≤ đảng viên cuối năm", "E004 E005 · E025 E050"),
    FieldSpec {
        privacy: MemberLevel,
        ..part(
            Field::RetiredExempted,
            S::MemberProfile,
            "huu_tri_mien_sinh_hoat",
            "nghỉ hưu, được miễn công tác và sinh hoạt",
            "retired and exempted",
            "≤ `huu_tri`; ≤ `dang_vien.mien_sinh_hoat`",
            "E004 E005 · E025 E050",
        )
    },
    part(
        Field::MemberAge18To30,
        S::MemberAges,
        "tu_18_den_30",
        "từ 18 đến 30 tuổi",
        "aged 18–30",
        "tổng các nhóm = đảng viên cuối năm",
        "E004 E005 · E026 E050",
    ),
    part(
        Field::MemberAge31To35,
        S::MemberAges,
        "tu_31_den_35",
        "từ 31 đến 35 tuổi",
        "aged 31–35",
        "tổng các nhóm = đảng viên cuối năm",
        "E004 E005 · E026 E050",
    ),
    part(
        Field::MemberAge36To40,
        S::MemberAges,
        "tu_36_den_40",
        "từ 36 đến 40 tuổi",
        "aged 36–40",
        "tổng các nhóm = đảng viên cuối năm",
        "E004 E005 · E026 E050",
    ),
    part(
        Field::MemberAge41To45,
        S::MemberAges,
        "tu_41_den_45",
        "từ 41 đến 45 tuổi",
        "aged 41–45",
        "tổng các nhóm = đảng viên cuối năm",
        "E004 E005 · E026 E050",
    ),
    part(
        Field::MemberAge46To50,
        S::MemberAges,
        "tu_46_den_50",
        "từ 46 đến 50 tuổi",
        "aged 46–50",
        "tổng các nhóm = đảng viên cuối năm",
        "E004 E005 · E026 E050",
    ),
    part(
        Field::MemberAge51To55,
        S::MemberAges,
        "tu_51_den_55",
        "từ 51 đến 55 tuổi",
        "aged 51–55",
        "tổng các nhóm = đảng viên cuối năm",
        "E004 E005 · E026 E050",
    ),
    part(
        Field::MemberAge56To60,
        S::MemberAges,
        "tu_56_den_60",
        "từ 56 đến 60 tuổi",
        "aged 56–60",
        "tổng các nhóm = đảng viên cuối năm",
        "E004 E005 · E026 E050",
    ),
    part(
        Field::MemberAgeOver60,
        S::MemberAges,
        "tren_60",
        "trên 60 tuổi",
        "aged over 60",
        "tổng các nhóm = đảng viên cuối năm",
        "E004 E005 · E026 E050",
    ),
    part(
        Field::MemberLowerSecondary,
        S::MemberEducation,
        "trung_hoc_co_so",
        "giáo dục phổ thông: trung học cơ sở",
        "lower secondary",
        "tổng mỗi nhóm (phổ thông; chuyên môn) = đảng viên cuối năm",
        "E004 E005 · E026 E050",
    ),
    part(
        Field::MemberUpperSecondary,
        S::MemberEducation,
        "trung_hoc_pho_thong",
        "giáo dục phổ thông: trung học phổ thông",
        "upper secondary",
        "tổng mỗi nhóm (phổ thông; chuyên môn) = đảng viên cuối năm",
        "E004 E005 · E026 E050",
    ),
    part(
        Field::MemberUntrained,
        S::MemberEducation,
        "chua_qua_dao_tao",
        "chuyên môn: chưa qua đào tạo",
        "no professional training",
        "tổng mỗi nhóm (phổ thông; chuyên môn) = đảng viên cuối năm",
        "E004 E005 · E026 E050",
    ),
    part(
        Field::MemberElementary,
        S::MemberEducation,
        "so_cap",
        "chuyên môn: sơ cấp, công nhân kỹ thuật",
        "elementary, skilled worker",
        "tổng mỗi nhóm (phổ thông; chuyên môn) = đảng viên cuối năm",
        "E004 E005 · E026 E050",
    ),
    part(
        Field::MemberIntermediate,
        S::MemberEducation,
        "trung_cap",
        "chuyên môn: trung cấp",
        "intermediate",
        "tổng mỗi nhóm (phổ thông; chuyên môn) = đảng viên cuối năm",
        "E004 E005 · E026 E050",
    ),
    part(
        Field::MemberCollege,
        S::MemberEducation,
        "cao_dang",
        "chuyên môn: cao đẳng",
        "college",
        "tổng mỗi nhóm (phổ thông; chuyên môn) = đảng viên cuối năm",
        "E004 E005 · E026 E050",
    ),
    part(
        Field::MemberUniversity,
        S::MemberEducation,
        "dai_hoc",
        "chuyên môn: đại học",
        "university",
        "tổng mỗi nhóm (phổ thông; chuyên môn) = đảng viên cuối năm",
        "E004 E005 · E026 E050",
    ),
    part(
        Field::MemberMaster,
        S::MemberEducation,
        "thac_si",
        "chuyên môn: thạc sĩ",
        "master's",
        "tổng mỗi nhóm (phổ thông; chuyên môn) = đảng viên cuối năm",
        "E004 E005 · E026 E050",
    ),
    part(
        Field::MemberDoctor,
        S::MemberEducation,
        "tien_si",
        "chuyên môn: tiến sĩ",
        "doctorate",
        "tổng mỗi nhóm (phổ thông; chuyên môn) = đảng viên cuối năm",
        "E004 E005 · E026 E050",
    ),
    part(
        Field::TheoryElementary,
        S::MemberEducation,
        "ly_luan_so_cap",
        "lý luận chính trị: sơ cấp",
        "political theory: elementary",
        "tổng lý luận chính trị ≤ đảng viên cuối năm",
        "E004 E005 · E025 E050",
    ),
    part(
        Field::TheoryIntermediate,
        S::MemberEducation,
        "ly_luan_trung_cap",
        "lý luận chính trị: trung cấp",
        "political theory: intermediate",
        "tổng lý luận chính trị ≤ đảng viên cuối năm",
        "E004 E005 · E025 E050",
    ),
    part(
        Field::TheoryAdvanced,
        S::MemberEducation,
        "ly_luan_cao_cap",
        "lý luận chính trị: cao cấp, cử nhân",
        "political theory: advanced",
        "tổng lý luận chính trị ≤ đảng viên cuối năm",
        "E004 E005 · E025 E050",
    ),
    count(
        Field::Admitted,
        S::Movements,
        "ket_nap",
        "kết nạp mới",
        "admitted",
        MemberCount,
        "= tổng `ket_nap_theo_thang`",
        "E003 E004 E005 · E020 E022 E024 E050",
    ),
    count(
        Field::MadeFull,
        S::Movements,
        "chuyen_chinh_thuc",
        "dự bị được công nhận chính thức",
        "made full members",
        MemberCount,
        "cộng `khong_chuyen_chinh_thuc` ≤ dự bị đầu năm + kết nạp",
        "E003 E004 E005 · E024 E050",
    ),
    count(
        Field::ProbationFailed,
        S::Movements,
        "khong_chuyen_chinh_thuc",
        "dự bị không được công nhận, bị xóa tên",
        "probation failed, struck off",
        MemberLevel,
        "như trên",
        "E003 E004 E005 · E020 E024 E050",
    ),
    count(
        Field::TransferredIn,
        S::Movements,
        "chuyen_den",
        "chuyển sinh hoạt đến",
        "transferred in",
        MemberCount,
        "—",
        "E003 E004 E005 · E020 E050",
    ),
    FieldSpec {
        presence: Presence::Optional,
        ..count(
            Field::TransferredInOtherProvince,
            S::Movements,
            "chuyen_den_ngoai_tinh",
            "trong đó: từ tỉnh, thành phố khác đến",
            "of those transferred in, from another province",
            MemberCount,
            "≤ `chuyen_den`; không ghi là 0",
            "E004 E005 · E025 E050",
        )
    },
    FieldSpec {
        presence: Presence::Optional,
        ..count(
            Field::Restored,
            S::Movements,
            "phuc_hoi_dang_tich",
            "phục hồi đảng tịch",
            "party membership restored",
            MemberCount,
            "tính vào cân đối như một khoản tăng; không ghi là 0",
            "E004 E005 · E020 E050",
        )
    },
    count(
        Field::TransferredOut,
        S::Movements,
        "chuyen_di",
        "chuyển sinh hoạt đi",
        "transferred out",
        MemberCount,
        "—",
        "E003 E004 E005 · E020 E050",
    ),
    FieldSpec {
        presence: Presence::Optional,
        ..count(
            Field::TransferredOutOtherProvince,
            S::Movements,
            "chuyen_di_ngoai_tinh",
            "trong đó: chuyển đi tỉnh, thành phố khác",
            "of those transferred out, to another province",
            MemberCount,
            "≤ `chuyen_di`; không ghi là 0",
            "E004 E005 · E025 E050",
        )
    },
    count(Field::StruckOff, S::Movements, "xoa_ten", "xóa tên", "struck off", MemberLevel, "—", "E003 E004 E005 · E020 E050"),
    count(Field::Expelled, S::Movements, "khai_tru", "khai trừ", "expelled", MemberLevel, "—", "E003 E004 E005 · E020 E050"),
    count(
        Field::Removed,
        S::Movements,
        "ra_khoi_dang",
        "ra khỏi Đảng (xin ra, lý do khác)",
        "resigned or otherwise removed",
        MemberLevel,
        "—",
        "E003 E004 E005 · E020 E050",
    ),
    count(Field::Deceased, S::Movements, "tu_tran", "từ trần", "deceased", MemberCount, "—", "E003 E004 E005 · E020 E050"),
    FieldSpec {
        kind: Kind::Months,
        sum: Sum::PerMonth,
        ..count(
            Field::MonthlyAdmissions,
            S::Movements,
            "ket_nap_theo_thang",
            "kết nạp từng tháng, tháng 1–12",
            "admissions per month, January first",
            MemberCount,
            "đúng 12 phần tử; có `ngay_so_lieu` thì đúng số tháng đến tháng của ngày đó (30/9 → 9); tổng = `ket_nap`",
            "E003 E004 E005 · E022 E023 E050",
        )
    },
    // Ethnicity and religion say something of the person: member-level, like grades.
    profile(Field::AdmittedWomen, "nu", "nữ", "women", MemberCount),
    profile(Field::AdmittedEthnicMinority, "dan_toc_thieu_so", "người dân tộc thiểu số", "ethnic minorities", MemberLevel),
    profile(Field::AdmittedReligious, "ton_giao", "người có đạo (theo tôn giáo)", "religious believers", MemberLevel),
    profile(Field::AdmittedYouthUnion, "doan_vien", "đoàn viên thanh niên", "Youth Union members", MemberCount),
    profile(Field::AdmittedBusinessOwners, "chu_doanh_nghiep", "chủ doanh nghiệp tư nhân", "private business owners", MemberCount),
    profile(Field::Readmitted, "ket_nap_lai", "kết nạp lại", "readmitted", MemberCount),
    part(
        Field::AdmittedAge18To30,
        S::AdmittedAges,
        "tu_18_den_30",
        "từ 18 đến 30 tuổi",
        "aged 18–30",
        "tổng các nhóm = `bien_dong.ket_nap`",
        "E003 E004 E005 · E026 E050",
    ),
    part(
        Field::AdmittedAge31To35,
        S::AdmittedAges,
        "tu_31_den_35",
        "từ 31 đến 35 tuổi",
        "aged 31–35",
        "tổng các nhóm = `bien_dong.ket_nap`",
        "E003 E004 E005 · E026 E050",
    ),
    part(
        Field::AdmittedAge36To40,
        S::AdmittedAges,
        "tu_36_den_40",
        "từ 36 đến 40 tuổi",
        "aged 36–40",
        "tổng các nhóm = `bien_dong.ket_nap`",
        "E003 E004 E005 · E026 E050",
    ),
    part(
        Field::AdmittedAge41To45,
        S::AdmittedAges,
        "tu_41_den_45",
        "từ 41 đến 45 tuổi",
        "aged 41–45",
        "tổng các nhóm = `bien_dong.ket_nap`",
        "E003 E004 E005 · E026 E050",
    ),
    part(
        Field::AdmittedAge46To50,
        S::AdmittedAges,
        "tu_46_den_50",
        "từ 46 đến 50 tuổi",
        "aged 46–50",
        "tổng các nhóm = `bien_dong.ket_nap`",
        "E003 E004 E005 · E026 E050",
    ),
    part(
        Field::AdmittedAge51To55,
        S::AdmittedAges,
        "tu_51_den_55",
        "từ 51 đến 55 tuổi",
        "aged 51–55",
        "tổng các nhóm = `bien_dong.ket_nap`",
        "E003 E004 E005 · E026 E050",
    ),
    part(
        Field::AdmittedAge56To60,
        S::AdmittedAges,
        "tu_56_den_60",
        "từ 56 đến 60 tuổi",
        "aged 56–60",
        "tổng các nhóm = `bien_dong.ket_nap`",
        "E003 E004 E005 · E026 E050",
    ),
    part(
        Field::AdmittedAgeOver60,
        S::AdmittedAges,
        "tren_60",
        "trên 60 tuổi",
        "aged over 60",
        "tổng các nhóm = `bien_dong.ket_nap`",
        "E003 E004 E005 · E026 E050",
    ),
    part(
        Field::AdmittedLowerSecondary,
        S::AdmittedEducation,
        "trung_hoc_co_so",
        "giáo dục phổ thông: trung học cơ sở",
        "lower secondary",
        "tổng mỗi nhóm (phổ thông; chuyên môn) = `bien_dong.ket_nap`",
        "E003 E004 E005 · E026 E050",
    ),
    part(
        Field::AdmittedUpperSecondary,
        S::AdmittedEducation,
        "trung_hoc_pho_thong",
        "giáo dục phổ thông: trung học phổ thông",
        "upper secondary",
        "tổng mỗi nhóm (phổ thông; chuyên môn) = `bien_dong.ket_nap`",
        "E003 E004 E005 · E026 E050",
    ),
    part(
        Field::AdmittedUntrained,
        S::AdmittedEducation,
        "chua_qua_dao_tao",
        "chuyên môn: chưa qua đào tạo",
        "no professional training",
        "tổng mỗi nhóm (phổ thông; chuyên môn) = `bien_dong.ket_nap`",
        "E003 E004 E005 · E026 E050",
    ),
    part(
        Field::AdmittedElementary,
        S::AdmittedEducation,
        "so_cap",
        "chuyên môn: sơ cấp, công nhân kỹ thuật",
        "elementary, skilled worker",
        "tổng mỗi nhóm (phổ thông; chuyên môn) = `bien_dong.ket_nap`",
        "E003 E004 E005 · E026 E050",
    ),
    part(
        Field::AdmittedIntermediate,
        S::AdmittedEducation,
        "trung_cap",
        "chuyên môn: trung cấp",
        "intermediate",
        "tổng mỗi nhóm (phổ thông; chuyên môn) = `bien_dong.ket_nap`",
        "E003 E004 E005 · E026 E050",
    ),
    part(
        Field::AdmittedCollege,
        S::AdmittedEducation,
        "cao_dang",
        "chuyên môn: cao đẳng",
        "college",
        "tổng mỗi nhóm (phổ thông; chuyên môn) = `bien_dong.ket_nap`",
        "E003 E004 E005 · E026 E050",
    ),
    part(
        Field::AdmittedUniversity,
        S::AdmittedEducation,
        "dai_hoc",
        "chuyên môn: đại học",
        "university",
        "tổng mỗi nhóm (phổ thông; chuyên môn) = `bien_dong.ket_nap`",
        "E003 E004 E005 · E026 E050",
    ),
    part(
        Field::AdmittedMaster,
        S::AdmittedEducation,
        "thac_si",
        "chuyên môn: thạc sĩ",
        "master's",
        "tổng mỗi nhóm (phổ thông; chuyên môn) = `bien_dong.ket_nap`",
        "E003 E004 E005 · E026 E050",
    ),
    part(
        Field::AdmittedDoctor,
        S::AdmittedEducation,
        "tien_si",
        "chuyên môn: tiến sĩ",
        "doctorate",
        "tổng mỗi nhóm (phổ thông; chuyên môn) = `bien_dong.ket_nap`",
        "E003 E004 E005 · E026 E050",
    ),
    other(
        Field::OrgGrade,
        S::Ratings,
        "to_chuc",
        Kind::Grade,
        Presence::Optional,
        "tổ chức: xuat_sac | tot | hoan_thanh | khong_hoan_thanh",
        "the organization's own grade",
        "bỏ khi tổ chức thành lập chưa đủ 6 tháng (sau 30/6); nếu không thì nên có",
        "E004 E006 · E043 W044",
    ),
    FieldSpec {
        kind: Kind::Count,
        unit: Unit::Points,
        max: Some(100),
        ..other(
            Field::OrgScore,
            S::Ratings,
            "diem",
            Kind::Count,
            Presence::Optional,
            "điểm của tổ chức (thang 100, từ năm 2025)",
            "the organization's score out of 100 (Quy định 366-QĐ/TW)",
            "0–100; từ năm 2025 xếp loại không cao hơn mức của điểm: xuất sắc từ 90, tốt từ 70, hoàn thành từ 50",
            "E004 E005 · E048 W049",
        )
    },
    other(
        Field::CapException,
        S::Ratings,
        "ngoai_le_25_phan_tram",
        Kind::Bool,
        Presence::Optional,
        "true: được áp dụng giới hạn xuất sắc 25% (từ năm 2025)",
        "Quy định 366's exception: grade 1 up to 25% of grade 2",
        "chỉ từ năm 2025; nâng giới hạn của E041 từ 20% lên 25%",
        "E004 · E041 W049",
    ),
    count(
        Field::MembersExcellent,
        S::Ratings,
        "dang_vien_xuat_sac",
        "đảng viên hoàn thành xuất sắc nhiệm vụ",
        "members rated grade 1 (HTXSNV)",
        MemberLevel,
        "≤ 20% `dang_vien_tot` ở tổ chức cơ sở đảng; các mức + không xếp loại = đảng viên cuối năm",
        "E003 E004 E005 · E040 E041 E050",
    ),
    count(
        Field::MembersGood,
        S::Ratings,
        "dang_vien_tot",
        "hoàn thành tốt nhiệm vụ",
        "grade 2 (HTTNV)",
        MemberLevel,
        "—",
        "E003 E004 E005 · E040 E050",
    ),
    count(
        Field::MembersCompleted,
        S::Ratings,
        "dang_vien_hoan_thanh",
        "hoàn thành nhiệm vụ",
        "grade 3 (HTNV)",
        MemberLevel,
        "—",
        "E003 E004 E005 · E040 E050",
    ),
    count(
        Field::MembersFailed,
        S::Ratings,
        "dang_vien_khong_hoan_thanh",
        "không hoàn thành nhiệm vụ",
        "grade 4 (KHTNV)",
        MemberLevel,
        "≥ `ky_luat` (cảnh báo)",
        "E003 E004 E005 · E040 W045 E050",
    ),
    count(
        Field::NotRatedNew,
        S::Ratings,
        "khong_xep_loai_duoi_6_thang",
        "không xếp loại: kết nạp chưa đủ 6 tháng",
        "not rated: admitted < 6 months ago",
        MemberLevel,
        "≤ `ket_nap`",
        "E003 E004 E005 · E040 E046 E050",
    ),
    count(
        Field::NotRatedExempted,
        S::Ratings,
        "khong_xep_loai_mien",
        "không xếp loại: miễn sinh hoạt",
        "not rated: exempted",
        MemberLevel,
        "= `mien_sinh_hoat`",
        "E003 E004 E005 · E040 E042 E050",
    ),
    count(
        Field::NotRatedSuspended,
        S::Ratings,
        "khong_xep_loai_dinh_chi",
        "không xếp loại: đình chỉ sinh hoạt",
        "not rated: suspended",
        MemberLevel,
        "= `dinh_chi`",
        "E003 E004 E005 · E040 E042 E050",
    ),
    part(
        Field::Badge30,
        S::PartyWork,
        "huy_hieu_30_nam",
        "Huy hiệu 30 năm tuổi Đảng",
        "30-year party badges",
        "tổng huy hiệu ≤ đảng viên cuối năm",
        "E003 E004 E005 · E025 E050",
    ),
    part(
        Field::Badge40,
        S::PartyWork,
        "huy_hieu_40_nam",
        "Huy hiệu 40 năm tuổi Đảng",
        "40-year party badges",
        "tổng huy hiệu ≤ đảng viên cuối năm",
        "E003 E004 E005 · E025 E050",
    ),
    part(
        Field::Badge45,
        S::PartyWork,
        "huy_hieu_45_nam",
        "Huy hiệu 45 năm tuổi Đảng",
        "45-year party badges",
        "tổng huy hiệu ≤ đảng viên cuối năm",
        "E003 E004 E005 · E025 E050",
    ),
    part(
        Field::Badge50,
        S::PartyWork,
        "huy_hieu_50_nam",
        "Huy hiệu 50 năm tuổi Đảng",
        "50-year party badges",
        "tổng huy hiệu ≤ đảng viên cuối năm",
        "E003 E004 E005 · E025 E050",
    ),
    part(
        Field::Badge55,
        S::PartyWork,
        "huy_hieu_55_nam",
        "Huy hiệu 55 năm tuổi Đảng",
        "55-year party badges",
        "tổng huy hiệu ≤ đảng viên cuối năm",
        "E003 E004 E005 · E025 E050",
    ),
    part(
        Field::Badge60,
        S::PartyWork,
        "huy_hieu_60_nam",
        "Huy hiệu 60 năm tuổi Đảng",
        "60-year party badges",
        "tổng huy hiệu ≤ đảng viên cuối năm",
        "E003 E004 E005 · E025 E050",
    ),
    part(
        Field::Badge65,
        S::PartyWork,
        "huy_hieu_65_nam",
        "Huy hiệu 65 năm tuổi Đảng",
        "65-year party badges",
        "tổng huy hiệu ≤ đảng viên cuối năm",
        "E003 E004 E005 · E025 E050",
    ),
    part(
        Field::Badge70,
        S::PartyWork,
        "huy_hieu_70_nam",
        "Huy hiệu 70 năm tuổi Đảng",
        "70-year party badges",
        "tổng huy hiệu ≤ đảng viên cuối năm",
        "E003 E004 E005 · E025 E050",
    ),
    part(
        Field::Badge75,
        S::PartyWork,
        "huy_hieu_75_nam",
        "Huy hiệu 75 năm tuổi Đảng",
        "75-year party badges",
        "tổng huy hiệu ≤ đảng viên cuối năm",
        "E003 E004 E005 · E025 E050",
    ),
    part(
        Field::Badge80,
        S::PartyWork,
        "huy_hieu_80_nam",
        "Huy hiệu 80 năm tuổi Đảng",
        "80-year party badges",
        "tổng huy hiệu ≤ đảng viên cuối năm",
        "E003 E004 E005 · E025 E050",
    ),
    part(
        Field::Badge85,
        S::PartyWork,
        "huy_hieu_85_nam",
        "Huy hiệu 85 năm tuổi Đảng",
        "85-year party badges",
        "tổng huy hiệu ≤ đảng viên cuối năm",
        "E003 E004 E005 · E025 E050",
    ),
    part(
        Field::Badge90,
        S::PartyWork,
        "huy_hieu_90_nam",
        "Huy hiệu 90 năm tuổi Đảng",
        "90-year party badges",
        "tổng huy hiệu ≤ đảng viên cuối năm",
        "E003 E004 E005 · E025 E050",
    ),
    part(Field::CardsIssued, S::PartyWork, "the_phat_moi", "thẻ đảng viên phát mới", "party cards issued", "—", "E003 E004 E005 · E050"),
    FieldSpec {
        privacy: MemberLevel,
        ..part(
            Field::CardsReissuedLost,
            S::PartyWork,
            "the_cap_lai_do_mat",
            "thẻ cấp lại do mất",
            "cards reissued after loss",
            "—",
            "E003 E004 E005 · E050",
        )
    },
    part(
        Field::CardsReplacedDamaged,
        S::PartyWork,
        "the_doi_do_hong",
        "thẻ đổi do hư hỏng",
        "cards replaced after damage",
        "—",
        "E003 E004 E005 · E050",
    ),
    FieldSpec {
        privacy: MemberLevel,
        ..part(
            Field::Reprimand,
            S::Discipline,
            "khien_trach",
            "khiển trách",
            "reprimand",
            "`khien_trach` + `canh_cao` + `cach_chuc` = `dang_vien.ky_luat`",
            "E003 E004 E005 · E026 E050",
        )
    },
    FieldSpec {
        privacy: MemberLevel,
        ..part(
            Field::Warning,
            S::Discipline,
            "canh_cao",
            "cảnh cáo",
            "warning",
            "`khien_trach` + `canh_cao` + `cach_chuc` = `dang_vien.ky_luat`",
            "E003 E004 E005 · E026 E050",
        )
    },
    FieldSpec {
        privacy: MemberLevel,
        ..part(
            Field::Dismissal,
            S::Discipline,
            "cach_chuc",
            "cách chức",
            "dismissal",
            "`khien_trach` + `canh_cao` + `cach_chuc` = `dang_vien.ky_luat`",
            "E003 E004 E005 · E026 E050",
        )
    },
    FieldSpec {
        kind: Kind::Months,
        ..meeting(
            Field::MeetingsMonthly,
            "dinh_ky_theo_thang",
            Unit::Meetings,
            "số buổi sinh hoạt định kỳ từng tháng",
            "regular meetings held per month",
            "đúng số tháng của kỳ báo cáo",
            "E003 E004 E005 · E060",
        )
    },
    meeting(
        Field::AttendanceExpected,
        "luot_du_kien",
        Unit::Attendances,
        "lượt đảng viên phải dự",
        "attendances expected",
        "—",
        "E003 E004 E005",
    ),
    meeting(Field::Attended, "luot_co_mat", Unit::Attendances, "lượt có mặt", "attendances", "≤ `luot_du_kien`", "E003 E004 E005 · E061"),
    meeting(
        Field::UnexcusedAbsences,
        "vang_khong_ly_do",
        Unit::Attendances,
        "lượt vắng không có lý do",
        "unexcused absences",
        "≤ `luot_du_kien` − `luot_co_mat`",
        "E003 E004 E005 · E062",
    ),
    meeting(Field::Thematic, "chuyen_de", Unit::Meetings, "số buổi sinh hoạt chuyên đề", "thematic meetings", "—", "E003 E004 E005"),
    meeting(Field::Forums, "dien_dan", Unit::Meetings, "số diễn đàn", "forums", "—", "E003 E004 E005"),
    FieldSpec {
        kind: Kind::Quarters,
        presence: Presence::Optional,
        applies: Applies::BranchesUnderCommittee,
        ..meeting(
            Field::UpperVisits,
            "cap_uy_du_theo_quy",
            Unit::Visits,
            "lượt cấp ủy cơ sở dự sinh hoạt, từng quý",
            "visits of the committee above, per quarter",
            "chỉ chi bộ trực thuộc; 4 quý, hoặc số quý đến ngày số liệu",
            "E004 E005 · E063",
        )
    },
    FieldSpec {
        presence: Presence::Optional,
        max: Some(100),
        ..meeting(
            Field::MeetingScore,
            "diem",
            Unit::Points,
            "điểm chất lượng sinh hoạt (0–100)",
            "meeting score out of 100",
            "0–100",
            "E004 E005 · E064",
        )
    },
    document(Field::WorkProgramme, "chuong_trinh_cong_tac", "chương trình công tác năm", "yearly work programme"),
    document(
        Field::InspectionProgramme,
        "chuong_trinh_kiem_tra_giam_sat",
        "chương trình kiểm tra, giám sát",
        "inspection and supervision programme",
    ),
    document(Field::TaskAssignment, "phan_cong_nhiem_vu", "phân công nhiệm vụ cho đảng viên", "task assignment for every member"),
    document(Field::Directive05Plan, "ke_hoach_chi_thi_05", "kế hoạch thực hiện Chỉ thị 05-CT/TW", "plan for Directive 05-CT/TW"),
    document(Field::Commitments, "ban_cam_ket", "bản cam kết tu dưỡng, rèn luyện", "members' self-improvement commitments"),
    FieldSpec {
        applies: Applies::Grassroots,
        ..other(
            Field::PlanSent,
            S::NextYearPlan,
            "da_gui",
            Kind::Bool,
            Presence::Required,
            "đã gửi chưa: true | false",
            "plan sent",
            "`true` cần `ngay_gui`; `false` không ghi `ngay_gui`",
            "E003 E004 E006 · W071",
        )
    },
    FieldSpec {
        applies: Applies::Grassroots,
        ..other(
            Field::PlanDate,
            S::NextYearPlan,
            "ngay_gui",
            Kind::Date,
            Presence::Optional,
            "ngày gửi",
            "date sent",
            "có khi `da_gui = true`",
            "E003 E004 E006",
        )
    },
];

/// Adds `part`'s summed fields into `total` ([`Sum::Total`] counts, [`Sum::PerMonth`] lists
/// month by month): a đảng bộ cơ sở's figures from its branches, the rule the hierarchy check
/// (E050) holds reports to.
pub fn add_summed(total: &mut crate::model::Report, part: &crate::model::Report) {
    for f in FIELDS {
        match (f.sum, f.field.get(part)) {
            (Sum::Total, Some(Value::Count(n))) => {
                let sum = f.field.count(total).unwrap_or(0) + n;
                f.field.set(total, Value::Count(sum));
            }
            (Sum::PerMonth, Some(Value::List(months))) => {
                let mut sum = match f.field.get(total) {
                    Some(Value::List(l)) => l,
                    _ => Vec::new(),
                };
                if sum.len() < months.len() {
                    sum.resize(months.len(), 0);
                }
                for (a, b) in sum.iter_mut().zip(&months) {
                    *a += b;
                }
                f.field.set(total, Value::List(sum));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_field_order_with_unique_keys() {
        for (i, f) in FIELDS.iter().enumerate() {
            assert_eq!(f.field as usize, i, "{:?} stands at {i}", f.field);
        }
        let mut paths: Vec<String> = FIELDS.iter().map(FieldSpec::path).collect();
        paths.sort();
        let n = paths.len();
        paths.dedup();
        assert_eq!(paths.len(), n, "two fields share a key");
        assert_eq!(Field::PlanDate as usize + 1, FIELDS.len(), "every Field has an entry");
    }

    #[test]
    fn sections_are_in_file_order() {
        let order: Vec<Section> = FIELDS.iter().map(|f| f.section).collect();
        assert!(order.windows(2).all(|w| w[0] <= w[1]), "fields are grouped by section, in section order");
        assert!(SECTIONS.windows(2).all(|w| w[0].section < w[1].section));
    }
}
