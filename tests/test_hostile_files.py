"""Hostile files, caches and settings: every read is bounded and of regular files only; nothing hangs,
nothing is followed where it could clobber, nothing crashes."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.format.load import load_path
from briefing.format.model import ConfirmationStatus
from briefing.format.status_edit import change_file, reopen, resolve
from briefing.library.index import Library
from briefing.system.files import ConflictError, atomic_write, read_regular
from briefing.system.settings import read_settings, save_theme, settings_path
from tests.conftest import MINIMAL_BRIEF, ROOT, SEED
from tests.test_library import built, in_order


@pytest.fixture
def deadline() -> Iterator[None]:
    """Fail, rather than hang the suite, if the test blocks for 10 s (a FIFO read, say)."""

    def expired(_signal: int, _frame: object) -> None:
        raise TimeoutError("blocked for 10 s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


# -- bounded reads -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "directory"])
def test_a_brief_that_is_not_a_regular_file_is_refused_at_once(tmp_path: Path, kind: str, deadline: None) -> None:
    path = tmp_path / "brief.toml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    else:
        path.mkdir()
    (problem,) = load_path(path).problems
    assert problem.message in ("is not a regular file", "is a directory, not a brief file")


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "huge"])
def test_a_brief_replaced_after_load_is_not_read_unbounded_by_the_save(
    brief_copy: Path, kind: str, deadline: None
) -> None:
    loaded = load_path(brief_copy)
    assert loaded.fingerprint is not None
    brief_copy.unlink()
    if kind == "fifo":
        os.mkfifo(brief_copy)
    elif kind == "dev-zero":
        brief_copy.symlink_to("/dev/zero")
    else:
        with open(brief_copy, "wb") as handle:
            handle.truncate(200 * 1024 * 1024)
    with pytest.raises(ConflictError, match="no longer the file that was loaded"):
        change_file(brief_copy, loaded.fingerprint, lambda text: reopen(text, "visit-dates"))
    if kind == "huge":
        assert brief_copy.stat().st_size == 200 * 1024 * 1024


def test_read_regular_stops_at_its_limit_even_when_stat_lies(tmp_path: Path) -> None:
    path = tmp_path / "ten"
    path.write_bytes(b"x" * 10)
    with pytest.raises(OSError, match="limit is 5 bytes"):
        read_regular(path, 5)
    assert read_regular(path, 10)[0] == b"x" * 10
    # A file whose size stat gives as 0, as /proc's are, is still read no further than the limit.
    assert os.stat("/proc/self/status").st_size == 0
    with pytest.raises(OSError, match="limit is 5 bytes"):
        read_regular("/proc/self/status", 5)


def test_a_brief_with_a_byte_order_mark_can_be_resolved_and_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + SEED.read_bytes())
    loaded = load_path(path)
    assert loaded.brief is not None and loaded.fingerprint is not None
    import datetime as dt

    change_file(path, loaded.fingerprint, lambda t: resolve(t, "visit-dates", ConfirmationStatus.CONFIRMED,
                                                            dt.date(2024, 6, 17), "Kremlin said so"))  # fmt: skip
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\xef\xbb\xbf") == 1
    after = load_path(path).brief
    assert after is not None
    assert after.confirmations[0].status is ConfirmationStatus.CONFIRMED


# -- saving keeps the owner and group -------------------------------------------------------------------------


def test_a_save_keeps_the_files_owner_and_group(tmp_path: Path) -> None:
    path = tmp_path / "theirs.toml"
    path.write_bytes(b"old")
    os.chmod(path, 0o640)
    if os.geteuid() == 0:
        uid, gid = 4321, 4322
    else:
        uid, gid = os.getuid(), next((g for g in os.getgroups() if g != os.getgid()), os.getgid())
    os.chown(path, uid, gid)
    atomic_write(path, b"new")
    info = path.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (uid, gid, 0o640)
    assert path.read_bytes() == b"new"


# -- the library's index ---------------------------------------------------------------------------------------


def _library_of(folder: Path, cache: Path) -> Library:
    folder.mkdir(exist_ok=True)
    (folder / "good.toml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    return Library([folder], cache)


def _index_file(lib: Library) -> Path:
    assert lib.store.file is not None
    return lib.store.file


def test_a_file_name_that_is_not_utf8_is_listed_escaped_and_kept(tmp_path: Path) -> None:
    lib = _library_of(tmp_path / "lib", tmp_path / "cache")
    bad = os.path.join(os.fsencode(tmp_path / "lib"), b"bad\xff.toml")
    with open(bad, "wb") as handle:
        handle.write(b"schema_version = 1\n")
    entries = built(lib)
    (entry,) = (entry for entry in entries.values() if not entry.ok)
    assert entry.title == "bad\\xff.toml"
    assert os.fsencode(entry.path) == bad
    assert built(Library([tmp_path / "lib"], tmp_path / "cache")) == entries


def test_a_file_name_with_control_characters_is_shown_escaped(tmp_path: Path) -> None:
    lib = _library_of(tmp_path / "lib", tmp_path / "cache")
    (tmp_path / "lib" / "x\x1b]0;T\x07.toml").write_text("not toml", encoding="utf-8")
    entries = built(lib)
    assert [entry.title for entry in entries.values() if not entry.ok] == ["x\\x1b]0;T\\x07.toml"]
    assert built(Library([tmp_path / "lib"], tmp_path / "cache")) == entries


def test_an_index_that_is_a_symlink_to_dev_zero_is_set_aside_not_read(tmp_path: Path, deadline: None) -> None:
    lib = _library_of(tmp_path / "lib", tmp_path / "cache")
    _index_file(lib).parent.mkdir(parents=True)
    _index_file(lib).symlink_to("/dev/zero")
    assert len(built(lib)) == 1
    assert not _index_file(lib).is_symlink()


def test_an_index_that_is_a_symlink_to_a_valid_index_is_not_read(tmp_path: Path) -> None:
    lib = _library_of(tmp_path / "lib", tmp_path / "cache")
    built(lib)
    lib.store.close()
    planted = tmp_path / "planted.sqlite3"
    _index_file(lib).rename(planted)
    _index_file(lib).symlink_to(planted)
    (tmp_path / "lib" / "good.toml").unlink()
    again = Library([tmp_path / "lib"], tmp_path / "cache")
    assert built(again) == {}, "the planted index (which lists good.toml) is not what is read"
    assert not _index_file(again).is_symlink()


def test_an_index_that_is_a_symlink_to_another_file_is_set_aside_not_followed(tmp_path: Path) -> None:
    lib = _library_of(tmp_path / "lib", tmp_path / "cache")
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me", encoding="utf-8")
    _index_file(lib).parent.mkdir(parents=True)
    _index_file(lib).symlink_to(victim)
    built(lib)
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not _index_file(lib).is_symlink()


def test_an_index_that_is_a_fifo_does_not_hang(tmp_path: Path, deadline: None) -> None:
    lib = _library_of(tmp_path / "lib", tmp_path / "cache")
    _index_file(lib).parent.mkdir(parents=True)
    os.mkfifo(_index_file(lib))
    assert len(built(lib)) == 1


# -- settings ---------------------------------------------------------------------------------------------------


def _settings_file() -> Path:
    path = settings_path()
    assert path is not None
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def test_a_fifo_as_the_settings_file_does_not_hang(deadline: None) -> None:
    os.mkfifo(_settings_file())
    settings = read_settings()
    assert settings.warnings and "is not a regular file" in settings.warnings[0]


def test_content_under_an_unknown_user_is_a_warning(tmp_path: Path) -> None:
    _settings_file().write_text(f'content = ["~nosuchuser-briefing/x", "{tmp_path}"]\n', encoding="utf-8")
    settings = read_settings()
    assert settings.content == (tmp_path,)
    assert "no home directory is known for ~nosuchuser-briefing" in settings.warnings[0]


def test_settings_warnings_write_control_characters_as_escapes() -> None:
    _settings_file().write_text(
        '"\\u001b]0;OWNED\\u0007" = 1\ntheme = "\\u001b[2J"\n[keys]\n"app.\\u001b[31m" = "q"\n'
        '"app.quit" = "ctrl+\\u0000"\n"app.help" = "ctrl+ q"\n',
        encoding="utf-8",
    )
    settings = read_settings()
    assert settings.keys == {}
    assert settings.theme is None
    assert len(settings.warnings) == 5
    for warning in settings.warnings:
        assert warning.isprintable(), warning
    unknown, theme, binding, nul, space = settings.warnings
    assert "unknown setting `\\x1b]0;OWNED\\x07`" in unknown
    assert "theme: expected a theme name" in theme
    assert "keys.app.\\x1b[31m: not a binding id" in binding
    assert "not a key name: “ctrl+\\x00”" in nul
    assert "not a key name: “ctrl+ q”" in space


def test_key_names_are_validated() -> None:
    _settings_file().write_text('[keys]\n"app.quit" = "ctrl+q, Q"\n"list.down" = "j,down,?,question_mark"\n',
                                encoding="utf-8")  # fmt: skip
    settings = read_settings()
    assert settings.warnings == ()
    assert settings.keys == {"app.quit": "ctrl+q,Q", "list.down": "j,down,?,question_mark"}


def test_picking_a_theme_keeps_a_crlf_settings_file_crlf() -> None:
    path = _settings_file()
    path.write_bytes(b'# mine\r\ntheme = "nord"\r\n\r\n[keys]\r\n"app.quit" = "ctrl+q"\r\n')
    save_theme("dracula")
    assert path.read_bytes() == b'# mine\r\ntheme = "dracula"\r\n\r\n[keys]\r\n"app.quit" = "ctrl+q"\r\n'
    path.write_bytes(b"# mine\r\n[keys]\r\n")
    save_theme("nord")
    assert path.read_bytes() == b'# mine\r\ntheme = "nord"\r\n\r\n[keys]\r\n'


def test_no_home_and_no_passwd_entry(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import pwd

    def unknown(_uid: int) -> object:
        raise KeyError("no passwd entry")

    for variable in ("HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(pwd, "getpwuid", unknown)
    assert settings_path() is None
    assert read_settings().warnings == ()
    assert Library([SEED.parent]).store.file is None
    assert main(["check", str(SEED)]) == 0
    assert main(["config", "path"]) == 1
    assert "no home directory" in capsys.readouterr().err


# -- folders and paths that cannot be read ------------------------------------------------------------------------


def _without_root_rights() -> list[str]:
    """The prefix that runs a command bound by file permissions: as root, without the capabilities that let
    root read and enter anything (through setpriv); others are bound already."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    assert setpriv is not None, "setpriv (util-linux) is needed to drop root's rights in this test"
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--"]


