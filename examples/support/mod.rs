//! What the examples share, so they behave alike at their edges.
//!
//! Output: text is gathered in a `String` and written once, so a closed
//! pipe (`| head`) ends the program quietly instead of panicking inside
//! `println!`.
//!
//! Arguments and exit status, the one table in the README:
//!
//! | status | meaning |
//! |---|---|
//! | 0 | done (`--help` / `-h` included: the usage on standard output) |
//! | 1 | findings, or what was asked for is not in the data |
//! | 2 | usage error (an unknown option too) or unreadable input (a missing file) |
//!
//! [`Cli`] gives each example its `--help`, its usage errors and its
//! `--data` option; [`take_flag`], [`take_value`] and [`no_options_left`]
//! take the rest out of the arguments.

use std::io::{self, Write};
use std::process::ExitCode;

/// Exit status: done.
#[allow(dead_code)]
pub const DONE: u8 = 0;
/// Exit status: findings, or not found.
#[allow(dead_code)]
pub const FINDINGS: u8 = 1;
/// Exit status: usage error or unreadable input.
#[allow(dead_code)]
pub const USAGE: u8 = 2;

/// An example's name and usage text.
#[allow(dead_code)] // check_claims has its own
pub struct Cli {
    /// The example's name, the prefix of its error messages.
    pub name: &'static str,
    /// The usage text `--help` prints.
    pub usage: &'static str,
}

#[allow(dead_code)]
impl Cli {
    /// The arguments, or the exit when they ask for help: `--help` or `-h`
    /// (before a `--`) prints the usage to standard output and exits 0.
    pub fn args(&self) -> Result<Vec<String>, ExitCode> {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let asks_help = args
            .iter()
            .take_while(|arg| *arg != "--")
            .any(|arg| arg == "--help" || arg == "-h");
        if asks_help {
            emit(&format!("{}\n", self.usage));
            return Err(ExitCode::from(DONE));
        }
        Ok(args)
    }

    /// A usage error: the message and the usage on standard error, exit 2.
    pub fn usage_error(&self, message: &str) -> ExitCode {
        if message.is_empty() {
            eprintln!("{}", self.usage);
        } else {
            eprintln!("{}: {message}\n{}", self.name, self.usage);
        }
        ExitCode::from(USAGE)
    }

    /// Unreadable input (a missing file, a data file with problems): the
    /// message on standard error, exit 2.
    pub fn unreadable(&self, message: &str) -> ExitCode {
        eprintln!("{}: {message}", self.name);
        ExitCode::from(USAGE)
    }

    /// Findings or not found: the message on standard error, exit 1.
    pub fn not_found(&self, message: &str) -> ExitCode {
        eprintln!("{}: {message}", self.name);
        ExitCode::from(FINDINGS)
    }

    /// The code set to work on ([`code_set`]); a bad `--data` option is a
    /// usage error, a file that cannot be loaded is unreadable input.
    pub fn code_set(&self, args: &mut Vec<String>) -> Result<Option<cdt_codes::CodeSet>, ExitCode> {
        code_set(args).map_err(|error| match error {
            DataOption::Usage(message) => self.usage_error(&message),
            DataOption::Load(message) => self.unreadable(&message),
        })
    }
}

/// Takes `name` out of `args`; whether it was there (before a `--`).
#[allow(dead_code)]
pub fn take_flag(args: &mut Vec<String>, name: &str) -> bool {
    let end = args
        .iter()
        .position(|arg| arg == "--")
        .unwrap_or(args.len());
    match args[..end].iter().position(|arg| arg == name) {
        Some(at) => {
            args.remove(at);
            true
        }
        None => false,
    }
}

/// Takes `name VALUE` out of `args` (before a `--`).
///
/// # Errors
///
/// A usage message when `name` is the last argument.
#[allow(dead_code)]
pub fn take_value(args: &mut Vec<String>, name: &str) -> Result<Option<String>, String> {
    let end = args
        .iter()
        .position(|arg| arg == "--")
        .unwrap_or(args.len());
    let Some(at) = args[..end].iter().position(|arg| arg == name) else {
        return Ok(None);
    };
    if at + 1 >= end {
        return Err(format!("{name} needs a value"));
    }
    args.remove(at);
    Ok(Some(args.remove(at)))
}

/// Checks that no option is left once an example has taken its own: an
/// unknown option is a usage error, never a file name or a word. A `--`
/// is removed, and what follows it is taken as is.
///
/// # Errors
///
/// A usage message naming the first unknown option.
#[allow(dead_code)]
pub fn no_options_left(args: &mut Vec<String>) -> Result<(), String> {
    let end = args
        .iter()
        .position(|arg| arg == "--")
        .unwrap_or(args.len());
    if let Some(option) = args[..end]
        .iter()
        .find(|arg| arg.starts_with('-') && arg.len() > 1)
    {
        return Err(format!("unknown option {option}"));
    }
    if end < args.len() {
        args.remove(end);
    }
    Ok(())
}

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
pub fn code_set(args: &mut Vec<String>) -> Result<Option<cdt_codes::CodeSet>, DataOption> {
    let mut data = None;
    let mut edition = None;
    let mut mode = cdt_codes::dataset::Mode::Overlay;
    let mut rest = Vec::new();
    let mut items = std::mem::take(args).into_iter();
    while let Some(arg) = items.next() {
        match arg.as_str() {
            "--data" => data = Some(items.next().ok_or(usage("--data needs a FILE"))?),
            "--edition" => {
                let text = items.next().ok_or(usage("--edition needs a YEAR"))?;
                edition = Some(
                    text.parse()
                        .map_err(|e| DataOption::Usage(format!("--edition {text}: {e}")))?,
                );
            }
            // What follows `--` is not an option.
            "--" => {
                rest.push(arg);
                rest.extend(items.by_ref());
            }
            "--replace" => mode = cdt_codes::dataset::Mode::Replace,
            _ => rest.push(arg),
        }
    }
    *args = rest;
    let Some(path) = data else {
        return if edition.is_some() {
            Err(usage("--edition goes with --data FILE"))
        } else {
            Ok(None)
        };
    };
    let options = cdt_codes::dataset::Options::for_edition(edition);
    let set = cdt_codes::CodeSet::from_path_with(&path, &options, mode)
        .map_err(|e| DataOption::Load(e.to_string()))?;
    for warning in set.warnings() {
        eprintln!("{path}: {warning}");
    }
    Ok(Some(set))
}

/// What is wrong with the `--data` options.
#[allow(dead_code)]
#[derive(Debug)]
pub enum DataOption {
    /// The options themselves (exit 2, with the usage).
    Usage(String),
    /// The file cannot be read or has problems (exit 2).
    Load(String),
}

impl std::fmt::Display for DataOption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DataOption::Usage(message) | DataOption::Load(message) => f.write_str(message),
        }
    }
}

impl From<DataOption> for String {
    fn from(error: DataOption) -> String {
        error.to_string()
    }
}

fn usage(message: &str) -> DataOption {
    DataOption::Usage(message.to_owned())
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
