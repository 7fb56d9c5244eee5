//! Claim-level edits: conflicts between the lines of one claim.
//!
//! Every other check looks at one line alone. These rules look at a
//! claim's lines together: two evaluations on one date, bitewings on the
//! date of a full-mouth series that includes them, a pulpotomy and a root
//! canal on one tooth, a filling on a tooth the claim extracted a week
//! earlier, the same line twice. The rules come from `data/edits.tsv`,
//! checked against the code data and compiled in at build time; each says
//! what it rests on and whether two independent public sources confirm it
//! (an unconfirmed rule only warns). Payer frequency limits (once per six
//! months) are plan policy, not facts about the codes, and are not rules.
//!
//! Give [`conflicts`] a claim's lines as [`EditLine`]s; each conflict is
//! reported once, naming its [`Rule`] and every line involved.
//!
//! ```
//! use cdt_codes::claims::{conflicts, EditLine, RuleKind};
//! use cdt_codes::{Severity, Tooth};
//!
//! let date = "2026-03-02".parse()?;
//! let tooth = Tooth::permanent(30).unwrap();
//! let claim = [
//!     EditLine::new(1, "D0120".parse()?, date),
//!     EditLine::new(2, "D0150".parse()?, date),
//!     EditLine::new(3, "D3220".parse()?, date).with_tooth(tooth),
//!     EditLine::new(4, "D3330".parse()?, date).with_tooth(tooth),
//! ];
//! let found = conflicts(&claim);
//! assert_eq!(found.len(), 2);
//! assert_eq!(found[0].rule().id(), "evaluation-once");
//! assert_eq!(found[0].lines(), [1, 2]);
//! assert_eq!(found[1].rule().kind(), RuleKind::NotWith);
//! assert_eq!(found[1].lines(), [3, 4]);
//! assert_eq!(found[1].severity(), Severity::Error);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use core::fmt;
use std::vec::Vec;

use crate::model::code::CdtCode;
use crate::model::date::ServiceDate;
pub use crate::model::edit::{RuleKind, Scope};
use crate::severity::Severity;
use crate::teeth::{Area, Quadrant, Surfaces, Tooth};

include!(concat!(env!("OUT_DIR"), "/edit_rules.rs"));

/// An inclusive range of codes the generator wrote (numbers at most 9999).
const fn span(first: u16, last: u16) -> (CdtCode, CdtCode) {
    (code(first), code(last))
}

/// A code number the generator wrote (at most 9999).
const fn code(number: u16) -> CdtCode {
    match CdtCode::new(number) {
        Some(code) => code,
        None => CdtCode::MAX,
    }
}

fn in_ranges(ranges: &[(CdtCode, CdtCode)], code: CdtCode) -> bool {
    ranges
        .iter()
        .any(|&(first, last)| first <= code && code <= last)
}

/// One claim-level edit from `data/edits.tsv`.
///
/// ```
/// use cdt_codes::claims::{rules, RuleKind, Scope};
///
/// let rule = rules().iter().find(|rule| rule.id() == "full-series-includes-bitewings").unwrap();
/// assert_eq!(rule.kind(), RuleKind::Includes);
/// assert_eq!(rule.scope(), Scope::DATE);
/// assert!(rule.is_confirmed());
/// assert!(rule.first_side("D0210".parse().unwrap()));
/// assert!(rule.second_side("D0274".parse().unwrap()));
/// ```
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    id: &'static str,
    kind: RuleKind,
    codes: &'static [(CdtCode, CdtCode)],
    with: &'static [(CdtCode, CdtCode)],
    except: &'static [(CdtCode, CdtCode)],
    scope: Scope,
    severity: Severity,
    confirmed: bool,
    message: &'static str,
    basis: &'static str,
}

