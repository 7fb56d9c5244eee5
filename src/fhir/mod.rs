//! HL7 FHIR R4 (4.0.1) terminology for CDT: the identifiers of the code
//! system, and with the `serde` feature the resources a terminology server
//! loads and the answers of the operations it serves.
//!
//! FHIR names a code system by a URI. The canonical one for CDT is
//! [`CDT_SYSTEM`]; HL7 v3 and CDA documents name it by its OID instead,
//! given here in the `urn:oid:` form FHIR uses for OIDs ([`CDT_OID`]).
//! HL7's terminology (THO) also lists an older URI,
//! [`CD2_SYSTEM`], which codings from older
//! systems still carry: it is read as CDT too.
//!
//! With `serde`:
//!
//! - `Coding` and `CodeableConcept`: a procedure as FHIR data. A
//!   coding's `display` is the code system's own display, the ADA
//!   nomenclature, so it is present only with licensed data; our own words
//!   travel as the concept's `text`.
//! - `CodeSystem`: every code of an edition, deleted ones as retired, with
//!   its category, subcategory, history and our summary as properties
//!   (`content` `complete`); `CodeSystem::supplement` carries the same
//!   properties for a server that already holds the ADA's own code system.
//! - `ValueSet`: the codes of a category or subcategory, or every code in
//!   force in an edition; `Expand` writes its expansion (`$expand`, with
//!   a text filter and paging), or the whole code system's.
//! - `ConceptMap`: each deleted code to the codes that replace it.
//! - `NamingSystem`: the URI, the OID and the older CD2 URI of CDT.
//! - `Bundle`: all of these in one transaction to `POST` to a server.
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
//!   official one, and count any designation as an acceptable display. The
//!   bundled descriptions are therefore neither: they are the concept
//!   property `summary`.
//! - **`content` `complete`.** Every code of an edition is present,
//!   retired ones included, so a server indexes them all and can expand
//!   filtered value sets. `display` is optional in FHIR; without licensed
//!   data it is left out.
//! - **`version` is the year** the edition took effect (`2026`;
//!   CDT-2011/2012 is `2011`), as HL7's guidance and the US guides write
//!   CDT versions. The edition's label is in the `title`.
//! - **The ADA publishes CDT; this crate renders it.** `publisher` is
//!   cdt-codes, and `copyright` says the code system is the ADA's and what
//!   the resource holds of it.
//! - **No grouping concepts.** Categories and subcategories are not CDT
//!   codes; making them concepts of `http://www.ada.org/cdt` would let a
//!   server accept `Endodontics` as a CDT code. The concept list is flat,
//!   category and subcategory are properties, `hierarchyMeaning` is
//!   `grouped-by` (the weakest claim: no concept is a kind of another).
//! - **Standard properties.** `inactive` (R4) and `status` (`active` or
//!   `retired`; standard from R5, declared in the resource so R4 servers
//!   read it as an ordinary property).
//! - **Retired is not unknown.** `$validate-code` without a date answers
//!   `result` `true` for a retired code of the system, with a message that
//!   it is inactive, as HL7's validator and servers do; with a date of
//!   service, the crate's date rules decide.

#[cfg(feature = "serde")]
mod bundle;
#[cfg(feature = "serde")]
mod codesystem;
#[cfg(feature = "serde")]
mod coding;
#[cfg(feature = "serde")]
mod conceptmap;
#[cfg(feature = "serde")]
mod elements;
#[cfg(feature = "serde")]
mod expand;
#[cfg(feature = "serde")]
mod namingsystem;
#[cfg(feature = "serde")]
mod operations;
#[cfg(feature = "serde")]
mod supplement;
#[cfg(feature = "serde")]
mod valueset;

#[cfg(feature = "serde")]
pub use bundle::{Bundle, Entry, Request, Resource};
#[cfg(feature = "serde")]
pub use codesystem::{CodeSystem, CodeSystemFilter, Concept, PropertyDefinition, PropertyValues};
#[cfg(feature = "serde")]
pub use coding::{CodeableConcept, Coding, FhirError};
#[cfg(feature = "serde")]
pub use conceptmap::{
    targets, ConceptMap, Group, MapElement, MapTarget, Relationship, Release, TargetCode,
};
#[cfg(feature = "serde")]
pub use elements::{ConceptProperty, Designation, Identifier, Value};
#[cfg(feature = "serde")]
pub use expand::{Contains, Expand, Expansion, ExpansionParameter};
#[cfg(feature = "serde")]
pub use namingsystem::{NamingSystem, UniqueId};
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

/// HL7's earlier URI for CDT, `http://terminology.hl7.org/CodeSystem/CD2`
/// (THO's identification record CD2, "CDT-2 Codes", retired in 2021 in
/// favour of [`CDT_SYSTEM`]). Codings from older systems still carry it;
/// the crate reads it as CDT and never writes it.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use cdt_codes::{fhir::CD2_SYSTEM, Coding};
///
/// let coding = Coding { system: Some(CD2_SYSTEM.into()), code: Some("D0120".into()), ..Coding::default() };
/// assert!(coding.is_cdt());
/// # }
/// ```
pub const CD2_SYSTEM: &str = "http://terminology.hl7.org/CodeSystem/CD2";

/// The base of the canonical URLs of the resources this crate defines
/// beside the code system: value sets, concept map, supplement. They are
/// ours, not the ADA's, so they are not under [`CDT_SYSTEM`].
///
/// ```
/// assert!(cdt_codes::fhir::BASE.starts_with("https://github.com/cdt-codes/"));
/// ```
pub const BASE: &str = "https://github.com/cdt-codes/cdt-codes/fhir";

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

/// The publisher of the resources: this crate, which renders the ADA's
/// code system (the ADA is named in each resource's `copyright`).
#[cfg(feature = "serde")]
const PUBLISHER: &str = "cdt-codes";
