//! Figures across the years: quality ratings against the targets, the grade-1 cap, meeting
//! discipline, member movements and members by kind. Static on every statistics page.

use super::figure::Figure;
use super::table::{Column, DataTable};
use crate::chart::{line_chart, palette, stacked_chart, ChartLabels, LineChart, Series, StackedChart, StackedRow, TargetLine};
use crate::format;
use crate::model::{Grade, Targets};
use crate::privacy::Disclosure;
use crate::stats::{GradeSummary, MeetingsOverview, MovementsOverview, RatingsOverview, Ratio, StockOverview};
use leptos::prelude::*;

/// Whose ratings a figure shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RatedGroup {
    Organizations,
    Branches,
    Members,
}

impl RatedGroup {
    pub fn summary(self, year: &crate::stats::RatingsYear) -> &GradeSummary {
        match self {
            RatedGroup::Organizations => &year.organizations,
            RatedGroup::Branches => &year.branches,
            RatedGroup::Members => &year.members,
        }
    }

    fn noun(self) -> &'static str {
        match self {
            RatedGroup::Organizations => "tổ chức cơ sở đảng",
            RatedGroup::Branches => "chi bộ trực thuộc đảng bộ cơ sở",
            RatedGroup::Members => "đảng viên",
        }
    }

    fn id(self) -> &'static str {
        match self {
            RatedGroup::Organizations => crate::routes::tables::RATINGS_ORGS,
            RatedGroup::Branches => crate::routes::tables::RATINGS_BRANCHES,
            RatedGroup::Members => crate::routes::tables::RATINGS_MEMBERS,
        }
    }

    /// (good-or-better target, grade-1 target lines)
    fn targets(self, t: &Targets) -> Vec<TargetLine> {
        let line = |p: u32, what: &str| TargetLine { percent: p, label: format!("{what} {p}%") };
        match self {
            RatedGroup::Organizations => vec![line(t.org_excellent, "Xuất sắc"), line(t.org_good_or_better, "Tốt trở lên")],
            RatedGroup::Branches => vec![line(t.branch_excellent, "Xuất sắc"), line(t.branch_good_or_better, "Tốt trở lên")],
            RatedGroup::Members => vec![line(t.member_excellent_max, "Xuất sắc ≤"), line(t.member_good_or_better, "Tốt trở lên")],
        }
    }

    pub fn table_name(self) -> String {
        self.id().to_string()
    }
}

const GRADE_PARTS: [(&str, plotters::style::RGBColor); 5] = [
    ("Hoàn thành xuất sắc", palette::GRADES[0]),
    ("Hoàn thành tốt", palette::GRADES[1]),
    ("Hoàn thành", palette::GRADES[2]),
    ("Không hoàn thành", palette::GRADES[3]),
    ("Không công bố (số nhỏ)", palette::HIDDEN),
];

