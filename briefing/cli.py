"""The ``briefing`` command: open a brief in the app, or check files without drawing any UI.

Only ``briefing`` with no subcommand imports Textual, and only once the brief is found.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.format.load import LoadResult, load_path
from briefing.format.model import Problem
from briefing.library.discover import find_briefs, first_briefs
from briefing.system.content import bundled_content_dir
from briefing.system.paths import display_path, shell_word
from briefing.system.sanitize import escaped, safe_json
from briefing.system.settings import Settings, read_settings, settings_path

if TYPE_CHECKING:
    from briefing.library.index import Library

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
JSON_PROBLEM_KEYS = ("file", "line", "column", "key", "message")
SUBCOMMANDS = (
    "check",
    "new",
    "schema",
    "show",
    "export",
    "config",
    "log",
    "pending",
    "agenda",
    "completion",
    "init",
    "site",
)


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
        if args[0] == "show":
            shown = arguments.show_parser().parse_args(args[1:])
            return run_show(shown.path, shown.section, shown.width, shown.today or "")
        if args[0] == "export":
            exported = arguments.export_parser().parse_args(args[1:])
            return run_export(exported.path, exported.format, exported.output, exported.force)
        if args[0] == "log":
            logged = arguments.log_parser().parse_args(args[1:])
            return run_log(logged.path, logged.format)
        if args[0] == "config":
            arguments.config_parser().parse_args(args[1:])
            return run_config_path()
        if args[0] in ("pending", "agenda"):
            board = arguments.board_parser(args[0]).parse_args(args[1:])
            window = (getattr(board, "from_", None), getattr(board, "until", None))
            return run_board(args[0], board.paths, board.format, board.filter, board.order, board.today or "",
                             board.width, window)  # fmt: skip
        if args[0] == "site":
            site = arguments.site_parser().parse_args(args[1:])
            return run_site(site.paths, Path(site.output), site.today or "")
        if args[0] == "init":
            return run_init(Path(arguments.init_parser().parse_args(args[1:]).path))
        if args[0] == "completion":
            shell = arguments.completion_command_parser().parse_args(args[1:]).shell
            return run_completion(shell)
        if args[0] == "schema":
            arguments.schema_parser().parse_args(args[1:])
            return run_schema()
        options = arguments.open_parser().parse_args(args)
        return run_open(options.paths, options.today or "", options.theme, options.since)
    except KeyboardInterrupt:
        return 130


def _usage_error(prog: str, message: str) -> int:
    print(f"{prog}: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _missing(name: str | os.PathLike[str]) -> bool:
    """True when nothing at all is at ``name``; a path that cannot be reached (permission) is not missing:
    its reader says what is wrong with it."""
    try:
        os.lstat(name)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except (OSError, ValueError):
        return False
    return False


def run_check(paths: Sequence[str], output: str = "text") -> int:
    files: list[Path] = []
    unlisted: list[Problem] = []
    seen: set[str] = set()
    for name in paths:
        if _missing(name):
            return _usage_error("briefing check", f"no such file or directory: {escaped(name)}")
        found, problems = find_briefs([Path(name)])
        if not found and not problems:
            return _usage_error("briefing check", f"no *.toml briefs under {escaped(name)}")
        unlisted.extend(problems)
        for file in found:
            real = os.path.realpath(file)  # never raises, not even on a symlink loop
            if real not in seen:
                seen.add(real)
                files.append(file)
    bad_files = 0
    reported: list[dict[str, object]] = []
    results: list[tuple[str, tuple[Problem, ...]]] = [(str(problem.file), (problem,)) for problem in unlisted]
    from briefing.system.workers import in_chunks

    for checked in in_chunks(_problems_of, [str(file) for file in files]):
        results += checked
        bad_files += sum(1 for _file, problems in checked if problems)
    results.sort(key=lambda pair: pair[0])
    problem_count = sum(len(problems) for _file, problems in results)
    for _file, found_problems in results:
        for problem in found_problems:
            if output == "json":
                reported.append({key: getattr(problem, key) for key in JSON_PROBLEM_KEYS})
            else:
                print(problem)
    if output == "json":
        print(safe_json(reported, indent=2))
    if problem_count:
        noun = "problem" if problem_count == 1 else "problems"
        folders = f" and {len(unlisted)} unreadable folder{'s' if len(unlisted) != 1 else ''}" if unlisted else ""
        print(f"{problem_count} {noun} in {bad_files} of {len(files)} files{folders}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"{len(files)} {'brief' if len(files) == 1 else 'briefs'} OK", file=sys.stderr)
    return EXIT_OK


def _problems_of(names: list[str]) -> list[tuple[str, tuple[Problem, ...]]]:
    """Each file's problems (in a worker process, for many files): items need no line numbers, problems have
    theirs."""
    return [(name, load_path(name, with_lines=False).problems) for name in names]


def run_new(path: Path, title: str, as_of: dt.date) -> int:
    from briefing.format.scaffold import skeleton
    from briefing.system.files import SaveError, create_new

    if not _missing(path):
        print(f"briefing new: error: {escaped(str(path))} already exists; it was not touched", file=sys.stderr)
        return EXIT_PROBLEMS
    if not os.path.isdir(path.parent):
        return _usage_error("briefing new", f"no such directory: {escaped(str(path.parent))}")
    try:
        text = skeleton(path, title, as_of)
    except ValueError as error:
        return _usage_error("briefing new", str(error))
    try:
        create_new(path, text.encode("utf-8"))
    except FileExistsError:
        print(f"briefing new: error: {escaped(str(path))} already exists; it was not touched", file=sys.stderr)
        return EXIT_PROBLEMS
    except SaveError as error:
        print(f"briefing new: error: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"wrote {escaped(str(path))}: open it in your editor, and watch it with `briefing {shell_word(str(path))}`",
          file=sys.stderr)  # fmt: skip
    return EXIT_OK


def run_schema() -> int:
    from briefing.format.schema import SCHEMA_PATH

    sys.stdout.write(SCHEMA_PATH.read_text(encoding="utf-8"))
    return EXIT_OK


def _one_brief(prog: str, name: str) -> LoadResult | int:
    """The brief a command works on, or the exit status after saying what is wrong with it."""
    path = Path(name)
    if _missing(path):
        return _usage_error(prog, f"no such file or directory: {escaped(name)}")
    if os.path.isdir(path):
        found = first_briefs(path, 2)
        if len(found) != 1:
            count = len(find_briefs([path])[0]) if found else 0  # the whole tree is walked only to say how many
            return _usage_error(prog, f"{escaped(name)} is a directory of {count} briefs; name one file")
        path = found[0]
    result = load_path(path)
    if result.brief is None:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        count = len(result.problems)
        where = escaped(str(path))
        print(f"{prog}: {count} problem{'s' if count != 1 else ''} in {where}; nothing written", file=sys.stderr)
        return EXIT_PROBLEMS
    return result


def _reference(prog: str, flag: str, settings: Settings | None = None) -> dt.date | int | None:
    """The date ages count to (None: each brief's own), or the exit status after saying what is wrong."""
    from briefing.system.today import choose

    try:
        return choose(flag, (settings or read_settings()).today)
    except ValueError as error:
        return _usage_error(prog, escaped(str(error)))


def run_show(name: str, section: str | None, width: int | None, today_flag: str = "") -> int:
    settings = read_settings()
    today = _reference("briefing show", today_flag, settings)
    if isinstance(today, int):
        return today
    result = _one_brief("briefing show", name)
    if isinstance(result, int):
        return result
    assert result.brief is not None
    from rich.console import Console

    from briefing.export.show import plain_console, show_text
    from briefing.present.ages import Thresholds
    from briefing.present.sections import Section

    console = Console(width=width, highlight=False, emoji=False)
    if os.environ.get("NO_COLOR") or not console.is_terminal or console.is_dumb_terminal:
        # Rich takes a dumb terminal as 80 columns, whatever width it is given.
        console = plain_console(width or console.width)
    sections = tuple(Section) if section is None else (Section.named(section),)
    _write_out(show_text(console, result.brief, sections, today, Thresholds(**settings.ages)))
    return EXIT_OK


def _write_out(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`briefing show x | head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def run_export(name: str, output_format: str, output: str | None, force: bool) -> int:
    result = _one_brief("briefing export", name)
    if isinstance(result, int):
        return result
    assert result.brief is not None
    from briefing.export import export_text, write_export
    from briefing.system.files import SaveError

    text = export_text(result.brief, output_format, Path(result.file).name)
    if output_format == "ics":
        _say_undated(sum(1 for stop in result.brief.itinerary if stop.start is None and stop.end is None))
    if output is None or output == "-":
        _write_out(text)
        return EXIT_OK
    target = Path(output)
    if os.path.isdir(target):
        return _usage_error("briefing export", f"{escaped(output)} is a directory; name the file to write")
    try:
        write_export(target, text, replace=force)
    except SaveError as error:
        hint = "" if force or _missing(target) else " (add --force to replace it)"
        print(f"briefing export: error: {error}{hint}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"wrote {escaped(output)} ({output_format})", file=sys.stderr)
    return EXIT_OK


def run_log(name: str, output: str = "text") -> int:
    from briefing.export.history import history_json, history_text
    from briefing.library.history import history
    from briefing.system.git import GitError

    path = Path(name)
    if _missing(path):
        return _usage_error("briefing log", f"no such file or directory: {escaped(name)}")
    if os.path.isdir(path):
        return _usage_error("briefing log", f"{escaped(name)} is a directory; name one brief file")
    try:
        found = history(path)
    except GitError as error:
        print(f"briefing log: {escaped(str(error))}", file=sys.stderr)
        return EXIT_PROBLEMS
    _write_out(history_json(found) if output == "json" else history_text(found))
    return EXIT_OK


def run_config_path() -> int:
    path = settings_path()
    if path is None:
        print("briefing config: error: no home directory and no $XDG_CONFIG_HOME: settings cannot be kept",
              file=sys.stderr)  # fmt: skip
        return EXIT_PROBLEMS
    print(escaped(str(path)))
    return EXIT_OK


def _what_to_open(names: Sequence[str], settings: Settings) -> Path | list[Path] | str:
    """One brief file, the roots of a library, or a usage error message.

    With no paths: $BRIEFING_PATH (paths separated by the OS separator) if set, else the settings'
    ``content``, else the bundled briefs.
    """
    if names:
        roots = [Path(name) for name in names]
    elif os.environ.get("BRIEFING_PATH"):
        roots = [Path(part) for part in os.environ["BRIEFING_PATH"].split(os.pathsep) if part]
    elif settings.content:
        roots = list(settings.content)
    else:
        roots = [bundled_content_dir()]
    for root in roots:
        if _missing(root):
            return f"no such file or directory: {escaped(str(root))}"
    if len(roots) == 1 and not os.path.isdir(roots[0]):
        return roots[0]
    if len(roots) == 1:
        found = first_briefs(roots[0], 2)
        if len(found) == 1:
            return found[0]
        if not found and not find_briefs(roots)[1]:
            return f"no *.toml briefs under {escaped(str(roots[0]))}"
    return roots


def _check_since(roots: Sequence[Path], revision: str) -> str | None:
    """Why ``--since REV`` cannot mark changes in ``roots`` (no repository, no such revision), or None."""
    from briefing.library.history import named_commit
    from briefing.system.git import GitError, Repository

    try:
        for root in roots:
            named_commit(Repository.of(root), revision)
    except GitError as error:
        return f"--since: {error}"
    return None


def _on_a_terminal() -> bool:
    """True when standard output is a terminal: the app has a screen to draw on."""
    return sys.stdout.isatty()


def run_open(names: Sequence[str], today_flag: str = "", theme: str | None = None, since: str | None = None) -> int:
    settings = read_settings()
    today = _reference("briefing", today_flag, settings)
    if isinstance(today, int):
        return today
    target = _what_to_open(names, settings)
    if isinstance(target, str):
        return _usage_error("briefing", target)
    if since is not None:
        refused = _check_since(target if isinstance(target, list) else [target], since)
        if refused is not None:
            return _usage_error("briefing", escaped(refused))
    if not _on_a_terminal():
        # The app would draw its screens into a file or a pipe: say what prints a brief instead.
        shown = "PATH" if isinstance(target, list) else shell_word(display_path(target))
        return _usage_error(
            "briefing",
            "standard output is not a terminal, so there is no screen to draw on; to print a brief, use "
            f"`briefing show {shown}` (or `briefing export {shown} -f markdown`)",
        )
    if isinstance(target, list):
        from briefing.library.index import Library
        from briefing.ui.app import BriefingApp

        library = Library(target)
        app = BriefingApp(
            None, None, today=today, library=library, settings=settings, theme=theme, since=since, freeze_startup=True
        )
        app.run()
        return _app_status(app.return_code)
    from briefing.first_screen import frame_slot

    slot, pre_drawn = frame_slot(target, today, settings, theme, since)
    from briefing.present import body_ahead

    try:
        result = load_path(target)
        if result.brief is not None:
            body_ahead.start(result.brief.summary.body or "")
        from briefing.ui.app import BriefingApp

        app = BriefingApp(
            target, result, today=today, settings=settings, theme=theme, since=since, first_frame=slot,
            pre_drawn=pre_drawn, freeze_startup=True,
        )  # fmt: skip
        app.run()
    finally:
        body_ahead.discard()
        if pre_drawn is not None:
            pre_drawn.finish()
    return _app_status(app.return_code)


def _app_status(return_code: int | None) -> int:
    """The exit status after the app: Textual's own when it ended on an error it printed (1), else 0."""
    return return_code or EXIT_OK


def _library_of(prog: str, names: Sequence[str], today_flag: str) -> tuple[Library, dt.date | None, Settings] | int:
    """The library the paths name (as `briefing` opens them), today and the settings; or the exit status after
    saying what is wrong. The index is not brought up to date yet."""
    settings = read_settings()
    today = _reference(prog, today_flag, settings)
    if isinstance(today, int):
        return today
    target = _what_to_open(names, settings)
    if isinstance(target, str):
        return _usage_error(prog, target)
    from briefing.library.index import Library

    return Library(target if isinstance(target, list) else [target]), today, settings


Window = tuple[dt.date | str | None, dt.date | str | None]
"""``briefing agenda --from --until``: a date, "today" (the agenda's today), or None."""


def run_board(
    view: str,
    names: Sequence[str],
    output: str,
    words: str,
    order_name: str,
    today_flag: str,
    width: int | None,
    window: Window = (None, None),
) -> int:
    """``briefing pending`` and ``briefing agenda``: the library's board as the app shows it, for scripts."""
    prog = f"briefing {view}"
    opened = _library_of(prog, names, today_flag)
    if isinstance(opened, int):
        return opened
    library, today, settings = opened
    import sqlite3

    try:
        library.refresh()
        text = _board_text(view, library, output, words, order_name, today, width, settings, window)
    except (OSError, sqlite3.Error) as error:
        print(f"{prog}: error: the library's index could not be read: {escaped(str(error))}", file=sys.stderr)
        return EXIT_PROBLEMS
    finally:
        library.store.close()
    sys.stdout.write(text)
    return EXIT_OK


def _board_text(
    view: str, library: Library, output: str, words: str, order_name: str, today: dt.date | None,
    width: int | None, settings: Settings, window: Window = (None, None),
) -> str:  # fmt: skip
    from briefing.library import boards, queries
    from briefing.library.views import AGENDA_ORDERS, PENDING_ORDERS, words_of
    from briefing.present.ages import Thresholds

    store = library.store
    split = words_of(words)
    orders = PENDING_ORDERS if view == "pending" else AGENDA_ORDERS
    order = [name.replace(" ", "-") for name in orders].index(order_name)
    agenda_today = today or queries.library_today(store)
    thresholds = Thresholds(**settings.ages)
    if view == "pending":
        board = queries.pending_ordered(store, order)
        keys: Sequence[int] = boards.pending_filtered(store, board, split) if split else board[0]
        rows = boards.board_rows(store, "pending", keys)
    else:
        agenda = queries.agenda_of(store, agenda_today, order)
        if split:
            agenda = boards.agenda_filtered(store, agenda, split)
        start, end = (agenda_today if day == "today" else day for day in window)
        if start is not None or end is not None:
            from briefing.library.views import agenda_kept

            assert not isinstance(start, str) and not isinstance(end, str)
            agenda = agenda_kept(agenda, queries.stops_within(store, start, end))
        if output == "ics":
            from briefing.export.ics import agenda_calendar

            calendar, undated = agenda_calendar(
                boards.board_rows(store, "stops", [key for key in agenda.keys if key > 0])
            )
            _say_undated(undated)
            return calendar
        rows = boards.board_rows(store, "stops", agenda.keys, agenda)
    from briefing.export.board_output import write_board

    if width is None and output == "text" and sys.stdout.isatty():
        import shutil

        width = shutil.get_terminal_size().columns
    return write_board(view, output, rows, today=today, agenda_today=agenda_today, thresholds=thresholds, width=width)


def _say_undated(count: int) -> None:
    if count:
        print(f"{count} stop{'s' if count != 1 else ''} without dates left out of the calendar", file=sys.stderr)


def run_completion(shell: str) -> int:
    """The shell's completion script, made from the argument parsers (shtab)."""
    import shtab

    from briefing.arguments import completion_parser

    sys.stdout.write(shtab.complete(completion_parser(), shell))
    return EXIT_OK


def run_init(folder: Path) -> int:
    """``briefing init DIR``: a team's folder of briefs, its files written whole and none replaced."""
    from briefing.format.team_folder import make_team_folder
    from briefing.system.files import SaveError

    if os.path.exists(folder) and not os.path.isdir(folder):
        return _usage_error("briefing init", f"{escaped(str(folder))} is a file, not a folder")
    try:
        made = make_team_folder(folder)
    except (OSError, SaveError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        print(f"briefing init: error: {escaped(str(folder))}: {escaped(reason)}", file=sys.stderr)
        return EXIT_PROBLEMS
    where = escaped(str(folder))
    for name in made.written:
        print(f"wrote {where}/{name}", file=sys.stderr)
    for name in made.kept:
        print(f"kept {where}/{name} (it was there already)", file=sys.stderr)
    print(f"open it with `briefing {shell_word(str(folder))}`; start a brief with `briefing new "
          f"{shell_word(str(folder / 'NAME.toml'))}`", file=sys.stderr)  # fmt: skip
    return EXIT_OK


def run_site(names: Sequence[str], out: Path, today_flag: str) -> int:
    """``briefing site``: the library as a static website, published in one step."""
    if not os.path.isdir(out.parent or "."):
        return _usage_error("briefing site", f"no such directory: {escaped(str(out.parent))}")
    opened = _library_of("briefing site", names, today_flag)
    if isinstance(opened, int):
        return opened
    library, today, settings = opened
    import sqlite3

    from briefing.export.site import SiteError, build_site, publish
    from briefing.present.ages import Thresholds

    thresholds = Thresholds(**settings.ages)
    try:
        library.refresh()
        built = publish(out, lambda folder, previous: build_site(library.store, folder, previous, today, thresholds))
    except SiteError as error:
        print(f"briefing site: error: {escaped(str(error))}", file=sys.stderr)
        return EXIT_PROBLEMS
    except (OSError, sqlite3.Error) as error:
        print(f"briefing site: error: the site could not be written: {escaped(str(error))}", file=sys.stderr)
        return EXIT_PROBLEMS
    finally:
        library.store.close()
    problems = f"; {built.with_problems} with problems, listed without a page" if built.with_problems else ""
    print(f"wrote {escaped(str(out))}/index.html: {built.written} brief pages written, {built.kept} unchanged"
          f"{problems}", file=sys.stderr)  # fmt: skip
    return EXIT_OK
