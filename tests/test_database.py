"""Opening briefing's own SQLite files (``briefing.system.database``): made when new, set aside when not ours, the
folder made for them, and a file another app is making at the same moment."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from briefing.system import database
from briefing.system.database import open_ours, set_aside

SCHEMA = ("CREATE TABLE things (id INTEGER PRIMARY KEY)",)


def opened(file: Path, private: bool = False) -> sqlite3.Connection:
    if private:
        return open_ours(file, 1234, 1, SCHEMA, {"things"}, private=True)
    return open_ours(file, 1234, 1, SCHEMA, {"things"})


def test_the_folder_is_made_private_only_when_asked(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        opened(tmp_path / "shared" / "deeper" / "index.sqlite3").close()
        opened(tmp_path / "mine" / "state.sqlite3", private=True).close()
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "shared" / "deeper").stat().st_mode) == 0o755
    assert stat.S_IMODE((tmp_path / "mine").stat().st_mode) == 0o700


def test_a_file_that_cannot_be_made_ours_is_tried_twice_then_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tries: list[int] = []

    def refuse(*_args: object) -> bool:
        tries.append(1)
        return False

    monkeypatch.setattr(database, "prepare", refuse)
    with pytest.raises(sqlite3.DatabaseError, match=r"^a new index.sqlite3 could not be begun$"):
        opened(tmp_path / "index.sqlite3")
    assert len(tries) == 2


def test_a_new_file_another_app_is_writing_is_made_once_it_is_free(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "index.sqlite3"
    other = sqlite3.connect(file, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # its journal mode cannot be set now: SQLite says "locked" at once
    releaser = threading.Timer(0.3, lambda: other.execute("ROLLBACK"))
    releaser.start()
    try:
        connection = opened(file)
    finally:
        releaser.join()
        other.close()
    assert {row[0] for row in connection.execute("SELECT name FROM sqlite_master")} == {"things"}
    connection.close()


def test_set_aside_numbers_the_copies_and_replaces_the_last_when_all_are_taken(tmp_path: Path) -> None:
    file = tmp_path / "index.sqlite3"
    for number in range(1, 4):
        file.write_text(f"damaged {number}", encoding="utf-8")
        Path(f"{file}-wal").write_text(f"wal {number}", encoding="utf-8")
        set_aside(file)
    assert not file.exists()
    assert (tmp_path / "index.sqlite3.damaged").read_text(encoding="utf-8") == "damaged 1"
    assert (tmp_path / "index.sqlite3.damaged-3").read_text(encoding="utf-8") == "damaged 3"
    assert (tmp_path / "index.sqlite3.damaged-3-wal").read_text(encoding="utf-8") == "wal 3"
    for number in range(4, 1000):
        (tmp_path / f"index.sqlite3.damaged-{number}").write_text("old", encoding="utf-8")
    file.write_text("the newest", encoding="utf-8")
    set_aside(file)
    assert (tmp_path / "index.sqlite3.damaged-999").read_text(encoding="utf-8") == "the newest"
    assert not (tmp_path / "index.sqlite3.damaged-1000").exists()
