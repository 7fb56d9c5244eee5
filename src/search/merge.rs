//! The results of a one-term query, read in order straight from the index.
//!
//! A word's postings and a vocabulary phrase's hits are stored a second
//! time in the order they rank (see `index::Builder::build`), so the
//! results of a query of one term (a word and the words it begins, or a
//! vocabulary term) are a merge of a few ranked lists: a record's first
//! appearance is its best. Taking the first ten costs ten steps of the
//! merge, not a score for every match; only the count of the matches
//! reads every list once, a bit per record.

use super::index::{self, Marks, Tables};
use super::score::{Hit, Keys, Ranking};
use crate::model::record::{PhraseHit, Span, Word};
use crate::set::CodeSet;
use alloc::boxed::Box;
use alloc::vec::Vec;

/// The most lists a merge takes; a term with more alternatives is scored
/// the general way.
pub(super) const MAX_STREAMS: usize = 8;
/// The most records a merge can mark (a bit each, on the stack).
pub(super) const MAX_RECORDS: usize = 1024;
const SEEN_WORDS: usize = MAX_RECORDS / 64;
/// The most records matching several terms listed on the stack.
const LISTED_SEVERAL: usize = 64;

/// One ranked list of an alternative of the term.
#[derive(Debug, Clone, Copy)]
pub(super) enum Stream<'s> {
    /// A vocabulary phrase's hits (ascending by record, then in rank order,
    /// as a word's postings), and how many are records in force; none for
    /// no list (see [`Stream::EMPTY`]).
    Phrase {
        run: Option<&'s [PhraseHit]>,
        active: u16,
    },
    /// A word's postings (ascending by record, then in rank order: see
    /// `index::Tables::ranked`), with its points for each value of their
    /// fields, the word's marks when it is common, and how many of its
    /// records are in force.
    Word {
        run: &'s [u16],
        points: [u32; 4],
        marks: Option<Marks<'s>>,
        active: u16,
    },
}

impl<'s> Stream<'s> {
    /// The postings of `word`, each worth `points` by its fields.
    pub(super) fn word(tables: &Tables<'s>, word: &Word, points: [u32; 4]) -> Stream<'s> {
        Stream::Word {
            run: tables.run(word),
            points,
            marks: tables.marks(word),
            active: word.active,
        }
    }

    /// The hits of a vocabulary phrase, `active` of them in force.
    pub(super) fn phrase(tables: &Tables<'s>, span: Span, active: u16) -> Stream<'s> {
        Stream::Phrase {
            run: Some(tables.phrase_run(span)),
            active,
        }
    }

    /// No list. All its bytes are zero, so an array of lists is set
    /// without copying one.
    pub(super) const EMPTY: Stream<'static> = Stream::Phrase {
        run: None,
        active: 0,
    };

    /// How many entries are records in force: the first in rank order.
    pub(super) fn active(&self) -> u16 {
        match *self {
            Stream::Word { active, .. } | Stream::Phrase { active, .. } => active,
        }
    }

    pub(super) fn len(&self) -> usize {
        match self {
            Stream::Word { run, .. } => run.len() / 2,
            Stream::Phrase { run, .. } => run.map_or(0, |run| run.len() / 2),
        }
    }

    /// The entries ascending by record.
    pub(super) fn ascending(&self) -> Entries<'s> {
        match *self {
            Stream::Word { run, .. } => Entries::Postings(index::first_half(run)),
            Stream::Phrase { run, .. } => Entries::Hits(index::first_half(run.unwrap_or(&[]))),
        }
    }

