"""The summary body's blocks, worked out ahead in a child process while the app starts.

Reading a body as Markdown first imports markdown-it (about 85 ms), on the main thread, just before the body
can be drawn. `briefing FILE` instead forks a child as soon as the brief is loaded: it parses the body on
another core while the parent imports Textual, and sends the blocks back over a pipe as JSON, with the body's
links (what `o` offers: so `o` need not import markdown-it and parse the body again). The parent takes them when
it draws the body; anything amiss (no fork, the child failed, a reply of the wrong shape) and the body
is parsed in the parent as before. No Textual here.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing.present.body_blocks import Block

LARGEST = 50_000
"""Bodies longer than this are not parsed ahead: the app parses them in a thread, up to a budget
(``briefing.ui.widgets.body.PARSE_AWAY_FROM`` is this)."""

_children: dict[str, tuple[int, int]] = {}
"""Each body being parsed ahead: the child's pid and the pipe its blocks come on."""

_links: dict[str, list[tuple[str, str]]] = {}
"""The links of the body last taken from its child, as ``briefing.present.body.body_links`` gives them."""


def start(markdown: str) -> None:
    """Fork a child that parses ``markdown``; a no-op where it would not help or fork is not there."""
    if not markdown or len(markdown) > LARGEST or markdown in _children or not hasattr(os, "fork"):
        return
    if "markdown_it" in sys.modules:
        return  # imported already: parsing a short body here is quick
    if threading.active_count() > 1:
        return  # a fork copies only this thread: a lock another one holds would never be let go in the child
    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return
    if pid == 0:
        os.close(read)
        _child(markdown, write)
    os.close(write)
    _children[markdown] = (pid, read)


def _child(markdown: str, write: int) -> None:
    """Parse, write the blocks, and leave at once: no cleanup of the parent's runs here, and nothing is printed."""
    status = 1
    try:
        from briefing.present.body import body_links, body_tokens
        from briefing.present.body_blocks import blocks

        sent = {"blocks": [_to_json(block) for block in blocks(body_tokens(markdown))], "links": body_links(markdown)}
        reply = json.dumps(sent).encode("utf-8")
        with os.fdopen(write, "wb") as out:
            out.write(reply)
        status = 0
    finally:
        os._exit(status)


def take(markdown: str) -> list[Block] | None:
    """The blocks of ``markdown`` from its child, once it has sent them; None if none was started or it failed."""
    child = _children.pop(markdown, None)
    if child is None:
        return None
    pid, read = child
    try:
        with os.fdopen(read, "rb") as source:
            reply = source.read()
    finally:
        _reap(pid)
    try:
        sent = json.loads(reply)
        taken = [_from_json(item) for item in sent["blocks"]]
        links = [_link(item) for item in sent["links"]]
    except (ValueError, TypeError, KeyError):
        return None
    _links.clear()
    _links[markdown] = links
    return taken


def links(markdown: str) -> list[tuple[str, str]] | None:
    """The links of ``markdown`` as its child sent them, if its blocks were taken from one; else None."""
    return _links.get(markdown)


def discard() -> None:
    """Let go of every child not taken (the body was never drawn)."""
    for pid, read in _children.values():
        os.close(read)
        _reap(pid)
    _children.clear()


def _reap(pid: int) -> None:
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _to_json(block: Block) -> list[Any]:
    parts = [[text, sorted(styles), href] for text, styles, href in block.parts]
    rows = [list(row) for row in block.rows]
    return [block.kind, parts, block.lead, block.indent, block.level, rows, block.hidden_columns, block.space_before]


def _from_json(item: Any) -> Block:
    """A block as ``_to_json`` wrote it; ValueError for anything else."""
    from briefing.present.body_blocks import Block

    kind, parts, lead, indent, level, rows, hidden_columns, space_before = item
    if not (
        isinstance(kind, str)
        and isinstance(lead, str)
        and isinstance(indent, str)
        and type(level) is int
        and type(hidden_columns) is int
        and type(space_before) is bool
        and all(isinstance(row, list) and all(isinstance(cell, str) for cell in row) for row in rows)
    ):
        raise ValueError("not a block")
    return Block(
        kind,
        tuple(_part(part) for part in parts),
        lead=lead,
        indent=indent,
        level=level,
        rows=tuple(tuple(row) for row in rows),
        hidden_columns=hidden_columns,
        space_before=space_before,
    )


def _link(item: Any) -> tuple[str, str]:
    text, href = item
    if not (isinstance(text, str) and isinstance(href, str)):
        raise ValueError("not a link")
    return text, href


def _part(part: Any) -> tuple[str, frozenset[str], str | None]:
    text, styles, href = part
    if not (
        isinstance(text, str)
        and isinstance(styles, list)
        and all(isinstance(style, str) for style in styles)
        and (href is None or isinstance(href, str))
    ):
        raise ValueError("not a part")
    return text, frozenset(styles), href
