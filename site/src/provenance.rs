//! Which version of the data a build shows: the last commit that touched the data folder (short
//! hash and date) when it is a git checkout, and whether files were changed since. Read from git,
//! never from the clock, so two builds of the same commit are byte-identical.

use chrono::NaiveDate;
use std::path::Path;
use std::process::Command;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Provenance {
    pub commit: Option<Commit>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Commit {
    /// Abbreviated hash, as `git log --format=%h` prints it.
    pub short: String,
    pub date: NaiveDate,
    /// Files under the data folder differ from the commit (edited, added or deleted).
    pub dirty: bool,
}

impl Provenance {
    /// The data folder's last commit, or nothing when it is not in a git checkout (or git is
    /// missing): the pages then say only the data's own dates.
    pub fn of(data_dir: &Path) -> Provenance {
        Provenance { commit: last_commit(data_dir) }
    }

    /// "bản dữ liệu a1b2c3d ngày 02/12/2026", with the uncommitted changes said.
    pub fn describe(&self) -> Option<String> {
        let c = self.commit.as_ref()?;
        let dirty = if c.dirty { ", có thay đổi chưa commit" } else { "" };
        Some(format!("bản dữ liệu {} ngày {}{dirty}", c.short, app::format::date(c.date)))
    }
}

fn git(data_dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git").arg("-C").arg(data_dir).args(args).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn last_commit(data_dir: &Path) -> Option<Commit> {
    // `-- .`: the last commit of the data, not of the code beside it.
    let line = git(data_dir, &["log", "-1", "--format=%h %cs", "--", "."])?;
    let (short, date) = line.split_once(' ')?;
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    let dirty = git(data_dir, &["status", "--porcelain", "--untracked-files=all", "--", "."]).is_some_and(|s| !s.is_empty());
    Some(Commit { short: short.to_string(), date, dirty })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_outside_git_has_no_commit() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Provenance::of(dir.path()), Provenance::default());
        assert_eq!(Provenance::default().describe(), None);
    }

    #[test]
    fn a_commit_is_described_with_its_date_and_uncommitted_changes() {
        let c = Commit { short: "a1b2c3d".into(), date: NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(), dirty: false };
        let p = Provenance { commit: Some(c.clone()) };
        assert_eq!(p.describe().unwrap(), "bản dữ liệu a1b2c3d ngày 02/12/2026");
        let p = Provenance { commit: Some(Commit { dirty: true, ..c }) };
        assert_eq!(p.describe().unwrap(), "bản dữ liệu a1b2c3d ngày 02/12/2026, có thay đổi chưa commit");
    }
}
