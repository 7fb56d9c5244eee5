#!/usr/bin/env python3
"""Turns the medians criterion saved under target/criterion into the tables
of BENCHMARKS.md: nanoseconds per operation and ratios against the
baselines measured in the same run.

    cargo bench -p cdt-codes-benches --bench lookup --bench search --bench claims
    python3 benches/report.py            # print every table
    python3 benches/report.py --write    # write the search tables into BENCHMARKS.md
                                         # (runs the search example and the quality test)
    python3 benches/report.py --write --instructions
                                         # also count instructions per query under
                                         # valgrind's callgrind (needs valgrind)
    python3 benches/report.py --write-lookup
                                         # run the lookup bench (its baselines in the
                                         # same run) and write its tables into
                                         # BENCHMARKS.md, with the load it ran under
"""
import datetime
import json
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent / "target" / "criterion"
# Each lookup benchmark runs over a batch of inputs: one per record of the
# bundled data (949 in CDT 2026, 102 of them deleted). The batch size is read from the saved
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
    """Prints the lookup tables from the saved results (the load of that run
    is not known here: --write-lookup records it)."""
    for lines in lookup_tables(None).values():
        print("\n".join(lines))
        print()


SEARCH_QUERIES = [
    ("single word", "apexification"),
    ("prefix", "apexif"),
    ("three words", "root canal molar"),
    ("vocabulary", "deep cleaning 4 teeth"),
    ("typo", "extration"),
    ("code", "D3330"),
]


def mix_queries():
    """The search mix (`MIX` in benches/lib.rs), read from its source (one list)."""
    source = (pathlib.Path(__file__).resolve().parent / "lib.rs").read_text()
    block = source[source.index("pub const MIX"):]
    block = block[block.index("[", block.index("=")) + 1:block.index("];")]
    return [line.strip().rstrip(",").strip('"') for line in block.splitlines() if line.strip()]


def stamp(command):
    """When, where and how the figures were made."""
    saved = ROOT / "search mix" / "whole mix_ search(q).take(10)" / "new" / "estimates.json"
    when = datetime.datetime.fromtimestamp(saved.stat().st_mtime, datetime.timezone.utc)
    return (
        f"Measured {when:%Y-%m-%d %H:%M} UTC on a machine with {os.cpu_count()} cores "
        f"(shared with other work: read the same-run ratios, not the nanoseconds), "
        f"by `{command}`, tables written by `python3 benches/report.py --write`."
    )


