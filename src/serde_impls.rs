//! Serde support: a [`CdtCode`] is written and read as its string.

use core::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::code::CdtCode;

impl Serialize for CdtCode {
    /// Writes the canonical string, e.g. `"D3353"`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let ascii = self.to_ascii();
        let text = core::str::from_utf8(&ascii).map_err(serde::ser::Error::custom)?;
        serializer.serialize_str(text)
    }
}

impl<'de> Deserialize<'de> for CdtCode {
    /// Reads a code string; a malformed string fails with the parse error.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(CodeVisitor)
    }
}

struct CodeVisitor;

impl Visitor<'_> for CodeVisitor {
    type Value = CdtCode;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a CDT code string such as \"D3353\"")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<CdtCode, E> {
        CdtCode::parse(text).map_err(E::custom)
    }
}

impl Serialize for crate::Edition {
    /// Writes the year as a number, e.g. `2026`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u16(self.year())
    }
}

impl<'de> Deserialize<'de> for crate::Edition {
    /// Reads a year number (1990 to 2199).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let year = u16::deserialize(deserializer)?;
        crate::Edition::try_from(year).map_err(de::Error::custom)
    }
}

impl Serialize for crate::Severity {
    /// Writes `"warning"` or `"error"`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

impl Serialize for crate::Category {
    /// Writes the category's name, e.g. `"Prosthodontics (removable)"`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for crate::Category {
    /// Reads a category name (any ASCII case) or variant name.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(CategoryVisitor)
    }
}

struct CategoryVisitor;

impl Visitor<'_> for CategoryVisitor {
    type Value = crate::Category;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the name of a CDT category of service, such as \"Endodontics\"")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<crate::Category, E> {
        crate::Category::from_name(text)
            .ok_or_else(|| E::custom(format_args!("unknown CDT category {text:?}")))
    }
}

impl Serialize for crate::Procedure<'_> {
    /// Writes the record as an object with these keys, in this order:
    /// `code`, `description`, `nomenclature` and `descriptor` (null unless a
    /// licensed file was compiled in), `category`, `subcategory` (heading or
    /// null), `added_in` (year or null), `added_before` (year or null: the
    /// code predates that edition), `deleted_in` (year or null),
    /// `replaced_by` (array of codes), `revised_in` (array of years).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let added_before = match self.added() {
            Some(crate::Added::Before(edition)) => Some(edition),
            _ => None,
        };
        let mut record = serializer.serialize_struct("Procedure", 15)?;
        record.serialize_field("code", &self.code())?;
        record.serialize_field("description", self.description())?;
        record.serialize_field("nomenclature", &self.nomenclature())?;
        record.serialize_field("descriptor", &self.descriptor())?;
        record.serialize_field("category", &self.category())?;
        record.serialize_field(
            "subcategory",
            &self.subcategory().map(|subcategory| subcategory.name()),
        )?;
        record.serialize_field("subcategory_confirmed", &self.subcategory_confirmed())?;
        record.serialize_field("added_in", &self.added_in())?;
        record.serialize_field("added_before", &added_before)?;
        record.serialize_field("deleted_in", &self.deleted_in())?;
        record.serialize_field("replaced_by", self.replaced_by())?;
        record.serialize_field("revised_in", self.revised_in())?;
        record.serialize_field("effective", &self.effective())?;
        let unconfirmed: alloc::vec::Vec<&str> =
            self.unconfirmed().map(crate::Fact::column).collect();
        record.serialize_field("unconfirmed", &unconfirmed)?;
        record.end()
    }
}

impl Serialize for crate::ServiceDate {
    /// The ISO form, `"2026-01-15"`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for crate::ServiceDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = alloc::string::String::deserialize(deserializer)?;
        text.parse().map_err(de::Error::custom)
    }
}

impl Serialize for crate::Added {
    /// `{"in": 2019}` or `{"before": 2005}`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(1))?;
        match self {
            crate::Added::In(edition) => map.serialize_entry("in", edition)?,
            crate::Added::Before(edition) => map.serialize_entry("before", edition)?,
        }
        map.end()
    }
}

