"""A library as a static website for colleagues: ``briefing site DIR -o OUT``.

The site is an index of every brief (a table that sorts and filters in the browser, with one small script the
page's Content-Security-Policy allows by its hash and nothing else; without the script, the table is whole and in
its order), the pending board, the agenda, and a page per brief: the HTML export's page, with the same escaping
and link rules (nothing from a brief runs, nothing is loaded from outside the site). Every page is one file with
its style inside; links between pages are relative, so the folder can be opened from disk or served anywhere.

Published atomically: the site is written whole into a new folder beside the last one, and ``OUT`` — a symbolic
link — is then moved to it in one step; a reader sees the old site or the new one, never half of either. A second
run takes the pages of unchanged briefs from the last site (by each brief's digest) instead of writing them again.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing import __version__
from briefing.export.html import CSP, STYLE, page_head, to_html
from briefing.library.boards import COLUMNS, BoardRow, pending_cells, stop_cells, stop_window
from briefing.library.views import AgendaHeading, TodayLine
from briefing.present.ages import Thresholds
from briefing.present.wording import day
from briefing.system.sanitize import escaped

if TYPE_CHECKING:
    from briefing.library.entries import IndexedBrief
    from briefing.library.store import Store

MANIFEST = "briefing-site.json"
"""In each site: which page holds which brief, and the digest of what the brief said then."""
PAGE = re.compile(r"briefs/[a-z0-9-]{1,80}\.html")
"""What a brief page's name looks like: a manifest naming anything else is not trusted."""

SITE_STYLE = (
    STYLE
    + """
body { max-width: 80rem; }
nav.site { display: flex; flex-wrap: wrap; gap: 1rem; padding: .5rem 0; border-bottom: 1px solid var(--rule); }
nav.site a[aria-current] { font-weight: bold; text-decoration: none; color: inherit; }
.scroll { overflow-x: auto; }
.scroll table { min-width: 44rem; }
.scroll td:first-child { white-space: nowrap; }
th button { font: inherit; font-weight: bold; background: none; border: 0; padding: 0; cursor: pointer;
            color: inherit; }
th[aria-sort=ascending] button::after { content: " ▲"; }
th[aria-sort=descending] button::after { content: " ▼"; }
#filter { font: inherit; width: 100%; max-width: 30rem; margin: .5rem 0 1rem; padding: .3rem .5rem; }
.problem { color: #c62828; }
.today { font-weight: bold; border-top: 3px solid var(--accent); padding-top: .3rem; }
.past { color: var(--muted); }
"""
)

SCRIPT = """\
(function () {
  var table = document.getElementById("library");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var box = document.getElementById("filter");
  var count = document.getElementById("count");
  box.hidden = false;
  function filter() {
    var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.textContent.toLowerCase();
      row.hidden = !words.every(function (word) { return text.indexOf(word) >= 0; });
      if (!row.hidden) { shown += 1; }
    });
    count.textContent = words.length ? shown + " of " + rows.length + " briefs" : rows.length + " briefs";
  }
  box.addEventListener("input", filter);
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  heads.forEach(function (head, column) {
    head.querySelector("button").addEventListener("click", function () {
      var down = head.getAttribute("aria-sort") === "ascending";
      heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
      head.setAttribute("aria-sort", down ? "descending" : "ascending");
      function key(row) {
        var cell = row.cells[column];
        return cell.getAttribute("data-sort") || cell.textContent.toLowerCase();
      }
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        return (x < y ? -1 : x > y ? 1 : 0) * (down ? -1 : 1);
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  filter();
})();
"""
SCRIPT_CSP = CSP.replace(
    "default-src 'none';",
    f"default-src 'none'; script-src 'sha256-{base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()}';",
)
"""The index's policy: its own script runs (by its hash), and nothing else, not even a script of the same text
put in the page by a brief (it would be escaped as text first)."""


class SiteError(Exception):
    """The site cannot be written where asked; nothing was changed there."""


@dataclass
class Built:
    """What a run did: pages written, pages taken from the last site, briefs with problems (listed, no page)."""

    written: int = 0
    kept: int = 0
    with_problems: int = 0
    pages: dict[str, dict[str, str]] = field(default_factory=dict)


def _text(value: str) -> str:
    return escape(value, quote=True)


def page_name(path: str) -> str:
    """The brief's page, by its file: its name's letters and digits, and a hash of the whole path (unique)."""
    stem = re.sub(r"[^a-z0-9]+", "-", os.path.basename(path).lower().removesuffix(".toml"))[:60].strip("-")
    return f"briefs/{stem or 'brief'}-{hashlib.sha256(path.encode('utf-8', 'surrogateescape')).hexdigest()[:10]}.html"


