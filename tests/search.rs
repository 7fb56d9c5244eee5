//! Search, ranges and subcategory browsing against known codes.

#![cfg(feature = "std")]

use cdt_codes::{Category, CdtCode, CodeSet, Query};

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

fn first(query: &str) -> String {
    cdt_codes::search(query)
        .next()
        .map(|p| p.code().to_string())
        .unwrap_or_default()
}

/// The codes of the first three results.
fn top_three(query: &str) -> Vec<String> {
    Query::new(query)
        .limit(3)
        .run()
        .map(|p| p.code().to_string())
        .collect()
}

#[test]
fn the_issue_queries_find_what_a_biller_means() {
    assert!(first("crowns").starts_with("D27"), "{}", first("crowns"));
    assert!(
        first("dentures").starts_with("D51"),
        "{}",
        first("dentures")
    );
    // The commonest filling (one-surface posterior composite), not merely
    // some restorative code.
    assert_eq!(first("fillings"), "D2391");
    assert_eq!(first("4 bitewings"), "D0274");
    assert_eq!(first("four bitewings"), "D0274");
    // Four or more teeth per quadrant, not D4342 or D4346.
    assert_eq!(first("SRP"), "D4341");
    assert_eq!(first("fmx"), "D0210");
    assert_eq!(first("extractions"), first("extraction"));
    assert!(!codes("xray").is_empty());
    assert_eq!(codes("xray"), codes("x-ray"));
    assert_eq!(codes("x ray"), codes("x-ray"));
    assert_eq!(first("wisdom tooth"), first("wisdom teeth"));
    assert_eq!(first("laughing gas"), "D9230");
}

/// The README's search example.
#[test]
fn readme_examples() {
    let best = |query: &str| cdt_codes::search(query).next().unwrap().code().to_string();
    assert_eq!(best("4 bitewings"), "D0274");
    assert_eq!(best("srp 4 teeth"), "D4341");
    // A full bony impaction, the wisdom tooth extraction the quality set
    // wants first (ahead of D7220 and D7230 by commonness).
    assert_eq!(best("wisdom teeth"), "D7240");
    assert_eq!(best("3330"), "D3330");
    let top: Vec<_> = Query::new("deep cleaning 4 teeth")
        .limit(3)
        .run()
        .scored()
        .collect();
    assert_eq!(top.len(), 3);
    assert_eq!(top[0].procedure.code().to_string(), "D4341");
}

#[test]
fn codes_in_a_query_come_first() {
    for query in ["D3330", "d3330", "3330", " D3330 molar"] {
        assert_eq!(first(query), "D3330", "{query}");
    }
    let prefixed = codes("D33");
    assert!(prefixed.len() > 5);
    let in_d33 = prefixed.iter().take_while(|c| c.starts_with("D33")).count();
    assert_eq!(
        in_d33,
        cdt_codes::iter()
            .filter(|p| p.is_active() && p.code().to_string().starts_with("D33"))
            .count()
    );
}

#[test]
fn complete_matches_rank_above_partial_ones() {
    let results: Vec<_> = cdt_codes::search("root canal molar").scored().collect();
    assert_eq!(results[0].procedure.code().to_string(), "D3330");
    let complete = results.iter().take_while(|m| m.score.is_complete()).count();
    assert!(complete >= 1);
    assert!(results[complete..].iter().all(|m| !m.score.is_complete()));
    assert!(results.len() > complete, "partial matches are results too");
    assert!(results
        .windows(2)
        .all(|pair| pair[0].score >= pair[1].score));
}

#[test]
fn a_typo_is_found_but_ranks_below_the_word() {
    let exact = cdt_codes::search("sealant").scored().next().unwrap();
    let typo = cdt_codes::search("sealent").scored().next().unwrap();
    assert_eq!(exact.procedure.code().to_string(), "D1351");
    assert_eq!(typo.procedure, exact.procedure);
    assert!(typo.score.points() < exact.score.points());
    assert_eq!(first("extration"), first("extraction"));
}

#[test]
fn limit_keeps_the_best() {
    let all = codes("crown");
    let top: Vec<String> = Query::new("crown")
        .limit(5)
        .run()
        .map(|p| p.code().to_string())
        .collect();
    assert_eq!(top, all[..5]);
    assert_eq!(Query::new("crown").limit(0).run().len(), 0);
}

