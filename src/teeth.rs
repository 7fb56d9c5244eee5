//! Teeth, tooth surfaces and areas of the oral cavity, written the way US
//! dental claims write them (the ADA Dental Claim Form and the X12 837D
//! dental claim).
//!
//! - [`Tooth`]: the Universal/National Tooth Designation System. Permanent
//!   teeth are `1` to `32`, primary teeth `A` to `T`; a supernumerary tooth
//!   takes the designation of the tooth it is numbered after, plus 50 for
//!   permanent teeth (`51` to `82`) or a trailing `S` for primary teeth
//!   (`AS` to `TS`). Converts to and from the two-digit ISO 3950 (FDI)
//!   notation.
//! - [`Surface`] and [`Surfaces`]: the tooth surface letters `M`, `O`, `I`,
//!   `D`, `B`, `F` and `L`, alone or combined as in `MOD`.
//! - [`ToothSet`]: the teeth one line names, as a range (`6-11`) or a
//!   list (`3,4,5`).
//! - [`Area`]: the two-digit area of the oral cavity codes (`00` entire
//!   oral cavity, `01`/`02` arches, `03` to `08` sextants, `09` other,
//!   `10` to `40` quadrants).
//!
//! Everything here is `Copy`, allocation-free and usable without `std`;
//! no input makes any of it panic.
//!
//! ```
//! use cdt_codes::teeth::{Area, Surfaces, Tooth};
//!
//! let tooth: Tooth = "3".parse()?;
//! assert_eq!(tooth.name(), "permanent maxillary right first molar");
//! assert_eq!(tooth.to_iso(), Some(16));
//!
//! let surfaces: Surfaces = "m o d".parse()?;
//! assert_eq!(surfaces.to_string(), "MOD");
//! assert!(surfaces.check(tooth).is_ok());
//!
//! let area: Area = "10".parse()?;
//! assert!(area.contains(tooth));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use core::fmt;
use core::str::FromStr;

// ---------------------------------------------------------------------------
// Small fixed-size text buffers
// ---------------------------------------------------------------------------

/// A short ASCII string built on the stack, for `Display` and serde.
#[derive(Clone, Copy)]
struct Ascii<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

impl<const N: usize> Ascii<N> {
    const fn new() -> Self {
        Ascii {
            bytes: [0; N],
            len: 0,
        }
    }

    /// Appends a byte; a byte past the capacity is dropped.
    fn push(&mut self, byte: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = byte;
            self.len += 1;
        }
    }

    fn as_str(&self) -> &str {
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
fn trim(text: &str) -> &str {
    text.trim_matches(|ch: char| ch.is_ascii_whitespace())
}

// ---------------------------------------------------------------------------
// Arches, quadrants and kinds of teeth
// ---------------------------------------------------------------------------

/// One of the two dental arches.
///
/// ```
/// use cdt_codes::teeth::{Arch, Tooth};
///
/// assert_eq!(Tooth::permanent(8).unwrap().arch(), Arch::Upper);
/// assert_eq!(Tooth::primary('K').unwrap().arch(), Arch::Lower);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arch {
    /// The upper (maxillary) arch.
    Upper,
    /// The lower (mandibular) arch.
    Lower,
}

impl Arch {
    /// The area of the oral cavity code for the whole arch: `01` for the
    /// upper arch, `02` for the lower.
    ///
    /// ```
    /// use cdt_codes::teeth::{Arch, Area};
    ///
    /// assert_eq!(Arch::Upper.area(), Area::MaxillaryArch);
    /// assert_eq!(Arch::Lower.area().code(), "02");
    /// ```
    #[must_use]
    pub const fn area(self) -> Area {
        match self {
            Arch::Upper => Area::MaxillaryArch,
            Arch::Lower => Area::MandibularArch,
        }
    }

    /// The anatomical name: `"maxillary"` or `"mandibular"`.
    ///
    /// ```
    /// assert_eq!(cdt_codes::teeth::Arch::Lower.name(), "mandibular");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Arch::Upper => "maxillary",
            Arch::Lower => "mandibular",
        }
    }
}

/// One of the four quadrants of the mouth, seen from the patient: the
/// patient's right is the right quadrants.
///
/// The Universal system numbers them in the order listed here: permanent
/// teeth 1-8 are upper right, 9-16 upper left, 17-24 lower left and 25-32
/// lower right.
///
/// ```
/// use cdt_codes::teeth::{Quadrant, Tooth};
///
/// assert_eq!(Tooth::permanent(1).unwrap().quadrant(), Quadrant::UpperRight);
/// assert_eq!(Tooth::permanent(17).unwrap().quadrant(), Quadrant::LowerLeft);
/// assert_eq!(Tooth::primary('T').unwrap().quadrant(), Quadrant::LowerRight);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Quadrant {
    /// Upper right (ISO 3950 quadrant 1, primary 5).
    UpperRight,
    /// Upper left (ISO 3950 quadrant 2, primary 6).
    UpperLeft,
    /// Lower left (ISO 3950 quadrant 3, primary 7).
    LowerLeft,
    /// Lower right (ISO 3950 quadrant 4, primary 8).
    LowerRight,
}

impl Quadrant {
    /// The arch the quadrant is in.
    ///
    /// ```
    /// use cdt_codes::teeth::{Arch, Quadrant};
    ///
    /// assert_eq!(Quadrant::UpperLeft.arch(), Arch::Upper);
    /// assert_eq!(Quadrant::LowerRight.arch(), Arch::Lower);
    /// ```
    #[must_use]
    pub const fn arch(self) -> Arch {
        match self {
            Quadrant::UpperRight | Quadrant::UpperLeft => Arch::Upper,
            Quadrant::LowerLeft | Quadrant::LowerRight => Arch::Lower,
        }
    }

    /// The area of the oral cavity code for the quadrant: `10`, `20`, `30`
    /// or `40`.
    ///
    /// ```
    /// use cdt_codes::teeth::{Area, Quadrant};
    ///
    /// assert_eq!(Quadrant::LowerLeft.area(), Area::LowerLeftQuadrant);
    /// assert_eq!(Quadrant::UpperRight.area().code(), "10");
    /// ```
    #[must_use]
    pub const fn area(self) -> Area {
        match self {
            Quadrant::UpperRight => Area::UpperRightQuadrant,
            Quadrant::UpperLeft => Area::UpperLeftQuadrant,
            Quadrant::LowerLeft => Area::LowerLeftQuadrant,
            Quadrant::LowerRight => Area::LowerRightQuadrant,
        }
    }

    /// Whether the quadrant is on the patient's right side.
    ///
    /// ```
    /// use cdt_codes::teeth::Quadrant;
    ///
    /// assert!(Quadrant::LowerRight.is_right());
    /// assert!(!Quadrant::UpperLeft.is_right());
    /// ```
    #[must_use]
    pub const fn is_right(self) -> bool {
        matches!(self, Quadrant::UpperRight | Quadrant::LowerRight)
    }

    /// The first digit of ISO 3950 tooth codes in this quadrant: 1 to 4
    /// for permanent teeth, 5 to 8 for primary teeth.
    const fn iso_digit(self, primary: bool) -> u8 {
        let digit = match self {
            Quadrant::UpperRight => 1,
            Quadrant::UpperLeft => 2,
            Quadrant::LowerLeft => 3,
            Quadrant::LowerRight => 4,
        };
        if primary {
            digit + 4
        } else {
            digit
        }
    }
}

/// The class of a tooth.
///
/// Primary teeth have no premolars: each primary quadrant holds two
/// incisors, a canine and two molars.
///
/// ```
/// use cdt_codes::teeth::{Tooth, ToothKind};
///
/// assert_eq!(Tooth::permanent(8).unwrap().kind(), ToothKind::Incisor);
/// assert_eq!(Tooth::permanent(5).unwrap().kind(), ToothKind::Premolar);
/// assert_eq!(Tooth::primary('B').unwrap().kind(), ToothKind::Molar);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ToothKind {
    /// A central or lateral incisor (anterior).
    Incisor,
    /// A canine, also called a cuspid (anterior).
    Canine,
    /// A first or second premolar, also called a bicuspid (posterior,
    /// permanent teeth only).
    Premolar,
    /// A first, second or third molar (posterior).
    Molar,
}

impl ToothKind {
    /// Whether teeth of this kind are anterior (incisors and canines).
    ///
    /// ```
    /// use cdt_codes::teeth::ToothKind;
    ///
    /// assert!(ToothKind::Canine.is_anterior());
    /// assert!(!ToothKind::Premolar.is_anterior());
    /// ```
    #[must_use]
    pub const fn is_anterior(self) -> bool {
        matches!(self, ToothKind::Incisor | ToothKind::Canine)
    }

    /// The name in lower case: `"incisor"`, `"canine"`, `"premolar"` or
    /// `"molar"`.
    ///
    /// ```
    /// assert_eq!(cdt_codes::teeth::ToothKind::Premolar.name(), "premolar");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            ToothKind::Incisor => "incisor",
            ToothKind::Canine => "canine",
            ToothKind::Premolar => "premolar",
            ToothKind::Molar => "molar",
        }
    }
}

// ---------------------------------------------------------------------------
// Tooth
// ---------------------------------------------------------------------------

/// Names of the 32 permanent teeth (Universal 1-32), then the 20 primary
/// teeth (A-T), and the same for supernumerary teeth numbered after them.
macro_rules! tooth_names {
    ($($name:literal),* $(,)?) => {
        const TOOTH_NAMES: [&str; 52] = [$($name),*];
        const SUPERNUMERARY_NAMES: [&str; 52] =
            [$(concat!("supernumerary tooth next to the ", $name)),*];
    };
}

tooth_names![
    "permanent maxillary right third molar",
    "permanent maxillary right second molar",
    "permanent maxillary right first molar",
    "permanent maxillary right second premolar",
    "permanent maxillary right first premolar",
    "permanent maxillary right canine",
    "permanent maxillary right lateral incisor",
    "permanent maxillary right central incisor",
    "permanent maxillary left central incisor",
    "permanent maxillary left lateral incisor",
    "permanent maxillary left canine",
    "permanent maxillary left first premolar",
    "permanent maxillary left second premolar",
    "permanent maxillary left first molar",
    "permanent maxillary left second molar",
    "permanent maxillary left third molar",
    "permanent mandibular left third molar",
    "permanent mandibular left second molar",
    "permanent mandibular left first molar",
    "permanent mandibular left second premolar",
    "permanent mandibular left first premolar",
    "permanent mandibular left canine",
    "permanent mandibular left lateral incisor",
    "permanent mandibular left central incisor",
    "permanent mandibular right central incisor",
    "permanent mandibular right lateral incisor",
    "permanent mandibular right canine",
    "permanent mandibular right first premolar",
    "permanent mandibular right second premolar",
    "permanent mandibular right first molar",
    "permanent mandibular right second molar",
    "permanent mandibular right third molar",
    "primary maxillary right second molar",
    "primary maxillary right first molar",
    "primary maxillary right canine",
    "primary maxillary right lateral incisor",
    "primary maxillary right central incisor",
    "primary maxillary left central incisor",
    "primary maxillary left lateral incisor",
    "primary maxillary left canine",
    "primary maxillary left first molar",
    "primary maxillary left second molar",
    "primary mandibular left second molar",
    "primary mandibular left first molar",
    "primary mandibular left canine",
    "primary mandibular left lateral incisor",
    "primary mandibular left central incisor",
    "primary mandibular right central incisor",
    "primary mandibular right lateral incisor",
    "primary mandibular right canine",
    "primary mandibular right first molar",
    "primary mandibular right second molar",
];

/// Added to a primary tooth's place in A-T (1-20) to form its stored code.
const PRIMARY: u8 = 100;
/// Added to a regular tooth's stored code to form its supernumerary code.
const SUPERNUMERARY: u8 = 50;

