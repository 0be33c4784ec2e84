//! Files for machines: `sitemap.xml` (every page), `robots.txt`, and Atom feeds of documents
//! and news. Dates come from the data, never the clock, so builds stay byte-identical.

use super::{Context, Files};
use app::model::{Document, NewsItem};
use app::routes;
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;

pub(super) fn add(ctx: &Context<'_>, files: &mut Files) {
    let base = ctx.data.site.base_url.trim_end_matches('/').to_string();
    let mut urls: Vec<String> = files
        .keys()
        .filter(|p| p.ends_with("index.html") && **p != routes::file_of(routes::OFFLINE))
        .map(|p| format!("{base}/{}", p.trim_end_matches("index.html")))
        .collect();
    urls.sort();
    files.insert(routes::file_of(routes::SITEMAP), sitemap(&urls));
    let robots = match ctx.audience {
        app::privacy::Audience::Public => format!("User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n"),
        app::privacy::Audience::Internal => "User-agent: *\nDisallow: /\n".to_string(),
    };
    files.insert("robots.txt".into(), robots.into_bytes());

    let docs: Vec<Entry> = ctx.data.documents.iter().map(|d| document_entry(&base, d)).collect();
    files.insert(
        routes::file_of(routes::DOCUMENTS_FEED),
        atom(&base, routes::DOCUMENTS, &format!("Văn bản — {}", ctx.data.site.title), &docs),
    );
    let news: Vec<Entry> = ctx.data.news.iter().map(|n| news_entry(&base, n)).collect();
    files.insert(routes::file_of(routes::NEWS_FEED), atom(&base, routes::NEWS, &format!("Tin tức — {}", ctx.data.site.title), &news));
    let changes: Vec<Entry> = ctx.history.updates.iter().map(|u| change_entry(&base, u)).collect();
    files.insert(
        routes::file_of(routes::CHANGES_FEED),
        atom(&base, routes::CHANGES, &format!("Thay đổi số liệu — {}", ctx.data.site.title), &changes),
    );
}

struct Entry {
    url: String,
    title: String,
    date: String,
    summary: String,
}

fn document_entry(base: &str, d: &Document) -> Entry {
    Entry {
        url: format!("{base}{}", routes::document(&d.slug)),
        title: format!("{} {}: {}", d.doc_type.name(), d.number_symbol, d.summary),
        date: d.issued.format("%Y-%m-%dT00:00:00Z").to_string(),
        summary: d.summary.clone(),
    }
}

fn news_entry(base: &str, n: &NewsItem) -> Entry {
    Entry {
        url: format!("{base}{}", routes::news_item(&n.slug)),
        title: n.title.clone(),
        date: n.date.format("%Y-%m-%dT00:00:00Z").to_string(),
        summary: n.summary.clone(),
    }
}

/// An update of the published figures: its first changes as the summary, the page for the rest.
fn change_entry(base: &str, u: &super::changes::Update) -> Entry {
    const SHOWN: usize = 5;
    let mut lines: Vec<String> = u.changes.iter().take(SHOWN).map(|c| c.sentence()).collect();
    let rest = u.changes.len().saturating_sub(SHOWN) + u.more;
    if rest > 0 {
        lines.push(format!("và {} thay đổi khác", app::format::int(rest as u64)));
    }
    Entry {
        url: format!("{base}{}#{}", routes::CHANGES, u.anchor()),
        title: u.title(),
        date: u.date.format("%Y-%m-%dT00:00:00Z").to_string(),
        summary: lines.join("; "),
    }
}

type Xml = Writer<Vec<u8>>;

fn document(body: impl FnOnce(&mut Xml) -> std::io::Result<()>) -> Vec<u8> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing into memory cannot fail: the results are io::Result only by the writer's type.
    let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    let _ = body(&mut w);
    let mut out = w.into_inner();
    out.push(b'\n');
    out
}

/// Text that XML 1.0 can carry: characters outside its `Char` production (control characters
/// other than tab and line breaks, U+FFFE, U+FFFF) would make the file ill-formed, so they go.
fn text(s: &str) -> BytesText<'_> {
    let allowed = |c: char| matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}');
    if s.chars().all(allowed) {
        BytesText::new(s)
    } else {
        BytesText::from_escaped(quick_xml::escape::escape(s.chars().filter(|&c| allowed(c)).collect::<String>()).into_owned())
    }
}

