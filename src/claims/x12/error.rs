//! What can go wrong reading an interchange.

use alloc::string::String;
use std::io;

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
        /// What the transaction set is, from [`transaction_name`](super::transaction_name).
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
