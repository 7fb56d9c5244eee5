//! The resources a terminology server loads and the answers it gives from
//! them: `$expand` against the value sets it expands, the concept map
//! against the replacements the ADA named, the naming system's
//! identifiers, the transaction bundle, and `$validate-code` as HL7's
//! validator answers for retired codes.

#![cfg(all(feature = "serde", feature = "std"))]

use cdt_codes::fhir::{
    Bundle, CodeSystem, ConceptMap, Expand, Filter, Form, NamingSystem, Release, Resource,
    ValidateCode, ValueSet, CD2_SYSTEM,
};
use cdt_codes::{Category, CodeSet, Coding, Edition, FhirError, ServiceDate};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/licensed/cdt2027_test.csv"
);

fn date(text: &str) -> ServiceDate {
    text.parse().unwrap()
}

/// The codes an expansion lists, in its order.
fn expanded(value_set: &ValueSet) -> Vec<String> {
    value_set
        .expansion
        .as_ref()
        .expect("expanded")
        .contains
        .iter()
        .map(|c| c.code.clone().unwrap())
        .collect()
}

/// Every value set of the set, both forms, for `edition`.
fn pairs(set: &CodeSet, edition: Option<Edition>) -> Vec<(ValueSet, ValueSet)> {
    let mut list = vec![(
        ValueSet::in_force(set, edition, Form::Codes).unwrap(),
        ValueSet::in_force(set, edition, Form::Filter).unwrap(),
    )];
    for category in Category::ALL {
        list.push((
            ValueSet::category(set, category, edition, Form::Codes).unwrap(),
            ValueSet::category(set, category, edition, Form::Filter).unwrap(),
        ));
        for subcategory in set.subcategories_of(category) {
            list.push((
                ValueSet::subcategory(set, subcategory, edition, Form::Codes).unwrap(),
                ValueSet::subcategory(set, subcategory, edition, Form::Filter).unwrap(),
            ));
        }
    }
    list
}

#[test]
fn a_filtered_value_set_expands_to_the_codes_its_listed_form_holds() {
    let set = CodeSet::compiled();
    for edition in [None, Edition::new(2013).ok(), Edition::new(2011).ok()] {
        for (listed, filtered) in pairs(set, edition) {
            let codes: Vec<String> = listed.codes().map(String::from).collect();
            let expansion = Expand::new().value_set(set, &filtered).unwrap();
            assert_eq!(
                expanded(&expansion),
                codes,
                "{:?} in {edition:?}",
                filtered.id
            );
            assert_eq!(
                expansion.expansion.unwrap().total,
                Some(u32::try_from(codes.len()).unwrap())
            );
            // The listed form expands to the same codes too (an empty one
            // to none, not to the whole code system).
            assert_eq!(
                expanded(&Expand::new().value_set(set, &listed).unwrap()),
                codes
            );
        }
    }
}

#[test]
fn known_codes_expand_where_they_belong() {
    let set = CodeSet::compiled();
    let endo = ValueSet::category(set, Category::Endodontics, None, Form::Filter).unwrap();
    let codes = expanded(&Expand::new().value_set(set, &endo).unwrap());
    assert!(codes.contains(&"D3353".to_string()));
    assert!(!codes.contains(&"D0120".to_string()));
    // D1352 was in force in CDT 2025 and deleted in CDT 2026.
    let then = ValueSet::in_force(set, Edition::new(2025).ok(), Form::Filter).unwrap();
    let now = ValueSet::in_force(set, None, Form::Filter).unwrap();
    assert!(expanded(&Expand::new().value_set(set, &then).unwrap()).contains(&"D1352".into()));
    assert!(!expanded(&Expand::new().value_set(set, &now).unwrap()).contains(&"D1352".into()));
}

