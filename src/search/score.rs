//! Scoring a query as it is planned: every record that matches a term
//! gets the points of the term's best alternative, weighted by the rarity
//! of the words and the field they were found in; records are ranked by
//! how many terms they match, then by points, then in code order.
//!
//! Only the records some term matches are touched: a tally keeps one
//! entry per such record, found through a slot per record of the set, so
//! a query costs in proportion to the postings it reads. While every
//! alternative is a word or a vocabulary phrase, the tally only keeps
//! their ranked lists, and the results are read from them (see
//! `merge`); anything else offers the lists kept so far and goes on the
//! general way.

use alloc::vec::Vec;

use arrayvec::ArrayVec;

use super::index::{self, Tables};
use super::listed::{Few, Listed, ListedPlus};
use super::merge::{Entries, Merge, Stream, MAX_RECORDS, MAX_STREAMS};
use crate::model::record::{PhraseHit, Span, Word};
use crate::set::CodeSet;

/// The most words of an alternative walked with their lists on the stack
/// (a vocabulary phrase has at most six).
const MAX_WORDS: usize = 8;
/// The most keys sorted by insertion.
const SMALL: usize = 32;
/// The records a tally starts with room for: 51 entries of 20 bytes fit
/// the 1,032 bytes glibc's malloc serves from its per-thread cache (most
/// queries scored the general way match fewer; 256, the old figure, took
/// malloc's and free's general paths every time, about 150 instructions
/// more a query on the benches' mix).
const LISTED: usize = 51;
/// Below how many entries of its lists a query of several terms is scored
/// the general way rather than merged.
const SCORED_BELOW: usize = 128;
/// The most records whose slots fit on the stack.
const STACK_RECORDS: usize = 1024;

/// One record a query matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Hit {
    pub(super) index: u16,
    pub(super) matched: u16,
    pub(super) points: u32,
}

impl Hit {
    /// Orders hits best first: more terms, then more points, then code
    /// order.
    pub(super) fn key(self) -> u64 {
        (u64::from(u16::MAX - self.matched) << 48)
            | (u64::from(u32::MAX - self.points) << 16)
            | u64::from(self.index)
    }

    /// The [`key`](Hit::key) of `record` matching `matched` terms for
    /// `points`, ranked with the commonness `tier` (see
    /// `index::ranked_points`).
    pub(super) fn ranked_key(record: u16, matched: u16, points: u32, tier: u8) -> u64 {
        Hit {
            index: record,
            matched,
            points: index::ranked_points(points, tier),
        }
        .key()
    }

    /// The hit whose [`key`](Hit::key) is `key`.
    pub(super) fn from_key(key: u64) -> Hit {
        // Each field was stored in its own bits: the casts keep exactly them.
        #[allow(clippy::cast_possible_truncation)]
        Hit {
            index: key as u16,
            matched: u16::MAX - (key >> 48) as u16,
            points: u32::MAX - (key >> 16) as u32,
        }
    }
}

/// A record's standing so far.
#[derive(Debug, Clone, Copy)]
struct Entry {
    index: u16,
    /// How many terms it matched.
    matched: u16,
    /// The last term that matched it.
    term: u32,
    /// Its points from the terms before that one.
    before: u32,
    /// The best points of that term's alternatives.
    best: u32,
    /// Whether the query names its code in full.
    named: bool,
}

/// The standing of every record matched so far.
pub(super) struct Tally<'t, 's> {
    /// Per record of the set: 1 + its entry's index, or 0. Empty until the
    /// query is scored the general way (see [`with_tally`]).
    slots: &'t mut [u16],
    /// The stack's room for the slots, until they are made.
    room: Option<&'t mut Option<[u16; STACK_RECORDS]>>,
    /// How many records the set has.
    count: usize,
    entries: Vec<Entry>,
    /// The current term, counting from 1.
    term: u32,
    /// Whether the query names a code or code prefix (then results keep
    /// code order among equals: no commonness bonus).
    coded: bool,
    /// While every alternative of the query's terms is one word or a
    /// vocabulary phrase: their ranked lists and the term of each, not
    /// offered yet (see [`Merge`]). Closed once anything else comes.
    deferred: Deferred<'s>,
}

/// Ranked lists kept for a merge, each with its term (kept in the tally,
/// not moved: a move copies every list).
struct Deferred<'s> {
    /// Whether lists are still kept.
    open: bool,
    /// The lists and, at the same places, their terms (vectors on the
    /// stack: an array of lists was zeroed for every query, and most keep
    /// one or two).
    streams: ArrayVec<Stream<'s>, MAX_STREAMS>,
    terms: ArrayVec<u32, MAX_STREAMS>,
}

