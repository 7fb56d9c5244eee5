//! What a claim line for a code must report besides the code: a tooth,
//! surfaces, an area of the oral cavity, or nothing. Facts of the data
//! (`data/reporting.tsv`), stored with each record; the checks that use
//! them live with the teeth ([`crate::teeth`] in the library).

use core::fmt;

/// Where on the mouth a claim line for a code is reported.
///
/// ```
/// use cdt_codes::Site;
///
/// assert_eq!("tooth_surfaces".parse::<Site>(), Ok(Site::ToothSurfaces));
/// assert_eq!(Site::Quadrant.to_string(), "a quadrant");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Site {
    /// One tooth.
    Tooth,
    /// One tooth with its surfaces.
    ToothSurfaces,
    /// A range of teeth.
    ToothRange,
    /// A quadrant (area `10` to `40`).
    Quadrant,
    /// A sextant (area `03` to `08`).
    Sextant,
    /// An arch (area `01` or `02`).
    Arch,
    /// The whole mouth (area `00`).
    Mouth,
    /// No tooth and no area.
    None,
}

impl Site {
    /// Every site, in the order the data writes alternatives.
    ///
    /// ```
    /// assert_eq!(cdt_codes::Site::ALL.len(), 8);
    /// ```
    pub const ALL: [Site; 8] = [
        Site::Tooth,
        Site::ToothSurfaces,
        Site::ToothRange,
        Site::Quadrant,
        Site::Sextant,
        Site::Arch,
        Site::Mouth,
        Site::None,
    ];

    /// The name the data file uses.
    ///
    /// ```
    /// assert_eq!(cdt_codes::Site::ToothRange.key(), "tooth_range");
    /// ```
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            Site::Tooth => "tooth",
            Site::ToothSurfaces => "tooth_surfaces",
            Site::ToothRange => "tooth_range",
            Site::Quadrant => "quadrant",
            Site::Sextant => "sextant",
            Site::Arch => "arch",
            Site::Mouth => "mouth",
            Site::None => "none",
        }
    }

    /// Whether the site names a tooth (alone, with surfaces or in a range).
    ///
    /// ```
    /// assert!(cdt_codes::Site::ToothSurfaces.is_tooth());
    /// assert!(!cdt_codes::Site::Arch.is_tooth());
    /// ```
    #[must_use]
    pub const fn is_tooth(self) -> bool {
        matches!(self, Site::Tooth | Site::ToothSurfaces | Site::ToothRange)
    }

    /// Whether the site is an area of the oral cavity (quadrant, sextant,
    /// arch or the whole mouth).
    ///
    /// ```
    /// assert!(cdt_codes::Site::Quadrant.is_area());
    /// assert!(!cdt_codes::Site::Tooth.is_area());
    /// ```
    #[must_use]
    pub const fn is_area(self) -> bool {
        matches!(
            self,
            Site::Quadrant | Site::Sextant | Site::Arch | Site::Mouth
        )
    }

    const fn bit(self) -> u8 {
        1 << (self as u8)
    }

    fn phrase(self) -> &'static str {
        match self {
            Site::Tooth => "a tooth",
            Site::ToothSurfaces => "a tooth with its surfaces",
            Site::ToothRange => "a range of teeth",
            Site::Quadrant => "a quadrant",
            Site::Sextant => "a sextant",
            Site::Arch => "an arch",
            Site::Mouth => "the whole mouth",
            Site::None => "no tooth or area",
        }
    }
}

impl fmt::Display for Site {
    /// In words: `a tooth`, `a quadrant`, `no tooth or area`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.phrase())
    }
}

impl core::str::FromStr for Site {
    type Err = BadReporting;

    fn from_str(text: &str) -> Result<Site, BadReporting> {
        let text = text.trim();
        Site::ALL
            .into_iter()
            .find(|site| site.key() == text)
            .ok_or(BadReporting::Site)
    }
}

