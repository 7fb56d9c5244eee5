//! Reads the service lines of ASC X12 837 dental claims (005010X224A2).
//!
//! [`X12Reader`] streams an interchange from a [`BufRead`] and gives one
//! [`ServiceLine`] per `LX` loop: the claim id (`CLM01`), the claim's date
//! of service (`DTP*472` in the claim loop, before its first `LX`), the
//! line's `SV3` procedure and its `TOO` teeth, and the line's own
//! `DTP*472` if it has one.
//!
//! # Delimiters
//!
//! They are taken from the `ISA` segment, never assumed: the element
//! separator is the byte after `ISA`, the component separator is `ISA16`
//! and the segment terminator is the byte after `ISA16`. `ISA11` is kept as
//! the repetition separator when it is a single punctuation byte (in
//! version 00401 it is the letter `U` and there is none). The `ISA` is
//! found by counting element separators, so an `ISA` whose fixed-width
//! fields were not padded is still read.
//!
//! Line breaks: a `\r` or `\n` also ends a segment, and empty segments are
//! skipped without being counted. So files with a line break after each
//! terminator, files whose terminator *is* a line break, and files with a
//! line break instead of a terminator all read alike. Files wrapped at a
//! fixed width in the middle of segments are not supported.
//!
//! # Errors and memory
//!
//! Every [`X12Error`] carries the number of the segment it is about,
//! counting from 1 at the `ISA` of its interchange (empty segments are
//! not counted). A malformed segment is reported and skipped, and reading
//! goes on; only an I/O error, or an `ISA` whose delimiters differ from
//! the first one's, ends it. A segment longer than the limit (64 KiB unless
//! [`X12Reader::with_segment_limit`] says otherwise) is reported and the
//! rest of it skipped without being stored: the reader holds one segment
//! buffer of at most the limit, plus the service line being built.
//!
//! # Why a reader of our own
//!
//! We looked at the X12 crates on crates.io. `x12-types` (0.12) has
//! serde bindings for 005010 837, but it reads a whole transmission into
//! memory through `serde_x12` and `nom` (no streaming, so memory grows with
//! the file), brings `chrono` and `validator` along, and is mostly
//! undocumented; `edi` (0.4) is a generic segment parser with no licence
//! stated and no releases for years; `x12` (0.1) is a stub. The dental
//! service line needs a few segments (`ISA`, `CLM`, `DTP`, `LX`, `SV3`,
//! `TOO`) read with bounded memory, which this small tokenizer does.
//!
//! Everything here needs `std` (for [`std::io::BufRead`] and
//! [`std::io::Error`]) except [`looks_like_x12`], [`ServiceLine`],
//! [`X12Date`], [`ToothInfo`] and [`Delimiters`].

use alloc::collections::VecDeque;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use std::io::{self, BufRead};

pub(crate) mod source;

/// The default longest segment, in bytes: 64 KiB.
pub const DEFAULT_SEGMENT_LIMIT: usize = 64 * 1024;

/// The longest `ISA` read while looking for its 16 elements.
const ISA_MAX: usize = 512;

/// The most items held back while an `LX` loop waits for its `SV3`, so
/// that an [`X12Error::LxWithoutSv3`] keeps its place in segment order
/// (it is only known when the loop ends). Beyond this many, held items are
/// given out, which keeps memory bounded on a loop of endless errors (and
/// only then can that error come after errors about later segments).
///
/// ```
/// assert!(cdt_codes::claims::x12::HOLD_LIMIT >= 64);
/// ```
pub const HOLD_LIMIT: usize = 1024;

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
    let bytes = first_bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(first_bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let bytes = &bytes[start..];
    bytes.starts_with(b"ISA") && bytes.get(3).is_none_or(|&b| is_separator_byte(b))
}

/// A byte that may be a separator: printable ASCII punctuation or another
/// byte that is neither a letter, a digit, nor a space.
fn is_separator_byte(byte: u8) -> bool {
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

/// A date or range from a `DTP` segment, kept as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct X12Date {
    /// The format qualifier, `DTP02`: `D8` for `CCYYMMDD`, `RD8` for
    /// `CCYYMMDD-CCYYMMDD`.
    pub qualifier: String,
    /// The date text, `DTP03`.
    pub value: String,
}

impl X12Date {
    /// The first (or only) date, `CCYYMMDD`, when the qualifier is `D8` or
    /// `RD8` and the text has eight digits there.
    ///
    /// ```
    /// # use cdt_codes::claims::x12::X12Date;
    /// let range = X12Date { qualifier: "RD8".into(), value: "20260203-20260205".into() };
    /// assert_eq!((range.start(), range.end()), (Some("20260203"), Some("20260205")));
    /// assert_eq!(range.start_iso().as_deref(), Some("2026-02-03"));
    /// ```
    #[must_use]
    pub fn start(&self) -> Option<&str> {
        match self.qualifier.as_str() {
            "D8" if is_ccyymmdd(&self.value) => Some(&self.value),
            "RD8" => self
                .value
                .split_once('-')
                .map(|(start, _)| start)
                .filter(|start| is_ccyymmdd(start)),
            _ => None,
        }
    }

    /// The last date, `CCYYMMDD`: the same as [`start`](Self::start) for
    /// `D8`, the end of the range for `RD8`.
    #[must_use]
    pub fn end(&self) -> Option<&str> {
        match self.qualifier.as_str() {
            "D8" => self.start(),
            "RD8" => self
                .value
                .split_once('-')
                .map(|(_, end)| end)
                .filter(|end| is_ccyymmdd(end)),
            _ => None,
        }
    }

    /// [`start`](Self::start) written `CCYY-MM-DD`.
    #[must_use]
    pub fn start_iso(&self) -> Option<String> {
        let date = self.start()?;
        Some(alloc::format!(
            "{}-{}-{}",
            &date[..4],
            &date[4..6],
            &date[6..]
        ))
    }
}

fn is_ccyymmdd(text: &str) -> bool {
    text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit())
}

/// A tooth from a `TOO` segment.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ToothInfo {
    /// The code list, `TOO01` (`JP` for the universal numbering).
    pub qualifier: String,
    /// The tooth, `TOO02`; empty if not given.
    pub code: String,
    /// The surfaces, the components of `TOO03` (such as `M`, `O`, `D`).
    pub surfaces: Vec<String>,
}

/// One service line: an `LX` loop with its `SV3`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ServiceLine {
    /// The claim's id, `CLM01`.
    pub claim_id: String,
    /// The claim's date of service: `DTP*472` in the claim loop.
    pub claim_date: Option<X12Date>,
    /// The line number, `LX01`.
    pub line_number: u32,
    /// The procedure code qualifier, `SV301-1` (`AD` for CDT).
    pub qualifier: String,
    /// The procedure code, `SV301-2`, trimmed.
    pub code: String,
    /// Procedure modifiers, `SV301-3` to `SV301-6`, those present.
    pub modifiers: Vec<String>,
    /// The line charge, `SV302`, as written.
    pub charge: Option<String>,
    /// Oral cavity designation codes, the components of `SV304` (up to 5).
    pub oral_cavity: Vec<String>,
    /// The prosthesis, crown or inlay code, `SV305`.
    pub prosthesis: Option<String>,
    /// The procedure count, `SV306`, as written.
    pub quantity: Option<String>,
    /// The line's own date of service: `DTP*472` in the `LX` loop.
    pub line_date: Option<X12Date>,
    /// The claim's orthodontic appliance placement date, `DTP*452`.
    pub appliance_placed: Option<X12Date>,
    /// Whether the claim is a predetermination (`CLM19` = `PB`).
    pub predetermination: bool,
    /// The transaction's creation date, `BHT04` (`CCYYMMDD`).
    pub transaction_date: Option<String>,
    /// Teeth from the line's `TOO` segments, in order.
    pub teeth: Vec<ToothInfo>,
    /// The segment number of the `LX`.
    pub lx_segment: u64,
    /// The segment number of the `SV3`.
    pub sv3_segment: u64,
}

