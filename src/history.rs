//! What changed between two editions of the code set, and what took a
//! deleted code's place: the replacements the ADA named, or successors.

use core::fmt;

use crate::model::code::CdtCode;
use crate::model::edition::{Added, Edition};
use crate::model::record::SuccessorKind;
use crate::set::{CodeSet, NotInData, Procedure, Procedures};

/// A list of codes written as a person reads it: `D2391`, `D5511 or
/// D5512`, `D1551, D1552 or D1553` (or joined by `and`). Width and fill
/// apply to the whole.
///
/// ```
/// use cdt_codes::{CdtCode, CodeList};
///
/// let codes: Vec<CdtCode> = ["D1551", "D1552", "D1553"]
///     .iter()
///     .map(|text| text.parse().unwrap())
///     .collect();
/// assert_eq!(CodeList::or(&codes).to_string(), "D1551, D1552 or D1553");
/// assert_eq!(CodeList::and(&codes[..2]).to_string(), "D1551 and D1552");
/// assert_eq!(CodeList::or(&codes[..1]).to_string(), "D1551");
/// assert_eq!(CodeList::or(&[]).to_string(), "");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeList<'a> {
    codes: &'a [CdtCode],
    last: &'static str,
}

impl<'a> CodeList<'a> {
    /// The codes as alternatives: `D1551, D1552 or D1553`.
    ///
    /// ```
    /// let codes = cdt_codes::lookup("D1352").unwrap().replaced_by();
    /// assert_eq!(cdt_codes::CodeList::or(codes).to_string(), "D2391");
    /// ```
    #[must_use]
    pub const fn or(codes: &'a [CdtCode]) -> CodeList<'a> {
        CodeList {
            codes,
            last: " or ",
        }
    }

    /// The codes all together: `D0801, D0802 and D0803`.
    ///
    /// ```
    /// let codes = cdt_codes::lookup("D0351").unwrap().replaced_by();
    /// assert!(cdt_codes::CodeList::and(codes).to_string().ends_with(" and D0804"));
    /// ```
    #[must_use]
    pub const fn and(codes: &'a [CdtCode]) -> CodeList<'a> {
        CodeList {
            codes,
            last: " and ",
        }
    }

    /// The codes listed.
    ///
    /// ```
    /// let codes = [cdt_codes::CdtCode::new(2391).unwrap()];
    /// assert_eq!(cdt_codes::CodeList::or(&codes).codes()[0].to_string(), "D2391");
    /// assert!(cdt_codes::CodeList::or(&[]).codes().is_empty());
    /// ```
    #[must_use]
    pub const fn codes(&self) -> &'a [CdtCode] {
        self.codes
    }
}

impl fmt::Display for CodeList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::model::pad(f, format_args!("{}", ListText(self)))
    }
}

/// The text of a [`CodeList`], unpadded.
struct ListText<'v, 'a>(&'v CodeList<'a>);

impl fmt::Display for ListText<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let codes = self.0.codes;
        for (index, code) in codes.iter().enumerate() {
            if index > 0 {
                f.write_str(if index + 1 == codes.len() {
                    self.0.last
                } else {
                    ", "
                })?;
            }
            write!(f, "{code}")?;
        }
        Ok(())
    }
}

/// The codes that took over a deleted code's procedure when the ADA named
/// no replacement (see [`Procedure::replaced_by`] for the named ones): the
/// codes added when it was deleted that cover the same procedure, split
/// by arch, side or stage, with how that is known; or, for a procedure no
/// longer coded, the reason. Empty with no kind for a code in force, a
/// code with a named replacement, or data that does not say.
///
/// `Display` writes the codes as alternatives (`D1551, D1552 or D1553`).
///
/// ```
/// use cdt_codes::SuccessorKind;
///
/// let successors = cdt_codes::lookup("D1550").unwrap().successors();
/// assert_eq!(successors.to_string(), "D1551, D1552 or D1553");
/// assert!(matches!(
///     successors.kind(),
///     Some(SuccessorKind::Confirmed | SuccessorKind::Inferred)
/// ));
/// assert!(cdt_codes::lookup("D0120").unwrap().successors().kind().is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Successors<'a> {
    codes: &'a [CdtCode],
    kind: Option<SuccessorKind>,
    source: &'a str,
    note: &'a str,
}

