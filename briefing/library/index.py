"""The index of a library: the briefs under some roots, read in batches (by worker processes when many),
refreshed as files change, and kept in a cache between runs.

A file whose size and mtime are unchanged is not read again; everything else is.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from briefing.format.load import unreadable
from briefing.format.model import Problem
from briefing.library.cache import read_cache, write_cache
from briefing.library.discover import find_briefs
from briefing.library.entries import IndexedBrief, problem_entry, summarise

BATCH = 200


class Library:
    """The index of the briefs under some roots, built in batches and cached."""

    def __init__(self, roots: Iterable[Path], cache_dir: Path | None = None) -> None:
        self.roots = [Path(root) for root in roots]
        self.key = _roots_key(self.roots)
        """The library by its roots: its cache's name, and how the read state knows it."""
        folder = cache_dir or default_cache_dir()
        self.cache_file = folder / f"index-{self.key}.json" if folder is not None else None
        """None when there is nowhere to keep a cache (no home directory): every open indexes afresh."""
        self.entries: dict[str, IndexedBrief] = {}
        self.scan_problems: list[Problem] = []

    def cached(self) -> dict[str, IndexedBrief]:
        return read_cache(self.cache_file)

    def build(self, progress: Callable[[int, int], None] | None = None) -> Iterator[list[IndexedBrief]]:
        """Index every file, yielding batches as they are ready; unchanged files come from the cache.

        Many files to read are shared among worker processes, one per core.
        """
        files, self.scan_problems = find_briefs(self.roots)
        known = self.entries or self.cached()
        fresh: dict[str, IndexedBrief] = {}
        stale: list[Path] = []
        for path in files:
            entry = _index_unchanged(path, known.get(str(path)))
            if entry is None:
                stale.append(path)
            else:
                fresh[entry.path] = entry
        total = len(files)
        if fresh:
            yield list(fresh.values())
        if progress:
            progress(len(fresh), total)
        for batch in _index_many(stale):
            fresh.update((entry.path, entry) for entry in batch)
            yield batch
            if progress:
                progress(len(fresh), total)
        unlisted = self._unlisted()
        if unlisted:
            fresh.update((entry.path, entry) for entry in unlisted)
            yield unlisted
        self.entries = fresh
        if stale or len(fresh) != len(known):
            write_cache(self.cache_file, fresh)

    def _unlisted(self) -> list[IndexedBrief]:
        """The folders that could not be listed, as rows of the list: a brief may be hiding in each."""
        return [problem_entry(Path(problem.file), -1, -1, (problem,)) for problem in self.scan_problems]

    def refresh(self) -> tuple[list[IndexedBrief], list[str]]:
        """Look again: the entries that are new or changed, and the paths that are gone."""
        files, self.scan_problems = find_briefs(self.roots)
        changed: list[IndexedBrief] = []
        seen: set[str] = set()
        for path in files:
            key = str(path)
            seen.add(key)
            entry = _index_one(path, self.entries.get(key))
            if self.entries.get(key) is not entry:
                self.entries[key] = entry
                changed.append(entry)
        for entry in self._unlisted():
            seen.add(entry.path)
            if self.entries.get(entry.path) != entry:
                self.entries[entry.path] = entry
                changed.append(entry)
        gone = [key for key in self.entries if key not in seen]
        for key in gone:
            del self.entries[key]
        if changed or gone:
            write_cache(self.cache_file, self.entries)
        return changed, gone


def _index_unchanged(path: Path, known: IndexedBrief | None) -> IndexedBrief | None:
    """The known entry while the file's size and mtime are unchanged, else None."""
    if known is None:
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    return known if known.size == info.st_size and known.mtime_ns == info.st_mtime_ns else None


def _index_paths(paths: list[str]) -> list[IndexedBrief]:
    return [_index_one(Path(path), None) for path in paths]


def _index_many(paths: list[Path]) -> Iterator[list[IndexedBrief]]:
    """Index ``paths`` in batches: in this process when they are few, in worker processes when many."""
    from briefing.system.workers import in_chunks

    yield from in_chunks(_index_paths, [str(path) for path in paths], BATCH)


def _index_one(path: Path, known: IndexedBrief | None) -> IndexedBrief:
    try:
        info = os.stat(path)
    except OSError as error:
        return problem_entry(path, -1, -1, (Problem(str(path), unreadable(str(path), error)),))
    if known is not None and known.size == info.st_size and known.mtime_ns == info.st_mtime_ns:
        return known
    if not stat.S_ISREG(info.st_mode):
        return problem_entry(path, info.st_size, info.st_mtime_ns, (Problem(str(path), "is not a regular file"),))
    return summarise(path, info)


def default_cache_dir() -> Path | None:
    from briefing.system.locations import cache_dir

    return cache_dir()


def _roots_key(roots: list[Path]) -> str:
    # realpath, not Path.resolve: a root that is a symlink loop must not raise.
    joined = "\0".join(sorted(os.path.realpath(root) for root in roots))
    return hashlib.sha256(joined.encode("utf-8", "surrogateescape")).hexdigest()[:16]
