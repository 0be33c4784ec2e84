//! The forms' breakdowns against their whole (`app::schema::relations`): a "trong đó" count
//! is at most the whole (E025), age bands, education levels and discipline forms add up to it
//! (E026).

use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::load::Loaded;
use app::schema::relations::{Rule, RELATIONS};

pub(super) fn check(loaded: &Loaded, out: &mut Vec<Diagnostic>) {
    for (_, _, r) in &loaded.reports {
        let rep = &r.value;
        for rel in RELATIONS {
            let Some(parts) = rel.parts_of(rep) else { continue };
            let whole = rel.whole_of(rep);
            let whole_at = |d: Diagnostic| {
                rel.whole
                    .iter()
                    .fold(d, |d, &f| d.also(r.file, r.spans.field(f), format!("`{} = {}`", f.spec().key, f.count(rep).unwrap_or(0))))
            };
            let section = parts[0].0.spec().section;
            match rel.rule {
                Rule::EachAtMost => {
                    for &(field, part) in parts.iter().filter(|(_, n)| u64::from(*n) > whole) {
                        let spec = field.spec();
                        out.push(
                            whole_at(Diagnostic::error(Code::E025, format!("trong {whole} {} có {part} {}", rel.whole_name, spec.comment)))
                                .at(r.file, r.spans.field(field))
                                .hint(format!("`{}` là một phần của {}: sửa số này hoặc số chung", spec.key, rel.whole_name)),
                        );
                    }
                }
                Rule::SumAtMost | Rule::SumEquals => {
                    let sum: u64 = parts.iter().map(|&(_, n)| u64::from(n)).sum();
                    let wrong = if rel.rule == Rule::SumEquals { sum != whole } else { sum > whole };
                    if !wrong {
                        continue;
                    }
                    let keys = parts.iter().map(|(f, _)| format!("`{}`", f.spec().key)).collect::<Vec<_>>().join(" + ");
                    let (code, message, hint) = if rel.rule == Rule::SumEquals {
                        (
                            Code::E026,
                            format!("{} cộng lại là {sum}, nhưng {} là {whole}", rel.parts_name, rel.whole_name),
                            format!("mỗi người thuộc đúng một mức: {keys} phải bằng {whole}"),
                        )
                    } else {
                        (
                            Code::E025,
                            format!("{} cộng lại là {sum}, nhiều hơn {whole} {}", rel.parts_name, rel.whole_name),
                            format!("{keys} không vượt quá {whole}"),
                        )
                    };
                    // The first nonzero part shows where the breakdown starts; its section otherwise.
                    let at = parts.iter().find(|(_, n)| *n > 0).map_or(r.spans.section(section), |(f, _)| r.spans.field(*f));
                    out.push(whole_at(Diagnostic::error(code, message)).at(r.file, at).hint(hint));
                }
            }
        }
    }
}
