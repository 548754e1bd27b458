#!/usr/bin/env bash
# The differential fuzzer's campaign (issue 10): runs CompilerFuzzTest once per seed at nice 19 with
# one TLC child at a time (the machine is shared; FUZZ_WORKERS=N for more; FUZZ_PROFILE=temporal or conditional for
# specs with fairness and a temporal PROPERTY, bags for Bags expressions, instance for the specs
# checked through an instance, implications for property clauses under implications), appends each run to the
# committed ledger tests/fuzz-campaign/ledger.tsv (written by the test with
# -Dfinalspec.fuzz.ledger=true), and prints the campaign row that
# docs/reliability.md quotes: the ledger's sum (FuzzCampaignLedgerTest checks the doc against it).
#   tests/fuzz-campaign.sh FIRST_SEED BATCHES COUNT   run BATCHES seeds from FIRST_SEED, COUNT specs each
#   tests/fuzz-campaign.sh                            only print the summary
set -uo pipefail
cd "$(dirname "$0")/.."
runs=tests/fuzz-campaign/ledger.tsv
if [ $# -ge 3 ]; then
  logs=tests/target/fuzz-campaign && mkdir -p "$logs"
  for ((seed = $1; seed < $1 + $2; seed++)); do
    nice -n 19 mvn -B -q -o -pl tests -am test -Dtest='CompilerFuzzTest#generatedSpecsAgreeWithTlc' \
      -Dsurefire.failIfNoSpecifiedTests=false -Dfinalspec.fuzz.profile="${FUZZ_PROFILE:-full}" \
      -Dfinalspec.fuzz.seed="$seed" -Dfinalspec.fuzz.count="$3" -Dfinalspec.fuzz.workers="${FUZZ_WORKERS:-1}" -Dfinalspec.fuzz.ledger=true >"$logs/seed$seed.log" 2>&1 \
      || echo "seed $seed: failed (log $logs/seed$seed.log; differences shrunk under tests/target/fuzz-failures/)"
  done
fi
[ -f "$runs" ] || { echo "no runs recorded in $runs"; exit 1; }
grep -v '^#' "$runs" | awk -F'\t' '
  NF >= 13 { runs += split($1, seeds, ","); specs += $3; agree += $4; rejected += $5; skipped += $6; invalid += $7;
    differ += $8; states += $10; if ($12 > largest) largest = $12; seconds += $13 }
  END {
    printf "| runs | specs | agree | rejected | skipped | invalid | differ | distinct states (agreeing specs) | largest spec | seconds |\n"
    printf "|---|---|---|---|---|---|---|---|---|---|\n"
    printf "| %d | %d | %d | %d | %d | %d | %d | %d | %d | %d |\n", runs, specs, agree, rejected, skipped, invalid, differ, states, largest, seconds
  }'
