//! The record's review date against today.

use super::{Hit, RuleContext};

/// `updated` plus the review interval lies before today.
pub fn review_overdue(ctx: &RuleContext<'_>) -> Vec<Hit> {
    let Some(updated) = ctx.record.updated else {
        return Vec::new();
    };
    let months = ctx.record.review_interval_months.unwrap_or(ctx.default_review_months);
    // try_: an interval beyond jiff's range must not panic, whatever the schema allows.
    let Some(due) =
        jiff::Span::new().try_months(i64::from(months)).ok().and_then(|span| updated.0.checked_add(span).ok())
    else {
        return Vec::new();
    };
    if due < ctx.today {
        vec![Hit::at("/updated").with("due", due.to_string()).with("months", months.to_string())]
    } else {
        Vec::new()
    }
}

/// `updated` lies after today.
pub fn updated_in_future(ctx: &RuleContext<'_>) -> Vec<Hit> {
    match ctx.record.updated {
        Some(updated) if updated.0 > ctx.today => {
            vec![Hit::at("/updated").with("today", ctx.today.to_string())]
        }
        _ => Vec::new(),
    }
}
