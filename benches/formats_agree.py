#!/usr/bin/env python3
"""One verdict, the same everywhere, on real files: runs the `check_claims`
example with `--format text`, `csv` and `json` on every file of
tests/fixtures/real/ and compares them line by line (CSV rows and JSON
lines field by field; text's error and warning lines, envelope warnings
and summary counts against the JSON). Given a second binary (an older
build), also checks that its JSON is the same, so a change that should not
move a verdict can be shown not to. Exits 1 on any difference.

    cargo build --example check_claims --features serde
    python3 benches/formats_agree.py target/debug/examples/check_claims [OLD_BINARY]
"""
import csv, io, json, subprocess, sys, os, re
binary = sys.argv[1]
base = sys.argv[2] if len(sys.argv) > 2 else None
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'fixtures', 'real')
files = sorted(f for f in os.listdir(root) if f not in ('README.md', '.gitattributes'))
def run(b, fmt, path):
    p = subprocess.run([b, '--format', fmt, path], capture_output=True)
    return p.returncode, p.stdout.decode('utf-8'), p.stderr.decode('utf-8')
total = bad = 0
for name in files:
    path = os.path.join(root, name)
    rt, text, et = run(binary, 'text', path)
    rc, csvt, ec = run(binary, 'csv', path)
    rj, jsont, ej = run(binary, 'json', path)
    if not (rt == rc == rj):
        print(f'{name}: exit codes differ {rt} {rc} {rj}'); bad += 1; continue
    if rt == 2:
        print(f'{name}: refused by all three (exit 2): {et.strip().splitlines()[-1][:100]}')
        continue
    rows = list(csv.DictReader(io.StringIO(csvt)))
    objs = [json.loads(l) for l in jsont.splitlines() if l.strip().startswith('{') and '"position"' in l]
    problems = []
    if len(rows) != len(objs):
        problems.append(f'csv {len(rows)} rows, json {len(objs)} lines')
    for r, o in zip(rows, objs):
        for key in ['position', 'claim', 'line', 'code', 'date', 'date_source', 'verdict', 'severity', 'message']:
            jv = o.get(key)
            jv = '' if jv is None else str(jv)
            if r[key] != jv:
                problems.append(f'line {r["line"]}: {key} csv={r[key]!r} json={jv!r}')
        # An unreadable item (a segment or row that could not be read) has
        # no replacements in JSON: its object holds only what it can say.
        replaced_by = o.get('replaced_by', [])
        if r['replaced_by'] != ';'.join(replaced_by) and r['replaced_by'] != ' '.join(replaced_by):
            problems.append(f'line {r["line"]}: replaced_by csv={r["replaced_by"]!r} json={replaced_by!r}')
    # text: one line per report with a severity, same order
    lines = [l for l in text.splitlines() if l.startswith(('error: ', 'warning: ')) and not l.startswith('warning: envelope: ')]
    text_env = [l[len('warning: envelope: '):] for l in text.splitlines() if l.startswith('warning: envelope: ')]
    json_env = [json.loads(l)['envelope'] for l in jsont.splitlines() if l.startswith('{"envelope"')]
    if [f'segment {e["segment"]}: {e["message"]}' for e in json_env] != text_env:
        problems.append(f'envelope warnings: text {text_env} json {json_env}')
    # Text shows a line break inside a value as `\n` (one line a report).
    esc = lambda value: value.replace('\r', '\\r').replace('\n', '\\n')
    expected = []
    for o in objs:
        if o['verdict'] == 'unreadable':
            # Text shows an unreadable item as its error alone.
            expected.append(esc(f'error: {o["message"]}'))
        elif o['severity']:
            label = (o['claim'] + ' ' if o['claim'] else '') + f'line {o["line"]}'
            # Text leaves out an empty date's brackets (no date).
            dated = f' ({o["date"]})' if o['date'] else ''
            expected.append(esc(f'{o["severity"]}: {label}{dated}: '))
    if len(lines) != len(expected):
        problems.append(f'text has {len(lines)} error/warning lines, json {len(expected)} reports with a severity')
    for got, want in zip(lines, expected):
        if not got.startswith(want):
            problems.append(f'text {got[:80]!r} != json {want!r}')
    # text's summary against the counts
    m = re.search(r'lines read: (\d+) \(errors: (\d+), warnings: (\d+)\)', text)
    errs = sum(1 for o in objs if o['severity'] == 'error'); warns = sum(1 for o in objs if o['severity'] == 'warning')
    if not m:
        problems.append('no summary in text')
    elif (int(m.group(2)), int(m.group(3))) != (errs, warns):
        problems.append(f'summary errors/warnings {m.group(2)}/{m.group(3)} vs reports {errs}/{warns}')
    verdicts = {}
    for o in objs: verdicts[o['verdict']] = verdicts.get(o['verdict'], 0) + 1
    same_as_base = ''
    if base:
        _, bjson, _ = run(base, 'json', path)
        same_as_base = ', json identical to the older build' if bjson == jsont else ', JSON DIFFERS FROM THE OLDER BUILD'
        if bjson != jsont: problems.append('json differs from the older build')
    total += 1
    status = 'agree' if not problems else 'DISAGREE'
    env = f', {len(json_env)} envelope warnings in text and json (CSV has no place for them)' if json_env else ''
    print(f'{name}: {len(objs)} lines, {status} (text/csv/json){same_as_base}; verdicts {dict(sorted(verdicts.items()))}{env}')
    for p in problems[:10]: print('   ', p)
    bad += bool(problems)
print(f'{total} files compared, {bad} with differences')
sys.exit(1 if bad else 0)
