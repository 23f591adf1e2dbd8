//! Which files to check and which rpcheck.toml governs each: walk folders (honouring
//! .gitignore), find the project file by walking up, apply include/exclude globs.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use rayon::prelude::*;

use crate::config::{Config, FILE_NAME};
use crate::error::{Error, Result};
use crate::paths::normalise;

/// A folder governed by one rpcheck.toml (or none).
#[derive(Debug)]
pub struct Project {
    /// The folder that holds rpcheck.toml (or the folder linted, when there is none).
    pub root: PathBuf,
    /// The project file, if any.
    pub config_path: Option<PathBuf>,
    /// Its contents.
    pub config: Config,
    include: GlobSet,
    /// The folder `include` is relative to: the root, or that of the file it was inherited from.
    include_base: PathBuf,
    /// Whether rpcheck.toml names its records with `include`; without it a file must declare
    /// itself a record (see [`declares_record`]).
    explicit_include: bool,
    exclude: GlobSet,
    /// The folder `exclude` is relative to.
    exclude_base: PathBuf,
    packs: Vec<PathBuf>,
}

impl Project {
    fn new(root: PathBuf, config_path: Option<PathBuf>) -> Result<Project> {
        let config = match &config_path {
            Some(path) => Config::load(path)?,
            None => Config::default(),
        };
        let default_include = vec!["**/*.toml".to_string()];
        let include = globs(&config, "include", config.include.as_ref().unwrap_or(&default_include))?;
        let exclude = globs(&config, "exclude", &config.exclude)?;
        let packs = config.policies.iter().map(|p| root.join(p)).collect();
        let explicit_include = config.include.is_some();
        let (include_base, exclude_base) = config.glob_bases();
        let (include_base, exclude_base) = (normalise(&root.join(include_base)), normalise(&root.join(exclude_base)));
        Ok(Project { root, config_path, config, include, include_base, explicit_include, exclude, exclude_base, packs })
    }

    /// The user's pack files, as paths.
    pub fn pack_paths(&self) -> &[PathBuf] {
        &self.packs
    }

    /// Whether `path` (normalised) is one of this project's packs.
    fn governs_pack(&self, path: &Path) -> bool {
        self.packs.iter().any(|p| normalise(p) == path)
    }

    /// Whether a file found by walking a folder is a record of this project.
    fn selects(&self, path: &Path) -> bool {
        match self.selection(path) {
            Selection::No => false,
            Selection::Yes => true,
            Selection::IfDeclared => declares_record(path),
        }
    }

    /// Whether a file is a record of this project by its path alone, or only if it declares
    /// itself one.
    fn selection(&self, path: &Path) -> Selection {
        if !path.starts_with(&self.root) {
            return Selection::Yes;
        }
        let path = &normalise(path);
        let matches = |set: &GlobSet, base: &Path| path.strip_prefix(base).is_ok_and(|r| set.is_match(r));
        let matched = matches(&self.include, &self.include_base)
            && !matches(&self.exclude, &self.exclude_base)
            && !self.governs_pack(path);
        match () {
            _ if !matched => Selection::No,
            _ if self.explicit_include => Selection::Yes,
            _ if is_other_tools_file(path) => Selection::No,
            _ => Selection::IfDeclared,
        }
    }
}

/// Whether a file is a record, as far as its path tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Selection {
    /// Not a record.
    No,
    /// A record.
    Yes,
    /// A record if it declares itself one (see [`declares_record`]).
    IfDeclared,
}

/// rpcheck's own project files, never records whatever `include` says: rpcheck.toml and the
/// baseline.
fn is_project_file(path: &Path) -> bool {
    let name = path.file_name();
    name == Some(FILE_NAME.as_ref()) || name == Some(crate::config::BASELINE_FILE_NAME.as_ref())
}

/// Project files of other tools that sit beside records and are never records by default.
const OTHER_TOOLS_FILES: [&str; 2] = ["Cargo.toml", "pyproject.toml"];

fn is_other_tools_file(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| OTHER_TOOLS_FILES.contains(&n))
}

/// How much of a file is read at most to decide whether it is a record: its top-level keys come
/// first, and the reading stops at the first table header.
const HEAD_BYTES: usize = 64 * 1024;

