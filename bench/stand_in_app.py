"""Yardsticks for bench/first_paint.py: the bundled brief's first screen built from Textual's own widgets alone.

usage: python bench/stand_in_app.py BRIEF [--few]

Not briefing: no validation, no Markdown, no ages or marks, nothing focusable but the lists. It shows what a
screen of the same text and the same layout costs Textual itself, so that a first open's figure can be read
against what any Textual app would take for it:
  - by default, a widget for each part, as briefing's first screen has them (19 nodes: header, tabs, the
    summary's six parts in a scrolling pane, the hidden quotes and sources, the pending and itinerary lists);
  - with --few, the same text in three Statics (header with tabs, and one bordered Static per column) and a footer.
"""

from __future__ import annotations

import sys
import tomllib
from typing import Any

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import OptionList, Static

CSS = """
#left { width: 3fr; }
#right { width: 2fr; }
.pane { border: round $primary; border-title-align: left; border-subtitle-align: right; height: 1fr; padding: 0 1; }
.hidden { display: none; }
.title { text-style: bold; }
.meta { color: $text-muted; }
.gap { margin-top: 1; }
"""

HEADING = "{name}   today 6 Dec 2026"
TABS = " 1 Summary   2 Quotes ({quotes})   3 Pending ({pending})   4 Itinerary ({stops})   5 Sources ({sources})"
FOOTER = "/ Find h History q Quit ? Keys e Edit"


class Parts:
    """The texts of the first screen, taken from the brief's TOML as written."""

    def __init__(self, path: str) -> None:
        with open(path, "rb") as file:
            brief: dict[str, Any] = tomllib.load(file)
        meta, summary = brief["brief"], brief["summary"]
        self.heading = HEADING.format(name=path.rsplit("/", 1)[-1])
        self.tabs = TABS.format(
            quotes=len(brief.get("quotes", [])),
            pending=len(brief.get("confirmations", [])),
            stops=len(brief.get("itinerary", [])),
            sources=len(brief.get("sources", [])),
        )
        self.title = meta["title"]
        self.meta = f"As of {meta['as_of']}  ·  {meta.get('category', '')}  ·  {', '.join(meta.get('tags', []))}"
        self.bluf = "BLUF  " + " ".join(summary["bluf"].split())
        self.points = "\n".join(f"• {point}" for point in summary.get("key_points", []))
        paragraphs = summary.get("body", "").replace("## ", "").split("\n\n")
        self.body = "\n\n".join(" ".join(paragraph.split()) for paragraph in paragraphs if paragraph.strip())
        self.quotes = [f"“{quote['text']}”\n{quote['speaker']}" for quote in brief.get("quotes", [])]
        self.sources = [source["outlet"] for source in brief.get("sources", [])]
        self.pending = [
            f"◌ {item['status'].upper()}\n{item['what']}\nAwaited from {', '.join(item['awaited_from'])}\n"
            f"{item.get('note', '')}"
            for item in brief.get("confirmations", [])
        ]
        self.stops = [
            f"{n}. {', '.join(filter(None, [stop['place'], stop.get('country')]))}\n"
            f"{stop['start']:%d}–{stop['end']:%d %b %Y}  “{stop.get('when', '')}”\n"
            f"{stop.get('certainty', '')}  ·  {stop.get('status', '')}  ·  {stop.get('purpose', '')}"
            for n, stop in enumerate(brief.get("itinerary", []), 1)
        ]


class StandIn(App[None]):
    CSS = CSS

    def __init__(self, parts: Parts, few: bool) -> None:
        super().__init__()
        self.parts = parts
        self.few = few

    def compose(self) -> ComposeResult:
        parts = self.parts
        if self.few:
            yield Static(f"{parts.heading}\n{parts.tabs}")
            with Horizontal():
                head = "\n\n".join([f"{parts.title}\n{parts.meta}", parts.bluf, f"Key points\n{parts.points}"])
                yield Static(f"{head}\n\n{parts.body}", id="left", classes="pane")
                yield Static("\n\n".join(parts.pending + parts.stops), id="right", classes="pane")
            yield Static(FOOTER)
            return
        yield Static(parts.heading)
        yield Static(parts.tabs)
        with Horizontal():
            with Vertical(id="left"), VerticalScroll(classes="pane") as summary:
                summary.border_title = "1 Summary"
                yield Static(parts.title, classes="title")
                yield Static(parts.meta, classes="meta")
                yield Static(parts.bluf, classes="gap")
                yield Static("Key points", classes="gap title")
                yield Static(parts.points)
                yield Static(parts.body, classes="gap")
            with Vertical(classes="hidden"):
                yield OptionList(*parts.quotes, classes="pane")
                yield OptionList(*parts.sources, classes="pane")
            with Vertical(id="right"):
                pending = OptionList(*parts.pending, classes="pane")
                pending.border_title = "3 Pending"
                yield pending
                stops = OptionList(*parts.stops, classes="pane")
                stops.border_title = "4 Itinerary"
                yield stops
        yield Static(FOOTER)


if __name__ == "__main__":
    StandIn(Parts(sys.argv[1]), few="--few" in sys.argv[2:]).run()
