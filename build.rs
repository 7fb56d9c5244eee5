//! Compiles the CDT data into lookup tables under `OUT_DIR`.
//!
//! The data is the bundled `data/codes.tsv` and `data/subcategories.tsv`,
//! with, when `CDT_CODES_DATA` names a file, that (licensed) file laid over
//! them (`CDT_CODES_MODE=replace` uses the file alone). Parsing, the
//! overlay and the table layout are the library's own code, included here
//! by path, so the build and the runtime loader share one pipeline.

#![forbid(unsafe_code)]

extern crate alloc;

#[allow(dead_code, unused_imports)]
#[path = "src/model/mod.rs"]
mod model;

// The list of a code set's tables, for the layout and the generator.
#[macro_use]
#[path = "src/set/tables.rs"]
mod tables;

#[allow(dead_code, unused_imports)]
#[path = "src/dataset/mod.rs"]
mod dataset;

#[allow(dead_code)]
#[path = "src/severity.rs"]
mod severity;

/// The search index's format, weights and builder (and its reader, unused
/// here), and the commonness tiers it ranks by, reached as
/// `crate::search::…` as in the library.
#[allow(dead_code)]
#[path = "src/search/commonness.rs"]
mod commonness;
// Its reader goes unused here (the file allows that itself without `std`).
#[allow(dead_code, clippy::duplicated_attributes)]
#[path = "src/search/index.rs"]
mod index;
mod search {
    pub(crate) use super::{commonness, index};
}

// The build reads every name; which are secondary is the crate's business.
#[allow(dead_code)]
#[path = "src/claims/aliases.rs"]
mod claim_aliases;
#[path = "build/codegen.rs"]
mod codegen;
#[path = "build/edits.rs"]
mod edit_rules;
#[path = "build/literal.rs"]
mod literal;
#[path = "build/sha256.rs"]
mod sha256;

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dataset::{Dataset, Mode, Options, Source, Stage};

const DATA_VARIABLE: &str = "CDT_CODES_DATA";
const EDITION_VARIABLE: &str = "CDT_CODES_EDITION";
const MODE_VARIABLE: &str = "CDT_CODES_MODE";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            // Cargo shows a failing build script's stderr in full.
            eprintln!("\nerror: the CDT data could not be compiled\n{message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    for input in [
        "data",
        "src/model",
        "src/dataset",
        "src/set/tables.rs",
        "src/search/index.rs",
        "src/claims/aliases.rs",
        "build",
    ] {
        println!("cargo:rerun-if-changed={input}");
    }
    for variable in [DATA_VARIABLE, EDITION_VARIABLE, MODE_VARIABLE] {
        println!("cargo:rerun-if-env-changed={variable}");
    }
    let user_file = env::var_os(DATA_VARIABLE)
        .filter(|value| !value.is_empty())
        .map(PathBuf::from);
    let (data, provenance) = match user_file {
        None => {
            let data = Dataset::bundled().map_err(|errors| errors.to_string())?;
            let provenance = codegen::Provenance {
                source: "Bundled",
                inputs: vec![
                    dataset::BUNDLED_CODES_NAME.into(),
                    dataset::BUNDLED_HEADINGS_NAME.into(),
                    dataset::BUNDLED_SYNONYMS_NAME.into(),
                ],
                sha256: sha256::hex(dataset::BUNDLED_CODES.as_bytes()),
            };
            (data, provenance)
        }
        Some(path) => user_data(&path)?,
    };
    let synonyms = dataset::bundled_synonyms().map_err(|errors| errors.to_string())?;
    let layout =
        dataset::Layout::with_synonyms(&data, &synonyms).map_err(|errors| errors.to_string())?;
    let source = codegen::generate(&layout, &provenance);
    let out_dir = env::var_os("OUT_DIR").ok_or("OUT_DIR is not set; run through cargo")?;
    let out_path = Path::new(&out_dir).join("tables.rs");
    fs::write(&out_path, source).map_err(|error| format!("{}: {error}", out_path.display()))?;
    // The claim-level edits, checked against the bundled codes: a user's
    // file may lack some (a rule on a code the set lacks never fires).
    let edits = dataset::Source::new(
        dataset::BUNDLED_EDITS_NAME,
        dataset::BUNDLED_EDITS.as_bytes(),
    );
    let bundled = Dataset::bundled().map_err(|errors| errors.to_string())?;
    let rules = dataset::parse_edits(edits, &bundled).map_err(|errors| errors.to_string())?;
    let out_path = Path::new(&out_dir).join("edit_rules.rs");
    let source = edit_rules::generate(&rules, dataset::BUNDLED_EDITS_NAME)?;
    fs::write(&out_path, source).map_err(|error| format!("{}: {error}", out_path.display()))?;
    let out_path = Path::new(&out_dir).join("claim_aliases.rs");
    fs::write(&out_path, claim_aliases_map()?)
        .map_err(|error| format!("{}: {error}", out_path.display()))
}

