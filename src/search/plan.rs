//! From the text of a query to its terms, each scored as soon as it is
//! found: a term is a list of alternatives, each a list of index words
//! that must all occur in a record.
//!
//! A term is a code (`D3330`, `3330`, `D33`), a run of words the
//! vocabulary knows as one term (`night guard`: its own words, or the words
//! of the descriptions it stands for), two words the index knows joined
//! (`bite wing`: `bitewing`), or one word: itself, words it begins (the
//! last word, and a word the index does not hold; never a word whose stem
//! is another word, `teeth` for `tooth`), its beginning when a person
//! stopped typing (`bitewi`), its halves (`xray`: `x ray`), and when
//! nothing else is found, words one typing slip away.
//!
//! Nothing here allocates: query words are read a few at a time into a
//! window on the stack.

use core::ops::Range;

use arrayvec::{ArrayString, ArrayVec};

use super::index::{Tables, CODE, CODE_PREFIX, EXACT, PREFIX, RELATED, TYPO};
use super::score::Tally;
use crate::model::record::Synonym;
use crate::model::words::{self, Stem, MAX_TERM_WORDS, MAX_WORD_BYTES, STOP_WORDS};
use crate::set::CodeSet;

/// No cap on a word's weight.
const UNCAPPED: u16 = u16::MAX;

/// Scores every term of `text` over `set` into `tally`.
pub(super) fn score<'s>(set: &'s CodeSet, text: &str, tally: &mut Tally<'_, 's>) {
    // Borrowed, not passed by value: the tables are a dozen slices.
    let index = set.search_tables();
    if let Some(word) = lone_word(text) {
        // The commonest query, one word: no window to fill.
        let mut scorer = Scorer {
            index: &index,
            tally,
        };
        let synonym = word.stem().and_then(|stem| index.term(stem.as_bytes()));
        match synonym {
            Some(synonym) => scorer.vocabulary(&word, true, 1, synonym),
            None => scorer.word(&word, true),
        }
        return;
    }
    // A query that cannot hold a code (most) is not cut into words twice.
    if may_name_a_code(text) {
        for run in words::split(text) {
            if let Some((records, points)) = code_term(set, run) {
                tally.next_term();
                for record in records {
                    tally.offer_code(record, points, points == CODE);
                }
            }
        }
    }
    // The window stays where it is made: moving it copies every word.
    let mut window = Window::new(query_tokens(text));
    let mut builder = Builder {
        scorer: Scorer {
            index: &index,
            tally,
        },
        window: &mut window,
        all_stop: None,
        text,
    };
    builder.words();
}

/// The query `text` as a word, when it is one word of ASCII letters and
/// nothing else (no spaces, digits or marks): the commonest query, which
/// the general way would read as one token, never a code, and, being the
/// only word, never a stop word left out.
fn lone_word(text: &str) -> Option<QueryWord<'_>> {
    if !(1..=MAX_WORD_BYTES).contains(&text.len()) {
        return None;
    }
    // One pass: letters only, and whether all are lower case already.
    let mut upper = false;
    for byte in text.bytes() {
        if !byte.is_ascii_alphabetic() {
            return None;
        }
        upper |= byte.is_ascii_uppercase();
    }
    if upper {
        return Some(QueryWord::of(text));
    }
    Some(QueryWord {
        lower: Lower::Same(text),
        stem: words::stem_of(text),
    })
}

/// The search words of a query that are not codes: the runs of
/// [`words::split`] that are not codes, each cut by [`words::tokens`] when
/// it mixes digits and letters (most runs are one token, read once).
fn query_tokens(text: &str) -> QueryTokens<'_> {
    QueryTokens {
        runs: words::split(text),
        cut: None,
    }
}

/// The search words of a query that are not codes (see [`query_tokens`]).
struct QueryTokens<'q> {
    /// The query's runs of letters and digits.
    runs: words::Runs<'q>,
    /// The tokens left of a run being cut.
    cut: Option<words::Runs<'q>>,
}

