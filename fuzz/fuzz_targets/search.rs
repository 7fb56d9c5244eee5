//! Keyword search: `cdt_codes::search(&str)` and
//! `cdt_codes::Query::new(q).include_deleted(..).run()`.
//!
//! The first input byte chooses the entry point and whether deleted codes
//! are included; the rest is the query.
//!
//! Properties (words are maximal runs of alphanumeric characters,
//! lower-cased with `char::to_lowercase`):
//! - soundness: every result's description (or nomenclature) contains every
//!   query word but the last as a whole word, and the last as a prefix of
//!   some word;
//! - no duplicates; deleted codes only when included;
//! - completeness and order, against a brute-force scan of `iter()`: whole
//!   matches first, then prefix-only matches, each in code order. The model
//!   knows the limit of the index: words over 48 bytes are not indexed, and
//!   a query word that long matches nothing;
//! - `search(q)` equals `Query::new(q).run()`; `len()` and `rev()` agree
//!   with forward iteration.

#![no_main]

use std::collections::HashSet;
use std::sync::OnceLock;

use cdt_codes::{Procedure, Query};
use libfuzzer_sys::fuzz_target;

/// Longest word, in bytes, the index holds (`words::MAX_WORD_BYTES`).
const MAX_WORD_BYTES: usize = 48;

/// The words of `text` as written.
fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
}

fn lower(word: &str) -> String {
    word.chars().flat_map(char::to_lowercase).collect()
}

/// The words of `text`, lower-cased.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    raw_words(text).map(lower)
}

/// Every record with the words of its searchable text.
struct Record {
    procedure: &'static Procedure,
    words: HashSet<String>,
}

fn records() -> &'static [Record] {
    static RECORDS: OnceLock<Vec<Record>> = OnceLock::new();
    RECORDS.get_or_init(|| {
        cdt_codes::iter()
            .map(|procedure| {
                let texts =
                    std::iter::once(procedure.description()).chain(procedure.nomenclature());
                Record {
                    procedure,
                    words: texts.flat_map(words).collect(),
                }
            })
            .collect()
    })
}

fn record_of(procedure: &'static Procedure) -> &'static Record {
    let all = records();
    let index = all
        .binary_search_by_key(&procedure.code(), |r| r.procedure.code())
        .expect("a result is a record of the table");
    &all[index]
}

/// Whether `record` holds every word of `query` (the last as a prefix);
/// `Some(true)` when the last matched whole.
fn matches(record: &Record, query: &[String], indexed_only: bool) -> Option<bool> {
    let (last, leading) = query.split_last()?;
    let usable = |word: &String| !indexed_only || word.len() <= MAX_WORD_BYTES;
    if !leading
        .iter()
        .all(|w| record.words.contains(w) && usable(w))
    {
        return None;
    }
    if record.words.contains(last) && usable(last) {
        return Some(true);
    }
    record
        .words
        .iter()
        .any(|w| usable(w) && w.starts_with(last.as_str()))
        .then_some(false)
}

fn codes(list: &[&'static Procedure]) -> Vec<String> {
    list.iter().map(|p| p.code().to_string()).collect()
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let include_deleted = mode & 1 == 1;
    let matches_iter = match (include_deleted, mode & 2 == 2) {
        (true, _) => Query::new(&text).include_deleted(true).run(),
        (false, true) => cdt_codes::search(&text),
        (false, false) => Query::new(&text).include_deleted(false).run(),
    };
    let length = matches_iter.len();
    let reversed: Vec<&'static Procedure> = matches_iter.clone().rev().collect();
    let results: Vec<&'static Procedure> = matches_iter.collect();
    assert_eq!(results.len(), length, "len() of {text:?}");
    assert!(
        results.iter().eq(reversed.iter().rev()),
        "rev() of {text:?}"
    );
    if !include_deleted {
        let other: Vec<_> = cdt_codes::search(&text).collect();
        assert!(results
            .iter()
            .zip(&other)
            .all(|(a, b)| std::ptr::eq(*a, *b)));
        assert_eq!(results.len(), other.len());
    }

    // No duplicates; deleted codes only when asked for.
    let mut seen = HashSet::new();
    for procedure in &results {
        assert!(
            seen.insert(procedure.code()),
            "{} twice for {text:?}",
            procedure.code()
        );
        assert!(
            include_deleted || procedure.is_active(),
            "deleted {} for {text:?}",
            procedure.code()
        );
    }

    let used: Vec<String> = words(&text).collect();

    // Soundness: every word of the query is in every result.
    for procedure in &results {
        let record = record_of(procedure);
        assert!(
            matches(record, &used, false).is_some(),
            "{} does not contain every word of {text:?}: {:?}",
            procedure.code(),
            procedure.description()
        );
    }

    // Completeness and order against a scan of every record.
    // A word too long for the index, as written or lower-cased.
    let too_long =
        raw_words(&text).any(|w| w.len() > MAX_WORD_BYTES || lower(w).len() > MAX_WORD_BYTES);
    let mut whole = Vec::new();
    let mut prefixed = Vec::new();
    if !too_long {
        for record in records() {
            if !include_deleted && !record.procedure.is_active() {
                continue;
            }
            match matches(record, &used, true) {
                Some(true) => whole.push(record.procedure),
                Some(false) => prefixed.push(record.procedure),
                None => {}
            }
        }
    }
    whole.extend(prefixed);
    assert_eq!(codes(&results), codes(&whole), "results for {text:?}");
});
