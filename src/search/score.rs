//! Running a plan: every record that matches a term gets the points of its
//! best alternative, weighted by the rarity of the words and the field
//! they were found in; records are ranked by how many terms they match,
//! then by points, then in code order.
//!
//! Only the records some term matches are touched: every list below is
//! sorted by record, and lists are merged, never looked up record by
//! record, so a query costs in proportion to the postings it reads.

use alloc::vec::Vec;

use super::index;
use super::plan::{Alternative, Plan, Term};
use crate::set::CodeSet;

/// How much a word counts in a description or nomenclature, in tenths.
const STRONG: u32 = 10;
/// How much a word counts in a heading, category name or descriptor (in
/// addition, when the description holds it too).
const WEAK: u32 = 4;
/// The most words of an alternative walked side by side (a vocabulary
/// term has at most six); longer ones are looked up record by record.
const MAX_WORDS: usize = 8;
/// The records a list starts with room for.
const LISTED: usize = 128;
/// The most hits ranked in a small buffer on the stack.
const SMALL: usize = 32;
/// The most hits ranked on the stack.
const LARGE: usize = 256;

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
    #[allow(clippy::trivially_copy_pass_by_ref)] // the shape sort_by_key wants
    fn key(&self) -> u64 {
        (u64::from(u16::MAX - self.matched) << 48)
            | (u64::from(u32::MAX - self.points) << 16)
            | u64::from(self.index)
    }

    /// The hit whose [`key`](Hit::key) is `key`.
    fn from_key(key: u64) -> Hit {
        // Each field was stored in its own bits: the casts keep exactly them.
        #[allow(clippy::cast_possible_truncation)]
        Hit {
            index: key as u16,
            matched: u16::MAX - (key >> 48) as u16,
            points: u32::MAX - (key >> 16) as u32,
        }
    }
}

/// The records `plan` matches in `set`, best first; at most `limit`.
pub(super) fn run(set: &CodeSet, plan: &Plan, include_deleted: bool, limit: usize) -> Vec<Hit> {
    let count = set.records.len();
    // Totals over the terms so far, the best of each record for the
    // current term, and the records of the current alternative.
    // Sized for a typical query, so that they seldom grow.
    let mut hits: Vec<Hit> = Vec::with_capacity(LISTED);
    let mut term: Vec<Hit> = Vec::with_capacity(LISTED);
    // Needed only by a term of several alternatives: allocated then.
    let mut found: Vec<Hit> = Vec::new();
    for each in &plan.terms {
        term.clear();
        match each {
            Term::Codes(records, points) => {
                let records = records.start.min(count)..records.end.min(count);
                term.extend(records.map(|record| Hit {
                    index: u16::try_from(record).unwrap_or(u16::MAX),
                    matched: 1,
                    points: (*points).max(1),
                }));
            }
            Term::Words(alternatives) => {
                let alternatives = plan.alternatives.get(alternatives.clone()).unwrap_or(&[]);
                // Merging into an empty list copies: the first
                // alternative's records go straight into the term.
                if let Some((first, rest)) = alternatives.split_first() {
                    alternative_records(set, plan, first, &mut term);
                    for alternative in rest {
                        found.clear();
                        alternative_records(set, plan, alternative, &mut found);
                        merge(&mut term, &found, |best, offer| {
                            best.points = best.points.max(offer.points);
                        });
                    }
                }
            }
        }
        if hits.is_empty() {
            // As merging into an empty list would, without the copy.
            core::mem::swap(&mut hits, &mut term);
        } else {
            merge(&mut hits, &term, |total, offer| {
                total.matched = total.matched.saturating_add(1);
                total.points = total.points.saturating_add(offer.points);
            });
        }
    }
    // Ranked on their packed keys: plain integers sort several times
    // faster than hits compared through a key function, and the keys
    // (unique, as records are) give the same order. A typical count fits
    // on the stack, in a buffer little larger than it.
    let keep = |hit: &&Hit| {
        set.procedure_at(usize::from(hit.index))
            .is_some_and(|procedure| include_deleted || procedure.is_active())
    };
    let count = hits.len();
    if count <= SMALL {
        rank_into(&mut hits, &mut [0; SMALL], keep, limit);
    } else if count <= LARGE {
        rank_into(&mut hits, &mut [0; LARGE], keep, limit);
    } else {
        rank_into(&mut hits, &mut alloc::vec![0; count], keep, limit);
    }
    hits
}

/// Replaces `hits` with the best `limit` of those to `keep`, best first,
/// ranked in `buffer` (room for every hit).
fn rank_into(hits: &mut Vec<Hit>, buffer: &mut [u64], keep: impl Fn(&&Hit) -> bool, limit: usize) {
    let mut count = 0;
    for (slot, hit) in buffer.iter_mut().zip(hits.iter().filter(keep)) {
        *slot = hit.key();
        count += 1;
    }
    let kept = rank(buffer.get_mut(..count).unwrap_or(&mut []), limit);
    hits.clear();
    hits.extend(kept.iter().map(|&key| Hit::from_key(key)));
}

/// Sorts the best `limit` of `keys` first and returns them.
fn rank(keys: &mut [u64], limit: usize) -> &[u64] {
    let keys = if limit < keys.len() {
        if limit == 0 {
            return &[];
        }
        keys.select_nth_unstable(limit - 1);
        keys.get_mut(..limit).unwrap_or(&mut [])
    } else {
        keys
    };
    keys.sort_unstable();
    keys
}

