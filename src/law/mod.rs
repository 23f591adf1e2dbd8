//! The law rpcheck cites: GDPR citations parsed and written in each language, Swedish statutes,
//! links to the provision, and the GDPR's text itself for quoting.

pub mod gdpr;
pub mod quote;
pub mod reference;
pub mod statute;
pub mod text;
