//! Figures across the years: quality ratings against the targets, the grade-1 cap, meeting
//! discipline, member movements and members by kind. Static on every statistics page.

use super::figure::Figure;
use super::table::TableView;
use crate::chart::{line_chart, palette, stacked_chart, ChartLabels, LineChart, Series, StackedChart, StackedRow, TargetLine};
use crate::format;
use crate::model::{Grade, Targets};
use crate::privacy::{Disclosure, MemberCell, MovementCell};
use crate::routes::tables as names;
use crate::stats::{GradeSummary, MeetingsOverview, MovementsOverview, RatingsOverview, Ratio, StockOverview};
use crate::table::{Cell, Column, Field, Row, Table};
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

/// The table of one group's ratings per year: counts per grade (member counts as published),
/// and the two shares of those rated, withheld where they rest on a hidden count.
pub fn ratings_table(ratings: &RatingsOverview, group: RatedGroup, disclosure: &Disclosure) -> Table {
    let members = group == RatedGroup::Members;
    let count = |heading, field| if members { Column::member(heading, field) } else { Column::count(heading, field) };
    let columns = vec![
        Column::year(),
        count("Xuất sắc", Field::new("xuat_sac", "Hoàn thành xuất sắc", "Số xếp loại hoàn thành xuất sắc nhiệm vụ")),
        count("Tốt", Field::new("tot", "Hoàn thành tốt", "Số xếp loại hoàn thành tốt nhiệm vụ")),
        count("Hoàn thành", Field::new("hoan_thanh", "Hoàn thành", "Số xếp loại hoàn thành nhiệm vụ")),
        count("Không hoàn thành", Field::new("khong_hoan_thanh", "Không hoàn thành", "Số xếp loại không hoàn thành nhiệm vụ")),
        count(
            "Không xếp loại",
            Field::new(
                "khong_xep_loai",
                "Không xếp loại",
                "Số không xếp loại (mới thành lập/kết nạp dưới 6 tháng, miễn sinh hoạt, đình chỉ)",
            ),
        ),
        Column::share(
            "Tốt trở lên",
            Field::new("ty_le_tot_tro_len", "Tỷ lệ tốt trở lên (%)", "Xuất sắc và tốt trên số được xếp loại, phần trăm"),
        ),
        Column::share("Xuất sắc", Field::new("ty_le_xuat_sac", "Tỷ lệ xuất sắc (%)", "Xuất sắc trên số được xếp loại, phần trăm")),
    ];
    let rows = ratings
        .years
        .iter()
        .map(|y| {
            let g = group.summary(y);
            let values = [g.counts[0], g.counts[1], g.counts[2], g.counts[3], g.not_rated];
            let mut cells: Vec<Cell> = MemberCell::ALL
                .iter()
                .zip(values)
                .map(|(&c, n)| if members { Cell::Member(disclosure.member(y.year, c, n)) } else { Cell::Count(n) })
                .collect();
            // A share is shown only when every count it rests on is.
            let hidden = members && disclosure.member_shares_withheld(y.year);
            let share = |r: Ratio| if hidden { Cell::Withheld } else { Cell::Ratio(r) };
            cells.push(share(g.good_or_better));
            cells.push(share(g.excellent));
            Row::new(Cell::Year(y.year), cells)
        })
        .collect();
    Table {
        name: Some(group.table_name()),
        title: format!("Xếp loại chất lượng {}", group.noun()),
        caption: format!("Số {} theo mức xếp loại (số loại trừ nhau)", group.noun()),
        columns,
        rows,
        foot: Vec::new(),
        constant: Vec::new(),
    }
}

