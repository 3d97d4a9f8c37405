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
import sys
import time
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from textual import events, on, work
from textual._compositor import ChopsUpdate, LayoutUpdate
from textual.app import App, ScreenStackError, SuspendNotSupported, SystemCommand
from textual.css.query import NoMatches
from textual.geometry import Size
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets._toast import ToastRack

from briefing.format.diff import Changes
from briefing.format.load import LoadResult
from briefing.format.model import Brief, Confirmation, ConfirmationStatus
from briefing.session import GONE, NO_DATE, SETTLE_SECONDS, Outcome, Session
from briefing.system.collector import resume_collection
from briefing.system.files import ConflictError, Fingerprint, SaveError
from briefing.system.paths import display_path
from briefing.system.settings import Settings
from briefing.ui.key_order import KeyOrder, KeyPassed
from briefing.ui.keys import APP_BINDINGS
from briefing.ui.messages import (
    BriefBuilt,
    BriefDrawn,
    CloseBrief,
    CopyText,
    EditFile,
    OpenBrief,
    OpenCopy,
    OpenLink,
    ResolveConfirmation,
    Seen,
    StepBrief,
)
from briefing.ui.screens.base import BriefView
from briefing.ui.shown import ShownPieces

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.driver import Driver
    from textual.filter import LineFilter
    from textual.notifications import SeverityLevel
    from textual.theme import Theme
    from textual.timer import Timer

    from briefing.library.index import Library
    from briefing.library.read_state import ReadState
    from briefing.session import LookBack, SeenVersion
    from briefing.system.kept_frames import FrameSlot
    from briefing.system.pre_draw import PreDrawn
    from briefing.ui.dialogs.message_log import Said
    from briefing.ui.screens.brief import BriefScreen
    from briefing.ui.screens.help import KeptHelps

POLL_SECONDS = 0.2
"""How often the file is checked for changes."""
HOLD_AT_MOST_SECONDS = 5.0
"""The longest the kept first screen stays without the app drawing over it, whatever its first screen is doing."""
SETTLE_LOOKS = 20
SETTLE_LOOK_SECONDS = 0.05
"""The first screen is kept once two looks this far apart see it the same; after that many looks, it is not."""
HOLD_CHECK_SECONDS = 0.02
"""How often the first screen is compared with the kept one on the terminal, once its body is mounted."""
COLLECT_AFTER_SECONDS = 1.0
"""When the cycle collector, held off while starting up by `briefing.launch`, comes back on."""
COMPOSE_AHEAD_AFTER_SECONDS = 0.5
"""How long after a screen is drawn the dialogs its first ? and enter show are composed, unseen (`_compose_ahead`)."""


