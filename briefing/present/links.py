"""Which links open and export as links, what host they lead to, and the link an item leads to."""

from __future__ import annotations

import re

from briefing.format.model import Brief
from briefing.present.sections import Section

_WEB_LINK = re.compile(r"https?://[^\s<>]+", re.IGNORECASE)


def link_host(url: str) -> str | None:
    """The host a URL leads to, as the network sees it (IDNA, ``xn--`` for a non-ASCII name), or None when it
    has none or it cannot be encoded."""
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url).hostname
        return host.encode("idna").decode("ascii") if host else None
    except (ValueError, UnicodeError):
        return None


def has_credentials(url: str) -> bool:
    """True when the URL carries a user name or password (``https://user:pass@host``)."""
    from urllib.parse import urlsplit

    try:
        return "@" in urlsplit(url).netloc
    except ValueError:
        return False


def is_web_link(url: str) -> bool:
    """True for an http or https URL with no spaces or angle brackets, a host, and no user name or password
    in it: the only links opened or exported as links."""
    return _WEB_LINK.fullmatch(url) is not None and not has_credentials(url) and link_host(url) is not None


def shown_host(url: str) -> str | None:
    """The host to show beside a link when its name is not plain ASCII (a look-alike): its ``xn--`` form."""
    host = link_host(url)
    if host is None or (not host.startswith("xn--") and ".xn--" not in host):
        return None
    return host


def item_link(brief: Brief, section: str, index: int) -> str | None:
    """The URL an item leads to: a source's, or the source of a quote; None when it has none."""
    if Section(section) is Section.SOURCES:
        return brief.sources[index].url
    if Section(section) is Section.QUOTES:
        source_id = brief.quotes[index].source
        source = brief.source(source_id) if source_id else None
        return source.url if source else None
    return None


def no_link(brief: Brief, section: str, index: int | None) -> str:
    """Why ``o`` has nothing to open on this item, in a sentence that names it."""
    if index is not None and Section(section) is Section.SOURCES:
        return f"{brief.sources[index].outlet} has no link in this brief."
    if index is not None and Section(section) is Section.QUOTES:
        source_id = brief.quotes[index].source
        if not source_id:
            return "This quote names no source, so there is no link to open."
        source = brief.source(source_id)
        return f"The quote's source, {source.outlet if source else source_id}, has no link in this brief."
    return "Nothing to open here: o opens a source's link, or the source of a quote."


def refusal(url: str | None) -> str | None:
    """Why ``url`` is not opened, in a sentence; None when it may be."""
    if not url:
        return "Nothing to open here: o opens a source's link, or the source of a quote."
    if has_credentials(url):
        return f"Not opened: “{url}” carries a user name or password."
    if not is_web_link(url):
        return f"Not opened: only http and https links open, not “{url}”."
    return None


def shown_url(url: str) -> str:
    """The URL for a message, with its host in ``xn--`` form when the name is not plain ASCII."""
    host = shown_host(url)
    return f"{url} (host {host})" if host is not None else url
