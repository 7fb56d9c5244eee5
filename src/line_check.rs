//! Checks what a claim line reports besides its code and date (teeth,
//! surfaces, areas of the oral cavity) against what the code requires.
//!
//! The whole-line check, [`Procedure::check_line`], takes every tooth (a
//! single tooth, a range such as `6-11` or a list such as `3,4,5`, each
//! with its surfaces) and every area a line carries at once, as practice
//! software sends them: an X12 837D line repeats `TOO` once per tooth; a
//! CSV line writes them in one column. Each problem has a [`Severity`]: a
//! line missing what the code requires, or carrying something that
//! contradicts it, is an error; a line carrying something the code does
//! not take is a warning. [`Procedure::check_reported`] is the same check
//! for a line with at most one tooth and one area.

use core::fmt;

use crate::model::code::CdtCode;
use crate::model::reporting::{Level, Levels, Reporting, Site, ToothClass};
use crate::set::Procedure;
use crate::severity::Severity;
use crate::teeth::{
    Arch, Area, AreaKind, ParseAreaError, ParseSurfacesError, ParseTeethError, ParseToothError,
    SurfaceError, Surfaces, Tooth, ToothKind, ToothSet,
};

/// What a claim line reports besides its code and date, as written: empty
/// or absent fields are not reported. For a line with more teeth or areas,
/// see [`ReportedLine`].
///
/// ```
/// use cdt_codes::Reported;
///
/// let line = Reported::default().tooth("8").surfaces("MOD");
/// assert_eq!(line.tooth, Some("8"));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Reported<'a> {
    /// The tooth, as written (`8`, `A`, `51`), or a range or list of teeth
    /// (`6-11`, `3,4,5`).
    pub tooth: Option<&'a str>,
    /// The surfaces, as written (`MOD`, `M:O:D`).
    pub surfaces: Option<&'a str>,
    /// The area of the oral cavity, as written (`10`, `UR`, `01`).
    pub area: Option<&'a str>,
}

impl<'a> Reported<'a> {
    /// With this tooth.
    #[must_use]
    pub fn tooth(self, tooth: &'a str) -> Reported<'a> {
        Reported {
            tooth: Some(tooth),
            ..self
        }
    }

    /// With these surfaces.
    #[must_use]
    pub fn surfaces(self, surfaces: &'a str) -> Reported<'a> {
        Reported {
            surfaces: Some(surfaces),
            ..self
        }
    }

    /// With this area of the oral cavity.
    #[must_use]
    pub fn area(self, area: &'a str) -> Reported<'a> {
        Reported {
            area: Some(area),
            ..self
        }
    }
}

/// One tooth entry of a claim line, as written: an X12 `TOO` segment (a
/// tooth and its surfaces), or a CSV tooth column (which may hold a range
/// or a list of teeth) with its surfaces column.
///
/// ```
/// use cdt_codes::ReportedTooth;
///
/// let entry = ReportedTooth::new("3", "MOD");
/// assert_eq!(entry.tooth, "3");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReportedTooth<'a> {
    /// The tooth, a range (`6-11`) or a list (`3,4,5`), as written.
    pub tooth: &'a str,
    /// The surfaces, as written; empty when none.
    pub surfaces: &'a str,
}

impl<'a> ReportedTooth<'a> {
    /// A tooth entry: the tooth (or teeth) and its surfaces, as written.
    #[must_use]
    pub const fn new(tooth: &'a str, surfaces: &'a str) -> ReportedTooth<'a> {
        ReportedTooth { tooth, surfaces }
    }
}

/// Everything one claim line reports besides its code and date: all its
/// tooth entries and all its areas of the oral cavity, as written.
///
/// ```
/// use cdt_codes::{ReportedLine, ReportedTooth};
///
/// // D5820 with teeth 8, 9 and 13, as in the X12 837D guide's example
/// let teeth = [ReportedTooth::new("8", ""), ReportedTooth::new("9", ""), ReportedTooth::new("13", "")];
/// let line = ReportedLine::new(&teeth, &[]);
/// let d5820 = cdt_codes::lookup("D5820").unwrap();
/// assert!(d5820.check_line(line).is_empty());
///
/// let wrong = [ReportedTooth::new("8", ""), ReportedTooth::new("40", "")];
/// let problems = d5820.check_line(ReportedLine::new(&wrong, &[]));
/// assert_eq!(
///     problems.iter().next().unwrap().to_string(),
///     "40 is not a tooth number: permanent teeth are 1-32, supernumerary 51-82"
/// );
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReportedLine<'a> {
    /// The tooth entries.
    pub teeth: &'a [ReportedTooth<'a>],
    /// The areas of the oral cavity, as written (`10`, `UR`, `01`).
    pub areas: &'a [&'a str],
}