    /// The entries in rank order.
    pub(super) fn ranked(&self) -> Entries<'s> {
        match *self {
            Stream::Word { run, .. } => Entries::Postings(index::second_half(run)),
            Stream::Phrase { run, .. } => Entries::Hits(index::second_half(run.unwrap_or(&[]))),
        }
    }

    /// The record and points of the entry at `at` in rank order.
    fn at(&self, at: usize) -> Option<(u16, u32)> {
        match (self.ranked(), self) {
            (Entries::Postings(ranked), Stream::Word { points, .. }) => {
                Some(index::scored(*ranked.get(at)?, points))
            }
            (Entries::Hits(ranked), _) => ranked.get(at).map(|hit| (hit.record, hit.points)),
            _ => None,
        }
    }

    /// The points of `record` in this list, if it holds it.
    pub(super) fn points_of(&self, record: u16) -> Option<u32> {
        match (self.ascending(), self) {
            (Entries::Postings(ascending), Stream::Word { points, .. }) => {
                let at = ascending
                    .binary_search_by_key(&record, |&posting| index::record_of(posting))
                    .ok()?;
                Some(index::scored(*ascending.get(at)?, points).1)
            }
            (Entries::Hits(ascending), _) => {
                let at = ascending
                    .binary_search_by_key(&record, |hit| hit.record)
                    .ok()?;
                ascending.get(at).map(|hit| hit.points)
            }
            _ => None,
        }
    }

    /// Offers each record of `wanted` (ascending, with its standing) the
    /// points of its entry in this list, if it has one: the list's entries
    /// ascending by record are read beside the records.
    fn join<'k>(&self, wanted: impl Iterator<Item = (u16, &'k mut u64)>, offer: fn(&mut u64, u32)) {
        match (self.ascending(), self) {
            (Entries::Postings(ascending), Stream::Word { points, .. }) => {
                join_sorted(
                    ascending,
                    wanted,
                    |&posting| index::scored(posting, points),
                    offer,
                );
            }
            (Entries::Hits(ascending), _) => {
                join_sorted(ascending, wanted, |hit| (hit.record, hit.points), offer);
            }
            (Entries::Postings(_), Stream::Phrase { .. }) => {}
        }
    }

    /// Marks in `bits` the records of the list up to `end` in rank order
    /// (its records in force): from the word's marks when it has them.
    fn mark_records(&self, end: usize, bits: &mut [u64; SEEN_WORDS]) {
        if let Stream::Word {
            marks: Some(marks), ..
        } = self
        {
            for (bits, word) in bits.iter_mut().zip(marks.records()) {
                *bits |= word;
            }
            return;
        }
        self.for_each_record(end, |record| mark(bits, record));
    }

    /// Offers each record of `wanted` (ascending, with its standing) the
    /// points of its entry in this list, if it has one, whichever way reads
    /// least: from the word's marks when it has them, else by looking each
    /// record up (a long list and few records), else by reading the list
    /// beside the records.
    fn offer_to(&self, records: &[u16], standings: &mut [u64], offer: fn(&mut u64, u32)) {
        let wanted = records.iter().copied().zip(standings.iter_mut());
        if let Stream::Word {
            points,
            marks: Some(marks),
            ..
        } = self
        {
            for (record, standing) in wanted {
                let fields = marks.fields(record);
                if fields != 0 {
                    offer(
                        standing,
                        points.get(usize::from(fields)).copied().unwrap_or(0),
                    );
                }
            }
        } else if looked_up_cheaper(records.len(), self.len()) {
            for (record, standing) in wanted {
                if let Some(points) = self.points_of(record) {
                    offer(standing, points);
                }
            }
        } else {
            self.join(wanted, offer);
        }
    }

    /// Calls `visit` with every record of the list up to `end` in rank
    /// order.
    fn for_each_record(&self, end: usize, mut visit: impl FnMut(u16)) {
        match self.ranked() {
            Entries::Postings(ranked) => {
                for &posting in ranked.get(..end).unwrap_or(&[]) {
                    visit(index::record_of(posting));
                }
            }
            Entries::Hits(ranked) => {
                for hit in ranked.get(..end).unwrap_or(&[]) {
                    visit(hit.record);
                }
            }
        }
    }
}

