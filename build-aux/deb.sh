#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The Debian package, built and tried as a user would get it on Debian 12.
#   build-aux/deb.sh          build the .deb from HEAD in a clean copy, run lintian
#                             (failing on any error or warning), install it on this
#                             machine with apt-get, smoke-test the installed app
#                             (command line, a window under Xvfb, desktop file,
#                             icons, metainfo, schema, Romanian), then purge it
#   build-aux/deb.sh build    only build and lint; install the result with
#                             sudo apt-get install ./build-deb/study-planner_*.deb
# OUT_DIR (default: build-deb) gets the packages, the logs, a screenshot and
# deblog.json (one line per check, in the shape of meson's testlog.json, for
# .ci/count-results.py). DEB_BUILD_OPTIONS=nocheck skips the build-time tests.
# Needs root or sudo for apt-get; a package installed before is left installed.
set -uo pipefail

cd "$(dirname "$0")/.."
app_id=io.github.studyplanner.StudyPlanner
package=study-planner

# The window check runs here again inside xvfb-run and dbus-run-session
if [ "${1:-}" = __window ]; then
  shot=$2
  # a window named "Study Planner" of a real size (GTK first maps 1x1 ones)
  shown() {
    xwininfo -root -tree 2>/dev/null |
      awk '/"Study Planner": / { split ($(NF-1), g, "[x+]"); if (g[1] >= 300 && g[2] >= 200) found = 1 }
           END { exit !found }'
  }
  study-planner &
  pid=$!
  status=1
  for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || { echo "the app exited"; break; }
    if shown; then
      # the first frames: the screen is more than one colour
      import -window root "$shot"
      colours=$(convert "$shot" -format '%k' info:)
      if [ "$colours" -gt 32 ]; then status=0; break; fi
    fi
    sleep 0.5
  done
  xwininfo -root -tree | grep '"Study Planner"'
  if [ $status = 0 ]; then
    # it stays up, and the screenshot kept shows it settled
    sleep 3
    kill -0 "$pid" 2>/dev/null || { echo "the app exited after showing its window"; status=1; }
    import -window root "$shot"
    echo "screenshot $shot: $(convert "$shot" -format '%k' info:) colours"
  else
    echo "no window named \"Study Planner\" showing something within 60 s"
  fi
  kill "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  exit $status
fi

mode=${1:-all}
case "$mode" in
  all|build) ;;
  *) echo "usage: $0 [build]" >&2; exit 2 ;;
esac

