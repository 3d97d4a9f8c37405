"""The settings file: read without trusting it, and the theme written back with a one-line edit."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.system.files import SaveError
from briefing.system.settings import Settings, read_settings, save_theme, settings_path, with_theme


def test_settings_path_follows_xdg_config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert settings_path() == tmp_path / "briefing" / "settings.toml"
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/dir")
    assert settings_path() == Path.home() / ".config" / "briefing" / "settings.toml"


def test_every_setting_is_read(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        'theme = "nord"\ncontent = ["~/briefs", "/srv/briefs"]\n[keys]\n"app.quit" = "ctrl+q, q"\nlist.down = "j"\n',
        encoding="utf-8",
    )
    settings = read_settings(path)
    assert settings.theme == "nord"
    assert settings.content == (Path.home() / "briefs", Path("/srv/briefs"))
    assert settings.keys == {"app.quit": "ctrl+q,q", "list.down": "j"}
    assert settings.warnings == ()


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ('theme = "nord', "TOML syntax"),
        (b"theme = '\xff'", "not UTF-8"),
        ("theme = 3", "theme: expected a theme name"),
        ('content = 3\ntheme = "nord"', "content: expected a path or a list of paths"),
        ('keys = "q"', "keys: expected a table"),
        ("[keys]\nquit = 1", "keys.quit: expected keys as a string"),
        ('colour = "red"', "unknown setting `colour`"),
    ],
)
def test_a_bad_setting_is_a_warning_naming_the_file(tmp_path: Path, text: str | bytes, warning: str) -> None:
    path = tmp_path / "settings.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    settings = read_settings(path)
    assert len(settings.warnings) == 1
    assert settings.warnings[0].startswith(f"{path}:") and warning in settings.warnings[0]


def test_good_settings_survive_a_bad_neighbour(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('content = 3\ntheme = "nord"\n', encoding="utf-8")
    assert read_settings(path).theme == "nord"


def test_a_directory_or_an_unreadable_file_gives_the_defaults(tmp_path: Path) -> None:
    settings = read_settings(tmp_path)
    assert (settings.theme, settings.readable) == (None, False)
    assert "is a directory" in settings.warnings[0]
    assert read_settings(tmp_path / "missing.toml") == Settings()


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("", 'theme = "nord"\n'),
        ('theme = "dracula"\n', 'theme = "nord"\n'),
        ("theme='dracula' # mine\n[keys]\n", 'theme="nord" # mine\n[keys]\n'),
        (
            '# top\n[keys]\ntheme = "not the top-level one"\n',
            '# top\ntheme = "nord"\n\n[keys]\ntheme = "not the top-level one"\n',
        ),
        ('content = "~/b"', 'content = "~/b"\ntheme = "nord"\n'),
    ],
)
def test_with_theme_changes_or_adds_one_line(before: str, after: str) -> None:
    assert with_theme(before, "nord") == after


def test_save_theme_creates_the_file_and_its_directory(tmp_path: Path) -> None:
    path = tmp_path / "new" / "settings.toml"
    save_theme("nord", path)
    assert read_settings(path).theme == "nord"
    save_theme("gruvbox", path)
    assert read_settings(path).theme == "gruvbox"
    assert path.read_text(encoding="utf-8").count("theme") == 1


def test_save_theme_never_writes_a_file_it_cannot_read(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('theme = "nord\n', encoding="utf-8")
    with pytest.raises(SaveError, match="TOML error"):
        save_theme("gruvbox", path)
    assert path.read_text(encoding="utf-8") == 'theme = "nord\n'
    path.write_text('theme = """nord"""\n', encoding="utf-8")
    with pytest.raises(SaveError, match="by hand"):
        save_theme("gruvbox", path)
    assert path.read_text(encoding="utf-8") == 'theme = """nord"""\n'


def test_a_syntax_error_names_its_line_and_column(tmp_path: Path) -> None:
    import tomli

    path = tmp_path / "settings.toml"
    path.write_text('# mine\ntheme = "nord\n', encoding="utf-8")
    with pytest.raises(tomli.TOMLDecodeError) as raised:
        tomli.loads(path.read_text(encoding="utf-8"))
    said = str(raised.value).removesuffix(" (at line 2, column 14)")
    assert said and said != str(raised.value)
    assert read_settings(path) == Settings(
        warnings=(f"{path}:2:14: TOML syntax: {said}; using the defaults",), readable=False
    )


def test_docs_list_every_binding_id() -> None:
    from briefing.ui.keys import BINDING_IDS
    from tests.conftest import ROOT

    listed = (ROOT / "docs" / "keys.md").read_text(encoding="utf-8")
    assert [binding for binding in sorted(BINDING_IDS) if f"| `{binding}` |" not in listed] == []


def settings_of(tmp_path: Path, text: str) -> tuple[Settings, str]:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return read_settings(path), str(path)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('theme = ""', 'theme: expected a theme name, like "nord"'),
        ('theme = "a\\tb"', 'theme: expected a theme name, like "nord"'),
        ('colour = "red"', "unknown setting `colour` (the settings are theme, keys, content, today, ages, remember)"),
        (
            '"\\u001b[2J" = 1',
            "unknown setting `\\x1b[2J` (the settings are theme, keys, content, today, ages, remember)",
        ),
        ('keys = "q"', 'keys: expected a table [keys] of binding id = "keys"'),
        ('[keys]\n"app.quit" = ""', 'keys.app.quit: expected keys as a string like "ctrl+q" or "j,down"'),
        ('[keys]\n"app.quit" = "q,,w"', 'keys.app.quit: expected keys as a string like "ctrl+q" or "j,down"'),
        ('[keys]\n"app.quit" = 1', 'keys.app.quit: expected keys as a string like "ctrl+q" or "j,down"'),
        ('[keys]\n"a\\u0007b" = "q"', "keys.a\\x07b: not a binding id (docs/keys.md lists them)"),
        ('[keys]\n"app.quit" = "ctl+q, a b,  "', 'keys.app.quit: expected keys as a string like "ctrl+q" or "j,down"'),
        (
            '[keys]\n"app.quit" = "ctl+q, a b"',
            "keys.app.quit: not a key name: “ctl+q”, “a b” (like j, ?, down, ctrl+q)",
        ),
        ('[keys]\n"app.quit" = "Down, é"', "keys.app.quit: not a key name: “Down” (like j, ?, down, ctrl+q)"),
        ("[keys.list]\ndown = 1", 'keys.list.down: expected keys as a string like "ctrl+q" or "j,down"'),
        ('[keys]\n"app.quit" = "\\u001b"', "keys.app.quit: not a key name: “\\x1b” (like j, ?, down, ctrl+q)"),
        ("content = []", ""),
        ("content = 3", "content: expected a path or a list of paths"),
        ('content = ["a", ""]', "content: expected a path or a list of paths"),
        ('content = ["a", 1]', "content: expected a path or a list of paths"),
        ('content = "a\\u0000b"', "content: “a\\x00b” holds a NUL character; left out"),
        (
            'content = "~no-such-user-here/x"',
            "content: “~no-such-user-here/x”: no home directory is known for ~no-such-user-here; left out",
        ),
        ('today = "soon"', "today: expected a date like 2026-11-29, or as-of, not “soon”"),
        ("today = 3", 'today: expected a date (2026-11-29) or "as-of"'),
        ("today = 2024-06-12T10:00:00", 'today: expected a date (2026-11-29) or "as-of"'),
        ('ages = "7"', "ages: expected a table [ages] of ageing, overdue and stale, in days"),
        ("[ages]\nfresh = 3", "ages: unknown key `fresh` (the keys are ageing, overdue, stale)"),
        ("[ages]\nageing = 0", "ages.ageing: expected a whole number of days, like 7"),
        ("[ages]\noverdue = 100000", "ages.overdue: expected a whole number of days, like 7"),
        ("[ages]\nstale = 7.0", "ages.stale: expected a whole number of days, like 7"),
        ("[ages]\nstale = true", "ages.stale: expected a whole number of days, like 7"),
        ('remember = "no"', "remember: expected true or false"),
        ("remember = 0", "remember: expected true or false"),
    ],
)
def test_each_bad_setting_says_what_it_expects(tmp_path: Path, text: str, said: str) -> None:
    settings, where = settings_of(tmp_path, text)
    assert settings.warnings == ((f"{where}: {said}",) if said else ())
    assert settings.readable
    assert (settings.theme, settings.remember) == (None, True), "a bad value is the default's"


def test_each_good_setting_is_read_as_written(tmp_path: Path) -> None:
    text = """theme = "nord"