impl Rule {
    /// The rule's id, unique among the rules.
    ///
    /// ```
    /// assert_eq!(cdt_codes::claims::rules()[0].id(), "evaluation-once");
    /// ```
    #[must_use]
    pub const fn id(&self) -> &'static str {
        self.id
    }

    /// What kind of conflict the rule describes.
    ///
    /// ```
    /// use cdt_codes::claims::{rules, RuleKind};
    /// assert_eq!(rules()[0].kind(), RuleKind::OnePerVisit);
    /// ```
    #[must_use]
    pub const fn kind(&self) -> RuleKind {
        self.kind
    }

    /// Which lines the rule compares.
    ///
    /// ```
    /// use cdt_codes::claims::{rules, Scope};
    /// assert_eq!(rules()[0].scope(), Scope::DATE);
    /// ```
    #[must_use]
    pub const fn scope(&self) -> Scope {
        self.scope
    }

    /// How serious a conflict is: an error only when sources confirm the
    /// rule.
    ///
    /// ```
    /// use cdt_codes::{claims::rules, Severity};
    /// assert!(rules().iter().all(|rule| rule.is_confirmed() || rule.severity() == Severity::Warning));
    /// ```
    #[must_use]
    pub const fn severity(&self) -> Severity {
        self.severity
    }

    /// Whether two independent public sources confirm the rule; otherwise
    /// it is inferred from the codes' meaning or one source.
    ///
    /// ```
    /// let rule = cdt_codes::claims::rules().iter().find(|r| r.id() == "pulpotomy-with-root-canal").unwrap();
    /// assert!(rule.is_confirmed());
    /// ```
    #[must_use]
    pub const fn is_confirmed(&self) -> bool {
        self.confirmed
    }

    /// What is wrong when the rule fires, in our own words.
    ///
    /// ```
    /// assert!(cdt_codes::claims::rules()[0].message().contains("evaluation"));
    /// ```
    #[must_use]
    pub const fn message(&self) -> &'static str {
        self.message
    }

    /// The definition or public guidance the rule rests on (source keys
    /// are described in `data/SOURCES.md`).
    ///
    /// ```
    /// let rules = cdt_codes::claims::rules();
    /// let rule = rules.iter().find(|r| r.id() == "full-series-includes-bitewings").unwrap();
    /// assert!(rule.basis().starts_with("regence-70")); // a key of data/SOURCES.md
    /// ```
    #[must_use]
    pub const fn basis(&self) -> &'static str {
        self.basis
    }

    /// Whether `code` is on the rule's first side (its `codes`).
    ///
    /// ```
    /// let rule = cdt_codes::claims::rules().iter().find(|r| r.id() == "duplicate-line").unwrap();
    /// assert!(rule.first_side("D2391".parse().unwrap()));
    /// assert!(!rule.first_side("D0230".parse().unwrap())); // each additional image
    /// ```
    #[must_use]
    pub fn first_side(&self, code: CdtCode) -> bool {
        in_ranges(self.codes, code) && !in_ranges(self.except, code)
    }

    /// Whether `code` is on the rule's second side (its `with` list);
    /// always false for kinds that compare one side.
    ///
    /// ```
    /// let rule = cdt_codes::claims::rules().iter().find(|r| r.id() == "pulpotomy-with-root-canal").unwrap();
    /// assert!(rule.second_side("D3310".parse().unwrap()));
    /// assert!(!rule.second_side("D3220".parse().unwrap()));
    /// ```
    #[must_use]
    pub fn second_side(&self, code: CdtCode) -> bool {
        in_ranges(self.with, code) && !in_ranges(self.except, code)
    }

    /// Whether `code` takes part in the rule, on either side.
    ///
    /// ```
    /// let rule = cdt_codes::claims::rules().iter().find(|r| r.id() == "pulpotomy-with-root-canal").unwrap();
    /// assert!(rule.involves("D3220".parse().unwrap()) && rule.involves("D3330".parse().unwrap()));
    /// assert!(!rule.involves("D0120".parse().unwrap()));
    /// ```
    #[must_use]
    pub fn involves(&self, code: CdtCode) -> bool {
        self.first_side(code) || self.second_side(code)
    }

    /// The first side as inclusive ranges of codes, before exceptions.
    ///
    /// ```
    /// let rule = cdt_codes::claims::rules().iter().find(|r| r.id() == "full-series-includes-bitewings").unwrap();
    /// assert_eq!(rule.codes()[0].0.to_string(), "D0210");
    /// ```
    #[must_use]
    pub const fn codes(&self) -> &'static [(CdtCode, CdtCode)] {
        self.codes
    }

    /// The second side as inclusive ranges of codes (empty for kinds that
    /// compare one side).
    ///
    /// ```
    /// let rule = cdt_codes::claims::rules().iter().find(|r| r.id() == "full-series-includes-bitewings").unwrap();
    /// assert_eq!(rule.with().len(), 5);
    /// ```
    #[must_use]
    pub const fn with(&self) -> &'static [(CdtCode, CdtCode)] {
        self.with
    }

    /// Codes inside the ranges that the rule leaves out.
    ///
    /// ```
    /// let rule = cdt_codes::claims::rules().iter().find(|r| r.id() == "duplicate-line").unwrap();
    /// assert!(rule.except().iter().any(|(first, _)| first.to_string() == "D0230"));
    /// ```
    #[must_use]
    pub const fn except(&self) -> &'static [(CdtCode, CdtCode)] {
        self.except
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}, {}, {}{}): {}",
            self.id,
            self.kind,
            self.scope,
            self.severity,
            if self.confirmed { "" } else { ", inferred" },
            self.message
        )
    }
}

