"""The data folder: BRIEFING_HOME, and a clear error when it cannot be used."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.paths import DataFolderError, check_data_home, data_home


def test_the_data_folder_is_created_and_proved_writable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_HOME", str(tmp_path / "new" / "home"))
    assert check_data_home() == data_home() == tmp_path / "new" / "home"
    assert data_home().is_dir() and list(data_home().iterdir()) == []  # the probe file is gone


def test_an_unusable_data_folder_says_where_and_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BRIEFING_HOME", str(blocker / "home"))
    with pytest.raises(DataFolderError) as caught:
        check_data_home()
    assert str(caught.value) == (
        f"the data folder {blocker / 'home'} cannot be used (Not a directory); "
        "set BRIEFING_HOME to a folder you can write to"
    )
    assert blocker.read_text() == "not a folder"
