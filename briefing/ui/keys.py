"""Every key binding of the app, in one place, each with an id so it can be remapped."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.content import Content

from briefing.present.sections import Section

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode

GLOBAL_BINDINGS: list[Binding] = [
    # A priority binding, as Textual's own: the palette opens over a dialog and from a text field too.
    Binding("ctrl+p", "command_palette", "palette", show=False, priority=True, id="app.palette",
            tooltip="Command palette: jump to anything by name; export the brief; change the theme"),
    Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit"),
    Binding("question_mark", "help", "Keys", key_display="?", id="app.help",
            tooltip="The keys of this screen (this list)"),
    # A priority binding: `?` is typed in a text field, and a dialog takes none of the app's other keys.
    Binding("f1", "help", "Keys", show=False, priority=True, id="app.help_anywhere",
            tooltip="The keys of the screen or dialog on top, from anywhere (in a text field too)"),
    Binding("m", "messages", "Messages", show=False, id="app.messages",
            tooltip="The messages of this session, each in full (a toast's warning or error, after it has gone)"),
    # A priority binding: a dialog (a modal screen) takes no key of the app's, and it can be written over too.
    Binding("ctrl+l", "redraw", "Redraw", show=False, priority=True, id="app.redraw",
            tooltip="Draw the whole screen again (when another program has written over it)"),
]  # fmt: skip

FILE_BINDINGS: list[Binding] = [
    Binding("e", "edit", "Edit", id="app.edit",
            tooltip="Edit the file in $VISUAL or $EDITOR, at the line of the item under the cursor"),
    Binding("u", "undo", "Undo", show=False, id="app.undo",
            tooltip="Undo the last c, d or p of this session on this brief: the file back as it was, byte for byte"),
    Binding("r", "reload", "Reload", show=False, id="app.reload",
            tooltip="Reload the file (it also reloads by itself whenever the file changes)"),
]  # fmt: skip
"""The app's keys that act on the open brief's file: not offered over the library list."""

APP_BINDINGS: list[Binding] = [*GLOBAL_BINDINGS, *FILE_BINDINGS]

CONFIRMATION_BINDINGS: list[Binding] = [
    Binding("c", "resolve('confirmed')", "Confirm", id="confirmation.confirm",
            tooltip="On a confirmation: mark it confirmed (asks for the resolution and date)"),
    Binding("d", "resolve('denied')", "Deny", id="confirmation.deny",
            tooltip="On a confirmation: mark it denied (asks for the resolution and date)"),
    Binding("p", "reopen", "Reopen", id="confirmation.reopen",
            tooltip="On a resolved confirmation: make it pending again"),
]  # fmt: skip

BRIEF_BINDINGS: list[Binding] = [
    *(
        Binding(str(section.number), f"section('{section}')", section.label, show=False,
                id=f"brief.section.{section}", tooltip=f"Go to the {section.heading.lower()}")
        for section in Section
    ),
    Binding("tab", "next_pane", "Next pane", show=False, id="brief.next_pane", tooltip="Next pane"),
    Binding("shift+tab", "previous_pane", "Previous pane", show=False, id="brief.previous_pane",
            tooltip="Previous pane"),
    Binding("slash", "find", "Find", key_display="/", id="brief.find",
            tooltip="Find in every text on screen, any case; enter keeps the match (on an empty find: the last "
                    "one again), esc cancels"),
    Binding("n", "find_next", "Next match", show=False, id="brief.find_next",
            tooltip="Next match of the find (after esc: of the last find)"),
    Binding("N", "find_previous", "Previous match", show=False, id="brief.find_previous",
            tooltip="Previous match of the find (after esc: of the last find)"),
    Binding("escape", "back", "Back", show=False, id="brief.back",
            tooltip="Clear find's highlights; with none, back to the library"),
    Binding("y", "copy", "Copy", show=False, id="brief.copy",
            tooltip="Copy the item under the cursor as plain text (in the summary: title, BLUF and key points)"),
    Binding("o", "open_link", "Open link", show=False, id="brief.open_link",
            tooltip="Open a link in the browser: a source's, a quote's source, or one of the summary's"),
    Binding("left_square_bracket", "step(-1)", "Previous brief", show=False, key_display="[",
            id="brief.previous", tooltip="In the library: the previous brief of the list"),
    Binding("right_square_bracket", "step(1)", "Next brief", show=False, key_display="]", id="brief.next",
            tooltip="In the library: the next brief of the list"),
    Binding("w", "changes", "What changed", show=False, id="brief.changes",
            tooltip="What changed since you last looked (or since --since), a line each; enter goes to the item"),
    Binding("h", "history", "History", id="brief.history",
            tooltip="The brief's history in git: every commit that changed it; enter shows the brief as it was"),
    Binding("S", "save_copy", "Save a copy", id="brief.save_copy",
            tooltip="Save a copy of a read-only brief (the bundled one, a past version) to a file you can edit"),
]  # fmt: skip

MOVE_BINDINGS: list[Binding] = [
    Binding("j", "cursor_down", "Down", show=False, id="list.down", tooltip="Down"),
    Binding("k", "cursor_up", "Up", show=False, id="list.up", tooltip="Up"),
    Binding("g", "first", "Top", show=False, id="list.top", tooltip="Top"),
    Binding("G", "last", "Bottom", show=False, id="list.bottom", tooltip="Bottom"),
    Binding("pagedown", "page_down", "Page down", show=False, id="list.page_down", tooltip="Page down"),
    Binding("pageup", "page_up", "Page up", show=False, id="list.page_up", tooltip="Page up"),
]

LIST_BINDINGS: list[Binding] = [
    *MOVE_BINDINGS,
    Binding("enter", "select", "Open", id="list.open", tooltip="Open the item's full detail"),
]

SCROLL_BINDINGS: list[Binding] = [
    Binding("j", "scroll_down", "Down", show=False, id="scroll.down", tooltip="Down"),
    Binding("k", "scroll_up", "Up", show=False, id="scroll.up", tooltip="Up"),
    Binding("g", "scroll_home", "Top", show=False, id="scroll.top", tooltip="Top"),
    Binding("G", "scroll_end", "Bottom", show=False, id="scroll.bottom", tooltip="Bottom"),
]

DIALOG_HELP = Binding("question_mark", "app.help", "Keys", key_display="?", show=False, id="dialog.help",
                      tooltip="The keys of this dialog (this list)")  # fmt: skip
"""On a dialog that takes no typing: a dialog takes none of the app's keys, its ``?`` among them."""
DIALOG_MESSAGES = Binding("m", "app.messages", "Messages", show=False, id="dialog.messages",
                          tooltip="The messages of this session, in full")  # fmt: skip
