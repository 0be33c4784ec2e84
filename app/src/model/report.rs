use super::{Grade, OrgCode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One organization's anonymized report for one year: counts only, never people.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub year: i32,
    pub org: OrgCode,
    /// Set for a year in progress: the figures are as of this date.
    pub as_of: Option<NaiveDate>,
    pub members: MemberStock,
    /// Who the members at the end of the period are ("trong đó", Biểu 3); absent where not reported.
    pub member_profile: Option<MemberProfile>,
    /// Members at the end of the period by age band (Biểu 3).
    pub member_ages: Option<AgeBands>,
    /// Members at the end of the period by education and political theory (Biểu 3).
    pub member_education: Option<MemberEducation>,
    pub movements: Movements,
    /// Admissions per month, January first; as many months as the report covers.
    pub monthly_admissions: Vec<u32>,
    /// Who the new members are ("trong đó", Biểu 2); absent where not reported.
    pub admitted_profile: Option<AdmittedProfile>,
    /// The admitted by age band at admission (Biểu 2).
    pub admitted_ages: Option<AgeBands>,
    /// The admitted by education (Biểu 2).
    pub admitted_education: Option<Education>,
    /// Year-end ratings; absent for a year in progress.
    pub ratings: Option<Ratings>,
    /// Party badges and cards (Biểu 7).
    pub party_work: Option<PartyWork>,
    /// The year's disciplined members by form (Biểu 7).
    pub discipline: Option<Discipline>,
    /// Branch meetings; only branches hold them.
    pub meetings: Option<Meetings>,
    pub required_docs: Option<RequiredDocs>,
    /// The next year's development plan; grassroots organizations in complete years.
    pub next_year_plan: Option<NextYearPlan>,
    /// Free text from the organization. Not published; scanned for personal data (E080).
    pub note: Option<String>,
}

impl Report {
    /// A report with every count 0 and no optional section: what a reader fills in.
    pub fn empty(year: i32, org: OrgCode) -> Report {
        Report {
            year,
            org,
            as_of: None,
            members: MemberStock::default(),
            member_profile: None,
            member_ages: None,
            member_education: None,
            movements: Movements::default(),
            monthly_admissions: Vec::new(),
            admitted_profile: None,
            admitted_ages: None,
            admitted_education: None,
            ratings: None,
            party_work: None,
            discipline: None,
            meetings: None,
            required_docs: None,
            next_year_plan: None,
            note: None,
        }
    }

    /// Months the report covers: 12, or up to the month of `as_of`.
    pub fn months_covered(&self) -> usize {
        use chrono::Datelike;
        self.as_of.map_or(12, |d| d.month() as usize)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stock {
    pub full: u32,
    pub probationary: u32,
}

impl Stock {
    pub fn total(self) -> u64 {
        u64::from(self.full) + u64::from(self.probationary)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberStock {
    pub start: Stock,
    pub end: Stock,
    /// Exempted from activities and duties (counted, not rated).
    pub exempted: u32,
    pub suspended: u32,
    /// Disciplined during the year (rated grade 4).
    pub disciplined: u32,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Movements {
    pub admitted: u32,
    pub made_full: u32,
    pub probation_failed: u32,
    pub transferred_in: u32,
    /// Of `transferred_in`, from another province (the rest came from within the province).
    pub transferred_in_other_province: u32,
    pub transferred_out: u32,
    /// Of `transferred_out`, to another province.
    pub transferred_out_other_province: u32,
    /// Party membership restored (phục hồi đảng tịch): back on the rolls as full members.
    pub restored: u32,
    pub struck_off: u32,
    pub expelled: u32,
    pub removed: u32,
    pub deceased: u32,
}

/// Who the year's new members are, the "trong đó" rows of the admissions form (Biểu 2): each is
/// a part of `Movements::admitted`, and the parts overlap (a woman may be a Youth Union member).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdmittedProfile {
    pub women: u32,
    pub ethnic_minority: u32,
    pub religious: u32,
    pub youth_union: u32,
    pub business_owners: u32,
    pub readmitted: u32,
}

impl AdmittedProfile {
    /// The parts in the order of the form.
    pub fn parts(&self) -> [u32; 6] {
        [self.women, self.ethnic_minority, self.religious, self.youth_union, self.business_owners, self.readmitted]
    }
}

/// Age bands of the forms (Biểu 2 and 3): 18–30, 31–35, then five-year bands, over 60.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgeBands(pub [u32; AGE_BANDS]);

pub const AGE_BANDS: usize = 8;

impl AgeBands {
    pub fn total(&self) -> u64 {
        self.0.iter().map(|&n| u64::from(n)).sum()
    }
}

/// General education (THCS, THPT) and professional qualification (untrained … doctorate): each
/// person is in exactly one level of each, so each list sums to the whole.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Education {
    pub schooling: [u32; SCHOOLING_LEVELS],
    pub qualification: [u32; QUALIFICATION_LEVELS],
}

pub const SCHOOLING_LEVELS: usize = 2;
pub const QUALIFICATION_LEVELS: usize = 7;
pub const THEORY_LEVELS: usize = 3;

/// Members' education, and their political theory (sơ cấp, trung cấp, cao cấp/cử nhân): not
/// everyone has one, so theory levels add up to at most the whole.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberEducation {
    pub education: Education,
    pub theory: [u32; THEORY_LEVELS],
}

/// Who the members at the end of the period are (Biểu 3): overlapping parts of the whole.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberProfile {
    pub women: u32,
    pub ethnic_minority: u32,
    pub religious: u32,
    pub youth_union: u32,
    pub retired: u32,
    /// Of the retired, exempted from activities.
    pub retired_exempted: u32,
}

/// Party badges awarded by tier (30, 40, 45 … 90 years of membership) and cards (Biểu 7).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartyWork {
    pub badges: [u32; BADGE_TIERS],
    pub cards_issued: u32,
    pub cards_reissued_lost: u32,
    pub cards_replaced_damaged: u32,
}

