//! What the checker says about each claim line, and the counts.

use core::fmt;
use std::string::String;
use std::vec::Vec;

use crate::line_check::ReportingProblem;
use crate::model::date::DateError;
use crate::validity::Validity;

/// A tooth as written on a claim line, with its surfaces as written.
///
/// ```
/// let entry = cdt_codes::claims::ToothEntry::new("3", "MOD");
/// assert_eq!((entry.tooth.as_str(), entry.surfaces.as_str()), ("3", "MOD"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub struct ToothEntry {
    /// The tooth, as written (`3`, `A`, `51`).
    pub tooth: String,
    /// The surfaces, as written (`MOD`, `M:O:D`), empty when none.
    pub surfaces: String,
}

impl ToothEntry {
    /// A tooth and its surfaces, as written.
    #[must_use]
    pub fn new(tooth: &str, surfaces: &str) -> ToothEntry {
        ToothEntry {
            tooth: tooth.trim().into(),
            surfaces: surfaces.trim().into(),
        }
    }
}

/// The verdict on a line's code and date of service.
///
/// ```
/// use cdt_codes::claims::{ClaimChecker, Outcome};
/// use cdt_codes::Validity;
///
/// let csv = "code,dos\nD0120,2026-02-30\nD0120,2026-02-03\n";
/// let mut checker = ClaimChecker::new(csv.as_bytes())?;
/// assert!(matches!(checker.next().unwrap()?.outcome, Outcome::BadDate(_)));
/// assert!(matches!(checker.next().unwrap()?.outcome, Outcome::Checked(Validity::Valid(_))));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Outcome<'s> {
    /// The code's validity on the date (which may be "outside the data").
    Checked(Validity<'s>),
    /// The date of service cannot be read.
    BadDate(DateError),
    /// The line has no date of service (an X12 line with no `DTP*472` on
    /// the line or its claim).
    MissingDate,
    /// An X12 line whose procedure code is from another code system
    /// (`SV301` qualifier other than `AD`).
    NotCdt {
        /// The qualifier given.
        qualifier: String,
    },
}

impl Outcome<'_> {
    /// Whether the code may be reported on the date.
    ///
    /// ```
    /// assert!(!cdt_codes::claims::Outcome::MissingDate.is_valid());
    /// ```
    #[must_use]
    pub fn is_valid(&self) -> bool {
        matches!(self, Outcome::Checked(validity) if validity.is_valid())
    }

    /// A short name of the verdict: the [`Validity::kind`] of a checked
    /// line, else `bad_date`, `missing_date` or `not_cdt`.
    ///
    /// ```
    /// assert_eq!(cdt_codes::claims::Outcome::MissingDate.kind(), "missing_date");
    /// ```
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Outcome::Checked(validity) => validity.kind(),
            Outcome::BadDate(_) => "bad_date",
            Outcome::MissingDate => "missing_date",
            Outcome::NotCdt { .. } => "not_cdt",
        }
    }
}

/// One claim line, checked: where it is, what it says, and the verdict.
/// Owned, so reports can be collected or sent elsewhere.
///
/// ```
/// use cdt_codes::claims::ClaimChecker;
///
/// let csv = "claim_id,line_id,procedure_code,date_of_service\nC100,2,D1352,2026-02-01\n";
/// let report = ClaimChecker::new(csv.as_bytes())?.next().unwrap()?;
/// assert_eq!(report.claim.as_deref(), Some("C100"));
/// assert_eq!(report.to_string(), "C100 line 2 (2026-02-01): D1352 was deleted in CDT 2026; report D2391 instead");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct LineReport<'s> {
    /// Where the line is: the file line of a delimited row, the segment
    /// number of an X12 line's `SV3`.
    pub position: u64,
    /// The claim id, when the file has one.
    pub claim: Option<String>,
    /// The line id: the line-id column, the X12 `LX01`, or else the file
    /// line number.
    pub line: String,
    /// The procedure code, as written.
    pub code: String,
    /// The date of service, as written.
    pub date: String,
    /// Teeth reported on the line, with their surfaces.
    pub teeth: Vec<ToothEntry>,
    /// Areas of the oral cavity reported on the line, as written.
    pub areas: Vec<String>,
    /// The verdict on the code and date.
    pub outcome: Outcome<'s>,
    /// Problems with the teeth, surfaces and areas the line reports, checked
    /// against what the code requires (only for inputs that carry them: an
    /// X12 file, or a delimited file with a tooth, surfaces or area column).
    pub problems: Vec<ReportingProblem>,
    /// Whether a source confirms the reporting requirement the line was
    /// checked against (when `false` and there are problems, they rest on
    /// the data's judgement of the code's meaning).
    pub requirement_confirmed: bool,
    /// Whether the date lay after the data and was judged by its newest
    /// edition because the caller asked for that.
    pub assumed_latest: bool,
}

