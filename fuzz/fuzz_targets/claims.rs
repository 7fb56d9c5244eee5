//! `cdt_codes::claims::ClaimChecker` on arbitrary bytes: delimited claim
//! files and X12 837D interchanges, with random `CheckOptions`.
//!
//! Input: one options byte, one length byte, then the file.
//!
//! byte 0 bits 0-2: a forced delimiter (1 comma, 2 tab, 3 semicolon,
//!                  4 pipe), else detected;
//! byte 0 bit 3:    `assume_latest`;
//! byte 0 bit 4:    the code and date columns are named `proc` and `when`;
//! byte 0 bit 5:    a prefix of `tests/fixtures/claims.837` (its first
//!                  `8 * byte 1` bytes) goes before the file, to reach deep
//!                  into X12;
//! byte 0 bit 6:    a date of service given for the file
//!                  (`CheckOptions::date_of_service`, 2026-03-04), which
//!                  judges the lines of a file with no date column;
//! byte 1:          also the size (1-7 bytes) of the pieces in which the
//!                  file is handed over after its first line.
//!
//! Properties:
//! - the summary adds up: `lines()` is the number of items yielded,
//!   `checked()` the number of reports, `unreadable` the number of errors,
//!   each kind's count the number of reports of that kind (`missing_date`
//!   the X12 lines without a date, `reporting` the valid codes reported with
//!   a tooth, surface or area problem, which are not `valid`),
//!   `assumed_latest` the reports so judged, `conflict` the valid codes
//!   whose only findings are claim-level conflicts, `conflicts` the
//!   distinct conflicts the lines carry (at least that many for X12),
//!   `rejected()` is `lines() - valid`; a report is valid exactly when its
//!   outcome is and it has no reporting problem and no conflict;
//! - a line's conflicts each name at least two lines, this one among them,
//!   and when they name a claim it is the line's claim;
//! - each report's outcome is what an independent reading of the rules
//!   says: `NotCdt` exactly for an X12 qualifier other than `AD`, a
//!   missing date for an empty X12 date or a database's empty date
//!   (`0001-01-01`, `01/01/0001`), `Malformed` =
//!   `CdtCode::parse` fails, `Unknown` for an undefined code with an
//!   unreadable date or range (finding D), `BadDate` = the date does not parse, else
//!   `validity_of` on the date (the newest date of the data when
//!   `assume_latest` and the date lies beyond it, and only then
//!   `assumed_latest`); an X12 range is judged on its first and last day
//!   (valid only when valid on both, else the first day's verdict; an end
//!   before the start, or a range under a format other than `RD8`, is a
//!   bad date); code and date are trimmed;
//!   `Display` works;
//! - delimited files: positions never decrease and stay within the lines
//!   (a lone `\r` counted as a line end too, for classic Mac files);
//!   X12: the format is X12 when the input `looks_like_x12`, and only
//!   then, when it starts as an 837 transaction set or health care group
//!   quoted without its `ISA` (`ST*837*`, `GS*HC*`, any separator), or
//!   when a later line starts an `ISA` (text above the interchange);
//! - a line judged on the date given for the file (`DateSource::Given`)
//!   is a delimited line, dated 2026-03-04 as given, and only when the
//!   options gave it;
//! - every line gets a verdict: `report.verdict()` for a report,
//!   `Unreadable` for an error; the summary's `count` of each verdict in
//!   `Verdict::ALL` is the number of lines with it, and `lines()` is
//!   their sum (and the number of items);
//! - the checker is fused after `None`;
//! - the same items and summary when the file arrives in small pieces
//!   after its first non-blank line (see finding A in the README for why
//!   not that line),
//!   and, for input without `\r`, with `\r\n` line endings (for X12,
//!   when the `ISA` itself holds no line break; not for UTF-16 input; not
//!   when a report or the header error shows a cell quoted over a line
//!   break, which keeps the break as written).

#![no_main]

use std::io::{BufRead, Read};

use cdt_codes::claims::x12::looks_like_x12;
use cdt_codes::claims::{
    CheckOptions, ClaimChecker, ClaimColumn, DateSource, Format, Outcome, Verdict,
};
use cdt_codes::dataset::Delimiter;
use cdt_codes::{CdtCode, CodeSet, DateError, ParseCodeError, ServiceDate, Validity};
use libfuzzer_sys::fuzz_target;