/// Whether a `.toml` file declares itself a record: `schema_version` among its top-level keys,
/// or a `#:schema` line naming the record schema. It is read in small pieces until a line
/// decides (a declaration, or the first table header), so a folder of other tools' TOML costs
/// little. A file that cannot be read, or is not UTF-8, counts as a record, so that the lint
/// reports why instead of passing it by.
fn declares_record(path: &Path) -> bool {
    use std::io::Read;
    let Ok(mut file) = std::fs::File::open(path) else { return true };
    let mut head = Vec::with_capacity(8 * 1024);
    let mut piece = [0u8; 8 * 1024];
    loop {
        match file.read(&mut piece) {
            Ok(0) => return std::str::from_utf8(&head).map_or(true, |text| head_verdict(text, true) == Some(true)),
            Ok(n) => head.extend_from_slice(&piece[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return true,
        }
        // Only whole lines are judged: the last one may go on in the next piece.
        let whole = head.iter().rposition(|&b| b == b'\n').map_or(0, |end| end + 1);
        // Whole lines end on a whole character; a file that is not UTF-8 counts as a record, so
        // that the lint says so.
        let Ok(text) = std::str::from_utf8(&head[..whole]) else { return true };
        if let Some(verdict) = head_verdict(text, false) {
            return verdict;
        }
        if head.len() >= HEAD_BYTES {
            return false;
        }
    }
}

/// Whether the lines of `head` show a record (`Some(true)`), show none (`Some(false)`: a table
/// header came first, or, when `complete`, the file ended), or cannot tell yet (`None`).
fn head_verdict(head: &str, complete: bool) -> Option<bool> {
    let head = head.strip_prefix('\u{feff}').unwrap_or(head);
    for line in head.lines().map(str::trim_start) {
        if let Some(target) = line.strip_prefix("#:schema") {
            if target.trim().ends_with(RECORD_SCHEMA_FILE) {
                return Some(true);
            }
        } else if line.starts_with('[') {
            return Some(false);
        } else if ["schema_version", "\"schema_version\"", "'schema_version'"]
            .iter()
            .any(|key| line.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with('=')))
        {
            return Some(true);
        }
    }
    complete.then_some(false)
}

/// The file name of the record schema, as `#:schema` lines name it.
pub const RECORD_SCHEMA_FILE: &str = "record.schema.json";

/// Compile the globs of `config`'s `key`; a bad one is a configuration error at its place.
fn globs(config: &Config, key: &str, patterns: &[String]) -> Result<GlobSet> {
    let mut builder = GlobSetBuilder::new();
    for (i, pattern) in patterns.iter().enumerate() {
        let glob =
            Glob::new(pattern).map_err(|e| config.error_at(&format!("/{key}/{i}"), format!("bad glob: {e}"), None))?;
        builder.add(glob);
    }
    builder.build().map_err(|e| config.error_at(&format!("/{key}"), format!("bad globs: {e}"), None))
}

/// One file to check and the project that governs it.
#[derive(Debug, Clone)]
pub struct Input {
    /// Where to read it (`-` for standard input).
    pub path: PathBuf,
    /// How to show it.
    pub display: String,
    /// Index into [`Discovery::projects`].
    pub project: usize,
}

/// The projects and files of a run.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Projects, in the order first met.
    pub projects: Vec<Project>,
    /// Files, sorted by display path.
    pub inputs: Vec<Input>,
    by_dir: HashMap<PathBuf, usize>,
    forced: Option<usize>,
    force_exclude: bool,
}

impl Discovery {
    /// Find the files under `paths`; with `config`, that file governs them all. An rpcheck.toml
    /// or policy pack named stands for the records it governs. With `force_exclude`, other files
    /// named on the command line must pass include/exclude too (for hooks that pass every
    /// changed `.toml`).
    pub fn new(
        paths: &[PathBuf],
        config: Option<&Path>,
        stdin_name: Option<&Path>,
        force_exclude: bool,
    ) -> Result<Discovery> {
        let cwd = std::env::current_dir().map_err(|e| Error::io(Path::new("."), e))?;
        let mut d = Discovery { force_exclude, ..Discovery::default() };
        if let Some(config) = config {
            let config = std::path::absolute(config).map_err(|e| Error::io(config, e))?;
            let root = config.parent().map_or_else(|| cwd.clone(), Path::to_path_buf);
            d.forced = Some(d.push(Project::new(root, Some(config))?));
        }
        let default_paths = [d.default_root(&cwd)?];
        let paths = if paths.is_empty() { &default_paths[..] } else { paths };
        for path in paths {
            if path.as_os_str() == "-" {
                let name = stdin_name.ok_or_else(|| {
                    Error::usage(
                        "reading from `-` needs --stdin-filename",
                        Some("e.g. --stdin-filename records/x.toml".into()),
                    )
                })?;
                let project = d.project_for(&cwd.join(name))?;
                d.inputs.push(Input {
                    path: path.clone(),
                    display: crate::paths::display(&cwd, &cwd.join(name)),
                    project,
                });
                continue;
            }
            d.add_path(&cwd, path)?;
        }
        d.inputs.sort_by(|a, b| a.display.cmp(&b.display));
        d.inputs.dedup_by(|a, b| a.display == b.display);
        Ok(d)
    }

