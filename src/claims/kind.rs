//! Files of a kind the checker does not read, told from their first bytes:
//! a workbook, a PDF, JSON or XML given where a delimited export was meant,
//! UTF-16 text without the byte-order mark that says its byte order, or a
//! claims file still compressed. Without this they were read as a header
//! row lacking a code column, a message that hides what went wrong.

use core::fmt;

/// A kind of file the claims checker does not read (see
/// [`HeaderError::Unreadable`](super::HeaderError::Unreadable)).
///
/// ```
/// use cdt_codes::claims::{ClaimChecker, FileKind, HeaderError};
///
/// let error = ClaimChecker::new(&b"%PDF-1.7\n"[..]).err().unwrap();
/// assert!(matches!(error, HeaderError::Unreadable(FileKind::Pdf)));
/// assert_eq!(FileKind::Pdf.to_string(), "a PDF");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FileKind {
    /// A ZIP archive (`PK\x03\x04`): an Excel `.xlsx` workbook is one, as
    /// are `.ods` spreadsheets and a claims file zipped to travel.
    Zip,
    /// A compound file (`D0 CF 11 E0 A1 B1 1A E1`): an Excel 97-2003 `.xls`
    /// workbook, or another Office 97-2003 document.
    Compound,
    /// A PDF (`%PDF-`).
    Pdf,
    /// JSON: an object or array (`{"`, `[{`, or a lone `{` or `[` on the
    /// first line).
    Json,
    /// XML (`<?xml`, `<!`, or a root element with its `xmlns`).
    Xml,
    /// UTF-16 text without a byte-order mark: a first line of characters
    /// each followed (little-endian) or preceded (big-endian) by a NUL
    /// byte. UTF-16 is read by its mark (as a spreadsheet's "Unicode
    /// Text" writes one); without it the byte order is a guess.
    Utf16WithoutMark,
    /// gzip-compressed data (`1F 8B`, RFC 1952 section 2.3.1): a
    /// `.gz` file, as claim files often travel.
    Gzip,
    /// bzip2-compressed data (`BZh` and a block size digit `1` to `9`).
    Bzip2,
    /// xz-compressed data (`FD 37 7A 58 5A 00`, `\xFD7zXZ\0`: the xz
    /// file format's stream header).
    Xz,
    /// Zstandard-compressed data (the frame magic number `0xFD2FB528`,
    /// little-endian: `28 B5 2F FD`, RFC 8878 section 3.1.1).
    Zstd,
}

impl FileKind {
    /// The kind of a file whose first line (blank lines and a UTF-8
    /// byte-order mark before it included) is `start`, when it is one of
    /// these; `None` for anything else, a delimited header among them.
    pub(crate) fn of(start: &[u8]) -> Option<FileKind> {
        // A byte-order mark is no content: UTF-16 input comes here with
        // UTF-8's, and the same content must be told the same in every
        // encoding (the `decode` fuzz target found `%PDF-` told apart).
        let text = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(start);
        // The binary kinds by their magic numbers, at the start.
        if text.starts_with(b"PK\x03\x04") {
            return Some(FileKind::Zip);
        }
        if text.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
            return Some(FileKind::Compound);
        }
        if text.starts_with(b"%PDF-") {
            return Some(FileKind::Pdf);
        }
        if let Some(kind) = compressed(text) {
            return Some(kind);
        }
        if utf16_without_mark(text) {
            return Some(FileKind::Utf16WithoutMark);
        }
        let text = text.trim_ascii();
        let after = |open: usize| text.get(open..).unwrap_or(&[]).trim_ascii_start();
        match text.first()? {
            // `{"code": ...}`, or `{` alone (an object written over lines);
            // not `{code},date`.
            b'{' => matches!(after(1).first(), None | Some(b'"' | b'}')).then_some(FileKind::Json),
            // `[{...}]`, `["D0120"]`, `[]`, or `[` alone.
            b'[' => matches!(after(1).first(), None | Some(b'{' | b'[' | b'"' | b']'))
                .then_some(FileKind::Json),
            // `<?xml ...?>`, `<!DOCTYPE ...>`, `<!-- -->`, or a root element
            // with its namespace (`<Bundle xmlns="http://hl7.org/fhir">`),
            // the line ending with the tag. Not any text in angle brackets:
            // a report's title line may be `<All Providers>`.
            b'<' => {
                let declared = matches!(after(1).first(), Some(b'?' | b'!'));
                let namespaced = after(1).first().is_some_and(u8::is_ascii_alphabetic)
                    && text.windows(6).any(|window| window == b" xmlns");
                ((declared || namespaced) && text.ends_with(b">")).then_some(FileKind::Xml)
            }
            _ => None,
        }
    }

    /// What to do with a file of this kind, for the checker's message.
    pub(crate) fn remedy(self) -> &'static str {
        match self {
            FileKind::Gzip => "decompress it first (gunzip) and check the file inside",
            FileKind::Bzip2 => "decompress it first (bunzip2) and check the file inside",
            FileKind::Xz => "decompress it first (unxz) and check the file inside",
            FileKind::Zstd => "decompress it first (unzstd) and check the file inside",
            FileKind::Zip => {
                "unzip a zipped file and check the file inside; from a workbook, save the claim \
                 lines as CSV (or other delimited text) with a header row, or send an X12 837D"
            }
            FileKind::Compound
            | FileKind::Pdf
            | FileKind::Json
            | FileKind::Xml
            | FileKind::Utf16WithoutMark => {
                "save the claim lines as CSV (or other delimited text) with a header row, or \
                 send an X12 837D"
            }
        }
    }
}

