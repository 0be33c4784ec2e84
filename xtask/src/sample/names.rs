//! Vietnamese names for the fictional province "Bình An". Each pool yields an endless sequence
//! of distinct names: a hand-written list first (what small samples show), then combinations,
//! then the combinations again with " số k" so large samples stay unique.

pub const PROVINCE: &str = "Bình An";

const AGENCIES: &[&str] = &[
    "Sở Tài chính",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Ban Quản lý các khu công nghiệp",
    "Kho bạc Nhà nước tỉnh",
    "Văn phòng UBND tỉnh",
    "Sở Tư pháp",
    "Sở Kế hoạch và Đầu tư",
    "Sở Nội vụ",
    "Sở Công Thương",
    "Sở Xây dựng",
    "Sở Giao thông vận tải",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Tài nguyên và Môi trường",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Khoa học và Công nghệ",
    "Sở Thông tin và Truyền thông",
    "Sở Ngoại vụ",
    "Thanh tra tỉnh",
    "Cục Thuế tỉnh",
    "Cục Hải quan tỉnh",
    "Cục Thống kê tỉnh",
    "Bảo hiểm xã hội tỉnh",
    "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
    "Ban Dân tộc tỉnh",
    "Đài Phát thanh và Truyền hình tỉnh",
    "Trường Chính trị tỉnh",
    "Liên minh Hợp tác xã tỉnh",
    "Quỹ Đầu tư phát triển tỉnh",
    "Bệnh viện Đa khoa tỉnh",
    "Ban Quản lý dự án đầu tư xây dựng tỉnh",
    "Cục Quản lý thị trường tỉnh",
    "Trường Cao đẳng Y tế Bình An",
    "Trung tâm Kiểm soát bệnh tật tỉnh",
    "Bệnh viện Y dược cổ truyền tỉnh",
    "Chi cục Kiểm lâm",
    "Chi cục Thủy lợi",
];

/// Regional offices: the pattern used after the 2025 reorganization ("khu vực k").
const REGIONAL: &[&str] = &[
    "Chi cục Thuế",
    "Kho bạc Nhà nước",
    "Chi cục Hải quan",
    "Bảo hiểm xã hội",
    "Thống kê",
    "Đội Quản lý thị trường",
    "Ban Quản lý dự án",
    "Trung tâm Y tế",
];

const STATE_FIRMS: &[&str] = &[
    "Công ty Điện lực Bình An",
    "Công ty Cổ phần Cấp nước Bình An",
    "Ngân hàng TMCP Công Thương Việt Nam - Chi nhánh Bình An",
    "Ngân hàng Nông nghiệp và Phát triển nông thôn - Chi nhánh Bình An",
    "Viễn thông Bình An",
    "Bưu điện tỉnh Bình An",
    "Công ty TNHH MTV Xổ số kiến thiết Bình An",
    "Công ty TNHH MTV Lâm nghiệp Bình An",
    "Công ty Cổ phần Môi trường đô thị Bình An",
    "Công ty TNHH MTV Khai thác công trình thủy lợi Bình An",
    "Công ty Xăng dầu Bình An",
    "Ngân hàng TMCP Ngoại thương Việt Nam - Chi nhánh Bình An",
    "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam - Chi nhánh Bình An",
    "Ngân hàng Chính sách xã hội - Chi nhánh Bình An",
    "Công ty Cổ phần Phát hành sách Bình An",
    "Công ty Cổ phần Dược phẩm Bình An",
];

const STATE_BRANCHES: &[&str] = &[
    "Ngân hàng Nông nghiệp và Phát triển nông thôn",
    "Ngân hàng TMCP Công Thương Việt Nam",
    "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam",
    "Điện lực",
    "Bưu điện",
    "Ngân hàng Chính sách xã hội",
];

const DISTRICTS: &[&str] = &[
    "Tân Phú",
    "An Lạc",
    "Đông Sơn",
    "Phước Long",
    "Hòa Thành",
    "Vĩnh Lộc",
    "Thạch Hà",
    "Long Mỹ",
    "Bình Sơn",
    "Đức Phổ",
    "Mỹ Lộc",
    "Quế Sơn",
];

const PRIVATE_FIRMS: &[&str] = &[
    "Công ty TNHH May Hòa Bình",
    "Công ty Cổ phần Xây dựng Thành Đạt",
    "Công ty TNHH Thương mại Phú Thịnh",
    "Công ty Cổ phần Vận tải Sao Mai",
    "Công ty TNHH Chế biến nông sản Hưng Phát",
    "Công ty Cổ phần Thực phẩm Minh Phú",
    "Công ty TNHH Gỗ An Khang",
    "Công ty Cổ phần Vật liệu xây dựng Tân Tiến",
];

const FIRM_FORMS: &[&str] = &["Công ty TNHH", "Công ty Cổ phần"];

const SECTORS: &[&str] = &[
    "May",
    "Xây dựng",
    "Thương mại",
    "Vận tải",
    "Chế biến nông sản",
    "Cơ khí",
    "Gỗ",
    "Thực phẩm",
    "Bao bì",
    "Vật liệu xây dựng",
    "Du lịch",
    "Dược phẩm",
    "Thủy sản",
    "In",
    "Tư vấn thiết kế",
];

const BRANDS: &[&str] = &[
    "Hòa Bình",
    "Thành Đạt",
    "Phú Thịnh",
    "Hưng Phát",
    "Minh Phú",
    "An Khang",
    "Tân Tiến",
    "Sao Mai",
    "Trường Thịnh",
    "Đại Phát",
    "Hoàng Long",
    "Việt Tiến",
    "Bình Minh",
    "Thái Sơn",
    "Hồng Hà",
    "Phúc Lộc",
    "Nam Việt",
    "Thiên Ân",
    "Đông Á",
    "Kim Ngân",
];

const FOREIGN_FIRMS: &[&str] = &[
    "Công ty TNHH Điện tử Hanwoo Vina",
    "Công ty TNHH Dệt may Sunrise Việt Nam",
    "Công ty TNHH Linh kiện ô tô Daeshin Vina",
    "Công ty TNHH Cơ khí chính xác Kyowa Việt Nam",
    "Công ty TNHH Giày da Everbright Việt Nam",
    "Công ty TNHH Bao bì Posung Vina",
];

const FOREIGN_SECTORS: &[&str] = &["Điện tử", "Dệt may", "Giày da", "Linh kiện ô tô", "Cơ khí chính xác", "Bao bì", "Thực phẩm", "Nhựa"];

const FOREIGN_BRANDS: &[&str] =
    &["Hanwoo", "Daeshin", "Kyowa", "Sunrise", "Posung", "Minwoo", "Shinwa", "Everbright", "Haesung", "Kanto", "Lotus Star", "Greenfield"];

/// Departments that hold a branch, as (short label, label used with the parent's name).
pub const AGENCY_DEPTS: &[(&str, &str)] = &[
    ("Văn phòng", "Văn phòng"),
    ("Phòng Kế hoạch - Tài chính", "Phòng Kế hoạch - Tài chính"),
    ("Thanh tra", "Thanh tra"),
    ("Phòng Tổ chức cán bộ", "Phòng Tổ chức cán bộ"),
    ("Phòng Nghiệp vụ", "Phòng Nghiệp vụ"),
    ("Phòng Quản lý chuyên ngành", "Phòng Quản lý chuyên ngành"),
    ("Phòng Pháp chế", "Phòng Pháp chế"),
    ("Trung tâm Công nghệ thông tin", "Trung tâm Công nghệ thông tin"),
    ("Phòng Hành chính - Quản trị", "Phòng Hành chính - Quản trị"),
];

