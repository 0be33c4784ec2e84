//! Which reports a figure sums over, shared by the stats modules.
//!
//! A đảng bộ cơ sở's report is exactly the sum of its branches' reports, so Khối-wide member
//! figures sum over grassroots organizations only; meetings and required documents are kept
//! by branches (chi bộ trực thuộc and chi bộ cơ sở).

use crate::model::{Dataset, Organization, Report, YearData};
use chrono::NaiveDate;

/// The date a year in progress is reported up to; `None` for a complete year.
pub(crate) fn as_of(y: &YearData) -> Option<NaiveDate> {
    y.as_of()
}

/// A year with reports, none of them partial: ratings, plans and year-end targets exist.
pub(crate) fn is_complete(y: &YearData) -> bool {
    !y.reports.is_empty() && as_of(y).is_none()
}

/// A year's reports with their organizations, in code order (reports of unknown codes skipped).
pub(crate) fn reports<'a>(data: &'a Dataset, y: &'a YearData) -> impl Iterator<Item = (&'a Organization, &'a Report)> + 'a {
    y.reports.values().filter_map(move |r| data.orgs.get(&r.org).map(|o| (o, r)))
}

/// Reports of grassroots organizations (đảng bộ cơ sở and chi bộ cơ sở): the Khối's totals.
pub(crate) fn grassroots<'a>(data: &'a Dataset, y: &'a YearData) -> impl Iterator<Item = (&'a Organization, &'a Report)> + 'a {
    reports(data, y).filter(|(o, _)| o.level.is_grassroots())
}

/// Reports of branches, which hold meetings and keep the required documents.
pub(crate) fn branches<'a>(data: &'a Dataset, y: &'a YearData) -> impl Iterator<Item = (&'a Organization, &'a Report)> + 'a {
    reports(data, y).filter(|(o, _)| o.level.holds_meetings())
}
