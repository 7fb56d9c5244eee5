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
