use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A stable organization code such as `CQ01` or `CQ01-02` (uppercase ASCII, digits, hyphens).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OrgCode(String);

impl OrgCode {
    /// Accepts only the characters that are safe in file names and URLs.
    pub fn parse(s: &str) -> Option<OrgCode> {
        let ok = !s.is_empty()
            && s.len() <= 32
            && s.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-');
        ok.then(|| OrgCode(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The path segment of the organization's page: lowercase code.
    pub fn slug(&self) -> String {
        self.0.to_ascii_lowercase()
    }
}

impl fmt::Display for OrgCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Agency or enterprise: reported separately and together.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum OrgKind {
    Agency,
    Enterprise(Ownership),
}

impl OrgKind {
    pub fn name(self) -> &'static str {
        match self {
            OrgKind::Agency => "Cơ quan",
            OrgKind::Enterprise(_) => "Doanh nghiệp",
        }
    }
}

/// Ownership of an enterprise (Chỉ thị 33 watches party work in private enterprises).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Ownership {
    State,
    Private,
    ForeignInvested,
}

impl Ownership {
    pub const ALL: [Ownership; 3] = [Ownership::State, Ownership::Private, Ownership::ForeignInvested];

    pub fn key(self) -> &'static str {
        match self {
            Ownership::State => "nha_nuoc",
            Ownership::Private => "tu_nhan",
            Ownership::ForeignInvested => "von_nuoc_ngoai",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Ownership::State => "Nhà nước",
            Ownership::Private => "Tư nhân",
            Ownership::ForeignInvested => "Có vốn đầu tư nước ngoài",
        }
    }
}

/// The type of workplace of the forms' Biểu 5 (Hướng dẫn 11-HD/BTCTW): finer than
/// [`OrgKind`], and consistent with it ([`Workplace::fits`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Workplace {
    PartyAndMassOrganizations,
    StateAgency,
    PublicServiceUnit,
    StateOwned100,
    StateOver50,
    StateUnder50,
    JointStock,
    LimitedLiability,
    PrivateEnterprise,
    ForeignInvested,
    Cooperative,
}

impl Workplace {
    pub const ALL: [Workplace; 11] = [
        Workplace::PartyAndMassOrganizations,
        Workplace::StateAgency,
        Workplace::PublicServiceUnit,
        Workplace::StateOwned100,
        Workplace::StateOver50,
        Workplace::StateUnder50,
        Workplace::JointStock,
        Workplace::LimitedLiability,
        Workplace::PrivateEnterprise,
        Workplace::ForeignInvested,
        Workplace::Cooperative,
    ];

    /// The value of `loai_hinh` in `khoi.toml`.
    pub fn key(self) -> &'static str {
        match self {
            Workplace::PartyAndMassOrganizations => "dang_doan_the",
            Workplace::StateAgency => "co_quan_nha_nuoc",
            Workplace::PublicServiceUnit => "don_vi_su_nghiep",
            Workplace::StateOwned100 => "dn_nha_nuoc_100",
            Workplace::StateOver50 => "dn_nha_nuoc_tren_50",
            Workplace::StateUnder50 => "dn_nha_nuoc_duoi_50",
            Workplace::JointStock => "cong_ty_co_phan",
            Workplace::LimitedLiability => "cong_ty_tnhh",
            Workplace::PrivateEnterprise => "doanh_nghiep_tu_nhan",
            Workplace::ForeignInvested => "von_nuoc_ngoai",
            Workplace::Cooperative => "hop_tac_xa",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Workplace::PartyAndMassOrganizations => "Cơ quan Đảng, Mặt trận Tổ quốc và đoàn thể",
            Workplace::StateAgency => "Cơ quan nhà nước",
            Workplace::PublicServiceUnit => "Đơn vị sự nghiệp công lập",
            Workplace::StateOwned100 => "Doanh nghiệp nhà nước (100% vốn nhà nước)",
            Workplace::StateOver50 => "Doanh nghiệp có vốn nhà nước trên 50%",
            Workplace::StateUnder50 => "Doanh nghiệp có vốn nhà nước dưới 50%",
            Workplace::JointStock => "Công ty cổ phần ngoài nhà nước",
            Workplace::LimitedLiability => "Công ty trách nhiệm hữu hạn",
            Workplace::PrivateEnterprise => "Doanh nghiệp tư nhân",
            Workplace::ForeignInvested => "Doanh nghiệp có vốn đầu tư nước ngoài",
            Workplace::Cooperative => "Hợp tác xã",
        }
    }

    /// Whether an organization of `kind` can be of this type: agencies are party, state or
    /// public-service bodies; a state enterprise has state capital; a private one none; a
    /// foreign-invested one is that.
    pub fn fits(self, kind: OrgKind) -> bool {
        use Workplace::*;
        match kind {
            OrgKind::Agency => matches!(self, PartyAndMassOrganizations | StateAgency | PublicServiceUnit),
            OrgKind::Enterprise(Ownership::State) => matches!(self, StateOwned100 | StateOver50 | StateUnder50),
            OrgKind::Enterprise(Ownership::Private) => matches!(self, JointStock | LimitedLiability | PrivateEnterprise | Cooperative),
            OrgKind::Enterprise(Ownership::ForeignInvested) => self == ForeignInvested,
        }
    }
}