class BriefingApp(App[None]):
    CSS_PATH = "briefing.tcss"
    BINDINGS = [*APP_BINDINGS]
    TITLE = "briefing"

    today: reactive[dt.date] = reactive(NO_DATE, init=False)
    """The reference date of every age on screen; the screens bind to it (data_bind), never copy it."""

    def __init__(
        self,
        path: Path | None,
        result: LoadResult | None,
        today: dt.date | None = None,
        library: Library | None = None,
        settings: Settings | None = None,
        theme: str | None = None,
        since: str | None = None,
        read_state: ReadState | None = None,
        remember: bool = True,
        first_frame: FrameSlot | None = None,
        pre_drawn: PreDrawn | None = None,
        freeze_startup: bool = False,
    ) -> None:
        """``since``: a git revision (or a date) to mark changes against, instead of what the reader last saw;
        ``read_state``: where what the reader saw is kept (default: the state directory); without ``remember`` (or
        with the settings' ``remember = false``), nothing is marked or remembered. ``first_frame``: where to keep
        the brief's complete first screen for the next start; ``pre_drawn``: that frame, on the terminal already
        (`briefing.system.pre_draw`). ``freeze_startup``: once the first screen is drawn, set the objects made so
        far apart from the garbage collector (`keep_startup_objects`); for a run of its own, not for a test that
        makes many apps in one process."""
        driver_class = None
        if pre_drawn is not None:
            from briefing.ui.pre_drawn import driver_for

            driver_class = driver_for(pre_drawn)
        super().__init__(driver_class=driver_class)
        self._first_frame = first_frame
        self._holding = first_frame.shown if pre_drawn is not None and first_frame is not None else None
        """The kept first screen on the terminal: nothing is drawn over it until the app's own first screen is
        the same (drawn in stages, it would blank what is there and fill it in again) or is whole, or too long."""
        self._hold_check: Timer | None = None
        self.settings = settings or Settings()
        self.warnings = list(self.settings.warnings)
        self._apply_settings(theme)
        self.library = library
        self.session = Session(path, result, today)
        """The open brief: the one owner of its path, its last version read, its stamp and today."""
        self.sequence: Sequence[str] = ()
        """In the library: the list the open brief was opened from, for [ and ]."""
        self.set_reactive(BriefingApp.today, self.session.today)
        self.since = since
        self.remember = remember and self.settings.remember
        self._read_state = read_state
        self._look_back_for: Path | None = None
        """The brief whose look-back has been taken: from then on, each version shown is recorded as seen."""
        self._warned_read_state = False
        self._copies = 0
        self.said: list[Said] = []
        """Every message shown this session, oldest first: the message log (m) lists them."""
        self.key_at = 0.0
        """When the last key came (monotonic): workers give way to the screen for a moment after each."""
        self._key_order = KeyOrder(self, self._hand_on_key)
        self._helps: KeptHelps | None = None
        """The help dialogs kept for the next ``?``: made at the first."""
        self._freeze_startup = freeze_startup
        self._legible: list[LineFilter] = []
        if self.no_color:
            from briefing.ui.legible import Legible

            self._legible.append(Legible())

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters; with NO_COLOR, then one that keeps every text legible (`briefing.ui.legible`)."""
        filters = super().get_line_filters()
        return [*filters, *self._legible] if self._legible else filters

    def get_driver_class(self) -> type[Driver]:
        from textual import constants

        if constants.DRIVER is None and sys.platform != "win32":  # where Textual would take its LinuxDriver
            from briefing.ui.driver import BriefingDriver

            return BriefingDriver
        return super().get_driver_class()

    def _apply_settings(self, theme: str | None) -> None:
        """The theme (``--theme`` for this run, else the settings') and the remapped keys; bad ones warned of."""
        from briefing.ui.appearance import appearance

        chosen = appearance(self.settings, theme, self.available_themes)
        if chosen.theme is not None:
            self.theme = chosen.theme
        self.warnings.extend(chosen.warnings)
        self._remembered_theme = self.settings.theme or self.theme
        if chosen.keymap:
            self.set_keymap(chosen.keymap)

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
    def path(self) -> Path:
        """The open brief's file."""
        return self.session.path

    @property
    def result(self) -> LoadResult:
        """The open brief's version on screen."""
        return self.session.result

    def _brief_screen(self, result: LoadResult) -> BriefScreen:
        from briefing.present.ages import Thresholds
        from briefing.ui.screens.brief import BriefScreen

        reads_as_of = self.session.today_override is None
        thresholds = Thresholds(**self.settings.ages)
        read_only = self.session.read_only
        name = str(self.session.path)
        position = (self.sequence.index(name) + 1, len(self.sequence)) if name in self.sequence else None
        screen = BriefScreen(
            result, self.session.path, self.today, reads_as_of, thresholds, read_only=read_only, position=position
        )
        screen.set_reactive(BriefScreen.changes, self.session.changes)
        return screen.data_bind(BriefingApp.today)

    def get_default_screen(self) -> Screen[None]:
        if self.library is not None:
            from briefing.ui.screens.library import LibraryScreen

            self.title = "briefing library"
            from briefing.present.ages import Thresholds

            thresholds = Thresholds(**self.settings.ages)
            return LibraryScreen(self.library, self.session.today_override, thresholds, self.read_state(), self.since)
        if self.result.brief is None:
            from briefing.ui.screens.errors import ErrorScreen

            return ErrorScreen(self.path, self.result.problems, self.result.text)
        self.title = self.result.brief.meta.title
        return self._brief_screen(self.result)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            if isinstance(event, events.Key):
                self.key_at = time.monotonic()
            await self._key_order.take(event)
            return
        await super().on_event(event)

    async def _hand_on_key(self, event: events.Key | events.Paste) -> None:
        await super().on_event(event)

    def on_key_passed(self, message: KeyPassed) -> None:
        self._key_order.passed(message)

    def on_unmount(self) -> None:
        self._key_order.close()

    def on_mount(self) -> None:
        if self._holding is not None:
            self.set_timer(HOLD_AT_MOST_SECONDS, self._draw_at_last)
        self._fit(self.size)
        self.set_interval(POLL_SECONDS, self._poll)
        if self.library is None:
            # In the library, the indexing worker holds the collector off until it is done and turns it back on.
            self.set_timer(COLLECT_AFTER_SECONDS, resume_collection)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self._warn_of_settings()

    def _warn_of_settings(self) -> None:
        """Each problem of the settings goes to the message log in full; one toast says so, or gives the only one."""
        if not self.warnings:
            return
        from briefing.ui.dialogs.message_log import Said

        if len(self.warnings) == 1:
            self.notify(self.warnings[0], title="Settings", severity="warning", markup=False, timeout=15)
            return
        for warning in self.warnings:
            self.said.append(Said("warning", "Settings", warning))
        count = len(self.warnings)
        summary = f"{count} problems in the settings: each costs its setting, the rest apply. m lists them in full."
        self._toast(summary, title="Settings", severity="warning", timeout=15)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A toast, kept in the message log (m) after it has gone. Thread-safe, as Textual's."""
        from briefing.ui.dialogs.message_log import Said

        self.said.append(Said(severity, title, message))
        self._toast(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def _refresh_notifications(self) -> None:
        """Textual shows the toasts on a screen as it is shown, and with none, hides the screen's rack of them by a
        style of its own: a layout and a frame of their own after each new screen's first, for a rack its CSS hides
        already. A hidden rack with nothing to show is left as it is."""
        if not self._notifications:
            try:
                rack = self.screen.get_child_by_type(ToastRack)
            except (NoMatches, ScreenStackError):
                return
            if not rack.display:
                return
        super()._refresh_notifications()

    def _toast(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A toast alone, not kept in the log."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def action_messages(self) -> None:
        from briefing.ui.dialogs.message_log import MessageLog

        if not isinstance(self.screen, MessageLog):
            self.push_screen(MessageLog(self.said))

    def action_command_palette(self) -> None:
        """The palette, unless one is open already anywhere in the stack (under the "too small" notice, say)."""
        from textual.command import CommandPalette

        if any(isinstance(screen, CommandPalette) for screen in self.screen_stack):
            return
        super().action_command_palette()

    def on_resize(self, event: events.Resize) -> None:
        self.forget_shown()  # the terminal may have moved or cleared what it showed
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
        if self.session.poll(time.monotonic()):
            self.reload()
        elif self.session.changing:
            self.set_timer(SETTLE_SECONDS, self._poll)  # look again once it may have settled

    def action_reload(self) -> None:
        self.reload(said=True)

    def reload(self, said: bool = False) -> None:
        """Read the file again and show what it holds now."""
        from briefing.ui.screens.brief import BriefScreen
        from briefing.ui.screens.errors import ErrorScreen

        view = self._brief_view()
        if view is None:
            return
        reloaded = self.session.reload()
        self.today = self.session.today
        result = self.session.result
        if reloaded.outcome is Outcome.LOADED:
            assert result.brief is not None
            self.title = result.brief.meta.title
            if self._look_back_for == self.path:
                self._record_seen()
            if isinstance(view, BriefScreen):
                view.post_message(BriefScreen.Show(result, self.session.changes))
            elif self.library is not None:
                while self.screen is not view:
                    self.pop_screen()
                self.switch_screen(self._brief_screen(result))
            else:
                # The first good version: the brief takes over from the problem list, as its own screen stack.
                first = self._brief_screen(result)
                self.add_mode("brief", lambda: first)
                self.switch_mode("brief")
            if said:
                self.notify(f"Reloaded {display_path(self.path)}.", markup=False)
            return
        problems = reloaded.problems
        if isinstance(view, BriefScreen):
            count = len(problems)
            heading = (
                f"{display_path(self.path)} is gone: showing the last version read"
                if reloaded.outcome is Outcome.GONE
                else f"{count} problem{'s' if count != 1 else ''} in the file: showing the last good version"
            )
            self.call_later(view.show_problems, heading, problems, reloaded.text)
        elif isinstance(view, ErrorScreen):
            self.call_later(view.show_problems, problems, reloaded.text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Edit, reload and undo apply to an open brief: not offered over the library list, nor over its history or a
        past version of it."""
        if action not in ("edit", "reload", "undo"):
            return True
        return self._brief_view() is not None and not getattr(self.screen, "historic", None)

    def _brief_view(self) -> BriefView | None:
        """The screen that shows the open brief (or its problems): the base one, or one opened from the library;
        never a past version of it (from the history)."""
        stack = reversed(self.screen_stack)
        return next((screen for screen in stack if isinstance(screen, BriefView) and not screen.historic), None)

    # -- what changed since the reader last looked ---------------------------------------------------------------

    def read_state(self) -> ReadState | None:
        """Where what the reader has seen is kept; None when nothing is to be remembered."""
        if not self.remember:
            return None
        if self._read_state is None:
            from briefing.library.read_state import ReadState

            self._read_state = ReadState.default()
        return self._read_state

    @on(BriefBuilt)
    def _brief_built(self) -> None:
        from briefing.ui.widgets.body import BodyView

        if not self.screen_stack:
            return  # a body read as the app closes
        parsed = all(body.parsed for body in self.screen.query(BodyView))
        if self._holding is not None and self._hold_check is None and parsed:
            # The scrollbars come in the frames after: compared until they are there.
            self._hold_check = self.set_interval(HOLD_CHECK_SECONDS, self._draw_if_as_kept)

    def _draw_if_as_kept(self) -> None:
        from briefing.ui.pre_drawn import screen_frame, screen_pieces

        if screen_frame(self.screen, self.console) == self._holding:
            if (shown := self._shown) is not None:
                shown.seen(screen_pieces(self.screen, self.console))  # the kept screen, cell for cell
            self._draw_at_last()

    def _draw_at_last(self) -> None:
        """Draw the app's screen over the kept one: it is the same, or whole, or taking too long."""
        if self._holding is not None:
            self._holding = None
            if self._hold_check is not None:
                self._hold_check.stop()
            self.screen.refresh()

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        # Every frame is laid out as usual, but none written over the kept screen while it is held (Textual's
        # batch_update would hold off the layout too, so the first screen could not be compared with it).
        if self._holding is not None:
            return
        shown = self._shown
        if shown is not None and isinstance(renderable, LayoutUpdate | ChopsUpdate):
            # Textual's _display takes any CompositorUpdate (it asks it for its output), Rich renderable or not.
            renderable = cast("RenderableType", shown.unshown(renderable))
        super()._display(screen, renderable)

    @property
    def _shown(self) -> ShownPieces | None:
        """What the terminal shows, as kept by `briefing.ui.driver`'s driver; None under any other driver."""
        shown = getattr(self._driver, "shown", None)
        return shown if isinstance(shown, ShownPieces) else None

    def forget_shown(self) -> None:
        """Write every piece of the next frames, whatever the terminal was last given."""
        if (shown := self._shown) is not None:
            shown.forget()

    def action_redraw(self) -> None:
        self.forget_shown()
        self.screen.refresh()

    def on_ready(self) -> None:
        if self.session.brief is None:  # the library, or a brief with errors: no BriefDrawn comes
            self.call_after_refresh(self.keep_startup_objects)
            self.set_timer(COMPOSE_AHEAD_AFTER_SECONDS, self._compose_ahead)

    def keep_startup_objects(self) -> None:
        """Set the objects of the start (Textual's and briefing's modules, the stylesheet, the first screen's
        widgets) apart from the garbage collector's passes (`gc.freeze`): with them, a full pass took 30-75 ms
        every few seconds of use, in the middle of whatever key came then; without them, about 12 ms. Once, and
        only when asked for (``freeze_startup``). The start's garbage is set apart with them, not collected first:
        that pass took 27-32 ms on the screen's thread (90 on a slower machine), a third of a second after the first
        screen, when a first key comes; what it found was about 3,000 objects, 0.3 MB, kept for good instead."""
        if self._freeze_startup:
            self._freeze_startup = False
            gc.freeze()

    @on(BriefDrawn)
    def _brief_drawn(self) -> None:
        self.call_after_refresh(self.keep_startup_objects)
        self.set_timer(COMPOSE_AHEAD_AFTER_SECONDS, self._compose_ahead)
        if self._first_frame is None:
            self.look_back()
            return
        # The frame kept is the first screen as every start draws it: before changes since are marked.
        self.call_after_refresh(self._keep_first_frame_then_look_back)

    def _compose_ahead(self) -> None:
        """Compose the help of the screen on top, and on a brief the detail dialog, while nothing is asked: the
        first ? and enter of a session then show a dialog kept ready, as every later one does (each took 20 ms
        longer to come on screen than the next: composing and mounting it)."""
        from briefing.ui.backdrop import compose_ahead
        from briefing.ui.screens.brief import BriefScreen
        from briefing.ui.screens.detail import compose_detail_ahead

        stack = self.screen_stack
        if not stack or stack[-1].is_modal:
            return  # a dialog on top, or the app closing
        screen = stack[-1]
        compose_ahead(self, self._help_name(screen))
        item = screen.detail_ahead() if isinstance(screen, BriefScreen) else None
        if item is not None:
            compose_detail_ahead(self, item)

    def _keep_first_frame_then_look_back(self, previous: str | None = None, tries: int = 0) -> None:
        """Keep the first screen once it is still (the scrollbars come in frames of their
        own, later on a slow machine): the same in two looks a moment apart."""
        slot = self._first_frame
        if slot is not None:
            from briefing.ui.pre_drawn import screen_frame

            frame = screen_frame(self.screen, self.console) if self._first_screen_complete() else None
            if (frame is None or frame != previous) and tries < SETTLE_LOOKS:
                self.set_timer(SETTLE_LOOK_SECONDS, partial(self._keep_first_frame_then_look_back, frame, tries + 1))
                return
            if frame is not None and frame == previous and frame != slot.shown:
                self._keep_frame(slot, frame)
        self._first_frame = None
        self._draw_at_last()  # the first screen is whole and still: if unlike the kept one, it is shown as it is
        self.look_back()

    def _first_screen_complete(self) -> bool:
        """True when the screen is the brief's first screen as it always starts: nothing over it, no toast, the
        whole body drawn (a long body's Markdown comes a moment after its text), the footer's keys in it."""
        from briefing.ui.screens.brief import BriefScreen
        from briefing.ui.widgets.body import BodyView
        from briefing.ui.widgets.key_footer import KeyFooter

        screen = self.screen
        if len(self.screen_stack) != 1 or not isinstance(screen, BriefScreen) or self._notifications:
            return False
        parsed = all(body.parsed for body in screen.query(BodyView))
        return screen.ready and parsed and bool(screen.query(KeyFooter))

    @work(thread=True, group="keep-frame")
    def _keep_frame(self, slot: FrameSlot, frame: str) -> None:
        from briefing.system.kept_frames import keep_frame

        with contextlib.suppress(OSError, SaveError):  # the next start is slower, no more: the cache is a shortcut
            keep_frame(slot.directory, slot.key, frame)

    @on(Seen)
    def _seen(self, message: Seen) -> None:
        from briefing.ui.screens.base import ShowsSeen

        for screen in self.screen_stack:
            if isinstance(screen, ShowsSeen):
                screen.mark_seen(message.path)

    def look_back(self) -> None:
        """Find what the open brief's changes are marked against (in a thread), then mark them and record the
        version shown as seen. Called once the first screen is drawn, so nothing of it waits for this."""
        brief = self.session.brief
        if brief is None or not (self.remember or self.since) or self._look_back_for == self.path:
            return
        self._look_back_for = None
        self._find_look_back(self.path, brief)

    def looking_back(self, path: Path) -> bool:
        """True while what the brief at ``path`` changed since the reader last looked is still being found."""
        return (
            path == self.path
            and self.session.brief is not None
            and bool(self.remember or self.since)
            and self._look_back_for != path
        )

    @work(thread=True, group="look-back")
    def _find_look_back(self, path: Path, shown: Brief) -> None:
        from briefing.format.diff import compare
        from briefing.library.read_state import ReadStateError
        from briefing.session import LookBack, find_look_back
        from briefing.system.git import GitError

        try:
            found = find_look_back(path, shown, self.read_state(), self.since)
        except (GitError, ReadStateError) as error:
            where = f"since {self.since}" if self.since else "since you last looked"
            self.call_from_thread(self._warn_once, f"Changes {where} are not marked: {error}")
            found = LookBack(None)
        compared = (shown, compare(found.baseline, shown)) if found.baseline is not None else None
        self.call_from_thread(self._looked_back, path, found, compared)

    def _looked_back(self, path: Path, found: LookBack, compared: tuple[Brief, Changes] | None) -> None:
        if not self.session.looked_back(path, found, compared):
            return  # another brief is open now
        self._look_back_for = path
        self._record_seen()
        view = self._brief_view()
        from briefing.ui.screens.brief import BriefScreen

        if isinstance(view, BriefScreen):
            view.mark_changes(self.session.changes)

    def _record_seen(self) -> None:
        """Record the version shown as seen by the reader (in a thread)."""
        read_state = self.read_state()
        seen = self.session.seen_now() if read_state is not None else None
        if read_state is not None and seen is not None:
            self._record(read_state, seen)

    @work(thread=True, group="read-state")
    def _record(self, read_state: ReadState, seen: SeenVersion) -> None:
        from briefing.library.read_state import ReadStateError

        try:
            recorded = self.session.record_seen(read_state, seen)
        except ReadStateError as error:
            self.call_from_thread(self._warn_once, f"What you have read is not remembered: {error}")
            return
        if recorded:
            self.call_from_thread(self.post_message, Seen(str(seen.path)))

    def _warn_once(self, message: str) -> None:
        if not self._warned_read_state:
            self._warned_read_state = True
            self.notify(message, severity="warning", markup=False, timeout=8)

    @on(OpenBrief)
    def open_brief(self, message: OpenBrief) -> None:
        """Open a brief of the library over the list (esc returns), at an item if given."""
        from briefing.ui.screens.errors import ErrorScreen

        if message.sequence is not None:
            self.sequence = message.sequence
        result = self.session.open(Path(message.path))
        self._look_back_for = None
        self.today = self.session.today
        if result.brief is None:
            self.push_screen(ErrorScreen(self.path, result.problems, result.text))
            return
        self.title = result.brief.meta.title
        screen = self._brief_screen(result)
        self.push_screen(screen)
        if message.section is not None:
            screen.show_section(message.section, message.index)

    def copy_destination(self, name: str) -> Path:
        """Where a copy of a read-only brief goes by default: the settings' first content folder, else the
        directory briefing was started in."""
        folder = next((path for path in self.settings.content if path.is_dir()), None)
        return (folder or Path.cwd()) / name

    def refuse_read_only(self) -> bool:
        """True (and a message saying how to edit it) when the open brief is read-only."""
        if self.session.read_only:
            from briefing.session import READ_ONLY

            self.notify(f"{READ_ONLY}.", severity="warning", markup=False)
            return True
        return False

    def refuse_behind_disk(self) -> bool:
        """True (and a message saying why) when the version on screen is not the file's: the file on disk has
        problems, or is gone. An edit would be made to a version the reader cannot see."""
        problems = self.session.problems_on_disk
        if not problems:
            return False
        name = display_path(self.session.path)
        if self.session.reloaded.outcome is Outcome.GONE:
            self.notify(f"{name} {GONE}: nothing to mark in.", severity="warning", markup=False, timeout=8)
        else:
            count, them = (f"{len(problems)} problems", "them") if len(problems) != 1 else ("1 problem", "it")
            self.notify(f"{name} has {count} on disk (listed below the brief): mend {them} first (e edits the file), "
                        "then mark it.", severity="warning", markup=False, timeout=8)  # fmt: skip
        return True

    @on(OpenCopy)
    def open_copy(self, message: OpenCopy) -> None:
        """The copy of a read-only brief takes its place on screen (over the library, when there is one)."""
        from briefing.ui.screens.errors import ErrorScreen

        view = self._brief_view()
        result = self.session.open(message.path)
        self._look_back_for = None
        self.today = self.session.today
        if view is not None:
            while self.screen is not view:
                self.pop_screen()
        shown = (
            ErrorScreen(self.path, result.problems, result.text) if result.brief is None else self._brief_screen(result)
        )
        if result.brief is not None:
            self.title = result.brief.meta.title
        if self.library is not None:
            self.switch_screen(shown)
            return
        # The base screen of a mode cannot be switched away: the copy gets a mode of its own.
        self._copies += 1
        self.add_mode(f"copy-{self._copies}", lambda: shown)
        self.switch_mode(f"copy-{self._copies}")

    @on(CloseBrief)
    def close_brief(self) -> None:
        """Back to the library, where the list was left."""
        from briefing.ui.screens.library import LibraryScreen

        if self.library is None or self._brief_view() is None:
            return
        while self._brief_view() is not None:
            self.pop_screen()
        self.session.close()
        if isinstance(self.screen, LibraryScreen):
            self.screen.select_path(str(self.path))  # the list's cursor follows [ and ] to the brief last shown

    @on(StepBrief)
    def step_brief(self, message: StepBrief) -> None:
        """The previous or next brief of the list it was opened from."""
        if self.library is None:
            return
        try:
            position = self.sequence.index(str(self.path)) + message.by
        except ValueError:
            self.notify("[ and ] step through the library's list, and this brief is not in it now.", markup=False)
            return
        if not 0 <= position < len(self.sequence):
            self.notify("No more briefs that way.", markup=False)
            return
        self.close_brief()
        self.open_brief(OpenBrief(self.sequence[position]))

    @on(CopyText)
    def copy_item(self, message: CopyText) -> None:
        """Put the text on the clipboard, through the terminal (OSC 52) and the system's tool, and say how."""
        text = message.text
        self.copy_to_clipboard(text)
        lines = text.count("\n") + 1
        self._copy_with_tool(text, f"Copied the {message.what} ({lines} line{'s' if lines != 1 else ''})")

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

    @on(OpenLink)
    def _open_link_asked(self, message: OpenLink) -> None:
        self.open_link(message.url)

    def open_link(self, url: str | None) -> None:
        """Open an http(s) link in the browser; refuse anything else, saying why."""
        import webbrowser

        from briefing.present.links import refusal, shown_url

        refused = refusal(url)
        if refused is not None or url is None:
            self.notify(refused or "", severity="information" if not url else "warning", markup=False)
            return
        url_shown = shown_url(url)
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
        # Textual's Keys (a panel other than ?) and Screenshot (which fails without ~/Downloads) are ours instead.
        for command in super().get_system_commands(screen):
            if command.title not in ("Keys", "Screenshot"):
                yield command
        yield SystemCommand("Keys", "The keys of this screen, as you have bound them (?)", self.action_help)
        yield SystemCommand(
            "Screenshot", "Save the screen as an SVG picture (in ~/Downloads, else here)", self._screenshot_soon
        )
        yield SystemCommand("Messages", "The messages of this session, each in full (m)", self.action_messages)
        if self._brief_view() is None or self.result.brief is None:
            return
        from briefing.export import FORMATS, LABELS

        for name in FORMATS:
            label = LABELS[name]
            yield SystemCommand(
                f"Export as {label}",
                f"Write the open brief as {label} to a file",
                partial(self.export_brief, name),
            )

    def _screenshot_soon(self) -> None:
        self.set_timer(0.1, self.save_screen_picture)  # once the palette has gone from the screen

    def save_screen_picture(self, folder: Path | None = None) -> Path | None:
        """Save the screen as an SVG file, in ``folder`` (default: ~/Downloads if it exists, else the directory
        briefing was started in); say where, or why not."""
        from datetime import datetime

        from briefing.system.files import atomic_write

        if folder is None:
            downloads = Path.home() / "Downloads"
            folder = downloads if downloads.is_dir() else Path.cwd()
        path = folder / f"briefing-{datetime.now():%Y-%m-%d-%H%M%S}.svg"
        try:
            atomic_write(path, self.export_screenshot().encode("utf-8"))
        except SaveError as error:
            self.notify(f"No screenshot: {error}", severity="error", markup=False)
            return None
        self.notify(f"Screenshot saved: {display_path(path)}", markup=False)
        return path

    def export_brief(self, format_name: str) -> None:
        """Ask where to write the open brief in ``format_name``, then write it whole or not at all."""
        from briefing.export import LABELS, SUFFIXES
        from briefing.ui.dialogs.export import ExportForm

        brief = self.result.brief
        if brief is None:
            return
        suggested = Path.cwd() / (self.path.stem + SUFFIXES[format_name])
        form = ExportForm(brief, format_name, LABELS[format_name], display_path(suggested), self.path.name)
        self.push_screen(form)

    def action_help(self) -> None:
        """The keys of the screen on top (with its widgets, and the app's own), as they are bound now."""
        from briefing.ui.screens.help import HelpScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            screen.action_back()  # f1 again, as ? there
            return
        self.push_screen(self._help_name(screen))

    def _help_name(self, screen: Screen[Any]) -> str:
        """The name of the installed help dialog listing the keys of ``screen`` as they are bound now."""
        from briefing.ui.keys import help_rows, keymap_of
        from briefing.ui.screens.help import KeptHelps

        nodes = [screen, *screen.walk_children(), self]
        # Over a dialog, only the app's priority keys reach the app (Textual stops the keys' way at a modal screen).
        rows = help_rows(nodes, keymap_of(self), self.get_key_display, priority_only=self if screen.is_modal else None)
        if self._helps is None:
            self._helps = KeptHelps(self)
        return self._helps.name_for(_screen_name(screen), rows)

    def action_edit(self) -> None:
        """Open the file in $VISUAL / $EDITOR at the line of what is under the cursor."""
        view = self._brief_view()
        if view is not None and not self.refuse_read_only():
            self.post_message(EditFile(view.edit_line(), view.edit_column()))

    @on(EditFile)
    def edit_file(self, message: EditFile) -> None:
        import subprocess

        from briefing.system.editor import NoEditor, editor_command

        if self._brief_view() is None or self.refuse_read_only():
            return
        try:
            command = editor_command(self.path, message.line, column=message.column)
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

    @on(ResolveConfirmation)
    def resolve_confirmation(self, message: ResolveConfirmation) -> None:
        item, status = message.confirmation, message.status
        if self.refuse_read_only() or self.refuse_behind_disk():
            return
        # The save checks against the file as it was when the form (or the question) opened: a change meanwhile
        # (by someone else, or another editor) makes it refuse, not overwrite.
        loaded = self.session.fingerprint
        if status is ConfirmationStatus.PENDING:
            if not item.resolution:
                self._save_edit(item, status, None, loaded)
                return
            from textual.content import Content

            from briefing.ui.dialogs.ask import Ask

            question = Content.assemble(
                "Make “", (item.what, "bold"), "” pending again?\n\nIts resolution goes: ", (item.resolution, "italic"),
                ("\n\n(u undoes it)", "dim"),
            )  # fmt: skip
            self.push_screen(
                Ask("Reopen", question), lambda yes: self._save_edit(item, status, None, loaded) if yes else None
            )
            return
        from briefing.ui.dialogs.resolve import ResolveForm

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
        if status is not ConfirmationStatus.PENDING and answer is None:
            return
        said = f"“{item.what}” is {status.value}"
        was = f"“{item.what}” {'made pending again' if answer is None else status.value}"
        try:
            if answer is None:
                self.session.reopen(item.id, fingerprint, was)
            else:
                self.session.resolve(item.id, status, answer[0], answer[1], fingerprint, was)
        except ConflictError as error:
            self.notify(f"{error}. Reloaded: look, then try again.", severity="error", markup=False, timeout=8)
            self.reload()
            return
        except SaveError as error:
            self.notify(str(error), severity="error", markup=False, timeout=8)
            return
        self.reload()
        self.notify(f"Saved: {said}. u undoes it.", markup=False)

    def action_undo(self) -> None:
        from briefing.session import NothingToUndo

        if self._brief_view() is None:
            return
        try:
            edit = self.session.undo()
        except NothingToUndo as error:
            self.notify(str(error), markup=False)
            return
        except ConflictError as error:
            self.notify(f"Not undone: {error}.", severity="error", markup=False, timeout=8)
            return
        except SaveError as error:
            self.notify(f"Not undone: {error}", severity="error", markup=False, timeout=8)
            return
        self.reload()
        self.notify(f"Undone: {edit.what}. The file is as it was before.", markup=False)


def _screen_name(screen: Screen[Any]) -> str:
    """What the help calls the screen it lists the keys of."""
    names = {"BriefScreen": "the brief", "LibraryScreen": "the library", "ErrorScreen": "a file's problems",
             "DetailScreen": "an item", "LinkPicker": "the links", "MessageLog": "the messages",
             "ChangesList": "what changed", "HistoryScreen": "the history",
             "ResolveForm": "a confirmation's resolution", "ExportForm": "the export", "SaveCopyForm": "a copy to save",
             "Ask": "the question"}  # fmt: skip
    return names.get(type(screen).__name__, "this screen")