/// Every claim-level edit, in the order of `data/edits.tsv`.
///
/// ```
/// use cdt_codes::claims::{rules, RuleKind};
///
/// for kind in RuleKind::ALL {
///     assert!(rules().iter().any(|rule| rule.kind() == kind), "no {kind} rule");
/// }
/// ```
#[must_use]
pub fn rules() -> &'static [Rule] {
    &RULES
}

/// The rules `code` takes part in, on either side, in file order.
///
/// ```
/// let ids: Vec<&str> = cdt_codes::claims::rules_for("D0150".parse().unwrap())
///     .map(|rule| rule.id())
///     .collect();
/// assert!(ids.contains(&"evaluation-once"));
/// ```
pub fn rules_for(code: CdtCode) -> impl Iterator<Item = &'static Rule> {
    RULES.iter().filter(move |rule| rule.involves(code))
}

/// A claim line as the edits need it: its code, date and site.
///
/// `index` is the caller's number for the line (its position in the
/// claim, or the line number of the file); conflicts name lines by it.
///
/// ```
/// use cdt_codes::claims::EditLine;
/// use cdt_codes::teeth::{Area, Surfaces, Tooth};
///
/// let line = EditLine::new(7, "D2392".parse()?, "2026-05-04".parse()?)
///     .with_tooth(Tooth::permanent(30).unwrap())
///     .with_surfaces("MO".parse::<Surfaces>()?)
///     .with_area(Area::LowerRightQuadrant);
/// assert_eq!(line.index, 7);
/// assert_eq!(line.teeth.len(), 1);
/// assert_eq!(line.surfaces.count(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct EditLine {
    /// The caller's number for the line.
    pub index: usize,
    /// The procedure code.
    pub code: CdtCode,
    /// The date of service.
    pub date: ServiceDate,
    /// The teeth the line names (none when it names none).
    pub teeth: Vec<Tooth>,
    /// The surfaces the line names (empty when it names none).
    pub surfaces: Surfaces,
    /// The areas of the oral cavity the line names.
    pub areas: Vec<Area>,
}

