//! `rpcheck-baseline.toml`: the findings a project had when it adopted rpcheck, which `lint` then
//! holds back so that only new ones fail the run. An entry names a finding by rule, record file
//! (relative to the project root) and place by keys ([`crate::location::location_key`]), never by
//! line or array index, so moving lines or reordering entries keeps it valid; its count says how
//! many such findings it holds. An entry that holds nothing any more is `record/baseline-stale`.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::engine::{Engine, Located};
use crate::error::{Error, Problem, Result};
use crate::findings::{Anchor, Finding};
use crate::schema_check::SchemaCheck;
use crate::source;

/// The baseline's file name, beside rpcheck.toml at the project root.
pub use crate::config::BASELINE_FILE_NAME as FILE_NAME;

/// The only format version so far.
const VERSION: u32 = 1;

/// The rule a stale entry is reported under.
pub const STALE_RULE: &str = "record/baseline-stale";

/// The baseline file as written: a version and its entries.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "rpcheck baseline (rpcheck-baseline.toml)")]
struct FileSpec {
    /// The format version: 1.
    version: u32,
    /// The findings held back, one entry per rule, file and place.
    #[serde(default)]
    finding: Vec<EntrySpec>,
}

/// One entry as written.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct EntrySpec {
    /// The rule id.
    #[schemars(length(min = 1))]
    rule: String,
    /// The record file, relative to the project root, with `/`.
    #[schemars(length(min = 1))]
    file: String,
    /// The place in the record by keys and entry ids (`purposes[informera].legal_basis`).
    location: String,
    /// How many findings of this rule at this place it holds.
    #[schemars(range(min = 1))]
    count: u32,
}

/// What names a finding in the baseline. Ordered by file first, as the file is written.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    /// The record file, relative to the project root, with `/`.
    pub file: String,
    /// The rule id.
    pub rule: String,
    /// The place in the record by keys and entry ids.
    pub location: String,
}

/// One entry of a baseline file.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The findings it names.
    pub key: Key,
    /// How many of them it holds.
    pub count: usize,
    /// Where the entry stands in the baseline file.
    span: Range<usize>,
}

/// A project's baseline, read and checked.
#[derive(Debug, Clone)]
pub struct Baseline {
    /// The file's path.
    pub path: PathBuf,
    /// Its text, for drawing stale entries on it.
    pub text: Arc<str>,
    /// Its entries, in the file's order.
    pub entries: Vec<Entry>,
}

impl Baseline {
    /// The baseline at the project root `root`, if there is one; a malformed one is a
    /// configuration error (exit 2) at its place, as rpcheck.toml's are.
    pub fn load(root: &Path) -> Result<Option<Baseline>> {
        let path = root.join(FILE_NAME);
        let shown = crate::paths::shown_path(&path);
        match std::fs::read_to_string(&path) {
            Ok(text) => Baseline::parse(&path, &shown, &text).map(Some),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::io(&shown, e)),
        }
    }

    /// Parse a baseline's text (at `path`, shown as `shown` in errors): TOML syntax, the form of
    /// every entry (each problem at its place), and no entry twice.
    pub fn parse(path: &Path, shown: &Path, text: &str) -> Result<Baseline> {
        let invalid = |problems| Error::invalid_file_all("invalid baseline", shown, text, problems);
        let doc = source::parse(text).map_err(|errors| {
            invalid(errors.into_iter().map(|e| Problem::new(Some(e.span), e.message, None)).collect())
        })?;
        let issues = SchemaCheck::new(crate::model::schema_for::<FileSpec>()).check(&doc.value);
        let mut problems = crate::config::schema_problems(&doc, issues)?;
        if let Some(first) = problems.first_mut() {
            // The way out is the same for every problem: say it once, under the first.
            first.or_help(REGENERATE);
            return Err(invalid(problems));
        }
        let spec = FileSpec::deserialize(&doc.value)
            .map_err(|e| invalid(vec![Problem::new(None, format!("cannot read the baseline: {e}"), None)]))?;
        if spec.version != VERSION {
            let message = format!("this is a version {} baseline; this rpcheck reads version {VERSION}", spec.version);
            return Err(invalid(vec![Problem::new(Some(doc.span_of("/version")), message, Some(REGENERATE.into()))]));
        }
        let mut seen: HashMap<Key, usize> = HashMap::new();
        let mut entries = Vec::with_capacity(spec.finding.len());
        for (i, e) in spec.finding.into_iter().enumerate() {
            let key = Key { file: e.file, rule: e.rule, location: e.location };
            let span = doc.span_of(&format!("/finding/{i}"));
            if let Some(first) = seen.insert(key.clone(), i) {
                let message = format!("this entry repeats entry {} (same rule, file and location)", first + 1);
                let help = "merge the two into one entry whose count is their sum".to_string();
                return Err(invalid(vec![Problem::new(Some(span), message, Some(help))]));
            }
            entries.push(Entry { key, count: e.count as usize, span });
        }
        Ok(Baseline { path: path.to_path_buf(), text: text.into(), entries })
    }

    /// A tally of which findings this baseline holds, filled as a run's files are checked.
    pub fn holding(&self) -> Holding<'_> {
        let index = self.entries.iter().enumerate().map(|(i, e)| (&e.key, i)).collect();
        Holding { baseline: self, index, matched: vec![0; self.entries.len()], held: 0 }
    }

    /// The `record/baseline-stale` finding of entry `i`, drawn on it; `None` when rpcheck.toml
    /// turns the rule off. It takes the same path as every other finding (`Engine::settle`).
    pub fn stale_finding(&self, engine: &Engine<'_>, i: usize) -> Option<Finding> {
        let entry = self.entries.get(i)?;
        let vars = [
            ("rule", entry.key.rule.clone()),
            ("file", entry.key.file.clone()),
            ("location", entry.key.location.clone()),
            ("count", entry.count.to_string()),
        ];
        let pointer = format!("/finding/{i}");
        let raw = engine.worded_finding(STALE_RULE, "", pointer, Anchor::Value, &vars);
        let at = Located { region: source::LineIndex::new(&self.text).region(&entry.span), span: entry.span.clone() };
        engine.cross_file_finding(raw, &at)
    }
}

