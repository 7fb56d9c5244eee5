//! Checks what a claim line reports besides its code and date (tooth,
//! surfaces, area of the oral cavity) against what the code requires.

use core::fmt;

use crate::model::code::CdtCode;
use crate::model::reporting::{Reporting, Site, ToothClass};
use crate::set::Procedure;
use crate::teeth::{
    Area, AreaKind, ParseAreaError, ParseSurfacesError, ParseToothError, SurfaceError, Surfaces,
    Tooth, ToothKind,
};

/// What a claim line reports besides its code and date, as written: empty
/// or absent fields are not reported.
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
    /// The tooth, as written (`8`, `A`, `51`).
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

/// A problem with what a claim line reports, in plain words.
///
/// ```
/// use cdt_codes::{ReportingProblem, Reported};
///
/// let d3330 = cdt_codes::lookup("D3330").unwrap();
/// let problems = d3330.check_reported(Reported::default().tooth("8"));
/// let first = problems.iter().next().unwrap();
/// assert!(matches!(first, ReportingProblem::WrongTooth { .. }));
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
    /// The code is reported with no tooth, yet the line names one.
    UnexpectedTooth {
        /// The code.
        code: CdtCode,
        /// The tooth named.
        tooth: Tooth,
    },
}

impl ReportingProblem {
    /// Whether the problem comes from a requirement of the data (rather
    /// than unreadable text), so that an unconfirmed requirement can be
    /// said to be one.
    #[must_use]
    pub const fn is_requirement(&self) -> bool {
        !matches!(
            self,
            ReportingProblem::BadTooth(_)
                | ReportingProblem::BadSurfaces(_)
                | ReportingProblem::BadArea(_)
                | ReportingProblem::SurfaceNotOnTooth(_)
        )
    }

    /// How serious the problem is. Every problem is an error for now: the
    /// reporting rules do not yet tell what a code allows from what it
    /// requires.
    ///
    /// ```
    /// use cdt_codes::{Reported, Severity};
    ///
    /// let d3330 = cdt_codes::lookup("D3330").unwrap();
    /// let problems = d3330.check_reported(Reported::default().tooth("8"));
    /// assert_eq!(problems.iter().next().unwrap().severity(), Severity::Error);
    /// ```
    #[must_use]
    pub const fn severity(&self) -> crate::Severity {
        crate::Severity::Error
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

/// The text of a [`ReportingProblem`], unpadded.
struct ProblemText<'v>(&'v ReportingProblem);

impl fmt::Display for ProblemText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let this = self.0;
        match this {
            ReportingProblem::BadTooth(error) => write!(f, "{error}"),
            ReportingProblem::BadSurfaces(error) => write!(f, "bad surfaces: {error}"),
            ReportingProblem::BadArea(error) => write!(f, "{error}"),
            ReportingProblem::MissingTooth { code, needs } => {
                write!(f, "{code} must name a tooth: it is reported on {needs}")
            }
            ReportingProblem::MissingSurfaces { code, needs } => {
                write!(
                    f,
                    "{code} must name the tooth's surfaces: it is reported on {needs}"
                )
            }
            ReportingProblem::MissingArea { code, needs } => {
                write!(
                    f,
                    "{code} must name an area of the oral cavity: it is reported on {needs}"
                )
            }
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
                write!(f, "{code} is reported with ")?;
                match (min, max) {
                    (1, 1) => f.write_str("1 surface")?,
                    (min, max) if min == max => write!(f, "{min} surfaces")?,
                    (min, 5) => write!(f, "{min} or more surfaces")?,
                    (min, max) => write!(f, "{min} to {max} surfaces")?,
                }
                let count = surfaces.count();
                let noun = if count == 1 { "surface" } else { "surfaces" };
                write!(f, "; {surfaces} names {count} {noun}")
            }
            ReportingProblem::SurfaceNotOnTooth(error) => write!(f, "{error}"),
            ReportingProblem::WrongArea { code, area, needs } => write!(
                f,
                "{code} is reported on {needs}; area {area} is the {}",
                area.name()
            ),
            ReportingProblem::UnexpectedTooth { code, tooth } => {
                write!(
                    f,
                    "{code} is reported with no tooth, yet the line names tooth {tooth}"
                )
            }
        }
    }
}

