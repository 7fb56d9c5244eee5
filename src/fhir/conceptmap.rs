//! The FHIR R4 `ConceptMap` from each deleted CDT code to the codes that
//! replace it.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

use super::codesystem::{copyright, date, version};
use crate::model::code::CdtCode;
use crate::model::edition::Edition;
use crate::set::{CodeSet, Procedure};

/// How a target code stands to the deleted code it is mapped from, and so
/// the R4 `equivalence` ([`Relationship::equivalence`]) and R5
/// `relationship` ([`Relationship::relationship`]) of the map.
///
/// - [`Relationship::Replacement`]: the ADA named the code to report
///   instead. That is a reporting instruction, not a statement that the
///   two codes mean the same: R4 `relatedto`, R5 `related-to`.
/// - [`Relationship::Successor`]: a code that took over part of what the
///   deleted code covered, without the ADA naming it as the replacement;
///   confirmed by a public source or inferred. The meanings overlap with
///   uncertain bounds: R4 `inexact`, R5 `related-to`. The map's comment
///   says which.
///
/// ```
/// use cdt_codes::fhir::Relationship;
///
/// assert_eq!(Relationship::Replacement.equivalence(), "relatedto");
/// assert_eq!(Relationship::Successor { confirmed: false }.equivalence(), "inexact");
/// assert_eq!(Relationship::Successor { confirmed: true }.relationship(), "related-to");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Relationship {
    /// The ADA named the code to report instead of the deleted one.
    Replacement,
    /// A successor the ADA did not name as the replacement.
    Successor {
        /// `true` when a public source confirms it, `false` when it is
        /// inferred.
        confirmed: bool,
    },
}

impl Relationship {
    /// The R4 (and R4B) `ConceptMap.group.element.target.equivalence`.
    ///
    /// ```
    /// assert_eq!(cdt_codes::fhir::Relationship::Replacement.equivalence(), "relatedto");
    /// ```
    #[must_use]
    pub const fn equivalence(self) -> &'static str {
        match self {
            Relationship::Replacement => "relatedto",
            Relationship::Successor { .. } => "inexact",
        }
    }

    /// The R5 `ConceptMap.group.element.target.relationship`.
    ///
    /// ```
    /// assert_eq!(cdt_codes::fhir::Relationship::Replacement.relationship(), "related-to");
    /// ```
    #[must_use]
    pub const fn relationship(self) -> &'static str {
        match self {
            Relationship::Replacement | Relationship::Successor { .. } => "related-to",
        }
    }
}

/// A code a deleted code maps to, with how it relates (from [`targets`]).
///
/// ```
/// use cdt_codes::fhir::{targets, Relationship};
///
/// let list = targets(cdt_codes::lookup("D1352").unwrap());
/// assert_eq!(list[0].code.to_string(), "D2391");
/// assert_eq!(list[0].relationship, Relationship::Replacement);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TargetCode {
    /// The code mapped to.
    pub code: CdtCode,
    /// How it relates to the deleted code.
    pub relationship: Relationship,
}

// ---------------------------------------------------------------------------
// THE TARGETS OF A DELETED CODE: the one place that decides what the
// ConceptMap maps a code to. Successors plug in here.
// ---------------------------------------------------------------------------