content = "~/briefs"
today = 2024-06-12
remember = false
[keys]
"app.quit" = "ctrl+q"
list = { down = "j, down", up = "k" }
"help" = "question_mark, ?, +, shift+tab, ctrl+alt+meta+super+hyper+x"
[ages]
ageing = 1
overdue = 99999
stale = 30
"""
    settings, _ = settings_of(tmp_path, text)
    assert settings == Settings(
        "nord",
        {"app.quit": "ctrl+q", "list.down": "j,down", "list.up": "k",
         "help": "question_mark,?,+,shift+tab,ctrl+alt+meta+super+hyper+x"},
        (Path.home() / "briefs",),
        "2024-06-12",
        {"ageing": 1, "overdue": 99999, "stale": 30},
        False,
    )  # fmt: skip
    assert settings_of(tmp_path, 'today = "as-of"\nremember = true')[0] == Settings(today="as-of")
    assert settings_of(tmp_path, 'today = " 2024-06-12 "')[0].today == " 2024-06-12 "
    left_out, where = settings_of(tmp_path, 'content = ["a\\u0000b", "/srv/briefs"]')
    assert left_out.content == (Path("/srv/briefs"),), "the paths after one left out are kept"
    assert left_out.warnings == (f"{where}: content: “a\\x00b” holds a NUL character; left out",)


def test_no_home_and_no_config_folder_is_the_defaults_and_no_file_to_save(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("briefing.system.settings.config_dir", lambda: None)
    assert settings_path() is None
    assert read_settings() == Settings()
    with pytest.raises(SaveError, match=r"^there is no home directory \(nor \$XDG_CONFIG_HOME\) to keep settings in$"):
        save_theme("nord")


def test_a_file_that_cannot_be_read_is_the_defaults_saying_why(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    assert read_settings(fifo) == Settings(
        warnings=(f"{fifo}: is not a regular file; using the defaults",), readable=False
    )
    large = tmp_path / "large.toml"
    large.write_bytes(b"#" * (64 * 1024 + 1))
    assert read_settings(large) == Settings(warnings=(f"{large}: larger than 64 KiB; using the defaults",),
                                            readable=False)  # fmt: skip
    at_limit = tmp_path / "at_limit.toml"
    at_limit.write_bytes(b"#" * (64 * 1024))
    assert read_settings(at_limit) == Settings()
    assert read_settings(tmp_path) == Settings(
        warnings=(f"{tmp_path}: is a directory, not a settings file; using the defaults",), readable=False
    )
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    (warning,) = read_settings(loop).warnings
    assert warning.startswith(f"{loop}: ") and warning.endswith("; using the defaults")
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"theme = '\xff'")
    assert read_settings(bad) == Settings(warnings=(f"{bad}: not UTF-8 text; using the defaults",), readable=False)


def test_a_file_that_cannot_be_opened_names_the_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('theme = "nord"', encoding="utf-8")

    def refused(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("briefing.system.settings.read_regular", refused)
    assert read_settings(path) == Settings(
        warnings=(f"{path}: cannot be read (Permission denied); using the defaults",), readable=False
    )

    def bare(*_args: object, **_kwargs: object) -> None:
        raise OSError("no reason given")

    monkeypatch.setattr("briefing.system.settings.read_regular", bare)
    assert read_settings(path).warnings == (f"{path}: cannot be read (no reason given); using the defaults",)


def test_a_syntax_error_without_a_position_is_said_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tomli

    def failing(_text: str) -> None:
        raise tomli.TOMLDecodeError("Something odd")

    path = tmp_path / "settings.toml"
    path.write_text("x = 1", encoding="utf-8")
    monkeypatch.setattr(tomli, "loads", failing)
    with pytest.warns(DeprecationWarning):  # tomli's own errors always have a position: made by hand here
        warnings = read_settings(path).warnings
    assert warnings == (f"{path}: TOML syntax: Something odd; using the defaults",)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("a = 1", 'a = 1\ntheme = "nord"\n'),
        ("a = 1\r\n", 'a = 1\r\ntheme = "nord"\r\n'),
        ("a = 1\r\n[keys]\r\n", 'a = 1\r\ntheme = "nord"\r\n\r\n[keys]\r\n'),
        ('  theme  =  "old"   # kept\n', '  theme  =  "nord"   # kept\n'),
        ("theme = 'o\\ld'\n", 'theme = "nord"\n'),
        ('theme = "a\\"b"\n', 'theme = "nord"\n'),
    ],
)
def test_with_theme_keeps_the_rest_as_it_was(before: str, after: str) -> None:
    assert with_theme(before, "nord") == after


def test_a_theme_name_is_written_as_a_toml_string(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    save_theme('odd "name" \\ here', path)
    assert read_settings(path).theme == 'odd "name" \\ here'
    assert path.read_text(encoding="utf-8") == (
        '# briefing settings: see `briefing config path` and the README.\ntheme = "odd \\"name\\" \\\\ here"\n'
    )


def test_save_theme_says_why_it_cannot(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"# \xff\n")
    with pytest.raises(SaveError, match=rf"^cannot read {bad}: 'utf-8' codec can't decode"):
        save_theme("nord", bad)
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "nowhere")
    with pytest.raises(SaveError, match=rf"^cannot create {dangling}: File exists$"):
        save_theme("nord", dangling / "settings.toml")
    nested = tmp_path / "one" / "two" / "settings.toml"
    save_theme("nord", nested)
    assert read_settings(nested).theme == "nord"
    unsafe = tmp_path / "unsafe.toml"
    unsafe.write_text("theme = [1]\n", encoding="utf-8")
    with pytest.raises(SaveError, match=rf'^cannot change the theme in {unsafe} safely: set `theme = "nord"` by hand$'):
        save_theme("nord", unsafe)
    assert unsafe.read_text(encoding="utf-8") == "theme = [1]\n"
    other = tmp_path / "other.toml"
    other.write_text('theme = "old"\n[keys]\n"app.quit" = "q"\n', encoding="utf-8")
    save_theme("nord", other)
    assert other.read_text(encoding="utf-8") == 'theme = "nord"\n[keys]\n"app.quit" = "q"\n'
