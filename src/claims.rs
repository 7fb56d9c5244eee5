//! Checking claim lines: is each procedure code valid on its date of
//! service?
//!
//! A claim file is CSV with a header row. [`ClaimChecker`] finds three
//! columns by name (see [`Column::names`]) and reads the file one line at a
//! time, giving a [`LineReport`] for each claim line, a [`MalformedRow`] for
//! each row it cannot read (which it skips), and a running [`Summary`].
//!
//! ```
//! use cdt_codes::claims::ClaimChecker;
//!
//! let csv = "\
//! Line,CDT_Code,DOS
//! 1,D0120,2026-01-15
//! 2,D1352,2026-02-01
//! ";
//! let mut checker = ClaimChecker::new(csv.as_bytes())?;
//! while let Some(line) = checker.next_line() {
//!     match line {
//!         Ok(report) if report.is_valid() => {}
//!         Ok(report) => println!("{report}"), // rejected: says why
//!         Err(error) => println!("{error}"),  // malformed row or I/O error
//!     }
//! }
//! let summary = checker.summary();
//! assert_eq!((summary.lines, summary.valid, summary.deleted), (2, 1, 1));
//! # Ok::<(), cdt_codes::claims::HeaderError>(())
//! ```
//!
//! # The format
//!
//! Fields are separated by commas. A field that starts with `"` is quoted:
//! it may contain commas and doubled quotes (`""`), and text after its
//! closing quote is kept, as spreadsheet programs do. A record is one line,
//! ended by `\n` or `\r\n`: a quote still open at the end of its line makes
//! the row malformed, so one stray quote costs one row, not the rest of the
//! file. Every row must have as many fields as the header. Blank lines and
//! rows whose fields are all empty are skipped and not counted. A leading
//! byte-order mark is accepted. Only the three columns the checker uses must
//! be UTF-8; other columns may hold any bytes. Lines longer than 64 KiB are
//! reported as malformed and skipped.
//!
//! Each line has one outcome, the first problem found: a malformed code,
//! then an unknown code, then a bad date of service, then the code's
//! validity on that date ([`crate::validity`]).

use core::fmt;
use core::ops::Range;
use std::io::{self, BufRead};
use std::string::String;
use std::vec::Vec;

use crate::model::code::CdtCode;
use crate::model::date::{DateError, ServiceDate};
use crate::set::CodeSet;
use crate::validity::{write_replacements, Validity};

/// The longest line read, in bytes, line ending excluded.
const MAX_LINE: usize = 64 * 1024;

/// A column the checker needs.
///
/// ```
/// use cdt_codes::claims::Column;
///
/// assert_eq!(Column::Code.to_string(), "procedure code");
/// assert!(Column::Code.matches(" CDT Code "));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// The claim line's identifier, echoed in reports.
    Id,
    /// The procedure code.
    Code,
    /// The date of service, `YYYY-MM-DD`.
    Date,
}

impl Column {
    /// The three columns, in the order they are looked for.
    ///
    /// ```
    /// assert_eq!(cdt_codes::claims::Column::ALL.len(), 3);
    /// ```
    pub const ALL: [Column; 3] = [Column::Id, Column::Code, Column::Date];

    /// The header names that identify the column, canonical name first.
    ///
    /// ```
    /// use cdt_codes::claims::Column;
    ///
    /// assert_eq!(Column::Id.names(), ["line_id", "line", "id"]);
    /// assert_eq!(Column::Code.names(), ["procedure_code", "code", "cdt_code"]);
    /// assert_eq!(Column::Date.names(), ["date_of_service", "dos", "service_date"]);
    /// ```
    #[must_use]
    pub const fn names(self) -> &'static [&'static str] {
        match self {
            Column::Id => &["line_id", "line", "id"],
            Column::Code => &["procedure_code", "code", "cdt_code"],
            Column::Date => &["date_of_service", "dos", "service_date"],
        }
    }

    /// Whether a header field names this column: one of [`names`](Self::names)
    /// in any ASCII case, surrounding whitespace ignored, with a space or a
    /// hyphen accepted for each underscore.
    ///
    /// ```
    /// use cdt_codes::claims::Column;
    ///
    /// assert!(Column::Date.matches("Date of Service"));
    /// assert!(Column::Date.matches("service-date"));
    /// assert!(!Column::Date.matches("date"));
    /// ```
    #[must_use]
    pub fn matches(self, header: &str) -> bool {
        let header = header.trim().as_bytes();
        self.names().iter().any(|name| {
            name.len() == header.len()
                && name.bytes().zip(header).all(|(want, &have)| {
                    let have = match have {
                        b' ' | b'-' => b'_',
                        other => other.to_ascii_lowercase(),
                    };
                    want == have
                })
        })
    }

    fn index(self) -> usize {
        match self {
            Column::Id => 0,
            Column::Code => 1,
            Column::Date => 2,
        }
    }
}

