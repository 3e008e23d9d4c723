#!/usr/bin/env bash
# Throughput benchmark: listing-lint against ripgrep on the same synthetic catalogue.
#
#   Benchmarks/run.sh                          # 100,000 listings (~130 MB)
#   COUNT=20000 Benchmarks/run.sh              # smaller corpus
#   EXTRA_ARGS="--config x.yml" Benchmarks/run.sh   # extra listing-lint arguments (word-split, appended)
#   SCRATCH=.build-bench Benchmarks/run.sh     # SwiftPM scratch path (default .build)
#   BUILD=0 Benchmarks/run.sh                  # reuse the binary already in $SCRATCH/release
#
# What it measures: wall time (best of 3) of
#   ripgrep      rg -j1 -o -i -F -f Benchmarks/terms.txt catalogue.jsonl  (one thread; terms.txt = the lexicons'
#                absolute terms, chat tools and brand names, see make_terms.py): the raw multi-literal search
#                floor, with none of listing-lint's parsing, normalization, allow lists or reporting;
#   lint -j1     listing-lint check --jobs 1 --format json catalogue.jsonl
#   lint -jN     the same with --jobs $(nproc).
# Output goes to /dev/null. listing-lint exits 1 when it finds something (expected: ~30% of the listings
# carry a violation); exit 2 or any reported input error fails the benchmark.
#
# How to read it: "ratio" is listing-lint throughput / ripgrep throughput on the same bytes, measured in
# the same run. Machines are noisy and small (2 cores in CI): compare ratios across commits, not seconds.
# The corpus is deterministic (fixed seed), so the same COUNT means the same bytes everywhere.
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=${COUNT:-100000}
SCRATCH=${SCRATCH:-.build}
read -r -a EXTRA <<< "${EXTRA_ARGS:-}"
CORPUS=Benchmarks/corpus/catalogue.jsonl
BIN=$SCRATCH/release/listing-lint
JOBS=$(nproc)

command -v rg > /dev/null || { echo "ripgrep (rg) is required" >&2; exit 2; }

mkdir -p Benchmarks/corpus
if [[ ${BUILD:-1} != 0 ]]; then
    echo "== building release binary ($BIN)"
    if ! swift build -c release --product listing-lint --scratch-path "$SCRATCH" > Benchmarks/corpus/build.log 2>&1; then
        cat Benchmarks/corpus/build.log >&2; exit 2
    fi
    tail -n 1 Benchmarks/corpus/build.log
fi

if [[ ! -f $CORPUS ]] || [[ $(wc -l < "$CORPUS") -ne $COUNT ]]; then
    echo "== generating $CORPUS ($COUNT listings)"
    python3 Benchmarks/generate_corpus.py --count "$COUNT" --out "$CORPUS.tmp"
    mv "$CORPUS.tmp" "$CORPUS"
fi
python3 Benchmarks/make_terms.py

# Sanity run: exit status 0/1 only, no input errors, every listing read.
echo "== checking listing-lint output"
REPORT=Benchmarks/corpus/report.json
status=0
"$BIN" check --jobs "$JOBS" --format json "$CORPUS" "${EXTRA[@]}" > "$REPORT" || status=$?
python3 - "$REPORT" "$status" "$COUNT" <<'PY'
import json, sys
path, status, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
if status not in (0, 1):
    sys.exit(f"listing-lint exited with status {status}: see {path}")
summary = json.load(open(path, encoding="utf-8"))["summary"]
print(f"exit {status}; {summary['listings']} listings, {summary['findings']} findings, {summary['errors']} errors")
if summary["errors"] or summary["listings"] != count:
    sys.exit(f"listing-lint reported input errors or missed listings: see {path}")
PY

