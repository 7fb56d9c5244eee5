//! Browses the code set: the category › subcategory tree with code counts,
//! or one category with its codes. Headings and placements that no source
//! confirms are marked.
//!
//! ```text
//! cargo run --example browse
//! cargo run --example browse -- Endodontics
//! cargo run --example browse -- --deleted Endodontics   # deleted codes too
//! ```

use std::process::ExitCode;

#[macro_use]
mod support;

use cdt_codes::{Category, CodeSet, Procedure, Subcategory};

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let loaded = match support::code_set(&mut args) {
        Ok(loaded) => loaded,
        Err(error) => {
            eprintln!("browse: {error}");
            return ExitCode::from(2);
        }
    };
    let set = loaded.as_ref().unwrap_or_else(|| CodeSet::compiled());
    let deleted = args.iter().any(|a| a == "--deleted");
    args.retain(|a| a != "--deleted");
    let mut out = String::new();
    if args.is_empty() {
        print_tree(&mut out, set);
        support::emit(&out);
        return ExitCode::SUCCESS;
    }
    let name = args.join(" ");
    let Some(category) = Category::from_name(&name) else {
        eprintln!("no category named {name:?}; the categories are:");
        for category in Category::ALL {
            eprintln!("  {category}");
        }
        return ExitCode::FAILURE;
    };
    print_category(&mut out, set, category, deleted);
    support::emit(&out);
    ExitCode::SUCCESS
}

fn in_force<'a>(procedures: impl Iterator<Item = Procedure<'a>>) -> usize {
    procedures.filter(Procedure::is_active).count()
}

/// `*` after a heading no source confirms.
fn heading(subcategory: Subcategory<'_>) -> String {
    let mark = if subcategory.is_confirmed() { "" } else { " *" };
    format!("{}{mark}", subcategory.name())
}

fn print_tree(out: &mut String, set: &CodeSet) {
    outln!(
        out,
        "CDT code set ({}), codes in force per category and subcategory",
        set.edition()
    );
    for category in Category::ALL {
        outln!(
            out,
            "{} ({}-{}): {} codes",
            category,
            category.first(),
            category.last(),
            in_force(set.category(category))
        );
        for subcategory in set.subcategories_of(category) {
            outln!(
                out,
                "    {:<70} {:>4}",
                heading(subcategory),
                in_force(subcategory.procedures())
            );
        }
    }
    outln!(
        out,
        "\n* heading not confirmed by a public source (see data/SOURCES.md)"
    );
    outln!(out, "{}", support::horizon_line(set));
}

fn print_category(out: &mut String, set: &CodeSet, category: Category, deleted: bool) {
    outln!(out, "{category} ({}-{})", category.first(), category.last());
    for subcategory in set.subcategories_of(category) {
        outln!(out, "\n  {}", heading(subcategory));
        for procedure in subcategory
            .procedures()
            .filter(|p| deleted || p.is_active())
        {
            let placed = if procedure.subcategory_confirmed() {
                " "
            } else {
                "?"
            };
            let status = match procedure.deleted_in() {
                Some(edition) => format!("  (deleted in {edition})"),
                None => String::new(),
            };
            outln!(
                out,
                "   {placed}{}  {}{status}",
                procedure.code(),
                procedure.description()
            );
        }
    }
    outln!(
        out,
        "\n* heading not confirmed by a public source; ? placement under the heading inferred, not confirmed"
    );
}
