//! The reader's tests: the tokenizer and the interpreter together.

use super::*;
use alloc::string::ToString;
use alloc::{format, vec};
use core::fmt::Write as _;
use std::io::{self, Read};

const ISA: &str = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260215*1030*^*00501*000000001*0*T*:~";

const FIXTURE: &[u8] = include_bytes!("../../../tests/fixtures/claims.837");
const ONE_LINE: &[u8] = include_bytes!("../../../tests/fixtures/claims_one_line.837");
const ALT: &[u8] = include_bytes!("../../../tests/fixtures/claims_alt_delims.837");

/// An interchange around `body` (segments after ST, before SE), with a
/// correct SE count.
fn wrap(body: &[&str]) -> String {
    let mut text =
        format!("{ISA}GS*HC*S*R*20260215*1030*1*X*005010X224A2~ST*837*0001*005010X224A2~");
    for seg in body {
        text.push_str(seg);
        text.push('~');
    }
    let _ = write!(text, "SE*{}*0001~GE*1*1~IEA*1*000000001~", body.len() + 2);
    text
}

fn read(bytes: &[u8]) -> Vec<Result<ServiceLine, X12Error>> {
    X12Reader::new(bytes).unwrap().collect()
}

/// The envelope warnings of a whole read, as text.
fn envelope(bytes: &[u8]) -> Vec<String> {
    let mut reader = X12Reader::new(bytes).unwrap();
    for _ in reader.by_ref() {}
    reader
        .envelope_warnings()
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn errors(results: &[Result<ServiceLine, X12Error>]) -> Vec<String> {
    results
        .iter()
        .filter_map(|r| r.as_ref().err().map(ToString::to_string))
        .collect()
}

fn read_lines(results: Vec<Result<ServiceLine, X12Error>>) -> Vec<ServiceLine> {
    lines(results)
}

fn lines(results: Vec<Result<ServiceLine, X12Error>>) -> Vec<ServiceLine> {
    results.into_iter().filter_map(Result::ok).collect()
}

#[test]
fn reads_the_fixture() {
    let results = read(FIXTURE);
    assert!(errors(&results).is_empty(), "{:?}", errors(&results));
    let lines = lines(results);
    let summary: Vec<(&str, u32, &str, Option<&str>)> = lines
        .iter()
        .map(|l| {
            (
                l.claim_id.as_str(),
                l.line_number,
                l.code.as_str(),
                l.date_of_service().and_then(X12Date::start),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            ("CLAIM001", 1, "D0120", Some("20260115")),
            ("CLAIM001", 2, "D2392", Some("20260115")),
            ("CLAIM002", 1, "D1352", Some("20260201")),
            ("CLAIM002", 2, "D4341", Some("20260130")),
            ("CLAIM003", 1, "D0000", Some("20260203")),
            ("CLAIM003", 2, "D5110", Some("20260203")),
            ("CLAIM003", 3, "D7140", Some("20260204")),
        ]
    );
    let d2391 = &lines[1];
    assert_eq!(d2391.qualifier, "AD");
    assert_eq!(d2391.charge.as_deref(), Some("190"));
    assert_eq!(d2391.quantity.as_deref(), Some("1"));
    assert!(d2391.line_date.is_none());
    assert_eq!(
        d2391.teeth,
        vec![ToothInfo {
            qualifier: "JP".into(),
            code: "30".into(),
            surfaces: vec!["M".into(), "O".into()]
        }]
    );
    let d1352 = &lines[2];
    assert_eq!(
        d1352.line_date,
        Some(X12Date {
            qualifier: "D8".into(),
            value: "20260201".into()
        })
    );
    assert_eq!(
        d1352
            .date_of_service()
            .and_then(X12Date::start_iso)
            .as_deref(),
        Some("2026-02-01")
    );
    assert_eq!(lines[3].oral_cavity, vec!["10".to_string()]);
    let d5110 = &lines[5];
    assert_eq!(d5110.oral_cavity, vec!["01".to_string()]);
    assert_eq!(d5110.prosthesis.as_deref(), Some("I"));
    assert_eq!(
        d5110.claim_date.as_ref().map(|d| d.qualifier.as_str()),
        Some("RD8")
    );
    assert_eq!(
        d5110.claim_date.as_ref().and_then(X12Date::end),
        Some("20260205")
    );
    let d7140 = &lines[6];
    assert_eq!(d7140.teeth[0].code, "1");
    assert!(d7140.teeth[0].surfaces.is_empty());
    // Segment numbers: LX and SV3 follow each other.
    for line in &lines {
        assert_eq!(line.sv3_segment, line.lx_segment + 1);
    }
}

#[test]
fn all_three_fixtures_agree() {
    let main = lines(read(FIXTURE));
    let one = read(ONE_LINE);
    assert!(errors(&one).is_empty(), "{:?}", errors(&one));
    assert_eq!(lines(one), main);
    let alt_reader = X12Reader::new(ALT).unwrap();
    assert_eq!(
        alt_reader.delimiters(),
        Delimiters {
            element: b'|',
            component: b'^',
            repetition: Some(b'{'),
            segment: b'\n'
        }
    );
    let alt: Vec<_> = alt_reader.collect();
    assert!(errors(&alt).is_empty(), "{:?}", errors(&alt));
    assert_eq!(lines(alt), main);
}

#[test]
fn crlf_line_breaks_and_bom() {
    let text = String::from_utf8(FIXTURE.to_vec())
        .unwrap()
        .replace('\n', "\r\n");
    let with_bom = format!("\u{feff}\r\n  {text}");
    assert_eq!(lines(read(with_bom.as_bytes())), lines(read(FIXTURE)));
    // Line breaks instead of terminators after the ISA.
    let text = String::from_utf8(FIXTURE.to_vec()).unwrap();
    let (isa, rest) = text.split_at(106);
    let bare = format!("{isa}{}", rest.replace("~\n", "\n"));
    let results = read(bare.as_bytes());
    assert!(errors(&results).is_empty());
    assert_eq!(lines(results), lines(read(FIXTURE)));
}

#[test]
fn segment_numbers_count_from_isa() {
    let text = wrap(&[
        "HL*1**20*1",
        "CLM*C1*10***11:B:1",
        "LX*1",
        "SV3*AD:D0120*10****1",
    ]);
    let lines = lines(read(text.as_bytes()));
    // ISA=1, GS=2, ST=3, HL=4, CLM=5, LX=6, SV3=7.
    assert_eq!((lines[0].lx_segment, lines[0].sv3_segment), (6, 7));
}

#[test]
fn modifiers_and_composites() {
    let text = wrap(&[
        "CLM*C1*10",
        "LX*1",
        "SV3*AD:D2740:AA::BB*10**10:20:30:40:01:02*R*2",
        "TOO*JP*14*M:O:D:B:L",
        "TOO*JP*15",
    ]);
    let lines = lines(read(text.as_bytes()));
    let line = &lines[0];
    assert_eq!(line.modifiers, vec!["AA".to_string(), "BB".to_string()]);
    // SV304 has room for five areas: a sixth is not read, and said so.
    assert_eq!(line.oral_cavity, ["10", "20", "30", "40", "01"]);
    assert_eq!(
        envelope(text.as_bytes()),
        [
            "segment 6: SV304 holds 6 areas; the composite has room for 5, the rest are not read",
            "segment 6: SV306 gives 2 units on a line that names teeth (TOO) and areas (SV304); \
             under 005010X224 such a line is one unit (X12 RFI 1866)",
        ]
    );
    assert_eq!(line.prosthesis.as_deref(), Some("R"));
    assert_eq!(line.quantity.as_deref(), Some("2"));
    assert_eq!(line.teeth.len(), 2);
    assert_eq!(line.teeth[0].surfaces.len(), 5);
    assert!(line.claim_date.is_none() && line.date_of_service().is_none());
}

#[test]
fn minimal_sv3() {
    let text = wrap(&["CLM*C1*10", "LX*7", "SV3*AD:D0120"]);
    let lines = lines(read(text.as_bytes()));
    assert_eq!(lines[0].line_number, 7);
    assert_eq!(
        (lines[0].charge.as_deref(), lines[0].quantity.as_deref()),
        (None, None)
    );
}

#[test]
fn structure_errors_are_reported_and_reading_goes_on() {
    let text = wrap(&[
        "CLM*C1*10",
        "SV3*AD:D0120*10", // 5: no LX
        "LX*1",            // 6: no SV3
        "LX*2",            // 7
        "SV3*AD*10",       // 8: no code
        "LX*3",            // 9
        "SV3*AD:D0140*10", // 10: fine
        "SV3*AD:D0150*10", // 11: second SV3 in one LX
        "LX*X",            // 12: bad number
        "SV3*AD:D0160*10", // 13: dropped with its LX
        "CLM**10",         // 14: no id
        "LX*1",            // 15: dropped with its claim
        "SV3*AD:D0170*10", // 16
        "CLM*C3*10",       // 17
        "LX*1",            // 18
        "SV3*AD:D0180*10", // 19: fine
    ]);
    let results = read(text.as_bytes());
    assert_eq!(
        errors(&results),
        vec![
            "segment 5: SV3 without an LX before it",
            "segment 6: LX without an SV3",
            "segment 8: SV301 has no procedure code",
            "segment 11: SV3 without an LX before it",
            "segment 12: LX01 (the line number) is not a number",
            "segment 14: CLM01 (the claim id) is missing",
        ]
    );
    let codes: Vec<_> = lines(results)
        .into_iter()
        .map(|l| (l.claim_id, l.code))
        .collect();
    assert_eq!(
        codes,
        vec![("C1".into(), "D0140".into()), ("C3".into(), "D0180".into())]
    );
}

#[test]
fn lx_outside_claim_and_too_outside_line() {
    let text = wrap(&["TOO*JP*3", "LX*1", "SV3*AD:D0120"]);
    assert_eq!(
        errors(&read(text.as_bytes())),
        vec![
            "segment 4: TOO outside a service line (no LX before it)",
            "segment 5: LX outside a claim (no CLM before it)"
        ]
    );
}

/// An `LX` loop without `SV3` is reported before what went wrong
/// inside it, in segment order, although it is only known when the
/// loop ends.
#[test]
fn a_loop_without_sv3_keeps_its_place_in_segment_order() {
    let text = wrap(&[
        "CLM*C1*10",
        "LX*1",
        "TOO*JP*3",
        "DTP*472*D8",
        "LX*2",
        "SV3*AD:D0120",
    ]);
    let results = read(text.as_bytes());
    let segments: Vec<u64> = results
        .iter()
        .map(|item| match item {
            Ok(line) => line.lx_segment,
            Err(error) => error.segment(),
        })
        .collect();
    assert!(
        matches!(
            results.first(),
            Some(Err(X12Error::LxWithoutSv3 { segment: 5 }))
        ),
        "{results:?}"
    );
    assert!(
        segments.windows(2).all(|pair| pair[0] <= pair[1]),
        "{segments:?}"
    );
    assert_eq!(lines(results).len(), 1);
}

/// Past [`HOLD_LIMIT`] held items, they are given out: memory stays
/// bounded on a loop of endless errors.
#[test]
fn a_loop_of_endless_errors_is_not_held_without_bound() {
    let body: Vec<&str> = ["CLM*C1*10", "LX*1"]
        .into_iter()
        .chain(core::iter::repeat_n("DTP*472*D8", HOLD_LIMIT + 10))
        .collect();
    let text = wrap(&body);
    let mut reader = X12Reader::new(text.as_bytes()).unwrap();
    let first = reader.next();
    assert!(
        matches!(first, Some(Err(X12Error::BadElement { .. }))),
        "{first:?}"
    );
    assert!(reader.pending.len() < HOLD_LIMIT);
    let rest: Vec<_> = reader.collect();
    assert!(rest
        .iter()
        .any(|item| matches!(item, Err(X12Error::LxWithoutSv3 { segment: 5 }))));
}

#[test]
fn se_count_is_checked() {
    let text = wrap(&["CLM*C1*10", "LX*1", "SV3*AD:D0120"]).replace("SE*5*", "SE*9*");
    let results = read(text.as_bytes());
    // An envelope warning, not a line.
    assert!(errors(&results).is_empty());
    assert_eq!(lines(results).len(), 1);
    assert_eq!(
        envelope(text.as_bytes()),
        vec!["segment 7: SE01 says 9 segments; the transaction set has 5"]
    );
    // GE01 and IEA01 are counted too, and a missing SE is said once.
    let text = wrap(&["CLM*C1*10", "LX*1", "SV3*AD:D0120"])
        .replace("GE*1*", "GE*2*")
        .replace("IEA*1*", "IEA*3*");
    assert_eq!(
        envelope(text.as_bytes()),
        vec![
            "segment 8: GE01 says 2 transaction sets; the functional group has 1",
            "segment 9: IEA01 says 3 functional groups; the interchange has 1",
        ]
    );
    let text = wrap(&["CLM*C1*10", "LX*1", "SV3*AD:D0120"]).replace("SE*5*0001~", "");
    assert_eq!(
        envelope(text.as_bytes()),
        vec!["segment 7: GE before the SE of the open transaction set"]
    );
}

#[test]
fn other_transactions_are_skipped() {
    let text = format!(
        "{ISA}GS*HC*S*R*20260215*1030*1*X*005010X222A1~ST*837*0001*005010X222A1~CLM*P1*10~LX*1~SV1*HC:99213*10~SE*5*0001~GE*1*1~IEA*1*000000001~"
    );
    let results = read(text.as_bytes());
    assert_eq!(
        errors(&results),
        vec!["segment 3: not an 837 dental claim but an 837 professional claim (005010X222A1); transaction skipped"]
    );
    assert!(lines(results).is_empty());
}

#[test]
fn a_guide_is_named_by_its_whole_id() {
    // `X22224A2` holds `X222` (the professional guide) but is no guide.
    assert_eq!(
        transaction_name("837", "005010X22224A2"),
        "an 837 claim of another kind (005010X22224A2)"
    );
    assert_eq!(
        transaction_name("837", "005010X222A1"),
        "an 837 professional claim (005010X222A1)"
    );
    assert_eq!(
        transaction_name("837", "005010X223A3"),
        "an 837 institutional claim (005010X223A3)"
    );
    assert_eq!(
        transaction_name("837", "004010X097A1"),
        "an 837 dental claim (004010X097A1)"
    );
    assert_eq!(
        transaction_name("837", "004010X097"),
        "an 837 dental claim (004010X097)"
    );
    // The guide alone, without the X12 version, still names it.
    assert_eq!(
        transaction_name("837", "X224A2"),
        "an 837 dental claim (X224A2)"
    );
    assert_eq!(
        transaction_name("837", "005010X224A"),
        "an 837 claim of another kind (005010X224A)"
    );
}

#[test]
fn an_st03_naming_no_guide_defers_to_a_dental_gs08() {
    let text = wrap(&["CLM*C1*10", "LX*1", "SV3*AD:D0120"])
        .replace("ST*837*0001*005010X224A2", "ST*837*0001*005010X22224A2");
    let results = read(text.as_bytes());
    assert!(errors(&results).is_empty(), "{:?}", errors(&results));
    assert_eq!(lines(results).len(), 1);
    assert_eq!(
        envelope(text.as_bytes()),
        vec!["segment 3: ST03 005010X22224A2 names no implementation guide; read by GS08 005010X224A2"]
    );
}

#[test]
fn an_st03_naming_no_guide_without_a_dental_gs08_is_skipped() {
    let text = wrap(&["CLM*C1*10", "LX*1", "SV3*AD:D0120"])
        .replace("ST*837*0001*005010X224A2", "ST*837*0001*005010X22224A2")
        .replace("*X*005010X224A2~", "*X*005010X222A1~");
    let results = read(text.as_bytes());
    assert_eq!(
        errors(&results),
        vec!["segment 3: not an 837 dental claim but an 837 claim of another kind (005010X22224A2); transaction skipped"]
    );
    assert!(lines(results).is_empty());
}

#[test]
fn an_st03_unlike_gs08_is_read_by_st03_with_a_warning() {
    let text = wrap(&["CLM*C1*10", "LX*1", "SV3*AD:D0120"])
        .replace("ST*837*0001*005010X224A2", "ST*837*0001*005010X224A1");
    let results = read(text.as_bytes());
    assert!(errors(&results).is_empty(), "{:?}", errors(&results));
    assert_eq!(lines(results).len(), 1);
    assert_eq!(
        envelope(text.as_bytes()),
        vec!["segment 3: ST03 says 005010X224A1 and GS08 005010X224A2; the guides have ST03 repeat GS08"]
    );
    // ST03 takes precedence: a dental ST03 under a professional GS08 is
    // read, with the same warning.
    let text = text.replace("*X*005010X224A2~", "*X*005010X222A1~");
    assert_eq!(lines(read(text.as_bytes())).len(), 1);
    assert_eq!(
        envelope(text.as_bytes()),
        vec!["segment 3: ST03 says 005010X224A1 and GS08 005010X222A1; the guides have ST03 repeat GS08"]
    );
}

#[test]
fn units_on_a_line_that_names_teeth_or_areas_are_warned_of() {
    let body = [
        "CLM*C1*10",
        // Stedi's published example: one extraction of tooth 3, two units.
        "LX*1",
        "SV3*AD:D7140*832***I*2",
        "TOO*JP*3",
        // Two quadrants of scaling as two units on one line.
        "LX*2",
        "SV3*AD:D4341*100**10:20**2",
        // One unit written out, and units with nothing identified: fine.
        "LX*3",
        "SV3*AD:D1110*50****1",
        "TOO*JP*3",
        "LX*4",
        "SV3*AD:D0274*40****2.0",
    ];
    let text = wrap(&body);
    assert_eq!(lines(read(text.as_bytes())).len(), 4);
    assert_eq!(
        envelope(text.as_bytes()),
        [
            "segment 6: SV306 gives 2 units on a line that names teeth (TOO); \
             under 005010X224 such a line is one unit (X12 RFI 1866)",
            "segment 9: SV306 gives 2 units on a line that names areas (SV304); \
             under 005010X224 such a line is one unit (X12 RFI 1866)",
        ]
    );
    // The rule is the 5010 guide's: a 4010 file is not held to it.
    let text = text.replace("005010X224A2", "004010X097A1");
    assert!(envelope(text.as_bytes()).is_empty());
}

#[test]
fn surfaces_run_together_in_one_too03_component_are_read_and_warned_of() {
    // TOO03 is the composite C005: one surface code a component, up to
    // five (X12's element 1361, one or two characters), as Open Dental's
    // 5010 writer puts them (`M:O:D`). `MOD` in one component is read as
    // the three surfaces it names, and said.
    let text = wrap(&[
        "CLM*C1*10",
        "LX*1",
        "SV3*AD:D2393*250",
        "TOO*JP*30*MOD",
        "LX*2",
        "SV3*AD:D2392*200",
        "TOO*JP*3*M:O",
        "LX*3",
        "SV3*AD:D2391*150",
        "TOO*JP*14*O",
        "LX*4",
        "SV3*AD:D2392*200",
        "TOO*JP*19*X:D,O",
    ]);
    let read = lines(read(text.as_bytes()));
    assert_eq!(read[0].teeth[0].surfaces, ["MOD"]);
    assert_eq!(
        envelope(text.as_bytes()),
        [
            "segment 7: TOO03 MOD holds 3 surfaces in one component; the 837D has one a component (M:O:D)",
            "segment 16: TOO03 D,O holds 2 surfaces in one component; the 837D has one a component (O:D)",
        ]
    );
}

#[test]
fn letter_areas_in_sv304_are_read_and_warned_of() {
    // The 837D's areas are the two-digit codes (data element 1361, code
    // source 135); `UR` is read as the quadrant it names, and said.
    let text = wrap(&[
        "CLM*C1*10",
        "LX*1",
        "SV3*AD:D4341*100**UR",
        "LX*2",
        "SV3*AD:D4341*100**10",
    ]);
    let read = lines(read(text.as_bytes()));
    assert_eq!(read[0].oral_cavity, ["UR"]);
    assert_eq!(
        envelope(text.as_bytes()),
        ["segment 6: SV304 UR is a letter designation, not an 837D area code: the upper right quadrant is 10"]
    );
    // A name is read too, and said to be one.
    let named = wrap(&["CLM*C1*10", "LX*1", "SV3*AD:D5110*100**UPPER"]);
    assert_eq!(
        envelope(named.as_bytes()),
        ["segment 6: SV304 UPPER is a name, not an 837D area code: the maxillary arch is 01"]
    );
}

#[test]
fn version_from_gs_when_st03_is_absent() {
    let text = wrap(&["CLM*C1*10", "LX*1", "SV3*AD:D0120"])
        .replace("ST*837*0001*005010X224A2", "ST*837*0001");
    let results = read(text.as_bytes());
    assert!(errors(&results).is_empty());
    assert_eq!(lines(results).len(), 1);
}

#[test]
fn truncated_input() {
    let full = String::from_utf8(FIXTURE.to_vec()).unwrap();
    // Cut inside the last claim, after a complete SV3 line.
    let cut = full.find("LX*3").unwrap();
    let results = read(&full.as_bytes()[..cut]);
    assert!(errors(&results).is_empty());
    assert_eq!(lines(results).len(), 6);
    let warnings = envelope(&full.as_bytes()[..cut]);
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0].ends_with("the input ends before the IEA segment"),
        "{warnings:?}"
    );
    // Cut at every byte: never a panic.
    for end in 0..full.len() {
        if let Ok(reader) = X12Reader::new(&full.as_bytes()[..end]) {
            for _ in reader {}
        }
    }
}

