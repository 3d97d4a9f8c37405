"""The JSON and normalised TOML exports: the brief as its document (``briefing.format.document``), written out.

Both are inert on a terminal: every control character, bidi override and line separator in a
string is written as an escape (``\\u202e``), which reads back as the character itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from briefing.format.document import to_document
from briefing.format.fields import ARRAYS, EXTENSION_TABLE, TABLES
from briefing.format.model import Brief
from briefing.system.sanitize import safe_json

_UNSAFE_IN_TOML = re.compile(r"[\x80-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""What tomli-w leaves raw (TOML allows it) but a terminal or an editor would act on."""


def to_json(brief: Brief) -> str:
    """The JSON export: every field, absent ones as null, dates as ISO strings (docs/export-json.md)."""
    return safe_json(to_document(brief, keep_empty=True, dates_as_text=True), indent=2) + "\n"


def to_toml(brief: Brief) -> str:
    """The brief written out afresh in the file format, normalised: one way to write each brief.

    Each item gets its own ``[[name]]`` table, as a person would write it, and text with line breaks
    is written as a multi-line string.
    """
    import tomli_w

    def dump(table: Mapping[str, Any]) -> str:
        return tomli_w.dumps(table, multiline_strings=True)

    document = to_document(brief)
    chunks = [dump({"schema_version": document["schema_version"]})]
    chunks.extend(dump({name: document[name]}) for name in TABLES)
    for name in ARRAYS:
        chunks.extend(f"[[{name}]]\n{dump(item)}" for item in document[name])
    if EXTENSION_TABLE in document:
        # Not as multi-line strings: those turn \r\n into \n, and the author's own text is kept as it is.
        chunks.append(tomli_w.dumps({EXTENSION_TABLE: document[EXTENSION_TABLE]}))
    # tomli-w writes every string as a basic string, where a \u escape means the character itself.
    return _UNSAFE_IN_TOML.sub(lambda match: f"\\u{ord(match.group()):04X}", "\n".join(chunks))
