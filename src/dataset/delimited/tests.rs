//! The reader's and the header matcher's unit tests.

use super::*;
use alloc::vec;
use alloc::vec::Vec;
use std::io;
use std::io::Read;

fn all(
    text: &[u8],
    delimiter: Delimiter,
    policy: QuotePolicy,
) -> Vec<Result<(u64, Vec<String>), String>> {
    let mut reader = Reader::new(text, delimiter, policy);
    let mut out = Vec::new();
    while let Some(record) = reader.next_record() {
        out.push(owned(record));
    }
    out
}

/// A record (its line and fields) or an error (its message), owned.
fn owned(record: Result<BorrowedRow<'_>, RowError>) -> Result<(u64, Vec<String>), String> {
    record
        .map(|r| (r.line(), r.iter().map(str::to_string).collect()))
        .map_err(|e| e.to_string())
}

#[allow(clippy::unnecessary_wraps)]
fn ok(line: u64, fields: &[&str]) -> Result<(u64, Vec<String>), String> {
    Ok((line, fields.iter().map(|f| (*f).to_string()).collect()))
}

#[test]
fn reads_each_delimiter() {
    for (delimiter, text) in [
        (Delimiter::Comma, "a,b,c\n1,,3\n"),
        (Delimiter::Tab, "a\tb\tc\n1\t\t3\n"),
        (Delimiter::Semicolon, "a;b;c\n1;;3\n"),
        (Delimiter::Pipe, "a|b|c\n1||3"),
    ] {
        assert_eq!(
            all(text.as_bytes(), delimiter, QuotePolicy::ClosedNearby),
            vec![ok(1, &["a", "b", "c"]), ok(2, &["1", "", "3"])],
            "{delimiter}"
        );
    }
}

#[test]
fn other_delimiters_are_data() {
    assert_eq!(
        all(b"a;b,c|d\te", Delimiter::Comma, QuotePolicy::ClosedNearby),
        vec![ok(1, &["a;b", "c|d\te"])]
    );
}

#[test]
fn detects_delimiters() {
    assert_eq!(Delimiter::detect(b"a,b,c"), Some(Delimiter::Comma));
    assert_eq!(Delimiter::detect(b"a\tb,c\td"), Some(Delimiter::Tab));
    assert_eq!(Delimiter::detect(b"a;b;c,d"), Some(Delimiter::Semicolon));
    assert_eq!(Delimiter::detect(b"a|b|c"), Some(Delimiter::Pipe));
    assert_eq!(Delimiter::detect(b"\xEF\xBB\xBFa|b"), Some(Delimiter::Pipe));
    assert_eq!(
        Delimiter::detect(b"\"x,y,z\";b"),
        Some(Delimiter::Semicolon)
    );
    assert_eq!(Delimiter::detect(b"\"x\"\",y\"|b"), Some(Delimiter::Pipe));
    assert_eq!(Delimiter::detect(b"a|b\nc,d,e,f"), Some(Delimiter::Pipe));
    assert_eq!(Delimiter::detect(b"a,b;c"), None);
    assert_eq!(Delimiter::detect(b"single"), None);
    assert_eq!(Delimiter::detect(b""), None);
}

#[test]
fn parses_delimiter_names() {
    for (text, want) in [
        ("comma", Delimiter::Comma),
        (",", Delimiter::Comma),
        ("TAB", Delimiter::Tab),
        ("\t", Delimiter::Tab),
        ("\\t", Delimiter::Tab),
        ("semicolon", Delimiter::Semicolon),
        (";", Delimiter::Semicolon),
        (" pipe ", Delimiter::Pipe),
        ("|", Delimiter::Pipe),
    ] {
        assert_eq!(text.parse::<Delimiter>(), Ok(want), "{text:?}");
    }
    let error = "colon".parse::<Delimiter>().unwrap_err();
    assert_eq!(
        error.to_string(),
        "unknown delimiter \"colon\": use comma, tab, semicolon or pipe"
    );
    for d in Delimiter::ALL {
        assert_eq!(d.to_string().parse::<Delimiter>(), Ok(d));
    }
}

