"""The body written again as Markdown (``briefing.export.markdown_body``), by hand: each construct as it is
written out, and the ways a body could run code or swallow what follows it, closed."""

from __future__ import annotations

import pytest

from briefing.export.markdown_body import body_markdown

WRITTEN = [
    ("a **strong** ~~gone~~ *em* ***both***", "a **strong** ~~gone~~ *em* ***both***"),
    ("line one\\\nline two  \nthree\nfour", "line one\\\nline two\\\nthree\nfour"),
    # Code spans: a fence longer than any run of backticks inside, padded where the text starts or ends with one.
    ("`a` `` b`c `` ` `` ` ``` ``x`` ```", "`a` ``b`c`` ``` `` ``` ``` ``x`` ```"),
    ("`\nx\n`", "`x`"),
    ("`a\nb`", "`a b`"),
    ("`  `", "`  `"),
    ("`  a  `", "`  a  `"),
    ("` a`", "` a`"),
    # Raw HTML is text: escaped inline and as a block, a dangling comment too.
    ("<b>raw</b> <script>x</script>", "\\<b\\>raw\\</b\\> \\<script\\>x\\</script\\>"),
    ("<script>\nalert(1)\n</script>\n\nafter", "\\<script\\>\nalert(1)\n\\</script\\>\n\nafter"),
    ("<!-- dangling", "\\<!-- dangling"),
    # Links only to the web, in angle brackets; a link inside a link is the link, the outer brackets text.
    (
        "[ok](https://a.example/x) [bad](javascript:alert(1)) [*in*](http://b.example) [mail](mailto:a@b.example)",
        "[ok](<https://a.example/x>) \\[bad\\](javascript:alert(1)) [*in*](<http://b.example>) mail",
    ),
    (
        "[outer [inner](https://i.example)](https://o.example)",
        "\\[outer [inner](<https://i.example>)\\](https://o.example)",
    ),
    ("![alt *text*](https://img.example/p.png) ![](x.png).", "alt text ."),
    # Headings below the Summary's, setext ones as ### too, an empty one kept.
    (
        "# H1\n\n## H2\n\n#\n\nSetext\n======\n\n### Three\nline",
        "### H1\n\n#### H2\n\n###\n\n### Setext\n\n##### Three\n\nline",
    ),
    (
        "```python extra\ncode ``` here\n```\n\n```bad;info\nx\n```\n\n    indented\n    two  \n\n~~~\n````\n~~~",
        "````python\ncode ``` here\n````\n\n```\nx\n```\n\n```\nindented\ntwo  \n```\n\n`````\n````\n`````",
    ),
    # A code block keeps its blank last lines; an empty one has no line.
    ("```\nX\n\n```", "```\nX\n\n```"),
    ("```\n```", "```\n```"),
    ("a\n\n***\n\nb", "a\n\n* * *\n\nb"),
    ("> q1\n>\n> q2\n> > nested\n\nafter", "> q1\n>\n> q2\n>\n> > nested\n\nafter"),
    # An empty quote is kept: dropped, an item of empty lists around it (`- - - >`) would be written as a rule.
    (">\n\nafter", ">\n\nafter"),
    ("- - - >", "- - - >"),
    # An emphasis next to another's mark is written with `_`: `*` beside `*` reads as a strong's `**`.
    ("*_a_*", "*_a_*"),
    ("*x *y**", "*x _y_*"),
    ("*a*_b_", "*a*_b_"),
    ("**a** *b*", "**a** *b*"),
    ("***a***", "***a***"),
    ("***a* b**", "**_a_ b**"),
    ("**b *a***", "**b _a_**"),
    ("*_a_ b*", "*_a_ b*"),
    ("a *b **c***", "a *b **c***"),
    # ... and past the empty texts markdown-it leaves where it took a run of marks.
    ("__b__*b*", "**b**_b_"),
    ("b**a**_a_", "b**a**_a_"),
    ("*a*__*___", "_a_**\\***\\_"),
    ("*_a*__a__", "_\\_a_**a**"),
    ("- a\n- b\n  - c\n- \n\n1. x\n\n2. y", "- a\n- b\n  - c\n-\n\n1. x\n\n2. y"),
    ("3. three\n4. four", "3. three\n4. four"),
    ("0. zero\n1. one", "0. zero\n1. one"),
    ("- > quoted item\n- ```\n  code\n  ```", "- > quoted item\n- ```\n  code\n  ```"),
    ("- a\n\n- b\n  > q", "- a\n\n- b\n\n  > q"),
    ("- a\n  - b\n\n  - c\n- d", "- a\n  - b\n\n  - c\n- d"),
    ("- \n  text", "- text"),
    ("| a | b |\n|---|---|\n| 1 |\n| 2 | 3 | 4 |", "| a | b |\n|---|---|\n| 1 |  |\n| 2 | 3 |"),
    ("| *x* | `y` |\n|---|---|", "| *x* | `y` |\n|---|---|"),
    ("- | t |\n  |---|\n  | 1 |", "- | t |\n  |---|\n  | 1 |"),
    ("`` `a ``, `` a` ``", "`` `a ``, `` a` ``"),
    ("- a\n  b\n\n> c\n> d", "- a\n  b\n\n> c\n> d"),
    ("Multi\nline\n===\n\n# a  b", "### Multi line\n\n### a  b"),
    ("- ```\n  x\n  y\n  ```", "- ```\n  x\n  y\n  ```"),
    ("| a |\n|---|\n| 1 |\n\n| two words | c |\n|---|---|", "| a |\n|---|\n| 1 |\n\n| two words | c |\n|---|---|"),
    ("", ""),
]


@pytest.mark.parametrize(("body", "written"), WRITTEN)
def test_each_construct_is_written_out_afresh(body: str, written: str) -> None:
    assert body_markdown(body) == written


def test_what_is_written_reads_back_as_itself() -> None:
    for body, written in WRITTEN:
        assert body_markdown(written) == written, body
