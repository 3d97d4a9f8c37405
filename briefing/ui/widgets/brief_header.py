"""The row above a brief's sections: what is open (the file, its place in the library's list, whether it is read-only
or a past version, whether the file on disk has problems), and at the right the date ages count to."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import PurePath

from textual.content import Content
from textual.widgets import Static

from briefing.ui.next_frame import asked_now, update_in_place

SAVE_A_COPY = ("S saves a copy to edit", "S: copy to edit")
"""How the header says a read-only brief is edited, the longest first: the first that fits is said."""


@dataclass(frozen=True)
class Heading:
    """What the header says."""

    name: str
    """The file, as the screens show paths."""
    reference: str = ""
    """The date ages count to, in words."""
    position: tuple[int, int] | None = None
    """Where the brief is in the library's list it was opened from: (number, of)."""
    read_only: bool = False
    past: str | None = None
    """The past version shown (``4fe8022, 17 Jun 2024``), if it is one."""
    problems: int = 0
    """How many problems the file on disk has now (the last good version is on screen)."""


class BriefHeader(Static):
    """One line: the tags and the file's name at the left (cut with an ellipsis where there is no room), the
    reference date at the right."""

    DEFAULT_CSS = "BriefHeader { height: 1; }"

    def __init__(self, heading: Heading, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.heading = heading

    def on_mount(self) -> None:
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def say(self, **changed: object) -> None:
        """Change what the header says (``reference=...``, ``problems=...``) and draw it again."""
        self.heading = replace(self.heading, **changed)  # type: ignore[arg-type]
        self._draw()

    def left(self, short: bool = False, hint: str | None = SAVE_A_COPY[0]) -> Content:
        """The left part; ``short``: the file's name without its folder; ``hint``: how a read-only brief is edited
        (None: not said)."""
        heading = self.heading
        parts: list[str | tuple[str, str]] = []
        if heading.past is not None:
            parts += [(" Past version ", "bold reverse $warning"), " ", (heading.past, "bold"), ("  ·  ", "dim")]
        elif heading.read_only:
            parts += [(" Read only ", "bold reverse $warning"), " "]
        else:
            parts.append(" ")
        parts.append((PurePath(heading.name).name if short else heading.name, "bold"))
        if heading.position is not None:
            number, of = heading.position
            parts += [("  ·  ", "dim"), f"brief {number} of {of}"]
        if heading.problems:
            count = heading.problems
            parts += [("  ·  ", "dim"), (f"⚠ the file on disk has {count} problem{'s' if count != 1 else ''}",
                                         "bold $text-error")]  # fmt: skip
        if (heading.past is not None or heading.read_only) and hint is not None:
            parts += [("  ·  ", "dim"), (hint, "$text-warning")]
        return Content.assemble(*parts)

    def _draw(self) -> None:
        # The reference date always shows: the left part gives way, cut with an ellipsis.
        right = f" {self.heading.reference} " if self.heading.reference else ""
        # Before its first layout (drawn for the first frame): the screen's width, which it spans.
        room = max(0, (self.size.width or self.app.size.width) - len(right))
        choices = [self.left()] + [self.left(short=True, hint=hint) for hint in (*SAVE_A_COPY, None)]
        left = next((choice for choice in choices if choice.cell_length <= room), choices[-1])
        left = left.truncate(room, ellipsis=True, pad=True)
        update_in_place(self, Content.assemble(left, (right, "dim")))
        asked_now(self)  # in the frame of whatever else changed with it
