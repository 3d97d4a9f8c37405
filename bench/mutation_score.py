"""The mutation score of the core, from mutmut's last run, with the mutants listed as equivalent set apart.

usage: python -m bench.mutation_score    (after `.venv/bin/mutmut run`; README, "Mutation testing")

Reads `mutmut results --all true` and `docs/mutation-equivalent.txt` (each equivalent mutant by name, under the
reason it changes nothing a caller can see). Prints, by module: mutants, killed (a timeout counts as killed),
equivalent, and the score killed / (mutants - equivalent); then every mutant that survived and is not listed,
and every listed one that no longer survives (the list is then out of date). Exits 1 when either is not empty.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EQUIVALENT = ROOT / "docs" / "mutation-equivalent.txt"
KILLED = {"killed", "timeout"}


def results() -> dict[str, str]:
    mutmut = Path(sys.executable).with_name("mutmut")
    if not mutmut.exists():
        raise SystemExit(f'{mutmut} is not installed: see the README, "Mutation testing"')
    done = subprocess.run([str(mutmut), "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"mutmut results failed (has `mutmut run` been run?):\n{done.stderr.strip()}")
    found = {}
    for line in done.stdout.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name:
            found[name] = status
    return found


def equivalent() -> dict[str, str]:
    reasons: dict[str, str] = {}
    reason = ""
    for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            reason = line[2:]
        elif line.strip():
            reasons[line.strip()] = reason
    return reasons


def module(name: str) -> str:
    path = name.split(".x_")[0].split(".xǁ")[0]
    return path.replace(".", "/") + ".py"


def main() -> None:
    argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
    found = results()
    listed = equivalent()
    totals: Counter[str] = Counter()
    killed: Counter[str] = Counter()
    same: Counter[str] = Counter()
    open_ones = []
    for name, status in sorted(found.items()):
        where = module(name)
        totals[where] += 1
        if status in KILLED:
            killed[where] += 1
        elif name in listed:
            same[where] += 1
        else:
            open_ones.append(f"{name}: {status}")
    stale = sorted(name for name in listed if found.get(name) in KILLED or name not in found)
    print(f"{'module':<40} {'mutants':>8} {'killed':>7} {'equiv.':>7} {'score':>7}")
    for where in sorted(totals):
        score = killed[where] / max(1, totals[where] - same[where])
        print(f"{where:<40} {totals[where]:>8} {killed[where]:>7} {same[where]:>7} {score:>8.2%}")
    total, all_killed, all_same = sum(totals.values()), sum(killed.values()), sum(same.values())
    print(f"{'all':<40} {total:>8} {all_killed:>7} {all_same:>7} {all_killed / max(1, total - all_same):>8.2%}")
    print(f"killed of all mutants, equivalent ones counted as survivors: {all_killed / max(1, total):.2%}")
    for line in open_ones:
        print(f"survived, not listed as equivalent: {line}")
    for name in stale:
        print(f"listed as equivalent but {found.get(name, 'not a mutant any more')}: {name}")
    if open_ones or stale:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
