"""Line numbers for the tables and keys of a TOML document.

``tomllib`` gives values but not positions, so problems found after parsing are
located with this light scanner. It understands what is needed to find table
headers and key lines (strings of every kind, comments, values that span lines)
and nothing more; it runs only on text that ``tomllib`` has already accepted.
"""

from __future__ import annotations

import re

KeyPath = tuple[str | int, ...]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_SIMPLE_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1)
    if code[0] in "uU":
        return chr(int(code[1:], 16))
    return _SIMPLE_ESCAPES.get(code, code)


def _parse_key(text: str, start: int) -> tuple[list[str], int] | None:
    """Parse a dotted key at ``start``; return its parts and the index after it."""
    parts: list[str] = []
    i = start
    while True:
        while i < len(text) and text[i] in " \t":
            i += 1
        if i >= len(text):
            return None
        if text[i] == '"':
            end = i + 1
            while end < len(text) and text[end] != '"':
                end += 2 if text[end] == "\\" else 1
            if end >= len(text):
                return None
            parts.append(_ESCAPE.sub(_unescape, text[i + 1 : end]))
            i = end + 1
        elif text[i] == "'":
            end = text.find("'", i + 1)
            if end < 0:
                return None
            parts.append(text[i + 1 : end])
            i = end + 1
        else:
            match = _BARE_KEY.match(text, i)
            if not match:
                return None
            parts.append(match.group())
            i = match.end()
        while i < len(text) and text[i] in " \t":
            i += 1
        if i < len(text) and text[i] == ".":
            i += 1
            continue
        return parts, i


class Locations:
    """Maps key paths such as ``("quotes", 1, "speaker")`` to 1-based lines."""

    def __init__(self, text: str) -> None:
        self._lines: dict[KeyPath, int] = {}
        self._ends: dict[KeyPath, int] = {}
        self._depths: dict[KeyPath, int] = {}
        """How deep each key's value nests arrays and inline tables, at its deepest."""
        self._scan(text)

    def line(self, path: KeyPath) -> int | None:
        """The line of ``path``, or of its nearest enclosing table or key."""
        for end in range(len(path), 0, -1):
            found = self._lines.get(path[:end])
            if found is not None:
                return found
        return None

    def exact(self, path: KeyPath) -> int | None:
        return self._lines.get(path)

    def nested_deeper_than(self, limit: int) -> KeyPath | None:
        """The first key whose value nests arrays and inline tables more than ``limit`` deep, if any."""
        return next((path for path, depth in self._depths.items() if depth > limit), None)

    def value_lines(self, path: KeyPath) -> tuple[int, int] | None:
        """The first and last line of a key's ``key = value`` text, when the key has its own line."""
        end = self._ends.get(path)
        start = self._lines.get(path)
        return None if end is None or start is None else (start, end)

    def _record(self, path: KeyPath, line: int) -> None:
        for end in range(1, len(path) + 1):
            self._lines.setdefault(path[:end], line)

    def _scan(self, text: str) -> None:
        array_counts: dict[KeyPath, int] = {}
        table: KeyPath = ()
        depth = 0
        open_string: str | None = None
        key_in_progress: KeyPath | None = None
        for number, raw in enumerate(text.split("\n"), start=1):
            position = 0
            stripped = raw.lstrip(" \t")
            if open_string is None and depth == 0 and stripped and stripped[0] != "#":
                offset = len(raw) - len(stripped)
                if stripped.startswith("[["):
                    parsed = _parse_key(raw, offset + 2)
                    if parsed:
                        name = tuple(parsed[0])
                        index = array_counts.get(name, 0)
                        array_counts[name] = index + 1
                        table = (*name, index)
                        self._lines.setdefault(table, number)
                        self._lines.setdefault(name, number)
                    continue
                if stripped.startswith("["):
                    parsed = _parse_key(raw, offset + 1)
                    if parsed:
                        table = tuple(parsed[0])
                        self._lines.setdefault(table, number)
                    continue
                parsed = _parse_key(raw, offset)
                if parsed and parsed[1] < len(raw) and raw[parsed[1]] == "=":
                    key_in_progress = (*table, *parsed[0])
                    self._record(key_in_progress, number)
                    position = parsed[1] + 1
            open_string, depth, deepest = _scan_value(raw, position, open_string, depth)
            if key_in_progress is not None:
                self._depths[key_in_progress] = max(self._depths.get(key_in_progress, 0), deepest)
            if key_in_progress is not None and open_string is None and depth == 0:
                self._ends.setdefault(key_in_progress, number)
                key_in_progress = None


def _scan_value(line: str, i: int, open_string: str | None, depth: int) -> tuple[str | None, int, int]:
    """Advance through a value's text; return the open multi-line string, the bracket depth, and the deepest
    the brackets went on this line."""
    n = len(line)
    deepest = depth
    while i < n:
        if open_string is not None:
            close = _find_closing(line, i, open_string)
            if close < 0:
                return open_string, depth, deepest
            i = close
            open_string = None
            continue
        char = line[i]
        if char == "#":
            break
        if char in "\"'":
            if line.startswith(char * 3, i):
                open_string = char * 3
                i += 3
                continue
            i = _find_closing(line, i + 1, char)
            if i < 0:
                break
            continue
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
        i += 1
    return open_string, depth, deepest


# Runs of plain characters are taken whole and never given back (possessive): a string of a megabyte is read in a
# few ms, not in 65-80 ms of one call that holds the interpreter's lock (a look-back reading such a brief in a
# thread stalled the screen that long).
_CLOSING = {
    '"': re.compile(r'(?:[^"\\\n]++|\\.)*+"'),
    "'": re.compile(r"[^'\n]*+'"),
    '"""': re.compile(r'(?:[^"\\]++|\\.|"(?!""))*+"""'),
    "'''": re.compile(r"(?:[^']++|'(?!''))*+'''"),
}


def _find_closing(line: str, i: int, delimiter: str) -> int:
    """Index just past ``delimiter`` closing a string from ``i``, or -1 if not on this line."""
    match = _CLOSING[delimiter].match(line, i)
    if match is None:
        return -1
    end = match.end()
    # A multi-line string may end with up to two extra quotes of its own.
    while len(delimiter) == 3 and end < len(line) and line[end] == delimiter[0]:
        end += 1
    return end