/// A value of `data/reporting.tsv` that is not one the file may hold.
///
/// ```
/// let error = "tooth_or_two".parse::<cdt_codes::Site>().unwrap_err();
/// assert!(error.to_string().starts_with("not a site: expected tooth, tooth_surfaces,"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum BadReporting {
    /// Not a site name.
    #[error("not a site: expected tooth, tooth_surfaces, tooth_range, quadrant, sextant, arch, mouth or none, joined by |")]
    Site,
    /// Not a surface count.
    #[error("not a surface count: expected 1 to 5, a range such as 3-5, or 4+")]
    Surfaces,
    /// Not a kind of tooth.
    #[error("not a kind of tooth: expected anterior, posterior, premolar, molar, primary or permanent, joined by +")]
    ToothClass,
    /// Not the arch a code names.
    #[error("not an arch the code names: expected maxillary or mandibular, then what the code is (appliance, denture, image, partial denture, procedure, prosthesis, space maintainer)")]
    Names,
    /// Not a list of sources.
    #[error("not a list of sources: expected ihs and opendental, joined by +")]
    Sources,
    /// Marked confirmed with fewer than two sources behind it.
    #[error("confirmed needs two sources that agree with the row (ihs+opendental)")]
    Unbacked,
}

/// The kind of tooth a code applies to, as its meaning says: a set of
/// position (anterior, posterior, premolar, molar) and dentition (primary,
/// permanent) conditions, every one of which a tooth must meet. Empty means
/// any tooth.
///
/// ```
/// use cdt_codes::ToothClass;
///
/// let class: ToothClass = "posterior+primary".parse()?;
/// assert_eq!(class.to_string(), "posterior primary tooth");
/// assert!(ToothClass::ANY.is_any());
/// # Ok::<(), cdt_codes::BadReporting>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ToothClass(pub(crate) u8);

impl ToothClass {
    /// Any tooth.
    pub const ANY: ToothClass = ToothClass(0);
    pub(crate) const ANTERIOR: u8 = 1;
    pub(crate) const POSTERIOR: u8 = 2;
    pub(crate) const PREMOLAR: u8 = 4;
    pub(crate) const MOLAR: u8 = 8;
    pub(crate) const PRIMARY: u8 = 16;
    pub(crate) const PERMANENT: u8 = 32;

    const NAMES: [(&'static str, u8); 6] = [
        ("anterior", ToothClass::ANTERIOR),
        ("posterior", ToothClass::POSTERIOR),
        ("premolar", ToothClass::PREMOLAR),
        ("molar", ToothClass::MOLAR),
        ("primary", ToothClass::PRIMARY),
        ("permanent", ToothClass::PERMANENT),
    ];

    /// Whether any tooth will do.
    #[must_use]
    pub const fn is_any(self) -> bool {
        self.0 == 0
    }

    /// The first word of the class's name (`anterior`, `molar`, `tooth`),
    /// which decides its article.
    pub(crate) fn first_word(self) -> &'static str {
        ToothClass::NAMES
            .iter()
            .find(|(_, bit)| self.has(*bit))
            .map_or("tooth", |(name, _)| name)
    }

    /// Whether the class holds the condition with this bit.
    pub(crate) const fn has(self, bit: u8) -> bool {
        self.0 & bit != 0
    }
}

impl core::str::FromStr for ToothClass {
    type Err = BadReporting;

    /// `anterior`, `molar+permanent` and so on; empty is any tooth.
    fn from_str(text: &str) -> Result<ToothClass, BadReporting> {
        let mut bits = 0;
        for part in text
            .split('+')
            .map(str::trim)
            .filter(|part| !part.is_empty())
        {
            let (_, bit) = ToothClass::NAMES
                .iter()
                .find(|(name, _)| *name == part)
                .ok_or(BadReporting::ToothClass)?;
            bits |= bit;
        }
        Ok(ToothClass(bits))
    }
}

impl fmt::Display for ToothClass {
    /// `molar`, `posterior primary tooth`, `tooth` for any.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        super::pad(f, format_args!("{}", ClassText(self)))
    }
}

/// The text of a [`ToothClass`], unpadded.
struct ClassText<'v>(&'v ToothClass);

impl fmt::Display for ClassText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let this = self.0;
        let mut first = true;
        for (name, bit) in ToothClass::NAMES {
            // Dentition words read before "tooth"; position words alone
            // name a tooth ("a molar"), so "tooth" follows only when needed.
            if this.has(bit) {
                if !first {
                    f.write_str(" ")?;
                }
                f.write_str(name)?;
                first = false;
            }
        }
        let ends_in_noun = this.has(ToothClass::PREMOLAR | ToothClass::MOLAR)
            && !this.has(ToothClass::PRIMARY | ToothClass::PERMANENT);
        if first {
            f.write_str("tooth")
        } else if ends_in_noun {
            Ok(())
        } else {
            f.write_str(" tooth")
        }
    }
}

