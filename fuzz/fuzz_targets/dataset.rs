//! The data-file parser shared by `build.rs` and the runtime loader:
//! `dataset::Dataset::parse` and `CodeSet::from_bytes` on arbitrary bytes.
//!
//! Input: one mode byte, then the code file, then (after the first `0xFF`
//! byte, which UTF-8 never contains) a subcategory file.
//!
//! mode bits 0-1: code file name `codes.csv`, `codes.tsv`, `codes.txt`
//!                (delimiter guessed from the first line) or `CODES.TAB`;
//! mode bit 2:    subcategory file from the input, else the bundled one;
//! mode bits 3-4: options: default, edition 2026, require subcategories,
//!                both.
//!
//! Properties:
//! - `Ok`: codes sorted and unique, each inside a category; history
//!   consistent (added before deleted, revisions inside the lifetime,
//!   replacements defined, not the code itself, only for deleted codes);
//!   the edition is the one asked for or the newest named; subcategories
//!   sorted, disjoint, inside one category; `subcategory_of` agrees with a
//!   scan;
//! - `Err`: at least one error; each names one of the two files, with a line
//!   no larger than the file's line count + 1, errors of a file in line
//!   order (as documented), and `Display` never panics;
//! - for a code file without `\r`, writing every line ending as `\r\n`
//!   changes nothing but the text of multi-line quoted fields: the same
//!   codes on the same lines, or the same errors on the same lines; so
//!   does writing them as a lone `\r` (old Mac line endings);
//! - `CodeSet::from_bytes(name, codes, None)` succeeds exactly when
//!   `Dataset::parse` with the bundled subcategories and default options
//!   does, with the same data or the same errors; its lookups agree with
//!   its table.

#![no_main]

use cdt_codes::dataset::{DataError, DataErrorKind, Dataset, Options, Source};
use cdt_codes::{Added, Category, CdtCode, CodeSet, Edition, LoadError};
use libfuzzer_sys::fuzz_target;

const BUNDLED_SUBCATEGORIES: &[u8] = include_bytes!("../../data/subcategories.tsv");
/// The name `CodeSet` gives the bundled subcategory file in its errors.
const BUNDLED_NAME: &str = "data/subcategories.tsv (bundled)";
const SUBCATEGORY_NAME: &str = "s.tsv";

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
            !row.description.trim().is_empty(),
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

    let subcategories = &data.subcategories;
    for range in subcategories {
        assert!(range.start <= range.end);
        assert_eq!(Category::of(range.start), Some(range.category));
        assert_eq!(Category::of(range.end), Some(range.category));
        assert!(!range.name.trim().is_empty());
    }
    assert!(subcategories
        .windows(2)
        .all(|pair| pair[0].end < pair[1].start));
    for row in procedures {
        let scan = subcategories
            .iter()
            .position(|r| r.start <= row.code && row.code <= r.end);
        assert_eq!(data.subcategory_of(row.code), scan, "{}", row.code);
        if options.require_subcategories && row.deleted_in.is_none_or(|d| d > data.edition) {
            assert!(
                scan.is_some(),
                "{} in force but in no subcategory",
                row.code
            );
        }
    }
}

fn check_code_set(set: &CodeSet) {
    let rows: Vec<_> = set.iter().collect();
    assert!(rows.windows(2).all(|pair| pair[0].code < pair[1].code));
    let mut found = 0;
    for number in 0..=9999 {
        let code = CdtCode::new(number).expect("in range");
        if let Some(row) = set.get(code) {
            assert_eq!(row.code, code);
            found += 1;
        }
    }
    assert_eq!(found, rows.len(), "get finds every row and nothing else");
    for row in &rows {
        let text = row.code.to_string();
        assert!(std::ptr::eq(set.lookup(&text).expect("lookup"), *row));
        assert!(std::ptr::eq(
            set.lookup(&text.to_lowercase()).expect("lookup"),
            *row
        ));
        if let Some(sub) = set.subcategory_of(row.code) {
            assert!(sub.start <= row.code && row.code <= sub.end);
        }
    }
    let by_category: usize = Category::ALL.iter().map(|c| set.category(*c).len()).sum();
    assert_eq!(by_category, rows.len());
    for category in Category::ALL {
        assert!(set
            .category(category)
            .iter()
            .all(|r| category.contains(r.code)));
    }
    let edition = set.edition();
    for row in &rows {
        let active = set.is_active_in(row, edition);
        let deleted = row.deleted_in.is_some_and(|d| d <= edition);
        let added = matches!(row.added, Some(Added::In(a)) if a > edition);
        assert_eq!(active, !deleted && !added, "{}", row.code);
    }
}

/// The same rows, or the same errors, whatever the line endings.
fn same_outcome(
    lf: &Result<Dataset, Vec<DataError>>,
    other: &Result<Dataset, Vec<DataError>>,
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
    let (codes, fuzzed_subcategories) = match rest.iter().position(|&b| b == 0xFF) {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, &[][..]),
    };
    let name = ["codes.csv", "codes.tsv", "codes.txt", "CODES.TAB"][usize::from(mode & 3)];
    let subcategories = if mode & 4 != 0 {
        fuzzed_subcategories
    } else {
        BUNDLED_SUBCATEGORIES
    };
    let options = Options {
        edition: if mode & 8 != 0 {
            Edition::new(2026)
        } else {
            None
        },
        require_subcategories: mode & 16 != 0,
    };

    let parsed = Dataset::parse(
        Source::new(name, codes),
        Source::new(SUBCATEGORY_NAME, subcategories),
        &options,
    );
    match &parsed {
        Ok(dataset) => check_dataset(dataset, &options, codes),
        Err(errors) => check_errors(errors, &[(name, codes), (SUBCATEGORY_NAME, subcategories)]),
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
            Source::new(SUBCATEGORY_NAME, subcategories),
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
            Source::new(SUBCATEGORY_NAME, subcategories),
            &options,
        );
        same_outcome(&parsed, &with_cr, "\\r");
    }

    // The runtime loader: the same parser with the bundled subcategories.
    let loaded = CodeSet::from_bytes(name, codes, None);
    let reference = Dataset::parse(
        Source::new(name, codes),
        Source::new(BUNDLED_NAME, BUNDLED_SUBCATEGORIES),
        &Options::default(),
    );
    match (&loaded, &reference) {
        (Ok(set), Ok(dataset)) => {
            assert_eq!(set.dataset(), dataset);
            check_dataset(dataset, &Options::default(), codes);
            check_code_set(set);
        }
        (Err(LoadError::Data(found)), Err(expected)) => {
            assert_eq!(found, expected);
            check_errors(
                found,
                &[(name, codes), (BUNDLED_NAME, BUNDLED_SUBCATEGORIES)],
            );
            let error = loaded.as_ref().unwrap_err();
            let shown = error.to_string();
            assert_eq!(shown.lines().count(), found.len(), "{shown}");
        }
        (Err(other), _) => panic!("from_bytes: unexpected error {other}"),
        (Ok(_), Err(errors)) => panic!("from_bytes accepted what parse rejects: {errors:?}"),
    }
});
