//! How text is cut into search words: one rule for the index `build.rs`
//! writes and for the queries matched against it.
//!
//! A word is a maximal run of alphanumeric characters; words are compared
//! in lower case. Everything else (spaces, punctuation, symbols) separates
//! words. For search, a run is also cut where letters meet digits (`4bwx`
//! is `4 bwx`), and each word is reduced to a [`stem`], so that plurals,
//! common inflections and number words meet the words of the descriptions.

/// The longest word, in UTF-8 bytes, that the index holds or a query can
/// match; longer query words match nothing.
pub(crate) const MAX_WORD_BYTES: usize = 48;

/// The most search words a vocabulary term may have.
pub(crate) const MAX_TERM_WORDS: usize = 6;

/// The words of `text`, as slices of it (not yet lower-cased).
pub(crate) fn split(text: &str) -> Runs<'_> {
    Runs {
        rest: text,
        cut_digits: false,
        mixed: false,
    }
}

/// Writes the lower-case form of `word` into `buffer` and returns it, or
/// `None` when it does not fit in [`MAX_WORD_BYTES`].
pub(crate) fn lower<'b>(word: &str, buffer: &'b mut [u8; MAX_WORD_BYTES]) -> Option<&'b str> {
    if word.is_ascii() {
        // The same as below for ASCII, a byte at a time.
        let slot = buffer.get_mut(..word.len())?;
        for (to, from) in slot.iter_mut().zip(word.bytes()) {
            *to = from.to_ascii_lowercase();
        }
        return core::str::from_utf8(slot).ok();
    }
    let mut length = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let width = c.len_utf8();
        let slot = buffer.get_mut(length..length + width)?;
        c.encode_utf8(slot);
        length += width;
    }
    core::str::from_utf8(buffer.get(..length)?).ok()
}

/// The search words of `text`: the words of [`split`], each further cut
/// where ASCII digits meet other characters.
pub(crate) fn tokens(text: &str) -> Runs<'_> {
    Runs {
        rest: text,
        cut_digits: true,
        mixed: false,
    }
}

/// The words of a text, one pass over it (ASCII a byte at a time).
pub(crate) struct Runs<'a> {
    rest: &'a str,
    /// Whether a run also ends where ASCII digits meet other characters.
    cut_digits: bool,
    /// Whether the last run has ASCII digits and other characters both
    /// (then [`tokens`] cuts it further).
    mixed: bool,
}

impl Runs<'_> {
    /// Whether the run returned last has ASCII digits and other characters
    /// both: [`tokens`] would cut it further (else it is one token).
    pub(crate) fn mixed(&self) -> bool {
        self.mixed
    }
}

/// Whether the character at byte `at` of `text` (not ASCII) belongs in a
/// word, and its length in bytes.
#[cold]
fn wide(text: &str, at: usize) -> Option<(bool, usize)> {
    let c = text.get(at..)?.chars().next()?;
    Some((c.is_alphanumeric(), c.len_utf8()))
}

/// The kind of each byte: [`SEPARATOR`], [`LETTER`], [`DIGIT`] or
/// [`WIDE`] (part of a character beyond ASCII).
const KINDS: [u8; 256] = {
    let mut kinds = [SEPARATOR; 256];
    let mut byte = 0;
    while byte < 256 {
        #[allow(clippy::cast_possible_truncation)] // below 256
        let b = byte as u8;
        kinds[byte] = if b.is_ascii_digit() {
            DIGIT
        } else if b.is_ascii_alphabetic() {
            LETTER
        } else if b.is_ascii() {
            SEPARATOR
        } else {
            WIDE
        };
        byte += 1;
    }
    kinds
};
const SEPARATOR: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const WIDE: u8 = 4;

