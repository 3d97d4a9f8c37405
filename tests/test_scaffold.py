"""What `briefing new` writes (``briefing.format.scaffold``): the text, and where its first line points for the
schema."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from briefing.format.load import load_text
from briefing.format.scaffold import FOLDER_SCHEMA, schema_reference, skeleton, user_schema
from briefing.format.schema import SCHEMA_PATH

DAY = dt.date(2024, 6, 12)


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "data" / "deeper"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home / "briefing"


def test_the_new_brief_is_each_key_on_its_own_line_and_loads_clean(tmp_path: Path, data_home: Path) -> None:
    text = skeleton(tmp_path / "draft.toml", 'A "quoted" title', DAY)
    lines = text.splitlines()
    at = lines.index("[brief]")
    assert lines[at : at + 3] == ["[brief]", 'title = "A \\"quoted\\" title"', "as_of = 2024-06-12"]
    assert lines[1] == "# A brief in the briefing format. Watch it as you write it: `briefing draft.toml`."
    result = load_text(text, "draft.toml")
    assert result.problems == () and result.brief is not None
    assert (result.brief.meta.title, result.brief.meta.as_of) == ('A "quoted" title', DAY)


@pytest.mark.parametrize("title", ["", "   ", "\x1b[2J"])
def test_a_blank_title_is_refused_saying_so(tmp_path: Path, title: str) -> None:
    with pytest.raises(ValueError, match=r"^the title must not be empty$"):
        skeleton(tmp_path / "draft.toml", title, DAY)


def test_the_schema_is_a_folders_own_copy_named_relative_to_the_file(tmp_path: Path, data_home: Path) -> None:
    (tmp_path / FOLDER_SCHEMA).write_text("{}", encoding="utf-8")
    (tmp_path / "2024" / "06").mkdir(parents=True)
    assert schema_reference(tmp_path / "draft.toml") == FOLDER_SCHEMA
    assert schema_reference(tmp_path / "2024" / "06" / "draft.toml") == os.path.join("..", "..", FOLDER_SCHEMA)
    assert not data_home.exists(), "no user copy made where the folder has its own"


def test_else_the_users_own_copy_made_and_kept_up_to_date(tmp_path: Path, data_home: Path) -> None:
    kept = data_home / FOLDER_SCHEMA
    assert schema_reference(tmp_path / "draft.toml") == kept.as_uri()
    assert kept.read_bytes() == SCHEMA_PATH.read_bytes()
    stamp = kept.stat()
    assert user_schema() == kept
    again = kept.stat()
    assert (again.st_ino, again.st_mtime_ns) == (stamp.st_ino, stamp.st_mtime_ns), "the same copy: not written again"
    kept.write_text("{}", encoding="utf-8")
    assert user_schema() == kept
    assert kept.read_bytes() == SCHEMA_PATH.read_bytes(), "an old copy is brought up to date"


def test_else_the_packages_own_when_no_copy_can_be_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    assert user_schema() is None
    assert schema_reference(tmp_path / "draft.toml") == SCHEMA_PATH.as_uri()
    monkeypatch.setenv("XDG_DATA_HOME", "")
    monkeypatch.setenv("HOME", "")
    monkeypatch.setattr("briefing.system.locations.home", lambda: None)
    assert user_schema() is None
    assert schema_reference(tmp_path / "draft.toml") == SCHEMA_PATH.as_uri()
