"""The open brief's session, without Textual: following the file, reloading it, saving edits safely."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from briefing.format.diff import Changes
from briefing.format.load import load_path
from briefing.format.model import ConfirmationStatus
from briefing.session import NO_DATE, SETTLE_SECONDS, LookBack, Outcome, Session
from briefing.system.files import ConflictError
from tests.conftest import SEED

TITLE = "Putin Likely To Visit North Korea Next Week"


def opened(path: Path, today: dt.date | None = None) -> Session:
    return Session(path, load_path(path), today)


def touch(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def test_today_is_the_override_else_the_shown_briefs_as_of(brief_copy: Path) -> None:
    assert opened(brief_copy).today == dt.date(2024, 6, 12)
    assert opened(brief_copy, dt.date(2026, 11, 29)).today == dt.date(2026, 11, 29)
    assert Session().today == NO_DATE


def test_poll_waits_for_a_burst_of_saves_to_settle_and_then_asks_for_one_reload(brief_copy: Path) -> None:
    session = opened(brief_copy)
    assert session.poll(0.0) is False
    text = brief_copy.read_text(encoding="utf-8")
    asked = []
    now = 1.0
    for number in range(5):
        touch(brief_copy, text.replace(TITLE, f"Save {number} " + "x" * number))
        asked.append(session.poll(now))
        now += SETTLE_SECONDS / 2
    assert asked == [False] * 5, "no reload while the saves keep coming"
    assert session.poll(now) is False
    assert session.poll(now + SETTLE_SECONDS) is True
    assert session.reload().outcome is Outcome.LOADED
    assert session.poll(now + 10) is False, "one reload for the burst"
    assert session.result.brief is not None and session.result.brief.meta.title.startswith("Save 4")


def test_reload_keeps_the_last_good_version_and_reports_a_bad_or_missing_file(brief_copy: Path) -> None:
    session = opened(brief_copy)
    good = session.result
    text = brief_copy.read_text(encoding="utf-8")
    touch(brief_copy, text.replace("as_of = 2024-06-12", "as_of = 2024-13-01"))
    reloaded = session.reload()
    assert reloaded.outcome is Outcome.BROKEN and reloaded.problems
    assert session.result is good and session.latest.brief is None
    brief_copy.unlink()
    reloaded = session.reload()
    assert reloaded.outcome is Outcome.GONE and "is gone" in reloaded.problems[0].message
    assert session.result is good
    touch(brief_copy, text.replace("as_of = 2024-06-12", "as_of = 2024-06-20"))
    assert session.reload().outcome is Outcome.LOADED
    assert session.today == dt.date(2024, 6, 20), "today follows the new as_of"


def test_the_problems_on_disk_while_the_last_good_version_is_shown(brief_copy: Path) -> None:
    session = opened(brief_copy)
    assert not session.problems_on_disk
    text = brief_copy.read_text(encoding="utf-8")
    touch(brief_copy, text + "broken = [\n")
    session.reload()
    (problem,) = session.problems_on_disk
    assert problem.message.startswith("TOML syntax") and problem.line == text.count("\n") + 1
    brief_copy.unlink()
    session.reload()
    assert [(p.file, p.message) for p in session.problems_on_disk] == [
        (str(brief_copy), "is gone (deleted or moved); it is read again when it is back")
    ]
    brief_copy.mkdir()
    session.reload()
    assert [p.message for p in session.problems_on_disk] == ["is a directory, not a brief file"]
    brief_copy.rmdir()
    touch(brief_copy, text)
    session.reload()
    assert session.problems_on_disk == ()


def test_a_first_bad_version_has_no_problems_on_disk_beside_it(write_brief) -> None:  # type: ignore[no-untyped-def]
    session = opened(write_brief("schema_version = 1\n"))
    session.reload()
    assert session.result.problems and session.problems_on_disk == (), "its problems are the screen itself"


def test_a_first_bad_version_is_shown_until_a_good_one_comes(write_brief) -> None:  # type: ignore[no-untyped-def]
    path = write_brief("schema_version = 1\n")
    session = opened(path)
    assert session.result.brief is None
    shutil.copy(SEED, path)
    assert session.reload().outcome is Outcome.LOADED and session.result.brief is not None


def test_resolve_and_reopen_change_the_file(brief_copy: Path) -> None:
    session = opened(brief_copy)
    session.resolve("visit-dates", ConfirmationStatus.CONFIRMED, dt.date(2024, 6, 12), "The Kremlin said so.")
    session.reload()
    assert session.result.brief is not None
    assert session.result.brief.confirmations[0].status is ConfirmationStatus.CONFIRMED
    session.reopen("visit-dates")
    session.reload()
    reopened = session.result.brief
    assert reopened is not None and reopened.confirmations[0].status.value == "pending"
    assert brief_copy.read_bytes() == SEED.read_bytes()


def test_a_change_on_disk_between_read_and_save_is_refused(brief_copy: Path) -> None:
    session = opened(brief_copy)
    form_opened = session.fingerprint
    changed = brief_copy.read_text(encoding="utf-8").replace(TITLE, "Someone else's title")
    touch(brief_copy, changed)
    with pytest.raises(ConflictError, match="changed on disk since it was loaded"):
        session.resolve("visit-dates", ConfirmationStatus.DENIED, dt.date(2024, 6, 17), "No.", form_opened)
    assert brief_copy.read_text(encoding="utf-8") == changed


def test_close_stops_following_and_open_follows_another(brief_copy: Path, tmp_path: Path) -> None:
    session = opened(brief_copy)
    session.close()
    touch(brief_copy, "changed")
    assert session.poll(0.0) is False and session.poll(10.0) is False
    other = tmp_path / "other.toml"
    shutil.copy(SEED, other)
    result = session.open(other)
    assert result.brief is not None and session.path == other and session.watching
    os.utime(other, ns=(0, 0))
    assert session.poll(0.0) is False and session.poll(1.0) is True


def test_a_change_undone_before_it_settles_starts_the_wait_again(brief_copy: Path) -> None:
    session = opened(brief_copy)
    original = brief_copy.read_bytes()
    first = os.stat(brief_copy)
    changed = original.replace(TITLE.encode(), b"Changed for a moment")

    def write(data: bytes, mtime_ns: int) -> None:
        brief_copy.write_bytes(data)
        os.utime(brief_copy, ns=(mtime_ns, mtime_ns))

    write(changed, first.st_mtime_ns + 10**9)
    assert session.poll(0.0) is False
    write(original, first.st_mtime_ns)
    assert session.poll(0.01) is False, "back as it was: nothing to reload"
    write(changed, first.st_mtime_ns + 10**9)
    assert session.poll(0.06) is False, "the same change again waits to settle anew"
    assert session.poll(0.06 + SETTLE_SECONDS) is True


def test_a_version_seen_earlier_never_overwrites_one_seen_later(brief_copy: Path, tmp_path: Path) -> None:
    from briefing.library.read_state import ReadState

    state = ReadState(tmp_path / "state.sqlite3")
    session = Session(brief_copy, load_path(brief_copy))
    first = session.seen_now()
    brief_copy.write_text(brief_copy.read_text(encoding="utf-8").replace("as_of = 2024-06-12", "as_of = 2024-06-13"))
    session.reload()
    second = session.seen_now()
    assert first is not None and second is not None and first.order < second.order
    assert session.record_seen(state, second)
    assert not session.record_seen(state, first)  # its thread ran late: the later version stays
    assert state.seen(brief_copy).content == second.content  # type: ignore[union-attr]


def marked(session: Session) -> list[tuple[str, str]]:
    return [(change.section, change.key) for change in session.changes.items]


def test_the_readers_own_edits_are_not_changes_for_them_to_look_at(brief_copy: Path) -> None:
    """A colleague's changes since the reader last looked stay marked; the reader's c, d and p are not marked, and
    u puts the marks back as they were before the edit it takes back."""
    last_seen = load_path(brief_copy).brief
    assert last_seen is not None
    text = brief_copy.read_text(encoding="utf-8")
    touch(brief_copy, text.replace("an agenda is yet to be finalised", "the agenda is still open"))
    session = opened(brief_copy, today=dt.date(2024, 6, 20))
    assert session.looked_back(brief_copy, LookBack(last_seen))
    colleague = [("confirmations", "vietnam-agenda")]
    assert marked(session) == colleague

    session.resolve("visit-dates", ConfirmationStatus.CONFIRMED, dt.date(2024, 6, 14), "The Kremlin said so.")
    session.reload()
    assert "updated = 2024-06-14" in brief_copy.read_text(encoding="utf-8"), "the edit moved the brief's updated"
    assert marked(session) == colleague
    session.resolve("vietnam-agenda", ConfirmationStatus.DENIED, dt.date(2024, 6, 15), "Called off.")
    session.reload()
    assert marked(session) == [], "what the reader resolved they have seen"
    session.undo()
    session.reload()
    assert marked(session) == colleague, "the colleague's change is the reader's no more"
    session.undo()
    session.reload()
    assert marked(session) == colleague, "undone, the file is as before the edits, and so are the marks"
    assert brief_copy.read_text(encoding="utf-8") == text.replace(
        "an agenda is yet to be finalised", "the agenda is still open"
    )


def test_own_edits_before_the_look_back_is_found_are_not_marked_either(brief_copy: Path) -> None:
    last_seen = load_path(brief_copy).brief
    assert last_seen is not None
    session = opened(brief_copy)
    session.reopen("visit-dates")  # already pending: the file is written the same; nothing to mark anyway
    session.reload()
    session.resolve("visit-dates", ConfirmationStatus.DENIED, dt.date(2024, 6, 13), "No.")
    session.reload()
    assert session.looked_back(brief_copy, LookBack(last_seen))
    assert marked(session) == []
    assert [edit.what for edit in session.edits] == ["visit-dates pending again", "visit-dates denied"]
    assert session.undo().what == "visit-dates denied"
    session.reload()
    assert session.undo().what == "visit-dates pending again"
    session.reload()
    assert marked(session) == [] and brief_copy.read_bytes() == SEED.read_bytes()


def test_a_confirmation_added_since_the_reader_last_looked_is_seen_once_they_resolve_it(brief_copy: Path) -> None:
    session = opened(brief_copy)
    shown = session.brief
    assert shown is not None
    last_seen = replace(shown, confirmations=shown.confirmations[:1])  # before vietnam-agenda was added
    assert session.looked_back(brief_copy, LookBack(last_seen))
    assert marked(session) == [("confirmations", "vietnam-agenda")]
    session.resolve("vietnam-agenda", ConfirmationStatus.CONFIRMED, dt.date(2024, 6, 12), "Agreed.")
    session.reload()
    assert marked(session) == []
    brief = session.brief
    assert brief is not None and brief.confirmations[1].status is ConfirmationStatus.CONFIRMED


def test_own_edits_are_changes_since_a_revision_asked_for(brief_copy: Path) -> None:
    at_revision = load_path(brief_copy).brief
    assert at_revision is not None
    session = opened(brief_copy)
    assert session.looked_back(brief_copy, LookBack(at_revision, "since a1b2c3d"))
    session.resolve("visit-dates", ConfirmationStatus.DENIED, dt.date(2024, 6, 13), "No.")
    session.reload()
    assert marked(session) == [("brief", "updated"), ("confirmations", "visit-dates")]


def test_undoing_an_edit_made_before_the_brief_was_opened_again_is_the_readers_own(
    brief_copy: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.toml"
    shutil.copy(SEED, other)
    session = opened(brief_copy)
    session.resolve("visit-dates", ConfirmationStatus.DENIED, dt.date(2024, 6, 13), "No.")
    session.reload()
    session.open(other)
    assert session.reload().outcome is Outcome.LOADED
    session.open(brief_copy)
    assert session.changes == Changes(), "nothing to mark against until the look-back is found"
    seen_denied = session.brief
    assert seen_denied is not None
    assert session.looked_back(brief_copy, LookBack(seen_denied))
    session.undo()
    session.reload()
    assert brief_copy.read_bytes() == SEED.read_bytes()
    assert marked(session) == []


def test_an_edit_is_not_taken_as_the_readers_own_when_the_file_broke_before_it_was_read(brief_copy: Path) -> None:
    last_seen = load_path(brief_copy).brief
    assert last_seen is not None
    session = opened(brief_copy)
    assert session.looked_back(brief_copy, LookBack(last_seen))
    session.resolve("visit-dates", ConfirmationStatus.DENIED, dt.date(2024, 6, 13), "No.")
    saved = brief_copy.read_text(encoding="utf-8")
    touch(brief_copy, "this is not TOML [")
    assert session.reload().outcome is Outcome.BROKEN
    touch(brief_copy, saved.replace("Officials in Hanoi", "Officials in Hanoi and Moscow"))
    assert session.reload().outcome is Outcome.LOADED
    assert set(marked(session)) == {
        ("brief", "updated"),
        ("confirmations", "visit-dates"),
        ("confirmations", "vietnam-agenda"),
    }


def test_a_reload_says_what_it_found_in_full(brief_copy: Path) -> None:
    """A broken version comes with its text (the problems' lines are shown from it); a missing file is named."""
    session = opened(brief_copy)
    broken = brief_copy.read_text(encoding="utf-8").replace("as_of = 2024-06-12", "as_of = 2024-13-01")
    touch(brief_copy, broken)
    assert session.reload().text == broken
    assert session.seen_now() is None, "a broken version is not the one on screen: nothing to record as seen"
    brief_copy.unlink()
    (gone,) = session.reload().problems
    assert (gone.file, gone.message) == (
        str(brief_copy),
        "is gone (deleted or moved); it is read again when it is back",
    )


def test_the_bundled_brief_is_never_written(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.session import READ_ONLY, NothingToUndo
    from briefing.system.content import bundled_content_dir
    from briefing.system.files import SaveError

    bundled = next(bundled_content_dir().glob("*.toml"))
    before = bundled.read_bytes()
    session = opened(bundled)
    with pytest.raises(SaveError) as refused:
        session.resolve("visit-dates", ConfirmationStatus.CONFIRMED, dt.date(2024, 6, 12), "Said so.")
    assert str(refused.value) == READ_ONLY
    with pytest.raises(SaveError) as refused:
        session.reopen("visit-dates")
    assert str(refused.value) == READ_ONLY
    with pytest.raises(NothingToUndo, match=r"^Nothing to undo in .*2024-06-12-putin.*: no c, d or p this session$"):
        session.undo()
    assert bundled.read_bytes() == before


def test_an_edit_of_a_file_never_read_is_refused(tmp_path: Path) -> None:
    from briefing.format.load import LoadResult
    from briefing.system.files import SaveError

    path = tmp_path / "brief.toml"
    shutil.copy(SEED, path)
    session = Session(path, LoadResult(str(path), None))
    with pytest.raises(SaveError, match=r"^Nothing to save to: the file was not read\.$"):
        session.reopen("visit-dates")
    assert path.read_bytes() == SEED.read_bytes()


def test_a_session_follows_the_file_from_the_version_it_was_given(brief_copy: Path) -> None:
    """The stamp to compare with is the one the file had when it was read: a change made between reading it and
    opening the session is still seen; a file that has not changed since is never reloaded."""
    unchanged = opened(brief_copy)
    assert (unchanged.poll(0.0), unchanged.poll(1.0)) == (False, False)
    read = load_path(brief_copy)
    changed = brief_copy.read_text(encoding="utf-8").replace(TITLE, "Changed after it was read")
    touch(brief_copy, changed)
    os.utime(brief_copy, ns=(0, 0))
    session = Session(brief_copy, read)
    assert (session.poll(0.0), session.poll(1.0)) == (False, True)
    assert session.reload().outcome is Outcome.LOADED
    assert (session.poll(2.0), session.poll(3.0)) == (False, False), "read again: nothing more to reload"
    session.open(brief_copy)
    assert (session.poll(4.0), session.poll(5.0)) == (False, False), "opened: as read then"


def test_a_reload_or_close_leaves_no_change_waiting(brief_copy: Path) -> None:
    session = opened(brief_copy)
    touch(brief_copy, brief_copy.read_text(encoding="utf-8").replace(TITLE, "Another title"))
    os.utime(brief_copy, ns=(0, 0))
    session.poll(0.0)
    assert session.changing
    session.reload()
    assert not session.changing
    touch(brief_copy, brief_copy.read_text(encoding="utf-8").replace("Another title", "A third title"))
    session.poll(1.0)
    assert session.changing
    session.close()
    assert not session.changing and session.watching is False


def test_a_look_back_for_another_brief_is_refused(brief_copy: Path, tmp_path: Path) -> None:
    session = opened(brief_copy)
    other = load_path(SEED).brief
    assert not session.looked_back(tmp_path / "other.toml", LookBack(other))
    assert session.look_back == LookBack(None) and session.changes == Changes()


def test_changes_worked_out_off_the_screens_thread_are_taken_as_given(brief_copy: Path) -> None:
    from briefing.format.diff import Change, Kind, compare

    session = opened(brief_copy)
    shown = session.brief
    assert shown is not None
    last_seen = replace(shown, confirmations=shown.confirmations[:1])
    worked_out = Changes((Change("brief", "title", Kind.CHANGED),))
    assert worked_out != compare(last_seen, shown)
    assert session.looked_back(brief_copy, LookBack(last_seen, "since a1b2c3d"), (shown, worked_out))
    assert session.changes == replace(worked_out, since="since a1b2c3d")
    assert session.changes.since == "since a1b2c3d"


def test_a_version_recorded_twice_is_recorded_both_times(brief_copy: Path, tmp_path: Path) -> None:
    from briefing.library.read_state import ReadState

    state = ReadState(tmp_path / "state.sqlite3")
    session = opened(brief_copy)
    seen = session.seen_now()
    assert seen is not None
    assert session.record_seen(state, seen) and session.record_seen(state, seen)


def test_a_version_not_read_from_a_file_is_never_recorded_as_seen() -> None:
    from briefing.format.load import load_bytes

    result = load_bytes(SEED.read_bytes())
    assert result.brief is not None and result.fingerprint is None
    assert Session(SEED, result).seen_now() is None


def test_a_file_that_cannot_be_read_is_broken_not_gone(brief_copy: Path) -> None:
    session = opened(brief_copy)
    brief_copy.unlink()
    brief_copy.mkdir()
    reloaded = session.reload()
    assert reloaded.outcome is Outcome.BROKEN and reloaded.problems
    assert all("is gone" not in problem.message for problem in reloaded.problems)


def test_while_no_version_was_good_the_latest_bad_one_is_shown(write_brief) -> None:  # type: ignore[no-untyped-def]
    path = write_brief("schema_version = 1\n")
    session = opened(path)
    path.write_text("this is not TOML [", encoding="utf-8")
    reloaded = session.reload()
    assert reloaded.outcome is Outcome.BROKEN
    assert session.result is session.latest and session.result.problems == reloaded.problems


@pytest.mark.parametrize("edit", ["resolve", "reopen"])
def test_an_edit_is_refused_when_the_file_changed_since_the_form_opened(brief_copy: Path, edit: str) -> None:
    """The fingerprint given is the one checked, not the version shown since (read again while the form was open)."""
    session = opened(brief_copy)
    if edit == "reopen":
        session.resolve("visit-dates", ConfirmationStatus.CONFIRMED, dt.date(2024, 6, 12), "Said so.")
        session.reload()
    form_opened = session.fingerprint
    changed = brief_copy.read_text(encoding="utf-8").replace(TITLE, "Someone else's title")
    touch(brief_copy, changed)
    assert session.reload().outcome is Outcome.LOADED
    with pytest.raises(ConflictError):
        if edit == "resolve":
            session.resolve("visit-dates", ConfirmationStatus.DENIED, dt.date(2024, 6, 17), "No.", form_opened)
        else:
            session.reopen("visit-dates", form_opened)
    assert brief_copy.read_text(encoding="utf-8") == changed


def test_a_reopen_by_the_reader_is_not_a_change_for_them(brief_copy: Path) -> None:
    session = opened(brief_copy)
    session.resolve("visit-dates", ConfirmationStatus.CONFIRMED, dt.date(2024, 6, 12), "Said so.")
    session.reload()
    seen = session.brief
    assert seen is not None
    session.open(brief_copy)
    assert session.looked_back(brief_copy, LookBack(seen))
    session.reopen("visit-dates")
    session.reload()
    assert marked(session) == []


def test_undo_never_writes_the_bundled_brief() -> None:
    """Whatever the edits list holds: undo checks the file is not the package's own before it writes."""
    from briefing.format.status_edit import Saved
    from briefing.session import READ_ONLY, Edit
    from briefing.system.content import bundled_content_dir
    from briefing.system.files import SaveError, Stamp

    bundled = next(bundled_content_dir().glob("*.toml"))
    before = bundled.read_bytes()
    session = opened(bundled)
    session.edits.append(Edit(bundled, "visit-dates confirmed", Saved(before, before + b"\n", Stamp(0, 0, 0))))
    with pytest.raises(SaveError) as refused:
        session.undo()
    assert str(refused.value) == READ_ONLY
    assert bundled.read_bytes() == before


def test_the_look_back_is_the_version_last_seen_or_at_the_revision_asked_for(tmp_path: Path) -> None:
    from briefing.format.load import load_bytes
    from briefing.library.read_state import ReadState
    from briefing.session import empty_like, find_look_back
    from tests.git_fixtures import SEED_TEXT, brief_history, commit, git

    path = brief_history(tmp_path / "repo")
    shown = load_path(path).brief
    assert shown is not None
    assert find_look_back(path, shown, None, None) == LookBack(None), "nothing remembered, nothing asked"
    state = ReadState(tmp_path / "state.sqlite3")
    assert find_look_back(path, shown, state, None) == LookBack(shown), "never seen: from the version shown"
    seen = load_path(path)
    assert seen.fingerprint is not None and seen.brief is not None
    state.record(path, "digest", seen.fingerprint.data)
    touch(path, path.read_text(encoding="utf-8").replace(TITLE, "A later title"))
    later = load_path(path).brief
    assert later is not None
    assert find_look_back(path, later, state, None) == LookBack(seen.brief)

    first = git(path.parent, "rev-list", "--max-parents=0", "HEAD").strip()
    at_first = find_look_back(path, later, state, first)
    assert at_first.since == f"since {first[:7]}", "the commit named in full"
    assert find_look_back(path, later, state, first[:5]).since == f"since {first[:7]}", "or by a shorter hash"
    assert at_first.baseline == load_bytes(SEED_TEXT.encode()).brief
    at_tag = find_look_back(path, later, None, "HEAD~3")
    assert at_tag.since == f"since {git(path.parent, 'rev-parse', '--short=7', 'HEAD~3').strip()} (HEAD~3)"
    assert at_tag.baseline is not None and at_tag.baseline.confirmations[0].status is ConfirmationStatus.CONFIRMED

    newer = path.parent / "newer.toml"
    shutil.copy(SEED, newer)
    commit(path.parent, "A second brief", "2024-06-20T09:00:00+00:00")
    newer_brief = load_path(newer).brief
    assert newer_brief is not None
    before_it = find_look_back(newer, newer_brief, None, "HEAD~1")
    assert before_it.baseline == empty_like(newer_brief), "not there then: every part of it is new"
    assert before_it.baseline is not None and before_it.baseline.schema_version == newer_brief.schema_version
    assert (before_it.baseline.meta.title, before_it.baseline.meta.as_of) == ("", newer_brief.meta.as_of)
    assert (before_it.baseline.confirmations, before_it.baseline.summary.bluf) == ((), "")
