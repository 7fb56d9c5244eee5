//! The shared delimited reader, `Reader` (crate-private; reached through
//! `cdt_codes::dataset::fuzzing`, which exists only in builds with
//! `--cfg fuzzing`, as `cargo fuzz` makes them), and `Delimiter::detect`,
//! on arbitrary bytes.
//!
//! Input: two control bytes, then the text.
//!
//! byte 0 bit 0:    `QuotePolicy::ClosedNearby` (0) or `AcrossLines` (1);
//! byte 0 bits 1-2: delimiter comma, tab, semicolon, or the one
//!                  `Delimiter::detect` finds in the text (comma if none);
//! byte 0 bit 3:    a small limit, `1 + byte 1 % 64`, else the default;
//! byte 1:          also the capacity (1-8 bytes) of a `BufReader` that
//!                  hands the text over in pieces.
//!
//! Properties:
//! - the records and errors equal those of an independent model written
//!   from the module's documentation (lines end at `\n`, one `\r` before
//!   it dropped; a leading byte-order mark dropped; blank lines, Ctrl-Z
//!   counted as blank, skipped;
//!   quoted fields with `""`; text after a closing quote kept; a quote open
//!   at the end of a line continues the record under `AcrossLines`, and
//!   under `ClosedNearby` only while each next line (at most
//!   `NEARBY_LINES`) stays inside the field or closes it with a quote
//!   followed by the delimiter or the line's end, else it is an error and
//!   the lines after the record's first are read again; the limit counts
//!   line breaks inside a record, not the line ending), except for
//!   `AcrossLines` input that is not UTF-8, where the model is not applied;
//! - for text without any `"`, both policies give the same result;
//! - line numbers never decrease, records start on strictly increasing
//!   lines, and no line is past the input's last line;
//! - a record has at least one field and `get`/`iter`/`len` agree;
//! - the same results when the text arrives in 1-8 byte pieces;
//! - memory: `buffer_capacity()` stays within `6 * limit` (the line and
//!   field buffers, and the lines read ahead and put back under
//!   `ClosedNearby`, twice the limit each at most) plus one `usize` for
//!   each of twice `limit + 2` fields, whatever the input;
//! - `Delimiter::detect` is the strict maximum of a count of the four
//!   delimiters outside quotes in the first line (quotes found by
//!   splitting at `"`), `None` on a tie or no delimiter, and it depends
//!   only on the first line.

#![no_main]

use std::io::{BufRead, BufReader};

use cdt_codes::dataset::fuzzing::{
    Delimiter, QuotePolicy, Reader, RowError, DEFAULT_LIMIT, NEARBY_LINES,
};
use libfuzzer_sys::fuzz_target;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One item the reader gives, owned and comparable.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Item {
    Record(u64, Vec<String>),
    TooLong(u64),
    NotUtf8(u64, usize),
    Unterminated(u64, usize),
}

impl Item {
    fn line(&self) -> u64 {
        match self {
            Item::Record(line, _)
            | Item::TooLong(line)
            | Item::NotUtf8(line, _)
            | Item::Unterminated(line, _) => *line,
        }
    }
}

fn read_all<R: BufRead>(
    input: R,
    delimiter: Delimiter,
    policy: QuotePolicy,
    limit: Option<usize>,
) -> Vec<Item> {
    let mut reader = Reader::new(input, delimiter, policy);
    if let Some(limit) = limit {
        reader = reader.with_limit(limit);
    }
    let limit = reader.limit();
    // Line and field buffers within the limit (plus slack for the `\r` and
    // a byte-order mark), the lines read ahead and put back within twice
    // the limit each; the field-end list grows by doubling.
    let bound = 6 * (limit + 4) + std::mem::size_of::<usize>() * (2 * (limit + 2)).max(4);
    let mut items = Vec::new();
    while let Some(next) = reader.next_record() {
        let item = match next {
            Ok(record) => {
                assert!(!record.is_empty());
                let fields: Vec<String> = record.iter().map(str::to_owned).collect();
                assert_eq!(fields.len(), record.len());
                assert_eq!(record.iter().len(), record.len());
                for (index, field) in fields.iter().enumerate() {
                    assert_eq!(record.get(index), Some(field.as_str()));
                }
                assert_eq!(record.get(fields.len()), None);
                assert_eq!(
                    record.is_blank(),
                    fields.iter().all(|f| f.trim().is_empty())
                );
                Item::Record(record.line(), fields)
            }
            Err(error) => {
                let shown = error.to_string();
                assert!(
                    shown.starts_with(&format!("line {}", error.line())),
                    "{shown}"
                );
                assert!(!error.is_io());
                match error {
                    RowError::TooLong { line, limit: l } => {
                        assert_eq!(l, limit);
                        Item::TooLong(line)
                    }
                    RowError::NotUtf8 { line, column } => Item::NotUtf8(line, column),
                    RowError::UnterminatedQuote { line, field } => Item::Unterminated(line, field),
                    other => panic!("unexpected error {other}"),
                }
            }
        };
        items.push(item);
        assert!(
            reader.buffer_capacity() <= bound,
            "buffers {} > {bound} (limit {limit})",
            reader.buffer_capacity()
        );
    }
    assert!(reader.next_record().is_none(), "fused after the end");
    items
}

