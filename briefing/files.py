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


class SaveError(Exception):
    """A save that did not happen; the message says why, and the original is untouched."""


class ConflictError(SaveError):
    """The file changed on disk since it was loaded: saving would overwrite someone's work."""


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
    """The file's bytes and fingerprint, read so that the two agree."""
    for _ in range(5):
        before = Stamp.of(path)
        with open(path, "rb") as handle:
            data = handle.read()
        after = Stamp.of(path)
        if before is not None and before == after:
            return data, Fingerprint(after, data)
    raise SaveError(f"{path} keeps changing while being read")


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


def atomic_write(path: str | os.PathLike[str], data: bytes, expected: Fingerprint | None = None) -> Stamp:
    """Replace the file at ``path`` with ``data`` atomically; return the new file's stamp.

    With ``expected``, refuse (SaveError) if the file on disk is no longer what was
    loaded. Raises SaveError, with the original untouched, when anything fails.
    """
    target = Path(os.path.realpath(path))
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise SaveError(f"cannot save {path}: {_describe(error)}") from error
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise SaveError(f"cannot save {path}: it is not a regular file")
    if info is not None and not os.access(target, os.W_OK):
        raise SaveError(f"cannot save {path}: the file is read-only")
    if expected is not None:
        _check_unchanged(target, expected, path)
    mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()
    temp_name = _write_temp(target.parent, data, mode, f"cannot save {path}")
    with _discarded_on_failure(temp_name, f"cannot save {path}"):
        if expected is not None:
            _check_unchanged(target, expected, path)
        os.replace(temp_name, target)
    _fsync_directory(target.parent)
    stamp = Stamp.of(target)
    if stamp is None:
        raise SaveError(f"{path} vanished right after it was saved")
    return stamp


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


def _check_unchanged(target: Path, expected: Fingerprint, shown: str | os.PathLike[str]) -> None:
    try:
        with open(target, "rb") as handle:
            current = _sha256(handle.read())
    except FileNotFoundError:
        raise ConflictError(f"{shown} was deleted since it was loaded; nothing was saved") from None
    except OSError as error:
        raise SaveError(f"cannot save {shown}: {_describe(error)}") from error
    if current != expected.sha256:
        raise ConflictError(f"{shown} changed on disk since it was loaded; nothing was saved")


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
    temp_name = _write_temp(target.parent, data, 0o666 & ~_umask(), f"cannot create {path}")
    try:
        os.link(temp_name, target)  # fails, atomically, if the target exists
    except FileExistsError:
        raise
    except OSError as error:
        raise SaveError(f"cannot create {path}: {_describe(error)}") from error
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
    _fsync_directory(target.parent)
