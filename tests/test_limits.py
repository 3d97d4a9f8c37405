"""Limits: files near the 1 MiB cap, very long strings, thousands of items, deep nesting and huge arrays.

Each is handled smoothly or refused with a clear error; none hangs or crashes. (How fast: bench/library.py for a
library, bench/bodies.py for bodies.)
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from briefing.format.load import MAX_FILE_BYTES, load_path, load_text
from briefing.present.screen_cut import for_display
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.widgets.body import BodyView
from tests.apps import make_app, settle, wait_until
from tests.conftest import SEED

READ = 60.0
"""How long a long body may take to be read and laid out in its thread before a test gives up: seconds alone,
many times that under coverage's tracer with more test workers than cores."""

BASE: dict[str, Any] = {
    "schema_version": 1,
    "brief": {"title": "Limits", "as_of": dt.date(2024, 6, 12)},
    "summary": {"bluf": "How big can it get."},
}


def write(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    document = {key: dict(value) if isinstance(value, dict) else value for key, value in BASE.items()}
    change(document)
    path = tmp_path / "limits.toml"
    path.write_text(tomli_w.dumps(document, multiline_strings=True), encoding="utf-8")
    assert path.stat().st_size <= MAX_FILE_BYTES
    return path


def long_title(document: dict[str, Any]) -> None:
    document["brief"]["title"] = "x" * 900_000


def long_body(document: dict[str, Any]) -> None:
    document["summary"]["body"] = ("A paragraph of the body that goes on. " * 6 + "\n\n") * 3000


def many_points(document: dict[str, Any]) -> None:
    document["summary"]["key_points"] = [f"Point {n} of many." for n in range(20_000)]


def many_tags(document: dict[str, Any]) -> None:
    document["brief"]["tags"] = [f"t{n}" for n in range(60_000)]


def thousands_of_items(document: dict[str, Any]) -> None:
    document["sources"] = [{"id": f"s{n}", "outlet": f"Outlet {n}"} for n in range(1000)]
    document["quotes"] = [{"speaker": f"Speaker {n}", "text": "Words. " * 20, "source": f"s{n}"} for n in range(1000)]
    document["confirmations"] = [
        {"id": f"c{n}", "what": f"Claim {n}", "awaited_from": ["Someone"], "status": "pending"} for n in range(1000)
    ]
    document["itinerary"] = [{"place": f"Place {n}", "confirmation": f"c{n}"} for n in range(1000)]


# Outside coverage's tracer, which doubled its time (see the README's note on the test command).
@pytest.mark.no_cover
@pytest.mark.parametrize(
    "change", [long_title, long_body, many_points, many_tags, thousands_of_items], ids=lambda f: f.__name__
)
async def test_a_huge_brief_opens_and_every_key_works(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    path = write(tmp_path, change)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen)
        for keys in (("G",), ("g",), ("2", "G", "enter"), ("escape", "3", "G"), ("4", "G"), ("5", "G"), ("1",)):
            await pilot.press(*keys)
            await pilot.pause()
        await pilot.press("/", *"zzz", "enter")
        await pilot.pause()
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, BriefScreen)


async def test_a_long_body_is_drawn_line_by_line(tmp_path: Path) -> None:
    app = make_app(write(tmp_path, long_body))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        body = app.screen.query_one("#part-body")
        assert isinstance(body, BodyView)
        await wait_until(pilot, lambda: body.parsed, READ)  # parsed away from the screen's thread: a long body
        assert body.virtual_size.height > 10_000
        await pilot.press("G")
        await pilot.pause()
        assert app.screen.query_one("SummaryScroll").scroll_offset.y > 10_000


