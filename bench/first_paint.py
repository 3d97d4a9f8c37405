"""First paint of `briefing` against a minimal Textual app, and the wall time of `briefing check`.

usage: python -m bench.first_paint [-n RUNS]

Both apps run in a 120x40 pseudo-terminal, alternating, RUNS times each; the time
is from the process start until the brief's title (or the word "Hello") is on the
emulated screen. Prints each median and the ratio (target: <= 1.25). Then times
`briefing check content/` (target: <= 0.15 s) and checks that it imports no Textual.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

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


def first_paint(command: list[str], *needles: str) -> list[float]:
    """Seconds from the start until each of ``needles`` is on screen, waiting for them in turn."""
    terminal = Terminal(command, cols=120, rows=40)
    times = []
    try:
        for needle in needles:
            if terminal.wait_for(needle) is None:
                raise SystemExit(f"{needle!r} never appeared on the screen of {command}")
            times.append(time.perf_counter() - terminal.started)
    finally:
        terminal.close()
    return times


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
    app = briefing_command()
    first_paint(app, TITLE)  # warm the file cache for both before timing
    first_paint(minimal, "Hello")
    minimal_times: list[float] = []
    app_times: list[list[float]] = []
    for _ in range(runs):
        minimal_times.extend(first_paint(minimal, "Hello"))
        app_times.append(first_paint(app, TITLE, PANES_TEXT, BODY_TEXT))
    minimal_median = statistics.median(minimal_times)
    title, panes, body = (statistics.median(run[i] for run in app_times) for i in range(3))
    print(f"first paint, median of {runs} runs at 120x40, from process start:")
    print(f"  minimal Textual app, 'Hello' on screen   {minimal_median * 1000:6.1f} ms")
    print(f"  briefing, title on screen                {title * 1000:6.1f} ms   ratio {title / minimal_median:.2f}")
    print(f"  briefing, side panes on screen           {panes * 1000:6.1f} ms   ratio {panes / minimal_median:.2f}")
    print(f"  briefing, Markdown body on screen        {body * 1000:6.1f} ms   ratio {body / minimal_median:.2f}")
    paired = statistics.median(run[0] / minimal for run, minimal in zip(app_times, minimal_times, strict=True))
    print(f"  median of the {runs} paired title ratios (each run against the minimal run beside it): {paired:.2f}")
    print("  (target: title ratio <= 1.25)")
    walls = check_wall(runs)
    print(
        f"briefing check content/: median wall {statistics.median(walls) * 1000:.1f} ms of {runs} runs"
        "   (target <= 150 ms)"
    )
    print(f"briefing check imports textual: {check_imports_textual()}")


if __name__ == "__main__":
    main()