/// A tooth in the Universal/National Tooth Designation System used on US
/// dental claims.
///
/// | teeth                   | designations | example            |
/// |-------------------------|--------------|--------------------|
/// | permanent               | `1`-`32`     | `8`                |
/// | primary                 | `A`-`T`      | `E`                |
/// | supernumerary permanent | `51`-`82`    | `58` (next to `8`) |
/// | supernumerary primary   | `AS`-`TS`    | `ES` (next to `E`) |
///
/// Permanent teeth run from the upper right third molar (`1`) along the
/// upper arch to the upper left third molar (`16`), then from the lower
/// left third molar (`17`) to the lower right third molar (`32`). Primary
/// teeth run the same way from the upper right second molar (`A`) to the
/// lower right second molar (`T`).
///
/// A supernumerary tooth is described by the tooth it is numbered after:
/// its arch, quadrant, kind and sextant are that tooth's. It has no ISO 3950
/// code.
///
/// Parsing trims surrounding ASCII whitespace, accepts lower-case letters
/// (`e`, `es`) and leading zeros (`08`); `Display` writes the canonical
/// form and honours width, fill and alignment.
///
/// Teeth order as: permanent teeth in Universal order, permanent
/// supernumerary teeth, primary teeth, primary supernumerary teeth.
///
/// ```
/// use cdt_codes::teeth::{Quadrant, Tooth, ToothKind};
///
/// let tooth: Tooth = " 8 ".parse()?;
/// assert_eq!(tooth.to_string(), "8");
/// assert_eq!(tooth.to_iso(), Some(11));
/// assert_eq!(tooth.quadrant(), Quadrant::UpperRight);
/// assert_eq!(tooth.kind(), ToothKind::Incisor);
///
/// let extra: Tooth = "es".parse()?;
/// assert_eq!(extra.to_string(), "ES");
/// assert!(extra.is_primary() && extra.is_supernumerary());
/// assert_eq!(format!("[{extra:>4}]"), "[  ES]");
/// # Ok::<(), cdt_codes::teeth::ParseToothError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tooth(
    // 1-32 permanent, 51-82 supernumerary permanent, 101-120 primary
    // (A-T), 151-170 supernumerary primary (AS-TS).
    u8,
);

impl Tooth {
    /// The permanent tooth with a Universal number from 1 to 32, or `None`.
    ///
    /// Use [`Tooth::from_number`] to accept supernumerary numbers (51-82)
    /// as well.
    ///
    /// ```
    /// use cdt_codes::teeth::Tooth;
    ///
    /// assert_eq!(Tooth::permanent(32).map(|t| t.to_string()).as_deref(), Some("32"));
    /// assert_eq!(Tooth::permanent(0), None);
    /// assert_eq!(Tooth::permanent(51), None);
    /// ```
    #[must_use]
    pub const fn permanent(number: u8) -> Option<Tooth> {
        if number >= 1 && number <= 32 {
            Some(Tooth(number))
        } else {
            None
        }
    }

    /// The tooth with a Universal number: 1-32 for permanent teeth, 51-82
    /// for supernumerary permanent teeth; otherwise `None`.
    ///
    /// ```
    /// use cdt_codes::teeth::Tooth;
    ///
    /// let tooth = Tooth::from_number(58).unwrap();
    /// assert!(tooth.is_supernumerary());
    /// assert_eq!(tooth.base(), Tooth::permanent(8).unwrap());
    /// assert_eq!(Tooth::from_number(33), None);
    /// assert_eq!(Tooth::from_number(50), None);
    /// ```
    #[must_use]
    pub const fn from_number(number: u8) -> Option<Tooth> {
        match number {
            1..=32 | 51..=82 => Some(Tooth(number)),
            _ => None,
        }
    }

    /// The primary tooth with a letter from `A` to `T` in either case, or
    /// `None`.
    ///
    /// ```
    /// use cdt_codes::teeth::Tooth;
    ///
    /// assert_eq!(Tooth::primary('e'), Tooth::primary('E'));
    /// assert_eq!(Tooth::primary('A').unwrap().name(), "primary maxillary right second molar");
    /// assert_eq!(Tooth::primary('U'), None);
    /// ```
    #[must_use]
    pub const fn primary(letter: char) -> Option<Tooth> {
        let upper = letter.to_ascii_uppercase();
        let mut place = 0;
        while place < 20 {
            if (b'A' + place) as char == upper {
                return Some(Tooth(PRIMARY + place + 1));
            }
            place += 1;
        }
        None
    }

    /// The supernumerary tooth numbered after this one: `8` gives `58`,
    /// `E` gives `ES`. A supernumerary tooth gives itself.
    ///
    /// ```
    /// use cdt_codes::teeth::Tooth;
    ///
    /// let eight = Tooth::permanent(8).unwrap();
    /// assert_eq!(eight.supernumerary().to_string(), "58");
    /// assert_eq!(Tooth::primary('E').unwrap().supernumerary().to_string(), "ES");
    /// ```
    #[must_use]
    pub const fn supernumerary(self) -> Tooth {
        if self.is_supernumerary() {
            self
        } else {
            Tooth(self.0 + SUPERNUMERARY)
        }
    }

    /// The regular tooth a supernumerary tooth is numbered after: `58`
    /// gives `8`, `ES` gives `E`. A regular tooth gives itself.
    ///
    /// ```
    /// use cdt_codes::teeth::Tooth;
    ///
    /// let extra: Tooth = "AS".parse().unwrap();
    /// assert_eq!(extra.base(), Tooth::primary('A').unwrap());
    /// assert_eq!(Tooth::permanent(3).unwrap().base().to_string(), "3");
    /// ```
    #[must_use]
    pub const fn base(self) -> Tooth {
        if self.is_supernumerary() {
            Tooth(self.0 - SUPERNUMERARY)
        } else {
            self
        }
    }

    /// Parses a Universal designation: `1`-`32`, `51`-`82`, `A`-`T` or
    /// `AS`-`TS`, in either case, with surrounding whitespace and leading
    /// zeros allowed. The same as [`str::parse`].
    ///
    /// # Errors
    ///
    /// A [`ParseToothError`] saying whether the text was empty, a number
    /// that is no tooth, letters that are no tooth, or neither.
    ///
    /// ```
    /// use cdt_codes::teeth::{ParseToothError, Tooth};
    ///
    /// assert_eq!(Tooth::parse("t"), Ok(Tooth::primary('T').unwrap()));
    /// assert_eq!(Tooth::parse("  "), Err(ParseToothError::Empty));
    /// assert_eq!(
    ///     Tooth::parse("33").unwrap_err().to_string(),
    ///     "33 is not a tooth number: permanent teeth are 1-32, supernumerary 51-82"
    /// );
    /// ```
    pub fn parse(text: &str) -> Result<Tooth, ParseToothError> {
        let text = trim(text);
        let bytes = text.as_bytes();
        if bytes.is_empty() {
            return Err(ParseToothError::Empty);
        }
        if bytes.iter().all(u8::is_ascii_digit) {
            let value = bytes.iter().fold(0_u32, |value, digit| {
                value
                    .saturating_mul(10)
                    .saturating_add(u32::from(digit - b'0'))
            });
            return u8::try_from(value).ok().and_then(Tooth::from_number).ok_or(
                ParseToothError::NotATooth {
                    text: Excerpt::new(text),
                },
            );
        }
        if bytes.iter().all(u8::is_ascii_alphabetic) {
            let tooth = match *bytes {
                [letter] => Tooth::primary(char::from(letter)),
                [letter, b'S' | b's'] => {
                    Tooth::primary(char::from(letter)).map(Tooth::supernumerary)
                }
                _ => None,
            };
            return tooth.ok_or(ParseToothError::NotAToothLetter {
                text: Excerpt::new(text),
            });
        }
        Err(ParseToothError::Unrecognized {
            text: Excerpt::new(text),
        })
    }

    /// The tooth with a two-digit ISO 3950 (FDI) code: 11-18, 21-28, 31-38
    /// and 41-48 for permanent teeth, 51-55, 61-65, 71-75 and 81-85 for
    /// primary teeth; otherwise `None`.
    ///
    /// ```
    /// use cdt_codes::teeth::Tooth;
    ///
    /// assert_eq!(Tooth::from_iso(11).unwrap().to_string(), "8");
    /// assert_eq!(Tooth::from_iso(48).unwrap().to_string(), "32");
    /// assert_eq!(Tooth::from_iso(85).unwrap().to_string(), "T");
    /// assert_eq!(Tooth::from_iso(19), None);
    /// assert_eq!(Tooth::from_iso(56), None);
    /// ```
    #[must_use]
    pub const fn from_iso(code: u8) -> Option<Tooth> {
        let position = code % 10;
        let stored = match (code / 10, position) {
            (1, 1..=8) => 9 - position,
            (2, 1..=8) => 8 + position,
            (3, 1..=8) => 25 - position,
            (4, 1..=8) => 24 + position,
            (5, 1..=5) => PRIMARY + 6 - position,
            (6, 1..=5) => PRIMARY + 5 + position,
            (7, 1..=5) => PRIMARY + 16 - position,
            (8, 1..=5) => PRIMARY + 15 + position,
            _ => return None,
        };
        Some(Tooth(stored))
    }

    /// The two-digit ISO 3950 (FDI) code: quadrant digit then position
    /// from the midline. `None` for supernumerary teeth, which ISO 3950
    /// does not number this way.
    ///
    /// ```
    /// use cdt_codes::teeth::Tooth;
    ///
    /// assert_eq!(Tooth::permanent(8).unwrap().to_iso(), Some(11));
    /// assert_eq!(Tooth::permanent(9).unwrap().to_iso(), Some(21));
    /// assert_eq!(Tooth::primary('A').unwrap().to_iso(), Some(55));
    /// assert_eq!(Tooth::from_number(58).unwrap().to_iso(), None);
    /// ```
    #[must_use]
    pub const fn to_iso(self) -> Option<u8> {
        if self.is_supernumerary() {
            return None;
        }
        let (quadrant, position) = self.place();
        Some(quadrant.iso_digit(self.is_primary()) * 10 + position)
    }

    /// The Universal number of a permanent tooth (1-32, or 51-82 for a
    /// supernumerary one); `None` for primary teeth.
    ///
    /// ```
    /// use cdt_codes::teeth::Tooth;
    ///
    /// assert_eq!(Tooth::permanent(14).unwrap().number(), Some(14));
    /// assert_eq!(Tooth::from_number(64).unwrap().number(), Some(64));
    /// assert_eq!(Tooth::primary('C').unwrap().number(), None);
    /// ```
    #[must_use]
    pub const fn number(self) -> Option<u8> {
        if self.is_primary() {
            None
        } else {
            Some(self.0)
        }
    }

    /// The letter of a primary tooth (`A`-`T`; for a supernumerary primary
    /// tooth, the letter before its `S`); `None` for permanent teeth.
    ///
    /// ```
    /// use cdt_codes::teeth::Tooth;
    ///
    /// assert_eq!(Tooth::primary('c').unwrap().letter(), Some('C'));
    /// assert_eq!("CS".parse::<Tooth>().unwrap().letter(), Some('C'));
    /// assert_eq!(Tooth::permanent(3).unwrap().letter(), None);
    /// ```
    #[must_use]
    pub const fn letter(self) -> Option<char> {
        if self.is_primary() {
            // `sequence` is 1-20, so the byte is 'A' to 'T'.
            Some((b'A' + self.sequence() - 1) as char)
        } else {
            None
        }
    }

    /// Whether this is a permanent tooth (`1`-`32`, or supernumerary
    /// `51`-`82`).
    ///
    /// ```
    /// use cdt_codes::teeth::Tooth;
    ///
    /// assert!(Tooth::permanent(1).unwrap().is_permanent());
    /// assert!(Tooth::from_number(51).unwrap().is_permanent());
    /// assert!(!Tooth::primary('A').unwrap().is_permanent());
    /// ```
    #[must_use]
    pub const fn is_permanent(self) -> bool {
        self.0 < PRIMARY
    }

    /// Whether this is a primary tooth (`A`-`T`, or supernumerary
    /// `AS`-`TS`).
    ///
    /// ```
    /// use cdt_codes::teeth::Tooth;
    ///
    /// assert!(Tooth::primary('J').unwrap().is_primary());
    /// assert!(!Tooth::permanent(10).unwrap().is_primary());
    /// ```
    #[must_use]
    pub const fn is_primary(self) -> bool {
        self.0 > PRIMARY
    }

