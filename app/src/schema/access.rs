//! Where each field lives in [`Report`]: the one place that maps a schema field to the model,
//! both ways.

use super::{
    Field, ADMITTED_AGES, ADMITTED_QUALIFICATION, ADMITTED_SCHOOLING, BADGES, MEMBER_AGES, MEMBER_QUALIFICATION, MEMBER_SCHOOLING, THEORY,
};
use crate::model::{
    AdmittedProfile, AgeBands, Discipline, Education, Grade, Meetings, MemberEducation, MemberProfile, NextYearPlan, OrgCode, PartyWork,
    Ratings, Report, RequiredDocs,
};
use chrono::NaiveDate;

/// A field's value, as read from or written to a report file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Year(i32),
    Org(OrgCode),
    Date(NaiveDate),
    Text(String),
    Count(u32),
    List(Vec<u32>),
    Bool(bool),
    Grade(Grade),
}

impl Field {
    /// The field's value in `r`; `None` where the report does not have it (its section or the
    /// optional key is absent).
    pub fn get(self, r: &Report) -> Option<Value> {
        use Value::{Bool, Count, List};
        let m = &r.members;
        let v = &r.movements;
        let rating = |f: fn(&Ratings) -> u32| r.ratings.as_ref().map(|x| Count(f(x)));
        let meeting = |f: fn(&Meetings) -> u32| r.meetings.as_ref().map(|x| Count(f(x)));
        let doc = |f: fn(&RequiredDocs) -> bool| r.required_docs.as_ref().map(|x| Bool(f(x)));
        let admitted = |f: fn(&AdmittedProfile) -> u32| r.admitted_profile.as_ref().map(|x| Count(f(x)));
        let member = |f: fn(&MemberProfile) -> u32| r.member_profile.as_ref().map(|x| Count(f(x)));
        let work = |f: fn(&PartyWork) -> u32| r.party_work.as_ref().map(|x| Count(f(x)));
        let discipline = |f: fn(&Discipline) -> u32| r.discipline.as_ref().map(|x| Count(f(x)));
        match self {
            Field::Year => Some(Value::Year(r.year)),
            Field::Org => Some(Value::Org(r.org.clone())),
            Field::AsOf => r.as_of.map(Value::Date),
            Field::Note => r.note.clone().map(Value::Text),
            Field::StartFull => Some(Count(m.start.full)),
            Field::StartProbationary => Some(Count(m.start.probationary)),
            Field::EndFull => Some(Count(m.end.full)),
            Field::EndProbationary => Some(Count(m.end.probationary)),
            Field::Exempted => Some(Count(m.exempted)),
            Field::Suspended => Some(Count(m.suspended)),
            Field::Disciplined => Some(Count(m.disciplined)),
            Field::Admitted => Some(Count(v.admitted)),
            Field::MadeFull => Some(Count(v.made_full)),
            Field::ProbationFailed => Some(Count(v.probation_failed)),
            Field::TransferredIn => Some(Count(v.transferred_in)),
            Field::TransferredOut => Some(Count(v.transferred_out)),
            Field::StruckOff => Some(Count(v.struck_off)),
            Field::Expelled => Some(Count(v.expelled)),
            Field::Removed => Some(Count(v.removed)),
            Field::Deceased => Some(Count(v.deceased)),
            Field::MonthlyAdmissions => Some(List(r.monthly_admissions.clone())),
            Field::MemberWomen => member(|x| x.women),
            Field::MemberEthnicMinority => member(|x| x.ethnic_minority),
            Field::MemberReligious => member(|x| x.religious),
            Field::MemberYouthUnion => member(|x| x.youth_union),
            Field::Retired => member(|x| x.retired),
            Field::RetiredExempted => member(|x| x.retired_exempted),
            Field::TransferredInOtherProvince => Some(Count(v.transferred_in_other_province)),
            Field::Restored => Some(Count(v.restored)),
            Field::TransferredOutOtherProvince => Some(Count(v.transferred_out_other_province)),
            Field::OrgScore => r.ratings.as_ref().and_then(|x| x.score).map(Count),
            Field::CapException => r.ratings.as_ref().and_then(|x| x.cap_exception).map(Bool),
            Field::CardsIssued => work(|x| x.cards_issued),
            Field::CardsReissuedLost => work(|x| x.cards_reissued_lost),
            Field::CardsReplacedDamaged => work(|x| x.cards_replaced_damaged),
            Field::Reprimand => discipline(|x| x.reprimand),
            Field::Warning => discipline(|x| x.warning),
            Field::Dismissal => discipline(|x| x.dismissal),
            Field::MemberAge18To30
            | Field::MemberAge31To35
            | Field::MemberAge36To40
            | Field::MemberAge41To45
            | Field::MemberAge46To50
            | Field::MemberAge51To55
            | Field::MemberAge56To60
            | Field::MemberAgeOver60
            | Field::AdmittedAge18To30
            | Field::AdmittedAge31To35
            | Field::AdmittedAge36To40
            | Field::AdmittedAge41To45
            | Field::AdmittedAge46To50
            | Field::AdmittedAge51To55
            | Field::AdmittedAge56To60
            | Field::AdmittedAgeOver60
            | Field::MemberLowerSecondary
            | Field::MemberUpperSecondary
            | Field::MemberUntrained
            | Field::MemberElementary
            | Field::MemberIntermediate
            | Field::MemberCollege
            | Field::MemberUniversity
            | Field::MemberMaster
            | Field::MemberDoctor
            | Field::AdmittedLowerSecondary
            | Field::AdmittedUpperSecondary
            | Field::AdmittedUntrained
            | Field::AdmittedElementary
            | Field::AdmittedIntermediate
            | Field::AdmittedCollege
            | Field::AdmittedUniversity
            | Field::AdmittedMaster
            | Field::AdmittedDoctor
            | Field::TheoryElementary
            | Field::TheoryIntermediate
            | Field::TheoryAdvanced
            | Field::Badge30
            | Field::Badge40
            | Field::Badge45
            | Field::Badge50
            | Field::Badge55
            | Field::Badge60
            | Field::Badge65
            | Field::Badge70
            | Field::Badge75
            | Field::Badge80
            | Field::Badge85
            | Field::Badge90 => {
                let (list, i) = group(self);
                (list.get)(r).map(|l| Count(l[i]))
            }
            Field::AdmittedWomen => admitted(|x| x.women),
            Field::AdmittedEthnicMinority => admitted(|x| x.ethnic_minority),
            Field::AdmittedReligious => admitted(|x| x.religious),
            Field::AdmittedYouthUnion => admitted(|x| x.youth_union),
            Field::AdmittedBusinessOwners => admitted(|x| x.business_owners),
            Field::Readmitted => admitted(|x| x.readmitted),
            Field::OrgGrade => r.ratings.as_ref().and_then(|x| x.organization).map(Value::Grade),
            Field::MembersExcellent => rating(|x| x.count(Grade::Excellent)),
            Field::MembersGood => rating(|x| x.count(Grade::Good)),
            Field::MembersCompleted => rating(|x| x.count(Grade::Completed)),
            Field::MembersFailed => rating(|x| x.count(Grade::Failed)),
            Field::NotRatedNew => rating(|x| x.not_rated_new),
            Field::NotRatedExempted => rating(|x| x.not_rated_exempted),
            Field::NotRatedSuspended => rating(|x| x.not_rated_suspended),
            Field::MeetingsMonthly => r.meetings.as_ref().map(|x| List(x.monthly.clone())),
            Field::AttendanceExpected => meeting(|x| x.attendance_expected),
            Field::Attended => meeting(|x| x.attended),
            Field::UnexcusedAbsences => meeting(|x| x.unexcused_absences),
            Field::Thematic => meeting(|x| x.thematic),
            Field::Forums => meeting(|x| x.forums),
            Field::UpperVisits => r.meetings.as_ref().and_then(|x| x.upper_visits.clone()).map(List),
            Field::MeetingScore => r.meetings.as_ref().and_then(|x| x.score).map(Count),
            Field::WorkProgramme => doc(|x| x.work_programme),
            Field::InspectionProgramme => doc(|x| x.inspection_programme),
            Field::TaskAssignment => doc(|x| x.task_assignment),
            Field::Directive05Plan => doc(|x| x.directive_05_plan),
            Field::Commitments => doc(|x| x.commitments),
            Field::PlanSent => r.next_year_plan.map(|p| Bool(matches!(p, NextYearPlan::Sent(_)))),
            Field::PlanDate => match r.next_year_plan {
                Some(NextYearPlan::Sent(d)) => Some(Value::Date(d)),
                _ => None,
            },
        }
    }

