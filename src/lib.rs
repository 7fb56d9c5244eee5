//! CDT (Current Dental Terminology) procedure codes, compiled into the
//! binary: typed codes, categories of service, subcategories and the history
//! of every code, with lookups that cost a few nanoseconds and no I/O.
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
//! assert!(code.procedure().is_none());
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
//! their own file instead by setting `CDT_CODES_DATA` at build time; then
//! [`Procedure::nomenclature`] and [`Procedure::descriptor`] return the
//! official text.
//!
//! # Features
//!
//! - `std` (default): the [`dataset`] parser for data files at run time.
//!   Also [`claims`], checking a CSV of claim lines against their dates of
//!   service.
//! - `alloc` (implied by `std`): keyword [`search`], which collects each
//!   query's matches into one vector. Without `alloc` the crate is
//!   `#![no_std]` and allocation-free.
//! - `serde` (implies `alloc`): `Serialize`/`Deserialize` for [`CdtCode`]
//!   (as its string), and a FHIR [`Coding`] for a procedure.

#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod category;
mod code;
mod edition;
mod fhir;
mod history;
#[cfg(feature = "std")]
mod loader;
mod procedure;
mod provenance;
#[cfg(feature = "alloc")]
mod search;
#[cfg(feature = "serde")]
mod serde_impls;
mod subcategory;
mod tables;
mod validity;
#[cfg(feature = "alloc")]
mod words;

#[cfg(feature = "std")]
pub mod claims;
#[cfg(feature = "std")]
pub mod dataset;

pub use category::Category;
pub use code::{CdtCode, ParseCodeError};
pub use edition::{Added, Edition, ParseEditionError};
#[cfg(feature = "serde")]
pub use fhir::{Coding, FhirError};
pub use fhir::{CDT_OID, CDT_SYSTEM};
pub use history::{changes, Change};
#[cfg(feature = "std")]
pub use loader::{CodeSet, LoadError};
pub use procedure::Procedure;
pub use provenance::{DataSource, COPYRIGHT_NOTICE, DATA_SHA256, DATA_SOURCE};
#[cfg(feature = "alloc")]
pub use search::{search, Matches, Query};
pub use subcategory::Subcategory;
pub use tables::CDT_EDITION;
pub use validity::{validity, DateError, ServiceDate, Validity};

/// The record of a code given as text, if the text is a well-formed code
/// that the data defines. Accepts `d3353` and surrounding whitespace.
///
/// Deleted codes are found too, so old claims can still be read; check
/// [`Procedure::is_active`] or [`Procedure::deleted_in`].
///
/// ```
/// assert!(cdt_codes::lookup("D3353").is_some());
/// assert!(cdt_codes::lookup(" d0120 ").is_some());
/// assert!(cdt_codes::lookup("D0000").is_none()); // well-formed, undefined
/// assert!(cdt_codes::lookup("hello").is_none()); // malformed
/// ```
#[must_use]
#[inline]
pub fn lookup(code: &str) -> Option<&'static Procedure> {
    tables::get(CdtCode::parse_quick(code)?)
}

/// The record of a well-formed code, if the data defines it.
///
/// ```
/// use cdt_codes::CdtCode;
///
/// let code = CdtCode::new(3353).unwrap();
/// assert_eq!(cdt_codes::get(code).map(|p| p.code()), Some(code));
/// ```
#[must_use]
#[inline]
pub fn get(code: CdtCode) -> Option<&'static Procedure> {
    tables::get(code)
}

/// Every record in the data, in code order, deleted codes included.
///
/// ```
/// let codes: Vec<_> = cdt_codes::iter().map(|p| p.code()).collect();
/// assert!(codes.windows(2).all(|pair| pair[0] < pair[1]));
/// ```
pub fn iter() -> core::slice::Iter<'static, Procedure> {
    tables::PROCEDURES.iter()
}

/// Every subcategory in the data, in code order.
///
/// ```
/// let subs = cdt_codes::subcategories();
/// assert!(subs.windows(2).all(|pair| pair[0].range().end() < pair[1].range().start()));
/// ```
#[must_use]
pub fn subcategories() -> &'static [Subcategory] {
    &tables::SUBCATEGORIES
}

/// Every record whose code lies in `range`, in code order: a sub-slice of
/// the sorted table, deleted codes included.
///
/// ```
/// use cdt_codes::CdtCode;
///
/// let start: CdtCode = "D3300".parse()?;
/// let end: CdtCode = "D3399".parse()?;
/// let endodontic_therapy = cdt_codes::range(start..=end);
/// assert!(endodontic_therapy.iter().any(|p| p.code().to_string() == "D3330"));
/// assert!(endodontic_therapy.iter().all(|p| (start..=end).contains(&p.code())));
/// # Ok::<(), cdt_codes::ParseCodeError>(())
/// ```
#[must_use]
pub fn range(range: impl core::ops::RangeBounds<CdtCode>) -> &'static [Procedure] {
    tables::range(range)
}
