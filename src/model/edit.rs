//! The vocabulary of claim-level edits (`data/edits.tsv`): what kind of
//! conflict a rule describes and which lines it compares. Written once
//! here; the data parser, the generated tables and the engine in
//! `claims::edits` all read these names.

use core::fmt;

/// What kind of conflict between the lines of one claim a rule describes.
///
/// ```
/// # #[cfg(feature = "std")] {
/// use cdt_codes::claims::RuleKind;
///
/// assert_eq!(RuleKind::parse("not-with"), Some(RuleKind::NotWith));
/// assert_eq!(RuleKind::Includes.key(), "includes");
/// assert!(RuleKind::Sequence.needs_second_side());
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RuleKind {
    /// At most one line of the rule's codes in each scope (one
    /// evaluation, one prophylaxis-type cleaning per visit).
    OnePerVisit,
    /// The first side's service includes the second side's: reporting
    /// both in one scope reports part of a service twice.
    Includes,
    /// The two sides are not reported together in one scope.
    NotWith,
    /// At most one line of the rule's codes per site (tooth, surfaces,
    /// quadrant) in each scope.
    OnePerSite,
    /// A second-side service on a tooth on a date after a first-side
    /// line removed that tooth.
    Sequence,
    /// The same code on the same site on the same date twice.
    Duplicate,
}

impl RuleKind {
    /// Every kind, in the order of the variants.
    pub const ALL: [RuleKind; 6] = [
        RuleKind::OnePerVisit,
        RuleKind::Includes,
        RuleKind::NotWith,
        RuleKind::OnePerSite,
        RuleKind::Sequence,
        RuleKind::Duplicate,
    ];

    /// The name used in `data/edits.tsv`, CSV and JSON.
    ///
    /// ```
    /// # #[cfg(feature = "std")] {
    /// assert_eq!(cdt_codes::claims::RuleKind::OnePerSite.key(), "one-per-site");
    /// # }
    /// ```
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            RuleKind::OnePerVisit => "one-per-visit",
            RuleKind::Includes => "includes",
            RuleKind::NotWith => "not-with",
            RuleKind::OnePerSite => "one-per-site",
            RuleKind::Sequence => "sequence",
            RuleKind::Duplicate => "duplicate",
        }
    }

    /// The kind named `key`, if any.
    ///
    /// ```
    /// # #[cfg(feature = "std")] {
    /// use cdt_codes::claims::RuleKind;
    ///
    /// assert_eq!(RuleKind::parse("duplicate"), Some(RuleKind::Duplicate));
    /// assert_eq!(RuleKind::parse("Duplicate"), None);
    /// # }
    /// ```
    #[must_use]
    pub fn parse(key: &str) -> Option<RuleKind> {
        RuleKind::ALL.into_iter().find(|kind| kind.key() == key)
    }

    /// Whether a rule of this kind compares two sides (a `with` list).
    ///
    /// ```
    /// # #[cfg(feature = "std")] {
    /// use cdt_codes::claims::RuleKind;
    ///
    /// assert!(RuleKind::NotWith.needs_second_side());
    /// assert!(!RuleKind::OnePerVisit.needs_second_side());
    /// # }
    /// ```
    #[must_use]
    pub const fn needs_second_side(self) -> bool {
        matches!(
            self,
            RuleKind::Includes | RuleKind::NotWith | RuleKind::Sequence
        )
    }
}

impl fmt::Display for RuleKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.key())
    }
}

/// Which lines a rule compares: a set of conditions two lines must all
/// meet (same date, a shared tooth, overlapping surfaces, a shared
/// quadrant, one after the other, the same site).
///
/// ```
/// # #[cfg(feature = "std")] {
/// use cdt_codes::claims::Scope;
///
/// let scope = Scope::parse("date+tooth").unwrap();
/// assert!(scope.contains(Scope::DATE) && scope.contains(Scope::TOOTH));
/// assert!(!scope.contains(Scope::QUADRANT));
/// assert_eq!(scope.to_string(), "date+tooth");
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Scope(pub(crate) u8);

impl Scope {
    /// The same date of service.
    pub const DATE: Scope = Scope(1);
    /// At least one tooth in common.
    pub const TOOTH: Scope = Scope(1 << 1);
    /// At least one surface in common (on a shared tooth).
    pub const SURFACES: Scope = Scope(1 << 2);
    /// At least one quadrant in common, from the areas or the teeth.
    pub const QUADRANT: Scope = Scope(1 << 3);
    /// The second side's line is on a later date than the first side's.
    pub const ORDER: Scope = Scope(1 << 4);
    /// Exactly the same teeth, surfaces and areas.
    pub const SITE: Scope = Scope(1 << 5);

    const NAMES: [(Scope, &'static str); 6] = [
        (Scope::DATE, "date"),
        (Scope::TOOTH, "tooth"),
        (Scope::SURFACES, "surfaces"),
        (Scope::QUADRANT, "quadrant"),
        (Scope::ORDER, "order"),
        (Scope::SITE, "site"),
    ];

    /// Whether every condition of `other` is in this scope.
    ///
    /// ```
    /// # #[cfg(feature = "std")] {
    /// use cdt_codes::claims::Scope;
    /// assert!(Scope::parse("date+site").unwrap().contains(Scope::SITE));
    /// # }
    /// ```
    #[must_use]
    pub const fn contains(self, other: Scope) -> bool {
        self.0 & other.0 == other.0
    }

    /// Both scopes' conditions.
    ///
    /// ```
    /// # #[cfg(feature = "std")] {
    /// use cdt_codes::claims::Scope;
    /// assert_eq!(Scope::DATE.with(Scope::TOOTH), Scope::parse("tooth+date").unwrap());
    /// # }
    /// ```
    #[must_use]
    pub const fn with(self, other: Scope) -> Scope {
        Scope(self.0 | other.0)
    }

    /// Reads names joined by `+` (`date+tooth+surfaces`); `None` for an
    /// empty text, an unknown name or a name given twice.
    ///
    /// ```
    /// # #[cfg(feature = "std")] {
    /// use cdt_codes::claims::Scope;
    /// assert!(Scope::parse("date+quadrant").is_some());
    /// assert!(Scope::parse("date+date").is_none());
    /// assert!(Scope::parse("visit").is_none());
    /// # }
    /// ```
    #[must_use]
    pub fn parse(text: &str) -> Option<Scope> {
        let mut scope = Scope(0);
        for name in text.split('+') {
            let (part, _) = Scope::NAMES
                .iter()
                .find(|(_, known)| *known == name.trim())?;
            if scope.contains(*part) {
                return None;
            }
            scope = scope.with(*part);
        }
        (scope.0 != 0).then_some(scope)
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for (part, name) in Scope::NAMES {
            if self.contains(part) {
                if !first {
                    f.write_str("+")?;
                }
                f.write_str(name)?;
                first = false;
            }
        }
        Ok(())
    }
}
