//! The stored shape of a code set: records, headings and search words that
//! point into shared pools by [`Span`]. The same types are written out as
//! Rust by `build.rs` and built in memory by the runtime loader, so the two
//! sources cannot drift apart.

use core::fmt;
use core::str::FromStr;

use super::category::Category;
use super::code::CdtCode;
use super::date::ServiceDate;
use super::edition::{Added, Edition};

/// A run of a shared pool: `len` items from `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Span {
    pub(crate) start: u32,
    pub(crate) len: u32,
}

impl Span {
    /// The index range the span covers.
    pub(crate) fn range(self) -> core::ops::Range<usize> {
        let start = self.start as usize;
        start..start + self.len as usize
    }

    /// The items from `start` to `end` of a pool the builders fill (a code
    /// set has at most 10,000 records and its pools are far below 4 GiB).
    #[allow(clippy::cast_possible_truncation)]
    #[cfg_attr(not(feature = "alloc"), allow(dead_code))] // the builders need `alloc`
    pub(crate) fn between(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            len: (end - start) as u32,
        }
    }
}

/// A fact about a code that the data may hold from a source or only by
/// inference.
///
/// ```
/// use cdt_codes::Fact;
///
/// assert_eq!("subcategory".parse::<Fact>(), Ok(Fact::Subcategory));
/// assert_eq!(Fact::ReplacedBy.to_string(), "replaced_by");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Fact {
    /// The heading the code stands under.
    Subcategory,
    /// The edition that added the code.
    AddedIn,
    /// The edition that deleted the code.
    DeletedIn,
    /// The codes named to report instead.
    ReplacedBy,
    /// The off-cycle date the code took effect.
    Effective,
}

impl Fact {
    /// Every fact, in column order.
    ///
    /// ```
    /// assert_eq!(cdt_codes::Fact::ALL.len(), 5);
    /// ```
    pub const ALL: [Fact; 5] = [
        Fact::Subcategory,
        Fact::AddedIn,
        Fact::DeletedIn,
        Fact::ReplacedBy,
        Fact::Effective,
    ];

    /// The data column the fact lives in.
    ///
    /// ```
    /// assert_eq!(cdt_codes::Fact::AddedIn.column(), "added_in");
    /// ```
    #[must_use]
    pub const fn column(self) -> &'static str {
        match self {
            Fact::Subcategory => "subcategory",
            Fact::AddedIn => "added_in",
            Fact::DeletedIn => "deleted_in",
            Fact::ReplacedBy => "replaced_by",
            Fact::Effective => "effective",
        }
    }

    const fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

impl fmt::Display for Fact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.column())
    }
}

impl FromStr for Fact {
    type Err = UnknownFact;

    fn from_str(text: &str) -> Result<Fact, UnknownFact> {
        let text = text.trim();
        Fact::ALL
            .into_iter()
            .find(|fact| fact.column().eq_ignore_ascii_case(text))
            .ok_or(UnknownFact)
    }
}

/// A name that is not one of the [`Fact`] columns.
///
/// ```
/// let error = "colour".parse::<cdt_codes::Fact>().unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "not a fact the data marks: expected subcategory, added_in, deleted_in, replaced_by or effective"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("not a fact the data marks: expected subcategory, added_in, deleted_in, replaced_by or effective")]
pub struct UnknownFact;

/// The set of a record's facts that rest on inference rather than a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub(crate) struct Unconfirmed(pub(crate) u8);

impl Unconfirmed {
    pub(crate) const fn contains(self, fact: Fact) -> bool {
        self.0 & fact.bit() != 0
    }

    #[cfg_attr(not(feature = "std"), allow(dead_code))] // used by the data layout
    pub(crate) fn insert(&mut self, fact: Fact) {
        self.0 |= fact.bit();
    }
}

/// What the data says about the codes that took over a deleted code's
/// procedure, when the ADA named no replacement: successors a source
/// confirms, successors we inferred from the edition's additions, or none.
///
/// ```
/// use cdt_codes::SuccessorKind;
///
/// assert_eq!("inferred".parse::<SuccessorKind>(), Ok(SuccessorKind::Inferred));
/// assert_eq!(SuccessorKind::NoSuccessor.to_string(), "none");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SuccessorKind {
    /// A source named in `data/SOURCES.md` pairs the old code with the
    /// new ones.
    Confirmed,
    /// Our reading: codes added when the old one was deleted that cover
    /// the same procedure (split by arch, by side, by stage, ...), with no
    /// source that pairs them.
    Inferred,
    /// No code took the procedure over; the note says why.
    NoSuccessor,
}

impl SuccessorKind {
    /// Every kind, in the order the data file's documentation lists them.
    ///
    /// ```
    /// assert_eq!(cdt_codes::SuccessorKind::ALL.len(), 3);
    /// ```
    pub const ALL: [SuccessorKind; 3] = [
        SuccessorKind::Confirmed,
        SuccessorKind::Inferred,
        SuccessorKind::NoSuccessor,
    ];

