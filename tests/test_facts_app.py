"""The app cuts its lines of facts between facts: never ``since 12`` at a line's end and ``Jun 2024`` on the next."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import cast

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from textual.content import Content
from textual.css.styles import RulesMap
from textual.widgets import Static

from briefing.present.fact_lines import SEPARATOR
from briefing.ui.app import BriefingApp
from briefing.ui.facts import Facts, cut_at, fact_spans, text_width
from briefing.ui.panes.base import _Prompt
from tests.apps import make_app, settle, until_still
from tests.conftest import SEED

TODAY = dt.date(2026, 11, 29)
CUT_DATE = re.compile(r"(since|updated|As of) \d{1,2}(?: [A-Z][a-z]{2})? *│")
"""A date cut at the end of a pane's line."""


def screen_lines(app: BriefingApp) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def updated_copy(tmp_path: Path) -> Path:
    path = tmp_path / "brief.toml"
    text = SEED.read_text(encoding="utf-8").replace(
        'category = "International"', 'category = "International"\nupdated = 2024-06-14'
    )
    assert "updated = " in text
    path.write_text(text, encoding="utf-8")
    return path


async def test_the_date_line_and_the_pending_items_keep_each_date_on_one_line(tmp_path: Path) -> None:
    app = make_app(updated_copy(tmp_path), today=TODAY)
    cut_by_plain_wrap = 0
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for width in range(100, 141, 2):
            await pilot.resize_terminal(width, 40)
            await until_still(pilot)
            lines = screen_lines(app)
            assert not [line for line in lines if CUT_DATE.search(line)], width
            assert any("updated 14 Jun 2024" in line for line in lines), width
            assert any("since 12 Jun 2024" in line for line in lines), width
            meta = app.screen.query_one("SummaryPane .meta", Static)
            assert isinstance(meta.visual, Facts)
            plain = [line.plain.rstrip() for line in meta.visual.content.wrap(meta.content_region.width)]
            cut_by_plain_wrap += any(re.search(r"(updated|As of) \d+$", line) for line in plain)
    assert cut_by_plain_wrap, "at some of these widths a wrap at any space cuts a date: the test shows the cut"


async def test_a_stops_flag_and_window_and_a_pendings_band_are_facts_of_their_own() -> None:
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lines = [line.strip("│ ") for line in screen_lines(app)]
        assert "1. Pyongyang, North Korea" in " ".join(lines)
        assert any(line.endswith("│ ‼ passed, unconfirmed") for line in lines)
        assert not any(line.endswith(("‼ passed,", "17–23 Jun", "◌ PENDING  The dates of Putin's")) for line in lines)


def test_a_pendings_band_is_a_fact_of_its_own() -> None:
    from briefing.format.load import load_path
    from briefing.ui.facts import cut_between_facts
    from briefing.ui.panes.confirmations import confirmation_prompt

    brief = load_path(SEED).brief
    assert brief is not None
    prompt = confirmation_prompt(brief.confirmations[0], brief, TODAY)
    assert cut_between_facts(prompt, 36).plain.splitlines()[0] == "◌ PENDING  ·  age 900 days ‼ overdue"
    assert cut_between_facts(prompt, 20).plain.splitlines()[:3] == ["◌ PENDING", "age 900 days", "‼ overdue"]


async def test_find_marks_a_fact_line_as_it_is_drawn() -> None:
    from briefing.ui.panes.base import CURRENT_MATCH_STYLE

    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"stale")
        await until_still(pilot)
        meta = app.screen.query_one("SummaryPane .meta", Static).visual
        assert isinstance(meta, Facts)
        cut = meta.at_width(68)
        assert cut.plain.splitlines()[0].endswith("⚠ stale, still pending")
        assert [cut.plain[span.start : span.end] for span in cut.spans if span.style == CURRENT_MATCH_STYLE] == [
            "stale"
        ]


RULES_SEEN: list[dict[str, object]] = [{}, {"line_pad": 1}, {"text_wrap": "nowrap"}, {"text_overflow": "ellipsis"}]
"""Rules an item list's options may be measured with."""
_item_lines = st.lists(
    st.lists(st.text(st.sampled_from("ab 東·\t"), max_size=14), min_size=1, max_size=4).map(SEPARATOR.join),
    min_size=1,
    max_size=4,
)


@settings(max_examples=300, deadline=None)
@example(["ab"], 2, {}).via("fits exactly: one line")
@example(["abc"], 2, {}).via("one cell too long: two lines")
@example(["abc"], 4, {"line_pad": 1}).via("the line's pad leaves two cells")
@example(["a\tb"], 4, {}).via("a tab is drawn eight cells wide")
@given(_item_lines, st.integers(min_value=1, max_value=24), st.sampled_from(RULES_SEEN))
def test_an_items_height_is_the_lines_it_is_drawn_in_whether_or_not_it_needed_cutting(
    lines: list[str], width: int, rules: dict[str, object]
) -> None:
    """An item whose every line fits is measured without cutting or wrapping it: as many lines as it has; the
    height is the one its lines cut between facts and wrapped give, at any width."""
    assume(text_width(cast(RulesMap, rules), width) >= 1)  # no room at all: Textual's own wrapping fails
    content = Content("\n".join(lines)).stylize("bold", 0, 2)
    cut = cut_at(content, fact_spans(content, text_width(cast(RulesMap, rules), width)))
    expected = cut.get_height(cast(RulesMap, rules), width)
    assert _Prompt(content, None).get_height(cast(RulesMap, rules), width) == expected
