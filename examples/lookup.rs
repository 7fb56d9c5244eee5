//! Prints what a CDT reference page shows for each code given, with what
//! the data does not know said plainly.
//!
//! ```text
//! cargo run --example lookup -- D3353
//! cargo run --example lookup -- --data CDT2027.csv --edition 2027 D0120
//! ```
//!
//! Exit status as in the README's table: 0 done (and `--help`), 1 when
//! any code is malformed or not in the data, 2 on bad usage or a `--data`
//! file that cannot be loaded.

use std::process::ExitCode;

use cdt_codes::{CdtCode, CodeList, CodeSet, Fact, Procedure, SuccessorKind};

#[macro_use]
mod support;

const CLI: support::Cli = support::Cli {
    name: "lookup",
    usage: "usage: lookup [--data FILE [--edition YEAR] [--replace]] CODE [CODE ...]   e.g. lookup D3353",
};

fn main() -> ExitCode {
    match run() {
        Ok(status) | Err(status) => status,
    }
}

fn run() -> Result<ExitCode, ExitCode> {
    let mut args = CLI.args()?;
    let loaded = CLI.code_set(&mut args)?;
    let set = loaded.as_ref().unwrap_or_else(|| CodeSet::compiled());
    support::no_options_left(&mut args).map_err(|message| CLI.usage_error(&message))?;
    if args.is_empty() {
        return Err(CLI.usage_error("no code given"));
    }
    let mut status = ExitCode::SUCCESS;
    let mut out = String::new();
    for (index, text) in args.iter().enumerate() {
        if index > 0 {
            outln!(out);
        }
        match text.parse::<CdtCode>() {
            Err(error) => {
                eprintln!("{text:?}: not a CDT code: {error}");
                status = ExitCode::FAILURE;
            }
            Ok(code) => match set.get(code) {
                None => {
                    eprintln!(
                        "{code}: well-formed, but not a code in the data (CDT-3 to {}); \
                         it may belong to a later edition",
                        set.edition()
                    );
                    status = ExitCode::FAILURE;
                }
                Some(procedure) => print_procedure(&mut out, procedure),
            },
        }
    }
    if !out.is_empty() {
        outln!(out, "\n{}", support::horizon_line(set));
    }
    support::emit(&out);
    Ok(status)
}

