"""Running a program that opens a link elsewhere (xdg-open, gio, a browser): never on the app's terminal.

The program gets no terminal: its standard input is empty and what it prints goes to a file, so a
complaint cannot be drawn over the app; what it said last is given back when it fails.
"""

from __future__ import annotations

import os
import subprocess
import tempfile

from briefing.system.sanitize import clean

SETTLE_SECONDS = 3.0
"""How long a launcher has to say it failed; one still running then is taken to be opening the link."""


class LaunchError(Exception):
    """The launcher could not be run, or it said it failed; the message says which, in its words."""


def launch(command: list[str], settle_seconds: float = SETTLE_SECONDS) -> bool:
    """Run ``command``: True when it finished well, False when it is still running; LaunchError when it failed."""
    name = clean(os.path.basename(command[0]))
    with tempfile.TemporaryFile() as output:
        try:
            process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=output, stderr=output, start_new_session=True
            )
        except OSError as error:
            raise LaunchError(f"{name} could not be run: {error.strerror or error}") from None
        try:
            code = process.wait(settle_seconds)
        except subprocess.TimeoutExpired:
            return False
        if code != 0:
            output.seek(0)
            said = output.read(4096).decode(errors="replace").strip().splitlines()
            detail = f": {clean(said[-1])}" if said else ""
            raise LaunchError(f"{name} failed (exit {code}){detail}")
    return True
