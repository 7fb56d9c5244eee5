//! Prints FHIR R4 terminology JSON for CDT: the resources to load into a
//! terminology server (code system, supplement, value sets, concept map,
//! naming system, or all of them in one transaction bundle) and the
//! answers of `$lookup`, `$validate-code` and `$expand`.
//!
//! ```text
//! cargo run --features serde --example fhir -- bundle > cdt-bundle.json
//! cargo run --features serde --example fhir -- codesystem [--edition-of 2013] [--supplement]
//! cargo run --features serde --example fhir -- valueset Endodontics [--filter] [--in 2025]
//! cargo run --features serde --example fhir -- valueset Diagnostic --subcategory "Clinical Oral Evaluations"
//! cargo run --features serde --example fhir -- valueset --all [--in 2013]
//! cargo run --features serde --example fhir -- conceptmap [--r5]
//! cargo run --features serde --example fhir -- namingsystem
//! cargo run --features serde --example fhir -- expand "root canal" --count 5 [--offset 5] [--valueset Endodontics]
//! cargo run --features serde --example fhir -- lookup D3353
//! cargo run --features serde --example fhir -- validate D1352 [2026-02-01]
//! cargo run --features serde --example fhir -- --data CDT2027.csv --edition 2027 codesystem
//! ```
//!
//! Exit status as in the README's table: 0 done (and `--help`), 1 when the
//! code, category, value set or edition is not in the data, 2 on bad usage
//! or a `--data` file that cannot be loaded.
//! `validate` exits 0 whatever the result: the answer is the JSON.

use std::process::ExitCode;

use cdt_codes::fhir::{
    Bundle, CodeSystem, ConceptMap, Expand, Form, Lookup, NamingSystem, Release, ValidateCode,
    ValueSet,
};
use cdt_codes::{Category, CodeSet, Edition, ServiceDate};

#[macro_use]
mod support;

const USAGE: &str = "usage: fhir [--data FILE [--edition YEAR] [--replace]] COMMAND
  bundle                      every resource below in one transaction to POST
  codesystem [--edition-of YEAR] [--supplement]
  valueset (CATEGORY [--subcategory HEADING] | --all) [--filter] [--in YEAR]
  conceptmap [--r5]           deleted codes to the codes that replace them (R4, or R5)
  namingsystem                the URI, OID and CD2 alias of CDT
  expand [TEXT] [--count N] [--offset N] [--valueset NAME] [--in YEAR]
                              NAME: a category (Endodontics), in-force, or a value
                              set id (cdt-subcategory-...); the whole code system
                              without --valueset
  lookup CODE
  validate CODE [YYYY-MM-DD]  without a date, a retired code is valid and inactive
  --help                      this text";

const CLI: support::Cli = support::Cli {
    name: "fhir",
    usage: USAGE,
};

fn main() -> ExitCode {
    let mut args = match CLI.args() {
        Ok(args) => args,
        Err(status) => return status,
    };
    let loaded = match CLI.code_set(&mut args) {
        Ok(loaded) => loaded,
        Err(status) => return status,
    };
    let set = loaded.as_ref().unwrap_or_else(|| CodeSet::compiled());
    match run(set, &args) {
        Ok(json) => {
            let mut out = json;
            out.push('\n');
            support::emit(&out);
            ExitCode::SUCCESS
        }
        Err(Failure::Usage(message)) => CLI.usage_error(&message),
        Err(Failure::NotFound(message)) => CLI.not_found(&message),
    }
}

enum Failure {
    Usage(String),
    NotFound(String),
}

