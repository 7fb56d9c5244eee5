//! FHIR `Coding` and `CodeableConcept` for a procedure.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::{CD2_SYSTEM, CDT_OID, CDT_SYSTEM};
use crate::model::code::{CdtCode, ParseCodeError};
use crate::set::{CodeSet, Procedure};

/// A FHIR `Coding` (R4 and R5): a code together with the system it comes
/// from. Serialises to the JSON FHIR expects, with keys in this order and
/// absent values left out:
///
/// ```json
/// {"system": "http://www.ada.org/cdt", "version": "2026", "code": "D0120"}
/// ```
///
/// `version` is the year of the newest edition containing the code
/// (`2026`; `2011` for CDT-2011/2012), the code system version a server
/// holds it under (see [`CodeSystem`](super::CodeSystem)). `display` is the code system's own
/// display, the ADA nomenclature: present only with licensed data, never
/// our paraphrase, which validators would flag as a wrong display. Other elements a FHIR document may carry (`id`,
/// `extension`, `userSelected`) are ignored when reading.
///
/// ```
/// use cdt_codes::Coding;
///
/// let procedure = cdt_codes::lookup("D0120").unwrap();
/// let coding = Coding::from_procedure(procedure);
/// assert_eq!(coding.system.as_deref(), Some(cdt_codes::CDT_SYSTEM));
/// assert_eq!(coding.version.as_deref(), Some("2026"));
///
/// let json = serde_json::to_string(&coding)?;
/// if cdt_codes::DATA_SOURCE == cdt_codes::DataSource::Bundled {
///     assert_eq!(json, r#"{"system":"http://www.ada.org/cdt","version":"2026","code":"D0120"}"#);
/// }
///
/// let read: Coding = serde_json::from_str(&json)?;
/// assert_eq!(read.procedure()?, procedure);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Coding {
    /// The code system's URI: [`CDT_SYSTEM`] for CDT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// The version of the code system: for CDT the edition's year, e.g.
    /// `"2026"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The code, e.g. `"D0120"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The code system's display: the official nomenclature, absent
    /// without licensed data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
}

impl Coding {
    /// The coding of a procedure: system [`CDT_SYSTEM`], the code, and as
    /// `display` the official nomenclature when licensed data is present
    /// (absent otherwise).
    ///
    /// `version` is the newest edition that contains the code:
    /// [`CDT_EDITION`](crate::CDT_EDITION) for a code in force, the edition
    /// before its deletion for a deleted one.
    ///
    /// ```
    /// use cdt_codes::Coding;
    ///
    /// let in_force = Coding::from_procedure(cdt_codes::lookup("D0120").unwrap());
    /// assert_eq!(in_force.version.as_deref(), Some("2026"));
    ///
    /// let deleted = Coding::from_procedure(cdt_codes::lookup("D1352").unwrap());
    /// assert_eq!(deleted.version.as_deref(), Some("2025")); // deleted in CDT 2026
    ///
    /// // Deleted in CDT 2013: the edition before was CDT-2011/2012.
    /// let d0360 = Coding::from_procedure(cdt_codes::lookup("D0360").unwrap());
    /// assert_eq!(d0360.version.as_deref(), Some("2011"));
    /// ```
    #[must_use]
    pub fn from_procedure(procedure: Procedure<'_>) -> Coding {
        let version = match procedure.deleted_in() {
            Some(deleted_in) => deleted_in.previous(),
            None => Some(procedure.set().edition()),
        };
        Coding {
            system: Some(CDT_SYSTEM.into()),
            version: version.map(super::codesystem::version),
            code: Some(procedure.code().to_string()),
            display: procedure.nomenclature().map(Into::into),
        }
    }

    /// Whether the coding's system is CDT: [`CDT_SYSTEM`], [`CDT_OID`] or
    /// HL7's older [`CD2_SYSTEM`].
    ///
    /// ```
    /// use cdt_codes::Coding;
    ///
    /// let mut coding = Coding::from_procedure(cdt_codes::lookup("D0120").unwrap());
    /// assert!(coding.is_cdt());
    /// coding.system = Some("http://www.ama-assn.org/go/cpt".into());
    /// assert!(!coding.is_cdt());
    /// ```
    #[must_use]
    pub fn is_cdt(&self) -> bool {
        matches!(
            self.system.as_deref(),
            Some(CDT_SYSTEM | CDT_OID | CD2_SYSTEM)
        )
    }

