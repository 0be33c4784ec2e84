//! Small-cell suppression for the public site. The yearly files are anonymized, but a small
//! count still points at people ("1 member rated grade 4" in a branch of four). Member-level
//! counts between 1 and k−1 are not published (primary suppression); where the row's total is
//! published, further cells are hidden (complementary suppression) until no hidden value can be
//! narrowed to a single number by subtraction. Zero stays zero.
//!
//! The rule assumed of a reader: a primary cell is in [1, k−1]; a complementary cell is ≥ k
//! (a zero or a small value would have been shown, or marked primary).

use crate::stats::Overview;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Who a build is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Audience {
    /// The public website: small cells suppressed.
    Public,
    /// Party-internal hosting: every count shown, pages marked "Nội bộ" and not indexed.
    Internal,
}

/// Why a cell is hidden.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Hidden {
    /// The value itself is small (1 to k−1).
    Primary,
    /// Hidden so that a primary cell cannot be recovered from the row's published total.
    Complementary,
}

impl Hidden {
    /// The marker shown instead of the value.
    pub fn marker(self, k: u64) -> String {
        match self {
            Hidden::Primary => format!("<{k}"),
            Hidden::Complementary => "ẩn".to_string(),
        }
    }
}

/// Decides which cells of one row to hide. `total_published`: the row's sum appears elsewhere.
/// Partners are taken smallest first.
pub fn protect_row(cells: &[u64], k: u64, total_published: bool) -> Vec<Option<Hidden>> {
    protect_row_preferring(cells, k, total_published, &[])
}

/// Like `protect_row`, but partners are taken from `prefer` first (in that order), so that the
/// figures readers need most stay published; then smallest first.
pub fn protect_row_preferring(cells: &[u64], k: u64, total_published: bool, prefer: &[usize]) -> Vec<Option<Hidden>> {
    let mut hidden: Vec<Option<Hidden>> = cells.iter().map(|&v| (v >= 1 && v < k).then_some(Hidden::Primary)).collect();
    if !total_published || hidden.iter().all(Option::is_none) {
        return hidden;
    }
    // Add the smallest eligible cell until every hidden cell keeps at least two feasible values.
    while !row_is_safe(cells, &hidden, k) {
        let next = cells
            .iter()
            .enumerate()
            .filter(|(i, &v)| hidden[*i].is_none() && v >= k)
            .min_by_key(|(i, &v)| (prefer.iter().position(|p| p == i).unwrap_or(usize::MAX), v, *i))
            .map(|(i, _)| i);
        match next {
            Some(i) => hidden[i] = Some(Hidden::Complementary),
            // Nothing left to hide with: hide the whole row's nonzero cells.
            None => {
                for (i, &v) in cells.iter().enumerate() {
                    if v > 0 && hidden[i].is_none() {
                        hidden[i] = Some(Hidden::Complementary);
                    }
                }
                break;
            }
        }
    }
    hidden
}

/// The values a reader who knows the rule can still hold possible for each hidden cell, given
/// the published total of the row: `(min, max)` with `max = None` for unbounded.
pub fn feasible(cells: &[u64], hidden: &[Option<Hidden>], k: u64) -> Vec<Option<(u64, Option<u64>)>> {
    let sum: u64 = cells.iter().zip(hidden).filter(|(_, h)| h.is_some()).map(|(v, _)| v).sum();
    let bounds = |h: Hidden| match h {
        Hidden::Primary => (1, Some(k - 1)),
        Hidden::Complementary => (k, None),
    };
    hidden
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let (lo, hi) = bounds((*h)?);
            let others: Vec<(u64, Option<u64>)> =
                hidden.iter().enumerate().filter(|(j, _)| *j != i).filter_map(|(_, h)| h.map(bounds)).collect();
            let others_lo: u64 = others.iter().map(|o| o.0).sum();
            let others_hi: Option<u64> = others.iter().map(|o| o.1).sum();
            let max = sum.checked_sub(others_lo).map(|m| hi.map_or(m, |h| h.min(m)));
            let min = others_hi.map_or(lo, |oh| lo.max(sum.saturating_sub(oh)));
            Some((min, max))
        })
        .collect()
}

