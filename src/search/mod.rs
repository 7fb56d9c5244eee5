//! Ranked search over the code descriptions, the way a biller types:
//! plurals, abbreviations, lay words, codes and the odd typo.
//!
//! A query is cut into terms (see [`Query`]); every record that matches
//! at least one term is scored and the best come first. The index, the
//! vocabulary of the trade (`data/synonyms.tsv`) and the word rules are
//! built by the same code for the compiled set and for a loaded one, so
//! search works alike over both.

pub(crate) mod commonness;
pub(crate) mod index;
mod listed;
mod merge;
mod plan;
mod score;

use core::cmp::Ordering;
use core::fmt;

use crate::set::{CodeSet, Procedure};
use listed::{Few, Listed, ListedPlus};
use merge::Merge;
use score::{Hit, Ranking, Results};

/// A search query: its text, whether deleted codes may match, and how many
/// results to keep.
///
/// The text is cut into **terms**: a code (`D3330`, `d3330`, `3330`) or
/// code prefix (`D33`); a run of words the vocabulary knows as one term
/// (`deep cleaning`, `night guard`, `pfm`); or a single word. Case,
/// punctuation and hyphens do not matter (`x-ray`, `xray` and `x ray` are
/// one), plurals and common endings are removed (`crowns`, `fillings`),
/// number words and digits are the same (`4` and `four`), and small words
/// (`a`, `for`, `the`) and `dental` are left out when the query has other
/// words (`dental bridge` is a search for `bridge`). A word matches a record whole, or as
/// the start of a longer word (always for the last word, which a person
/// may still be typing; not for a word the stemmer reads as another,
/// `teeth` as `tooth`, which was typed whole), or, when the index does not
/// hold it, with one typing slip (`extration`).
///
/// Every record that matches at least one term is a result. Results that
/// match more terms come first; among those with as many, more
/// [`points`](Score::points) first: a rare word counts more than a common
/// one, a word of the description more than one of the heading or
/// category name, a whole word more than a prefix or a slip; a code named
/// in the query outranks every word. Near-ties go to the codes billed most
/// often: a code that `data/commonness.tsv` lists gains 1/16 (tier 1) or
/// 1/32 (tier 2) of its points (ranked unrounded: shown points that tie
/// still rank by the bonus), so among equals an all-ceramic crown comes
/// before a resin one; no match is left out for being uncommon, and a
/// query naming codes keeps code order. Remaining ties keep code order.
///
/// Deleted codes are left out, except a code the query names in full
/// (`D0360`), which is shown with its replacements.
///
/// ```
/// use cdt_codes::Query;
///
/// let codes: Vec<String> = Query::new("apexification")
///     .run()
///     .map(|p| p.code().to_string())
///     .collect();
/// assert_eq!(codes, ["D3351", "D3352", "D3353"]);
///
/// let best = Query::new("4 bitewings").run().next().unwrap();
/// assert_eq!(best.code().to_string(), "D0274");
///
/// // A crown query: the common all-ceramic crown before resin crowns.
/// let first = cdt_codes::search("crown").next().unwrap();
/// assert_eq!(first.code().to_string(), "D2740");
///
/// // A deleted code named in full is found; a word query leaves it out.
/// let deleted = cdt_codes::search("D0360").next().unwrap();
/// assert!(!deleted.is_active());
/// assert!(cdt_codes::search("cone beam").all(|p| p.is_active()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Query<'q> {
    text: &'q str,
    include_deleted: bool,
    limit: usize,
}

impl<'q> Query<'q> {
    /// A query for `text`; deleted codes are left out and every match is
    /// kept.
    ///
    /// ```
    /// let query = cdt_codes::Query::new("night guard");
    /// let best = query.run().next().unwrap();
    /// assert!(best.description().contains("occlusal guard"));
    /// ```
    #[must_use]
    pub const fn new(text: &'q str) -> Query<'q> {
        Query {
            text,
            include_deleted: false,
            limit: usize::MAX,
        }
    }

    /// Whether codes deleted from the code set may match (they are left out
    /// by default).
    ///
    /// ```
    /// use cdt_codes::Query;
    ///
    /// let all = Query::new("preventive resin").include_deleted(true).run().count();
    /// let current = Query::new("preventive resin").run().count();
    /// assert!(all > current);
    /// ```
    #[must_use]
    pub const fn include_deleted(self, include: bool) -> Query<'q> {
        Query {
            include_deleted: include,
            ..self
        }
    }

