"""What the terminal shows (briefing/ui/shown.py): frames written without the pieces the terminal already shows
leave it exactly as Textual's whole frames would, and a frame of the same cells again writes nothing."""

from __future__ import annotations

import pyte
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual._compositor import ChopsUpdate, LayoutUpdate
from textual.geometry import Region
from textual.strip import Strip

from briefing.ui.shown import ShownPieces
from tests.support.pty_screen import screen_state

WIDTH, HEIGHT = 10, 3
NO_LINE_WRAP = "\x1b[?7l"
"""What Textual's driver writes as it starts: the terminal's line wrap off."""
CURSOR_HOME = "\x1b[1;1H"
CONSOLE = Console(width=WIDTH, height=HEIGHT, color_system="truecolor", force_terminal=True, legacy_windows=False)
STYLES = [Style(), Style(bold=True), Style(color="red"), Style(reverse=True, color="#00ff00")]

Update = LayoutUpdate | ChopsUpdate


def strip(text: str, style: Style, width: int) -> Strip:
    """``text`` in ``style``, cut or padded to ``width`` cells (a wide character that would not fit is a space)."""
    fitted = ""
    for character in text:
        if cell_len(fitted + character) > width:
            break
        fitted += character
    fitted += " " * (width - cell_len(fitted))
    return Strip([Segment(fitted, style)], width)


@st.composite
def rows(draw: st.DrawFn) -> list[dict[int, Strip]]:
    """A frame's rows, each cut into pieces at a few places, from a small alphabet so that pieces repeat."""
    frame = []
    for _row in range(HEIGHT):
        cuts = sorted(draw(st.sets(st.integers(1, WIDTH - 1), max_size=3)))
        starts, ends = [0, *cuts], [*cuts, WIDTH]
        frame.append(
            {
                start: strip(draw(st.text("ab界 ", max_size=4)), draw(st.sampled_from(STYLES)), end - start)
                for start, end in zip(starts, ends, strict=True)
            }
        )
    return frame


@st.composite
def updates(draw: st.DrawFn) -> Update:
    """A whole frame (LayoutUpdate), or a part of one (ChopsUpdate): spans of rows, some pieces not rendered."""
    frame = draw(rows())
    if draw(st.booleans()):
        return LayoutUpdate([list(row.values()) for row in frame], Region(0, 0, WIDTH, HEIGHT))
    spans = []
    for y in sorted(draw(st.sets(st.integers(0, HEIGHT - 1), min_size=1))):
        x1 = draw(st.integers(0, WIDTH - 1))
        spans.append((y, x1, draw(st.integers(x1 + 1, WIDTH))))
    ends = [[*list(row)[1:], WIDTH] for row in frame]
    # Textual renders the pieces a span meets; the others it may leave out (None).
    met = {
        (y, start)
        for y, x1, x2 in spans
        for start, end in zip(frame[y], ends[y], strict=True)
        if start < x2 and end > x1
    }
    chops: list[dict[int, Strip | None]] = [
        {start: piece if (y, start) in met or draw(st.booleans()) else None for start, piece in row.items()}
        for y, row in enumerate(frame)
    ]
    return ChopsUpdate(chops, spans, ends)


def terminal() -> tuple[pyte.Screen, pyte.Stream]:
    screen = pyte.Screen(WIDTH, HEIGHT)
    stream = pyte.Stream(screen)
    stream.feed(NO_LINE_WRAP)
    return screen, stream


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(updates(), st.just("forget")), min_size=1, max_size=12))
def test_the_terminal_shows_what_textuals_whole_frames_would_show(steps: list[Update | str]) -> None:
    whole, whole_stream = terminal()
    pieces, pieces_stream = terminal()
    shown = ShownPieces()
    for step in steps:
        if isinstance(step, str):
            # Another program wrote on the terminal: both show its output; only forgetting makes up for it.
            whole_stream.feed("\x1b[2;3Hxyz" + CURSOR_HOME)
            pieces_stream.feed("\x1b[2;3Hxyz" + CURSOR_HOME)
            shown.forget()
            continue
        # As Textual's App._display writes them: each followed by the cursor put back where the app has it.
        whole_stream.feed(step.render_segments(CONSOLE) + CURSOR_HOME)
        pieces_stream.feed(shown.unshown(step).render_segments(CONSOLE) + CURSOR_HOME)
        assert screen_state(pieces) == screen_state(whole)


@given(rows())
def test_a_frame_of_the_same_cells_again_writes_nothing(frame: list[dict[int, Strip]]) -> None:
    update = LayoutUpdate([list(row.values()) for row in frame], Region(0, 0, WIDTH, HEIGHT))
    shown = ShownPieces()
    first = shown.unshown(update).render_segments(CONSOLE)
    assert shown.unshown(update).render_segments(CONSOLE) == ""
    shown.forget()
    assert shown.unshown(update).render_segments(CONSOLE) == first
    drawn, stream = terminal()
    stream.feed(first)
    whole, whole_stream = terminal()
    whole_stream.feed(update.render_segments(CONSOLE))
    assert screen_state(drawn) == screen_state(whole)


def test_each_piece_is_written_from_its_own_place() -> None:
    """Textual writes a whole row's pieces one after the other; a character the terminal draws wider than Rich
    measures it would move the rest of the row."""
    row = [strip("ab", STYLES[0], 4), strip("cd", STYLES[1], 6)]
    written = ShownPieces().unshown(LayoutUpdate([row], Region(0, 1, WIDTH, 1))).render_segments(CONSOLE)
    assert written.count("\x1b[2;1H") == 1 and written.count("\x1b[2;5H") == 1


def three_pieces(middle: str) -> LayoutUpdate:
    """Three rows of three pieces; the first and last rows with ``middle`` in their middle piece."""
    row = [strip("ab", STYLES[0], 3), strip(middle, STYLES[1], 3), strip("ab", STYLES[2], 4)]
    return LayoutUpdate([row, [*row[:1], strip("a", STYLES[0], 7)], row], Region(0, 0, WIDTH, HEIGHT))


def test_a_changed_piece_of_ascii_leaves_the_pieces_right_of_it() -> None:
    """A focus move recolours the panes' borders, a piece at the left of each row: the rows' other pieces stay."""
    shown = ShownPieces()
    shown.unshown(three_pieces("a")).render_segments(CONSOLE)
    written = shown.unshown(three_pieces("b│")).render_segments(CONSOLE)
    assert written.count("\x1b[1;4H") == 1 and "\x1b[1;7H" not in written and "\x1b[3;7H" not in written
    screen, stream = terminal()
    stream.feed(shown.unshown(three_pieces("a")).render_segments(CONSOLE))  # and back: the pieces it changes only
    assert [line.rstrip() for line in screen.display] == ["   a", "", "   a"]


def test_a_changed_piece_of_other_characters_is_written_with_everything_right_of_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A terminal may draw a character wider than Rich measures it (‼ as two cells, say), over the start of the
    next piece: that one is written again after it, from its own place."""
    shown = ShownPieces()
    screen, stream = terminal()
    stream.feed(shown.unshown(three_pieces("a")).render_segments(CONSOLE))
    width = pyte.screens.wcwidth
    monkeypatch.setattr(pyte.screens, "wcwidth", lambda character: 2 if character == "‼" else width(character))
    stream.feed(shown.unshown(three_pieces("‼")).render_segments(CONSOLE))
    assert [line.rstrip() for line in screen.display] == ["ab ‼ ab", "ab a", "ab ‼ ab"]  # ‼ over two cells
