//! Claim-level edits as the checker runs them: the lines of each claim
//! held until the claim ends, each conflict put on every line it names,
//! counted once, and shown alike by the writers.
#![cfg(feature = "std")]

use cdt_codes::claims::write::{OutputFormat, ReportWriter};
use cdt_codes::claims::{CheckOptions, ClaimChecker, LineReport, Verdict};
use cdt_codes::{CodeSet, Severity};

/// A claims export: each claim one kind of rule firing, or a clean claim
/// that must not fire.
const CLAIMS: &str = "\
claim,line,code,dos,tooth,surfaces,area
EVAL,1,D0120,2026-01-15,,,
EVAL,2,D0150,2026-01-15,,,
PULP,1,D3220,2026-02-01,30,,
PULP,2,D3330,2026-02-01,30,,
FMX,1,D0210,2026-02-02,,,
FMX,2,D0274,2026-02-02,,,
PROPHY,1,D1110,2026-02-03,,,
PROPHY,2,D4910,2026-02-03,,,
SRP,1,D4341,2026-02-04,,,10
SRP,2,D4342,2026-02-04,,,10
EXT,1,D7140,2026-02-05,19,,
EXT,2,D7210,2026-02-05,19,,
AFTER,1,D7140,2026-02-06,14,,
AFTER,2,D2150,2026-02-13,14,MO,
RECALL,1,D0120,2026-03-01,,,
RECALL,2,D1110,2026-03-01,,,
RECALL,3,D0274,2026-03-01,,,
CROWN,1,D2950,2026-03-02,3,,
CROWN,2,D2740,2026-03-02,3,,
TWOQUAD,1,D4341,2026-03-03,,,10
TWOQUAD,2,D4341,2026-03-03,,,20
SIXMONTHS,1,D1110,2026-01-10,,,
SIXMONTHS,2,D1110,2026-07-10,,,
ENDO,1,D3330,2026-04-01,3,,
ENDO,2,D2950,2026-04-08,3,,
ENDO,3,D2740,2026-04-22,3,,
";

fn run(text: &str) -> (Vec<LineReport<'static>>, u64) {
    let mut checker = ClaimChecker::new(text.as_bytes()).unwrap();
    let reports: Vec<_> = checker.by_ref().collect::<Result<_, _>>().unwrap();
    (reports, checker.summary().conflicts)
}

