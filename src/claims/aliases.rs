//! The header names of each column of a claims export, normalised (see
//! `ClaimColumn::names`): the one list of them. Plain data, so that
//! `build.rs` includes this file too and compiles every name into the
//! `phf` map a header cell is looked up in (`ClaimColumn::named_by`).
//!
//! Some names are read only when the header has none of their column's
//! other names (`then` below): exports often carry them beside the usual
//! one, with another meaning there (`Patient Name` beside `PatNum`, `Date
//! Completed` beside `Date`, an internal `Proc Code` beside the `ADA
//! Code`). Alone they name the column (Open Dental's Daily Procedures
//! report has `ADA Code` and `Patient Name` and no other). Names added
//! from one layout go there too (the ADA claim form's `Tooth Number(s)`,
//! Tuva's `claim_line_*`), so that no header that was read before now
//! names a column twice.

/// Declares a column's names: `$all` holds them all, the usual ones first
/// and then those read only in their absence, which `$secondary` holds.
macro_rules! names {
    ($(#[$doc:meta])* $all:ident, $secondary:ident: [$($usual:literal),* $(,)?]
        $(then [$($second:literal),* $(,)?])?) => {
        $(#[$doc])*
        pub(crate) const $all: &[&str] = &[$($usual,)* $($($second,)*)?];
        /// Of these, the names read only when the header has none of the others.
        pub(crate) const $secondary: &[&str] = &[$($($second,)*)?];
    };
}

names! {
    /// The names of `ClaimColumn::Claim`.
    CLAIM, CLAIM_SECONDARY: [
        "claim_id",
        "claim",
        "claim_number",
        "claim_no",
        "claim_#",
        "claim_nbr",
        "clm",
        "clm01",
        "clm_id",
        "claim_control_number",
        "patient_control_number",
        "submitter_clm_control_num",
        "payer_claim_control_number",
        "payer_claim_control_number_original",
    ] then [
        // The Diamond claims system's claim (tooth-history.model.ts).
        "seq_claim_id",
        // Open Dental's claim key (its database documentation, table
        // `claim`), as its user queries export it.
        "claim_num",
    ]
}

names! {
    /// The names of `ClaimColumn::Line`.
    LINE, LINE_SECONDARY: [
        "line_id",
        "line",
        "line_number",
        "line_no",
        "line_#",
        "line_nbr",
        "id",
        "ln",
        "lx01",
        "line_counter",
    ] then [
        "claim_line_number",
        // Open Dental's procedure key (table `procedurelog`), as its user
        // queries export it.
        "proc_num",
        // The OMOP Common Data Model's procedure_occurrence key.
        "procedure_occurrence_id",
        // Epic's EHI export: the transaction of a charge or a claim line
        // (ARPB_TRANSACTIONS, AP_CLAIM_PROC).
        "tx_id",
    ]
}

names! {
    /// The names of `ClaimColumn::Code`.
    CODE, CODE_SECONDARY: [
        "procedure_code",
        "code",
        "cdt_code",
        "cdt",
        "proc_code",
        "procedure",
        "proc",
        "cpt_cdt",
        "line_prcdr_cd",
        "prcdr_cd",
        "procedure_cd",
        "proc_cd",
    ] then [
        "ada_code",
        "ada_proc_code",
        "ada_procedure_code",
        // Eaglesoft's ledger (its transactions view): only when nothing
        // else names the code.
        "service_code",
        // Open Dental's claim procedure (table `claimproc`): the code sent
        // to the payer, a practice's own code already cut to five.
        "code_sent",
        // The OMOP Common Data Model's procedure_occurrence: the code as
        // the source had it (its concept ids are OMOP's own).
        "procedure_source_value",
        // Epic's EHI export (open.epic.com/EHITables): a claim line's
        // HCPCS or CPT code, CDT's D codes among them
        // (AP_CLAIM_INFO_SVC_PX_CD).
        "svc_px_code",
    ]
}

names! {
    /// The names of `ClaimColumn::Date`.
    DATE, DATE_SECONDARY: [
        "date_of_service",
        "dos",
        "service_date",
        "date",
        "svc_date",
        "dos_from",
        "from_date",
        "proc_date",
        "procedure_date",
        "line_srvc_bgn_dt",
        "srvc_bgn_dt",
        "service_date_from",
        "first_service_dt",
        "date_of_service_from",
        "service_from_date",
    ] then [
        "treatment_date",
        "date_of_treatment",
        "date_completed",
        "completed_date",
        "completion_date",
        "visit_date",
        // The Tuva Project's medical_claim: the line's own date (its
        // claim_start_date is the claim's).
        "claim_line_start_date",
        // Open Dental's claim (table `claim`): "usually the same date as
        // the procedures"; its DateSent beside it is no date of service.
        "date_service",
        // Epic's EHI export: a claim line's first day (AP_CLAIM_PROC).
        "svc_from_date",
    ]
}

names! {
    /// The names of `ClaimColumn::Tooth`.
    TOOTH, TOOTH_SECONDARY: [
        "tooth",
        "tooth_number",
        "tooth_no",
        "tooth_#",
        "tooth_num",
        "th",
        "tth",
        "tooth_code",
        "dental_tooth_code",
    ] then [
        // The ADA Dental Claim Form's item 27, as printed and as
        // practice software captions it (a tooth, a range or a list).
        "tooth_number(s)_or_letter(s)",
        "tooth_numbers_or_letters",
        "tooth_number_or_letter",
        "tooth_number(s)",
        "tooth_numbers",
        // Epic's EHI export: a charge's tooth as its category label
        // (`Tooth 30`; ARPB_TX_DENTAL, ARPB_TX_DENT_TOOTH, UCL_TOOTH), a
        // claim line's by its name (AP_CLM_PX_TOOTH).
        "tooth_num_c_name",
        "tooth_code_c_name",
    ]
}

names! {
    /// The names of `ClaimColumn::Surfaces`.
    SURFACES, SURFACES_SECONDARY: [
        "surfaces",
        "surface",
        "tooth_surface",
        "tooth_surfaces",
        "surf",
        "tooth_srfc_cd",
        "surface_code",
        "tooth_surface_codes",
        "dental_tooth_surface_code",
    ] then [
        "tooth_surface(s)",
        // One surface a column, up to five as the 837D's `TOO03` holds (the
        // Diamond claims system's tooth history): read together.
        "surface1",
        "surface2",
        "surface3",
        "surface4",
        "surface5",
        "surface_1",
        "surface_2",
        "surface_3",
        "surface_4",
        "surface_5",
        // Epic's EHI export: `O - Occlusal` (AP_CLM_PX_TOOTH).
        "tooth_surface_c_name",
        // X12's name of the element `TOO03` repeats (C005, element 1369),
        // as a flattened 837D names its column (New-Wave-EDI's mock).
        "tooth_surface_code",
    ]
}

names! {
    /// The names of `ClaimColumn::Area`.
    AREA, AREA_SECONDARY: [
        "area",
        "area_of_oral_cavity",
        "oral_cavity",
        "oral_cavity_area",
        "quadrant",
        "quad",
        "arch",
        "oral_cavity_designation",
        "oral_cavity_designation_code",
        "tooth_oral_cvty_area_dsgntd_cd",
        "area_of_oral_cavity_code",
        "dental_quadrant_code",
    ] then [
        // Epic's EHI export: `10 - Upper Right Quadrant`
        // (AP_CLM_PX_CVTY_DSG); a charge's quadrant and arch by name
        // (`Lower Left`, `Upper`; ARPB_TX_DENTAL).
        "oral_cvty_dsgn_c_name",
        "quadrant_c_name",
        "arch_c_name",
    ]
}

names! {
    /// The names of `ClaimColumn::DateEnd`.
    DATE_END, DATE_END_SECONDARY: [
        "date_of_service_to",
        "dos_to",
        "to_date",
        "line_srvc_end_dt",
        "srvc_end_dt",
        "last_service_dt",
        "service_date_to",
        "service_to_date",
        "service_end_date",
    ] then [
        "claim_line_end_date",
        // Epic's EHI export: a claim line's last day (AP_CLAIM_PROC).
        "svc_to_date",
    ]
}

names! {
    /// The names of `ClaimColumn::ToothSystem`.
    TOOTH_SYSTEM, TOOTH_SYSTEM_SECONDARY: [
        "tooth_system",
        "tooth_numbering",
        "tooth_numbering_system",
        "tooth_dsgntn_sys",
        "tooth_dsgntn_sys_cd",
        "tooth_designation_system",
        "dental_tooth_system_code",
    ]
}

names! {
    /// The names of `ClaimColumn::ToothRange`.
    TOOTH_RANGE, TOOTH_RANGE_SECONDARY: [
        "tooth_range",
        "teeth",
        "tooth_list",
    ]
}

names! {
    /// The names of `ClaimColumn::Patient`.
    PATIENT, PATIENT_SECONDARY: [
        "patient",
        "patient_id",
        "pat_num",
        "patnum",
        "bene_id",
        "member_id",
        "msis_id",
        "internal_member_id",
        "chart_number",
        "chart_#",
        "chart_no",
        "chart_num",
    ] then [
        "patient_name",
        // Open Dental's reports' patient name (`PatName`: the outstanding
        // insurance claims report's display fields, DisplayFields.cs).
        "pat_name",
        // The Diamond claims system's member (tooth-history.model.ts).
        "seq_memb_id",
        // The OMOP Common Data Model's person.
        "person_id",
    ]
}

/// Every column's names, in the order of `ClaimColumn::ALL` (a
/// column's place there is its index here).
pub(crate) const BY_COLUMN: [&[&str]; 11] = [
    CLAIM,
    LINE,
    CODE,
    DATE,
    TOOTH,
    SURFACES,
    AREA,
    DATE_END,
    TOOTH_SYSTEM,
    TOOTH_RANGE,
    PATIENT,
];

/// Every column's names read only when the header has none of its
/// others, in the same order.
pub(crate) const SECONDARY_BY_COLUMN: [&[&str]; 11] = [
    CLAIM_SECONDARY,
    LINE_SECONDARY,
    CODE_SECONDARY,
    DATE_SECONDARY,
    TOOTH_SECONDARY,
    SURFACES_SECONDARY,
    AREA_SECONDARY,
    DATE_END_SECONDARY,
    TOOTH_SYSTEM_SECONDARY,
    TOOTH_RANGE_SECONDARY,
    PATIENT_SECONDARY,
];
