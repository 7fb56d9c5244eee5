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

fn main() -> ExitCode {
    let mut limit = 10;
    let mut include_deleted = false;
    let mut words = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--help" | "-h" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "--deleted" => include_deleted = true,
            "--limit" => {
                let Some(n) = args.next().and_then(|n| n.parse().ok()) else {
                    eprintln!("--limit needs a number\n\n{USAGE}");
                    return ExitCode::from(2);
                };
                limit = n;
            }
            "--" => words.extend(args.by_ref()),
            flag if flag.starts_with("--") => {
                eprintln!("unknown option {flag}\n\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => words.push(arg),
        }
    }
    if words.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let text = words.join(" ");
    let matches = Query::new(&text).include_deleted(include_deleted).run();
    let total = matches.len();
    if total == 0 {
        eprintln!("no code matches {text:?}");
        return ExitCode::FAILURE;
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
    ExitCode::SUCCESS
}