/// The input's lines as the documentation defines them: split at `\n`,
/// one `\r` before it dropped (also at the end of the input), a leading
/// byte-order mark dropped. Each with whether it ended in `\r\n`.
fn lines_of(text: &[u8]) -> Vec<(&[u8], bool)> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut pieces: Vec<&[u8]> = text.split(|&b| b == b'\n').collect();
    if text.is_empty() || text.ends_with(b"\n") {
        pieces.pop();
    }
    pieces
        .into_iter()
        .map(|piece| match piece.strip_suffix(b"\r") {
            Some(line) => (line, true),
            None => (piece, false),
        })
        .collect()
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r' | 0x1A))
}

/// Where the model's field parser stands.
#[derive(Clone, Copy, PartialEq)]
enum At {
    /// At the start of a field.
    Start,
    /// In an unquoted field, or after a closing quote.
    Plain,
    /// Inside quotes.
    Quoted,
    /// Inside quotes, just after a `"` (closing, or the first of `""`).
    QuoteSeen,
}

/// Feeds one line's characters to the field state machine.
fn feed(line: &str, delimiter: char, at: &mut At, field: &mut String, fields: &mut Vec<String>) {
    for c in line.chars() {
        *at = match (*at, c) {
            (At::Start, '"') => At::Quoted,
            (At::Start | At::Plain, c) if c == delimiter => {
                fields.push(std::mem::take(field));
                At::Start
            }
            (At::Start | At::Plain, c) => {
                field.push(c);
                At::Plain
            }
            (At::Quoted, '"') => At::QuoteSeen,
            (At::Quoted, c) => {
                field.push(c);
                At::Quoted
            }
            (At::QuoteSeen, '"') => {
                field.push('"');
                At::Quoted
            }
            (At::QuoteSeen, c) if c == delimiter => {
                fields.push(std::mem::take(field));
                At::Start
            }
            (At::QuoteSeen, c) => {
                field.push(c);
                At::Plain
            }
        };
    }
}

/// Whether a line that goes on inside a quoted field leaves it, if it
/// does, by a quote followed by the delimiter or the end of the line: the
/// field state machine run from inside the quotes to its first way out.
fn closes_cleanly(line: &str, delimiter: char) -> bool {
    let mut after_quote = false;
    for c in line.chars() {
        match (after_quote, c) {
            (false, '"') => after_quote = true,
            (false, _) => {}
            (true, '"') => after_quote = false,
            (true, c) => return c == delimiter,
        }
    }
    true
}

fn column_of_bad_byte(line: &[u8]) -> Option<usize> {
    match std::str::from_utf8(line) {
        Ok(_) => None,
        Err(error) => Some(
            String::from_utf8_lossy(&line[..error.valid_up_to()])
                .chars()
                .count()
                + 1,
        ),
    }
}

/// The reader, written again from its documentation, one character at a
/// time.
fn model(text: &[u8], delimiter: Delimiter, policy: QuotePolicy, limit: usize) -> Vec<Item> {
    let delimiter = char::from(delimiter.as_byte());
    let lines = lines_of(text);
    let mut items = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let (line, mut crlf) = lines[index];
        let number = index as u64 + 1;
        index += 1;
        if line.len() > limit {
            items.push(Item::TooLong(number));
            continue;
        }
        if is_blank(line) {
            continue;
        }
        let Ok(first) = std::str::from_utf8(line) else {
            items.push(Item::NotUtf8(number, column_of_bad_byte(line).unwrap()));
            continue;
        };
        let mut at = At::Start;
        let mut field = String::new();
        let mut fields = Vec::new();
        feed(first, delimiter, &mut at, &mut field, &mut fields);
        // The field a quote left open on the first line, for a stray one.
        let stray = Item::Unterminated(number, fields.len() + 1);
        let mut used = line.len();
        let item = loop {
            if at != At::Quoted {
                fields.push(std::mem::take(&mut field));
                break Item::Record(number, std::mem::take(&mut fields));
            }
            let unterminated = Item::Unterminated(number, fields.len() + 1);
            let line_break = if crlf { "\r\n" } else { "\n" };
            if policy == QuotePolicy::ClosedNearby {
                let read_ahead = index - number as usize;
                let next = lines
                    .get(index)
                    .filter(|_| read_ahead < NEARBY_LINES)
                    .filter(|(next, _)| used + line_break.len() + next.len() <= limit)
                    .and_then(|&(next, next_crlf)| Some((std::str::from_utf8(next).ok()?, next_crlf)))
                    .filter(|(next, _)| closes_cleanly(next, delimiter));
                let Some((next, next_crlf)) = next else {
                    // A stray quote: the lines after this one are read again.
                    index = number as usize;
                    break stray;
                };
                index += 1;
                used += line_break.len() + next.len();
                crlf = next_crlf;
                field.push_str(line_break);
                feed(next, delimiter, &mut at, &mut field, &mut fields);
                continue;
            }
            used += line_break.len();
            if used > limit {
                break Item::TooLong(number);
            }
            let Some(&(next, next_crlf)) = lines.get(index) else {
                break unterminated;
            };
            index += 1;
            if used + next.len() > limit {
                break Item::TooLong(number);
            }
            used += next.len();
            let Ok(next) = std::str::from_utf8(next) else {
                break Item::NotUtf8(index as u64, column_of_bad_byte(next).unwrap());
            };
            crlf = next_crlf;
            field.push_str(line_break);
            feed(next, delimiter, &mut at, &mut field, &mut fields);
        };
        items.push(item);
    }
    items
}

