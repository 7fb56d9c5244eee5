//! Claims files in UTF-16: Excel's "Unicode Text" export writes UTF-16
//! with a byte-order mark. [`Decoded`] turns such input into UTF-8 as it
//! streams, so the sources downstream read UTF-8 only. (Lines in
//! Windows-1252 are handled by the delimited reader, line by line.)
//!
//! A byte-order mark is only the first code point of a file: UTF-16's mark
//! comes out as UTF-8's (`EF BB BF`), so the decoded stream is exactly the
//! same content saved as UTF-8 with a mark, and a U+FEFF after it is
//! content in both (fuzz round 3, finding C).
//!
//! Lines that end with a lone carriage return (the classic Mac line
//! ending, as Excel for Mac's "Comma Separated Values" saves a sheet) are
//! handed on ending with a line feed, once the checker has seen its first
//! line end so ([`Decoded::with_cr_lines`]): the sources downstream split
//! lines at `\n` only.
//!
//! An interchange whose delimiters are written as UTF-8 characters is
//! handed on with each folded back into its byte ([`Decoded::with_folds`],
//! see [`folds`](super::folds)), in UTF-8 and in UTF-16 alike.

use std::io::{self, BufRead, Read};
use std::vec::Vec;

use super::folds::{incomplete_tail, Folds};

/// The input, as UTF-8 bytes.
#[derive(Debug)]
pub(crate) enum Decoded<R> {
    /// UTF-8 (or bytes passed on as they are).
    Plain(R),
    /// UTF-16, decoded as read.
    Utf16(Utf16<R>),
    /// UTF-8 handed on rewritten: lines that end with a lone `\r` with
    /// `\n`, or an interchange's delimiters written as characters each
    /// folded into its byte (see [`folds`](super::folds)).
    Rewritten(Rewritten<R>),
}

impl<R: BufRead> Decoded<R> {
    /// Looks at the first bytes: a UTF-16 byte-order mark (`FF FE` little
    /// endian, `FE FF` big endian) is handed on as a UTF-8 mark and the
    /// rest decoded; anything else passes through.
    pub(crate) fn detect(mut inner: R) -> io::Result<Decoded<R>> {
        let start = fill(&mut inner)?;
        let big_endian = match start {
            [0xFF, 0xFE, ..] => false,
            [0xFE, 0xFF, ..] => true,
            _ => return Ok(Decoded::Plain(inner)),
        };
        inner.consume(2);
        Ok(Decoded::Utf16(Utf16 {
            inner,
            big_endian,
            // The mark, in UTF-8: what follows is content, as after a
            // UTF-8 file's mark.
            out: Vec::from(*b"\xEF\xBB\xBF"),
            at: 0,
            odd: None,
            high: None,
            cr_lines: false,
            folds: None,
        }))
    }

    /// The same input with each character of `folds` handed on as its
    /// byte, for an interchange whose delimiters are written as UTF-8
    /// characters; `carried` (the first bytes of a character the bytes
    /// taken out already ended inside) comes first. An interchange's lines
    /// never end with a lone `\r` here: the checker reads those only for
    /// delimited files.
    pub(crate) fn with_folds(self, folds: Folds, carried: Vec<u8>) -> Decoded<R> {
        match self {
            Decoded::Plain(inner) => Decoded::Rewritten(Rewritten {
                inner,
                how: Rewrite::Folds(folds),
                out: Vec::new(),
                at: 0,
                carry: carried,
            }),
            Decoded::Utf16(mut utf16) => {
                // Decoded whole: what is left of `out` completes `carried`.
                utf16.put_first(carried, |out| folds.fold(out));
                utf16.folds = Some(folds);
                Decoded::Utf16(utf16)
            }
            // Lone-CR lines are read for delimited files only, never with
            // an interchange's folds.
            rewritten @ Decoded::Rewritten(_) => rewritten,
        }
    }

    /// The same input with every `\r` handed on as `\n`, for a file whose
    /// lines end with a lone carriage return; `unread` (bytes taken out
    /// already) comes first, translated too.
    pub(crate) fn with_cr_lines(self, mut unread: Vec<u8>) -> Decoded<R> {
        cr_to_lf(&mut unread);
        match self {
            Decoded::Plain(inner) | Decoded::Rewritten(Rewritten { inner, .. }) => {
                Decoded::Rewritten(Rewritten {
                    inner,
                    how: Rewrite::CrLines,
                    out: unread,
                    at: 0,
                    carry: Vec::new(),
                })
            }
            Decoded::Utf16(mut utf16) => {
                utf16.put_first(unread, |out| cr_to_lf(out));
                utf16.cr_lines = true;
                Decoded::Utf16(utf16)
            }
        }
    }
}