impl fmt::Display for Column {
    /// `line id`, `procedure code` or `date of service`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Column::Id => "line id",
            Column::Code => "procedure code",
            Column::Date => "date of service",
        })
    }
}

/// Why the header row cannot be used; the file is not checked.
///
/// ```
/// use cdt_codes::claims::{ClaimChecker, Column, HeaderError};
///
/// let error = ClaimChecker::new("id,code\n1,D0120\n".as_bytes()).unwrap_err();
/// assert!(matches!(error, HeaderError::MissingColumn { column: Column::Date }));
/// assert_eq!(
///     error.to_string(),
///     "the header has no date of service column (name it date_of_service, dos or service_date)"
/// );
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HeaderError {
    /// Reading failed before the header was complete.
    #[error("reading the header: {0}")]
    Io(#[from] io::Error),
    /// There is no header row: the input is empty or blank.
    #[error("the file is empty: expected a header row naming the line id, procedure code and date of service columns")]
    Empty,
    /// The header row cannot be split into fields.
    #[error("line {line}: the header row is malformed: {problem}")]
    Malformed {
        /// The line of the header.
        line: u64,
        /// What is wrong with it.
        problem: RowProblem,
    },
    /// No header field names a column the checker needs.
    #[error("the header has no {column} column (name it {})", NameList(column.names()))]
    MissingColumn {
        /// The column not found.
        column: Column,
    },
    /// Two header fields name the same column.
    #[error("the header names the {column} column twice: {first:?} and {second:?}")]
    DuplicateColumn {
        /// The column named twice.
        column: Column,
        /// The first header field naming it.
        first: String,
        /// The second header field naming it.
        second: String,
    },
}

/// Writes `a, b or c`.
struct NameList(&'static [&'static str]);

impl fmt::Display for NameList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let last = self.0.len().saturating_sub(1);
        for (index, name) in self.0.iter().enumerate() {
            let lead = match index {
                0 => "",
                _ if index == last => " or ",
                _ => ", ",
            };
            write!(f, "{lead}{name}")?;
        }
        Ok(())
    }
}

/// What is wrong with a row that cannot be read.
///
/// ```
/// use cdt_codes::claims::RowProblem;
///
/// let problem = RowProblem::FieldCount { expected: 3, found: 4 };
/// assert_eq!(problem.to_string(), "4 fields where the header has 3");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum RowProblem {
    /// A quoted field is not closed before the end of its line.
    #[error("unterminated quote in field {field}")]
    UnterminatedQuote {
        /// The field, counting from 1.
        field: usize,
    },
    /// The row has more or fewer fields than the header.
    #[error("{found} fields where the header has {expected}")]
    FieldCount {
        /// Fields in the header.
        expected: usize,
        /// Fields in the row.
        found: usize,
    },
    /// A column the checker reads is not UTF-8 text.
    #[error("the {column} is not UTF-8 text")]
    NotUtf8 {
        /// The column.
        column: Column,
    },
    /// The line is longer than the checker reads.
    #[error("the line is longer than {limit} bytes")]
    TooLong {
        /// The limit, in bytes.
        limit: usize,
    },
}