/// What a claim line for a code must report: the sites it may be reported
/// at (one of them), how many surfaces when it names them, the kind of
/// tooth, and whether a source confirms it.
///
/// ```
/// let d3330 = cdt_codes::lookup("D3330").unwrap().reporting().unwrap();
/// assert!(d3330.allows(cdt_codes::Site::Tooth));
/// assert_eq!(d3330.tooth_class().to_string(), "molar");
/// assert_eq!(d3330.to_string(), "a tooth (molar)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Reporting {
    pub(crate) sites: u8,
    pub(crate) min_surfaces: u8,
    pub(crate) max_surfaces: u8,
    pub(crate) teeth: ToothClass,
    pub(crate) confirmed: bool,
    /// Sites a line may carry beyond those it must report.
    pub(crate) also: u8,
    /// The arch the code names itself: 0 none, 1 maxillary, 2 mandibular,
    /// with what the code is in the high bits (see [`NOUNS`]).
    pub(crate) names: u8,
    /// The sources that agree with the row (bits of [`RuleSource`]).
    pub(crate) sources: u8,
}

/// What a code that names its arch is, for messages: `a maxillary denture`.
pub(crate) const NOUNS: [&str; 7] = [
    "procedure",
    "appliance",
    "denture",
    "image",
    "partial denture",
    "prosthesis",
    "space maintainer",
];

/// How a claim line treats one element (a tooth, surfaces, an area) for a
/// code: it must carry it, it may, or the code never takes it.
///
/// ```
/// use cdt_codes::Level;
///
/// let d7140 = cdt_codes::lookup("D7140").unwrap().reporting().unwrap();
/// assert_eq!(d7140.levels().tooth, Level::Required);
/// let d0220 = cdt_codes::lookup("D0220").unwrap().reporting().unwrap();
/// assert_eq!(d0220.levels().tooth, Level::Allowed); // the tooth a periapical shows
/// assert_eq!(Level::NotReported.to_string(), "not reported");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// The code never takes the element.
    NotReported,
    /// A line may carry the element; it is not wrong without it.
    Allowed,
    /// A line is wrong without the element.
    Required,
}

impl Level {
    /// The name used in text: `required`, `allowed`, `not reported`.
    ///
    /// ```
    /// assert_eq!(cdt_codes::Level::Required.key(), "required");
    /// ```
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            Level::Required => "required",
            Level::Allowed => "allowed",
            Level::NotReported => "not reported",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.key())
    }
}

/// The three levels of a code: see [`Reporting::levels`].
///
/// ```
/// let levels = cdt_codes::lookup("D2392").unwrap().reporting().unwrap().levels();
/// assert_eq!(levels.surfaces, cdt_codes::Level::Required);
/// assert_eq!(levels.area, cdt_codes::Level::NotReported);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Levels {
    /// The tooth number (one, a range or a list).
    pub tooth: Level,
    /// The tooth's surfaces.
    pub surfaces: Level,
    /// The area of the oral cavity (arch, quadrant, sextant, whole mouth).
    pub area: Level,
}

/// A public source a row of `data/reporting.tsv` was compared with (see
/// `data/SOURCES.md`).
///
/// ```
/// use cdt_codes::RuleSource;
///
/// let d7140 = cdt_codes::lookup("D7140").unwrap().reporting().unwrap();
/// assert!(d7140.backed_by(RuleSource::IhsRpms));
/// assert_eq!(RuleSource::OpenDental.key(), "opendental");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RuleSource {
    /// The Indian Health Service RPMS dental package (public FOIA release):
    /// whether it asks an operative site for the code, and its
    /// quadrant-only edits.
    IhsRpms,
    /// Open Dental's treatment area per code (its demo database and the
    /// conversion scripts that set it).
    OpenDental,
}

impl RuleSource {
    /// Every source.
    pub const ALL: [RuleSource; 2] = [RuleSource::IhsRpms, RuleSource::OpenDental];

