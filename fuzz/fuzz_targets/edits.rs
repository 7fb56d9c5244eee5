//! `cdt_codes::claims::conflicts` over arbitrary sequences of claim lines.
//!
//! Input: 6 bytes per line (at most 40 lines), then nothing else:
//! code (one of every code that starts or ends a range in a claim-level
//! rule, its first or second side or its exceptions, plus a few codes no
//! rule names), date (one of 6 dates, two of them a day apart), tooth 1,
//! tooth 2 (0 for none; else one of the 32 permanent and 20 primary
//! teeth), surfaces (a bit per surface), area (one of the 14 areas, or
//! none). Each line's `index` is `1000 + 7 * position`, so indices are
//! distinct and not positions. A final odd byte, if any, picks the
//! rotation of the second order tried.
//!
//! Properties:
//! - never panics; `conflicts` = `conflicts_matching(.., |_| true)`;
//! - every conflict names only indices of the input lines, ascending and
//!   distinct, at least two of them; each named line's code is one the
//!   rule involves; a rule that needs a second side names a line on its
//!   first side and another line on its second side;
//! - each conflict is reported once: no two with the same rule and lines,
//!   and the conflicts of one rule share no line (linked lines form one
//!   conflict);
//! - the result, as a set of (rule id, line indices), is the same for the
//!   lines reversed and rotated;
//! - filtering by rule (`conflicts_matching` with the confirmed rules
//!   only) gives conflicts of confirmed rules only.

#![no_main]

use std::collections::BTreeSet;
use std::sync::OnceLock;

use cdt_codes::claims::{conflicts, conflicts_matching, rules, Conflict, EditLine};
use cdt_codes::teeth::{Area, Surface, Tooth};
use cdt_codes::{CdtCode, ServiceDate};
use libfuzzer_sys::fuzz_target;

fn codes() -> &'static [CdtCode] {
    static CODES: OnceLock<Vec<CdtCode>> = OnceLock::new();
    CODES.get_or_init(|| {
        let mut codes = BTreeSet::new();
        for rule in rules() {
            for &(low, high) in rule.codes().iter().chain(rule.with()).chain(rule.except()) {
                codes.insert(low);
                codes.insert(high);
            }
        }
        for extra in ["D0120", "D1110", "D2740", "D9999", "D0999"] {
            codes.insert(extra.parse().unwrap());
        }
        codes.into_iter().collect()
    })
}

fn tooth(byte: u8) -> Option<Tooth> {
    match byte % 53 {
        0 => None,
        n @ 1..=32 => Tooth::permanent(n),
        n => Tooth::primary(char::from(b'A' + n - 33)),
    }
}

fn line(position: usize, bytes: &[u8]) -> EditLine {
    let codes = codes();
    let code = codes[usize::from(bytes[0]) % codes.len()];
    let dates = [
        (2026, 3, 2),
        (2026, 3, 3),
        (2026, 3, 2),
        (2025, 12, 31),
        (2026, 6, 30),
        (2024, 2, 29),
    ];
    let (y, m, d) = dates[usize::from(bytes[1]) % dates.len()];
    let date = ServiceDate::new(y, m, d).unwrap();
    let mut line = EditLine::new(1000 + 7 * position, code, date);
    for byte in [bytes[2], bytes[3]] {
        if let Some(tooth) = tooth(byte) {
            line = line.with_tooth(tooth);
        }
    }
    let surfaces = Surface::ALL
        .iter()
        .enumerate()
        .filter(|(bit, _)| bytes[4] & (1 << bit) != 0)
        .map(|(_, &surface)| surface)
        .collect();
    line = line.with_surfaces(surfaces);
    if let Some(&area) = Area::ALL.get(usize::from(bytes[5]) % 16) {
        line = line.with_area(area);
    }
    line
}

fn as_set(found: &[Conflict]) -> BTreeSet<(&'static str, Vec<usize>)> {
    found
        .iter()
        .map(|conflict| (conflict.rule().id(), conflict.lines().to_vec()))
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let lines: Vec<EditLine> = data
        .chunks_exact(6)
        .take(40)
        .enumerate()
        .map(|(position, bytes)| line(position, bytes))
        .collect();
    let found = conflicts(&lines);
    assert_eq!(found, conflicts_matching(&lines, |_| true));

    let by_index = |index: usize| lines.iter().find(|line| line.index == index);
    for conflict in &found {
        let rule = conflict.rule();
        let named = conflict.lines();
        assert!(named.len() >= 2, "{conflict}: fewer than two lines");
        assert!(
            named.windows(2).all(|pair| pair[0] < pair[1]),
            "{conflict}: lines not ascending and distinct"
        );
        let named_lines: Vec<&EditLine> = named
            .iter()
            .map(|&index| {
                by_index(index)
                    .unwrap_or_else(|| panic!("{conflict}: line {index} not in the input"))
            })
            .collect();
        for line in &named_lines {
            assert!(
                rule.involves(line.code),
                "{conflict}: {} not in the rule",
                line.code
            );
        }
        if rule.kind().needs_second_side() {
            let first: Vec<usize> = named_lines
                .iter()
                .filter(|line| rule.first_side(line.code))
                .map(|line| line.index)
                .collect();
            let second: Vec<usize> = named_lines
                .iter()
                .filter(|line| rule.second_side(line.code))
                .map(|line| line.index)
                .collect();
            assert!(
                first.iter().any(|a| second.iter().any(|b| a != b)),
                "{conflict}: not two sides ({first:?} / {second:?})"
            );
        }
        assert!(!conflict.to_string().is_empty());
    }
    // Once each; one rule's conflicts share no line.
    let set = as_set(&found);
    assert_eq!(set.len(), found.len(), "a conflict reported twice");
    for (at, a) in found.iter().enumerate() {
        for b in &found[at + 1..] {
            if a.rule().id() == b.rule().id() {
                assert!(
                    !a.lines().iter().any(|line| b.lines().contains(line)),
                    "{a} and {b}: one rule, linked lines in two conflicts"
                );
            }
        }
    }
    // The order of the lines does not matter.
    let mut reversed = lines.clone();
    reversed.reverse();
    assert_eq!(as_set(&conflicts(&reversed)), set, "reversed");
    if !lines.is_empty() {
        let turn = usize::from(data.last().copied().unwrap_or(0)) % lines.len();
        let mut rotated = lines.clone();
        rotated.rotate_left(turn);
        assert_eq!(as_set(&conflicts(&rotated)), set, "rotated by {turn}");
    }
    // Only the rules asked for.
    for conflict in conflicts_matching(&lines, |rule| rule.is_confirmed()) {
        assert!(conflict.rule().is_confirmed());
    }
});