"""The app's ``m``, on a dialog that takes no typing (a toast just came, over an item's detail, say)."""

BACK_BINDINGS: list[Binding] = [Binding("escape", "back", "Back", id="detail.back", tooltip="Back")]
DETAIL_BINDINGS: list[Binding] = [
    *BACK_BINDINGS,
    DIALOG_HELP,
    DIALOG_MESSAGES,
    Binding("q", "back", "Close", show=False, id="detail.close", tooltip="Close this view (not the app)"),
    Binding("y", "copy", "Copy", id="detail.copy", tooltip="Copy the item as plain text"),
    Binding("o", "open_link", "Open link", id="detail.open_link", tooltip="Open the item's link in the browser"),
    Binding("c", "resolve('confirmed')", "Confirm", id="detail.confirm",
            tooltip="On a confirmation: mark it confirmed (asks for the resolution and date)"),
    Binding("d", "resolve('denied')", "Deny", id="detail.deny",
            tooltip="On a confirmation: mark it denied (asks for the resolution and date)"),
    Binding("p", "resolve('pending')", "Reopen", id="detail.reopen",
            tooltip="On a resolved confirmation: make it pending again"),
    Binding("e", "edit", "Edit", id="detail.edit", tooltip="Edit the file in $VISUAL or $EDITOR, at this item's line"),
]  # fmt: skip

