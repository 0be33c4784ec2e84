//! Site search over documents, news and organizations: the index that `site` builds and embeds
//! in `/tim-kiem/`, and the ranking that the app runs in the browser on every keystroke.
//!
//! Why our own index and not a library such as Pagefind: the folding must be exactly
//! [`fold`](crate::format::fold) on both sides — `đ` → `d`, decomposed marks dropped, lowercase —
//! so that "dang uy" finds "Đảng ủy" and "đảng" finds "dang". Pagefind's stemming does not fold
//! `đ`: U+0111 is a letter of its own with no canonical decomposition, so stripping marks after
//! NFD leaves it, and "dang" would miss every "Đảng". Working around that by pre-folding the text
//! we give it would fold its result titles and excerpts too. The wasm app is already loaded on
//! every page, so here search is one more component of it (about 14 KB of gzipped wasm when it
//! was added), with no second runtime and no index fetched in pieces, and the site and the
//! browser share one tokenizer, one index type and one ranking, tested once below.
//!
//! The index is small on purpose: for each entry the display title, URL, kind, a short snippet,
//! and the folded words of the title and of the body. Body words are kept once each (matching is
//! on presence, not frequency), words already in the title are left out, and the body is capped
//! at [`BODY_CAP`] folded characters, so no raw body is shipped twice.
//!
//! Matching: every query term must be a prefix of some folded word of the entry (title or body).
//! Ranking: more terms found in the title first; ties by folded title, then title, then URL, so
//! the order is stable and the same on both sides.

use crate::format::fold;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Most folded characters of body words kept per entry.
pub const BODY_CAP: usize = 2000;
/// Longest snippet shown under a result, in characters (before the ellipsis).
pub const SNIPPET_CHARS: usize = 160;

/// What an entry is; the order is the order of the groups on the page. A number in the JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Document,
    News,
    Organization,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Document, Kind::News, Kind::Organization];

    /// The label shown beside a result and as the heading of its group.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Document => "Văn bản",
            Kind::News => "Tin tức",
            Kind::Organization => "Đơn vị",
        }
    }
}

impl Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(*self as u8)
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Kind, D::Error> {
        Kind::ALL.get(usize::from(u8::deserialize(d)?)).copied().ok_or_else(|| serde::de::Error::custom("unknown kind"))
    }
}

/// One searchable page. In the JSON an array `[kind, title, url, snippet, title words, body
/// words]`: no repeated keys in the page, and less decoding code in the wasm app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    /// Display title, as written.
    pub title: String,
    /// Site path of the page, e.g. `/van-ban/<slug>/`.
    pub url: String,
    /// Display text under the title, at most [`SNIPPET_CHARS`] characters and an ellipsis.
    pub snippet: String,
    /// Folded words of the title, in order, separated by single spaces.
    pub title_words: String,
    /// Folded words of the body not in the title, each once, in order of first use, separated by
    /// single spaces, at most [`BODY_CAP`] characters.
    pub body_words: String,
}

type EntryJson = (Kind, String, String, String, String, String);

impl Serialize for Entry {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (self.kind, &self.title, &self.url, &self.snippet, &self.title_words, &self.body_words).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Entry, D::Error> {
        let (kind, title, url, snippet, title_words, body_words) = EntryJson::deserialize(d)?;
        Ok(Entry { kind, title, url, snippet, title_words, body_words })
    }
}

impl Entry {
    /// Builds an entry: folds and tokenizes `title` and `body`, shortens `snippet`.
    pub fn new(kind: Kind, title: &str, url: &str, snippet: &str, body: &str) -> Entry {
        let title_tokens = words(title);
        let mut seen: BTreeSet<String> = title_tokens.iter().cloned().collect();
        let mut body_words = String::new();
        for w in words(body) {
            if seen.contains(&w) {
                continue;
            }
            if body_words.len() + 1 + w.len() > BODY_CAP {
                break;
            }
            if !body_words.is_empty() {
                body_words.push(' ');
            }
            body_words.push_str(&w);
            seen.insert(w);
        }
        Entry {
            kind,
            title: title.trim().to_string(),
            url: url.to_string(),
            snippet: snippet_of(snippet),
            title_words: title_tokens.join(" "),
            body_words,
        }
    }

    /// How many of `terms` the title holds, or `None` when some term is in neither title nor body.
    fn title_hits(&self, terms: &[String]) -> Option<usize> {
        let mut hits = 0;
        for term in terms {
            let prefix_of = |w: &str| w.starts_with(term.as_str());
            if self.title_words.split(' ').any(prefix_of) {
                hits += 1;
            } else if !self.body_words.split(' ').any(prefix_of) {
                return None;
            }
        }
        Some(hits)
    }
}

