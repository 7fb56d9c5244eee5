//! The X12 tokenizer: reads the `ISA` to learn the delimiters, then hands
//! out one segment at a time from any [`BufRead`], trimmed, numbered from
//! the `ISA`, never longer than the limit. It knows nothing of 837 loops;
//! the interpreter in [`super::dental`] gives the segments their meaning.

use alloc::string::String;
use alloc::vec::Vec;
use std::io::{self, BufRead};

use super::error::X12Error;
use crate::model::bytes::find_any;

/// The default longest segment, in bytes: 64 KiB.
pub const DEFAULT_SEGMENT_LIMIT: usize = 64 * 1024;

/// The longest `ISA` read while looking for its 16 elements.
const ISA_MAX: usize = 512;

/// Whether the start of a file looks like an X12 interchange: after an
/// optional UTF-8 byte-order mark and whitespace it starts with `ISA`,
/// followed (if there is a next byte) by a punctuation byte.
///
/// ```
/// # use cdt_codes::claims::x12::looks_like_x12;
/// assert!(looks_like_x12(b"\xEF\xBB\xBF\r\nISA*00*"));
/// assert!(!looks_like_x12(b"ISABEL,code\n"));
/// assert!(!looks_like_x12(b"line_id,code,dos\n"));
/// ```
#[must_use]
pub fn looks_like_x12(first_bytes: &[u8]) -> bool {
    let bytes = start_of(first_bytes);
    bytes.starts_with(b"ISA") && bytes.get(3).is_none_or(|&b| is_separator_byte(b))
}

/// Whether `line` starts an `ISA` segment, as a line below a few lines of
/// text must for the checker to read an interchange there: `ISA`, a
/// separator, the two characters of `ISA01` and the separator again (no
/// header cell or prose starts so). Stricter than [`looks_like_x12`],
/// which judges a file's first line.
pub(crate) fn starts_interchange(line: &[u8]) -> bool {
    match line {
        [b'I', b'S', b'A', separator, first, second, again, ..] => {
            is_separator_byte(*separator)
                && !matches!(separator, b'\r' | b'\n')
                && first.is_ascii_alphanumeric()
                && second.is_ascii_alphanumeric()
                && again == separator
        }
        _ => false,
    }
}

/// The input from its first segment on: past a UTF-8 byte-order mark, then
/// whitespace, as the reader passes over them.
fn start_of(first_bytes: &[u8]) -> &[u8] {
    first_bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(first_bytes)
        .trim_ascii_start()
}

/// Whether the input starts as an 837 transaction set or a health care
/// functional group without the `ISA` in front (`ST*837*`, `GS*HC*`, with
/// any separator): X12 that cannot be read, rather than a delimited file.
/// A header whose first column is named `ST` is no such start.
pub(crate) fn looks_like_x12_without_isa(first_bytes: &[u8]) -> bool {
    match start_of(first_bytes) {
        [b'S', b'T', sep, b'8', b'3', b'7', after, ..]
        | [b'G', b'S', sep, b'H', b'C', after, ..] => is_separator_byte(*sep) && after == sep,
        _ => false,
    }
}

/// The delimiters of a transaction set or functional group quoted without
/// its `ISA` (see [`looks_like_x12_without_isa`]), read from its first
/// segment: the element separator is the byte after `ST` or `GS`; the
/// terminator the byte that ends that segment, found where the next one
/// starts (an 837's `ST` is followed by its `BHT`, a group's `GS` by an
/// `ST`), or at the end of the line (a line break alone stands for
/// segments one a line). The component separator, which only an `ISA`
/// declares, is taken to be `:`, the one the guides' examples use, until
/// the first `SV301` shows another (see `X12Reader::sv3`). `None`
/// when `first` does not start so or the three would not differ.
pub(crate) fn delimiters_without_isa(first: &[u8]) -> Option<Delimiters> {
    if !looks_like_x12_without_isa(first) {
        return None;
    }
    let bytes = start_of(first);
    let element = *bytes
        .get(2)
        .filter(|&&byte| !matches!(byte, b'\r' | b'\n'))?;
    let next: &[u8] = if bytes.starts_with(b"ST") {
        b"BHT"
    } else {
        b"ST"
    };
    let mut terminator = b'\n';
    for (at, &byte) in bytes.iter().enumerate().skip(3) {
        if !is_separator_byte(byte) || byte == element {
            continue;
        }
        if matches!(byte, b'\r' | b'\n') {
            break;
        }
        let after = bytes.get(at + 1..).unwrap_or_default().trim_ascii_start();
        let starts_next = after.starts_with(next) && after.get(next.len()) == Some(&element);
        if after.is_empty() || starts_next {
            terminator = byte;
            break;
        }
    }
    declared_delimiters(element, b':', terminator, b"")
        .ok()
        .map(|(delimiters, _)| delimiters)
}