    /// A count, for the fields that are counts.
    pub fn count(self, r: &Report) -> Option<u32> {
        match self.get(r) {
            Some(Value::Count(n)) => Some(n),
            _ => None,
        }
    }

    /// Stores `value` in `r`, creating the field's section when it is absent. A value of the
    /// wrong kind for the field is ignored: the reader only passes what the schema's kind reads.
    pub fn set(self, r: &mut Report, value: Value) {
        match (self, value) {
            (Field::Year, Value::Year(y)) => r.year = y,
            (Field::Org, Value::Org(o)) => r.org = o,
            (Field::AsOf, Value::Date(d)) => r.as_of = Some(d),
            (Field::Note, Value::Text(t)) => r.note = Some(t),
            (Field::MonthlyAdmissions, Value::List(l)) => r.monthly_admissions = l,
            (Field::OrgGrade, Value::Grade(g)) => ratings(r).organization = Some(g),
            (Field::MeetingsMonthly, Value::List(l)) => meetings(r).monthly = l,
            (Field::UpperVisits, Value::List(l)) => meetings(r).upper_visits = Some(l),
            (Field::MeetingScore, Value::Count(n)) => meetings(r).score = Some(n),
            (Field::OrgScore, Value::Count(n)) => ratings(r).score = Some(n),
            (Field::CapException, Value::Bool(b)) => ratings(r).cap_exception = Some(b),
            (Field::PlanSent, Value::Bool(sent)) => {
                r.next_year_plan = match (sent, r.next_year_plan) {
                    (true, Some(NextYearPlan::Sent(d))) => Some(NextYearPlan::Sent(d)),
                    // The date comes with `ngay_gui`; until then a sent plan has none.
                    (true, _) => Some(NextYearPlan::Sent(NaiveDate::MIN)),
                    (false, _) => Some(NextYearPlan::NotSent),
                }
            }
            (Field::PlanDate, Value::Date(d)) => r.next_year_plan = Some(NextYearPlan::Sent(d)),
            (f, Value::Bool(b)) => {
                let docs = r.required_docs.get_or_insert_with(RequiredDocs::default);
                match f {
                    Field::WorkProgramme => docs.work_programme = b,
                    Field::InspectionProgramme => docs.inspection_programme = b,
                    Field::TaskAssignment => docs.task_assignment = b,
                    Field::Directive05Plan => docs.directive_05_plan = b,
                    Field::Commitments => docs.commitments = b,
                    _ => {}
                }
            }
            (f, Value::Count(n)) => {
                if let Some(slot) = count_slot(r, f) {
                    *slot = n;
                }
            }
            _ => {}
        }
    }
}

