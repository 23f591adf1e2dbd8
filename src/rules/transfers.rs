//! Transfers against the EEA list and the adequacy decisions in force.

use super::{Hit, RuleContext};
use crate::model::{Transfer, TransferMechanism};

fn each_transfer<'r>(ctx: &'r RuleContext<'_>) -> impl Iterator<Item = (usize, &'r Transfer, &'r str)> {
    ctx.record.transfers.iter().enumerate().filter_map(|(i, t)| Some((i, t, t.country.as_ref()?.code())))
}

/// A transfer outside the EEA with no mechanism.
pub fn mechanism(ctx: &RuleContext<'_>) -> Vec<Hit> {
    each_transfer(ctx)
        .filter(|(_, t, country)| t.mechanism.is_none() && !ctx.facts.is_eea(country))
        .map(|(i, _, country)| Hit::at(format!("/transfers/{i}")).with("country", country))
        .collect()
}

/// Adequacy named for a country outside the EEA that has no decision in force.
pub fn adequacy(ctx: &RuleContext<'_>) -> Vec<Hit> {
    each_transfer(ctx)
        .filter(|(_, t, country)| {
            t.mechanism == Some(TransferMechanism::Adequacy)
                && !ctx.facts.is_eea(country)
                && ctx.facts.adequacy(country).is_none()
        })
        .map(|(i, _, country)| Hit::at(format!("/transfers/{i}/mechanism")).with("country", country))
        .collect()
}

/// A "transfer" to an EEA country, which chapter V does not concern.
pub fn inside_eea(ctx: &RuleContext<'_>) -> Vec<Hit> {
    each_transfer(ctx)
        .filter(|(_, _, country)| ctx.facts.is_eea(country))
        .map(|(i, _, country)| Hit::at(format!("/transfers/{i}/country")).with("country", country))
        .collect()
}
