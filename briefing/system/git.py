"""Running git, the store teams already keep briefs in: safely, and a few processes per question.

Every path is given after ``--`` and read literally (``GIT_LITERAL_PATHSPECS``), every revision is checked
with ``rev-parse --verify --end-of-options``, so neither a file name nor a revision can be read as an option;
no pager, no prompt, no external diff or text conversion, no fsmonitor hook. What git prints (names,
subjects, paths) is untrusted: messages escape it here, names and subjects are cleaned by their readers.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.system.sanitize import escaped

TIMEOUT_SECONDS = 60
_SAFE_CONFIG = ("-c", "core.fsmonitor=false", "-c", "core.quotepath=false", "-c", "log.showSignature=false")


class GitError(Exception):
    """git is missing, the path is in no repository, or git refused; the message says which, in a line."""


def git_program() -> str | None:
    return shutil.which("git")


def _environment() -> dict[str, str]:
    environment = dict(os.environ)
    environment.update(GIT_LITERAL_PATHSPECS="1", GIT_TERMINAL_PROMPT="0", GIT_PAGER="cat", PAGER="cat",
                       GIT_OPTIONAL_LOCKS="0", LC_ALL="C")  # fmt: skip
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_EXTERNAL_DIFF"):
        environment.pop(name, None)
    return environment


def run(folder: Path, arguments: Sequence[str], stdin: bytes | None = None) -> bytes:
    """git's output for ``arguments``, run in ``folder``; GitError with git's own first line when it fails."""
    program = git_program()
    if program is None:
        raise GitError("git is not installed (no `git` on $PATH)")
    try:
        done = subprocess.run(
            [program, *_SAFE_CONFIG, *arguments],
            cwd=folder,
            input=stdin,
            capture_output=True,
            env=_environment(),
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise GitError(f"git could not be run: {error}") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(escaped(said[0]) if said else f"git {arguments[0]} failed ({done.returncode})")
    return done.stdout


@dataclass(frozen=True)
class Repository:
    """A work tree: its top folder, and a file's place in it."""

    top: Path

    @classmethod
    def of(cls, path: Path) -> Repository:
        """The repository ``path`` is in; GitError when none (or no git)."""
        folder = path if path.is_dir() else path.parent
        try:
            output = run(folder if str(folder) else Path("."), ["rev-parse", "--show-toplevel"])
        except GitError as error:
            if "not a git repository" in str(error):
                raise GitError(f"{escaped(str(path))} is not in a git repository") from None
            raise
        return cls(Path(os.fsdecode(output.rstrip(b"\n"))))

    def relative(self, path: Path) -> str:
        """``path`` as git names it: relative to the top, with / between parts."""
        return Path(os.path.relpath(os.path.realpath(path), os.path.realpath(self.top))).as_posix()

    def git(self, arguments: Sequence[str], stdin: bytes | None = None) -> bytes:
        return run(self.top, arguments, stdin)

    def has_commits(self) -> bool:
        """False in a new repository, before its first commit (where ``git log`` fails)."""
        try:
            self.git(["rev-parse", "--verify", "--quiet", "HEAD"])
        except GitError:
            return False
        return True

    def commit(self, revision: str) -> str:
        """The commit a revision names (``HEAD~3``, a tag, a hash); GitError when it names none."""
        try:
            output = self.git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"])
        except GitError:
            raise GitError(f"no commit is named {escaped(repr(revision))} in {escaped(str(self.top))}") from None
        return output.decode("ascii").strip()

    def commit_before(self, day: str) -> str | None:
        """The newest commit of HEAD made before ``day`` (YYYY-MM-DD) began; None when every commit is later."""
        output = self.git(["rev-list", "-1", f"--before={day}T00:00:00", "HEAD", "--"])
        name = output.decode("ascii").strip()
        return name or None

    def objects(self, names: Iterable[str]) -> dict[str, bytes]:
        """The contents of objects by name (blob or commit hashes): one ``cat-file --batch`` for all of them.
        A name git does not have is left out."""
        wanted = list(dict.fromkeys(names))
        if not wanted:
            return {}
        output = self.git(["cat-file", "--batch"], ("\n".join(wanted) + "\n").encode("ascii"))
        found: dict[str, bytes] = {}
        position = 0
        for name in wanted:
            end = output.index(b"\n", position)
            header = output[position:end].split(b" ")
            position = end + 1
            if len(header) != 3 or header[1] == b"missing":
                continue
            size = int(header[2])
            found[name] = output[position : position + size]
            position += size + 1
        return found