/// How often each delimiter occurs outside quotes in the first line,
/// counted by splitting at `"` and keeping the even pieces.
fn detect_model(text: &[u8]) -> Option<Delimiter> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let first = text.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let outside: Vec<u8> = first
        .split(|&b| b == b'"')
        .step_by(2)
        .flatten()
        .copied()
        .collect();
    let counts: Vec<(usize, Delimiter)> = [
        Delimiter::Comma,
        Delimiter::Tab,
        Delimiter::Semicolon,
        Delimiter::Pipe,
    ]
    .into_iter()
    .map(|d| (outside.iter().filter(|&&b| b == d.as_byte()).count(), d))
    .collect();
    let best = counts.iter().map(|(n, _)| *n).max().unwrap_or(0);
    let winners: Vec<Delimiter> = counts
        .iter()
        .filter(|(n, _)| *n == best)
        .map(|(_, d)| *d)
        .collect();
    match winners.as_slice() {
        [only] if best > 0 => Some(*only),
        _ => None,
    }
}

fuzz_target!(|data: &[u8]| {
    let [flags, extra, ref text @ ..] = *data else {
        return;
    };
    let policy = if flags & 1 == 0 {
        QuotePolicy::ClosedNearby
    } else {
        QuotePolicy::AcrossLines
    };

    let detected = Delimiter::detect(text);
    assert_eq!(detected, detect_model(text), "detect");
    let first_end = text.iter().position(|&b| b == b'\n');
    if let Some(end) = first_end {
        assert_eq!(detected, Delimiter::detect(&text[..end]), "first line only");
    }
    if let Some(d) = detected {
        assert_eq!(d.name().parse::<Delimiter>().ok(), Some(d));
    }

    let delimiter = match (flags >> 1) & 3 {
        0 => Delimiter::Comma,
        1 => Delimiter::Tab,
        2 => Delimiter::Semicolon,
        _ => detected.unwrap_or(Delimiter::Comma),
    };
    let limit = (flags & 8 != 0).then(|| 1 + usize::from(extra % 64));

    let items = read_all(text, delimiter, policy, limit);

    // Lines: non-decreasing, records strictly increasing, within the input.
    let total_lines = lines_of(text).len() as u64;
    let mut last = 0;
    let mut last_record = 0;
    for item in &items {
        let line = item.line();
        assert!(
            line >= 1 && line <= total_lines,
            "line {line} of {total_lines}"
        );
        assert!(line >= last, "lines go back: {items:?}");
        last = line;
        if let Item::Record(_, fields) = item {
            assert!(line > last_record);
            last_record = line;
            assert!(!fields.is_empty());
        }
    }

    // The same, in 1-8 byte pieces.
    let capacity = 1 + usize::from(extra % 8);
    let pieces = read_all(
        BufReader::with_capacity(capacity, text),
        delimiter,
        policy,
        limit,
    );
    assert_eq!(items, pieces, "pieces of {capacity} bytes");

    // The model (left out for multi-line records that are not UTF-8).
    let whole = std::str::from_utf8(text.strip_prefix(BOM).unwrap_or(text)).is_ok();
    if policy == QuotePolicy::ClosedNearby || whole || !text.contains(&b'"') {
        let expected = model(
            text,
            delimiter,
            policy,
            limit.unwrap_or(DEFAULT_LIMIT),
        );
        assert_eq!(items, expected, "model");
    }

    // Without quotes, the policy makes no difference.
    if !text.contains(&b'"') {
        let other = match policy {
            QuotePolicy::ClosedNearby => QuotePolicy::AcrossLines,
            QuotePolicy::AcrossLines => QuotePolicy::ClosedNearby,
        };
        assert_eq!(items, read_all(text, delimiter, other, limit), "policy");
    }
});