async def test_a_long_body_shows_its_first_screens_as_text_until_it_is_read_as_markdown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from briefing.ui.widgets import body as body_module

    release = threading.Event()
    blocks_of = body_module._blocks_of

    def held(markdown: str) -> Any:
        release.wait(30)
        return blocks_of(markdown)

    monkeypatch.setattr(body_module, "_blocks_of", held)
    path = write(tmp_path, long_body)
    app = make_app(path)
    markdown = tomllib.loads(path.read_text(encoding="utf-8"))["summary"]["body"]
    assert len(markdown) > body_module.FIRST_DRAWN
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            view = app.screen.query_one("#part-body", BodyView)
            assert not view.parsed
            assert view.texts() == [markdown[: body_module.FIRST_DRAWN], body_module.STILL_TO_COME]
            assert 100 < view.virtual_size.height < 1_000
            release.set()
            await wait_until(pilot, lambda: view.parsed, READ)
            assert body_module.STILL_TO_COME not in view.texts()
            assert "".join(view.texts()).count("goes on.") == 6 * 3000
            await wait_until(pilot, lambda: view.virtual_size.height > 10_000)  # laid out again in the next frame
    finally:
        release.set()


async def test_a_long_body_is_laid_out_in_its_parse_thread_not_on_the_screen_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A paragraph of a megabyte took the screen's thread a third of a second to lay out, after its parse."""
    import threading

    from briefing.ui.widgets import body as body_module

    on_screen_thread: list[object] = []
    lay_out = body_module._lay_out

    def recorded(block: Any, *args: Any) -> Any:
        if threading.current_thread() is threading.main_thread():
            on_screen_thread.append(block)
        return lay_out(block, *args)

    monkeypatch.setattr(body_module, "_lay_out", recorded)
    url = "https://example.org/report"

    def linked_long_body(document: dict[str, Any]) -> None:
        long_body(document)
        document["summary"]["body"] = f"See [the report]({url}).\n\n" + document["summary"]["body"]

    app = make_app(write(tmp_path, linked_long_body))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        view = app.screen.query_one("#part-body", BodyView)
        await wait_until(pilot, lambda: view.parsed, READ)
        await wait_until(pilot, lambda: view.virtual_size.height > 10_000)
        await pilot.press("G")
        await pilot.pause()
        parsed = {id(block) for block in view._blocks}
        assert len(parsed) > 100
        assert [block for block in on_screen_thread if id(block) in parsed] == []
        lines, _starts = view._laid_out(view.content_size.width)
        assert " ".join(line.plain for line in lines).count("goes on.") == 6 * 3000
        # The link's text opens it by the number the screen's thread looks it up by.
        link = next(line for line in lines if "the report" in line.plain)
        clicks = {span.style.meta.get("@click") for span in link.spans if not isinstance(span.style, str)}
        assert f"open_link({view._links[url]})" in clicks


def test_a_file_over_the_limit_is_refused_with_the_limit_named(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_text(tomli_w.dumps({**BASE, "brief": {**BASE["brief"], "tags": ["tag"] * 200_000}}), encoding="utf-8")
    assert path.stat().st_size > MAX_FILE_BYTES
    (problem,) = load_path(path).problems
    assert "the limit is 1,048,576 bytes (1 MiB)" in problem.message


@pytest.mark.parametrize("depth", [50, 63, 64, 400, 5000])
def test_deep_nesting_is_an_error_not_a_crash(depth: int) -> None:
    text = tomli_w.dumps(BASE) + "[x]\nvalue = " + "[" * depth + "]" * depth + "\n"
    result = load_text(text)
    if depth <= 63:
        # The free [x] table may hold anything the limits allow (with the table, 64 containers): the brief loads.
        assert result.brief is not None and result.problems == ()
    else:
        assert result.brief is None
        (problem,) = result.problems
        assert (problem.key, problem.line) == ("x.value", 10)
        assert problem.message == "values are nested more than 64 deep (arrays or tables in one another)"
    arrays = tomli_w.dumps(BASE).replace('bluf = "How big can it get."', "bluf = " + "[" * depth + "1" + "]" * depth)
    problems = load_text(arrays).problems
    assert len(problems) == 1 and problems[0].key in ("summary.bluf", None)


async def test_only_the_screen_gets_cut_text(tmp_path: Path) -> None:
    app = make_app(write(tmp_path, long_title))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, BriefScreen)
        shown = app.screen.brief.meta.title
        assert shown.endswith("x… [890,000 more characters in the file]")
        await pilot.press("y")
        assert app.clipboard.startswith("x" * 900_000 + "\n"), "copying takes the whole title"


