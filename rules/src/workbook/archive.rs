//! The zip container of an `.xlsx`: its central directory read, a part inflated on demand with
//! its size bounded and its checksum verified. Small on purpose: the checker page carries it
//! to the browser, and a workbook needs only stored and deflated parts.

use std::collections::BTreeMap;

/// A part's largest inflated size: a sheet of a million filled rows is about 40 MB.
pub const MAX_PART: usize = 64 << 20;

/// Where a part's bytes are in the archive.
#[derive(Clone, Copy, Debug)]
struct Entry {
    method: u16,
    encrypted: bool,
    crc: u32,
    compressed: usize,
    size: usize,
    header: usize,
}

/// An opened archive: the parts' names and places; nothing inflated yet.
pub struct Archive<'a> {
    bytes: &'a [u8],
    entries: BTreeMap<String, Entry>,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

const END: u32 = 0x0605_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const LOCAL: u32 = 0x0403_4b50;

impl<'a> Archive<'a> {
    /// Reads the central directory, or says why the bytes are not a readable zip.
    pub fn open(bytes: &'a [u8]) -> Result<Archive<'a>, String> {
        // The end record is in the last 22 bytes plus a comment of at most 65,535.
        let from = bytes.len().saturating_sub(22 + 0xFFFF);
        let end = (from..bytes.len().saturating_sub(21))
            .rev()
            .find(|&i| u32_at(bytes, i) == Some(END))
            .ok_or("không thấy mục lục của tệp nén (tệp bị cắt hoặc hỏng)")?;
        let count = usize::from(u16_at(bytes, end + 10).ok_or("mục lục hỏng")?);
        let mut at = u32_at(bytes, end + 16).ok_or("mục lục hỏng")? as usize;
        if at == 0xFFFF_FFFF || count == 0xFFFF {
            return Err("tệp nén dạng ZIP64, quá lớn cho một báo cáo".into());
        }
        let mut entries = BTreeMap::new();
        for _ in 0..count {
            let broken = || "mục lục của tệp nén hỏng".to_string();
            if u32_at(bytes, at) != Some(CENTRAL) {
                return Err(broken());
            }
            let field16 = |o: usize| u16_at(bytes, at + o).ok_or_else(broken);
            let field32 = |o: usize| u32_at(bytes, at + o).ok_or_else(broken);
            let flags = field16(8)?;
            let method = field16(10)?;
            let crc = field32(16)?;
            let compressed = field32(20)? as usize;
            let size = field32(24)? as usize;
            let (name_len, extra_len, comment_len) = (field16(28)? as usize, field16(30)? as usize, field16(32)? as usize);
            let header = field32(42)? as usize;
            let name = bytes.get(at + 46..at + 46 + name_len).ok_or_else(broken)?;
            let name = String::from_utf8_lossy(name).replace('\\', "/");
            entries.insert(name, Entry { method, encrypted: flags & 1 == 1, crc, compressed, size, header });
            at += 46 + name_len + extra_len + comment_len;
        }
        Ok(Archive { bytes, entries })
    }

    /// The part `name` inflated, `None` when the archive has no such part.
    pub fn part(&self, name: &str) -> Option<Result<Vec<u8>, String>> {
        let e = *self.entries.get(name)?;
        Some(self.inflate(name, e))
    }

    fn inflate(&self, name: &str, e: Entry) -> Result<Vec<u8>, String> {
        let broken = || format!("phần “{name}” của tệp nén hỏng");
        if e.encrypted {
            return Err("sổ tính được mã hóa bằng mật khẩu".into());
        }
        if e.size > MAX_PART {
            return Err(format!("phần “{name}” quá lớn ({} MB)", e.size >> 20));
        }
        if u32_at(self.bytes, e.header) != Some(LOCAL) {
            return Err(broken());
        }
        let name_len = usize::from(u16_at(self.bytes, e.header + 26).ok_or_else(broken)?);
        let extra_len = usize::from(u16_at(self.bytes, e.header + 28).ok_or_else(broken)?);
        let start = e.header + 30 + name_len + extra_len;
        let data = self.bytes.get(start..start + e.compressed).ok_or_else(broken)?;
        let out = match e.method {
            0 => data.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_PART).map_err(|_| broken())?,
            m => return Err(format!("phần “{name}” nén theo cách {m}, không phải cách của Excel")),
        };
        if out.len() != e.size || crc32(&out) != e.crc {
            return Err(broken());
        }
        Ok(out)
    }
}

/// CRC-32 (IEEE), as zip records it for each part.
fn crc32(bytes: &[u8]) -> u32 {
    const fn table() -> [u32; 256] {
        let mut t = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 == 1 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
                k += 1;
            }
            t[i] = c;
            i += 1;
        }
        t
    }
    const TABLE: [u32; 256] = table();
    !bytes.iter().fold(!0u32, |c, &b| TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_of_a_known_text() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn cut_and_garbled_archives_are_refused_without_panic() {
        assert!(Archive::open(b"PK\x03\x04 this is not a zip").is_err());
        assert!(Archive::open(b"").is_err());
        // An end record pointing anywhere.
        let mut fake = b"PK\x05\x06".to_vec();
        fake.extend_from_slice(&[0, 0, 0, 0, 5, 0, 5, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0, 0]);
        assert!(Archive::open(&fake).is_err());
    }
}