#[test]
fn strips_bom_and_handles_crlf_and_blank_lines() {
    let text = b"\xEF\xBB\xBFcode,name\r\n\r\n  \t\r\nD0120,x\r\n\nD0140,y";
    assert_eq!(
        all(text, Delimiter::Comma, QuotePolicy::ClosedNearby),
        vec![
            ok(1, &["code", "name"]),
            ok(4, &["D0120", "x"]),
            ok(6, &["D0140", "y"])
        ]
    );
}

#[test]
fn a_dos_end_of_file_mark_is_a_blank_line() {
    // Windows' `copy /a`, as when it joins two exports, ends the file with
    // Ctrl-Z; read in the buffer or line by line, it is no row.
    let text = b"a,b\r\n1,2\r\n\x1a";
    let expected = vec![ok(1, &["a", "b"]), ok(2, &["1", "2"])];
    assert_eq!(
        all(text, Delimiter::Comma, QuotePolicy::ClosedNearby),
        expected
    );
    let piecewise = read_with(
        io::BufReader::with_capacity(1, &text[..]),
        Delimiter::Comma,
        QuotePolicy::ClosedNearby,
        DEFAULT_LIMIT,
    );
    assert_eq!(piecewise, expected);
    // Inside a line it is data.
    assert_eq!(
        all(b"a\x1a,b\n", Delimiter::Comma, QuotePolicy::AcrossLines),
        vec![ok(1, &["a\x1a", "b"])]
    );
}

#[test]
fn bom_only_at_start() {
    let text = b"a\n\xEF\xBB\xBFb\n";
    assert_eq!(
        all(text, Delimiter::Comma, QuotePolicy::ClosedNearby),
        vec![ok(1, &["a"]), ok(2, &["\u{feff}b"])]
    );
}

#[test]
fn quoted_fields() {
    let text = "\"a,b\",\"say \"\"hi\"\"\",\"\",\"x\"tail,mid\"dle,\" keep \"";
    assert_eq!(
        all(text.as_bytes(), Delimiter::Comma, QuotePolicy::ClosedNearby),
        vec![ok(
            1,
            &["a,b", "say \"hi\"", "", "xtail", "mid\"dle", " keep "]
        )]
    );
    let text = "\"a|b\"|c\n\"\t\"\t1";
    assert_eq!(
        all(text.as_bytes(), Delimiter::Pipe, QuotePolicy::ClosedNearby),
        vec![ok(1, &["a|b", "c"]), ok(2, &["\t\t1"])]
    );
    assert_eq!(
        all(b"\"\t\"\t1", Delimiter::Tab, QuotePolicy::ClosedNearby),
        vec![ok(1, &["\t", "1"])]
    );
}

#[test]
fn quotes_across_lines() {
    let text = "id,note\n1,\"two\r\nlines, \"\"quoted\"\"\"\n2,x\n";
    assert_eq!(
        all(text.as_bytes(), Delimiter::Comma, QuotePolicy::AcrossLines),
        vec![
            ok(1, &["id", "note"]),
            ok(2, &["1", "two\r\nlines, \"quoted\""]),
            ok(4, &["2", "x"])
        ]
    );
    // The same text under the claims policy: the field closes on the next
    // line, its quote followed by the end of the line (RFC 4180's form).
    assert_eq!(
        all(text.as_bytes(), Delimiter::Comma, QuotePolicy::ClosedNearby),
        all(text.as_bytes(), Delimiter::Comma, QuotePolicy::AcrossLines),
    );
}

#[test]
fn a_note_with_line_breaks_in_a_claims_export() {
    // A notes column as a claims follow-up spreadsheet writes one (CRLF
    // inside the quotes, a space before the closing quote).
    let text = "code,dos,notes\r\nD0220,2/12/2025,\"No payment: tooth #32 is not\r\n\
                shown on the film sent. \"\r\nD0230,2/12/2025,\r\n";
    assert_eq!(
        all(text.as_bytes(), Delimiter::Comma, QuotePolicy::ClosedNearby),
        vec![
            ok(1, &["code", "dos", "notes"]),
            ok(
                2,
                &[
                    "D0220",
                    "2/12/2025",
                    "No payment: tooth #32 is not\r\nshown on the film sent. "
                ]
            ),
            ok(4, &["D0230", "2/12/2025", ""]),
        ]
    );
}