    fn default_root(&mut self, cwd: &Path) -> Result<PathBuf> {
        if let Some(i) = self.forced {
            return Ok(self.projects[i].root.clone());
        }
        let found = cwd.ancestors().find(|dir| dir.join(FILE_NAME).is_file());
        Ok(found.unwrap_or(cwd).to_path_buf())
    }

    fn push(&mut self, project: Project) -> usize {
        self.projects.push(project);
        self.projects.len() - 1
    }

    fn add_path(&mut self, cwd: &Path, path: &Path) -> Result<()> {
        let absolute = cwd.join(path);
        let meta = std::fs::metadata(&absolute).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            return self.walk(cwd, &absolute, |_| true);
        }
        if self.add_governed(cwd, &absolute)? {
            return Ok(());
        }
        let project = self.project_for(&absolute)?;
        let excluded = self.force_exclude && (is_project_file(&absolute) || !self.projects[project].selects(&absolute));
        if !excluded {
            self.inputs.push(Input { path: absolute.clone(), display: crate::paths::display(cwd, &absolute), project });
        }
        Ok(())
    }

    /// When `file` is an rpcheck.toml, a baseline or a pack its project names, add every record
    /// it governs instead of the file: the records of its folder, and of nested projects that
    /// extend it or name the pack too (so that a change to either is checked where it has
    /// effect). Returns whether `file` was one.
    fn add_governed(&mut self, cwd: &Path, file: &Path) -> Result<bool> {
        let file = normalise(file);
        let folder = file.parent().unwrap_or(Path::new("/")).to_path_buf();
        let project = self.project_for(&file)?;
        if file.file_name() == Some(FILE_NAME.as_ref()) {
            let forced = self.forced.is_some();
            self.walk(cwd, &folder, |p| forced || p.config.files().any(|f| f == file))?;
            return Ok(true);
        }
        if file.file_name() == Some(crate::config::BASELINE_FILE_NAME.as_ref()) {
            // A baseline holds the findings of its own project's records only.
            let config = folder.join(FILE_NAME);
            self.walk(cwd, &folder, |p| p.config_path.as_deref().map(normalise).as_deref() == Some(&*config))?;
            return Ok(true);
        }
        if !self.projects[project].governs_pack(&file) {
            return Ok(false);
        }
        let root = self.projects[project].root.clone();
        self.walk(cwd, &root, |p| p.governs_pack(&file))?;
        Ok(true)
    }

    /// Add the records below `dir` (honouring .gitignore) whose project `keep` accepts. Telling
    /// the files that must declare themselves records means reading them: that is done in
    /// parallel, once the walk has named them.
    fn walk(&mut self, cwd: &Path, dir: &Path, keep: impl Fn(&Project) -> bool) -> Result<()> {
        let (mut found, mut undeclared) = (Vec::new(), Vec::new());
        let walker = ignore::WalkBuilder::new(dir).follow_links(false).require_git(false).build();
        for entry in walker {
            let entry = entry
                .map_err(|e| Error::usage(format!("cannot walk {}: {e}", crate::paths::display(cwd, dir)), None))?;
            let file = entry.path();
            let is_toml = file.extension().is_some_and(|e| e == "toml") && !is_project_file(file);
            if !is_toml || !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            let project = self.project_for(file)?;
            if !keep(&self.projects[project]) {
                continue;
            }
            match self.projects[project].selection(file) {
                Selection::No => {}
                Selection::Yes => found.push((file.to_path_buf(), project)),
                Selection::IfDeclared => undeclared.push((file.to_path_buf(), project)),
            }
        }
        let declared = undeclared.into_par_iter().filter(|(file, _)| declares_record(file));
        found.par_extend(declared);
        for (file, project) in found {
            let display = crate::paths::display(cwd, &file);
            self.inputs.push(Input { path: file, display, project });
        }
        Ok(())
    }

    /// The project governing `file`: the forced one, else the nearest rpcheck.toml above it.
    fn project_for(&mut self, file: &Path) -> Result<usize> {
        if let Some(i) = self.forced {
            return Ok(i);
        }
        let dir = file.parent().unwrap_or(Path::new("/")).to_path_buf();
        if let Some(&i) = self.by_dir.get(&dir) {
            return Ok(i);
        }
        let config_dir = dir.ancestors().find(|d| d.join(FILE_NAME).is_file()).map(Path::to_path_buf);
        let existing = self.projects.iter().position(|p| match &config_dir {
            Some(c) => p.config_path.as_deref() == Some(c.join(FILE_NAME).as_path()),
            None => p.config_path.is_none(),
        });
        let i = match existing {
            Some(i) => i,
            None => {
                let root = config_dir.clone().unwrap_or_else(|| dir.clone());
                let config_path = config_dir.map(|c| c.join(FILE_NAME));
                self.push(Project::new(root, config_path)?)
            }
        };
        self.by_dir.insert(dir, i);
        Ok(i)
    }
}

