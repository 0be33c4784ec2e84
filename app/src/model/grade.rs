use serde::{Deserialize, Serialize};

/// The four yearly quality grades of organizations and members.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Grade {
    /// Hoàn thành xuất sắc nhiệm vụ.
    Excellent,
    /// Hoàn thành tốt nhiệm vụ.
    Good,
    /// Hoàn thành nhiệm vụ.
    Completed,
    /// Không hoàn thành nhiệm vụ.
    Failed,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Excellent, Grade::Good, Grade::Completed, Grade::Failed];

    /// The key editors write in data files.
    pub fn key(self) -> &'static str {
        match self {
            Grade::Excellent => "xuat_sac",
            Grade::Good => "tot",
            Grade::Completed => "hoan_thanh",
            Grade::Failed => "khong_hoan_thanh",
        }
    }

    pub fn from_key(key: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.key() == key)
    }

    pub fn name(self) -> &'static str {
        match self {
            Grade::Excellent => "Hoàn thành xuất sắc nhiệm vụ",
            Grade::Good => "Hoàn thành tốt nhiệm vụ",
            Grade::Completed => "Hoàn thành nhiệm vụ",
            Grade::Failed => "Không hoàn thành nhiệm vụ",
        }
    }

    pub fn short(self) -> &'static str {
        match self {
            Grade::Excellent => "HTXSNV",
            Grade::Good => "HTTNV",
            Grade::Completed => "HTNV",
            Grade::Failed => "KHTNV",
        }
    }
}
