//! How common a code is: the tiers of `data/commonness.tsv` (see
//! `data/SOURCES.md`), read into a table by code number when the crate
//! compiles, so a search looks a record's tier up with one array read.
//!
//! The tier only orders near-ties: a code in tier 1 gains 1/16 of its
//! points, one in tier 2 gains 1/32, every other code nothing (the
//! weights are `search::index`'s). No match is
//! ever dropped for being uncommon, and a record matching more of a query's
//! terms still comes first.

/// The file, as shipped.
const FILE: &str = include_str!("../../data/commonness.tsv");

/// The tier of every code number (0 when the file does not list it).
static TIERS: [u8; 10_000] = parse(FILE.as_bytes());

/// The tier of the code numbered `number` (1 commonest, 2 common, 0 not
/// listed).
pub(crate) fn tier(number: u16) -> u8 {
    TIERS.get(usize::from(number)).copied().unwrap_or(0)
}

/// Reads the file: a header line, then `D` + four digits, a tab, the tier
/// (1 or 2), a tab and the sources. A malformed file stops the build.
const fn parse(bytes: &[u8]) -> [u8; 10_000] {
    let mut tiers = [0u8; 10_000];
    let mut at = 0;
    // The header.
    while at < bytes.len() && bytes[at] != b'\n' {
        at += 1;
    }
    at += 1;
    while at < bytes.len() {
        if bytes[at] == b'\n' {
            at += 1;
            continue;
        }
        assert!(
            at + 7 < bytes.len() && bytes[at] == b'D' && bytes[at + 5] == b'\t',
            "data/commonness.tsv: a row must start with a code and a tab"
        );
        let mut number = 0usize;
        let mut digit = 1;
        while digit <= 4 {
            let byte = bytes[at + digit];
            assert!(
                byte.is_ascii_digit(),
                "data/commonness.tsv: a code is D and four digits"
            );
            number = number * 10 + (byte - b'0') as usize;
            digit += 1;
        }
        let tier = bytes[at + 6];
        assert!(
            (tier == b'1' || tier == b'2') && bytes[at + 7] == b'\t',
            "data/commonness.tsv: the tier is 1 or 2"
        );
        assert!(
            tiers[number] == 0,
            "data/commonness.tsv: a code is listed twice"
        );
        tiers[number] = tier - b'0';
        while at < bytes.len() && bytes[at] != b'\n' {
            at += 1;
        }
    }
    tiers
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::{tier, FILE};
    use crate::set::CodeSet;

    #[test]
    fn every_listed_code_is_in_force_and_names_its_source() {
        let set = CodeSet::compiled();
        let mut listed = 0;
        for line in FILE.lines().skip(1).filter(|line| !line.is_empty()) {
            let fields: std::vec::Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 3, "{line}");
            let procedure = set.get(fields[0]).expect(fields[0]);
            assert!(procedure.is_active(), "{line}");
            assert!(!fields[2].trim().is_empty(), "{line}");
            listed += 1;
        }
        assert!(listed >= 30);
    }

    /// The bonus each tier gives is `search::index`'s, tested there.
    #[test]
    fn known_tiers() {
        assert_eq!(tier(2740), 1); // all-ceramic crown
        assert_eq!(tier(6240), 2); // bridge pontic, PFM high noble
        assert_eq!(tier(2710), 0); // composite resin crown
    }
}
