//! `cdt_codes::claims::x12::X12Reader` on arbitrary bytes and on mutations
//! of a valid 837D interchange.
//!
//! Input: one control byte, one length byte, then bytes.
//!
//! byte 0 bit 0:    put a prefix of `tests/fixtures/claims.837` (its first
//!                  `8 * byte 1` bytes, at most all of it) before the rest;
//! byte 0 bit 1:    a small segment limit, `106 + byte 1` bytes;
//! byte 0 bits 2-4: the capacity (1-8 bytes) of a `BufReader` that hands
//!                  the input over in pieces.
//!
//! Properties:
//! - no panic; `new` succeeds only for input that `looks_like_x12`, and
//!   fails with `NoIsa` (or `ShortIsa`, for a cut `ISA`) for input that
//!   does not; errors show their segment;
//! - in an input with a single `ISA` (segment numbers restart at each
//!   interchange), the segment numbers of the errors never decrease
//!   (`LxWithoutSv3`, which names its `LX` and is known only when the loop
//!   ends, included while fewer than `HOLD_LIMIT` items came before it:
//!   beyond that the reader stops holding items back), and
//!   the service lines (and `LX` loops without `SV3`) come in the order of
//!   their `LX` segments;
//! - every `ServiceLine` has a non-empty, trimmed code, its `LX` comes
//!   before its `SV3`, at most 4 modifiers and 5 oral cavity areas, none
//!   empty; a date's `start`/`end`/`start_iso` are eight digits;
//! - the reader is fused after `None`;
//! - memory: `buffer_capacity()` never exceeds the segment limit;
//! - the same items, in the same order, when the input arrives in 1-8
//!   byte pieces.

#![no_main]

use std::io::{BufRead, BufReader};

use cdt_codes::claims::x12::{looks_like_x12, X12Date, X12Error, X12Reader};
use libfuzzer_sys::fuzz_target;

const FIXTURE: &[u8] = include_bytes!("../../tests/fixtures/claims.837");

fn check_date(date: &X12Date) {
    for part in [date.start(), date.end()].into_iter().flatten() {
        assert_eq!(part.len(), 8, "{date:?}");
        assert!(part.bytes().all(|b| b.is_ascii_digit()), "{date:?}");
    }
    match (date.start(), date.start_iso()) {
        (Some(start), Some(iso)) => {
            assert_eq!(iso.replace('-', ""), start);
            assert_eq!(iso.len(), 10);
        }
        (None, None) => {}
        other => panic!("start and start_iso disagree: {other:?}"),
    }
}

/// Every item of the reader, as `Debug` text, after checking each.
fn read_all<R: BufRead>(
    input: R,
    limit: Option<usize>,
    single_isa: bool,
) -> Result<Vec<String>, String> {
    let reader = X12Reader::new(input).map_err(|error| {
        let shown = error.to_string();
        assert!(shown.starts_with("segment 1:"), "{shown}");
        format!("{error:?}")
    })?;
    let mut reader = match limit {
        Some(limit) => reader.with_segment_limit(limit),
        None => reader,
    };
    let bound = limit.map_or(cdt_codes::claims::x12::DEFAULT_SEGMENT_LIMIT, |l| {
        l.max(106)
    });
    let mut items = Vec::new();
    let mut last_error = 0;
    let mut last_lx = 0;
    let mut last_segment_seen = 0;
    while let Some(item) = reader.next() {
        assert!(
            reader.buffer_capacity() <= bound,
            "segment buffer {} > limit {bound}",
            reader.buffer_capacity()
        );
        match &item {
            Ok(line) => {
                assert!(!line.code.is_empty(), "empty code: {line:?}");
                assert_eq!(line.code.trim(), line.code);
                assert!(line.lx_segment < line.sv3_segment, "{line:?}");
                assert!(line.modifiers.len() <= 4);
                assert!(line.modifiers.iter().all(|m| !m.is_empty()));
                assert!(line.oral_cavity.len() <= 5);
                assert!(line.oral_cavity.iter().all(|a| !a.is_empty()));
                for tooth in &line.teeth {
                    assert!(tooth.surfaces.iter().all(|s| !s.is_empty()));
                }
                for date in [&line.claim_date, &line.line_date].into_iter().flatten() {
                    check_date(date);
                }
                assert_eq!(
                    line.date_of_service(),
                    line.line_date.as_ref().or(line.claim_date.as_ref())
                );
                if single_isa {
                    assert!(line.lx_segment > last_lx, "lines out of order");
                    last_lx = line.lx_segment;
                    last_segment_seen = last_segment_seen.max(line.sv3_segment);
                }
            }
            Err(error) => {
                let segment = error.segment();
                let shown = error.to_string();
                assert!(shown.starts_with(&format!("segment {segment}:")), "{shown}");
                // An `LX` without `SV3` is only known when its loop ends;
                // the reader holds back what it found inside the loop (up
                // to `HOLD_LIMIT` items) so that it still comes in segment
                // order. Its number is the `LX`'s, so it also keeps the
                // loop order.
                let lx_without_sv3 = matches!(error, X12Error::LxWithoutSv3 { .. });
                if single_isa && lx_without_sv3 {
                    assert!(segment > last_lx, "LX loops out of order");
                    last_lx = segment;
                }
                let held_all = items.len() < cdt_codes::claims::x12::HOLD_LIMIT;
                if single_isa && (held_all || !lx_without_sv3) {
                    assert!(
                        segment >= last_error,
                        "error segments go back: {last_error} then {segment} ({error:?})"
                    );
                    last_error = segment;
                }
            }
        }
        items.push(format!("{item:?}"));
    }
    assert!(reader.next().is_none(), "not fused");
    Ok(items)
}

fuzz_target!(|data: &[u8]| {
    let [flags, length, ref rest @ ..] = *data else {
        return;
    };
    let mut input = Vec::new();
    if flags & 1 != 0 {
        let take = (usize::from(length) * 8).min(FIXTURE.len());
        input.extend_from_slice(&FIXTURE[..take]);
    }
    input.extend_from_slice(rest);
    let limit = (flags & 2 != 0).then(|| 106 + usize::from(length));
    let single_isa = input.windows(3).filter(|w| *w == b"ISA").count() <= 1;

    let whole = read_all(&input[..], limit, single_isa);
    match &whole {
        Ok(_) => assert!(looks_like_x12(&input), "read without looking like X12"),
        Err(shown) => {
            // Input cut inside `ISA` is `ShortIsa`, not `NoIsa`.
            if !looks_like_x12(&input) {
                assert!(
                    shown.starts_with("NoIsa") || shown.starts_with("ShortIsa"),
                    "{shown}"
                );
            }
        }
    }

    let capacity = 1 + usize::from((flags >> 2) & 7);
    let pieces = read_all(
        BufReader::with_capacity(capacity, &input[..]),
        limit,
        single_isa,
    );
    assert_eq!(whole, pieces, "pieces of {capacity} bytes");
});
