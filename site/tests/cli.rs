//! The `site` command as editors run it: on the sample data, on broken copies of it, and the
//! promise that a failed build leaves the published directory exactly as it was.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

mod common;
use common::{sample_data, scratch, site};

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} does not contain {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    common::tree(dir)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn the_sample_data_passes_every_check() {
    let dir = scratch();
    let out = site(&["check", "--data", "data", "--deny-warnings"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("không có lỗi"));
}

#[test]
fn a_syntax_error_is_reported_with_file_line_column_in_vietnamese() {
    let dir = scratch();
    let report = dir.path().join("data/reports/2024/CQ01-01.toml");
    edit(&report, "ket_nap = ", "ket_nap = = ");
    let out = site(&["check", "--data", "data"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    let line = std::fs::read_to_string(&report).unwrap().lines().position(|l| l.starts_with("ket_nap = =")).unwrap() + 1;
    assert!(text.contains(&format!("data/reports/2024/CQ01-01.toml:{line}:11")), "{text}");
    assert!(text.contains("lỗi[E001]: lỗi cú pháp TOML"), "{text}");
    assert!(text.contains("gợi ý:"), "{text}");
    assert!(text.contains("^"), "the caret points at the column: {text}");
}

#[test]
fn every_error_of_every_file_comes_out_in_one_run_and_as_json() {
    let dir = scratch();
    let a = dir.path().join("data/reports/2023/CQ01-02.toml");
    edit(&a, "nam = 2023", "nam = 2023\nho_ten = \"Nguyễn Văn A\"");
    edit(&a, "chuyen_den = ", "chuyen_den = -");
    let b = dir.path().join("data/reports/2022/DN01.toml");
    edit(&b, "ket_nap = ", "ket_nap = \"ba\" # ");
    let out = site(&["check", "--data", "data", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let json = String::from_utf8(out.stdout).unwrap();
    let items: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let codes: Vec<(String, String, u64)> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap().to_string(), d["file"].as_str().unwrap_or("").to_string(), d["line"].as_u64().unwrap_or(0)))
        .collect();
    assert!(codes.iter().any(|(c, f, l)| c == "E002" && f.ends_with("2023/CQ01-02.toml") && *l == 3), "{json}");
    assert!(codes.iter().any(|(c, f, _)| c == "E005" && f.ends_with("2023/CQ01-02.toml")), "{json}");
    assert!(codes.iter().any(|(c, f, _)| c == "E004" && f.ends_with("2022/DN01.toml")), "{json}");
    assert!(!codes.iter().any(|(c, _, _)| c == "W002"), "a broken report is not a missing one: {json}");
}

/// The CI formats against their documented shapes: GitHub's workflow commands
/// (`::error file={name},line={line},col={col},title={title}::{message}`, with `%`, CR, LF and,
/// in properties, `:` and `,` escaped) and GitLab's Code Quality report (an array of issues with
/// `description`, `check_name`, a unique `fingerprint`, a `severity` of info, minor, major,
/// critical or blocker, and `location.path` with `location.lines.begin`).
#[test]
fn check_speaks_github_annotations_and_gitlab_code_quality() {
    // The ready-made CI files use these formats.
    let deploy = sample_data().join("../deploy");
    for (file, format) in [("github-actions.yml", "github"), ("forgejo-actions.yml", "github"), ("gitlab-ci.yml", "gitlab")] {
        let text = std::fs::read_to_string(deploy.join(file)).unwrap();
        assert!(text.contains(&format!("site check --data data --format {format}")), "{file}");
        assert!(text.contains("site build --data data --out public"), "{file}");
    }
    assert!(std::fs::read_to_string(deploy.join("post-receive")).unwrap().contains("site check --data"));
    let dir = scratch();
    let report = dir.path().join("data/reports/2024/CQ01-01.toml");
    edit(&report, "chuyen_den = ", "chuyen_den = 9");
    let doc = dir.path().join("data/khoi.toml");
    edit(&doc, "ten_viet_tat = ", "so_dien_thoai = \"0912 345 678\"\nten_viet_tat = ");
    let line = std::fs::read_to_string(&report).unwrap().lines().position(|l| l.starts_with("chuyen_den = 9")).unwrap() + 1;

    let out = site(&["check", "--data", "data", "--format", "github"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() >= 2, "{text}");
    for l in &lines {
        let (head, message) =
            l.split_once("::").and_then(|(_, rest)| rest.split_once("::")).unwrap_or_else(|| panic!("not a workflow command: {l}"));
        let (level, props) = head.split_once(' ').unwrap();
        assert!(level == "error" || level == "warning", "{l}");
        let keys: Vec<&str> = props.split(',').map(|p| p.split_once('=').unwrap().0).collect();
        assert!(keys == ["file", "line", "col", "title"] || keys == ["title"], "{l}");
        for p in props.split(',') {
            let value = p.split_once('=').unwrap().1;
            assert!(!value.contains(':') && !value.contains('\n'), "a property is escaped: {l}");
        }
        assert!(!message.contains('\n') && !message.is_empty(), "{l}");
    }
    // The balance (E020) is reported at the year-end count; the changed transfer is on `line`.
    let balance = lines
        .iter()
        .find(|l| l.starts_with("::error file=data/reports/2024/CQ01-01.toml,line=") && l.contains(",title=E020::"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(balance.contains("gợi ý"), "{balance}");
    let balance_line: u64 = balance.split("line=").nth(1).unwrap().split(',').next().unwrap().parse().unwrap();
    assert!(
        lines.iter().any(|l| l.starts_with("::error file=data/reports/2024/CQ01.toml,") && l.contains("title=E050")),
        "the committee's sum: {text}"
    );
    assert!(line > 1);
    assert!(lines.iter().any(|l| l.starts_with("::error file=data/khoi.toml,") && l.contains("title=E002")), "{text}");

    let out = site(&["check", "--data", "data", "--format", "gitlab"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let issues: serde_json::Value = serde_json::from_slice(&out.stdout).expect("Code Quality is JSON");
    let issues = issues.as_array().unwrap();
    assert_eq!(issues.len(), lines.len(), "the same findings in both formats");
    let mut fingerprints = std::collections::BTreeSet::new();
    for i in issues {
        assert!(i["description"].as_str().is_some_and(|d| !d.is_empty()), "{i}");
        assert!(i["check_name"].as_str().is_some_and(|c| c.len() == 4), "{i}");
        assert!(["info", "minor", "major", "critical", "blocker"].contains(&i["severity"].as_str().unwrap()), "{i}");
        assert!(i["location"]["path"].is_string() && i["location"]["lines"]["begin"].as_u64().is_some_and(|b| b >= 1), "{i}");
        assert!(fingerprints.insert(i["fingerprint"].as_str().unwrap().to_string()), "fingerprints are unique: {i}");
    }
    assert!(issues.iter().any(|i| i["check_name"] == "E020"
        && i["location"]["path"] == "data/reports/2024/CQ01-01.toml"
        && i["location"]["lines"]["begin"].as_u64() == Some(balance_line)
        && i["severity"] == "major"));
}

/// `site diff` between two folders and between two git revisions of `data/`: every changed
/// figure with its organization, year, label, key and both values; removed reports; added
/// organizations.
#[test]
fn diff_lists_every_changed_figure_between_two_versions_of_the_data() {
    let dir = scratch();
    let run = |args: &[&str]| {
        let out = site(args, dir.path());
        assert!(out.status.success(), "{}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    };
    let git = |args: &[&str]| {
        let ok = std::process::Command::new("git").args(args).current_dir(dir.path()).output().unwrap().status.success();
        assert!(ok, "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&["-c", "user.name=t", "-c", "user.email=t@t", "add", "data"]);
    git(&["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "a"]);
    common::copy_dir(&dir.path().join("data"), &dir.path().join("before"));
    let report = dir.path().join("data/reports/2024/CQ01-01.toml");
    let admitted = std::fs::read_to_string(&report)
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("ket_nap = "))
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .parse::<u32>()
        .unwrap();
    edit(&report, &format!("ket_nap = {admitted} "), &format!("ket_nap = {} ", admitted + 2));
    std::fs::remove_file(dir.path().join("data/reports/2023/DN01.toml")).unwrap();
    let text = run(&["diff", "before", "data"]);
    let changed = format!("~ CQ01-01 năm 2024 · kết nạp mới (`bien_dong.ket_nap`): {admitted} → {}", admitted + 2);
    assert!(text.lines().any(|l| l == changed), "{text}");
    assert!(text.lines().any(|l| l.starts_with("− báo cáo năm 2023 của DN01")), "{text}");
    assert_eq!(text.lines().count(), 2, "nothing else changed: {text}");
    git(&["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "b"]);
    assert_eq!(run(&["diff", "HEAD~1", "HEAD"]), text, "git revisions give the same list");
    assert_eq!(run(&["diff", "HEAD", "data"]), "", "the working folder equals the last commit");
}

#[test]
fn a_failed_build_leaves_the_previous_site_byte_for_byte() {
    let dir = scratch();
    let ok = site(&["build", "--data", "data", "--out", "public"], dir.path());
    assert!(ok.status.success(), "{}", stderr(&ok));
    let before = snapshot(&dir.path().join("public"));
    assert!(before.contains_key(Path::new("thong-ke/index.html")));

    edit(&dir.path().join("data/reports/2024/CQ01-01.toml"), "cuoi_nam_du_bi = ", "cuoi_nam_du_bi = 1");
    let failed = site(&["build", "--data", "data", "--out", "public"], dir.path());
    assert_eq!(failed.status.code(), Some(1));
    assert!(stderr(&failed).contains("giữ nguyên"), "{}", stderr(&failed));
    assert_eq!(before, snapshot(&dir.path().join("public")), "the published site changed");
    let leftovers: Vec<_> =
        std::fs::read_dir(dir.path()).unwrap().flatten().filter(|e| e.file_name().to_string_lossy().contains("build-")).collect();
    assert!(leftovers.is_empty(), "no staging directories are left behind");
}

#[test]
fn the_built_statistics_page_has_the_chart_and_its_table_before_any_script() {
    let dir = scratch();
    let out = site(&["build", "--data", "data", "--out", "public"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let html = std::fs::read_to_string(dir.path().join("public/thong-ke/index.html")).unwrap();
    let svg = html.find("<svg").expect("inline svg");
    let table = html.find("<table").expect("data table");
    assert!(svg < table, "the table follows the chart");
    assert!(html.contains("<html lang=\"vi\">"));
    assert!(!html.contains("<!>"), "no hydration markers in static pages");
    assert!(!html.contains("<script>"), "no inline script");
    // A page per organization and per document.
    let orgs = std::fs::read_to_string(sample_data().join("khoi.toml")).unwrap().matches("[[to_chuc]]").count();
    let pages = std::fs::read_dir(dir.path().join("public/don-vi")).unwrap().flatten().filter(|e| e.path().is_dir()).count();
    assert_eq!(pages, orgs);
    let docs = std::fs::read_dir(sample_data().join("documents")).unwrap().count();
    let doc_pages = std::fs::read_dir(dir.path().join("public/van-ban")).unwrap().flatten().filter(|e| e.path().is_dir()).count();
    assert_eq!(doc_pages, docs);
}

#[test]
fn two_builds_are_byte_identical() {
    let dir = scratch();
    let build = |out: &str| site(&["build", "--data", "data", "--out", out, "--precompress"], dir.path()).status.success();
    assert!(build("a") && build("b"));
    assert_eq!(snapshot(&dir.path().join("a")), snapshot(&dir.path().join("b")));
    // A rebuild over a published site, which takes unchanged files' copies from it, too.
    assert!(build("a"));
    assert_eq!(snapshot(&dir.path().join("a")), snapshot(&dir.path().join("b")));
}

/// Beside each page, script, style and data file, a `.gz` and a `.br` copy that decompress to
/// it, for hosts that serve them as they are; and none of a stale file.
#[test]
fn text_files_have_precompressed_copies_that_decompress_to_them() {
    use std::io::Read;
    let dir = scratch();
    assert!(site(&["build", "--data", "data", "--out", "plain"], dir.path()).status.success());
    assert!(!snapshot(&dir.path().join("plain")).keys().any(|p| p.extension().is_some_and(|e| e == "gz" || e == "br")), "only when asked");
    assert!(site(&["build", "--data", "data", "--out", "dist", "--precompress"], dir.path()).status.success());
    let tree = snapshot(&dir.path().join("dist"));
    let mut checked = BTreeMap::<String, usize>::new();
    for (path, bytes) in &tree {
        let name = path.to_string_lossy();
        if let Some(original) = name.strip_suffix(".gz") {
            let mut back = Vec::new();
            flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut back).unwrap();
            assert_eq!(&back, &tree[Path::new(original)], "{name}");
            assert!(bytes.len() < back.len(), "{name} is smaller than its file");
        } else if let Some(original) = name.strip_suffix(".br") {
            let mut back = Vec::new();
            brotli::BrotliDecompress(&mut &bytes[..], &mut back).unwrap();
            assert_eq!(&back, &tree[Path::new(original)], "{name}");
        } else {
            let ext = path.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default();
            let wanted = site::precompress::wanted(&name, bytes);
            let has = |s: &str| tree.contains_key(&PathBuf::from(format!("{name}.{s}")));
            assert_eq!((has("gz"), has("br")), (wanted, wanted), "{name}");
            if wanted {
                *checked.entry(ext).or_default() += 1;
            }
        }
    }
    for ext in ["html", "css", "json", "xml", "csv"] {
        assert!(checked.get(ext).is_some_and(|n| *n > 0), "no .{ext} precompressed: {checked:?}");
    }
    println!("precompressed: {checked:?}");
}

fn html_pages(dir: &Path) -> Vec<PathBuf> {
    snapshot(dir).into_keys().filter(|p| p.extension().is_some_and(|e| e == "html")).collect()
}

#[test]
fn every_page_is_accounted_for_and_in_the_sitemap() {
    let dir = scratch();
    // Enough news for three list pages.
    for i in 0..25 {
        std::fs::write(
            dir.path().join(format!("data/news/2025-08-{:02}-tin-so-{i}.md", i % 28 + 1)),
            format!("+++\ntieu_de = \"Tin số {i}\"\nngay = 2025-08-{:02}\ntom_tat = \"Tóm tắt {i}.\"\n+++\nNội dung.\n", i % 28 + 1),
        )
        .unwrap();
    }
    let out = site(&["build", "--data", "data", "--out", "public"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let public = dir.path().join("public");
    let pages = html_pages(&public);
    let count = |sub: &str| std::fs::read_dir(dir.path().join("data").join(sub)).unwrap().count();
    let orgs = std::fs::read_to_string(dir.path().join("data/khoi.toml")).unwrap().matches("[[to_chuc]]").count();
    let years = count("quotas");
    let news = count("news");
    let news_pages = news.div_ceil(10);
    assert_eq!(news_pages, 4);
    let fixed: Vec<&str> = [
        "index.html",
        "thong-ke/index.html",
        "don-vi/index.html",
        "van-ban/index.html",
        "tin-tuc/index.html",
        "du-lieu/index.html",
        "du-lieu/phuong-phap/index.html",
        "404.html",
        "ngoai-tuyen/index.html",
        "thay-doi/index.html",
        "nhap-lieu/index.html",
    ]
    .into_iter()
    .filter(|p| public.join(p).is_file())
    .collect();
    assert_eq!(fixed.len(), 11, "every fixed page exists");
    let other_fixed = pages.iter().filter(|p| p.starts_with("tim-kiem")).count();
    assert_eq!(
        pages.len(),
        orgs + 2 * years + count("documents") + news + fixed.len() + (news_pages - 1) + other_fixed,
        "pages = organizations + years (each with its report) + documents + news + fixed pages"
    );
    let sitemap = std::fs::read_to_string(public.join("sitemap.xml")).unwrap();
    assert_eq!(sitemap.matches("<loc>").count(), pages.len() - 2, "every page but 404 and the offline page is in the sitemap");
    let page4 = std::fs::read_to_string(public.join("tin-tuc/trang-4/index.html")).unwrap();
    assert!(page4.contains("rel=\"prev\" href=\"/tin-tuc/trang-3/\""));
    assert!(!page4.contains("rel=\"next\""));
    // The navigation marks the section a page is in, and none for pages outside it.
    let marked = |page: &str| {
        let html = std::fs::read_to_string(public.join(page)).unwrap();
        let nav = html.split("<nav aria-label=\"Điều hướng chính\">").nth(1).and_then(|n| n.split("</nav>").next()).unwrap();
        let marks: Vec<String> =
            nav.split("aria-current=\"page\">").skip(1).map(|rest| rest.split('<').next().unwrap_or_default().to_string()).collect();
        assert!(marks.len() <= 1, "{page}: {marks:?}");
        marks.into_iter().next()
    };
    assert_eq!(marked("index.html").as_deref(), Some("Trang chủ"));
    assert_eq!(marked("thong-ke/2024/index.html").as_deref(), Some("Thống kê"));
    assert_eq!(marked("tin-tuc/trang-4/index.html").as_deref(), Some("Tin tức"));
    for outside in ["nhap-lieu/index.html", "thay-doi/index.html", "404.html"] {
        assert_eq!(marked(outside), None, "{outside}");
    }
}

#[test]
fn check_names_every_piece_the_sanitizer_will_drop_from_a_document() {
    let dir = scratch();
    let doc = "2025-06-02-120-tb.md";
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/dropped").join(doc),
        dir.path().join("data/documents").join(doc),
    )
    .unwrap();
    let out = site(&["check", "--data", "data", "--format", "json"], dir.path());
    assert!(out.status.success(), "warnings only: {}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings: Vec<&serde_json::Value> = json.as_array().unwrap().iter().filter(|f| f["code"] == "W082").collect();
    let text = std::fs::read_to_string(dir.path().join("data/documents").join(doc)).unwrap();
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let expected = [
        (line_of("[trang tài liệu]"), "javascript:alert(1)"),
        (line_of("data:text/html"), "data:text/html"),
        (line_of("jav&#x09;ascript"), "jav\\tascript:alert(2)"),
        (line_of("onclick"), "`style`"),
        (line_of("onclick"), "`onclick`"),
    ];
    assert_eq!(findings.len(), expected.len(), "{json}");
    for (line, what) in expected {
        assert!(
            findings.iter().any(|f| f["line"] == line && f["message"].as_str().unwrap().contains(what)),
            "no W082 for {what} at line {line}: {json}"
        );
    }
}

#[test]
fn a_folder_where_a_report_belongs_is_an_error_naming_it() {
    let dir = scratch();
    let report = dir.path().join("data/reports/2023/CQ01-01.toml");
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::remove_file(&report).unwrap();
    std::fs::create_dir(&report).unwrap();
    std::fs::write(report.join("CQ01-01.toml"), text).unwrap();
    std::fs::write(dir.path().join("data/reports/CQ02.toml"), "").unwrap();
    let out = site(&["check", "--data", "data"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    assert!(text.contains("lỗi[E016]: `data/reports/2023/CQ01-01.toml` là thư mục, không phải tệp báo cáo"), "{text}");
    assert!(text.contains("lỗi[E011]: tệp `data/reports/CQ02.toml` nằm ngoài thư mục năm"), "{text}");
}

#[test]
fn personal_data_in_an_organization_name_or_the_site_title_is_found_where_it_stands() {
    let dir = scratch();
    let khoi = dir.path().join("data/khoi.toml");
    edit(&khoi, "ten = \"Chi bộ Văn phòng Sở\"", "ten = \"Chi bộ Văn phòng Sở (bí thư CCCD 001203004590)\"");
    let site_toml = dir.path().join("data/site.toml");
    edit(&site_toml, "tỉnh Bình An.\"", "tỉnh Bình An. Liên hệ anh Hùng 0912 345 678.\"");
    let out = site(&["check", "--data", "data"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    let line = std::fs::read_to_string(&khoi).unwrap().lines().position(|l| l.contains("001203004590")).unwrap() + 1;
    assert!(text.contains("lỗi[E080]: `ten` của `CQ01-01` chứa thông tin cá nhân: số CCCD/CMND"), "{text}");
    assert!(text.contains(&format!("data/khoi.toml:{line}:")), "{text}");
    assert!(text.contains("số CCCD/CMND \"001*******90\""), "the message masks the number: {text}");
    assert!(text.contains("cảnh báo[W081]: `mo_ta` của site.toml chứa thông tin cá nhân: số điện thoại"), "{text}");
    assert!(text.contains("data/site.toml:5:"), "{text}");
}