/// Half of a list's run: postings or phrase hits.
#[derive(Debug, Clone, Copy)]
pub(super) enum Entries<'s> {
    Postings(&'s [u16]),
    Hits(&'s [PhraseHit]),
}

/// The results of a query whose alternatives are all words and phrases.
///
/// Records that match two terms or more are few: they are found with a
/// bit per record per term, scored, and come first (put in order as they
/// are read). Every other record matches one term, and its points are its
/// best entry in that term's lists: those come next, merged from the
/// ranked lists as they are read.
#[derive(Debug, Clone)]
pub(super) struct Merge<'s> {
    set: &'s CodeSet,
    /// The keys of the records matching two terms or more.
    several: Ranking<Keys>,
    streams: [Stream<'s>; MAX_STREAMS],
    count: usize,
    /// Per list: the next entry from the front, and one past the next
    /// from the back.
    front: [u16; MAX_STREAMS],
    back: [u16; MAX_STREAMS],
    /// Per list: the key of the entry at its front, or [`DONE`].
    heads: [u64; MAX_STREAMS],
    /// The records read already, from either end.
    seen: [u64; SEEN_WORDS],
    /// How many records are left to read.
    left: usize,
}

impl<'s> Merge<'s> {
    /// The merge of `given` over `set` (at most [`MAX_RECORDS`] records,
    /// two lists or more; one is [`Listed`](super::listed::Listed)), each list an alternative of
    /// the term of the same place in `terms`: the records in force, which
    /// come first in each list.
    ///
    /// Made in its box: a merge moved after it is made would be copied
    /// whole (its lists and marks).
    pub(super) fn boxed(set: &'s CodeSet, given: &[Stream<'s>], terms: &[u32]) -> Box<Merge<'s>> {
        let mut merge = Box::new(Merge {
            set,
            several: Ranking::new(Keys::zeroed(0)),
            streams: [Stream::EMPTY; MAX_STREAMS],
            count: given.len().min(MAX_STREAMS),
            front: [0; MAX_STREAMS],
            back: [0; MAX_STREAMS],
            heads: [DONE; MAX_STREAMS],
            seen: [0; SEEN_WORDS],
            left: 0,
        });
        for ((slot, back), stream) in merge.streams.iter_mut().zip(&mut merge.back).zip(given) {
            *slot = *stream;
            *back = stream.active();
        }
        for stream in 0..merge.count {
            merge.update_head(stream);
        }
        let streams = merge.streams.get(..merge.count).unwrap_or(&[]);
        let count = |words: &[u64; SEEN_WORDS]| -> usize {
            words.iter().map(|word| word.count_ones() as usize).sum()
        };
        if terms.first() == terms.last() {
            // One term: the records in any of its lists.
            let mut one = [0u64; SEEN_WORDS];
            for (stream, &end) in streams.iter().zip(&merge.back) {
                stream.mark_records(usize::from(end), &mut one);
            }
            merge.left = count(&one);
            return merge;
        }
        // A bit per record of the current term (terms come in order),
        // folded into the records in one term or more, and in two or more.
        let (mut one, mut two, mut term) =
            ([0u64; SEEN_WORDS], [0u64; SEEN_WORDS], [0u64; SEEN_WORDS]);
        for (at, (stream, &end)) in streams.iter().zip(&merge.back).enumerate() {
            if at > 0 && terms.get(at) != terms.get(at - 1) {
                fold_term(&mut term, &mut one, &mut two);
            }
            stream.mark_records(usize::from(end), &mut term);
        }
        fold_term(&mut term, &mut one, &mut two);
        let several = count(&two);
        merge.left = count(&one) - several;
        if several > 0 {
            let mut keys = Keys::zeroed(several);
            merge.score(&two, terms, keys.as_mut());
            merge.several = Ranking::new(keys);
            // They are read from `several`: the merge skips them.
            merge.seen = two;
        }
        merge
    }

    /// Writes into `keys` (one for each record marked in `two`) the keys
    /// of those records, which match several terms: per term its best
    /// entry in the term's lists, summed, the records' standings listed in
    /// record order. A common
    /// word's list is read from its marks; any other list's entries
    /// ascending by record are read beside the marked records, or each
    /// marked record is looked up in the list, whichever reads less (a long
    /// list and few records: looked up). A term of one list adds its points
    /// to the totals straight; a term of several keeps its best per record
    /// and folds it in after its last list.
    fn score(&self, two: &[u64; SEEN_WORDS], terms: &[u32], keys: &mut [u64]) {
        // Per record, packed in what becomes its key: how many terms it
        // matched, its total before the current term, its best in it.
        let several = keys.len();
        // The records, listed once: a list of them is read faster than
        // the bits, once per list.
        let mut stack = [0u16; LISTED_SEVERAL];
        let heap: Vec<u16>;
        let records = if several <= LISTED_SEVERAL {
            for (slot, record) in stack.iter_mut().zip(marked(two)) {
                *slot = record;
            }
            stack.get(..several).unwrap_or(&[])
        } else {
            heap = marked(two).collect();
            &heap[..]
        };
        let fold = |keys: &mut [u64]| {
            for standing in keys.iter_mut() {
                let best = *standing & BEST;
                if best > 0 {
                    let total = ((*standing >> 32) & TOTAL).saturating_add(best).min(TOTAL);
                    let matched = (*standing >> 59) + 1;
                    *standing = (matched << 59) | (total << 32);
                }
            }
        };
        let streams = self.streams.get(..self.count).unwrap_or(&[]);
        let mut at = 0;
        while let Some(stream) = streams.get(at) {
            // The term's lists: one is added straight to the totals.
            let term = terms.get(at);
            let lists = terms.get(at..).map_or(1, |rest| {
                rest.iter().take_while(|&t| Some(t) == term).count()
            });
            if lists == 1 {
                stream.offer_to(records, keys, add);
            } else {
                for stream in streams.iter().skip(at).take(lists) {
                    stream.offer_to(records, keys, offer);
                }
                fold(keys);
            }
            at += lists.max(1);
        }
        for (&record, standing) in records.iter().zip(keys.iter_mut()) {
            // The fields were packed in their own bits.
            #[allow(clippy::cast_possible_truncation)]
            let (matched, total) = ((*standing >> 59) as u16, ((*standing >> 32) & TOTAL) as u32);
            *standing = hit_key(self.set, record, matched, total);
        }
    }

    /// How many records are left to read.
    pub(super) fn len(&self) -> usize {
        self.several.len() + self.left
    }

    /// The ranking key (see [`Hit::key`]) of `record` with `points`.
    fn key(&self, record: u16, points: u32) -> u64 {
        one_term_key(self.set, record, points)
    }

    /// The key of the entry at `at` of list `stream`.
    fn key_at(&self, stream: usize, at: usize) -> Option<u64> {
        let (record, points) = self.streams.get(stream)?.at(at)?;
        Some(self.key(record, points))
    }

    /// Sets the key of the entry at the front of list `stream`.
    fn update_head(&mut self, stream: usize) {
        let (Some(&front), Some(&back)) = (self.front.get(stream), self.back.get(stream)) else {
            return;
        };
        let key = if front < back {
            self.key_at(stream, usize::from(front)).unwrap_or(DONE)
        } else {
            DONE
        };
        if let Some(head) = self.heads.get_mut(stream) {
            *head = key;
        }
    }

    /// Marks `record` read; whether it was read before.
    fn was_seen(&mut self, record: u16) -> bool {
        let Some(word) = self.seen.get_mut(usize::from(record) / 64) else {
            return true;
        };
        let bit = 1 << (record % 64);
        let seen = *word & bit != 0;
        *word |= bit;
        seen
    }

    /// The best key left. Never inlined: its saved registers would cost
    /// every step of the other kinds of results (see `Order::next`).
    #[inline(never)]
    pub(super) fn next(&mut self) -> Option<u64> {
        if let Some(key) = self.several.next() {
            return Some(key);
        }
        while self.left > 0 {
            // The best head; among equal keys the first list.
            let (mut key, mut stream) = (DONE, 0);
            for (at, &head) in self
                .heads
                .get(..self.count)
                .unwrap_or(&[])
                .iter()
                .enumerate()
            {
                if head < key {
                    (key, stream) = (head, at);
                }
            }
            if key == DONE {
                return None;
            }
            *self.front.get_mut(stream)? += 1;
            self.update_head(stream);
            // A record's first appearance from the front is its best.
            if !self.was_seen(Hit::from_key(key).index) {
                self.left -= 1;
                return Some(key);
            }
        }
        None
    }

    /// The worst key left.
    pub(super) fn next_back(&mut self) -> Option<u64> {
        while self.left > 0 {
            // The worst tail; among equal keys the last list.
            let mut worst: Option<(u64, usize)> = None;
            for stream in 0..self.count {
                let (Some(&front), Some(&back)) = (self.front.get(stream), self.back.get(stream))
                else {
                    break;
                };
                if front < back {
                    let key = self.key_at(stream, usize::from(back) - 1)?;
                    if worst.is_none_or(|(worst, _)| key >= worst) {
                        worst = Some((key, stream));
                    }
                }
            }
            let (key, stream) = worst?;
            *self.back.get_mut(stream)? -= 1;
            self.update_head(stream);
            let record = Hit::from_key(key).index;
            // Read a record where it ranks best: skip this entry when
            // another list holds the record with a better key (lists of
            // other terms do not hold it: it matches one term).
            let better = (0..self.count)
                .filter(|&other| other != stream)
                .any(|other| {
                    self.streams
                        .get(other)
                        .and_then(|list| list.points_of(record))
                        .is_some_and(|points| {
                            let theirs = self.key(record, points);
                            theirs < key || (theirs == key && other < stream)
                        })
                });
            if !better && !self.was_seen(record) {
                self.left -= 1;
                return Some(key);
            }
        }
        self.several.next_back()
    }
}

