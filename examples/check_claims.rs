//! Checks a CSV of claim lines: prints each line that will be rejected and
//! why, then a summary.
//!
//! ```text
//! cargo run --example check_claims -- claims.csv
//! cargo run --example check_claims -- - < claims.csv   # read stdin
//! ```
//!
//! The columns are found by header name (see `cdt_codes::claims::Column`).
//! Rejected lines and the summary go to stdout; progress (every 100,000
//! lines on large files) goes to stderr.
//!
//! Exit status: 0 when the whole file was read, even if lines were
//! rejected (the report is the result; read the summary to gate a
//! pipeline); 1 when the file cannot be opened or read or its header lacks
//! a needed column; 2 on bad usage.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;

use cdt_codes::claims::{ClaimChecker, Summary};

/// Report progress on stderr every this many lines.
const PROGRESS_EVERY: u64 = 100_000;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path] = args.as_slice() else {
        eprintln!("usage: check_claims FILE.csv   (or - for stdin)");
        return ExitCode::from(2);
    };
    let input: Box<dyn BufRead> = if path == "-" {
        Box::new(io::stdin().lock())
    } else {
        match File::open(path) {
            Ok(file) => Box::new(BufReader::with_capacity(1 << 16, file)),
            Err(error) => {
                eprintln!("check_claims: {path}: {error}");
                return ExitCode::FAILURE;
            }
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let checked = check(input, &mut out).and_then(|summary| {
        writeln!(out, "{summary}")?;
        out.flush()
    });
    match checked {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`check_claims big.csv | head`) is not worth a message.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("check_claims: {path}: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Writes a line for each rejected claim line and malformed row.
fn check(input: impl BufRead, out: &mut impl Write) -> io::Result<Summary> {
    let mut checker = ClaimChecker::new(input).map_err(io::Error::other)?;
    let mut next_progress = PROGRESS_EVERY;
    while let Some(line) = checker.next_line() {
        match line {
            Ok(report) if report.is_valid() => {}
            Ok(report) => writeln!(out, "{report}")?,
            Err(cdt_codes::claims::LineError::Malformed(row)) => writeln!(out, "{row}")?,
            Err(error) => return Err(io::Error::other(error)),
        }
        let lines = checker.summary().lines;
        if lines >= next_progress {
            eprintln!("check_claims: {lines} lines checked");
            next_progress += PROGRESS_EVERY;
        }
    }
    Ok(checker.summary())
}
