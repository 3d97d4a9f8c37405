"""The library core: finding briefs, ordering and filtering, the boards, and the index cache."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
import tomli_w

from bench.gen_library import brief
from briefing.cli import _what_to_open
from briefing.format.load import load_path
from briefing.library import index as library_module
from briefing.library.cache import CACHE_VERSION
from briefing.library.discover import find_briefs
from briefing.library.entries import IndexedBrief, summarise
from briefing.library.index import Library
from briefing.library.views import AgendaHeading, TodayLine, agenda, arrange, pending_board
from briefing.system.settings import Settings
from tests.conftest import MINIMAL_BRIEF


def cache_of(lib: Library) -> Path:
    assert lib.cache_file is not None
    return lib.cache_file


def make_library(root: Path, count: int = 12) -> list[Path]:
    """``count`` generated briefs (deterministic), plus nothing else."""
    import random

    rng = random.Random(7)
    paths = []
    for number in range(count):
        as_of, document = brief(number, rng)
        path = root / f"{as_of.year}" / f"{as_of.isoformat()}-{number:02d}.toml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(tomli_w.dumps(document), encoding="utf-8")
        paths.append(path)
    return paths


def built(lib: Library) -> dict[str, IndexedBrief]:
    for _batch in lib.build():
        pass
    return lib.entries


def test_find_briefs_walks_directories_and_skips_hidden_ones(tmp_path: Path) -> None:
    make_library(tmp_path, 3)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.toml").write_text("", encoding="utf-8")
    (tmp_path / ".draft.toml").write_text("", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path)  # a symlink loop is not followed
    files, problems = find_briefs([tmp_path])
    assert len(files) == 3 and problems == []
    assert all(path.suffix == ".toml" and ".git" not in path.parts for path in files)


def test_bad_entries_are_reported_per_file(tmp_path: Path) -> None:
    make_library(tmp_path, 2)
    (tmp_path / "bytes.toml").write_bytes(b"\xff\xfe")
    (tmp_path / "empty.toml").write_text("", encoding="utf-8")
    (tmp_path / "other.toml").write_text("[tool.x]\na = 1\n", encoding="utf-8")
    (tmp_path / "dangling.toml").symlink_to(tmp_path / "nowhere.toml")
    entries = built(Library([tmp_path], tmp_path / "cache"))
    messages = {Path(path).name: entry.problems[0].message for path, entry in entries.items() if not entry.ok}
    assert messages == {
        "bytes.toml": "not UTF-8 text (byte 0xff cannot be decoded)",
        "empty.toml": "is empty; a brief needs schema_version, [brief] and [summary]",
        "other.toml": "missing required key `schema_version` (it is 1)",
        "dangling.toml": "is a symlink that leads nowhere",
    }
    assert sum(entry.ok for entry in entries.values()) == 2
    # The same words as `briefing check` and the app's problem list, which read it with load_path.
    for name, message in messages.items():
        assert load_path(tmp_path / name).problems[0].message == message


def test_arrange_orders_filters_and_puts_problems_first(tmp_path: Path) -> None:
    make_library(tmp_path, 12)
    (tmp_path / "broken.toml").write_text("nope", encoding="utf-8")
    entries = built(Library([tmp_path], tmp_path / "cache")).values()
    newest = arrange(entries)
    assert not newest[0].ok
    dates = [entry.as_of for entry in newest[1:]]
    assert dates == sorted(dates, reverse=True)  # type: ignore[type-var]
    oldest = arrange(entries, order=1)
    assert [entry.as_of for entry in oldest[1:]] == sorted(dates)  # type: ignore[type-var]
    titles = [entry.title.casefold() for entry in arrange(entries, order=2)[1:]]
    assert titles == sorted(titles)
    brief_7 = [entry for entry in entries if entry.title.startswith("Brief 7:")]
    assert arrange(entries, query="brief 7:") == brief_7
    word = brief_7[0].search.split()[3]
    assert all(word in entry.search for entry in arrange(entries, query=word.upper()))


def test_pending_board_is_oldest_first(tmp_path: Path) -> None:
    make_library(tmp_path, 12)
    rows = pending_board(built(Library([tmp_path], tmp_path / "cache")).values())
    assert rows
    since = [item.since for _entry, item in rows]
    assert since == sorted(since)  # type: ignore[type-var]
    assert all(item.what for _entry, item in rows)


def test_agenda_groups_stops_by_week_with_undated_apart(tmp_path: Path) -> None:
    make_library(tmp_path, 12)
    rows = agenda(built(Library([tmp_path], tmp_path / "cache")).values())
    headings = [row.label for row in rows if isinstance(row, AgendaHeading)]
    assert headings[-1] == "No dates reported"
    assert all(label.startswith("Week of ") for label in headings[:-1])
    week: dt.date | None = None
    for row in rows:
        if isinstance(row, AgendaHeading):
            week = None if row.label == "No dates reported" else dt.datetime.strptime(row.label[8:], "%d %b %Y").date()
            continue
        assert not isinstance(row, TodayLine), "no today given: no today line"
        _entry, stop = row
        start = stop.start or stop.end
        if week is None:
            assert start is None
        else:
            assert start is not None and week <= start < week + dt.timedelta(days=7)


def test_a_second_open_comes_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_library(tmp_path / "lib", 6)
    first = built(Library([tmp_path / "lib"], tmp_path / "cache"))
    calls: list[Path] = []
    real = summarise

    def counting(path: Path, info: os.stat_result) -> IndexedBrief:
        calls.append(path)
        return real(path, info)

    monkeypatch.setattr(library_module, "summarise", counting)
    second = built(Library([tmp_path / "lib"], tmp_path / "cache"))
    assert second == first and calls == []
    changed = next(iter(sorted((tmp_path / "lib").rglob("*.toml"))))
    changed.write_text(changed.read_text(encoding="utf-8").replace("Brief ", "Changed "), encoding="utf-8")
    os.utime(changed, ns=(1, 1))
    third = built(Library([tmp_path / "lib"], tmp_path / "cache"))
    assert calls == [changed]
    assert third[str(changed)].title.startswith("Changed ")


JUNK = [
    b"{not json",
    b'{"version": 99, "columns": {}}',
    b"[]",
    b'{"version": 2, "columns": {"path": ["x"]}}',
    b'{"version": 2, "columns": {"path": ["x"], "size": ["big"], "mtime_ns": [1], "title": ["t"], "as_of": [null],'
    b' "category": [null], "tags": [[]], "problems": [[]], "pending": [[]], "stops": [[]], "search": [""]}}',
    b'{"version": 2, "columns": {"path": ["x"], "size": [1], "mtime_ns": [1], "title": ["t"], "as_of": ["soon"],'
    b' "category": [null], "tags": [[]], "problems": [[]], "pending": [[]], "stops": [[]], "search": [""]}}',
]


@pytest.mark.parametrize("junk", JUNK)
def test_a_corrupt_or_foreign_cache_is_ignored_and_rebuilt(tmp_path: Path, junk: bytes) -> None:
    make_library(tmp_path / "lib", 3)
    lib = Library([tmp_path / "lib"], tmp_path / "cache")
    cache_of(lib).parent.mkdir(parents=True)
    cache_of(lib).write_bytes(junk)
    assert lib.cached() == {}
    assert len(built(lib)) == 3
    assert json.loads(cache_of(lib).read_bytes())["version"] == CACHE_VERSION


@pytest.mark.parametrize("planted", ["\x1b]52;c;UFdORUQ=\x07", "\u009b2J", "\u202eevil", "bell\x07"])
def test_a_cache_with_planted_escapes_is_not_trusted(tmp_path: Path, planted: str) -> None:
    make_library(tmp_path / "lib", 3)
    lib = Library([tmp_path / "lib"], tmp_path / "cache")
    built(lib)
    document = json.loads(cache_of(lib).read_bytes())
    document["columns"]["title"][0] = f"Title {planted}"
    cache_of(lib).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert lib.cached() == {}
    cache_of(lib).write_text(json.dumps(document), encoding="utf-8")
    assert lib.cached() == {}
    entries = built(Library([tmp_path / "lib"], tmp_path / "cache"))
    assert not any(planted in entry.title for entry in entries.values())


def test_refresh_notices_added_changed_and_removed_files(tmp_path: Path) -> None:
    paths = make_library(tmp_path / "lib", 3)
    lib = Library([tmp_path / "lib"], tmp_path / "cache")
    built(lib)
    assert lib.refresh() == ([], [])
    extra = tmp_path / "lib" / "new.toml"
    extra.write_text(MINIMAL_BRIEF, encoding="utf-8")
    paths[0].unlink()
    changed, gone = lib.refresh()
    assert [entry.path for entry in changed] == [str(extra)]
    assert gone == [str(paths[0])]


def test_what_to_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one, two = make_library(tmp_path / "lib", 2)
    defaults = Settings()
    assert _what_to_open([str(one)], defaults) == one
    assert _what_to_open([str(one), str(two)], defaults) == [one, two]
    assert _what_to_open([str(tmp_path / "lib")], defaults) == [tmp_path / "lib"]
    monkeypatch.setenv("BRIEFING_PATH", f"{one}{os.pathsep}{two}")
    assert _what_to_open([], defaults) == [one, two]
    # $BRIEFING_PATH comes before the settings' content path, which comes before the bundled briefs.
    assert _what_to_open([], Settings(content=(tmp_path / "lib",))) == [one, two]
    monkeypatch.delenv("BRIEFING_PATH")
    assert _what_to_open([], Settings(content=(tmp_path / "lib",))) == [tmp_path / "lib"]
    assert _what_to_open([], Settings(content=(one,))) == one
    bundled = _what_to_open([], defaults)
    assert isinstance(bundled, Path) and bundled.suffix == ".toml"
