"""The full detail of one item, over the brief: every field, labelled; esc returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, NamedTuple

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content

from briefing.format.model import Brief, Confirmation, ConfirmationStatus, Quote, Reliability, Source, Stop
from briefing.present.fact_lines import SEPARATOR
from briefing.present.sections import Section
from briefing.present.sourcing import citing, graded
from briefing.present.wording import day, days, place, stop_window
from briefing.ui.backdrop import Dialog, compose_ahead
from briefing.ui.keys import DETAIL_BINDINGS, SCROLL_BINDINGS, hint
from briefing.ui.messages import CopyText, EditFile, OpenLink, ResolveConfirmation
from briefing.ui.next_frame import refresh_now
from briefing.ui.panes.confirmations import status_words
from briefing.ui.scroll_ahead import scrollbar_ahead
from briefing.ui.widgets.key_footer import KeyFooter
from briefing.ui.widgets.path_line import PathLine
from briefing.ui.widgets.two_columns import TwoColumns

Row = tuple[str, Content | str | None]

LABEL_WIDTH = 16
"""The labels' column; each value wraps beside its label."""
KEPT_DETAIL = "detail"
"""The name the detail dialog is kept installed under, shown again for the next item opened."""


def _sources(brief: Brief, ids: Iterable[str]) -> Content | None:
    """The sources, a line each, as the panes name them (``Vedomosti (B)``), with the id the file names them by."""
    lines = [Content.assemble(graded(brief, source_id), (f"  ·  id {source_id}", "dim")) for source_id in ids]
    return Content("\n").join(lines) if lines else None


def _day(date: dt.date | None) -> str | None:
    return day(date) if date else None


def quote_rows(quote: Quote, brief: Brief) -> list[Row]:
    return [
        ("Speaker", Content.styled(quote.speaker, "bold")),
        ("Role", quote.role),
        ("Said on", _day(quote.said_on)),
        ("Quote", Content.assemble(("“", "$accent"), quote.text, ("”", "$accent"))),
        ("Translated", "yes, the published text is a translation" if quote.translated else None),
        ("Context", quote.context),
        ("Source", _sources(brief, [quote.source] if quote.source else [])),
    ]


def _since(item: Confirmation, brief: Brief, today: dt.date) -> str | None:
    """When it was first reported, and how long ago: to today, and (when today is not the brief's date) to the
    brief's as_of too: ``12 Jun 2024  ·  900 days ago  ·  0 days at the brief's as-of``."""
    age = item.age_days(today)
    if item.since is None or age is None:
        return None
    if today == brief.meta.as_of:
        return f"{day(item.since)} (age {days(age)} as of {day(today)})"
    at_as_of = item.age_days(brief.meta.as_of)
    then = f"{SEPARATOR}{days(at_as_of)} at the brief's as-of" if at_as_of is not None else ""
    when = f"{days(age)} ago" if age >= 0 else days(age)  # today set before it was reported: "in 10 days"
    return f"{day(item.since)}{SEPARATOR}{when}{then}"


def confirmation_rows(item: Confirmation, brief: Brief, today: dt.date) -> list[Row]:
    since = _since(item, brief, today)
    return [
        ("Claim", Content.styled(item.what, "bold")),
        ("Status", status_words(item.status)),
        ("Awaited from", ", ".join(item.awaited_from)),
        ("Reported since", since),
        ("Reported by", _sources(brief, item.reported_by)),
        ("Note", item.note),
        ("Resolved on", _day(item.resolved_on)),
        ("Resolution", item.resolution),
        ("Id", item.id),
    ]


def _standing(stop: Stop, brief: Brief, today: dt.date) -> Content | None:
    """Where the stop stands on ``today``: ``past: ended 23 Jun 2024, 5 months ago``, ``now``, ``in 5 days``;
    flagged when it passed while still planned and unconfirmed."""
    from briefing.present.ages import ago
    from briefing.present.timing import PASSED_UNCONFIRMED, Phase, bounds, phase, stop_flagged

    window = bounds(stop.start, stop.end)
    if window is None:
        return None
    first, last = window
    when = phase(stop.start, stop.end, today)
    if when is Phase.PAST:
        ended = f"ended {day(last)}, {ago(last, today)}"
        if stop_flagged(brief, stop, today):
            still = f": {ended}, still {stop.status.value}, and what it waits on is still pending"
            return Content.assemble((f"‼ {PASSED_UNCONFIRMED}", "bold $text-error"), still)
        return Content(f"past: {ended}")
    if when is Phase.CURRENT:
        return Content.assemble(("● now", "bold $text-success"), f": {day(first)} to {day(last)}")
    return Content(f"upcoming: begins {ago(first, today)}")


