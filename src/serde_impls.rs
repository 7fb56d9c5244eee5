//! Serde support: a [`CdtCode`] is written and read as its string.

use core::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::code::CdtCode;

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
        crate::Edition::new(year).ok_or_else(|| de::Error::custom(crate::ParseEditionError))
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

impl Serialize for crate::Procedure {
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
        let mut record = serializer.serialize_struct("Procedure", 11)?;
        record.serialize_field("code", &self.code())?;
        record.serialize_field("description", self.description())?;
        record.serialize_field("nomenclature", &self.nomenclature())?;
        record.serialize_field("descriptor", &self.descriptor())?;
        record.serialize_field("category", &self.category())?;
        record.serialize_field(
            "subcategory",
            &self.subcategory().map(crate::Subcategory::name),
        )?;
        record.serialize_field("added_in", &self.added_in())?;
        record.serialize_field("added_before", &added_before)?;
        record.serialize_field("deleted_in", &self.deleted_in())?;
        record.serialize_field("replaced_by", self.replaced_by())?;
        record.serialize_field("revised_in", self.revised_in())?;
        record.end()
    }
}
