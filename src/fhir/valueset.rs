//! FHIR R4 `ValueSet` resources over CDT: a category, a subcategory, every
//! code in force in an edition.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

use super::codesystem::{copyright, date, version};
use super::Expansion;
use crate::model::category::Category;
use crate::model::edition::Edition;
use crate::set::{CodeSet, NotInData, Procedure, Subcategory};

/// How a value set names its codes.
///
/// ```
/// use cdt_codes::{Category, CodeSet, fhir::{Form, ValueSet}};
///
/// let set = CodeSet::compiled();
/// let listed = ValueSet::category(set, Category::Endodontics, None, Form::Codes)?;
/// let codes = &listed.include()[0].concept;
/// assert_eq!(codes[0].code, "D3110"); // the direct pulp cap opens Endodontics
/// assert!(codes.iter().any(|c| c.code == "D3330")); // molar root canal
/// let filtered = ValueSet::category(set, Category::Endodontics, None, Form::Filter)?;
/// assert!(filtered.include()[0].concept.is_empty());
/// assert_eq!(filtered.include()[0].filter[0].value, "Endodontics");
/// # Ok::<(), cdt_codes::NotInData>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Form {
    /// Every code listed (`compose.include.concept`): the value set stands
    /// on its own.
    #[default]
    Codes,
    /// Property filters (`compose.include.filter`, op `=`): a server
    /// expands it against the [`CodeSystem`](super::CodeSystem) it has
    /// loaded.
    Filter,
}

/// A FHIR R4 `ValueSet` resource over CDT: the codes in force in one
/// edition, all of them or those of a category or subcategory; with an
/// `expansion` once [`Expand`](super::Expand) has expanded it.
///
/// The value sets are the crate's, not the ADA's: their URLs start with
/// [`VALUE_SET_BASE`](super::VALUE_SET_BASE) and their publisher is
/// cdt-codes. `compose.include.version` pins the edition. The JSON
/// (abridged):
///
/// ```json
/// {
///   "resourceType": "ValueSet", "id": "cdt-category-endodontics",
///   "url": "https://github.com/cdt-codes/cdt-codes/fhir/ValueSet/cdt-category-endodontics",
///   "version": "2026", "name": "CdtCategoryEndodontics", "title": "…", "status": "active",
///   "experimental": false, "date": "2026-01-01", "publisher": "cdt-codes", "description": "…",
///   "copyright": "…",
///   "compose": {"include": [{"system": "http://www.ada.org/cdt", "version": "2026",
///                            "concept": [{"code": "D3110"}, …]}]}
/// }
/// ```
///
/// With [`Form::Filter`] the include has
/// `"filter": [{"property": "category", "op": "=", "value": "Endodontics"},
/// {"property": "inactive", "op": "=", "value": "false"}]` instead of
/// `concept`. A listed concept has a `display` only with licensed data.
///
/// ```
/// use cdt_codes::{Category, CodeSet, fhir::{Form, ValueSet}};
///
/// let set = CodeSet::compiled();
/// let endo = ValueSet::category(set, Category::Endodontics, None, Form::Codes)?;
/// assert!(endo.codes().any(|code| code == "D3353"));
/// let json = serde_json::to_string(&endo).unwrap();
/// assert_eq!(serde_json::from_str::<ValueSet>(&json).unwrap(), endo);
/// # Ok::<(), cdt_codes::NotInData>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ValueSet {
    /// Always `ValueSet`.
    pub resource_type: String,
    /// A logical id for a server: the last segment of the URL, e.g.
    /// `cdt-category-endodontics` (shortened with a hash when longer than
    /// FHIR's 64 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The canonical URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The edition's year, as the code system's `version`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// A computable name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The title for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The publication status: `active`.
    pub status: String,
    /// `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experimental: Option<bool>,
    /// The date the edition took effect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// `cdt-codes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// What the value set holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whose code system CDT is, and what the value set holds of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copyright: Option<String>,
    /// The definition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compose: Option<Compose>,
    /// The codes, once expanded (see [`Expand`](super::Expand)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expansion: Option<Expansion>,
}

