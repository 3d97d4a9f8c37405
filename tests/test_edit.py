"""In-place edits and atomic saves: exact bytes, refusals, conflicts, and failures that lose nothing."""

from __future__ import annotations

import datetime as dt
import errno
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.format.load import load_path
from briefing.format.model import ConfirmationStatus
from briefing.format.status_edit import EditError, change_file, reopen, resolve
from briefing.system.files import TEMP_PREFIX, ConflictError, Fingerprint, SaveError, atomic_write
from tests.conftest import DATA, MINIMAL_BRIEF, ROOT

EDIT = DATA / "edit"
ORIGINAL = (EDIT / "commented.toml").read_bytes().decode("utf-8")
CONFIRMED, DENIED = ConfirmationStatus.CONFIRMED, ConfirmationStatus.DENIED


def golden(name: str) -> str:
    return (EDIT / f"commented.{name}.toml").read_bytes().decode("utf-8")


@pytest.mark.parametrize(
    ("name", "edit"),
    [
        ("first-denied", lambda t: resolve(t, "first", DENIED, dt.date(2024, 6, 12), 'Denied by the MFA: "no visit".')),
        ("second-confirmed", lambda t: resolve(t, "second", CONFIRMED, dt.date(2024, 6, 13), "Yes.")),
        ("third-reopened", lambda t: reopen(t, "third")),
        ("third-denied", lambda t: resolve(t, "third", DENIED, dt.date(2024, 6, 14), "Retracted.")),
    ],
)
def test_edits_change_only_their_lines(name: str, edit: object) -> None:
    assert callable(edit)
    assert edit(ORIGINAL) == golden(name)


def test_reopen_after_resolve_gives_back_the_original() -> None:
    resolved = resolve(ORIGINAL, "first", CONFIRMED, dt.date(2024, 6, 12), "Yes.")
    assert reopen(resolved, "first") == ORIGINAL


def test_a_resolution_after_the_brief_was_last_revised_moves_updated_to_its_day() -> None:
    on_as_of = resolve(ORIGINAL, "second", CONFIRMED, dt.date(2024, 6, 12), "Yes.")
    assert "updated" not in on_as_of, "a resolution on the brief's own day revises nothing"
    later = resolve(ORIGINAL, "second", CONFIRMED, dt.date(2024, 6, 13), "Yes.")
    assert "as_of = 2024-06-12\nupdated = 2024-06-13\n" in later
    with_updated = ORIGINAL.replace("as_of = 2024-06-12", "as_of = 2024-06-12\nupdated   = 2024-06-20  # by hand")
    assert "updated   = 2024-06-22  # by hand" in resolve(with_updated, "second", CONFIRMED, dt.date(2024, 6, 22), "Y.")
    assert "updated   = 2024-06-20  # by hand" in resolve(with_updated, "second", CONFIRMED, dt.date(2024, 6, 20), "Y.")
    dotted = ORIGINAL.replace("[brief]\n", "").replace('title   =   "Odd layout"', 'brief.title = "Odd layout"')
    dotted = dotted.replace("as_of = 2024-06-12", "brief.as_of = 2024-06-12")
    assert load_path_text_ok(dotted)
    with pytest.raises(EditError, match="`as_of` is not a line of its own in \\[brief\\]"):
        resolve(dotted, "second", CONFIRMED, dt.date(2024, 6, 13), "Yes.")
    assert load_path_text_ok(resolve(dotted, "second", CONFIRMED, dt.date(2024, 6, 12), "Yes."))


def test_crlf_files_keep_their_line_endings() -> None:
    crlf = ORIGINAL.replace("\n", "\r\n")
    edited = resolve(crlf, "second", CONFIRMED, dt.date(2024, 6, 13), "Yes.")
    assert edited == golden("second-confirmed").replace("\n", "\r\n")


def test_multi_line_resolution_is_replaced_whole() -> None:
    text = ORIGINAL.replace('resolution = "Announced by the ministry."', 'resolution = """\nAnnounced\nby them."""')
    edited = resolve(text, "third", DENIED, dt.date(2024, 6, 14), "Retracted.")
    assert edited == golden("third-denied")