#[test]
fn a_loaded_set_searches_like_the_compiled_one() {
    let data = cdt_codes::dataset::Dataset::bundled().unwrap();
    let loaded = CodeSet::from_dataset(&data, cdt_codes::DataSource::Bundled).unwrap();
    for query in [
        "crowns",
        "srp",
        "D33",
        "night gard",
        "4 bitewings",
        "xray",
        "zz",
    ] {
        let compiled: Vec<String> = codes(query);
        let other: Vec<String> = loaded.search(query).map(|p| p.code().to_string()).collect();
        assert_eq!(compiled, other, "{query}");
    }
    // Every quality query, scores and deleted codes included: the loaded
    // set builds its word and term tables, vocabulary hits and slip index
    // at run time with the code build.rs runs, and must rank alike.
    let scored = |set: &CodeSet, query: &str| -> Vec<String> {
        Query::new(query)
            .include_deleted(true)
            .run_in(set)
            .scored()
            .map(|m| format!("{} {}", m.procedure.code(), m.score))
            .collect()
    };
    let queries = include_str!("fixtures/search_queries.tsv");
    let mut compared = 0;
    for query in queries
        .lines()
        .skip(1)
        .filter_map(|line| line.split('\t').next())
    {
        assert_eq!(
            scored(CodeSet::compiled(), query),
            scored(&loaded, query),
            "{query}"
        );
        compared += 1;
    }
    assert!(compared > 200);
}

#[test]
fn licensed_nomenclature_is_searched() {
    let file =
        "code,nomenclature\nD0120,periodic visit zqxj (test text)\nD9999,unlisted zqxj thing\n";
    let set = CodeSet::load(
        "2027.csv",
        file.as_bytes(),
        cdt_codes::Edition::new(2027).unwrap(),
    )
    .unwrap();
    let found: Vec<String> = set
        .search("zqxj visits")
        .map(|p| p.code().to_string())
        .collect();
    assert_eq!(found.first().map(String::as_str), Some("D0120"));
    assert!(found.contains(&"D9999".to_string()));
}

#[test]
fn whole_word_matches_rank_before_prefix_matches() {
    // "guard" is a whole word in the occlusal guard codes.
    let results: Vec<_> = cdt_codes::search("night guard").collect();
    assert!(!results.is_empty());
    assert!(results
        .iter()
        .all(|p| p.description().to_lowercase().contains("night guard")));
    // "post" is a whole word in the post and core codes and the start of
    // "posterior" in many others: every description holding the word
    // comes before every one holding only a longer word it begins (and
    // no heading or category name holding the word).
    let has_word = |p: &cdt_codes::Procedure<'_>| {
        cdt_codes_words(p.description())
            .iter()
            .any(|w| w == "post" || w == "posts")
    };
    let context_has_word = |p: &cdt_codes::Procedure<'_>| {
        let heading = p.subcategory().map(|s| s.name()).unwrap_or_default();
        cdt_codes_words(&format!("{heading} {}", p.category().name()))
            .iter()
            .any(|w| w == "post" || w == "posts")
    };
    let results: Vec<_> = cdt_codes::search("post").collect();
    let whole: Vec<usize> = (0..results.len())
        .filter(|&at| has_word(&results[at]))
        .collect();
    let prefix_only: Vec<usize> = (0..results.len())
        .filter(|&at| {
            let p = &results[at];
            !has_word(p)
                && !context_has_word(p)
                && cdt_codes_words(p.description())
                    .iter()
                    .any(|w| w.starts_with("post"))
        })
        .collect();
    assert!(whole.len() >= 2, "{whole:?}");
    assert!(prefix_only.len() >= 5, "{prefix_only:?}");
    assert!(
        whole.last() < prefix_only.first(),
        "whole {whole:?} prefix {prefix_only:?}"
    );
}

