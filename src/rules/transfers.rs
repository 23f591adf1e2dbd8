//! Transfers against the EEA list, the Union bodies and the adequacy decisions in force.

use super::values::{self, is_blank};
use super::{Hit, RuleContext};
use crate::facts::Adequacy;
use crate::model::{ControllerKind, Transfer, TransferMechanism};

/// Where a transfer goes.
enum Destination<'a> {
    /// A country, by its ISO code.
    Country(&'a str),
    /// An international organisation (or a Union body), by the name the record gives.
    Organisation(&'a str),
    /// Neither is named.
    Nowhere,
}

fn destination(t: &Transfer) -> Destination<'_> {
    match (&t.country, t.organisation.as_deref()) {
        (Some(country), _) => Destination::Country(country.code()),
        (None, Some(name)) if !is_blank(Some(name)) => Destination::Organisation(name),
        _ => Destination::Nowhere,
    }
}

fn each_transfer<'r>(ctx: &'r RuleContext<'_>) -> impl Iterator<Item = (usize, &'r Transfer)> {
    ctx.record.transfers.iter().enumerate()
}

/// Whether the destination is inside the Union's data-protection area: an EEA country or a
/// Union body, which chapter V does not concern.
fn inside(ctx: &RuleContext<'_>, t: &Transfer) -> bool {
    match destination(t) {
        Destination::Country(code) => ctx.facts.is_eea(code),
        Destination::Organisation(name) => ctx.facts.eu_body(name).is_some(),
        Destination::Nowhere => false,
    }
}

/// A transfer with no destination, or outside the EEA and the Union's bodies with no mechanism.
pub fn mechanism(ctx: &RuleContext<'_>) -> Vec<Hit> {
    each_transfer(ctx)
        .filter(|(_, t)| matches!(destination(t), Destination::Nowhere) || (t.mechanism.is_none() && !inside(ctx, t)))
        .map(|(i, t)| with_destination(Hit::at(format!("/transfers/{i}")), t))
        .collect()
}

/// Adequacy named for a country or organisation that has no decision in force.
pub fn adequacy(ctx: &RuleContext<'_>) -> Vec<Hit> {
    each_transfer(ctx)
        .filter(|(_, t)| t.mechanism == Some(TransferMechanism::Adequacy) && !inside(ctx, t))
        .filter(|(_, t)| match destination(t) {
            Destination::Country(code) => ctx.facts.adequacy(code).is_none(),
            Destination::Organisation(name) => ctx.facts.organisation_adequacy(name).is_none(),
            Destination::Nowhere => false,
        })
        .map(|(i, t)| {
            // An organisation's finding is drawn on the transfer, where the pack's case reads it.
            let at = match destination(t) {
                Destination::Organisation(_) => format!("/transfers/{i}"),
                _ => format!("/transfers/{i}/mechanism"),
            };
            with_destination(Hit::at(at), t)
        })
        .collect()
}

/// Adequacy to a country whose decision covers only some recipients (the US is
/// gdpr/transfer-us-dpf's).
pub fn partial_scope(ctx: &RuleContext<'_>) -> Vec<Hit> {
    each_transfer(ctx)
        .filter(|(_, t)| t.mechanism == Some(TransferMechanism::Adequacy))
        .filter_map(|(i, t)| {
            let Destination::Country(code) = destination(t) else {
                return None;
            };
            let decision: &Adequacy = ctx.facts.adequacy(code).filter(|a| a.partial && code != "US")?;
            Some(
                Hit::at(format!("/transfers/{i}/mechanism"))
                    .with("country", code)
                    .with("decision", decision.decision.as_str())
                    .with("scope", decision.scope.as_str()),
            )
        })
        .collect()
}

/// A "transfer" to an EEA country or a Union body, which chapter V does not concern.
pub fn inside_eea(ctx: &RuleContext<'_>) -> Vec<Hit> {
    each_transfer(ctx)
        .filter_map(|(i, t)| match destination(t) {
            Destination::Country(code) if ctx.facts.is_eea(code) => {
                Some(Hit::at(format!("/transfers/{i}/country")).with("country", code))
            }
            Destination::Organisation(name) if ctx.facts.eu_body(name).is_some() => {
                Some(Hit::at(format!("/transfers/{i}/organisation")).with("country", name))
            }
            _ => None,
        })
        .collect()
}

/// A public authority relying on 49(1)(a), (b), (c) or the second subparagraph, which do not
/// apply to activities in the exercise of public powers (art. 49(3)).
pub fn derogation_public_authority(ctx: &RuleContext<'_>) -> Vec<Hit> {
    let authority = ctx.record.controller.as_ref().and_then(|c| c.kind) == Some(ControllerKind::PublicAuthority);
    if !authority {
        return Vec::new();
    }
    derogations(ctx)
        .filter(|(_, _, points)| points.names_any(&['a', 'b', 'c']) || points.second_subparagraph())
        .map(|(i, t, _)| with_destination(Hit::at(format!("/transfers/{i}/derogation")), t))
        .collect()
}

/// The second subparagraph of 49(1) without the documented assessment and safeguards.
pub fn compelling_interests(ctx: &RuleContext<'_>) -> Vec<Hit> {
    derogations(ctx)
        .filter(|(_, t, points)| {
            points.second_subparagraph()
                && (is_blank(t.safeguards.as_deref()) || is_blank(t.transfer_impact_assessment.as_deref()))
        })
        .map(|(i, t, _)| with_destination(Hit::at(format!("/transfers/{i}/derogation")), t))
        .collect()
}

/// Transfers on a derogation, with the points of art. 49(1) their `derogation` names.
fn derogations<'r>(ctx: &'r RuleContext<'_>) -> impl Iterator<Item = (usize, &'r Transfer, values::Points)> + use<'r> {
    each_transfer(ctx)
        .filter(|(_, t)| t.mechanism == Some(TransferMechanism::Derogation))
        .filter_map(|(i, t)| Some((i, t, values::derogation(t.derogation.as_deref()?))))
}

/// The recipient and destination for the message: `{recipient}` and `{country}` (a country
/// code the glossary puts into words, or an organisation's name).
fn with_destination(hit: Hit, t: &Transfer) -> Hit {
    let hit = hit.with("recipient", t.recipient.as_deref().filter(|r| !is_blank(Some(r))).unwrap_or("?"));
    match destination(t) {
        Destination::Country(code) => hit.with("country", code),
        Destination::Organisation(name) => hit.with("country", name).with("organisation", name),
        Destination::Nowhere => hit,
    }
}