HELP_BINDINGS: list[Binding] = [
    *BACK_BINDINGS,
    Binding("question_mark", "back", "Back", show=False, id="help.close", tooltip="Back"),
    Binding("q", "back", "Close", show=False, id="help.quit", tooltip="Close the keys (not the app)"),
]

ERROR_BINDINGS: list[Binding] = [
    Binding("escape", "back", "Back", show=False, id="errors.back", tooltip="Back to the library"),
    Binding("left_square_bracket", "step(-1)", "Previous brief", show=False, key_display="[",
            id="errors.previous", tooltip="In the library: the previous brief of the list"),
    Binding("right_square_bracket", "step(1)", "Next brief", show=False, key_display="]", id="errors.next",
            tooltip="In the library: the next brief of the list"),
]  # fmt: skip

FIND_BINDINGS: list[Binding] = [
    Binding("escape", "cancel", "Cancel", id="find.cancel", tooltip="In the find bar: close it, clearing the find")
]
RESOLVE_BINDINGS: list[Binding] = [Binding("escape", "cancel", "Cancel", id="resolve.cancel", tooltip="Cancel")]
EXPORT_BINDINGS: list[Binding] = [Binding("escape", "cancel", "Cancel", id="export.cancel", tooltip="Cancel")]
CHANGES_BINDINGS: list[Binding] = [
    Binding("escape", "back", "Back", id="changes.back", tooltip="Back"),
    Binding("q", "back", "Close", show=False, id="changes.close", tooltip="Close the list (not the app)"),
    DIALOG_HELP,
    DIALOG_MESSAGES,
]
ASK_BINDINGS: list[Binding] = [
    Binding("y,enter", "yes", "Yes", id="ask.yes", tooltip="Yes"),
    Binding("n,escape", "no", "No", id="ask.no", tooltip="No"),
]
MESSAGES_BINDINGS: list[Binding] = [
    Binding("escape", "back", "Back", id="messages.back", tooltip="Back"),
    Binding("q", "back", "Close", show=False, id="messages.close", tooltip="Close the messages (not the app)"),
    Binding("m", "back", "Close", show=False, id="messages.toggle", tooltip="Close the messages"),
    DIALOG_HELP,
]
HISTORY_BINDINGS: list[Binding] = [Binding("escape", "back", "Back", id="history.back", tooltip="Back to the brief")]
LINK_PICKER_BINDINGS: list[Binding] = [
    Binding("escape", "cancel", "Back", id="links.cancel", tooltip="Back"),
    Binding("q", "cancel", "Close", show=False, id="links.close", tooltip="Close the list (not the app)"),
    DIALOG_HELP,
    DIALOG_MESSAGES,
]
TOO_SMALL_BINDINGS: list[Binding] = [Binding("q", "app.quit", "Quit", id="too_small.quit", tooltip="Quit")]

LIBRARY_BINDINGS: list[Binding] = [
    Binding("l", "view('library')", "Library", id="library.list", tooltip="The list of briefs"),
    Binding("p", "view('pending')", "Pending", id="library.pending",
            tooltip="The pending board: every pending confirmation of the library, oldest first"),
    Binding("a", "view('agenda')", "Agenda", id="library.agenda",
            tooltip="The agenda: every stop by date window, a heading per week, opened at today"),
    Binding("t", "today", "Today", show=False, id="library.today",
            tooltip="The agenda at today: the today line near the top, the cursor on the next stop"),
    Binding("slash", "filter", "Filter", key_display="/", id="library.filter",
            tooltip="Filter as you type, the list and both boards: every word, as the start of a word of any text "
                    "of the brief or row"),
    Binding("s", "sort", "Sort", id="library.sort",
            tooltip="The next order: the list's newest, oldest, title, most pending, next stop soonest, "
                    "stalest, changed; the pending board's oldest, newest, by brief, by whom; the agenda's by "
                    "date, brief, place"),
    Binding("S", "sort(-1)", "Sort back", show=False, id="library.sort_back", tooltip="The order before"),
    Binding("M", "mark_all_seen", "Mark all read", show=False, id="library.mark_all_read",
            tooltip="Mark every new or updated brief as read (● new, ◆ updated since you last looked)"),
    Binding("escape", "clear_filter", "Clear filter", show=False, id="library.clear_filter",
            tooltip="Clear the filter"),
]  # fmt: skip