/// A byte that may be a separator: printable ASCII punctuation or another
/// byte that is neither a letter, a digit, nor a space.
pub(crate) fn is_separator_byte(byte: u8) -> bool {
    !byte.is_ascii_alphanumeric() && byte != b' '
}

/// The delimiters of an interchange, from its `ISA`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Delimiters {
    /// Separates elements: the byte after `ISA`.
    pub element: u8,
    /// Separates the components of a composite element: `ISA16`.
    pub component: u8,
    /// Separates repeated elements: `ISA11`, if it is a separator byte.
    pub repetition: Option<u8>,
    /// Ends a segment: the byte after `ISA16`.
    pub segment: u8,
}

/// The envelope warning for an interchange wrapped at a fixed width (see
/// `Segments::wrapped`).
pub(crate) const WRAPPED: &str = "the interchange is wrapped at a fixed width (a line break \
     inside its ISA): line breaks are read as nothing, wherever they fall";

/// The envelope warning for text between interchanges: no segment, after
/// an `IEA` (X12 governs only what lies inside an interchange; stupidedi's
/// reader passes over what lies outside one).
pub(crate) const TEXT_AFTER_IEA: &str =
    "text after the IEA, outside any interchange (a heading or notes): passed over";

/// The envelope warning for `lines` lines of text above the first `ISA`,
/// passed over by the checker.
pub(crate) fn text_above_isa(lines: u64) -> String {
    let above = if lines == 1 {
        String::from("the line above the ISA is")
    } else {
        alloc::format!("the {lines} lines above the ISA are")
    };
    alloc::format!("{above} no part of an interchange (a heading or notes): passed over")
}

/// What [`Segments::read_segment`] found.
pub(crate) enum Segment {
    End,
    Read,
    TooLong,
}

/// The segments of an interchange, read one at a time.
#[derive(Debug)]
pub(crate) struct Segments<R> {
    inner: R,
    /// The delimiters in force (the interpreter changes them at a later
    /// `ISA`).
    pub(crate) delimiters: Delimiters,
    /// The longest segment kept, in bytes.
    pub(crate) limit: usize,
    /// The current segment, trimmed.
    buf: Vec<u8>,
    /// Segments read in the current interchange, the current one included.
    pub(crate) number: u64,
    /// The first `ISA`'s control number (`ISA13`), which its `IEA02` repeats.
    pub(crate) interchange_control: Vec<u8>,
    /// What is wrong with the first `ISA`'s delimiters, short of refusing
    /// it (see [`repetition_of`]), until the interpreter takes it.
    pub(crate) isa_warning: Option<String>,
    /// Whether the interchange is wrapped at a fixed width: a line break
    /// fell inside its first `ISA`, so line breaks are read as nothing
    /// wherever they fall, not as the end of a segment.
    pub(crate) wrapped: bool,
}

/// The delimiters an `ISA` declares (the element separator, already
/// checked; the component separator `ISA16`; the terminator after it; and
/// `ISA11`, read as a repetition separator when it can be one), for the
/// first `ISA` and later ones alike. An `ISA11` that repeats another
/// delimiter is no separator and comes back as a warning to give; a
/// component separator or terminator that cannot be one is the problem
/// that refuses the interchange.
pub(crate) fn declared_delimiters(
    element: u8,
    component: u8,
    terminator: u8,
    isa11: &[u8],
) -> Result<(Delimiters, Option<String>), &'static str> {
    if !is_separator_byte(component) || matches!(component, b'\r' | b'\n') {
        return Err("the component separator (ISA16) is a letter, digit, space or line break");
    }
    if let Some(problem) = terminator_problem(element, component, terminator) {
        return Err(problem);
    }
    let (repetition, warning) = match repetition_of(isa11, element, component, terminator) {
        Ok(repetition) => (repetition, None),
        Err(warning) => (None, Some(warning)),
    };
    let delimiters = Delimiters {
        element,
        component,
        repetition,
        segment: terminator,
    };
    Ok((delimiters, warning))
}