/// The codes the [`ConceptMap`] maps a deleted code to, in order: the
/// replacements the ADA named ([`Procedure::replaced_by`]), then successors
/// not already named. Empty for a code in force.
///
/// ```
/// use cdt_codes::fhir::targets;
///
/// use cdt_codes::fhir::Relationship;
///
/// assert!(targets(cdt_codes::lookup("D0120").unwrap()).is_empty());
/// // D1352, deleted in CDT 2026: the ADA named D2391 to report instead
/// let d1352 = targets(cdt_codes::lookup("D1352").unwrap());
/// assert_eq!(d1352.len(), 1);
/// assert_eq!(d1352[0].code.to_string(), "D2391");
/// assert_eq!(d1352[0].relationship, Relationship::Replacement);
/// ```
#[must_use]
pub fn targets(procedure: Procedure<'_>) -> Vec<TargetCode> {
    if procedure.deleted_in().is_none() {
        return Vec::new();
    }
    let mut list: Vec<TargetCode> = procedure
        .replaced_by()
        .iter()
        .map(|code| TargetCode {
            code: *code,
            relationship: Relationship::Replacement,
        })
        .collect();
    // Successors (confirmed or inferred), after the named replacements,
    // skipping codes already listed.
    let successors = procedure.successors();
    for code in successors.codes() {
        if !list.iter().any(|target| target.code == *code) {
            list.push(TargetCode {
                code: *code,
                relationship: Relationship::Successor {
                    confirmed: successors.is_confirmed(),
                },
            });
        }
    }
    list.dedup_by_key(|target| target.code);
    list
}

/// A FHIR R4 `ConceptMap` from each deleted CDT code to the codes that
/// replace it (see [`targets`] and [`Relationship`]). One group per
/// deletion edition: `sourceVersion` is the last edition that held the
/// deleted codes, `targetVersion` the edition that deleted them.
///
/// ```json
/// {"resourceType": "ConceptMap", "id": "cdt-replacements",
///  "url": "https://github.com/cdt-codes/cdt-codes/fhir/ConceptMap/cdt-replacements",
///  "version": "2026", "name": "CdtReplacements", "status": "active", …,
///  "sourceUri": "http://www.ada.org/cdt?fhir_vs", "targetUri": "http://www.ada.org/cdt?fhir_vs",
///  "group": [{"source": "http://www.ada.org/cdt", "sourceVersion": "2025",
///             "target": "http://www.ada.org/cdt", "targetVersion": "2026",
///             "element": [{"code": "D1352", "target": [{"code": "D2391", "equivalence": "relatedto",
///                          "comment": "…"}]}]}]}
/// ```
///
/// ```
/// use cdt_codes::fhir::ConceptMap;
///
/// let map = ConceptMap::of(cdt_codes::CodeSet::compiled());
/// assert_eq!(map.targets_of("D1352"), ["D2391"]);
/// let json = serde_json::to_string(&map)?;
/// assert_eq!(serde_json::from_str::<ConceptMap>(&json)?, map);
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// [`ConceptMap::of_release`] writes the R5 form instead: `relationship`
/// for `equivalence`, `sourceScopeUri`/`targetScopeUri`, and each group's
/// versions in its `source` and `target` (`http://www.ada.org/cdt|2025`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConceptMap {
    /// Always `ConceptMap`.
    pub resource_type: String,
    /// A logical id for a server: `cdt-replacements`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The canonical URL, under [`BASE`](super::BASE).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The year of the set's newest edition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// A computable name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The title for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The publication status: `active`.
    pub status: String,
    /// `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experimental: Option<bool>,
    /// The date the newest edition took effect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// `cdt-codes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// What the map holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whose code system CDT is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copyright: Option<String>,
    /// The codes mapped from (R4): all of CDT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_uri: Option<String>,
    /// The codes mapped to (R4): all of CDT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_uri: Option<String>,
    /// The codes mapped from (R5): all of CDT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_scope_uri: Option<String>,
    /// The codes mapped to (R5): all of CDT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_scope_uri: Option<String>,
    /// The mappings, one group per deletion edition, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group: Vec<Group>,
}

/// The mappings of the codes one edition deleted
/// (`ConceptMap.group`).
///
/// ```
/// let map = cdt_codes::fhir::ConceptMap::of(cdt_codes::CodeSet::compiled());
/// let last = map.group.last().unwrap();
/// assert_eq!(last.target_version.as_deref(), Some("2026"));
/// assert_eq!(last.source_version.as_deref(), Some("2025"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    /// The source system: [`CDT_SYSTEM`](crate::CDT_SYSTEM) (in R5 with
    /// `|` and the version).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The last edition holding the deleted codes (R4; absent when the
    /// data does not know it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_version: Option<String>,
    /// The target system: CDT (in R5 with `|` and the version).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// The edition that deleted them (R4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_version: Option<String>,
    /// The deleted codes, in code order.
    pub element: Vec<MapElement>,
}

