"""The core never imports Textual, so it starts fast and works as a library."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import briefing

CORE_MODULES = sorted(
    module.name
    for module in pkgutil.walk_packages(briefing.__path__, "briefing.")
    if module.name != "briefing.ui" and not module.name.startswith("briefing.ui.")
)
RICH_MODULES = ("briefing.export.show",)
"""What `briefing show` draws with: Rich, still never Textual."""


def test_core_modules_are_found() -> None:
    for expected in (
        "briefing.cli",
        "briefing.format.load",
        "briefing.export.html",
        "briefing.system.settings",
        "briefing.export.show",
    ):
        assert expected in CORE_MODULES


def imported_after(modules: list[str]) -> list[str]:
    """The top-level packages of Textual and Rich that importing ``modules`` in a fresh interpreter loads."""
    imports = "; ".join(f"import {name}" for name in modules)
    code = f"{imports}; import sys; print(sorted({{m.split('.')[0] for m in sys.modules}} & {{'textual', 'rich'}}))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return [name.strip("' ") for name in done.stdout.strip().strip("[]").split(",") if name.strip()]


def test_importing_the_core_does_not_import_textual_or_rich() -> None:
    plain = [name for name in CORE_MODULES if name != "briefing.__main__" and name not in RICH_MODULES]
    assert imported_after(plain) == []


def test_the_renderer_for_show_imports_rich_but_not_textual() -> None:
    assert imported_after(list(RICH_MODULES)) == ["rich"]


def test_check_command_does_not_import_textual() -> None:
    code = (
        "import sys; from briefing.cli import main; from tests.conftest import SEED; "
        "main(['check', str(SEED)]); print('textual' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_a_brief_marked_seen_does_not_import_the_library_screen(tmp_path: Path) -> None:
    """The library's screen imports its index, boards and queries: on the screen's thread as the body is parsed
    in another, that took 400 ms (each file read gives the interpreter's lock to the parse)."""
    code = """
import asyncio, datetime as dt, sys
from briefing.format.load import load_path
from briefing.ui.app import BriefingApp
from briefing.ui.messages import Seen
from tests.conftest import SEED

async def main():
    app = BriefingApp(SEED, load_path(SEED), today=dt.date(2026, 12, 5))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        app.post_message(Seen(str(SEED)))
        await pilot.pause()
        print(app.is_running, "briefing.ui.screens.library" in sys.modules)

asyncio.run(main())
"""
    env = {
        **os.environ,
        **{
            name: str(tmp_path / name)
            for name in ("XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME")
        },
    }
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert done.stdout.split() == ["True", "False"]


def test_a_brief_with_no_body_is_drawn_whole_without_markdown_it(tmp_path: Path) -> None:
    """Nothing to parse: markdown-it (85 ms to import) stays out, and the screen is whole."""
    brief = tmp_path / "no-body.toml"
    brief.write_text(
        'schema_version = 1\n[brief]\ntitle = "No body here"\nas_of = 2024-06-12\n[summary]\nbluf = "Only a line."\n'
        '[[itinerary]]\nplace = "Hanoi"\nstart = 2024-06-19\n',
        encoding="utf-8",
    )
    code = f"""
import asyncio, datetime as dt, sys
from pathlib import Path
from briefing.format.load import load_path
from briefing.ui.app import BriefingApp
from briefing.ui.screens.brief import BriefScreen

async def main():
    path = Path({str(brief)!r})
    app = BriefingApp(path, load_path(path), today=dt.date(2026, 12, 5))
    async with app.run_test(size=(120, 40)) as pilot:
        while not (isinstance(app.screen, BriefScreen) and app.screen.ready):
            await pilot.pause()
        await pilot.pause()
        print("Hanoi" in app.export_screenshot(), "markdown_it" in sys.modules)

asyncio.run(main())
"""
    env = {**os.environ, **{name: str(tmp_path / name) for name in ("XDG_STATE_HOME", "XDG_CACHE_HOME")}}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert done.stdout.split() == ["True", "False"]