#[test]
fn a_stray_quote_costs_one_row_under_the_claims_policy() {
    // The quote that would close the stray one opens a field instead
    // (followed by `S`, not the delimiter): the lines read ahead are read
    // again.
    let text = "id,name,code\nL1,\"Doe, J,D0120\nL2,P7,D0140\nL3,\"Smith, K\",D0150\n";
    let expected = vec![
        ok(1, &["id", "name", "code"]),
        Err("line 2: unterminated quote in field 2".into()),
        ok(3, &["L2", "P7", "D0140"]),
        ok(4, &["L3", "Smith, K", "D0150"]),
    ];
    assert_eq!(
        all(text.as_bytes(), Delimiter::Comma, QuotePolicy::ClosedNearby),
        expected
    );
    // No quote after it at all: the same.
    let text = "id,code\n\"L1,D0120\nL2,D0140\n";
    assert_eq!(
        all(text.as_bytes(), Delimiter::Comma, QuotePolicy::ClosedNearby),
        vec![
            ok(1, &["id", "code"]),
            Err("line 2: unterminated quote in field 1".into()),
            ok(3, &["L2", "D0140"]),
        ]
    );
    // A line read again may open a stray quote of its own.
    let text = "a,b\n1,\"x\n2,\"y\n3,z\n4,w\" w\n";
    assert_eq!(
        all(text.as_bytes(), Delimiter::Comma, QuotePolicy::ClosedNearby),
        vec![
            ok(1, &["a", "b"]),
            Err("line 2: unterminated quote in field 2".into()),
            Err("line 3: unterminated quote in field 2".into()),
            ok(4, &["3", "z"]),
            ok(5, &["4", "w\" w"]),
        ]
    );
}

#[test]
fn a_quoted_field_closes_within_nearby_lines_or_is_stray() {
    for (extra, closes) in [(NEARBY_LINES, true), (NEARBY_LINES + 1, false)] {
        let mut text = String::from("a,b\n1,\"start\n");
        for _ in 1..extra {
            text.push_str("more\n");
        }
        text.push_str("end\"\n2,x\n");
        let items = all(text.as_bytes(), Delimiter::Comma, QuotePolicy::ClosedNearby);
        assert_eq!(items.get(1).is_some_and(Result::is_ok), closes, "{extra}");
        // Either way, the line after the record reads as itself.
        assert_eq!(items.last(), Some(&ok(extra as u64 + 3, &["2", "x"])));
    }
}

#[test]
fn a_line_too_long_read_ahead_is_reported_in_its_place() {
    let text = alloc::format!("a,b\n1,\"open\nnext\n{}\n3,z\n", "x".repeat(40));
    let mut reader =
        Reader::new(text.as_bytes(), Delimiter::Comma, QuotePolicy::ClosedNearby).with_limit(20);
    let items: Vec<_> = core::iter::from_fn(|| reader.next_record().map(owned)).collect();
    assert_eq!(
        items,
        vec![
            ok(1, &["a", "b"]),
            Err("line 2: unterminated quote in field 2".into()),
            ok(3, &["next"]),
            Err("line 4: the record is longer than 20 bytes".into()),
            ok(5, &["3", "z"]),
        ]
    );
}

#[test]
fn blank_line_inside_quotes_is_data() {
    let text = "a,\"x\n\ny\",b\n";
    assert_eq!(
        all(text.as_bytes(), Delimiter::Comma, QuotePolicy::AcrossLines),
        vec![ok(1, &["a", "x\n\ny", "b"])]
    );
}

#[test]
fn unterminated_quote_at_end_of_input() {
    let text = "a,b\n1,\"open\nmore\n";
    assert_eq!(
        all(text.as_bytes(), Delimiter::Comma, QuotePolicy::AcrossLines),
        vec![
            ok(1, &["a", "b"]),
            Err("line 2: unterminated quote in field 2".into())
        ]
    );
}

