//! Reading a code set's search index: exact words, prefixes, vocabulary
//! terms and near misses. Every lookup borrows from the set and never
//! allocates.

use core::ops::Range;

use super::typo;
use crate::model::lexicon;
use crate::model::record::{PhraseHit, Synonym, Word};
use crate::set::CodeSet;

/// The position in the set's word list of an exact search word.
pub(super) fn position(set: &CodeSet, word: &str) -> Option<u16> {
    lexicon::find(&set.word_slots, word.as_bytes(), |entry| {
        text_at(set, entry).as_bytes()
    })
}

/// The text of the word at a position ("" past the end).
fn text_at(set: &CodeSet, position: u16) -> &str {
    set.words
        .get(usize::from(position))
        .map_or("", |word| set.text(word.text))
}

/// The word at a position.
pub(super) fn word(set: &CodeSet, position: u16) -> Option<&Word> {
    set.words.get(usize::from(position))
}

/// The postings of a word (see `lexicon::posting`), ascending by record.
pub(super) fn postings<'s>(set: &'s CodeSet, word: &Word) -> &'s [u16] {
    set.postings.get(word.postings.range()).unwrap_or(&[])
}

/// The positions of the words that start with `prefix`, the word itself
/// included; `exact` is its position when the index holds it (the words
/// are sorted, so the run starts there).
pub(super) fn prefixed(set: &CodeSet, prefix: &str, exact: Option<u16>) -> Range<u16> {
    let start = exact.map_or_else(
        || {
            set.words
                .partition_point(|entry| set.text(entry.text) < prefix)
        },
        usize::from,
    );
    let length = set
        .words
        .get(start..)
        .unwrap_or(&[])
        .iter()
        .take_while(|entry| set.text(entry.text).starts_with(prefix))
        .count();
    let start = u16::try_from(start).unwrap_or(u16::MAX);
    start..start.saturating_add(u16::try_from(length).unwrap_or(0))
}

/// The vocabulary entry whose term is `term` (search words joined by
/// spaces).
pub(super) fn term<'s>(set: &'s CodeSet, term: &[u8]) -> Option<&'s Synonym> {
    let position = lexicon::find(&set.term_slots, term, |entry| {
        set.synonyms
            .get(usize::from(entry))
            .map_or(&[][..], |synonym| set.text(synonym.term).as_bytes())
    })?;
    set.synonyms.get(usize::from(position))
}

/// The records a vocabulary phrase (a term's or an expansion's words)
/// matches, with their points.
pub(super) fn phrase(set: &CodeSet, span: crate::model::record::Span) -> &[PhraseHit] {
    set.phrases.get(span.range()).unwrap_or(&[])
}

/// Calls `visit` with the position of each word one edit (insertion,
/// deletion, substitution or swap of neighbours) away from `stem`, found
/// through the slip index; a word may come more than once.
pub(super) fn near(set: &CodeSet, stem: &str, mut visit: impl FnMut(u16)) {
    let stem = stem.as_bytes();
    if stem.len() <= lexicon::MIN_SLIP_WORD {
        // Slips of words too short for the index: read every word (search
        // looks for slips from four bytes on, so this never runs there).
        for (word, position) in set.words.iter().zip(0u16..) {
            if typo::one_edit(set.text(word.text).as_bytes(), stem) {
                visit(position);
            }
        }
        return;
    }
    let buckets = set.slip_starts.len().saturating_sub(1);
    lexicon::for_each_form(stem, |hash| {
        let bucket = lexicon::bucket(hash, buckets);
        let (Some(&start), Some(&end)) =
            (set.slip_starts.get(bucket), set.slip_starts.get(bucket + 1))
        else {
            return;
        };
        let filed = set
            .slip_words
            .get(start as usize..end as usize)
            .unwrap_or(&[]);
        for &position in filed {
            if typo::one_edit(text_at(set, position).as_bytes(), stem) {
                visit(position);
            }
        }
    });
}

/// The one-word vocabulary terms one edit away from `stem`.
pub(super) fn near_terms<'a>(
    set: &'a CodeSet,
    stem: &'a str,
) -> impl Iterator<Item = &'a Synonym> + 'a {
    set.synonyms.iter().filter(move |entry| {
        let term = set.text(entry.term);
        !term.contains(' ') && typo::one_edit(term.as_bytes(), stem.as_bytes())
    })
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use std::collections::BTreeSet;
    use std::string::String;
    use std::vec::Vec;

    use super::{near, typo};
    use crate::set::CodeSet;

    /// The words one slip from `query` by reading every word of the index.
    fn scanned(set: &CodeSet, query: &str) -> BTreeSet<u16> {
        set.words
            .iter()
            .zip(0u16..)
            .filter(|(word, _)| typo::one_edit(set.text(word.text).as_bytes(), query.as_bytes()))
            .map(|(_, position)| position)
            .collect()
    }

    /// Slips of every kind in many words of the index, and words that are
    /// not slips of anything: the slip index finds what a scan finds.
    #[test]
    fn the_slip_index_finds_what_a_scan_finds() {
        let set = CodeSet::compiled();
        let mut queries: Vec<String> = Vec::new();
        for word in set.words.iter().step_by(5) {
            let text = set.text(word.text);
            if text.len() < 4 || !text.is_ascii() {
                continue;
            }
            for at in 0..text.len() {
                let mut dropped = String::from(text);
                dropped.remove(at);
                queries.push(dropped);
                let mut changed = text.as_bytes().to_vec();
                changed[at] = if changed[at] == b'q' { b'z' } else { b'q' };
                queries.push(String::from_utf8(changed).unwrap());
                let mut added = String::from(text);
                added.insert(at, 'e');
                queries.push(added);
                if at + 1 < text.len() {
                    let mut swapped = text.as_bytes().to_vec();
                    swapped.swap(at, at + 1);
                    queries.push(String::from_utf8(swapped).unwrap());
                }
            }
        }
        queries.extend(["zzzzzz", "qqqq", "extration", "sealent", "état", "é"].map(String::from));
        assert!(queries.len() > 5_000, "{}", queries.len());
        let mut slipped = 0;
        for query in &queries {
            let mut found = BTreeSet::new();
            near(set, query, |position| {
                found.insert(position);
            });
            let expected = scanned(set, query);
            slipped += usize::from(!expected.is_empty());
            assert_eq!(found, expected, "{query:?}");
        }
        assert!(slipped > queries.len() / 2);
    }
}
