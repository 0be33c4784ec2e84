//! Year-by-year simulation of members, movements, ratings and meetings.
//!
//! Only leaf branches (chi bộ cơ sở and chi bộ trực thuộc) are simulated; a đảng bộ cơ sở's
//! counts are the sums of its branches, so the hierarchy invariant holds by construction.
//! Each branch carries its full members and last year's admissions by month, which fixes
//! next year's probationary members and when they come due.

use super::date::Date;
use super::orgs::{Kind, Level, Org, Ownership};
use super::rng::Rng;
use app::model::{Grade, Meetings, MemberStock, Movements, NextYearPlan, OrgCode, Ratings, RequiredDocs, Stock};
use std::collections::BTreeSet;

/// A branch keeps at least this many full members (Party Charter minimum).
pub const MIN_FULL: u32 = 3;
/// Small branches stay at or under this many members in total.
const SMALL_MAX: u32 = 6;
/// Admissions cluster at year end and thin out around Tết, so the pace curve is not linear.
const MONTH_WEIGHTS: [f64; 12] = [6.0, 8.0, 8.0, 9.0, 9.0, 8.0, 8.0, 8.0, 10.0, 8.0, 8.0, 10.0];
/// Months covered by the in-progress year's reports (data as of 30 September).
pub const AS_OF_MONTHS: usize = 9;

/// One organization's report, with the index of its organization in the tree.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub org: usize,
    pub data: app::model::Report,
}

pub struct Dataset {
    pub orgs: Vec<Org>,
    pub first_year: i32,
    pub last_year: i32,
    /// Per year, (grassroots org index, quota) in code order.
    pub quotas: Vec<(i32, Vec<(usize, u32)>)>,
    /// Sorted by (year, org index).
    pub reports: Vec<Report>,
}

pub fn plan_deadline(year: i32) -> Date {
    Date::new(year, 11, 5)
}

pub fn generate(n: usize, first: i32, last: i32, seed: u64) -> Dataset {
    let mut tree_rng = Rng::derive(seed, 0x7EEE);
    let orgs = super::orgs::build(n, first, last, &mut tree_rng);
    let laggards = pick_laggards(&orgs, first, last, seed);
    let sim = Sim { orgs: &orgs, first, last, seed, laggards };

    // The merged unit goes first so its last membership can flow into the receiving unit.
    let merged = orgs.iter().position(|o| o.merged_into.is_some());
    let mut inflow = None;
    let mut outputs: Vec<(usize, Output)> = Vec::new();
    if let Some(m) = merged {
        let out = sim.run_grassroots(m, None);
        let target = orgs[m].merged_into.unwrap_or(m);
        let leaf = if orgs[target].level == Level::DangBoCoSo {
            let kids = &orgs[target].children;
            kids.iter().copied().find(|&k| !orgs[k].small).unwrap_or(kids[0])
        } else {
            target
        };
        inflow = Some(Inflow { year: last, leaf, count: out.last_full });
        outputs.push((m, out));
    }
    for g in 0..orgs.len() {
        if orgs[g].level.is_grassroots() && Some(g) != merged {
            let flow = inflow.as_ref().filter(|f| orgs[f.leaf].parent.unwrap_or(f.leaf) == g);
            outputs.push((g, sim.run_grassroots(g, flow)));
        }
    }
    ensure_unsent_plan(&mut outputs);

    let mut reports: Vec<Report> = Vec::new();
    let mut quotas: Vec<(i32, Vec<(usize, u32)>)> = (first..=last).map(|y| (y, Vec::new())).collect();
    for (g, out) in outputs {
        reports.extend(out.reports);
        for (y, q) in out.quotas {
            quotas[(y - first) as usize].1.push((g, q));
        }
    }
    reports.sort_by_key(|r| (r.data.year, r.org));
    for (_, list) in quotas.iter_mut() {
        list.sort_by(|a, b| orgs[a.0].code.cmp(&orgs[b.0].code));
    }
    Dataset { orgs, first_year: first, last_year: last, quotas, reports }
}

