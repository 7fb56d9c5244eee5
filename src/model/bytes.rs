//! Finding bytes in a buffer eight at a time: the readers of delimited
//! files and X12 look for line ends, quotes, delimiters and segment
//! terminators in every byte they read.

/// The first place in `bytes` of any of the `needles`: eight bytes a step
/// (a byte equal to a needle becomes a zero byte, which the classic bit
/// trick finds in a word; the lowest flagged byte is always a true zero),
/// the last few one at a time. A byte loop cost about two instructions a
/// byte on claim lines of a hundred bytes; this about one in four.
pub(crate) fn find_any<const N: usize>(bytes: &[u8], needles: [u8; N]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let patterns = needles.map(|needle| ONES * u64::from(needle));
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        let zeros = patterns.iter().fold(0, |zeros, pattern| {
            let diff = word ^ pattern;
            zeros | (diff.wrapping_sub(ONES) & !diff & HIGHS)
        });
        if zeros != 0 {
            return Some(at + (zeros.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let rest = chunks.remainder();
    rest.iter()
        .position(|byte| needles.contains(byte))
        .map(|offset| at + offset)
}

/// The high bit of every byte of a word.
pub(crate) const HIGHS: u64 = 0x8080_8080_8080_8080;
/// The low seven bits of every byte of a word.
const LOWS: u64 = 0x7F7F_7F7F_7F7F_7F7F;

/// The high bit of each byte of `word` that equals `needle`, and of no
/// other: exact for every byte (unlike the trick in [`find_any`], whose
/// flags above the first zero byte may be false), so all the places of a
/// delimiter in a word can be read from it.
#[inline]
pub(crate) fn equal_bytes(word: u64, needle: u8) -> u64 {
    let diff = word ^ (0x0101_0101_0101_0101 * u64::from(needle));
    // A byte's low seven bits plus 0x7F reach its high bit unless they are
    // all zero, and no sum carries into the next byte.
    !(((diff & LOWS) + LOWS) | diff | LOWS)
}

/// The first place of `needle` in `bytes` (see [`find_any`]).
pub(crate) fn find_byte(bytes: &[u8], needle: u8) -> Option<usize> {
    find_any(bytes, [needle])
}

#[cfg(test)]
mod tests {
    use super::{equal_bytes, find_any, find_byte};

    // Fixed buffers, not vectors: these tests run in every feature set,
    // including the one without `alloc`.
    const LONGEST: usize = 24;

    #[test]
    fn a_byte_is_found_where_a_scan_finds_it() {
        // Every length up to three words, the needle at every place (and
        // twice, and absent), among bytes that differ from it by one bit,
        // by the high bit, and that equal it minus one (the bit trick's
        // edge).
        for needle in [b'\n', b'"', b',', b'\t', 0x00, 0x7F, 0x80, 0xFF] {
            for filler in [needle ^ 1, needle ^ 0x80, needle.wrapping_sub(1), b'a'] {
                for len in 0..LONGEST {
                    let plain = [filler; LONGEST];
                    assert_eq!(find_byte(&plain[..len], needle), None, "{needle} in {len}");
                    for at in 0..len {
                        let mut whole = plain;
                        let bytes = &mut whole[..len];
                        bytes[at] = needle;
                        if at + 3 < len {
                            bytes[at + 3] = needle;
                        }
                        let want = bytes.iter().position(|&b| b == needle);
                        assert_eq!(find_byte(bytes, needle), want, "{needle} at {at} of {len}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_first_of_several_bytes_is_found() {
        let needles = [b'~', b'\n', b'\r'];
        for len in 1..LONGEST {
            for first in 0..len {
                for (which, &needle) in needles.iter().enumerate() {
                    let mut whole = [b'*'; LONGEST];
                    let bytes = &mut whole[..len];
                    bytes[first] = needle;
                    // A later needle of another kind changes nothing.
                    if first + 2 < len {
                        bytes[first + 2] = needles[(which + 1) % 3];
                    }
                    assert_eq!(
                        find_any(bytes, needles),
                        Some(first),
                        "{which} at {first} of {len}"
                    );
                }
            }
            assert_eq!(find_any(&[b'*'; LONGEST][..len], needles), None);
        }
    }

    #[test]
    fn every_equal_byte_is_flagged_and_no_other() {
        // Each byte value beside the needle, and the needle beside each
        // (a byte one above the needle right after it is where the
        // borrowing trick flags wrongly).
        for needle in [b',', b'\n', b'"', 0x00, 0x80, 0xFF] {
            for other in 0..=255u8 {
                let bytes = [needle, other, other, needle, other, needle, needle, other];
                let word = u64::from_le_bytes(bytes);
                let flags = equal_bytes(word, needle);
                for (at, &byte) in bytes.iter().enumerate() {
                    let flagged = flags >> (8 * at) & 0xFF;
                    let want = if byte == needle { 0x80 } else { 0 };
                    assert_eq!(flagged, want, "{needle} among {other} at {at}");
                }
            }
        }
    }
}
