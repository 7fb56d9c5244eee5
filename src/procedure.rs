//! A record of the code set: one CDT code with its description and history.

use crate::category::Category;
use crate::code::CdtCode;
use crate::edition::{Added, Edition};
use crate::subcategory::Subcategory;
use crate::tables;

/// One code of the compiled data: what it is called, where it sits in the
/// code set, and its history.
///
/// Records are `'static` and live in one table sorted by code; get them with
/// [`lookup`](crate::lookup), [`get`](crate::get) or [`iter`](crate::iter).
///
/// ```
/// use cdt_codes::Category;
///
/// let procedure = cdt_codes::lookup("D3353").unwrap();
/// assert_eq!(procedure.code().to_string(), "D3353");
/// assert_eq!(procedure.category(), Category::Endodontics);
/// assert!(!procedure.description().is_empty());
/// ```
#[derive(PartialEq, Eq)]
pub struct Procedure {
    pub(crate) code: CdtCode,
    pub(crate) category: Category,
    /// Index into the subcategory table, `u16::MAX` for none.
    pub(crate) subcategory: u16,
    pub(crate) description: Span,
    pub(crate) nomenclature: Option<Span>,
    pub(crate) descriptor: Option<Span>,
    pub(crate) added: Option<Added>,
    pub(crate) deleted_in: Option<Edition>,
    pub(crate) replaced_by: Span,
    pub(crate) revised_in: Span,
}

/// A run of a shared table: `len` items from `start`. Records hold spans
/// rather than references so the tables need no relocations at load time
/// and each record stays small.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) start: u32,
    pub(crate) len: u32,
}

impl Span {
    fn range(self) -> core::ops::Range<usize> {
        let start = self.start as usize;
        start..start + self.len as usize
    }

    fn text(self) -> &'static str {
        tables::TEXT.get(self.range()).unwrap_or("")
    }
}

impl core::fmt::Debug for Procedure {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Procedure")
            .field("code", &self.code)
            .field("description", &self.description())
            .field("category", &self.category)
            .field("added", &self.added)
            .field("deleted_in", &self.deleted_in)
            .field("replaced_by", &self.replaced_by())
            .finish_non_exhaustive()
    }
}

impl Procedure {
    /// The code.
    ///
    /// ```
    /// let procedure = cdt_codes::lookup("d0120").unwrap();
    /// assert_eq!(procedure.code().to_string(), "D0120");
    /// ```
    #[must_use]
    pub const fn code(&self) -> CdtCode {
        self.code
    }

