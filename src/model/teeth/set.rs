//! Sets of teeth written as ranges and lists: `6-11`, `A-J`, `3,4,5`.

use core::fmt;
use core::str::FromStr;

use super::{ParseToothError, Tooth, PRIMARY, SUPERNUMERARY};

// ---------------------------------------------------------------------------
// Sets of teeth: ranges and lists
// ---------------------------------------------------------------------------

/// A set of teeth, as one claim line may name them: a single tooth (`8`),
/// a range (`6-11`, `A-J`) or a list (`3,4,5`, `8 9 13`), or both mixed
/// (`3-5,12`). X12 repeats `TOO` once per tooth; a CSV column writes them
/// together.
///
/// A range runs in Universal order from its first tooth to its last, both
/// included, within one dentition (permanent or primary) and one arch, and
/// names no supernumerary tooth. Items are separated by commas, spaces or
/// semicolons. Iteration yields the teeth in the order teeth order
/// ([`Tooth`]'s `Ord`); `Display` writes them as a comma-separated list.
///
/// ```
/// use cdt_codes::teeth::{Tooth, ToothSet};
///
/// let bridge: ToothSet = "6-11".parse()?;
/// assert_eq!(bridge.len(), 6);
/// assert!(bridge.contains(Tooth::permanent(8).unwrap()));
/// assert_eq!(bridge.to_string(), "6,7,8,9,10,11");
///
/// let partial: ToothSet = "8, 9, 13".parse()?;
/// assert_eq!(partial.len(), 3);
/// assert_eq!("A-J".parse::<ToothSet>()?.len(), 10);
/// # Ok::<(), cdt_codes::teeth::ParseTeethError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ToothSet(pub(crate) u128);

/// Whether `byte` separates the items of a list of teeth (`3,4`, `3; 4`,
/// `3 4`).
fn is_list_separator(byte: u8) -> bool {
    matches!(byte, b',' | b';' | b' ' | b'\t')
}

/// What joins the ends of a range of teeth (`3-5`).
const RANGE: u8 = b'-';

impl ToothSet {
    /// No tooth.
    pub const EMPTY: ToothSet = ToothSet(0);

    /// The bit of a tooth: permanent 0-31, supernumerary permanent 32-63,
    /// primary 64-83, supernumerary primary 84-103.
    pub(crate) const fn bit(tooth: Tooth) -> u32 {
        let code = tooth.0;
        let index = if code >= PRIMARY + SUPERNUMERARY {
            code - PRIMARY - SUPERNUMERARY + 83
        } else if code > PRIMARY {
            code - PRIMARY + 63
        } else if code > SUPERNUMERARY {
            code - SUPERNUMERARY + 31
        } else {
            code - 1
        };
        index as u32
    }

    /// The tooth of a bit, the inverse of [`ToothSet::bit`].
    pub(crate) const fn tooth_at(index: u32) -> Tooth {
        // Callers pass indices below 104 only.
        let index = (index & 0x7f) as u8;
        Tooth(match index {
            0..=31 => index + 1,
            32..=63 => index - 31 + SUPERNUMERARY,
            64..=83 => index - 63 + PRIMARY,
            _ => index - 83 + PRIMARY + SUPERNUMERARY,
        })
    }

    /// The set holding one tooth.
    ///
    /// ```
    /// use cdt_codes::teeth::{Tooth, ToothSet};
    ///
    /// assert_eq!(ToothSet::single(Tooth::permanent(3).unwrap()).len(), 1);
    /// ```
    #[must_use]
    pub const fn single(tooth: Tooth) -> ToothSet {
        ToothSet(1 << ToothSet::bit(tooth))
    }

    /// Adds a tooth; `false` when it was already there.
    ///
    /// ```
    /// use cdt_codes::teeth::{Tooth, ToothSet};
    ///
    /// let mut set = ToothSet::EMPTY;
    /// assert!(set.insert(Tooth::permanent(8).unwrap()));
    /// assert!(!set.insert(Tooth::permanent(8).unwrap()));
    /// ```
    pub fn insert(&mut self, tooth: Tooth) -> bool {
        let bit = 1 << ToothSet::bit(tooth);
        let fresh = self.0 & bit == 0;
        self.0 |= bit;
        fresh
    }

