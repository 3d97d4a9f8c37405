"""A brief's history from git: ``briefing log``, the versions at a revision, and git run safely."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from briefing.library import history as history_module
from briefing.library.history import history, version_at
from briefing.system.git import GitError
from tests.conftest import ROOT
from tests.git_fixtures import CONFIRMED, MOVED, SEED_TEXT, brief_history, commit, git, new_repository

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
    assert confirmed["changes"][1] == {
        "section": "confirmations", "key": "visit-dates", "kind": "changed",
        "description": "confirmation visit-dates: pending → confirmed on 17 Jun 2024",
    }  # fmt: skip
    assert revisions[-1]["created"] is True


def test_uncommitted_edits_come_first_and_broken_versions_are_said(tmp_path: Path) -> None:
    repo = new_repository(tmp_path / "repo")
    path = repo / "b.toml"
    path.write_text(SEED_TEXT, encoding="utf-8")
    commit(repo, "One", "2024-06-12T09:00:00+00:00")
    path.write_text(SEED_TEXT.replace('status = "pending"', 'status = "pendng"', 1), encoding="utf-8")
    commit(repo, "Broken", "2024-06-13T09:00:00+00:00")
    path.write_text(CONFIRMED, encoding="utf-8")
    commit(repo, "Mended", "2024-06-14T09:00:00+00:00")
    assert [r.commit for r in history(path).revisions if not r.commit] == []  # clean: no working copy entry
    path.write_text(MOVED, encoding="utf-8")
    done = run_checkout("log", "b.toml", cwd=repo)
    lines = done.stdout.splitlines()
    assert lines[:2] == ["working copy  not committed", "    stop Vietnam: ~19–20 Jun 2024 → ~20–21 Jun 2024"]
    assert "    mended the file: the version before could not be read as a brief" in lines
    assert any(
        line.startswith("    left the file with 1 problem: the string 'pendng' is not allowed") for line in lines
    )


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
