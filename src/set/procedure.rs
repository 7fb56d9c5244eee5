//! A record of a code set: one CDT code with its description and history.

use core::fmt;

use super::iter::{Members, Replacements, Unconfirmed};
use super::{CodeSet, Subcategory};
use crate::model::category::Category;
use crate::model::code::CdtCode;
use crate::model::date::ServiceDate;
use crate::model::edition::{in_force, Added, Edition};
use crate::model::record::{Fact, Record};

/// One code of a code set: what it is called, where it sits in the code
/// set, its history, and which of those facts rest on inference.
///
/// A `Procedure` is a small `Copy` view into its set; the compiled set's
/// procedures live as long as the program (`Procedure<'static>`).
///
/// ```
/// use cdt_codes::Category;
///
/// let procedure = cdt_codes::lookup("D3353").unwrap();
/// assert_eq!(procedure.code().to_string(), "D3353");
/// assert_eq!(procedure.category(), Category::Endodontics);
/// assert!(!procedure.description().is_empty());
/// assert!(procedure.to_string().starts_with("D3353 "));
/// ```
#[derive(Clone, Copy)]
pub struct Procedure<'a> {
    set: &'a CodeSet,
    record: &'a Record,
}

impl PartialEq for Procedure<'_> {
    /// Two views are equal when they show the same record of the same set.
    fn eq(&self, other: &Self) -> bool {
        core::ptr::eq(self.set, other.set) && core::ptr::eq(self.record, other.record)
    }
}

impl Eq for Procedure<'_> {}

impl fmt::Debug for Procedure<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Procedure")
            .field("code", &self.code())
            .field("description", &self.description())
            .field("category", &self.category())
            .field("added", &self.added())
            .field("deleted_in", &self.deleted_in())
            .field("replaced_by", &self.replaced_by())
            .field("successors", &self.successors())
            .finish_non_exhaustive()
    }
}

impl fmt::Display for Procedure<'_> {
    /// `D3353 ` and the description; width and fill apply to the whole.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.width().is_none() {
            return write!(f, "{} {}", self.code(), self.description());
        }
        #[cfg(feature = "alloc")]
        {
            let text = alloc::format!("{} {}", self.code(), self.description());
            f.pad(&text)
        }
        #[cfg(not(feature = "alloc"))]
        write!(f, "{} {}", self.code(), self.description())
    }
}

impl crate::model::code::AsCode for Procedure<'_> {
    /// The record's code; a procedure of one set names the same code in
    /// another.
    #[inline]
    fn to_code(&self) -> Result<CdtCode, crate::model::code::ParseCodeError> {
        Ok(self.code())
    }
}