impl<'q> Iterator for QueryTokens<'q> {
    type Item = &'q str;

    fn next(&mut self) -> Option<&'q str> {
        loop {
            if let Some(cut) = &mut self.cut {
                if let Some(token) = cut.next() {
                    return Some(token);
                }
                self.cut = None;
            }
            let run = self.runs.next()?;
            if code_digits(run).is_some() {
                continue;
            }
            if !self.runs.mixed() {
                return Some(run);
            }
            self.cut = Some(words::tokens(run));
        }
    }
}

/// Whether `text` may name a code or code prefix (see [`code_digits`]):
/// it has a `D` or `d` followed by a digit, or four digits in a row. A
/// quick look at the bytes that rules out most queries, `deep cleaning 4
/// teeth` among them.
fn may_name_a_code(text: &str) -> bool {
    // Most queries have no digit at all: told by the quickest look.
    if !text.bytes().any(|byte| byte.is_ascii_digit()) {
        return false;
    }
    let mut digits = 0;
    let mut after_d = false;
    for byte in text.bytes() {
        if byte.is_ascii_digit() {
            digits += 1;
            if after_d || digits == 4 {
                return true;
            }
        } else {
            digits = 0;
        }
        after_d = matches!(byte, b'd' | b'D');
    }
    false
}

/// The digits of a code (`D3330`, `d3330`, `3330`) or code prefix (`D33`).
fn code_digits(run: &str) -> Option<&[u8]> {
    let digits = match run.as_bytes() {
        [b'd' | b'D', rest @ ..] if (1..=4).contains(&rest.len()) => rest,
        all if all.len() == 4 => all,
        _ => return None,
    };
    digits.iter().all(u8::is_ascii_digit).then_some(digits)
}

/// A code or code prefix as a term: its records and their points.
fn code_term(set: &CodeSet, run: &str) -> Option<(Range<u16>, u32)> {
    let digits = code_digits(run)?;
    let number = digits
        .iter()
        .fold(0u32, |n, digit| n * 10 + u32::from(digit - b'0'));
    let scale = 10u32.pow(4 - u32::try_from(digits.len()).ok()?);
    let (first, last) = (number * scale, (number + 1) * scale);
    let start = set
        .records
        .partition_point(|record| u32::from(record.code.number()) < first);
    let end = set
        .records
        .partition_point(|record| u32::from(record.code.number()) < last);
    let points = if digits.len() == 4 { CODE } else { CODE_PREFIX };
    let index = |at: usize| u16::try_from(at).unwrap_or(u16::MAX);
    Some((index(start)..index(end), points))
}

/// A query word: its lower-case form (the query's own text when it is
/// lower-case ASCII already, else a copy on the stack) and its stem.
#[derive(Clone, Copy)]
struct QueryWord<'q> {
    lower: Lower<'q>,
    stem: Stem,
}

#[derive(Clone, Copy)]
enum Lower<'q> {
    /// Too long for the index (first: a window of these is all zero
    /// bytes, set without a copy).
    TooLong,
    Same(&'q str),
    Copied([u8; MAX_WORD_BYTES], u8),
}

impl<'q> QueryWord<'q> {
    const NONE: QueryWord<'static> = QueryWord {
        lower: Lower::TooLong,
        stem: Stem::Prefix(0),
    };

    fn of(token: &'q str) -> QueryWord<'q> {
        let mut word = QueryWord::NONE;
        word.set(token);
        word
    }

    /// Makes this the word of `token`, in place (building a word and
    /// copying it costs more).
    fn set(&mut self, token: &'q str) {
        self.lower = if token.len() <= MAX_WORD_BYTES
            && token
                .bytes()
                .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            Lower::Same(token)
        } else {
            let mut buffer = [0; MAX_WORD_BYTES];
            match words::lower(token, &mut buffer).map(str::len) {
                Some(length) => Lower::Copied(buffer, u8::try_from(length).unwrap_or(0)),
                None => Lower::TooLong,
            }
        };
        self.stem = self.lower().map_or(Stem::Prefix(0), words::stem_of);
    }

    /// The lower-case word.
    fn lower(&self) -> Option<&str> {
        match &self.lower {
            Lower::Same(text) => Some(text),
            Lower::Copied(buffer, length) => {
                core::str::from_utf8(buffer.get(..usize::from(*length))?).ok()
            }
            Lower::TooLong => None,
        }
    }

    /// The word's stem.
    fn stem(&self) -> Option<&str> {
        self.stem.of(self.lower()?)
    }

    fn is_stop(&self) -> bool {
        self.stem().is_some_and(|stem| STOP_WORDS.contains(&stem))
    }
}

