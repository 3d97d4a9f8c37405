"""A brief's history from git: ``briefing log``, the versions at a revision, and git run safely."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from briefing.library import history as history_module
from briefing.library.history import history, version_at
from briefing.system.git import GitError
from tests.conftest import ROOT
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

LOG = """\
b5d6338  19 Jun 2024  Ana Analyst  Quote Peskov
    quote added: Dmitry Peskov
4f57635  18 Jun 2024  Ed Editor  Vietnam a day later
    stop Vietnam: ~19–20 Jun 2024 → ~20–21 Jun 2024
d9b2305  17 Jun 2024  Ana Analyst  Rename the brief
    no change to what the brief says (layout or comments)
4fe8022  17 Jun 2024  Ed Editor  The Kremlin confirms the dates
    (the file was old-name.toml)
    updated date set to 17 Jun 2024
    confirmation visit-dates: pending → confirmed on 17 Jun 2024
6f0e2cf  12 Jun 2024  Ana Analyst  First brief on the visit
    (the file was old-name.toml)
    created the brief: 1 quote, 2 confirmations, 2 stops, 2 sources
"""


def run_checkout(*args: str, cwd: Path, path: str | None = None) -> subprocess.CompletedProcess[str]:
    """``briefing ARGS`` from this checkout (not an installed copy), as a user would run it in ``cwd``."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    if path is not None:
        environment["PATH"] = path
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, cwd=cwd,
                          env=environment, timeout=60, stdin=subprocess.DEVNULL, check=False)  # fmt: skip


def test_the_history_follows_renames_newest_first(tmp_path: Path) -> None:
    path = brief_history(tmp_path / "repo")
    found = history(path)
    assert found.path == "brief.toml"
    assert [(r.short, r.author, str(r.date)) for r in found.revisions] == [
        ("b5d6338", "Ana Analyst", "2024-06-19"),
        ("4f57635", "Ed Editor", "2024-06-18"),  # 08:30 on the 18th in the author's zone (+09:00), not UTC's 17th
        ("d9b2305", "Ana Analyst", "2024-06-17"),
        ("4fe8022", "Ed Editor", "2024-06-17"),
        ("6f0e2cf", "Ana Analyst", "2024-06-12"),
    ]
    assert [r.path for r in found.revisions] == ["brief.toml"] * 3 + ["old-name.toml"] * 2
    assert found.revisions[-1].created and not found.revisions[0].created


def test_briefing_log_prints_what_each_commit_changed(tmp_path: Path) -> None:
    brief_history(tmp_path / "repo")
    done = run_checkout("log", "brief.toml", cwd=tmp_path / "repo")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == LOG


def test_briefing_log_as_json(tmp_path: Path) -> None:
    brief_history(tmp_path / "repo")
    done = run_checkout("log", "brief.toml", "--format", "json", cwd=tmp_path / "repo")
    revisions = json.loads(done.stdout)
    assert [revision["subject"] for revision in revisions][:2] == ["Quote Peskov", "Vietnam a day later"]
    confirmed = revisions[3]
    assert confirmed["commit"].startswith("4fe8022") and confirmed["path"] == "old-name.toml"
    assert all(len(revision["commit"]) == 40 for revision in revisions)
    assert confirmed["changes"][1] == {
        "section": "confirmations", "key": "visit-dates", "kind": "changed",
        "description": "confirmation visit-dates: pending → confirmed on 17 Jun 2024",
    }  # fmt: skip
    assert revisions[-1]["created"] is True


def test_uncommitted_edits_come_first_and_broken_versions_are_said(tmp_path: Path) -> None:
    path = broken_and_mended(tmp_path / "repo")
    repo = path.parent
    assert [r.commit for r in history(path).revisions if not r.commit] == []  # clean: no working copy entry
    path.write_text(MOVED, encoding="utf-8")
    done = run_checkout("log", "b.toml", cwd=repo)
    lines = done.stdout.splitlines()
    assert lines[:2] == ["working copy  not committed", "    stop Vietnam: ~19–20 Jun 2024 → ~20–21 Jun 2024"]
    assert "    mended the file: the version before could not be read as a brief" in lines
    assert any(
        line.startswith("    left the file with 1 problem: the string 'pendng' is not allowed") for line in lines
    )


