//! FHIR terminology resources and operation answers, read back from their
//! JSON as a FHIR server would see it: required R4 elements, no `display`
//! without licensed data, deleted codes retired, honest answers for dates
//! the data cannot judge, and official text from a licensed file loaded at
//! run time (the fixture's text is ours, written for the tests).

#![cfg(all(feature = "serde", feature = "std"))]

use cdt_codes::fhir::{CodeSystem, Form, Lookup, ValidateCode, ValueSet};
use cdt_codes::{Category, CodeSet, CodeableConcept, Coding, DataSource, Edition, ServiceDate};
use serde_json::Value as Json;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/licensed/cdt2027_test.csv"
);

fn bundled() -> bool {
    cdt_codes::DATA_SOURCE == DataSource::Bundled
}

fn licensed() -> CodeSet {
    CodeSet::from_path(FIXTURE, Edition::new(2027).unwrap()).expect("the fixture loads")
}

fn json(value: &impl serde::Serialize) -> Json {
    serde_json::from_str(&serde_json::to_string(value).unwrap()).unwrap()
}

fn date(text: &str) -> ServiceDate {
    text.parse().unwrap()
}

fn concept<'a>(system: &'a Json, code: &str) -> &'a Json {
    system["concept"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == code)
        .unwrap_or_else(|| panic!("{code} is in the code system"))
}

