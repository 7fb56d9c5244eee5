//! From the text of a query to a plan: its terms, each a list of
//! alternatives, each a list of index words that must all occur.
//!
//! A term is a code (`D3330`, `3330`, `D33`), a run of words the
//! vocabulary knows as one term (`night guard`: its own words, or the words
//! of the descriptions it stands for), two words the index knows joined
//! (`bite wing`: `bitewing`), or one word: itself, words it begins (the
//! last word, and a word the index does not hold), its beginning when a
//! person stopped typing (`bitewi`), its halves (`xray`: `x ray`), and
//! when nothing else is found, words one typing slip away.

use alloc::string::String;
use alloc::vec::Vec;
use core::ops::Range;

use super::index;
use crate::model::words::{self, MAX_TERM_WORDS, MAX_WORD_BYTES, STOP_WORDS};
use crate::set::CodeSet;

/// How much a kind of match counts, in tenths.
pub(super) const EXACT: u32 = 10;
/// A vocabulary term's expansion, or a word's halves or joined form.
pub(super) const RELATED: u32 = 9;
/// A word the query word begins, or that begins it.
pub(super) const PREFIX: u32 = 6;
/// A word one typing slip away.
pub(super) const TYPO: u32 = 5;
/// Points of a code named in full, and of a code under a named prefix.
pub(super) const CODE: u32 = 1_000_000;
/// See [`CODE`].
pub(super) const CODE_PREFIX: u32 = 100_000;

/// Index words that must all occur in a record, and how much they count.
pub(super) struct Alternative {
    /// Into [`Plan::words`].
    pub(super) words: Range<usize>,
    /// In tenths: [`EXACT`], [`RELATED`], [`PREFIX`] or [`TYPO`].
    pub(super) grade: u32,
    /// The most a word's weight may count: a longer word that a query
    /// word begins counts no more than the query word itself.
    pub(super) cap: u16,
}

/// One term of a query.
pub(super) enum Term {
    /// Into [`Plan::alternatives`]: a record matches the term when it
    /// matches one of them (an empty range matches nothing).
    Words(Range<usize>),
    /// A run of records (a code, or the codes under a prefix) and their
    /// points.
    Codes(Range<usize>, u32),
}

/// The terms of a query resolved against one code set.
#[derive(Default)]
pub(super) struct Plan {
    /// Positions in the set's word list.
    pub(super) words: Vec<u32>,
    pub(super) alternatives: Vec<Alternative>,
    pub(super) terms: Vec<Term>,
}

/// A query word: its lower-case form and its stem, as ranges of the
/// builder's text; `None` for a word too long for the index.
type QueryWord = Option<(Range<usize>, Range<usize>)>;

struct Builder<'s> {
    set: &'s CodeSet,
    plan: Plan,
    /// Lower-case words, then stems, one after another.
    text: String,
    words: Vec<QueryWord>,
}

/// The plan of `text` over `set`.
pub(super) fn plan(set: &CodeSet, text: &str) -> Plan {
    // Sized so that a typical query never grows them.
    let mut builder = Builder {
        set,
        plan: Plan {
            words: Vec::with_capacity(32),
            alternatives: Vec::with_capacity(16),
            terms: Vec::with_capacity(8),
        },
        text: String::with_capacity(2 * text.len()),
        words: Vec::with_capacity(8),
    };
    for run in words::split(text) {
        if let Some(term) = code_term(set, run) {
            builder.plan.terms.push(term);
        } else {
            words::tokens(run).for_each(|token| builder.add_word(token));
        }
    }
    builder.terms();
    builder.plan
}

/// A code (`D3330`, `d3330`, `3330`) or code prefix (`D33`) as a term.
fn code_term(set: &CodeSet, run: &str) -> Option<Term> {
    let digits = match run.as_bytes() {
        [b'd' | b'D', rest @ ..] if (1..=4).contains(&rest.len()) => rest,
        all if all.len() == 4 => all,
        _ => return None,
    };
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
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
    Some(Term::Codes(start..end, points))
}