#[test]
fn ragged_rows_are_returned_as_they_are() {
    assert_eq!(
        all(
            b"a,b,c\n1\n1,2,3,4\n,,\n",
            Delimiter::Comma,
            QuotePolicy::ClosedNearby
        ),
        vec![
            ok(1, &["a", "b", "c"]),
            ok(2, &["1"]),
            ok(3, &["1", "2", "3", "4"]),
            ok(4, &["", "", ""])
        ]
    );
    let mut reader = Reader::new(&b",, \n"[..], Delimiter::Comma, QuotePolicy::ClosedNearby);
    let record = reader.next_record().unwrap().unwrap();
    assert!(record.is_blank());
    assert_eq!(
        (record.len(), record.get(2), record.get(3)),
        (3, Some(" "), None)
    );
}

#[test]
fn not_utf8() {
    let text = b"code,name\nD0120,caf\xE9\nD0140,ok\n";
    assert_eq!(
        all(text, Delimiter::Comma, QuotePolicy::ClosedNearby),
        vec![
            ok(1, &["code", "name"]),
            Err("line 2, column 10: the text is not valid UTF-8".into()),
            ok(3, &["D0140", "ok"])
        ]
    );
    // Column counts characters, not bytes.
    let text = "é,\u{20ac}"
        .as_bytes()
        .iter()
        .copied()
        .chain([0xFF])
        .collect::<Vec<u8>>();
    let mut reader = Reader::new(&text[..], Delimiter::Comma, QuotePolicy::ClosedNearby);
    assert!(matches!(
        reader.next_record(),
        Some(Err(RowError::NotUtf8 { line: 1, column: 4 }))
    ));
}

#[test]
fn windows_1252_lines_when_asked() {
    let text = b"code,name\nD0120,caf\xE9 \x93ok\x94\nD0140,\xE2\x82\xAC\n";
    let mut reader = Reader::new(&text[..], Delimiter::Comma, QuotePolicy::ClosedNearby)
        .windows_1252_fallback(true);
    let mut rows = Vec::new();
    while let Some(row) = reader.next_record() {
        rows.push(row.unwrap().iter().map(String::from).collect::<Vec<_>>());
    }
    // A line that is UTF-8 stays UTF-8 (the euro sign); one that is
    // not is Windows-1252, curly quotes included.
    assert_eq!(rows[1], ["D0120", "caf\u{e9} \u{201c}ok\u{201d}"]);
    assert_eq!(rows[2], ["D0140", "\u{20ac}"]);
}

#[test]
fn too_long_line_then_next() {
    let mut text = String::from("a,b\n");
    text.push_str(&"x".repeat(100));
    text.push_str("\nc,d\n");
    let mut reader =
        Reader::new(text.as_bytes(), Delimiter::Comma, QuotePolicy::ClosedNearby).with_limit(50);
    assert_eq!(reader.next_record().unwrap().unwrap().get(1), Some("b"));
    assert!(matches!(
        reader.next_record(),
        Some(Err(RowError::TooLong { line: 2, limit: 50 }))
    ));
    let record = reader.next_record().unwrap().unwrap();
    assert_eq!((record.line(), record.get(0)), (3, Some("c")));
    assert!(reader.buffer_capacity() <= 2 * 52 + 8 * 8);
}

#[test]
fn limit_is_exact_and_crlf_does_not_count() {
    for (text, fits) in [("abcd\r\n", true), ("abcd\n", true), ("abcde\n", false)] {
        let mut reader =
            Reader::new(text.as_bytes(), Delimiter::Comma, QuotePolicy::ClosedNearby).with_limit(4);
        assert_eq!(reader.next_record().unwrap().is_ok(), fits, "{text:?}");
    }
}

#[test]
fn too_long_quoted_record_across_lines() {
    let text = "1,\"aaaa\nbbbb\ncccc\ndddd\"\n2,x\n";
    let mut reader =
        Reader::new(text.as_bytes(), Delimiter::Comma, QuotePolicy::AcrossLines).with_limit(12);
    assert!(matches!(
        reader.next_record(),
        Some(Err(RowError::TooLong { line: 1, limit: 12 }))
    ));
    // Reading goes on at the line after the one where the limit was hit.
    let rest: Vec<_> = core::iter::from_fn(|| {
        reader.next_record().map(|r| {
            r.map(|r| (r.line(), r.get(0).unwrap_or("").to_string()))
                .map_err(|e| e.to_string())
        })
    })
    .collect();
    assert_eq!(
        rest,
        vec![
            Ok((3, "cccc".to_string())),
            Ok((4, "dddd\"".to_string())),
            Ok((5, "2".to_string()))
        ]
    );
}

