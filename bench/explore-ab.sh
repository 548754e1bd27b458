#!/usr/bin/env bash
# Two builds of the explorer side by side: `finalspec explore` of OLD.jar and NEW.jar (toolkit
# jars, e.g. of the commit before a change of the code generator and of the change) on the same
# models, alternating which runs first in each round, so both see the same load. Prints one line
# per run: round, model, build, distinct and generated states, search seconds, load average.
#
#   bench/explore-ab.sh OLD.jar NEW.jar [ROUNDS]     (default 3 rounds)
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
old="${1:?usage: explore-ab.sh OLD.jar NEW.jar [ROUNDS]}"
new="${2:?usage: explore-ab.sh OLD.jar NEW.jar [ROUNDS]}"
rounds="${3:-3}"
corpus=tests/src/test/resources/corpus
models=(
  "KVStore|$corpus/KVStore/KVStore.tla|$corpus/KVStore/KVStore.cfg"
  "BuildOrder|$corpus/BuildOrder/BuildOrder.tla|$corpus/BuildOrder/BuildOrder.cfg"
  "Bakery|$corpus/Bakery/Bakery.tla|$corpus/Bakery/Bakery.cfg"
  "DiningPool_nosymmetry|$corpus/DiningPool/DiningPool.tla|$corpus/DiningPool/DiningPool_nosymmetry.cfg"
  "gh154175-fixed|specs/GilFinalize.tla|specs/models/gh154175-fixed.cfg"
  "pep788-prefin-loop|specs/PreFinalization.tla|specs/models/pep788-prefin-loop.cfg"
)
json="$(mktemp)"
trap 'rm -f "$json"' EXIT
run() { # JAR SPEC CFG: "distinct generated seconds" of one explore
  java -Xmx2g -XX:+UseParallelGC -jar "$1" explore "$here/$2" -c "$here/$3" --json "$json" >/dev/null 2>&1
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["distinct"], d["states"], d["seconds"])' "$json"
}
for round in $(seq 1 "$rounds"); do
  for m in "${models[@]}"; do
    IFS='|' read -r name spec cfg <<<"$m"
    if [ $((round % 2)) -eq 1 ]; then order="old new"; else order="new old"; fi
    for build in $order; do
      jar="$old"; [ "$build" = new ] && jar="$new"
      echo "$round $name $build $(run "$jar" "$spec" "$cfg") load=$(cut -d' ' -f1 /proc/loadavg)"
    done
  done
done
