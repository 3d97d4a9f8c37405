"""The boards as `briefing pending` and `briefing agenda` print them (``briefing.export.board_output``): each format
whole, on the library of tests/test_boards.py."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from briefing.export.board_output import spreadsheet_safe, write_board
from briefing.library import queries
from briefing.library.boards import BoardRow, board_rows
from briefing.library.index import Library
from briefing.present.ages import Thresholds
from tests.test_boards import TODAY, library  # noqa: F401 (the fixture)


def rows(library: Library, view: str) -> list[BoardRow]:  # noqa: F811
    if view == "pending":
        return list(board_rows(library.store, "pending", queries.pending_ordered(library.store, 0)[0]))
    agenda = queries.agenda_of(library.store, TODAY, 0)
    return list(board_rows(library.store, "stops", agenda.keys, agenda))


def written(library: Library, view: str, output: str, width: int | None = None) -> str:  # noqa: F811
    text = write_board(view, output, rows(library, view), today=TODAY, agenda_today=TODAY, thresholds=Thresholds(),
                       width=width)  # fmt: skip
    folder = str(Path(library.roots[0]))
    return text.replace(folder, "LIB")


PENDING_TEXT = """\
Since       Age       What                   Awaited from       Brief
1 May 2024  50 days ‼ The dates of the visit Kremlin, MFA       The visit
15 Jun 2024 5 days    The tariff schedule    Ministry of Trade  Trade talks
                      The agenda in Hanoi    Officials in Hanoi The visit
"""

AGENDA_TEXT = """\
Window         Place                  Certainty             As reported Brief
── Week of 17 Jun 2024
17–18 Jun 2024 Pyongyang, North Korea ‼ passed, unconfirmed next week   The visit
19 Jun 2024    Ulaanbaatar            ‼ passed, unconfirmed             The visit
19–21 Jun 2024 Vientiane              likely                            The visit
━━ today 20 Jun 2024 ━━
── Week of 24 Jun 2024
~24 Jun 2024   Hanoi                  very likely                       The visit
── No dates reported
no dates       Moscow                                                   The visit
"""

AGENDA_MARKDOWN = """\
### Week of 17 Jun 2024

| Window | Place | Certainty | As reported | Brief |
|---|---|---|---|---|
| 17–18 Jun 2024 | Pyongyang, North Korea | ‼ passed, unconfirmed | next week | The visit |
| 19 Jun 2024 | Ulaanbaatar | ‼ passed, unconfirmed |  | The visit |
| 19–21 Jun 2024 | Vientiane | likely |  | The visit |

**today 20 Jun 2024**

### Week of 24 Jun 2024

| Window | Place | Certainty | As reported | Brief |
|---|---|---|---|---|
| \\~24 Jun 2024 | Hanoi | very likely |  | The visit |

### No dates reported

