//! `$expand`: the codes of a value set, or of the whole code system, with
//! a text filter (the crate's ranked search) and paging.

use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

use super::codesystem::{known_in, version};
use super::elements::Value;
use super::{FhirError, Filter, Include, ValueSet};
use crate::model::code::CdtCode;
use crate::model::edition::Edition;
use crate::search::Query;
use crate::set::{CodeSet, Procedure};

/// The expansion of a value set (`ValueSet.expansion`): when it was made,
/// how many codes matched, the page of them it lists, and the parameters
/// that shaped it.
///
/// ```json
/// {"timestamp": "2026-12-03T09:30:00Z", "total": 4, "offset": 0,
///  "parameter": [{"name": "filter", "valueString": "bitewing"},
///                {"name": "used-codesystem", "valueUri": "http://www.ada.org/cdt|2026"}],
///  "contains": [{"system": "http://www.ada.org/cdt", "version": "2026", "code": "D0274"}, …]}
/// ```
///
/// ```
/// use cdt_codes::{CodeSet, fhir::Expand};
///
/// let expanded = Expand::new().filter("bitewing").count(2).system(CodeSet::compiled(), None)?;
/// let expansion = expanded.expansion.unwrap();
/// assert!(expansion.total.unwrap() >= 4);
/// assert_eq!(expansion.contains.len(), 2);
/// # Ok::<(), cdt_codes::FhirError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expansion {
    /// An identifier of this expansion; the crate writes none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<String>,
    /// When the expansion was made (a FHIR dateTime).
    pub timestamp: String,
    /// How many codes matched, before paging.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u32>,
    /// The index of the first code listed among all that matched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u32>,
    /// The parameters that shaped the expansion.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parameter: Vec<ExpansionParameter>,
    /// The codes of this page, best match first with a text filter, in
    /// code order without.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contains: Vec<Contains>,
}

/// A parameter of an expansion (`ValueSet.expansion.parameter`).
///
/// ```
/// use cdt_codes::fhir::{ExpansionParameter, Value};
///
/// let p = ExpansionParameter { name: "count".into(), value: Value::Integer(10) };
/// assert_eq!(serde_json::to_string(&p)?, r#"{"name":"count","valueInteger":10}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpansionParameter {
    /// The parameter's name: `filter`, `offset`, `count`, `used-codesystem`.
    pub name: String,
    /// Its value.
    #[serde(flatten)]
    pub value: Value,
}

/// A code of an expansion (`ValueSet.expansion.contains`).
///
/// ```
/// let c = cdt_codes::fhir::Contains { code: Some("D0120".into()), ..Default::default() };
/// assert_eq!(serde_json::to_string(&c)?, r#"{"code":"D0120"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contains {
    /// The code system: [`CDT_SYSTEM`](crate::CDT_SYSTEM).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// `true` for a code retired in the version expanded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inactive: Option<bool>,
    /// The code system version, the edition's year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The official nomenclature; absent without licensed data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
}

/// The request of `$expand`: an optional text `filter`, matched and ranked
/// by the crate's search ([`Query`]), and paging by `offset` and `count`.
/// Expand one of the crate's value sets with [`Expand::value_set`], or the
/// whole code system (retired codes included, flagged `inactive`) with
/// [`Expand::system`].
///
/// With a filter, codes come best match first; without, in code order.
/// `total` counts every match, whatever the page.
///
/// ```
/// use cdt_codes::{Category, CodeSet, fhir::{Expand, Form, ValueSet}};
///
/// let set = CodeSet::compiled();
/// let endo = ValueSet::category(set, Category::Endodontics, None, Form::Filter)?;
/// let page = Expand::new().filter("apexification").count(2).value_set(set, &endo)?;
/// let codes: Vec<_> = page.expansion.unwrap().contains.into_iter().filter_map(|c| c.code).collect();
/// assert_eq!(codes, ["D3351", "D3352"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Expand<'q> {
    filter: Option<&'q str>,
    offset: u32,
    count: Option<u32>,
    timestamp: Option<&'q str>,
}

