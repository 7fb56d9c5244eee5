//! What can go wrong reading a claims file: the file as a whole (its
//! header, or the X12 envelope), or one row or segment of it.

use core::fmt;
use std::io;
use std::string::String;
use std::vec::Vec;

use super::columns::ClaimColumn;
use super::kind::FileKind;
use super::x12::X12Error;
use crate::dataset::delimited::RowError;

/// Why a claims file cannot be checked at all.
///
/// ```
/// use cdt_codes::claims::{ClaimChecker, HeaderError};
///
/// let error = ClaimChecker::new("id\tnotes\n1\tx\n".as_bytes()).unwrap_err();
/// assert!(matches!(error, HeaderError::MissingColumn { .. }));
/// assert!(error.to_string().starts_with("the header has no procedure_code column"));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HeaderError {
    /// The file is empty.
    #[error("the claims file is empty: expected a header row, or an X12 interchange")]
    Empty,
    /// The header row cannot be read.
    #[error("the header row cannot be read: {0}")]
    Malformed(RowError),
    /// A required column is missing.
    #[error("the header has no {} column{}; it reads: {}{}", .column, Wanted(.wanted.as_deref()), HeaderText(.header), NoHeader(.header))]
    MissingColumn {
        /// The column missing.
        column: ClaimColumn,
        /// The header name the caller chose for it, if any.
        wanted: Option<String>,
        /// The header as read.
        header: Vec<String>,
    },
    /// Two header cells name the same column.
    #[error("the header names the {column} column twice: {first:?} and {second:?}")]
    DuplicateColumn {
        /// The column named twice.
        column: ClaimColumn,
        /// The first header cell.
        first: String,
        /// The second header cell.
        second: String,
    },
    /// The X12 interchange cannot be opened (no `ISA`, bad delimiters).
    #[error("the X12 interchange cannot be read: {0}")]
    X12(X12Error),
    /// The file is an X12 interchange, but not of 837 dental claims.
    #[error("the file is not an 837 dental claim: it holds {found}")]
    NotDental {
        /// What the file holds, in words, from
        /// [`transaction_name`](super::x12::transaction_name).
        found: String,
    },
    /// The file is of a kind the checker does not read (a workbook, a PDF,
    /// JSON, XML, UTF-16 without its byte-order mark, compressed data),
    /// told from its first bytes; the message says what to do instead.
    #[error("the file is {0}, which the checker does not read: {remedy}", remedy = .0.remedy())]
    Unreadable(FileKind),
    /// Reading failed.
    #[error("reading the claims file: {0}")]
    Io(#[from] io::Error),
}

struct Wanted<'a>(Option<&'a str>);

impl fmt::Display for Wanted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(name) => write!(f, " (looked for {name:?})"),
            None => Ok(()),
        }
    }
}

struct HeaderText<'a>(&'a [String]);

impl fmt::Display for HeaderText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, cell) in self.0.iter().enumerate() {
            let lead = if index == 0 { "" } else { " | " };
            write!(f, "{lead}{cell}")?;
        }
        Ok(())
    }
}

/// When a cell of what was read as the header is a CDT code (a file of
/// `code<TAB>fee` lines, as Open Dental's fee schedule import is): says the
/// file seems to have no header row.
struct NoHeader<'a>(&'a [String]);

impl fmt::Display for NoHeader<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = self
            .0
            .iter()
            .map(|cell| cell.trim())
            .find(|cell| cell.parse::<crate::CdtCode>().is_ok());
        match code {
            Some(code) => write!(
                f,
                " ({code} is a code: the file seems to have no header row naming its columns)"
            ),
            None => Ok(()),
        }
    }
}

/// A row or segment that cannot be read: it is reported, counted as
/// unreadable and skipped, and reading goes on (except after an I/O
/// error).
///
/// ```
/// use cdt_codes::claims::{ClaimChecker, LineError};
///
/// let csv = "code,dos\nD0120,2026-01-15,extra\n";
/// let error = ClaimChecker::new(csv.as_bytes())?.next().unwrap().unwrap_err();
/// assert!(matches!(error, LineError::FieldCount { line: 2, expected: 2, found: 3 }));
/// # Ok::<(), cdt_codes::claims::HeaderError>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LineError {
    /// A delimited row that cannot be read (a stray quote, bad UTF-8, a
    /// line too long).
    #[error("{0}; row skipped")]
    Row(RowError),
    /// A delimited row with more or fewer fields than the header.
    #[error("line {line}: {found} fields where the header has {expected}; row skipped")]
    FieldCount {
        /// The file line of the row.
        line: u64,
        /// Fields in the header.
        expected: usize,
        /// Fields in the row.
        found: usize,
    },
    /// A malformed X12 segment (or one out of place).
    // A transaction of another kind says itself that it is skipped.
    #[error("{0}{skipped}", skipped = if matches!(.0, X12Error::NotDental { .. }) { "" } else { "; segment skipped" })]
    Segment(X12Error),
}

impl LineError {
    /// The file line (delimited) or segment number (X12) the error is
    /// about.
    ///
    /// ```
    /// use cdt_codes::claims::ClaimChecker;
    ///
    /// let csv = "code,dos\n\"D0120,2026-01-15\n";
    /// let error = ClaimChecker::new(csv.as_bytes())?.next().unwrap().unwrap_err();
    /// assert_eq!(error.position(), 2);
    /// # Ok::<(), cdt_codes::claims::HeaderError>(())
    /// ```
    #[must_use]
    pub fn position(&self) -> u64 {
        match self {
            LineError::Row(error) => error.line(),
            LineError::FieldCount { line, .. } => *line,
            LineError::Segment(error) => error.segment(),
        }
    }

    /// Whether reading failed (after which the checker stops), rather than
    /// one row or segment being bad.
    ///
    /// ```
    /// use cdt_codes::claims::ClaimChecker;
    ///
    /// let csv = "code,dos\n\"D0120,2026-01-15\n";
    /// let error = ClaimChecker::new(csv.as_bytes())?.next().unwrap().unwrap_err();
    /// assert!(!error.is_io());
    /// # Ok::<(), cdt_codes::claims::HeaderError>(())
    /// ```
    #[must_use]
    pub fn is_io(&self) -> bool {
        match self {
            LineError::Row(error) => error.is_io(),
            LineError::Segment(X12Error::Io { .. }) => true,
            _ => false,
        }
    }
}