impl<'a> ReportedLine<'a> {
    /// A line with these tooth entries and areas.
    #[must_use]
    pub const fn new(teeth: &'a [ReportedTooth<'a>], areas: &'a [&'a str]) -> ReportedLine<'a> {
        ReportedLine { teeth, areas }
    }
}

/// A problem with what a claim line reports, in plain words: what the code
/// takes, then what the line has. Each has a [`Severity`]
/// ([`ReportingProblem::severity`]).
///
/// ```
/// use cdt_codes::{ReportingProblem, Reported, Severity};
///
/// let d3330 = cdt_codes::lookup("D3330").unwrap();
/// let problems = d3330.check_reported(Reported::default().tooth("8"));
/// let first = problems.iter().next().unwrap();
/// assert!(matches!(first, ReportingProblem::WrongTooth { .. }));
/// assert_eq!(first.severity(), Severity::Error);
/// assert_eq!(
///     first.to_string(),
///     "D3330 is reported on a molar; tooth 8 is a permanent maxillary right central incisor"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReportingProblem {
    /// The tooth cannot be read (`33`, `Z`).
    BadTooth(ParseToothError),
    /// The surfaces cannot be read (`MXD`, `MM`).
    BadSurfaces(ParseSurfacesError),
    /// The area cannot be read.
    BadArea(ParseAreaError),
    /// A range or list of teeth cannot be read (`11-6`, `3,3`).
    BadTeeth(ParseTeethError),
    /// The code needs a tooth and the line names none.
    MissingTooth {
        /// The code.
        code: CdtCode,
        /// What the code requires.
        needs: Reporting,
    },
    /// The code needs surfaces and the line names none.
    MissingSurfaces {
        /// The code.
        code: CdtCode,
        /// What the code requires.
        needs: Reporting,
    },
    /// The code needs an area (quadrant, arch, sextant) and the line names
    /// none.
    MissingArea {
        /// The code.
        code: CdtCode,
        /// What the code requires.
        needs: Reporting,
    },
    /// The tooth is not of the kind the code applies to.
    WrongTooth {
        /// The code.
        code: CdtCode,
        /// The tooth named.
        tooth: Tooth,
        /// The kind the code applies to.
        class: ToothClass,
    },
    /// The line names more or fewer surfaces than the code covers.
    SurfaceCount {
        /// The code.
        code: CdtCode,
        /// The surfaces named.
        surfaces: Surfaces,
        /// The fewest the code covers.
        min: u8,
        /// The most the code covers.
        max: u8,
    },
    /// A surface the named tooth does not have.
    SurfaceNotOnTooth(SurfaceError),
    /// The area is not of a kind the code is reported at.
    WrongArea {
        /// The code.
        code: CdtCode,
        /// The area named.
        area: Area,
        /// What the code requires.
        needs: Reporting,
    },
    /// The code takes no tooth, yet the line names one (a warning).
    UnexpectedTooth {
        /// The code.
        code: CdtCode,
        /// The tooth named (the first, when the line names several).
        tooth: Tooth,
    },
    /// The code names one arch and the line names the other, by its area
    /// or by a tooth.
    WrongArch {
        /// The code.
        code: CdtCode,
        /// What the code requires (it names the arch).
        needs: Reporting,
        /// The area on the other arch, when the area says so.
        area: Option<Area>,
        /// The tooth on the other arch, when a tooth says so.
        tooth: Option<Tooth>,
    },
    /// A per-tooth code with more than one tooth on the line.
    TooManyTeeth {
        /// The code.
        code: CdtCode,
        /// How many teeth the line names.
        count: usize,
    },
    /// A per-area code (one quadrant, one arch) with more than one area on
    /// the line.
    TooManyAreas {
        /// The code.
        code: CdtCode,
        /// What the code requires.
        needs: Reporting,
        /// How many areas the line names.
        count: usize,
    },
    /// The code takes no surfaces, yet the line names some (a warning).
    UnexpectedSurfaces {
        /// The code.
        code: CdtCode,
        /// The surfaces named.
        surfaces: Surfaces,
    },
    /// The code takes no area, yet the line names one (a warning).
    UnexpectedArea {
        /// The code.
        code: CdtCode,
        /// The area named.
        area: Area,
    },
    /// Surfaces with no tooth to put them on (a warning).
    SurfacesWithoutTooth {
        /// The surfaces named.
        surfaces: Surfaces,
    },
    /// A tooth sent in the ISO 3950 numbering (an 837D `TOO01` `JO`, or an
    /// export's tooth system column) that is no ISO tooth: `19` (quadrant 1
    /// holds teeth 11 to 18). It is not read as a Universal number.
    NotIsoTooth {
        /// The number as written, if it is one (`None` for other text).
        number: Option<u16>,
    },
}