impl ServiceLine {
    /// The date of service that applies: the line's, else the claim's.
    #[must_use]
    pub fn date_of_service(&self) -> Option<&X12Date> {
        self.line_date.as_ref().or(self.claim_date.as_ref())
    }
}

/// A problem with an interchange's envelope (its `ISA`/`IEA`, `GS`/`GE`
/// and `ST`/`SE` pairs): a control count that does not match, or a
/// trailer that is missing. Reported once, apart from the claim lines,
/// which it does not make wrong.
///
/// ```
/// use cdt_codes::claims::x12::X12Reader;
///
/// let text = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       \
///     *260215*1030*^*00501*000000001*0*T*:~GS*HC*S*R*20260215*1030*1*X*005010X224A2~\
///     ST*837*0001*005010X224A2~CLM*C1*55***11:B:1*Y*A*Y*Y~\
///     DTP*472*D8*20260115~LX*1~SV3*AD:D0120*55****1~SE*9*0001~GE*1*1~IEA*1*000000001~";
/// let mut reader = X12Reader::new(text.as_bytes())?;
/// assert_eq!(reader.by_ref().filter(Result::is_ok).count(), 1);
/// let warnings = reader.envelope_warnings();
/// assert_eq!(warnings.len(), 1);
/// assert_eq!(
///     warnings[0].to_string(),
///     "segment 8: SE01 says 9 segments; the transaction set has 6"
/// );
/// # Ok::<(), cdt_codes::claims::x12::X12Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct EnvelopeWarning {
    /// The segment it is about (the trailer, or the last segment read).
    pub segment: u64,
    /// What is wrong, in words.
    pub problem: String,
}

impl core::fmt::Display for EnvelopeWarning {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "segment {}: {}", self.segment, self.problem)
    }
}

/// What a transaction set is, in words, from its id (`ST01`) and version
/// (`ST03` or `GS08`): the name of what a file holds when it is not an 837
/// dental claim.
///
/// ```
/// use cdt_codes::claims::x12::transaction_name;
///
/// assert_eq!(transaction_name("837", "005010X222A1"), "an 837 professional claim (005010X222A1)");
/// assert_eq!(transaction_name("835", "005010X221A1"), "an 835 claim payment/advice (005010X221A1)");
/// ```
#[must_use]
pub fn transaction_name(id: &str, version: &str) -> String {
    let what = match id {
        "837" if version.contains("X222") || version.contains("X098") => {
            "an 837 professional claim"
        }
        "837" if version.contains("X223") || version.contains("X096") => {
            "an 837 institutional claim"
        }
        "837" if is_dental_version(version) => "an 837 dental claim",
        "837" => "an 837 claim of another kind",
        "835" => "an 835 claim payment/advice",
        "270" => "a 270 eligibility inquiry",
        "271" => "a 271 eligibility response",
        "276" => "a 276 claim status request",
        "277" => "a 277 claim status response",
        "278" => "a 278 services review",
        "834" => "an 834 benefit enrollment",
        "820" => "an 820 premium payment",
        "999" => "a 999 acknowledgment",
        "997" => "a 997 functional acknowledgment",
        _ => "a transaction set of another kind",
    };
    if version.is_empty() {
        alloc::format!("{what} (ST01 {id})")
    } else if what.starts_with("a transaction") {
        alloc::format!("{what} (ST01 {id}, {version})")
    } else {
        alloc::format!("{what} ({version})")
    }
}

/// Whether an implementation guide version is the 837 dental one: 5010
/// (`005010X224A2`, `005010X224A1`) or 4010 (`004010X097A1`).
fn is_dental_version(version: &str) -> bool {
    version.contains("X224") || version.contains("X097")
}

/// A problem in an interchange. Each names the segment it is about,
/// counting from 1 at the `ISA`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum X12Error {
    /// Reading failed; the reader stops.
    #[error("segment {segment}: reading failed: {source}")]
    Io {
        /// The segment being read.
        segment: u64,
        /// The error from the underlying reader.
        source: io::Error,
    },
    /// The input does not start with `ISA` (after an optional byte-order
    /// mark and whitespace).
    #[error("segment {segment}: the input does not start with an ISA segment")]
    NoIsa {
        /// Always 1.
        segment: u64,
    },
    /// The input ends, or runs past 512 bytes, before the `ISA` is
    /// complete.
    #[error("segment {segment}: the ISA segment is incomplete")]
    ShortIsa {
        /// Always 1.
        segment: u64,
    },
    /// The `ISA` delimiters cannot be used, or a later `ISA` is malformed
    /// or changes them (reading then stops).
    #[error("segment {segment}: bad delimiters: {problem}")]
    BadDelimiters {
        /// The `ISA`: 1 for the first, else its number counted in the
        /// interchange before it.
        segment: u64,
        /// What is wrong.
        problem: &'static str,
    },
    /// A segment is longer than the limit; it is skipped.
    #[error("segment {segment}: the segment is longer than {limit} bytes")]
    SegmentTooLong {
        /// The segment.
        segment: u64,
        /// The limit in force, in bytes.
        limit: usize,
    },
    /// A segment's id is not two or three capital letters or digits: the
    /// text is not X12, or the delimiters are wrong.
    #[error("segment {segment}: not a segment: {text:?}")]
    NotASegment {
        /// The segment.
        segment: u64,
        /// Its first few bytes, lossily decoded.
        text: String,
    },
    /// An `SV3` that is not in an `LX` loop, or is the second in one.
    #[error("segment {segment}: SV3 without an LX before it")]
    Sv3WithoutLx {
        /// The `SV3`.
        segment: u64,
    },
    /// An `LX` loop that ends without an `SV3`.
    #[error("segment {segment}: LX without an SV3")]
    LxWithoutSv3 {
        /// The `LX`.
        segment: u64,
    },
    /// `SV301` has no procedure code.
    #[error("segment {segment}: SV301 has no procedure code")]
    MissingCode {
        /// The `SV3`.
        segment: u64,
    },
    /// A required element is missing or unreadable.
    #[error("segment {segment}: {element} {problem}")]
    BadElement {
        /// The segment.
        segment: u64,
        /// The element, such as `LX01`.
        element: &'static str,
        /// What is wrong with it.
        problem: &'static str,
    },
    /// Segments out of the order an 837 dental claim has.
    #[error("segment {segment}: {problem}")]
    Structure {
        /// The segment.
        segment: u64,
        /// What is out of place.
        problem: &'static str,
    },
    /// A transaction set that is not an 837 dental claim; it is skipped up
    /// to its `SE`.
    #[error("segment {segment}: not an 837 dental claim but {found}; transaction skipped")]
    NotDental {
        /// The `ST`.
        segment: u64,
        /// What the transaction set is, from [`transaction_name`].
        found: String,
    },
    /// The input ends before the `IEA`.
    #[error("segment {segment}: the input ends before the IEA segment")]
    Truncated {
        /// The last segment read.
        segment: u64,
    },
}

impl X12Error {
    /// The segment the error is about.
    #[must_use]
    pub fn segment(&self) -> u64 {
        match self {
            X12Error::Io { segment, .. }
            | X12Error::NoIsa { segment }
            | X12Error::ShortIsa { segment }
            | X12Error::BadDelimiters { segment, .. }
            | X12Error::SegmentTooLong { segment, .. }
            | X12Error::NotASegment { segment, .. }
            | X12Error::Sv3WithoutLx { segment }
            | X12Error::LxWithoutSv3 { segment }
            | X12Error::MissingCode { segment }
            | X12Error::BadElement { segment, .. }
            | X12Error::Structure { segment, .. }
            | X12Error::NotDental { segment, .. }
            | X12Error::Truncated { segment } => *segment,
        }
    }
}

