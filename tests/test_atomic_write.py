"""Saving a person's file (``files.atomic_write``): a new file whole in its place, with the old one's mode, owner and
group; links followed or replaced as asked; no temporary file left; failures said in words."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from briefing.system.files import TEMP_PREFIX, SaveError, Stamp, atomic_write, create_new, read_with_fingerprint

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


def _error(number: int) -> OSError:
    return OSError(number, os.strerror(number))


@pytest.mark.parametrize(
    ("error", "words"),
    [(_error(errno.ENOSPC), "the disk is full"), (_error(errno.EDQUOT), "the disk quota is exceeded"),
     (_error(errno.EACCES), "permission denied"), (_error(errno.EPERM), "permission denied"),
     (_error(errno.EROFS), "the file system is read-only"), (_error(errno.EIO), "Input/output error"),
     (OSError("the storage said no"), "the storage said no")],  # no errno, no words of the system's: as it is
)  # fmt: skip
def test_a_failed_save_says_why_in_words_and_leaves_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, words: str
) -> None:
    path = tmp_path / "brief.toml"
    path.write_bytes(b"old")

    def failing_replace(source: str, target: object) -> None:
        raise error

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


def test_the_new_file_is_written_beside_the_old_under_a_name_the_library_skips(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "brief.toml"
    path.write_bytes(b"old")
    moved: list[str] = []
    real_replace = os.replace

    def recording_replace(source: str, target: object) -> None:
        moved.append(source)
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", recording_replace)
    atomic_write(path, b"new")
    (source,) = moved
    assert Path(source).parent == tmp_path
    assert Path(source).name.startswith(TEMP_PREFIX) and Path(source).name.endswith(".tmp")


def test_a_new_file_with_no_umask_is_readable_and_writable_by_all_but_runs_for_none(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        atomic_write(tmp_path / "saved.toml", b"x")
        create_new(tmp_path / "created.toml", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "saved.toml").stat().st_mode) == 0o666
    assert stat.S_IMODE((tmp_path / "created.toml").stat().st_mode) == 0o666


def test_a_link_replaced_rather_than_followed_does_not_take_its_targets_mode(tmp_path: Path) -> None:
    real = tmp_path / "real.toml"
    real.write_bytes(b"real")
    real.chmod(0o600)
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    old = os.umask(0o022)
    try:
        atomic_write(link, b"replaced", follow_symlinks=False)
    finally:
        os.umask(old)
    assert stat.S_IMODE(link.stat().st_mode) == 0o644


def test_a_path_that_cannot_be_looked_at_is_said(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_bytes(b"")
    with pytest.raises(SaveError) as raised:
        atomic_write(tmp_path / "a-file" / "brief.toml", b"x")
    assert str(raised.value) == f"cannot save {tmp_path / 'a-file' / 'brief.toml'}: Not a directory"


@pytest.mark.parametrize("failing", ["mkstemp", "fsync"])
def test_a_temporary_file_that_cannot_be_written_is_said_and_left_nowhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    import tempfile

    path = tmp_path / "brief.toml"
    path.write_bytes(b"old")

    def full(*args: object, **options: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(tempfile if failing == "mkstemp" else os, failing, full)
    where = f" (in {tmp_path})" if failing == "mkstemp" else ""
    with pytest.raises(SaveError) as raised:
        atomic_write(path, b"new")
    assert str(raised.value) == f"cannot save {path}: the disk is full{where}"
    with pytest.raises(SaveError) as raised:
        create_new(tmp_path / "new.toml", b"new")
    assert str(raised.value) == f"cannot create {tmp_path / 'new.toml'}: the disk is full{where}"
    assert path.read_bytes() == b"old" and leftovers(tmp_path) == [] and not (tmp_path / "new.toml").exists()


def test_a_directory_that_cannot_be_flushed_does_not_undo_a_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "brief.toml"
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        if stat.S_ISDIR(os.fstat(descriptor).st_mode):
            raise OSError(errno.EINVAL, "not on this file system")
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    atomic_write(path, b"new")
    assert path.read_bytes() == b"new"


def test_the_owner_that_cannot_be_given_leaves_the_group_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not root: the new file is the saver's, in the old file's group where the saver may set it."""
    path = tmp_path / "brief.toml"
    path.write_bytes(b"old")
    path.chmod(0o640)
    old = path.stat()
    asked: list[tuple[int, int]] = []

    real_chown = os.chown

    def chown_as_a_user(name: str, uid: int, gid: int) -> None:
        asked.append((uid, gid))
        if uid != -1:
            raise PermissionError(errno.EPERM, "Operation not permitted")
        real_chown(name, -1, os.getgid())  # the group it may give (here its own, so as to run unprivileged too)

    monkeypatch.setattr(os, "stat", _other_owner(os.stat, path, old))
    monkeypatch.setattr(os, "chown", chown_as_a_user)
    atomic_write(path, b"new")
    assert asked == [(old.st_uid + 1, old.st_gid + 1), (-1, old.st_gid + 1)]
    assert path.read_bytes() == b"new" and stat.S_IMODE(path.stat().st_mode) == 0o640

    def chown_refused(name: str, uid: int, gid: int) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "chown", chown_refused)
    atomic_write(path, b"newer")  # neither may be given: saved all the same
    assert path.read_bytes() == b"newer"


