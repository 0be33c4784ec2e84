//! Where the loader reads from: the disk, or files held in memory (the browser's checker has
//! no file system: it is given the chosen file and the Khối's published settings).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Default)]
pub enum Folder {
    #[default]
    Disk,
    /// Files by path; folders are the paths' parents.
    Memory(BTreeMap<PathBuf, Vec<u8>>),
}

impl Folder {
    pub fn is_dir(&self, path: &Path) -> bool {
        match self {
            Folder::Disk => path.is_dir(),
            Folder::Memory(files) => files.keys().any(|p| p.starts_with(path) && p != path),
        }
    }

    pub fn exists(&self, path: &Path) -> bool {
        match self {
            Folder::Disk => path.exists(),
            Folder::Memory(files) => files.contains_key(path) || self.is_dir(path),
        }
    }

    pub fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        match self {
            Folder::Disk => std::fs::read(path),
            Folder::Memory(files) => files.get(path).cloned().ok_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound)),
        }
    }

    /// The entries directly in `dir` (files and folders), unsorted; none if it is no folder.
    pub fn list(&self, dir: &Path) -> Vec<PathBuf> {
        match self {
            Folder::Disk => std::fs::read_dir(dir).into_iter().flatten().flatten().map(|e| e.path()).collect(),
            Folder::Memory(files) => {
                let mut out: Vec<PathBuf> =
                    files.keys().filter_map(|p| p.strip_prefix(dir).ok()?.components().next().map(|c| dir.join(c))).collect();
                out.dedup();
                out
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_memory_folder_lists_files_and_the_folders_their_paths_imply() {
        let files = ["d/khoi.toml", "d/reports/2024/CQ01.toml", "d/reports/2024/CQ02.toml", "d/reports/2025/CQ01.toml"];
        let f = Folder::Memory(files.iter().map(|p| (PathBuf::from(p), b"x".to_vec())).collect());
        let d = Path::new("d");
        assert_eq!(f.list(d), [d.join("khoi.toml"), d.join("reports")]);
        assert_eq!(f.list(&d.join("reports")), [d.join("reports/2024"), d.join("reports/2025")]);
        assert!(f.is_dir(&d.join("reports/2024")) && !f.is_dir(&d.join("khoi.toml")) && !f.is_dir(&d.join("quotas")));
        assert!(f.exists(&d.join("khoi.toml")) && !f.exists(&d.join("targets.toml")));
        assert_eq!(f.read(&d.join("khoi.toml")).unwrap(), b"x");
        assert!(f.read(&d.join("site.toml")).is_err());
    }
}