    /// Whether this is a supernumerary tooth (`51`-`82` or `AS`-`TS`).
    ///
    /// ```
    /// use cdt_codes::teeth::Tooth;
    ///
    /// assert!(Tooth::from_number(82).unwrap().is_supernumerary());
    /// assert!("ts".parse::<Tooth>().unwrap().is_supernumerary());
    /// assert!(!Tooth::permanent(32).unwrap().is_supernumerary());
    /// ```
    #[must_use]
    pub const fn is_supernumerary(self) -> bool {
        self.0 % PRIMARY > SUPERNUMERARY
    }

    /// The arch the tooth is in.
    ///
    /// ```
    /// use cdt_codes::teeth::{Arch, Tooth};
    ///
    /// assert_eq!(Tooth::permanent(16).unwrap().arch(), Arch::Upper);
    /// assert_eq!(Tooth::permanent(17).unwrap().arch(), Arch::Lower);
    /// ```
    #[must_use]
    pub const fn arch(self) -> Arch {
        self.quadrant().arch()
    }

    /// The quadrant the tooth is in.
    ///
    /// ```
    /// use cdt_codes::teeth::{Quadrant, Tooth};
    ///
    /// assert_eq!(Tooth::permanent(9).unwrap().quadrant(), Quadrant::UpperLeft);
    /// assert_eq!(Tooth::permanent(25).unwrap().quadrant(), Quadrant::LowerRight);
    /// assert_eq!(Tooth::primary('K').unwrap().quadrant(), Quadrant::LowerLeft);
    /// ```
    #[must_use]
    pub const fn quadrant(self) -> Quadrant {
        self.place().0
    }

    /// The class of the tooth: incisor, canine, premolar or molar.
    ///
    /// ```
    /// use cdt_codes::teeth::{Tooth, ToothKind};
    ///
    /// assert_eq!(Tooth::permanent(6).unwrap().kind(), ToothKind::Canine);
    /// assert_eq!(Tooth::permanent(1).unwrap().kind(), ToothKind::Molar);
    /// assert_eq!(Tooth::primary('H').unwrap().kind(), ToothKind::Canine);
    /// ```
    #[must_use]
    pub const fn kind(self) -> ToothKind {
        match (self.is_primary(), self.place().1) {
            (_, 1 | 2) => ToothKind::Incisor,
            (_, 3) => ToothKind::Canine,
            (false, 4 | 5) => ToothKind::Premolar,
            _ => ToothKind::Molar,
        }
    }

    /// Whether the tooth is anterior: an incisor or a canine.
    ///
    /// ```
    /// use cdt_codes::teeth::Tooth;
    ///
    /// assert!(Tooth::permanent(11).unwrap().is_anterior());
    /// assert!(!Tooth::permanent(12).unwrap().is_anterior());
    /// ```
    #[must_use]
    pub const fn is_anterior(self) -> bool {
        self.kind().is_anterior()
    }

    /// Whether the tooth is posterior: a premolar or a molar.
    ///
    /// ```
    /// use cdt_codes::teeth::Tooth;
    ///
    /// assert!(Tooth::permanent(4).unwrap().is_posterior());
    /// assert!(Tooth::primary('B').unwrap().is_posterior());
    /// assert!(!Tooth::primary('C').unwrap().is_posterior());
    /// ```
    #[must_use]
    pub const fn is_posterior(self) -> bool {
        !self.is_anterior()
    }

    /// The sextant the tooth is in, as an area of the oral cavity code
    /// (`03` to `08`).
    ///
    /// The anterior sextants hold the incisors and canines of an arch
    /// (permanent `6`-`11` and `22`-`27`, primary `C`-`H` and `M`-`R`); the
    /// posterior sextants hold the premolars and molars of a quadrant.
    ///
    /// ```
    /// use cdt_codes::teeth::{Area, Tooth};
    ///
    /// assert_eq!(Tooth::permanent(5).unwrap().sextant(), Area::UpperRightSextant);
    /// assert_eq!(Tooth::permanent(6).unwrap().sextant(), Area::UpperAnteriorSextant);
    /// assert_eq!(Tooth::permanent(28).unwrap().sextant().code(), "08");
    /// ```
    #[must_use]
    pub const fn sextant(self) -> Area {
        let quadrant = self.quadrant();
        if self.is_anterior() {
            match quadrant.arch() {
                Arch::Upper => Area::UpperAnteriorSextant,
                Arch::Lower => Area::LowerAnteriorSextant,
            }
        } else {
            match quadrant {
                Quadrant::UpperRight => Area::UpperRightSextant,
                Quadrant::UpperLeft => Area::UpperLeftSextant,
                Quadrant::LowerLeft => Area::LowerLeftSextant,
                Quadrant::LowerRight => Area::LowerRightSextant,
            }
        }
    }

    /// The tooth's name in words, e.g. `"permanent maxillary right central
    /// incisor"`; a supernumerary tooth is named after the tooth it is
    /// numbered after.
    ///
    /// ```
    /// use cdt_codes::teeth::Tooth;
    ///
    /// assert_eq!(Tooth::permanent(8).unwrap().name(), "permanent maxillary right central incisor");
    /// assert_eq!(Tooth::permanent(17).unwrap().name(), "permanent mandibular left third molar");
    /// assert_eq!(Tooth::primary('T').unwrap().name(), "primary mandibular right second molar");
    /// assert_eq!(
    ///     Tooth::from_number(59).unwrap().name(),
    ///     "supernumerary tooth next to the permanent maxillary left central incisor"
    /// );
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        let offset = if self.is_primary() { 32 } else { 0 };
        let index = usize::from(self.sequence()) + offset - 1;
        let table = if self.is_supernumerary() {
            &SUPERNUMERARY_NAMES
        } else {
            &TOOTH_NAMES
        };
        table.get(index).copied().unwrap_or("")
    }

    /// The 32 permanent teeth in Universal order, `1` to `32`.
    ///
    /// ```
    /// use cdt_codes::teeth::Tooth;
    ///
    /// assert_eq!(Tooth::permanent_teeth().count(), 32);
    /// assert_eq!(Tooth::permanent_teeth().last().unwrap().to_string(), "32");
    /// ```
    #[must_use]
    pub fn permanent_teeth() -> Teeth {
        Teeth(1..=32)
    }

    /// The 20 primary teeth in Universal order, `A` to `T`.
    ///
    /// ```
    /// use cdt_codes::teeth::Tooth;
    ///
    /// assert_eq!(Tooth::primary_teeth().count(), 20);
    /// assert_eq!(Tooth::primary_teeth().next().unwrap().to_string(), "A");
    /// ```
    #[must_use]
    pub fn primary_teeth() -> Teeth {
        Teeth(PRIMARY + 1..=PRIMARY + 20)
    }

    /// The place in Universal order of the tooth, or of the tooth a
    /// supernumerary tooth is numbered after: 1-32 or 1-20.
    const fn sequence(self) -> u8 {
        self.base().0 % PRIMARY
    }

    /// The quadrant and the position from the midline (1 for a central
    /// incisor, up to 8 or 5).
    const fn place(self) -> (Quadrant, u8) {
        let sequence = self.sequence();
        if self.is_primary() {
            match sequence {
                1..=5 => (Quadrant::UpperRight, 6 - sequence),
                6..=10 => (Quadrant::UpperLeft, sequence - 5),
                11..=15 => (Quadrant::LowerLeft, 16 - sequence),
                _ => (Quadrant::LowerRight, sequence.saturating_sub(15)),
            }
        } else {
            match sequence {
                1..=8 => (Quadrant::UpperRight, 9 - sequence),
                9..=16 => (Quadrant::UpperLeft, sequence - 8),
                17..=24 => (Quadrant::LowerLeft, 25 - sequence),
                _ => (Quadrant::LowerRight, sequence.saturating_sub(24)),
            }
        }
    }

    fn ascii(self) -> Ascii<2> {
        let mut text = Ascii::new();
        if self.is_primary() {
            text.push(b'A' + self.sequence() - 1);
            if self.is_supernumerary() {
                text.push(b'S');
            }
        } else {
            if self.0 >= 10 {
                text.push(b'0' + self.0 / 10);
            }
            text.push(b'0' + self.0 % 10);
        }
        text
    }
}

/// Teeth in Universal order: see [`Tooth::permanent_teeth`] and
/// [`Tooth::primary_teeth`].
///
/// ```
/// let teeth = cdt_codes::teeth::Tooth::permanent_teeth();
/// assert_eq!(teeth.len(), 32);
/// ```
#[derive(Debug, Clone)]
pub struct Teeth(core::ops::RangeInclusive<u8>);

impl Iterator for Teeth {
    type Item = Tooth;

    fn next(&mut self) -> Option<Tooth> {
        self.0.next().map(Tooth)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl DoubleEndedIterator for Teeth {
    fn next_back(&mut self) -> Option<Tooth> {
        self.0.next_back().map(Tooth)
    }
}

impl ExactSizeIterator for Teeth {}

impl fmt::Display for Tooth {
    /// Writes the canonical designation (`8`, `58`, `E`, `ES`), padded to
    /// any requested width.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.ascii().as_str())
    }
}

impl fmt::Debug for Tooth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Tooth({})", self.ascii().as_str())
    }
}

impl FromStr for Tooth {
    type Err = ParseToothError;

    fn from_str(text: &str) -> Result<Tooth, ParseToothError> {
        Tooth::parse(text)
    }
}

/// Why a string is not a Universal tooth designation.
///
/// ```
/// use cdt_codes::teeth::{ParseToothError, Tooth};
///
/// assert!(matches!(Tooth::parse("0"), Err(ParseToothError::NotATooth { .. })));
/// assert!(matches!(Tooth::parse("U"), Err(ParseToothError::NotAToothLetter { .. })));
/// assert!(matches!(Tooth::parse("#8"), Err(ParseToothError::Unrecognized { .. })));
/// assert_eq!(
///     Tooth::parse("US").unwrap_err().to_string(),
///     "US is not a tooth letter: primary teeth are A-T, supernumerary AS-TS"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ParseToothError {
    /// The text was empty or only whitespace.
    #[error("no tooth given")]
    Empty,
    /// The text was all digits but not 1-32 or 51-82.
    #[error("{text} is not a tooth number: permanent teeth are 1-32, supernumerary 51-82")]
    NotATooth {
        /// The digits, trimmed.
        text: Excerpt,
    },
    /// The text was all letters but not `A`-`T` or `AS`-`TS`.
    #[error("{text} is not a tooth letter: primary teeth are A-T, supernumerary AS-TS")]
    NotAToothLetter {
        /// The letters, trimmed.
        text: Excerpt,
    },
    /// The text mixed digits, letters or other characters.
    #[error(
        "\"{text}\" is not a tooth: permanent teeth are 1-32 (supernumerary 51-82), \
         primary teeth A-T (supernumerary AS-TS)"
    )]
    Unrecognized {
        /// The text, trimmed.
        text: Excerpt,
    },
}

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
pub struct ToothSet(u128);

impl ToothSet {
    /// No tooth.
    pub const EMPTY: ToothSet = ToothSet(0);

