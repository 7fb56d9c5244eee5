//! Reads the service lines of ASC X12 837 dental claims (005010X224A2).
//!
//! [`X12Reader`] streams an interchange from a [`BufRead`](std::io::BufRead) and gives one
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
//! fields were not padded is still read. The one exception is the
//! checker's ([`ClaimChecker`](crate::claims::ClaimChecker)): an 837
//! transaction set or functional group quoted without its `ISA` is read
//! with the delimiters of its first segment, `:` assumed as the component
//! separator until its first `SV301` shows another (`AD>D0120`), each said
//! by an envelope warning; [`X12Reader::new`] refuses such input.
//!
//! Delimiters are single bytes. The checker
//! ([`ClaimChecker`](crate::claims::ClaimChecker)) also reads an
//! interchange whose component separator or segment terminator is a byte
//! outside ASCII written as a UTF-8 character (`…`, U+2026, for
//! Windows-1252's `0x85`, as a file saved as UTF-8 by a text tool has it):
//! it folds each such character back into its byte before this reader
//! sees the input, with an envelope warning.
//!
//! Line breaks: a `\r` or `\n` also ends a segment, and empty segments are
//! skipped without being counted. So files with a line break after each
//! terminator, files whose terminator *is* a line break, and files with a
//! line break instead of a terminator all read alike. The exception is an
//! interchange wrapped at a fixed width, recognised by a line break inside
//! its first `ISA` (80 columns break the 106 bytes of an `ISA`; X12's RFI
//! 28 describes such a file, broken at its 81st byte in the middle of
//! elements, and holds line breaks outside the X12 character set): there
//! line breaks are read as nothing wherever they fall, as pyx12 reads them,
//! and an envelope warning says so. Between segments, NUL bytes and the DOS
//! end-of-file mark (Ctrl-Z) are passed over too: the padding some
//! transfers leave after the last segment.
//!
//! Text above the interchange (a heading, notes: the guides' examples are
//! published so) is the checker's to pass over: when the first line is
//! neither X12 nor a claims header, a line that starts an `ISA` within the
//! next 64 is where it reads from, with an envelope warning;
//! [`X12Reader::new`] itself starts at its input's first segment. Text
//! between interchanges (after an `IEA`, no segment) is passed over with
//! an envelope warning too; a segment there is an error, as it may be what
//! is left of an interchange whose `ISA` was lost.
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

use alloc::string::String;
use alloc::vec::Vec;

mod dental;
mod elements;
mod error;
mod segments;
pub(crate) mod source;
mod state;
#[cfg(test)]
mod tests;

pub use dental::{X12Reader, HOLD_LIMIT};
pub use error::X12Error;
pub(crate) use segments::{delimiters_without_isa, looks_like_x12_without_isa, starts_interchange};
pub use segments::{looks_like_x12, Delimiters, DEFAULT_SEGMENT_LIMIT};

/// A date or range from a `DTP` segment, kept as written.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct X12Date {
    /// The format qualifier, `DTP02`: `D8` for `CCYYMMDD`, `RD8` for
    /// `CCYYMMDD-CCYYMMDD`.
    pub qualifier: String,
    /// The date text, `DTP03`.
    pub value: String,
}

// By hand, so that `clone_from` keeps the buffers: the reader copies the
// claim's date onto each of its lines.
impl Clone for X12Date {
    fn clone(&self) -> X12Date {
        X12Date {
            qualifier: self.qualifier.clone(),
            value: self.value.clone(),
        }
    }

    fn clone_from(&mut self, source: &X12Date) {
        self.qualifier.clone_from(&source.qualifier);
        self.value.clone_from(&source.value);
    }
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
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct ToothInfo {
    /// The code list, `TOO01` (`JP` for the universal numbering).
    pub qualifier: String,
    /// The tooth, `TOO02`; empty if not given.
    pub code: String,
    /// The surfaces, the components of `TOO03` (such as `M`, `O`, `D`).
    pub surfaces: Vec<String>,
}

/// One service line: an `LX` loop with its `SV3`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
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
    /// Oral cavity designation codes, the components of `SV304` (up to 5,
    /// the composite's room; more are an envelope warning, not read).
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
    /// The transaction's creation date, `BHT04` (`CCYYMMDD`), for a
    /// predetermination (`None` on other claims, which do not need it).
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
    let what = match (id, guide_of(version)) {
        ("837", Some("X222" | "X098")) => "an 837 professional claim",
        ("837", Some("X223" | "X096")) => "an 837 institutional claim",
        ("837", Some("X224" | "X097")) => "an 837 dental claim",
        ("837", _) => "an 837 claim of another kind",
        ("835", _) => "an 835 claim payment/advice",
        ("270", _) => "a 270 eligibility inquiry",
        ("271", _) => "a 271 eligibility response",
        ("276", _) => "a 276 claim status request",
        ("277", _) => "a 277 claim status response",
        ("278", _) => "a 278 services review",
        ("834", _) => "an 834 benefit enrollment",
        ("820", _) => "an 820 premium payment",
        ("999", _) => "a 999 acknowledgment",
        ("997", _) => "a 997 functional acknowledgment",
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
    matches!(guide_of(version), Some("X224" | "X097"))
}

/// The guide a version names (`X224` of `005010X224A2`): the whole
/// element must read as a guide's id, an `X` and three digits, after the
/// six digits of the X12 version and before an addendum (`A` and one or
/// two digits), each part but the guide optional. A guide's number inside
/// other text (`005010X22224A2`) is none.
pub(crate) fn guide_of(version: &str) -> Option<&str> {
    let bytes = version.as_bytes();
    let start = match bytes.get(..6) {
        Some(digits) if digits.iter().all(u8::is_ascii_digit) => 6,
        _ => 0,
    };
    let guide = bytes.get(start..start + 4)?;
    let (x, number) = guide.split_first()?;
    if *x != b'X' || !number.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let addendum_fits = match bytes.get(start + 4..)? {
        [] => true,
        [a, digits @ ..] => {
            *a == b'A' && (1..=2).contains(&digits.len()) && digits.iter().all(u8::is_ascii_digit)
        }
    };
    addendum_fits
        .then(|| version.get(start..start + 4))
        .flatten()
}
