//! The search index in one place: its format, its weights, the builder
//! that lays it out and the reader that searches it.
//!
//! `build.rs` includes this file by path (as `crate::search::index`), so
//! the compiled tables and a set loaded at run time are built by the same
//! code, and the generated statics are this format written out.
//!
//! - **Format.** Words (stems) sorted by text, each with a run of
//!   postings, `record << 2 | fields`, ascending by record, and the words
//!   held by many records in force with their [`Marks`] (bit sets of those
//!   records); the vocabulary sorted by term, with the records each term
//!   and expansion matches and their points; a slip index for typing
//!   slips. Words and terms are found
//!   through open-addressing hash tables of `u16` slots, each the position
//!   of an entry or [`EMPTY`]: the slot to start at is the key's [`hash`],
//!   later slots are tried in turn until the key or an empty slot is met. A
//!   table is at least twice the size of what it holds, so a miss ends
//!   fast. The hash reads a word eight bytes at a time; it needs to spread
//!   words, not resist an attacker, since the tables hold only the data's
//!   own words.
//! - **Weights.** Every number that decides a score: a word's rarity, the
//!   field it was found in, the kind of match, a named code, the
//!   commonness bonus.
//! - **Builder** ([`Builder`]): from the records' texts and the vocabulary
//!   to the tables ([`Built`]).
//! - **Reader** ([`Tables`]): exact words, prefixes, vocabulary terms and
//!   near misses over borrowed tables; no lookup allocates.

// Record, word and pool indices fit the u16/u32 the tables use: a data set
// has at most 10,000 records and its texts are far below 4 GiB.
#![allow(clippy::cast_possible_truncation)]
// The builder runs in `build.rs` and in the runtime loader (`std`); a
// library built without `std` only reads.
#![cfg_attr(not(feature = "std"), allow(dead_code))]

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;
use core::ops::Range;

use crate::model::record::{PhraseHit, Span, Synonym, Word};
use crate::model::words;

// ---------------------------------------------------------------- format

/// A slot that holds nothing.
pub(crate) const EMPTY: u16 = u16::MAX;

/// The hash of a word or term's bytes.
pub(crate) fn hash(bytes: &[u8]) -> u64 {
    const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut state = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        state = (state ^ u64::from_le_bytes(word))
            .wrapping_mul(MULTIPLIER)
            .rotate_left(31);
    }
    // The last bytes a byte at a time: a copy of a length only known at
    // run time would be a call to `memcpy`.
    let tail = chunks
        .remainder()
        .iter()
        .rev()
        .fold(0u64, |tail, &byte| (tail << 8) | u64::from(byte));
    state = (state ^ tail).wrapping_mul(MULTIPLIER);
    state ^ (state >> 29)
}

/// The first slot to try for a hash in a table of `slots` slots (a power
/// of two).
fn start(hash: u64, slots: usize) -> usize {
    (hash as usize) & slots.wrapping_sub(1)
}

/// The entry of `table` whose key is `key`, where `key_of` gives the key of
/// an entry; every slot is looked at most once.
fn find<'t>(table: &[u16], key: &[u8], key_of: impl Fn(u16) -> &'t [u8]) -> Option<u16> {
    let count = table.len();
    let mut at = start(hash(key), count);
    for _ in 0..count {
        let entry = *table.get(at)?;
        if entry == EMPTY {
            return None;
        }
        if key_of(entry) == key {
            return Some(entry);
        }
        at = (at + 1) & (count - 1);
    }
    None
}

/// The shortest word the slip index holds: a query word is checked for
/// slips from four bytes on, and a slip changes the length by at most one.
const MIN_SLIP_WORD: usize = 3;

/// Calls `visit` with the hash of `word` and of each form of it with one
/// byte left out: two words one typing slip apart (an insertion, deletion,
/// substitution or swap of neighbours) always share one of these forms,
/// so the slip index files each word under all of its forms' hashes and a
/// query word looks in the buckets of its own. Words up to
/// `MAX_WORD_BYTES` long; longer ones get the hash of the word alone.
fn for_each_form(word: &[u8], mut visit: impl FnMut(u64)) {
    visit(hash(word));
    let mut form = [0u8; words::MAX_WORD_BYTES];
    let Some(length) = word.len().checked_sub(1) else {
        return;
    };
    let Some(slot) = form.get_mut(..length) else {
        return;
    };
    for skip in 0..word.len() {
        let (before, after) = (word.get(..skip), word.get(skip + 1..));
        if let (Some(before), Some(after)) = (before, after) {
            let (left, right) = slot.split_at_mut(skip);
            left.copy_from_slice(before);
            right.copy_from_slice(after);
            visit(hash(slot));
        }
    }
}