def _nav(current: str, up: str = "") -> str:
    links = [("index.html", "Library"), ("pending.html", "Pending board"), ("agenda.html", "Agenda")]
    parts = [
        f'<a href="{up}{href}"{" aria-current=page" if href == current else ""}>{label}</a>' for href, label in links
    ]
    return f'<nav class="site">{"".join(parts)}</nav>'


def _page(title: str, current: str, body: list[str], csp: str = CSP) -> str:
    head = [*page_head(title, csp, SITE_STYLE), _nav(current), "<main>"]
    return "\n".join([*head, *body, "</main>", "</body>", "</html>"]) + "\n"


def _link(entry: IndexedBrief, text: str | None = None) -> str:
    return f'<a href="{page_name(entry.path)}">{_text(text if text is not None else entry.title)}</a>'


# -- the pages ------------------------------------------------------------------------------------------------------


def index_page(entries: Iterable[IndexedBrief], today: dt.date | None) -> str:
    names = [column.name for column in COLUMNS["library"][1:]]
    head = "".join(f"<th><button type=button>{_text(name)}</button></th>" for name in names)
    rows: list[str] = []
    for entry in entries:
        iso, shown = (entry.as_of.isoformat(), day(entry.as_of)) if entry.as_of else ("", "")
        as_of = f'<td data-sort="{iso}">{shown}</td>'
        if not entry.ok:
            problem = entry.problems[0].message
            count = len(entry.problems)
            what = f"{_text(entry.title)} · {_text(escaped(entry.path))}: {count} problem{'s' if count != 1 else ''} — "
            rows.append(f'<tr>{as_of}<td class="problem" colspan="5">⚠ {what}{_text(problem)}</td></tr>')
            continue
        stop = entry.next_stop(today)
        next_stop = f"{stop.place}, {stop_window(stop)}" if stop else ""
        rows.append(
            f"<tr>{as_of}<td>{_link(entry)}</td><td>{_text(entry.category or '')}</td>"
            f"<td>{_text(', '.join(entry.tags))}</td>"
            f'<td data-sort="{len(entry.pending):06d}">{len(entry.pending) or ""}</td><td>{_text(next_stop)}</td></tr>'
        )
    body = [
        "<h1>Library</h1>",
        f'<p class="meta" id="count">{len(rows)} briefs</p>',
        '<input id="filter" type="search" placeholder="Filter: words in any column" aria-label="Filter" hidden>',
        '<div class="scroll">',
        f'<table id="library"><thead><tr>{head}</tr></thead><tbody>',
        *rows,
        "</tbody></table>",
        "</div>",
        f"<script>{SCRIPT}</script>",
    ]
    return _page("Library", "index.html", body, SCRIPT_CSP)


def _table(view: str, rows: list[str]) -> list[str]:
    head = "".join(f"<th>{_text(column.name)}</th>" for column in COLUMNS[view])
    return [
        '<div class="scroll">',
        f"<table><thead><tr>{head}</tr></thead><tbody>",
        *rows,
        "</tbody></table>",
        "</div>",
    ]


def _row(cells: tuple[str, ...], entry: IndexedBrief) -> str:
    *rest, title = cells
    tds = "".join(f"<td>{_text(text)}</td>" for text in rest)
    return f"<tr>{tds}<td>{_link(entry, title)}</td></tr>"


def pending_page(rows: Iterable[BoardRow], today: dt.date | None, thresholds: Thresholds) -> str:
    lines = []
    for row in rows:
        assert row.entry is not None and row.item is not None
        lines.append(_row(pending_cells(row.entry, row.item, today, thresholds), row.entry))  # type: ignore[arg-type]
    body = ["<h1>Pending board</h1>", f'<p class="meta">{len(lines)} pending confirmations, oldest first</p>']
    return _page("Pending board", "pending.html", [*body, *_table("pending", lines)])


def agenda_page(rows: Iterable[BoardRow], today: dt.date | None, agenda_today: dt.date | None) -> str:
    body = ["<h1>Agenda</h1>"]
    lines: list[str] = []

    def close() -> None:
        if lines:
            body.extend(_table("agenda", lines))
            lines.clear()

    for row in rows:
        if isinstance(row.marker, AgendaHeading):
            close()
            body.append(f"<h2{' class=past' if row.marker.past else ''}>{_text(row.marker.label)}</h2>")
        elif isinstance(row.marker, TodayLine):
            close()
            body.append(f'<p class="today" id="today">{"Today" if today else "As of"} {day(row.marker.today)}</p>')
        else:
            assert row.entry is not None and row.item is not None
            lines.append(_row(stop_cells(row.entry, row.item, agenda_today), row.entry))  # type: ignore[arg-type]
    close()
    if any('id="today"' in line for line in body):
        body.insert(1, '<p class="meta"><a href="#today">To today</a></p>')
    return _page("Agenda", "agenda.html", body)


