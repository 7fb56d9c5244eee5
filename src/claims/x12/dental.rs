//! The 837D interpreter: the loops of an 837 dental claim (5010
//! 005010X224A2 and 4010 004010X097A1) read from the tokenizer's
//! segments: one [`ServiceLine`] per `LX` loop, envelope counts checked
//! apart ([`EnvelopeWarning`]), every `ISA` setting its own delimiters.

use alloc::collections::VecDeque;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use std::io::BufRead;

use super::error::X12Error;
use super::segments::{is_separator_byte, Delimiters, Segment, Segments};
use super::{
    is_dental_version, transaction_name, EnvelopeWarning, ServiceLine, ToothInfo, X12Date,
};

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
/// Streams the service lines of an 837 dental interchange; see the
/// [module](super) docs.
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
    /// The tokenizer: delimiters, segment numbers, the segment buffer.
    segments: Segments<R>,
    pub(super) pending: VecDeque<Result<ServiceLine, X12Error>>,
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
        Ok(X12Reader {
            segments: Segments::new(inner)?,
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
        })
    }

    /// Sets the longest segment, in bytes (at least 106, the length of an
    /// `ISA`); longer ones give [`X12Error::SegmentTooLong`].
    #[must_use]
    pub fn with_segment_limit(mut self, limit: usize) -> Self {
        self.segments.limit = limit.max(106);
        self
    }

    /// The delimiters read from the `ISA`.
    #[must_use]
    pub fn delimiters(&self) -> Delimiters {
        self.segments.delimiters
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
                segment: self.segments.number,
                problem,
            });
        }
    }

    /// Bytes of segment buffer the reader holds now, for checking that
    /// memory stays bounded.
    #[must_use]
    pub fn buffer_capacity(&self) -> usize {
        self.segments.buffer_capacity()
    }

    /// Reads segments until something can be given out or the input ends:
    /// while an `LX` loop still waits for its `SV3`, what is pending waits
    /// too (up to [`HOLD_LIMIT`] items), since an `LxWithoutSv3` for that
    /// loop would come before it.
    fn advance(&mut self) {
        while (self.pending.is_empty() || self.holding()) && !self.done {
            match self.segments.read_segment() {
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
                    segment: self.segments.number,
                    limit: self.segments.limit,
                })),
                Ok(Segment::Read) => {
                    let seg = self.segments.take();
                    self.handle(&seg);
                    self.segments.restore(seg);
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
            segment: self.segments.number,
            problem,
        });
    }

    /// Handles one segment.
    fn handle(&mut self, seg: &[u8]) {
        let d = self.segments.delimiters;
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
                segment: self.segments.number,
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
                        segment: self.segments.number,
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
                        let segments = self.segments.number - st + 1;
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
        if !self.closed && self.segments.number > 1 {
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
            .unwrap_or(self.segments.delimiters.segment);
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
        self.segments.delimiters = Delimiters {
            element,
            component,
            repetition,
            segment: terminator,
        };
        self.segments.number = 1;
        self.closed = false;
        self.group_version = None;
        self.groups_in_interchange = 0;
        self.group = None;
        // Segments read past ISA16 because the old terminator differed.
        let rest = seg.get(sixteenth + 3..).unwrap_or_default();
        for piece in rest.split(|&b| b == terminator) {
            let piece = piece.trim_ascii();
            if !piece.is_empty() && !self.done {
                self.segments.number += 1;
                self.handle(piece);
            }
        }
    }

    fn bad_later_isa(&mut self, problem: &'static str) {
        self.error(X12Error::BadDelimiters {
            segment: self.segments.number,
            problem,
        });
        self.done = true;
    }

    fn start_transaction(&mut self, id: &[u8], version: &[u8]) {
        self.end_transaction();
        self.transaction = Some(self.segments.number);
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
                segment: self.segments.number,
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
                segment: self.segments.number,
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
                segment: self.segments.number,
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
            lx_segment: self.segments.number,
            sv3: None,
            date: None,
            teeth: Vec::new(),
            failed,
        });
    }

    fn sv3(&mut self, fields: &[&[u8]]) {
        let segment = self.segments.number;
        let component = self.segments.delimiters.component;
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
        let component = self.segments.delimiters.component;
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
            // Only a predetermination ever needs it.
            transaction_date: if predetermination {
                self.transaction_date.clone()
            } else {
                None
            },
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