/// The definition of a value set (`ValueSet.compose`).
///
/// ```
/// let compose = cdt_codes::fhir::Compose::default();
/// assert_eq!(serde_json::to_string(&compose).unwrap(), r#"{"include":[]}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Compose {
    /// The codes included.
    pub include: Vec<Include>,
}

/// Codes from one version of a code system (`ValueSet.compose.include`):
/// listed, or chosen by filters (all of which apply).
///
/// ```
/// let include = cdt_codes::fhir::Include::default();
/// assert!(include.concept.is_empty() && include.filter.is_empty());
/// assert_eq!(serde_json::to_string(&include).unwrap(), "{}"); // nothing yet
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Include {
    /// The code system: [`CDT_SYSTEM`](crate::CDT_SYSTEM).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// Its version, the edition's label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The codes, when listed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub concept: Vec<IncludeConcept>,
    /// The filters, when chosen by property.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub filter: Vec<Filter>,
}

/// A listed code (`ValueSet.compose.include.concept`).
///
/// ```
/// let concept = cdt_codes::fhir::IncludeConcept { code: "D0120".into(), display: None };
/// assert_eq!(serde_json::to_string(&concept).unwrap(), r#"{"code":"D0120"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncludeConcept {
    /// The code.
    pub code: String,
    /// The official nomenclature; absent without licensed data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
}

/// A property filter (`ValueSet.compose.include.filter`).
///
/// ```
/// let filter = cdt_codes::fhir::Filter::equals("category", "Endodontics");
/// assert_eq!(
///     serde_json::to_string(&filter).unwrap(),
///     r#"{"property":"category","op":"=","value":"Endodontics"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    /// The property tested, declared by the code system.
    pub property: String,
    /// The operator: `=`.
    pub op: String,
    /// The value.
    pub value: String,
}

impl Filter {
    /// A `property = value` filter.
    ///
    /// ```
    /// assert_eq!(cdt_codes::fhir::Filter::equals("inactive", "false").op, "=");
    /// ```
    #[must_use]
    pub fn equals(property: &str, value: &str) -> Filter {
        Filter {
            property: property.into(),
            op: "=".into(),
            value: value.into(),
        }
    }
}

/// What a value set selects, before it is written out.
struct Selection<'s> {
    slug: String,
    name: String,
    title: String,
    filters: Vec<Filter>,
    keep: &'s dyn Fn(Procedure<'_>) -> bool,
}

impl ValueSet {
    /// The codes of a category in force in `edition` (the set's newest
    /// when `None`).
    ///
    /// # Errors
    ///
    /// [`NotInData`] when the set does not hold `edition`.
    ///
    /// ```
    /// use cdt_codes::{Category, CodeSet, Edition, fhir::{Form, ValueSet}};
    ///
    /// let set = CodeSet::compiled();
    /// let diag = ValueSet::category(set, Category::Diagnostic, Edition::new(2025).ok(), Form::Codes)?;
    /// assert_eq!(diag.version.as_deref(), Some("2025"));
    /// assert!(!diag.codes().any(|code| code == "D0426")); // added in CDT 2026
    /// # Ok::<(), cdt_codes::NotInData>(())
    /// ```
    pub fn category(
        set: &CodeSet,
        category: Category,
        edition: Option<Edition>,
        form: Form,
    ) -> Result<ValueSet, NotInData> {
        let slug = slug(category.variant_name());
        ValueSet::build(
            set,
            edition,
            form,
            &Selection {
                name: alloc::format!("CdtCategory{}", category.variant_name()),
                title: alloc::format!("CDT codes of the category {}", category.name()),
                slug: alloc::format!("cdt-category-{slug}"),
                filters: alloc::vec![Filter::equals("category", category.name())],
                keep: &|procedure| procedure.category() == category,
            },
        )
    }

