//! FHIR `$expand` (`cdt_codes::fhir::Expand`) with arbitrary filter text,
//! offset and count, over the whole code system and over the category
//! value sets.
//!
//! Input: a flags byte, two offset bytes, a count byte, then the filter
//! text (lossily decoded).
//!
//! flags bit 0:    a text filter (else none);
//! flags bit 1:    a category value set (category = flags >> 4, `Form`
//!                 by bit 2), else the whole system;
//! flags bit 3:    no count (every match from the offset);
//! offset:         a `u16` from bytes 1-2, kept below 1,200 when flags
//!                 bit 7 is clear, so that pages usually hold codes;
//! count:          byte 3.
//!
//! Properties:
//! - never panics and never fails on the crate's own value sets;
//! - the expansion's `total` is the number of codes of the full expansion
//!   (no offset, no count), the same for every page;
//! - the page's `contains` is exactly the full expansion's window
//!   `[offset, offset + count)`, and `offset` reads back;
//! - the full expansion lists each code once; without a filter in code
//!   order; every code it lists is `D` and 4 digits, known to the set, in
//!   the value set's category when it has one;
//! - walking the pages of `count` codes (up to 40 pages) from 0 gives back
//!   the full expansion.

#![no_main]

use std::collections::BTreeSet;

use cdt_codes::fhir::{Contains, Expand, Form, ValueSet};
use cdt_codes::{Category, CdtCode, CodeSet};
use libfuzzer_sys::fuzz_target;

const STAMP: &str = "2026-12-03T00:00:00Z";

fn expand(
    set: &CodeSet,
    value_set: Option<&ValueSet>,
    request: Expand<'_>,
) -> (Option<u32>, Option<u32>, Vec<Contains>) {
    let result = match value_set {
        Some(value_set) => request.value_set(set, value_set),
        None => request.system(set, None),
    };
    let expansion = result
        .expect("the crate's own value sets expand")
        .expansion
        .expect("an expansion");
    assert_eq!(expansion.timestamp, STAMP);
    (expansion.total, expansion.offset, expansion.contains)
}

fuzz_target!(|data: &[u8]| {
    let [flags, o0, o1, count, ref text @ ..] = *data else {
        return;
    };
    let set = CodeSet::compiled();
    let text = String::from_utf8_lossy(text);
    let category = Category::ALL[usize::from(flags >> 4) % Category::ALL.len()];
    let value_set = (flags & 2 != 0).then(|| {
        let form = if flags & 4 != 0 {
            Form::Filter
        } else {
            Form::Codes
        };
        ValueSet::category(set, category, None, form).expect("a category value set")
    });
    let mut offset = u32::from(u16::from_le_bytes([o0, o1]));
    if flags & 128 == 0 {
        offset %= 1200;
    }
    let base = {
        let request = Expand::new().timestamp(STAMP);
        if flags & 1 != 0 {
            request.filter(&text)
        } else {
            request
        }
    };

    let (total, _, full) = expand(set, value_set.as_ref(), base);
    assert_eq!(total, Some(u32::try_from(full.len()).unwrap()));
    let codes: Vec<&str> = full.iter().map(|c| c.code.as_deref().unwrap()).collect();
    let unique: BTreeSet<&str> = codes.iter().copied().collect();
    assert_eq!(unique.len(), codes.len(), "a code listed twice");
    if flags & 1 == 0 {
        assert!(
            codes.windows(2).all(|pair| pair[0] < pair[1]),
            "not in code order"
        );
    }
    for code in &codes {
        let parsed: CdtCode = code.parse().expect("a CDT code");
        assert_eq!(parsed.to_string(), *code);
        let procedure = set.get(parsed).expect("a code the set knows");
        if value_set.is_some() {
            assert_eq!(
                procedure.category(),
                category,
                "{code} outside {category:?}"
            );
        }
    }

    // The page asked for is the window of the full expansion.
    let request = if flags & 8 != 0 {
        base.offset(offset)
    } else {
        base.offset(offset).count(u32::from(count))
    };
    let (page_total, page_offset, page) = expand(set, value_set.as_ref(), request);
    assert_eq!(page_total, total, "total differs by page");
    assert_eq!(page_offset.unwrap_or(0), offset);
    let start = usize::try_from(offset).unwrap().min(full.len());
    let end = if flags & 8 != 0 {
        full.len()
    } else {
        (start + usize::from(count)).min(full.len())
    };
    assert_eq!(page, full[start..end], "offset {offset} count {count}");

    // Walk the pages.
    if count > 0 && full.len() / usize::from(count) < 40 {
        let mut walked = Vec::new();
        let mut at = 0u32;
        loop {
            let (page_total, _, page) = expand(
                set,
                value_set.as_ref(),
                base.offset(at).count(u32::from(count)),
            );
            assert_eq!(page_total, total);
            assert!(page.len() <= usize::from(count));
            if page.is_empty() {
                break;
            }
            at += u32::try_from(page.len()).unwrap();
            walked.extend(page);
        }
        assert_eq!(walked, full, "pages of {count}");
    }
});
