#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads an iCalendar file without libical, with the standard library only.

Checks what GNOME Calendar, Thunderbird and Google Calendar rely on: CRLF
line ends, folded lines of at most 75 octets, balanced components, VERSION
and PRODID, UID, DTSTAMP and DTSTART in every event, unique UIDs, and a
VTIMEZONE for every TZID. Then prints the events as JSON, with their start
and end in UTC worked out by zoneinfo from the system's time zone data, for
the test to compare with the schedule.

Usage: ics-reader.py FILE; exit status 1 and a message on a problem."""

import json
import sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo


def fail(message):
    print(f"ics-reader: {message}", file=sys.stderr)
    sys.exit(1)


def unfold(data):
    if not data.endswith(b"\r\n"):
        fail("the file does not end with CRLF")
    physical = data[:-2].split(b"\r\n")
    logical = []
    for number, line in enumerate(physical, 1):
        if b"\n" in line or b"\r" in line:
            fail(f"line {number}: a bare LF or CR")
        if len(line) > 75:
            fail(f"line {number}: {len(line)} octets, more than 75")
        if line[:1] in (b" ", b"\t"):
            if not logical:
                fail("the first line is a continuation")
            logical[-1] += line[1:]
        else:
            logical.append(line)
    # Folding may split a UTF-8 sequence: decode only after joining
    return [line.decode("utf-8") for line in logical]


def split_line(line):
    """NAME;PARAM=VALUE;PARAM="QUOTED":VALUE -> (NAME, {PARAM: VALUE}, VALUE)"""
    quoted = False
    for i, c in enumerate(line):
        if c == '"':
            quoted = not quoted
        elif c == ":" and not quoted:
            head, value = line[:i], line[i + 1:]
            break
    else:
        fail(f"no colon in “{line}”")
    parts = []
    current = ""
    quoted = False
    for c in head:
        if c == '"':
            quoted = not quoted
        if c == ";" and not quoted:
            parts.append(current)
            current = ""
        else:
            current += c
    parts.append(current)
    params = {}
    for part in parts[1:]:
        key, _, val = part.partition("=")
        params[key.upper()] = val.strip('"')
    return parts[0].upper(), params, value


def unescape(text):
    out = ""
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            n = text[i + 1]
            out += "\n" if n in "nN" else n
            i += 2
        else:
            out += c
            i += 1
    return out


def split_list(text):
    items, current, i = [], "", 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            current += text[i:i + 2]
            i += 2
            continue
        if text[i] == ",":
            items.append(unescape(current))
            current = ""
        else:
            current += text[i]
        i += 1
    items.append(unescape(current))
    return items


def to_utc(value, params):
    if value.endswith("Z"):
        moment = datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
    else:
        if "TZID" not in params:
            fail(f"a floating time {value}: no TZID and no Z")
        local = datetime.strptime(value, "%Y%m%dT%H%M%S")
        moment = local.replace(tzinfo=ZoneInfo(params["TZID"]))
    return int(moment.timestamp())


def main():
    if len(sys.argv) != 2:
        fail("usage: ics-reader.py FILE")
    with open(sys.argv[1], "rb") as f:
        lines = unfold(f.read())

    stack = []
    calendar = {}
    timezones = set()
    tzids_used = set()
    events = []
    current = None
    for line in lines:
        name, params, value = split_line(line)
        if name == "BEGIN":
            stack.append(value.upper())
            if value.upper() == "VEVENT":
                current = {"props": {}}
            continue
        if name == "END":
            if not stack or stack[-1] != value.upper():
                fail(f"END:{value} does not close {stack[-1] if stack else 'anything'}")
            stack.pop()
            if value.upper() == "VEVENT":
                events.append(current)
                current = None
            continue
        if not stack:
            fail(f"{name} outside any component")
        if stack == ["VCALENDAR"]:
            calendar[name] = value
        elif stack[-1] == "VTIMEZONE" and name == "TZID":
            timezones.add(value)
        elif stack[-1] == "VEVENT":
            current["props"].setdefault(name, []).append((params, value))
            if "TZID" in params:
                tzids_used.add(params["TZID"])
    if stack:
        fail(f"{stack[-1]} is never closed")
    if calendar.get("VERSION") != "2.0":
        fail("VERSION is not 2.0")
    if "PRODID" not in calendar:
        fail("no PRODID")
    missing = tzids_used - timezones
    if missing:
        fail(f"no VTIMEZONE for {', '.join(sorted(missing))}")

    out = []
    uids = set()
    for event in events:
        props = event["props"]
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            if required not in props:
                fail(f"an event without {required}")
        uid = props["UID"][0][1]
        if uid in uids:
            fail(f"UID {uid} twice")
        uids.add(uid)
        start_params, start = props["DTSTART"][0]
        end_params, end = props["DTEND"][0]
        out.append({
            "uid": uid,
            "start": to_utc(start, start_params),
            "end": to_utc(end, end_params),
            "tzid": start_params.get("TZID"),
            "summary": unescape(props["SUMMARY"][0][1]),
            "description": unescape(props.get("DESCRIPTION", [({}, "")])[0][1]),
            "categories": split_list(props["CATEGORIES"][0][1]) if "CATEGORIES" in props else [],
        })
    json.dump({"calendar-name": calendar.get("X-WR-CALNAME"), "events": out}, sys.stdout, ensure_ascii=False)


main()
