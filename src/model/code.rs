//! The form of a CDT code: `D` followed by four digits.
//!
//! [`CdtCode`] knows whether a string is shaped like a CDT code and which
//! number it carries. It knows nothing about whether the data compiled into
//! the crate defines that code: that is a separate question, answered by
//! [`get`](crate::get) (or a [`CodeSet`](crate::CodeSet)'s `get`) where
//! the tables are available.

use core::fmt;
use core::num::NonZeroU16;
use core::str::FromStr;

/// The largest number a CDT code can carry (`D9999`).
const MAX_NUMBER: u16 = 9999;

/// A well-formed CDT code: the letter `D` followed by four digits.
///
/// A `CdtCode` is two bytes, `Copy`, and `Option<CdtCode>` is two bytes as
/// well. Codes order by their number, so `D0120 < D3353`.
///
/// Being well-formed says nothing about being defined: `D0000` is a
/// well-formed code that no edition of CDT has ever used.
///
/// # Examples
///
/// ```
/// use cdt_codes::CdtCode;
///
/// let code: CdtCode = " d3353 ".parse()?;
/// assert_eq!(code.to_string(), "D3353");
/// assert_eq!(code.number(), 3353);
/// assert!(code < CdtCode::new(3400).unwrap());
/// # Ok::<(), cdt_codes::ParseCodeError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CdtCode(NonZeroU16);

impl CdtCode {
    /// The smallest well-formed code, `D0000`.
    ///
    /// ```
    /// assert_eq!(cdt_codes::CdtCode::MIN.to_string(), "D0000");
    /// ```
    pub const MIN: CdtCode = match CdtCode::new(0) {
        Some(code) => code,
        None => unreachable!(),
    };

    /// The largest well-formed code, `D9999`.
    ///
    /// ```
    /// assert_eq!(cdt_codes::CdtCode::MAX.to_string(), "D9999");
    /// ```
    pub const MAX: CdtCode = match CdtCode::new(MAX_NUMBER) {
        Some(code) => code,
        None => unreachable!(),
    };

    /// The code with the given number, or `None` if the number has more
    /// than four digits. Usable in `const` items.
    ///
    /// ```
    /// use cdt_codes::CdtCode;
    ///
    /// const ROOT_CANAL_MOLAR: CdtCode = match CdtCode::new(3330) {
    ///     Some(code) => code,
    ///     None => panic!("not a four-digit number"),
    /// };
    /// assert_eq!(ROOT_CANAL_MOLAR.to_string(), "D3330");
    /// assert_eq!(CdtCode::new(10_000), None);
    /// ```
    #[must_use]
    pub const fn new(number: u16) -> Option<CdtCode> {
        if number > MAX_NUMBER {
            return None;
        }
        // `number + 1` is at most 10_000, never zero and never overflows.
        match NonZeroU16::new(number + 1) {
            Some(stored) => Some(CdtCode(stored)),
            None => None,
        }
    }

    /// The four-digit number of the code: `D0120` gives `120`.
    ///
    /// ```
    /// let code: cdt_codes::CdtCode = "D0120".parse().unwrap();
    /// assert_eq!(code.number(), 120);
    /// ```
    #[must_use]
    pub const fn number(self) -> u16 {
        self.0.get() - 1
    }

    /// Parses a code, accepting a lower-case `d` and surrounding whitespace.
    ///
    /// This is the same as [`str::parse`]; use [`CdtCode::new`] in `const`
    /// contexts.
    ///
    /// # Errors
    ///
    /// Returns a [`ParseCodeError`] saying what is wrong: the string is
    /// empty, does not start with `D`, does not have exactly four characters
    /// after the `D`, or has a non-digit at some position.
    ///
    /// ```
    /// use cdt_codes::{CdtCode, ParseCodeError};
    ///
    /// assert_eq!(CdtCode::parse("D3353").map(CdtCode::number), Ok(3353));
    /// assert_eq!(
    ///     CdtCode::parse("D33a3"),
    ///     Err(ParseCodeError::NonDigit { position: 4, found: 'a' })
    /// );
    /// ```
    pub fn parse(text: &str) -> Result<CdtCode, ParseCodeError> {
        // Fast path for the canonical form, which is nearly all real input.
        match CdtCode::from_five_bytes(text.as_bytes()) {
            Some(code) => Ok(code),
            None => CdtCode::parse_slow(text),
        }
    }

