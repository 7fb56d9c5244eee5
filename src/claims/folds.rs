//! Delimiters written as UTF-8 characters. An interchange's delimiters are
//! single bytes; one outside ASCII (`0x85`, `0xA6` in Windows-1252) becomes
//! two or three bytes when a tool that takes the file for text saves it as
//! UTF-8 (a horizontal ellipsis, U+2026, for `0x85`). The file of issue 109
//! of `xlate/staedi` is such a one, and the samples of
//! `KeyMarkInc/OopFactory.X12` hold others (a broken bar, U+00A6, as the
//! component separator). The X12 reader reads single-byte delimiters only,
//! so the checker folds each such character back into the byte
//! Windows-1252 has for it, as the file streams in
//! ([`Decoded::with_folds`](super::decode::Decoded::with_folds)), and says
//! so in an envelope warning.

use std::string::String;
use std::vec::Vec;

use crate::dataset::delimited::windows_1252_byte;

/// The characters an interchange's `ISA` writes as delimiters in UTF-8,
/// each with the byte it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Folds {
    folds: Vec<Fold>,
}

/// One delimiter written as a UTF-8 character.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Fold {
    /// The character's UTF-8 bytes.
    sequence: Vec<u8>,
    /// The byte read in their place.
    byte: u8,
    character: char,
    /// What the delimiter does, for the warning.
    role: &'static str,
}

impl Folds {
    /// Replaces, in place, each folded character of `bytes` with its byte.
    pub(crate) fn fold(&self, bytes: &mut Vec<u8>) {
        let mut write = 0;
        let mut read = 0;
        while let Some(&byte) = bytes.get(read) {
            let found = self.folds.iter().find(|fold| {
                bytes
                    .get(read..)
                    .is_some_and(|rest| rest.starts_with(&fold.sequence))
            });
            let (value, length) = match found {
                Some(fold) => (fold.byte, fold.sequence.len()),
                None => (byte, 1),
            };
            if let Some(slot) = bytes.get_mut(write) {
                *slot = value;
            }
            write += 1;
            read += length;
        }
        bytes.truncate(write);
    }

    /// The envelope warning that says which characters were folded.
    pub(crate) fn warning(&self) -> String {
        let each: Vec<String> = self
            .folds
            .iter()
            .map(|fold| {
                std::format!(
                    "{} is the character U+{:04X} ({}), read as the byte 0x{:02X}",
                    fold.role,
                    u32::from(fold.character),
                    fold.character,
                    fold.byte
                )
            })
            .collect();
        std::format!(
            "the interchange's delimiters are written as UTF-8 characters, as a file saved as \
             UTF-8 from Windows-1252 has them: {}",
            each.join("; ")
        )
    }
}

/// The folds `start` (the first bytes of the input, an `ISA` at their
/// head after a byte-order mark or whitespace) calls for: its component
/// separator (`ISA16`) and segment terminator, when either is a UTF-8
/// character outside ASCII that Windows-1252 writes as one byte. `None`
/// when both are ASCII, or one is a character no single byte stands for
/// (then the reader reads the bytes as they are).
pub(crate) fn utf8_delimiters(start: &[u8]) -> Option<Folds> {
    let start = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(start);
    let start = start.trim_ascii_start();
    let rest = start.strip_prefix(b"ISA")?;
    let (&element, mut rest) = rest.split_first()?;
    if !element.is_ascii() {
        return None;
    }
    // ISA02 to ISA16 follow the next fifteen element separators.
    for _ in 0..15 {
        let at = rest.iter().position(|&byte| byte == element)?;
        rest = rest.get(at + 1..)?;
    }
    let (component, after) = utf8_char(rest)?;
    let (terminator, _) = utf8_char(after)?;
    let mut folds = Vec::new();
    for (character, role) in [
        (component, "the component separator"),
        (terminator, "the segment terminator"),
    ] {
        if character.is_ascii() {
            continue;
        }
        let byte = windows_1252_byte(character)?;
        let mut sequence = [0; 4];
        let sequence = character.encode_utf8(&mut sequence).as_bytes().to_vec();
        folds.push(Fold {
            sequence,
            byte,
            character,
            role,
        });
    }
    (!folds.is_empty()).then_some(Folds { folds })
}