fn run(set: &CodeSet, args: &[String]) -> Result<String, Failure> {
    let Some((command, rest)) = args.split_first() else {
        return Err(Failure::Usage(String::new()));
    };
    let mut options = Options::parse(rest)?;
    let json = match command.as_str() {
        "codesystem" => {
            let edition = options.take_year("--edition-of")?;
            let supplement = options.take_flag("--supplement");
            options.done()?;
            let edition = edition.unwrap_or_else(|| set.edition());
            let system = if supplement {
                CodeSystem::supplement_of_edition(set, edition)
            } else {
                CodeSystem::of_edition(set, edition)
            }
            .map_err(|e| Failure::NotFound(e.to_string()))?;
            to_json(&system)
        }
        "bundle" => {
            options.done()?;
            to_json(&Bundle::load(set))
        }
        "conceptmap" => {
            let release = if options.take_flag("--r5") {
                Release::R5
            } else {
                Release::R4
            };
            options.done()?;
            to_json(&ConceptMap::of_release(set, release))
        }
        "namingsystem" => {
            options.done()?;
            to_json(&NamingSystem::of(set))
        }
        "expand" => expand(set, &mut options)?,
        "valueset" => {
            let edition = options.take_year("--in")?;
            let form = if options.take_flag("--filter") {
                Form::Filter
            } else {
                Form::Codes
            };
            let all = options.take_flag("--all");
            let heading = options.take_value("--subcategory");
            let category = options.positional.pop_front();
            options.done()?;
            let value_set = match (all, category) {
                (true, None) => ValueSet::in_force(set, edition, form),
                (false, Some(name)) => {
                    let category = Category::from_name(&name)
                        .ok_or_else(|| Failure::NotFound(format!("no category named {name:?}")))?;
                    match heading {
                        None => ValueSet::category(set, category, edition, form),
                        Some(heading) => {
                            let subcategory = set
                                .subcategories_of(category)
                                .find(|s| s.name().eq_ignore_ascii_case(&heading))
                                .ok_or_else(|| {
                                    Failure::NotFound(format!(
                                        "no subcategory {heading:?} in {category}"
                                    ))
                                })?;
                            ValueSet::subcategory(set, subcategory, edition, form)
                        }
                    }
                }
                _ => return Err(Failure::Usage("valueset takes a CATEGORY or --all".into())),
            }
            .map_err(|e| Failure::NotFound(e.to_string()))?;
            to_json(&value_set)
        }
        "lookup" => {
            let code = options.one_positional("lookup takes one CODE")?;
            options.done()?;
            let lookup = Lookup::find(set, &code).map_err(|e| Failure::NotFound(e.to_string()))?;
            to_json(&lookup)
        }
        "validate" => {
            let code = options.one_positional("validate takes a CODE")?;
            let date = match options.positional.pop_front() {
                None => None,
                Some(text) => Some(
                    text.parse::<ServiceDate>()
                        .map_err(|e| Failure::Usage(format!("date {text:?}: {e}")))?,
                ),
            };
            options.done()?;
            to_json(&ValidateCode::code(set, &code, date))
        }
        other => return Err(Failure::Usage(format!("unknown command {other:?}"))),
    };
    Ok(json)
}

/// `expand [TEXT] [--count N] [--offset N] [--valueset NAME] [--in YEAR]`.
fn expand(set: &CodeSet, options: &mut Options) -> Result<String, Failure> {
    let count = options.take_number("--count")?;
    let offset = options.take_number("--offset")?;
    let name = options.take_value("--valueset");
    let edition = options.take_year("--in")?;
    let text = options.positional.pop_front();
    options.done()?;
    let mut request = Expand::new();
    if let Some(text) = text.as_deref() {
        request = request.filter(text);
    }
    if let Some(count) = count {
        request = request.count(count);
    }
    if let Some(offset) = offset {
        request = request.offset(offset);
    }
    let expanded = match name {
        None => request.system(set, edition),
        Some(name) => {
            let value_set = named_value_set(set, &name, edition)?;
            request.value_set(set, &value_set)
        }
    }
    .map_err(|e| Failure::NotFound(e.to_string()))?;
    Ok(to_json(&expanded))
}

