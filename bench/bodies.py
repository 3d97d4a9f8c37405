"""Bodies that used to freeze the app: a 19 KB body holding a table 3,000 columns wide, and 1 MB bodies of the
characters markdown-it is slowest on. Measured in a pseudo-terminal (pyte) at 120x40.

usage: python -m bench.bodies [-n RUNS]

For each brief: the open (process start until the body's first words are on screen; target <= 1 s), keys while it
is open (until the whole screen is as the key leaves it, learnt in a first round as bench.key_latency does; the
"handled" and "on screen" as there; target <= 50 ms each) and `o` in the summary (until it says there is no link,
or lists them; target <= 100 ms). Medians of RUNS (default 5). Until the sixth session of 2026-12-05 a key counted
as done at the first output after it that had a given text on screen, and each of those texts was on screen
before the key already (the section tabs, the quotes pane): the figures were those of the first frame.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

import tomli_w

from bench.first_paint import briefing_command
from bench.key_latency import still_screens
from bench.library import timed_key
from tests.support.pty_screen import Terminal


def _table() -> str:
    columns = 3000
    header = "|" + "|".join(f"c{n}" for n in range(columns)) + "|"
    rule = "|" + "|".join("-" for _ in range(columns)) + "|"
    row = "|" + "|".join("x" for _ in range(columns)) + "|"
    return f"Before the table.\n\n{header}\n{rule}\n{row}\n"


BODIES = {
    "3,000-column table (19 KB)": (_table(), "Before the table."),
    "1 MB of [": ("[" * 900_000, "[[[["),
    "1 MB of ![": ("![" * 450_000, "![!["),
    "1 MB of *a_": ("*a_" * 300_000, "*a_*a_"),
}
"""Name: the body, and its first words as drawn."""
KEYS = (
    ("2 (quotes in the summary's place)", "2", "“Words.”"),
    ("1 (the summary again)", "1", "A body to time."),
    ("3 (pending)", "3", "3 Pending"),
    ("? (the keys)", "?", "Keys · the brief"),
    ("esc (back)", "\x1b", "A body to time."),
    ("G (the summary's bottom)", "1G", "1 Summary"),
)
"""Name, keys sent, and a text that is on screen once the key has done its work."""


def write(folder: Path, body: str) -> Path:
    path = folder / "brief.toml"
    document = {
        "schema_version": 1,
        "brief": {"title": "Bench body", "as_of": dt.date(2024, 6, 12)},
        "summary": {"bluf": "A body to time.", "body": body},
        "confirmations": [{"id": "c", "what": "A claim", "awaited_from": ["Someone"], "status": "pending"}],
        "quotes": [{"speaker": "Someone", "text": "Words."}],
    }
    path.write_text(tomli_w.dumps(document, multiline_strings=True), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        for number, (name, (body, first_words)) in enumerate(BODIES.items()):
            path = write(Path(folder), body)
            opens: list[float] = []
            keys: dict[str, list[tuple[float, float]]] = {key: [] for key, _, _ in KEYS}
            links: list[float] = []
            for run in range(runs):
                # Cache and state folders of its own each run: each open is a first open, nothing kept from the last.
                own = Path(folder) / f"run-{number}-{run}"
                env = {"XDG_CACHE_HOME": str(own / "cache"), "XDG_STATE_HOME": str(own / "state")}
                terminal = Terminal([*briefing_command(), str(path)], cols=120, rows=40, env=env)
                try:
                    if terminal.wait_for(first_words, timeout=30) is None:
                        raise SystemExit(f"{name}: the body never appeared")
                    opens.append(time.perf_counter() - terminal.started)
                    terminal.settle(3.0)  # a long body is parsed in a thread (1.5-2 s for a megabyte): let it finish
                    results = {}
                    for round_ in range(2):  # the screens each key leaves, once still; the second from the last key
                        for key, sent, expect in KEYS:
                            results[key] = still_screens(terminal, sent)
                            if round_ == 0 and expect not in terminal.text():
                                raise SystemExit(f"{name}: {expect!r} is not on the screen after {key}")
                    for key, sent, _expect in KEYS:
                        seen = terminal.timed_state(sent, results[key])
                        if seen is None:
                            raise SystemExit(f"{name}: the screen after {key} was not as in the first round")
                        keys[key].append(seen)
                        terminal.settle(0.3)
                    links.append(timed_key(terminal, "o", "no links")[1])
                finally:
                    terminal.close()
            print(f"{name}:")
            print(f"  open, until its first words are on screen   {statistics.median(opens) * 1000:6.0f} ms (<= 1000)")
            for key, times in keys.items():
                handled = statistics.median(h for h, _ in times) * 1000
                shown = statistics.median(s for _, s in times) * 1000
                print(f"  {key:<42} {handled:6.0f} ms handled, {shown:4.0f} ms on screen (<= 50)")
            print(f"  o in the summary                            {statistics.median(links) * 1000:6.0f} ms (<= 100)")


if __name__ == "__main__":
    main()