impl EditLine {
    /// A line with no tooth, surface or area.
    ///
    /// ```
    /// let line = cdt_codes::claims::EditLine::new(1, "D1110".parse()?, "2026-01-05".parse()?);
    /// assert_eq!((line.index, line.code.to_string(), line.date.to_string()), (1, "D1110".into(), "2026-01-05".into()));
    /// assert!(line.teeth.is_empty() && line.areas.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(index: usize, code: CdtCode, date: ServiceDate) -> EditLine {
        EditLine {
            index,
            code,
            date,
            teeth: Vec::new(),
            surfaces: Surfaces::default(),
            areas: Vec::new(),
        }
    }

    /// The line with one more tooth.
    ///
    /// ```
    /// use cdt_codes::Tooth;
    /// let line = cdt_codes::claims::EditLine::new(1, "D7140".parse()?, "2026-01-05".parse()?)
    ///     .with_tooth(Tooth::primary('K').unwrap());
    /// assert_eq!(line.teeth[0].to_string(), "K");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_tooth(mut self, tooth: Tooth) -> EditLine {
        self.teeth.push(tooth);
        self
    }

    /// The line with these surfaces added.
    ///
    /// ```
    /// let line = cdt_codes::claims::EditLine::new(1, "D2391".parse()?, "2026-01-05".parse()?)
    ///     .with_surfaces("O".parse()?);
    /// assert_eq!(line.surfaces.to_string(), "O");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_surfaces(mut self, surfaces: Surfaces) -> EditLine {
        self.surfaces.extend(surfaces);
        self
    }

    /// The line with one more area of the oral cavity.
    ///
    /// ```
    /// use cdt_codes::teeth::Area;
    /// let line = cdt_codes::claims::EditLine::new(1, "D4341".parse()?, "2026-01-05".parse()?)
    ///     .with_area(Area::UpperRightQuadrant);
    /// assert_eq!(line.areas, [Area::UpperRightQuadrant]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_area(mut self, area: Area) -> EditLine {
        self.areas.push(area);
        self
    }

    /// The quadrants the line's areas and teeth lie in, one bit each.
    fn quadrants(&self) -> u8 {
        const UR: u8 = 1;
        const UL: u8 = 2;
        const LL: u8 = 4;
        const LR: u8 = 8;
        let mut mask = 0;
        for tooth in &self.teeth {
            mask |= match tooth.quadrant() {
                Quadrant::UpperRight => UR,
                Quadrant::UpperLeft => UL,
                Quadrant::LowerLeft => LL,
                Quadrant::LowerRight => LR,
            };
        }
        for area in &self.areas {
            mask |= match area {
                Area::EntireOralCavity => UR | UL | LL | LR,
                Area::MaxillaryArch | Area::UpperAnteriorSextant => UR | UL,
                Area::MandibularArch | Area::LowerAnteriorSextant => LL | LR,
                Area::UpperRightSextant | Area::UpperRightQuadrant => UR,
                Area::UpperLeftSextant | Area::UpperLeftQuadrant => UL,
                Area::LowerLeftSextant | Area::LowerLeftQuadrant => LL,
                Area::LowerRightSextant | Area::LowerRightQuadrant => LR,
                Area::OtherArea => 0,
            };
        }
        mask
    }

    fn shares_tooth(&self, other: &EditLine) -> bool {
        self.teeth.iter().any(|tooth| other.teeth.contains(tooth))
    }

    /// Whether the two lines name exactly the same site (and name one).
    fn same_site(&self, other: &EditLine) -> bool {
        let has_site = !self.teeth.is_empty() || !self.areas.is_empty();
        has_site
            && self.surfaces == other.surfaces
            && same_members(&self.teeth, &other.teeth)
            && same_members(&self.areas, &other.areas)
    }
}

/// Whether `a` and `b` hold the same items, whatever their order or
/// repeats (both ways: `[11, 11]` and `[11, J]` are not the same).
fn same_members<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    a.iter().all(|item| b.contains(item)) && b.iter().all(|item| a.contains(item))
}

/// A conflict between lines of one claim: the rule it breaks and the
/// lines involved.
///
/// ```
/// use cdt_codes::claims::{conflicts, EditLine};
///
/// let date = "2026-03-02".parse()?;
/// let found = conflicts(&[
///     EditLine::new(10, "D0210".parse()?, date),
///     EditLine::new(11, "D0274".parse()?, date),
/// ]);
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].rule().id(), "full-series-includes-bitewings");
/// assert_eq!(found[0].lines(), [10, 11]);
/// assert!(found[0].to_string().starts_with("error [full-series-includes-bitewings] lines 10, 11: "));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    rule: &'static Rule,
    /// The rule's position in the rule file, for ordering.
    position: usize,
    lines: Vec<usize>,
}

