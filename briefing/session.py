"""The open brief: its path, what was last read from it, the file's stamp, today, and the loop that follows it.

One owner of this state, and no Textual: the app holds one session and draws what it says; the
tests drive it with a clock they give. The loop: ``poll`` says when the file has changed and held
still (a burst of saves gives one reload), ``reload`` reads it again — a good version replaces
the one shown, a bad one leaves the last good one in place with its problems, a missing file is
"gone" — and ``resolve``/``reopen`` change a confirmation in the file, refusing when the file
changed on disk since it was read; ``undo`` takes the last such edit back, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import enum
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.format.diff import Changes, absorb, compare, digest
from briefing.format.load import LoadResult, load_bytes, load_path
from briefing.format.model import Brief, ConfirmationStatus, Meta, Problem, Summary
from briefing.system.files import Fingerprint, SaveError, Stamp
from briefing.system.paths import display_path

if TYPE_CHECKING:
    from briefing.format.status_edit import Saved
    from briefing.library.read_state import ReadState

SETTLE_SECONDS = 0.05
"""How long a change must hold still before it is read, so a save in progress is not read half-written."""

NO_DATE = dt.date(1970, 1, 1)
"""Today when nothing says what it is: no --today and no brief read."""


SINCE_LAST_LOOKED = "since you last looked"
GONE = "is gone (deleted or moved); it is read again when it is back"
READ_ONLY = "The bundled brief is read-only: it belongs to the installed package. Press S to save a copy to edit"


def empty_like(brief: Brief) -> Brief:
    """A brief that says nothing, of the same date: what a file that did not exist yet is compared as."""
    return Brief(brief.schema_version, Meta("", brief.meta.as_of), Summary(""))


@dataclass(frozen=True)
class LookBack:
    """What the changes on screen are marked against: ``baseline``, named by ``since``; no baseline: nothing is
    marked (the brief was never seen before)."""

    baseline: Brief | None
    since: str = SINCE_LAST_LOOKED


@dataclass(frozen=True)
class SeenVersion:
    """A version shown, to record as seen: ``order`` says which of two was shown later."""

    order: int
    path: Path
    brief: Brief
    content: bytes

    @property
    def digest(self) -> str:
        """What the brief says, fingerprinted: worked out where the version is recorded (a thread), since for a
        brief of a megabyte it is work for the screen's thread to be spared."""
        return digest(self.brief)


class Outcome(enum.Enum):
    """What a reload found."""

    LOADED = "loaded"
    """A good version: it is now the one shown."""
    BROKEN = "broken"
    """A version with problems: the last good one stays shown (or the first bad one, if none was good)."""
    GONE = "gone"
    """No file at the path: the last version read stays shown."""


@dataclass(frozen=True)
class Reloaded:
    """A reload's outcome, and the problems to show with it (none when it loaded)."""

    outcome: Outcome
    problems: tuple[Problem, ...] = ()
    text: str | None = field(default=None, repr=False)
    """The text of the file's version the problems are in, when it could be decoded."""


