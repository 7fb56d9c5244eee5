#!/usr/bin/env python3
"""What the compiled tables cost: build time, binary size and the bytes of
each table, with the bundled data and with a 3-code file in its place.
Writes the "Build cost", "Binary size" and "Table memory" tables of
BENCHMARKS.md.

    python3 benches/build_cost.py           # measure and print
    python3 benches/build_cost.py --write   # measure and write BENCHMARKS.md
    python3 benches/build_cost.py --runs 5  # builds per data file (default 3)

It builds in its own target directory (target/measure), so the
dependencies are built once and only cdt-codes is cleaned between runs:
`cargo clean --release -p cdt-codes`, then `cargo build --release
--example lookup --timings`, whose report gives each unit's wall time
(the build script's compile and run, the library); the CPU time of the
whole build (every process cargo ran) and of each compile of the crate's
own units (a RUSTC_WORKSPACE_WRAPPER) is read with getrusage: CPU time
moves far less with the load than the wall clock. The two
data files are built in turn and each figure is the least of the runs. The 3-code file is
tests/fixtures/licensed/good.csv with CDT_CODES_MODE=replace and
CDT_CODES_EDITION=2026, so its
tables hold three records instead of the bundled data's.

Sizes are of the release `lookup` example: the file as built, and a
`strip`ped copy. Table bytes are the sizes `nm` gives the generated
statics (`cdt_codes::set::compiled::*`); the description pool `TEXT` is a
string literal with no symbol of its own, so its bytes are counted from
the generated tables.rs. Build times move with the machine's load (the
script records it); sizes do not.
"""
import datetime
import json
import os
import pathlib
import re
import resource
import shutil
import subprocess
import sys
import tempfile

from report import write_sections  # the marker writer BENCHMARKS.md's scripts share

REPO = pathlib.Path(__file__).resolve().parent.parent
TARGET = REPO / "target" / "measure"
SMALL = "tests/fixtures/licensed/good.csv"
COMMAND = "python3 benches/build_cost.py --write"


BUNDLED = {"CDT_CODES_DATA": None, "CDT_CODES_MODE": None, "CDT_CODES_EDITION": None}
SMALL_ENV = {"CDT_CODES_DATA": str(REPO / SMALL), "CDT_CODES_MODE": "replace", "CDT_CODES_EDITION": "2026"}


def cargo(*args, env=BUNDLED):
    """Runs cargo in the measuring target directory; a variable set to None is removed."""
    variables = {**os.environ, "CARGO_TARGET_DIR": str(TARGET)}
    for name, value in env.items():
        variables.pop(name, None)
        if value is not None:
            variables[name] = value
    subprocess.run(["cargo", *args], cwd=REPO, check=True, env=variables,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def unit_times():
    """Seconds of the build script's compile and run and of the library, from
    the latest cargo --timings report."""
    text = (TARGET / "cargo-timings" / "cargo-timing.html").read_text()
    units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);\n", text, re.S).group(1))
    times = {}
    for unit in units:
        if unit["name"] != "cdt-codes":
            continue
        key = {" build-script": "compile", " build-script (run)": "run", "": "library"}.get(unit["target"])
        if key:
            times[key] = unit["duration"]
    return times


def tables_rs():
    found = sorted(TARGET.glob("release/build/cdt-codes-*/out/tables.rs"), key=lambda p: p.stat().st_mtime)
    return found[-1].read_text()


def text_pool_bytes(source):
    """Bytes of the TEXT pool: its concat! of string literals, unescaped."""
    block = source[source.index("static TEXT: &str = concat!("):]
    block = block[:block.index("\n);")]
    total = 0
    for literal in re.findall(r'"((?:[^"\\]|\\.)*)"', block):
        text = re.sub(r"\\u\{([0-9a-fA-F]+)\}", lambda m: chr(int(m.group(1), 16)), literal)
        text = re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t", "r": "\r", "0": "\0"}.get(m.group(1), m.group(1)), text)
        total += len(text.encode())
    return total


