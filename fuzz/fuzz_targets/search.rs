//! Ranked search: `cdt_codes::search(&str)`,
//! `cdt_codes::Query::new(q).include_deleted(..).limit(..).run()` and
//! `CodeSet::search`.
//!
//! The first input byte chooses whether deleted codes are included and a
//! limit (0 to 15, or none); the rest is the query.
//!
//! Properties:
//! - nothing panics, whatever the query (huge, odd Unicode, codes);
//! - `search(q)` equals `Query::new(q).run()` and `CodeSet::compiled().search(q)`;
//! - `len()` and `rev()` agree with forward iteration; `scored()` yields the
//!   same records;
//! - scores never increase down the list, and ties keep code order;
//! - every result matches at least one term, and no more terms than the
//!   query has;
//! - no duplicates; deleted codes only when included;
//! - `limit(n)` gives the first `n` results of the unlimited query.

#![no_main]

use std::collections::HashSet;

use cdt_codes::{CodeSet, Match, Query};
use libfuzzer_sys::fuzz_target;

/// A code's commonness tier, read from the data file itself (0 when it
/// does not list the code).
fn tier(code: &str) -> u8 {
    include_str!("../../data/commonness.tsv")
        .lines()
        .skip(1)
        .find_map(|line| {
            let mut fields = line.split('\t');
            (fields.next() == Some(code)).then(|| fields.next()?.parse().ok())?
        })
        .unwrap_or(0)
}

/// Whether a word of `text` is `code` (`D1352`, any case) or its digits.
fn names(text: &str, code: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|word| word.eq_ignore_ascii_case(code) || word == &code[1..])
}

fn codes(list: &[Match<'_>]) -> Vec<String> {
    list.iter()
        .map(|m| m.procedure.code().to_string())
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let include_deleted = mode & 1 == 1;
    let limit = (mode & 0x20 == 0x20).then_some(usize::from((mode >> 1) & 0x0F));

    let query = Query::new(&text).include_deleted(include_deleted);
    let matches = query.run();
    let length = matches.len();
    let terms = matches.terms();
    let forward: Vec<_> = matches.clone().collect();
    let reversed: Vec<_> = matches.clone().rev().collect();
    let scored: Vec<Match<'static>> = matches.scored().collect();
    assert_eq!(forward.len(), length, "len() of {text:?}");
    assert!(
        forward.iter().eq(reversed.iter().rev()),
        "rev() of {text:?}"
    );
    assert!(
        forward.iter().eq(scored.iter().map(|m| &m.procedure)),
        "scored() of {text:?}"
    );

    if !include_deleted {
        let other: Vec<_> = cdt_codes::search(&text).collect();
        assert_eq!(forward, other, "search() of {text:?}");
        let set: Vec<_> = CodeSet::compiled().search(&text).collect();
        assert_eq!(forward, set, "CodeSet::search of {text:?}");
    }

    let mut seen = HashSet::new();
    for m in &scored {
        let code = m.procedure.code();
        assert!(seen.insert(code), "{code} twice for {text:?}");
        // A deleted code only when asked for, or named in full (issue 26:
        // `D0360`, or its four digits, shown with what replaced it).
        assert!(
            include_deleted || m.procedure.is_active() || names(&text, &code.to_string()),
            "deleted {code} for {text:?}"
        );
        assert!(m.score.matched() >= 1, "{code} matched nothing of {text:?}");
        assert!(m.score.matched() <= terms && m.score.terms() == terms);
    }
    for pair in scored.windows(2) {
        assert!(pair[0].score >= pair[1].score, "order for {text:?}");
        // Shown points that tie still rank by the commonness bonus (issue
        // 26): only codes of one tier that tie keep code order.
        let (first, second) = (pair[0].procedure.code(), pair[1].procedure.code());
        if pair[0].score == pair[1].score && tier(&first.to_string()) == tier(&second.to_string()) {
            assert!(first < second, "ties in code order for {text:?}");
        }
    }

    if let Some(limit) = limit {
        let limited: Vec<Match<'static>> = query.limit(limit).run().scored().collect();
        let expected = &scored[..limit.min(scored.len())];
        assert_eq!(
            codes(&limited),
            codes(expected),
            "limit {limit} of {text:?}"
        );
    }
});
