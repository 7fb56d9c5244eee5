//! Claim checking against realistic inputs of our own: a CSV with every
//! kind of problem, a tab-separated practice-management export with US
//! dates, and an X12 837D interchange in three delimiter styles.
#![cfg(feature = "std")]

#[path = "support/examples.rs"]
mod examples;

use std::path::PathBuf;
use std::process::Command;

use cdt_codes::claims::{
    CheckOptions, ClaimChecker, ClaimColumn, DateSource, FileKind, Format, HeaderError, LineError,
    LineReport, Outcome, Summary, ToothNumbering, Verdict,
};
use cdt_codes::dataset::Delimiter;
use cdt_codes::{CodeSet, Edition, ReportingProblem, Validity};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap()
}

/// Every report and error, as text, and the summary.
fn run(bytes: &[u8], options: &CheckOptions) -> (Vec<String>, Summary) {
    let mut checker = ClaimChecker::with_options(bytes, CodeSet::compiled(), options).unwrap();
    let mut lines = Vec::new();
    for item in checker.by_ref() {
        lines.push(match item {
            Ok(report) => report.to_string(),
            Err(error) => error.to_string(),
        });
    }
    (lines, checker.summary())
}

/// The checker's envelope warnings, as text.
fn envelope_warnings<R: std::io::BufRead>(checker: &ClaimChecker<'_, R>) -> Vec<String> {
    checker
        .envelope_warnings()
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn reports(bytes: &[u8]) -> Vec<LineReport<'static>> {
    ClaimChecker::new(bytes)
        .unwrap()
        .filter_map(Result::ok)
        .collect()
}

/// The verdict of each report, in order.
fn verdicts_of(reports: &[LineReport<'_>]) -> Vec<Verdict> {
    reports.iter().map(LineReport::verdict).collect()
}

#[test]
fn the_csv_fixture_reports_every_problem() {
    let (lines, summary) = run(&read("claims.csv"), &CheckOptions::default());
    let rejected: Vec<&String> = lines.iter().filter(|l| !l.contains(" is valid")).collect();
    assert_eq!(
        rejected,
        [
            "line L002 (2026-01-15): malformed code: a CDT code has digits after the 'D', found 'A' at position 4",
            "line L003 (2026-01-15): D0000 is not a CDT code in the data",
            "line L004 (2026-02-01): D1352 was deleted in CDT 2026; report D2391 instead",
            "line L005 (2025-06-01): D0426 was not yet in force: it was added in CDT 2026",
            "line 8: unterminated quote in field 3; row skipped",
            "line 9: 3 fields where the header has 4; row skipped",
            "line L009 (2026-02-30): bad date of service \"2026-02-30\": day 30 does not exist in 2026-02",
            "line L011 (2026-03-02): D8050 was deleted in CDT 2022; report D8010, D8020, D8030 or D8040 instead",
            "line L012 (2026-01-05): D1705 was deleted in CDT 2026; no code replaces it: it named one vaccine product, and no code was added for that product (the other COVID-19 vaccine codes stay in force)",
        ]
    );
    assert_eq!(
        summary.to_string(),
        "lines read: 12 (errors: 9, warnings: 0); valid: 3, malformed code: 1, unknown code: 1, \
         deleted: 3, not yet in force: 1, bad date: 1, no date: 0, outside the data: 0, \
         not CDT: 0, tooth/surface/area: 0, in conflict: 0, unreadable: 2; \
         checks skipped: tooth (no tooth column), surfaces (no surfaces column), area (no area column), \
         claim-level edits (no claim or patient column)"
    );
    assert_eq!(summary.rejected(), 9);
}

#[test]
fn a_tab_separated_export_with_us_dates_and_claim_ids() {
    let bytes = read("claims_export.tsv");
    let checker = ClaimChecker::new(bytes.as_slice()).unwrap();
    assert_eq!(checker.format(), Format::Delimited(Delimiter::Tab));
    let all: Vec<LineReport<'_>> = checker.filter_map(Result::ok).collect();
    assert_eq!(all.len(), 8);
    // No line-id column: the file line stands in; the claim id is kept.
    assert_eq!(
        (all[0].claim.as_deref(), all[0].line.as_str()),
        (Some("C100"), "2")
    );
    assert!(all[0].is_valid());
    // Teeth, surfaces and the area are read when the file has them.
    assert_eq!(
        (
            all[1].teeth[0].tooth.as_str(),
            all[1].teeth[0].surfaces.as_str()
        ),
        ("3", "MO")
    );
    assert_eq!(all[3].areas, ["UR"]);
    // M/D/YYYY and YYYYMMDD dates.
    assert!(matches!(
        all[2].outcome,
        Outcome::Checked(Validity::Deleted { .. })
    ));
    assert!(all[3].is_valid());
    // 2027 and 1999 lie outside the data: not valid, not invalid.
    assert_eq!(all[4].outcome.kind(), "outside_data");
    assert_eq!(all[5].outcome.kind(), "outside_data");
    assert!(all[4]
        .to_string()
        .starts_with("C103 line 6 (03/01/2027): D3330 cannot be checked"));
    // 13/01/2026 is not a US date.
    assert!(matches!(all[6].outcome, Outcome::BadDate(_)));
    assert!(all[7].is_valid());
}

#[test]
fn outside_the_data_is_counted_apart_unless_the_latest_edition_is_assumed() {
    let bytes = read("claims_export.tsv");
    let (_, summary) = run(&bytes, &CheckOptions::default());
    assert_eq!(summary.outside_data, 2);
    assert_eq!(summary.valid, 4);
    let (lines, assumed) = run(&bytes, &CheckOptions::default().assume_latest(true));
    // The 2027 line is judged by CDT 2026 and says so; 1999 stays outside.
    assert_eq!(assumed.outside_data, 1);
    assert_eq!(assumed.assumed_latest, 1);
    assert_eq!(assumed.valid, 5);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("judged by the newest edition")),
        "{lines:?}"
    );
}

#[test]
fn every_delimiter_is_detected_or_forced() {
    for (delimiter, separator) in [
        (Delimiter::Comma, ","),
        (Delimiter::Tab, "\t"),
        (Delimiter::Semicolon, ";"),
        (Delimiter::Pipe, "|"),
    ] {
        let text = ["claim_id", "procedure_code", "date_of_service"].join(separator)
            + "\n"
            + &["C1", "D0120", "2026-01-15"].join(separator)
            + "\n";
        let checker = ClaimChecker::new(text.as_bytes()).unwrap();
        assert_eq!(checker.format(), Format::Delimited(delimiter));
        assert_eq!(
            checker
                .filter(|r| r.as_ref().is_ok_and(LineReport::is_valid))
                .count(),
            1
        );
    }
    // Forcing the wrong delimiter reads a one-column header, which names
    // no column the checker knows.
    let forced = CheckOptions::default().delimiter(Delimiter::Pipe);
    let error = ClaimChecker::with_options("code,dos\n".as_bytes(), CodeSet::compiled(), &forced)
        .unwrap_err();
    assert!(matches!(
        error,
        HeaderError::MissingColumn {
            column: ClaimColumn::Code,
            ..
        }
    ));
}

#[test]
fn columns_can_be_named_by_the_caller() {
    let text = "Proc Cd,Svc Dt,Clm\nD0120,01/15/2026,X9\n";
    assert!(ClaimChecker::new(text.as_bytes()).is_err());
    let options = CheckOptions::default()
        .column(ClaimColumn::Code, "Proc Cd")
        .column(ClaimColumn::Date, "svc-dt")
        .column(ClaimColumn::Claim, "CLM");
    let (lines, summary) = run(text.as_bytes(), &options);
    assert_eq!(summary.valid, 1, "{lines:?}");
    assert!(lines[0].starts_with("X9 line 2"), "{lines:?}");
    let wrong = CheckOptions::default().column(ClaimColumn::Code, "Procedure");
    let error =
        ClaimChecker::with_options(text.as_bytes(), CodeSet::compiled(), &wrong).unwrap_err();
    assert!(
        error.to_string().contains("looked for \"procedure\""),
        "{error}"
    );
}

#[test]
fn header_problems_are_errors() {
    assert!(matches!(
        ClaimChecker::new(&b""[..]),
        Err(HeaderError::Empty)
    ));
    assert!(matches!(
        ClaimChecker::new(&b"\n\n"[..]),
        Err(HeaderError::Empty)
    ));
    let error = ClaimChecker::new(&b"code,code,dos\n"[..]).unwrap_err();
    assert!(matches!(
        error,
        HeaderError::DuplicateColumn {
            column: ClaimColumn::Code,
            ..
        }
    ));
    let error = ClaimChecker::new(&b"line,dos\n"[..]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the header has no procedure_code column; it reads: line | dos"
    );
    assert!(matches!(
        ClaimChecker::new(&b"ISA*00*x~"[..]),
        Err(HeaderError::X12(_))
    ));
}

