"""Pane 3: claims reported but not yet confirmed, with their status in words and colour."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.content import Content

from briefing.format.model import Brief, Confirmation, ConfirmationStatus
from briefing.present.ages import Band, Thresholds, band
from briefing.present.sourcing import cited
from briefing.present.wording import day, days
from briefing.ui.facts import divider
from briefing.ui.keys import CONFIRMATION_BINDINGS
from briefing.ui.messages import ResolveConfirmation
from briefing.ui.panes.base import DatedPane, ItemList

STATUS_STYLE = {
    ConfirmationStatus.PENDING: "bold $warning",
    ConfirmationStatus.CONFIRMED: "bold $success",
    ConfirmationStatus.DENIED: "bold $error",
}
STATUS_MARK = {
    ConfirmationStatus.PENDING: "◌",
    ConfirmationStatus.CONFIRMED: "✔",
    ConfirmationStatus.DENIED: "✘",
}


def status_words(status: ConfirmationStatus) -> Content:
    return Content.styled(f"{STATUS_MARK[status]} {status.value.upper()}", STATUS_STYLE[status])


BAND_STYLE = {Band.FRESH: "", Band.AGEING: "bold $text-warning", Band.OVERDUE: "bold $text-error"}


def confirmation_prompt(
    item: Confirmation, brief: Brief, today: dt.date, thresholds: Thresholds | None = None
) -> Content:
    """A confirmation as the pending pane lists it: its status (and age while pending), the claim, whom it is
    awaited from, the outlets that reported it, the note and the resolution."""
    parts: list[str | Content | tuple[str, str]] = [status_words(item.status)]
    if item.status is ConfirmationStatus.PENDING:
        age = item.age_days(today)
        if age is not None:
            aged = band(age, thresholds or Thresholds())
            # Before its since date (today set earlier than the brief), it is yet to be reported.
            words = f"age {days(age)}" if age >= 0 else f"reported {days(age)}"
            parts += [("  ·  ", "dim"), (words, BAND_STYLE[aged] or "")]
            if aged is not Band.FRESH:
                parts += [divider(" "), (f"{aged.glyph} {aged.value}", BAND_STYLE[aged])]
    elif item.resolved_on:
        parts += [("  ·  ", "dim"), ("on ", "dim"), day(item.resolved_on)]
    parts += ["\n", (item.what, "bold"), "\n", ("Awaited from ", "dim"), ", ".join(item.awaited_from)]
    if item.since:
        parts += [("  ·  since ", "dim"), day(item.since)]
    if item.reported_by:
        parts += ["\n", ("Reported by ", "dim"), cited(brief, item.reported_by)]
    if item.note:
        parts += ["\n", (item.note, "italic")]
    if item.resolution:
        parts += ["\n", ("Resolution: ", "dim"), item.resolution]
    return Content.assemble(*parts)


class ConfirmationsPane(DatedPane):
    SECTION = "confirmations"

    BINDINGS = [*CONFIRMATION_BINDINGS]

    def __init__(self, brief: Brief, today: dt.date, thresholds: Thresholds | None = None) -> None:
        super().__init__(brief, today)  # ages count to it
        self.thresholds = thresholds or Thresholds()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A past version of the brief (from the history) is read-only."""
        return not (action in ("resolve", "reopen") and getattr(self.screen, "historic", None))

    def item_key(self, brief: Brief, index: int) -> object:
        return brief.confirmations[index].id

    def _current(self) -> Confirmation | None:
        index = self.query_one(ItemList).item_index
        return None if index is None else self.brief.confirmations[index]

    def action_resolve(self, status: str) -> None:
        item = self._current()
        if item is not None:
            self.post_message(ResolveConfirmation(item, ConfirmationStatus(status)))

    def action_reopen(self) -> None:
        item = self._current()
        if item is None:
            return
        if item.status is ConfirmationStatus.PENDING:
            self.notify("It is already pending.", markup=False)
            return
        self.post_message(ResolveConfirmation(item, ConfirmationStatus.PENDING))

    def item_prompts(self) -> list[Content]:
        brief = self.brief
        self.border_subtitle = (
            f" {len(brief.pending)} pending of {len(brief.confirmations)} " if brief.confirmations else ""
        )
        return [confirmation_prompt(item, brief, self.today, self.thresholds) for item in brief.confirmations]

    def compose(self) -> ComposeResult:
        yield ItemList(self.prompts(), "No pending confirmations.")