impl ReportingProblem {
    /// Whether the problem comes from a requirement of the data (rather
    /// than unreadable text), so that an unconfirmed requirement can be
    /// said to be one.
    ///
    /// ```
    /// let d7140 = cdt_codes::lookup("D7140").unwrap();
    /// let problems = d7140.check_reported(cdt_codes::Reported::default());
    /// assert!(problems.iter().all(cdt_codes::ReportingProblem::is_requirement));
    /// ```
    #[must_use]
    pub const fn is_requirement(&self) -> bool {
        !matches!(
            self,
            ReportingProblem::BadTooth(_)
                | ReportingProblem::BadSurfaces(_)
                | ReportingProblem::BadArea(_)
                | ReportingProblem::BadTeeth(_)
                | ReportingProblem::SurfaceNotOnTooth(_)
                | ReportingProblem::SurfacesWithoutTooth { .. }
                | ReportingProblem::NotIsoTooth { .. }
        )
    }

    /// How serious the problem is: an error when the line lacks what the
    /// code requires, cannot be read, or contradicts the code (a wrong
    /// kind of tooth or area, the other arch, too many teeth or areas, a
    /// wrong surface count); a warning when the line carries something
    /// the code does not take.
    ///
    /// ```
    /// use cdt_codes::{Reported, Severity};
    ///
    /// let d0120 = cdt_codes::lookup("D0120").unwrap(); // periodic evaluation
    /// let problems = d0120.check_reported(Reported::default().tooth("3"));
    /// assert_eq!(problems.iter().next().unwrap().severity(), Severity::Warning);
    /// ```
    #[must_use]
    pub const fn severity(&self) -> Severity {
        match self {
            ReportingProblem::UnexpectedTooth { .. }
            | ReportingProblem::UnexpectedSurfaces { .. }
            | ReportingProblem::UnexpectedArea { .. }
            | ReportingProblem::SurfacesWithoutTooth { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// `a molar`, `an anterior tooth`: the class with its article.
struct WithArticle(ToothClass);

impl fmt::Display for WithArticle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let vowel = self.0.first_word().starts_with(['a', 'e', 'i', 'o', 'u']);
        write!(f, "{} {}", if vowel { "an" } else { "a" }, self.0)
    }
}

impl fmt::Display for ReportingProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::model::pad(f, format_args!("{}", ProblemText(self)))
    }
}

/// `the lower arch`, `the lower left quadrant`: an area in words.
struct AreaWords(Area);

impl fmt::Display for AreaWords {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Area::MaxillaryArch => f.write_str("the upper arch"),
            Area::MandibularArch => f.write_str("the lower arch"),
            area => write!(f, "the {}", area.name()),
        }
    }
}

/// `1 surface`, `3 to 5 surfaces`, `4 or more surfaces`.
struct SurfaceRule(u8, u8);

impl fmt::Display for SurfaceRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0, self.1) {
            (1, 1) => f.write_str("1 surface"),
            (min, max) if min == max => write!(f, "{min} surfaces"),
            (min, 5) => write!(f, "{min} or more surfaces"),
            (min, max) => write!(f, "{min} to {max} surfaces"),
        }
    }
}

