//! The rules of each year: which rating regulation is in force and the Khối's targets.
//! Defaults ship here; `data/targets.toml` may override targets per year.

use serde::{Deserialize, Serialize};

/// The rating regulation in force for a year's ratings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RatingRules {
    /// Quy định 132-QĐ/TW (2018) with Hướng dẫn 21-HD/BTCTW (2019).
    Qd132,
    /// Quy định 124-QĐ/TW (2023) with Hướng dẫn 25-HD/BTCTW.
    Qd124,
    /// Quy định 366-QĐ/TW (2025) with Hướng dẫn 43-HD/BTCTW: scored on 100 points.
    Qd366,
}

impl RatingRules {
    pub fn for_year(year: i32) -> RatingRules {
        match year {
            ..=2022 => RatingRules::Qd132,
            2023..=2024 => RatingRules::Qd124,
            _ => RatingRules::Qd366,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            RatingRules::Qd132 => "Quy định 132-QĐ/TW (2018), Hướng dẫn 21-HD/BTCTW (2019)",
            RatingRules::Qd124 => "Quy định 124-QĐ/TW (2023), Hướng dẫn 25-HD/BTCTW",
            RatingRules::Qd366 => "Quy định 366-QĐ/TW (2025), Hướng dẫn 43-HD/BTCTW",
        }
    }

    /// Members rated grade 1 may not exceed this share of those rated grade 2, counted per
    /// grassroots organization: (numerator, denominator) = 20%, or 25% where Quy định 366's
    /// exception applies (`exception`: the report says so; ignored under earlier rules).
    pub fn excellent_cap(self, exception: bool) -> (u64, u64) {
        match (self, exception) {
            (RatingRules::Qd366, true) => (1, 4),
            _ => (1, 5),
        }
    }

    /// The best grade a score allows: grade 1 from 90, grade 2 from 70, grade 3 from 50.
    /// `None` where the rules in force do not score.
    pub fn grade_for_score(self, score: u32) -> Option<super::Grade> {
        use super::Grade;
        let [excellent, good, completed] = self.score_thresholds()?;
        Some(match score {
            s if s >= excellent => Grade::Excellent,
            s if s >= good => Grade::Good,
            s if s >= completed => Grade::Completed,
            _ => Grade::Failed,
        })
    }

    /// Point thresholds (grade 1 from, grade 2 from, grade 3 from) where ratings are scored.
    pub fn score_thresholds(self) -> Option<[u32; 3]> {
        match self {
            RatingRules::Qd366 => Some([90, 70, 50]),
            _ => None,
        }
    }
}

/// The Khối's yearly targets, in whole percent (a share meets its target when ≥ it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Targets {
    /// Grassroots organizations rated grade 2 or better.
    pub org_good_or_better: u32,
    /// Grassroots organizations rated grade 1.
    pub org_excellent: u32,
    /// Branches under grassroots committees rated grade 2 or better.
    pub branch_good_or_better: u32,
    pub branch_excellent: u32,
    /// Members (rated) grade 2 or better.
    pub member_good_or_better: u32,
    /// Members grade 1, a range: at least `min`, at most `max`.
    pub member_excellent_min: u32,
    pub member_excellent_max: u32,
    /// Attendance at regular meetings.
    pub attendance: u32,
    /// Regular meetings a branch holds in a full year.
    pub meetings_per_year: u32,
    /// Branches with all required documents done.
    pub required_documents: u32,
}

impl Default for Targets {
    /// The targets of the Khối's resolution on branch meeting quality (seed: Quảng Trị ĐUK).
    fn default() -> Self {
        Targets {
            org_good_or_better: 80,
            org_excellent: 20,
            branch_good_or_better: 80,
            branch_excellent: 20,
            member_good_or_better: 85,
            member_excellent_min: 15,
            member_excellent_max: 20,
            attendance: 85,
            meetings_per_year: 12,
            required_documents: 100,
        }
    }
}

/// Everything a year's data is checked and measured against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rulebook {
    pub year: i32,
    pub rating: RatingRules,
    pub targets: Targets,
}

impl Rulebook {
    pub fn for_year(year: i32) -> Rulebook {
        Rulebook { year, rating: RatingRules::for_year(year), targets: Targets::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_year_is_checked_against_the_regulation_in_force() {
        assert_eq!(RatingRules::for_year(2020), RatingRules::Qd132);
        assert_eq!(RatingRules::for_year(2023), RatingRules::Qd124);
        assert_eq!(RatingRules::for_year(2025), RatingRules::Qd366);
        assert_eq!(RatingRules::for_year(2025).score_thresholds(), Some([90, 70, 50]));
        assert_eq!(RatingRules::for_year(2021).score_thresholds(), None);
        let rules = RatingRules::for_year(2025);
        let grades = [90, 89, 70, 69, 50, 49].map(|s| rules.grade_for_score(s).unwrap());
        use crate::model::Grade::*;
        assert_eq!(grades, [Excellent, Good, Good, Completed, Completed, Failed]);
        assert_eq!(rules.excellent_cap(true), (1, 4));
        assert_eq!(RatingRules::Qd124.excellent_cap(true), (1, 5), "the exception is Quy định 366's");
    }
}
