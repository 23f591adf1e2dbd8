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

/// Each core right that is not stated as true and that no limitation names.
pub fn core_rights(ctx: &RuleContext<'_>) -> Vec<Hit> {
    let default = Rights::default();
    let rights = ctx.record.rights.as_ref().unwrap_or(&default);
    CORE.iter()
        .filter(|(right, _, _)| offered(rights, *right) != Some(true))
        .filter(|(right, _, _)| !rights.limitations.iter().any(|l| l.right == Some(*right)))
        .map(|(_, name, article)| {
            Hit::at(format!("/rights/{name}")).with("right", *name).with("key", *name).with("article", *article)
        })
        .collect()
}
