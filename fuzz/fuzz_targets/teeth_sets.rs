//! `cdt_codes::teeth::ToothSet` on arbitrary text: single teeth, ranges
//! (`6-11`, `A-J`) and lists (`3,4,5`, `8 9 13`, `3-5;12`).
//!
//! Input: the text (lossily decoded).
//!
//! Properties:
//! - `ToothSet::parse` = `str::parse` and never panics; an error displays;
//! - a parsed set is not empty, its `Display` parses back to the same set,
//!   and so do its teeth joined with commas, with spaces and with
//!   semicolons; `len()` = the teeth iterated, in strictly increasing
//!   order, each `contains`ed;
//! - every item of the text (as the documented separators split it) is
//!   in the set: a tooth as `Tooth::parse` reads it, a range `a-b` as
//!   every tooth between its ends in Universal order (1-32, A-T), both
//!   ends included, within one dentition and one arch, none
//!   supernumerary; and the set holds nothing else;
//! - `ToothSet::range` of two teeth is `Ok` exactly when the model says
//!   so, and then holds exactly the model's teeth.

#![no_main]

use std::collections::BTreeSet;

use cdt_codes::teeth::{Tooth, ToothSet};
use libfuzzer_sys::fuzz_target;

/// A regular tooth's place in Universal order within its dentition:
/// 1-32 for permanent teeth, 1-20 for primary A-T.
fn universal(tooth: Tooth) -> Option<(bool, u8)> {
    if tooth.is_supernumerary() {
        return None;
    }
    match (tooth.number(), tooth.letter()) {
        (Some(number), _) => Some((false, number)),
        (None, Some(letter)) => Some((true, letter as u8 - b'A' + 1)),
        _ => None,
    }
}

/// The teeth from `from` to `to`, read from the Universal numbers alone.
fn model_range(from: Tooth, to: Tooth) -> Option<BTreeSet<Tooth>> {
    let (primary, low) = universal(from)?;
    let (other, high) = universal(to)?;
    if primary != other || low > high {
        return None;
    }
    // Upper arch: 1-16 (A-J); lower: 17-32 (K-T).
    let half = if primary { 10 } else { 16 };
    if (low <= half) != (high <= half) {
        return None;
    }
    let teeth = (low..=high)
        .map(|place| {
            if primary {
                Tooth::primary(char::from(b'A' + place - 1)).unwrap()
            } else {
                Tooth::permanent(place).unwrap()
            }
        })
        .collect();
    Some(teeth)
}

fn check_set(set: ToothSet) {
    assert!(!set.is_empty());
    let teeth: Vec<Tooth> = set.iter().collect();
    assert_eq!(teeth.len(), set.len());
    assert!(teeth.windows(2).all(|pair| pair[0] < pair[1]));
    assert!(teeth.iter().all(|&tooth| set.contains(tooth)));
    let shown = set.to_string();
    assert_eq!(ToothSet::parse(&shown), Ok(set), "{shown:?}");
    for separator in [",", ", ", " ", ";"] {
        let joined = teeth
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(separator);
        assert_eq!(ToothSet::parse(&joined), Ok(set), "{joined:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = ToothSet::parse(&text);
    assert_eq!(parsed, text.parse::<ToothSet>());
    match parsed {
        Err(error) => assert!(!error.to_string().is_empty()),
        Ok(set) => {
            check_set(set);
            // Every item is in the set, and nothing else.
            let mut expected = BTreeSet::new();
            for item in text
                .split([',', ';', ' ', '\t'])
                .filter(|item| !item.is_empty())
            {
                match item.split_once('-') {
                    None => {
                        expected.insert(Tooth::parse(item).expect("an accepted tooth"));
                    }
                    Some((from, to)) => {
                        let (from, to) = (
                            Tooth::parse(from).expect("an accepted range's start"),
                            Tooth::parse(to).expect("an accepted range's end"),
                        );
                        let range = model_range(from, to)
                            .unwrap_or_else(|| panic!("accepted range {item:?}"));
                        for tooth in &range {
                            let (primary, place) = universal(*tooth).unwrap();
                            assert_eq!(primary, universal(from).unwrap().0);
                            assert!(universal(from).unwrap().1 <= place);
                            assert!(place <= universal(to).unwrap().1);
                        }
                        expected.extend(range);
                    }
                }
            }
            let found: BTreeSet<Tooth> = set.iter().collect();
            assert_eq!(found, expected, "{text:?}");
        }
    }
    // Ranges between two teeth read from the first two bytes.
    if let [a, b, ..] = *data {
        let tooth = |byte: u8| {
            let index = byte % 104;
            match index {
                0..=31 => Tooth::permanent(index + 1),
                32..=63 => Tooth::from_number(index - 32 + 51),
                64..=83 => Tooth::primary(char::from(b'A' + index - 64)),
                _ => Tooth::primary(char::from(b'A' + index - 84)).map(Tooth::supernumerary),
            }
        };
        if let (Some(from), Some(to)) = (tooth(a), tooth(b)) {
            let range = ToothSet::range(from, to);
            match model_range(from, to) {
                None => assert!(range.is_err(), "{from}-{to}: {range:?}"),
                Some(teeth) => {
                    let set = range.expect("a model range");
                    assert_eq!(set.iter().collect::<BTreeSet<_>>(), teeth);
                    check_set(set);
                    assert_eq!(ToothSet::parse(&format!("{from}-{to}")), Ok(set));
                }
            }
        }
    }
});
