//! The table-free layer: the types of the code set and the rules that need
//! no data. `build.rs` includes this folder once (`#[path]`), so the build
//! script and the library share every type the generated tables use.

// Used by the delimited reader and the X12 tokenizer (`std`).
#[cfg_attr(not(feature = "std"), allow(dead_code))]
pub(crate) mod bytes;
pub(crate) mod category;
pub(crate) mod code;
pub(crate) mod date;
pub(crate) mod edition;
// Claim-level edits: read by the data parser and the claims engine (`std`).
#[cfg_attr(not(feature = "std"), allow(dead_code))]
pub(crate) mod edit;
pub(crate) mod record;
pub(crate) mod reporting;
pub mod teeth;
// Used by search (`alloc`) and by the data parser (`std`, and build.rs).
#[cfg_attr(not(feature = "alloc"), allow(dead_code))]
pub(crate) mod words;

/// `text` without surrounding whitespace, as [`str::trim`] has it, but
/// quick for the usual field that starts and ends with a letter or digit
/// (the claims readers and the reporting checks trim every field they
/// read; `build.rs`, which includes this module, does not).
#[cfg_attr(not(feature = "std"), allow(dead_code))]
#[inline]
pub(crate) fn trimmed(text: &str) -> &str {
    match text.as_bytes() {
        [] => text,
        [first, .., last] | [first @ last]
            if first.is_ascii_alphanumeric() && last.is_ascii_alphanumeric() =>
        {
            text
        }
        _ => text.trim(),
    }
}

/// Writes `args` honouring the formatter's width, fill and alignment
/// (`{:>40}`): through a buffer when one is asked for (with `alloc`), as
/// is otherwise.
pub(crate) fn pad(
    f: &mut core::fmt::Formatter<'_>,
    args: core::fmt::Arguments<'_>,
) -> core::fmt::Result {
    if f.width().is_none() {
        return f.write_fmt(args);
    }
    #[cfg(feature = "alloc")]
    {
        f.pad(&alloc::fmt::format(args))
    }
    #[cfg(not(feature = "alloc"))]
    {
        f.write_fmt(args)
    }
}
