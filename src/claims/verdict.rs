//! The verdict on a claim line and where its date came from: the names
//! every writer (text, CSV, JSON) and the summary share.

use core::fmt;

use crate::severity::Severity;

/// What the checker concluded about one claim line: the kind of its most
/// serious finding, or [`Verdict::Valid`] when there is none.
///
/// Each verdict has one [`key`](Verdict::key), the same in text, CSV,
/// JSON and the [`Summary`](super::Summary)'s counts. Its severity is
/// fixed for the date and code verdicts; for [`Verdict::Reporting`] and
/// [`Verdict::Conflict`] it is the worst severity of the line's findings
/// (see [`LineReport::severity`](super::LineReport::severity)).
///
/// ```
/// use cdt_codes::claims::{ClaimChecker, Verdict};
/// use cdt_codes::Severity;
///
/// let csv = "code,dos,tooth\nD0120,2026-01-15,\nD1352,2026-02-01,\nD3330,2026-01-15,8\n";
/// let verdicts: Vec<(Verdict, Option<Severity>)> = ClaimChecker::new(csv.as_bytes())?
///     .filter_map(Result::ok)
///     .map(|report| (report.verdict(), report.severity()))
///     .collect();
/// assert_eq!(
///     verdicts,
///     [
///         (Verdict::Valid, None),
///         (Verdict::Deleted, Some(Severity::Error)),
///         (Verdict::Reporting, Some(Severity::Error)), // D3330 is for a molar
///     ]
/// );
/// assert_eq!(Verdict::NotYetInForce.key(), "not_yet_in_force");
/// # Ok::<(), cdt_codes::claims::HeaderError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Verdict {
    /// No finding: the code may be reported on the date, and what the line
    /// reports fits the code.
    Valid,
    /// The code is not `D` and four digits.
    MalformedCode,
    /// A well-formed code the data does not define.
    UnknownCode,
    /// The code was deleted by the date of service.
    Deleted,
    /// The code was not yet in force on the date of service.
    NotYetInForce,
    /// The date of service cannot be read.
    BadDate,
    /// The line has no date of service.
    MissingDate,
    /// The date lies outside the editions the data holds: the checker
    /// cannot know (a warning, never valid).
    OutsideData,
    /// The procedure code is from another code system (X12 qualifier other
    /// than `AD`): not judged (a warning).
    NotCdt,
    /// The code is valid on the date, but the line's tooth, surfaces or
    /// area do not fit it.
    Reporting,
    /// The line conflicts with another line of its claim (a claim-level
    /// edit).
    Conflict,
    /// The row or segment could not be read.
    Unreadable,
}

impl Verdict {
    /// Every verdict, in the order the summary lists them.
    ///
    /// ```
    /// assert_eq!(cdt_codes::claims::Verdict::ALL.len(), 12);
    /// ```
    pub const ALL: [Verdict; 12] = [
        Verdict::Valid,
        Verdict::MalformedCode,
        Verdict::UnknownCode,
        Verdict::Deleted,
        Verdict::NotYetInForce,
        Verdict::BadDate,
        Verdict::MissingDate,
        Verdict::OutsideData,
        Verdict::NotCdt,
        Verdict::Reporting,
        Verdict::Conflict,
        Verdict::Unreadable,
    ];