ROW_BINDINGS: list[Binding] = [
    Binding("down,j", "cursor_down", "Down", show=False, id="rows.down", tooltip="Down"),
    Binding("up,k", "cursor_up", "Up", show=False, id="rows.up", tooltip="Up"),
    Binding("pagedown", "page_down", "Page down", show=False, id="rows.page_down", tooltip="Page down"),
    Binding("pageup", "page_up", "Page up", show=False, id="rows.page_up", tooltip="Page up"),
    Binding("home,g", "first", "Top", show=False, id="rows.top", tooltip="Top"),
    Binding("end,G", "last", "Bottom", show=False, id="rows.bottom", tooltip="Bottom"),
    Binding("enter", "select", "Open", id="rows.open", tooltip="Open the brief, or the brief at the item"),
]

ALL_BINDINGS: tuple[list[Binding], ...] = (
    APP_BINDINGS, CONFIRMATION_BINDINGS, BRIEF_BINDINGS, LIST_BINDINGS, SCROLL_BINDINGS, BACK_BINDINGS,
    DETAIL_BINDINGS, HELP_BINDINGS, ERROR_BINDINGS, FIND_BINDINGS, RESOLVE_BINDINGS, EXPORT_BINDINGS,
    LINK_PICKER_BINDINGS, LIBRARY_BINDINGS, ROW_BINDINGS, TOO_SMALL_BINDINGS, CHANGES_BINDINGS, HISTORY_BINDINGS,
    MESSAGES_BINDINGS, ASK_BINDINGS,
)  # fmt: skip
BINDING_IDS = frozenset(binding.id for bindings in ALL_BINDINGS for binding in bindings if binding.id)
"""Every id the settings' [keys] table can remap."""

HelpRow = tuple[str, str]
"""The keys, as shown, and what they do."""


def bindings_of(node: DOMNode, keymap: Mapping[str, str]) -> list[tuple[str, Binding]]:
    """The node's bindings with the user's keymap applied, as (key, binding), in the order they were declared."""
    bindings = node._bindings.copy()
    if keymap:
        bindings.apply_keymap(keymap)
    return [(key, binding) for key, found in bindings.key_to_bindings.items() for binding in found]


def help_rows(
    nodes: Iterable[DOMNode],
    keymap: Mapping[str, str],
    display: Callable[[Binding], str],
    priority_only: DOMNode | None = None,
) -> list[HelpRow]:
    """One row per thing a key does on these nodes (a screen, its widgets, the app), with every key that does it
    after remapping; rows that say the same are merged. Textual's own unnamed bindings (arrow keys on lists)
    join the row of the named binding of the same node with the same action, or are left out. Of the node
    ``priority_only`` (the app, under a dialog), only the priority bindings."""
    return rows_of(
        (
            [
                pair
                for pair in bindings_of(node, keymap)
                if _offered(node, pair[1]) and (node is not priority_only or pair[1].priority)
            ]
            for node in nodes
        ),
        display,
    )


def _offered(node: DOMNode, binding: Binding) -> bool:
    """False when the node's ``check_action`` hides the binding where it is (edit, over the library list; p on a
    confirmation still pending)."""
    from textual.actions import parse

    _namespace, action, parameters = parse(binding.action)
    return node.check_action(action, parameters) is not False


