//! How each row type of the tables writes itself as Rust source, in the
//! scope of `src/set/compiled.rs` (which holds the `code`, `edition`,
//! `date`, `span` and `hit` constructors the literals call).
//!
//! Each row type's writer takes the row apart field by field, so a field
//! added to a row type and not written here stops the build script from
//! compiling, at the line to change. A row that points into the text pool
//! also names those texts (`Literal::label`), for the comments of the
//! generated pool.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::dataset::Layout;
use crate::model::category::Category;
use crate::model::code::CdtCode;
use crate::model::date::ServiceDate;
use crate::model::edition::{Added, Edition};
use crate::model::record::{Heading, PhraseHit, Record, Span, Succession, Synonym, Word};
use crate::model::record::{SuccessorKind, Unconfirmed};
use crate::model::reporting::{Reporting, ToothClass};

/// A value that writes itself as a Rust expression.
pub trait Literal {
    /// Appends the expression to `out`.
    fn write(&self, out: &mut String);

    /// What a reader of the generated file wants beside the row (the code,
    /// the word), from the layout's texts; empty for none.
    fn note(&self, _layout: &Layout) -> String {
        String::new()
    }

    /// Names the texts the row points at in `labels` (by where each starts
    /// in the text pool), for the comments of the generated text pool.
    fn label(&self, _layout: &Layout, _labels: &mut BTreeMap<u32, String>) {}
}

/// The expression of a value, as a string.
pub fn literal(value: &impl Literal) -> String {
    let mut out = String::new();
    value.write(&mut out);
    out
}

/// A number as a Rust literal with `_` between groups of three digits
/// from 100,000 up, as clippy asks of long literals.
fn grouped(number: u32) -> String {
    let digits = number.to_string();
    if digits.len() < 6 {
        return digits;
    }
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push('_');
        }
        out.push(digit);
    }
    out
}

impl Literal for u8 {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl Literal for u16 {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl Literal for u32 {
    fn write(&self, out: &mut String) {
        out.push_str(&grouped(*self));
    }
}

impl Literal for u64 {
    /// In hexadecimal, four digits to a group: the marks pool holds bit
    /// sets.
    fn write(&self, out: &mut String) {
        out.push_str("0x");
        for group in (0..4).rev() {
            let _ = write!(out, "{:04x}", (self >> (16 * group)) & 0xffff);
            if group > 0 {
                out.push('_');
            }
        }
    }
}

impl Literal for bool {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl<T: Literal> Literal for Option<T> {
    fn write(&self, out: &mut String) {
        match self {
            None => out.push_str("None"),
            Some(value) => {
                out.push_str("Some(");
                value.write(out);
                out.push(')');
            }
        }
    }
}

impl Literal for Span {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "span({}, {})", grouped(self.start), grouped(self.len));
    }
}

impl Literal for CdtCode {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "code({})", self.number());
    }
}

impl Literal for Edition {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "edition({})", self.year());
    }
}

impl Literal for Added {
    fn write(&self, out: &mut String) {
        let (variant, edition) = match self {
            Added::In(edition) => ("In", edition),
            Added::Before(edition) => ("Before", edition),
        };
        let _ = write!(out, "Added::{variant}({})", literal(edition));
    }
}

impl Literal for ServiceDate {
    fn write(&self, out: &mut String) {
        let _ = write!(
            out,
            "date({}, {}, {})",
            self.year(),
            self.month(),
            self.day()
        );
    }
}

impl Literal for Category {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "Category::{}", self.variant_name());
    }
}

impl Literal for Unconfirmed {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "Unconfirmed({})", self.0);
    }
}

impl Literal for ToothClass {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "ToothClass({})", self.0);
    }
}

impl Literal for SuccessorKind {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "crate::model::record::SuccessorKind::{self:?}");
    }
}

/// Writes `Type { field: value, ... }` from `(field, value)` pairs, on one
/// line, or one field a line (indented for a row of a static) when `wide`.
fn fields(out: &mut String, name: &str, fields: &[(&str, &dyn Literal)], wide: bool) {
    out.push_str(name);
    out.push_str(" {");
    for (position, (field, value)) in fields.iter().enumerate() {
        if wide {
            let _ = write!(out, "\n        {field}: ");
        } else {
            out.push_str(if position == 0 { " " } else { ", " });
            let _ = write!(out, "{field}: ");
        }
        value.write(out);
        if wide {
            out.push(',');
        }
    }
    out.push_str(if wide { "\n    }" } else { " }" });
}

