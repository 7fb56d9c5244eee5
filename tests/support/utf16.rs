// `text` as UTF-16 with its byte-order mark, little endian (as Excel's
// "Unicode Text" saves) or big endian. Shared by the decoder's unit tests
// (src/claims/decode.rs), tests/fuzz_regressions.rs and the `decode` fuzz
// target, each through `include!`.

fn utf16(text: &str, big_endian: bool) -> std::vec::Vec<u8> {
    let mark: [u8; 2] = if big_endian { [0xFE, 0xFF] } else { [0xFF, 0xFE] };
    let mut bytes = std::vec::Vec::from(mark);
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    bytes
}