#[test]
fn isa_errors() {
    assert!(matches!(
        X12Reader::new(&b""[..]),
        Err(X12Error::NoIsa { segment: 1 })
    ));
    assert!(matches!(
        X12Reader::new(&b"   \n"[..]),
        Err(X12Error::NoIsa { .. })
    ));
    assert!(matches!(
        X12Reader::new(&b"id,code,dos\n"[..]),
        Err(X12Error::NoIsa { .. })
    ));
    assert!(matches!(
        X12Reader::new(&b"IS"[..]),
        Err(X12Error::ShortIsa { .. })
    ));
    assert!(matches!(
        X12Reader::new(&b"ISA*00*  *00"[..]),
        Err(X12Error::ShortIsa { .. })
    ));
    assert!(matches!(
        X12Reader::new(&b"ISAB"[..]),
        Err(X12Error::NoIsa { .. })
    ));
    // A separator that never repeats runs past the ISA limit.
    let long = format!("ISA*{}", "x".repeat(2000));
    assert!(matches!(
        X12Reader::new(long.as_bytes()),
        Err(X12Error::ShortIsa { .. })
    ));
    // Same component separator and terminator.
    let same = ISA.replace(":~", "::");
    assert!(matches!(
        X12Reader::new(same.as_bytes()),
        Err(X12Error::BadDelimiters { segment: 1, .. })
    ));
    let letter = ISA.replace(":~", "A~");
    assert!(matches!(
        X12Reader::new(letter.as_bytes()),
        Err(X12Error::BadDelimiters { .. })
    ));
    // ISA11 = U (version 00401 style): no repetition separator.
    let u = ISA.replace("*^*", "*U*");
    assert_eq!(
        X12Reader::new(u.as_bytes())
            .unwrap()
            .delimiters()
            .repetition,
        None
    );
}

