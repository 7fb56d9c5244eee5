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

/// The positions of the words one edit (insertion, deletion, substitution
/// or swap of neighbours) away from `stem`.
pub(super) fn near<'a>(set: &'a CodeSet, stem: &'a str) -> impl Iterator<Item = u16> + 'a {
    let stem = stem.as_bytes();
    let length = u32::try_from(stem.len()).unwrap_or(u32::MAX);
    // A word of a length more than one away needs no closer look.
    set.words
        .iter()
        .zip(0u16..)
        .filter(move |(entry, _)| {
            entry.text.len.abs_diff(length) <= 1
                && typo::one_edit(set.text(entry.text).as_bytes(), stem)
        })
        .map(|(_, position)| position)
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