impl Serialize for crate::Validity<'_> {
    /// `{"verdict": "deleted", "code": "D1352", "message": "...",
    /// "replaced_by": ["D2391"]}`; `edition` names the edition the date
    /// falls in for `outside_data`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("verdict", self.kind())?;
        let code = match self {
            crate::Validity::Unknown(code) | crate::Validity::OutsideData { code, .. } => {
                Some(*code)
            }
            other => other.procedure().map(|procedure| procedure.code()),
        };
        map.serialize_entry("code", &code)?;
        map.serialize_entry("message", &alloc::string::ToString::to_string(self))?;
        match self {
            crate::Validity::Deleted {
                replaced_by,
                deleted_in,
                successors,
                ..
            } => {
                map.serialize_entry("deleted_in", deleted_in)?;
                map.serialize_entry("replaced_by", replaced_by)?;
                map.serialize_entry("successors", successors.codes())?;
                map.serialize_entry(
                    "successors_kind",
                    &successors.kind().map(crate::SuccessorKind::as_str),
                )?;
            }
            crate::Validity::NotYetInForce {
                added_in,
                effective,
                ..
            } => {
                map.serialize_entry("added_in", added_in)?;
                map.serialize_entry("effective", effective)?;
            }
            crate::Validity::OutsideData {
                edition, nearest, ..
            } => {
                map.serialize_entry(
                    "edition",
                    &edition.map(|e| alloc::string::ToString::to_string(&e)),
                )?;
                map.serialize_entry("nearest", &alloc::string::ToString::to_string(nearest))?;
            }
            _ => {}
        }
        map.end()
    }
}

impl Serialize for crate::Change<'_> {
    /// `{"change": "deleted", "code": "D1352", "edition": 2026}`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("change", self.kind())?;
        map.serialize_entry("code", &self.procedure().code())?;
        map.serialize_entry("edition", &self.edition())?;
        map.end()
    }
}

#[cfg(feature = "std")]
mod claims {
    use alloc::string::ToString;
    use alloc::vec::Vec;

    use serde::ser::SerializeMap;
    use serde::{Serialize, Serializer};

    use crate::claims::{LineError, LineReport, Summary, ToothEntry};

    impl Serialize for ToothEntry {
        /// `{"tooth": "3", "surfaces": "MOD"}`.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(2))?;
            map.serialize_entry("tooth", &self.tooth)?;
            map.serialize_entry("surfaces", &self.surfaces)?;
            map.end()
        }
    }

    impl Serialize for LineReport<'_> {
        /// The same object the JSON writer prints
        /// ([`claims::write`](crate::claims::write)): `position`, `claim`,
        /// `line`, `code`, `date`, `date_source`, `teeth`, `areas`,
        /// `verdict`, `severity`, `message`, `problems`, `replaced_by`,
        /// `notes`, `assumed_latest`.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(15))?;
            map.serialize_entry("position", &self.position)?;
            map.serialize_entry("claim", &self.claim)?;
            map.serialize_entry("line", &self.line)?;
            map.serialize_entry("code", &self.code)?;
            map.serialize_entry("date", &self.date)?;
            map.serialize_entry("date_source", self.date_source.key())?;
            map.serialize_entry("teeth", &self.teeth)?;
            map.serialize_entry("areas", &self.areas)?;
            map.serialize_entry("verdict", self.verdict().key())?;
            map.serialize_entry("severity", &self.severity())?;
            map.serialize_entry("message", &self.message())?;
            let problems: Vec<Problem> = self.problems.iter().map(Problem).collect();
            map.serialize_entry("problems", &problems)?;
            let conflicts: Vec<Conflict> = self.conflicts.iter().map(Conflict).collect();
            map.serialize_entry("conflicts", &conflicts)?;
            map.serialize_entry("replaced_by", self.replaced_by())?;
            map.serialize_entry("notes", &self.notes)?;
            map.serialize_entry("assumed_latest", &self.assumed_latest)?;
            map.end()
        }
    }

    /// A claim-level conflict as the JSON writer writes it.
    struct Conflict<'c>(&'c crate::claims::ClaimConflict);

    impl Serialize for Conflict<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let conflict = self.0;
            let mut map = serializer.serialize_map(Some(8))?;
            map.serialize_entry("claim", &conflict.claim)?;
            map.serialize_entry("rule", conflict.rule.id())?;
            map.serialize_entry("kind", conflict.rule.kind().key())?;
            map.serialize_entry("severity", &conflict.rule.severity())?;
            map.serialize_entry("confirmed", &conflict.rule.is_confirmed())?;
            map.serialize_entry("message", conflict.rule.message())?;
            map.serialize_entry("lines", &conflict.lines)?;
            map.serialize_entry("positions", &conflict.positions)?;
            map.end()
        }
    }

    /// A reporting problem as `{"severity", "message"}`.
    struct Problem<'p>(&'p crate::ReportingProblem);

    impl Serialize for Problem<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(2))?;
            map.serialize_entry("severity", &self.0.severity())?;
            map.serialize_entry("message", &self.0.to_string())?;
            map.end()
        }
    }

    impl Serialize for LineError {
        /// `{"position", "verdict": "unreadable", "severity": "error",
        /// "message"}`.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(4))?;
            map.serialize_entry("position", &self.position())?;
            map.serialize_entry("verdict", "unreadable")?;
            map.serialize_entry("severity", "error")?;
            map.serialize_entry("message", &self.to_string())?;
            map.end()
        }
    }

    impl Serialize for Summary {
        /// `lines`, `errors`, `warnings`, a count for every
        /// [`Verdict`](crate::claims::Verdict) by its key, `rejected`,
        /// `assumed_latest` and `skipped_checks`: the JSON writer's
        /// summary without its envelope count.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(None)?;
            map.serialize_entry("lines", &self.lines())?;
            map.serialize_entry("errors", &self.errors)?;
            map.serialize_entry("warnings", &self.warnings)?;
            for verdict in crate::claims::Verdict::ALL {
                map.serialize_entry(verdict.key(), &self.count(verdict))?;
            }
            map.serialize_entry("rejected", &self.rejected())?;
            map.serialize_entry("assumed_latest", &self.assumed_latest)?;
            map.serialize_entry("conflicts", &self.conflicts)?;
            let skipped: Vec<&str> = [
                (self.skipped.tooth, "tooth"),
                (self.skipped.surfaces, "surfaces"),
                (self.skipped.area, "area"),
                (self.skipped.edits, "claim_edits"),
            ]
            .into_iter()
            .filter_map(|(on, name)| on.then_some(name))
            .collect();
            map.serialize_entry("skipped_checks", &skipped)?;
            map.end()
        }
    }
}