#[test]
fn unpadded_isa() {
    let short = "ISA*00**00**ZZ*S*ZZ*R*260215*1030*^*00501*1*0*T*:~";
    let text = wrap(&["CLM*C1*10", "LX*1", "SV3*AD:D0120"]).replacen(ISA, short, 1);
    let results = read(text.as_bytes());
    assert!(errors(&results).is_empty());
    assert_eq!(lines(results).len(), 1);
}

#[test]
fn garbage_after_isa() {
    let text = format!("{ISA}hello world~\u{1}\u{2}~*~ISA~");
    let results = read(text.as_bytes());
    let errs = errors(&results);
    assert_eq!(
        errs,
        vec![
            "segment 2: not a segment: \"hello world\"",
            "segment 3: not a segment: \"\\u{1}\\u{2}\"",
            "segment 4: not a segment: \"*\"",
            "segment 5: bad delimiters: a later ISA has fewer than 16 elements",
        ]
    );
    // Random bytes after a valid ISA: errors, no panic.
    let mut seed = 0x2545_f491_u32;
    let mut bytes = ISA.as_bytes().to_vec();
    for _ in 0..20_000 {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        bytes.push(b"*:~\nISACLMLXSV3TOODTP472AD0123"[(seed % 29) as usize]);
    }
    for _ in X12Reader::new(&bytes[..]).unwrap() {}
}