/// Gives `remaining` bytes of `a` and no newline, a few KiB at a time.
struct Endless {
    remaining: usize,
}

impl Read for Endless {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = buf.len().min(self.remaining).min(8192);
        buf[..n].fill(b'a');
        self.remaining -= n;
        Ok(n)
    }
}

#[test]
fn endless_line_is_bounded() {
    const LIMIT: usize = 1024 * 1024;
    for policy in [QuotePolicy::ClosedNearby, QuotePolicy::AcrossLines] {
        let input = io::BufReader::new(Endless {
            remaining: 50 * 1024 * 1024,
        })
        .chain(&b"\nnext,row\n"[..]);
        let mut reader = Reader::new(input, Delimiter::Comma, policy);
        assert!(matches!(
            reader.next_record(),
            Some(Err(RowError::TooLong {
                line: 1,
                limit: LIMIT
            }))
        ));
        assert!(
            reader.buffer_capacity() <= 2 * LIMIT + 64,
            "{}",
            reader.buffer_capacity()
        );
        let record = reader.next_record().unwrap().unwrap();
        assert_eq!((record.line(), record.get(1)), (2, Some("row")));
        assert!(reader.next_record().is_none());
    }
    // An open quote that never closes is cut off at the limit too.
    let input = io::BufReader::new(&b"\""[..]).chain(io::BufReader::new(Endless {
        remaining: 10 * 1024 * 1024,
    }));
    let mut reader = Reader::new(input, Delimiter::Comma, QuotePolicy::AcrossLines);
    assert!(matches!(
        reader.next_record(),
        Some(Err(RowError::TooLong { .. }))
    ));
    assert!(reader.buffer_capacity() <= 2 * LIMIT + 64);
}

#[test]
fn many_short_quoted_lines_stay_bounded() {
    // A quote that never closes over many short lines.
    let mut text = String::from("\"");
    for _ in 0..10_000 {
        text.push_str("abcdefghij\n");
    }
    let mut reader =
        Reader::new(text.as_bytes(), Delimiter::Comma, QuotePolicy::AcrossLines).with_limit(1000);
    assert!(matches!(
        reader.next_record(),
        Some(Err(RowError::TooLong {
            line: 1,
            limit: 1000
        }))
    ));
    assert!(reader.buffer_capacity() <= 2 * 1002 + 64);
    // The rest are unquoted lines of one field each.
    let record = reader.next_record().unwrap().unwrap();
    assert_eq!(record.get(0), Some("abcdefghij"));
}

#[test]
fn io_error_stops_reading() {
    struct Failing;
    impl Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Err(io::Error::other("disk on fire"))
        }
    }
    let input = io::BufReader::new((&b"a,b\n"[..]).chain(Failing));
    let mut reader = Reader::new(input, Delimiter::Comma, QuotePolicy::ClosedNearby);
    assert!(reader.next_record().unwrap().is_ok());
    let error = reader.next_record().unwrap().unwrap_err();
    assert!(error.is_io());
    assert_eq!(error.line(), 2);
    assert_eq!(error.to_string(), "line 2: reading failed: disk on fire");
    assert!(reader.next_record().is_none());
}

#[test]
fn buffers_are_reused() {
    let text = "a,b,c\n".repeat(1000);
    let mut reader = Reader::new(text.as_bytes(), Delimiter::Comma, QuotePolicy::ClosedNearby);
    // Lines whole in the input's buffer are lent from it or unquoted into
    // the field buffer: the buffers have what they need after two records.
    reader.next_record().unwrap().unwrap();
    reader.next_record().unwrap().unwrap();
    let capacity = reader.buffer_capacity();
    while let Some(record) = reader.next_record() {
        assert_eq!(record.unwrap().len(), 3);
    }
    assert_eq!(reader.buffer_capacity(), capacity);
}

