//! The 837D interpreter: the loops of an 837 dental claim (5010
//! 005010X224A2 and 4010 004010X097A1) read from the tokenizer's
//! segments: one [`ServiceLine`] per `LX` loop, envelope counts checked
//! apart ([`EnvelopeWarning`]), every `ISA` setting its own delimiters.

use alloc::boxed::Box;
use alloc::collections::VecDeque;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use std::io::BufRead;

use arrayvec::ArrayVec;

use super::elements::{
    areas_not_coded, put_date, put_list, put_opt_text, put_text, surfaces_run_together, text,
};
use super::error::X12Error;
use super::segments::{
    declared_delimiters, is_separator_byte, text_above_isa, Delimiters, Segment, Segments,
    TEXT_AFTER_IEA, WRAPPED,
};
use super::state::{Claim, Draft, Guide, Interchange};
use super::{
    guide_of, is_dental_version, transaction_name, EnvelopeWarning, ServiceLine, ToothInfo,
};
use crate::claims::line::put;
use crate::model::trimmed;

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
    pub(super) pending: VecDeque<Result<Box<ServiceLine>, X12Error>>,
    /// The `GS08` of the current functional group.
    group_version: Option<String>,
    /// The current functional group's `GS01` when it is not `HC` (health
    /// care claim), until the first 837 in it is warned of.
    group_not_claims: Option<String>,
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
    /// The control numbers of the open functional group (`GS06`) and
    /// transaction set (`ST02`), which their trailers repeat.
    group_control: Vec<u8>,
    transaction_control: Vec<u8>,
    /// The open transaction is not dental: skip to its `SE`.
    skipping: bool,
    /// A 4010 837 whose `GS08` names another guide, held (skipped) until
    /// its header's `REF*87` says which guide it follows: its `GS08`.
    undecided: Option<String>,
    /// The guide the open transaction follows: the 5010 dental guide's
    /// notes on `SV306` and `TOO` hold for its lines.
    guide: Guide,
    claim: Option<Claim>,
    draft: Option<Draft>,
    /// Service lines handed back by the checker, whose buffers the next
    /// lines reuse.
    // Boxes, not lines: each goes back into a draft whole (see `Draft`).
    #[allow(clippy::vec_box)]
    spare: Vec<Box<ServiceLine>>,
    /// Whether the current interchange's `IEA` was read, or the input has
    /// no interchange.
    interchange: Interchange,
    done: bool,
}

impl<R: BufRead> X12Reader<R> {
    /// Reads the `ISA` and takes the delimiters from it. Input without one
    /// is refused here, a transaction set quoted without its `ISA`
    /// included; [`ClaimChecker`](crate::claims::ClaimChecker) reads such a
    /// set with the delimiters of its first segment.
    ///
    /// # Errors
    ///
    /// [`X12Error::NoIsa`], [`X12Error::ShortIsa`],
    /// [`X12Error::BadDelimiters`] or [`X12Error::Io`].
    pub fn new(inner: R) -> Result<Self, X12Error> {
        let mut segments = Segments::new(inner)?;
        let wrapped = segments.wrapped.then(|| String::from(WRAPPED));
        let envelope = segments
            .isa_warning
            .take()
            .into_iter()
            .chain(wrapped)
            .map(|problem| EnvelopeWarning {
                segment: 1,
                problem,
            })
            .collect();
        Ok(X12Reader::with_segments(segments, envelope))
    }

    /// A reader of a transaction set or functional group quoted without its
    /// `ISA` (public samples and the guides' examples quote `ST` to `SE`),
    /// with the delimiters read from its first segment
    /// (`segments::delimiters_without_isa`). An envelope warning says so,
    /// and the missing `IEA` goes unsaid.
    pub(crate) fn without_isa(inner: R, delimiters: Delimiters) -> Self {
        let component = char::from(delimiters.component);
        let warning = EnvelopeWarning {
            segment: 1,
            problem: alloc::format!(
                "no ISA: a transaction set quoted without its interchange, read with the \
                 delimiters of its first segment and {component} taken as the component separator"
            ),
        };
        let mut reader = X12Reader::with_segments(
            Segments::without_isa(inner, delimiters),
            alloc::vec![warning],
        );
        reader.interchange = Interchange::Quoted { sv301_read: false };
        reader
    }

