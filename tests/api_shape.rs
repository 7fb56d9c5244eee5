//! The API as a new user meets it: a code in any form, editions that say
//! what is wrong, loaders whose errors give the remedy that fits.

#![cfg(feature = "std")]
// The references are the point: `&Procedure` and `&CdtCode` are accepted too.
#![allow(clippy::needless_borrows_for_generic_args)]

use cdt_codes::dataset::{DataErrorKind, Dataset, Mode, Options, Source, Stage};
use cdt_codes::{AsCode, CdtCode, CodeSet, Edition, EditionError, LoadError, Validity};

fn date(text: &str) -> cdt_codes::ServiceDate {
    text.parse().unwrap()
}

#[test]
fn every_function_that_takes_a_code_takes_it_in_any_form() {
    let code = CdtCode::new(1352).unwrap();
    let text = String::from("d1352 ");
    let procedure = cdt_codes::lookup("D1352").unwrap();
    let set = CodeSet::compiled();
    // lookup and get, crate level and on the set.
    for found in [
        cdt_codes::lookup(code),
        cdt_codes::lookup(&text),
        cdt_codes::lookup(text.clone()),
        cdt_codes::lookup(std::borrow::Cow::from("D1352")),
        cdt_codes::get(procedure),
        cdt_codes::get(&procedure),
        cdt_codes::get("D1352"),
        set.lookup(code),
        set.get(&code),
    ] {
        assert_eq!(found, Some(procedure));
    }
    // validity: D1352 was deleted in CDT 2026 and replaced by D2391.
    let after = date("2026-02-01");
    for verdict in [
        cdt_codes::validity(code, after),
        cdt_codes::validity(&text, after),
        cdt_codes::validity(procedure, after),
        set.validity(&procedure, after),
        set.validity_of(code, after),
        set.validity_assuming_latest(code, after),
    ] {
        assert_eq!(
            verdict.to_string(),
            "D1352 was deleted in CDT 2026; report D2391 instead"
        );
    }
    assert!(cdt_codes::validity(code, date("2025-12-31")).is_valid());
    // Malformed text still says why, whichever way it comes.
    assert!(matches!(
        cdt_codes::validity(String::from("D13x2"), after),
        Validity::Malformed(cdt_codes::ParseCodeError::NonDigit { position: 4, .. })
    ));
    assert_eq!(cdt_codes::lookup("D13"), None);
    // A subcategory takes a code in any form too.
    let heading = procedure.subcategory().unwrap();
    assert!(heading.contains("D1352") && heading.contains(code) && !heading.contains("D3353"));
}

#[test]
fn a_procedure_of_a_loaded_set_names_the_same_code_in_the_compiled_one() {
    let file = "code,nomenclature\nD0120,periodic visit (test text)\n";
    let loaded = CodeSet::load("2027.csv", file.as_bytes(), Edition::new(2027).unwrap()).unwrap();
    let theirs = loaded.lookup("D0120").unwrap();
    let ours = cdt_codes::get(theirs).unwrap();
    assert_eq!(ours.code(), theirs.code());
    assert_ne!(ours, theirs); // different records of different sets
    assert_eq!(theirs.to_code(), Ok(CdtCode::new(120).unwrap()));
}

#[test]
fn edition_new_names_the_edition_a_year_is_inside() {
    assert_eq!(Edition::new(2011).unwrap().to_string(), "CDT-2011/2012");
    let error = Edition::new(2012).unwrap_err();
    assert_eq!(
        error,
        EditionError::MidEdition {
            year: 2012,
            in_force: Edition::new(2011).unwrap()
        }
    );
    assert_eq!(error.to_string(), "CDT-2011/2012 covers 2012; use 2011");
    assert_eq!(
        Edition::new(2001).unwrap_err().to_string(),
        "CDT-3 covers 2001; use 2000"
    );
    assert_eq!(
        Edition::new(1999),
        Err(EditionError::OutOfRange { year: 1999 })
    );
    // The same error whichever way the year arrives.
    assert_eq!("2012".parse::<Edition>(), Err(error));
    assert_eq!(Edition::try_from(2012), Err(error));
}

#[test]
fn an_edition_error_goes_through_a_loader_with_a_question_mark() {
    fn load() -> Result<CodeSet, LoadError> {
        CodeSet::load(
            "x.csv",
            b"code,nomenclature\nD0120,x\n",
            Edition::new(2012)?,
        )
    }
    let error = load().unwrap_err();
    assert!(matches!(error, LoadError::Edition(_)));
    assert_eq!(error.to_string(), "CDT-2011/2012 covers 2012; use 2011");
}

/// A licensed file with no history columns and no edition named.
const NO_HISTORY: &str = "code,nomenclature\nD0120,periodic visit (test text)\n";

#[test]
fn without_an_edition_the_run_time_hint_names_the_files_year() {
    let error = CodeSet::load("CDT2027.csv", NO_HISTORY.as_bytes(), None).unwrap_err();
    let message = error.to_string();
    assert!(message.contains("Edition::new(2027)?"), "{message}");
    assert!(message.contains("--edition 2027"), "{message}");
    assert!(!message.contains("CDT_CODES_EDITION"), "{message}");
    assert!(!message.contains("2026"), "{message}");
    // A name without a year gets a placeholder, not a guess.
    let message = CodeSet::load("licensed.csv", NO_HISTORY.as_bytes(), None)
        .unwrap_err()
        .to_string();
    assert!(message.contains("Edition::new(YEAR)?"), "{message}");
}

#[test]
fn at_build_time_the_hint_is_the_build_variable() {
    let mut options = Options::for_edition(None);
    options.stage = Stage::Build;
    let errors = Dataset::with_file(
        Source::new("/licensed/CDT2028.csv", NO_HISTORY.as_bytes()),
        &options,
        Mode::Overlay,
    )
    .unwrap_err();
    let error = errors
        .iter()
        .find(|e| matches!(e.kind, DataErrorKind::UnknownEdition { .. }))
        .expect("the edition is unknown");
    assert_eq!(
        error.kind,
        DataErrorKind::UnknownEdition {
            stage: Stage::Build,
            year: Some(2028)
        }
    );
    let message = error.to_string();
    assert!(message.contains("CDT_CODES_EDITION=2028"), "{message}");
    assert!(!message.contains("Edition::new"), "{message}");
}

#[test]
fn an_overlay_too_far_ahead_gives_the_run_time_remedy() {
    let next = cdt_codes::CDT_EDITION.next().unwrap().next().unwrap();
    let message = CodeSet::load("later.csv", NO_HISTORY.as_bytes(), next)
        .unwrap_err()
        .to_string();
    assert!(message.contains("Mode::Replace"), "{message}");
    assert!(!message.contains("CDT_CODES_MODE"), "{message}");
}