/// `inner`'s buffer, filled, asked again when a read is interrupted. Once
/// filled it is asked once more for the bytes to hand back (the borrow
/// checker will not let a loop return them), which a `BufRead` answers
/// from its buffer, consuming nothing.
fn fill<R: BufRead>(inner: &mut R) -> io::Result<&[u8]> {
    loop {
        match inner.fill_buf() {
            Ok(_) => break,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    inner.fill_buf()
}

/// Replaces every `\r` with `\n`.
pub(crate) fn cr_to_lf(bytes: &mut [u8]) {
    for byte in bytes.iter_mut().filter(|byte| **byte == b'\r') {
        *byte = b'\n';
    }
}

/// Whether the first line break in `start` (the start of a file, read up
/// to its first `\n`) is a lone `\r`: one with something after it other
/// than `\n`.
pub(crate) fn first_break_is_lone_cr(start: &[u8]) -> bool {
    let Some(at) = start.iter().position(|&b| b == b'\r' || b == b'\n') else {
        return false;
    };
    start.get(at) == Some(&b'\r') && start.get(at + 1).is_some_and(|&next| next != b'\n')
}

/// A line as the checker reads it (up to and with its `\n`) without its
/// ending: the `\n`, and a `\r` just before it, so that `\n` and `\r\n`
/// endings are told alike.
pub(crate) fn without_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// UTF-8 handed on rewritten, as [`Rewrite`] says.
#[derive(Debug)]
pub(crate) struct Rewritten<R> {
    inner: R,
    how: Rewrite,
    /// Rewritten bytes not yet handed out, from `at`.
    out: Vec<u8>,
    at: usize,
    /// The first bytes of a character the last read ended inside (folds
    /// only).
    carry: Vec<u8>,
}

/// How [`Rewritten`] bytes are rewritten.
#[derive(Debug)]
pub(crate) enum Rewrite {
    /// Each `\r` as `\n`: a file whose lines end with a lone carriage
    /// return.
    CrLines,
    /// Each character of the folds as its byte.
    Folds(Folds),
}

impl<R: BufRead> Rewritten<R> {
    /// Rewrites the next chunk of input into `out`; leaves it empty at the
    /// end of the input.
    fn refill(&mut self) -> io::Result<()> {
        self.out.clear();
        self.at = 0;
        while self.out.is_empty() {
            let bytes = fill(&mut self.inner)?;
            if bytes.is_empty() {
                // The end: a character left incomplete is handed on as it is.
                self.out.append(&mut self.carry);
                return Ok(());
            }
            let used = bytes.len();
            self.out.append(&mut self.carry);
            self.out.extend_from_slice(bytes);
            self.inner.consume(used);
            match &self.how {
                Rewrite::CrLines => cr_to_lf(&mut self.out),
                Rewrite::Folds(folds) => {
                    let whole = self.out.len() - incomplete_tail(&self.out);
                    self.carry
                        .extend_from_slice(self.out.get(whole..).unwrap_or_default());
                    self.out.truncate(whole);
                    folds.fold(&mut self.out);
                }
            }
        }
        Ok(())
    }
}

/// A UTF-16 stream read as UTF-8.
#[derive(Debug)]
pub(crate) struct Utf16<R> {
    inner: R,
    big_endian: bool,
    /// Decoded bytes not yet handed out, from `at`.
    out: Vec<u8>,
    at: usize,
    /// A byte of a code unit split across reads.
    odd: Option<u8>,
    /// A high surrogate waiting for its low half.
    high: Option<u16>,
    /// Whether each `\r` decoded is handed on as `\n` (see
    /// [`Decoded::with_cr_lines`]).
    cr_lines: bool,
    /// The characters handed on as bytes (see [`Decoded::with_folds`]).
    folds: Option<Folds>,
}

impl<R: BufRead> Utf16<R> {
    /// Puts `first` before the decoded bytes not handed out yet and
    /// rewrites them all with `rewrite`, as the checker asks for a new way
    /// of reading after it took `first` out.
    fn put_first(&mut self, first: Vec<u8>, rewrite: impl FnOnce(&mut Vec<u8>)) {
        let left = self.out.split_off(self.at.min(self.out.len()));
        let mut out = first;
        out.extend_from_slice(&left);
        rewrite(&mut out);
        self.out = out;
        self.at = 0;
    }

    /// Decodes the next chunk of input into `out`; leaves it empty at the
    /// end of the input.
    fn refill(&mut self) -> io::Result<()> {
        self.out.clear();
        self.at = 0;
        while self.out.is_empty() {
            let bytes = fill(&mut self.inner)?;
            if bytes.is_empty() {
                // The end: a dangling byte or high surrogate is a bad
                // character, not a lost one.
                if self.odd.take().is_some() | self.high.take().is_some() {
                    push_char(&mut self.out, char::REPLACEMENT_CHARACTER);
                }
                return Ok(());
            }
            let used = bytes.len();
            let mut units = Vec::with_capacity(used / 2 + 1);
            let mut pending = self.odd.take();
            for &byte in bytes {
                match pending.take() {
                    None => pending = Some(byte),
                    Some(first) => units.push(if self.big_endian {
                        u16::from_be_bytes([first, byte])
                    } else {
                        u16::from_le_bytes([first, byte])
                    }),
                }
            }
            self.odd = pending;
            self.inner.consume(used);
            for unit in units {
                self.push_unit(unit);
            }
        }
        if self.cr_lines {
            cr_to_lf(&mut self.out);
        }
        // Whole characters only: a unit split across reads waits in `odd`
        // or `high`.
        if let Some(folds) = &self.folds {
            folds.fold(&mut self.out);
        }
        Ok(())
    }

    fn push_unit(&mut self, unit: u16) {
        match (self.high.take(), unit) {
            (Some(high), 0xDC00..=0xDFFF) => {
                let value =
                    0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                push_char(
                    &mut self.out,
                    char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER),
                );
            }
            (high, 0xD800..=0xDBFF) => {
                if high.is_some() {
                    push_char(&mut self.out, char::REPLACEMENT_CHARACTER);
                }
                self.high = Some(unit);
            }
            (high, _) => {
                if high.is_some() {
                    push_char(&mut self.out, char::REPLACEMENT_CHARACTER);
                }
                let c = char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER);
                push_char(&mut self.out, c);
            }
        }
    }
}

