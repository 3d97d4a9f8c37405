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
    path = tmp_path / "settings.toml"
    path.write_text('# mine\ntheme = "nord\n', encoding="utf-8")
    (warning,) = read_settings(path).warnings
    assert warning.startswith(f"{path}:2:14: TOML syntax: ") and warning.endswith("; using the defaults")


def test_docs_list_every_binding_id() -> None:
    from briefing.ui.keys import BINDING_IDS
    from tests.conftest import ROOT

    listed = (ROOT / "docs" / "keys.md").read_text(encoding="utf-8")
    assert [binding for binding in sorted(BINDING_IDS) if f"| `{binding}` |" not in listed] == []
