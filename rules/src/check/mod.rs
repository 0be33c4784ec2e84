//! Stage two: the rules of the year. Each check adds findings with a stable code; none stops
//! the others, so one run reports everything. Codes are listed in `docs/checks.md`.

mod admissions;
mod balance;
mod composition;
mod hierarchy;
mod identity;
mod meetings;
pub mod personal_data;
mod ratings;
mod sections;

use crate::load::Loaded;
use app::model::{OrgCode, Organization};
use std::collections::BTreeMap;

/// Organizations by code, for checks that need a report's organization.
type Orgs<'a> = BTreeMap<&'a OrgCode, &'a Organization>;

pub fn check(loaded: &mut Loaded) {
    let mut found = Vec::new();
    identity::check(loaded, &mut found);
    let orgs: Orgs = loaded.orgs.iter().map(|o| (&o.value.code, &o.value)).collect();
    balance::check(loaded, &mut found);
    admissions::check(loaded, &mut found);
    composition::check(loaded, &mut found);
    ratings::check(loaded, &orgs, &mut found);
    hierarchy::check(loaded, &orgs, &mut found);
    meetings::check(loaded, &orgs, &mut found);
    sections::check(loaded, &orgs, &mut found);
    personal_data::check(loaded, &mut found);
    loaded.findings.extend(found);
}
