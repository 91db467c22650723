#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The version is the same everywhere a user or a package tool reads it.

meson.build's project version, the newest <release> of the AppStream
metainfo (what software centres show as release notes) and the newest entry
of debian/changelog (what names the .deb) must be one version, and the
metainfo and the changelog must list the same releases, newest first.
    check-version.py SOURCE_ROOT
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

METAINFO = "data/io.github.studyplanner.StudyPlanner.metainfo.xml.in"


def meson_version(root):
    text = open(os.path.join(root, "meson.build"), encoding="utf-8").read()
    match = re.search(r"project\s*\((?:[^()]|\([^()]*\))*?\bversion\s*:\s*'([^']+)'", text)
    if not match:
        sys.exit("meson.build: no version in project()")
    return match.group(1)


def metainfo_versions(root):
    tree = ET.parse(os.path.join(root, METAINFO))
    return [r.get("version") for r in tree.getroot().findall("./releases/release")]


def changelog_versions(root):
    """The upstream part of each entry's version: a Debian revision (-N)
    and an epoch (N:) are the packaging's own."""
    versions = []
    path = os.path.join(root, "debian", "changelog")
    for line in open(path, encoding="utf-8"):
        match = re.match(r"^[a-z0-9][a-z0-9.+-]* \(([^)]+)\) ", line)
        if match:
            version = match.group(1).split(":", 1)[-1]
            versions.append(version.rsplit("-", 1)[0] if "-" in version else version)
    return versions


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    version = meson_version(root)
    releases = metainfo_versions(root)
    entries = changelog_versions(root)
    # one changelog entry per Debian revision: each upstream version once
    entries = [v for i, v in enumerate(entries) if i == 0 or v != entries[i - 1]]
    problems = []
    if not releases:
        problems.append(f"{METAINFO}: no <release>")
    elif releases[0] != version:
        problems.append(f"{METAINFO}: newest release {releases[0]}, meson.build says {version}")
    if not entries:
        problems.append("debian/changelog: no entry")
    elif entries[0] != version:
        problems.append(f"debian/changelog: newest entry {entries[0]}, meson.build says {version}")
    if releases and entries and releases != entries:
        problems.append(f"{METAINFO} lists releases {', '.join(releases)}; "
                        f"debian/changelog lists {', '.join(entries)}")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(f"version {version} in meson.build, {METAINFO} and debian/changelog")
    return 0


if __name__ == "__main__":
    sys.exit(main())
