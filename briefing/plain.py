"""One item of a brief as plain text, to paste elsewhere (the app's ``y``), and the link an item leads to."""

from __future__ import annotations

import datetime as dt
import re

from briefing.model import Brief, ConfirmationStatus
from briefing.words import day, days, place, stop_window

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


def summary_text(brief: Brief) -> str:
    lines = [brief.meta.title, f"As of {day(brief.meta.as_of)}", "", brief.summary.bluf]
    if brief.summary.key_points:
        lines += ["", *(f"- {point}" for point in brief.summary.key_points)]
    return "\n".join(lines)


def item_text(brief: Brief, section: str, index: int, today: dt.date) -> str:
    """Item ``index`` of ``section`` as a few lines of plain text."""
    if section == "quotes":
        quote = brief.quotes[index]
        said_on = day(quote.said_on) if quote.said_on else ""
        who = ", ".join(part for part in (quote.speaker, quote.role, said_on) if part)
        lines = [f"“{quote.text}”", f"— {who}"]
        if quote.source:
            lines.append(f"Source: {', '.join(brief.outlets([quote.source]))}")
        return "\n".join(lines)
    if section == "confirmations":
        item = brief.confirmations[index]
        status = item.status.value.upper()
        if item.status is ConfirmationStatus.PENDING and (age := item.age_days(today)) is not None:
            status += f", {days(age)}"
        elif item.resolved_on:
            status += f" on {day(item.resolved_on)}"
        lines = [f"{item.what} [{status}]", f"Awaited from: {', '.join(item.awaited_from)}"]
        if item.since:
            lines.append(f"Reported since: {day(item.since)}")
        if item.reported_by:
            lines.append(f"Reported by: {', '.join(brief.outlets(item.reported_by))}")
        lines += [text for text in (item.note, item.resolution) if text]
        return "\n".join(lines)
    if section == "itinerary":
        stop = brief.itinerary[index]
        when = stop_window(stop) or "dates not reported"
        if stop.when:
            when += f" (“{stop.when}”)"
        lines = [place(stop), when]
        likelihood = [stop.certainty.words] if stop.certainty else []
        lines.append(", ".join([*likelihood, stop.status.value]))
        if stop.purpose:
            lines.append(stop.purpose)
        return "\n".join(lines)
    if section == "sources":
        source = brief.sources[index]
        head = source.outlet + (f": {source.title}" if source.title else "")
        if source.published:
            head += f", {day(source.published)}"
        return "\n".join([head, source.url] if source.url else [head])
    return summary_text(brief)


def item_link(brief: Brief, section: str, index: int) -> str | None:
    """The URL an item leads to: a source's, or the source of a quote; None when it has none."""
    if section == "sources":
        return brief.sources[index].url
    if section == "quotes":
        source_id = brief.quotes[index].source
        source = brief.source(source_id) if source_id else None
        return source.url if source else None
    return None


def body_links(markdown: str) -> list[tuple[str, str]]:
    """The links of a Markdown body, in order, as (text, URL): what `o` offers in the summary."""
    from markdown_it import MarkdownIt

    links: list[tuple[str, str]] = []
    for block in MarkdownIt("commonmark").parse(markdown):
        href: str | None = None
        text = ""
        for token in block.children or ():
            if token.type == "link_open":
                href, text = str(token.attrs.get("href", "")), ""
            elif token.type == "link_close" and href is not None:
                links.append((" ".join(text.split()) or href, href))
                href = None
            elif href is not None:
                text += token.content
    return links