class Session:
    """The brief open in the app, and how it changes."""

    def __init__(self, path: Path | None = None, result: LoadResult | None = None, today: dt.date | None = None):
        self.today_override = today
        """--today (or the setting): the reference date for every age; None means each brief's own as_of."""
        self.path = path if path is not None else Path()
        self.result = result if result is not None else LoadResult("", None)
        """The version shown: the last good one, or the first (bad) one when there never was a good one."""
        self.latest = self.result
        """The version read last, good or bad."""
        self.watching = path is not None
        self.stamp = self._stamp_of(self.result)
        self._change: tuple[Stamp | None, float] | None = None
        """A change seen by ``poll`` and not read yet: the file's stamp then, and when it was first seen so."""
        self.look_back = LookBack(None)
        """What changes are marked against: the version the reader last saw, or a git revision's (--since)."""
        self._compared: tuple[Brief, Brief, Changes] | None = None
        self._recording = threading.Lock()
        self._asked = 0
        self._recorded_up_to = 0
        """The newest version recorded as seen, by the order ``seen_now`` gave: an older one never overwrites it."""
        self.edits: list[Edit] = []
        """The edits this session made (c, d, p), oldest first: what undo takes back."""
        self._found_look_back = self.look_back
        self._edited_from: tuple[Edit | None, Brief | None] | None = None
        """An edit of this session to the open brief (None: the undoing of one made before it was opened again)
        and the version it was made to, until the file is read again."""
        self._own_edits: list[tuple[Edit | None, Brief, Brief]] = []
        """The edits this session made to the open brief, with its versions before and after each."""
        self._undone: set[Path] = set()
        """The briefs with an edit of this session undone."""
        self.reloaded = Reloaded(Outcome.LOADED)
        """What the last reload found (read only while it left an older version shown)."""

    @property
    def brief(self) -> Brief | None:
        return self.result.brief

    @property
    def read_only(self) -> bool:
        """True for a bundled brief: the package's own file, shown but never written (save a copy to edit it)."""
        from briefing.system.content import is_bundled

        return is_bundled(self.path)

    @property
    def today(self) -> dt.date:
        """The reference date: --today, else the shown brief's as_of; never the clock."""
        if self.today_override is not None:
            return self.today_override
        return self.result.brief.meta.as_of if self.result.brief else NO_DATE

    @property
    def changes(self) -> Changes:
        """What the version shown changed against the look-back's baseline: nothing when there is none."""
        baseline, brief = self.look_back.baseline, self.brief
        if baseline is None or brief is None:
            return Changes()
        if self._compared is None or self._compared[0] is not baseline or self._compared[1] is not brief:
            self._compared = (baseline, brief, replace(compare(baseline, brief), since=self.look_back.since))
        return self._compared[2]

    def looked_back(self, path: Path, look_back: LookBack, compared: tuple[Brief, Changes] | None = None) -> bool:
        """Take what ``find_look_back`` found for ``path``, if that is still the brief open; False if not.
        ``compared``: a version and its changes against the look-back, worked out already (off the screen's
        thread: a brief of thousands of items takes a while)."""
        if path != self.path:
            return False
        self._found_look_back = look_back
        self._mark_against()
        if compared is not None and self.look_back is look_back and look_back.baseline is not None:
            self._compared = (look_back.baseline, compared[0], replace(compared[1], since=look_back.since))
        return True

    def _mark_against(self) -> None:
        """The look-back found, with the reader's own edits of this session taken as seen: what they did is no
        change for them to look at (unless the changes are marked since a revision they asked for, which the edits
        are changes since)."""
        found = self._found_look_back
        if found.baseline is None or found.since != SINCE_LAST_LOOKED or not self._own_edits:
            self.look_back = found
            return
        baseline = found.baseline
        for _edit, before, after in self._own_edits:
            baseline = absorb(baseline, before, after)
        self.look_back = replace(found, baseline=baseline)

    def seen_now(self) -> SeenVersion | None:
        """What the read state is to record of the version shown (None: nothing good to record). Record it with
        ``record_seen``, from any thread."""
        brief, fingerprint = self.brief, self.fingerprint
        if brief is None or fingerprint is None or self.result is not self.latest:
            return None
        self._asked += 1
        return SeenVersion(self._asked, self.path, brief, fingerprint.data)

    def record_seen(self, read_state: ReadState, seen: SeenVersion) -> bool:
        """Record ``seen`` in the read state, unless a later version was recorded already (records may run in
        threads, in any order); False when it was not. Raises ReadStateError."""
        with self._recording:
            if seen.order < self._recorded_up_to:
                return False
            self._recorded_up_to = seen.order
            read_state.record(seen.path, seen.digest, seen.content)
        return True

    @property
    def problems_on_disk(self) -> tuple[Problem, ...]:
        """What is wrong with the file as read last, while an older good version is the one shown: a bad version,
        or the file gone (an edit now would be made to what the reader cannot see). Empty when the version shown
        is the file's."""
        return () if self.latest is self.result else self.reloaded.problems

    @property
    def fingerprint(self) -> Fingerprint | None:
        """The shown version's file as read: what a save checks the file on disk against."""
        return self.result.fingerprint

    def _stamp_of(self, result: LoadResult) -> Stamp | None:
        return result.fingerprint.stamp if result.fingerprint else Stamp.of(self.path)

    def open(self, path: Path) -> LoadResult:
        """Read the brief at ``path`` and follow it from now on."""
        self.path = path
        self.result = self.latest = load_path(path)
        self.stamp = self._stamp_of(self.result)
        self.watching = True
        self._change = None
        self.look_back = self._found_look_back = LookBack(None)
        self._edited_from = None
        self._own_edits = []
        return self.result

    def close(self) -> None:
        """Stop following the file (the library list is back on screen)."""
        self.watching = False
        self._change = None

    @property
    def changing(self) -> bool:
        """True while a change seen by ``poll`` has not held still long enough to be read."""
        return self._change is not None

    def poll(self, now: float) -> bool:
        """Look at the file; True when it has changed and held still for SETTLE_SECONDS: time to reload.

        ``now`` is a monotonic time in seconds, given by the caller.
        """
        if not self.watching:
            return False
        stamp = Stamp.of(self.path)
        if stamp == self.stamp:
            self._change = None
            return False
        if self._change is None or self._change[0] != stamp:
            self._change = (stamp, now)
            return False
        return now - self._change[1] >= SETTLE_SECONDS

    def reload(self) -> Reloaded:
        """Read the file again: a good version is shown from now on; a bad or missing one is reported."""
        self.reloaded = self._reload()
        return self.reloaded

    def _reload(self) -> Reloaded:
        result = load_path(self.path)
        self.latest = result
        self.stamp = self._stamp_of(result)
        self._change = None
        edited_from, self._edited_from = self._edited_from, None
        if result.brief is not None:
            self.result = result
            if edited_from is not None and edited_from[1] is not None:
                self._own_edits.append((edited_from[0], edited_from[1], result.brief))
                self._mark_against()
            return Reloaded(Outcome.LOADED)
        if result.fingerprint is None and not self.path.exists():
            gone = Problem(str(self.path), GONE)
            return Reloaded(Outcome.GONE, (gone,))
        if self.result.brief is None:
            self.result = result
        return Reloaded(Outcome.BROKEN, result.problems, result.text)

    def resolve(
        self,
        confirmation_id: str,
        status: ConfirmationStatus,
        resolved_on: dt.date,
        resolution: str,
        fingerprint: Fingerprint | None = None,
        what: str = "",
    ) -> None:
        """Mark a confirmation confirmed or denied in the file. ``fingerprint``: the file as it was when the
        reader began (a form opened); by default, as last shown; ``what``: the edit in words, for undo. Raises
        ConflictError or SaveError."""
        from briefing.format.status_edit import change_file, resolve

        expected = self._expected(fingerprint)
        saved = change_file(
            self.path, expected, lambda text: resolve(text, confirmation_id, status, resolved_on, resolution)
        )
        edit = Edit(self.path, what or f"{confirmation_id} {status.value}", saved)
        self._edited_from = (edit, self.brief)
        self.edits.append(edit)

    def reopen(self, confirmation_id: str, fingerprint: Fingerprint | None = None, what: str = "") -> None:
        """Make a confirmation pending again in the file. Raises ConflictError or SaveError."""
        from briefing.format.status_edit import change_file, reopen

        saved = change_file(self.path, self._expected(fingerprint), lambda text: reopen(text, confirmation_id))
        edit = Edit(self.path, what or f"{confirmation_id} pending again", saved)
        self._edited_from = (edit, self.brief)
        self.edits.append(edit)

    def undo(self) -> Edit:
        """Put the open brief's file back as it was before the last edit this session made to it, byte for byte.
        Raises NothingToUndo, ConflictError (the file has changed since that edit) or SaveError."""
        from briefing.format.status_edit import restore

        edit = next((edit for edit in reversed(self.edits) if edit.path == self.path), None)
        if edit is None:
            undone = self.path in self._undone
            why = "each c, d and p of this session is undone" if undone else "no c, d or p this session"
            raise NothingToUndo(f"Nothing to undo in {display_path(self.path)}: {why}")
        if self.read_only:
            raise SaveError(READ_ONLY)
        restore(self.path, edit.saved)
        self.edits.remove(edit)
        self._undone.add(self.path)
        own = next((entry for entry in self._own_edits if entry[0] is edit), None)
        if own is not None:  # the file is as it was before the edit: so is what the changes are marked against
            self._own_edits.remove(own)
            self._mark_against()
        else:  # an edit made before the brief was opened again: undoing it is the reader's own edit now
            self._edited_from = (None, self.brief)
        return edit

    def _expected(self, fingerprint: Fingerprint | None) -> Fingerprint:
        if self.read_only:
            raise SaveError(READ_ONLY)
        expected = fingerprint or self.fingerprint
        if expected is None:
            raise SaveError("Nothing to save to: the file was not read.")
        return expected


@dataclass(frozen=True)
class Edit:
    """An edit this session made to a brief's file, which undo can take back: the file, the edit in words
    (``“The dates of the visit” confirmed``), and its bytes before and after."""

    path: Path
    what: str
    saved: Saved


class NothingToUndo(SaveError):
    """No edit of this session to the open brief is left to undo."""


def find_look_back(path: Path, shown: Brief, read_state: ReadState | None, revision: str | None) -> LookBack:
    """What to mark the brief's changes against (slow: reads the read state or git; run it off the screen's
    thread): the version at ``revision`` when one is given, else the version the reader last saw. Raises
    GitError (``revision``) or ReadStateError, saying why."""
    if revision is not None:
        from briefing.library.history import version_at

        commit, data = version_at(path, revision)
        old = load_bytes(data).brief if data is not None else empty_like(shown)
        named = commit.startswith(revision) or revision.startswith(commit)  # the commit itself, shorter or longer
        return LookBack(old, f"since {commit}" + ("" if named else f" ({revision})"))
    if read_state is None:
        return LookBack(None)
    seen = read_state.seen(path)
    # Never seen: the version shown now is the first seen, and what changes while it is open is marked.
    return LookBack(load_bytes(seen.content).brief if seen is not None else shown)