/// A deleted code and its targets (`ConceptMap.group.element`).
///
/// ```
/// let element = cdt_codes::fhir::MapElement { code: Some("D1352".into()), target: Vec::new() };
/// assert_eq!(serde_json::to_string(&element)?, r#"{"code":"D1352"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapElement {
    /// The deleted code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// What it maps to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target: Vec<MapTarget>,
}

/// One target of a deleted code (`ConceptMap.group.element.target`).
///
/// ```
/// let map = cdt_codes::fhir::ConceptMap::of(cdt_codes::CodeSet::compiled());
/// let d1352 = map.group.iter().flat_map(|g| &g.element).find(|e| e.code.as_deref() == Some("D1352")).unwrap();
/// assert_eq!(d1352.target[0].equivalence.as_deref(), Some("relatedto"));
/// assert!(d1352.target[0].comment.as_deref().unwrap().contains("named"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapTarget {
    /// The code mapped to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The R4 equivalence: see [`Relationship::equivalence`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equivalence: Option<String>,
    /// The R5 relationship: see [`Relationship::relationship`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationship: Option<String>,
    /// Whether the ADA named the code or it is a successor (confirmed or
    /// inferred), and when the source code was deleted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// The FHIR release a resource is written for, where R4 and R5 differ.
///
/// ```
/// use cdt_codes::fhir::{ConceptMap, Release};
///
/// let r5 = ConceptMap::of_release(cdt_codes::CodeSet::compiled(), Release::R5);
/// assert_eq!(r5.source_scope_uri.as_deref(), Some("http://www.ada.org/cdt?fhir_vs"));
/// assert!(r5.source_uri.is_none()); // the R4 name
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Release {
    /// FHIR R4 (4.0.1) and R4B (4.3.0), which agree here.
    #[default]
    R4,
    /// FHIR R5 (5.0.0).
    R5,
}

impl ConceptMap {
    /// The map of every deleted code of the set that has a target, in the
    /// R4 form.
    ///
    /// ```
    /// use cdt_codes::fhir::ConceptMap;
    ///
    /// let set = cdt_codes::CodeSet::compiled();
    /// let map = ConceptMap::of(set);
    /// for procedure in set.iter().filter(|p| !p.replaced_by().is_empty()) {
    ///     assert!(!map.targets_of(&procedure.code().to_string()).is_empty());
    /// }
    /// assert_eq!(map.targets_of("D0351"), ["D0801", "D0802", "D0803", "D0804"]);
    /// ```
    #[must_use]
    pub fn of(set: &CodeSet) -> ConceptMap {
        ConceptMap::of_release(set, Release::R4)
    }

