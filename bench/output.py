"""What `briefing` writes to the terminal: bytes for the first screen and for each key, and how many of them
changed nothing on the screen (frames of cells the terminal showed already).

usage: python -m bench.output [--cols N --rows N]

One session on the bundled brief in a pseudo-terminal (pyte), the keys of bench.key_latency in turn, each part's
output read until the app has written nothing for QUIET seconds. Each piece of output as it is read (the pty hands
it over 4 KB at most at a time) is parsed at once, and counted as changing nothing when the screen is the same
after it, every cell's colours too. Over a slow link (ssh on a phone's connection, say) every byte counts: at
1 Mbit/s, 37 KB hold up the next key's output for 0.3 s.
"""

from __future__ import annotations

import argparse
import tempfile
import time

from bench.first_paint import briefing_command
from bench.key_latency import KEYS
from tests.support.pty_screen import Terminal

QUIET = 0.6
"""Seconds without output after which a part's output is taken as complete."""


def read_part(terminal: Terminal, quiet: float = QUIET) -> tuple[int, int]:
    """Bytes written until the program has been quiet for ``quiet`` seconds, and how many of them changed nothing
    on the screen."""
    begin, unchanged = len(terminal.raw), 0
    state = terminal.state()
    quiet_since = time.perf_counter()
    while time.perf_counter() - quiet_since < quiet:
        before = len(terminal.raw)
        if terminal.pump(0.05):
            quiet_since = time.perf_counter()
            now = terminal.state()
            if now == state:
                unchanged += len(terminal.raw) - before
            state = now
    return len(terminal.raw) - begin, unchanged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cols", type=int, default=120)
    parser.add_argument("--rows", type=int, default=40)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        terminal = Terminal(briefing_command(), cols=arguments.cols, rows=arguments.rows, env={"XDG_CACHE_HOME": cache})
        try:
            if terminal.wait_for("Background") is None:
                raise SystemExit("the first screen never came")
            first = len(terminal.raw)
            written, unchanged = read_part(terminal, 1.5)  # the look back at what changed comes a second after
            rows = [("first screen", first + written, unchanged)]
            for name, keys, needle in KEYS:
                terminal.send(keys)
                written, unchanged = read_part(terminal)
                if needle not in terminal.text():
                    raise SystemExit(f"{name}: {needle!r} is not on the screen it leaves")
                rows.append((name, written, unchanged))
        finally:
            terminal.close()
    print(f"bytes written at {arguments.cols}x{arguments.rows}, and of them bytes that changed nothing on the screen:")
    for name, written, unchanged in rows:
        print(f"  {name:<24} {written:7,d} bytes   {unchanged:7,d} changed nothing")
    print(f"  {'all':<24} {sum(row[1] for row in rows):7,d} bytes   {sum(row[2] for row in rows):7,d} changed nothing")


if __name__ == "__main__":
    main()