def table_bytes(binary):
    out = subprocess.run(["nm", "-S", "-C", str(binary)], check=True, capture_output=True, text=True).stdout
    sizes = {}
    for line in out.splitlines():
        parts = line.split(maxsplit=3)
        if len(parts) == 4 and parts[3].startswith("cdt_codes::set::compiled::") and parts[2] in "rRdD":
            sizes[parts[3].rsplit("::", 1)[1]] = int(parts[1], 16)
    return sizes


# Run around each rustc of the workspace's own crates (RUSTC_WORKSPACE_WRAPPER,
# so the dependencies are untouched): logs the CPU seconds of each compile.
WRAPPER = """#!/usr/bin/env python3
import os, resource, subprocess, sys
args = sys.argv[1:]
code = subprocess.call(args)
if "--crate-name" in args:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(os.environ["CDT_CPU_LOG"], "a") as log:
        log.write(args[args.index("--crate-name") + 1] + " " + str(usage.ru_utime + usage.ru_stime) + "\\n")
sys.exit(code)
"""


def build(env):
    """One clean build of cdt-codes and the example: its units' wall times,
    and the CPU seconds (user + system) of the build script's compile, of
    the library's and of the whole build."""
    wrapper = TARGET / "rustc-cpu-wrapper.py"
    wrapper.write_text(WRAPPER)
    wrapper.chmod(0o755)
    log = TARGET / "rustc-cpu.log"
    log.write_text("")
    cargo("clean", "--release", "-p", "cdt-codes", env=env)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cargo("build", "--release", "--example", "lookup", "--timings",
          env={**env, "RUSTC_WORKSPACE_WRAPPER": str(wrapper), "CDT_CPU_LOG": str(log)})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    times = unit_times()
    times["cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    cpu = dict(line.rsplit(" ", 1) for line in log.read_text().splitlines())
    times["compile cpu"] = float(cpu["build_script_build"])
    times["library cpu"] = float(cpu["cdt_codes"])
    return times


def sizes():
    """The example's sizes and the table bytes of the build just made."""
    binary = TARGET / "release" / "examples" / "lookup"
    with tempfile.TemporaryDirectory() as scratch:
        stripped = pathlib.Path(scratch) / "lookup"
        shutil.copy(binary, stripped)
        subprocess.run(["strip", str(stripped)], check=True)
        stripped_size = stripped.stat().st_size
    source = tables_rs()
    records = int(re.search(r"static RECORDS: \[Record; ([0-9_]+)\]", source).group(1).replace("_", ""))
    tables = table_bytes(binary)
    tables["TEXT"] = text_pool_bytes(source)
    return {"size": binary.stat().st_size, "stripped": stripped_size, "records": records, "tables": tables}


def measure(runs):
    """Builds with the bundled data and with the 3-code file in turn (so a
    change of load falls on both alike); each unit's least time, the least
    being the run the machine disturbed least."""
    variants = {"bundled": BUNDLED, "small": SMALL_ENV}
    times = {name: [] for name in variants}
    found = {}
    for _ in range(runs):
        for name, env in variants.items():
            times[name].append(build(env))
            found[name] = sizes()
    for name in variants:
        found[name]["times"] = {key: min(run[key] for run in times[name]) for key in times[name][0]}
    return found["bundled"], found["small"]


def report(runs):
    cargo("build", "--release", "--example", "lookup")  # the dependencies, once
    load_before = os.getloadavg()
    bundled, small = measure(runs)
    load_after = os.getloadavg()
    # Leave the measuring target directory built from the bundled data.
    cargo("build", "--release", "--example", "lookup")
    when = datetime.datetime.now(datetime.timezone.utc)
    stamp = (
        f"Measured {when:%Y-%m-%d %H:%M} UTC on a machine with {os.cpu_count()} cores, load average "
        f"{load_before[0]:.2f} before and {load_after[0]:.2f} after (build times move with it; sizes do not), "
        f"rustc {subprocess.run(['rustc', '--version'], capture_output=True, text=True).stdout.split()[1]}, "
        f"by `{COMMAND}` (the least of {runs} builds each, the two data files in turn)."
    )
    b, s = bundled["times"], small["times"]
    added = b["compile cpu"] + b["run"] + (b["library cpu"] - s["library cpu"])
    build = [
        f"| unit | bundled data ({bundled['records']} codes): CPU | wall | a 3-code file (`CDT_CODES_DATA`, replace): CPU | wall |",
        "|---|---|---|---|---|",
        f"| build script, compile | {b['compile cpu']:.2f} s | {b['compile']:.2f} s | {s['compile cpu']:.2f} s | {s['compile']:.2f} s |",
        f"| build script, run | | {b['run']:.2f} s | | {s['run']:.2f} s |",
        f"| `cdt-codes` library | {b['library cpu']:.2f} s | {b['library']:.2f} s | {s['library cpu']:.2f} s | {s['library']:.2f} s |",
        f"| the whole build (every process cargo ran) | {b['cpu']:.2f} s | | {s['cpu']:.2f} s | |",
        "",
        f"The build script and the bundled tables add {b['compile cpu']:.2f} (compiling the build script, CPU) + "
        f"{b['run']:.2f} (running it, wall) + {b['library cpu'] - s['library cpu']:.2f} (the library's CPU time, "
        f"bundled minus 3-code) = **{added:.2f} s** to a clean release build. CPU time (user + system) moves far "
        f"less with the load than the wall clock, which is given for reference; rustc may use both cores, so a "
        f"unit's CPU time can exceed its wall time on a quiet machine.",
    ]
    size_added = bundled["size"] - small["size"]
    stripped_added = bundled["stripped"] - small["stripped"]
    size = [
        f"| release `lookup` example | bundled data ({bundled['records']} codes) | a 3-code file | the tables add |",
        "|---|---|---|---|",
        f"| as built | {bundled['size']:,} bytes | {small['size']:,} bytes | {size_added:,} bytes ({size_added / 1024:.0f} KiB) |",
        f"| stripped | {bundled['stripped']:,} bytes | {small['stripped']:,} bytes | {stripped_added:,} bytes ({stripped_added / 1024:.0f} KiB) |",
    ]
    names = sorted(bundled["tables"], key=lambda name: -bundled["tables"][name])
    memory = [
        f"| table | bundled data ({bundled['records']} codes) | a 3-code file |",
        "|---|---|---|",
    ]
    for name in names:
        memory.append(f"| `{name}` | {bundled['tables'][name]:,} bytes | {small['tables'].get(name, 0):,} bytes |")
    memory.append(
        f"| all | {sum(bundled['tables'].values()):,} bytes ({sum(bundled['tables'].values()) / 1024:.0f} KiB) "
        f"| {sum(small['tables'].values()):,} bytes |"
    )
    targets = [
        "| target | measured | met |",
        "|---|---|---|",
        f"| build.rs and generated code add at most 1.5 s to a clean release build | {added:.2f} s (CPU) | "
        f"{'yes' if added <= 1.5 else '**no**'} |",
        f"| generated tables add at most 300 KB to a binary using `lookup` | {size_added / 1000:.0f} KB as built, "
        f"{stripped_added / 1000:.0f} KB stripped | {'yes' if max(size_added, stripped_added) <= 300_000 else '**no**'} |",
    ]
    return {"build-stamp": [stamp], "build-time": build, "binary-size": size, "table-memory": memory, "build-targets": targets}


def main():
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    sections = report(runs)
    if "--write" in sys.argv:
        write_sections(REPO / "BENCHMARKS.md", sections)
    else:
        for lines in sections.values():
            print("\n".join(lines))
            print()


if __name__ == "__main__":
    main()