#[test]
fn the_three_x12_styles_read_alike() {
    let lines = |name: &str| -> Vec<String> {
        reports(&read(name))
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    let plain = lines("claims.837");
    assert_eq!(plain.len(), 7);
    assert_eq!(plain, lines("claims_one_line.837"));
    assert_eq!(plain, lines("claims_alt_delims.837"));
}

#[test]
fn x12_lines_carry_claim_line_date_teeth_and_area() {
    let bytes = read("claims.837");
    let checker = ClaimChecker::new(bytes.as_slice()).unwrap();
    assert_eq!(checker.format(), Format::X12);
    let all: Vec<LineReport<'_>> = checker.filter_map(Result::ok).collect();
    // CLAIM001 line 2: the claim's date, tooth 30 with surfaces M and O.
    let d2391 = &all[1];
    assert_eq!(
        (d2391.claim.as_deref(), d2391.line.as_str()),
        (Some("CLAIM001"), "2")
    );
    assert_eq!(d2391.date, "20260115");
    assert_eq!(
        (
            d2391.teeth[0].tooth.as_str(),
            d2391.teeth[0].surfaces.as_str()
        ),
        ("30", "MO")
    );
    // CLAIM002 line 1: the line's own date wins over the claim's.
    let d1352 = &all[2];
    assert_eq!(d1352.date, "20260201");
    assert_eq!(
        d1352.to_string(),
        "CLAIM002 line 1 (20260201): D1352 was deleted in CDT 2026; report D2391 instead"
    );
    // CLAIM002 line 2: SV304 area 10 (upper right quadrant).
    assert_eq!(all[3].areas, ["10"]);
    assert!(all[3].is_valid());
    // CLAIM003: a range date (RD8) is kept whole and judged on each day's
    // edition.
    assert_eq!(all[4].date, "20260203-20260205");
    assert!(matches!(
        all[4].outcome,
        Outcome::Checked(Validity::Unknown(_))
    ));
    assert!(all.iter().all(|r| r.position > 0));
}

#[test]
fn malformed_x12_segments_are_reported_and_skipped() {
    let text = "ISA*00*          *00*          *ZZ*A              *ZZ*B              *260215*1030*^*00501*000000101*0*T*:~\
GS*HC*A*B*20260215*1030*101*X*005010X224A2~ST*837*0001*005010X224A2~\
CLM*C1*10***11:B:1*Y*A*Y*Y~DTP*472*D8*20260115~SV3*AD:D0120*5~\
LX*1~SV3*AD:D0120*55~LX*2~SV3*HC:99213*80~LX*3~SV3*AD:D0140*5~SE*9*0001~GE*1*101~IEA*1*000000101~";
    let mut checker = ClaimChecker::new(text.as_bytes()).unwrap();
    let items: Vec<Result<LineReport<'_>, LineError>> = checker.by_ref().collect();
    let errors: Vec<&LineError> = items.iter().filter_map(|i| i.as_ref().err()).collect();
    assert!(!errors.is_empty());
    assert!(errors.iter().all(|e| e.position() > 0 && !e.is_io()));
    let good: Vec<&LineReport<'_>> = items.iter().filter_map(|i| i.as_ref().ok()).collect();
    assert!(good.iter().any(|r| r.code == "D0120" && r.is_valid()));
    assert!(good
        .iter()
        .any(|r| matches!(&r.outcome, Outcome::NotCdt { qualifier } if qualifier == "HC")));
    let summary = checker.summary();
    assert_eq!(summary.unreadable, errors.len() as u64);
    assert_eq!(summary.not_cdt, 1);
}

/// HCPCS Level II holds the CDT codes as its D codes, so `HC:D0150` names
/// the CDT code D0150: judged as such, the 837D's qualifier (`AD`) said in
/// an envelope warning and a note. A CPT code under `HC` stays not CDT.
#[test]
fn a_cdt_code_under_the_hcpcs_qualifier_is_judged_as_cdt() {
    let text = "ISA*00*          *00*          *ZZ*A              *ZZ*B              *260215*1030*^*00501*000000101*0*T*:~\
GS*HC*A*B*20260215*1030*101*X*005010X224A2~ST*837*0001*005010X224A2~\
CLM*C1*10***11:B:1*Y*A*Y*Y~DTP*472*D8*20260115~\
LX*1~SV3*HC:D0150*80~TOO*JP*14~LX*2~SV3*HC:D2391*90~TOO*JP*30*O~LX*3~SV3*HC:99213*80~\
SE*12*0001~GE*1*101~IEA*1*000000101~";
    let mut checker = ClaimChecker::new(text.as_bytes()).unwrap();
    let all: Vec<LineReport<'_>> = checker.by_ref().map(Result::unwrap).collect();
    let verdicts = verdicts_of(&all);
    // D0150 takes no tooth (a warning now that it is judged); D2391 on 30 O is right.
    assert_eq!(
        verdicts,
        [Verdict::Reporting, Verdict::Valid, Verdict::NotCdt]
    );
    assert_eq!(
        all[1].notes,
        ["\"HC:D2391\" read as the CDT code D2391: HCPCS Level II holds the CDT codes as its D codes"]
    );
    let warnings = envelope_warnings(&checker);
    assert_eq!(
        warnings,
        [
            "segment 7: SV301 qualifier HC (HCPCS) with D0150: the 837D's code list is AD",
            "segment 10: SV301 qualifier HC (HCPCS) with D2391: the 837D's code list is AD",
        ]
    );
}

/// An 837 transaction set or functional group quoted without its
/// interchange, from `ST` to `SE` (as a public M test routine,
/// `EFU837SPECT`, quotes its dental sample `SAMPLED`:
/// `ST*837*1*005010X224A2~BHT*...~SE*14*1~`), is
/// read with the delimiters of its first segment, segments ended by a
/// terminator or one a line, and an envelope warning says it had no `ISA`;
/// a CSV whose first column is a state (`ST`) is still a CSV.
#[test]
fn an_x12_transaction_without_its_isa_is_read_with_a_warning() {
    let body = [
        "BHT*0019*00*1*20260115*1200*CH",
        "HL*1**20*1",
        "HL*2*1*22*0",
        "CLM*C1*150***11:B:1*Y*A*Y*Y",
        "DTP*472*D8*20260115",
        "LX*1",
        "SV3*AD:D2391*150",
        "TOO*JP*30*O",
        "LX*2",
        "SV3*AD:D0120*50",
    ];
    let st = "ST*837*0001*005010X224A2";
    let se = format!("SE*{}*0001", body.len() + 2);
    let tilde = format!("{st}~{}~{se}~", body.join("~"));
    let lines = format!("{st}\n{}\n{se}\n", body.join("\n"));
    let piped = tilde.replace('*', "|");
    let group = format!("GS*HC*A*B*20260115*1200*7*X*005010X224A2~{tilde}GE*1*7~");
    for text in [
        tilde.clone(),
        lines,
        piped,
        group,
        format!("\u{FEFF}  {tilde}"),
    ] {
        let mut checker = ClaimChecker::new(text.as_bytes()).expect(&text);
        let all: Vec<LineReport<'static>> = checker.by_ref().map(Result::unwrap).collect();
        let codes: Vec<&str> = all.iter().map(|report| report.code.as_str()).collect();
        assert_eq!(codes, ["D2391", "D0120"], "{text}");
        assert!(all.iter().all(LineReport::is_valid), "{text}");
        let warnings = envelope_warnings(&checker);
        assert_eq!(warnings.len(), 1, "{text}: {warnings:?}");
        assert!(warnings[0].contains("no ISA"), "{warnings:?}");
    }
    // The segment numbers are the file's: the SE count checks out, and
    // one that does not is named by its own number.
    let wrong = tilde.replace(&se, "SE*99*0001");
    let mut checker = ClaimChecker::new(wrong.as_bytes()).unwrap();
    for _ in checker.by_ref() {}
    let warnings = envelope_warnings(&checker);
    assert!(
        warnings.iter().any(|w| w.contains("segment 12")
            && w.contains("SE01 says 99 segments; the transaction set has 12")),
        "{warnings:?}"
    );
    // The component separator only an `ISA` declares: the first `SV301`
    // shows it when it is not the `:` assumed (`AD>D2391`), and the
    // composites are read with it from there on.
    let other = tilde.replace(':', ">");
    let mut checker = ClaimChecker::new(other.as_bytes()).unwrap();
    let all: Vec<LineReport<'static>> = checker.by_ref().map(Result::unwrap).collect();
    let codes: Vec<&str> = all.iter().map(|report| report.code.as_str()).collect();
    assert_eq!(codes, ["D2391", "D0120"], "{other}");
    assert!(all.iter().all(LineReport::is_valid), "{other}");
    let warnings = envelope_warnings(&checker);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[1].contains("SV301 AD>D2391 shows > as the component separator"),
        "{warnings:?}"
    );
    // One whose delimiters cannot be told apart (`:` as the element
    // separator, the component separator assumed) is still refused as X12
    // without an ISA, not read as a CSV header.
    let error = ClaimChecker::new(&b"ST:837:0001~BHT:0019~"[..]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the X12 interchange cannot be read: segment 1: the input does not start with an ISA segment"
    );
    let csv = "ST,code,dos\nWA,D0120,2026-01-15\n";
    assert_eq!(reports(csv.as_bytes()).len(), 1);
}

/// A 4010 837 named the guide again in its header's `REF*87`: a public
/// copy of the 4010 dental guide's examples (`OopFactory.X12`'s, in `Inteligenz/X12Parser`:
/// `_837D/_4010/Spec_*.txt`) wraps them in a `GS08` of the institutional
/// guide; their `REF*87` names `004010X097`, the dental one. Read as dental
/// with an envelope warning; without such a `REF*87`, refused as before.
#[test]
fn a_4010_transaction_whose_ref87_names_the_dental_guide_is_read() {
    let isa = "ISA*00*          *00*          *01*SENDER         *01*RECEIVER       *251216*1144*U*00401*000000031*1*T*:~";
    let body = |ref87: &str| {
        format!(
            "{isa}GS*HC*S*R*20251216*1615*31*X*004010X096A1~ST*837*3456~\
             BHT*0019*00*0123*20251210*1023*CH~{ref87}NM1*41*2*BILLING SERVICE*****46*TGJ23~\
             HL*1**20*1~NM1*85*2*DENTAL GROUP*****24*587654321~HL*2*1*22*0~SBR*P*18*******CI~\
             CLM*26407789*100***11::1*Y*A*Y*Y~DTP*472*D8*20251208~LX*1~SV3*AD:D2150*100****1~\
             TOO*JP*12*M:O~SE*13*3456~GE*1*31~IEA*1*000000031~"
        )
    };
    let text = body("REF*87*004010X097~");
    let mut checker = ClaimChecker::new(text.as_bytes()).unwrap();
    let all: Vec<LineReport<'_>> = checker.by_ref().map(Result::unwrap).collect();
    assert_eq!(all.len(), 1);
    assert!(all[0].is_valid(), "{}", all[0].message());
    assert_eq!(
        checker.envelope_warnings()[0].problem,
        "GS08 004010X096A1 names another guide; the transaction's REF*87 names 004010X097, \
         the 4010 dental guide: read as dental"
    );
    for other in ["", "REF*87*004010X096~"] {
        let error = ClaimChecker::new(body(other).as_bytes()).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("837 institutional claim (004010X096A1)"),
            "{error}"
        );
    }
}

#[test]
fn a_loaded_code_set_judges_its_own_edition() {
    let set = CodeSet::from_path(
        fixture("licensed/cdt2027_test.csv"),
        Edition::new(2027).unwrap(),
    )
    .unwrap();
    let text = "code,dos\nD0140,2027-03-01\nD0413,2027-03-01\nD0120,2027-03-01\n";
    let all: Vec<LineReport<'_>> = ClaimChecker::with_set(text.as_bytes(), &set)
        .unwrap()
        .filter_map(Result::ok)
        .collect();
    assert_eq!(all[0].outcome.kind(), "deleted");
    assert!(all[1].is_valid() && all[2].is_valid());
}

#[test]
fn reports_are_owned_and_collectable() {
    let reports: Vec<LineReport<'static>> = reports(&read("claims.csv"));
    drop(read("claims.csv"));
    assert_eq!(reports.len(), 10);
    assert_eq!(reports[0].code, "D0120");
}

#[test]
fn arbitrary_bytes_never_panic() {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    for round in 0..300 {
        let mut bytes = b"claim,code,dos,tooth\n".to_vec();
        if round % 3 == 0 {
            bytes = read("claims.837");
        }
        for _ in 0..(round % 97) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let position = usize::try_from(state % (bytes.len() as u64 + 1)).unwrap();
            bytes.insert(position, state.to_le_bytes()[4]);
        }
        if let Ok(checker) = ClaimChecker::new(bytes.as_slice()) {
            for _ in checker {}
        }
    }
}

/// The example binary, built once per test run with the features it
/// needs (serde, for JSON): the binary `cargo test` left behind may have
/// been built with other features.
fn check_claims() -> Command {
    static BUILT: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    let dir = BUILT.get_or_init(|| examples::build(&["check_claims"]));
    Command::new(dir.join("check_claims"))
}

