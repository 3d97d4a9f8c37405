"""A brief's history as ``briefing log`` prints it: plain text, newest first, or JSON for scripts."""

from __future__ import annotations

from briefing.library.history import History, Revision
from briefing.present.changes import describe
from briefing.present.wording import day
from briefing.system.sanitize import escaped, safe_json


def revision_heading(revision: Revision) -> str:
    """``a1b2c3d  17 Jun 2024  Alice Author  Resolve the visit dates``."""
    when = day(revision.date) if revision.date else ""
    return "  ".join(part for part in (revision.short, when, revision.author, revision.subject) if part)


def revision_lines(revision: Revision, current_path: str) -> list[str]:
    """What the revision did, a line each: its changes, or that it created or broke the file."""
    lines = []
    if revision.path != current_path:
        lines.append(f"(the file was {escaped(revision.path)})")
    if revision.after is None:
        lines.append("deleted the file")
    elif revision.broke:
        problems = revision.after.problems
        first = f": {problems[0].message}" if problems else ""
        lines.append(f"left the file with {len(problems)} problem{'s' if len(problems) != 1 else ''}{first}")
    elif revision.created:
        lines.append(_created(revision))
    elif revision.before is not None and revision.before.brief is None:
        lines.append("mended the file: the version before could not be read as a brief")
    elif not revision.changes:
        lines.append("no change to what the brief says (layout or comments)")
    lines += [describe(change) for change in revision.changes.items]
    return lines


def _created(revision: Revision) -> str:
    brief = revision.brief
    if brief is None:
        return "created the file"
    counts = [(len(brief.quotes), "quote"), (len(brief.confirmations), "confirmation"), (len(brief.itinerary), "stop"),
              (len(brief.sources), "source")]  # fmt: skip
    held = ", ".join(f"{count} {noun}{'s' if count != 1 else ''}" for count, noun in counts if count)
    return f"created the brief{': ' + held if held else ''}"


def history_text(found: History) -> str:
    if not found.revisions:
        return f"{escaped(found.path)} has no commits yet.\n"
    blocks = []
    for revision in found.revisions:
        lines = [revision_heading(revision), *(f"    {line}" for line in revision_lines(revision, found.path))]
        blocks.append("\n".join(lines))
    return "\n".join(blocks) + "\n"


def history_json(found: History) -> str:
    revisions = [
        {
            "commit": revision.commit or None,
            "date": revision.date.isoformat() if revision.date else None,
            "author": revision.author,
            "subject": revision.subject,
            "path": revision.path,
            "created": revision.created,
            "deleted": revision.after is None,
            "problems": [str(problem) for problem in revision.after.problems] if revision.after else [],
            "changes": [
                {
                    "section": change.section,
                    "key": change.key,
                    "kind": change.kind.value,
                    "description": describe(change),
                }
                for change in revision.changes.items
            ],
        }
        for revision in found.revisions
    ]
    return safe_json(revisions, indent=2) + "\n"
