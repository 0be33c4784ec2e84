//! A small hand-built Khối for the stats tests, with figures simple enough to compute by hand.
//!
//! Organizations:
//! - `A01` đảng bộ cơ sở (agency) with branches `A01-01` and `A01-02`;
//! - `B01` chi bộ cơ sở (private enterprise);
//! - `C01` chi bộ cơ sở (state enterprise) founded 01/09/2024, too young to be rated in 2024.
//!
//! Years: 2024 complete (plan deadline 05/11/2024), 2025 in progress as of 30/09/2025.
//! `A01`'s reports are built as the sums of its branches', as the real data guarantees.
//!
//! Hand-computed figures used by the tests (grassroots = A01 + B01 + C01):
//!
//! | 2024 | A01-01 | A01-02 | A01 | B01 | C01 | Khối |
//! |---|---|---|---|---|---|---|
//! | start (full/prob) | 20/2 | 10/0 | 30/2 | 8/1 | 0/0 | 38/3 = 41 |
//! | admitted | 2 | 1 | 3 | 1 | 0 | 4 |
//! | made full | 2 | 0 | 2 | 1 | 0 | 3 |
//! | transferred in / out | 1/1 | 0/0 | 1/1 | 0/0 | 3/0 | 4/1 |
//! | struck off, expelled, deceased | 1,0,0 | 0,1,1 | 1,1,1 | 0,0,0 | 0,0,0 | 1,1,1 |
//! | end (full/prob) | 21/2 | 8/1 | 29/3 | 9/1 | 3/0 | 41/4 = 45 |
//! | own grade | tốt | hoàn thành | xuất sắc | tốt | — | |
//! | members by grade 1–4 | 3,15,2,0 | 1,5,1,1 | 4,20,3,1 | 2,6,1,0 | 0,2,1,0 | 6,28,5,1 |
//! | not rated | 3 | 1 | 4 | 1 | 0 | 5 |
//! | meetings: months held | 12/12 | 11/12 | | 12/12 | 4/12 | |
//! | attended / expected | 220/240 | 90/110 | | 90/100 | 12/12 | 412/462 |
//! | required documents | 5/5 | 4/5 | (5/5) | 5/5 | 3/5 | |
//! | next year's plan | | | 04/11 | 10/11 | not sent | |
//!
//! | 2025 (to 30/09) | A01-01 | A01-02 | A01 | B01 | C01 | Khối |
//! |---|---|---|---|---|---|---|
//! | admitted | 1 | 0 | 1 | 0 | 2 | 3 |
//! | made full, probation failed, struck off | 2,0,2 | 0,1,0 | 2,1,2 | 1,0,0 | 0,0,0 | 3,1,2 |
//! | end (full/prob) | 21/1 | 8/0 | 29/1 | 10/0 | 3/2 | 42/3 = 45 |
//! | meetings: months held | 9/9 | 9/9 | | 9/9 | 8/9 | |
//! | attended / expected | 170/180 | 60/72 | | 85/90 | 30/36 | 345/378 |

use crate::model::*;
use chrono::NaiveDate;
use std::collections::BTreeMap;

pub(crate) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(crate) fn code(s: &str) -> OrgCode {
    OrgCode::parse(s).unwrap()
}

fn org(c: &str, kind: OrgKind, level: Level, founded: NaiveDate) -> Organization {
    Organization { code: code(c), name: format!("Tổ chức {c}"), kind, level, workplace: None, founded, ended: None, merged_into: None }
}

fn stock(full: u32, probationary: u32) -> Stock {
    Stock { full, probationary }
}

/// A report with nothing in it, to be filled field by field.
fn blank(year: i32, c: &str, as_of: Option<NaiveDate>) -> Report {
    Report { as_of, ..Report::empty(year, code(c)) }
}

fn ratings(organization: Option<Grade>, members: [u32; 4], not_rated_new: u32, not_rated_exempted: u32) -> Ratings {
    Ratings { organization, members, not_rated_new, not_rated_exempted, not_rated_suspended: 0, score: None, cap_exception: None }
}

#[allow(clippy::too_many_arguments)]
fn meetings(
    monthly: &[u32],
    expected: u32,
    attended: u32,
    unexcused: u32,
    thematic: u32,
    forums: u32,
    visits: Option<&[u32]>,
    score: Option<u32>,
) -> Meetings {
    Meetings {
        monthly: monthly.to_vec(),
        attendance_expected: expected,
        attended,
        unexcused_absences: unexcused,
        thematic,
        forums,
        upper_visits: visits.map(<[u32]>::to_vec),
        score,
    }
}

const ALL_DOCS: RequiredDocs =
    RequiredDocs { work_programme: true, inspection_programme: true, task_assignment: true, directive_05_plan: true, commitments: true };