mod common;
use common::{same, Run};

const FIXTURE: &[u8] = include_bytes!("../../tests/fixtures/claims.837");

/// Hands over the first `first` bytes in one piece (the checker decides
/// the format from its first buffer), then `size` bytes at a time.
struct Pieces<'a> {
    data: &'a [u8],
    at: usize,
    first: usize,
    size: usize,
}

impl Read for Pieces<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Pieces<'_> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        let size = if self.at < self.first {
            self.first - self.at
        } else {
            self.size
        };
        let end = (self.at + size).min(self.data.len());
        Ok(&self.data[self.at..end])
    }

    fn consume(&mut self, amount: usize) {
        self.at = (self.at + amount).min(self.data.len());
    }
}

/// Counts of each outcome kind, found from the reports.
#[derive(Debug, Default, PartialEq)]
struct Counts {
    valid: u64,
    /// Valid codes reported with the wrong tooth, surfaces or area.
    reporting: u64,
    /// Valid codes whose only findings are conflicts within their claim.
    conflict: u64,
    malformed: u64,
    unknown: u64,
    deleted: u64,
    not_yet: u64,
    bad_date: u64,
    missing_date: u64,
    outside: u64,
    not_cdt: u64,
    unreadable: u64,
    assumed: u64,
}

/// The code a line is judged as: the cell read as a code, or in an
/// export a practice's own code (`D9230b`, `D0120.a`: `D` or `d`, four
/// digits and a suffix of printable ASCII that starts with a period or a
/// small letter) read as its first five characters; else the cell's parse
/// error. An 837D's code is what the claim sends, taken as written.
fn judged_code(written: &str, format: Format) -> Result<CdtCode, ParseCodeError> {
    let parsed = CdtCode::parse(written);
    let bytes = written.as_bytes();
    let practice = format != Format::X12
        && parsed.is_err()
        && bytes.len() > 5
        && matches!(bytes[0], b'D' | b'd')
        && bytes[1..5].iter().all(u8::is_ascii_digit)
        && matches!(bytes[5], b'.' | b'a'..=b'z')
        && bytes[5..].iter().all(u8::is_ascii_graphic);
    if practice {
        return CdtCode::parse(&std::format!("D{}", &written[1..5]));
    }
    // Or, in an export, a code and its name (`D0120 - Periodic ...`): a
    // space, dash or colon after the code, then a letter, and no second
    // code after it.
    let is_gap = |c: char| c.is_whitespace() || matches!(c, '-' | '–' | ':');
    if let (Some((head, rest)), false, Err(_)) = (
        written.split_at_checked(5),
        format == Format::X12,
        parsed,
    ) {
        let text = rest.trim_start_matches(is_gap);
        let second = text
            .as_bytes()
            .windows(5)
            .any(|w| matches!(w[0], b'D' | b'd') && w[1..].iter().all(u8::is_ascii_digit));
        if rest.starts_with(is_gap) && text.starts_with(char::is_alphabetic) && !second {
            if let Ok(code) = CdtCode::parse(head) {
                return Ok(code);
            }
        }
    }
    parsed
}

