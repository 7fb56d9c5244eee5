//! Reading a code set's search index: exact words, prefixes, the
//! vocabulary and near misses. Lookups of a word borrow from the set and
//! never allocate.

use core::ops::Range;

use super::typo;
use crate::model::record::Word;
use crate::set::CodeSet;

/// The position in the set's word list of an exact search word.
pub(super) fn position(set: &CodeSet, word: &str) -> Option<u32> {
    match set.word_map {
        Some(map) => map.get(word).map(|&position| u32::from(position)),
        None => set
            .words
            .binary_search_by(|entry| set.text(entry.text).cmp(word))
            .ok()
            .and_then(|position| u32::try_from(position).ok()),
    }
}

/// The word at a position.
pub(super) fn word(set: &CodeSet, position: u32) -> Option<&Word> {
    set.words.get(usize::try_from(position).ok()?)
}

/// The records whose description or nomenclature holds the word, and the
/// other records whose heading, category or descriptor holds it.
pub(super) fn postings<'s>(set: &'s CodeSet, word: &Word) -> (&'s [u16], &'s [u16]) {
    let get = |span: crate::model::record::Span| set.postings.get(span.range()).unwrap_or(&[]);
    (get(word.postings), get(word.weak))
}

/// The positions of the words that start with `prefix`, the word itself
/// included.
pub(super) fn prefixed(set: &CodeSet, prefix: &str) -> Range<u32> {
    let start = set
        .words
        .partition_point(|entry| set.text(entry.text) < prefix);
    let length = set
        .words
        .get(start..)
        .unwrap_or(&[])
        .iter()
        .take_while(|entry| set.text(entry.text).starts_with(prefix))
        .count();
    let start = u32::try_from(start).unwrap_or(u32::MAX);
    start..start.saturating_add(u32::try_from(length).unwrap_or(0))
}

/// The positions of the vocabulary terms that start with `first` (as
/// text, so every term whose first word is `first` is among them).
pub(super) fn terms_from(set: &CodeSet, first: &str) -> Range<usize> {
    let start = set
        .synonyms
        .partition_point(|entry| set.text(entry.term) < first);
    let rest = set.synonyms.get(start..).unwrap_or(&[]);
    let length = rest.partition_point(|entry| set.text(entry.term).starts_with(first));
    start..start + length
}

/// The expansion of a vocabulary term given as search words joined by
/// spaces, looked for among the terms at `among` (from [`terms_from`]).
pub(super) fn expansion<'s>(set: &'s CodeSet, among: Range<usize>, term: &str) -> Option<&'s str> {
    let entries = set.synonyms.get(among)?;
    let position = entries
        .binary_search_by(|entry| set.text(entry.term).cmp(term))
        .ok()?;
    entries.get(position).map(|entry| set.text(entry.expansion))
}

/// The positions of the words one edit (insertion, deletion, substitution
/// or swap of neighbours) away from `stem`.
pub(super) fn near<'a>(set: &'a CodeSet, stem: &'a str) -> impl Iterator<Item = u32> + 'a {
    let stem = stem.as_bytes();
    let length = u32::try_from(stem.len()).unwrap_or(u32::MAX);
    // A word of a length more than one away needs no closer look.
    set.words
        .iter()
        .zip(0u32..)
        .filter(move |(entry, _)| {
            entry.text.len.abs_diff(length) <= 1
                && typo::one_edit(set.text(entry.text).as_bytes(), stem)
        })
        .map(|(_, position)| position)
}

/// The expansions of the one-word vocabulary terms one edit away from
/// `stem`.
pub(super) fn near_terms<'s>(set: &'s CodeSet, stem: &str) -> impl Iterator<Item = &'s str> + 's {
    let stem: alloc::vec::Vec<u8> = stem.as_bytes().into();
    set.synonyms.iter().filter_map(move |entry| {
        let term = set.text(entry.term);
        (!term.contains(' ') && typo::one_edit(term.as_bytes(), &stem))
            .then(|| set.text(entry.expansion))
    })
}