mkdir -p "${OUT_DIR:-build-deb}"
out=$(cd "${OUT_DIR:-build-deb}" && pwd)
log_json="$out/deblog.json"
: > "$log_json"
rm -f "$out"/*.deb "$out"/*.changes "$out"/*.buildinfo "$out"/*.dsc "$out"/*.tar.xz "$out"/*.log "$out"/*.png

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive

passed=()
failed=()
# check NAME COMMAND...: runs it, its output into $out/NAME.log, and records the result
check() {
  local name=$1 start end result
  shift
  start=$(date +%s.%N)
  if "$@" > "$out/$name.log" 2>&1; then result=OK; passed+=("$name"); else result=FAIL; failed+=("$name"); fi
  end=$(date +%s.%N)
  python3 -c 'import json, sys; print(json.dumps({"name": "deb/" + sys.argv[1], "result": sys.argv[2],
    "duration": round(float(sys.argv[4]) - float(sys.argv[3]), 2)}))' "$name" "$result" "$start" "$end" >> "$log_json"
  printf '%-4s %-22s %5.1fs\n' "$([ $result = OK ] && echo pass || echo FAIL)" "$name" "$(awk "BEGIN { print $end - $start }")"
  if [ $result = FAIL ]; then sed 's/^/     | /' "$out/$name.log" | tail -n 40; fi
  [ $result = OK ]
}

summary() {
  echo
  if [ ${#failed[@]} -eq 0 ]; then
    echo "deb.sh: all ${#passed[@]} checks passed ($(( $(date +%s) - t0 )) s; logs in $out)"
    exit 0
  fi
  echo "deb.sh: FAILED ${#failed[@]} of $(( ${#passed[@]} + ${#failed[@]} )) checks: ${failed[*]} (logs in $out)"
  exit 1
}

need() {
  build-aux/install-missing.sh "$@"
}

t0=$(date +%s)
check tools need dpkg-dev debhelper fakeroot lintian git \
  xvfb xauth x11-utils imagemagick dbus desktop-file-utils appstream libglib2.0-bin || summary

# A clean copy of HEAD: nothing untracked (build dirs, caches) gets into the package
[ -z "$(git status --porcelain --untracked-files=no)" ] ||
  echo "deb.sh: uncommitted changes are not in the package (it is built from HEAD)"
work=$(mktemp -d "${TMPDIR:-/tmp}/study-planner-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
src="$work/$package"
mkdir "$src"
git archive HEAD | tar -x -C "$src"

case " ${DEB_BUILD_OPTIONS:-} " in
  *" nocheck "*) export DEB_BUILD_PROFILES="${DEB_BUILD_PROFILES:+$DEB_BUILD_PROFILES }nocheck" ;;
esac
case " ${DEB_BUILD_OPTIONS:-} " in
  *" parallel="*) ;;
  *) export DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS:+$DEB_BUILD_OPTIONS }parallel=$(nproc)" ;;
esac

build_deps() {
  (cd "$src" && dpkg-checkbuilddeps) 2>/dev/null && return 0
  $sudo apt-get update -q && $sudo apt-get build-dep -y -q --no-install-recommends "$src"
}
check build-deps build_deps || summary

# Source and binary packages, so lintian sees both; the tests of debian/rules run here
build() {
  (cd "$src" && dpkg-buildpackage -us -uc) && cp "$work"/*.deb "$work"/*.changes "$work"/*.buildinfo \
    "$work"/*.dsc "$work"/*.tar.xz "$out"/
}
check build build || summary
version=$(dpkg-deb -f "$out/${package}_"*_amd64.deb Version)
deb="$out/${package}_${version}_amd64.deb"
echo "     built $(cd "$out" && ls ./*.deb | tr '\n' ' ')"

lint() {
  lintian --version
  lintian --display-info --pedantic --info --show-overrides --fail-on error,warning "$out/${package}_${version}_amd64.changes"
}
check lintian lint

[ "$mode" = build ] && summary

installed_before=""
dpkg-query -W -f='${Status}' $package 2>/dev/null | grep -q "install ok installed" && installed_before=1

check install $sudo apt-get install -y -q "$deb" || summary

# The app runs as a user would start it, but in a home of its own
home="$work/home"
mkdir -p "$home"
in_home() {
  env -u LC_ALL -u LANGUAGE -u LC_MESSAGES -u GSETTINGS_SCHEMA_DIR -u STUDY_PLANNER_LOCALEDIR \
    -u XDG_DATA_HOME -u XDG_CACHE_HOME -u XDG_CONFIG_HOME -u XDG_DATA_DIRS HOME="$home" "$@"
}

version_check() {
  local got
  got=$(in_home LANG=C.UTF-8 study-planner --version) || return 1
  echo "$got"
  [ "$got" = "study-planner $version" ]
}
check version version_check

plan_check() {
  local got
  got=$(in_home LANG=C.UTF-8 study-planner --check-plan /usr/share/study-planner/plans/ml-career.json) || return 1
  echo "$got"
  [[ "$got" == "ok: "*" levels, "*" topics, "*" hours" ]]
}
check check-plan plan_check

window_check() {
  in_home LANG=C.UTF-8 timeout 90 xvfb-run -a -s "-screen 0 1280x800x24 -noreset" \
    dbus-run-session -- bash "$PWD/build-aux/deb.sh" __window "$out/window.png"
}
check window window_check

desktop_check() {
  local file=/usr/share/applications/$app_id.desktop
  desktop-file-validate "$file" || return 1
  grep -q "^Icon=$app_id$" "$file" || { echo "$file: no Icon=$app_id"; return 1; }
  grep -q "^Exec=study-planner" "$file" || { echo "$file: Exec is not study-planner"; return 1; }
  # the desktop database (dpkg trigger) knows it for the types it opens
  grep -q "$app_id.desktop" /usr/share/applications/mimeinfo.cache ||
    { echo "mimeinfo.cache does not list $app_id.desktop"; return 1; }
}
check desktop-file desktop_check

icons_check() {
  local f
  for f in /usr/share/icons/hicolor/scalable/apps/$app_id.svg \
           /usr/share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg; do
    [ -s "$f" ] || { echo "missing: $f"; return 1; }
    echo "$f"
  done
  # the icon cache (dpkg trigger) has it, so the app grid shows it
  grep -qa "$app_id" /usr/share/icons/hicolor/icon-theme.cache ||
    { echo "the hicolor icon cache does not name $app_id"; return 1; }
}
check icons icons_check

check metainfo appstreamcli validate --no-net /usr/share/metainfo/$app_id.metainfo.xml

schema_check() {
  # compiled by GLib's dpkg trigger into the system schema cache
  local keys
  keys=$(in_home GSETTINGS_BACKEND=memory gsettings list-keys $app_id) || return 1
  echo $keys
  [ -n "$keys" ]
}
check schema schema_check

romanian_check() {
  local mo=/usr/share/locale/ro/LC_MESSAGES/$package.mo got
  [ -s "$mo" ] || { echo "missing: $mo"; return 1; }
  echo '{}' > "$work/empty-plan.json"
  got=$(in_home LANG=ro_RO.UTF-8 study-planner --check-plan "$work/empty-plan.json")
  [ $? -eq 1 ] || { echo "--check-plan on an empty plan did not exit 1"; return 1; }
  echo "$got"
  grep -q "lipsește câmpul" <<< "$got" || { echo "not in Romanian"; return 1; }
  got=$(in_home LANG=ro_RO.UTF-8 study-planner --help) || return 1
  echo "$got" | head -n 4
  grep -q "Planifică-ți studiul" <<< "$got" || { echo "--help is not in Romanian"; return 1; }
}
check romanian romanian_check

check manual test -s /usr/share/man/man1/$package.1.gz

if [ -n "$installed_before" ]; then
  echo "     $package was installed before: left installed"
else
  purge_check() {
    $sudo apt-get purge -y -q $package || return 1
    if dpkg-query -W -f='${Status}' $package 2>/dev/null | grep -q "install ok installed" ||
       [ -e /usr/bin/study-planner ]; then
      echo "$package is still installed"; return 1
    fi
  }
  check purge purge_check
fi

summary
