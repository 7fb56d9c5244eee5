//! Short texts on the stack: what `Display` and error messages of teeth, surfaces and areas are built in.

use core::fmt;

// ---------------------------------------------------------------------------
// Small fixed-size text buffers
// ---------------------------------------------------------------------------

/// A short ASCII string built on the stack, for `Display` and serde.
#[derive(Clone, Copy)]
pub(crate) struct Ascii<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

impl<const N: usize> Ascii<N> {
    pub(crate) const fn new() -> Self {
        Ascii {
            bytes: [0; N],
            len: 0,
        }
    }

    /// Appends a byte; a byte past the capacity is dropped.
    pub(crate) fn push(&mut self, byte: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = byte;
            self.len += 1;
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        self.bytes
            .get(..self.len)
            .and_then(|bytes| core::str::from_utf8(bytes).ok())
            .unwrap_or("")
    }
}

/// A short copy of the text that failed to parse, kept inside an error
/// without allocating.
///
/// At most [`Excerpt::CAPACITY`] bytes are kept, cut at a character
/// boundary; when the text was longer, [`Excerpt::is_truncated`] is `true`
/// and `Display` ends the excerpt with `…`.
///
/// ```
/// use cdt_codes::teeth::{Excerpt, ParseToothError, Tooth};
///
/// let Err(ParseToothError::NotATooth { text }) = "33".parse::<Tooth>() else {
///     panic!("33 is not a tooth");
/// };
/// assert_eq!(text.as_str(), "33");
///
/// let long = Excerpt::new("this text is longer than sixteen bytes");
/// assert!(long.is_truncated());
/// assert_eq!(long.to_string(), "this text is lon…");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Excerpt {
    bytes: [u8; Excerpt::CAPACITY],
    len: u8,
    truncated: bool,
}

impl Excerpt {
    /// The most bytes an excerpt keeps.
    ///
    /// ```
    /// assert_eq!(cdt_codes::teeth::Excerpt::CAPACITY, 16);
    /// ```
    pub const CAPACITY: usize = 16;

    /// Copies the start of `text`, up to [`Excerpt::CAPACITY`] bytes and
    /// never splitting a character.
    ///
    /// ```
    /// use cdt_codes::teeth::Excerpt;
    ///
    /// assert_eq!(Excerpt::new("ZZ").as_str(), "ZZ");
    /// // 15 ASCII bytes and a 2-byte character make 17 bytes: the `é` is cut.
    /// let cut = Excerpt::new("aaaaaaaaaaaaaaaé");
    /// assert_eq!(cut.as_str(), "aaaaaaaaaaaaaaa");
    /// assert!(cut.is_truncated());
    /// ```
    #[must_use]
    pub fn new(text: &str) -> Excerpt {
        let mut end = 0;
        for (start, ch) in text.char_indices() {
            let next = start + ch.len_utf8();
            if next > Excerpt::CAPACITY {
                break;
            }
            end = next;
        }
        let mut bytes = [0; Excerpt::CAPACITY];
        if let (Some(target), Some(source)) = (bytes.get_mut(..end), text.as_bytes().get(..end)) {
            target.copy_from_slice(source);
        }
        Excerpt {
            bytes,
            len: u8::try_from(end).unwrap_or(0),
            truncated: end < text.len(),
        }
    }

    /// The kept text.
    ///
    /// ```
    /// assert_eq!(cdt_codes::teeth::Excerpt::new("XY").as_str(), "XY");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        self.bytes
            .get(..usize::from(self.len))
            .and_then(|bytes| core::str::from_utf8(bytes).ok())
            .unwrap_or("")
    }

    /// Whether the original text was longer than what was kept.
    ///
    /// ```
    /// use cdt_codes::teeth::Excerpt;
    ///
    /// assert!(!Excerpt::new("short").is_truncated());
    /// assert!(Excerpt::new("0123456789abcdefXYZ").is_truncated());
    /// ```
    #[must_use]
    pub const fn is_truncated(&self) -> bool {
        self.truncated
    }
}

impl fmt::Display for Excerpt {
    /// Writes the kept text, followed by `…` if it was cut short.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())?;
        if self.truncated {
            f.write_str("…")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)?;
        if self.truncated {
            f.write_str("…")?;
        }
        Ok(())
    }
}

/// `text` without leading and trailing ASCII whitespace.
pub(crate) fn trim(text: &str) -> &str {
    text.trim_matches(|ch: char| ch.is_ascii_whitespace())
}
