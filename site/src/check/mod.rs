//! Stage two: the rules of the year. Each check adds findings with a stable code; none stops
//! the others, so one run reports everything. Codes are listed in `docs/checks.md`.

mod admissions;
mod balance;
mod identity;

use crate::load::Loaded;

pub fn check(loaded: &mut Loaded) {
    let mut found = Vec::new();
    identity::check(loaded, &mut found);
    balance::check(loaded, &mut found);
    admissions::check(loaded, &mut found);
    loaded.findings.extend(found);
}