fn check_report(
    report: &cdt_codes::claims::LineReport<'static>,
    format: Format,
    assume_latest: bool,
    counts: &mut Counts,
) {
    let set = CodeSet::compiled();
    assert_eq!(report.code, report.code.trim());
    assert_eq!(report.date, report.date.trim());
    assert!(!report.to_string().is_empty());
    assert!(!report.message().is_empty());
    assert_eq!(
        report.is_valid(),
        report.outcome.is_valid() && report.problems.is_empty() && report.conflicts.is_empty()
    );
    // A claim-level finding names this line, and only lines of its claim.
    for conflict in &report.conflicts {
        assert!(conflict.lines.len() >= 2, "{conflict:?}");
        assert_eq!(conflict.lines.len(), conflict.positions.len());
        assert!(
            conflict.positions.contains(&report.position),
            "line {} not in {conflict:?}",
            report.position
        );
        if conflict.claim.is_some() {
            assert_eq!(conflict.claim, report.claim, "{conflict:?}");
            assert!(conflict.lines.contains(&report.line), "{conflict:?}");
        }
        assert!(!conflict.to_string().is_empty());
    }
    counts.assumed += u64::from(report.assumed_latest);
    let parsed = judged_code(&report.code, format);
    let defined = parsed.ok().and_then(|code| set.get(code));
    // An X12 range `CCYYMMDD-CCYYMMDD` is judged on its first and its last
    // day: valid only when valid on both, else the first day's verdict.
    let (start, end) = match report.date.split_once('-') {
        Some((start, end)) if format == Format::X12 => (start, Some(end)),
        _ => (report.date.as_str(), None),
    };
    let date = start.parse::<ServiceDate>();
    let year_one = report.date.starts_with("0001-01-01") || report.date.starts_with("01/01/0001");
    let empty_date = report.date.trim().is_empty() || year_one;
    match &report.outcome {
        Outcome::NotCdt { qualifier } => {
            assert_eq!(format, Format::X12);
            assert_ne!(qualifier, "AD");
            counts.not_cdt += 1;
        }
        Outcome::MissingDate => {
            // No date, an empty cell, or a database's empty date (year 1).
            assert!(empty_date, "missing date {:?}", report.date);
            counts.missing_date += 1;
        }
        // Year 1 is no date whatever the code; an empty cell only for a
        // code that was read and defined (the code is judged first).
        _ if year_one => {
            panic!("{:?} is an empty date: {:?}", report.date, report.outcome);
        }
        Outcome::Checked(Validity::Malformed(error)) => {
            assert_eq!(parsed, Err(*error));
            counts.malformed += 1;
        }
        Outcome::BadDate(error) => {
            assert!(!report.date.trim().is_empty(), "an empty date is no bad date");
            let end = end.map(str::parse::<ServiceDate>);
            // An undefined code with an unreadable date is `Unknown`, on a
            // single date or a broken range alike (finding D).
            assert!(defined.is_some(), "bad date for an undefined code");
            // Under a qualifier other than `RD8` the whole text is the date.
            let whole = report.date.parse::<ServiceDate>() == Err(*error);
            match (date, end) {
                (Err(start), _) => assert!(start == *error || whole),
                (Ok(_), Some(Err(end))) => assert!(end == *error || whole),
                (Ok(start), Some(Ok(end))) => {
                    // Backwards, or a `DTP` whose format is not `RD8`
                    // (the text is then one date, which does not read).
                    assert!(
                        end < start || whole,
                        "a range that reads: {:?}: {error:?}",
                        report.date
                    );
                    assert_eq!(*error, DateError::Format);
                }
                (Ok(_), None) => panic!("bad date {:?} parses", report.date),
            }
            counts.bad_date += 1;
        }
        Outcome::Checked(validity) => {
            let code = parsed.expect("a checked code parses");
            let Ok(date) = date else {
                // Only an undefined code is judged without a date.
                assert_eq!(*validity, Validity::Unknown(code));
                assert!(defined.is_none());
                assert!(!report.assumed_latest);
                counts.unknown += 1;
                return;
            };
            if end.is_some() && report.service_date.is_none() {
                // Under a qualifier other than `RD8` (not read here) the
                // text is one date, which does not read: only an undefined
                // code is judged, `Unknown` without a date, so nothing was
                // judged by the newest edition.
                assert_eq!(*validity, Validity::Unknown(code));
                assert!(defined.is_none());
                assert!(!report.assumed_latest);
                counts.unknown += 1;
                return;
            }
            // The date judged is the (first) date given.
            assert_eq!(report.service_date, Some(date));
            let (_, last) = set.horizon();
            let judge = |date: ServiceDate| {
                let beyond = assume_latest && date > last;
                (
                    set.validity_of(code, if beyond { last } else { date }),
                    beyond,
                )
            };
            let (first, first_beyond) = judge(date);
            let (expected, beyond) = match end {
                None => (first, first_beyond),
                Some(end) => {
                    let end = end.parse::<ServiceDate>().ok().filter(|end| *end >= date);
                    let Some(end) = end else {
                        // Not an `RD8` range (its qualifier is not read
                        // here) or a backwards one: the whole text was the
                        // date, or the end does not fit, so only an
                        // undefined code is judged (`Unknown`).
                        assert_eq!(*validity, Validity::Unknown(code));
                        assert!(defined.is_none());
                        counts.unknown += 1;
                        return;
                    };
                    let (last_day, end_beyond) = judge(end);
                    (
                        if first.is_valid() { last_day } else { first },
                        first_beyond || end_beyond,
                    )
                }
            };
            assert_eq!(report.assumed_latest, beyond);
            assert_eq!(*validity, expected);
            match validity {
                Validity::Valid(_) if !report.problems.is_empty() => counts.reporting += 1,
                Validity::Valid(_) if !report.conflicts.is_empty() => counts.conflict += 1,
                Validity::Valid(_) => counts.valid += 1,
                Validity::Unknown(_) => counts.unknown += 1,
                Validity::Deleted { .. } => counts.deleted += 1,
                Validity::NotYetInForce { .. } => counts.not_yet += 1,
                Validity::OutsideData { .. } => counts.outside += 1,
                other => panic!("a validity this target does not know: {other:?}"),
            }
        }
        other => panic!("an outcome this target does not know: {other:?}"),
    }
}