    /// The bit of a tooth: permanent 0-31, supernumerary permanent 32-63,
    /// primary 64-83, supernumerary primary 84-103.
    const fn bit(tooth: Tooth) -> u32 {
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
    const fn tooth_at(index: u32) -> Tooth {
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
    /// assert!(cdt_codes::teeth::ToothSet::EMPTY.is_empty());
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
        let mut set = ToothSet::EMPTY;
        let mut items = 0;
        for item in text
            .split([',', ';', ' ', '\t'])
            .filter(|item| !item.is_empty())
        {
            items += 1;
            let teeth = match item.split_once('-') {
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
struct ToothSetText(ToothSet);

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
pub struct ToothSetIter(u128);

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

// ---------------------------------------------------------------------------
// Surfaces
// ---------------------------------------------------------------------------

/// A tooth surface, as lettered on dental claims.
///
/// `B` (buccal) and `F` (facial) are separate letters: both name the
/// outward-facing side of a tooth, buccal usually for posterior teeth
/// (towards the cheek) and facial usually for anterior teeth (towards the
/// lips). They are kept as given and not checked against the tooth.
///
/// ```
/// use cdt_codes::teeth::Surface;
///
/// assert_eq!(Surface::from_letter('o'), Some(Surface::Occlusal));
/// assert_eq!(Surface::Occlusal.to_string(), "O");
/// assert_eq!(Surface::Facial.name(), "facial");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Surface {
    /// `M`: the side of a tooth nearer the midline of the dental arch.
    Mesial,
    /// `O`: the grinding top of a premolar or molar.
    Occlusal,
    /// `I`: the cutting edge of an incisor or canine.
    Incisal,
    /// `D`: the side of a tooth farther from the midline of the dental arch.
    Distal,
    /// `B`: the cheek side of a tooth.
    Buccal,
    /// `F`: the outer side of a tooth, towards lips or cheek.
    Facial,
    /// `L`: the tongue side of a tooth (the palate side, on upper teeth).
    Lingual,
}

impl Surface {
    /// All surfaces in canonical order: `M`, `O`, `I`, `D`, `B`, `F`, `L`.
    ///
    /// ```
    /// use cdt_codes::teeth::Surface;
    ///
    /// let letters: String = Surface::ALL.iter().map(|s| s.letter()).collect();
    /// assert_eq!(letters, "MOIDBFL");
    /// ```
    pub const ALL: [Surface; 7] = [
        Surface::Mesial,
        Surface::Occlusal,
        Surface::Incisal,
        Surface::Distal,
        Surface::Buccal,
        Surface::Facial,
        Surface::Lingual,
    ];

    /// The surface for a letter in either case, or `None`.
    ///
    /// ```
    /// use cdt_codes::teeth::Surface;
    ///
    /// assert_eq!(Surface::from_letter('L'), Some(Surface::Lingual));
    /// assert_eq!(Surface::from_letter('b'), Some(Surface::Buccal));
    /// assert_eq!(Surface::from_letter('V'), None);
    /// ```
    #[must_use]
    pub const fn from_letter(letter: char) -> Option<Surface> {
        match letter.to_ascii_uppercase() {
            'M' => Some(Surface::Mesial),
            'O' => Some(Surface::Occlusal),
            'I' => Some(Surface::Incisal),
            'D' => Some(Surface::Distal),
            'B' => Some(Surface::Buccal),
            'F' => Some(Surface::Facial),
            'L' => Some(Surface::Lingual),
            _ => None,
        }
    }

    /// The upper-case letter.
    ///
    /// ```
    /// assert_eq!(cdt_codes::teeth::Surface::Distal.letter(), 'D');
    /// ```
    #[must_use]
    pub const fn letter(self) -> char {
        self.ascii_letter() as char
    }

    const fn ascii_letter(self) -> u8 {
        match self {
            Surface::Mesial => b'M',
            Surface::Occlusal => b'O',
            Surface::Incisal => b'I',
            Surface::Distal => b'D',
            Surface::Buccal => b'B',
            Surface::Facial => b'F',
            Surface::Lingual => b'L',
        }
    }

    /// The name in lower case, e.g. `"mesial"`.
    ///
    /// ```
    /// assert_eq!(cdt_codes::teeth::Surface::Incisal.name(), "incisal");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Surface::Mesial => "mesial",
            Surface::Occlusal => "occlusal",
            Surface::Incisal => "incisal",
            Surface::Distal => "distal",
            Surface::Buccal => "buccal",
            Surface::Facial => "facial",
            Surface::Lingual => "lingual",
        }
    }

    /// Checks that the surface can be on the tooth; the rules are those of
    /// [`Surfaces::check`].
    ///
    /// # Errors
    ///
    /// [`SurfaceError`] for an occlusal surface on an anterior tooth or an
    /// incisal edge on a posterior tooth.
    ///
    /// ```
    /// use cdt_codes::teeth::{Surface, Tooth};
    ///
    /// let canine = Tooth::permanent(6).unwrap();
    /// assert!(Surface::Incisal.check(canine).is_ok());
    /// assert!(Surface::Occlusal.check(canine).is_err());
    /// ```
    pub const fn check(self, tooth: Tooth) -> Result<(), SurfaceError> {
        match self {
            Surface::Occlusal if tooth.is_anterior() => {
                Err(SurfaceError::OcclusalOnAnterior { tooth })
            }
            Surface::Incisal if tooth.is_posterior() => {
                Err(SurfaceError::IncisalOnPosterior { tooth })
            }
            _ => Ok(()),
        }
    }

    const fn bit(self) -> u8 {
        match self {
            Surface::Mesial => 1,
            Surface::Occlusal => 1 << 1,
            Surface::Incisal => 1 << 2,
            Surface::Distal => 1 << 3,
            Surface::Buccal => 1 << 4,
            Surface::Facial => 1 << 5,
            Surface::Lingual => 1 << 6,
        }
    }
}

impl fmt::Display for Surface {
    /// Writes the letter, padded to any requested width.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = Ascii::<1>::new();
        text.push(self.ascii_letter());
        f.pad(text.as_str())
    }
}

/// A set of tooth surfaces, as written on one claim line: `MOD` is mesial,
/// occlusal and distal.
///
/// Parsing accepts letters in either case, in any order, run together or
/// separated by spaces, commas or colons (`MOD`, `M:O:D`, `M,O,D`,
/// `m o d`). A letter given twice or a letter that is no surface is an
/// error. `Display` writes the letters in the canonical order `M`, `O`,
/// `I`, `D`, `B`, `F`, `L` with no separators (an empty set writes
/// nothing), honouring width, fill and alignment. The ordering of sets is
/// arbitrary but total, so that they can be map keys.
///
/// ```
/// use cdt_codes::teeth::{Surface, Surfaces};
///
/// let surfaces: Surfaces = "d,o,m".parse()?;
/// assert_eq!(surfaces.to_string(), "MOD");
/// assert_eq!(surfaces.count(), 3);
/// assert!(surfaces.contains(Surface::Occlusal));
/// assert_eq!(surfaces.iter().collect::<Vec<_>>(), [Surface::Mesial, Surface::Occlusal, Surface::Distal]);
/// # Ok::<(), cdt_codes::teeth::ParseSurfacesError>(())
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Surfaces(u8);

impl Surfaces {
    /// The empty set.
    ///
    /// ```
    /// use cdt_codes::teeth::Surfaces;
    ///
    /// assert!(Surfaces::EMPTY.is_empty());
    /// assert_eq!(Surfaces::EMPTY, Surfaces::default());
    /// ```
    pub const EMPTY: Surfaces = Surfaces(0);

    /// The set with `surface` added. Usable in `const` items.
    ///
    /// ```
    /// use cdt_codes::teeth::{Surface, Surfaces};
    ///
    /// const MO: Surfaces = Surfaces::EMPTY.with(Surface::Mesial).with(Surface::Occlusal);
    /// assert_eq!(MO.to_string(), "MO");
    /// ```
    #[must_use]
    pub const fn with(self, surface: Surface) -> Surfaces {
        Surfaces(self.0 | surface.bit())
    }

    /// Adds a surface; returns `false` if it was already in the set.
    ///
    /// ```
    /// use cdt_codes::teeth::{Surface, Surfaces};
    ///
    /// let mut surfaces = Surfaces::EMPTY;
    /// assert!(surfaces.insert(Surface::Buccal));
    /// assert!(!surfaces.insert(Surface::Buccal));
    /// ```
    pub fn insert(&mut self, surface: Surface) -> bool {
        let added = !self.contains(surface);
        self.0 |= surface.bit();
        added
    }

    /// Removes a surface; returns `false` if it was not in the set.
    ///
    /// ```
    /// use cdt_codes::teeth::{Surface, Surfaces};
    ///
    /// let mut surfaces: Surfaces = "MO".parse().unwrap();
    /// assert!(surfaces.remove(Surface::Mesial));
    /// assert!(!surfaces.remove(Surface::Mesial));
    /// assert_eq!(surfaces.to_string(), "O");
    /// ```
    pub fn remove(&mut self, surface: Surface) -> bool {
        let present = self.contains(surface);
        self.0 &= !surface.bit();
        present
    }

    /// Whether the set holds `surface`.
    ///
    /// ```
    /// use cdt_codes::teeth::{Surface, Surfaces};
    ///
    /// let surfaces: Surfaces = "BL".parse().unwrap();
    /// assert!(surfaces.contains(Surface::Lingual));
    /// assert!(!surfaces.contains(Surface::Facial));
    /// ```
    #[must_use]
    pub const fn contains(self, surface: Surface) -> bool {
        self.0 & surface.bit() != 0
    }

    /// How many surfaces the set holds (0 to 7).
    ///
    /// ```
    /// use cdt_codes::teeth::Surfaces;
    ///
    /// assert_eq!("MODBL".parse::<Surfaces>().unwrap().count(), 5);
    /// assert_eq!(Surfaces::EMPTY.count(), 0);
    /// ```
    #[must_use]
    pub fn count(self) -> usize {
        self.iter().count()
    }

    /// Whether the set is empty.
    ///
    /// ```
    /// use cdt_codes::teeth::{Surface, Surfaces};
    ///
    /// assert!(Surfaces::EMPTY.is_empty());
    /// assert!(!Surfaces::from(Surface::Mesial).is_empty());
    /// ```
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The surfaces in canonical order (`M`, `O`, `I`, `D`, `B`, `F`, `L`).
    ///
    /// ```
    /// use cdt_codes::teeth::{Surface, Surfaces};
    ///
    /// let surfaces: Surfaces = "LBM".parse().unwrap();
    /// let mut iter = surfaces.iter();
    /// assert_eq!(iter.next(), Some(Surface::Mesial));
    /// assert_eq!(iter.next(), Some(Surface::Buccal));
    /// assert_eq!(iter.next(), Some(Surface::Lingual));
    /// assert_eq!(iter.next(), None);
    /// ```
    #[must_use]
    pub const fn iter(self) -> SurfacesIter {
        SurfacesIter { remaining: self.0 }
    }

    /// Parses surface letters, as [`str::parse`] does; see [`Surfaces`] for
    /// the accepted forms.
    ///
    /// # Errors
    ///
    /// [`ParseSurfacesError`]: no letters at all, a character that is no
    /// surface letter or separator, or a surface given twice. Positions
    /// count characters from 1.
    ///
    /// ```
    /// use cdt_codes::teeth::{ParseSurfacesError, Surface, Surfaces};
    ///
    /// assert_eq!(Surfaces::parse("M:O:D").unwrap().to_string(), "MOD");
    /// assert_eq!(
    ///     Surfaces::parse("MOX"),
    ///     Err(ParseSurfacesError::UnknownLetter { position: 3, found: 'X' })
    /// );
    /// assert_eq!(
    ///     Surfaces::parse("MM"),
    ///     Err(ParseSurfacesError::Duplicate { position: 2, surface: Surface::Mesial })
    /// );
    /// assert_eq!(Surfaces::parse(" , "), Err(ParseSurfacesError::Empty));
    /// ```
    pub fn parse(text: &str) -> Result<Surfaces, ParseSurfacesError> {
        let mut surfaces = Surfaces::EMPTY;
        for (index, found) in text.chars().enumerate() {
            if found.is_ascii_whitespace() || found == ',' || found == ':' {
                continue;
            }
            let position = index + 1;
            let Some(surface) = Surface::from_letter(found) else {
                return Err(ParseSurfacesError::UnknownLetter { position, found });
            };
            if !surfaces.insert(surface) {
                return Err(ParseSurfacesError::Duplicate { position, surface });
            }
        }
        if surfaces.is_empty() {
            Err(ParseSurfacesError::Empty)
        } else {
            Ok(surfaces)
        }
    }

    /// Checks that every surface in the set can be on `tooth`.
    ///
    /// The rules:
    ///
    /// - `O` (occlusal, the grinding top) only on posterior teeth
    ///   (premolars and molars);
    /// - `I` (incisal, the cutting edge) only on anterior teeth (incisors
    ///   and canines);
    /// - `M`, `D`, `B`, `F` and `L` on any tooth.
    ///
    /// A supernumerary tooth counts as the class of the tooth it is
    /// numbered after. The empty set passes; a set holding both `O` and
    /// `I` fails on every tooth.
    ///
    /// # Errors
    ///
    /// [`SurfaceError`] naming the surface that cannot be on the tooth.
    ///
    /// ```
    /// use cdt_codes::teeth::{Surfaces, Tooth};
    ///
    /// let central = Tooth::permanent(8).unwrap();
    /// let mod_: Surfaces = "MOD".parse().unwrap();
    /// assert_eq!(
    ///     mod_.check(central).unwrap_err().to_string(),
    ///     "surface O (occlusal) is not on tooth 8, an anterior tooth; use I (incisal)"
    /// );
    /// assert!("MID".parse::<Surfaces>().unwrap().check(central).is_ok());
    /// assert!(mod_.check(Tooth::permanent(30).unwrap()).is_ok());
    /// ```
    pub const fn check(self, tooth: Tooth) -> Result<(), SurfaceError> {
        if self.contains(Surface::Occlusal) && tooth.is_anterior() {
            return Err(SurfaceError::OcclusalOnAnterior { tooth });
        }
        if self.contains(Surface::Incisal) && tooth.is_posterior() {
            return Err(SurfaceError::IncisalOnPosterior { tooth });
        }
        Ok(())
    }

