"""``briefing log``'s words and JSON (``briefing.export.history``) built in process, and git's output read at its
edges (``briefing.library.history``): what the command-line tests check through a subprocess, here where a
mutant of the code is run too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.export.history import history_json, history_text, revision_heading, revision_lines
from briefing.library.history import NO_BLOB, History, Revision, _commit_facts, _parse_log, history, version_at
from briefing.system.git import GitError
from tests.git_fixtures import (
    CONFIRMED,
    MOVED,
    SEED_TEXT,
    brief_history,
    broken_and_mended,
    commit,
    git,
    new_repository,
)
from tests.test_history import LOG


def one_commit(tmp_path: Path, text: str, message: str) -> tuple[Path, Revision]:
    """A new repository whose one commit adds b.toml holding ``text``; the repository, and that revision."""
    repo = new_repository(tmp_path / "repo")
    path = repo / "b.toml"
    path.write_text(text, encoding="utf-8")
    commit(repo, message, "2024-06-12T09:00:00+00:00")
    (only,) = history(path).revisions
    return repo, only


def test_the_log_in_words_newest_first(tmp_path: Path) -> None:
    assert history_text(history(brief_history(tmp_path / "repo"))) == LOG


def test_the_log_as_json(tmp_path: Path) -> None:
    found = history(brief_history(tmp_path / "repo"))
    revisions = json.loads(history_json(found))
    confirmed = revisions[3]
    assert confirmed == {
        "commit": found.revisions[3].commit,
        "date": "2024-06-17",
        "author": "Ed Editor",
        "subject": "The Kremlin confirms the dates",
        "path": "old-name.toml",
        "created": False,
        "deleted": False,
        "problems": [],
        "changes": [
            {"section": "brief", "key": "updated", "kind": "added", "description": "updated date set to 17 Jun 2024"},
            {"section": "confirmations", "key": "visit-dates", "kind": "changed",
             "description": "confirmation visit-dates: pending → confirmed on 17 Jun 2024"},
        ],
    }  # fmt: skip
    assert len(confirmed["commit"]) == 40
    assert [(r["created"], r["path"]) for r in revisions] == [(False, "brief.toml")] * 3 + [
        (False, "old-name.toml"), (True, "old-name.toml"),
    ]  # fmt: skip
    assert history_json(found).startswith('[\n  {\n    "commit": ')


def test_uncommitted_broken_mended_and_deleted_in_words_and_json(tmp_path: Path) -> None:
    path = broken_and_mended(tmp_path / "repo")
    repo = path.parent
    path.write_text(MOVED, encoding="utf-8")
    found = history(path)
    lines = history_text(found).splitlines()
    assert lines[:2] == ["working copy  not committed", "    stop Vietnam: ~19–20 Jun 2024 → ~20–21 Jun 2024"]
    assert lines[3:5] == ["    mended the file: the version before could not be read as a brief", lines[4]]
    assert lines[5].startswith("    left the file with 1 problem: the string 'pendng' is not allowed")
    working, _mended, broken, _one = json.loads(history_json(found))
    assert (working["commit"], working["date"], working["author"]) == (None, None, "")
    assert broken["problems"][0].startswith("b.toml:") and "pendng" in broken["problems"][0]
    git(repo, "rm", "-qf", "b.toml")
    commit(repo, "Gone", "2024-06-15T09:00:00+00:00")
    (deleted, *_rest) = history(path).revisions
    assert revision_lines(deleted, "b.toml") == ["deleted the file"]
    assert json.loads(history_json(History("b.toml", (deleted,))))[0]["deleted"] is True


def test_the_newest_commit_broken_names_its_file(tmp_path: Path) -> None:
    _repo, only = one_commit(tmp_path, "schema_version = [", "Broken from the start")
    assert only.after is not None and only.after.problems[0].file == "b.toml"
    assert revision_lines(only, "b.toml")[0].startswith("left the file with 1 problem: TOML syntax")


def test_what_a_revision_did_in_each_case(tmp_path: Path) -> None:
    repo, two = one_commit(tmp_path, "schema_version = 1\n", "Two problems")
    assert revision_lines(two, "b.toml") == ["left the file with 2 problems: missing required table [brief]"]
    bare = SEED_TEXT.split("[[quotes]]")[0]
    (repo / "bare.toml").write_text(bare, encoding="utf-8")
    commit(repo, "Bare", "2024-06-13T09:00:00+00:00")
    (created,) = history(repo / "bare.toml").revisions
    assert revision_lines(created, "bare.toml") == ["created the brief"]
    assert revision_lines(created, "other.toml") == ["(the file was bare.toml)", "created the brief"]
    assert revision_heading(created) == f"{created.short}  13 Jun 2024  Ana Analyst  Bare"


def test_a_file_with_no_commits_and_a_heading_with_nothing_known() -> None:
    assert history_text(History("x\x1b.toml", ())) == "x\\x1b.toml has no commits yet.\n"
    assert history_json(History("x.toml", ())) == "[]\n"


def test_truncated_or_odd_log_output_is_read_without_a_crash() -> None:
    a, b = "a" * 40, "b" * 40
    assert list(_parse_log(f"\x1e{'1' * 40}\0\n:100644 100644 {a} {b} M".encode())) == [("1" * 40, a, b, "")]
    assert list(_parse_log(f"\x1e{'1' * 40}\0\n:100644 100644 {a} {b} R100\0old.toml".encode())) == [
        ("1" * 40, a, b, ""),
    ]  # fmt: skip
    assert list(_parse_log(b"")) == []
    assert NO_BLOB == "0" * 40


@pytest.mark.parametrize(("author_line", "expected"), [
    (b"author A>B <a@b> 1718182800 +0000", ("A>B", "2024-06-12")),  # a crafted object: the last > ends the mail
    (b"author Ann <x> <a@b> 1718182800 +0000", ("Ann", "2024-06-12")),  # the first < begins it, as git reads it
    (b"author A <a@b> 1718182800 +0000 extra", ("A", "2024-06-12")),
])  # fmt: skip
def test_commit_facts_of_crafted_author_lines(author_line: bytes, expected: tuple[str, str]) -> None:
    author, date, _subject = _commit_facts(author_line + b"\n\nSubject")
    assert (author, str(date)) == expected


def test_an_author_date_that_cannot_be_read_is_none() -> None:
    assert _commit_facts(b"author A <a@b> never +0000\n\nS")[1] is None


def test_the_version_at_a_revision_of_a_file_named_like_an_option_or_never_committed(tmp_path: Path) -> None:
    repo = new_repository(tmp_path / "repo")
    dashed = repo / "-p.toml"
    dashed.write_text(SEED_TEXT, encoding="utf-8")
    tabbed = repo / "a\tb.toml"
    tabbed.write_text(CONFIRMED, encoding="utf-8")
    commit(repo, "One", "2024-06-12T09:00:00+00:00")
    (repo / "other.toml").write_text(SEED_TEXT, encoding="utf-8")
    commit(repo, "Two", "2024-06-13T09:00:00+00:00")
    head = git(repo, "rev-parse", "--short=7", "HEAD").strip()
    assert version_at(dashed, "HEAD") == (head, SEED_TEXT.encode())
    assert version_at(tabbed, "HEAD") == (head, CONFIRMED.encode())
    untracked = repo / "untracked.toml"
    untracked.write_text(SEED_TEXT, encoding="utf-8")
    assert version_at(untracked, "HEAD") == (head, None)
    with pytest.raises(GitError, match=f"^no commit in {tmp_path / 'repo'} was made before 2024-06-01$"):
        version_at(dashed, "2024-06-01")
