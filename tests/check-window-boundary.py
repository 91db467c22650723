#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Views and dialogs talk to the window only through its actions.

What the front end holds is application → window → views: the application
makes the window and gives it the planner, the catalog and the settings; the
window gives them to its views; a view asks the window for something with
gtk_widget_activate_action (widget, "win.toast", "s", text). This fails,
naming each file and line, when a source under src/ other than the window's
own files (sp-window.c, sp-window-*.c and their headers) and the application
(sp-application.c) includes a window header, casts to SpWindow, reaches for
the window's toast overlay, or takes the application from
g_application_get_default (); or when a view or dialog (src/*.c) makes its
own GSettings rather than being given the application's (the command line,
in src/cli/, runs before there is an application and makes its own).
    check-window-boundary.py SOURCE_ROOT
"""
import pathlib
import re
import sys

ALLOWED = re.compile(r"^(sp-window(-[a-z]+)?\.[ch]|sp-application\.c)$")

# (pattern, why, whether it holds for the front end in src/ alone)
RULES = [
    (re.compile(r'#\s*include\s*[<"]sp-window(-[a-z]+)?\.h[>"]'),
     "includes the window's header; ask the window through its actions (win.toast)", False),
    (re.compile(r"\bg_application_get_default\b"),
     "calls g_application_get_default (); take what is needed as a property, set by the window", False),
    (re.compile(r"\bSP_(IS_)?WINDOW\s*\("),
     "casts to SpWindow; activate a win.* action instead", False),
    (re.compile(r"\b(ADW_TYPE_TOAST_OVERLAY|adw_toast_overlay_add_toast)\b"),
     "reaches for the window's toast overlay; use win.toast", False),
    (re.compile(r"\bg_settings_new\b"),
     "makes its own GSettings; take the application's as a property", True),
]


def strip_comments(text):
    """The source with its comments blanked, line breaks kept."""
    def blank(match):
        return re.sub(r"[^\n]", " ", match.group(0))
    return re.sub(r"/\*.*?\*/|//[^\n]*", blank, text, flags=re.S)


def violations(path, front_end):
    code = strip_comments(path.read_text(encoding="utf-8"))
    for number, line in enumerate(code.splitlines(), start=1):
        for pattern, why, front_end_only in RULES:
            if front_end_only and not front_end:
                continue
            if pattern.search(line):
                yield number, why


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    src = pathlib.Path(sys.argv[1]) / "src"
    files = sorted(p for p in src.rglob("*") if p.suffix in (".c", ".h"))
    if not files:
        print(f"no sources under {src}", file=sys.stderr)
        return 2
    found = 0
    for path in files:
        if ALLOWED.match(path.name) and path.parent == src:
            continue
        for number, why in violations(path, path.parent == src):
            print(f"{path.relative_to(src.parent)}:{number}: {why}")
            found += 1
    if found:
        print(f"{found} use(s) of the window from outside it", file=sys.stderr)
        return 1
    print(f"checked {len(files)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
