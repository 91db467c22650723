#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every language in po/LINGUAS translates every message the sources have now.

Extracts the messages of po/POTFILES.in as meson's `study-planner-pot` target
does (xgettext with GLib's keywords), merges each translation against them
without fuzzy matching, and fails naming each message that is untranslated or
fuzzy, or when msgfmt --check finds a format that does not match.
    check-translations.py SOURCE_ROOT
"""
import os
import subprocess
import sys
import tempfile

# meson's i18n "glib" preset
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format",
]


def run(args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


def entries(po_text):
    """The msgid (with its msgctxt) of each entry of a PO file, as written."""
    found = []
    for block in po_text.split("\n\n"):
        lines = [l for l in block.splitlines() if not l.startswith("#")]
        head = " ".join(lines[:next((i for i, l in enumerate(lines) if l.startswith("msgstr")), len(lines))])
        if "msgid" in head and head.strip() != 'msgid ""':  # not the header
            found.append(head.strip())
    return found


def main():
    root = sys.argv[1]
    podir = os.path.join(root, "po")
    with open(os.path.join(podir, "LINGUAS")) as f:
        languages = [w for line in f for w in line.split("#")[0].split()]
    failures = 0
    with tempfile.TemporaryDirectory() as scratch:
        pot = os.path.join(scratch, "messages.pot")
        run(["xgettext", "--package-name=study-planner", "-D", root,
             "--files-from=" + os.path.join(podir, "POTFILES.in"), "-o", pot] + XGETTEXT_ARGS)
        for language in languages:
            po = os.path.join(podir, language + ".po")
            merged = os.path.join(scratch, language + ".po")
            run(["msgmerge", "--quiet", "--no-fuzzy-matching", po, pot, "-o", merged])
            check = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, merged],
                                   capture_output=True, text=True)
            print(f"{language}: {check.stderr.strip()}")
            if check.returncode != 0:
                failures += 1
            for what, flag in (("untranslated", "--untranslated"), ("fuzzy", "--only-fuzzy")):
                out = run(["msgattrib", flag, "--no-obsolete", merged]).stdout
                for entry in entries(out):
                    print(f"{language}: {what}: {entry}")
                    failures += 1
    if failures:
        print(f"{failures} problems: run `ninja -C build study-planner-pot`, "
              "then msgmerge the translations and translate what is missing")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
