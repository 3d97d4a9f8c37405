"""What remembering what the reader has seen costs: opening a big library, and a brief's first paint.

usage: python -m bench.read_state [-n RUNS] [DIR]   (DIR: a library from bench.gen_library; default:
                                                 ./library-10000, generated if missing)

In a 120x40 pseudo-terminal (pyte), alternating RUNS times, medians reported:
  - the library under DIR, its index cached, until the list is complete (the status line stops saying
    "indexing": the marks are found by then): without a read state (the setting remember = false) and with
    one that has seen every brief (target: at most 10% more); and once, the first open that adopts them all;
  - the seed brief, until its title is on screen: without a read state, and with one that saw an older version
    of it, so its changes are marked (target: at most 10 ms more); and until the marks are on screen.
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
from tests.support.pty_screen import Terminal

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "content" / "2024-06-12-putin-north-korea-vietnam.toml"
TITLE = "Putin Likely To Visit North Korea"
BODY = "Background"


def environment(base: Path, remember: bool) -> dict[str, str]:
    config = base / ("config-remember" if remember else "config-forget")
    (config / "briefing").mkdir(parents=True, exist_ok=True)
    (config / "briefing" / "settings.toml").write_text(f"remember = {'true' if remember else 'false'}\n")
    return {"XDG_CACHE_HOME": str(base / "cache"), "XDG_STATE_HOME": str(base / "state"),
            "XDG_CONFIG_HOME": str(config), "BRIEFING_TODAY": "2024-06-20"}  # fmt: skip


def library_complete(directory: Path, env: dict[str, str]) -> float:
    terminal = Terminal([*briefing_command(), str(directory)], cols=120, rows=40, env=env)
    try:
        if terminal.wait_for("Brief ", timeout=120) is None:
            raise SystemExit("no rows appeared")
        deadline = time.perf_counter() + 300
        while ("indexing" in terminal.text() or "looking" in terminal.text()) and time.perf_counter() < deadline:
            terminal.pump(0.005)
        return time.perf_counter() - terminal.started
    finally:
        terminal.close()


def first_paint(path: Path, env: dict[str, str], marks: bool) -> tuple[float, float, float | None]:
    """Seconds from the start until the title is on screen, until the whole first screen is (the Markdown body
    comes last), and with ``marks``, until the changes are marked."""
    terminal = Terminal([*briefing_command(), str(path)], cols=120, rows=40, env=env)
    try:
        if terminal.wait_for(TITLE, timeout=30) is None:
            raise SystemExit("the brief did not open")
        title = time.perf_counter() - terminal.started
        if terminal.wait_for(BODY, timeout=30) is None:
            raise SystemExit("the body did not show")
        body = time.perf_counter() - terminal.started
        marked = None
        if marks:
            if terminal.wait_for("◆ changed", timeout=30) is None:
                raise SystemExit("the changes were not marked")
            marked = time.perf_counter() - terminal.started
        return title, body, marked
    finally:
        terminal.close()


def seen_before(path: Path, env: dict[str, str]) -> None:
    """Make the read state hold the seed brief as first written, and put a later version at ``path``."""
    code = (
        "import sys; from pathlib import Path; from briefing.format.load import load_path; "
        "from briefing.format.diff import digest; from briefing.library.read_state import ReadState; "
        "p = Path(sys.argv[1]); r = load_path(p); ReadState.default().record(p, digest(r.brief), r.fingerprint.data)"
    )
    path.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run([sys.executable, "-c", code, str(path)], env={**env, "PYTHONPATH": str(ROOT)}, check=True)
    later = SEED.read_text(encoding="utf-8").replace('status = "pending"', 'status = "confirmed"\nresolved_on = '
                                                     '2024-06-12\nresolution = "Announced."', 1)  # fmt: skip
    path.write_text(later, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--runs", type=int, default=5)
    parser.add_argument("directory", nargs="?", type=Path, default=ROOT / "library-10000")
    options = parser.parse_args()
    directory: Path = options.directory
    if not directory.exists():
        subprocess.run([sys.executable, "-m", "bench.gen_library", "10000", str(directory)], check=True, cwd=ROOT)
    count = sum(1 for _ in directory.rglob("*.toml"))
    with tempfile.TemporaryDirectory() as temporary:
        base = Path(temporary)
        forget, remember = environment(base, False), environment(base, True)
        library_complete(directory, forget)  # the index, cached for every later open
        adopting = library_complete(directory, remember)  # the first open with a read state: it adopts them all
        without, with_state = [], []
        for _ in range(options.runs):
            without.append(library_complete(directory, forget))
            with_state.append(library_complete(directory, remember))
        brief = base / "brief.toml"
        seen_before(brief, remember)
        paints_without: list[tuple[float, float]] = []
        paints_with: list[tuple[float, float]] = []
        marked: list[float] = []
        first_paint(brief, remember, True)  # warm the file cache
        for round_number in range(options.runs * 3):
            seen_before(brief, remember)  # each view records what it saw: go back to the older version seen
            time.sleep(0.3)
            # Each round in the other order, so neither side is always the one just after the other.
            for marks in (False, True) if round_number % 2 else (True, False):
                if marks:
                    title, body, shown = first_paint(brief, remember, True)
                    paints_with.append((title, body))
                    marked.append(shown or 0.0)
                else:
                    paints_without.append(first_paint(brief, forget, False)[:2])  # the same file, nothing kept
    plain, kept = statistics.median(without), statistics.median(with_state)
    print(f"library of {count:,} briefs, index cached, until complete, median of {options.runs}:")
    print(f"  without a read state (remember = false)   {plain:6.2f} s")
    print(f"  with a read state that saw every brief     {kept:6.2f} s   {kept / plain - 1:+.1%}   (target <= +10%)")
    print(f"  first open with a read state (adopts all)  {adopting:6.2f} s   (once)")
    print(f"the seed brief at 120x40, median of {len(paints_with)} (paired: the two runs of each round):")
    for part, name in ((0, "title"), (1, "whole first screen")):
        alone = statistics.median(run[part] for run in paints_without) * 1000
        kept = statistics.median(run[part] for run in paints_with) * 1000
        paired = statistics.median(w[part] - o[part] for w, o in zip(paints_with, paints_without, strict=True)) * 1000
        print(f"  {name}: without a read state {alone:6.1f} ms, with changes to mark {kept:6.1f} ms, "
              f"paired difference {paired:+.1f} ms   (target <= +10 ms)")  # fmt: skip
    print(f"  the marks on screen                        {statistics.median(marked) * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
