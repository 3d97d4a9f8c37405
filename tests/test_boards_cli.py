"""`briefing pending` and `briefing agenda` for scripts, and calendars (`-f ics`): run as subprocesses of the
checkout, compared with what the app shows and parsed back with the formats' own libraries."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from icalendar import Calendar

from briefing.library.entries import PendingItem, StopItem
from briefing.library.index import Library
from briefing.ui.app import BriefingApp
from tests.apps import wait_until
from tests.conftest import MINIMAL_BRIEF
from tests.test_library import make_library
from tests.test_library_app import ready, rows


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=60, stdin=subprocess.DEVNULL, env={**os.environ, "NO_COLOR": "1"})  # fmt: skip


@pytest.fixture
def lib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    make_library(Path("lib"), 12)
    return tmp_path


def printed(view: str, cwd: Path, *options: str) -> list[dict[str, Any]]:
    done = run(view, "lib", "-f", "json", "--today", "2024-06-20", *options, cwd=cwd)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    found: list[dict[str, Any]] = json.loads(done.stdout)
    return found


@pytest.mark.parametrize(("view", "keys"), [("pending", ["p"]), ("agenda", ["a"])])
@pytest.mark.parametrize("words", ["", "hanoi"])
async def test_the_boards_print_what_the_app_shows_in_its_order(
    lib: Path, view: str, keys: list[str], words: str
) -> None:
    options = ("--filter", words) if words else ()
    printed_rows = [(row["brief"], row.get("id") or row["place"]) for row in printed(view, lib, *options)]
    app = BriefingApp(None, None, library=Library([Path("lib")], lib / "cache"), today=dt.date(2024, 6, 20))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press(*keys)
        if words:
            await pilot.press("slash", *words, "enter")

        def shown() -> list[tuple[str, str]]:
            items = [row for row in rows(screen).rows if isinstance(row, tuple)]
            return [(entry.path, item.id if isinstance(item, PendingItem) else item.place) for entry, item in items]

        await wait_until(pilot, lambda: screen._board_wanted is None and bool(shown()))
        on_screen = shown()
    assert printed_rows == on_screen
    assert len(printed_rows) > 0
    if words:
        assert len(printed_rows) < len(printed(view, lib))


def test_the_orders_are_the_apps(lib: Path) -> None:
    oldest = printed("pending", lib)
    newest = printed("pending", lib, "--order", "newest-first")
    assert [row["since"] for row in oldest] == sorted(row["since"] for row in oldest)
    assert [row["since"] for row in newest] == sorted((row["since"] for row in newest), reverse=True)
    by_place = [row["place"].casefold() for row in printed("agenda", lib, "--order", "by-place")]
    assert by_place == sorted(by_place)


def test_text_and_markdown_carry_the_columns_and_the_weeks(lib: Path) -> None:
    done = run("agenda", "lib", "--today", "2024-06-20", "--width", "100", cwd=lib)
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["Window", "Place", "Certainty", "As", "reported", "Brief"]
    assert all(len(line) <= 100 for line in lines)
    assert "━━ today 20 Jun 2024 ━━" in lines and any(line.startswith("── Week of ") for line in lines)
    markdown = run("pending", "lib", "-f", "markdown", "--today", "2024-06-20", cwd=lib).stdout
    assert markdown.startswith("| Since | Age | What | Awaited from | Brief |\n|---|---|---|---|---|\n")
    assert markdown.count("\n") == len(printed("pending", lib)) + 2


FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\tindented"]


def test_csv_cells_never_run_as_formulas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("lib").mkdir()
    confirmations = "".join(
        f'\n[[confirmations]]\nid = "c{number}"\nwhat = {json.dumps(what)}\nawaited_from = [{json.dumps(what)}]\n'
        f'status = "pending"\nsince = 2024-06-0{number + 1}\n'
        for number, what in enumerate(FORMULAS)
    )
    Path("lib/formulas.toml").write_text(MINIMAL_BRIEF.replace('"Minimal"', '"=cmd|calc"') + confirmations)
    done = run("pending", "lib", "-f", "csv", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    read = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [row["what"] for row in read] == ["'" + what for what in FORMULAS]
    assert {row["brief_title"] for row in read} == {"'=cmd|calc"}
    assert all(not cell.startswith(("=", "+", "-", "@", "\t")) for row in read for cell in row.values())


def test_the_boards_import_no_textual(lib: Path) -> None:
    code = "import sys; from briefing.cli import main; main(['agenda', 'lib']); print('textual' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=lib, timeout=60)
    assert done.stdout.splitlines()[-1] == "False"


def test_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    done = run("pending", "nowhere", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "briefing pending: error: no such file or directory: nowhere\n"


# -- calendars --------------------------------------------------------------------------------------------------------

ITINERARY = """
[[confirmations]]
id = "visit"
what = "The dates of the visit"
awaited_from = ["Kremlin"]
status = "pending"
since = 2024-06-10

