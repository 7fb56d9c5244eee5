//! How the search index finds a word or a vocabulary term by its text, and
//! how a posting records where a word occurs: the shared rules of the
//! tables `build.rs` writes and the runtime loader builds.
//!
//! Words and terms are found through an open-addressing hash table of
//! `u16` slots, each the position of an entry or [`EMPTY`]: the slot to
//! start at is the word's [`hash`], and later slots are tried in turn
//! until the word or an empty slot is met. A table is at least twice the
//! size of what it holds, so empty slots are common and a miss ends fast.
//! The hash reads a word eight bytes at a time (search words are short);
//! it needs to spread words, not resist an attacker, since the tables hold
//! only the data's own words.

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
#[allow(clippy::cast_possible_truncation)] // masked below the table size
pub(crate) fn start(hash: u64, slots: usize) -> usize {
    (hash as usize) & slots.wrapping_sub(1)
}

/// The entry of `table` whose key is `key`, where `key_of` gives the key of
/// an entry; every slot is looked at most once.
pub(crate) fn find<'t>(table: &[u16], key: &[u8], key_of: impl Fn(u16) -> &'t [u8]) -> Option<u16> {
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
pub(crate) const MIN_SLIP_WORD: usize = 3;

/// Calls `visit` with the hash of `word` and of each form of it with one
/// byte left out: two words one typing slip apart (an insertion, deletion,
/// substitution or swap of neighbours) always share one of these forms,
/// so the slip index files each word under all of its forms' hashes and a
/// query word looks in the buckets of its own. Words up to
/// `MAX_WORD_BYTES` long; longer ones get the hash of the word alone.
pub(crate) fn for_each_form(word: &[u8], mut visit: impl FnMut(u64)) {
    visit(hash(word));
    let mut form = [0u8; super::words::MAX_WORD_BYTES];
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
pub(crate) fn bucket(hash: u64, buckets: usize) -> usize {
    start(hash >> 32, buckets)
}

/// Where a posting's word occurs: the description or nomenclature.
pub(crate) const IN_TEXT: u16 = 1;
/// Where a posting's word occurs: the heading, category name or
/// descriptor.
pub(crate) const IN_CONTEXT: u16 = 2;
/// The bits of a posting that tell where the word occurs.
const FIELD_BITS: u16 = 2;
/// The most records a posting can name (a code set has at most 10,000).
#[cfg_attr(not(feature = "std"), allow(dead_code))] // the index builder's
pub(crate) const MAX_RECORDS: usize = 1 << (16 - FIELD_BITS);

/// The posting of a record (below [`MAX_RECORDS`]) whose fields `fields`
/// ([`IN_TEXT`], [`IN_CONTEXT`] or both) hold a word.
#[cfg_attr(not(feature = "std"), allow(dead_code))] // the index builder's
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

/// Calls `visit` with each record that every one of `lists` holds (each a
/// word's postings with its [`field_points`]), in ascending order, and the
/// sum of its points over the lists. The rarest list is walked and the
/// others beside it, each read once front to back. The one rule for the
/// vocabulary hits the layout stores and the words search walks.
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

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;

    #[test]
    fn a_full_table_still_ends() {
        let table = [0u16; 8];
        assert_eq!(find(&table, b"x", |_| b"y".as_slice()), None);
    }

    #[test]
    fn postings_keep_record_and_fields_apart() {
        let entry = posting(9_999, IN_TEXT | IN_CONTEXT);
        assert_eq!((record_of(entry), fields_of(entry)), (9_999, 3));
        assert_eq!(fields_of(posting(0, IN_CONTEXT)), IN_CONTEXT);
    }
}