impl LineReport<'_> {
    /// Whether the line's code may be reported on its date and what it
    /// reports (tooth, surfaces, area) fits the code.
    ///
    /// ```
    /// let csv = "code,dos,tooth\nD0120,2026-01-15,\nD3330,2026-01-15,8\n";
    /// let mut checker = cdt_codes::claims::ClaimChecker::new(csv.as_bytes())?;
    /// assert!(checker.next().unwrap()?.is_valid());
    /// assert!(!checker.next().unwrap()?.is_valid()); // D3330 is for a molar
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.outcome.is_valid() && self.problems.is_empty()
    }

    /// The codes to report instead, when the line's code was deleted and
    /// the ADA named replacements.
    ///
    /// ```
    /// let csv = "code,dos\nD1352,2026-02-01\n";
    /// let report = cdt_codes::claims::ClaimChecker::new(csv.as_bytes())?.next().unwrap()?;
    /// assert_eq!(report.replaced_by()[0].to_string(), "D2391");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn replaced_by(&self) -> &[crate::model::code::CdtCode] {
        match &self.outcome {
            Outcome::Checked(Validity::Deleted { replaced_by, .. }) => replaced_by,
            _ => &[],
        }
    }

    /// The verdict and its reason, without the line's place: what follows
    /// `C100 line 2 (2026-02-01): ` in the report's text.
    ///
    /// ```
    /// let csv = "code,dos\nD1352,2026-02-01\n";
    /// let report = cdt_codes::claims::ClaimChecker::new(csv.as_bytes())?.next().unwrap()?;
    /// assert_eq!(report.message(), "D1352 was deleted in CDT 2026; report D2391 instead");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message(&self) -> String {
        std::format!("{}", Message(self))
    }
}

/// The verdict of a report, written in the words of [`Validity`]'s own
/// `Display`.
struct Message<'r, 's>(&'r LineReport<'s>);

impl fmt::Display for Message<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let report = self.0;
        if report.outcome.is_valid() && !report.problems.is_empty() {
            for (index, problem) in report.problems.iter().enumerate() {
                if index > 0 {
                    f.write_str("; ")?;
                }
                write!(f, "{problem}")?;
            }
            if !report.requirement_confirmed
                && report.problems.iter().any(ReportingProblem::is_requirement)
            {
                f.write_str(
                    " (requirement inferred from the code's meaning, not confirmed by a source)",
                )?;
            }
            return Ok(());
        }
        match &report.outcome {
            Outcome::Checked(validity) => {
                write!(f, "{validity}")?;
                if report.assumed_latest {
                    f.write_str(" (judged by the newest edition in the data, as asked)")?;
                }
                Ok(())
            }
            Outcome::BadDate(error) => write!(f, "bad date of service {:?}: {error}", report.date),
            Outcome::MissingDate => write!(
                f,
                "{} has no date of service on the line or its claim",
                report.code
            ),
            Outcome::NotCdt { qualifier } => write!(
                f,
                "{} is not a CDT code: its code list is {qualifier:?}, not AD",
                report.code
            ),
        }
    }
}

impl fmt::Display for LineReport<'_> {
    /// `C100 line 2 (2026-02-01): ` and the [`message`](LineReport::message).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::model::pad(f, format_args!("{}", ReportText(self)))
    }
}

/// The text of a [`LineReport`], unpadded.
struct ReportText<'v, 's>(&'v LineReport<'s>);

impl fmt::Display for ReportText<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let this = self.0;
        if let Some(claim) = &this.claim {
            write!(f, "{claim} ")?;
        }
        write!(f, "line {}", this.line)?;
        if !this.date.is_empty() {
            write!(f, " ({})", this.date)?;
        }
        write!(f, ": {}", Message(this))
    }
}

