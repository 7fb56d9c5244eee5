//! `CdtCode`: the form of a code, independent of the data.

use std::collections::HashSet;

use cdt_codes::{CdtCode, ParseCodeError};

#[test]
fn accepts_lower_case_and_surrounding_whitespace() {
    for text in ["D3353", "d3353", "  D3353", "D3353\n", "\t d3353 \r\n"] {
        let code: CdtCode = text.parse().unwrap();
        assert_eq!(code.to_string(), "D3353", "{text:?}");
        assert_eq!(code.number(), 3353);
    }
}

#[test]
fn empty_input() {
    assert_eq!("".parse::<CdtCode>(), Err(ParseCodeError::Empty));
    assert_eq!(" \t\n".parse::<CdtCode>(), Err(ParseCodeError::Empty));
}

#[test]
fn wrong_prefix_names_the_character() {
    assert_eq!(
        "X3353".parse::<CdtCode>(),
        Err(ParseCodeError::BadPrefix { found: 'X' })
    );
    // A bare number is not a code: the D is part of it.
    assert_eq!(
        "3353".parse::<CdtCode>(),
        Err(ParseCodeError::BadPrefix { found: '3' })
    );
    assert_eq!(
        "ü3353".parse::<CdtCode>(),
        Err(ParseCodeError::BadPrefix { found: 'ü' })
    );
}

#[test]
fn wrong_length_counts_characters() {
    assert_eq!(
        "D".parse::<CdtCode>(),
        Err(ParseCodeError::BadLength { length: 1 })
    );
    assert_eq!(
        "D335".parse::<CdtCode>(),
        Err(ParseCodeError::BadLength { length: 4 })
    );
    assert_eq!(
        "D33533".parse::<CdtCode>(),
        Err(ParseCodeError::BadLength { length: 6 })
    );
    assert_eq!(
        "D3353 D3354".parse::<CdtCode>(),
        Err(ParseCodeError::BadLength { length: 11 })
    );
}

#[test]
fn non_digit_reports_its_position() {
    assert_eq!(
        "DX353".parse::<CdtCode>(),
        Err(ParseCodeError::NonDigit {
            position: 2,
            found: 'X'
        })
    );
    assert_eq!(
        "D335x".parse::<CdtCode>(),
        Err(ParseCodeError::NonDigit {
            position: 5,
            found: 'x'
        })
    );
    assert_eq!(
        "D3-53".parse::<CdtCode>(),
        Err(ParseCodeError::NonDigit {
            position: 3,
            found: '-'
        })
    );
    // Full-width digits are not ASCII digits.
    assert_eq!(
        "D３353".parse::<CdtCode>(),
        Err(ParseCodeError::NonDigit {
            position: 2,
            found: '３'
        })
    );
}

#[test]
fn error_messages_say_what_and_where() {
    let message = "D33a3".parse::<CdtCode>().unwrap_err().to_string();
    assert!(
        message.contains("'a'") && message.contains("position 4"),
        "{message}"
    );
    let message = "D33".parse::<CdtCode>().unwrap_err().to_string();
    assert!(
        message.contains('3') && message.contains("5 characters"),
        "{message}"
    );
}

#[test]
fn conversions_from_str_and_numbers() {
    assert_eq!(CdtCode::try_from("D0120").map(u16::from), Ok(120));
    assert_eq!(
        CdtCode::try_from(120u16).map(|c| c.to_string()),
        Ok("D0120".into())
    );
    assert_eq!(
        CdtCode::try_from(10_000u16),
        Err(ParseCodeError::OutOfRange { number: 10_000 })
    );
    assert_eq!(CdtCode::new(0).map(|c| c.to_string()), Some("D0000".into()));
    assert_eq!(CdtCode::MAX.to_string(), "D9999");
}

#[test]
fn const_construction() {
    const CODE: Option<CdtCode> = CdtCode::new(3353);
    let parsed: Result<CdtCode, ParseCodeError> = CdtCode::parse("D3353");
    assert_eq!(CODE, parsed.ok());
}

#[test]
fn order_and_hash_follow_the_number() {
    let a: CdtCode = "D0120".parse().unwrap();
    let b: CdtCode = "D3353".parse().unwrap();
    assert!(a < b);
    assert_eq!(a.max(b), b);
    let set: HashSet<CdtCode> = ["D0120", "d0120", " D0120"]
        .iter()
        .map(|t| t.parse().unwrap())
        .collect();
    assert_eq!(set.len(), 1);
}

#[test]
fn display_respects_width() {
    let code: CdtCode = "D0120".parse().unwrap();
    assert_eq!(format!("[{code:>7}]"), "[  D0120]");
    assert_eq!(format!("{code:?}"), "CdtCode(D0120)");
}

#[test]
fn option_of_code_costs_nothing() {
    assert_eq!(std::mem::size_of::<CdtCode>(), 2);
    assert_eq!(std::mem::size_of::<Option<CdtCode>>(), 2);
}
