//! Personal data in free text: report notes (`ghi_chu`, error E080) and documents and news (front
//! matter free text and the markdown body, warning W081). Data files hold counts only; documents
//! and news are published, so an ID number, a phone number, an e-mail address or a date of birth
//! in them is flagged where it stands.
//!
//! The scanners work over characters, without regular expressions, and lean towards silence on
//! what party documents legitimately contain: document numbers ("431-CV/ĐUK"), dates ("ngày
//! 26/10/2021"), years, counts with separators ("1.250.000"), amounts of money, tax codes, office
//! hotlines, anniversaries ("135 năm Ngày sinh Chủ tịch Hồ Chí Minh") and officials named in news.
//! "đồng chí <Họ Tên>" is only looked for in data files: documents and news name public officials
//! by design, and the signer (`nguoi_ky`, `chuc_vu`) is never scanned.

use crate::codes::Code;
use crate::diagnostic::{Diagnostic, FileId};
use crate::load::{KeySpans, Loaded};
use app::schema::Field;
use std::ops::Range;

pub(super) fn check(loaded: &Loaded, out: &mut Vec<Diagnostic>) {
    for (_, _, r) in &loaded.reports {
        let Some(note) = &r.value.note else { continue };
        let text = &loaded.sources.get(r.file).text;
        let mut cursor = Locator::new(text, r.spans.field(Field::Note));
        for hit in scan(note, true) {
            let range = cursor.find(&note[hit.range.clone()]);
            out.push(
                Diagnostic::error(Code::E080, format!("`ghi_chu` chứa thông tin cá nhân: {} \"{}\"", hit.kind.name(), hit.masked))
                    .at(r.file, range)
                    .hint("xóa thông tin này khỏi `ghi_chu`: tệp dữ liệu chỉ chứa số liệu tổng hợp, không ghi họ tên, ngày sinh, số giấy tờ, điện thoại hay thư điện tử của bất kỳ ai"),
            );
        }
    }
    // The Khối's and the organizations' names stand on every page: a data file's rules (E080).
    if let (Some(file), Some(khoi)) = (loaded.khoi_file, &loaded.khoi) {
        let text = &loaded.sources.get(file).text;
        data_text(text, file, loaded.khoi_spans.get("khoi.ten"), "khoi.ten", &khoi.name, out);
        data_text(text, file, loaded.khoi_spans.get("khoi.ten_viet_tat"), "khoi.ten_viet_tat", &khoi.short_name, out);
    }
    for o in &loaded.orgs {
        let text = &loaded.sources.get(o.file).text;
        data_text(text, o.file, o.spans.get("to_chuc.ten"), &format!("ten` của `{}", o.value.code), &o.value.name, out);
    }
    // The site's own title and description: published text, like documents (W081).
    if let (Some((file, spans)), Some(site)) = (&loaded.site_spans, &loaded.site) {
        let text = &loaded.sources.get(*file).text;
        for (key, value) in [("tieu_de", &site.title), ("mo_ta", &site.description)] {
            let mut cursor = Locator::new(text, spans.get(key));
            for hit in scan(value, false) {
                let range = cursor.find(&value[hit.range.clone()]);
                out.push(published(*file, range, &format!("`{key}` của site.toml"), &hit));
            }
        }
    }
    for d in &loaded.documents {
        let text = &loaded.sources.get(d.file).text;
        let doc = &d.value;
        published_field(text, d.file, &d.spans, "trich_yeu", std::slice::from_ref(&doc.summary), out);
        published_field(text, d.file, &d.spans, "noi_nhan", &doc.recipients, out);
        published_body(text, d.file, "nội dung văn bản", out);
    }
    for n in &loaded.news {
        let text = &loaded.sources.get(n.file).text;
        published_field(text, n.file, &n.spans, "tieu_de", std::slice::from_ref(&n.value.title), out);
        published_field(text, n.file, &n.spans, "tom_tat", std::slice::from_ref(&n.value.summary), out);
        published_body(text, n.file, "nội dung tin", out);
    }
}

/// A free-text value of a data file (`khoi.toml`): error E080, as for a report's note.
fn data_text(text: &str, file: FileId, span: Option<Range<usize>>, key: &str, value: &str, out: &mut Vec<Diagnostic>) {
    let mut cursor = Locator::new(text, span);
    for hit in scan(value, true) {
        let range = cursor.find(&value[hit.range.clone()]);
        out.push(
            Diagnostic::error(Code::E080, format!("`{key}` chứa thông tin cá nhân: {} \"{}\"", hit.kind.name(), hit.masked))
                .at(file, range)
                .hint("tên tổ chức được đăng trên mọi trang: xóa thông tin cá nhân này, tên chỉ gồm loại tổ chức và tên cơ quan, đơn vị"),
        );
    }
}

const PUBLISHED_HINT: &str = "văn bản, tin tức được đăng công khai: xóa thông tin cá nhân này (hoặc thay bằng chức vụ, đơn vị) trước khi đăng; số liệu chỉ ghi dạng tổng hợp";

fn published(file: FileId, range: Option<Range<usize>>, place: &str, hit: &Hit) -> Diagnostic {
    Diagnostic::warning(Code::W081, format!("{place} chứa thông tin cá nhân: {} \"{}\"", hit.kind.name(), hit.masked))
        .at(file, range)
        .hint(PUBLISHED_HINT)
}

