//! Compiles the CDT data into lookup tables under `OUT_DIR`.
//!
//! The data comes from `data/codes.tsv` and `data/subcategories.tsv`, or,
//! when `CDT_CODES_DATA` names a file, from that (licensed) file together
//! with the bundled subcategories. Parsing and checking is done by the
//! library's own `dataset` module, included here by path so the build and
//! the runtime loader share one parser.

#![forbid(unsafe_code)]

#[allow(dead_code)]
#[path = "src/category.rs"]
mod category;
#[allow(dead_code)]
#[path = "src/code.rs"]
mod code;
#[allow(dead_code)]
#[path = "src/dataset/mod.rs"]
mod dataset;
#[allow(dead_code)]
#[path = "src/edition.rs"]
mod edition;

#[allow(dead_code)]
#[path = "src/words.rs"]
mod words;

#[path = "build/codegen.rs"]
mod codegen;
#[path = "build/sha256.rs"]
mod sha256;

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dataset::{Dataset, Options, Source};

const BUNDLED_CODES: &str = "data/codes.tsv";
const BUNDLED_SUBCATEGORIES: &str = "data/subcategories.tsv";
const DATA_VARIABLE: &str = "CDT_CODES_DATA";
const EDITION_VARIABLE: &str = "CDT_CODES_EDITION";

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
    println!("cargo:rerun-if-changed={BUNDLED_CODES}");
    println!("cargo:rerun-if-changed={BUNDLED_SUBCATEGORIES}");
    println!("cargo:rerun-if-env-changed={DATA_VARIABLE}");
    println!("cargo:rerun-if-env-changed={EDITION_VARIABLE}");
    for file in [
        "src/category.rs",
        "src/code.rs",
        "src/edition.rs",
        "src/words.rs",
        "build/codegen.rs",
        "build/sha256.rs",
    ] {
        println!("cargo:rerun-if-changed={file}");
    }
    println!("cargo:rerun-if-changed=src/dataset");

    let user_file = env::var_os(DATA_VARIABLE)
        .filter(|value| !value.is_empty())
        .map(PathBuf::from);
    let codes_path = match &user_file {
        Some(path) => {
            println!("cargo:rerun-if-changed={}", path.display());
            path.clone()
        }
        None => PathBuf::from(BUNDLED_CODES),
    };
    let options = Options {
        edition: edition_from_env()?,
        require_subcategories: user_file.is_none(),
    };
    let codes_name = codes_path.display().to_string();
    let codes = read(&codes_path)?;
    let subcategories = read(Path::new(BUNDLED_SUBCATEGORIES))?;
    let data = Dataset::parse(
        Source::new(&codes_name, &codes),
        Source::new(BUNDLED_SUBCATEGORIES, &subcategories),
        &options,
    )
    .map_err(|errors| {
        let count = errors.len();
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        format!("{}\n{count} problem(s) found", lines.join("\n"))
    })?;
    for column in &data.ignored_columns {
        println!("cargo:warning={codes_name}: column `{column}` is not one cdt-codes knows; its values are ignored");
    }

    let provenance = codegen::Provenance {
        bundled: user_file.is_none(),
        inputs: vec![codes_name.clone(), BUNDLED_SUBCATEGORIES.to_string()],
        sha256: sha256::hex(&codes),
    };
    let source = codegen::generate(&data, &provenance);
    let out_dir = env::var_os("OUT_DIR").ok_or("OUT_DIR is not set; run through cargo")?;
    let out_path = Path::new(&out_dir).join("tables.rs");
    fs::write(&out_path, source).map_err(|error| format!("{}: {error}", out_path.display()))
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    fs::read(path).map_err(|error| format!("{}: cannot read the file: {error}", path.display()))
}

fn edition_from_env() -> Result<Option<edition::Edition>, String> {
    match env::var(EDITION_VARIABLE) {
        Ok(value) if !value.trim().is_empty() => value
            .parse()
            .map(Some)
            .map_err(|error| format!("{EDITION_VARIABLE}={value:?}: {error}")),
        Ok(_) | Err(env::VarError::NotPresent) => Ok(None),
        Err(env::VarError::NotUnicode(value)) => {
            Err(format!("{EDITION_VARIABLE}={value:?} is not valid Unicode"))
        }
    }
}