    /// Keeps only the best `limit` results (all by default): every match
    /// is scored and the best `limit` kept. Without a limit, results are
    /// put in order as they are read (a query of words is read straight
    /// from the index's ranked lists), so `run().take(k)` is usually the
    /// cheaper way to the first few.
    ///
    /// ```
    /// let top = cdt_codes::Query::new("crown").limit(3).run();
    /// assert_eq!(top.len(), 3);
    /// ```
    #[must_use]
    pub const fn limit(self, limit: usize) -> Query<'q> {
        Query { limit, ..self }
    }

    /// Runs the query over the compiled code set. Empty, punctuation-only
    /// or unknown input matches nothing; no input panics.
    ///
    /// ```
    /// assert_eq!(cdt_codes::Query::new("!!!").run().count(), 0);
    /// ```
    #[must_use]
    #[inline]
    pub fn run(&self) -> Matches<'static> {
        self.run_in(CodeSet::compiled())
    }

    /// Runs the query over any code set (a loaded one, say).
    ///
    /// ```
    /// let set = cdt_codes::CodeSet::compiled();
    /// let first = cdt_codes::Query::new("apexification").run_in(set).next();
    /// assert_eq!(first.unwrap().code().to_string(), "D3351");
    /// ```
    #[must_use]
    pub fn run_in<'s>(&self, set: &'s CodeSet) -> Matches<'s> {
        let (terms, results) = score::with_tally(set, |tally| {
            plan::score(set, self.text, tally);
            (
                tally.terms(),
                tally.results(set, self.include_deleted, self.limit),
            )
        });
        let hits = match results {
            Results::Keys(keys) => Order::Sorted(Ranking::new(keys)),
            Results::Listed(listed) => Order::Listed(listed),
            Results::Few(few) => Order::Few(few),
            Results::Plus(plus) => Order::Plus(plus),
            Results::Merged(merge) => Order::Merged(merge),
        };
        Matches {
            set,
            terms: u16::try_from(terms).unwrap_or(u16::MAX),
            hits,
        }
    }
}

impl CodeSet {
    /// The set's search tables, borrowed.
    pub(crate) fn search_tables(&self) -> index::Tables<'_> {
        index::Tables {
            text: &self.text,
            words: &self.words,
            postings: &self.postings,
            marks: &self.marks,
            word_slots: &self.word_slots,
            slip_starts: &self.slip_starts,
            slip_words: &self.slip_words,
            synonyms: &self.synonyms,
            term_slots: &self.term_slots,
            phrases: &self.phrases,
        }
    }

    /// Searches the set's codes in force for `query`, best first (see
    /// [`Query`] for how terms match and rank).
    ///
    /// ```
    /// let set = cdt_codes::CodeSet::compiled();
    /// let first = set.search("root canal molar").next().unwrap();
    /// assert_eq!(first.code().to_string(), "D3330");
    /// ```
    #[must_use]
    pub fn search(&self, query: &str) -> Matches<'_> {
        Query::new(query).run_in(self)
    }
}

/// Searches the compiled code set's codes in force for `query`, best
/// first. Shorthand for `Query::new(query).run()`; see [`Query`].
///
/// ```
/// let first = cdt_codes::search("root canal molar").next().unwrap();
/// assert_eq!(first.code().to_string(), "D3330");
/// assert_eq!(cdt_codes::search("D3330").next().unwrap().code().to_string(), "D3330");
/// assert_eq!(cdt_codes::search("").count(), 0);
/// ```
#[must_use]
#[inline]
pub fn search(query: &str) -> Matches<'static> {
    Query::new(query).run()
}

