//! Claims files in UTF-16: Excel's "Unicode Text" export writes UTF-16
//! with a byte-order mark. [`Decoded`] turns such input into UTF-8 as it
//! streams, so the sources downstream read UTF-8 only. (Lines in
//! Windows-1252 are handled by the delimited reader, line by line.)
//!
//! A byte-order mark is only the first code point of a file: UTF-16's mark
//! comes out as UTF-8's (`EF BB BF`), so the decoded stream is exactly the
//! same content saved as UTF-8 with a mark, and a U+FEFF after it is
//! content in both (fuzz round 3, finding C).

use std::io::{self, BufRead, Read};
use std::vec::Vec;

/// The input, as UTF-8 bytes.
#[derive(Debug)]
pub(crate) enum Decoded<R> {
    /// UTF-8 (or bytes passed on as they are).
    Plain(R),
    /// UTF-16, decoded as read.
    Utf16(Utf16<R>),
}

impl<R: BufRead> Decoded<R> {
    /// Looks at the first bytes: a UTF-16 byte-order mark (`FF FE` little
    /// endian, `FE FF` big endian) is handed on as a UTF-8 mark and the
    /// rest decoded; anything else passes through.
    pub(crate) fn detect(mut inner: R) -> io::Result<Decoded<R>> {
        let start = loop {
            match inner.fill_buf() {
                Ok(bytes) => break bytes,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => return Err(error),
            }
        };
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
        }))
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
}

impl<R: BufRead> Utf16<R> {
    /// Decodes the next chunk of input into `out`; leaves it empty at the
    /// end of the input.
    fn refill(&mut self) -> io::Result<()> {
        self.out.clear();
        self.at = 0;
        while self.out.is_empty() {
            let bytes = loop {
                match self.inner.fill_buf() {
                    Ok(bytes) => break bytes,
                    Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                    Err(error) => return Err(error),
                }
            };
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
        }
    }

    fn consume(&mut self, amount: usize) {
        match self {
            Decoded::Plain(inner) => inner.consume(amount),
            Decoded::Utf16(utf16) => utf16.at = (utf16.at + amount).min(utf16.out.len()),
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