impl<'a> Iterator for Runs<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.rest.as_bytes();
        let kind = |at: usize| bytes.get(at).map(|&byte| KINDS[usize::from(byte)]);
        let mut start = 0;
        let first = loop {
            match kind(start)? {
                SEPARATOR => start += 1,
                WIDE => match wide(self.rest, start)? {
                    (true, _) => break WIDE,
                    (false, length) => start += length,
                },
                letter_or_digit => break letter_or_digit,
            }
        };
        // The kinds a word's bytes may have: all but separators, or when
        // runs are cut at digits, the first byte's side of that cut.
        let allowed = match (self.cut_digits, first) {
            (false, _) => LETTER | DIGIT | WIDE,
            (true, DIGIT) => DIGIT,
            (true, _) => LETTER | WIDE,
        };
        let mut end = start;
        let mut seen = first;
        loop {
            // ASCII letters and digits a byte at a time, without a bounds
            // check each (most words are nothing else).
            let ascii = allowed & !WIDE;
            for &byte in bytes.get(end..).unwrap_or(&[]) {
                let next = KINDS[usize::from(byte)];
                if next & ascii == 0 {
                    break;
                }
                seen |= next;
                end += 1;
            }
            // Then a character beyond ASCII, if the run takes one.
            match kind(end) {
                Some(WIDE) if allowed & WIDE != 0 => {
                    // Counted as met even when it ends the run (a mark
                    // after a digit makes the run mixed, as it always has).
                    seen |= WIDE;
                    match wide(self.rest, end) {
                        Some((true, length)) => end += length,
                        _ => break,
                    }
                }
                _ => break,
            }
        }
        let run = self.rest.get(start..end)?;
        self.rest = self.rest.get(end..).unwrap_or("");
        self.mixed = seen & DIGIT != 0 && seen & (LETTER | WIDE) != 0;
        Some(run)
    }
}

/// Number words up to twelve and the digits they stand for: `four` and
/// `4` are the same search word.
const NUMBERS: [(&str, &str); 12] = [
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
];

/// Plurals that no suffix rule reaches.
const IRREGULAR: [(&str, &str); 2] = [("teeth", "tooth"), ("children", "child")];

/// The search stem of a lower-case word: number words become digits,
/// then plural endings (`-s`, `-es`, `-ies`), then `-ing` or `-ed`, then a
/// final `-e` or `-y` are removed, so `crowns`, `crown`; `fillings`,
/// `filling`, `fill`; `cavities`, `cavity` meet. The index and the
/// queries use the same rule, so a stem need not be an English word.
/// Words under four bytes, and words that are not ASCII, are kept whole.
pub(crate) fn stem(word: &str) -> &str {
    stem_of(word).of(word).unwrap_or(word)
}

/// A word's [`stem`]: the word's first bytes, or a word of its own. Small
/// enough to pass in registers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stem {
    /// The first this many bytes of the word.
    Prefix(usize),
    /// Another word (`4` for `four`, `tooth` for `teeth`): its place in
    /// [`WHOLE_STEMS`].
    Whole(u8),
}

impl Stem {
    /// The stem as text, given the word it is the stem of.
    pub(crate) fn of(self, word: &str) -> Option<&str> {
        match self {
            Stem::Prefix(length) => word.get(..length),
            Stem::Whole(at) => WHOLE_STEMS.get(usize::from(at)).copied(),
        }
    }
}

/// The stems that are words of their own: the digits of [`NUMBERS`], then
/// the bases of [`IRREGULAR`].
const WHOLE_STEMS: [&str; NUMBERS.len() + IRREGULAR.len()] = {
    let mut stems = [""; NUMBERS.len() + IRREGULAR.len()];
    let mut at = 0;
    while at < NUMBERS.len() {
        stems[at] = NUMBERS[at].1;
        at += 1;
    }
    while at < stems.len() {
        stems[at] = IRREGULAR[at - NUMBERS.len()].1;
        at += 1;
    }
    stems
};

