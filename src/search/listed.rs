//! The results of a query of one term read in place, without the boxed
//! merge: one ranked list ([`Listed`]), a ranked list and one record more
//! ([`ListedPlus`]), or a handful of records ranked at once ([`Few`]). Each
//! gives the records as [`Merge`](super::merge::Merge) would: each once,
//! with its best key, best first.

use super::index;
use super::merge::{one_term_key, Entries, Stream, DONE};
use super::score::{Hit, Results};
use crate::set::CodeSet;

/// The results of a query of one list (one term of one alternative): its
/// entries in force, in rank order, each record once. Small and read in
/// place, with no merge to make (nor box to allocate).
#[derive(Debug, Clone, Copy)]
pub(super) struct Listed<'s> {
    /// The list's entries in rank order, and a word's points for each
    /// value of its fields (unused for a phrase's hits).
    ranked: Entries<'s>,
    points: [u32; 4],
    /// The next entry from the front, and one past the next from the back.
    front: u16,
    back: u16,
}

impl<'s> Listed<'s> {
    /// The records in force of `stream` (at most [`MAX_RECORDS`](super::merge::MAX_RECORDS) records);
    /// the code set whose records they are is given to each read that
    /// makes keys (the results hold it once, not in each kind of order).
    pub(super) fn new(stream: Stream<'s>) -> Listed<'s> {
        let points = match stream {
            Stream::Word { points, .. } => points,
            Stream::Phrase { .. } => [0; 4],
        };
        Listed {
            ranked: stream.ranked(),
            points,
            front: 0,
            back: stream.active(),
        }
    }

    /// How many records are left to read.
    pub(super) fn len(&self) -> usize {
        usize::from(self.back.saturating_sub(self.front))
    }

    /// The best key left.
    #[inline]
    pub(super) fn next(&mut self, set: &CodeSet) -> Option<u64> {
        let at = self.take_front()?;
        self.key_at(set, at)
    }

    /// The place of the best entry left, taken from the front.
    #[inline]
    fn take_front(&mut self) -> Option<usize> {
        if self.front >= self.back {
            return None;
        }
        let at = usize::from(self.front);
        self.front += 1;
        Some(at)
    }

    /// The worst key left.
    pub(super) fn next_back(&mut self, set: &CodeSet) -> Option<u64> {
        if self.front >= self.back {
            return None;
        }
        self.back -= 1;
        self.key_at(set, usize::from(self.back))
    }

    /// The next record, best first: [`next`](Listed::next) without the
    /// key, whose points and tier a caller wanting only the record would
    /// compute and drop.
    #[inline]
    pub(super) fn next_record(&mut self) -> Option<u16> {
        let at = self.take_front()?;
        match self.ranked {
            Entries::Postings(ranked) => ranked.get(at).map(|&posting| index::record_of(posting)),
            Entries::Hits(ranked) => ranked.get(at).map(|hit| hit.record),
        }
    }

    /// The key of the best entry left, not taken.
    fn front_key(&self, set: &CodeSet) -> Option<u64> {
        (self.front < self.back)
            .then(|| self.key_at(set, usize::from(self.front)))
            .flatten()
    }

    /// The key of the worst entry left, not taken.
    fn back_key(&self, set: &CodeSet) -> Option<u64> {
        (self.front < self.back)
            .then(|| self.key_at(set, usize::from(self.back) - 1))
            .flatten()
    }

    fn key_at(&self, set: &CodeSet, at: usize) -> Option<u64> {
        let (record, points) = match self.ranked {
            Entries::Postings(ranked) => index::scored(*ranked.get(at)?, &self.points),
            Entries::Hits(ranked) => ranked.get(at).map(|hit| (hit.record, hit.points))?,
        };
        Some(one_term_key(set, record, points))
    }
}

/// A ranked list and one record more: a query of one term whose other
/// list holds one record in force (`filling`, `implant`, `bone graft`: a
/// word and a vocabulary term naming one code). Read as the list is, the
/// extra record put in its place by its key, rather than through the boxed
/// merge of two lists.
#[derive(Debug, Clone)]
pub(super) struct ListedPlus<'s> {
    listed: Listed<'s>,
    /// The extra record's key; [`DONE`] once read from either end.
    extra: u64,
    /// The list's own entry for the extra record, left out when met: the
    /// extra's key is the better.
    skip: Option<u16>,
}