#[test]
fn the_example_exit_codes_and_formats() {
    let run = |args: &[&str]| check_claims().args(args).output().unwrap();
    let csv = fixture("claims.csv");
    let csv = csv.to_str().unwrap();
    let ok = run(&[csv]);
    assert_eq!(ok.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&ok.stdout).contains("unreadable: 2;"));
    assert_eq!(run(&["--strict", csv]).status.code(), Some(1));
    assert_eq!(run(&["no-such-file.csv"]).status.code(), Some(2));
    assert_eq!(run(&["--format", "yaml", csv]).status.code(), Some(2));
    assert_eq!(run(&["--tooth-colum", "Tooth", csv]).status.code(), Some(2));
    // A column named on the command line that the header lacks.
    assert_eq!(
        run(&["--tooth-column", "Tooth Nmbr", csv]).status.code(),
        Some(2)
    );
    let help = run(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).starts_with("usage: check_claims"));
    // With --format json a fatal error is one JSON object on stdout.
    let missing = run(&["--format", "json", "no-such-file.csv"]);
    assert_eq!(missing.status.code(), Some(2));
    let text = String::from_utf8_lossy(&missing.stdout);
    assert!(
        text.starts_with(r#"{"error":"unreadable_file","message":"no-such-file.csv: cannot open"#),
        "{text}"
    );
    assert!(text.trim_end().ends_with(r#""status":2}"#), "{text}");
    // --strict on a file without a claim line fails.
    let empty = std::env::temp_dir().join("cdt-codes-no-claim-lines.csv");
    std::fs::write(&empty, "code,dos\n").unwrap();
    assert_eq!(run(&[empty.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(
        run(&["--strict", empty.to_str().unwrap()]).status.code(),
        Some(1)
    );

    let valid = std::env::temp_dir().join("cdt-codes-valid-claims.csv");
    std::fs::write(&valid, "code,dos\nD0120,2026-01-15\n").unwrap();
    assert_eq!(
        run(&["--strict", valid.to_str().unwrap()]).status.code(),
        Some(0)
    );

    let table = run(&["--format", "csv", csv]);
    let text = String::from_utf8_lossy(&table.stdout);
    let mut rows = text.lines();
    assert_eq!(
        rows.next(),
        Some("position,claim,line,code,date,date_source,verdict,severity,message,replaced_by,teeth,surfaces,areas,problems,conflicts,notes")
    );
    assert!(text.contains("5,,L004,D1352,2026-02-01,column,deleted,error,D1352 was deleted in CDT 2026; report D2391 instead,D2391,"), "{text}");
    assert!(text.contains(",unreadable,error,"), "{text}");

    let x12 = fixture("claims.837");
    let out = run(&["--format", "csv", x12.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stdout)
        .contains(",CLAIM002,1,D1352,20260201,line,deleted,error,"));
}

#[test]
fn every_column_can_be_named_on_the_example_command_line() {
    // A tooth system under a name no list has: unnamed, tooth 21 is read
    // as Universal 21 (a lower premolar) and the anterior root canal
    // fails; named, it is ISO 21 (the upper left central incisor).
    let file = std::env::temp_dir().join("cdt-codes-named-columns.csv");
    std::fs::write(
        &file,
        "Visit,Who,Proc,Served,Served To,Numbering,Tooth,Teeth\n\
         V1,P1,D3310,2026-01-15,2026-01-15,JO,21,\n",
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let run = |args: &[&str]| {
        let mut all = vec![
            "--format",
            "csv",
            "--code-column",
            "Proc",
            "--date-column",
            "Served",
        ];
        all.extend_from_slice(args);
        all.push(file);
        let out = check_claims().args(&all).output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (status, text) = run(&[]);
    assert_eq!(status, Some(0), "{text}");
    assert!(
        text.contains(",D3310,2026-01-15,column,reporting,error,"),
        "{text}"
    );
    let (status, text) = run(&[
        "--tooth-system-column",
        "Numbering",
        "--date-end-column",
        "Served To",
        "--tooth-range-column",
        "Teeth",
        "--patient-column",
        "Who",
        "--claim-column",
        "Visit",
    ]);
    assert_eq!(status, Some(0), "{text}");
    assert!(
        text.contains(",V1,2,D3310,2026-01-15,column,valid,,"),
        "{text}"
    );
    // A name the header lacks is a usage error, as for the other columns.
    let (status, _) = run(&["--tooth-system-column", "System"]);
    assert_eq!(status, Some(2));
}

#[test]
fn the_example_writes_json_lines() {
    // The binary is built with serde whatever this test's features.
    // Built with the test's features: JSON needs serde.
    let csv = fixture("claims.csv");
    let out = check_claims()
        .args(["--format", "json", csv.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let values: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(values.len(), 13);
    let d1352 = values.iter().find(|v| v["code"] == "D1352").unwrap();
    assert_eq!(d1352["verdict"], "deleted");
    assert_eq!(d1352["replaced_by"], serde_json::json!(["D2391"]));
    assert_eq!(d1352["line"], "L004");
    assert!(values
        .iter()
        .any(|v| v["verdict"] == "unreadable" && v["position"] == 8));
    assert_eq!(values.last().unwrap()["summary"]["rejected"], 9);
}

#[test]
fn readme_shows_the_real_output_for_the_fixtures() {
    let readme = include_str!("../README.md");
    for name in [
        "claims.csv",
        "claims.837",
        "claims_teeth.csv",
        "claims_edits.csv",
    ] {
        let (lines, summary) = run(&read(name), &CheckOptions::default());
        for line in lines.iter().filter(|l| !l.contains(" is valid")) {
            assert!(readme.contains(line.as_str()), "README lacks: {line}");
        }
        assert!(
            readme.contains(&summary.to_string()),
            "README lacks: {summary}"
        );
    }
}

#[test]
fn tooth_systems_are_read_by_their_names_and_an_unknown_one_is_not_guessed() {
    let csv = "code,dos,tooth,tooth_system\n\
               D3310,2026-01-15,21,FDI\n\
               D3310,2026-01-15,21,ISO\n\
               D3310,2026-01-15,8,Universal\n\
               D3310,2026-01-15,8,XYZ\n\
               D3310,2026-01-15,8,\n";
    let all = reports(csv.as_bytes());
    let verdicts = verdicts_of(&all);
    // FDI and ISO name the ISO 3950 numbering: 21 is an upper incisor.
    assert_eq!(
        verdicts,
        [
            Verdict::Valid,
            Verdict::Valid,
            Verdict::Valid,
            Verdict::Reporting,
            Verdict::Valid
        ]
    );
    assert_eq!(
        all[0].notes,
        ["ISO 3950 tooth 21 (tooth system FDI) read as Universal 9"]
    );
    // A system the checker does not know: the tooth is not read as a
    // Universal number, and the note says why.
    assert_eq!(
        all[3].notes,
        ["tooth system XYZ is neither Universal (JP) nor ISO 3950 (JO, FDI): its teeth are not read"]
    );
    assert!(all[3].message().contains("XYZ"), "{}", all[3].message());
}

#[test]
fn an_x12_tooth_in_an_unknown_system_is_not_read_as_universal() {
    let x12 = "ISA*00*          *00*          *ZZ*S              *ZZ*R              \
               *260215*1030*^*00501*000000001*0*T*:~GS*HC*S*R*20260215*1030*1*X*005010X224A2~\
               ST*837*0001*005010X224A2~CLM*C1*10~DTP*472*D8*20260115~\
               LX*1~SV3*AD:D3310*10~TOO*ZZ*8~SE*7*0001~GE*1*1~IEA*1*000000001~";
    let all = reports(x12.as_bytes());
    assert_eq!(all.len(), 1);
    // Read as Universal, 8 would be an incisor and the line valid.
    assert_eq!(all[0].verdict(), Verdict::Reporting);
    assert_eq!(
        all[0].notes,
        ["tooth system ZZ is neither Universal (JP) nor ISO 3950 (JO, FDI): its teeth are not read"]
    );
    // The tooth is shown with its system, not read as a tooth letter `ZZ`
    // (which the message said when the system came first).
    assert_eq!(all[0].teeth[0].tooth, "8(ZZ)");
    assert!(
        all[0].message().starts_with("\"8(ZZ)\" is not a tooth"),
        "{}",
        all[0].message()
    );
}

#[test]
fn a_quadrant_in_the_tooth_column_of_a_quadrant_code_is_its_area() {
    let csv = "code,dos,tooth\n\
               D4341,2026-01-15,UR\n\
               D4341,2026-01-15,10\n\
               D2391,2026-01-15,UR\n";
    let all = reports(csv.as_bytes());
    assert_eq!(all[0].verdict(), Verdict::Valid, "{}", all[0].message());
    assert_eq!(all[0].areas, ["UR"]);
    assert_eq!(
        all[0].notes,
        ["\"UR\" given as the tooth read as the area of the oral cavity UR"]
    );
    // A number is a tooth (10 is the upper left lateral incisor), never
    // taken for the quadrant code 10; a code for a tooth keeps the error.
    assert_eq!(all[1].verdict(), Verdict::Reporting);
    assert_eq!(all[2].verdict(), Verdict::Reporting);
}

#[test]
fn areas_written_out_in_words_are_read() {
    // Epic's EHI export writes areas by name: `Upper right quadrant`,
    // `Mandibular arch` (DENT_ORD_NOADD.DENTAL_PROC_AREA_C_NAME), a quadrant
    // as `Upper Right` and an arch as `Upper` (DENTAL_PROCEDURE_HX); CMS's
    // T-MSIS claims name code 01 `Maxillary Area`.
    let csv = "code,dos,area\n\
               D4341,2026-01-15,Upper right quadrant\n\
               D4341,2026-01-15,Lower Left\n\
               D5110,2026-01-15,Maxillary Area\n\
               D5110,2026-01-15,Upper\n\
               D5110,2026-01-15,Mandibular arch\n\
               D4341,2026-01-15,upper_left_sextant\n\
               D4341,2026-01-15,Upper Rihgt\n";
    let all = reports(csv.as_bytes());
    for (at, report) in all.iter().enumerate().take(4) {
        assert_eq!(
            report.verdict(),
            Verdict::Valid,
            "{at}: {}",
            report.message()
        );
    }
    // Read, and so checked: a maxillary denture on the lower arch, a
    // sextant on a per-quadrant code, and a misspelling all stay wrong.
    assert_eq!(all[4].verdict(), Verdict::Reporting);
    assert!(
        all[4].message().contains("lower arch"),
        "{}",
        all[4].message()
    );
    assert_eq!(all[5].verdict(), Verdict::Reporting, "{}", all[5].message());
    assert_eq!(all[6].verdict(), Verdict::Reporting);
    assert!(
        all[6].message().contains("Upper Rihgt"),
        "{}",
        all[6].message()
    );
}

#[test]
fn a_file_of_a_kind_the_checker_does_not_read_is_named() {
    // A workbook, a PDF, JSON, XML or UTF-16 without its mark given for a
    // CSV: each said for what it is, from its first bytes, not taken for a
    // header without a code.
    let cases: [(&[u8], FileKind, &str); 7] = [
        (
            b"PK\x03\x04\x14\x00\x06\x00",
            FileKind::Zip,
            "a ZIP archive",
        ),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00",
            FileKind::Compound,
            "an Excel 97-2003 workbook",
        ),
        (b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", FileKind::Pdf, "a PDF"),
        (b"[{\"code\": \"D2391\"}]\n", FileKind::Json, "JSON"),
        (
            b"\xEF\xBB\xBF\n  {\"code\": \"D2391\"}\n",
            FileKind::Json,
            "JSON",
        ),
        (b"<?xml version=\"1.0\"?>\n<Claim/>\n", FileKind::Xml, "XML"),
        // UTF-16LE with no byte-order mark: its byte order unsaid.
        (
            b"c\0o\0d\0e\0,\0d\0o\0s\0\r\0\n\0D\x000\x001\x002\x000\0",
            FileKind::Utf16WithoutMark,
            "UTF-16 text without a byte-order mark",
        ),
    ];
    for (bytes, kind, words) in cases {
        let error = ClaimChecker::new(bytes).expect_err("refused");
        assert!(
            matches!(error, HeaderError::Unreadable(found) if found == kind),
            "{error}"
        );
        let message = error.to_string();
        assert!(message.contains(words), "{message}");
        assert!(message.contains("CSV"), "{message}");
    }
    // A header that merely starts with such a byte is still a header.
    let csv = "{code},date\nD0120,2026-01-15\n";
    assert!(matches!(
        ClaimChecker::new(csv.as_bytes()).err(),
        Some(HeaderError::MissingColumn { .. })
    ));
    let csv = "code,date\nD0120,2026-01-15\n";
    assert!(ClaimChecker::new(csv.as_bytes()).is_ok());
}

#[test]
fn separate_arch_quadrant_and_area_columns_are_all_read() {
    // The Diamond claims system's tooth history keeps `arch`, `quadrant`
    // and `oralCavity` side by side (greensky-code/diamond-latest,
    // tooth-history.model.ts); Epic's EHI keeps a procedure's arch and
    // quadrant apart too (DENTAL_PROCEDURE_HX). A line fills the one its
    // code takes; the file used to be refused for naming the area thrice.
    let csv = "procedureCode,dateOfService,toothNumber,arch,quadrant,oralCavity\n\
               D5110,2026-01-15,,Upper,,\n\
               D4341,2026-01-15,,,Upper Right,\n\
               D5110,2026-01-15,,Lower,,\n\
               D4341,2026-01-15,,,10,10\n\
               D4341,2026-01-15,,,10,20\n\
               D0120,2026-01-15,,,,\n";
    let all = reports(csv.as_bytes());
    assert_eq!(all[0].verdict(), Verdict::Valid, "{}", all[0].message());
    assert_eq!(all[0].areas, ["Upper"]);
    assert_eq!(all[1].verdict(), Verdict::Valid, "{}", all[1].message());
    assert_eq!(all[2].verdict(), Verdict::Reporting, "{}", all[2].message());
    // The same area twice is one area; two areas on a per-quadrant line
    // are an error.
    assert_eq!(all[3].areas, ["10"]);
    assert_eq!(all[3].verdict(), Verdict::Valid, "{}", all[3].message());
    assert_eq!(all[4].areas, ["10", "20"]);
    assert_eq!(all[4].verdict(), Verdict::Reporting, "{}", all[4].message());
    assert!(all[5].areas.is_empty());
    assert_eq!(all[5].verdict(), Verdict::Valid);
    // Diamond's claim and member ids name the claim and the patient.
    let csv = "seqMembId,seqClaimId,procedureCode,dateOfService\n30001,8800101,D0120,2026-01-15\n";
    let all = reports(csv.as_bytes());
    assert_eq!(all[0].claim.as_deref(), Some("8800101"));
    assert_eq!(all[0].patient.as_deref(), Some("30001"));
}

#[test]
fn numbered_surface_columns_are_read_as_one() {
    // Diamond's tooth history: one surface a column, `surface1` to
    // `surface5` (as the 837D's TOO03 holds up to five).
    let csv = "code,dos,tooth,surface1,surface2,Surface 3\n\
               D2392,2026-01-15,30,M,O,\n\
               D2391,2026-01-15,30,M,O,\n\
               D2393,2026-01-15,30,,O,D\n";
    let all = reports(csv.as_bytes());
    assert_eq!(all[0].verdict(), Verdict::Valid, "{}", all[0].message());
    assert_eq!(all[0].teeth[0].surfaces, "MO");
    assert_eq!(all[1].verdict(), Verdict::Reporting, "{}", all[1].message());
    assert_eq!(all[2].teeth[0].surfaces, "OD");
    assert_eq!(all[2].verdict(), Verdict::Reporting, "{}", all[2].message());
    // Two unnumbered surfaces columns still leave the column in doubt.
    let doubt = "code,dos,tooth,surface,surfaces\nD2391,2026-01-15,30,O,O\n";
    assert!(matches!(
        ClaimChecker::new(doubt.as_bytes()).err(),
        Some(HeaderError::DuplicateColumn { .. })
    ));
}

#[test]
fn a_chart_number_names_the_patient() {
    // Dentrix Ascend's reports call the patient's id its chart number.
    for header in ["Chart Number", "Chart #", "chart_no"] {
        let csv = format!("{header},code,dos\nC-17,D0120,2026-01-15\n");
        let all = reports(csv.as_bytes());
        assert_eq!(all[0].patient.as_deref(), Some("C-17"), "{header}");
    }
}

#[test]
fn an_open_dental_user_query_names_its_claim() {
    // Open Dental's user queries export its tables' own column names: the
    // claim's key is `ClaimNum` (its database documentation, table
    // `claim`), beside `ProcNum`, `PatNum`, `ProcDate`, `ProcCode`,
    // `ToothNum`, `Surf`.
    let csv = "ProcNum,PatNum,ProcDate,ProcCode,ToothNum,Surf,ClaimNum\n\
               9001,12,2026-01-15,D2391,30,O,55\n";
    let all = reports(csv.as_bytes());
    assert_eq!(all[0].claim.as_deref(), Some("55"));
    // The procedure's key (`procedurelog.ProcNum`) is the line's id.
    assert_eq!(all[0].line, "9001");
    assert_eq!(all[0].patient.as_deref(), Some("12"));
    assert_eq!(all[0].verdict(), Verdict::Valid, "{}", all[0].message());
}

#[test]
fn a_tooth_written_as_a_decimal_is_read_as_its_number() {
    // Data tools write a number column with gaps as decimals (`26.0`).
    let csv = "code,dos,tooth\nD2391,2026-01-15,30.0\nD2391,2026-01-15,30.5\n";
    let all = reports(csv.as_bytes());
    assert_eq!(all[0].verdict(), Verdict::Valid, "{}", all[0].message());
    assert_eq!(all[0].teeth[0].tooth, "30");
    assert_eq!(all[0].notes, ["tooth 30.0 read as 30"]);
    assert_eq!(all[1].verdict(), Verdict::Reporting);
}

/// State all-payer claims databases name the claim by the payer's claim
/// control number (Maine's dental claims file, element DC004, "Payer Claim
/// Control Number Original", as the USHIK APCD registry lists it).
#[test]
fn an_apcd_payer_claim_control_number_names_the_claim() {
    for header in [
        "Payer Claim Control Number",
        "Payer Claim Control Number Original",
    ] {
        let csv = format!(
            "{header},Line Counter,Procedure Code,Date of Service\n\
             C77,1,D0120,20250312\nC77,2,D0150,20250312\n"
        );
        let all = reports(csv.as_bytes());
        assert_eq!(all[0].claim.as_deref(), Some("C77"), "{header}");
        // The claim's lines are held together: an evaluation twice.
        assert_eq!(all[1].conflicts.len(), 1, "{header}");
    }
}

/// Open Dental's Capitation Utilization and Overpaid Procedures reports
/// caption the tooth `Tth` (`FormRpCapitation.cs`, `FormRpProcOverpaid.cs`
/// in its source); exported, the first has an empty title line and ends
/// with a totals row.
#[test]
fn open_dental_captions_the_tooth_tth() {
    let export = "\r\nCarrier\tSubscriber\tSubsc SSN\tPatient\tPat DOB\tCode\tProc Description\t\
                  Tth\tSurf\tDate\tUCR Fee\tCo-Pay\r\n\
                  Plan A\tMoss, Ada\t000-00-0000\tMoss, Ada\t4/1/1980\tD3330\tMolar root canal\t8\t\t\
                  3/4/2025\t1,100.00\t200.00\r\n\
                  Plan A\tMoss, Ada\t000-00-0000\tMoss, Ada\t4/1/1980\tD2392\tResin, two surfaces\t3\tMO\t\
                  3/4/2025\t210.00\t40.00\r\n\
                  \x20\t\x20\t\x20\t\x20\t\x20\t\x20\t\x20\t\x20\t\x20\t\x20\t1,310.00\t240.00\t\r\n";
    let mut checker = ClaimChecker::new(export.as_bytes()).unwrap();
    let all: Vec<LineReport<'_>> = checker.by_ref().map(Result::unwrap).collect();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].verdict(), Verdict::Reporting, "{}", all[0].message());
    assert_eq!(all[0].teeth[0].tooth, "8");
    assert_eq!(all[1].verdict(), Verdict::Valid, "{}", all[1].message());
    assert_eq!(checker.summary().totals_rows, 1);
}

/// A report's title above the header and its totals row are left out and
/// counted; a row that names a line, a date or a tooth stays a claim line
/// however empty its code, and a first line that is no title is judged as
/// the header it was before.
#[test]
fn titles_and_totals_are_told_from_claim_lines() {
    let with_title = "Production report\nline,code,dos,fee\n1,D0120,2026-01-15,60.00\n\
                      7,,,120.00\nTotal:,,,\"1,180.00\"\n,,,$60.00\n";
    let mut checker = ClaimChecker::new(with_title.as_bytes()).unwrap();
    let verdicts: Vec<Verdict> = checker.by_ref().map(|r| r.unwrap().verdict()).collect();
    assert_eq!(verdicts, [Verdict::Valid, Verdict::MalformedCode]);
    let summary = checker.summary();
    assert_eq!((summary.title_lines, summary.totals_rows), (1, 2));
    assert_eq!(summary.lines(), 2);
    // A title over a header that names no code column: the header is
    // what the error shows.
    let error = ClaimChecker::new("Report\nfoo,bar\n1,2\n".as_bytes()).unwrap_err();
    assert!(
        error.to_string().ends_with("it reads: foo | bar"),
        "{error}"
    );
    // Four lines without a delimiter are no title: the first is the header.
    let error = ClaimChecker::new("a\nb\nc\nd\ncode,dos\n".as_bytes()).unwrap_err();
    assert!(error.to_string().ends_with("it reads: a"), "{error}");
    // A header of one column has no delimiter either, and is still one.
    let one = ClaimChecker::new("code\nD0120\n".as_bytes()).map(|c| c.summary().title_lines);
    assert!(matches!(
        one,
        Ok(0) | Err(HeaderError::MissingColumn { .. })
    ));
}

/// A file with no tooth system column can say how it numbers its teeth:
/// Open Dental's reports write teeth in the office's display numbering
/// (`Tooth.Display`, FDI where the office chose it), with no column saying so.
#[test]
fn a_files_tooth_numbering_can_be_declared() {
    let csv = "code,dos,tooth,tooth_system\nD3310,2026-01-15,21,\nD7140,2026-01-15,48,\n\
               D7140,2026-01-15,32,JP\n";
    let iso: ToothNumbering = "FDI".parse().unwrap();
    assert_eq!(iso, ToothNumbering::Iso);
    assert_eq!(
        "jp".parse::<ToothNumbering>(),
        Ok(ToothNumbering::Universal)
    );
    let error = "Palmer".parse::<ToothNumbering>().unwrap_err();
    assert_eq!(
        error.to_string(),
        "\"Palmer\" is no tooth numbering the checker reads: use Universal (JP) or ISO 3950 (JO, FDI)"
    );
    let options = CheckOptions::default().tooth_numbering(iso);
    let all: Vec<LineReport<'_>> =
        ClaimChecker::with_options(csv.as_bytes(), CodeSet::compiled(), &options)
            .unwrap()
            .map(Result::unwrap)
            .collect();
    let teeth: Vec<&str> = all.iter().map(|r| r.teeth[0].tooth.as_str()).collect();
    assert_eq!(teeth, ["9", "32", "32"]); // a row's own system still rules
    assert!(all.iter().all(LineReport::is_valid), "{all:?}");
    assert_eq!(
        all[0].notes,
        ["ISO 3950 tooth 21 (the file's tooth numbering ISO 3950) read as Universal 9"]
    );
    // Undeclared, 21 is a Universal premolar: no anterior root canal.
    assert_eq!(reports(csv.as_bytes())[0].verdict(), Verdict::Reporting);
    // The same on the example's command line; a numbering it does not
    // read is a usage error.
    let file = std::env::temp_dir().join("cdt-codes-tooth-numbering.csv");
    std::fs::write(&file, csv).unwrap();
    let file = file.to_str().unwrap();
    let out = check_claims()
        .args(["--strict", "--tooth-numbering", "fdi", file])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = check_claims()
        .args(["--tooth-numbering", "palmer", file])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// Open Dental keeps a class V (cervical) surface as `V` and sends it on
/// claims as buccal on a posterior tooth, facial on an anterior one
/// (`Tooth.SurfTidyForClaims` in its source; tests/fixtures/real/README.md).
#[test]
fn a_class_v_surface_is_read_as_open_dental_sends_it() {
    let csv = "code,dos,tooth,surf\n\
               D2330,2026-01-15,8,V\n\
               D2391,2026-01-15,19,v\n\
               D2392,2026-01-15,30,MV\n\
               D2391,2026-01-15,19,BV\n\
               D2140,2026-01-15,K,V\n\
               D2391,2026-01-15,,V\n";
    let all = reports(csv.as_bytes());
    let read: Vec<(&str, Verdict)> = all
        .iter()
        .map(|r| {
            (
                r.teeth.first().map_or("", |t| t.surfaces.as_str()),
                r.verdict(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            ("F", Verdict::Valid),
            ("B", Verdict::Valid),
            ("MB", Verdict::Valid),
            ("B", Verdict::Valid),
            ("B", Verdict::Valid),
            ("V", Verdict::Reporting),
        ]
    );
    assert_eq!(
        all[0].notes,
        [
            "surfaces \"V\" of tooth 8 read as \"F\": Open Dental's class V surface, \
          sent as facial on an anterior tooth"
        ]
    );
    assert_eq!(
        all[2].notes,
        [
            "surfaces \"MV\" of tooth 30 read as \"MB\": Open Dental's class V surface, \
          sent as buccal on a posterior tooth"
        ]
    );
    // With no tooth, `V` is neither: the surface stays unread.
    assert!(
        all[5]
            .problems
            .iter()
            .any(|problem| matches!(problem, ReportingProblem::BadSurfaces(_))),
        "{:?}",
        all[5].problems
    );
}

#[test]
fn teeth_surfaces_and_areas_are_checked_on_every_line() {
    let all: Vec<LineReport<'_>> = reports(&read("claims_teeth.csv"));
    let problems: Vec<Vec<ReportingProblem>> = all.iter().map(|r| r.problems.clone()).collect();
    assert!(matches!(
        problems[0][..],
        [ReportingProblem::WrongTooth { .. }]
    ));
    assert!(matches!(
        problems[1][..],
        [ReportingProblem::SurfaceCount { min: 2, max: 2, .. }]
    ));
    assert!(matches!(
        problems[2][..],
        [ReportingProblem::MissingArea { .. }]
    ));
    assert!(matches!(
        problems[3][..],
        [ReportingProblem::MissingTooth { .. }]
    ));
    assert!(matches!(problems[4][..], [ReportingProblem::BadTooth(_)]));
    assert!(matches!(
        problems[5][..],
        [ReportingProblem::BadSurfaces(_)]
    ));
    assert!(all[6..].iter().all(LineReport::is_valid), "{:?}", &all[6..]);
    // D3330's row is confirmed by two sources (data/SOURCES.md); D4341's is not.
    assert_eq!(
        all[0].to_string(),
        "T1 line 1 (02/02/2026): D3330 is reported on a molar; tooth 8 is a permanent maxillary \
         right central incisor"
    );
    assert!(all[2]
        .to_string()
        .ends_with("(requirement inferred from the code's meaning, not confirmed by a source)"));
    let (_, summary) = run(&read("claims_teeth.csv"), &CheckOptions::default());
    assert_eq!((summary.valid, summary.reporting), (3, 6));
}

#[test]
fn x12_teeth_are_checked_too() {
    // The fixture's lines name fitting teeth and areas.
    let all = reports(&read("claims.837"));
    let d2392 = all.iter().find(|r| r.code == "D2392").unwrap();
    assert!(d2392.problems.is_empty(), "{d2392}");
    let d4341 = all.iter().find(|r| r.code == "D4341").unwrap();
    assert!(d4341.is_valid(), "{d4341}");
    // And a wrong one is caught: molar root canal treatment on an incisor
    // (TOO), scaling on no quadrant (no SV304).
    let text = String::from_utf8(read("claims.837"))
        .unwrap()
        .replacen("TOO*JP*30*M:O~", "TOO*JP*8*M:O~", 1)
        .replacen("SV3*AD:D2392", "SV3*AD:D3330", 1);
    let all = reports(text.as_bytes());
    let d3330 = all.iter().find(|r| r.code == "D3330").unwrap();
    assert_eq!(
        d3330.verdict(),
        cdt_codes::claims::Verdict::Reporting,
        "{d3330}"
    );
    assert!(
        d3330
            .problems
            .iter()
            .any(|p| matches!(p, ReportingProblem::WrongTooth { .. })),
        "{d3330}"
    );
}

#[test]
fn files_without_teeth_columns_are_not_checked_for_teeth() {
    let all = reports(b"code,dos\nD7140,2026-02-03\n");
    assert!(all[0].is_valid());
}

#[test]
fn the_format_is_told_from_the_first_line_however_the_bytes_arrive() {
    let texts = |bytes: &[u8], capacity: usize| -> (Format, Vec<String>) {
        let reader = std::io::BufReader::with_capacity(capacity, bytes);
        let checker = ClaimChecker::new(reader).unwrap();
        let format = checker.format();
        (
            format,
            checker
                .map(|item| match item {
                    Ok(report) => report.to_string(),
                    Err(error) => error.to_string(),
                })
                .collect(),
        )
    };
    for name in ["claims.837", "claims_export.tsv", "claims.csv"] {
        let bytes = read(name);
        assert_eq!(texts(&bytes, 2), texts(&bytes, 1 << 16), "{name}");
    }
    // Blank lines before the header, and a two-byte reader.
    let (format, lines) = texts(b"\n \n\tcode;dos\nD0120;2026-01-15\n", 2);
    assert_eq!(format, Format::Delimited(Delimiter::Semicolon));
    assert_eq!(lines.len(), 1);
}

/// Several functional groups, or several transaction sets, may share one
/// interchange: an 837P before the 837D no longer has the whole file
/// refused (it was, when the professional claim came first), and the
/// skipped transaction reads the same whichever comes first. A file of no
/// dental transaction at all is still refused.
#[test]
fn a_professional_transaction_before_a_dental_one_does_not_refuse_the_file() {
    let isa = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260215*1030*^*00501*000000101*0*T*:~";
    let professional = "GS*HC*S*R*20260215*1030*1*X*005010X222A1~ST*837*0001*005010X222A1~\
                        BHT*0019*00*1*20260215*1030*CH~CLM*P1*80***11:B:1*Y*A*Y*Y~LX*1~\
                        SV1*HC:99213*80*UN*1***1~SE*6*0001~GE*1*1~";
    let dental = "GS*HC*S*R*20260215*1030*2*X*005010X224A2~ST*837*0001*005010X224A2~\
                  BHT*0019*00*2*20260215*1030*CH~CLM*D1*55***11:B:1*Y*A*Y*Y~\
                  DTP*472*D8*20260115~LX*1~SV3*AD:D0120*55~LX*2~SV3*AD:D1110*90~SE*9*0001~GE*1*2~";
    let end = "IEA*2*000000101~";
    let skipped =
        "segment 3: not an 837 dental claim but an 837 professional claim (005010X222A1); \
                   transaction skipped";
    let first = format!("{isa}{professional}{dental}{end}");
    let (lines, summary) = run(first.as_bytes(), &CheckOptions::default());
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(lines[0], skipped);
    assert_eq!(summary.valid, 2);
    assert_eq!(summary.unreadable, 1);

    let second = format!("{isa}{dental}{professional}{end}");
    let (lines, summary) = run(second.as_bytes(), &CheckOptions::default());
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(
        lines[2],
        skipped.replace("segment 3:", "segment 14:"),
        "one message, skipped once"
    );
    assert_eq!(summary.valid, 2);

    let only = format!("{isa}{professional}{professional}IEA*2*000000101~");
    let error = ClaimChecker::new(only.as_bytes()).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("837 professional claim (005010X222A1)"),
        "{error}"
    );
}

/// The ADA Dental Claim Form's service lines (items 24-31) as exports and
/// renderings of it caption them: with or without the item numbers, the
/// tooth as `Tooth Number(s) or Letter(s)` (the form's own caption, which
/// public renderings of the form print), `Tooth Number or Letter` (the
/// Open Dental manual's caption, version 24.3) or `Tooth Number(s)` and
/// `Tooth Surface(s)` (homey1337/efnpractice, `claim.py` at 827ab15).
/// The tooth column was not read, so D3330 on an incisor passed as valid.
#[test]
fn the_ada_claim_forms_captions_are_read() {
    let rows = "03/04/2025,,JP,8,,D3330\n03/04/2025,,JP,3,MO,D2392\n03/04/2025,10,,,,D4341\n";
    for header in [
        "24. Procedure Date,25. Area of Oral Cavity,26. Tooth System,\
         27. Tooth Number(s) or Letter(s),28. Tooth Surface,29. Procedure Code",
        "Procedure Date,Area of Oral Cavity,Tooth System,Tooth Number or Letter,Tooth Surface,\
         Procedure Code",
        "Procedure Date,Area of Oral Cavity,Tooth System,Tooth Number(s),Tooth Surface(s),Procedure",
    ] {
        let file = format!("{header}\n{rows}");
        let all = reports(file.as_bytes());
        let verdicts = verdicts_of(&all);
        assert_eq!(
            verdicts,
            [Verdict::Reporting, Verdict::Valid, Verdict::Valid],
            "{header}: {:?}",
            all.iter().map(LineReport::message).collect::<Vec<_>>()
        );
        assert_eq!(all[1].teeth[0].surfaces, "MO", "{header}");
    }
}

/// The Tuva Project's `medical_claim` input layer (tuva-health/tuva,
/// Apache-2.0), a layout open-source claims pipelines load Medicaid and
/// commercial claims into: the line's dates are `claim_line_start_date`
/// and `claim_line_end_date` (beside the claim's `claim_start_date` and
/// `claim_end_date`, which are not the line's), the line
/// `claim_line_number`. Its code column, `hcpcs_code`, also holds medical
/// codes, so it is named by the caller.
#[test]
fn the_tuva_medical_claim_layout_is_read_with_its_code_column_named() {
    let file = "claim_id,claim_line_number,claim_type,person_id,member_id,claim_start_date,\
                claim_end_date,claim_line_start_date,claim_line_end_date,place_of_service_code,\
                hcpcs_code,paid_amount\n\
                C1,1,professional,P1,M1,2026-01-10,2026-01-20,2026-01-10,2026-01-10,11,D0120,40\n\
                C1,2,professional,P1,M1,2026-01-10,2026-01-20,2025-12-20,2025-12-20,11,D1352,25\n";
    let options = CheckOptions::default().column(ClaimColumn::Code, "hcpcs_code");
    let mut checker = ClaimChecker::with_options(file.as_bytes(), CodeSet::compiled(), &options)
        .expect("read with the code column named");
    let all: Vec<LineReport<'_>> = checker.by_ref().map(Result::unwrap).collect();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].line, "1");
    assert_eq!(all[0].verdict(), Verdict::Valid, "{}", all[0].message());
    // D1352 was in force on the line's date (2025) and deleted in CDT
    // 2026, when the claim ends: the line's date is the one judged.
    assert_eq!(all[1].date, "2025-12-20");
    assert_eq!(all[1].verdict(), Verdict::Valid, "{}", all[1].message());
    // Beside the usual names, Tuva's are not read: no column named twice.
    let both = "line_number,claim_line_number,code,service_date,claim_line_start_date
                7,1,D0120,2026-01-10,2025-12-20
";
    let read = reports(both.as_bytes());
    assert_eq!(
        (read[0].line.as_str(), read[0].date.as_str()),
        ("7", "2026-01-10")
    );
}

/// Eaglesoft's ledger (the `PPM.transactions` view, as
/// halo3consulting/eaglesoft-to-postgres reproduces it at b615638) names
/// the code `service_code` and the date `tran_date`. The code is read by
/// that name when nothing else names it; the transaction date is the
/// caller's to name (that it is the date of service is not established).
#[test]
fn eaglesofts_service_code_names_the_code() {
    let ledger = "tran_num,type,tran_date,patient_id,amount,service_code,surface,tooth,claim_id\n\
                  1,S,2025-03-04 00:00:00.000,P1,62.00,D0120,,,C1\n\
                  2,S,2025-03-04 00:00:00.000,P1,980.00,D3330,,9,C1\n";
    let error = ClaimChecker::new(ledger.as_bytes()).unwrap_err();
    assert!(error.to_string().contains("date_of_service"), "{error}");
    let options = CheckOptions::default().column(ClaimColumn::Date, "tran_date");
    let all: Vec<LineReport<'_>> =
        ClaimChecker::with_options(ledger.as_bytes(), CodeSet::compiled(), &options)
            .unwrap()
            .map(Result::unwrap)
            .collect();
    let verdicts = verdicts_of(&all);
    assert_eq!(verdicts, [Verdict::Valid, Verdict::Reporting]);
    // Beside a usual name of the code, `service_code` is not the code.
    let both = "procedure_code,service_code,dos\nD0120,X1,2025-03-04\n";
    assert_eq!(reports(both.as_bytes())[0].code, "D0120");
}

/// IHS RPMS keeps CDT codes as four digits without the D (the ADA code
/// file of its FOIA release, `WorldVistA/FOIA-RPMS` at `c794a0019`,
/// `Packages/IHS Dental System/Globals/ADEOCD46.zwr`: code `0120`, periodic
/// oral evaluation), and one clinic's Open Dental data keeps copies of
/// codes with a 0 for the D (`BenjaminRains/dbt_dental_clinic` at `231506f5`,
/// `analysis/appointment/appt_business_logic.md`: D9987 "appears as
/// '09987' in data"). Such a cell is still a malformed code, since a claim
/// must send the D, but a note names the code it would be. Five digits
/// whose D form is no code have the shape of a CPT code (Category I, HCPCS
/// Level I: five digits, a medical procedure; Epic's claim lines keep CPT
/// and CDT codes in one column), and the note says so; any other shape
/// gets no note.
#[test]
fn a_code_without_its_d_is_malformed_and_a_note_names_the_code() {
    let csv = "procedure_code,date_of_service\n\
               0120,2026-01-15\n\
               02750,2026-01-15\n\
               8000,2026-01-15\n\
               12345,2026-01-15\n\
               D0120,2026-01-15\n";
    let all = reports(csv.as_bytes());
    let verdicts = verdicts_of(&all);
    assert_eq!(
        verdicts,
        [
            Verdict::MalformedCode,
            Verdict::MalformedCode,
            Verdict::MalformedCode,
            Verdict::MalformedCode,
            Verdict::Valid
        ]
    );
    assert_eq!(
        all[0].notes,
        ["\"0120\" may be D0120 without its D (IHS RPMS keeps CDT codes as four digits); a claim sends D0120"]
    );
    assert_eq!(
        all[1].notes,
        ["\"02750\" may be D2750 with a 0 for its D (as some practice databases keep copies of codes); a claim sends D2750"]
    );
    assert!(all[2].notes.is_empty(), "{:?}", all[2].notes);
    assert_eq!(
        all[3].notes,
        ["\"12345\" has the shape of a CPT code (five digits: a medical procedure); a dental claim line reports a CDT code, D and four digits"]
    );
    // The message is the parse error's, as for any malformed code.
    assert!(
        all[0].message().starts_with("malformed code:"),
        "{}",
        all[0].message()
    );
}

#[test]
fn a_practice_code_with_a_suffix_is_judged_as_the_five_characters_a_claim_sends() {
    // Open Dental sends the first five characters of a longer code that
    // starts with D (OpenDentBusiness/Data Interface/Claims.cs, branch
    // 24_3); Dentrix Enterprise lets a practice add a period and up to
    // three characters, left off the claim (its help, "Adding procedure
    // codes"). One clinic's Open Dental data holds D9230b and D8670.auto.
    let csv = "claim,line,procedure_code,date_of_service\n\
               C1,1,D9230b,2026-01-15\n\
               C1,2,D8670.auto,2026-01-15\n\
               C2,1,D0120.a,2026-01-15\n\
               C2,2,D0150,2026-01-15\n\
               C3,1,D1352.b,2026-01-12\n\
               C3,2,d9972z,2026-01-12\n\
               C3,3,D9972Z,2026-01-12\n\
               C4,1,D01234,2026-01-12\n\
               C4,2,D0120-1,2026-01-12\n\
               C4,3,D012a,2026-01-12\n";
    let all = reports(csv.as_bytes());
    let verdicts = verdicts_of(&all);
    assert_eq!(
        verdicts,
        [
            Verdict::Valid,
            Verdict::Valid,
            // D0120 and D0150 on one date: the claim-level edit sees the
            // suffixed code as the D0120 it is sent as.
            Verdict::Conflict,
            Verdict::Conflict,
            Verdict::Deleted,
            Verdict::Valid,
            // A capital reads as part of a code: malformed, with a note.
            Verdict::MalformedCode,
            // A digit, a dash and a digit, or a short code is no suffix.
            Verdict::MalformedCode,
            Verdict::MalformedCode,
            Verdict::MalformedCode,
        ]
    );
    assert_eq!(
        all[0].notes,
        ["\"D9230b\" read as D9230: practice software sends the first five characters of its own code on a claim"]
    );
    assert_eq!(all[0].message(), "D9230 is valid");
    assert_eq!(
        all[0].code, "D9230b",
        "the code as written stays in the report"
    );
    assert!(
        all[4]
            .message()
            .starts_with("D1352 was deleted in CDT 2026"),
        "{}",
        all[4].message()
    );
    let notes: Vec<&[String]> = all[5..].iter().map(|report| &report.notes[..]).collect();
    assert_eq!(
        notes,
        [
            &["\"d9972z\" read as D9972: practice software sends the first five characters of its own code on a claim".to_string()][..],
            &["\"D9972Z\" may be a practice's own code: Open Dental would send D9972".to_string()][..],
            &[][..],
            &[][..],
            &[][..],
        ]
    );
}

#[test]
fn a_practice_code_in_an_837d_stays_malformed() {
    // An 837D is the claim itself: its SV301 must carry the five
    // characters, so a practice's own code there is no code sent.
    let text = "ISA*00*          *00*          *ZZ*A              *ZZ*B              *260215*1030*^*00501*000000101*0*T*:~\
GS*HC*A*B*20260215*1030*101*X*005010X224A2~ST*837*0001*005010X224A2~\
CLM*C1*10***11:B:1*Y*A*Y*Y~DTP*472*D8*20260115~\
LX*1~SV3*AD:D9230b*80~LX*2~SV3*AD:D9230*80~\
SE*9*0001~GE*1*101~IEA*1*000000101~";
    let all = reports(text.as_bytes());
    let verdicts = verdicts_of(&all);
    assert_eq!(verdicts, [Verdict::MalformedCode, Verdict::Valid]);
    assert_eq!(
        all[0].notes,
        ["\"D9230b\" may be a practice's own code: Open Dental would send D9230"]
    );
}

#[test]
fn an_837d_area_l_is_the_left_side_not_open_dentals_lower_arch() {
    // Open Dental keeps an arch as `U` or `L` in its Surf field and sends
    // it as 01 or 02 (X837_5010.cs, GetArea, branch 24_3): `L` is its
    // lower arch in an export only. In an 837D's SV304, `L` and `R` are
    // X12's left and right sides (element 1361: Stedi's X12 reference;
    // Epic's AP_CLM_PX_CVTY_DSG table), no area of the ADA's list.
    let text = "ISA*00*          *00*          *ZZ*A              *ZZ*B              *260215*1030*^*00501*000000101*0*T*:~\
GS*HC*A*B*20260215*1030*101*X*005010X224A2~ST*837*0001*005010X224A2~\
CLM*C1*10***11:B:1*Y*A*Y*Y~DTP*472*D8*20260115~\
LX*1~SV3*AD:D5120*900**L~LX*2~SV3*AD:D5110*900**01~LX*3~SV3*AD:D4341*200**R~\
SE*10*0001~GE*1*101~IEA*1*000000101~";
    let mut checker = ClaimChecker::new(text.as_bytes()).unwrap();
    let all: Vec<LineReport<'_>> = checker.by_ref().map(Result::unwrap).collect();
    assert_eq!(
        verdicts_of(&all),
        [Verdict::Reporting, Verdict::Valid, Verdict::Reporting]
    );
    assert!(all[0].notes.is_empty(), "{:?}", all[0].notes);
    let warnings: Vec<String> = checker
        .envelope_warnings()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        warnings,
        [
            "segment 7: SV304 L is X12's code for the left side (element 1361), not an area of the ADA's list the 837D takes",
            "segment 11: SV304 R is X12's code for the right side (element 1361), not an area of the ADA's list the 837D takes",
        ]
    );
    // In an export, Open Dental's `L` is still its lower arch.
    let export = "ProcDate\tProcCode\tSurf\n2026-01-15\tD5120\tL\n";
    assert_eq!(verdicts_of(&reports(export.as_bytes())), [Verdict::Valid]);
}

#[test]
fn open_dental_surf_holds_the_area_so_an_empty_one_is_a_missing_area() {
    // Open Dental's procedurelog.Surf holds a line's surfaces, or its
    // quadrant (`UR`), sextant or arch (TableTypes/Procedure.cs, branch
    // 24_3), and its 837D writer takes SV304 from it (X837_5010.cs,
    // GetArea): a quadrant code with an empty Surf names no quadrant.
    let csv = "ProcDate\tProcCode\tToothNum\tSurf\n\
               2026-04-05\tD4341\t\tUR\n\
               2026-04-05\tD4341\t\t\n\
               2026-04-05\tD2391\t30\tO\n";
    let all = reports(csv.as_bytes());
    let verdicts = verdicts_of(&all);
    assert_eq!(
        verdicts,
        [Verdict::Valid, Verdict::Reporting, Verdict::Valid]
    );
    assert!(
        matches!(all[1].problems[..], [ReportingProblem::MissingArea { .. }]),
        "{:?}",
        all[1].problems
    );
    // A surfaces column of another name holds surfaces only: no area is
    // asked of it.
    let other = "ProcDate\tProcCode\tToothNum\tSurface\n2026-04-05\tD4341\t\t\n";
    assert_eq!(reports(other.as_bytes())[0].verdict(), Verdict::Valid);
}

#[test]
fn open_dental_claims_date_service_is_the_date() {
    // Open Dental's claim table: DateService, "usually the same date as
    // the procedures" (TableTypes/Claim.cs, branch 24_3), beside DateSent,
    // the day the claim went out, which is no date of service.
    let csv = "ClaimNum,PatNum,DateService,DateSent,ProcCode,ToothNum\n\
               10001,501,2026-01-12,2026-01-20,D1352,30\n\
               10002,502,2025-12-15,2026-01-05,D6240,14\n";
    let all = reports(csv.as_bytes());
    let dates: Vec<&str> = all.iter().map(|report| report.date.as_str()).collect();
    assert_eq!(dates, ["2026-01-12", "2025-12-15"]);
    assert_eq!(all[0].verdict(), Verdict::Deleted);
}

#[test]
fn a_code_with_its_description_in_one_cell_is_read_as_the_code() {
    // Apps and plan tables write a code with its name ("D0120 - Periodic
    // Oral Evaluation"; a public synthetic claims file, "D2740 Crown"): the
    // code is plain, and judged, with a note. A cell naming two codes is
    // no one code.
    let csv = "procedure_code,date_of_service\n\
               D0120 - Periodic Oral Evaluation,2026-01-15\n\
               D2740 Crown,2025-05-25\n\
               d1352: sealant,2026-01-15\n\
               \"D0120 - Periodic exam, D1110 - Adult prophylaxis\",2026-01-15\n\
               D0120 1,2026-01-15\n";
    let all = reports(csv.as_bytes());
    assert_eq!(
        verdicts_of(&all),
        [
            Verdict::Valid,
            Verdict::Valid,
            Verdict::Deleted,
            Verdict::MalformedCode,
            Verdict::MalformedCode,
        ]
    );
    assert_eq!(
        all[0].notes,
        ["\"D0120 - Periodic Oral Evaluation\" read as D0120: the text after the code is left out"]
    );
    assert_eq!(all[1].message(), "D2740 is valid");
    // In an 837D, whose SV301 holds the code alone, such text stays malformed.
    let text = "ISA*00*          *00*          *ZZ*A              *ZZ*B              *260215*1030*^*00501*000000101*0*T*:~\
GS*HC*A*B*20260215*1030*101*X*005010X224A2~ST*837*0001*005010X224A2~\
CLM*C1*10***11:B:1*Y*A*Y*Y~DTP*472*D8*20260115~LX*1~SV3*AD:D0120 Periodic*80~\
SE*7*0001~GE*1*101~IEA*1*000000101~";
    assert_eq!(
        verdicts_of(&reports(text.as_bytes())),
        [Verdict::MalformedCode]
    );
}

#[test]
fn an_empty_date_cell_is_no_date_of_service() {
    // A database's NULL date (a planned or existing-work row) exported as
    // an empty cell: no date, as the minimum date 0001-01-01 already is,
    // not a date written badly.
    let csv = "claim,procedure_code,date_of_service\n\
               C1,D0120,\n\
               C1,D1110,  \n\
               C2,D0140,2026-13-01\n\
               C2,D0150,2026-01-05\n";
    let all = reports(csv.as_bytes());
    let verdicts = verdicts_of(&all);
    assert_eq!(
        verdicts,
        [
            Verdict::MissingDate,
            Verdict::MissingDate,
            Verdict::BadDate,
            Verdict::Valid
        ]
    );
    assert_eq!(
        all[0].message(),
        "D0120 has no date of service on the line or its claim"
    );
}

#[test]
fn dates_in_japans_order_and_in_long_form_are_read() {
    // Year first, as SQL Server's CONVERT style 111 and .NET's short date
    // for ja-JP write it (`2009/06/15`); month and weekday in full, as
    // .NET's long date for en-US does (`Monday, June 15, 2009`) and with
    // the time (`f`); the day first with spaces, as SQL Server's CONVERT
    // style 106 (`dd mon yyyy`; 113 adds the time) and .NET's long date
    // for en-GB write it. D0461 came in with CDT 2026: on a 2025 date it is
    // not yet in force, so each date was read, not left bad.
    let csv = "claim,procedure_code,date_of_service\n\
               C1,D0461,2025/06/18\n\
               C2,D0461,\"Wednesday, June 18, 2025\"\n\
               C3,D0461,\"Wednesday, June 18, 2025 1:45 PM\"\n\
               C4,D0461,\"June 18, 2025\"\n\
               C5,D0461,2026/01/05 13:45\n\
               C6,D0461,\"Junee 18, 2025\"\n\
               C7,D0461,18 Jun 2025\n\
               C8,D0461,18 June 2025 13:45:30:000\n";
    let all = reports(csv.as_bytes());
    assert_eq!(
        verdicts_of(&all),
        [
            Verdict::NotYetInForce,
            Verdict::NotYetInForce,
            Verdict::NotYetInForce,
            Verdict::NotYetInForce,
            Verdict::Valid,
            Verdict::BadDate,
            Verdict::NotYetInForce,
            Verdict::NotYetInForce,
        ]
    );
    assert_eq!(all[4].date, "2026/01/05 13:45");
}

#[test]
fn a_spreadsheet_date_serial_is_named_and_left_a_bad_date() {
    // A workbook saved as CSV from a date column formatted as a number
    // writes the day's serial: 46027 is 5 January 2026 in Excel's 1900
    // date system (Microsoft's "Date systems in Excel": 5 July 2011 is
    // 40729). A workbook may use the 1904 system instead, four years and a
    // day later, so the line stays a bad date; the note says what it looks
    // like.
    let csv = "claim,procedure_code,date_of_service\n\
               C1,D0120,46027\n\
               C2,D0120,123\n";
    let all = reports(csv.as_bytes());
    assert_eq!(verdicts_of(&all), [Verdict::BadDate, Verdict::BadDate]);
    let note = all[0].notes.join(" ");
    assert!(note.contains("serial"), "{note}");
    assert!(note.contains("2026-01-05"), "{note}");
    assert!(all[1].notes.is_empty(), "{:?}", all[1].notes);
}

#[test]
fn a_cell_quoted_over_two_lines_stays_one_line_of_text() {
    // The line id holds a line break inside its quotes: the text writer
    // shows it as `\n`, so each report is still one line of output.
    let csv = "line_id,code,dos\n\"L1\r\nsecond part\",D01,2026-01-15\nL2,D0000,2026-01-15\n";
    let mut checker = ClaimChecker::new(csv.as_bytes()).unwrap();
    let mut writer = cdt_codes::claims::write::ReportWriter::new(
        Vec::new(),
        cdt_codes::claims::write::OutputFormat::Text,
    )
    .unwrap();
    for item in checker.by_ref() {
        writer.item(&item).unwrap();
    }
    writer
        .finish(&checker.summary(), checker.envelope_warnings())
        .unwrap();
    let text = String::from_utf8(writer.into_inner()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[0].starts_with(r"error: line L1\r\nsecond part (2026-01-15): malformed code"),
        "{}",
        lines[0]
    );
    assert!(lines[1].starts_with("error: line L2 (2026-01-15): D0000"));
}

#[test]
fn a_header_cell_wrapped_over_two_lines_names_its_column() {
    // A spreadsheet header cell with a line break in it (text wrapped by
    // hand), saved as CSV: one cell, matched as the words it holds.
    let csv = "Line ID,\"Procedure\nCode\",\"Date of\r\nService\"\nL1,D1352,2026-01-15\n";
    let reports: Vec<LineReport<'_>> = ClaimChecker::new(csv.as_bytes())
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(verdicts_of(&reports), [Verdict::Deleted]);
    assert_eq!(reports[0].line, "L1");
}

#[test]
fn epic_charge_labels_name_their_teeth_and_areas() {
    // Epic's EHI export labels a charge's tooth `Tooth 30`, `Tooth A` or
    // `Tooth 18 (FDI)`, and names its quadrant and arch (ARPB_TX_DENTAL's
    // TOOTH_NUM_C_NAME, QUADRANT_C_NAME, ARCH_C_NAME; open.epic.com). A
    // label says its numbering, whatever the file's.
    let tsv = "TX_ID\tSERVICE_DATE\tproc_code\tTOOTH_NUM_C_NAME\tQUADRANT_C_NAME\tARCH_C_NAME\n\
               1\t9/28/2025 12:00:00 AM\tD2740\tTooth 30\t\t\n\
               2\t9/28/2025 12:00:00 AM\tD2740\tTooth 18 (FDI)\t\t\n\
               3\t9/28/2025 12:00:00 AM\tD7140\tTooth A\t\t\n\
               4\t9/28/2025 12:00:00 AM\tD4341\t\tLower Left\t\n\
               5\t9/28/2025 12:00:00 AM\tD5120\t\t\tLower\n\
               6\t9/28/2025 12:00:00 AM\tD2740\tTooth 33\t\t\n";
    for numbering in [ToothNumbering::Universal, ToothNumbering::Iso] {
        let options = CheckOptions::default().tooth_numbering(numbering);
        let all: Vec<LineReport<'_>> =
            ClaimChecker::with_options(tsv.as_bytes(), CodeSet::compiled(), &options)
                .unwrap()
                .map(Result::unwrap)
                .collect();
        let teeth: Vec<&str> = all
            .iter()
            .filter_map(|report| report.teeth.first())
            .map(|entry| entry.tooth.as_str())
            .collect();
        // No tooth 33: the cell is left as written, and reported.
        assert_eq!(teeth[..3], ["30", "1", "A"], "{numbering:?}");
        assert_eq!(
            verdicts_of(&all),
            [
                Verdict::Valid,
                Verdict::Valid,
                Verdict::Valid,
                Verdict::Valid,
                Verdict::Valid,
                Verdict::Reporting
            ],
            "{numbering:?}"
        );
        assert_eq!(all[0].line, "1");
    }
}

#[test]
fn a_dos_end_of_file_mark_after_the_last_row_is_no_row() {
    // Two exports joined with Windows' `copy a.csv+b.csv both.csv` (ASCII
    // mode, which ends the file with Ctrl-Z; Microsoft's `copy` docs).
    let csv = "code,dos\r\nD0120,2026-01-15\r\nD1352,2026-02-01\r\n\x1a";
    let all: Vec<_> = ClaimChecker::new(csv.as_bytes()).unwrap().collect();
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(all.iter().all(Result::is_ok));
}

#[test]
fn labels_are_read_in_an_area_split_over_columns() {
    // An area split by kind over two columns, each cell a label as Epic
    // writes one: the label read once, with one note, wherever it stands.
    let csv = "code,dos,quadrant,arch\n\
               D4341,2026-01-15,10 - Upper Right Quadrant,\n\
               D5110,2026-01-15,,01 - Maxillary Area\n";
    let all: Vec<LineReport<'_>> = ClaimChecker::new(csv.as_bytes())
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(verdicts_of(&all), [Verdict::Valid, Verdict::Valid]);
    assert_eq!(all[0].areas, ["10"]);
    assert_eq!(all[1].areas, ["01"]);
    assert_eq!(
        all[0].notes,
        ["area \"10 - Upper Right Quadrant\" read as 10"]
    );
    assert_eq!(all[1].notes, ["area \"01 - Maxillary Area\" read as 01"]);
}

/// A stream's first rows are judged as they arrive: after a header line,
/// nothing is read ahead (an interchange is looked for below the first
/// line only when that line is no header). The input here yields a header
/// and one row, then fails as a stream not ready would.
#[test]
fn the_first_row_of_a_stream_needs_no_more_input() {
    struct FirstChunkThenFail(Option<&'static [u8]>);
    impl std::io::Read for FirstChunkThenFail {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            match self.0.take() {
                Some(chunk) => {
                    buf[..chunk.len()].copy_from_slice(chunk);
                    Ok(chunk.len())
                }
                None => Err(std::io::Error::other("no more input yet")),
            }
        }
    }
    let stream =
        std::io::BufReader::new(FirstChunkThenFail(Some(b"code,date\nD0120,2026-01-15\n")));
    let mut checker = ClaimChecker::new(stream).expect("the header alone is read");
    let first = checker.next().expect("a first item").expect("a report");
    assert!(first.is_valid(), "{first}");
    assert!(matches!(checker.next(), Some(Err(_))));
}

/// A file without a header row (Open Dental's fee schedule import is
/// `code<TAB>fee` lines, as a dental group's public repository keeps one:
/// TodaysDental/todaysdentalservicescdk at bb3c88f): refused as before,
/// and the message says the first line is data, not a header.
#[test]
fn a_file_without_a_header_row_is_told_so() {
    let error = ClaimChecker::new("D0120\t26.96\nD0140\t50.00\n".as_bytes()).unwrap_err();
    assert!(matches!(error, HeaderError::MissingColumn { .. }));
    assert_eq!(
        error.to_string(),
        "the header has no procedure_code column; it reads: D0120 | 26.96 (D0120 is a code: \
         the file seems to have no header row naming its columns)"
    );
    // A header that merely lacks the column says nothing more.
    let error = ClaimChecker::new("id\tnotes\n1\tx\n".as_bytes()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the header has no procedure_code column; it reads: id | notes"
    );
}

/// A file with no date column (a treatment plan, a scrubber's sample as
/// hchybli's Dentrix-style `sample-claims.csv` is) is refused unless the
/// caller gives the date to judge it on; then every line is judged on that
/// date, and says so.
#[test]
fn a_file_without_dates_is_judged_on_the_date_given() {
    let csv = "claim,cdt_code,tooth\nC1,D0120,\nC1,D1352,30\nC1,D12A4,\n";
    let error = ClaimChecker::new(csv.as_bytes()).unwrap_err();
    assert!(matches!(
        error,
        HeaderError::MissingColumn {
            column: ClaimColumn::Date,
            ..
        }
    ));
    let judged = |date: &str| -> Vec<(Verdict, String, DateSource)> {
        let options = CheckOptions::default().date_of_service(date.parse().unwrap());
        ClaimChecker::with_options(csv.as_bytes(), CodeSet::compiled(), &options)
            .unwrap()
            .map(Result::unwrap)
            .map(|report| (report.verdict(), report.date.clone(), report.date_source))
            .collect()
    };
    // D1352 was deleted in CDT 2026.
    let before = judged("2025-06-01");
    assert_eq!(
        before
            .iter()
            .map(|(verdict, ..)| *verdict)
            .collect::<Vec<_>>(),
        [Verdict::Valid, Verdict::Valid, Verdict::MalformedCode]
    );
    assert!(before
        .iter()
        .all(|(_, date, source)| date == "2025-06-01" && *source == DateSource::Given));
    let after = judged("2026-03-01");
    assert_eq!(after[1].0, Verdict::Deleted);
    let options = CheckOptions::default().date_of_service("2026-03-01".parse().unwrap());
    let first = ClaimChecker::with_options(csv.as_bytes(), CodeSet::compiled(), &options)
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(
        first.notes,
        ["no date column: judged on the date of service given for the file"]
    );
    // A file with a date column keeps its own dates, an empty one too.
    let dated = "code,dos\nD0120,2026-01-15\nD0120,\n";
    let options = CheckOptions::default().date_of_service("2025-06-01".parse().unwrap());
    let all: Vec<_> = ClaimChecker::with_options(dated.as_bytes(), CodeSet::compiled(), &options)
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(all[0].date, "2026-01-15");
    assert_eq!(all[0].date_source, DateSource::Column);
    assert_eq!(all[1].verdict(), Verdict::MissingDate);
    // The same on the example's command line; a date it cannot read is a
    // usage error.
    let file = std::env::temp_dir().join("cdt-codes-no-date-column.csv");
    std::fs::write(&file, csv).unwrap();
    let file = file.to_str().unwrap();
    let out = check_claims().arg(file).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    // The refusal says how to go on: name the column, or give the date.
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("the header has no date_of_service column"),
        "{said}"
    );
    assert!(said.contains("--date-column"), "{said}");
    assert!(said.contains("--date-of-service YYYY-MM-DD"), "{said}");
    // A header without a code column: name the column.
    let no_code = std::env::temp_dir().join("cdt-codes-no-code-column.csv");
    std::fs::write(&no_code, "item,dos\nD0120,2026-01-15\n").unwrap();
    let out = check_claims().arg(&no_code).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("--code-column"), "{said}");
    let out = check_claims()
        .args(["--format", "json", "--date-of-service", "2025-06-01", file])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        json.matches("\"date_source\":\"given\"").count(),
        3,
        "{json}"
    );
    let out = check_claims()
        .args(["--date-of-service", "2025-02-30", file])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// Exporters that write a CSV for Excel may put `sep=` and the delimiter
/// on the first line, a hint Excel reads to split the rest (public
/// exporters in Java, C# and Google Apps Script write it, one "to tell
/// excel to handle file correctly"). The hint names the delimiter; the
/// header is the line below it.
#[test]
fn an_excel_separator_line_above_the_header_names_the_delimiter() {
    for csv in [
        "sep=;\nprocedure_code;date_of_service;fee\nD0120;2026-01-15;45,00\n",
        "\u{feff}sep=,\r\nprocedure_code,date_of_service\r\nD0120,2026-01-15\r\n",
        "SEP=|\nprocedure_code|date_of_service\nD0120|2026-01-15\n",
        "sep=\t\nprocedure_code\tdate_of_service\nD0120\t2026-01-15\n",
    ] {
        let all = reports(csv.as_bytes());
        assert_eq!(all.len(), 1, "{csv:?}");
        assert_eq!(
            all[0].verdict(),
            Verdict::Valid,
            "{csv:?}: {}",
            all[0].message()
        );
        assert_eq!(all[0].code, "D0120");
        // The line keeps its number in the file: the hint is line 1.
        assert_eq!(all[0].line, "3", "{csv:?}");
    }
    // A first line that only starts so is no hint.
    let csv = "sep=;x\nprocedure_code;date_of_service\nD0120;2026-01-15\n";
    assert!(ClaimChecker::new(csv.as_bytes()).is_err());
}

/// Two exports joined into one file (Windows' `copy a.csv+b.csv`, which
/// also leaves the Ctrl-Z read as a blank line) repeat the header inside
/// the file. That row is no claim line: it stays a malformed code, with a
/// note that says what it is.
#[test]
fn a_header_repeated_inside_the_file_is_noted() {
    let csv = "Procedure Code,Date of Service\r\nD0120,2026-01-15\r\n\x1a\r\nProcedure Code,Date of Service\r\nD1110,2026-01-15\r\n";
    let all = reports(csv.as_bytes());
    assert_eq!(
        verdicts_of(&all),
        [Verdict::Valid, Verdict::MalformedCode, Verdict::Valid]
    );
    assert_eq!(
        all[1].notes,
        ["this row repeats the header (\"Procedure Code\" names the code column): two files joined into one?"]
    );
    assert!(all[0].notes.is_empty() && all[2].notes.is_empty());
}