#[test]
fn reads_quoted_fields_and_crlf_lines() {
    let text = "code,note\r\nD0120,\"a, b\"\r\n\r\nD0140,\"say \"\"hi\"\"\"\r\n";
    let mut reader = Reader::new(text.as_bytes(), Delimiter::Comma, QuotePolicy::ClosedNearby);
    let header = reader.next_record().unwrap().unwrap();
    assert_eq!(header.iter().collect::<Vec<_>>(), ["code", "note"]);
    let row = reader.next_record().unwrap().unwrap();
    assert_eq!((row.line(), row.get(1)), (2, Some("a, b")));
    let row = reader.next_record().unwrap().unwrap();
    assert_eq!((row.line(), row.get(1)), (4, Some("say \"hi\"")));
    assert!(reader.next_record().is_none());
}

#[test]
fn windows_1252_name() {
    let bytes = b"name,code\nRen\xe9e,D0120\n";
    let mut reader = Reader::new(&bytes[..], Delimiter::Comma, QuotePolicy::ClosedNearby)
        .windows_1252_fallback(true);
    reader.next_record();
    let row = reader.next_record().unwrap().unwrap();
    assert_eq!(row.get(0), Some("Ren\u{e9}e"));
}

#[test]
fn normalises_camel_case_quotes_and_bom() {
    assert_eq!(
        normalise_header("\u{feff} Date of -- Service "),
        "date_of_service"
    );
    assert_eq!(normalise_header("CDT_Code"), "cdt_code");
    assert_eq!(normalise_header("procedureCode"), "procedure_code");
    assert_eq!(normalise_header("ProcCode"), "proc_code");
    assert_eq!(normalise_header("CDTCode"), "cdt_code");
    assert_eq!(normalise_header("LINE_PRCDR_CD"), "line_prcdr_cd");
    assert_eq!(normalise_header("DOS"), "dos");
    assert_eq!(normalise_header("\"Tooth Num\""), "tooth_num");
    assert_eq!(normalise_header(" 'ToothNum' "), "tooth_num");
    // Only a matching pair is removed.
    assert_eq!(normalise_header("'code\""), "'code\"");
    assert_eq!(normalise_header("\""), "\"");
}

#[test]
fn matches_cells_to_columns() {
    let names = |column: usize, cell: &str| match column {
        0 => ["code", "cdt"].contains(&cell),
        1 => cell == "date",
        _ => cell == "code_or_date" || cell == "date",
    };
    let found = match_header([0, 1, 2], ["Notes", "CDT", "", "Date", "code", "  "], names);
    assert_eq!(found.positions, [Some(1), Some(3), Some(3)]);
    // A cell may name two columns; a later cell naming a found column is
    // a repeat; blank cells are neither known nor unknown.
    assert_eq!(found.repeats.len(), 1);
    assert_eq!(
        (
            found.repeats[0].column,
            found.repeats[0].first,
            found.repeats[0].again
        ),
        (0, 1, 4)
    );
    assert_eq!(found.unknown, [0]);
}

#[test]
fn normalises_headers() {
    assert_eq!(normalise_header("  Procedure Code "), "procedure_code");
    assert_eq!(normalise_header("procedure-code"), "procedure_code");
    assert_eq!(normalise_header("PROCEDURE__ -CODE"), "procedure_code");
    assert_eq!(normalise_header("\u{feff}Code"), "code");
    assert_eq!(normalise_header("Date\tof Service"), "date_of_service");
    assert_eq!(normalise_header("_id_"), "_id");
    assert_eq!(normalise_header("   "), "");
}

/// Every record and error of `input`, read with these settings.
fn read_with<R: io::BufRead>(
    input: R,
    delimiter: Delimiter,
    policy: QuotePolicy,
    limit: usize,
) -> Vec<Result<(u64, Vec<String>), String>> {
    let mut reader = Reader::new(input, delimiter, policy)
        .with_limit(limit)
        .windows_1252_fallback(true);
    // The fuzz target's bound: two byte buffers within the limit, two of
    // lines read ahead within twice the limit, and a
    // field end for each byte of a line within it, twice over.
    let bound = 6 * (limit + 4) + 8 * (2 * (limit + 2)).max(4);
    let mut out = Vec::new();
    while let Some(record) = reader.next_record() {
        out.push(owned(record));
        assert!(reader.buffer_capacity() <= bound, "limit {limit}");
    }
    out
}

