//! `ClaimChecker` on claims files in UTF-16 (little and big endian, with a
//! byte-order mark) and with Windows-1252 bytes.
//!
//! Input: one mode byte, then
//! - mode bit 0 clear: the file's content (lossily decoded to text);
//! - mode bit 0 set: rows separated by `\n`, each a code byte (one of a
//!   list of real, deleted, unknown and malformed codes), a date byte (one
//!   of a list of dates in every accepted form and some bad ones), a tooth
//!   byte and note bytes. The file gets the header `code,dos,tooth,note`
//!   (mode bit 1 puts `note` first). The note column, which the checker
//!   does not read, keeps its bytes 0x80-0xFF as they are (Windows-1252
//!   or broken UTF-8); its `,`, `"` and `\r` are dropped.
//!
//! Properties:
//! - the same content as UTF-8, UTF-16LE and UTF-16BE (each with a
//!   byte-order mark, and UTF-8 without one too unless the content's
//!   first code point is U+FEFF) gives the same format, the same items
//!   (reports and errors, with their positions) and the same summary; a
//!   U+FEFF in the content, first or later, is content in every encoding
//!   (finding C: only a file's first code point is a byte-order mark);
//! - structured rows: the file with the raw note bytes and the file with
//!   each of them replaced by `é` (a no-break space `A0` by U+00A0, which
//!   is whitespace either way) give the same number of lines (no row
//!   dropped), the same verdicts, codes and dates in the same order, and
//!   the same summary.

#![no_main]

use cdt_codes::claims::{ClaimChecker, Verdict};
use libfuzzer_sys::fuzz_target;

mod common;
use common::{same, Run};

const CODES: [&str; 16] = [
    "D0120", "D0150", "D1110", "D2391", "D3330", "D1352", "D0140", "D9999", "D0000", "d0274",
    " D7140 ", "D12A4", "", "X1234", "D02100", "D4341",
];
const DATES: [&str; 16] = [
    "2026-01-15",
    "01/15/2026",
    "1/15/2026",
    "20260115",
    "15-Jan-2026",
    "15JAN2026",
    "2026-01-15 00:00:00",
    "1/15/2026 0:00",
    "2026-01-15T10:30:00Z",
    "2099-01-01",
    "1990-06-01",
    "2026-02-30",
    "",
    "tomorrow",
    "13/01/2026",
    "2015-06-01",
];
const TEETH: [&str; 8] = ["", "3", "8", "30", "A", "K", "33", "6-11"];

fn run(bytes: &[u8]) -> Result<Run, String> {
    let mut checker = ClaimChecker::new(bytes).map_err(|error| format!("{error:?} / {error}"))?;
    let format = checker.format();
    let mut items = Vec::new();
    let mut verdicts = Vec::new();
    for item in checker.by_ref() {
        match &item {
            Ok(report) => verdicts.push((
                report.verdict(),
                report.code.to_string(),
                report.date.to_string(),
            )),
            Err(_) => verdicts.push((Verdict::Unreadable, String::new(), String::new())),
        }
        items.push(format!("{item:?}"));
    }
    let summary = checker.summary();
    assert_eq!(summary.lines(), items.len() as u64);
    Ok(Run {
        format,
        items,
        verdicts,
        summary,
    })
}

include!("../../tests/support/utf16.rs");

fn encodings(text: &str) {
    let plain = run(text.as_bytes());
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(text.as_bytes());
    let bom = run(&with_bom);
    if !text.starts_with('\u{FEFF}') {
        // A UTF-8 byte-order mark is dropped; without one the text is the
        // same, unless its own first code point is U+FEFF, which is then
        // the mark. A U+FEFF anywhere else is content (finding C).
        same(&plain, &bom, "UTF-8 with a byte-order mark");
    }
    same(&bom, &run(&utf16(text, false)), "UTF-16LE");
    same(&bom, &run(&utf16(text, true)), "UTF-16BE");
}

fuzz_target!(|data: &[u8]| {
    let [mode, ref rest @ ..] = *data else {
        return;
    };
    if mode & 1 == 0 {
        encodings(&String::from_utf8_lossy(rest));
        return;
    }
    let note_first = mode & 2 != 0;
    let header: &[u8] = if note_first {
        b"note,code,dos,tooth\n"
    } else {
        b"code,dos,tooth,note\n"
    };
    let (mut raw, mut replaced) = (header.to_vec(), header.to_vec());
    for row in rest.split(|&b| b == b'\n') {
        let [code, date, tooth, ref note @ ..] = *row else {
            continue;
        };
        let fields = format!(
            "{},{},{}",
            CODES[usize::from(code % 16)],
            DATES[usize::from(date % 16)],
            TEETH[usize::from(tooth % 8)]
        );
        let note: Vec<u8> = note
            .iter()
            .copied()
            .filter(|b| !b",\"\r".contains(b))
            .collect();
        let mut note_replaced = Vec::new();
        for &byte in &note {
            if byte == 0xA0 {
                // Windows-1252's no-break space is whitespace: a row whose
                // only content it is counts as blank, as its UTF-8 does.
                note_replaced.extend_from_slice("\u{a0}".as_bytes());
            } else if byte >= 0x80 {
                note_replaced.extend_from_slice("é".as_bytes());
            } else {
                note_replaced.push(byte);
            }
        }
        for (file, note) in [(&mut raw, &note), (&mut replaced, &note_replaced)] {
            if note_first {
                file.extend_from_slice(note);
                file.push(b',');
                file.extend_from_slice(fields.as_bytes());
            } else {
                file.extend_from_slice(fields.as_bytes());
                file.push(b',');
                file.extend_from_slice(note);
            }
            file.push(b'\n');
        }
    }
    let (a, b) = (run(&raw), run(&replaced));
    match (&a, &b) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a.format, b.format);
            assert_eq!(
                a.verdicts, b.verdicts,
                "a Windows-1252 note changed the rows"
            );
            assert_eq!(a.summary, b.summary);
        }
        (a, b) => panic!(
            "{:?} vs {:?}",
            a.as_ref().map(|r| r.items.len()).map_err(Clone::clone),
            b.as_ref().map(|r| r.items.len()).map_err(Clone::clone)
        ),
    }
    // The é version is UTF-8: the same through UTF-16.
    encodings(std::str::from_utf8(&replaced).expect("UTF-8 by construction"));
});
