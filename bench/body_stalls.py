"""How long the app's loop stalls while a 1 MB body is read as Markdown and laid out.

usage: python -m bench.body_stalls [-n RUNS] [-s SECONDS]

Opens each body of bench.bodies longer than the app parses at once, in the app run headless at 120x40 in a process
of its own each time (the parse is cached in a process; and with the garbage collector held off from the start and the
app's startup objects set apart from it, as `briefing` does), and runs a 5 ms sleep on the app's loop
again and again for SECONDS (default 4) from the moment the app is up, counting from when the body is on the screen
(its first part as text; the parse starts after that frame): a stall is the time a sleep took beyond its
5 ms, while the screen's thread was busy or waiting for the interpreter's lock. Prints, per body, the median over
RUNS (default 3) of the longest stall and of the number of stalls over 50 ms, and when the body was read. The
issue's target: no key waits more than 50 ms, so no stall longer than that.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.bodies import BODIES, write
from briefing.format.load import load_path
from briefing.present.body_ahead import LARGEST
from briefing.ui.app import BriefingApp
from briefing.ui.widgets.body import BodyView

TICK = 0.005


async def stalls(path: Path, seconds: float) -> tuple[list[float], float | None]:
    """The stalls of the loop (seconds) from the moment the body is on the screen (as text, till it is read), and
    when it was read (None: not in time). The app's own start, before that, is not counted."""
    app = BriefingApp(path, load_path(path), freeze_startup=True)
    found: list[float] = []
    shown_at: float | None = None
    read_at: float | None = None
    async with app.run_test(size=(120, 40)):
        start = time.perf_counter()
        while time.perf_counter() - start < seconds:
            before = time.perf_counter()
            await asyncio.sleep(TICK)
            if shown_at is not None:
                found.append(max(0.0, time.perf_counter() - before - TICK))
            bodies = app.screen.query(BodyView)
            if shown_at is None and bodies:
                shown_at = time.perf_counter()
            if read_at is None and any(body.parsed for body in bodies):
                read_at = time.perf_counter() - start
    return found, read_at


def one_run(path: Path, seconds: float) -> tuple[list[float], float | None]:
    """``stalls`` in a new process."""
    code = (
        # The collector held off from the start, as `briefing.launch` does (the app turns it back on).
        "import gc; gc.disable(); "
        "import asyncio, json, sys; from pathlib import Path; from bench.body_stalls import stalls; "
        "print(json.dumps(asyncio.run(stalls(Path(sys.argv[1]), float(sys.argv[2])))))"
    )
    # What the reader saw is recorded as in a real run (the screen's thread does some of it), in folders of the run's.
    homes = {name: str(path.parent / name) for name in ("XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME")}
    env = {**os.environ, **homes}
    done = subprocess.run(
        [sys.executable, "-c", code, str(path), str(seconds)], capture_output=True, text=True, env=env
    )
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    found, read_at = json.loads(done.stdout.strip().splitlines()[-1])
    return found, read_at


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--runs", type=int, default=3)
    parser.add_argument("-s", "--seconds", type=float, default=4.0)
    arguments = parser.parse_args()
    print(f"loop stalls while a long body is read, 120x40, median of {arguments.runs} runs:")
    with tempfile.TemporaryDirectory() as folder:
        for name, (body, _first_words) in BODIES.items():
            if len(body) <= LARGEST:
                continue
            path = write(Path(folder), body)
            longest, over, read = [], [], []
            for _ in range(arguments.runs):
                found, read_at = one_run(path, arguments.seconds)
                longest.append(max(found))
                over.append(sum(stall > 0.05 for stall in found))
                read.append(read_at if read_at is not None else float("nan"))
            print(
                f"  {name:14} longest stall {statistics.median(longest) * 1000:5.0f} ms"
                f"   stalls over 50 ms {statistics.median(over):3.0f}"
                f"   read as Markdown at {statistics.median(read):4.2f} s"
            )


if __name__ == "__main__":
    main()
