//! Ranked search over the code descriptions, best matches first, with the
//! score of each (terms matched / terms in the query, then points).
//!
//! ```text
//! cargo run --example search -- deep cleaning 4 teeth
//! cargo run --example search -- --limit 3 pfm crown
//! cargo run --example search -- --deleted preventive resin
//! cargo run --example search -- D0360
//! ```
//!
//! A code named in full is shown even when deleted, marked so with what
//! replaced it; word queries leave deleted codes out unless `--deleted`.
//!
//! Exit status as in the README's table: 0 done (and `--help`), 1 when
//! nothing matches, 2 on bad usage.

use std::process::ExitCode;

use cdt_codes::Query;

#[macro_use]
mod support;

const USAGE: &str = "usage: search [--limit N] [--deleted] WORDS...

Searches the CDT code descriptions the way a biller types: plurals,
abbreviations (fmx, srp, pfm), lay words (cleaning, cap, night guard),
codes and code prefixes (D3330, 3330, D33) and the odd typo.

  --limit N   show at most N results (default 10)
  --deleted   include codes deleted from the code set
  --help      show this help

example: search deep cleaning 4 teeth";

const CLI: support::Cli = support::Cli {
    name: "search",
    usage: USAGE,
};

fn main() -> ExitCode {
    match run() {
        Ok(status) | Err(status) => status,
    }
}

fn run() -> Result<ExitCode, ExitCode> {
    let mut words = CLI.args()?;
    let usage = |message: String| CLI.usage_error(&message);
    let include_deleted = support::take_flag(&mut words, "--deleted");
    let limit = match support::take_value(&mut words, "--limit").map_err(usage)? {
        None => 10,
        Some(n) => n
            .parse()
            .map_err(|_| usage(format!("--limit needs a number, not {n:?}")))?,
    };
    support::no_options_left(&mut words).map_err(usage)?;
    if words.is_empty() {
        return Err(usage("no words to search for".into()));
    }
    let text = words.join(" ");
    let matches = Query::new(&text).include_deleted(include_deleted).run();
    let total = matches.len();
    if total == 0 {
        return Err(CLI.not_found(&format!("no code matches {text:?}")));
    }
    let mut out = String::new();
    outln!(
        out,
        "{total} match(es) for {text:?}, best first (terms matched, points):"
    );
    for m in matches.scored().take(limit) {
        let procedure = m.procedure;
        let note = match procedure.deleted_in() {
            Some(edition) => {
                let replaced: Vec<String> = procedure
                    .replaced_by()
                    .iter()
                    .map(ToString::to_string)
                    .collect();
                if replaced.is_empty() {
                    format!("  [deleted in {edition}; no replacement recorded]")
                } else {
                    format!(
                        "  [deleted in {edition}; replaced by {}]",
                        replaced.join(", ")
                    )
                }
            }
            None => String::new(),
        };
        outln!(
            out,
            "  {:>12}  {}  {}{note}",
            m.score.to_string(),
            procedure.code(),
            procedure.description()
        );
    }
    if total > limit {
        outln!(out, "  ... {} more (--limit N shows more)", total - limit);
    }
    support::emit(&out);
    Ok(ExitCode::SUCCESS)
}
