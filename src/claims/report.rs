//! What the checker says about each claim line, and the counts.

use core::fmt;
use std::string::String;
use std::vec::Vec;

use crate::line_check::ReportingProblem;
use crate::model::code::CdtCode;
use crate::model::date::DateError;
use crate::model::date::ServiceDate;
use crate::severity::Severity;
use crate::validity::Validity;

use super::edits::Rule;

use super::verdict::{DateSource, Verdict};

/// A tooth as written on a claim line, with its surfaces as written.
///
/// ```
/// let entry = cdt_codes::claims::ToothEntry::new("3", "MOD");
/// assert_eq!((entry.tooth.as_str(), entry.surfaces.as_str()), ("3", "MOD"));
/// ```
#[derive(Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub struct ToothEntry {
    /// The tooth, as written (`3`, `A`, `51`).
    pub tooth: String,
    /// The surfaces, as written (`MOD`, `M:O:D`), empty when none.
    pub surfaces: String,
}

// By hand, so that `clone_from` keeps the strings' buffers: the checker
// copies each line's teeth into a report it reuses.
impl Clone for ToothEntry {
    fn clone(&self) -> ToothEntry {
        ToothEntry {
            tooth: self.tooth.clone(),
            surfaces: self.surfaces.clone(),
        }
    }

    fn clone_from(&mut self, source: &ToothEntry) {
        self.tooth.clone_from(&source.tooth);
        self.surfaces.clone_from(&source.surfaces);
    }
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
    /// (`SV301` qualifier other than `AD`; a `D` code under `HC`, HCPCS
    /// Level II, is the CDT code it names and is judged as one, with an
    /// envelope warning).
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

    /// The code the line was judged as, when its code was read: the
    /// claim-level edits take it from here rather than reading the cell
    /// again (a practice's `D9230b` was judged as D9230).
    pub(crate) fn judged_code(&self) -> Option<CdtCode> {
        match self {
            Outcome::Checked(Validity::Unknown(code) | Validity::OutsideData { code, .. }) => {
                Some(*code)
            }
            Outcome::Checked(validity) => validity.procedure().map(|p| p.code()),
            _ => None,
        }
    }
}

/// One claim line, checked: where it is, what it says, and the verdict.
/// Owned, so reports can be collected or sent elsewhere.
///
/// ```
/// use cdt_codes::claims::{ClaimChecker, Verdict};
///
/// let csv = "claim_id,line_id,procedure_code,date_of_service\nC100,2,D1352,2026-02-01\n";
/// let report = ClaimChecker::new(csv.as_bytes())?.next().unwrap()?;
/// assert_eq!(report.claim.as_deref(), Some("C100"));
/// assert_eq!(report.verdict(), Verdict::Deleted);
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
    /// The patient, when the file has a patient column.
    pub patient: Option<String>,
    /// The line id: the line-id column, the X12 `LX01`, or else the file
    /// line number.
    pub line: String,
    /// The procedure code, as written.
    pub code: String,
    /// The date of service, as written (an X12 range `CCYYMMDD-CCYYMMDD`
    /// whole); empty when the line has none.
    pub date: String,
    /// Where the date came from.
    pub date_source: DateSource,
    /// Teeth reported on the line, with their surfaces (ISO 3950 teeth of
    /// an X12 `TOO*JO` already in the Universal numbering; a note says so).
    pub teeth: Vec<ToothEntry>,
    /// Areas of the oral cavity reported on the line, as written.
    pub areas: Vec<String>,
    /// The verdict on the code and date.
    pub outcome: Outcome<'s>,
    /// Problems with the teeth, surfaces and areas the line reports, checked
    /// against what the code requires (only the elements the input
    /// carries: an X12 file carries all three; a delimited file those it
    /// has columns for).
    pub problems: Vec<ReportingProblem>,
    /// Whether a source confirms the reporting requirement the line was
    /// checked against (when `false` and there are problems, they rest on
    /// the data's judgement of the code's meaning).
    pub requirement_confirmed: bool,
    /// What the checker did to read the line that a scrubber may want to
    /// know, none of them a fault: a code normalised (`"d3353" read as
    /// D3353`), an ISO tooth number converted, a date taken from the claim
    /// or a range judged on each edition it spans.
    pub notes: Vec<String>,
    /// Whether the date lay after the data and was judged by its newest
    /// edition because the caller asked for that.
    pub assumed_latest: bool,
    /// The date of service judged (the first day of a range), when it
    /// could be read.
    pub service_date: Option<ServiceDate>,
    /// Conflicts with other lines of the same claim (claim-level edits,
    /// `data/edits.tsv`), each naming the rule and every line involved.
    pub conflicts: Vec<ClaimConflict>,
}

