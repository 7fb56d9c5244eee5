//! A FHIR R4 transaction `Bundle` that loads every resource of the crate
//! into a terminology server in one request.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};

use super::{CodeSystem, ConceptMap, Form, NamingSystem, ValueSet};
use crate::set::CodeSet;

/// A FHIR R4 `Bundle` of type `transaction`: every edition's
/// [`CodeSystem`], the supplement of the newest, every [`ValueSet`] (in
/// filter form, expanded by the server from the code system), the
/// [`ConceptMap`] and the [`NamingSystem`]. `POST` it to the server's base
/// URL; each entry is a `PUT` to the resource's id, so posting it again
/// after an update replaces rather than duplicates.
///
/// ```json
/// {"resourceType": "Bundle", "type": "transaction", "entry": [
///   {"resource": {"resourceType": "CodeSystem", "id": "cdt-2000", …},
///    "request": {"method": "PUT", "url": "CodeSystem/cdt-2000"}}, …]}
/// ```
///
/// ```
/// use cdt_codes::fhir::{Bundle, Resource};
///
/// let set = cdt_codes::CodeSet::compiled();
/// let bundle = Bundle::load(set);
/// assert_eq!(bundle.type_, "transaction");
/// let systems = bundle.entry.iter().filter(|e| matches!(&e.resource, Resource::CodeSystem(s) if s.content == "complete"));
/// assert_eq!(systems.count(), set.editions().count());
/// assert!(bundle.entry.iter().any(|e| e.request.url == "NamingSystem/cdt"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Bundle {
    /// Always `Bundle`.
    pub resource_type: String,
    /// `transaction`.
    #[serde(rename = "type")]
    pub type_: String,
    /// The resources, each with its request.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entry: Vec<Entry>,
}

/// One resource of a [`Bundle`] and how to store it.
///
/// ```
/// let bundle = cdt_codes::fhir::Bundle::load(cdt_codes::CodeSet::compiled());
/// assert_eq!(bundle.entry[0].request.url, "CodeSystem/cdt-2000");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The resource.
    pub resource: Resource,
    /// The request that stores it.
    pub request: Request,
}

/// The request of an [`Entry`]: `PUT` to `Type/id`.
///
/// ```
/// let request = cdt_codes::fhir::Request { method: "PUT".into(), url: "CodeSystem/cdt-2026".into() };
/// assert_eq!(serde_json::to_string(&request)?, r#"{"method":"PUT","url":"CodeSystem/cdt-2026"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// The HTTP verb: `PUT`.
    pub method: String,
    /// Where, relative to the server's base.
    pub url: String,
}

/// A resource the crate writes; in JSON, the resource itself (its
/// `resourceType` says which).
///
/// ```
/// use cdt_codes::fhir::{NamingSystem, Resource};
///
/// let resource = Resource::NamingSystem(Box::new(NamingSystem::of(cdt_codes::CodeSet::compiled())));
/// assert_eq!(resource.id(), Some("cdt"));
/// let json = serde_json::to_string(&resource)?;
/// assert!(json.starts_with(r#"{"resourceType":"NamingSystem""#));
/// assert_eq!(serde_json::from_str::<Resource>(&json)?, resource);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Resource {
    /// A code system or supplement.
    #[serde(deserialize_with = "code_system")]
    CodeSystem(Box<CodeSystem>),
    /// A value set.
    #[serde(deserialize_with = "value_set")]
    ValueSet(Box<ValueSet>),
    /// The concept map.
    #[serde(deserialize_with = "concept_map")]
    ConceptMap(Box<ConceptMap>),
    /// The naming system.
    #[serde(deserialize_with = "naming_system")]
    NamingSystem(Box<NamingSystem>),
}

impl Resource {
    /// The resource type, as in its `resourceType`.
    ///
    /// ```
    /// let bundle = cdt_codes::fhir::Bundle::load(cdt_codes::CodeSet::compiled());
    /// assert_eq!(bundle.entry[0].resource.resource_type(), "CodeSystem");
    /// ```
    #[must_use]
    pub fn resource_type(&self) -> &str {
        match self {
            Resource::CodeSystem(r) => &r.resource_type,
            Resource::ValueSet(r) => &r.resource_type,
            Resource::ConceptMap(r) => &r.resource_type,
            Resource::NamingSystem(r) => &r.resource_type,
        }
    }

    /// The resource's logical id.
    ///
    /// ```
    /// let bundle = cdt_codes::fhir::Bundle::load(cdt_codes::CodeSet::compiled());
    /// assert_eq!(bundle.entry[0].resource.id(), Some("cdt-2000"));
    /// ```
    #[must_use]
    pub fn id(&self) -> Option<&str> {
        match self {
            Resource::CodeSystem(r) => r.id.as_deref(),
            Resource::ValueSet(r) => r.id.as_deref(),
            Resource::ConceptMap(r) => r.id.as_deref(),
            Resource::NamingSystem(r) => r.id.as_deref(),
        }
    }
}

/// Reads a resource and checks its `resourceType`.
macro_rules! typed {
    ($name:ident, $type:ident) => {
        fn $name<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Box<$type>, D::Error> {
            let resource = $type::deserialize(deserializer)?;
            if resource.resource_type == stringify!($type) {
                Ok(Box::new(resource))
            } else {
                Err(D::Error::custom(alloc::format!(
                    "expected a {}, found {:?}",
                    stringify!($type),
                    resource.resource_type
                )))
            }
        }
    };
}

typed!(code_system, CodeSystem);
typed!(value_set, ValueSet);
typed!(concept_map, ConceptMap);
typed!(naming_system, NamingSystem);

impl Bundle {
    /// The transaction that loads the set into a server: every edition's
    /// code system (oldest first), the newest edition's supplement, every
    /// value set, the concept map and the naming system.
    ///
    /// ```
    /// use cdt_codes::fhir::Bundle;
    ///
    /// let bundle = Bundle::load(cdt_codes::CodeSet::compiled());
    /// let mut urls: Vec<_> = bundle.entry.iter().map(|e| e.request.url.as_str()).collect();
    /// let count = urls.len();
    /// urls.sort();
    /// urls.dedup();
    /// assert_eq!(urls.len(), count, "every entry has its own id");
    /// ```
    #[must_use]
    pub fn load(set: &CodeSet) -> Bundle {
        let mut resources: Vec<Resource> = set
            .editions()
            .map(|edition| Resource::CodeSystem(Box::new(CodeSystem::build(set, edition))))
            .collect();
        resources.push(Resource::CodeSystem(Box::new(CodeSystem::supplement(set))));
        resources.extend(
            ValueSet::all(set, Form::Filter)
                .into_iter()
                .map(|value_set| Resource::ValueSet(Box::new(value_set))),
        );
        resources.push(Resource::ConceptMap(Box::new(ConceptMap::of(set))));
        resources.push(Resource::NamingSystem(Box::new(NamingSystem::of(set))));
        Bundle {
            resource_type: "Bundle".into(),
            type_: "transaction".into(),
            entry: resources
                .into_iter()
                .map(|resource| Entry {
                    request: Request {
                        method: "PUT".into(),
                        url: alloc::format!(
                            "{}/{}",
                            resource.resource_type(),
                            resource.id().unwrap_or_default()
                        ),
                    },
                    resource,
                })
                .collect(),
        }
    }
}
