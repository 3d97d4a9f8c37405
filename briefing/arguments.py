"""The command line's argument parsers (argparse), loaded only when a command needs parsing.

`briefing` and `briefing PATH` skip them, to keep the way to the first paint short.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from briefing import __version__

USAGE_ERROR = 2


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2024-06-12: {text!r}") from None


def _date_or_today(text: str) -> dt.date | str:
    if text == "today":
        return text
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2024-06-12, nor today: {text!r}") from None


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(USAGE_ERROR, f"{self.prog}: error: {message}\n")


def open_parser(with_paths: bool = True) -> argparse.ArgumentParser:
    """``briefing [PATH...]``; ``with_paths`` False: its options only (completion puts the subcommands there)."""
    parser = _Parser(
        prog="briefing",
        description="Browse a brief written in TOML.",
        epilog=(
            "other commands:\n"
            "  briefing check PATH...    validate brief files (see `briefing check --help`)\n"
            "  briefing new PATH         write a new brief to fill in\n"
            "  briefing show PATH        print the brief (see `briefing show --help`)\n"
            "  briefing export PATH      write it as Markdown, JSON, HTML, TOML or a calendar (ics)\n"
            "  briefing log FILE         its history in git, item by item (see `briefing log --help`)\n"
            "  briefing pending PATH...  the library's pending board, for scripts (text, csv, json, markdown)\n"
            "  briefing agenda PATH...   the library's agenda, for scripts (and as a calendar, -f ics)\n"
            "  briefing site PATH -o OUT the library as a static website for colleagues\n"
            "  briefing init DIR         make a folder of briefs for a team (schema, editor settings, sample)\n"
            "  briefing schema           print the JSON Schema of the format\n"
            "  briefing config path      print where the settings file lives\n"
            "  briefing completion SHELL print the completion script for bash, zsh or fish\n"
            "\nenvironment:\n"
            "  BRIEFING_PATH       what to open with no PATH (paths separated by the OS separator)\n"
            "  BRIEFING_CLIPBOARD  the command y copies with, besides OSC 52 (empty: OSC 52 only)\n"
            "  BRIEFING_TODAY      the date ages count to (YYYY-MM-DD, or as-of), unless --today says\n"
            "  VISUAL, EDITOR      what e edits the file with\n"
            "\nIn the app, press ? for the keys."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    if with_paths:
        parser.add_argument(
            "paths",
            nargs="*",
            metavar="PATH",
            help="brief files or directories; one file opens on the brief, more open the library "
            "(default: $BRIEFING_PATH, else the settings' content, else the bundled briefs)",
        )
    parser.add_argument(
        "--today",
        metavar="DATE",
        help="the date ages count to, YYYY-MM-DD, or as-of: each brief's own date "
        "(default: $BRIEFING_TODAY, else the settings' today, else the system date)",
    )
    parser.add_argument(
        "--since",
        metavar="REV",
        help="mark what changed since a git revision (a commit, tag, HEAD~3) or a date, YYYY-MM-DD, "
        "instead of since you last looked",
    )
    parser.add_argument("--theme", metavar="NAME", help="the theme for this run (ctrl+p, Theme, picks and keeps one)")
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    return parser


def check_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="briefing check",
        description="Validate brief files. Prints FILE:LINE[:COL]: error: KEY: MESSAGE for every problem.",
        epilog="Exit status: 0 all clean, 1 problems found, 2 usage error or missing path.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="brief files, or directories searched for *.toml")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="json: one JSON array of {file, line, column, key, message} objects, for CI and editors",
    )
    return parser


def new_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="briefing new", description="Write a new brief, with a line of guidance per section.")
    parser.add_argument("path", metavar="PATH", help="the file to create; an existing file is never overwritten")
    parser.add_argument("--title", default="Headline", help="the brief's title")
    parser.add_argument(
        "--as-of",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the date the brief describes the world as of (default: today)",
    )
    return parser


def schema_parser() -> argparse.ArgumentParser:
    return _Parser(prog="briefing schema", description="Print the JSON Schema of the brief format.")


def show_parser() -> argparse.ArgumentParser:
    from briefing.present.sections import ALIASES, Section

    parser = _Parser(
        prog="briefing show",
        description="Print a brief to standard output, laid out to the terminal's width. Plain text, "
        "without colour or escape sequences, when the output is not a terminal or NO_COLOR is set.",
    )
    parser.add_argument("path", metavar="PATH", help="a brief file (or a directory holding exactly one)")
    parser.add_argument(
        "--section",
        choices=(*Section, *ALIASES),
        metavar="NAME",
        help=f"print only this section: {', '.join(Section)} (pending is confirmations)",
    )
    parser.add_argument("--width", type=_width, metavar="N", help="lay out to N columns (default: the terminal's)")
    parser.add_argument(
        "--today",
        metavar="DATE",
        help="count ages to this date, YYYY-MM-DD, or as-of: the brief's own date "
        "(default: $BRIEFING_TODAY, else the settings' today, else the system date)",
    )
    return parser


def _width(text: str) -> int:
    try:
        width = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of columns: {text!r}") from None
    if not 20 <= width <= 1000:
        raise argparse.ArgumentTypeError(f"a width from 20 to 1000 columns, not {width}")
    return width


def export_parser() -> argparse.ArgumentParser:
    from briefing.export import FORMATS

    parser = _Parser(
        prog="briefing export",
        description="Write a brief as Markdown, JSON, HTML or normalised TOML.",
        epilog="JSON is lossless: `briefing.format.document.brief_from_json` reads it back (docs/export.md).",
    )
    parser.add_argument("path", metavar="PATH", help="a brief file (or a directory holding exactly one)")
    parser.add_argument("--format", "-f", required=True, choices=FORMATS, help="the output format")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE, atomically (default: standard output)")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    return parser


def log_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="briefing log",
        description="Print a brief's history in git, newest first: each commit's date, author and subject, and "
        "what it changed item by item. Follows renames.",
        epilog="Exit status: 0 printed, 1 the file is in no git repository (or git is missing), 2 usage error.",
    )
    parser.add_argument("path", metavar="FILE", help="a brief file in a git repository")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="json: one array of revisions")
    return parser


def config_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="briefing config", description="About the settings file.")
    parser.add_argument("what", choices=("path",), help="path: print where the settings file lives")
    return parser


def board_parser(view: str) -> argparse.ArgumentParser:
    from briefing.export.board_output import BOARD_FORMATS
    from briefing.library.views import AGENDA_ORDERS, PENDING_ORDERS

    orders = PENDING_ORDERS if view == "pending" else AGENDA_ORDERS
    formats = (*BOARD_FORMATS, "ics") if view == "agenda" else BOARD_FORMATS
    what = "the pending confirmations of every brief" if view == "pending" else "every brief's stops, week by week"
    parser = _Parser(
        prog=f"briefing {view}",
        description=f"Print the library's {'pending board' if view == 'pending' else 'agenda'}: {what}, in the "
        "app's order and under its filter. Reads the library's index (kept up to date with the files).",
        epilog="Exit status: 0 printed, 2 usage error or missing path. CSV cells that could start a spreadsheet "
        "formula (= + - @) are written with a ' first.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="brief files or directories (default: as `briefing`)")
    parser.add_argument("--format", "-f", choices=formats, default="text", help="the output format (default: text)")
    parser.add_argument("--filter", metavar="TEXT", default="", help="only what holds these words, as the app's /")
    parser.add_argument(
        "--order",
        choices=[_slug(name) for name in orders],
        default=_slug(orders[0]),
        help="the order (as s in the app)",
    )
    parser.add_argument(
        "--today",
        metavar="DATE",
        help="the date ages count to and the agenda's today, YYYY-MM-DD, or as-of: each brief's own "
        "(default: $BRIEFING_TODAY, else the settings' today, else the system date)",
    )
    parser.add_argument("--width", type=_width, metavar="N", help="fit the text to N columns (default: the terminal's)")
    if view == "agenda":
        parser.add_argument(
            "--from",
            dest="from_",
            type=_date_or_today,
            metavar="DATE",
            help="only the stops not over by DATE (YYYY-MM-DD, or today: the agenda's today); what is next",
        )
        parser.add_argument(
            "--until",
            type=_date_or_today,
            metavar="DATE",
            help="only the stops begun by DATE (YYYY-MM-DD, or today). With either, stops with no dates are left out",
        )
    return parser


def _slug(name: str) -> str:
    return name.replace(" ", "-")


COMPLETED_COMMANDS = ("check", "new", "show", "export", "log", "pending", "agenda", "site", "init", "schema",
                      "config", "completion")  # fmt: skip


def site_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="briefing site",
        description="Write the library as a static website for colleagues: an index that sorts and filters in the "
        "browser, the pending board, the agenda and a page per brief. Nothing from a brief runs and nothing is "
        "loaded from outside the site. OUT becomes a link to the new site in one step (the old one is there until "
        "then); a second run writes again only the pages of briefs that changed.",
        epilog="Exit status: 0 written, 1 the site could not be written, 2 usage error or missing path.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="brief files or directories (default: as `briefing`)")
    parser.add_argument("-o", "--output", metavar="OUT", required=True, help="where the site goes (a link to it)")
    parser.add_argument(
        "--today",
        metavar="DATE",
        help="the date ages count to and the agenda's today, YYYY-MM-DD, or as-of: each brief's own "
        "(default: $BRIEFING_TODAY, else the settings' today, else the system date)",
    )
    return parser


def init_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="briefing init",
        description="Make a folder of briefs for a team: a sample brief, the format's JSON Schema, the settings that "
        "give Taplo, Even Better TOML and Tombi completion and checking of every brief, a .gitignore and a README. "
        "A file already there is left as it is.",
        epilog="Exit status: 0 made, 1 a file could not be written, 2 usage error.",
    )
    parser.add_argument("path", metavar="DIR", help="the folder (made if missing)")
    return parser


def completion_parser() -> argparse.ArgumentParser:
    """Every subcommand's parser under one: what ``briefing completion`` makes the shell's script from."""
    import shtab

    makers = {"check": check_parser, "new": new_parser, "show": show_parser, "export": export_parser,
              "log": log_parser, "pending": lambda: board_parser("pending"), "agenda": lambda: board_parser("agenda"),
              "schema": schema_parser, "config": config_parser, "completion": completion_command_parser,
              "init": init_parser, "site": site_parser}  # fmt: skip
    parser = open_parser(with_paths=False)
    # The first word completes to a subcommand; a brief to open there completes as a file name through bash's
    # own fallback when no subcommand matches (shtab drops the subcommands when their word also completes files).
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMPLETED_COMMANDS:
        made = makers[name]()
        for action in made._actions:
            if action.dest in ("path", "paths", "output"):
                action.complete = shtab.FILE  # type: ignore[attr-defined]
        commands.add_parser(name, parents=[made], add_help=False, help=made.description)
    return parser


def completion_command_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="briefing completion",
        description="Print the shell's completion script for briefing (its subcommands, options, formats, section "
        "names and files).",
        epilog="bash: briefing completion bash > ~/.local/share/bash-completion/completions/briefing\n"
        "zsh:  briefing completion zsh > ~/.zfunc/_briefing  (with fpath+=~/.zfunc before compinit)\n"
        "fish: briefing completion fish > ~/.config/fish/completions/briefing.fish",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("shell", choices=("bash", "zsh", "fish"), help="the shell")
    return parser
