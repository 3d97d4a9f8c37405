"""The view for a brief that cannot be shown: every problem with its line, never a traceback."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static

from briefing.model import Problem
from briefing.paths import display_path
from briefing.ui.keys import MOVE_BINDINGS


class ProblemList(OptionList):
    BINDINGS = [*MOVE_BINDINGS]


def problem_prompt(problem: Problem) -> Content:
    where = "whole file" if problem.line is None else f"line {problem.line}"
    if problem.column is not None:
        where += f", column {problem.column}"
    parts: list[str | tuple[str, str]] = [("✘ ", "$text-error"), (where, "bold")]
    if problem.key:
        parts += [("  ", ""), (problem.key, "bold")]
    parts += ["\n", problem.message]
    return Content.assemble(*parts)


class ErrorScreen(Screen[None]):
    def __init__(self, path: Path, problems: tuple[Problem, ...]) -> None:
        super().__init__()
        self.path = path
        self.problems = problems

    def compose(self) -> ComposeResult:
        count = len(self.problems)
        with Vertical(id="errors", classes="pane"):
            yield Static(
                Content.assemble(
                    ("This brief cannot be shown: ", "bold"),
                    (f"{count} problem{'s' if count != 1 else ''}", "bold $error"),
                    " in ",
                    (display_path(self.path), "bold"),
                    "\nFix them in the file and run `briefing check` on it to confirm.",
                ),
                id="errors-heading",
            )
            options: list[Content | None] = []
            for problem in self.problems:
                options += [problem_prompt(problem), None]
            yield ProblemList(*options[:-1])
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#errors").border_title = Content(" Problems ")
        self.query_one(ProblemList).focus()
