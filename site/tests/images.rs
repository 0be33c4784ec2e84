//! Every figure of every page forwards as an image: its PNG and SVG beside the page, the PNG
//! 1000 px wide and as tall as its drawing, the drawing with the figure's title, source and
//! address; every page previews its link with an image that exists; a rebuild that reuses the
//! previous build's images publishes the same bytes as a fresh build.

mod common;

use common::{sample_data, scratch, tree};
use std::path::Path;

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    tag.split(&format!("{name}=\"")).nth(1).and_then(|rest| rest.split('"').next())
}

fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    (u32::from_be_bytes(bytes[16..20].try_into().unwrap()), u32::from_be_bytes(bytes[20..24].try_into().unwrap()))
}

/// Text as the page escapes it, as the image's SVG escapes it too.
fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

#[test]
fn every_figure_has_its_image_and_every_page_a_preview() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let built = site::build::Site::new(sample_data()).build(&out, None, false);
    assert!(built.is_ok(), "the sample site must build");
    let files = tree(&out);
    let base = "https://dangbokhoi.binhan.example.vn";
    let (mut figures, mut pages, mut svg_only) = (0, 0, 0);
    for (path, bytes) in files.iter().filter(|(p, _)| p.extension().is_some_and(|e| e == "html")) {
        let html = String::from_utf8_lossy(bytes);
        let page_dir = path.parent().unwrap_or(Path::new(""));
        pages += 1;
        // The preview image of the page.
        let og = html.split("<meta property=\"og:image\" content=\"").nth(1).and_then(|r| r.split('"').next());
        let og = og.unwrap_or_else(|| panic!("{}: no og:image", path.display()));
        let og_file = og.strip_prefix(base).unwrap_or_else(|| panic!("{}: og:image not on the site: {og}", path.display()));
        assert!(files.contains_key(Path::new(og_file.trim_start_matches('/'))), "{}: og:image {og} does not exist", path.display());

        // An organization's page draws a PNG for its main figure only (its link preview).
        let org_page = path.starts_with("don-vi/") && path != Path::new("don-vi/index.html");
        let mut first = true;
        for chunk in html.split("<figure ").skip(1) {
            let chunk = &chunk[..chunk.find("</figure>").unwrap()];
            let tag = &chunk[..chunk.find('>').unwrap()];
            if attribute(tag, "class") != Some("chart-figure") {
                continue;
            }
            let id = attribute(tag, "id").unwrap();
            let drawn = chunk.contains("<svg");
            let wants_png = drawn && (!org_page || first);
            let png_link = format!("href=\"{id}.png\"");
            let svg_link = format!("href=\"{id}.svg\"");
            assert_eq!(chunk.contains(&svg_link), drawn, "{}#{id}: a drawn figure links its SVG, an empty one none", path.display());
            assert_eq!(chunk.contains(&png_link), wants_png, "{}#{id}: PNG linked where drawn", path.display());
            assert_eq!(
                files.contains_key(&page_dir.join(format!("{id}.png"))),
                wants_png,
                "{}#{id}: PNG drawn where linked",
                path.display()
            );
            if !drawn {
                continue;
            }
            first = false;
            figures += 1;
            let svg = String::from_utf8(files[&page_dir.join(format!("{id}.svg"))].clone()).unwrap();
            if !wants_png {
                svg_only += 1;
                assert!(svg.contains("Nguồn:"), "{}#{id}: no source", path.display());
                continue;
            }
            let png = &files[&page_dir.join(format!("{id}.png"))];
            let (width, height) = png_size(png);
            let view_box: Vec<f32> = attribute(&svg, "viewBox").unwrap().split_whitespace().map(|n| n.parse().unwrap()).collect::<Vec<_>>();
            assert_eq!(width, 1000, "{}#{id}", path.display());
            assert_eq!(height, (view_box[3] * 1000.0 / view_box[2]).ceil() as u32, "{}#{id}", path.display());
            let caption = chunk.split("<figcaption").nth(1).and_then(|c| c.split('>').nth(1)).and_then(|c| c.split('<').next()).unwrap();
            let first_words: Vec<&str> = caption.split(' ').take(4).collect();
            assert!(svg.contains(&unescape(&first_words.join(" "))), "{}#{id}: title {caption:?} not drawn", path.display());
            assert!(svg.contains("Nguồn:"), "{}#{id}: no source", path.display());
            let page_route = format!("/{}", page_dir.display()).replace("//", "/");
            let address = format!("{base}{}{}#{id}", page_route, if page_route.ends_with('/') { "" } else { "/" });
            assert!(svg.contains(&address), "{}#{id}: address {address} not drawn", path.display());
        }
    }
    assert!(figures >= 100 && pages >= 60, "{figures} figures on {pages} pages");
    assert!(svg_only > 0 && svg_only < figures, "{svg_only} of {figures} figures as SVG only");
    eprintln!(
        "images: {figures} figures on {pages} pages, each with its SVG, {} with a PNG too; every page has an existing og:image",
        figures - svg_only
    );
}

#[test]
fn a_rebuild_reuses_unchanged_images_and_redraws_changed_ones() {
    let dir = scratch();
    let data = dir.path().join("data");
    let (reused, fresh) = (dir.path().join("reused"), dir.path().join("fresh"));
    let build = |out: &Path| assert!(site::build::Site::new(&data).build(out, None, false).is_ok(), "the site must build");
    build(&reused);
    // One quota changes: the figures that show it change, in the reused build as in a fresh one.
    let quotas = data.join("quotas/2025.toml");
    let text = std::fs::read_to_string(&quotas).unwrap();
    let changed = text.replacen("CQ01 = 5", "CQ01 = 6", 1);
    assert_ne!(text, changed, "the quota to change is there");
    std::fs::write(&quotas, changed).unwrap();
    let before = tree(&reused);
    build(&reused);
    // The fresh build compares with the same previous output (its tables and list of changes,
    // `/thay-doi/`) but has no image to reuse.
    for (path, bytes) in before.iter().filter(|(p, _)| p.extension().is_none_or(|e| e != "png")) {
        std::fs::create_dir_all(fresh.join(path).parent().unwrap()).unwrap();
        std::fs::write(fresh.join(path), bytes).unwrap();
    }
    build(&fresh);
    let (after, fresh) = (tree(&reused), tree(&fresh));
    assert!(after == fresh, "a rebuild that reuses images publishes what a fresh build does");
    let redrawn = after.iter().filter(|(p, b)| p.extension().is_some_and(|e| e == "png") && before.get(*p) != Some(*b)).count();
    assert!(redrawn >= 2, "the changed figures are redrawn ({redrawn})");
}