# best_of3 CMD...: minimum wall time in seconds of three runs, stdout to /dev/null; exit 0 or 1 is fine.
best_of3() {
    python3 - "$@" <<'PY'
import subprocess, sys, time
times = []
for _ in range(3):
    start = time.perf_counter()
    status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
    times.append(time.perf_counter() - start)
    if status not in (0, 1):
        sys.exit(f"{sys.argv[1]} exited with status {status}")
print(f"{min(times):.3f}")
PY
}

echo "== timing (best of 3)"
t_rg=$(best_of3 rg -j1 -o -i -F -f Benchmarks/terms.txt "$CORPUS")
t_j1=$(best_of3 "$BIN" check --jobs 1 --format json "$CORPUS" "${EXTRA[@]}")
t_jn=$(best_of3 "$BIN" check --jobs "$JOBS" --format json "$CORPUS" "${EXTRA[@]}")

# The review-gate path: a configuration file, suppressions in 10% of the listings and a baseline of
# 10,000 recorded findings, against the plain run above (issue: at most 10% slower).
GATED=Benchmarks/corpus/catalogue-suppressed.jsonl
BASELINE=Benchmarks/corpus/baseline-10k.json
python3 - "$CORPUS" "$GATED" <<'PY'
import json, sys
source, target = sys.argv[1], sys.argv[2]
with open(source, encoding="utf-8") as src, open(target, "w", encoding="utf-8") as out:
    for number, line in enumerate(src):
        record = json.loads(line)
        if number % 10 == 0:
            record["lint_suppressions"] = [{"rules": ["absolute-terms"], "reason": "quoted customer review, approved"}]
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
PY
"$BIN" check --jobs "$JOBS" --format json --write-baseline "$BASELINE.all" "$CORPUS" > /dev/null || true
python3 - "$BASELINE.all" "$BASELINE" <<'PY'
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
data["findings"] = data["findings"][:10000]
json.dump(data, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
print(f"baseline: {len(data['findings'])} recorded findings")
PY
t_gate=$(best_of3 "$BIN" check --jobs 1 --format json --config Benchmarks/gate.listing-lint.yml --baseline "$BASELINE" "$GATED" "${EXTRA[@]}")

python3 - "$CORPUS" "$COUNT" "$JOBS" "$t_rg" "$t_j1" "$t_jn" "$t_gate" "$GATED" <<'PY'
import os, sys
corpus, count, jobs = sys.argv[1], int(sys.argv[2]), sys.argv[3]
gate_seconds, gated_mb = float(sys.argv[7]), os.path.getsize(sys.argv[8]) / 1e6
mb = os.path.getsize(corpus) / 1e6
rows = [("ripgrep -j1", float(sys.argv[4])), ("listing-lint --jobs 1", float(sys.argv[5])),
        (f"listing-lint --jobs {jobs}", float(sys.argv[6]))]
rg = rows[0][1]
print(f"\ncorpus: {count} listings, {mb:.1f} MB ({mb * 1e6 / count:.0f} bytes/listing)\n")
print(f"{'tool':<24} {'seconds':>8} {'listings/s':>11} {'MB/s':>8} {'ratio':>7}")
for name, sec in rows:
    print(f"{name:<24} {sec:>8.3f} {count / sec:>11,.0f} {mb / sec:>8.1f} {rg / sec:>7.3f}")
print(f"{'gate --jobs 1':<24} {gate_seconds:>8.3f} {count / gate_seconds:>11,.0f} {gated_mb / gate_seconds:>8.1f} {rg / gate_seconds * mb / gated_mb:>7.3f}")
print("\nratio = listing-lint throughput / ripgrep throughput (same corpus, same run; higher is better)")
plain = mb / rows[1][1]
gated = gated_mb / gate_seconds
print(f"gate = --config Benchmarks/gate.listing-lint.yml, suppressions in 10% of listings, --baseline of 10,000 findings:"
      f" {gated:.1f} MB/s vs {plain:.1f} MB/s plain, {100 * (plain - gated) / plain:+.1f}% slower")
PY
