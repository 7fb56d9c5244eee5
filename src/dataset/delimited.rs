//! One reader for delimited text: code data files and claim files alike.
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
//!   [`QuotePolicy`]: data files allow it; claim files do not, so a stray
//!   quote costs one row ([`RowError::UnterminatedQuote`]) and reading goes
//!   on at the next line.
//! - A UTF-8 byte-order mark at the start of the input is dropped. All text
//!   must be UTF-8 ([`RowError::NotUtf8`] names the line and column).
//! - Blank lines (empty, or only spaces, tabs and `\r`) are skipped; they
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
//! nothing. A record longer than the limit (1 MiB unless
//! [`Reader::with_limit`] says otherwise; line breaks inside quoted fields
//! count) is reported as [`RowError::TooLong`] and the rest of its line is
//! skipped without being stored, so each buffer stays within the limit
//! (plus two bytes) whatever the input.
//!
//! Every item here needs `std` only for [`std::io::BufRead`] and
//! [`std::io::Error`] ([`Reader`], [`RowError`]); [`Delimiter`],
//! [`QuotePolicy`], [`Record`] and [`normalise_header`] use
//! `core` and `alloc` alone.

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;
use core::str::FromStr;
use std::io::{self, BufRead};

/// The default longest record, in bytes: 1 MiB.
pub const DEFAULT_LIMIT: usize = 1024 * 1024;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The byte that separates fields.
///
/// ```
/// # use cdt_codes::dataset::delimited::Delimiter;
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
    /// # use cdt_codes::dataset::delimited::Delimiter;
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
    /// A record is one line: a quote still open at the end of the line is
    /// [`RowError::UnterminatedQuote`] and reading goes on at the next line.
    /// For claim files.
    WithinLine,
}

/// Why a record cannot be read.
///
/// Every variant but [`Io`](RowError::Io) costs one record: the reader
/// skips it and the next call goes on with the next line. After `Io` the
/// reader stops.
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
    /// A quoted field is not closed: before the end of its line
    /// ([`QuotePolicy::WithinLine`]) or of the input
    /// ([`QuotePolicy::AcrossLines`]).
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

/// One record: its fields, unquoted, borrowed from the [`Reader`] until
/// its next call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Record<'a> {
    line: u64,
    text: &'a str,
    ends: &'a [usize],
}

impl<'a> Record<'a> {
    /// The line the record starts on, counting from 1.
    #[must_use]
    pub fn line(&self) -> u64 {
        self.line
    }

    /// How many fields the record has (at least 1 for a record read from
    /// a [`Reader`]).
    #[must_use]
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the record has no fields (never true for a record read from
    /// a [`Reader`]).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Field `index` (from 0), unquoted and untrimmed.
    #[must_use]
    pub fn get(&self, index: usize) -> Option<&'a str> {
        let end = *self.ends.get(index)?;
        let start = match index.checked_sub(1) {
            Some(previous) => self.ends[previous],
            None => 0,
        };
        self.text.get(start..end)
    }

    /// The fields in order.
    #[must_use]
    pub fn iter(&self) -> Fields<'a> {
        Fields {
            text: self.text,
            ends: self.ends.iter(),
            start: 0,
        }
    }

    /// Whether every field is empty or only whitespace (such as the row
    /// `,,`): callers usually skip these like blank lines.
    #[must_use]
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

impl<'a> IntoIterator for &Record<'a> {
    type Item = &'a str;
    type IntoIter = Fields<'a>;

    fn into_iter(self) -> Fields<'a> {
        self.iter()
    }
}

impl<'a> IntoIterator for Record<'a> {
    type Item = &'a str;
    type IntoIter = Fields<'a>;

    fn into_iter(self) -> Fields<'a> {
        self.iter()
    }
}

/// The fields of a [`Record`], from [`Record::iter`].
#[derive(Debug, Clone)]
pub struct Fields<'a> {
    text: &'a str,
    ends: core::slice::Iter<'a, usize>,
    start: usize,
}

impl<'a> Iterator for Fields<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let end = *self.ends.next()?;
        let field = self.text.get(self.start..end).unwrap_or("");
        self.start = end;
        Some(field)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.ends.size_hint()
    }
}

impl ExactSizeIterator for Fields<'_> {}

