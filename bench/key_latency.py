"""Keys on the bundled brief: time from a key until the screen shows its result, in a pseudo-terminal.

usage: python -m bench.key_latency [-n RUNS] [--cols N --rows N]

Each key is pressed RUNS times (default 7) in one session of `briefing` on the bundled
brief, at 120x40 unless told otherwise. Two first rounds, unmeasured, keep the whole
screen each key leaves once it is still (every cell's character, colours and attributes: a
border's colour and the footer's keys count; both phases of a blinking cursor); each
timed press then waits until the screen is exactly that again. Prints the median of "handled" (until the output that
completed the screen could be read: the program's own time) and "on screen" (until pyte would also have parsed it,
piece by piece as it came, as ../shared/tools/ttfp.py counts; pyte takes 2-3 ms a kilobyte, and a key that redraws
a pane writes 10-30 KB). Since the fifth session of 2026-12-05 the output is read while the key is timed and parsed
afterwards: "handled" had also counted pyte's parsing of the pieces before the last one. Until 2026-12-05 a press
counted as done at the first output that had a given text on screen; for a key whose text was on screen already (3,
and esc from find) that was the first frame, whatever it drew. The issue's target: every
key <= 50 ms on screen. esc waits about 100 ms in Textual's driver on a terminal without
the kitty keyboard protocol, such as this pseudo-terminal; that wait is in its figure.
"""

from __future__ import annotations

import argparse
import statistics
import time

from bench.first_paint import briefing_command
from tests.support.pty_screen import Screen, Terminal

STILL = 0.6
"""Seconds without a change after which the screen a key leaves is taken as its whole result."""

KEYS: tuple[tuple[str, str, str], ...] = (
    ("2 (quotes)", "2", "─  2 Quotes"),
    ("5 (sources)", "5", "─  5 Sources"),
    ("1 (summary again)", "1", "─  1 Summary"),
    ("3 (pending)", "3", "Awaited from"),
    ("enter (a detail)", "\r", "Reported since"),
    ("esc (back from it)", "\x1b", "2 pending of 2"),
    ("? (help)", "?", "Keys · "),
    ("esc (back from help)", "\x1b", "─  3 Pending"),
    ("/ (find bar)", "/", "Find in this brief"),
    ("a letter in find", "k", "“k” 1/"),
    ("backspace in find", "\x7f", "Find in this brief"),
    ("esc (close find)", "\x1b", "─  3 Pending"),
)
"""Name, keys sent, and a text that must be on the screen the key leaves (a check of the sequence): each shown at
80x24 as well, where one pane at a time is."""


def still_screens(terminal: Terminal, keys: str) -> set[Screen]:
    """The screens ``keys`` leave: once no screen not seen before has come for ``STILL`` seconds, those seen in that
    time (two where a cursor blinks, one otherwise)."""
    terminal.send(keys)
    seen = {terminal.state(): time.perf_counter()}
    last_new = time.perf_counter()
    while time.perf_counter() - last_new < STILL:
        if terminal.pump(0.05):
            state = terminal.state()
            if state not in seen:
                last_new = time.perf_counter()
            seen[state] = time.perf_counter()
    return {state for state, at in seen.items() if at >= last_new}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--runs", type=int, default=7)
    parser.add_argument("--cols", type=int, default=120)
    parser.add_argument("--rows", type=int, default=40)
    options = parser.parse_args()
    terminal = Terminal(briefing_command(), cols=options.cols, rows=options.rows)
    timings: dict[str, list[tuple[float, float]]] = {name: [] for name, _, _ in KEYS}
    try:
        # The title is on screen at every size (the body's first heading is below the fold at 80x24); then a second
        # for the rest of the screen.
        if terminal.wait_for("Putin Likely To Visit") is None:
            raise SystemExit("the bundled brief never appeared")
        terminal.settle(1.0)
        results: dict[str, set[Screen]] = {}
        for _ in range(2):  # the second round starts where the timed ones do: after the last key
            for name, keys, expect in KEYS:
                results[name] = still_screens(terminal, keys)
                if expect not in terminal.text():
                    raise SystemExit(f"{expect!r} is not on the screen after {name}")
        for _ in range(options.runs):
            for name, keys, _expect in KEYS:
                seen = terminal.timed_state(keys, results[name])
                if seen is None:
                    raise SystemExit(f"the screen after {name} was not as in the first round")
                timings[name].append(seen)
                terminal.settle(0.3)
    finally:
        terminal.close()
    print(f"keys on the bundled brief at {options.cols}x{options.rows}, median of {options.runs}:")
    print_medians(timings)


def print_medians(timings: dict[str, list[tuple[float, float]]]) -> None:
    """A line for each key: the medians of its times handled and on screen."""
    for name, runs in timings.items():
        handled = statistics.median(h for h, _ in runs) * 1000
        shown = statistics.median(s for _, s in runs) * 1000
        print(f"  {name:<24} {handled:4.0f} ms handled, {shown:4.0f} ms on screen")


if __name__ == "__main__":
    main()
