"""The core never imports Textual, so it starts fast and works as a library."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import briefing

CORE_MODULES = sorted(
    f"briefing.{module.name}" for module in pkgutil.iter_modules(briefing.__path__) if module.name not in ("ui",)
)


def test_core_modules_are_found() -> None:
    for expected in ("briefing.cli", "briefing.load", "briefing.model", "briefing.text", "briefing.validate"):
        assert expected in CORE_MODULES


def test_importing_the_core_does_not_import_textual() -> None:
    imports = "; ".join(f"import {name}" for name in CORE_MODULES if name != "briefing.__main__")
    code = f"{imports}; import sys; print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_check_command_does_not_import_textual() -> None:
    code = (
        "import sys; from briefing.cli import main; from tests.conftest import SEED; "
        "main(['check', str(SEED)]); print('textual' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