    fn ascii(self) -> Ascii<7> {
        let mut text = Ascii::new();
        for surface in self {
            text.push(surface.ascii_letter());
        }
        text
    }
}

impl fmt::Display for Surfaces {
    /// Writes the letters in canonical order, padded to any requested width.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.ascii().as_str())
    }
}

impl fmt::Debug for Surfaces {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Surfaces({:?})", self.ascii().as_str())
    }
}

impl FromStr for Surfaces {
    type Err = ParseSurfacesError;

    fn from_str(text: &str) -> Result<Surfaces, ParseSurfacesError> {
        Surfaces::parse(text)
    }
}

impl From<Surface> for Surfaces {
    /// The set holding one surface.
    fn from(surface: Surface) -> Surfaces {
        Surfaces::EMPTY.with(surface)
    }
}

impl FromIterator<Surface> for Surfaces {
    /// Collects surfaces into a set; repeats are merged.
    fn from_iter<I: IntoIterator<Item = Surface>>(iter: I) -> Surfaces {
        let mut surfaces = Surfaces::EMPTY;
        surfaces.extend(iter);
        surfaces
    }
}

impl Extend<Surface> for Surfaces {
    fn extend<I: IntoIterator<Item = Surface>>(&mut self, iter: I) {
        for surface in iter {
            self.insert(surface);
        }
    }
}

impl IntoIterator for Surfaces {
    type Item = Surface;
    type IntoIter = SurfacesIter;

    fn into_iter(self) -> SurfacesIter {
        self.iter()
    }
}

/// The surfaces of a [`Surfaces`] set, in canonical order; made by
/// [`Surfaces::iter`].
///
/// ```
/// use cdt_codes::teeth::{Surface, Surfaces};
///
/// let surfaces: Surfaces = "OB".parse().unwrap();
/// let iter = surfaces.iter();
/// assert_eq!(iter.len(), 2);
/// assert_eq!(iter.collect::<Vec<_>>(), [Surface::Occlusal, Surface::Buccal]);
/// ```
#[derive(Clone, Debug)]
pub struct SurfacesIter {
    remaining: u8,
}

impl Iterator for SurfacesIter {
    type Item = Surface;

    fn next(&mut self) -> Option<Surface> {
        let surface = Surface::ALL
            .into_iter()
            .find(|surface| self.remaining & surface.bit() != 0)?;
        self.remaining &= !surface.bit();
        Some(surface)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let count = Surface::ALL
            .iter()
            .filter(|surface| self.remaining & surface.bit() != 0)
            .count();
        (count, Some(count))
    }
}

impl ExactSizeIterator for SurfacesIter {}

impl core::iter::FusedIterator for SurfacesIter {}

/// Why a string is not a set of tooth surfaces.
///
/// ```
/// use cdt_codes::teeth::{ParseSurfacesError, Surfaces};
///
/// assert_eq!(
///     Surfaces::parse("MOZ").unwrap_err().to_string(),
///     "'Z' at position 3 is not a tooth surface: use M, O, I, D, B, F or L"
/// );
/// assert_eq!(
///     Surfaces::parse("MODM").unwrap_err().to_string(),
///     "surface M (mesial) is given twice, again at position 4"
/// );
/// assert_eq!(Surfaces::parse("").unwrap_err().to_string(), "no tooth surface given");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ParseSurfacesError {
    /// The text held no surface letters.
    #[error("no tooth surface given")]
    Empty,
    /// A character is neither a surface letter nor a separator.
    #[error("'{found}' at position {position} is not a tooth surface: use M, O, I, D, B, F or L")]
    UnknownLetter {
        /// Where the character is, counting characters from 1.
        position: usize,
        /// The character.
        found: char,
    },
    /// A surface is given more than once.
    #[error("surface {surface} ({}) is given twice, again at position {position}", .surface.name())]
    Duplicate {
        /// Where the repeat is, counting characters from 1.
        position: usize,
        /// The repeated surface.
        surface: Surface,
    },
}

/// A surface that cannot be on the tooth it is reported for; see
/// [`Surfaces::check`].
///
/// ```
/// use cdt_codes::teeth::{SurfaceError, Surfaces, Tooth};
///
/// let molar = Tooth::permanent(3).unwrap();
/// let error = "I".parse::<Surfaces>().unwrap().check(molar).unwrap_err();
/// assert_eq!(error, SurfaceError::IncisalOnPosterior { tooth: molar });
/// assert_eq!(
///     error.to_string(),
///     "surface I (incisal) is not on tooth 3, a posterior tooth; use O (occlusal)"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SurfaceError {
    /// `O` (occlusal) on an incisor or canine.
    #[error("surface O (occlusal) is not on tooth {tooth}, an anterior tooth; use I (incisal)")]
    OcclusalOnAnterior {
        /// The anterior tooth.
        tooth: Tooth,
    },
    /// `I` (incisal) on a premolar or molar.
    #[error("surface I (incisal) is not on tooth {tooth}, a posterior tooth; use O (occlusal)")]
    IncisalOnPosterior {
        /// The posterior tooth.
        tooth: Tooth,
    },
}

// ---------------------------------------------------------------------------
// Areas of the oral cavity
// ---------------------------------------------------------------------------

/// An area of the oral cavity, as the two-digit code reported on the ADA
/// Dental Claim Form and in X12 837D (`SV304`, data element 1361).
///
/// | code | area                   | code | area                   |
/// |------|------------------------|------|------------------------|
/// | `00` | entire oral cavity     | `06` | lower left sextant     |
/// | `01` | maxillary arch         | `07` | lower anterior sextant |
/// | `02` | mandibular arch        | `08` | lower right sextant    |
/// | `03` | upper right sextant    | `09` | other area             |
/// | `04` | upper anterior sextant | `10` | upper right quadrant   |
/// | `05` | upper left sextant     | `20` | upper left quadrant    |
/// |      |                        | `30` | lower left quadrant    |
/// |      |                        | `40` | lower right quadrant   |
///
/// Parsing trims whitespace and also accepts the older letter designations
/// `FM` (full mouth, `00`), `UA` and `LA` (upper and lower arch), `UR`,
/// `UL`, `LL` and `LR` (quadrants), in either case. `Display` writes the
/// two-digit code, honouring width, fill and alignment. Areas order by
/// code.
///
/// ```
/// use cdt_codes::teeth::{Area, AreaKind, Tooth};
///
/// let area: Area = "ul".parse()?;
/// assert_eq!(area, Area::UpperLeftQuadrant);
/// assert_eq!(area.to_string(), "20");
/// assert_eq!(area.kind(), AreaKind::Quadrant);
/// assert!(area.contains(Tooth::permanent(14).unwrap()));
/// assert!(!area.contains(Tooth::permanent(3).unwrap()));
/// # Ok::<(), cdt_codes::teeth::ParseAreaError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Area {
    /// `00`: the entire oral cavity.
    EntireOralCavity,
    /// `01`: the maxillary (upper) arch.
    MaxillaryArch,
    /// `02`: the mandibular (lower) arch.
    MandibularArch,
    /// `03`: the upper right sextant (permanent `1`-`5`, primary `A`-`B`).
    UpperRightSextant,
    /// `04`: the upper anterior sextant (permanent `6`-`11`, primary
    /// `C`-`H`).
    UpperAnteriorSextant,
    /// `05`: the upper left sextant (permanent `12`-`16`, primary `I`-`J`).
    UpperLeftSextant,
    /// `06`: the lower left sextant (permanent `17`-`21`, primary `K`-`L`).
    LowerLeftSextant,
    /// `07`: the lower anterior sextant (permanent `22`-`27`, primary
    /// `M`-`R`).
    LowerAnteriorSextant,
    /// `08`: the lower right sextant (permanent `28`-`32`, primary `S`-`T`).
    LowerRightSextant,
    /// `09`: another area, described elsewhere on the claim.
    OtherArea,
    /// `10`: the upper right quadrant.
    UpperRightQuadrant,
    /// `20`: the upper left quadrant.
    UpperLeftQuadrant,
    /// `30`: the lower left quadrant.
    LowerLeftQuadrant,
    /// `40`: the lower right quadrant.
    LowerRightQuadrant,
}

/// What kind of area an [`Area`] code names.
///
/// ```
/// use cdt_codes::teeth::{Area, AreaKind};
///
/// assert_eq!(Area::EntireOralCavity.kind(), AreaKind::WholeMouth);
/// assert_eq!(Area::MandibularArch.kind(), AreaKind::Arch);
/// assert_eq!(Area::LowerAnteriorSextant.kind(), AreaKind::Sextant);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AreaKind {
    /// The entire oral cavity (`00`).
    WholeMouth,
    /// An arch (`01`, `02`).
    Arch,
    /// A sextant (`03` to `08`).
    Sextant,
    /// A quadrant (`10`, `20`, `30`, `40`).
    Quadrant,
    /// Another area described elsewhere (`09`).
    Other,
}

impl Area {
    /// Every area, in code order (`00` to `09`, then `10` to `40`).
    ///
    /// ```
    /// use cdt_codes::teeth::Area;
    ///
    /// assert_eq!(Area::ALL.len(), 14);
    /// assert_eq!(Area::ALL[0].code(), "00");
    /// assert_eq!(Area::ALL[13].code(), "40");
    /// ```
    pub const ALL: [Area; 14] = [
        Area::EntireOralCavity,
        Area::MaxillaryArch,
        Area::MandibularArch,
        Area::UpperRightSextant,
        Area::UpperAnteriorSextant,
        Area::UpperLeftSextant,
        Area::LowerLeftSextant,
        Area::LowerAnteriorSextant,
        Area::LowerRightSextant,
        Area::OtherArea,
        Area::UpperRightQuadrant,
        Area::UpperLeftQuadrant,
        Area::LowerLeftQuadrant,
        Area::LowerRightQuadrant,
    ];