fn admitted(r: &mut Report) -> &mut AdmittedProfile {
    r.admitted_profile.get_or_insert_with(AdmittedProfile::default)
}

fn member(r: &mut Report) -> &mut MemberProfile {
    r.member_profile.get_or_insert_with(MemberProfile::default)
}

fn work(r: &mut Report) -> &mut PartyWork {
    r.party_work.get_or_insert_with(PartyWork::default)
}

fn discipline(r: &mut Report) -> &mut Discipline {
    r.discipline.get_or_insert_with(Discipline::default)
}

/// A breakdown kept as a list in the model (age bands, education levels, badge tiers): its
/// fields in list order, and the list in a report, read and (created and) written.
struct Group {
    fields: &'static [Field],
    get: fn(&Report) -> Option<&[u32]>,
    slot: fn(&mut Report) -> &mut [u32],
}

const GROUPS: [Group; 8] = [
    Group {
        fields: &MEMBER_AGES,
        get: |r| r.member_ages.as_ref().map(|a| &a.0[..]),
        slot: |r| &mut r.member_ages.get_or_insert_with(AgeBands::default).0,
    },
    Group {
        fields: &ADMITTED_AGES,
        get: |r| r.admitted_ages.as_ref().map(|a| &a.0[..]),
        slot: |r| &mut r.admitted_ages.get_or_insert_with(AgeBands::default).0,
    },
    Group {
        fields: &MEMBER_SCHOOLING,
        get: |r| r.member_education.as_ref().map(|e| &e.education.schooling[..]),
        slot: |r| &mut r.member_education.get_or_insert_with(MemberEducation::default).education.schooling,
    },
    Group {
        fields: &MEMBER_QUALIFICATION,
        get: |r| r.member_education.as_ref().map(|e| &e.education.qualification[..]),
        slot: |r| &mut r.member_education.get_or_insert_with(MemberEducation::default).education.qualification,
    },
    Group {
        fields: &ADMITTED_SCHOOLING,
        get: |r| r.admitted_education.as_ref().map(|e| &e.schooling[..]),
        slot: |r| &mut r.admitted_education.get_or_insert_with(Education::default).schooling,
    },
    Group {
        fields: &ADMITTED_QUALIFICATION,
        get: |r| r.admitted_education.as_ref().map(|e| &e.qualification[..]),
        slot: |r| &mut r.admitted_education.get_or_insert_with(Education::default).qualification,
    },
    Group {
        fields: &THEORY,
        get: |r| r.member_education.as_ref().map(|e| &e.theory[..]),
        slot: |r| &mut r.member_education.get_or_insert_with(MemberEducation::default).theory,
    },
    Group {
        fields: &BADGES,
        get: |r| r.party_work.as_ref().map(|w| &w.badges[..]),
        slot: |r| &mut r.party_work.get_or_insert_with(PartyWork::default).badges,
    },
];

