//! Checking claim lines as they really arrive: is each procedure code
//! valid on its date of service?
//!
//! [`ClaimChecker`] reads a claims file and yields one owned
//! [`LineReport`] per claim line, or a [`LineError`] for a row or segment
//! it cannot read (which it skips), keeping a running [`Summary`]. It reads
//! two kinds of input, told apart by content:
//!
//! - **Delimited exports** from spreadsheets and practice-management
//!   systems: comma, tab, semicolon or pipe separated (detected from the
//!   header row, or forced with [`CheckOptions::delimiter`]), quoted fields,
//!   a byte-order mark and Windows line endings. Columns are found by
//!   header name ([`ClaimColumn::names`], or names you choose with
//!   [`ColumnNames`]); the code and date columns are required, the claim
//!   id, line id, tooth, surfaces and area columns optional. A quoted field
//!   must close on its own line, so a stray quote costs one row. Dates may
//!   be ISO (`2026-01-15`), US (`01/15/2026`, `1/15/2026`) or X12
//!   (`20260115`).
//! - **ASC X12 837D** (005010X224A2) interchanges, with the delimiters the
//!   `ISA` declares: one line per `LX` loop, with the claim id (`CLM01`),
//!   the line number (`LX01`), the procedure (`SV301`, qualifier `AD`), the
//!   date of service (the line's `DTP*472`, else the claim's), the teeth
//!   (`TOO`) and the areas of the oral cavity (`SV304`). See [`x12`].
//!
//! Each line is judged against a [`CodeSet`] (the compiled one unless you
//! pass another): a malformed code first, then a code the data lacks (when
//! the date is unreadable), then a bad date, then the code's
//! [`Validity`] on the date, which says *outside the data*
//! for a date the data's editions do not reach.
//!
//! ```
//! use cdt_codes::claims::ClaimChecker;
//!
//! let csv = "\
//! claim_id;line;CDT Code;DOS
//! C100;1;D0120;01/15/2026
//! C100;2;D1352;02/01/2026
//! ";
//! let mut checker = ClaimChecker::new(csv.as_bytes())?;
//! let rejected: Vec<String> = checker
//!     .by_ref()
//!     .filter_map(Result::ok)
//!     .filter(|report| !report.is_valid())
//!     .map(|report| report.to_string())
//!     .collect();
//! assert_eq!(rejected, ["C100 line 2 (02/01/2026): D1352 was deleted in CDT 2026; report D2391 instead"]);
//! assert_eq!(checker.summary().valid, 1);
//! # Ok::<(), cdt_codes::claims::HeaderError>(())
//! ```

mod columns;
mod edits;
mod error;
mod report;
pub mod x12;

use std::io::{self, BufRead, Read};
use std::string::{String, ToString};
use std::vec::Vec;

pub use columns::{ClaimColumn, ColumnNames};
pub use edits::{
    conflicts, conflicts_matching, rules, rules_for, Conflict, EditLine, Rule, RuleKind, Scope,
};
pub use error::{HeaderError, LineError};
pub use report::{LineReport, Outcome, Summary, ToothEntry};

use crate::dataset::delimited::{QuotePolicy, Reader, Record};
use crate::dataset::Delimiter;
use crate::line_check::{Reported, ReportingProblem};
use crate::model::code::CdtCode;
use crate::model::date::ServiceDate;
use crate::set::CodeSet;
use crate::validity::Validity;
use columns::Layout;
use x12::{ServiceLine, X12Reader};

/// How to read and judge a claims file.
///
/// ```
/// use cdt_codes::claims::{CheckOptions, ClaimColumn};
/// use cdt_codes::dataset::Delimiter;
///
/// let options = CheckOptions::default()
///     .delimiter(Delimiter::Pipe)
///     .column(ClaimColumn::Code, "Proc")
///     .assume_latest(true);
/// assert_eq!(options.forced_delimiter(), Some(Delimiter::Pipe));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckOptions {
    delimiter: Option<Delimiter>,
    columns: ColumnNames,
    assume_latest: bool,
}

impl CheckOptions {
    /// Reads a delimited file with this delimiter instead of detecting it.
    #[must_use]
    pub fn delimiter(mut self, delimiter: Delimiter) -> CheckOptions {
        self.delimiter = Some(delimiter);
        self
    }

    /// Reads `column` from the header cell `name` instead of its usual
    /// names.
    #[must_use]
    pub fn column(mut self, column: ClaimColumn, name: &str) -> CheckOptions {
        self.columns = self.columns.with(column, name);
        self
    }