/// Every searchable page of the site, in page order (documents, news, organizations).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SearchIndex {
    pub entries: Vec<Entry>,
}

impl SearchIndex {
    pub fn new(entries: Vec<Entry>) -> SearchIndex {
        SearchIndex { entries }
    }

    /// Positions in `entries` of the matches of `query`, best first. Empty for an empty query.
    pub fn ranked(&self, query: &str) -> Vec<usize> {
        let terms = query_terms(query);
        if terms.is_empty() {
            return Vec::new();
        }
        // Insertion into a sorted list: a few hundred entries at most, and far less code in the
        // wasm app than a general sort. Ties keep the comparison total (URLs are unique).
        let mut hits: Vec<(usize, usize)> = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            let Some(h) = e.title_hits(&terms) else { continue };
            let at = hits.partition_point(|&(j, hj)| {
                let f = &self.entries[j];
                hj.cmp(&h)
                    .reverse()
                    .then_with(|| f.title_words.cmp(&e.title_words))
                    .then_with(|| f.title.cmp(&e.title))
                    .then_with(|| f.url.cmp(&e.url))
                    .is_le()
            });
            hits.insert(at, (i, h));
        }
        hits.into_iter().map(|(i, _)| i).collect()
    }

    /// The matches of `query`, best first.
    pub fn search(&self, query: &str) -> Vec<&Entry> {
        self.ranked(query).into_iter().map(|i| &self.entries[i]).collect()
    }
}