impl<'q> Expand<'q> {
    /// Every code, from the first, unfiltered.
    ///
    /// ```
    /// let request = cdt_codes::fhir::Expand::new();
    /// assert_eq!(request, cdt_codes::fhir::Expand::default());
    /// ```
    #[must_use]
    pub const fn new() -> Expand<'q> {
        Expand {
            filter: None,
            offset: 0,
            count: None,
            timestamp: None,
        }
    }

    /// Keeps the codes the text matches, best first. Text that matches
    /// nothing gives an empty expansion.
    ///
    /// ```
    /// use cdt_codes::{CodeSet, fhir::Expand};
    ///
    /// let none = Expand::new().filter("!!!").system(CodeSet::compiled(), None)?;
    /// assert_eq!(none.expansion.unwrap().total, Some(0));
    /// # Ok::<(), cdt_codes::FhirError>(())
    /// ```
    #[must_use]
    pub const fn filter(self, text: &'q str) -> Expand<'q> {
        Expand {
            filter: Some(text),
            ..self
        }
    }

    /// Skips the first `offset` matches.
    ///
    /// ```
    /// use cdt_codes::{CodeSet, fhir::Expand};
    ///
    /// let set = CodeSet::compiled();
    /// let second = Expand::new().offset(1).count(1).system(set, None)?;
    /// let expansion = second.expansion.unwrap();
    /// assert_eq!(expansion.offset, Some(1));
    /// assert_eq!(expansion.contains[0].code.as_deref(), Some(set.iter().nth(1).unwrap().code().to_string().as_str()));
    /// # Ok::<(), cdt_codes::FhirError>(())
    /// ```
    #[must_use]
    pub const fn offset(self, offset: u32) -> Expand<'q> {
        Expand { offset, ..self }
    }

    /// Lists at most `count` codes (every match by default); `0` gives
    /// only the `total`.
    ///
    /// ```
    /// use cdt_codes::{CodeSet, fhir::Expand};
    ///
    /// let counted = Expand::new().count(0).system(CodeSet::compiled(), None)?;
    /// let expansion = counted.expansion.unwrap();
    /// assert!(expansion.contains.is_empty() && expansion.total > Some(900));
    /// # Ok::<(), cdt_codes::FhirError>(())
    /// ```
    #[must_use]
    pub const fn count(self, count: u32) -> Expand<'q> {
        Expand {
            count: Some(count),
            ..self
        }
    }

    /// The expansion's `timestamp` (a FHIR dateTime); by default the
    /// current time with `std`, the edition's date without.
    ///
    /// ```
    /// use cdt_codes::{CodeSet, fhir::Expand};
    ///
    /// let fixed = Expand::new().timestamp("2026-03-01T00:00:00Z").count(0).system(CodeSet::compiled(), None)?;
    /// assert_eq!(fixed.expansion.unwrap().timestamp, "2026-03-01T00:00:00Z");
    /// # Ok::<(), cdt_codes::FhirError>(())
    /// ```
    #[must_use]
    pub const fn timestamp(self, timestamp: &'q str) -> Expand<'q> {
        Expand {
            timestamp: Some(timestamp),
            ..self
        }
    }

    /// The expansion of every code of the code system version `edition`
    /// (the set's newest when `None`), retired ones included with
    /// `inactive` `true`: see [`ValueSet::whole_system`].
    ///
    /// # Errors
    ///
    /// [`FhirError::UnknownVersion`] when the set does not hold `edition`.
    ///
    /// ```
    /// use cdt_codes::{CodeSet, Edition, fhir::Expand};
    ///
    /// let set = CodeSet::compiled();
    /// let found = Expand::new().filter("preventive resin").system(set, None)?;
    /// let d1352 = found.expansion.unwrap().contains.into_iter().find(|c| c.code.as_deref() == Some("D1352")).unwrap();
    /// assert_eq!(d1352.inactive, Some(true)); // deleted in CDT 2026
    /// assert!(Expand::new().system(set, Edition::new(2099).ok()).is_err());
    /// # Ok::<(), cdt_codes::FhirError>(())
    /// ```
    pub fn system(&self, set: &CodeSet, edition: Option<Edition>) -> Result<ValueSet, FhirError> {
        let whole =
            ValueSet::whole_system(set, edition).map_err(|e| FhirError::UnknownVersion {
                version: e.edition.to_string(),
            })?;
        self.value_set(set, &whole)
    }

    /// The expansion of a value set over CDT: its listed codes, or the
    /// codes its filters choose (`category`, `subcategory`, `inactive` and
    /// `status`, with `=`), or with neither the whole code system version;
    /// then the text filter and the page. The value set comes back with
    /// its `expansion`.
    ///
    /// # Errors
    ///
    /// A [`FhirError`] when an include names another system
    /// ([`FhirError::WrongSystem`], [`FhirError::MissingSystem`]), a
    /// version the set does not hold ([`FhirError::UnknownVersion`]), a
    /// filter the crate does not evaluate ([`FhirError::UnsupportedFilter`])
    /// or a listed code the version does not know
    /// ([`FhirError::UnknownCode`], [`FhirError::MalformedCode`]).
    ///
    /// ```
    /// use cdt_codes::{Category, CodeSet, FhirError, fhir::{Expand, Filter, Form, ValueSet}};
    ///
    /// let set = CodeSet::compiled();
    /// let mut ortho = ValueSet::category(set, Category::Orthodontics, None, Form::Filter)?;
    /// let expansion = Expand::new().value_set(set, &ortho)?.expansion.unwrap();
    /// assert!(expansion.contains.iter().all(|c| c.code.as_deref().unwrap().starts_with("D8")));
    ///
    /// ortho.compose.as_mut().unwrap().include[0].filter.push(Filter { property: "concept".into(), op: "is-a".into(), value: "D8000".into() });
    /// assert!(matches!(Expand::new().value_set(set, &ortho), Err(FhirError::UnsupportedFilter { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn value_set(&self, set: &CodeSet, value_set: &ValueSet) -> Result<ValueSet, FhirError> {
        let mut members: BTreeMap<CdtCode, Edition> = BTreeMap::new();
        let mut versions: Vec<Edition> = Vec::new();
        for include in value_set.include() {
            let edition = include_edition(set, include)?;
            if !versions.contains(&edition) {
                versions.push(edition);
            }
            for procedure in include_members(set, include, edition)? {
                members.entry(procedure.code()).or_insert(edition);
            }
        }
        let chosen: Vec<(Procedure<'_>, Edition)> = match self.filter {
            Some(text) => Query::new(text)
                .include_deleted(true)
                .run_in(set)
                .filter_map(|procedure| {
                    members
                        .get(&procedure.code())
                        .map(|edition| (procedure, *edition))
                })
                .collect(),
            None => members
                .iter()
                .filter_map(|(code, edition)| set.get(*code).map(|p| (p, *edition)))
                .collect(),
        };
        let total = chosen.len();
        let skip = usize::try_from(self.offset).unwrap_or(usize::MAX);
        let take = self.count.map_or(usize::MAX, |count| {
            usize::try_from(count).unwrap_or(usize::MAX)
        });
        let contains = chosen
            .iter()
            .skip(skip)
            .take(take)
            .map(|(procedure, edition)| Contains {
                system: Some(super::CDT_SYSTEM.into()),
                inactive: (!procedure.is_active_in(*edition)).then_some(true),
                version: Some(version(*edition)),
                code: Some(procedure.code().to_string()),
                display: procedure
                    .nomenclature()
                    .filter(|_| *edition == set.edition())
                    .map(Into::into),
            })
            .collect();
        let mut parameter = Vec::new();
        if let Some(text) = self.filter {
            parameter.push(ExpansionParameter {
                name: "filter".into(),
                value: Value::String(text.into()),
            });
        }
        if self.offset > 0 {
            parameter.push(ExpansionParameter {
                name: "offset".into(),
                value: Value::Integer(i32::try_from(self.offset).unwrap_or(i32::MAX)),
            });
        }
        if let Some(count) = self.count {
            parameter.push(ExpansionParameter {
                name: "count".into(),
                value: Value::Integer(i32::try_from(count).unwrap_or(i32::MAX)),
            });
        }
        for edition in versions {
            parameter.push(ExpansionParameter {
                name: "used-codesystem".into(),
                value: Value::Uri(alloc::format!("{}|{}", super::CDT_SYSTEM, version(edition))),
            });
        }
        let mut expanded = value_set.clone();
        expanded.expansion = Some(Expansion {
            identifier: None,
            timestamp: self
                .timestamp
                .map_or_else(|| now(set.edition()), Into::into),
            total: Some(u32::try_from(total).unwrap_or(u32::MAX)),
            offset: Some(self.offset),
            parameter,
            contains,
        });
        Ok(expanded)
    }
}

