//! Browses the code set: the category › subcategory tree with code counts,
//! or one category with its codes.
//!
//! ```text
//! cargo run --example browse
//! cargo run --example browse -- Endodontics
//! ```

use std::process::ExitCode;

#[macro_use]
mod support;

use cdt_codes::{Category, Procedure, Subcategory};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut out = String::new();
    if args.is_empty() {
        print_tree(&mut out);
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
    print_category(&mut out, category);
    support::emit(&out);
    ExitCode::SUCCESS
}

fn in_force(procedures: &[Procedure]) -> usize {
    procedures.iter().filter(|p| p.is_active()).count()
}

fn print_tree(out: &mut String) {
    outln!(
        out,
        "CDT code set ({}), codes in force per category and subcategory",
        cdt_codes::CDT_EDITION
    );
    for category in Category::ALL {
        outln!(
            out,
            "{} ({}-{}): {} codes",
            category,
            category.first(),
            category.last(),
            in_force(category.procedures())
        );
        for subcategory in category.subcategories() {
            outln!(
                out,
                "    {:<60} {:>4}",
                heading(subcategory),
                in_force(subcategory.procedures())
            );
        }
    }
}

fn heading(subcategory: &Subcategory) -> String {
    let range = subcategory.range();
    format!("{} ({}-{})", subcategory.name(), range.start(), range.end())
}

fn print_category(out: &mut String, category: Category) {
    outln!(out, "{category} ({}-{})", category.first(), category.last());
    for subcategory in category.subcategories() {
        outln!(out, "\n  {}", heading(subcategory));
        for procedure in subcategory.procedures().iter().filter(|p| p.is_active()) {
            outln!(out, "    {}  {}", procedure.code(), procedure.description());
        }
    }
}
