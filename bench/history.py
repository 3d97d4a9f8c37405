"""A brief's history with 1,000 revisions: `briefing log` and the `h` view (target: <= 1 s each).

usage: python -m bench.history [-n RUNS] [--revisions N]

Builds a git repository in a temporary folder with ``git fast-import`` (fixed author and dates): the seed brief
and N commits that each change it (a stop moves, a confirmation is resolved or reopened, the BLUF is rewritten,
a quote is added). Then times, RUNS times each, median reported:
  - `briefing log FILE`, the whole process, to /dev/null;
  - in the app at 120x40, `h` until the newest commit's line is on screen (pyte in a pseudo-terminal).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from bench.first_paint import briefing_command
from tests.support.pty_screen import Terminal

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "content" / "2024-06-12-putin-north-korea-vietnam.toml"
START = 1718182800  # 2024-06-12 09:00 UTC


def version(number: int, seed: str) -> str:
    """The brief after ``number`` commits: each commit changes one thing, in turn."""
    text = seed.replace("as_of = 2024-06-12", f"as_of = 2024-06-12\nupdated = 2024-06-12  # revision {number}")
    day = 19 + number % 7
    text = text.replace("start = 2024-06-19\nend = 2024-06-20", f"start = 2024-06-{day}\nend = 2024-06-{day + 1}")
    if number % 3 == 1:
        text = text.replace(
            'status = "pending"\nsince = 2024-06-12\nreported_by = ["vedomosti"]',
            'status = "confirmed"\nsince = 2024-06-12\nresolved_on = 2024-06-12\nresolution = "Announced."\n'
            'reported_by = ["vedomosti"]',
            1,
        )
    text = text.replace("is expected to visit North Korea", f"is expected ({number % 5}) to visit North Korea")
    quotes = "".join(f'\n[[quotes]]\nspeaker = "Speaker {i}"\ntext = "Said {i}."\n' for i in range(number // 100))
    return text + quotes


def build_repository(folder: Path, revisions: int) -> Path:
    subprocess.run(["git", "init", "-q", "-b", "main", str(folder)], check=True)
    seed = SEED.read_text(encoding="utf-8")
    stream = bytearray()
    for number in range(revisions + 1):
        content = version(number, seed).encode()
        message = f"Revision {number}".encode()
        stamp = START + number * 3600
        stream += b"commit refs/heads/main\n"
        stream += f"author Ana Analyst <ana@example.org> {stamp} +0000\n".encode()
        stream += f"committer Ana Analyst <ana@example.org> {stamp} +0000\n".encode()
        stream += f"data {len(message)}\n".encode() + message + b"\n"
        stream += b"M 100644 inline brief.toml\n" + f"data {len(content)}\n".encode() + content + b"\n"
    subprocess.run(["git", "fast-import", "--quiet"], cwd=folder, input=bytes(stream), check=True)
    subprocess.run(["git", "checkout", "-q", "main"], cwd=folder, check=True)
    return folder / "brief.toml"


def log_seconds(path: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([*briefing_command(), "log", str(path)], capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(done.stderr.decode())
    return times


def view_seconds(path: Path, revisions: int, runs: int, state: Path) -> list[float]:
    times = []
    for _ in range(runs):
        terminal = Terminal([*briefing_command(), str(path), "--today", "2024-06-20"], cols=120, rows=40,
                            env={"XDG_STATE_HOME": str(state)})  # fmt: skip
        try:
            if terminal.wait_for("Putin", timeout=30) is None:
                raise SystemExit("the brief did not open")
            terminal.settle(0.5)
            shown = terminal.timed("h", f"Revision {revisions}", timeout=30)
            if shown is None:
                raise SystemExit("the history did not appear")
            times.append(shown[1])
        finally:
            terminal.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--runs", type=int, default=7)
    parser.add_argument("--revisions", type=int, default=1000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        path = build_repository(Path(temporary) / "repo", options.revisions)
        count = int(subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=path.parent, capture_output=True,
                                   text=True, check=True).stdout)  # fmt: skip
        log = log_seconds(path, options.runs)
        view = view_seconds(path, options.revisions, options.runs, Path(temporary) / "state")
    print(f"a brief with {count:,} commits, median of {options.runs} runs:")
    print(f"  briefing log FILE, whole process      {statistics.median(log) * 1000:6.0f} ms   (target <= 1000 ms)")
    print(f"    (fastest {min(log) * 1000:.0f} ms, slowest {max(log) * 1000:.0f} ms)")
    print(f"  h in the app, until the list is shown {statistics.median(view) * 1000:6.0f} ms   (target <= 1000 ms)")
    print(f"    (fastest {min(view) * 1000:.0f} ms, slowest {max(view) * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
