//! A claims check as a competent engineer would write it with this
//! crate's lookups and without its checker: the baseline of what the
//! checker's pipeline (its reader, verdicts, summary and claim grouping)
//! costs over reading the CSV (or splitting the 837D) and asking
//! `CodeSet::validity` per line. Included by path from `claims.rs` and
//! `examples/claims_instructions.rs` (it needs the `csv` and `memchr`
//! dev-dependencies, which the benches' library lacks).

use cdt_codes::{CodeSet, ServiceDate};

/// The `csv` crate reading each row into one reused `ByteRecord`; the code
/// and date columns found by name in the header; each date parsed and each
/// code judged on it by `CodeSet::validity`. The number of lines not valid
/// (a line whose date does not parse is not valid).
pub fn check(bytes: &[u8]) -> usize {
    let set = CodeSet::compiled();
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let header = reader.byte_headers().cloned().unwrap_or_default();
    let column = |name: &[u8]| header.iter().position(|cell| cell == name);
    let (Some(code_at), Some(date_at)) = (column(b"procedure_code"), column(b"date_of_service"))
    else {
        return 0;
    };
    let mut record = csv::ByteRecord::new();
    let mut rejected = 0;
    while reader.read_byte_record(&mut record).unwrap_or(false) {
        let code = text(record.get(code_at)).unwrap_or("");
        let date = text(record.get(date_at)).and_then(|date| date.parse::<ServiceDate>().ok());
        let valid = date.is_some_and(|date| set.validity(code, date).is_valid());
        rejected += usize::from(!valid);
    }
    rejected
}

fn text(cell: Option<&[u8]>) -> Option<&str> {
    cell.and_then(|cell| std::str::from_utf8(cell).ok())
}

/// The 837D check a competent engineer would write with `memchr` and this
/// crate's lookups, the floor under any checker of the same file: the
/// delimiters from the fixed-width `ISA` (the element separator its 4th
/// byte, the component separator its 105th, the terminator the 106th),
/// then the segments split on the terminator with `memchr`; an `SV3`'s
/// code taken from its first element (after the `AD` qualifier and the
/// component separator), and each `DTP*472` (date of service, `D8`) parsed
/// and the code judged on it by `CodeSet::validity`. Nothing else: no
/// envelope, loops, teeth, claim-level edits or report. The number of
/// lines not valid (a line whose date does not parse is not valid).
pub fn check_x12(bytes: &[u8]) -> usize {
    let set = CodeSet::compiled();
    let isa = bytes.trim_ascii_start();
    let (Some(&element), Some(&component), Some(&terminator)) =
        (isa.get(3), isa.get(104), isa.get(105))
    else {
        return 0;
    };
    let mut code: &[u8] = &[];
    let mut rejected = 0;
    let mut start = 0;
    for end in memchr::memchr_iter(terminator, bytes) {
        let segment = bytes[start..end].trim_ascii_start();
        start = end + 1;
        let mut elements = segment.split(|&byte| byte == element);
        match elements.next() {
            Some(b"SV3") => {
                let composite = elements.next().unwrap_or_default();
                code = composite
                    .split(|&byte| byte == component)
                    .nth(1)
                    .unwrap_or_default();
            }
            Some(b"DTP") if elements.next() == Some(b"472") => {
                let date = elements
                    .nth(1)
                    .and_then(|date| text(Some(date)))
                    .and_then(|date| date.parse::<ServiceDate>().ok());
                let code = text(Some(code)).unwrap_or("");
                let valid = date.is_some_and(|date| set.validity(code, date).is_valid());
                rejected += usize::from(!valid);
            }
            _ => {}
        }
    }
    rejected
}