/// A conflict between lines of one claim: a claim-level edit
/// ([`Rule`]) that fired, with the lines it names.
///
/// ```
/// use cdt_codes::claims::ClaimChecker;
///
/// let csv = "claim,line,code,dos\nC1,1,D0120,2026-01-15\nC1,2,D0150,2026-01-15\n";
/// let reports: Vec<_> = ClaimChecker::new(csv.as_bytes())?.collect::<Result<_, _>>()?;
/// let conflict = &reports[1].conflicts[0];
/// assert_eq!(conflict.lines, ["1", "2"]);
/// assert_eq!(conflict.claim.as_deref(), Some("C1"));
/// assert!(reports[0].conflicts == reports[1].conflicts); // the same conflict on both
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ClaimConflict {
    /// The claim, when the input names one and every line involved is on
    /// it (lines of one patient's different claims leave it `None`).
    pub claim: Option<String>,
    /// The rule that fired.
    pub rule: &'static Rule,
    /// The ids of the lines involved, in file order: the line ids when
    /// they are on one claim, else `claim/line`.
    pub lines: Vec<String>,
    /// Where the lines are (file lines or `SV3` segment numbers).
    pub positions: Vec<u64>,
}

impl ClaimConflict {
    /// The rule's severity.
    #[must_use]
    pub const fn severity(&self) -> Severity {
        self.rule.severity()
    }
}

impl fmt::Display for ClaimConflict {
    /// `C1 lines 1, 2: <the rule's message> [rule E001, inferred]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(claim) = &self.claim {
            write!(f, "{claim} ")?;
        }
        write!(
            f,
            "lines {}: {}",
            self.lines.join(", "),
            self.rule.message()
        )?;
        write!(f, " [rule {}", self.rule.id())?;
        if !self.rule.is_confirmed() {
            f.write_str(", inferred")?;
        }
        f.write_str("]")
    }
}

impl LineReport<'_> {
    /// A report with nothing in it yet, for the checker to fill.
    pub(crate) fn empty() -> LineReport<'static> {
        LineReport {
            position: 0,
            claim: None,
            patient: None,
            line: String::new(),
            code: String::new(),
            date: String::new(),
            date_source: DateSource::default(),
            teeth: Vec::new(),
            areas: Vec::new(),
            outcome: Outcome::MissingDate,
            problems: Vec::new(),
            requirement_confirmed: true,
            notes: Vec::new(),
            assumed_latest: false,
            service_date: None,
            conflicts: Vec::new(),
        }
    }
}