/// The text of a [`ReportingProblem`], unpadded.
struct ProblemText<'v>(&'v ReportingProblem);

impl fmt::Display for ProblemText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            ReportingProblem::BadTooth(error) => write!(f, "{error}"),
            ReportingProblem::BadSurfaces(error) => write!(f, "bad surfaces: {error}"),
            ReportingProblem::BadArea(error) => write!(f, "{error}"),
            ReportingProblem::BadTeeth(error) => write!(f, "{error}"),
            ReportingProblem::MissingTooth { code, needs } => {
                if needs.sites().all(Site::is_tooth) {
                    write!(f, "{code} needs a tooth number; the line has none")
                } else {
                    write!(
                        f,
                        "{code} needs a tooth number or an area of the oral cavity \
                         (it is reported on {needs}); the line has neither"
                    )
                }
            }
            ReportingProblem::MissingSurfaces { code, needs } => {
                write!(f, "{code} needs the tooth's surfaces")?;
                if let Some((min, max)) = needs.surfaces() {
                    write!(f, " ({})", SurfaceRule(min, max))?;
                }
                f.write_str("; the line has none")
            }
            ReportingProblem::MissingArea { code, needs } => write!(
                f,
                "{code} needs an area of the oral cavity (it is reported on {needs}); \
                 the line has none"
            ),
            ReportingProblem::WrongTooth { code, tooth, class } => write!(
                f,
                "{code} is reported on {}; tooth {tooth} is a {}",
                WithArticle(*class),
                tooth.name()
            ),
            ReportingProblem::SurfaceCount {
                code,
                surfaces,
                min,
                max,
            } => {
                let count = surfaces.count();
                let noun = if count == 1 { "surface" } else { "surfaces" };
                write!(
                    f,
                    "{code} is reported with {}; {surfaces} names {count} {noun}",
                    SurfaceRule(*min, *max)
                )
            }
            ReportingProblem::SurfaceNotOnTooth(error) => write!(f, "{error}"),
            ReportingProblem::WrongArea { code, area, needs } => write!(
                f,
                "{code} is reported on {needs}; area {area} is the {}",
                area.name()
            ),
            ReportingProblem::UnexpectedTooth { code, tooth } => write!(
                f,
                "{code} takes no tooth number; the line names tooth {tooth}"
            ),
            ReportingProblem::WrongArch {
                code,
                needs,
                area,
                tooth,
            } => wrong_arch(f, *code, *needs, *area, *tooth),
            ReportingProblem::TooManyTeeth { code, count } => write!(
                f,
                "{code} is reported on one tooth per line; the line names {count} teeth"
            ),
            ReportingProblem::TooManyAreas { code, needs, count } => write!(
                f,
                "{code} is reported on one area per line ({needs}); the line names {count} areas"
            ),
            ReportingProblem::UnexpectedSurfaces { code, surfaces } => {
                write!(f, "{code} takes no surfaces; the line names {surfaces}")
            }
            ReportingProblem::UnexpectedArea { code, area } => write!(
                f,
                "{code} takes no area of the oral cavity; the line names area {area} ({})",
                area.name()
            ),
            ReportingProblem::SurfacesWithoutTooth { surfaces } => {
                write!(f, "surfaces {surfaces} are given without a tooth")
            }
            ReportingProblem::NotIsoTooth { number } => {
                match number {
                    Some(number) => write!(f, "tooth {number} is not an ISO 3950 tooth number")?,
                    None => f.write_str("the tooth is not an ISO 3950 tooth number")?,
                }
                f.write_str(
                    " (the line says ISO, JO): permanent teeth are 11-18, 21-28, 31-38, 41-48, \
                     primary teeth 51-55, 61-65, 71-75, 81-85",
                )
            }
        }
    }
}

