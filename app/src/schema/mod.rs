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
pub mod write;

pub use access::Value;

use crate::model::Level;

/// A section of the report: a TOML table (or the top of the file).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Top,
    Members,
    Movements,
    AdmittedProfile,
    Ratings,
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
    Admitted,
    MadeFull,
    ProbationFailed,
    TransferredIn,
    TransferredOut,
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
    OrgGrade,
    MembersExcellent,
    MembersGood,
    MembersCompleted,
    MembersFailed,
    NotRatedNew,
    NotRatedExempted,
    NotRatedSuspended,
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

fn section(s: Section) -> &'static SectionSpec {
    SECTIONS.iter().find(|x| x.section == s).expect("every section is declared")
}

pub const SECTIONS: &[SectionSpec] = &[
    SectionSpec { section: Section::Top, key: "", comment: "đầu tệp", meaning: "top level", required: true, applies: Applies::Every, complete_years_only: false, note: "" },
    SectionSpec { section: Section::Members, key: "dang_vien", comment: "số đảng viên", meaning: "member stock", required: true, applies: Applies::Every, complete_years_only: false, note: "" },
    SectionSpec { section: Section::Movements, key: "bien_dong", comment: "biến động trong năm", meaning: "movements during the year", required: true, applies: Applies::Every, complete_years_only: false, note: "**Cân đối (E020):** đầu năm (chính thức + dự bị) + `ket_nap` + `chuyen_den` − (`chuyen_di` + `xoa_ten` + `khai_tru` + `ra_khoi_dang` + `tu_tran` + `khong_chuyen_chinh_thuc`) = cuối năm (chính thức + dự bị). Hai khóa `xoa_ten` và `khong_chuyen_chinh_thuc` đều bị trừ, nên mỗi người chỉ ghi ở một khóa. **Dự bị (E024):** `cuoi_nam_du_bi` = `dau_nam_du_bi` + `ket_nap` − `chuyen_chinh_thuc` − `khong_chuyen_chinh_thuc`. **Liên tục (E021):** số đầu năm bằng số cuối năm trong báo cáo năm trước của cùng tổ chức; bỏ qua khi báo cáo năm trước có `ngay_so_lieu`. *Stock and flow must balance; the end of one year is the start of the next.*" },
    SectionSpec { section: Section::AdmittedProfile, key: "ket_nap_trong_do", comment: "đảng viên mới kết nạp, trong đó (Biểu 2)", meaning: "who the new members are", required: false, applies: Applies::Every, complete_years_only: false, note: "Mỗi số là **một phần** của `bien_dong.ket_nap` và các phần có thể trùng nhau (một đảng viên nữ có thể là đoàn viên thanh niên), nên mỗi số ≤ `ket_nap` (E025) nhưng tổng có thể lớn hơn. Bỏ cả mục nếu tổ chức chưa thống kê. *Each count is a part of the admitted, parts overlap.*" },
    SectionSpec { section: Section::Ratings, key: "xep_loai", comment: "đánh giá, xếp loại chất lượng cuối năm", meaning: "year-end quality ratings", required: false, applies: Applies::Every, complete_years_only: true, note: "Các số đảng viên là số **riêng từng loại** (không cộng dồn). *Member counts per grade are exclusive.*" },
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
