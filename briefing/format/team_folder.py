"""``briefing init DIR``: a folder of briefs for a team, set up so that editors and git understand it.

It holds a sample brief, the format's JSON Schema, the editor settings that give every ``*.toml`` brief completion
and checking without a ``#:schema`` line (Taplo and Even Better TOML read ``.taplo.toml``, Tombi ``.tombi.toml``:
both hidden, so neither is taken for a brief), a ``.gitignore`` and a README for the team. A file already there is
never replaced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefing.format.scaffold import FOLDER_SCHEMA

SAMPLE = "2024-06-12-putin-north-korea-vietnam.toml"
EDITOR_FILES = (".taplo.toml", ".tombi.toml")

TAPLO = f"""\
# Taplo (and Even Better TOML in VS Code): every brief in this folder is checked and completed against the format.
include = ["**/*.toml"]
exclude = [".taplo.toml", ".tombi.toml"]

[[rule]]
include = ["**/*.toml"]
exclude = [".taplo.toml", ".tombi.toml"]

[rule.schema]
path = "./{FOLDER_SCHEMA}"
"""

TOMBI = f"""\
# Tombi: every brief in this folder is checked and completed against the format.
[[schemas]]
path = "./{FOLDER_SCHEMA}"
include = ["**/*.toml"]
"""

GITIGNORE = """\
# What briefing and editors write beside the briefs, not the briefs themselves.
*.normalised.toml
*.swp
*~
.DS_Store
"""

README = f"""\
# Briefs

One brief per `*.toml` file, in the brief format (`{FOLDER_SCHEMA}` is its JSON Schema).

- `briefing .` opens the folder as a library: every brief, the pending board (`p`) and the agenda (`a`).
- `briefing new NAME.toml` starts a brief; `briefing check .` says, line by line, what is wrong with any of them.
- Editors with Taplo or Even Better TOML (`.taplo.toml`) or Tombi (`.tombi.toml`) check and complete every brief
  here against the schema as you type.
- `briefing pending . -f csv` and `briefing agenda . -f ics` give the boards to a spreadsheet or a calendar.

Checked on every commit with pre-commit, in `.pre-commit-config.yaml`:

    repos:
      - repo: <where briefing's repository is>
        rev: <a tag>
        hooks:
          - id: briefing-check

Start with `{SAMPLE}`, a brief written from one news article.
"""


@dataclass
class Made:
    """What ``init`` wrote, and what it found there already and left as it was."""

    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def team_files() -> dict[str, bytes]:
    """Each file of a new team folder, by its name in the folder."""
    from briefing.format.schema import SCHEMA_PATH
    from briefing.system.content import bundled_content_dir

    sample = (bundled_content_dir() / SAMPLE).read_text(encoding="utf-8")
    files = {
        SAMPLE: f"#:schema ./{FOLDER_SCHEMA}\n{sample}",
        FOLDER_SCHEMA: SCHEMA_PATH.read_text(encoding="utf-8"),
        ".taplo.toml": TAPLO,
        ".tombi.toml": TOMBI,
        ".gitignore": GITIGNORE,
        "README.md": README,
    }
    return {name: text.encode("utf-8") for name, text in files.items()}


def make_team_folder(folder: Path) -> Made:
    """Write the team folder's files into ``folder`` (made if missing), each whole, none replaced. Raises OSError
    or SaveError when the folder or a file cannot be written."""
    from briefing.system.files import create_new

    folder.mkdir(parents=True, exist_ok=True)
    made = Made()
    for name, data in team_files().items():
        try:
            create_new(folder / name, data)
        except FileExistsError:
            made.kept.append(name)
        else:
            made.written.append(name)
    return made