/// The results of a query, to be put in order as they are read.
pub(super) enum Results<'s> {
    /// The keys of the hits (see [`Tally::ranked`]).
    Keys(Vec<u64>),
    /// A query of one word or phrase, read from its one ranked list.
    Listed(Listed<'s>),
    /// A query of one term whose lists hold few records, every key made.
    Few(Few),
    /// A query of one term: a ranked list and one record more.
    Plus(ListedPlus<'s>),
    /// A query of words and phrases read from its ranked lists (boxed:
    /// moving the results would copy its lists and marks each time).
    Merged(alloc::boxed::Box<Merge<'s>>),
}

/// Runs `score` with an empty tally for `set`. The tally's slots live on
/// the stack for a set of up to [`STACK_RECORDS`] records, and are made
/// (zeroed) only when the query is scored the general way: a query read
/// from its ranked lists never needs them.
pub(super) fn with_tally<'s, T>(
    set: &'s CodeSet,
    score: impl FnOnce(&mut Tally<'_, 's>) -> T,
) -> T {
    let count = set.records.len();
    let mut stack = None;
    let mut heap = Vec::new();
    let (slots, room): (&mut [u16], _) = if count <= STACK_RECORDS {
        (&mut [], Some(&mut stack))
    } else {
        heap.resize(count, 0);
        (&mut heap[..], None)
    };
    let mut tally = Tally {
        slots,
        room,
        count,
        entries: Vec::new(),
        term: 0,
        coded: false,
        deferred: Deferred {
            open: count <= MAX_RECORDS,
            streams: ArrayVec::new(),
            terms: ArrayVec::new(),
        },
    };
    if !tally.deferred.open {
        tally.make_slots();
    }
    score(&mut tally)
}

impl<'s> Tally<'_, 's> {
    /// Makes the slots in the stack's room, zeroed (once: the general way
    /// starts here, and is never left).
    fn make_slots(&mut self) {
        if let Some(room) = self.room.take() {
            let made = room.get_or_insert([0; STACK_RECORDS]);
            self.slots = made.get_mut(..self.count).unwrap_or(&mut []);
        }
        // The entries' first block, once, before any is offered (not a
        // check in every offer).
        if self.entries.capacity() == 0 {
            self.entries.reserve(LISTED);
        }
    }

    /// Starts the next term of the query.
    pub(super) fn next_term(&mut self) {
        self.term = self.term.saturating_add(1);
    }

    /// Keeps `stream` for a merge while the query may still be read that
    /// way; whether it was kept.
    fn defer(&mut self, stream: Stream<'s>) -> bool {
        let deferred = &mut self.deferred;
        if !deferred.open {
            return false;
        }
        if stream.len() == 0 {
            return true;
        }
        // Both vectors are as long, so both have room or neither.
        if deferred.streams.try_push(stream).is_ok() && deferred.terms.try_push(self.term).is_ok() {
            return true;
        }
        self.flush();
        false
    }

    /// Offers the lists kept for a merge the general way, and keeps no
    /// more.
    fn flush(&mut self) {
        if !self.deferred.open {
            return;
        }
        self.deferred.open = false;
        // Room for every entry of the lists at once (their records, at
        // most): growing the entries costs more than a larger first block.
        let listed = self.deferred.streams.iter();
        self.entries.reserve(listed.map(Stream::len).sum());
        self.make_slots();
        let current = self.term;
        for at in 0..self.deferred.streams.len() {
            let (Some(&stream), Some(&term)) =
                (self.deferred.streams.get(at), self.deferred.terms.get(at))
            else {
                break;
            };
            // Offered as under its own term (the lists are in term order).
            self.term = term;
            match (stream.ascending(), stream) {
                (Entries::Postings(ascending), Stream::Word { points, .. }) => {
                    self.offer_postings(ascending, &points);
                }
                (Entries::Hits(ascending), _) => self.offer_phrase_hits(ascending),
                (Entries::Postings(_), Stream::Phrase { .. }) => {}
            }
        }
        self.term = current;
    }

    /// The results: merged from the ranked lists when every alternative
    /// was a word or a phrase and every match in force is read, else the
    /// [`ranked`](Tally::ranked) keys.
    pub(super) fn results(
        &mut self,
        set: &'s CodeSet,
        include_deleted: bool,
        limit: usize,
    ) -> Results<'s> {
        // A ranked list holds the records in force first, so only they
        // are read in order from it.
        let deferred = &self.deferred;
        if let (true, usize::MAX, false) = (deferred.open, limit, include_deleted) {
            let (streams, terms) = (&deferred.streams[..], &deferred.terms[..]);
            match streams {
                // Nothing matched: no merge to make.
                [] => return Results::Keys(Vec::new()),
                [stream] => return Results::Listed(Listed::new(*stream)),
                _ => {}
            }
            // One term: a handful of records ranked at once, one list and
            // one record more, or else the merge of its lists.
            if terms.first() == terms.last() {
                if let Some(few) = Few::of(set, streams) {
                    return Results::Few(few);
                }
                if let Some(results) = ListedPlus::of(set, streams) {
                    return results;
                }
                return Results::Merged(Merge::boxed(set, streams, terms));
            }
            // Several terms with few entries cost less scored the general
            // way (counted with callgrind on the benches' mix).
            if streams.iter().map(Stream::len).sum::<usize>() >= SCORED_BELOW {
                return Results::Merged(Merge::boxed(set, streams, terms));
            }
        }
        self.flush();
        Results::Keys(self.ranked(set, include_deleted, limit))
    }

    /// How many terms the query had.
    pub(super) fn terms(&self) -> u32 {
        self.term
    }

    /// `record` matches the current term with `points` (at least one
    /// counts): the term counts for it with its best alternative.
    #[inline]
    pub(super) fn offer(&mut self, record: u16, points: u32) {
        let points = points.max(1);
        let Some(slot) = self.slots.get_mut(usize::from(record)) else {
            return;
        };
        let found = usize::from(*slot)
            .checked_sub(1)
            .and_then(|at| self.entries.get_mut(at));
        match found {
            Some(entry) if entry.term == self.term => entry.best = entry.best.max(points),
            Some(entry) => {
                entry.before = entry.before.saturating_add(entry.best);
                entry.best = points;
                entry.term = self.term;
                entry.matched = entry.matched.saturating_add(1);
            }
            None => {
                let Ok(number) = u16::try_from(self.entries.len() + 1) else {
                    return;
                };
                *slot = number;
                self.entries.push(Entry {
                    index: record,
                    matched: 1,
                    term: self.term,
                    before: 0,
                    best: points,
                    named: false,
                });
            }
        }
    }

    /// `record`'s code is named by the query (`D0360`) or lies under a
    /// code prefix it names (`D03`, when not `full`): it is offered with
    /// `points`, and when named in full it is kept even if deleted.
    pub(super) fn offer_code(&mut self, record: u16, points: u32, full: bool) {
        self.coded = true;
        self.flush();
        self.offer(record, points);
        if !full {
            return;
        }
        let at = self
            .slots
            .get(usize::from(record))
            .and_then(|slot| usize::from(*slot).checked_sub(1));
        if let Some(entry) = at.and_then(|at| self.entries.get_mut(at)) {
            entry.named = true;
        }
    }

    /// Offers the records of a vocabulary phrase (`active` of them in
    /// force).
    pub(super) fn offer_phrase(&mut self, tables: &Tables<'s>, span: Span, active: u16) {
        if !self.defer(Stream::phrase(tables, span, active)) {
            self.offer_phrase_hits(tables.phrase(span));
        }
    }

    /// Offers the records of a word's postings, with the word's points
    /// for each value of their fields.
    fn offer_postings(&mut self, postings: &[u16], points: &[u32; 4]) {
        for &posting in postings {
            let (record, points) = index::scored(posting, points);
            self.offer(record, points);
        }
    }

    fn offer_phrase_hits(&mut self, hits: &[PhraseHit]) {
        for hit in hits {
            self.offer(hit.record, hit.points);
        }
    }

    /// Offers the records that hold every word at `positions`, each with
    /// the sum over the words of `weight × grade × field / 10` (the
    /// weight at most `cap`).
    pub(super) fn offer_all(
        &mut self,
        tables: &Tables<'s>,
        positions: &[u16],
        grade: u32,
        cap: u16,
    ) {
        let points = |word: &Word| index::field_points(word.weight, cap, grade);
        if let [position] = positions {
            // One word, the common case: its postings are the records.
            let Some(word) = tables.word(*position) else {
                return;
            };
            let points = points(word);
            if self.defer(Stream::word(tables, word, points)) {
                return;
            }
            self.offer_postings(tables.postings(word), &points);
            return;
        }
        // Several words (at most a vocabulary phrase's, so on the stack).
        self.flush();
        let mut stack = [(&[][..], [0u32; 4]); MAX_WORDS];
        let mut heap = Vec::new();
        let lists = if positions.len() <= MAX_WORDS {
            stack.get_mut(..positions.len()).unwrap_or(&mut [])
        } else {
            heap.resize(positions.len(), (&[][..], [0u32; 4]));
            &mut heap[..]
        };
        for (slot, &position) in lists.iter_mut().zip(positions) {
            let Some(word) = tables.word(position) else {
                return;
            };
            *slot = (tables.postings(word), points(word));
        }
        index::for_each_common(lists, |record, total| self.offer(record, total));
    }

    /// The [`keys`](Hit::key) of the best `limit` records, in no order
    /// (see [`Ranking`]): deleted records only when `include_deleted` or
    /// when the query names their code. Each record's points become its
    /// ranked points here (see `index::ranked_points`), with its code's
    /// commonness bonus unless the query names codes.
    pub(super) fn ranked(&self, set: &CodeSet, include_deleted: bool, limit: usize) -> Vec<u64> {
        // Ranked on packed keys: plain integers sort several times faster
        // than hits compared through a key function, and the keys (unique,
        // as records are) give the same order.
        let mut keys = Vec::with_capacity(self.entries.len());
        for entry in &self.entries {
            let Some(&rank) = set.ranks.get(usize::from(entry.index)) else {
                continue;
            };
            if include_deleted || entry.named || index::in_force(rank) {
                let points = entry.before.saturating_add(entry.best);
                let tier = if self.coded { 0 } else { index::tier_of(rank) };
                keys.push(Hit::ranked_key(entry.index, entry.matched, points, tier));
            }
        }
        if limit < keys.len() {
            if let Some(last) = limit.checked_sub(1) {
                keys.select_nth_unstable(last);
            }
            keys.truncate(limit);
        }
        keys
    }
}