/// How many query words are looked at together: a vocabulary term's
/// length, and one more to know whether a word is the last.
const WINDOW: usize = MAX_TERM_WORDS + 2;

/// The next few words of a query.
struct Window<'q, I> {
    /// The words not read yet; `None` once the query has ended (then it
    /// is not asked again at every term).
    tokens: Option<I>,
    ring: [QueryWord<'q>; WINDOW],
    head: usize,
    len: usize,
}

impl<'q, I: Iterator<Item = &'q str>> Window<'q, I> {
    fn new(tokens: I) -> Self {
        Window {
            tokens: Some(tokens),
            ring: [QueryWord::NONE; WINDOW],
            head: 0,
            len: 0,
        }
    }

    /// Reads words until the window is full or the query ends.
    fn fill(&mut self) {
        while self.len < WINDOW {
            let Some(tokens) = &mut self.tokens else {
                return;
            };
            let Some(token) = tokens.next() else {
                self.tokens = None;
                return;
            };
            if let Some(slot) = self.ring.get_mut((self.head + self.len) % WINDOW) {
                slot.set(token);
            }
            self.len += 1;
        }
    }

    /// The word `offset` words on, if the query has it.
    fn get(&self, offset: usize) -> Option<&QueryWord<'q>> {
        (offset < self.len)
            .then(|| self.ring.get((self.head + offset) % WINDOW))
            .flatten()
    }

    /// Whether the first word is the query's last (after [`fill`](Window::fill)).
    fn at_last(&self) -> bool {
        self.len == 1
    }

    fn consume(&mut self, count: usize) {
        let count = count.min(self.len);
        self.head = (self.head + count) % WINDOW;
        self.len -= count;
    }
}

struct Builder<'b, 's, 't, 'q, I> {
    scorer: Scorer<'b, 's, 't>,
    window: &'b mut Window<'q, I>,
    /// Whether every word of the query is a stop word, once asked.
    all_stop: Option<bool>,
    text: &'b str,
}

/// What scores alternatives: the set's search tables and the tally.
struct Scorer<'b, 's, 't> {
    index: &'b Tables<'s>,
    tally: &'b mut Tally<'t, 's>,
}

impl<'q, I: Iterator<Item = &'q str>> Builder<'_, '_, '_, 'q, I> {
    /// Every term of the query's words, in order.
    fn words(&mut self) {
        loop {
            self.window.fill();
            let Some(first) = self.window.get(0) else {
                return;
            };
            let last = self.window.at_last();
            let scorer = &mut self.scorer;
            let used = if let Some((length, synonym)) = vocabulary_term(scorer.index, self.window) {
                scorer.vocabulary(first, last, length, synonym);
                length
            } else if let Some(position) = joined(scorer.index, self.window) {
                scorer.tally.next_term();
                scorer.alternative(&[position], EXACT);
                let parts = [self.window.get(0), self.window.get(1)].map(|word| {
                    word.and_then(QueryWord::stem)
                        .and_then(|stem| scorer.index.position(stem))
                });
                if let [Some(left), Some(right)] = parts {
                    scorer.alternative(&[left, right], EXACT);
                }
                2
            } else if first.is_stop() && !all_stop(&mut self.all_stop, self.text) {
                1
            } else {
                scorer.word(first, last);
                1
            };
            self.window.consume(used);
        }
    }
}