/// Per first byte, the lengths (a bit each) of the number words and
/// irregular plurals that start with it: most words are told apart from
/// them by one look here.
const WHOLE_LENGTHS: [u16; 256] = {
    let mut lengths = [0u16; 256];
    let mut at = 0;
    while at < NUMBERS.len() + IRREGULAR.len() {
        let name = if at < NUMBERS.len() {
            NUMBERS[at].0
        } else {
            IRREGULAR[at - NUMBERS.len()].0
        };
        let bytes = name.as_bytes();
        assert!(
            bytes.len() < 16,
            "a number word or irregular plural is short"
        );
        lengths[bytes[0] as usize] |= 1 << bytes.len();
        at += 1;
    }
    lengths
};

/// Whether `word` may be a number word or an irregular plural (see
/// [`WHOLE_LENGTHS`]).
fn may_be_whole(word: &[u8]) -> bool {
    let Some(&first) = word.first() else {
        return false;
    };
    let lengths = WHOLE_LENGTHS[usize::from(first)];
    word.len() < 16 && lengths >> word.len() & 1 != 0
}

/// How [`stem`] finds a word's stem.
pub(crate) fn stem_of(word: &str) -> Stem {
    // Number words and the irregular plurals are three to eight bytes.
    if may_be_whole(word.as_bytes()) {
        let whole = NUMBERS
            .iter()
            .chain(&IRREGULAR)
            .position(|(name, _)| name.len() == word.len() && *name == word);
        if let Some(at) = whole.and_then(|at| u8::try_from(at).ok()) {
            return Stem::Whole(at);
        }
    }
    if word.len() < 4 || !word.is_ascii() {
        return Stem::Prefix(word.len());
    }
    // The endings are matched on the word's last bytes (a few byte
    // comparisons, not a string search per ending).
    let has_vowel = |s: &[u8]| s.iter().any(|b| b"aeiouy".contains(b));
    let bytes = word.as_bytes();
    // Plurals.
    let mut stem: &[u8] = match bytes {
        // `cavities` and `cavity` both end as `cavit`.
        [base @ .., b'i', b'e', b's'] => return Stem::Prefix(base.len()),
        // `-sses`, `-ches`, `-shes` lose their `-es` (`-ies`, `-ss`, `-us`
        // and `-is` never end these ways).
        [base @ .., b's', b's', b'e', b's'] | [base @ .., b'c' | b's', b'h', b'e', b's'] => {
            bytes.get(..base.len() + 2).unwrap_or(base)
        }
        // glass, calculus, prosthesis
        [.., b's' | b'u' | b'i', b's'] => bytes,
        [base @ .., b'x' | b'z', b'e', b's'] => bytes.get(..base.len() + 1).unwrap_or(base),
        [base @ .., b's'] => base,
        _ => bytes,
    };
    // Inflections.
    match stem {
        [base @ .., b'i', b'n', b'g'] | [base @ .., b'e', b'd']
            if base.len() >= 3 && has_vowel(base) =>
        {
            stem = base;
        }
        _ => {}
    }
    // A final e or y: `remove`/`removed`, `denture`/`dentures`.
    if let [base @ .., b'e' | b'y'] = stem {
        if stem.len() > 4 {
            stem = base;
        }
    }
    Stem::Prefix(stem.len())
}

/// Calls `visit` with the stem of each search word of `text`, in order;
/// words longer than [`MAX_WORD_BYTES`] are skipped. The one rule for the
/// index, the vocabulary and the queries.
#[cfg_attr(not(feature = "std"), allow(dead_code))] // the index builder's
pub(crate) fn for_each_stem(text: &str, mut visit: impl FnMut(&str)) {
    let mut buffer = [0u8; MAX_WORD_BYTES];
    for token in tokens(text) {
        if let Some(lower) = lower(token, &mut buffer) {
            visit(stem(lower));
        }
    }
}

