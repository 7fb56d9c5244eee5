//! Claims files from outside: public 837 files and export layouts of real
//! practice software and public extracts (`tests/fixtures/real/`, origins
//! and the biller's verdict for every line in its README). Each is judged
//! line by line, and the text, CSV and JSON writers must agree.
#![cfg(feature = "std")]

use cdt_codes::claims::write::{OutputFormat, ReportWriter};
use cdt_codes::claims::{
    ClaimChecker, DateSource, FileKind, HeaderError, LineError, LineReport, Verdict,
};

fn read(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/real/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn reports(name: &str) -> Vec<LineReport<'static>> {
    ClaimChecker::new(read(name).as_slice())
        .unwrap()
        .map(|item| item.unwrap_or_else(|error| panic!("{name}: {error}")))
        .collect()
}

/// Every item as text (a report or a row's error) and every envelope
/// warning, for comparing two readings of one file.
fn lines_and_envelope(input: &[u8]) -> (Vec<String>, Vec<String>) {
    items_and_envelope(input, |item| match item {
        Ok(report) => report.to_string(),
        Err(error) => error.to_string(),
    })
}

/// Each item of a whole file as `each` makes it, and the envelope
/// warnings, read after the last item.
fn items_and_envelope<T>(
    input: &[u8],
    each: impl FnMut(Result<LineReport<'static>, LineError>) -> T,
) -> (Vec<T>, Vec<String>) {
    let mut checker = ClaimChecker::new(input).unwrap();
    let items = checker.by_ref().map(each).collect();
    let envelope = checker
        .envelope_warnings()
        .iter()
        .map(ToString::to_string)
        .collect();
    (items, envelope)
}

/// (line id or position, verdict) of every line that is not valid.
fn findings(name: &str) -> Vec<(String, Verdict)> {
    reports(name)
        .into_iter()
        .filter(|report| report.verdict() != Verdict::Valid)
        .map(|report| (report.line.clone(), report.verdict()))
        .collect()
}

#[test]
fn other_transaction_sets_are_refused_by_name() {
    for (name, what) in [
        (
            "imsweb_837p_x222a1.x12",
            "an 837 professional claim (005010X222A1)",
        ),
        (
            "imsweb_837i_x223a2.x12",
            "an 837 institutional claim (005010X223A2)",
        ),
        (
            "tigershark_835_dental.x12",
            "an 835 claim payment/advice (005010X221A1)",
        ),
    ] {
        match ClaimChecker::new(read(name).as_slice()) {
            Err(HeaderError::NotDental { found }) => assert_eq!(found, what, "{name}"),
            other => panic!("{name}: {other:?}"),
        }
    }
}

/// A segment no reader can read (`PLXX*...`: no segment identifier has
/// four letters) inside a transaction set of another kind is part of a set
/// the checker passes over, not a claim line it could not read. A public
/// 835 sample carries one (databricks-industry-solutions/x12-edi-parser,
/// `sampledata/835/no_plb_sample.txt`, not copied): the checker at
/// `f3b5017` read that file as two unreadable lines instead of refusing it
/// as an 835.
#[test]
fn a_broken_segment_inside_another_kind_of_set_is_passed_over_with_it() {
    let payment = String::from_utf8(read("tigershark_835_dental.x12")).unwrap();
    let broken = payment.replacen("SE*72*0001~", "PLXX*15483NN082*2023~\nSE*72*0001~", 1);
    assert_ne!(broken, payment);
    match ClaimChecker::new(broken.as_bytes()) {
        Err(HeaderError::NotDental { found }) => {
            assert_eq!(found, "an 835 claim payment/advice (005010X221A1)");
        }
        Err(other) => panic!("{other}"),
        Ok(checker) => panic!("read as claims: {:?}", checker.count()),
    }
    // After an 837D, in a second interchange: the dental lines, and the
    // 835 reported as a set passed over, as any set of another kind in a
    // dental file is; nothing of the broken segment.
    let dental = String::from_utf8(read("mjkubba_837d_x224a3.edi")).unwrap();
    let (mut expected, _) = lines_and_envelope(dental.as_bytes());
    expected.push(String::from(
        "segment 3: not an 837 dental claim but an 835 claim payment/advice (005010X221A1); \
         transaction skipped",
    ));
    let joined = std::format!("{dental}{broken}");
    let (lines, _) = lines_and_envelope(joined.as_bytes());
    assert_eq!(lines, expected);
}

#[test]
fn a_compressed_claims_file_is_named_not_read_as_a_header() {
    // The MIT 837D compressed by gzip 1.12, bzip2 1.0.8, xz 5.4.1 and
    // zstd 1.5.4 (origins in the README): each told from its magic
    // number and refused with what to do, not read as a header of binary
    // bytes lacking a code column.
    for (name, kind, what, tool) in [
        (
            "mjkubba_837d_x224a3.edi.gz",
            FileKind::Gzip,
            "gzip",
            "gunzip",
        ),
        (
            "mjkubba_837d_x224a3.edi.bz2",
            FileKind::Bzip2,
            "bzip2",
            "bunzip2",
        ),
        ("mjkubba_837d_x224a3.edi.xz", FileKind::Xz, "xz", "unxz"),
        (
            "mjkubba_837d_x224a3.edi.zst",
            FileKind::Zstd,
            "Zstandard",
            "unzstd",
        ),
    ] {
        let error = ClaimChecker::new(read(name).as_slice()).expect_err(name);
        assert!(
            matches!(error, HeaderError::Unreadable(found) if found == kind),
            "{name}: {error}"
        );
        let message = error.to_string();
        assert!(message.contains(&format!("{what}-compressed")), "{message}");
        assert!(message.contains(tool), "{message}");
        assert!(
            !message.contains("save the claim lines as CSV"),
            "{message}"
        );
    }
}

#[test]
fn a_zipped_claims_file_is_told_to_be_unzipped() {
    // The MIT 837D zipped by Info-ZIP's zip 3.0: a ZIP archive is an
    // Excel workbook or a zipped file, and the message says what to do
    // with either.
    let error = ClaimChecker::new(read("mjkubba_837d_x224a3.edi.zip").as_slice()).expect_err("zip");
    assert!(
        matches!(error, HeaderError::Unreadable(FileKind::Zip)),
        "{error}"
    );
    let message = error.to_string();
    assert!(message.contains("unzip"), "{message}");
    assert!(message.contains("CSV"), "{message}");
}

#[test]
fn dates_as_sql_server_and_javascript_write_them_are_read() {
    // A dental group's sheets, exported by a script, carry JavaScript's
    // date text; SQL Server's default text of a datetime is `Jun 20 2025
    // 12:00AM` (origins in the README). D0461 came in with CDT 2026: on a
    // 2025 date it is not yet in force, so the date was read, not skipped.
    let lines = findings("sheets_script_dates.csv");
    assert_eq!(
        lines,
        [
            ("3".to_string(), Verdict::NotYetInForce),
            ("8".to_string(), Verdict::BadDate),
        ]
    );
    assert_eq!(reports("sheets_script_dates.csv").len(), 7);
}

#[test]
fn version_4010_files_take_the_date_the_guide_says() {
    let lines = reports("x4010_patient_not_subscriber.x12");
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(LineReport::is_valid));

    // A predetermination with no date of service: the transaction date.
    let predetermination = reports("x4010_predetermination.x12");
    assert_eq!(predetermination.len(), 1);
    assert_eq!(predetermination[0].date_source, DateSource::Transaction);
    assert_eq!(predetermination[0].verdict(), Verdict::Valid);

    // An orthodontic claim with only DTP*452: the placement date.
    let ortho = reports("x4010_orthodontic.x12");
    assert_eq!(ortho[0].date_source, DateSource::AppliancePlacement);
    assert_eq!(ortho[0].date, "20100215");
    assert!(ortho[0].is_valid());

    // The guide's D5820 example with teeth 8, 9 and 13 is a valid line.
    let accident = reports("x4010_auto_accident_d5820.x12");
    let d5820 = accident.iter().find(|r| r.code == "D5820").unwrap();
    assert_eq!(d5820.teeth.len(), 3);
    assert_eq!(d5820.verdict(), Verdict::Valid, "{d5820}");
}