/// A front matter string (or list of strings) of a document or news item.
fn published_field(text: &str, file: FileId, spans: &KeySpans, key: &str, values: &[String], out: &mut Vec<Diagnostic>) {
    let span = spans.get(key).map(|s| {
        let shift = front_matter_shift(text, &s, key);
        s.start + shift..s.end + shift
    });
    let mut cursor = Locator::new(text, span);
    for value in values {
        for hit in scan(value, false) {
            let range = cursor.find(&value[hit.range.clone()]);
            out.push(published(file, range, &format!("`{key}`"), &hit));
        }
    }
}

/// The markdown body, scanned in the file's own text so that every hit has its exact place.
fn published_body(text: &str, file: FileId, place: &str, out: &mut Vec<Diagnostic>) {
    let Some(start) = body_start(text) else { return };
    for hit in scan(&text[start..], false) {
        out.push(published(file, Some(hit.range.start + start..hit.range.end + start), place, &hit));
    }
}

/// Where the front matter starts: its spans are kept relative to the text after the opening
/// `+++` line. Checked against the key so that spans already made absolute also work.
fn front_matter_shift(text: &str, span: &Range<usize>, key: &str) -> usize {
    let opening = if text.starts_with("+++\r\n") { 5 } else { 4 };
    let at = |shift: usize| text.get(span.start + shift..).is_some_and(|t| t.starts_with(key));
    if !at(opening) && at(0) {
        0
    } else {
        opening
    }
}

/// Byte offset of the markdown body: after the `+++` line that closes the front matter.
pub fn body_start(text: &str) -> Option<usize> {
    let opening = if text.starts_with("+++\r\n") {
        5
    } else if text.starts_with("+++\n") {
        4
    } else {
        return None;
    };
    let rest = &text[opening..];
    rest.match_indices("\n+++")
        .map(|(i, _)| i)
        .find(|&i| {
            let after = &rest[i + 4..];
            after.is_empty() || after.starts_with('\n') || after.starts_with("\r\n")
        })
        .map(|i| opening + i + 4)
}

/// Maps hits in a decoded value back to the file: the value's raw text lies in `span` (the key
/// and the quoted string). Escapes can hide a hit's text; it then points at the whole value.
struct Locator<'a> {
    text: &'a str,
    span: Option<Range<usize>>,
    cursor: usize,
}

impl<'a> Locator<'a> {
    fn new(text: &'a str, span: Option<Range<usize>>) -> Self {
        let span = span.filter(|s| s.start <= s.end && text.get(s.clone()).is_some());
        let cursor = span.as_ref().map_or(0, |s| s.start);
        Locator { text, span, cursor }
    }

    fn find(&mut self, needle: &str) -> Option<Range<usize>> {
        let span = self.span.clone()?;
        match self.text[self.cursor..span.end].find(needle) {
            Some(i) => {
                let start = self.cursor + i;
                self.cursor = start + needle.len();
                Some(start..self.cursor)
            }
            None => Some(span),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Scanners

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Id,
    Phone,
    Email,
    Birth,
    Comrade,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Id => "số CCCD/CMND",
            Kind::Phone => "số điện thoại",
            Kind::Email => "thư điện tử",
            Kind::Birth => "ngày sinh",
            Kind::Comrade => "\"đồng chí\" kèm họ tên",
        }
    }
}

/// One piece of personal data: what it is, its byte range in the scanned text, and how it is
/// shown (partly masked, never whole).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Hit {
    kind: Kind,
    range: Range<usize>,
    masked: String,
}

/// Every hit in `text`, in order, not overlapping. `names`: also "đồng chí <Họ Tên>" (data files).
fn scan(text: &str, names: bool) -> Vec<Hit> {
    let t = Text::new(text);
    let mut hits = Vec::new();
    t.numbers(&mut hits);
    t.emails(&mut hits);
    let words = t.words();
    t.births(&words, &mut hits);
    if names {
        t.comrades(&words, &mut hits);
    }
    hits.sort_by_key(|h| (h.range.start, std::cmp::Reverse(h.range.end)));
    let mut out: Vec<Hit> = Vec::new();
    for h in hits {
        if out.last().is_none_or(|last| h.range.start >= last.range.end) {
            out.push(h);
        }
    }
    out
}

/// The scanned text as characters with their byte offsets. Indices below are character indices.
struct Text<'a> {
    text: &'a str,
    cs: Vec<(usize, char)>,
}

/// A word: a run of letters (with combining marks, for text pasted in decomposed form).
#[derive(Clone, Copy, Debug)]
struct Word {
    start: usize,
    end: usize,
}

fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

fn is_letter(c: char) -> bool {
    c.is_alphabetic() || is_mark(c)
}

/// Counting words after which a number is an amount, not an ID.
const UNITS: [&str; 9] = ["đồng", "đ", "vnđ", "vnd", "usd", "triệu", "tỷ", "tỉ", "nghìn"];
/// Context before a number that makes it an organization's, not a person's.
const ORG_NUMBER: [&str; 7] = ["mã số thuế", "mst", "mã số doanh nghiệp", "mã doanh nghiệp", "đường dây nóng", "hotline", "fax"];
/// Words before "sinh ngày"/"sinh năm" that make "sinh" part of another word ("học sinh năm 2024",
/// "chi phí phát sinh năm 2024").
const SINH_COMPOUNDS: [&str; 28] = [
    "học",
    "phát",
    "vệ",
    "hi",
    "hy",
    "sản",
    "ký",
    "kí",
    "tái",
    "giáng",
    "khai",
    "nảy",
    "phục",
    "hồi",
    "cộng",
    "trường",
    "thí",
    "giáo",
    "môn",
    "thư",
    "nữ",
    "nam",
    "tiên",
    "ngoại",
    "tân",
    "sơ",
    "song",
    "mưu",
];
/// Words before "ngày sinh"/"năm sinh" that make it an anniversary ("135 năm Ngày sinh …").
const ANNIVERSARY: [&str; 3] = ["năm", "niệm", "mừng"];
/// Words after a year of birth that make it a range of years, not one person's.
const RANGE_WORDS: [&str; 4] = ["trở", "đến", "tới", "về"];
/// First words of titles and forms of address: "đồng chí Bí thư", "đồng chí Ủy viên Ban Thường vụ"
/// do not name anyone. Surnames are left out (Chu, Đoàn, Ông, Văn are surnames).
const TITLES: [&str; 56] = [
    "bí",
    "phó",
    "ủy",
    "uỷ",
    "chủ",
    "trưởng",
    "tổng",
    "thường",
    "giám",
    "đại",
    "thủ",
    "bộ",
    "chánh",
    "thiếu",
    "thượng",
    "trung",
    "đảng",
    "chi",
    "chỉ",
    "phụ",
    "lãnh",
    "tổ",
    "hiệu",
    "viện",
    "cục",
    "vụ",
    "thư",
    "kế",
    "thành",
    "tỉnh",
    "huyện",
    "quận",
    "xã",
    "phường",
    "ban",
    "hội",
    "cán",
    "nguyên",
    "cựu",
    "giáo",
    "tiến",
    "thạc",
    "kỹ",
    "kĩ",
    "bác",
    "luật",
    "nhà",
    "chính",
    "trợ",
    "chuyên",
    "tư",
    "thẩm",
    "kiểm",
    "phòng",
    "các",
    "những",
];

/// Whether `word` is `target` (lowercase, precomposed), in any case and in decomposed form too.
fn word_is(word: &str, target: &str) -> bool {
    let lower = word.to_lowercase();
    if lower.chars().any(is_mark) {
        compose(&lower) == target
    } else {
        lower == target
    }
}

/// Vowels with their tones: none, grave, acute, hook above, tilde, dot below.
const VOWELS: [&str; 12] =
    ["aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị", "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ"];
const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];

/// Lowercase Vietnamese text typed or pasted in decomposed form (base letter, then combining
/// marks in either order) composed to the precomposed letters the lists above use.
fn compose(lower: &str) -> String {
    let mut out: Vec<char> = Vec::new();
    for c in lower.chars() {
        let last =
            out.last().and_then(|&l| VOWELS.iter().enumerate().find_map(|(r, row)| row.chars().position(|v| v == l).map(|t| (r, t))));
        let tone = TONE_MARKS.iter().position(|&m| m == c);
        // The row a modifier (circumflex, breve, horn) turns a vowel row into.
        let modified = |r: usize| match (c, VOWELS[r].chars().next()) {
            ('\u{302}', Some('a')) => Some(2),
            ('\u{302}', Some('e')) => Some(4),
            ('\u{302}', Some('o')) => Some(7),
            ('\u{306}', Some('a')) => Some(1),
            ('\u{31b}', Some('o')) => Some(8),
            ('\u{31b}', Some('u')) => Some(10),
            _ => None,
        };
        let composed = match (last, tone) {
            (Some((r, _)), Some(t)) => VOWELS[r].chars().nth(t + 1),
            (Some((r, t)), None) => modified(r).and_then(|m| VOWELS[m].chars().nth(t)),
            (None, _) => None,
        };
        match composed {
            Some(v) => *out.last_mut().expect("a vowel before the mark") = v,
            None => out.push(c),
        }
    }
    out.into_iter().collect()
}

fn word_in(word: &str, list: &[&str]) -> bool {
    list.iter().any(|t| word_is(word, t))
}

impl<'a> Text<'a> {
    fn new(text: &'a str) -> Self {
        Text { text, cs: text.char_indices().collect() }
    }

    fn len(&self) -> usize {
        self.cs.len()
    }

    fn ch(&self, i: usize) -> Option<char> {
        self.cs.get(i).map(|c| c.1)
    }

    /// Byte offset of character `i` (the text's end past the last character).
    fn off(&self, i: usize) -> usize {
        self.cs.get(i).map_or(self.text.len(), |c| c.0)
    }

