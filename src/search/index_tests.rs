//! Tests of the search index: its hash tables, postings, weights, marks
//! and slip index, on small indexes built here and on the compiled set.

use std::collections::BTreeSet;
use std::string::String;
use std::vec::Vec;

use super::*;
use crate::set::CodeSet;

#[test]
fn a_full_table_still_ends() {
    let table = [0u16; 8];
    assert_eq!(find(&table, b"x", |_| b"y".as_slice()), None);
}

#[test]
fn a_common_word_is_marked_with_its_records_in_force_and_their_fields() {
    // 100 records, every third out of force; `crown` in every text,
    // `ceramic` in the context of the even ones, `rare` in one.
    let mut builder = Builder::default();
    for record in 0..100u16 {
        builder.record(2_000 + record, record % 3 != 0);
        builder.add(record, IN_TEXT, "crown");
        if record % 2 == 0 {
            builder.add(record, IN_CONTEXT, "crown ceramic");
        }
        if record == 7 {
            builder.add(record, IN_TEXT, "rare");
        }
    }
    let mut text = String::new();
    let built = builder.build(Vec::new(), &mut text).unwrap();
    let tables = Tables {
        text: &text,
        words: &built.words,
        postings: &built.postings,
        marks: &built.marks,
        word_slots: &built.word_slots,
        slip_starts: &built.slip_starts,
        slip_words: &built.slip_words,
        synonyms: &built.synonyms,
        term_slots: &built.term_slots,
        phrases: &built.phrases,
    };
    let word = |stem: &str| tables.word(tables.position(stem).unwrap()).unwrap();
    let crown = tables.marks(word("crown")).unwrap();
    assert_eq!(crown.fields(4), IN_TEXT | IN_CONTEXT);
    assert_eq!(crown.fields(5), IN_TEXT);
    assert_eq!(crown.fields(3), 0, "out of force");
    assert_eq!(crown.fields(100), 0, "past the records");
    let marked: u32 = crown.records().map(u64::count_ones).sum();
    assert_eq!(marked, 66);
    // 34 records in force hold `ceramic`; one holds `rare`.
    assert!(tables.marks(word("ceramic")).is_some());
    assert!(tables.marks(word("rare")).is_none());
}

#[test]
fn runs_count_their_records_in_force_and_ranks_say_which() {
    // 30 records, every third out of force (0, 3, ...): `crown` in all,
    // `rare` in records 3 and 4; the vocabulary term `cr` stands for
    // `crown rare`, which records 3 and 4 hold.
    let mut builder = Builder::default();
    for record in 0..30u16 {
        builder.record(2_000 + record, record % 3 != 0);
        builder.add(record, IN_TEXT, "crown");
        if record == 3 || record == 4 {
            builder.add(record, IN_TEXT, "rare");
        }
    }
    let mut text = String::new();
    let terms = [(String::from("cr"), String::from("crown rare"))];
    let built = builder.build(terms, &mut text).unwrap();
    let active = |stem: &str| {
        let at = built
            .words
            .iter()
            .position(|word| slice(&text, word.text) == stem)
            .unwrap();
        built.words[at].active
    };
    assert_eq!(active("crown"), 20);
    assert_eq!(active("rare"), 1, "record 3 is out of force");
    let synonym = &built.synonyms[0];
    assert_eq!(synonym.expansion_active, 1);
    assert_eq!(synonym.term_active, 0, "no record holds `cr`");
    // Each record's rank byte: in force or not, and its tier.
    for (record, &rank) in built.ranks.iter().enumerate() {
        assert_eq!(in_force(rank), record % 3 != 0, "record {record}");
        assert_eq!(
            tier_of(rank),
            crate::search::commonness::tier(2_000 + record as u16)
        );
    }
    assert_eq!(built.ranks.len(), 30);
    for (active, tier) in [(true, 0), (true, 2), (false, 1), (false, 0)] {
        let rank = rank_of(active, tier);
        assert_eq!((in_force(rank), tier_of(rank)), (active, tier));
    }
}

#[test]
fn postings_keep_record_and_fields_apart() {
    let entry = posting(9_999, IN_TEXT | IN_CONTEXT);
    assert_eq!((record_of(entry), fields_of(entry)), (9_999, 3));
    assert_eq!(fields_of(posting(0, IN_CONTEXT)), IN_CONTEXT);
}

#[test]
fn finds_every_key_and_nothing_else() {
    let keys = ["crown", "root", "canal", "molar", "root canal", "", "a"];
    let table = hash_table(keys.iter().copied()).unwrap();
    assert_eq!(table.len(), 16);
    let key_of = |entry: u16| keys[usize::from(entry)].as_bytes();
    for (position, key) in keys.iter().enumerate() {
        assert_eq!(find(&table, key.as_bytes(), key_of), Some(position as u16));
    }
    for missing in ["crowns", "roo", "b", "root  canal"] {
        assert_eq!(find(&table, missing.as_bytes(), key_of), None);
    }
    assert_eq!(find(&[], b"crown", key_of), None);
}