    /// The name the data file uses: `ihs` or `opendental`.
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            RuleSource::IhsRpms => "ihs",
            RuleSource::OpenDental => "opendental",
        }
    }

    const fn bit(self) -> u8 {
        match self {
            RuleSource::IhsRpms => 1,
            RuleSource::OpenDental => 2,
        }
    }
}

impl fmt::Display for RuleSource {
    /// `IHS RPMS` or `Open Dental`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            RuleSource::IhsRpms => "IHS RPMS",
            RuleSource::OpenDental => "Open Dental",
        })
    }
}

impl Reporting {
    /// Reads the `reports`, `surfaces`, `tooth_kind` and `confirmed`
    /// fields of a row of `data/reporting.tsv`.
    #[cfg_attr(not(feature = "std"), allow(dead_code))] // the data parser's
    pub(crate) fn parse(
        sites: &str,
        surfaces: &str,
        teeth: &str,
        confirmed: bool,
    ) -> Result<Reporting, BadReporting> {
        let mut bits = 0;
        for part in sites.split('|') {
            bits |= part.parse::<Site>()?.bit();
        }
        let (min_surfaces, max_surfaces) = parse_surfaces(surfaces)?;
        Ok(Reporting {
            sites: bits,
            min_surfaces,
            max_surfaces,
            teeth: teeth.parse()?,
            confirmed,
            also: 0,
            names: 0,
            sources: 0,
        })
    }

    /// With the `also` field: sites a line may carry beyond those it must
    /// report, joined by `|`; empty for none.
    #[cfg_attr(not(feature = "std"), allow(dead_code))] // the data parser's
    pub(crate) fn with_also(self, also: &str) -> Result<Reporting, BadReporting> {
        let mut bits = 0;
        for part in also.split('|').filter(|part| !part.trim().is_empty()) {
            bits |= part.parse::<Site>()?.bit();
        }
        Ok(Reporting { also: bits, ..self })
    }

    /// With the `names` field: `maxillary` or `mandibular` and what the
    /// code is (`maxillary denture`), or empty.
    #[cfg_attr(not(feature = "std"), allow(dead_code))] // the data parser's
    pub(crate) fn with_names(self, names: &str) -> Result<Reporting, BadReporting> {
        let names = names.trim();
        if names.is_empty() {
            return Ok(Reporting { names: 0, ..self });
        }
        let (arch, noun) = names.split_once(' ').unwrap_or((names, "procedure"));
        let arch = match arch {
            "maxillary" => 1,
            "mandibular" => 2,
            _ => return Err(BadReporting::Names),
        };
        let noun = NOUNS
            .iter()
            .position(|known| *known == noun.trim())
            .ok_or(BadReporting::Names)?;
        let noun = u8::try_from(noun).map_err(|_| BadReporting::Names)?;
        Ok(Reporting {
            names: arch | (noun << 2),
            ..self
        })
    }

    /// With the `sources` field: `ihs`, `opendental`, joined by `+`. A row
    /// marked confirmed needs both.
    #[cfg_attr(not(feature = "std"), allow(dead_code))] // the data parser's
    pub(crate) fn with_sources(self, sources: &str) -> Result<Reporting, BadReporting> {
        let mut bits = 0;
        for part in sources
            .split('+')
            .map(str::trim)
            .filter(|part| !part.is_empty())
        {
            let source = RuleSource::ALL
                .into_iter()
                .find(|source| source.key() == part)
                .ok_or(BadReporting::Sources)?;
            bits |= source.bit();
        }
        if self.confirmed && bits.count_ones() < 2 {
            return Err(BadReporting::Unbacked);
        }
        Ok(Reporting {
            sources: bits,
            ..self
        })
    }

    /// Whether a line may carry `site` without being required to: the
    /// tooth on a periapical image, the teeth and arch of a partial denture.
    ///
    /// ```
    /// let d5820 = cdt_codes::lookup("D5820").unwrap().reporting().unwrap();
    /// assert!(d5820.also_allows(cdt_codes::Site::ToothRange));
    /// ```
    #[must_use]
    pub const fn also_allows(self, site: Site) -> bool {
        self.also & site.bit() != 0
    }

