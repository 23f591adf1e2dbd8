//! Drawn diagnostics through miette: the source line, a label on the exact span, the help and
//! the legal references with their URLs. Colour only where asked.

use std::fmt::{self, Write};

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};

use super::{Counts, Style, shown};
use crate::findings::RunReport;
use crate::findings::{Finding, Lang, Severity};

/// One finding, as miette wants to see it. The help is drawn by [`footer`], not by miette,
/// whose heading "help:" is English in every language.
struct Shown<'a> {
    finding: &'a Finding,
    source: NamedSource<String>,
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for Shown<'_> {}

impl Diagnostic for Shown<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.finding.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.finding.span.clone();
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(None, span))))
    }
}

fn help_text(finding: &Finding, lang: Lang) -> String {
    let mut help = finding.help.as_deref().unwrap_or_default().to_string();
    let see = match lang {
        Lang::En => "see",
        Lang::Sv => "se",
    };
    for reference in finding.references.iter().map(|r| r.local(lang)) {
        if !help.is_empty() {
            help.push('\n');
        }
        let _ = match reference.url {
            Some(url) => write!(help, "{see}: {} <{url}>", reference.cite),
            None => write!(help, "{see}: {}", reference.cite),
        };
    }
    help
}

/// The help and references under a finding, headed in the run's language and wrapped as miette
/// wraps its own footer: only at spaces, so a link is never broken in two.
fn footer(help: &str, lang: Lang, width: usize) -> String {
    if help.is_empty() {
        return String::new();
    }
    let heading = match lang {
        Lang::En => "  help: ",
        Lang::Sv => "  åtgärd: ",
    };
    let indent = " ".repeat(heading.chars().count());
    let options = textwrap::Options::new(width.saturating_sub(2))
        .initial_indent(heading)
        .subsequent_indent(&indent)
        .break_words(false)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    let lines: Vec<String> = help
        .lines()
        .enumerate()
        .flat_map(|(i, line)| {
            let options = if i == 0 { options.clone() } else { options.clone().initial_indent(&indent) };
            textwrap::wrap(line, options).into_iter().map(|l| l.into_owned()).collect::<Vec<_>>()
        })
        .collect();
    format!("{}\n", lines.join("\n"))
}

/// Render every shown finding, then a one-line summary.
pub fn render(report: &RunReport, style: Style, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let theme = if style.color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    // Lines wrap only at spaces and never inside a word, so a link is never broken in two.
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
        .with_break_words(false)
        .with_word_separator(textwrap::WordSeparator::AsciiSpace)
        .with_word_splitter(textwrap::WordSplitter::NoHyphenation);
    for file in &report.files {
        for finding in file.findings.iter().filter(|f| shown(f, style.show_info)) {
            let shown = Shown {
                finding,
                source: NamedSource::new(&file.path, file.text.as_deref().unwrap_or_default().to_string()),
            };
            let mut text = String::new();
            handler.render_report(&mut text, &shown).map_err(std::io::Error::other)?;
            text.push_str(&footer(&help_text(finding, report.lang), report.lang, style.width));
            writeln!(out, "{text}")?;
        }
        if file.truncated > 0 {
            writeln!(out, "{}\n", super::truncation_note(&file.path, file.truncated, report.lang))?;
        }
    }
    out.write_all(summary(report, style.show_info).as_bytes())
}

/// The words of the summary line, singular and plural.
struct Words {
    files: [&'static str; 2],
    errors: [&'static str; 2],
    warnings: [&'static str; 2],
    clean: &'static str,
    waived: &'static str,
    baselined: &'static str,
}

const EN: Words = Words {
    files: ["file checked", "files checked"],
    errors: ["error", "errors"],
    warnings: ["warning", "warnings"],
    clean: "no problems found",
    waived: "waived",
    baselined: "held by the baseline",
};

const SV: Words = Words {
    files: ["fil granskad", "filer granskade"],
    errors: ["fel", "fel"],
    warnings: ["varning", "varningar"],
    clean: "inga problem",
    waived: "med avsteg",
    baselined: "i baslinjen",
};

fn summary(report: &RunReport, show_info: bool) -> String {
    let c = Counts::of(report);
    let w = match report.lang {
        Lang::En => &EN,
        Lang::Sv => &SV,
    };
    let word = |n: usize, forms: [&'static str; 2]| if n == 1 { forms[0] } else { forms[1] };
    let files = report.files.len();
    let infos = if show_info { c.infos } else { 0 };
    let baselined = if c.baselined > 0 { format!(", {} {}", c.baselined, w.baselined) } else { String::new() };
    if c.errors + c.warnings + infos == 0 {
        return format!("{files} {}: {}{baselined}\n", word(files, w.files), w.clean);
    }
    let waived = if c.waived > 0 { format!(", {} {}", c.waived, w.waived) } else { String::new() };
    format!(
        "{files} {}: {} {}, {} {}{waived}{baselined}\n",
        word(files, w.files),
        c.errors,
        word(c.errors, w.errors),
        c.warnings,
        word(c.warnings, w.warnings)
    )
}
