//! Is a code valid on a date of service? The question a claim scrubber
//! asks, answered only where the data can know.

use core::fmt;

use crate::history::Successors;
use crate::model::code::{AsCode, CdtCode, ParseCodeError};
use crate::model::date::ServiceDate;
use crate::model::edition::{Added, Edition};
use crate::set::{CodeSet, Procedure};

/// Whether a code may be reported for a date of service, and if not, why;
/// or that the data cannot say.
///
/// ```
/// use cdt_codes::{ServiceDate, Validity};
///
/// let date = ServiceDate::new(2026, 3, 1).unwrap();
/// assert!(matches!(cdt_codes::validity("D0120", date), Validity::Valid(_)));
/// assert!(matches!(cdt_codes::validity("D0000", date), Validity::Unknown(_)));
/// assert!(matches!(cdt_codes::validity("D01", date), Validity::Malformed(_)));
///
/// // A date the data does not reach is neither valid nor invalid.
/// let later = ServiceDate::new(2099, 6, 1).unwrap();
/// assert!(matches!(cdt_codes::validity("D0120", later), Validity::OutsideData { .. }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Validity<'a> {
    /// The code is in force on the date.
    Valid(Procedure<'a>),
    /// The text is not a well-formed code.
    Malformed(ParseCodeError),
    /// The code is well-formed but the data does not define it.
    Unknown(CdtCode),
    /// The code was added after the date.
    NotYetInForce {
        /// The record of the code.
        procedure: Procedure<'a>,
        /// The edition that added it.
        added_in: Edition,
        /// The day it took effect, when that was before its edition began.
        effective: Option<ServiceDate>,
    },
    /// The code was deleted on or before the date.
    Deleted {
        /// The record of the code.
        procedure: Procedure<'a>,
        /// The first edition without the code.
        deleted_in: Edition,
        /// The codes the ADA named to report instead, if any.
        replaced_by: &'a [CdtCode],
        /// When the ADA named none: the codes that took the procedure
        /// over (confirmed or inferred), or why none did.
        successors: Successors<'a>,
    },
    /// The date lies outside the editions the data holds, so the data
    /// cannot say: not valid, not invalid.
    OutsideData {
        /// The code asked about.
        code: CdtCode,
        /// The date of service.
        date: ServiceDate,
        /// The edition in force on the date, which the data does not hold
        /// (`None` before CDT-3).
        edition: Option<Edition>,
        /// The edition of the data nearest to the date.
        nearest: Edition,
        /// A hint: the code's record, if the data defines it, and whether it
        /// was in force in the nearest edition.
        hint: Option<(Procedure<'a>, bool)>,
    },
}

impl<'a> Validity<'a> {
    /// Whether the code may be reported on the date. `false` for a date
    /// outside the data: unknown is not valid.
    ///
    /// ```
    /// let date = "2026-06-30".parse().unwrap();
    /// assert!(cdt_codes::validity("D0120", date).is_valid());
    /// ```
    #[must_use]
    pub const fn is_valid(&self) -> bool {
        matches!(self, Validity::Valid(_))
    }

    /// Whether the data cannot judge the date at all.
    ///
    /// ```
    /// let date = "2027-03-01".parse().unwrap();
    /// if cdt_codes::CDT_EDITION.year() == 2026 {
    ///     assert!(cdt_codes::validity("D3330", date).is_outside_data());
    /// }
    /// ```
    #[must_use]
    pub const fn is_outside_data(&self) -> bool {
        matches!(self, Validity::OutsideData { .. })
    }

    /// The record, when the data defines the code.
    ///
    /// ```
    /// let date = "2026-06-30".parse().unwrap();
    /// let d0120 = cdt_codes::validity("D0120", date).procedure().unwrap();
    /// assert_eq!(d0120.code().to_string(), "D0120");
    /// // a deleted code still has its record
    /// let d1352 = cdt_codes::validity("D1352", date).procedure().unwrap();
    /// assert_eq!(d1352.replaced_by()[0].to_string(), "D2391");
    /// assert!(cdt_codes::validity("D0000", date).procedure().is_none());
    /// ```
    #[must_use]
    pub fn procedure(&self) -> Option<Procedure<'a>> {
        match self {
            Validity::Valid(procedure)
            | Validity::NotYetInForce { procedure, .. }
            | Validity::Deleted { procedure, .. } => Some(*procedure),
            Validity::OutsideData { hint, .. } => hint.map(|(procedure, _)| procedure),
            Validity::Malformed(_) | Validity::Unknown(_) => None,
        }
    }

    /// A short name of the verdict, as claims reports and JSON use it:
    /// `valid`, `malformed`, `unknown`, `not_yet_in_force`, `deleted` or
    /// `outside_data`.
    ///
    /// ```
    /// let date = "2026-06-30".parse().unwrap();
    /// assert_eq!(cdt_codes::validity("D1352", date).kind(), "deleted");
    /// ```
    #[must_use]
    pub const fn kind(&self) -> &'static str {
        match self {
            Validity::Valid(_) => "valid",
            Validity::Malformed(_) => "malformed",
            Validity::Unknown(_) => "unknown",
            Validity::NotYetInForce { .. } => "not_yet_in_force",
            Validity::Deleted { .. } => "deleted",
            Validity::OutsideData { .. } => "outside_data",
        }
    }
}