/// Keys put in order as they are asked for: the first few are selected
/// from the rest and sorted, then the next twice as many, so taking the
/// first ten of a thousand matches costs one selection and a small sort.
#[derive(Debug, Clone)]
pub(super) struct Ranking<K = Vec<u64>> {
    keys: K,
    /// The next key from the front.
    front: usize,
    /// One past the next key from the back.
    back: usize,
    /// `keys[..sorted]` are the best `sorted`, in order.
    sorted: usize,
}

/// The most keys held in place by [`Keys`] (more are on the heap). With
/// 32 the boxed merge is 984 bytes, under the 1,032 that glibc's malloc
/// serves from its per-thread cache; with 64 it was 1,240 and every merged
/// query took malloc's and free's general paths (about 300 instructions
/// more a query, counted with callgrind on the benches' mix).
const INLINE_KEYS: usize = 32;

/// Keys held in place when they are few (the records matching several
/// terms of a merged query: a few dozen, mostly), else on the heap: no
/// allocation for the common case.
///
/// The inline keys are large on purpose: they live in the boxed merge,
/// which is never moved.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub(super) enum Keys {
    Inline([u64; INLINE_KEYS], u8),
    Heap(Vec<u64>),
}

impl Keys {
    /// `count` keys, all zero.
    pub(super) fn zeroed(count: usize) -> Keys {
        match u8::try_from(count) {
            Ok(length) if count <= INLINE_KEYS => Keys::Inline([0; INLINE_KEYS], length),
            _ => Keys::Heap(alloc::vec![0; count]),
        }
    }
}