def test_in_a_repository_with_no_commit_yet_the_file_is_not_committed(tmp_path: Path) -> None:
    repo = new_repository(tmp_path / "repo")
    (repo / "b.toml").write_text(SEED_TEXT, encoding="utf-8")
    assert [(r.commit, r.subject) for r in history(repo / "b.toml").revisions] == [("", "not committed")]
    commit(repo, "One", "2024-06-12T09:00:00+00:00")
    for folder in (repo / ".git" / "objects").iterdir():
        if len(folder.name) == 2:
            shutil.rmtree(folder)
    with pytest.raises(GitError, match="bad object"):  # a damaged repository is said, not taken for a new one
        history(repo / "b.toml")


def test_briefing_log_in_a_repository_with_no_commit_yet(tmp_path: Path) -> None:
    repo = new_repository(tmp_path / "repo")
    (repo / "b.toml").write_text(SEED_TEXT, encoding="utf-8")
    done = run_checkout("log", "b.toml", cwd=repo)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines()[:2] == ["working copy  not committed", "    created the brief: 1 quote, "
                                            "2 confirmations, 2 stops, 2 sources"]  # fmt: skip


def test_not_in_a_repository_or_without_git_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "b.toml").write_text(SEED_TEXT, encoding="utf-8")
    done = run_checkout("log", "b.toml", cwd=tmp_path)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == "briefing log: b.toml is not in a git repository\n"
    brief_history(tmp_path / "repo")
    done = run_checkout("log", "brief.toml", cwd=tmp_path / "repo", path=str(tmp_path / "empty"))
    assert (done.returncode, done.stderr) == (1, "briefing log: git is not installed (no `git` on $PATH)\n")
    done = run_checkout("log", str(tmp_path / "repo"), cwd=tmp_path)
    assert done.returncode == 2 and "is a directory" in done.stderr
    done = run_checkout("log", "missing.toml", cwd=tmp_path)
    assert done.returncode == 2 and "no such file" in done.stderr


def test_file_names_and_revisions_are_never_options(tmp_path: Path) -> None:
    repo = new_repository(tmp_path / "repo")
    hostile = repo / "--output=stolen.toml"
    hostile.write_text(SEED_TEXT, encoding="utf-8")
    (repo / "-p.toml").write_text(SEED_TEXT, encoding="utf-8")
    commit(repo, "Subject with \x1b]0;owned\x07 a title sequence", "2024-06-12T09:00:00+00:00")
    found = history(hostile)
    assert [r.subject for r in found.revisions] == ["Subject with  a title sequence"]
    assert not (repo / "stolen.toml").exists()
    assert history(repo / "-p.toml").revisions[0].created
    for revision in ("--output=/tmp/x", "-p", "HEAD --all", "nosuch"):
        with pytest.raises(GitError, match="no commit is named"):
            version_at(hostile, revision)
    done = run_checkout("log", "-p.toml", cwd=repo)
    assert done.returncode == 2  # "-p.toml" is read by argparse as an option: the user writes ./-p.toml
    done = run_checkout("log", "./-p.toml", cwd=repo)
    assert done.returncode == 0 and "created the brief" in done.stdout


def test_the_version_at_a_revision_or_a_date_follows_renames(tmp_path: Path) -> None:
    path = brief_history(tmp_path / "repo")
    git(tmp_path / "repo", "tag", "confirmed", "HEAD~3")
    commit_name, data = version_at(path, "confirmed")
    assert commit_name == "4fe8022" and data is not None and data.decode() == CONFIRMED
    assert version_at(path, "HEAD~4")[1] == SEED_TEXT.encode()  # the file had another name then
    assert version_at(path, "2024-06-13")[1] == SEED_TEXT.encode()  # the last commit before that day began
    assert version_at(path, "HEAD")[1] == path.read_bytes()
    with pytest.raises(GitError, match="before 2024-06-01"):
        version_at(path, "2024-06-01")
    (tmp_path / "repo" / "later.toml").write_text(SEED_TEXT, encoding="utf-8")
    commit(tmp_path / "repo", "Later", "2024-06-20T09:00:00+00:00")
    later = tmp_path / "repo" / "later.toml"
    assert version_at(later, "HEAD~1") == (version_at(path, "HEAD~1")[0], None)
    # git's --follow takes the new file for a copy of another: its history begins with its own first commit.
    assert [(r.subject, r.created) for r in history(later).revisions] == [("Later", True)]


