//! `data/targets.toml` (optional): the Khối's quality targets per year. Each `[<year>]` table
//! overrides some or all of `Targets::default()` for that year; years without a table use
//! `Rulebook::for_year`.

use super::fields::{Fields, FileCtx};
use super::{toml_file, Loaded, Located};
use crate::codes::Code;
use app::model::{RatingRules, Rulebook, Targets};
use std::ops::{Range, RangeInclusive};
use std::path::Path;
use std::sync::OnceLock;
use toml_edit::Item;

/// Years a table may name: the same range as the report folders.
const FIRST_YEAR: i32 = 1930;
const LAST_YEAR: i32 = 2100;

/// The keys of a year table, in the order the documentation lists them.
const KEYS: [&str; 10] = [
    "to_chuc_tot_tro_len",
    "to_chuc_xuat_sac",
    "chi_bo_tot_tro_len",
    "chi_bo_xuat_sac",
    "dang_vien_tot_tro_len",
    "dang_vien_xuat_sac_toi_thieu",
    "dang_vien_xuat_sac_toi_da",
    "ty_le_du_sinh_hoat",
    "so_buoi_sinh_hoat",
    "van_ban_bat_buoc",
];

pub(crate) fn load(loaded: &mut Loaded, path: &Path) {
    if !loaded.folder.exists(path) {
        return; // optional: every year uses the defaults
    }
    let Some((file, doc)) = toml_file::parse(loaded, path) else { return };
    let ctx = FileCtx::new(file);
    let top = doc.as_table();
    // Only used to open the year tables (so that messages name `2024.key` and `mục [2024]`);
    // keys that are not years are reported below, so `finish` is never called on it.
    let mut root = Fields::root(&ctx, top);
    let mut years = Vec::new();
    for (key, item) in top.iter() {
        let key_span = top.key(key).and_then(|k| k.span()).or(item.span());
        let Some(year_key) = year_key(key) else {
            not_a_year(&ctx, key, item, key_span);
            continue;
        };
        let before = ctx.diags.borrow().len();
        let Some(mut table) = root.table(year_key, false) else { continue };
        let targets = read_year(&ctx, &mut table, year_key);
        table.finish();
        if ctx.diags.borrow().len() == before {
            let year: i32 = year_key.parse().expect("a year key is a number");
            years.push(Rulebook { year, rating: RatingRules::for_year(year), targets });
        }
    }
    let spans = ctx.spans.borrow().clone();
    loaded.findings.extend(ctx.diags.into_inner());
    loaded.targets.extend(years.into_iter().map(|value| Located { value, file, spans: spans.clone() }));
}

/// The `'static` spelling of a year key (what `Fields` records), if `key` is a year written
/// plainly: `2024`, not `02024` or `+2024`.
fn year_key(key: &str) -> Option<&'static str> {
    static YEARS: OnceLock<Vec<String>> = OnceLock::new();
    let years = YEARS.get_or_init(|| (FIRST_YEAR..=LAST_YEAR).map(|y| y.to_string()).collect());
    years.iter().find(|y| *y == key).map(String::as_str)
}

fn not_a_year(ctx: &FileCtx, key: &str, item: &Item, span: Option<Range<usize>>) {
    let example = "mỗi mục ghi chỉ tiêu của một năm, tên mục là năm (từ 1930 đến 2100), ví dụ [2024]";
    if item.is_table() || item.is_inline_table() {
        let looks_like_year = key.trim_start_matches('+').parse::<i64>().is_ok();
        let message = if looks_like_year {
            format!("mục `[{key}]` không phải là một năm từ {FIRST_YEAR} đến {LAST_YEAR}")
        } else {
            format!("mục `[{key}]` không phải là một năm")
        };
        let hint = if looks_like_year {
            format!("{example}; ghi năm đủ 4 chữ số, không thêm số 0 hay dấu ở đầu")
        } else {
            example.to_string()
        };
        ctx.error(Code::E006, span, message, hint);
    } else if KEYS.contains(&key) {
        ctx.error(
            Code::E002,
            span,
            format!("khóa `{key}` nằm ngoài mục năm"),
            format!("đặt dòng này dưới tiêu đề năm áp dụng chỉ tiêu, ví dụ:\n[2024]\n{key} = ..."),
        );
    } else {
        ctx.error(Code::E002, span, format!("khóa không hợp lệ `{key}`"), format!("tệp chỉ gồm các mục năm; {example}"));
    }
}