def _other_owner(real_stat: Any, path: Path, old: os.stat_result) -> Any:
    """``os.stat`` that says ``path`` belongs to another user and group (as a user sees a shared file)."""

    def fake(name: Any, *args: Any, **options: Any) -> os.stat_result:
        info: os.stat_result = real_stat(name, *args, **options)
        if os.fspath(name) != os.fspath(path):
            return info
        fields = list(info)
        fields[4], fields[5] = old.st_uid + 1, old.st_gid + 1
        return os.stat_result(fields)

    return fake


def test_create_new_never_replaces_and_says_why_it_could_not_create(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "new.toml"
    path.write_bytes(b"there")
    with pytest.raises(FileExistsError):
        create_new(path, b"other")
    assert path.read_bytes() == b"there" and leftovers(tmp_path) == []
    linked: list[str] = []

    def refusing_link(source: str, target: object) -> None:
        linked.append(source)
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", refusing_link)
    with pytest.raises(SaveError) as raised:
        create_new(tmp_path / "other.toml", b"x")
    assert str(raised.value) == f"cannot create {tmp_path / 'other.toml'}: permission denied"
    (source,) = linked
    assert Path(source).parent == tmp_path and Path(source).name.startswith(TEMP_PREFIX)
    assert leftovers(tmp_path) == []


def test_create_new_does_not_fail_when_its_temporary_name_cannot_be_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "unlink", lambda name: (_ for _ in ()).throw(OSError(errno.EIO, "I/O")))
    create_new(tmp_path / "new.toml", b"x")
    assert (tmp_path / "new.toml").read_bytes() == b"x"


def test_a_stamp_is_the_files_size_mtime_and_inode(tmp_path: Path) -> None:
    path = tmp_path / "brief.toml"
    path.write_bytes(b"abc")
    info = path.stat()
    assert Stamp.of(path) == (3, info.st_mtime_ns, info.st_ino)
    assert Stamp.of(tmp_path) is None and Stamp.of(tmp_path / "none") is None


def test_a_file_read_while_it_changes_is_read_again_until_it_holds_still(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.system import files

    path = tmp_path / "brief.toml"
    path.write_bytes(b"v0")
    real = files.read_regular
    reads: list[int] = []

    def changing_while_read(name: Any, limit: int) -> tuple[bytes, os.stat_result]:
        found = real(name, limit)
        reads.append(1)
        if len(reads) < 3:
            path.write_bytes(b"v%d-longer" % len(reads))
        return found

    monkeypatch.setattr(files, "read_regular", changing_while_read)
    data, fingerprint = read_with_fingerprint(path)
    assert (data, fingerprint.data, len(reads)) == (b"v2-longer", b"v2-longer", 3)
    assert fingerprint.stamp == Stamp.of(path)
    reads.clear()

    def always_changing(name: Any, limit: int) -> tuple[bytes, os.stat_result]:
        reads.append(1)
        path.write_bytes(b"x" * (len(reads) + 3))
        return real(name, limit)

    monkeypatch.setattr(files, "read_regular", always_changing)
    with pytest.raises(SaveError) as raised:
        read_with_fingerprint(path)
    assert str(raised.value) == f"{path} keeps changing while being read" and len(reads) == 5


@pytest.mark.parametrize("change", ["deleted", "fifo", "unreadable"])
def test_a_file_that_is_gone_or_is_no_longer_a_file_or_cannot_be_read_again_is_not_saved_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    from briefing.system import files

    path = tmp_path / "brief.toml"
    path.write_bytes(b"old")
    _data, loaded = read_with_fingerprint(path)
    messages = {
        "deleted": f"{path} was deleted since it was loaded; nothing was saved",
        "fifo": f"{path} changed on disk since it was loaded; nothing was saved",
        "unreadable": f"cannot save {path}: permission denied",
    }
    real_read = files.read_regular

    def check_read(name: Any, limit: int) -> tuple[bytes, os.stat_result]:
        if change == "deleted":
            path.unlink()
        elif change == "fifo":
            raise files.NotRegularFileError(errno.EINVAL, "not a regular file", os.fspath(name))
        else:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_read(name, limit)

    monkeypatch.setattr(files, "read_regular", check_read)
    with pytest.raises(SaveError) as raised:
        atomic_write(path, b"new", loaded)
    assert str(raised.value) == messages[change]
    assert isinstance(raised.value, files.ConflictError) is (change != "unreadable")
    assert leftovers(tmp_path) == []
