"""Which briefs of a library are new or updated: since the reader last looked (the read state), or since a git
revision (``--since``).

Since the reader last looked: a brief is updated when what it says (its digest) differs from what it said when
the reader last saw it, and new when the reader never saw it, in a library opened before. The first open of a
library takes every brief in it as seen (reading each file once), so it marks nothing.

Since a revision: ``git diff --raw`` says which files changed since, ``git ls-files --others`` which are new and
not yet committed; a changed file is updated only when the brief it held then says something else.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

from briefing.format.diff import digest
from briefing.format.load import load_bytes
from briefing.library.read_state import ReadState, path_key
from briefing.system.files import MAX_BRIEF_BYTES, read_regular


class Mark(enum.Enum):
    NEW = "new"
    UPDATED = "updated"

    @property
    def glyph(self) -> str:
        return "●" if self is Mark.NEW else "◆"


Marks = Mapping[str, Mark]
"""A library's marks: entry path -> new or updated; briefs seen as they are have none."""


class Known(NamedTuple):
    """A readable brief of the library as its index knows it."""

    path: str
    size: int
    mtime_ns: int
    digest: str


def _content(path: str, size: int, mtime_ns: int) -> bytes | None:
    """The file's bytes, if it is still what the index read (same size and mtime)."""
    try:
        data, info = read_regular(path, MAX_BRIEF_BYTES)
    except OSError:
        return None
    return data if info.st_size == size and info.st_mtime_ns == mtime_ns else None


ADOPT_BATCH = 1000
"""Briefs read and recorded as seen at a time, on a library's first open."""


GIVE_WAY_ENTRIES = 4096
"""How many briefs ``since_last_looked`` goes through between two calls of the read state's ``give_way``."""


def since_last_looked(entries: Iterable[Known], read_state: ReadState, library: str) -> dict[str, Mark]:
    """The marks of the library's briefs against what the reader last saw; its first open adopts them all as
    seen. Raises ReadStateError."""
    readable = list(entries)
    here = os.getcwd()
    keys = []
    for number, entry in enumerate(readable):
        if read_state.give_way is not None and number % GIVE_WAY_ENTRIES == 0:
            read_state.give_way()
        keys.append(path_key(entry.path, here))
    seen = read_state.digests()
    if not read_state.knows(library):
        # A batch at a time: a library of 100,000 briefs holds half a gigabyte of text.
        unseen = [entry for entry, key in zip(readable, keys, strict=True) if key not in seen]
        for start in range(0, len(unseen), ADOPT_BATCH):
            adopted = []
            for entry in unseen[start : start + ADOPT_BATCH]:
                if read_state.give_way is not None:
                    read_state.give_way()  # a brief at a time: reading and packing a batch takes 0.1 s
                content = _content(entry.path, entry.size, entry.mtime_ns)
                if content is not None:
                    adopted.append((entry.path, entry.digest, content))
            read_state.adopt(library, adopted, whole=start + ADOPT_BATCH >= len(unseen))
        if not unseen:
            read_state.adopt(library, [], whole=True)
        seen = read_state.digests()
    marks: dict[str, Mark] = {}
    for number, (entry, key) in enumerate(zip(readable, keys, strict=True)):
        if read_state.give_way is not None and number % GIVE_WAY_ENTRIES == 0:
            read_state.give_way()
        was = seen.get(key)
        if was is None:
            marks[entry.path] = Mark.NEW
        elif was != entry.digest:
            marks[entry.path] = Mark.UPDATED
    return marks


def mark_all_seen(entries: Iterable[Known], marks: Marks, read_state: ReadState) -> int:
    """Record every marked brief as seen as it is now; how many were. Raises ReadStateError."""
    rows = []
    for entry in entries:
        if entry.path in marks:
            content = _content(entry.path, entry.size, entry.mtime_ns)
            if content is not None:
                rows.append((entry.path, entry.digest, content))
    return read_state.record_many(rows)


def since_revision(entries: Iterable[Known], roots: Iterable[Path], revision: str) -> dict[str, Mark]:
    """The marks of the library's briefs against git ``revision`` (a commit, a tag, or a date). Raises GitError."""
    from briefing.library.history import named_commit
    from briefing.system.git import Repository

    # git names files from the real top of the work tree: match them by real path.
    by_path = {os.path.realpath(entry.path): entry for entry in entries}
    marks: dict[str, Mark] = {}
    for root in roots:
        repository = Repository.of(Path(root))
        commit = named_commit(repository, revision)
        where = repository.relative(Path(root))
        raw = repository.git(["diff", "-z", "--raw", "--no-abbrev", "--no-renames", "--no-ext-diff", "--no-textconv",
                              commit, "--", where])  # fmt: skip
        tokens = raw.split(b"\0")
        old_blobs: dict[str, str] = {}
        for header, name in zip(tokens[::2], tokens[1::2], strict=False):
            fields = header.lstrip(b"\n:").split(b" ")
            if len(fields) < 5:
                continue
            path = os.path.join(repository.top, os.fsdecode(name))
            if path not in by_path:
                continue
            status = fields[4][:1]
            if status == b"A":
                marks[by_path[path].path] = Mark.NEW
            elif status == b"M":
                old_blobs[path] = fields[2].decode("ascii")
        contents = repository.objects(old_blobs.values())
        for path, blob in old_blobs.items():
            old = load_bytes(contents.get(blob, b"")).brief
            if old is None or digest(old) != by_path[path].digest:
                marks[by_path[path].path] = Mark.UPDATED
        others = repository.git(["ls-files", "-z", "--others", "--exclude-standard", "--", where])
        for name in others.split(b"\0"):
            path = os.path.join(repository.top, os.fsdecode(name))
            if name and path in by_path:
                marks[by_path[path].path] = Mark.NEW
    return marks
