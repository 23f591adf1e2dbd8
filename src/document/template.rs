//! Laying a document model out with minijinja templates: the built-in ones are files under
//! `templates/` embedded in the binary; a project's `notice_templates` folder overrides them
//! file by file. Templates only lay out; every word and decision is in the model.

use std::path::{Path, PathBuf};

use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, Output, State, UndefinedBehavior, Value};
use serde::Serialize;

use crate::error::{Error, Result};

/// The built-in templates, by the name templates and users know them by.
const BUILTIN: &[(&str, &str)] = &[
    ("notice.md", include_str!("../../templates/notice.md")),
    ("notice.html", include_str!("../../templates/notice.html")),
    ("register.md", include_str!("../../templates/register.md")),
    ("register.html", include_str!("../../templates/register.html")),
    ("report.html", include_str!("../../templates/report.html")),
    ("style.css", include_str!("../../templates/style.css")),
];

/// The template set of one run.
pub struct Templates {
    env: Environment<'static>,
    user_dir: Option<PathBuf>,
}

impl Templates {
    /// The built-in templates, overridden by files of the same name in `user_dir`.
    pub fn new(user_dir: Option<PathBuf>) -> Templates {
        let mut env = Environment::new();
        // A misspelt field in a user's template is an error with its line, not a silent blank.
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_auto_escape_callback(escape_for);
        env.set_formatter(format_value);
        let dir = user_dir.clone();
        env.set_loader(move |name| {
            if let Some(path) = dir.as_ref().map(|d| d.join(name)).filter(|p| p.is_file()) {
                return std::fs::read_to_string(&path).map(Some).map_err(|e| {
                    minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, format!("cannot read: {e}"))
                });
            }
            Ok(BUILTIN.iter().find(|(n, _)| *n == name).map(|(_, text)| text.to_string()))
        });
        Templates { env, user_dir }
    }

    /// Render the template `name` with `model` as its context.
    pub fn render<T: Serialize>(&self, name: &str, model: &T) -> Result<String> {
        let template = self.env.get_template(name).map_err(|e| self.error(name, &e))?;
        let mut text = template.render(Value::from(Serde(model))).map_err(|e| self.error(name, &e))?;
        if !text.ends_with('\n') {
            text.push('\n');
        }
        Ok(text)
    }

    /// A template error as a run failure naming the template's file and line.
    fn error(&self, rendered: &str, error: &minijinja::Error) -> Error {
        let name = error.name().unwrap_or(rendered);
        let user = self.user_dir.as_ref().map(|d| d.join(name)).filter(|p| p.is_file());
        let (path, text) = match &user {
            Some(path) => (crate::paths::shown_path(path), std::fs::read_to_string(path).unwrap_or_default()),
            None => {
                let text = BUILTIN.iter().find(|(n, _)| *n == name).map_or("", |(_, t)| t);
                (Path::new("templates").join(name), text.to_string())
            }
        };
        let span = error.line().and_then(|line| line_span(&text, line));
        let mut message = error.kind().to_string();
        if let Some(detail) = error.detail() {
            message = format!("{message}: {detail}");
        }
        let message = match error.line() {
            Some(line) => format!("line {line}: {message}"),
            None => message,
        };
        Error::invalid_file("broken template", &path, &text, span, message, None)
    }
}

/// The byte range of 1-based line `line` in `text`, without its line end.
fn line_span(text: &str, line: usize) -> Option<std::ops::Range<usize>> {
    let mut start = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return Some(start..start + l.trim_end_matches(['\n', '\r']).len());
        }
        start += l.len();
    }
    None
}

/// HTML templates escape for HTML, Markdown templates for Markdown; the rest (CSS) not at all.
fn escape_for(name: &str) -> AutoEscape {
    match name.rsplit('.').next() {
        Some("md") => AutoEscape::Custom("markdown".into()),
        _ => minijinja::default_auto_escape_callback(name),
    }
}

/// Values into the output: escaped for Markdown in `.md` templates and for HTML in `.html`
/// ones (the five characters that matter, so addresses stay readable), as they are elsewhere.
fn format_value(out: &mut Output, state: &mut State, value: &Value) -> std::result::Result<(), minijinja::Error> {
    let escape: fn(&str) -> String = match state.auto_escape() {
        _ if value.is_safe() => return minijinja::escape_formatter(out, state, value),
        AutoEscape::Custom(name) if name == "markdown" => escape_markdown,
        AutoEscape::Html => escape_html,
        _ => return minijinja::escape_formatter(out, state, value),
    };
    let text = if value.is_none() { String::new() } else { value.to_string() };
    out.write_str(&escape(&text)).map_err(minijinja::Error::from)
}

/// Text as inert HTML, in element content and in quoted attributes alike.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Record text as inert Markdown: punctuation that Markdown or HTML would act on is escaped
/// and line breaks become spaces, so a record cannot add headings, links or HTML to a notice.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // At the start of a line (a list item's text), `-`, `+` or `1.` would begin a nested list.
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if text.starts_with(['-', '+']) {
        out.push('\\');
    } else if digits > 0 && text[digits..].starts_with(['.', ')']) {
        out.push_str(&text[..digits]);
        out.push('\\');
        out.push_str(&escape_markdown(&text[digits..]));
        return out;
    }
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '{' | '}' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '&' => out.push_str("&amp;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escaping_leaves_nothing_live() {
        let escaped = escape_markdown("<script>x</script> [a](javascript:1)\n# h &amp;");
        assert_eq!(escaped, r"\<script\>x\</script\> \[a\](javascript:1) \# h &amp;amp;");
        assert_eq!(escape_markdown("- a"), r"\- a");
        assert_eq!(escape_markdown("12. a"), r"12\. a");
    }

    #[test]
    fn html_escaping_covers_content_and_attributes() {
        assert_eq!(
            escape_html(r#"<a href="x" onclick='y'>&"#),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;"
        );
    }

    #[test]
    fn a_line_span_excludes_the_line_end() {
        assert_eq!(line_span("ab\r\ncd\n", 2), Some(4..6));
        assert_eq!(line_span("ab\n", 3), None);
    }
}
