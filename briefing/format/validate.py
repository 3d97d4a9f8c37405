"""Checking a parsed TOML document against the brief format and building the Brief.

Every problem in the document is collected, each with the line of its key or of
the table it sits in; a Brief is built only when there are none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from enum import Enum
from functools import cached_property
from typing import Any

from briefing.format.fields import ARRAYS, EXTENSION_TABLE, SCHEMA_VERSION, TABLES, TOP_LEVEL, Field
from briefing.format.locate import KeyPath, Locations
from briefing.format.model import (
    Brief,
    Confirmation,
    ConfirmationStatus,
    Meta,
    Problem,
    Quote,
    Source,
    Stop,
    StopStatus,
    Summary,
)
from briefing.system.sanitize import clean, escaped

NOT_IN_A_URL = re.compile(r'[\x00-\x20"<>\\^`{|}\x7f]')
"""What RFC 3986 does not allow in a URL unencoded: spaces and controls, quotes, angle brackets and the like."""
_ID = re.compile(r"[a-z0-9_-]+")
_DATE_LIKE = re.compile(r"\d{4}-\d{2}-\d{2}")

Values = dict[str, Any]
ARRAY_IDS = ("confirmations", "sources")


def key_path_text(path: KeyPath) -> str:
    """``("quotes", 2, "speaker")`` -> ``quotes[2].speaker``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return escaped(text)


def describe(value: object) -> str:
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (a boolean)"
    if isinstance(value, int):
        return f"the integer {value}"
    if isinstance(value, float):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the string {clean(shown)!r}"
    if isinstance(value, dt.datetime):
        return f"the date-time {value.isoformat()}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, dt.time):
        return f"the time {value.isoformat()}"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return type(value).__name__