impl<'a> Successors<'a> {
    /// No successors and nothing said about them.
    pub(crate) const UNKNOWN: Successors<'static> = Successors {
        codes: &[],
        kind: None,
        source: "",
        note: "",
    };

    pub(crate) const fn new(
        codes: &'a [CdtCode],
        kind: SuccessorKind,
        source: &'a str,
        note: &'a str,
    ) -> Successors<'a> {
        Successors {
            codes,
            kind: Some(kind),
            source,
            note,
        }
    }

    /// The successor codes, in the order the data lists them; empty when
    /// there are none.
    ///
    /// ```
    /// let successors = cdt_codes::lookup("D3354").unwrap().successors();
    /// let codes: Vec<String> = successors.codes().iter().map(|c| c.to_string()).collect();
    /// assert_eq!(codes, ["D3355", "D3356", "D3357"]);
    /// ```
    #[must_use]
    pub const fn codes(&self) -> &'a [CdtCode] {
        self.codes
    }

    /// How the successors are known (`Confirmed` by a source or
    /// `Inferred`), or `NoSuccessor` when the data says no code took the
    /// procedure over; `None` when the data says nothing.
    ///
    /// ```
    /// use cdt_codes::SuccessorKind;
    ///
    /// let d1705 = cdt_codes::lookup("D1705").unwrap();
    /// assert_eq!(d1705.successors().kind(), Some(SuccessorKind::NoSuccessor));
    /// ```
    #[must_use]
    pub const fn kind(&self) -> Option<SuccessorKind> {
        self.kind
    }

    /// Whether a source named in `data/SOURCES.md` confirms the successors.
    ///
    /// ```
    /// for procedure in cdt_codes::iter() {
    ///     let successors = procedure.successors();
    ///     if successors.is_confirmed() {
    ///         assert!(successors.source().is_some());
    ///     }
    /// }
    /// // D0260 (deleted) went to D0250 by inference, not from a source
    /// let d0260 = cdt_codes::lookup("D0260").unwrap().successors();
    /// assert_eq!(d0260.codes()[0].to_string(), "D0250");
    /// assert!(!d0260.is_confirmed());
    /// ```
    #[must_use]
    pub fn is_confirmed(&self) -> bool {
        self.kind == Some(SuccessorKind::Confirmed)
    }

    /// Whether there are no successor codes.
    ///
    /// ```
    /// assert!(cdt_codes::lookup("D0120").unwrap().successors().is_empty());
    /// let d0260 = cdt_codes::lookup("D0260").unwrap().successors(); // deleted
    /// assert_eq!((d0260.is_empty(), d0260.codes().len()), (false, 1));
    /// ```
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// The key in `data/SOURCES.md` of the source that pairs the codes,
    /// when one does.
    ///
    /// ```
    /// assert_eq!(cdt_codes::lookup("D0120").unwrap().successors().source(), None);
    /// ```
    #[must_use]
    pub fn source(&self) -> Option<&'a str> {
        Some(self.source).filter(|text| !text.is_empty())
    }

    /// The note in our words: the basis of an inference, why a successor
    /// that was already in force counts as one, or why there is none.
    ///
    /// ```
    /// let note = cdt_codes::lookup("D1550").unwrap().successors().note();
    /// assert!(note.is_some_and(|text| !text.is_empty()));
    /// ```
    #[must_use]
    pub fn note(&self) -> Option<&'a str> {
        Some(self.note).filter(|text| !text.is_empty())
    }

    /// Why no code took the procedure over, when the data says none did.
    ///
    /// ```
    /// let reason = cdt_codes::lookup("D1705").unwrap().successors().none_reason();
    /// assert!(reason.is_some());
    /// assert_eq!(cdt_codes::lookup("D1550").unwrap().successors().none_reason(), None);
    /// ```
    #[must_use]
    pub fn none_reason(&self) -> Option<&'a str> {
        match self.kind {
            Some(SuccessorKind::NoSuccessor) => self.note(),
            _ => None,
        }
    }

    /// The codes as a list a person reads, joined by `or`.
    ///
    /// ```
    /// let list = cdt_codes::lookup("D1515").unwrap().successors().list();
    /// assert_eq!(list.to_string(), "D1516 or D1517");
    /// ```
    #[must_use]
    pub const fn list(&self) -> CodeList<'a> {
        CodeList::or(self.codes)
    }
}

impl fmt::Display for Successors<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.list(), f)
    }
}

impl<'a> IntoIterator for Successors<'a> {
    type Item = CdtCode;
    type IntoIter = core::iter::Copied<core::slice::Iter<'a, CdtCode>>;

    fn into_iter(self) -> Self::IntoIter {
        self.codes.iter().copied()
    }
}

/// Writes what to report instead of a deleted code, after a `;`: the named
/// replacements (`; report D2391 instead`), else the successors (`; report
/// D1551, D1552 or D1553 instead (successors, inferred)`), else why there
/// is none, else that no replacement was named.
pub(crate) fn write_instead(
    f: &mut fmt::Formatter<'_>,
    replaced_by: &[CdtCode],
    successors: &Successors<'_>,
) -> fmt::Result {
    if !replaced_by.is_empty() {
        return write!(f, "; report {} instead", CodeList::or(replaced_by));
    }
    match successors.kind() {
        Some(kind @ (SuccessorKind::Confirmed | SuccessorKind::Inferred)) => write!(
            f,
            "; report {} instead (successors, {kind})",
            successors.list()
        ),
        Some(_) => match successors.note() {
            Some(reason) => write!(f, "; no code replaces it: {reason}"),
            None => f.write_str("; no code replaces it"),
        },
        None => f.write_str("; no replacement was named"),
    }
}

