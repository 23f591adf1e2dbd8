//! rpcheck: records of processing (GDPR art. 30) as code, checked against the GDPR and
//! Swedish law. Data flows one way: source → model → schema check → rules → waivers →
//! findings → render.

#![warn(missing_docs)]

pub mod baseline;
pub mod cli;
pub mod config;
pub mod document;
pub mod engine;
pub mod error;
pub mod facts;
pub mod findings;
pub mod import;
pub mod law;
pub mod lint;
pub mod location;
pub mod model;
pub mod paths;
pub mod policy;
pub mod project;
pub mod render;
pub mod rule_examples;
pub mod rules;
pub mod schema_check;
pub mod server;
pub mod source;
pub mod waivers;