/// A row that cannot be read; the checker skips it and goes on.
///
/// ```
/// use cdt_codes::claims::{ClaimChecker, LineError, RowProblem};
///
/// let csv = "id,code,dos\n1,\"D0120,2026-01-15\n2,D0120,2026-01-15\n";
/// let mut checker = ClaimChecker::new(csv.as_bytes())?;
/// let Some(Err(LineError::Malformed(row))) = checker.next_line() else { panic!() };
/// assert_eq!(row.line, 2);
/// assert_eq!(row.problem, RowProblem::UnterminatedQuote { field: 2 });
/// assert_eq!(row.to_string(), "line 2: malformed row, skipped: unterminated quote in field 2");
/// assert!(checker.next_line().unwrap()?.is_valid()); // the next row is read
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("line {line}: malformed row, skipped: {problem}")]
pub struct MalformedRow {
    /// The line of the file, counting the header as line 1.
    pub line: u64,
    /// What is wrong with the row.
    pub problem: RowProblem,
}

/// Why [`ClaimChecker::next_line`] gives no report for a line.
///
/// ```
/// use cdt_codes::claims::{ClaimChecker, LineError};
///
/// let mut checker = ClaimChecker::new("id,code,dos\n1,D0120\n".as_bytes())?;
/// let error = checker.next_line().unwrap().unwrap_err();
/// assert!(matches!(error, LineError::Malformed(_)));
/// # Ok::<(), cdt_codes::claims::HeaderError>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LineError {
    /// The row cannot be read; it is skipped and counted, and checking goes
    /// on with the next line.
    #[error(transparent)]
    Malformed(#[from] MalformedRow),
    /// Reading failed; checking stops.
    #[error("line {line}: reading the claims file: {source}")]
    Io {
        /// The line being read.
        line: u64,
        /// The error from the reader.
        source: io::Error,
    },
}

/// What the check found for one claim line.
///
/// ```
/// use cdt_codes::claims::{ClaimChecker, Outcome};
/// use cdt_codes::Validity;
///
/// let csv = "id,code,dos\n1,D0000,2026-01-15\n";
/// let mut checker = ClaimChecker::new(csv.as_bytes())?;
/// let report = checker.next_line().unwrap().unwrap();
/// assert!(matches!(report.outcome, Outcome::Checked(Validity::Unknown(_))));
/// # Ok::<(), cdt_codes::claims::HeaderError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Outcome<'a> {
    /// The code was checked: valid, malformed, unknown, deleted before the
    /// date of service or not yet in force on it. A malformed or unknown
    /// code is reported whatever the date.
    Checked(Validity<'a>),
    /// The code is defined but the date of service is not a valid
    /// `YYYY-MM-DD` date, so its validity is unknown.
    BadDate(DateError),
}

impl Outcome<'_> {
    /// Whether the line may be billed as it is.
    ///
    /// ```
    /// use cdt_codes::claims::Outcome;
    /// use cdt_codes::DateError;
    ///
    /// assert!(!Outcome::BadDate(DateError::Format).is_valid());
    /// ```
    #[must_use]
    pub const fn is_valid(&self) -> bool {
        matches!(self, Outcome::Checked(Validity::Valid(_)))
    }
}

/// The check of one claim line. Its `Display` is one line a biller can act
/// on, e.g. `line 4, id L003: D1352 was deleted in CDT 2026, before the
/// date of service 2026-02-01; report D2391 instead`.
///
/// The text fields borrow from the checker, so a report lives until the
/// next call to [`ClaimChecker::next_line`].
///
/// ```
/// use cdt_codes::claims::ClaimChecker;
///
/// let csv = "id,code,dos\nL5,D0426,2025-06-01\n";
/// let mut checker = ClaimChecker::new(csv.as_bytes())?;
/// let report = checker.next_line().unwrap().unwrap();
/// assert_eq!((report.line, report.id, report.code, report.date), (2, "L5", "D0426", "2025-06-01"));
/// assert_eq!(
///     report.to_string(),
///     "line 2, id L5: D0426 was not yet in force on 2025-06-01: it was added in CDT 2026"
/// );
/// # Ok::<(), cdt_codes::claims::HeaderError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineReport<'a, 's> {
    /// The line of the file, counting the header as line 1.
    pub line: u64,
    /// The line id, trimmed.
    pub id: &'a str,
    /// The procedure code as written, trimmed.
    pub code: &'a str,
    /// The date of service as written, trimmed.
    pub date: &'a str,
    /// What the check found.
    pub outcome: Outcome<'s>,
}

