"""A Brief as a plain document (the TOML file's shape), and back: the basis of the JSON and TOML exports
(``briefing.export.json_toml``), and reading a JSON export back (``brief_from_json``).

The document mirrors the file: ``schema_version``, the ``brief`` and ``summary``
tables, the ``quotes``, ``confirmations``, ``itinerary`` and ``sources``
arrays, with the same keys, and the author's own ``x`` table when there is one.
Reading one back goes through the validator, so an export read back is checked
exactly like a file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
from collections.abc import Mapping
from enum import Enum
from typing import Any

from briefing.format.fields import ARRAYS, EXTENSION_TABLE, TABLES
from briefing.format.load import LoadResult
from briefing.format.model import Brief, Problem
from briefing.format.validate import validate

Document = dict[str, Any]

_SECTIONS: dict[str, str] = {"brief": "meta", "summary": "summary"}
"""Document table -> Brief attribute, where the names differ."""


def _plain(value: object, dates_as_text: bool) -> object:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat() if dates_as_text else value
    if isinstance(value, tuple):
        return [_plain(item, dates_as_text) for item in value]
    return value


def _table(item: object, keys: Mapping[str, object], keep_empty: bool, dates_as_text: bool) -> dict[str, object]:
    table: dict[str, object] = {}
    for key in keys:
        value = getattr(item, key)
        if value is None and not keep_empty:
            continue
        table[key] = _plain(value, dates_as_text)
    return table


def _as_json(value: object) -> object:
    """A value of the author's ``[x]`` table as JSON has it: dates and times as ISO strings, inf and nan as text."""
    if isinstance(value, Mapping):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


def to_document(brief: Brief, *, keep_empty: bool = False, dates_as_text: bool = False) -> Document:
    """The brief as nested dicts and lists, in the file's key order, the author's ``[x]`` table last.

    ``keep_empty`` keeps absent values as None (JSON's null); ``dates_as_text`` writes dates as ISO strings.
    """
    document: Document = {"schema_version": brief.schema_version}
    for name, fields in TABLES.items():
        document[name] = _table(getattr(brief, _SECTIONS[name]), fields, keep_empty, dates_as_text)
    for name, fields in ARRAYS.items():
        document[name] = [_table(item, fields, keep_empty, dates_as_text) for item in getattr(brief, name)]
    if brief.extensions is not None:
        document[EXTENSION_TABLE] = _as_json(brief.extensions) if dates_as_text else dict(brief.extensions)
    return document


def _from_json_values(table: Mapping[str, Any], fields: Mapping[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in table.items():
        if value is None:
            continue
        field = fields.get(key)
        if field is not None and field.kind == "date" and isinstance(value, str):
            # A string that is not a date stays a string: the validator reports it, with its key.
            with contextlib.suppress(ValueError):
                value = dt.date.fromisoformat(value)
        values[key] = value
    return values


def brief_from_json(text: str, file: str = "<json>") -> LoadResult:
    """Read a JSON export back into a Brief, validated like a file; never raises for bad input."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        return LoadResult(file, None, (Problem(file, f"JSON syntax: {error.msg}", error.lineno, error.colno),), text)
    except RecursionError:
        return LoadResult(file, None, (Problem(file, "values are nested too deeply to read"),), text)
    if not isinstance(raw, dict):
        return LoadResult(file, None, (Problem(file, "a brief in JSON is an object, with the keys of the file"),))
    document: Document = dict(raw)
    for name, fields in TABLES.items():
        if isinstance(document.get(name), dict):
            document[name] = _from_json_values(document[name], fields)
    for name, fields in ARRAYS.items():
        items = document.get(name)
        if isinstance(items, list):
            document[name] = [_from_json_values(i, fields) if isinstance(i, dict) else i for i in items]
    brief, problems = validate(document, "", file, with_lines=False)
    return LoadResult(file, brief, tuple(problems), text)
