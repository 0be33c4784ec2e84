//! Who the new members of each year are (the "trong đó" rows of Biểu 2), for the Khối: sums
//! over the grassroots organizations that reported `[ket_nap_trong_do]`. Every share divides by
//! the admissions of those same organizations, so an organization that has not reported the
//! profile counts in neither the part nor the whole.

use super::{scope, Ratio};
use crate::model::Dataset;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The parts in the order of `AdmittedProfile::parts` and `schema::ADMITTED_PROFILE`.
pub const PROFILE_PARTS: usize = 6;

/// University in `Education::qualification` (`schema::ADMITTED_QUALIFICATION`).
const UNIVERSITY: usize = 4;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProfileYear {
    pub year: i32,
    /// Set for a year in progress.
    pub as_of: Option<NaiveDate>,
    /// Grassroots organizations that reported the profile, of those that reported the year.
    pub reported: usize,
    pub grassroots: usize,
    /// Admitted by the organizations that reported the profile: the whole of each share.
    pub admitted: u64,
    pub parts: [u64; PROFILE_PARTS],
    /// Admitted by the organizations that reported the admitted's education, and of them those
    /// with a university degree (the press's "trình độ chuyên môn đại học").
    #[serde(default)]
    pub education_admitted: u64,
    #[serde(default)]
    pub university: u64,
}

impl ProfileYear {
    /// Part `i` of the admitted.
    pub fn share(&self, i: usize) -> Ratio {
        Ratio::new(self.parts[i], self.admitted)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ProfileOverview {
    /// Years in which at least one organization reported the profile.
    pub years: Vec<ProfileYear>,
}

impl ProfileOverview {
    pub fn year(&self, year: i32) -> Option<&ProfileYear> {
        self.years.iter().find(|y| y.year == year)
    }
}

pub fn profile_overview(data: &Dataset) -> ProfileOverview {
    let years = data
        .years
        .iter()
        .filter_map(|(&year, y)| {
            let mut out = ProfileYear {
                year,
                as_of: scope::as_of(y),
                reported: 0,
                grassroots: 0,
                admitted: 0,
                parts: [0; PROFILE_PARTS],
                education_admitted: 0,
                university: 0,
            };
            for (_, r) in scope::grassroots(data, y) {
                out.grassroots += 1;
                if let Some(e) = &r.admitted_education {
                    out.education_admitted += u64::from(r.movements.admitted);
                    out.university += u64::from(e.qualification[UNIVERSITY]);
                }
                let Some(profile) = &r.admitted_profile else { continue };
                out.reported += 1;
                out.admitted += u64::from(r.movements.admitted);
                for (total, part) in out.parts.iter_mut().zip(profile.parts()) {
                    *total += u64::from(part);
                }
            }
            (out.reported > 0).then_some(out)
        })
        .collect();
    ProfileOverview { years }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AdmittedProfile;

    #[test]
    fn shares_divide_by_the_admissions_of_those_who_reported_the_profile() {
        let mut data = crate::stats::testdata::dataset();
        assert!(profile_overview(&data).years.is_empty(), "no profile reported, no year");
        let y = data.years.get_mut(&2024).unwrap();
        let mut codes = y.reports.keys().cloned().collect::<Vec<_>>().into_iter();
        let first = codes.next().unwrap();
        let r = y.reports.get_mut(&first).unwrap();
        r.movements.admitted = 4;
        r.admitted_profile = Some(AdmittedProfile { women: 3, youth_union: 4, ..Default::default() });
        let o = profile_overview(&data);
        let p = o.year(2024).unwrap();
        assert_eq!((p.reported, p.admitted, p.parts[0], p.parts[3]), (1, 4, 3, 4));
        assert!(p.grassroots >= 1);
        assert_eq!(p.share(0), Ratio::new(3, 4));
    }
}