/// Counts of a checker's lines by verdict.
///
/// ```
/// use cdt_codes::claims::ClaimChecker;
///
/// let csv = "code,dos\nD0120,2026-01-15\nD1352,2026-02-01\n\"x\n";
/// let mut checker = ClaimChecker::new(csv.as_bytes())?;
/// for _ in checker.by_ref() {}
/// let summary = checker.summary();
/// assert_eq!((summary.lines(), summary.valid, summary.deleted, summary.unreadable), (3, 1, 1, 1));
/// assert_eq!(summary.rejected(), 2);
/// # Ok::<(), cdt_codes::claims::HeaderError>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Summary {
    /// Lines whose code may be reported on their date.
    pub valid: u64,
    /// Lines with a malformed code.
    pub malformed_code: u64,
    /// Lines with a well-formed code the data does not define.
    pub unknown_code: u64,
    /// Lines with a code deleted by their date.
    pub deleted: u64,
    /// Lines with a code not yet in force on their date.
    pub not_yet_in_force: u64,
    /// Lines with a bad or missing date of service.
    pub bad_date: u64,
    /// Lines whose date lies outside the editions the data holds: not
    /// valid, not invalid, unknown.
    pub outside_data: u64,
    /// X12 lines with a code from another code system.
    pub not_cdt: u64,
    /// Lines whose code is valid on their date but whose tooth, surfaces or
    /// area does not fit the code.
    pub reporting: u64,
    /// Rows or segments that could not be read.
    pub unreadable: u64,
    /// Lines judged by the newest edition because their date lay after the
    /// data and the caller asked for that (counted in their verdict too).
    pub assumed_latest: u64,
}

impl Summary {
    /// Every line read: checked lines and unreadable rows.
    #[must_use]
    pub const fn lines(&self) -> u64 {
        self.checked() + self.unreadable
    }

    /// Lines that were read and judged.
    #[must_use]
    pub const fn checked(&self) -> u64 {
        self.valid
            + self.malformed_code
            + self.unknown_code
            + self.deleted
            + self.not_yet_in_force
            + self.bad_date
            + self.outside_data
            + self.not_cdt
            + self.reporting
    }

    /// Lines that are not known to be valid, unreadable rows included.
    #[must_use]
    pub const fn rejected(&self) -> u64 {
        self.lines() - self.valid
    }

    pub(crate) fn record(&mut self, report: &LineReport<'_>) {
        let count = match &report.outcome {
            Outcome::Checked(Validity::Valid(_)) if !report.problems.is_empty() => {
                &mut self.reporting
            }
            Outcome::Checked(Validity::Valid(_)) => &mut self.valid,
            Outcome::Checked(Validity::Malformed(_)) => &mut self.malformed_code,
            Outcome::Checked(Validity::Deleted { .. }) => &mut self.deleted,
            Outcome::Checked(Validity::NotYetInForce { .. }) => &mut self.not_yet_in_force,
            Outcome::Checked(Validity::OutsideData { .. }) => &mut self.outside_data,
            Outcome::Checked(_) => &mut self.unknown_code,
            Outcome::BadDate(_) | Outcome::MissingDate => &mut self.bad_date,
            Outcome::NotCdt { .. } => &mut self.not_cdt,
        };
        *count += 1;
        self.assumed_latest += u64::from(report.assumed_latest);
    }
}

impl fmt::Display for Summary {
    /// `lines read: 12, valid: 3, ...`, every count named.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "lines read: {}, valid: {}, malformed code: {}, unknown code: {}, deleted: {}, \
             not yet in force: {}, bad date: {}, outside the data: {}, not CDT: {}, \
             tooth/surface/area: {}, unreadable: {}",
            self.lines(),
            self.valid,
            self.malformed_code,
            self.unknown_code,
            self.deleted,
            self.not_yet_in_force,
            self.bad_date,
            self.outside_data,
            self.not_cdt,
            self.reporting,
            self.unreadable
        )?;
        if self.assumed_latest > 0 {
            write!(
                f,
                " (judged by the newest edition: {})",
                self.assumed_latest
            )?;
        }
        Ok(())
    }
}
