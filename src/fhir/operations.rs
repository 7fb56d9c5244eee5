//! The answers of the terminology operations `$lookup` and
//! `$validate-code`, as FHIR `Parameters`.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

use super::elements::{ConceptProperty, Designation, Value};
use super::{Coding, FhirError};
use crate::model::code::CdtCode;
use crate::model::date::ServiceDate;
use crate::set::{CodeSet, Procedure};
use crate::validity::Validity;

/// A FHIR `Parameters` resource: the input or output of an operation.
///
/// ```
/// use cdt_codes::fhir::{Parameter, Parameters, Value};
///
/// let parameters = Parameters::new(vec![Parameter::new("result", Value::Boolean(true))]);
/// assert_eq!(
///     serde_json::to_string(&parameters)?,
///     r#"{"resourceType":"Parameters","parameter":[{"name":"result","valueBoolean":true}]}"#
/// );
/// assert_eq!(parameters.value("result").and_then(|v| v.as_bool()), Some(true));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Parameters {
    /// Always `Parameters`.
    pub resource_type: String,
    /// The parameters, in order; names may repeat.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parameter: Vec<Parameter>,
}

impl Parameters {
    /// A `Parameters` resource holding `parameter`.
    ///
    /// ```
    /// let parameters = cdt_codes::fhir::Parameters::new(Vec::new());
    /// assert_eq!(parameters.resource_type, "Parameters");
    /// ```
    #[must_use]
    pub fn new(parameter: Vec<Parameter>) -> Parameters {
        Parameters {
            resource_type: "Parameters".into(),
            parameter,
        }
    }

    /// Every parameter named `name`.
    ///
    /// ```
    /// use cdt_codes::fhir::{Parameter, Parameters, Value};
    ///
    /// let parameters = Parameters::new(vec![
    ///     Parameter::new("a", Value::Integer(1)),
    ///     Parameter::new("a", Value::Integer(2)),
    /// ]);
    /// assert_eq!(parameters.named("a").count(), 2);
    /// ```
    #[must_use]
    pub fn named<'a>(&'a self, name: &'a str) -> Named<'a> {
        Named {
            parameters: self.parameter.iter(),
            name,
        }
    }

    /// The value of the first parameter named `name`.
    ///
    /// ```
    /// use cdt_codes::fhir::{Parameter, Parameters, Value};
    ///
    /// let parameters = Parameters::new(vec![Parameter::new("result", Value::Boolean(true))]);
    /// assert_eq!(parameters.value("result"), Some(&Value::Boolean(true)));
    /// assert!(parameters.value("message").is_none());
    /// ```
    #[must_use]
    pub fn value(&self, name: &str) -> Option<&Value> {
        self.parameter
            .iter()
            .filter(|p| p.name == name)
            .find_map(|p| p.value.as_ref())
    }

    fn check(&self) -> Result<(), FhirError> {
        if self.resource_type == "Parameters" {
            Ok(())
        } else {
            Err(FhirError::WrongResourceType {
                expected: "Parameters",
                found: self.resource_type.clone(),
            })
        }
    }

    /// The text of an optional string parameter.
    fn text(&self, name: &str) -> Result<Option<String>, FhirError> {
        match self.value(name) {
            None => Ok(None),
            Some(value) => value
                .as_str()
                .map(|text| Some(text.into()))
                .ok_or_else(|| FhirError::WrongParameterType { name: name.into() }),
        }
    }
}

/// One parameter: a name with a value or with parts.
///
/// ```
/// use cdt_codes::fhir::{Parameter, Value};
///
/// let designation = Parameter::with_parts("designation", vec![Parameter::new("value", Value::String("x".into()))]);
/// assert_eq!(
///     serde_json::to_string(&designation)?,
///     r#"{"name":"designation","part":[{"name":"value","valueString":"x"}]}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parameter {
    /// The name.
    pub name: String,
    /// The value, as `value[x]`.
    #[serde(flatten, default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// The parts of a compound parameter.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub part: Vec<Parameter>,
}

impl Parameter {
    /// A parameter with a value.
    ///
    /// ```
    /// use cdt_codes::fhir::{Parameter, Value};
    ///
    /// let p = Parameter::new("result", Value::Boolean(false));
    /// assert_eq!((p.name.as_str(), p.value), ("result", Some(Value::Boolean(false))));
    /// assert!(p.part.is_empty());
    /// ```
    #[must_use]
    pub fn new(name: &str, value: Value) -> Parameter {
        Parameter {
            name: name.into(),
            value: Some(value),
            part: Vec::new(),
        }
    }

