"""A brief's history from git: every commit that changed its file (following renames), newest first, and what
each changed, item by item.

Read with git in batch mode: one ``git log --follow --raw`` lists the commits and, for each, the file's blob
before and after; one ``git cat-file --batch`` then reads every commit and blob at once. Two processes
whatever the number of revisions (not one per revision), and no library with C parts to install: pygit2
would save the two process starts but not the parsing, which is where the time goes. Each version is read
by the loader, like any file, and each revision compares the file's blob before the commit with its blob
after it, so a history with branches says what each commit did.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefing.format.diff import Changes, compare
from briefing.format.load import LoadResult, load_bytes
from briefing.format.model import Brief
from briefing.system.git import GitError, Repository
from briefing.system.sanitize import clean, escaped

NO_BLOB = "0" * 40


@dataclass(frozen=True)
class Revision:
    """One commit that changed the brief's file (or the working copy, not yet committed)."""

    commit: str
    """The commit's hash; empty for the working copy."""
    date: dt.date | None
    """The author's date, in the author's time zone; None for the working copy."""
    author: str
    subject: str
    path: str
    """The file's name in this revision, relative to the top of the repository."""
    before: LoadResult | None
    """The file as it was before the commit; None when the commit created it."""
    after: LoadResult | None
    """The file as the commit left it; None when the commit deleted it."""
    changes: Changes = field(default_factory=Changes)
    """What changed, when both versions can be read as briefs."""

    @property
    def short(self) -> str:
        return self.commit[:7] if self.commit else "working copy"

    @property
    def created(self) -> bool:
        return self.before is None and self.after is not None

    @property
    def broke(self) -> bool:
        """The commit left a version with problems."""
        return self.after is not None and self.after.brief is None

    @property
    def brief(self) -> Brief | None:
        """The brief as this revision left it, when it can be read."""
        return self.after.brief if self.after is not None else None


@dataclass(frozen=True)
class History:
    path: str
    """The file, relative to the top of the repository."""
    revisions: tuple[Revision, ...]
    """Newest first; the working copy first of all when it differs from the last commit."""


def _parse_log(output: bytes) -> Iterator[tuple[str, str, str, str]]:
    """(commit, old blob, new blob, path) for each commit of ``git log --follow --raw -z --format=%x1e%H``, newest
    first, up to the commit that made the file.

    Read token by token: a path can hold any byte but NUL, so only the NULs are trusted to split. ``--follow``
    also follows copies; a brief made as a copy of another begins there (its "before" is no blob): the other
    brief's history is not its own.
    """
    tokens = output.split(b"\0")
    commit = ""
    index = 0
    while index < len(tokens):
        token = tokens[index].lstrip(b"\n")
        index += 1
        if token.startswith(b"\x1e"):
            commit = token[1:].decode("ascii").strip()
        elif token.startswith(b":"):
            fields = token[1:].split(b" ")
            status = fields[4][:1] if len(fields) >= 5 else b""
            paths = 2 if status in (b"R", b"C") else 1
            path = tokens[index + paths - 1] if index + paths - 1 < len(tokens) else b""
            index += paths
            if status == b"C":
                yield commit, NO_BLOB, fields[3].decode("ascii"), os.fsdecode(path)
                return
            yield commit, fields[2].decode("ascii"), fields[3].decode("ascii"), os.fsdecode(path)


def _commit_facts(data: bytes) -> tuple[str, dt.date | None, str]:
    """The author's name, the author's date (in their time zone) and the subject, from a raw commit object."""
    head, _, message = data.partition(b"\n\n")
    author, date = "", None
    for line in head.split(b"\n"):
        if line.startswith(b"author "):
            who, _, when = line[7:].rpartition(b">")
            author = who.partition(b" <")[0].decode("utf-8", "replace")
            stamp, _, zone = when.strip().partition(b" ")
            try:
                sign = -1 if zone.startswith(b"-") else 1
                offset = dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5])) * sign
                date = dt.datetime.fromtimestamp(int(stamp), dt.timezone(offset)).date()
            except (ValueError, OverflowError, OSError):
                date = None
            break
    subject = message.split(b"\n", 1)[0].decode("utf-8", "replace")
    return clean(author).strip(), date, clean(subject).strip()


