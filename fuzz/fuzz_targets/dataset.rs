//! The data-file parser shared by `build.rs` and the runtime loader:
//! `dataset::Dataset::parse` and `CodeSet::load_with(.., Mode::Replace)`
//! on arbitrary bytes.
//!
//! Input: one mode byte, then the code file, then (after the first `0xFF`
//! byte, which UTF-8 never contains) a heading file.
//!
//! mode bits 0-1: code file name `codes.csv`, `codes.tsv`, `codes.txt`
//!                (delimiter detected from the first line) or `CODES.TAB`;
//! mode bit 2:    heading file from the input, else the bundled one;
//! mode bits 3-4: options: default, edition 2026, require subcategories,
//!                both.
//!
//! Properties:
//! - `Ok`: codes sorted and unique, each inside a category, on a line of
//!   the file; a description (or the nomenclature) for each; history
//!   consistent (added before deleted, revisions inside the lifetime,
//!   replacements defined, not the code itself, only for deleted codes);
//!   the edition is the one asked for or the newest named; every heading a
//!   record names exists in its category (`heading_of` = a scan), and with
//!   `require_subcategories` every record names one;
//! - `Err`: at least one error; each names one of the two files, with a line
//!   no larger than the file's line count + 1, a column never 0, errors in
//!   file and line order (as documented), and `Display` starts with
//!   `file:line`;
//! - for a code file without `\r`, writing every line ending as `\r\n`
//!   changes nothing: the same codes on the same lines, or the same errors
//!   on the same lines; nor does writing them as a lone `\r` (old Mac
//!   line endings);
//! - `CodeSet::load_with(name, codes, options, Mode::Replace)` succeeds
//!   exactly when `Dataset::parse` with the bundled headings does, with the
//!   same errors; its `get`/`lookup`/`category`/`is_active_in`/
//!   `subcategory` agree with the parsed table.

#![no_main]

use cdt_codes::dataset::{DataError, DataErrorKind, DataErrors, Dataset, Mode, Options, Source};
use cdt_codes::{Added, Category, CdtCode, CodeSet, Edition, LoadError};
use libfuzzer_sys::fuzz_target;

const BUNDLED_HEADINGS: &[u8] = include_bytes!("../../data/subcategories.tsv");
/// The name the loader gives the bundled heading file in its errors.
const BUNDLED_NAME: &str = "data/subcategories.tsv";
const HEADING_NAME: &str = "s.tsv";

/// Lines in `bytes`: line breaks (`\n`, `\r\n` or a lone `\r`) plus one.
fn line_count(bytes: &[u8]) -> usize {
    let mut lines = 1;
    for (index, &byte) in bytes.iter().enumerate() {
        match byte {
            b'\n' => lines += 1,
            b'\r' if bytes.get(index + 1) != Some(&b'\n') => lines += 1,
            _ => {}
        }
    }
    lines
}

/// The variant name of an error kind, without the values (which may show
/// the text of a field, line endings included).
fn kind_name(kind: &DataErrorKind) -> String {
    let shown = format!("{kind:?}");
    let end = shown.find([' ', '(', '{']).unwrap_or(shown.len());
    shown[..end].to_owned()
}

fn check_errors(errors: &[DataError], files: &[(&str, &[u8])]) {
    assert!(!errors.is_empty(), "Err with no errors");
    for error in errors {
        let shown = error.to_string();
        let _ = format!("{error:?}");
        let Some(&(_, bytes)) = files.iter().find(|(name, _)| *name == error.file) else {
            panic!("error names an unknown file: {shown}");
        };
        let limit = line_count(bytes) + 1;
        assert!(
            error.line <= limit,
            "line {} > {limit}: {shown}",
            error.line
        );
        assert!(error.column != Some(0), "column 0: {shown}");
        if error.line == 0 {
            // About the file as a whole (empty, or its edition).
            assert!(error.column.is_none(), "{shown}");
        }
        assert!(
            shown.starts_with(&format!("{}:{}", error.file, error.line)),
            "{shown}"
        );
    }
    for &(name, _) in files {
        let lines: Vec<usize> = errors
            .iter()
            .filter(|e| e.file == name)
            .map(|e| e.line)
            .collect();
        assert!(
            lines.windows(2).all(|pair| pair[0] <= pair[1]),
            "errors of {name} not in line order: {lines:?}"
        );
    }
}

