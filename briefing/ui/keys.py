"""Every key binding of the app, in one place, each with an id so it can be remapped."""

from __future__ import annotations

from textual.binding import Binding

from briefing.present.sections import Section

APP_BINDINGS: list[Binding] = [
    Binding("q", "quit", "Quit", id="app.quit"),
    Binding("question_mark", "help", "Keys", key_display="?", id="app.help"),
    Binding("e", "edit", "Edit", id="app.edit"),
    Binding("r", "reload", "Reload", show=False, id="app.reload"),
]

CONFIRMATION_BINDINGS: list[Binding] = [
    Binding("c", "resolve('confirmed')", "Confirm", id="confirmation.confirm"),
    Binding("d", "resolve('denied')", "Deny", id="confirmation.deny"),
    Binding("p", "reopen", "Reopen", id="confirmation.reopen"),
]

BRIEF_BINDINGS: list[Binding] = [
    *(
        Binding(str(section.number), f"section('{section}')", section.label, show=False, id=f"brief.section.{section}")
        for section in Section
    ),
    Binding("tab", "next_pane", "Next pane", show=False, id="brief.next_pane"),
    Binding("shift+tab", "previous_pane", "Previous pane", show=False, id="brief.previous_pane"),
    Binding("slash", "find", "Find", key_display="/", id="brief.find"),
    Binding("n", "find_next", "Next match", show=False, id="brief.find_next"),
    Binding("N", "find_previous", "Previous match", show=False, id="brief.find_previous"),
    Binding("escape", "back", "Back", show=False, id="brief.back"),
    Binding("y", "copy", "Copy", show=False, id="brief.copy"),
    Binding("o", "open_link", "Open link", show=False, id="brief.open_link"),
    Binding("left_square_bracket", "step(-1)", "Previous brief", show=False, key_display="[", id="brief.previous"),
    Binding("right_square_bracket", "step(1)", "Next brief", show=False, key_display="]", id="brief.next"),
]

MOVE_BINDINGS: list[Binding] = [
    Binding("j", "cursor_down", "Down", show=False, id="list.down"),
    Binding("k", "cursor_up", "Up", show=False, id="list.up"),
    Binding("g", "first", "Top", show=False, id="list.top"),
    Binding("G", "last", "Bottom", show=False, id="list.bottom"),
]

LIST_BINDINGS: list[Binding] = [*MOVE_BINDINGS, Binding("enter", "select", "Open", id="list.open")]

SCROLL_BINDINGS: list[Binding] = [
    Binding("j", "scroll_down", "Down", show=False, id="scroll.down"),
    Binding("k", "scroll_up", "Up", show=False, id="scroll.up"),
    Binding("g", "scroll_home", "Top", show=False, id="scroll.top"),
    Binding("G", "scroll_end", "Bottom", show=False, id="scroll.bottom"),
]

BACK_BINDINGS: list[Binding] = [Binding("escape", "back", "Back", id="detail.back")]
DETAIL_BINDINGS: list[Binding] = [
    *BACK_BINDINGS,
    Binding("y", "copy", "Copy", id="detail.copy"),
    Binding("o", "open_link", "Open link", id="detail.open_link"),
]

HELP_BINDINGS: list[Binding] = [*BACK_BINDINGS, Binding("question_mark", "back", "Back", show=False, id="help.close")]

ERROR_BINDINGS: list[Binding] = [
    Binding("escape", "back", "Back", show=False, id="errors.back"),
    Binding("left_square_bracket", "step(-1)", "Previous brief", show=False, id="errors.previous"),
    Binding("right_square_bracket", "step(1)", "Next brief", show=False, id="errors.next"),
]

