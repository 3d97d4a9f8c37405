"""The kept first screens: what is safe to write back to a terminal, their key, and the folder that holds them."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from briefing.system.kept_frames import HEADER, KEEP, MAX_BYTES, frame_key, keep_frame, read_frame, safe_frame

KEY = "a" * 64
FRAME = "\x1b[1;1H\x1b[1;38;2;224;224;224;48;2;30;30;30mPutin Likely\x1b[0m\x1b[2;1H\x1b[2m· café 東京 ‼ ◌\x1b[0m"
"""As the app writes a screen: a cursor move to each row, styles, and text (wide and accented too)."""


def test_a_screen_as_the_app_writes_it_is_safe() -> None:
    assert safe_frame(FRAME)


@pytest.mark.parametrize(
    "hostile",
    [
        "\x1b]52;c;UFdORUQ=\x07",  # OSC 52: writes the reader's clipboard
        "\x1b]0;OWNED\x07",  # the window title
        "\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\",  # a hyperlink
        "\x1b[2J",  # clears the screen
        "\x1b[6n",  # asks the terminal to answer into the keyboard
        "\x1b[?1049l",  # leaves the alternate screen
        "\x9b2J",  # the same as a C1 control
        "\x1bc",  # resets the terminal
        "\x07",
        "\r",
        "\x7f",
        "\u202eevil",  # reorders what follows it
        "\x1b[1;1",  # a cut sequence
        "\x1b[38;2;1;2;3",
    ],
)
def test_any_other_control_makes_a_frame_unsafe(hostile: str) -> None:
    assert not safe_frame(FRAME + hostile)
    assert not safe_frame(hostile + FRAME)


def test_a_kept_frame_reads_back_as_kept(tmp_path: Path) -> None:
    keep_frame(tmp_path, KEY, FRAME)
    assert read_frame(tmp_path, KEY) == FRAME
    assert read_frame(tmp_path, "b" * 64) is None


def test_an_unsafe_frame_is_never_kept(tmp_path: Path) -> None:
    keep_frame(tmp_path, KEY, FRAME + "\x1b]52;c;UFdORUQ=\x07")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    "content",
    [
        (HEADER + "\n" + FRAME + "\x1b]52;c;UFdORUQ=\x07").encode(),  # written by someone else
        ("briefing-frame 0\n" + FRAME).encode(),  # another format
        FRAME.encode(),  # no header
        (HEADER + "\n").encode(),  # nothing to show
        (HEADER + "\n").encode() + b"\xff\xfe",  # not UTF-8
        (HEADER + "\n").encode() + b"x" * MAX_BYTES,  # too large
    ],
)
def test_a_kept_frame_that_is_not_one_the_app_would_keep_is_not_read(tmp_path: Path, content: bytes) -> None:
    (tmp_path / f"{KEY}.frame").write_bytes(content)
    assert read_frame(tmp_path, KEY) is None


def test_a_frame_that_is_a_link_or_a_fifo_is_not_followed_or_waited_on(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_text(HEADER + "\n" + FRAME, encoding="utf-8")
    (tmp_path / f"{KEY}.frame").symlink_to(elsewhere)
    assert read_frame(tmp_path, KEY) is None
    fifo_key = "c" * 64
    os.mkfifo(tmp_path / f"{fifo_key}.frame")
    answer: list[str | None] = []
    reader = threading.Thread(target=lambda: answer.append(read_frame(tmp_path, fifo_key)))
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # unblock it before failing: open a writer
        with open(tmp_path / f"{fifo_key}.frame", "w"):
            pass
        reader.join()
        pytest.fail("read_frame waited on a FIFO")
    assert answer == [None]


def test_a_key_that_is_not_a_digest_names_no_file(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"^not a frame key: '../../etc/passwd'$"):
        read_frame(tmp_path, "../../etc/passwd")


def test_a_frame_is_kept_up_to_the_size_limit_and_its_folder_made(tmp_path: Path) -> None:
    folder = tmp_path / "cache" / "briefing" / "frames"
    largest = "x" * (MAX_BYTES - len(HEADER) - 1)
    keep_frame(folder, KEY, largest)
    assert read_frame(folder, KEY) == largest
    keep_frame(folder, "b" * 64, largest + "x")
    assert not (folder / f"{'b' * 64}.frame").exists()


def test_pruning_counts_only_the_folders_own_frames(tmp_path: Path) -> None:
    outside = tmp_path / "outside.frame"
    outside.write_text("not a frame of the folder", encoding="utf-8")
    folder = tmp_path / "frames"
    folder.mkdir()
    (folder / "aaa.frame").symlink_to(outside)
    (folder / "notes.txt").write_text("another program's", encoding="utf-8")
    for name in ("aaa.frame", "notes.txt"):
        os.utime(folder / name, ns=(0, 0), follow_symlinks=False)
    for number in range(KEEP + 1):
        (folder / f"{number + 1:064x}.frame").write_text(f"{HEADER}\n{FRAME}", encoding="utf-8")
        os.utime(folder / f"{number + 1:064x}.frame", ns=(10**9 + number, 10**9 + number))
    keep_frame(folder, f"{KEEP + 1:064x}", FRAME)
    assert (folder / "aaa.frame").is_symlink() and (folder / "notes.txt").exists()
    assert outside.read_text(encoding="utf-8") == "not a frame of the folder"
    assert len(list(folder.glob("*.frame"))) == KEEP + 1, "the link is not a frame: only the oldest frame went"


def test_pruning_goes_on_past_a_frame_it_cannot_look_at_or_remove(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = [f"{number + 1:064x}" for number in range(KEEP + 3)]
    for age, key in enumerate(keys):  # written here, not kept: keeping prunes as it goes
        (tmp_path / f"{key}.frame").write_text(f"{HEADER}\n{FRAME}", encoding="utf-8")
        os.utime(tmp_path / f"{key}.frame", ns=(10**9 * (age + 1), 10**9 * (age + 1)))
    real_unlink = Path.unlink
    real_scandir = os.scandir

    def unlink(path: Path, missing_ok: bool = False) -> None:
        if path.stem == keys[2]:  # the newest of the three to go: the first one tried
            raise PermissionError(13, "Permission denied")
        real_unlink(path, missing_ok)

    class Vanished:
        """An entry listed, then gone before it is looked at (another app pruned it)."""

        name = f"{'f' * 64}.frame"
        path = "/nowhere"

        def is_file(self, follow_symlinks: bool = True) -> bool:
            return True

        def stat(self, follow_symlinks: bool = True) -> os.stat_result:
            raise FileNotFoundError(2, "No such file or directory")

    class Listing:
        def __init__(self, folder: Path) -> None:
            self.inner = real_scandir(folder)

        def __enter__(self) -> list[object]:
            return [Vanished(), *self.inner]

        def __exit__(self, *_exc: object) -> None:
            self.inner.close()

    monkeypatch.setattr(Path, "unlink", unlink)
    monkeypatch.setattr(os, "scandir", Listing)
    keep_frame(tmp_path, keys[-1], FRAME)
    monkeypatch.undo()
    assert sorted(path.stem for path in tmp_path.glob("*.frame")) == sorted(keys[2:])


def test_only_the_newest_frames_are_kept(tmp_path: Path) -> None:
    keys = [f"{number:064x}" for number in range(KEEP + 3)]
    for age, key in enumerate(keys):
        keep_frame(tmp_path, key, FRAME)
        os.utime(tmp_path / f"{key}.frame", ns=(age * 10**9, age * 10**9))
    keep_frame(tmp_path, keys[-1], FRAME)  # the last write prunes
    kept = sorted(path.stem for path in tmp_path.glob("*.frame"))
    assert kept == sorted(keys[3:])


BASE = {
    "path": Path("/briefs/a.toml"),
    "data": b'schema_version = 1\n[brief]\ntitle = "A"\n',
    "context": {"today": "2026-12-05", "theme": "", "settings": "Settings()", "briefing": "0.1.0"},
    "columns": 120,
    "rows": 40,
    "environ": {"TERM": "xterm-256color", "HOME": "/root"},
}


def key_of(**changed: object) -> str:
    arguments = {**BASE, **changed}
    return frame_key(
        arguments["path"],  # type: ignore[arg-type]
        arguments["data"],  # type: ignore[arg-type]
        arguments["context"],  # type: ignore[arg-type]
        arguments["columns"],  # type: ignore[arg-type]
        arguments["rows"],  # type: ignore[arg-type]
        arguments["environ"],  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    "changed",
    [
        {"path": Path("/briefs/b.toml")},
        {"data": b'schema_version = 1\n[brief]\ntitle = "B"\n'},
        {"context": {**BASE["context"], "today": "2026-12-06"}},  # type: ignore[dict-item]
        {"context": {**BASE["context"], "theme": "nord"}},  # type: ignore[dict-item]
        {"context": {**BASE["context"], "settings": "Settings(theme='nord')"}},  # type: ignore[dict-item]
        {"context": {**BASE["context"], "briefing": "0.2.0"}},  # type: ignore[dict-item]
        {"columns": 80},
        {"rows": 24},
        {"environ": {"TERM": "xterm"}},
        {"environ": {**BASE["environ"], "COLORTERM": "truecolor"}},  # type: ignore[dict-item]
        {"environ": {**BASE["environ"], "NO_COLOR": "1"}},  # type: ignore[dict-item]
        {"environ": {**BASE["environ"], "TEXTUAL_COLOR_SYSTEM": "standard"}},  # type: ignore[dict-item]
    ],
)
def test_everything_the_first_screen_is_drawn_from_is_in_its_key(changed: dict[str, object]) -> None:
    assert key_of(**changed) != key_of()


def test_what_does_not_change_the_screen_is_not_in_the_key() -> None:
    assert key_of(environ={**BASE["environ"], "HOME": "/home/other", "PWD": "/tmp"}) == key_of()  # type: ignore[dict-item]