    /// The codes under a subcategory heading in force in `edition` (the
    /// set's newest when `None`).
    ///
    /// # Errors
    ///
    /// [`NotInData`] when the set does not hold `edition`.
    ///
    /// ```
    /// use cdt_codes::{CodeSet, fhir::{Form, ValueSet}};
    ///
    /// let set = CodeSet::compiled();
    /// let heading = set.lookup("D0120").unwrap().subcategory().unwrap();
    /// let exams = ValueSet::subcategory(set, heading, None, Form::Filter)?;
    /// assert_eq!(exams.include()[0].filter.len(), 3);
    /// # Ok::<(), cdt_codes::NotInData>(())
    /// ```
    pub fn subcategory(
        set: &CodeSet,
        subcategory: Subcategory<'_>,
        edition: Option<Edition>,
        form: Form,
    ) -> Result<ValueSet, NotInData> {
        let category = subcategory.category();
        let heading = subcategory.name();
        let name: String = heading
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(|word| {
                let mut chars = word.chars();
                chars.next().map_or_else(String::new, |first| {
                    let mut word = first.to_ascii_uppercase().to_string();
                    word.push_str(chars.as_str());
                    word
                })
            })
            .collect();
        ValueSet::build(
            set,
            edition,
            form,
            &Selection {
                name: alloc::format!("CdtSubcategory{}{name}", category.variant_name()),
                title: alloc::format!("CDT codes under {} \u{203a} {heading}", category.name()),
                slug: alloc::format!(
                    "cdt-subcategory-{}-{}",
                    slug(category.variant_name()),
                    slug(heading)
                ),
                filters: alloc::vec![
                    Filter::equals("category", category.name()),
                    Filter::equals("subcategory", heading),
                ],
                keep: &|procedure| procedure.subcategory() == Some(subcategory),
            },
        )
    }

    /// Every code in force in `edition` (the set's newest when `None`).
    ///
    /// # Errors
    ///
    /// [`NotInData`] when the set does not hold `edition`.
    ///
    /// ```
    /// use cdt_codes::{CodeSet, Edition, fhir::{Form, ValueSet}};
    ///
    /// let set = CodeSet::compiled();
    /// let cdt_2013 = ValueSet::in_force(set, Edition::new(2013).ok(), Form::Codes)?;
    /// assert_eq!(cdt_2013.title.as_deref(), Some("Every CDT code in force in CDT 2013"));
    /// assert!(cdt_2013.codes().any(|code| code == "D1352"));
    /// assert!(!cdt_2013.codes().any(|code| code == "D0360")); // deleted in CDT 2013
    /// # Ok::<(), cdt_codes::NotInData>(())
    /// ```
    pub fn in_force(
        set: &CodeSet,
        edition: Option<Edition>,
        form: Form,
    ) -> Result<ValueSet, NotInData> {
        ValueSet::build(
            set,
            edition,
            form,
            &Selection {
                name: "CdtInForce".into(),
                title: "Every CDT code".into(),
                slug: "cdt-in-force".into(),
                filters: Vec::new(),
                keep: &|_| true,
            },
        )
    }

    fn build(
        set: &CodeSet,
        edition: Option<Edition>,
        form: Form,
        selection: &Selection<'_>,
    ) -> Result<ValueSet, NotInData> {
        let edition = set.check_held(edition.unwrap_or_else(|| set.edition()))?;
        let newest = edition == set.edition();
        let label = edition.to_string();
        let mut include = Include {
            system: Some(super::CDT_SYSTEM.into()),
            version: Some(version(edition)),
            ..Include::default()
        };
        match form {
            Form::Codes => {
                include.concept = set
                    .iter()
                    .filter(|procedure| procedure.is_active_in(edition))
                    .filter(|procedure| (selection.keep)(*procedure))
                    .map(|procedure| IncludeConcept {
                        code: procedure.code().to_string(),
                        display: procedure.nomenclature().filter(|_| newest).map(Into::into),
                    })
                    .collect();
            }
            Form::Filter => {}
        }
        if include.concept.is_empty() {
            // An include with neither codes nor filters means the whole
            // code system: a selection with no code in force (a heading
            // newer than the edition) is written with its filters, which
            // choose nothing.
            include.filter.clone_from(&selection.filters);
            include.filter.push(Filter::equals("inactive", "false"));
        }
        Ok(ValueSet {
            resource_type: "ValueSet".into(),
            id: Some(logical_id(&selection.slug)),
            url: Some(alloc::format!(
                "{}/{}",
                super::VALUE_SET_BASE,
                selection.slug
            )),
            version: Some(version(edition)),
            name: Some(selection.name.clone()),
            title: Some(alloc::format!("{} in force in {label}", selection.title)),
            status: "active".into(),
            experimental: Some(false),
            date: Some(date(edition)),
            publisher: Some(super::PUBLISHER.into()),
            description: Some(alloc::format!(
                "{} in force in {label}, as the cdt-codes crate records them; \
                 deleted codes are left out.",
                selection.title
            )),
            copyright: Some(copyright(if newest {
                set.source()
            } else {
                crate::DataSource::Bundled
            })),
            compose: Some(Compose {
                include: alloc::vec![include],
            }),
            expansion: None,
        })
    }

