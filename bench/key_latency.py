"""Keys on the bundled brief: time from a key until the screen shows its result, in a pseudo-terminal.

usage: python -m bench.key_latency [-n RUNS] [--cols N --rows N]

Each key is pressed RUNS times (default 7) in one session of `briefing` on the bundled
brief, at 120x40 unless told otherwise; prints the median of "handled" (until the output
showing the result was read) and "on screen" (until pyte had also parsed it, as
../shared/tools/ttfp.py counts). No target here: bench/library.py holds the ones the
issues name. esc waits about 100 ms in Textual's driver on a terminal without the kitty
keyboard protocol, such as this pseudo-terminal; that wait is in its figure.
"""

from __future__ import annotations

import argparse
import statistics

from bench.first_paint import briefing_command
from bench.library import timed_key
from tests.support.pty_screen import Terminal

KEYS: tuple[tuple[str, str, str], ...] = (
    ("2 (quotes)", "2", "─  2 Quotes"),
    ("5 (sources)", "5", "─  5 Sources"),
    ("1 (summary again)", "1", "─  1 Summary"),
    ("3 (pending)", "3", "Awaited from"),
    ("enter (a detail)", "\r", "Reported since"),
    ("esc (back from it)", "\x1b", "2 pending of 2"),
    ("? (help)", "?", "Keys · "),
    ("esc (back from help)", "\x1b", "─  1 Summary"),
    ("/ (find bar)", "/", "Find in this brief"),
    ("a letter in find", "k", "“k” 1/"),
    ("backspace in find", "\x7f", "Find in this brief"),
    ("esc (close find)", "\x1b", "─  1 Summary"),
)
"""Name, keys sent, and a text that is on screen only once the key has done its work."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--runs", type=int, default=7)
    parser.add_argument("--cols", type=int, default=120)
    parser.add_argument("--rows", type=int, default=40)
    options = parser.parse_args()
    terminal = Terminal(briefing_command(), cols=options.cols, rows=options.rows)
    timings: dict[str, list[tuple[float, float]]] = {name: [] for name, _, _ in KEYS}
    try:
        if terminal.wait_for("Background") is None:
            raise SystemExit("the bundled brief never appeared")
        terminal.settle(1.0)
        for _ in range(options.runs):
            for name, keys, expect in KEYS:
                timings[name].append(timed_key(terminal, keys, expect))
                terminal.settle(0.3)
    finally:
        terminal.close()
    print(f"keys on the bundled brief at {options.cols}x{options.rows}, median of {options.runs}:")
    for name, runs in timings.items():
        handled = statistics.median(h for h, _ in runs) * 1000
        shown = statistics.median(s for _, s in runs) * 1000
        print(f"  {name:<24} {handled:4.0f} ms handled, {shown:4.0f} ms on screen")


if __name__ == "__main__":
    main()
