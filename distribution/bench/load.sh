#!/bin/sh
# Load benchmark of the built centre against a bare Jetty and naive SQLite in the same run (see Load.java and
# distribution/README.md). Run from anywhere after mvn -B package -DskipTests:
#   distribution/bench/load.sh [distribution/target/khidmat] [--quick] [--seconds N] [--apps 1000,1000000] ...
#   distribution/bench/load.sh [distribution/target/khidmat] --engines [--quick]   # SQLite and PostgreSQL, 1 and 3 nodes
# It compiles Load.java and load/*.java against the distribution's lib/ (Jetty, sqlite-jdbc) and runs them. With
# --engines it asks Maven for the embedded PostgreSQL's class path (engines-pom.xml; KHIDMAT_BENCH_PG_CLASSPATH, if
# set, is used instead).
set -e
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$(dirname "$BENCH")")
cd "$ROOT"
DIST=distribution/target/khidmat
case "${1:-}" in
  -*|"") ;;
  *) DIST=$1 ;;
esac
if [ ! -d "$DIST/lib" ]; then
  echo "no built distribution at $DIST; run mvn -B package -DskipTests first" >&2
  exit 2
fi
CLASSES=$(mktemp -d "${TMPDIR:-/tmp}/khidmat-load-classes-XXXXXX")
trap 'rm -rf "$CLASSES"' EXIT
EXTRA=""
case " $* " in
  *" --engines "*)
    EXTRA=${KHIDMAT_BENCH_PG_CLASSPATH:-}
    if [ -z "$EXTRA" ]; then
      # offline first (quick when ~/.m2 has it), then online
      mvn -B -q -o -f "$BENCH/engines-pom.xml" dependency:build-classpath -Dmdep.outputFile="$CLASSES/pg.classpath" >/dev/null 2>&1 \
        || mvn -B -q -f "$BENCH/engines-pom.xml" dependency:build-classpath -Dmdep.outputFile="$CLASSES/pg.classpath" >&2
      EXTRA=$(cat "$CLASSES/pg.classpath")
    fi
    ;;
esac
javac -nowarn -d "$CLASSES" -cp "$DIST/lib/*" "$BENCH/Load.java" "$BENCH"/load/*.java
# A Ctrl-C or SIGTERM is passed on to the benchmark as SIGTERM: it stops every centre and server it started.
java -Xmx1g -cp "$CLASSES:$DIST/lib/*${EXTRA:+:$EXTRA}" Load "$@" &
PID=$!
trap 'kill -TERM $PID 2>/dev/null' INT TERM
while :; do
  wait $PID && RC=0 || RC=$?
  kill -0 $PID 2>/dev/null || break
done
exit $RC
