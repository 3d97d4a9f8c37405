"""With NO_COLOR, every text on screen can still be read: none is a grey on a grey of nearly the same brightness."""

from __future__ import annotations

import datetime as dt

import pytest
from rich.style import Style
from textual.color import Color

from briefing.format.load import load_path
from briefing.ui.app import BriefingApp
from briefing.ui.legible import CLOSEST, MOVED_TO, is_decoration, legible_style
from tests.apps import settle
from tests.conftest import SEED


def faint_words(app: object) -> list[str]:
    """The words on screen whose colour is closer than CLOSEST to their background's brightness."""
    faint = []
    for strip in app.screen._compositor.render_strips():  # type: ignore[attr-defined]
        for text, style, control in strip:
            if (
                control
                or not text.strip()
                or is_decoration(text)
                or style is None
                or style.color is None
                or style.bgcolor is None
            ):
                continue
            if style.color.triplet is None or style.bgcolor.triplet is None:
                continue
            foreground, background = Color.from_rich_color(style.color), Color.from_rich_color(style.bgcolor)
            if abs(foreground.brightness - background.brightness) < CLOSEST:
                faint.append(text)
    return faint


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("keys", [["3", "j"], ["4"], ["3", "question_mark"]], ids=["pending", "itinerary", "keys"])
async def test_with_no_color_every_word_on_screen_can_be_read(
    monkeypatch: pytest.MonkeyPatch, keys: list[str], theme: str
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    # Every pending confirmation overdue, every stop passed.
    app = BriefingApp(SEED, load_path(SEED), today=dt.date(2026, 12, 6), theme=theme)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*keys)
        await pilot.pause()
        assert app.no_color and app.theme == theme
        text = "".join(segment.text for strip in app.screen._compositor.render_strips() for segment in strip)
        assert "passed, unconfirmed" in text and ("overdue" in text or "question_mark" in keys)
        assert faint_words(app) == []


def test_a_legible_colour_is_left_as_it_is_and_a_faint_one_moved_from_its_background() -> None:
    dark, light = Color(40, 40, 40), Color(220, 220, 220)
    assert legible_style(grey(200, 40), dark) == grey(200, 40)
    assert legible_style(grey(50, 40), dark).color == grey(round(255 * (dark.brightness + MOVED_TO)), None).color
    assert legible_style(grey(210, 220), light).color == grey(round(255 * (light.brightness - MOVED_TO)), None).color
    assert legible_style(grey(30, 40), dark).color == legible_style(grey(50, 40), dark).color, "on black: lighter"
    assert legible_style(grey(50, None), dark).color == legible_style(grey(50, 40), dark).color, "on its background"
    assert legible_style(grey(50, None), light) == grey(50, None)
    assert legible_style(Style(bold=True), dark) == Style(bold=True), "the terminal's own colour"
    assert is_decoration("──── ▇") and not is_decoration("‼ overdue") and not is_decoration("1. ")


def grey(text: int, behind: int | None) -> Style:
    background = Color(behind, behind, behind).rich_color if behind is not None else None
    return Style(color=Color(text, text, text).rich_color, bgcolor=background)