def test_git_runs_a_fixed_number_of_times_whatever_the_revisions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = new_repository(tmp_path / "repo")
    path = repo / "b.toml"
    calls: list[list[str]] = []
    real = subprocess.run

    def counted(command: list[str], **options: Any) -> Any:
        calls.append(command)
        return real(command, **options)

    counts = []
    for number in range(12):
        path.write_text(SEED_TEXT.replace("as_of = 2024-06-12", f"as_of = 2024-06-12\nupdated = 2024-06-{13 + number}"))
        commit(repo, f"Day {number}", f"2024-06-{13 + number}T09:00:00+00:00")
        if number in (1, 11):
            calls.clear()
            with monkeypatch.context() as patched:
                patched.setattr(subprocess, "run", counted)
                assert len(history_module.history(path).revisions) == number + 1
            counts.append(len(calls))
    assert counts[0] == counts[1] == 3  # rev-parse, log, cat-file


def test_briefing_since_refuses_what_names_no_revision(tmp_path: Path) -> None:
    path = brief_history(tmp_path / "repo")
    done = run_checkout(str(path), "--since", "nosuch", cwd=tmp_path)
    assert done.returncode == 2 and "--since: no commit is named 'nosuch'" in done.stderr
    (tmp_path / "plain.toml").write_text(SEED_TEXT, encoding="utf-8")
    done = run_checkout("plain.toml", "--since", "HEAD~1", cwd=tmp_path)
    assert done.returncode == 2 and "plain.toml is not in a git repository" in done.stderr


def test_each_revision_holds_both_versions_and_what_changed(tmp_path: Path) -> None:
    from briefing.format.diff import Kind

    path = brief_history(tmp_path / "repo")
    quoted, moved, renamed, confirmed, first = history(path).revisions
    assert first.created and first.before is None and first.after is not None and first.brief is not None
    assert first.brief.quotes[0].line is None  # no one edits a past version: its lines are not looked for
    assert not first.changes and not first.broke
    assert confirmed.before is not None and confirmed.before.brief == first.brief
    assert [(c.section, c.kind) for c in confirmed.changes.items] == [("brief", Kind.ADDED),
                                                                       ("confirmations", Kind.CHANGED)]  # fmt: skip
    assert renamed.path == "brief.toml" and not renamed.changes and renamed.before is not None
    assert [c.key for c in moved.changes.items] == ["Vietnam"] and moved.brief == moved.after.brief  # type: ignore[union-attr]
    assert [c.key for c in quoted.changes.items] == ["Dmitry Peskov"] and quoted.short == "b5d6338"
    assert len(quoted.commit) == 40


def test_uncommitted_edits_are_a_revision_of_their_own(tmp_path: Path) -> None:
    path = brief_history(tmp_path / "repo")
    path.write_text(path.read_text(encoding="utf-8").replace("Dmitry Peskov", "Dmitri Peskov"), encoding="utf-8")
    working, quoted, *_older = history(path).revisions
    assert (working.commit, working.short, working.date, working.author, working.subject, working.path) == (
        "", "working copy", None, "", "not committed", "brief.toml")  # fmt: skip
    assert working.before is not None and working.before.brief == quoted.brief
    assert [(c.key, c.fields) for c in working.changes.items] == [("Dmitri Peskov", ("speaker",))]
    path.unlink()
    assert history(path.parent / "old-name.toml").revisions[0].after is None  # deleted by the rename: said so
    (tmp_path / "repo" / "new.toml").write_text(SEED_TEXT, encoding="utf-8")
    (only,) = history(tmp_path / "repo" / "new.toml").revisions
    assert only.created and only.commit == "" and only.brief is not None


def test_a_broken_version_and_the_one_that_mends_it(tmp_path: Path) -> None:
    repo = new_repository(tmp_path / "repo")
    path = repo / "b.toml"
    path.write_text(SEED_TEXT, encoding="utf-8")
    commit(repo, "One", "2024-06-12T09:00:00+00:00")
    path.write_text("schema_version = [", encoding="utf-8")
    commit(repo, "Broken", "2024-06-13T09:00:00+00:00")
    path.write_text(CONFIRMED, encoding="utf-8")
    commit(repo, "Mended", "2024-06-14T09:00:00+00:00")
    mended, broken, one = history(path).revisions
    assert broken.broke and broken.brief is None and not broken.changes
    assert broken.after is not None and broken.after.problems[0].message.startswith("TOML syntax")
    assert broken.after.problems[0].file == "b.toml"  # named as in that commit
    assert not mended.broke and mended.before is not None and mended.before.brief is None and not mended.changes
    assert one.created


