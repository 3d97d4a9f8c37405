"""Finding the briefs under some paths (``briefing.library.discover``): which files are briefs, which folders are
walked, what cannot be read, and the stamps a library's refresh compares."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.format.model import Problem
from briefing.library.discover import GIVE_WAY_ENTRIES, NO_STAMP, find_briefs, first_briefs, scan, walk


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "briefs"
    for name in ("b.toml", "a.toml", ".hidden.toml", "notes.txt", "x.toml.bak", "sub/c.toml", "sub/deeper/d.toml",
                 ".git/e.toml", "sub/.cache/f.toml", "zz/g.toml"):  # fmt: skip
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(name, encoding="utf-8")
    (root / "loop").symlink_to(root, target_is_directory=True)  # never followed
    (root / "linked.toml").symlink_to(root / "a.toml")
    (root / "dangling.toml").symlink_to(root / "nowhere")
    return root


BRIEFS = ["a.toml", "b.toml", "dangling.toml", "linked.toml", "sub/c.toml", "sub/deeper/d.toml", "zz/g.toml"]


def test_the_walk_lists_toml_files_not_hidden_folder_by_folder_in_name_order(tree: Path) -> None:
    problems: list[Problem] = []
    assert [path.relative_to(tree).as_posix() for path in walk(tree, problems)] == BRIEFS
    assert problems == []
    assert [path.relative_to(tree).as_posix() for path in first_briefs(tree, 3)] == BRIEFS[:3]
    assert first_briefs(tree, 0) == []


def test_find_briefs_takes_a_root_that_is_not_a_folder_as_it_is_and_each_file_once(tree: Path) -> None:
    lone = tree / "notes.txt"
    found, problems = find_briefs([tree, lone, tree / "sub", tree / "missing.toml", lone])
    assert [str(path) for path in found] == [str(tree / name) for name in BRIEFS] + [
        str(lone),
        str(tree / "missing.toml"),
    ]
    assert problems == []


def test_a_folder_that_cannot_be_listed_is_a_problem_and_the_rest_is_walked(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_scandir = os.scandir
    refused = os.fsencode(tree / "sub")

    def scandir(path: str | bytes | int = ".") -> object:
        if os.fsencode(path) == refused:  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found, problems = find_briefs([tree])
    monkeypatch.undo()
    assert [path.relative_to(tree).as_posix() for path in found] == [name for name in BRIEFS if "sub/" not in name]
    assert problems == [Problem(str(tree / "sub"), "cannot be read: Permission denied")]
    monkeypatch.setattr(os, "scandir", scandir)
    stamps, scanned = scan([tree])
    monkeypatch.undo()
    assert scanned == [Problem(str(tree / "sub"), "cannot be read: Permission denied")]
    assert sorted(os.fsdecode(path) for path in stamps) == [str(tree / n) for n in BRIEFS if "sub/" not in n]


def test_a_walk_error_without_a_file_name_names_the_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing_walk(root: object, onerror: object) -> list[object]:
        onerror(OSError("no name"))  # type: ignore[operator]
        return []

    monkeypatch.setattr(os, "walk", failing_walk)
    problems: list[Problem] = []
    assert list(walk(tmp_path, problems)) == []
    assert problems == [Problem(str(tmp_path), "cannot be read: no name")]


def test_scan_stamps_each_brief_once_and_a_dangling_one_as_unknown(tree: Path) -> None:
    stamps, problems = scan([tree, tree / "sub", tree / "notes.txt", tree / "missing.toml"])
    assert problems == []
    assert sorted(os.fsdecode(path) for path in stamps) == sorted(
        [str(tree / name) for name in BRIEFS] + [str(tree / "notes.txt"), str(tree / "missing.toml")]
    )
    info = (tree / "a.toml").stat()
    assert stamps[os.fsencode(tree / "a.toml")] == (info.st_size, info.st_mtime_ns, info.st_ino)
    assert stamps[os.fsencode(tree / "linked.toml")] == (info.st_size, info.st_mtime_ns, info.st_ino), "followed"
    assert stamps[os.fsencode(tree / "dangling.toml")] == NO_STAMP
    assert stamps[os.fsencode(tree / "missing.toml")] == NO_STAMP
    lone = (tree / "notes.txt").stat()
    assert stamps[os.fsencode(tree / "notes.txt")] == (lone.st_size, lone.st_mtime_ns, lone.st_ino)


def test_scan_gives_way_before_each_folder_and_every_few_hundred_files(tmp_path: Path) -> None:
    root = tmp_path / "many"
    (root / "sub").mkdir(parents=True)
    for number in range(GIVE_WAY_ENTRIES * 2 + 10):
        (root / f"{number:04d}.toml").write_text("", encoding="utf-8")
    calls: list[int] = []
    stamps, _ = scan([root], give_way=lambda: calls.append(1))
    assert len(stamps) == GIVE_WAY_ENTRIES * 2 + 10
    # Two folders, and the 256th and 512th of the root's 523 entries (the sub-folder among them).
    assert len(calls) == 2 + 2
    assert scan([root])[0] == stamps
    fewer = tmp_path / "fewer"
    fewer.mkdir()
    for number in range(GIVE_WAY_ENTRIES - 1):
        (fewer / f"{number:04d}.toml").write_text("", encoding="utf-8")
    calls.clear()
    scan([fewer], give_way=lambda: calls.append(1))
    assert len(calls) == 1, "one folder, and fewer entries than a batch"


def test_an_entry_that_cannot_be_looked_at_is_taken_for_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "r"
    root.mkdir()
    for name in (".hidden.toml", "a.toml", "b.toml"):  # listed in this order: the hidden one first
        (root / name).write_text("", encoding="utf-8")
    real_scandir = os.scandir

    class Entry:
        def __init__(self, inner: os.DirEntry[bytes]) -> None:
            self.inner, self.name, self.path = inner, inner.name, inner.path

        def is_dir(self, follow_symlinks: bool = True) -> bool:
            if self.name == b"a.toml":
                raise PermissionError(13, "Permission denied")
            return self.inner.is_dir(follow_symlinks=follow_symlinks)

        def stat(self, follow_symlinks: bool = True) -> os.stat_result:
            return self.inner.stat(follow_symlinks=follow_symlinks)

    class Listing:
        def __init__(self, folder: bytes) -> None:
            self.inner = real_scandir(folder)

        def __enter__(self) -> list[Entry]:
            return [Entry(entry) for entry in sorted(self.inner, key=lambda entry: entry.name)]

        def __exit__(self, *_exc: object) -> None:
            self.inner.close()

    monkeypatch.setattr(os, "scandir", Listing)
    stamps, problems = scan([root])
    monkeypatch.undo()
    assert sorted(stamps) == [os.fsencode(root / "a.toml"), os.fsencode(root / "b.toml")] and problems == []


def test_after_a_folder_that_cannot_be_listed_the_others_are_scanned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "r"
    for name in ("x/a.toml", "y/b.toml", "z/c.toml"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("", encoding="utf-8")
    real_scandir = os.scandir
    listed: list[bytes] = []

    def scandir(path: bytes) -> object:
        listed.append(path)
        if len(listed) == 2:  # the first folder below the root, whichever it is
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    stamps, problems = scan([root])
    monkeypatch.undo()
    assert len(listed) == 4 and len(problems) == 1 and len(stamps) == 2
    first = first_briefs(root, 10)
    assert len(first) == 3


def test_the_first_briefs_of_a_folder_go_on_past_one_that_cannot_be_listed(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_scandir = os.scandir

    def scandir(path: str | bytes | int = ".") -> object:
        if os.fsencode(path) == os.fsencode(tree / "sub"):  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    first = first_briefs(tree, 10)
    monkeypatch.undo()
    assert [path.relative_to(tree).as_posix() for path in first] == [name for name in BRIEFS if "sub/" not in name]
