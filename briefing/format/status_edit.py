"""Changing a confirmation's status in a person's file, touching only the lines that change.

An edit rewrites the ``status`` line's value and adds, replaces or removes the
``resolved_on`` and ``resolution`` lines right below it; every other byte of the
file (comments, blank lines, layout, line endings) stays as it was, so `git diff`
shows just those lines. The result is parsed and checked before anything is
written: it must load, and it must differ from the old brief only in the edited
confirmation. A file laid out in a way this cannot edit line by line (the status
inside an inline table, say) is refused with a message; nothing is ever guessed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from collections.abc import Callable

import tomli
import tomli_w

from briefing.format.load import load_text
from briefing.format.locate import Locations
from briefing.format.model import Brief, Confirmation, ConfirmationStatus
from briefing.system.files import (
    ConflictError,
    FileTooLargeError,
    Fingerprint,
    NotRegularFileError,
    SaveError,
    Stamp,
    atomic_write,
    read_with_fingerprint,
    shown,
)

_KEY_VALUE = re.compile(r"""^(?P<indent>[ \t]*)(?P<key>[^=]+?)[ \t]*=[ \t]*""")


class EditError(SaveError):
    """An edit that cannot be made to this file; the file is untouched."""


def resolve(text: str, confirmation_id: str, status: ConfirmationStatus, resolved_on: dt.date, resolution: str) -> str:
    """``text`` with the confirmation marked confirmed or denied, on a date, with a resolution."""
    if status is ConfirmationStatus.PENDING:
        raise ValueError("use reopen() to make a confirmation pending")
    if not resolution.strip():
        raise EditError("a resolution is required: say what confirmed or denied it")
    editor = _LineEditor(text, confirmation_id)
    editor.set_status(status)
    editor.set_key("resolved_on", resolved_on)
    editor.set_key("resolution", resolution.strip())
    editor.keep_updated_after(resolved_on)
    return editor.result()


def reopen(text: str, confirmation_id: str) -> str:
    """``text`` with the confirmation pending again, without ``resolved_on`` and ``resolution``."""
    editor = _LineEditor(text, confirmation_id)
    editor.set_status(ConfirmationStatus.PENDING)
    editor.remove_key("resolved_on")
    editor.remove_key("resolution")
    return editor.result()


class _LineEditor:
    def __init__(self, text: str, confirmation_id: str) -> None:
        self.text = text
        self.line_end = "\r" if "\r\n" in text else ""
        self.lines = text.split("\n")
        self.confirmation_id = confirmation_id
        try:
            document = tomli.loads(text)
        except tomli.TOMLDecodeError as error:
            raise EditError(f"the file is not valid TOML right now ({error}); fix it first") from None
        items = document.get("confirmations")
        ids = [item.get("id") for item in items] if isinstance(items, list) else []
        if confirmation_id not in ids:
            raise EditError(f"there is no confirmation with the id `{confirmation_id}` in the file")
        self.index = ids.index(confirmation_id)
        brief = document.get("brief")
        self.brief_table: dict[str, object] = brief if isinstance(brief, dict) else {}
        self.locations = Locations(text)
        if self.locations.exact(("confirmations", self.index)) is None:
            raise EditError("its confirmations are not written as [[confirmations]] tables; edit it in your editor")
        self.replaced: dict[int, tuple[int, list[str]]] = {}
        """First line -> (last line, new lines): spans of the original text to replace."""
        self.inserted: list[str] = []
        """New lines to go right after the status line."""
        self.after: dict[int, list[str]] = {}
        """New lines to go right after other lines (by 1-based number)."""
        self.updated: dt.date | None = None
        """The brief's new ``updated`` date, when the edit moves it."""

    def _span(self, key: str) -> tuple[int, int] | None:
        return self.locations.value_lines(("confirmations", self.index, key))

    def set_status(self, status: ConfirmationStatus) -> None:
        span = self._span("status")
        if span is None or span[0] != span[1]:
            raise EditError("its `status` is not on a line of its own; edit it in your editor")
        self.replaced[span[0]] = (span[1], [_replace_value(self._line(span[0]), f'"{status.value}"')])

    def set_key(self, key: str, value: object) -> None:
        new_line = tomli_w.dumps({key: value}).rstrip("\n")
        span = self._span(key)
        if span is None:
            status_line = self._span("status")
            indent = _KEY_VALUE.match(self._line(status_line[0])) if status_line else None
            self.inserted.append((indent.group("indent") if indent else "") + new_line)
        elif span[0] == span[1]:
            self.replaced[span[0]] = (span[1], [_replace_value(self._line(span[0]), new_line.split("=", 1)[1].strip())])
        else:
            indent = _KEY_VALUE.match(self._line(span[0]))
            self.replaced[span[0]] = (span[1], [(indent.group("indent") if indent else "") + new_line])

    def keep_updated_after(self, day: dt.date) -> None:
        """A resolution dated after the brief's ``updated`` (or ``as_of``, without one) moves ``updated`` to its
        day: the brief has been revised then. ``updated`` is replaced where it is, or added after ``as_of``."""
        latest = self.brief_table.get("updated") or self.brief_table.get("as_of")
        if not isinstance(latest, dt.date) or day <= latest:
            return
        self.updated = day
        new_value = tomli_w.dumps({"updated": day}).rstrip("\n")
        span = self.locations.value_lines(("brief", "updated"))
        if span is not None:
            if span[0] != span[1]:
                raise EditError("its brief's `updated` is not on a line of its own; edit it in your editor")
            self.replaced[span[0]] = (span[1], [_replace_value(self._line(span[0]), day.isoformat())])
            return
        as_of = self.locations.value_lines(("brief", "as_of"))
        written = _KEY_VALUE.match(self._line(as_of[0])) if as_of is not None and as_of[0] == as_of[1] else None
        if as_of is None or written is None or written.group("key").strip() != "as_of":
            raise EditError("its brief's `as_of` is not a line of its own in [brief]; edit it in your editor")
        self.after.setdefault(as_of[1], []).append(written.group("indent") + new_value)

    def remove_key(self, key: str) -> None:
        span = self._span(key)
        if span is not None:
            self.replaced[span[0]] = (span[1], [])

    def _line(self, number: int) -> str:
        """Line ``number`` (1-based) without its line ending."""
        return self.lines[number - 1].removesuffix("\r")

    def result(self) -> str:
        status_end = (self._span("status") or (0, 0))[1]
        out: list[str] = []
        number = 1
        while number <= len(self.lines):
            if number in self.replaced:
                last, replacement = self.replaced[number]
                out += [line + self.line_end for line in replacement]
                number = last + 1
            else:
                out.append(self.lines[number - 1])
                number += 1
            if number - 1 == status_end:
                out += [line + self.line_end for line in self.inserted]
            out += [line + self.line_end for line in self.after.get(number - 1, ())]
        text = "\n".join(out)
        self._check(text)
        return text

    def _check(self, new_text: str) -> None:
        """The edit must load, and change nothing but this one confirmation (and the brief's ``updated``, when it
        moves)."""
        before = load_text(self.text).brief
        after = load_text(new_text)
        if after.brief is None:
            problems = "; ".join(str(problem) for problem in after.problems)
            raise EditError(f"the change would leave the file invalid, so it was not made: {problems}")
        if before is not None and self.updated is not None:
            before = dataclasses.replace(before, meta=dataclasses.replace(before.meta, updated=self.updated))
        if before is not None and _without(before, self.confirmation_id) != _without(after.brief, self.confirmation_id):
            raise EditError("the change would touch more than this confirmation, so it was not made")