    /// The record of the coded procedure. `version` and `display` are not
    /// checked: the code decides.
    ///
    /// # Errors
    ///
    /// [`FhirError`] when the system is missing or not CDT, or the code is
    /// missing, malformed or not defined in the data.
    ///
    /// ```
    /// use cdt_codes::{Coding, FhirError};
    ///
    /// let coding: Coding = serde_json::from_str(
    ///     r#"{"system": "http://snomed.info/sct", "code": "234723000"}"#,
    /// )?;
    /// assert_eq!(
    ///     coding.procedure(),
    ///     Err(FhirError::WrongSystem { found: "http://snomed.info/sct".into() })
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn procedure(&self) -> Result<Procedure<'static>, FhirError> {
        self.procedure_in(CodeSet::compiled())
    }

    /// The record of the coded procedure in `set`, such as a licensed file
    /// loaded at run time; see [`Coding::procedure`].
    ///
    /// # Errors
    ///
    /// As [`Coding::procedure`].
    ///
    /// ```
    /// use cdt_codes::{CodeSet, Coding};
    ///
    /// let set = CodeSet::load("2027.csv", b"code,nomenclature\nD0198,made-up code (test text)\n", cdt_codes::Edition::new(2027).unwrap())?;
    /// let coding = Coding::from_procedure(set.lookup("D0198").unwrap());
    /// assert_eq!(coding.procedure_in(&set)?.code().to_string(), "D0198");
    /// assert!(coding.procedure().is_err()); // not in the compiled data
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn procedure_in<'a>(&self, set: &'a CodeSet) -> Result<Procedure<'a>, FhirError> {
        match self.system.as_deref() {
            None => return Err(FhirError::MissingSystem),
            Some(CDT_SYSTEM | CDT_OID | CD2_SYSTEM) => {}
            Some(found) => {
                return Err(FhirError::WrongSystem {
                    found: found.into(),
                })
            }
        }
        let text = self.code.as_deref().ok_or(FhirError::MissingCode)?;
        let code = CdtCode::parse(text).map_err(|source| FhirError::MalformedCode {
            code: text.into(),
            source,
        })?;
        set.get(code).ok_or(FhirError::UnknownCode { code })
    }
}

impl From<Procedure<'_>> for Coding {
    /// The same as [`Coding::from_procedure`].
    fn from(procedure: Procedure<'_>) -> Coding {
        Coding::from_procedure(procedure)
    }
}

impl TryFrom<&Coding> for Procedure<'static> {
    type Error = FhirError;

    /// The same as [`Coding::procedure`].
    fn try_from(coding: &Coding) -> Result<Self, Self::Error> {
        coding.procedure()
    }
}

/// A FHIR `CodeableConcept`: codings and the text a person entered or
/// sees. For a procedure, one CDT [`Coding`] (no display without licensed
/// data) and our own description as `text`, which FHIR leaves free:
///
/// ```json
/// {"coding": [{"system": "http://www.ada.org/cdt", "version": "2026", "code": "D0120"}],
///  "text": "our own description of D0120"}
/// ```
///
/// Other elements (`id`, `extension`) are ignored when reading.
///
/// ```
/// use cdt_codes::CodeableConcept;
///
/// let procedure = cdt_codes::lookup("D0120").unwrap();
/// let concept = CodeableConcept::from_procedure(procedure);
/// assert_eq!(concept.text.as_deref(), Some(procedure.description()));
/// assert_eq!(concept.coding[0].code.as_deref(), Some("D0120"));
///
/// let json = serde_json::to_string(&concept)?;
/// let read: CodeableConcept = serde_json::from_str(&json)?;
/// assert_eq!(read.procedure()?, procedure);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct CodeableConcept {
    /// The codings, in any order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coding: Vec<Coding>,
    /// Plain text for the concept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl CodeableConcept {
    /// The concept of a procedure: its [`Coding`], and our description as
    /// `text`.
    ///
    /// ```
    /// let concept = cdt_codes::CodeableConcept::from_procedure(cdt_codes::lookup("D1352").unwrap());
    /// assert_eq!(concept.coding[0].version.as_deref(), Some("2025"));
    /// ```
    #[must_use]
    pub fn from_procedure(procedure: Procedure<'_>) -> CodeableConcept {
        let text = procedure.description();
        CodeableConcept {
            coding: alloc::vec![Coding::from_procedure(procedure)],
            text: (!text.is_empty()).then(|| text.into()),
        }
    }

    /// The first CDT coding, if any.
    ///
    /// ```
    /// let d3353 = cdt_codes::lookup("D3353").unwrap();
    /// let concept = cdt_codes::CodeableConcept::from_procedure(d3353);
    /// assert_eq!(concept.cdt_coding().and_then(|c| c.code.as_deref()), Some("D3353"));
    /// assert!(cdt_codes::CodeableConcept::default().cdt_coding().is_none());
    /// ```
    #[must_use]
    pub fn cdt_coding(&self) -> Option<&Coding> {
        self.coding.iter().find(|coding| coding.is_cdt())
    }

    /// The procedure of the first CDT coding, in the compiled data.
    ///
    /// # Errors
    ///
    /// [`FhirError::MissingSystem`] when no coding is CDT, else as
    /// [`Coding::procedure`].
    ///
    /// ```
    /// let concept = cdt_codes::CodeableConcept { text: Some("a filling".into()), ..Default::default() };
    /// assert_eq!(concept.procedure(), Err(cdt_codes::FhirError::MissingSystem));
    /// ```
    pub fn procedure(&self) -> Result<Procedure<'static>, FhirError> {
        self.procedure_in(CodeSet::compiled())
    }

    /// The procedure of the first CDT coding, in `set`.
    ///
    /// # Errors
    ///
    /// As [`CodeableConcept::procedure`].
    ///
    /// ```
    /// let set = cdt_codes::CodeSet::compiled();
    /// let concept = cdt_codes::CodeableConcept::from_procedure(set.lookup("D3353").unwrap());
    /// assert_eq!(concept.procedure_in(set).unwrap().code().to_string(), "D3353");
    /// ```
    pub fn procedure_in<'a>(&self, set: &'a CodeSet) -> Result<Procedure<'a>, FhirError> {
        self.cdt_coding()
            .ok_or(FhirError::MissingSystem)?
            .procedure_in(set)
    }
}