/// What is wrong with an `ISA`'s segment terminator, given its element and
/// component separators (both checked already): a letter, digit or space,
/// or a byte that one of the others is too.
fn terminator_problem(element: u8, component: u8, terminator: u8) -> Option<&'static str> {
    if !is_separator_byte(terminator) {
        Some("the segment terminator is a letter, digit or space")
    } else if component == element || terminator == element || terminator == component {
        Some("the element separator, component separator and segment terminator are not all different")
    } else {
        None
    }
}

/// The repetition separator `ISA11` names, given the interchange's other
/// delimiters: a separator byte that is none of them. 4010's `ISA11` is
/// the standards identifier `U`, no separator. An `ISA11` that repeats
/// another delimiter (X12 has an interchange's delimiters all different)
/// is no separator either, and the warning to give says so.
fn repetition_of(
    isa11: &[u8],
    element: u8,
    component: u8,
    terminator: u8,
) -> Result<Option<u8>, String> {
    let &[byte] = isa11 else {
        return Ok(None);
    };
    let repeated = if byte == element {
        "the element separator"
    } else if byte == component {
        "the component separator (ISA16)"
    } else if byte == terminator {
        "the segment terminator"
    } else {
        return Ok((is_separator_byte(byte) && !matches!(byte, b'\r' | b'\n')).then_some(byte));
    };
    Err(alloc::format!(
        "ISA11 {} is {repeated} too: an interchange's delimiters all differ; no repetition \
         separator is read",
        char::from(byte)
    ))
}

impl<R: BufRead> Segments<R> {
    /// Reads the first `ISA` and takes the delimiters from it.
    pub(crate) fn new(inner: R) -> Result<Self, X12Error> {
        let usual = Delimiters {
            element: b'*',
            component: b':',
            repetition: None,
            segment: b'~',
        };
        let mut segments = Segments::without_isa(inner, usual);
        // The `ISA` is segment 1.
        segments.number = 1;
        segments.delimiters = segments.read_isa()?;
        Ok(segments)
    }

    /// Segments of a transaction set or functional group quoted without
    /// its `ISA`, read with `delimiters` (see [`delimiters_without_isa`]):
    /// its first segment is segment 1.
    pub(crate) fn without_isa(inner: R, delimiters: Delimiters) -> Self {
        Segments {
            inner,
            delimiters,
            limit: DEFAULT_SEGMENT_LIMIT,
            buf: Vec::new(),
            number: 0,
            interchange_control: Vec::new(),
            isa_warning: None,
            wrapped: false,
        }
    }

    /// Bytes of segment buffer held now.
    pub(crate) fn buffer_capacity(&self) -> usize {
        self.buf.capacity()
    }

    /// The segment last read, taken out so that the interpreter can read
    /// it while changing its own state; hand it back with
    /// [`Segments::restore`].
    pub(crate) fn take(&mut self) -> Vec<u8> {
        core::mem::take(&mut self.buf)
    }

    /// The buffer back, to be reused for the next segment.
    pub(crate) fn restore(&mut self, buf: Vec<u8>) {
        self.buf = buf;
    }

    /// The next byte, consumed.
    fn next_byte(&mut self) -> Result<Option<u8>, X12Error> {
        let byte = self.peek_byte()?;
        if byte.is_some() {
            self.inner.consume(1);
        }
        Ok(byte)
    }

    fn peek_byte(&mut self) -> Result<Option<u8>, X12Error> {
        loop {
            match self.inner.fill_buf() {
                Ok(bytes) => return Ok(bytes.first().copied()),
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(source) => {
                    return Err(X12Error::Io {
                        segment: self.number,
                        source,
                    })
                }
            }
        }
    }