/// The bucket of a form's hash in a slip index of `buckets` buckets (a
/// power of two).
fn bucket(hash: u64, buckets: usize) -> usize {
    start(hash >> 32, buckets)
}

/// Whether `a` and `b` are one typing slip apart: one insertion, deletion,
/// substitution or swap of neighbouring letters (equal words are not).
pub(crate) fn one_edit(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match long.len() - short.len() {
        0 => {
            let Some(first) = a.iter().zip(b).position(|(x, y)| x != y) else {
                return false;
            };
            let (a, b) = (&a[first..], &b[first..]);
            // A substitution, or a swap of neighbours.
            a.get(1..) == b.get(1..)
                || (a.len() >= 2
                    && a.first() == b.get(1)
                    && a.get(1) == b.first()
                    && a.get(2..) == b.get(2..))
        }
        1 => {
            let first = short
                .iter()
                .zip(long)
                .position(|(x, y)| x != y)
                .unwrap_or(short.len());
            short.get(first..) == long.get(first + 1..)
        }
        _ => false,
    }
}

/// Where a posting's word occurs: the description or nomenclature.
pub(crate) const IN_TEXT: u16 = 1;
/// Where a posting's word occurs: the heading, category name or
/// descriptor.
pub(crate) const IN_CONTEXT: u16 = 2;
/// The bits of a posting that tell where the word occurs.
const FIELD_BITS: u16 = 2;
/// The most records a posting can name: more than a code set can hold
/// (codes are unique and D0100-D9999).
pub(crate) const MAX_RECORDS: usize = 1 << (16 - FIELD_BITS);
const _: () = assert!(MAX_RECORDS > 10_000);

/// The posting of a record (below [`MAX_RECORDS`]) whose fields `fields`
/// ([`IN_TEXT`], [`IN_CONTEXT`] or both) hold a word.
pub(crate) const fn posting(record: u16, fields: u16) -> u16 {
    (record << FIELD_BITS) | (fields & 3)
}

/// The record of a posting.
pub(crate) const fn record_of(posting: u16) -> u16 {
    posting >> FIELD_BITS
}

/// The fields of a posting: [`IN_TEXT`], [`IN_CONTEXT`] or both.
pub(crate) const fn fields_of(posting: u16) -> u16 {
    posting & 3
}

/// The record of a posting and its points, given its word's points for
/// each value of the fields (see [`field_points`]).
#[inline]
pub(crate) fn scored(posting: u16, points: &[u32; 4]) -> (u16, u32) {
    (record_of(posting), points[usize::from(fields_of(posting))])
}

// --------------------------------------------------------------- weights

/// How much a word counts in a description or nomenclature, in tenths.
const STRONG: u32 = 10;
/// How much a word counts in a heading, category name or descriptor (in
/// addition, when the description holds it too).
const WEAK: u32 = 4;

/// How much a kind of match counts, in tenths: the word itself.
pub(crate) const EXACT: u32 = 10;
/// A vocabulary term's expansion, or a word's halves or joined form.
pub(crate) const RELATED: u32 = 9;
/// A word the query word begins, or that begins it.
pub(crate) const PREFIX: u32 = 6;
/// A word one typing slip away.
pub(crate) const TYPO: u32 = 5;

/// Points of a code the query names in full: above any words.
pub(crate) const CODE: u32 = 1_000_000;
/// Points of a code under a code prefix the query names.
pub(crate) const CODE_PREFIX: u32 = 100_000;

/// A word's weight (rarity): 100 × its inverse document frequency, BM25's
/// `ln(1 + (N - n + 0.5) / (n + 0.5))` over `records` records (`N`),
/// `holding` of which hold it (`n`); at least 1. At most 100 ln(1 + 2N),
/// below 1,100 for N ≤ 10,000 records.
#[allow(
    clippy::cast_sign_loss,
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation
)]
fn weight(records: usize, holding: usize) -> u16 {
    let (records, holding) = (records as f64, holding as f64);
    let idf = ln(1.0 + (records - holding + 0.5) / (holding + 0.5));
    // Rounded half up (the value is positive), at least 1.
    ((idf * 100.0 + 0.5) as u16).max(1)
}