    /// Judges dates after the data's newest edition as if that edition
    /// still applied: for callers who knowingly accept that the code set
    /// may have changed since. Off by default, when such lines are
    /// *outside the data*. Reports so judged say so.
    #[must_use]
    pub fn assume_latest(mut self, assume: bool) -> CheckOptions {
        self.assume_latest = assume;
        self
    }

    /// The delimiter forced with [`CheckOptions::delimiter`], if any.
    #[must_use]
    pub fn forced_delimiter(&self) -> Option<Delimiter> {
        self.delimiter
    }
}

/// The kind of input a checker reads.
///
/// ```
/// use cdt_codes::claims::{ClaimChecker, Format};
/// use cdt_codes::dataset::Delimiter;
///
/// let checker = ClaimChecker::new("code\tdos\n".as_bytes())?;
/// assert_eq!(checker.format(), Format::Delimited(Delimiter::Tab));
/// # Ok::<(), cdt_codes::claims::HeaderError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// A delimited export with this delimiter.
    Delimited(Delimiter),
    /// An ASC X12 837D interchange.
    X12,
}

/// Reads claim lines and judges each against a code set. An iterator of
/// `Result<LineReport, LineError>`; [`ClaimChecker::summary`] has the
/// counts so far.
///
/// ```
/// use cdt_codes::claims::ClaimChecker;
///
/// let x12 = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/claims.837"))?;
/// let checker = ClaimChecker::new(x12.as_slice())?;
/// let reports: Vec<_> = checker.filter_map(Result::ok).collect();
/// assert!(reports.iter().any(|r| r.code == "D1352" && !r.is_valid()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct ClaimChecker<'s, R> {
    set: &'s CodeSet,
    assume_latest: bool,
    /// The last date of service the set can judge.
    last_day: ServiceDate,
    /// Whether the input carries teeth, surfaces or areas to check.
    check_teeth: bool,
    input: Input<Prefixed<R>>,
    summary: Summary,
}

// One per checker, so the size of the larger variant costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
enum Input<R> {
    Delimited {
        reader: Reader<R>,
        layout: Layout,
        delimiter: Delimiter,
    },
    X12(X12Reader<R>),
}

impl<R: BufRead> ClaimChecker<'static, R> {
    /// A checker over the compiled code set, with the format detected from
    /// the content and the usual column names.
    ///
    /// # Errors
    ///
    /// [`HeaderError`] when the file is empty, its header lacks the code
    /// or date column (or names one twice), or its X12 envelope cannot be
    /// read.
    ///
    /// ```
    /// let checker = cdt_codes::claims::ClaimChecker::new("CDT,Service Date\n".as_bytes());
    /// assert!(checker.is_ok());
    /// ```
    pub fn new(reader: R) -> Result<Self, HeaderError> {
        ClaimChecker::with_options(reader, CodeSet::compiled(), &CheckOptions::default())
    }
}