fn cdt_codes_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
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
        "ŝŭpeŕ ñøñ-äšçïï",
        "🦷🦷🦷",
        "\0\u{7f}\u{202e}",
    ] {
        assert_eq!(cdt_codes::search(query).count(), 0, "{query:?}");
    }
    let long = "apexification ".repeat(10_000);
    assert_eq!(first(&long), "D3351");
    let mixed = "x1y-ray ünï 🦷 d99 0000 ".repeat(2_000);
    let _ = cdt_codes::search(&mixed).count();
    // Unknown words leave the known ones to rank, incompletely.
    let partial: Vec<_> = cdt_codes::search("apexification zzzzqqqq")
        .scored()
        .collect();
    assert_eq!(partial.len(), 3);
    assert!(partial.iter().all(|m| !m.score.is_complete()));
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

/// The first result of the commonest procedures, as billers name them, is
/// the code billed most often or close to it: the common code is in the
/// top three.
#[test]
fn common_procedures_put_the_common_code_in_the_top_three() {
    for (query, code) in [
        ("crown", "D2740"),
        ("crowns", "D2750"),
        ("bridge", "D6240"),
        ("bridge", "D6750"),
        ("filling", "D2391"),
        ("cleaning", "D1110"),
        ("x-ray", "D0220"),
        ("xrays", "D0210"),
        ("implant", "D6010"),
        ("denture", "D5110"),
        ("extraction", "D7140"),
        ("pulled tooth", "D7140"),
        ("bone graft", "D7953"),
        ("wisdom teeth removal", "D7240"),
        ("night guard", "D9944"),
        ("braces", "D8080"),
    ] {
        let top = top_three(query);
        assert!(top.contains(&code.to_string()), "{query}: {top:?}");
    }
    // `search crown` puts a porcelain/ceramic crown first.
    assert_eq!(first("crown"), "D2740");
    // `bone graft` puts a bone graft first (the socket graft billed most),
    // not the jaw resection whose description says grafts are billed apart.
    assert_eq!(first("bone graft"), "D7953");
    // The hard full-arch guard, the one billing guides call the usual
    // night guard, before the cleaning and relining of a guard.
    assert_eq!(first("night guard"), "D9944");
    // Full braces for a teenager, the orthodontic code billed most; an
    // adult's full treatment when the query says so.
    assert_eq!(first("braces"), "D8080");
    assert_eq!(first("adult braces"), "D8090");
}

/// Everyday words around a procedure find it: `dental` is dropped when
/// other words name the procedure (it is in a few descriptions only, so it
/// outranked them: `dental bridge` listed a 3D-printed model first), and
/// lay words and shorthand (`kids`, `false teeth`, `toothache`, `cavity
/// filling`, `baby root canal`, `comp exam`, `temp filling`) reach the
/// codes they mean. Alone, `dental` is still searched for.
#[test]
fn everyday_words_around_a_procedure_find_it() {
    for (query, code) in [
        ("dental bridge", "D6240"),
        ("dental filling", "D2391"),
        ("dental crown", "D2740"),
        ("dental implant", "D6010"),
        ("cavity filling", "D2391"),
        ("false teeth", "D5110"),
        ("toothache", "D0140"),
        ("baby root canal", "D3230"),
        ("comp exam", "D0150"),
        ("implant supported denture", "D6110"),
        ("arestin", "D4381"),
    ] {
        let top = top_three(query);
        assert!(top.contains(&code.to_string()), "{query}: {top:?}");
    }
    // The child's cleaning first, not the adult's.
    assert_eq!(first("cleaning kids"), "D1120");
    // A temporary filling, not a temporary denture.
    assert_eq!(first("temporary filling"), "D2940");
    assert_eq!(first("temp filling"), "D2940");
    assert_eq!(first("dental"), "D0396");
}

/// Billers often type a code's name as the code set words it (`oral
/// evaluation`, `endodontic therapy`, `implant body`), words the bundled
/// descriptions (our own) do not use: the vocabulary bridges them.
#[test]
fn billing_names_of_procedures_find_their_code() {
    for (query, code) in [
        ("comprehensive oral evaluation", "D0150"),
        ("comprehensive periodontal evaluation", "D0180"),
        ("endodontic therapy molar tooth", "D3330"),
        (
            "surgical placement of implant body endosteal implant",
            "D6010",
        ),
    ] {
        assert_eq!(first(query), code, "{query}");
    }
}