impl Builder<'_> {
    fn add_word(&mut self, token: &str) {
        let mut buffer = [0u8; MAX_WORD_BYTES];
        let word = words::lower(token, &mut buffer).map(|lower| {
            let start = self.text.len();
            self.text.push_str(lower);
            let raw = start..self.text.len();
            let start = self.text.len();
            self.text.push_str(words::stem(lower));
            (raw, start..self.text.len())
        });
        self.words.push(word);
    }

    fn stem(&self, at: usize) -> Option<&str> {
        let (_, stem) = self.words.get(at)?.as_ref()?;
        self.text.get(stem.clone())
    }

    fn raw(&self, at: usize) -> Option<&str> {
        let (raw, _) = self.words.get(at)?.as_ref()?;
        self.text.get(raw.clone())
    }

    fn terms(&mut self) {
        let is_stop = |stem: Option<&str>| stem.is_some_and(|stem| STOP_WORDS.contains(&stem));
        let all_stop = (0..self.words.len()).all(|at| is_stop(self.stem(at)));
        let count = self.words.len();
        let mut at = 0;
        // Allocated only when a word starts a vocabulary term.
        let mut key = String::new();
        while at < count {
            let start = self.plan.alternatives.len();
            if let Some(length) = self.vocabulary_term(at, &mut key) {
                at += length;
            } else if self.joined(at) {
                at += 2;
            } else if is_stop(self.stem(at)) && !all_stop {
                at += 1;
                continue;
            } else {
                self.single(at, at + 1 == count, true);
                at += 1;
            }
            let end = self.plan.alternatives.len();
            self.plan.terms.push(Term::Words(start..end));
        }
    }

    /// The longest vocabulary term that starts at `at`: its own words and
    /// its expansion become the alternatives of one term.
    fn vocabulary_term(&mut self, at: usize, key: &mut String) -> Option<usize> {
        let longest = MAX_TERM_WORDS.min(self.words.len() - at);
        // Every key below starts with the first word: look only among the
        // terms that do, and not at all when there are none.
        let among = index::terms_from(self.set, self.stem(at)?);
        if among.is_empty() {
            return None;
        }
        for length in (1..=longest).rev() {
            key.clear();
            for offset in 0..length {
                let stem = self.stem(at + offset)?;
                if offset > 0 {
                    key.push(' ');
                }
                key.push_str(stem);
            }
            let Some(expansion) = index::expansion(self.set, among.clone(), key) else {
                continue;
            };
            if length == 1 {
                self.single(at, at + 1 == self.words.len(), false);
            } else {
                self.all_of(key.split(' '), EXACT);
            }
            self.all_of(expansion.split(' '), RELATED);
            return Some(length);
        }
        None
    }

    /// Two words that the index holds written as one (`bite wing`).
    fn joined(&mut self, at: usize) -> bool {
        let (Some(first), Some(second)) = (self.raw(at), self.raw(at + 1)) else {
            return false;
        };
        // Joined on the stack: both words fit in the index's word length.
        let mut buffer = [0u8; 2 * MAX_WORD_BYTES];
        let length = first.len() + second.len();
        let Some(both) = buffer.get_mut(..length) else {
            return false;
        };
        let (left, right) = both.split_at_mut(first.len());
        left.copy_from_slice(first.as_bytes());
        right.copy_from_slice(second.as_bytes());
        let Some(joined) = buffer
            .get(..length)
            .and_then(|bytes| core::str::from_utf8(bytes).ok())
        else {
            return false;
        };
        let Some(position) = index::position(self.set, words::stem(joined)) else {
            return false;
        };
        self.push(&[position], EXACT);
        let parts = [self.stem(at), self.stem(at + 1)]
            .map(|stem| stem.and_then(|stem| index::position(self.set, stem)));
        if let [Some(left), Some(right)] = parts {
            self.push(&[left, right], EXACT);
        }
        true
    }

    /// One word and the words it may stand for.
    fn single(&mut self, at: usize, last: bool, fuzzy: bool) {
        let Some(Some((raw, stem))) = self.words.get(at).cloned() else {
            return;
        };
        // Moved out while the plan grows (no copy): the word is read from it.
        let text = core::mem::take(&mut self.text);
        if let (Some(raw), Some(stem)) = (text.get(raw), text.get(stem)) {
            self.single_word(raw, stem, last, fuzzy);
        }
        self.text = text;
    }

    fn single_word(&mut self, raw: &str, stem: &str, last: bool, fuzzy: bool) {
        let start = self.plan.alternatives.len();
        let exact = index::position(self.set, stem);
        if let Some(position) = exact {
            self.push(&[position], EXACT);
        }
        let missing = exact.is_none() && fuzzy;
        let mut begun = false;
        if (last && stem.len() >= 2) || (missing && stem.len() >= 4) {
            let cap = exact
                .and_then(|position| index::word(self.set, position))
                .map_or(u16::MAX, |word| word.weight);
            for position in index::prefixed(self.set, stem) {
                if Some(position) != exact {
                    self.push_capped(&[position], PREFIX, cap);
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
            if let Some(position) = index::position(self.set, head) {
                self.push(&[position], PREFIX);
            }
        }
        // Two words written as one: `xray`, `nightguard`.
        for split in 1..raw.len() {
            let (Some(left), Some(right)) = (raw.get(..split), raw.get(split..)) else {
                continue;
            };
            let halves = [
                index::position(self.set, words::stem(left)),
                index::position(self.set, words::stem(right)),
            ];
            if let [Some(left), Some(right)] = halves {
                self.push(&[left, right], RELATED);
            }
        }
        // A word the query word begins is what a person is typing; look
        // for slips only when there is none.
        if begun || stem.len() < 4 {
            return;
        }
        // One typing slip: `extration`, `sealent`, `night gard`.
        for position in index::near(self.set, stem) {
            self.push(&[position], TYPO);
        }
        if self.plan.alternatives.len() == start {
            for expansion in index::near_terms(self.set, stem) {
                self.all_of(expansion.split(' '), TYPO);
            }
        }
    }

    /// An alternative of index words given as stems; left out when the
    /// index lacks one of them.
    fn all_of<'a>(&mut self, stems: impl IntoIterator<Item = &'a str>, grade: u32) {
        let start = self.plan.words.len();
        for stem in stems {
            let Some(position) = index::position(self.set, stem) else {
                self.plan.words.truncate(start);
                return;
            };
            self.plan.words.push(position);
        }
        self.plan.alternatives.push(Alternative {
            words: start..self.plan.words.len(),
            grade,
            cap: u16::MAX,
        });
    }

    fn push(&mut self, positions: &[u32], grade: u32) {
        self.push_capped(positions, grade, u16::MAX);
    }

    fn push_capped(&mut self, positions: &[u32], grade: u32, cap: u16) {
        let start = self.plan.words.len();
        self.plan.words.extend_from_slice(positions);
        self.plan.alternatives.push(Alternative {
            words: start..self.plan.words.len(),
            grade,
            cap,
        });
    }
}