def test_edits_that_cannot_be_made_line_by_line_are_refused() -> None:
    item = '{id = "a", what = "w", awaited_from = ["x"], status = "pending"}'
    inline = MINIMAL_BRIEF.replace("[brief]", f"confirmations = [{item}]\n\n[brief]")
    assert load_path_text_ok(inline)
    with pytest.raises(EditError, match="not written as \\[\\[confirmations\\]\\] tables"):
        resolve(inline, "a", CONFIRMED, dt.date(2024, 6, 12), "Yes.")
    with pytest.raises(EditError, match="no confirmation with the id `nope`"):
        resolve(ORIGINAL, "nope", CONFIRMED, dt.date(2024, 6, 12), "Yes.")
    with pytest.raises(EditError, match="a resolution is required"):
        resolve(ORIGINAL, "first", CONFIRMED, dt.date(2024, 6, 12), "   ")


def load_path_text_ok(text: str) -> bool:
    from briefing.format.load import load_text

    return load_text(text).ok


def test_comments_with_quotes_after_a_value_are_kept() -> None:
    text = ORIGINAL.replace('status="pending"', 'status="pending" # "quoted" # twice')
    edited = resolve(text, "second", CONFIRMED, dt.date(2024, 6, 13), "Yes.")
    assert 'status="confirmed" # "quoted" # twice' in edited


