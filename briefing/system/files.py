"""Reading and writing a person's file safely: fingerprints to notice changes, atomic saves.

A save goes to a temporary file in the same directory, is flushed to disk, gets
the original's permissions, and replaces the original in one rename; the
directory is flushed too. A crash at any moment leaves either the old file or
the new one, never a mix. Symlinks are followed, so the link stays a link.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

TEMP_PREFIX = ".briefing-save-"
MAX_BRIEF_BYTES = 1024 * 1024
"""The largest brief file read on any path: 1 MiB, about 50 times the bundled brief."""


class SaveError(Exception):
    """A save that did not happen; the message says why, and the original is untouched."""


class ConflictError(SaveError):
    """The file changed on disk since it was loaded: saving would overwrite someone's work."""


class NotRegularFileError(OSError):
    """There is something other than a regular file at the path: a FIFO, a device, a socket."""


class FileTooLargeError(OSError):
    """The file is larger than the reader's limit; nothing of it was kept."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(errno.EFBIG, f"it is {size:,} bytes; the limit is {limit:,} bytes")
        self.size = size
        self.limit = limit


def read_regular(
    path: str | os.PathLike[str], limit: int, *, follow_symlinks: bool = True
) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file at ``path``, at most ``limit`` of them, and its stat as read.

    Never blocks on a FIFO and never reads a device: the file is opened without blocking and checked
    before a byte is read. Raises IsADirectoryError, NotRegularFileError, FileTooLargeError or another
    OSError; without ``follow_symlinks`` a symlink at ``path`` is an OSError too (ELOOP).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags)
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", os.fspath(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFileError(errno.EINVAL, "not a regular file", os.fspath(path))
        if info.st_size > limit:
            raise FileTooLargeError(info.st_size, limit)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(descriptor, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:
            raise FileTooLargeError(len(data), limit)
        return data, os.fstat(descriptor)
    finally:
        os.close(descriptor)


def shown(path: str | os.PathLike[str]) -> str:
    """A path for a message: control characters and bidi overrides in it written as escapes."""
    from briefing.system.sanitize import escaped

    return escaped(os.fspath(path))


class Stamp(NamedTuple):
    """What stat says about a file: cheap to take, changes whenever the file does."""

    size: int
    mtime_ns: int
    inode: int

    @classmethod
    def of(cls, path: str | os.PathLike[str]) -> Stamp | None:
        """The file's stamp, or None when there is no regular file there."""
        try:
            info = os.stat(path)
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        return cls(info.st_size, info.st_mtime_ns, info.st_ino)


@dataclass(frozen=True)
class Fingerprint:
    """A file's stamp and its bytes, as loaded: what a save checks against."""

    stamp: Stamp
    data: bytes = field(repr=False)

    @cached_property
    def sha256(self) -> str:
        return _sha256(self.data)


def _sha256(data: bytes) -> str:
    import hashlib  # only when a save is checked: not on the way to the first paint

    return hashlib.sha256(data).hexdigest()


def read_with_fingerprint(path: str | os.PathLike[str]) -> tuple[bytes, Fingerprint]:
    """The file's bytes and fingerprint, read so that the two agree; bounded, and a regular file only."""
    for _ in range(5):
        before = Stamp.of(path)
        data, _info = read_regular(path, MAX_BRIEF_BYTES)
        after = Stamp.of(path)
        if before is not None and before == after:
            return data, Fingerprint(after, data)
    raise SaveError(f"{shown(path)} keeps changing while being read")


