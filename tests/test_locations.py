"""Where briefing keeps its own files (``briefing.system.locations``), where its bundled briefs are
(``briefing.system.content``), and the files of a new team folder (``briefing.format.team_folder``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.format.schema import SCHEMA_PATH
from briefing.format.team_folder import SAMPLE, make_team_folder, team_files
from briefing.system import locations
from briefing.system.content import bundled_content_dir, is_bundled
from tests.conftest import ROOT

PLACES = (
    ("XDG_CONFIG_HOME", locations.config_dir, (".config",)),
    ("XDG_CACHE_HOME", locations.cache_dir, (".cache",)),
    ("XDG_DATA_HOME", locations.data_dir, (".local", "share")),
    ("XDG_STATE_HOME", locations.state_dir, (".local", "state")),
)


@pytest.mark.parametrize(("variable", "place", "fallback"), PLACES)
def test_each_place_follows_its_xdg_variable_else_the_home(
    variable: str, place: object, fallback: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert callable(place)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv(variable, str(tmp_path / "xdg"))
    assert place() == tmp_path / "xdg" / "briefing"
    for ignored in ("", "relative/path"):
        monkeypatch.setenv(variable, ignored)
        assert place() == tmp_path.joinpath("home", *fallback, "briefing"), ignored
    monkeypatch.delenv(variable)
    assert place() == tmp_path.joinpath("home", *fallback, "briefing")
    monkeypatch.setattr(locations, "home", lambda: None)
    assert place() is None
    monkeypatch.setenv(variable, str(tmp_path / "xdg"))
    assert place() == tmp_path / "xdg" / "briefing", "the variable needs no home"


def test_the_home_is_none_when_nothing_names_one(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert locations.home() == tmp_path
    monkeypatch.setattr(os.path, "expanduser", lambda name: name)
    assert locations.home() is None


def test_a_leading_tilde_is_the_home_and_one_that_cannot_be_is_said(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert locations.expand_user("~/briefs") == tmp_path / "briefs"
    assert locations.expand_user("/srv/~x") == Path("/srv/~x")
    assert locations.expand_user("a~b") == Path("a~b")
    with pytest.raises(ValueError, match=r"^no home directory is known for ~no-such-user-here$"):
        locations.expand_user("~no-such-user-here/briefs/2024")
    monkeypatch.setattr(os.path, "expanduser", lambda name: name)
    with pytest.raises(ValueError, match=r"^no home directory is known for ~$"):
        locations.expand_user("~/briefs")
    with pytest.raises(ValueError, match=r"^no home directory is known for ~$"):
        locations.expand_user("~")


def test_the_bundled_briefs_are_the_checkouts_content_folder_and_links_to_them_are_bundled(tmp_path: Path) -> None:
    assert bundled_content_dir() == ROOT / "content"
    sample = ROOT / "content" / SAMPLE
    assert is_bundled(sample) and is_bundled(str(sample))
    link = tmp_path / "link.toml"
    link.symlink_to(sample)
    assert is_bundled(link)
    copy = tmp_path / SAMPLE
    copy.write_bytes(sample.read_bytes())
    assert not is_bundled(copy)
    assert not is_bundled(ROOT / "contentious" / SAMPLE), "a sibling whose name starts the same"
    assert not is_bundled("a\0b"), "a path the system cannot take"


def test_an_installed_package_keeps_its_briefs_inside_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.system import content

    package = tmp_path / "site-packages" / "briefing"
    (package / "content").mkdir(parents=True)
    monkeypatch.setattr(content, "_PACKAGE", package)
    assert bundled_content_dir() == package / "content"
    (package / "content").rmdir()
    assert bundled_content_dir() == tmp_path / "site-packages" / "content"


def test_a_team_folder_has_the_sample_pointing_at_its_own_schema_and_the_editors_settings(tmp_path: Path) -> None:
    files = team_files()
    assert list(files) == [SAMPLE, "brief.schema.json", ".taplo.toml", ".tombi.toml", ".gitignore", "README.md"]
    sample = (ROOT / "content" / SAMPLE).read_text(encoding="utf-8")
    assert files[SAMPLE].decode("utf-8") == f"#:schema ./brief.schema.json\n{sample}"
    assert files["brief.schema.json"] == SCHEMA_PATH.read_bytes()
    for name in (".taplo.toml", ".tombi.toml", ".gitignore", "README.md"):
        assert files[name].decode("utf-8").strip(), name
    folder = tmp_path / "new" / "team"
    made = make_team_folder(folder)
    assert (made.written, made.kept) == (list(files), [])
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == files
    (folder / "README.md").write_text("ours", encoding="utf-8")
    (folder / SAMPLE).unlink()
    again = make_team_folder(folder)
    assert (again.written, again.kept) == ([SAMPLE], [name for name in files if name != SAMPLE])
    assert (folder / "README.md").read_text(encoding="utf-8") == "ours"