#[test]
fn data_after_iea_and_second_interchange() {
    let one = wrap(&["CLM*C1*10", "LX*1", "SV3*AD:D0120"]);
    let two = format!("{one}\n{one}");
    let results = read(two.as_bytes());
    assert!(errors(&results).is_empty(), "{:?}", errors(&results));
    let lines = lines(results);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1].lx_segment, lines[0].lx_segment);
    let trailing = format!("{one}BHT*0019~");
    assert_eq!(
        errors(&read(trailing.as_bytes())),
        vec!["segment 10: segment after the IEA"]
    );
    // Text between interchanges (the heading of a second published example
    // after the first, as `cat` joins them) is no segment and lies outside
    // every interchange: passed over, said once a line, as stupidedi's
    // reader passes over it. The lines of both interchanges are read.
    let joined = format!("{one}\nExample 2 - a second claim, as sent\n\n{one}");
    let results = read(joined.as_bytes());
    assert!(errors(&results).is_empty(), "{:?}", errors(&results));
    assert_eq!(read_lines(results).len(), 2);
    assert_eq!(
        envelope(joined.as_bytes()),
        vec![
            "segment 10: text after the IEA, outside any interchange (a heading or notes): \
             passed over"
        ]
    );
    // Each ISA sets its own delimiters: a second interchange with
    // other separators and terminator reads as well as the first.
    let other = one
        .replace('*', "|")
        .replace('~', "\n")
        .replace(":D0120", "^D0120");
    let other = other.replacen("|:\n", "|^\n", 1).replacen("|^|", "|U|", 1);
    for second in [
        other.clone(),
        one.replace('~', "!")
            .replace(":D0120", "+D0120")
            .replacen("*:!", "*+!", 1),
    ] {
        let two = format!("{one}\n{second}");
        let results = read(two.as_bytes());
        assert!(
            errors(&results).is_empty(),
            "{:?}\n{second}",
            errors(&results)
        );
        let codes: Vec<String> = read_lines(results)
            .into_iter()
            .map(|line| line.code)
            .collect();
        assert_eq!(codes, ["D0120", "D0120"], "{second}");
    }
    let broken = format!("{one}{}", ISA.replace(":~", "*~"));
    assert_eq!(
        errors(&read(broken.as_bytes())),
        vec!["segment 10: bad delimiters: the element separator, component separator and segment terminator are not all different"]
    );
}