fn run<R: BufRead>(
    input: R,
    options: &CheckOptions,
    (assume_latest, given): (bool, bool),
    lines: u64,
) -> Result<Run, String> {
    let mut checker = ClaimChecker::with_options(input, CodeSet::compiled(), options)
        .map_err(|error| format!("{error:?} / {error}"))?;
    let format = checker.format();
    if let (Some(forced), Format::Delimited(used)) = (options.forced_delimiter(), format) {
        assert_eq!(forced, used);
    }
    let mut counts = Counts::default();
    let mut verdicts = [0u64; Verdict::ALL.len()];
    let slot = |verdict: Verdict| {
        Verdict::ALL
            .iter()
            .position(|&v| v == verdict)
            .expect("a verdict listed in Verdict::ALL")
    };
    let mut items = Vec::new();
    let mut lines_seen = Vec::new();
    let mut conflicts = std::collections::BTreeSet::new();
    let mut last_position = 0;
    for item in checker.by_ref() {
        let position = match &item {
            Ok(report) => {
                check_report(report, format, assume_latest, &mut counts);
                // A date given for the file judges only delimited lines,
                // as written, and only when it was given.
                if report.date_source == DateSource::Given {
                    assert!(given, "a date given, unasked");
                    assert!(matches!(format, Format::Delimited(_)));
                    assert_eq!(report.date, "2026-03-04");
                }
                verdicts[slot(report.verdict())] += 1;
                for conflict in &report.conflicts {
                    conflicts.insert((
                        conflict.rule.id(),
                        conflict.claim.clone(),
                        conflict.lines.clone(),
                        conflict.positions.clone(),
                    ));
                }
                lines_seen.push((
                    report.verdict(),
                    report.code.to_string(),
                    report.date.to_string(),
                ));
                report.position
            }
            Err(error) => {
                assert!(!error.to_string().is_empty());
                assert!(!error.is_io(), "{error}");
                counts.unreadable += 1;
                verdicts[slot(Verdict::Unreadable)] += 1;
                lines_seen.push((Verdict::Unreadable, String::new(), String::new()));
                error.position()
            }
        };
        if let Format::Delimited(_) = format {
            assert!(position >= last_position, "positions go back");
            assert!(
                position >= 1 && position <= lines,
                "line {position} of {lines}"
            );
            last_position = position;
        }
        items.push(format!("{item:?}"));
    }
    assert!(checker.next().is_none(), "not fused");
    let summary = checker.summary();
    let found = Counts {
        valid: summary.valid,
        reporting: summary.reporting,
        conflict: summary.conflict,
        malformed: summary.malformed_code,
        unknown: summary.unknown_code,
        deleted: summary.deleted,
        not_yet: summary.not_yet_in_force,
        bad_date: summary.bad_date,
        missing_date: summary.missing_date,
        outside: summary.outside_data,
        not_cdt: summary.not_cdt,
        unreadable: summary.unreadable,
        assumed: summary.assumed_latest,
    };
    assert_eq!(found, counts, "summary vs reports");
    assert_eq!(summary.lines(), items.len() as u64);
    // Each conflict is counted once, and every line it names carries it.
    // (X12 positions restart at each `ISA`, so two interchanges may hold
    // conflicts that look alike.)
    let distinct = conflicts.len() as u64;
    match format {
        Format::Delimited(_) => assert_eq!(distinct, summary.conflicts, "conflicts"),
        _ => assert!(distinct <= summary.conflicts, "conflicts"),
    }
    for (at, &verdict) in Verdict::ALL.iter().enumerate() {
        assert_eq!(summary.count(verdict), verdicts[at], "{verdict:?}");
    }
    assert_eq!(
        Verdict::ALL.iter().map(|&v| summary.count(v)).sum::<u64>(),
        summary.lines()
    );
    assert_eq!(verdicts.iter().sum::<u64>(), items.len() as u64);
    assert_eq!(summary.checked() + summary.unreadable, summary.lines());
    assert_eq!(summary.rejected(), summary.lines() - summary.valid);
    assert!(!summary.to_string().is_empty());
    Ok(Run {
        format,
        items,
        verdicts: lines_seen,
        summary,
    })
}

