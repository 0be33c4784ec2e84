//! Leptos components rendered by both sides: to HTML strings by `site` (SSR) and to live DOM by
//! the app (CSR). Static components take plain values so SSR emits no reactive markers.

mod admissions;
mod branches;
mod cards;
mod explorer;
mod figure;
mod forms;
mod profile;
mod quota;
mod search;
mod table;
mod targets;
mod trends;

pub use admissions::{cumulative_chart, monthly_table, CumulativeFigure, YearFigures};
pub use branches::{branches_table, BranchAdmissionsTable};
pub use cards::{admissions_card, members_card, Card, HeadlineCards, ADMISSIONS_CARD};
pub use explorer::{Controls, LoadYear, QuotaExplorer};
#[cfg(feature = "ssr")]
pub use figure::images;
pub use figure::Figure;
pub use forms::{composition_table, composition_tables, form_table, form_tables, CompositionSection, FormsSection};
pub use profile::{press_paragraph, profile_table, ProfileSection};
pub use quota::{downloads, monthly_table_name, quota_table, quota_table_name, QuotaFigure, QUOTA_FIGURE_ID, STATIC_TABLE_ROWS};
pub use search::{SearchBox, SearchForm, SEARCH_INPUT_ID};
pub use table::{Column, DataTable, TableView};
pub use targets::{targets_table, TargetsTable};
pub use trends::{
    cap_table, meetings_table, movements_table, ratings_table, stock_table, CapFigure, MeetingsFigure, MovementsFigure, RatedGroup,
    RatingsFigure, StockFigure,
};