/// Reads one `[<year>]` table over the defaults. Out-of-range values keep the default (the
/// year is dropped anyway: its table has an error).
fn read_year(ctx: &FileCtx, t: &mut Fields<'_>, year: &str) -> Targets {
    let mut out = Targets::default();
    let percent = "chỉ tiêu ghi theo phần trăm, là số nguyên từ 0 đến 100 (ghi 80 nghĩa là 80%)";
    let p = 0..=100;
    read(ctx, t, year, "to_chuc_tot_tro_len", p.clone(), percent, &mut out.org_good_or_better);
    read(ctx, t, year, "to_chuc_xuat_sac", p.clone(), percent, &mut out.org_excellent);
    read(ctx, t, year, "chi_bo_tot_tro_len", p.clone(), percent, &mut out.branch_good_or_better);
    read(ctx, t, year, "chi_bo_xuat_sac", p.clone(), percent, &mut out.branch_excellent);
    read(ctx, t, year, "dang_vien_tot_tro_len", p.clone(), percent, &mut out.member_good_or_better);
    let min_set = read(ctx, t, year, "dang_vien_xuat_sac_toi_thieu", p.clone(), percent, &mut out.member_excellent_min);
    let max_set = read(ctx, t, year, "dang_vien_xuat_sac_toi_da", p.clone(), percent, &mut out.member_excellent_max);
    read(ctx, t, year, "ty_le_du_sinh_hoat", p.clone(), percent, &mut out.attendance);
    read(
        ctx,
        t,
        year,
        "so_buoi_sinh_hoat",
        1..=31,
        "số buổi sinh hoạt định kỳ của chi bộ trong một năm, từ 1 đến 31; Điều lệ Đảng quy định mỗi tháng một lần: 12",
        &mut out.meetings_per_year,
    );
    read(ctx, t, year, "van_ban_bat_buoc", p, percent, &mut out.required_documents);

    if (min_set || max_set) && out.member_excellent_min > out.member_excellent_max {
        let defaults = Targets::default();
        let shown = |set: bool, v: u32| if set { format!("{v}%") } else { format!("{v}%, mặc định") };
        let key = if min_set { "dang_vien_xuat_sac_toi_thieu" } else { "dang_vien_xuat_sac_toi_da" };
        ctx.error(
            Code::E006,
            ctx.spans.borrow().get(&format!("{year}.{key}")),
            format!(
                "năm {year}: tỷ lệ đảng viên hoàn thành xuất sắc tối thiểu ({}) lớn hơn tối đa ({})",
                shown(min_set, out.member_excellent_min),
                shown(max_set, out.member_excellent_max)
            ),
            format!(
                "`dang_vien_xuat_sac_toi_thieu` phải nhỏ hơn hoặc bằng `dang_vien_xuat_sac_toi_da` (mặc định {} và {}); kiểm tra xem hai số có bị ghi đảo không",
                defaults.member_excellent_min, defaults.member_excellent_max
            ),
        );
    }
    out
}