fn sitemap(urls: &[String]) -> Vec<u8> {
    document(|w| {
        w.create_element("urlset").with_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9")).write_inner_content(|w| {
            for url in urls {
                w.create_element("url").write_inner_content(|w| w.create_element("loc").write_text_content(text(url)).map(|_| ()))?;
            }
            Ok(())
        })?;
        Ok(())
    })
}

fn atom(base: &str, section: &str, title: &str, entries: &[Entry]) -> Vec<u8> {
    // `section` is a route: "/van-ban/".
    let updated = entries.iter().map(|e| e.date.as_str()).max().unwrap_or("2000-01-01T00:00:00Z");
    let home = format!("{base}{section}");
    let feed = format!("{base}{section}atom.xml");
    document(|w| {
        w.create_element("feed").with_attributes([("xmlns", "http://www.w3.org/2005/Atom"), ("xml:lang", "vi")]).write_inner_content(
            |w| {
                w.create_element("title").write_text_content(text(title))?;
                w.create_element("id").write_text_content(text(&home))?;
                w.create_element("link").with_attribute(("href", home.as_str())).write_empty()?;
                w.create_element("link").with_attributes([("rel", "self"), ("href", feed.as_str())]).write_empty()?;
                w.create_element("updated").write_text_content(text(updated))?;
                for e in entries {
                    w.create_element("entry").write_inner_content(|w| {
                        w.create_element("title").write_text_content(text(&e.title))?;
                        w.create_element("id").write_text_content(text(&e.url))?;
                        w.create_element("link").with_attribute(("href", e.url.as_str())).write_empty()?;
                        w.create_element("updated").write_text_content(text(&e.date))?;
                        w.create_element("summary").write_text_content(text(&e.summary))?;
                        Ok(())
                    })?;
                }
                Ok(())
            },
        )?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::events::Event as E;
    use quick_xml::Reader;

    /// The text of every element of `xml` as a conforming parser reads it (entity references
    /// resolved); panics on ill-formed XML.
    fn texts(xml: &[u8]) -> Vec<String> {
        let mut reader = Reader::from_reader(xml);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        let mut current = String::new();
        loop {
            match reader.read_event_into(&mut buf) {
                Ok(E::Eof) => return out,
                Ok(E::Text(t)) => {
                    let raw = t.into_inner().into_owned();
                    assert!(raw.chars().all(|c| matches!(c, '\t' | '\n' | '\r') || c >= ' '), "no control character: {raw:?}");
                    current.push_str(&raw);
                }
                Ok(E::GeneralRef(r)) => {
                    let name = r.into_inner().into_owned();
                    current.push_str(&quick_xml::escape::unescape(&format!("&{name};")).unwrap());
                }
                Ok(_) => {
                    if !current.trim().is_empty() {
                        out.push(std::mem::take(&mut current));
                    }
                    current.clear();
                }
                Err(e) => panic!("ill-formed XML at {}: {e}\n{}", reader.buffer_position(), String::from_utf8_lossy(xml)),
            }
            buf.clear();
        }
    }

    #[test]
    fn hostile_titles_make_well_formed_feeds_that_read_back() {
        let title = "Nghị quyết <b>\"số 1\"</b> & ]]> \u{1}\u{b}\u{FFFF}kết thúc";
        let entries = [Entry {
            url: "https://x.vn/tin-tuc/a&b/".into(),
            title: title.into(),
            date: "2024-01-02T00:00:00Z".into(),
            summary: "<script>".into(),
        }];
        let xml = atom("https://x.vn", "tin-tuc", "Tin & <tức>", &entries);
        let read = texts(&xml);
        assert!(read.contains(&"Nghị quyết <b>\"số 1\"</b> & ]]> kết thúc".to_string()), "{read:?}");
        assert!(read.contains(&"Tin & <tức>".to_string()), "{read:?}");
        assert!(read.contains(&"<script>".to_string()), "{read:?}");
        let map = sitemap(&["https://x.vn/a&b/".into()]);
        assert_eq!(texts(&map), ["https://x.vn/a&b/"]);
    }
}