impl Literal for Reporting {
    fn write(&self, out: &mut String) {
        let Reporting {
            sites,
            min_surfaces,
            max_surfaces,
            teeth,
            confirmed,
            also,
            names,
            sources,
        } = self;
        fields(
            out,
            "Reporting",
            &[
                ("sites", sites),
                ("min_surfaces", min_surfaces),
                ("max_surfaces", max_surfaces),
                ("teeth", teeth),
                ("confirmed", confirmed),
                ("also", also),
                ("names", names),
                ("sources", sources),
            ],
            false,
        );
    }
}

impl Literal for Succession {
    fn write(&self, out: &mut String) {
        let Succession {
            kind,
            codes,
            source,
            note,
        } = self;
        fields(
            out,
            "crate::model::record::Succession",
            &[
                ("kind", kind),
                ("codes", codes),
                ("source", source),
                ("note", note),
            ],
            false,
        );
    }
}

impl Literal for Record {
    fn write(&self, out: &mut String) {
        let Record {
            code,
            category,
            heading,
            description,
            nomenclature,
            descriptor,
            added,
            deleted_in,
            effective,
            replaced_by,
            revised_in,
            unconfirmed,
            reporting,
            succession,
        } = self;
        fields(
            out,
            "Record",
            &[
                ("code", code),
                ("category", category),
                ("heading", heading),
                ("description", description),
                ("nomenclature", nomenclature),
                ("descriptor", descriptor),
                ("added", added),
                ("deleted_in", deleted_in),
                ("effective", effective),
                ("replaced_by", replaced_by),
                ("revised_in", revised_in),
                ("unconfirmed", unconfirmed),
                ("reporting", reporting),
                ("succession", succession),
            ],
            true,
        );
    }

    fn note(&self, _layout: &Layout) -> String {
        self.code.to_string()
    }

    fn label(&self, _layout: &Layout, labels: &mut BTreeMap<u32, String>) {
        let code = self.code;
        labels.insert(self.description.start, format!("{code} description"));
        if let Some(span) = self.nomenclature {
            labels.insert(span.start, format!("{code} nomenclature"));
        }
        if let Some(span) = self.descriptor {
            labels.insert(span.start, format!("{code} descriptor"));
        }
        if let Some(succession) = self.succession {
            labels.insert(succession.source.start, format!("{code} successor source"));
            labels.insert(succession.note.start, format!("{code} successor note"));
        }
    }
}

impl Literal for Heading {
    fn write(&self, out: &mut String) {
        let Heading {
            category,
            name,
            confirmed,
            members,
        } = self;
        fields(
            out,
            "Heading",
            &[
                ("category", category),
                ("name", name),
                ("confirmed", confirmed),
                ("members", members),
            ],
            false,
        );
    }

    fn note(&self, layout: &Layout) -> String {
        layout.text_of(self.name).into()
    }

    fn label(&self, _layout: &Layout, labels: &mut BTreeMap<u32, String>) {
        labels.insert(self.name.start, "heading".into());
    }
}

impl Literal for Word {
    fn write(&self, out: &mut String) {
        let Word {
            text,
            postings,
            active,
            weight,
            begun,
            marks,
        } = self;
        fields(
            out,
            "Word",
            &[
                ("text", text),
                ("postings", postings),
                ("active", active),
                ("weight", weight),
                ("begun", begun),
                ("marks", marks),
            ],
            false,
        );
    }

    fn note(&self, layout: &Layout) -> String {
        layout.text_of(self.text).into()
    }

    fn label(&self, _layout: &Layout, labels: &mut BTreeMap<u32, String>) {
        // A word that is also a record's text is labelled as that text.
        labels
            .entry(self.text.start)
            .or_insert_with(|| "word".into());
    }
}

impl Literal for Synonym {
    fn write(&self, out: &mut String) {
        let Synonym {
            term,
            expansion,
            term_hits,
            expansion_hits,
            term_active,
            expansion_active,
        } = self;
        fields(
            out,
            "Synonym",
            &[
                ("term", term),
                ("expansion", expansion),
                ("term_hits", term_hits),
                ("expansion_hits", expansion_hits),
                ("term_active", term_active),
                ("expansion_active", expansion_active),
            ],
            false,
        );
    }

    fn note(&self, layout: &Layout) -> String {
        format!(
            "{} -> {}",
            layout.text_of(self.term),
            layout.text_of(self.expansion)
        )
    }

    fn label(&self, _layout: &Layout, labels: &mut BTreeMap<u32, String>) {
        labels
            .entry(self.term.start)
            .or_insert_with(|| "search term".into());
        labels
            .entry(self.expansion.start)
            .or_insert_with(|| "its expansion".into());
    }
}

impl Literal for PhraseHit {
    fn write(&self, out: &mut String) {
        let PhraseHit { record, points } = self;
        let _ = write!(out, "hit({record}, {points})");
    }
}
