//! `site new report` on a copy of the sample data: the file it writes reads cleanly, starts where
//! last year ended, has the sections of the organization's level, and the command refuses what
//! it should.

use std::path::Path;
use std::process::Output;

mod common;
use common::{sample_data, scratch, site};

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn new_report(dir: &Path, org: &str, year: &str, extra: &[&str]) -> Output {
    let mut args = vec!["new", "report", "--org", org, "--year", year, "--data", "data"];
    args.extend_from_slice(extra);
    site(&args, dir)
}

/// The top-level tables of a TOML file, in order.
fn sections(path: &Path) -> Vec<String> {
    let doc: toml_edit::Document<String> = toml_edit::Document::parse(std::fs::read_to_string(path).unwrap()).unwrap();
    doc.as_table().iter().filter(|(_, v)| v.is_table()).map(|(k, _)| k.to_string()).collect()
}

/// (code, file) of every finding of `site check --format json`.
fn check(dir: &Path) -> Vec<(String, String)> {
    let out = site(&["check", "--data", "data", "--format", "json"], dir);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap().to_string(), d["file"].as_str().unwrap_or_default().to_string()))
        .collect()
}

#[test]
fn a_new_report_reads_cleanly_and_starts_where_last_year_ended() {
    let dir = scratch();
    // A branch under a committee, a committee, a grassroots branch.
    for code in ["CQ01-01", "CQ01", "CQ05"] {
        let out = new_report(dir.path(), code, "2026", &[]);
        assert!(out.status.success(), "{}", stderr(&out));
        let printed = String::from_utf8_lossy(&out.stdout).trim().to_string();
        assert_eq!(Path::new(&printed), Path::new("data/reports/2026").join(format!("{code}.toml")));
        assert!(dir.path().join(&printed).is_file());
    }

    // No load error, no path or identity error, no month-count error in the new files. What is
    // left (E020/E024: the end of the year is still 0) is for the editor to fill in.
    let findings = check(dir.path());
    let new: Vec<&(String, String)> = findings.iter().filter(|(_, f)| f.starts_with("data/reports/2026/")).collect();
    let forbidden = ["E001", "E002", "E003", "E004", "E005", "E006", "E010", "E011", "E012", "E013", "E014", "E021", "E022", "E023"];
    assert!(new.iter().all(|(c, _)| !forbidden.contains(&c.as_str())), "{new:?}");
    assert!(new.iter().any(|(c, _)| c == "E020"), "an unfilled report does not pass: {new:?}");

    // The loader reads all three; start = the 2025 end (2025 is a year in progress in the sample,
    // so `check` skips E021 there: compare directly).
    let loaded = site::load::load(&dir.path().join("data"));
    for code in ["CQ01-01", "CQ01", "CQ05"] {
        let report = |year: i32| {
            loaded
                .reports
                .iter()
                .find(|(y, stem, _)| *y == year && stem == code)
                .map(|(_, _, r)| &r.value)
                .unwrap_or_else(|| panic!("{code} {year} loads"))
        };
        let (last, new) = (report(2025), report(2026));
        assert!(last.as_of.is_some(), "the sample's 2025 is in progress");
        assert_eq!(new.members.start, last.members.end, "{code}");
        assert_eq!(new.monthly_admissions, vec![0; 12]);
        assert_eq!(new.movements, Default::default());
    }

    let path = |code: &str| dir.path().join(format!("data/reports/2026/{code}.toml"));
    // The forms' sections for every level; meetings and the plan as the level has them.
    let forms = [
        "dang_vien",
        "dang_vien_trong_do",
        "dang_vien_theo_tuoi",
        "dang_vien_trinh_do",
        "bien_dong",
        "ket_nap_trong_do",
        "ket_nap_theo_tuoi",
        "ket_nap_trinh_do",
        "xep_loai",
        "huy_hieu_the_dang",
        "ky_luat_theo_hinh_thuc",
    ];
    let with = |rest: &[&str]| forms.iter().chain(rest).map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(sections(&path("CQ01-01")), with(&["sinh_hoat", "van_ban_bat_buoc"]));
    assert_eq!(sections(&path("CQ01")), with(&["van_ban_bat_buoc", "ke_hoach_nam_sau"]));
    assert_eq!(sections(&path("CQ05")), with(&["sinh_hoat", "van_ban_bat_buoc", "ke_hoach_nam_sau"]));
    let branch = std::fs::read_to_string(path("CQ01-01")).unwrap();
    assert!(branch.contains("\ncap_uy_du_theo_quy = [0, 0, 0, 0]"), "{branch}");
    assert!(branch.contains("\ndinh_ky_theo_thang = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]"), "{branch}");
    assert!(!std::fs::read_to_string(path("CQ05")).unwrap().contains("cap_uy_du_theo_quy"));
    // Same comments as the sample files.
    let sample = std::fs::read_to_string(sample_data().join("reports/2024/CQ01-01.toml")).unwrap();
    for l in ["nam = ", "to_chuc = ", "[dang_vien]", "dau_nam_chinh_thuc = ", "ket_nap = ", "[sinh_hoat]", "ban_cam_ket = "] {
        let comment = |text: &str| text.lines().find(|x| x.starts_with(l)).and_then(|x| x.split_once('#')).map(|(_, c)| c.to_string());
        assert_eq!(comment(&branch), comment(&sample), "{l}");
    }
}

