"""The core never imports Textual, so it starts fast and works as a library."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

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