def stop_rows(stop: Stop, brief: Brief, today: dt.date | None = None) -> list[Row]:
    waited = brief.confirmation(stop.confirmation) if stop.confirmation else None
    waits_on: Content | str | None = stop.confirmation
    if waited:
        waits_on = Content.assemble(
            (waited.what, "bold"), "\n", status_words(waited.status), ("  ·  awaited from ", "dim"),
            ", ".join(waited.awaited_from), ("  ·  id ", "dim"), waited.id,
        )  # fmt: skip
    return [
        ("Place", Content.styled(place(stop), "bold")),
        ("As reported", f"“{stop.when}”" if stop.when else None),
        ("Window", _window_words(stop)),
        ("On " + day(today) if today else "Today", _standing(stop, brief, today) if today else None),
        ("Certainty", stop.certainty.words if stop.certainty else None),
        ("Status", stop.status.value),
        ("Purpose", stop.purpose),
        ("Waits on", waits_on),
        ("Sources", _sources(brief, stop.sources)),
    ]


def _window_words(stop: Stop) -> str | None:
    window = stop_window(stop)
    if window is None:
        return None
    return f"{window}  (approximate)" if stop.approximate else window


def _scale(grade: Reliability) -> Content:
    """The reliability scale, a grade a line, ``grade`` marked."""
    lines = [Content.styled(f"{each.value}  {each.words}", "bold" if each is grade else "dim") for each in Reliability]
    return Content("\n").join(lines)


def source_rows(source: Source, brief: Brief) -> list[Row]:
    citations = [words for _section, _index, words in citing(brief, source.id)]
    return [
        ("Outlet", Content.styled(source.outlet, "bold")),
        ("Kind", source.kind.words if source.kind else None),
        ("Title", source.title),
        ("Published", _day(source.published)),
        ("Link", source.url),
        ("Reliability", _scale(source.reliability) if source.reliability else None),
        ("Cited by", "\n".join(citations) or "nothing in this brief"),
        ("Id", source.id),
    ]


class DetailScroll(VerticalScroll):
    """The item's fields: j, k, g and G scroll a long one, as in the keys' list."""

    BINDINGS = [*SCROLL_BINDINGS]


class DetailItem(NamedTuple):
    """What a detail shows: the item's heading, rows and place in the file (``where``); ``text``, the item as plain
    text, for y; ``link``, where o goes; ``confirmation``, the confirmation shown, which c, d and p then act on;
    ``line``, the item's line in the file, where e opens it (neither, for a past version: nothing edits it)."""

    heading: str
    rows: list[Row]
    where: str | None
    text: str = ""
    link: str | None = None
    confirmation: Confirmation | None = None
    line: int | None = None


def show_detail(app: App[Any], item: DetailItem) -> None:
    """Push the detail of ``item``: the one detail dialog kept installed, given this item, unless it is on screen
    already (then a new one)."""
    kept = app.get_screen(KEPT_DETAIL) if app.is_screen_installed(KEPT_DETAIL) else None
    if kept is None:
        app.install_screen(DetailScreen(item), KEPT_DETAIL)
    elif isinstance(kept, DetailScreen) and kept not in app.screen_stack:
        kept.show_item(item)
    else:
        app.push_screen(DetailScreen(item))
        return
    app.push_screen(KEPT_DETAIL)


def compose_detail_ahead(app: App[Any], item: DetailItem) -> None:
    """Make the kept detail dialog now, showing ``item``, unless there is one: the first enter of a session then
    shows it as every later one does (`show_detail`)."""
    if not app.is_screen_installed(KEPT_DETAIL):
        app.install_screen(DetailScreen(item), KEPT_DETAIL)
        compose_ahead(app, KEPT_DETAIL)