fn row_is_safe(cells: &[u64], hidden: &[Option<Hidden>], k: u64) -> bool {
    feasible(cells, hidden, k).iter().flatten().all(|&(min, max)| max.is_none_or(|max| max > min))
}

/// One suppressed cell, for the privacy report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppressed {
    pub table: String,
    pub year: i32,
    pub column: String,
    pub value: u64,
    pub rule: Hidden,
}

/// The cells of the Khối's member-grade row of a year: grades 1–4 and the not rated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemberCell {
    Excellent,
    Good,
    Completed,
    Failed,
    NotRated,
}

impl MemberCell {
    pub const ALL: [MemberCell; 5] =
        [MemberCell::Excellent, MemberCell::Good, MemberCell::Completed, MemberCell::Failed, MemberCell::NotRated];

    /// The column key in the published tables and the privacy report.
    pub fn key(self) -> &'static str {
        ["xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh", "khong_xep_loai"][self as usize]
    }

    pub fn of(grade: crate::model::Grade) -> MemberCell {
        MemberCell::ALL[grade as usize]
    }
}

/// The sensitive movements of a year (no total of these is published).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MovementCell {
    ProbationFailed,
    StruckOff,
    Expelled,
}

impl MovementCell {
    pub const ALL: [MovementCell; 3] = [MovementCell::ProbationFailed, MovementCell::StruckOff, MovementCell::Expelled];

    pub fn key(self) -> &'static str {
        ["khong_chuyen_chinh_thuc", "xoa_ten", "khai_tru"][self as usize]
    }
}

/// A member-level count as the public may see it: the number, or the marker that stands in for
/// it. Its fields are private and only [`Disclosure`] makes one, so a member-level count
/// reaches a page, a file or the app's data through the disclosure step or not at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Published {
    shown: Option<u64>,
    marker: String,
}

impl Published {
    /// The number, when it is published.
    pub fn value(&self) -> Option<u64> {
        self.shown
    }

    pub fn is_hidden(&self) -> bool {
        self.shown.is_none()
    }

    /// "1.234", or the marker ("<3", "ẩn").
    pub fn text(&self) -> String {
        self.shown.map_or_else(|| self.marker.clone(), crate::format::int)
    }
}

/// What the public may see of the statistics: which cells are hidden, per table and year.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Disclosure {
    /// `None` for an internal build (nothing hidden).
    pub k: Option<u64>,
    pub member_grades: BTreeMap<i32, [Option<Hidden>; 5]>,
    pub movements: BTreeMap<i32, [Option<Hidden>; 3]>,
    /// The "trong đó" of the admitted (`schema::ADMITTED_PROFILE` order): only the member-level
    /// parts (ethnicity, religion) are ever hidden. No total of the parts is published (they
    /// overlap), so a small one is hidden alone.
    #[serde(default)]
    pub profiles: BTreeMap<i32, [Option<Hidden>; 6]>,
    /// The statistical forms (`stats::FORMS`) per year: per form, per row, per scope. Only the
    /// site's pages and files show them, so the app's data does not carry them.
    #[serde(skip)]
    pub forms: BTreeMap<i32, Vec<Vec<[FormCell; 3]>>>,
}

/// How a cell of the statistical forms is published.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FormCell {
    #[default]
    Shown,
    Hidden(Hidden),
    /// Not published by kind: one kind's count is small, and the Khối's total (published in
    /// other tables) would give it away from the other kind's. Withheld in both kinds, so the
    /// reader learns only that one of them is small.
    Withheld,
}

