"""The ``briefing`` command: open a brief in the app, or check files without drawing any UI.

Only ``briefing`` with no subcommand imports Textual, and only once the brief is found.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from briefing.content import bundled_content_dir
from briefing.load import find_briefs, load_path

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
JSON_PROBLEM_KEYS = ("file", "line", "column", "key", "message")
SUBCOMMANDS = ("check", "new", "schema")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if len(args) <= 1 and not any(arg.startswith("-") or arg in SUBCOMMANDS for arg in args):
            # `briefing` and `briefing PATH`, the usual case: no need for argparse on the way to the screen.
            return run_open(args)
        from briefing import arguments

        if args[0] == "check":
            checked = arguments.check_parser().parse_args(args[1:])
            return run_check(checked.paths, checked.format)
        if args[0] == "new":
            created = arguments.new_parser().parse_args(args[1:])
            return run_new(Path(created.path), created.title, created.as_of or dt.date.today())
        if args[0] == "schema":
            arguments.schema_parser().parse_args(args[1:])
            return run_schema()
        options = arguments.open_parser().parse_args(args)
        return run_open(options.paths, options.today)
    except KeyboardInterrupt:
        return 130


def _usage_error(prog: str, message: str) -> int:
    print(f"{prog}: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def run_check(paths: Sequence[str], output: str = "text") -> int:
    files: list[Path] = []
    seen: set[Path] = set()
    for name in paths:
        path = Path(name)
        if not path.exists() and not path.is_symlink():
            return _usage_error("briefing check", f"no such file or directory: {name}")
        found = find_briefs(path)
        if not found:
            return _usage_error("briefing check", f"no *.toml briefs under {name}")
        files.extend(file for file in found if file.resolve() not in seen)
        seen.update(file.resolve() for file in found)
    problem_count = 0
    bad_files = 0
    reported: list[dict[str, object]] = []
    for file in files:
        result = load_path(file)
        for problem in result.problems:
            if output == "json":
                reported.append({key: getattr(problem, key) for key in JSON_PROBLEM_KEYS})
            else:
                print(problem)
        problem_count += len(result.problems)
        bad_files += not result.ok
    if output == "json":
        import json

        print(json.dumps(reported, indent=2, ensure_ascii=False))
    if problem_count:
        noun = "problem" if problem_count == 1 else "problems"
        print(f"{problem_count} {noun} in {bad_files} of {len(files)} files", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"{len(files)} {'brief' if len(files) == 1 else 'briefs'} OK", file=sys.stderr)
    return EXIT_OK


def run_new(path: Path, title: str, as_of: dt.date) -> int:
    from briefing.files import SaveError, create_new
    from briefing.scaffold import skeleton

    if path.exists() or path.is_symlink():
        print(f"briefing new: error: {path} already exists; it was not touched", file=sys.stderr)
        return EXIT_PROBLEMS
    if not path.parent.is_dir():
        return _usage_error("briefing new", f"no such directory: {path.parent}")
    try:
        create_new(path, skeleton(path, title, as_of).encode("utf-8"))
    except FileExistsError:
        print(f"briefing new: error: {path} already exists; it was not touched", file=sys.stderr)
        return EXIT_PROBLEMS
    except SaveError as error:
        print(f"briefing new: error: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"wrote {path}: open it in your editor, and watch it with `briefing {path}`", file=sys.stderr)
    return EXIT_OK


def run_schema() -> int:
    from briefing.schema import SCHEMA_PATH

    sys.stdout.write(SCHEMA_PATH.read_text(encoding="utf-8"))
    return EXIT_OK


def _what_to_open(names: Sequence[str]) -> Path | list[Path] | str:
    """One brief file, the roots of a library, or a usage error message.

    With no paths: $BRIEFING_PATH (paths separated by the OS separator) if set, else the bundled briefs.
    """
    if names:
        roots = [Path(name) for name in names]
    elif os.environ.get("BRIEFING_PATH"):
        roots = [Path(part) for part in os.environ["BRIEFING_PATH"].split(os.pathsep) if part]
    else:
        roots = [bundled_content_dir()]
    for root in roots:
        if not root.exists() and not root.is_symlink():
            return f"no such file or directory: {root}"
    if len(roots) == 1 and not roots[0].is_dir():
        return roots[0]
    if len(roots) == 1:
        found = find_briefs(roots[0])
        if len(found) == 1:
            return found[0]
        if not found:
            return f"no *.toml briefs under {roots[0]}"
    return roots


def run_open(names: Sequence[str], today: dt.date | None = None) -> int:
    target = _what_to_open(names)
    if isinstance(target, str):
        return _usage_error("briefing", target)
    if isinstance(target, list):
        from briefing.library import Library
        from briefing.ui.app import BriefingApp

        BriefingApp(None, None, today=today, library=Library(target)).run()
        return EXIT_OK
    result = load_path(target)
    from briefing.ui.app import BriefingApp

    BriefingApp(target, result, today=today).run()
    return EXIT_OK
