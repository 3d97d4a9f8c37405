"""The body's Markdown as blocks to draw (``briefing.present.body_blocks``) and as the tokens every renderer
takes (``briefing.present.body``), by hand: each kind of block, its lead, indent and spacing, inline styles,
tables at their limits, cleaning after decoding, the headings moved down, and the budget past which a body is
plain text."""

from __future__ import annotations

import pytest

from briefing.present import body
from briefing.present.body import (
    BODY_TOP_LEVEL,
    MARKDOWN_BUDGET,
    app_parser,
    body_links,
    body_tokens,
    clean_tokens,
    demote,
)
from briefing.present.body_blocks import TABLE_CELL_CHARS, TABLE_COLUMNS, Block, blocks

NONE: frozenset[str] = frozenset()


@pytest.fixture(autouse=True)
def parsed_afresh() -> None:
    """Each test parses its bodies itself, never takes another's parse from the caches."""
    body._app_tokens.cache_clear()
    body_links.cache_clear()


def of(markdown: str) -> list[Block]:
    return blocks(body_tokens(markdown))


def layout(markdown: str) -> list[tuple[str, str, str, str, bool]]:
    """Each block as (kind, text, lead, indent, a blank line above)."""
    return [(block.kind, block.text, block.lead, block.indent, block.space_before) for block in of(markdown)]


def test_inline_styles_links_images_and_breaks() -> None:
    (block,) = of(
        "Para *em* and **strong** ~~gone~~ `code` [link](https://a.example/x) ![alt](i.png) ![](j.png) <b>x</b>\n"
        "soft\nhard  \nend"
    )
    assert block.kind == "text" and block.level == 0
    assert block.parts == (
        ("Para ", NONE, None),
        ("em", frozenset({"em"}), None),
        (" and ", NONE, None),
        ("strong", frozenset({"strong"}), None),
        (" ", NONE, None),
        ("gone", frozenset({"s"}), None),
        (" ", NONE, None),
        ("code", frozenset({"code"}), None),
        (" ", NONE, None),
        ("link", frozenset({"link"}), "https://a.example/x"),
        (" ", NONE, None),
        ("[alt]", frozenset({"image"}), None),
        (" ", NONE, None),
        ("[image]", frozenset({"image"}), None),
        (" ", NONE, None),
        ("<b>", frozenset({"html"}), None),
        ("x", NONE, None),
        ("</b>", frozenset({"html"}), None),
        (" soft hard\nend", NONE, None),
    )
    assert block.text == "Para em and strong gone code link [alt] [image] <b>x</b> soft hard\nend"


def test_styles_nest_and_close_in_any_order_and_a_links_styles_stay_its_own() -> None:
    (block,) = of("***both*** **a *b* c** [*x* `y` ![i](p.png)](https://l.example) after")
    assert block.parts == (
        ("both", frozenset({"em", "strong"}), None),
        (" ", NONE, None),
        ("a ", frozenset({"strong"}), None),
        ("b", frozenset({"strong", "em"}), None),
        (" c", frozenset({"strong"}), None),
        (" ", NONE, None),
        ("x", frozenset({"link", "em"}), "https://l.example"),
        (" ", frozenset({"link"}), "https://l.example"),
        ("y", frozenset({"link", "code"}), "https://l.example"),
        (" ", frozenset({"link"}), "https://l.example"),
        ("[i]", frozenset({"link", "image"}), "https://l.example"),
        (" after", NONE, None),
    )


def test_headings_keep_their_level_and_paragraphs_are_spaced() -> None:
    assert [(block.kind, block.level, block.text) for block in of("# One\n\ntext\n\n### Three\nSetext\n---")] == [
        ("heading", 1, "One"),
        ("text", 0, "text"),
        ("heading", 3, "Three"),
        ("heading", 2, "Setext"),
    ]
    assert all(block.space_before for block in of("# One\n\ntext"))


