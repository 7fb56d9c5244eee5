//! Output helpers shared by the examples: text is gathered in a `String`
//! and written once, so a closed pipe (`| head`) ends the program quietly
//! instead of panicking inside `println!`.

use std::io::{self, Write};

/// Appends a formatted line to a `String`.
#[macro_export]
macro_rules! outln {
    ($out:expr) => {
        $out.push('\n')
    };
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        // Writing to a String cannot fail.
        let _ = writeln!($out, $($arg)*);
    }};
}

/// Appends formatted text (no line break) to a `String`.
#[macro_export]
macro_rules! out {
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = write!($out, $($arg)*);
    }};
}

/// Writes `text` to standard output; a closed pipe is not an error.
#[allow(dead_code)] // check_claims streams its output instead
pub fn emit(text: &str) {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => {}
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {}
        Err(error) => eprintln!("cannot write the output: {error}"),
    }
}

/// The code set an example works on: the compiled one, or, with
/// `--data FILE [--edition YEAR] [--replace]`, a file loaded at run time
/// and laid over the bundled data (or used alone with `--replace`). The
/// options are taken out of `args`; the rest are left for the example.
#[allow(dead_code)] // not every example takes --data
pub fn code_set(args: &mut Vec<String>) -> Result<Option<cdt_codes::CodeSet>, String> {
    let mut data = None;
    let mut edition = None;
    let mut mode = cdt_codes::dataset::Mode::Overlay;
    let mut rest = Vec::new();
    let mut items = std::mem::take(args).into_iter();
    while let Some(arg) = items.next() {
        match arg.as_str() {
            "--data" => data = Some(items.next().ok_or("--data needs a FILE")?),
            "--edition" => {
                let text = items.next().ok_or("--edition needs a YEAR")?;
                edition = Some(text.parse().map_err(|e| format!("--edition {text}: {e}"))?);
            }
            "--replace" => mode = cdt_codes::dataset::Mode::Replace,
            _ => rest.push(arg),
        }
    }
    *args = rest;
    let Some(path) = data else {
        return if edition.is_some() {
            Err("--edition goes with --data FILE".into())
        } else {
            Ok(None)
        };
    };
    let options = cdt_codes::dataset::Options::for_edition(edition);
    let set =
        cdt_codes::CodeSet::from_path_with(&path, &options, mode).map_err(|e| e.to_string())?;
    for warning in set.warnings() {
        eprintln!("{path}: {warning}");
    }
    Ok(Some(set))
}

/// One line on what the set knows: its editions and the dates they cover.
#[allow(dead_code)]
pub fn horizon_line(set: &cdt_codes::CodeSet) -> String {
    let (first, last) = set.horizon();
    format!(
        "Data: {} to {} (dates of service {first} to {last}); later dates cannot be checked",
        set.first_edition(),
        set.edition()
    )
}
