//! Purposes against the art. 9(2) conditions they name: special categories, explicit consent,
//! the law some points require, and automated decisions.

use super::values::{self, is_blank};
use super::{Hit, RuleContext};
use crate::model::{ControllerKind, LegalBasis, Purpose};

/// The purposes with the points of art. 9(2) their `special_category_condition` names.
fn conditions<'r>(ctx: &'r RuleContext<'_>) -> impl Iterator<Item = (usize, &'r Purpose, values::Points)> + use<'r> {
    ctx.record.purposes.iter().enumerate().map(|(i, p)| {
        let points = p.special_category_condition.as_deref().map(values::condition).unwrap_or_default();
        (i, p, points)
    })
}

fn has_special_categories(ctx: &RuleContext<'_>) -> bool {
    ctx.record.personal_data.as_ref().is_some_and(|d| !d.special_categories.is_empty())
}

/// With special categories, each purpose that names no point of art. 9(2).
pub fn special_category_condition(ctx: &RuleContext<'_>) -> Vec<Hit> {
    if !has_special_categories(ctx) {
        return Vec::new();
    }
    conditions(ctx)
        .filter(|(_, _, points)| !points.names_any(&['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']))
        .map(|(i, _, _)| Hit::at(format!("/purposes/{i}")))
        .collect()
}

/// A public authority's purpose on consent, or naming explicit consent (9(2)(a)).
pub fn consent_public_authority(ctx: &RuleContext<'_>) -> Vec<Hit> {
    let authority = ctx.record.controller.as_ref().and_then(|c| c.kind) == Some(ControllerKind::PublicAuthority);
    if !authority {
        return Vec::new();
    }
    conditions(ctx)
        .filter_map(|(i, p, points)| {
            if p.legal_basis == Some(LegalBasis::Consent) {
                Some(Hit::at(format!("/purposes/{i}/legal_basis")))
            } else if points.names('a') {
                Some(Hit::at(format!("/purposes/{i}/special_category_condition")))
            } else {
                None
            }
        })
        .collect()
}

/// A purpose naming 9(2)(b), (g), (i) or (j) with no `law`, when special categories are processed.
pub fn special_category_law(ctx: &RuleContext<'_>) -> Vec<Hit> {
    if !has_special_categories(ctx) {
        return Vec::new();
    }
    conditions(ctx)
        .filter(|(_, p, points)| points.names_any(&['b', 'g', 'i', 'j']) && is_blank(p.law.as_deref()))
        .map(|(i, p, _)| {
            Hit::at(format!("/purposes/{i}/special_category_condition"))
                .with("condition", p.special_category_condition.as_deref().unwrap_or_default())
        })
        .collect()
}

/// A purpose not on consent that names explicit consent (9(2)(a)) while the record does not
/// state the right to withdraw it.
pub fn explicit_consent_withdrawal(ctx: &RuleContext<'_>) -> Vec<Hit> {
    let withdrawable = ctx.record.rights.as_ref().and_then(|r| r.withdraw_consent) == Some(true);
    if withdrawable {
        return Vec::new();
    }
    conditions(ctx)
        .filter(|(_, p, points)| p.legal_basis != Some(LegalBasis::Consent) && points.names('a'))
        .map(|(i, _, _)| Hit::at(format!("/purposes/{i}/special_category_condition")))
        .collect()
}

/// Automated decisions with special categories and no purpose on 9(2)(a) or (g) (art. 22(4)).
pub fn automated_special_categories(ctx: &RuleContext<'_>) -> Vec<Hit> {
    let automated = ctx.record.automated_decisions.as_ref().and_then(|a| a.automated_decision_making) == Some(true);
    if !automated || !has_special_categories(ctx) {
        return Vec::new();
    }
    if conditions(ctx).any(|(_, _, points)| points.names_any(&['a', 'g'])) {
        return Vec::new();
    }
    vec![Hit::at("/automated_decisions/automated_decision_making")]
}
