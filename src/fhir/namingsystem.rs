//! The FHIR R4 `NamingSystem` of CDT: the identifiers that name the code
//! system.

use alloc::string::String;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

use super::codesystem::{copyright, date};
use crate::set::CodeSet;

/// A FHIR R4 `NamingSystem` for CDT: the URI FHIR uses
/// ([`CDT_SYSTEM`](crate::CDT_SYSTEM), preferred), the OID HL7 v3 and CDA
/// use (`2.16.840.1.113883.6.13`), and HL7's older URI
/// ([`CD2_SYSTEM`](super::CD2_SYSTEM)), not preferred, which a server that
/// loads this resource can map to the preferred one.
///
/// ```json
/// {"resourceType": "NamingSystem", "id": "cdt", "name": "CDT", "status": "active",
///  "kind": "codesystem", "date": "2026-01-01", "publisher": "cdt-codes",
///  "responsible": "American Dental Association", "description": "…", "usage": "…",
///  "uniqueId": [{"type": "uri", "value": "http://www.ada.org/cdt", "preferred": true},
///               {"type": "oid", "value": "2.16.840.1.113883.6.13", "preferred": true},
///               {"type": "uri", "value": "http://terminology.hl7.org/CodeSystem/CD2",
///                "preferred": false, "comment": "…"}]}
/// ```
///
/// ```
/// use cdt_codes::fhir::NamingSystem;
///
/// let naming = NamingSystem::of(cdt_codes::CodeSet::compiled());
/// assert_eq!(naming.kind, "codesystem");
/// assert!(naming.unique_id.iter().any(|id| id.type_ == "oid" && id.value == "2.16.840.1.113883.6.13"));
/// let json = serde_json::to_string(&naming)?;
/// assert_eq!(serde_json::from_str::<NamingSystem>(&json)?, naming);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NamingSystem {
    /// Always `NamingSystem`.
    pub resource_type: String,
    /// A logical id for a server: `cdt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// A computable name: `CDT`.
    pub name: String,
    /// The publication status: `active`.
    pub status: String,
    /// `codesystem`.
    pub kind: String,
    /// The date the set's newest edition took effect.
    pub date: String,
    /// `cdt-codes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Who maintains the code system: the ADA.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible: Option<String>,
    /// What the identifiers name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Which identifier to use where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<String>,
    /// The identifiers.
    pub unique_id: Vec<UniqueId>,
}

/// One identifier of a naming system (`NamingSystem.uniqueId`).
///
/// ```
/// let id = cdt_codes::fhir::UniqueId { type_: "uri".into(), value: cdt_codes::CDT_SYSTEM.into(), preferred: Some(true), comment: None };
/// assert_eq!(serde_json::to_string(&id)?, r#"{"type":"uri","value":"http://www.ada.org/cdt","preferred":true}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UniqueId {
    /// `uri` or `oid`.
    #[serde(rename = "type")]
    pub type_: String,
    /// The identifier.
    pub value: String,
    /// Whether it is the one to use for its type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred: Option<bool>,
    /// Notes on its use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

impl NamingSystem {
    /// The naming system of CDT, dated by the set's newest edition.
    ///
    /// ```
    /// let naming = cdt_codes::fhir::NamingSystem::of(cdt_codes::CodeSet::compiled());
    /// let cd2 = naming.unique_id.iter().find(|id| id.value == cdt_codes::fhir::CD2_SYSTEM).unwrap();
    /// assert_eq!(cd2.preferred, Some(false));
    /// ```
    #[must_use]
    pub fn of(set: &CodeSet) -> NamingSystem {
        let id = |type_: &str, value: &str, preferred: bool, comment: Option<&str>| UniqueId {
            type_: type_.into(),
            value: value.into(),
            preferred: Some(preferred),
            comment: comment.map(Into::into),
        };
        let oid = super::CDT_OID.trim_start_matches("urn:oid:");
        NamingSystem {
            resource_type: "NamingSystem".into(),
            id: Some("cdt".into()),
            name: super::NAME.into(),
            status: "active".into(),
            kind: "codesystem".into(),
            date: date(set.edition()),
            publisher: Some(super::PUBLISHER.into()),
            responsible: Some("American Dental Association".into()),
            description: Some(alloc::format!(
                "The identifiers of CDT, the Code on Dental Procedures and Nomenclature. {}",
                copyright(crate::DataSource::Bundled)
            )),
            usage: Some(
                "FHIR codings use the URI http://www.ada.org/cdt; HL7 v2, v3 and CDA use the \
                 OID. The CD2 URI is an older HL7 name for the same code system: accept it on \
                 input, write the preferred URI."
                    .into(),
            ),
            unique_id: alloc::vec![
                id("uri", super::CDT_SYSTEM, true, None),
                id("oid", oid, true, None),
                id(
                    "uri",
                    super::CD2_SYSTEM,
                    false,
                    Some(
                        "HL7's earlier URI for CDT (THO record CD2, retired in 2021); kept \
                         so codings that still carry it resolve to CDT",
                    ),
                ),
            ],
        }
    }
}
