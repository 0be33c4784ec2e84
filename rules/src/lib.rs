//! Reads a data folder and checks it against the rules of its year: `load` (parse with spans)
//! → `check` → findings with codes, Vietnamese messages and hints. No file system beyond
//! reading (`load::Folder`), no threads: the same code runs in `site` and, compiled to wasm, in
//! the browser's checker page (`/nhap-lieu/`).

#[cfg(feature = "browser")]
pub mod browser;
pub mod check;
pub mod codes;
pub mod diagnostic;
pub mod fnv;
pub mod load;
pub mod one_report;
#[cfg(feature = "workbook")]
pub mod workbook;
