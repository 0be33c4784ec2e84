//! Precompressed copies beside each text file of the published site (`index.html.gz`,
//! `index.html.br`), for static hosts that serve them as they are (nginx `gzip_static` and
//! `brotli_static`, Caddy `file_server { precompressed br gzip }`): the host spends nothing per
//! request, and the strongest levels are paid once per build. A file unchanged since the
//! published build takes its copies from it, so a rebuild compresses only what changed.

use rayon::prelude::*;
use std::io::Write;
use std::path::Path;

/// What is worth compressing: text, and wasm (which halves).
const EXTENSIONS: [&str; 11] = ["html", "css", "js", "json", "xml", "svg", "txt", "csv", "wasm", "webmanifest", "ics"];

/// Below this, the headers of a compressed response weigh more than what it saves.
const SMALLEST: usize = 1024;

/// The two encodings, by the suffix their copy carries.
pub const SUFFIXES: [&str; 2] = ["gz", "br"];

/// Whether `path` gets compressed copies.
pub fn wanted(path: &str, bytes: &[u8]) -> bool {
    bytes.len() >= SMALLEST && Path::new(path).extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.contains(&e))
}

/// gzip at the highest level, with no name and a zero time in the header: the same bytes give
/// the same copy.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = flate2::GzBuilder::new().mtime(0).write(Vec::with_capacity(bytes.len() / 3), flate2::Compression::best());
    // Writing into a Vec cannot fail.
    out.write_all(bytes).expect("in memory");
    out.finish().expect("in memory")
}

/// Brotli: the highest quality for the app bundles and styles (few, content-hashed, fetched on
/// a first visit), a quicker one for pages and data, where quality 11 costs ten times the time
/// for some 5%.
pub fn brotli(path: &str, bytes: &[u8]) -> Vec<u8> {
    let bundle = [".wasm", ".js", ".css"].iter().any(|e| path.ends_with(e));
    let params = brotli::enc::BrotliEncoderParams { quality: if bundle { 11 } else { 5 }, lgwin: 22, ..Default::default() };
    let mut out = Vec::with_capacity(bytes.len() / 4);
    // Reading from a slice and writing into a Vec cannot fail.
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("in memory");
    out
}

/// The copies of each file that wants them: `(path.gz, bytes)`, `(path.br, bytes)`, taken from
/// `previous` (the published site) where the file is unchanged, else compressed on every core.
pub fn copies(files: &crate::render::Files, previous: &Path) -> Vec<(String, Vec<u8>)> {
    files
        .par_iter()
        .filter(|(path, bytes)| wanted(path, bytes))
        .flat_map_iter(|(path, bytes)| {
            let same = std::fs::read(previous.join(path)).is_ok_and(|b| b == *bytes);
            let old = |suffix: &str| same.then(|| std::fs::read(previous.join(format!("{path}.{suffix}"))).ok()).flatten();
            let gz = old("gz").unwrap_or_else(|| gzip(bytes));
            let br = old("br").unwrap_or_else(|| brotli(path, bytes));
            [(format!("{path}.gz"), gz), (format!("{path}.br"), br)]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn copies_decompress_to_the_file_and_repeat_byte_for_byte() {
        let page = "<!doctype html><p>Đảng bộ Khối — báo cáo số liệu năm 2025</p>".repeat(200);
        let mut back = String::new();
        flate2::read::GzDecoder::new(&gzip(page.as_bytes())[..]).read_to_string(&mut back).unwrap();
        assert_eq!(back, page);
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &brotli("a.html", page.as_bytes())[..], &mut back).unwrap();
        assert_eq!(back, page.as_bytes());
        assert_eq!(gzip(page.as_bytes()), gzip(page.as_bytes()));
        assert!(brotli("a.js", page.as_bytes()).len() < page.len() / 10);
        assert!(wanted("thong-ke/index.html", page.as_bytes()));
        assert!(!wanted("anh/logo.png", page.as_bytes()) && !wanted("a.html", b"<p>x</p>"));
    }

    #[test]
    fn an_unchanged_file_takes_its_copies_from_the_published_site() {
        let published = tempfile::tempdir().unwrap();
        let page = "<p>không đổi</p>".repeat(100).into_bytes();
        std::fs::write(published.path().join("a.html"), &page).unwrap();
        // Marked copies: taken as they are, so not compressed again.
        std::fs::write(published.path().join("a.html.gz"), b"old gz").unwrap();
        std::fs::write(published.path().join("a.html.br"), b"old br").unwrap();
        std::fs::write(published.path().join("b.html"), b"changed").unwrap();
        std::fs::write(published.path().join("b.html.gz"), b"old gz").unwrap();
        let files: crate::render::Files =
            [("a.html".to_string(), page.clone()), ("b.html".to_string(), "<p>mới</p>".repeat(100).into_bytes())].into();
        let got: std::collections::BTreeMap<String, Vec<u8>> = copies(&files, published.path()).into_iter().collect();
        assert_eq!(got["a.html.gz"], b"old gz");
        assert_eq!(got["a.html.br"], b"old br");
        assert_eq!(got["b.html.gz"], gzip(&files["b.html"]));
        assert_eq!(got.len(), 4);
    }
}