/// One change to the code set, as the data records it.
///
/// ```
/// use cdt_codes::{Change, Edition};
///
/// let e = |year| Edition::new(year).unwrap();
/// let deleted: Vec<_> = cdt_codes::changes(e(2013), e(2014))?
///     .filter(|change| matches!(change, Change::Deleted { .. }))
///     .map(|change| change.procedure().code().to_string())
///     .collect();
/// assert!(deleted.contains(&"D3354".to_string()));
/// # Ok::<(), cdt_codes::NotInData>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Change<'a> {
    /// The code was added in the edition.
    Added {
        /// The code's record.
        procedure: Procedure<'a>,
        /// The edition that added it.
        edition: Edition,
    },
    /// The code was deleted in the edition.
    Deleted {
        /// The code's record, with its replacements.
        procedure: Procedure<'a>,
        /// The first edition without it.
        edition: Edition,
    },
    /// The code's nomenclature or descriptor was revised in the edition.
    Revised {
        /// The code's record.
        procedure: Procedure<'a>,
        /// The edition that revised it.
        edition: Edition,
    },
}

impl<'a> Change<'a> {
    /// The record the change is about.
    ///
    /// ```
    /// let e = |year| cdt_codes::Edition::new(year).unwrap();
    /// let first = cdt_codes::changes(e(2025), e(2026))?.next().unwrap();
    /// assert_eq!(first.procedure().code().to_string(), "D0426");
    /// # Ok::<(), cdt_codes::NotInData>(())
    /// ```
    #[must_use]
    pub const fn procedure(&self) -> Procedure<'a> {
        match self {
            Change::Added { procedure, .. }
            | Change::Deleted { procedure, .. }
            | Change::Revised { procedure, .. } => *procedure,
        }
    }

    /// The edition the change took effect in.
    ///
    /// ```
    /// let e = |year| cdt_codes::Edition::new(year).unwrap();
    /// assert!(cdt_codes::changes(e(2024), e(2026))?.all(|c| c.edition() > e(2024)));
    /// # Ok::<(), cdt_codes::NotInData>(())
    /// ```
    #[must_use]
    pub const fn edition(&self) -> Edition {
        match self {
            Change::Added { edition, .. }
            | Change::Deleted { edition, .. }
            | Change::Revised { edition, .. } => *edition,
        }
    }

    /// A short name of the change: `added`, `deleted` or `revised`.
    ///
    /// ```
    /// let e = |year| cdt_codes::Edition::new(year).unwrap();
    /// let first = cdt_codes::changes(e(2025), e(2026))?.next().unwrap();
    /// assert_eq!(first.kind(), "added"); // D0426, new in CDT 2026
    /// # Ok::<(), cdt_codes::NotInData>(())
    /// ```
    #[must_use]
    pub const fn kind(&self) -> &'static str {
        match self {
            Change::Added { .. } => "added",
            Change::Deleted { .. } => "deleted",
            Change::Revised { .. } => "revised",
        }
    }
}

impl fmt::Display for Change<'_> {
    /// `added D0426 in CDT 2026`, `deleted D1352 in CDT 2026 (replaced by
    /// D2391)`, `deleted D1550 in CDT 2020 (successors D1551, D1552 or
    /// D1553, inferred)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::model::pad(f, format_args!("{}", ChangeText(self)))
    }
}

/// The text of a [`Change`], unpadded.
struct ChangeText<'v, 's>(&'v Change<'s>);

impl fmt::Display for ChangeText<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let this = self.0;
        let code = this.procedure().code();
        let edition = this.edition();
        match this {
            Change::Added { .. } => write!(f, "added {code} in {edition}"),
            Change::Revised { .. } => write!(f, "revised {code} in {edition}"),
            Change::Deleted { procedure, .. } => {
                write!(f, "deleted {code} in {edition}")?;
                let replaced_by = procedure.replaced_by();
                let successors = procedure.successors();
                if !replaced_by.is_empty() {
                    return write!(f, " (replaced by {})", CodeList::or(replaced_by));
                }
                match successors.kind() {
                    Some(SuccessorKind::NoSuccessor) => f.write_str(" (no successor)"),
                    Some(kind) => write!(f, " (successors {successors}, {kind})"),
                    None => Ok(()),
                }
            }
        }
    }
}