#[test]
fn one_slip_of_each_kind() {
    for (a, b) in [
        ("extration", "extraction"),
        ("sealent", "sealant"),
        ("flourid", "fluorid"),
        ("gard", "guard"),
        ("modl", "model"),
        ("crown", "brown"),
    ] {
        assert!(one_edit(a.as_bytes(), b.as_bytes()), "{a} {b}");
        assert!(one_edit(b.as_bytes(), a.as_bytes()), "{b} {a}");
    }
    for (a, b) in [
        ("crown", "crown"),
        ("abcd", "badc"),
        ("", "ab"),
        ("crown", "cr"),
    ] {
        assert!(!one_edit(a.as_bytes(), b.as_bytes()), "{a} {b}");
    }
}

#[test]
#[allow(
    clippy::cast_sign_loss,
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation
)]
fn known_weights_and_bonuses() {
    // A word in every record weighs least; one in a single record of
    // 948 weighs ln(1 + 947.5 / 1.5) = 6.45.
    // The hand-written logarithm gives std's weights for every set
    // size and count up to 2,000 records.
    for records in [1_usize, 2, 3, 10, 100, 847, 948, 949, 1_000, 2_000] {
        for holding in 1..=records {
            let (n, h) = (records as f64, holding as f64);
            let exact = (1.0 + (n - h + 0.5) / (h + 0.5)).ln();
            assert!((ln(1.0 + (n - h + 0.5) / (h + 0.5)) - exact).abs() < 1e-12);
            let rounded = (exact * 100.0).round().max(1.0) as u16;
            assert_eq!(weight(records, holding), rounded, "{records} {holding}");
        }
    }
    assert_eq!(weight(948, 948), 1);
    assert_eq!(weight(948, 1), 645);
    assert_eq!(points(100, u16::MAX, EXACT, IN_TEXT | IN_CONTEXT), 1400);
    assert_eq!(points(100, 50, PREFIX, IN_CONTEXT), 120);
    assert_eq!(ranked_points(3200, 1) / SCALE, 3400);
    assert_eq!(ranked_points(3200, 2) / SCALE, 3300);
    assert_eq!(ranked_points(3200, 0) / SCALE, 3200);
    // Shown points tie (15 + 15/16 = 15), ranked ones do not.
    assert!(ranked_points(15, 1) > ranked_points(15, 0));
    assert_eq!(ranked_points(15, 1) / SCALE, 15);
    assert_eq!(ranked_points(u32::MAX, 1), u32::MAX);
}

/// The words one slip from `query` by reading every word of the index.
fn scanned(tables: Tables<'_>, query: &str) -> BTreeSet<u16> {
    tables
        .words
        .iter()
        .zip(0u16..)
        .filter(|(word, _)| one_edit(tables.text(word.text).as_bytes(), query.as_bytes()))
        .map(|(_, position)| position)
        .collect()
}

/// Slips of every kind in many words of the index, and words that are
/// not slips of anything: the slip index finds what a scan finds.
#[test]
fn the_slip_index_finds_what_a_scan_finds() {
    let tables = CodeSet::compiled().search_tables();
    let mut queries: Vec<String> = Vec::new();
    for word in tables.words.iter().step_by(5) {
        let text = tables.text(word.text);
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
        tables.near(query, |position| {
            found.insert(position);
        });
        let expected = scanned(tables, query);
        slipped += usize::from(!expected.is_empty());
        assert_eq!(found, expected, "{query:?}");
    }
    assert!(slipped > queries.len() / 2);
}

#[test]
fn the_words_a_word_begins_are_counted_as_a_scan_finds_them() {
    let tables = CodeSet::compiled().search_tables();
    let mut longer = 0;
    for (at, word) in tables.words.iter().enumerate() {
        let text = tables.text_at(u16::try_from(at).unwrap());
        let counted = tables.prefixed(text, Some(u16::try_from(at).unwrap()));
        let scanned = tables.prefixed(text, None);
        assert_eq!(counted, scanned, "{text}");
        longer += usize::from(word.begun > 1);
    }
    // `tooth` begins itself and `toothless`, `bite` itself and `bitewing`'s
    // stem.
    for (word, begun) in [
        ("tooth", ["tooth", "toothless"]),
        ("bite", ["bite", "bitew"]),
    ] {
        let at = tables.position(word).unwrap();
        let texts: Vec<&str> = tables
            .prefixed(word, Some(at))
            .map(|position| tables.text_at(position))
            .collect();
        assert_eq!(texts, begun);
    }
    assert!(longer > 100, "{longer} words begin others");
}
