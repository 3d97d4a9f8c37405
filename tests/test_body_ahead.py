"""The body's blocks worked out ahead in a forked child: the same blocks as parsing in the app, markdown-it never
imported by the parent, and anything amiss a fallback to parsing, never a wrong body."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.present import body_ahead
from briefing.present.body import body_links, body_tokens
from briefing.present.body_blocks import Block, blocks
from tests.conftest import ROOT

BODY = """\
# A heading

A paragraph with *emphasis*, **strong**, ~~struck~~, `code` and [a link](https://example.org/a).

- a tight list
- of two items

1. numbered
2. loosely

   spaced

> a quote

```
kept as written
```

| one | two |
|-----|-----|
| a   | b   |

---

![an image](https://example.org/i.png)
"""

WIDE_TABLE = "|" + "|".join(f"c{n}" for n in range(40)) + "|\n|" + "|".join("-" for _ in range(40)) + "|\n"
LINKED = (
    "\n[one](https://one.example) [**two**](https://two.example) <https://three.example> [one](https://one.example)\n"
)


STARTED: list[subprocess.Popen[bytes]] = []
"""The stand-in children of this test, waited for after it (already reaped by body_ahead, which is the point)."""


@pytest.fixture(autouse=True)
def no_children_left() -> Iterator[None]:
    yield
    body_ahead.discard()
    for child in STARTED:
        child.wait(timeout=10)
    STARTED.clear()


def test_the_parent_gets_the_blocks_the_app_would_parse_without_importing_markdown_it() -> None:
    """Run in a fresh interpreter: markdown-it is not imported there yet, as at a start."""
    script = f"""
import json, sys
from briefing.present import body_ahead
from briefing.present.body_blocks import Block
bodies = BODIES = {json.dumps([BODY, WIDE_TABLE + LINKED])}
for body in bodies:
    body_ahead.start(body)
taken = [body_ahead.take(body) for body in bodies]
links = body_ahead.links(BODIES[-1])
imported = "markdown_it" in sys.modules
sent = [None if t is None else [body_ahead._to_json(b) for b in t] for t in taken]
print(json.dumps({{"imported": imported, "taken": sent, "links": links, "first": body_ahead.links(BODIES[0])}}))
"""
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    reply = json.loads(run.stdout)
    assert reply["imported"] is False
    for body, taken in zip([BODY, WIDE_TABLE + LINKED], reply["taken"], strict=True):
        assert taken is not None
        assert [body_ahead._from_json(item) for item in taken] == blocks(body_tokens(body))
    assert [tuple(link) for link in reply["links"]] == body_links(WIDE_TABLE + LINKED)
    assert len(reply["links"]) == 3
    assert reply["first"] is None  # only the body last taken is kept


def test_every_field_of_a_block_survives_the_pipe() -> None:
    parsed = blocks(body_tokens(BODY + "\n" + WIDE_TABLE))
    kinds = {block.kind for block in parsed}
    assert {"heading", "text", "code", "table", "rule"} <= kinds
    assert any(block.hidden_columns for block in parsed) and any(not block.space_before for block in parsed)
    assert any(href for block in parsed for _text, _styles, href in block.parts)
    back = [body_ahead._from_json(json.loads(json.dumps(body_ahead._to_json(block)))) for block in parsed]
    assert back == parsed


@pytest.mark.parametrize(
    "item",
    [
        "text",
        ["text", [], "", "", 0, [], 0],
        [1, [], "", "", 0, [], 0, True],
        ["text", [["a", "em", None]], "", "", 0, [], 0, True],
        ["text", [["a", [], 5]], "", "", 0, [], 0, True],
        ["text", [], "", "", "0", [], 0, True],
        ["text", [], "", "", 0, [[1]], 0, True],
        ["text", [], "", "", 0, [], 0, 1],
    ],
)
def test_a_reply_of_any_other_shape_is_refused(item: object) -> None:
    with pytest.raises((ValueError, TypeError)):
        body_ahead._from_json(item)


def _child_replying(reply: bytes) -> tuple[int, int]:
    """A child that sends ``reply`` as body_ahead's would (a process of its own: no fork in a test worker, which
    has threads), registered as its pid and the pipe's read end."""
    writes = "import sys; sys.stdout.buffer.write(bytes.fromhex(sys.stdin.readline()) * int(sys.argv[1]))"
    size = 1 if len(reply) < 1000 else len(reply)
    unit = reply if size == 1 else reply[:1]
    child = subprocess.Popen([sys.executable, "-c", writes, str(size)], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(unit.hex().encode() + b"\n")
    child.stdin.close()
    read = os.dup(child.stdout.fileno())
    child.stdout.close()
    STARTED.append(child)
    return child.pid, read


def reply_of(sent: list[Block], links: list[tuple[str, str]]) -> bytes:
    return json.dumps({"blocks": [body_ahead._to_json(block) for block in sent], "links": links}).encode()


@pytest.mark.parametrize(
    "reply",
    [
        b"",
        b"not json",
        b'{"a": 1}',
        b'[["text"]]',
        b"[]",  # blocks alone, without the links
        b'{"blocks": []}',
        b'{"blocks": [], "links": [["text", 1]]}',
        b'{"blocks": [], "links": [["text"]]}',
        b'{"blocks": [], "links": "https://a.example"}',
    ],
)
def test_a_child_that_failed_or_sent_nonsense_is_a_fallback_to_parsing(reply: bytes) -> None:
    from briefing.ui.widgets.body import _blocks_of

    body_ahead._children[BODY] = _child_replying(reply)
    assert body_ahead.take(BODY) is None
    assert body_ahead.links(BODY) is None
    body_ahead._children[BODY] = _child_replying(reply)
    assert _blocks_of(BODY) == blocks(body_tokens(BODY))
    assert not body_ahead._children


def test_the_app_draws_the_blocks_the_child_sent() -> None:
    from briefing.ui.widgets.body import _blocks_of

    sent = [Block("text", (("from the child", frozenset(), None),))]
    body_ahead._children[BODY] = _child_replying(reply_of(sent, [("child", "https://child.example")]))
    assert _blocks_of(BODY) == sent
    assert body_ahead.links(BODY) == [("child", "https://child.example")]


def test_children_not_taken_are_reaped() -> None:
    pids = []
    for reply in (b"[]", b"x" * 200_000):  # the second is more than a pipe holds: its child waits to write
        pid, read = _child_replying(reply)
        body_ahead._children[str(pid)] = (pid, read)
        pids.append(pid)
    body_ahead.discard()
    assert not body_ahead._children
    for pid in pids:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def test_nothing_is_started_where_it_would_not_help(monkeypatch: pytest.MonkeyPatch) -> None:
    for body in ("", "x" * (body_ahead.LARGEST + 1)):
        body_ahead.start(body)
    assert not body_ahead._children
    monkeypatch.setitem(sys.modules, "markdown_it", sys.modules.get("markdown_it", object()))
    body_ahead.start(BODY)
    assert not body_ahead._children


def test_no_fork_while_another_thread_runs() -> None:
    """Run in a fresh interpreter, where nothing else has a thread: with one started, start does nothing."""
    script = f"""
import threading
from briefing.present import body_ahead
release = threading.Event()
helper = threading.Thread(target=release.wait)
helper.start()
body_ahead.start({BODY!r})
forked_with_a_thread = bool(body_ahead._children)
release.set()
helper.join()
body_ahead.start({BODY!r})
print(forked_with_a_thread, bool(body_ahead._children))
body_ahead.discard()
"""
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["False", "True"]


def test_a_start_with_a_child_ahead_draws_the_body_and_leaves_cleanly(tmp_path: Path) -> None:
    """In a pseudo-terminal: the body is drawn, the child prints nothing, and q leaves with status 0."""
    from tests.support.pty_screen import Terminal

    path = tmp_path / "brief.toml"
    seed = (ROOT / "content" / "2024-06-12-putin-north-korea-vietnam.toml").read_text(encoding="utf-8")
    path.write_text(seed, encoding="utf-8")
    terminal = Terminal(
        [sys.executable, "-m", "briefing", str(path), "--today", "2024-06-20"],
        env={"XDG_CACHE_HOME": str(tmp_path / "cache")},
        cwd=ROOT,
    )
    try:
        assert terminal.wait_for("Background") is not None, terminal.text()
        terminal.send("q")
        assert terminal.wait_exit() == 0
    finally:
        terminal.close()
