//! The code set compiled into the binary, and the crate-level functions
//! that read it.
//!
//! `build.rs` writes `tables.rs` into `OUT_DIR` from the same layout the
//! runtime loader builds: the records sorted by code, the pools they point
//! into, and the code index. The code index is a perfect hash whose hash
//! function is the identity: 10,000 two-byte slots, one per well-formed
//! code, so a lookup is one bounds-checked read with no hashing at all.
//! Search words and vocabulary terms are found through hash tables built
//! by the same code for a loaded set (see `search::index`).

use super::{CodeSet, Pool, Procedure, Procedures, Subcategories, TextPool};
use crate::model::category::Category;
use crate::model::code::{AsCode, CdtCode};
use crate::model::date::ServiceDate;
#[allow(unused_imports)] // used by the generated code when the data has history
use crate::model::edition::{Added, Edition};
use crate::model::record::{
    Heading, PhraseHit, Record, Span, Synonym, Unconfirmed, Word, NO_RECORD,
};
use crate::model::reporting::{Reporting, ToothClass};
use crate::provenance::DataSource;

/// A pool borrowed from the binary.
#[cfg(feature = "alloc")]
const fn pool<T: Clone>(items: &'static [T]) -> Pool<T> {
    alloc::borrow::Cow::Borrowed(items)
}

/// A pool borrowed from the binary.
#[cfg(not(feature = "alloc"))]
const fn pool<T>(items: &'static [T]) -> Pool<T> {
    items
}

/// The text pool borrowed from the binary.
#[cfg(feature = "alloc")]
const fn text(text: &'static str) -> TextPool {
    alloc::borrow::Cow::Borrowed(text)
}

/// The text pool borrowed from the binary.
#[cfg(not(feature = "alloc"))]
const fn text(text: &'static str) -> TextPool {
    text
}

/// A code number the generator wrote; always at most 9999.
const fn code(number: u16) -> CdtCode {
    match CdtCode::new(number) {
        Some(code) => code,
        None => CdtCode::MAX,
    }
}

/// An edition the generator wrote; always a real one.
const fn edition(year: u16) -> Edition {
    match Edition::new(year) {
        Ok(edition) => edition,
        Err(_) => Edition::CDT_3,
    }
}

/// A date the generator wrote; always a real one.
#[allow(dead_code)] // used when the data has off-cycle effective dates
const fn date(year: u16, month: u8, day: u8) -> ServiceDate {
    match ServiceDate::new(year, month, day) {
        Ok(date) => date,
        Err(_) => ServiceDate::MIN,
    }
}

/// A span the generator wrote.
const fn span(start: u32, len: u32) -> Span {
    Span { start, len }
}

/// A record of a vocabulary phrase the generator wrote.
const fn hit(record: u16, points: u32) -> PhraseHit {
    PhraseHit { record, points }
}

include!(concat!(env!("OUT_DIR"), "/tables.rs"));

/// The newest CDT edition the compiled data holds.
///
/// ```
/// assert!(cdt_codes::CDT_EDITION.year() >= 2026);
/// ```
pub const CDT_EDITION: Edition = TABLES_EDITION;

/// The record of a code, if it is well-formed and the compiled data
/// defines it. Takes a [`CdtCode`], its text (`d3353` and surrounding
/// whitespace accepted) or a [`Procedure`] ([`AsCode`]).
///
/// Deleted codes are found too, so old claims can still be read; check
/// [`Procedure::is_active`] or [`Procedure::deleted_in`].
///
/// ```
/// assert!(cdt_codes::lookup("D3353").is_some());
/// assert!(cdt_codes::lookup(" d0120 ").is_some());
/// assert!(cdt_codes::lookup("D0000").is_none()); // well-formed, undefined
/// assert!(cdt_codes::lookup("hello").is_none()); // malformed
/// let code = cdt_codes::CdtCode::new(3353).unwrap();
/// assert_eq!(cdt_codes::lookup(code).map(|p| p.code()), Some(code));
/// ```
#[must_use]
#[inline]
pub fn lookup(code: impl AsCode) -> Option<Procedure<'static>> {
    COMPILED.lookup(code)
}

/// The record of a code, if the compiled data defines it: the same as
/// [`lookup`], under the name for a code already parsed.
///
/// ```
/// use cdt_codes::CdtCode;
///
/// let code = CdtCode::new(3353).unwrap();
/// assert_eq!(cdt_codes::get(code).map(|p| p.code()), Some(code));
/// ```
#[must_use]
#[inline]
pub fn get(code: impl AsCode) -> Option<Procedure<'static>> {
    COMPILED.get(code)
}

/// Every record of the compiled data, in code order, deleted codes
/// included.
///
/// ```
/// let codes: Vec<_> = cdt_codes::iter().map(|p| p.code()).collect();
/// assert!(codes.windows(2).all(|pair| pair[0] < pair[1]));
/// ```
#[must_use]
pub fn iter() -> Procedures<'static> {
    COMPILED.iter()
}

/// Every subcategory heading of the compiled data.
///
/// ```
/// let names: Vec<_> = cdt_codes::subcategories().map(|s| s.name()).collect();
/// assert!(names.contains(&"Clinical Oral Evaluations"));
/// ```
#[must_use]
pub fn subcategories() -> Subcategories<'static> {
    COMPILED.subcategories()
}

/// Every record of the compiled data whose code lies in `range`.
///
/// ```
/// use cdt_codes::CdtCode;
///
/// let start: CdtCode = "D3300".parse()?;
/// let end: CdtCode = "D3399".parse()?;
/// assert!(cdt_codes::range(start..=end).any(|p| p.code().to_string() == "D3330"));
/// # Ok::<(), cdt_codes::ParseCodeError>(())
/// ```
#[must_use]
pub fn range(range: impl core::ops::RangeBounds<CdtCode>) -> Procedures<'static> {
    COMPILED.range(range)
}