impl fmt::Display for Validity<'_> {
    /// One line a person can act on, e.g. `D1352 was deleted in CDT 2026;
    /// report D2391 instead`, or `D1550 was deleted in CDT 2020; report
    /// D1551, D1552 or D1553 instead (successors, inferred)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::model::pad(f, format_args!("{}", VerdictText(self)))
    }
}

/// The text of a [`Validity`], unpadded.
struct VerdictText<'v, 's>(&'v Validity<'s>);

impl fmt::Display for VerdictText<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let this = self.0;
        match this {
            Validity::Valid(procedure) => write!(f, "{} is valid", procedure.code()),
            Validity::Malformed(error) => write!(f, "malformed code: {error}"),
            Validity::Unknown(code) => write!(f, "{code} is not a CDT code in the data"),
            Validity::NotYetInForce {
                procedure,
                added_in,
                effective,
            } => {
                write!(
                    f,
                    "{} was not yet in force: it was added in {added_in}",
                    procedure.code()
                )?;
                match effective {
                    Some(date) => write!(f, ", effective {date}"),
                    None => Ok(()),
                }
            }
            Validity::Deleted {
                procedure,
                deleted_in,
                replaced_by,
                successors,
            } => {
                write!(f, "{} was deleted in {deleted_in}", procedure.code())?;
                crate::history::write_instead(f, replaced_by, successors)
            }
            Validity::OutsideData {
                code,
                date,
                edition,
                nearest,
                hint,
            } => {
                write!(f, "{code} cannot be checked for {date}: ")?;
                match edition {
                    Some(edition) => write!(f, "{edition} applies, which the data does not hold")?,
                    None => {
                        f.write_str("the date is before CDT-3, the first edition the crate knows")?;
                    }
                }
                match hint {
                    Some((_, true)) => write!(f, " (in {nearest} the code was in force)"),
                    Some((_, false)) => write!(f, " (in {nearest} the code was not in force)"),
                    None => write!(f, " (the code is not in the data up to {nearest})"),
                }
            }
        }
    }
}

/// Whether `code` may be reported for a service on `date`, by the edition
/// in force on that date, in the compiled data.
///
/// ```
/// use cdt_codes::{ServiceDate, Validity};
///
/// // Deleted codes stay readable and say what replaced them.
/// let before = ServiceDate::new(2013, 12, 31).unwrap();
/// let after = ServiceDate::new(2014, 1, 1).unwrap();
/// assert!(cdt_codes::validity("D3354", before).is_valid());
/// let verdict = cdt_codes::validity("D3354", after);
/// assert!(matches!(verdict, Validity::Deleted { .. }));
/// assert!(verdict.to_string().contains("report D3355, D3356 or D3357 instead (successors, "));
/// ```
#[must_use]
pub fn validity(code: impl AsCode, date: ServiceDate) -> Validity<'static> {
    CodeSet::compiled().validity(code, date)
}