impl Disclosure {
    pub fn new(stats: &Overview, audience: Audience, k: u64) -> Disclosure {
        if audience == Audience::Internal {
            return Disclosure { k: None, ..Disclosure::default() };
        }
        let member_grades = stats
            .ratings
            .years
            .iter()
            .map(|y| {
                let m = &y.members;
                let row = [m.counts[0], m.counts[1], m.counts[2], m.counts[3], m.not_rated];
                // The row's total is the members at the year's end, published in other tables.
                // Partners come from grade 3 first: grades 1–2 and the not-rated carry the
                // published ratios (good or better, excellent, of those rated).
                let hidden = protect_row_preferring(&row, k, true, &[2, 3]);
                (y.year, [hidden[0], hidden[1], hidden[2], hidden[3], hidden[4]])
            })
            .collect();
        let movements = stats
            .movements
            .years
            .iter()
            .map(|y| {
                let t = &y.totals;
                let hidden = protect_row(&[t.probation_failed, t.struck_off, t.expelled], k, false);
                (y.year, [hidden[0], hidden[1], hidden[2]])
            })
            .collect();
        let profiles = stats
            .profile
            .years
            .iter()
            .map(|y| {
                let hidden = std::array::from_fn(|i| {
                    let member_level = crate::schema::ADMITTED_PROFILE[i].spec().privacy == crate::schema::Privacy::MemberLevel;
                    (member_level && (1..k).contains(&y.parts[i])).then_some(Hidden::Primary)
                });
                (y.year, hidden)
            })
            .collect();
        Disclosure { k: Some(k), member_grades, movements, profiles, forms: BTreeMap::new() }
    }

    fn publish(&self, value: u64, hidden: Option<Hidden>) -> Published {
        match (hidden, self.k) {
            (Some(h), Some(k)) => Published { shown: None, marker: h.marker(k) },
            _ => Published { shown: Some(value), marker: String::new() },
        }
    }

    /// A cell of the Khối's member-grade row of `year`, as published.
    pub fn member(&self, year: i32, cell: MemberCell, value: u64) -> Published {
        self.publish(value, self.member_hidden(year, cell))
    }

    /// A sensitive movement of `year`, as published.
    pub fn movement(&self, year: i32, cell: MovementCell, value: u64) -> Published {
        self.publish(value, self.movement_hidden(year, cell))
    }

    /// Whether (and why) a member-grade cell is hidden: for charts, which draw hidden grades as
    /// one grey segment, and for what is derived from the cell (withheld when it is hidden).
    pub fn member_hidden(&self, year: i32, cell: MemberCell) -> Option<Hidden> {
        self.member_grades.get(&year).and_then(|r| r[cell as usize])
    }

    /// Whether the shares of rated members in `year` (good or better, excellent, the targets on
    /// them) rest on a hidden cell: they are computed from grades 1 and 2 and from those rated
    /// (members − not rated), so they are withheld with any of these.
    pub fn member_shares_withheld(&self, year: i32) -> bool {
        [MemberCell::Excellent, MemberCell::Good, MemberCell::NotRated].iter().any(|&c| self.member_hidden(year, c).is_some())
    }

    /// Part `i` of the year's admitted (`schema::ADMITTED_PROFILE` order), as published.
    pub fn profile(&self, year: i32, i: usize, value: u64) -> Published {
        self.publish(value, self.profile_hidden(year, i))
    }

    pub fn profile_hidden(&self, year: i32, i: usize) -> Option<Hidden> {
        self.profiles.get(&year).and_then(|r| r.get(i).copied().flatten())
    }

