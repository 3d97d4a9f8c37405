"""Paths shown to people and put in commands for them to copy (``briefing.system.paths``)."""

from __future__ import annotations

import datetime as dt
import os
import shlex
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.format.load import load_text
from briefing.format.scaffold import skeleton
from briefing.system.paths import display_path, shell_word
from briefing.system.sanitize import escaped

NAMES = st.text(st.characters(blacklist_characters="/\x00"), min_size=1, max_size=40).filter(
    lambda name: name not in (".", "..")
)
"""Any file name a folder can hold, undecodable bytes (lone surrogates) too."""


@pytest.mark.parametrize(
    ("path", "word"),
    [
        ("brief.toml", "brief.toml"),
        ("my brief.toml", "'my brief.toml'"),
        ("$(rm -rf ~).toml", "'$(rm -rf ~).toml'"),
        ("-rf", "./-rf"),
        ("--since=x.toml", "./--since=x.toml"),
        ("/abs/-x.toml", "/abs/-x.toml"),
        ("a\tb\x1b]0;x\x07.toml", "'a\\tb\\x1b]0;x\\x07.toml'"),
        ("\u202egnp.toml", "'\\u202egnp.toml'"),
        ("\udcff.toml", "'\\xff.toml'"),
    ],
)
def test_a_path_in_a_command_is_one_word_shown_safely(path: str, word: str) -> None:
    assert shell_word(path) == word


def test_a_path_the_shell_can_read_back_is_read_back_as_that_path(tmp_path: Path) -> None:
    for path in ("plain.toml", "two words.toml", "it's.toml", 'a"b.toml', "$HOME*.toml", "-x.toml"):
        said = subprocess.run(["sh", "-c", f"printf %s {shell_word(path)}"], capture_output=True, text=True)
        assert said.stdout == (f"./{path}" if path.startswith("-") else path)


@given(NAMES)
def test_any_name_is_one_word_with_nothing_a_terminal_obeys(name: str) -> None:
    word = shell_word(name)
    assert escaped(word) == word, "no control character, bidi override or undecodable byte left"
    assert len(shlex.split(word)) == 1 and not word.startswith("-")
    word.encode("utf-8")


@given(NAMES)
def test_a_new_brief_of_any_name_loads_clean(name: str) -> None:
    text = skeleton(Path(name), "Title", dt.date(2024, 6, 12))
    result = load_text(text, "new.toml")
    assert result.problems == () and result.brief is not None
    assert f"`briefing {shell_word(name)}`" in text.splitlines()[1]
    text.encode("utf-8")


def test_a_path_is_shown_relative_when_shorter_and_with_escapes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inner = tmp_path / "in" / "a\x1bb.toml"
    monkeypatch.chdir(tmp_path)
    assert display_path(inner) == os.path.join("in", "a\\x1bb.toml")
    assert display_path(tmp_path.parent / "x.toml") == str(tmp_path.parent / "x.toml"), "not ../x.toml"
    assert display_path(Path("c.toml")) == "c.toml"