    /// The word the data file uses: `confirmed`, `inferred` or `none`.
    ///
    /// ```
    /// assert_eq!(cdt_codes::SuccessorKind::Confirmed.as_str(), "confirmed");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            SuccessorKind::Confirmed => "confirmed",
            SuccessorKind::Inferred => "inferred",
            SuccessorKind::NoSuccessor => "none",
        }
    }
}

impl fmt::Display for SuccessorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for SuccessorKind {
    type Err = UnknownSuccessorKind;

    fn from_str(text: &str) -> Result<SuccessorKind, UnknownSuccessorKind> {
        let text = text.trim();
        SuccessorKind::ALL
            .into_iter()
            .find(|kind| kind.as_str().eq_ignore_ascii_case(text))
            .ok_or(UnknownSuccessorKind)
    }
}

/// A word that is not one of the [`SuccessorKind`]s.
///
/// ```
/// let error = "maybe".parse::<cdt_codes::SuccessorKind>().unwrap_err();
/// assert_eq!(error.to_string(), "not a kind of succession: expected confirmed, inferred or none");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("not a kind of succession: expected confirmed, inferred or none")]
pub struct UnknownSuccessorKind;

/// A deleted code's successors as stored: the codes (into the code pool),
/// how they are known, and the source key and note (into the text pool).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Succession {
    pub(crate) kind: SuccessorKind,
    pub(crate) codes: Span,
    pub(crate) source: Span,
    pub(crate) note: Span,
}

/// Marks "no heading" in [`Record::heading`].
pub(crate) const NO_HEADING: u16 = u16::MAX;
/// Marks an empty slot of the code index.
pub(crate) const NO_RECORD: u16 = u16::MAX;

/// One code as stored: numbers and spans, no pointers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    pub(crate) code: CdtCode,
    pub(crate) category: Category,
    /// Index into the headings, or [`NO_HEADING`].
    pub(crate) heading: u16,
    /// Into the text pool.
    pub(crate) description: Span,
    pub(crate) nomenclature: Option<Span>,
    pub(crate) descriptor: Option<Span>,
    pub(crate) added: Option<Added>,
    pub(crate) deleted_in: Option<Edition>,
    /// The off-cycle date the code took effect: before its edition began,
    /// or within it for a mid-year addition.
    pub(crate) effective: Option<ServiceDate>,
    /// Into the code pool.
    pub(crate) replaced_by: Span,
    /// Into the edition pool.
    pub(crate) revised_in: Span,
    pub(crate) unconfirmed: Unconfirmed,
    /// What a claim line for the code must report, when the data says.
    pub(crate) reporting: Option<super::reporting::Reporting>,
    /// For a deleted code with no named replacement: its successors, or
    /// why it has none.
    pub(crate) succession: Option<Succession>,
}

/// One subcategory heading as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Heading {
    pub(crate) category: Category,
    /// Into the text pool.
    pub(crate) name: Span,
    /// Whether a public source confirms the heading.
    pub(crate) confirmed: bool,
    /// Into the member pool: indices of its records, in code order.
    pub(crate) members: Span,
}

/// One search word (a stem, see `words::stem`) as stored: its text, the
/// records that hold it and how much a match on it counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    /// Into the text pool.
    pub(crate) text: Span,
    /// Into the postings pool: one posting (see `search::index`) per
    /// record that holds the word, ascending by record, telling whether
    /// the description or nomenclature holds it, the heading, category
    /// name or descriptor, or both.
    pub(crate) postings: Span,
    /// How many of its records are in force: they come first in the run's
    /// rank order, so this is where the records no longer in force begin.
    pub(crate) active: u16,
    /// The word's rarity: 100 × its inverse document frequency (BM25's
    /// `ln(1 + (N - n + 0.5) / (n + 0.5))` over `N` records, `n` holding it).
    pub(crate) weight: u16,
    /// How many words begin with this one, itself included: the words are
    /// sorted, so they are this one and those right after it.
    pub(crate) begun: u16,
    /// Into the marks pool, for a word held by many records in force: its
    /// records in force as two bit sets (see `search::index::Marks`);
    /// empty for other words.
    pub(crate) marks: Span,
}

/// One entry of the search vocabulary: a term of the trade and the words
/// of the descriptions it stands for, both as stems joined by spaces, and
/// the records each matches, found when the set is laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Synonym {
    /// Into the text pool.
    pub(crate) term: Span,
    /// Into the text pool.
    pub(crate) expansion: Span,
    /// Into the phrase pool: the records that hold every word of the term,
    /// with their points as an exact match.
    pub(crate) term_hits: Span,
    /// Into the phrase pool: the records that hold every word of the
    /// expansion, with their points as a related match.
    pub(crate) expansion_hits: Span,
    /// How many of the term's hits are records in force (first in rank
    /// order, as in a word's run).
    pub(crate) term_active: u16,
    /// How many of the expansion's hits are records in force.
    pub(crate) expansion_active: u16,
}

/// A record that holds every word of a vocabulary phrase, and the points
/// that earns it (the sum of `search::index::points` over the words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PhraseHit {
    pub(crate) record: u16,
    pub(crate) points: u32,
}
