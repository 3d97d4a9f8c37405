"""Shared fixtures: the seed brief, writing brief files, and running the app headless."""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

if TYPE_CHECKING:
    from tests.apps import FakeBrowser

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "content" / "2024-06-12-putin-north-korea-vietnam.toml"
DATA = Path(__file__).resolve().parent / "data"

os.environ["TEXTUAL_ANIMATIONS"] = "none"

# Fuzzing: bounded and the same examples every run in CI; BRIEFING_FUZZ=long for a real hunt.
settings.register_profile(
    "ci", max_examples=60, derandomize=True, database=None, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)  # fmt: skip
settings.register_profile(
    "long", max_examples=3000, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)  # fmt: skip
settings.load_profile("long" if os.environ.get("BRIEFING_FUZZ") == "long" else "ci")

MINIMAL_BRIEF = """\
schema_version = 1

[brief]
title = "Minimal"
as_of = 2024-06-12

[summary]
bluf = "Only what is required."
"""


@pytest.fixture(autouse=True)
def in_repository_root(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Paths on screen are shown relative to the working directory: fix it, for stable snapshots.

    The library's index cache, the settings, the read state and the data go to fresh directories, never the user's
    own, copying never reaches the user's clipboard (tests/test_clipboard.py sets a fake tool), and today is given.
    """
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    monkeypatch.setenv("BRIEFING_CLIPBOARD", "")
    # No test reads the clock: a command the tests run reads each brief as of its own date unless told otherwise.
    monkeypatch.setenv("BRIEFING_TODAY", "as-of")


@pytest.fixture(autouse=True)
def collector_unfrozen() -> Iterator[None]:
    """The library moves its index out of the collector's sight (gc.freeze); a test process must not keep it."""
    yield
    gc.unfreeze()


@pytest.fixture
def brief_copy(tmp_path: Path) -> Path:
    """The seed brief copied to a temporary file, to edit and save."""
    path = tmp_path / "brief.toml"
    shutil.copy(SEED, path)
    return path


@pytest.fixture
def story_copy(tmp_path: Path) -> Path:
    """The brief the stories of what changed start from (tests/git_fixtures.py) copied to a temporary file."""
    path = tmp_path / "brief.toml"
    shutil.copy(DATA / "story.toml", path)
    return path


@pytest.fixture
def write_brief(tmp_path: Path) -> Callable[[str], Path]:
    """Write TOML text to a brief file in a temporary directory and return its path."""

    def write(text: str, name: str = "brief.toml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> FakeBrowser:
    """``webbrowser.get()`` gives a stand-in that records what it is asked to open."""
    import webbrowser

    from tests.apps import FakeBrowser

    fake = FakeBrowser()
    monkeypatch.setattr(webbrowser, "get", lambda using=None: fake)
    return fake
