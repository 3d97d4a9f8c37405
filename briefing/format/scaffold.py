"""A new brief file: every section, a line of guidance for each, and nothing to delete before it is valid."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import tomli_w

from briefing.format.schema import SCHEMA_PATH
from briefing.system.paths import shell_word
from briefing.system.sanitize import clean


def _value(key: str, value: object) -> str:
    return tomli_w.dumps({key: value}).rstrip("\n")


FOLDER_SCHEMA = "brief.schema.json"
"""The schema's name in a folder of briefs that keeps its own copy (``briefing init``)."""


def schema_reference(target: Path) -> str:
    """How the new file's ``#:schema`` line names the format's schema, at a place that outlasts the install: the
    copy a folder above the file keeps (a relative path, which moves with the folder), else the user's own copy
    in the data directory (a ``file:`` URI), else the one in the package."""
    folder = target.resolve().parent
    for above in (folder, *folder.parents):
        if (above / FOLDER_SCHEMA).is_file():
            return os.path.relpath(above / FOLDER_SCHEMA, folder)
    kept = user_schema()
    return (kept or SCHEMA_PATH).as_uri()


def user_schema() -> Path | None:
    """The user's copy of the schema (``$XDG_DATA_HOME/briefing/brief.schema.json``), written or brought up to
    date from the package's; None when there is no data directory or it cannot be written."""
    from briefing.system.files import SaveError, atomic_write
    from briefing.system.locations import data_dir

    folder = data_dir()
    if folder is None:
        return None
    kept = folder / FOLDER_SCHEMA
    shipped = SCHEMA_PATH.read_bytes()
    try:
        if not kept.is_file() or kept.read_bytes() != shipped:
            folder.mkdir(parents=True, exist_ok=True)
            atomic_write(kept, shipped)
    except (OSError, SaveError):
        return None
    return kept


def skeleton(target: Path, title: str, as_of: dt.date) -> str:
    """The new brief's text; ValueError for a title that would not pass ``briefing check`` (a blank one)."""
    if not clean(title).strip():
        raise ValueError("the title must not be empty")
    name = shell_word(target.name)  # on a comment line: a newline in the name must not end it
    return f"""\
#:schema {schema_reference(target)}
# A brief in the briefing format. Watch it as you write it: `briefing {name}`.
# Check it: `briefing check {name}`. Optional keys are commented out: uncomment what you need.
schema_version = 1

# What the brief is. as_of: the date it describes the world as of; "next week" counts from it.
[brief]
{_value("title", title)}
{_value("as_of", as_of)}
# category = "International"
# tags = ["Russia", "North Korea"]
# dateline = "Seoul"
# updated = {as_of.isoformat()}

# Bottom line up front: the conclusion first, in one or two sentences.
[summary]
bluf = "The conclusion, in one or two sentences."
# Three to six points.
key_points = []
# confidence = "moderate"  # low, moderate or high: your confidence, apart from likelihood words
# body = \"\"\"
# ## Background
#
# Markdown: the background and the detail.
# \"\"\"

# What was said, verbatim: one [[quotes]] table per quote, text exactly as published.
# [[quotes]]
# speaker = "Who said it"
# role = "Their office"
# said_on = {as_of.isoformat()}
# text = "Exactly as published."
# context = "Where and why it was said."
# source = "a-source-id"

# Reported, not yet confirmed: one [[confirmations]] table per claim.
# status is pending, confirmed or denied; once resolved, add resolved_on and resolution
# (in the app: c confirms, d denies, p makes it pending again).
# [[confirmations]]
# id = "visit-dates"
# what = "The claim awaiting confirmation."
# awaited_from = ["Who must confirm it"]
# status = "pending"
# since = {as_of.isoformat()}
# reported_by = ["a-source-id"]

# Planned stops, in travel order. when: the timing exactly as reported; start and end: the window it means.
# [[itinerary]]
# place = "City or site"
# country = "Country"
# when = "next week"
# start = {as_of.isoformat()}
# end = {as_of.isoformat()}
# approximate = false
# certainty = "likely"  # almost_no_chance ... roughly_even_chance ... almost_certain (ICD 203)
# status = "planned"
# confirmation = "visit-dates"
# sources = ["a-source-id"]

# Where it came from: one [[sources]] table per source; items above name them by id.
# [[sources]]
# id = "a-source-id"
# outlet = "The outlet"
# kind = "newspaper"  # newspaper, wire, broadcaster, government, state_media, social, other
# url = "https://example.org/story"
# published = {as_of.isoformat()}
# reliability = "B"  # Admiralty grade, A to F
"""