/// Chooses each year's lagging units Khối-wide, so their share is steady (a quarter rising to a
/// third) rather than left to chance: enterprises most, private ones above all, and some units
/// chronically.
fn pick_laggards(orgs: &[Org], first: i32, last: i32, seed: u64) -> BTreeSet<(usize, i32)> {
    let grassroots: Vec<usize> = (0..orgs.len()).filter(|&g| orgs[g].level.is_grassroots()).collect();
    let bias: Vec<f64> = grassroots.iter().map(|&g| Rng::derive(seed, 0x5_0000_0000 + g as u64).uniform(-0.12, 0.12)).collect();
    let mut out = BTreeSet::new();
    for year in first..=last {
        let mut rng = Rng::derive(seed, 0x6_0000_0000 + year as u64);
        let trend = if last == first { 0.0 } else { f64::from(year - first) / f64::from(last - first) };
        let mut scored: Vec<(f64, usize)> = Vec::new();
        for (i, &g) in grassroots.iter().enumerate() {
            let o = &orgs[g];
            let noise = rng.uniform(0.0, 0.5);
            if !o.active_in(year) {
                continue;
            }
            // A unit about to merge admits no one: it lags whatever the draw.
            let closing = o.dissolved.is_some_and(|d| d.y == year);
            let base = match o.kind {
                Kind::CoQuan => 0.0,
                Kind::DoanhNghiep(Ownership::NhaNuoc) => 0.12,
                Kind::DoanhNghiep(Ownership::VonNuocNgoai) => 0.22,
                Kind::DoanhNghiep(Ownership::TuNhan) => 0.3,
            };
            scored.push((if closing { f64::MAX } else { base + bias[i] + noise }, g));
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let share = 0.25 + 0.08 * trend;
        let k = (scored.len() as f64 * share).round() as usize;
        out.extend(scored.iter().take(k).map(|&(_, g)| (g, year)));
    }
    out
}

/// The brief wants at least one plan never sent; force one if chance gave none.
fn ensure_unsent_plan(outputs: &mut [(usize, Output)]) {
    let any = outputs.iter().any(|(_, o)| o.reports.iter().any(|r| r.data.next_year_plan == Some(NextYearPlan::NotSent)));
    if any {
        return;
    }
    // Last complete year, the highest code: a deterministic, unremarkable choice.
    let candidate = outputs
        .iter_mut()
        .flat_map(|(_, o)| o.reports.iter_mut())
        .filter(|r| r.data.next_year_plan.is_some())
        .max_by_key(|r| (r.data.year, r.org));
    if let Some(r) = candidate {
        r.data.next_year_plan = Some(NextYearPlan::NotSent);
    }
}

struct Inflow {
    year: i32,
    leaf: usize,
    count: u32,
}

struct Output {
    reports: Vec<Report>,
    quotas: Vec<(i32, u32)>,
    /// Full members at the end of the last active year (all are full by then if merged).
    last_full: u32,
}

/// State carried from one year to the next for one branch.
struct Branch {
    org: usize,
    full: u32,
    /// Last year's admissions by month: this year's probationary members and their due months.
    prev: [u32; 12],
    mien: u32,
    target: u32,
    small: bool,
    attendance: f64,
    docs: f64,
    /// A year in which a member of a small branch is rated grade 4: the small counts a
    /// privacy filter must later hide.
    trouble_year: Option<i32>,
}

/// Facts about one (organization, year) shared by its branches.
struct YearCtx {
    year: i32,
    months: usize,
    complete: bool,
    trend: f64,
    /// Founded this year: starts empty, members arrive by transfer.
    fresh: bool,
    /// Founded under 6 months before year end: no organization grade.
    too_new: bool,
}

struct Sim<'a> {
    /// (grassroots org, year) pairs that fall short of their quota.
    laggards: BTreeSet<(usize, i32)>,
    orgs: &'a [Org],
    first: i32,
    last: i32,
    seed: u64,
}

