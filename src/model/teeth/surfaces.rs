//! Tooth surfaces: `M`, `O`, `I`, `D`, `B`, `F`, `L` and sets of them such as `MOD`.

use core::fmt;
use core::str::FromStr;

use super::{Ascii, Tooth};

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

    pub(crate) const fn ascii_letter(self) -> u8 {
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
    /// assert_eq!(Surface::Incisal.check(canine), Ok(()));
    /// assert_eq!(
    ///     Surface::Occlusal.check(canine).unwrap_err().to_string(),
    ///     "surface O (occlusal) is not on tooth 6, an anterior tooth; use I (incisal)"
    /// );
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

    pub(crate) const fn bit(self) -> u8 {
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
pub struct Surfaces(pub(crate) u8);

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
    /// let mesial = Surfaces::from(Surface::Mesial);
    /// assert_eq!((mesial.is_empty(), mesial.to_string()), (false, "M".to_string()));
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

    pub(crate) fn ascii(self) -> Ascii<7> {
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