@pytest.mark.parametrize(("author_line", "expected"), [
    (b"author Ana Analyst <ana@example.org> 1718182800 +0000", ("Ana Analyst", "2024-06-12")),
    (b"author Ana Analyst <ana@example.org> 1718233200 -0500", ("Ana Analyst", "2024-06-12")),  # 23:00 UTC
    (b"author Ana Analyst <ana@example.org> 1718233200 +0130", ("Ana Analyst", "2024-06-13")),  # 00:30 the next day
    (b"author Ana Analyst <ana@example.org> 1718217000 -0430", ("Ana Analyst", "2024-06-12")),  # 14:00 there
    (b"author Ana Analyst <ana@example.org> 1718240400 +0545", ("Ana Analyst", "2024-06-13")),  # 06:45 there
    (b"author A <a@b> 1718179200 -0500", ("A", "2024-06-12")),  # 08:00 UTC: 03:00 there, not the 11th
    (b"author A <a@b> 1718226000 +0200", ("A", "2024-06-12")),  # 21:00 UTC: 23:00 there, not the 13th
    (b"author A <a@b> 1718216400 +0545", ("A", "2024-06-13")),  # 18:20 UTC: 00:05 there
    (b"author A <a@b> 1718197200 +1130", ("A", "2024-06-13")),  # 13:00 UTC: 00:30 there
    (b"author \xff\xfe Bad <x@y> notatime +0000", ("\ufffd\ufffd Bad", None)),
])  # fmt: skip
def test_commit_facts_read_the_author_and_their_day(author_line: bytes, expected: tuple[str, str | None]) -> None:
    from briefing.library.history import _commit_facts

    data = b"tree 1\nparent 2\n" + author_line + b"\ncommitter C <c@d> 1 +0000\n\nThe subject\n\nThe body.\n"
    author, date, subject = _commit_facts(data)
    assert (author, str(date) if date else None) == expected
    assert subject == "The subject"


def test_commit_facts_without_an_author_or_with_a_strange_subject() -> None:
    from briefing.library.history import _commit_facts

    assert _commit_facts(b"tree 1\n\nOnly \xffa subject\nmore") == ("", None, "Only \ufffda subject")
    assert _commit_facts(b"") == ("", None, "")


def test_the_raw_log_is_read_token_by_token() -> None:
    from briefing.library.history import NO_BLOB, _parse_log

    a, b, c = "a" * 40, "b" * 40, "c" * 40
    output = (
        f"\x1e{'1' * 40}\0\n:100644 100644 {a} {b} M\0name with \x1e and spaces.toml\0".encode()
        + f"\x1e{'2' * 40}\0\n:100644 100644 {c} {a} R087\0old.toml\0new.toml\0".encode()
        + f"\x1e{'3' * 40}\0\n:000000 100644 {NO_BLOB} {c} A\0old.toml\0".encode()
    )
    assert list(_parse_log(output)) == [
        ("1" * 40, a, b, "name with \x1e and spaces.toml"),
        ("2" * 40, c, a, "new.toml"),
        ("3" * 40, NO_BLOB, c, "old.toml"),
    ]
    copied = f"\x1e{'4' * 40}\0\n:100644 100644 {a} {b} C100\0other.toml\0this.toml\0".encode() + output
    assert list(_parse_log(copied)) == [("4" * 40, NO_BLOB, b, "this.toml")]  # a copy begins its own history


def test_a_hostile_path_or_revision_in_a_message_is_escaped(tmp_path: Path) -> None:
    outside = tmp_path / "\x1b]0;owned\x07.toml"
    outside.write_text(SEED_TEXT, encoding="utf-8")
    with pytest.raises(GitError) as raised:
        history(outside)
    assert "\x1b" not in str(raised.value) and "\\x1b]0;owned\\x07.toml is not in a git repository" in str(raised.value)
    path = brief_history(tmp_path / "repo")
    with pytest.raises(GitError) as raised:
        version_at(path, "HEAD\x1b[2J")
    assert "\x1b" not in str(raised.value)