    /// Whether the source agrees with this row (see `data/SOURCES.md`).
    ///
    /// ```
    /// let d4341 = cdt_codes::lookup("D4341").unwrap().reporting().unwrap();
    /// assert!(d4341.backed_by(cdt_codes::RuleSource::IhsRpms));
    /// ```
    #[must_use]
    pub const fn backed_by(self, source: RuleSource) -> bool {
        self.sources & source.bit() != 0
    }

    /// What the code is, when it names its arch (`denture`, `partial
    /// denture`, `space maintainer`): for messages.
    #[must_use]
    pub(crate) fn named_noun(self) -> &'static str {
        NOUNS
            .get(usize::from(self.names >> 2))
            .copied()
            .unwrap_or("procedure")
    }

    /// Whether the code names the upper arch (`Some(true)`), the lower
    /// (`Some(false)`), or neither.
    #[must_use]
    pub(crate) const fn names_upper(self) -> Option<bool> {
        match self.names & 3 {
            1 => Some(true),
            2 => Some(false),
            _ => None,
        }
    }

    /// The three levels: whether a line must carry, may carry, or never
    /// carries a tooth, surfaces and an area. An element is *required*
    /// when every site the code is reported at needs it (and the code does
    /// not name the arch itself, for an area), *allowed* when some site or
    /// the `also` field takes it, and *not reported* otherwise.
    ///
    /// ```
    /// use cdt_codes::Level;
    ///
    /// let d5110 = cdt_codes::lookup("D5110").unwrap().reporting().unwrap();
    /// // the code names the upper arch: area 01 may be sent, need not be
    /// assert_eq!(d5110.levels().area, Level::Allowed);
    /// let d4341 = cdt_codes::lookup("D4341").unwrap().reporting().unwrap();
    /// assert_eq!(d4341.levels().area, Level::Required);
    /// assert_eq!(d4341.levels().tooth, Level::NotReported);
    /// ```
    #[must_use]
    pub fn levels(self) -> Levels {
        let required_any = !self.allows(Site::None) && self.sites != 0;
        let all_in = |test: fn(Site) -> bool| required_any && self.sites().all(test);
        let any_in = |test: fn(Site) -> bool| {
            Site::ALL
                .into_iter()
                .any(|site| (self.allows(site) || self.also_allows(site)) && test(site))
        };
        let level = |required: bool, allowed: bool| {
            if required {
                Level::Required
            } else if allowed {
                Level::Allowed
            } else {
                Level::NotReported
            }
        };
        let is_area = |site: Site| site.is_area();
        let is_surfaces = |site: Site| site == Site::ToothSurfaces;
        Levels {
            tooth: level(all_in(Site::is_tooth), any_in(Site::is_tooth)),
            surfaces: level(
                all_in(is_surfaces) && self.surfaces().is_some(),
                any_in(is_surfaces),
            ),
            area: level(
                all_in(is_area) && self.names_upper().is_none(),
                any_in(is_area),
            ),
        }
    }

    /// Whether a line may be reported at `site`.
    ///
    /// ```
    /// let d4341 = cdt_codes::lookup("D4341").unwrap().reporting().unwrap();
    /// assert!(d4341.allows(cdt_codes::Site::Quadrant));
    /// ```
    #[must_use]
    pub const fn allows(self, site: Site) -> bool {
        self.sites & site.bit() != 0
    }

    /// The sites a line may be reported at, in [`Site::ALL`] order.
    ///
    /// ```
    /// let sites: Vec<_> = cdt_codes::lookup("D0120").unwrap().reporting().unwrap().sites().collect();
    /// assert_eq!(sites, [cdt_codes::Site::None]);
    /// ```
    #[must_use]
    pub const fn sites(self) -> Sites {
        Sites {
            reporting: self,
            next: 0,
        }
    }

    /// The number of surfaces a line must name (inclusive bounds), for
    /// codes reported on a tooth with its surfaces.
    ///
    /// ```
    /// let d2392 = cdt_codes::lookup("D2392").unwrap().reporting().unwrap();
    /// assert_eq!(d2392.surfaces(), Some((2, 2)));
    /// ```
    #[must_use]
    pub const fn surfaces(self) -> Option<(u8, u8)> {
        if self.max_surfaces == 0 {
            None
        } else {
            Some((self.min_surfaces, self.max_surfaces))
        }
    }

    /// The kind of tooth the code applies to.
    ///
    /// ```
    /// let d3310 = cdt_codes::lookup("D3310").unwrap().reporting().unwrap();
    /// assert_eq!(d3310.tooth_class().to_string(), "anterior tooth");
    /// ```
    #[must_use]
    pub const fn tooth_class(self) -> ToothClass {
        self.teeth
    }

    /// Whether a public source confirms the requirement; `false` when it is
    /// a judgement from the code's meaning.
    ///
    /// ```
    /// // D3330 (molar root canal treatment): IHS RPMS and Open Dental both
    /// // report it on a tooth.
    /// let d3330 = cdt_codes::lookup("D3330").unwrap().reporting().unwrap();
    /// assert!(d3330.is_confirmed());
    /// ```
    #[must_use]
    pub const fn is_confirmed(self) -> bool {
        self.confirmed
    }
}

