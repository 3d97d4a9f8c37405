"""First paint of `briefing` against a minimal Textual app, and the wall time of `briefing check`.

usage: python -m bench.first_paint [-n RUNS]

The apps run in a 120x40 pseudo-terminal, in turn, RUNS times each; the time is from
the process start until the brief's title, side panes and body (or the word "Hello")
are on the emulated screen. `briefing` runs twice each turn: reopening the bundled
brief (its first screen kept in the cache folder by the run before: shown before
Textual is imported, see briefing/system/kept_frames.py), and opening it the first
time (a new, empty cache folder). For the reopened brief it also gives when the
app's own first frame is written over the kept one: from then on keys show.
Prints each median and the ratios (target: <= 1.25). Beside them, two yardsticks of what Textual itself takes
for a screen of the same text and layout (bench/stand_in_app.py): one widget per part, as briefing has them, and
the same text in three Statics. Then times `briefing check
content/` (target: <= 0.15 s) and checks that it imports no Textual.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from tests.support.pty_screen import Terminal

ROOT = Path(__file__).resolve().parent.parent
TITLE = "Putin Likely To Visit North Korea"
PANES_TEXT = "around June 19 and 20”"
"""In the itinerary: the side panes are drawn a moment after the title."""
BODY_TEXT = "Background"
"""The first heading of the summary's Markdown body, the last part of the first screen to be drawn."""


def briefing_command() -> list[str]:
    script = Path(sys.executable).with_name("briefing")
    return [str(script)] if script.exists() else [shutil.which("briefing") or "briefing"]


BUNDLED = ROOT / "content" / "2024-06-12-putin-north-korea-vietnam.toml"
STAND_INS: tuple[tuple[str, list[str]], ...] = (
    ("a widget per part (19 nodes)", []),
    ("the same text in three Statics (6 nodes)", ["--few"]),
)

TEXTUAL_STARTS = b"\x1b[?1000h"
"""The first thing Textual's driver writes: what comes after it is the app's own."""
CURSOR_TO = re.compile(rb"\x1b\[[0-9]+;[0-9]+H")
"""A cursor move, which each of the app's frames has at least: over a kept screen of the same cells (nothing
written again, `briefing/ui/shown.py`) it is all the app's first frame writes."""


class Paint(NamedTuple):
    """When each needle was on screen (pyte had parsed it) and when the output that put it there was read
    (written, as a terminal far faster than pyte would show it), in seconds from the start."""

    on_screen: list[float]
    written: list[float]
    own_frame: float | None


def first_paint(command: list[str], *needles: str, cache: str | None = None, own_frame: bool = False) -> Paint:
    """When each of ``needles`` is on screen, waiting for them in turn; with ``own_frame``, then when the app
    has written a frame of its own."""
    env = {"XDG_CACHE_HOME": cache} if cache else None
    terminal = Terminal(command, cols=120, rows=40, env=env)
    paint = Paint([], [], None)
    try:
        for needle in needles:
            if terminal.wait_for(needle) is None:
                raise SystemExit(f"{needle!r} never appeared on the screen of {command}")
            paint.on_screen.append(time.perf_counter() - terminal.started)
            paint.written.append(terminal.read_at - terminal.started)
        if own_frame:
            while (start := terminal.raw.find(TEXTUAL_STARTS)) < 0 or not CURSOR_TO.search(terminal.raw, start):
                if not terminal.alive:
                    raise SystemExit(f"{command} ended before it drew a frame of its own")
                terminal.pump(0.002)
            paint = paint._replace(own_frame=terminal.read_at - terminal.started)
        if cache and not own_frame:
            # The first screen is kept a moment after it is whole: wait for it before quitting (as a reader would).
            deadline = time.perf_counter() + 20
            while not list(Path(cache).glob("briefing/frames/*.frame")) and time.perf_counter() < deadline:
                terminal.pump(0.01)
    finally:
        terminal.close()
    return paint


def check_wall(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([*briefing_command(), "check", str(ROOT / "content")], capture_output=True)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"briefing check failed: {done.stdout.decode()}{done.stderr.decode()}")
    return times


