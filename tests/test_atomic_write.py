"""Saving a person's file (``files.atomic_write``): a new file whole in its place, with the old one's mode, owner and
group; links followed or replaced as asked; no temporary file left; failures said in words."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from briefing.system.files import TEMP_PREFIX, SaveError, Stamp, atomic_write

ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0, reason="only root may give a file to another owner")


def leftovers(folder: Path) -> list[str]:
    return [path.name for path in folder.iterdir() if path.name.startswith(TEMP_PREFIX)]


def test_a_new_file_gets_the_umasks_mode_and_its_stamp_comes_back(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    old = os.umask(0o027)
    try:
        stamp = atomic_write(path, b"data")
    finally:
        os.umask(old)
    assert path.read_bytes() == b"data"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert stamp == Stamp.of(path) and stamp.size == 4
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("mode", [0o600, 0o644, 0o664, 0o2775])
def test_the_old_files_mode_is_kept(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "brief.toml"
    path.write_bytes(b"old")
    path.chmod(mode)
    atomic_write(path, b"new")
    assert stat.S_IMODE(path.stat().st_mode) == mode and path.read_bytes() == b"new"


@ROOT_ONLY
def test_the_old_files_owner_and_group_are_kept_and_so_is_its_set_group_id_bit(tmp_path: Path) -> None:
    path = tmp_path / "brief.toml"
    path.write_bytes(b"old")
    os.chown(path, 1234, 2345)
    path.chmod(0o2664)  # chown clears it: it must be given back
    atomic_write(path, b"new")
    info = path.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (1234, 2345, 0o2664)


def test_a_hard_link_to_the_old_file_keeps_the_old_content(tmp_path: Path) -> None:
    path = tmp_path / "brief.toml"
    path.write_bytes(b"old")
    (tmp_path / "other-name.toml").hardlink_to(path)
    before = path.stat().st_ino
    atomic_write(path, b"new")
    assert path.stat().st_ino != before
    assert (tmp_path / "other-name.toml").read_bytes() == b"old"


def test_a_symlink_is_written_through_or_replaced_as_asked(tmp_path: Path) -> None:
    real = tmp_path / "real.toml"
    real.write_bytes(b"real")
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    atomic_write(link, b"through")
    assert link.is_symlink() and real.read_bytes() == b"through"
    atomic_write(link, b"replaced", follow_symlinks=False)
    assert not link.is_symlink() and link.read_bytes() == b"replaced" and real.read_bytes() == b"through"
    assert leftovers(tmp_path) == []


def test_a_dangling_symlink_is_replaced_when_not_followed(tmp_path: Path) -> None:
    link = tmp_path / "link.toml"
    link.symlink_to(tmp_path / "nowhere.toml")
    atomic_write(link, b"here", follow_symlinks=False)
    assert not link.is_symlink() and link.read_bytes() == b"here"
    assert not (tmp_path / "nowhere.toml").exists()


def test_something_other_than_a_file_is_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    with pytest.raises(SaveError) as raised:
        atomic_write(fifo, b"x")
    assert str(raised.value) == f"cannot save {fifo}: it is not a regular file"
    assert stat.S_ISFIFO(fifo.stat().st_mode) and leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("number", "words"),
    [(errno.ENOSPC, "the disk is full"), (errno.EDQUOT, "the disk quota is exceeded"),
     (errno.EACCES, "permission denied"), (errno.EPERM, "permission denied"),
     (errno.EROFS, "the file system is read-only"), (errno.EIO, "Input/output error")],
)  # fmt: skip
def test_a_failed_save_says_why_in_words_and_leaves_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, number: int, words: str
) -> None:
    path = tmp_path / "brief.toml"
    path.write_bytes(b"old")

    def failing_replace(source: str, target: object) -> None:
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(SaveError) as raised:
        atomic_write(path, b"new")
    assert str(raised.value) == f"cannot save {path}: {words}"
    assert path.read_bytes() == b"old" and leftovers(tmp_path) == []


def test_a_file_that_vanishes_right_after_the_save_is_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "brief.toml"
    real_replace = os.replace

    def replace_then_vanish(source: str, target: object) -> None:
        real_replace(source, target)  # type: ignore[arg-type]
        os.unlink(path)

    monkeypatch.setattr(os, "replace", replace_then_vanish)
    with pytest.raises(SaveError) as raised:
        atomic_write(path, b"new")
    assert str(raised.value) == f"{path} vanished right after it was saved"