impl Conflict {
    /// The rule the lines break.
    ///
    /// ```
    /// # use cdt_codes::claims::{conflicts, EditLine};
    /// # let date = "2026-03-02".parse()?;
    /// let found = conflicts(&[EditLine::new(1, "D1110".parse()?, date), EditLine::new(2, "D4910".parse()?, date)]);
    /// assert_eq!(found[0].rule().id(), "prophylaxis-with-maintenance");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn rule(&self) -> &'static Rule {
        self.rule
    }

    /// The `index` of every line involved, ascending.
    ///
    /// ```
    /// # use cdt_codes::claims::{conflicts, EditLine};
    /// # let date = "2026-03-02".parse()?;
    /// let found = conflicts(&[
    ///     EditLine::new(3, "D0120".parse()?, date),
    ///     EditLine::new(1, "D0150".parse()?, date),
    ///     EditLine::new(2, "D0180".parse()?, date),
    /// ]);
    /// assert_eq!(found[0].lines(), [1, 2, 3]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn lines(&self) -> &[usize] {
        &self.lines
    }

    /// The rule's severity.
    ///
    /// ```
    /// # use cdt_codes::claims::{conflicts, EditLine};
    /// # let date = "2026-03-02".parse()?;
    /// let found = conflicts(&[EditLine::new(1, "D0120".parse()?, date), EditLine::new(2, "D0150".parse()?, date)]);
    /// assert_eq!(found[0].severity(), cdt_codes::Severity::Warning); // inferred rule
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn severity(&self) -> Severity {
        self.rule.severity
    }

    /// The rule's message.
    ///
    /// ```
    /// # use cdt_codes::claims::{conflicts, EditLine};
    /// # let date = "2026-03-02".parse()?;
    /// let found = conflicts(&[EditLine::new(1, "D0120".parse()?, date), EditLine::new(2, "D0150".parse()?, date)]);
    /// assert!(found[0].message().contains("evaluation"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn message(&self) -> &'static str {
        self.rule.message
    }
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}] lines ", self.rule.severity, self.rule.id)?;
        for (position, line) in self.lines.iter().enumerate() {
            if position > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{line}")?;
        }
        write!(f, ": {}", self.rule.message)?;
        if !self.rule.confirmed {
            f.write_str(" (inferred rule)")?;
        }
        Ok(())
    }
}

/// Every conflict among the lines of one claim, each once: a rule and all
/// the lines that break it together (lines linked through the rule form
/// one conflict). Ordered by first line, then by the rules' order.
///
/// An exact repeat (same code, date and site) is reported as a
/// `duplicate` and not again under the other rules it also breaks.
///
/// ```
/// use cdt_codes::claims::{conflicts, EditLine};
/// use cdt_codes::teeth::Area;
///
/// // A recall visit and scaling of two quadrants: nothing to report.
/// let date = "2026-03-02".parse()?;
/// let claim = [
///     EditLine::new(1, "D0120".parse()?, date),
///     EditLine::new(2, "D1110".parse()?, date),
///     EditLine::new(3, "D0274".parse()?, date),
///     EditLine::new(4, "D4341".parse()?, date).with_area(Area::UpperRightQuadrant),
///     EditLine::new(5, "D4341".parse()?, date).with_area(Area::UpperLeftQuadrant),
/// ];
/// assert!(conflicts(&claim).is_empty());
///
/// // A comprehensive evaluation on the recall visit's date: one rule, lines 1 and 6.
/// let mut again = claim.to_vec();
/// again.push(EditLine::new(6, "D0150".parse()?, date));
/// let found = conflicts(&again);
/// assert_eq!((found.len(), found[0].rule().id(), found[0].lines()), (1, "evaluation-once", &[1, 6][..]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn conflicts(lines: &[EditLine]) -> Vec<Conflict> {
    conflicts_matching(lines, |_| true)
}