    /// Every code the code system version `edition` knows, retired ones
    /// included (the set's newest edition when `None`): the value set FHIR
    /// calls the code system's implicit one, `http://www.ada.org/cdt?fhir_vs`.
    /// Expand it to search or page the whole code system.
    ///
    /// # Errors
    ///
    /// [`NotInData`] when the set does not hold `edition`.
    ///
    /// ```
    /// use cdt_codes::{CodeSet, fhir::ValueSet};
    ///
    /// let all = ValueSet::whole_system(CodeSet::compiled(), None)?;
    /// assert_eq!(all.url.as_deref(), Some("http://www.ada.org/cdt?fhir_vs"));
    /// assert!(all.include()[0].concept.is_empty() && all.include()[0].filter.is_empty());
    /// # Ok::<(), cdt_codes::NotInData>(())
    /// ```
    pub fn whole_system(set: &CodeSet, edition: Option<Edition>) -> Result<ValueSet, NotInData> {
        let edition = set.check_held(edition.unwrap_or_else(|| set.edition()))?;
        Ok(ValueSet {
            resource_type: "ValueSet".into(),
            id: Some("cdt-all".into()),
            url: Some(alloc::format!("{}?fhir_vs", super::CDT_SYSTEM)),
            version: Some(version(edition)),
            name: Some("CdtAll".into()),
            title: Some(alloc::format!(
                "Every CDT code of {edition}, retired ones included"
            )),
            status: "active".into(),
            experimental: Some(false),
            date: Some(date(edition)),
            publisher: Some(super::PUBLISHER.into()),
            description: Some(alloc::format!(
                "Every code of {edition}, in force or retired: the whole code system."
            )),
            copyright: Some(copyright(set.source())),
            compose: Some(Compose {
                include: alloc::vec![Include {
                    system: Some(super::CDT_SYSTEM.into()),
                    version: Some(version(edition)),
                    ..Include::default()
                }],
            }),
            expansion: None,
        })
    }

    /// The includes of the value set's definition (none without one).
    ///
    /// ```
    /// use cdt_codes::{Category, CodeSet, fhir::{Form, ValueSet}};
    ///
    /// let endo = ValueSet::category(CodeSet::compiled(), Category::Endodontics, None, Form::Filter)?;
    /// assert_eq!(endo.include()[0].filter[0].value, "Endodontics");
    /// # Ok::<(), cdt_codes::NotInData>(())
    /// ```
    #[must_use]
    pub fn include(&self) -> &[Include] {
        self.compose
            .as_ref()
            .map_or(&[], |compose| compose.include.as_slice())
    }

