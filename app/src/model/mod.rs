//! The checked data of the Khối: organizations, yearly reports, quotas and documents.
//!
//! Types here make wrong states unrepresentable where they can (a `Grade` enum, a `Level` that
//! decides whether an organization has a parent). The loader builds them; checks and stats read them.

mod dataset;
mod document;
mod grade;
mod org;
mod report;
mod rules;

pub use dataset::{Dataset, Khoi, QuotaRule, SiteConfig, YearData};
pub use document::{DocType, Document, NewsItem};
pub use grade::Grade;
pub use org::{Level, OrgCode, OrgKind, Organization, Ownership, Workplace};
pub use report::{
    AdmittedProfile, AgeBands, Discipline, Education, Meetings, MemberEducation, MemberProfile, MemberStock, Movements, NextYearPlan,
    PartyWork, Ratings, Report, RequiredDocs, Stock, AGE_BANDS, BADGE_TIERS, QUALIFICATION_LEVELS, SCHOOLING_LEVELS, THEORY_LEVELS,
};
pub use rules::{RatingRules, Rulebook, Targets};
