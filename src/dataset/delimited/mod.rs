//! One reader for delimited text, code data files and claim files alike,
//! and one matcher for their header rows ([`match_header`]).
//!
//! The module is the crate's own: [`Delimiter`], [`UnknownDelimiter`] and
//! [`RowError`] are public (as `dataset::Delimiter`, `dataset::RowError`),
//! the reader is not. Its parts: `reader` (the [`Reader`] and the rows it
//! lends), `header` (header names and the matcher), and the unit tests.
//!
//! # The format
//!
//! - Fields are separated by one [`Delimiter`] byte: comma, tab, semicolon
//!   or pipe.
//! - Lines end with `\n` or `\r\n`. A lone `\r` inside a line is data.
//! - A field whose first byte is `"` is quoted: it runs to the next `"`
//!   that is not doubled, `""` stands for one `"`, and the delimiter is
//!   data inside it. Nothing inside the quotes is trimmed. Text after the
//!   closing quote, up to the next delimiter, is kept as written (as
//!   spreadsheet programs do): `"a"b` reads as `ab`. A `"` inside a field
//!   that does not start with one is an ordinary character.
//! - Whether a quoted field may run over a line break is the
//!   [`QuotePolicy`]: data files allow it; claim files allow it only when
//!   the field closes cleanly within a few lines (a note with line breaks,
//!   as spreadsheets and databases write one), so a stray quote costs one
//!   row ([`RowError::UnterminatedQuote`]) and reading goes on at the next
//!   line.
//! - A UTF-8 byte-order mark at the start of the input is dropped. All text
//!   must be UTF-8 ([`RowError::NotUtf8`] names the line and column).
//! - Blank lines (empty, or only spaces, tabs, `\r` and the DOS end-of-file
//!   mark Ctrl-Z, which Windows' `copy /a` ends a file with) are skipped; they
//!   still count as lines. With a tab delimiter a line of tabs alone is
//!   therefore skipped too.
//! - The reader does not judge how many fields a row has: a ragged row is
//!   returned as it is and the caller decides.
//!
//! # Memory and speed
//!
//! [`Reader`] keeps two byte buffers (the current line and the current
//! record's unquoted fields) plus one `usize` per field, and reuses them
//! from record to record: after the first records, reading allocates
//! nothing. A line that lies whole in the input's own buffer (nearly every
//! line of a file or a slice in memory) is read there: a plain one (ASCII,
//! no quote) is lent from it as it stands, its delimiters found eight bytes
//! a step; one with quotes is unquoted into the field buffer. Other lines
//! (line 1, blank ones, lines cut by the end of the input's buffer, lines
//! with other bytes, lines past the limit) are copied to the line buffer
//! first, and every line reads the same either way (a unit test compares
//! the two on generated lines; the fuzz target compares whole inputs with
//! inputs handed over a few bytes at a time). A record longer than the
//! limit (1 MiB unless [`Reader::with_limit`] says otherwise; line breaks
//! inside quoted fields count) is reported as [`RowError::TooLong`] and
//! the rest of its line is skipped without being stored, so each buffer
//! stays within the limit (plus two bytes) whatever the input.
//!
//! Every item here needs `std` only for [`std::io::BufRead`] and
//! [`std::io::Error`] ([`Reader`], [`RowError`]); [`Delimiter`],
//! [`QuotePolicy`], [`BorrowedRow`] and [`normalise_header`] use
//! `core` and `alloc` alone.

use alloc::string::{String, ToString};
use core::fmt;
use core::str::FromStr;
use std::io;

mod header;
mod reader;
#[cfg(test)]
mod tests;

pub(crate) use header::{match_header, match_header_looked_up, normalise_header, HeaderMatch};
pub(crate) use reader::windows_1252_byte;
pub use reader::{BorrowedRow, Reader};

/// The default longest record, in bytes: 1 MiB.
pub const DEFAULT_LIMIT: usize = 1024 * 1024;

