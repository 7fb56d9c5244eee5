//! What changed between two editions of the code set.

use core::fmt;

use crate::edition::{Added, Edition};
use crate::procedure::Procedure;

/// One change to the code set, as the data records it.
///
/// ```
/// use cdt_codes::{Change, Edition};
///
/// let e = |year| Edition::new(year).unwrap();
/// let deleted: Vec<_> = cdt_codes::changes(e(2013), e(2014))
///     .filter(|change| matches!(change, Change::Deleted { .. }))
///     .map(|change| change.procedure().code().to_string())
///     .collect();
/// assert!(deleted.contains(&"D3354".to_string()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// The code was added in the edition.
    Added {
        /// The code's record.
        procedure: &'static Procedure,
        /// The edition that added it.
        edition: Edition,
    },
    /// The code was deleted in the edition.
    Deleted {
        /// The code's record, with its replacements.
        procedure: &'static Procedure,
        /// The first edition without it.
        edition: Edition,
    },
    /// The code's nomenclature or descriptor was revised in the edition.
    Revised {
        /// The code's record.
        procedure: &'static Procedure,
        /// The edition that revised it.
        edition: Edition,
    },
}

impl Change {
    /// The record the change is about.
    ///
    /// ```
    /// let e = |year| cdt_codes::Edition::new(year).unwrap();
    /// for change in cdt_codes::changes(e(2025), e(2026)) {
    ///     assert!(change.procedure().code().number() > 0);
    /// }
    /// ```
    #[must_use]
    pub const fn procedure(&self) -> &'static Procedure {
        match self {
            Change::Added { procedure, .. }
            | Change::Deleted { procedure, .. }
            | Change::Revised { procedure, .. } => procedure,
        }
    }

    /// The edition the change took effect in.
    ///
    /// ```
    /// let e = |year| cdt_codes::Edition::new(year).unwrap();
    /// assert!(cdt_codes::changes(e(2024), e(2026)).all(|c| c.edition() > e(2024)));
    /// ```
    #[must_use]
    pub const fn edition(&self) -> Edition {
        match self {
            Change::Added { edition, .. }
            | Change::Deleted { edition, .. }
            | Change::Revised { edition, .. } => *edition,
        }
    }
}

impl fmt::Display for Change {
    /// `added D0426 in CDT 2026`, `deleted D1352 in CDT 2026 (replaced by D2391)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = self.procedure().code();
        let edition = self.edition();
        match self {
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

/// Every change that took effect after `from` and up to and including `to`,
/// in code order (for one code: added, revised, deleted). Empty when `to`
/// is not after `from`. Revisions are listed as far as the data records
/// them.
///
/// ```
/// use cdt_codes::{Change, Edition};
///
/// let e = |year| Edition::new(year).unwrap();
/// let added: Vec<String> = cdt_codes::changes(e(2013), e(2014))
///     .filter(|change| matches!(change, Change::Added { .. }))
///     .map(|change| change.procedure().code().to_string())
///     .collect();
/// assert!(added.contains(&"D3355".to_string()));
/// assert_eq!(cdt_codes::changes(e(2026), e(2025)).count(), 0);
/// ```
pub fn changes(from: Edition, to: Edition) -> impl Iterator<Item = Change> {
    let within = move |edition: Edition| from < edition && edition <= to;
    crate::iter().flat_map(move |procedure| {
        let added = match procedure.added() {
            Some(Added::In(edition)) if within(edition) => {
                Some(Change::Added { procedure, edition })
            }
            _ => None,
        };
        let revised = procedure
            .revised_in()
            .iter()
            .copied()
            .filter(move |&edition| within(edition))
            .map(move |edition| Change::Revised { procedure, edition });
        let deleted = procedure
            .deleted_in()
            .filter(|&edition| within(edition))
            .map(|edition| Change::Deleted { procedure, edition });
        added.into_iter().chain(revised).chain(deleted)
    })
}