/// Whether an X12 input's `ISA` holds no line break before `ISA16`. The
/// `ISA` is read by counting element separators, line breaks included, so
/// a `\r` added inside it changes which bytes are the delimiters: such
/// input is left out of the `\r\n` comparison. Delimited input always
/// qualifies.
fn isa_on_one_line(input: &[u8]) -> bool {
    let isa = if looks_like_x12(input) {
        let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
        let start = input
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(input.len());
        &input[start..]
    } else {
        match isa_below_a_line(input) {
            Some(at) => &input[at..],
            None => return true,
        }
    };
    let Some(&element) = isa.get(3) else {
        return true;
    };
    let mut separators = 0;
    for &byte in isa.iter().skip(4) {
        if byte == b'\n' {
            return false;
        }
        if byte == element {
            separators += 1;
        }
        if separators == 15 {
            // A line break as ISA16 or as the terminator reads alike as
            // `\r` (both rejected as ISA16, both end segments).
            return true;
        }
    }
    true
}

/// Where a line after the first starts an `ISA` (`ISA`, a separator, two
/// letters or digits, the separator again; whitespace before it allowed):
/// the checker reads an interchange below a few lines of text. A lone `\r`
/// ends a line too (classic Mac files), and counting every `\r` as a line
/// end only finds more such lines.
fn isa_below_a_line(input: &[u8]) -> Option<usize> {
    let line_end = |b: &u8| matches!(b, b'\n' | b'\r');
    let mut at = input.iter().position(line_end)? + 1;
    while at < input.len() {
        let line = &input[at..];
        let content = line.iter().position(|b| !b.is_ascii_whitespace())?;
        let start = at + content;
        if let [b'I', b'S', b'A', sep, first, second, again, ..] = input[start..] {
            if !sep.is_ascii_alphanumeric()
                && !matches!(sep, b' ' | b'\r' | b'\n')
                && first.is_ascii_alphanumeric()
                && second.is_ascii_alphanumeric()
                && again == sep
            {
                return Some(start);
            }
        }
        at = start + input[start..].iter().position(line_end)? + 1;
    }
    None
}