#[test]
fn a_text_filter_ranks_as_the_search_does_and_pages_add_up() {
    let set = CodeSet::compiled();
    let all = Expand::new()
        .filter("root canal")
        .system(set, None)
        .unwrap();
    let ranked: Vec<String> = cdt_codes::Query::new("root canal")
        .include_deleted(true)
        .run_in(set)
        .map(|p| p.code().to_string())
        .collect();
    assert_eq!(expanded(&all), ranked);
    assert_eq!(expanded(&all)[0], "D3310");
    let total = all.expansion.as_ref().unwrap().total.unwrap();
    assert!(total > 10);

    let mut paged = Vec::new();
    for offset in (0..total).step_by(4) {
        let page = Expand::new()
            .filter("root canal")
            .offset(offset)
            .count(4)
            .system(set, None)
            .unwrap();
        let expansion = page.expansion.as_ref().unwrap();
        assert_eq!(expansion.total, Some(total), "total is before paging");
        assert_eq!(expansion.offset, Some(offset));
        assert!(expansion.contains.len() <= 4);
        paged.extend(expanded(&page));
    }
    assert_eq!(paged, ranked);

    // Past the end: an empty page, the same total.
    let past = Expand::new()
        .filter("root canal")
        .offset(total + 5)
        .system(set, None)
        .unwrap();
    assert!(expanded(&past).is_empty());

    // The parameters that shaped it are echoed.
    let page = Expand::new()
        .filter("crown")
        .offset(2)
        .count(3)
        .system(set, None)
        .unwrap();
    let names: Vec<&str> = page
        .expansion
        .as_ref()
        .unwrap()
        .parameter
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["filter", "offset", "count", "used-codesystem"]);
}

#[test]
fn the_whole_system_expands_with_retired_codes_marked_inactive() {
    let set = CodeSet::compiled();
    let whole = Expand::new().system(set, None).unwrap();
    let expansion = whole.expansion.unwrap();
    assert_eq!(
        expansion.total,
        Some(u32::try_from(set.iter().count()).unwrap())
    );
    let find = |code: &str| {
        expansion
            .contains
            .iter()
            .find(|c| c.code.as_deref() == Some(code))
            .unwrap()
    };
    assert_eq!(find("D1352").inactive, Some(true));
    assert_eq!(find("D0120").inactive, None);
    assert_eq!(find("D0120").version.as_deref(), Some("2026"));

    // In CDT 2013, D0360 (deleted in CDT 2013) is retired and D0426 (added
    // in CDT 2026) is not there at all.
    let cdt_2013 = Expand::new().system(set, Edition::new(2013).ok()).unwrap();
    let codes = expanded(&cdt_2013);
    assert!(codes.contains(&"D0360".to_string()));
    assert!(!codes.contains(&"D0426".to_string()));
}

#[test]
fn an_expansion_says_what_it_cannot_do() {
    let set = CodeSet::compiled();
    let mut endo = ValueSet::category(set, Category::Endodontics, None, Form::Filter).unwrap();
    let include = &mut endo.compose.as_mut().unwrap().include[0];
    include.version = Some("2099".into());
    assert_eq!(
        Expand::new().value_set(set, &endo),
        Err(FhirError::UnknownVersion {
            version: "2099".into()
        })
    );
    let include = &mut endo.compose.as_mut().unwrap().include[0];
    include.version = None;
    include.filter.push(Filter {
        property: "category".into(),
        op: "regex".into(),
        value: "End.*".into(),
    });
    let error = Expand::new().value_set(set, &endo).unwrap_err();
    assert!(matches!(error, FhirError::UnsupportedFilter { .. }));
    assert!(error.to_string().contains("regex"), "{error}");
    let include = &mut endo.compose.as_mut().unwrap().include[0];
    include.filter.clear();
    include.system = Some("http://snomed.info/sct".into());
    assert!(matches!(
        Expand::new().value_set(set, &endo),
        Err(FhirError::WrongSystem { .. })
    ));
    assert!(Expand::new().system(set, Edition::new(2099).ok()).is_err());
}

