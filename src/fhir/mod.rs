//! HL7 FHIR R4 (4.0.1) terminology for CDT: the identifiers of the code
//! system, and with the `serde` feature the resources and operation results
//! a terminology service exchanges.
//!
//! FHIR names a code system by a URI. The canonical one for CDT is
//! [`CDT_SYSTEM`]; HL7 v3 and CDA documents name it by its OID instead,
//! given here in the `urn:oid:` form FHIR uses for OIDs ([`CDT_OID`]).
//!
//! With `serde`:
//!
//! - `Coding` and `CodeableConcept`: a procedure as FHIR data. A
//!   coding's `display` is the code system's own display, the ADA
//!   nomenclature, so it is present only with licensed data; our own words
//!   travel as the concept's `text`.
//! - `CodeSystem`: every code of a code set, deleted ones as retired, with
//!   its category, subcategory and history as properties; a file to load
//!   into a FHIR terminology server.
//! - `ValueSet`: the codes of a category or subcategory, or every code in
//!   force in an edition.
//! - `Lookup` and `ValidateCode`: the answers of `$lookup` and
//!   `$validate-code`, written as FHIR `Parameters`.
//!
//! Every builder takes a [`CodeSet`](crate::CodeSet), so a licensed file
//! loaded at run time serves as well as the compiled data.
//!
//! # Choices
//!
//! - **No display without licensed data.** FHIR defines `display` as the
//!   code system's own text for the code; validators compare it with the
//!   official one. The bundled descriptions are a designation with a use of
//!   our own ([`SUMMARY_USE_SYSTEM`], [`SUMMARY_USE_CODE`]).
//! - **`content`.** A code system is `complete` only when the set comes from
//!   a licensed file and every code in force in its edition has its official
//!   nomenclature; otherwise `fragment`. With bundled data the codes are all
//!   there but the code system's own displays and definitions are not, and a
//!   server told `complete` would treat the resource as the whole
//!   definition of CDT, displays included.
//! - **No grouping concepts.** Categories and subcategories are not CDT
//!   codes; making them concepts of `http://www.ada.org/cdt` would let a
//!   server accept `Endodontics` as a CDT code. The concept list is flat,
//!   category and subcategory are properties, `hierarchyMeaning` is
//!   `grouped-by` (the weakest claim: no concept is a kind of another).
//! - **Standard properties.** `inactive` (R4) and `status` (`active` or
//!   `retired`; standard from R5, declared in the resource so R4 servers
//!   read it as an ordinary property).

#[cfg(feature = "serde")]
mod codesystem;
#[cfg(feature = "serde")]
mod coding;
#[cfg(feature = "serde")]
mod elements;
#[cfg(feature = "serde")]
mod operations;
#[cfg(feature = "serde")]
mod valueset;

#[cfg(feature = "serde")]
pub use codesystem::{CodeSystem, CodeSystemFilter, Concept, PropertyDefinition, PropertyValues};
#[cfg(feature = "serde")]
pub use coding::{CodeableConcept, Coding, FhirError};
#[cfg(feature = "serde")]
pub use elements::{ConceptProperty, Designation, Identifier, Value};
#[cfg(feature = "serde")]
pub use operations::{Lookup, Named, Parameter, Parameters, ValidateCode};
#[cfg(feature = "serde")]
pub use valueset::{Codes, Compose, Filter, Form, Include, IncludeConcept, ValueSet};

/// The FHIR `system` URI of CDT, as registered in HL7's terminology
/// (THO): `http://www.ada.org/cdt`.
///
/// ```
/// assert_eq!(cdt_codes::CDT_SYSTEM, "http://www.ada.org/cdt");
/// ```
pub const CDT_SYSTEM: &str = "http://www.ada.org/cdt";

/// The OID of CDT, `2.16.840.1.113883.6.13`, in the `urn:oid:` form FHIR
/// uses when a system is named by OID. Strip the prefix for HL7 v2 or CDA,
/// which take the bare OID.
///
/// ```
/// let bare = cdt_codes::CDT_OID.strip_prefix("urn:oid:");
/// assert_eq!(bare, Some("2.16.840.1.113883.6.13"));
/// ```
pub const CDT_OID: &str = "urn:oid:2.16.840.1.113883.6.13";

/// The system of the designation `use` that marks a description written
/// for cdt-codes: a plain-language summary, not ADA text. The code is
/// [`SUMMARY_USE_CODE`].
///
/// ```
/// assert!(cdt_codes::fhir::SUMMARY_USE_SYSTEM.starts_with("https://github.com/cdt-codes/"));
/// ```
pub const SUMMARY_USE_SYSTEM: &str = "https://github.com/cdt-codes/cdt-codes/fhir/designation-use";

/// The code of the designation `use` for our own descriptions, in
/// [`SUMMARY_USE_SYSTEM`].
///
/// ```
/// assert_eq!(cdt_codes::fhir::SUMMARY_USE_CODE, "summary");
/// ```
pub const SUMMARY_USE_CODE: &str = "summary";

/// The base of the canonical URLs of the value sets this crate defines
/// (the value sets are ours, not the ADA's, so they are not under
/// [`CDT_SYSTEM`]). Set a value set's `url` to publish it under your own.
///
/// ```
/// assert!(cdt_codes::fhir::VALUE_SET_BASE.ends_with("/ValueSet"));
/// ```
pub const VALUE_SET_BASE: &str = "https://github.com/cdt-codes/cdt-codes/fhir/ValueSet";

/// The code system's computable name (`CodeSystem.name`).
#[cfg(feature = "serde")]
const NAME: &str = "CDT";

/// The code system's title (`CodeSystem.title`, the `name` of `$lookup`).
#[cfg(feature = "serde")]
const TITLE: &str = "Code on Dental Procedures and Nomenclature (CDT)";

/// The code system's publisher.
#[cfg(feature = "serde")]
const PUBLISHER: &str = "American Dental Association";
