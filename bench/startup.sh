#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Startup time and memory of Study Planner, held against the floor: a bare
# GTK 4 + libadwaita window (bench/bare-window.c). Under Xvfb, each program is
# run RUNS times, interleaved, after one warm-up run each; for each run:
#   startup: from just before exec to the first painted frame of the main window
#   memory:  VmRSS one second after that frame
# and the medians and their ratios are printed. Both draw with GSK_RENDERER=cairo
# (as the tests do: no GPU under Xvfb), the same screen and environment.
#   bench/startup.sh [BUILD_DIR]     (RUNS=10 by default)
# Also run by `meson test -C build --benchmark`.
set -euo pipefail

cd "$(dirname "$0")/.."
build_dir=$(realpath "${1:-${BUILD_DIR:-build}}")
runs=${RUNS:-10}

app="$build_dir/src/study-planner"
bare="$build_dir/bench/bare-window"
for program in "$app" "$bare"; do
  [ -x "$program" ] || { echo "missing $program: build first (meson compile -C $build_dir)" >&2; exit 1; }
done

# A display and a session bus of our own, unless we already run inside them
if [ -z "${SP_BENCH_INSIDE:-}" ]; then
  export SP_BENCH_INSIDE=1
  exec xvfb-run -a -s "-screen 0 1280x800x24 -noreset" dbus-run-session -- "$0" "$build_dir"
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# A first start as a new user would have it: fresh data, no saved settings
export XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" XDG_CACHE_HOME="$scratch/cache"
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build_dir/data"
export STUDY_PLANNER_LOCALEDIR="$build_dir/po"
export GSK_RENDERER=cairo
export STUDY_PLANNER_BENCH_FIRST_FRAME=1
unset ASAN_OPTIONS LSAN_OPTIONS

python3 - "$runs" "$app" "$bare" <<'EOF'
import statistics
import subprocess
import sys
import time

runs = int(sys.argv[1])
programs = {"study-planner": sys.argv[2], "bare-window": sys.argv[3]}


def measure(path):
    start = time.monotonic_ns() // 1000
    proc = subprocess.run([path], capture_output=True, text=True, timeout=60)
    frame = rss = anon = None
    marks = []
    for line in proc.stdout.splitlines():
        if line.startswith("bench: mark "):
            _, _, when, what = line.split(maxsplit=3)
            marks.append((what, (int(when) - start) / 1000.0))
        elif line.startswith("bench: first-frame "):
            frame = int(line.split()[2])
        elif line.startswith("bench: vmrss "):
            rss = int(line.split()[2])  # kB
        elif line.startswith("bench: rss-anon "):
            anon = int(line.split()[2])  # kB
    if proc.returncode != 0 or frame is None or rss is None:
        sys.exit(f"{path} did not report its first frame (status {proc.returncode}):\n"
                 f"{proc.stdout}{proc.stderr}")
    return (frame - start) / 1000.0, rss / 1024.0, (anon or 0) / 1024.0, marks


with open("/proc/loadavg") as f:
    load = f.read().split()[0]
print(f"load average before: {load} (other work on the machine makes both slower, the longer run more)")

results = {name: ([], [], []) for name in programs}
steps = {name: {} for name in programs}
for name, path in programs.items():
    measure(path)  # warm-up: page cache, font cache
for _ in range(runs):
    for name, path in programs.items():
        ms, mib, anon, marks = measure(path)
        for what, at in marks:
            steps[name].setdefault(what, []).append(at)
        results[name][0].append(ms)
        results[name][1].append(mib)
        results[name][2].append(anon)

med = {name: (statistics.median(t), statistics.median(m), statistics.median(a))
       for name, (t, m, a) in results.items()}
for name, (t, m, a) in results.items():
    print(f"{name:14} startup median {med[name][0]:7.1f} ms  (min {min(t):.1f}, max {max(t):.1f})   "
          f"VmRSS median {med[name][1]:6.1f} MiB  (min {min(m):.1f}, max {max(m):.1f}; "
          f"anonymous {med[name][2]:.1f})   runs {len(t)}")

# Where the time before the first frame goes: each step's end, from exec,
# median over the runs
for name in programs:
    marks = [(statistics.median(ats), what) for what, ats in steps[name].items()]
    marks.append((med[name][0], "FIRST-FRAME"))
    line = f"{name:14} steps (ms from exec, median):"
    for at, what in sorted(marks):
        line += f" {what} {at:.0f}"
    print(line)

app_t, app_m, app_a = med["study-planner"]
bare_t, bare_m, bare_a = med["bare-window"]
ratio = app_t / bare_t
extra = app_m - bare_m
print(f"startup ratio  {ratio:.2f}x the floor (target within 1.3x): {'ok' if ratio <= 1.3 else 'OVER'}")
# Each run of the app is next to a run of the floor: the ratio within each
# pair leaves out what the machine was doing at that moment, which moves
# both (GTK's own start varies by tens of ms from run to run)
pairs = sorted(a / b for a, b in zip(results["study-planner"][0], results["bare-window"][0]))
quartile = lambda q: pairs[min(len(pairs) - 1, int(q * len(pairs)))]
print(f"paired ratios  median {statistics.median(pairs):.2f}x (quartiles {quartile(0.25):.2f}x–{quartile(0.75):.2f}x)")
print(f"memory         +{extra:.1f} MiB over the floor (target within +20 MiB): {'ok' if extra <= 20 else 'OVER'}; "
      f"anonymous +{app_a - bare_a:.1f} MiB, the rest libraries and data files mapped")
EOF
