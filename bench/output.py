"""What `briefing` writes to the terminal: bytes for the first screen and for each key, and how many of them came
after the screen was already as the key leaves it (frames of cells the terminal showed already).

usage: python -m bench.output [--cols N --rows N]

One session on the bundled brief in a pseudo-terminal (pyte), the keys of bench.key_latency in turn. Each part's
output is read until the app has written nothing for QUIET seconds, then replayed into pyte 64 bytes at a time to
find where the screen first is as it ends. Over a slow link (ssh on a phone's connection, say) every byte counts:
at 1 Mbit/s, 37 KB hold up the next key's output for 0.3 s.
"""

from __future__ import annotations

import argparse
import copy
import tempfile

import pyte

from bench.first_paint import briefing_command
from bench.key_latency import KEYS
from tests.support.pty_screen import Terminal, screen_state

QUIET = 0.6
"""Seconds without output after which a part's output is taken as complete."""
STEP = 64


def after_final(before: pyte.Screen, output: bytes, final: object) -> int:
    """How many bytes of ``output`` came after the screen, starting as ``before``, was first ``final``."""
    screen = copy.deepcopy(before)
    stream = pyte.ByteStream(screen)
    for end in range(0, len(output) + STEP, STEP):
        stream.feed(output[max(0, end - STEP) : end])
        if screen_state(screen) == final:
            return max(0, len(output) - end)
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cols", type=int, default=120)
    parser.add_argument("--rows", type=int, default=40)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        terminal = Terminal(briefing_command(), cols=arguments.cols, rows=arguments.rows, env={"XDG_CACHE_HOME": cache})
        try:
            blank = copy.deepcopy(terminal.screen)
            if terminal.wait_for("Background") is None:
                raise SystemExit("the first screen never came")
            terminal.settle(1.5)  # the look back and the first screen kept come a second after it
            terminal.until_quiet(QUIET)
            rows = [("first screen", len(terminal.raw), after_final(blank, bytes(terminal.raw), terminal.state()))]
            for name, keys, needle in KEYS:
                before, begin = copy.deepcopy(terminal.screen), len(terminal.raw)
                terminal.send(keys)
                terminal.until_quiet(QUIET)
                if needle not in terminal.text():
                    raise SystemExit(f"{name}: {needle!r} is not on the screen it leaves")
                output = bytes(terminal.raw[begin:])
                rows.append((name, len(output), after_final(before, output, terminal.state())))
        finally:
            terminal.close()
    print(f"bytes written at {arguments.cols}x{arguments.rows}, and of them after the screen was as it ends:")
    for name, written, late in rows:
        print(f"  {name:<24} {written:7,d} bytes   {late:7,d} after")
    print(f"  {'all':<24} {sum(row[1] for row in rows):7,d} bytes   {sum(row[2] for row in rows):7,d} after")


if __name__ == "__main__":
    main()