/// Words a query may drop when it has others: they carry no meaning of
/// their own in a search for a procedure.
/// `dental` is one of them: a word of a few descriptions only, so it
/// outranked the word that names the procedure (`dental bridge` listed a
/// 3D-printed model first).
pub(crate) const STOP_WORDS: [&str; 20] = [
    "a", "an", "and", "are", "as", "at", "by", "dental", "for", "from", "in", "is", "my", "of",
    "on", "or", "per", "the", "to", "with",
];

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;

    #[test]
    fn splits_on_anything_but_letters_and_digits() {
        let words: std::vec::Vec<&str> = split("Root-canal (molar), 3+ roots/teeth").collect();
        assert_eq!(words, ["Root", "canal", "molar", "3", "roots", "teeth"]);
    }

    #[test]
    fn cuts_where_letters_meet_digits() {
        let words: std::vec::Vec<&str> = tokens("4bwx, hba1c; D3330").collect();
        assert_eq!(words, ["4", "bwx", "hba", "1", "c", "D", "3330"]);
    }

    #[test]
    fn stems_meet_across_plurals_inflections_and_numbers() {
        for (a, b) in [
            ("crowns", "crown"),
            ("fillings", "filling"),
            ("filling", "fill"),
            ("extractions", "extraction"),
            ("cavities", "cavity"),
            ("dentures", "denture"),
            ("braces", "brace"),
            ("bitewings", "bitewing"),
            ("surfaces", "surface"),
            ("four", "4"),
            ("teeth", "tooth"),
            ("removed", "remove"),
            ("glasses", "glass"),
            ("abscesses", "abscess"),
            ("branches", "branch"),
            ("brushes", "brush"),
            ("boxes", "box"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        for whole in ["gas", "prosthesis", "analysis", "glass", "calculus", "état"] {
            assert_eq!(stem(whole), whole);
        }
    }

    #[test]
    fn every_number_word_and_irregular_plural_has_its_whole_stem() {
        for (name, whole) in NUMBERS.iter().chain(&IRREGULAR) {
            assert_eq!(stem(name), *whole, "{name}");
        }
        // Same first byte and length as one of them, yet another word.
        for other in ["fire", "tens", "seventh", "childish", "teens"] {
            assert_ne!(stem_of(other), Stem::Whole(0), "{other}");
            assert!(matches!(stem_of(other), Stem::Prefix(_)), "{other}");
        }
    }

    #[test]
    fn lowers_into_the_buffer_or_gives_up() {
        let mut buffer = [0u8; MAX_WORD_BYTES];
        assert_eq!(lower("ApexIFication", &mut buffer), Some("apexification"));
        assert_eq!(lower("ÉTAT", &mut buffer), Some("état"));
        assert_eq!(lower(&"x".repeat(MAX_WORD_BYTES + 1), &mut buffer), None);
    }
}

#[cfg(all(test, feature = "std"))]
mod runs {
    use super::{split, tokens};
    use std::vec::Vec;

    /// The rule the one-pass reader follows, written the plain way: runs of
    /// alphanumeric characters, then for tokens, runs of ASCII digits or not.
    fn plain(text: &str, cut_digits: bool) -> Vec<&str> {
        let mut out = Vec::new();
        for word in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            if !cut_digits {
                out.push(word);
                continue;
            }
            let mut rest = word;
            while let Some(first) = rest.chars().next() {
                let digits = first.is_ascii_digit();
                let end = rest
                    .find(|c: char| c.is_ascii_digit() != digits)
                    .unwrap_or(rest.len());
                out.push(&rest[..end]);
                rest = &rest[end..];
            }
        }
        out
    }

    #[test]
    fn one_pass_matches_the_plain_rule() {
        for text in [
            "",
            "   ",
            "root canal, molar",
            "4bwx D3330 d33 x-ray",
            "ÉTAT-état 4bé é4 ４５ Ⅻ ½",
            "naïve café—crème 12ab34 ab12cd",
            "🦷 tooth🦷teeth \u{0301}accent",
            "a",
            "9",
        ] {
            assert_eq!(
                split(text).collect::<Vec<_>>(),
                plain(text, false),
                "{text:?}"
            );
            assert_eq!(
                tokens(text).collect::<Vec<_>>(),
                plain(text, true),
                "{text:?}"
            );
        }
    }
}