# -- building and publishing ----------------------------------------------------------------------------------------


def _previous_pages(previous: Path | None) -> dict[str, dict[str, str]]:
    """The last site's pages by brief, as its manifest says; only names that look like ours (a cache is data)."""
    if previous is None:
        return {}
    try:
        manifest = json.loads((previous / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(manifest, dict) or manifest.get("generator") != _generator():
        return {}
    pages = manifest.get("pages")
    if not isinstance(pages, dict):
        return {}
    return {
        path: value
        for path, value in pages.items()
        if isinstance(value, dict)
        and isinstance(value.get("digest"), str)
        and isinstance(value.get("page"), str)
        and PAGE.fullmatch(value["page"])
    }


def _generator() -> str:
    """What a page depends on besides its brief: pages made by another version of briefing are made again."""
    return f"briefing {__version__} {hashlib.sha256((SITE_STYLE + STYLE).encode()).hexdigest()[:12]}"


def _in_order(store: Store, today: dt.date | None) -> list[IndexedBrief]:
    """Every brief, as the library lists it first: those with problems, then the newest first."""
    from briefing.library import queries
    from briefing.library.boards import BATCH

    ids = queries.ordered(store, 0, today)
    entries: list[IndexedBrief] = []
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        found = queries.briefs(store, batch)
        entries += [found[brief_id] for brief_id in batch if brief_id in found]
    return entries


def build_site(
    store: Store, folder: Path, previous: Path | None, today: dt.date | None, thresholds: Thresholds
) -> Built:
    """Write the whole site into the empty ``folder``; pages of briefs unchanged since ``previous`` are linked
    from it rather than made again."""
    from briefing.format.load import load_path
    from briefing.library import boards, queries

    built = Built()
    old = _previous_pages(previous)
    (folder / "briefs").mkdir()
    digests = {known.path: known.digest for known in queries.known(store)}
    entries = _in_order(store, today)
    for entry in entries:
        if not entry.ok:
            built.with_problems += 1
            continue
        page = page_name(entry.path)
        digest = digests.get(entry.path, "")
        was = old.get(entry.path)
        if previous is not None and was is not None and was["digest"] == digest and was["page"] == page:
            with contextlib.suppress(OSError):
                os.link(previous / page, folder / page)
                built.kept += 1
                built.pages[entry.path] = {"digest": digest, "page": page}
                continue
        brief = load_path(entry.path).brief
        if brief is None:  # changed since the index read it: listed, its page comes with the next run
            continue
        (folder / page).write_text(to_html(brief, _nav("", "../"), style=SITE_STYLE), encoding="utf-8")
        built.written += 1
        built.pages[entry.path] = {"digest": digest, "page": page}
    (folder / "index.html").write_text(index_page(entries, today), encoding="utf-8")
    pending = boards.board_rows(store, "pending", queries.pending_ordered(store, 0)[0])
    (folder / "pending.html").write_text(pending_page(pending, today, thresholds), encoding="utf-8")
    agenda_today = today or queries.library_today(store)
    agenda = queries.agenda_of(store, agenda_today, 0)
    stops = boards.board_rows(store, "stops", agenda.keys, agenda)
    (folder / "agenda.html").write_text(agenda_page(stops, today, agenda_today), encoding="utf-8")
    manifest = {"generator": _generator(), "pages": built.pages}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return built


def publish(out: Path, build: Callable[[Path, Path | None], Any]) -> Any:
    """Run ``build`` into a new folder beside the last site, then move ``out`` (a symbolic link) to it in one
    step, and remove the last site. ``out`` that is something else (a file, a folder of its own) is refused."""
    versions = out.parent / f".{out.name}.sites"
    previous: Path | None = None
    if out.is_symlink():
        target = Path(os.path.realpath(out))
        if target.parent != Path(os.path.realpath(versions)):
            raise SiteError(f"{out} links somewhere briefing did not write a site: give another -o, or remove it")
        previous = target if target.is_dir() else None
    elif out.exists():
        if not out.is_dir() or any(out.iterdir()):
            raise SiteError(f"{out} is there and is not a site briefing wrote: give another -o, or remove it")
        out.rmdir()  # an empty folder: nothing to lose
    versions.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix="site-", dir=versions))
    try:
        result = build(new, previous)
        new.chmod(0o755)
        link = versions / f".link-{new.name}"
        os.symlink(os.path.relpath(new, out.parent), link)
        os.replace(link, out)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    for old in versions.iterdir():
        if old != new and old.is_dir() and not old.is_symlink():
            shutil.rmtree(old, ignore_errors=True)
    return result