/// Where an organization sits in the Khối.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    /// Đảng bộ cơ sở: a grassroots committee with branches under it.
    GrassrootsCommittee,
    /// Chi bộ cơ sở: a grassroots branch directly under the Khối.
    GrassrootsBranch,
    /// Chi bộ trực thuộc: a branch under a grassroots committee.
    Branch { parent: OrgCode },
}

impl Level {
    pub fn key(&self) -> &'static str {
        match self {
            Level::GrassrootsCommittee => "dang_bo_co_so",
            Level::GrassrootsBranch => "chi_bo_co_so",
            Level::Branch { .. } => "chi_bo_truc_thuoc",
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Level::GrassrootsCommittee => "Đảng bộ cơ sở",
            Level::GrassrootsBranch => "Chi bộ cơ sở",
            Level::Branch { .. } => "Chi bộ trực thuộc",
        }
    }

    /// Grassroots organizations (TCCSĐ) receive quotas from the Khối.
    pub fn is_grassroots(&self) -> bool {
        !matches!(self, Level::Branch { .. })
    }

    /// Branches hold the monthly meetings.
    pub fn holds_meetings(&self) -> bool {
        !matches!(self, Level::GrassrootsCommittee)
    }

    pub fn parent(&self) -> Option<&OrgCode> {
        match self {
            Level::Branch { parent } => Some(parent),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Organization {
    pub code: OrgCode,
    pub name: String,
    pub kind: OrgKind,
    pub level: Level,
    /// Its type of workplace (Biểu 5), where `khoi.toml` gives one.
    #[serde(default)]
    pub workplace: Option<Workplace>,
    pub founded: NaiveDate,
    pub ended: Option<NaiveDate>,
    /// Set when the organization ended by merging into another (2025 reorganization).
    pub merged_into: Option<OrgCode>,
}

impl Organization {
    /// Active at any time during `year`.
    pub fn active_in(&self, year: i32) -> bool {
        use chrono::Datelike;
        self.founded.year() <= year && self.ended.is_none_or(|e| e.year() >= year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_restricted_to_url_safe_uppercase() {
        assert!(OrgCode::parse("CQ01-02").is_some());
        assert!(OrgCode::parse("cq01").is_none());
        assert!(OrgCode::parse("CQ 01").is_none());
        assert!(OrgCode::parse("-CQ").is_none());
        assert!(OrgCode::parse("").is_none());
        assert_eq!(OrgCode::parse("DN03").unwrap().slug(), "dn03");
    }

    #[test]
    fn every_kind_has_types_of_workplace_and_each_type_one_kind() {
        let kinds = [
            OrgKind::Agency,
            OrgKind::Enterprise(Ownership::State),
            OrgKind::Enterprise(Ownership::Private),
            OrgKind::Enterprise(Ownership::ForeignInvested),
        ];
        for w in Workplace::ALL {
            assert_eq!(kinds.iter().filter(|&&k| w.fits(k)).count(), 1, "{w:?}");
        }
        for k in kinds {
            assert!(Workplace::ALL.iter().any(|w| w.fits(k)), "{k:?}");
        }
    }

    #[test]
    fn activity_follows_founding_and_end_years() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let org = Organization {
            code: OrgCode::parse("A1").unwrap(),
            name: "A".into(),
            kind: OrgKind::Agency,
            level: Level::GrassrootsBranch,
            workplace: None,
            founded: d(2022, 9, 1),
            ended: Some(d(2024, 12, 31)),
            merged_into: None,
        };
        assert!(!org.active_in(2021));
        assert!(org.active_in(2022));
        assert!(org.active_in(2024));
        assert!(!org.active_in(2025));
    }
}