#[test]
fn the_mixed_5010_file_is_judged_as_a_biller_would() {
    let all = reports("x5010_mixed_claims.x12");
    assert_eq!(all.len(), 14);
    // TOO*JO*36 is the lower left first molar: Universal 19; TOO*JO*19 is
    // no ISO tooth and must not be read as Universal 19.
    let iso = all
        .iter()
        .find(|r| r.claim.as_deref() == Some("ISO0001"))
        .unwrap();
    assert_eq!(iso.teeth[0].tooth, "19");
    assert!(iso.is_valid(), "{iso}");
    // A range across 1 January 2026 is judged on both editions.
    let range = all
        .iter()
        .find(|r| r.claim.as_deref() == Some("RANGE0001") && r.code == "D1352")
        .unwrap();
    assert_eq!(range.date, "20251229-20260105");
    assert_eq!(range.verdict(), Verdict::Deleted);
    let verdicts: Vec<(Option<&str>, &str, Verdict)> = all
        .iter()
        .filter(|r| !r.is_valid())
        .map(|r| (r.claim.as_deref(), r.line.as_str(), r.verdict()))
        .collect();
    assert_eq!(
        verdicts,
        [
            (Some("ISO0001"), "3", Verdict::Reporting),
            (Some("RANGE0001"), "2", Verdict::Deleted),
            (Some("EDITION0001"), "1", Verdict::NotYetInForce),
            (Some("REPORT0001"), "1", Verdict::Reporting),
            (Some("REPORT0001"), "2", Verdict::Reporting),
            (Some("REPORT0001"), "3", Verdict::Reporting),
        ]
    );
}