/// The first `ISA` and a later one are judged by the same rule: a letter
/// as the component separator (`ISA16`) refuses either in the same words.
#[test]
fn a_bad_component_separator_is_named_alike_in_any_isa() {
    let one = wrap(&["CLM*C1*10", "LX*1", "SV3*AD:D0120"]);
    let first = X12Reader::new(one.replacen("*:~", "*A~", 1).as_bytes())
        .map(|_| ())
        .unwrap_err()
        .to_string();
    let later = errors(&read(
        format!("{one}{}", ISA.replace(":~", "A~")).as_bytes(),
    ));
    let problem =
        "bad delimiters: the component separator (ISA16) is a letter, digit, space or line break";
    assert_eq!(first, format!("segment 1: {problem}"));
    assert_eq!(later.len(), 1, "{later:?}");
    assert!(later[0].ends_with(problem), "{later:?}");
}

/// `remaining` bytes of `A`, with no terminator.
struct Endless {
    remaining: usize,
}

impl Read for Endless {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = buf.len().min(self.remaining).min(8192);
        buf[..n].fill(b'A');
        self.remaining -= n;
        Ok(n)
    }
}

#[test]
fn long_segment_is_bounded_and_skipped() {
    let head = wrap(&["CLM*C1*10", "LX*1"]);
    let head = &head[..head.find("SE*").unwrap()];
    let tail = "~SV3*AD:D0120~SE*6*0001~GE*1*1~IEA*1*000000001~";
    let input = head
        .as_bytes()
        .chain(io::BufReader::new(Endless {
            remaining: 10 * 1024 * 1024,
        }))
        .chain(tail.as_bytes());
    let mut reader = X12Reader::new(io::BufReader::new(input)).unwrap();
    let first = reader.next().unwrap().unwrap_err();
    assert!(matches!(
        first,
        X12Error::SegmentTooLong {
            segment: 6,
            limit: DEFAULT_SEGMENT_LIMIT
        }
    ));
    assert!(reader.buffer_capacity() <= DEFAULT_SEGMENT_LIMIT);
    let line = reader.next().unwrap().unwrap();
    assert_eq!((line.code.as_str(), line.sv3_segment), ("D0120", 7));
    assert!(reader.next().is_none());
    // No terminator at all until the end of the input.
    let input = ISA.as_bytes().chain(io::BufReader::new(Endless {
        remaining: 10 * 1024 * 1024,
    }));
    let mut reader = X12Reader::new(io::BufReader::new(input)).unwrap();
    assert!(matches!(
        reader.next(),
        Some(Err(X12Error::SegmentTooLong { segment: 2, .. }))
    ));
    assert!(reader.buffer_capacity() <= DEFAULT_SEGMENT_LIMIT);
    assert!(reader.next().is_none());
    assert_eq!(reader.envelope_warnings().len(), 1);
}