impl LineReport<'_, '_> {
    /// Whether the line may be billed as it is.
    ///
    /// ```
    /// use cdt_codes::claims::ClaimChecker;
    ///
    /// let mut checker = ClaimChecker::new("id,code,dos\n1,D0120,2026-03-01\n".as_bytes())?;
    /// assert!(checker.next_line().unwrap().unwrap().is_valid());
    /// # Ok::<(), cdt_codes::claims::HeaderError>(())
    /// ```
    #[must_use]
    pub const fn is_valid(&self) -> bool {
        self.outcome.is_valid()
    }
}

impl fmt::Display for LineReport<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let id = if self.id.is_empty() {
            "(none)"
        } else {
            self.id
        };
        write!(f, "line {}, id {id}: ", self.line)?;
        let validity = match self.outcome {
            Outcome::BadDate(error) => {
                return write!(f, "bad date of service {:?}: {error}", self.date);
            }
            Outcome::Checked(validity) => validity,
        };
        match validity {
            Validity::Valid(procedure) => {
                write!(f, "{} is valid on {}", procedure.code(), self.date)
            }
            Validity::Malformed(error) => write!(f, "malformed code {:?}: {error}", self.code),
            Validity::Unknown(code) => write!(f, "unknown code {code}: not a CDT code in the data"),
            Validity::NotYetInForce {
                procedure,
                added_in,
                ..
            } => write!(
                f,
                "{} was not yet in force on {}: it was added in {added_in}",
                procedure.code(),
                self.date
            ),
            Validity::Deleted {
                procedure,
                deleted_in,
                replaced_by,
            } => {
                write!(
                    f,
                    "{} was deleted in {deleted_in}, before the date of service {}",
                    procedure.code(),
                    self.date
                )?;
                if replaced_by.is_empty() {
                    return f.write_str("; no replacement was named");
                }
                write_replacements(f, replaced_by)
            }
            other => write!(f, "{other}"),
        }
    }
}

/// Counts of the lines read so far, by outcome.
///
/// `lines` is the sum of all the others.
///
/// ```
/// use cdt_codes::claims::ClaimChecker;
///
/// let csv = "id,code,dos\n1,D0120,2026-01-15\n2,D01,2026-01-15\n3,D0120\n";
/// let mut checker = ClaimChecker::new(csv.as_bytes())?;
/// while checker.next_line().is_some() {}
/// let summary = checker.summary();
/// assert_eq!((summary.lines, summary.valid, summary.rejected()), (3, 1, 2));
/// assert_eq!(
///     summary.to_string(),
///     "lines read: 3, valid: 1, malformed code: 1, unknown code: 0, deleted: 0, \
///      not yet in force: 0, bad date: 0, outside the data: 0, malformed rows: 1"
/// );
/// # Ok::<(), cdt_codes::claims::HeaderError>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Summary {
    /// Claim lines read: header, blank lines and empty rows not counted.
    pub lines: u64,
    /// Lines whose code is valid on their date of service.
    pub valid: u64,
    /// Lines whose code is not a well-formed CDT code.
    pub malformed_code: u64,
    /// Lines whose code is well-formed but not defined in the data.
    pub unknown_code: u64,
    /// Lines whose code was deleted on or before their date of service.
    pub deleted: u64,
    /// Lines whose code was added after their date of service.
    pub not_yet_in_force: u64,
    /// Lines whose date of service is not a valid date.
    pub bad_date: u64,
    /// Lines whose date of service lies outside the editions the data
    /// holds: neither valid nor rejected, unknown.
    pub outside_data: u64,
    /// Rows that could not be read and were skipped.
    pub malformed_rows: u64,
}

impl Summary {
    /// Lines that will be rejected, malformed rows included.
    ///
    /// ```
    /// let summary = cdt_codes::claims::Summary::default();
    /// assert_eq!(summary.rejected(), 0);
    /// ```
    #[must_use]
    pub const fn rejected(&self) -> u64 {
        self.lines - self.valid
    }

