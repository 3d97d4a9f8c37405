"""The JSON Schema of the brief format, built from the same field table the validator uses.

The package ships the result as ``briefing/format/schema.json`` (for editors: Taplo, Tombi,
Even Better TOML); a test keeps the shipped file equal to what this builds.
Regenerate it with ``python -m briefing.format.schema > briefing/format/schema.json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from briefing.format.fields import ARRAYS, EXTENSION_TABLE, SCHEMA_VERSION, TABLES, Field

SCHEMA_PATH = Path(__file__).resolve().parent / "schema.json"

_DESCRIPTIONS = {
    "schema_version": "The version of the brief format; this briefing reads version 1.",
    "brief": "What the brief is: its headline and the date it describes the world as of.",
    "summary": "Bottom line up front: the conclusion first, then key points and the body (Markdown).",
    "quotes": "What was said, verbatim, one table per quote.",
    "confirmations": "Claims reported but not yet confirmed, and how each was resolved.",
    "itinerary": "Planned stops, in travel order.",
    "sources": "Where the brief's facts came from.",
    EXTENSION_TABLE: "Your own keys: briefing ignores this table.",
}

_TEXT: dict[str, Any] = {"type": "string", "pattern": "\\S"}
_ID: dict[str, Any] = {"type": "string", "pattern": "^[a-z0-9_-]+$"}


def _field_schema(field: Field) -> dict[str, Any]:
    if field.vocabulary is not None:
        return {"type": "string", "enum": [str(member.value) for member in field.vocabulary]}
    return {
        "str": _TEXT,
        "date": {"type": "string", "format": "date", "description": "A TOML local date, unquoted: 2024-06-12"},
        "bool": {"type": "boolean"},
        "id": _ID,
        "str_list": {"type": "array", "items": _TEXT},
        "id_list": {"type": "array", "items": _ID},
        "url": {"type": "string", "pattern": '^https?://[^\\u0000-\\u0020"<>\\\\^`{|}\\u007f]*$'},
    }[field.kind]


def _table_schema(fields: dict[str, Field]) -> dict[str, Any]:
    properties = {name: _field_schema(field) for name, field in fields.items()}
    if "awaited_from" in properties:
        properties["awaited_from"] = {**properties["awaited_from"], "minItems": 1}
    return {
        "type": "object",
        "properties": properties,
        "required": [name for name, field in fields.items() if field.required],
        "additionalProperties": False,
    }


def build_schema() -> dict[str, Any]:
    confirmation = _table_schema(ARRAYS["confirmations"])
    confirmation["if"] = {"properties": {"status": {"const": "pending"}}}
    confirmation["then"] = {"not": {"anyOf": [{"required": ["resolved_on"]}, {"required": ["resolution"]}]}}
    confirmation["else"] = {"required": ["resolved_on", "resolution"]}
    properties: dict[str, Any] = {"schema_version": {"const": SCHEMA_VERSION}}
    for name, fields in TABLES.items():
        properties[name] = _table_schema(fields)
    for name, fields in ARRAYS.items():
        item = confirmation if name == "confirmations" else _table_schema(fields)
        properties[name] = {"type": "array", "items": item}
    properties[EXTENSION_TABLE] = {"type": "object"}
    for name, description in _DESCRIPTIONS.items():
        properties[name] = {"description": description, **properties[name]}
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "briefing brief, format version 1",
        "type": "object",
        "properties": properties,
        "required": ["schema_version", "brief", "summary"],
        "additionalProperties": False,
    }


def schema_text() -> str:
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    print(schema_text(), end="")
