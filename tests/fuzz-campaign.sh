#!/usr/bin/env bash
# The differential fuzzer's campaign (issue 10): runs CompilerFuzzTest once per seed, niced, with
# two TLC children at a time, and prints the figures docs/reliability.md quotes, summed over every
# run recorded in tests/target/fuzz-campaign/runs.tsv (one line per run, written by the test).
#   tests/fuzz-campaign.sh FIRST_SEED BATCHES COUNT   run BATCHES seeds from FIRST_SEED, COUNT specs each
#   tests/fuzz-campaign.sh                            only print the summary
set -uo pipefail
cd "$(dirname "$0")/.."
runs=tests/target/fuzz-campaign/runs.tsv
if [ $# -ge 3 ]; then
  for ((seed = $1; seed < $1 + $2; seed++)); do
    nice -n 10 mvn -B -q -o -pl tests -am test -Dtest=CompilerFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
      -Dfinalspec.fuzz.seed="$seed" -Dfinalspec.fuzz.count="$3" -Dfinalspec.fuzz.workers=2 >/dev/null 2>&1 \
      || echo "seed $seed: differences, shrunk under tests/target/fuzz-failures/"
  done
fi
[ -f "$runs" ] || { echo "no runs recorded in $runs"; exit 1; }
awk -F'\t' '
  { runs++; specs += $3; agree += $4; rejected += $5; skipped += $6; invalid += $7; differ += $8;
    states += $10; if ($12 > largest) largest = $12; seconds += $13; seeds = seeds (seeds ? ", " : "") $1 }
  END {
    printf "| runs | seeds | specs | agree | rejected | skipped | invalid | differ | distinct states (agreeing specs) | largest spec | seconds |\n"
    printf "|---|---|---|---|---|---|---|---|---|---|---|\n"
    printf "| %d | %s | %d | %d | %d | %d | %d | %d | %d | %d | %d |\n", runs, seeds, specs, agree, rejected, skipped, invalid, differ, states, largest, seconds
  }' "$runs"
