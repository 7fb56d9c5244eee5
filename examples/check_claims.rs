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
//! - `--format text|csv|json`: text (default) prints each line with a
//!   finding as `error: ...` or `warning: ...`, each note, then a summary;
//!   `csv` prints every line as a CSV row (`position, claim, line, code,
//!   date, date_source, verdict, severity, message, replaced_by, teeth,
//!   surfaces, areas, problems, conflicts, notes`); `json` prints JSON
//!   lines: one object per claim line (with `verdict` and `severity`), one
//!   per unreadable row, one `{"conflict": {...}}` per conflict between
//!   the lines of a claim, one per envelope warning and a last
//!   `{"summary": {...}}` whose counts by verdict add up to `lines`.
//!   The verdict and severity of a line are the same in all three.
//! - `--delimiter comma|tab|semicolon|pipe`: force the delimiter.
//! - `--claim-column`, `--line-column`, `--code-column`, `--date-column`,
//!   `--tooth-column`, `--surfaces-column`, `--area-column`,
//!   `--date-end-column` (the last day of a range), `--tooth-system-column`
//!   (`JO` for ISO 3950 teeth), `--tooth-range-column`, `--patient-column
//!   NAME`: the header of a column, when the usual names do not fit (a
//!   name the header lacks is an error).
//! - `--tooth-numbering universal|iso`: how the file numbers its teeth
//!   where no tooth system column says so (`iso`, or `fdi`, for an export
//!   written in the FDI two-digit numbering); Universal by default.
//! - `--no-edits`: leave out the claim-level edits (conflicts between
//!   the lines of one claim, `data/edits.tsv`), on by default for inputs
//!   that name their claims.
//! - `--assume-latest`: judge dates after the data's newest edition as if
//!   it still applied (otherwise they are *outside the data*).
//! - `--date-of-service YYYY-MM-DD`: judge every line of a delimited file
//!   that has no date column on this date (a treatment plan, a fee
//!   schedule); such a file is refused without it.
//! - `--data FILE [--edition YEAR] [--replace]`: check against a code file
//!   loaded at run time (laid over the bundled data) instead of the
//!   compiled data.
//! - `--strict`: exit 1 when any line's severity is an error, or when the
//!   file holds no claim line; `--strict=warnings`: warnings too.
//!
//! Exit status: 0 done; 1 with `--strict` when a line fails it (or there
//! are no lines); 2 when the usage is wrong or the file cannot be opened
//! or read as claims (no code or date column, a column named with
//! `--...-column` missing, an X12 file of another transaction set). With
//! `--format json`, a fatal error is one JSON object on standard output,
//! `{"error", "message", "status"}`.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;

use cdt_codes::claims::write::{fatal, OutputFormat, ReportWriter};
use cdt_codes::claims::{
    CheckOptions, ClaimChecker, ClaimColumn, HeaderError, Summary, ToothNumbering,
};
use cdt_codes::dataset::Delimiter;
use cdt_codes::CodeSet;

#[macro_use]
mod support;

/// Report progress on stderr every this many lines.
const PROGRESS_EVERY: u64 = 100_000;

const USAGE: &str =
    "usage: check_claims [--format text|csv|json] [--strict[=warnings]] [--assume-latest] \
[--delimiter comma|tab|semicolon|pipe] [--code-column NAME] [--date-column NAME] \
[--claim-column NAME] [--line-column NAME] [--tooth-column NAME] [--surfaces-column NAME] \
[--area-column NAME] [--date-end-column NAME] [--tooth-system-column NAME] \
[--tooth-range-column NAME] [--patient-column NAME] [--tooth-numbering universal|iso] [--no-edits] \
[--date-of-service YYYY-MM-DD] [--data FILE [--edition YEAR] [--replace]] FILE   (or - for stdin)";

/// How strict the exit status is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Strict {
    Off,
    Errors,
    Warnings,
}

struct Args {
    path: String,
    format: OutputFormat,
    strict: Strict,
    options: CheckOptions,
}

/// What the command line asks for.
enum Request {
    Help,
    Run(Box<(Args, Option<CodeSet>)>),
}

/// The output format asked for, looked up before anything else so that
/// even a usage error comes out in it.
fn format_of(args: &[String]) -> OutputFormat {
    args.iter()
        .position(|arg| arg == "--format")
        .and_then(|at| args.get(at + 1))
        .and_then(|text| text.parse().ok())
        .unwrap_or(OutputFormat::Text)
}