@pytest.fixture
def folder_with_a_secret(tmp_path: Path) -> Iterator[Path]:
    """A folder holding a brief, and a folder ``secret`` (holding one more) that no one may list or enter."""
    (tmp_path / "good.toml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "hidden.toml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    secret.chmod(0)
    yield tmp_path
    secret.chmod(0o755)


def test_check_reports_an_unreadable_folder_and_a_path_it_cannot_enter(folder_with_a_secret: Path) -> None:
    folder, secret = folder_with_a_secret, folder_with_a_secret / "secret"
    command = [*_without_root_rights(), sys.executable, "-m", "briefing"]
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT), "HOME": str(folder),
           "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1", "BRIEFING_TODAY": "as-of"}  # fmt: skip

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*command, *args], capture_output=True, text=True, timeout=60, env=env,
                              cwd=folder, stdin=subprocess.DEVNULL)  # fmt: skip

    listed = run("check", str(folder))
    assert listed.returncode == 1, listed.stderr
    assert listed.stdout == f"{secret}: error: cannot be read: Permission denied\n"
    assert "1 problem in 0 of 1 files and 1 unreadable folder" in listed.stderr
    for args in (("check",), ("show",), ("export", "-f", "json")):
        inside = run(*args, str(secret / "hidden.toml"))
        assert inside.returncode == 1, (args, inside.stderr)
        assert "Traceback" not in inside.stderr
        assert "permission denied" in inside.stdout + inside.stderr


