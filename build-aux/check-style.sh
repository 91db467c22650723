#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a C line changed since BASE is not as .clang-format lays it out;
# the lines nobody touched are left as they are.
#   build-aux/check-style.sh BASE      (a commit: CI passes .ci/style-base)
# Prints the changes clang-format would make, to apply by hand or with
#   git clang-format-14 BASE
set -euo pipefail

cd "$(dirname "$0")/.."
if [ $# -ne 1 ]; then
  echo "usage: $0 BASE" >&2
  exit 2
fi
base=$1
git rev-parse --verify --quiet "$base^{commit}" >/dev/null || {
  echo "check-style: $base is not a commit here" >&2
  exit 2
}
command -v git-clang-format-14 >/dev/null || {
  echo "check-style: git-clang-format-14 is missing (package clang-format)" >&2
  exit 2
}

# Its exit status says nothing reliable in every version: read its output
out=$(git clang-format-14 --binary clang-format-14 --extensions c,h --diff "$base" -- 2>&1) || true
case "$out" in
  "" | "no modified files to format" | "clang-format did not modify any files")
    echo "check-style: the C lines changed since $(git rev-parse --short "$base") follow .clang-format"
    ;;
  *)
    printf '%s\n' "$out"
    echo "check-style: these lines changed since $(git rev-parse --short "$base") are not as .clang-format has them" >&2
    exit 1
    ;;
esac
