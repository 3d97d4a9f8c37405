"""BriefingApp: the brief (or its problems) on screen, following the file as it changes.

The file is the single source of truth. The app polls it; any change, whether
from an editor, from `e`, or from an in-app edit, goes through the same reload:
a good version replaces the one on screen (keeping the cursor), a bad one leaves
the last good version in place with its problems listed below it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from textual import events, work
from textual.app import App, SuspendNotSupported, SystemCommand
from textual.geometry import Size
from textual.screen import Screen

from briefing.format.load import LoadResult, load_path
from briefing.format.model import Confirmation, ConfirmationStatus, Problem
from briefing.system.files import ConflictError, Fingerprint, SaveError, Stamp
from briefing.system.paths import display_path
from briefing.system.settings import Settings
from briefing.ui.keys import APP_BINDINGS

if TYPE_CHECKING:
    from textual.theme import Theme

    from briefing.library.index import Library
    from briefing.ui.panes.confirmations import ConfirmationsPane

POLL_SECONDS = 0.2
"""How often the file is checked for changes."""
SETTLE_SECONDS = 0.05
"""How long a change must hold still before it is read, so a save in progress is not read half-written."""
COLLECT_AFTER_SECONDS = 1.0
"""When the cycle collector, held off while starting up by `briefing.launch`, comes back on."""


def resume_collection() -> None:
    """Turn the cycle collector back on if start-up held it off."""
    if not gc.isenabled():
        # Most of what start-up built lives as long as the app: frozen, no collection walks it again. The
        # little of it dropped later (a reloaded body's first blocks) is never collected: a bounded cost.
        gc.freeze()
        gc.enable()


class BriefingApp(App[None]):
    CSS_PATH = "briefing.tcss"
    BINDINGS = [*APP_BINDINGS]
    TITLE = "briefing"

    def __init__(
        self,
        path: Path | None,
        result: LoadResult | None,
        today: dt.date | None = None,
        library: Library | None = None,
        settings: Settings | None = None,
        theme: str | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.warnings = list(self.settings.warnings)
        self._apply_settings(theme)
        self.library = library
        self.path = path if path is not None else Path()
        self.result = result if result is not None else LoadResult("", None)
        """The version on screen: the last good one, or the first (bad) one when there never was a good one."""
        self.today_override = today
        self.sequence: list[str] = []
        """In the library: the list the open brief was opened from, for [ and ]."""
        self._watching = path is not None
        self._stamp = self.result.fingerprint.stamp if self.result.fingerprint else Stamp.of(self.path)

    def _apply_settings(self, theme: str | None) -> None:
        """The theme (``--theme`` for this run, else the settings') and the remapped keys; bad ones warned of."""
        from briefing.system.sanitize import escaped
        from briefing.system.settings import settings_path
        from briefing.ui.keys import BINDING_IDS

        settings_file = escaped(str(settings_path()))
        name = theme or self.settings.theme
        if name is not None:
            if name in self.available_themes:
                self.theme = name
            else:
                where = "--theme" if theme else f"{settings_file}: theme"
                known = ", ".join(sorted(self.available_themes))
                self.warnings.append(f"{where}: no theme called “{escaped(name)}”; the themes are {known}")
        self._remembered_theme = self.settings.theme or self.theme
        keymap = {}
        for binding_id, keys in self.settings.keys.items():
            if binding_id in BINDING_IDS:
                keymap[binding_id] = keys
            else:
                self.warnings.append(
                    f"{settings_file}: keys: no binding with the id “{escaped(binding_id)}” (docs/keys.md lists them)"
                )
        if keymap:
            self.set_keymap(keymap)

    def _remember_theme(self, theme: Theme) -> None:
        """A theme picked in the palette is kept for the next run, in the settings file."""
        from briefing.system.settings import save_theme

        if theme.name == self._remembered_theme:
            return
        self._remembered_theme = theme.name
        if not self.settings.readable:
            self.notify("The theme is not remembered: the settings file has errors.", severity="warning", markup=False)
            return
        try:
            save_theme(theme.name)
        except SaveError as error:
            self.notify(f"The theme is not remembered: {error}", severity="warning", markup=False)

    @property
    def today(self) -> dt.date:
        """Today as the app sees it: --today, else the brief's as_of; never the clock."""
        if self.today_override is not None:
            return self.today_override
        return self.result.brief.meta.as_of if self.result.brief else dt.date(1970, 1, 1)

    def get_default_screen(self) -> Screen[None]:
        if self.library is not None:
            from briefing.ui.screens.library import LibraryScreen

            self.title = "briefing library"
            return LibraryScreen(self.library, self.today_override)
        if self.result.brief is None:
            from briefing.ui.screens.errors import ErrorScreen

            return ErrorScreen(self.path, self.result.problems)
        from briefing.ui.screens.brief import BriefScreen

        self.title = self.result.brief.meta.title
        return BriefScreen(self.result, self.path, self.today)

    def on_mount(self) -> None:
        self._fit(self.size)
        self.set_interval(POLL_SECONDS, self._poll)
        if self.library is None:
            # In the library, the indexing worker holds the collector off until it is done and turns it back on.
            self.set_timer(COLLECT_AFTER_SECONDS, resume_collection)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        for warning in self.warnings:
            self.notify(warning, title="Settings", severity="warning", markup=False, timeout=10)

    def action_command_palette(self) -> None:
        """The palette, unless one is open already anywhere in the stack (under the "too small" notice, say)."""
        from textual.command import CommandPalette

        if any(isinstance(screen, CommandPalette) for screen in self.screen_stack):
            return
        super().action_command_palette()

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size)

    def _fit(self, size: Size) -> None:
        """Cover the screens with a "too small" notice below the smallest usable size; uncover them above it."""
        from briefing.ui.screens.too_small import TooSmallScreen, too_small

        notice = self.screen if isinstance(self.screen, TooSmallScreen) else None
        if not too_small(size):
            if notice is not None:
                self.pop_screen()
        elif notice is None:
            self.push_screen(TooSmallScreen())
        else:
            notice.show_size(size)

    def _poll(self) -> None:
        if not self._watching:
            return
        stamp = Stamp.of(self.path)
        if stamp != self._stamp:
            self.set_timer(SETTLE_SECONDS, lambda: self._settled(stamp))

    def _settled(self, stamp: Stamp | None) -> None:
        if Stamp.of(self.path) == stamp and stamp != self._stamp:
            self.reload()

    def action_reload(self) -> None:
        self.reload(said=True)

    def reload(self, said: bool = False) -> None:
        """Read the file again and show what it holds now."""
        from briefing.ui.screens.brief import BriefScreen
        from briefing.ui.screens.errors import ErrorScreen

        result = load_path(self.path)
        self._stamp = result.fingerprint.stamp if result.fingerprint else Stamp.of(self.path)
        base = self._brief_base()
        if base is None:
            return
        if result.brief is not None:
            self.result = result
            self.title = result.brief.meta.title
            if isinstance(base, BriefScreen):
                self.call_later(base.show_result, result)
            elif self.library is not None:
                while self.screen is not base:
                    self.pop_screen()
                self.switch_screen(BriefScreen(result, self.path, self.today))
            else:
                # The first good version: the brief takes over from the problem list, as its own screen stack.
                first = BriefScreen(result, self.path, self.today)
                self.add_mode("brief", lambda: first)
                self.switch_mode("brief")
            if said:
                self.notify(f"Reloaded {display_path(self.path)}.", markup=False)
            return
        missing = result.fingerprint is None and not self.path.exists()
        problems = result.problems
        if missing:
            problems = (Problem(str(self.path), "is gone (deleted or moved); it is read again when it is back"),)
        if isinstance(base, BriefScreen):
            count = len(problems)
            heading = (
                f"{display_path(self.path)} is gone: showing the last version read"
                if missing
                else f"{count} problem{'s' if count != 1 else ''} in the file: showing the last good version"
            )
            self.call_later(base.show_problems, heading, problems)
        elif isinstance(base, ErrorScreen):
            self.call_later(base.show_problems, problems)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Edit and reload apply to an open brief: not offered over the library list."""
        return action not in ("edit", "reload") or self._brief_base() is not None

    def _brief_base(self) -> Screen[Any] | None:
        """The screen that shows the open brief (or its problems): the base one, or one opened from the library.

        Asked on every key (to show or hide edit and reload), so it checks a marker rather than importing
        the brief's screens into a library that has not opened one yet.
        """
        for screen in reversed(self.screen_stack):
            if getattr(screen, "SHOWS_A_BRIEF", False):
                return cast("Screen[Any]", screen)
        return None

    def open_brief(
        self, path: str, section: str | None = None, index: int | None = None, sequence: list[str] | None = None
    ) -> None:
        """Open a brief of the library over the list (esc returns), at an item if given."""
        from briefing.ui.screens.brief import BriefScreen
        from briefing.ui.screens.errors import ErrorScreen

        if sequence is not None:
            self.sequence = sequence
        self.path = Path(path)
        self.result = load_path(self.path)
        self._stamp = self.result.fingerprint.stamp if self.result.fingerprint else Stamp.of(self.path)
        self._watching = True
        if self.result.brief is None:
            self.push_screen(ErrorScreen(self.path, self.result.problems))
            return
        self.title = self.result.brief.meta.title
        screen = BriefScreen(self.result, self.path, self.today)
        self.push_screen(screen)
        if section is not None:
            screen.show_section(section, index)

    def close_brief(self) -> None:
        """Back to the library, where the list was left."""
        if self.library is None or self._brief_base() is None:
            return
        while self._brief_base() is not None:
            self.pop_screen()
        self._watching = False
        select = getattr(self.screen, "select_path", None)
        if select is not None:
            select(str(self.path))  # the list's cursor follows [ and ] to the brief last shown

    def step_brief(self, by: int) -> None:
        """The previous or next brief of the list it was opened from."""
        if self.library is None or str(self.path) not in self.sequence:
            return
        position = self.sequence.index(str(self.path)) + by
        if not 0 <= position < len(self.sequence):
            self.notify("No more briefs that way.", markup=False)
            return
        self.close_brief()
        self.open_brief(self.sequence[position])

    def copy_item(self, text: str, what: str) -> None:
        """Put ``text`` on the clipboard, through the terminal (OSC 52) and the system's tool, and say how."""
        self.copy_to_clipboard(text)
        lines = text.count("\n") + 1
        self._copy_with_tool(text, f"Copied the {what} ({lines} line{'s' if lines != 1 else ''})")

    @work(thread=True, group="clipboard")
    def _copy_with_tool(self, text: str, copied: str) -> None:
        """In a thread: finding the tool looks along $PATH, and the tool may take its time."""
        from briefing.system.clipboard import ClipboardError, clipboard_command, copy_with

        try:
            command = clipboard_command()
            if command is not None:
                copy_with(command, text)
        except ClipboardError as error:
            message = f"{copied} through the terminal (OSC 52) only: {error}."
            self.call_from_thread(self.notify, message, severity="warning", markup=False)
            return
        how = "to the clipboard" if command is not None else "through the terminal (OSC 52)"
        self.call_from_thread(self.notify, f"{copied} {how}.", markup=False)

    def open_link(self, url: str | None) -> None:
        """Open an http(s) link in the browser; refuse anything else, saying why."""
        import webbrowser

        from briefing.present.links import has_credentials, is_web_link, shown_host

        if not url:
            self.notify("Nothing to open here: o opens a source's link, or the source of a quote.", markup=False)
            return
        if has_credentials(url):
            self.notify(f"Not opened: “{url}” carries a user name or password.", severity="warning", markup=False)
            return
        if not is_web_link(url):
            self.notify(f"Not opened: only http and https links open, not “{url}”.", severity="warning", markup=False)
            return
        url_shown = f"{url} (host {host})" if (host := shown_host(url)) is not None else url
        try:
            browser = webbrowser.get()
        except webbrowser.Error:
            self.notify(f"No web browser found to open {url_shown}", severity="warning", markup=False)
            return
        if type(browser) is webbrowser.GenericBrowser:
            # A browser that runs in this terminal (lynx, w3m): it gets the screen until it exits.
            try:
                with self.suspend(), contextlib.suppress(OSError):
                    browser.open(url)
            except SuspendNotSupported:
                self.notify("This terminal cannot hand the screen to a text browser.", severity="error", markup=False)
            return
        if isinstance(browser, webbrowser.BackgroundBrowser):
            # xdg-open and the like: run here, so that what they print never reaches the screen.
            command = [browser.name, *(argument.replace("%s", url) for argument in browser.args)]
            self._launch(command, url_shown)
            return
        if browser.open(url):
            self.notify(f"Opening {url_shown}", markup=False)
        else:
            self.notify(f"The browser did not open {url_shown}", severity="warning", markup=False)

    @work(thread=True, group="browser")
    def _launch(self, command: list[str], url: str) -> None:
        """In a thread: the launcher is given a few seconds to say whether it failed."""
        from briefing.system.launcher import LaunchError, launch

        try:
            finished = launch(command)
        except LaunchError as error:
            self.call_from_thread(self.notify, f"Not opened: {url}. {error}.", severity="warning", markup=False)
            return
        self.call_from_thread(self.notify, f"{'Opened' if finished else 'Opening'} {url}", markup=False)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if self._brief_base() is None or self.result.brief is None:
            return
        from briefing.export import FORMATS, LABELS

        for name in FORMATS:
            label = LABELS[name]
            yield SystemCommand(
                f"Export as {label}",
                f"Write the open brief as {label} to a file",
                partial(self.export_brief, name),
            )

    def export_brief(self, format_name: str) -> None:
        """Ask where to write the open brief in ``format_name``, then write it whole or not at all."""
        from briefing.export import LABELS, SUFFIXES
        from briefing.ui.dialogs.export import ExportForm

        brief = self.result.brief
        if brief is None:
            return
        suggested = Path.cwd() / (self.path.stem + SUFFIXES[format_name])
        self.push_screen(ExportForm(brief, format_name, LABELS[format_name], display_path(suggested)))

    def action_help(self) -> None:
        from briefing.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_edit(self) -> None:
        """Open the file in $VISUAL / $EDITOR at the line of what is under the cursor."""
        import subprocess

        from briefing.system.editor import NoEditor, editor_command

        edit_line: Callable[[], int | None] | None = getattr(self._brief_base(), "edit_line", None)
        if self._brief_base() is None:
            return
        line = edit_line() if edit_line else None
        try:
            command = editor_command(self.path, line)
        except NoEditor as error:
            self.notify(str(error), severity="error", markup=False)
            return
        failure: OSError | None = None
        returncode = 0
        try:
            with self.suspend():
                # Textual's suspend() does not resume the app if its block raises: catch everything here.
                try:
                    returncode = subprocess.run(command, check=False).returncode
                except OSError as error:
                    failure = error
        except SuspendNotSupported:
            self.notify("This terminal cannot hand the screen to an editor.", severity="error", markup=False)
            return
        if failure is not None:
            self.notify(f"Could not start the editor `{command[0]}`: {failure.strerror or failure}", severity="error",
                        markup=False)  # fmt: skip
            return
        if returncode != 0:
            self.notify(f"The editor exited with status {returncode}.", severity="warning", markup=False)
        self.reload()

    def on_confirmations_pane_resolve(self, message: ConfirmationsPane.Resolve) -> None:
        item, status = message.confirmation, message.status
        if status is ConfirmationStatus.PENDING:
            self._save_edit(item, status, None, self.result.fingerprint)
            return
        from briefing.ui.dialogs.resolve import ResolveForm

        # The save checks against the file as it was when the form opened: a change while the
        # form is open (by someone else, or another editor) makes it refuse, not overwrite.
        loaded = self.result.fingerprint
        self.push_screen(
            ResolveForm(item, status, self.today), lambda answer: self._save_edit(item, status, answer, loaded)
        )

    def _save_edit(
        self,
        item: Confirmation,
        status: ConfirmationStatus,
        answer: tuple[dt.date, str] | None,
        fingerprint: Fingerprint | None = None,
    ) -> None:
        from briefing.format.status_edit import change_file, reopen, resolve

        if status is not ConfirmationStatus.PENDING and answer is None:
            return
        fingerprint = fingerprint or self.result.fingerprint
        if fingerprint is None:
            self.notify("Nothing to save to: the file was not read.", severity="error", markup=False)
            return

        def change(text: str) -> str:
            if answer is None:
                return reopen(text, item.id)
            return resolve(text, item.id, status, answer[0], answer[1])

        try:
            change_file(self.path, fingerprint, change)
        except ConflictError as error:
            self.notify(f"{error}. Reloaded: look, then try again.", severity="error", markup=False, timeout=8)
            self.reload()
            return
        except SaveError as error:
            self.notify(str(error), severity="error", markup=False, timeout=8)
            return
        self.reload()
        self.notify(f"Saved: “{item.what}” is {status.value}.", markup=False)
