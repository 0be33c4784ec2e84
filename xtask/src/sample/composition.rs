//! Who the members and the admitted are (Biểu 2, 3 and 7), drawn for a branch's report once its
//! counts are simulated. Each branch keeps its own character across years (its traits come from
//! a stream keyed by the branch alone), and every draw here uses streams of its own, so adding
//! these sections left every other figure of the sample as it was.

use super::rng::Rng;
use app::model::{AgeBands, Discipline, Education, MemberEducation, MemberProfile, PartyWork, Report, AGE_BANDS, BADGE_TIERS};

/// A branch's lasting traits.
struct Traits {
    women: f64,
    ages: [f64; AGE_BANDS],
    upper_secondary: f64,
    qualification: [f64; 7],
}

fn traits(seed: u64, org: usize, agency: bool) -> Traits {
    let mut rng = Rng::derive(seed, 0xC_0000_0000 ^ org as u64);
    // Agencies employ more women and older, more schooled staff than enterprises.
    let women = if agency { rng.uniform(0.42, 0.62) } else { rng.uniform(0.22, 0.45) };
    let ages = if agency { [0.12, 0.15, 0.17, 0.16, 0.14, 0.13, 0.11, 0.02] } else { [0.24, 0.2, 0.17, 0.13, 0.1, 0.09, 0.06, 0.01] };
    let qualification = if agency { [0.004, 0.006, 0.03, 0.03, 0.71, 0.2, 0.02] } else { [0.04, 0.14, 0.15, 0.08, 0.52, 0.065, 0.005] };
    Traits { women, ages, upper_secondary: if agency { 0.985 } else { 0.93 }, qualification }
}

/// Counts per category for `n` people drawn with `weights`.
fn spread<const N: usize>(rng: &mut Rng, n: u32, weights: &[f64; N]) -> [u32; N] {
    let mut out = [0; N];
    for _ in 0..n {
        out[rng.weighted(weights)] += 1;
    }
    out
}

/// Fills the breakdown sections of a branch's report from its simulated counts.
pub fn compose(r: &mut Report, seed: u64, org: usize, agency: bool) {
    let t = traits(seed, org, agency);
    let mut rng = Rng::derive(seed, 0xD_0000_0000 ^ ((org as u64) << 16) ^ r.year as u64);
    let end = r.members.end.full + r.members.end.probationary;
    let admitted = r.movements.admitted;

    let member_ages = spread(&mut rng, end, &t.ages);
    let retired = rng.binomial(member_ages[AGE_BANDS - 1], 0.5);
    r.member_profile = Some(MemberProfile {
        women: rng.binomial(end, t.women),
        ethnic_minority: rng.binomial(end, 0.03),
        religious: rng.binomial(end, 0.025),
        youth_union: rng.binomial(member_ages[0], 0.85),
        retired,
        retired_exempted: rng.binomial(retired.min(r.members.exempted), 0.6),
    });
    r.member_ages = Some(AgeBands(member_ages));
    let upper = rng.binomial(end, t.upper_secondary);
    let theory = spread(&mut rng, end, &[0.3, 0.5, 0.17, 0.03]);
    r.member_education = Some(MemberEducation {
        education: Education { schooling: [end - upper, upper], qualification: spread(&mut rng, end, &t.qualification) },
        theory: [theory[1], theory[2], theory[3]],
    });

    // New members are young: mostly under 31, nearly all with upper secondary school.
    r.admitted_ages = Some(AgeBands(spread(&mut rng, admitted, &[0.72, 0.16, 0.07, 0.03, 0.015, 0.005, 0.0, 0.0])));
    let upper = rng.binomial(admitted, (t.upper_secondary + 0.01).min(1.0));
    r.admitted_education =
        Some(Education { schooling: [admitted - upper, upper], qualification: spread(&mut rng, admitted, &t.qualification) });

    // Badges follow seniority: 30 years of membership comes in the fifties, 40 and more past sixty.
    let senior = member_ages[5] + member_ages[6];
    let mut badges = [0; BADGE_TIERS];
    badges[0] = rng.binomial(senior, 0.05);
    for (i, b) in badges.iter_mut().enumerate().skip(1) {
        *b = rng.binomial(member_ages[AGE_BANDS - 1], 0.06 / i as f64);
    }
    r.party_work = Some(PartyWork {
        badges,
        // A card is issued when a probationary member becomes full.
        cards_issued: r.movements.made_full,
        cards_reissued_lost: rng.binomial(end, 0.002),
        cards_replaced_damaged: rng.binomial(end, 0.004),
    });
    let [reprimand, warning, dismissal] = spread(&mut rng, r.members.disciplined, &[0.7, 0.25, 0.05]);
    r.discipline = Some(Discipline { reprimand, warning, dismissal });

    // Transfers across the province line: one in eight.
    r.movements.transferred_in_other_province = rng.binomial(r.movements.transferred_in, 0.12);
    r.movements.transferred_out_other_province = rng.binomial(r.movements.transferred_out, 0.12);
}
