//! `/thay-doi/`, its feed and the footer's provenance, through the `site` binary as editors run
//! it: build, change a figure, build again into the same output.

mod common;

use common::{scratch, site, tree};
use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(["-c", "user.name=Biên tập", "-c", "user.email=bientap@example.vn", "-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_DATE", "2026-11-30T09:00:00+07:00")
        .env("GIT_COMMITTER_DATE", "2026-11-30T09:00:00+07:00")
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

fn build(dir: &Path) {
    let out = site(&["build", "--data", "data", "--out", "out"], dir);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

fn read(dir: &Path, path: &str) -> String {
    std::fs::read_to_string(dir.join("out").join(path)).unwrap()
}

#[test]
fn a_changed_figure_is_listed_with_its_old_and_new_value_and_announced() {
    let dir = scratch();
    let d = dir.path();
    git(d, &["init", "-q"]);
    git(d, &["add", "data"]);
    git(d, &["commit", "-q", "-m", "Số liệu năm 2025"]);

    build(d);
    let page = read(d, "thay-doi/index.html");
    assert!(page.contains("Chưa có thay đổi nào"), "a first build has nothing to compare with");
    let footer = read(d, "index.html");
    let short = String::from_utf8(Command::new("git").args(["log", "-1", "--format=%h"]).current_dir(d).output().unwrap().stdout).unwrap();
    let short = short.trim();
    assert!(footer.contains(&format!("Số liệu cập nhật ngày 30/11/2026 (bản dữ liệu {short} ngày 30/11/2026).")), "footer: {footer}");

    // The editor raises a quota and publishes before committing.
    let quotas = d.join("data/quotas/2024.toml");
    let text = std::fs::read_to_string(&quotas).unwrap();
    assert_eq!(text.matches("\nCQ02 = 6\n").count(), 1);
    std::fs::write(&quotas, text.replace("\nCQ02 = 6\n", "\nCQ02 = 9\n")).unwrap();
    build(d);
    let page = read(d, "thay-doi/index.html");
    assert!(
        page.contains("<h3><a href=\"/du-lieu/chi-tieu-ket-nap-2024.json\">Chỉ tiêu và kết quả kết nạp đảng viên năm 2024</a></h3>"),
        "{page}"
    );
    assert!(page.contains("<li>CQ02 · Chỉ tiêu: 6 → 9</li>"), "{page}");
    assert!(page.contains("<li>Tháng 12 · Tiến độ cần đạt: 47 → 50</li>"), "{page}");
    assert!(page.contains("có thay đổi chưa commit"), "uncommitted data is said: {page}");
    let feed = read(d, "thay-doi/atom.xml");
    assert_eq!(feed.matches("<entry>").count(), 1);
    assert!(feed.contains("/thay-doi/#cap-nhat-1</id>") && feed.contains("CQ02 · Chỉ tiêu: 6 → 9"), "{feed}");
    assert!(read(d, "index.html").contains("href=\"/thay-doi/atom.xml\""));

    // Committed and rebuilt: nothing new to list, the history is kept, and a further build of
    // the same commit is byte-identical.
    git(d, &["commit", "-q", "-am", "Sửa chỉ tiêu CQ02"]);
    build(d);
    let first = tree(&d.join("out"));
    assert_eq!(read(d, "thay-doi/atom.xml").matches("<entry>").count(), 1);
    build(d);
    assert!(first == tree(&d.join("out")), "a rebuild of the same data differs");

    // A news item removed and a figure changed back: a second update, newest first.
    let news = std::fs::read_dir(d.join("data/news")).unwrap().flatten().map(|e| e.path()).min().unwrap();
    std::fs::remove_file(&news).unwrap();
    std::fs::write(&quotas, text).unwrap();
    build(d);
    let page = read(d, "thay-doi/index.html");
    let (second, first) = (page.find("id=\"cap-nhat-2\"").unwrap(), page.find("id=\"cap-nhat-1\"").unwrap());
    assert!(second < first, "newest first");
    assert!(page[second..first].contains("CQ02 · Chỉ tiêu: 9 → 6") && page[second..first].contains("Gỡ tin: "), "{page}");
}
