//! The code set: one type for every source of data.
//!
//! The compiled tables ([`CodeSet::compiled`]) and a set loaded at run time
//! ([`CodeSet::from_path`], or [`CodeSet::load`] from bytes) are the same
//! type with the same methods; the crate-level functions
//! ([`lookup`], [`validity`](fn@crate::validity) and the rest)
//! are the compiled set's methods. A set's tables are either borrowed from
//! the binary or owned, which only the storage knows.
//!
//! `CodeSet`'s lookups and iteration are here. Its other methods live with
//! the feature they answer, each in one file, so that a feature the build
//! leaves out takes its methods with it:
//! - loading (`load`, `from_path`, `warnings`; `std`): `set/loaded.rs`;
//! - validity on a date (`validity`, `validity_of`,
//!   `validity_assuming_latest`): `src/validity.rs`;
//! - changes between editions (`changes`): `src/history.rs`;
//! - search (`search`; `alloc`): `src/search/mod.rs`;
//! - checking a claim line (`check_line`; `std`): `src/claims/line.rs`.

#[macro_use]
mod tables;

pub(crate) mod compiled;
mod iter;
#[cfg(feature = "std")]
mod loaded;
mod procedure;
mod subcategory;

use core::ops::{Bound, RangeBounds};

pub use compiled::{get, iter, lookup, range, subcategories, CDT_EDITION};
pub use iter::{Members, Procedures, Replacements, Subcategories, Unconfirmed};
#[cfg(feature = "std")]
pub use loaded::LoadError;
pub use procedure::{Procedure, Related};
pub use subcategory::Subcategory;

use crate::model::category::Category;
use crate::model::code::{AsCode, CdtCode};
use crate::model::date::ServiceDate;
use crate::model::edition::{Edition, Editions};
use crate::model::record::{Heading, PhraseHit, Record, Span, Synonym, Word, NO_RECORD};
use crate::provenance::DataSource;

/// A shared pool of a set's tables: borrowed from the binary for the
/// compiled set, owned for a loaded one.
#[cfg(feature = "alloc")]
pub(crate) type Pool<T> = alloc::borrow::Cow<'static, [T]>;
/// A shared pool of a set's tables (always borrowed without `alloc`).
#[cfg(not(feature = "alloc"))]
pub(crate) type Pool<T> = &'static [T];
/// The text pool of a set.
#[cfg(feature = "alloc")]
pub(crate) type TextPool = alloc::borrow::Cow<'static, str>;
/// The text pool of a set (always borrowed without `alloc`).
#[cfg(not(feature = "alloc"))]
pub(crate) type TextPool = &'static str;