| Window | Place | Certainty | As reported | Brief |
|---|---|---|---|---|
| no dates | Moscow |  |  | The visit |
"""

PENDING_MARKDOWN = """\
| Since | Age | What | Awaited from | Brief |
|---|---|---|---|---|
| 1 May 2024 | 50 days ‼ | The dates of the visit | Kremlin, MFA | The visit |
| 15 Jun 2024 | 5 days | The tariff schedule | Ministry of Trade | Trade talks |
|  |  | The agenda in Hanoi | Officials in Hanoi | The visit |
"""


def test_the_text_is_the_boards_columns_with_the_agendas_markers(library: Library) -> None:  # noqa: F811
    assert written(library, "pending", "text") == PENDING_TEXT
    assert written(library, "agenda", "text") == AGENDA_TEXT


def test_the_text_fits_a_width_cutting_cells_with_an_ellipsis(library: Library) -> None:  # noqa: F811
    assert written(library, "pending", "text", width=40) == (
        "Since       Age       What\n"
        "1 May 2024  50 days ‼ The dates of the …\n"
        "15 Jun 2024 5 days    The tariff schedu…\n"
        "                      The agenda in Han…\n"
    )
    assert written(library, "pending", "text", width=60).splitlines()[0] == (
        "Since       Age       What                       Brief"
    ), "a column that does not fit is left out, the rest widened"


def test_markdown_is_a_table_under_each_heading(library: Library) -> None:  # noqa: F811
    assert written(library, "pending", "markdown") == PENDING_MARKDOWN
    assert written(library, "agenda", "markdown") == AGENDA_MARKDOWN


def test_csv_and_json_carry_every_field_of_each_item(library: Library) -> None:  # noqa: F811
    pending = json.loads(written(library, "pending", "json"))
    assert pending == [
        {"brief": "LIB/visit.toml", "brief_title": "The visit", "id": "dates", "what": "The dates of the visit",
         "awaited_from": ["Kremlin", "MFA"], "since": "2024-05-01", "age_days": 50, "age": "overdue"},
        {"brief": "LIB/trade.toml", "brief_title": "Trade talks", "id": "tariffs", "what": "The tariff schedule",
         "awaited_from": ["Ministry of Trade"], "since": "2024-06-15", "age_days": 5, "age": "fresh"},
        {"brief": "LIB/visit.toml", "brief_title": "The visit", "id": "agenda", "what": "The agenda in Hanoi",
         "awaited_from": ["Officials in Hanoi"], "since": None, "age_days": None, "age": None},
    ]  # fmt: skip
    agenda = json.loads(written(library, "agenda", "json"))
    assert agenda[0] == {
        "brief": "LIB/visit.toml", "brief_title": "The visit", "place": "Pyongyang", "country": "North Korea",
        "start": "2024-06-17", "end": "2024-06-18", "approximate": False, "when": "next week",
        "certainty": "roughly_even_chance", "status": "planned", "waits_on_confirmation": True,
        "week": "Week of 17 Jun 2024",
    }  # fmt: skip
    assert [(stop["place"], stop["approximate"], stop["week"]) for stop in agenda] == [
        ("Pyongyang", False, "Week of 17 Jun 2024"), ("Ulaanbaatar", False, "Week of 17 Jun 2024"),
        ("Vientiane", False, "Week of 17 Jun 2024"), ("Hanoi", True, "Week of 24 Jun 2024"),
        ("Moscow", False, "No dates reported"),
    ]  # fmt: skip
    assert written(library, "pending", "csv") == PENDING_CSV
    assert written(library, "agenda", "csv") == AGENDA_CSV
    assert [row["week"] for row in csv.DictReader(io.StringIO(AGENDA_CSV))] == [stop["week"] for stop in agenda]


PENDING_CSV = """\
brief,brief_title,id,what,awaited_from,since,age_days,age
LIB/visit.toml,The visit,dates,The dates of the visit,Kremlin; MFA,2024-05-01,50,overdue
LIB/trade.toml,Trade talks,tariffs,The tariff schedule,Ministry of Trade,2024-06-15,5,fresh
LIB/visit.toml,The visit,agenda,The agenda in Hanoi,Officials in Hanoi,,,
"""

AGENDA_CSV = """\
brief,brief_title,place,country,start,end,approximate,when,certainty,status,waits_on_confirmation,week
LIB/visit.toml,The visit,Pyongyang,North Korea,2024-06-17,2024-06-18,no,next week,roughly_even_chance,planned,yes,\
Week of 17 Jun 2024
LIB/visit.toml,The visit,Ulaanbaatar,,2024-06-19,,no,,likely,planned,yes,Week of 17 Jun 2024
LIB/visit.toml,The visit,Vientiane,,2024-06-19,2024-06-21,no,,likely,planned,yes,Week of 17 Jun 2024
LIB/visit.toml,The visit,Hanoi,,2024-06-24,,yes,,very_likely,planned,no,Week of 24 Jun 2024
LIB/visit.toml,The visit,Moscow,,,,no,,,planned,no,No dates reported
"""


def test_no_rows_is_an_empty_csv_and_an_empty_json_list(library: Library) -> None:  # noqa: F811
    for view in ("pending", "agenda"):
        nothing = write_board(view, "csv", [], today=TODAY, agenda_today=TODAY, thresholds=Thresholds(), width=None)
        assert nothing == ""
        assert write_board(view, "json", [], today=TODAY, agenda_today=TODAY, thresholds=Thresholds(),
                           width=None) == "[]\n"  # fmt: skip


@pytest.mark.parametrize(
    ("cell", "safe"),
    [("=1+2", "'=1+2"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
     ("plain", "plain"), ("a=b", "a=b"), ("", "")],
)  # fmt: skip
def test_a_cell_a_spreadsheet_would_run_is_written_as_text(cell: str, safe: str) -> None:
    assert spreadsheet_safe(cell) == safe


def test_json_is_indented_two_spaces_and_ends_in_a_newline(library: Library) -> None:  # noqa: F811
    text = written(library, "pending", "json")
    assert text.startswith('[\n  {\n    "brief": "LIB/visit.toml",\n') and text.endswith("\n  }\n]\n")


def test_an_age_is_banded_on_the_day_asked(library: Library) -> None:  # noqa: F811
    later = json.loads(write_board("pending", "json", rows(library, "pending"), today=dt.date(2024, 6, 25),
                                   agenda_today=None, thresholds=Thresholds(), width=None))  # fmt: skip
    assert [(item["age_days"], item["age"]) for item in later] == [(55, "overdue"), (10, "ageing"), (None, None)]


def test_without_today_the_line_says_as_of(library: Library) -> None:  # noqa: F811
    agenda = queries.agenda_of(library.store, TODAY, 0)
    shown = list(board_rows(library.store, "stops", agenda.keys, agenda))
    text = write_board("agenda", "text", shown, today=None, agenda_today=TODAY, thresholds=Thresholds(), width=None)
    assert "━━ as of 20 Jun 2024 ━━" in text.splitlines()
    markdown = write_board("agenda", "markdown", shown, today=None, agenda_today=TODAY, thresholds=Thresholds(),
                           width=None)  # fmt: skip
    assert "**as of 20 Jun 2024**" in markdown.splitlines()


def test_a_markdown_agenda_ending_in_the_today_line_ends_once(tmp_path: Path) -> None:
    from tests.conftest import MINIMAL_BRIEF
    from tests.test_library import built

    folder = tmp_path / "lib"
    folder.mkdir()
    title = "A | B `c` *d*"
    (folder / "past.toml").write_text(
        MINIMAL_BRIEF.replace('"Minimal"', f'"{title}"')
        + '\n[[itinerary]]\nplace = "Rome | Italy"\nstart = 2024-06-01\n',
        encoding="utf-8",
    )
    small = Library([folder], tmp_path / "cache")
    built(small)
    agenda = queries.agenda_of(small.store, TODAY, 0)
    shown = list(board_rows(small.store, "stops", agenda.keys, agenda))
    text = write_board("agenda", "markdown", shown, today=TODAY, agenda_today=TODAY, thresholds=Thresholds(),
                       width=None)  # fmt: skip
    assert text == (
        "### Week of 27 May 2024\n\n"
        "| Window | Place | Certainty | As reported | Brief |\n|---|---|---|---|---|\n"
        "| 1 Jun 2024 | Rome \\| Italy |  |  | A \\| B \\`c\\` \\*d\\* |\n\n"
        "**today 20 Jun 2024**\n"
    )


def test_a_column_one_cell_wide_shows_that_it_is_cut() -> None:
    from briefing.export.board_output import _line

    assert _line(("abc", "de", "f"), (1, 2, 0)) == "… de"