impl<'s> ListedPlus<'s> {
    /// Two lists of one term, one of them holding one record in force,
    /// as [`Merge`](super::merge::Merge) gives them: each record once,
    /// with its best key. `None` for any other lists.
    pub(super) fn of(set: &'s CodeSet, streams: &[Stream<'s>]) -> Option<Results<'s>> {
        let (main, one) = match *streams {
            [main, one] if one.active() == 1 => (main, one),
            [one, main] if one.active() == 1 => (main, one),
            _ => return None,
        };
        let extra = Listed::new(one).next(set)?;
        let record = Hit::from_key(extra).index;
        let listed = Listed::new(main);
        let skip = match main.points_of(record) {
            // The list ranks the record as well or better: the extra adds
            // nothing.
            Some(points) if one_term_key(set, record, points) <= extra => {
                return Some(Results::Listed(listed));
            }
            Some(_) => Some(record),
            None => None,
        };
        Some(Results::Plus(ListedPlus {
            listed,
            extra,
            skip,
        }))
    }

    /// How many records are left to read.
    pub(super) fn len(&self) -> usize {
        (self.listed.len() + usize::from(self.extra != DONE))
            .saturating_sub(usize::from(self.skip.is_some()))
    }

    /// The best key left. Never inlined, as [`Merge::next`](super::merge::Merge::next): inlined, it
    /// made every other kind of results dearer to read.
    #[inline(never)]
    pub(super) fn next(&mut self, set: &CodeSet) -> Option<u64> {
        loop {
            let key = if self.extra == DONE {
                self.listed.next(set)?
            } else {
                match self.listed.front_key(set) {
                    Some(key) if key < self.extra => {
                        self.listed.front += 1;
                        key
                    }
                    _ => return Some(core::mem::replace(&mut self.extra, DONE)),
                }
            };
            if !self.skipped(Hit::from_key(key).index) {
                return Some(key);
            }
        }
    }

    /// The worst key left.
    #[inline(never)]
    pub(super) fn next_back(&mut self, set: &CodeSet) -> Option<u64> {
        loop {
            let key = if self.extra == DONE {
                self.listed.next_back(set)?
            } else {
                match self.listed.back_key(set) {
                    Some(key) if key > self.extra => {
                        self.listed.back -= 1;
                        key
                    }
                    _ => return Some(core::mem::replace(&mut self.extra, DONE)),
                }
            };
            if !self.skipped(Hit::from_key(key).index) {
                return Some(key);
            }
        }
    }

    /// Whether `record` is the list's entry to leave out (then it is left
    /// out once).
    fn skipped(&mut self, record: u16) -> bool {
        let skip = self.skip == Some(record);
        if skip {
            self.skip = None;
        }
        skip
    }
}

/// The most records of a query of one term whose lists are ranked all at
/// once rather than merged as read. Six keep the results 64 bytes (56
/// before); counted with callgrind on the benches' mix, 6 gave a mean of
/// 4,020 instructions a query, 5 gave 4,097 (`fmx` and `pano` merged), 8
/// gave 4,050 and 16 gave 4,096: larger results cost every query more to
/// move than the few more queries read this way save.
const FEW_KEYS: usize = 6;

/// The keys of a query of one term with few records, best first.
#[derive(Debug, Clone)]
pub(super) struct Few {
    keys: [u64; FEW_KEYS],
    /// The next key from the front, and one past the next from the back.
    front: u8,
    back: u8,
}

impl Few {
    /// The keys of the records in force of `streams`, the alternatives of
    /// one term, each record once with its best key (as [`Merge`](super::merge::Merge) gives
    /// them), when they number at most [`FEW_KEYS`]. For so few, making
    /// every key at once and sorting them costs less than the boxed merge
    /// (its allocation, its marks and a step over several lists a record):
    /// `fmx`, `pano` and `sealant` are such queries.
    pub(super) fn of(set: &CodeSet, streams: &[Stream<'_>]) -> Option<Few> {
        let total: usize = streams
            .iter()
            .map(|stream| usize::from(stream.active()))
            .sum();
        if total > FEW_KEYS {
            return None;
        }
        let mut keys = [u64::MAX; FEW_KEYS];
        let mut count = 0;
        for stream in streams {
            let mut listed = Listed::new(*stream);
            while let Some(key) = listed.next(set) {
                let record = Hit::from_key(key).index;
                let kept = keys.get_mut(..count)?;
                let same = kept
                    .iter_mut()
                    .find(|kept| Hit::from_key(**kept).index == record);
                if let Some(same) = same {
                    // A record in two lists takes its best key.
                    *same = (*same).min(key);
                } else {
                    *keys.get_mut(count)? = key;
                    count += 1;
                }
            }
        }
        let kept = keys.get_mut(..count)?;
        kept.sort_unstable();
        Some(Few {
            keys,
            front: 0,
            back: u8::try_from(count).ok()?,
        })
    }

    /// How many keys are left.
    pub(super) fn len(&self) -> usize {
        usize::from(self.back.saturating_sub(self.front))
    }

    /// The best key left.
    pub(super) fn next(&mut self) -> Option<u64> {
        if self.front >= self.back {
            return None;
        }
        self.front += 1;
        self.keys.get(usize::from(self.front - 1)).copied()
    }

    /// The worst key left.
    pub(super) fn next_back(&mut self) -> Option<u64> {
        if self.front >= self.back {
            return None;
        }
        self.back -= 1;
        self.keys.get(usize::from(self.back)).copied()
    }
}