fn check_dataset(data: &Dataset, options: &Options, codes: &[u8]) {
    let procedures = &data.procedures;
    assert!(!procedures.is_empty());
    assert!(
        procedures
            .windows(2)
            .all(|pair| pair[0].code < pair[1].code),
        "codes not sorted and unique"
    );
    let limit = line_count(codes) + 1;
    let mut newest: Option<Edition> = None;
    for row in procedures {
        let code = row.code;
        assert!(
            Category::of(code).is_some(),
            "{code} outside every category"
        );
        assert!(
            row.line >= 2 && row.line <= limit,
            "{code} on line {}",
            row.line
        );
        assert!(
            !row.description.trim().is_empty()
                || row
                    .nomenclature
                    .as_deref()
                    .is_some_and(|n| !n.trim().is_empty()),
            "{code}: empty description"
        );
        if let Some(text) = &row.nomenclature {
            assert!(!text.trim().is_empty());
        }
        if let (Some(Added::In(added)), Some(deleted)) = (row.added, row.deleted_in) {
            assert!(
                added < deleted,
                "{code}: deleted {deleted} before added {added}"
            );
        }
        assert!(row.revised_in.windows(2).all(|pair| pair[0] < pair[1]));
        for &revised in &row.revised_in {
            if let Some(Added::In(added)) = row.added {
                assert!(added < revised, "{code}: revised {revised}, added {added}");
            }
            if let Some(deleted) = row.deleted_in {
                assert!(
                    revised < deleted,
                    "{code}: revised {revised}, deleted {deleted}"
                );
            }
        }
        if !row.replaced_by.is_empty() {
            assert!(row.deleted_in.is_some(), "{code}: replaced but not deleted");
        }
        for (index, replacement) in row.replaced_by.iter().enumerate() {
            assert_ne!(*replacement, code, "{code} replaces itself");
            assert!(!row.replaced_by[..index].contains(replacement));
            assert!(
                procedures
                    .binary_search_by_key(replacement, |r| r.code)
                    .is_ok(),
                "{code}: replacement {replacement} undefined"
            );
        }
        let added = match row.added {
            Some(Added::In(edition)) => Some(edition),
            _ => None,
        };
        let named = added
            .into_iter()
            .chain(row.deleted_in)
            .chain(row.revised_in.iter().copied());
        newest = newest.into_iter().chain(named).max();
    }
    match options.edition {
        Some(chosen) => assert_eq!(data.edition, chosen),
        None => assert_eq!(Some(data.edition), newest),
    }
    if let Some(newest) = newest {
        assert!(data.edition >= newest);
    }

    for heading in &data.headings {
        assert!(!heading.name.trim().is_empty());
    }
    for row in procedures {
        let scan = row.subcategory.as_deref().and_then(|name| {
            data.headings
                .iter()
                .position(|h| Category::of(row.code) == Some(h.category) && h.name == name)
        });
        assert_eq!(data.heading_of(row), scan, "{}", row.code);
        if row.subcategory.is_some() {
            assert!(scan.is_some(), "{} names an unknown heading", row.code);
        } else {
            assert!(
                !options.require_subcategories,
                "{} has no heading",
                row.code
            );
        }
    }
}

fn check_code_set(set: &CodeSet, data: &Dataset) {
    let rows: Vec<_> = set.iter().collect();
    assert_eq!(
        rows.iter().map(|p| p.code()).collect::<Vec<_>>(),
        data.procedures.iter().map(|r| r.code).collect::<Vec<_>>(),
        "the set holds the parsed codes, in order"
    );
    assert_eq!(set.edition(), data.edition);
    let mut found = 0;
    for number in 0..=9999 {
        let code = CdtCode::new(number).expect("in range");
        if let Some(procedure) = set.get(code) {
            assert_eq!(procedure.code(), code);
            found += 1;
        }
    }
    assert_eq!(found, rows.len(), "get finds every row and nothing else");
    for (procedure, row) in rows.iter().zip(&data.procedures) {
        let text = row.code.to_string();
        assert_eq!(set.lookup(&text), Some(*procedure));
        assert_eq!(set.lookup(&text.to_lowercase()), Some(*procedure));
        assert_eq!(procedure.added(), row.added);
        assert_eq!(procedure.deleted_in(), row.deleted_in);
        assert_eq!(procedure.replaced_by(), row.replaced_by.as_slice());
        assert_eq!(procedure.revised_in(), row.revised_in.as_slice());
        assert_eq!(procedure.effective(), row.effective);
        assert_eq!(
            procedure.subcategory().map(|s| s.name()),
            data.heading_of(row).map(|i| data.headings[i].name.as_str())
        );
        let edition = set.edition();
        let deleted = row.deleted_in.is_some_and(|d| d <= edition);
        let added_later = matches!(row.added, Some(Added::In(a)) if a > edition);
        assert_eq!(
            procedure.is_active_in(edition),
            !deleted && !added_later,
            "{text}"
        );
    }
    let by_category: usize = Category::ALL.iter().map(|c| set.category(*c).len()).sum();
    assert_eq!(by_category, rows.len());
    for category in Category::ALL {
        assert!(set.category(category).all(|p| category.contains(p.code())));
    }
}

