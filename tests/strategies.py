"""Hypothesis strategies: valid briefs built from the model, hostile text, and TOML documents of any shape."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from briefing.format.fields import ARRAYS, TABLES
from briefing.format.model import (
    Brief,
    Certainty,
    Confidence,
    Confirmation,
    ConfirmationStatus,
    Meta,
    Quote,
    Reliability,
    Source,
    SourceKind,
    Stop,
    StopStatus,
    Summary,
)
from briefing.format.validate import NOT_IN_A_URL
from briefing.system.sanitize import clean

INJECTIONS = (
    "\x1b]52;c;SU5KRUNURUQ=\x07",  # OSC 52: write "INJECTED" to the clipboard
    "\x1b]0;INJECTED-TITLE\x07",  # OSC 0: set the window title
    "\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    "\x1b[31337m",  # CSI with a marker parameter
    "\x1bP31337\x1b\\",  # DCS
    "\x9b31337m",  # CSI in its 8-bit C1 form
    "\x1b[2J\x1b[H",  # clear the screen, cursor home
    "\x1b[6n",  # ask the terminal for the cursor position
)
"""Escape sequences a hostile brief could carry; none of them may reach the terminal."""

INJECTED_MARKERS = (
    "\x1b]52;c;SU5KRUNURUQ",
    "\x1b]0;INJECTED",
    "\x1b]8;;https://evil",
    "\x1b[31337",
    "\x1bP31337",
    "\x9b31337",
    "\x9b",
    "\x07",
)
"""What would be in the bytes written to the terminal if an injection got through (Textual itself never
writes a C1 control or a bell while drawing)."""

SPECIAL_TEXT = (
    "مرحبا بالعالم",  # right to left
    "\u202eevil\u202c",  # a right-to-left override
    "e\u0301\u0301\u0301\u0301",  # stacked combining marks
    "zero\u200bwidth\u200d\u2060joiners",
    "全角文字と漢字の幅",  # wide East Asian characters
    "👩‍👩‍👧‍👦🇺🇳👍🏽",  # emoji sequences
    "[@click=app.quit] [bold]x[/] [/] [TBD] $accent",  # Textual markup and variables
    "\t\ttabs\tand\nnew\nlines",
    "\x00\x07\x08\x7f\x85",  # C0, DEL and C1 controls
)

ANY_CHARACTER = st.characters(exclude_categories=["Cs"])
"""Any Unicode character that UTF-8 can encode: everything but lone surrogates."""


def _hostile_pieces() -> st.SearchStrategy[str]:
    return st.one_of(st.text(ANY_CHARACTER, max_size=12), st.sampled_from(INJECTIONS), st.sampled_from(SPECIAL_TEXT))


HOSTILE_TEXT = st.lists(_hostile_pieces(), min_size=1, max_size=5).map("".join)
"""Text of any kind, laced with escape sequences, bidirectional text, wide characters and markup."""

TEXT = HOSTILE_TEXT.map(clean).filter(lambda text: bool(text.strip()))
"""Text as the loader keeps it: sanitised, and never blank (the format forbids empty strings)."""

URL_TEXT = TEXT.map(lambda text: NOT_IN_A_URL.sub("", text))
"""Hostile text without what a URL cannot hold unencoded (``check`` refuses it): what is left is still hostile."""
IDS = st.from_regex(r"[a-z0-9_-]{1,12}", fullmatch=True)
DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def _texts(min_size: int = 0) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(TEXT, min_size=min_size, max_size=3).map(tuple)


@st.composite
def briefs(draw: st.DrawFn) -> Brief:
    """Any valid brief: every optional field sometimes there, every reference pointing at something."""
    as_of = draw(DATES)
    meta = Meta(
        title=draw(TEXT),
        as_of=as_of,
        category=draw(_optional(TEXT)),
        tags=draw(_texts()),
        dateline=draw(_optional(TEXT)),
        updated=draw(_optional(st.dates(min_value=as_of, max_value=dt.date(2200, 1, 1)))),
    )
    summary = Summary(
        bluf=draw(TEXT),
        key_points=draw(_texts()),
        body=draw(_optional(TEXT)),
        confidence=draw(_optional(st.sampled_from(Confidence))),
    )
    source_ids = draw(st.lists(IDS, unique=True, max_size=3))
    sources = tuple(
        Source(
            id=source_id,
            outlet=draw(TEXT),
            kind=draw(_optional(st.sampled_from(SourceKind))),
            url=draw(_optional(st.sampled_from(["http://", "https://"]).flatmap(lambda p: URL_TEXT.map(p.__add__)))),
            title=draw(_optional(TEXT)),
            published=draw(_optional(DATES)),
            reliability=draw(_optional(st.sampled_from(Reliability))),
        )
        for source_id in source_ids
    )
    some_sources = st.lists(st.sampled_from(source_ids), max_size=2).map(tuple) if source_ids else st.just(())
    confirmation_ids = draw(st.lists(IDS, unique=True, max_size=3))
    confirmations = []
    latest = meta.updated or as_of
    for confirmation_id in confirmation_ids:
        status = draw(st.sampled_from(ConfirmationStatus))
        resolved = status is not ConfirmationStatus.PENDING
        since = draw(_optional(st.dates(min_value=dt.date(1900, 1, 1), max_value=as_of)))
        confirmations.append(
            Confirmation(
                id=confirmation_id,
                what=draw(TEXT),
                awaited_from=draw(_texts(min_size=1)),
                status=status,
                since=since,
                reported_by=draw(some_sources),
                note=draw(_optional(TEXT)),
                # Resolved between when it was first reported and when the brief was last revised.
                resolved_on=draw(st.dates(min_value=since or dt.date(1900, 1, 1), max_value=latest))
                if resolved
                else None,
                resolution=draw(TEXT) if resolved else None,
            )
        )
    quotes = tuple(
        Quote(
            speaker=draw(TEXT),
            text=draw(TEXT),
            role=draw(_optional(TEXT)),
            said_on=draw(_optional(DATES)),
            context=draw(_optional(TEXT)),
            source=draw(_optional(st.sampled_from(source_ids))) if source_ids else None,
            translated=draw(st.booleans()),
        )
        for _ in range(draw(st.integers(0, 3)))
    )
    stops = []
    for _ in range(draw(st.integers(0, 3))):
        start = draw(_optional(DATES))
        end = draw(_optional(st.dates(min_value=start or dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))))
        stops.append(
            Stop(
                place=draw(TEXT),
                country=draw(_optional(TEXT)),
                when=draw(_optional(TEXT)),
                start=start,
                end=end,
                approximate=draw(st.booleans()),
                certainty=draw(_optional(st.sampled_from(Certainty))),
                status=draw(st.sampled_from(StopStatus)),
                purpose=draw(_optional(TEXT)),
                confirmation=draw(_optional(st.sampled_from(confirmation_ids))) if confirmation_ids else None,
                sources=draw(some_sources),
            )
        )
    return Brief(1, meta, summary, quotes, tuple(confirmations), tuple(stops), sources)


def _known_keys() -> list[str]:
    keys = {"schema_version", "x", *TABLES, *ARRAYS}
    for fields in (*TABLES.values(), *ARRAYS.values()):
        keys.update(fields)
    return sorted(keys)


_UTC_OFFSETS = st.builds(lambda minutes: dt.timezone(dt.timedelta(minutes=minutes)), st.integers(-1439, 1439))
"""The time zones a TOML file can hold: offsets in whole minutes (what tomllib reads them as)."""


def _toml_scalars(allow_nan: bool) -> st.SearchStrategy[Any]:
    """Any value a TOML file can hold that is not a table or an array."""
    return st.one_of(
        st.text(ANY_CHARACTER, max_size=20),
        st.integers(-(2**63), 2**63 - 1),
        st.floats(allow_nan=allow_nan),
        st.booleans(),
        DATES,
        st.datetimes(),
        st.datetimes(timezones=_UTC_OFFSETS),
        st.times(),
    )


_KEYS = st.sampled_from(_known_keys()) | st.text(ANY_CHARACTER, max_size=8)
_SCALARS = _toml_scalars(allow_nan=True)
TOML_DOCUMENTS = st.recursive(
    st.dictionaries(_KEYS, _SCALARS, max_size=4),
    lambda children: st.dictionaries(_KEYS, children | st.lists(children, max_size=3) | _SCALARS, max_size=5),
    max_leaves=25,
)
"""Any TOML document, its keys mostly the format's own: the validator must locate every problem in it."""


def extension_tables(allow_nan: bool = False) -> st.SearchStrategy[dict[str, Any]]:
    """An author's ``[x]`` table: any TOML, nested tables, arrays of tables and of values (nan only if asked:
    it is never equal to itself)."""
    scalars = _toml_scalars(allow_nan)
    keys = st.text(ANY_CHARACTER, max_size=8)
    return st.recursive(
        st.dictionaries(keys, scalars | st.lists(scalars, max_size=3), max_size=4),
        lambda children: st.dictionaries(
            keys, children | st.lists(children, min_size=1, max_size=3) | scalars, max_size=5
        ),
        max_leaves=20,
    )