    fn with_segments(segments: Segments<R>, envelope: Vec<EnvelopeWarning>) -> Self {
        X12Reader {
            segments,
            pending: VecDeque::new(),
            group_version: None,
            group_not_claims: None,
            transaction: None,
            transaction_date: None,
            group: None,
            groups_in_interchange: 0,
            envelope,
            group_control: Vec::new(),
            transaction_control: Vec::new(),
            skipping: false,
            undecided: None,
            guide: Guide::Other,
            claim: None,
            draft: None,
            spare: Vec::new(),
            interchange: Interchange::Open,
            done: false,
        }
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
    /// `GE01`, `IEA01`) and numbers (`SE02`, `GE02`, `IEA02`) that do not
    /// match, missing trailers, a guide named two ways, an 837 outside an
    /// `HC` group, an `ISA11` that repeats another delimiter, and what a
    /// line's `SV3` writes outside the 837D's rules. None of them is a
    /// claim line.
    #[must_use]
    pub fn envelope_warnings(&self) -> &[EnvelopeWarning] {
        &self.envelope
    }

    fn envelope_warning(&mut self, problem: String) {
        self.envelope_warning_at(self.segments.number, problem);
    }

    /// Says, first among the envelope warnings, that `lines` lines of text
    /// above the `ISA` were passed over (a heading or notes, as the guides'
    /// examples are published with; see `ClaimChecker::with_options`).
    pub(crate) fn text_above(&mut self, lines: u64) {
        self.first_warning(text_above_isa(lines));
    }

    /// Puts `problem` first among the envelope warnings, about the `ISA`:
    /// something the checker did to the input before the reader read it.
    pub(crate) fn first_warning(&mut self, problem: String) {
        let warning = EnvelopeWarning {
            segment: 1,
            problem,
        };
        self.envelope.insert(0, warning);
    }

    /// An envelope warning about segment `segment`.
    fn envelope_warning_at(&mut self, segment: u64, problem: String) {
        // Bounded: a file of endless broken envelopes keeps the first ones.
        if self.envelope.len() < HOLD_LIMIT {
            self.envelope.push(EnvelopeWarning { segment, problem });
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
                    if self.interchange == Interchange::Open {
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
                .is_some_and(|draft| !draft.has_sv3 && !draft.failed)
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
        if !valid_id && self.interchange == Interchange::Closed {
            return self.envelope_warning(String::from(TEXT_AFTER_IEA));
        }
        if !valid_id {
            // Inside a transaction set of another kind it is part of a set
            // the reader passes over: no claim line of ours was lost in it.
            if self.skipping && self.undecided.is_none() {
                return;
            }
            // Twenty bytes, cut back to a whole character.
            let mut end = seg.len().min(20);
            if let Err(error) = core::str::from_utf8(&seg[..end]) {
                if error.error_len().is_none() {
                    end = error.valid_up_to();
                }
            }
            let shown = &seg[..end];
            self.error(X12Error::NotASegment {
                segment: self.segments.number,
                text: String::from_utf8_lossy(shown).into_owned(),
            });
            return;
        }
        // The elements kept (none of the segments read here has more): on
        // the stack, as a segment costs no allocation, and filled in place
        // (an array was first set empty, a slot at a time).
        let mut kept: ArrayVec<&[u8], MAX_ELEMENTS> = ArrayVec::new();
        for field in elements {
            if kept.try_push(field).is_err() {
                break;
            }
        }
        let fields = kept.as_slice();
        let element = |n: usize| fields.get(n.wrapping_sub(1)).copied().unwrap_or_default();
        if self.interchange == Interchange::Closed {
            self.structure("segment after the IEA");
            return;
        }
        // One test on nearly every segment: a held transaction skips too.
        if self.skipping
            && !(self.undecided.is_some() && self.settle_guide(id, element(1), element(2)))
            && id != b"SE"
        {
            return;
        }
        match id {
            b"IEA" | b"GS" | b"GE" | b"ST" | b"SE" => self.envelope_segment(id, fields),
            b"HL" => {
                self.flush_line();
                self.claim = None;
            }
            b"CLM" => {
                self.flush_line();
                let id = text(element(1));
                let id = trimmed(&id);
                let failed = id.is_empty();
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
                    id: id.to_string(),
                    date: None,
                    appliance_placed: None,
                    predetermination: element(19) == b"PB",
                    failed,
                });
            }
            b"DTP" if element(1) == b"472" => self.service_date(element(2), element(3)),
            b"DTP" if element(1) == b"452" && self.draft.is_none() => {
                if let Some(claim) = &mut self.claim {
                    if claim.appliance_placed.is_none() {
                        put_date(&mut claim.appliance_placed, element(2), element(3));
                    }
                }
            }
            b"BHT" => {
                put_opt_text(&mut self.transaction_date, element(4));
            }
            b"LX" => self.start_line(element(1)),
            b"SV3" => self.sv3(fields),
            b"TOO" => self.tooth(fields),
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
                let isa13 = core::mem::take(&mut self.segments.interchange_control);
                self.control_number("IEA02", element(2), "ISA13", &isa13);
                self.interchange = Interchange::Closed;
            }
            b"GS" => {
                self.close_transaction("GS");
                self.close_group("GS");
                self.group_version = Some(text(element(8)).into_owned());
                let gs01 = element(1).trim_ascii();
                self.group_not_claims = (gs01 != b"HC").then(|| {
                    if gs01.is_empty() {
                        "(empty)".into()
                    } else {
                        text(gs01).into_owned()
                    }
                });
                self.group_control.clear();
                self.group_control.extend_from_slice(element(6));
                self.group = Some(0);
                self.groups_in_interchange += 1;
            }
            b"GE" => {
                self.close_transaction("GE");
                match self.group.take() {
                    Some(sets) => {
                        self.control_count("GE01", element(1), sets, "transaction sets");
                        let gs06 = core::mem::take(&mut self.group_control);
                        self.control_number("GE02", element(2), "GS06", &gs06);
                    }
                    None => self.envelope_warning("GE without a GS before it".into()),
                }
                self.group_version = None;
                self.group_not_claims = None;
            }
            b"ST" => {
                self.close_transaction("ST");
                if let Some(sets) = &mut self.group {
                    *sets += 1;
                }
                if element(1) == b"837" {
                    if let Some(gs01) = self.group_not_claims.take() {
                        self.envelope_warning(alloc::format!(
                            "GS01 {gs01} is not HC (health care claim), the group an 837 belongs in"
                        ));
                    }
                }
                self.transaction_control.clear();
                self.transaction_control.extend_from_slice(element(2));
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
                        let st02 = core::mem::take(&mut self.transaction_control);
                        self.control_number("SE02", element(2), "ST02", &st02);
                    }
                }
            }
            _ => {}
        }
    }

    /// Warns when a trailer's control number (`written`) does not repeat
    /// its header's (`header`): X12 has them identical, and
    /// acknowledgements reject a mismatch (999 `IK502` code 3, TA1 note
    /// `001`). Nothing is said when either is missing.
    fn control_number(&mut self, element: &str, written: &[u8], header: &str, expected: &[u8]) {
        let (written, expected) = (written.trim_ascii(), expected.trim_ascii());
        if !written.is_empty() && !expected.is_empty() && written != expected {
            self.envelope_warning(alloc::format!(
                "{element} {} does not repeat {header} {}",
                text(written),
                text(expected)
            ));
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
        if self.interchange != Interchange::Closed && self.segments.number > 1 {
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
        let isa11 = seg.split(|&b| b == element).nth(11).unwrap_or_default();
        let (delimiters, warning) = match declared_delimiters(element, component, terminator, isa11)
        {
            Ok(declared) => declared,
            Err(problem) => return self.bad_later_isa(problem),
        };
        if let Some(warning) = warning {
            self.envelope_warning(warning);
        }
        self.segments.delimiters = delimiters;
        self.segments.number = 1;
        self.segments.interchange_control = seg
            .split(|&b| b == element)
            .nth(13)
            .unwrap_or_default()
            .to_vec();
        self.interchange = Interchange::Open;
        self.group_version = None;
        self.group_not_claims = None;
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

    /// An `ST`: the transaction set is read when it is an 837 of the
    /// dental guide. Its guide is `ST03`'s, which takes precedence over
    /// `GS08`'s and should repeat it (said when it does not); `GS08`'s
    /// when `ST03` is absent or names no guide (said too).
    fn start_transaction(&mut self, id: &[u8], st03: &[u8]) {
        self.end_transaction();
        self.transaction = Some(self.segments.number);
        self.transaction_date = None;
        let st03 = text(st03);
        let st03 = trimmed(&st03);
        let gs08 = self.group_version.clone().unwrap_or_default();
        let gs08 = trimmed(&gs08);
        let read_as_dental =
            |version: &str| id == b"837" && (version.is_empty() || is_dental_version(version));
        let version = if st03.is_empty() {
            gs08
        } else if guide_of(st03).is_none() && read_as_dental(gs08) && !gs08.is_empty() {
            self.envelope_warning(alloc::format!(
                "ST03 {st03} names no implementation guide; read by GS08 {gs08}"
            ));
            gs08
        } else {
            if !gs08.is_empty() && gs08 != st03 && read_as_dental(st03) {
                self.envelope_warning(alloc::format!(
                    "ST03 says {st03} and GS08 {gs08}; the guides have ST03 repeat GS08"
                ));
            }
            st03
        };
        self.guide = if guide_of(version) == Some("X224") {
            Guide::Dental5010
        } else {
            Guide::Other
        };
        if !read_as_dental(version) {
            // 4010 named the guide again in the header's `REF*87` (there is
            // no `ST03`): an 837 that `GS08` calls something else waits for
            // it, its header read meanwhile.
            self.skipping = true;
            if id == b"837" && version.starts_with("004010") {
                self.undecided = Some(version.to_string());
                return;
            }
            self.error(X12Error::NotDental {
                segment: self.segments.number,
                found: transaction_name(&text(id), version),
            });
        }
    }

    /// For a 4010 837 held by [`start_transaction`](Self::start_transaction)
    /// (skipped but for its header, which is read meanwhile): a header
    /// `REF*87` naming the dental guide (`004010X097`) has it read as
    /// dental, with an envelope warning; any segment past the header
    /// (`BHT`, `REF`, `NM1`, `PER`, `N2`-`N4`) settles it as `GS08` says,
    /// and the rest of it is skipped. Whether the segment is to be read.
    fn settle_guide(&mut self, id: &[u8], first: &[u8], second: &[u8]) -> bool {
        if id == b"REF" && first == b"87" && second.starts_with(b"004010X097") {
            if let Some(gs08) = self.undecided.take() {
                self.skipping = false;
                self.envelope_warning(alloc::format!(
                    "GS08 {gs08} names another guide; the transaction's REF*87 names {}, the 4010 \
                     dental guide: read as dental",
                    text(second)
                ));
            }
            return true;
        }
        if matches!(
            id,
            b"BHT" | b"REF" | b"NM1" | b"PER" | b"N2" | b"N3" | b"N4"
        ) {
            return true;
        }
        if let Some(gs08) = self.undecided.take() {
            self.error(X12Error::NotDental {
                segment: self.segments.number,
                found: transaction_name("837", &gs08),
            });
        }
        false
    }

    /// Warns of a line of several units (`SV306`) that names teeth or
    /// areas: the 5010 guide has `SV306` sent only when a procedure was
    /// done more than once and no tooth or area need be named, and allows
    /// several `TOO`s only with one unit, so that such a line is one unit
    /// (X12's reading of the two notes, RFI 1866).
    fn check_units(&mut self, line: &ServiceLine) {
        // What the line names first: a line naming neither, or of one
        // unit, is settled before any parsing.
        let named = match (line.teeth.is_empty(), line.oral_cavity.is_empty()) {
            (false, false) => "teeth (TOO) and areas (SV304)",
            (false, true) => "teeth (TOO)",
            (true, false) => "areas (SV304)",
            (true, true) => return,
        };
        let Some(units) = line.quantity.as_deref().filter(|units| *units != "1") else {
            return;
        };
        let units = units.trim();
        // Nearly always a whole number, read as one before any decimal.
        let several = match units.parse::<u32>() {
            Ok(whole) => whole > 1,
            Err(_) => units.parse::<f64>().is_ok_and(|units| units > 1.0),
        };
        if !several {
            return;
        }
        self.envelope_warning_at(
            line.sv3_segment,
            alloc::format!(
                "SV306 gives {units} units on a line that names {named}; \
                 under 005010X224 such a line is one unit (X12 RFI 1866)"
            ),
        );
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
        if let Some(draft) = &mut self.draft {
            if !draft.dated {
                draft.dated = true;
                put_date(&mut draft.line.line_date, qualifier, value);
            }
        } else if let Some(claim) = &mut self.claim {
            if claim.date.is_none() {
                put_date(&mut claim.date, qualifier, value);
            }
        }
    }

    fn start_line(&mut self, number: &[u8]) {
        self.flush_line();
        let mut failed = false;
        let line_number = trimmed(&text(number)).parse::<u32>().unwrap_or_else(|_| {
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
        let mut line = self.spare.pop().unwrap_or_default();
        line.line_number = line_number;
        line.lx_segment = self.segments.number;
        self.draft = Some(Draft {
            lx_segment: self.segments.number,
            has_sv3: false,
            dated: false,
            teeth: 0,
            failed,
            line,
        });
    }

    /// In a transaction set quoted without its `ISA`, whose component
    /// separator was only assumed: the first `SV301` shows it, a qualifier
    /// of two letters and then the separator (`AD>D0120`). Another than the
    /// one assumed is read from here on, and a warning says so.
    fn component_from_sv301(&mut self, sv301: &[u8]) {
        let delimiters = self.segments.delimiters;
        let [first, second, separator, _, ..] = *sv301 else {
            return;
        };
        // A separator the rule for an `ISA16` would take, beside the
        // element separator and terminator in force.
        let shown = first.is_ascii_uppercase()
            && second.is_ascii_uppercase()
            && separator != delimiters.component
            && declared_delimiters(delimiters.element, separator, delimiters.segment, b"").is_ok();
        if shown {
            self.segments.delimiters.component = separator;
            self.envelope_warning(alloc::format!(
                "SV301 {} shows {} as the component separator: read so from here on",
                text(sv301),
                char::from(separator)
            ));
        }
    }

    fn sv3(&mut self, fields: &[&[u8]]) {
        if self.interchange == (Interchange::Quoted { sv301_read: false }) {
            self.interchange = Interchange::Quoted { sv301_read: true };
            self.component_from_sv301(fields.first().copied().unwrap_or_default());
        }
        let segment = self.segments.number;
        let component = self.segments.delimiters.component;
        let Some(draft) = self.draft.as_mut().filter(|d| !d.has_sv3) else {
            self.error(X12Error::Sv3WithoutLx { segment });
            return;
        };
        if draft.failed {
            return;
        }
        let element = |n: usize| fields.get(n - 1).copied().unwrap_or_default();
        let mut procedure = element(1).split(|&b| b == component);
        let line = &mut draft.line;
        put_text(&mut line.qualifier, procedure.next().unwrap_or_default());
        put_text(&mut line.code, procedure.next().unwrap_or_default());
        if line.code.is_empty() {
            draft.failed = true;
            self.error(X12Error::MissingCode { segment });
            return;
        }
        draft.has_sv3 = true;
        line.sv3_segment = segment;
        // Nearly every line's qualifier is `AD`: nothing made for those.
        let hcpcs = (line.qualifier != "AD"
            && crate::claims::judge::is_cdt_under_hcpcs(&line.qualifier, &line.code))
        .then(|| {
            alloc::format!(
                "SV301 qualifier HC (HCPCS) with {}: the 837D's code list is AD",
                line.code
            )
        });
        put_list(&mut line.modifiers, procedure.take(4), usize::MAX);
        put_opt_text(&mut line.charge, element(2));
        put_list(
            &mut line.oral_cavity,
            element(4).split(|&b| b == component),
            ORAL_CAVITY_ROOM,
        );
        put_opt_text(&mut line.prosthesis, element(5));
        put_opt_text(&mut line.quantity, element(6));
        // Areas written as no 837D code: said, with the code (rare: no
        // text made otherwise).
        let letters = areas_not_coded(&line.oral_cavity);
        // Only a full composite can have had more written.
        let full = line.oral_cavity.len() == ORAL_CAVITY_ROOM;
        let written = if full {
            element(4)
                .split(|&b| b == component)
                .filter(|area| !area.trim_ascii().is_empty())
                .count()
        } else {
            0
        };
        if let Some(problem) = hcpcs {
            self.envelope_warning(problem);
        }
        for problem in letters {
            self.envelope_warning(problem);
        }
        if written > ORAL_CAVITY_ROOM {
            self.envelope_warning(alloc::format!(
                "SV304 holds {written} areas; the composite has room for {ORAL_CAVITY_ROOM}, the rest are not read"
            ));
        }
    }

    fn tooth(&mut self, fields: &[&[u8]]) {
        let component = self.segments.delimiters.component;
        let Some(draft) = &mut self.draft else {
            self.structure("TOO outside a service line (no LX before it)");
            return;
        };
        let element = |n: usize| fields.get(n - 1).copied().unwrap_or_default();
        let teeth = &mut draft.line.teeth;
        if teeth.len() == draft.teeth {
            teeth.push(ToothInfo::default());
        }
        let tooth = &mut teeth[draft.teeth];
        draft.teeth += 1;
        put_text(&mut tooth.qualifier, element(1));
        put_text(&mut tooth.code, element(2));
        put_list(
            &mut tooth.surfaces,
            element(3).split(|&b| b == component),
            usize::MAX,
        );
        if let Some(problem) = surfaces_run_together(&tooth.surfaces, component) {
            self.envelope_warning(problem);
        }
    }

    /// Hands back a service line the caller is done with: the next lines
    /// reuse its buffers, so reading costs no allocation once they have
    /// grown.
    pub(crate) fn recycle(&mut self, line: Box<ServiceLine>) {
        if self.spare.len() < SPARE_LINES {
            self.spare.push(line);
        }
    }

    /// The next item, its line boxed (for the checker, which hands the
    /// box back with [`recycle`](X12Reader::recycle)).
    pub(crate) fn next_line(&mut self) -> Option<Result<Box<ServiceLine>, X12Error>> {
        self.advance();
        self.pending.pop_front()
    }

    /// Puts results read ahead (by [`next_line`](Self::next_line)) back in
    /// front of what is still to come, in their order.
    pub(crate) fn put_back(&mut self, held: Vec<Result<Box<ServiceLine>, X12Error>>) {
        for item in held.into_iter().rev() {
            self.pending.push_front(item);
        }
    }

    fn flush_line(&mut self) {
        let Some(draft) = self.draft.take() else {
            return;
        };
        let Draft {
            lx_segment,
            has_sv3,
            dated,
            teeth,
            failed,
            mut line,
        } = draft;
        if failed {
            self.recycle(line);
            return;
        }
        if !has_sv3 {
            self.recycle(line);
            let at = self
                .pending
                .iter()
                .position(|item| match item {
                    Ok(line) => line.lx_segment > lx_segment,
                    Err(error) => error.segment() > lx_segment,
                })
                .unwrap_or(self.pending.len());
            self.pending.insert(
                at,
                Err(X12Error::LxWithoutSv3 {
                    segment: lx_segment,
                }),
            );
            return;
        }
        if !dated {
            line.line_date = None;
        }
        line.teeth.truncate(teeth);
        if self.guide == Guide::Dental5010 {
            self.check_units(&line);
        }
        if let Some(claim) = &self.claim {
            put(&mut line.claim_id, &claim.id);
            line.claim_date.clone_from(&claim.date);
            line.appliance_placed.clone_from(&claim.appliance_placed);
            line.predetermination = claim.predetermination;
        } else {
            line.claim_id.clear();
            line.claim_date = None;
            line.appliance_placed = None;
            line.predetermination = false;
        }
        if line.predetermination {
            line.transaction_date.clone_from(&self.transaction_date);
        } else {
            line.transaction_date = None;
        }
        self.pending.push_back(Ok(line));
    }
}

impl<R: BufRead> Iterator for X12Reader<R> {
    type Item = Result<ServiceLine, X12Error>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_line().map(|item| item.map(|line| *line))
    }
}

/// The most elements of a segment kept (`CLM19` is the furthest read).
const MAX_ELEMENTS: usize = 24;

/// The areas `SV304` has room for: its composite (C006, oral cavity
/// designation) has five components.
const ORAL_CAVITY_ROOM: usize = 5;

/// The most service lines kept for reuse.
const SPARE_LINES: usize = 4;