def _describe(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    if error.errno == errno.EDQUOT:
        return "the disk quota is exceeded"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if error.errno == errno.EROFS:
        return "the file system is read-only"
    return error.strerror or str(error)


def atomic_write(
    path: str | os.PathLike[str], data: bytes, expected: Fingerprint | None = None, *, follow_symlinks: bool = True
) -> Stamp:
    """Replace the file at ``path`` with ``data`` atomically; return the new file's stamp.

    With ``expected``, refuse (SaveError) if the file on disk is no longer what was loaded. The new file
    keeps the old one's mode, and its owner and group where this process may set them. Without
    ``follow_symlinks`` whatever is at ``path`` (a symlink too) is replaced, not what it leads to.
    Raises SaveError, with the original untouched, when anything fails.
    """
    name = shown(path)
    target = Path(os.path.realpath(path)) if follow_symlinks else Path(os.path.abspath(path))
    try:
        info = os.stat(target) if follow_symlinks else os.lstat(target)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise SaveError(f"cannot save {name}: {_describe(error)}") from error
    if info is not None and not follow_symlinks and stat.S_ISLNK(info.st_mode):
        info = None  # the link itself is replaced; what it leads to is neither read nor written
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise SaveError(f"cannot save {name}: it is not a regular file")
    if info is not None and not os.access(target, os.W_OK):
        raise SaveError(f"cannot save {name}: the file is read-only")
    if expected is not None:
        _check_unchanged(target, expected, path)
    mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()
    temp_name = _write_temp(target.parent, data, mode, f"cannot save {name}")
    with _discarded_on_failure(temp_name, f"cannot save {name}"):
        if info is not None:
            _keep_owner(temp_name, info)
        if expected is not None:
            _check_unchanged(target, expected, path)
        os.replace(temp_name, target)
    _fsync_directory(target.parent)
    stamp = Stamp.of(target)
    if stamp is None:
        raise SaveError(f"{name} vanished right after it was saved")
    return stamp


def _keep_owner(temp_name: str, info: os.stat_result) -> None:
    """Give the new file the old one's owner and group, as far as this process may (root: both; else the group,
    when the user is in it). A hard link to the old file keeps the old content: the save makes a new file."""
    if not hasattr(os, "chown"):
        return
    current = os.stat(temp_name)
    if (current.st_uid, current.st_gid) == (info.st_uid, info.st_gid):
        return
    try:
        os.chown(temp_name, info.st_uid, info.st_gid)
    except PermissionError:
        with contextlib.suppress(PermissionError):
            os.chown(temp_name, -1, info.st_gid)
    # chown clears the set-user-ID and set-group-ID bits: give the mode back.
    os.chmod(temp_name, stat.S_IMODE(info.st_mode))


def _write_temp(directory: Path, data: bytes, mode: int, failure: str) -> str:
    """A temporary file in ``directory`` holding ``data``, flushed to disk, with ``mode``; its name."""
    import tempfile

    try:
        handle, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".tmp", dir=directory)
    except OSError as error:
        raise SaveError(f"{failure}: {_describe(error)} (in {directory})") from error
    with _discarded_on_failure(temp_name, failure):
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, mode)
    return temp_name


@contextlib.contextmanager
def _discarded_on_failure(temp_name: str, failure: str) -> Iterator[None]:
    """Remove the temporary file if the block fails; an OSError becomes a SaveError that says why."""
    try:
        yield
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        if isinstance(error, OSError):
            raise SaveError(f"{failure}: {_describe(error)}") from error
        raise


def _check_unchanged(target: Path, expected: Fingerprint, name: str | os.PathLike[str]) -> None:
    try:
        data, _info = read_regular(target, MAX_BRIEF_BYTES)
    except FileNotFoundError:
        raise ConflictError(f"{shown(name)} was deleted since it was loaded; nothing was saved") from None
    except (NotRegularFileError, IsADirectoryError, FileTooLargeError):
        raise ConflictError(f"{shown(name)} changed on disk since it was loaded; nothing was saved") from None
    except OSError as error:
        raise SaveError(f"cannot save {shown(name)}: {_describe(error)}") from error
    if _sha256(data) != expected.sha256:
        raise ConflictError(f"{shown(name)} changed on disk since it was loaded; nothing was saved")


def _fsync_directory(directory: Path) -> None:
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def create_new(path: str | os.PathLike[str], data: bytes) -> None:
    """Write a new file whole, never replacing one that exists (FileExistsError if it does)."""
    target = Path(path)
    temp_name = _write_temp(target.parent, data, 0o666 & ~_umask(), f"cannot create {shown(path)}")
    try:
        os.link(temp_name, target)  # fails, atomically, if the target exists
    except FileExistsError:
        raise
    except OSError as error:
        raise SaveError(f"cannot create {shown(path)}: {_describe(error)}") from error
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
    _fsync_directory(target.parent)