/// How well a record matched a query: how many of the query's terms it
/// matched, and its points. Scores order as results do: more terms first,
/// then more points.
///
/// ```
/// let mut results = cdt_codes::search("root canal molar").scored();
/// let best = results.next().unwrap().score;
/// assert_eq!(best.terms(), 2); // "root canal" is one vocabulary term
/// assert!(best.is_complete());
/// assert!(results.all(|m| m.score <= best));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Score {
    matched: u16,
    terms: u16,
    points: u32,
}

impl Score {
    /// How many of the query's terms the record matched.
    ///
    /// ```
    /// let m = cdt_codes::search("apexification zzzz").scored().next().unwrap();
    /// assert_eq!((m.score.matched(), m.score.terms()), (1, 2));
    /// ```
    #[must_use]
    pub const fn matched(self) -> usize {
        self.matched as usize
    }

    /// How many terms the query has.
    ///
    /// ```
    /// let m = cdt_codes::search("deep cleaning 4 teeth").scored().next().unwrap();
    /// assert_eq!(m.score.terms(), 3); // "deep cleaning", "4", "teeth"
    /// ```
    #[must_use]
    pub const fn terms(self) -> usize {
        self.terms as usize
    }

    /// Whether the record matched every term.
    ///
    /// ```
    /// let m = cdt_codes::search("pulpotomy").scored().next().unwrap();
    /// assert!(m.score.is_complete());
    /// ```
    #[must_use]
    pub const fn is_complete(self) -> bool {
        self.matched >= self.terms
    }

    /// The relevance points: the sum over matched terms of the best way
    /// the term matched, weighted by word rarity, field and kind of match,
    /// plus the code's commonness bonus (see [`Query`]). Comparable within
    /// one query only.
    ///
    /// ```
    /// let scored: Vec<_> = cdt_codes::search("sealant").scored().collect();
    /// // D1351 (sealant per tooth) first, D1353 (sealant repair) below it
    /// assert_eq!(scored[0].procedure.code().to_string(), "D1351");
    /// assert_eq!(scored[1].procedure.code().to_string(), "D1353");
    /// assert!(scored[0].score.points() > scored[1].score.points());
    /// ```
    #[must_use]
    pub const fn points(self) -> u32 {
        self.points
    }
}

impl PartialOrd for Score {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Score {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.matched, self.points, self.terms).cmp(&(other.matched, other.points, other.terms))
    }
}

impl fmt::Display for Score {
    /// `matched/terms points`, e.g. `2/2 1843`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{} {}", self.matched, self.terms, self.points)
    }
}

/// A record a query matched, with its score.
///
/// ```
/// let m = cdt_codes::search("srp").scored().next().unwrap();
/// assert_eq!(m.procedure.code().to_string(), "D4341");
/// assert!(m.score.is_complete());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Match<'s> {
    /// The record.
    pub procedure: Procedure<'s>,
    /// How well it matched.
    pub score: Score,
}

/// The records a query matched, best first.
///
/// ```
/// let matches = cdt_codes::search("bitewing");
/// assert!(matches.len() >= 4);
/// ```
#[derive(Debug, Clone)]
pub struct Matches<'s> {
    set: &'s CodeSet,
    terms: u16,
    /// The hits' [keys](Hit::key), put in order as they are asked for.
    hits: Order<'s>,
}