/// The ranking key (see [`Hit::key`]) of `record` of `set` matching
/// `matched` terms for `total` points, with its commonness tier.
#[inline]
fn hit_key(set: &CodeSet, record: u16, matched: u16, total: u32) -> u64 {
    let tier = set
        .ranks
        .get(usize::from(record))
        .map_or(0, |&rank| index::tier_of(rank));
    Hit::ranked_key(record, matched, total, tier)
}

/// The key of `record` of `set` matching one term with an entry of
/// `points` (at least one counts).
#[inline]
pub(super) fn one_term_key(set: &CodeSet, record: u16, points: u32) -> u64 {
    hit_key(set, record, 1, points.max(1))
}

/// Whether looking `several` records up in a list of `entries` (a binary
/// search each) reads less than reading the list beside them: about
/// 24 + 7 per halving a record (fitted with callgrind on the benches' mix
/// in the third pass) against about 5 an entry and a record for the read
/// beside them (estimated from callgrind's count of that loop, not
/// fitted; the longest lists, those of common words, are read from their
/// marks and never come here).
fn looked_up_cheaper(several: usize, entries: usize) -> bool {
    let halvings = (usize::BITS - entries.leading_zeros()) as usize;
    several * (24 + 7 * halvings) < 5 * (entries + several)
}