def _without(brief: Brief, confirmation_id: str) -> Brief:
    kept: tuple[Confirmation, ...] = tuple(c for c in brief.confirmations if c.id != confirmation_id)
    return dataclasses.replace(brief, confirmations=kept)


def _replace_value(line: str, value: str) -> str:
    """``line`` (``key = old  # comment``, without its line ending) with its one-line value replaced, the comment
    kept."""
    match = _KEY_VALUE.match(line)
    if match is None:
        raise EditError(f"cannot find the value in the line {line!r}; edit it in your editor")
    rest = line[match.end() :]
    end = _value_end(rest)
    return line[: match.end()] + value + rest[end:]


def _value_end(rest: str) -> int:
    """Where a one-line TOML value that starts ``rest`` ends."""
    if rest[:1] in ('"', "'"):
        quote = rest[0]
        i = 1
        while i < len(rest):
            if quote == '"' and rest[i] == "\\":
                i += 2
                continue
            if rest[i] == quote:
                return i + 1
            i += 1
        raise EditError("a string value does not end on its line; edit it in your editor")
    comment = rest.find("#")
    value = rest if comment < 0 else rest[:comment]
    return len(value.rstrip())


@dataclasses.dataclass(frozen=True)
class Saved:
    """What an edit did to a file: its bytes before and after, and the new file's stamp."""

    before: bytes = dataclasses.field(repr=False)
    after: bytes = dataclasses.field(repr=False)
    stamp: Stamp


def _read_for_edit(path: str | os.PathLike[str]) -> tuple[bytes, Fingerprint]:
    """The file's bytes and fingerprint, for an edit; ConflictError when it is no longer a file to edit."""
    name = shown(path)
    try:
        return read_with_fingerprint(path)
    except FileNotFoundError:
        raise ConflictError(f"{name} was deleted since it was loaded; nothing was saved") from None
    except IsADirectoryError:
        raise ConflictError(f"{name} is a directory now, not the file that was loaded; nothing was saved") from None
    except (NotRegularFileError, FileTooLargeError):
        raise ConflictError(f"{name} is no longer the file that was loaded; nothing was saved") from None
    except OSError as error:
        raise SaveError(f"cannot read {name}: {error.strerror or error}") from error


def change_file(path: str | os.PathLike[str], loaded: Fingerprint, change: Callable[[str], str]) -> Saved:
    """Apply ``change`` to the file's text and save it atomically, if the file is still as loaded."""
    name = shown(path)
    data, current = _read_for_edit(path)
    if current.sha256 != loaded.sha256:
        raise ConflictError(f"{name} changed on disk since it was loaded; nothing was saved")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise EditError(f"{name} is not UTF-8 text") from None
    # A byte order mark is not TOML: the edit works on the text after it, and the mark is written back.
    mark = "\ufeff" if text.startswith("\ufeff") else ""
    after = (mark + change(text.removeprefix(mark))).encode("utf-8")
    return Saved(data, after, atomic_write(path, after, loaded))


def restore(path: str | os.PathLike[str], saved: Saved) -> Stamp:
    """Undo the edit ``saved``: the file back to its bytes before, if it is still exactly as the edit left it
    (ConflictError if anyone has changed it since: undoing would lose their change)."""
    data, current = _read_for_edit(path)
    if data != saved.after:
        raise ConflictError(f"{shown(path)} has changed since that edit; undoing it would lose that; nothing was saved")
    return atomic_write(path, saved.before, current)
