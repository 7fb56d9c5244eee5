//! Compiles only if `cdt-codes` works in a `#![no_std]` crate (with `alloc`
//! for search). `.ci/run` builds it; it is not published.

#![no_std]
#![forbid(unsafe_code)]

extern crate alloc;

use cdt_codes::{Category, CdtCode, Edition, ServiceDate};

/// The category of a code given as text, if it is defined.
#[must_use]
pub fn category_of(text: &str) -> Option<Category> {
    cdt_codes::lookup(text).map(|p| p.category())
}

/// How many codes are in force in a category in an edition.
#[must_use]
pub fn in_force(category: Category, year: u16) -> usize {
    let Some(edition) = Edition::in_force(year) else {
        return 0;
    };
    cdt_codes::CodeSet::compiled()
        .category(category)
        .filter(|p| p.is_active_in(edition))
        .count()
}

/// Whether a code may be billed on a date.
#[must_use]
pub fn billable(text: &str, year: u16, month: u8, day: u8) -> bool {
    ServiceDate::new(year, month, day).is_ok_and(|date| cdt_codes::validity(text, date).is_valid())
}

/// The best search match for a query.
#[must_use]
pub fn best_match(query: &str) -> Option<CdtCode> {
    cdt_codes::search(query).next().map(|p| p.code())
}