impl Sim<'_> {
    /// 0 in the first year, 1 in the last: drives the Khối-wide trends.
    fn trend(&self, year: i32) -> f64 {
        if self.last == self.first {
            0.0
        } else {
            f64::from(year - self.first) / f64::from(self.last - self.first)
        }
    }

    fn run_grassroots(&self, g: usize, inflow: Option<&Inflow>) -> Output {
        let org = &self.orgs[g];
        let mut rng = Rng::derive(self.seed, g as u64 + 1);
        let leaves: Vec<usize> = if org.level == Level::DangBoCoSo { org.children.clone() } else { vec![g] };
        // Persistent traits: some units file late or skip documents year after year.
        let late_bias = rng.uniform(0.0, 0.12);
        let own_docs = rng.uniform(0.9, 0.995);
        let mut branches: Vec<Branch> = leaves
            .iter()
            .map(|&l| Branch {
                org: l,
                full: 0,
                prev: [0; 12],
                mien: 0,
                target: self.orgs[l].size,
                small: self.orgs[l].small,
                attendance: if rng.chance(0.12) { rng.uniform(0.8, 0.88) } else { rng.uniform(0.88, 0.97) },
                docs: if rng.chance(0.15) { rng.uniform(0.75, 0.9) } else { rng.uniform(0.93, 0.995) },
                trouble_year: (self.orgs[l].small && self.last > self.first && rng.chance(0.6))
                    .then(|| self.first + rng.range(0, (self.last - self.first - 1) as u32) as i32),
            })
            .collect();
        let mut out = Output { reports: Vec::new(), quotas: Vec::new(), last_full: 0 };
        let mut started = false;

        for year in self.first..=self.last {
            if !org.active_in(year) {
                continue;
            }
            let fresh = org.founded.y == year;
            let yc = YearCtx {
                year,
                months: if year == self.last { AS_OF_MONTHS } else { 12 },
                complete: year < self.last,
                trend: self.trend(year),
                fresh,
                too_new: org.founded > Date::new(year, 6, 30),
            };
            if !started {
                started = true;
                if !fresh {
                    for b in branches.iter_mut() {
                        init_branch(b, &mut rng);
                    }
                }
            }
            let closing = org.dissolved.is_some_and(|d| d.y == year);

            // Quota from membership at the start of the year, falling over the period.
            let start: u32 = branches.iter().map(|b| b.full + b.prev.iter().sum::<u32>()).sum();
            let quota = if fresh {
                1
            } else {
                let rate = (0.105 - 0.035 * yc.trend) * rng.uniform(0.85, 1.2);
                ((f64::from(start) * rate).round() as u32).max(1)
            };
            out.quotas.push((year, quota));

            // Admissions to date: laggards fall short of the quota (of its pace, in the
            // in-progress year); the others reach it, some exceed it.
            let lagging = self.laggards.contains(&(g, year));
            let planned = if closing {
                0 // a unit about to merge admits no one, so it hands over only full members
            } else if yc.complete {
                if lagging {
                    ((f64::from(quota) * rng.uniform(0.25, 0.95 - 0.3 * yc.trend)) as u32).min(quota - 1)
                } else if rng.chance(0.3 * (1.0 - yc.trend)) {
                    quota + rng.range(1, (quota / 5).max(1))
                } else {
                    quota
                }
            } else {
                let pace = f64::from(quota) * yc.months as f64 / 12.0;
                if lagging {
                    let mut n = (pace * rng.uniform(0.2, 0.95)) as u32;
                    while n > 0 && f64::from(n) >= pace {
                        n -= 1;
                    }
                    n
                } else {
                    (pace * rng.uniform(1.0, 1.35)).ceil() as u32
                }
            };

            // Admissions by month, then by branch.
            let mut adm = vec![[0u32; 12]; branches.len()];
            let mut pending: Vec<u32> = branches.iter().map(|b| b.full + b.prev.iter().sum::<u32>()).collect();
            let opened = if fresh { org.founded.m as usize - 1 } else { 0 };
            for _ in 0..planned {
                let month = opened + rng.weighted(&MONTH_WEIGHTS[opened.min(yc.months - 1)..yc.months]);
                let weights: Vec<f64> = branches
                    .iter()
                    .zip(&pending)
                    .map(|(b, &p)| {
                        if b.small && p >= SMALL_MAX - 1 {
                            0.0
                        } else if b.small {
                            0.3 * f64::from(b.full.max(1))
                        } else {
                            f64::from(b.full.max(b.target))
                        }
                    })
                    .collect();
                let i = rng.weighted(&weights);
                adm[i][month] += 1;
                pending[i] += 1;
            }

            let mut leaf_reports: Vec<Report> = Vec::with_capacity(branches.len());
            for (i, b) in branches.iter_mut().enumerate() {
                let extra = match inflow {
                    Some(f) if f.year == year && f.leaf == b.org => {
                        b.target += f.count; // the newcomers stay, not drift away at once
                        f.count
                    }
                    _ => 0,
                };
                leaf_reports.push(self.branch_year(b, &mut rng, &yc, &adm[i], extra));
            }
            if closing {
                out.last_full = leaf_reports.iter().map(|r| r.data.members.end.full).sum();
            }

            let plan = if yc.complete {
                let sent = if closing { None } else { plan_date(&mut rng, year, late_bias) };
                Some(sent.map_or(NextYearPlan::NotSent, |d| NextYearPlan::Sent(d.naive())))
            } else {
                None
            };

            if org.level == Level::DangBoCoSo {
                // The committee's figures are its branches' sums, as the schema adds them up.
                let mut data = app::model::Report::empty(year, code(org));
                data.as_of = (!yc.complete).then(|| Date::new(year, 9, 30).naive());
                let mut weak = false;
                for r in &leaf_reports {
                    app::schema::add_summed(&mut data, &r.data);
                    if let Some(x) = &r.data.ratings {
                        weak |= x.organization == Some(Grade::Failed) || x.count(Grade::Failed) > 1;
                    }
                }
                data.monthly_admissions.resize(yc.months, 0);
                if let Some(x) = data.ratings.as_mut() {
                    x.organization = if yc.too_new { None } else { Some(org_grade(&mut rng, weak, planned < quota)) };
                }
                data.required_docs = Some(required_docs(&mut rng, own_docs));
                data.next_year_plan = plan;
                out.reports.push(Report { org: g, data });
                out.reports.extend(leaf_reports);
            } else {
                // A chi bộ cơ sở is its own single branch.
                for mut r in leaf_reports {
                    r.data.next_year_plan = plan;
                    out.reports.push(r);
                }
            }
        }
        out
    }

    /// One branch, one year. Movements of full members are capped so at least MIN_FULL remain.
    fn branch_year(&self, b: &mut Branch, rng: &mut Rng, yc: &YearCtx, adm: &[u32; 12], extra_in: u32) -> Report {
        let org = &self.orgs[b.org];
        let months = yc.months;
        let t = yc.trend;
        let frac = months as f64 / 12.0;
        let dau_ct = b.full;
        let dau_db: u32 = b.prev.iter().sum();
        let start = dau_ct + dau_db;
        let base = if yc.fresh { b.target } else { start };
        let risky = matches!(org.kind, Kind::DoanhNghiep(Ownership::TuNhan | Ownership::VonNuocNgoai));
        let risk = if risky { 1.6 } else { 1.0 };

        // Probation lasts 12 months: last year's month-m admissions come due in month m.
        let due: u32 = b.prev[..months].iter().sum();
        let carry: u32 = b.prev[months..].iter().sum();
        let fail = rng.binomial(due, 0.02 + 0.03 * t);
        let cct = due - fail;

        let den = if yc.fresh { b.target } else { rng.binomial(base, 0.035 * frac) } + extra_in;
        let mut full = dau_ct + cct + den;
        let mut room = full.saturating_sub(MIN_FULL);
        let tu_tran = take(&mut room, rng.binomial(base, 0.003 * frac));
        let xoa_ten = take(&mut room, rng.binomial(base, (0.003 + 0.006 * t) * risk * frac));
        let khai_tru = take(&mut room, rng.binomial(base, (0.0008 + 0.003 * t) * frac));
        let ra_khoi_dang = take(&mut room, rng.binomial(base, 0.0012 * risk * frac));
        let ket_nap: u32 = adm.iter().sum();
        let before_transfer = full - tu_tran - xoa_ten - khai_tru - ra_khoi_dang + ket_nap + carry;
        // Retirees and reassigned staff move out; more so when the branch has outgrown its size.
        let excess = before_transfer.saturating_sub(b.target);
        let mut di_want = rng.binomial(base, 0.04 * frac) + rng.binomial(excess, 0.35);
        if b.small {
            di_want = di_want.max(before_transfer.saturating_sub(SMALL_MAX));
        }
        let chuyen_di = take(&mut room, di_want);
        full -= tu_tran + xoa_ten + khai_tru + ra_khoi_dang + chuyen_di;
        let cuoi_db = carry + ket_nap;

        // Exemptions (age, health) drift slowly; suspensions are rare.
        if rng.chance(0.15) {
            b.mien += 1;
        } else if b.mien > 0 && rng.chance(0.2) {
            b.mien -= 1;
        }
        b.mien = b.mien.min(full / 4);
        let mien = b.mien;
        let dinh_chi = u32::from(full >= mien + 4 && rng.chance(0.012));
        let first_half: u32 = adm[..6].iter().sum();
        let second_half: u32 = adm[6..].iter().sum();
        let rated = full - mien - dinh_chi + first_half;
        let trouble = b.trouble_year == Some(yc.year);
        let ky_luat = (rng.binomial(base, (0.004 + 0.004 * t) * frac) + u32::from(trouble && rng.chance(0.5))).min(rated);

        let ratings = yc.complete.then(|| {
            // A disciplined member is rated grade 4; now and then someone else is too.
            let khtnv = (ky_luat + u32::from(rng.chance(0.02))).max(u32::from(trouble)).min(rated);
            let rest = rated - khtnv;
            let mut xs = ((f64::from(rest) * rng.uniform(0.14, 0.21)).round() as u32).min(rest);
            let ht = ((f64::from(rest) * rng.uniform(0.05, 0.15)).round() as u32).min(rest - xs);
            let mut tot = rest - xs - ht;
            // Cap (HD 21-HD/BTCTW): grade 1 at most 20% of grade 2, kept in every report.
            while xs * 5 > tot {
                xs -= 1;
                tot += 1;
            }
            Ratings {
                organization: None,
                members: [xs, tot, ht, khtnv],
                not_rated_new: second_half,
                not_rated_exempted: mien,
                not_rated_suspended: dinh_chi,
                score: None,
                cap_exception: None,
            }
        });

        let meetings = self.meetings(b, rng, yc, start, full + cuoi_db, mien);
        let ratings = ratings.map(|mut r| {
            if !yc.too_new {
                let weak = r.count(Grade::Failed) > 0 || meetings.attended * 100 < meetings.attendance_expected * 85;
                r.organization = Some(org_grade(rng, weak, false));
            }
            r
        });
        let docs = required_docs(rng, b.docs);

        b.full = full;
        b.prev = *adm;
        let mut data = app::model::Report::empty(yc.year, code(org));
        data.as_of = (!yc.complete).then(|| Date::new(yc.year, 9, 30).naive());
        data.members = MemberStock {
            start: Stock { full: dau_ct, probationary: dau_db },
            end: Stock { full, probationary: cuoi_db },
            exempted: mien,
            suspended: dinh_chi,
            disciplined: ky_luat,
        };
        data.movements = Movements {
            admitted: ket_nap,
            made_full: cct,
            probation_failed: fail,
            transferred_in: den,
            transferred_out: chuyen_di,
            struck_off: xoa_ten,
            expelled: khai_tru,
            removed: ra_khoi_dang,
            deceased: tu_tran,
            // Restorations are rare enough that the sample has none; the transfers' scope is drawn
            // with the composition.
            ..Movements::default()
        };
        data.monthly_admissions = adm[..months].to_vec();
        // Its own stream: adding the profile left every other figure of the sample as it was.
        let mut profile_rng = Rng::derive(self.seed, 0xA_0000_0000 ^ ((b.org as u64) << 16) ^ yc.year as u64);
        data.admitted_profile = Some(admitted_profile(&mut profile_rng, ket_nap));
        super::composition::compose(&mut data, self.seed, b.org, !matches!(org.kind, Kind::DoanhNghiep(_)));
        data.ratings = ratings;
        data.meetings = Some(meetings);
        data.required_docs = Some(docs);
        Report { org: b.org, data }
    }

    fn meetings(&self, b: &Branch, rng: &mut Rng, yc: &YearCtx, start: u32, end: u32, mien: u32) -> Meetings {
        let months = yc.months;
        let opened = if yc.fresh { self.orgs[b.org].founded.m as usize - 1 } else { 0 };
        let mut monthly: Vec<u32> = (0..months)
            .map(|m| {
                if m < opened {
                    0
                } else if rng.chance(0.04) {
                    2
                } else {
                    1
                }
            })
            .collect();
        let mut missed = 0;
        if rng.chance(0.07) && opened < months {
            let m = opened + rng.index(months - opened);
            monthly[m] = 0;
            missed = 1;
        }
        let held: u32 = monthly.iter().sum();
        let present = if yc.fresh { end } else { (start + end).div_ceil(2) };
        let per_meeting = present.saturating_sub(mien).max(1);
        let luot_du_kien = held * per_meeting;
        let mut rate = (b.attendance + rng.uniform(-0.03, 0.03)).min(0.995);
        if rng.chance(0.06) {
            rate -= 0.08;
        }
        let luot_co_mat = ((f64::from(luot_du_kien) * rate) as u32).min(luot_du_kien);
        let vang_khong_ly_do = if rng.chance(0.25) { rng.range(1, 3).min(luot_du_kien - luot_co_mat) } else { 0 };
        let part = months - opened;
        let chuyen_de = if part >= 12 { rng.range(2, 6) } else { rng.range(0, (part as u32 + 1) / 3 + 1) };
        let dien_dan = if part >= 12 { rng.range(1, 2) } else { rng.range(0, 1) };
        let cap_uy_du_theo_quy = (self.orgs[b.org].level == Level::ChiBoTrucThuoc).then(|| {
            (0..months / 3)
                .map(|_| {
                    if rng.chance(0.06) {
                        0
                    } else if rng.chance(0.2) {
                        2
                    } else {
                        1
                    }
                })
                .collect()
        });
        // Meeting scores exist from 2023 on (Quy định 124-QĐ/TW era).
        let diem = (yc.year >= 2023).then(|| {
            let score = 100.0 * rate - 4.0 * f64::from(missed) - 2.0 * f64::from(vang_khong_ly_do) + rng.uniform(-5.0, 3.0);
            score.round().clamp(40.0, 100.0) as u32
        });
        Meetings {
            monthly,
            attendance_expected: luot_du_kien,
            attended: luot_co_mat,
            unexcused_absences: vang_khong_ly_do,
            thematic: chuyen_de,
            forums: dien_dan,
            upper_visits: cap_uy_du_theo_quy,
            score: diem,
        }
    }
}