fn parse_args(mut args: Vec<String>) -> Result<Request, String> {
    if args.iter().any(|arg| arg == "--help" || arg == "-h") {
        return Ok(Request::Help);
    }
    let loaded = support::code_set(&mut args)?;
    let mut format = OutputFormat::Text;
    let mut strict = Strict::Off;
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
            "--date-end-column" => Some(ClaimColumn::DateEnd),
            "--tooth-system-column" => Some(ClaimColumn::ToothSystem),
            "--tooth-range-column" => Some(ClaimColumn::ToothRange),
            "--patient-column" => Some(ClaimColumn::Patient),
            _ => None,
        };
        match arg.as_str() {
            "--strict" | "--strict=errors" => strict = Strict::Errors,
            "--strict=warnings" => strict = Strict::Warnings,
            "--assume-latest" => options = options.assume_latest(true),
            "--no-edits" => options = options.claim_edits(false),
            "--format" => {
                let text = value("--format")?;
                format = text.parse().map_err(|e| format!("--format {e}"))?;
            }
            "--date-of-service" => {
                let text = value("--date-of-service")?;
                let date: cdt_codes::ServiceDate = text
                    .parse()
                    .map_err(|e| format!("--date-of-service {text}: {e}"))?;
                options = options.date_of_service(date);
            }
            "--tooth-numbering" => {
                let text = value("--tooth-numbering")?;
                let numbering: ToothNumbering =
                    text.parse().map_err(|e| format!("--tooth-numbering {e}"))?;
                options = options.tooth_numbering(numbering);
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
            other if other.starts_with('-') && other != "-" => {
                return Err(format!("unknown option {other}\n{USAGE}"))
            }
            _ if path.is_some() => return Err(format!("one file at a time\n{USAGE}")),
            _ => path = Some(arg),
        }
    }
    let path = path.ok_or_else(|| format!("no file named\n{USAGE}"))?;
    Ok(Request::Run(Box::new((
        Args {
            path,
            format,
            strict,
            options,
        },
        loaded,
    ))))
}

/// Ends the program with a fatal error, in the output format.
fn fail(format: OutputFormat, kind: &str, message: &str) -> ExitCode {
    let text = fatal(format, kind, message, 2);
    if format == OutputFormat::Json {
        println!("{text}");
    } else {
        eprintln!("{text}");
    }
    ExitCode::from(2)
}

/// What the command line offers for a header that lacks a required
/// column: its name, or for the date one date for every line.
fn remedy(error: &HeaderError) -> &'static str {
    match error {
        HeaderError::MissingColumn {
            column: ClaimColumn::Date,
            ..
        } => {
            " (name the date column with --date-column NAME, or check every line on one date \
             with --date-of-service YYYY-MM-DD)"
        }
        HeaderError::MissingColumn {
            column: ClaimColumn::Code,
            ..
        } => " (name the code column with --code-column NAME)",
        _ => "",
    }
}

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    let early_format = format_of(&raw);
    let (args, loaded) = match parse_args(raw) {
        Ok(Request::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Ok(Request::Run(run)) => *run,
        Err(message) => return fail(early_format, "usage", &message),
    };
    let set = loaded.as_ref().unwrap_or_else(|| CodeSet::compiled());
    let input: Box<dyn BufRead> = if args.path == "-" {
        Box::new(io::stdin().lock())
    } else {
        match File::open(&args.path) {
            Ok(file) => Box::new(BufReader::with_capacity(1 << 16, file)),
            Err(error) => {
                let message = format!("{}: cannot open the file: {error}", args.path);
                return fail(args.format, "unreadable_file", &message);
            }
        }
    };
    let checker = match ClaimChecker::with_options(input, set, &args.options) {
        Ok(checker) => checker,
        Err(error) => {
            let message = format!("{}: {error}{}", args.path, remedy(&error));
            return fail(args.format, "not_a_claims_file", &message);
        }
    };
    let stdout = io::stdout();
    let out = BufWriter::new(stdout.lock());
    let summary = match run(checker, args.format, out) {
        Ok(summary) => summary,
        // A closed pipe (`| head`) ends the run quietly.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
        Err(error) => {
            let message = format!("{}: {error}", args.path);
            return fail(args.format, "unreadable_file", &message);
        }
    };
    let failed = match args.strict {
        Strict::Off => false,
        Strict::Errors => summary.errors > 0 || summary.lines() == 0,
        Strict::Warnings => summary.errors + summary.warnings > 0 || summary.lines() == 0,
    };
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn run<R: BufRead>(
    mut checker: ClaimChecker<'_, R>,
    format: OutputFormat,
    out: impl Write,
) -> io::Result<Summary> {
    let mut writer = ReportWriter::new(out, format)?;
    // Lent reports: the checker reuses its buffers line after line.
    while let Some(item) = checker.next_report() {
        match item {
            Err(error) if error.is_io() => return Err(io::Error::other(error.to_string())),
            Err(error) => writer.unreadable(error)?,
            Ok(report) => writer.report(report)?,
        }
        writer.conflicts(&checker.take_conflicts())?;
        let seen = checker.summary().lines();
        if seen % PROGRESS_EVERY == 0 {
            eprintln!("... {seen} lines");
        }
    }
    let summary = checker.summary();
    writer.finish(&summary, checker.envelope_warnings())?;
    Ok(summary)
}
