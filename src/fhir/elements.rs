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
/// The crate writes none: a validator accepts any designation as a valid
/// display, so our own descriptions are the concept property `summary`.
/// The type reads the designations of other servers' answers.
///
/// ```
/// use cdt_codes::fhir::Designation;
///
/// let designation = Designation { language: Some("en".into()), use_: None, value: "text".into() };
/// assert_eq!(serde_json::to_string(&designation)?, r#"{"language":"en","value":"text"}"#);
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
    /// `valueUri`, e.g. `http://www.ada.org/cdt|2026`.
    #[serde(rename = "valueUri")]
    Uri(String),
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
            Value::Code(text) | Value::String(text) | Value::Uri(text) | Value::DateTime(text) => {
                Some(text)
            }
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
