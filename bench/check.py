"""`briefing check` on many briefs, against tomllib parsing the same files in one process, in one run.

usage: python -m bench.check [N] [-n RUNS]    (a library of N briefs from bench.gen_library, default 10,000, in
                                              ./library-N, generated if missing)

Reports the median wall time of `briefing check DIR` (a subprocess, from start to exit), the median time to parse
every file with tomllib in this process, and their ratio (target: <= 0.8, with the cores shared). Run it after
`python -m compileall briefing` when PYTHONDONTWRITEBYTECODE is set, or each run compiles the package again.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.first_paint import briefing_command
from bench.library import tomllib_seconds

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("size", nargs="?", type=int, default=10_000)
    parser.add_argument("-n", "--runs", type=int, default=5)
    options = parser.parse_args()
    directory = ROOT / f"library-{options.size}"
    if not directory.is_dir():
        generate = [sys.executable, "-m", "bench.gen_library", str(options.size), str(directory)]
        subprocess.run(generate, check=True, cwd=ROOT)
    walls: list[float] = []
    parses: list[float] = []
    count = 0
    for _ in range(options.runs):
        parse, count = tomllib_seconds(directory)
        parses.append(parse)
        start = time.perf_counter()
        done = subprocess.run([*briefing_command(), "check", str(directory)], capture_output=True, check=False)
        walls.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"briefing check failed: {done.stderr.decode()[-500:]}")
    wall, parse = statistics.median(walls), statistics.median(parses)
    print(f"briefing check on {count:,} briefs, median of {options.runs} runs:")
    print(f"  briefing check DIR (wall, subprocess)   {wall:6.2f} s")
    print(f"  tomllib, every file in one process      {parse:6.2f} s")
    print(f"  ratio                                   {wall / parse:6.2f}   (target <= 0.8)")


if __name__ == "__main__":
    main()
