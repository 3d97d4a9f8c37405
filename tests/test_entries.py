"""What the index keeps of one file (``briefing.library.entries.record``), whatever the file is, and a brief's next
stop as the lists show it."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from briefing.format.model import Problem
from briefing.library.entries import IndexedBrief, StopItem, problem_record, record
from tests.conftest import MINIMAL_BRIEF

FULL = (
    MINIMAL_BRIEF.replace("as_of = 2024-06-12", 'as_of = 2024-06-12\ntags = ["one", "two"]')
    + """
[[confirmations]]
id = "c"
what = "The dates"
awaited_from = ["Kremlin", "MFA"]
status = "pending"
since = 2024-06-10

[[itinerary]]
place = "Pyongyang"
country = "North Korea"
start = 2024-06-17

[[itinerary]]
place = "Hanoi"
start = 2024-06-20
"""
)


def test_a_brief_is_kept_with_the_text_the_filter_looks_in(tmp_path: Path) -> None:
    path = tmp_path / "full.toml"
    path.write_text(FULL, encoding="utf-8")
    kept = record(path)
    info = path.stat()
    assert (kept.path, kept.size, kept.mtime_ns, kept.inode) == (os.fsencode(path), info.st_size, info.st_mtime_ns,
                                                                 info.st_ino)  # fmt: skip
    assert (kept.title, kept.as_of, kept.tags, kept.problems) == ("Minimal", dt.date(2024, 6, 12), ("one", "two"), ())
    lines = kept.text.splitlines()
    assert lines == ["Minimal", "one two", "Only what is required.", "Pyongyang North Korea", "Hanoi ",
                     "The dates Kremlin MFA"]  # fmt: skip


def test_a_file_that_is_not_a_brief_is_kept_as_a_problem_with_its_stamp(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('[brief]\ntitle = "Still titled"\n', encoding="utf-8")
    kept = record(broken)
    info = broken.stat()
    assert (kept.size, kept.mtime_ns, kept.inode) == (info.st_size, info.st_mtime_ns, info.st_ino)
    assert kept.title == "Still titled" and kept.problems and all(p.file == str(broken) for p in kept.problems)
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    kept = record(fifo)
    info = fifo.stat()
    assert kept.problems == (Problem(str(fifo), "is not a regular file"),)
    assert (kept.path, kept.size, kept.mtime_ns, kept.inode) == (os.fsencode(fifo), info.st_size, info.st_mtime_ns,
                                                                 info.st_ino)  # fmt: skip
    assert (kept.title, kept.text) == ("fifo.toml", "fifo.toml\nfifo.toml")
    dangling = tmp_path / "dangling.toml"
    dangling.symlink_to(tmp_path / "nowhere")
    kept = record(dangling)
    assert kept.problems == (Problem(str(dangling), "is a symlink that leads nowhere"),)
    assert (kept.size, kept.mtime_ns, kept.inode) == (-1, -1, -1)


def test_a_problem_record_is_named_safely_and_holds_nothing_else() -> None:
    problems = (Problem("/x", "bad"),)
    kept = problem_record(Path("/briefs/a\x1bb.toml"), problems)
    assert kept == (os.fsencode("/briefs/a\x1bb.toml"), -1, -1, -1, "a\\x1bb.toml", None, None, None, (), problems, "",
                    "a\\x1bb.toml\na\\x1bb.toml", (), ())  # fmt: skip
    assert problem_record(Path("/"), problems).title == "/", "a path with no name is named by itself"
    titled = problem_record(Path("/briefs/a.toml"), problems, title="A title")
    assert (titled.title, titled.text) == ("A title", "A title\na.toml")


def stop(index: int, start: str | None, status: str = "planned") -> StopItem:
    day = dt.date.fromisoformat(start) if start else None
    return StopItem(index, f"Stop {index}", None, day, None, False, None, status)


def test_the_next_stop_is_the_first_not_done_nor_over_on_the_day_asked() -> None:
    brief = IndexedBrief("/b.toml", 1, 1, "B", dt.date(2024, 6, 12), None, (), (), (), (
        stop(0, "2024-06-10"), stop(1, "2024-06-15", "cancelled"), stop(2, "2024-06-18"), stop(3, None),
    ))  # fmt: skip
    assert brief.next_stop(None) == brief.stops[2], "on its own as_of: the 10th is over, the 15th cancelled"
    assert brief.next_stop(dt.date(2024, 6, 1)) == brief.stops[0]
    assert brief.next_stop(dt.date(2024, 6, 19)) == brief.stops[3], "an undated stop has not ended"
    undated = IndexedBrief(
        "/c.toml", 1, 1, "C", None, None, (), (Problem("/c.toml", "bad"),), (), (stop(0, "2024-06-10"),)
    )
    assert undated.next_stop(None) is None, "no date to count from"
    assert undated.next_stop(dt.date(2024, 6, 1)) == undated.stops[0]
    done = IndexedBrief("/d.toml", 1, 1, "D", dt.date(2024, 6, 12), None, (), (), (), (stop(0, "2024-06-01"),))
    assert done.next_stop(None) is None
