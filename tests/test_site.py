"""`briefing site`: the library as a static website, written in one step and again incrementally, and loaded in a
real headless browser (Debian's chromium and chromedriver, driven by Selenium): no console error, no request
outside the site, links that work, a table that sorts and filters, and a hostile brief whose page runs nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from tests.conftest import MINIMAL_BRIEF
from tests.test_library import make_library

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
PWN = "document.documentElement.setAttribute('data-pwned', 'yes')"
ATTACKS = [
    f"<script>{PWN}</script>",
    f'<img src="https://example.org/x.png" onerror="{PWN}">',
    f'"><svg onload="{PWN}">',
    '<iframe src="https://example.org/"></iframe>',
]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120, stdin=subprocess.DEVNULL)  # fmt: skip


def hostile_brief() -> dict[str, Any]:
    attack = " ".join(ATTACKS)
    return {
        "schema_version": 1,
        "brief": {"title": f"Hostile {attack}", "as_of": "2024-06-12", "category": attack, "tags": [attack]},
        "summary": {"bluf": attack, "key_points": [attack],
                    "body": f"{attack}\n\n[click](javascript:{PWN}) ![x](https://example.org/y.png)\n"},
        "confirmations": [{"id": "c", "what": attack, "awaited_from": [attack], "status": "pending",
                           "since": "2024-06-01"}],
        "itinerary": [{"place": f"Hanoi {attack}", "country": attack, "start": "2024-06-20", "confirmation": "c"}],
        "sources": [{"id": "s", "outlet": attack, "url": "https://example.org/a?b=1&c=2"}],
    }  # fmt: skip


@pytest.fixture
def library(tmp_path: Path) -> Path:
    make_library(tmp_path / "lib", 12)
    text = tomli_w.dumps(hostile_brief()).replace('"2024-06-12"', "2024-06-12").replace('"2024-06-20"', "2024-06-20")
    (tmp_path / "lib" / "hostile.toml").write_text(text.replace('"2024-06-01"', "2024-06-01"), encoding="utf-8")
    (tmp_path / "lib" / "broken.toml").write_text(MINIMAL_BRIEF.replace('"Minimal"', '""'), encoding="utf-8")
    done = run("site", "lib", "-o", "public", "--today", "2024-06-20", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "wrote public/index.html: 13 brief pages written, 0 unchanged; 1 with problems, listed " \
                          "without a page\n"  # fmt: skip
    return tmp_path


def test_a_second_run_writes_only_what_changed_and_publishes_in_one_step(library: Path) -> None:
    first = Path(os.path.realpath(library / "public"))
    assert (library / "public").is_symlink() and first.parent.name == ".public.sites"
    changed = sorted((library / "lib").rglob("*-03.toml"))[0]
    changed.write_text(changed.read_text(encoding="utf-8").replace("Brief 3:", "Brief three:"), encoding="utf-8")
    done = run("site", "lib", "-o", "public", "--today", "2024-06-20", cwd=library)
    assert done.stderr.startswith("wrote public/index.html: 1 brief pages written, 12 unchanged")
    second = Path(os.path.realpath(library / "public"))
    assert second != first and not first.exists()  # the old site is gone once the new one is in its place
    assert "Brief three:" in (second / "index.html").read_text(encoding="utf-8")
    manifest = json.loads((second / "briefing-site.json").read_text(encoding="utf-8"))
    page = second / manifest["pages"][str(Path("lib") / changed.relative_to(library / "lib"))]["page"]
    assert "Brief three:" in page.read_text(encoding="utf-8")


def test_a_failed_run_leaves_the_old_site_as_it_was(library: Path) -> None:
    from briefing.export.site import publish

    before = Path(os.path.realpath(library / "public"))
    pages = {path: path.read_bytes() for path in before.rglob("*") if path.is_file()}

    def half_then_fail(folder: Path, previous: Path | None) -> None:
        assert previous == before
        (folder / "index.html").write_text("half a site", encoding="utf-8")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        publish(library / "public", half_then_fail)
    assert Path(os.path.realpath(library / "public")) == before
    assert {path: path.read_bytes() for path in before.rglob("*") if path.is_file()} == pages
    assert list((library / ".public.sites").iterdir()) == [before]  # the half-made site is gone


def test_a_folder_that_is_not_a_site_is_refused(tmp_path: Path) -> None:
    make_library(tmp_path / "lib", 2)
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "mine.txt").write_text("keep", encoding="utf-8")
    done = run("site", "lib", "-o", "public", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == "briefing site: error: public is there and is not a site briefing wrote: give another -o, " \
                          "or remove it\n"  # fmt: skip
    assert (tmp_path / "public" / "mine.txt").read_text(encoding="utf-8") == "keep"


# -- in a real browser ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    assert os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER), (
        "the site's browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)"
    )
    os.environ["SE_OFFLINE"] = "true"  # Selenium must not look for a driver on the network
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900"):  # fmt: skip
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def visit(browser: Any, url: str) -> tuple[list[str], list[str]]:
    """Load ``url``; the console's errors, and every URL the page asked for."""
    browser.get_log("browser")
    browser.get_log("performance")
    browser.get(url)
    errors = [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    requested = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requested.append(message["params"]["request"]["url"])
    return errors, requested


def test_every_page_loads_clean_and_asks_for_nothing_outside_the_site(library: Path, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    site = Path(os.path.realpath(library / "public"))
    pages = [site / "index.html", site / "pending.html", site / "agenda.html", *sorted((site / "briefs").iterdir())]
    assert len(pages) == 3 + 13
    for page in pages:
        errors, requested = visit(browser, page.as_uri())
        assert errors == [], (page.name, errors)
        assert requested and all(url.startswith(site.as_uri() + "/") for url in requested), (page.name, requested)
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("data-pwned") is None, page.name
    # The hostile brief's page shows the attacks as text, and ran none of them.
    visit(browser, (site / "index.html").as_uri())
    browser.find_element(By.PARTIAL_LINK_TEXT, "Hostile").click()
    assert browser.title.startswith("Hostile <script>")
    assert "<script>" + PWN + "</script>" in browser.find_element(By.TAG_NAME, "h1").text
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("data-pwned") is None
    assert not browser.find_elements(By.CSS_SELECTOR, "main script, main img, main svg, main iframe")
    links = [element.get_attribute("href") for element in browser.find_elements(By.CSS_SELECTOR, "main a[href]")]
    assert all(link.startswith(("https://", "http://", "file://")) for link in links), links


def test_links_between_pages_work_and_the_index_sorts_and_filters(library: Path, browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    site = Path(os.path.realpath(library / "public"))
    visit(browser, (site / "index.html").as_uri())

    def titles() -> list[str]:
        rows = browser.find_elements(By.CSS_SELECTOR, "#library tbody tr")
        return [row.find_elements(By.TAG_NAME, "td")[1].text for row in rows if row.is_displayed()
                and len(row.find_elements(By.TAG_NAME, "td")) > 2]  # fmt: skip

    listed = titles()
    assert len(listed) == 13
    browser.find_element(By.XPATH, "//th/button[text()='Title']").click()
    assert titles() == sorted(listed, key=str.lower)
    browser.find_element(By.XPATH, "//th/button[text()='Title']").click()
    assert titles() == sorted(listed, key=str.lower, reverse=True)
    browser.find_element(By.ID, "filter").send_keys("hanoi")
    kept = titles()
    assert 0 < len(kept) < len(listed)
    assert browser.find_element(By.ID, "count").text == f"{len(kept)} of 14 briefs"
    # A brief's page, and back through the site's links.
    browser.find_element(By.LINK_TEXT, kept[0]).click()
    assert browser.find_element(By.TAG_NAME, "h1").text == kept[0]
    browser.find_element(By.LINK_TEXT, "Pending board").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Pending board"
    browser.find_element(By.CSS_SELECTOR, "tbody a").click()
    assert "/briefs/" in browser.current_url
    browser.find_element(By.LINK_TEXT, "Agenda").click()
    assert browser.find_element(By.CSS_SELECTOR, "p.today").text == "Today 20 Jun 2024"
    # Pictures at a desktop's width and a phone's, to look at (kept beside the test's files).
    for width, height, name in ((1280, 900, "desktop"), (390, 844, "phone")):
        browser.set_window_size(width, height)
        for page in ("index.html", "agenda.html"):
            visit(browser, (site / page).as_uri())
            picture = tmp_path / f"{name}-{page}.png"
            assert browser.save_screenshot(str(picture)) and picture.read_bytes().startswith(b"\x89PNG")
        document_width = browser.execute_script("return document.documentElement.scrollWidth")
        assert document_width <= width  # wide tables scroll inside the page, not the page itself
    browser.set_window_size(1280, 900)


def test_an_exported_pages_dates_stay_whole_on_a_narrow_screen(browser: Any, tmp_path: Path) -> None:
    """The header's "As of 4 Mar 2024" and "updated 5 Mar 2024" wrap before or after, never inside."""
    from briefing.export.html import to_html
    from briefing.format.load import load_path
    from tests.conftest import DATA

    brief = load_path(DATA / "full.toml").brief
    assert brief is not None
    page = tmp_path / "full.html"
    page.write_text(to_html(brief), encoding="utf-8")
    lines_of = "return [...document.querySelectorAll('.meta .whole')].map(s => s.getClientRects().length)"
    split_when_free = 0
    try:
        for width in range(300, 520, 20):
            browser.set_window_size(width, 800)
            visit(browser, page.as_uri())
            assert browser.execute_script(lines_of) == [1, 1], width
            browser.execute_script("document.querySelectorAll('.whole').forEach(s => s.style.whiteSpace = 'normal')")
            split_when_free += any(count > 1 for count in browser.execute_script(lines_of))
    finally:
        browser.set_window_size(1280, 900)
    assert split_when_free, "at some of these widths a date would be split without it: the test can tell"
