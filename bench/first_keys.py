"""The first `?` and the first `enter` of a session: time from the key until the screen shows its whole result.

usage: python -m bench.first_keys [-n RUNS] [--read SECONDS]

bench/key_latency.py times keys pressed again and again in one session; a reader presses `?` or
`enter` once or twice a session, and the first press is the one that composes the dialog (or
shows a pane, the find bar or the history for the first time). Here each timed press is the
first of its kind in a new `briefing` on the bundled brief at 120x40: the brief is opened, read
for READ seconds (default 1.5) once it is whole, and then `?` (in one session), `3` then `enter`
(in another, on the first pending confirmation), `2`, `4`, `/` or `h` (the bundled brief's history
in the checkout's git) is pressed. A first
pair of sessions, untimed, keeps the whole screen each key leaves once it is still (every
cell's character, colours and attributes); each timed press waits until the screen is exactly
that again. Prints the medians, handled and on screen, as key_latency does. The issue's target:
every key <= 50 ms on screen.
"""

from __future__ import annotations

import argparse
import tempfile

from bench.first_paint import BUNDLED, briefing_command
from bench.key_latency import print_medians, still_screens
from tests.support.pty_screen import Screen, Terminal

PRESSES: tuple[tuple[str, str, str, str], ...] = (
    ("? (the keys)", "", "?", "Keys · "),
    ("enter (a confirmation)", "3", "\r", "Reported since"),
    ("2 (the quotes)", "", "2", "─  2 Quotes"),
    ("4 (the itinerary)", "", "4", "─  4 Itinerary"),
    ("/ (find)", "", "/", "Find in this brief"),
    ("h (the history)", "", "h", "History"),
)
"""Name, keys before (untimed), the key timed, and a text that must be on the screen it leaves."""


def session(
    cache: str, read: float, press: tuple[str, str, str, str], expected: set[Screen] | None
) -> tuple[set[Screen], tuple[float, float] | None]:
    """Open the bundled brief, read it, press ``press``'s keys: the screens its key leaves and, given ``expected``,
    the time until the screen was one of them."""
    name, before, key, needle = press
    terminal = Terminal([*briefing_command(), str(BUNDLED)], cols=120, rows=40, env={"XDG_CACHE_HOME": cache})
    try:
        if terminal.wait_for("Background") is None:
            raise SystemExit("the bundled brief never appeared")
        terminal.settle(read)
        if before:
            still_screens(terminal, before)
        if expected is None:
            screens = still_screens(terminal, key)
            if needle not in terminal.text():
                raise SystemExit(f"{needle!r} is not on the screen after {name}")
            return screens, None
        return expected, terminal.timed_state(key, expected)
    finally:
        terminal.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--runs", type=int, default=7)
    parser.add_argument("--read", type=float, default=1.5, help="seconds between the whole screen and the keys")
    options = parser.parse_args()
    timings: dict[str, list[tuple[float, float]]] = {name: [] for name, *_ in PRESSES}
    with tempfile.TemporaryDirectory() as cache:
        results: dict[str, set[Screen]] = {}
        for press in PRESSES:
            results[press[0]], _ = session(cache, options.read, press, None)
        for _ in range(options.runs):
            for press in PRESSES:
                name = press[0]
                _, seen = session(cache, options.read, press, results[name])
                if seen is None:
                    raise SystemExit(f"the screen after the first {name} was not as in the untimed session")
                timings[name].append(seen)
    print(f"the first press of a session on the bundled brief at 120x40, {options.read} s after it is whole,")
    print(f"median of {options.runs} sessions:")
    print_medians(timings)


if __name__ == "__main__":
    main()