/// Like [`conflicts`], with only the rules `keep` accepts (the confirmed
/// ones, say, or the errors).
///
/// ```
/// use cdt_codes::claims::{conflicts_matching, EditLine};
///
/// let date = "2026-03-02".parse()?;
/// let claim = [EditLine::new(1, "D0120".parse()?, date), EditLine::new(2, "D0150".parse()?, date)];
/// assert!(conflicts_matching(&claim, |rule| rule.is_confirmed()).is_empty());
/// assert_eq!(conflicts_matching(&claim, |_| true).len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn conflicts_matching(lines: &[EditLine], keep: impl Fn(&Rule) -> bool) -> Vec<Conflict> {
    let mut found: Vec<Conflict> = Vec::new();
    if lines.len() < 2 {
        return found;
    }
    // Each line's rules, from the index; most claims fire no rule and end
    // here. Buffers are on the stack for claims of up to 16 lines.
    let mut side_buffer = Scratch::new((0u64, 0u64));
    let sides = side_buffer.slice(lines.len());
    for (slot, line) in sides.iter_mut().zip(lines) {
        *slot = sides_of(line.code);
    }
    let sides: &[(u64, u64)] = sides;
    let twice = possible(lines, sides);
    if twice == 0 {
        return found;
    }
    let mut quadrant_buffer = Scratch::new(0u8);
    let quadrants = quadrant_buffer.slice(lines.len());
    for (slot, line) in quadrants.iter_mut().zip(lines) {
        *slot = line.quadrants();
    }
    let context = Context { lines, quadrants };
    let candidates = || (0..RULES.len()).filter(move |&bit| twice & (1 << bit) != 0);
    let mut member_buffer = Scratch::new(0usize);
    // Exact repeats under the duplicate rules that apply: (rule, line, line).
    let mut repeats: Vec<(usize, usize, usize)> = Vec::new();
    for bit in candidates() {
        let rule = &RULES[bit];
        if rule.kind == RuleKind::Duplicate && keep(rule) {
            each_pair(gather(bit, sides, &mut member_buffer), |a, b| {
                if context.linked(rule, a, b) {
                    repeats.push((bit, a, b));
                }
            });
        }
    }
    let mut parent_buffer = Scratch::new(0usize);
    let mut groups = Groups {
        parent: parent_buffer.slice(lines.len()),
    };
    for bit in candidates() {
        let rule = &RULES[bit];
        if !keep(rule) {
            continue;
        }
        let members = gather(bit, sides, &mut member_buffer);
        groups.reset();
        let mut any = false;
        if rule.kind == RuleKind::Duplicate {
            for &(_, a, b) in repeats.iter().filter(|repeat| repeat.0 == bit) {
                groups.join(a, b);
                any = true;
            }
        } else {
            let on = |side: u64| side & (1 << bit) != 0;
            let two_sided = rule.kind.needs_second_side();
            each_pair(members, |a, b| {
                let candidate = if two_sided {
                    (on(sides[a].0) && on(sides[b].1)) || (on(sides[a].1) && on(sides[b].0))
                } else {
                    on(sides[a].0) && on(sides[b].0)
                };
                let repeat = || repeats.iter().any(|&(_, x, y)| (x, y) == (a, b));
                if candidate && context.linked(rule, a, b) && !repeat() {
                    groups.join(a, b);
                    any = true;
                }
            });
        }
        if any {
            for set in groups.sets(members) {
                let mut indices: Vec<usize> = set.iter().map(|&at| lines[at].index).collect();
                indices.sort_unstable();
                indices.dedup();
                found.push(Conflict {
                    rule,
                    position: bit,
                    lines: indices,
                });
            }
        }
    }
    found.sort_by(|a, b| (a.lines.first(), a.position).cmp(&(b.lines.first(), b.position)));
    found
}

/// The positions of the lines on either side of rule `bit`.
fn gather<'b>(bit: usize, sides: &[(u64, u64)], buffer: &'b mut Scratch<usize>) -> &'b [usize] {
    let on = |&(first, second): &(u64, u64)| (first | second) & (1 << bit) != 0;
    let members = buffer.slice(sides.iter().filter(|side| on(side)).count());
    let positions = sides
        .iter()
        .enumerate()
        .filter(|(_, side)| on(side))
        .map(|(at, _)| at);
    for (slot, at) in members.iter_mut().zip(positions) {
        *slot = at;
    }
    members
}

/// A buffer on the stack for claims of up to 16 lines, on the heap beyond.
struct Scratch<T: Copy> {
    stack: [T; 16],
    heap: Vec<T>,
    fill: T,
}

impl<T: Copy> Scratch<T> {
    fn new(fill: T) -> Scratch<T> {
        Scratch {
            stack: [fill; 16],
            heap: Vec::new(),
            fill,
        }
    }

    /// `len` slots (their old values are not cleared on the stack).
    fn slice(&mut self, len: usize) -> &mut [T] {
        if len <= self.stack.len() {
            &mut self.stack[..len]
        } else {
            self.heap.clear();
            self.heap.resize(len, self.fill);
            &mut self.heap
        }
    }
}

