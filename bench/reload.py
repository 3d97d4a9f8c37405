"""Save-to-screen latency: how long after a save the new version is on `briefing`'s screen.

usage: python -m bench.reload [-n SAVES]

Runs `briefing` on a copy of the bundled brief in a 120x40 pseudo-terminal and saves a
new title SAVES times, alternating a plain write and a save-by-rename (as many editors
do), timing each until the new title is on the emulated screen. Target: median <= 0.6 s.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.first_paint import briefing_command
from tests.support.pty_screen import Terminal

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "content").glob("*.toml"))
TITLE = "Putin Likely To Visit North Korea Next Week As Kim Jong Un Hails Close Ties With Moscow"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--saves", type=int, default=20)
    saves = parser.parse_args().saves
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "brief.toml"
        shutil.copy(SEED, path)
        original = path.read_text(encoding="utf-8")
        terminal = Terminal([*briefing_command(), str(path)], cols=120, rows=40)
        latencies: list[float] = []
        pauses = random.Random(20240612)
        try:
            if terminal.wait_for("Putin Likely") is None:
                raise SystemExit("briefing did not start")
            terminal.settle(1.0)
            for number in range(saves):
                title = f"Reload test number {number}"
                text = original.replace(TITLE, title)
                start = time.perf_counter()
                if number % 2:
                    temporary = path.with_name(".brief.toml.tmp")
                    temporary.write_text(text, encoding="utf-8")
                    os.replace(temporary, path)
                else:
                    path.write_text(text, encoding="utf-8")
                if terminal.wait_for(title, timeout=5) is None:
                    raise SystemExit(f"save {number} never reached the screen")
                latencies.append(time.perf_counter() - start)
                terminal.settle(pauses.uniform(0.2, 0.6))  # saves at random moments, not in step with the polling
        finally:
            terminal.close()
    print(f"save-to-screen latency over {saves} saves (half of them by rename), at 120x40:")
    print(f"  median {statistics.median(latencies) * 1000:6.1f} ms   (target <= 600 ms)")
    print(f"  min    {min(latencies) * 1000:6.1f} ms")
    print(f"  max    {max(latencies) * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