/// Declares `CodeSet` with a `Pool` of each table `tables!` lists.
macro_rules! code_set {
    ($($(#[doc = $doc:literal])* $field:ident: $row:ty => $static:ident, $write:ident;)*) => {
        /// A set of CDT codes with their history: the compiled tables, or a file
        /// loaded at run time, with one API.
        ///
        /// ```
        /// use cdt_codes::{CodeSet, Category};
        ///
        /// let set = CodeSet::compiled();
        /// let procedure = set.lookup("D3353").unwrap();
        /// assert_eq!(procedure.category(), Category::Endodontics);
        /// assert_eq!(set.edition(), cdt_codes::CDT_EDITION);
        /// assert!(set.category(Category::Endodontics).any(|p| p.code() == procedure.code()));
        /// ```
        #[derive(Debug)]
        // Without `alloc` there is no search, so the word index goes unread.
        #[cfg_attr(not(feature = "alloc"), allow(dead_code))]
        pub struct CodeSet {
            pub(crate) edition: Edition,
            pub(crate) source: DataSource,
            /// Every text the tables point into.
            pub(crate) text: TextPool,
            /// Per category: records start and end, headings start and end.
            pub(crate) categories: [[u16; 4]; 12],
            $($(#[doc = $doc])* pub(crate) $field: Pool<$row>,)*
            /// What loading the set's file reported.
            #[cfg(feature = "std")]
            pub(crate) warnings: std::vec::Vec<crate::dataset::Warning>,
        }
    };
}

tables!(code_set);

/// An edition outside the editions a code set holds.
///
/// ```
/// let e = |year| cdt_codes::Edition::new(year).unwrap();
/// let error = cdt_codes::changes(e(2026), e(2027)).unwrap_err();
/// assert_eq!(error.to_string(), "the data holds CDT-3 to CDT 2026; CDT 2027 is not in it");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("the data holds {first} to {latest}; {edition} is not in it")]
#[non_exhaustive]
pub struct NotInData {
    /// The edition asked for.
    pub edition: Edition,
    /// The first edition the data holds.
    pub first: Edition,
    /// The newest edition the data holds.
    pub latest: Edition,
}

impl CodeSet {
    /// The code set compiled into the binary: the bundled data, or the
    /// file named by `CDT_CODES_DATA` at build time.
    ///
    /// ```
    /// let set = cdt_codes::CodeSet::compiled();
    /// let d0120 = set.lookup("D0120").unwrap();
    /// assert_eq!(d0120.category(), cdt_codes::Category::Diagnostic);
    /// ```
    #[must_use]
    pub fn compiled() -> &'static CodeSet {
        &compiled::COMPILED
    }

    /// The newest edition the set holds.
    ///
    /// ```
    /// assert_eq!(cdt_codes::CodeSet::compiled().edition(), cdt_codes::CDT_EDITION);
    /// ```
    #[must_use]
    pub fn edition(&self) -> Edition {
        self.edition
    }

    /// The first edition the set holds: CDT-3 (2000), where the recorded
    /// history starts.
    ///
    /// ```
    /// assert_eq!(cdt_codes::CodeSet::compiled().first_edition(), cdt_codes::Edition::CDT_3);
    /// ```
    #[must_use]
    pub fn first_edition(&self) -> Edition {
        Edition::CDT_3
    }

    /// Every edition the set holds, oldest first.
    ///
    /// ```
    /// let set = cdt_codes::CodeSet::compiled();
    /// let editions: Vec<_> = set.editions().collect();
    /// assert_eq!(editions.first(), Some(&cdt_codes::Edition::CDT_3));
    /// assert_eq!(editions.last(), Some(&set.edition()));
    /// ```
    #[must_use]
    pub fn editions(&self) -> Editions {
        self.first_edition().through(self.edition)
    }

    /// Whether the set holds `edition`.
    ///
    /// ```
    /// let set = cdt_codes::CodeSet::compiled();
    /// assert!(set.holds(cdt_codes::Edition::new(2013).unwrap()));
    /// ```
    #[must_use]
    pub fn holds(&self, edition: Edition) -> bool {
        self.first_edition() <= edition && edition <= self.edition
    }

    /// `Ok` when the set holds `edition`, else the error naming the
    /// editions it has.
    pub(crate) fn check_held(&self, edition: Edition) -> Result<Edition, NotInData> {
        if self.holds(edition) {
            Ok(edition)
        } else {
            Err(NotInData {
                edition,
                first: self.first_edition(),
                latest: self.edition,
            })
        }
    }

    /// The first and last dates of service the set can judge: 1 January
    /// of its first edition to 31 December of the last year of its newest.
    ///
    /// ```
    /// use cdt_codes::ServiceDate;
    ///
    /// let (first, last) = cdt_codes::CodeSet::compiled().horizon();
    /// assert_eq!(first, ServiceDate::new(2000, 1, 1).unwrap());
    /// assert_eq!(last.month(), 12);
    /// assert_eq!(last.day(), 31);
    /// ```
    #[must_use]
    pub fn horizon(&self) -> (ServiceDate, ServiceDate) {
        let first = ServiceDate::first_of_year(self.first_edition().first_year());
        let last = ServiceDate::last_of_year(self.edition.last_year());
        match (first, last) {
            (Ok(first), Ok(last)) => (first, last),
            // Editions lie within 2000-2199, which dates accept.
            _ => (ServiceDate::MIN, ServiceDate::MAX),
        }
    }

    /// Whether a date of service lies within the set's
    /// [`horizon`](Self::horizon).
    ///
    /// ```
    /// use cdt_codes::ServiceDate;
    ///
    /// let set = cdt_codes::CodeSet::compiled();
    /// assert!(set.covers(ServiceDate::new(2012, 6, 1).unwrap()));
    /// assert!(!set.covers(ServiceDate::new(1999, 12, 31).unwrap()));
    /// ```
    #[must_use]
    pub fn covers(&self, date: ServiceDate) -> bool {
        let (first, last) = self.horizon();
        first <= date && date <= last
    }

    /// Where the set's data came from.
    ///
    /// ```
    /// let set = cdt_codes::CodeSet::compiled();
    /// assert_eq!(set.source(), cdt_codes::DATA_SOURCE);
    /// ```
    #[must_use]
    pub fn source(&self) -> DataSource {
        self.source
    }

    /// The record of a code, if the set defines it: a [`CdtCode`], its text
    /// (`d3353` and surrounding whitespace accepted) or a [`Procedure`] of
    /// any set ([`AsCode`]). Deleted codes are found too, so old claims can
    /// still be read.
    ///
    /// ```
    /// let set = cdt_codes::CodeSet::compiled();
    /// assert_eq!(set.lookup(" d3353 ").unwrap().code().to_string(), "D3353");
    /// assert_eq!(set.lookup("D1352").unwrap().deleted_in().map(|e| e.year()), Some(2026));
    /// assert!(set.lookup("D0000").is_none()); // well-formed, undefined
    /// assert!(set.lookup("hello").is_none()); // malformed
    /// ```
    #[must_use]
    #[inline]
    pub fn lookup(&self, code: impl AsCode) -> Option<Procedure<'_>> {
        self.get(code)
    }

    /// The record of a code, if the set defines it: the same as
    /// [`lookup`](Self::lookup), under the name for a code already parsed.
    ///
    /// ```
    /// let code = cdt_codes::CdtCode::new(3353).unwrap();
    /// assert_eq!(cdt_codes::CodeSet::compiled().get(code).map(|p| p.code()), Some(code));
    /// ```
    #[must_use]
    #[inline]
    pub fn get(&self, code: impl AsCode) -> Option<Procedure<'_>> {
        let code = code.to_code().ok()?;
        let slot = *self.index.get(usize::from(code.number()))?;
        if slot == NO_RECORD {
            return None;
        }
        self.procedure_at(usize::from(slot))
    }

    /// Every record, in code order, deleted codes included.
    ///
    /// ```
    /// let set = cdt_codes::CodeSet::compiled();
    /// let codes: Vec<_> = set.iter().map(|p| p.code()).collect();
    /// assert!(codes.windows(2).all(|pair| pair[0] < pair[1]));
    /// ```
    #[must_use]
    pub fn iter(&self) -> Procedures<'_> {
        Procedures::new(self, self.records())
    }

    /// Every record whose code lies in `range`, in code order.
    ///
    /// ```
    /// use cdt_codes::CdtCode;
    ///
    /// let set = cdt_codes::CodeSet::compiled();
    /// let start: CdtCode = "D3300".parse()?;
    /// let end: CdtCode = "D3399".parse()?;
    /// assert!(set.range(start..=end).any(|p| p.code().to_string() == "D3330"));
    /// assert!(set.range(start..=end).all(|p| (start..=end).contains(&p.code())));
    /// # Ok::<(), cdt_codes::ParseCodeError>(())
    /// ```
    #[must_use]
    pub fn range(&self, range: impl RangeBounds<CdtCode>) -> Procedures<'_> {
        let records = self.records();
        let start = match range.start_bound() {
            Bound::Included(code) => records.partition_point(|r| r.code < *code),
            Bound::Excluded(code) => records.partition_point(|r| r.code <= *code),
            Bound::Unbounded => 0,
        };
        let end = match range.end_bound() {
            Bound::Included(code) => records.partition_point(|r| r.code <= *code),
            Bound::Excluded(code) => records.partition_point(|r| r.code < *code),
            Bound::Unbounded => records.len(),
        };
        Procedures::new(self, records.get(start..end.max(start)).unwrap_or(&[]))
    }

    /// Every record in a category, in code order, deleted codes included.
    ///
    /// ```
    /// use cdt_codes::Category;
    ///
    /// let set = cdt_codes::CodeSet::compiled();
    /// let endo = set.category(Category::Endodontics);
    /// assert!(endo.clone().all(|p| p.category() == Category::Endodontics));
    /// assert!(set.category(Category::Endodontics).any(|p| p.code().to_string() == "D3353"));
    /// ```
    #[must_use]
    pub fn category(&self, category: Category) -> Procedures<'_> {
        let [start, end, _, _] = self.categories[category as usize];
        let records = self
            .records
            .get(usize::from(start)..usize::from(end))
            .unwrap_or(&[]);
        Procedures::new(self, records)
    }

    /// Every subcategory heading, in category order and the manual's order
    /// within a category.
    ///
    /// ```
    /// let set = cdt_codes::CodeSet::compiled();
    /// assert!(set.subcategories().any(|s| s.name() == "Clinical Oral Evaluations"));
    /// ```
    #[must_use]
    pub fn subcategories(&self) -> Subcategories<'_> {
        Subcategories::new(self, self.headings())
    }

    /// The subcategory headings of one category.
    ///
    /// ```
    /// use cdt_codes::Category;
    ///
    /// let subs = cdt_codes::CodeSet::compiled().subcategories_of(Category::Endodontics);
    /// assert!(subs.clone().all(|s| s.category() == Category::Endodontics));
    /// ```
    #[must_use]
    pub fn subcategories_of(&self, category: Category) -> Subcategories<'_> {
        let [_, _, start, end] = self.categories[category as usize];
        let headings = self
            .headings
            .get(usize::from(start)..usize::from(end))
            .unwrap_or(&[]);
        Subcategories::new(self, headings)
    }

    /// The records, sorted by code. (With `alloc` the pools are `Cow`s,
    /// without it plain slices; one borrow serves both.)
    #[allow(clippy::needless_borrow)]
    pub(crate) fn records(&self) -> &[Record] {
        &self.records
    }

    /// The headings, in category order.
    #[allow(clippy::needless_borrow)]
    pub(crate) fn headings(&self) -> &[Heading] {
        &self.headings
    }

    /// The record at `index` of the table.
    pub(crate) fn procedure_at(&self, index: usize) -> Option<Procedure<'_>> {
        self.records
            .get(index)
            .map(|record| Procedure::new(self, record))
    }

    /// A text of the pool.
    pub(crate) fn text(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }
}

impl<'a> IntoIterator for &'a CodeSet {
    type Item = Procedure<'a>;
    type IntoIter = Procedures<'a>;

    fn into_iter(self) -> Procedures<'a> {
        self.iter()
    }
}
