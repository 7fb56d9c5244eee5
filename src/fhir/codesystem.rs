//! The FHIR R4 `CodeSystem` resource of a code set.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

use super::elements::{ConceptProperty, Designation, Identifier, Value};
use crate::model::edition::{Added, Edition};
use crate::set::{CodeSet, NotInData, Procedure};
use crate::DataSource;

/// The URI of FHIR's standard concept properties (`inactive`, `status`).
const CONCEPT_PROPERTIES: &str = "http://hl7.org/fhir/concept-properties";

/// The properties every concept may carry: (code, standard?, type,
/// description).
pub(crate) const PROPERTIES: [(&str, bool, &str, &str); 12] = [
    (
        "status",
        true,
        "code",
        "active: in force in this version of the code system; retired: deleted in or before it",
    ),
    (
        "inactive",
        true,
        "boolean",
        "true when the code was deleted in or before this version",
    ),
    (
        "summary",
        false,
        "string",
        "a plain-language summary written for cdt-codes: not ADA text, and not a display",
    ),
    (
        "category",
        false,
        "string",
        "the category of service the code belongs to",
    ),
    (
        "subcategory",
        false,
        "string",
        "the subcategory heading the code stands under (for a deleted code, the last one)",
    ),
    (
        "added-in",
        false,
        "string",
        "the edition that first published the code",
    ),
    (
        "added-before",
        false,
        "string",
        "the code was already in the code set before this edition; the exact edition is not recorded",
    ),
    (
        "effective",
        false,
        "dateTime",
        "the date the code took effect when that was not 1 January of its edition",
    ),
    (
        "revised-in",
        false,
        "string",
        "an edition that revised the code's nomenclature or descriptor (repeats)",
    ),
    (
        "deleted-in",
        false,
        "string",
        "the first edition without the code",
    ),
    (
        "replaced-by",
        false,
        "code",
        "a code the ADA named to report instead of the deleted code (repeats)",
    ),
    (
        "unconfirmed",
        false,
        "string",
        "a fact that rests on inference rather than a source: subcategory, heading, added_in, deleted_in, replaced_by or effective (repeats)",
    ),
];

/// A FHIR R4 `CodeSystem` resource for CDT: every code a version of the
/// code set knows, in force or deleted, with its category, subcategory,
/// history and our summary as properties. Load the JSON into a terminology
/// server (HAPI, Ontoserver, Snowstorm) to validate, look up and expand CDT
/// codes there; [`Bundle`](super::Bundle) holds every edition's.
///
/// The JSON, with keys in the order of the specification and absent values
/// left out (abridged):
///
/// ```json
/// {
///   "resourceType": "CodeSystem",
///   "id": "cdt-2026",
///   "url": "http://www.ada.org/cdt",
///   "identifier": [{"system": "urn:ietf:rfc:3986", "value": "urn:oid:2.16.840.1.113883.6.13"}],
///   "version": "2026", "name": "CDT", "title": "… (CDT), CDT 2026", "status": "active",
///   "experimental": false, "date": "2026-01-01", "publisher": "cdt-codes",
///   "description": "…", "copyright": "CDT … is the American Dental Association's …",
///   "caseSensitive": true, "hierarchyMeaning": "grouped-by", "content": "complete", "count": 949,
///   "filter": [{"code": "category", "operator": ["="], "value": "…"}],
///   "property": [{"code": "status", "uri": "http://hl7.org/fhir/concept-properties#status", "description": "…", "type": "code"}],
///   "concept": [{
///     "code": "D1352",
///     "property": [{"code": "status", "valueCode": "retired"}, {"code": "inactive", "valueBoolean": true},
///                  {"code": "summary", "valueString": "our description"},
///                  {"code": "deleted-in", "valueString": "CDT 2026"}, {"code": "replaced-by", "valueCode": "D2391"}]
///   }]
/// }
/// ```
///
/// Concepts have a `display` (the nomenclature) and `definition` (the
/// descriptor) only with licensed data, and only in the set's newest
/// edition: a later revision may have changed the text of an older one.
/// See the [module documentation](super) for `content` and the hierarchy.
///
/// ```
/// use cdt_codes::fhir::CodeSystem;
///
/// let system = CodeSystem::of(cdt_codes::CodeSet::compiled());
/// assert_eq!(system.url, cdt_codes::CDT_SYSTEM);
/// assert_eq!(system.version.as_deref(), Some("2026"));
/// assert_eq!(system.content, "complete");
/// let d1352 = system.concept("D1352").unwrap();
/// assert_eq!(d1352.property("status").and_then(|v| v.as_str()), Some("retired"));
///
/// let json = serde_json::to_string(&system)?;
/// let read: CodeSystem = serde_json::from_str(&json)?;
/// assert_eq!(read, system);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CodeSystem {
    /// Always `CodeSystem`.
    pub resource_type: String,
    /// A logical id for a server, `cdt-` and the edition's year
    /// (`cdt-2026`), so loading it again with `PUT` replaces it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The canonical URL: [`CDT_SYSTEM`](crate::CDT_SYSTEM).
    pub url: String,
    /// The OID, as a URI.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier>,
    /// The year the edition took effect, e.g. `2026` (`2011` for
    /// CDT-2011/2012).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// A computable name: `CDT`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The title for people, with the edition's label (`CDT-2011/2012`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The publication status of the resource: `active`.
    pub status: String,
    /// `false`: the resource describes the real code system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experimental: Option<bool>,
    /// The date the edition took effect, e.g. `2026-01-01`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Who made the resource: `cdt-codes`, a third party rendering the
    /// ADA's code system (see `copyright`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Where the content came from and what it lacks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whose code system this is, and what the resource holds of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copyright: Option<String>,
    /// `true`: codes are the upper-case `D` and four digits only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_sensitive: Option<bool>,
    /// `grouped-by`: no concept is a kind or part of another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hierarchy_meaning: Option<String>,
    /// `complete` (every code of the edition), or `supplement`.
    pub content: String,
    /// For a supplement: the code system and version it adds to,
    /// `http://www.ada.org/cdt|2026`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplements: Option<String>,
    /// How many concepts the resource holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// The filters value sets can use on this code system.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub filter: Vec<CodeSystemFilter>,
    /// The properties concepts carry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub property: Vec<PropertyDefinition>,
    /// The codes, in code order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub concept: Vec<Concept>,
}

