#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The tree keeps the shape docs/architecture.md describes.

- No source file under src/ is longer than MAX_LINES: a file that grows past it
  holds more than one job.
- src/core/ includes neither GTK nor libadwaita, nor a header of the front ends
  (src/cli/, src/).
- No include circle between the files of the core: a header and its source
  count as one unit, named after the file without its extension, and a part
  of a class split over files (A-part.c, shared through A-part-private.h,
  which A includes) counts as that class.
    check-layout.py SOURCE_ROOT
"""
import os
import re
import sys

MAX_LINES = 1200
INCLUDE = re.compile(r'^\s*#\s*include\s+[<"]([^>"]+)[>"]', re.M)


def sources(folder):
    for parent, _, names in os.walk(folder):
        for name in sorted(names):
            if name.endswith((".c", ".h")):
                yield os.path.join(parent, name)


def unit(path):
    base = os.path.basename(path)
    base = base[:-2]
    return base[:-len("-private")] if base.endswith("-private") else base


def cycles(graph):
    """Every elementary circle found by a depth-first walk, as a list of units."""
    found, state, stack = [], {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                found.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return found


def main():
    root = sys.argv[1]
    src = os.path.join(root, "src")
    core = os.path.join(src, "core")
    problems = []

    for path in sources(src):
        with open(path, encoding="utf-8") as f:
            count = sum(1 for _ in f)
        if count > MAX_LINES:
            problems.append(f"{os.path.relpath(path, root)}: {count} lines, more than {MAX_LINES}")

    # A class split over several files shares its internals through a private
    # header: when unit A includes "A-part-private.h", A-part is part of A
    alias = {}
    for path in sources(core):
        with open(path, encoding="utf-8") as f:
            here = unit(path)
            for name in INCLUDE.findall(f.read()):
                part = unit(name)
                if name.endswith("-private.h") and part.startswith(here + "-"):
                    alias[part] = here

    def owner(name):
        while name in alias:
            name = alias[name]
        return name

    core_units = {unit(p) for p in sources(core)}
    front_units = {unit(p) for p in sources(src) if not p.startswith(core + os.sep)}
    graph = {}
    for path in sources(core):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        here = owner(unit(path))
        for name in INCLUDE.findall(text):
            if name.startswith(("gtk/", "adwaita")):
                problems.append(f"{os.path.relpath(path, root)}: the core includes <{name}>")
                continue
            target = unit(name)
            if target in front_units and target not in core_units:
                problems.append(f"{os.path.relpath(path, root)}: the core includes the front end's {name}")
            elif target in core_units and owner(target) != here:
                graph.setdefault(here, set()).add(owner(target))

    for circle in cycles(graph):
        problems.append("include circle in the core: " + " → ".join(circle))

    for line in problems:
        print(line)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
