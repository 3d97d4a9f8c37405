"""Sanitising untrusted text from a brief before anything displays it.

Removes terminal control sequences (CSI, OSC, DCS, SOS, PM, APC and other ESC
sequences), C0 controls except newline and tab, DEL, C1 controls, and the
bidirectional overrides and isolates that can make text read differently from
how it is stored. Everything else is kept exactly as written.
"""

from __future__ import annotations

import re

# ESC followed by a string-type introducer runs to BEL or ST (ESC \) or the end.
_STRING_SEQUENCE = r"\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?"
_CSI = r"\x1b\[[0-?]*[ -/]*[@-~]?"
_OTHER_ESCAPE = r"\x1b[ -/]*[0-~]?"
# The same sequences introduced by their 8-bit C1 forms.
_C1_STRING_SEQUENCE = r"[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x9c|\x1b\\)?"
_C1_CSI = r"\x9b[0-?]*[ -/]*[@-~]?"
_LONE_CONTROL = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"

_UNSAFE = "|".join((_STRING_SEQUENCE, _CSI, _OTHER_ESCAPE, _C1_STRING_SEQUENCE, _C1_CSI, _LONE_CONTROL))
"""Compiled on first use (``re`` caches it): most briefs never need it, and every start would pay for it."""


_ANY_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Return ``text`` without control sequences; printable text is untouched."""
    if _ANY_CONTROL.search(text) is None:
        return text
    return re.sub(_UNSAFE, "", text)  # a carriage return is a lone control: CRLF becomes LF


_UNSAFE_IN_NAMES = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # a byte that is not UTF-8, as os.fsdecode kept it
    return character.encode("unicode_escape", "backslashreplace").decode("ascii")


def escaped(text: str) -> str:
    """Control characters (newline and tab too), bidi overrides and undecodable bytes written as escapes,
    like ``\\x1b`` and ``\\xff``.

    For file names and paths: shown safely, and still recognisable as the name on disk.
    """
    if _UNSAFE_IN_NAMES.search(text) is None:
        return text
    return _UNSAFE_IN_NAMES.sub(_escape, text)


def has_controls(text: str) -> bool:
    """True if ``clean`` would change ``text``."""
    return _ANY_CONTROL.search(text) is not None


_UNSAFE_IN_JSON = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def safe_json(value: object, indent: int | None = None) -> str:
    """JSON of ``value`` that is readable UTF-8 and yet inert in a terminal: the C0 controls ``json`` escapes
    anyway, and DEL, C1 controls, line separators, bidi overrides and lone surrogates are written as
    ``\\u`` escapes too (they can only occur inside strings, where an escape means the same)."""
    import json

    text = json.dumps(value, indent=indent, ensure_ascii=False)
    return _UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
