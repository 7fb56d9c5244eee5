#!/usr/bin/env python3
"""Lists the Rust doctests under src/ (and the README's, which lib.rs runs
as doctests) that assert nothing, or whose every assertion names no value
(only that something is `Some`/`Ok`, empty or not, more than zero) (issue 31: a doctest asserts the fact it shows).

    python3 benches/doctest_audit.py           # list the weak doctests, then a count
    python3 benches/doctest_audit.py --count   # the counts only
    python3 benches/doctest_audit.py --check   # exit 1 if any doctest is weak
    python3 benches/doctest_audit.py --root DIR  # audit another checkout (e.g. an old commit's
                                                 # `git archive` unpacked in DIR)

A block is a Rust doctest as rustdoc decides it: a fence with no info
string, or one whose words are all rustdoc's (`rust`, `no_run`,
`should_panic`, `edition2021`, ...); ```json, ```text and the like are
output samples. `ignore` and `compile_fail` blocks do not run, so they are
not held to asserting anything. An assertion is `assert!`, `assert_eq!`,
`assert_ne!` or `debug_assert*`, hidden (`# `) lines included; it is weak
(names no value) when all it checks is `.is_some()`, `.is_ok()`,
`.is_err()`, `.is_none()`, `.is_empty()`, a count above zero or a
`Some(_)`/`Ok(_)` pattern: a doctest holds at least one assertion that
names the fact it shows (a code, a year, a string, a count). `should_panic` blocks count as asserting (the panic is the fact).
"""
import pathlib
import re
import sys

REPO = pathlib.Path(__file__).resolve().parent.parent
RUSTDOC_WORDS = {
    "rust", "no_run", "should_panic", "ignore", "compile_fail", "test_harness",
    "edition2015", "edition2018", "edition2021", "edition2024", "standalone_crate",
}
DOC_LINE = re.compile(r"^\s*(?:///|//!)\s?(.*)$")
FENCE = re.compile(r"^\s*(```+|~~~+)\s*(.*)$")
ASSERT = re.compile(r"\b(?:debug_)?assert(?:_eq|_ne)?!\s*\(")
# An assertion that names no value: something is there or not, empty or not,
# Ok or Err, more than zero. Each part of an `&&` is judged alone.
VAGUE_PART = re.compile(
    r"^!?\s*[\w:.()\[\]&<>\"',? -]*?\.(?:is_some|is_ok|is_err|is_none|is_empty)\(\)$"
    r"|^[\w:.()\[\]&<>?',\" -]*?\s*(?:>\s*0|>=\s*1)$"
    r"|^[\w:.()\[\]&<>?',\" -]*?(?:\.count\(\)|\.len\(\))\s*>\s*1$"
    r"|^matches!\s*\(.*,\s*(?:Some|Ok|Err)\s*\(\s*_\s*\)\s*\)$"
)


def vague(assertion):
    inner = assertion[assertion.index("(") + 1:-1].strip()
    if not assertion.startswith("assert!"):
        return False
    return all(VAGUE_PART.match(part.strip()) for part in inner.split("&&"))


def kind(info):
    """'rust', 'skip' (ignore/compile_fail) or None (not Rust)."""
    words = [w for w in re.split(r"[\s,]+", info.strip()) if w]
    if any(w not in RUSTDOC_WORDS and not w.startswith("edition") for w in words):
        return None
    if "ignore" in words or "compile_fail" in words:
        return "skip"
    return "should_panic" if "should_panic" in words else "rust"


def doc_lines(path):
    """(line number, text) of each doc-comment line, with a None between runs."""
    previous = None
    for number, line in enumerate(path.read_text().splitlines(), 1):
        found = DOC_LINE.match(line)
        if found:
            if previous is not None and previous != number - 1:
                yield None
            yield number, found.group(1)
            previous = number
    yield None


def markdown_lines(path):
    for number, line in enumerate(path.read_text().splitlines(), 1):
        yield number, line
    yield None


def blocks(lines):
    """(first line, kind, code lines) of each fenced block."""
    open_at, fence, block_kind, code = None, None, None, []
    for item in lines:
        if item is None:
            open_at = None
            continue
        number, text = item
        found = FENCE.match(text)
        if open_at is None:
            if found:
                open_at, fence, block_kind, code = number, found.group(1), kind(found.group(2)), []
        elif found and found.group(1).startswith(fence) and not found.group(2).strip():
            if block_kind is not None:
                yield open_at, block_kind, code
            open_at = None
        else:
            code.append(text)


def statements(code):
    """The assertion statements of a block, each joined onto one line."""
    text = "\n".join(line[2:] if line.startswith("# ") else line.lstrip("#") for line in code)
    found = []
    for start in ASSERT.finditer(text):
        depth, i = 0, start.end() - 1
        while i < len(text):
            if text[i] == "(":
                depth += 1
            elif text[i] == ")":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        found.append(" ".join(text[start.start():i + 1].split()))
    return found


def audit(root):
    files = sorted((root / "src").rglob("*.rs"))
    runs = [(path, doc_lines(path)) for path in files]
    runs.append((root / "README.md", markdown_lines(root / "README.md")))
    total, skipped, weak = 0, 0, []
    for path, lines in runs:
        for line, block_kind, code in blocks(lines):
            if block_kind == "skip":
                skipped += 1
                continue
            total += 1
            if block_kind == "should_panic":
                continue
            asserts = statements(code)
            where = f"{path.relative_to(root)}:{line}"
            if not asserts:
                weak.append((where, "asserts nothing"))
            elif all(vague(a) for a in asserts):
                weak.append((where, "asserts no value, only presence, emptiness, Ok/Err or > 0: " + "; ".join(asserts)))
    return total, skipped, weak


def main():
    root = pathlib.Path(sys.argv[sys.argv.index("--root") + 1]) if "--root" in sys.argv else REPO
    total, skipped, weak = audit(root)
    if "--count" not in sys.argv:
        for where, why in weak:
            print(f"{where}: {why}")
    print(f"{total} Rust doctests ({skipped} ignore/compile_fail not counted); "
          f"{len(weak)} assert nothing or no value")
    if "--check" in sys.argv and weak:
        sys.exit(1)


if __name__ == "__main__":
    main()