/// "D5110 is a maxillary denture; area 02 is the lower arch".
fn wrong_arch(
    f: &mut fmt::Formatter<'_>,
    code: CdtCode,
    needs: Reporting,
    area: Option<Area>,
    tooth: Option<Tooth>,
) -> fmt::Result {
    let arch = if needs.names_upper() == Some(true) {
        "maxillary"
    } else {
        "mandibular"
    };
    write!(f, "{code} is a {arch} {}; ", needs.named_noun())?;
    match (area, tooth) {
        (Some(area), _) => write!(f, "area {area} is {}", AreaWords(area)),
        (None, Some(tooth)) => {
            let other = if tooth.arch() == Arch::Upper {
                "upper"
            } else {
                "lower"
            };
            write!(f, "tooth {tooth} is on the {other} arch")
        }
        (None, None) => f.write_str("the line names the other arch"),
    }
}

/// How many problems a [`LineProblems`] holds; more are counted in
/// [`LineProblems::omitted`].
const CAPACITY: usize = 8;

/// The problems found on one line, in the order checked, each once: at
/// most eight are kept, and [`LineProblems::omitted`] counts the rest.
///
/// ```
/// use cdt_codes::Reported;
///
/// let d2392 = cdt_codes::lookup("D2392").unwrap();
/// let problems = d2392.check_reported(Reported::default().tooth("3").surfaces("MO"));
/// assert!(problems.is_empty());
/// assert_eq!(problems.omitted(), 0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LineProblems {
    items: [Option<ReportingProblem>; CAPACITY],
    len: usize,
    omitted: usize,
    confirmed: bool,
}

impl LineProblems {
    fn push(&mut self, problem: ReportingProblem) {
        // The problems so far fill the first `len` slots: only they are
        // looked at (`iter` passes over every slot left empty).
        let known = self.items.get(..self.len).unwrap_or_default();
        if known.iter().any(|known| known.as_ref() == Some(&problem)) {
            return;
        }
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = Some(problem);
            self.len += 1;
        } else {
            self.omitted += 1;
        }
    }

    /// Whether the line has no problem.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// How many problems are kept.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.len
    }

    /// How many more problems were found than are kept.
    #[must_use]
    pub const fn omitted(&self) -> usize {
        self.omitted
    }

    /// The most serious severity among the problems, or `None` when there
    /// are none.
    ///
    /// ```
    /// let d7140 = cdt_codes::lookup("D7140").unwrap();
    /// let problems = d7140.check_reported(cdt_codes::Reported::default());
    /// assert_eq!(problems.severity(), Some(cdt_codes::Severity::Error));
    /// ```
    #[must_use]
    pub fn severity(&self) -> Option<Severity> {
        self.iter().map(ReportingProblem::severity).max()
    }

    /// Whether a source confirms the requirement the line was checked
    /// against (when `false`, a requirement problem rests on the data's
    /// judgement of the code's meaning).
    #[must_use]
    pub const fn requirement_confirmed(&self) -> bool {
        self.confirmed
    }

    /// The problems, in the order checked.
    pub fn iter(&self) -> core::iter::Flatten<core::slice::Iter<'_, Option<ReportingProblem>>> {
        self.items.iter().flatten()
    }
}

impl<'a> IntoIterator for &'a LineProblems {
    type Item = &'a ReportingProblem;
    type IntoIter = core::iter::Flatten<core::slice::Iter<'a, Option<ReportingProblem>>>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl Reporting {
    /// The arch the code names itself (a maxillary denture names the upper
    /// arch), or `None`. A line for such a code need not name the arch; a
    /// line naming the other arch, by area or by tooth, is an error.
    ///
    /// ```
    /// use cdt_codes::teeth::Arch;
    ///
    /// let d5110 = cdt_codes::lookup("D5110").unwrap().reporting().unwrap();
    /// assert_eq!(d5110.arch(), Some(Arch::Upper));
    /// assert_eq!(cdt_codes::lookup("D4341").unwrap().reporting().unwrap().arch(), None);
    /// ```
    #[must_use]
    pub const fn arch(self) -> Option<Arch> {
        match self.names_upper() {
            Some(true) => Some(Arch::Upper),
            Some(false) => Some(Arch::Lower),
            None => None,
        }
    }
}

