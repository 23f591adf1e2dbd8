//! Documents generated from the records, so that they cannot drift from them: the privacy
//! notice (art. 13/14), the register of processing (art. 30) and the findings report. Each
//! document is a typed model built here and laid out by a template or a small writer.

pub mod notice;
pub mod records;
pub mod register;
pub mod report;
pub mod template;
pub mod words;