impl CodeSet {
    /// Whether `code` may be reported for a service on `date`, by the
    /// edition in force on that date; [`Validity::OutsideData`] when the
    /// set does not hold that edition.
    ///
    /// ```
    /// let set = cdt_codes::CodeSet::compiled();
    /// assert!(set.validity("D0120", "2026-01-01".parse().unwrap()).is_valid());
    /// assert!(set.validity("D0120", "1999-06-01".parse().unwrap()).is_outside_data());
    /// ```
    #[must_use]
    pub fn validity(&self, code: impl AsCode, date: ServiceDate) -> Validity<'_> {
        let code = match code.to_code() {
            Ok(code) => code,
            Err(error) => return Validity::Malformed(error),
        };
        self.validity_of(code, date)
    }

    /// The same as [`validity`](Self::validity), which now takes a
    /// [`CdtCode`] as well; kept for existing callers.
    ///
    /// ```
    /// let code = "D0120".parse().unwrap();
    /// let set = cdt_codes::CodeSet::compiled();
    /// assert!(set.validity_of(code, "2026-01-01".parse().unwrap()).is_valid());
    /// ```
    #[must_use]
    pub fn validity_of(&self, code: CdtCode, date: ServiceDate) -> Validity<'_> {
        let procedure = self.get(code);
        let (first, last) = self.horizon();
        // Every date within the horizon falls in a known edition.
        let edition = date.edition().filter(|_| first <= date && date <= last);
        let Some(edition) = edition else {
            let nearest = if date < first {
                self.first_edition()
            } else {
                self.edition()
            };
            return Validity::OutsideData {
                code,
                date,
                edition: date.edition(),
                nearest,
                hint: procedure.map(|p| (p, p.is_active_in(nearest))),
            };
        };
        match procedure {
            Some(procedure) => procedure.verdict_in(date, edition),
            None => Validity::Unknown(code),
        }
    }

    /// The verdict for `code` as if `date` fell in the set's newest
    /// edition: for callers who knowingly accept that the data may be out
    /// of date (`check_claims --assume-latest`). Dates before the data are
    /// still [`Validity::OutsideData`].
    ///
    /// ```
    /// let set = cdt_codes::CodeSet::compiled();
    /// let later = "2099-03-01".parse().unwrap();
    /// assert!(set.validity_assuming_latest("D0120", later).is_valid());
    /// ```
    #[must_use]
    pub fn validity_assuming_latest(&self, code: impl AsCode, date: ServiceDate) -> Validity<'_> {
        let (_, last) = self.horizon();
        self.validity(code, if date > last { last } else { date })
    }
}

impl<'a> Procedure<'a> {
    /// Whether this code may be reported for a service on `date`; see
    /// [`CodeSet::validity`].
    ///
    /// ```
    /// let procedure = cdt_codes::lookup("D0120").unwrap();
    /// assert!(procedure.validity_on("2026-01-01".parse().unwrap()).is_valid());
    /// ```
    #[must_use]
    pub fn validity_on(&self, date: ServiceDate) -> Validity<'a> {
        self.set().validity_of(self.code(), date)
    }

    /// The verdict on a date the set covers, in the edition in force then.
    fn verdict_in(&self, date: ServiceDate, edition: Edition) -> Validity<'a> {
        if let Some(deleted_in) = self.deleted_in() {
            if edition >= deleted_in {
                return Validity::Deleted {
                    procedure: *self,
                    deleted_in,
                    replaced_by: self.replaced_by(),
                    successors: self.successors(),
                };
            }
        }
        if let Some(Added::In(added_in)) = self.added() {
            // An off-cycle effective date decides on its own: before the
            // edition began (early release) or within it (mid-year).
            let not_yet = match self.effective() {
                Some(effective) => date < effective,
                None => edition < added_in,
            };
            if not_yet {
                return Validity::NotYetInForce {
                    procedure: *self,
                    added_in,
                    effective: self.effective(),
                };
            }
        }
        Validity::Valid(*self)
    }
}
