#!/usr/bin/env python3
"""Turns the medians criterion saved under target/criterion into the tables
of BENCHMARKS.md: nanoseconds per operation and ratios against the
baselines measured in the same run.

    cargo bench --bench lookup --bench search --bench claims
    python3 benches/report.py
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent / "target" / "criterion"
# Each lookup benchmark runs over a batch of inputs: one per record of the
# bundled data (948 in CDT 2026). The batch size is read from the saved
# throughput so the report stays right when the data grows.


def median(group, bench):
    path = ROOT / group / bench / "new" / "estimates.json"
    return json.loads(path.read_text())["median"]["point_estimate"]


def batch(group, bench):
    path = ROOT / group / bench / "new" / "benchmark.json"
    throughput = json.loads(path.read_text()).get("throughput") or {}
    return throughput.get("Elements", 1)


def per_item(group, bench):
    return median(group, bench) / batch(group, bench)


def lookups():
    print("| input | cdt_codes::lookup | parse + dense index | std HashMap<&str> | sorted slice | linear scan | lookup vs dense | HashMap / lookup |")
    print("|---|---|---|---|---|---|---|---|")
    for kind in ["hit", "miss", "malformed"]:
        group = f"lookup_{kind}"
        names = {
            "ours": f"cdt_codes__lookup/{kind}",
            "dense": f"baseline_ parse + dense index/{kind}",
            "hash": f"baseline_ std HashMap_&str_/{kind}",
            "sorted": f"baseline_ sorted slice + binary search/{kind}",
            "scan": f"baseline_ linear scan/{kind}",
        }
        ns = {key: per_item(group, name) for key, name in names.items()}
        print(
            f"| {kind} | {ns['ours']:.2f} ns | {ns['dense']:.2f} ns | {ns['hash']:.2f} ns | "
            f"{ns['sorted']:.1f} ns | {ns['scan']:.0f} ns | {ns['ours'] / ns['dense']:.2f}x | "
            f"{ns['hash'] / ns['ours']:.1f}x |"
        )
    print()
    print("| operation | ns per item |")
    print("|---|---|")
    for bench, label in [
        ("cdt_codes__get", "get(CdtCode)"),
        ("CdtCode__parse", "CdtCode::parse (valid codes)"),
        ("Category__of", "Category::of"),
    ]:
        print(f"| {label} | {per_item('by_code', bench):.2f} |")
    for bench, label in [
        ("Category__Endodontics.procedures()", "Endodontics procedures, filter active (whole category)"),
        ("cdt_codes__iter()", "iter() over every record, filter active"),
    ]:
        print(f"| {label} | {median('iteration', bench):.0f} (total) |")


def searches():
    print("| query | search, all ranked | best 10 (`limit(10)`) | naive scan | speed-up (all) | speed-up (best 10) |")
    print("|---|---|---|---|---|---|")
    for name, query in [
        ("single word", "apexification"),
        ("prefix", "apexif"),
        ("three words", "root canal molar"),
        ("vocabulary", "deep cleaning 4 teeth"),
        ("typo", "extration"),
        ("code", "D3330"),
    ]:
        group = f"search {name}"
        ours = median(group, "cdt_codes__search (collected)")
        top = median(group, "Query__limit(10) (collected)")
        naive = median(group, "baseline_ naive scan")
        print(
            f"| {name} (`{query}`) | {ours:.0f} ns | {top:.0f} ns | {naive / 1000:.1f} µs | "
            f"{naive / ours:.0f}x | {naive / top:.0f}x |"
        )


def claims():
    ours = median("claims", "ClaimChecker")
    split = median("claims", "baseline_ split lines and fields")
    lines = batch("claims", "ClaimChecker")
    print("| | per 200,000 lines | lines per second |")
    print("|---|---|---|")
    print(f"| ClaimChecker | {ours / 1e6:.1f} ms | {lines / ours * 1e9 / 1e6:.1f} M |")
    print(f"| baseline: split lines and fields only | {split / 1e6:.1f} ms | {lines / split * 1e9 / 1e6:.1f} M |")


if __name__ == "__main__":
    for section in (lookups, searches, claims):
        try:
            section()
        except FileNotFoundError as missing:
            print(f"(no saved results: {missing.filename})")
        print()
