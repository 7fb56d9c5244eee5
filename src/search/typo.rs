//! One typing slip: whether two words differ by exactly one insertion,
//! deletion, substitution or swap of neighbouring letters.

/// Whether `a` and `b` are one edit apart (equal words are not).
pub(super) fn one_edit(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match long.len() - short.len() {
        0 => {
            let Some(first) = a.iter().zip(b).position(|(x, y)| x != y) else {
                return false;
            };
            let (a, b) = (&a[first..], &b[first..]);
            // A substitution, or a swap of neighbours.
            a.get(1..) == b.get(1..)
                || (a.len() >= 2
                    && a.first() == b.get(1)
                    && a.get(1) == b.first()
                    && a.get(2..) == b.get(2..))
        }
        1 => {
            let first = short
                .iter()
                .zip(long)
                .position(|(x, y)| x != y)
                .unwrap_or(short.len());
            short.get(first..) == long.get(first + 1..)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::one_edit;

    #[test]
    fn one_slip_of_each_kind() {
        for (a, b) in [
            ("extration", "extraction"),
            ("sealent", "sealant"),
            ("flourid", "fluorid"),
            ("gard", "guard"),
            ("modl", "model"),
            ("crown", "brown"),
        ] {
            assert!(one_edit(a.as_bytes(), b.as_bytes()), "{a} {b}");
            assert!(one_edit(b.as_bytes(), a.as_bytes()), "{b} {a}");
        }
        for (a, b) in [
            ("crown", "crown"),
            ("abcd", "badc"),
            ("", "ab"),
            ("crown", "cr"),
        ] {
            assert!(!one_edit(a.as_bytes(), b.as_bytes()), "{a} {b}");
        }
    }
}