class DetailScreen(Dialog[None]):
    """One item in full, in a box over the brief."""

    BINDINGS = [*DETAIL_BINDINGS]

    def __init__(self, item: DetailItem) -> None:
        super().__init__()
        self.show_item(item)

    def show_item(self, item: DetailItem) -> None:
        """Show ``item``: in a new detail, as it is composed; in one kept for the next enter (composing and mounting
        a dialog was most of the time enter took), at once."""
        heading, rows, where, text, link, confirmation, line = item
        self.confirmation = confirmation
        self.line = line
        self.heading = heading
        self.rows = [(label, value) for label, value in rows if value]
        self.where = where
        self.text = text
        """The item as plain text, for y."""
        self.link = link
        """Where o goes, if anywhere."""
        if not self.is_mounted:
            return
        box = self.query_one("#detail", DetailScroll)
        self._label(box)
        self.query_one(TwoColumns).show(self._rows_shown())
        path = self.query_one(PathLine)
        path.where, path.display = where or "", bool(where)
        path.refresh()
        box.scroll_home(animate=False, immediate=True)
        # The whole dialog in its first frame: the widgets just changed asked to be drawn first, and were, alone, over
        # the screen behind undimmed, a frame before the rest (the screen asks for itself when it is next idle).
        refresh_now(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resolve":
            item = self.confirmation
            if item is None:
                return False
            pending = item.status is ConfirmationStatus.PENDING
            return pending != (parameters == ("pending",))
        if action == "edit":
            return self.line is not None
        if action == "open_link":
            return self.link is not None
        return True

    def action_resolve(self, status: str) -> None:
        """c, d or p on the confirmation shown: the detail closes, and the brief's own c, d or p takes over."""
        item = self.confirmation
        if item is not None:
            self.dismiss()
            self.app.post_message(ResolveConfirmation(item, ConfirmationStatus(status)))

    def action_edit(self) -> None:
        self.dismiss()
        self.app.post_message(EditFile(self.line))

    def action_copy(self) -> None:
        self.post_message(CopyText(self.text, self.heading.split()[0].lower()))

    def action_open_link(self) -> None:
        self.post_message(OpenLink(self.link))

    def compose(self) -> ComposeResult:
        with DetailScroll(id="detail") as box:
            self._label(box)
            yield TwoColumns(self._rows_shown(), LABEL_WIDTH, id="detail-rows")
            path = PathLine(self.where or "", id="detail-where")
            path.display = bool(self.where)
            yield path
        yield KeyFooter()  # the keys of this view, over the screen's own

    def _label(self, box: VerticalScroll) -> None:
        box.border_title = Content(f" {self.heading} ")
        links = ("detail.open_link",) if self.link else ()
        box.border_subtitle = hint(self, "detail.copy", *links, "detail.back")

    def _rows_shown(self) -> list[tuple[Content, Content]]:
        return [(Content.styled(label, "dim"), value if isinstance(value, Content) else Content(value))
                for label, value in self.rows]  # fmt: skip

    def on_mount(self) -> None:
        box = self.query_one("#detail")
        scrollbar_ahead(box)
        box.focus()

    def action_back(self) -> None:
        self.dismiss()


def detail_of(brief: Brief, section: Section, index: int, today: dt.date) -> tuple[str, list[Row], int | None] | None:
    """Item ``index`` of ``section`` in full: its heading, its rows and its line; None for the summary."""
    if section is Section.QUOTES:
        quote = brief.quotes[index]
        return section.item, quote_rows(quote, brief), quote.line
    if section is Section.CONFIRMATIONS:
        confirmation = brief.confirmations[index]
        return section.item, confirmation_rows(confirmation, brief, today), confirmation.line
    if section is Section.ITINERARY:
        stop = brief.itinerary[index]
        return f"{section.item} {index + 1} of {len(brief.itinerary)}", stop_rows(stop, brief, today), stop.line
    if section is Section.SOURCES:
        source = brief.sources[index]
        return section.item, source_rows(source, brief), source.line
    return None
