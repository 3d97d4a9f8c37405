"""The view for a brief that cannot be shown: every problem with its line, never a traceback."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static

from briefing.format.model import Problem
from briefing.present.source_line import lines_of, source_line
from briefing.system.paths import display_path
from briefing.ui.keys import ERROR_BINDINGS, MOVE_BINDINGS, hint
from briefing.ui.screens.base import BriefView
from briefing.ui.widgets.key_footer import KeyFooter


class ProblemList(OptionList):
    BINDINGS = [*MOVE_BINDINGS]


def problem_prompt(problem: Problem, lines: Sequence[str] | None = None) -> Content:
    """A problem, where it is, and the line of the file's ``lines`` (`lines_of`) it is on, its column's
    character marked."""
    where = "whole file" if problem.line is None else f"line {problem.line}"
    if problem.column is not None:
        where += f", column {problem.column}"
    parts: list[str | tuple[str, str]] = [("✘ ", "$text-error"), (where, "bold")]
    if problem.key:
        parts += [("  ", ""), (problem.key, "bold")]
    parts += ["\n", problem.message]
    line = source_line(lines, problem.line, problem.column)
    if line is not None:
        parts += ["\n", (f"{line.number:>5} │ ", "dim"), line.before, (line.at, "reverse $text-error"), line.after]
    return Content.assemble(*parts)


MOST_SHOWN = 500
"""Problems listed on screen; past these the list says how many more there are (`briefing check` lists all)."""


def _problem_options(problems: tuple[Problem, ...], text: str | None) -> list[Content | None]:
    options: list[Content | None] = []
    lines = lines_of(text)
    for problem in problems[:MOST_SHOWN]:
        options += [problem_prompt(problem, lines), None]
    return options[:-1]


def listed_note(count: int) -> str:
    """What the heading adds when not every problem is listed."""
    return f" (the first {MOST_SHOWN:,} are listed; `briefing check` lists them all)" if count > MOST_SHOWN else ""


class ProblemsPanel(Vertical):
    """Below a brief: why the file's latest version is not the one on screen."""

    def __init__(self) -> None:
        super().__init__(id="problems")
        self.problems: tuple[Problem, ...] = ()

    def compose(self) -> ComposeResult:
        yield ProblemList()

    def show(self, heading: str, problems: tuple[Problem, ...], text: str | None = None) -> None:
        """Show ``problems`` under ``heading``, each with its line of ``text``, the file's version they are in."""
        self.border_title = Content(f" {heading}{listed_note(len(problems))} ")
        self.border_subtitle = hint(self.app, "app.edit", "app.reload")
        self.problems = problems
        problem_list = self.query_one(ProblemList)
        problem_list.set_options(_problem_options(problems, text))
        self.add_class("-shown")

    def to_edit(self) -> Problem | None:
        """The problem selected in the panel, else the first one that has a line: where `e` opens the file."""
        return problem_to_edit(self.problems, self.query_one(ProblemList).highlighted)

    def hide(self) -> None:
        self.remove_class("-shown")

    @property
    def shown(self) -> bool:
        return self.has_class("-shown")


class ErrorScreen(BriefView):
    BINDINGS = [*ERROR_BINDINGS]

    def action_back(self) -> None:
        self.close()

    def __init__(self, path: Path, problems: tuple[Problem, ...], text: str | None = None) -> None:
        """The ``problems`` of the file at ``path``, each with its line of ``text``, the file's version they are in."""
        super().__init__()
        self.path = path
        self.problems = problems
        self.text = text

    def compose(self) -> ComposeResult:
        count = len(self.problems)
        with Vertical(id="errors", classes="pane") as box:
            box.border_title = Content(" Problems ")  # here, not on mount: a reload composes the view again
            yield Static(
                Content.assemble(
                    ("This brief cannot be shown: ", "bold"),
                    (f"{count:,} problem{'s' if count != 1 else ''}", "bold $error"),
                    " in ",
                    (display_path(self.path), "bold"),
                    listed_note(count),
                    f"\nFix {'it' if count == 1 else 'them'} in your editor (press e): "
                    "this view follows the file as it is saved.",
                ),
                id="errors-heading",
            )
            yield ProblemList(*_problem_options(self.problems, self.text))
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(ProblemList).focus()

    async def show_problems(self, problems: tuple[Problem, ...], text: str | None = None) -> None:
        self.problems = problems
        self.text = text
        await self.recompose()
        self.query_one(ProblemList).focus()

    def edit_line(self) -> int | None:
        """The line of the problem under the cursor, or of the first one that has a line."""
        problem = self._to_edit()
        return problem.line if problem is not None else None

    def edit_column(self) -> int | None:
        """The column of that problem, when it has one (a syntax error)."""
        problem = self._to_edit()
        return problem.column if problem is not None else None

    def _to_edit(self) -> Problem | None:
        return problem_to_edit(self.problems, self.query_one(ProblemList).highlighted)


def problem_to_edit(problems: tuple[Problem, ...], highlighted: int | None) -> Problem | None:
    """Problem ``highlighted`` when it has a line, else the first problem that has one: where `e` opens the file."""
    if highlighted is not None and highlighted < len(problems) and problems[highlighted].line is not None:
        return problems[highlighted]
    return next((problem for problem in problems if problem.line is not None), None)
