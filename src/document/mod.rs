//! Documents generated from the records, so that they cannot drift from them: the privacy
//! notice (art. 13/14) and the register of processing (art. 30). Each document is a typed model built here and laid out by a template.

pub mod notice;
pub mod records;
pub mod register;
pub mod template;
pub mod words;