/// The natural logarithm of `x` (positive), which `core` lacks (the
/// library builds without `std`): `x = m 2^k` with `m` in [1, 2), and
/// `ln x = k ln 2 + 2 atanh(t)`, `t = (m - 1) / (m + 1)` below 1/3, whose
/// series `t + t^3/3 + t^5/5 + ...` is exact to `f64` after 20 terms.
fn ln(x: f64) -> f64 {
    let (mut m, mut k) = (x, 0_i32);
    while m >= 2.0 {
        m /= 2.0;
        k += 1;
    }
    while m < 1.0 && m > 0.0 {
        m *= 2.0;
        k -= 1;
    }
    let t = (m - 1.0) / (m + 1.0);
    let (t2, mut power, mut sum) = (t * t, t, 0.0);
    for odd in (1..40).step_by(2) {
        sum += power / f64::from(odd);
        power *= t2;
    }
    f64::from(k) * core::f64::consts::LN_2 + 2.0 * sum
}

/// The points of a word of weight `weight` (at most `cap`) matched as
/// `grade` ([`EXACT`], [`RELATED`], [`PREFIX`] or [`TYPO`]) in the
/// `fields` of a posting, per [`fields_of`] (0 when neither).
pub(crate) fn points(weight: u16, cap: u16, grade: u32, fields: u16) -> u32 {
    let field = match fields & 3 {
        IN_TEXT => STRONG,
        IN_CONTEXT => WEAK,
        0 => 0,
        _ => STRONG + WEAK,
    };
    u32::from(weight.min(cap)) * grade * field / 10
}

/// The points of a word for each value of a posting's fields (see
/// [`points`]), to be read by [`fields_of`].
pub(crate) fn field_points(weight: u16, cap: u16, grade: u32) -> [u32; 4] {
    [0, 1, 2, 3].map(|fields| points(weight, cap, grade, fields))
}

/// How much finer than points results are ranked: a ranked value is
/// [`SCALE`] × points plus the commonness bonus unrounded, so two records
/// whose shown points tie still rank by their bonus, and the order of a
/// word's postings by field and tier is the order of its matches whatever
/// the kind of match.
pub(crate) const SCALE: u32 = 32;

/// The value `points` of a code in `tier` (see `search::commonness`)
/// rank by: [`SCALE`] × points plus 2 × points (tier 1) or points (tier
/// 2). Divided by [`SCALE`], the points shown: a tier-1 code gains 1/16 of
/// its points, a tier-2 code 1/32, every other code nothing.
pub(crate) fn ranked_points(points: u32, tier: u8) -> u32 {
    // Read from a table (tiers are 0, 1 and 2), not by a branch per tier:
    // every entry read pays it.
    const BONUS: [u32; 3] = [0, 2, 1];
    let bonus = BONUS.get(usize::from(tier)).copied().unwrap_or(0);
    points.saturating_mul(SCALE + bonus)
}

/// Calls `visit` with each record that every one of `lists` holds (each a
/// word's postings with its [`field_points`]), in ascending order, and the
/// sum of its points over the lists. The rarest list is walked and the
/// others beside it, each read once front to back. The one rule for the
/// vocabulary hits the builder stores and the words search walks.
pub(crate) fn for_each_common(lists: &mut [(&[u16], [u32; 4])], mut visit: impl FnMut(u16, u32)) {
    let Some(rarest) = lists
        .iter()
        .map(|&(list, _)| list)
        .min_by_key(|list| list.len())
    else {
        return;
    };
    'records: for &posting in rarest {
        let record = record_of(posting);
        let mut total = 0u32;
        for (list, points) in lists.iter_mut() {
            let fields = usize::from(advance(list, record));
            if fields == 0 {
                continue 'records;
            }
            total = total.saturating_add(points.get(fields).copied().unwrap_or(0));
        }
        visit(record, total);
    }
}