impl LineReport<'_> {
    /// The verdict: the kind of the line's most serious finding, or
    /// [`Verdict::Valid`]. A code or date verdict comes first; a valid
    /// code with tooth, surface or area problems is
    /// [`Verdict::Reporting`].
    ///
    /// ```
    /// use cdt_codes::claims::{ClaimChecker, Verdict};
    ///
    /// let csv = "code,dos,tooth\nD3330,2026-01-15,8\nD3330,2099-01-15,8\n";
    /// let mut checker = ClaimChecker::new(csv.as_bytes())?;
    /// assert_eq!(checker.next().unwrap()?.verdict(), Verdict::Reporting);
    /// assert_eq!(checker.next().unwrap()?.verdict(), Verdict::OutsideData);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn verdict(&self) -> Verdict {
        match &self.outcome {
            Outcome::Checked(Validity::Valid(_)) if !self.problems.is_empty() => Verdict::Reporting,
            Outcome::Checked(Validity::Valid(_)) if !self.conflicts.is_empty() => Verdict::Conflict,
            Outcome::Checked(Validity::Valid(_)) => Verdict::Valid,
            Outcome::Checked(Validity::Malformed(_)) => Verdict::MalformedCode,
            Outcome::Checked(Validity::Unknown(_)) => Verdict::UnknownCode,
            Outcome::Checked(Validity::Deleted { .. }) => Verdict::Deleted,
            Outcome::Checked(Validity::NotYetInForce { .. }) => Verdict::NotYetInForce,
            Outcome::Checked(Validity::OutsideData { .. }) => Verdict::OutsideData,
            Outcome::BadDate(_) => Verdict::BadDate,
            Outcome::MissingDate => Verdict::MissingDate,
            Outcome::NotCdt { .. } => Verdict::NotCdt,
        }
    }

    /// How serious the line's findings are: `None` for a valid line, else
    /// the verdict's own severity, raised to an error when any tooth,
    /// surface or area problem is one.
    ///
    /// ```
    /// use cdt_codes::Severity;
    ///
    /// let csv = "code,dos\nD0120,2026-01-15\nD0120,2099-01-15\nD0120,2026-02-30\n";
    /// let severities: Vec<_> = cdt_codes::claims::ClaimChecker::new(csv.as_bytes())?
    ///     .map(|report| report.map(|r| r.severity()))
    ///     .collect::<Result<_, _>>()?;
    /// assert_eq!(severities, [None, Some(Severity::Warning), Some(Severity::Error)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn severity(&self) -> Option<Severity> {
        let findings = self
            .problems
            .iter()
            .map(ReportingProblem::severity)
            .chain(self.conflicts.iter().map(ClaimConflict::severity))
            .max();
        match self.verdict().fixed_severity() {
            Some(fixed) => Some(findings.map_or(fixed, |worst| worst.max(fixed))),
            None => findings,
        }
    }

    /// Whether the line has no finding at all: the code may be reported
    /// on its date and what the line reports fits the code.
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
        self.verdict() == Verdict::Valid
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
/// `Display`, then the tooth, surface and area problems.
struct Message<'r, 's>(&'r LineReport<'s>);

impl fmt::Display for Message<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let report = self.0;
        let valid_code = report.outcome.is_valid();
        if !valid_code || (report.problems.is_empty() && report.conflicts.is_empty()) {
            write_outcome(f, report)?;
        }
        for (index, problem) in report.problems.iter().enumerate() {
            f.write_str(if index == 0 && valid_code { "" } else { "; " })?;
            write!(f, "{problem}")?;
        }
        if !report.problems.is_empty()
            && !report.requirement_confirmed
            && report.problems.iter().any(ReportingProblem::is_requirement)
        {
            f.write_str(
                " (requirement inferred from the code's meaning, not confirmed by a source)",
            )?;
        }
        for (index, conflict) in report.conflicts.iter().enumerate() {
            let others: Vec<&str> = conflict
                .lines
                .iter()
                .map(String::as_str)
                .filter(|line| *line != report.line)
                .collect();
            let first = valid_code && report.problems.is_empty() && index == 0;
            let lead = if first {
                "conflicts with line"
            } else {
                "; conflicts with line"
            };
            write!(
                f,
                "{lead} {}: {} [rule {}",
                others.join(", "),
                conflict.rule.message(),
                conflict.rule.id()
            )?;
            if !conflict.rule.is_confirmed() {
                f.write_str(", inferred")?;
            }
            f.write_str("]")?;
        }
        Ok(())
    }
}