impl<'a> Procedure<'a> {
    pub(crate) fn new(set: &'a CodeSet, record: &'a Record) -> Procedure<'a> {
        Procedure { set, record }
    }

    /// The set the record belongs to.
    ///
    /// ```
    /// let procedure = cdt_codes::lookup("D0120").unwrap();
    /// assert!(std::ptr::eq(procedure.set(), cdt_codes::CodeSet::compiled()));
    /// ```
    #[must_use]
    pub fn set(&self) -> &'a CodeSet {
        self.set
    }

    /// The code.
    ///
    /// ```
    /// let procedure = cdt_codes::lookup("d0120").unwrap();
    /// assert_eq!(procedure.code().to_string(), "D0120");
    /// ```
    #[must_use]
    pub fn code(&self) -> CdtCode {
        self.record.code
    }

    /// A one-line description of the procedure in plain language.
    ///
    /// In the bundled data this is our own wording, not the ADA's
    /// nomenclature; a code only a licensed file knows has its
    /// nomenclature here.
    ///
    /// ```
    /// let text = cdt_codes::lookup("D0150").unwrap().description();
    /// assert!(text.to_lowercase().contains("exam"));
    /// ```
    #[must_use]
    pub fn description(&self) -> &'a str {
        self.set.text(self.record.description)
    }

    /// The official ADA nomenclature, present only when a licensed data file
    /// was compiled in or loaded.
    ///
    /// ```
    /// let procedure = cdt_codes::lookup("D0120").unwrap();
    /// if cdt_codes::DATA_SOURCE == cdt_codes::DataSource::Bundled {
    ///     assert_eq!(procedure.nomenclature(), None);
    /// }
    /// ```
    #[must_use]
    pub fn nomenclature(&self) -> Option<&'a str> {
        self.record.nomenclature.map(|span| self.set.text(span))
    }

    /// The official ADA descriptor, present only when a licensed data file
    /// that has one for this code was compiled in or loaded.
    ///
    /// ```
    /// let procedure = cdt_codes::lookup("D0120").unwrap();
    /// if cdt_codes::DATA_SOURCE == cdt_codes::DataSource::Bundled {
    ///     assert_eq!(procedure.descriptor(), None);
    /// }
    /// ```
    #[must_use]
    pub fn descriptor(&self) -> Option<&'a str> {
        self.record.descriptor.map(|span| self.set.text(span))
    }

    /// The category of service the code belongs to.
    ///
    /// ```
    /// use cdt_codes::Category;
    ///
    /// assert_eq!(cdt_codes::lookup("D0120").unwrap().category(), Category::Diagnostic);
    /// ```
    #[must_use]
    pub fn category(&self) -> Category {
        self.record.category
    }

    /// The subcategory heading the code stands under (for a deleted code,
    /// the one it last stood under), if the data names one.
    ///
    /// ```
    /// let procedure = cdt_codes::lookup("D0120").unwrap();
    /// assert_eq!(procedure.subcategory().unwrap().name(), "Clinical Oral Evaluations");
    /// ```
    #[must_use]
    pub fn subcategory(&self) -> Option<Subcategory<'a>> {
        self.set
            .headings
            .get(usize::from(self.record.heading))
            .map(|heading| Subcategory::new(self.set, heading))
    }

    /// Whether a source confirms the code's placement under its heading;
    /// `false` when the placement is an inference (or there is none).
    ///
    /// ```
    /// assert!(cdt_codes::lookup("D0120").unwrap().subcategory_confirmed());
    /// // D0260 (deleted) sits under its heading by inference
    /// assert!(!cdt_codes::lookup("D0260").unwrap().subcategory_confirmed());
    /// ```
    #[must_use]
    pub fn subcategory_confirmed(&self) -> bool {
        self.record.heading != crate::model::record::NO_HEADING
            && !self.record.unconfirmed.contains(Fact::Subcategory)
    }

    /// Whether the data holds `fact` from a source rather than by
    /// inference. Facts the record does not have at all (no deletion, say)
    /// count as confirmed: nothing was inferred.
    ///
    /// ```
    /// use cdt_codes::Fact;
    ///
    /// let procedure = cdt_codes::lookup("D1352").unwrap();
    /// assert!(procedure.is_confirmed(Fact::DeletedIn));
    /// ```
    #[must_use]
    pub fn is_confirmed(&self, fact: Fact) -> bool {
        !self.record.unconfirmed.contains(fact)
    }

    /// The facts of the record that rest on inference, in column order.
    ///
    /// ```
    /// for procedure in cdt_codes::iter() {
    ///     for fact in procedure.unconfirmed() {
    ///         assert!(!procedure.is_confirmed(fact));
    ///     }
    /// }
    /// ```
    #[must_use]
    pub fn unconfirmed(&self) -> Unconfirmed {
        Unconfirmed::new(self.record.unconfirmed)
    }

    /// What a claim line for the code must report (a tooth, surfaces, an
    /// area of the oral cavity, or nothing), when the data says; check a
    /// line against it with [`Procedure::check_reported`].
    ///
    /// ```
    /// let d2392 = cdt_codes::lookup("D2392").unwrap();
    /// assert_eq!(
    ///     d2392.reporting().unwrap().to_string(),
    ///     "a tooth with its surfaces (2 surfaces, posterior tooth)"
    /// );
    /// ```
    #[must_use]
    pub fn reporting(&self) -> Option<crate::model::reporting::Reporting> {
        self.record.reporting
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
    pub fn added(&self) -> Option<Added> {
        self.record.added
    }

    /// The edition that first published the code, when the data records it
    /// exactly.
    ///
    /// ```
    /// let procedure = cdt_codes::lookup("D0426").unwrap();
    /// assert_eq!(procedure.added_in().map(|e| e.year()), Some(2026));
    /// ```
    #[must_use]
    pub fn added_in(&self) -> Option<Edition> {
        match self.record.added {
            Some(Added::In(edition)) => Some(edition),
            _ => None,
        }
    }

    /// The date the code took effect when that was not 1 January of its
    /// edition: released early, before the edition began, or added
    /// mid-year, such as the COVID-19 codes of CDT 2021.
    ///
    /// ```
    /// let procedure = cdt_codes::lookup("D0120").unwrap();
    /// assert_eq!(procedure.effective(), None);
    /// ```
    #[must_use]
    pub fn effective(&self) -> Option<ServiceDate> {
        self.record.effective
    }

    /// The first edition that no longer contains the code, if it was
    /// deleted.
    ///
    /// ```
    /// let procedure = cdt_codes::lookup("D0120").unwrap();
    /// assert_eq!(procedure.deleted_in(), None);
    /// ```
    #[must_use]
    pub fn deleted_in(&self) -> Option<Edition> {
        self.record.deleted_in
    }

    /// The codes the ADA named to report instead of this deleted code.
    ///
    /// ```
    /// let procedure = cdt_codes::lookup("D0120").unwrap();
    /// assert!(procedure.replaced_by().is_empty());
    /// let d1352 = cdt_codes::lookup("D1352").unwrap(); // deleted in CDT 2026
    /// assert_eq!(d1352.replaced_by()[0].to_string(), "D2391");
    /// ```
    #[must_use]
    pub fn replaced_by(&self) -> &'a [CdtCode] {
        self.set
            .codes
            .get(self.record.replaced_by.range())
            .unwrap_or(&[])
    }

    /// What took over the procedure when the ADA named no replacement:
    /// codes added when this one was deleted that cover the same
    /// procedure, confirmed by a source or inferred, or why none did.
    /// Kept apart from [`replaced_by`](Self::replaced_by), which holds only
    /// the replacements the ADA named.
    ///
    /// ```
    /// use cdt_codes::SuccessorKind;
    ///
    /// let d1550 = cdt_codes::lookup("D1550").unwrap();
    /// assert!(d1550.replaced_by().is_empty());
    /// assert_eq!(d1550.successors().to_string(), "D1551, D1552 or D1553");
    /// assert_ne!(d1550.successors().kind(), Some(SuccessorKind::NoSuccessor));
    /// ```
    #[must_use]
    pub fn successors(&self) -> crate::history::Successors<'a> {
        let Some(succession) = self.record.succession else {
            return crate::history::Successors::UNKNOWN;
        };
        crate::history::Successors::new(
            self.set.codes.get(succession.codes.range()).unwrap_or(&[]),
            succession.kind,
            self.set.text(succession.source),
            self.set.text(succession.note),
        )
    }

    /// The records of the replacement codes, in the order the data lists
    /// them.
    ///
    /// ```
    /// for procedure in cdt_codes::iter() {
    ///     assert_eq!(procedure.replacements().count(), procedure.replaced_by().len());
    /// }
    /// ```
    #[must_use]
    pub fn replacements(&self) -> Replacements<'a> {
        Replacements::new(self.set, self.replaced_by())
    }

    /// Editions that revised the code's nomenclature or descriptor, oldest
    /// first, as far as the data records revisions.
    ///
    /// ```
    /// let revised = cdt_codes::lookup("D0120").unwrap().revised_in();
    /// assert!(revised.windows(2).all(|pair| pair[0] < pair[1]));
    /// ```
    #[must_use]
    pub fn revised_in(&self) -> &'a [Edition] {
        self.set
            .editions
            .get(self.record.revised_in.range())
            .unwrap_or(&[])
    }

    /// Whether the code is part of `edition`.
    ///
    /// ```
    /// use cdt_codes::Edition;
    ///
    /// let procedure = cdt_codes::lookup("D0120").unwrap();
    /// assert!(procedure.is_active_in(Edition::new(2026).unwrap()));
    /// ```
    #[must_use]
    pub fn is_active_in(&self, edition: Edition) -> bool {
        in_force(self.record.added, self.record.deleted_in, edition)
    }

    /// Whether the code is in force in the newest edition of its set.
    ///
    /// ```
    /// assert!(cdt_codes::lookup("D0120").unwrap().is_active());
    /// assert!(!cdt_codes::lookup("D1352").unwrap().is_active());
    /// ```
    #[must_use]
    pub fn is_active(&self) -> bool {
        self.is_active_in(self.set.edition)
    }

    /// The other codes under the same heading, in code order: what a CDT
    /// reference page lists beside a code. Empty when the code has no
    /// heading.
    ///
    /// ```
    /// let procedure = cdt_codes::lookup("D3352").unwrap();
    /// assert!(procedure.related().all(|other| other.code() != procedure.code()));
    /// assert!(procedure.related().any(|other| other.code().to_string() == "D3353"));
    /// ```
    #[must_use]
    pub fn related(&self) -> Related<'a> {
        let members = self
            .subcategory()
            .map_or_else(|| Members::empty(self.set), |sub| sub.procedures());
        Related {
            members,
            code: self.code(),
        }
    }
}

/// The other codes under a procedure's heading: see
/// [`Procedure::related`].
///
/// ```
/// let mut related = cdt_codes::lookup("D0120").unwrap().related();
/// assert_eq!(related.next().unwrap().code().to_string(), "D0140"); // D0120 itself left out
/// ```
#[derive(Debug, Clone)]
pub struct Related<'a> {
    members: Members<'a>,
    code: CdtCode,
}

impl<'a> Iterator for Related<'a> {
    type Item = Procedure<'a>;

    fn next(&mut self) -> Option<Procedure<'a>> {
        let code = self.code;
        self.members.find(|other| other.code() != code)
    }
}
