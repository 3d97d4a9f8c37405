"""Wall time of `briefing show` on the bundled brief (target: 0.25 s), and that it never imports Textual.

python -m bench.show [RUNS]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "content" / "2024-06-12-putin-north-korea-vietnam.toml"


def briefing() -> str:
    script = Path(sys.executable).with_name("briefing")
    return str(script) if script.exists() else "briefing"


def wall_time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("runs", type=int, nargs="?", default=21, metavar="RUNS", help="runs of each (default: 21)")
    runs: int = parser.parse_args().runs
    commands = {
        "briefing show (every section)": [briefing(), "show", str(SEED), "--width", "100"],
        "briefing export --format html": [briefing(), "export", str(SEED), "--format", "html"],
    }
    for label, command in commands.items():
        wall_time(command)  # warm the file cache
        times = sorted(wall_time(command) for _ in range(runs))
        print(f"{label}: median {statistics.median(times) * 1000:.1f} ms of {runs} runs "
              f"(min {times[0] * 1000:.1f}, max {times[-1] * 1000:.1f})")  # fmt: skip
    code = (
        "import sys; from briefing.cli import main; main(['show', sys.argv[1]]);"
        "print('textual' in sys.modules, file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code, str(SEED)], capture_output=True, text=True, check=True)
    print(f"briefing show imports textual: {done.stderr.strip()}   (target: 250 ms, False)")


if __name__ == "__main__":
    main()
