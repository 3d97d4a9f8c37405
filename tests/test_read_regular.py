"""Reading a person's file safely (``files.read_regular``): bounded, a regular file only, never blocking, every
descriptor closed; and the errors that say why not."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from briefing.system.files import FileTooLargeError, NotRegularFileError, read_regular


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, str, int]]:
    """Each descriptor os.open gives during the test, what it was opened on, and with which flags (counting every
    descriptor of the process would count those that other threads, or the collector, open and close meanwhile)."""
    found: list[tuple[int, str, int]] = []
    real_open = os.open

    def recording_open(name: Any, flags: int, *rest: Any) -> int:
        descriptor = real_open(name, flags, *rest)
        found.append((descriptor, os.readlink(f"/proc/self/fd/{descriptor}"), flags))
        return descriptor

    monkeypatch.setattr(os, "open", recording_open)
    return found


def all_closed(opened: list[tuple[int, str, int]]) -> bool:
    """None of them is still open on what it was opened on."""

    def still_open(descriptor: int, target: str) -> bool:
        try:
            return os.readlink(f"/proc/self/fd/{descriptor}") == target
        except FileNotFoundError:
            return False

    return bool(opened) and not any(still_open(descriptor, target) for descriptor, target, _flags in opened)


def test_the_bytes_and_the_stat_of_what_was_read(tmp_path: Path, opened: list[tuple[int, str, int]]) -> None:
    path = tmp_path / "brief.toml"
    path.write_bytes(b"abc\x00\xff")
    data, info = read_regular(path, 5)
    assert (data, info.st_size, info.st_ino) == (b"abc\x00\xff", 5, path.stat().st_ino)
    assert all_closed(opened)


def test_a_file_of_the_limit_is_read_and_one_byte_more_is_refused(
    tmp_path: Path, opened: list[tuple[int, str, int]]
) -> None:
    path = tmp_path / "brief.toml"
    path.write_bytes(b"x" * 10)
    assert read_regular(path, 10)[0] == b"x" * 10
    with pytest.raises(FileTooLargeError) as raised:
        read_regular(path, 9)
    assert (raised.value.size, raised.value.limit, raised.value.errno) == (10, 9, errno.EFBIG)
    assert str(raised.value) == "[Errno 27] it is 10 bytes; the limit is 9 bytes"
    assert all_closed(opened) and len(opened) == 2


def test_a_file_larger_than_a_read_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    data = bytes(range(256)) * (3 * 4096 + 7)  # three reads of 1 MiB and a bit
    path.write_bytes(data)
    assert read_regular(path, len(data))[0] == data
    with pytest.raises(FileTooLargeError) as raised:
        read_regular(path, len(data) - 1)
    assert raised.value.size == len(data)


def test_a_file_that_says_it_is_empty_but_is_not_is_bounded_all_the_same() -> None:
    """/proc's files stat as empty and hold more: the read stops one byte past the limit and refuses it."""
    with pytest.raises(FileTooLargeError) as raised:
        read_regular("/proc/self/status", 10)
    assert (raised.value.size, raised.value.limit) == (11, 10)
    assert read_regular("/proc/self/status", 100_000)[0].startswith(b"Name:")


def test_a_directory_says_so(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError) as raised:
        read_regular(tmp_path, 100)
    assert (raised.value.errno, raised.value.strerror, raised.value.filename) == (
        errno.EISDIR,
        "is a directory",
        os.fspath(tmp_path),
    )


def test_a_fifo_and_a_device_are_refused_without_blocking(tmp_path: Path, opened: list[tuple[int, str, int]]) -> None:
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        with pytest.raises(NotRegularFileError) as raised:
            read_regular(path, 100)
        assert (raised.value.errno, raised.value.filename) == (errno.EINVAL, os.fspath(path))
        assert raised.value.strerror == "not a regular file"
    assert all_closed(opened) and len(opened) == 2


def test_a_symlink_is_followed_unless_asked_not_to(tmp_path: Path) -> None:
    target = tmp_path / "real.toml"
    target.write_bytes(b"real")
    link = tmp_path / "link.toml"
    link.symlink_to(target)
    assert read_regular(link, 100)[0] == b"real"
    with pytest.raises(OSError) as raised:
        read_regular(link, 100, follow_symlinks=False)
    assert raised.value.errno == errno.ELOOP
    assert read_regular(target, 100, follow_symlinks=False)[0] == b"real"


def test_the_file_is_opened_without_blocking_closed_on_exec_and_not_through_a_link_when_asked(
    tmp_path: Path, opened: list[tuple[int, str, int]]
) -> None:
    path = tmp_path / "brief.toml"
    path.write_bytes(b"x")
    read_regular(path, 10)
    read_regular(path, 10, follow_symlinks=False)
    wanted = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC
    assert [flags for _descriptor, _target, flags in opened] == [wanted, wanted | os.O_NOFOLLOW]


def test_a_file_that_comes_a_byte_at_a_time_is_read_to_its_end_and_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "brief.toml"
    path.write_bytes(b"0123456789")
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda descriptor, size: real_read(descriptor, min(size, 1)))
    assert read_regular(path, 10)[0] == b"0123456789"
    monkeypatch.setattr(os, "fstat", lambda descriptor, real=os.fstat: _said_empty(real(descriptor)))
    with pytest.raises(FileTooLargeError) as raised:
        read_regular(path, 9)  # its stat says 0 bytes: the read itself stops one byte past the limit
    assert (raised.value.size, raised.value.limit) == (10, 9)


def _said_empty(info: os.stat_result) -> os.stat_result:
    fields = list(info)
    fields[6] = 0  # st_size
    return os.stat_result(fields)