#[test]
fn envelope_problems_are_warnings_not_lines() {
    let bytes = read("x5010_mixed_claims.x12");
    let mut checker = ClaimChecker::new(bytes.as_slice()).unwrap();
    let lines = checker.by_ref().count();
    assert_eq!(lines, 14);
    let warnings: Vec<String> = checker
        .envelope_warnings()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        warnings,
        ["segment 75: SE01 says 60 segments; the transaction set has 73"]
    );
    assert_eq!(checker.summary().lines(), 14);

    // A second interchange with its own delimiters, a wrong GE01, no IEA.
    let bytes = read("x5010_two_interchanges.x12");
    let mut checker = ClaimChecker::new(bytes.as_slice()).unwrap();
    let reports: Vec<_> = checker.by_ref().collect::<Result<_, _>>().unwrap();
    assert_eq!(reports.len(), 4);
    // A crown and a filling on tooth 19 on one date: an inferred claim
    // edit, so a warning on both lines, never an error.
    assert!(reports
        .iter()
        .all(|r| r.severity() != Some(cdt_codes::Severity::Error)));
    assert_eq!(
        reports.iter().filter(|r| !r.conflicts.is_empty()).count(),
        2
    );
    assert_eq!(checker.envelope_warnings().len(), 2);
}

/// The codes, verdicts and envelope warnings of a whole file.
fn judged(name: &str) -> (Vec<(String, Verdict)>, Vec<String>) {
    items_and_envelope(&read(name), |item| {
        let report = item.unwrap_or_else(|error| panic!("{name}: {error}"));
        (report.code.clone(), report.verdict())
    })
}

#[test]
fn a_public_837d_of_a_later_addendum_is_read() {
    // Root canal on tooth 5 (a premolar) and a periodic evaluation.
    let (lines, warnings) = judged("mjkubba_837d_x224a3.edi");
    assert_eq!(
        lines,
        [
            ("D3320".to_string(), Verdict::Valid),
            ("D0120".to_string(), Verdict::Valid)
        ]
    );
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn an_st03_that_names_no_guide_is_read_by_gs08_and_said() {
    // The same file with the ST03 a public project's sample carries: a
    // guide's number run into another (`X222` + `24A2`), once read as a
    // professional claim and refused.
    let (lines, warnings) = judged("mjkubba_837d_st03_unknown.edi");
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|(_, verdict)| *verdict == Verdict::Valid));
    assert_eq!(
        warnings,
        ["segment 3: ST03 005010X22224A2 names no implementation guide; read by GS08 005010X224A3"]
    );
}

#[test]
fn open_dental_exports_in_every_encoding() {
    // Quadrants, arches and sextants in Surf; a tooth range; a database's
    // empty date on a treatment-planned row. PatNum groups a patient's
    // lines for the claim-level edits: full-mouth debridement (line 7)
    // with scaling (line 8) on one date is a warning on both.
    assert_eq!(
        findings("opendental_procedurelog.tsv"),
        [
            ("7".to_string(), Verdict::Conflict),
            ("8".to_string(), Verdict::Reporting),
            ("12".to_string(), Verdict::Deleted),
            ("13".to_string(), Verdict::Reporting),
            ("16".to_string(), Verdict::MissingDate),
        ]
    );
    // The same rows re-saved as Windows-1252 and as UTF-16: no row lost.
    for name in [
        "opendental_excel_cp1252.csv",
        "opendental_excel_unicode.txt",
    ] {
        let all = reports(name);
        assert_eq!(all.len(), 7, "{name}");
        let bad: Vec<Verdict> = all
            .iter()
            .filter(|r| !r.is_valid())
            .map(LineReport::verdict)
            .collect();
        assert_eq!(bad, [Verdict::Deleted, Verdict::Reporting], "{name}");
    }
}

