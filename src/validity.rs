//! Is a code valid on a date of service? The question a claim scrubber asks.

use core::fmt;
use core::str::FromStr;

use crate::code::{CdtCode, ParseCodeError};
use crate::edition::{Added, Edition};
use crate::procedure::Procedure;

/// A date of service: a calendar date, checked, with no time zone.
///
/// Editions take effect on 1 January, so only the year decides which
/// edition applies; the month and day are checked so that a bad date is
/// caught rather than silently accepted.
///
/// ```
/// use cdt_codes::ServiceDate;
///
/// let date = ServiceDate::new(2026, 1, 1)?;
/// assert_eq!(date.to_string(), "2026-01-01");
/// assert_eq!("2025-12-31".parse::<ServiceDate>()?.year(), 2025);
/// assert!(ServiceDate::new(2025, 2, 29).is_err());
/// # Ok::<(), cdt_codes::DateError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ServiceDate {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a date of service was rejected.
///
/// ```
/// use cdt_codes::{DateError, ServiceDate};
///
/// assert_eq!(ServiceDate::new(2025, 13, 1), Err(DateError::Month { month: 13 }));
/// assert_eq!("2025/01/01".parse::<ServiceDate>(), Err(DateError::Format));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// The text is not an ISO date `YYYY-MM-DD`.
    #[error("a date of service is written YYYY-MM-DD, e.g. 2026-01-15")]
    Format,
    /// The year is outside 1900 to 2199.
    #[error("year {year} is outside 1900-2199")]
    Year {
        /// The year given.
        year: u16,
    },
    /// The month is not 1 to 12.
    #[error("month {month} is not 1-12")]
    Month {
        /// The month given.
        month: u8,
    },
    /// The day does not exist in that month.
    #[error("day {day} does not exist in {year:04}-{month:02}")]
    Day {
        /// The year given.
        year: u16,
        /// The month given.
        month: u8,
        /// The day given.
        day: u8,
    },
}

impl ServiceDate {
    /// A checked calendar date.
    ///
    /// # Errors
    ///
    /// [`DateError`] when the year is outside 1900–2199, the month is not
    /// 1–12 or the day does not exist in that month (leap years counted).
    ///
    /// ```
    /// use cdt_codes::ServiceDate;
    ///
    /// assert!(ServiceDate::new(2024, 2, 29).is_ok());
    /// assert!(ServiceDate::new(2024, 4, 31).is_err());
    /// ```
    pub const fn new(year: u16, month: u8, day: u8) -> Result<ServiceDate, DateError> {
        if year < 1900 || year > 2199 {
            return Err(DateError::Year { year });
        }
        if month < 1 || month > 12 {
            return Err(DateError::Month { month });
        }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        if day < 1 || day > days {
            return Err(DateError::Day { year, month, day });
        }
        Ok(ServiceDate { year, month, day })
    }

    /// The year.
    ///
    /// ```
    /// assert_eq!(cdt_codes::ServiceDate::new(2026, 3, 4).unwrap().year(), 2026);
    /// ```
    #[must_use]
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    ///
    /// ```
    /// assert_eq!(cdt_codes::ServiceDate::new(2026, 3, 4).unwrap().month(), 3);
    /// ```
    #[must_use]
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    ///
    /// ```
    /// assert_eq!(cdt_codes::ServiceDate::new(2026, 3, 4).unwrap().day(), 4);
    /// ```
    #[must_use]
    pub const fn day(self) -> u8 {
        self.day
    }

    /// The CDT edition in force on this date: the one that took effect on
    /// 1 January of its year (`None` before 1990, when CDT began).
    ///
    /// ```
    /// use cdt_codes::{Edition, ServiceDate};
    ///
    /// let date = ServiceDate::new(2025, 12, 31).unwrap();
    /// assert_eq!(date.edition(), Edition::new(2025));
    /// ```
    #[must_use]
    pub const fn edition(self) -> Option<Edition> {
        Edition::new(self.year)
    }
}

impl FromStr for ServiceDate {
    type Err = DateError;

    /// Parses an ISO date, `YYYY-MM-DD`, with surrounding whitespace allowed.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bytes = text.trim().as_bytes();
        let digits = |range: core::ops::Range<usize>| -> Result<u16, DateError> {
            let part = bytes.get(range).ok_or(DateError::Format)?;
            part.iter().try_fold(0u16, |value, &b| {
                if b.is_ascii_digit() {
                    Ok(value * 10 + u16::from(b - b'0'))
                } else {
                    Err(DateError::Format)
                }
            })
        };
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(DateError::Format);
        }
        let year = digits(0..4)?;
        let month = u8::try_from(digits(5..7)?).map_err(|_| DateError::Format)?;
        let day = u8::try_from(digits(8..10)?).map_err(|_| DateError::Format)?;
        ServiceDate::new(year, month, day)
    }
}