/// Whether every word of the query `text` is a stop word (then they are
/// searched for rather than left out), found once into `known`.
fn all_stop(known: &mut Option<bool>, text: &str) -> bool {
    *known.get_or_insert_with(|| query_tokens(text).all(|token| QueryWord::of(token).is_stop()))
}

/// The longest vocabulary term of the index that the window starts with, and
/// its length in words.
fn vocabulary_term<'s, 'q, I: Iterator<Item = &'q str>>(
    index: &Tables<'s>,
    window: &Window<'q, I>,
) -> Option<(usize, &'s Synonym)> {
    // The last word of the query: its stem is the only key (no copy).
    if window.get(1).is_none() {
        let stem = window.get(0).and_then(QueryWord::stem)?;
        return index.term(stem.as_bytes()).map(|synonym| (1, synonym));
    }
    // The stems of the next words joined by spaces; each shorter term
    // is a prefix of the longest.
    // (In vectors on the stack: arrays were zeroed for every call.)
    let mut key = ArrayVec::<u8, { MAX_TERM_WORDS * (MAX_WORD_BYTES + 1) }>::new();
    let mut ends = ArrayVec::<usize, MAX_TERM_WORDS>::new();
    for offset in 0..MAX_TERM_WORDS {
        let Some(stem) = window.get(offset).and_then(QueryWord::stem) else {
            break;
        };
        if offset > 0 && key.try_push(b' ').is_err() {
            break;
        }
        if key.try_extend_from_slice(stem.as_bytes()).is_err() || ends.try_push(key.len()).is_err()
        {
            break;
        }
    }
    ends.iter().enumerate().rev().find_map(|(words, &end)| {
        let synonym = index.term(key.get(..end)?)?;
        Some((words + 1, synonym))
    })
}

/// The position of the window's first two words written as one (`bite
/// wing`), when the index holds it.
fn joined<'q, I: Iterator<Item = &'q str>>(
    index: &Tables<'_>,
    window: &Window<'q, I>,
) -> Option<u16> {
    let first = window.get(0)?.lower()?;
    let second = window.get(1)?.lower()?;
    // Joined on the stack: both words fit (a string of two strings needs
    // no check, nor zeroed room).
    let mut joined = ArrayString::<{ 2 * MAX_WORD_BYTES }>::new();
    joined.try_push_str(first).ok()?;
    joined.try_push_str(second).ok()?;
    index.position(words::stem(&joined))
}

impl<'s> Scorer<'_, 's, '_> {
    /// A vocabulary term of `length` words starting at `first` (the last
    /// word of the query when `last`), as its own term: the words
    /// themselves (one: the word and the words it may stand for; several:
    /// the phrase), or the descriptions it stands for.
    fn vocabulary(
        &mut self,
        first: &QueryWord<'_>,
        last: bool,
        length: usize,
        synonym: &'s Synonym,
    ) {
        self.tally.next_term();
        if length == 1 {
            self.single(first, last, false);
        } else {
            self.tally
                .offer_phrase(self.index, synonym.term_hits, synonym.term_active);
        }
        self.tally
            .offer_phrase(self.index, synonym.expansion_hits, synonym.expansion_active);
    }

    /// A word the vocabulary does not know as a term, as its own term.
    fn word(&mut self, word: &QueryWord<'_>, last: bool) {
        self.tally.next_term();
        self.single(word, last, true);
    }