/// A value set by name: a category, `in-force`, or the id of one of the
/// crate's value sets; in filter form, so the expansion is the crate's.
fn named_value_set(
    set: &CodeSet,
    name: &str,
    edition: Option<Edition>,
) -> Result<ValueSet, Failure> {
    let not_held = |e: cdt_codes::NotInData| Failure::NotFound(e.to_string());
    if name.eq_ignore_ascii_case("in-force") || name.eq_ignore_ascii_case("all") {
        return ValueSet::in_force(set, edition, Form::Filter).map_err(not_held);
    }
    if let Some(category) = Category::from_name(name) {
        return ValueSet::category(set, category, edition, Form::Filter).map_err(not_held);
    }
    let found = ValueSet::all(set, Form::Filter)
        .into_iter()
        .find(|value_set| {
            value_set.id.as_deref() == Some(name)
                || value_set
                    .url
                    .as_deref()
                    .is_some_and(|url| url.rsplit('/').next() == Some(name))
        })
        .ok_or_else(|| {
            Failure::NotFound(format!(
                "no value set {name:?}: give a category, in-force, or an id such as \
                 cdt-category-endodontics"
            ))
        })?;
    match edition {
        None => Ok(found),
        Some(edition) => {
            // The same value set in another edition: pin its include.
            let mut pinned = found;
            set.editions()
                .find(|held| *held == edition)
                .ok_or_else(|| Failure::NotFound(format!("the data does not hold {edition}")))?;
            for include in pinned.compose.iter_mut().flat_map(|c| c.include.iter_mut()) {
                include.version = Some(edition.year().to_string());
            }
            pinned.version = Some(edition.year().to_string());
            Ok(pinned)
        }
    }
}

fn to_json(value: &impl serde::Serialize) -> String {
    // Serialising these types to a String cannot fail: every key is a string.
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// The options that take a value.
const VALUED: [&str; 6] = [
    "--in",
    "--edition-of",
    "--subcategory",
    "--count",
    "--offset",
    "--valueset",
];

/// The command's arguments: options are taken out by name, the rest are
/// positional.
struct Options {
    /// Options with their values (empty for a flag).
    named: Vec<(String, String)>,
    positional: std::collections::VecDeque<String>,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options, Failure> {
        let mut named = Vec::new();
        let mut positional = std::collections::VecDeque::new();
        let mut items = args.iter();
        while let Some(arg) = items.next() {
            if VALUED.contains(&arg.as_str()) {
                let value = items
                    .next()
                    .ok_or_else(|| Failure::Usage(format!("{arg} needs a value")))?;
                named.push((arg.clone(), value.clone()));
            } else if arg.starts_with("--") {
                named.push((arg.clone(), String::new()));
            } else {
                positional.push_back(arg.clone());
            }
        }
        Ok(Options { named, positional })
    }

    fn take(&mut self, name: &str) -> Option<String> {
        let index = self.named.iter().position(|(n, _)| n == name)?;
        Some(self.named.remove(index).1)
    }

    fn take_flag(&mut self, name: &str) -> bool {
        self.take(name).is_some()
    }

    fn take_value(&mut self, name: &str) -> Option<String> {
        self.take(name)
    }

    fn take_year(&mut self, name: &str) -> Result<Option<Edition>, Failure> {
        match self.take_value(name) {
            None => Ok(None),
            Some(text) => text
                .parse()
                .map(Some)
                .map_err(|e| Failure::Usage(format!("{name} {text}: {e}"))),
        }
    }

    fn take_number(&mut self, name: &str) -> Result<Option<u32>, Failure> {
        match self.take_value(name) {
            None => Ok(None),
            Some(text) => text
                .parse()
                .map(Some)
                .map_err(|_| Failure::Usage(format!("{name} takes a whole number, not {text:?}"))),
        }
    }

    fn one_positional(&mut self, message: &str) -> Result<String, Failure> {
        self.positional
            .pop_front()
            .ok_or_else(|| Failure::Usage(message.into()))
    }

    fn done(&self) -> Result<(), Failure> {
        let extra = self
            .named
            .first()
            .map(|(name, _)| name)
            .or(self.positional.front());
        match extra {
            None => Ok(()),
            Some(extra) => Err(Failure::Usage(format!("unexpected argument {extra:?}"))),
        }
    }
}