def test_a_brief_of_ordinary_size_is_drawn_as_it_is(tmp_path: Path) -> None:
    seed = load_path(SEED).brief
    assert seed is not None and for_display(seed) is seed
    result = load_path(write(tmp_path, many_tags))
    assert result.brief is not None
    shown = for_display(result.brief)
    assert len(shown.meta.tags) == 1001 and shown.meta.tags[-1] == "… and 59,000 more in the file"
    assert shown.summary == result.brief.summary


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_long_hidden_lists_are_measured_ahead_at_the_width_they_are_shown(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """So `2` on a thousand quotes does not wait for them all to be wrapped."""
    from briefing.ui.panes.base import ItemList

    app = make_app(write(tmp_path, thousands_of_items))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        items = app.screen.query_one("#quotes ItemList", ItemList)
        last = items._get_visual(items.options[-1])
        # About a second alone; several under the full suite's load with coverage (it went past 5 s once in CI).
        await wait_until(pilot, lambda: bool(last.heights), seconds=30)  # type: ignore[attr-defined]
        measured = {option: dict(items._get_visual(option).heights) for option in items.options}  # type: ignore[attr-defined]
        await pilot.press("2")
        await pilot.pause()
        assert items.virtual_size.height >= 2 * 1000
        after = {option: dict(items._get_visual(option).heights) for option in items.options}  # type: ignore[attr-defined]
        assert after == measured, "the list was shown at a width that was not measured ahead"


def _table_body(document: dict[str, Any]) -> None:
    """A 19 KB body: a table 3,000 columns wide."""
    columns = 3000
    header = "|" + "|".join(f"c{n}" for n in range(columns)) + "|"
    rule = "|" + "|".join("-" for _ in range(columns)) + "|"
    row = "|" + "|".join("x" for _ in range(columns)) + "|"
    document["summary"]["body"] = f"Before the table.\n\n{header}\n{rule}\n{row}\n\nAfter the table.\n"


# Outside coverage's tracer, which doubled its time (see the README's note on the test command).
@pytest.mark.no_cover
@pytest.mark.parametrize(
    "body",
    [
        "[" * 900_000,
        "![" * 450_000,
        "*a_" * 300_000,
    ],
    ids=["brackets", "images", "emphasis"],
)
async def test_a_pathological_body_opens_and_keys_work(tmp_path: Path, body: str) -> None:
    """Bodies that take markdown-it seconds: read as Markdown up to a budget, the rest as plain text, in a thread."""
    from briefing.present.body import body_links

    app = make_app(write(tmp_path, lambda document: document["summary"].update(body=body)))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        view = app.screen.query_one("#part-body", BodyView)
        await wait_until(pilot, lambda: view.parsed, READ)
        for keys in (("G",), ("g",), ("o",), ("3",), ("1",), ("slash", "a", "enter")):
            await pilot.press(*keys)
        await pilot.pause()
        assert app.is_running and view.virtual_size.height > 100
    assert body_links(body) == []


async def test_a_table_thousands_of_columns_wide_is_cut_to_the_width(tmp_path: Path) -> None:
    app = make_app(write(tmp_path, _table_body))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        view = app.screen.query_one("#part-body", BodyView)
        lines = [line.plain for line in view._laid_out(view.content_size.width)[0]]
        assert lines[0] == "Before the table."
        assert lines[2].startswith("c0 │ c1 │ c2") and lines[2].endswith("…") and len(lines[2]) <= 80
        assert "… and 2976 more columns, not shown" in lines
        assert lines[-1] == "After the table."
        for keys in ("j", "k", "G", "g", "2", "1"):
            await pilot.press(keys)
        await pilot.pause()
        assert app.is_running