/// The help of every malformed-baseline error.
const REGENERATE: &str = "the baseline is written by `rpcheck baseline`: run it again to rewrite the file";

/// Which findings of a run a baseline holds, and which of its entries held any.
#[derive(Debug)]
pub struct Holding<'b> {
    baseline: &'b Baseline,
    index: HashMap<&'b Key, usize>,
    matched: Vec<usize>,
    held: usize,
}

impl<'b> Holding<'b> {
    /// Take out of `findings` (whose keys are `keys`, in the same order) those the baseline
    /// holds: an entry with count n holds the first n findings of its key, and no more.
    pub fn hold(&mut self, findings: Vec<Finding>, keys: &[Key]) -> Vec<Finding> {
        let mut kept = Vec::with_capacity(findings.len());
        for (finding, key) in findings.into_iter().zip(keys) {
            let entry = self.index.get(key).copied();
            match entry {
                Some(i) if self.matched[i] < self.baseline.entries[i].count => {
                    self.matched[i] += 1;
                    self.held += 1;
                }
                Some(i) => {
                    // Counted so that `--prune` never lowers an entry below what it still meets.
                    self.matched[i] += 1;
                    kept.push(finding);
                }
                None => kept.push(finding),
            }
        }
        kept
    }

    /// How many findings the baseline held.
    pub fn held(&self) -> usize {
        self.held
    }

    /// The entries that held no finding, among those `judged` says this run can judge (a run
    /// over some files cannot say that another file's entry is stale).
    pub fn stale(&self, judged: impl Fn(&Key) -> bool) -> Vec<usize> {
        (0..self.matched.len()).filter(|&i| self.matched[i] == 0 && judged(&self.baseline.entries[i].key)).collect()
    }

    /// The baseline with what this run can judge pruned: entries that met no finding removed,
    /// counts lowered to the findings still met; never an entry added or a count raised.
    pub fn pruned(&self, judged: impl Fn(&Key) -> bool) -> BTreeMap<Key, usize> {
        let entries = self.baseline.entries.iter().zip(&self.matched);
        entries
            .map(|(e, &met)| (e.key.clone(), if judged(&e.key) { e.count.min(met) } else { e.count }))
            .filter(|(_, count)| *count > 0)
            .collect()
    }
}

/// The baseline keys of a file's findings: rule, the file's path from the project root (`file`),
/// and each finding's place by keys in the record `text` (which may not parse: then by pointer
/// tokens alone).
pub fn keys(file: &str, text: &str, findings: &[Finding]) -> Vec<Key> {
    let record = source::parse(text).map_or(serde_json::Value::Null, |doc| doc.value);
    findings
        .iter()
        .map(|f| Key {
            file: file.to_string(),
            rule: f.rule.to_string(),
            location: crate::location::location_key(&f.pointer, &record),
        })
        .collect()
}

/// The text of a baseline holding `entries` (findings by key, with counts): a header saying what
/// the file is and how to rewrite it, then the entries sorted by file, rule and place.
pub fn render(entries: &BTreeMap<Key, usize>) -> String {
    let mut out = String::from(HEADER);
    out.push_str(&format!("\nversion = {VERSION}\n"));
    for (key, count) in entries {
        out.push_str("\n[[finding]]\n");
        for (name, value) in [("rule", &key.rule), ("file", &key.file), ("location", &key.location)] {
            out.push_str(&format!("{name} = {}\n", toml::Value::String(value.clone())));
        }
        out.push_str(&format!("count = {count}\n"));
    }
    out
}

