#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Set up, build, and run Study Planner or its tests on Debian 12.
#   build-aux/dev.sh run     build and launch the app on the bundled learning path
#   build-aux/dev.sh test    build and run the whole test suite (under Xvfb)
# BUILD_DIR (default: build) and SANITIZE=1 (AddressSanitizer + UBSan) change the build.
set -euo pipefail

cd "$(dirname "$0")/.."
mode=${1:-run}
build_dir=${BUILD_DIR:-build}

packages=(
  meson ninja-build pkg-config gcc gettext itstool
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libjson-glib-dev libsoup-3.0-dev libical-dev libsecret-1-dev
  libgsound-dev
  desktop-file-utils appstream
  xvfb xauth dbus dbus-x11 locales xdotool imagemagick
  poppler-utils python3 adwaita-icon-theme fonts-cantarell fonts-dejavu-core
  git clang-format
  radicale python3-tz gnome-keyring
  python3-gi gir1.2-atspi-2.0 at-spi2-core
)

build-aux/install-missing.sh "${packages[@]}"

# The Romanian tests need the locale itself, not only the translation, and the
# paper test a US one (LC_PAPER=en_US.UTF-8 is Letter, ro_RO.UTF-8 A4)
for wanted in ro_RO en_US; do
  if ! locale -a 2>/dev/null | grep -qi "^${wanted}\.utf-\?8$"; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo sed -i "s/^# *\(${wanted}.UTF-8 UTF-8\)/\1/" /etc/locale.gen
    grep -q "^${wanted}.UTF-8 UTF-8" /etc/locale.gen || echo "${wanted}.UTF-8 UTF-8" | $sudo tee -a /etc/locale.gen >/dev/null
    $sudo locale-gen >/dev/null
  fi
done

setup_args=()
if [ "${SANITIZE:-0}" = 1 ]; then
  setup_args+=(-Db_sanitize=address,undefined -Db_lundef=false)
fi
if [ "${WERROR:-0}" = 1 ]; then
  setup_args+=(--werror)
fi

if [ ! -f "$build_dir/build.ninja" ]; then
  meson setup "$build_dir" "${setup_args[@]}"
fi
meson compile -C "$build_dir"

case "$mode" in
  run)
    shift || true
    export GSETTINGS_SCHEMA_DIR="$PWD/$build_dir/data"
    export STUDY_PLANNER_LOCALEDIR="$PWD/$build_dir/po"
    exec "$build_dir/src/study-planner" "$@"
    ;;
  test)
    # A private display and session bus, so the UI tests run anywhere, CI included
    exec xvfb-run -a -s "-screen 0 1920x1080x24 -noreset" \
      dbus-run-session -- meson test -C "$build_dir" --print-errorlogs --num-processes 2 \
        --timeout-multiplier "${TIMEOUT_MULTIPLIER:-$([ "${SANITIZE:-0}" = 1 ] && echo 4 || echo 1)}"
    ;;
  *)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac
