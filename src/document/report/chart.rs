//! A horizontal bar chart as inline-SVG geometry: every coordinate is computed here, so the
//! template only draws rectangles and text. No script, no external asset.

use serde::Serialize;

/// Height of one bar's row, in pixels.
const ROW: usize = 26;
/// Height of a bar.
const BAR: usize = 16;
/// Width of the longest bar.
const SPAN: usize = 320;
/// Room for the number after a bar.
const NUMBER: usize = 48;

/// One chart.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    /// An id for the SVG's title element.
    pub id: &'static str,
    /// The chart's title (also its accessible name).
    pub title: String,
    /// Width of the drawing.
    pub width: usize,
    /// Height of the drawing.
    pub height: usize,
    /// Where the bars start (right of the labels).
    pub bars_x: usize,
    /// The bars.
    pub bars: Vec<Bar>,
}

/// One bar with its label and number.
#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    /// What the bar counts.
    pub label: String,
    /// The count.
    pub count: usize,
    /// A class for its colour (`error`, `warning`, `info`, `rule`).
    pub class: &'static str,
    /// Top of the bar.
    pub y: usize,
    /// Baseline of the label and number text.
    pub text_y: usize,
    /// The bar's length.
    pub width: usize,
    /// Where the number is written.
    pub number_x: usize,
}

impl Chart {
    /// Bars for `(label, count, class)` rows, scaled so the largest count fills the span.
    pub fn bars(id: &'static str, title: String, rows: &[(String, usize, &'static str)]) -> Chart {
        let longest = rows.iter().map(|(label, ..)| label.chars().count()).max().unwrap_or(0);
        // About 7.5 px per character of a 13 px sans-serif label, within limits.
        let bars_x = (longest * 15 / 2 + 12).clamp(80, 320);
        let max = rows.iter().map(|(_, count, _)| *count).max().unwrap_or(0).max(1);
        let bars = rows
            .iter()
            .enumerate()
            .map(|(i, (label, count, class))| {
                let width = count * SPAN / max;
                Bar {
                    label: label.clone(),
                    count: *count,
                    class,
                    y: i * ROW + (ROW - BAR) / 2,
                    text_y: i * ROW + ROW / 2 + 5,
                    width,
                    number_x: bars_x + width + 6,
                }
            })
            .collect();
        Chart { id, title, width: bars_x + SPAN + NUMBER, height: rows.len().max(1) * ROW, bars_x, bars }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_bar_fills_the_span_and_zero_draws_nothing() {
        let rows = [("a".to_string(), 4, "error"), ("b".to_string(), 2, "warning"), ("c".to_string(), 0, "info")];
        let chart = Chart::bars("x", "t".into(), &rows);
        let widths: Vec<usize> = chart.bars.iter().map(|b| b.width).collect();
        assert_eq!(widths, [SPAN, SPAN / 2, 0]);
        assert_eq!(chart.height, 3 * ROW);
        assert!(chart.bars.iter().all(|b| b.number_x >= chart.bars_x && b.number_x < chart.width));
    }
}
