#!/bin/sh
# Load benchmark of the built centre against a bare Jetty and naive SQLite in the same run (see Load.java and
# distribution/README.md). Run from anywhere after mvn -B package -DskipTests:
#   distribution/bench/load.sh [distribution/target/khidmat] [--quick] [--seconds N] [--apps 1000,1000000] ...
# It compiles Load.java and load/*.java against the distribution's lib/ (Jetty, sqlite-jdbc) and runs them.
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
javac -nowarn -d "$CLASSES" -cp "$DIST/lib/*" "$BENCH/Load.java" "$BENCH"/load/*.java
java -Xmx1g -cp "$CLASSES:$DIST/lib/*" Load "$@"