# -- what the loader refuses -----------------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [65, 250, 450, 5000])
def test_nesting_deeper_than_the_limit_is_a_located_problem(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(MINIMAL_BRIEF + "\n[x]\nkeep = 1\nnested = " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    result = load_path(path)
    assert result.brief is None
    if depth < 1000:
        (problem,) = result.problems
        assert (problem.line, problem.key) == (12, "x.nested")
        assert problem.message == "values are nested more than 64 deep (arrays or tables in one another)"
    done = subprocess.run([sys.executable, "-m", "briefing", "export", "-f", "toml", str(path)], capture_output=True,
                          text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "nested" in done.stderr


def test_nesting_up_to_the_limit_exports_to_every_format(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(MINIMAL_BRIEF + "\n[x]\nnested = " + "[" * 62 + "1" + "]" * 62 + "\n", encoding="utf-8")
    brief = load_path(path).brief
    assert brief is not None
    from briefing.export import FORMATS, export_text

    for name in FORMATS:
        assert export_text(brief, name)


@pytest.mark.parametrize("content", [b"\x0c", b"\x0b", b"\n\x0c\n"])
def test_a_form_feed_or_vertical_tab_is_a_syntax_error_not_empty(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "ff.toml"
    path.write_bytes(content)
    (problem,) = load_path(path).problems
    assert problem.message.startswith("TOML syntax:")
    assert problem.line == content.count(b"\n", 0, content.index(content.strip(b"\n"))) + 1
    assert problem.column == 1


def test_the_library_lists_a_folder_it_cannot_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lib = _library_of(tmp_path / "lib", tmp_path / "cache")
    secret = tmp_path / "lib" / "secret"
    secret.mkdir()
    real_scandir = os.scandir

    def refusing(path: str | bytes | os.PathLike[str] = ".") -> object:
        if os.fsdecode(path) == str(secret):
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)  # as root, no mode makes a folder unreadable
    entries = built(lib)
    listed = entries[str(secret)]
    assert listed.title == "secret"
    assert [str(problem) for problem in listed.problems] == [f"{secret}: error: cannot be read: Permission denied"]
    monkeypatch.setattr(os, "scandir", real_scandir)
    assert lib.refresh() is True
    assert str(secret) not in {entry.path for entry in in_order(lib, 0)}
