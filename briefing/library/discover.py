"""Finding the briefs under some paths: the one walk that `check`, `show`, `export` and the library share.

A brief is a ``*.toml`` file whose name does not start with a dot, in a folder none of whose names
(below the root) starts with a dot. Symlinks to folders are not followed, so a loop cannot trap the
walk; a symlink named ``*.toml`` is listed like a file and its reader says where it leads. A folder
that cannot be listed is a problem of its own, never skipped in silence.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Iterator
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