impl<'s, R: BufRead> ClaimChecker<'s, R> {
    /// A checker that judges lines against `set` (a loaded licensed file,
    /// say) rather than the compiled data.
    ///
    /// # Errors
    ///
    /// As [`ClaimChecker::new`].
    ///
    /// ```
    /// use cdt_codes::claims::ClaimChecker;
    ///
    /// let file = "code,nomenclature\nD0120,test text\n";
    /// let set = cdt_codes::CodeSet::load("2027.csv", file.as_bytes(), cdt_codes::Edition::new(2027))?;
    /// let claims = "code,dos\nD0120,2027-02-01\n";
    /// let mut checker = ClaimChecker::with_set(claims.as_bytes(), &set)?;
    /// assert!(checker.next().unwrap()?.is_valid());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_set(reader: R, set: &'s CodeSet) -> Result<Self, HeaderError> {
        ClaimChecker::with_options(reader, set, &CheckOptions::default())
    }

    /// A checker with explicit options.
    ///
    /// # Errors
    ///
    /// As [`ClaimChecker::new`].
    ///
    /// ```
    /// use cdt_codes::claims::{CheckOptions, ClaimChecker, ClaimColumn};
    ///
    /// let csv = "Proc|Svc\nD0120|20260115\n";
    /// let options = CheckOptions::default()
    ///     .column(ClaimColumn::Code, "Proc")
    ///     .column(ClaimColumn::Date, "Svc");
    /// let mut checker = ClaimChecker::with_options(csv.as_bytes(), cdt_codes::CodeSet::compiled(), &options)?;
    /// assert!(checker.next().unwrap()?.is_valid());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_options(
        mut reader: R,
        set: &'s CodeSet,
        options: &CheckOptions,
    ) -> Result<Self, HeaderError> {
        // The format and delimiter are told from the first non-blank line,
        // read whole however the reader hands out its bytes, then handed
        // back in front of the rest.
        let start = first_line(&mut reader)?;
        let header = start.trim_ascii_start();
        let is_x12 = x12::looks_like_x12(header);
        let detected = Delimiter::detect(header);
        let reader = io::Cursor::new(start).chain(reader);
        let input = if is_x12 {
            Input::X12(X12Reader::new(reader).map_err(HeaderError::X12)?)
        } else {
            let delimiter = options.delimiter.or(detected).unwrap_or(Delimiter::Comma);
            let mut reader = Reader::new(reader, delimiter, QuotePolicy::WithinLine);
            let layout = match reader.next_record() {
                None => return Err(HeaderError::Empty),
                Some(Err(error)) => return Err(HeaderError::Malformed(error)),
                Some(Ok(header)) => Layout::find(header.iter(), &options.columns)?,
            };
            Input::Delimited {
                reader,
                layout,
                delimiter,
            }
        };
        let check_teeth = match &input {
            Input::Delimited { layout, .. } => {
                [ClaimColumn::Tooth, ClaimColumn::Surfaces, ClaimColumn::Area]
                    .into_iter()
                    .any(|column| layout.position(column).is_some())
            }
            Input::X12(_) => true,
        };
        Ok(ClaimChecker {
            set,
            assume_latest: options.assume_latest,
            last_day: set.horizon().1,
            check_teeth,
            input,
            summary: Summary::default(),
        })
    }

    /// The counts of the lines read so far.
    ///
    /// ```
    /// let mut checker = cdt_codes::claims::ClaimChecker::new("code,dos\nD0120,2026-01-15\n".as_bytes())?;
    /// assert_eq!(checker.summary().lines(), 0);
    /// checker.next();
    /// assert_eq!(checker.summary().valid, 1);
    /// # Ok::<(), cdt_codes::claims::HeaderError>(())
    /// ```
    #[must_use]
    pub fn summary(&self) -> Summary {
        self.summary
    }

    /// The kind of input being read.
    ///
    /// ```
    /// use cdt_codes::claims::{ClaimChecker, Format};
    ///
    /// let checker = ClaimChecker::new("code;dos\n".as_bytes())?;
    /// assert_eq!(checker.format(), Format::Delimited(cdt_codes::dataset::Delimiter::Semicolon));
    /// # Ok::<(), cdt_codes::claims::HeaderError>(())
    /// ```
    #[must_use]
    pub fn format(&self) -> Format {
        match &self.input {
            Input::Delimited { delimiter, .. } => Format::Delimited(*delimiter),
            Input::X12(_) => Format::X12,
        }
    }

    /// The next line of the input, read and judged; `None` at the end.
    fn next_line(&mut self) -> Option<Result<LineReport<'s>, LineError>> {
        let line = match &mut self.input {
            Input::Delimited { reader, layout, .. } => loop {
                match reader.next_record()? {
                    Err(error) => break Err(LineError::Row(error)),
                    Ok(record) if record.iter().all(|field| field.trim().is_empty()) => {}
                    Ok(record) if record.len() != layout.width => {
                        break Err(LineError::FieldCount {
                            line: record.line(),
                            expected: layout.width,
                            found: record.len(),
                        })
                    }
                    Ok(record) => break Ok(RawLine::from_record(&record, layout)),
                }
            },
            Input::X12(reader) => match reader.next()? {
                Err(error) => Err(LineError::Segment(error)),
                Ok(line) => Ok(RawLine::from_x12(line)),
            },
        };
        Some(match line {
            Ok(raw) => {
                let report = self.judge(raw);
                self.summary.record(&report);
                Ok(report)
            }
            Err(error) => {
                self.summary.unreadable += 1;
                Err(error)
            }
        })
    }

    /// The report on one line.
    fn judge(&self, raw: RawLine) -> LineReport<'s> {
        let mut assumed_latest = false;
        let outcome = match (&raw.qualifier, raw.date.as_deref()) {
            (Some(qualifier), _) if qualifier != "AD" => Outcome::NotCdt {
                qualifier: qualifier.clone(),
            },
            (_, None) => Outcome::MissingDate,
            (_, Some(date)) => match CdtCode::parse(&raw.code) {
                Err(error) => Outcome::Checked(Validity::Malformed(error)),
                Ok(code) => match date.parse::<ServiceDate>() {
                    Err(_) if self.set.get(code).is_none() => {
                        Outcome::Checked(Validity::Unknown(code))
                    }
                    Err(error) => Outcome::BadDate(error),
                    Ok(date) => {
                        let last = self.last_day;
                        assumed_latest = self.assume_latest && date > last;
                        let date = if assumed_latest { last } else { date };
                        Outcome::Checked(self.set.validity_of(code, date))
                    }
                },
            },
        };
        let (problems, requirement_confirmed) = self.check_reported(&raw, &outcome);
        LineReport {
            position: raw.position,
            claim: raw.claim,
            line: raw.line,
            code: raw.code,
            date: raw.date.unwrap_or_default(),
            teeth: raw.teeth,
            areas: raw.areas,
            outcome,
            problems,
            requirement_confirmed,
            assumed_latest,
        }
    }

    /// The tooth, surface and area problems of a line whose code the set
    /// defines, with whether the requirement is confirmed.
    fn check_reported(
        &self,
        raw: &RawLine,
        outcome: &Outcome<'s>,
    ) -> (Vec<ReportingProblem>, bool) {
        let procedure = match outcome {
            Outcome::Checked(validity) if self.check_teeth => validity.procedure(),
            _ => None,
        };
        let Some(procedure) = procedure else {
            return (Vec::new(), true);
        };
        let area = raw.areas.first().map(String::as_str);
        let mut problems = Vec::new();
        let mut confirmed = true;
        let mut check = |reported: Reported<'_>| {
            let found = procedure.check_reported(reported);
            confirmed &= found.requirement_confirmed();
            for problem in &found {
                if !problems.contains(problem) {
                    problems.push(*problem);
                }
            }
        };
        if raw.teeth.is_empty() {
            check(Reported {
                tooth: None,
                surfaces: None,
                area,
            });
        } else {
            for entry in &raw.teeth {
                check(Reported {
                    tooth: Some(&entry.tooth),
                    surfaces: Some(&entry.surfaces),
                    area,
                });
            }
        }
        (problems, confirmed)
    }
}

