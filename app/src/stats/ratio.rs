//! A share that keeps its numerator and denominator, compared with targets exactly in integers.
//!
//! Pages show "12/15 (80,0%)", never a bare percentage, and a target is met or missed by
//! `num × 100 ≥ target × den`, never by comparing rounded floats.

use crate::format;
use serde::{Deserialize, Serialize};
use std::ops::{Add, AddAssign};

/// `num` of `den`: 12 of 15 branches, 412 of 462 expected attendances.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Ratio {
    pub num: u64,
    pub den: u64,
}

impl Ratio {
    pub const fn new(num: u64, den: u64) -> Ratio {
        Ratio { num, den }
    }

    /// Nothing to divide by: no organization rated, no branch reporting.
    pub fn is_empty(self) -> bool {
        self.den == 0
    }

    /// "80,0%", or "—" when there is nothing to divide by.
    pub fn percent_string(self) -> String {
        format::percent(self.num, self.den).unwrap_or_else(|| "—".to_string())
    }

    /// "12/15 (80,0%)", or "12/0" when there is nothing to divide by.
    pub fn display(self) -> String {
        format::ratio(self.num, self.den)
    }

    /// The share as a real number, for drawing only; `None` when `den == 0`.
    pub fn fraction(self) -> Option<f64> {
        (self.den > 0).then(|| self.num as f64 / self.den as f64)
    }

    /// At least `target_percent` percent, exactly: `num × 100 ≥ target × den`.
    /// `false` when there is nothing to divide by.
    pub fn meets(self, target_percent: u32) -> bool {
        self.den > 0 && u128::from(self.num) * 100 >= u128::from(target_percent) * u128::from(self.den)
    }

    /// At most `max_percent` percent, exactly: `num × 100 ≤ max × den`.
    /// `false` when there is nothing to divide by.
    pub fn at_most(self, max_percent: u32) -> bool {
        self.den > 0 && u128::from(self.num) * 100 <= u128::from(max_percent) * u128::from(self.den)
    }

    /// How many more (added to `num`, `den` unchanged) reach `target_percent`: the smallest
    /// `k` with `(num + k) × 100 ≥ target × den`.
    pub fn gap_to(self, target_percent: u32) -> Gap {
        if self.den == 0 {
            return Gap::NoData;
        }
        // ceil(target × den / 100) − num, in integers.
        let needed = (u128::from(target_percent) * u128::from(self.den)).div_ceil(100);
        match needed.saturating_sub(u128::from(self.num)) {
            0 => Gap::Met,
            k => Gap::Short(k as u64),
        }
    }

    /// How many too many (taken from `num`, `den` unchanged) for a ceiling of `max_percent`:
    /// the smallest `k` with `(num − k) × 100 ≤ max × den`.
    pub fn gap_to_max(self, max_percent: u32) -> Gap {
        if self.den == 0 {
            return Gap::NoData;
        }
        let allowed = u128::from(max_percent) * u128::from(self.den) / 100;
        match u128::from(self.num).saturating_sub(allowed) {
            0 => Gap::Met,
            k => Gap::Over(k as u64),
        }
    }

    /// Within `min..=max` percent: short of the floor or over the ceiling.
    pub fn gap_to_range(self, min_percent: u32, max_percent: u32) -> Gap {
        match self.gap_to(min_percent) {
            Gap::Met => self.gap_to_max(max_percent),
            other => other,
        }
    }
}

impl Add for Ratio {
    type Output = Ratio;

    /// Pools two shares: (a/b) + (c/d) = (a+c)/(b+d).
    fn add(self, other: Ratio) -> Ratio {
        Ratio { num: self.num + other.num, den: self.den + other.den }
    }
}

impl AddAssign for Ratio {
    fn add_assign(&mut self, other: Ratio) {
        *self = *self + other;
    }
}

/// Distance from a target, in the units counted (organizations, branches, members, attendances).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Gap {
    Met,
    /// This many more are needed.
    Short(u64),
    /// This many too many for a ceiling (or for "none").
    Over(u64),
    /// Nothing to measure (denominator 0).
    NoData,
}

impl Gap {
    pub fn is_met(self) -> bool {
        self == Gap::Met
    }

