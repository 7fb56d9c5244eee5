//! Benchmarks of `cdt-codes` (see the `[[bench]]` targets and
//! `BENCHMARKS.md`). The library itself is empty: the member exists so that
//! criterion is a dependency of the benchmarks only.

#![forbid(unsafe_code)]

/// The everyday queries of the mix: what billers type most, several of
/// them matching a hundred codes or more.
pub const MIX: [&str; 25] = [
    "crown",
    "crown porcelain",
    "extraction",
    "bitewings",
    "night guard",
    "deep cleaning 4 teeth",
    "root canal molar",
    "filling",
    "implant",
    "denture",
    "x-ray",
    "cleaning",
    "bridge",
    "fmx",
    "sealant",
    "fluoride varnish",
    "wisdom teeth removal",
    "bone graft",
    "pfm crown",
    "periodic exam",
    "white filling back tooth",
    "tooth",
    "D2740",
    "srp",
    "pano",
];

/// The descriptions of every record, lower-cased once, beside their
/// records: what the fair naive scan reads.
pub fn lowered_descriptions() -> Vec<(String, cdt_codes::Procedure<'static>)> {
    cdt_codes::iter()
        .map(|p| (p.description().to_lowercase(), p))
        .collect()
}

/// The fair naive scan, the search benchmarks' baseline: descriptions
/// lower-cased once (outside the timed loop, see [`lowered_descriptions`]);
/// each query word lower-cased and checked with `contains`; the records in
/// force holding every word counted. What a competent engineer would write
/// without an index.
pub fn naive_scan(query: &str, lowered: &[(String, cdt_codes::Procedure<'static>)]) -> usize {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    lowered
        .iter()
        .filter(|(_, p)| p.is_active())
        .filter(|(text, _)| words.iter().all(|w| text.contains(w.as_str())))
        .count()
}

/// The first ten results of `query`, as the mix takes them.
pub fn first_ten(query: &str) -> Vec<cdt_codes::Procedure<'static>> {
    cdt_codes::search(query).take(10).collect()
}

/// The generated claim files the claims benchmarks read: the criterion
/// bench (`claims.rs`) and the instruction counts
/// (`examples/claims_instructions.rs`) use the same bytes.
pub mod claim_files {
    use std::fmt::Write as _;

    use cdt_codes::claims::ClaimChecker;
    use cdt_codes::Procedure;

    pub const LINES: usize = 200_000;

    /// A claim file in memory: mostly valid lines, with deleted, not yet in
    /// force, unknown, malformed and badly dated ones mixed in, some quoted.
    pub fn claims_csv() -> String {
        let active: Vec<String> = cdt_codes::iter()
            .filter(Procedure::is_active)
            .map(|p| p.code().to_string())
            .collect();
        let deleted: Vec<String> = cdt_codes::iter()
            .filter(|p| !p.is_active())
            .map(|p| p.code().to_string())
            .collect();
        let mut text = String::with_capacity(LINES * 48);
        text.push_str("line_id,patient,procedure_code,date_of_service,fee\n");
        let mut state: u32 = 0x9E37_79B9;
        for line in 0..LINES {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let pick = state as usize;
            let code = match line % 20 {
                0 => deleted[pick % deleted.len()].as_str(),
                1 => "D0426",
                2 => "D0000",
                3 => "D12A4",
                _ => active[pick % active.len()].as_str(),
            };
            let date = if line % 50 == 7 {
                "2026-02-30".to_string()
            } else {
                format!("2026-{:02}-{:02}", 1 + pick % 12, 1 + (pick >> 8) % 28)
            };
            let patient = if line % 4 == 0 {
                format!("\"Doe, J{}\"", pick % 1000)
            } else {
                format!("P{}", pick % 100_000)
            };
            // Writing to a String cannot fail.
            let _ = writeln!(text, "L{line:07},{patient},{code},{date},{}.00", pick % 900);
        }
        text
    }

    /// The CSV with a claim id column in front: four lines a claim.
    pub fn claims_with_ids(csv: &str) -> String {
        let mut out = String::with_capacity(csv.len() + LINES * 8);
        for (index, line) in csv.lines().enumerate() {
            if index == 0 {
                let _ = writeln!(out, "claim_id,{line}");
            } else {
                let _ = writeln!(out, "C{},{line}", (index - 1) / 4);
            }
        }
        out
    }

    /// The CSV with tooth, surfaces and quadrant columns filled as the code
    /// needs them (and now and then wrongly).
    pub fn claims_with_teeth(csv: &str) -> String {
        let mut text = String::with_capacity(csv.len() * 5 / 4);
        for (index, row) in csv.lines().enumerate() {
            if index == 0 {
                let _ = writeln!(text, "{row},tooth,surfaces,quadrant");
                continue;
            }
            let code = row.split(',').rev().nth(2).unwrap_or("");
            let extra = match cdt_codes::lookup(code).and_then(|p| p.reporting()) {
                Some(needs) if needs.surfaces().is_some() => ",3,MO,",
                Some(needs) if needs.allows(cdt_codes::Site::Tooth) => ",19,,",
                Some(needs) if needs.allows(cdt_codes::Site::Quadrant) => ",,,UR",
                _ if index % 7 == 0 => ",8,,",
                _ => ",,,",
            };
            let _ = writeln!(text, "{row}{extra}");
        }
        text
    }

    /// The same kind of lines as an X12 837D interchange: one claim of five
    /// service lines per patient, each line with its own date.
    pub fn claims_x12(csv: &str) -> String {
        let mut text = String::from(
            "ISA*00*          *00*          *ZZ*BENCHSUBMIT    *ZZ*BENCHPAYER     *260215*1030*^*00501*000000101*0*T*:~\n\
             GS*HC*BENCHSUBMIT*BENCHPAYER*20260215*1030*101*X*005010X224A2~\nST*837*0001*005010X224A2~\n",
        );
        // SE01 counts the segments from ST to SE.
        let mut segments = 1;
        for (index, row) in csv.lines().skip(1).enumerate() {
            let fields: Vec<&str> = row.split(',').collect();
            let (code, date) = (
                fields[fields.len() - 3],
                fields[fields.len() - 2].replace('-', ""),
            );
            if index % 5 == 0 {
                let _ = writeln!(text, "CLM*C{index:07}*100***11:B:1*Y*A*Y*Y~");
                segments += 1;
            }
            let _ = writeln!(
                text,
                "LX*{}~\nSV3*AD:{code}*50****1~\nTOO*JP*3*M:O~\nDTP*472*D8*{date}~",
                index % 5 + 1
            );
            segments += 4;
        }
        let _ = write!(
            text,
            "SE*{}*0001~\nGE*1*101~\nIEA*1*000000101~\n",
            segments + 1
        );
        text
    }

    /// Checks every line; the number of lines not valid.
    pub fn check_all(bytes: &[u8]) -> usize {
        let mut checker = ClaimChecker::new(bytes).unwrap();
        let rejected = checker
            .by_ref()
            .filter(|line| !line.as_ref().is_ok_and(|report| report.is_valid()))
            .count();
        assert_eq!(checker.summary().lines(), LINES as u64);
        rejected
    }

    /// Checks every line through the lent reports
    /// ([`ClaimChecker::next_report`]); the number of lines not valid.
    pub fn check_all_lent(bytes: &[u8]) -> usize {
        let mut checker = ClaimChecker::new(bytes).unwrap();
        let mut rejected = 0;
        while let Some(line) = checker.next_report() {
            rejected += usize::from(!line.is_ok_and(|report| report.is_valid()));
        }
        assert_eq!(checker.summary().lines(), LINES as u64);
        rejected
    }
}
