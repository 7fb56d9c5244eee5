//! Inputs found by the fuzz targets in `fuzz/` (see `fuzz/README.md`), kept
//! as plain tests. Each comment says what the bug was; all are fixed.

#![cfg(feature = "std")]

use cdt_codes::dataset::{Dataset, Options, Source};
use cdt_codes::{CodeSet, Edition, LoadError};

include!("support/utf16.rs");

fn lines_of(errors: &[cdt_codes::dataset::DataError]) -> Vec<usize> {
    errors.iter().map(|error| error.line).collect()
}

/// Found by `fuzz/fuzz_targets/dataset.rs`. `Dataset::parse` promises its
/// errors "in file and line order", but when a file could not be split
/// into rows it returned the splitter's errors as found: the unterminated
/// quote (line 3) came before the short row above it (line 2).
#[test]
fn data_errors_are_in_line_order_when_a_file_cannot_be_split() {
    let codes = b"code,description\nD0120\nD0140,\"open\n";
    let errors = Dataset::parse(
        Source::new("codes.csv", codes),
        Source::new("s.tsv", b"category\theading\tconfirmed\tsource\n"),
        &Options::default(),
    )
    .unwrap_err();
    assert_eq!(lines_of(&errors), [2, 3]);

    // The runtime loader shares the parser, and the order.
    let Err(LoadError::Data(errors)) = CodeSet::load_replacing("codes.csv", codes, None) else {
        panic!("the file is malformed");
    };
    assert_eq!(lines_of(&errors), [2, 3]);
}

/// Found by `fuzz/fuzz_targets/dataset.rs`, the same bug through the
/// subcategory file (then ranges, now headings): problems found in a later
/// pass must still come out in line order.
#[test]
fn subcategory_errors_are_in_line_order() {
    let codes = b"code\tdescription\nD3352\tanother apexification visit\n";
    let ranges = b"category\theading\tconfirmed\tsource\nEndodontics\tA\tno\tx\nEndodontics\tA\tno\tx\nCosmetics\tC\tno\tx\n";
    let errors = Dataset::parse(
        Source::new("codes.tsv", codes),
        Source::new("s.tsv", ranges),
        &Options::default(),
    )
    .unwrap_err();
    assert_eq!(lines_of(&errors), [3, 4]);
}

/// Found by `fuzz/fuzz_targets/dataset.rs` (input `15 0a ef 09 61 78 ff
/// ...`: the same file with `\r` line endings gave a different error). The
/// splitter ends a line at a lone `\r` (old Mac line endings, as Excel's
/// "Macintosh CSV" writes), but the UTF-8 check counted only `\n`, so the
/// bad byte was placed on line 1, column 27 instead of line 2, column 10.
#[test]
fn not_utf8_is_located_with_cr_line_endings() {
    let lf = b"code,description\nD0120,caf\xE9\n";
    let cr = b"code,description\rD0120,caf\xE9\r";
    for codes in [&lf[..], &cr[..]] {
        let Err(LoadError::Data(errors)) = CodeSet::load_replacing("codes.csv", codes, None) else {
            panic!("not UTF-8");
        };
        assert_eq!(
            (errors[0].line, errors[0].column),
            (2, Some(10)),
            "{}",
            errors[0]
        );
    }
}

/// Found by `fuzz/fuzz_targets/dataset.rs` (input `02 ef bb bf 50 72 6f
/// ...`), the same cause: for a file named neither `.csv` nor `.tsv`,
/// `Delimiter::guess` looks for a tab in the first line, but with `\r` line
/// endings `str::lines` saw the whole file as the first line, so a tab in
/// any description made a CSV file TSV, and the file was rejected ("row
/// has 2 fields but the header has 1").
#[test]
fn delimiter_is_guessed_from_the_first_line_with_cr_line_endings() {
    let lf = "code,description\nD0120,recall exam\tchecked\n";
    let cr = lf.replace('\n', "\r");
    for codes in [lf, cr.as_str()] {
        let set =
            CodeSet::load_replacing("codes.txt", codes.as_bytes(), Edition::new(2026).unwrap());
        assert!(set.is_ok(), "{codes:?}: {}", set.unwrap_err());
    }
}