/// The commonness prior orders near-ties only: it never drops a match, and
/// never lifts a record over one that matches more of the query's terms.
#[test]
fn commonness_orders_without_hiding() {
    for query in [
        "crown",
        "bridge",
        "extraction",
        "filling",
        "crown molar zzzz",
    ] {
        let scored: Vec<_> = cdt_codes::search(query).scored().collect();
        assert!(scored
            .windows(2)
            .all(|pair| pair[0].score.matched() >= pair[1].score.matched()));
        // The same records as a scan of the descriptions for the words'
        // stems finds at least (nothing left out).
        let codes: Vec<String> = scored
            .iter()
            .map(|m| m.procedure.code().to_string())
            .collect();
        for p in cdt_codes::iter().filter(cdt_codes::Procedure::is_active) {
            let words = cdt_codes_words(p.description());
            let word = query.split(' ').next().unwrap();
            if words.iter().any(|w| w == word) {
                assert!(
                    codes.contains(&p.code().to_string()),
                    "{query}: {}",
                    p.code()
                );
            }
        }
    }
    // Resin crowns (not listed as common) are still found.
    assert!(codes("crown").contains(&"D2710".to_string()));
}

/// A code query names a deleted code: it is found, marked deleted, with
/// its replacement; word queries and code prefixes leave deleted codes out.
#[test]
fn a_deleted_code_is_found_by_its_code() {
    let found: Vec<_> = cdt_codes::search("D0360").collect();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].code().to_string(), "D0360");
    assert!(!found[0].is_active());
    let prr = cdt_codes::search("d1352").next().unwrap();
    assert!(!prr.is_active());
    assert_eq!(
        prr.replaced_by()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["D2391"]
    );
    assert!(cdt_codes::search("cone beam").all(|p| p.is_active()));
    assert!(!codes("D03").contains(&"D0360".to_string()));
    assert!(!codes("preventive resin").contains(&"D1352".to_string()));
}

/// Taking the first few results gives what ranking all of them gives, from
/// either end and in any mix.
#[test]
fn results_read_lazily_keep_the_full_order() {
    for query in [
        "crown",
        "implant",
        "denture",
        "x-ray",
        "bridge",
        "tooth",
        "d",
        "apexification",
        "zz",
    ] {
        let all: Vec<String> = codes(query);
        for k in [0, 1, 3, 10, 16, 17, 40, 500] {
            let first: Vec<String> = cdt_codes::search(query)
                .take(k)
                .map(|p| p.code().to_string())
                .collect();
            assert_eq!(first, all[..k.min(all.len())], "{query} {k}");
        }
        let mut reversed: Vec<String> = cdt_codes::search(query)
            .rev()
            .map(|p| p.code().to_string())
            .collect();
        reversed.reverse();
        assert_eq!(reversed, all, "{query}");
        // Alternating ends.
        let mut matches = cdt_codes::search(query);
        let (mut front, mut back) = (Vec::new(), Vec::new());
        while let Some(p) = matches.next() {
            front.push(p.code().to_string());
            assert_eq!(matches.len(), all.len() - front.len() - back.len());
            if let Some(p) = matches.next_back() {
                back.push(p.code().to_string());
            }
        }
        back.reverse();
        front.extend(back);
        assert_eq!(front, all, "{query}");
        // A limit keeps the same first results.
        let limited: Vec<String> = Query::new(query)
            .limit(7)
            .run()
            .map(|p| p.code().to_string())
            .collect();
        assert_eq!(limited, all[..7.min(all.len())], "{query}");
    }
}