    /// A parameter made of parts.
    ///
    /// ```
    /// use cdt_codes::fhir::{Parameter, Value};
    ///
    /// let code = Parameter::new("code", Value::Code("status".into()));
    /// let p = Parameter::with_parts("property", vec![code.clone()]);
    /// assert_eq!((p.name.as_str(), p.part), ("property", vec![code]));
    /// assert!(p.value.is_none());
    /// ```
    #[must_use]
    pub fn with_parts(name: &str, part: Vec<Parameter>) -> Parameter {
        Parameter {
            name: name.into(),
            value: None,
            part,
        }
    }

    /// The value of the first part named `name`.
    ///
    /// ```
    /// use cdt_codes::fhir::{Parameter, Value};
    ///
    /// let p = Parameter::with_parts("property", vec![Parameter::new("code", Value::Code("status".into()))]);
    /// assert_eq!(p.part_value("code").and_then(|v| v.as_str()), Some("status"));
    /// ```
    #[must_use]
    pub fn part_value(&self, name: &str) -> Option<&Value> {
        self.part
            .iter()
            .filter(|part| part.name == name)
            .find_map(|part| part.value.as_ref())
    }
}

/// The answer of `$lookup` for a CDT code: the code system's name, the
/// version, the official display (licensed data only), and the concept's
/// properties as the [`CodeSystem`](super::CodeSystem) gives them, our
/// summary among them (property `summary`, never a designation).
///
/// Serialises as the `Parameters` FHIR returns (and reads back from one):
///
/// ```json
/// {"resourceType": "Parameters", "parameter": [
///   {"name": "name", "valueString": "Code on Dental Procedures and Nomenclature (CDT)"},
///   {"name": "version", "valueString": "2026"},
///   {"name": "property", "part": [{"name": "code", "valueCode": "status"}, {"name": "value", "valueCode": "active"}]},
///   {"name": "property", "part": [{"name": "code", "valueCode": "summary"}, {"name": "value", "valueString": "our description"}]}
/// ]}
/// ```
///
/// FHIR R4 lists `display` as always returned; without licensed data there
/// is no official display, and the crate leaves it out rather than send a
/// text that is not the code system's.
///
/// ```
/// use cdt_codes::fhir::Lookup;
///
/// let lookup = Lookup::of(cdt_codes::lookup("D3353").unwrap());
/// assert_eq!(lookup.version.as_deref(), Some("2026"));
/// assert!(lookup.designation.is_empty());
/// assert!(lookup.property.iter().any(|p| p.code == "summary"));
/// let json = serde_json::to_string(&lookup)?;
/// assert!(json.starts_with(r#"{"resourceType":"Parameters","parameter":[{"name":"name""#));
/// assert_eq!(serde_json::from_str::<Lookup>(&json)?, lookup);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "Parameters", try_from = "Parameters")]
pub struct Lookup {
    /// The code system's name.
    pub name: String,
    /// The newest edition containing the code, as on its
    /// [`Coding`].
    pub version: Option<String>,
    /// The official nomenclature; absent without licensed data.
    pub display: Option<String>,
    /// Other texts for the code: none from the crate (our summary is a
    /// property); read from other servers' answers.
    pub designation: Vec<Designation>,
    /// The concept's properties.
    pub property: Vec<ConceptProperty>,
}

impl Lookup {
    /// The lookup of a procedure, in the newest edition of its set.
    ///
    /// ```
    /// let lookup = cdt_codes::fhir::Lookup::of(cdt_codes::lookup("D1352").unwrap());
    /// assert_eq!(lookup.version.as_deref(), Some("2025"));
    /// assert!(lookup.property.iter().any(|p| p.code == "replaced-by"));
    /// ```
    #[must_use]
    pub fn of(procedure: Procedure<'_>) -> Lookup {
        let concept = super::Concept::of(procedure, procedure.set().edition());
        Lookup {
            name: super::TITLE.into(),
            version: Coding::from_procedure(procedure).version,
            display: concept.display,
            designation: concept.designation,
            property: concept.property,
        }
    }

