//! What changed between two editions of the code set.

use core::fmt;

use crate::model::edition::{Added, Edition};
use crate::set::{CodeSet, NotInData, Procedure, Procedures};

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
    /// for change in cdt_codes::changes(e(2025), e(2026))? {
    ///     assert!(change.procedure().code().number() > 0);
    /// }
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
    /// assert!(["added", "deleted", "revised"].contains(&first.kind()));
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
    /// `added D0426 in CDT 2026`, `deleted D1352 in CDT 2026 (replaced by D2391)`.
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
                for (index, replacement) in procedure.replaced_by().iter().enumerate() {
                    let lead = if index == 0 { " (replaced by " } else { ", " };
                    write!(f, "{lead}{replacement}")?;
                }
                if procedure.replaced_by().is_empty() {
                    Ok(())
                } else {
                    f.write_str(")")
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
    /// assert!(set.changes(e(2025), e(2026))?.count() > 0);
    /// assert!(set.changes(e(2026), e(2199)).is_err());
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
/// let changes = cdt_codes::changes(e(2013), e(2014))?;
/// assert!(changes.count() > 0);
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