    /// A one-line description of the procedure in plain language.
    ///
    /// In the bundled data this is our own wording, not the ADA's
    /// nomenclature; in a build from a licensed file without descriptions it
    /// is the official nomenclature.
    ///
    /// ```
    /// let text = cdt_codes::lookup("D0150").unwrap().description();
    /// assert!(text.to_lowercase().contains("exam"));
    /// ```
    #[must_use]
    pub fn description(&self) -> &'static str {
        self.description.text()
    }

    /// The official ADA nomenclature, present only when a licensed data file
    /// was compiled in (see the crate documentation).
    ///
    /// ```
    /// let procedure = cdt_codes::lookup("D0120").unwrap();
    /// if cdt_codes::DATA_SOURCE == cdt_codes::DataSource::Bundled {
    ///     assert_eq!(procedure.nomenclature(), None);
    /// }
    /// ```
    #[must_use]
    pub fn nomenclature(&self) -> Option<&'static str> {
        self.nomenclature.map(Span::text)
    }

    /// The official ADA descriptor, present only when a licensed data file
    /// that has one for this code was compiled in.
    ///
    /// ```
    /// let procedure = cdt_codes::lookup("D0120").unwrap();
    /// if cdt_codes::DATA_SOURCE == cdt_codes::DataSource::Bundled {
    ///     assert_eq!(procedure.descriptor(), None);
    /// }
    /// ```
    #[must_use]
    pub fn descriptor(&self) -> Option<&'static str> {
        self.descriptor.map(Span::text)
    }

    /// The category of service the code belongs to.
    ///
    /// ```
    /// use cdt_codes::Category;
    ///
    /// assert_eq!(cdt_codes::lookup("D0120").unwrap().category(), Category::Diagnostic);
    /// ```
    #[must_use]
    pub const fn category(&self) -> Category {
        self.category
    }

    /// The subcategory (named range within the category) holding the code,
    /// if the data names one.
    ///
    /// ```
    /// let procedure = cdt_codes::lookup("D3353").unwrap();
    /// let subcategory = procedure.subcategory().unwrap();
    /// assert!(subcategory.contains(procedure.code()));
    /// ```
    #[must_use]
    pub fn subcategory(&self) -> Option<&'static Subcategory> {
        tables::SUBCATEGORIES.get(usize::from(self.subcategory))
    }

    /// When the code entered the code set, as far as the data records it.
    ///
    /// ```
    /// use cdt_codes::Added;
    ///
    /// let added = cdt_codes::lookup("D3353").unwrap().added();
    /// assert!(matches!(added, Some(Added::In(_) | Added::Before(_))));
    /// ```
    #[must_use]
    pub const fn added(&self) -> Option<Added> {
        self.added
    }

    /// The edition that first published the code, when the data records it
    /// exactly. `None` for codes that predate the recorded history (see
    /// [`added`](Self::added)) or whose history is not in the data.
    ///
    /// ```
    /// let procedure = cdt_codes::lookup("D0120").unwrap();
    /// assert!(procedure.added_in().map_or(true, |e| e.year() <= 2026));
    /// ```
    #[must_use]
    pub const fn added_in(&self) -> Option<Edition> {
        match self.added {
            Some(Added::In(edition)) => Some(edition),
            _ => None,
        }
    }

    /// The first edition that no longer contains the code, if it was deleted.
    ///
    /// ```
    /// let procedure = cdt_codes::lookup("D0120").unwrap();
    /// assert_eq!(procedure.deleted_in(), None);
    /// ```
    #[must_use]
    pub const fn deleted_in(&self) -> Option<Edition> {
        self.deleted_in
    }

    /// The codes the ADA named to report instead of this deleted code, if
    /// any.
    ///
    /// ```
    /// let procedure = cdt_codes::lookup("D0120").unwrap();
    /// assert!(procedure.replaced_by().is_empty());
    /// ```
    #[must_use]
    pub fn replaced_by(&self) -> &'static [CdtCode] {
        tables::REPLACEMENTS
            .get(self.replaced_by.range())
            .unwrap_or(&[])
    }

    /// The records of the replacement codes, in the order the data lists
    /// them.
    ///
    /// ```
    /// for procedure in cdt_codes::iter() {
    ///     assert_eq!(procedure.replacements().count(), procedure.replaced_by().len());
    /// }
    /// ```
    pub fn replacements(&self) -> impl Iterator<Item = &'static Procedure> {
        self.replaced_by()
            .iter()
            .filter_map(|&code| crate::get(code))
    }

    /// Editions that revised the code's nomenclature or descriptor, oldest
    /// first, as far as the data records revisions.
    ///
    /// ```
    /// let revised = cdt_codes::lookup("D0120").unwrap().revised_in();
    /// assert!(revised.windows(2).all(|pair| pair[0] < pair[1]));
    /// ```
    #[must_use]
    pub fn revised_in(&self) -> &'static [Edition] {
        tables::REVISIONS
            .get(self.revised_in.range())
            .unwrap_or(&[])
    }

    /// Whether the code is part of `edition`: added in or before it (or
    /// predating the recorded history) and not deleted by it.
    ///
    /// ```
    /// use cdt_codes::Edition;
    ///
    /// let procedure = cdt_codes::lookup("D0120").unwrap();
    /// assert!(procedure.is_active_in(Edition::new(2026).unwrap()));
    /// ```
    #[must_use]
    pub const fn is_active_in(&self, edition: Edition) -> bool {
        crate::edition::in_force(self.added, self.deleted_in, edition)
    }

    /// Whether the code is in force in the newest edition of the data,
    /// [`CDT_EDITION`](crate::CDT_EDITION).
    ///
    /// ```
    /// assert!(cdt_codes::lookup("D0120").unwrap().is_active());
    /// ```
    #[must_use]
    pub const fn is_active(&self) -> bool {
        self.is_active_in(tables::CDT_EDITION)
    }

    /// The other codes of the same subcategory, in code order: what a CDT
    /// reference page lists beside a code. Empty when the code has no
    /// subcategory.
    ///
    /// ```
    /// let procedure = cdt_codes::lookup("D3352").unwrap();
    /// assert!(procedure.related().all(|other| other.code() != procedure.code()));
    /// ```
    pub fn related(&self) -> impl Iterator<Item = &'static Procedure> + '_ {
        self.subcategory()
            .map_or(&[][..], Subcategory::procedures)
            .iter()
            .filter(move |other| other.code != self.code)
    }
}