/// ` (inferred, not confirmed by a source)` when the fact rests on
/// inference.
fn mark(procedure: Procedure<'_>, fact: Fact) -> &'static str {
    if procedure.is_confirmed(fact) {
        ""
    } else {
        "  (inferred, not confirmed by a source)"
    }
}

fn print_procedure(out: &mut String, procedure: Procedure<'_>) {
    outln!(out, "{}  {}", procedure.code(), procedure.description());
    if let Some(nomenclature) = procedure.nomenclature() {
        outln!(out, "  Nomenclature: {nomenclature}");
    }
    if let Some(descriptor) = procedure.descriptor() {
        outln!(out, "  Descriptor:   {descriptor}");
    }
    outln!(out, "  Category:     {}", procedure.category());
    if let Some(subcategory) = procedure.subcategory() {
        let placed = mark(procedure, Fact::Subcategory);
        let heading = if subcategory.is_confirmed() {
            ""
        } else {
            " [heading not confirmed by a source]"
        };
        outln!(out, "  Subcategory:  {subcategory}{heading}{placed}");
    } else {
        outln!(out, "  Subcategory:  not recorded");
    }
    if let Some(reporting) = procedure.reporting() {
        let confirmed = if reporting.is_confirmed() {
            ""
        } else {
            "  (inferred from the code's meaning, not confirmed by a source)"
        };
        outln!(out, "  Claim line:   reports {reporting}{confirmed}");
        let levels = reporting.levels();
        let arch = reporting
            .arch()
            .map_or(String::new(), |a| format!("; names the {} arch", a.name()));
        outln!(
            out,
            "  Levels:       tooth {}, surfaces {}, area {}{arch}",
            levels.tooth,
            levels.surfaces,
            levels.area
        );
    } else {
        outln!(
            out,
            "  Claim line:   what a line must report is not recorded"
        );
    }
    print_history(out, procedure);
    let related: Vec<Procedure<'_>> = procedure.related().collect();
    if !related.is_empty() {
        outln!(out, "  Related codes under the same heading:");
        for other in related {
            let status = match other.deleted_in() {
                Some(edition) => format!("  (deleted in {edition})"),
                None => String::new(),
            };
            outln!(out, "    {}  {}{status}", other.code(), other.description());
        }
    }
}

fn print_history(out: &mut String, procedure: Procedure<'_>) {
    let latest = procedure.set().edition();
    let status = if procedure.is_active() {
        format!("in force in {latest}, the newest edition in the data")
    } else {
        "deleted".to_string()
    };
    outln!(out, "  Status:       {status}");
    if let Some(added) = procedure.added() {
        let inferred = mark(procedure, Fact::AddedIn);
        outln!(out, "  Added:        {added}{inferred}");
    } else {
        outln!(
            out,
            "  Added:        not recorded (no source establishes the edition)"
        );
    }
    if let Some(date) = procedure.effective() {
        outln!(
            out,
            "  Effective:    {date}, before its edition began{}",
            mark(procedure, Fact::Effective)
        );
    }
    if let Some(deleted) = procedure.deleted_in() {
        outln!(
            out,
            "  Deleted in:   {deleted}{}",
            mark(procedure, Fact::DeletedIn)
        );
        print_instead(out, procedure);
    }
    if !procedure.revised_in().is_empty() {
        let editions: Vec<String> = procedure
            .revised_in()
            .iter()
            .map(ToString::to_string)
            .collect();
        outln!(
            out,
            "  Revised in:   {} (as far as the data records revisions)",
            editions.join(", ")
        );
    }
    // The claim-level edits the code takes part in (data/edits.tsv).
    for rule in cdt_codes::claims::rules_for(procedure.code()) {
        outln!(out, "  Claim edit:   {rule}");
    }
}

/// What to report instead of a deleted code: the replacements the ADA
/// named, else the successors (confirmed or inferred), else why there are
/// none.
fn print_instead(out: &mut String, procedure: Procedure<'_>) {
    let set = procedure.set();
    let described = |code: CdtCode| match set.get(code) {
        Some(other) => format!("      {code}  {}", other.description()),
        None => format!("      {code}"),
    };
    let replaced_by = procedure.replaced_by();
    if !replaced_by.is_empty() {
        outln!(
            out,
            "  Replaced by:  {} (named by the ADA){}",
            CodeList::or(replaced_by),
            mark(procedure, Fact::ReplacedBy)
        );
        for &code in replaced_by {
            outln!(out, "{}", described(code));
        }
        return;
    }
    let successors = procedure.successors();
    match successors.kind() {
        Some(SuccessorKind::NoSuccessor) => {
            outln!(
                out,
                "  Replaced by:  none named by the ADA, and no successor"
            );
            if let Some(reason) = successors.none_reason() {
                outln!(out, "  Why:          {reason}");
            }
        }
        Some(kind) => {
            let how = match (kind, successors.source()) {
                (SuccessorKind::Confirmed, Some(source)) => {
                    format!("confirmed by {source}, see data/SOURCES.md")
                }
                _ => "inferred, not confirmed by a source".to_string(),
            };
            outln!(out, "  Replaced by:  none named by the ADA");
            outln!(out, "  Successors:   {successors} ({how})");
            for code in successors {
                outln!(out, "{}", described(code));
            }
            if let Some(note) = successors.note() {
                outln!(out, "  Basis:        {note}");
            }
        }
        None => outln!(out, "  Replaced by:  no replacement named"),
    }
}