fn write_outcome(f: &mut fmt::Formatter<'_>, report: &LineReport<'_>) -> fmt::Result {
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

/// Counts of a checker's lines by verdict, which add up to the lines
/// read, and by severity.
///
/// ```
/// use cdt_codes::claims::{ClaimChecker, Verdict};
///
/// let csv = "code,dos\nD0120,2026-01-15\nD1352,2026-02-01\nD0120,2099-01-01\n\"x\n";
/// let mut checker = ClaimChecker::new(csv.as_bytes())?;
/// for _ in checker.by_ref() {}
/// let summary = checker.summary();
/// assert_eq!((summary.lines(), summary.valid, summary.deleted, summary.unreadable), (4, 1, 1, 1));
/// assert_eq!(summary.count(Verdict::OutsideData), 1);
/// assert_eq!((summary.errors, summary.warnings), (2, 1));
/// assert_eq!(summary.rejected(), 3);
/// # Ok::<(), cdt_codes::claims::HeaderError>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Summary {
    /// Lines with no finding.
    pub valid: u64,
    /// Lines with a malformed code.
    pub malformed_code: u64,
    /// Lines with a well-formed code the data does not define.
    pub unknown_code: u64,
    /// Lines with a code deleted by their date.
    pub deleted: u64,
    /// Lines with a code not yet in force on their date.
    pub not_yet_in_force: u64,
    /// Lines with a date of service that cannot be read.
    pub bad_date: u64,
    /// Lines with no date of service.
    pub missing_date: u64,
    /// Lines whose date lies outside the editions the data holds: not
    /// valid, not invalid, unknown.
    pub outside_data: u64,
    /// X12 lines with a code from another code system.
    pub not_cdt: u64,
    /// Lines whose code is valid on their date but whose tooth, surfaces or
    /// area does not fit the code.
    pub reporting: u64,
    /// Lines whose only findings are conflicts with other lines of their
    /// claim.
    pub conflict: u64,
    /// Rows or segments that could not be read.
    pub unreadable: u64,
    /// Lines (unreadable rows included) whose severity is an error.
    pub errors: u64,
    /// Lines whose severity is a warning.
    pub warnings: u64,
    /// Lines judged by the newest edition because their date lay after the
    /// data and the caller asked for that (counted in their verdict too).
    pub assumed_latest: u64,
    /// Conflicts between lines of one claim, each counted once (the lines
    /// involved carry it too).
    pub conflicts: u64,
    /// The checks the input gave no data for, and so were not run.
    pub skipped: SkippedChecks,
    /// Lines above a delimited file's header taken for a report's title
    /// (lines with no delimiter, before the first line with one; Open
    /// Dental's report exports write one) and left out: not claim lines.
    pub title_lines: u64,
    /// Rows of a delimited file taken for a report's totals (no code and
    /// no date; only amounts, or a total's label, in their cells; Open
    /// Dental's report exports end with one) and left out: not claim lines.
    pub totals_rows: u64,
}

impl Summary {
    /// Every line read: the sum of the counts by verdict.
    #[must_use]
    pub fn lines(&self) -> u64 {
        Verdict::ALL
            .iter()
            .map(|&verdict| self.count(verdict))
            .sum()
    }

    /// Lines that were read and judged (every line but the unreadable).
    #[must_use]
    pub fn checked(&self) -> u64 {
        self.lines() - self.unreadable
    }

    /// Lines that are not known to be valid, unreadable rows included.
    #[must_use]
    pub fn rejected(&self) -> u64 {
        self.lines() - self.valid
    }

    /// The count of lines with this verdict.
    ///
    /// ```
    /// let summary = cdt_codes::claims::Summary::default();
    /// assert_eq!(summary.count(cdt_codes::claims::Verdict::Valid), 0);
    /// ```
    #[must_use]
    pub const fn count(&self, verdict: Verdict) -> u64 {
        match verdict {
            Verdict::Valid => self.valid,
            Verdict::MalformedCode => self.malformed_code,
            Verdict::UnknownCode => self.unknown_code,
            Verdict::Deleted => self.deleted,
            Verdict::NotYetInForce => self.not_yet_in_force,
            Verdict::BadDate => self.bad_date,
            Verdict::MissingDate => self.missing_date,
            Verdict::OutsideData => self.outside_data,
            Verdict::NotCdt => self.not_cdt,
            Verdict::Reporting => self.reporting,
            Verdict::Conflict => self.conflict,
            Verdict::Unreadable => self.unreadable,
        }
    }

    fn count_mut(&mut self, verdict: Verdict) -> &mut u64 {
        match verdict {
            Verdict::Valid => &mut self.valid,
            Verdict::MalformedCode => &mut self.malformed_code,
            Verdict::UnknownCode => &mut self.unknown_code,
            Verdict::Deleted => &mut self.deleted,
            Verdict::NotYetInForce => &mut self.not_yet_in_force,
            Verdict::BadDate => &mut self.bad_date,
            Verdict::MissingDate => &mut self.missing_date,
            Verdict::OutsideData => &mut self.outside_data,
            Verdict::NotCdt => &mut self.not_cdt,
            Verdict::Reporting => &mut self.reporting,
            Verdict::Conflict => &mut self.conflict,
            Verdict::Unreadable => &mut self.unreadable,
        }
    }

    fn record_severity(&mut self, severity: Option<Severity>) {
        match severity {
            Some(Severity::Error) => self.errors += 1,
            Some(Severity::Warning) => self.warnings += 1,
            None => {}
        }
    }

