//! FHIR data elements shared by the resources: identifiers, designations,
//! property values.

use alloc::string::String;

use serde::{Deserialize, Serialize};

use super::Coding;

/// A FHIR `Identifier`: here the OID of a code system, as
/// `{"system": "urn:ietf:rfc:3986", "value": "urn:oid:…"}`.
///
/// ```
/// use cdt_codes::fhir::Identifier;
///
/// let oid = Identifier::oid();
/// assert_eq!(oid.value.as_deref(), Some(cdt_codes::CDT_OID));
/// assert_eq!(
///     serde_json::to_string(&oid)?,
///     r#"{"system":"urn:ietf:rfc:3986","value":"urn:oid:2.16.840.1.113883.6.13"}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Identifier {
    /// The namespace of the value; `urn:ietf:rfc:3986` for a URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// The identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl Identifier {
    /// The CDT OID as a URI identifier.
    ///
    /// ```
    /// let oid = cdt_codes::fhir::Identifier::oid();
    /// assert_eq!(oid.system.as_deref(), Some("urn:ietf:rfc:3986"));
    /// ```
    #[must_use]
    pub fn oid() -> Identifier {
        Identifier {
            system: Some("urn:ietf:rfc:3986".into()),
            value: Some(super::CDT_OID.into()),
        }
    }
}

/// A FHIR designation (`CodeSystem.concept.designation`, the
/// `designation` of `$lookup`): another text for a concept, with what it
/// is for.
///
/// The crate's own descriptions are designations with the use
/// [`Designation::summary_use`], never a `display`.
///
/// ```
/// use cdt_codes::fhir::Designation;
///
/// let designation = Designation::summary("Periodic check-up of an existing patient");
/// let json = serde_json::to_string(&designation)?;
/// assert!(json.starts_with(r#"{"language":"en","use":{"system":"https://github.com/cdt-codes/"#));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Designation {
    /// The language of the text, e.g. `en`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// What the text is for.
    #[serde(rename = "use", default, skip_serializing_if = "Option::is_none")]
    pub use_: Option<Coding>,
    /// The text.
    pub value: String,
}

impl Designation {
    /// The designation use of a description written for cdt-codes:
    /// [`SUMMARY_USE_SYSTEM`](super::SUMMARY_USE_SYSTEM) and
    /// [`SUMMARY_USE_CODE`](super::SUMMARY_USE_CODE).
    ///
    /// ```
    /// let use_ = cdt_codes::fhir::Designation::summary_use();
    /// assert_eq!(use_.code.as_deref(), Some("summary"));
    /// ```
    #[must_use]
    pub fn summary_use() -> Coding {
        Coding {
            system: Some(super::SUMMARY_USE_SYSTEM.into()),
            version: None,
            code: Some(super::SUMMARY_USE_CODE.into()),
            display: Some("Plain-language summary written for cdt-codes, not ADA text".into()),
        }
    }

    /// A description of ours, in English, with the summary use.
    ///
    /// ```
    /// let designation = cdt_codes::fhir::Designation::summary("text");
    /// assert_eq!(designation.value, "text");
    /// assert_eq!(designation.language.as_deref(), Some("en"));
    /// ```
    #[must_use]
    pub fn summary(text: &str) -> Designation {
        Designation {
            language: Some("en".into()),
            use_: Some(Designation::summary_use()),
            value: text.into(),
        }
    }
}

/// A FHIR `value[x]` as concept properties and `Parameters` carry it: the
/// variant names the JSON key (`valueCode`, `valueString`, ...).
///
/// ```
/// use cdt_codes::fhir::Value;
///
/// assert_eq!(serde_json::to_string(&Value::Boolean(true))?, r#"{"valueBoolean":true}"#);
/// assert_eq!(Value::Code("retired".into()).as_str(), Some("retired"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Value {
    /// `valueCode`: a code of this code system, or of a FHIR value set.
    #[serde(rename = "valueCode")]
    Code(String),
    /// `valueCoding`: a code of another system.
    #[serde(rename = "valueCoding")]
    Coding(Coding),
    /// `valueString`.
    #[serde(rename = "valueString")]
    String(String),
    /// `valueInteger`.
    #[serde(rename = "valueInteger")]
    Integer(i32),
    /// `valueBoolean`.
    #[serde(rename = "valueBoolean")]
    Boolean(bool),
    /// `valueDateTime`: a FHIR date or date-time, e.g. `2021-03-01`.
    #[serde(rename = "valueDateTime")]
    DateTime(String),
}

impl Value {
    /// The text of a code, string or date-time value.
    ///
    /// ```
    /// use cdt_codes::fhir::Value;
    ///
    /// assert_eq!(Value::String("CDT 2026".into()).as_str(), Some("CDT 2026"));
    /// assert_eq!(Value::Boolean(false).as_str(), None);
    /// ```
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Code(text) | Value::String(text) | Value::DateTime(text) => Some(text),
            Value::Coding(_) | Value::Integer(_) | Value::Boolean(_) => None,
        }
    }

    /// The value of a boolean.
    ///
    /// ```
    /// assert_eq!(cdt_codes::fhir::Value::Boolean(true).as_bool(), Some(true));
    /// ```
    #[must_use]
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Boolean(value) => Some(*value),
            _ => None,
        }
    }
}

/// One property of a concept (`CodeSystem.concept.property`, or a
/// `property` of `$lookup`): the property's code and its value.
///
/// ```
/// use cdt_codes::fhir::{ConceptProperty, Value};
///
/// let property = ConceptProperty::new("status", Value::Code("active".into()));
/// assert_eq!(serde_json::to_string(&property)?, r#"{"code":"status","valueCode":"active"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ConceptProperty {
    /// The property's code, declared in the code system's `property`.
    pub code: String,
    /// Its value.
    #[serde(flatten)]
    pub value: Value,
}

impl ConceptProperty {
    /// A property with its value.
    ///
    /// ```
    /// use cdt_codes::fhir::{ConceptProperty, Value};
    ///
    /// assert_eq!(ConceptProperty::new("inactive", Value::Boolean(true)).code, "inactive");
    /// ```
    #[must_use]
    pub fn new(code: &str, value: Value) -> ConceptProperty {
        ConceptProperty {
            code: code.into(),
            value,
        }
    }
}