/// Drops the postings of a list (ascending by record) below `record`; the
/// fields of `record`'s posting, or 0 when the list lacks it.
fn advance(list: &mut &[u16], record: u16) -> u16 {
    while let Some((&first, rest)) = list.split_first() {
        let at = record_of(first);
        if at >= record {
            return if at == record { fields_of(first) } else { 0 };
        }
        *list = rest;
    }
    0
}

// ---------------------------------------------------------------- reader

/// A code set's search tables, borrowed: what a query reads.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tables<'a> {
    /// The set's text pool (the tables hold spans into it).
    pub(crate) text: &'a str,
    /// Search words (stems), sorted by text.
    pub(crate) words: &'a [Word],
    /// Postings, one run per word.
    pub(crate) postings: &'a [u16],
    /// The marks of the common words (see [`Marks`]).
    pub(crate) marks: &'a [u64],
    /// A hash table from a word's text to its position in `words`.
    pub(crate) word_slots: &'a [u16],
    /// The slip index: bucket `b` holds the word positions
    /// `slip_words[slip_starts[b]..slip_starts[b + 1]]`.
    pub(crate) slip_starts: &'a [u32],
    pub(crate) slip_words: &'a [u16],
    /// The vocabulary, sorted by term.
    pub(crate) synonyms: &'a [Synonym],
    /// A hash table from a term's text to its position in `synonyms`.
    pub(crate) term_slots: &'a [u16],
    /// The records each term and expansion matches, with their points.
    pub(crate) phrases: &'a [PhraseHit],
}

/// The bit of a record's rank byte that says it is in force.
const IN_FORCE: u8 = 0x80;

/// A record's rank byte (the set's `ranks` table): [`IN_FORCE`] when it is
/// in force, with its commonness tier (see `search::commonness`) in the
/// low bits. One byte read per record where ranking needs both.
pub(crate) fn rank_of(active: bool, tier: u8) -> u8 {
    if active {
        IN_FORCE | tier
    } else {
        tier & !IN_FORCE
    }
}

/// Whether a record of rank byte `rank` (see [`rank_of`]) is in force.
pub(crate) fn in_force(rank: u8) -> bool {
    rank & IN_FORCE != 0
}

/// The commonness tier of a record of rank byte `rank`.
pub(crate) fn tier_of(rank: u8) -> u8 {
    rank & !IN_FORCE
}

impl<'a> Tables<'a> {
    /// A text of the pool.
    fn text(&self, span: Span) -> &'a str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// The position in the word list of an exact search word.
    pub(crate) fn position(&self, word: &str) -> Option<u16> {
        find(self.word_slots, word.as_bytes(), |entry| {
            self.text_at(entry).as_bytes()
        })
    }

