//! `CodeSet::load_with` on arbitrary small code files, laid over the
//! bundled data (`Mode::Overlay`) or replacing it (`Mode::Replace`).
//!
//! Input: one mode byte, then the code file.
//!
//! mode bit 0:    `Mode::Overlay` (0) or `Mode::Replace` (1);
//! mode bits 1-2: file name `codes.csv`, `codes.tsv`, `codes.txt` or
//!                `codes.TAB`;
//! mode bits 3-4: the edition asked for: none, the bundled newest, the one
//!                after it, or two after it (a gap the overlay refuses).
//!
//! Properties:
//! - no panic; an `Err` lists at least one problem and displays;
//! - `Ok`, overlay: every bundled code is still there, and every code the
//!   bundled data records as deleted keeps its history (added, deleted in,
//!   replacements); the set's edition is the newer of the bundled one and
//!   the file's; every warning displays;
//! - `Ok`, replace: exactly the codes `Dataset::with_file` gives.

#![no_main]

use cdt_codes::dataset::{Dataset, Mode, Options, Source};
use cdt_codes::{CodeSet, Edition, LoadError};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, codes)) = data.split_first() else {
        return;
    };
    let mode = if flags & 1 == 0 {
        Mode::Overlay
    } else {
        Mode::Replace
    };
    let name = ["codes.csv", "codes.tsv", "codes.txt", "codes.TAB"][usize::from((flags >> 1) & 3)];
    let bundled = CodeSet::compiled();
    let latest = bundled.edition();
    let edition = match (flags >> 3) & 3 {
        0 => None,
        1 => Some(latest),
        2 => latest.next(),
        _ => latest.next().and_then(Edition::next),
    };
    let options = Options::for_edition(edition);

    let loaded = CodeSet::load_with(name, codes, &options, mode);
    let set = match loaded {
        Ok(set) => set,
        Err(LoadError::Data(errors)) => {
            assert!(!errors.is_empty());
            assert!(!errors.to_string().is_empty());
            return;
        }
        Err(other) => panic!("loading bytes cannot fail to read: {other}"),
    };
    for warning in set.warnings() {
        let _ = warning.to_string();
    }
    match mode {
        Mode::Replace => {
            let (data, _) = Dataset::with_file(Source::new(name, codes), &options, mode)
                .expect("load_with succeeded");
            assert!(set
                .iter()
                .map(|p| p.code())
                .eq(data.procedures.iter().map(|r| r.code)));
        }
        _ => {
            assert!(set.edition() >= latest);
            if let Some(asked) = edition {
                assert_eq!(set.edition(), asked.max(latest));
            }
            for old in bundled.iter() {
                let new = set
                    .get(old.code())
                    .unwrap_or_else(|| panic!("{} lost by the overlay", old.code()));
                if old.deleted_in().is_some() {
                    assert_eq!(new.deleted_in(), old.deleted_in(), "{}", old.code());
                    assert_eq!(new.added(), old.added(), "{}", old.code());
                    assert_eq!(new.replaced_by(), old.replaced_by(), "{}", old.code());
                }
            }
        }
    }
});
