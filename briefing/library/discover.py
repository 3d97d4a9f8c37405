"""Finding the briefs under some paths: the one walk that `check`, `show`, `export` and the library share.

A brief is a ``*.toml`` file whose name does not start with a dot, in a folder none of whose names
(below the root) starts with a dot. Symlinks to folders are not followed, so a loop cannot trap the
walk; a symlink named ``*.toml`` is listed like a file and its reader says where it leads. A folder
that cannot be listed is a problem of its own, never skipped in silence.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from briefing.format.model import Problem


def is_brief_name(name: str) -> bool:
    return name.endswith(".toml") and not name.startswith(".")


def walk(root: Path, problems: list[Problem]) -> Iterator[Path]:
    """The briefs under the folder ``root``, folder by folder in name order; unreadable folders go to ``problems``."""

    def unreadable(error: OSError) -> None:
        problems.append(Problem(os.fsdecode(error.filename or root), f"cannot be read: {error.strerror or error}"))

    for folder, directories, names in os.walk(root, onerror=unreadable):
        directories[:] = sorted(name for name in directories if not name.startswith("."))
        for name in sorted(names):
            if is_brief_name(name):
                yield Path(folder, name)


def find_briefs(roots: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """Every brief under the roots (a root that is not a folder is taken as it is), each once, and what
    could not be read."""
    files: dict[str, Path] = {}
    problems: list[Problem] = []
    for root in roots:
        if not os.path.isdir(root):
            files.setdefault(str(root), root)
            continue
        for path in walk(root, problems):
            files.setdefault(str(path), path)
    return list(files.values()), problems


def first_briefs(directory: Path, most: int) -> list[Path]:
    """Up to ``most`` of the briefs under ``directory``, without walking the rest of the tree."""
    return list(itertools.islice(walk(directory, []), most))


NO_STAMP = (-1, -1, -1)
"""The stamp of a file that cannot be looked at (a dangling symlink): read again only when it changes to one."""


GIVE_WAY_ENTRIES = 256
"""How many files of a folder ``scan`` looks at between two calls of its ``give_way``."""


def scan(
    roots: Iterable[Path], give_way: Callable[[], None] | None = None
) -> tuple[dict[bytes, tuple[int, int, int]], list[Problem]]:
    """Every brief under the roots, by path (as bytes), with its stamp (size, mtime in ns, inode), and what could
    not be read: the walk of ``find_briefs``, with each file's stamp from the same pass (a library's refresh).
    ``give_way`` is called before each folder and every few hundred files (it may wait: see ``Store.give_way``)."""
    found: dict[bytes, tuple[int, int, int]] = {}
    problems: list[Problem] = []
    for root in roots:
        if not os.path.isdir(root):
            found.setdefault(os.fsencode(root), _stamp(os.fsencode(root)))
            continue
        folders = [os.fsencode(root)]
        while folders:
            folder = folders.pop()
            if give_way is not None:
                give_way()
            try:
                with os.scandir(folder) as entries:
                    listed = list(entries)
            except OSError as error:
                problems.append(Problem(os.fsdecode(folder), f"cannot be read: {error.strerror or error}"))
                continue
            for number, entry in enumerate(listed):
                if give_way is not None and number % GIVE_WAY_ENTRIES == GIVE_WAY_ENTRIES - 1:
                    give_way()
                name = entry.name
                if name.startswith(b"."):
                    continue
                try:
                    is_folder = entry.is_dir(follow_symlinks=False)
                except OSError:
                    is_folder = False
                if is_folder:
                    folders.append(entry.path)
                elif name.endswith(b".toml") and entry.path not in found:
                    try:
                        info = entry.stat()
                        found[entry.path] = (info.st_size, info.st_mtime_ns, info.st_ino)
                    except OSError:
                        found[entry.path] = NO_STAMP
    return found, problems


def _stamp(path: bytes) -> tuple[int, int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return NO_STAMP
    return (info.st_size, info.st_mtime_ns, info.st_ino)