    /// The text of the word at a position ("" past the end).
    fn text_at(&self, position: u16) -> &'a str {
        self.words
            .get(usize::from(position))
            .map_or("", |word| self.text(word.text))
    }

    /// The word at a position.
    pub(crate) fn word(&self, position: u16) -> Option<&'a Word> {
        self.words.get(usize::from(position))
    }

    /// The postings of a word, ascending by record.
    pub(crate) fn postings(&self, word: &Word) -> &'a [u16] {
        first_half(self.postings.get(word.postings.range()).unwrap_or(&[]))
    }

    /// The postings of a word twice: ascending by record, then in the
    /// order its matches rank (see [`Builder::build`]).
    pub(crate) fn run(&self, word: &Word) -> &'a [u16] {
        self.postings.get(word.postings.range()).unwrap_or(&[])
    }

    /// The marks of a common word (see [`Marks`]).
    pub(crate) fn marks(&self, word: &Word) -> Option<Marks<'a>> {
        let both = self.marks.get(word.marks.range())?;
        (!both.is_empty()).then_some(Marks { both })
    }

    /// The positions of the words that start with `prefix`, the word itself
    /// included; `exact` is its position when the index holds it (the words
    /// are sorted, so the run starts there, and its length was counted when
    /// the index was built).
    pub(crate) fn prefixed(&self, prefix: &str, exact: Option<u16>) -> Range<u16> {
        if let Some((start, word)) = exact.and_then(|at| Some((at, self.word(at)?))) {
            return start..start.saturating_add(word.begun);
        }
        let start = self
            .words
            .partition_point(|entry| self.text(entry.text) < prefix);
        let length = self
            .words
            .get(start..)
            .unwrap_or(&[])
            .iter()
            .take_while(|entry| self.text(entry.text).starts_with(prefix))
            .count();
        let start = u16::try_from(start).unwrap_or(u16::MAX);
        start..start.saturating_add(u16::try_from(length).unwrap_or(0))
    }

    /// The vocabulary entry whose term is `term` (search words joined by
    /// spaces).
    pub(crate) fn term(&self, term: &[u8]) -> Option<&'a Synonym> {
        let position = find(self.term_slots, term, |entry| {
            self.synonyms
                .get(usize::from(entry))
                .map_or(&[][..], |synonym| self.text(synonym.term).as_bytes())
        })?;
        self.synonyms.get(usize::from(position))
    }

    /// The records a vocabulary phrase (a term's or an expansion's words)
    /// matches, with their points, ascending by record.
    pub(crate) fn phrase(&self, span: Span) -> &'a [PhraseHit] {
        first_half(self.phrases.get(span.range()).unwrap_or(&[]))
    }

    /// The hits of a vocabulary phrase twice: ascending by record, then in
    /// the order they rank (see [`Builder::build`]).
    pub(crate) fn phrase_run(&self, span: Span) -> &'a [PhraseHit] {
        self.phrases.get(span.range()).unwrap_or(&[])
    }

    /// The text of a vocabulary entry's expansion.
    pub(crate) fn expansion(&self, synonym: &Synonym) -> &'a str {
        self.text(synonym.expansion)
    }

    /// Calls `visit` with the position of each word one edit (insertion,
    /// deletion, substitution or swap of neighbours) away from `stem`,
    /// found through the slip index; a word may come more than once.
    pub(crate) fn near(&self, stem: &str, mut visit: impl FnMut(u16)) {
        let stem = stem.as_bytes();
        if stem.len() <= MIN_SLIP_WORD {
            // Slips of words too short for the index: read every word
            // (search looks for slips from four bytes on, so this never
            // runs there).
            for (word, position) in self.words.iter().zip(0u16..) {
                if one_edit(self.text(word.text).as_bytes(), stem) {
                    visit(position);
                }
            }
            return;
        }
        let buckets = self.slip_starts.len().saturating_sub(1);
        for_each_form(stem, |hash| {
            let bucket = bucket(hash, buckets);
            let (Some(&start), Some(&end)) = (
                self.slip_starts.get(bucket),
                self.slip_starts.get(bucket + 1),
            ) else {
                return;
            };
            let filed = self
                .slip_words
                .get(start as usize..end as usize)
                .unwrap_or(&[]);
            for &position in filed {
                if one_edit(self.text_at(position).as_bytes(), stem) {
                    visit(position);
                }
            }
        });
    }

    /// The one-word vocabulary terms one edit away from `stem`.
    pub(crate) fn near_terms(self, stem: &'a str) -> impl Iterator<Item = &'a Synonym> + 'a {
        self.synonyms.iter().filter(move |entry| {
            let term = self.text(entry.term);
            !term.contains(' ') && one_edit(term.as_bytes(), stem.as_bytes())
        })
    }
}

/// Words held by at least this many records in force are marked (see
/// [`Marks`]): reading their bits costs less than reading their postings.
pub(crate) const MARKED_FROM: usize = 32;

/// A common word's records in force as bit sets, one bit per record (bit
/// `r % 64` of word `r / 64` for record `r`): those whose description or
/// nomenclature holds the word, and those whose heading, category name or
/// descriptor does. A record's fields ([`fields_of`] a posting) are its bit
/// in each.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Marks<'a> {
    /// The two bit sets, one after the other.
    both: &'a [u64],
}

impl Marks<'_> {
    /// How many words each bit set has.
    fn words(&self) -> usize {
        self.both.len() / 2
    }

    /// The fields of `record` (0 when the word's records in force lack it).
    pub(crate) fn fields(&self, record: u16) -> u16 {
        let at = usize::from(record) / 64;
        let bit = record % 64;
        let text = self.both.get(at).map_or(0, |word| word >> bit & 1);
        let context = self
            .both
            .get(self.words() + at)
            .map_or(0, |word| word >> bit & 1);
        // Each is one bit.
        #[allow(clippy::cast_possible_truncation)]
        let fields = (text as u16 * IN_TEXT) | (context as u16 * IN_CONTEXT);
        fields
    }

    /// The word's records in force, a bit set word by word.
    pub(crate) fn records(&self) -> impl Iterator<Item = u64> + '_ {
        let (text, context) = self.both.split_at(self.words());
        text.iter()
            .zip(context)
            .map(|(text, context)| text | context)
    }
}