fn take(room: &mut u32, want: u32) -> u32 {
    let n = want.min(*room);
    *room -= n;
    n
}

/// Starting stock in the first year: some probationary members admitted the year before.
/// Who `admitted` new members are, at shares like those the Khối's reports give (each person
/// drawn once per part: the parts overlap).
fn admitted_profile(rng: &mut Rng, admitted: u32) -> app::model::AdmittedProfile {
    let mut part = |share: f64| (0..admitted).filter(|_| rng.chance(share)).count() as u32;
    app::model::AdmittedProfile {
        women: part(0.46),
        ethnic_minority: part(0.05),
        religious: part(0.04),
        youth_union: part(0.66),
        business_owners: part(0.01),
        readmitted: part(0.01),
    }
}

fn init_branch(b: &mut Branch, rng: &mut Rng) {
    let size = b.target.max(MIN_FULL);
    let prob = rng.binomial(size, 0.085).min(size - MIN_FULL);
    b.full = size - prob;
    for _ in 0..prob {
        b.prev[rng.weighted(&MONTH_WEIGHTS)] += 1;
    }
    b.mien = rng.binomial(b.full, 0.03).min(b.full / 4);
}

/// Mostly "tốt", ~17% "xuất sắc", some "hoàn thành", "không hoàn thành" very rarely.
fn org_grade(rng: &mut Rng, weak: bool, lagging: bool) -> Grade {
    let w: [f64; 4] = if weak {
        [0.04, 0.66, 0.28, 0.02]
    } else if lagging {
        [0.12, 0.7, 0.175, 0.005]
    } else {
        [0.2, 0.68, 0.115, 0.005]
    };
    [Grade::Excellent, Grade::Good, Grade::Completed, Grade::Failed][rng.weighted(&w)]
}

/// The five required documents, each done with probability `p`, drawn in the file's order.
fn required_docs(rng: &mut Rng, p: f64) -> RequiredDocs {
    let [work_programme, inspection_programme, task_assignment, directive_05_plan, commitments] = [(); 5].map(|_| rng.chance(p));
    RequiredDocs { work_programme, inspection_programme, task_assignment, directive_05_plan, commitments }
}

fn code(org: &Org) -> OrgCode {
    OrgCode::parse(&org.code).expect("the generator makes valid codes")
}

/// Next year's plan: mostly before 5 November, some late, a few never sent.
fn plan_date(rng: &mut Rng, year: i32, late_bias: f64) -> Option<Date> {
    let deadline = plan_deadline(year);
    if rng.chance(0.02) {
        None
    } else if rng.chance(0.05 + late_bias) {
        Some(deadline.add_days(i64::from(rng.range(1, 20))))
    } else {
        Some(deadline.add_days(-i64::from(rng.range(0, 25))))
    }
}