fn push_char(out: &mut Vec<u8>, c: char) {
    let mut buffer = [0; 4];
    out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
}

impl<R: BufRead> Read for Decoded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Decoded<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        match self {
            Decoded::Plain(inner) => inner.fill_buf(),
            Decoded::Utf16(utf16) => {
                if utf16.at >= utf16.out.len() {
                    utf16.refill()?;
                }
                Ok(&utf16.out[utf16.at..])
            }
            Decoded::Rewritten(rewritten) => {
                if rewritten.at >= rewritten.out.len() {
                    rewritten.refill()?;
                }
                Ok(&rewritten.out[rewritten.at..])
            }
        }
    }

    fn consume(&mut self, amount: usize) {
        match self {
            Decoded::Plain(inner) => inner.consume(amount),
            Decoded::Utf16(utf16) => utf16.at = (utf16.at + amount).min(utf16.out.len()),
            Decoded::Rewritten(rewritten) => {
                rewritten.at = (rewritten.at + amount).min(rewritten.out.len());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::format;
    use std::string::String;

    fn decode(bytes: &[u8]) -> String {
        let mut text = String::new();
        Decoded::detect(bytes)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    }

    include!("../../tests/support/utf16.rs");

    #[test]
    fn both_byte_orders_and_surrogates() {
        let text = "code\tdos\tname\r\nD0120\t2026-01-15\tRen\u{e9}e \u{1F9B7}\r\n";
        let marked = format!("\u{feff}{text}");
        assert_eq!(decode(&utf16(text, false)), marked);
        assert_eq!(decode(&utf16(text, true)), marked);
        assert_eq!(decode(text.as_bytes()), text);
        // A U+FEFF in the content comes out after the mark, as content.
        assert_eq!(decode(&utf16("\u{feff}a", false)), "\u{feff}\u{feff}a");
    }

    #[test]
    fn lines_ending_in_a_lone_cr_are_handed_on_with_lf() {
        // UTF-8 and UTF-16, handed over a few bytes at a time: the bytes
        // already taken out come first, then the rest, every CR an LF.
        let text = "code,dos\rD0120,2026-01-15\r\"a\rb\"\r";
        for bytes in [text.as_bytes().to_vec(), utf16(text, false)] {
            // (Two bytes at least: the byte-order mark is seen in one fill.)
            for capacity in [2, 3, 64] {
                let mut decoded =
                    Decoded::detect(io::BufReader::with_capacity(capacity, &bytes[..])).unwrap();
                let mut first = Vec::new();
                decoded.by_ref().take(5).read_to_end(&mut first).unwrap();
                let mut rest = String::new();
                decoded
                    .with_cr_lines(first)
                    .read_to_string(&mut rest)
                    .unwrap();
                assert_eq!(
                    rest.trim_start_matches('\u{feff}'),
                    "code,dos\nD0120,2026-01-15\n\"a\nb\"\n",
                    "{capacity}"
                );
            }
        }
        assert!(first_break_is_lone_cr(b"code,dos\rD0120"));
        assert!(first_break_is_lone_cr(b"\r\rcode"));
        assert!(!first_break_is_lone_cr(b"code,dos\r\nD0120"));
        assert!(!first_break_is_lone_cr(b"code,dos\nD0120\r"));
        assert!(!first_break_is_lone_cr(b"code,dos\r"));
    }

    #[test]
    fn split_units_and_broken_text() {
        // Handed over three bytes at a time, the units still pair up.
        let bytes = utf16("D0120,\u{1F9B7}", false);
        let mut decoded = Decoded::detect(io::BufReader::with_capacity(3, &bytes[..])).unwrap();
        let mut text = String::new();
        decoded.read_to_string(&mut text).unwrap();
        assert_eq!(text, "\u{feff}D0120,\u{1F9B7}");
        // A lone surrogate and a dangling byte become U+FFFD.
        let broken = [0xFF, 0xFE, 0x00, 0xD8, b'A', 0, b'B'];
        assert_eq!(decode(&broken), "\u{feff}\u{FFFD}A\u{FFFD}");
    }
}