def history(path: Path) -> History:
    """The history of the brief at ``path``; GitError when it is in no repository, or git cannot be run."""
    repository = Repository.of(path)
    name = repository.relative(path)
    try:
        output = repository.git(["log", "--follow", "--no-abbrev", "--raw", "-z", "--no-ext-diff", "--no-textconv",
                                 "--no-color", "--format=%x1e%H", "--", name])  # fmt: skip
    except GitError:
        if repository.has_commits():
            raise
        output = b""  # a new repository: the file is not committed yet
    rows = list(_parse_log(output))
    blobs = {blob for _commit, old, new, _path in rows for blob in (old, new) if blob != NO_BLOB}
    objects = repository.objects([*(commit for commit, *_rest in rows), *blobs])
    versions: dict[str, LoadResult] = {}

    def version(blob: str, where: str) -> LoadResult | None:
        if blob not in objects:  # no blob: the file did not exist
            return None
        if blob not in versions:
            # Without lines: no one edits a past version, and finding lines costs a third of the reading.
            versions[blob] = load_bytes(objects[blob], where, with_lines=False)
        return versions[blob]

    revisions = []
    for commit, old, new, where in rows:
        author, date, subject = _commit_facts(objects.get(commit, b""))
        before, after = version(old, where), version(new, where)
        revisions.append(_revision(commit, date, author, subject, where, before, after))
    working = _working_copy(path, name, rows[0][2] if rows else None, objects, versions)
    if working is not None:
        revisions.insert(0, working)
    return History(name, tuple(revisions))


def _revision(commit: str, date: dt.date | None, author: str, subject: str, where: str,
              before: LoadResult | None, after: LoadResult | None) -> Revision:  # fmt: skip
    old = before.brief if before is not None else None
    new = after.brief if after is not None else None
    changes = compare(old, new) if old is not None and new is not None else Changes()
    return Revision(commit, date, author, subject, where, before, after, changes)


def _working_copy(path: Path, name: str, last_blob: str | None, objects: dict[str, bytes],
                  versions: dict[str, LoadResult]) -> Revision | None:  # fmt: skip
    """The file as it is now, when it differs from its last commit (or was never committed)."""
    from briefing.format.load import load_path

    now = load_path(path)
    if now.fingerprint is None:
        return None
    committed = objects.get(last_blob) if last_blob else None
    if committed is not None and committed == now.fingerprint.data:
        return None
    before = versions.get(last_blob) if last_blob else None
    return _revision("", None, "", "not committed", name, before, now)


def version_at(path: Path, revision: str) -> tuple[str, bytes | None]:
    """The brief's file as it was at ``revision`` (a commit, a tag, ``HEAD~2``, or a date YYYY-MM-DD: the last
    commit before that day), following renames since: (the commit's short hash, the bytes, or None when the
    file did not exist then). GitError when the revision names nothing."""
    repository = Repository.of(path)
    commit = named_commit(repository, revision)
    name = repository.relative(path)
    output = repository.git(["log", "--follow", "--no-abbrev", "--raw", "-z", "--no-ext-diff", "--no-textconv",
                             "--format=%x1e%H", f"{commit}..HEAD", "--", name])  # fmt: skip
    rows = list(_parse_log(output))
    if rows:
        _commit, old, _new, _where = rows[-1]  # the oldest change since: its "before" is the file at the revision
        blob: str | None = old if old != NO_BLOB else None
    else:
        listed = repository.git(["ls-tree", "-z", "--full-tree", commit, "--", name]).split(b"\0")[0]
        blob = listed.split(b"\t", 1)[0].split(b" ")[2].decode("ascii") if listed else None
    if blob is None:
        return commit[:7], None
    return commit[:7], repository.objects([blob]).get(blob)


def named_commit(repository: Repository, revision: str) -> str:
    """The commit ``revision`` names: a date (YYYY-MM-DD) names the last commit of HEAD made before that day began,
    in the local time zone; anything else is given to ``rev-parse``. GitError when it names none."""
    try:
        day = dt.date.fromisoformat(revision)
    except ValueError:
        return repository.commit(revision)
    found = repository.commit_before(day.isoformat())
    if found is None:
        raise GitError(f"no commit in {escaped(str(repository.top))} was made before {day.isoformat()}")
    return found