/// Where the keys of the results come from.
#[derive(Debug, Clone)]
enum Order<'s> {
    /// Every hit scored, put in order as read.
    Sorted(Ranking),
    /// A query of one word or phrase, read from its ranked list.
    Listed(Listed<'s>),
    /// A query of one term with few records, every key made at once.
    Few(Few),
    /// A query of one term: a ranked list and one record more.
    Plus(ListedPlus<'s>),
    /// A query of words and phrases, merged from the index's ranked lists
    /// as read.
    Merged(alloc::boxed::Box<Merge<'s>>),
}

impl Order<'_> {
    fn len(&self) -> usize {
        match self {
            Order::Sorted(ranking) => ranking.len(),
            Order::Listed(listed) => listed.len(),
            Order::Few(few) => few.len(),
            Order::Plus(plus) => plus.len(),
            Order::Merged(merge) => merge.len(),
        }
    }

    #[inline]
    fn next(&mut self, set: &CodeSet) -> Option<u64> {
        match self {
            Order::Sorted(ranking) => ranking.next(),
            Order::Listed(listed) => listed.next(set),
            Order::Few(few) => few.next(),
            Order::Plus(plus) => plus.next(set),
            Order::Merged(merge) => merge.next(),
        }
    }

    /// The record of the [`next`](Order::next) key (a list of one term
    /// reads it without making the key).
    #[inline]
    fn next_record(&mut self, set: &CodeSet) -> Option<u16> {
        match self {
            Order::Listed(listed) => listed.next_record(),
            _ => self.next(set).map(|key| Hit::from_key(key).index),
        }
    }

    fn next_back(&mut self, set: &CodeSet) -> Option<u64> {
        match self {
            Order::Sorted(ranking) => ranking.next_back(),
            Order::Listed(listed) => listed.next_back(set),
            Order::Few(few) => few.next_back(),
            Order::Plus(plus) => plus.next_back(set),
            Order::Merged(merge) => merge.next_back(),
        }
    }
}

impl<'s> Matches<'s> {
    /// The same results with their scores.
    ///
    /// ```
    /// let best: Vec<_> = cdt_codes::search("fmx").scored().take(3).collect();
    /// assert_eq!(best[0].procedure.code().to_string(), "D0210"); // full-mouth series
    /// assert!(best.windows(2).all(|pair| pair[0].score >= pair[1].score));
    /// ```
    #[must_use]
    pub fn scored(self) -> Scored<'s> {
        Scored(self)
    }

    /// How many terms the query has (see [`Query`]).
    ///
    /// ```
    /// assert_eq!(cdt_codes::search("night guard adjustment").terms(), 1);
    /// assert_eq!(cdt_codes::search("crown molar").terms(), 2);
    /// ```
    #[must_use]
    pub fn terms(&self) -> usize {
        usize::from(self.terms)
    }

    fn procedure(&self, hit: Hit) -> Option<Procedure<'s>> {
        self.set.procedure_at(usize::from(hit.index))
    }

    fn scored_hit(&self, hit: Hit) -> Option<Match<'s>> {
        Some(Match {
            procedure: self.procedure(hit)?,
            score: Score {
                matched: hit.matched,
                terms: self.terms,
                points: hit.points / index::SCALE,
            },
        })
    }
}

impl<'s> Iterator for Matches<'s> {
    type Item = Procedure<'s>;

    fn next(&mut self) -> Option<Self::Item> {
        let record = self.hits.next_record(self.set)?;
        self.set.procedure_at(usize::from(record))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.hits.len(), Some(self.hits.len()))
    }
}

impl ExactSizeIterator for Matches<'_> {}

impl DoubleEndedIterator for Matches<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let hit = self.hits.next_back(self.set)?;
        self.procedure(Hit::from_key(hit))
    }
}

/// The records a query matched with their scores, best first (from
/// [`Matches::scored`]).
///
/// ```
/// let scores: Vec<_> = cdt_codes::search("crown").scored().map(|m| m.score).collect();
/// assert!(scores.windows(2).all(|pair| pair[0] >= pair[1]));
/// ```
#[derive(Debug, Clone)]
pub struct Scored<'s>(Matches<'s>);

impl<'s> Iterator for Scored<'s> {
    type Item = Match<'s>;

    fn next(&mut self) -> Option<Self::Item> {
        let hit = self.0.hits.next(self.0.set)?;
        self.0.scored_hit(Hit::from_key(hit))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.0.hits.len(), Some(self.0.hits.len()))
    }
}

impl ExactSizeIterator for Scored<'_> {}

impl DoubleEndedIterator for Scored<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let hit = self.0.hits.next_back(self.0.set)?;
        self.0.scored_hit(Hit::from_key(hit))
    }
}