    /// Parses the exact form `D####` or `d####` (five bytes, nothing else).
    #[inline]
    pub(crate) const fn from_five_bytes(bytes: &[u8]) -> Option<CdtCode> {
        let [b'D' | b'd', a, b, c, d] = *bytes else {
            return None;
        };
        if !(a.is_ascii_digit() && b.is_ascii_digit() && c.is_ascii_digit() && d.is_ascii_digit()) {
            return None;
        }
        let number = (a - b'0') as u16 * 1000
            + (b - b'0') as u16 * 100
            + (c - b'0') as u16 * 10
            + (d - b'0') as u16;
        // At most 9999, so `number + 1` is a valid non-zero value.
        match NonZeroU16::new(number + 1) {
            Some(stored) => Some(CdtCode(stored)),
            None => None,
        }
    }

    /// The general path: trims whitespace and says precisely what is wrong.
    fn parse_slow(text: &str) -> Result<CdtCode, ParseCodeError> {
        let text = text.trim_matches(|c: char| c.is_ascii_whitespace());
        let mut chars = text.chars();
        match chars.next() {
            None => return Err(ParseCodeError::Empty),
            Some('D' | 'd') => {}
            Some(found) => return Err(ParseCodeError::BadPrefix { found }),
        }
        let length = text.chars().count();
        if length != 5 {
            return Err(ParseCodeError::BadLength { length });
        }
        let mut number: u16 = 0;
        for (index, found) in chars.enumerate() {
            let Some(digit) = found
                .is_ascii_digit()
                .then(|| u16::from(found as u8 - b'0'))
            else {
                return Err(ParseCodeError::NonDigit {
                    position: index + 2,
                    found,
                });
            };
            // Four digits at most, so this stays below 10,000.
            number = number * 10 + digit;
        }
        CdtCode::new(number).ok_or(ParseCodeError::OutOfRange {
            number: u32::from(number),
        })
    }

    /// The code as its five ASCII bytes, e.g. `*b"D3353"`.
    ///
    /// ```
    /// let code = cdt_codes::CdtCode::new(120).unwrap();
    /// assert_eq!(&code.to_ascii(), b"D0120");
    /// ```
    #[must_use]
    pub const fn to_ascii(self) -> [u8; 5] {
        let n = self.number();
        [
            b'D',
            b'0' + (n / 1000) as u8,
            b'0' + (n / 100 % 10) as u8,
            b'0' + (n / 10 % 10) as u8,
            b'0' + (n % 10) as u8,
        ]
    }
}

/// Why a string or number is not a well-formed CDT code.
///
/// Positions count characters from 1 after surrounding whitespace has been
/// removed, so in `"D33a3"` the `a` is at position 4.
///
/// ```
/// use cdt_codes::{CdtCode, ParseCodeError};
///
/// let error = "X3353".parse::<CdtCode>().unwrap_err();
/// assert_eq!(error, ParseCodeError::BadPrefix { found: 'X' });
/// assert_eq!(error.to_string(), "a CDT code starts with 'D', found 'X'");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum ParseCodeError {
    /// The input was empty or only whitespace.
    #[error("empty input: a CDT code is 'D' followed by four digits")]
    Empty,
    /// The first character is not `D` or `d`.
    #[error("a CDT code starts with 'D', found {found:?}")]
    BadPrefix {
        /// The character found where `D` was expected.
        found: char,
    },
    /// The input is not five characters long.
    #[error("a CDT code is 5 characters ('D' and four digits), found {length}")]
    BadLength {
        /// How many characters the trimmed input has.
        length: usize,
    },
    /// A character after the `D` is not an ASCII digit.
    #[error("a CDT code has digits after the 'D', found {found:?} at position {position}")]
    NonDigit {
        /// Position of the offending character, counting from 1.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// A number given as a code has more than four digits.
    #[error("a CDT code number is at most 9999, found {number}")]
    OutOfRange {
        /// The number that was given.
        number: u32,
    },
}

impl FromStr for CdtCode {
    type Err = ParseCodeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        CdtCode::parse(text)
    }
}

impl TryFrom<&str> for CdtCode {
    type Error = ParseCodeError;

    fn try_from(text: &str) -> Result<Self, Self::Error> {
        CdtCode::parse(text)
    }
}