/// A query of words and vocabulary terms is read in order from the
/// index's ranked lists (`search(q)`); with a limit every match is scored
/// and sorted instead. Both give the same results with the same scores,
/// from either end, with and without deleted codes: every word of every
/// description, the start of each, two and three words in a row, and
/// everyday queries.
#[test]
fn reading_in_order_matches_scoring_every_match() {
    let mut queries: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    for (at, procedure) in cdt_codes::iter().enumerate() {
        let words: Vec<String> = procedure
            .description()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| word.len() > 1)
            .map(str::to_lowercase)
            .collect();
        for word in &words {
            if let Some((cut, _)) = word.char_indices().nth(3) {
                queries.insert(word[..cut].to_string());
            }
            queries.insert(word.clone());
        }
        if at % 3 == 0 {
            for pair in words.windows(2).step_by(2) {
                queries.insert(pair.join(" "));
            }
            for triple in words.windows(3).step_by(3) {
                queries.insert(triple.join(" "));
            }
        }
    }
    queries.extend(
        [
            "night guard",
            "root canal",
            "deep cleaning",
            "deep cleaning 4 teeth",
            "x-ray",
            "bone graft",
            "fmx",
            "pano",
            "sealant",
            "filling",
            "implant",
            "tooth",
            "teeth",
            "den",
            "extration",
            "crown porcelain",
            "wisdom teeth removal",
            "white filling back tooth",
            "root canal molar",
            "pfm crown",
            "tooth crown",
            "zzzz crown",
        ]
        .map(String::from),
    );
    assert!(queries.len() > 2_000, "{}", queries.len());
    for query in &queries {
        for deleted in [false, true] {
            let merged = || Query::new(query).include_deleted(deleted).run();
            let sorted = || {
                Query::new(query)
                    .include_deleted(deleted)
                    .limit(1 << 20)
                    .run()
            };
            let read = |matches: cdt_codes::Matches<'static>| -> Vec<(String, u32)> {
                matches
                    .scored()
                    .map(|m| (m.procedure.code().to_string(), m.score.points()))
                    .collect()
            };
            let want = read(sorted());
            assert_eq!(merged().len(), want.len(), "{query:?}");
            assert_eq!(read(merged()), want, "{query:?}");
            let mut backwards: Vec<_> = merged()
                .scored()
                .rev()
                .map(|m| (m.procedure.code().to_string(), m.score.points()))
                .collect();
            backwards.reverse();
            assert_eq!(backwards, want, "{query:?} from the back");
            // Both ends at once meet in the middle.
            let mut both = merged();
            let (mut front, mut back) = (Vec::new(), Vec::new());
            while let Some(first) = both.next() {
                front.push(first.code().to_string());
                let Some(last) = both.next_back() else { break };
                back.push(last.code().to_string());
            }
            back.reverse();
            front.extend(back);
            let codes: Vec<String> = want.into_iter().map(|(code, _)| code).collect();
            assert_eq!(front, codes, "{query:?} from both ends");
        }
    }
}

