//! Recall: every code in force whose description holds all of a query's
//! words, as whole words, is a result and ranks as a complete match.
//!
//! Queries are drawn from the descriptions themselves (one to three words
//! of a random record, in any order, any case), so they cover the whole
//! vocabulary of the data, including words that are vocabulary terms,
//! number words and words that join (`bite wing`).

#![cfg(feature = "std")]

use std::collections::HashMap;
use std::sync::OnceLock;

use proptest::prelude::*;

/// The plain words of a text: runs of alphanumeric characters, lower case.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The codes in force with the plain words of their descriptions; words
/// holding digits are left out (they read as codes or numbers).
fn records() -> &'static [(String, Vec<String>)] {
    static RECORDS: OnceLock<Vec<(String, Vec<String>)>> = OnceLock::new();
    RECORDS.get_or_init(|| {
        cdt_codes::iter()
            .filter(cdt_codes::Procedure::is_active)
            .map(|p| {
                let words = words(p.description())
                    .into_iter()
                    .filter(|word| !word.chars().any(|c| c.is_ascii_digit()))
                    .collect();
                (p.code().to_string(), words)
            })
            .collect()
    })
}

/// Checks one query: every record holding all its words is a complete
/// match.
fn check(records: &[(String, Vec<String>)], query: &[String]) -> Result<(), TestCaseError> {
    let text = query.join(" ");
    let results: HashMap<String, bool> = cdt_codes::search(&text)
        .scored()
        .map(|m| (m.procedure.code().to_string(), m.score.is_complete()))
        .collect();
    for (code, words) in records {
        let holds = query
            .iter()
            .all(|word| words.iter().any(|w| w == &word.to_lowercase()));
        if holds {
            prop_assert_eq!(
                results.get(code),
                Some(&true),
                "{:?}: {} holds every word but is not a complete match",
                text,
                code
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1_000, ..ProptestConfig::default() })]

    #[test]
    fn every_record_holding_the_words_is_a_complete_match(
        record in any::<prop::sample::Index>(),
        picks in prop::collection::vec(any::<prop::sample::Index>(), 1..=3),
        upper in any::<bool>(),
    ) {
        let records = records();
        let (_, words) = &records[record.index(records.len())];
        prop_assume!(!words.is_empty());
        let query: Vec<String> = picks
            .iter()
            .map(|pick| {
                let word = &words[pick.index(words.len())];
                if upper { word.to_uppercase() } else { word.clone() }
            })
            .collect();
        check(records, &query)?;
    }
}

/// Every word of every description, alone: the exhaustive one-word case.
#[test]
fn every_description_word_alone() {
    let records = records();
    let mut seen = std::collections::BTreeSet::new();
    for (_, words) in records {
        for word in words {
            if seen.insert(word.clone()) {
                check(records, std::slice::from_ref(word)).unwrap();
            }
        }
    }
    assert!(seen.len() > 1_000, "{}", seen.len());
}