/// A filter a code system supports (`CodeSystem.filter`).
///
/// ```
/// let system = cdt_codes::fhir::CodeSystem::of(cdt_codes::CodeSet::compiled());
/// assert!(system.filter.iter().any(|f| f.code == "category" && f.operator == ["="]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeSystemFilter {
    /// The property the filter tests.
    pub code: String,
    /// What it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The operators it supports: `=`.
    pub operator: Vec<String>,
    /// What its value is.
    pub value: String,
}

/// A property declared by a code system (`CodeSystem.property`).
///
/// ```
/// let system = cdt_codes::fhir::CodeSystem::of(cdt_codes::CodeSet::compiled());
/// let inactive = system.property.iter().find(|p| p.code == "inactive").unwrap();
/// assert_eq!(inactive.uri.as_deref(), Some("http://hl7.org/fhir/concept-properties#inactive"));
/// assert_eq!(inactive.type_, "boolean");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PropertyDefinition {
    /// The code concepts use for the property.
    pub code: String,
    /// The URI of a standard property; absent for the crate's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// What the property means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The value's type: `code`, `string`, `boolean`, `dateTime`, ...
    #[serde(rename = "type")]
    pub type_: String,
}

/// A code of a [`CodeSystem`] (`CodeSystem.concept`).
///
/// ```
/// let system = cdt_codes::fhir::CodeSystem::of(cdt_codes::CodeSet::compiled());
/// let concept = system.concept("D0120").unwrap();
/// assert_eq!(concept.property("category").and_then(|v| v.as_str()), Some("Diagnostic"));
/// if cdt_codes::DATA_SOURCE == cdt_codes::DataSource::Bundled {
///     assert!(concept.display.is_none());
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concept {
    /// The code, e.g. `D0120`.
    pub code: String,
    /// The official nomenclature; absent without licensed data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
    /// The official descriptor; absent without licensed data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<String>,
    /// Other texts for the code. The crate writes none: a validator
    /// accepts any designation as a display, so our summary is the
    /// `summary` property instead.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub designation: Vec<Designation>,
    /// The concept's properties, in the order the code system declares
    /// them; repeating ones repeat.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub property: Vec<ConceptProperty>,
}