/// Found by `fuzz/fuzz_targets/dataset.rs` (input `02 ef bb bf 50 72 6f
/// 74 65 4e 6f 73 0a 44 30 31 34 30 09 ...`, with `\n` made `\r`) after the
/// move to the shared delimited reader: for a `.txt` file the delimiter
/// was again detected from the whole text when lines end in a lone `\r`,
/// because `Delimiter::detect` stops only at `\n`. A one-column header
/// followed by rows with tabs was read as TSV with `\r` endings and as CSV
/// with `\n` endings, so the two gave different errors.
#[test]
fn delimiter_is_detected_from_the_first_line_only_with_cr_line_endings() {
    let lf = "\u{feff}ProteNos\nD0140\tlimited\tn\n";
    let cr = lf.replace('\n', "\r");
    let errors = |codes: &str| {
        let parsed = Dataset::parse(
            Source::new("codes.txt", codes.as_bytes()),
            Source::new("s.tsv", b"category\theading\tconfirmed\tsource\n"),
            &Options::default(),
        );
        let errors = parsed.expect_err("no code column");
        errors
            .iter()
            .map(|e| {
                let kind = format!("{:?}", e.kind);
                let end = kind.find([' ', '{', '(']).unwrap_or(kind.len());
                (e.line, kind[..end].to_owned())
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        errors(lf),
        vec![(1, "MissingColumn".to_owned())],
        "the header lacks the code column"
    );
    assert_eq!(
        errors(&cr),
        errors(lf),
        "\\r line endings change the errors"
    );
    // And a comma file with more tabs than commas in a later row.
    let lf = "code,description\nD0120,recall\texam\tchecked\ttoday\n";
    let cr = lf.replace('\n', "\r");
    for codes in [lf, cr.as_str()] {
        let set =
            CodeSet::load_replacing("codes.txt", codes.as_bytes(), Edition::new(2026).unwrap());
        assert!(set.is_ok(), "{codes:?}: {}", set.unwrap_err());
    }
}

/// Found by `fuzz/fuzz_targets/claims.rs` (input
/// `fe 2c 64 2c 31 7e ...`, expanded to a 64 KiB header line). A line may
/// hold 64 KiB, "line ending excluded", but the `\r` of a `\r\n` ending was
/// counted: a line of exactly 65,536 bytes was read when it ended in `\n`
/// and rejected as too long when it ended in `\r\n`.
#[test]
fn claims_line_limit_excludes_the_line_ending() {
    use cdt_codes::claims::ClaimChecker;

    let rest = ",D0120,2026-01-15";
    // The claims reader's limit is now the shared reader's 1 MiB.
    let id = "x".repeat(1024 * 1024 - rest.len());
    for ending in ["\n", "\r\n"] {
        let csv = format!("id,code,dos{ending}{id}{rest}{ending}");
        let mut checker = ClaimChecker::new(csv.as_bytes()).unwrap();
        let report = checker.next().expect("one line");
        assert!(
            report.is_ok_and(|report| report.is_valid()),
            "a 1 MiB line ending in {ending:?}"
        );
    }
}

/// Found while writing the model of `fuzz/fuzz_targets/search.rs`: only
/// the first 16 query words were used and later ones silently ignored (a
/// fixed `MAX_QUERY_WORDS`). Search now ranks records that match some
/// words, so the property is that every word still counts: a 17th word
/// that occurs nowhere leaves every result incomplete, and a 17th word
/// that occurs is found.
#[test]
fn search_counts_every_query_word() {
    let query = format!("{}xyzzy", "bitewing ".repeat(16));
    let results: Vec<_> = cdt_codes::search(&query).scored().collect();
    assert!(!results.is_empty());
    assert!(results.iter().all(|m| !m.score.is_complete()));
    assert_eq!(results[0].score.terms(), 17);
    let late = format!("{}apexification", "xyzzy ".repeat(16));
    let first = cdt_codes::search(&late).next().unwrap();
    assert_eq!(first.code().to_string(), "D3351");
}

/// Found by `fuzz/fuzz_targets/dates.rs` (issue 29, seconds into the run):
/// a month-name date in capitals with a time after it was refused, because
/// the time was looked for after the first `T`, which was the `T` of `OCT`
/// (`"02-OCT-2185 0:00"`). Every other month, and `Oct`, were read.
#[test]
fn a_month_name_with_a_t_keeps_its_time_of_day_apart() {
    let october = cdt_codes::ServiceDate::new(2022, 10, 3).unwrap();
    for text in [
        "03-OCT-2022 0:00",
        "03OCT2022 0:00",
        "03OCT2022T00:00:00Z",
        "03-Oct-2022 12:00 AM",
        "03oct2022 0:00",
    ] {
        assert_eq!(text.parse(), Ok(october), "{text:?}");
    }
    // A `T` with no time after it is still no date.
    assert!("03OCT2022T".parse::<cdt_codes::ServiceDate>().is_err());
}

/// Found by `fuzz/fuzz_targets/edits.rs` (issue 29, seconds into the run):
/// two lines with one code and date, one naming teeth 11 and J, the other
/// tooth 11 twice, were an exact repeat in one order and not in the other
/// (the site comparison checked only that the first line's teeth were
/// among the second's), so the claim got `duplicate-line` or
/// `root-canal-once` depending on the order of its lines.
#[test]
fn an_exact_repeat_does_not_depend_on_the_order_of_the_lines() {
    use cdt_codes::claims::{conflicts, EditLine};
    use cdt_codes::Tooth;

    let date = "2026-03-02".parse().unwrap();
    let code = "D3310".parse().unwrap();
    let (eleven, j) = (Tooth::permanent(11).unwrap(), Tooth::primary('J').unwrap());
    let a = EditLine::new(1, code, date)
        .with_tooth(eleven)
        .with_tooth(j);
    let b = EditLine::new(2, code, date)
        .with_tooth(eleven)
        .with_tooth(eleven);
    let ids = |lines: &[EditLine]| -> Vec<&str> {
        conflicts(lines).iter().map(|c| c.rule().id()).collect()
    };
    let forward = ids(&[a.clone(), b.clone()]);
    assert_eq!(forward, ids(&[b, a]));
    assert!(!forward.contains(&"duplicate-line"), "{forward:?}");
}

/// Found by `fuzz/fuzz_targets/decode.rs` (issue 29): the claims
/// checker detects the delimiter after trimming leading whitespace, but
/// with a UTF-8 byte-order mark the trim stopped at the mark, so a header
/// `\t?c?` was split at its tab with a BOM and read as one comma-separated
/// field without; and a BOM followed by a blank line was taken for the
/// header row.
#[test]
fn the_delimiter_does_not_depend_on_a_byte_order_mark() {
    use cdt_codes::claims::ClaimChecker;

    // The second: a BOM alone on the first line ended the search for the
    // header there, so the delimiter was detected from an empty line.
    for text in [
        "\t?c?\nk?",
        "\nc?\0c;quadran",
        "\tcode\tdos\nx\tD0120\t2026-01-15\n",
    ] {
        let plain = ClaimChecker::new(text.as_bytes()).map(|checker| checker.format());
        let with_bom = format!("\u{feff}{text}");
        let marked = ClaimChecker::new(with_bom.as_bytes()).map(|checker| checker.format());
        assert_eq!(format!("{plain:?}"), format!("{marked:?}"), "{text:?}");
    }
    let tsv = "\tcode\tdos\nx\tD0120\t2026-01-15\n";
    let report = ClaimChecker::new(tsv.as_bytes())
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    assert!(report.is_valid());
}

/// Finding C of `fuzz/fuzz_targets/decode.rs` (issue 29): a byte-order
/// mark is only the first code point of a file; a U+FEFF after it is
/// content, and the same content must get the same answer whatever its
/// encoding. UTF-16's mark was consumed and a U+FEFF that began the
/// content was then taken for a UTF-8 mark too (`FF FE`, then U+FEFF
/// `code,dos`: a header as UTF-16, `\u{feff}code` as UTF-8); and a U+FEFF
/// after blank lines before an `ISA` made the file X12 without a mark but
/// delimited with one, because the format test trimmed the blank lines
/// before it looked for the mark.
#[test]
fn a_second_byte_order_mark_is_content_in_every_encoding() {
    use cdt_codes::claims::ClaimChecker;

    fn answer(bytes: &[u8]) -> String {
        match ClaimChecker::new(bytes) {
            Err(error) => format!("{error:?}"),
            Ok(mut checker) => {
                let format = checker.format();
                let items: Vec<String> = checker.by_ref().map(|item| format!("{item:?}")).collect();
                format!("{format:?} {items:?} {:?}", checker.summary())
            }
        }
    }

    let x12 = std::fs::read_to_string("tests/fixtures/claims.837").unwrap();
    let contents = [
        "\u{feff}code,dos\nD0120,2026-01-15\n".to_string(),
        "\u{feff}\u{feff}code,dos\nD0120,2026-01-15\n".to_string(),
        "code,dos\n\u{feff}D0120,2026-01-15\n".to_string(),
        format!("\n\u{feff}{x12}"),
        format!("\u{feff}{x12}"),
        format!("  \r\n\u{feff}\n{x12}"),
    ];
    for content in &contents {
        let shown: String = content.chars().take(24).collect();
        let marked = format!("\u{feff}{content}");
        let utf8 = answer(marked.as_bytes());
        assert_eq!(utf8, answer(&utf16(content, false)), "UTF-16LE {shown:?}");
        assert_eq!(utf8, answer(&utf16(content, true)), "UTF-16BE {shown:?}");
        if !content.starts_with('\u{feff}') {
            // Without a mark of its own, the content's first code point
            // is not U+FEFF: the same answer as with a mark.
            assert_eq!(utf8, answer(content.as_bytes()), "no mark {shown:?}");
        }
    }
    // The mark is dropped once: a U+FEFF that begins the content is part
    // of the header's first name, which is then not `code`, as in UTF-8.
    let doubled = utf16("\u{feff}code,dos\nD0120,2026-01-15\n", false);
    let twice = "\u{feff}\u{feff}code,dos\nD0120,2026-01-15\n";
    assert_eq!(answer(&doubled), answer(twice.as_bytes()));
    // Blank lines, then U+FEFF, then an `ISA`: not X12 with or without
    // a mark (the `ISA` is not the first thing after the mark).
    let late = format!("\n\u{feff}{x12}");
    let checker = ClaimChecker::new(late.as_bytes());
    assert!(
        !matches!(
            checker.map(|c| c.format()),
            Ok(cdt_codes::claims::Format::X12)
        ),
        "a U+FEFF after blank lines is content, not a mark"
    );
}

/// Found by `fuzz/fuzz_targets/decode.rs` (seeds `lone_cr_after_a_bom`
/// and `pdf_magic_after_a_bom`). The same content must be told the same in
/// UTF-8, with a byte-order mark and in UTF-16 (which comes out with
/// UTF-8's mark). With a mark, a file of classic Mac lines took the mark's
/// line for its first, and the real header for a title; and `%PDF-` after
/// a mark was not told a PDF.
#[test]
fn a_byte_order_mark_changes_neither_mac_lines_nor_file_kinds() {
    use cdt_codes::claims::ClaimChecker;
    let outcome = |bytes: &[u8]| -> Result<Vec<String>, String> {
        ClaimChecker::new(bytes)
            .map(|checker| {
                checker
                    .map(|item| match item {
                        Ok(report) => format!("{} {}", report.position, report.verdict().key()),
                        Err(error) => error.to_string(),
                    })
                    .collect()
            })
            .map_err(|error| error.to_string())
    };
    for text in [
        "\r\rcode,dos\rD0120,2026-01-15\rD1352,2026-02-01\r",
        "%PDF-1.7\n1 0 obj\n",
    ] {
        let plain = outcome(text.as_bytes());
        let marked = outcome(format!("\u{feff}{text}").as_bytes());
        assert_eq!(plain, marked, "{text:?}");
        assert_eq!(plain, outcome(&utf16(text, false)), "{text:?}");
    }
    assert_eq!(
        outcome(b"\r\rcode,dos\rD0120,2026-01-15\rD1352,2026-02-01\r"),
        Ok(vec!["4 valid".to_string(), "5 deleted".to_string()])
    );
}

/// Found by `fuzz/fuzz_targets/claims.rs` (seed
/// `utf16_shape_after_a_blank_line`): line endings change nothing. A first
/// line of NUL-paired bytes after a blank line was told UTF-16 without a
/// byte-order mark when the blank line ended in `\n` (its byte paired with
/// the first NUL) and read as a header when it ended in `\r\n`.
#[test]
fn a_blank_line_before_utf16_without_its_mark_changes_nothing() {
    use cdt_codes::claims::ClaimChecker;
    let refusal = |bytes: &[u8]| {
        ClaimChecker::new(bytes)
            .err()
            .map(|error| error.to_string())
    };
    let lf = refusal(b"\n\0H\0*\0\n1");
    assert_eq!(lf, refusal(b"\r\n\0H\0*\0\r\n1"));
    assert!(
        lf.as_deref()
            .is_some_and(|message| message.contains("UTF-16 text without a byte-order mark")),
        "{lf:?}"
    );
}