/// What the text of a line holds, once read.
#[derive(Default)]
struct Read {
    teeth: ToothSet,
    /// Tooth entries with a tooth written, readable or not (a range or
    /// list counts once).
    entries: usize,
    /// The surfaces of single-tooth entries, with their tooth.
    surfaces: [Option<(Tooth, Surfaces)>; CAPACITY],
    surfaces_seen: usize,
    /// An entry with a tooth and no surfaces.
    bare_tooth: bool,
    /// Surfaces given with a range or list, or with no tooth.
    loose_surfaces: Option<Surfaces>,
    areas: [Option<Area>; CAPACITY],
    area_count: usize,
    /// Areas written, readable or not.
    areas_written: usize,
}

impl Procedure<'_> {
    /// Checks everything one claim line reports besides its code and date,
    /// all at once: every tooth entry (a tooth, a range such as `6-11` or
    /// a list such as `3,4,5`, with its surfaces) and every area. Returns
    /// the problems, each with its [`Severity`].
    ///
    /// - A line without what the code requires is an error ("D7140 needs
    ///   a tooth number; the line has none").
    /// - A line carrying what the code does not take is a warning (a tooth
    ///   on a periodic evaluation), unless it contradicts the code: a
    ///   tooth or area of the wrong kind, the other arch for a code that
    ///   names its arch ("D5110 is a maxillary denture; area 02 is the
    ///   lower arch"), more than one tooth on a per-tooth line or more
    ///   than one area on a per-quadrant or per-arch line, or a wrong
    ///   surface count: errors.
    /// - Unreadable text is an error whatever the code; area `00` (the
    ///   whole mouth) is accepted on any code that requires nothing.
    ///
    /// ```
    /// use cdt_codes::{ReportedLine, ReportedTooth, Severity};
    ///
    /// let d4341 = cdt_codes::lookup("D4341").unwrap();
    /// assert!(d4341.check_line(ReportedLine::new(&[], &["UR"])).is_empty());
    /// let two = d4341.check_line(ReportedLine::new(&[], &["10", "20"]));
    /// assert_eq!(two.severity(), Some(Severity::Error));
    ///
    /// let d5110 = cdt_codes::lookup("D5110").unwrap();
    /// let lower = d5110.check_line(ReportedLine::new(&[], &["02"]));
    /// assert_eq!(
    ///     lower.iter().next().unwrap().to_string(),
    ///     "D5110 is a maxillary denture; area 02 is the lower arch"
    /// );
    /// ```
    #[must_use]
    pub fn check_line(&self, line: ReportedLine<'_>) -> LineProblems {
        let code = self.code();
        let mut problems = LineProblems::default();
        let read = read_line(line, &mut problems);
        let Some(needs) = self.reporting() else {
            return problems;
        };
        problems.confirmed = needs.is_confirmed();
        // Worked out once here: each check below asked for them again.
        let levels = needs.levels();
        check_teeth(&mut problems, code, needs, levels, &read);
        check_surfaces(&mut problems, code, needs, levels, &read);
        check_areas(&mut problems, code, needs, levels, &read);
        check_required(&mut problems, code, needs, &read);
        problems
    }

    /// Checks a line with at most one tooth entry and one area (see
    /// [`Procedure::check_line`] for the rules).
    ///
    /// ```
    /// use cdt_codes::Reported;
    ///
    /// let d4341 = cdt_codes::lookup("D4341").unwrap();
    /// assert!(d4341.check_reported(Reported::default().area("UR")).is_empty());
    /// let missing = d4341.check_reported(Reported::default());
    /// assert_eq!(
    ///     missing.iter().next().unwrap().to_string(),
    ///     "D4341 needs an area of the oral cavity (it is reported on a quadrant); the line has none"
    /// );
    /// ```
    #[must_use]
    pub fn check_reported(&self, line: Reported<'_>) -> LineProblems {
        let tooth = [ReportedTooth {
            tooth: line.tooth.unwrap_or(""),
            surfaces: line.surfaces.unwrap_or(""),
        }];
        let area = [line.area.unwrap_or("")];
        self.check_line(ReportedLine {
            teeth: &tooth,
            areas: &area,
        })
    }
}

