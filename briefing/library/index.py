"""A library: the briefs under some roots, indexed in SQLite (``briefing.library.store``) and kept up to date.

The first open reads every file, in worker processes when they are many, and writes the index a batch (one
transaction) at a time. Every later look (a second open, a refresh while the app runs) walks the roots once,
compares each file's size, mtime and inode with the index's, and reads only the files that changed.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from briefing.format.model import Problem
from briefing.library.discover import NO_STAMP, scan
from briefing.library.store import Record, Store

BATCH = 200
"""Files read (and written to the index) at a time."""


class Library:
    """The index of the briefs under some roots, built in batches and kept on disk."""

    def __init__(self, roots: Iterable[Path], cache_dir: Path | None = None) -> None:
        self.roots = [Path(root) for root in roots]
        self.key = _roots_key(self.roots)
        """The library by its roots: its index's name, and how the read state knows it."""
        folder = cache_dir or default_cache_dir()
        self.store = Store(folder / f"index-{self.key}.sqlite3" if folder is not None else None)
        """None as a file when there is nowhere to keep it (no home directory): every open indexes afresh."""
        self.generation = 0
        """Counts the changes written: what is drawn from the index is good while it has not moved."""

    def build(self, progress: Callable[[int, int], None] | None = None) -> Iterator[int]:
        """Bring the index up to date with the files, a batch at a time (yielding how many files are done after
        each); unchanged files are not read again."""
        import sqlite3

        from briefing.system.database import transient

        try:
            yield from self._update(progress)
        except sqlite3.DatabaseError as error:
            if transient(error):
                raise
            # Damaged while in use: set aside by the store; the files are read again into a new one.
            yield from self._update(progress)

    def refresh(self) -> bool:
        """Look again; True when anything was added, changed or removed."""
        before = self.generation
        for _done in self.build():
            pass
        return self.generation != before

    def _update(self, progress: Callable[[int, int], None] | None) -> Iterator[int]:
        before = self.generation
        yield from self._read_changes(progress)
        if self.generation != before:
            from briefing.library.queries import measure

            measure(self.store)

    def _read_changes(self, progress: Callable[[int, int], None] | None) -> Iterator[int]:
        files, problems = scan(self.roots, self.store.give_way)
        for problem in problems:
            files[os.fsencode(problem.file)] = NO_STAMP
        known = self.store.stamps()
        stale = [path for path, stamp in files.items() if known.get(path) != stamp or stamp == NO_STAMP]
        unlisted = {os.fsencode(problem.file): problem for problem in problems}
        # An unreadable folder, a dangling link: the same record as last time writes nothing.
        gone = [path for path in known if path not in files]
        total = len(files)
        done = total - len(stale)
        if gone:
            self.store.write([], gone)
            self.generation += 1
        if progress:
            progress(done, total)
        yield done
        readable = [path for path in stale if path not in unlisted]
        folders = [_folder_record(unlisted[path]) for path in stale if path in unlisted]
        for batch in _read_many(readable):
            changed = [record for record in batch if _differs(record, known)]
            if changed:
                self.store.write(changed)
                self.generation += 1
            done += len(batch)
            if progress:
                progress(done, total)
            yield done
        changed_folders = [record for record in folders if _differs(record, known)]
        if changed_folders:
            self.store.write(changed_folders)
            self.generation += 1
            yield total


def _differs(record: Record, known: dict[bytes, tuple[int, int, int]]) -> bool:
    """False for a file that cannot be looked at and was not last time either: nothing new to write."""
    stamp = (record.size, record.mtime_ns, record.inode)
    return stamp != NO_STAMP or known.get(record.path) != NO_STAMP


def _folder_record(problem: Problem) -> Record:
    from briefing.library.entries import problem_record

    return problem_record(Path(problem.file), (problem,))


def _read_paths(paths: list[bytes]) -> list[Record]:
    from briefing.library.entries import record

    return [record(Path(os.fsdecode(path))) for path in paths]


def _read_many(paths: list[bytes]) -> Iterator[list[Record]]:
    """Read ``paths`` in batches: in this process when they are few, in worker processes when many."""
    from briefing.system.workers import in_chunks

    yield from in_chunks(_read_paths, paths, BATCH)


def default_cache_dir() -> Path | None:
    from briefing.system.locations import cache_dir

    return cache_dir()


def _roots_key(roots: list[Path]) -> str:
    # realpath, not Path.resolve: a root that is a symlink loop must not raise.
    joined = "\0".join(sorted(os.path.realpath(root) for root in roots))
    return hashlib.sha256(joined.encode("utf-8", "surrogateescape")).hexdigest()[:16]