const HEADER: &str = "\
# rpcheck baseline: the findings this project had when it adopted rpcheck. `rpcheck lint` does not
# report them (each entry holds up to `count` findings of its rule at its place in its file), so
# that only new findings fail the run; `--no-baseline` shows them all.
#
# Written by `rpcheck baseline`, which rewrites this file from today's findings when run again;
# `rpcheck baseline --prune` only removes entries that no longer match a finding. Fix the findings
# rather than adding entries by hand, or waive one in its record, with a reason and an expiry.
";

/// A record file's path as the baseline names it: from the project root, with `/`; a file outside
/// the root keeps its whole path.
pub fn record_path(root: &Path, file: &Path) -> String {
    // `--config ../rpcheck.toml` makes a root with `..` in it; the file's path has none.
    let (root, file) = (crate::paths::normalise(root), crate::paths::normalise(file));
    let relative = file.strip_prefix(&root).unwrap_or(&file);
    let parts: Vec<String> = relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    if relative.is_absolute() { relative.display().to_string() } else { parts.join("/") }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::Path;

    use super::{Baseline, Key, render};

    fn key(file: &str, rule: &str, location: &str) -> Key {
        Key { file: file.into(), rule: rule.into(), location: location.into() }
    }

    #[test]
    fn what_is_written_reads_back() {
        let entries = BTreeMap::from([
            (key("records/b.toml", "gdpr/dpia", "purposes[a \"b\"].x"), 2),
            (key("records/a.toml", "record/schema", ""), 1),
        ]);
        let text = render(&entries);
        let baseline = Baseline::parse(Path::new("b.toml"), Path::new("b.toml"), &text).expect("parses");
        let read: BTreeMap<Key, usize> = baseline.entries.iter().map(|e| (e.key.clone(), e.count)).collect();
        assert_eq!(read, entries);
        assert_eq!(baseline.entries[0].key.file, "records/a.toml", "sorted by file");
    }

    fn finding(rule: &str) -> crate::findings::Finding {
        crate::findings::Finding {
            rule: rule.into(),
            severity: crate::findings::Severity::Error,
            pointer: String::new(),
            span: 0..0,
            region: Default::default(),
            message: "m".into(),
            help: None,
            references: Vec::new().into(),
            fix: None,
        }
    }

    #[test]
    fn a_count_holds_that_many_and_no_more() {
        let text = "version = 1\n[[finding]]\nrule = \"x\"\nfile = \"a.toml\"\nlocation = \"\"\ncount = 2\n\
                    [[finding]]\nrule = \"y\"\nfile = \"a.toml\"\nlocation = \"\"\ncount = 1\n";
        let baseline = Baseline::parse(Path::new("b"), Path::new("b"), text).expect("parses");
        let mut holding = baseline.holding();
        let keys = vec![key("a.toml", "x", ""); 3];
        let kept = holding.hold(vec![finding("x"), finding("x"), finding("x")], &keys);
        assert_eq!((kept.len(), holding.held()), (1, 2), "a count of 2 hides two, the third shows");
        assert_eq!(holding.stale(|_| true), vec![1], "`y` met nothing");
        assert_eq!(holding.stale(|k| k.rule != "y"), Vec::<usize>::new(), "unless the run cannot judge it");
        let pruned = holding.pruned(|_| true);
        assert_eq!(pruned, BTreeMap::from([(key("a.toml", "x", ""), 2)]), "prune never raises a count");
    }

    #[test]
    fn a_record_is_named_from_the_project_root() {
        use super::record_path;
        assert_eq!(record_path(Path::new("/p/sub/.."), Path::new("/p/records/a.toml")), "records/a.toml");
        assert_eq!(record_path(Path::new("/p"), Path::new("/p/./records/../b.toml")), "b.toml");
        assert_eq!(record_path(Path::new("/p"), Path::new("/q/c.toml")), "/q/c.toml");
    }

    #[test]
    fn a_malformed_entry_is_an_error() {
        for text in [
            "version = 1\n[[finding]]\nrule = \"x\"\nfile = \"a.toml\"\nlocation = \"\"\ncount = 0\n",
            "version = 1\n[[finding]]\nrule = \"x\"\nfile = \"a.toml\"\nlocation = \"\"\n",
            "version = 2\n",
            "version = 1\nfindings = []\n",
            "version = 1\n[[finding]]\nrule = \"x\"\nfile = \"a.toml\"\nlocation = \"\"\ncount = 1\n\
             [[finding]]\nrule = \"x\"\nfile = \"a.toml\"\nlocation = \"\"\ncount = 1\n",
            "version = ",
        ] {
            assert!(Baseline::parse(Path::new("b"), Path::new("b"), text).is_err(), "{text}");
        }
    }
}