/// A UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The byte that separates fields.
///
/// ```
/// # use cdt_codes::dataset::Delimiter;
/// assert_eq!("tab".parse::<Delimiter>().unwrap(), Delimiter::Tab);
/// assert_eq!(Delimiter::Pipe.as_byte(), b'|');
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Delimiter {
    /// `,`
    Comma,
    /// A tab character.
    Tab,
    /// `;`
    Semicolon,
    /// `|`
    Pipe,
}

impl Delimiter {
    /// All four delimiters, in the order [`detect`](Self::detect) counts
    /// them.
    pub const ALL: [Delimiter; 4] = [
        Delimiter::Comma,
        Delimiter::Tab,
        Delimiter::Semicolon,
        Delimiter::Pipe,
    ];

    /// The delimiter byte.
    #[must_use]
    pub const fn as_byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Tab => b'\t',
            Delimiter::Semicolon => b';',
            Delimiter::Pipe => b'|',
        }
    }

    /// The delimiter's name: `comma`, `tab`, `semicolon` or `pipe`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Delimiter::Comma => "comma",
            Delimiter::Tab => "tab",
            Delimiter::Semicolon => "semicolon",
            Delimiter::Pipe => "pipe",
        }
    }

    /// Guesses the delimiter from a header line.
    ///
    /// Only the first line is looked at (up to the first `\n`), after a
    /// leading byte-order mark. Each of the four delimiters is counted
    /// outside double quotes (every `"` toggles being inside quotes, so a
    /// doubled `""` changes nothing). The most frequent one wins.
    ///
    /// `None` when no delimiter occurs (a one-column file: the caller picks
    /// a default) or when two or more delimiters tie for the highest count
    /// (ambiguous: the caller should fall back on the file extension or an
    /// explicit choice).
    ///
    /// ```
    /// # use cdt_codes::dataset::Delimiter;
    /// assert_eq!(Delimiter::detect(b"code;name;\"a,b,c\""), Some(Delimiter::Semicolon));
    /// assert_eq!(Delimiter::detect(b"code"), None);
    /// assert_eq!(Delimiter::detect(b"a,b|c"), None);
    /// ```
    #[must_use]
    pub fn detect(header_line: &[u8]) -> Option<Delimiter> {
        let line = header_line.strip_prefix(BOM).unwrap_or(header_line);
        let line = match line.iter().position(|&b| b == b'\n') {
            Some(end) => &line[..end],
            None => line,
        };
        let mut counts = [0_usize; 4];
        let mut quoted = false;
        for &byte in line {
            if byte == b'"' {
                quoted = !quoted;
            } else if !quoted {
                if let Some(index) = Delimiter::ALL.iter().position(|d| d.as_byte() == byte) {
                    counts[index] += 1;
                }
            }
        }
        let best = counts.iter().copied().max().unwrap_or(0);
        if best == 0 || counts.iter().filter(|&&count| count == best).count() > 1 {
            return None;
        }
        counts
            .iter()
            .position(|&count| count == best)
            .map(|index| Delimiter::ALL[index])
    }
}

impl fmt::Display for Delimiter {
    /// The name, as [`name`](Delimiter::name).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A delimiter name that [`Delimiter::from_str`] does not know.
///
/// ```
/// use cdt_codes::dataset::{Delimiter, UnknownDelimiter};
///
/// let error = "colon".parse::<Delimiter>().unwrap_err();
/// assert_eq!(error, UnknownDelimiter("colon".into()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown delimiter {0:?}: use comma, tab, semicolon or pipe")]
pub struct UnknownDelimiter(pub String);

impl FromStr for Delimiter {
    type Err = UnknownDelimiter;