def _suggest(word: str, known: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f"; did you mean `{close[0]}`?" if close else ""


class _Checker:
    def __init__(self, text: str, file: str) -> None:
        self.file = file
        self.text = text
        self.problems: list[Problem] = []

    @cached_property
    def locations(self) -> Locations:
        """Lines are only looked for when a problem is reported or a caller wants them."""
        return Locations(self.text)

    def report(self, path: KeyPath, message: str) -> None:
        line = self.locations.line(path)
        self.problems.append(Problem(self.file, message, line, key=key_path_text(path) or None))

    def unknown_keys(self, table: Mapping[str, Any], path: KeyPath, known: Iterable[str], where: str) -> None:
        known = tuple(known)
        for key in table:
            if key not in known:
                hint = _suggest(key, known) or f"; {where} takes: {', '.join(known)}"
                self.report((*path, key), f"unknown key `{clean(key)}`{hint}")

    def fields(self, table: Mapping[str, Any], path: KeyPath, fields: Mapping[str, Field]) -> Values:
        name = str(path[0])
        self.unknown_keys(table, path, fields, f"[[{name}]]" if len(path) > 1 else f"[{name}]")
        values: Values = {}
        for name, field in fields.items():
            if name not in table:
                if field.required:
                    self.report((*path, name), f"missing required key `{name}`")
                continue
            value = self.value(table[name], (*path, name), field)
            if value is not None:
                values[name] = value
        return values

    def value(self, raw: object, path: KeyPath, field: Field) -> object:
        kind = field.kind
        if kind == "date":
            return self.date(raw, path)
        if kind == "bool":
            if isinstance(raw, bool):
                return raw
            self.wrong(path, "true or false", raw)
            return None
        if kind in ("str_list", "id_list"):
            if not isinstance(raw, list):
                self.wrong(path, "an array of strings", raw)
                return None
            item_kind = "id" if kind == "id_list" else "str"
            items = [self.string(item, (*path, index), item_kind) for index, item in enumerate(raw)]
            if field.required and not raw:
                self.report(path, "must not be empty")
                return None
            return None if any(item is None for item in items) else tuple(items)
        text = self.string(raw, path, kind)
        if text is None:
            return None
        if field.vocabulary is not None:
            return self.vocabulary(text, path, field.vocabulary)
        if kind == "url" and not text.startswith(("http://", "https://")):
            self.report(path, f"must start with http:// or https://, got {describe(text)}")
            return None
        if kind == "url" and (unsafe := NOT_IN_A_URL.search(text)) is not None:
            character = unsafe.group()
            code = ord(character)
            self.report(path, f"must not hold {character!r} (U+{code:04X}): write it percent-encoded, as %{code:02X}")
            return None
        return text

    def string(self, raw: object, path: KeyPath, kind: str) -> str | None:
        if not isinstance(raw, str):
            self.wrong(path, "an id (a string)" if kind == "id" else "a string", raw)
            return None
        if kind == "id" and raw.strip() and not _ID.fullmatch(raw):
            self.report(path, f"{describe(raw)} is not an id: use only a-z, 0-9, - and _")
            return None
        text = clean(raw)
        if not text.strip():
            blank = "must not be empty" if not raw.strip() else "must not be empty (it holds only control characters)"
            self.report(path, blank)
            return None
        return text

    def date(self, raw: object, path: KeyPath) -> dt.date | None:
        if isinstance(raw, dt.datetime):
            self.report(path, f"expected a date without a time, got {describe(raw)}")
            return None
        if isinstance(raw, dt.date):
            return raw
        if isinstance(raw, str) and _DATE_LIKE.fullmatch(raw.strip()):
            self.report(path, f"expected a date, got {describe(raw)}: write it without quotes, {raw.strip()}")
            return None
        self.wrong(path, "a date such as 2024-06-12", raw)
        return None

    def vocabulary(self, word: str, path: KeyPath, vocabulary: type[Enum]) -> Enum | None:
        for member in vocabulary:
            if member.value == word:
                return member
        words = [str(member.value) for member in vocabulary]
        hint = _suggest(word, words) or f"; use one of: {', '.join(words)}"
        self.report(path, f"{describe(word)} is not allowed{hint}")
        return None

    def wrong(self, path: KeyPath, expected: str, raw: object) -> None:
        self.report(path, f"expected {expected}, got {describe(raw)}")

    def table(self, document: Mapping[str, Any], name: str) -> Values | None:
        if name not in document:
            self.report((name,), f"missing required table [{name}]")
            return None
        raw = document[name]
        if not isinstance(raw, dict):
            self.wrong((name,), f"a table [{name}]", raw)
            return None
        return self.fields(raw, (name,), TABLES[name])

    def array(self, document: Mapping[str, Any], name: str) -> list[Values]:
        raw = document.get(name, [])
        if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
            self.wrong((name,), f"an array of tables ([[{name}]])", raw)
            return []
        return [self.fields(item, (name, index), ARRAYS[name]) for index, item in enumerate(raw)]


MAX_NESTING = 64
"""How deep tables and arrays may sit in one another (a brief needs 3; the author's [x] table may go further)."""


def too_deep(document: Mapping[str, Any], limit: int) -> KeyPath | None:
    """The key path of a value nested more than ``limit`` deep, or None; walked without recursion, and only into
    tables and arrays (a brief's many strings cost a type test each)."""
    stack: list[tuple[Mapping[str, Any] | list[Any], KeyPath]] = [(document, ())]
    while stack:
        value, path = stack.pop()
        children: Iterable[tuple[str | int, Any]] = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in children:
            if len(path) >= limit:
                return (*path, key)
            if isinstance(item, dict | list):
                stack.append((item, (*path, key)))
    return None


def validate(
    document: Mapping[str, Any], text: str, file: str, with_lines: bool = True
) -> tuple[Brief | None, list[Problem]]:
    """The Brief in ``document`` or every problem in it; ``with_lines`` gives items their line numbers."""
    check = _Checker(text, file)
    deep = too_deep(document, MAX_NESTING)
    if deep is not None:
        # Nothing deeper is looked at: exports and every later reader would recurse into it.
        check.report(deep[:2], f"values are nested more than {MAX_NESTING} deep (arrays or tables in one another)")
        return None, check.problems
    check.unknown_keys(document, (), TOP_LEVEL, "the top level")
    _check_schema_version(check, document)
    if EXTENSION_TABLE in document and not isinstance(document[EXTENSION_TABLE], dict):
        check.wrong((EXTENSION_TABLE,), "a table [x] for your own keys", document[EXTENSION_TABLE])
    brief = check.table(document, "brief")
    summary = check.table(document, "summary")
    arrays = {name: check.array(document, name) for name in ARRAYS}
    _check_ids(check, arrays)
    _check_references(check, arrays)
    _check_dates(check, brief, arrays)
    _check_resolutions(check, arrays["confirmations"])
    if check.problems or brief is None or summary is None:
        return None, sorted(check.problems, key=lambda problem: problem.line or 0)
    extensions = document.get(EXTENSION_TABLE)
    return _build(brief, summary, arrays, extensions, check.locations if with_lines else None), []


def _check_schema_version(check: _Checker, document: Mapping[str, Any]) -> None:
    if "schema_version" not in document:
        check.report(("schema_version",), f"missing required key `schema_version` (it is {SCHEMA_VERSION})")
        return
    version = document["schema_version"]
    if isinstance(version, bool) or not isinstance(version, int):
        check.wrong(("schema_version",), f"the integer {SCHEMA_VERSION}", version)
    elif version > SCHEMA_VERSION:
        check.report(
            ("schema_version",),
            f"written for a newer briefing (schema_version {version}); this one reads version {SCHEMA_VERSION}",
        )
    elif version != SCHEMA_VERSION:
        check.report(("schema_version",), f"must be {SCHEMA_VERSION}, got {version}")


def _check_ids(check: _Checker, arrays: Mapping[str, list[Values]]) -> None:
    for name in ARRAY_IDS:
        first_seen: dict[str, int] = {}
        for index, item in enumerate(arrays[name]):
            item_id = item.get("id")
            if item_id is None:
                continue
            if item_id in first_seen:
                earlier = check.locations.line((name, first_seen[item_id]))
                where = f" (first used at line {earlier})" if earlier else ""
                check.report((name, index, "id"), f"duplicate id `{item_id}`{where}")
            else:
                first_seen[item_id] = index


def _check_references(check: _Checker, arrays: Mapping[str, list[Values]]) -> None:
    ids = {name: list(dict.fromkeys(item["id"] for item in arrays[name] if "id" in item)) for name in ARRAY_IDS}

    def must_exist(path: KeyPath, ref: str, target: str) -> None:
        if ref not in ids[target]:
            known = ids[target]
            hint = _suggest(ref, known) or (
                f"; the ids in [[{target}]] are: {', '.join(known)}" if known else f"; there are no [[{target}]]"
            )
            check.report(path, f"no {target[:-1]} has the id `{ref}`{hint}")

    for index, quote in enumerate(arrays["quotes"]):
        if "source" in quote:
            must_exist(("quotes", index, "source"), quote["source"], "sources")
    for index, item in enumerate(arrays["confirmations"]):
        for position, ref in enumerate(item.get("reported_by", ())):
            must_exist(("confirmations", index, "reported_by", position), ref, "sources")
    for index, stop in enumerate(arrays["itinerary"]):
        if "confirmation" in stop:
            must_exist(("itinerary", index, "confirmation"), stop["confirmation"], "confirmations")
        for position, ref in enumerate(stop.get("sources", ())):
            must_exist(("itinerary", index, "sources", position), ref, "sources")


def _check_dates(check: _Checker, brief: Values | None, arrays: Mapping[str, list[Values]]) -> None:
    as_of: dt.date | None = brief.get("as_of") if brief else None
    if brief and as_of and "updated" in brief and brief["updated"] < as_of:
        check.report(("brief", "updated"), f"{brief['updated']} is before as_of ({as_of})")
    updated = brief.get("updated") if brief else None
    latest = updated or as_of
    latest_name = f"updated date ({updated})" if updated else f"as_of ({as_of}); a later resolution moves `updated`"
    for index, item in enumerate(arrays["confirmations"]):
        since, resolved_on = item.get("since"), item.get("resolved_on")
        if as_of and since and since > as_of:
            check.report(("confirmations", index, "since"), f"{since} is after the brief's as_of ({as_of})")
        if since and resolved_on and resolved_on < since:
            check.report(("confirmations", index, "resolved_on"), f"{resolved_on} is before since ({since})")
        elif latest and resolved_on and resolved_on > latest:
            check.report(("confirmations", index, "resolved_on"), f"{resolved_on} is after the brief's {latest_name}")
    for index, stop in enumerate(arrays["itinerary"]):
        start, end = stop.get("start"), stop.get("end")
        if start and end and end < start:
            check.report(("itinerary", index, "end"), f"{end} is before start ({start})")


def _check_resolutions(check: _Checker, confirmations: list[Values]) -> None:
    for index, item in enumerate(confirmations):
        status = item.get("status")
        if status is None:
            continue
        for key in ("resolved_on", "resolution"):
            if status is ConfirmationStatus.PENDING and key in item:
                check.report(("confirmations", index, key), f"`{key}` must be absent while status is pending")
            elif status is not ConfirmationStatus.PENDING and key not in item:
                check.report(
                    ("confirmations", index, "status"),
                    f"missing `{key}`: required when status is {status.value}",
                )


def _build(
    brief: Values,
    summary: Values,
    arrays: Mapping[str, list[Values]],
    extensions: Mapping[str, Any] | None,
    locations: Locations | None,
) -> Brief:
    def line(name: str, index: int) -> int | None:
        return locations.exact((name, index)) if locations else None

    return Brief(
        schema_version=SCHEMA_VERSION,
        meta=Meta(**brief),
        summary=Summary(**summary),
        quotes=tuple(Quote(**item, line=line("quotes", i)) for i, item in enumerate(arrays["quotes"])),
        confirmations=tuple(
            Confirmation(**item, line=line("confirmations", i)) for i, item in enumerate(arrays["confirmations"])
        ),
        itinerary=tuple(
            Stop(**{"status": StopStatus.PLANNED, **item}, line=line("itinerary", i))
            for i, item in enumerate(arrays["itinerary"])
        ),
        sources=tuple(Source(**item, line=line("sources", i)) for i, item in enumerate(arrays["sources"])),
        extensions=extensions,
    )
