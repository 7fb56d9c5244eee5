//! The writers: a checker's reports as text, CSV or JSON lines, showing
//! the same verdict, severity and message for every line in each, and a
//! summary that adds up.
//!
//! ```
//! use cdt_codes::claims::write::{OutputFormat, ReportWriter};
//! use cdt_codes::claims::ClaimChecker;
//!
//! let csv = "claim,code,dos\nC1,D0120,2026-01-15\nC1,D1352,2026-02-01\n";
//! let mut checker = ClaimChecker::new(csv.as_bytes())?;
//! let mut out = Vec::new();
//! let mut writer = ReportWriter::new(&mut out, OutputFormat::Json)?;
//! for item in checker.by_ref() {
//!     writer.item(&item)?;
//! }
//! writer.finish(&checker.summary(), checker.envelope_warnings())?;
//! let text = String::from_utf8(out)?;
//! let lines: Vec<&str> = text.lines().collect();
//! assert_eq!(lines.len(), 3);
//! assert!(lines[1].contains(r#""verdict":"deleted","severity":"error""#));
//! assert!(lines[2].starts_with(r#"{"summary":{"lines":2,"errors":1,"warnings":0,"valid":1,"#));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use core::fmt::{self, Write as _};
use std::io::{self, Write};
use std::string::{String, ToString};
use std::vec::Vec;

use super::error::LineError;
use super::report::{ClaimConflict, LineReport, Summary};
use super::verdict::Verdict;
use super::x12::EnvelopeWarning;
use crate::line_check::ReportingProblem;
use crate::severity::Severity;

/// The output formats.
///
/// ```
/// use cdt_codes::claims::write::OutputFormat;
///
/// assert_eq!("csv".parse::<OutputFormat>(), Ok(OutputFormat::Csv));
/// assert!("xml".parse::<OutputFormat>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OutputFormat {
    /// Lines with findings and notes, one sentence each, then the summary.
    Text,
    /// Every line as a CSV row under a header (see [`CSV_HEADER`]).
    Csv,
    /// JSON lines: one object per line, per envelope warning, and a last
    /// `{"summary": {...}}`.
    Json,
}

impl core::str::FromStr for OutputFormat {
    type Err = String;

    /// `text`, `csv` or `json`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "text" => Ok(OutputFormat::Text),
            "csv" => Ok(OutputFormat::Csv),
            "json" => Ok(OutputFormat::Json),
            other => Err(std::format!("{other:?}: expected text, csv or json")),
        }
    }
}

/// The columns of the CSV output, in order.
///
/// ```
/// assert!(cdt_codes::claims::write::CSV_HEADER.starts_with("position,claim,line,code,date,"));
/// ```
pub const CSV_HEADER: &str = "position,claim,line,code,date,date_source,verdict,severity,message,\
replaced_by,teeth,surfaces,areas,problems,conflicts,notes";

/// Writes reports in one format.
#[derive(Debug)]
pub struct ReportWriter<W> {
    out: W,
    format: OutputFormat,
}

impl<W: Write> ReportWriter<W> {
    /// A writer; the CSV header is written at once.
    ///
    /// # Errors
    ///
    /// An I/O error from `out`.
    pub fn new(mut out: W, format: OutputFormat) -> io::Result<Self> {
        if format == OutputFormat::Csv {
            writeln!(out, "{CSV_HEADER}")?;
        }
        Ok(ReportWriter { out, format })
    }

    /// Writes one item of a checker: a report or an unreadable row.
    ///
    /// # Errors
    ///
    /// An I/O error from the output.
    pub fn item(&mut self, item: &Result<LineReport<'_>, LineError>) -> io::Result<()> {
        match item {
            Ok(report) => self.report(report),
            Err(error) => self.unreadable(error),
        }
    }