#[test]
fn lines_read_from_the_buffer_read_as_lines_read_piece_by_piece() {
    // Lines whole in the buffer are read there (plain ones lent, quoted
    // ones unquoted); a one-byte buffer never holds a whole line, so every
    // line goes the general way. Both must give the same records and
    // errors, on lines mixing delimiters, quotes, `\r`, blanks, bytes that
    // are not ASCII, `-` next to the delimiter (a byte one bit away from
    // `,`) and lines around the limit.
    let pieces: [&[u8]; 16] = [
        b"a",
        b"bc",
        b",",
        b",",
        b"\"",
        b"\"\"",
        b"\r",
        b" ",
        b"\t",
        b"-",
        b"\xC3\xA9",
        b"\xE9",
        b"12345678",
        b";",
        b"\t\t\t\t\t\t\t\t\t",
        b"\n",
    ];
    let mut state: u32 = 0x2545_F491;
    for round in 0..3000 {
        let mut text = Vec::new();
        let length = 1 + round % 60;
        for _ in 0..length {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            text.extend_from_slice(pieces[(state % 16) as usize]);
        }
        for (delimiter, policy, limit) in [
            (Delimiter::Comma, QuotePolicy::ClosedNearby, DEFAULT_LIMIT),
            (Delimiter::Comma, QuotePolicy::AcrossLines, DEFAULT_LIMIT),
            (Delimiter::Semicolon, QuotePolicy::ClosedNearby, 9),
            (Delimiter::Tab, QuotePolicy::ClosedNearby, 16),
            (Delimiter::Tab, QuotePolicy::AcrossLines, 1),
            (Delimiter::Comma, QuotePolicy::ClosedNearby, 2),
        ] {
            let whole = read_with(&text[..], delimiter, policy, limit);
            let piecewise = read_with(
                io::BufReader::with_capacity(1, &text[..]),
                delimiter,
                policy,
                limit,
            );
            assert_eq!(whole, piecewise, "{:?}", String::from_utf8_lossy(&text));
        }
    }
}

/// The named shapes of quoting beside the random lines of
/// `lines_read_from_the_buffer_read_as_lines_read_piece_by_piece`: each
/// read whole (in the buffer) and a byte at a time (the general way), with
/// `\n` and `\r\n` endings and three limits, gives the same records.
#[test]
fn lines_read_in_the_buffer_match_the_general_way() {
    let shapes = [
        "\"Doe, J1\",D0120,2026-01-05",
        "L1,\"Doe, J1\",D0120",
        "L1,D0120,\"2026-01-05\"",
        "\"\",x,\"\"",
        "x,\"\",",
        "\"a\"\"b\",x",
        "\"ab\"cd,x",
        "ab\"cd,x",
        "x,\"a\rb\",y",
        "\"caf\u{e9}\",x",
        "x,\"open",
        "\"a\",\"b\",\"c\"",
        "  ,\"a\"",
    ];
    for shape in shapes {
        for ending in ["\n", "\r\n"] {
            let text = std::format!("h1,h2,h3{ending}{shape}{ending}after,1,2{ending}");
            for limit in [4, 10, 1024] {
                let policy = QuotePolicy::ClosedNearby;
                let whole = read_with(text.as_bytes(), Delimiter::Comma, policy, limit);
                let in_bytes = read_with(
                    io::BufReader::with_capacity(1, text.as_bytes()),
                    Delimiter::Comma,
                    policy,
                    limit,
                );
                assert_eq!(
                    whole, in_bytes,
                    "{shape:?} ending {ending:?}, limit {limit}"
                );
            }
        }
    }
    // The common case, read in the buffer: a quoted name.
    assert_eq!(
        all(
            b"line,patient,code\nL1,\"Doe, Jane\",D0120\r\nL2,\"\",D0140\n",
            Delimiter::Comma,
            QuotePolicy::ClosedNearby
        ),
        vec![
            ok(1, &["line", "patient", "code"]),
            ok(2, &["L1", "Doe, Jane", "D0120"]),
            ok(3, &["L2", "", "D0140"]),
        ]
    );
}