/// Whether the input starts as an 837 transaction set (`ST*837*`) or a
/// health care functional group (`GS*HC*`) without an `ISA` in front, with
/// any separator byte: a byte-order mark and whitespace first are passed
/// over.
fn starts_without_isa(input: &[u8]) -> bool {
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    match input.trim_ascii_start() {
        [b'S', b'T', sep, b'8', b'3', b'7', after, ..] | [b'G', b'S', sep, b'H', b'C', after, ..] => {
            !sep.is_ascii_alphanumeric() && *sep != b' ' && after == sep
        }
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    let [flags, length, ref rest @ ..] = *data else {
        return;
    };
    let mut input = Vec::new();
    if flags & 32 != 0 {
        input.extend_from_slice(&FIXTURE[..(usize::from(length) * 8).min(FIXTURE.len())]);
    }
    input.extend_from_slice(rest);

    let mut options = CheckOptions::default();
    let forced = match flags & 7 {
        1 => Some(Delimiter::Comma),
        2 => Some(Delimiter::Tab),
        3 => Some(Delimiter::Semicolon),
        4 => Some(Delimiter::Pipe),
        _ => None,
    };
    if let Some(delimiter) = forced {
        options = options.delimiter(delimiter);
    }
    let assume_latest = flags & 8 != 0;
    options = options.assume_latest(assume_latest);
    if flags & 16 != 0 {
        options = options
            .column(ClaimColumn::Code, "proc")
            .column(ClaimColumn::Date, "when");
    }
    let given = flags & 64 != 0;
    if given {
        let date = ServiceDate::new(2026, 3, 4).expect("a calendar date");
        options = options.date_of_service(date);
    }

    // Lines as the delimited reader counts them: a last line without `\n`
    // counts too. In a file whose first line ends with a lone `\r` (the
    // classic Mac line ending) every `\r` ends a line as well: the bound
    // counts them when the input has a lone one anywhere.
    let newlines = input.iter().filter(|&&b| b == b'\n').count() as u64;
    let lone_cr = input
        .iter()
        .enumerate()
        .any(|(at, &b)| b == b'\r' && input.get(at + 1) != Some(&b'\n'));
    let lines = if lone_cr {
        let returns = input.iter().filter(|&&b| b == b'\r').count() as u64;
        newlines + returns + u64::from(!input.ends_with(b"\n") && !input.ends_with(b"\r"))
    } else {
        newlines + u64::from(!input.ends_with(b"\n"))
    };

    let whole = run(&input[..], &options, (assume_latest, given), lines);
    if let Ok(run) = &whole {
        // The format is X12 when the input looks like it, and otherwise
        // only for a transaction set or group without its `ISA` or an
        // interchange below lines of text.
        if looks_like_x12(&input) {
            assert_eq!(run.format, Format::X12);
        } else if run.format == Format::X12 {
            assert!(
                starts_without_isa(&input) || isa_below_a_line(&input).is_some(),
                "read as X12 without looking like it"
            );
        }
    }

    // The lent reports (`next_report`, buffers reused line after line) are
    // the iterator's reports, item for item, with the same summary.
    if let Ok(owned) = &whole {
        let mut checker = ClaimChecker::with_options(&input[..], CodeSet::compiled(), &options)
            .expect("the header read the first time");
        let mut lent = Vec::new();
        while let Some(item) = checker.next_report() {
            lent.push(format!("{item:?}"));
        }
        assert_eq!(owned.items, lent, "lent reports");
        assert_eq!(owned.summary, checker.summary(), "lent summary");
        assert!(checker.next_report().is_none(), "lent reports not fused");
    }

    // The first piece runs through the end of the first line that is not
    // blank (after a byte-order mark): the checker decides the format and
    // the delimiter from its first buffer (finding A in the README).
    let skip = if input.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let content = input[skip..]
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map_or(input.len(), |at| skip + at);
    let first = input[content..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(input.len(), |end| content + end + 1);
    let pieces = Pieces {
        data: &input,
        at: 0,
        first,
        size: 1 + usize::from(length % 7),
    };
    same(
        &whole,
        &run(pieces, &options, (assume_latest, given), lines),
        "pieces",
    );

    // UTF-16 input (a byte-order mark `FF FE` or `FE FF`) has no `\n`
    // bytes to double: its line endings are code units (the `decode`
    // target compares its encodings).
    let utf16 = input.starts_with(b"\xFF\xFE") || input.starts_with(b"\xFE\xFF");
    // A quoted cell that runs over a line break keeps the break as written
    // (`\n` here, `\r\n` there), and what is read from it with it: a run
    // that reports such a cell is not compared.
    let spans_lines = match &whole {
        Ok(run) => run.items.iter().any(|item| item.contains("\\n")),
        Err(header) => header.contains("\\n"),
    };
    if !utf16 && !input.contains(&b'\r') && isa_on_one_line(&input) && !spans_lines {
        let mut crlf = Vec::with_capacity(input.len() + newlines as usize);
        for &byte in &input {
            if byte == b'\n' {
                crlf.push(b'\r');
            }
            crlf.push(byte);
        }
        same(
            &whole,
            &run(&crlf[..], &options, (assume_latest, given), lines),
            "\\r\\n line endings",
        );
    }
});