    /// Protects the statistical forms. A member-level count between 1 and k−1 is hidden ("<k")
    /// at the Khối's scope; by kind, its row is withheld in both kinds whenever either kind's
    /// count is small (the Khối's total, published, would give one kind's from the other's).
    /// Rows of a block add up to a whole that is published or derivable (grades and the not
    /// rated make the members at the end; Biểu 1's decreases make start + increases − end;
    /// discipline forms make the disciplined): when any member-level count of a block is small
    /// at any scope, every other cell of the block is withheld at every scope ("—", which claims
    /// nothing), so no hidden count can be found by subtraction.
    pub fn protect_forms(&mut self, forms: &crate::stats::FormsOverview) {
        let Some(k) = self.k else { return };
        let small = |v: u64| (1..k).contains(&v);
        for y in &forms.years {
            let mut table = Vec::new();
            for (f, form) in crate::stats::FORMS.iter().enumerate() {
                let rows = form.rows;
                let value = |i: usize| y.value(f, i).unwrap_or([0; 3]);
                let member = |i: usize| rows[i].measure.privacy() == crate::schema::Privacy::MemberLevel;
                let primary = |i: usize, s: usize| member(i) && small(value(i)[s]);
                let mut cells = vec![[FormCell::Shown; 3]; rows.len()];
                let mut groups: Vec<Vec<usize>> = Vec::new();
                for (i, row) in rows.iter().enumerate() {
                    match row.block {
                        Some(b) if rows.iter().position(|r| r.block == Some(b)) == Some(i) => {
                            groups.push((0..rows.len()).filter(|&j| rows[j].block == Some(b)).collect());
                        }
                        Some(_) => {}
                        None if member(i) => groups.push(vec![i]),
                        None => {}
                    }
                }
                for group in groups {
                    if group.len() == 1 {
                        let i = group[0];
                        if primary(i, 0) {
                            cells[i][0] = FormCell::Hidden(Hidden::Primary);
                        }
                        if primary(i, 0) || primary(i, 1) || primary(i, 2) {
                            cells[i][1] = FormCell::Withheld;
                            cells[i][2] = FormCell::Withheld;
                        }
                        continue;
                    }
                    if !group.iter().any(|&i| (0..3).any(|s| primary(i, s))) {
                        continue;
                    }
                    for &i in &group {
                        cells[i] = [FormCell::Withheld; 3];
                        if primary(i, 0) {
                            cells[i][0] = FormCell::Hidden(Hidden::Primary);
                        }
                    }
                }
                table.push(cells);
            }
            self.forms.insert(y.year, table);
        }
    }

    /// A cell of a statistical form, as published; `None` where it is withheld.
    pub fn form(&self, year: i32, form: usize, row: usize, scope: usize, value: u64) -> Option<Published> {
        match self.form_cell(year, form, row, scope) {
            FormCell::Shown => Some(self.publish(value, None)),
            FormCell::Hidden(h) => Some(self.publish(value, Some(h))),
            FormCell::Withheld => None,
        }
    }

    pub fn form_cell(&self, year: i32, form: usize, row: usize, scope: usize) -> FormCell {
        self.forms.get(&year).and_then(|t| t.get(form)).and_then(|f| f.get(row)).map_or(FormCell::Shown, |r| r[scope])
    }

    pub fn movement_hidden(&self, year: i32, cell: MovementCell) -> Option<Hidden> {
        self.movements.get(&year).and_then(|r| r[cell as usize])
    }

