//! Files for machines: `sitemap.xml` (every page), `robots.txt`, and Atom feeds of documents
//! and news. Dates come from the data, never the clock, so builds stay byte-identical.

use super::{Context, Files};
use app::model::{Document, NewsItem};

pub(super) fn add(ctx: &Context<'_>, files: &mut Files) {
    let base = ctx.data.site.base_url.trim_end_matches('/').to_string();
    let mut urls: Vec<String> =
        files.keys().filter(|p| p.ends_with("index.html")).map(|p| format!("{base}/{}", p.trim_end_matches("index.html"))).collect();
    urls.sort();
    let mut sitemap =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for url in &urls {
        sitemap.push_str(&format!("  <url><loc>{}</loc></url>\n", xml(url)));
    }
    sitemap.push_str("</urlset>\n");
    files.insert("sitemap.xml".into(), sitemap.into_bytes());
    let robots = match ctx.audience {
        app::privacy::Audience::Public => format!("User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n"),
        app::privacy::Audience::Internal => "User-agent: *\nDisallow: /\n".to_string(),
    };
    files.insert("robots.txt".into(), robots.into_bytes());

    let docs: Vec<Entry> = ctx.data.documents.iter().map(|d| document_entry(&base, d)).collect();
    files.insert("van-ban/atom.xml".into(), atom(&base, "van-ban", &format!("Văn bản — {}", ctx.data.site.title), &docs).into_bytes());
    let news: Vec<Entry> = ctx.data.news.iter().map(|n| news_entry(&base, n)).collect();
    files.insert("tin-tuc/atom.xml".into(), atom(&base, "tin-tuc", &format!("Tin tức — {}", ctx.data.site.title), &news).into_bytes());
}

struct Entry {
    url: String,
    title: String,
    date: String,
    summary: String,
}

fn document_entry(base: &str, d: &Document) -> Entry {
    Entry {
        url: format!("{base}/van-ban/{}/", d.slug),
        title: format!("{} {}: {}", d.doc_type.name(), d.number_symbol, d.summary),
        date: d.issued.format("%Y-%m-%dT00:00:00Z").to_string(),
        summary: d.summary.clone(),
    }
}

fn news_entry(base: &str, n: &NewsItem) -> Entry {
    Entry {
        url: format!("{base}/tin-tuc/{}/", n.slug),
        title: n.title.clone(),
        date: n.date.format("%Y-%m-%dT00:00:00Z").to_string(),
        summary: n.summary.clone(),
    }
}

fn atom(base: &str, section: &str, title: &str, entries: &[Entry]) -> String {
    let updated = entries.iter().map(|e| e.date.as_str()).max().unwrap_or("2000-01-01T00:00:00Z");
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n  <title>{}</title>\n  <id>{base}/{section}/</id>\n  <link href=\"{base}/{section}/\"/>\n  <link rel=\"self\" href=\"{base}/{section}/atom.xml\"/>\n  <updated>{updated}</updated>\n",
        xml(title)
    );
    for e in entries {
        out.push_str(&format!(
            "  <entry>\n    <title>{}</title>\n    <id>{}</id>\n    <link href=\"{}\"/>\n    <updated>{}</updated>\n    <summary>{}</summary>\n  </entry>\n",
            xml(&e.title),
            xml(&e.url),
            xml(&e.url),
            e.date,
            xml(&e.summary)
        ));
    }
    out.push_str("</feed>\n");
    out
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