    /// Writes a report. Text shows lines with findings or notes; CSV and
    /// JSON show every line.
    ///
    /// # Errors
    ///
    /// An I/O error from the output.
    pub fn report(&mut self, report: &LineReport<'_>) -> io::Result<()> {
        match self.format {
            OutputFormat::Text => {
                if let Some(severity) = report.severity() {
                    text_line(&mut self.out, format_args!("{severity}: {report}"))?;
                }
                for note in &report.notes {
                    text_line(
                        &mut self.out,
                        format_args!("note: {}: {note}", place(report)),
                    )?;
                }
                Ok(())
            }
            OutputFormat::Csv => writeln!(self.out, "{}", csv_row(report)),
            OutputFormat::Json => writeln!(self.out, "{}", json_report(report)),
        }
    }

    /// Writes conflicts between the lines of a claim, each once (from
    /// [`ClaimChecker::take_conflicts`](super::ClaimChecker::take_conflicts)):
    /// in JSON a `{"conflict": {...}}` object each; text and CSV show
    /// them on the lines involved instead.
    ///
    /// # Errors
    ///
    /// An I/O error from the output.
    pub fn conflicts(&mut self, conflicts: &[ClaimConflict]) -> io::Result<()> {
        if self.format == OutputFormat::Json {
            for conflict in conflicts {
                writeln!(self.out, "{{\"conflict\":{}}}", json_conflict(conflict))?;
            }
        }
        Ok(())
    }

    /// Writes a row or segment that could not be read.
    ///
    /// # Errors
    ///
    /// An I/O error from the output.
    pub fn unreadable(&mut self, error: &LineError) -> io::Result<()> {
        let message = error.to_string();
        match self.format {
            OutputFormat::Text => text_line(&mut self.out, format_args!("error: {message}")),
            OutputFormat::Csv => writeln!(
                self.out,
                "{},,,,,,unreadable,error,{},,,,,,,",
                error.position(),
                csv_field(&message)
            ),
            OutputFormat::Json => writeln!(
                self.out,
                "{{\"position\":{},\"verdict\":\"unreadable\",\"severity\":\"error\",\"message\":{}}}",
                error.position(),
                json_string(&message)
            ),
        }
    }

    /// Writes the envelope warnings (text and JSON; CSV has no place for
    /// them and leaves them to the summary's count) and the summary, then
    /// flushes.
    ///
    /// # Errors
    ///
    /// An I/O error from the output.
    pub fn finish(&mut self, summary: &Summary, envelope: &[EnvelopeWarning]) -> io::Result<()> {
        match self.format {
            OutputFormat::Text => {
                for warning in envelope {
                    text_line(&mut self.out, format_args!("warning: envelope: {warning}"))?;
                }
                write!(self.out, "{summary}")?;
                if !envelope.is_empty() {
                    write!(self.out, "; envelope warnings: {}", envelope.len())?;
                }
                writeln!(self.out)?;
            }
            OutputFormat::Json => {
                for warning in envelope {
                    writeln!(
                        self.out,
                        "{{\"envelope\":{{\"segment\":{},\"severity\":\"warning\",\"message\":{}}}}}",
                        warning.segment,
                        json_string(&warning.problem)
                    )?;
                }
                writeln!(
                    self.out,
                    "{{\"summary\":{}}}",
                    json_summary(summary, envelope.len())
                )?;
            }
            OutputFormat::Csv => {}
        }
        self.out.flush()
    }

    /// The output, back.
    pub fn into_inner(self) -> W {
        self.out
    }
}

/// A fatal error (the file cannot be opened, its header is wrong, it is
/// not a claims file) in the chosen format: in JSON one object with
/// `error` (a short kind), `message` and `status` (the exit status);
/// otherwise the message alone.
///
/// ```
/// use cdt_codes::claims::write::{fatal, OutputFormat};
///
/// let json = fatal(OutputFormat::Json, "unreadable_file", "claims.csv: no such file", 2);
/// assert_eq!(json, r#"{"error":"unreadable_file","message":"claims.csv: no such file","status":2}"#);
/// assert_eq!(fatal(OutputFormat::Text, "usage", "bad flag", 2), "bad flag");
/// ```
#[must_use]
pub fn fatal(format: OutputFormat, kind: &str, message: &str, status: u8) -> String {
    match format {
        OutputFormat::Json => std::format!(
            "{{\"error\":{},\"message\":{},\"status\":{status}}}",
            json_string(kind),
            json_string(message)
        ),
        OutputFormat::Text | OutputFormat::Csv => message.to_string(),
    }
}

