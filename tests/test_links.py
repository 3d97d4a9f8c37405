"""One rule for which URLs are links, shared by `o` in the app and the Markdown and HTML exports."""

from __future__ import annotations

import dataclasses

import pytest

from briefing.export.html import render_body
from briefing.export.markdown import to_markdown
from briefing.format.load import load_text
from briefing.format.model import Brief
from briefing.present.links import (
    has_credentials,
    is_web_link,
    item_link,
    link_host,
    no_link,
    refusal,
    shown_host,
    shown_url,
)
from tests.conftest import DATA, MINIMAL_BRIEF
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


def _brief_with_sources() -> Brief:
    from briefing.format.model import Quote, Source

    result = load_text(MINIMAL_BRIEF)
    assert result.brief is not None
    sources = (Source("linked", "Vedomosti", url="https://example.org/a"), Source("bare", "Kommersant"))
    quotes = (Quote("A", "said", source="linked"), Quote("B", "said", source="bare"), Quote("C", "said"),
              Quote("D", "said", source="gone"))  # fmt: skip
    return dataclasses.replace(result.brief, sources=sources, quotes=quotes)


def test_the_link_an_item_leads_to() -> None:
    brief = _brief_with_sources()
    assert [item_link(brief, "sources", index) for index in range(2)] == ["https://example.org/a", None]
    assert [item_link(brief, "quotes", index) for index in range(4)] == ["https://example.org/a", None, None, None]
    assert item_link(brief, "itinerary", 0) is None


def test_why_there_is_nothing_to_open_names_the_item() -> None:
    brief = _brief_with_sources()
    assert no_link(brief, "sources", 1) == "Kommersant has no link in this brief."
    assert no_link(brief, "quotes", 1) == "The quote's source, Kommersant, has no link in this brief."
    assert no_link(brief, "quotes", 2) == "This quote names no source, so there is no link to open."
    assert no_link(brief, "quotes", 3) == "The quote's source, gone, has no link in this brief."
    nothing = "Nothing to open here: o opens a source's link, or the source of a quote."
    assert no_link(brief, "sources", None) == nothing and no_link(brief, "itinerary", 0) == nothing


@pytest.mark.parametrize(
    ("url", "said"),
    [
        (None, "Nothing to open here: o opens a source's link, or the source of a quote."),
        ("", "Nothing to open here: o opens a source's link, or the source of a quote."),
        ("https://user:pw@example.org/", "Not opened: “https://user:pw@example.org/” carries a user name or password."),
        ("javascript:alert(1)", "Not opened: only http and https links open, not “javascript:alert(1)”."),
        ("https://example.org/ok", None),
    ],
)
def test_why_a_link_is_not_opened(url: str | None, said: str | None) -> None:
    assert refusal(url) == said


LOOK_ALIKE = "https://ex\u0430mple.org/a"
"""With a Cyrillic a (U+0430): it reads as example.org."""


@pytest.mark.parametrize(
    ("url", "host", "shown"),
    [
        ("https://example.org/a", None, "https://example.org/a"),
        (LOOK_ALIKE, "xn--exmple-4nf.org", f"{LOOK_ALIKE} (host xn--exmple-4nf.org)"),
        ("https://sub.bücher.de/", "sub.xn--bcher-kva.de", "https://sub.bücher.de/ (host sub.xn--bcher-kva.de)"),
        ("https://xn--bcher-kva.de/", "xn--bcher-kva.de", "https://xn--bcher-kva.de/ (host xn--bcher-kva.de)"),
        ("https:///nohost", None, "https:///nohost"),
    ],
)
def test_a_look_alike_host_is_shown_in_its_network_form(url: str, host: str | None, shown: str) -> None:
    assert (shown_host(url), shown_url(url)) == (host, shown)


def test_a_host_that_cannot_be_encoded_has_none() -> None:
    assert link_host("https://" + "a" * 64 + ".org/") is None  # a label over 63 characters
    assert link_host("http://[::1/") is None  # not a URL urlsplit can read
    assert has_credentials("http://[::1/") is False
