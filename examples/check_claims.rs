//! Checks claim lines as they arrive: a delimited export (comma, tab,
//! semicolon or pipe) or an X12 837D interchange, told apart by content.
//!
//! ```text
//! cargo run --example check_claims -- tests/fixtures/claims.csv
//! cargo run --example check_claims -- tests/fixtures/claims.837
//! cargo run --example check_claims -- --format json --strict claims.txt
//! cargo run --example check_claims -- --data CDT2027.csv --edition 2027 claims.csv
//! cargo run --example check_claims -- - < claims.csv          # standard input
//! ```
//!
//! Options:
//!
//! - `--format text|csv|json`: text (default) prints each rejected or
//!   unreadable line and a summary; `csv` prints every line as a CSV row
//!   (`position,claim,line,code,date,verdict,message,replaced_by`); `json`
//!   (built with `--features serde`) prints JSON lines: one object per
//!   claim line (`{"position", "claim", "line", "code", "date", "teeth",
//!   "areas", "verdict", "message", "replaced_by", "assumed_latest"}`), one
//!   per unreadable row (`{"position", "verdict": "unreadable",
//!   "message"}`) and a last `{"summary": {...}}` with every count.
//! - `--delimiter comma|tab|semicolon|pipe`: force the delimiter.
//! - `--claim-column`, `--line-column`, `--code-column`, `--date-column`,
//!   `--tooth-column`, `--surfaces-column`, `--area-column NAME`: the
//!   header of a column, when the usual names do not fit.
//! - `--assume-latest`: judge dates after the data's newest edition as if
//!   it still applied (otherwise they are *outside the data*).
//! - `--data FILE [--edition YEAR] [--replace]`: check against a code file
//!   loaded at run time (laid over the bundled data) instead of the
//!   compiled data.
//! - `--strict`: exit 1 when any line is not known to be valid.
//!
//! Exit status: 0 when the file was read (with `--strict`: and every line
//! is valid); 1 with `--strict` when any line is rejected, outside the data
//! or unreadable; 2 when the file cannot be opened or read, its header
//! lacks a needed column, or the usage is wrong.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;

use cdt_codes::claims::{CheckOptions, ClaimChecker, ClaimColumn, LineError, LineReport, Summary};
use cdt_codes::dataset::Delimiter;
use cdt_codes::CodeSet;

#[macro_use]
mod support;

/// Report progress on stderr every this many lines.
const PROGRESS_EVERY: u64 = 100_000;

const USAGE: &str = "usage: check_claims [--format text|csv|json] [--strict] [--assume-latest] \
[--delimiter comma|tab|semicolon|pipe] [--code-column NAME] [--date-column NAME] \
[--claim-column NAME] [--line-column NAME] [--tooth-column NAME] [--surfaces-column NAME] \
[--area-column NAME] [--data FILE [--edition YEAR] [--replace]] FILE   (or - for stdin)";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Csv,
    Json,
}

struct Args {
    path: String,
    format: Format,
    strict: bool,
    options: CheckOptions,
}

fn parse_args(mut args: Vec<String>) -> Result<(Args, Option<CodeSet>), String> {
    let loaded = support::code_set(&mut args)?;
    let mut format = Format::Text;
    let mut strict = false;
    let mut options = CheckOptions::default();
    let mut path = None;
    let mut items = args.into_iter();
    while let Some(arg) = items.next() {
        let mut value = |name: &str| items.next().ok_or(format!("{name} needs a value"));
        let column = |name: &str| match name {
            "--claim-column" => Some(ClaimColumn::Claim),
            "--line-column" => Some(ClaimColumn::Line),
            "--code-column" => Some(ClaimColumn::Code),
            "--date-column" => Some(ClaimColumn::Date),
            "--tooth-column" => Some(ClaimColumn::Tooth),
            "--surfaces-column" => Some(ClaimColumn::Surfaces),
            "--area-column" => Some(ClaimColumn::Area),
            _ => None,
        };
        match arg.as_str() {
            "--help" | "-h" => return Err(USAGE.into()),
            "--strict" => strict = true,
            "--assume-latest" => options = options.assume_latest(true),
            "--format" => {
                format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "csv" => Format::Csv,
                    "json" => Format::Json,
                    other => return Err(format!("--format {other}: expected text, csv or json")),
                }
            }
            "--delimiter" => {
                let text = value("--delimiter")?;
                let delimiter: Delimiter = text.parse().map_err(|_| {
                    format!("--delimiter {text}: expected comma, tab, semicolon or pipe")
                })?;
                options = options.delimiter(delimiter);
            }
            name if column(name).is_some() => {
                let header = value(name)?;
                if let Some(column) = column(name) {
                    options = options.column(column, &header);
                }
            }
            other if other.starts_with("--") => {
                return Err(format!("unknown option {other}\n{USAGE}"))
            }
            _ if path.is_some() => return Err(format!("one file at a time\n{USAGE}")),
            _ => path = Some(arg),
        }
    }
    let path = path.ok_or_else(|| USAGE.to_string())?;
    Ok((
        Args {
            path,
            format,
            strict,
            options,
        },
        loaded,
    ))
}

