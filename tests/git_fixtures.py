"""Git repositories for tests, built in temporary folders with fixed authors and dates: no network, no clock."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.conftest import DATA

AUTHORS = {"ana": ("Ana Analyst", "ana@example.org"), "ed": ("Ed Editor", "ed@example.org")}


def git(repo: Path, *arguments: str, date: str = "2024-06-12T09:00:00+00:00", author: str = "ana") -> str:
    name, email = AUTHORS[author]
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email, "GIT_COMMITTER_DATE": date,
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
    }  # fmt: skip
    done = subprocess.run(["git", *arguments], cwd=repo, env=environment, capture_output=True, text=True, check=True)
    return done.stdout


def new_repository(repo: Path) -> Path:
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    return repo


def commit(repo: Path, message: str, date: str, author: str = "ana") -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, date=date, author=author)


SEED_TEXT = (DATA / "story.toml").read_text(encoding="utf-8")
"""The brief every story starts from: the bundled brief as first written (tests/data/story.toml)."""

CONFIRMED = SEED_TEXT.replace(
    'status = "pending"\nsince = 2024-06-12\nreported_by = ["vedomosti"]',
    'status = "confirmed"\nsince = 2024-06-12\nresolved_on = 2024-06-17\nresolution = "The Kremlin announced the '
    'dates."\nreported_by = ["vedomosti"]',
    1,
).replace("as_of = 2024-06-12", "as_of = 2024-06-12\nupdated = 2024-06-17")
"""The seed brief a few days on: the visit's dates confirmed."""

MOVED = CONFIRMED.replace("start = 2024-06-19\nend = 2024-06-20", "start = 2024-06-20\nend = 2024-06-21")
"""... and Vietnam a day later."""

QUOTED = MOVED.replace(
    '[[confirmations]]\nid = "visit-dates"',
    '[[quotes]]\nspeaker = "Dmitry Peskov"\nrole = "Kremlin spokesman"\ntext = "The visit will take place."\n\n'
    '[[confirmations]]\nid = "visit-dates"',
)
"""... and a quote from the Kremlin."""


def brief_history(repo: Path, name: str = "brief.toml") -> Path:
    """A repository where the seed brief is committed, then confirmed, renamed, moved and quoted, by two authors."""
    new_repository(repo)
    path = repo / "old-name.toml"
    path.write_text(SEED_TEXT, encoding="utf-8")
    commit(repo, "First brief on the visit", "2024-06-12T09:00:00+00:00")
    path.write_text(CONFIRMED, encoding="utf-8")
    commit(repo, "The Kremlin confirms the dates", "2024-06-17T10:00:00+00:00", "ed")
    git(repo, "mv", "old-name.toml", name)
    commit(repo, "Rename the brief", "2024-06-17T11:00:00+00:00")
    path = repo / name
    path.write_text(MOVED, encoding="utf-8")
    commit(repo, "Vietnam a day later", "2024-06-18T08:30:00+09:00", "ed")
    path.write_text(QUOTED, encoding="utf-8")
    commit(repo, "Quote Peskov", "2024-06-19T12:00:00+00:00")
    return path


def broken_and_mended(repo: Path) -> Path:
    """A repository where b.toml is committed good, then with a status misspelt, then mended (confirmed)."""
    new_repository(repo)
    path = repo / "b.toml"
    path.write_text(SEED_TEXT, encoding="utf-8")
    commit(repo, "One", "2024-06-12T09:00:00+00:00")
    path.write_text(SEED_TEXT.replace('status = "pending"', 'status = "pendng"', 1), encoding="utf-8")
    commit(repo, "Broken", "2024-06-13T09:00:00+00:00")
    path.write_text(CONFIRMED, encoding="utf-8")
    commit(repo, "Mended", "2024-06-14T09:00:00+00:00")
    return path