    /// Reads the first `ISA`, byte by byte, and checks its delimiters.
    fn read_isa(&mut self) -> Result<Delimiters, X12Error> {
        let no_isa = X12Error::NoIsa { segment: 1 };
        let short = X12Error::ShortIsa { segment: 1 };
        // A byte-order mark, then whitespace.
        if self.peek_byte()? == Some(0xEF) {
            for want in [0xEF, 0xBB, 0xBF] {
                if self.next_byte()? != Some(want) {
                    return Err(no_isa);
                }
            }
        }
        while self.peek_byte()?.is_some_and(|b| b.is_ascii_whitespace()) {
            self.next_byte()?;
        }
        for (index, want) in b"ISA".iter().enumerate() {
            match self.next_byte()? {
                Some(byte) if byte == *want => {}
                None if index > 0 => return Err(short),
                _ => return Err(no_isa),
            }
        }
        let Some(element) = self.next_byte()? else {
            return Err(short);
        };
        if !is_separator_byte(element) || element == b'\r' || element == b'\n' {
            return Err(no_isa);
        }
        // ISA01 to ISA15, each ended by the element separator. A line break
        // among them is no data: the interchange is wrapped at a fixed
        // width (X12's RFI 28 describes one broken at its 81st byte, and
        // holds such bytes outside the X12 character set; pyx12 drops
        // them wherever they fall in a segment).
        let mut fields: Vec<Vec<u8>> = Vec::with_capacity(16);
        let mut field = Vec::new();
        let mut read = 4;
        let mut wrapped = false;
        while fields.len() < 15 {
            let Some(byte) = self.next_byte()? else {
                return Err(short);
            };
            read += 1;
            if read > ISA_MAX {
                return Err(short);
            }
            if matches!(byte, b'\r' | b'\n') {
                wrapped = true;
            } else if byte == element {
                fields.push(core::mem::take(&mut field));
            } else {
                field.push(byte);
            }
        }
        // A line break where ISA16 should be means the ISA's line ended
        // early: incomplete, whether the line ends in `\n` or `\r\n`.
        let component = match self.next_byte()? {
            None | Some(b'\r' | b'\n') => return Err(short),
            Some(component) => component,
        };
        let Some(segment) = self.next_byte()? else {
            return Err(short);
        };
        let isa11 = fields.get(10).map_or(&[][..], Vec::as_slice);
        let (delimiters, warning) = declared_delimiters(element, component, segment, isa11)
            .map_err(|problem| X12Error::BadDelimiters {
                segment: 1,
                problem,
            })?;
        if let Some(isa13) = fields.get(12) {
            self.interchange_control.clone_from(isa13);
        }
        self.isa_warning = warning;
        // A terminator that is a line break leaves line breaks their
        // meaning, however the `ISA` was broken.
        self.wrapped = wrapped && !matches!(segment, b'\r' | b'\n');
        Ok(delimiters)
    }

    /// Reads the next non-empty segment into `seg`, trimmed of spaces and
    /// tabs, keeping at most the limit.
    pub(crate) fn read_segment(&mut self) -> Result<Segment, X12Error> {
        self.buf.clear();
        let terminator = self.delimiters.segment;
        let mut too_long = false;
        let mut started = false;
        loop {
            let available = match self.inner.fill_buf() {
                Ok(bytes) => bytes,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(source) => {
                    return Err(X12Error::Io {
                        segment: self.number + 1,
                        source,
                    })
                }
            };
            if available.is_empty() {
                break;
            }
            // Before a segment starts, spaces, tabs, line breaks and empty
            // segments are passed over (the line break after each
            // terminator, in most files), here rather than one read each;
            // so are NUL bytes and the DOS end-of-file mark (Ctrl-Z), the
            // padding some transfers leave after the last segment (X12's
            // RFI 28 recalls the standard's rule to ignore bytes outside
            // its character set and delimiters). A segment's own text
            // starts with its identifier, which none of these can be.
            let skip = if started {
                0
            } else {
                available
                    .iter()
                    .position(|&b| {
                        !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0 | 0x1A) && b != terminator
                    })
                    .unwrap_or(available.len())
            };
            let rest = &available[skip..];
            let end = find_any(rest, [terminator, b'\n', b'\r']);
            let (chunk, used) = match end {
                Some(end) => (&rest[..end], skip + end + 1),
                None => (rest, available.len()),
            };
            // In a wrapped interchange a line break ends nothing: the
            // segment goes on after it.
            let end = end.filter(|&at| !(self.wrapped && rest[at] != terminator));
            started |= !chunk.is_empty();
            if !too_long {
                if self.buf.len() + chunk.len() > self.limit {
                    too_long = true;
                    self.buf.clear();
                } else {
                    let needed = self.buf.len() + chunk.len();
                    if needed > self.buf.capacity() {
                        let target = self
                            .buf
                            .capacity()
                            .saturating_mul(2)
                            .min(self.limit)
                            .max(needed);
                        self.buf.reserve_exact(target - self.buf.len());
                    }
                    self.buf.extend_from_slice(chunk);
                }
            }
            self.inner.consume(used);
            if end.is_some() && started {
                break;
            }
        }
        if !started {
            return Ok(Segment::End);
        }
        self.number += 1;
        if too_long {
            return Ok(Segment::TooLong);
        }
        while matches!(self.buf.last(), Some(b' ' | b'\t')) {
            self.buf.pop();
        }
        Ok(Segment::Read)
    }
}
