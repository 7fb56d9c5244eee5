//! `cdt_codes::lookup(&str)` and `cdt_codes::get(CdtCode)`.
//!
//! Properties:
//! - `lookup(text)` is `CdtCode::parse(text).ok().and_then(get)` (the same
//!   record, by address), and a hit's `code()` is `CdtCode::parse(text)`;
//! - `get(code)` finds exactly the records of the sorted table (checked by
//!   binary search over `iter()`), and a record sits in its category, its
//!   subcategory and `range(code..=code)`;
//! - the FHIR `Coding` of a record reads back to the same record.

#![no_main]

use cdt_codes::{Category, CdtCode, Coding, Procedure};
use libfuzzer_sys::fuzz_target;

fn address(procedure: &'static Procedure) -> *const Procedure {
    procedure
}

/// What the table says about `code`, found without `get`.
fn by_search(code: CdtCode) -> Option<&'static Procedure> {
    let all = cdt_codes::range(..);
    all.binary_search_by_key(&code, Procedure::code)
        .ok()
        .map(|index| &all[index])
}

fn check_code(code: CdtCode) {
    let record = cdt_codes::get(code);
    assert_eq!(record.map(address), by_search(code).map(address), "{code}");
    assert_eq!(record.map(address), code.procedure().map(address));
    assert_eq!(
        cdt_codes::lookup(&code.to_string()).map(address),
        record.map(address)
    );
    let Some(record) = record else {
        assert!(cdt_codes::range(code..=code).is_empty());
        return;
    };
    assert_eq!(record.code(), code);
    assert_eq!(Category::of(code), Some(record.category()));
    assert!(record.category().contains(code));
    assert!(record
        .category()
        .procedures()
        .iter()
        .any(|p| std::ptr::eq(p, record)));
    if let Some(sub) = record.subcategory() {
        assert!(sub.contains(code), "{code} outside {}", sub.name());
        assert_eq!(sub.category(), record.category());
    }
    let single = cdt_codes::range(code..=code);
    assert_eq!(single.len(), 1);
    assert!(std::ptr::eq(&single[0], record));
    assert!(record.related().all(|other| other.code() != code));
    for replacement in record.replaced_by() {
        assert!(
            cdt_codes::get(*replacement).is_some(),
            "{code} -> {replacement}"
        );
    }
    let coding = Coding::from_procedure(record);
    assert!(coding.is_cdt());
    let back = coding.procedure().expect("a coding of a record reads back");
    assert!(std::ptr::eq(back, record));
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = CdtCode::parse(&text);
    let hit = cdt_codes::lookup(&text);
    let expected = parsed.ok().and_then(cdt_codes::get);
    assert_eq!(hit.map(address), expected.map(address), "lookup({text:?})");
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