/// The first half of a run: a run holds its entries ascending by record,
/// then the same entries in rank order.
pub(crate) fn first_half<T>(run: &[T]) -> &[T] {
    run.get(..run.len() / 2).unwrap_or(&[])
}

/// The second half of a run (see [`first_half`]).
pub(crate) fn second_half<T>(run: &[T]) -> &[T] {
    run.get(run.len() / 2..).unwrap_or(&[])
}

// --------------------------------------------------------------- builder

/// A code set's search tables, owned: what [`Builder::build`] lays out
/// (see [`Tables`] for each).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Built {
    pub(crate) words: Vec<Word>,
    pub(crate) postings: Vec<u16>,
    pub(crate) marks: Vec<u64>,
    pub(crate) word_slots: Vec<u16>,
    pub(crate) slip_starts: Vec<u32>,
    pub(crate) slip_words: Vec<u16>,
    pub(crate) synonyms: Vec<Synonym>,
    pub(crate) term_slots: Vec<u16>,
    pub(crate) phrases: Vec<PhraseHit>,
    /// Per record, its rank byte (see [`rank_of`]).
    pub(crate) ranks: Vec<u8>,
}

/// More distinct words than a `u16` position holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TooManyWords(pub(crate) usize);

/// Collects the search words of a set's records, field by field, then
/// lays the tables out.
#[derive(Debug, Default)]
pub(crate) struct Builder {
    /// Per word (stem): per record holding it, the fields it is in.
    postings: BTreeMap<String, BTreeMap<u16, u16>>,
    /// Per record, its rank byte (see [`rank_of`]): whether it is in
    /// force, and its commonness tier.
    ranks: Vec<u8>,
}

impl Builder {
    /// Notes the next record (the first is record 0): the code numbered
    /// `code`, in force or not.
    pub(crate) fn record(&mut self, code: u16, active: bool) {
        self.ranks
            .push(rank_of(active, crate::search::commonness::tier(code)));
    }

    /// Files the words of `text`, found in `field` ([`IN_TEXT`] or
    /// [`IN_CONTEXT`]) of the record at `record` (below [`MAX_RECORDS`]).
    pub(crate) fn add(&mut self, record: u16, field: u16, text: &str) {
        words::for_each_stem(text, |stem| {
            let fields = self.postings.entry(stem.into()).or_default();
            *fields.entry(record).or_default() |= field;
        });
    }

    /// The tables of the words filed so far and of the records noted,
    /// with the vocabulary `terms` (a term and its expansion, each search
    /// words joined by spaces). Texts go into the set's text pool `text`.
    /// Terms whose expansion is the term itself, empty ones and repeats are
    /// left out.
    ///
    /// A word's run of postings, and a term's or expansion's run of hits,
    /// holds them twice: ascending by record, for walking lists side by
    /// side, then in the order they rank: records in force first, then by
    /// points with the commonness bonus unrounded ([`ranked_points`]), then
    /// by record. For a word that order is its fields' (description and
    /// heading, description, heading), then tier, then record, whatever
    /// the kind of match, so the first results of a one-word query are the
    /// first postings.
    ///
    /// # Errors
    ///
    /// More than 65,534 distinct words.
    pub(crate) fn build(
        self,
        terms: impl IntoIterator<Item = (String, String)>,
        text: &mut String,
    ) -> Result<Built, TooManyWords> {
        let mut built = Built {
            ranks: self.ranks,
            ..Built::default()
        };
        let records = built.ranks.len();
        for (word, fields) in self.postings {
            let holding = fields.len();
            let start = built.postings.len();
            built.postings.extend(
                fields
                    .iter()
                    .map(|(&record, &fields)| posting(record, fields)),
            );
            let mut ranked = built.postings[start..].to_vec();
            // Any grade: points for both fields > description > heading.
            let points = field_points(1_000, u16::MAX, EXACT);
            ranked.sort_by_key(|&entry| {
                let (record, points) = scored(entry, &points);
                built.rank(record, points)
            });
            built.postings.extend(ranked);
            let marks = built.mark(&fields);
            let active = built.count_active(fields.keys().copied());
            built.words.push(Word {
                text: push(text, &word),
                postings: Span::between(start, built.postings.len()),
                active,
                weight: weight(records, holding),
                begun: 1,
                marks,
            });
        }
        built.count_begun(text);
        let keys = built.words.iter().map(|word| slice(text, word.text));
        built.word_slots = hash_table(keys).ok_or(TooManyWords(built.words.len()))?;
        built.slip_index(text);
        built.vocabulary(terms, text);
        Ok(built)
    }
}