    /// The lookup of a code given as text, in `set`.
    ///
    /// # Errors
    ///
    /// [`FhirError::MalformedCode`] or [`FhirError::UnknownCode`]; FHIR
    /// servers answer these with an `OperationOutcome`.
    ///
    /// ```
    /// use cdt_codes::{CodeSet, FhirError, fhir::Lookup};
    ///
    /// let set = CodeSet::compiled();
    /// assert!(Lookup::find(set, "D3353").is_ok());
    /// assert!(matches!(Lookup::find(set, "D0000"), Err(FhirError::UnknownCode { .. })));
    /// assert!(matches!(Lookup::find(set, "tooth"), Err(FhirError::MalformedCode { .. })));
    /// ```
    pub fn find(set: &CodeSet, code: &str) -> Result<Lookup, FhirError> {
        let parsed = CdtCode::parse(code).map_err(|source| FhirError::MalformedCode {
            code: code.into(),
            source,
        })?;
        set.get(parsed)
            .map(Lookup::of)
            .ok_or(FhirError::UnknownCode { code: parsed })
    }
}

impl From<Lookup> for Parameters {
    fn from(lookup: Lookup) -> Parameters {
        let mut list = alloc::vec![Parameter::new("name", Value::String(lookup.name))];
        if let Some(version) = lookup.version {
            list.push(Parameter::new("version", Value::String(version)));
        }
        if let Some(display) = lookup.display {
            list.push(Parameter::new("display", Value::String(display)));
        }
        for designation in lookup.designation {
            let mut part = Vec::new();
            if let Some(language) = designation.language {
                part.push(Parameter::new("language", Value::Code(language)));
            }
            if let Some(use_) = designation.use_ {
                part.push(Parameter::new("use", Value::Coding(use_)));
            }
            part.push(Parameter::new("value", Value::String(designation.value)));
            list.push(Parameter::with_parts("designation", part));
        }
        for property in lookup.property {
            list.push(Parameter::with_parts(
                "property",
                alloc::vec![
                    Parameter::new("code", Value::Code(property.code)),
                    Parameter::new("value", property.value),
                ],
            ));
        }
        Parameters::new(list)
    }
}

impl TryFrom<Parameters> for Lookup {
    type Error = FhirError;

    fn try_from(parameters: Parameters) -> Result<Lookup, FhirError> {
        parameters.check()?;
        let name = parameters
            .text("name")?
            .ok_or(FhirError::MissingParameter { name: "name" })?;
        let mut designation = Vec::new();
        for p in parameters.named("designation") {
            let value = p
                .part_value("value")
                .and_then(Value::as_str)
                .ok_or_else(|| FhirError::WrongParameterType {
                    name: "designation".into(),
                })?;
            designation.push(Designation {
                language: p
                    .part_value("language")
                    .and_then(Value::as_str)
                    .map(Into::into),
                use_: match p.part_value("use") {
                    Some(Value::Coding(coding)) => Some(coding.clone()),
                    _ => None,
                },
                value: value.into(),
            });
        }
        let mut property = Vec::new();
        for p in parameters.named("property") {
            let code = p.part_value("code").and_then(Value::as_str);
            match (code, p.part_value("value")) {
                (Some(code), Some(value)) => {
                    property.push(ConceptProperty::new(code, value.clone()));
                }
                _ => {
                    return Err(FhirError::WrongParameterType {
                        name: "property".into(),
                    })
                }
            }
        }
        Ok(Lookup {
            name,
            version: parameters.text("version")?,
            display: parameters.text("display")?,
            designation,
            property,
        })
    }
}