#[test]
fn the_concept_map_holds_every_named_replacement_and_successor() {
    let set = CodeSet::compiled();
    let map = ConceptMap::of(set);
    for procedure in set {
        let code = procedure.code().to_string();
        let mut expected: Vec<String> = procedure
            .replaced_by()
            .iter()
            .map(ToString::to_string)
            .collect();
        for successor in procedure.successors().codes() {
            if !expected.contains(&successor.to_string()) {
                expected.push(successor.to_string());
            }
        }
        assert_eq!(map.targets_of(&code), expected, "{code}");
    }
    // Successors: D1550 (recement space maintainer) -> D1551-D1553,
    // inferred, so `inexact` rather than the named `relatedto`.
    assert_eq!(map.targets_of("D1550"), ["D1551", "D1552", "D1553"]);
    let d1550 = map
        .group
        .iter()
        .flat_map(|group| &group.element)
        .find(|element| element.code.as_deref() == Some("D1550"))
        .unwrap();
    assert!(d1550
        .target
        .iter()
        .all(|target| target.equivalence.as_deref() == Some("inexact")));
    // Known deletions: D1352 in CDT 2026 (D2391 named), D8050 in CDT 2022
    // (the four limited orthodontic treatment codes named).
    assert_eq!(map.targets_of("D1352"), ["D2391"]);
    assert_eq!(
        map.targets_of("D8050"),
        ["D8010", "D8020", "D8030", "D8040"]
    );
    assert!(map.targets_of("D0120").is_empty());

    // Each target relates to its source as a named replacement, in the
    // group of the edition that deleted the source.
    for group in &map.group {
        let deleted = group.target_version.as_deref().unwrap();
        for element in &group.element {
            let procedure = set.lookup(element.code.as_deref().unwrap()).unwrap();
            assert_eq!(
                procedure
                    .deleted_in()
                    .map(|e| e.year().to_string())
                    .as_deref(),
                Some(deleted)
            );
            let named = procedure.replaced_by();
            for target in &element.target {
                let code = target.code.as_deref().unwrap();
                let is_named = named.iter().any(|c| c.to_string() == code);
                let expected = if is_named { "relatedto" } else { "inexact" };
                assert_eq!(target.equivalence.as_deref(), Some(expected), "{code}");
                assert!(set.lookup(code).is_some());
            }
        }
    }

    // The R5 form maps the same codes.
    let r5 = ConceptMap::of_release(set, Release::R5);
    for procedure in set.iter().filter(|p| !p.replaced_by().is_empty()) {
        let code = procedure.code().to_string();
        assert_eq!(r5.targets_of(&code), map.targets_of(&code));
    }
    assert!(r5
        .group
        .iter()
        .flat_map(|g| &g.element)
        .flat_map(|e| &e.target)
        .all(|t| t.relationship.as_deref() == Some("related-to") && t.equivalence.is_none()));
}

#[test]
fn the_naming_system_names_cdt_by_uri_oid_and_cd2() {
    let naming = serde_json::to_value(NamingSystem::of(CodeSet::compiled())).unwrap();
    assert_eq!(naming["kind"], "codesystem");
    let ids = naming["uniqueId"].as_array().unwrap();
    let find = |value: &str| ids.iter().find(|id| id["value"] == value).unwrap();
    assert_eq!(find("http://www.ada.org/cdt")["type"], "uri");
    assert_eq!(find("http://www.ada.org/cdt")["preferred"], true);
    assert_eq!(find("2.16.840.1.113883.6.13")["type"], "oid");
    let cd2 = find("http://terminology.hl7.org/CodeSystem/CD2");
    assert_eq!(cd2["type"], "uri");
    assert_eq!(cd2["preferred"], false);
    // One preferred identifier per type.
    for type_ in ["uri", "oid"] {
        let preferred = ids
            .iter()
            .filter(|id| id["type"] == type_ && id["preferred"] == true)
            .count();
        assert_eq!(preferred, 1, "{type_}");
    }
}

#[test]
fn validate_accepts_a_coding_with_the_cd2_system() {
    let set = CodeSet::compiled();
    let coding = Coding {
        system: Some(CD2_SYSTEM.into()),
        code: Some("D3353".into()),
        ..Coding::default()
    };
    let answer = ValidateCode::coding(set, &coding, Some(date("2026-03-01")));
    assert!(answer.result, "{:?}", answer.message);
    let other = Coding {
        system: Some("http://terminology.hl7.org/CodeSystem/CD3".into()),
        ..coding
    };
    assert!(!ValidateCode::coding(set, &other, None).result);
}