    /// The two-digit code, e.g. `"10"`.
    ///
    /// ```
    /// use cdt_codes::teeth::Area;
    ///
    /// assert_eq!(Area::EntireOralCavity.code(), "00");
    /// assert_eq!(Area::LowerRightQuadrant.code(), "40");
    /// ```
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Area::EntireOralCavity => "00",
            Area::MaxillaryArch => "01",
            Area::MandibularArch => "02",
            Area::UpperRightSextant => "03",
            Area::UpperAnteriorSextant => "04",
            Area::UpperLeftSextant => "05",
            Area::LowerLeftSextant => "06",
            Area::LowerAnteriorSextant => "07",
            Area::LowerRightSextant => "08",
            Area::OtherArea => "09",
            Area::UpperRightQuadrant => "10",
            Area::UpperLeftQuadrant => "20",
            Area::LowerLeftQuadrant => "30",
            Area::LowerRightQuadrant => "40",
        }
    }

    /// The area with exactly this two-digit code, or `None`. Unlike
    /// [`Area::parse`], no whitespace or letter designations are accepted.
    ///
    /// ```
    /// use cdt_codes::teeth::Area;
    ///
    /// assert_eq!(Area::from_code("04"), Some(Area::UpperAnteriorSextant));
    /// assert_eq!(Area::from_code("4"), None);
    /// assert_eq!(Area::from_code("UR"), None);
    /// ```
    #[must_use]
    pub const fn from_code(code: &str) -> Option<Area> {
        match code.as_bytes() {
            b"00" => Some(Area::EntireOralCavity),
            b"01" => Some(Area::MaxillaryArch),
            b"02" => Some(Area::MandibularArch),
            b"03" => Some(Area::UpperRightSextant),
            b"04" => Some(Area::UpperAnteriorSextant),
            b"05" => Some(Area::UpperLeftSextant),
            b"06" => Some(Area::LowerLeftSextant),
            b"07" => Some(Area::LowerAnteriorSextant),
            b"08" => Some(Area::LowerRightSextant),
            b"09" => Some(Area::OtherArea),
            b"10" => Some(Area::UpperRightQuadrant),
            b"20" => Some(Area::UpperLeftQuadrant),
            b"30" => Some(Area::LowerLeftQuadrant),
            b"40" => Some(Area::LowerRightQuadrant),
            _ => None,
        }
    }

    /// Parses a two-digit code or a letter designation, as [`str::parse`]
    /// does; see [`Area`] for the accepted forms.
    ///
    /// # Errors
    ///
    /// [`ParseAreaError`] if the text is empty or no known code.
    ///
    /// ```
    /// use cdt_codes::teeth::{Area, ParseAreaError};
    ///
    /// assert_eq!(Area::parse(" 30 "), Ok(Area::LowerLeftQuadrant));
    /// assert_eq!(Area::parse("LA"), Ok(Area::MandibularArch));
    /// assert_eq!(Area::parse("fm"), Ok(Area::EntireOralCavity));
    /// assert_eq!(Area::parse(""), Err(ParseAreaError::Empty));
    /// assert!(Area::parse("50").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Area, ParseAreaError> {
        let text = trim(text);
        if text.is_empty() {
            return Err(ParseAreaError::Empty);
        }
        if let Some(area) = Area::from_code(text) {
            return Ok(area);
        }
        let area = match text.as_bytes() {
            [first, second] => match [first.to_ascii_uppercase(), second.to_ascii_uppercase()] {
                [b'F', b'M'] => Some(Area::EntireOralCavity),
                [b'U', b'A'] => Some(Area::MaxillaryArch),
                [b'L', b'A'] => Some(Area::MandibularArch),
                [b'U', b'R'] => Some(Area::UpperRightQuadrant),
                [b'U', b'L'] => Some(Area::UpperLeftQuadrant),
                [b'L', b'L'] => Some(Area::LowerLeftQuadrant),
                [b'L', b'R'] => Some(Area::LowerRightQuadrant),
                _ => None,
            },
            _ => None,
        };
        area.ok_or(ParseAreaError::Unknown {
            text: Excerpt::new(text),
        })
    }

    /// The area's name in words, e.g. `"upper right quadrant"`.
    ///
    /// ```
    /// use cdt_codes::teeth::Area;
    ///
    /// assert_eq!(Area::MaxillaryArch.name(), "maxillary arch");
    /// assert_eq!(Area::LowerAnteriorSextant.name(), "lower anterior sextant");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Area::EntireOralCavity => "entire oral cavity",
            Area::MaxillaryArch => "maxillary arch",
            Area::MandibularArch => "mandibular arch",
            Area::UpperRightSextant => "upper right sextant",
            Area::UpperAnteriorSextant => "upper anterior sextant",
            Area::UpperLeftSextant => "upper left sextant",
            Area::LowerLeftSextant => "lower left sextant",
            Area::LowerAnteriorSextant => "lower anterior sextant",
            Area::LowerRightSextant => "lower right sextant",
            Area::OtherArea => "other area of the oral cavity",
            Area::UpperRightQuadrant => "upper right quadrant",
            Area::UpperLeftQuadrant => "upper left quadrant",
            Area::LowerLeftQuadrant => "lower left quadrant",
            Area::LowerRightQuadrant => "lower right quadrant",
        }
    }

    /// What kind of area the code names.
    ///
    /// ```
    /// use cdt_codes::teeth::{Area, AreaKind};
    ///
    /// assert_eq!(Area::UpperRightQuadrant.kind(), AreaKind::Quadrant);
    /// assert_eq!(Area::OtherArea.kind(), AreaKind::Other);
    /// ```
    #[must_use]
    pub const fn kind(self) -> AreaKind {
        match self {
            Area::EntireOralCavity => AreaKind::WholeMouth,
            Area::MaxillaryArch | Area::MandibularArch => AreaKind::Arch,
            Area::UpperRightSextant
            | Area::UpperAnteriorSextant
            | Area::UpperLeftSextant
            | Area::LowerLeftSextant
            | Area::LowerAnteriorSextant
            | Area::LowerRightSextant => AreaKind::Sextant,
            Area::OtherArea => AreaKind::Other,
            Area::UpperRightQuadrant
            | Area::UpperLeftQuadrant
            | Area::LowerLeftQuadrant
            | Area::LowerRightQuadrant => AreaKind::Quadrant,
        }
    }

    /// The arch the area lies in: the arch itself, or the arch of a
    /// quadrant or sextant. `None` for the entire oral cavity and `09`.
    ///
    /// ```
    /// use cdt_codes::teeth::{Arch, Area};
    ///
    /// assert_eq!(Area::MaxillaryArch.arch(), Some(Arch::Upper));
    /// assert_eq!(Area::LowerRightQuadrant.arch(), Some(Arch::Lower));
    /// assert_eq!(Area::EntireOralCavity.arch(), None);
    /// ```
    #[must_use]
    pub const fn arch(self) -> Option<Arch> {
        match self {
            Area::MaxillaryArch
            | Area::UpperRightSextant
            | Area::UpperAnteriorSextant
            | Area::UpperLeftSextant
            | Area::UpperRightQuadrant
            | Area::UpperLeftQuadrant => Some(Arch::Upper),
            Area::MandibularArch
            | Area::LowerLeftSextant
            | Area::LowerAnteriorSextant
            | Area::LowerRightSextant
            | Area::LowerLeftQuadrant
            | Area::LowerRightQuadrant => Some(Arch::Lower),
            Area::EntireOralCavity | Area::OtherArea => None,
        }
    }

    /// The quadrant, for the quadrant codes `10` to `40`; otherwise `None`.
    ///
    /// ```
    /// use cdt_codes::teeth::{Area, Quadrant};
    ///
    /// assert_eq!(Area::UpperLeftQuadrant.quadrant(), Some(Quadrant::UpperLeft));
    /// assert_eq!(Area::UpperLeftSextant.quadrant(), None);
    /// ```
    #[must_use]
    pub const fn quadrant(self) -> Option<Quadrant> {
        match self {
            Area::UpperRightQuadrant => Some(Quadrant::UpperRight),
            Area::UpperLeftQuadrant => Some(Quadrant::UpperLeft),
            Area::LowerLeftQuadrant => Some(Quadrant::LowerLeft),
            Area::LowerRightQuadrant => Some(Quadrant::LowerRight),
            _ => None,
        }
    }

    /// Whether the tooth lies in the area.
    ///
    /// The entire oral cavity holds every tooth; an arch, quadrant or
    /// sextant holds the teeth in it (see [`Tooth::sextant`] for the
    /// sextants); a supernumerary tooth lies where the tooth it is numbered
    /// after lies. `09` (other area) is described elsewhere, so it is never
    /// known to hold a tooth: `false`.
    ///
    /// ```
    /// use cdt_codes::teeth::{Area, Tooth};
    ///
    /// let tooth = Tooth::permanent(19).unwrap();
    /// assert!(Area::EntireOralCavity.contains(tooth));
    /// assert!(Area::MandibularArch.contains(tooth));
    /// assert!(Area::LowerLeftQuadrant.contains(tooth));
    /// assert!(Area::LowerLeftSextant.contains(tooth));
    /// assert!(!Area::LowerAnteriorSextant.contains(tooth));
    /// assert!(!Area::OtherArea.contains(tooth));
    /// ```
    #[must_use]
    pub fn contains(self, tooth: Tooth) -> bool {
        match self.kind() {
            AreaKind::WholeMouth => true,
            AreaKind::Arch => self.arch() == Some(tooth.arch()),
            AreaKind::Quadrant => self.quadrant() == Some(tooth.quadrant()),
            AreaKind::Sextant => tooth.sextant() == self,
            AreaKind::Other => false,
        }
    }
}

impl fmt::Display for Area {
    /// Writes the two-digit code, padded to any requested width.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.code())
    }
}

impl FromStr for Area {
    type Err = ParseAreaError;

    fn from_str(text: &str) -> Result<Area, ParseAreaError> {
        Area::parse(text)
    }
}

/// Why a string is not an area of the oral cavity code.
///
/// ```
/// use cdt_codes::teeth::{Area, ParseAreaError};
///
/// assert_eq!(
///     Area::parse("11").unwrap_err().to_string(),
///     "\"11\" is not an area of the oral cavity: use 00-09, 10, 20, 30 or 40 \
///      (or FM, UA, LA, UR, UL, LL, LR)"
/// );
/// assert_eq!(Area::parse(" ").unwrap_err(), ParseAreaError::Empty);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ParseAreaError {
    /// The text was empty or only whitespace.
    #[error("no area of the oral cavity given")]
    Empty,
    /// The text is no known code or letter designation.
    #[error(
        "\"{text}\" is not an area of the oral cavity: use 00-09, 10, 20, 30 or 40 \
         (or FM, UA, LA, UR, UL, LL, LR)"
    )]
    Unknown {
        /// The text, trimmed.
        text: Excerpt,
    },
}

// ---------------------------------------------------------------------------
// Serde
// ---------------------------------------------------------------------------

#[cfg(feature = "serde")]
mod serde_support {
    //! Teeth, surfaces and areas are written as their display strings
    //! (`"8"`, `"AS"`, `"MOD"`, `"10"`) and read with their parsers.

    use core::fmt;
    use core::marker::PhantomData;
    use core::str::FromStr;

    use serde::de::{self, Visitor};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{Area, Surface, Surfaces, Tooth};