    fn record(&mut self, outcome: &Outcome) {
        self.lines += 1;
        let count = match outcome {
            Outcome::BadDate(_) => &mut self.bad_date,
            Outcome::Checked(Validity::Valid(_)) => &mut self.valid,
            Outcome::Checked(Validity::Malformed(_)) => &mut self.malformed_code,
            Outcome::Checked(Validity::Unknown(_)) => &mut self.unknown_code,
            Outcome::Checked(Validity::Deleted { .. }) => &mut self.deleted,
            Outcome::Checked(Validity::NotYetInForce { .. }) => &mut self.not_yet_in_force,
            Outcome::Checked(Validity::OutsideData { .. }) => &mut self.outside_data,
        };
        *count += 1;
    }

    fn record_malformed(&mut self) {
        self.lines += 1;
        self.malformed_rows += 1;
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "lines read: {}, valid: {}, malformed code: {}, unknown code: {}, deleted: {}, \
             not yet in force: {}, bad date: {}, outside the data: {}, malformed rows: {}",
            self.lines,
            self.valid,
            self.malformed_code,
            self.unknown_code,
            self.deleted,
            self.not_yet_in_force,
            self.bad_date,
            self.outside_data,
            self.malformed_rows
        )
    }
}

/// Reads a claim file and checks each line's code against its date of
/// service. Buffers are reused from line to line: after the first lines,
/// checking allocates nothing.
///
/// ```
/// use cdt_codes::claims::ClaimChecker;
///
/// let csv = "procedure_code,date_of_service,line_id\nD0120,2026-01-15,A1\n";
/// let mut checker = ClaimChecker::new(csv.as_bytes())?;
/// let report = checker.next_line().unwrap().unwrap();
/// assert_eq!(report.to_string(), "line 2, id A1: D0120 is valid on 2026-01-15");
/// assert!(checker.next_line().is_none());
/// # Ok::<(), cdt_codes::claims::HeaderError>(())
/// ```
#[derive(Debug)]
pub struct ClaimChecker<'s, R> {
    set: &'s CodeSet,
    assume_latest: bool,
    reader: R,
    /// Field index of each [`Column`], in [`Column::ALL`] order.
    columns: [usize; 3],
    /// Fields in the header.
    width: usize,
    /// The last line read, counting from 1.
    line: u64,
    /// The current line, without its line ending.
    raw: Vec<u8>,
    /// The current row's fields, unquoted, end to end.
    fields: Vec<u8>,
    /// Where each field ends in `fields`.
    ends: Vec<usize>,
    summary: Summary,
    done: bool,
}

