//! Vietnamese formats: `1.250.000`, `91,2%`, `05/11/2021`, "ngày 26 tháng 10 năm 2021", and
//! diacritic folding for slugs and search ("Đảng ủy" → "dang uy").

use chrono::{Datelike, NaiveDate};

/// Groups thousands with `.`: 1250000 → "1.250.000".
pub fn int(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// `num ÷ den` in tenths, rounded half up in integers (2/3 → 7); `None` for den = 0. Counts are
/// far below 2⁶⁴ / 20; u64 also spares the wasm app 128-bit division.
pub fn tenths(num: u64, den: u64) -> Option<u64> {
    (den > 0).then(|| (num.saturating_mul(20) + den) / den.saturating_mul(2))
}

/// Tenths with a decimal comma: 875 → "87,5".
pub fn decimal(tenths: u64) -> String {
    format!("{},{}", int(tenths / 10), tenths % 10)
}

/// A signed difference with a true minus sign: "+3", "−2", "0".
pub fn signed(diff: i64) -> String {
    match diff {
        0 => "0".to_string(),
        d if d > 0 => format!("+{}", int(d.unsigned_abs())),
        d => format!("−{}", int(d.unsigned_abs())),
    }
}

/// `num/den` as a percentage with one decimal and a comma: 11/12 → "91,7%", 2/3 → "66,7%".
/// `None` for den = 0.
pub fn percent(num: u64, den: u64) -> Option<String> {
    tenths(num.saturating_mul(100), den).map(|t| format!("{}%", decimal(t)))
}

/// "12/15 (80,0%)", or "12/0" when there is nothing to divide by.
pub fn ratio(num: u64, den: u64) -> String {
    match percent(num, den) {
        Some(p) => format!("{}/{} ({p})", int(num), int(den)),
        None => format!("{}/{}", int(num), int(den)),
    }
}

/// Table format: 05/11/2021.
pub fn date(d: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
}

/// Prose format: "ngày 26 tháng 10 năm 2021".
pub fn date_long(d: NaiveDate) -> String {
    format!("ngày {} tháng {} năm {}", d.day(), d.month(), d.year())
}

/// Folds Vietnamese diacritics to ASCII and lowercases: "Đảng ủy" → "dang uy".
pub fn fold(s: &str) -> String {
    // Combining marks (text pasted in decomposed form) are dropped. Lowercasing is ASCII after
    // folding: Vietnamese letters fold to ASCII, and the wasm app need not carry Unicode's case
    // tables.
    s.chars().filter(|c| !('\u{300}'..='\u{36f}').contains(c)).map(|c| fold_char(c).to_ascii_lowercase()).collect()
}

fn fold_char(c: char) -> char {
    const GROUPS: [(&str, char); 14] = [
        ("àáảãạăằắẳẵặâầấẩẫậ", 'a'),
        ("ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", 'A'),
        ("èéẻẽẹêềếểễệ", 'e'),
        ("ÈÉẺẼẸÊỀẾỂỄỆ", 'E'),
        ("ìíỉĩị", 'i'),
        ("ÌÍỈĨỊ", 'I'),
        ("òóỏõọôồốổỗộơờớởỡợ", 'o'),
        ("ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", 'O'),
        ("ùúủũụưừứửữự", 'u'),
        ("ÙÚỦŨỤƯỪỨỬỮỰ", 'U'),
        ("ỳýỷỹỵ", 'y'),
        ("ỲÝỶỸỴ", 'Y'),
        ("đ", 'd'),
        ("Đ", 'D'),
    ];
    if c.is_ascii() {
        return c;
    }
    GROUPS.iter().find(|(set, _)| set.contains(c)).map_or(c, |&(_, base)| base)
}

/// A URL path segment: folded, ASCII letters and digits, words joined by `-`.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_group_thousands_with_dots() {
        assert_eq!(int(0), "0");
        assert_eq!(int(999), "999");
        assert_eq!(int(1000), "1.000");
        assert_eq!(int(1_250_000), "1.250.000");
    }

    #[test]
    fn percentages_use_a_decimal_comma_and_no_space() {
        assert_eq!(percent(11, 12).as_deref(), Some("91,7%"));
        assert_eq!(percent(2, 3).as_deref(), Some("66,7%"));
        assert_eq!(percent(1, 8).as_deref(), Some("12,5%"));
        assert_eq!(percent(12, 12).as_deref(), Some("100,0%"));
        assert_eq!(percent(1, 0), None);
        assert_eq!(ratio(12, 15), "12/15 (80,0%)");
        assert_eq!(ratio(3, 0), "3/0");
    }

    #[test]
    fn dates_in_tables_and_prose() {
        let d = NaiveDate::from_ymd_opt(2021, 11, 5).unwrap();
        assert_eq!(date(d), "05/11/2021");
        assert_eq!(date_long(NaiveDate::from_ymd_opt(2021, 10, 26).unwrap()), "ngày 26 tháng 10 năm 2021");
    }

    #[test]
    fn folding_removes_every_vietnamese_mark_including_d_bar() {
        assert_eq!(fold("Đảng ủy"), "dang uy");
        assert_eq!(fold("Chỉ thị Đảng bộ Khối"), "chi thi dang bo khoi");
        assert_eq!(fold("NGHỊ QUYẾT"), "nghi quyet");
        assert_eq!(fold("D\u{1ea1}i ho\u{323}i"), "dai hoi");
        assert_eq!(slugify("Kế hoạch 70-KH/ĐUK"), "ke-hoach-70-kh-duk");
    }
}

/// Serde for dates as "2025-09-30" without chrono's general parser, which the wasm app would
/// otherwise carry (`#[serde(with = "crate::format::iso_date")]` on an `Option<NaiveDate>`).
pub mod iso_date {
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.serialize_str(&format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        let Some(text) = Option::<String>::deserialize(d)? else { return Ok(None) };
        let mut parts = text.splitn(3, '-').map(|p| p.parse::<u32>().ok());
        match (parts.next().flatten(), parts.next().flatten(), parts.next().flatten()) {
            (Some(y), Some(m), Some(day)) => {
                NaiveDate::from_ymd_opt(y as i32, m, day).map(Some).ok_or_else(|| serde::de::Error::custom(format!("invalid date {text}")))
            }
            _ => Err(serde::de::Error::custom(format!("invalid date {text}"))),
        }
    }

    #[cfg(test)]
    mod tests {
        #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
        struct T {
            #[serde(with = "super")]
            d: Option<chrono::NaiveDate>,
        }

        #[test]
        fn round_trip() {
            let t = T { d: chrono::NaiveDate::from_ymd_opt(2025, 9, 30) };
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, r#"{"d":"2025-09-30"}"#);
            assert_eq!(serde_json::from_str::<T>(&json).unwrap(), t);
            assert_eq!(serde_json::from_str::<T>(r#"{"d":null}"#).unwrap(), T { d: None });
            assert!(serde_json::from_str::<T>(r#"{"d":"2025-02-30"}"#).is_err());
        }
    }
}