/// The rules that can fire on these lines, one bit per rule: a one-sided
/// rule needs two lines on its side, a two-sided rule a line on each side,
/// a duplicate rule two lines with one code.
fn possible(lines: &[EditLine], sides: &[(u64, u64)]) -> u64 {
    let (mut firsts, mut seconds, mut twice) = (0u64, 0u64, 0u64);
    for &(first, second) in sides {
        twice |= firsts & first;
        firsts |= first;
        seconds |= second;
    }
    let mut possible = (twice & !TWO_SIDED) | (firsts & seconds & TWO_SIDED);
    if possible & DUPLICATES != 0 {
        let repeated = lines
            .iter()
            .enumerate()
            .any(|(at, line)| lines[at + 1..].iter().any(|other| other.code == line.code));
        if !repeated {
            possible &= !DUPLICATES;
        }
    }
    possible
}

/// The rules `code` is on the first and second side of, one bit per rule.
fn sides_of(code: CdtCode) -> (u64, u64) {
    let run = RUN_OF.get(usize::from(code.number())).copied().unwrap_or(0);
    SIDES.get(usize::from(run)).copied().unwrap_or((0, 0))
}

/// Calls `visit` with every pair of positions in `members`, in order.
fn each_pair(members: &[usize], mut visit: impl FnMut(usize, usize)) {
    for (position, &a) in members.iter().enumerate() {
        for &b in &members[position + 1..] {
            visit(a, b);
        }
    }
}

/// The lines of a claim with what is computed once per line.
struct Context<'a> {
    lines: &'a [EditLine],
    quadrants: &'a [u8],
}

impl Context<'_> {
    /// Whether lines `a` and `b` (on the right sides) fall in the rule's
    /// scope together.
    fn linked(&self, rule: &Rule, a: usize, b: usize) -> bool {
        let (x, y) = (&self.lines[a], &self.lines[b]);
        let scope = rule.scope;
        if rule.kind == RuleKind::Duplicate && (x.code != y.code || !rule.first_side(x.code)) {
            return false;
        }
        if scope.contains(Scope::DATE) && x.date != y.date {
            return false;
        }
        if scope.contains(Scope::TOOTH) && !x.shares_tooth(y) {
            return false;
        }
        if scope.contains(Scope::SURFACES)
            && (x.surfaces.is_empty() || !x.surfaces.iter().any(|s| y.surfaces.contains(s)))
        {
            return false;
        }
        if scope.contains(Scope::QUADRANT) && self.quadrants[a] & self.quadrants[b] == 0 {
            return false;
        }
        if scope.contains(Scope::SITE) && !x.same_site(y) {
            return false;
        }
        if scope.contains(Scope::ORDER) {
            // The first side's line (the extraction) comes first.
            let later = |first: &EditLine, second: &EditLine| {
                rule.first_side(first.code)
                    && rule.second_side(second.code)
                    && second.date > first.date
            };
            return later(x, y) || later(y, x);
        }
        true
    }
}

/// Lines joined into sets by the pairs a rule links (union-find).
struct Groups<'b> {
    parent: &'b mut [usize],
}

impl Groups<'_> {
    fn reset(&mut self) {
        for (at, parent) in self.parent.iter_mut().enumerate() {
            *parent = at;
        }
    }

    fn root(&mut self, mut at: usize) -> usize {
        while self.parent[at] != at {
            self.parent[at] = self.parent[self.parent[at]];
            at = self.parent[at];
        }
        at
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        if a != b {
            self.parent[a.max(b)] = a.min(b);
        }
    }

    /// Every set of two or more of `members`, in the order of their first
    /// line.
    fn sets(&mut self, members: &[usize]) -> Vec<Vec<usize>> {
        let mut sets: Vec<Vec<usize>> = Vec::new();
        let mut roots: Vec<usize> = Vec::new();
        for &at in members {
            let root = self.root(at);
            if let Some(set) = roots.iter().position(|&known| known == root) {
                sets[set].push(at);
            } else {
                roots.push(root);
                sets.push(std::vec![at]);
            }
        }
        sets.retain(|set| set.len() > 1);
        sets
    }
}