#[test]
fn public_extract_layouts_are_recognised() {
    // T-MSIS TAF line columns, SAS dates, JO teeth and a service range.
    let taf = reports("taf_other_services_line_dental.csv");
    assert_eq!(taf.len(), 9);
    assert_eq!(taf[4].teeth[0].tooth, "19"); // ISO 36
    assert_eq!(
        findings("taf_other_services_line_dental.csv"),
        [
            ("8".to_string(), Verdict::Deleted),
            ("9".to_string(), Verdict::Deleted)
        ]
    );
    // camelCase fields and ISO date-times.
    assert_eq!(
        findings("stedi_camelcase_lines.csv"),
        [("6".to_string(), Verdict::Deleted)]
    );
    // The OMOP Common Data Model's procedure_occurrence: the code in
    // procedure_source_value, a CPT code among the CDT ones.
    assert_eq!(
        findings("omop_procedure_occurrence.csv"),
        [
            ("9003".to_string(), Verdict::Deleted),
            ("9004".to_string(), Verdict::Deleted),
            ("9005".to_string(), Verdict::NotYetInForce),
            ("9006".to_string(), Verdict::MalformedCode),
        ]
    );
    assert_eq!(
        reports("omop_procedure_occurrence.csv")[0]
            .patient
            .as_deref(),
        Some("501")
    );
}

/// Open Dental's claim procedures (table `claimproc`): the code sent to
/// the payer (`CodeSent`, a practice's own code already cut to five) and,
/// joined from the procedure, the practice's code (`ProcCode`: `D9230b`,
/// `D8670.auto`), judged as the five characters the claim sent.
#[test]
fn open_dental_claim_procedures_are_judged_by_the_code_sent() {
    let sent = reports("opendental_claimproc_sent.tsv");
    assert_eq!(sent.len(), 7);
    assert_eq!(sent[2].code, "D9230");
    assert_eq!(
        findings("opendental_claimproc_sent.tsv"),
        [("1".to_string(), Verdict::Deleted)] // D1352 on 2026-01-12
    );
    let joined = reports("opendental_claimproc.tsv");
    assert_eq!(joined[2].code, "D9230b");
    assert_eq!(joined[4].message(), "D8670 is valid");
    assert_eq!(
        findings("opendental_claimproc.tsv"),
        [
            ("1".to_string(), Verdict::Deleted),   // D1352b on 2026-01-12
            ("2".to_string(), Verdict::Reporting), // D2391x on tooth 8
        ]
    );
}

/// Open Dental's report export (24.3's Daily Procedures, as its
/// `FormReportComplex` writes every standard report): a title line above
/// the captions, the surfaces field captioned `Area`, a tab after a blank
/// last cell and a totals row of tabs and sums at the end (README).
#[test]
fn an_open_dental_report_export_is_read_as_it_is_written() {
    let name = "opendental_daily_procedures_export.txt";
    let bytes = read(name);
    let mut checker = ClaimChecker::new(bytes.as_slice()).unwrap();
    let all: Vec<LineReport<'static>> = checker.by_ref().map(Result::unwrap).collect();
    let summary = checker.summary();
    assert_eq!(summary.lines(), 8);
    assert_eq!((summary.title_lines, summary.totals_rows), (1, 1));
    assert_eq!(all[0].line, "3"); // file line 3: the title and captions come first
    assert_eq!(all[2].teeth[0].surfaces, "MO"); // `Area` holding surfaces
    assert_eq!(all[3].areas, ["UR"]);
    assert_eq!(all[4].teeth[0].surfaces, "F"); // class V on an incisor
    assert_eq!(all[5].areas, ["01"]); // Open Dental's upper arch, `U`
    assert_eq!(findings(name), [("9".to_string(), Verdict::Reporting)]); // D3330 on 8
                                                                         // The text summary says what was left out, and why.
    assert!(
        summary
            .to_string()
            .contains("1 title line above the header, 1 totals row"),
        "{summary}"
    );
}

/// Open Dental stores a class V surface as `V` and sends it on claims as
/// `B` on a posterior tooth, `F` on an anterior one (README: its
/// `Tooth.SurfTidyForClaims`); its exports carry the `V`.
#[test]
fn open_dental_class_v_surfaces_are_read_as_it_sends_them() {
    let all = reports("opendental_class_v.tsv");
    let surfaces: Vec<&str> = all
        .iter()
        .map(|report| {
            report
                .teeth
                .first()
                .map_or("", |entry| entry.surfaces.as_str())
        })
        .collect();
    assert_eq!(surfaces, ["F", "B", "MB", "B", "OB", "V"]);
    assert_eq!(
        findings("opendental_class_v.tsv"),
        [
            ("6".to_string(), Verdict::Reporting),
            ("7".to_string(), Verdict::Reporting),
        ]
    );
    assert!(all[..5].iter().all(|report| report.notes.len() == 1));
}