/// The sites of a [`Reporting`]: see [`Reporting::sites`].
///
/// ```
/// // scaling and root planing, four or more teeth: reported by quadrant
/// let reporting = cdt_codes::lookup("D4341").unwrap().reporting().unwrap();
/// assert_eq!(reporting.sites().collect::<Vec<_>>(), [cdt_codes::Site::Quadrant]);
/// ```
#[derive(Debug, Clone)]
pub struct Sites {
    reporting: Reporting,
    next: usize,
}

impl Iterator for Sites {
    type Item = Site;

    fn next(&mut self) -> Option<Site> {
        while let Some(&site) = Site::ALL.get(self.next) {
            self.next += 1;
            if self.reporting.allows(site) {
                return Some(site);
            }
        }
        None
    }
}

/// `1`, `3-5`, `4+` (at most 5), or empty for none.
fn parse_surfaces(text: &str) -> Result<(u8, u8), BadReporting> {
    let text = text.trim();
    if text.is_empty() {
        return Ok((0, 0));
    }
    let digit = |part: &str| match part.trim().parse::<u8>() {
        Ok(value @ 1..=5) => Ok(value),
        _ => Err(BadReporting::Surfaces),
    };
    let (min, max) = if let Some(min) = text.strip_suffix('+') {
        (digit(min)?, 5)
    } else if let Some((min, max)) = text.split_once('-') {
        (digit(min)?, digit(max)?)
    } else {
        let value = digit(text)?;
        (value, value)
    };
    if min > max {
        return Err(BadReporting::Surfaces);
    }
    Ok((min, max))
}

impl fmt::Display for Reporting {
    /// `a tooth with its surfaces (2 surfaces, posterior tooth)`, `a tooth
    /// or a quadrant`, `no tooth or area (may also carry a range of teeth
    /// or an arch)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        super::pad(f, format_args!("{}", ReportingText(self)))
    }
}

/// The text of a [`Reporting`], unpadded.
struct ReportingText<'v>(&'v Reporting);

impl fmt::Display for ReportingText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let this = self.0;
        for (index, site) in this.sites().enumerate() {
            if index > 0 {
                f.write_str(" or ")?;
            }
            write!(f, "{site}")?;
        }
        let mut notes = 0;
        let mut note = |f: &mut fmt::Formatter<'_>| {
            notes += 1;
            f.write_str(if notes == 1 { " (" } else { ", " })
        };
        if let Some((min, max)) = this.surfaces() {
            note(f)?;
            match (min, max) {
                (1, 1) => f.write_str("1 surface")?,
                (min, max) if min == max => write!(f, "{min} surfaces")?,
                (min, 5) => write!(f, "{min} or more surfaces")?,
                (min, max) => write!(f, "{min} to {max} surfaces")?,
            }
        }
        if !this.teeth.is_any() {
            note(f)?;
            write!(f, "{}", this.teeth)?;
        }
        let also = Site::ALL.into_iter().filter(|site| this.also_allows(*site));
        for (index, site) in also.enumerate() {
            if index == 0 {
                note(f)?;
                f.write_str("may also carry ")?;
            } else {
                f.write_str(" or ")?;
            }
            write!(f, "{site}")?;
        }
        if notes > 0 {
            f.write_str(")")?;
        }
        Ok(())
    }
}
