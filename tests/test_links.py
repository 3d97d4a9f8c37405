"""One rule for which URLs are links, shared by `o` in the app and the Markdown and HTML exports."""

from __future__ import annotations

import pytest

from briefing.export.html import render_body
from briefing.export.markdown import to_markdown
from briefing.present.links import is_web_link
from tests.conftest import DATA
from tests.test_export import brief_of


@pytest.mark.parametrize(
    "url", ["https://example.org/fees", "http://example.com/a?b=1&c=2#d", "HTTPS://EXAMPLE.ORG", "https://xn--ls8h.la/"]
)
def test_web_links(url: str) -> None:
    assert is_web_link(url)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "https://",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "ftp://example.org/x",
        "//example.org/x",
        "example.org",
        "https://example.org/a b",
        "https://example.org/\n",
        'https://example.org/"><script>alert(1)</script>',
        " https://example.org/",
    ],
)
def test_not_web_links(url: str) -> None:
    assert not is_web_link(url)


def test_the_exports_link_what_the_app_would_open() -> None:
    assert '<a href="https://example.org/fees">' in render_body("[fees](https://example.org/fees)")
    assert "<a " not in render_body("[x](javascript:alert(1)) [y](file:///etc/passwd)")
    markdown = to_markdown(brief_of(DATA / "full.toml"))
    assert " <https://example.org/wire/harbour-talks?id=1&lang=en>" in markdown