/// Merges `from` into `into`, both sorted by record without repeats: a
/// record in both is `join`ed, one only in `from` is added. Works from the
/// back, in place, so no list is allocated.
fn merge(into: &mut Vec<Hit>, from: &[Hit], join: impl Fn(&mut Hit, Hit)) {
    if from.is_empty() {
        return;
    }
    let (old, new) = (into.len(), from.len());
    into.resize(old + new, Hit::default());
    // `into[..read]` is still to merge, `into[write..]` is done, and
    // `read <= write` throughout.
    let (mut read, mut write) = (old, old + new);
    for &offer in from.iter().rev() {
        while let Some(&hit) = read.checked_sub(1).and_then(|at| into.get(at)) {
            if hit.index <= offer.index {
                break;
            }
            read -= 1;
            write -= 1;
            if let Some(slot) = into.get_mut(write) {
                *slot = hit;
            }
        }
        let mut merged = offer;
        if let Some(hit) = read.checked_sub(1).and_then(|at| into.get(at)) {
            if hit.index == offer.index {
                merged = *hit;
                join(&mut merged, offer);
                read -= 1;
            }
        }
        write -= 1;
        if let Some(slot) = into.get_mut(write) {
            *slot = merged;
        }
    }
    // The records only in `into` before `read` are in place; close the
    // gap left by records found in both.
    into.drain(read..write);
}

/// Both postings lists of a word walked together: each record once, in
/// order, with the weight of the fields that hold the word.
fn fields<'a>(mut strong: &'a [u16], mut weak: &'a [u16]) -> impl Iterator<Item = (u16, u32)> + 'a {
    core::iter::from_fn(move || {
        let (record, field) = match (strong.split_first(), weak.split_first()) {
            (Some((&s, s_rest)), Some((&w, w_rest))) if s == w => {
                (strong, weak) = (s_rest, w_rest);
                (s, STRONG + WEAK)
            }
            (Some((&s, s_rest)), Some((&w, _))) if s < w => {
                strong = s_rest;
                (s, STRONG)
            }
            (Some((&s, s_rest)), None) => {
                strong = s_rest;
                (s, STRONG)
            }
            (_, Some((&w, w_rest))) => {
                weak = w_rest;
                (w, WEAK)
            }
            (None, None) => return None,
        };
        Some((record, field))
    })
}

/// The records that hold every word of `alternative`, in order, with
/// their points (at least one).
fn alternative_records(
    set: &CodeSet,
    plan: &Plan,
    alternative: &Alternative,
    found: &mut Vec<Hit>,
) {
    let positions = plan.words.get(alternative.words.clone()).unwrap_or(&[]);
    let points = |weight: u16, field: u32| {
        u32::from(weight.min(alternative.cap)) * alternative.grade * field / 10
    };
    let hit = |record: u16, points: u32| Hit {
        index: record,
        matched: 1,
        points: points.max(1),
    };
    let mut words = positions.iter().map(|&position| index::word(set, position));
    if let [position] = positions {
        let Some(word) = index::word(set, *position) else {
            return;
        };
        let (strong, weak) = index::postings(set, word);
        found.extend(
            fields(strong, weak).map(|(record, field)| hit(record, points(word.weight, field))),
        );
        return;
    }
    if positions.is_empty() || words.any(|word| word.is_none()) {
        return;
    }
    let words = || {
        positions
            .iter()
            .filter_map(|&position| index::word(set, position))
    };
    // Several words: walk the rarest, and the others beside it.
    let Some(rarest) = words().min_by_key(|word| {
        let (strong, weak) = index::postings(set, word);
        strong.len() + weak.len()
    }) else {
        return;
    };
    let (strong, weak) = index::postings(set, rarest);
    let mut lists = [(&[][..], &[][..], 0u16); MAX_WORDS];
    if positions.len() > MAX_WORDS {
        // Longer than any vocabulary term: look the others up.
        for (record, _) in fields(strong, weak) {
            let total = words().try_fold(0u32, |total, word| {
                let (strong, weak) = index::postings(set, word);
                let field = u32::from(strong.binary_search(&record).is_ok()) * STRONG
                    + u32::from(weak.binary_search(&record).is_ok()) * WEAK;
                (field > 0).then(|| total.saturating_add(points(word.weight, field)))
            });
            if let Some(total) = total {
                found.push(hit(record, total));
            }
        }
        return;
    }
    for (slot, word) in lists.iter_mut().zip(words()) {
        let (strong, weak) = index::postings(set, word);
        *slot = (strong, weak, word.weight);
    }
    let lists = lists.get_mut(..positions.len()).unwrap_or(&mut []);
    // The records of the rarest word come in order, so every other list
    // is read once, front to back.
    'records: for (record, _) in fields(strong, weak) {
        let mut total = 0u32;
        for (strong, weak, weight) in lists.iter_mut() {
            let field = u32::from(advance(strong, record)) * STRONG
                + u32::from(advance(weak, record)) * WEAK;
            if field == 0 {
                continue 'records;
            }
            total = total.saturating_add(points(*weight, field));
        }
        found.push(hit(record, total));
    }
}

/// Drops the records of a sorted list below `record`; whether the list
/// holds `record`.
fn advance(list: &mut &[u16], record: u16) -> bool {
    while let Some((&first, rest)) = list.split_first() {
        if first >= record {
            return first == record;
        }
        *list = rest;
    }
    false
}
