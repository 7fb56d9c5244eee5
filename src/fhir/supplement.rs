//! A `CodeSystem` supplement: our summaries and properties for a server
//! that already holds the ADA's own CDT code system.

use alloc::vec::Vec;

use super::codesystem::{copyright, date, known_in, property_definitions, version};
use super::{CodeSystem, Concept};
use crate::model::edition::Edition;
use crate::set::{CodeSet, NotInData};

impl CodeSystem {
    /// A supplement (`content` `supplement`) to the ADA's code system of
    /// the set's newest edition: every code with our properties (summary,
    /// category, subcategory, status, history) and no display or
    /// definition, so a server that loaded the ADA's official CDT can add
    /// what this crate knows without replacing the official text.
    ///
    /// Its `url` is the crate's (under [`BASE`](super::BASE)), and
    /// `supplements` names the code system version it adds to,
    /// `http://www.ada.org/cdt|2026`.
    ///
    /// ```
    /// let supplement = cdt_codes::fhir::CodeSystem::supplement(cdt_codes::CodeSet::compiled());
    /// assert_eq!(supplement.content, "supplement");
    /// assert_eq!(supplement.supplements.as_deref(), Some("http://www.ada.org/cdt|2026"));
    /// let d0120 = supplement.concept("D0120").unwrap();
    /// assert!(d0120.display.is_none());
    /// assert!(d0120.property("summary").is_some());
    /// ```
    #[must_use]
    pub fn supplement(set: &CodeSet) -> CodeSystem {
        CodeSystem::build_supplement(set, set.edition())
    }

    /// The supplement to the code system of `edition` (see
    /// [`CodeSystem::supplement`]).
    ///
    /// # Errors
    ///
    /// [`NotInData`] when the set does not hold `edition`.
    ///
    /// ```
    /// use cdt_codes::{CodeSet, Edition, fhir::CodeSystem};
    ///
    /// let supplement = CodeSystem::supplement_of_edition(CodeSet::compiled(), Edition::new(2011).unwrap())?;
    /// assert_eq!(supplement.supplements.as_deref(), Some("http://www.ada.org/cdt|2011"));
    /// # Ok::<(), cdt_codes::NotInData>(())
    /// ```
    pub fn supplement_of_edition(set: &CodeSet, edition: Edition) -> Result<CodeSystem, NotInData> {
        set.check_held(edition)?;
        Ok(CodeSystem::build_supplement(set, edition))
    }

    fn build_supplement(set: &CodeSet, edition: Edition) -> CodeSystem {
        let concept: Vec<Concept> = set
            .iter()
            .filter(|procedure| known_in(*procedure, edition))
            .map(|procedure| {
                let mut concept = Concept::of(procedure, edition);
                concept.display = None;
                concept.definition = None;
                concept
            })
            .collect();
        CodeSystem {
            resource_type: "CodeSystem".into(),
            id: Some(alloc::format!("cdt-summaries-{}", edition.year())),
            url: alloc::format!("{}/CodeSystem/cdt-summaries", super::BASE),
            identifier: Vec::new(),
            version: Some(version(edition)),
            name: Some("CdtSummaries".into()),
            title: Some(alloc::format!(
                "Summaries and properties of the CDT codes of {edition}, from cdt-codes"
            )),
            status: "active".into(),
            experimental: Some(false),
            date: Some(date(edition)),
            publisher: Some(super::PUBLISHER.into()),
            description: Some(alloc::format!(
                "A supplement to CDT ({edition}): for each code, a plain-language summary \
                 written for cdt-codes (not ADA text) and the code's category, subcategory, \
                 status and history as the crate records them. No displays: those are the \
                 ADA's, in the code system this supplements."
            )),
            copyright: Some(copyright(crate::DataSource::Bundled)),
            case_sensitive: None,
            hierarchy_meaning: None,
            content: "supplement".into(),
            supplements: Some(alloc::format!("{}|{}", super::CDT_SYSTEM, version(edition))),
            count: u32::try_from(concept.len()).ok(),
            filter: Vec::new(),
            property: property_definitions(),
            concept,
        }
    }
}
