"""Recovery copies: kept while unsaved, found after a real crash, gone after a clean save or close."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from briefing.paths import recovery_folder
from briefing.recovery import RecoverySession, orphaned_copies
from tests.conftest import ROOT
from tests.helpers import small_briefing


def test_live_session_is_not_offered_for_recovery(briefing_home: Path) -> None:
    folder = recovery_folder()
    assert folder == briefing_home / "recovery"
    session = RecoverySession(folder, Path("/docs/meeting.briefing"))
    session.write(small_briefing())
    assert session.has_copy
    assert orphaned_copies(folder) == []  # its lock is held by this process
    session.discard()
    assert not session.has_copy
    assert list(folder.iterdir()) == []


def test_no_folder_no_copies(tmp_path: Path) -> None:
    assert orphaned_copies(tmp_path / "missing") == []


def test_latest_write_wins(briefing_home: Path) -> None:
    session = RecoverySession(recovery_folder())
    briefing = small_briefing()
    session.write(briefing)
    briefing.title.en = "Second version"
    session.write(briefing)
    from briefing.storage import load

    assert load(session.copy_path).title.en == "Second version"
    session.discard()


CHILD = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {root!r})
    from pathlib import Path
    from briefing.model import Briefing, Bilingual
    from briefing.paths import recovery_folder
    from briefing.recovery import RecoverySession
    session = RecoverySession(recovery_folder(), Path(sys.argv[1]) if sys.argv[1] != "-" else None)
    session.write(Briefing(title=Bilingual(ko="복구할 문서", en="Unsaved work")))
    print("written", flush=True)
    if sys.argv[2] == "clean":
        session.discard()
        print("closed", flush=True)
    time.sleep(60)
    """
)


def _editor(tmp_path: Path, document: str, ending: str) -> subprocess.Popen[str]:
    script = tmp_path / "editor.py"
    script.write_text(CHILD.format(root=str(ROOT)), "utf-8")
    return subprocess.Popen([sys.executable, str(script), document, ending], stdout=subprocess.PIPE, text=True)


def test_copy_of_a_killed_editor_is_found_on_next_start(tmp_path: Path) -> None:
    editor = _editor(tmp_path, "/docs/meeting.briefing", "crash")
    assert editor.stdout is not None and editor.stdout.readline().strip() == "written"
    assert orphaned_copies(recovery_folder()) == []  # still running: not an orphan
    editor.send_signal(signal.SIGKILL)
    editor.wait()
    editor.stdout.close()
    (entry,) = orphaned_copies(recovery_folder())
    assert entry.document_path == Path("/docs/meeting.briefing")
    assert entry.load().title.ko == "복구할 문서"
    entry.discard()
    assert orphaned_copies(recovery_folder()) == []


def test_untitled_document_is_recoverable_too(tmp_path: Path) -> None:
    editor = _editor(tmp_path, "-", "crash")
    assert editor.stdout is not None and editor.stdout.readline().strip() == "written"
    editor.send_signal(signal.SIGKILL)
    editor.wait()
    editor.stdout.close()
    (entry,) = orphaned_copies(recovery_folder())
    assert entry.document_path is None
    assert entry.load().title.en == "Unsaved work"


def test_clean_close_leaves_nothing_to_recover(tmp_path: Path) -> None:
    editor = _editor(tmp_path, "/docs/meeting.briefing", "clean")
    assert editor.stdout is not None
    assert [editor.stdout.readline().strip() for _ in range(2)] == ["written", "closed"]
    editor.send_signal(signal.SIGKILL)
    editor.wait()
    editor.stdout.close()
    assert orphaned_copies(recovery_folder()) == []


def test_damaged_metadata_still_offers_the_copy(briefing_home: Path) -> None:
    session = RecoverySession(recovery_folder(), Path("/docs/x.briefing"))
    session.write(small_briefing())
    session._lock.close()  # type: ignore[union-attr]  # as if the process had died
    (recovery_folder() / f"{session.key}.json").write_text("{broken", "utf-8")
    (entry,) = orphaned_copies(recovery_folder())
    assert entry.document_path is None
    assert entry.load().title.en == "Test meeting"