impl<R: BufRead> ClaimChecker<'static, R> {
    /// Reads the header row (the first non-blank line) and finds the
    /// columns.
    ///
    /// # Errors
    ///
    /// [`HeaderError`] when the input is empty, the header cannot be read
    /// or split, or it names a needed column never or twice.
    ///
    /// ```
    /// use cdt_codes::claims::{ClaimChecker, HeaderError};
    ///
    /// assert!(ClaimChecker::new("LINE,Code,Service Date\n".as_bytes()).is_ok());
    /// assert!(matches!(ClaimChecker::new("".as_bytes()), Err(HeaderError::Empty)));
    /// assert!(matches!(
    ///     ClaimChecker::new("id,code,cdt_code,dos\n".as_bytes()),
    ///     Err(HeaderError::DuplicateColumn { .. })
    /// ));
    /// ```
    pub fn new(reader: R) -> Result<Self, HeaderError> {
        ClaimChecker::with_set(reader, CodeSet::compiled())
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
    /// let claims = "line_id,procedure_code,date_of_service\nL1,D0120,2027-02-01\n";
    /// let mut checker = ClaimChecker::with_set(claims.as_bytes(), &set)?;
    /// assert!(checker.next_line().unwrap()?.is_valid());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_set(reader: R, set: &'s CodeSet) -> Result<Self, HeaderError> {
        let mut checker = ClaimChecker {
            set,
            assume_latest: false,
            reader,
            columns: [0; 3],
            width: 0,
            line: 0,
            raw: Vec::new(),
            fields: Vec::new(),
            ends: Vec::new(),
            summary: Summary::default(),
            done: false,
        };
        loop {
            match checker.read_raw()? {
                None => return Err(HeaderError::Empty),
                Some(too_long) => {
                    checker.line += 1;
                    if too_long {
                        return Err(HeaderError::Malformed {
                            line: checker.line,
                            problem: RowProblem::TooLong { limit: MAX_LINE },
                        });
                    }
                    if !is_blank(&checker.raw) {
                        break;
                    }
                }
            }
        }
        let header = checker
            .raw
            .strip_prefix(b"\xEF\xBB\xBF")
            .unwrap_or(&checker.raw);
        split(header, &mut checker.fields, &mut checker.ends).map_err(|problem| {
            HeaderError::Malformed {
                line: checker.line,
                problem,
            }
        })?;
        checker.width = checker.ends.len();
        let mut found: [Option<usize>; 3] = [None; 3];
        for index in 0..checker.width {
            let Ok(name) = core::str::from_utf8(&checker.fields[field_range(&checker.ends, index)])
            else {
                continue;
            };
            for column in Column::ALL {
                if !column.matches(name) {
                    continue;
                }
                let slot = &mut found[column.index()];
                if let Some(first) = *slot {
                    let text = |i| {
                        String::from_utf8_lossy(&checker.fields[field_range(&checker.ends, i)])
                            .trim()
                            .into()
                    };
                    return Err(HeaderError::DuplicateColumn {
                        column,
                        first: text(first),
                        second: text(index),
                    });
                }
                *slot = Some(index);
            }
        }
        for column in Column::ALL {
            match found[column.index()] {
                Some(index) => checker.columns[column.index()] = index,
                None => return Err(HeaderError::MissingColumn { column }),
            }
        }
        Ok(checker)
    }

    /// Judges dates after the data's newest edition as if that edition
    /// still applied, for callers who knowingly accept the risk that the
    /// code set has changed since. Off by default: such lines are counted
    /// as outside the data.
    ///
    /// ```
    /// use cdt_codes::claims::ClaimChecker;
    ///
    /// let claims = "line_id,procedure_code,date_of_service\nL1,D0120,2099-02-01\n";
    /// let mut checker = ClaimChecker::new(claims.as_bytes())?.assume_latest(true);
    /// assert!(checker.next_line().unwrap()?.is_valid());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn assume_latest(mut self, assume: bool) -> Self {
        self.assume_latest = assume;
        self
    }

    /// Reads and checks the next claim line: `None` at the end of the input
    /// or after an I/O error.
    ///
    /// # Errors
    ///
    /// [`LineError::Malformed`] for a row that cannot be read (call again
    /// for the next one); [`LineError::Io`] when reading fails, after which
    /// the checker stops.
    ///
    /// ```
    /// use cdt_codes::claims::ClaimChecker;
    ///
    /// let csv = "id,code,dos\n\n1,D0120,2026-01-15\n,,\n";
    /// let mut checker = ClaimChecker::new(csv.as_bytes())?;
    /// assert_eq!(checker.next_line().unwrap().unwrap().line, 3); // blank line 2 skipped
    /// assert!(checker.next_line().is_none()); // so is the empty row
    /// # Ok::<(), cdt_codes::claims::HeaderError>(())
    /// ```
    pub fn next_line(&mut self) -> Option<Result<LineReport<'_, 's>, LineError>> {
        if self.done {
            return None;
        }
        loop {
            match self.read_raw() {
                Err(source) => {
                    self.done = true;
                    return Some(Err(LineError::Io {
                        line: self.line + 1,
                        source,
                    }));
                }
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Ok(Some(too_long)) => {
                    self.line += 1;
                    if too_long {
                        return Some(Err(self.malformed(RowProblem::TooLong { limit: MAX_LINE })));
                    }
                    if is_blank(&self.raw) {
                        continue;
                    }
                }
            }
            if let Err(problem) = split(&self.raw, &mut self.fields, &mut self.ends) {
                return Some(Err(self.malformed(problem)));
            }
            if self.ends.len() != self.width {
                let problem = RowProblem::FieldCount {
                    expected: self.width,
                    found: self.ends.len(),
                };
                return Some(Err(self.malformed(problem)));
            }
            if self.fields.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            break;
        }
        for column in Column::ALL {
            let range = field_range(&self.ends, self.columns[column.index()]);
            if core::str::from_utf8(&self.fields[range]).is_err() {
                return Some(Err(self.malformed(RowProblem::NotUtf8 { column })));
            }
        }
        // Checked above; borrowed only now, so that the early returns can
        // still count the row.
        let text = |column: Column| {
            let range = field_range(&self.ends, self.columns[column.index()]);
            core::str::from_utf8(&self.fields[range]).map_or("", str::trim)
        };
        let (id, code, date) = (text(Column::Id), text(Column::Code), text(Column::Date));
        let outcome = check(self.set, self.assume_latest, code, date);
        self.summary.record(&outcome);
        Some(Ok(LineReport {
            line: self.line,
            id,
            code,
            date,
            outcome,
        }))
    }

    /// The counts of the lines read so far.
    ///
    /// ```
    /// use cdt_codes::claims::ClaimChecker;
    ///
    /// let checker = ClaimChecker::new("id,code,dos\n".as_bytes())?;
    /// assert_eq!(checker.summary().lines, 0);
    /// # Ok::<(), cdt_codes::claims::HeaderError>(())
    /// ```
    #[must_use]
    pub fn summary(&self) -> Summary {
        self.summary
    }

    fn malformed(&mut self, problem: RowProblem) -> LineError {
        self.summary.record_malformed();
        LineError::Malformed(MalformedRow {
            line: self.line,
            problem,
        })
    }

    /// Reads the next line into `raw` without its line ending: `None` at
    /// the end, else whether the line was too long (and `raw` left empty).
    fn read_raw(&mut self) -> io::Result<Option<bool>> {
        self.raw.clear();
        let mut read_any = false;
        let mut too_long = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(bytes) => bytes,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            if available.is_empty() {
                break;
            }
            read_any = true;
            let (chunk, used, ended) = match available.iter().position(|&b| b == b'\n') {
                Some(end) => (&available[..end], end + 1, true),
                None => (available, available.len(), false),
            };
            if !too_long {
                // One byte of slack for the `\r` of a `\r\n` ending, which
                // does not count against the limit.
                if self.raw.len() + chunk.len() > MAX_LINE + 1 {
                    too_long = true;
                    self.raw.clear();
                } else {
                    self.raw.extend_from_slice(chunk);
                }
            }
            self.reader.consume(used);
            if ended {
                break;
            }
        }
        if !read_any {
            return Ok(None);
        }
        if self.raw.last() == Some(&b'\r') {
            self.raw.pop();
        }
        if self.raw.len() > MAX_LINE {
            too_long = true;
            self.raw.clear();
        }
        Ok(Some(too_long))
    }
}

