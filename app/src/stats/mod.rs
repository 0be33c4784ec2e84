//! Figures computed once from the checked model and used by pages, charts and the app.
//! Every ratio keeps its numerator and denominator so pages can show "12/15", not only "80%".
//!
//! Khối-wide member figures sum over grassroots organizations only (a đảng bộ cơ sở's report
//! is the sum of its branches'); meetings and required documents are the branches'.

mod coverage;
mod forms;
mod meetings;
mod movements;
mod plans;
mod profile;
mod quota;
mod ratings;
mod ratio;
mod scope;
mod stock;
mod targets;
#[cfg(test)]
pub(crate) mod testdata;

pub use coverage::{source_of_years, Coverage};
pub use forms::{forms_overview, Form, FormRow, FormsOverview, FormsYear, Measure, Scope, FORMS};
pub use meetings::{meetings_overview, DocKind, DocsSummary, Mean, MeetingsOverview, MeetingsYear};
pub use movements::{movements_overview, Change, MovementTotals, MovementsOverview, MovementsYear, YearChanges};
pub use plans::{plans_overview, LatePlan, PlansOverview, PlansYear};
pub use profile::{profile_overview, ProfileOverview, ProfileYear, PROFILE_PARTS};
pub use quota::{monthly_pace, quota_overview, running_total, QuotaFilter, QuotaOverview, QuotaRow, QuotaYear, YearPace};
pub use ratings::{ratings_overview, GradeSummary, RatingsOverview, RatingsYear};
pub use ratio::{Gap, Ratio};
pub use stock::{stock_overview, ByKind, MemberCount, OrgCounts, StockOverview, StockYear};
pub use targets::{target_year, targets_overview, Goal, TargetKey, TargetResult, TargetYear, TargetsOverview};

use crate::model::Dataset;
use serde::{Deserialize, Serialize};

/// Every statistic the site publishes, computed once.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    pub quota: QuotaOverview,
    pub ratings: RatingsOverview,
    pub targets: TargetsOverview,
    pub meetings: MeetingsOverview,
    pub movements: MovementsOverview,
    pub stock: StockOverview,
    pub plans: PlansOverview,
    pub profile: ProfileOverview,
}

pub fn overview(data: &Dataset) -> Overview {
    let ratings = ratings_overview(data);
    let meetings = meetings_overview(data);
    Overview {
        quota: quota_overview(data),
        targets: targets_overview(data, &ratings, &meetings),
        ratings,
        meetings,
        movements: movements_overview(data),
        stock: stock_overview(data),
        plans: plans_overview(data),
        profile: profile_overview(data),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_overview_bundles_every_statistic_and_round_trips() {
        let data = testdata::dataset();
        let o = overview(&data);
        assert_eq!(o.quota.years.len(), 2);
        assert_eq!(o.ratings.years.len(), 1);
        assert_eq!(o.targets.years.len(), 1);
        assert_eq!(o.meetings.years.len(), 2);
        assert_eq!(o.movements.years.len(), 2);
        assert_eq!(o.stock.years.len(), 2);
        assert_eq!(o.plans.years.len(), 1);
        // Members at the end of 2024 agree between the modules.
        assert_eq!(o.stock.year(2024).unwrap().members, o.movements.year(2024).unwrap().end);
        assert_eq!(o.ratings.year(2024).unwrap().members.total(), o.stock.year(2024).unwrap().members.total());
        // Quota progress for 2024: 4 admitted of 5.
        let q = o.quota.year(2024).unwrap();
        assert_eq!(Ratio::new(q.total_admitted(), q.total_quota()).display(), "4/5 (80,0%)");
        let json = serde_json::to_string(&o).unwrap();
        assert_eq!(serde_json::from_str::<Overview>(&json).unwrap(), o);
    }
}