/// Ratings of one group as 100% stacked bars per year, with the target lines.
#[component]
pub fn RatingsFigure(
    ratings: RatingsOverview,
    group: RatedGroup,
    targets: Targets,
    disclosure: Disclosure,
    /// What the figure rests on (`stats::source_of_years`).
    #[prop(optional_no_strip)]
    source: Option<String>,
) -> impl IntoView {
    // Only member counts are about people; organizations' grades are published as they are.
    let hidden = |year: i32, cell: MemberCell| if group == RatedGroup::Members { disclosure.member_hidden(year, cell) } else { None };
    let rows: Vec<StackedRow> = ratings
        .years
        .iter()
        .map(|y| {
            let counts = group.summary(y).counts;
            let mut parts: Vec<u64> = (0..4).map(|i| if hidden(y.year, MemberCell::ALL[i]).is_some() { 0 } else { counts[i] }).collect();
            // Hidden grades stand together in one grey segment: only their sum is visible.
            if group == RatedGroup::Members {
                parts.push((0..4).filter(|&i| hidden(y.year, MemberCell::ALL[i]).is_some()).map(|i| counts[i]).sum());
            }
            let any_hidden = MemberCell::ALL.iter().any(|&c| hidden(y.year, c).is_some());
            StackedRow { label: y.year.to_string(), parts, show_total: !any_hidden }
        })
        .collect();
    let title = format!("Xếp loại chất lượng {} qua các năm", group.noun());
    let summary = match ratings.latest() {
        Some(y) if group == RatedGroup::Members && disclosure.member_shares_withheld(y.year) => {
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
    let table = ratings_table(&ratings, group, &disclosure);
    view! {
        <Figure id=group.id() title=title svg=svg summary=summary source=source.clone() table_name=group.table_name()>
            <TableView table=table />
        </Figure>
    }
}

fn percent_value(r: Ratio) -> Option<f64> {
    r.fraction().map(|f| f * 100.0)
}

fn year_labels(years: impl Iterator<Item = (i32, bool)>) -> Vec<String> {
    years.map(|(y, partial)| if partial { format!("{y}*") } else { y.to_string() }).collect()
}

/// Grade 1 and grade 2 members per year, the share of the first in the second (withheld when
/// either is hidden), and the organizations over the cap.
pub fn cap_table(ratings: &RatingsOverview, disclosure: &Disclosure) -> Table {
    let columns = vec![
        Column::year(),
        Column::member("Xuất sắc", Field::new("xuat_sac", "Hoàn thành xuất sắc", "Đảng viên hoàn thành xuất sắc nhiệm vụ")),
        Column::member("Tốt", Field::new("tot", "Hoàn thành tốt", "Đảng viên hoàn thành tốt nhiệm vụ")),
        Column::share(
            "Xuất sắc / Tốt",
            Field::new("xuat_sac_tren_tot", "Xuất sắc / tốt (%)", "Số xuất sắc trên số hoàn thành tốt, phần trăm"),
        ),
        Column::text(
            "Tổ chức vượt giới hạn",
            Field::new("vuot_gioi_han", "Tổ chức vượt giới hạn", "Mã các tổ chức cơ sở đảng có số xuất sắc vượt giới hạn"),
        ),
    ];
    let rows = ratings
        .years
        .iter()
        .map(|y| {
            let excellent = disclosure.member(y.year, MemberCell::Excellent, y.members.count(Grade::Excellent));
            let good = disclosure.member(y.year, MemberCell::Good, y.members.count(Grade::Good));
            let share = if excellent.is_hidden() || good.is_hidden() { Cell::Withheld } else { Cell::Percent(y.members.excellent_to_good) };
            let codes: Vec<String> = y.over_cap.iter().map(|c| c.to_string()).collect();
            let over = if codes.is_empty() { "Không có".to_string() } else { codes.join(", ") };
            Row::new(Cell::Year(y.year), vec![Cell::Member(excellent), Cell::Member(good), share, Cell::Text(over)])
        })
        .collect();
    Table {
        name: Some(names::CAP.to_string()),
        title: "Đảng viên xuất sắc và giới hạn 20% số hoàn thành tốt".into(),
        caption: "Đảng viên xuất sắc và giới hạn 20%".into(),
        columns,
        rows,
        foot: Vec::new(),
        constant: Vec::new(),
    }
}

/// Members rated grade 1 as a share of grade 2, against the 20% cap of the regulations.
#[component]
pub fn CapFigure(
    ratings: RatingsOverview,
    disclosure: Disclosure,
    /// What the figure rests on (`stats::source_of_years`).
    #[prop(optional_no_strip)]
    source: Option<String>,
) -> impl IntoView {
    let shown = |year: i32| {
        disclosure.member_hidden(year, MemberCell::Excellent).is_none() && disclosure.member_hidden(year, MemberCell::Good).is_none()
    };
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
    let table = cap_table(&ratings, &disclosure);
    view! {
        <Figure id="gioi-han-xuat-sac" title=title svg=svg summary=summary source=source.clone() table_name=names::CAP.to_string()>
            <TableView table=table />
        </Figure>
    }
}

/// Meeting discipline: branches meeting every month and attendance, against 85%.
#[component]
pub fn MeetingsFigure(
    meetings: MeetingsOverview,
    targets: Targets,
    /// What the figure rests on (`stats::source_of_years`).
    #[prop(optional_no_strip)]
    source: Option<String>,
) -> impl IntoView {
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
    let table = meetings_table(&meetings);
    view! {
        <Figure id="sinh-hoat" title=title svg=svg summary=summary source=source.clone() table_name=names::MEETINGS.to_string()>
            <TableView table=table />
        </Figure>
    }
}

/// Meetings per year: the branch shares with what they count, the totals, the mean score.
pub fn meetings_table(meetings: &MeetingsOverview) -> Table {
    let columns = vec![
        Column::period(),
        Column::ratio(
            "Sinh hoạt đủ các tháng",
            Field::new("du_cac_thang", "Sinh hoạt đủ các tháng", "Số chi bộ có sinh hoạt định kỳ mọi tháng trong kỳ"),
            Field::new("chi_bo", "Chi bộ báo cáo", "Số chi bộ báo cáo sinh hoạt"),
        ),
        Column::ratio(
            "Lượt dự / phải dự",
            Field::new("luot_co_mat", "Lượt có mặt", "Tổng lượt đảng viên dự sinh hoạt"),
            Field::new("luot_du_kien", "Lượt phải dự", "Tổng lượt đảng viên phải dự"),
        ),
        Column::count("Vắng không lý do", Field::new("vang_khong_ly_do", "Vắng không lý do", "Tổng lượt vắng không có lý do")),
        Column::count("Chuyên đề", Field::new("chuyen_de", "Sinh hoạt chuyên đề", "Tổng số buổi sinh hoạt chuyên đề")),
        Column::count("Diễn đàn", Field::new("dien_dan", "Diễn đàn", "Tổng số diễn đàn")),
        Column::ratio(
            "Cấp ủy dự đủ các quý",
            Field::new("cap_uy_du_cac_quy", "Cấp ủy dự đủ các quý", "Số chi bộ trực thuộc có cấp ủy cơ sở dự sinh hoạt mọi quý trong kỳ"),
            Field::new("chi_bo_truc_thuoc", "Chi bộ trực thuộc báo cáo", "Số chi bộ trực thuộc báo cáo sinh hoạt"),
        ),
        Column::ratio(
            "Đủ văn bản bắt buộc",
            Field::new("du_van_ban", "Đủ văn bản bắt buộc", "Số chi bộ hoàn thành đủ các văn bản bắt buộc"),
            Field::new("chi_bo_bao_cao_van_ban", "Chi bộ báo cáo văn bản", "Số chi bộ báo cáo văn bản bắt buộc"),
        ),
        Column::count("Điểm bình quân", Field::new("diem_binh_quan", "Điểm bình quân", "Điểm chất lượng sinh hoạt bình quân (thang 100)")),
    ];
    let rows = meetings
        .years
        .iter()
        .map(|y| {
            Row::new(
                Cell::Period { year: y.year, as_of: y.as_of },
                vec![
                    Cell::Ratio(y.every_month),
                    Cell::Ratio(y.attendance),
                    Cell::Count(y.unexcused_absences),
                    Cell::Count(y.thematic),
                    Cell::Count(y.forums),
                    Cell::Ratio(y.visited_every_quarter),
                    Cell::Ratio(y.documents.all_done),
                    Cell::Mean(y.score),
                ],
            )
        })
        .collect();
    Table {
        name: Some(names::MEETINGS.to_string()),
        title: "Sinh hoạt chi bộ".into(),
        caption: "Sinh hoạt chi bộ (* năm chưa hết)".into(),
        columns,
        rows,
        foot: Vec::new(),
        constant: Vec::new(),
    }
}

/// Admissions, strikings-off, expulsions and failed probations per year, with the change.
#[component]
pub fn MovementsFigure(
    movements: MovementsOverview,
    disclosure: Disclosure,
    /// What the figure rests on (`stats::source_of_years`).
    #[prop(optional_no_strip)]
    source: Option<String>,
) -> impl IntoView {
    let labels = year_labels(movements.years.iter().map(|y| (y.year, y.is_partial())));
    // Hidden values leave a gap in the line.
    let line = |name: &str, color, cell: Option<MovementCell>, read: fn(&crate::stats::MovementTotals) -> u64| Series {
        name: name.into(),
        color,
        values: movements
            .years
            .iter()
            .map(|y| if cell.and_then(|c| disclosure.movement_hidden(y.year, c)).is_some() { None } else { Some(read(&y.totals) as f64) })
            .collect(),
        dashed: false,
    };
    let series = [
        line("Kết nạp", palette::ON_PACE, None, |t| t.admitted),
        line("Xóa tên", palette::STRUCK_OFF, Some(MovementCell::StruckOff), |t| t.struck_off),
        line("Khai trừ", palette::EXPELLED, Some(MovementCell::Expelled), |t| t.expelled),
        line("Không chuyển chính thức", palette::PROBATION_FAILED, Some(MovementCell::ProbationFailed), |t| t.probation_failed),
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
                change_text(&disclosure, year, c.previous_year, MovementCell::StruckOff, &c.struck_off),
                change_text(&disclosure, year, c.previous_year, MovementCell::Expelled, &c.expelled),
            )
        },
    );
    let svg = line_chart(
        &LineChart { x_labels: &labels, series: &series, unit: "" },
        &ChartLabels { id: "bien-dong", title: &title, description: &summary },
    );
    let table = movements_table(&movements, &disclosure);
    view! {
        <Figure id="bien-dong" title=title svg=svg summary=summary source=source.clone() table_name=names::MOVEMENTS.to_string()>
            <TableView table=table />
        </Figure>
    }
}

