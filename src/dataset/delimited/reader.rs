//! The reader: lines in, rows of unquoted fields out, in buffers it
//! reuses (see the [module](super) docs for the format).

use alloc::string::String;
use alloc::vec::Vec;
use std::io::{self, BufRead};

use super::{Delimiter, QuotePolicy, RowError, BOM, DEFAULT_LIMIT, NEARBY_LINES};
use crate::model::bytes::{self, find_byte};

/// One record: its fields, unquoted, borrowed from the [`Reader`] until
/// its next call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BorrowedRow<'a> {
    line: u64,
    /// The fields, unquoted, joined by the delimiter (one ASCII byte).
    text: &'a str,
    /// Where each field ends in `text`; the next starts one byte later.
    ends: &'a [usize],
}

impl<'a> BorrowedRow<'a> {
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
    #[inline]
    pub fn get(&self, index: usize) -> Option<&'a str> {
        let end = *self.ends.get(index)?;
        let start = match index.checked_sub(1) {
            Some(previous) => self.ends.get(previous)? + 1,
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
        self.iter().all(|field| field.trim().is_empty())
    }
}

impl<'a> IntoIterator for &BorrowedRow<'a> {
    type Item = &'a str;
    type IntoIter = Fields<'a>;

    fn into_iter(self) -> Fields<'a> {
        self.iter()
    }
}

impl<'a> IntoIterator for BorrowedRow<'a> {
    type Item = &'a str;
    type IntoIter = Fields<'a>;

    fn into_iter(self) -> Fields<'a> {
        self.iter()
    }
}

/// The fields of a [`BorrowedRow`], from [`BorrowedRow::iter`].
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
        self.start = end + 1;
        Some(field)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.ends.size_hint()
    }
}

impl ExactSizeIterator for Fields<'_> {}