/// Every change in the compiled data that took effect after `from` and up
/// to and including `to`: see [`CodeSet::changes`].
///
/// # Errors
///
/// [`NotInData`] when the data does not hold `from` or `to`.
///
/// ```
/// use cdt_codes::{Change, Edition};
///
/// let e = |year| Edition::new(year).unwrap();
/// let added: Vec<String> = cdt_codes::changes(e(2013), e(2014))?
///     .filter(|change| matches!(change, Change::Added { .. }))
///     .map(|change| change.procedure().code().to_string())
///     .collect();
/// assert!(added.contains(&"D3355".to_string()));
/// assert_eq!(cdt_codes::changes(e(2026), e(2025))?.count(), 0);
/// # Ok::<(), cdt_codes::NotInData>(())
/// ```
pub fn changes(from: Edition, to: Edition) -> Result<Changes<'static>, NotInData> {
    CodeSet::compiled().changes(from, to)
}

impl CodeSet {
    /// Every change that took effect after `from` and up to and including
    /// `to`, in code order (for one code: added, revised, deleted). Empty
    /// when `to` is not after `from`. Revisions are listed as far as the
    /// data records them.
    ///
    /// # Errors
    ///
    /// [`NotInData`] when the set does not hold `from` or `to`: the
    /// changes of an edition the data lacks are unknown, not empty.
    ///
    /// ```
    /// let e = |year| cdt_codes::Edition::new(year).unwrap();
    /// let set = cdt_codes::CodeSet::compiled();
    /// let codes = |kind: &str| -> Vec<String> {
    ///     let changes = set.changes(e(2025), e(2026)).unwrap();
    ///     changes.filter(|c| c.kind() == kind).map(|c| c.procedure().code().to_string()).collect()
    /// };
    /// assert_eq!(codes("added")[..2], ["D0426", "D0461"]); // CDT 2026's first additions
    /// assert!(codes("deleted").contains(&"D1352".to_string())); // replaced by D2391
    /// let error = set.changes(e(2026), e(2199)).unwrap_err();
    /// assert_eq!(error.to_string(), "the data holds CDT-3 to CDT 2026; CDT 2199 is not in it");
    /// # Ok::<(), cdt_codes::NotInData>(())
    /// ```
    pub fn changes(&self, from: Edition, to: Edition) -> Result<Changes<'_>, NotInData> {
        Ok(Changes {
            from: self.check_held(from)?,
            to: self.check_held(to)?,
            procedures: self.iter(),
            added: None,
            deleted: None,
            revisions: &[],
            current: None,
        })
    }
}

/// The changes between two editions: see [`CodeSet::changes`].
///
/// ```
/// let e = |year| cdt_codes::Edition::new(year).unwrap();
/// let mut changes = cdt_codes::changes(e(2025), e(2026))?;
/// assert_eq!(changes.next().unwrap().to_string(), "added D0426 in CDT 2026");
/// let d1352 = changes.find(|c| c.procedure().code().to_string() == "D1352").unwrap();
/// assert_eq!(d1352.to_string(), "deleted D1352 in CDT 2026 (replaced by D2391)");
/// # Ok::<(), cdt_codes::NotInData>(())
/// ```
#[derive(Debug, Clone)]
pub struct Changes<'a> {
    from: Edition,
    to: Edition,
    procedures: Procedures<'a>,
    /// The current procedure's addition, given before its revisions.
    added: Option<Change<'a>>,
    /// The current procedure's deletion, given after its revisions.
    deleted: Option<Change<'a>>,
    revisions: &'a [Edition],
    current: Option<Procedure<'a>>,
}

impl Changes<'_> {
    fn within(&self, edition: Edition) -> bool {
        self.from < edition && edition <= self.to
    }
}

impl<'a> Iterator for Changes<'a> {
    type Item = Change<'a>;

    fn next(&mut self) -> Option<Change<'a>> {
        loop {
            if let Some(change) = self.added.take() {
                return Some(change);
            }
            if let Some(procedure) = self.current {
                while let Some((&edition, rest)) = self.revisions.split_first() {
                    self.revisions = rest;
                    if self.within(edition) {
                        return Some(Change::Revised { procedure, edition });
                    }
                }
                if let Some(change) = self.deleted.take() {
                    return Some(change);
                }
            }
            let procedure = self.procedures.next()?;
            self.current = Some(procedure);
            self.revisions = procedure.revised_in();
            self.added = match procedure.added() {
                Some(Added::In(edition)) if self.within(edition) => {
                    Some(Change::Added { procedure, edition })
                }
                _ => None,
            };
            self.deleted = procedure
                .deleted_in()
                .filter(|&edition| self.within(edition))
                .map(|edition| Change::Deleted { procedure, edition });
        }
    }
}