/// Movements per year: admissions and the sensitive movements as published, each with its change
/// against last year (withheld when either year's count is hidden), and the members at the end.
pub fn movements_table(movements: &MovementsOverview, disclosure: &Disclosure) -> Table {
    let columns = vec![
        Column::period(),
        Column::count("Kết nạp", Field::new("ket_nap", "Kết nạp", "Kết nạp mới")),
        Column::count("± năm trước", Field::new("ket_nap_thay_doi", "Kết nạp ± năm trước", "Kết nạp so với năm trước")),
        Column::count(
            "Chuyển chính thức",
            Field::new("chuyen_chinh_thuc", "Chuyển chính thức", "Đảng viên dự bị được công nhận chính thức"),
        ),
        Column::member("Xóa tên", Field::new("xoa_ten", "Xóa tên", "Xóa tên khỏi danh sách đảng viên")),
        Column::count("± năm trước", Field::new("xoa_ten_thay_doi", "Xóa tên ± năm trước", "Xóa tên so với năm trước")),
        Column::member("Khai trừ", Field::new("khai_tru", "Khai trừ", "Khai trừ khỏi Đảng")),
        Column::count("± năm trước", Field::new("khai_tru_thay_doi", "Khai trừ ± năm trước", "Khai trừ so với năm trước")),
        Column::member(
            "Không chuyển chính thức",
            Field::new("khong_chuyen_chinh_thuc", "Không chuyển chính thức", "Đảng viên dự bị không được công nhận"),
        ),
        Column::count(
            "Đảng viên cuối kỳ",
            Field::new("cuoi_ky", "Đảng viên cuối kỳ", "Đảng viên (chính thức và dự bị) cuối năm hoặc tại ngày số liệu"),
        ),
    ];
    let rows = movements
        .years
        .iter()
        .map(|y| {
            let t = &y.totals;
            let c = y.changes.as_ref();
            let change = |cell: Option<MovementCell>, pick: fn(&crate::stats::YearChanges) -> &crate::stats::Change| match c {
                None => Cell::Withheld,
                Some(c)
                    if cell.is_some_and(|m| {
                        disclosure.movement_hidden(y.year, m).is_some() || disclosure.movement_hidden(c.previous_year, m).is_some()
                    }) =>
                {
                    Cell::Withheld
                }
                Some(c) => Cell::Change(pick(c).diff),
            };
            Row::new(
                Cell::Period { year: y.year, as_of: y.as_of },
                vec![
                    Cell::Count(t.admitted),
                    change(None, |c| &c.admitted),
                    Cell::Count(t.made_full),
                    Cell::Member(disclosure.movement(y.year, MovementCell::StruckOff, t.struck_off)),
                    change(Some(MovementCell::StruckOff), |c| &c.struck_off),
                    Cell::Member(disclosure.movement(y.year, MovementCell::Expelled, t.expelled)),
                    change(Some(MovementCell::Expelled), |c| &c.expelled),
                    Cell::Member(disclosure.movement(y.year, MovementCell::ProbationFailed, t.probation_failed)),
                    Cell::Count(y.end.total()),
                ],
            )
        })
        .collect();
    Table {
        name: Some(names::MOVEMENTS.to_string()),
        title: "Biến động đảng viên".into(),
        caption: "Biến động đảng viên toàn Khối (* năm chưa hết)".into(),
        columns,
        rows,
        foot: Vec::new(),
        constant: Vec::new(),
    }
}