def test_a_tight_list_is_spaced_only_above_its_first_item() -> None:
    assert layout("- one\n- two\n  - inner\n  - inner two\n- three") == [
        ("text", "one", "• ", "  ", True),
        ("text", "two", "• ", "  ", False),
        ("text", "inner", "  • ", "    ", False),
        ("text", "inner two", "  • ", "    ", False),
        ("text", "three", "• ", "  ", False),
    ]


def test_a_loose_list_is_spaced_above_every_item_and_numbers_from_its_start() -> None:
    assert layout("3. three\n\n4. four\n\n   more of four\n5. five") == [
        ("text", "three", "3. ", "   ", True),
        ("text", "four", "4. ", "   ", True),
        ("text", "more of four", "   ", "   ", True),
        ("text", "five", "5. ", "   ", True),
    ]
    assert layout("1. a\n2. b")[1][2] == "2. "
    assert layout("9. nine\n10. ten") == [
        ("text", "nine", "9. ", "   ", True),
        ("text", "ten", "10. ", "    ", False),
    ]


def test_a_list_may_start_at_zero() -> None:
    assert [block.lead for block in of("0. zero\n1. one")] == ["0. ", "1. "]


def test_after_an_ordered_list_ends_the_text_is_not_indented() -> None:
    assert layout("1. a\n\nafter\n\n- b\n\nlast") == [
        ("text", "a", "1. ", "   ", True),
        ("text", "after", "", "", True),
        ("text", "b", "• ", "  ", True),
        ("text", "last", "", "", True),
    ]


def test_every_kind_of_block_takes_its_lead_and_spacing_in_a_list() -> None:
    assert layout("- a\n- # heading\n- ***\n- ```\n  code  \n  ```\n- | t |\n  |---|") == [
        ("text", "a", "• ", "  ", True),
        ("heading", "heading", "• ", "  ", False),
        ("rule", "", "• ", "  ", False),
        ("code", "code  ", "• ", "  ", False),
        ("table", "t", "• ", "  ", False),
    ]
    assert [block.level for block in of("- a\n- ## two")] == [0, 2]


def test_a_list_is_tight_or_loose_by_its_paragraphs_not_by_other_blocks() -> None:
    # Items that open with a code block: the first paragraph says the list is tight.
    assert layout("- ```\n  x\n  ```\n- b") == [("code", "x", "• ", "  ", True), ("text", "b", "• ", "  ", False)]
    # A loose list whose first item is a quote: the next item's paragraph says so.
    assert layout("- > q\n\n- b")[1:] == [("text", "b", "• ", "  ", True)]
    # A list with no paragraph at all is tight: what comes after it says nothing of it.
    assert [block.space_before for block in of("- ```\n  x\n  ```\n- ```\n  y\n  ```\n\nText\n\n1. a\n\n2. b")] == [
        True, False, True, True, True,
    ]  # fmt: skip


def test_an_images_alt_text_is_its_words_without_their_styles() -> None:
    (block,) = of("![a *b* `c`](p.png)")
    assert block.parts == (("[a b c]", frozenset({"image"}), None),)


def test_lists_inside_a_quote_and_quotes_inside_a_list() -> None:
    assert layout("> quoted\n>\n> > deeper\n>\n> - item\n\n- item\n\n  > inside") == [
        ("text", "quoted", "│ ", "│ ", True),
        ("text", "deeper", "│ │ ", "│ │ ", True),
        ("text", "item", "│ • ", "│   ", True),
        ("text", "item", "• ", "  ", True),
        ("text", "inside", "│   ", "│   ", True),
    ]