// Teeth, surfaces and areas (src/model/teeth/).
#[cfg(feature = "serde")]
mod teeth {
    //! Teeth, surfaces and areas are written as their display strings
    //! (`"8"`, `"AS"`, `"MOD"`, `"10"`) and read with their parsers.

    use core::fmt;
    use core::marker::PhantomData;
    use core::str::FromStr;

    use serde::de::{self, Visitor};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::teeth::{Area, Surface, Surfaces, Tooth};

    impl Serialize for Tooth {
        /// Writes the designation, e.g. `"8"` or `"AS"`.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.ascii().as_str())
        }
    }

    impl Serialize for Surface {
        /// Writes the letter, e.g. `"M"`.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut text = [0; 4];
            serializer.serialize_str(self.letter().encode_utf8(&mut text))
        }
    }

    impl Serialize for Surfaces {
        /// Writes the letters in canonical order, e.g. `"MOD"`.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.ascii().as_str())
        }
    }

    impl Serialize for Area {
        /// Writes the two-digit code, e.g. `"10"`.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.code())
        }
    }

    /// Reads a string with `T`'s parser; a parse error becomes the
    /// deserializer's error.
    struct ParseVisitor<T> {
        expecting: &'static str,
        target: PhantomData<T>,
    }

    impl<T> Visitor<'_> for ParseVisitor<T>
    where
        T: FromStr,
        T::Err: fmt::Display,
    {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.expecting)
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
            text.parse().map_err(E::custom)
        }
    }

    fn parse_str<'de, D, T>(deserializer: D, expecting: &'static str) -> Result<T, D::Error>
    where
        D: Deserializer<'de>,
        T: FromStr,
        T::Err: fmt::Display,
    {
        deserializer.deserialize_str(ParseVisitor {
            expecting,
            target: PhantomData,
        })
    }

    impl<'de> Deserialize<'de> for Tooth {
        /// Reads a designation string such as `"8"` or `"as"`.
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            parse_str(
                deserializer,
                "a Universal tooth designation such as \"8\" or \"A\"",
            )
        }
    }

    impl<'de> Deserialize<'de> for Surface {
        /// Reads a one-letter string such as `"M"`.
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            parse_str::<D, SurfaceLetter>(deserializer, "a tooth surface letter such as \"M\"")
                .map(|letter| letter.0)
        }
    }

    impl<'de> Deserialize<'de> for Surfaces {
        /// Reads surface letters such as `"MOD"` or `"m,o,d"`.
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            parse_str(deserializer, "tooth surface letters such as \"MOD\"")
        }
    }

    impl<'de> Deserialize<'de> for Area {
        /// Reads a code such as `"10"` or a letter designation such as `"UR"`.
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            parse_str(
                deserializer,
                "an area of the oral cavity code such as \"10\"",
            )
        }
    }

    /// One surface letter, parsed through [`Surfaces`] so that the errors
    /// match.
    struct SurfaceLetter(Surface);

    impl FromStr for SurfaceLetter {
        type Err = SurfaceLetterError;

        fn from_str(text: &str) -> Result<SurfaceLetter, SurfaceLetterError> {
            let surfaces = Surfaces::parse(text).map_err(SurfaceLetterError::Parse)?;
            let mut iter = surfaces.iter();
            match (iter.next(), iter.next()) {
                (Some(surface), None) => Ok(SurfaceLetter(surface)),
                _ => Err(SurfaceLetterError::NotOne),
            }
        }
    }

    enum SurfaceLetterError {
        Parse(crate::teeth::ParseSurfacesError),
        NotOne,
    }

    impl fmt::Display for SurfaceLetterError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self {
                SurfaceLetterError::Parse(error) => fmt::Display::fmt(error, f),
                SurfaceLetterError::NotOne => {
                    f.write_str("expected exactly one tooth surface letter")
                }
            }
        }
    }
}
