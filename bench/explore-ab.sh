#!/usr/bin/env bash
# Two builds of the explorer side by side: `finalspec explore` of OLD.jar and NEW.jar (toolkit
# jars, e.g. of the commit before a change of the code generator and of the change) on the same
# models, alternating which runs first in each round, so both see the same load. Prints one line
# per run: round, model, build, distinct and generated states, depth, search seconds, load
# average; then, per model, the median search seconds of each build and their ratio (old / new),
# and "COUNTS DIFFER" when the two builds did not find the same distinct, generated and depth.
# The median peak resident memory of each side is printed beside its seconds. OLD and NEW may be
# the same jar run with different JVM options (--old-opts, --new-opts: e.g. --new-opts -Xmn64m).
#
#   bench/explore-ab.sh OLD.jar NEW.jar [ROUNDS] [--manifest FILE] [--model NAME ...] [--workers N]
#                       [--old-opts "JVM OPTIONS"] [--new-opts "JVM OPTIONS"]
#
# Default: 3 rounds, 1 worker, four corpus specs and two finalization models; with --manifest the
# models of that manifest (bench/large-models.toml, say; paths relative to it), all or those named.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
usage="usage: explore-ab.sh OLD.jar NEW.jar [ROUNDS] [--manifest FILE] [--model NAME ...] [--workers N] [--old-opts OPTS] [--new-opts OPTS]"
old="${1:?$usage}"
new="${2:?$usage}"
shift 2
rounds=3
if [ $# -gt 0 ] && [[ "$1" != --* ]]; then
  rounds="$1"
  shift
fi
manifest=""
workers=1
old_opts=""
new_opts=""
names=()
while [ $# -gt 0 ]; do
  case "$1" in
    --manifest) manifest="${2:?$usage}"; shift 2 ;;
    --model) names+=("${2:?$usage}"); shift 2 ;;
    --workers) workers="${2:?$usage}"; shift 2 ;;
    --old-opts) old_opts="${2?$usage}"; shift 2 ;;
    --new-opts) new_opts="${2?$usage}"; shift 2 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
corpus=tests/src/test/resources/corpus
models=(
  "KVStore|$here/$corpus/KVStore/KVStore.tla|$here/$corpus/KVStore/KVStore.cfg"
  "BuildOrder|$here/$corpus/BuildOrder/BuildOrder.tla|$here/$corpus/BuildOrder/BuildOrder.cfg"
  "Bakery|$here/$corpus/Bakery/Bakery.tla|$here/$corpus/Bakery/Bakery.cfg"
  "DiningPool_nosymmetry|$here/$corpus/DiningPool/DiningPool.tla|$here/$corpus/DiningPool/DiningPool_nosymmetry.cfg"
  "gh154175-fixed|$here/specs/GilFinalize.tla|$here/specs/models/gh154175-fixed.cfg"
  "pep788-prefin-loop|$here/specs/PreFinalization.tla|$here/specs/models/pep788-prefin-loop.cfg"
)
if [ -n "$manifest" ]; then
  # name|spec|config of each [[model]], paths made absolute from the manifest's folder
  mapfile -t models < <(python3 - "$manifest" <<'EOF'
import os, sys, tomllib
path = sys.argv[1]
base = os.path.dirname(os.path.abspath(path))
with open(path, "rb") as f:
    for m in tomllib.load(f)["model"]:
        print("|".join([m["name"], os.path.normpath(os.path.join(base, m["spec"])),
                        os.path.normpath(os.path.join(base, m["config"]))]))
EOF
  )
fi
if [ ${#names[@]} -gt 0 ]; then
  chosen=()
  for n in "${names[@]}"; do
    found=""
    for m in "${models[@]}"; do
      [ "${m%%|*}" = "$n" ] && chosen+=("$m") && found=1
    done
    [ -n "$found" ] || { echo "no model $n" >&2; exit 2; }
  done
  models=("${chosen[@]}")
fi
json="$(mktemp)"
log="$(mktemp)"
trap 'rm -f "$json" "$log"' EXIT
run() { # JAR SPEC CFG OPTS: "distinct generated depth seconds rss-MB" of one explore
  rm -f "$json"
  # shellcheck disable=SC2086 # OPTS is a list of JVM options, split on purpose
  java -Xmx4g -XX:+UseParallelGC $4 -jar "$1" explore "$2" -c "$3" --workers "$workers" --json "$json" >/dev/null 2>&1
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["distinct"], d["states"], d["depth"], d["seconds"], round((d.get("peak_rss_bytes") or 0) / 2**20))' "$json" 2>/dev/null \
    || echo "failed - - - -"
}
for round in $(seq 1 "$rounds"); do
  for m in "${models[@]}"; do
    IFS='|' read -r name spec cfg <<<"$m"
    if [ $((round % 2)) -eq 1 ]; then order="old new"; else order="new old"; fi
    for build in $order; do
      jar="$old"; opts="$old_opts"
      [ "$build" = new ] && jar="$new" && opts="$new_opts"
      echo "$round $name $build $(run "$jar" "$spec" "$cfg" "$opts") load=$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$log"
    done
  done
done
echo "workers=$workers rounds=$rounds old-opts='$old_opts' new-opts='$new_opts': model, median search s old -> new (old/new), median peak resident MB"
python3 - "$log" <<'EOF'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    r, name, build, distinct, gen, depth, secs, rss, _ = line.split()
    runs.setdefault(name, {}).setdefault(build, []).append(((distinct, gen, depth), secs, rss))
for name, b in runs.items():
    counts = {c for build in b.values() for c, _, _ in build}
    if len(counts) != 1 or "failed" in next(iter(counts)):
        print(f"{name}: COUNTS DIFFER or a run failed: {sorted(counts)}")
        continue
    o = statistics.median(float(s) for _, s, _ in b["old"])
    n = statistics.median(float(s) for _, s, _ in b["new"])
    om = statistics.median(int(m) for _, _, m in b["old"])
    nm = statistics.median(int(m) for _, _, m in b["new"])
    print(f"{name}: {o:.2f} -> {n:.2f} s ({o / n:.2f}x), {om:.0f} -> {nm:.0f} MB, distinct/generated/depth {'/'.join(next(iter(counts)))}")
EOF