/// Reads rows from delimited text; see the [module](super) docs.
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
    /// The current record's fields, unquoted, joined by the delimiter.
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
    /// Bytes of `inner`'s buffer lent as the last record (see
    /// [`Reader::lend_buffered`]), consumed when the next is asked for.
    lent: usize,
    /// The lines read ahead for a quoted field under
    /// [`QuotePolicy::ClosedNearby`], each with its line ending.
    ahead: Vec<u8>,
    /// Lines to read again before `inner` (from `replay_at` on): those read
    /// ahead for a quoted field that did not close cleanly.
    replay: Vec<u8>,
    replay_at: usize,
    /// Whether a line too long to keep follows the lines to read again.
    replay_too_long: bool,
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
            lent: 0,
            ahead: Vec::new(),
            replay: Vec::new(),
            replay_at: 0,
            replay_too_long: false,
        }
    }

    /// Reads a line that is not UTF-8 as Windows-1252 (a superset of
    /// Latin-1 as spreadsheets write it) instead of failing with
    /// [`RowError::NotUtf8`]: for claims exports, where a name with `é`
    /// written by older software must not cost the row.
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

    /// The longest record read, in bytes (for the fuzz target).
    #[cfg(fuzzing)]
    #[must_use]
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Bytes of buffer the reader holds now, for checking that memory
    /// stays bounded: the capacity of its line, field and read-ahead
    /// buffers plus that of its field-end list (for the tests and the fuzz
    /// target).
    #[cfg(any(test, fuzzing))]
    #[must_use]
    pub fn buffer_capacity(&self) -> usize {
        self.raw.capacity()
            + self.text.capacity()
            + self.ahead.capacity()
            + self.replay.capacity()
            + self.ends.capacity() * core::mem::size_of::<usize>()
    }

    /// Whether lines read ahead wait to be read again.
    fn replaying(&self) -> bool {
        self.replay_at < self.replay.len() || self.replay_too_long
    }

    /// The next record, an error for a record that cannot be read (call
    /// again for the next one), or `None` at the end of the input or after
    /// an I/O error.
    ///
    /// # Errors
    ///
    /// [`RowError`]; only [`RowError::Io`] ends the reading.
    pub fn next_record(&mut self) -> Option<Result<BorrowedRow<'_>, RowError>> {
        if self.done {
            return None;
        }
        if self.lent > 0 {
            self.inner.consume(core::mem::take(&mut self.lent));
        }
        match self.scan_buffered() {
            Some(Buffered::Lent(length)) => return Some(self.lend_buffered(length)),
            Some(Buffered::Copied) => {
                return Some(Ok(BorrowedRow {
                    line: self.record_line,
                    text: &self.text,
                    ends: &self.ends,
                }))
            }
            None => {}
        }
        match self.fill_record() {
            Ok(true) => Some(Ok(BorrowedRow {
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

    /// The fast way for most lines: when the next line lies whole in
    /// `inner`'s buffer, is not line 1 (with its possible byte-order mark),
    /// not blank and within the limit, it is read from there without being
    /// copied to `raw` first. A plain line (ASCII, no quote) has its field
    /// ends put in `ends` and is lent straight from the buffer
    /// ([`Buffered::Lent`], see [`Reader::lend_buffered`]); a line with
    /// quotes that close on it is unquoted into `text` as the general way
    /// does ([`Buffered::Copied`]). `None` leaves the line to the general
    /// way, which reads it as before.
    fn scan_buffered(&mut self) -> Option<Buffered> {
        if self.line == 0 || self.replaying() {
            return None;
        }
        let buffer = self.inner.fill_buf().ok()?;
        let found = match scan_plain_line(buffer, self.delimiter, self.limit, &mut self.ends) {
            Scan::Plain(found) => {
                self.lent = found.consumed;
                Buffered::Lent(found.length)
            }
            Scan::Quoted { at } => {
                // The scan stopped at the first quote: the line's end is
                // further on.
                let end = at + find_byte(buffer.get(at..)?, b'\n')?;
                let line = without_cr(buffer.get(..end)?);
                if line.len() > self.limit {
                    return None;
                }
                let line = core::str::from_utf8(line).ok()?;
                self.text.clear();
                self.ends.clear();
                reserve_capped(&mut self.text, line.len(), self.limit);
                let state = split_line(
                    line,
                    self.delimiter,
                    State::FieldStart,
                    &mut self.text,
                    &mut self.ends,
                );
                if state != State::FieldStart {
                    // A quote left open: the general way reads on, as
                    // far as the policy lets it, or reports it.
                    return None;
                }
                self.inner.consume(end + 1);
                Buffered::Copied
            }
            Scan::Other => return None,
        };
        self.line += 1;
        self.record_line = self.line;
        Some(found)
    }

    /// The line [`Reader::scan_buffered`] found, lent from `inner`'s
    /// buffer (consumed at the next call).
    fn lend_buffered(&mut self, length: usize) -> Result<BorrowedRow<'_>, RowError> {
        let line = self.line;
        // Asked again without a consume in between, a buffered reader
        // hands back the same bytes; one that does not is an I/O fault.
        let changed = || RowError::Io {
            line,
            source: io::Error::other("the input's buffer changed while a line was read"),
        };
        let buffer = self.inner.fill_buf().map_err(|_| changed())?;
        let text = buffer
            .get(..length)
            .and_then(|bytes| core::str::from_utf8(bytes).ok())
            .ok_or_else(changed)?;
        Ok(BorrowedRow {
            line: self.record_line,
            text,
            ends: &self.ends,
        })
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
            if self.raw.iter().all(|&b| is_blank_byte(b)) {
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
        if !self.raw.contains(&b'"') && self.take_plain_line() {
            return Ok(());
        }
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
            let line_text = match line_text(raw, *windows_1252, decoded) {
                Ok(line_text) => line_text,
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
            if self.policy == QuotePolicy::ClosedNearby {
                return self.read_on_nearby(used, crlf, unterminated);
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

    /// Reads on, under [`QuotePolicy::ClosedNearby`], the record whose
    /// first line (`used` bytes, ending in `\r\n` when `crlf`) left a
    /// quoted field open: line by line while each goes on inside the field
    /// or closes it cleanly (see [`closes_cleanly`]), up to
    /// [`NEARBY_LINES`] lines and the limit. When the field does not close
    /// so, the lines read ahead are put back to be read again and the
    /// record is `unterminated`.
    fn read_on_nearby(
        &mut self,
        mut used: usize,
        mut crlf: bool,
        unterminated: RowError,
    ) -> Result<(), RowError> {
        self.ahead.clear();
        let mut too_long = false;
        for _ in 0..NEARBY_LINES {
            let line_break = if crlf { "\r\n" } else { "\n" };
            used += line_break.len();
            if used > self.limit {
                break;
            }
            match self.read_line(self.limit)? {
                Line::End => break,
                Line::TooLong => {
                    too_long = true;
                    break;
                }
                Line::Read { crlf: next } => crlf = next,
            }
            let ending: &[u8] = if crlf { b"\r\n" } else { b"\n" };
            let room = 2 * self.limit + 4;
            reserve_capped_bytes(&mut self.ahead, self.raw.len() + ending.len(), room);
            self.ahead.extend_from_slice(&self.raw);
            self.ahead.extend_from_slice(ending);
            used += self.raw.len();
            if used > self.limit {
                break;
            }
            let Reader {
                raw,
                text,
                ends,
                delimiter,
                windows_1252,
                decoded,
                limit,
                ..
            } = self;
            let Ok(line_text) = line_text(raw, *windows_1252, decoded) else {
                break;
            };
            if !closes_cleanly(line_text, *delimiter) {
                break;
            }
            reserve_capped(text, line_break.len() + line_text.len(), *limit);
            text.push_str(line_break);
            if split_line(line_text, *delimiter, State::Quoted, text, ends) == State::FieldStart {
                return Ok(());
            }
        }
        self.put_back(too_long);
        Err(unterminated)
    }

    /// Puts the lines read ahead (and, when `too_long`, the line too long
    /// to keep after them) in front of those still to be read again, and
    /// counts lines again from the record's first.
    fn put_back(&mut self, too_long: bool) {
        let rest = self.replay.get(self.replay_at..).unwrap_or(&[]);
        if rest.is_empty() {
            // Nothing left to read again: the lines read ahead are all
            // (a line too long to keep, still waiting, follows them).
            core::mem::swap(&mut self.replay, &mut self.ahead);
            self.replay_at = 0;
            self.replay_too_long |= too_long;
        } else {
            // Lines read ahead from the lines read again: the same bytes,
            // just before `replay_at`.
            self.replay_at = self.replay_at.saturating_sub(self.ahead.len());
        }
        self.ahead.clear();
        self.line = self.record_line;
    }

    /// Takes a line without quotes (most lines) as the record as it
    /// stands: its buffer becomes `text` (swapped with the empty one) and
    /// its delimiters mark the field ends, with nothing copied. `false`,
    /// with `raw` as it was, when the line is not UTF-8.
    fn take_plain_line(&mut self) -> bool {
        match String::from_utf8(core::mem::take(&mut self.raw)) {
            Ok(line) => {
                let mut spare = core::mem::replace(&mut self.text, line).into_bytes();
                spare.clear();
                self.raw = spare;
                self.ends.clear();
                let delimiter = self.delimiter;
                for (at, &byte) in self.text.as_bytes().iter().enumerate() {
                    if byte == delimiter {
                        self.ends.push(at);
                    }
                }
                self.ends.push(self.text.len());
                true
            }
            Err(error) => {
                self.raw = error.into_bytes();
                false
            }
        }
    }

    /// Reads the next line into `raw` without its line ending (and without
    /// a byte-order mark on line 1), keeping at most `room` bytes: a longer
    /// line is consumed to its end and reported as [`Line::TooLong`].
    fn read_line(&mut self, room: usize) -> Result<Line, RowError> {
        if self.replaying() {
            return Ok(self.read_line_again(room));
        }
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
            let (chunk, used, ended) = match find_byte(available, b'\n') {
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

impl<R> Reader<R> {
    /// [`Reader::read_line`] for the next line read ahead and put back (see
    /// [`Reader::put_back`]).
    fn read_line_again(&mut self, room: usize) -> Line {
        self.raw.clear();
        self.line += 1;
        let start = self.replay_at;
        let Some(end) = self
            .replay
            .get(start..)
            .and_then(|rest| find_byte(rest, b'\n'))
        else {
            // Only the line too long to keep is left.
            self.replay_too_long = false;
            return Line::TooLong;
        };
        let line = without_cr(self.replay.get(start..start + end).unwrap_or(&[]));
        let crlf = line.len() < end;
        let fits = line.len() <= room;
        if fits {
            reserve_capped_bytes(&mut self.raw, line.len(), room.saturating_add(1));
            self.raw.extend_from_slice(line);
        }
        self.replay_at = start + end + 1;
        if self.replay_at >= self.replay.len() {
            self.replay.clear();
            self.replay_at = 0;
        }
        if fits {
            Line::Read { crlf }
        } else {
            Line::TooLong
        }
    }
}

/// How [`Reader::scan_buffered`] read a line in the buffer.
enum Buffered {
    /// A plain line, lent from the buffer: its length.
    Lent(usize),
    /// A line with quotes, unquoted into `text`.
    Copied,
}

/// What [`scan_plain_line`] found at the start of a buffer.
enum Scan {
    Plain(PlainLine),
    /// A quote at `at`, before the line's end (and no byte that is not
    /// ASCII before it): the line may still be read from the buffer,
    /// unquoted.
    Quoted {
        at: usize,
    },
    /// Anything else: left to the general way.
    Other,
}

/// A plain line found at the start of a buffer (see [`scan_plain_line`]).
struct PlainLine {
    /// The line's length without its line ending.
    length: usize,
    /// The bytes to consume: the line and its line ending.
    consumed: usize,
}

/// Finds the first line of `buffer` and its field ends (into `ends`,
/// cleared first) in one pass, eight bytes a step, when the line is plain:
/// it ends with `\n` inside `buffer`, holds only ASCII and no `"`, is at
/// most `limit` bytes without its line ending, and does not start with a
/// space, tab or `\r` (a blank line is skipped the general way). A line
/// with a quote is [`Scan::Quoted`], any other line [`Scan::Other`].
fn scan_plain_line(buffer: &[u8], delimiter: u8, limit: usize, ends: &mut Vec<usize>) -> Scan {
    if buffer
        .first()
        .is_none_or(|&b| b == b'\n' || is_blank_byte(b))
    {
        return Scan::Other;
    }
    ends.clear();
    let mut at = 0;
    let mut chunks = buffer.chunks_exact(8);
    let end = loop {
        let Some(chunk) = chunks.next() else {
            // The last few bytes, one at a time.
            let rest = chunks.remainder();
            let mut found = None;
            for (offset, &byte) in rest.iter().enumerate() {
                match byte {
                    b'\n' => {
                        found = Some(at + offset);
                        break;
                    }
                    b'"' => return Scan::Quoted { at: at + offset },
                    0x80..=0xFF => return Scan::Other,
                    // Past the limit: too long (the general way says so),
                    // and no more ends are kept than a line within it has.
                    _ if at + offset > limit => return Scan::Other,
                    _ if byte == delimiter => ends.push(at + offset),
                    _ => {}
                }
            }
            match found {
                Some(found) => break found,
                None => return Scan::Other,
            }
        };
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        let stops = bytes::equal_bytes(word, b'\n')
            | bytes::equal_bytes(word, b'"')
            | (word & bytes::HIGHS);
        let mut delimiters = bytes::equal_bytes(word, delimiter);
        if stops != 0 {
            // Only the delimiters before the first stop count.
            let first = stops.trailing_zeros();
            delimiters &= (1u64 << first) - 1;
            let stop = at + (first / 8) as usize;
            // A line ending past the limit and its `\r` is too long (the
            // ends are checked before they are kept, so their list stays
            // within what a line within the limit needs).
            if stop > limit.saturating_add(1) {
                return Scan::Other;
            }
            push_ends(ends, at, delimiters);
            match buffer.get(stop) {
                Some(b'\n') => break stop,
                Some(b'"') => return Scan::Quoted { at: stop },
                _ => return Scan::Other,
            }
        }
        // No line ending in these eight bytes: the line is longer.
        if at + 8 > limit.saturating_add(1) {
            return Scan::Other;
        }
        push_ends(ends, at, delimiters);
        at += 8;
    };
    let length = without_cr(buffer.get(..end).unwrap_or(&[])).len();
    if length > limit {
        return Scan::Other;
    }
    ends.push(length);
    Scan::Plain(PlainLine {
        length,
        consumed: end + 1,
    })
}

/// Whether `byte` leaves a line blank: a space, a tab, a `\r`, or the DOS
/// end-of-file mark (Ctrl-Z), which Windows' `copy` puts after the last
/// line of a file it writes in ASCII mode, as when it joins two exports
/// (Microsoft's documentation of `copy /a`).
fn is_blank_byte(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\r' | 0x1A)
}

/// A line without the `\r` of a `\r\n` ending (its `\n` already off).
fn without_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Pushes to `ends` the place of each byte flagged in `flags` (the high
/// bit of its byte; see [`bytes::equal_bytes`]) of the word at `at`.
#[inline]
fn push_ends(ends: &mut Vec<usize>, at: usize, mut flags: u64) {
    while flags != 0 {
        ends.push(at + (flags.trailing_zeros() / 8) as usize);
        flags &= flags - 1;
    }
}

/// A line's bytes as text: as UTF-8, or else, when `windows_1252`, decoded
/// from Windows-1252 into `decoded`; the UTF-8 error otherwise.
fn line_text<'a>(
    raw: &'a [u8],
    windows_1252: bool,
    decoded: &'a mut String,
) -> Result<&'a str, core::str::Utf8Error> {
    match core::str::from_utf8(raw) {
        Ok(text) => Ok(text),
        Err(_) if windows_1252 => {
            decode_windows_1252(raw, decoded);
            Ok(decoded.as_str())
        }
        Err(error) => Err(error),
    }
}

/// Whether `line`, which goes on with a quoted field left open by the
/// line before, keeps to RFC 4180's form: either it holds no lone `"` (the
/// field goes on past it) or the first one, which closes the field, is
/// followed by the delimiter or the end of the line. `""` is a quote
/// inside the field.
fn closes_cleanly(line: &str, delimiter: u8) -> bool {
    let bytes = line.as_bytes();
    let mut at = 0;
    while let Some(offset) = bytes.get(at..).and_then(|rest| find_byte(rest, b'"')) {
        let quote = at + offset;
        match bytes.get(quote + 1) {
            Some(b'"') => at = quote + 2,
            Some(&next) => return next == delimiter,
            None => return true,
        }
    }
    true
}

/// Splits one line (or the part of a record on one line) into `text` (the
/// fields unquoted, joined by the delimiter) and `ends`, starting in
/// `state`; gives the state at the end of the line.
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
            let Some(offset) = find_byte(&bytes[at..], b'"') else {
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
        let Some(offset) = find_byte(&bytes[at..], delimiter) else {
            text.push_str(&line[at..]);
            ends.push(text.len());
            return State::FieldStart;
        };
        text.push_str(&line[at..at + offset]);
        ends.push(text.len());
        text.push(char::from(delimiter));
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

/// The characters Windows-1252 puts at 0x80 to 0x9F (where Latin-1 has
/// control codes); `\u{FFFD}` for the five bytes it leaves undefined.
const WINDOWS_1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{FFFD}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{FFFD}', '\u{017D}', '\u{FFFD}',
    '\u{FFFD}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{FFFD}', '\u{017E}', '\u{0178}',
];

/// The byte Windows-1252 writes `character` as, for a character outside
/// ASCII: 0xA0 to 0xFF as the same code points, 0x80 to 0x9F by the table
/// (or as the same code points, the control codes a file read as Latin-1
/// carries there); `None` for any other character.
pub(crate) fn windows_1252_byte(character: char) -> Option<u8> {
    let code = u32::from(character);
    if (0x80..=0xFF).contains(&code) {
        return u8::try_from(code).ok();
    }
    let at = WINDOWS_1252_HIGH
        .iter()
        .position(|&high| high == character && high != char::REPLACEMENT_CHARACTER)?;
    u8::try_from(0x80 + at).ok()
}

/// Decodes Windows-1252 bytes into `out` (cleared first): ASCII and
/// 0xA0 to 0xFF as the same code points, 0x80 to 0x9F by the table.
fn decode_windows_1252(bytes: &[u8], out: &mut String) {
    out.clear();
    out.extend(bytes.iter().map(|&byte| match byte {
        0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }));
}