def check_imports_textual() -> bool:
    code = "import sys; from briefing.cli import main; main(['check', sys.argv[1]]); print('textual' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code, str(ROOT / "content")], capture_output=True, text=True)
    return done.stdout.strip() != "False"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--runs", type=int, default=31)
    runs = parser.parse_args().runs
    minimal = [sys.executable, str(ROOT / "bench" / "minimal_app.py")]
    stand_in = [sys.executable, str(ROOT / "bench" / "stand_in_app.py"), str(BUNDLED)]
    app = briefing_command()
    with tempfile.TemporaryDirectory() as folder:
        kept = str(Path(folder) / "kept")
        first_paint(app, TITLE, BODY_TEXT, cache=kept)  # keeps the first screen; warms the file cache
        first_paint(minimal, "Hello")
        minimal_runs: list[Paint] = []
        reopened: list[Paint] = []
        first_open: list[Paint] = []
        stand_ins: dict[str, list[Paint]] = {name: [] for name, _ in STAND_INS}
        for run in range(runs):
            minimal_runs.append(first_paint(minimal, "Hello"))
            for name, flags in STAND_INS:
                stand_ins[name].append(first_paint([*stand_in, *flags], TITLE, PANES_TEXT, BODY_TEXT))
            reopened.append(first_paint(app, TITLE, PANES_TEXT, BODY_TEXT, cache=kept, own_frame=True))
            first_open.append(first_paint(app, TITLE, PANES_TEXT, BODY_TEXT, cache=str(Path(folder) / f"new-{run}")))
    floor = statistics.median(run.on_screen[0] for run in minimal_runs)
    floor_written = statistics.median(run.written[0] for run in minimal_runs)
    print(f"first paint, median of {runs} runs at 120x40, from process start; on screen (pyte has parsed it) and,")
    print("in brackets, written (the output read from the terminal: what a terminal faster than pyte would show)")
    print(f"  minimal Textual app, 'Hello' on screen      {floor * 1000:6.1f} ms   [{floor_written * 1000:6.1f} ms]")
    print("  Textual alone, the same first screen's text and layout (bench/stand_in_app.py), whole screen:")
    for name, paints in stand_ins.items():
        shown = statistics.median(paint.on_screen[2] for paint in paints)
        written = statistics.median(paint.written[2] for paint in paints)
        print(
            f"    {name:<42}{shown * 1000:6.1f} ms   ratio {shown / floor:.2f}"
            f"   [{written * 1000:6.1f} ms   ratio {written / floor_written:.2f}]"
        )
    for name, paints in (("reopened (first screen kept)", reopened), ("first open (nothing kept)", first_open)):
        print(f"  briefing, {name}:")
        for i, what in enumerate(("title", "side panes", "Markdown body (whole screen)")):
            shown = statistics.median(paint.on_screen[i] for paint in paints)
            written = statistics.median(paint.written[i] for paint in paints)
            print(
                f"    {what + ' on screen':<42}{shown * 1000:6.1f} ms   ratio {shown / floor:.2f}"
                f"   [{written * 1000:6.1f} ms   ratio {written / floor_written:.2f}]"
            )
    own = statistics.median(paint.own_frame or 0.0 for paint in reopened)
    print(f"    reopened: the app's own frame drawn over the kept one  {own * 1000:6.1f} ms   ratio {own / floor:.2f}")
    for name, paints in (("reopened", reopened), ("first open", first_open)):
        paired = statistics.median(
            paint.on_screen[2] / minimal.on_screen[0] for paint, minimal in zip(paints, minimal_runs, strict=True)
        )
        print(f"  median of the {runs} paired whole-screen ratios, {name} (each against the minimal run beside it): "
              f"{paired:.2f}")  # fmt: skip
    print("  (target: whole screen ratio <= 1.25)")
    walls = check_wall(runs)
    print(
        f"briefing check content/: median wall {statistics.median(walls) * 1000:.1f} ms of {runs} runs"
        "   (target <= 150 ms)"
    )
    print(f"briefing check imports textual: {check_imports_textual()}")


if __name__ == "__main__":
    main()