def searches():
    out = [
        "| query | search, all ranked | best 10 (`limit(10)`) | `search(q).take(10)` | naive scan (lower-cased once) | speed-up, all | speed-up, first 10 | ~~naive scan, lower-casing per word~~ | ~~speed-up vs it~~ |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, query in SEARCH_QUERIES:
        group = f"search {name}"
        ours = median(group, "cdt_codes__search (collected)")
        top = median(group, "Query__limit(10) (collected)")
        take = median(group, "search(q).take(10) (collected)")
        naive = median(group, "baseline_ naive scan")
        old = median(group, "baseline_ naive scan, lower-casing per word")
        out.append(
            f"| {name} (`{query}`) | {ours:.0f} ns | {top:.0f} ns | {take:.0f} ns | "
            f"{naive / 1000:.1f} µs | {naive / ours:.0f}x | {naive / take:.0f}x | "
            f"~~{old / 1000:.1f} µs~~ | ~~{old / ours:.0f}x~~ |"
        )
    return out


def search_mix():
    queries = mix_queries()
    out = [
        "| query | matches in force | first 10, median |",
        "|---|---|---|",
    ]
    slowest = 0.0
    for at, query in enumerate(queries):
        ns = median("search mix", f"{at:02} {query}")
        slowest = max(slowest, ns)
        out.append(f"| `{query}` | {MATCHES.get(query, '')} | {ns:.0f} ns |")
    ours = median("search mix", "whole mix_ search(q).take(10)")
    naive = median("search mix", "whole mix_ baseline_ naive scan")
    old = median("search mix", "whole mix_ baseline_ naive scan, lower-casing per word")
    out += [
        "",
        f"| the whole mix ({len(queries)} queries) | median | search is faster by |",
        "|---|---|---|",
        f"| `search(q).take(10)` for each | {ours / 1000:.1f} µs ({ours / len(queries):.0f} ns a query; slowest query {slowest:.0f} ns) | |",
        f"| naive scan, descriptions lower-cased once | {naive / 1000:.1f} µs | {naive / ours:.0f}x |",
        f"| ~~naive scan, lower-casing per word~~ (old baseline) | ~~{old / 1000:.1f} µs~~ | ~~{old / ours:.0f}x~~ |",
    ]
    return out


def targets():
    """Issue 26's speed targets against this run's medians."""
    queries = mix_queries()
    medians = [median("search mix", f"{at:02} {query}") for at, query in enumerate(queries)]
    over = [(query, ns) for query, ns in zip(queries, medians) if ns > 1000]
    ours = median("search mix", "whole mix_ search(q).take(10)")
    naive = median("search mix", "whole mix_ baseline_ naive scan")
    ratio = naive / ours
    listed = ", ".join(f"`{query}` {ns / 1000:.1f} µs" for query, ns in over)
    return [
        "| target | this run | met |",
        "|---|---|---|",
        f"| first 10 of every mix query at most 1 µs median | {len(queries) - len(over)} of {len(queries)} at most 1 µs"
        + (f"; over: {listed}" if over else "") + f" | {'yes' if not over else '**no**'} |",
        f"| the whole mix at least 50x the fair naive scan | {ratio:.0f}x | {'yes' if ratio >= 50 else '**no**'} |",
        "| no allocation in word lookups | `tests/no_alloc.rs`: lookups none, a query of one list none, any other at most two (its tally and its keys, or its merge and, past 32, the keys of the records matching several terms), reading results none | yes |",
    ]


# How many codes in force each mix query matches (from the search example;
# filled in by `--write`, which runs it).
MATCHES = {}


def count_matches(queries):
    for query in queries:
        run = subprocess.run(
            ["cargo", "run", "-q", "--release", "--example", "search", "--", "--limit", "0", query],
            capture_output=True, text=True, cwd=ROOT.parent.parent,
        )
        first = (run.stdout or "0").split(" ", 1)[0]
        MATCHES[query] = first if first.isdigit() else "0"


def quality():
    """The figures of tests/search_quality.rs, run now."""
    run = subprocess.run(
        ["cargo", "test", "-q", "--all-features", "--test", "search_quality", "--", "--nocapture", "--test-threads", "1"],
        capture_output=True, text=True, cwd=ROOT.parent.parent,
    )
    out = ["| query set | queries | | top-1 | top-3 | MRR | any accepted code first |", "|---|---|---|---|---|---|---|"]
    name = count = None
    for line in run.stdout.splitlines():
        if "search_queries" in line and " queries" in line:
            # libtest may print `test name ... ` before the test's output.
            line = line[line.index("search_queries"):]
            name, rest = line.split(": ", 1)
            count = rest.split(" ", 1)[0]
        elif name and (line.startswith("cdt_codes::search") or line.startswith("BM25")):
            label = line[:17].strip()
            figures = line[17:].split()
            out.append(f"| `{name}` | {count} | {label} | {' | '.join(figures)} |")
    return out


def instructions(runs=1000):
    """Instructions per `search(q).take(10)` for each query of the mix,
    counted by callgrind (a one-off tool: valgrind must be installed)."""
    root = ROOT.parent.parent
    subprocess.run(
        ["cargo", "build", "-q", "--release", "-p", "cdt-codes-benches", "--example", "search_instructions"],
        check=True, cwd=root,
    )
    binary = root / "target" / "release" / "examples" / "search_instructions"
    out = ["| query | instructions per `search(q).take(10)` |", "|---|---|"]
    total = 0
    queries = mix_queries()
    for query in queries:
        target = pathlib.Path("/tmp") / "cdt-codes-callgrind.out"
        subprocess.run(
            ["valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=*measure*",
             f"--callgrind-out-file={target}", str(binary), str(runs), query],
            check=True, capture_output=True, cwd=root,
        )
        counted = next(
            int(line.split()[1]) for line in target.read_text().splitlines()
            if line.startswith("totals:") or line.startswith("summary:")
        )
        total += counted / runs
        out.append(f"| `{query}` | {counted / runs / 1000:.1f}k |")
    out.append(f"| mean of the mix | {total / len(queries) / 1000:.1f}k |")
    return out


def write_sections(path, sections):
    """Writes each section between its markers in `path`, and prints it."""
    text = path.read_text()
    for marker, lines in sections.items():
        text = replace(text, marker, lines)
    path.write_text(text)
    for lines in sections.values():
        print("\n".join(lines))
        print()


def replace(text, marker, lines):
    start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    return head + start + "\n" + "\n".join(lines) + "\n" + end + tail


def write_search_tables():
    """Writes the search tables into BENCHMARKS.md between their markers."""
    command = "cargo bench -p cdt-codes-benches --bench search"
    count_matches(mix_queries())
    path = ROOT.parent.parent / "BENCHMARKS.md"
    text = path.read_text()
    text = replace(text, "search-stamp", [stamp(command)])
    text = replace(text, "search-speed", searches())
    text = replace(text, "search-mix", search_mix())
    text = replace(text, "search-targets", targets())
    text = replace(text, "search-quality", quality())
    if "--instructions" in sys.argv:
        text = replace(text, "search-instructions", instructions())
    path.write_text(text)


LOOKUP_COMMAND = "cargo bench -p cdt-codes-benches --bench lookup"
LOOKUP_BASELINES = [
    ("dense", "baseline: parse + dense index"),
    ("hash", "baseline: std HashMap<&str>"),
    ("sorted", "baseline: sorted slice + binary search"),
    ("scan", "baseline: linear scan"),
]


def saved_benchmarks():
    """Every benchmark criterion saved, by (group, function, parameter):
    (median ns of a batch, batch size)."""
    found = {}
    for path in ROOT.glob("**/new/benchmark.json"):
        meta = json.loads(path.read_text())
        estimates = json.loads((path.parent / "estimates.json").read_text())
        throughput = meta.get("throughput") or {}
        key = (meta["group_id"], meta.get("function_id"), meta.get("value_str"))
        found[key] = (estimates["median"]["point_estimate"], throughput.get("Elements", 1))
    return found


def lookup_tables(load):
    """The lookup, by-code and iteration tables and the lookup targets, from
    the saved results of the lookup bench."""
    saved = saved_benchmarks()

    def per_item(group, function, value=None):
        median_ns, batch_size = saved[(group, function, value)]
        return median_ns / batch_size

    batch_sizes = {kind: saved[(f"lookup_{kind}", "cdt_codes::lookup", kind)][1] for kind in ["hit", "miss", "malformed"]}
    newest = max(
        path.stat().st_mtime
        for group in ["lookup_hit", "lookup_miss", "lookup_malformed", "by_code", "iteration"]
        for path in (ROOT / group).glob("**/new/estimates.json")
    )
    when = datetime.datetime.fromtimestamp(newest, datetime.timezone.utc)
    stamp = [
        f"Measured {when:%Y-%m-%d %H:%M} UTC on a machine with {os.cpu_count()} cores, load average "
        + (f"between {load[0]:.2f} and {load[1]:.2f} while it ran" if load else "not recorded")
        + f" (the machine is shared: read the "
        f"same-run ratios, not the nanoseconds), by `{LOOKUP_COMMAND}`, tables written by "
        f"`python3 benches/report.py --write-lookup`. Batches: {batch_sizes['hit']} hits (every code of the "
        f"bundled data), {batch_sizes['miss']} misses, {batch_sizes['malformed']} malformed strings."
    ]
    table = [
        "| input | cdt_codes::lookup | parse + dense index | std HashMap<&str> | sorted slice | linear scan | lookup / dense | HashMap / lookup |",
        "|---|---|---|---|---|---|---|---|",
    ]
    ratios = {}
    for kind in ["hit", "miss", "malformed"]:
        group = f"lookup_{kind}"
        ns = {"ours": per_item(group, "cdt_codes::lookup", kind)}
        for key, name in LOOKUP_BASELINES:
            ns[key] = per_item(group, name, kind)
        ratios[kind] = ns
        table.append(
            f"| {kind} | {ns['ours']:.2f} ns | {ns['dense']:.2f} ns | {ns['hash']:.2f} ns | "
            f"{ns['sorted']:.1f} ns | {ns['scan']:.0f} ns | {ns['ours'] / ns['dense']:.2f}x | "
            f"{ns['hash'] / ns['ours']:.1f}x |"
        )
    ops = ["| operation | time |", "|---|---|"]
    for function, label in [
        ("cdt_codes::get", "get(CdtCode), per code"),
        ("CdtCode::parse", "CdtCode::parse (valid codes), per code"),
        ("Category::of", "Category::of, per code"),
    ]:
        ops.append(f"| {label} | {per_item('by_code', function):.2f} ns |")
    for function, label in [
        ("CodeSet::category(Endodontics)", "Endodontics procedures, filter active (whole category)"),
        ("cdt_codes::iter()", "iter() over every record, filter active"),
    ]:
        ops.append(f"| {label} | {saved[('iteration', function, None)][0]:.0f} ns in all |")
    hit, malformed = ratios["hit"], ratios["malformed"]
    get_ns = per_item("by_code", "cdt_codes::get")

    def met(condition):
        return "yes" if condition else "**no**"

    targets = [
        "| target | this run | met |",
        "|---|---|---|",
        f"| `lookup(&str)` hit at most 2x parse + dense index | {hit['ours'] / hit['dense']:.2f}x | "
        f"{met(hit['ours'] <= 2 * hit['dense'])} |",
        f"| `lookup(&str)` hit at least 3x faster than `HashMap<&str>` | {hit['hash'] / hit['ours']:.1f}x | "
        f"{met(hit['hash'] >= 3 * hit['ours'])} |",
        f"| malformed input rejected in under 3 ns (an absolute time: moves with the load) | "
        f"{malformed['ours']:.2f} ns | {met(malformed['ours'] < 3)} |",
        f"| `get(CdtCode)` under 3 ns (absolute, as above) | {get_ns:.2f} ns | {met(get_ns < 3)} |",
        "| zero heap allocation on every lookup path | `tests/no_alloc.rs`, counting allocator: 0 | yes |",
    ]
    if load is None or load[1] > os.cpu_count():
        stamp.append("")
        stamp.append(
            "**The machine was loaded beyond its cores during this run** (or the load is unknown): "
            "criterion runs one benchmark after another, so even the same-run ratios shift with the "
            "load of the moment, and the nanoseconds are several times a quiet run's. The absolute "
            "targets below cannot be judged from such a run; rerun the command on a quiet machine."
        )
    return {"lookup-stamp": stamp, "lookup": table, "lookup-ops": ops, "lookup-targets": targets}


def write_lookup_tables():
    """Runs the lookup bench, then writes its tables into BENCHMARKS.md,
    with the least and greatest one-minute load average seen while it ran
    (sampled every 10 seconds)."""
    bench = subprocess.Popen(LOOKUP_COMMAND.split(), cwd=ROOT.parent.parent)
    loads = [os.getloadavg()[0]]
    while bench.poll() is None:
        try:
            bench.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        loads.append(os.getloadavg()[0])
    if bench.returncode != 0:
        sys.exit(bench.returncode)
    write_sections(ROOT.parent.parent / "BENCHMARKS.md", lookup_tables((min(loads), max(loads))))


def claims():
    ours = median("claims", "ClaimChecker")
    split = median("claims", "baseline_ split lines and fields")
    lines = batch("claims", "ClaimChecker")
    print("| | per 200,000 lines | lines per second |")
    print("|---|---|---|")
    print(f"| ClaimChecker | {ours / 1e6:.1f} ms | {lines / ours * 1e9 / 1e6:.1f} M |")
    print(f"| baseline: split lines and fields only | {split / 1e6:.1f} ms | {lines / split * 1e9 / 1e6:.1f} M |")


def print_lines(lines_of):
    def section():
        print("\n".join(lines_of()))
    return section


if __name__ == "__main__":
    if "--write-lookup" in sys.argv:
        write_lookup_tables()
        sys.exit(0)
    if "--write" in sys.argv:
        write_search_tables()
        sys.exit(0)
    for section in (lookups, print_lines(searches), print_lines(search_mix), claims):
        try:
            section()
        except FileNotFoundError as missing:
            print(f"(no saved results: {missing.filename})")
        print()
