//! Running a plan: every record that matches a term gets the points of its
//! best alternative, weighted by the rarity of the words and the field
//! they were found in; records are ranked by how many terms they match,
//! then by points, then in code order.

use alloc::vec;
use alloc::vec::Vec;
use core::cmp::Ordering;

use super::index;
use super::plan::{Alternative, Plan, Term};
use crate::set::CodeSet;

/// How much a word counts in a description or nomenclature, in tenths.
const STRONG: u32 = 10;
/// How much a word counts in a heading, category name or descriptor (in
/// addition, when the description holds it too).
const WEAK: u32 = 4;

/// One record a query matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Hit {
    pub(super) index: u16,
    pub(super) matched: u16,
    pub(super) points: u32,
}

impl Hit {
    /// Best first: more terms, then more points, then code order.
    #[allow(clippy::trivially_copy_pass_by_ref)] // the shape sort_by wants
    fn rank(&self, other: &Hit) -> Ordering {
        other
            .matched
            .cmp(&self.matched)
            .then(other.points.cmp(&self.points))
            .then(self.index.cmp(&other.index))
    }
}

/// Per-record totals while a plan runs.
struct Tally {
    /// The best points of each record for the current term.
    best: Vec<u32>,
    touched: Vec<u16>,
    matched: Vec<u16>,
    points: Vec<u32>,
    seen: Vec<u16>,
}

impl Tally {
    fn offer(&mut self, record: u16, points: u32) {
        let Some(best) = self.best.get_mut(usize::from(record)) else {
            return;
        };
        if *best == 0 {
            self.touched.push(record);
        }
        *best = (*best).max(points.max(1));
    }

    fn close_term(&mut self) {
        for record in self.touched.drain(..) {
            let at = usize::from(record);
            let (Some(best), Some(matched), Some(points)) = (
                self.best.get_mut(at),
                self.matched.get_mut(at),
                self.points.get_mut(at),
            ) else {
                continue;
            };
            if *matched == 0 {
                self.seen.push(record);
            }
            *matched = matched.saturating_add(1);
            *points = points.saturating_add(*best);
            *best = 0;
        }
    }
}

/// The records `plan` matches in `set`, best first; at most `limit`.
pub(super) fn run(set: &CodeSet, plan: &Plan, include_deleted: bool, limit: usize) -> Vec<Hit> {
    let count = set.records.len();
    let mut tally = Tally {
        best: vec![0; count],
        touched: Vec::new(),
        matched: vec![0; count],
        points: vec![0; count],
        seen: Vec::new(),
    };
    for term in &plan.terms {
        match term {
            Term::Codes(records, points) => {
                for record in records.clone() {
                    tally.offer(u16::try_from(record).unwrap_or(u16::MAX), *points);
                }
            }
            Term::Words(alternatives) => {
                for alternative in plan.alternatives.get(alternatives.clone()).unwrap_or(&[]) {
                    offer_alternative(set, plan, alternative, &mut tally);
                }
            }
        }
        tally.close_term();
    }
    let mut hits: Vec<Hit> = tally
        .seen
        .iter()
        .filter(|&&index| {
            include_deleted
                || set
                    .procedure_at(usize::from(index))
                    .is_some_and(|procedure| procedure.is_active())
        })
        .map(|&index| Hit {
            index,
            matched: tally.matched.get(usize::from(index)).copied().unwrap_or(0),
            points: tally.points.get(usize::from(index)).copied().unwrap_or(0),
        })
        .collect();
    if limit < hits.len() {
        if limit == 0 {
            hits.clear();
        } else {
            hits.select_nth_unstable_by(limit - 1, Hit::rank);
            hits.truncate(limit);
        }
    }
    hits.sort_unstable_by(Hit::rank);
    hits
}

/// Offers every record that holds all words of `alternative`.
fn offer_alternative(set: &CodeSet, plan: &Plan, alternative: &Alternative, tally: &mut Tally) {
    let positions = plan.words.get(alternative.words.clone()).unwrap_or(&[]);
    let words: Vec<_> = positions
        .iter()
        .filter_map(|&position| index::word(set, position))
        .collect();
    if words.len() != positions.len() || words.is_empty() {
        return;
    }
    let points = |weight: u16, field: u32| {
        u32::from(weight.min(alternative.cap)) * alternative.grade * field / 10
    };
    if let [word] = words.as_slice() {
        // Both lists are sorted: walk them together.
        let (mut strong, mut weak) = index::postings(set, word);
        loop {
            let (record, field) = match (strong.first(), weak.first()) {
                (Some(&s), Some(&w)) if s == w => {
                    (strong, weak) = (&strong[1..], &weak[1..]);
                    (s, STRONG + WEAK)
                }
                (Some(&s), Some(&w)) if s < w => {
                    strong = &strong[1..];
                    (s, STRONG)
                }
                (Some(&s), None) => {
                    strong = &strong[1..];
                    (s, STRONG)
                }
                (_, Some(&w)) => {
                    weak = &weak[1..];
                    (w, WEAK)
                }
                (None, None) => break,
            };
            tally.offer(record, points(word.weight, field));
        }
        return;
    }
    // Several words: walk the rarest, look the others up.
    let Some(rarest) = words.iter().min_by_key(|word| {
        let (strong, weak) = index::postings(set, word);
        strong.len() + weak.len()
    }) else {
        return;
    };
    let (strong, weak) = index::postings(set, rarest);
    // A record in both lists is offered twice, with the same points.
    for &record in strong.iter().chain(weak) {
        let total = words.iter().try_fold(0u32, |total, word| {
            let (strong, weak) = index::postings(set, word);
            let field = u32::from(strong.binary_search(&record).is_ok()) * STRONG
                + u32::from(weak.binary_search(&record).is_ok()) * WEAK;
            (field > 0).then(|| total.saturating_add(points(word.weight, field)))
        });
        if let Some(total) = total {
            tally.offer(record, total);
        }
    }
}
