//! `data/khoi.toml`: the Khối and its organizations.

use super::fields::{Fields, FileCtx};
use super::{toml_file, Loaded, Located};
use crate::codes::Code;
use app::model::{Khoi, Level, OrgCode, OrgKind, Organization, Ownership, Workplace};
use std::path::Path;

#[derive(Clone, Copy)]
enum LevelKey {
    Committee,
    GrassrootsBranch,
    Branch,
}

#[derive(Clone, Copy)]
enum KindKey {
    Agency,
    Enterprise,
}

pub(crate) fn load(loaded: &mut Loaded, path: &Path) {
    let Some((file, doc)) = toml_file::parse(loaded, path) else { return };
    loaded.khoi_file = Some(file);
    let ctx = FileCtx::new(file);
    let mut root = Fields::root(&ctx, doc.as_table());
    if let Some(mut k) = root.table("khoi", true) {
        let name = k.string("ten");
        let short_name = k.string("ten_viet_tat");
        k.finish();
        loaded.khoi_spans = ctx.spans.borrow().clone();
        if let (Some(name), Some(short_name)) = (name, short_name) {
            loaded.khoi = Some(Khoi { name, short_name });
        }
    }
    for mut t in root.tables("to_chuc") {
        let start_diags = ctx.diags.borrow().len();
        let code = t.string("ma");
        let code_span = t.table_span();
        let code = code.and_then(|c| {
            OrgCode::parse(&c).or_else(|| {
                ctx.error(
                    Code::E006,
                    code_span.clone(),
                    format!("mã đơn vị \"{c}\" không hợp lệ"),
                    "mã gồm chữ in hoa không dấu, chữ số và dấu gạch nối, ví dụ \"CQ01\" hoặc \"CQ01-02\"".into(),
                );
                None
            })
        });
        let name = t.string("ten");
        let kind = t.choice("loai", &[("co_quan", KindKey::Agency), ("doanh_nghiep", KindKey::Enterprise)]);
        let ownership = t.opt_string("so_huu");
        let level = t.choice(
            "cap",
            &[
                ("dang_bo_co_so", LevelKey::Committee),
                ("chi_bo_co_so", LevelKey::GrassrootsBranch),
                ("chi_bo_truc_thuoc", LevelKey::Branch),
            ],
        );
        let parent = t.opt_string("truc_thuoc");
        let founded = t.date("thanh_lap");
        let ended = t.opt_date("giai_the");
        let merged_into = t.opt_string("sap_nhap_vao");
        let workplace = t.opt_string("loai_hinh");
        let span = |key: &str| ctx.spans.borrow().get(&format!("to_chuc.{key}")).or(code_span.clone());

        let kind = match (kind, ownership) {
            (Some(KindKey::Agency), None) => Some(OrgKind::Agency),
            (Some(KindKey::Agency), Some(_)) => {
                ctx.error(
                    Code::E006,
                    span("so_huu"),
                    "`so_huu` chỉ dùng cho doanh nghiệp".into(),
                    "xóa dòng `so_huu`, hoặc sửa `loai = \"doanh_nghiep\"`".into(),
                );
                None
            }
            (Some(KindKey::Enterprise), Some(o)) => match Ownership::ALL.into_iter().find(|x| x.key() == o) {
                Some(o) => Some(OrgKind::Enterprise(o)),
                None => {
                    ctx.error(
                        Code::E006,
                        span("so_huu"),
                        format!("`so_huu` không nhận giá trị \"{o}\""),
                        "chọn một trong: \"nha_nuoc\", \"tu_nhan\", \"von_nuoc_ngoai\"".into(),
                    );
                    None
                }
            },
            (Some(KindKey::Enterprise), None) => {
                ctx.error(
                    Code::E003,
                    code_span.clone(),
                    "doanh nghiệp thiếu khóa `so_huu`".into(),
                    "thêm `so_huu = \"nha_nuoc\"`, \"tu_nhan\" hoặc \"von_nuoc_ngoai\"".into(),
                );
                None
            }
            (None, _) => None,
        };
        let level = match (level, parent) {
            (Some(LevelKey::Branch), Some(p)) => match OrgCode::parse(&p) {
                Some(parent) => Some(Level::Branch { parent }),
                None => {
                    ctx.error(
                        Code::E006,
                        span("truc_thuoc"),
                        format!("mã đơn vị cấp trên \"{p}\" không hợp lệ"),
                        "ghi mã của đảng bộ cơ sở, ví dụ \"CQ01\"".into(),
                    );
                    None
                }
            },
            (Some(LevelKey::Branch), None) => {
                ctx.error(
                    Code::E003,
                    code_span.clone(),
                    "chi bộ trực thuộc thiếu khóa `truc_thuoc`".into(),
                    "thêm `truc_thuoc = \"<mã đảng bộ cơ sở>\"`".into(),
                );
                None
            }
            (Some(_), Some(_)) => {
                ctx.error(
                    Code::E006,
                    span("truc_thuoc"),
                    "`truc_thuoc` chỉ dùng cho chi bộ trực thuộc".into(),
                    "tổ chức cơ sở đảng trực thuộc thẳng Đảng ủy Khối: xóa dòng `truc_thuoc`".into(),
                );
                None
            }
            (Some(LevelKey::Committee), None) => Some(Level::GrassrootsCommittee),
            (Some(LevelKey::GrassrootsBranch), None) => Some(Level::GrassrootsBranch),
            (None, _) => None,
        };
        let merged_into = merged_into.and_then(|m| {
            OrgCode::parse(&m).or_else(|| {
                ctx.error(
                    Code::E006,
                    span("sap_nhap_vao"),
                    format!("mã đơn vị \"{m}\" không hợp lệ"),
                    "ghi mã của tổ chức tiếp nhận, ví dụ \"DN01\"".into(),
                );
                None
            })
        });
        // The type of workplace (Biểu 5): a known key, and one that fits `loai` and `so_huu`.
        let workplace = workplace.and_then(|w| {
            let fitting = |kind: Option<OrgKind>| {
                Workplace::ALL
                    .iter()
                    .filter(|x| kind.is_none_or(|k| x.fits(k)))
                    .map(|x| format!("\"{}\"", x.key()))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            match Workplace::ALL.into_iter().find(|x| x.key() == w) {
                None => {
                    ctx.error(
                        Code::E006,
                        span("loai_hinh"),
                        format!("`loai_hinh` không nhận giá trị \"{w}\""),
                        format!("chọn một trong: {}", fitting(kind)),
                    );
                    None
                }
                Some(x) if kind.is_some_and(|k| !x.fits(k)) => {
                    let k = kind.expect("checked");
                    let what = match k {
                        OrgKind::Agency => "cơ quan".to_string(),
                        OrgKind::Enterprise(o) => format!("doanh nghiệp sở hữu {}", o.name().to_lowercase()),
                    };
                    ctx.error(
                        Code::E006,
                        span("loai_hinh"),
                        format!("loại hình \"{w}\" ({}) không phải của {what}", x.name()),
                        format!("với `loai` và `so_huu` đã ghi, chọn một trong: {}", fitting(Some(k))),
                    );
                    None
                }
                Some(x) => Some(x),
            }
        });
        t.finish();
        let clean = ctx.diags.borrow().len() == start_diags;
        if let (true, Some(code), Some(name), Some(kind), Some(level), Some(founded)) = (clean, code, name, kind, level, founded) {
            loaded.orgs.push(Located {
                value: Organization { code, name, kind, level, workplace, founded, ended, merged_into },
                file,
                spans: ctx.spans.borrow().clone(),
            });
        }
    }
    root.finish();
    loaded.findings.extend(ctx.diags.into_inner());
}