impl Built {
    /// Sets how many words begin with each word (the words are sorted, so
    /// they follow it), that a query word's run of longer words is read
    /// without comparing them.
    fn count_begun(&mut self, text: &str) {
        let texts: Vec<&str> = self
            .words
            .iter()
            .map(|word| slice(text, word.text))
            .collect();
        for (at, word) in self.words.iter_mut().enumerate() {
            let prefix = texts.get(at).copied().unwrap_or("");
            let begun = texts
                .get(at..)
                .unwrap_or(&[])
                .iter()
                .take_while(|other| other.starts_with(prefix))
                .count();
            word.begun = u16::try_from(begun).unwrap_or(u16::MAX);
        }
    }

    /// The marks (see [`Marks`]) of a word held by the records of
    /// `fields` (with the fields of each), when enough are in force.
    fn mark(&mut self, fields: &BTreeMap<u16, u16>) -> Span {
        let in_force: Vec<(u16, u16)> = fields
            .iter()
            .filter(|(&record, _)| self.is_active(record))
            .map(|(&record, &fields)| (record, fields))
            .collect();
        let start = self.marks.len();
        if in_force.len() < MARKED_FROM {
            return Span::between(start, start);
        }
        let words = self.ranks.len().div_ceil(64);
        self.marks.resize(start + 2 * words, 0);
        for (record, fields) in in_force {
            let (at, bit) = (usize::from(record) / 64, record % 64);
            for (half, field) in [(0, IN_TEXT), (words, IN_CONTEXT)] {
                if fields & field != 0 {
                    if let Some(word) = self.marks.get_mut(start + half + at) {
                        *word |= 1 << bit;
                    }
                }
            }
        }
        Span::between(start, self.marks.len())
    }

    /// What orders a run in rank order: in force first, then more ranked
    /// points, then the record.
    fn rank(&self, record: u16, points: u32) -> (bool, core::cmp::Reverse<u32>, u16) {
        let rank = self.ranks.get(usize::from(record)).copied().unwrap_or(0);
        (
            !in_force(rank),
            core::cmp::Reverse(ranked_points(points, tier_of(rank))),
            record,
        )
    }

    /// Files every word of at least [`MIN_SLIP_WORD`] bytes under the
    /// buckets of its forms (see [`for_each_form`]), each word once per
    /// bucket; about four words to a bucket.
    fn slip_index(&mut self, text: &str) {
        let mut forms = Vec::new();
        for (position, word) in self.words.iter().enumerate() {
            let word = slice(text, word.text).as_bytes();
            if word.len() >= MIN_SLIP_WORD {
                for_each_form(word, |hash| forms.push((hash, position as u16)));
            }
        }
        let buckets = (forms.len() / 4).next_power_of_two().max(1);
        let mut filed: Vec<(usize, u16)> = forms
            .iter()
            .map(|&(hash, position)| (bucket(hash, buckets), position))
            .collect();
        filed.sort_unstable();
        filed.dedup();
        self.slip_starts = alloc::vec![0; buckets + 1];
        for &(bucket, _) in &filed {
            self.slip_starts[bucket + 1] += 1;
        }
        for bucket in 0..buckets {
            self.slip_starts[bucket + 1] += self.slip_starts[bucket];
        }
        self.slip_words = filed.into_iter().map(|(_, position)| position).collect();
    }

