//! How text is cut into search words: one rule for the index `build.rs`
//! writes and for the queries matched against it.
//!
//! A word is a maximal run of alphanumeric characters; words are compared
//! in lower case. Everything else (spaces, punctuation, symbols) separates
//! words.

/// The longest word, in UTF-8 bytes, that the index holds or a query can
/// match; longer query words match nothing.
pub(crate) const MAX_WORD_BYTES: usize = 48;

/// The words of `text`, as slices of it (not yet lower-cased).
pub(crate) fn split(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
}

/// Writes the lower-case form of `word` into `buffer` and returns it, or
/// `None` when it does not fit in [`MAX_WORD_BYTES`].
pub(crate) fn lower<'b>(word: &str, buffer: &'b mut [u8; MAX_WORD_BYTES]) -> Option<&'b str> {
    let mut length = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let width = c.len_utf8();
        let slot = buffer.get_mut(length..length + width)?;
        c.encode_utf8(slot);
        length += width;
    }
    core::str::from_utf8(buffer.get(..length)?).ok()
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;

    #[test]
    fn splits_on_anything_but_letters_and_digits() {
        let words: std::vec::Vec<&str> = split("Root-canal (molar), 3+ roots/teeth").collect();
        assert_eq!(words, ["Root", "canal", "molar", "3", "roots", "teeth"]);
    }

    #[test]
    fn lowers_into_the_buffer_or_gives_up() {
        let mut buffer = [0u8; MAX_WORD_BYTES];
        assert_eq!(lower("ApexIFication", &mut buffer), Some("apexification"));
        assert_eq!(lower("ÉTAT", &mut buffer), Some("état"));
        assert_eq!(lower(&"x".repeat(MAX_WORD_BYTES + 1), &mut buffer), None);
    }
}
