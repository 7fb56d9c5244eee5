//! One tooth (Universal/National numbering, ISO 3950 conversion) and the arches, quadrants and kinds it belongs to.

use core::fmt;
use core::str::FromStr;

use super::{trim, Area, Ascii, Excerpt};

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
    pub(crate) const fn iso_digit(self, primary: bool) -> u8 {
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
pub(crate) const PRIMARY: u8 = 100;
/// Added to a regular tooth's stored code to form its supernumerary code.
pub(crate) const SUPERNUMERARY: u8 = 50;

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
    pub(crate) u8,
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
            // The error made only when needed (its excerpt is a copy).
            return u8::try_from(value)
                .ok()
                .and_then(Tooth::from_number)
                .ok_or_else(|| ParseToothError::NotATooth {
                    text: Excerpt::new(text),
                });
        }
        if bytes.iter().all(u8::is_ascii_alphabetic) {
            let tooth = match *bytes {
                [letter] => Tooth::primary(char::from(letter)),
                [letter, b'S' | b's'] => {
                    Tooth::primary(char::from(letter)).map(Tooth::supernumerary)
                }
                _ => None,
            };
            return tooth.ok_or_else(|| ParseToothError::NotAToothLetter {
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
    pub(crate) const fn sequence(self) -> u8 {
        self.base().0 % PRIMARY
    }

    /// The quadrant and the position from the midline (1 for a central
    /// incisor, up to 8 or 5).
    pub(crate) const fn place(self) -> (Quadrant, u8) {
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

    pub(crate) fn ascii(self) -> Ascii<2> {
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
pub struct Teeth(pub(crate) core::ops::RangeInclusive<u8>);

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