def rows_of(groups: Iterable[list[tuple[str, Binding]]], display: Callable[[Binding], str]) -> list[HelpRow]:
    """``help_rows`` of groups of (key, binding), a group per node."""
    keys: dict[str, list[str]] = {}
    for bindings in groups:
        actions = {binding.action: binding.tooltip or binding.description for _key, binding in bindings if binding.id}
        for _key, binding in bindings:
            text = actions.get(binding.action) if binding.id is None else binding.tooltip or binding.description
            if text is None:
                continue
            shown = display(binding)
            if shown not in keys.setdefault(text, []):
                keys[text].append(shown)
    return [(" ".join(shown), text) for text, shown in keys.items()]


def keymap_of(app: App[Any]) -> Mapping[str, str]:
    """The keys the user remapped (binding id -> keys), as the app applies them."""
    return app._keymap


def hint(node: DOMNode, *ids: str, lead: str = "") -> Content:
    """`` y copy · esc back ``: the current key and the name of each binding ``ids`` of ``node``, for a border;
    ``lead``: a first part that no binding of ours names (``enter open``)."""
    app = node.app
    found = {
        binding.id: f"{app.get_key_display(binding)} {binding.description.lower()}"
        for _key, binding in bindings_of(node, keymap_of(app))
    }
    parts = [lead] if lead else []
    parts += [found[binding_id] for binding_id in ids if binding_id in found]
    return Content(" " + " · ".join(parts) + " ")


_TYPED = {"question_mark": "?", "slash": "/", "escape": "esc", "left_square_bracket": "[",
          "right_square_bracket": "]", "pagedown": "pgdn", "pageup": "pgup", "down": "↓", "up": "↑"}  # fmt: skip


def typed(binding: Binding) -> str:
    """A key as the README writes it: what a person types (``?``, ``esc``, ``ctrl+p``)."""
    return _TYPED.get(binding.key, binding.key)


def _declared(bindings: Iterable[Binding]) -> list[tuple[str, Binding]]:
    return [(key, binding.with_key(key.strip())) for binding in bindings for key in binding.key.split(",")]


README_TABLES: dict[str, tuple[list[Binding], ...]] = {
    "brief": (BRIEF_BINDINGS, LIST_BINDINGS, SCROLL_BINDINGS, CONFIRMATION_BINDINGS, FIND_BINDINGS, APP_BINDINGS),
    "library": (LIBRARY_BINDINGS, ROW_BINDINGS, GLOBAL_BINDINGS),
}
"""The key tables of the README: each screen's bindings, as declared (the defaults)."""


def markdown_table(name: str) -> str:
    """The README's key table ``name``, from the bindings."""
    rows = rows_of((_declared(bindings) for bindings in README_TABLES[name]), typed)
    lines = ["| key | does |", "|---|---|"]
    lines += [f"| {' '.join(f'`{key}`' for key in keys.split(' '))} | {text} |" for keys, text in rows]
    return "\n".join(lines)


def id_table() -> str:
    """docs/keys.md's table: every binding id, its default key and its name."""
    lines = ["| id | default key | does |", "|---|---|---|"]
    seen: set[str] = set()
    for bindings in ALL_BINDINGS:
        for binding in bindings:
            if binding.id and binding.id not in seen:
                seen.add(binding.id)
                keys = " ".join(f"`{typed(one)}`" for _key, one in _declared([binding]))
                lines.append(f"| `{binding.id}` | {keys} | {binding.description} |")
    return "\n".join(lines)


def _rewrite(path: str, start: str, end: str, table: str) -> None:
    """Put ``table`` between the lines ``start`` and ``end`` of the file at ``path`` (a checkout's)."""
    import re
    from pathlib import Path

    file = Path(path)
    text = file.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(start) + r"\n.*?\n" + re.escape(end), re.S)
    file.write_text(pattern.sub(lambda _m: f"{start}\n{table}\n{end}", text, count=1), encoding="utf-8")


if __name__ == "__main__":
    # From a checkout: python -m briefing.ui.keys writes the README's key tables and docs/keys.md.
    for table in README_TABLES:
        _rewrite("README.md", f"<!-- keys: {table} -->", "<!-- /keys -->", markdown_table(table))
    _rewrite("docs/keys.md", "<!-- ids -->", "<!-- /ids -->", id_table())