impl AsRef<[u64]> for Keys {
    fn as_ref(&self) -> &[u64] {
        match self {
            Keys::Inline(keys, length) => keys.get(..usize::from(*length)).unwrap_or(&[]),
            Keys::Heap(keys) => keys,
        }
    }
}

impl AsMut<[u64]> for Keys {
    fn as_mut(&mut self) -> &mut [u64] {
        match self {
            Keys::Inline(keys, length) => keys.get_mut(..usize::from(*length)).unwrap_or(&mut []),
            Keys::Heap(keys) => keys,
        }
    }
}

/// How many keys are put in order first: a page of ten, what a search
/// box shows (16 cost about 1 % more a query of the benches' mix, which
/// reads ten; an eleventh result orders the next ten).
const FIRST: usize = 10;

impl<K: AsRef<[u64]> + AsMut<[u64]>> Ranking<K> {
    pub(super) fn new(keys: K) -> Ranking<K> {
        let back = keys.as_ref().len();
        Ranking {
            keys,
            front: 0,
            back,
            sorted: 0,
        }
    }

    /// How many keys are left.
    pub(super) fn len(&self) -> usize {
        self.back - self.front
    }

    /// Puts the next `count` best keys in order (all that are left when
    /// fewer).
    fn order(&mut self, count: usize) {
        let Some(rest) = self.keys.as_mut().get_mut(self.sorted..self.back) else {
            return;
        };
        if count <= SMALL && count < rest.len() {
            keep_best(rest, count);
            self.sorted += count;
        } else if count < rest.len() {
            rest.select_nth_unstable(count - 1);
            sort(rest.get_mut(..count).unwrap_or(&mut []));
            self.sorted += count;
        } else {
            sort(rest);
            self.sorted = self.back;
        }
    }