/// Reads `key` into `slot` when present and within `range`; `true` if the key is present.
fn read(ctx: &FileCtx, t: &mut Fields<'_>, year: &str, key: &'static str, range: RangeInclusive<u32>, hint: &str, slot: &mut u32) -> bool {
    let value = t.opt_count(key);
    let span = ctx.spans.borrow().get(&format!("{year}.{key}"));
    let present = span.is_some();
    match value {
        Some(v) if range.contains(&v) => *slot = v,
        Some(v) => {
            let (lo, hi) = (range.start(), range.end());
            let message = if v > *hi {
                format!("`{year}.{key}` là {v}, vượt quá {hi}")
            } else {
                format!("`{year}.{key}` là {v}, phải từ {lo} trở lên")
            };
            ctx.error(Code::E005, span, message, hint.to_string());
        }
        None => {}
    }
    present
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;

    fn load_text(text: &str) -> Loaded {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("targets.toml");
        std::fs::write(&path, text).unwrap();
        let mut loaded = Loaded::default();
        load(&mut loaded, &path);
        loaded
    }

    /// (code, line, column, message, hint) of every finding, in file order.
    fn findings(loaded: &Loaded) -> Vec<(Code, usize, usize, String, String)> {
        let mut out: Vec<_> = loaded
            .findings
            .items
            .iter()
            .map(|d: &Diagnostic| {
                let file = loaded.sources.get(d.file.expect("findings point at the file"));
                let (line, col) = file.line_col(d.span.clone().expect("findings have a span").start);
                (d.code, line, col, d.message.clone(), d.hint.clone().unwrap_or_default())
            })
            .collect();
        out.sort_by_key(|f| (f.1, f.2));
        out
    }

    #[test]
    fn a_missing_file_means_the_defaults_and_no_finding() {
        let dir = tempfile::tempdir().unwrap();
        let mut loaded = Loaded::default();
        load(&mut loaded, &dir.path().join("targets.toml"));
        assert!(loaded.findings.items.is_empty());
        assert!(loaded.targets.is_empty());
    }

    #[test]
    fn a_year_overrides_only_the_keys_it_writes() {
        let loaded = load_text("[2024]\nto_chuc_tot_tro_len = 90   # ghi chú\nso_buoi_sinh_hoat = 24\n\n[2025]\n");
        assert!(findings(&loaded).is_empty(), "{:?}", findings(&loaded));
        let rules: Vec<Rulebook> = loaded.targets.iter().map(|t| t.value).collect();
        let expected_2024 = Targets { org_good_or_better: 90, meetings_per_year: 24, ..Targets::default() };
        assert_eq!(
            rules,
            vec![Rulebook { year: 2024, rating: RatingRules::for_year(2024), targets: expected_2024 }, Rulebook::for_year(2025),]
        );
        assert!(loaded.targets[0].spans.get("2024.so_buoi_sinh_hoat").is_some());
    }

    #[test]
    fn every_key_can_be_set() {
        let text = KEYS.iter().enumerate().map(|(i, k)| format!("{k} = {}\n", i + 1)).collect::<String>();
        let loaded = load_text(&format!("[2030]\n{text}"));
        assert!(findings(&loaded).is_empty(), "{:?}", findings(&loaded));
        let t = loaded.targets[0].value.targets;
        let values = [
            t.org_good_or_better,
            t.org_excellent,
            t.branch_good_or_better,
            t.branch_excellent,
            t.member_good_or_better,
            t.member_excellent_min,
            t.member_excellent_max,
            t.attendance,
            t.meetings_per_year,
            t.required_documents,
        ];
        assert_eq!(values, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    }

    #[test]
    fn a_table_that_is_not_a_year_is_reported_where_it_is() {
        let loaded = load_text("[2024]\nchi_bo_xuat_sac = 20\n\n[nam_2025]\nchi_bo_xuat_sac = 25\n\n[02026]\n[1850]\n");
        let f = findings(&loaded);
        assert_eq!(f.len(), 3, "{f:?}");
        assert_eq!((f[0].0, f[0].1, f[0].2), (Code::E006, 4, 2), "{f:?}");
        assert!(f[0].3.contains("`[nam_2025]` không phải là một năm"), "{f:?}");
        assert!(f[0].4.contains("ví dụ [2024]"), "{f:?}");
        assert_eq!((f[1].0, f[1].1), (Code::E006, 7));
        assert_eq!((f[2].0, f[2].1), (Code::E006, 8));
        assert!(f[2].3.contains("từ 1930 đến 2100"), "{f:?}");
        // The good year is still read.
        assert_eq!(loaded.targets.len(), 1);
        assert_eq!(loaded.targets[0].value.year, 2024);
    }

    #[test]
    fn keys_outside_a_year_table_are_unknown() {
        let loaded = load_text("to_chuc_xuat_sac = 20\nho_ten = \"x\"\n");
        let f = findings(&loaded);
        assert_eq!(f.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(), [(Code::E002, 1), (Code::E002, 2)], "{f:?}");
        assert!(f[0].4.contains("[2024]"), "{f:?}");
    }

    #[test]
    fn unknown_keys_suggest_the_closest_one() {
        let loaded = load_text("[2024]\nchi_bo_xuat_sac = 20\nchi_bo_xuat_xac = 20\n");
        let f = findings(&loaded);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].0, f[0].1, f[0].2), (Code::E002, 3, 1));
        assert!(f[0].3.contains("`2024.chi_bo_xuat_xac`"), "{f:?}");
        assert!(f[0].4.contains("có phải là `chi_bo_xuat_sac`?"), "{f:?}");
        assert!(f[0].4.contains("mục [2024]"), "{f:?}");
        assert!(loaded.targets.is_empty(), "a year with an error is not used");
    }

    #[test]
    fn percentages_above_100_and_impossible_meeting_counts_are_out_of_range() {
        let loaded = load_text("[2024]\nto_chuc_tot_tro_len = 120\nso_buoi_sinh_hoat = 0\n\n[2025]\nso_buoi_sinh_hoat = 40\n");
        let f = findings(&loaded);
        assert_eq!(
            f.iter().map(|f| (f.0, f.1, f.2)).collect::<Vec<_>>(),
            [(Code::E005, 2, 1), (Code::E005, 3, 1), (Code::E005, 6, 1)],
            "{f:?}"
        );
        assert!(f[0].3.contains("`2024.to_chuc_tot_tro_len` là 120, vượt quá 100"), "{f:?}");
        assert!(f[0].4.contains("từ 0 đến 100"), "{f:?}");
        assert!(f[1].3.contains("phải từ 1 trở lên"), "{f:?}");
        assert!(f[2].4.contains("12"), "{f:?}");
        assert!(loaded.targets.is_empty());
    }

    #[test]
    fn wrong_types_and_negative_numbers_use_the_common_codes() {
        let loaded = load_text("[2024]\nchi_bo_xuat_sac = \"20%\"\nchi_bo_tot_tro_len = -5\nvan_ban_bat_buoc = 99.5\n\n[2025]\n2026 = 1\n");
        let codes: Vec<_> = findings(&loaded).iter().map(|f| (f.0, f.1)).collect();
        assert_eq!(codes, [(Code::E004, 2), (Code::E005, 3), (Code::E004, 4), (Code::E002, 7)], "{:?}", findings(&loaded));
    }

    #[test]
    fn a_year_that_is_not_a_table_is_a_type_error() {
        let loaded = load_text("2024 = 80\n");
        let f = findings(&loaded);
        assert_eq!((f[0].0, f[0].1), (Code::E004, 1), "{f:?}");
    }

    #[test]
    fn the_excellent_member_range_must_not_be_reversed() {
        let loaded = load_text(
            "[2024]\ndang_vien_xuat_sac_toi_thieu = 20\ndang_vien_xuat_sac_toi_da = 15\n\n[2025]\ndang_vien_xuat_sac_toi_thieu = 25\n",
        );
        let f = findings(&loaded);
        assert_eq!(f.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(), [(Code::E006, 2), (Code::E006, 6)], "{f:?}");
        assert!(f[0].3.contains("tối thiểu (20%) lớn hơn tối đa (15%)"), "{f:?}");
        assert!(f[1].3.contains("tối đa (20%, mặc định)"), "{f:?}");
        assert!(loaded.targets.is_empty());
    }

    #[test]
    fn the_sample_file_restates_the_defaults_and_reaches_the_dataset() {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
        let loaded = crate::load::load(&data);
        let years: Vec<Rulebook> = loaded.targets.iter().map(|t| t.value).collect();
        assert_eq!(years, vec![Rulebook::for_year(2024), Rulebook::for_year(2025)]);
        let dataset = loaded.dataset();
        assert_eq!(dataset.years[&2024].rules, Some(Rulebook::for_year(2024)));
        assert_eq!(dataset.years[&2023].rules, None);
        assert_eq!(dataset.rules(2023), Rulebook::for_year(2023));
    }

    #[test]
    fn an_override_is_what_the_dataset_answers() {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
        let dir = tempfile::tempdir().unwrap();
        for name in ["site.toml", "khoi.toml"] {
            std::fs::copy(data.join(name), dir.path().join(name)).unwrap();
        }
        std::fs::create_dir_all(dir.path().join("quotas")).unwrap();
        std::fs::copy(data.join("quotas/2024.toml"), dir.path().join("quotas/2024.toml")).unwrap();
        std::fs::write(dir.path().join("targets.toml"), "[2024]\nty_le_du_sinh_hoat = 90\n\n[2099]\nty_le_du_sinh_hoat = 95\n").unwrap();
        let loaded = crate::load::load(dir.path());
        assert!(loaded.findings.items.is_empty(), "{:?}", loaded.findings.items);
        let dataset = loaded.dataset();
        assert_eq!(dataset.rules(2024).targets.attendance, 90);
        assert_eq!(dataset.rules(2023).targets, Targets::default());
        // A year with targets but no data does not become a year of the site.
        assert!(!dataset.years.contains_key(&2099));
        assert_eq!(loaded.targets.iter().find(|t| t.value.year == 2099).map(|t| t.value.targets.attendance), Some(95));
    }
}