impl<'s, R: BufRead> Iterator for ClaimChecker<'s, R> {
    type Item = Result<LineReport<'s>, LineError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_line()
    }
}

/// The input with its first line, read to tell the format, put back in
/// front.
type Prefixed<R> = io::Chain<io::Cursor<Vec<u8>>, R>;

/// The most read to find the first non-blank line.
const FIRST_LINE_LIMIT: usize = 64 * 1024;

/// The input up to the end of its first non-blank line (blank lines
/// before it included), at most [`FIRST_LINE_LIMIT`] bytes.
fn first_line<R: BufRead>(reader: &mut R) -> io::Result<Vec<u8>> {
    let mut start = Vec::new();
    loop {
        let before = start.len();
        let room = FIRST_LINE_LIMIT.saturating_sub(before) as u64;
        let read = reader.by_ref().take(room).read_until(b'\n', &mut start)?;
        let line = start.get(before..).unwrap_or(&[]);
        if read == 0 || start.len() >= FIRST_LINE_LIMIT || !line.iter().all(u8::is_ascii_whitespace)
        {
            return Ok(start);
        }
    }
}

/// A claim line as read, before it is judged.
struct RawLine {
    position: u64,
    claim: Option<String>,
    line: String,
    code: String,
    /// `None` when the line has no date at all (X12).
    date: Option<String>,
    /// The X12 code list qualifier; `None` for delimited files.
    qualifier: Option<String>,
    teeth: Vec<ToothEntry>,
    areas: Vec<String>,
}

impl RawLine {
    fn from_record(record: &Record<'_>, layout: &Layout) -> RawLine {
        let field = |column: ClaimColumn| {
            layout
                .position(column)
                .and_then(|index| record.get(index))
                .map(str::trim)
        };
        let text = |column| field(column).unwrap_or("").to_string();
        let present = |column| field(column).filter(|text| !text.is_empty());
        let teeth = present(ClaimColumn::Tooth)
            .map(|tooth| ToothEntry::new(tooth, field(ClaimColumn::Surfaces).unwrap_or("")))
            .into_iter()
            .collect();
        RawLine {
            position: record.line(),
            claim: present(ClaimColumn::Claim).map(String::from),
            line: present(ClaimColumn::Line)
                .map_or_else(|| record.line().to_string(), String::from),
            code: text(ClaimColumn::Code),
            date: Some(text(ClaimColumn::Date)),
            qualifier: None,
            teeth,
            areas: present(ClaimColumn::Area)
                .map(String::from)
                .into_iter()
                .collect(),
        }
    }

    fn from_x12(line: ServiceLine) -> RawLine {
        let date = line
            .date_of_service()
            .map(|date| date.start().unwrap_or(&date.value).to_string());
        RawLine {
            position: line.sv3_segment,
            claim: Some(line.claim_id),
            line: line.line_number.to_string(),
            code: line.code,
            date,
            qualifier: Some(line.qualifier),
            teeth: line
                .teeth
                .iter()
                .map(|tooth| ToothEntry::new(&tooth.code, &tooth.surfaces.concat()))
                .collect(),
            areas: line.oral_cavity,
        }
    }
}