/// "6 (+2)", or the marker when this year's or last year's count is hidden.
fn change_text(disclosure: &Disclosure, year: i32, previous: i32, cell: MovementCell, c: &crate::stats::Change) -> String {
    let now = disclosure.movement(year, cell, c.current);
    if now.is_hidden() || disclosure.movement_hidden(previous, cell).is_some() {
        now.text()
    } else {
        format!("{} ({})", now.text(), c.diff_string())
    }
}

/// Members by kind of organization over the years.
#[component]
pub fn StockFigure(
    stock: StockOverview,
    /// What the figure rests on (`stats::source_of_years`).
    #[prop(optional_no_strip)]
    source: Option<String>,
) -> impl IntoView {
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
    let table = stock_table(&stock);
    view! {
        <Figure id="loai-hinh" title=title svg=svg summary=summary source=source.clone() table_name=names::STOCK.to_string()>
            <TableView table=table />
        </Figure>
    }
}

/// Members at the end of each year by kind of organization, and the grassroots organizations.
pub fn stock_table(stock: &StockOverview) -> Table {
    let columns = vec![
        Column::period(),
        Column::count("Cơ quan", Field::new("co_quan", "Cơ quan", "Đảng viên trong các cơ quan")),
        Column::count("DN nhà nước", Field::new("dn_nha_nuoc", "DN nhà nước", "Đảng viên trong doanh nghiệp nhà nước")),
        Column::count("DN tư nhân", Field::new("dn_tu_nhan", "DN tư nhân", "Đảng viên trong doanh nghiệp tư nhân")),
        Column::count(
            "DN vốn nước ngoài",
            Field::new("dn_von_nuoc_ngoai", "DN vốn nước ngoài", "Đảng viên trong doanh nghiệp có vốn đầu tư nước ngoài"),
        ),
        Column::count("Tổng", Field::new("tong", "Tổng", "Tổng số đảng viên cuối kỳ")),
        Column::count("Tổ chức cơ sở đảng", Field::new("to_chuc_co_so_dang", "Tổ chức cơ sở đảng", "Số tổ chức cơ sở đảng")),
    ];
    let rows = stock
        .years
        .iter()
        .map(|y| {
            let k = &y.members_by_kind;
            Row::new(
                Cell::Period { year: y.year, as_of: y.as_of },
                vec![
                    Cell::Count(k.agency.total()),
                    Cell::Count(k.state.total()),
                    Cell::Count(k.private.total()),
                    Cell::Count(k.foreign_invested.total()),
                    Cell::Count(y.members.total()),
                    Cell::Count(y.orgs.total().grassroots()),
                ],
            )
        })
        .collect();
    Table {
        name: Some(names::STOCK.to_string()),
        title: "Đảng viên theo loại hình".into(),
        caption: "Đảng viên cuối kỳ theo loại hình (* năm chưa hết)".into(),
        columns,
        rows,
        foot: Vec::new(),
        constant: Vec::new(),
    }
}