fn main() -> ExitCode {
    let (args, loaded) = match parse_args(std::env::args().skip(1).collect()) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let set = loaded.as_ref().unwrap_or_else(|| CodeSet::compiled());
    let input: Box<dyn BufRead> = if args.path == "-" {
        Box::new(io::stdin().lock())
    } else {
        match File::open(&args.path) {
            Ok(file) => Box::new(BufReader::with_capacity(1 << 16, file)),
            Err(error) => {
                eprintln!("{}: cannot open the file: {error}", args.path);
                return ExitCode::from(2);
            }
        }
    };
    let checker = match ClaimChecker::with_options(input, set, &args.options) {
        Ok(checker) => checker,
        Err(error) => {
            eprintln!("{}: {error}", args.path);
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let summary = match run(checker, args.format, &mut out) {
        Ok(summary) => summary,
        // A closed pipe (`| head`) ends the run quietly.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}: {error}", args.path);
            return ExitCode::from(2);
        }
    };
    if args.strict && summary.rejected() > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn run<R: BufRead>(
    mut checker: ClaimChecker<'_, R>,
    format: Format,
    out: &mut impl Write,
) -> io::Result<Summary> {
    if format == Format::Csv {
        writeln!(
            out,
            "position,claim,line,code,date,verdict,message,replaced_by"
        )?;
    }
    while let Some(item) = checker.next() {
        match item {
            Ok(report) => write_report(out, format, &report)?,
            Err(error) if error.is_io() => return Err(io::Error::other(error.to_string())),
            Err(error) => write_error(out, format, &error)?,
        }
        let seen = checker.summary().lines();
        if seen % PROGRESS_EVERY == 0 {
            eprintln!("... {seen} lines");
        }
    }
    let summary = checker.summary();
    match format {
        Format::Text => writeln!(out, "{summary}")?,
        Format::Json => writeln!(out, "{{\"summary\": {}}}", json(&summary)?)?,
        Format::Csv => {}
    }
    out.flush()?;
    Ok(summary)
}

fn write_report(out: &mut impl Write, format: Format, report: &LineReport<'_>) -> io::Result<()> {
    match format {
        Format::Text if report.is_valid() => Ok(()),
        Format::Text => writeln!(out, "{report}"),
        Format::Csv => writeln!(
            out,
            "{},{},{},{},{},{},{},{}",
            report.position,
            csv_field(report.claim.as_deref().unwrap_or("")),
            csv_field(&report.line),
            csv_field(&report.code),
            csv_field(&report.date),
            report.outcome.kind(),
            csv_field(&report.message()),
            report
                .replaced_by()
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" ")
        ),
        Format::Json => writeln!(out, "{}", json(report)?),
    }
}

fn write_error(out: &mut impl Write, format: Format, error: &LineError) -> io::Result<()> {
    match format {
        Format::Text => writeln!(out, "{error}"),
        Format::Csv => writeln!(
            out,
            "{},,,,,unreadable,{},",
            error.position(),
            csv_field(&error.to_string())
        ),
        Format::Json => writeln!(out, "{}", json(error)?),
    }
}

/// A value as one line of JSON (needs the `serde` feature).
#[cfg(feature = "serde")]
fn json(value: &impl serde::Serialize) -> io::Result<String> {
    serde_json::to_string(value).map_err(io::Error::other)
}

#[cfg(not(feature = "serde"))]
fn json<T>(_value: &T) -> io::Result<String> {
    Err(io::Error::other(
        "JSON output needs the serde feature: cargo run --features serde --example check_claims -- --format json FILE",
    ))
}

/// A CSV field, quoted when it holds a comma, quote or line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}