#[test]
fn without_a_clean_previous_report_the_start_is_zero_and_says_so() {
    let dir = scratch();
    let out = new_report(dir.path(), "CQ05", "2027", &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(dir.path().join("data/reports/2027/CQ05.toml")).unwrap();
    assert!(text.contains("Không có báo cáo năm 2026 nên số đầu năm để 0"), "{text}");
    assert!(text.contains("\ndau_nam_chinh_thuc = 0 "), "{text}");

    // Last year's report with a load error is not trusted.
    let broken = dir.path().join("data/reports/2025/DN03.toml");
    let t = std::fs::read_to_string(&broken).unwrap().replacen("ket_nap = ", "ket_nap = -", 1);
    std::fs::write(&broken, t).unwrap();
    let out = new_report(dir.path(), "DN03", "2026", &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(dir.path().join("data/reports/2026/DN03.toml")).unwrap();
    assert!(text.contains("Báo cáo năm 2025 còn lỗi"), "{text}");
    assert!(text.contains("\ndau_nam_du_bi = 0 "), "{text}");
}

#[test]
fn refuses_unknown_inactive_and_existing_with_a_hint() {
    let dir = scratch();
    let refused = |org: &str, year: &str, extra: &[&str], expected: &str| {
        let out = new_report(dir.path(), org, year, extra);
        assert_eq!(out.status.code(), Some(1), "{org} {year}");
        let text = stderr(&out);
        assert!(text.contains(expected), "{text}");
        assert!(text.contains("gợi ý:"), "{text}");
        assert!(out.stdout.is_empty());
    };
    refused("CQ99", "2026", &[], "không có tổ chức mã `CQ99`");
    refused("cq05", "2026", &[], "`--org CQ05`");
    // CQ08 merged into CQ01 at the end of 2024.
    refused("CQ08", "2026", &[], "không hoạt động trong năm 2026");
    assert!(!dir.path().join("data/reports/2026").exists(), "nothing written on refusal");

    let existing = dir.path().join("data/reports/2024/CQ05.toml");
    let before = std::fs::read(&existing).unwrap();
    refused("CQ05", "2024", &[], "đã có");
    assert_eq!(std::fs::read(&existing).unwrap(), before);

    let out = new_report(dir.path(), "CQ05", "2024", &["--force"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&existing).unwrap();
    assert!(text.contains("\ncuoi_nam_chinh_thuc = 0 "), "{text}");
    assert!(text.contains("\ndau_nam_chinh_thuc = 10 "), "2023's end: {text}");
}
