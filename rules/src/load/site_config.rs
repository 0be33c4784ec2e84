//! `data/site.toml`: the site's title, address, language and privacy threshold.

use super::fields::{Fields, FileCtx};
use super::{toml_file, Loaded};
use crate::codes::Code;
use app::model::SiteConfig;
use std::path::Path;

pub(crate) fn load(loaded: &mut Loaded, path: &Path) {
    let Some((file, doc)) = toml_file::parse(loaded, path) else { return };
    let ctx = FileCtx::new(file);
    let mut f = Fields::root(&ctx, doc.as_table());
    let title = f.string("tieu_de");
    let description = f.string("mo_ta");
    let base_url = f.string("dia_chi");
    let language = f.string("ngon_ngu");
    let threshold = f.opt_count("nguong_an_danh").unwrap_or(3);
    if threshold < 3 {
        // With k = 2 the marker "<2" would say "exactly 1": no protection at all.
        ctx.error(
            Code::E005,
            ctx.spans.borrow().get("nguong_an_danh"),
            format!("ngưỡng ẩn số nhỏ {threshold} quá thấp"),
            "ghi `nguong_an_danh = 3` trở lên: với ngưỡng 2, dấu “<2” cho biết đúng số 1".into(),
        );
    }
    f.finish();
    if let Some(url) = &base_url {
        if !(url.starts_with("https://") || url.starts_with("http://")) || !url.ends_with('/') {
            ctx.error(
                Code::E006,
                ctx.spans.borrow().get("dia_chi"),
                "`dia_chi` phải là địa chỉ đầy đủ của trang".into(),
                "ví dụ: `dia_chi = \"https://dangbokhoi.example.vn/\"` (có https:// và dấu / ở cuối)".into(),
            );
        }
    }
    loaded.site_spans = Some((file, ctx.spans.borrow().clone()));
    loaded.findings.extend(ctx.diags.into_inner());
    if let (Some(title), Some(description), Some(base_url), Some(language)) = (title, description, base_url, language) {
        loaded.site = Some(SiteConfig { title, description, base_url, language, privacy_threshold: threshold.max(1) });
    }
}

/// Used only to render what can be rendered when site.toml itself is broken.
pub(crate) fn fallback() -> SiteConfig {
    SiteConfig {
        title: "Đảng bộ Khối".into(),
        description: String::new(),
        base_url: "http://127.0.0.1/".into(),
        language: "vi".into(),
        privacy_threshold: 3,
    }
}
