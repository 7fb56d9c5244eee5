//! Keyword search, ranges and subcategory browsing against known codes.

#![cfg(feature = "std")]

use cdt_codes::{Category, CdtCode, Query};

fn codes(query: &str) -> Vec<String> {
    cdt_codes::search(query)
        .map(|p| p.code().to_string())
        .collect()
}

#[test]
fn apexification_returns_its_three_visits() {
    assert_eq!(codes("apexification"), ["D3351", "D3352", "D3353"]);
    assert_eq!(codes("APEXIFICATION"), ["D3351", "D3352", "D3353"]);
}

#[test]
fn a_prefix_returns_the_same_as_the_full_word() {
    assert_eq!(codes("apexif"), codes("apexification"));
    // The same records; the order may differ, since whole-word matches of
    // "bitewing" rank before "bitewings" while "bitew" matches both as a
    // prefix.
    let mut prefix = codes("bitew");
    let mut whole = codes("bitewing");
    prefix.sort();
    whole.sort();
    assert_eq!(prefix, whole);
}

#[test]
fn every_word_must_match() {
    let results: Vec<_> = cdt_codes::search("root canal molar").collect();
    assert_eq!(results[0].code().to_string(), "D3330");
    for procedure in &results {
        let text = procedure.description().to_lowercase();
        assert!(
            text.contains("root") && text.contains("canal") && text.contains("molar"),
            "{text}"
        );
    }
    assert!(codes("root canal molar").len() < codes("root canal").len());
}

#[test]
fn whole_word_matches_rank_before_prefix_matches() {
    // "guard" is a whole word in the occlusal guard codes; "guard" is also a
    // prefix of other words ("guardian"), which must come after.
    let results: Vec<_> = cdt_codes::search("night guard").collect();
    assert!(!results.is_empty());
    assert!(results
        .iter()
        .all(|p| p.description().to_lowercase().contains("night guard")));
    let mixed: Vec<_> = cdt_codes::search("crown porc").collect();
    let first_prefix_only = mixed
        .iter()
        .position(|p| !cdt_codes_words(p.description()).iter().any(|w| w == "porc"));
    if let Some(position) = first_prefix_only {
        assert!(mixed[position..]
            .iter()
            .all(|p| !cdt_codes_words(p.description()).iter().any(|w| w == "porc")));
    }
}

fn cdt_codes_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn results_are_in_code_order_within_a_rank() {
    // Every "bitewing" result that has the whole word comes first, in code
    // order; D0210 mentions only "bitewings" and so ranks after them.
    let results = codes("bitewing");
    let (whole, prefix_only) = results.split_at(results.len() - 1);
    assert!(whole.windows(2).all(|w| w[0] < w[1]));
    assert!(whole.contains(&"D0274".to_string()));
    assert_eq!(prefix_only, ["D0210"]);
}

#[test]
fn deleted_codes_only_on_request() {
    // D1352 (preventive resin restoration) was deleted in CDT 2026.
    assert!(!codes("preventive resin").contains(&"D1352".to_string()));
    let with_deleted: Vec<String> = Query::new("preventive resin")
        .include_deleted(true)
        .run()
        .map(|p| p.code().to_string())
        .collect();
    assert!(with_deleted.contains(&"D1352".to_string()));
}

#[test]
fn no_match_and_odd_input_return_nothing() {
    for query in [
        "",
        "   ",
        "!!! ??? ...",
        "zzzzqqqq",
        "apexification zzzzqqqq",
        "ŝŭpeŕ ñøñ-äšçïï",
        "🦷🦷🦷",
        "\0\u{7f}\u{202e}",
    ] {
        assert_eq!(cdt_codes::search(query).count(), 0, "{query:?}");
    }
    let long = "apexification ".repeat(10_000);
    let _ = cdt_codes::search(&long).count();
    let long_word = "a".repeat(100_000);
    assert_eq!(cdt_codes::search(&long_word).count(), 0);
}

#[test]
fn ranges_are_sub_slices() {
    let start: CdtCode = "D3300".parse().unwrap();
    let end: CdtCode = "D3399".parse().unwrap();
    let slice = cdt_codes::range(start..=end);
    assert!(slice.clone().all(|p| (start..=end).contains(&p.code())));
    assert!(slice.clone().any(|p| p.code() == "D3330".parse().unwrap()));
    assert_eq!(cdt_codes::range(end..start).len(), 0);
    assert_eq!(cdt_codes::range(..).len(), cdt_codes::iter().len());
}

#[test]
fn subcategories_of_a_category_and_of_a_code() {
    let endo = cdt_codes::CodeSet::compiled().subcategories_of(Category::Endodontics);
    assert!(endo.clone().all(|s| s.category() == Category::Endodontics));
    assert!(endo.clone().any(|s| s.name() == "Pulpotomy"));
    let apex = cdt_codes::lookup("D3352").unwrap().subcategory().unwrap();
    assert!(apex.name().contains("Apexification"));
    assert_eq!(apex.category(), Category::Endodontics);
    let related: Vec<String> = cdt_codes::lookup("D3352")
        .unwrap()
        .related()
        .map(|p| p.code().to_string())
        .collect();
    assert!(related.contains(&"D3351".to_string()) && related.contains(&"D3353".to_string()));
    assert!(!related.contains(&"D3352".to_string()));
}