    /// The vocabulary, sorted by term, each term's and expansion's records
    /// found once here, and the hash table of the terms.
    ///
    /// A term of several words that is its own expansion (`fluoride
    /// varnish`, `x-ray`) is kept: it makes its words one term, matched by
    /// the records holding them all, and has no hits of its own as an
    /// expansion (its hits as the term are those records, ranked higher).
    /// A one-word term that is its own expansion adds nothing to the word
    /// and is left out.
    fn vocabulary(&mut self, rows: impl IntoIterator<Item = (String, String)>, text: &mut String) {
        let mut terms: BTreeMap<String, String> = BTreeMap::new();
        for (term, expansion) in rows {
            let phrase = term.contains(' ');
            if !term.is_empty() && !expansion.is_empty() && (phrase || term != expansion) {
                terms.entry(term).or_insert(expansion);
            }
        }
        for (term, expansion) in terms {
            let (term_hits, term_active) = self.phrase(text, &term, EXACT);
            let (expansion_hits, expansion_active) = if term == expansion {
                (Span::default(), 0)
            } else {
                self.phrase(text, &expansion, RELATED)
            };
            let term = push(text, &term);
            let expansion = push(text, &expansion);
            self.synonyms.push(Synonym {
                term,
                expansion,
                term_hits,
                expansion_hits,
                term_active,
                expansion_active,
            });
        }
        let keys = self
            .synonyms
            .iter()
            .map(|synonym| slice(text, synonym.term));
        // A vocabulary file is far below 65,534 terms: it is read whole.
        self.term_slots = hash_table(keys).unwrap_or_default();
    }

    /// The records that hold every word of `stems` (joined by spaces) and
    /// their points as a match of `grade`, as a run of the phrase pool:
    /// what search would find walking the words' postings side by side;
    /// and how many of them are in force. Empty when the index lacks one
    /// of the words.
    fn phrase(&mut self, text: &str, stems: &str, grade: u32) -> (Span, u16) {
        let mut lists = Vec::new();
        for stem in stems.split(' ') {
            let found = self
                .words
                .binary_search_by(|word| slice(text, word.text).cmp(stem));
            let Some(word) = found.ok().and_then(|at| self.words.get(at)) else {
                return (Span::default(), 0);
            };
            let points = field_points(word.weight, u16::MAX, grade);
            lists.push((first_half(&self.postings[word.postings.range()]), points));
        }
        let mut hits = Vec::new();
        for_each_common(&mut lists, |record, points| {
            hits.push(PhraseHit { record, points });
        });
        let mut ranked = hits.clone();
        ranked.sort_by_key(|hit| self.rank(hit.record, hit.points));
        let active = self.count_active(hits.iter().map(|hit| hit.record));
        let start = self.phrases.len();
        self.phrases.extend(hits);
        self.phrases.extend(ranked);
        (Span::between(start, self.phrases.len()), active)
    }

    /// Whether `record` is in force.
    fn is_active(&self, record: u16) -> bool {
        self.ranks
            .get(usize::from(record))
            .is_some_and(|&rank| in_force(rank))
    }

    /// How many of `records` are in force.
    fn count_active(&self, records: impl Iterator<Item = u16>) -> u16 {
        let active = records.filter(|&record| self.is_active(record)).count();
        // Below `MAX_RECORDS`, as the records are.
        u16::try_from(active).unwrap_or(u16::MAX)
    }
}

/// Appends `value` to the text pool; its span.
fn push(text: &mut String, value: &str) -> Span {
    let start = text.len();
    text.push_str(value);
    Span::between(start, text.len())
}

/// The text of a span of the pool.
fn slice(text: &str, span: Span) -> &str {
    text.get(span.range()).unwrap_or("")
}

/// The hash table of `keys`: each slot holds a key's position or [`EMPTY`].
/// `None` when there are too many keys for `u16` positions.
fn hash_table<'k>(keys: impl ExactSizeIterator<Item = &'k str>) -> Option<Vec<u16>> {
    let count = keys.len();
    if count >= usize::from(EMPTY) {
        return None;
    }
    let size = (2 * count).next_power_of_two().max(8);
    let mut table = alloc::vec![EMPTY; size];
    for (position, key) in keys.enumerate() {
        let mut at = start(hash(key.as_bytes()), size);
        while table.get(at).is_some_and(|&slot| slot != EMPTY) {
            at = (at + 1) & (size - 1);
        }
        *table.get_mut(at)? = u16::try_from(position).ok()?;
    }
    Some(table)
}

// The tests live beside this file (it is also included by path from
// build.rs and the benches, so its test module is named by path too).
#[cfg(all(test, feature = "std"))]
#[path = "index_tests.rs"]
mod tests;