/// The committee's report as the sum of its branches' (members, movements, member ratings).
fn committee(year: i32, c: &str, as_of: Option<NaiveDate>, branches: &[&Report], grade: Option<Grade>) -> Report {
    let mut r = blank(year, c, as_of);
    let months = branches[0].monthly_admissions.len();
    r.monthly_admissions = vec![0; months];
    let mut rated = branches.iter().any(|b| b.ratings.is_some()).then(|| ratings(grade, [0; 4], 0, 0));
    for b in branches {
        let (m, bm) = (&mut r.members, &b.members);
        m.start.full += bm.start.full;
        m.start.probationary += bm.start.probationary;
        m.end.full += bm.end.full;
        m.end.probationary += bm.end.probationary;
        m.exempted += bm.exempted;
        m.suspended += bm.suspended;
        m.disciplined += bm.disciplined;
        let (v, bv) = (&mut r.movements, &b.movements);
        v.admitted += bv.admitted;
        v.made_full += bv.made_full;
        v.probation_failed += bv.probation_failed;
        v.transferred_in += bv.transferred_in;
        v.transferred_out += bv.transferred_out;
        v.struck_off += bv.struck_off;
        v.expelled += bv.expelled;
        v.removed += bv.removed;
        v.deceased += bv.deceased;
        for (total, n) in r.monthly_admissions.iter_mut().zip(&b.monthly_admissions) {
            *total += n;
        }
        if let (Some(t), Some(br)) = (rated.as_mut(), &b.ratings) {
            for g in 0..4 {
                t.members[g] += br.members[g];
            }
            t.not_rated_new += br.not_rated_new;
            t.not_rated_exempted += br.not_rated_exempted;
            t.not_rated_suspended += br.not_rated_suspended;
        }
    }
    r.ratings = rated;
    r
}

