//! Keyword search over the descriptions, through the word index compiled
//! by `build.rs`.

use alloc::string::String;
use alloc::vec::Vec;

use crate::model::words::{self, MAX_WORD_BYTES};
use crate::set::{CodeSet, Procedure};

/// A query word in lower case: borrowed from the query when it already is,
/// so a typical query allocates nothing for its words.
enum Word<'q> {
    Borrowed(&'q str),
    Owned(String),
}

impl Word<'_> {
    fn as_str(&self) -> &str {
        match self {
            Word::Borrowed(text) => text,
            Word::Owned(text) => text,
        }
    }
}

/// The lower-case form of a query word, or `None` when it is longer than
/// any indexed word and so can match nothing.
fn lower_word(word: &str) -> Option<Word<'_>> {
    if word.len() > MAX_WORD_BYTES {
        return None;
    }
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return Some(Word::Borrowed(word));
    }
    let mut buffer = [0u8; MAX_WORD_BYTES];
    words::lower(word, &mut buffer).map(|lower| Word::Owned(lower.into()))
}

/// A keyword query: its words, and whether deleted codes may match.
///
/// Every word must occur in a record's description (or nomenclature, when a
/// licensed file is compiled in), ignoring case; the last word also matches
/// as a prefix, so results appear while a person types. Results where every
/// word matched whole come first, then those where the last word matched
/// only as a prefix; within each group, code order.
///
/// ```
/// use cdt_codes::Query;
///
/// let codes: Vec<String> = Query::new("apexification")
///     .run()
///     .map(|p| p.code().to_string())
///     .collect();
/// assert_eq!(codes, ["D3351", "D3352", "D3353"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Query<'q> {
    text: &'q str,
    include_deleted: bool,
}

impl<'q> Query<'q> {
    /// A query for the words of `text`; deleted codes are left out.
    ///
    /// ```
    /// let query = cdt_codes::Query::new("night guard");
    /// assert!(query.run().count() > 0);
    /// ```
    #[must_use]
    pub const fn new(text: &'q str) -> Query<'q> {
        Query {
            text,
            include_deleted: false,
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
    /// assert!(all >= current);
    /// ```
    #[must_use]
    pub const fn include_deleted(self, include: bool) -> Query<'q> {
        Query {
            include_deleted: include,
            ..self
        }
    }

    /// Runs the query. Empty, punctuation-only or over-long input matches
    /// nothing; nothing panics.
    ///
    /// ```
    /// assert_eq!(cdt_codes::Query::new("!!!").run().count(), 0);
    /// ```
    #[must_use]
    pub fn run(&self) -> Matches<'static> {
        self.run_in(CodeSet::compiled())
    }

    /// Runs the query over any code set (a loaded one, say).
    ///
    /// ```
    /// let set = cdt_codes::CodeSet::compiled();
    /// let first = cdt_codes::Query::new("apexification").run_in(set).next();
    /// assert!(first.is_some());
    /// ```
    #[must_use]
    pub fn run_in<'s>(&self, set: &'s CodeSet) -> Matches<'s> {
        let indices = matching_indices(set, self.text, self.include_deleted).unwrap_or_default();
        Matches {
            set,
            indices: indices.into_iter(),
        }
    }
}

/// Searches the descriptions of the codes in force for every word of
/// `query` (the last word may be a prefix). Shorthand for
/// `Query::new(query).run()`.
///
/// ```
/// let first = cdt_codes::search("root canal molar").next().unwrap();
/// assert_eq!(first.code().to_string(), "D3330");
/// assert_eq!(cdt_codes::search("").count(), 0);
/// ```
#[must_use]
pub fn search(query: &str) -> Matches<'static> {
    Query::new(query).run()
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
    indices: alloc::vec::IntoIter<u16>,
}

impl<'s> Iterator for Matches<'s> {
    type Item = Procedure<'s>;

    fn next(&mut self) -> Option<Self::Item> {
        let index = self.indices.next()?;
        self.set.procedure_at(usize::from(index))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.indices.size_hint()
    }
}

impl ExactSizeIterator for Matches<'_> {}

impl DoubleEndedIterator for Matches<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let index = self.indices.next_back()?;
        self.set.procedure_at(usize::from(index))
    }
}

/// The postings of one exact word.
fn postings_of<'s>(set: &'s CodeSet, word: &str) -> Option<&'s [u16]> {
    let position = match set.word_map {
        Some(map) => usize::from(*map.get(word)?),
        None => set
            .words
            .binary_search_by(|entry| set.text(entry.text).cmp(word))
            .ok()?,
    };
    postings_at(set, position)
}

fn postings_at(set: &CodeSet, position: usize) -> Option<&[u16]> {
    let entry = set.words.get(position)?;
    set.postings.get(entry.postings.range())
}

fn prefix_range(set: &CodeSet, prefix: &str) -> core::ops::Range<usize> {
    let start = set
        .words
        .partition_point(|entry| set.text(entry.text) < prefix);
    let length = set
        .words
        .get(start..)
        .unwrap_or(&[])
        .iter()
        .take_while(|entry| set.text(entry.text).starts_with(prefix))
        .count();
    start..start + length
}

fn matching_indices(set: &CodeSet, text: &str, include_deleted: bool) -> Option<Vec<u16>> {
    let query_words: Vec<Word<'_>> = words::split(text).map(lower_word).collect::<Option<_>>()?;
    let (last, leading) = query_words.split_last()?;
    let last = last.as_str();

    // Every word but the last must match whole: intersect their postings,
    // rarest first, so the candidate set shrinks fastest.
    let mut leading_postings: Vec<&[u16]> = leading
        .iter()
        .map(|word| postings_of(set, word.as_str()))
        .collect::<Option<_>>()?;
    leading_postings.sort_by_key(|list| list.len());
    let in_all_leading = |index: &u16| {
        leading_postings
            .iter()
            .all(|list| list.binary_search(index).is_ok())
    };

    let exact = postings_of(set, last).unwrap_or(&[]);
    let mut whole: Vec<u16> = exact
        .iter()
        .copied()
        .filter(|i| in_all_leading(i))
        .collect();

    // Then the records where the last word matched only as a prefix.
    let mut prefixed: Vec<u16> = Vec::new();
    for position in prefix_range(set, last) {
        let postings = postings_at(set, position).unwrap_or(&[]);
        prefixed.extend(
            postings
                .iter()
                .copied()
                .filter(|i| exact.binary_search(i).is_err() && in_all_leading(i)),
        );
    }
    prefixed.sort_unstable();
    prefixed.dedup();

    whole.append(&mut prefixed);
    if !include_deleted {
        whole.retain(|&index| {
            set.procedure_at(usize::from(index))
                .is_some_and(|procedure| procedure.is_active())
        });
    }
    Some(whole)
}