    /// "Đạt", "Còn thiếu 3 chi bộ", "Vượt 2 đảng viên", "Chưa có số liệu".
    pub fn describe(self, unit: &str) -> String {
        match self {
            Gap::Met => "Đạt".to_string(),
            Gap::Short(k) => format!("Còn thiếu {} {unit}", format::int(k)),
            Gap::Over(k) => format!("Vượt {} {unit}", format::int(k)),
            Gap::NoData => "Chưa có số liệu".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_percentages_are_reproduced_from_counts() {
        // Admissions against the Khối's quota: 171 of 265 → 64,5%.
        let admitted = Ratio::new(171, 265);
        assert_eq!(admitted.percent_string(), "64,5%");
        assert_eq!(admitted.display(), "171/265 (64,5%)");
        // Grassroots organizations rated good or better: 128 of 152 → 84,2%, above the 80% target.
        let good = Ratio::new(128, 152);
        assert_eq!(good.percent_string(), "84,2%");
        assert!(good.meets(80));
        assert_eq!(good.gap_to(80), Gap::Met);
        assert!(!good.meets(85));
        // 85% of 152 is 129,2: 130 needed, 2 more.
        assert_eq!(good.gap_to(85), Gap::Short(2));
    }

    #[test]
    fn the_boundary_counts_as_met() {
        let r = Ratio::new(80, 100);
        assert!(r.meets(80));
        assert!(!r.meets(81));
        assert_eq!(r.gap_to(80), Gap::Met);
        assert_eq!(r.gap_to(81), Gap::Short(1));
        assert!(!Ratio::new(79, 100).meets(80));
        assert_eq!(Ratio::new(79, 100).gap_to(80), Gap::Short(1));
        // 12/15 is exactly 80%.
        assert!(Ratio::new(12, 15).meets(80));
        assert_eq!(Ratio::new(11, 15).gap_to(80), Gap::Short(1));
        // 80% of 3 is 2,4: 3 needed.
        assert_eq!(Ratio::new(2, 3).gap_to(80), Gap::Short(1));
        assert_eq!(Ratio::new(0, 7).gap_to(100), Gap::Short(7));
        assert_eq!(Ratio::new(5, 5).gap_to(100), Gap::Met);
        assert_eq!(Ratio::new(0, 5).gap_to(0), Gap::Met);
    }

    #[test]
    fn nothing_to_divide_by_never_meets() {
        let empty = Ratio::new(0, 0);
        assert!(empty.is_empty());
        assert!(!empty.meets(0));
        assert!(!empty.meets(80));
        assert!(!empty.at_most(100));
        assert_eq!(empty.gap_to(80), Gap::NoData);
        assert_eq!(empty.gap_to_max(20), Gap::NoData);
        assert_eq!(empty.percent_string(), "—");
        assert_eq!(Ratio::new(3, 0).display(), "3/0");
        assert_eq!(empty.fraction(), None);
    }

    #[test]
    fn ceilings_and_ranges() {
        // 20% of 40 is 8: 8 allowed, 9 is one over.
        assert!(Ratio::new(8, 40).at_most(20));
        assert_eq!(Ratio::new(8, 40).gap_to_max(20), Gap::Met);
        assert_eq!(Ratio::new(9, 40).gap_to_max(20), Gap::Over(1));
        // 20% of 28 is 5,6: 5 allowed.
        assert_eq!(Ratio::new(6, 28).gap_to_max(20), Gap::Over(1));
        assert_eq!(Ratio::new(0, 5).gap_to_max(0), Gap::Met);
        assert_eq!(Ratio::new(2, 5).gap_to_max(0), Gap::Over(2));
        // 15–20% of 40 is 6 to 8.
        assert_eq!(Ratio::new(5, 40).gap_to_range(15, 20), Gap::Short(1));
        assert_eq!(Ratio::new(6, 40).gap_to_range(15, 20), Gap::Met);
        assert_eq!(Ratio::new(8, 40).gap_to_range(15, 20), Gap::Met);
        assert_eq!(Ratio::new(10, 40).gap_to_range(15, 20), Gap::Over(2));
    }

    #[test]
    fn ratios_pool_and_describe_their_gap() {
        let mut r = Ratio::new(220, 240);
        r += Ratio::new(90, 110);
        assert_eq!(r, Ratio::new(310, 350));
        assert_eq!(Gap::Short(3).describe("chi bộ"), "Còn thiếu 3 chi bộ");
        assert_eq!(Gap::Over(1200).describe("đảng viên"), "Vượt 1.200 đảng viên");
        assert_eq!(Gap::Met.describe("tổ chức"), "Đạt");
        assert!(Gap::Met.is_met() && !Gap::NoData.is_met());
    }
}
