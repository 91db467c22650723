#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's screenshots: each view at 360x640 and 1280x800, light and
# dark, from the built app under Xvfb on a fresh start of the bundled path;
# HIGH_CONTRAST=1 makes them in high contrast, named "-hc-light", "-hc-dark".
#   build-aux/screenshots.sh [BUILD_DIR] [OUT_DIR]
# GNOME's window buttons (close alone) through a GTK settings.ini; the
# window's size and view through a keyfile GSettings backend.
set -euo pipefail

cd "$(dirname "$0")/.."
build_dir=${1:-build}
out_dir=${2:-docs/screenshots}
mkdir -p "$out_dir"
high_contrast=${HIGH_CONTRAST:-0}

shoot () {
  local width=$1 height=$2 scheme=$3 view=$4 name=$5
  local home
  home=$(mktemp -d)
  mkdir -p "$home/config/gtk-4.0" "$home/config/glib-2.0/settings"
  printf '[Settings]\ngtk-decoration-layout=appmenu:close\n' > "$home/config/gtk-4.0/settings.ini"
  cat > "$home/config/glib-2.0/settings/keyfile" <<KEYS
[io/github/studyplanner/StudyPlanner]
window-width=$width
window-height=$height
view='$view'
welcome-shown=true
catalog-auto-refresh=false
notify-blocks=false
KEYS
  XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" \
    GSETTINGS_SCHEMA_DIR="$build_dir/data" GSETTINGS_BACKEND=keyfile \
    STUDY_PLANNER_LOCALEDIR="$build_dir/po" GSK_RENDERER=cairo GDK_DEBUG=gl-disable NO_AT_BRIDGE=1 \
    ADW_DEBUG_COLOR_SCHEME="$scheme" ADW_DEBUG_HIGH_CONTRAST="$high_contrast" LC_ALL=C.UTF-8 LANGUAGE=en \
    xvfb-run -a -s "-screen 0 ${width}x${height}x24" \
    sh -c "\"$build_dir/src/study-planner\" & pid=\$!; xdotool search --sync --onlyvisible --class study-planner >/dev/null; xdotool mousemove $((width - 1)) $((height - 1)); sleep 3; import -window root \"$out_dir/$name.png\"; kill \$pid"
  rm -rf "$home"
}

for size in 360x640 1280x800; do
  width=${size%x*}
  height=${size#*x}
  for scheme in prefer-light prefer-dark; do
    style=light
    [ "$scheme" = prefer-dark ] && style=dark
    [ "$high_contrast" = 1 ] && style=hc-$style
    for view in month week day path; do
      shoot "$width" "$height" "$scheme" "$view" "$view-$size-$style"
    done
  done
done