    fn slice(&self, r: Range<usize>) -> &'a str {
        &self.text[self.off(r.start)..self.off(r.end)]
    }

    fn digit(&self, i: usize) -> bool {
        self.ch(i).is_some_and(|c| c.is_ascii_digit())
    }

    fn alnum(&self, i: usize) -> bool {
        self.ch(i).is_some_and(|c| c.is_alphanumeric() || is_mark(c) || c == '_')
    }

    /// End of the run of ASCII digits starting at `i`.
    fn digits_end(&self, mut i: usize) -> usize {
        while self.digit(i) {
            i += 1;
        }
        i
    }

    fn hit(&self, kind: Kind, r: Range<usize>, masked: String) -> Hit {
        Hit { kind, range: self.off(r.start)..self.off(r.end), masked }
    }

    /// The lowercase text of the few characters before `i` (same line), for context words.
    fn before(&self, i: usize, n: usize) -> String {
        let mut s = i;
        while s > 0 && i - s < n && self.ch(s - 1) != Some('\n') {
            s -= 1;
        }
        self.slice(s..i).to_lowercase()
    }

    /// The lowercase word after `i`, past spaces.
    fn next_word(&self, mut i: usize) -> String {
        while self.ch(i).is_some_and(|c| c == ' ' || c == '\u{a0}') {
            i += 1;
        }
        let s = i;
        while self.ch(i).is_some_and(is_letter) {
            i += 1;
        }
        self.slice(s..i).to_lowercase()
    }

    // --- ID and phone numbers -----------------------------------------------------------------

    fn numbers(&self, out: &mut Vec<Hit>) {
        let mut i = 0;
        while i < self.len() {
            if self.ch(i) == Some('+') && self.ch(i + 1) == Some('8') && self.ch(i + 2) == Some('4') {
                if let Some(end) = self.international(i) {
                    if !self.org_number(i) {
                        out.push(self.hit(Kind::Phone, i..end, mask_phone(self.slice(i..end))));
                    }
                    i = end;
                    continue;
                }
            }
            if !self.digit(i) {
                i += 1;
                continue;
            }
            let groups = self.chain(i);
            let end = groups.last().map_or(i, |g| g.end);
            // Inside a word ("CQ01", "KH2021") or a number with separators ("1.250.000,5").
            let in_word = i > 0 && self.alnum(i - 1);
            let in_number = i >= 2 && matches!(self.ch(i - 1), Some('.' | ',')) && self.digit(i - 2);
            if !in_word && !in_number && !self.org_number(i) {
                if let Some(h) = self.phone(&groups).or_else(|| self.id(&groups)) {
                    out.push(h);
                }
            }
            i = end;
        }
    }

    /// Digit groups from `i` joined by one separator (space, dot or hyphen), the same throughout:
    /// "0912 345 678", "0912.345.678", or a single run.
    fn chain(&self, i: usize) -> Vec<Range<usize>> {
        let mut groups = Vec::new();
        groups.push(i..self.digits_end(i));
        let mut sep = None;
        loop {
            let end = groups.last().map_or(i, |g| g.end);
            let Some(c) = self.ch(end) else { break };
            if !matches!(c, ' ' | '.' | '-') || sep.is_some_and(|s| s != c) || !self.digit(end + 1) {
                break;
            }
            sep = Some(c);
            groups.push(end + 1..self.digits_end(end + 1));
        }
        groups
    }

    fn digits_of(&self, groups: &[Range<usize>]) -> String {
        groups.iter().map(|g| self.slice(g.clone())).collect()
    }

    /// 10 digits starting with 0 (mobile, or an old landline), 11 starting with 02 (landline).
    /// Grouped: the first group of 3 or more digits, or of 2 followed by groups of 3 or more
    /// ("04 3825 1234"), so that lists of small numbers ("03 04 05 06 07") are not phones.
    fn phone(&self, groups: &[Range<usize>]) -> Option<Hit> {
        let first = groups[0].len();
        let mut total = 0;
        for (k, g) in groups.iter().enumerate() {
            if k > 0 && (g.len() < 2 || (first == 2 && g.len() < 3) || first < 2) {
                break;
            }
            total += g.len();
            if total > 11 {
                break;
            }
            let digits = self.digits_of(&groups[..=k]);
            let shaped = (total == 10 && digits.starts_with('0') && !digits.starts_with("00")) || (total == 11 && digits.starts_with("02"));
            if shaped && !self.alnum(g.end) {
                let r = groups[0].start..g.end;
                return Some(self.hit(Kind::Phone, r.clone(), mask_phone(self.slice(r))));
            }
        }
        None
    }

    /// "+84 912 345 678", "+84912345678", "(+84) 912.345.678": 9 digits after the country code.
    fn international(&self, plus: usize) -> Option<usize> {
        let mut i = plus + 3;
        if self.ch(i) == Some(')') {
            i += 1;
        }
        if matches!(self.ch(i), Some(' ' | '.' | '-')) {
            i += 1;
        }
        if !self.digit(i) || self.ch(i) == Some('0') {
            return None;
        }
        let groups = self.chain(i);
        let mut total = 0;
        for (k, g) in groups.iter().enumerate() {
            if k > 0 && g.len() < 2 {
                break;
            }
            total += g.len();
            if total == 9 && !self.alnum(g.end) {
                return Some(g.end);
            }
            if total > 9 {
                break;
            }
        }
        None
    }

    /// A run of exactly 9 (CMND) or 12 (CCCD) digits: not part of a longer run, of a number with
    /// separators, or of a word, and not an amount ("125000000 đồng").
    fn id(&self, groups: &[Range<usize>]) -> Option<Hit> {
        let g = groups[0].clone();
        if g.len() != 9 && g.len() != 12 {
            return None;
        }
        // Followed by `.5`, `,5`, `-2`: a larger number or a code. A space may separate numbers.
        let joined = matches!(self.ch(g.end), Some('.' | ',' | '-')) && self.digit(g.end + 1);
        if joined || self.alnum(g.end) || UNITS.contains(&self.next_word(g.end).as_str()) {
            return None;
        }
        let digits = self.slice(g.clone());
        let masked = format!("{}{}{}", &digits[..3], "*".repeat(digits.len() - 5), &digits[digits.len() - 2..]);
        Some(self.hit(Kind::Id, g, masked))
    }

    /// The number at `i` is introduced as a tax code, a hotline or a fax number (the words come
    /// shortly before it on the same line, with no other number in between).
    fn org_number(&self, i: usize) -> bool {
        let before = self.before(i, 28);
        ORG_NUMBER.iter().any(|w| before.rfind(w).is_some_and(|p| !before[p + w.len()..].chars().any(|c| c.is_ascii_digit())))
    }

    // --- E-mail addresses ---------------------------------------------------------------------

    fn emails(&self, out: &mut Vec<Hit>) {
        let local_char = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
        let domain_char = |c: char| c.is_ascii_alphanumeric() || ".-".contains(c);
        for at in 0..self.len() {
            if self.ch(at) != Some('@') {
                continue;
            }
            let mut s = at;
            while s > 0 && self.ch(s - 1).is_some_and(local_char) {
                s -= 1;
            }
            while s < at && self.ch(s) == Some('.') {
                s += 1;
            }
            let mut e = at + 1;
            while self.ch(e).is_some_and(domain_char) {
                e += 1;
            }
            while e > at + 1 && matches!(self.ch(e - 1), Some('.' | '-')) {
                e -= 1;
            }
            if s == at || e == at + 1 {
                continue;
            }
            let domain = self.slice(at + 1..e);
            let labels: Vec<&str> = domain.split('.').collect();
            let tld = labels.last().copied().unwrap_or("");
            if labels.len() < 2 || labels.iter().any(|l| l.is_empty()) || tld.len() < 2 || !tld.chars().all(|c| c.is_ascii_alphabetic()) {
                continue;
            }
            let local = self.slice(s..at);
            let shown: String = local.chars().take(if local.chars().count() > 3 { 2 } else { 1 }).collect();
            out.push(self.hit(Kind::Email, s..e, format!("{shown}***@{domain}")));
        }
    }

    // --- Words: dates of birth and "đồng chí <Họ Tên>" ----------------------------------------

    fn words(&self) -> Vec<Word> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.len() {
            if self.ch(i).is_some_and(|c| c.is_alphabetic()) {
                let s = i;
                while self.ch(i).is_some_and(is_letter) {
                    i += 1;
                }
                out.push(Word { start: s, end: i });
            } else {
                i += 1;
            }
        }
        out
    }

    fn word(&self, w: Word) -> &'a str {
        self.slice(w.start..w.end)
    }

    /// Only white space between two consecutive words.
    fn spaced(&self, a: Word, b: Word) -> bool {
        b.start > a.end && (a.end..b.start).all(|i| self.ch(i).is_some_and(char::is_whitespace))
    }

    /// "sinh ngày 12/3/1985", "ngày sinh: 12-03-1985", "sinh năm 1985", "năm sinh 1985",
    /// "sinh ngày 12 tháng 3 năm 1985"; not "học sinh năm 2024", "135 năm Ngày sinh Chủ tịch Hồ
    /// Chí Minh", "đảng viên sinh năm 1990 trở về sau", nor a day without its year ("19/5").
    fn births(&self, words: &[Word], out: &mut Vec<Hit>) {
        for k in 0..words.len().saturating_sub(1) {
            let (a, b) = (words[k], words[k + 1]);
            if !self.spaced(a, b) {
                continue;
            }
            let (wa, wb) = (self.word(a), self.word(b));
            let sinh_first = word_is(wa, "sinh") && (word_is(wb, "ngày") || word_is(wb, "năm"));
            let sinh_second = (word_is(wa, "ngày") || word_is(wa, "năm")) && word_is(wb, "sinh");
            if !sinh_first && !sinh_second {
                continue;
            }
            if let Some(&p) = k.checked_sub(1).map(|j| &words[j]) {
                if self.spaced(p, a) {
                    let wp = self.word(p);
                    if (sinh_first && word_in(wp, &SINH_COMPOUNDS)) || (sinh_second && word_in(wp, &ANNIVERSARY)) {
                        continue;
                    }
                }
            }
            let mut i = b.end;
            let mut skipped = 0;
            while skipped < 6 && self.ch(i).is_some_and(|c| c.is_whitespace() || ":,(-–".contains(c)) {
                i += 1;
                skipped += 1;
            }
            let Some(end) = self.date(i) else { continue };
            if self.year_range(end) {
                continue;
            }
            let masked = format!("{} {}", self.slice(a.start..b.end), mask_date(self.slice(i..end)));
            out.push(self.hit(Kind::Birth, a.start..end, masked));
        }
    }

    /// A date with its year, or a year alone, at `i`: the end of it.
    fn date(&self, i: usize) -> Option<usize> {
        let number = |i: usize, min: usize, max: usize, lo: u32, hi: u32| -> Option<usize> {
            let e = self.digits_end(i);
            let n: u32 = self.slice(i..e).parse().ok()?;
            (e - i >= min && e - i <= max && (lo..=hi).contains(&n)).then_some(e)
        };
        let year = |i: usize| number(i, 4, 4, 1900, 2100).filter(|&e| !self.alnum(e));
        // A year alone ("sinh năm 1985").
        if let Some(e) = year(i) {
            return Some(e);
        }
        let day = number(i, 1, 2, 1, 31)?;
        // 12/3/1985, 12-03-1985, 12.03.1985
        if let Some(sep) = self.ch(day).filter(|c| "/.-".contains(*c)) {
            let month = number(day + 1, 1, 2, 1, 12)?;
            return (self.ch(month) == Some(sep)).then(|| year(month + 1)).flatten();
        }
        // 12 tháng 3 năm 1985, 12 tháng 3, 1985
        let mut j = day;
        let skip_space = |mut j: usize| {
            while self.ch(j).is_some_and(|c| c == ' ' || c == ',') {
                j += 1;
            }
            j
        };
        j = skip_space(j);
        let w = self.words_at(j)?;
        if !word_is(self.word(w), "tháng") {
            return None;
        }
        j = number(skip_space(w.end), 1, 2, 1, 12)?;
        j = skip_space(j);
        if let Some(w) = self.words_at(j) {
            if !word_is(self.word(w), "năm") {
                return None;
            }
            j = skip_space(w.end);
        }
        year(j)
    }

    fn words_at(&self, i: usize) -> Option<Word> {
        if !self.ch(i).is_some_and(|c| c.is_alphabetic()) {
            return None;
        }
        let mut e = i;
        while self.ch(e).is_some_and(is_letter) {
            e += 1;
        }
        Some(Word { start: i, end: e })
    }

    /// After a year: "… trở về sau", "… đến 2000", "1990 - 2000": years of a group, not a birth.
    fn year_range(&self, end: usize) -> bool {
        if word_in(&self.next_word(end), &RANGE_WORDS) {
            return true;
        }
        let mut j = end;
        while self.ch(j) == Some(' ') {
            j += 1;
        }
        if matches!(self.ch(j), Some('-' | '–')) {
            j += 1;
            while self.ch(j) == Some(' ') {
                j += 1;
            }
            return self.digit(j);
        }
        false
    }

    /// "đồng chí Nguyễn Văn An", "Đ/c Lê Thị Hoa": two to four capitalized words after the form
    /// of address. Not a title ("đồng chí Bí thư", "đồng chí Ủy viên Ban Thường vụ"), not a
    /// lowercase word ("đồng chí đã"), not one word alone ("đồng chí Hùng" is too little to flag).
    fn comrades(&self, words: &[Word], out: &mut Vec<Hit>) {
        for k in 0..words.len().saturating_sub(1) {
            let (a, b) = (words[k], words[k + 1]);
            let (wa, wb) = (self.word(a), self.word(b));
            let spelled = word_is(wa, "đồng") && word_is(wb, "chí") && self.spaced(a, b);
            let short = word_is(wa, "đ") && word_is(wb, "c") && b.start == a.end + 1 && self.ch(a.end) == Some('/');
            if !spelled && !short {
                continue;
            }
            let mut last = b;
            let mut count = 0;
            for &w in &words[k + 2..] {
                if count == 4 || !self.spaced(last, w) || !capitalized(self.word(w)) || word_in(self.word(w), &TITLES) {
                    break;
                }
                last = w;
                count += 1;
            }
            if count >= 2 {
                let name: Vec<String> =
                    words[k + 2..k + 2 + count].iter().map(|&w| format!("{}***", self.word(w).chars().next().unwrap_or('?'))).collect();
                let masked = format!("{} {}", self.slice(a.start..b.end), name.join(" "));
                out.push(self.hit(Kind::Comrade, a.start..last.end, masked));
            }
        }
    }
}

