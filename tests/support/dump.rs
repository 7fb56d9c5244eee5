// Every fact of a code set as text, one record a line. Shared by the
// overlay tests and the probe program they build with `CDT_CODES_DATA`,
// so a compiled and a loaded set can be compared line by line.

/// The whole set: its edition, then one line per record.
pub fn dump(set: &cdt_codes::CodeSet) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(out, "edition\t{}", set.edition());
    for p in set {
        let join = |items: Vec<String>| items.join(",");
        let _ = writeln!(
            out,
            "{}\t{}\t{:?}\t{:?}\t{:?}\t{:?}\t{:?}\t{:?}\t{}\t{}\t{}\t{}\t{}",
            p.code(),
            p.description(),
            p.nomenclature(),
            p.descriptor(),
            p.added(),
            p.deleted_in(),
            p.effective(),
            p.subcategory().map(|s| s.name()),
            p.subcategory_confirmed(),
            join(p.replaced_by().iter().map(ToString::to_string).collect()),
            join(p.revised_in().iter().map(ToString::to_string).collect()),
            join(p.unconfirmed().map(|f| f.to_string()).collect()),
            p.category(),
        );
    }
    out
}