/// The claim being read.
#[derive(Debug)]
struct Claim {
    id: String,
    date: Option<X12Date>,
    /// `DTP*452`, the orthodontic appliance placement date.
    appliance_placed: Option<X12Date>,
    /// `CLM19` is `PB`.
    predetermination: bool,
    /// `CLM01` was missing: its lines are dropped silently.
    failed: bool,
}

/// The `LX` loop being read.
#[derive(Debug)]
struct Draft {
    line_number: u32,
    lx_segment: u64,
    sv3: Option<Sv3>,
    date: Option<X12Date>,
    teeth: Vec<ToothInfo>,
    /// An error was already reported for this line: drop it silently.
    failed: bool,
}

#[derive(Debug)]
struct Sv3 {
    segment: u64,
    qualifier: String,
    code: String,
    modifiers: Vec<String>,
    charge: Option<String>,
    oral_cavity: Vec<String>,
    prosthesis: Option<String>,
    quantity: Option<String>,
}

/// What [`X12Reader::read_segment`] found.
enum Segment {
    End,
    Read,
    TooLong,
}

/// Streams the service lines of an 837 dental interchange; see the
/// [module](self) docs.
///
/// ```
/// # use cdt_codes::claims::x12::X12Reader;
/// let text = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       \
///     *260215*1030*^*00501*000000001*0*T*:~GS*HC*S*R*20260215*1030*1*X*005010X224A2~\
///     ST*837*0001*005010X224A2~HL*1**20*1~HL*2*1*22*0~CLM*C1*55***11:B:1*Y*A*Y*Y~\
///     DTP*472*D8*20260115~LX*1~SV3*AD:D0120*55****1~SE*8*0001~GE*1*1~IEA*1*000000001~";
/// let lines: Vec<_> = X12Reader::new(text.as_bytes())?.collect::<Result<_, _>>()?;
/// assert_eq!(lines.len(), 1);
/// assert_eq!((lines[0].claim_id.as_str(), lines[0].code.as_str()), ("C1", "D0120"));
/// assert_eq!(lines[0].date_of_service().and_then(|d| d.start()), Some("20260115"));
/// # Ok::<(), cdt_codes::claims::x12::X12Error>(())
/// ```
#[derive(Debug)]
pub struct X12Reader<R> {
    inner: R,
    delimiters: Delimiters,
    limit: usize,
    /// The current segment, trimmed.
    seg: Vec<u8>,
    /// Segments read in the current interchange, the current one included.
    segment: u64,
    pending: VecDeque<Result<ServiceLine, X12Error>>,
    /// The `GS08` of the current functional group.
    group_version: Option<String>,
    /// The segment number of the open `ST`, if any.
    transaction: Option<u64>,
    /// The open transaction's `BHT04`.
    transaction_date: Option<String>,
    /// The transaction sets (`ST`) counted in the open functional group;
    /// `None` when no `GS` is open.
    group: Option<u64>,
    /// Functional groups (`GS`) in the open interchange.
    groups_in_interchange: u64,
    /// Problems with the envelope, apart from the lines.
    envelope: Vec<EnvelopeWarning>,
    /// The open transaction is not dental: skip to its `SE`.
    skipping: bool,
    claim: Option<Claim>,
    draft: Option<Draft>,
    /// The `IEA` of the current interchange was read.
    closed: bool,
    done: bool,
}

impl<R: BufRead> X12Reader<R> {
    /// Reads the `ISA` and takes the delimiters from it.
    ///
    /// # Errors
    ///
    /// [`X12Error::NoIsa`], [`X12Error::ShortIsa`],
    /// [`X12Error::BadDelimiters`] or [`X12Error::Io`].
    pub fn new(inner: R) -> Result<Self, X12Error> {
        let mut reader = X12Reader {
            inner,
            delimiters: Delimiters {
                element: b'*',
                component: b':',
                repetition: None,
                segment: b'~',
            },
            limit: DEFAULT_SEGMENT_LIMIT,
            seg: Vec::new(),
            segment: 1,
            pending: VecDeque::new(),
            group_version: None,
            transaction: None,
            transaction_date: None,
            group: None,
            groups_in_interchange: 0,
            envelope: Vec::new(),
            skipping: false,
            claim: None,
            draft: None,
            closed: false,
            done: false,
        };
        reader.delimiters = reader.read_isa()?;
        Ok(reader)
    }

    /// Sets the longest segment, in bytes (at least 106, the length of an
    /// `ISA`); longer ones give [`X12Error::SegmentTooLong`].
    #[must_use]
    pub fn with_segment_limit(mut self, limit: usize) -> Self {
        self.limit = limit.max(106);
        self
    }

    /// The delimiters read from the `ISA`.
    #[must_use]
    pub fn delimiters(&self) -> Delimiters {
        self.delimiters
    }

    /// The envelope problems found so far: control counts (`SE01`,
    /// `GE01`, `IEA01`) that do not match, and missing trailers. None of
    /// them is a claim line.
    #[must_use]
    pub fn envelope_warnings(&self) -> &[EnvelopeWarning] {
        &self.envelope
    }

    fn envelope_warning(&mut self, problem: String) {
        // Bounded: a file of endless broken envelopes keeps the first ones.
        if self.envelope.len() < HOLD_LIMIT {
            self.envelope.push(EnvelopeWarning {
                segment: self.segment,
                problem,
            });
        }
    }