    /// Whether the set holds the tooth.
    ///
    /// ```
    /// use cdt_codes::teeth::{Tooth, ToothSet};
    ///
    /// let set: ToothSet = "3-5".parse().unwrap();
    /// assert!(set.contains(Tooth::permanent(4).unwrap()));
    /// assert!(!set.contains(Tooth::permanent(6).unwrap()));
    /// ```
    #[must_use]
    pub const fn contains(self, tooth: Tooth) -> bool {
        self.0 & (1 << ToothSet::bit(tooth)) != 0
    }

    /// How many teeth the set holds.
    ///
    /// ```
    /// assert_eq!("3,4,5".parse::<cdt_codes::teeth::ToothSet>().unwrap().len(), 3);
    /// ```
    #[must_use]
    pub const fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether the set holds no tooth.
    ///
    /// ```
    /// use cdt_codes::teeth::ToothSet;
    ///
    /// assert!(ToothSet::EMPTY.is_empty());
    /// let one: ToothSet = "8".parse().unwrap();
    /// assert_eq!((one.is_empty(), one.to_string()), (false, "8".to_string()));
    /// ```
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The teeth, in order.
    ///
    /// ```
    /// use cdt_codes::teeth::ToothSet;
    ///
    /// let set: ToothSet = "13, 8, 9".parse().unwrap();
    /// let teeth: Vec<String> = set.iter().map(|t| t.to_string()).collect();
    /// assert_eq!(teeth, ["8", "9", "13"]);
    /// ```
    #[must_use]
    pub const fn iter(self) -> ToothSetIter {
        ToothSetIter(self.0)
    }

    /// Parses a tooth, a range or a list of both. The same as
    /// [`str::parse`].
    ///
    /// # Errors
    ///
    /// A [`ParseTeethError`] naming the item that is no tooth, the range
    /// that runs backwards or across dentitions or arches, or the tooth
    /// given twice.
    ///
    /// ```
    /// use cdt_codes::teeth::{ParseTeethError, ToothSet};
    ///
    /// assert!(matches!(ToothSet::parse("11-6"), Err(ParseTeethError::Backwards { .. })));
    /// assert!(matches!(ToothSet::parse("14-19"), Err(ParseTeethError::AcrossArches { .. })));
    /// assert!(matches!(ToothSet::parse("3,3"), Err(ParseTeethError::Repeated { .. })));
    /// assert_eq!(
    ///     ToothSet::parse("5-E").unwrap_err().to_string(),
    ///     "5-E mixes permanent and primary teeth: a range stays in one dentition"
    /// );
    /// ```
    pub fn parse(text: &str) -> Result<ToothSet, ParseTeethError> {
        // One tooth, the usual case: no list or range to cut.
        if !text
            .bytes()
            .any(|byte| is_list_separator(byte) || byte == RANGE)
        {
            return Tooth::parse(text)
                .map(ToothSet::single)
                .map_err(ParseTeethError::Tooth);
        }
        let mut set = ToothSet::EMPTY;
        let mut items = 0;
        for item in text
            .split(|c: char| u8::try_from(c).is_ok_and(is_list_separator))
            .filter(|item| !item.is_empty())
        {
            items += 1;
            let teeth = match item.split_once(char::from(RANGE)) {
                None => ToothSet::single(Tooth::parse(item).map_err(ParseTeethError::Tooth)?),
                Some((from, to)) => ToothSet::range(
                    Tooth::parse(from).map_err(ParseTeethError::Tooth)?,
                    Tooth::parse(to).map_err(ParseTeethError::Tooth)?,
                )?,
            };
            if let Some(tooth) = ToothSet(set.0 & teeth.0).iter().next() {
                return Err(ParseTeethError::Repeated { tooth });
            }
            set.0 |= teeth.0;
        }
        if items == 0 {
            return Err(ParseTeethError::Tooth(ParseToothError::Empty));
        }
        Ok(set)
    }

    /// The teeth from `from` to `to` in Universal order, both included.
    ///
    /// # Errors
    ///
    /// When the range runs backwards, holds a supernumerary tooth, or
    /// crosses dentitions or arches.
    ///
    /// ```
    /// use cdt_codes::teeth::{Tooth, ToothSet};
    ///
    /// let (c, h) = (Tooth::primary('C').unwrap(), Tooth::primary('H').unwrap());
    /// assert_eq!(ToothSet::range(c, h)?.len(), 6);
    /// # Ok::<(), cdt_codes::teeth::ParseTeethError>(())
    /// ```
    pub fn range(from: Tooth, to: Tooth) -> Result<ToothSet, ParseTeethError> {
        if from.is_supernumerary() || to.is_supernumerary() {
            return Err(ParseTeethError::Supernumerary { from, to });
        }
        if from.is_primary() != to.is_primary() {
            return Err(ParseTeethError::MixedDentitions { from, to });
        }
        if from > to {
            return Err(ParseTeethError::Backwards { from, to });
        }
        if from.arch() != to.arch() {
            return Err(ParseTeethError::AcrossArches { from, to });
        }
        let (low, high) = (ToothSet::bit(from), ToothSet::bit(to));
        let span = high - low + 1;
        let bits = if span >= 128 {
            u128::MAX
        } else {
            ((1_u128 << span) - 1) << low
        };
        Ok(ToothSet(bits))
    }
}