/// A query of one word of letters is planned on a path of its own (no
/// window of words to fill); a space before and after sends the same word
/// the general way. The two agree, scores and order, on every word of the
/// descriptions, its first four letters, upper case, stop words, slips and
/// words the data lacks, with and without deleted codes.
#[test]
fn a_lone_word_ranks_as_it_does_between_spaces() {
    let mut words: Vec<String> = cdt_codes::iter()
        .flat_map(|p| {
            p.description()
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|word| !word.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    words.extend(
        [
            "the",
            "a",
            "of",
            "APEXIFICATION",
            "Crown",
            "bitewi",
            "extration",
            "xray",
            "nightguard",
            "sealent",
            "removal",
            "zzzz",
            "d",
            "D",
        ]
        .map(String::from),
    );
    words.sort();
    words.dedup();
    assert!(words.len() > 500, "{} words", words.len());
    for word in &words {
        let short = word.get(..4).unwrap_or(word);
        for query in [word.as_str(), short] {
            let spaced = format!(" {query} ");
            for deleted in [false, true] {
                let lone: Vec<_> = Query::new(query)
                    .include_deleted(deleted)
                    .run()
                    .scored()
                    .collect();
                let general: Vec<_> = Query::new(&spaced)
                    .include_deleted(deleted)
                    .run()
                    .scored()
                    .collect();
                assert_eq!(lone, general, "{query:?}, deleted {deleted}");
            }
        }
    }
}

/// A vocabulary row whose term is its own expansion (`x-ray`, `fluoride
/// varnish`, `crown lengthening` in `data/synonyms.tsv`) makes its words one
/// term: a record matches when it holds every word, as for any other
/// vocabulary phrase. The three spellings of an x-ray are one term alike.
#[test]
fn a_term_that_is_its_own_expansion_is_one_term() {
    for query in [
        "x-ray",
        "x ray",
        "fluoride varnish",
        "crown lengthening",
        "pulp cap",
    ] {
        let matches = cdt_codes::search(query);
        assert_eq!(matches.terms(), 1, "{query:?}");
        assert!(
            matches.scored().all(|m| m.score.is_complete()),
            "{query:?}: every match holds every word"
        );
    }
    assert_eq!(first("fluoride varnish"), "D1206");
    assert_eq!(first("crown lengthening"), "D4249");
    let words = codes("x-ray");
    assert_eq!(words, codes("x ray"));
    assert!(words.len() >= 20, "{words:?}");
    // No description that speaks of an x-ray is left out.
    for procedure in cdt_codes::iter().filter(cdt_codes::Procedure::is_active) {
        let text = procedure.description().to_lowercase();
        if text.contains("x-ray") || text.contains("x ray") {
            let code = procedure.code().to_string();
            assert!(words.contains(&code), "{code}: {text}");
        }
    }
}

/// A word the stemmer reads as another word (`teeth` as `tooth`, `four` as
/// `4`) was typed whole: a person typing `teeth` is not part way through
/// `toothless`, so the last word of a query does not stand for the longer
/// words its stem begins, as a word typed part way does (`tooth` still
/// finds `toothless`).
#[test]
fn a_word_stemmed_to_another_is_not_read_as_typed_part_way() {
    let holds = |code: &str, word: &str| {
        cdt_codes::lookup(code)
            .unwrap()
            .description()
            .to_lowercase()
            .contains(word)
    };
    // D6110, an overdenture on implants, is described as for a toothless
    // arch, and holds no other form of the word.
    assert!(holds("D6110", "toothless") && !holds("D6110", "teeth"));
    let tooth = codes("tooth");
    let teeth = codes("teeth");
    assert!(tooth.contains(&"D6110".to_string()), "{tooth:?}");
    assert!(!teeth.contains(&"D6110".to_string()), "{teeth:?}");
    // Every record `teeth` finds, `tooth` finds too.
    assert!(teeth.iter().all(|code| tooth.contains(code)));
    assert!(
        !codes("deep cleaning 4 teeth").contains(&"D6110".to_string()),
        "an overdenture for a toothless arch is no deep cleaning"
    );
}

/// `cone beam` is what a front desk calls a CBCT scan (cone beam computed
/// tomography); the radiation cone locator (D5985) holds both words in
/// another sense and comes after the scans.
#[test]
fn cone_beam_finds_the_cbct_scans_first() {
    let found = top_three("cone beam");
    assert!(
        found.iter().all(|code| code.starts_with("D03")),
        "{found:?}"
    );
    assert!(codes("cone beam").contains(&"D5985".to_string()));
}

/// `take out` is a lay word for an extraction (`data/synonyms.tsv`): the
/// simple extraction comes first, not a code whose description happened to
/// say it takes something out. Those codes are found by what they remove.
#[test]
fn take_out_finds_an_extraction_first() {
    assert_eq!(first("take out"), "D7140");
    assert_eq!(first("remove membrane"), "D4286");
    assert_eq!(first("remove temporary implant crown"), "D6198");
}

/// `regular cleaning` is a routine cleaning (`data/synonyms.tsv`): the
/// prophylaxis comes first, not periodontal maintenance.
#[test]
fn regular_cleaning_finds_the_prophylaxis_first() {
    assert_eq!(first("regular cleaning"), "D1110");
    assert_eq!(first("perio maintenance"), "D4910");
}

/// A `digital impression` is an intraoral scan (`data/synonyms.tsv`), the
/// direct scan of the teeth in the mouth (D0801): it comes first, before
/// the indirect scan of an impression or model (D0802), which is still
/// found. (Both hold the two words now, so they tie on points and the
/// code order puts D0801 first; before, D0802 held them and D0801 only
/// the expansion.)
#[test]
fn digital_impression_finds_the_intraoral_scan_first() {
    assert_eq!(first("digital impression"), "D0801");
    assert!(codes("digital impression").contains(&"D0802".to_string()));
    assert!(codes("intraoral scan").contains(&"D0801".to_string()));
}
