"""The system clipboard, through the platform's own tool, for terminals that drop OSC 52.

The app always sends a copy through the terminal (OSC 52), which is what reaches a
clipboard over ssh; many terminals ignore it, so where a clipboard tool is at hand the
text goes to it as well. ``$BRIEFING_CLIPBOARD`` names the command to use instead;
set to an empty string it turns this off.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping

from briefing.system.sanitize import clean

ENVIRONMENT_VARIABLE = "BRIEFING_CLIPBOARD"
TIMEOUT_SECONDS = 3.0
"""A clipboard tool that has not taken the text by then is given up on (an X server out of reach, say)."""


class ClipboardError(Exception):
    """The clipboard tool could not be run, or failed; the message says which and why."""


def clipboard_command(
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    which: Callable[[str], str | None] = shutil.which,
) -> list[str] | None:
    """The command that puts its standard input on the system clipboard, or None if there is none.

    Raises ClipboardError when ``$BRIEFING_CLIPBOARD`` cannot be split into a command line.
    """
    chosen = environ.get(ENVIRONMENT_VARIABLE)
    if chosen is not None:
        try:
            return shlex.split(chosen) or None
        except ValueError as error:
            raise ClipboardError(f"${ENVIRONMENT_VARIABLE} is not a command line: {error}") from None
    candidates: list[list[str]] = []
    if platform == "darwin":
        candidates.append(["pbcopy"])
    if environ.get("WAYLAND_DISPLAY"):
        candidates.append(["wl-copy"])
    if environ.get("DISPLAY"):
        candidates += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
    for command in candidates:
        if which(command[0]):
            return command
    return None


def copy_with(command: list[str], text: str) -> None:
    """Give ``text`` to ``command`` on its standard input; raises ClipboardError when that fails."""
    name = clean(os.path.basename(command[0]))
    # Tools stay behind to serve the selection (xclip, wl-copy) with their output still open, so their
    # errors go to a file: a pipe would be waited on until they quit.
    with tempfile.TemporaryFile() as errors:
        try:
            done = subprocess.run(
                command,
                input=text.encode(errors="replace"),
                stdout=subprocess.DEVNULL,
                stderr=errors,
                timeout=TIMEOUT_SECONDS,
                start_new_session=True,
            )
        except FileNotFoundError:
            raise ClipboardError(f"{name} was not found") from None
        except subprocess.TimeoutExpired:
            raise ClipboardError(f"{name} did not finish within {TIMEOUT_SECONDS:g} s") from None
        except OSError as error:
            raise ClipboardError(f"{name} could not be run: {error.strerror or error}") from None
        if done.returncode != 0:
            errors.seek(0)
            said = errors.read(4096).decode(errors="replace").strip().splitlines()
            detail = f": {clean(said[-1])}" if said else ""
            raise ClipboardError(f"{name} failed (exit {done.returncode}){detail}")