/// The problems found on one line: at most four, in the order checked.
///
/// ```
/// use cdt_codes::Reported;
///
/// let d2392 = cdt_codes::lookup("D2392").unwrap();
/// let problems = d2392.check_reported(Reported::default().tooth("3").surfaces("MO"));
/// assert!(problems.is_empty());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LineProblems {
    items: [Option<ReportingProblem>; 4],
    len: usize,
    confirmed: bool,
}

impl LineProblems {
    fn push(&mut self, problem: ReportingProblem) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = Some(problem);
            self.len += 1;
        }
    }

    /// Whether the line has no problem.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// How many problems the line has.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.len
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

impl Procedure<'_> {
    /// Checks what a claim line for this code reports (tooth, surfaces,
    /// area) against what the code requires ([`Procedure::reporting`]).
    /// Unreadable text is a problem whatever the code; a code whose
    /// requirement the data does not record is checked for readable text
    /// only.
    ///
    /// ```
    /// use cdt_codes::Reported;
    ///
    /// let d4341 = cdt_codes::lookup("D4341").unwrap();
    /// assert!(d4341.check_reported(Reported::default().area("UR")).is_empty());
    /// let missing = d4341.check_reported(Reported::default());
    /// assert_eq!(
    ///     missing.iter().next().unwrap().to_string(),
    ///     "D4341 must name an area of the oral cavity: it is reported on a quadrant"
    /// );
    /// ```
    #[must_use]
    pub fn check_reported(&self, line: Reported<'_>) -> LineProblems {
        let code = self.code();
        let mut problems = LineProblems::default();
        let tooth = given(line.tooth).and_then(|text| {
            text.parse::<Tooth>()
                .map_err(|error| problems.push(ReportingProblem::BadTooth(error)))
                .ok()
        });
        let surfaces = given(line.surfaces).and_then(|text| {
            text.parse::<Surfaces>()
                .map_err(|error| problems.push(ReportingProblem::BadSurfaces(error)))
                .ok()
        });
        let area = given(line.area).and_then(|text| {
            text.parse::<Area>()
                .map_err(|error| problems.push(ReportingProblem::BadArea(error)))
                .ok()
        });
        if let (Some(tooth), Some(surfaces)) = (tooth, surfaces) {
            if let Err(error) = surfaces.check(tooth) {
                problems.push(ReportingProblem::SurfaceNotOnTooth(error));
            }
        }
        let Some(needs) = self.reporting() else {
            return problems;
        };
        problems.confirmed = needs.is_confirmed();
        check_needs(&mut problems, code, needs, tooth, surfaces, area, line);
        problems
    }
}

/// The requirement checks, once the text is read.
fn check_needs(
    problems: &mut LineProblems,
    code: CdtCode,
    needs: Reporting,
    tooth: Option<Tooth>,
    surfaces: Option<Surfaces>,
    area: Option<Area>,
    line: Reported<'_>,
) {
    let wants_tooth = needs.sites().any(Site::is_tooth);
    let wants_area = needs.sites().any(|site| area_site(site).is_some());
    let tooth_written = line.tooth.is_some_and(|text| !text.trim().is_empty());
    let area_written = line.area.is_some_and(|text| !text.trim().is_empty());
    if let Some(tooth) = tooth {
        if !wants_tooth && !wants_area && needs.allows(Site::None) {
            problems.push(ReportingProblem::UnexpectedTooth { code, tooth });
        } else if !accepts(needs.tooth_class(), tooth) {
            problems.push(ReportingProblem::WrongTooth {
                code,
                tooth,
                class: needs.tooth_class(),
            });
        }
    }
    if let Some(area) = area {
        let fits = needs
            .sites()
            .any(|site| area_site(site).is_some_and(|kind| kind == area.kind()));
        if wants_area && !fits && tooth.is_none() {
            problems.push(ReportingProblem::WrongArea { code, area, needs });
        }
    }
    let satisfied = (tooth_written && wants_tooth) || (area_written && wants_area);
    if !satisfied && !needs.allows(Site::None) {
        let missing = if wants_area && !wants_tooth {
            ReportingProblem::MissingArea { code, needs }
        } else {
            ReportingProblem::MissingTooth { code, needs }
        };
        problems.push(missing);
    }
    if let Some((min, max)) = needs.surfaces() {
        match surfaces {
            Some(surfaces) => {
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
            None if tooth_written && line.surfaces.is_none_or(|text| text.trim().is_empty()) => {
                problems.push(ReportingProblem::MissingSurfaces { code, needs });
            }
            None => {}
        }
    }
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
    text.map(str::trim).filter(|text| !text.is_empty())
}