impl Concept {
    /// The first value of a property.
    ///
    /// ```
    /// let system = cdt_codes::fhir::CodeSystem::of(cdt_codes::CodeSet::compiled());
    /// let concept = system.concept("D0120").unwrap();
    /// assert_eq!(concept.property("inactive").and_then(|v| v.as_bool()), Some(false));
    /// assert!(concept.property("no-such-property").is_none());
    /// ```
    #[must_use]
    pub fn property(&self, code: &str) -> Option<&Value> {
        self.property
            .iter()
            .find(|property| property.code == code)
            .map(|property| &property.value)
    }

    /// Every value of a property, for the repeating ones (`replaced-by`,
    /// `revised-in`, `unconfirmed`).
    ///
    /// ```
    /// let system = cdt_codes::fhir::CodeSystem::of(cdt_codes::CodeSet::compiled());
    /// let d1352 = system.concept("D1352").unwrap();
    /// assert!(d1352.properties("replaced-by").any(|v| v.as_str() == Some("D2391")));
    /// ```
    #[must_use]
    pub fn properties<'a>(&'a self, code: &'a str) -> PropertyValues<'a> {
        PropertyValues {
            properties: self.property.iter(),
            code,
        }
    }

    /// The concept of a procedure as the code system version `edition`
    /// shows it (see [`CodeSystem::of_edition`]): history after `edition`
    /// is left out, and the official text is given only for the set's
    /// newest edition.
    ///
    /// ```
    /// use cdt_codes::fhir::Concept;
    ///
    /// let d1352 = cdt_codes::lookup("D1352").unwrap();
    /// let e = |year| cdt_codes::Edition::new(year).unwrap();
    /// let then = Concept::of(d1352, e(2025));
    /// assert_eq!(then.property("status").and_then(|v| v.as_str()), Some("active"));
    /// assert!(then.property("deleted-in").is_none());
    /// let now = Concept::of(d1352, e(2026));
    /// assert_eq!(now.property("deleted-in").and_then(|v| v.as_str()), Some("CDT 2026"));
    /// assert!(now.property("summary").is_some());
    /// assert!(now.designation.is_empty());
    /// ```
    #[must_use]
    pub fn of(procedure: Procedure<'_>, edition: Edition) -> Concept {
        let newest = edition == procedure.set().edition();
        let nomenclature = if newest {
            procedure.nomenclature()
        } else {
            None
        };
        Concept {
            code: procedure.code().to_string(),
            display: nomenclature.map(Into::into),
            definition: if newest {
                procedure.descriptor().map(Into::into)
            } else {
                None
            },
            designation: Vec::new(),
            property: properties(procedure, edition),
        }
    }
}

/// Our summary of a procedure, if it has one: a code only a licensed file
/// knows has its nomenclature as description, which is not ours.
pub(crate) fn summary(procedure: Procedure<'_>) -> Option<&str> {
    let description = procedure.description();
    (!description.is_empty() && Some(description) != procedure.nomenclature())
        .then_some(description)
}

/// The `version` of an edition's code system: the year it took effect.
pub(crate) fn version(edition: Edition) -> String {
    edition.year().to_string()
}

/// The date an edition took effect, as a FHIR date: 1 January of its year.
pub(crate) fn date(edition: Edition) -> String {
    alloc::format!("{}-01-01", edition.year())
}

/// Whose code system CDT is and what a resource of this crate holds of it:
/// the `copyright` of every resource the crate writes.
pub(crate) fn copyright(source: DataSource) -> String {
    let owner = "CDT, the Code on Dental Procedures and Nomenclature, is the work of the \
                 American Dental Association (ADA), which holds its copyright and the CDT \
                 trademark and is the sole publisher of the code system. This resource is \
                 not published or endorsed by the ADA: cdt-codes made it";
    match source {
        DataSource::Bundled => alloc::format!(
            "{owner} from facts about the codes (each code, its category, status and \
             history) and summaries in its own words. It holds none of the ADA's \
             nomenclature or descriptors; using CDT in a product or service may need a \
             licence from the ADA."
        ),
        DataSource::Overlaid | DataSource::UserSupplied => alloc::format!(
            "{owner} with the nomenclature and descriptors of a file licensed from the ADA: \
             that text is \u{a9} American Dental Association, all rights reserved, used \
             under licence. Keep this resource within the terms of that licence."
        ),
    }
}