    pub(crate) fn record(&mut self, report: &LineReport<'_>) {
        *self.count_mut(report.verdict()) += 1;
        self.record_severity(report.severity());
        self.assumed_latest += u64::from(report.assumed_latest);
    }

    pub(crate) fn record_item<E>(&mut self, item: &Result<LineReport<'_>, E>) {
        match item {
            Ok(report) => self.record(report),
            Err(_) => self.record_unreadable(),
        }
    }

    pub(crate) fn record_unreadable(&mut self) {
        self.unreadable += 1;
        self.record_severity(Verdict::Unreadable.fixed_severity());
    }
}

impl fmt::Display for Summary {
    /// `lines read: 12 (errors: 3, warnings: 1); valid: 8, ...`, every
    /// verdict named, then the skipped checks if any.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "lines read: {} (errors: {}, warnings: {})",
            self.lines(),
            self.errors,
            self.warnings
        )?;
        for verdict in Verdict::ALL {
            let lead = if verdict == Verdict::Valid {
                "; "
            } else {
                ", "
            };
            write!(f, "{lead}{}: {}", verdict.label(), self.count(verdict))?;
        }
        if self.assumed_latest > 0 {
            write!(
                f,
                " (judged by the newest edition: {})",
                self.assumed_latest
            )?;
        }
        if self.conflicts > 0 {
            write!(f, "; conflicts between lines: {}", self.conflicts)?;
        }
        if self.title_lines > 0 || self.totals_rows > 0 {
            let plural = |count: u64| if count == 1 { "" } else { "s" };
            f.write_str("; left out, not claim lines: ")?;
            if self.title_lines > 0 {
                write!(
                    f,
                    "{} title line{} above the header",
                    self.title_lines,
                    plural(self.title_lines)
                )?;
            }
            if self.totals_rows > 0 {
                let lead = if self.title_lines > 0 { ", " } else { "" };
                write!(
                    f,
                    "{lead}{} totals row{}",
                    self.totals_rows,
                    plural(self.totals_rows)
                )?;
            }
        }
        if self.skipped.any() {
            write!(f, "; {}", self.skipped)?;
        }
        Ok(())
    }
}

/// The tooth, surface and area checks a delimited file gave no column
/// for: a check whose input the file does not carry is not run (a file
/// without a surface column does not make every filling "missing" its
/// surfaces).
///
/// ```
/// let csv = "claim,code,dos,tooth\nC1,D2150,2026-01-15,30\n";
/// let mut checker = cdt_codes::claims::ClaimChecker::new(csv.as_bytes())?;
/// assert!(checker.next().unwrap()?.is_valid());
/// let skipped = checker.summary().skipped;
/// assert!(skipped.surfaces && skipped.area && !skipped.tooth && !skipped.edits);
/// assert_eq!(
///     skipped.to_string(),
///     "checks skipped: surfaces (no surfaces column), area (no area column)"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
#[allow(clippy::struct_excessive_bools)] // one flag per check, read by name
pub struct SkippedChecks {
    /// No tooth column: teeth are neither required nor checked.
    pub tooth: bool,
    /// No surfaces column: surfaces are neither required nor checked.
    pub surfaces: bool,
    /// No area column: areas are neither required nor checked.
    pub area: bool,
    /// No claim id column: claim-level edits need the lines of a claim.
    pub edits: bool,
}

impl SkippedChecks {
    /// Whether any check was skipped.
    #[must_use]
    pub const fn any(&self) -> bool {
        self.tooth || self.surfaces || self.area || self.edits
    }
}

impl fmt::Display for SkippedChecks {
    /// `checks skipped: surfaces (no surfaces column), ...`; empty when
    /// none was.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for (skipped, name) in [
            (self.tooth, "tooth"),
            (self.surfaces, "surfaces"),
            (self.area, "area"),
        ] {
            if skipped {
                let lead = if first { "checks skipped: " } else { ", " };
                write!(f, "{lead}{name} (no {name} column)")?;
                first = false;
            }
        }
        if self.edits {
            let lead = if first { "checks skipped: " } else { ", " };
            write!(f, "{lead}claim-level edits (no claim or patient column)")?;
        }
        Ok(())
    }
}