/// Writes `args` as one line of the text output, with a line break inside
/// it (from a cell quoted over two lines of the input) shown as `\n` and a
/// carriage return as `\r`: one line of output per report, as the other
/// formats have one row or object.
fn text_line(out: &mut impl Write, args: fmt::Arguments<'_>) -> io::Result<()> {
    let mut line = OneLine { out, error: None };
    if fmt::write(&mut line, args).is_err() {
        return Err(line
            .error
            .unwrap_or_else(|| io::Error::other("a report could not be formatted")));
    }
    writeln!(line.out)
}

/// An output that escapes line breaks (see [`text_line`]).
struct OneLine<'w, W> {
    out: &'w mut W,
    /// The output's error, kept across the `fmt::Write` that cannot carry it.
    error: Option<io::Error>,
}

impl<W: Write> OneLine<'_, W> {
    fn put(&mut self, text: &str) -> fmt::Result {
        self.out.write_all(text.as_bytes()).map_err(|error| {
            self.error = Some(error);
            fmt::Error
        })
    }
}

impl<W: Write> fmt::Write for OneLine<'_, W> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let mut rest = text;
        while let Some(at) = rest.find(['\n', '\r']) {
            let (before, after) = rest.split_at(at);
            self.put(before)?;
            self.put(if after.starts_with('\n') {
                "\\n"
            } else {
                "\\r"
            })?;
            rest = after.get(1..).unwrap_or("");
        }
        self.put(rest)
    }
}

/// `C100 line 2 (2026-02-01)`.
fn place(report: &LineReport<'_>) -> String {
    let mut text = String::new();
    if let Some(claim) = &report.claim {
        let _ = write!(text, "{claim} ");
    }
    let _ = write!(text, "line {}", report.line);
    if !report.date.is_empty() {
        let _ = write!(text, " ({})", report.date);
    }
    text
}

fn severity_key(severity: Option<Severity>) -> &'static str {
    severity.map_or("", Severity::key)
}

fn csv_row(report: &LineReport<'_>) -> String {
    let join = |items: &mut dyn Iterator<Item = String>| items.collect::<Vec<_>>().join(" ");
    let problems = report
        .problems
        .iter()
        .map(|problem| std::format!("{}: {problem}", problem.severity()))
        .collect::<Vec<_>>()
        .join("; ");
    let fields = [
        report.position.to_string(),
        report.claim.clone().unwrap_or_default(),
        report.line.clone(),
        report.code.clone(),
        report.date.clone(),
        report.date_source.key().to_string(),
        report.verdict().key().to_string(),
        severity_key(report.severity()).to_string(),
        report.message(),
        join(&mut report.replaced_by().iter().map(ToString::to_string)),
        join(&mut report.teeth.iter().map(|entry| entry.tooth.clone())),
        join(&mut report.teeth.iter().map(|entry| entry.surfaces.clone())),
        join(&mut report.areas.iter().cloned()),
        problems,
        report
            .conflicts
            .iter()
            .map(|conflict| {
                std::format!("{}: lines {}", conflict.rule.id(), conflict.lines.join(" "))
            })
            .collect::<Vec<_>>()
            .join("; "),
        report.notes.join("; "),
    ];
    let mut row = String::new();
    for (index, field) in fields.iter().enumerate() {
        if index > 0 {
            row.push(',');
        }
        row.push_str(&csv_field(field));
    }
    row
}