/// Reads the teeth, surfaces and areas of a line; unreadable text is a
/// problem.
fn read_line(line: ReportedLine<'_>, problems: &mut LineProblems) -> Read {
    let mut read = Read::default();
    for entry in line.teeth {
        let written = given(Some(entry.surfaces)).is_some();
        let surfaces = given(Some(entry.surfaces)).and_then(|text| {
            text.parse::<Surfaces>()
                .map_err(|error| problems.push(ReportingProblem::BadSurfaces(error)))
                .ok()
        });
        let Some(text) = given(Some(entry.tooth)) else {
            if let Some(surfaces) = surfaces {
                problems.push(ReportingProblem::SurfacesWithoutTooth { surfaces });
            }
            continue;
        };
        read.entries += 1;
        let teeth = match ToothSet::parse(text) {
            Ok(teeth) => teeth,
            Err(ParseTeethError::Tooth(error)) => {
                problems.push(ReportingProblem::BadTooth(error));
                continue;
            }
            Err(error) => {
                problems.push(ReportingProblem::BadTeeth(error));
                continue;
            }
        };
        for tooth in teeth {
            if !read.teeth.insert(tooth) {
                problems.push(ReportingProblem::BadTeeth(ParseTeethError::Repeated {
                    tooth,
                }));
            }
        }
        let single = teeth.iter().next().filter(|_| teeth.len() == 1);
        match (single, surfaces) {
            (Some(tooth), Some(surfaces)) => {
                if let Err(error) = surfaces.check(tooth) {
                    problems.push(ReportingProblem::SurfaceNotOnTooth(error));
                }
                if let Some(slot) = read.surfaces.get_mut(read.surfaces_seen) {
                    *slot = Some((tooth, surfaces));
                    read.surfaces_seen += 1;
                }
            }
            (_, Some(surfaces)) => read.loose_surfaces = Some(surfaces),
            (_, None) => read.bare_tooth |= !written,
        }
    }
    for text in line.areas.iter().filter_map(|text| given(Some(*text))) {
        read.areas_written += 1;
        match text.parse::<Area>() {
            Ok(area) => {
                if let Some(slot) = read.areas.get_mut(read.area_count) {
                    *slot = Some(area);
                }
                read.area_count += 1;
            }
            Err(error) => problems.push(ReportingProblem::BadArea(error)),
        }
    }
    read
}

/// Tooth kind, count and arch.
/// `levels` are `needs.levels()`.
fn check_teeth(
    problems: &mut LineProblems,
    code: CdtCode,
    needs: Reporting,
    levels: Levels,
    read: &Read,
) {
    let Some(first) = read.teeth.iter().next() else {
        return;
    };
    if let Some(arch) = needs.arch() {
        if let Some(tooth) = read.teeth.iter().find(|tooth| tooth.arch() != arch) {
            problems.push(ReportingProblem::WrongArch {
                code,
                needs,
                area: None,
                tooth: Some(tooth),
            });
        }
    }
    if levels.tooth == Level::NotReported {
        problems.push(ReportingProblem::UnexpectedTooth { code, tooth: first });
        return;
    }
    if let Some(tooth) = read
        .teeth
        .iter()
        .find(|tooth| !accepts(needs.tooth_class(), *tooth))
    {
        problems.push(ReportingProblem::WrongTooth {
            code,
            tooth,
            class: needs.tooth_class(),
        });
    }
    let takes_many = needs.allows(Site::ToothRange) || needs.also_allows(Site::ToothRange);
    if read.teeth.len() > 1 && !takes_many {
        problems.push(ReportingProblem::TooManyTeeth {
            code,
            count: read.teeth.len(),
        });
    }
}

/// Surface counts, and surfaces the code does not take.
/// `levels` are `needs.levels()`.
fn check_surfaces(
    problems: &mut LineProblems,
    code: CdtCode,
    needs: Reporting,
    levels: Levels,
    read: &Read,
) {
    let named = read
        .surfaces
        .iter()
        .flatten()
        .map(|(_, surfaces)| *surfaces)
        .chain(read.loose_surfaces);
    if levels.surfaces == Level::NotReported {
        // Every surface the line gives, whichever tooth it is on.
        let all = named.clone().fold(Surfaces::EMPTY, |all, surfaces| {
            Surfaces(all.0 | surfaces.0)
        });
        if !all.is_empty() {
            problems.push(ReportingProblem::UnexpectedSurfaces {
                code,
                surfaces: all,
            });
        }
        return;
    }
    let Some((min, max)) = needs.surfaces() else {
        return;
    };
    for surfaces in named {
        let count = u8::try_from(surfaces.count()).unwrap_or(u8::MAX);
        if count < min || count > max {
            problems.push(ReportingProblem::SurfaceCount {
                code,
                surfaces,
                min,
                max,
            });
        }
    }
    if levels.surfaces == Level::Required && read.bare_tooth {
        problems.push(ReportingProblem::MissingSurfaces { code, needs });
    }
}

