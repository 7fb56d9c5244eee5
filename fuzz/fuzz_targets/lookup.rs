//! `cdt_codes::lookup(&str)` and `cdt_codes::get(CdtCode)`.
//!
//! Properties:
//! - `lookup(text)` is `CdtCode::parse(text).ok().and_then(get)` (the same
//!   record of the same set: `Procedure` equality is identity), and a
//!   hit's `code()` is `CdtCode::parse(text)`;
//! - `get(code)` finds exactly the records of the sorted table (checked by
//!   binary search over `iter()`), and a record sits in its category, its
//!   subcategory (and its member list) and `range(code..=code)`; its
//!   replacements are defined and `replacements()` = `replaced_by()`;
//! - the FHIR `Coding` of a record reads back to the same record.

#![no_main]

use cdt_codes::{Category, CdtCode, CodeSet, Coding, Procedure};
use libfuzzer_sys::fuzz_target;

/// What the table says about `code`, found without `get`: a binary search
/// over the records of `iter()`.
fn by_search(code: CdtCode) -> Option<Procedure<'static>> {
    let all: Vec<Procedure<'static>> = cdt_codes::iter().collect();
    all.binary_search_by_key(&code, Procedure::code)
        .ok()
        .map(|index| all[index])
}

fn check_code(code: CdtCode) {
    let set = CodeSet::compiled();
    let record = cdt_codes::get(code);
    // `Procedure` equality is identity: the same record of the same set.
    assert_eq!(record, by_search(code), "{code}");
    assert_eq!(record, set.get(code));
    assert_eq!(cdt_codes::lookup(&code.to_string()), record);
    let Some(record) = record else {
        assert_eq!(cdt_codes::range(code..=code).len(), 0);
        return;
    };
    assert!(std::ptr::eq(record.set(), set));
    assert_eq!(record.code(), code);
    assert_eq!(Category::of(code), Some(record.category()));
    assert!(record.category().contains(code));
    assert!(set.category(record.category()).any(|p| p == record));
    if let Some(sub) = record.subcategory() {
        assert!(sub.contains(code), "{code} outside {}", sub.name());
        assert_eq!(sub.category(), record.category());
        assert!(sub.procedures().any(|p| p == record));
    }
    let single: Vec<_> = cdt_codes::range(code..=code).collect();
    assert_eq!(single, [record]);
    assert!(record.related().all(|other| other.code() != code));
    for replacement in record.replaced_by() {
        assert!(
            cdt_codes::get(*replacement).is_some(),
            "{code} -> {replacement}"
        );
    }
    assert_eq!(
        record.replacements().map(|p| p.code()).collect::<Vec<_>>(),
        record.replaced_by()
    );
    let coding = Coding::from_procedure(record);
    assert!(coding.is_cdt());
    let back = coding.procedure().expect("a coding of a record reads back");
    assert_eq!(back, record);
    assert_eq!(coding.procedure_in(set).ok(), Some(record));
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = CdtCode::parse(&text);
    let hit = cdt_codes::lookup(&text);
    let expected = parsed.ok().and_then(cdt_codes::get);
    assert_eq!(hit, expected, "lookup({text:?})");
    assert_eq!(CodeSet::compiled().lookup(&text), hit);
    if let Some(record) = hit {
        assert_eq!(
            Ok(record.code()),
            parsed,
            "lookup({text:?}) hit the wrong code"
        );
    }
    if let Ok(code) = parsed {
        check_code(code);
    }
    if let [a, b, ..] = *data {
        if let Some(code) = CdtCode::new(u16::from_le_bytes([a, b]) % 10_000) {
            check_code(code);
        }
    }
});