/// The values of a concept's property in the JSON, whatever their type.
fn property<'a>(concept: &'a Json, code: &str) -> Vec<&'a Json> {
    concept["property"]
        .as_array()
        .map(|list| {
            list.iter()
                .filter(|p| p["code"] == code)
                .map(|p| {
                    let object = p.as_object().unwrap();
                    let (_, value) = object
                        .iter()
                        .find(|(key, _)| key.starts_with("value"))
                        .expect("a property has a value[x]");
                    value
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The value of a parameter of a `Parameters` resource.
fn parameter<'a>(parameters: &'a Json, name: &str) -> Option<&'a Json> {
    parameters["parameter"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
}

#[test]
fn the_code_system_has_the_required_r4_elements() {
    let system = json(&CodeSystem::of(CodeSet::compiled()));
    assert_eq!(system["resourceType"], "CodeSystem");
    assert_eq!(system["id"], "cdt-2026");
    assert_eq!(system["url"], "http://www.ada.org/cdt");
    assert_eq!(system["identifier"][0]["system"], "urn:ietf:rfc:3986");
    assert_eq!(
        system["identifier"][0]["value"],
        "urn:oid:2.16.840.1.113883.6.13"
    );
    assert_eq!(system["version"], "2026");
    assert_eq!(system["date"], "2026-01-01");
    assert!(system["title"].as_str().unwrap().ends_with("CDT 2026"));
    assert_eq!(system["status"], "active");
    // A third party's rendering: we publish the resource, the ADA owns the
    // code system, and the copyright says both.
    assert_eq!(system["publisher"], "cdt-codes");
    let copyright = system["copyright"].as_str().unwrap();
    assert!(copyright.contains("American Dental Association"));
    assert!(copyright.contains("not published or endorsed by the ADA"));
    assert_eq!(system["hierarchyMeaning"], "grouped-by");
    assert_eq!(system["caseSensitive"], true);
    let content = system["content"].as_str().unwrap();
    assert!([
        "not-present",
        "example",
        "fragment",
        "complete",
        "supplement"
    ]
    .contains(&content));
    // Every code of the edition is there, displays or not.
    assert_eq!(content, "complete");
    let concepts = system["concept"].as_array().unwrap();
    assert_eq!(system["count"], concepts.len());
    assert_eq!(concepts.len(), CodeSet::compiled().iter().count());

    // Every property a concept uses is declared, with a valid R4 type.
    let declared = system["property"].as_array().unwrap();
    for definition in declared {
        let type_ = definition["type"].as_str().unwrap();
        assert!(
            ["code", "Coding", "string", "integer", "boolean", "dateTime", "decimal"]
                .contains(&type_)
        );
    }
    for concept in concepts {
        for used in concept["property"].as_array().unwrap() {
            assert!(
                declared.iter().any(|d| d["code"] == used["code"]),
                "{} is declared",
                used["code"]
            );
        }
    }
    let uri = |code: &str| {
        declared
            .iter()
            .find(|d| d["code"] == code)
            .map(|d| d["uri"].clone())
    };
    assert_eq!(
        uri("inactive"),
        Some(Json::from(
            "http://hl7.org/fhir/concept-properties#inactive"
        ))
    );
    assert_eq!(
        uri("status"),
        Some(Json::from("http://hl7.org/fhir/concept-properties#status"))
    );
}

#[test]
fn bundled_concepts_have_no_display_and_our_words_as_a_property() {
    let system = json(&CodeSystem::of(CodeSet::compiled()));
    for concept in system["concept"].as_array().unwrap() {
        // A validator takes any designation as a valid display: ours are
        // never designations.
        assert!(concept.get("designation").is_none(), "{}", concept["code"]);
        if bundled() {
            assert!(concept.get("display").is_none(), "{}", concept["code"]);
            assert!(concept.get("definition").is_none(), "{}", concept["code"]);
        }
    }
    let d0120 = concept(&system, "D0120");
    assert_eq!(
        property(d0120, "summary"),
        [&Json::from(
            cdt_codes::lookup("D0120").unwrap().description()
        )]
    );
}

#[test]
fn versions_are_years_and_every_edition_is_complete() {
    let set = CodeSet::compiled();
    for edition in set.editions() {
        let system = CodeSystem::of_edition(set, edition).unwrap();
        assert_eq!(system.version, Some(edition.year().to_string()));
        assert_eq!(system.content, "complete");
        assert!(system
            .title
            .as_deref()
            .unwrap()
            .ends_with(&edition.to_string()));
        assert_eq!(system.date, Some(format!("{}-01-01", edition.year())));
    }
    let cdt_2011 = CodeSystem::of_edition(set, Edition::new(2011).unwrap()).unwrap();
    assert_eq!(cdt_2011.version.as_deref(), Some("2011"));
    assert_eq!(cdt_2011.id.as_deref(), Some("cdt-2011"));
    assert!(cdt_2011.title.unwrap().contains("CDT-2011/2012"));
}

#[test]
fn the_supplement_adds_our_properties_to_the_adas_code_system() {
    let set = CodeSet::compiled();
    let supplement = json(&CodeSystem::supplement(set));
    assert_eq!(supplement["content"], "supplement");
    assert_eq!(supplement["supplements"], "http://www.ada.org/cdt|2026");
    assert_ne!(supplement["url"], "http://www.ada.org/cdt");
    let d3353 = concept(&supplement, "D3353");
    assert!(d3353.get("display").is_none());
    assert_eq!(property(d3353, "category"), [&Json::from("Endodontics")]);
    assert_eq!(property(d3353, "summary").len(), 1);
    // Even over a licensed file the supplement carries no ADA text.
    let licensed = json(&CodeSystem::supplement(&licensed()));
    assert!(concept(&licensed, "D0120").get("display").is_none());
}

#[test]
fn deleted_codes_are_retired_and_inactive_with_their_history() {
    let system = json(&CodeSystem::of(CodeSet::compiled()));
    let d1352 = concept(&system, "D1352");
    assert_eq!(property(d1352, "status"), [&Json::from("retired")]);
    assert_eq!(property(d1352, "inactive"), [&Json::from(true)]);
    assert_eq!(property(d1352, "deleted-in"), [&Json::from("CDT 2026")]);
    assert_eq!(property(d1352, "replaced-by"), [&Json::from("D2391")]);

    let d0360 = concept(&system, "D0360");
    assert_eq!(property(d0360, "deleted-in"), [&Json::from("CDT 2013")]);
    assert_eq!(property(d0360, "added-in"), [&Json::from("CDT-2007/2008")]);

    let d0120 = concept(&system, "D0120");
    assert_eq!(property(d0120, "status"), [&Json::from("active")]);
    assert_eq!(property(d0120, "inactive"), [&Json::from(false)]);
    assert_eq!(property(d0120, "category"), [&Json::from("Diagnostic")]);

    // Every deleted code, and only those, is retired.
    for procedure in cdt_codes::iter() {
        let concept = concept(&system, &procedure.code().to_string());
        let retired = property(concept, "status") == [&Json::from("retired")];
        assert_eq!(retired, !procedure.is_active(), "{}", procedure.code());
    }
}

#[test]
fn an_older_edition_shows_the_code_system_as_it_stood() {
    let set = CodeSet::compiled();
    let system = json(&CodeSystem::of_edition(set, Edition::new(2025).unwrap()).unwrap());
    assert_eq!(system["version"], "2025");
    let d1352 = concept(&system, "D1352");
    assert_eq!(property(d1352, "status"), [&Json::from("active")]);
    assert!(property(d1352, "deleted-in").is_empty());
    assert!(system["concept"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["code"] != "D0426"));
    assert!(CodeSystem::of_edition(set, Edition::new(2027).unwrap()).is_err());
}

#[test]
fn codings_name_the_last_edition_that_held_the_code() {
    let version = |code: &str| {
        json(&Coding::from_procedure(cdt_codes::lookup(code).unwrap()))["version"].clone()
    };
    assert_eq!(version("D0360"), "2011"); // deleted in CDT 2013: CDT-2011/2012
    assert_eq!(version("D1352"), "2025");
    assert_eq!(version("D0120"), "2026");
    for procedure in cdt_codes::iter() {
        let label = version(&procedure.code().to_string());
        match label.as_str() {
            Some(year) => assert!(
                year.len() == 4 && Edition::new(year.parse().unwrap()).is_ok(),
                "{year}"
            ),
            // Deleted in CDT-3: the edition before is one the data does
            // not know, so no version is claimed.
            None => assert_eq!(procedure.deleted_in(), Some(Edition::CDT_3)),
        }
    }
}

#[test]
fn a_codeable_concept_carries_our_words_as_text() {
    let procedure = cdt_codes::lookup("D3353").unwrap();
    let concept = json(&CodeableConcept::from_procedure(procedure));
    assert_eq!(concept["text"], procedure.description());
    assert_eq!(concept["coding"][0]["code"], "D3353");
    if bundled() {
        assert!(concept["coding"][0].get("display").is_none());
    }
}

#[test]
fn value_sets_list_or_filter_the_codes_of_a_category() {
    let set = CodeSet::compiled();
    let listed = json(&ValueSet::category(set, Category::Endodontics, None, Form::Codes).unwrap());
    assert_eq!(listed["resourceType"], "ValueSet");
    assert_eq!(listed["status"], "active");
    assert!(listed["url"]
        .as_str()
        .unwrap()
        .starts_with(cdt_codes::fhir::VALUE_SET_BASE));
    let include = &listed["compose"]["include"][0];
    assert_eq!(include["system"], "http://www.ada.org/cdt");
    assert_eq!(include["version"], "2026");
    let codes: Vec<&str> = include["concept"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = set
        .category(Category::Endodontics)
        .filter(cdt_codes::Procedure::is_active)
        .map(|p| p.code().to_string())
        .collect();
    assert_eq!(codes, expected);
    if bundled() {
        assert!(include["concept"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c.get("display").is_none()));
    }

    let filtered =
        json(&ValueSet::category(set, Category::ProsthodonticsFixed, None, Form::Filter).unwrap());
    let filter = &filtered["compose"]["include"][0]["filter"];
    assert_eq!(filter[0]["property"], "category");
    assert_eq!(filter[0]["op"], "=");
    assert_eq!(filter[0]["value"], "Prosthodontics (fixed)");
    assert_eq!(filter[1]["property"], "inactive");
    assert_eq!(filter[1]["value"], "false");
}

#[test]
fn every_category_and_subcategory_has_a_value_set_with_its_own_url() {
    let set = CodeSet::compiled();
    let mut urls = Vec::new();
    for category in Category::ALL {
        let value_set = ValueSet::category(set, category, None, Form::Codes).unwrap();
        assert!(value_set.codes().all(|code| {
            cdt_codes::lookup(code).is_some_and(|p| p.category() == category && p.is_active())
        }));
        urls.push(value_set.url.unwrap());
        for subcategory in set.subcategories_of(category) {
            let value_set = ValueSet::subcategory(set, subcategory, None, Form::Codes).unwrap();
            assert!(value_set.codes().all(|code| subcategory.contains(code)));
            urls.push(value_set.url.unwrap());
        }
    }
    let count = urls.len();
    urls.sort();
    urls.dedup();
    assert_eq!(urls.len(), count, "value set URLs are unique");
}

#[test]
fn all_codes_in_force_in_an_edition() {
    let set = CodeSet::compiled();
    let cdt_2013 = ValueSet::in_force(set, Edition::new(2013).ok(), Form::Codes).unwrap();
    assert_eq!(cdt_2013.include()[0].version.as_deref(), Some("2013"));
    assert_eq!(
        cdt_2013.title.as_deref(),
        Some("Every CDT code in force in CDT 2013")
    );
    assert!(!cdt_2013
        .description
        .as_deref()
        .unwrap()
        .contains("in force in force"));
    let expected = set
        .iter()
        .filter(|p| p.is_active_in(Edition::new(2013).unwrap()))
        .count();
    assert_eq!(cdt_2013.codes().count(), expected);
    assert!(cdt_2013.codes().any(|code| code == "D1352"));
    assert!(!cdt_2013.codes().any(|code| code == "D0360"));
    assert!(ValueSet::in_force(set, Edition::new(2099).ok(), Form::Codes).is_err());
}

#[test]
fn validate_code_answers_with_the_replacement_of_a_deleted_code() {
    let set = CodeSet::compiled();
    let answer = json(&ValidateCode::code(set, "D1352", Some(date("2026-02-01"))));
    assert_eq!(answer["resourceType"], "Parameters");
    assert_eq!(parameter(&answer, "result").unwrap()["valueBoolean"], false);
    let message = parameter(&answer, "message").unwrap()["valueString"]
        .as_str()
        .unwrap();
    assert!(message.contains("deleted in CDT 2026"), "{message}");
    assert!(message.contains("D2391"), "{message}");
    if bundled() {
        assert!(parameter(&answer, "display").is_none());
    }

    let before = json(&ValidateCode::code(set, "D1352", Some(date("2025-12-31"))));
    assert_eq!(parameter(&before, "result").unwrap()["valueBoolean"], true);
    assert!(parameter(&before, "message").is_none());
}

#[test]
fn a_date_the_data_cannot_judge_is_not_valid() {
    let set = CodeSet::compiled();
    for (code, day) in [("D0120", "2099-06-01"), ("D0120", "1999-12-31")] {
        let answer = ValidateCode::code(set, code, Some(date(day)));
        assert!(!answer.result, "{code} on {day}");
        let message = answer.message.unwrap();
        assert!(message.contains("cannot be checked"), "{message}");
        assert!(message.contains("cannot judge"), "{message}");
    }
}

#[test]
fn validate_code_for_codings_checks_the_system_and_says_what_it_could_not_check() {
    let set = CodeSet::compiled();
    let mut coding = Coding::from_procedure(set.lookup("D0120").unwrap());
    coding.display = Some("Periodic oral evaluation".into());
    let answer = ValidateCode::coding(set, &coding, Some(date("2026-03-01")));
    if bundled() {
        assert!(answer.result);
        assert!(answer.message.unwrap().contains("not checked"));
    }
    coding.system = Some("http://snomed.info/sct".into());
    let answer = ValidateCode::coding(set, &coding, None);
    assert!(!answer.result);
    coding.system = Some(cdt_codes::CDT_SYSTEM.into());
    coding.code = Some("D00".into());
    let answer = ValidateCode::coding(set, &coding, None);
    assert!(!answer.result);
    assert!(answer.message.unwrap().contains("malformed"));
}

#[test]
fn lookup_answers_with_properties_and_no_display_in_bundled_mode() {
    let lookup = json(&Lookup::find(CodeSet::compiled(), "D3353").unwrap());
    assert_eq!(lookup["resourceType"], "Parameters");
    assert!(parameter(&lookup, "name").unwrap()["valueString"]
        .as_str()
        .unwrap()
        .contains("CDT"));
    assert_eq!(
        parameter(&lookup, "version").unwrap()["valueString"],
        "2026"
    );
    if bundled() {
        assert!(parameter(&lookup, "display").is_none());
    }
    let properties: Vec<&Json> = lookup["parameter"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["name"] == "property")
        .collect();
    assert!(properties.iter().any(|p| {
        p["part"][0]["valueCode"] == "category" && p["part"][1]["valueString"] == "Endodontics"
    }));
    assert!(parameter(&lookup, "designation").is_none());
    assert!(properties.iter().any(|p| {
        p["part"][0]["valueCode"] == "summary"
            && p["part"][1]["valueString"] == cdt_codes::lookup("D3353").unwrap().description()
    }));
}

#[test]
fn operation_answers_read_back_from_their_parameters() {
    let set = CodeSet::compiled();
    for code in ["D0120", "D1352", "D0360", "D3353"] {
        let lookup = Lookup::find(set, code).unwrap();
        let text = serde_json::to_string(&lookup).unwrap();
        assert_eq!(serde_json::from_str::<Lookup>(&text).unwrap(), lookup);
        let answer = ValidateCode::code(set, code, Some(date("2026-02-01")));
        let text = serde_json::to_string(&answer).unwrap();
        assert_eq!(serde_json::from_str::<ValidateCode>(&text).unwrap(), answer);
    }
    // Not a Parameters resource, or without the one required parameter.
    assert!(serde_json::from_str::<ValidateCode>(r#"{"resourceType":"CodeSystem"}"#).is_err());
    assert!(serde_json::from_str::<ValidateCode>(r#"{"resourceType":"Parameters"}"#).is_err());
    assert!(serde_json::from_str::<ValidateCode>(
        r#"{"resourceType":"Parameters","parameter":[{"name":"result","valueString":"yes"}]}"#
    )
    .is_err());
    assert!(serde_json::from_str::<Lookup>(r#"{"resourceType":"Parameters"}"#).is_err());
}

#[test]
fn resources_round_trip_through_json() {
    let set = CodeSet::compiled();
    let system = CodeSystem::of(set);
    let text = serde_json::to_string(&system).unwrap();
    assert_eq!(serde_json::from_str::<CodeSystem>(&text).unwrap(), system);
    let value_set = ValueSet::category(set, Category::Orthodontics, None, Form::Filter).unwrap();
    let text = serde_json::to_string(&value_set).unwrap();
    assert_eq!(serde_json::from_str::<ValueSet>(&text).unwrap(), value_set);
}

#[test]
fn a_licensed_file_gives_display_and_definition() {
    let set = licensed();
    let system = CodeSystem::of(&set);
    let text = serde_json::to_string(&system).unwrap();
    let system: Json = serde_json::from_str(&text).unwrap();
    assert_eq!(system["version"], "2027");
    assert_eq!(system["content"], "complete");
    assert!(system["copyright"]
        .as_str()
        .unwrap()
        .contains("used under licence"));
    assert_eq!(system["publisher"], "cdt-codes");

    let d0120 = concept(&system, "D0120");
    assert_eq!(
        d0120["display"],
        "Fixture nomenclature D0120 (test text, not ADA)"
    );
    assert_eq!(
        d0120["definition"],
        "Fixture descriptor for D0120, with a comma"
    );
    // Our own description is still there, as a property.
    assert_eq!(property(d0120, "summary").len(), 1);
    assert!(d0120.get("designation").is_none());

    // A code only the file knows has no words of ours.
    let d0413 = concept(&system, "D0413");
    assert!(d0413.get("display").is_some());
    if CodeSet::compiled().lookup("D0413").is_none() {
        assert!(property(d0413, "summary").is_empty());
    }

    // Dropped by the file: deleted in CDT 2027, no display.
    let d0140 = concept(&system, "D0140");
    assert_eq!(property(d0140, "deleted-in"), [&Json::from("CDT 2027")]);
    assert!(d0140.get("display").is_none());

    let coding = json(&Coding::from_procedure(set.lookup("D0120").unwrap()));
    assert_eq!(
        coding["display"],
        "Fixture nomenclature D0120 (test text, not ADA)"
    );
    assert_eq!(coding["version"], "2027");

    let lookup = json(&Lookup::find(&set, "D0120").unwrap());
    assert_eq!(
        parameter(&lookup, "display").unwrap()["valueString"],
        "Fixture nomenclature D0120 (test text, not ADA)"
    );
    let answer = ValidateCode::code(&set, "D0120", Some(date("2027-05-01")));
    assert!(answer.result);
    assert_eq!(
        answer.display.as_deref(),
        Some("Fixture nomenclature D0120 (test text, not ADA)")
    );

    // A wrong display is caught once there is an official one.
    let mut coding = Coding::from_procedure(set.lookup("D0120").unwrap());
    coding.display = Some("something else".into());
    let answer = ValidateCode::coding(&set, &coding, Some(date("2027-05-01")));
    assert!(!answer.result);
    assert!(answer
        .message
        .unwrap()
        .contains("not the code system's display"));

    // Older editions of the same set carry no official text: it may have
    // been revised since.
    let older = CodeSystem::of_edition(&set, Edition::new(2026).unwrap()).unwrap();
    assert!(older.concept.iter().all(|c| c.display.is_none()));
    assert_eq!(older.content, "complete");
    assert!(!older.copyright.unwrap().contains("used under licence"));

    let listed = ValueSet::category(&set, Category::Diagnostic, None, Form::Codes).unwrap();
    assert!(listed.include()[0]
        .concept
        .iter()
        .all(|c| c.display.is_some()));
}

mod no_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn validate_and_lookup_take_any_text(code in ".{0,8}", year in 1900u16..2300, month in 1u8..13, day in 1u8..29) {
            let set = CodeSet::compiled();
            let date = ServiceDate::new(year, month, day).ok();
            let answer = ValidateCode::code(set, &code, date);
            prop_assert!(!answer.result || cdt_codes::lookup(&code).is_some());
            let _ = Lookup::find(set, &code);
            let coding = Coding { system: Some(cdt_codes::CDT_SYSTEM.into()), code: Some(code), ..Coding::default() };
            let _ = ValidateCode::coding(set, &coding, date);
        }

        #[test]
        fn reading_any_parameters_never_panics(text in r#"\{"resourceType":"Parameters","parameter":\[\{"name":"(result|name|display|property)"(,"value(Boolean|String|Code)":("x"|true|1))?\}\]\}"#) {
            let _ = serde_json::from_str::<ValidateCode>(&text);
            let _ = serde_json::from_str::<Lookup>(&text);
        }
    }
}
