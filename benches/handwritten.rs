//! A claims check as a competent engineer would write it with this
//! crate's lookups and without its checker: the baseline of what the
//! checker's pipeline (its reader, verdicts, summary and claim grouping)
//! costs over reading the CSV and asking `CodeSet::validity` per line.
//! Included by path from `claims.rs` and `examples/claims_instructions.rs`
//! (it needs the `csv` dev-dependency, which the benches' library lacks).

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