/// The same rows, or the same errors, whatever the line endings.
fn same_outcome(
    lf: &Result<Dataset, DataErrors>,
    other: &Result<Dataset, DataErrors>,
    ending: &str,
) {
    match (lf, other) {
        (Ok(lf), Ok(other)) => {
            let rows =
                |d: &Dataset| -> Vec<_> { d.procedures.iter().map(|r| (r.code, r.line)).collect() };
            assert_eq!(
                rows(lf),
                rows(other),
                "{ending} line endings change the rows"
            );
            assert_eq!(lf.edition, other.edition);
        }
        (Err(lf), Err(other)) => {
            let found = |errors: &[DataError]| -> Vec<_> {
                let mut found: Vec<_> = errors
                    .iter()
                    .map(|e| (e.file.clone(), e.line, e.column, kind_name(&e.kind)))
                    .collect();
                found.sort();
                found
            };
            assert_eq!(
                found(lf),
                found(other),
                "{ending} line endings change the errors"
            );
        }
        _ => panic!(
            "{ending} line endings change the outcome: {:?} vs {:?}",
            lf.as_ref().map(|_| ()),
            other.as_ref().map(|_| ())
        ),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let (codes, fuzzed_headings) = match rest.iter().position(|&b| b == 0xFF) {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, &[][..]),
    };
    let name = ["codes.csv", "codes.tsv", "codes.txt", "CODES.TAB"][usize::from(mode & 3)];
    let subcategories = if mode & 4 != 0 {
        fuzzed_headings
    } else {
        BUNDLED_HEADINGS
    };
    let mut options = Options::for_edition(if mode & 8 != 0 {
        Edition::new(2026).ok()
    } else {
        None
    });
    options.require_subcategories = mode & 16 != 0;

    let parsed = Dataset::parse(
        Source::new(name, codes),
        Source::new(HEADING_NAME, subcategories),
        &options,
    );
    match &parsed {
        Ok(dataset) => check_dataset(dataset, &options, codes),
        Err(errors) => check_errors(errors, &[(name, codes), (HEADING_NAME, subcategories)]),
    }

    if !codes.contains(&b'\r') {
        // Windows line endings: always the same result.
        let crlf = codes.iter().fold(Vec::new(), |mut out, &byte| {
            if byte == b'\n' {
                out.push(b'\r');
            }
            out.push(byte);
            out
        });
        let with_crlf = Dataset::parse(
            Source::new(name, &crlf),
            Source::new(HEADING_NAME, subcategories),
            &options,
        );
        same_outcome(&parsed, &with_crlf, "\\r\\n");
        // Old Mac line endings: a lone `\r` ends a line too, inside quoted
        // fields as well.
        let cr: Vec<u8> = codes
            .iter()
            .map(|&b| if b == b'\n' { b'\r' } else { b })
            .collect();
        let with_cr = Dataset::parse(
            Source::new(name, &cr),
            Source::new(HEADING_NAME, subcategories),
            &options,
        );
        same_outcome(&parsed, &with_cr, "\\r");
    }

    // The runtime loader: the same parser with the bundled headings.
    let loaded = CodeSet::load_with(name, codes, &options, Mode::Replace);
    let reference = Dataset::parse(
        Source::new(name, codes),
        Source::new(BUNDLED_NAME, BUNDLED_HEADINGS),
        &options,
    );
    match (&loaded, &reference) {
        (Ok(set), Ok(dataset)) => {
            check_dataset(dataset, &options, codes);
            check_code_set(set, dataset);
        }
        (Err(LoadError::Data(found)), Err(expected)) => {
            assert_eq!(found.as_slice(), expected.as_slice());
            check_errors(found, &[(name, codes), (BUNDLED_NAME, BUNDLED_HEADINGS)]);
            let shown = loaded.as_ref().unwrap_err().to_string();
            assert!(!shown.is_empty());
        }
        (Err(other), _) => panic!("load_with: unexpected error {other}"),
        (Ok(_), Err(errors)) => panic!("load_with accepted what parse rejects: {errors:?}"),
    }
});