#[test]
fn io_error_stops() {
    struct Failing;
    impl Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Err(io::Error::other("disk on fire"))
        }
    }
    let input = io::BufReader::new(ISA.as_bytes().chain(Failing));
    let mut reader = X12Reader::new(input).unwrap();
    let error = reader.next().unwrap().unwrap_err();
    assert_eq!(error.to_string(), "segment 2: reading failed: disk on fire");
    assert_eq!(error.segment(), 2);
    assert!(reader.next().is_none());
    let input = io::BufReader::new(b"ISA*0".chain(Failing));
    assert!(matches!(
        X12Reader::new(input),
        Err(X12Error::Io { segment: 1, .. })
    ));
}

#[test]
fn detects_x12() {
    assert!(looks_like_x12(FIXTURE));
    assert!(looks_like_x12(ALT));
    assert!(looks_like_x12(b"ISA"));
    assert!(looks_like_x12(b"  \tISA|"));
    assert!(!looks_like_x12(b"isa*"));
    assert!(!looks_like_x12(b"ISA 00"));
    assert!(!looks_like_x12(b""));
    assert!(!looks_like_x12(b"\xEF\xBB"));
}

#[test]
fn dates() {
    let date = |q: &str, v: &str| X12Date {
        qualifier: q.into(),
        value: v.into(),
    };
    assert_eq!(date("D8", "20260201").end(), Some("20260201"));
    assert_eq!(date("D8", "2026-02-01").start(), None);
    assert_eq!(date("RD8", "20260201").start(), None);
    assert_eq!(date("RD8", "20260201-2026").end(), None);
    assert_eq!(date("DT", "202602011030").start(), None);
    assert_eq!(date("D8", "x").start_iso(), None);
}