/// Open Dental's Daily Procedures report names the code `ADA Code` and
/// the patient `Patient Name`; its dates are US short dates.
#[test]
fn the_open_dental_daily_procedures_report_is_read() {
    let all = reports("opendental_daily_procedures.txt");
    assert_eq!(all.len(), 10);
    assert_eq!(all[0].code, "D0120");
    assert_eq!(all[0].patient.as_deref(), Some("Lee, Ann M"));
    assert_eq!(
        findings("opendental_daily_procedures.txt"),
        [
            ("8".to_string(), Verdict::Reporting),
            ("9".to_string(), Verdict::Deleted),
        ]
    );
}

/// Every file's reports through the three writers: the same verdict and
/// severity per line in text, CSV and JSON, and summaries that add up.
#[test]
fn the_washington_apcd_dental_extract_is_read() {
    // All 55 columns of the extract; its own names for the claim, line,
    // dates, tooth system, tooth, quadrant, surfaces and member.
    let all = reports("wa_apcd_dental_claim.csv");
    assert_eq!(all.len(), 8);
    let not_valid: Vec<(String, String, Verdict)> = all
        .iter()
        .filter(|report| report.verdict() != Verdict::Valid)
        .map(|report| {
            let claim = report.claim.clone().unwrap_or_default();
            (claim, report.line.clone(), report.verdict())
        })
        .collect();
    assert_eq!(
        not_valid,
        [
            // D0290, deleted in CDT 2017, on 10 January 2017.
            ("WA-C-1002".to_string(), "1".to_string(), Verdict::Deleted),
            // D4342 names no quadrant.
            ("WA-C-1003".to_string(), "1".to_string(), Verdict::Reporting),
        ]
    );
    // Tooth 21 in the ISO system (`JO`) is the upper left central
    // incisor: an anterior root canal fits it (as Universal 21, a lower
    // premolar, it would not).
    let root_canal = &all[6];
    assert_eq!(root_canal.code, "D3310");
    assert_eq!(root_canal.verdict(), Verdict::Valid);
    assert_eq!(all[0].patient.as_deref(), Some("900001"));
}

#[test]
fn a_note_written_over_several_lines_is_one_row() {
    // A claims follow-up sheet saved as CSV: its notes hold line breaks
    // inside quotes (CRLF, as the public sheet the fixture follows has).
    let lines = reports("followup_notes_across_lines.csv");
    let read: Vec<(u64, &str, Verdict)> = lines
        .iter()
        .map(|report| (report.position, report.code.as_str(), report.verdict()))
        .collect();
    assert_eq!(
        read,
        [
            (2, "D0220", Verdict::Valid),
            (4, "D7240", Verdict::Valid),
            (6, "D2740", Verdict::Valid),
            (7, "D1352", Verdict::Deleted),
            (10, "D1206", Verdict::Valid),
        ]
    );
    // `PatName`, as Open Dental's outstanding claims report names it,
    // is the patient: the claim-level edits run.
    assert_eq!(lines[0].patient.as_deref(), Some("Doe, Jane"));
}

#[test]
fn an_epic_claim_line_extract_is_read_by_its_labels() {
    // Epic's EHI export writes its category columns as labels: a tooth by
    // its name, a surface as `O - Occlusal`, an area as `10 - Upper Right
    // Quadrant` (open.epic.com, AP_CLM_PX_TOOTH and AP_CLM_PX_CVTY_DSG).
    let lines = reports("epic_ehi_ap_claim_lines.tsv");
    let read: Vec<(&str, &str, String, String, Verdict)> = lines
        .iter()
        .map(|report| {
            let tooth = report.teeth.first();
            (
                report.line.as_str(),
                report.code.as_str(),
                tooth.map_or(String::new(), |entry| {
                    format!("{}{}", entry.tooth, entry.surfaces)
                }),
                report.areas.join(" "),
                report.verdict(),
            )
        })
        .collect();
    let expected = [
        ("7100001", "D2391", "30O", "", Verdict::Valid),
        ("7100002", "D2330", "8F", "", Verdict::Valid),
        ("7100003", "D4341", "", "10", Verdict::Valid),
        ("7100004", "D5120", "", "02", Verdict::Valid),
        // A maxillary denture on the lower arch.
        ("7100005", "D5110", "", "02", Verdict::Reporting),
        // X12's left side is no area of the ADA's list.
        ("7100006", "D4342", "", "L - Left", Verdict::Reporting),
        // A posterior code, occlusal, on a central incisor.
        ("7100007", "D2391", "8O", "", Verdict::Reporting),
        ("7100008", "D7140", "T", "", Verdict::Valid),
        ("7100009", "D1351", "19", "", Verdict::Valid),
    ];
    let expected: Vec<(&str, &str, String, String, Verdict)> = expected
        .into_iter()
        .map(|(line, code, tooth, area, verdict)| {
            (line, code, tooth.to_string(), area.to_string(), verdict)
        })
        .collect();
    assert_eq!(read, expected);
    assert_eq!(
        lines[0].notes,
        [
            "tooth \"Permanent mandibular right first molar\" read as 30, the tooth it names",
            "surfaces \"O - Occlusal\" read as O",
        ]
    );
}