/// The code system version an include names: the set's newest when it
/// names none.
fn include_edition(set: &CodeSet, include: &Include) -> Result<Edition, FhirError> {
    match include.system.as_deref() {
        None => return Err(FhirError::MissingSystem),
        Some(super::CDT_SYSTEM | super::CDT_OID | super::CD2_SYSTEM) => {}
        Some(found) => {
            return Err(FhirError::WrongSystem {
                found: found.into(),
            })
        }
    }
    match include.version.as_deref() {
        None => Ok(set.edition()),
        Some(text) => text
            .parse::<Edition>()
            .ok()
            .filter(|edition| set.holds(*edition))
            .ok_or_else(|| FhirError::UnknownVersion {
                version: text.into(),
            }),
    }
}

/// The codes an include chooses in `edition`.
fn include_members<'s>(
    set: &'s CodeSet,
    include: &Include,
    edition: Edition,
) -> Result<Vec<Procedure<'s>>, FhirError> {
    if !include.concept.is_empty() {
        return include
            .concept
            .iter()
            .map(|concept| {
                let code =
                    CdtCode::parse(&concept.code).map_err(|source| FhirError::MalformedCode {
                        code: concept.code.clone(),
                        source,
                    })?;
                set.get(code)
                    .filter(|procedure| known_in(*procedure, edition))
                    .ok_or(FhirError::UnknownCode { code })
            })
            .collect();
    }
    for filter in &include.filter {
        if filter.op != "=" || !FILTERED.contains(&filter.property.as_str()) {
            return Err(FhirError::UnsupportedFilter {
                property: filter.property.clone(),
                op: filter.op.clone(),
            });
        }
    }
    Ok(set
        .iter()
        .filter(|procedure| known_in(*procedure, edition))
        .filter(|procedure| {
            include
                .filter
                .iter()
                .all(|filter| matches(*procedure, edition, filter))
        })
        .collect())
}