/// "Nguyễn", "A", "NGUYỄN": an initial capital, the rest lowercase or all capitals.
fn capitalized(word: &str) -> bool {
    let mut chars = word.chars().filter(|c| !is_mark(*c));
    let Some(first) = chars.next() else { return false };
    let rest: Vec<char> = chars.collect();
    first.is_uppercase() && (rest.iter().all(|c| !c.is_uppercase()) || rest.iter().all(|c| c.is_uppercase()))
}

/// "0912 345 678" → "0912***678"; "+84 912 345 678" → "+84912***678".
fn mask_phone(s: &str) -> String {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let (prefix, digits) = if s.starts_with('+') { ("+", digits.as_str()) } else { ("", digits.as_str()) };
    let head = if prefix.is_empty() { 4 } else { 5 };
    format!("{prefix}{}***{}", &digits[..head], &digits[digits.len() - 3..])
}

/// Every digit hidden but the century of the year: "12/03/1985" → "**/**/19**".
fn mask_date(s: &str) -> String {
    let year_start = s.len() - 4;
    s.char_indices().map(|(i, c)| if c.is_ascii_digit() && !(year_start..year_start + 2).contains(&i) { '*' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str, names: bool) -> Vec<(Kind, &str)> {
        scan(text, names).into_iter().map(|h| (h.kind, &text[h.range])).collect()
    }

    fn masked(text: &str) -> Vec<String> {
        scan(text, true).into_iter().map(|h| h.masked).collect()
    }

    fn none(text: &str) {
        assert_eq!(kinds(text, true), vec![], "{text}");
    }

    #[test]
    fn id_numbers_of_9_and_12_digits() {
        assert_eq!(kinds("CCCD số 001234567890 cấp ngày 01/01/2021", false), vec![(Kind::Id, "001234567890")]);
        assert_eq!(kinds("CMND: 123456789.", false), vec![(Kind::Id, "123456789")]);
        assert_eq!(kinds("(001234567890)", false), vec![(Kind::Id, "001234567890")]);
        assert_eq!(masked("số 001234567890"), vec!["001*******90"]);
        assert_eq!(masked("số 123456789"), vec!["123****89"]);
    }

    #[test]
    fn id_numbers_not_in_longer_runs_numbers_or_codes() {
        none("mã 0012345678901 (13 chữ số)");
        none("12345678 hoặc 1234567890123");
        none("tổng 1.250.000 đồng, 1.250.000.000 đồng, 125.000.000 đồng");
        none("kinh phí 125000000 đồng, 125000000đ, 123456789012 VNĐ");
        none("số 123456789,5 và 123456789.25 và 9,123456789");
        none("CQ123456789 và 123456789ABC");
        none("Công văn số 431-CV/ĐUK ngày 26/10/2021 theo Quy định 124-QĐ/TW");
        none("năm 2021, 2022-2025, kết nạp 265 đảng viên, đạt 66,1% chỉ tiêu");
        none("Mã số thuế: 0101234567 và MST 4000123456");
    }

    #[test]
    fn phone_numbers() {
        assert_eq!(kinds("gọi 0912345678 nhé", false), vec![(Kind::Phone, "0912345678")]);
        assert_eq!(kinds("ĐT: 0912 345 678.", false), vec![(Kind::Phone, "0912 345 678")]);
        assert_eq!(kinds("ĐT: 0912.345.678", false), vec![(Kind::Phone, "0912.345.678")]);
        assert_eq!(kinds("ĐT: 091-234-5678", false), vec![(Kind::Phone, "091-234-5678")]);
        assert_eq!(kinds("máy bàn 0236 3822 123", false), vec![(Kind::Phone, "0236 3822 123")]);
        assert_eq!(kinds("máy bàn 02363822123", false), vec![(Kind::Phone, "02363822123")]);
        assert_eq!(kinds("cũ: 04 3825 1234", false), vec![(Kind::Phone, "04 3825 1234")]);
        assert_eq!(kinds("liên hệ +84912345678", false), vec![(Kind::Phone, "+84912345678")]);
        assert_eq!(kinds("liên hệ +84 912 345 678", false), vec![(Kind::Phone, "+84 912 345 678")]);
        assert_eq!(kinds("(+84) 912.345.678", false), vec![(Kind::Phone, "+84) 912.345.678")]);
        assert_eq!(masked("0912 345 678"), vec!["0912***678"]);
        assert_eq!(masked("+84 912 345 678"), vec!["+84912***678"]);
    }

    #[test]
    fn phone_numbers_not_lists_dates_or_office_lines() {
        none("kết nạp các tháng: 03 04 05 06 07 08");
        none("ngày 09.10.2021 và 26/10/2021, từ 2021-2025");
        none("0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0");
        none("số 1234567890 và 09123456789 và 0000000000");
        none("Đường dây nóng: 0236.3822.123; Fax: 0236 3822 124; hotline 1900 1234");
        none("tài khoản 0912345678abc");
        none("+84 123");
    }

    #[test]
    fn email_addresses() {
        assert_eq!(kinds("thư: nguyen.van.an@gmail.com.", false), vec![(Kind::Email, "nguyen.van.an@gmail.com")]);
        assert_eq!(kinds("<an_nv@dangbo.binhan.gov.vn>", false), vec![(Kind::Email, "an_nv@dangbo.binhan.gov.vn")]);
        assert_eq!(masked("nguyen.van.an@gmail.com"), vec!["ng***@gmail.com"]);
        assert_eq!(masked("an@x.vn"), vec!["a***@x.vn"]);
        none("a@b, @dangbo, ai@localhost, x@y.1, @ĐUK");
    }

    #[test]
    fn dates_of_birth() {
        assert_eq!(kinds("Nguyễn Văn A, sinh ngày 12/3/1985, quê", false), vec![(Kind::Birth, "sinh ngày 12/3/1985")]);
        assert_eq!(kinds("ngày sinh: 12-03-1985", false), vec![(Kind::Birth, "ngày sinh: 12-03-1985")]);
        assert_eq!(kinds("Ngày sinh 01.01.1990", false), vec![(Kind::Birth, "Ngày sinh 01.01.1990")]);
        assert_eq!(kinds("chị B sinh năm 1990.", false), vec![(Kind::Birth, "sinh năm 1990")]);
        assert_eq!(kinds("năm sinh (1978)", false), vec![(Kind::Birth, "năm sinh (1978")]);
        assert_eq!(kinds("sinh ngày 12 tháng 3 năm 1985", false), vec![(Kind::Birth, "sinh ngày 12 tháng 3 năm 1985")]);
        assert_eq!(masked("sinh ngày 12/03/1985"), vec!["sinh ngày **/**/19**"]);
        assert_eq!(masked("sinh năm 1990"), vec!["sinh năm 19**"]);
    }

    #[test]
    fn dates_of_birth_not_anniversaries_groups_or_other_words() {
        none("dịp kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2025)");
        none("kỷ niệm ngày sinh 19/5/1890 của Bác; mừng ngày sinh 19/5");
        none("trao học bổng cho học sinh năm 2024; chi phí phát sinh năm 2024");
        none("đảng viên sinh năm 1990 trở về sau; sinh năm 1990 - 2000; sinh năm 1975 đến 1980");
        none("Ngày sinh hoạt chi bộ 15/3/2024; sinh hoạt ngày 26/10/2021");
        none("sinh ngày 19/5; sinh năm 1850; sinh ngày 32/13/1985");
        none("sinh ngày hôm qua 12/3/1985");
    }

    #[test]
    fn comrade_with_a_name_in_data_files_only() {
        let text = "Đồng chí Nguyễn Văn An chuyển sinh hoạt đi.";
        assert_eq!(kinds(text, true), vec![(Kind::Comrade, "Đồng chí Nguyễn Văn An")]);
        assert_eq!(kinds(text, false), vec![]);
        assert_eq!(kinds("đ/c Lê Thị Hoa xin ra", true), vec![(Kind::Comrade, "đ/c Lê Thị Hoa")]);
        assert_eq!(kinds("ĐỒNG CHÍ TRẦN VĂN BA", true), vec![(Kind::Comrade, "ĐỒNG CHÍ TRẦN VĂN BA")]);
        assert_eq!(kinds("đồng chí Thu Hà", true), vec![(Kind::Comrade, "đồng chí Thu Hà")]);
        assert_eq!(kinds("đồng chí Nguyễn Văn An Bí thư chi bộ", true), vec![(Kind::Comrade, "đồng chí Nguyễn Văn An")]);
        assert_eq!(kinds("đồng chí Chu Văn An", true), vec![(Kind::Comrade, "đồng chí Chu Văn An")]);
        assert_eq!(kinds("đồng chí Nguyễn Văn Anh Tuấn Minh", true), vec![(Kind::Comrade, "đồng chí Nguyễn Văn Anh Tuấn")]);
        assert_eq!(masked("đồng chí Nguyễn Văn An"), vec!["đồng chí N*** V*** A***"]);
        // Decomposed text (combining marks), as some editors paste it.
        let nfd = "đo\u{302}\u{300}ng chi\u{301} Nguye\u{302}\u{303}n Va\u{306}n An";
        assert_eq!(kinds(nfd, true), vec![(Kind::Comrade, nfd)]);
        assert_eq!(compose("đo\u{300}\u{302}ng nguye\u{302}\u{303}n u\u{31b}\u{309}"), "đồng nguyễn ử");
        none("đo\u{302}\u{300}ng chi\u{301} Bi\u{301} thư");
    }

    #[test]
    fn comrade_with_a_title_or_lowercase_words_is_not_a_name() {
        none("Các đồng chí Ủy viên Ban Chấp hành Đảng bộ Khối; đồng chí Uỷ viên Ban Thường vụ");
        none("đồng chí Bí thư Đảng ủy; đồng chí Phó Bí thư Thường trực; đồng chí Chủ tịch Công đoàn");
        none("Đồng chí nhấn mạnh: hoàn thành; các đồng chí và cấp ủy; đồng chí Hùng; đồng chí. Trong");
        none("đồng chí Trưởng ban Tổ chức; đồng chí Giám đốc Công ty; đồng chí Tổng Bí thư");
        none("đồng chí, Nguyễn Văn An");
    }

    #[test]
    fn hits_are_ordered_and_do_not_overlap() {
        let text = "ĐT 0912345678, CCCD 001234567890, thư a.b@c.vn, sinh năm 1980";
        let k: Vec<Kind> = scan(text, true).into_iter().map(|h| h.kind).collect();
        assert_eq!(k, vec![Kind::Phone, Kind::Id, Kind::Email, Kind::Birth]);
    }

    #[test]
    fn long_and_adversarial_text_is_scanned_in_one_pass() {
        let text = "0 1 22 333 a@b@c. đồng chí Á Á Á Á Á sinh năm sinh ngày +84 ".repeat(20_000);
        let hits = scan(&text, true);
        assert!(hits.iter().all(|h| h.kind == Kind::Comrade));
        let digits = "9".repeat(1_000_000);
        assert_eq!(scan(&digits, true), vec![]);
    }

    #[test]
    fn locator_finds_each_hit_in_the_raw_value_and_falls_back_to_the_value() {
        let text = "nam = 2024\nghi_chu = \"gọi 0912345678 hoặc 0912345678\"\n";
        let start = text.find("ghi_chu").unwrap();
        let mut l = Locator::new(text, Some(start..text.len() - 1));
        let a = l.find("0912345678").unwrap();
        let b = l.find("0912345678").unwrap();
        assert_eq!(&text[a.clone()], "0912345678");
        assert!(b.start > a.end);
        assert_eq!(l.find("không có"), Some(start..text.len() - 1));
        assert_eq!(Locator::new(text, None).find("x"), None);
    }

    #[test]
    fn body_starts_after_the_closing_line() {
        let text = "+++\ntieu_de = \"x\"\n+++\n\nNội dung";
        assert_eq!(&text[body_start(text).unwrap()..], "\n\nNội dung");
        let crlf = "+++\r\ntieu_de = \"x\"\r\n+++\r\nND";
        assert_eq!(&crlf[body_start(crlf).unwrap()..], "\r\nND");
        assert_eq!(body_start("không có"), None);
    }
}