    /// The best key left.
    pub(super) fn next(&mut self) -> Option<u64> {
        if self.front >= self.back {
            return None;
        }
        if self.front >= self.sorted {
            self.order(self.sorted.max(FIRST));
        }
        let key = self.keys.as_ref().get(self.front).copied();
        self.front += 1;
        key
    }

    /// The worst key left.
    pub(super) fn next_back(&mut self) -> Option<u64> {
        if self.front >= self.back {
            return None;
        }
        if self.sorted < self.back {
            self.order(self.back);
        }
        self.back -= 1;
        self.keys.as_ref().get(self.back).copied()
    }
}

/// Puts the best `count` of `keys` (at least one, fewer than all) at the
/// front in order, the rest behind in any order: the front is sorted by
/// insertion, and each later key better than the front's last takes its
/// place and is moved down to where it belongs. For the first few of a
/// few hundred keys this reads each key once and moves few (several times
/// fewer instructions than selecting and sorting, counted with callgrind).
fn keep_best(keys: &mut [u64], count: usize) {
    let (front, rest) = keys.split_at_mut(count.min(keys.len()));
    sort(front);
    let Some(last) = count.checked_sub(1) else {
        return;
    };
    for key in rest {
        let Some(worst) = front.get_mut(last) else {
            return;
        };
        if *key >= *worst {
            continue;
        }
        core::mem::swap(key, worst);
        settle_last(front);
    }
}

/// Sorts keys: by insertion when there are a few (several times faster
/// here than the general sort, which a radix sort did not beat for a few
/// hundred keys either).
fn sort(keys: &mut [u64]) {
    if keys.len() > SMALL {
        keys.sort_unstable();
        return;
    }
    for end in 2..=keys.len() {
        if let Some(head) = keys.get_mut(..end) {
            settle_last(head);
        }
    }
}

/// Moves the last key of `keys` down to its place, the keys before it being
/// in order (one step of an insertion sort).
fn settle_last(keys: &mut [u64]) {
    let Some((&key, _)) = keys.split_last() else {
        return;
    };
    let mut to = keys.len() - 1;
    while let Some(&before) = to.checked_sub(1).and_then(|left| keys.get(left)) {
        if before <= key {
            break;
        }
        if let Some(slot) = keys.get_mut(to) {
            *slot = before;
        }
        to -= 1;
    }
    if let Some(slot) = keys.get_mut(to) {
        *slot = key;
    }
}

#[cfg(test)]
mod tests {
    use super::{keep_best, Ranking};
    use alloc::vec::Vec;

    /// Keys from a small linear congruential generator, some repeated.
    fn keys(seed: u64, count: usize) -> Vec<u64> {
        let mut state = seed;
        (0..count)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                (state >> 40) % 500
            })
            .collect()
    }

    #[test]
    fn keep_best_puts_the_smallest_keys_first_in_order() {
        for seed in 0..200 {
            for (count, len) in [(1, 2), (5, 6), (16, 29), (16, 58), (32, 300), (3, 1000)] {
                let mut kept = keys(seed, len);
                let mut sorted = kept.clone();
                sorted.sort_unstable();
                keep_best(&mut kept, count);
                assert_eq!(
                    kept[..count],
                    sorted[..count],
                    "seed {seed}, {count} of {len}"
                );
                let mut rest = kept[count..].to_vec();
                rest.sort_unstable();
                assert_eq!(rest, sorted[count..], "seed {seed}: the rest kept whole");
            }
        }
    }

    #[test]
    fn a_ranking_reads_every_key_in_order_from_either_end() {
        for seed in 0..50 {
            for len in [0, 1, 15, 16, 17, 40, 300] {
                let given = keys(seed, len);
                let mut sorted = given.clone();
                sorted.sort_unstable();
                let mut forward = Ranking::new(given.clone());
                let read: Vec<u64> = core::iter::from_fn(|| forward.next()).collect();
                assert_eq!(read, sorted);
                // Ten from the front, then the rest from the back.
                let mut both = Ranking::new(given);
                let front: Vec<u64> = (0..10).filter_map(|_| both.next()).collect();
                let mut back: Vec<u64> = core::iter::from_fn(|| both.next_back()).collect();
                back.reverse();
                assert_eq!([front, back].concat(), sorted);
            }
        }
    }
}
