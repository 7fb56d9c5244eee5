//! The JSON shapes of `CdtCode`, `Category` and `Procedure`.
#![cfg(feature = "serde")]

use cdt_codes::{Category, CdtCode};
use serde_json::json;

#[test]
fn code_is_its_string_both_ways() {
    let code: CdtCode = "D3353".parse().unwrap();
    assert_eq!(serde_json::to_string(&code).unwrap(), r#""D3353""#);
    assert_eq!(serde_json::from_str::<CdtCode>(r#""D3353""#).unwrap(), code);
    assert_eq!(
        serde_json::from_str::<CdtCode>(r#"" d3353 ""#).unwrap(),
        code
    );
    for code in cdt_codes::iter().map(|p| p.code()) {
        let json = serde_json::to_string(&code).unwrap();
        assert_eq!(serde_json::from_str::<CdtCode>(&json).unwrap(), code);
    }
}

#[test]
fn bad_code_strings_fail_with_the_parse_error() {
    let error = serde_json::from_str::<CdtCode>(r#""D33a3""#).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("a CDT code has digits after the 'D', found 'a' at position 4"),
        "{error}"
    );
    let error = serde_json::from_str::<CdtCode>("3353").unwrap_err();
    assert!(error.to_string().contains("a CDT code string"), "{error}");
}

#[test]
fn category_is_its_name_both_ways() {
    assert_eq!(
        serde_json::to_value(Category::ProsthodonticsRemovable).unwrap(),
        json!("Prosthodontics (removable)")
    );
    for category in Category::ALL {
        let json = serde_json::to_string(&category).unwrap();
        assert_eq!(serde_json::from_str::<Category>(&json).unwrap(), category);
        let by_variant = format!("{:?}", category.variant_name());
        assert_eq!(
            serde_json::from_str::<Category>(&by_variant).unwrap(),
            category
        );
    }
    assert!(serde_json::from_str::<Category>(r#""Cosmetics""#).is_err());
}

#[test]
fn procedure_has_the_documented_shape() {
    let record = serde_json::to_value(cdt_codes::lookup("D1352").unwrap()).unwrap();
    assert_eq!(
        record,
        json!({
            "code": "D1352",
            "description": "Preventive resin restoration (PRR, sealant-type filling) on a permanent tooth, for a patient at moderate or high decay risk",
            "nomenclature": null,
            "descriptor": null,
            "category": "Preventive",
            "subcategory": "Other Preventive Services",
            "subcategory_confirmed": true,
            "added_in": 2011,
            "added_before": null,
            "deleted_in": 2026,
            "replaced_by": ["D2391"],
            "revised_in": [],
            "effective": null,
            "unconfirmed": []
        })
    );
    let record = serde_json::to_value(cdt_codes::lookup("D0120").unwrap()).unwrap();
    assert_eq!(record["added_in"], json!(null));
    assert_eq!(record["added_before"], json!(2003));
    assert_eq!(record["revised_in"], json!([2003, 2007, 2022]));
    let record = serde_json::to_value(cdt_codes::lookup("D5510").unwrap()).unwrap();
    assert_eq!(record["subcategory_confirmed"], json!(false));
    assert_eq!(record["unconfirmed"], json!(["subcategory"]));
}

#[test]
fn procedure_keys_keep_their_order() {
    let text = serde_json::to_string(&cdt_codes::lookup("D0120").unwrap()).unwrap();
    let keys = [
        "code",
        "description",
        "nomenclature",
        "descriptor",
        "category",
        "subcategory",
        "subcategory_confirmed",
        "added_in",
        "added_before",
        "deleted_in",
        "replaced_by",
        "revised_in",
        "effective",
        "unconfirmed",
    ];
    let positions: Vec<usize> = keys
        .iter()
        .map(|key| text.find(&format!("\"{key}\":")).expect(key))
        .collect();
    assert!(positions.windows(2).all(|pair| pair[0] < pair[1]), "{text}");
}

#[test]
fn every_procedure_serialises() {
    for procedure in cdt_codes::iter() {
        let record = serde_json::to_value(procedure).unwrap();
        assert_eq!(record["code"], json!(procedure.code().to_string()));
        assert_eq!(record.as_object().unwrap().len(), 14);
    }
}
