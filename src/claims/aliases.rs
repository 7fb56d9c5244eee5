//! The header names of each column of a claims export, normalised (see
//! `ClaimColumn::names`): the one list of them. Plain data, so that
//! `build.rs` includes this file too and compiles every name into the
//! `phf` map a header cell is looked up in (`ClaimColumn::named_by`).

/// The names of `ClaimColumn::Claim`.
pub(crate) const CLAIM: &[&str] = &[
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
];

/// The names of `ClaimColumn::Line`.
pub(crate) const LINE: &[&str] = &[
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
];

/// The names of `ClaimColumn::Code`.
pub(crate) const CODE: &[&str] = &[
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
    "ada_code",
    "ada_proc_code",
    "ada_procedure_code",
];

/// The names of `ClaimColumn::Date`.
pub(crate) const DATE: &[&str] = &[
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
    "treatment_date",
    "date_of_treatment",
    "date_completed",
    "completed_date",
    "completion_date",
    "visit_date",
];

/// The names of `ClaimColumn::Tooth`.
pub(crate) const TOOTH: &[&str] = &[
    "tooth",
    "tooth_number",
    "tooth_no",
    "tooth_#",
    "tooth_num",
    "th",
    "tooth_code",
    "dental_tooth_code",
];

/// The names of `ClaimColumn::Surfaces`.
pub(crate) const SURFACES: &[&str] = &[
    "surfaces",
    "surface",
    "tooth_surface",
    "tooth_surfaces",
    "surf",
    "tooth_srfc_cd",
    "surface_code",
    "tooth_surface_codes",
    "dental_tooth_surface_code",
];

/// The names of `ClaimColumn::Area`.
pub(crate) const AREA: &[&str] = &[
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
];

/// The names of `ClaimColumn::DateEnd`.
pub(crate) const DATE_END: &[&str] = &[
    "date_of_service_to",
    "dos_to",
    "to_date",
    "line_srvc_end_dt",
    "srvc_end_dt",
    "last_service_dt",
    "service_date_to",
    "service_to_date",
    "service_end_date",
];

/// The names of `ClaimColumn::ToothSystem`.
pub(crate) const TOOTH_SYSTEM: &[&str] = &[
    "tooth_system",
    "tooth_numbering",
    "tooth_numbering_system",
    "tooth_dsgntn_sys",
    "tooth_dsgntn_sys_cd",
    "tooth_designation_system",
    "dental_tooth_system_code",
];

/// The names of `ClaimColumn::ToothRange`.
pub(crate) const TOOTH_RANGE: &[&str] = &["tooth_range", "teeth", "tooth_list"];

/// The names of `ClaimColumn::Patient`.
pub(crate) const PATIENT: &[&str] = &[
    "patient",
    "patient_id",
    "patient_name",
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
];

/// Names read only when the header has none of their column's other
/// names: exports often carry them beside the usual one, with another
/// meaning there (`Patient Name` beside `PatNum`, `Date Completed` beside
/// `Date`, an internal `Proc Code` beside the `ADA Code`). Alone they name
/// the column (Open Dental's Daily Procedures report has `ADA Code` and
/// `Patient Name` and no other). Each is one of the names above (the build
/// checks).
pub(crate) const SECONDARY: &[&str] = &[
    "ada_code",
    "ada_proc_code",
    "ada_procedure_code",
    "patient_name",
    "treatment_date",
    "date_of_treatment",
    "date_completed",
    "completed_date",
    "completion_date",
    "visit_date",
];

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