def test_an_edit_that_would_break_the_file_is_not_made(monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing.format.status_edit

    monkeypatch.setattr(briefing.format.status_edit, "_replace_value", lambda line, value: line + " = broken")
    with pytest.raises(EditError, match="would leave the file invalid"):
        resolve(ORIGINAL, "second", CONFIRMED, dt.date(2024, 6, 13), "Yes.")


def test_an_edit_that_would_touch_other_items_is_not_made(monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing.format.status_edit

    original_result = briefing.format.status_edit._LineEditor.result

    def also_retitle(self: briefing.format.status_edit._LineEditor) -> str:
        self.lines = [line.replace("Odd layout", "Other title") for line in self.lines]
        return original_result(self)

    monkeypatch.setattr(briefing.format.status_edit._LineEditor, "result", also_retitle)
    with pytest.raises(EditError, match="would touch more than this confirmation"):
        resolve(ORIGINAL, "second", CONFIRMED, dt.date(2024, 6, 13), "Yes.")


def write(tmp_path: Path, text: str = ORIGINAL, name: str = "brief.toml") -> tuple[Path, Fingerprint]:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    fingerprint = load_path(path).fingerprint
    assert fingerprint is not None
    return path, fingerprint


def confirm_second(text: str) -> str:
    return resolve(text, "second", CONFIRMED, dt.date(2024, 6, 13), "Yes.")


def leftovers(directory: Path) -> list[str]:
    return [p.name for p in directory.iterdir() if p.name.startswith(TEMP_PREFIX)]


def test_change_file_saves_and_keeps_the_mode(tmp_path: Path) -> None:
    path, fingerprint = write(tmp_path)
    path.chmod(0o640)
    change_file(path, fingerprint, confirm_second)
    assert path.read_bytes().decode() == golden("second-confirmed")
    assert path.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path) == []


def test_change_file_follows_symlinks(tmp_path: Path) -> None:
    real, fingerprint = write(tmp_path, name="real.toml")
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    change_file(link, fingerprint, confirm_second)
    assert link.is_symlink()
    assert real.read_bytes().decode() == golden("second-confirmed")


def test_change_file_refuses_when_the_file_changed_since_load(tmp_path: Path) -> None:
    path, fingerprint = write(tmp_path)
    someone_else = ORIGINAL.replace("Odd layout", "Changed by someone else")
    path.write_text(someone_else, encoding="utf-8")
    with pytest.raises(ConflictError, match="changed on disk since it was loaded"):
        change_file(path, fingerprint, confirm_second)
    assert path.read_text(encoding="utf-8") == someone_else


def test_a_change_on_disk_before_the_edit_is_a_conflict_not_an_edit_of_it(tmp_path: Path) -> None:
    """Checked before the edit is made: someone removed the confirmation; the edit is not tried on their text."""
    path, fingerprint = write(tmp_path)
    edited: list[str] = []

    def confirm(text: str) -> str:
        edited.append(text)
        return confirm_second(text)

    path.write_text(ORIGINAL.replace("Odd layout", "Changed by someone else"), encoding="utf-8")
    with pytest.raises(ConflictError, match="changed on disk since it was loaded"):
        change_file(path, fingerprint, confirm)
    assert edited == []


def test_a_change_on_disk_between_the_read_and_the_rename_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checked again just before the new file takes the old one's place: a save that lands meanwhile stays."""
    import briefing.system.files as files

    path, fingerprint = write(tmp_path)
    someone_else = ORIGINAL.replace("Odd layout", "Saved meanwhile")
    real_write_temp = files._write_temp

    def write_temp_then_someone_saves(*args: object) -> str:
        name = real_write_temp(*args)  # type: ignore[arg-type]
        path.write_text(someone_else, encoding="utf-8")
        return name

    monkeypatch.setattr(files, "_write_temp", write_temp_then_someone_saves)
    with pytest.raises(ConflictError, match="changed on disk since it was loaded"):
        change_file(path, fingerprint, confirm_second)
    assert path.read_text(encoding="utf-8") == someone_else
    assert leftovers(tmp_path) == []


def test_change_file_refuses_when_the_file_is_gone(tmp_path: Path) -> None:
    path, fingerprint = write(tmp_path)
    path.unlink()
    with pytest.raises(ConflictError, match="deleted since it was loaded"):
        change_file(path, fingerprint, confirm_second)
    assert not path.exists()


def test_read_only_file_is_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, fingerprint = write(tmp_path)
    path.chmod(0o444)
    # Root may write anywhere; ask the permission check as an ordinary user would get it answered.
    monkeypatch.setattr(os, "access", lambda target, mode: not (mode & os.W_OK and Path(target) == path))
    with pytest.raises(SaveError, match="the file is read-only"):
        change_file(path, fingerprint, confirm_second)
    assert path.read_bytes().decode() == ORIGINAL
    assert leftovers(tmp_path) == []


def test_unwritable_directory_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, fingerprint = write(tmp_path)
    import tempfile

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(SaveError, match=f"permission denied \\(in {tmp_path}\\)"):
        change_file(path, fingerprint, confirm_second)
    assert path.read_bytes().decode() == ORIGINAL


def test_full_disk_leaves_the_original_and_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, fingerprint = write(tmp_path)

    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(SaveError, match="the disk is full"):
        change_file(path, fingerprint, confirm_second)
    assert path.read_bytes().decode() == ORIGINAL
    assert leftovers(tmp_path) == []


def test_a_directory_in_place_of_the_file_is_refused(tmp_path: Path) -> None:
    path, fingerprint = write(tmp_path)
    path.unlink()
    path.mkdir()
    with pytest.raises(SaveError):
        atomic_write(path, b"x", fingerprint)
    assert path.is_dir()


KILLED_WRITER = """
import sys
from briefing.system.files import atomic_write
path, a, b = sys.argv[1], sys.argv[2].encode() * 2000, sys.argv[3].encode() * 3000
print("ready", flush=True)
while True:
    atomic_write(path, a)
    print("a", flush=True)
    atomic_write(path, b)
    print("b", flush=True)
"""


def test_killed_mid_save_the_file_is_always_old_or_new(tmp_path: Path) -> None:
    """SIGKILL a process that saves over and over: the file is only ever one whole version or the other."""
    path = tmp_path / "brief.toml"
    old, new = b"A" * 2000, b"B" * 3000
    path.write_bytes(old)
    rng = random.Random(20240612)
    seen = []
    # Killed, a writer never writes its coverage data: it is not started with coverage (forty starts of it).
    env = {key: value for key, value in os.environ.items() if not key.startswith("COVERAGE_")}
    for _ in range(40):
        writer = subprocess.Popen(
            [sys.executable, "-c", KILLED_WRITER, str(path), "A", "B"],
            cwd=ROOT, stdout=subprocess.PIPE, text=True, env=env,
        )  # fmt: skip
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        # Killed once it has saved a few times, however fast the machine: in the middle of a later save.
        for _save in range(rng.randint(1, 4)):
            writer.stdout.readline()
        writer.send_signal(signal.SIGKILL)
        assert writer.wait() == -signal.SIGKILL  # killed, not ended some other way
        seen.append(path.read_bytes())
        assert seen[-1] in (old, new)
    # The kills came at different points of the writing: each version was the one left some of the time.
    assert set(seen) == {old, new}


def test_the_saved_edit_holds_the_bytes_before_and_after_and_undoing_it_gives_back_the_file(tmp_path: Path) -> None:
    from briefing.format.status_edit import restore
    from briefing.system.files import Stamp

    path, fingerprint = write(tmp_path)
    saved = change_file(path, fingerprint, confirm_second)
    assert saved.before == ORIGINAL.encode("utf-8") and saved.after == path.read_bytes() != saved.before
    assert saved.stamp == Stamp.of(path)
    assert restore(path, saved) == Stamp.of(path)
    assert path.read_bytes() == ORIGINAL.encode("utf-8") and leftovers(tmp_path) == []


def test_an_edit_changed_since_on_disk_is_not_undone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.format import status_edit
    from briefing.format.status_edit import restore

    path, fingerprint = write(tmp_path)
    saved = change_file(path, fingerprint, confirm_second)
    theirs = saved.after.replace(b"Odd layout", b"Their title")
    path.write_bytes(theirs)
    with pytest.raises(ConflictError) as raised:
        restore(path, saved)
    assert str(raised.value) == f"{path} has changed since that edit; undoing it would lose that; nothing was saved"
    assert path.read_bytes() == theirs
    # Changed between the undo's read and its rename: the save's own check notices.
    path.write_bytes(saved.after)
    real_write = atomic_write

    def changed_meanwhile(target: Path, data: bytes, expected: Fingerprint | None = None) -> object:
        path.write_bytes(theirs)
        return real_write(target, data, expected)

    monkeypatch.setattr(status_edit, "atomic_write", changed_meanwhile)
    with pytest.raises(ConflictError):
        restore(path, saved)
    assert path.read_bytes() == theirs


def test_a_file_with_a_byte_order_mark_keeps_it(tmp_path: Path) -> None:
    path, fingerprint = write(tmp_path, "\ufeff" + ORIGINAL)
    change_file(path, fingerprint, confirm_second)
    assert path.read_bytes() == ("\ufeff" + confirm_second(ORIGINAL)).encode("utf-8")


@pytest.mark.parametrize("now", ["directory", "fifo", "unreadable", "not utf-8", "changed"])
def test_a_file_that_is_no_longer_one_to_edit_is_said_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, now: str
) -> None:
    from briefing.format import status_edit

    path, fingerprint = write(tmp_path)
    messages = {
        "directory": f"{path} is a directory now, not the file that was loaded; nothing was saved",
        "fifo": f"{path} is no longer the file that was loaded; nothing was saved",
        "unreadable": f"cannot read {path}: Permission denied",
        "not utf-8": f"{path} is not UTF-8 text",
        "changed": f"{path} changed on disk since it was loaded; nothing was saved",
    }
    path.unlink()
    if now == "directory":
        path.mkdir()
    elif now == "fifo":
        os.mkfifo(path)
    elif now == "unreadable":
        path.write_bytes(ORIGINAL.encode("utf-8"))

        def refused(name: object) -> object:
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(status_edit, "read_with_fingerprint", refused)
    else:
        path.write_bytes(b"\xff\xfe" if now == "not utf-8" else b"other")
    if now == "not utf-8":
        fingerprint = load_fingerprint(path)
    with pytest.raises(SaveError) as raised:
        change_file(path, fingerprint, confirm_second)
    assert str(raised.value) == messages[now]


def load_fingerprint(path: Path) -> Fingerprint:
    from briefing.system.files import read_with_fingerprint

    return read_with_fingerprint(path)[1]
