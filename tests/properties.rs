//! Property tests: parsing, display, ordering, categories and serde agree
//! with the definition of a CDT code for every input tried.

use cdt_codes::{Category, CdtCode, ParseCodeError};
use proptest::prelude::*;

#[test]
fn every_well_formed_code_round_trips() {
    for number in 0..=9999u16 {
        let code = CdtCode::new(number).unwrap();
        let text = code.to_string();
        assert_eq!(text, format!("D{number:04}"));
        assert_eq!(text.parse::<CdtCode>(), Ok(code));
        assert_eq!(text.to_lowercase().parse::<CdtCode>(), Ok(code));
        assert_eq!(format!("  {text}\t").parse::<CdtCode>(), Ok(code));
        assert_eq!(CdtCode::try_from(number), Ok(code));
        assert_eq!(code.number(), number);
    }
}

/// The category a number belongs to, straight from the published ranges.
fn category_by_range(number: u16) -> Option<Category> {
    Category::ALL
        .into_iter()
        .find(|category| category.first().number() <= number && number <= category.last().number())
}

proptest! {
    #[test]
    fn arbitrary_text_parses_only_to_its_canonical_form(text in any::<String>()) {
        match text.parse::<CdtCode>() {
            Ok(code) => {
                let canonical = code.to_string();
                prop_assert_eq!(canonical.len(), 5);
                prop_assert_eq!(text.trim().to_uppercase(), canonical.clone());
                prop_assert_eq!(canonical.parse::<CdtCode>(), Ok(code));
                prop_assert_eq!(cdt_codes::lookup(text.as_str()).map(|p| p.code()), cdt_codes::get(code).map(|p| p.code()));
            }
            Err(error) => {
                prop_assert!(!error.to_string().is_empty());
                prop_assert!(cdt_codes::lookup(text.as_str()).is_none());
            }
        }
    }

    #[test]
    fn code_like_text_is_classified_exactly(prefix in "[dDxX ]?", digits in "[0-9a]{0,6}") {
        let text = format!("{prefix}{digits}");
        let trimmed = text.trim();
        let expected_ok = trimmed.len() == 5
            && trimmed.starts_with(['D', 'd'])
            && trimmed[1..].bytes().all(|b| b.is_ascii_digit());
        prop_assert_eq!(text.parse::<CdtCode>().is_ok(), expected_ok);
        if trimmed.is_empty() {
            prop_assert_eq!(text.parse::<CdtCode>(), Err(ParseCodeError::Empty));
        }
    }

    #[test]
    fn numbers_above_9999_are_rejected(number in 10_000u16..) {
        prop_assert_eq!(
            CdtCode::try_from(number),
            Err(ParseCodeError::OutOfRange { number: u32::from(number) })
        );
    }

    #[test]
    fn category_of_agrees_with_the_ranges(number in 0..=9999u16) {
        let code = CdtCode::new(number).unwrap();
        prop_assert_eq!(Category::of(code), category_by_range(number));
        if let Some(category) = Category::of(code) {
            prop_assert!(category.range().contains(&code));
        }
    }

    #[test]
    fn ordering_follows_the_number(a in 0..=9999u16, b in 0..=9999u16) {
        let (x, y) = (CdtCode::new(a).unwrap(), CdtCode::new(b).unwrap());
        prop_assert_eq!(x.cmp(&y), a.cmp(&b));
        prop_assert_eq!(x == y, a == b);
    }
}

#[cfg(feature = "serde")]
proptest! {
    #[test]
    fn serde_round_trip(number in 0..=9999u16) {
        let code = CdtCode::new(number).unwrap();
        let json = serde_json::to_string(&code).unwrap();
        prop_assert_eq!(json.clone(), format!("\"D{number:04}\""));
        prop_assert_eq!(serde_json::from_str::<CdtCode>(&json).unwrap(), code);
    }

    #[test]
    fn serde_rejects_what_parse_rejects(text in any::<String>()) {
        let json = serde_json::to_string(&text).unwrap();
        let from_json = serde_json::from_str::<CdtCode>(&json).ok();
        prop_assert_eq!(from_json, text.parse::<CdtCode>().ok());
    }
}
