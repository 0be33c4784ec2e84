//! The page shell every page shares: head (CSP, description, stylesheet, app loader), header
//! navigation, main content and footer.

use super::Context;
use app::privacy::Audience;
use app::routes;
use leptos::prelude::*;

/// A sub-title and the navigation entry it belongs to.
pub struct PageMeta<'a> {
    pub title: &'a str,
    pub description: &'a str,
    /// Site path of the page, for the canonical URL and the current navigation entry.
    pub path: &'a str,
    /// The wasm app the page loads, if any: pages without charts or search download none.
    pub app: Option<super::Bundle>,
}

const NAV: [(&str, &str); 7] = [
    ("/", "Trang chủ"),
    (routes::STATS, "Thống kê"),
    (routes::ORGS, "Đơn vị"),
    (routes::DOCUMENTS, "Văn bản"),
    (routes::NEWS, "Tin tức"),
    (routes::DATA, "Dữ liệu"),
    (routes::SEARCH, "Tìm kiếm"),
];

/// No inline script anywhere: the app loads as an external module; wasm needs 'wasm-unsafe-eval'.
const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
                   object-src 'none'; base-uri 'self'; form-action 'self'";

pub fn page(ctx: &Context<'_>, meta: PageMeta<'_>, content: impl IntoView + 'static) -> String {
    let site = &ctx.data.site;
    let full_title = if meta.path == "/" { site.title.clone() } else { format!("{} | {}", meta.title, site.title) };
    let canonical = format!("{}{}", site.base_url.trim_end_matches('/'), meta.path);
    // The page's main figure previews its link in a chat; pages without one show the dashboard's.
    let content = content.into_view();
    let image = app::components::images::first_id()
        .map(|id| routes::figure_image_of(meta.path, id, "png"))
        .or_else(|| ctx.site_image.clone())
        .map(|route| format!("{}{route}", site.base_url.trim_end_matches('/')));
    let image_meta = image.map(|url| {
        view! {
            {open_graph("og:image", url)}
            {open_graph("og:image:alt", format!("Biểu đồ: {}", meta.title))}
            <meta name="twitter:card" content="summary_large_image" />
        }
    });
    let boot = ctx.app.zip(meta.app).map(|(a, bundle)| view! { <script type="module" src=a.boot_path(bundle).to_string()></script> });
    // The internal build carries full detail: marked on every page and kept out of search engines.
    let internal = ctx.audience == Audience::Internal;
    let noindex = internal.then(|| view! { <meta name="robots" content="noindex, nofollow" /> });
    let banner = internal.then(|| {
        view! { <p class="internal-banner" role="note">"Nội bộ — bản đầy đủ số liệu, chỉ dùng trong tổ chức đảng, không phát hành công khai."</p> }
    });
    // The section the page is in; the home page only for itself (every path starts with "/"),
    // and none for pages outside the navigation (the checker, the list of changes, 404).
    let current = NAV.iter().find(|(href, _)| if *href == "/" { meta.path == "/" } else { meta.path.starts_with(href) }).map(|(h, _)| *h);
    let nav = NAV
        .iter()
        .map(|&(href, label)| {
            let aria_current = (Some(href) == current).then_some("page");
            view! { <li><a href=href aria-current=aria_current>{label}</a></li> }
        })
        .collect_view();
    let html = view! {
        <html lang="vi">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta http-equiv="Content-Security-Policy" content=CSP />
                <title>{full_title.clone()}</title>
                <meta name="description" content=meta.description.to_string() />
                {noindex}
                <link rel="canonical" href=canonical.clone() />
                {open_graph("og:title", full_title)}
                {open_graph("og:description", meta.description.to_string())}
                {open_graph("og:url", canonical)}
                {open_graph("og:locale", "vi_VN".to_string())}
                {image_meta}
                <meta name="theme-color" content=super::offline::THEME_COLOR />
                <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
                <link rel="apple-touch-icon" href=routes::ICON_APPLE />
                <link rel="manifest" href=routes::MANIFEST />
                <link rel="alternate" type="application/atom+xml" title="Văn bản" href=routes::DOCUMENTS_FEED />
                <link rel="alternate" type="application/atom+xml" title="Tin tức" href=routes::NEWS_FEED />
                <link rel="alternate" type="application/atom+xml" title="Thay đổi số liệu" href=routes::CHANGES_FEED />
                <link rel="stylesheet" href=ctx.css_path.clone() />
                <script type="module" src=ctx.script_path.clone()></script>
                {boot}
            </head>
            <body>
                <a class="skip-link" href="#noi-dung">"Bỏ qua, đến nội dung chính"</a>
                {banner}
                <header class="site-header">
                    <div class="wrap">
                        <a class="brand" href="/">
                            <span class="brand-short">{ctx.data.khoi.short_name.clone()}</span>
                            <span class="brand-name">{site.title.clone()}</span>
                        </a>
                        <nav aria-label="Điều hướng chính">
                            <ul class="nav">{nav}</ul>
                        </nav>
                    </div>
                </header>
                // Filled by the site script: a saved copy read offline, or newer data published.
                <p id="ban-luu" class="offline-notice wrap" role="status" hidden data-so-lieu=ctx.data_date.clone() data-phien-ban=super::offline::BUILD_PLACEHOLDER></p>
                <main id="noi-dung" class="wrap">{content}</main>
                <footer class="site-footer">
                    <div class="wrap">
                        <p>{ctx.data.khoi.name.clone()}</p>
                        <p>"Số liệu tổng hợp từ báo cáo ẩn danh của các tổ chức đảng; không công bố thông tin cá nhân."</p>
                        <p>{ctx.updated.clone()} " " <a href=routes::CHANGES>"Xem các thay đổi"</a></p>
                    </div>
                </footer>
            </body>
        </html>
    };
    // Leptos marks optional parts with `<!>` for hydration. These pages are never hydrated (the
    // app mounts fresh), and validators reject the marker, so drop it. User text cannot contain
    // it: text is escaped, and embedded JSON escapes '<'.
    format!("<!DOCTYPE html>\n{}\n", html.to_html().replace("<!>", ""))
}

/// `<meta property=…>`: `property` is not an attribute the `view!` macro knows on `<meta>`.
fn open_graph(property: &'static str, content: String) -> impl IntoView {
    use leptos::tachys::html::attribute::custom::custom_attribute;
    leptos::html::meta().add_any_attr(custom_attribute("property", property)).content(content)
}
