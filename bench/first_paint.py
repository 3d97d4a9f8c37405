"""First paint of `briefing` against a minimal Textual app, and the wall time of `briefing check`.

usage: python bench/first_paint.py [-n RUNS]

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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pty_screen import Terminal

ROOT = Path(__file__).resolve().parent.parent
TITLE = "Putin Likely To Visit North Korea"


def briefing_command() -> list[str]:
    script = Path(sys.executable).with_name("briefing")
    return [str(script)] if script.exists() else [shutil.which("briefing") or "briefing"]


def first_paint(command: list[str], needle: str) -> float:
    terminal = Terminal(command, cols=120, rows=40)
    try:
        seconds = terminal.wait_for(needle)
    finally:
        terminal.close()
    if seconds is None:
        raise SystemExit(f"{needle!r} never appeared on the screen of {command}")
    return seconds


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
    parser.add_argument("-n", "--runs", type=int, default=9)
    runs = parser.parse_args().runs
    minimal = [sys.executable, str(ROOT / "bench" / "minimal_app.py")]
    app = briefing_command()
    first_paint(app, TITLE)  # warm the file cache for both before timing
    first_paint(minimal, "Hello")
    minimal_times, app_times = [], []
    for _ in range(runs):
        minimal_times.append(first_paint(minimal, "Hello"))
        app_times.append(first_paint(app, TITLE))
    minimal_median = statistics.median(minimal_times)
    app_median = statistics.median(app_times)
    print(f"first paint, median of {runs} runs at 120x40:")
    print(f"  minimal Textual app  {minimal_median * 1000:7.1f} ms")
    print(f"  briefing             {app_median * 1000:7.1f} ms")
    print(f"  ratio                {app_median / minimal_median:7.2f}   (target <= 1.25)")
    walls = check_wall(runs)
    print(
        f"briefing check content/: median wall {statistics.median(walls) * 1000:.1f} ms of {runs} runs"
        "   (target <= 150 ms)"
    )
    print(f"briefing check imports textual: {check_imports_textual()}")


if __name__ == "__main__":
    main()