/// The user's policy packs named by the rpcheck.toml that governs the current folder, if any.
pub fn current_project_packs() -> Result<Vec<PathBuf>> {
    let cwd = std::env::current_dir().map_err(|e| Error::io(Path::new("."), e))?;
    let Some(dir) = cwd.ancestors().find(|d| d.join(FILE_NAME).is_file()) else { return Ok(Vec::new()) };
    let config = Config::load(&dir.join(FILE_NAME))?;
    Ok(config.policies.iter().map(|p| dir.join(p)).collect())
}

#[cfg(test)]
mod tests {
    use super::{declares_record, head_verdict};

    fn head_declares_record(head: &str) -> bool {
        head_verdict(head, true) == Some(true)
    }

    #[test]
    fn a_record_declares_itself() {
        assert!(head_declares_record("# a record\nschema_version = 1\nid = \"x\"\n"));
        assert!(head_declares_record("\u{feff}schema_version=1\n"));
        assert!(head_declares_record("#:schema ../schema/record.schema.json\nid = \"x\"\n"));
        assert!(head_declares_record("#:schema https://example.org/record.schema.json\n"));
    }

    #[test]
    fn other_toml_is_no_record() {
        assert!(!head_declares_record("[project]\nname = \"x\"\nschema_version = 1\n"));
        assert!(!head_declares_record("[tool.x]\nschema_version = 1\n"));
        assert!(!head_declares_record("#:schema ./rpcheck.schema.json\nlang = \"sv\"\n"));
        assert!(!head_declares_record("schema_versions = 1\n"));
        assert!(!head_declares_record(""));
    }

    #[test]
    fn a_declaration_is_found_across_the_pieces_a_file_is_read_in() {
        let dir = std::env::temp_dir().join(format!("rpcheck-declares-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a scratch folder");
        // A comment header longer than one piece, ending so that the key straddles two pieces.
        let padding = "# ".to_string() + &"x".repeat(8 * 1024 - 8) + "\n";
        let cases = [
            (format!("{padding}schema_version = 1\n"), true),
            (format!("{padding}{padding}{padding}[table]\nschema_version = 1\n"), false),
            (format!("{padding}id = \"x\""), false),
            ("schema_version = 1".to_string(), true),
        ];
        for (i, (text, expected)) in cases.iter().enumerate() {
            let path = dir.join(format!("{i}.toml"));
            std::fs::write(&path, text).expect("write");
            assert_eq!(declares_record(&path), *expected, "case {i}");
        }
        assert!(declares_record(&dir.join("missing.toml")), "an unreadable file is reported, not passed by");
        let latin1 = dir.join("latin1.toml");
        std::fs::write(&latin1, b"name = \"Bostadsk\xf6n\"\n").expect("write");
        assert!(declares_record(&latin1), "a file that is not UTF-8 is reported, not passed by");
        // A character cut in two by the end of a piece is judged whole, with its line.
        let cut = dir.join("cut.toml");
        let text = "# ".to_string() + &"x".repeat(8 * 1024 - 3) + "ö\n[tool]\n";
        std::fs::write(&cut, text).expect("write");
        assert!(!declares_record(&cut), "a multi-byte character across pieces");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