/// A text that is no segment is shown by its first twenty bytes, cut back
/// to a whole character: a separator such as `✽` (three bytes) is not
/// shown as half a character.
#[test]
fn a_shown_segment_is_cut_at_a_whole_character() {
    let text = wrap(&["h✽✽✽✽✽✽✽✽"]);
    let shown: Vec<String> = read(text.as_bytes())
        .into_iter()
        .filter_map(|result| match result {
            Err(X12Error::NotASegment { text, .. }) => Some(text),
            _ => None,
        })
        .collect();
    assert_eq!(shown, ["h✽✽✽✽✽✽"]);
}

/// Each trailer repeats its header's control number (`SE02` = `ST02`,
/// `GE02` = `GS06`, `IEA02` = `ISA13`): acknowledgements reject a set,
/// group or interchange whose numbers differ (999 `IK502` 3, TA1 `001`).
#[test]
fn trailers_that_do_not_repeat_their_control_numbers_are_warned_of() {
    let matching = wrap(&[
        "CLM*C1*55***11:B:1*Y*A*Y*Y",
        "DTP*472*D8*20260115",
        "LX*1",
        "SV3*AD:D0120*55",
    ]);
    assert_eq!(envelope(matching.as_bytes()), Vec::<String>::new());
    let differing = matching
        .replace("SE*6*0001~", "SE*6*0002~")
        .replace("GE*1*1~", "GE*1*7~")
        .replace("IEA*1*000000001~", "IEA*1*000383712~");
    assert_eq!(
        envelope(differing.as_bytes()),
        [
            "segment 8: SE02 0002 does not repeat ST02 0001",
            "segment 9: GE02 7 does not repeat GS06 1",
            "segment 10: IEA02 000383712 does not repeat ISA13 000000001",
        ]
    );
}

