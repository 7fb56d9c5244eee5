//! Areas of the oral cavity: the 837D codes `00` to `40` and `UR`, `UL`, `LL`, `LR`.

use core::fmt;
use core::str::FromStr;

use super::{trim, Arch, Excerpt, Quadrant, Tooth};

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
/// `UL`, `LL` and `LR` (quadrants), in either case, and names, as exports
/// write them: each area's [`name`](Area::name) (`Upper right quadrant`),
/// the names of CMS's T-MSIS claims (`Maxillary Area`), an arch as
/// `Upper` or `Lower` and a quadrant as `Upper Right` (Epic), in any case,
/// with spaces, underscores or hyphens between the words. `Display` writes the
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
/// assert_eq!("Upper Left".parse::<Area>()?, area);
/// assert!(area.contains(Tooth::permanent(14).unwrap()));
/// assert!(!area.contains(Tooth::permanent(3).unwrap()));
/// # Ok::<(), cdt_codes::teeth::ParseAreaError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[allow(clippy::enum_variant_names)] // `OtherArea` is the 837D name of code 09
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
            _ => Area::from_name(text),
        };
        area.ok_or(ParseAreaError::Unknown {
            text: Excerpt::new(text),
        })
    }

    /// The area named in words (see [`Area`]): its [`name`](Area::name)
    /// or one of [`OTHER_AREA_NAMES`], word by word in ASCII, in any case,
    /// the words of `text` split by spaces, underscores or hyphens.
    fn from_name(text: &str) -> Option<Area> {
        let names = |name: &str| {
            let mut given = text.split([' ', '_', '-']).filter(|word| !word.is_empty());
            name.split(' ').all(|word| {
                given
                    .next()
                    .is_some_and(|typed| typed.eq_ignore_ascii_case(word))
            }) && given.next().is_none()
        };
        Area::ALL
            .into_iter()
            .find(|area| names(area.name()))
            .or_else(|| {
                OTHER_AREA_NAMES
                    .iter()
                    .find(|(name, _)| names(name))
                    .map(|&(_, area)| area)
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

/// The names an area is read by beside its own [`name`](Area::name) (as
/// this crate writes it, and Epic's EHI export names areas the same way:
/// `DENT_ORD_NOADD.DENTAL_PROC_AREA_C_NAME` at open.epic.com/EHITables),
/// lower case, words joined by single spaces:
/// - the names CMS's T-MSIS claims give the 837D codes (`ResDAC`, variable
///   `TOOTH_ORAL_CVTY_AREA_DSGNTD_CD`): `maxillary area`, `mandibular area`,
///   `other area of oral cavity`;
/// - Epic's history of a procedure's arch (`Upper`, `Lower`) and quadrant
///   (`Upper Right` ...) (`DENTAL_PROCEDURE_HX`), and `upper arch` and
///   `lower arch`, as this crate's messages say them.
const OTHER_AREA_NAMES: [(&str, Area); 11] = [
    ("maxillary area", Area::MaxillaryArch),
    ("upper arch", Area::MaxillaryArch),
    ("upper", Area::MaxillaryArch),
    ("mandibular area", Area::MandibularArch),
    ("lower arch", Area::MandibularArch),
    ("lower", Area::MandibularArch),
    ("other area of oral cavity", Area::OtherArea),
    ("upper right", Area::UpperRightQuadrant),
    ("upper left", Area::UpperLeftQuadrant),
    ("lower left", Area::LowerLeftQuadrant),
    ("lower right", Area::LowerRightQuadrant),
];

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
