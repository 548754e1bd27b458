#!/usr/bin/env bash
# The code generator's benchmark: `finalspec bench` (ours against TLC's search time, side by side
# in one run) on the largest corpus specs (bench/codegen-bench.toml, Paxos with a
# message set among them) and on two finalization models of specs/models.toml.
#
#   bench/codegen-bench.sh [ROUNDS] [OUTPUT]     (defaults: 1, docs/codegen-bench.txt)
#
# FINALSPEC=/other/checkout/finalspec measures another build (the "before" of a change) on the
# same manifests (LABEL names it in the output). A row whose distinct counts differ is flagged by bench and kept in the output.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-1}"
out="${2:-$here/docs/codegen-bench.txt}"
launcher="${FINALSPEC:-$here/finalspec}"
table() {
  "$launcher" bench "$@" --rounds "$rounds" | sed -n '/^model /,$p'
}
{
  echo "# $(basename "$out"): finalspec bench --rounds $rounds, $(date -u +%FT%H:%MZ), $(nproc) cores,"
  echo "# measured build: ${LABEL:-$(git -C "$here" describe --always --dirty) (the launcher builds the working tree)}"
  table --manifest "$here/bench/codegen-bench.toml"
  table -m endinterp-two-workers -m gh154175-fixed
} > "$out.tmp"
mv "$out.tmp" "$out"
cat "$out"
