"""bench/stand_in_app.py, the yardstick bench.first_paint reads a first open against: both stand-ins show the texts
the bench waits for, all in their first frame, with as many widgets as they say."""

from __future__ import annotations

import pytest

from bench.first_paint import BODY_TEXT, BUNDLED, PANES_TEXT, STAND_INS, TITLE
from bench.stand_in_app import Parts, StandIn


@pytest.mark.parametrize(("name", "flags"), STAND_INS)
async def test_a_stand_in_shows_what_the_bench_waits_for(name: str, flags: list[str]) -> None:
    app = StandIn(Parts(str(BUNDLED)), few="--few" in flags)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        for needle in (TITLE, PANES_TEXT, BODY_TEXT):
            assert needle in shown
        nodes = len(list(app.screen.walk_children(with_self=True)))
        assert f"({nodes} nodes)" in name