/// Reads records from delimited text; see the [module](self) docs.
///
/// ```
/// # use cdt_codes::dataset::delimited::{Delimiter, QuotePolicy, Reader};
/// let text = "code,note\r\nD0120,\"a, b\"\r\n\r\nD0140,\"say \"\"hi\"\"\"\r\n";
/// let mut reader = Reader::new(text.as_bytes(), Delimiter::Comma, QuotePolicy::WithinLine);
/// let header = reader.next_record().unwrap().unwrap();
/// assert_eq!(header.iter().collect::<Vec<_>>(), ["code", "note"]);
/// let row = reader.next_record().unwrap().unwrap();
/// assert_eq!((row.line(), row.get(1)), (2, Some("a, b")));
/// let row = reader.next_record().unwrap().unwrap();
/// assert_eq!((row.line(), row.get(1)), (4, Some("say \"hi\"")));
/// assert!(reader.next_record().is_none());
/// ```
#[derive(Debug)]
pub struct Reader<R> {
    inner: R,
    delimiter: u8,
    policy: QuotePolicy,
    limit: usize,
    /// Lines consumed so far.
    line: u64,
    /// The current line, without its line ending.
    raw: Vec<u8>,
    /// The current record's fields, unquoted, end to end.
    text: String,
    /// Where each field ends in `text`.
    ends: Vec<usize>,
    record_line: u64,
    done: bool,
    /// Lines that are not UTF-8 are read as Windows-1252 (claims exports
    /// from older software) instead of failing.
    windows_1252: bool,
    /// A line decoded from Windows-1252.
    decoded: String,
}

/// What [`Reader::read_line`] found.
enum Line {
    End,
    Read { crlf: bool },
    TooLong,
}

/// Where a line's parse stopped.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// At the start of a field (and of the record, before any line).
    FieldStart,
    /// Inside a quoted field that the line left open.
    Quoted,
}

impl<R: BufRead> Reader<R> {
    /// A reader of `inner` with the 1 MiB default limit.
    pub fn new(inner: R, delimiter: Delimiter, policy: QuotePolicy) -> Self {
        Reader {
            inner,
            delimiter: delimiter.as_byte(),
            policy,
            limit: DEFAULT_LIMIT,
            line: 0,
            raw: Vec::new(),
            text: String::new(),
            ends: Vec::new(),
            record_line: 0,
            done: false,
            windows_1252: false,
            decoded: String::new(),
        }
    }

    /// Reads a line that is not UTF-8 as Windows-1252 (a superset of
    /// Latin-1 as spreadsheets write it) instead of failing with
    /// [`RowError::NotUtf8`]: for claims exports, where a name with `é`
    /// written by older software must not cost the row.
    ///
    /// ```
    /// use cdt_codes::dataset::delimited::{QuotePolicy, Reader};
    /// use cdt_codes::dataset::Delimiter;
    ///
    /// let bytes = b"name,code\nRen\xe9e,D0120\n";
    /// let mut reader = Reader::new(&bytes[..], Delimiter::Comma, QuotePolicy::WithinLine)
    ///     .windows_1252_fallback(true);
    /// reader.next_record();
    /// let row = reader.next_record().unwrap()?;
    /// assert_eq!(row.get(0), Some("Renée"));
    /// # Ok::<(), cdt_codes::dataset::delimited::RowError>(())
    /// ```
    #[must_use]
    pub fn windows_1252_fallback(mut self, on: bool) -> Self {
        self.windows_1252 = on;
        self
    }

    /// Sets the longest record, in bytes (at least 1); longer ones give
    /// [`RowError::TooLong`].
    #[must_use]
    pub fn with_limit(mut self, limit: usize) -> Self {
        self.limit = limit.max(1);
        self
    }

    /// The longest record read, in bytes.
    #[must_use]
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Lines consumed so far (blank lines included).
    #[must_use]
    pub fn lines_read(&self) -> u64 {
        self.line
    }

    /// Bytes of buffer the reader holds now, for checking that memory
    /// stays bounded: the capacity of its line and field buffers plus that
    /// of its field-end list.
    #[must_use]
    pub fn buffer_capacity(&self) -> usize {
        self.raw.capacity()
            + self.text.capacity()
            + self.ends.capacity() * core::mem::size_of::<usize>()
    }

