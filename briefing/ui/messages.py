"""What screens and widgets ask the App for. They post these; the App handles them (``@on``), and tells
the screens what changed by setting their attributes: messages up, attributes down."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from briefing.format.model import Confirmation, ConfirmationStatus


class OpenLink(Message):
    """Open ``url`` in the browser (http and https only); None: there is no link here."""

    def __init__(self, url: str | None) -> None:
        super().__init__()
        self.url = url


class CopyText(Message):
    """Put ``text`` on the clipboard and say what was copied (``what``: "quote", "summary"...)."""

    def __init__(self, text: str, what: str) -> None:
        super().__init__()
        self.text = text
        self.what = what


class OpenBrief(Message):
    """Open a brief of the library over it, at an item if given; ``sequence``: the list it was opened from."""

    def __init__(
        self, path: str, section: str | None = None, index: int | None = None, sequence: Sequence[str] | None = None
    ) -> None:
        super().__init__()
        self.path = path
        self.section = section
        self.index = index
        self.sequence = sequence


class OpenCopy(Message):
    """Open the copy just saved of a read-only brief, in its place: the file edited from now on."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path


class CloseBrief(Message):
    """Back to the library, where the list was left."""


class StepBrief(Message):
    """The previous (-1) or next (1) brief of the list the open one was opened from."""

    def __init__(self, by: int) -> None:
        super().__init__()
        self.by = by


class EditFile(Message):
    """Open the brief's file in the user's editor, at ``line`` if known (and at ``column`` on it, if known)."""

    def __init__(self, line: int | None, column: int | None = None) -> None:
        super().__init__()
        self.line = line
        self.column = column


class ResolveConfirmation(Message):
    """Mark a confirmation confirmed or denied (the App asks how and when), or pending again."""

    def __init__(self, confirmation: Confirmation, status: ConfirmationStatus) -> None:
        super().__init__()
        self.confirmation = confirmation
        self.status = status


class Seen(Message):
    """The reader has now seen the brief at ``path`` as it is (the read state says so): it is no longer new or
    updated in the library."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path


class BriefDrawn(Message):
    """The brief's first screen is whole: slower work about it (what changed since the reader last looked) may
    begin without delaying it."""


class BriefBuilt(Message):
    """Every part of the brief's first screen is mounted, its body's Markdown laid out: the next frame draws it
    whole. Sent by the screen once its body is mounted, and by a long body once its Markdown comes."""