/// The properties of a procedure in the code system version `edition`.
pub(crate) fn properties(procedure: Procedure<'_>, edition: Edition) -> Vec<ConceptProperty> {
    let string = |text: String| Value::String(text);
    let active = procedure.is_active_in(edition);
    let deleted = procedure.deleted_in().filter(|deleted| *deleted <= edition);
    let mut list = alloc::vec![
        ConceptProperty::new(
            "status",
            Value::Code(if active { "active" } else { "retired" }.into()),
        ),
        ConceptProperty::new("inactive", Value::Boolean(!active)),
    ];
    if let Some(summary) = summary(procedure) {
        list.push(ConceptProperty::new("summary", string(summary.into())));
    }
    list.push(ConceptProperty::new(
        "category",
        string(procedure.category().name().into()),
    ));
    if let Some(subcategory) = procedure.subcategory() {
        list.push(ConceptProperty::new(
            "subcategory",
            string(subcategory.name().into()),
        ));
    }
    match procedure.added() {
        Some(Added::In(added)) => {
            list.push(ConceptProperty::new("added-in", string(added.to_string())));
        }
        Some(Added::Before(before)) => list.push(ConceptProperty::new(
            "added-before",
            string(before.to_string()),
        )),
        None => {}
    }
    if let Some(effective) = procedure.effective() {
        list.push(ConceptProperty::new(
            "effective",
            Value::DateTime(effective.to_string()),
        ));
    }
    for revised in procedure.revised_in().iter().filter(|e| **e <= edition) {
        list.push(ConceptProperty::new(
            "revised-in",
            string(revised.to_string()),
        ));
    }
    if let Some(deleted) = deleted {
        list.push(ConceptProperty::new(
            "deleted-in",
            string(deleted.to_string()),
        ));
        for code in procedure.replaced_by() {
            list.push(ConceptProperty::new(
                "replaced-by",
                Value::Code(code.to_string()),
            ));
        }
    }
    for fact in procedure.unconfirmed() {
        list.push(ConceptProperty::new(
            "unconfirmed",
            string(fact.column().into()),
        ));
    }
    if procedure
        .subcategory()
        .is_some_and(|subcategory| !subcategory.is_confirmed())
    {
        list.push(ConceptProperty::new(
            "unconfirmed",
            string("heading".into()),
        ));
    }
    list
}

/// Whether the code system version `edition` knows the code: in force in
/// it, or deleted in or before it.
pub(crate) fn known_in(procedure: Procedure<'_>, edition: Edition) -> bool {
    procedure.is_active_in(edition) || procedure.deleted_in().is_some_and(|d| d <= edition)
}

impl CodeSystem {
    /// The code system of a set's newest edition: every code it holds,
    /// deleted ones retired.
    ///
    /// ```
    /// let set = cdt_codes::CodeSet::compiled();
    /// let system = cdt_codes::fhir::CodeSystem::of(set);
    /// assert_eq!(system.concept.len(), set.iter().count());
    /// assert_eq!(system.count, Some(system.concept.len() as u32));
    /// ```
    #[must_use]
    pub fn of(set: &CodeSet) -> CodeSystem {
        CodeSystem::build(set, set.edition())
    }

    /// The code system as it stood in `edition`: the codes in force then
    /// and those deleted before, with history up to `edition`.
    ///
    /// # Errors
    ///
    /// [`NotInData`] when the set does not hold `edition`.
    ///
    /// ```
    /// use cdt_codes::{Edition, fhir::CodeSystem};
    ///
    /// let set = cdt_codes::CodeSet::compiled();
    /// let system = CodeSystem::of_edition(set, Edition::new(2013).unwrap())?;
    /// assert_eq!(system.version.as_deref(), Some("2013"));
    /// let cdt_2011 = CodeSystem::of_edition(set, Edition::new(2011).unwrap())?;
    /// assert_eq!(cdt_2011.version.as_deref(), Some("2011"));
    /// assert!(cdt_2011.title.unwrap().ends_with("CDT-2011/2012"));
    /// assert!(system.concept("D0426").is_none()); // added in CDT 2026
    /// assert!(CodeSystem::of_edition(set, Edition::new(2099).unwrap()).is_err());
    /// # Ok::<(), cdt_codes::NotInData>(())
    /// ```
    pub fn of_edition(set: &CodeSet, edition: Edition) -> Result<CodeSystem, NotInData> {
        set.check_held(edition)?;
        Ok(CodeSystem::build(set, edition))
    }

