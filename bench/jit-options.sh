#!/usr/bin/env bash
# One spec and model explored by the launcher (./finalspec explore) under several sets of JVM
# options, passed as FINALSPEC_JAVA_OPTS, the sets taking turns in every round so that they see the
# same load. Prints, per set, the median search and load seconds (from --json) and the median wall
# time of the whole process, with the distinct states (the same for every set, or the script says
# so). The machine cache stays on, so after the first round every set loads the compiled machine
# (pass --no-cache after the config to measure cold starts).
#
#   bench/jit-options.sh ROUNDS SPEC.tla CONFIG.cfg [--no-cache] [-- "OPTIONS" "OPTIONS" ...]
#
# Without "--", the sets compared are the JVM's default and C1 alone (-XX:TieredStopAtLevel=1):
# docs/performance.md, "Short searches and the JIT".
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
usage="usage: jit-options.sh ROUNDS SPEC.tla CONFIG.cfg [--no-cache] [-- \"OPTIONS\" ...]"
rounds="${1:?$usage}"
spec="${2:?$usage}"
config="${3:?$usage}"
shift 3
extra=()
if [ "${1:-}" = --no-cache ]; then
  extra=(--no-cache)
  shift
fi
sets=("" "-XX:TieredStopAtLevel=1")
if [ "${1:-}" = -- ]; then
  shift
  sets=("$@")
fi
[ ${#sets[@]} -gt 0 ] || { echo "$usage" >&2; exit 2; }
json="$(mktemp)"
timing="$(mktemp)"
trap 'rm -f "$json" "$timing"' EXIT
for ((r = 1; r <= rounds; r++)); do
  for opts in "${sets[@]}"; do
    if ! FINALSPEC_JAVA_OPTS="$opts" /usr/bin/env time -f "%e" -o "$timing" \
        "$here/finalspec" explore "$spec" --config "$config" --json "$json" ${extra[@]+"${extra[@]}"} >/dev/null 2>&1; then
      echo "explore failed with options '$opts'" >&2
      exit 1
    fi
    python3 - "$json" "$timing" "${opts:-default}" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print("%s\t%s\t%s\t%s\t%s" % (sys.argv[3], d["seconds"], d["load_seconds"], open(sys.argv[2]).read().strip(), d["distinct"]))
PY
  done
done | python3 -c '
import collections, statistics, sys
runs = collections.OrderedDict()
for line in sys.stdin:
    name, search, load, wall, distinct = line.rstrip("\n").split("\t")
    runs.setdefault(name, []).append((float(search), float(load), float(wall), int(distinct)))
counts = {r[3] for v in runs.values() for r in v}
print("options: median search s, load s, wall s of %d rounds; distinct states" % len(next(iter(runs.values()))))
for name, v in runs.items():
    print("%-40s search %.3f  load %.3f  wall %.2f  distinct %d" % (name, *(statistics.median(r[i] for r in v) for i in range(3)), v[0][3]))
if len(counts) > 1:
    print("DISTINCT STATES DIFFER: %s" % sorted(counts))
'