/// An 837 belongs in a functional group whose `GS01` is `HC`, health care
/// claim (the functional identifier code lists of the 4010 and 5010
/// guides as eedi.net reproduces them, and First Medical's companion
/// table: 837 dental, professional and institutional all `HC`). Another
/// code, `HP` (remittance) say, is warned of once per group; the lines
/// are still read by the transaction's own guide.
#[test]
fn an_837_in_a_group_that_is_not_health_care_claims_is_warned_of() {
    let body = [
        "CLM*C1*55***11:B:1*Y*A*Y*Y",
        "DTP*472*D8*20260115",
        "LX*1",
        "SV3*AD:D0120*55",
    ];
    let claims = wrap(&body);
    assert_eq!(envelope(claims.as_bytes()), Vec::<String>::new());
    let remittance_group = claims.replace("GS*HC*", "GS*HP*");
    assert_eq!(
        envelope(remittance_group.as_bytes()),
        ["segment 3: GS01 HP is not HC (health care claim), the group an 837 belongs in"]
    );
    assert_eq!(lines(read(remittance_group.as_bytes())).len(), 1);
    // Two 837s in one such group: said once.
    let two = remittance_group.replacen(
        "SE*6*0001~",
        "SE*6*0001~ST*837*0002*005010X224A2~CLM*C2*55***11:B:1*Y*A*Y*Y~DTP*472*D8*20260115~LX*1~SV3*AD:D0120*55~SE*6*0002~",
        1,
    ).replace("GE*1*1~", "GE*2*1~");
    assert_eq!(
        envelope(two.as_bytes()).len(),
        1,
        "{:?}",
        envelope(two.as_bytes())
    );
}

/// `ISA11`, the repetition separator since 5010, must differ from the
/// other delimiters (X12's rule that an interchange's delimiters are all
/// different). A generator that writes `:` there as in `ISA16` (as
/// `CloudDentalOffice`'s 837D generator does) is warned of; the codes are
/// read all the same, with no repetition separator. 4010's `U` (the
/// standards identifier, no separator) is no warning.
#[test]
fn an_isa11_that_repeats_another_delimiter_is_warned_of() {
    let body = [
        "CLM*C1*55***11:B:1*Y*A*Y*Y",
        "DTP*472*D8*20260115",
        "LX*1",
        "SV3*AD:D0120*55",
    ];
    let text = wrap(&body).replacen("*1030*^*00501*", "*1030*:*00501*", 1);
    let reader = X12Reader::new(text.as_bytes()).unwrap();
    assert_eq!(reader.delimiters().repetition, None);
    assert_eq!(reader.flatten().count(), 1);
    assert_eq!(
        envelope(text.as_bytes()),
        ["segment 1: ISA11 : is the component separator (ISA16) too: an interchange's delimiters \
          all differ; no repetition separator is read"]
    );
    let standards_id = wrap(&body).replacen("*1030*^*00501*", "*1030*U*00401*", 1);
    assert_eq!(envelope(standards_id.as_bytes()), Vec::<String>::new());
    // A later ISA is held to the same rule.
    let twice = format!("{}{}", wrap(&body), text);
    assert!(
        envelope(twice.as_bytes())
            .iter()
            .any(|warning| warning.contains("ISA11 : is the component separator")),
        "{:?}",
        envelope(twice.as_bytes())
    );
}

/// A transaction set or group quoted without its `ISA`: the terminator is
/// the byte before the next segment (`BHT` after `ST`, `ST` after `GS`) or
/// at the end of the line, not punctuation inside an element.
#[test]
fn delimiters_are_read_from_a_transaction_set_without_its_isa() {
    let read = |text: &str| {
        super::segments::delimiters_without_isa(text.as_bytes()).map(|d| {
            (
                char::from(d.element),
                char::from(d.segment),
                char::from(d.component),
            )
        })
    };
    assert_eq!(
        read("ST*837*0001*005010X224A2~BHT*0019~"),
        Some(('*', '~', ':'))
    );
    assert_eq!(
        read("ST|837|0001|005010X224A2^\nBHT|0019^"),
        Some(('|', '^', ':'))
    );
    // A dash inside ST02 or a sender id is no terminator.
    assert_eq!(read("ST*837*00-1*005010X224A2\n"), Some(('*', '\n', ':')));
    assert_eq!(
        read("GS*HC*SEND-ER*RCV*20260115*1200*7*X*005010X224A2!ST*837*1!"),
        Some(('*', '!', ':'))
    );
    assert_eq!(read("ST*837*0001*005010X224A2~\r\n"), Some(('*', '~', ':')));
    // Not such a start, or delimiters that would not differ.
    assert_eq!(read("ISA*00*"), None);
    assert_eq!(read("ST,837,1\n"), Some((',', '\n', ':')));
    assert_eq!(read("ST:837:1~BHT:0019~"), None);
    assert_eq!(read("STATE,CODE\n"), None);
}