[[confirmations]]
id = "done"
what = "The summit"
awaited_from = ["MFA"]
status = "confirmed"
since = 2024-06-10
resolved_on = 2024-06-11
resolution = "Announced."

[[itinerary]]
place = "Pyongyang"
country = "North Korea"
when = "next week"
start = 2024-06-17
end = 2024-06-23
certainty = "likely"
confirmation = "visit"

[[itinerary]]
place = "Hanoi"
country = "Vietnam"
start = 2024-06-20
approximate = true
status = "scheduled"
confirmation = "done"

[[itinerary]]
place = "Somewhere"
when = "later this year"
"""


def test_a_briefs_itinerary_as_a_calendar(tmp_path: Path) -> None:
    path = tmp_path / "visit.toml"
    path.write_text(MINIMAL_BRIEF + ITINERARY, encoding="utf-8")
    done = run("export", str(path), "-f", "ics", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "1 stop without dates left out of the calendar\n"
    calendar = Calendar.from_ical(done.stdout)
    first, second = calendar.walk("VEVENT")
    assert (first.decoded("dtstart"), first.decoded("dtend")) == (dt.date(2024, 6, 17), dt.date(2024, 6, 24))
    assert (second.decoded("dtstart"), second.decoded("dtend")) == (dt.date(2024, 6, 20), dt.date(2024, 6, 21))
    assert str(first["location"]) == "Pyongyang, North Korea" and str(second["location"]) == "Hanoi, Vietnam"
    assert (str(first["status"]), str(second["status"])) == ("TENTATIVE", "CONFIRMED")
    description = str(first["description"])
    for expected in ("Brief: Minimal (as of 2024-06-12)", "As reported: next week", "Certainty: likely",
                     "Waits on: The dates of the visit (awaited from Kremlin) — pending"):  # fmt: skip
        assert expected in description.splitlines()
    assert "Dates: ~20 Jun 2024 (approximate)" in str(second["description"]).splitlines()
    assert str(first["summary"]) == "Pyongyang, North Korea — Minimal"
    # The same stop gets the same UID on every run, and after its dates change: a calendar updates it.
    again = Calendar.from_ical(run("export", str(path), "-f", "ics", cwd=tmp_path).stdout)
    assert [str(event["uid"]) for event in again.walk("VEVENT")] == [str(first["uid"]), str(second["uid"])]
    path.write_text(MINIMAL_BRIEF + ITINERARY.replace("2024-06-23", "2024-06-25"), encoding="utf-8")
    moved = Calendar.from_ical(run("export", str(path), "-f", "ics", cwd=tmp_path).stdout).walk("VEVENT")[0]
    assert str(moved["uid"]) == str(first["uid"]) and moved.decoded("dtend") == dt.date(2024, 6, 26)


def test_hostile_text_cannot_add_lines_to_a_calendar(tmp_path: Path) -> None:
    injected = "Evil\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:planted"
    document = {"schema_version": 1, "brief": {"title": injected, "as_of": dt.date(2024, 6, 12)},
                "summary": {"bluf": "x"},
                "itinerary": [{"place": injected, "country": injected, "start": dt.date(2024, 6, 17)}]}  # fmt: skip
    path = tmp_path / "hostile.toml"
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    done = run("export", str(path), "-f", "ics", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    (event,) = Calendar.from_ical(done.stdout).walk("VEVENT")
    assert "UID:evil" not in done.stdout.replace("\n ", "").splitlines()
    assert "\nUID:evil" not in done.stdout and str(event["uid"]) != "evil"
    assert str(event["location"]).startswith("Evil")
    # Every line is folded to 75 octets, as RFC 5545 says (text mode has turned its CRLFs into newlines).
    assert all(len(line.encode("utf-8")) <= 75 for line in done.stdout.splitlines())


def test_the_librarys_agenda_as_one_calendar(lib: Path) -> None:
    done = run("agenda", "lib", "-f", "ics", "--today", "2024-06-20", cwd=lib)
    assert done.returncode == 0
    events = Calendar.from_ical(done.stdout).walk("VEVENT")
    stops = printed("agenda", lib)
    dated = [stop for stop in stops if stop["start"] or stop["end"]]
    assert len(events) == len(dated) > 0
    undated = len(stops) - len(dated)
    assert done.stderr == (f"{undated} stop{'s' if undated != 1 else ''} without dates left out of the calendar\n"
                           if undated else "")  # fmt: skip
    assert len({str(event["uid"]) for event in events}) == len(events)
    # The filter keeps the stops the agenda keeps under it.
    filtered = Calendar.from_ical(run("agenda", "lib", "-f", "ics", "--filter", "hanoi", cwd=lib).stdout)
    kept = [stop for stop in printed("agenda", lib, "--filter", "hanoi") if stop["start"] or stop["end"]]
    assert len(filtered.walk("VEVENT")) == len(kept) < len(events)
    assert sorted(str(event["location"]) for event in filtered.walk("VEVENT")) == sorted(
        ", ".join(part for part in (stop["place"], stop["country"]) if part) for stop in kept
    )


def test_every_stop_item_has_its_index(lib: Path) -> None:
    """The calendar finds a stop in its brief by its index: the index keeps it."""
    library = Library([Path("lib")], lib / "cache2")
    for _done in library.build():
        pass
    from briefing.library import queries

    for entry in queries.briefs(library.store, list(queries.ordered(library.store, 0, None))).values():
        assert [stop.index for stop in entry.stops] == list(range(len(entry.stops)))
        assert all(isinstance(stop, StopItem) for stop in entry.stops)


def test_wide_characters_take_two_cells_in_the_columns(tmp_path: Path) -> None:
    from rich.cells import cell_len

    root = tmp_path / "lib"
    root.mkdir()
    pending = '\n[[confirmations]]\nid = "c"\nwhat = "{what}"\nawaited_from = ["{who}"]\nstatus = "pending"\n'
    pending += "since = 2024-06-01\n"
    for number, (what, who) in enumerate([("東京での首脳会談の日程と場所", "外務省"), ("Dates", "Kremlin")]):
        text = MINIMAL_BRIEF.replace("Minimal", f"Brief {number}") + pending.format(what=what, who=who)
        (root / f"{number}.toml").write_text(text, encoding="utf-8")
    for width in (200, 58, 55):
        done = run("pending", "lib", "--today", "2024-06-20", "--width", str(width), cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        lines = done.stdout.splitlines()
        assert len(lines) == 3 and all(cell_len(line) <= width for line in lines)
        # Each column starts in the same cell on every line: the last one (Brief), found by its header.
        starts = [
            cell_len(line[: line.index(word)])
            for line, word in zip(lines, ("Brief", "Brief 0", "Brief 1"), strict=True)
        ]
        assert starts == [starts[0]] * 3
    assert "…" in lines[1] and "東京" in lines[1]  # at 55 cells the claim is cut, by cells


def test_the_agenda_from_and_until_a_date_keeps_the_stops_that_meet_it(lib: Path) -> None:
    every = printed("agenda", lib)
    dated = [stop for stop in every if stop["start"] or stop["end"]]
    assert len(dated) < len(every), "the library has stops with no dates, which a window leaves out"

    def days(stop: dict[str, Any]) -> tuple[str, str]:
        return (stop["start"] or stop["end"], stop["end"] or stop["start"])

    middle = sorted(days(stop)[0] for stop in dated)[len(dated) // 2]
    upcoming = printed("agenda", lib, "--from", middle)
    assert upcoming == [stop for stop in dated if days(stop)[1] >= middle]
    assert 0 < len(upcoming) < len(dated)
    begun = printed("agenda", lib, "--until", middle)
    assert begun == [stop for stop in dated if days(stop)[0] <= middle]
    assert printed("agenda", lib, "--from", middle, "--until", middle) == [
        stop for stop in dated if days(stop)[0] <= middle <= days(stop)[1]
    ]
    assert printed("agenda", lib, "--from", "today") == printed("agenda", lib, "--from", "2024-06-20")
    calendar = Calendar.from_ical(run("agenda", "lib", "-f", "ics", "--from", middle, cwd=lib).stdout)
    assert len(calendar.walk("VEVENT")) == len(upcoming)
    done = run("agenda", "lib", "--from", "tomorrow", cwd=lib)
    assert done.returncode == 2
    assert "argument --from: not a date like 2024-06-12, nor today: 'tomorrow'" in done.stderr