/// Folded words of `text`: letters and ASCII digits, split at everything else
/// ("70-KH/ĐUK" → 70, kh, duk).
pub fn words(text: &str) -> Vec<String> {
    // Folded Vietnamese is ASCII; splitting on anything else also drops “”–… without Unicode's
    // letter tables in the wasm app.
    fold(text).split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// The distinct folded terms of a query, in order.
pub fn query_terms(query: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for w in words(query) {
        if !terms.contains(&w) {
            terms.push(w);
        }
    }
    terms
}

/// Whitespace collapsed; cut at a word boundary with "…" when longer than [`SNIPPET_CHARS`].
fn snippet_of(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= SNIPPET_CHARS {
        return text;
    }
    let cut: String = text.chars().take(SNIPPET_CHARS).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > SNIPPET_CHARS / 2 => &cut[..i],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> SearchIndex {
        SearchIndex::new(vec![
            Entry::new(Kind::Organization, "Đảng ủy Khối", "/don-vi/duk/", "Đảng bộ cấp trên cơ sở", "DUK Đảng bộ cơ sở Cơ quan"),
            Entry::new(
                Kind::Document,
                "Kế hoạch 70-KH/ĐUK phát triển đảng viên năm 2021",
                "/van-ban/70-kh/",
                "Căn cứ Điều lệ Đảng …",
                "Căn cứ Điều lệ Đảng; Ban Thường vụ Đảng ủy Khối xây dựng Kế hoạch phát triển đảng viên.",
            ),
            Entry::new(Kind::News, "Hội nghị tổng kết năm 2024", "/tin-tuc/tong-ket/", "Tổng kết", "Chi bộ dang trien khai nhiem vu"),
            Entry::new(Kind::Organization, "Chi bộ Sở Ngoại vụ", "/don-vi/cq09/", "Chi bộ cơ sở", "CQ09 Chi bộ cơ sở Cơ quan"),
        ])
    }

    fn titles(index: &SearchIndex, query: &str) -> Vec<String> {
        index.search(query).into_iter().map(|e| e.title.clone()).collect()
    }

    #[test]
    fn folded_query_finds_marked_text_in_any_case() {
        let idx = index();
        assert!(titles(&idx, "dang uy").contains(&"Đảng ủy Khối".to_string()));
        assert!(titles(&idx, "DANG UY").contains(&"Đảng ủy Khối".to_string()));
        assert!(titles(&idx, "Đảng ủy").contains(&"Đảng ủy Khối".to_string()));
        // Decomposed input (marks as combining characters) folds the same way.
        assert!(titles(&idx, "Đa\u{309}ng u\u{309}y").contains(&"Đảng ủy Khối".to_string()));
    }

    #[test]
    fn marked_query_finds_unmarked_text() {
        // The news body is written without marks: "đảng" still finds "dang".
        assert!(titles(&index(), "đảng").contains(&"Hội nghị tổng kết năm 2024".to_string()));
    }

    #[test]
    fn number_and_symbol_split_into_words() {
        assert_eq!(titles(&index(), "ke hoach 70"), vec!["Kế hoạch 70-KH/ĐUK phát triển đảng viên năm 2021"]);
        assert_eq!(titles(&index(), "70-kh/đuk"), vec!["Kế hoạch 70-KH/ĐUK phát triển đảng viên năm 2021"]);
    }

    #[test]
    fn every_term_must_match() {
        let idx = index();
        assert_eq!(titles(&idx, "chi bo ngoai vu"), vec!["Chi bộ Sở Ngoại vụ"]);
        assert!(titles(&idx, "ngoai vu ke hoach").is_empty());
        // "chi bộ" alone is in two entries; with "trien" only the news body has both.
        assert_eq!(titles(&idx, "chi bo trien"), vec!["Hội nghị tổng kết năm 2024"]);
    }

    #[test]
    fn terms_match_word_prefixes_only() {
        let idx = index();
        assert_eq!(titles(&idx, "phat trien dang"), vec!["Kế hoạch 70-KH/ĐUK phát triển đảng viên năm 2021"]);
        assert_eq!(titles(&idx, "phat tri dan vi"), vec!["Kế hoạch 70-KH/ĐUK phát triển đảng viên năm 2021"]);
        // Inside a word is not a match: "oach" is not the start of "hoach".
        assert!(titles(&idx, "oach").is_empty());
    }

    #[test]
    fn title_hits_rank_above_body_hits_then_title_then_url() {
        let idx = index();
        // Three hold "dang"/"đảng"; the two with it in the title come first, by folded title.
        let hits = titles(&idx, "dang");
        assert_eq!(hits[..2], ["Đảng ủy Khối".to_string(), "Kế hoạch 70-KH/ĐUK phát triển đảng viên năm 2021".to_string()]);
        assert_eq!(hits[2..], ["Hội nghị tổng kết năm 2024".to_string()]);
        // More terms in the title beat fewer.
        let idx = SearchIndex::new(vec![
            Entry::new(Kind::News, "Kết nạp", "/b/", "", "đảng viên"),
            Entry::new(Kind::News, "Kết nạp đảng viên", "/c/", "", ""),
            Entry::new(Kind::News, "Kết nạp đảng", "/a/", "", "viên"),
        ]);
        assert_eq!(titles(&idx, "ket nap dang vien"), vec!["Kết nạp đảng viên", "Kết nạp đảng", "Kết nạp"]);
        // Equal titles: by URL, whatever the input order.
        let same = SearchIndex::new(vec![Entry::new(Kind::News, "Tin", "/z/", "", ""), Entry::new(Kind::News, "Tin", "/a/", "", "")]);
        let urls: Vec<_> = same.search("tin").into_iter().map(|e| e.url.as_str()).collect();
        assert_eq!(urls, ["/a/", "/z/"]);
    }

    #[test]
    fn empty_or_blank_query_finds_nothing() {
        let idx = index();
        assert!(idx.search("").is_empty());
        assert!(idx.search("   ").is_empty());
        assert!(idx.search(" - / ").is_empty());
    }

    #[test]
    fn entries_stay_small() {
        let long = "Đảng viên mới ".repeat(500) + &(0..2000).map(|i| format!("tu{i} ")).collect::<String>();
        let e = Entry::new(Kind::News, "Đảng viên", "/x/", &long, &long);
        assert!(e.body_words.len() <= BODY_CAP);
        // Words of the title and repeats are kept once, in the title only.
        assert!(e.body_words.starts_with("moi tu0 tu1 "), "{}", &e.body_words[..40]);
        assert_eq!(e.title_words, "dang vien");
        assert!(e.snippet.chars().count() <= SNIPPET_CHARS + 1);
        assert!(e.snippet.ends_with('…'));
        let short = Entry::new(Kind::News, "  Tin  ", "/x/", " một\n  dòng ", "");
        assert_eq!((short.title.as_str(), short.snippet.as_str()), ("Tin", "một dòng"));
    }

    #[test]
    fn index_round_trips_through_json() {
        let idx = index();
        let json = serde_json::to_string(&idx).unwrap();
        assert!(json.starts_with(r#"[[2,"Đảng ủy Khối","/don-vi/duk/","#), "{json}");
        assert!(serde_json::from_str::<Kind>("3").is_err());
        assert_eq!(serde_json::from_str::<SearchIndex>(&json).unwrap(), idx);
    }
}