/// The rule ids on the lines of `claim`.
fn rules_on(reports: &[LineReport<'_>], claim: &str) -> Vec<Vec<&'static str>> {
    reports
        .iter()
        .filter(|r| r.claim.as_deref() == Some(claim))
        .map(|r| r.conflicts.iter().map(|c| c.rule.id()).collect())
        .collect()
}

#[test]
fn every_kind_fires_on_both_lines_and_clean_claims_pass() {
    let (reports, conflicts) = run(CLAIMS);
    assert_eq!(reports.len(), 26);
    for (claim, rule) in [
        ("EVAL", "evaluation-once"),
        ("PULP", "pulpotomy-with-root-canal"),
        ("FMX", "full-series-includes-bitewings"),
        ("PROPHY", "prophylaxis-with-maintenance"),
        ("SRP", "scaling-once-per-quadrant"),
        ("EXT", "extraction-once"),
        ("AFTER", "service-after-extraction"),
    ] {
        let on = rules_on(&reports, claim);
        assert_eq!(on.len(), 2, "{claim}");
        for rules in &on {
            assert!(rules.contains(&rule), "{claim}: {on:?}");
        }
    }
    for clean in ["RECALL", "CROWN", "TWOQUAD", "SIXMONTHS", "ENDO"] {
        for report in reports.iter().filter(|r| r.claim.as_deref() == Some(clean)) {
            assert!(report.is_valid(), "{report}");
        }
    }
    // Each conflict counted once in the summary, though on two lines.
    let on_lines: usize = reports.iter().map(|r| r.conflicts.len()).sum();
    assert_eq!(on_lines as u64, 2 * conflicts);
}

#[test]
fn a_pulpotomy_and_a_root_canal_name_the_rule_and_both_lines() {
    let (reports, _) = run(CLAIMS);
    let pulp: Vec<&LineReport<'_>> = reports
        .iter()
        .filter(|r| r.claim.as_deref() == Some("PULP"))
        .collect();
    assert_eq!(pulp[0].verdict(), Verdict::Conflict);
    assert_eq!(pulp[0].severity(), Some(Severity::Error));
    let conflict = &pulp[0].conflicts[0];
    assert_eq!(conflict.lines, ["1", "2"]);
    assert_eq!(conflict.claim.as_deref(), Some("PULP"));
    assert!(pulp[1].message().starts_with("conflicts with line 1: "));
    assert!(pulp[1]
        .message()
        .ends_with("[rule pulpotomy-with-root-canal]"));
}

#[test]
fn claims_in_an_837d_are_grouped_by_clm() {
    let isa = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260215*1030*^*00501*000000001*0*T*:~";
    let x12 = format!(
        "{isa}GS*HC*S*R*20260215*1030*1*X*005010X224A2~ST*837*0001*005010X224A2~\
         CLM*A1*100***11:B:1*Y*A*Y*Y~DTP*472*D8*20260115~LX*1~SV3*AD:D0120*50~LX*2~SV3*AD:D0150*50~\
         CLM*A2*100***11:B:1*Y*A*Y*Y~DTP*472*D8*20260115~LX*1~SV3*AD:D0120*50~\
         SE*13*0001~GE*1*1~IEA*1*000000001~"
    );
    let (reports, conflicts) = run(&x12);
    assert_eq!(conflicts, 1);
    assert_eq!(reports[0].conflicts.len(), 1);
    assert_eq!(reports[1].conflicts.len(), 1);
    // The second claim's exam is another claim: no conflict.
    assert!(reports[2].is_valid());
}

#[test]
fn without_a_claim_column_edits_are_skipped_and_said_so() {
    let text = "code,dos\nD0120,2026-01-15\nD0150,2026-01-15\n";
    let mut checker = ClaimChecker::new(text.as_bytes()).unwrap();
    assert!(checker.by_ref().all(|r| r.unwrap().is_valid()));
    let summary = checker.summary();
    assert!(summary.skipped.edits);
    assert!(summary
        .to_string()
        .contains("claim-level edits (no claim or patient column)"));
}

#[test]
fn edits_can_be_turned_off_and_an_unsorted_export_is_checked_in_runs() {
    let options = CheckOptions::default().claim_edits(false);
    let mut checker =
        ClaimChecker::with_options(CLAIMS.as_bytes(), CodeSet::compiled(), &options).unwrap();
    assert!(checker.by_ref().all(|r| r.unwrap().conflicts.is_empty()));
    assert_eq!(checker.summary().conflicts, 0);
    // C1's two evaluations are split by another claim's row: two runs.
    let unsorted =
        "claim,code,dos\nC1,D0120,2026-01-15\nC2,D0120,2026-01-15\nC1,D0150,2026-01-15\n";
    let (reports, conflicts) = run(unsorted);
    assert_eq!(conflicts, 0);
    assert!(reports.iter().all(LineReport::is_valid));
}

#[test]
fn the_json_writer_lists_each_conflict_once_and_on_its_lines() {
    let mut checker = ClaimChecker::new(CLAIMS.as_bytes()).unwrap();
    let mut writer = ReportWriter::new(Vec::new(), OutputFormat::Json).unwrap();
    while let Some(item) = checker.next() {
        writer.item(&item).unwrap();
        writer.conflicts(&checker.take_conflicts()).unwrap();
    }
    writer
        .finish(&checker.summary(), checker.envelope_warnings())
        .unwrap();
    let text = String::from_utf8(writer.into_inner()).unwrap();
    let values: Vec<serde_json::Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let claim_level: Vec<&serde_json::Value> =
        values.iter().filter_map(|v| v.get("conflict")).collect();
    let summary = &values.last().unwrap()["summary"];
    assert_eq!(
        claim_level.len() as u64,
        summary["conflicts"].as_u64().unwrap()
    );
    let pulp = claim_level
        .iter()
        .find(|c| c["rule"] == "pulpotomy-with-root-canal")
        .unwrap();
    assert_eq!(pulp["lines"], serde_json::json!(["1", "2"]));
    assert_eq!(pulp["severity"], "error");
    let line = values
        .iter()
        .find(|v| v["claim"] == "PULP" && v["line"] == "2")
        .unwrap();
    assert_eq!(line["verdict"], "conflict");
    assert_eq!(line["conflicts"][0]["rule"], "pulpotomy-with-root-canal");
}

#[test]
fn a_patient_column_groups_a_patients_claims() {
    // An extraction on one claim, then a filling on the same tooth on the
    // patient's next claim: the sequence rule sees both.
    let text = "\
patient,claim,line,code,dos,tooth,surfaces
P1,A,1,D7140,2026-02-06,14,
P1,B,1,D2150,2026-02-13,14,MO
P2,C,1,D2150,2026-02-13,14,MO
";
    let (reports, conflicts) = run(text);
    assert_eq!(conflicts, 1);
    let conflict = &reports[1].conflicts[0];
    assert_eq!(conflict.rule.id(), "service-after-extraction");
    assert_eq!(conflict.lines, ["A/1", "B/1"]);
    assert_eq!(conflict.claim, None);
    assert!(reports[2].is_valid());
}

#[test]
fn a_claim_is_judged_on_its_own_areas_teeth_and_surfaces_only() {
    // The checker keeps the edits' view of a claim's lines from claim to
    // claim; nothing of the first claim may stay on the second. Each
    // claim alone is clean; carried over, QUAD2's lines would share area
    // 10 (scaling twice in one quadrant) and TOOTH2's lines, both on tooth
    // 3, the occlusal surface (two restorations on one surface).
    let text = "\
claim,line,code,dos,tooth,surfaces,area
QUAD1,1,D4341,2026-02-04,,,10
QUAD1,2,D4342,2026-02-04,,,20
QUAD2,1,D4341,2026-02-05,,,40
QUAD2,2,D4342,2026-02-05,,,10
TOOTH1,1,D2150,2026-02-06,3,MO,
TOOTH1,2,D2160,2026-02-06,14,DOL,
TOOTH2,1,D2140,2026-02-07,3,B,
TOOTH2,2,D2140,2026-02-07,3,L,
";
    let (reports, conflicts) = run(text);
    assert_eq!(reports.len(), 8);
    for report in &reports {
        assert!(report.conflicts.is_empty(), "{report:?}");
    }
    assert_eq!(conflicts, 0);
}