def test_code_html_and_rules_are_kept_as_written() -> None:
    markdown = "```py\nfirst\n  second\n\n```\n\n    indented\n\n<div>\nraw\n</div>\n\n***\n\n- ```\n  in a list\n  ```"
    assert [(block.kind, block.parts, block.lead) for block in of(markdown)] == [
        ("code", (("first\n  second", frozenset({"code"}), None),), ""),
        ("code", (("indented", frozenset({"code"}), None),), ""),
        ("code", (("<div>\nraw\n</div>", frozenset({"html"}), None),), ""),
        ("rule", (), ""),
        ("code", (("in a list", frozenset({"code"}), None),), "• "),
    ]
    assert [block.text for block in of("```\nendsX\n```\n\n    tabbedX\n")] == ["endsX", "tabbedX"]


def test_a_table_its_header_first_cells_cut_and_columns_counted() -> None:
    (block,) = of("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 |")
    assert (block.kind, block.rows, block.hidden_columns) == ("table", (("a", "b"), ("1", "2"), ("3", "")), 0)
    assert block.text == "a │ b\n1 │ 2\n3 │ "
    wide = TABLE_CELL_CHARS + 1
    (cut,) = of(f"| {'x' * wide} | {'y' * TABLE_CELL_CHARS} | *em*   spaced  out |\n|---|---|---|")
    assert cut.rows == (("x" * (TABLE_CELL_CHARS - 1) + "…", "y" * TABLE_CELL_CHARS, "em spaced out"),)
    columns = TABLE_COLUMNS + 3
    header = "|" + "|".join(f" c{n} " for n in range(columns)) + "|"
    (many,) = of(header + "\n|" + "---|" * columns + "\n| only |")
    assert (len(many.rows[0]), many.hidden_columns, many.rows[0][-1]) == (TABLE_COLUMNS, 3, f"c{TABLE_COLUMNS - 1}")
    assert len(many.rows[1]) == TABLE_COLUMNS
    (exact,) = of("|" + " c |" * TABLE_COLUMNS + "\n|" + "---|" * TABLE_COLUMNS)
    assert exact.hidden_columns == 0 and len(exact.rows[0]) == TABLE_COLUMNS


def test_a_table_in_a_list_and_what_follows_it() -> None:
    assert layout("- | a |\n  |---|\n  | 1 |\n\nafter") == [
        ("table", "a\n1", "• ", "  ", True),
        ("text", "after", "", "", True),
    ]


def test_character_references_are_cleaned_after_decoding() -> None:
    (block,) = of("a&#x1b;[31mred&#x202E; [l](https://x.example/&#x1b;) ```&#x7;```")
    assert "\x1b" not in block.text and "\u202e" not in block.text and "\x07" not in block.text
    links = [part[2] for part in block.parts if part[2]]
    assert links and all("\x1b" not in link for link in links)
    (fence,) = of("```a&#x1b;b\ncode\n```")
    tokens = body_tokens("```a&#x1b;b\ncode\n```")
    assert "\x1b" not in tokens[0].info and fence.kind == "code"


def test_clean_tokens_reaches_content_info_attributes_and_children() -> None:
    from markdown_it.token import Token

    child = Token("text", "", 0, content="in\x1bside")
    token = Token("fence", "code", 0, content="a\x07b", info="py\x1b", attrs={"href": "h\x1bx", "n": 1},
                  children=[child])  # fmt: skip
    clean_tokens([token])
    assert (token.content, token.info, token.attrs["href"]) == ("ab", "py", "h")
    assert token.attrs["n"] == 1 and child.content == "inide"
    plain = Token("text", "", 0, content="as it is")
    clean_tokens([plain])
    assert plain.content == "as it is"


def test_demote_moves_the_highest_heading_to_the_top_level_and_the_rest_with_it() -> None:
    tokens = app_parser().parse("# one\n\n## two\n\n###### six")
    demote(tokens)
    assert [token.tag for token in tokens if token.type.startswith("heading")] == [
        "h3", "h3", "h4", "h4", "h6", "h6",
    ]  # fmt: skip
    assert [token.markup for token in tokens if token.type == "heading_open"] == ["###", "####", "######"]
    low = app_parser().parse("#### four")
    demote(low)
    assert low[0].tag == "h4", "never moved up"
    top = app_parser().parse("## two")
    demote(top, top=1)
    assert top[0].tag == "h2"
    nothing = app_parser().parse("no heading")
    demote(nothing)
    assert [token.type for token in nothing] == ["paragraph_open", "inline", "paragraph_close"]
    assert BODY_TOP_LEVEL == 3