/// A CSV field, quoted when it holds a comma, quote or line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        std::format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// A JSON string literal.
pub(crate) fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn json_list<T>(items: &[T], each: impl Fn(&T) -> String) -> String {
    let mut out = String::from("[");
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        out.push_str(&each(item));
    }
    out.push(']');
    out
}

fn json_problem(problem: &ReportingProblem) -> String {
    std::format!(
        "{{\"severity\":\"{}\",\"message\":{}}}",
        problem.severity(),
        json_string(&problem.to_string())
    )
}

/// A conflict as `{"claim", "rule", "kind", "severity", "confirmed",
/// "message", "lines", "positions"}`.
fn json_conflict(conflict: &ClaimConflict) -> String {
    let rule = conflict.rule;
    std::format!(
        "{{\"claim\":{},\"rule\":{},\"kind\":\"{}\",\"severity\":\"{}\",\"confirmed\":{},\
\"message\":{},\"lines\":{},\"positions\":{}}}",
        conflict
            .claim
            .as_deref()
            .map_or_else(|| "null".to_string(), json_string),
        json_string(rule.id()),
        rule.kind().key(),
        rule.severity(),
        rule.is_confirmed(),
        json_string(rule.message()),
        json_list(&conflict.lines, |line| json_string(line)),
        json_list(&conflict.positions, ToString::to_string),
    )
}

fn json_report(report: &LineReport<'_>) -> String {
    let severity = report
        .severity()
        .map_or_else(|| "null".to_string(), |s| std::format!("\"{s}\""));
    std::format!(
        "{{\"position\":{},\"claim\":{},\"line\":{},\"code\":{},\"date\":{},\"date_source\":\"{}\",\
\"teeth\":{},\"areas\":{},\"verdict\":\"{}\",\"severity\":{severity},\"message\":{},\
\"problems\":{},\"conflicts\":{},\"replaced_by\":{},\"notes\":{},\"assumed_latest\":{}}}",
        report.position,
        report
            .claim
            .as_deref()
            .map_or_else(|| "null".to_string(), json_string),
        json_string(&report.line),
        json_string(&report.code),
        json_string(&report.date),
        report.date_source.key(),
        json_list(&report.teeth, |entry| std::format!(
            "{{\"tooth\":{},\"surfaces\":{}}}",
            json_string(&entry.tooth),
            json_string(&entry.surfaces)
        )),
        json_list(&report.areas, |area| json_string(area)),
        report.verdict().key(),
        json_string(&report.message()),
        json_list(&report.problems, json_problem),
        json_list(&report.conflicts, json_conflict),
        json_list(report.replaced_by(), |code| std::format!("\"{code}\"")),
        json_list(&report.notes, |note| json_string(note)),
        report.assumed_latest,
    )
}

fn json_summary(summary: &Summary, envelope_warnings: usize) -> String {
    let mut out = std::format!(
        "{{\"lines\":{},\"errors\":{},\"warnings\":{}",
        summary.lines(),
        summary.errors,
        summary.warnings
    );
    for verdict in Verdict::ALL {
        let _ = write!(out, ",\"{}\":{}", verdict.key(), summary.count(verdict));
    }
    let skipped = summary.skipped;
    let skipped: Vec<&str> = [
        (skipped.tooth, "tooth"),
        (skipped.surfaces, "surfaces"),
        (skipped.area, "area"),
        (skipped.edits, "claim_edits"),
    ]
    .into_iter()
    .filter_map(|(on, name)| on.then_some(name))
    .collect();
    let _ = write!(
        out,
        ",\"rejected\":{},\"assumed_latest\":{},\"conflicts\":{},\"envelope_warnings\":{envelope_warnings},\"title_lines\":{},\"totals_rows\":{},\"skipped_checks\":{}}}",
        summary.rejected(),
        summary.assumed_latest,
        summary.conflicts,
        summary.title_lines,
        summary.totals_rows,
        json_list(&skipped, |name| std::format!("\"{name}\""))
    );
    out
}