    /// Gives back the underlying reader.
    pub fn into_inner(self) -> R {
        self.inner
    }

    /// The next record, an error for a record that cannot be read (call
    /// again for the next one), or `None` at the end of the input or after
    /// an I/O error.
    ///
    /// # Errors
    ///
    /// [`RowError`]; only [`RowError::Io`] ends the reading.
    pub fn next_record(&mut self) -> Option<Result<Record<'_>, RowError>> {
        if self.done {
            return None;
        }
        match self.fill_record() {
            Ok(true) => Some(Ok(Record {
                line: self.record_line,
                text: &self.text,
                ends: &self.ends,
            })),
            Ok(false) => {
                self.done = true;
                None
            }
            Err(error) => {
                if error.is_io() {
                    self.done = true;
                }
                Some(Err(error))
            }
        }
    }

    /// Reads the next non-blank record into `text` and `ends`: `false` at
    /// the end of the input.
    fn fill_record(&mut self) -> Result<bool, RowError> {
        loop {
            let crlf = match self.read_line(self.limit)? {
                Line::End => return Ok(false),
                Line::TooLong => {
                    return Err(RowError::TooLong {
                        line: self.line,
                        limit: self.limit,
                    })
                }
                Line::Read { crlf } => crlf,
            };
            if self.raw.iter().all(|&b| matches!(b, b' ' | b'\t' | b'\r')) {
                continue;
            }
            self.record_line = self.line;
            self.text.clear();
            self.ends.clear();
            return self.parse_record(crlf).map(|()| true);
        }
    }

    /// Parses the record whose first line is in `raw`, reading more lines
    /// while a quoted field stays open under [`QuotePolicy::AcrossLines`].
    fn parse_record(&mut self, mut crlf: bool) -> Result<(), RowError> {
        let mut used = self.raw.len();
        let mut state = State::FieldStart;
        loop {
            let Reader {
                raw,
                text,
                ends,
                delimiter,
                limit,
                line,
                windows_1252,
                decoded,
                ..
            } = self;
            let line_text = match core::str::from_utf8(raw) {
                Ok(line_text) => line_text,
                Err(_) if *windows_1252 => {
                    decode_windows_1252(raw, decoded);
                    decoded.as_str()
                }
                Err(error) => {
                    return Err(RowError::NotUtf8 {
                        line: *line,
                        column: raw[..error.valid_up_to()]
                            .iter()
                            .filter(|&&b| b & 0xC0 != 0x80)
                            .count()
                            + 1,
                    })
                }
            };
            reserve_capped(text, line_text.len(), *limit);
            state = split_line(line_text, *delimiter, state, text, ends);
            if state == State::FieldStart {
                return Ok(());
            }
            let unterminated = RowError::UnterminatedQuote {
                line: self.record_line,
                field: self.ends.len() + 1,
            };
            if self.policy == QuotePolicy::WithinLine {
                return Err(unterminated);
            }
            let line_break = if crlf { "\r\n" } else { "\n" };
            used += line_break.len();
            let too_long = RowError::TooLong {
                line: self.record_line,
                limit: self.limit,
            };
            // Out of room at a line break: the record ends here and reading
            // goes on at the next line.
            let Some(room) = self.limit.checked_sub(used) else {
                return Err(too_long);
            };
            reserve_capped(&mut self.text, line_break.len(), self.limit);
            self.text.push_str(line_break);
            crlf = match self.read_line(room)? {
                Line::End => return Err(unterminated),
                Line::TooLong => return Err(too_long),
                Line::Read { crlf } => crlf,
            };
            used += self.raw.len();
        }
    }

    /// Reads the next line into `raw` without its line ending (and without
    /// a byte-order mark on line 1), keeping at most `room` bytes: a longer
    /// line is consumed to its end and reported as [`Line::TooLong`].
    fn read_line(&mut self, room: usize) -> Result<Line, RowError> {
        self.raw.clear();
        let mut read_any = false;
        let mut too_long = false;
        // One byte of slack for the `\r` of a `\r\n` ending.
        let keep = room.saturating_add(1);
        loop {
            let available = match self.inner.fill_buf() {
                Ok(bytes) => bytes,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(source) => {
                    return Err(RowError::Io {
                        line: self.line + 1,
                        source,
                    })
                }
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
                // The BOM is allowed beyond the limit.
                let allowance = if self.line == 0 { BOM.len() } else { 0 };
                if self.raw.len() + chunk.len() > keep + allowance {
                    too_long = true;
                    self.raw.clear();
                } else {
                    reserve_capped_bytes(&mut self.raw, chunk.len(), keep + allowance);
                    self.raw.extend_from_slice(chunk);
                }
            }
            self.inner.consume(used);
            if ended {
                break;
            }
        }
        if !read_any {
            return Ok(Line::End);
        }
        if self.line == 0 && self.raw.starts_with(BOM) {
            self.raw.drain(..BOM.len());
        }
        self.line += 1;
        if too_long {
            return Ok(Line::TooLong);
        }
        let crlf = self.raw.last() == Some(&b'\r');
        if crlf {
            self.raw.pop();
        }
        if self.raw.len() > room {
            self.raw.clear();
            return Ok(Line::TooLong);
        }
        Ok(Line::Read { crlf })
    }
}