/// The outcome for a code and a date of service, as written: a malformed
/// code first, then a code the set lacks, then a bad date, then the set's
/// verdict.
fn check<'s>(set: &'s CodeSet, assume_latest: bool, code: &str, date: &str) -> Outcome<'s> {
    let code = match CdtCode::parse(code) {
        Ok(code) => code,
        Err(error) => return Outcome::Checked(Validity::Malformed(error)),
    };
    let date = match date.parse::<ServiceDate>() {
        Ok(date) => date,
        Err(_) if set.get(code).is_none() => return Outcome::Checked(Validity::Unknown(code)),
        Err(error) => return Outcome::BadDate(error),
    };
    let (_, last) = set.horizon();
    let date = if assume_latest && date > last {
        last
    } else {
        date
    };
    Outcome::Checked(set.validity_of(code, date))
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

/// Where field `index` lies in the fields buffer.
fn field_range(ends: &[usize], index: usize) -> Range<usize> {
    let start = match index.checked_sub(1) {
        Some(previous) => ends.get(previous).copied().unwrap_or(0),
        None => 0,
    };
    start..ends.get(index).copied().unwrap_or(start)
}

/// Splits one line into fields, unquoting them into `out` end to end and
/// recording where each ends in `ends`.
fn split(line: &[u8], out: &mut Vec<u8>, ends: &mut Vec<usize>) -> Result<(), RowProblem> {
    out.clear();
    ends.clear();
    let mut rest = line;
    loop {
        if let Some(quoted) = rest.strip_prefix(b"\"") {
            rest = quoted;
            loop {
                let Some(quote) = rest.iter().position(|&b| b == b'"') else {
                    return Err(RowProblem::UnterminatedQuote {
                        field: ends.len() + 1,
                    });
                };
                out.extend_from_slice(&rest[..quote]);
                rest = &rest[quote + 1..];
                match rest.strip_prefix(b"\"") {
                    Some(after) => {
                        out.push(b'"');
                        rest = after;
                    }
                    None => break,
                }
            }
        }
        // A plain field, or the text after a quoted field's closing quote.
        let Some(comma) = rest.iter().position(|&b| b == b',') else {
            out.extend_from_slice(rest);
            ends.push(out.len());
            return Ok(());
        };
        out.extend_from_slice(&rest[..comma]);
        ends.push(out.len());
        rest = &rest[comma + 1..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::vec;

    fn fields(line: &str) -> Result<Vec<String>, RowProblem> {
        let (mut out, mut ends) = (Vec::new(), Vec::new());
        split(line.as_bytes(), &mut out, &mut ends)?;
        Ok((0..ends.len())
            .map(|i| String::from_utf8_lossy(&out[field_range(&ends, i)]).into_owned())
            .collect())
    }

    #[test]
    fn splits_plain_and_quoted_fields() {
        assert_eq!(fields("a,b,c").unwrap(), vec!["a", "b", "c"]);
        assert_eq!(fields("").unwrap(), vec![""]);
        assert_eq!(fields("a,,").unwrap(), vec!["a", "", ""]);
        assert_eq!(fields("\"x, \"\"y\"\"\",z").unwrap(), vec!["x, \"y\"", "z"]);
        assert_eq!(fields("\"\",\"a\"b").unwrap(), vec!["", "ab"]);
        assert_eq!(fields("a\"b,c").unwrap(), vec!["a\"b", "c"]);
    }

    #[test]
    fn reports_unterminated_quotes() {
        assert_eq!(
            fields("a,\"b").unwrap_err(),
            RowProblem::UnterminatedQuote { field: 2 }
        );
        assert_eq!(
            fields("\"a\"\"").unwrap_err(),
            RowProblem::UnterminatedQuote { field: 1 }
        );
    }

    #[test]
    fn long_lines_are_skipped_not_kept() {
        let mut csv = String::from("id,code,dos\n1,");
        csv.extend(core::iter::repeat_n('x', MAX_LINE));
        csv.push_str(",2026-01-01\n2,D0120,2026-01-01\n");
        let mut checker = ClaimChecker::new(csv.as_bytes()).unwrap();
        assert!(matches!(
            checker.next_line(),
            Some(Err(LineError::Malformed(MalformedRow {
                line: 2,
                problem: RowProblem::TooLong { .. }
            })))
        ));
        assert!(checker.next_line().unwrap().unwrap().is_valid());
        assert_eq!(checker.summary().malformed_rows, 1);
    }

    #[test]
    fn non_utf8_outside_the_used_columns_is_fine() {
        let csv = b"id,note,code,dos\n1,caf\xE9,D0120,2026-01-01\n2,x,D01\xE9,2026-01-01\n";
        let mut checker = ClaimChecker::new(&csv[..]).unwrap();
        assert!(checker.next_line().unwrap().unwrap().is_valid());
        assert!(matches!(
            checker.next_line(),
            Some(Err(LineError::Malformed(MalformedRow {
                line: 3,
                problem: RowProblem::NotUtf8 {
                    column: Column::Code
                }
            })))
        ));
    }

    #[test]
    fn io_errors_stop_the_checker() {
        struct Failing;
        impl io::Read for Failing {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::other("disk on fire"))
            }
        }
        let header = io::BufReader::new(io::Read::chain("id,code,dos\n".as_bytes(), Failing));
        let mut checker = ClaimChecker::new(header).unwrap();
        assert!(matches!(
            checker.next_line(),
            Some(Err(LineError::Io { line: 2, .. }))
        ));
        assert!(checker.next_line().is_none());
    }
}
