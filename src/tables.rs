//! The compiled tables and the lookups that read them.
//!
//! `build.rs` writes `tables.rs` into `OUT_DIR`: one static slice of
//! procedures sorted by code, the subcategory ranges, each category's slice
//! bounds and the code index. The code index is a perfect hash over the
//! code number whose hash function is the identity: 10,000 two-byte slots,
//! one per well-formed code, so a lookup is one bounds-checked read with no
//! hashing at all. (`phf`'s maps would hash every key with `SipHash`, which
//! costs more than the rest of a lookup together; see `BENCHMARKS.md`.)

#![cfg_attr(not(feature = "alloc"), allow(dead_code))]

use core::ops::Range;

use crate::category::Category;
use crate::code::CdtCode;
#[allow(unused_imports)] // used by the generated code when the data has history
use crate::edition::{Added, Edition};
use crate::procedure::{Procedure, Span};
use crate::provenance::DataSource;
use crate::subcategory::Subcategory;

/// An empty slot of the code index.
const NONE: u16 = u16::MAX;

/// A code number the generator wrote; always at most 9999.
const fn code(number: u16) -> CdtCode {
    match CdtCode::new(number) {
        Some(code) => code,
        None => CdtCode::MAX,
    }
}

/// An edition year the generator wrote; always in range.
const fn edition(year: u16) -> Edition {
    match Edition::new(year) {
        Some(edition) => edition,
        None => panic!("the generator writes only valid edition years"),
    }
}

include!(concat!(env!("OUT_DIR"), "/tables.rs"));

/// The record of a well-formed code, if the data defines it.
#[inline]
pub(crate) fn get(code: CdtCode) -> Option<&'static Procedure> {
    let slot = *CODE_INDEX.get(usize::from(code.number()))?;
    PROCEDURES.get(usize::from(slot))
}

/// The records with codes in `range`, as a sub-slice of the sorted table.
pub(crate) fn range(range: impl core::ops::RangeBounds<CdtCode>) -> &'static [Procedure] {
    use core::ops::Bound;
    let start = match range.start_bound() {
        Bound::Included(code) => PROCEDURES.partition_point(|p| p.code < *code),
        Bound::Excluded(code) => PROCEDURES.partition_point(|p| p.code <= *code),
        Bound::Unbounded => 0,
    };
    let end = match range.end_bound() {
        Bound::Included(code) => PROCEDURES.partition_point(|p| p.code <= *code),
        Bound::Excluded(code) => PROCEDURES.partition_point(|p| p.code < *code),
        Bound::Unbounded => PROCEDURES.len(),
    };
    PROCEDURES.get(start..end.max(start)).unwrap_or(&[])
}

/// The slices of a category: its procedures and its subcategories.
fn category_slices(category: Category) -> &'static (Range<usize>, Range<usize>) {
    &CATEGORY_SLICES[category as usize]
}

impl Category {
    /// Every record in the category, in code order, deleted codes included:
    /// a sub-slice of the sorted table, so this costs nothing.
    ///
    /// ```
    /// use cdt_codes::Category;
    ///
    /// let endo = Category::Endodontics.procedures();
    /// assert!(endo.iter().all(|p| p.category() == Category::Endodontics));
    /// assert!(endo.iter().any(|p| p.code().to_string() == "D3353"));
    /// ```
    #[must_use]
    pub fn procedures(self) -> &'static [Procedure] {
        PROCEDURES
            .get(category_slices(self).0.clone())
            .unwrap_or(&[])
    }

    /// The category's subcategories, in code order.
    ///
    /// ```
    /// use cdt_codes::Category;
    ///
    /// let subs = Category::Endodontics.subcategories();
    /// assert!(subs.iter().any(|s| s.name().contains("Apexification")));
    /// ```
    #[must_use]
    pub fn subcategories(self) -> &'static [Subcategory] {
        SUBCATEGORIES
            .get(category_slices(self).1.clone())
            .unwrap_or(&[])
    }
}

impl CdtCode {
    /// The record of this code, if the compiled data defines it: the
    /// question "is it defined?", separate from "is it well-formed?".
    ///
    /// ```
    /// use cdt_codes::CdtCode;
    ///
    /// let defined: CdtCode = "D3353".parse()?;
    /// assert!(defined.procedure().is_some());
    /// let undefined: CdtCode = "D0000".parse()?;
    /// assert!(undefined.procedure().is_none());
    /// # Ok::<(), cdt_codes::ParseCodeError>(())
    /// ```
    #[must_use]
    pub fn procedure(self) -> Option<&'static Procedure> {
        get(self)
    }
}