    /// One word and the words it may stand for.
    fn single(&mut self, word: &QueryWord<'_>, last: bool, fuzzy: bool) {
        let (Some(raw), Some(stem)) = (word.lower(), word.stem()) else {
            return;
        };
        let mut offered = 0;
        let exact = self.index.position(stem);
        if let Some(position) = exact {
            self.alternative(&[position], EXACT);
            offered += 1;
        }
        let missing = exact.is_none() && fuzzy;
        let mut begun = false;
        // A word the stemmer reads as another (`teeth`: `tooth`) was typed
        // whole: its stem begins no word the person is typing.
        let typed_on = raw.starts_with(stem);
        if typed_on && ((last && stem.len() >= 2) || (missing && stem.len() >= 4)) {
            let cap = exact
                .and_then(|position| self.index.word(position))
                .map_or(UNCAPPED, |word| word.weight);
            for position in self.index.prefixed(stem, exact) {
                if Some(position) != exact {
                    self.tally.offer_all(self.index, &[position], PREFIX, cap);
                    offered += 1;
                    begun = true;
                }
            }
        }
        if !missing {
            return;
        }
        // Where a person stopped typing: `bitewi` for `bitewing`.
        for cut in 1..=2 {
            let Some(head) = raw.len().checked_sub(cut).and_then(|end| raw.get(..end)) else {
                break;
            };
            if head.len() < 4 {
                break;
            }
            if let Some(position) = self.index.position(head) {
                self.alternative(&[position], PREFIX);
                offered += 1;
            }
        }
        // Two words written as one: `xray`, `nightguard`.
        for split in 1..raw.len() {
            let (Some(left), Some(right)) = (raw.get(..split), raw.get(split..)) else {
                continue;
            };
            // The right half is looked up only when the left is a word.
            let Some(left) = self.index.position(words::stem(left)) else {
                continue;
            };
            if let Some(right) = self.index.position(words::stem(right)) {
                self.alternative(&[left, right], RELATED);
                offered += 1;
            }
        }
        // A word the query word begins is what a person is typing; look
        // for slips only when there is none.
        if begun || stem.len() < 4 {
            return;
        }
        // One typing slip: `extration`, `sealent`, `night gard`.
        let index = self.index;
        index.near(stem, |position| {
            self.tally.offer_all(index, &[position], TYPO, UNCAPPED);
            offered += 1;
        });
        if offered == 0 {
            for synonym in index.near_terms(stem) {
                self.all_of(index.expansion(synonym), TYPO);
            }
        }
    }

    /// Offers the records holding every word at `positions`.
    fn alternative(&mut self, positions: &[u16], grade: u32) {
        self.tally.offer_all(self.index, positions, grade, UNCAPPED);
    }

    /// Offers the records holding every word of `stems` (a vocabulary
    /// phrase: at most [`MAX_TERM_WORDS`] stems joined by spaces), none
    /// when the index lacks one.
    fn all_of(&mut self, stems: &str, grade: u32) {
        let mut positions = [0u16; MAX_TERM_WORDS];
        let mut count = 0;
        for stem in stems.split(' ') {
            let (Some(position), Some(slot)) =
                (self.index.position(stem), positions.get_mut(count))
            else {
                return;
            };
            *slot = position;
            count += 1;
        }
        self.alternative(positions.get(..count).unwrap_or(&[]), grade);
    }
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::{code_digits, may_name_a_code};
    use crate::model::words;

    /// The quick look never rules out a query that names a code: every
    /// text with a run that is a code or code prefix passes it.
    #[test]
    fn the_quick_look_for_codes_misses_none() {
        let pieces = [
            "D2740", "d33", "3330", "D1", "1d2", "12", "34", "4", "deep", "x", "4bwx", "d", " ",
            "-", "D12345", "99999", "é", "D",
        ];
        let mut checked = 0;
        for first in pieces {
            for second in pieces {
                for third in ["", " ", "7", "d"] {
                    let text = [first, second, third].concat();
                    let names = words::split(&text).any(|run| code_digits(run).is_some());
                    assert!(!names || may_name_a_code(&text), "{text:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000);
        assert!(may_name_a_code("crown D2740") && may_name_a_code("3330"));
        assert!(!may_name_a_code("deep cleaning 4 teeth") && !may_name_a_code("12 34"));
    }
}