/// The group a list-kept field belongs to, and its place in the list.
fn group(f: Field) -> (&'static Group, usize) {
    GROUPS.iter().find_map(|g| g.fields.iter().position(|x| *x == f).map(|i| (g, i))).expect("called for the fields of GROUPS only")
}

fn ratings(r: &mut Report) -> &mut Ratings {
    r.ratings.get_or_insert_with(Ratings::default)
}

fn meetings(r: &mut Report) -> &mut Meetings {
    r.meetings.get_or_insert_with(Meetings::default)
}

/// The model's slot of a count field that is always a plain `u32`.
fn count_slot(r: &mut Report, f: Field) -> Option<&mut u32> {
    Some(match f {
        Field::StartFull => &mut r.members.start.full,
        Field::StartProbationary => &mut r.members.start.probationary,
        Field::EndFull => &mut r.members.end.full,
        Field::EndProbationary => &mut r.members.end.probationary,
        Field::Exempted => &mut r.members.exempted,
        Field::Suspended => &mut r.members.suspended,
        Field::Disciplined => &mut r.members.disciplined,
        Field::Admitted => &mut r.movements.admitted,
        Field::MadeFull => &mut r.movements.made_full,
        Field::ProbationFailed => &mut r.movements.probation_failed,
        Field::TransferredIn => &mut r.movements.transferred_in,
        Field::TransferredOut => &mut r.movements.transferred_out,
        Field::StruckOff => &mut r.movements.struck_off,
        Field::Expelled => &mut r.movements.expelled,
        Field::Removed => &mut r.movements.removed,
        Field::Deceased => &mut r.movements.deceased,
        Field::MemberWomen => &mut member(r).women,
        Field::MemberEthnicMinority => &mut member(r).ethnic_minority,
        Field::MemberReligious => &mut member(r).religious,
        Field::MemberYouthUnion => &mut member(r).youth_union,
        Field::Retired => &mut member(r).retired,
        Field::RetiredExempted => &mut member(r).retired_exempted,
        Field::TransferredInOtherProvince => &mut r.movements.transferred_in_other_province,
        Field::Restored => &mut r.movements.restored,
        Field::TransferredOutOtherProvince => &mut r.movements.transferred_out_other_province,
        Field::CardsIssued => &mut work(r).cards_issued,
        Field::CardsReissuedLost => &mut work(r).cards_reissued_lost,
        Field::CardsReplacedDamaged => &mut work(r).cards_replaced_damaged,
        Field::Reprimand => &mut discipline(r).reprimand,
        Field::Warning => &mut discipline(r).warning,
        Field::Dismissal => &mut discipline(r).dismissal,
        f if GROUPS.iter().any(|g| g.fields.contains(&f)) => {
            let (list, i) = group(f);
            &mut (list.slot)(r)[i]
        }
        Field::AdmittedWomen => &mut admitted(r).women,
        Field::AdmittedEthnicMinority => &mut admitted(r).ethnic_minority,
        Field::AdmittedReligious => &mut admitted(r).religious,
        Field::AdmittedYouthUnion => &mut admitted(r).youth_union,
        Field::AdmittedBusinessOwners => &mut admitted(r).business_owners,
        Field::Readmitted => &mut admitted(r).readmitted,
        Field::MembersExcellent => &mut ratings(r).members[Grade::Excellent as usize],
        Field::MembersGood => &mut ratings(r).members[Grade::Good as usize],
        Field::MembersCompleted => &mut ratings(r).members[Grade::Completed as usize],
        Field::MembersFailed => &mut ratings(r).members[Grade::Failed as usize],
        Field::NotRatedNew => &mut ratings(r).not_rated_new,
        Field::NotRatedExempted => &mut ratings(r).not_rated_exempted,
        Field::NotRatedSuspended => &mut ratings(r).not_rated_suspended,
        Field::AttendanceExpected => &mut meetings(r).attendance_expected,
        Field::Attended => &mut meetings(r).attended,
        Field::UnexcusedAbsences => &mut meetings(r).unexcused_absences,
        Field::Thematic => &mut meetings(r).thematic,
        Field::Forums => &mut meetings(r).forums,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{Kind, FIELDS};

    #[test]
    fn the_profile_fields_name_the_parts_in_order() {
        for (i, field) in crate::schema::ADMITTED_PROFILE.iter().enumerate() {
            let mut r = Report::empty(2024, OrgCode::parse("CQ01").unwrap());
            field.set(&mut r, Value::Count(7));
            let parts = r.admitted_profile.unwrap().parts();
            assert_eq!(parts.iter().position(|&p| p == 7), Some(i), "{}", field.path());
        }
    }

    /// Every field set to a distinct value reads back as that value, and no other field moves.
    #[test]
    fn every_field_round_trips_through_the_model() {
        let mut r = Report::empty(2024, OrgCode::parse("CQ01").unwrap());
        let value = |i: usize, kind: Kind| match kind {
            Kind::Year => Value::Year(2024),
            Kind::OrgCode => Value::Org(OrgCode::parse("CQ01").unwrap()),
            Kind::Date => Value::Date(NaiveDate::from_ymd_opt(2024, 9, 1 + i as u32 % 28).unwrap()),
            Kind::Text => Value::Text(format!("ghi chú {i}")),
            Kind::Count => Value::Count(100 + i as u32),
            Kind::Months | Kind::Quarters => Value::List(vec![i as u32; 3]),
            Kind::Bool => Value::Bool(i.is_multiple_of(2)),
            Kind::Grade => Value::Grade(Grade::Good),
        };
        for (i, f) in FIELDS.iter().enumerate() {
            let v = value(i, f.kind);
            // A plan marked sent keeps its date field's value; set the flag first, as files do.
            f.field.set(&mut r, v.clone());
        }
        for (i, f) in FIELDS.iter().enumerate() {
            let expected = match f.field {
                // `da_gui` is read from the plan, which `ngay_gui` then dated: sent.
                Field::PlanSent => Value::Bool(true),
                _ => value(i, f.kind),
            };
            assert_eq!(f.field.get(&r), Some(expected), "{}", f.path());
        }
    }
}