/// Ratings of one group as 100% stacked bars per year, with the target lines.
#[component]
pub fn RatingsFigure(ratings: RatingsOverview, group: RatedGroup, targets: Targets, disclosure: Disclosure) -> impl IntoView {
    // Only member counts are about people; organizations' grades are published as they are.
    let hidden = |year: i32, cell: usize| if group == RatedGroup::Members { disclosure.member_grade(year, cell) } else { None };
    let rows: Vec<StackedRow> = ratings
        .years
        .iter()
        .map(|y| {
            let counts = group.summary(y).counts;
            let mut parts: Vec<u64> = (0..4).map(|i| if hidden(y.year, i).is_some() { 0 } else { counts[i] }).collect();
            // Hidden grades stand together in one grey segment: only their sum is visible.
            if group == RatedGroup::Members {
                parts.push((0..4).filter(|&i| hidden(y.year, i).is_some()).map(|i| counts[i]).sum());
            }
            let any_hidden = (0..5).any(|i| hidden(y.year, i).is_some());
            StackedRow { label: y.year.to_string(), parts, show_total: !any_hidden }
        })
        .collect();
    let title = format!("Xếp loại chất lượng {} qua các năm", group.noun());
    let summary = match ratings.latest() {
        Some(y) if [0, 1, 4].iter().any(|&i| hidden(y.year, i).is_some()) => {
            format!("Năm {}: một số ô có số nhỏ không được công bố để bảo vệ người được đánh giá.", y.year)
        }
        Some(y) => {
            let g = group.summary(y);
            format!(
                "Năm {}, {}/{} {} được xếp loại hoàn thành tốt nhiệm vụ trở lên ({}), trong đó {} hoàn thành xuất sắc.",
                y.year,
                format::int(g.good_or_better.num),
                format::int(g.good_or_better.den),
                group.noun(),
                g.good_or_better.percent_string(),
                format::int(g.count(Grade::Excellent)),
            )
        }
        None => "Chưa có năm nào có kết quả xếp loại.".to_string(),
    };
    let target_lines = group.targets(&targets);
    let svg = stacked_chart(
        &StackedChart {
            parts: if group == RatedGroup::Members { &GRADE_PARTS } else { &GRADE_PARTS[..4] },
            rows: &rows,
            targets: &target_lines,
        },
        &ChartLabels { id: group.id(), title: &title, description: &summary },
    );
    let body = ratings
        .years
        .iter()
        .map(|y| {
            let g = group.summary(y);
            let cells: Vec<u64> = g.counts.iter().copied().chain([g.not_rated]).collect();
            // A ratio is shown only when every count it rests on is.
            let ratios_shown = [0, 1, 4].iter().all(|&i| hidden(y.year, i).is_none());
            let ratio = |r: Ratio| if ratios_shown { r.display() } else { "—".to_string() };
            view! {
                <tr>
                    <th scope="row">{y.year.to_string()}</th>
                    {cells.iter().enumerate().map(|(i, &n)| view! { <td class="num">{disclosure.show(n, hidden(y.year, i))}</td> }).collect_view()}
                    <td class="num">{ratio(g.good_or_better)}</td>
                    <td class="num">{ratio(g.excellent)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Figure id=group.id() title=title svg=svg summary=summary table_name=group.table_name()>
            <DataTable caption=format!("Số {} theo mức xếp loại (số loại trừ nhau)", group.noun()) columns=vec![Column::text("Năm"), Column::num("Xuất sắc"), Column::num("Tốt"), Column::num("Hoàn thành"), Column::num("Không hoàn thành"), Column::num("Không xếp loại"), Column::num("Tốt trở lên"), Column::num("Xuất sắc")]>
                <tbody>{body}</tbody>
            </DataTable>
        </Figure>
    }
}

fn percent_value(r: Ratio) -> Option<f64> {
    r.fraction().map(|f| f * 100.0)
}

fn year_labels(years: impl Iterator<Item = (i32, bool)>) -> Vec<String> {
    years.map(|(y, partial)| if partial { format!("{y}*") } else { y.to_string() }).collect()
}

/// Members rated grade 1 as a share of grade 2, against the 20% cap of the regulations.
#[component]
pub fn CapFigure(ratings: RatingsOverview, disclosure: Disclosure) -> impl IntoView {
    let shown = |year: i32| disclosure.member_grade(year, 0).is_none() && disclosure.member_grade(year, 1).is_none();
    let labels = year_labels(ratings.years.iter().map(|y| (y.year, false)));
    let series = [
        Series {
            name: "Xuất sắc / Tốt (%)".into(),
            color: palette::GRADES[0],
            values: ratings.years.iter().map(|y| if shown(y.year) { percent_value(y.members.excellent_to_good) } else { None }).collect(),
            dashed: false,
        },
        Series {
            name: "Giới hạn 20%".into(),
            color: palette::LAGGING,
            values: ratings.years.iter().map(|_| Some(20.0)).collect(),
            dashed: true,
        },
    ];
    let title = "Đảng viên hoàn thành xuất sắc so với giới hạn 20% số hoàn thành tốt".to_string();
    let over: usize = ratings.latest().map_or(0, |y| y.over_cap.len());
    let summary = match ratings.latest() {
        Some(y) if !shown(y.year) => format!("Năm {}: số nhỏ không được công bố.", y.year),
        Some(y) => format!(
            "Năm {}, số đảng viên xuất sắc bằng {} số hoàn thành tốt; {} tổ chức cơ sở đảng vượt giới hạn.",
            y.year,
            y.members.excellent_to_good.percent_string(),
            over
        ),
        None => "Chưa có năm nào có kết quả xếp loại.".to_string(),
    };
    let svg = line_chart(
        &LineChart { x_labels: &labels, series: &series, unit: "%" },
        &ChartLabels { id: "gioi-han-xuat-sac", title: &title, description: &summary },
    );
    let body = ratings
        .years
        .iter()
        .map(|y| {
            let codes: Vec<String> = y.over_cap.iter().map(|c| c.to_string()).collect();
            view! {
                <tr>
                    <th scope="row">{y.year.to_string()}</th>
                    <td class="num">{disclosure.show(y.members.count(Grade::Excellent), disclosure.member_grade(y.year, 0))}</td>
                    <td class="num">{disclosure.show(y.members.count(Grade::Good), disclosure.member_grade(y.year, 1))}</td>
                    <td class="num">{if shown(y.year) { y.members.excellent_to_good.percent_string() } else { "—".to_string() }}</td>
                    <td>{if codes.is_empty() { "Không có".to_string() } else { codes.join(", ") }}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Figure id="gioi-han-xuat-sac" title=title svg=svg summary=summary>
            <DataTable caption="Đảng viên xuất sắc và giới hạn 20%" columns=vec![Column::text("Năm"), Column::num("Xuất sắc"), Column::num("Tốt"), Column::num("Xuất sắc / Tốt"), Column::text("Tổ chức vượt giới hạn")]>
                <tbody>{body}</tbody>
            </DataTable>
        </Figure>
    }
}

/// Meeting discipline: branches meeting every month and attendance, against 85%.
#[component]
pub fn MeetingsFigure(meetings: MeetingsOverview, targets: Targets) -> impl IntoView {
    let labels = year_labels(meetings.years.iter().map(|y| (y.year, y.as_of.is_some())));
    let series = [
        Series {
            name: "Chi bộ sinh hoạt đủ các tháng (%)".into(),
            color: palette::ON_PACE,
            values: meetings.years.iter().map(|y| percent_value(y.every_month)).collect(),
            dashed: false,
        },
        Series {
            name: "Tỷ lệ dự sinh hoạt (%)".into(),
            color: palette::GRADES[0],
            values: meetings.years.iter().map(|y| percent_value(y.attendance)).collect(),
            dashed: false,
        },
        Series {
            name: format!("Mục tiêu dự {}%", targets.attendance),
            color: palette::LAGGING,
            values: meetings.years.iter().map(|_| Some(f64::from(targets.attendance))).collect(),
            dashed: true,
        },
    ];
    let title = "Chất lượng sinh hoạt chi bộ qua các năm".to_string();
    let summary = match meetings.latest() {
        Some(y) => format!(
            "Năm {}{}, {} chi bộ sinh hoạt định kỳ đủ các tháng; tỷ lệ đảng viên dự sinh hoạt {}.",
            y.year,
            y.as_of.map_or(String::new(), |d| format!(" (đến {})", format::date(d))),
            y.every_month.display(),
            y.attendance.percent_string()
        ),
        None => "Chưa có số liệu sinh hoạt chi bộ.".to_string(),
    };
    let svg = line_chart(
        &LineChart { x_labels: &labels, series: &series, unit: "%" },
        &ChartLabels { id: "sinh-hoat", title: &title, description: &summary },
    );
    let body = meetings
        .years
        .iter()
        .map(|y| {
            view! {
                <tr>
                    <th scope="row">{y.as_of.map_or_else(|| y.year.to_string(), |d| format!("{} (đến {})", y.year, format::date(d)))}</th>
                    <td class="num">{y.every_month.display()}</td>
                    <td class="num">{y.attendance.display()}</td>
                    <td class="num">{format::int(y.unexcused_absences)}</td>
                    <td class="num">{format::int(y.thematic)}</td>
                    <td class="num">{format::int(y.forums)}</td>
                    <td class="num">{y.visited_every_quarter.display()}</td>
                    <td class="num">{y.documents.all_done.display()}</td>
                    <td class="num">{y.score.value_string()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Figure id="sinh-hoat" title=title svg=svg summary=summary table_name=crate::routes::tables::MEETINGS.to_string()>
            <DataTable caption="Sinh hoạt chi bộ (* năm chưa hết)" columns=vec![Column::text("Năm"), Column::num("Sinh hoạt đủ các tháng"), Column::num("Lượt dự / phải dự"), Column::num("Vắng không lý do"), Column::num("Chuyên đề"), Column::num("Diễn đàn"), Column::num("Cấp ủy dự đủ các quý"), Column::num("Đủ văn bản bắt buộc"), Column::num("Điểm bình quân")]>
                <tbody>{body}</tbody>
            </DataTable>
        </Figure>
    }
}

/// Admissions, strikings-off, expulsions and failed probations per year, with the change.
#[component]
pub fn MovementsFigure(movements: MovementsOverview, disclosure: Disclosure) -> impl IntoView {
    let labels = year_labels(movements.years.iter().map(|y| (y.year, y.is_partial())));
    // `cell`: index in `privacy::MOVEMENT_CELLS`; hidden values leave a gap in the line.
    let line = |name: &str, color, cell: Option<usize>, read: fn(&crate::stats::MovementTotals) -> u64| Series {
        name: name.into(),
        color,
        values: movements
            .years
            .iter()
            .map(|y| if cell.and_then(|c| disclosure.movement(y.year, c)).is_some() { None } else { Some(read(&y.totals) as f64) })
            .collect(),
        dashed: false,
    };
    let series = [
        line("Kết nạp", palette::ON_PACE, None, |t| t.admitted),
        line("Xóa tên", palette::STRUCK_OFF, Some(1), |t| t.struck_off),
        line("Khai trừ", palette::EXPELLED, Some(2), |t| t.expelled),
        line("Không chuyển chính thức", palette::PROBATION_FAILED, Some(0), |t| t.probation_failed),
    ];
    let title = "Biến động đảng viên qua các năm".to_string();
    let summary = movements.years.iter().rev().find(|y| !y.is_partial()).and_then(|y| y.changes.as_ref().map(|c| (y.year, c))).map_or_else(
        || "Chưa đủ hai năm để so sánh.".to_string(),
        |(year, c)| {
            format!(
                "Năm {year} so với {}: kết nạp {} ({}), xóa tên {}, khai trừ {}.",
                c.previous_year,
                format::int(c.admitted.current),
                c.admitted.diff_string(),
                change_text(&disclosure, year, c.previous_year, 1, &c.struck_off),
                change_text(&disclosure, year, c.previous_year, 2, &c.expelled),
            )
        },
    );
    let svg = line_chart(
        &LineChart { x_labels: &labels, series: &series, unit: "" },
        &ChartLabels { id: "bien-dong", title: &title, description: &summary },
    );
    let change = |year: i32, cell: usize, c: Option<(i32, &crate::stats::Change)>| {
        c.map_or_else(
            || "—".to_string(),
            |(prev, c)| {
                if disclosure.movement(year, cell).is_some() || disclosure.movement(prev, cell).is_some() {
                    "—".to_string()
                } else {
                    c.diff_string()
                }
            },
        )
    };
    let body = movements
        .years
        .iter()
        .map(|y| {
            let c = y.changes.as_ref();
            view! {
                <tr>
                    <th scope="row">{y.as_of.map_or_else(|| y.year.to_string(), |d| format!("{} (đến {})", y.year, format::date(d)))}</th>
                    <td class="num">{format::int(y.totals.admitted)}</td>
                    <td class="num">{c.map_or_else(|| "—".to_string(), |c| c.admitted.diff_string())}</td>
                    <td class="num">{disclosure.show(y.totals.struck_off, disclosure.movement(y.year, 1))}</td>
                    <td class="num">{change(y.year, 1, c.map(|c| (c.previous_year, &c.struck_off)))}</td>
                    <td class="num">{disclosure.show(y.totals.expelled, disclosure.movement(y.year, 2))}</td>
                    <td class="num">{change(y.year, 2, c.map(|c| (c.previous_year, &c.expelled)))}</td>
                    <td class="num">{disclosure.show(y.totals.probation_failed, disclosure.movement(y.year, 0))}</td>
                    <td class="num">{format::int(y.end.total())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Figure id="bien-dong" title=title svg=svg summary=summary table_name=crate::routes::tables::MOVEMENTS.to_string()>
            <DataTable caption="Biến động đảng viên toàn Khối (* năm chưa hết)" columns=vec![Column::text("Năm"), Column::num("Kết nạp"), Column::num("± năm trước"), Column::num("Xóa tên"), Column::num("± năm trước"), Column::num("Khai trừ"), Column::num("± năm trước"), Column::num("Không chuyển chính thức"), Column::num("Đảng viên cuối kỳ")]>
                <tbody>{body}</tbody>
            </DataTable>
        </Figure>
    }
}

/// "6 (+2)", or the marker when this year's or last year's count is hidden.
fn change_text(disclosure: &Disclosure, year: i32, previous: i32, cell: usize, c: &crate::stats::Change) -> String {
    match disclosure.movement(year, cell) {
        Some(h) => disclosure.show(c.current, Some(h)),
        None if disclosure.movement(previous, cell).is_some() => format::int(c.current),
        None => format!("{} ({})", format::int(c.current), c.diff_string()),
    }
}

/// Members by kind of organization over the years.
#[component]
pub fn StockFigure(stock: StockOverview) -> impl IntoView {
    let labels = year_labels(stock.years.iter().map(|y| (y.year, y.as_of.is_some())));
    let line = |name: &str, color, read: fn(&crate::stats::StockYear) -> u64| Series {
        name: name.into(),
        color,
        values: stock.years.iter().map(|y| Some(read(y) as f64)).collect(),
        dashed: false,
    };
    let series = [
        line("Cơ quan", palette::GRADES[0], |y| y.members_by_kind.agency.total()),
        line("DN nhà nước", palette::ON_PACE, |y| y.members_by_kind.state.total()),
        line("DN tư nhân", palette::STRUCK_OFF, |y| y.members_by_kind.private.total()),
        line("DN vốn nước ngoài", palette::PROBATION_FAILED, |y| y.members_by_kind.foreign_invested.total()),
    ];
    let title = "Đảng viên theo loại hình cơ quan, doanh nghiệp".to_string();
    let summary = match stock.latest() {
        Some(y) => format!(
            "{}: {} đảng viên, trong đó khối cơ quan {}, khối doanh nghiệp {}.",
            y.as_of.map_or_else(|| format!("Cuối năm {}", y.year), |d| format!("Đến {}", format::date(d))),
            format::int(y.members.total()),
            format::int(y.members_by_kind.agency.total()),
            format::int(y.members_by_kind.enterprise().total())
        ),
        None => "Chưa có số liệu.".to_string(),
    };
    let svg = line_chart(
        &LineChart { x_labels: &labels, series: &series, unit: "" },
        &ChartLabels { id: "loai-hinh", title: &title, description: &summary },
    );
    let body = stock
        .years
        .iter()
        .map(|y| {
            view! {
                <tr>
                    <th scope="row">{y.as_of.map_or_else(|| y.year.to_string(), |d| format!("{} (đến {})", y.year, format::date(d)))}</th>
                    <td class="num">{format::int(y.members_by_kind.agency.total())}</td>
                    <td class="num">{format::int(y.members_by_kind.state.total())}</td>
                    <td class="num">{format::int(y.members_by_kind.private.total())}</td>
                    <td class="num">{format::int(y.members_by_kind.foreign_invested.total())}</td>
                    <td class="num">{format::int(y.members.total())}</td>
                    <td class="num">{format::int(y.orgs.total().grassroots())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Figure id="loai-hinh" title=title svg=svg summary=summary table_name=crate::routes::tables::STOCK.to_string()>
            <DataTable caption="Đảng viên cuối kỳ theo loại hình (* năm chưa hết)" columns=vec![Column::text("Năm"), Column::num("Cơ quan"), Column::num("DN nhà nước"), Column::num("DN tư nhân"), Column::num("DN vốn nước ngoài"), Column::num("Tổng"), Column::num("Tổ chức cơ sở đảng")]>
                <tbody>{body}</tbody>
            </DataTable>
        </Figure>
    }
}
