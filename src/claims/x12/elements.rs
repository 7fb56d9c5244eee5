//! An element's bytes into a service line's buffers, which are reused
//! line after line: trimmed, as text (U+FFFD for bytes that are not
//! UTF-8), empty elements left out; and what an element read so holds
//! that the 837D writes otherwise (surfaces run together, areas as letters
//! or names).

use alloc::borrow::Cow;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::X12Date;
use crate::claims::line::put;
use crate::model::trimmed;
use crate::teeth::{Area, Surfaces};

/// An element's bytes as text: borrowed when they are UTF-8 (as they
/// nearly always are), with U+FFFD for bytes that are not.
#[inline]
pub(super) fn text(bytes: &[u8]) -> Cow<'_, str> {
    match core::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// Writes an element, trimmed, into `target` keeping its buffer.
#[inline]
pub(super) fn put_text(target: &mut String, bytes: &[u8]) {
    put(target, trimmed(&text(bytes)));
}

/// An optional element, trimmed: `None` when empty.
#[inline]
pub(super) fn put_opt_text(target: &mut Option<String>, bytes: &[u8]) {
    let value = text(bytes);
    let value = trimmed(&value);
    match target {
        _ if value.is_empty() => *target = None,
        Some(target) => put(target, value),
        None => *target = Some(value.to_string()),
    }
}

/// A date element pair into `target`, keeping the buffers of the date it
/// held.
#[inline]
pub(super) fn put_date(target: &mut Option<X12Date>, qualifier: &[u8], value: &[u8]) {
    let date = target.get_or_insert_with(|| X12Date {
        qualifier: String::new(),
        value: String::new(),
    });
    put_text(&mut date.qualifier, qualifier);
    put_text(&mut date.value, value);
}

/// The non-empty trimmed components among `items`, at most `limit` of
/// them, into `target`, reusing its strings.
#[inline]
pub(super) fn put_list<'a>(
    target: &mut Vec<String>,
    items: impl Iterator<Item = &'a [u8]>,
    limit: usize,
) {
    let mut count = 0;
    for item in items {
        if count == limit {
            break;
        }
        let value = text(item);
        let value = trimmed(&value);
        if value.is_empty() {
            continue;
        }
        match target.get_mut(count) {
            Some(slot) => put(slot, value),
            None => target.push(value.to_string()),
        }
        count += 1;
    }
    target.truncate(count);
}

/// A warning when a `TOO03` component holds several surfaces run together
/// (`MOD`), which are read all the same. `TOO03` is X12's composite C005:
/// one surface code a component (its element 1361 is one or two
/// characters), as practice software writes them (`M:O:D`, Open Dental's
/// 5010 writer).
pub(super) fn surfaces_run_together(surfaces: &[String], component: u8) -> Option<String> {
    let (written, read) = surfaces.iter().find_map(|written| {
        // One character is one surface at most: only longer ones are read
        // (nearly every component is one letter).
        written.chars().nth(1)?;
        let read = Surfaces::parse(written).ok()?;
        (read.count() > 1).then_some((written, read))
    })?;
    let apart: Vec<String> = read.iter().map(|surface| surface.letter().into()).collect();
    Some(alloc::format!(
        "TOO03 {written} holds {} surfaces in one component; the 837D has one a component ({})",
        read.count(),
        apart.join(&char::from(component).to_string())
    ))
}

/// What to say of the areas an `SV304` holds that are no 837D area code:
/// a letter designation or a name, read as the area it names (`UR`, the
/// upper right quadrant, 10), and X12's `L` and `R`, read as no area.
pub(super) fn areas_not_coded(areas: &[String]) -> Vec<String> {
    let mut said = Vec::new();
    for written in areas {
        if let Some(side) = x12_side(written) {
            said.push(alloc::format!(
                "SV304 {written} is X12's code for the {side} side (element 1361), \
                 not an area of the ADA's list the 837D takes"
            ));
        // A code's first byte is a digit: only other text is looked at.
        } else if !written.starts_with(|c: char| c.is_ascii_digit()) {
            if let Ok(area) = Area::parse(written) {
                let kind = if written.len() == 2 {
                    "a letter designation"
                } else {
                    "a name"
                };
                said.push(alloc::format!(
                    "SV304 {written} is {kind}, not an 837D area code: the {} is {}",
                    area.name(),
                    area.code()
                ));
            }
        }
    }
    said
}

/// The side X12's element 1361 names by `L` or `R` (its codes for the
/// left and right sides since version 3050: Stedi's X12 reference; Epic's
/// `AP_CLM_PX_CVTY_DSG` table lists them too), which the 837D's code
/// source, the ADA's areas, does not have.
fn x12_side(written: &str) -> Option<&'static str> {
    match written {
        "L" => Some("left"),
        "R" => Some("right"),
        _ => None,
    }
}
