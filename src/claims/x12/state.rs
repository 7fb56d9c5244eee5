//! What the 837D interpreter holds between segments: the claim and the
//! `LX` loop being read, where it stands in the interchange, and the guide
//! of the open transaction.

use alloc::boxed::Box;
use alloc::string::String;

use super::{ServiceLine, X12Date};

/// The claim being read.
#[derive(Debug)]
pub(super) struct Claim {
    pub(super) id: String,
    pub(super) date: Option<X12Date>,
    /// `DTP*452`, the orthodontic appliance placement date.
    pub(super) appliance_placed: Option<X12Date>,
    /// `CLM19` is `PB`.
    pub(super) predetermination: bool,
    /// `CLM01` was missing: its lines are dropped silently.
    pub(super) failed: bool,
}

/// The `LX` loop being read.
#[derive(Debug)]
pub(super) struct Draft {
    pub(super) lx_segment: u64,
    /// Whether an `SV3` was read: the line's code and the rest of the
    /// `SV3` are then in `line`.
    pub(super) has_sv3: bool,
    /// Whether a `DTP*472` was read (the first one counts).
    pub(super) dated: bool,
    /// How many `TOO` segments were read into `line.teeth`.
    pub(super) teeth: usize,
    pub(super) failed: bool,
    /// The service line as read so far, its buffers reused from an earlier
    /// line when one was handed back. Boxed, as everywhere in the reader:
    /// a line moves from the spares to the draft, to the queue and to the
    /// checker and back, and moving the box costs a pointer where moving
    /// the line cost a copy of its few hundred bytes each time.
    pub(super) line: Box<ServiceLine>,
}

/// Where the reader stands in the current interchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Interchange {
    /// Its `IEA` is still to come.
    Open,
    /// Its `IEA` was read: only another `ISA` may follow.
    Closed,
    /// There is none: a transaction set or functional group quoted without
    /// its `ISA`, and so without an `IEA` either; and whether its first
    /// `SV301` was read, which shows the component separator.
    Quoted { sv301_read: bool },
}

/// The implementation guide of a transaction, as far as the reader
/// holds lines to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Guide {
    /// 005010X224, the 5010 dental guide.
    Dental5010,
    /// Any other (the 4010 dental guide, or none named).
    Other,
}
