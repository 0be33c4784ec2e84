//! Figures computed once from the checked model and used by pages, charts and the app.
//! Every ratio keeps its numerator and denominator so pages can show "12/15", not only "80%".

mod quota;

pub use quota::{quota_overview, QuotaOverview, QuotaRow, QuotaYear, YearPace};