    /// The name used in CSV, JSON and the summary.
    ///
    /// ```
    /// assert_eq!(cdt_codes::claims::Verdict::OutsideData.key(), "outside_data");
    /// ```
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            Verdict::Valid => "valid",
            Verdict::MalformedCode => "malformed_code",
            Verdict::UnknownCode => "unknown_code",
            Verdict::Deleted => "deleted",
            Verdict::NotYetInForce => "not_yet_in_force",
            Verdict::BadDate => "bad_date",
            Verdict::MissingDate => "missing_date",
            Verdict::OutsideData => "outside_data",
            Verdict::NotCdt => "not_cdt",
            Verdict::Reporting => "reporting",
            Verdict::Conflict => "conflict",
            Verdict::Unreadable => "unreadable",
        }
    }

    /// The words the text summary uses.
    pub(crate) const fn label(self) -> &'static str {
        match self {
            Verdict::Valid => "valid",
            Verdict::MalformedCode => "malformed code",
            Verdict::UnknownCode => "unknown code",
            Verdict::Deleted => "deleted",
            Verdict::NotYetInForce => "not yet in force",
            Verdict::BadDate => "bad date",
            Verdict::MissingDate => "no date",
            Verdict::OutsideData => "outside the data",
            Verdict::NotCdt => "not CDT",
            Verdict::Reporting => "tooth/surface/area",
            Verdict::Conflict => "in conflict",
            Verdict::Unreadable => "unreadable",
        }
    }

    /// The severity the verdict always has, `None` for [`Verdict::Valid`]
    /// and for the two verdicts whose severity depends on their findings
    /// ([`Verdict::Reporting`], [`Verdict::Conflict`]).
    ///
    /// ```
    /// use cdt_codes::claims::Verdict;
    /// use cdt_codes::Severity;
    ///
    /// assert_eq!(Verdict::Deleted.fixed_severity(), Some(Severity::Error));
    /// assert_eq!(Verdict::OutsideData.fixed_severity(), Some(Severity::Warning));
    /// assert_eq!(Verdict::Reporting.fixed_severity(), None);
    /// ```
    #[must_use]
    pub const fn fixed_severity(self) -> Option<Severity> {
        match self {
            Verdict::Valid | Verdict::Reporting | Verdict::Conflict => None,
            Verdict::OutsideData | Verdict::NotCdt => Some(Severity::Warning),
            Verdict::MalformedCode
            | Verdict::UnknownCode
            | Verdict::Deleted
            | Verdict::NotYetInForce
            | Verdict::BadDate
            | Verdict::MissingDate
            | Verdict::Unreadable => Some(Severity::Error),
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.key())
    }
}

/// Where a line's date of service came from.
///
/// An 837D line takes the line's own `DTP*472`, else its claim's
/// `DTP*472`; an orthodontic claim with neither takes the appliance
/// placement date (`DTP*452`), and a predetermination (`CLM19` = `PB`)
/// with none takes the transaction's date (`BHT04`). An export's date is
/// its date column.
///
/// ```
/// use cdt_codes::claims::DateSource;
///
/// assert_eq!(DateSource::AppliancePlacement.key(), "appliance_placement");
/// assert_eq!(DateSource::Claim.to_string(), "the claim's date of service (DTP*472)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum DateSource {
    /// The date column of a delimited export.
    #[default]
    Column,
    /// The service line's `DTP*472`.
    Line,
    /// The claim's `DTP*472` (loop 2300).
    Claim,
    /// The claim's orthodontic appliance placement date, `DTP*452`.
    AppliancePlacement,
    /// The transaction's creation date, `BHT04`, for a predetermination
    /// that carries no date of service.
    Transaction,
    /// The date the caller gave for a file without a date column
    /// ([`CheckOptions::date_of_service`](super::CheckOptions::date_of_service)).
    Given,
}

impl DateSource {
    /// The name used in CSV and JSON.
    ///
    /// ```
    /// assert_eq!(cdt_codes::claims::DateSource::Line.key(), "line");
    /// ```
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            DateSource::Column => "column",
            DateSource::Line => "line",
            DateSource::Claim => "claim",
            DateSource::AppliancePlacement => "appliance_placement",
            DateSource::Transaction => "transaction",
            DateSource::Given => "given",
        }
    }
}

impl fmt::Display for DateSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            DateSource::Column => "the date column",
            DateSource::Line => "the line's date of service (DTP*472)",
            DateSource::Claim => "the claim's date of service (DTP*472)",
            DateSource::AppliancePlacement => "the appliance placement date (DTP*452)",
            DateSource::Transaction => "the transaction date (BHT04) of the predetermination",
            DateSource::Given => "the date given for a file without a date column",
        })
    }
}
