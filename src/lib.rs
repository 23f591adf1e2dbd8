//! rpcheck: records of processing (GDPR art. 30) as code, checked against the GDPR and
//! Swedish law. Data flows one way: source → model → schema check → rules → waivers →
//! findings → render.
//!
//! The library is the binary's engine room, not a stable API. What a program embedding the
//! check needs is re-exported here: [`lint::run`] with [`LintOptions`] checks the records a
//! command line would name and gives a [`RunReport`]; [`Engine`] checks one record's text
//! with a [`Policy`] and [`Settings`]. The modules stay public for the test suite and the
//! binaries beside it (benchmarks, fuzz target); discovery, baselines, facts, locations and
//! the native rules are private to the crate.

#![warn(missing_docs)]

pub use engine::{Engine, Settings};
pub use findings::{FileReport, Finding, Lang, RunReport, Severity};
pub use lint::LintOptions;
pub use policy::Policy;

pub(crate) mod baseline;
pub mod cli;
pub mod config;
pub mod document;
pub mod engine;
pub mod error;
pub(crate) mod facts;
pub mod findings;
pub mod import;
pub mod law;
pub mod lint;
pub(crate) mod location;
pub mod model;
pub(crate) mod paths;
pub mod policy;
pub(crate) mod project;
pub mod render;
pub(crate) mod rule_examples;
pub(crate) mod rules;
pub mod schema_check;
pub mod server;
pub mod source;
pub(crate) mod waivers;