/// The answer of `$validate-code` for a CDT code: `result`, a `message`
/// saying why when the code may not be reported (or when the data cannot
/// say), `inactive` for a retired code, and the official `display` with
/// licensed data.
///
/// As HL7's validator and terminology servers answer: without a date, a
/// code of the code system is valid, a retired one too (`result` `true`,
/// `inactive` `true`, and a message that it is inactive and what replaces
/// it). With a date of service, the crate's date rules decide: a code
/// deleted before the date is `false`. A date outside the editions the
/// data holds gives `result` `false` with a message that the data cannot
/// judge it: unknown is never valid.
///
/// Serialises as the `Parameters` FHIR returns (and reads back from one):
///
/// ```json
/// {"resourceType": "Parameters", "parameter": [
///   {"name": "result", "valueBoolean": false},
///   {"name": "message", "valueString": "D1352 was deleted in CDT 2026; report D2391 instead"}
/// ]}
/// ```
///
/// ```
/// use cdt_codes::{CodeSet, fhir::ValidateCode};
///
/// let set = CodeSet::compiled();
/// let answer = ValidateCode::code(set, "D1352", Some("2026-02-01".parse().unwrap()));
/// assert!(!answer.result);
/// assert!(answer.message.as_deref().unwrap().contains("D2391"));
/// let json = serde_json::to_string(&answer)?;
/// assert_eq!(serde_json::from_str::<ValidateCode>(&json)?, answer);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "Parameters", try_from = "Parameters")]
pub struct ValidateCode {
    /// Whether the code may be reported.
    pub result: bool,
    /// Why not, or what was not checked.
    pub message: Option<String>,
    /// `true` for a code retired from the code system (no date given).
    pub inactive: bool,
    /// The official nomenclature; absent without licensed data.
    pub display: Option<String>,
}

impl ValidateCode {
    /// Whether `code` may be reported for a service on `date`; without a
    /// date, whether it is a code of the code system at all, retired codes
    /// included (`inactive`, with a message).
    ///
    /// ```
    /// use cdt_codes::{CodeSet, fhir::ValidateCode};
    ///
    /// let set = CodeSet::compiled();
    /// assert!(ValidateCode::code(set, "D0120", None).result);
    ///
    /// let retired = ValidateCode::code(set, "D1352", None);
    /// assert!(retired.result && retired.inactive);
    /// assert!(retired.message.unwrap().contains("inactive"));
    /// assert!(!ValidateCode::code(set, "D1352", Some("2026-02-01".parse().unwrap())).result);
    ///
    /// let later = ValidateCode::code(set, "D0120", Some("2099-01-01".parse().unwrap()));
    /// assert!(!later.result);
    /// assert!(later.message.unwrap().contains("cannot be checked"));
    /// ```
    #[must_use]
    pub fn code(set: &CodeSet, code: &str, date: Option<ServiceDate>) -> ValidateCode {
        if let Some(date) = date {
            return ValidateCode::of(&set.validity(code, date));
        }
        let procedure = match CdtCode::parse(code) {
            Err(source) => {
                return ValidateCode::invalid(
                    FhirError::MalformedCode {
                        code: code.into(),
                        source,
                    }
                    .to_string(),
                )
            }
            Ok(parsed) => match set.get(parsed) {
                Some(procedure) => procedure,
                None => {
                    return ValidateCode::invalid(
                        FhirError::UnknownCode { code: parsed }.to_string(),
                    )
                }
            },
        };
        let display = procedure.nomenclature().map(Into::into);
        let Some(deleted) = procedure.deleted_in() else {
            return ValidateCode {
                result: true,
                message: None,
                inactive: false,
                display,
            };
        };
        let mut message = alloc::format!(
            "{} is inactive: retired from the code system, deleted in {deleted}",
            procedure.code()
        );
        let replacements = procedure.replaced_by();
        if !replacements.is_empty() {
            message.push_str("; report ");
            for (index, replacement) in replacements.iter().enumerate() {
                if index > 0 {
                    message.push_str(" or ");
                }
                message.push_str(&replacement.to_string());
            }
            message.push_str(" instead");
        }
        ValidateCode {
            result: true,
            message: Some(message),
            inactive: true,
            display,
        }
    }

    fn invalid(message: String) -> ValidateCode {
        ValidateCode {
            result: false,
            message: Some(message),
            inactive: false,
            display: None,
        }
    }

    /// The answer for a verdict of [`CodeSet::validity`].
    ///
    /// ```
    /// let verdict = cdt_codes::validity("D0120", "2026-03-01".parse().unwrap());
    /// let answer = cdt_codes::fhir::ValidateCode::of(&verdict);
    /// assert!(answer.result && answer.message.is_none());
    /// ```
    #[must_use]
    pub fn of(validity: &Validity<'_>) -> ValidateCode {
        let display = validity
            .procedure()
            .and_then(|procedure| procedure.nomenclature())
            .map(Into::into);
        let message = match validity {
            Validity::Valid(_) => None,
            Validity::OutsideData { .. } => Some(alloc::format!(
                "{validity}; the data cannot judge this date, so the code is not reported as valid"
            )),
            _ => Some(validity.to_string()),
        };
        ValidateCode {
            result: validity.is_valid(),
            message,
            inactive: false,
            display,
        }
    }