impl From<Procedure<'_>> for CodeableConcept {
    /// The same as [`CodeableConcept::from_procedure`].
    fn from(procedure: Procedure<'_>) -> CodeableConcept {
        CodeableConcept::from_procedure(procedure)
    }
}

/// Why a [`Coding`] does not name a CDT procedure.
///
/// ```
/// use cdt_codes::{Coding, FhirError};
///
/// let coding = Coding {
///     system: Some(cdt_codes::CDT_SYSTEM.into()),
///     code: Some("D0000".into()),
///     ..Coding::default()
/// };
/// let error = coding.procedure().unwrap_err();
/// assert!(matches!(error, FhirError::UnknownCode { .. }));
/// assert_eq!(error.to_string(), "the coding's code D0000 is not a CDT code in the data");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FhirError {
    /// The coding has no `system`.
    #[error("the coding has no system; a CDT coding has system {CDT_SYSTEM:?}")]
    MissingSystem,
    /// The coding's `system` is not CDT.
    #[error("the coding's system is {found:?}, not CDT ({CDT_SYSTEM:?})")]
    WrongSystem {
        /// The system given.
        found: String,
    },
    /// The coding has no `code`.
    #[error("the coding has no code")]
    MissingCode,
    /// The coding's `code` is not a well-formed CDT code.
    #[error("the coding's code {code:?} is malformed: {source}")]
    MalformedCode {
        /// The code given.
        code: String,
        /// What is wrong with it.
        source: ParseCodeError,
    },
    /// The coding's `code` is well-formed but not defined in the data.
    #[error("the coding's code {code} is not a CDT code in the data")]
    UnknownCode {
        /// The code given.
        code: CdtCode,
    },
    /// A resource read as an operation's result is not of the type it
    /// should be.
    #[error("expected a {expected} resource, found {found:?}")]
    WrongResourceType {
        /// The resource type wanted.
        expected: &'static str,
        /// The `resourceType` found.
        found: String,
    },
    /// A `Parameters` resource lacks a parameter the operation always
    /// returns.
    #[error("the parameters have no {name:?}")]
    MissingParameter {
        /// The parameter's name.
        name: &'static str,
    },
    /// A value set names a version of CDT the set does not hold.
    #[error("the code set holds no CDT version {version:?}")]
    UnknownVersion {
        /// The version given.
        version: String,
    },
    /// A value set filter the crate does not evaluate.
    #[error(
        "the filter {property:?} {op:?} is not supported: filters test category, \
         subcategory, inactive or status with \"=\""
    )]
    UnsupportedFilter {
        /// The property tested.
        property: String,
        /// The operator.
        op: String,
    },
    /// A parameter has a value of the wrong type.
    #[error("the parameter {name:?} has a value of the wrong type")]
    WrongParameterType {
        /// The parameter's name.
        name: String,
    },
}