    pub(crate) fn build(set: &CodeSet, edition: Edition) -> CodeSystem {
        let concept: Vec<Concept> = set
            .iter()
            .filter(|procedure| known_in(*procedure, edition))
            .map(|procedure| Concept::of(procedure, edition))
            .collect();
        let licensed = set.source() != DataSource::Bundled && edition == set.edition();
        let description = if licensed {
            alloc::format!(
                "Every code of {edition}, in force or retired: codes, status, history and \
                 summaries from the cdt-codes crate, with the official nomenclature (display) \
                 and descriptors (definition) from a licensed file where it has them."
            )
        } else {
            alloc::format!(
                "Every code of {edition}, in force or retired, with its status, history and \
                 category from the cdt-codes crate. Concepts have no display or definition: \
                 the ADA's nomenclature and descriptors are licensed and not included. The \
                 property 'summary' is a plain-language summary written for cdt-codes, not \
                 ADA text."
            )
        };
        CodeSystem {
            resource_type: "CodeSystem".into(),
            id: Some(alloc::format!("cdt-{}", edition.year())),
            url: super::CDT_SYSTEM.into(),
            identifier: alloc::vec![Identifier::oid()],
            version: Some(version(edition)),
            name: Some(super::NAME.into()),
            title: Some(alloc::format!("{}, {edition}", super::TITLE)),
            status: "active".into(),
            experimental: Some(false),
            date: Some(date(edition)),
            publisher: Some(super::PUBLISHER.into()),
            description: Some(description),
            copyright: Some(copyright(if licensed {
                set.source()
            } else {
                DataSource::Bundled
            })),
            case_sensitive: Some(true),
            hierarchy_meaning: Some("grouped-by".into()),
            content: "complete".into(),
            supplements: None,
            count: u32::try_from(concept.len()).ok(),
            filter: filters(),
            property: property_definitions(),
            concept,
        }
    }

    /// The concept of a code, if the resource holds it.
    ///
    /// ```
    /// let system = cdt_codes::fhir::CodeSystem::of(cdt_codes::CodeSet::compiled());
    /// assert_eq!(system.concept("D3353").map(|c| c.code.as_str()), Some("D3353"));
    /// assert!(system.concept("D0000").is_none());
    /// ```
    #[must_use]
    pub fn concept(&self, code: &str) -> Option<&Concept> {
        self.concept.iter().find(|concept| concept.code == code)
    }
}

/// The declarations of the properties concepts carry.
pub(crate) fn property_definitions() -> Vec<PropertyDefinition> {
    PROPERTIES
        .iter()
        .map(|(code, standard, type_, description)| PropertyDefinition {
            code: (*code).into(),
            uri: standard.then(|| alloc::format!("{CONCEPT_PROPERTIES}#{code}")),
            description: Some((*description).into()),
            type_: (*type_).into(),
        })
        .collect()
}

/// The filters the code system declares.
fn filters() -> Vec<CodeSystemFilter> {
    [
        (
            "category",
            "codes of a category of service",
            "a category name, e.g. Endodontics",
        ),
        (
            "subcategory",
            "codes under a subcategory heading",
            "a heading as the subcategory property gives it",
        ),
        (
            "inactive",
            "codes deleted (true) or in force (false) in this version",
            "true or false",
        ),
    ]
    .iter()
    .map(|(code, description, value)| CodeSystemFilter {
        code: (*code).into(),
        description: Some((*description).into()),
        operator: alloc::vec!["=".into()],
        value: (*value).into(),
    })
    .collect()
}

/// Every value of one property of a concept: see [`Concept::properties`].
///
/// ```
/// let system = cdt_codes::fhir::CodeSystem::of(cdt_codes::CodeSet::compiled());
/// let d0120 = system.concept("D0120").unwrap();
/// assert_eq!(d0120.properties("replaced-by").count(), 0);
/// ```
#[derive(Debug, Clone)]
pub struct PropertyValues<'a> {
    properties: core::slice::Iter<'a, ConceptProperty>,
    code: &'a str,
}

impl<'a> Iterator for PropertyValues<'a> {
    type Item = &'a Value;

    fn next(&mut self) -> Option<&'a Value> {
        let code = self.code;
        self.properties
            .find(|property| property.code == code)
            .map(|property| &property.value)
    }
}
