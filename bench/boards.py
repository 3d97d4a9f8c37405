"""`briefing pending` and `briefing agenda` on a library with a warm index (target: <= 0.3 s at 1,000 briefs).

usage: python -m bench.boards [N] [-n RUNS]    (a library of N briefs from bench.gen_library, default 1,000, in
                                               ./library-N, generated if missing)

Each command runs once to build the index (not timed), then RUNS times; prints the median wall time of each, from
the process start to its exit, with its output going to a pipe (as a script reads it).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.first_paint import briefing_command

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = (
    ("pending", "-f", "json"),
    ("pending", "--filter", "hanoi"),
    ("agenda",),
    ("agenda", "-f", "csv"),
    ("agenda", "-f", "ics"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("size", nargs="?", type=int, default=1_000)
    parser.add_argument("-n", "--runs", type=int, default=7)
    options = parser.parse_args()
    directory = ROOT / f"library-{options.size}"
    if not directory.exists():
        subprocess.run([sys.executable, "-m", "bench.gen_library", str(options.size), str(directory)], check=True)
    with tempfile.TemporaryDirectory() as cache:
        env = {"XDG_CACHE_HOME": cache, "BRIEFING_TODAY": "2024-06-20", "PATH": ""}
        print(f"library of {options.size:,} briefs, warm index, median of {options.runs} runs:")
        for command in COMMANDS:
            full = [*briefing_command(), command[0], str(directory), *command[1:]]
            subprocess.run(full, check=True, capture_output=True, env=env)  # builds the index
            times = []
            for _ in range(options.runs):
                start = time.perf_counter()
                done = subprocess.run(full, capture_output=True, env=env)
                times.append(time.perf_counter() - start)
                if done.returncode != 0:
                    raise SystemExit(done.stderr.decode())
            lines = done.stdout.count(b"\n")
            shown = " ".join(command)
            median = statistics.median(times) * 1000
            print(f"  briefing {shown:<28} {median:6.0f} ms  ({lines:,} lines)  (target <= 300 ms)")


if __name__ == "__main__":
    main()