FIND_BINDINGS: list[Binding] = [Binding("escape", "cancel", "Cancel", id="find.cancel")]
RESOLVE_BINDINGS: list[Binding] = [Binding("escape", "cancel", "Cancel", id="resolve.cancel")]
EXPORT_BINDINGS: list[Binding] = [Binding("escape", "cancel", "Cancel", id="export.cancel")]
LINK_PICKER_BINDINGS: list[Binding] = [Binding("escape", "cancel", "Back", id="links.cancel")]
TOO_SMALL_BINDINGS: list[Binding] = [Binding("q", "app.quit", "Quit", id="too_small.quit")]

LIBRARY_BINDINGS: list[Binding] = [
    Binding("l", "view('library')", "Library", id="library.list"),
    Binding("p", "view('pending')", "Pending", id="library.pending"),
    Binding("a", "view('agenda')", "Agenda", id="library.agenda"),
    Binding("slash", "filter", "Filter", key_display="/", id="library.filter"),
    Binding("s", "sort", "Sort", id="library.sort"),
    Binding("escape", "clear_filter", "Clear filter", show=False, id="library.clear_filter"),
]

ROW_BINDINGS: list[Binding] = [
    Binding("down,j", "cursor_down", "Down", show=False, id="rows.down"),
    Binding("up,k", "cursor_up", "Up", show=False, id="rows.up"),
    Binding("pagedown", "page_down", "Page down", show=False, id="rows.page_down"),
    Binding("pageup", "page_up", "Page up", show=False, id="rows.page_up"),
    Binding("home,g", "first", "Top", show=False, id="rows.top"),
    Binding("end,G", "last", "Bottom", show=False, id="rows.bottom"),
    Binding("enter", "select", "Open", id="rows.open"),
]

ALL_BINDINGS: tuple[list[Binding], ...] = (
    APP_BINDINGS, CONFIRMATION_BINDINGS, BRIEF_BINDINGS, LIST_BINDINGS, SCROLL_BINDINGS, BACK_BINDINGS,
    DETAIL_BINDINGS, HELP_BINDINGS, ERROR_BINDINGS, FIND_BINDINGS, RESOLVE_BINDINGS, EXPORT_BINDINGS,
    LINK_PICKER_BINDINGS, LIBRARY_BINDINGS, ROW_BINDINGS, TOO_SMALL_BINDINGS,
)  # fmt: skip
BINDING_IDS = frozenset(binding.id for bindings in ALL_BINDINGS for binding in bindings if binding.id)
"""Every id the settings' [keys] table can remap."""

HELP_ROWS: tuple[tuple[str, str], ...] = (
    ("1 – 5", "Summary · Quotes · Pending confirmations · Itinerary · Sources"),
    ("tab / shift+tab", "Next / previous pane"),
    ("j k  ↓ ↑", "Move down / up (scroll in the summary)"),
    ("g / G  home / end", "Top / bottom"),
    ("pgup / pgdn", "Page up / down"),
    ("enter", "Open the item's full detail"),
    ("esc", "Back: close a detail, the help or the find bar; clear find's highlights; back to the library"),
    ("/", "Find in the brief; enter keeps the match, esc cancels"),
    ("y", "Copy the item under the cursor as plain text (OSC 52, and the system clipboard tool if any)"),
    ("o", "Open a link in the browser: a source's, a quote's source, or one of the summary's; http and https only"),
    ("e", "Edit the file in $VISUAL or $EDITOR, at the line of the item under the cursor"),
    ("r", "Reload the file (it also reloads by itself whenever the file changes)"),
    ("c / d", "On a confirmation: mark it confirmed / denied (asks for the resolution and date)"),
    ("p", "On a resolved confirmation: make it pending again"),
    ("n / N", "Next / previous match"),
    ("ctrl+p", "Command palette: jump to any section or item by name; export the brief; change the theme"),
    ("[ / ]", "In the library: previous / next brief of the list"),
    ("l · p · a", "In the library: the list · the pending board · the agenda"),
    ("s", "In the library list: change the order (newest, oldest, title, most pending, next stop)"),
    ("?", "This help"),
    ("q", "Quit"),
)
