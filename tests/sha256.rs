//! The build script's SHA-256 against the FIPS 180-4 test vectors.

#[allow(dead_code)]
#[path = "../build/sha256.rs"]
mod sha256;

#[test]
fn standard_vectors() {
    assert_eq!(
        sha256::hex(b""),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(
        sha256::hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(
        sha256::hex(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    );
}

#[test]
fn the_compiled_data_digest_is_the_digest_of_the_data_file() {
    // The bundled build hashes data/codes.tsv; a stale or made-up digest
    // fails here.
    assert_eq!(
        cdt_codes::DATA_SHA256,
        sha256::hex(include_bytes!("../data/codes.tsv"))
    );
}