/// Anything that names a CDT code: a [`CdtCode`], its text (`&str`,
/// `String`, `Cow<str>`) or a [`Procedure`](crate::Procedure). Every function that
/// takes a code takes `impl AsCode`, so the code in hand is passed as it
/// is: [`lookup`](crate::lookup), [`get`](crate::get),
/// [`validity`](fn@crate::validity) and the same methods of
/// [`CodeSet`](crate::CodeSet).
///
/// Text is read as [`CdtCode::parse`] reads it (`d3353` and surrounding
/// whitespace accepted); a malformed text says why.
///
/// ```
/// use cdt_codes::{AsCode, CdtCode};
///
/// let code = CdtCode::new(3353).unwrap();
/// let procedure = cdt_codes::lookup(code).unwrap();
/// // The same record whichever way the code is given.
/// assert_eq!(cdt_codes::lookup("D3353"), Some(procedure));
/// # #[cfg(feature = "alloc")]
/// assert_eq!(cdt_codes::lookup(&String::from(" d3353 ")), Some(procedure));
/// assert_eq!(cdt_codes::get(&procedure), Some(procedure));
/// assert_eq!(procedure.to_code(), Ok(code));
/// assert!("D33".to_code().is_err());
/// ```
pub trait AsCode {
    /// The code named, or why the text is not a well-formed code.
    ///
    /// # Errors
    ///
    /// [`ParseCodeError`] for text that is not `D` and four digits.
    ///
    /// ```
    /// use cdt_codes::{AsCode, ParseCodeError};
    ///
    /// assert_eq!("D0120".to_code().map(|code| code.number()), Ok(120));
    /// assert_eq!("X0120".to_code(), Err(ParseCodeError::BadPrefix { found: 'X' }));
    /// ```
    fn to_code(&self) -> Result<CdtCode, ParseCodeError>;
}

impl AsCode for CdtCode {
    #[inline]
    fn to_code(&self) -> Result<CdtCode, ParseCodeError> {
        Ok(*self)
    }
}

impl AsCode for str {
    #[inline]
    fn to_code(&self) -> Result<CdtCode, ParseCodeError> {
        CdtCode::parse(self)
    }
}

#[cfg(feature = "alloc")]
impl AsCode for alloc::string::String {
    #[inline]
    fn to_code(&self) -> Result<CdtCode, ParseCodeError> {
        CdtCode::parse(self)
    }
}

#[cfg(feature = "alloc")]
impl AsCode for alloc::borrow::Cow<'_, str> {
    #[inline]
    fn to_code(&self) -> Result<CdtCode, ParseCodeError> {
        CdtCode::parse(self)
    }
}

impl<T: AsCode + ?Sized> AsCode for &T {
    #[inline]
    fn to_code(&self) -> Result<CdtCode, ParseCodeError> {
        (**self).to_code()
    }
}

impl TryFrom<u16> for CdtCode {
    type Error = ParseCodeError;

    fn try_from(number: u16) -> Result<Self, Self::Error> {
        CdtCode::new(number).ok_or(ParseCodeError::OutOfRange {
            number: u32::from(number),
        })
    }
}

impl From<CdtCode> for u16 {
    fn from(code: CdtCode) -> u16 {
        code.number()
    }
}

impl fmt::Display for CdtCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ascii = self.to_ascii();
        // Always ASCII by construction.
        let text = core::str::from_utf8(&ascii).map_err(|_| fmt::Error)?;
        f.pad(text)
    }
}

impl fmt::Debug for CdtCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CdtCode({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_displays_canonical_form() {
        let code = CdtCode::parse("\t d0120 \n").unwrap();
        assert_eq!(code.number(), 120);
        let mut text = [0u8; 5];
        text.copy_from_slice(&code.to_ascii());
        assert_eq!(&text, b"D0120");
    }

    #[test]
    fn reports_each_error_kind() {
        assert_eq!(CdtCode::parse(""), Err(ParseCodeError::Empty));
        assert_eq!(CdtCode::parse("   "), Err(ParseCodeError::Empty));
        assert_eq!(
            CdtCode::parse("3353"),
            Err(ParseCodeError::BadPrefix { found: '3' })
        );
        assert_eq!(
            CdtCode::parse("é3353"),
            Err(ParseCodeError::BadPrefix { found: 'é' })
        );
        assert_eq!(
            CdtCode::parse("D335"),
            Err(ParseCodeError::BadLength { length: 4 })
        );
        assert_eq!(
            CdtCode::parse("D33533"),
            Err(ParseCodeError::BadLength { length: 6 })
        );
        assert_eq!(
            CdtCode::parse("D33é3"),
            Err(ParseCodeError::NonDigit {
                position: 4,
                found: 'é'
            })
        );
        assert_eq!(
            CdtCode::parse("D 353"),
            Err(ParseCodeError::NonDigit {
                position: 2,
                found: ' '
            })
        );
    }

    #[test]
    fn number_round_trip_and_range() {
        assert_eq!(CdtCode::new(9999).map(CdtCode::number), Some(9999));
        assert_eq!(CdtCode::new(10_000), None);
        assert_eq!(
            CdtCode::try_from(12_345u16),
            Err(ParseCodeError::OutOfRange { number: 12_345 })
        );
    }
}
