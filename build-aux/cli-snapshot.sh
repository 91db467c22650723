#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes what the command-line modes print for the bundled path into a folder,
# timestamps taken out, so two builds can be compared byte for byte:
#   build-aux/cli-snapshot.sh build-old /tmp/old
#   build-aux/cli-snapshot.sh build /tmp/new && diff -r /tmp/old /tmp/new
set -euo pipefail

build_dir=${1:?usage: $0 BUILD_DIR OUT_DIR}
out=${2:?usage: $0 BUILD_DIR OUT_DIR}
src=$(cd "$(dirname "$0")/.." && pwd)
bin="$(cd "$build_dir" && pwd)/src/study-planner"
plan="$src/data/plans/ml-career.json"
mkdir -p "$out"
out=$(cd "$out" && pwd)

# A private home: no saved hours, progress or cached listings leak in
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" XDG_CONFIG_HOME="$home/config"
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build_dir/data" TZ=Europe/Bucharest LC_ALL=C.UTF-8

sched=(--hours Mon=1.5,Tue=1,Wed=1.5,Thu=1,Fri=1,Sat=3,Sun=2 --start 2026-01-05)

run () {
  local name=$1; shift
  local rc=0
  "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err" || rc=$?
  echo "$rc" >"$out/$name.rc"
}

run check-plan --check-plan "$plan"
# A relative name: the message names the file as given, whatever the checkout
(cd "$src" && run check-bad --check-plan tests/data/plans/cycle.json)
run export-json --export-json - "${sched[@]}"
run export-json-track --export-json - "${sched[@]}" --track nlp --block-minutes 45 --break-minutes 15
run export-ics --export-ics - "${sched[@]}"
for range in week month plan; do
  run "export-pdf-$range" --export-pdf "$out/pdf-$range.pdf" --range "$range" --from 2026-03-02 --paper a4 "${sched[@]}"
  pdftotext -layout "$out/pdf-$range.pdf" "$out/pdf-$range.txt"
  pdfinfo "$out/pdf-$range.pdf" | grep -Ev '^(CreationDate|ModDate|File size)' >"$out/pdf-$range.info"
  rm -f "$out/pdf-$range.pdf"
done
run bad-hours --export-json - --hours Mon=x
# The listings from a loopback server
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server --bind 127.0.0.1 --directory "$src/tests/data/catalog" "$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$home"' EXIT
for _ in $(seq 50); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $port))" 2>/dev/null && break
  sleep 0.1
done
base="http://127.0.0.1:$port"
run list-courses --list-courses --catalog-url "$base/own-1.json" --catalog-format own
run list-courses-json --list-courses --catalog-url "$base/coursera-1.json" --catalog-format coursera --json
run list-courses-topic --list-courses --catalog-url "$base/edx-1.json" --catalog-format edx --topic python
run list-courses-bad --list-courses --catalog-url "$base/malformed.json" --catalog-format own

# DTSTAMP, LAST-MODIFIED and SEQUENCE come from the time of the export
sed -i -E '/^(DTSTAMP|LAST-MODIFIED|SEQUENCE):/d' "$out/export-ics.out"
# The loopback server's port changes from run to run
sed -i "s/127\.0\.0\.1:$port/127.0.0.1:PORT/g" "$out"/list-courses*
