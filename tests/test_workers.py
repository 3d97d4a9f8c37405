"""Many files shared among worker processes: results come back whole and in order; check and the index use it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.system import workers
from tests.conftest import MINIMAL_BRIEF, ROOT


def _pids(items: list[int]) -> list[tuple[int, int]]:
    return [(item, os.getpid()) for item in items]


def test_chunks_come_back_in_order_from_worker_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "worker_count", lambda: 2)
    items = list(range(1000))
    results = [pair for chunk in workers.in_chunks(_pids, items, chunk=50) for pair in chunk]
    assert [item for item, _pid in results] == items
    assert os.getpid() not in {pid for _item, pid in results}, "the work ran in other processes"


def test_a_few_items_are_done_here() -> None:
    results = [pair for chunk in workers.in_chunks(_pids, list(range(10))) for pair in chunk]
    assert {pid for _item, pid in results} == {os.getpid()}


def test_check_on_many_files_reports_every_problem_in_path_order(tmp_path: Path) -> None:
    for number in range(workers.PARALLEL_FROM + 50):
        text = MINIMAL_BRIEF if number % 97 else MINIMAL_BRIEF.replace('title = "Minimal"', "title = 3")
        (tmp_path / f"brief-{number:04}.toml").write_text(text, encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "briefing", "check", str(tmp_path)], capture_output=True, text=True,
                          env=environment, timeout=120, check=False)  # fmt: skip
    bad = [number for number in range(workers.PARALLEL_FROM + 50) if number % 97 == 0]
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        f"{tmp_path}/brief-{number:04}.toml:4: error: brief.title: expected a string, got the integer 3"
        for number in bad
    ]
    assert done.stderr == f"{len(bad)} problems in {len(bad)} of {workers.PARALLEL_FROM + 50} files\n"