/// Splits one line (or the part of a record on one line) into `text` and
/// `ends`, starting in `state`; gives the state at the end of the line.
fn split_line(
    line: &str,
    delimiter: u8,
    mut state: State,
    text: &mut String,
    ends: &mut Vec<usize>,
) -> State {
    let bytes = line.as_bytes();
    let mut at = 0;
    loop {
        if state == State::Quoted {
            let Some(offset) = bytes[at..].iter().position(|&b| b == b'"') else {
                text.push_str(&line[at..]);
                return State::Quoted;
            };
            let quote = at + offset;
            text.push_str(&line[at..quote]);
            if bytes.get(quote + 1) == Some(&b'"') {
                text.push('"');
                at = quote + 2;
                continue;
            }
            // Closed: what follows up to the delimiter is kept as written.
            at = quote + 1;
        } else if bytes.get(at) == Some(&b'"') {
            state = State::Quoted;
            at += 1;
            continue;
        }
        state = State::FieldStart;
        let Some(offset) = bytes[at..].iter().position(|&b| b == delimiter) else {
            text.push_str(&line[at..]);
            ends.push(text.len());
            return State::FieldStart;
        };
        text.push_str(&line[at..at + offset]);
        ends.push(text.len());
        at += offset + 1;
    }
}

/// Makes room for `additional` more bytes in `text`, growing by doubling
/// but never past `cap` (unless the bytes themselves need more).
fn reserve_capped(text: &mut String, additional: usize, cap: usize) {
    let needed = text.len() + additional;
    if needed > text.capacity() {
        let target = text.capacity().saturating_mul(2).min(cap).max(needed);
        text.reserve_exact(target - text.len());
    }
}

/// [`reserve_capped`] for bytes.
fn reserve_capped_bytes(bytes: &mut Vec<u8>, additional: usize, cap: usize) {
    let needed = bytes.len() + additional;
    if needed > bytes.capacity() {
        let target = bytes.capacity().saturating_mul(2).min(cap).max(needed);
        bytes.reserve_exact(target - bytes.len());
    }
}

/// A header name in a form that compares loosely: surrounding whitespace
/// and a byte-order mark removed, lower case, every run of `_`, `-`, `.`
/// and whitespace made one `_`, and camelCase words split with `_`.
///
/// ```
/// # use cdt_codes::dataset::delimited::normalise_header;
/// assert_eq!(normalise_header("\u{feff} Date of -- Service "), "date_of_service");
/// assert_eq!(normalise_header("CDT_Code"), "cdt_code");
/// assert_eq!(normalise_header("procedureCode"), "procedure_code");
/// assert_eq!(normalise_header("ProcCode"), "proc_code");
/// assert_eq!(normalise_header("CDTCode"), "cdt_code");
/// assert_eq!(normalise_header("DOS"), "dos");
/// ```
#[must_use]
pub fn normalise_header(name: &str) -> String {
    let name = name.trim().trim_start_matches('\u{feff}').trim();
    let mut out = String::with_capacity(name.len() + 4);
    let mut gap = false;
    let mut previous: Option<char> = None;
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '_' || c == '-' || c == '.' || c.is_whitespace() {
            gap = true;
            previous = None;
            continue;
        }
        // camelCase and PascalCase words: `procedureCode`, `ProcCode`,
        // `CDTCode` split where a capital starts a new word.
        let next_is_lower = chars.peek().is_some_and(|next| next.is_lowercase());
        let starts_word = c.is_uppercase()
            && previous.is_some_and(|p| {
                p.is_lowercase() || p.is_ascii_digit() || (p.is_uppercase() && next_is_lower)
            });
        if gap || (starts_word && !out.is_empty()) {
            out.push('_');
            gap = false;
        }
        out.extend(c.to_lowercase());
        previous = Some(c);
    }
    out
}

