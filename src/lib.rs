//! CDT (Current Dental Terminology) procedure codes, compiled into the
//! binary: typed codes, categories of service, subcategories and the history
//! of every code, with lookups that cost a few nanoseconds and no I/O.
//!
//! # The questions it answers
//!
//! | question | entry point |
//! |---|---|
//! | Is this a code, and what is it? | [`lookup`] / [`get`] → [`Procedure`]; [`CdtCode`] for the form alone; [`iter`], [`range`], [`Category`], [`subcategories`] to browse |
//! | May it be reported for a service on this date? | [`validity`](fn@validity) → [`Validity`] (valid, deleted, not yet in force, unknown, outside the data) |
//! | What changed between editions, and what replaces a deleted code? | [`changes`]; [`Procedure::deleted_in`], [`Procedure::replaced_by`], [`Procedure::successors`] |
//! | Which code is "deep cleaning 4 teeth"? | `search` and `Query` (feature `alloc`) |
//! | Is this claim line right (code, date, tooth, surfaces, area)? | `claims::ClaimLine::new(code, date).tooth(..).area(..).check()` or `CodeSet::check_line`; `claims::ClaimChecker` for CSV exports and X12 837D files (feature `std`) |
//! | What must a line for this code report: a tooth, surfaces, an area? | [`Procedure::reporting`], [`Procedure::check_line`]; [`teeth`] for [`Tooth`], [`Surfaces`], [`Area`] |
//! | How do I give CDT to a FHIR terminology server or client? | [`fhir`]: `Coding`, `CodeSystem`, `ValueSet`s, `$lookup`, `$validate-code` (feature `serde`) |
//! | What about my licensed file, or next year's edition? | `CodeSet::from_path` at run time (feature `std`), `CDT_CODES_DATA` at build time; the same API on the [`CodeSet`] it gives |
//!
//! Every function that takes a code takes an [`AsCode`]: a [`CdtCode`], its
//! text (`"D3353"`, `" d3353 "`) or a [`Procedure`]. The crate-level
//! functions read the compiled [`CodeSet`]; a loaded set has the same
//! methods.
//!
//! ```
//! use cdt_codes::{Category, CdtCode};
//!
//! // Is it a real code, what is it, which category is it in?
//! let procedure = cdt_codes::lookup("D3353").expect("defined in the data");
//! assert_eq!(procedure.category(), Category::Endodontics);
//! println!("{}: {}", procedure.code(), procedure.description());
//!
//! // Well-formed and defined are separate questions.
//! let code: CdtCode = "D0000".parse()?;
//! assert!(cdt_codes::get(code).is_none());
//! assert!("D33".parse::<CdtCode>().is_err());
//! # Ok::<(), cdt_codes::ParseCodeError>(())
//! ```
//!
//! # The data
//!
//! CDT is © American Dental Association. The bundled data holds facts about
//! the code set (codes, categories, subcategories, history) and a
//! description of each code written for this crate; it does not contain the
//! ADA's nomenclature or descriptors. Holders of an ADA licence can compile
//! their own file by setting `CDT_CODES_DATA` at build time (or load it at
//! run time with `CodeSet::from_path`); it is laid over the bundled history, and
//! [`Procedure::nomenclature`] and [`Procedure::descriptor`] return the
//! official text.
//!
//! # What the data knows
//!
//! The data covers dates of service from CDT-3 (1 January 2000) to the end
//! of its newest edition, [`CDT_EDITION`]. Outside that span
//! [`validity`](fn@validity) answers [`Validity::OutsideData`], never *valid*; facts
//! that rest on inference rather than a source are marked
//! ([`Procedure::subcategory_confirmed`], [`Procedure::is_confirmed`]).
//!
//! # Features
//!
//! - `std` (default): the `dataset` parser for data files at run time.
//!   Also `claims`, checking delimited exports and X12 837D files of claim
//!   lines against their dates of service and their teeth.
//! - `alloc` (implied by `std`): ranked `search` (plurals, abbreviations,
//!   lay words, codes and typos), which collects each query's matches into
//!   one vector. Without `alloc` the crate is
//!   `#![no_std]` and allocation-free.
//! - `serde` (implies `alloc`): `Serialize`/`Deserialize` for [`CdtCode`]
//!   (as its string) and the other value types, and FHIR R4 terminology
//!   ([`fhir`]): `Coding` and `CodeableConcept` for a procedure, a
//!   `CodeSystem` and `ValueSet`s to load into a terminology server, and
//!   `$lookup` / `$validate-code` answers.

#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod history;
mod interop;
mod line_check;
mod model;
mod provenance;
#[cfg(feature = "alloc")]
mod search;
#[cfg(feature = "serde")]
mod serde_impls;
#[macro_use] // `tables!`, the list of a code set's tables (src/set/tables.rs)
mod set;
mod severity;
mod validity;

#[cfg(feature = "std")]
#[cfg_attr(docsrs, doc(cfg(feature = "std")))]
pub mod claims;
#[cfg(feature = "std")]
#[cfg_attr(docsrs, doc(cfg(feature = "std")))]
pub mod dataset;
pub mod fhir;
pub use model::teeth;

#[cfg(feature = "serde")]
pub use fhir::{CodeableConcept, Coding, FhirError};
pub use fhir::{CDT_OID, CDT_SYSTEM};
pub use history::{changes, Change, Changes, CodeList, Successors};
pub use line_check::{LineProblems, Reported, ReportedLine, ReportedTooth, ReportingProblem};
pub use model::category::{Category, UnknownCategory};
pub use model::code::{AsCode, CdtCode, ParseCodeError};
pub use model::date::{DateError, ServiceDate};
pub use model::edition::{Added, Edition, EditionError, Editions, ParseEditionError};
pub use model::record::{Fact, SuccessorKind, UnknownFact, UnknownSuccessorKind};
pub use model::reporting::{
    BadReporting, Level, Levels, Reporting, RuleSource, Site, Sites, ToothClass,
};
pub use provenance::{DataSource, COPYRIGHT_NOTICE, DATA_SHA256, DATA_SOURCE};
#[cfg(feature = "alloc")]
pub use search::{search, Match, Matches, Query, Score, Scored};
#[cfg(feature = "std")]
pub use set::LoadError;
pub use set::{
    get, iter, lookup, range, subcategories, CodeSet, Members, NotInData, Procedure, Procedures,
    Related, Replacements, Subcategories, Subcategory, Unconfirmed, CDT_EDITION,
};
pub use severity::Severity;
pub use teeth::{
    Area, ParseAreaError, ParseSurfacesError, ParseTeethError, ParseToothError, Surface,
    SurfaceError, Surfaces, Tooth, ToothSet,
};
pub use validity::{validity, Validity};

/// The README's code blocks, compiled and run as doctests.
#[cfg(all(doctest, feature = "std"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