    /// Bytes of segment buffer the reader holds now, for checking that
    /// memory stays bounded.
    #[must_use]
    pub fn buffer_capacity(&self) -> usize {
        self.seg.capacity()
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
                        segment: self.segment,
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
        // ISA01 to ISA15, each ended by the element separator.
        let mut fields: Vec<Vec<u8>> = Vec::with_capacity(16);
        let mut field = Vec::new();
        let mut read = 4;
        while fields.len() < 15 {
            let Some(byte) = self.next_byte()? else {
                return Err(short);
            };
            read += 1;
            if read > ISA_MAX {
                return Err(short);
            }
            if byte == element {
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
        let bad = |problem| X12Error::BadDelimiters {
            segment: 1,
            problem,
        };
        if !is_separator_byte(component) {
            return Err(bad(
                "the component separator (ISA16) is a letter, digit or space",
            ));
        }
        if !is_separator_byte(segment) {
            return Err(bad("the segment terminator is a letter, digit or space"));
        }
        if component == element || segment == element || segment == component {
            return Err(bad("the element separator, component separator and segment terminator are not all different"));
        }
        let repetition = match fields[10].as_slice() {
            [byte]
                if is_separator_byte(*byte)
                    && ![element, component, segment, b'\r', b'\n'].contains(byte) =>
            {
                Some(*byte)
            }
            _ => None,
        };
        Ok(Delimiters {
            element,
            component,
            repetition,
            segment,
        })
    }

    /// Reads the next non-empty segment into `seg`, trimmed of spaces and
    /// tabs, keeping at most the limit.
    fn read_segment(&mut self) -> Result<Segment, X12Error> {
        self.seg.clear();
        let terminator = self.delimiters.segment;
        let mut too_long = false;
        let mut started = false;
        loop {
            let available = match self.inner.fill_buf() {
                Ok(bytes) => bytes,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(source) => {
                    return Err(X12Error::Io {
                        segment: self.segment + 1,
                        source,
                    })
                }
            };
            if available.is_empty() {
                break;
            }
            let end = available
                .iter()
                .position(|&b| b == terminator || b == b'\n' || b == b'\r');
            let (chunk, used) = match end {
                Some(end) => (&available[..end], end + 1),
                None => (available, available.len()),
            };
            // Leading spaces and tabs are not part of a segment.
            let chunk = if started {
                chunk
            } else {
                let skip = chunk
                    .iter()
                    .position(|&b| b != b' ' && b != b'\t')
                    .unwrap_or(chunk.len());
                &chunk[skip..]
            };
            started |= !chunk.is_empty();
            if !too_long {
                if self.seg.len() + chunk.len() > self.limit {
                    too_long = true;
                    self.seg.clear();
                } else {
                    let needed = self.seg.len() + chunk.len();
                    if needed > self.seg.capacity() {
                        let target = self
                            .seg
                            .capacity()
                            .saturating_mul(2)
                            .min(self.limit)
                            .max(needed);
                        self.seg.reserve_exact(target - self.seg.len());
                    }
                    self.seg.extend_from_slice(chunk);
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
        self.segment += 1;
        if too_long {
            return Ok(Segment::TooLong);
        }
        while matches!(self.seg.last(), Some(b' ' | b'\t')) {
            self.seg.pop();
        }
        Ok(Segment::Read)
    }

    /// Reads segments until something can be given out or the input ends:
    /// while an `LX` loop still waits for its `SV3`, what is pending waits
    /// too (up to [`HOLD_LIMIT`] items), since an `LxWithoutSv3` for that
    /// loop would come before it.
    fn advance(&mut self) {
        while (self.pending.is_empty() || self.holding()) && !self.done {
            match self.read_segment() {
                Err(error) => {
                    self.pending.push_back(Err(error));
                    self.done = true;
                }
                Ok(Segment::End) => {
                    self.flush_line();
                    if !self.closed {
                        self.envelope_warning("the input ends before the IEA segment".into());
                    }
                    self.done = true;
                }
                Ok(Segment::TooLong) => self.pending.push_back(Err(X12Error::SegmentTooLong {
                    segment: self.segment,
                    limit: self.limit,
                })),
                Ok(Segment::Read) => {
                    let seg = core::mem::take(&mut self.seg);
                    self.handle(&seg);
                    self.seg = seg;
                }
            }
        }
    }

    /// Whether pending items wait for the open `LX` loop to end.
    fn holding(&self) -> bool {
        self.pending.len() < HOLD_LIMIT
            && self
                .draft
                .as_ref()
                .is_some_and(|draft| draft.sv3.is_none() && !draft.failed)
    }

    fn error(&mut self, error: X12Error) {
        self.pending.push_back(Err(error));
    }

    fn structure(&mut self, problem: &'static str) {
        self.error(X12Error::Structure {
            segment: self.segment,
            problem,
        });
    }

    /// Handles one segment.
    fn handle(&mut self, seg: &[u8]) {
        let d = self.delimiters;
        // An ISA names its own delimiters, which may differ from the
        // interchange before it: told by its shape, not by splitting.
        if seg.starts_with(b"ISA") && seg.get(3).is_none_or(|&b| is_separator_byte(b)) {
            self.new_interchange(seg);
            return;
        }
        let mut elements = seg.split(|&b| b == d.element);
        let id = elements.next().unwrap_or_default();
        let valid_id = (2..=3).contains(&id.len())
            && id
                .iter()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if !valid_id {
            let shown = &seg[..seg.len().min(20)];
            self.error(X12Error::NotASegment {
                segment: self.segment,
                text: String::from_utf8_lossy(shown).into_owned(),
            });
            return;
        }
        let fields: Vec<&[u8]> = elements.collect();
        let element = |n: usize| fields.get(n.wrapping_sub(1)).copied().unwrap_or_default();
        if self.closed {
            self.structure("segment after the IEA");
            return;
        }
        if self.skipping && id != b"SE" {
            return;
        }
        match id {
            b"IEA" | b"GS" | b"GE" | b"ST" | b"SE" => self.envelope_segment(id, &fields),
            b"HL" => {
                self.flush_line();
                self.claim = None;
            }
            b"CLM" => {
                self.flush_line();
                let id = text(element(1));
                let failed = id.trim().is_empty();
                if failed {
                    self.error(X12Error::BadElement {
                        segment: self.segment,
                        element: "CLM01",
                        problem: "(the claim id) is missing",
                    });
                }
                if self.transaction.is_none() {
                    self.structure("CLM outside a transaction set");
                }
                self.claim = Some(Claim {
                    id: id.trim().to_string(),
                    date: None,
                    appliance_placed: None,
                    predetermination: element(19) == b"PB",
                    failed,
                });
            }
            b"DTP" if element(1) == b"472" => self.service_date(element(2), element(3)),
            b"DTP" if element(1) == b"452" && self.draft.is_none() => {
                if let Some(claim) = &mut self.claim {
                    claim.appliance_placed.get_or_insert(X12Date {
                        qualifier: text(element(2)).trim().to_string(),
                        value: text(element(3)).trim().to_string(),
                    });
                }
            }
            b"BHT" => {
                let date = text(element(4)).trim().to_string();
                self.transaction_date = (!date.is_empty()).then_some(date);
            }
            b"LX" => self.start_line(element(1)),
            b"SV3" => self.sv3(&fields),
            b"TOO" => self.tooth(&fields),
            _ => {}
        }
    }

    /// The envelope's segments: `ISA`'s partners `IEA`, `GS`/`GE` and
    /// `ST`/`SE`, with their control counts.
    fn envelope_segment(&mut self, id: &[u8], fields: &[&[u8]]) {
        let element = |n: usize| fields.get(n.wrapping_sub(1)).copied().unwrap_or_default();
        match id {
            b"IEA" => {
                self.close_transaction("IEA");
                self.close_group("IEA");
                let groups = self.groups_in_interchange;
                self.control_count("IEA01", element(1), groups, "functional groups");
                self.closed = true;
            }
            b"GS" => {
                self.close_transaction("GS");
                self.close_group("GS");
                self.group_version = Some(text(element(8)));
                self.group = Some(0);
                self.groups_in_interchange += 1;
            }
            b"GE" => {
                self.close_transaction("GE");
                match self.group.take() {
                    Some(sets) => self.control_count("GE01", element(1), sets, "transaction sets"),
                    None => self.envelope_warning("GE without a GS before it".into()),
                }
                self.group_version = None;
            }
            b"ST" => {
                self.close_transaction("ST");
                if let Some(sets) = &mut self.group {
                    *sets += 1;
                }
                self.start_transaction(element(1), element(3));
            }
            b"SE" => {
                let st = self.transaction;
                self.end_transaction();
                self.skipping = false;
                match st {
                    None => self.envelope_warning("SE without an ST before it".into()),
                    Some(st) => {
                        let segments = self.segment - st + 1;
                        self.control_count("SE01", element(1), segments, "segments");
                    }
                }
            }
            _ => {}
        }
    }

    /// Checks a trailer's control count against what was counted.
    fn control_count(&mut self, element: &str, written: &[u8], counted: u64, what: &str) {
        let written = text(written);
        let written = written.trim();
        if written.parse::<u64>().ok() != Some(counted) {
            let holds = match what {
                "segments" => "the transaction set has",
                "transaction sets" => "the functional group has",
                _ => "the interchange has",
            };
            self.envelope_warning(alloc::format!(
                "{element} says {written} {what}; {holds} {counted}"
            ));
        }
    }

    /// Ends a transaction set whose `SE` is missing, saying so.
    fn close_transaction(&mut self, by: &str) {
        if self.transaction.is_some() {
            self.envelope_warning(alloc::format!(
                "{by} before the SE of the open transaction set"
            ));
        }
        self.end_transaction();
        self.skipping = false;
    }

    /// Ends a functional group whose `GE` is missing, saying so.
    fn close_group(&mut self, by: &str) {
        if self.group.take().is_some() {
            self.envelope_warning(alloc::format!(
                "{by} before the GE of the open functional group"
            ));
        }
    }

    /// A later `ISA`: a new interchange, with the delimiters it declares
    /// (its element separator is the byte after `ISA`, its component
    /// separator `ISA16`, its terminator the byte after that). When its
    /// terminator differs from the one in force, the segments read with
    /// the old one after `ISA16` are split again with the new one.
    fn new_interchange(&mut self, seg: &[u8]) {
        if !self.closed && self.segment > 1 {
            self.close_transaction("ISA");
            self.close_group("ISA");
            self.envelope_warning("ISA before the IEA of the previous interchange".into());
        }
        self.end_transaction();
        let Some(&element) = seg.get(3) else {
            return self.bad_later_isa("a later ISA has fewer than 16 elements");
        };
        let Some(sixteenth) = seg
            .iter()
            .enumerate()
            .filter(|(_, &b)| b == element)
            .nth(15)
            .map(|(at, _)| at)
        else {
            return self.bad_later_isa("a later ISA has fewer than 16 elements");
        };
        let Some(&component) = seg.get(sixteenth + 1) else {
            return self.bad_later_isa("a later ISA has no component separator (ISA16)");
        };
        let terminator = seg
            .get(sixteenth + 2)
            .copied()
            .unwrap_or(self.delimiters.segment);
        if !is_separator_byte(component) || matches!(component, b'\r' | b'\n') {
            return self.bad_later_isa(
                "the component separator (ISA16) is a letter, digit, space or line break",
            );
        }
        if !is_separator_byte(terminator) {
            return self.bad_later_isa("the segment terminator is a letter, digit or space");
        }
        if component == element || terminator == element || terminator == component {
            return self.bad_later_isa(
                "the element separator, component separator and segment terminator are not all different",
            );
        }
        let isa11 = seg.split(|&b| b == element).nth(11).unwrap_or_default();
        let repetition = match isa11 {
            [byte]
                if is_separator_byte(*byte)
                    && ![element, component, terminator, b'\r', b'\n'].contains(byte) =>
            {
                Some(*byte)
            }
            _ => None,
        };
        self.delimiters = Delimiters {
            element,
            component,
            repetition,
            segment: terminator,
        };
        self.segment = 1;
        self.closed = false;
        self.group_version = None;
        self.groups_in_interchange = 0;
        self.group = None;
        // Segments read past ISA16 because the old terminator differed.
        let rest = seg.get(sixteenth + 3..).unwrap_or_default();
        for piece in rest.split(|&b| b == terminator) {
            let piece = piece.trim_ascii();
            if !piece.is_empty() && !self.done {
                self.segment += 1;
                self.handle(piece);
            }
        }
    }

    fn bad_later_isa(&mut self, problem: &'static str) {
        self.error(X12Error::BadDelimiters {
            segment: self.segment,
            problem,
        });
        self.done = true;
    }

    fn start_transaction(&mut self, id: &[u8], version: &[u8]) {
        self.end_transaction();
        self.transaction = Some(self.segment);
        let version = if version.is_empty() {
            self.group_version.clone().unwrap_or_default()
        } else {
            text(version)
        };
        self.transaction_date = None;
        if id != b"837" || !(version.is_empty() || is_dental_version(&version)) {
            self.skipping = true;
            let found = transaction_name(&text(id), &version);
            self.error(X12Error::NotDental {
                segment: self.segment,
                found,
            });
        }
    }

    /// Ends the open transaction set's claim and line.
    fn end_transaction(&mut self) {
        self.flush_line();
        self.claim = None;
        self.transaction = None;
    }

    fn service_date(&mut self, qualifier: &[u8], value: &[u8]) {
        if qualifier.is_empty() || value.is_empty() {
            self.error(X12Error::BadElement {
                segment: self.segment,
                element: if qualifier.is_empty() {
                    "DTP02"
                } else {
                    "DTP03"
                },
                problem: "is missing",
            });
            return;
        }
        let date = X12Date {
            qualifier: text(qualifier).trim().to_string(),
            value: text(value).trim().to_string(),
        };
        if let Some(draft) = &mut self.draft {
            draft.date.get_or_insert(date);
        } else if let Some(claim) = &mut self.claim {
            claim.date.get_or_insert(date);
        }
    }

    fn start_line(&mut self, number: &[u8]) {
        self.flush_line();
        let mut failed = false;
        let line_number = text(number).trim().parse::<u32>().unwrap_or_else(|_| {
            failed = true;
            0
        });
        if failed {
            self.error(X12Error::BadElement {
                segment: self.segment,
                element: "LX01",
                problem: "(the line number) is not a number",
            });
        }
        match &self.claim {
            None => {
                failed = true;
                self.structure("LX outside a claim (no CLM before it)");
            }
            Some(claim) => failed |= claim.failed,
        }
        self.draft = Some(Draft {
            line_number,
            lx_segment: self.segment,
            sv3: None,
            date: None,
            teeth: Vec::new(),
            failed,
        });
    }

    fn sv3(&mut self, fields: &[&[u8]]) {
        let segment = self.segment;
        let component = self.delimiters.component;
        let Some(draft) = self.draft.as_mut().filter(|d| d.sv3.is_none()) else {
            self.error(X12Error::Sv3WithoutLx { segment });
            return;
        };
        if draft.failed {
            return;
        }
        let element = |n: usize| fields.get(n - 1).copied().unwrap_or_default();
        let procedure = components(element(1), component);
        let code = procedure.get(1).map_or("", |c| c.trim());
        if code.is_empty() {
            draft.failed = true;
            self.error(X12Error::MissingCode { segment });
            return;
        }
        let optional = |bytes: &[u8]| {
            let value = text(bytes);
            let value = value.trim();
            (!value.is_empty()).then(|| value.to_string())
        };
        let sv3 = Sv3 {
            segment,
            qualifier: procedure[0].trim().to_string(),
            code: code.to_string(),
            modifiers: procedure
                .iter()
                .skip(2)
                .take(4)
                .map(|m| m.trim())
                .filter(|m| !m.is_empty())
                .map(ToString::to_string)
                .collect(),
            charge: optional(element(2)),
            oral_cavity: components(element(4), component)
                .into_iter()
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
                .take(5)
                .collect(),
            prosthesis: optional(element(5)),
            quantity: optional(element(6)),
        };
        draft.sv3 = Some(sv3);
    }

    fn tooth(&mut self, fields: &[&[u8]]) {
        let component = self.delimiters.component;
        let Some(draft) = &mut self.draft else {
            self.structure("TOO outside a service line (no LX before it)");
            return;
        };
        let element = |n: usize| fields.get(n - 1).copied().unwrap_or_default();
        draft.teeth.push(ToothInfo {
            qualifier: text(element(1)).trim().to_string(),
            code: text(element(2)).trim().to_string(),
            surfaces: components(element(3), component)
                .into_iter()
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
                .collect(),
        });
    }

    /// Ends the open `LX` loop: queues its service line, or the error for
    /// a loop without `SV3`.
    fn flush_line(&mut self) {
        let Some(draft) = self.draft.take() else {
            return;
        };
        if draft.failed {
            return;
        }
        let Some(sv3) = draft.sv3 else {
            // Before what was found inside the loop, which waited for it.
            let lx = draft.lx_segment;
            let at = self
                .pending
                .iter()
                .position(|item| match item {
                    Ok(line) => line.lx_segment > lx,
                    Err(error) => error.segment() > lx,
                })
                .unwrap_or(self.pending.len());
            self.pending
                .insert(at, Err(X12Error::LxWithoutSv3 { segment: lx }));
            return;
        };
        let (claim_id, claim_date, appliance_placed, predetermination) = match &self.claim {
            Some(claim) => (
                claim.id.clone(),
                claim.date.clone(),
                claim.appliance_placed.clone(),
                claim.predetermination,
            ),
            None => (String::new(), None, None, false),
        };
        self.pending.push_back(Ok(ServiceLine {
            claim_id,
            claim_date,
            line_number: draft.line_number,
            qualifier: sv3.qualifier,
            code: sv3.code,
            modifiers: sv3.modifiers,
            charge: sv3.charge,
            oral_cavity: sv3.oral_cavity,
            prosthesis: sv3.prosthesis,
            quantity: sv3.quantity,
            line_date: draft.date,
            appliance_placed,
            predetermination,
            transaction_date: self.transaction_date.clone(),
            teeth: draft.teeth,
            lx_segment: draft.lx_segment,
            sv3_segment: sv3.segment,
        }));
    }
}

impl<R: BufRead> Iterator for X12Reader<R> {
    type Item = Result<ServiceLine, X12Error>;

    fn next(&mut self) -> Option<Self::Item> {
        self.advance();
        self.pending.pop_front()
    }
}

/// Element bytes as text; bytes that are not UTF-8 become U+FFFD.
fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The components of a composite element, as text.
fn components(bytes: &[u8], separator: u8) -> Vec<String> {
    bytes.split(|&b| b == separator).map(text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::{format, vec};
    use core::fmt::Write as _;
    use std::io::Read;

    const ISA: &str = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260215*1030*^*00501*000000001*0*T*:~";

    const FIXTURE: &[u8] = include_bytes!("../../../tests/fixtures/claims.837");
    const ONE_LINE: &[u8] = include_bytes!("../../../tests/fixtures/claims_one_line.837");
    const ALT: &[u8] = include_bytes!("../../../tests/fixtures/claims_alt_delims.837");

    /// An interchange around `body` (segments after ST, before SE), with a
    /// correct SE count.
    fn wrap(body: &[&str]) -> String {
        let mut text =
            format!("{ISA}GS*HC*S*R*20260215*1030*1*X*005010X224A2~ST*837*0001*005010X224A2~");
        for seg in body {
            text.push_str(seg);
            text.push('~');
        }
        let _ = write!(text, "SE*{}*0001~GE*1*1~IEA*1*000000001~", body.len() + 2);
        text
    }

    fn read(bytes: &[u8]) -> Vec<Result<ServiceLine, X12Error>> {
        X12Reader::new(bytes).unwrap().collect()
    }

    /// The envelope warnings of a whole read, as text.
    fn envelope(bytes: &[u8]) -> Vec<String> {
        let mut reader = X12Reader::new(bytes).unwrap();
        for _ in reader.by_ref() {}
        reader
            .envelope_warnings()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    fn errors(results: &[Result<ServiceLine, X12Error>]) -> Vec<String> {
        results
            .iter()
            .filter_map(|r| r.as_ref().err().map(ToString::to_string))
            .collect()
    }

    fn read_lines(results: Vec<Result<ServiceLine, X12Error>>) -> Vec<ServiceLine> {
        lines(results)
    }

    fn lines(results: Vec<Result<ServiceLine, X12Error>>) -> Vec<ServiceLine> {
        results.into_iter().filter_map(Result::ok).collect()
    }

    #[test]
    fn reads_the_fixture() {
        let results = read(FIXTURE);
        assert!(errors(&results).is_empty(), "{:?}", errors(&results));
        let lines = lines(results);
        let summary: Vec<(&str, u32, &str, Option<&str>)> = lines
            .iter()
            .map(|l| {
                (
                    l.claim_id.as_str(),
                    l.line_number,
                    l.code.as_str(),
                    l.date_of_service().and_then(X12Date::start),
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                ("CLAIM001", 1, "D0120", Some("20260115")),
                ("CLAIM001", 2, "D2392", Some("20260115")),
                ("CLAIM002", 1, "D1352", Some("20260201")),
                ("CLAIM002", 2, "D4341", Some("20260130")),
                ("CLAIM003", 1, "D0000", Some("20260203")),
                ("CLAIM003", 2, "D5110", Some("20260203")),
                ("CLAIM003", 3, "D7140", Some("20260204")),
            ]
        );
        let d2391 = &lines[1];
        assert_eq!(d2391.qualifier, "AD");
        assert_eq!(d2391.charge.as_deref(), Some("190"));
        assert_eq!(d2391.quantity.as_deref(), Some("1"));
        assert!(d2391.line_date.is_none());
        assert_eq!(
            d2391.teeth,
            vec![ToothInfo {
                qualifier: "JP".into(),
                code: "30".into(),
                surfaces: vec!["M".into(), "O".into()]
            }]
        );
        let d1352 = &lines[2];
        assert_eq!(
            d1352.line_date,
            Some(X12Date {
                qualifier: "D8".into(),
                value: "20260201".into()
            })
        );
        assert_eq!(
            d1352
                .date_of_service()
                .and_then(X12Date::start_iso)
                .as_deref(),
            Some("2026-02-01")
        );
        assert_eq!(lines[3].oral_cavity, vec!["10".to_string()]);
        let d5110 = &lines[5];
        assert_eq!(d5110.oral_cavity, vec!["01".to_string()]);
        assert_eq!(d5110.prosthesis.as_deref(), Some("I"));
        assert_eq!(
            d5110.claim_date.as_ref().map(|d| d.qualifier.as_str()),
            Some("RD8")
        );
        assert_eq!(
            d5110.claim_date.as_ref().and_then(X12Date::end),
            Some("20260205")
        );
        let d7140 = &lines[6];
        assert_eq!(d7140.teeth[0].code, "1");
        assert!(d7140.teeth[0].surfaces.is_empty());
        // Segment numbers: LX and SV3 follow each other.
        for line in &lines {
            assert_eq!(line.sv3_segment, line.lx_segment + 1);
        }
    }

    #[test]
    fn all_three_fixtures_agree() {
        let main = lines(read(FIXTURE));
        let one = read(ONE_LINE);
        assert!(errors(&one).is_empty(), "{:?}", errors(&one));
        assert_eq!(lines(one), main);
        let alt_reader = X12Reader::new(ALT).unwrap();
        assert_eq!(
            alt_reader.delimiters(),
            Delimiters {
                element: b'|',
                component: b'^',
                repetition: Some(b'{'),
                segment: b'\n'
            }
        );
        let alt: Vec<_> = alt_reader.collect();
        assert!(errors(&alt).is_empty(), "{:?}", errors(&alt));
        assert_eq!(lines(alt), main);
    }

    #[test]
    fn crlf_line_breaks_and_bom() {
        let text = String::from_utf8(FIXTURE.to_vec())
            .unwrap()
            .replace('\n', "\r\n");
        let with_bom = format!("\u{feff}\r\n  {text}");
        assert_eq!(lines(read(with_bom.as_bytes())), lines(read(FIXTURE)));
        // Line breaks instead of terminators after the ISA.
        let text = String::from_utf8(FIXTURE.to_vec()).unwrap();
        let (isa, rest) = text.split_at(106);
        let bare = format!("{isa}{}", rest.replace("~\n", "\n"));
        let results = read(bare.as_bytes());
        assert!(errors(&results).is_empty());
        assert_eq!(lines(results), lines(read(FIXTURE)));
    }

    #[test]
    fn segment_numbers_count_from_isa() {
        let text = wrap(&[
            "HL*1**20*1",
            "CLM*C1*10***11:B:1",
            "LX*1",
            "SV3*AD:D0120*10****1",
        ]);
        let lines = lines(read(text.as_bytes()));
        // ISA=1, GS=2, ST=3, HL=4, CLM=5, LX=6, SV3=7.
        assert_eq!((lines[0].lx_segment, lines[0].sv3_segment), (6, 7));
    }

    #[test]
    fn modifiers_and_composites() {
        let text = wrap(&[
            "CLM*C1*10",
            "LX*1",
            "SV3*AD:D2740:AA::BB*10**10:20:30:40:01:02*R*2",
            "TOO*JP*14*M:O:D:B:L",
            "TOO*JP*15",
        ]);
        let lines = lines(read(text.as_bytes()));
        let line = &lines[0];
        assert_eq!(line.modifiers, vec!["AA".to_string(), "BB".to_string()]);
        assert_eq!(line.oral_cavity.len(), 5);
        assert_eq!(line.prosthesis.as_deref(), Some("R"));
        assert_eq!(line.quantity.as_deref(), Some("2"));
        assert_eq!(line.teeth.len(), 2);
        assert_eq!(line.teeth[0].surfaces.len(), 5);
        assert!(line.claim_date.is_none() && line.date_of_service().is_none());
    }

    #[test]
    fn minimal_sv3() {
        let text = wrap(&["CLM*C1*10", "LX*7", "SV3*AD:D0120"]);
        let lines = lines(read(text.as_bytes()));
        assert_eq!(lines[0].line_number, 7);
        assert_eq!(
            (lines[0].charge.as_deref(), lines[0].quantity.as_deref()),
            (None, None)
        );
    }

    #[test]
    fn structure_errors_are_reported_and_reading_goes_on() {
        let text = wrap(&[
            "CLM*C1*10",
            "SV3*AD:D0120*10", // 5: no LX
            "LX*1",            // 6: no SV3
            "LX*2",            // 7
            "SV3*AD*10",       // 8: no code
            "LX*3",            // 9
            "SV3*AD:D0140*10", // 10: fine
            "SV3*AD:D0150*10", // 11: second SV3 in one LX
            "LX*X",            // 12: bad number
            "SV3*AD:D0160*10", // 13: dropped with its LX
            "CLM**10",         // 14: no id
            "LX*1",            // 15: dropped with its claim
            "SV3*AD:D0170*10", // 16
            "CLM*C3*10",       // 17
            "LX*1",            // 18
            "SV3*AD:D0180*10", // 19: fine
        ]);
        let results = read(text.as_bytes());
        assert_eq!(
            errors(&results),
            vec![
                "segment 5: SV3 without an LX before it",
                "segment 6: LX without an SV3",
                "segment 8: SV301 has no procedure code",
                "segment 11: SV3 without an LX before it",
                "segment 12: LX01 (the line number) is not a number",
                "segment 14: CLM01 (the claim id) is missing",
            ]
        );
        let codes: Vec<_> = lines(results)
            .into_iter()
            .map(|l| (l.claim_id, l.code))
            .collect();
        assert_eq!(
            codes,
            vec![("C1".into(), "D0140".into()), ("C3".into(), "D0180".into())]
        );
    }

    #[test]
    fn lx_outside_claim_and_too_outside_line() {
        let text = wrap(&["TOO*JP*3", "LX*1", "SV3*AD:D0120"]);
        assert_eq!(
            errors(&read(text.as_bytes())),
            vec![
                "segment 4: TOO outside a service line (no LX before it)",
                "segment 5: LX outside a claim (no CLM before it)"
            ]
        );
    }

    /// An `LX` loop without `SV3` is reported before what went wrong
    /// inside it, in segment order, although it is only known when the
    /// loop ends.
    #[test]
    fn a_loop_without_sv3_keeps_its_place_in_segment_order() {
        let text = wrap(&[
            "CLM*C1*10",
            "LX*1",
            "TOO*JP*3",
            "DTP*472*D8",
            "LX*2",
            "SV3*AD:D0120",
        ]);
        let results = read(text.as_bytes());
        let segments: Vec<u64> = results
            .iter()
            .map(|item| match item {
                Ok(line) => line.lx_segment,
                Err(error) => error.segment(),
            })
            .collect();
        assert!(
            matches!(
                results.first(),
                Some(Err(X12Error::LxWithoutSv3 { segment: 5 }))
            ),
            "{results:?}"
        );
        assert!(
            segments.windows(2).all(|pair| pair[0] <= pair[1]),
            "{segments:?}"
        );
        assert_eq!(lines(results).len(), 1);
    }

    /// Past [`HOLD_LIMIT`] held items, they are given out: memory stays
    /// bounded on a loop of endless errors.
    #[test]
    fn a_loop_of_endless_errors_is_not_held_without_bound() {
        let body: Vec<&str> = ["CLM*C1*10", "LX*1"]
            .into_iter()
            .chain(core::iter::repeat_n("DTP*472*D8", HOLD_LIMIT + 10))
            .collect();
        let text = wrap(&body);
        let mut reader = X12Reader::new(text.as_bytes()).unwrap();
        let first = reader.next();
        assert!(
            matches!(first, Some(Err(X12Error::BadElement { .. }))),
            "{first:?}"
        );
        assert!(reader.pending.len() < HOLD_LIMIT);
        let rest: Vec<_> = reader.collect();
        assert!(rest
            .iter()
            .any(|item| matches!(item, Err(X12Error::LxWithoutSv3 { segment: 5 }))));
    }

    #[test]
    fn se_count_is_checked() {
        let text = wrap(&["CLM*C1*10", "LX*1", "SV3*AD:D0120"]).replace("SE*5*", "SE*9*");
        let results = read(text.as_bytes());
        // An envelope warning, not a line.
        assert!(errors(&results).is_empty());
        assert_eq!(lines(results).len(), 1);
        assert_eq!(
            envelope(text.as_bytes()),
            vec!["segment 7: SE01 says 9 segments; the transaction set has 5"]
        );
        // GE01 and IEA01 are counted too, and a missing SE is said once.
        let text = wrap(&["CLM*C1*10", "LX*1", "SV3*AD:D0120"])
            .replace("GE*1*", "GE*2*")
            .replace("IEA*1*", "IEA*3*");
        assert_eq!(
            envelope(text.as_bytes()),
            vec![
                "segment 8: GE01 says 2 transaction sets; the functional group has 1",
                "segment 9: IEA01 says 3 functional groups; the interchange has 1",
            ]
        );
        let text = wrap(&["CLM*C1*10", "LX*1", "SV3*AD:D0120"]).replace("SE*5*0001~", "");
        assert_eq!(
            envelope(text.as_bytes()),
            vec!["segment 7: GE before the SE of the open transaction set"]
        );
    }

    #[test]
    fn other_transactions_are_skipped() {
        let text = format!(
            "{ISA}GS*HC*S*R*20260215*1030*1*X*005010X222A1~ST*837*0001*005010X222A1~CLM*P1*10~LX*1~SV1*HC:99213*10~SE*5*0001~GE*1*1~IEA*1*000000001~"
        );
        let results = read(text.as_bytes());
        assert_eq!(
            errors(&results),
            vec!["segment 3: not an 837 dental claim but an 837 professional claim (005010X222A1); transaction skipped"]
        );
        assert!(lines(results).is_empty());
    }

    #[test]
    fn version_from_gs_when_st03_is_absent() {
        let text = wrap(&["CLM*C1*10", "LX*1", "SV3*AD:D0120"])
            .replace("ST*837*0001*005010X224A2", "ST*837*0001");
        let results = read(text.as_bytes());
        assert!(errors(&results).is_empty());
        assert_eq!(lines(results).len(), 1);
    }

    #[test]
    fn truncated_input() {
        let full = String::from_utf8(FIXTURE.to_vec()).unwrap();
        // Cut inside the last claim, after a complete SV3 line.
        let cut = full.find("LX*3").unwrap();
        let results = read(&full.as_bytes()[..cut]);
        assert!(errors(&results).is_empty());
        assert_eq!(lines(results).len(), 6);
        let warnings = envelope(&full.as_bytes()[..cut]);
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].ends_with("the input ends before the IEA segment"),
            "{warnings:?}"
        );
        // Cut at every byte: never a panic.
        for end in 0..full.len() {
            if let Ok(reader) = X12Reader::new(&full.as_bytes()[..end]) {
                for _ in reader {}
            }
        }
    }

    #[test]
    fn isa_errors() {
        assert!(matches!(
            X12Reader::new(&b""[..]),
            Err(X12Error::NoIsa { segment: 1 })
        ));
        assert!(matches!(
            X12Reader::new(&b"   \n"[..]),
            Err(X12Error::NoIsa { .. })
        ));
        assert!(matches!(
            X12Reader::new(&b"id,code,dos\n"[..]),
            Err(X12Error::NoIsa { .. })
        ));
        assert!(matches!(
            X12Reader::new(&b"IS"[..]),
            Err(X12Error::ShortIsa { .. })
        ));
        assert!(matches!(
            X12Reader::new(&b"ISA*00*  *00"[..]),
            Err(X12Error::ShortIsa { .. })
        ));
        assert!(matches!(
            X12Reader::new(&b"ISAB"[..]),
            Err(X12Error::NoIsa { .. })
        ));
        // A separator that never repeats runs past the ISA limit.
        let long = format!("ISA*{}", "x".repeat(2000));
        assert!(matches!(
            X12Reader::new(long.as_bytes()),
            Err(X12Error::ShortIsa { .. })
        ));
        // Same component separator and terminator.
        let same = ISA.replace(":~", "::");
        assert!(matches!(
            X12Reader::new(same.as_bytes()),
            Err(X12Error::BadDelimiters { segment: 1, .. })
        ));
        let letter = ISA.replace(":~", "A~");
        assert!(matches!(
            X12Reader::new(letter.as_bytes()),
            Err(X12Error::BadDelimiters { .. })
        ));
        // ISA11 = U (version 00401 style): no repetition separator.
        let u = ISA.replace("*^*", "*U*");
        assert_eq!(
            X12Reader::new(u.as_bytes())
                .unwrap()
                .delimiters()
                .repetition,
            None
        );
    }

    #[test]
    fn unpadded_isa() {
        let short = "ISA*00**00**ZZ*S*ZZ*R*260215*1030*^*00501*1*0*T*:~";
        let text = wrap(&["CLM*C1*10", "LX*1", "SV3*AD:D0120"]).replacen(ISA, short, 1);
        let results = read(text.as_bytes());
        assert!(errors(&results).is_empty());
        assert_eq!(lines(results).len(), 1);
    }

    #[test]
    fn garbage_after_isa() {
        let text = format!("{ISA}hello world~\u{1}\u{2}~*~ISA~");
        let results = read(text.as_bytes());
        let errs = errors(&results);
        assert_eq!(
            errs,
            vec![
                "segment 2: not a segment: \"hello world\"",
                "segment 3: not a segment: \"\\u{1}\\u{2}\"",
                "segment 4: not a segment: \"*\"",
                "segment 5: bad delimiters: a later ISA has fewer than 16 elements",
            ]
        );
        // Random bytes after a valid ISA: errors, no panic.
        let mut seed = 0x2545_f491_u32;
        let mut bytes = ISA.as_bytes().to_vec();
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            bytes.push(b"*:~\nISACLMLXSV3TOODTP472AD0123"[(seed % 29) as usize]);
        }
        for _ in X12Reader::new(&bytes[..]).unwrap() {}
    }

    #[test]
    fn data_after_iea_and_second_interchange() {
        let one = wrap(&["CLM*C1*10", "LX*1", "SV3*AD:D0120"]);
        let two = format!("{one}\n{one}");
        let results = read(two.as_bytes());
        assert!(errors(&results).is_empty(), "{:?}", errors(&results));
        let lines = lines(results);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].lx_segment, lines[0].lx_segment);
        let trailing = format!("{one}BHT*0019~");
        assert_eq!(
            errors(&read(trailing.as_bytes())),
            vec!["segment 10: segment after the IEA"]
        );
        // Each ISA sets its own delimiters: a second interchange with
        // other separators and terminator reads as well as the first.
        let other = one
            .replace('*', "|")
            .replace('~', "\n")
            .replace(":D0120", "^D0120");
        let other = other.replacen("|:\n", "|^\n", 1).replacen("|^|", "|U|", 1);
        for second in [
            other.clone(),
            one.replace('~', "!")
                .replace(":D0120", "+D0120")
                .replacen("*:!", "*+!", 1),
        ] {
            let two = format!("{one}\n{second}");
            let results = read(two.as_bytes());
            assert!(
                errors(&results).is_empty(),
                "{:?}\n{second}",
                errors(&results)
            );
            let codes: Vec<String> = read_lines(results)
                .into_iter()
                .map(|line| line.code)
                .collect();
            assert_eq!(codes, ["D0120", "D0120"], "{second}");
        }
        let broken = format!("{one}{}", ISA.replace(":~", "*~"));
        assert_eq!(
            errors(&read(broken.as_bytes())),
            vec!["segment 10: bad delimiters: the element separator, component separator and segment terminator are not all different"]
        );
    }

    /// `remaining` bytes of `A`, with no terminator.
    struct Endless {
        remaining: usize,
    }

    impl Read for Endless {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = buf.len().min(self.remaining).min(8192);
            buf[..n].fill(b'A');
            self.remaining -= n;
            Ok(n)
        }
    }

    #[test]
    fn long_segment_is_bounded_and_skipped() {
        let head = wrap(&["CLM*C1*10", "LX*1"]);
        let head = &head[..head.find("SE*").unwrap()];
        let tail = "~SV3*AD:D0120~SE*6*0001~GE*1*1~IEA*1*000000001~";
        let input = head
            .as_bytes()
            .chain(io::BufReader::new(Endless {
                remaining: 10 * 1024 * 1024,
            }))
            .chain(tail.as_bytes());
        let mut reader = X12Reader::new(io::BufReader::new(input)).unwrap();
        let first = reader.next().unwrap().unwrap_err();
        assert!(matches!(
            first,
            X12Error::SegmentTooLong {
                segment: 6,
                limit: DEFAULT_SEGMENT_LIMIT
            }
        ));
        assert!(reader.buffer_capacity() <= DEFAULT_SEGMENT_LIMIT);
        let line = reader.next().unwrap().unwrap();
        assert_eq!((line.code.as_str(), line.sv3_segment), ("D0120", 7));
        assert!(reader.next().is_none());
        // No terminator at all until the end of the input.
        let input = ISA.as_bytes().chain(io::BufReader::new(Endless {
            remaining: 10 * 1024 * 1024,
        }));
        let mut reader = X12Reader::new(io::BufReader::new(input)).unwrap();
        assert!(matches!(
            reader.next(),
            Some(Err(X12Error::SegmentTooLong { segment: 2, .. }))
        ));
        assert!(reader.buffer_capacity() <= DEFAULT_SEGMENT_LIMIT);
        assert!(reader.next().is_none());
        assert_eq!(reader.envelope_warnings().len(), 1);
    }

    #[test]
    fn io_error_stops() {
        struct Failing;
        impl Read for Failing {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::other("disk on fire"))
            }
        }
        let input = io::BufReader::new(ISA.as_bytes().chain(Failing));
        let mut reader = X12Reader::new(input).unwrap();
        let error = reader.next().unwrap().unwrap_err();
        assert_eq!(error.to_string(), "segment 2: reading failed: disk on fire");
        assert_eq!(error.segment(), 2);
        assert!(reader.next().is_none());
        let input = io::BufReader::new(b"ISA*0".chain(Failing));
        assert!(matches!(
            X12Reader::new(input),
            Err(X12Error::Io { segment: 1, .. })
        ));
    }

    #[test]
    fn detects_x12() {
        assert!(looks_like_x12(FIXTURE));
        assert!(looks_like_x12(ALT));
        assert!(looks_like_x12(b"ISA"));
        assert!(looks_like_x12(b"  \tISA|"));
        assert!(!looks_like_x12(b"isa*"));
        assert!(!looks_like_x12(b"ISA 00"));
        assert!(!looks_like_x12(b""));
        assert!(!looks_like_x12(b"\xEF\xBB"));
    }

    #[test]
    fn dates() {
        let date = |q: &str, v: &str| X12Date {
            qualifier: q.into(),
            value: v.into(),
        };
        assert_eq!(date("D8", "20260201").end(), Some("20260201"));
        assert_eq!(date("D8", "2026-02-01").start(), None);
        assert_eq!(date("RD8", "20260201").start(), None);
        assert_eq!(date("RD8", "20260201-2026").end(), None);
        assert_eq!(date("DT", "202602011030").start(), None);
        assert_eq!(date("D8", "x").start_iso(), None);
    }
}
