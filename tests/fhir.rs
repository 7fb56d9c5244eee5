//! FHIR `Coding`: JSON against a hand-written document, and round trips.
#![cfg(feature = "serde")]

use cdt_codes::{Coding, FhirError, ParseCodeError, Procedure, CDT_OID, CDT_SYSTEM};

/// What a FHIR server expects for D1352, written by hand: keys in the order
/// of the FHIR specification, version the year of the last edition
/// containing the code (as HL7's guidance and the US guides write CDT
/// versions), and no display (our paraphrase is not the code
/// system's display; only licensed data has one).
const D1352: &str = r#"{
  "system": "http://www.ada.org/cdt",
  "version": "2025",
  "code": "D1352"
}"#;

const D0120: &str = r#"{
  "system": "http://www.ada.org/cdt",
  "version": "2026",
  "code": "D0120"
}"#;

/// Deleted in CDT 2013: the last edition holding it was CDT-2011/2012.
const D0360: &str = r#"{
  "system": "http://www.ada.org/cdt",
  "version": "2011",
  "code": "D0360"
}"#;

fn procedure(code: &str) -> Procedure<'static> {
    cdt_codes::lookup(code).expect("defined in the data")
}

#[test]
fn constants_name_cdt() {
    assert_eq!(CDT_SYSTEM, "http://www.ada.org/cdt");
    assert_eq!(CDT_OID, "urn:oid:2.16.840.1.113883.6.13");
}

#[test]
fn coding_json_matches_the_hand_written_documents() {
    for (code, expected) in [("D0120", D0120), ("D1352", D1352), ("D0360", D0360)] {
        let coding = Coding::from_procedure(procedure(code));
        assert_eq!(serde_json::to_string_pretty(&coding).unwrap(), expected);
    }
}

#[test]
fn absent_values_are_left_out() {
    let coding = Coding {
        system: Some(CDT_SYSTEM.into()),
        code: Some("D0120".into()),
        ..Coding::default()
    };
    assert_eq!(
        serde_json::to_string(&coding).unwrap(),
        r#"{"system":"http://www.ada.org/cdt","code":"D0120"}"#
    );
    assert_eq!(serde_json::to_string(&Coding::default()).unwrap(), "{}");
}

#[test]
fn round_trips_through_json() {
    for procedure in cdt_codes::iter() {
        let coding = Coding::from(procedure);
        let json = serde_json::to_string(&coding).unwrap();
        let read: Coding = serde_json::from_str(&json).unwrap();
        assert_eq!(read, coding);
        assert_eq!(read.procedure(), Ok(procedure));
        assert_eq!(Procedure::try_from(&read), Ok(procedure));
    }
}

#[test]
fn hl7s_older_cd2_uri_names_cdt_too() {
    let coding: Coding = serde_json::from_str(
        r#"{"system": "http://terminology.hl7.org/CodeSystem/CD2", "code": "D0120"}"#,
    )
    .unwrap();
    assert!(coding.is_cdt());
    assert_eq!(coding.procedure(), Ok(procedure("D0120")));
    let other: Coding = serde_json::from_str(
        r#"{"system": "http://terminology.hl7.org/CodeSystem/CD3", "code": "D0120"}"#,
    )
    .unwrap();
    assert!(!other.is_cdt());
}

#[test]
fn reads_codings_from_fhir_documents() {
    // Extra elements are ignored; the OID form of the system is CDT too.
    let json = r#"{
        "id": "c1",
        "extension": [],
        "system": "urn:oid:2.16.840.1.113883.6.13",
        "code": "D1352",
        "userSelected": true
    }"#;
    let coding: Coding = serde_json::from_str(json).unwrap();
    assert!(coding.is_cdt());
    assert_eq!(coding.procedure(), Ok(procedure("D1352")));
}

#[test]
fn codings_that_are_not_cdt_procedures_say_why() {
    let coding = |json: &str| serde_json::from_str::<Coding>(json).unwrap().procedure();
    let wrong = coding(r#"{"system": "http://www.ama-assn.org/go/cpt", "code": "99213"}"#);
    assert_eq!(
        wrong,
        Err(FhirError::WrongSystem {
            found: "http://www.ama-assn.org/go/cpt".into()
        })
    );
    assert_eq!(
        wrong.unwrap_err().to_string(),
        "the coding's system is \"http://www.ama-assn.org/go/cpt\", not CDT (\"http://www.ada.org/cdt\")"
    );
    assert_eq!(
        coding(r#"{"code": "D0120"}"#),
        Err(FhirError::MissingSystem)
    );
    assert_eq!(
        coding(r#"{"system": "http://www.ada.org/cdt"}"#),
        Err(FhirError::MissingCode)
    );
    let malformed = coding(r#"{"system": "http://www.ada.org/cdt", "code": "D12"}"#);
    assert_eq!(
        malformed,
        Err(FhirError::MalformedCode {
            code: "D12".into(),
            source: ParseCodeError::BadLength { length: 3 }
        })
    );
    assert_eq!(
        malformed.unwrap_err().to_string(),
        "the coding's code \"D12\" is malformed: a CDT code is 5 characters ('D' and four digits), found 3"
    );
    assert!(matches!(
        coding(r#"{"system": "http://www.ada.org/cdt", "code": "D0000"}"#),
        Err(FhirError::UnknownCode { .. })
    ));
}