    /// The map in the form of a FHIR release (see [`Release`]).
    ///
    /// ```
    /// use cdt_codes::fhir::{ConceptMap, Release};
    ///
    /// let r5 = ConceptMap::of_release(cdt_codes::CodeSet::compiled(), Release::R5);
    /// let last = r5.group.last().unwrap();
    /// assert_eq!(last.source.as_deref(), Some("http://www.ada.org/cdt|2025"));
    /// assert_eq!(last.element[0].target[0].relationship.as_deref(), Some("related-to"));
    /// assert!(last.element[0].target[0].equivalence.is_none());
    /// ```
    #[must_use]
    pub fn of_release(set: &CodeSet, release: Release) -> ConceptMap {
        let r5 = release == Release::R5;
        let mut group: Vec<(Edition, Group)> = Vec::new();
        for procedure in set {
            let (Some(deleted), list) = (procedure.deleted_in(), targets(procedure)) else {
                continue;
            };
            if list.is_empty() {
                continue;
            }
            let element = MapElement {
                code: Some(procedure.code().to_string()),
                target: list
                    .iter()
                    .map(|target| MapTarget {
                        code: Some(target.code.to_string()),
                        equivalence: (!r5).then(|| target.relationship.equivalence().into()),
                        relationship: r5.then(|| target.relationship.relationship().into()),
                        comment: Some(comment(procedure.code(), deleted, *target)),
                    })
                    .collect(),
            };
            match group.iter_mut().find(|(edition, _)| *edition == deleted) {
                Some((_, existing)) => existing.element.push(element),
                None => group.push((deleted, new_group(deleted, element, r5))),
            }
        }
        group.sort_by_key(|(edition, _)| *edition);
        let edition = set.edition();
        let all = alloc::format!("{}?fhir_vs", super::CDT_SYSTEM);
        ConceptMap {
            resource_type: "ConceptMap".into(),
            id: Some("cdt-replacements".into()),
            url: Some(alloc::format!(
                "{}/ConceptMap/cdt-replacements",
                super::BASE
            )),
            version: Some(version(edition)),
            name: Some("CdtReplacements".into()),
            title: Some(alloc::format!(
                "Deleted CDT codes and the codes that replace them, as of {edition}"
            )),
            status: "active".into(),
            experimental: Some(false),
            date: Some(date(edition)),
            publisher: Some(super::PUBLISHER.into()),
            description: Some(
                "Each CDT code deleted up to the edition of this map, mapped to the codes the \
                 ADA named to report instead (equivalence relatedto) and to successors it did \
                 not name (inexact); each target's comment says which. Deleted codes with no \
                 replacement are not listed."
                    .into(),
            ),
            copyright: Some(copyright(crate::DataSource::Bundled)),
            source_uri: (!r5).then(|| all.clone()),
            target_uri: (!r5).then(|| all.clone()),
            source_scope_uri: r5.then(|| all.clone()),
            target_scope_uri: r5.then_some(all),
            group: group.into_iter().map(|(_, group)| group).collect(),
        }
    }

    /// The codes the map sends `code` to, in order (empty when it has no
    /// mapping).
    ///
    /// ```
    /// let map = cdt_codes::fhir::ConceptMap::of(cdt_codes::CodeSet::compiled());
    /// assert!(map.targets_of("D0120").is_empty()); // in force
    /// assert_eq!(map.targets_of("D1352"), ["D2391"]); // deleted in CDT 2026
    /// ```
    #[must_use]
    pub fn targets_of(&self, code: &str) -> Vec<&str> {
        self.group
            .iter()
            .flat_map(|group| &group.element)
            .filter(|element| element.code.as_deref() == Some(code))
            .flat_map(|element| &element.target)
            .filter_map(|target| target.code.as_deref())
            .collect()
    }
}

/// The group of the codes deleted in `deleted`, starting with `element`.
fn new_group(deleted: Edition, element: MapElement, r5: bool) -> Group {
    let source_version = deleted.previous().map(version);
    let target_version = version(deleted);
    let system = super::CDT_SYSTEM;
    if r5 {
        Group {
            source: Some(match &source_version {
                Some(v) => alloc::format!("{system}|{v}"),
                None => system.into(),
            }),
            source_version: None,
            target: Some(alloc::format!("{system}|{target_version}")),
            target_version: None,
            element: alloc::vec![element],
        }
    } else {
        Group {
            source: Some(system.into()),
            source_version,
            target: Some(system.into()),
            target_version: Some(target_version),
            element: alloc::vec![element],
        }
    }
}

/// The comment of a target: what kind of target it is and when the source
/// was deleted.
fn comment(code: CdtCode, deleted: Edition, target: TargetCode) -> String {
    match target.relationship {
        Relationship::Replacement => alloc::format!(
            "{code} was deleted in {deleted}; the ADA named {} as the code to report instead",
            target.code
        ),
        Relationship::Successor { confirmed } => alloc::format!(
            "{code} was deleted in {deleted}; {} took over part of what it covered ({}; \
             not named by the ADA as its replacement)",
            target.code,
            if confirmed {
                "confirmed by a public source"
            } else {
                "inferred by cdt-codes"
            }
        ),
    }
}