    /// Reads `comma` or `,`, `tab`, a tab character or the two characters
    /// `\t`, `semicolon` or `;`, `pipe` or `|`. Names are matched in any
    /// ASCII case, surrounding spaces ignored.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text == "\t" {
            return Ok(Delimiter::Tab);
        }
        let trimmed = text.trim();
        let found = match trimmed {
            "," => Some(Delimiter::Comma),
            "\\t" => Some(Delimiter::Tab),
            ";" => Some(Delimiter::Semicolon),
            "|" => Some(Delimiter::Pipe),
            _ => Delimiter::ALL
                .into_iter()
                .find(|d| d.name().eq_ignore_ascii_case(trimmed)),
        };
        found.ok_or_else(|| UnknownDelimiter(text.to_string()))
    }
}

/// Whether a quoted field may continue past the end of its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuotePolicy {
    /// A quoted field may hold line breaks (kept as written, `\n` or
    /// `\r\n`); the record then spans several lines. For data files.
    AcrossLines,
    /// A quoted field may hold line breaks only when it closes within
    /// [`NEARBY_LINES`] more lines and its closing quote is followed by the
    /// delimiter or the end of its line (RFC 4180's form: a note with line
    /// breaks, as spreadsheets and databases write it). Otherwise the quote
    /// left open is a stray one: [`RowError::UnterminatedQuote`] for the
    /// record's first line, and reading goes on at the line after it (the
    /// lines read ahead are read again). For claim files, where a stray
    /// quote must cost one row, not the rows up to the next quote.
    ClosedNearby,
}

/// The most lines after its first that a record may run over under
/// [`QuotePolicy::ClosedNearby`].
pub const NEARBY_LINES: usize = 100;

/// Why a row of a delimited file cannot be read, as a claims file's
/// [`LineError::Row`](crate::claims::LineError::Row) reports it.
///
/// Every variant but [`Io`](RowError::Io) costs one row: the reader skips
/// it and goes on with the next line. After `Io` the reader stops.
///
/// ```
/// use cdt_codes::claims::{ClaimChecker, LineError};
/// use cdt_codes::dataset::RowError;
///
/// let csv = "code,dos\n\"D0120,2026-01-15\nD0140,2026-01-15\n";
/// let mut lines = ClaimChecker::new(csv.as_bytes())?;
/// let error = lines.next().unwrap().unwrap_err();
/// assert!(matches!(
///     error,
///     LineError::Row(RowError::UnterminatedQuote { line: 2, field: 1 })
/// ));
/// assert!(lines.next().unwrap().is_ok()); // the next row is read
/// # Ok::<(), cdt_codes::claims::HeaderError>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RowError {
    /// The record is longer than the reader's limit; the rest of the line
    /// it was on is skipped unread.
    #[error("line {line}: the record is longer than {limit} bytes")]
    TooLong {
        /// The line the record starts on.
        line: u64,
        /// The limit in force, in bytes.
        limit: usize,
    },
    /// The text is not UTF-8.
    #[error("line {line}, column {column}: the text is not valid UTF-8")]
    NotUtf8 {
        /// The line holding the first invalid byte.
        line: u64,
        /// Its column: characters before it on its line, plus one.
        column: usize,
    },
    /// A quoted field is not closed: before the end of its line (in a
    /// claims file, where a row is one line) or of the input (in a data
    /// file, where a quoted field may hold line breaks).
    #[error("line {line}: unterminated quote in field {field}")]
    UnterminatedQuote {
        /// The line the record starts on.
        line: u64,
        /// The field, counting from 1.
        field: usize,
    },
    /// Reading failed; the reader stops.
    #[error("line {line}: reading failed: {source}")]
    Io {
        /// The line being read.
        line: u64,
        /// The error from the underlying reader.
        source: io::Error,
    },
}

impl RowError {
    /// The line the error is about.
    #[must_use]
    pub fn line(&self) -> u64 {
        match self {
            RowError::TooLong { line, .. }
            | RowError::NotUtf8 { line, .. }
            | RowError::UnterminatedQuote { line, .. }
            | RowError::Io { line, .. } => *line,
        }
    }

    /// Whether this is an I/O error, after which the reader gives nothing
    /// more.
    #[must_use]
    pub fn is_io(&self) -> bool {
        matches!(self, RowError::Io { .. })
    }
}