impl fmt::Display for ToothSet {
    /// `8,9,13`; nothing for the empty set.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::model::pad(f, format_args!("{}", ToothSetText(*self)))
    }
}

/// The text of a [`ToothSet`], unpadded.
pub(crate) struct ToothSetText(ToothSet);

impl fmt::Display for ToothSetText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, tooth) in self.0.iter().enumerate() {
            if index > 0 {
                f.write_str(",")?;
            }
            write!(f, "{tooth}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for ToothSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ToothSet({})", ToothSetText(*self))
    }
}

impl FromStr for ToothSet {
    type Err = ParseTeethError;

    fn from_str(text: &str) -> Result<ToothSet, ParseTeethError> {
        ToothSet::parse(text)
    }
}

impl FromIterator<Tooth> for ToothSet {
    fn from_iter<I: IntoIterator<Item = Tooth>>(teeth: I) -> ToothSet {
        let mut set = ToothSet::EMPTY;
        for tooth in teeth {
            set.insert(tooth);
        }
        set
    }
}

impl IntoIterator for ToothSet {
    type Item = Tooth;
    type IntoIter = ToothSetIter;

    fn into_iter(self) -> ToothSetIter {
        self.iter()
    }
}

/// The teeth of a [`ToothSet`], in order; made by [`ToothSet::iter`].
///
/// ```
/// let set: cdt_codes::teeth::ToothSet = "3-5".parse().unwrap();
/// assert_eq!(set.iter().len(), 3);
/// ```
#[derive(Debug, Clone)]
pub struct ToothSetIter(pub(crate) u128);

impl Iterator for ToothSetIter {
    type Item = Tooth;

    fn next(&mut self) -> Option<Tooth> {
        if self.0 == 0 {
            return None;
        }
        let index = self.0.trailing_zeros();
        self.0 &= self.0 - 1;
        Some(ToothSet::tooth_at(index))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.0.count_ones() as usize;
        (left, Some(left))
    }
}

impl ExactSizeIterator for ToothSetIter {}

impl core::iter::FusedIterator for ToothSetIter {}

/// Why a string is not a tooth, a range or a list of teeth.
///
/// ```
/// use cdt_codes::teeth::{ParseTeethError, ToothSet};
///
/// assert_eq!(
///     ToothSet::parse("11-6").unwrap_err().to_string(),
///     "11-6 runs backwards: write a range from its first tooth in Universal order"
/// );
/// assert!(matches!(ToothSet::parse("3,33"), Err(ParseTeethError::Tooth(_))));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseTeethError {
    /// An item is no tooth (or the text is empty).
    #[error(transparent)]
    Tooth(ParseToothError),
    /// A range whose first tooth comes after its last.
    #[error("{from}-{to} runs backwards: write a range from its first tooth in Universal order")]
    Backwards {
        /// The first tooth written.
        from: Tooth,
        /// The last tooth written.
        to: Tooth,
    },
    /// A range from a permanent to a primary tooth or back.
    #[error("{from}-{to} mixes permanent and primary teeth: a range stays in one dentition")]
    MixedDentitions {
        /// The first tooth written.
        from: Tooth,
        /// The last tooth written.
        to: Tooth,
    },
    /// A range from the upper to the lower arch.
    #[error("{from}-{to} runs from one arch to the other: a range stays in one arch")]
    AcrossArches {
        /// The first tooth written.
        from: Tooth,
        /// The last tooth written.
        to: Tooth,
    },
    /// A range with a supernumerary end.
    #[error("{from}-{to} has a supernumerary end: list supernumerary teeth one by one")]
    Supernumerary {
        /// The first tooth written.
        from: Tooth,
        /// The last tooth written.
        to: Tooth,
    },
    /// A tooth named twice.
    #[error("tooth {tooth} is named twice")]
    Repeated {
        /// The tooth.
        tooth: Tooth,
    },
}