impl fmt::Display for ServiceDate {
    /// Writes the ISO form, `2026-01-01`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Whether a code may be reported for a date of service, and if not, why.
///
/// ```
/// use cdt_codes::{ServiceDate, Validity};
///
/// let date = ServiceDate::new(2026, 3, 1).unwrap();
/// assert!(matches!(cdt_codes::validity("D0120", date), Validity::Valid(_)));
/// assert!(matches!(cdt_codes::validity("D0000", date), Validity::Unknown(_)));
/// assert!(matches!(cdt_codes::validity("D01", date), Validity::Malformed(_)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Validity {
    /// The code is in force on the date.
    Valid(&'static Procedure),
    /// The text is not a well-formed code.
    Malformed(ParseCodeError),
    /// The code is well-formed but the data does not define it.
    Unknown(CdtCode),
    /// The code was added in an edition after the date.
    NotYetInForce {
        /// The record of the code.
        procedure: &'static Procedure,
        /// The edition that added it.
        added_in: Edition,
    },
    /// The code was deleted on or before the date.
    Deleted {
        /// The record of the code.
        procedure: &'static Procedure,
        /// The first edition without the code.
        deleted_in: Edition,
        /// The codes the ADA named to report instead, if any.
        replaced_by: &'static [CdtCode],
    },
}

impl Validity {
    /// Whether the code may be reported on the date.
    ///
    /// ```
    /// let date = "2026-06-30".parse().unwrap();
    /// assert!(cdt_codes::validity("D0120", date).is_valid());
    /// ```
    #[must_use]
    pub const fn is_valid(&self) -> bool {
        matches!(self, Validity::Valid(_))
    }

    /// The record, when the code is defined in the data.
    ///
    /// ```
    /// let date = "2026-06-30".parse().unwrap();
    /// assert!(cdt_codes::validity("D0120", date).procedure().is_some());
    /// assert!(cdt_codes::validity("D0000", date).procedure().is_none());
    /// ```
    #[must_use]
    pub const fn procedure(&self) -> Option<&'static Procedure> {
        match self {
            Validity::Valid(procedure)
            | Validity::NotYetInForce { procedure, .. }
            | Validity::Deleted { procedure, .. } => Some(procedure),
            Validity::Malformed(_) | Validity::Unknown(_) => None,
        }
    }
}

impl fmt::Display for Validity {
    /// One line a person can act on, e.g. `D1352 was deleted in CDT 2026;
    /// report D2391 instead`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Validity::Valid(procedure) => write!(f, "{} is valid", procedure.code()),
            Validity::Malformed(error) => write!(f, "malformed code: {error}"),
            Validity::Unknown(code) => write!(f, "{code} is not a CDT code in the data"),
            Validity::NotYetInForce {
                procedure,
                added_in,
            } => write!(
                f,
                "{} was not yet in force: it was added in {added_in}",
                procedure.code()
            ),
            Validity::Deleted {
                procedure,
                deleted_in,
                replaced_by,
            } => {
                write!(f, "{} was deleted in {deleted_in}", procedure.code())?;
                write_replacements(f, replaced_by)
            }
        }
    }
}

/// Writes `; report D2391 instead` (codes joined by ` or `), or nothing when
/// no replacement was named.
pub(crate) fn write_replacements(
    f: &mut fmt::Formatter<'_>,
    replaced_by: &[CdtCode],
) -> fmt::Result {
    for (index, code) in replaced_by.iter().enumerate() {
        let lead = if index == 0 { "; report " } else { " or " };
        write!(f, "{lead}{code}")?;
    }
    if replaced_by.is_empty() {
        Ok(())
    } else {
        f.write_str(" instead")
    }
}

/// The record of `code`, or the [`Validity`] saying why there is none
/// (malformed or unknown): the part of the check that needs no date.
pub(crate) fn defined(code: &str) -> Result<&'static Procedure, Validity> {
    let code = CdtCode::parse(code).map_err(Validity::Malformed)?;
    crate::get(code).ok_or(Validity::Unknown(code))
}

/// Whether `code` may be reported for a service on `date`, by the edition
/// in force on that date.
///
/// ```
/// use cdt_codes::{ServiceDate, Validity};
///
/// // Deleted codes stay readable and say what replaced them.
/// let before = ServiceDate::new(2013, 12, 31).unwrap();
/// let after = ServiceDate::new(2014, 1, 1).unwrap();
/// assert!(cdt_codes::validity("D3354", before).is_valid());
/// assert!(matches!(cdt_codes::validity("D3354", after), Validity::Deleted { .. }));
/// ```
#[must_use]
pub fn validity(code: &str, date: ServiceDate) -> Validity {
    match defined(code) {
        Ok(procedure) => procedure.validity_on(date),
        Err(validity) => validity,
    }
}

impl Procedure {
    /// Whether this code may be reported for a service on `date`.
    ///
    /// ```
    /// let procedure = cdt_codes::lookup("D0120").unwrap();
    /// assert!(procedure.validity_on("2026-01-01".parse().unwrap()).is_valid());
    /// ```
    #[must_use]
    pub fn validity_on(&'static self, date: ServiceDate) -> Validity {
        let year = date.year();
        if let Some(deleted_in) = self.deleted_in() {
            if year >= deleted_in.year() {
                return Validity::Deleted {
                    procedure: self,
                    deleted_in,
                    replaced_by: self.replaced_by(),
                };
            }
        }
        if let Some(Added::In(added_in)) = self.added() {
            if year < added_in.year() {
                return Validity::NotYetInForce {
                    procedure: self,
                    added_in,
                };
            }
        }
        Validity::Valid(self)
    }
}