pub const BADGE_TIERS: usize = 12;

/// The year's disciplined members still on the rolls, by form (expulsion is `Movements::expelled`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discipline {
    pub reprimand: u32,
    pub warning: u32,
    pub dismissal: u32,
}

impl Movements {
    pub fn inflow(&self) -> u64 {
        u64::from(self.admitted) + u64::from(self.transferred_in) + u64::from(self.restored)
    }

    /// Everyone who left the organization's rolls during the year.
    pub fn outflow(&self) -> u64 {
        [self.transferred_out, self.struck_off, self.expelled, self.removed, self.deceased, self.probation_failed]
            .iter()
            .map(|&n| u64::from(n))
            .sum()
    }
}

/// Members per grade as exclusive counts, plus the not-rated and why.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ratings {
    /// The organization's own grade; `None` when it was too young to be rated.
    pub organization: Option<Grade>,
    /// Indexed by `Grade as usize`.
    pub members: [u32; 4],
    pub not_rated_new: u32,
    pub not_rated_exempted: u32,
    pub not_rated_suspended: u32,
    /// The organization's score out of 100 (Quy định 366-QĐ/TW, from 2025).
    #[serde(default)]
    pub score: Option<u32>,
    /// The exception of Quy định 366-QĐ/TW applies: grade 1 up to 25% of grade 2, not 20%.
    #[serde(default)]
    pub cap_exception: Option<bool>,
}

impl Ratings {
    pub fn count(&self, grade: Grade) -> u32 {
        self.members[grade as usize]
    }

    pub fn rated(&self) -> u64 {
        self.members.iter().map(|&n| u64::from(n)).sum()
    }

    pub fn not_rated(&self) -> u64 {
        u64::from(self.not_rated_new) + u64::from(self.not_rated_exempted) + u64::from(self.not_rated_suspended)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meetings {
    /// Regular meetings held per month (12 expected in a full year).
    pub monthly: Vec<u32>,
    pub attendance_expected: u32,
    pub attended: u32,
    pub unexcused_absences: u32,
    pub thematic: u32,
    pub forums: u32,
    /// Visits of upper-committee members per quarter (branches under a grassroots committee).
    pub upper_visits: Option<Vec<u32>>,
    /// Meeting score out of 100 where the province scores meetings.
    pub score: Option<u32>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequiredDocs {
    pub work_programme: bool,
    pub inspection_programme: bool,
    pub task_assignment: bool,
    pub directive_05_plan: bool,
    pub commitments: bool,
}

impl RequiredDocs {
    pub fn done(&self) -> usize {
        [self.work_programme, self.inspection_programme, self.task_assignment, self.directive_05_plan, self.commitments]
            .iter()
            .filter(|&&b| b)
            .count()
    }

    pub const TOTAL: usize = 5;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NextYearPlan {
    Sent(NaiveDate),
    NotSent,
}
