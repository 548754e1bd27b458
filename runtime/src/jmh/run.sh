#!/usr/bin/env bash
# Compiles and runs the runtime's JMH benchmarks (never part of a plain build).
# Usage: runtime/src/jmh/run.sh [JMH options, e.g. ValueBenchmark -wi 1 -i 3]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
repo="${M2_REPO:-$HOME/.m2/repository}"
(cd "$here/.." && mvn -o -q -pl runtime -Pjmh test-compile)
cp="$here/target/jmh-classes:$here/target/test-classes:$here/target/classes"
for jar in org/openjdk/jmh/jmh-core/1.37/jmh-core-1.37.jar \
           net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar \
           org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar \
           com/google/code/gson/gson/2.11.0/gson-2.11.0.jar; do
  cp="$cp:$repo/$jar"
done
exec java -cp "$cp" org.openjdk.jmh.Main "$@"
