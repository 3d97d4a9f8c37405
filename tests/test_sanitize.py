"""The sanitiser's pieces, one by one: what ``escaped`` writes for a file name, what ``safe_json`` writes for a
terminal, what ``has_controls`` notices."""

from __future__ import annotations

import json
import os

import pytest

from briefing.system.sanitize import clean, escaped, has_controls, safe_json


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("plain name.toml", "plain name.toml"),
        ("a\x1b[31mred.toml", "a\\x1b[31mred.toml"),
        ("line\nbreak\ttab\r.toml", "line\\nbreak\\ttab\\r.toml"),
        ("\x00nul\x7fdel\x9bcsi", "\\x00nul\\x7fdel\\x9bcsi"),
        ("\u202eevil\u2066", "\\u202eevil\\u2066"),
        (os.fsdecode(b"caf\xe9.toml"), "caf\\xe9.toml"),  # a byte that is not UTF-8, as the disk has it
        (os.fsdecode(b"\x80\xff"), "\\x80\\xff"),
        ("café ünïcode ✓.toml", "café ünïcode ✓.toml"),
    ],
)
def test_escaped_writes_what_a_terminal_would_act_on_as_escapes(name: str, shown: str) -> None:
    assert escaped(name) == shown


def test_escaped_leaves_a_lone_surrogate_that_is_not_a_byte_as_an_escape() -> None:
    assert escaped("a\ud800b") == "a\\ud800b"


@pytest.mark.parametrize(
    "value",
    [{"t": "\x7fdel\x85nel\x9bcsi"}, ["\u2028line\u2029para"], "\u202eright-to-left\u2069", {"k": "\ud800"}],
)
def test_safe_json_writes_controls_as_escapes_that_mean_the_same(value: object) -> None:
    text = safe_json(value)
    assert not any(
        0x7F <= ord(character) <= 0x9F or character in "\u2028\u2029\u202e\u2069\ud800" for character in text
    )
    if value != {"k": "\ud800"}:
        assert json.loads(text) == value


def test_safe_json_keeps_readable_text_readable_and_indents_when_asked() -> None:
    assert safe_json({"a": "café ✓"}) == '{"a": "café ✓"}'
    assert safe_json({"a": 1}, indent=2) == '{\n  "a": 1\n}'
    assert safe_json(["\x7f"]) == '["\\u007f"]'


HAS_CONTROLS = [("plain", False), ("tab\tand\nnewline", False), ("carriage\rreturn", True), ("\x1b", True),
                ("\u202e", True), ("\x9b", True), ("é✓", False)]  # fmt: skip


@pytest.mark.parametrize(("text", "found"), HAS_CONTROLS)
def test_has_controls_says_whether_clean_would_change_the_text(text: str, found: bool) -> None:
    assert has_controls(text) is found
    if not found:
        assert clean(text) == text


def test_clean_turns_crlf_into_newlines_and_keeps_tabs() -> None:
    assert clean("a\r\nb\tc\x1b[2Jd\re") == "a\nb\tcde"


def test_only_the_surrogates_os_fsdecode_makes_are_shown_as_bytes() -> None:
    assert escaped("a\udcffb\udd00c\udc7fd\udc80") == "a\\xffb\\udd00c\\udc7fd\\x80"


def test_clean_makes_windows_line_ends_plain_and_drops_a_lone_carriage_return() -> None:
    assert clean("a\r\nb\rc") == "a\nbc"