/// How many bytes the UTF-8 character `lead` begins has: 1 for ASCII,
/// 2 to 4 for a lead byte, `None` for a continuation byte or one UTF-8
/// never uses.
fn sequence_length(lead: u8) -> Option<usize> {
    match lead {
        0x00..=0x7F => Some(1),
        0xC2..=0xDF => Some(2),
        0xE0..=0xEF => Some(3),
        0xF0..=0xF4 => Some(4),
        _ => None,
    }
}

/// The UTF-8 character at the head of `bytes`, and the bytes after it.
fn utf8_char(bytes: &[u8]) -> Option<(char, &[u8])> {
    let length = sequence_length(*bytes.first()?)?;
    let (head, rest) = bytes.split_at_checked(length)?;
    let character = core::str::from_utf8(head).ok()?.chars().next()?;
    Some((character, rest))
}

/// How many bytes at the end of `bytes` begin a UTF-8 character that is
/// not complete (its other bytes not read yet): 0 to 3.
pub(crate) fn incomplete_tail(bytes: &[u8]) -> usize {
    for back in 1..=3.min(bytes.len()) {
        let Some(&byte) = bytes.get(bytes.len() - back) else {
            break;
        };
        // A continuation byte: the lead may lie further back.
        if (0x80..=0xBF).contains(&byte) {
            continue;
        }
        return match sequence_length(byte) {
            Some(length) if length > back => back,
            _ => 0,
        };
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    const ISA: &str = "ISA*00*          *00*          *ZZ*SUBMITTER ID   *ZZ*RECEIVER ID    \
                       *260425*1200*^*00501*000000001*0*T*";

    #[test]
    fn the_isa_names_the_characters_to_fold() {
        // The ellipsis ends each segment (`xlate/staedi`, issue 109).
        let start = std::format!("{ISA}:\u{2026}\nGS*HC");
        let folds = utf8_delimiters(start.as_bytes()).expect("an ellipsis");
        let mut bytes = start.into_bytes();
        folds.fold(&mut bytes);
        assert!(bytes.ends_with(b"*T*:\x85\nGS*HC"), "{bytes:?}");
        assert!(folds.warning().contains("U+2026"), "{}", folds.warning());
        // A broken bar separates components (`OopFactory.X12`'s samples).
        let start = std::format!("\u{FEFF}{ISA}\u{00A6}~GS");
        let folds = utf8_delimiters(start.as_bytes()).expect("a broken bar");
        let mut bytes = "SV3*AD\u{00A6}D0120~".as_bytes().to_vec();
        folds.fold(&mut bytes);
        assert_eq!(bytes, b"SV3*AD\xA6D0120~");
        // ASCII delimiters, a character no byte stands for, no ISA.
        for start in [
            std::format!("{ISA}:~"),
            std::format!("{ISA}:\u{2603}"),
            String::from("GS*HC*\u{2026}"),
            String::from(ISA),
        ] {
            assert_eq!(utf8_delimiters(start.as_bytes()), None, "{start}");
        }
    }

    #[test]
    fn an_incomplete_character_at_the_end_is_kept_back() {
        let ellipsis = "\u{2026}".as_bytes();
        assert_eq!(incomplete_tail(b"SE*1*0001"), 0);
        assert_eq!(incomplete_tail(ellipsis), 0);
        assert_eq!(incomplete_tail(&ellipsis[..1]), 1);
        assert_eq!(incomplete_tail(&[b'A', ellipsis[0], ellipsis[1]]), 2);
        assert_eq!(incomplete_tail(&[0xC2]), 1);
        assert_eq!(incomplete_tail(&[0xC2, 0xA6]), 0);
        assert_eq!(incomplete_tail(&[0x80, 0x80, 0x80]), 0);
        assert_eq!(incomplete_tail(b""), 0);
    }
}
