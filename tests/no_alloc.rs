//! Every lookup path runs without touching the heap, a search of one
//! word's list makes no allocation and any other at most two (its list of
//! matched records and the ranked result, or its merge), checked with a counting global allocator. One test in this binary, so no
//! other test thread allocates while it measures.

use cdt_codes::{Category, CdtCode, ServiceDate};
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};
use std::alloc::System;
use std::hint::black_box;

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

#[test]
fn lookup_paths_do_not_allocate() {
    // Inputs are prepared before measuring.
    let hits: Vec<String> = cdt_codes::iter().map(|p| p.code().to_string()).collect();
    let odd = [
        "", "D", "hello", " d3353 ", "D33a3", "D0000", "Ｄ3353", "D33533",
    ];
    let codes: Vec<CdtCode> = (0..=9999).filter_map(CdtCode::new).collect();
    let date = ServiceDate::new(2026, 1, 1).unwrap();
    let from = cdt_codes::Edition::new(2013).unwrap();
    let to = cdt_codes::Edition::new(2026).unwrap();

    // The counters are process-wide, so the test harness's own threads can
    // add an allocation now and then; a real allocation on a lookup path
    // shows in every attempt, so one clean attempt of three settles it.
    let mut attempts = Vec::new();
    let mut clean = false;
    for _ in 0..3 {
        let region = Region::new(GLOBAL);
        let mut found = 0usize;
        for text in hits.iter().map(String::as_str).chain(odd) {
            found += usize::from(cdt_codes::lookup(black_box(text)).is_some());
            found += usize::from(CdtCode::parse(black_box(text)).is_ok());
            found += usize::from(cdt_codes::validity(black_box(text), date).is_valid());
        }
        for &code in &codes {
            found += usize::from(cdt_codes::get(black_box(code)).is_some());
            found += usize::from(Category::of(black_box(code)).is_some());
            found += usize::from(
                cdt_codes::get(black_box(code))
                    .and_then(|p| p.subcategory())
                    .is_some(),
            );
        }
        for category in Category::ALL {
            let set = cdt_codes::CodeSet::compiled();
            found += set
                .category(category)
                .filter(cdt_codes::Procedure::is_active)
                .count();
            found += set.subcategories_of(category).len();
        }
        found += cdt_codes::iter()
            .filter(|p| p.related().count() > 0)
            .count();
        found += cdt_codes::changes(from, to).map_or(0, Iterator::count);
        let stats = region.change();
        assert!(found > 0);
        attempts.push(stats);
        if stats.allocations == 0 && stats.reallocations == 0 {
            clean = true;
            break;
        }
    }
    assert!(clean, "every attempt allocated: {attempts:?}");

    // Search: the word index, the vocabulary and the slip index are read
    // in place, so a query allocates only its two lists, whatever kind of
    // term it has (and fewer when it matches nothing).
    #[cfg(feature = "alloc")]
    for query in [
        "root canal molar",
        "apexification",
        "apexif",
        "extration",
        "D3330",
        "night guard",
        "bite wing",
        "xray",
        "deep cleaning 4 teeth",
        "zzzz",
        "crown",
        "tooth",
        "wisdom teeth removal",
        "D0360",
        "D27",
    ] {
        let fewest = (0..3)
            .map(|_| {
                let region = Region::new(GLOBAL);
                let matches = cdt_codes::search(black_box(query));
                let stats = region.change();
                drop(black_box(matches));
                stats.allocations
            })
            .min();
        assert!(fewest <= Some(2), "{query:?}: {fewest:?} allocations");
        // A query of one word with one list is read from that list in
        // place: no allocation at all.
        if ["apexification", "crown", "zzzz"].contains(&query) {
            assert_eq!(fewest, Some(0), "{query:?}: a one-list query allocated");
        }
        // Reading the results, in order from either end, allocates nothing
        // more: they are put in order in place.
        let fewest = (0..3)
            .map(|_| {
                let mut matches = cdt_codes::search(black_box(query));
                let region = Region::new(GLOBAL);
                let mut read = 0;
                read += matches.by_ref().take(10).count();
                read += usize::from(matches.next_back().is_some());
                read += matches.count();
                let stats = region.change();
                black_box(read);
                stats.allocations + stats.reallocations
            })
            .min();
        assert_eq!(fewest, Some(0), "{query:?}: reading allocated");
    }
}