pub const FIRM_DEPTS: &[(&str, &str)] = &[
    ("Văn phòng Công ty", "Văn phòng"),
    ("Phòng Tài chính - Kế toán", "Phòng Tài chính - Kế toán"),
    ("Phòng Kỹ thuật", "Phòng Kỹ thuật"),
    ("Phòng Kinh doanh", "Phòng Kinh doanh"),
    ("Phòng Tổ chức - Hành chính", "Phòng Tổ chức - Hành chính"),
    ("Phân xưởng Sản xuất", "Phân xưởng Sản xuất"),
    ("Xưởng Bảo dưỡng", "Xưởng Bảo dưỡng"),
    ("Đội Quản lý vận hành", "Đội Quản lý vận hành"),
    ("Chi nhánh Thành phố", "Chi nhánh Thành phố"),
];

/// Agencies merged in the 2025 reorganization, as (merged, receiving); the sample's one
/// merger uses the first pair whose two units are both present.
pub const MERGERS: &[(&str, &str)] = &[
    ("Sở Kế hoạch và Đầu tư", "Sở Tài chính"),
    ("Sở Giao thông vận tải", "Sở Xây dựng"),
    ("Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"),
    ("Sở Lao động - Thương binh và Xã hội", "Sở Nội vụ"),
    ("Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Phát triển nông thôn"),
];

/// Name pools for grassroots units.
#[derive(Clone, Copy)]
pub enum Pool {
    Agency,
    StateFirm,
    PrivateFirm,
    ForeignFirm,
}

/// The finite part of each pool, built once so large samples stay fast.
pub struct Namer {
    agencies: Vec<String>,
    state: Vec<String>,
    private: Vec<String>,
    foreign: Vec<String>,
}

fn owned(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Appends `extra` names not already present (hand-written names also occur as combinations).
fn extend_unique(v: &mut Vec<String>, extra: impl IntoIterator<Item = String>) {
    for name in extra {
        if !v.contains(&name) {
            v.push(name);
        }
    }
}

impl Namer {
    pub fn new() -> Self {
        let mut state = owned(STATE_FIRMS);
        extend_unique(&mut state, DISTRICTS.iter().flat_map(|d| STATE_BRANCHES.iter().map(move |b| format!("{b} - Chi nhánh {d}"))));
        let mut private = owned(PRIVATE_FIRMS);
        extend_unique(
            &mut private,
            BRANDS.iter().flat_map(|brand| {
                SECTORS.iter().flat_map(move |sector| FIRM_FORMS.iter().map(move |form| format!("{form} {sector} {brand}")))
            }),
        );
        let mut foreign = owned(FOREIGN_FIRMS);
        extend_unique(
            &mut foreign,
            FOREIGN_BRANDS.iter().flat_map(|brand| {
                FOREIGN_SECTORS
                    .iter()
                    .flat_map(move |sector| ["Vina", "Việt Nam"].iter().map(move |tail| format!("Công ty TNHH {sector} {brand} {tail}")))
            }),
        );
        Namer { agencies: owned(AGENCIES), state, private, foreign }
    }

    /// The i-th name of a pool; distinct for distinct i within one pool.
    pub fn name(&self, pool: Pool, i: usize) -> String {
        let list = match pool {
            Pool::Agency => {
                if i < self.agencies.len() {
                    return self.agencies[i].clone();
                }
                // Regional offices ("khu vực k", the post-2025 pattern) are unbounded.
                let k = i - self.agencies.len();
                return format!("{} khu vực {}", REGIONAL[k % REGIONAL.len()], k / REGIONAL.len() + 1);
            }
            Pool::StateFirm => &self.state,
            Pool::PrivateFirm => &self.private,
            Pool::ForeignFirm => &self.foreign,
        };
        let base = &list[i % list.len()];
        match i / list.len() {
            0 => base.clone(),
            round => format!("{base} số {}", round + 1),
        }
    }
}
