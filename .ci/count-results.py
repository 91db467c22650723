#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts test results from meson's testlog.json files: each TAP test case
of a test program counts on its own; programs without TAP count once."""
import json
import re
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError as e:
        print(f"missing test log {path}: {e}", file=sys.stderr)
        failed += 1
        continue
    for line in lines:
        if not line.strip():
            continue
        entry = json.loads(line)
        result = entry.get("result")
        out = entry.get("stdout") or ""
        cases = re.findall(r"^(not ok|ok)\b.*?(# SKIP.*)?$", out, re.M)
        if cases:
            for status, skip in cases:
                if skip:
                    skipped += 1
                elif status == "ok":
                    passed += 1
                else:
                    failed += 1
            # a program that crashed after its last case still failed
            if result not in ("OK", "SKIP", "EXPECTEDFAIL") and not any(s == "not ok" for s, _ in cases):
                failed += 1
        elif result == "OK":
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1

print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