/// A list's entry for a record (its points, at least one): its term's
/// best so far in the record's standing (see [`Merge::score`]).
fn offer(standing: &mut u64, points: u32) {
    let best = (*standing & BEST).max(u64::from(points.max(1)));
    *standing = (*standing & !BEST) | best;
}

/// A term's only list's entry for a record (its points, at least one):
/// added to the record's total in its standing (see [`Merge::score`]),
/// which matched one more term.
fn add(standing: &mut u64, points: u32) {
    let total = ((*standing >> 32) & TOTAL)
        .saturating_add(u64::from(points.max(1)))
        .min(TOTAL);
    let matched = (*standing >> 59) + 1;
    *standing = (matched << 59) | (total << 32);
}

/// Folds the records marked in `term` into those of one term or more
/// (`one`) and of two or more (`two`), and clears `term`.
fn fold_term(
    term: &mut [u64; SEEN_WORDS],
    one: &mut [u64; SEEN_WORDS],
    two: &mut [u64; SEEN_WORDS],
) {
    for ((one, two), word) in one.iter_mut().zip(two.iter_mut()).zip(term.iter_mut()) {
        *two |= *one & *word;
        *one |= *word;
        *word = 0;
    }
}

/// The bits of a standing (see [`Merge::score`]) holding the best points
/// of the current term.
const BEST: u64 = 0xFFFF_FFFF;
/// The most a standing's total can hold (27 bits; points saturate there,
/// far above any sum of word points).
const TOTAL: u64 = (1 << 27) - 1;

/// The head of a list read to its end (no key is this large: a key's
/// first bits count the terms a record did not match).
pub(super) const DONE: u64 = u64::MAX;

/// Offers each record of `wanted` the points of its entry in `entries`
/// (both ascending by record; `scored` reads an entry's record and
/// points), reading both once.
fn join_sorted<'k, T>(
    entries: &[T],
    wanted: impl Iterator<Item = (u16, &'k mut u64)>,
    scored: impl Fn(&T) -> (u16, u32),
    offer: fn(&mut u64, u32),
) {
    let mut rest = entries.iter().map(scored);
    let Some(mut entry) = rest.next() else {
        return;
    };
    for (record, standing) in wanted {
        while entry.0 < record {
            let Some(next) = rest.next() else {
                return;
            };
            entry = next;
        }
        if entry.0 == record {
            offer(standing, entry.1);
        }
    }
}

/// Marks `record` in a bit set: bit `r % 64` of word `r / 64` for record
/// `r` (below [`MAX_RECORDS`]; others are left out).
fn mark(bits: &mut [u64; SEEN_WORDS], record: u16) {
    if let Some(word) = bits.get_mut(usize::from(record) / 64) {
        *word |= 1 << (record % 64);
    }
}

/// The records marked in a bit set (see [`mark`]), in ascending order.
fn marked(bits: &[u64; SEEN_WORDS]) -> impl Iterator<Item = u16> + '_ {
    bits.iter().enumerate().flat_map(|(word_at, &word)| {
        let base = u16::try_from(word_at * 64).unwrap_or(0);
        let mut rest = word;
        core::iter::from_fn(move || {
            if rest == 0 {
                return None;
            }
            let bit = u16::try_from(rest.trailing_zeros()).unwrap_or(0);
            rest &= rest - 1;
            Some(base + bit)
        })
    })
}

#[cfg(test)]
mod tests {
    /// The largest request glibc's malloc serves from its per-thread
    /// cache (64-bit): a merge's box larger than this costs every merged
    /// query malloc's and free's general paths.
    const MALLOC_CACHED: usize = 1032;

    #[test]
    fn a_merge_box_is_served_from_mallocs_per_thread_cache() {
        let size = core::mem::size_of::<super::Merge<'static>>();
        assert!(size <= MALLOC_CACHED, "a merge is {size} bytes");
    }
}
