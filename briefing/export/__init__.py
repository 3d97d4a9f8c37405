"""Exporting a brief: Markdown, JSON, HTML or normalised TOML, as text, and writing it out safely."""

from __future__ import annotations

import os
from collections.abc import Callable

from briefing.format.model import Brief
from briefing.system.files import SaveError, atomic_write, create_new

FORMATS = ("markdown", "json", "html", "toml", "ics")
LABELS = {"markdown": "Markdown", "json": "JSON", "html": "HTML", "toml": "TOML (normalised)",
          "ics": "iCalendar (the itinerary)"}  # fmt: skip
SUFFIXES = {"markdown": ".md", "json": ".json", "html": ".html", "toml": ".normalised.toml", "ics": ".ics"}
"""The file name endings the app suggests; a normalised copy never suggests the brief's own name."""


def _renderer(name: str) -> Callable[[Brief], str]:
    if name == "markdown":
        from briefing.export.markdown import to_markdown

        return to_markdown
    if name == "html":
        from briefing.export.html import to_html

        return to_html
    if name == "json":
        from briefing.export.json_toml import to_json

        return to_json
    if name == "toml":
        from briefing.export.json_toml import to_toml

        return to_toml
    raise ValueError(f"unknown export format {name!r}; the formats are {', '.join(FORMATS)}")


def export_text(brief: Brief, name: str, file_name: str | None = None) -> str:
    """The brief in the format ``name`` (one of FORMATS). ``file_name``: the brief's file's name, which the
    calendar's event UIDs are made from (else its title)."""
    if name == "ics":
        from briefing.export.ics import to_ics

        return to_ics(brief, file_name)[0]
    return _renderer(name)(brief)


class ExistsError(SaveError):
    """The output file exists and replacing it was not asked for."""


def write_export(path: str | os.PathLike[str], text: str | bytes, replace: bool = False) -> None:
    """Write ``text`` to ``path`` atomically: whole or not at all. An existing file is kept unless ``replace``."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    if replace:
        atomic_write(path, data)
        return
    try:
        create_new(path, data)
    except FileExistsError:
        raise ExistsError(f"{os.fspath(path)} already exists; it was not touched") from None