fn year_2024() -> YearData {
    let y = 2024;
    let mut a1 = blank(y, "A01-01", None);
    a1.members = MemberStock { start: stock(20, 2), end: stock(21, 2), exempted: 1, suspended: 0, disciplined: 0 };
    a1.movements = Movements { admitted: 2, made_full: 2, transferred_in: 1, transferred_out: 1, struck_off: 1, ..Movements::default() };
    a1.monthly_admissions = vec![0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0];
    a1.ratings = Some(ratings(Some(Grade::Good), [3, 15, 2, 0], 2, 1));
    a1.meetings = Some(meetings(&[1; 12], 240, 220, 2, 2, 1, Some(&[1, 1, 1, 1]), Some(90)));
    a1.required_docs = Some(ALL_DOCS);

    let mut a2 = blank(y, "A01-02", None);
    a2.members = MemberStock { start: stock(10, 0), end: stock(8, 1), exempted: 0, suspended: 0, disciplined: 1 };
    a2.movements = Movements { admitted: 1, expelled: 1, deceased: 1, ..Movements::default() };
    a2.monthly_admissions = vec![0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    a2.ratings = Some(ratings(Some(Grade::Completed), [1, 5, 1, 1], 1, 0));
    // Twelve meetings, but none in June.
    a2.meetings = Some(meetings(&[1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 2], 110, 90, 5, 1, 0, Some(&[1, 0, 1, 1]), Some(70)));
    a2.required_docs = Some(RequiredDocs { commitments: false, ..ALL_DOCS });

    let mut a = committee(y, "A01", None, &[&a1, &a2], Some(Grade::Excellent));
    a.required_docs = Some(ALL_DOCS);
    a.next_year_plan = Some(NextYearPlan::Sent(date(2024, 11, 4)));

    let mut b = blank(y, "B01", None);
    b.members = MemberStock { start: stock(8, 1), end: stock(9, 1), ..MemberStock::default() };
    b.movements = Movements { admitted: 1, made_full: 1, ..Movements::default() };
    b.monthly_admissions = vec![0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0];
    b.ratings = Some(ratings(Some(Grade::Good), [2, 6, 1, 0], 1, 0));
    b.meetings = Some(meetings(&[1; 12], 100, 90, 0, 1, 1, None, None));
    b.required_docs = Some(ALL_DOCS);
    b.next_year_plan = Some(NextYearPlan::Sent(date(2024, 11, 10)));

    let mut c = blank(y, "C01", None);
    c.members = MemberStock { start: stock(0, 0), end: stock(3, 0), ..MemberStock::default() };
    c.movements = Movements { transferred_in: 3, ..Movements::default() };
    c.monthly_admissions = vec![0; 12];
    c.ratings = Some(ratings(None, [0, 2, 1, 0], 0, 0));
    c.meetings = Some(meetings(&[0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1], 12, 12, 0, 0, 0, None, None));
    c.required_docs = Some(RequiredDocs { inspection_programme: false, directive_05_plan: false, ..ALL_DOCS });
    c.next_year_plan = Some(NextYearPlan::NotSent);

    YearData {
        rules: None,
        quotas: [("A01", 3), ("B01", 1), ("C01", 1)].into_iter().map(|(k, q)| (code(k), q)).collect(),
        quota_rule: None,
        plan_deadline: Some(date(2024, 11, 5)),
        reports: [a1, a2, a, b, c].into_iter().map(|r| (r.org.clone(), r)).collect(),
    }
}

fn year_2025() -> YearData {
    let (y, as_of) = (2025, Some(date(2025, 9, 30)));
    let mut a1 = blank(y, "A01-01", as_of);
    a1.members = MemberStock { start: stock(21, 2), end: stock(21, 1), exempted: 1, suspended: 0, disciplined: 0 };
    a1.movements = Movements { admitted: 1, made_full: 2, struck_off: 2, ..Movements::default() };
    a1.monthly_admissions = vec![0, 0, 0, 1, 0, 0, 0, 0, 0];
    a1.meetings = Some(meetings(&[1; 9], 180, 170, 0, 1, 0, Some(&[1, 1, 1]), Some(95)));
    a1.required_docs = Some(ALL_DOCS);

    let mut a2 = blank(y, "A01-02", as_of);
    a2.members = MemberStock { start: stock(8, 1), end: stock(8, 0), ..MemberStock::default() };
    a2.movements = Movements { probation_failed: 1, ..Movements::default() };
    a2.monthly_admissions = vec![0; 9];
    a2.meetings = Some(meetings(&[1; 9], 72, 60, 1, 0, 1, Some(&[1, 1, 0]), None));

    let a = committee(y, "A01", as_of, &[&a1, &a2], None);

    let mut b = blank(y, "B01", as_of);
    b.members = MemberStock { start: stock(9, 1), end: stock(10, 0), ..MemberStock::default() };
    b.movements = Movements { made_full: 1, ..Movements::default() };
    b.monthly_admissions = vec![0; 9];
    b.meetings = Some(meetings(&[1; 9], 90, 85, 0, 1, 1, None, Some(80)));

    let mut c = blank(y, "C01", as_of);
    c.members = MemberStock { start: stock(3, 0), end: stock(3, 2), ..MemberStock::default() };
    c.movements = Movements { admitted: 2, ..Movements::default() };
    c.monthly_admissions = vec![0, 0, 0, 0, 0, 1, 0, 1, 0];
    c.meetings = Some(meetings(&[1, 1, 1, 1, 0, 1, 1, 1, 1], 36, 30, 2, 0, 0, None, None));

    YearData {
        rules: None,
        quotas: [("A01", 3), ("B01", 1), ("C01", 2)].into_iter().map(|(k, q)| (code(k), q)).collect(),
        quota_rule: None,
        plan_deadline: Some(date(2025, 11, 5)),
        reports: [a1, a2, a, b, c].into_iter().map(|r| (r.org.clone(), r)).collect(),
    }
}

/// The fixture Khối described in the module documentation.
pub(crate) fn dataset() -> Dataset {
    let since = date(2010, 1, 1);
    let orgs = [
        org("A01", OrgKind::Agency, Level::GrassrootsCommittee, since),
        org("A01-01", OrgKind::Agency, Level::Branch { parent: code("A01") }, since),
        org("A01-02", OrgKind::Agency, Level::Branch { parent: code("A01") }, since),
        org("B01", OrgKind::Enterprise(Ownership::Private), Level::GrassrootsBranch, since),
        org("C01", OrgKind::Enterprise(Ownership::State), Level::GrassrootsBranch, date(2024, 9, 1)),
    ];
    Dataset {
        site: SiteConfig {
            title: "Thống kê".into(),
            description: String::new(),
            base_url: "https://example.org/".into(),
            language: "vi".into(),
            privacy_threshold: 5,
        },
        khoi: Khoi { name: "Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh".into(), short_name: "ĐUK".into() },
        orgs: orgs.into_iter().map(|o| (o.code.clone(), o)).collect(),
        years: BTreeMap::from([(2024, year_2024()), (2025, year_2025())]),
        documents: Vec::new(),
        news: Vec::new(),
    }
}

#[test]
fn the_fixture_balances_like_real_data() {
    let data = dataset();
    for y in data.years.values() {
        for r in y.reports.values() {
            let m = &r.members;
            assert_eq!(
                m.start.total() + r.movements.inflow(),
                m.end.total() + r.movements.outflow(),
                "{} {} does not balance",
                r.year,
                r.org
            );
            assert_eq!(r.monthly_admissions.iter().sum::<u32>(), r.movements.admitted, "{} {}", r.year, r.org);
            if let Some(rt) = &r.ratings {
                assert_eq!(rt.rated() + rt.not_rated(), m.end.total(), "{} {} ratings", r.year, r.org);
            }
        }
    }
    let r = &data.years[&2024].reports[&code("A01")];
    assert_eq!(r.members.end, Stock { full: 29, probationary: 3 });
    assert_eq!(r.ratings.as_ref().unwrap().members, [4, 20, 3, 1]);
}