#[test]
fn a_sheet_saved_with_classic_mac_line_endings_reads_as_the_export() {
    // Excel for Mac's "Comma Separated Values" ends each line with a lone
    // carriage return; read as one long line, the file gave no line at all.
    let key = |report: &LineReport<'_>| (report.position, report.code.clone(), report.verdict());
    let saved: Vec<_> = reports("opendental_excel_mac_cr.csv")
        .iter()
        .map(key)
        .collect();
    let export: Vec<_> = reports("opendental_procedurelog.tsv")
        .iter()
        .map(key)
        .collect();
    assert_eq!(saved.len(), 15);
    assert_eq!(saved, export);
}

#[test]
fn the_three_writers_agree_on_every_line() {
    for name in [
        "x4010_patient_not_subscriber.x12",
        "x4010_predetermination.x12",
        "x4010_orthodontic.x12",
        "x4010_auto_accident_d5820.x12",
        "x5010_mixed_claims.x12",
        "x5010_two_interchanges.x12",
        "opendental_procedurelog.tsv",
        "opendental_excel_cp1252.csv",
        "opendental_excel_unicode.txt",
        "taf_other_services_line_dental.csv",
        "stedi_camelcase_lines.csv",
        "opendental_daily_procedures.txt",
        "mjkubba_837d_x224a3.edi",
        "mjkubba_837d_st03_unknown.edi",
        "wa_apcd_dental_claim.csv",
        "opendental_class_v.tsv",
        "opendental_daily_procedures_export.txt",
        "opendental_claimproc.tsv",
        "opendental_claimproc_sent.tsv",
        "omop_procedure_occurrence.csv",
        "followup_notes_across_lines.csv",
        "epic_ehi_ap_claim_lines.tsv",
        "opendental_excel_mac_cr.csv",
    ] {
        let bytes = read(name);
        let outputs: Vec<String> = [OutputFormat::Text, OutputFormat::Csv, OutputFormat::Json]
            .into_iter()
            .map(|format| {
                let mut checker = ClaimChecker::new(bytes.as_slice()).unwrap();
                let mut writer = ReportWriter::new(Vec::new(), format).unwrap();
                for item in checker.by_ref() {
                    writer.item(&item).unwrap();
                }
                writer
                    .finish(&checker.summary(), checker.envelope_warnings())
                    .unwrap();
                String::from_utf8(writer.into_inner()).unwrap()
            })
            .collect();
        let all = reports(name);
        let json: Vec<serde_json::Value> = outputs[2]
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .filter(|value: &serde_json::Value| value.get("verdict").is_some())
            .collect();
        let csv: Vec<&str> = outputs[1].lines().skip(1).collect();
        assert_eq!(json.len(), all.len(), "{name}");
        assert_eq!(csv.len(), all.len(), "{name}");
        for ((report, json), csv) in all.iter().zip(&json).zip(&csv) {
            let severity = report.severity().map(cdt_codes::Severity::key);
            assert_eq!(json["verdict"], report.verdict().key(), "{name}: {report}");
            assert_eq!(json["severity"].as_str(), severity, "{name}: {report}");
            assert_eq!(json["message"], report.message(), "{name}");
            // CSV: ...,date_source,verdict,severity,message,...
            let needle = format!(
                ",{},{},{},",
                report.date_source.key(),
                report.verdict().key(),
                severity.unwrap_or("")
            );
            assert!(csv.contains(&needle), "{name}: {csv} lacks {needle}");
            // Text shows every line with a finding, with its severity.
            if let Some(severity) = severity {
                let line = format!("{severity}: {report}");
                assert!(outputs[0].lines().any(|l| l == line), "{name}: {line}");
            }
        }
        // The JSON summary's counts by verdict add up to its lines.
        let summary: serde_json::Value =
            serde_json::from_str(outputs[2].lines().last().unwrap()).unwrap();
        let summary = &summary["summary"];
        let by_verdict: u64 = Verdict::ALL
            .iter()
            .map(|verdict| summary[verdict.key()].as_u64().unwrap())
            .sum();
        assert_eq!(summary["lines"].as_u64(), Some(by_verdict), "{name}");
        assert_eq!(by_verdict, all.len() as u64, "{name}");
        let with_severity = all.iter().filter(|r| r.severity().is_some()).count() as u64;
        assert_eq!(
            summary["errors"].as_u64().unwrap() + summary["warnings"].as_u64().unwrap(),
            with_severity,
            "{name}"
        );
    }
}