/// Area kinds, counts and arches.
/// `levels` are `needs.levels()`.
fn check_areas(
    problems: &mut LineProblems,
    code: CdtCode,
    needs: Reporting,
    levels: Levels,
    read: &Read,
) {
    let areas = read.areas.iter().flatten().copied();
    for area in areas.clone() {
        if let (Some(named), Some(arch)) = (needs.arch(), area.arch()) {
            if named != arch {
                problems.push(ReportingProblem::WrongArch {
                    code,
                    needs,
                    area: Some(area),
                    tooth: None,
                });
                continue;
            }
        }
        let whole_mouth_on_none = area.kind() == AreaKind::WholeMouth && needs.allows(Site::None);
        if levels.area == Level::NotReported {
            if !whole_mouth_on_none {
                problems.push(ReportingProblem::UnexpectedArea { code, area });
            }
            continue;
        }
        let fits = Site::ALL.into_iter().any(|site| {
            (needs.allows(site) || needs.also_allows(site))
                && area_site(site).is_some_and(|kind| kind == area.kind())
        });
        if !fits && !whole_mouth_on_none {
            problems.push(ReportingProblem::WrongArea { code, area, needs });
        }
    }
    let per_area = [Site::Quadrant, Site::Arch, Site::Sextant]
        .into_iter()
        .any(|site| needs.allows(site) || needs.also_allows(site));
    if read.area_count > 1 && per_area && levels.area != Level::NotReported {
        problems.push(ReportingProblem::TooManyAreas {
            code,
            needs,
            count: read.area_count,
        });
    }
}

/// What the code requires and the line lacks.
fn check_required(problems: &mut LineProblems, code: CdtCode, needs: Reporting, read: &Read) {
    if needs.allows(Site::None) || needs.sites().next().is_none() {
        return;
    }
    let wants_tooth = needs.sites().any(Site::is_tooth);
    let wants_area = needs.sites().any(Site::is_area);
    let has_tooth = read.entries > 0;
    let has_area = read.areas_written > 0;
    let names_its_arch = needs.arch().is_some() && needs.sites().all(|site| site == Site::Arch);
    let satisfied = (has_tooth && wants_tooth) || (has_area && wants_area) || names_its_arch;
    if satisfied {
        return;
    }
    let missing = if wants_area && !wants_tooth {
        ReportingProblem::MissingArea { code, needs }
    } else {
        ReportingProblem::MissingTooth { code, needs }
    };
    problems.push(missing);
}

/// The area kind a site is reported with, if it is an area.
fn area_site(site: Site) -> Option<AreaKind> {
    match site {
        Site::Quadrant => Some(AreaKind::Quadrant),
        Site::Sextant => Some(AreaKind::Sextant),
        Site::Arch => Some(AreaKind::Arch),
        Site::Mouth => Some(AreaKind::WholeMouth),
        _ => None,
    }
}

/// Whether `tooth` meets every condition of `class`.
fn accepts(class: ToothClass, tooth: Tooth) -> bool {
    let kind = tooth.kind();
    let conditions = [
        (ToothClass::ANTERIOR, tooth.is_anterior()),
        (ToothClass::POSTERIOR, tooth.is_posterior()),
        (ToothClass::PREMOLAR, kind == ToothKind::Premolar),
        (ToothClass::MOLAR, kind == ToothKind::Molar),
        (ToothClass::PRIMARY, tooth.is_primary()),
        (ToothClass::PERMANENT, tooth.is_permanent()),
    ];
    conditions
        .into_iter()
        .all(|(bit, holds)| !class.has(bit) || holds)
}

/// The text of a field, trimmed, when it holds anything.
fn given(text: Option<&str>) -> Option<&str> {
    text.map(crate::model::trimmed)
        .filter(|text| !text.is_empty())
}