/// The characters Windows-1252 puts at 0x80 to 0x9F (where Latin-1 has
/// control codes); `\u{FFFD}` for the five bytes it leaves undefined.
const WINDOWS_1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{FFFD}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{FFFD}', '\u{017D}', '\u{FFFD}',
    '\u{FFFD}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{FFFD}', '\u{017E}', '\u{0178}',
];

/// Decodes Windows-1252 bytes into `out` (cleared first): ASCII and
/// 0xA0 to 0xFF as the same code points, 0x80 to 0x9F by the table.
fn decode_windows_1252(bytes: &[u8], out: &mut String) {
    out.clear();
    out.extend(bytes.iter().map(|&byte| match byte {
        0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;
    use std::io::Read;

    fn all(
        text: &[u8],
        delimiter: Delimiter,
        policy: QuotePolicy,
    ) -> Vec<Result<(u64, Vec<String>), String>> {
        let mut reader = Reader::new(text, delimiter, policy);
        let mut out = Vec::new();
        while let Some(record) = reader.next_record() {
            out.push(
                record
                    .map(|r| (r.line(), r.iter().map(str::to_string).collect()))
                    .map_err(|e| e.to_string()),
            );
        }
        out
    }

    #[allow(clippy::unnecessary_wraps)]
    fn ok(line: u64, fields: &[&str]) -> Result<(u64, Vec<String>), String> {
        Ok((line, fields.iter().map(|f| (*f).to_string()).collect()))
    }

    #[test]
    fn reads_each_delimiter() {
        for (delimiter, text) in [
            (Delimiter::Comma, "a,b,c\n1,,3\n"),
            (Delimiter::Tab, "a\tb\tc\n1\t\t3\n"),
            (Delimiter::Semicolon, "a;b;c\n1;;3\n"),
            (Delimiter::Pipe, "a|b|c\n1||3"),
        ] {
            assert_eq!(
                all(text.as_bytes(), delimiter, QuotePolicy::WithinLine),
                vec![ok(1, &["a", "b", "c"]), ok(2, &["1", "", "3"])],
                "{delimiter}"
            );
        }
    }

    #[test]
    fn other_delimiters_are_data() {
        assert_eq!(
            all(b"a;b,c|d\te", Delimiter::Comma, QuotePolicy::WithinLine),
            vec![ok(1, &["a;b", "c|d\te"])]
        );
    }

    #[test]
    fn detects_delimiters() {
        assert_eq!(Delimiter::detect(b"a,b,c"), Some(Delimiter::Comma));
        assert_eq!(Delimiter::detect(b"a\tb,c\td"), Some(Delimiter::Tab));
        assert_eq!(Delimiter::detect(b"a;b;c,d"), Some(Delimiter::Semicolon));
        assert_eq!(Delimiter::detect(b"a|b|c"), Some(Delimiter::Pipe));
        assert_eq!(Delimiter::detect(b"\xEF\xBB\xBFa|b"), Some(Delimiter::Pipe));
        assert_eq!(
            Delimiter::detect(b"\"x,y,z\";b"),
            Some(Delimiter::Semicolon)
        );
        assert_eq!(Delimiter::detect(b"\"x\"\",y\"|b"), Some(Delimiter::Pipe));
        assert_eq!(Delimiter::detect(b"a|b\nc,d,e,f"), Some(Delimiter::Pipe));
        assert_eq!(Delimiter::detect(b"a,b;c"), None);
        assert_eq!(Delimiter::detect(b"single"), None);
        assert_eq!(Delimiter::detect(b""), None);
    }

    #[test]
    fn parses_delimiter_names() {
        for (text, want) in [
            ("comma", Delimiter::Comma),
            (",", Delimiter::Comma),
            ("TAB", Delimiter::Tab),
            ("\t", Delimiter::Tab),
            ("\\t", Delimiter::Tab),
            ("semicolon", Delimiter::Semicolon),
            (";", Delimiter::Semicolon),
            (" pipe ", Delimiter::Pipe),
            ("|", Delimiter::Pipe),
        ] {
            assert_eq!(text.parse::<Delimiter>(), Ok(want), "{text:?}");
        }
        let error = "colon".parse::<Delimiter>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "unknown delimiter \"colon\": use comma, tab, semicolon or pipe"
        );
        for d in Delimiter::ALL {
            assert_eq!(d.to_string().parse::<Delimiter>(), Ok(d));
        }
    }

    #[test]
    fn strips_bom_and_handles_crlf_and_blank_lines() {
        let text = b"\xEF\xBB\xBFcode,name\r\n\r\n  \t\r\nD0120,x\r\n\nD0140,y";
        assert_eq!(
            all(text, Delimiter::Comma, QuotePolicy::WithinLine),
            vec![
                ok(1, &["code", "name"]),
                ok(4, &["D0120", "x"]),
                ok(6, &["D0140", "y"])
            ]
        );
    }

    #[test]
    fn bom_only_at_start() {
        let text = b"a\n\xEF\xBB\xBFb\n";
        assert_eq!(
            all(text, Delimiter::Comma, QuotePolicy::WithinLine),
            vec![ok(1, &["a"]), ok(2, &["\u{feff}b"])]
        );
    }

    #[test]
    fn quoted_fields() {
        let text = "\"a,b\",\"say \"\"hi\"\"\",\"\",\"x\"tail,mid\"dle,\" keep \"";
        assert_eq!(
            all(text.as_bytes(), Delimiter::Comma, QuotePolicy::WithinLine),
            vec![ok(
                1,
                &["a,b", "say \"hi\"", "", "xtail", "mid\"dle", " keep "]
            )]
        );
        let text = "\"a|b\"|c\n\"\t\"\t1";
        assert_eq!(
            all(text.as_bytes(), Delimiter::Pipe, QuotePolicy::WithinLine),
            vec![ok(1, &["a|b", "c"]), ok(2, &["\t\t1"])]
        );
        assert_eq!(
            all(b"\"\t\"\t1", Delimiter::Tab, QuotePolicy::WithinLine),
            vec![ok(1, &["\t", "1"])]
        );
    }

    #[test]
    fn quotes_across_lines() {
        let text = "id,note\n1,\"two\r\nlines, \"\"quoted\"\"\"\n2,x\n";
        assert_eq!(
            all(text.as_bytes(), Delimiter::Comma, QuotePolicy::AcrossLines),
            vec![
                ok(1, &["id", "note"]),
                ok(2, &["1", "two\r\nlines, \"quoted\""]),
                ok(4, &["2", "x"])
            ]
        );
        // The same text under the claims policy: one bad row, then on.
        assert_eq!(
            all(text.as_bytes(), Delimiter::Comma, QuotePolicy::WithinLine),
            vec![
                ok(1, &["id", "note"]),
                Err("line 2: unterminated quote in field 2".into()),
                ok(3, &["lines", " \"\"quoted\"\"\""]),
                ok(4, &["2", "x"])
            ]
        );
    }

    #[test]
    fn blank_line_inside_quotes_is_data() {
        let text = "a,\"x\n\ny\",b\n";
        assert_eq!(
            all(text.as_bytes(), Delimiter::Comma, QuotePolicy::AcrossLines),
            vec![ok(1, &["a", "x\n\ny", "b"])]
        );
    }

    #[test]
    fn unterminated_quote_at_end_of_input() {
        let text = "a,b\n1,\"open\nmore\n";
        assert_eq!(
            all(text.as_bytes(), Delimiter::Comma, QuotePolicy::AcrossLines),
            vec![
                ok(1, &["a", "b"]),
                Err("line 2: unterminated quote in field 2".into())
            ]
        );
    }

    #[test]
    fn ragged_rows_are_returned_as_they_are() {
        assert_eq!(
            all(
                b"a,b,c\n1\n1,2,3,4\n,,\n",
                Delimiter::Comma,
                QuotePolicy::WithinLine
            ),
            vec![
                ok(1, &["a", "b", "c"]),
                ok(2, &["1"]),
                ok(3, &["1", "2", "3", "4"]),
                ok(4, &["", "", ""])
            ]
        );
        let mut reader = Reader::new(&b",, \n"[..], Delimiter::Comma, QuotePolicy::WithinLine);
        let record = reader.next_record().unwrap().unwrap();
        assert!(record.is_blank());
        assert_eq!(
            (record.len(), record.get(2), record.get(3)),
            (3, Some(" "), None)
        );
    }

    #[test]
    fn not_utf8() {
        let text = b"code,name\nD0120,caf\xE9\nD0140,ok\n";
        assert_eq!(
            all(text, Delimiter::Comma, QuotePolicy::WithinLine),
            vec![
                ok(1, &["code", "name"]),
                Err("line 2, column 10: the text is not valid UTF-8".into()),
                ok(3, &["D0140", "ok"])
            ]
        );
        // Column counts characters, not bytes.
        let text = "é,\u{20ac}"
            .as_bytes()
            .iter()
            .copied()
            .chain([0xFF])
            .collect::<Vec<u8>>();
        let mut reader = Reader::new(&text[..], Delimiter::Comma, QuotePolicy::WithinLine);
        assert!(matches!(
            reader.next_record(),
            Some(Err(RowError::NotUtf8 { line: 1, column: 4 }))
        ));
    }

    #[test]
    fn windows_1252_lines_when_asked() {
        let text = b"code,name\nD0120,caf\xE9 \x93ok\x94\nD0140,\xE2\x82\xAC\n";
        let mut reader = Reader::new(&text[..], Delimiter::Comma, QuotePolicy::WithinLine)
            .windows_1252_fallback(true);
        let mut rows = Vec::new();
        while let Some(row) = reader.next_record() {
            rows.push(row.unwrap().iter().map(String::from).collect::<Vec<_>>());
        }
        // A line that is UTF-8 stays UTF-8 (the euro sign); one that is
        // not is Windows-1252, curly quotes included.
        assert_eq!(rows[1], ["D0120", "caf\u{e9} \u{201c}ok\u{201d}"]);
        assert_eq!(rows[2], ["D0140", "\u{20ac}"]);
    }

    #[test]
    fn too_long_line_then_next() {
        let mut text = String::from("a,b\n");
        text.push_str(&"x".repeat(100));
        text.push_str("\nc,d\n");
        let mut reader =
            Reader::new(text.as_bytes(), Delimiter::Comma, QuotePolicy::WithinLine).with_limit(50);
        assert_eq!(reader.next_record().unwrap().unwrap().get(1), Some("b"));
        assert!(matches!(
            reader.next_record(),
            Some(Err(RowError::TooLong { line: 2, limit: 50 }))
        ));
        let record = reader.next_record().unwrap().unwrap();
        assert_eq!((record.line(), record.get(0)), (3, Some("c")));
        assert!(reader.buffer_capacity() <= 2 * 52 + 8 * 8);
    }

    #[test]
    fn limit_is_exact_and_crlf_does_not_count() {
        for (text, fits) in [("abcd\r\n", true), ("abcd\n", true), ("abcde\n", false)] {
            let mut reader =
                Reader::new(text.as_bytes(), Delimiter::Comma, QuotePolicy::WithinLine)
                    .with_limit(4);
            assert_eq!(reader.next_record().unwrap().is_ok(), fits, "{text:?}");
        }
    }

    #[test]
    fn too_long_quoted_record_across_lines() {
        let text = "1,\"aaaa\nbbbb\ncccc\ndddd\"\n2,x\n";
        let mut reader =
            Reader::new(text.as_bytes(), Delimiter::Comma, QuotePolicy::AcrossLines).with_limit(12);
        assert!(matches!(
            reader.next_record(),
            Some(Err(RowError::TooLong { line: 1, limit: 12 }))
        ));
        // Reading goes on at the line after the one where the limit was hit.
        let rest: Vec<_> = core::iter::from_fn(|| {
            reader.next_record().map(|r| {
                r.map(|r| (r.line(), r.get(0).unwrap_or("").to_string()))
                    .map_err(|e| e.to_string())
            })
        })
        .collect();
        assert_eq!(
            rest,
            vec![
                Ok((3, "cccc".to_string())),
                Ok((4, "dddd\"".to_string())),
                Ok((5, "2".to_string()))
            ]
        );
    }

    /// Gives `remaining` bytes of `a` and no newline, a few KiB at a time.
    struct Endless {
        remaining: usize,
    }

    impl Read for Endless {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = buf.len().min(self.remaining).min(8192);
            buf[..n].fill(b'a');
            self.remaining -= n;
            Ok(n)
        }
    }

    #[test]
    fn endless_line_is_bounded() {
        const LIMIT: usize = 1024 * 1024;
        for policy in [QuotePolicy::WithinLine, QuotePolicy::AcrossLines] {
            let input = io::BufReader::new(Endless {
                remaining: 50 * 1024 * 1024,
            })
            .chain(&b"\nnext,row\n"[..]);
            let mut reader = Reader::new(input, Delimiter::Comma, policy);
            assert!(matches!(
                reader.next_record(),
                Some(Err(RowError::TooLong {
                    line: 1,
                    limit: LIMIT
                }))
            ));
            assert!(
                reader.buffer_capacity() <= 2 * LIMIT + 64,
                "{}",
                reader.buffer_capacity()
            );
            let record = reader.next_record().unwrap().unwrap();
            assert_eq!((record.line(), record.get(1)), (2, Some("row")));
            assert!(reader.next_record().is_none());
        }
        // An open quote that never closes is cut off at the limit too.
        let input = io::BufReader::new(&b"\""[..]).chain(io::BufReader::new(Endless {
            remaining: 10 * 1024 * 1024,
        }));
        let mut reader = Reader::new(input, Delimiter::Comma, QuotePolicy::AcrossLines);
        assert!(matches!(
            reader.next_record(),
            Some(Err(RowError::TooLong { .. }))
        ));
        assert!(reader.buffer_capacity() <= 2 * LIMIT + 64);
    }

    #[test]
    fn many_short_quoted_lines_stay_bounded() {
        // A quote that never closes over many short lines.
        let mut text = String::from("\"");
        for _ in 0..10_000 {
            text.push_str("abcdefghij\n");
        }
        let mut reader = Reader::new(text.as_bytes(), Delimiter::Comma, QuotePolicy::AcrossLines)
            .with_limit(1000);
        assert!(matches!(
            reader.next_record(),
            Some(Err(RowError::TooLong {
                line: 1,
                limit: 1000
            }))
        ));
        assert!(reader.buffer_capacity() <= 2 * 1002 + 64);
        // The rest are unquoted lines of one field each.
        let record = reader.next_record().unwrap().unwrap();
        assert_eq!(record.get(0), Some("abcdefghij"));
    }

    #[test]
    fn io_error_stops_reading() {
        struct Failing;
        impl Read for Failing {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::other("disk on fire"))
            }
        }
        let input = io::BufReader::new((&b"a,b\n"[..]).chain(Failing));
        let mut reader = Reader::new(input, Delimiter::Comma, QuotePolicy::WithinLine);
        assert!(reader.next_record().unwrap().is_ok());
        let error = reader.next_record().unwrap().unwrap_err();
        assert!(error.is_io());
        assert_eq!(error.line(), 2);
        assert_eq!(error.to_string(), "line 2: reading failed: disk on fire");
        assert!(reader.next_record().is_none());
    }

    #[test]
    fn buffers_are_reused() {
        let text = "a,b,c\n".repeat(1000);
        let mut reader = Reader::new(text.as_bytes(), Delimiter::Comma, QuotePolicy::WithinLine);
        reader.next_record().unwrap().unwrap();
        let capacity = reader.buffer_capacity();
        while let Some(record) = reader.next_record() {
            assert_eq!(record.unwrap().len(), 3);
        }
        assert_eq!(reader.buffer_capacity(), capacity);
    }

    #[test]
    fn normalises_headers() {
        assert_eq!(normalise_header("  Procedure Code "), "procedure_code");
        assert_eq!(normalise_header("procedure-code"), "procedure_code");
        assert_eq!(normalise_header("PROCEDURE__ -CODE"), "procedure_code");
        assert_eq!(normalise_header("\u{feff}Code"), "code");
        assert_eq!(normalise_header("Date\tof Service"), "date_of_service");
        assert_eq!(normalise_header("_id_"), "_id");
        assert_eq!(normalise_header("   "), "");
    }
}