/// The fuzz finding of issue 29: a first line cut before ISA16 gets the
/// same answer whatever its line ending.
#[test]
fn a_truncated_isa_reads_alike_with_either_line_ending() {
    let fixture = std::fs::read(format!(
        "{}/tests/fixtures/claims.837",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let answer = |ending: &[u8]| {
        let mut input = fixture[..104].to_vec();
        input.extend_from_slice(ending);
        ClaimChecker::new(input.as_slice())
            .err()
            .map(|e| e.to_string())
    };
    let lf = answer(b"\n");
    assert_eq!(lf, answer(b"\r\n"));
    assert_eq!(
        lf.as_deref(),
        Some("the X12 interchange cannot be read: segment 1: the ISA segment is incomplete")
    );
}

/// An interchange wrapped at a fixed width, as X12's RFI 28 describes one
/// (a line break at the 81st byte, in the middle of elements): its lines
/// read as the unwrapped file's, with one envelope warning.
#[test]
fn an_interchange_wrapped_at_80_columns_reads_as_unwrapped() {
    for name in [
        "x5010_mixed_claims.x12",
        "x4010_auto_accident_d5820.x12",
        "mjkubba_837d_x224a3.edi",
    ] {
        let bytes = read(name);
        let unwrapped: Vec<u8> = bytes
            .iter()
            .copied()
            .filter(|b| !matches!(b, b'\r' | b'\n'))
            .collect();
        let (expected, expected_envelope) = lines_and_envelope(&unwrapped);
        for ending in [&b"\n"[..], b"\r\n"] {
            let mut wrapped = Vec::new();
            for chunk in unwrapped.chunks(80) {
                wrapped.extend_from_slice(chunk);
                wrapped.extend_from_slice(ending);
            }
            let (lines, envelope) = lines_and_envelope(&wrapped);
            assert_eq!(lines, expected, "{name}");
            assert_eq!(
                envelope.first().map(String::as_str),
                Some(
                    "segment 1: the interchange is wrapped at a fixed width (a line break inside \
                     its ISA): line breaks are read as nothing, wherever they fall"
                ),
                "{name}"
            );
            assert_eq!(envelope[1..], expected_envelope, "{name}");
        }
    }
}

/// Bytes after the last segment that carry nothing: a DOS end-of-file mark
/// (Ctrl-Z) or the NUL bytes a block transfer pads a file with. X12's RFI
/// 28 recalls the standard's rule to ignore bytes outside its character
/// set and delimiters: they are passed over between segments, as line
/// breaks are.
#[test]
fn padding_after_the_interchange_is_passed_over() {
    let bytes = read("x5010_mixed_claims.x12");
    let lines = |input: &[u8]| lines_and_envelope(input).0;
    let expected = lines(&bytes);
    for padding in [&b"\x1a"[..], &[0; 300], b"\r\n\x1a\0\0"] {
        let mut padded = bytes.clone();
        padded.extend_from_slice(padding);
        assert_eq!(lines(&padded), expected, "{padding:?}");
    }
}

/// An undefined code is unknown whatever its date says, for a range as for
/// a single date (fuzz round 3, finding D).
#[test]
fn an_unknown_code_on_a_broken_range_is_unknown() {
    let isa = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260215*1030*^*00501*000000001*0*T*:~";
    for range in [
        "20260105-20260101",
        "20260101-2026XX05",
        "20260230-20260301",
    ] {
        let x12 = format!(
            "{isa}GS*HC*S*R*20260215*1030*1*X*005010X224A2~ST*837*0001*005010X224A2~\
             CLM*A1*100***11:B:1*Y*A*Y*Y~LX*1~SV3*AD:D0000*50~DTP*472*RD8*{range}~\
             LX*2~SV3*AD:D0120*50~DTP*472*RD8*{range}~SE*9*0001~GE*1*1~IEA*1*000000001~"
        );
        let all: Vec<LineReport<'_>> = ClaimChecker::new(x12.as_bytes())
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(all[0].verdict(), Verdict::UnknownCode, "{range}");
        assert_eq!(all[1].verdict(), Verdict::BadDate, "{range}");
    }
}

/// Delimiters written as UTF-8 characters: an interchange whose delimiter
/// was one byte outside ASCII (`0x85`, `0xA6` in Windows-1252), saved as
/// UTF-8 by a tool that took it for text. The file of issue 109 of
/// `xlate/staedi` is such a one (a horizontal ellipsis, U+2026, ends each
/// segment), and the samples of `KeyMarkInc/OopFactory.X12` hold others (a
/// broken bar, U+00A6, as the component separator). Each reads as the file it came from, with one
/// envelope warning that names the character.
#[test]
fn delimiters_written_as_utf8_characters_are_read() {
    let (expected, expected_envelope) = lines_and_envelope(&read("mjkubba_837d_x224a3.edi"));
    assert_eq!(expected.len(), 2);
    for (name, character) in [
        ("mjkubba_837d_ellipsis_terminator.edi", "U+2026"),
        ("mjkubba_837d_broken_bar_component.edi", "U+00A6"),
    ] {
        let (lines, envelope) = lines_and_envelope(&read(name));
        assert_eq!(lines, expected, "{name}");
        assert_eq!(
            envelope.len(),
            expected_envelope.len() + 1,
            "{name}: {envelope:?}"
        );
        assert!(envelope[0].contains(character), "{name}: {envelope:?}");
        assert!(envelope[0].contains("UTF-8"), "{name}: {envelope:?}");
        // Handed over a byte at a time, each character split across reads.
        let bytes = read(name);
        let mut checker =
            ClaimChecker::new(std::io::BufReader::with_capacity(1, bytes.as_slice())).unwrap();
        let one_by_one: Vec<String> = checker
            .by_ref()
            .map(|item| item.map(|report| report.to_string()).unwrap())
            .collect();
        assert_eq!(one_by_one, expected, "{name}, a byte at a time");
        assert_eq!(checker.envelope_warnings().len(), envelope.len());
        // Saved as UTF-16 with a byte-order mark (Excel's "Unicode Text").
        let text = String::from_utf8(bytes).unwrap();
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let (lines, envelope) = lines_and_envelope(&utf16);
        assert_eq!(lines, expected, "{name}, UTF-16");
        assert!(
            envelope[0].contains(character),
            "{name}, UTF-16: {envelope:?}"
        );
    }
}

/// Text above the interchange: a heading and a line of prose, as the 837D
/// guide's examples are published with (the fixtures of stupidedi's pull
/// request 1 keep them so; `mjkubba_837d_under_heading.edi` puts our own
/// above a public file). X12 says nothing of bytes outside an
/// interchange, and stupidedi's reader passes over them to the first
/// `ISA`: the lines read as the interchange's alone, with one envelope
/// warning that says how many lines were passed over.
#[test]
fn text_above_the_interchange_is_passed_over() {
    let published = read("mjkubba_837d_under_heading.edi");
    let isa = published
        .windows(4)
        .position(|window| window == b"\nISA")
        .map(|at| at + 1)
        .unwrap();
    let (lines, envelope) = lines_and_envelope(&published);
    let (expected, expected_envelope) = lines_and_envelope(&published[isa..]);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines, expected);
    assert_eq!(
        envelope.first().map(String::as_str),
        Some(
            "segment 1: the 4 lines above the ISA are no part of an interchange (a heading or \
             notes): passed over"
        )
    );
    assert_eq!(envelope[1..], expected_envelope);
    // Two such files joined (`cat`): the second heading lies between the
    // interchanges, passed over too, a warning for each of its two lines
    // of text; the lines of both are read.
    let mut joined = published.clone();
    joined.extend_from_slice(&published);
    let (both, envelope) = lines_and_envelope(&joined);
    assert_eq!(both.len(), 4);
    let between = envelope
        .iter()
        .filter(|warning| warning.contains("text after the IEA, outside any interchange"))
        .count();
    assert_eq!(between, 2, "{envelope:?}");
    // Over other files of the corpus: a heading with a comma in it and a
    // blank line after it, or a single word.
    for name in ["x5010_mixed_claims.x12", "x4010_orthodontic.x12"] {
        let bytes = read(name);
        let expected = lines_and_envelope(&bytes).0;
        for heading in [&b"Claims for March, as sent\r\n\r\n"[..], b"notes\n"] {
            let mut above = heading.to_vec();
            above.extend_from_slice(&bytes);
            assert_eq!(lines_and_envelope(&above).0, expected, "{name}");
        }
    }
}
