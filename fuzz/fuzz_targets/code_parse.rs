//! `CdtCode::parse` / `FromStr` / `TryFrom<&str>` on arbitrary text and
//! `CdtCode::try_from(u16)` on arbitrary numbers.
//!
//! Properties:
//! - the three ways of parsing text agree, and agree with a reference model
//!   written from the documented rules (trim ASCII whitespace; `D` or `d`;
//!   five characters; digits), error kind and position included;
//! - a code that parses displays as `D` + four digits, re-parses to itself,
//!   and its display equals the input with case and surrounding whitespace
//!   ignored; serde writes and reads the same string;
//! - error `Display` and `Debug` never panic and say something;
//! - `try_from(u16)` accepts exactly 0..=9999, keeps the number and orders
//!   codes by number.

#![no_main]

use cdt_codes::{CdtCode, ParseCodeError};
use libfuzzer_sys::fuzz_target;

/// The whitespace `CdtCode::parse` trims (ASCII, as documented).
fn is_trimmed(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C')
}

/// The documented grammar, written independently of the library.
fn model(text: &str) -> Result<u16, ParseCodeError> {
    let trimmed = text.trim_matches(is_trimmed);
    let Some(first) = trimmed.chars().next() else {
        return Err(ParseCodeError::Empty);
    };
    if first != 'D' && first != 'd' {
        return Err(ParseCodeError::BadPrefix { found: first });
    }
    let length = trimmed.chars().count();
    if length != 5 {
        return Err(ParseCodeError::BadLength { length });
    }
    for (index, c) in trimmed.chars().enumerate().skip(1) {
        if !c.is_ascii_digit() {
            return Err(ParseCodeError::NonDigit {
                position: index + 1,
                found: c,
            });
        }
    }
    Ok(trimmed[1..].parse().expect("four ASCII digits"))
}

fn check_text(text: &str) {
    let parsed = CdtCode::parse(text);
    assert_eq!(
        parsed,
        text.parse::<CdtCode>(),
        "FromStr disagrees: {text:?}"
    );
    assert_eq!(
        parsed,
        CdtCode::try_from(text),
        "TryFrom disagrees: {text:?}"
    );
    assert_eq!(
        parsed.map(CdtCode::number),
        model(text),
        "model disagrees: {text:?}"
    );

    // serde reads a string exactly as `parse` does.
    let json = serde_json::Value::String(text.to_owned());
    let from_json = serde_json::from_value::<CdtCode>(json);
    assert_eq!(
        from_json.as_ref().ok(),
        parsed.as_ref().ok(),
        "serde: {text:?}"
    );

    match parsed {
        Ok(code) => {
            let shown = code.to_string();
            let bytes = shown.as_bytes();
            assert_eq!(bytes.len(), 5, "display {shown:?}");
            assert_eq!(bytes[0], b'D');
            assert!(
                bytes[1..].iter().all(u8::is_ascii_digit),
                "display {shown:?}"
            );
            assert_eq!(bytes, &code.to_ascii());
            assert_eq!(CdtCode::parse(&shown), Ok(code), "re-parse of {shown:?}");
            let normalised = text.trim_matches(is_trimmed).to_ascii_uppercase();
            assert_eq!(normalised, shown, "input {text:?} vs display");
            assert_eq!(format!("{code:?}"), format!("CdtCode({shown})"));
            assert_eq!(format!("{code:>7}"), format!("  {shown}"));
            assert_eq!(format!("D{:04}", code.number()), shown);
            assert_eq!(CdtCode::new(code.number()), Some(code));
            let json = serde_json::to_string(&code).expect("serialises");
            assert_eq!(json, format!("\"{shown}\""));
            assert_eq!(serde_json::from_str::<CdtCode>(&json).ok(), Some(code));
        }
        Err(error) => {
            let message = error.to_string();
            assert!(!message.is_empty());
            let _ = format!("{error:?}");
            // The serde error carries the parse error's message.
            let serde_error = from_json.expect_err("parse failed, serde must fail");
            assert!(
                serde_error.to_string().contains(&message),
                "{serde_error} / {message}"
            );
        }
    }
}

fn check_number(number: u16) {
    let code = CdtCode::try_from(number);
    if number <= 9999 {
        let code = code.expect("0..=9999 is a code");
        assert_eq!(code.number(), number);
        assert_eq!(u16::from(code), number);
        assert_eq!(CdtCode::new(number), Some(code));
        assert_eq!(code.to_string(), format!("D{number:04}"));
        assert!(CdtCode::MIN <= code && code <= CdtCode::MAX);
    } else {
        assert_eq!(
            code,
            Err(ParseCodeError::OutOfRange {
                number: u32::from(number)
            })
        );
        assert_eq!(CdtCode::new(number), None);
        let message = code.unwrap_err().to_string();
        assert!(message.contains(&number.to_string()), "{message}");
    }
}

fuzz_target!(|data: &[u8]| {
    if let [a, b, ..] = *data {
        let first = u16::from_le_bytes([a, b]);
        check_number(first);
        if let [_, _, c, d, ..] = *data {
            let second = u16::from_le_bytes([c, d]);
            check_number(second);
            if let (Ok(x), Ok(y)) = (CdtCode::try_from(first), CdtCode::try_from(second)) {
                assert_eq!(x.cmp(&y), first.cmp(&second), "order by number");
            }
        }
    }
    match std::str::from_utf8(data) {
        Ok(text) => check_text(text),
        Err(_) => check_text(&String::from_utf8_lossy(data)),
    }
});
