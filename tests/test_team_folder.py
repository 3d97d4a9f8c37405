"""`briefing init`: a team's folder of briefs that editors and git understand; the pre-commit hook, run for real."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import jsonschema
import yaml

from briefing.format.schema import SCHEMA_PATH
from tests.conftest import ROOT
from tests.test_schema import as_json


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=60, stdin=subprocess.DEVNULL)  # fmt: skip


WRITTEN = ("2024-06-12-putin-north-korea-vietnam.toml", "brief.schema.json", ".taplo.toml", ".tombi.toml",
           ".gitignore", "README.md")  # fmt: skip


def test_init_makes_a_folder_that_checks_clean_and_that_editors_read(tmp_path: Path) -> None:
    done = run("init", "team", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    team = tmp_path / "team"
    assert {path.name for path in team.iterdir()} == set(WRITTEN)
    assert [line for line in done.stderr.splitlines() if line.startswith("wrote ")] == [
        f"wrote team/{name}" for name in WRITTEN
    ]
    # The folder's own files are not taken for briefs: it checks clean, with the one sample.
    checked = run("check", "team", cwd=tmp_path)
    assert (checked.returncode, checked.stderr) == (0, "1 brief OK\n")
    assert (team / "brief.schema.json").read_bytes() == SCHEMA_PATH.read_bytes()
    # The editors' settings point every brief at the schema, by a path relative to the folder.
    taplo = tomllib.loads((team / ".taplo.toml").read_text(encoding="utf-8"))
    assert taplo["rule"][0]["schema"]["path"] == "./brief.schema.json" and taplo["rule"][0]["include"] == ["**/*.toml"]
    tombi = tomllib.loads((team / ".tombi.toml").read_text(encoding="utf-8"))
    assert tombi["schemas"] == [{"path": "./brief.schema.json", "include": ["**/*.toml"]}]
    # The sample is valid against the schema too, and names it on its first line.
    sample = (team / "2024-06-12-putin-north-korea-vietnam.toml").read_text(encoding="utf-8")
    assert sample.splitlines()[0] == "#:schema ./brief.schema.json"
    schema = json.loads((team / "brief.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(as_json(tomllib.loads(sample)))


def test_init_names_the_folder_in_its_commands_as_one_word_shown_safely(tmp_path: Path) -> None:
    done = run("init", "--", "-our team\x1b[31m", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stderr
    assert done.stderr.splitlines()[-1] == (
        "open it with `briefing './-our team\\x1b[31m'`; "
        "start a brief with `briefing new './-our team\\x1b[31m/NAME.toml'`"
    )


def test_new_in_a_team_folder_names_its_schema_relative_to_the_file(tmp_path: Path) -> None:
    assert run("init", "team", cwd=tmp_path).returncode == 0
    (tmp_path / "team" / "asia").mkdir()
    done = run("new", "team/asia/visit.toml", "--title", "A visit", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "team/asia/visit.toml").read_text(encoding="utf-8").splitlines()[0] == (
        "#:schema ../brief.schema.json"
    )


def test_init_never_replaces_a_file(tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / "README.md").write_text("Ours.\n", encoding="utf-8")
    done = run("init", "team", cwd=tmp_path)
    assert done.returncode == 0
    assert (team / "README.md").read_text(encoding="utf-8") == "Ours.\n"
    assert "kept team/README.md (it was there already)" in done.stderr.splitlines()
    again = run("init", "team", cwd=tmp_path)
    assert again.returncode == 0 and not any(line.startswith("wrote ") for line in again.stderr.splitlines())


def test_init_on_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "team").write_text("", encoding="utf-8")
    done = run("init", "team", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (2, "briefing init: error: team is a file, not a folder\n")


def git(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@example.org", "GIT_COMMITTER_NAME": "A",
           "GIT_COMMITTER_EMAIL": "a@example.org", "PRE_COMMIT_HOME": str(cwd.parent / "pre-commit-home")}  # fmt: skip
    return subprocess.run(["git", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def test_the_pre_commit_hook_refuses_a_commit_with_a_broken_brief(tmp_path: Path) -> None:
    """The hook as the repository ships it (.pre-commit-hooks.yaml), run by pre-commit on a commit. Offline: as a
    local hook running this checkout's `briefing` (`language: system`), not a copy pre-commit would install."""
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["entry"], hook["language"]) == ("briefing-check", "briefing check", "python")
    local = {**hook, "language": "system", "entry": f"{Path(sys.executable).with_name('briefing')} check"}
    repository = tmp_path / "briefs"
    assert run("init", str(repository), cwd=tmp_path).returncode == 0
    config = {"repos": [{"repo": "local", "hooks": [local]}]}
    (repository / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git("init", "-q", cwd=repository)
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    assert pre_commit is not None
    installed = subprocess.run([pre_commit, "install"], capture_output=True, text=True, cwd=repository, timeout=120)
    assert installed.returncode == 0, installed.stderr
    git("add", ".", cwd=repository)
    first = git("commit", "-qm", "The team's folder", cwd=repository)
    assert first.returncode == 0, first.stdout + first.stderr
    (repository / "broken.toml").write_text('schema_version = 1\n[brief]\ntitle = ""\n', encoding="utf-8")
    git("add", "broken.toml", cwd=repository)
    refused = git("commit", "-qm", "A broken brief", cwd=repository)
    assert refused.returncode != 0
    assert "broken.toml:3: error: brief.title: must not be empty" in refused.stdout + refused.stderr
    assert git("log", "--format=%s", cwd=repository).stdout == "The team's folder\n"