/// The compression of data starting `text`, by its magic number: each
/// format's own specification, and the `file` tool's reading of what
/// gzip, bzip2, xz and zstd wrote on the machine the tests were made on
/// (`tests/fixtures/real/README.md`).
fn compressed(text: &[u8]) -> Option<FileKind> {
    match text {
        [0x1F, 0x8B, ..] => Some(FileKind::Gzip),
        [b'B', b'Z', b'h', b'1'..=b'9', ..] => Some(FileKind::Bzip2),
        [0xFD, b'7', b'z', b'X', b'Z', 0x00, ..] => Some(FileKind::Xz),
        [0x28, 0xB5, 0x2F, 0xFD, ..] => Some(FileKind::Zstd),
        _ => None,
    }
}

/// Whether `text` reads as UTF-16 characters of the ASCII range with no
/// byte-order mark: two or more pairs, each a NUL and a byte that is not
/// one, the NUL on the same side in every pair. The ASCII whitespace
/// before the first line's text (the blank lines `text` holds before it)
/// and the line's end are left out: the `\n` byte the first line was read
/// up to, and a `\r` byte just before it, so that `\n` and `\r\n` endings
/// are told alike (a trailing odd byte is left out too).
fn utf16_without_mark(text: &[u8]) -> bool {
    let pairs = super::decode::without_line_end(text.trim_ascii_start()).chunks_exact(2);
    if pairs.len() < 2 {
        return false;
    }
    let ascii = |byte: u8| byte != 0 && byte.is_ascii();
    let little = pairs.clone().all(|pair| pair[1] == 0 && ascii(pair[0]));
    let big = pairs.clone().all(|pair| pair[0] == 0 && ascii(pair[1]));
    little || big
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileKind::Zip => "a ZIP archive (an Excel .xlsx workbook is one)",
            FileKind::Compound => "an Excel 97-2003 workbook (or another Office 97-2003 file)",
            FileKind::Pdf => "a PDF",
            FileKind::Json => "JSON",
            FileKind::Xml => "XML",
            FileKind::Utf16WithoutMark => "UTF-16 text without a byte-order mark",
            FileKind::Gzip => "gzip-compressed data",
            FileKind::Bzip2 => "bzip2-compressed data",
            FileKind::Xz => "xz-compressed data",
            FileKind::Zstd => "Zstandard-compressed data",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::FileKind;

    #[test]
    fn headers_are_no_kind_of_their_own() {
        for header in [
            &b"code,date\n"[..],
            b"{code},date\n",
            b"[code];date\n",
            b"<code>|date\n",
            b"<All Providers>\n",
            b"<Claim/>\n",
            b"< 5 teeth,code\n",
            b"PK,code\n",
            b"BZh,code\n",
            b"BZhx|date\n",
            b"\n\n  \n",
            b"",
        ] {
            assert_eq!(FileKind::of(header), None, "{}", header.escape_ascii());
        }
        assert_eq!(FileKind::of(b"\n  [\n"), Some(FileKind::Json));
        assert_eq!(FileKind::of(b"{\r\n"), Some(FileKind::Json));
        assert_eq!(FileKind::of(b"<Claims xmlns=\"x\">\n"), Some(FileKind::Xml));
    }

    #[test]
    fn a_byte_order_mark_does_not_hide_a_kind() {
        // UTF-16 input comes with UTF-8's mark: the same content is told
        // the same (the `decode` fuzz target, seed `pdf_magic_after_a_bom`).
        for start in [&b"%PDF-1.7\n"[..], b"\xEF\xBB\xBF%PDF-1.7\n"] {
            assert_eq!(FileKind::of(start), Some(FileKind::Pdf));
        }
        assert_eq!(FileKind::of(b"\xEF\xBB\xBFPK\x03\x04"), Some(FileKind::Zip));
    }

    #[test]
    fn utf16_without_its_mark_is_told() {
        // `code,date` and its line end in UTF-16, little- and big-endian,
        // up to the first `\n` byte (how the first line is read).
        let little = b"c\0o\0d\0e\0,\0d\0a\0t\0e\0\r\0\n";
        let big = b"\0c\0o\0d\0e\0,\0d\0a\0t\0e\0\r\0\n";
        assert_eq!(FileKind::of(little), Some(FileKind::Utf16WithoutMark));
        assert_eq!(FileKind::of(big), Some(FileKind::Utf16WithoutMark));
        // A line ended by `\n` or `\r\n` (single bytes) is told alike (the
        // `claims` fuzz target: line endings change nothing).
        assert_eq!(
            FileKind::of(b"~\0\x08\0\n"),
            Some(FileKind::Utf16WithoutMark)
        );
        assert_eq!(
            FileKind::of(b"~\0\x08\0\r\n"),
            Some(FileKind::Utf16WithoutMark)
        );
        // Blank lines before the first are passed over alike, whatever
        // their line ending (the `claims` fuzz target: `\n` put the blank
        // line's byte in the first pair, read as a little-endian `\n`;
        // `\r\n` put two there, and the start was told no kind).
        for start in [
            &b"\n\0H\0*\0\n"[..],
            b"\r\n\0H\0*\0\r\n",
            b"\r\n\r\n\0H\0*\0\r\n",
        ] {
            assert_eq!(
                FileKind::of(start),
                Some(FileKind::Utf16WithoutMark),
                "{}",
                start.escape_ascii()
            );
        }
        assert_eq!(
            FileKind::of(b"\r\nc\0o\0d\0e\0\r\0\n"),
            Some(FileKind::Utf16WithoutMark)
        );
        // NUL padding, a stray NUL in a header, a single character: none.
        for other in [&b"\0\0\0\0\n"[..], b"code\0,date\n", b"c\0", b"co\0\0de\n"] {
            assert_eq!(FileKind::of(other), None, "{}", other.escape_ascii());
        }
    }
}
