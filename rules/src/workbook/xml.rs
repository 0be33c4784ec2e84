//! Just enough XML for the parts of a workbook: start, end and empty tags with their attributes,
//! and text with its entities. Namespace prefixes are dropped (`x:c` is `c`); a document type
//! declaration is refused, so no entity can expand.

use std::borrow::Cow;

#[derive(Debug, PartialEq)]
pub enum Token<'a> {
    /// `<name …>`, or `<name …/>` when `empty`.
    Open {
        name: &'a str,
        attrs: &'a str,
        empty: bool,
    },
    Close {
        name: &'a str,
    },
    Text(Cow<'a, str>),
}

/// The tokens of `text`, in order.
pub struct Tokens<'a> {
    rest: &'a str,
}

pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens { rest: text.strip_prefix('\u{feff}').unwrap_or(text) }
}

/// `x:name` → `name`.
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Result<Token<'a>, String>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            if !self.rest.starts_with('<') {
                let end = self.rest.find('<').unwrap_or(self.rest.len());
                let (text, rest) = self.rest.split_at(end);
                self.rest = rest;
                return Some(unescape(text).map(Token::Text));
            }
            let skip = |rest: &mut &'a str, open: &str, close: &str| -> Option<Result<&'a str, String>> {
                let body = rest.strip_prefix(open)?;
                Some(match body.find(close) {
                    Some(at) => {
                        *rest = &body[at + close.len()..];
                        Ok(&body[..at])
                    }
                    None => Err(format!("XML thiếu “{close}”")),
                })
            };
            if let Some(r) = skip(&mut self.rest, "<?", "?>").or_else(|| skip(&mut self.rest, "<!--", "-->")) {
                if let Err(e) = r {
                    return Some(Err(e));
                }
                continue;
            }
            if let Some(r) = skip(&mut self.rest, "<![CDATA[", "]]>") {
                return Some(r.map(|t| Token::Text(Cow::Borrowed(t))));
            }
            if self.rest.starts_with("<!") {
                return Some(Err("XML có khai báo DOCTYPE, sổ tính Excel không có".into()));
            }
            let Some(end) = tag_end(self.rest) else { return Some(Err("XML có thẻ không đóng".into())) };
            let tag = &self.rest[1..end];
            self.rest = &self.rest[end + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                return Some(Ok(Token::Close { name: local(name.trim()) }));
            }
            let (tag, empty) = match tag.strip_suffix('/') {
                Some(t) => (t, true),
                None => (tag, false),
            };
            let split = tag.find(|c: char| c.is_ascii_whitespace()).unwrap_or(tag.len());
            return Some(Ok(Token::Open { name: local(&tag[..split]), attrs: &tag[split..], empty }));
        }
    }
}

/// The index of the `>` closing the tag at the start of `s`, past quoted attribute values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// The value of attribute `key` (its local name) in a tag's `attrs`.
pub fn attr<'a>(attrs: &'a str, key: &str) -> Option<Cow<'a, str>> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start();
        let eq = rest.find('=')?;
        let name = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let q = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let close = after[1..].find(q)? + 1;
        if local(name) == key {
            return unescape(&after[1..close]).ok();
        }
        rest = &after[close + 1..];
    }
}

/// Text with `&amp;`, `&lt;`, `&#233;` … replaced.
pub fn unescape(s: &str) -> Result<Cow<'_, str>, String> {
    if !s.contains('&') {
        return Ok(Cow::Borrowed(s));
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after.find(';').filter(|&e| e <= 10).ok_or("XML có “&” không hợp lệ")?;
        let name = &after[..end];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let n = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => name.strip_prefix('#').and_then(|d| d.parse().ok()),
                };
                n.and_then(char::from_u32).ok_or_else(|| format!("XML có thực thể “&{name};” không hợp lệ"))?
            }
        };
        out.push(c);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_attributes_and_text() {
        let xml = "\u{feff}<?xml version=\"1.0\"?><!-- c --><x:row r=\"3\" hidden='1'><c r=\"B3\" t=\"s\"><v>1&amp;2 &#233;&#x1EA1;</v></c><f/><![CDATA[<a>]]></x:row>";
        let got: Vec<Token> = tokens(xml).collect::<Result<_, _>>().unwrap();
        assert_eq!(got[0], Token::Open { name: "row", attrs: " r=\"3\" hidden='1'", empty: false });
        assert_eq!(attr(" r=\"3\" hidden='1'", "hidden").as_deref(), Some("1"));
        assert_eq!(attr(" r:id=\"rId1\" name=\"A &amp; B\"", "id").as_deref(), Some("rId1"));
        assert_eq!(attr(" r:id=\"rId1\" name=\"A &amp; B\"", "name").as_deref(), Some("A & B"));
        assert_eq!(attr(" a=\"1\"", "b"), None);
        assert_eq!(got[2], Token::Open { name: "v", attrs: "", empty: false });
        assert_eq!(got[3], Token::Text(Cow::Owned("1&2 éạ".into())));
        assert_eq!(got[6], Token::Open { name: "f", attrs: "", empty: true });
        assert_eq!(got[7], Token::Text(Cow::Borrowed("<a>")));
        assert_eq!(got[8], Token::Close { name: "row" });
    }

    #[test]
    fn hostile_xml_is_an_error_not_a_panic() {
        for bad in ["<a", "<!DOCTYPE x [<!ENTITY e \"x\">]><a>&e;</a>", "<a>&bogus;</a>", "<a>&#xD800;</a>", "<!-- x", "<a b=\"1>", "&"] {
            assert!(tokens(bad).any(|t| t.is_err()), "{bad}");
        }
        assert_eq!(attr(" a=1 b=\"2\"", "b"), None);
    }
}