    impl Serialize for Tooth {
        /// Writes the designation, e.g. `"8"` or `"AS"`.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.ascii().as_str())
        }
    }

    impl Serialize for Surface {
        /// Writes the letter, e.g. `"M"`.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut text = [0; 4];
            serializer.serialize_str(self.letter().encode_utf8(&mut text))
        }
    }

    impl Serialize for Surfaces {
        /// Writes the letters in canonical order, e.g. `"MOD"`.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.ascii().as_str())
        }
    }

    impl Serialize for Area {
        /// Writes the two-digit code, e.g. `"10"`.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.code())
        }
    }

    /// Reads a string with `T`'s parser; a parse error becomes the
    /// deserializer's error.
    struct ParseVisitor<T> {
        expecting: &'static str,
        target: PhantomData<T>,
    }

    impl<T> Visitor<'_> for ParseVisitor<T>
    where
        T: FromStr,
        T::Err: fmt::Display,
    {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.expecting)
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
            text.parse().map_err(E::custom)
        }
    }

    fn parse_str<'de, D, T>(deserializer: D, expecting: &'static str) -> Result<T, D::Error>
    where
        D: Deserializer<'de>,
        T: FromStr,
        T::Err: fmt::Display,
    {
        deserializer.deserialize_str(ParseVisitor {
            expecting,
            target: PhantomData,
        })
    }

    impl<'de> Deserialize<'de> for Tooth {
        /// Reads a designation string such as `"8"` or `"as"`.
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            parse_str(
                deserializer,
                "a Universal tooth designation such as \"8\" or \"A\"",
            )
        }
    }

    impl<'de> Deserialize<'de> for Surface {
        /// Reads a one-letter string such as `"M"`.
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            parse_str::<D, SurfaceLetter>(deserializer, "a tooth surface letter such as \"M\"")
                .map(|letter| letter.0)
        }
    }

    impl<'de> Deserialize<'de> for Surfaces {
        /// Reads surface letters such as `"MOD"` or `"m,o,d"`.
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            parse_str(deserializer, "tooth surface letters such as \"MOD\"")
        }
    }

    impl<'de> Deserialize<'de> for Area {
        /// Reads a code such as `"10"` or a letter designation such as `"UR"`.
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            parse_str(
                deserializer,
                "an area of the oral cavity code such as \"10\"",
            )
        }
    }

    /// One surface letter, parsed through [`Surfaces`] so that the errors
    /// match.
    struct SurfaceLetter(Surface);

    impl FromStr for SurfaceLetter {
        type Err = SurfaceLetterError;

        fn from_str(text: &str) -> Result<SurfaceLetter, SurfaceLetterError> {
            let surfaces = Surfaces::parse(text).map_err(SurfaceLetterError::Parse)?;
            let mut iter = surfaces.iter();
            match (iter.next(), iter.next()) {
                (Some(surface), None) => Ok(SurfaceLetter(surface)),
                _ => Err(SurfaceLetterError::NotOne),
            }
        }
    }

    enum SurfaceLetterError {
        Parse(super::ParseSurfacesError),
        NotOne,
    }

    impl fmt::Display for SurfaceLetterError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self {
                SurfaceLetterError::Parse(error) => fmt::Display::fmt(error, f),
                SurfaceLetterError::NotOne => {
                    f.write_str("expected exactly one tooth surface letter")
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(all(test, feature = "std"))]
mod tests {
    extern crate std;

    use std::format;
    use std::string::{String, ToString};
    use std::vec::Vec;

    use super::*;

    fn tooth(text: &str) -> Tooth {
        text.parse().expect("a valid tooth in the test")
    }

    #[test]
    fn all_52_teeth_round_trip_through_iso() {
        let mut seen = Vec::new();
        for t in Tooth::permanent_teeth().chain(Tooth::primary_teeth()) {
            let iso = t.to_iso().expect("regular teeth have ISO codes");
            assert_eq!(Tooth::from_iso(iso), Some(t), "tooth {t} via ISO {iso}");
            assert!(!seen.contains(&iso), "ISO {iso} given twice");
            seen.push(iso);
        }
        assert_eq!(seen.len(), 52);
        // Every ISO code that maps to a tooth is one of the 52.
        let valid = (0..=u8::MAX)
            .filter(|&c| Tooth::from_iso(c).is_some())
            .count();
        assert_eq!(valid, 52);
    }

    #[test]
    fn known_iso_facts() {
        let facts = [
            ("8", 11),
            ("9", 21),
            ("24", 31),
            ("25", 41),
            ("1", 18),
            ("16", 28),
            ("17", 38),
            ("32", 48),
            ("A", 55),
            ("E", 51),
            ("F", 61),
            ("J", 65),
            ("K", 75),
            ("O", 71),
            ("P", 81),
            ("T", 85),
        ];
        for (universal, iso) in facts {
            assert_eq!(tooth(universal).to_iso(), Some(iso), "tooth {universal}");
            assert_eq!(
                Tooth::from_iso(iso).map(|t| t.to_string()).as_deref(),
                Some(universal)
            );
        }
        assert_eq!(Tooth::from_iso(0), None);
        assert_eq!(Tooth::from_iso(10), None);
        assert_eq!(Tooth::from_iso(19), None);
        assert_eq!(Tooth::from_iso(56), None);
        assert_eq!(Tooth::from_iso(90), None);
        assert_eq!(tooth("58").to_iso(), None);
        assert_eq!(tooth("AS").to_iso(), None);
    }

    #[test]
    fn names_match_the_brief() {
        let names = [
            ("1", "permanent maxillary right third molar"),
            ("8", "permanent maxillary right central incisor"),
            ("9", "permanent maxillary left central incisor"),
            ("16", "permanent maxillary left third molar"),
            ("17", "permanent mandibular left third molar"),
            ("24", "permanent mandibular left central incisor"),
            ("25", "permanent mandibular right central incisor"),
            ("32", "permanent mandibular right third molar"),
            ("A", "primary maxillary right second molar"),
            ("J", "primary maxillary left second molar"),
            ("K", "primary mandibular left second molar"),
            ("T", "primary mandibular right second molar"),
        ];
        for (universal, name) in names {
            assert_eq!(tooth(universal).name(), name);
        }
        assert_eq!(
            tooth("AS").name(),
            "supernumerary tooth next to the primary maxillary right second molar"
        );
    }

    #[test]
    fn names_agree_with_the_questions() {
        let all = Tooth::permanent_teeth().chain(Tooth::primary_teeth());
        for t in all.flat_map(|t| [t, t.supernumerary()]) {
            let name = t.name();
            assert!(!name.is_empty());
            assert_eq!(name.contains("maxillary"), t.arch() == Arch::Upper, "{t}");
            assert_eq!(name.contains("mandibular"), t.arch() == Arch::Lower, "{t}");
            assert_eq!(name.contains(" right "), t.quadrant().is_right(), "{t}");
            assert_eq!(name.contains("primary"), t.is_primary(), "{t}");
            assert_eq!(name.contains("permanent"), t.is_permanent(), "{t}");
            assert_eq!(
                name.starts_with("supernumerary"),
                t.is_supernumerary(),
                "{t}"
            );
            assert!(name.ends_with(t.kind().name()), "{t}: {name}");
            assert_eq!(t.is_anterior(), !t.is_posterior());
        }
    }

    #[test]
    fn classes_of_teeth() {
        let permanent: String = Tooth::permanent_teeth()
            .map(|t| match t.kind() {
                ToothKind::Incisor => 'I',
                ToothKind::Canine => 'C',
                ToothKind::Premolar => 'P',
                ToothKind::Molar => 'M',
            })
            .collect();
        assert_eq!(permanent, "MMMPPCIIIICPPMMMMMMPPCIIIICPPMMM");
        let primary: String = Tooth::primary_teeth()
            .map(|t| match t.kind() {
                ToothKind::Incisor => 'I',
                ToothKind::Canine => 'C',
                ToothKind::Premolar => 'P',
                ToothKind::Molar => 'M',
            })
            .collect();
        assert_eq!(primary, "MMCIIIICMMMMCIIIICMM");
        assert_eq!(tooth("58").kind(), ToothKind::Incisor);
        assert_eq!(tooth("RS").kind(), ToothKind::Canine);
    }

    #[test]
    fn quadrants_and_arches() {
        for t in Tooth::permanent_teeth() {
            let n = t.number().unwrap_or(0);
            let expected = match n {
                1..=8 => Quadrant::UpperRight,
                9..=16 => Quadrant::UpperLeft,
                17..=24 => Quadrant::LowerLeft,
                _ => Quadrant::LowerRight,
            };
            assert_eq!(t.quadrant(), expected, "tooth {n}");
            assert_eq!(t.supernumerary().quadrant(), expected);
        }
        let letters: String = Tooth::primary_teeth()
            .map(|t| match t.quadrant() {
                Quadrant::UpperRight => '1',
                Quadrant::UpperLeft => '2',
                Quadrant::LowerLeft => '3',
                Quadrant::LowerRight => '4',
            })
            .collect();
        assert_eq!(letters, "11111222223333344444");
        assert_eq!(tooth("16").arch(), Arch::Upper);
        assert_eq!(tooth("K").arch(), Arch::Lower);
    }

    #[test]
    fn display_and_parse_round_trip() {
        for t in Tooth::permanent_teeth().chain(Tooth::primary_teeth()) {
            for t in [t, t.supernumerary()] {
                let text = t.to_string();
                assert_eq!(tooth(&text), t);
                assert_eq!(tooth(&text.to_ascii_lowercase()), t);
                assert_eq!(t.supernumerary().base(), t.base());
            }
        }
        assert_eq!(tooth("08").to_string(), "8");
        assert_eq!(tooth(" 51\t").to_string(), "51");
        assert_eq!(tooth("82").base().to_string(), "32");
        assert_eq!(tooth("tS").to_string(), "TS");
        assert_eq!(
            format!("{:>3}|{:<3}|{:^4}|", tooth("8"), tooth("A"), tooth("AS")),
            "  8|A  | AS |"
        );
        assert_eq!(format!("{:*>4}", tooth("32")), "**32");
        assert_eq!(format!("{:?}", tooth("ES")), "Tooth(ES)");
    }

    #[test]
    fn tooth_parse_errors() {
        assert_eq!(Tooth::parse(""), Err(ParseToothError::Empty));
        assert_eq!(Tooth::parse(" \t "), Err(ParseToothError::Empty));
        for text in [
            "0",
            "33",
            "50",
            "83",
            "99",
            "100",
            "255",
            "256",
            "99999999999999999999",
        ] {
            assert!(
                matches!(Tooth::parse(text), Err(ParseToothError::NotATooth { .. })),
                "{text}"
            );
        }
        for text in ["U", "Z", "us", "AB", "ASS", "SSS"] {
            assert!(
                matches!(
                    Tooth::parse(text),
                    Err(ParseToothError::NotAToothLetter { .. })
                ),
                "{text}"
            );
        }
        assert_eq!(
            Tooth::parse("ss").map(|t| t.to_string()),
            Ok("SS".to_string())
        );
        for text in ["#8", "8A", "A8", "-1", "1.5", "é", "８"] {
            assert!(
                matches!(
                    Tooth::parse(text),
                    Err(ParseToothError::Unrecognized { .. })
                ),
                "{text}"
            );
        }
        assert_eq!(
            Tooth::parse("33").unwrap_err().to_string(),
            "33 is not a tooth number: permanent teeth are 1-32, supernumerary 51-82"
        );
        assert_eq!(
            Tooth::parse("v").unwrap_err().to_string(),
            "v is not a tooth letter: primary teeth are A-T, supernumerary AS-TS"
        );
        assert_eq!(
            Tooth::parse(" #8 ").unwrap_err().to_string(),
            "\"#8\" is not a tooth: permanent teeth are 1-32 (supernumerary 51-82), \
             primary teeth A-T (supernumerary AS-TS)"
        );
        assert_eq!(
            Tooth::parse("123456789012345678901").unwrap_err().to_string(),
            "1234567890123456… is not a tooth number: permanent teeth are 1-32, supernumerary 51-82"
        );
        assert_eq!(Tooth::parse("").unwrap_err().to_string(), "no tooth given");
    }

    #[test]
    fn constructors() {
        assert_eq!(Tooth::permanent(0), None);
        assert_eq!(Tooth::permanent(33), None);
        assert_eq!(Tooth::from_number(51).map(Tooth::base), Tooth::permanent(1));
        assert_eq!(Tooth::from_number(83), None);
        assert_eq!(Tooth::primary('@'), None);
        assert_eq!(Tooth::primary('['), None);
        assert_eq!(Tooth::primary('é'), None);
        assert_eq!(
            Tooth::primary('t').map(|t| t.to_string()).as_deref(),
            Some("T")
        );
        for (index, t) in Tooth::primary_teeth().enumerate() {
            let letter = char::from(b'A' + u8::try_from(index).unwrap_or(0));
            assert_eq!(Tooth::primary(letter), Some(t));
            assert_eq!(t.letter(), Some(letter));
            assert_eq!(t.supernumerary().letter(), Some(letter));
            assert_eq!(t.number(), None);
        }
        for n in 0..=u8::MAX {
            let t = Tooth::from_number(n);
            assert_eq!(t.is_some(), matches!(n, 1..=32 | 51..=82));
            if let Some(t) = t {
                assert_eq!(t.number(), Some(n));
                assert_eq!(t.letter(), None);
                assert_eq!(t.is_supernumerary(), n > 50);
                assert_eq!(t.to_string(), n.to_string());
            }
        }
        assert_eq!(tooth("8").supernumerary().supernumerary(), tooth("58"));
        assert_eq!(tooth("8").base(), tooth("8"));
    }

    #[test]
    fn ordering() {
        assert!(tooth("1") < tooth("32"));
        assert!(tooth("32") < tooth("51"));
        assert!(tooth("82") < tooth("A"));
        assert!(tooth("T") < tooth("AS"));
    }

    #[test]
    fn excerpt_is_safe() {
        assert_eq!(Excerpt::new("").as_str(), "");
        assert!(!Excerpt::new("").is_truncated());
        let exact = Excerpt::new("0123456789abcdef");
        assert_eq!(exact.as_str(), "0123456789abcdef");
        assert!(!exact.is_truncated());
        let wide = Excerpt::new("ééééééééé");
        assert_eq!(wide.as_str(), "éééééééé");
        assert!(wide.is_truncated());
        assert_eq!(format!("{:?}", Excerpt::new("a\"b")), "\"a\\\"b\"");
        let emoji = Excerpt::new("🦷🦷🦷🦷🦷");
        assert_eq!(emoji.as_str(), "🦷🦷🦷🦷");
    }

    #[test]
    fn surfaces_parse() {
        for text in ["MOD", "M:O:D", "M,O,D", "m o d", "dom", " M, o:D ", "MO D"] {
            assert_eq!(
                Surfaces::parse(text).map(|s| s.to_string()),
                Ok("MOD".to_string()),
                "{text}"
            );
        }
        assert_eq!(Surfaces::parse("MODBL").map(Surfaces::count), Ok(5));
        assert_eq!(
            Surfaces::parse("LFBDIOM").map(|s| s.to_string()),
            Ok("MOIDBFL".to_string())
        );
        assert_eq!(Surfaces::parse("BF").map(Surfaces::count), Ok(2));
        assert_eq!(Surfaces::parse(""), Err(ParseSurfacesError::Empty));
        assert_eq!(Surfaces::parse(" ,: "), Err(ParseSurfacesError::Empty));
        assert_eq!(
            Surfaces::parse("MM"),
            Err(ParseSurfacesError::Duplicate {
                position: 2,
                surface: Surface::Mesial
            })
        );
        assert_eq!(
            Surfaces::parse("m, O, d, M"),
            Err(ParseSurfacesError::Duplicate {
                position: 10,
                surface: Surface::Mesial
            })
        );
        assert_eq!(
            Surfaces::parse("MOV"),
            Err(ParseSurfacesError::UnknownLetter {
                position: 3,
                found: 'V'
            })
        );
        assert_eq!(
            Surfaces::parse("éM"),
            Err(ParseSurfacesError::UnknownLetter {
                position: 1,
                found: 'é'
            })
        );
        assert_eq!(
            Surfaces::parse("M;O"),
            Err(ParseSurfacesError::UnknownLetter {
                position: 2,
                found: ';'
            })
        );
        assert_eq!(
            Surfaces::parse("MODM").unwrap_err().to_string(),
            "surface M (mesial) is given twice, again at position 4"
        );
        assert_eq!(
            Surfaces::parse("M-D").unwrap_err().to_string(),
            "'-' at position 2 is not a tooth surface: use M, O, I, D, B, F or L"
        );
    }

    #[test]
    fn surfaces_set_operations() {
        let mut set = Surfaces::EMPTY;
        assert!(set.is_empty());
        assert_eq!(set.count(), 0);
        assert_eq!(set.to_string(), "");
        for surface in Surface::ALL {
            assert!(!set.contains(surface));
            assert!(set.insert(surface));
            assert!(set.contains(surface));
            assert_eq!(Surface::from_letter(surface.letter()), Some(surface));
            assert_eq!(
                Surface::from_letter(surface.letter().to_ascii_lowercase()),
                Some(surface)
            );
            assert_eq!(surface.to_string(), surface.letter().to_string());
        }
        assert_eq!(set.count(), 7);
        assert_eq!(set.iter().len(), 7);
        assert_eq!(set.to_string(), "MOIDBFL");
        assert_eq!(set.iter().collect::<Vec<_>>(), Surface::ALL);
        assert!(set.remove(Surface::Incisal));
        assert_eq!(set.to_string(), "MODBFL");
        let collected: Surfaces = [Surface::Distal, Surface::Mesial, Surface::Distal]
            .into_iter()
            .collect();
        assert_eq!(collected.to_string(), "MD");
        assert_eq!(
            format!("{:>5}|{:-<4}|", collected, Surfaces::from(Surface::Lingual)),
            "   MD|L---|"
        );
        assert_eq!(format!("{collected:?}"), "Surfaces(\"MD\")");
        assert_eq!(format!("{:>2}", Surface::Buccal), " B");
    }

    #[test]
    fn surfaces_check() {
        let mod_: Surfaces = "MOD".parse().unwrap_or_default();
        let mid: Surfaces = "MID".parse().unwrap_or_default();
        let facial_lingual: Surfaces = "BFL".parse().unwrap_or_default();
        for t in Tooth::permanent_teeth().chain(Tooth::primary_teeth()) {
            for t in [t, t.supernumerary()] {
                assert_eq!(mod_.check(t).is_ok(), t.is_posterior(), "MOD on {t}");
                assert_eq!(mid.check(t).is_ok(), t.is_anterior(), "MID on {t}");
                assert!(facial_lingual.check(t).is_ok());
                assert!(Surfaces::EMPTY.check(t).is_ok());
                for surface in Surface::ALL {
                    assert_eq!(surface.check(t), Surfaces::from(surface).check(t));
                }
            }
        }
        assert_eq!(
            mod_.check(tooth("8")).unwrap_err().to_string(),
            "surface O (occlusal) is not on tooth 8, an anterior tooth; use I (incisal)"
        );
        assert_eq!(
            mid.check(tooth("K")),
            Err(SurfaceError::IncisalOnPosterior { tooth: tooth("K") })
        );
        assert_eq!(
            mid.check(tooth("K")).unwrap_err().to_string(),
            "surface I (incisal) is not on tooth K, a posterior tooth; use O (occlusal)"
        );
        let both: Surfaces = "OI".parse().unwrap_or_default();
        assert!(matches!(
            both.check(tooth("8")),
            Err(SurfaceError::OcclusalOnAnterior { .. })
        ));
        assert!(matches!(
            both.check(tooth("3")),
            Err(SurfaceError::IncisalOnPosterior { .. })
        ));
    }

    #[test]
    fn area_codes() {
        let table = [
            ("00", Area::EntireOralCavity, AreaKind::WholeMouth),
            ("01", Area::MaxillaryArch, AreaKind::Arch),
            ("02", Area::MandibularArch, AreaKind::Arch),
            ("03", Area::UpperRightSextant, AreaKind::Sextant),
            ("04", Area::UpperAnteriorSextant, AreaKind::Sextant),
            ("05", Area::UpperLeftSextant, AreaKind::Sextant),
            ("06", Area::LowerLeftSextant, AreaKind::Sextant),
            ("07", Area::LowerAnteriorSextant, AreaKind::Sextant),
            ("08", Area::LowerRightSextant, AreaKind::Sextant),
            ("09", Area::OtherArea, AreaKind::Other),
            ("10", Area::UpperRightQuadrant, AreaKind::Quadrant),
            ("20", Area::UpperLeftQuadrant, AreaKind::Quadrant),
            ("30", Area::LowerLeftQuadrant, AreaKind::Quadrant),
            ("40", Area::LowerRightQuadrant, AreaKind::Quadrant),
        ];
        assert_eq!(table.len(), Area::ALL.len());
        for ((code, area, kind), listed) in table.into_iter().zip(Area::ALL) {
            assert_eq!(area, listed);
            assert_eq!(area.code(), code);
            assert_eq!(area.to_string(), code);
            assert_eq!(Area::from_code(code), Some(area));
            assert_eq!(Area::parse(code), Ok(area));
            assert_eq!(area.kind(), kind);
            assert!(!area.name().is_empty());
        }
        let aliases = [
            ("FM", Area::EntireOralCavity),
            ("ua", Area::MaxillaryArch),
            ("La", Area::MandibularArch),
            ("UR", Area::UpperRightQuadrant),
            ("ul", Area::UpperLeftQuadrant),
            ("LL", Area::LowerLeftQuadrant),
            (" lr ", Area::LowerRightQuadrant),
        ];
        for (text, area) in aliases {
            assert_eq!(Area::parse(text), Ok(area), "{text}");
            assert_eq!(Area::from_code(text), None);
        }
        for text in ["0", "11", "50", "100", "UX", "sextant", "٠٠"] {
            assert!(
                matches!(Area::parse(text), Err(ParseAreaError::Unknown { .. })),
                "{text}"
            );
        }
        assert_eq!(Area::parse("\n"), Err(ParseAreaError::Empty));
        assert_eq!(format!("[{:>4}]", Area::UpperRightQuadrant), "[  10]");
        assert_eq!(Quadrant::UpperRight.area(), Area::UpperRightQuadrant);
        assert_eq!(Arch::Lower.area(), Area::MandibularArch);
        for q in [
            Quadrant::UpperRight,
            Quadrant::UpperLeft,
            Quadrant::LowerLeft,
            Quadrant::LowerRight,
        ] {
            assert_eq!(q.area().quadrant(), Some(q));
            assert_eq!(q.area().arch(), Some(q.arch()));
        }
    }

    #[test]
    fn areas_contain_teeth() {
        let sextants = [
            (Area::UpperRightSextant, "1 2 3 4 5 A B"),
            (Area::UpperAnteriorSextant, "6 7 8 9 10 11 C D E F G H"),
            (Area::UpperLeftSextant, "12 13 14 15 16 I J"),
            (Area::LowerLeftSextant, "17 18 19 20 21 K L"),
            (Area::LowerAnteriorSextant, "22 23 24 25 26 27 M N O P Q R"),
            (Area::LowerRightSextant, "28 29 30 31 32 S T"),
        ];
        for t in Tooth::permanent_teeth().chain(Tooth::primary_teeth()) {
            let text = t.to_string();
            let holders: Vec<Area> = sextants
                .iter()
                .filter(|(_, teeth)| teeth.split(' ').any(|x| x == text))
                .map(|(area, _)| *area)
                .collect();
            assert_eq!(holders, [t.sextant()], "tooth {t}");
            for t in [t, t.supernumerary()] {
                let containing: Vec<Area> = Area::ALL
                    .into_iter()
                    .filter(|area| area.contains(t))
                    .collect();
                let mut expected = Vec::from([
                    Area::EntireOralCavity,
                    t.arch().area(),
                    t.sextant(),
                    t.quadrant().area(),
                ]);
                expected.sort();
                assert_eq!(containing, expected, "tooth {t}");
            }
        }
    }

    #[test]
    fn short_inputs_never_panic_and_round_trip() {
        let alphabet: Vec<char> = (' '..='~')
            .chain(['é', 'ß', '🦷', '\u{0}', '\u{a0}'])
            .collect();
        let mut text = String::new();
        for &a in &alphabet {
            for &b in &alphabet {
                for third in [None, Some('s'), Some('0'), Some('D')] {
                    text.clear();
                    text.push(a);
                    text.push(b);
                    text.extend(third);
                    if let Ok(t) = Tooth::parse(&text) {
                        assert_eq!(Tooth::parse(&t.to_string()), Ok(t), "{text:?}");
                    }
                    if let Ok(s) = Surfaces::parse(&text) {
                        assert_eq!(Surfaces::parse(&s.to_string()), Ok(s), "{text:?}");
                    }
                    if let Ok(area) = Area::parse(&text) {
                        assert_eq!(Area::from_code(&area.to_string()), Some(area), "{text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn error_values_are_small_and_copy() {
        fn is_copy<T: Copy>() {}
        is_copy::<ParseToothError>();
        is_copy::<ParseSurfacesError>();
        is_copy::<SurfaceError>();
        is_copy::<ParseAreaError>();
        assert_eq!(core::mem::size_of::<Tooth>(), 1);
        assert_eq!(core::mem::size_of::<Option<Tooth>>(), 2);
        assert_eq!(core::mem::size_of::<Surfaces>(), 1);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_uses_the_display_strings() {
        let t = tooth("AS");
        assert_eq!(serde_json::to_string(&t).ok().as_deref(), Some("\"AS\""));
        assert_eq!(serde_json::from_str::<Tooth>("\"as\"").ok(), Some(t));
        assert!(serde_json::from_str::<Tooth>("\"33\"").is_err());
        assert!(serde_json::from_str::<Tooth>("8").is_err());
        let s: Surfaces = "DOM".parse().unwrap_or_default();
        assert_eq!(serde_json::to_string(&s).ok().as_deref(), Some("\"MOD\""));
        assert_eq!(serde_json::from_str::<Surfaces>("\"m:o:d\"").ok(), Some(s));
        assert_eq!(
            serde_json::to_string(&Surface::Facial).ok().as_deref(),
            Some("\"F\"")
        );
        assert_eq!(
            serde_json::from_str::<Surface>("\"f\"").ok(),
            Some(Surface::Facial)
        );
        assert!(serde_json::from_str::<Surface>("\"MO\"").is_err());
        assert_eq!(
            serde_json::to_string(&Area::LowerLeftQuadrant)
                .ok()
                .as_deref(),
            Some("\"30\"")
        );
        assert_eq!(
            serde_json::from_str::<Area>("\"LL\"").ok(),
            Some(Area::LowerLeftQuadrant)
        );
        let error = serde_json::from_str::<Area>("\"11\"")
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("is not an area of the oral cavity"),
            "{error}"
        );
    }
}
