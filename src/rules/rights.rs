//! The core rights of arts. 15-18, which the notice must state unless a limitation names them.

use super::{Hit, RuleContext};
use crate::model::{Right, Rights};

const CORE: &[(Right, &str, &str)] = &[
    (Right::Access, "access", "15"),
    (Right::Rectification, "rectification", "16"),
    (Right::Erasure, "erasure", "17"),
    (Right::Restriction, "restriction", "18"),
];

fn offered(rights: &Rights, right: Right) -> Option<bool> {
    match right {
        Right::Access => rights.access,
        Right::Rectification => rights.rectification,
        Right::Erasure => rights.erasure,
        Right::Restriction => rights.restriction,
        Right::Objection => rights.objection,
        Right::Portability => rights.portability,
    }
}

/// Each core right that is not stated as true: at the right when no limitation names it (the
/// right is missing), at the limitation when one does (the right is limited, but the notice must
/// still state it; the pack's case makes that a warning).
pub fn core_rights(ctx: &RuleContext<'_>) -> Vec<Hit> {
    let default = Rights::default();
    let rights = ctx.record.rights.as_ref().unwrap_or(&default);
    CORE.iter()
        .filter(|(right, _, _)| offered(rights, *right) != Some(true))
        .map(|(right, name, article)| {
            let limitation = rights.limitations.iter().position(|l| l.right == Some(*right));
            let at = match limitation {
                Some(i) => format!("/rights/limitations/{i}"),
                None => format!("/rights/{name}"),
            };
            Hit::at(at).with("right", *name).with("key", *name).with("article", *article)
        })
        .collect()
}
