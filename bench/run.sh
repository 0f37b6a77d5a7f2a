#!/bin/sh
# TESSA's benchmark in one command: builds the jar, then bench/Driver.java starts it on a fresh PostgreSQL
# database (bench_tessa), measures it over HTTP, stops it and writes bench/results/<timestamp>.json.
#   bench/run.sh --smoke          # tiny numbers: a minute or two after the build, most of it start-up
#   bench/run.sh                  # the full run; see bench/README.md for the flags
set -eu
cd "$(dirname "$0")/.."
if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -B -ntp -q -DskipTests package
fi
exec java bench/Driver.java "$@"