    /// Every value set of the set's newest edition the crate defines: every
    /// code in force, each category, each subcategory, in that order.
    ///
    /// ```
    /// use cdt_codes::{CodeSet, fhir::{Form, ValueSet}};
    ///
    /// let all = ValueSet::all(CodeSet::compiled(), Form::Filter);
    /// assert_eq!(all[0].id.as_deref(), Some("cdt-in-force"));
    /// assert!(all.iter().any(|v| v.id.as_deref() == Some("cdt-category-endodontics")));
    /// ```
    #[must_use]
    pub fn all(set: &CodeSet, form: Form) -> Vec<ValueSet> {
        // The set always holds its own newest edition.
        let mut list: Vec<ValueSet> = ValueSet::in_force(set, None, form).into_iter().collect();
        for category in Category::ALL {
            list.extend(ValueSet::category(set, category, None, form));
            for subcategory in set.subcategories_of(category) {
                list.extend(ValueSet::subcategory(set, subcategory, None, form));
            }
        }
        list
    }

    /// The codes the value set lists (none when it is defined by filters).
    ///
    /// ```
    /// use cdt_codes::{Category, CodeSet, fhir::{Form, ValueSet}};
    ///
    /// let ortho = ValueSet::category(CodeSet::compiled(), Category::Orthodontics, None, Form::Codes)?;
    /// assert!(ortho.codes().all(|code| code.starts_with("D8")));
    /// # Ok::<(), cdt_codes::NotInData>(())
    /// ```
    #[must_use]
    pub fn codes(&self) -> Codes<'_> {
        Codes {
            includes: self.include().iter(),
            concepts: [].iter(),
        }
    }
}

/// The codes a value set lists: see [`ValueSet::codes`].
///
/// ```
/// use cdt_codes::{Category, CodeSet, fhir::{Form, ValueSet}};
///
/// let endo = ValueSet::category(CodeSet::compiled(), Category::Endodontics, None, Form::Codes)?;
/// assert!(endo.codes().count() > 10);
/// # Ok::<(), cdt_codes::NotInData>(())
/// ```
#[derive(Debug, Clone)]
pub struct Codes<'a> {
    includes: core::slice::Iter<'a, Include>,
    concepts: core::slice::Iter<'a, IncludeConcept>,
}

impl<'a> Iterator for Codes<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        loop {
            if let Some(concept) = self.concepts.next() {
                return Some(concept.code.as_str());
            }
            self.concepts = self.includes.next()?.concept.iter();
        }
    }
}

/// The longest logical id FHIR allows.
const MAX_ID: usize = 64;

/// A logical id for a slug: the slug itself when it fits FHIR's 64
/// characters, else its first 55 characters, a hyphen and 8 hexadecimal
/// digits of a hash of the whole slug (FNV-1a), so long headings keep
/// distinct, stable ids.
fn logical_id(slug: &str) -> String {
    if slug.len() <= MAX_ID {
        return slug.into();
    }
    let hash = slug.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    let head = slug.get(..MAX_ID - 9).unwrap_or(slug).trim_end_matches('-');
    alloc::format!("{head}-{hash:08x}")
}

/// `Oral and Maxillofacial Surgery` → `oral-and-maxillofacial-surgery`;
/// `ProsthodonticsRemovable` → `prosthodontics-removable`.
fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut previous_lower = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if c.is_ascii_uppercase() && previous_lower {
                out.push('-');
            }
            previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
            out.push(c.to_ascii_lowercase());
        } else {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
            previous_lower = false;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{logical_id, slug};

    #[test]
    fn long_slugs_get_short_stable_distinct_ids() {
        assert_eq!(logical_id("cdt-in-force"), "cdt-in-force");
        let long = "cdt-subcategory-oral-and-maxillofacial-surgery-reduction-of-dislocation";
        let id = logical_id(long);
        assert!(id.len() <= 64, "{id}");
        assert_eq!(id, logical_id(long));
        assert!(id.starts_with("cdt-subcategory-oral-and-maxillofacial-surgery-reduct"));
        assert_ne!(id, logical_id(&alloc::format!("{long}s")));
    }

    #[test]
    fn slugs_are_lower_case_words_joined_by_hyphens() {
        assert_eq!(slug("ProsthodonticsRemovable"), "prosthodontics-removable");
        assert_eq!(
            slug("Apexification/Recalcification"),
            "apexification-recalcification"
        );
        assert_eq!(slug("  (CBCT) "), "cbct");
        assert_eq!(slug(""), "");
    }
}
