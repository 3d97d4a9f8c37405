"""The static site built in this process (``briefing.export.site``): page names, the pages' rows, the manifest a
second run trusts or not, building with the last site's pages, and publishing in one step."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.export import site
from briefing.export.site import (
    MANIFEST,
    SCRIPT_CSP,
    SiteError,
    agenda_page,
    build_site,
    index_page,
    page_name,
    pending_page,
    publish,
)
from briefing.library import queries
from briefing.library.boards import board_rows
from briefing.library.index import Library
from briefing.present.ages import Thresholds
from tests.conftest import DATA, MINIMAL_BRIEF
from tests.test_boards import TODAY, library  # noqa: F401 (the fixture)
from tests.test_library import built


def digest10(path: str) -> str:
    return hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest()[:10]


@pytest.mark.parametrize(
    ("path", "stem"),
    [
        ("/b/2024-06-12 Putin's Visit.toml", "2024-06-12-putin-s-visit"),
        ("/b/--A__b--.TOML", "a-b"),
        ("/b/東京.toml", "brief"),
        ("/b/.toml", "brief"),
        ("/b/" + "x" * 70 + ".toml", "x" * 60),
        ("/b/" + "a" * 59 + " b.toml", "a" * 59),
    ],
)
def test_a_page_is_named_by_the_files_letters_and_a_hash_of_its_path(path: str, stem: str) -> None:
    assert page_name(path) == f"briefs/{stem}-{digest10(path)}.html"


def test_a_page_name_of_a_path_not_utf8_hashes_its_bytes() -> None:
    raw = b"/b/\xff.toml"
    assert page_name(os.fsdecode(raw)) == f"briefs/brief-{hashlib.sha256(raw).hexdigest()[:10]}.html"


def pages_of(library: Library) -> tuple[str, str, str]:  # noqa: F811
    entries = site._in_order(library.store, TODAY)
    pending = board_rows(library.store, "pending", queries.pending_ordered(library.store, 0)[0])
    agenda = queries.agenda_of(library.store, TODAY, 0)
    stops = board_rows(library.store, "stops", agenda.keys, agenda)
    return (index_page(entries, TODAY), pending_page(pending, TODAY, Thresholds()),
            agenda_page(stops, TODAY, TODAY))  # fmt: skip


def test_the_pages_list_every_brief_item_and_stop_linked_to_its_page(library: Library) -> None:  # noqa: F811
    index, pending, agenda = pages_of(library)
    folder = Path(library.roots[0])
    visit, trade = page_name(str(folder / "visit.toml")), page_name(str(folder / "trade.toml"))
    assert f'content="{SCRIPT_CSP}"' in index or SCRIPT_CSP in index
    assert '<p class="meta" id="count">2 briefs</p>' in index
    assert f'<a href="{visit}">The visit</a>' in index and f'<a href="{trade}">Trade talks</a>' in index
    assert '<a href="index.html" aria-current=page>Library</a>' in index
    assert '<p class="meta">3 pending confirmations, oldest first</p>' in pending
    assert "<tr><td>1 May 2024</td><td>50 days ‼</td><td>The dates of the visit</td><td>Kremlin, MFA</td>" in pending
    assert '<a href="pending.html" aria-current=page>Pending board</a>' in pending
    assert agenda.index('<h1>Agenda</h1>\n<p class="meta"><a href="#today">To today</a></p>') > 0
    assert "<h2>Week of 17 Jun 2024</h2>" in agenda, "not over: its last day is after today"
    assert "<h2>Week of 24 Jun 2024</h2>" in agenda and "<h2>No dates reported</h2>" in agenda
    assert '<p class="today" id="today">Today 20 Jun 2024</p>' in agenda
    assert agenda.count("<table>") == 3
    assert f'<td>Hanoi</td><td>very likely</td><td></td><td><a href="{visit}">The visit</a></td>' in agenda
    later = dt.date(2024, 7, 1)
    agenda_rows = queries.agenda_of(library.store, later, 0)
    as_of = agenda_page(board_rows(library.store, "stops", agenda_rows.keys, agenda_rows), None, later)
    assert '<p class="today" id="today">As of 1 Jul 2024</p>' in as_of
    assert "<h2 class=past>Week of 17 Jun 2024</h2>" in as_of and "<h2 class=past>Week of 24 Jun 2024</h2>" in as_of


def test_an_agenda_without_a_today_line_has_no_link_to_it() -> None:
    page = agenda_page([], TODAY, TODAY)
    assert "To today" not in page and "<table>" not in page


def write_manifest(folder: Path, value: object) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MANIFEST).write_text(json.dumps(value), encoding="utf-8")


def test_the_last_sites_manifest_is_trusted_only_as_far_as_it_looks_like_ours(tmp_path: Path) -> None:
    previous = tmp_path / "previous"
    good = {"digest": "abc", "page": "briefs/a-0123456789.html"}
    assert site._previous_pages(None) == {}
    assert site._previous_pages(previous) == {}, "no manifest"
    previous.mkdir()
    (previous / MANIFEST).write_text("not json", encoding="utf-8")
    assert site._previous_pages(previous) == {}
    write_manifest(previous, ["a list"])
    assert site._previous_pages(previous) == {}
    write_manifest(previous, {"generator": "another", "pages": {"/a.toml": good}})
    assert site._previous_pages(previous) == {}
    write_manifest(previous, {"generator": site._generator(), "pages": ["a list"]})
    assert site._previous_pages(previous) == {}
    write_manifest(previous, {"generator": site._generator(), "pages": {
        "/a.toml": good, "/b.toml": {"digest": "x", "page": "../../etc/passwd"}, "/c.toml": "page",
        "/d.toml": {"digest": 1, "page": "briefs/d-0123456789.html"}, "/e.toml": {"digest": "x", "page": 2},
        "/f.toml": {"page": "briefs/f.html"},
    }})  # fmt: skip
    assert site._previous_pages(previous) == {"/a.toml": good}


def test_publish_moves_the_link_to_a_whole_new_site_and_removes_the_last(tmp_path: Path) -> None:
    out = tmp_path / "site"

    def build(text: str) -> Callable[[Path, Path | None], object]:
        def into(folder: Path, previous: Path | None) -> object:
            (folder / "index.html").write_text(text, encoding="utf-8")
            return previous

        return into

    assert publish(out, build("one")) is None
    first = Path(os.path.realpath(out))
    assert out.is_symlink() and (out / "index.html").read_text(encoding="utf-8") == "one"
    assert oct(first.stat().st_mode & 0o777) == oct(0o755)
    assert publish(out, build("two")) == first, "the last site is given to the build"
    assert (out / "index.html").read_text(encoding="utf-8") == "two" and not first.exists()
    versions = tmp_path / ".site.sites"
    assert [path.name for path in versions.iterdir()] == [Path(os.path.realpath(out)).name]

    def failing(folder: Path, previous: Path | None) -> None:
        (folder / "half.html").write_text("half", encoding="utf-8")
        raise RuntimeError("the build failed")

    with pytest.raises(RuntimeError):
        publish(out, failing)
    assert (out / "index.html").read_text(encoding="utf-8") == "two"
    assert len(list(versions.iterdir())) == 1, "the half-built folder is removed"


def test_publish_refuses_an_out_it_did_not_write(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "keep.txt").write_text("precious", encoding="utf-8")
    with pytest.raises(SiteError, match=r"is there and is not a site briefing wrote"):
        publish(mine, lambda folder, previous: None)
    afile = tmp_path / "file.html"
    afile.write_text("precious", encoding="utf-8")
    with pytest.raises(SiteError, match=r"is there and is not a site briefing wrote"):
        publish(afile, lambda folder, previous: None)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.symlink_to(mine)
    with pytest.raises(SiteError, match=r"links somewhere briefing did not write a site"):
        publish(elsewhere, lambda folder, previous: None)
    assert (mine / "keep.txt").read_text(encoding="utf-8") == "precious"
    assert afile.read_text(encoding="utf-8") == "precious"
    empty = tmp_path / "empty"
    empty.mkdir()
    publish(empty, lambda folder, previous: None)
    assert empty.is_symlink()


def test_a_second_build_links_the_pages_of_unchanged_briefs(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "a.toml").write_text(MINIMAL_BRIEF.replace('"Minimal"', '"A"'), encoding="utf-8")
    (folder / "b.toml").write_text(MINIMAL_BRIEF.replace('"Minimal"', '"B"'), encoding="utf-8")
    (folder / "broken.toml").write_text("[brief\n", encoding="utf-8")
    small = Library([folder], tmp_path / "cache")
    built(small)
    out = tmp_path / "site"
    first = publish(out, lambda new, previous: build_site(small.store, new, previous, TODAY, Thresholds()))
    assert (first.written, first.kept, first.with_problems) == (2, 0, 1)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["generator"] == site._generator()
    assert set(manifest["pages"]) == {str(folder / "a.toml"), str(folder / "b.toml")}
    for path, value in manifest["pages"].items():
        assert value["page"] == page_name(path) and (out / value["page"]).is_file()
    for name in ("index.html", "pending.html", "agenda.html"):
        assert (out / name).is_file()
    (folder / "b.toml").write_text(MINIMAL_BRIEF.replace('"Minimal"', '"B again"'), encoding="utf-8")
    built(small)
    second = publish(out, lambda new, previous: build_site(small.store, new, previous, TODAY, Thresholds()))
    assert (second.written, second.kept, second.with_problems) == (1, 1, 1)
    assert "B again" in (out / page_name(str(folder / "b.toml"))).read_text(encoding="utf-8")
    assert (out / page_name(str(folder / "a.toml"))).stat().st_nlink == 1, "the last site (its other link) is gone"
    third = publish(out, lambda new, previous: build_site(small.store, new, None, TODAY, Thresholds()))
    assert (third.written, third.kept) == (2, 0), "without the last site, every page is written"


def test_a_built_site_is_each_page_as_its_maker_makes_it(library: Library, tmp_path: Path) -> None:  # noqa: F811
    from briefing.export.html import to_html
    from briefing.export.site import SITE_STYLE, _nav
    from briefing.format.load import load_path

    folder = Path(library.roots[0])
    (folder / "broken.toml").write_text("[brief\n", encoding="utf-8")
    (folder / "second broken.toml").write_text("[brief\n", encoding="utf-8")
    built(library)
    out = tmp_path / "site"
    result = publish(out, lambda new, previous: build_site(library.store, new, previous, TODAY, Thresholds()))
    assert (result.written, result.kept, result.with_problems) == (2, 0, 2)
    entries = site._in_order(library.store, TODAY)
    assert (out / "index.html").read_text(encoding="utf-8") == index_page(entries, TODAY)
    pending = board_rows(library.store, "pending", queries.pending_ordered(library.store, 0)[0])
    assert (out / "pending.html").read_text(encoding="utf-8") == pending_page(pending, TODAY, Thresholds())
    agenda = queries.agenda_of(library.store, TODAY, 0)
    stops = board_rows(library.store, "stops", agenda.keys, agenda)
    assert (out / "agenda.html").read_text(encoding="utf-8") == agenda_page(stops, TODAY, TODAY)
    for name in ("visit.toml", "trade.toml"):
        brief = load_path(folder / name).brief
        assert brief is not None
        page = out / page_name(str(folder / name))
        assert page.read_text(encoding="utf-8") == to_html(brief, _nav("", "../"), style=SITE_STYLE)
    digests = {known.path: known.digest for known in queries.known(library.store)}
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["pages"] == {
        path: {"digest": digests[path], "page": page_name(path)} for path in digests
    }
    again = publish(out, lambda new, previous: build_site(library.store, new, previous, TODAY, Thresholds()))
    assert (again.written, again.kept, again.with_problems) == (0, 2, 2)
    assert again.pages == result.pages
    undated = publish(out, lambda new, previous: build_site(library.store, new, previous, None, Thresholds()))
    agenda = queries.agenda_of(library.store, queries.library_today(library.store), 0)
    stops = board_rows(library.store, "stops", agenda.keys, agenda)
    latest = queries.library_today(library.store)
    assert (out / "agenda.html").read_text(encoding="utf-8") == agenda_page(stops, None, latest)
    assert (out / "index.html").read_text(encoding="utf-8") == index_page(site._in_order(library.store, None), None)
    assert undated.kept == 2


def test_a_page_the_last_site_lost_is_written_again(library: Library, tmp_path: Path) -> None:  # noqa: F811
    out = tmp_path / "site"
    publish(out, lambda new, previous: build_site(library.store, new, previous, TODAY, Thresholds()))
    folder = Path(library.roots[0])
    (out / page_name(str(folder / "visit.toml"))).unlink()
    again = publish(out, lambda new, previous: build_site(library.store, new, previous, TODAY, Thresholds()))
    assert (again.written, again.kept) == (1, 1)
    assert set(again.pages) == {str(folder / "visit.toml"), str(folder / "trade.toml")}
    assert all(value == {"digest": value["digest"], "page": value["page"]} for value in again.pages.values())


def test_a_site_can_be_published_into_a_folder_not_made_yet(tmp_path: Path) -> None:
    out = tmp_path / "not" / "made" / "site"
    publish(out, lambda folder, previous: (folder / "index.html").write_text("x", encoding="utf-8"))
    assert (out / "index.html").read_text(encoding="utf-8") == "x"


def golden(name: str) -> str:
    """A page's expected text, page names and the library's folder written as PAGE-name and TMP."""
    return (DATA / "site" / f"{name}.html").read_text(encoding="utf-8")


def test_each_page_whole(library: Library) -> None:  # noqa: F811
    from briefing.export.html import CSP, page_head
    from briefing.export.site import SCRIPT, SITE_STYLE

    folder = Path(library.roots[0])
    (folder / "broken.toml").write_text("[brief\n", encoding="utf-8")
    built(library)
    index, pending, agenda = pages_of(library)
    for title, page, csp, body in (
        ("Library", index, SCRIPT_CSP, golden("index_body") + f"<script>{SCRIPT}</script>" + golden("index_tail")),
        ("Pending board", pending, CSP, golden("pending_body")),
        ("Agenda", agenda, CSP, golden("agenda_body")),
    ):
        for name in ("visit", "trade", "broken"):
            page = page.replace(page_name(str(folder / f"{name}.toml")), f"PAGE-{name}")
        page = page.replace(str(folder.parent), "TMP")
        assert page == "\n".join(page_head(title, csp, SITE_STYLE)) + "\n" + body, title


def test_the_index_says_each_briefs_tags_pending_count_and_problems() -> None:
    from briefing.format.model import Problem
    from briefing.library.entries import IndexedBrief

    two = (Problem("/b/x.toml", "first"), Problem("/b/x.toml", "second"))
    entries = [
        IndexedBrief("/b/x.toml", 1, 1, "X", None, None, (), two, (), ()),
        IndexedBrief("/b/y.toml", 1, 1, "Y", TODAY, "Diplomacy", ("one", "two"), (), (), ()),
    ]
    page = index_page(entries, TODAY)
    assert "⚠ X · /b/x.toml: 2 problems — first</td></tr>" in page
    assert (f'<td><a href="{page_name("/b/y.toml")}">Y</a></td><td>Diplomacy</td><td>one, two</td>'
            '<td data-sort="000000"></td><td></td></tr>') in page  # fmt: skip


def test_publishing_goes_on_when_a_last_site_cannot_be_removed_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"

    def write(name: str) -> Callable[[Path, Path | None], object]:
        return lambda folder, previous: (folder / name).write_text(name, encoding="utf-8")

    publish(out, write("one.html"))
    real_unlink = os.unlink

    def unlink(path: str | os.PathLike[str], *args: object, **kwargs: object) -> None:
        if os.path.basename(path) in ("one.html", "half.html"):
            raise PermissionError(13, "Permission denied", str(path))
        real_unlink(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "unlink", unlink)
    publish(out, write("two.html"))
    assert (out / "two.html").is_file(), "published though the last site could not all go"

    def failing(folder: Path, previous: Path | None) -> None:
        (folder / "half.html").write_text("half", encoding="utf-8")
        raise RuntimeError("the build failed")

    with pytest.raises(RuntimeError, match="the build failed"):
        publish(out, failing)
    assert (out / "two.html").is_file()


def test_a_brief_changed_since_the_index_read_it_waits_for_the_next_run(
    library: Library,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from briefing.format import load

    folder = Path(library.roots[0])
    real = load.load_path

    def load_path(path: str | os.PathLike[str], *args: object, **kwargs: object) -> object:
        result = real(path, *args, **kwargs)  # type: ignore[arg-type]
        return dataclasses.replace(result, brief=None) if Path(path).name == "trade.toml" else result

    monkeypatch.setattr(load, "load_path", load_path)
    done = build_site(library.store, tmp_path, None, TODAY, Thresholds())
    assert (done.written, set(done.pages)) == (1, {str(folder / "visit.toml")})


def test_a_library_larger_than_a_batch_is_listed_whole(tmp_path: Path) -> None:
    from briefing.library.boards import BATCH

    folder = tmp_path / "lib"
    folder.mkdir()
    for number in range(BATCH + 2):
        (folder / f"{number:04d}.toml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    many = Library([folder], tmp_path / "cache")
    built(many)
    assert len(site._in_order(many.store, TODAY)) == BATCH + 2