def test_the_links_of_a_body_once_each_in_order() -> None:
    assert body_links(
        "[A](https://a.example) and [B  *b*](https://b.example), [A](https://a.example) again, "
        "[C](https://a.example), [](https://e.example), <https://auto.example>\n\n[A](https://a.example)"
    ) == [
        ("A", "https://a.example"),
        ("B b", "https://b.example"),
        ("C", "https://a.example"),
        ("https://e.example", "https://e.example"),
        ("https://auto.example", "https://auto.example"),
    ]
    assert body_links("no links, just https://bare.example") == []


def test_past_the_budget_the_rest_is_one_plain_paragraph() -> None:
    line = "word " * 19 + "\n"
    count = MARKDOWN_BUDGET // (len(line) + 45) + 10
    text = line * count + "*not emphasis*"
    head, tail = body._bounded(text)
    assert head + tail == text and tail and head.endswith("\n")
    assert body._cost(head) <= MARKDOWN_BUDGET < body._cost(head) + body._cost(tail[: tail.index("\n") + 1])
    parsed = of(text)
    assert parsed[-1].kind == "plain" and parsed[-1].text.endswith("*not emphasis*")
    assert parsed[-1].text == tail.strip("\n")
    assert [block.kind for block in parsed] == ["text", "plain"]
    assert parsed[0].text.count("word") == 19 * head.count("\n"), "the head, read as one Markdown paragraph"


def test_within_the_budget_all_is_markdown() -> None:
    assert body._bounded("*a*\n") == ("*a*\n", "")
    exact = "a" * MARKDOWN_BUDGET
    assert body._bounded(exact) == (exact, "")
    assert body._cost("[!*<&|`\\\n") == 9 + 90 + 40 + 30 + 25 + 20 + 15 + 9 + 8 + 45


def test_one_enormous_first_line_is_cut_where_the_budget_runs_out() -> None:
    text = "[" * MARKDOWN_BUDGET
    head, tail = body._bounded(text)
    assert head + tail == text
    assert len(head) == MARKDOWN_BUDGET // 91
    assert body._bounded("a" * (MARKDOWN_BUDGET + 1)) == ("a" * MARKDOWN_BUDGET, "a")


def test_lines_up_to_the_budget_exactly_are_markdown() -> None:
    line = "a" * 54 + "\n"
    assert body._cost(line) == 100 and MARKDOWN_BUDGET % 100 == 0
    fitting = MARKDOWN_BUDGET // 100
    assert body._bounded(line * (fitting + 1)) == (line * fitting, line)
    assert body._bounded(line * fitting + "b") == (line * fitting, "b")
    # A blank first line is a line of its own.
    assert body._bounded("\n" + line * (fitting + 1)) == ("\n" + line * (fitting - 1), line * 2)


def test_the_plain_rest_is_one_paragraph_as_written_in_every_export() -> None:
    from briefing.export.html import render_body
    from briefing.export.markdown_body import body_markdown

    line = "a" * 54 + "\n"
    text = line * (MARKDOWN_BUDGET // 100) + "X *not* <b>\nsecond line \n"
    assert of(text)[-1] == Block("plain", (("X *not* <b>\nsecond line ", NONE, None),))
    assert render_body(text).endswith("a</p>\n<p>X *not* &lt;b&gt;\nsecond line </p>")
    assert body_markdown(text).endswith("a\n\nX \\*not\\* \\<b\\>\nsecond line ")


def test_a_blank_first_line_before_an_enormous_one() -> None:
    assert body._bounded("\n" + "[" * 9000) == ("\n", "[" * 9000)