    /// Whether a coding may be reported on `date` (see
    /// [`ValidateCode::code`]). A system other than CDT (its URI, its OID,
    /// or HL7's older CD2 URI) is not valid. A
    /// `display` that differs from the official one is not valid; without
    /// licensed data the display cannot be checked, and the message says
    /// so.
    ///
    /// ```
    /// use cdt_codes::{CodeSet, Coding, fhir::ValidateCode};
    ///
    /// let set = CodeSet::compiled();
    /// let mut coding = Coding::from_procedure(set.lookup("D0120").unwrap());
    /// assert!(ValidateCode::coding(set, &coding, None).result);
    /// coding.system = Some(cdt_codes::fhir::CD2_SYSTEM.into());
    /// assert!(ValidateCode::coding(set, &coding, None).result);
    /// coding.system = Some("http://snomed.info/sct".into());
    /// assert!(!ValidateCode::coding(set, &coding, None).result);
    /// ```
    #[must_use]
    pub fn coding(set: &CodeSet, coding: &Coding, date: Option<ServiceDate>) -> ValidateCode {
        if let Err(error) = coding.procedure_in(set) {
            if !matches!(
                error,
                FhirError::MalformedCode { .. } | FhirError::UnknownCode { .. }
            ) {
                return ValidateCode::invalid(error.to_string());
            }
        }
        let mut answer = ValidateCode::code(set, coding.code.as_deref().unwrap_or(""), date);
        let Some(given) = coding.display.as_deref() else {
            return answer;
        };
        let note = match answer.display.as_deref() {
            Some(official) if official == given => return answer,
            Some(official) => {
                answer.result = false;
                alloc::format!(
                    "the display {given:?} is not the code system's display {official:?}"
                )
            }
            None => String::from(
                "the display was not checked: the data has no official display for the code",
            ),
        };
        answer.message = Some(match answer.message {
            Some(message) => alloc::format!("{message}; {note}"),
            None => note,
        });
        answer
    }
}

impl From<ValidateCode> for Parameters {
    fn from(answer: ValidateCode) -> Parameters {
        let mut list = alloc::vec![Parameter::new("result", Value::Boolean(answer.result))];
        if let Some(message) = answer.message {
            list.push(Parameter::new("message", Value::String(message)));
        }
        if answer.inactive {
            list.push(Parameter::new("inactive", Value::Boolean(true)));
        }
        if let Some(display) = answer.display {
            list.push(Parameter::new("display", Value::String(display)));
        }
        Parameters::new(list)
    }
}

impl TryFrom<Parameters> for ValidateCode {
    type Error = FhirError;

    fn try_from(parameters: Parameters) -> Result<ValidateCode, FhirError> {
        parameters.check()?;
        let result = match parameters.value("result") {
            None => return Err(FhirError::MissingParameter { name: "result" }),
            Some(value) => value
                .as_bool()
                .ok_or_else(|| FhirError::WrongParameterType {
                    name: "result".into(),
                })?,
        };
        let inactive = match parameters.value("inactive") {
            None => false,
            Some(value) => value
                .as_bool()
                .ok_or_else(|| FhirError::WrongParameterType {
                    name: "inactive".into(),
                })?,
        };
        Ok(ValidateCode {
            result,
            message: parameters.text("message")?,
            inactive,
            display: parameters.text("display")?,
        })
    }
}

/// The parameters of one name: see [`Parameters::named`].
///
/// ```
/// use cdt_codes::fhir::{Parameter, Parameters, Value};
///
/// let parameters = Parameters::new(vec![Parameter::new("a", Value::Integer(1))]);
/// assert_eq!(parameters.named("b").count(), 0);
/// ```
#[derive(Debug, Clone)]
pub struct Named<'a> {
    parameters: core::slice::Iter<'a, Parameter>,
    name: &'a str,
}

impl<'a> Iterator for Named<'a> {
    type Item = &'a Parameter;

    fn next(&mut self) -> Option<&'a Parameter> {
        let name = self.name;
        self.parameters.find(|parameter| parameter.name == name)
    }
}