/// The properties a filter may test.
const FILTERED: [&str; 4] = ["category", "subcategory", "inactive", "status"];

/// Whether a procedure has the filter's property value in `edition`.
fn matches(procedure: Procedure<'_>, edition: Edition, filter: &Filter) -> bool {
    let active = procedure.is_active_in(edition);
    let value = filter.value.as_str();
    match filter.property.as_str() {
        "category" => procedure.category().name() == value,
        "subcategory" => procedure.subcategory().is_some_and(|s| s.name() == value),
        "inactive" => value == if active { "false" } else { "true" },
        "status" => value == if active { "active" } else { "retired" },
        _ => false,
    }
}

/// The current time as a FHIR dateTime in UTC.
#[cfg(feature = "std")]
fn now(_edition: Edition) -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    let days = i64::try_from(seconds / 86_400).unwrap_or(0);
    let rest = seconds % 86_400;
    let (year, month, day) = crate::model::date::civil_from_days(days);
    alloc::format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Without `std` there is no clock: the date the edition took effect.
#[cfg(not(feature = "std"))]
fn now(edition: Edition) -> String {
    super::codesystem::date(edition)
}

#[cfg(all(test, feature = "std"))]
mod tests {
    #[test]
    fn the_timestamp_is_a_utc_date_time() {
        let text = super::now(crate::Edition::CDT_3);
        assert_eq!(text.len(), 20, "{text}");
        assert!(text.starts_with("20") && text.ends_with('Z'), "{text}");
        let year: u16 = text[..4].parse().unwrap();
        assert!(year >= 2025, "{text}");
    }
}