#[test]
fn validate_code_without_a_date_accepts_a_retired_code_as_inactive() {
    let set = CodeSet::compiled();
    // Deleted in CDT 2026, D2391 named instead.
    let d1352 = ValidateCode::code(set, "D1352", None);
    assert!(d1352.result);
    assert!(d1352.inactive);
    let message = d1352.message.as_deref().unwrap();
    assert!(message.contains("inactive"), "{message}");
    assert!(message.contains("D2391"), "{message}");
    let json = serde_json::to_value(&d1352).unwrap();
    assert!(json["parameter"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["name"] == "inactive" && p["valueBoolean"] == true));

    // Deleted in CDT 2013: retired, still a code of the system.
    let d0360 = ValidateCode::code(set, "D0360", None);
    assert!(d0360.result && d0360.inactive);

    // In force: valid, nothing to say.
    let d0120 = ValidateCode::code(set, "D0120", None);
    assert!(d0120.result && !d0120.inactive && d0120.message.is_none());

    // Not a code of the system, or not a code at all.
    assert!(!ValidateCode::code(set, "D0000", None).result);
    assert!(!ValidateCode::code(set, "X12", None).result);

    // With a date, the date rules: valid before the deletion, not after.
    assert!(ValidateCode::code(set, "D1352", Some(date("2025-06-01"))).result);
    let after = ValidateCode::code(set, "D1352", Some(date("2026-02-01")));
    assert!(!after.result && !after.inactive);
    assert!(!ValidateCode::code(set, "D0360", Some(date("2013-01-01"))).result);
}

#[test]
fn the_bundle_loads_every_edition_and_every_resource_once() {
    let set = CodeSet::compiled();
    let bundle = Bundle::load(set);
    assert_eq!(bundle.resource_type, "Bundle");
    assert_eq!(bundle.type_, "transaction");
    let editions: Vec<String> = bundle
        .entry
        .iter()
        .filter_map(|e| match &e.resource {
            Resource::CodeSystem(s) if s.content == "complete" => s.version.clone(),
            _ => None,
        })
        .collect();
    let expected: Vec<String> = set.editions().map(|e| e.year().to_string()).collect();
    assert_eq!(editions, expected);
    assert!(editions.contains(&"2011".to_string()));
    assert!(editions.contains(&"2000".to_string()));
    let count = |kind: &str| {
        bundle
            .entry
            .iter()
            .filter(|e| e.resource.resource_type() == kind)
            .count()
    };
    assert_eq!(count("ValueSet"), ValueSet::all(set, Form::Filter).len());
    assert_eq!(count("ConceptMap"), 1);
    assert_eq!(count("NamingSystem"), 1);
    assert!(bundle
        .entry
        .iter()
        .any(|e| matches!(&e.resource, Resource::CodeSystem(s) if s.content == "supplement")));
    for entry in &bundle.entry {
        // FHIR ids are 1 to 64 letters, digits, '-' and '.'; servers
        // refuse others.
        let id = entry.resource.id().unwrap();
        assert!(
            (1..=64).contains(&id.len())
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.'),
            "{id}"
        );
        assert_eq!(entry.request.method, "PUT");
        assert_eq!(
            entry.request.url,
            format!(
                "{}/{}",
                entry.resource.resource_type(),
                entry.resource.id().unwrap()
            )
        );
    }
    let text = serde_json::to_string(&bundle).unwrap();
    assert_eq!(serde_json::from_str::<Bundle>(&text).unwrap(), bundle);
    // A resource of the wrong type does not read as another.
    assert!(serde_json::from_str::<Resource>(
        r#"{"resourceType":"Patient","status":"active","content":"complete","url":"x"}"#
    )
    .is_err());
}

#[test]
fn with_a_licensed_file_expansions_carry_the_official_display() {
    let set = CodeSet::from_path(FIXTURE, Edition::new(2027).unwrap()).expect("the fixture loads");
    let diag = ValueSet::category(&set, Category::Diagnostic, None, Form::Filter).unwrap();
    let expansion = Expand::new()
        .value_set(&set, &diag)
        .unwrap()
        .expansion
        .unwrap();
    let d0120 = expansion
        .contains
        .iter()
        .find(|c| c.code.as_deref() == Some("D0120"))
        .unwrap();
    assert_eq!(
        d0120.display.as_deref(),
        Some("Fixture nomenclature D0120 (test text, not ADA)")
    );
    assert_eq!(d0120.version.as_deref(), Some("2027"));
    // Older editions of the same set have no official text.
    let older = Expand::new().system(&set, Edition::new(2026).ok()).unwrap();
    assert!(older
        .expansion
        .unwrap()
        .contains
        .iter()
        .all(|c| c.display.is_none()));
    // The filtered and listed forms still agree.
    for (listed, filtered) in pairs(&set, None) {
        let codes: Vec<String> = listed.codes().map(String::from).collect();
        assert_eq!(
            expanded(&Expand::new().value_set(&set, &filtered).unwrap()),
            codes
        );
    }
    let system = CodeSystem::of(&set);
    assert_eq!(system.content, "complete");
}