    /// Every hidden cell with its true value, for the report kept outside the published site.
    pub fn report(&self, stats: &Overview, form_values: &crate::stats::FormsOverview) -> Vec<Suppressed> {
        let mut out = Vec::new();
        for y in &stats.ratings.years {
            let m = &y.members;
            let row = [m.counts[0], m.counts[1], m.counts[2], m.counts[3], m.not_rated];
            for cell in MemberCell::ALL {
                if let Some(rule) = self.member_hidden(y.year, cell) {
                    out.push(Suppressed {
                        table: crate::routes::tables::RATINGS_MEMBERS.into(),
                        year: y.year,
                        column: cell.key().to_string(),
                        value: row[cell as usize],
                        rule,
                    });
                }
            }
        }
        for y in &stats.profile.years {
            for (i, field) in crate::schema::ADMITTED_PROFILE.iter().enumerate() {
                if let Some(rule) = self.profile_hidden(y.year, i) {
                    out.push(Suppressed {
                        table: crate::routes::tables::PROFILE.into(),
                        year: y.year,
                        column: field.spec().key.to_string(),
                        value: y.parts[i],
                        rule,
                    });
                }
            }
        }
        for (&year, forms) in &self.forms {
            for ((form, cells), spec) in forms.iter().enumerate().zip(crate::stats::FORMS) {
                for ((i, row), scopes) in spec.rows.iter().enumerate().zip(cells) {
                    for (scope, cell) in crate::stats::Scope::ALL.iter().zip(scopes) {
                        let rule = match cell {
                            FormCell::Shown => continue,
                            FormCell::Hidden(h) => *h,
                            FormCell::Withheld => Hidden::Complementary,
                        };
                        let value = form_values.year(year).and_then(|y| y.value(form, i)).map_or(0, |v| v[*scope as usize]);
                        out.push(Suppressed {
                            table: crate::routes::tables::form(spec.key, year),
                            year,
                            column: format!("{} · {}", row.label(), scope.name()),
                            value,
                            rule,
                        });
                    }
                }
            }
        }
        for y in &stats.movements.years {
            let t = &y.totals;
            let row = [t.probation_failed, t.struck_off, t.expelled];
            for cell in MovementCell::ALL {
                if let Some(rule) = self.movement_hidden(y.year, cell) {
                    out.push(Suppressed {
                        table: crate::routes::tables::MOVEMENTS.into(),
                        year: y.year,
                        column: cell.key().to_string(),
                        value: row[cell as usize],
                        rule,
                    });
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Hidden::*;

    #[test]
    fn small_cells_are_hidden_zero_and_large_shown() {
        assert_eq!(protect_row(&[0, 1, 2, 3, 40], 3, false), vec![None, Some(Primary), Some(Primary), None, None]);
    }

    #[test]
    fn a_lone_small_cell_with_a_published_total_takes_a_partner() {
        // 2 hidden alone would be 50 − (30 + 10 + 8) = 2: hide the smallest cell ≥ k as well.
        let hidden = protect_row(&[30, 10, 8, 2], 3, true);
        assert_eq!(hidden, vec![None, None, Some(Complementary), Some(Primary)]);
        for (min, max) in feasible(&[30, 10, 8, 2], &hidden, 3).into_iter().flatten() {
            assert!(max.is_none_or(|m| m > min), "a hidden cell is pinned to {min}");
        }
    }

    #[test]
    fn a_partner_of_exactly_k_is_not_enough_for_a_primary_of_one() {
        // 1 + 3 = 4: the reader knows the partner is ≥ 3, so the primary would be exactly 1.
        let hidden = protect_row(&[20, 3, 1, 5], 3, true);
        assert_eq!(hidden, vec![None, Some(Complementary), Some(Primary), Some(Complementary)]);
        let ranges = feasible(&[20, 3, 1, 5], &hidden, 3);
        assert_eq!(ranges[2], Some((1, Some(2))));
    }

    #[test]
    fn two_small_cells_whose_sum_pins_them_get_a_partner() {
        // 1 + 1 = 2 with both in [1, 2]: each is exactly 1.
        let hidden = protect_row(&[9, 1, 1], 3, true);
        assert_eq!(hidden, vec![Some(Complementary), Some(Primary), Some(Primary)]);
    }

    #[test]
    fn preferred_partners_come_first() {
        let hidden = protect_row_preferring(&[60, 400, 70, 1, 52], 3, true, &[2, 3]);
        assert_eq!(hidden, vec![None, None, Some(Complementary), Some(Primary), None]);
    }

    #[test]
    fn markers() {
        assert_eq!(Primary.marker(3), "<3");
        assert_eq!(Complementary.marker(3), "ẩn");
        let mut d = Disclosure { k: Some(3), ..Disclosure::default() };
        d.member_grades.insert(2024, [None, None, Some(Complementary), Some(Primary), None]);
        assert_eq!(d.member(2024, MemberCell::Good, 1250).text(), "1.250");
        let hidden = d.member(2024, MemberCell::Failed, 2);
        assert_eq!((hidden.text(), hidden.value(), hidden.is_hidden()), ("<3".to_string(), None, true));
        assert_eq!(d.member(2024, MemberCell::Completed, 40).text(), "ẩn");
        // An internal build hides nothing, whatever the rows say.
        let internal = Disclosure { k: None, member_grades: d.member_grades.clone(), ..Disclosure::default() };
        assert_eq!(internal.member(2024, MemberCell::Failed, 2).value(), Some(2));
    }
}