/// The `phf` map from every claims header name (`src/claims/aliases.rs`)
/// to its column's place in `ClaimColumn::ALL`, as Rust source; an error
/// when a name is two columns' (a header cell must name one).
fn claim_aliases_map() -> Result<String, String> {
    let mut map = phf_codegen::Map::new();
    let mut seen = std::collections::BTreeMap::new();
    for (column, names) in claim_aliases::BY_COLUMN.iter().enumerate() {
        for &name in *names {
            if let Some(first) = seen.insert(name, column) {
                return Err(format!(
                    "src/claims/aliases.rs: the header name {name:?} is given to columns {first} and {column}"
                ));
            }
            map.entry(name, column.to_string());
        }
    }
    Ok(format!(
        "/// Every claims header name, to its column's place in `ClaimColumn::ALL`.\n\
         #[allow(clippy::unreadable_literal)] // the map's hash key\n\
         static CLAIM_ALIASES: phf::Map<&'static str, u8> = {};\n",
        map.build()
    ))
}

/// The user's file combined with the bundled data, and where it came from.
fn user_data(path: &Path) -> Result<(Dataset, codegen::Provenance), String> {
    println!("cargo:rerun-if-changed={}", path.display());
    let name = path.display().to_string();
    let bytes = fs::read(path).map_err(|error| format!("{name}: cannot read the file: {error}"))?;
    let mode = mode_from_env()?;
    let mut options = Options::for_edition(edition_from_env()?);
    options.stage = Stage::Build;
    let (data, warnings) = Dataset::with_file(Source::new(&name, &bytes), &options, mode)
        .map_err(|errors| errors.to_string())?;
    for warning in &warnings {
        println!("cargo:warning={name}: {warning}");
    }
    let provenance = codegen::Provenance {
        source: match mode {
            Mode::Replace => "UserSupplied",
            _ => "Overlaid",
        },
        inputs: vec![
            name,
            dataset::BUNDLED_CODES_NAME.into(),
            dataset::BUNDLED_HEADINGS_NAME.into(),
            dataset::BUNDLED_SYNONYMS_NAME.into(),
        ],
        sha256: sha256::hex(&bytes),
    };
    Ok((data, provenance))
}

fn variable(name: &str) -> Result<Option<String>, String> {
    match env::var(name) {
        Ok(value) if !value.trim().is_empty() => Ok(Some(value)),
        Ok(_) | Err(env::VarError::NotPresent) => Ok(None),
        Err(env::VarError::NotUnicode(value)) => {
            Err(format!("{name}={value:?} is not valid Unicode"))
        }
    }
}

fn edition_from_env() -> Result<Option<model::edition::Edition>, String> {
    variable(EDITION_VARIABLE)?
        .map(|value| {
            value
                .parse()
                .map_err(|error| format!("{EDITION_VARIABLE}={value:?}: {error}"))
        })
        .transpose()
}

fn mode_from_env() -> Result<Mode, String> {
    variable(MODE_VARIABLE)?.map_or(Ok(Mode::Overlay), |value| {
        value
            .parse()
            .map_err(|error| format!("{MODE_VARIABLE}={value:?}: {error}"))
    })
}
