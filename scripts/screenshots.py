"""Make the screenshots in docs/screenshots/ from the example briefing, in English and in Korean.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py
    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python scripts/screenshots.py   # the same, on X11
    .venv/bin/python scripts/screenshots.py review-grid qa-panel   # only the pictures whose names start so

Runs offscreen unless QT_QPA_PLATFORM says otherwise (a Korean font must be installed, as ./dev arranges)
and writes PNG files:

    main-window-{en,ko}.png            the composer at 1440×860, the * note selected
    meeting-card-{en,ko}.png           its meeting-card tab
    main-window-{en,ko}-1366.png       the same at 1366×768 (a laptop screen)
    meeting-card-{en,ko}-1366.png
    main-window-{en,ko}-1024.png       the same at 1024×600, the preview shown (F9 hides it): nothing cut off
    meeting-card-{en,ko}-1024.png
    meeting-card-invalid-{en,ko}.png   1366×768, an end date before the start date typed in: the field marked,
                                       its tooltip painted in
    review-note-{en,ko}.png            1366×768, the note flagged for review (with a reason) after an approval:
                                       the review note above the editors
    terms-panel-{en,ko}.png            1366×768, the opening paragraph: terms marked in both editors, the Terms panel
    termbases-{en,ko}.png              Tools → Terminology…: the shipped termbase searched for "준장"
    memory-panel-{en,ko}.png           1366×768, the example learned by the memory (saved once), then the opening
                                       paragraph changed to the 24th meeting: the Memory panel's 99 % match, diff
    qa-panel-{en,ko}.png               1366×768, the opening paragraph's Korean made to say 제24차: the QA panel, the
                                       error chosen (its span selected in both editors), the badge in the outline
    review-import-{en,ko}.png          1366×768, File → Import review… of an XLIFF exported from the example and edited
                                       as a reviewer would: the dialog of what it changes, with word diffs and notices
    import-preview-{en,ko}.png         1366×768, File → Import… of a Korean report in CP949 (Korean interface) or an
                                       English release (English interface): the draft's card, sections and items
                                       beside the report (recognised, with confidence; not understood; set apart)
    compare-{en,ko}.png                1366×768, File → Compare with… the example, from a copy with an item added, one
                                       moved and the opening paragraph made the 24th meeting: the report with diffs
    review-grid-{en,ko}.png            1366×768, the Review tab: three translations edited since approval, one flagged
                                       with a reason, the QA warning and the open comment; filtered to the items
                                       needing attention, sorted by number, the progress line below
    changed-source-{en,ko}.png         1366×768, the opening paragraph machine-translated, edited, approved, then its
                                       source changed to the 24th meeting: both word diffs in the item editor

    .venv/bin/python scripts/screenshots.py changed-source   # only the changed-source pictures

termbases-office-ko.png (1366×768, Tools → Terminology… with the office store chosen, a drafter connected over TCP)
needs a PostgreSQL server: tests/ui/test_terms_office.py makes it on its private server when BRIEFING_SCREENSHOTS
is set (BRIEFING_SCREENSHOTS=1 .venv/bin/python -m pytest tests/ui/test_terms_office.py -k korean).

Reproducible: every window gets a fresh data folder (BRIEFING_HOME in a temporary folder, so the user's
settings, window state and recent files are neither read nor written), a fixed author, a fixed clock for
the approval and the flag, and a fixed time zone (Korean: Asia/Seoul, English: America/New_York) in which
the comment, flag and approval times are shown.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

EXAMPLE = ROOT / "examples" / "scwg-23.briefing"
ITEM = "item-ttx-note"  # the * note, with its reviewer's comment
OPENING = "item-convened"  # the opening paragraph: the meeting, its date and place, full of official names
LAPTOP = (1366, 768)
LARGE = (1440, 860)
SMALL = (1024, 600)  # the smallest screen the composer is made for
ZONES = {"ko": "Asia/Seoul", "en": "America/New_York"}
REVIEWERS = {"ko": "김지현", "en": "Jordan Lee"}
APPROVED_AT = datetime(2024, 11, 8, 3, 20, tzinfo=UTC)
FLAGGED_AT = datetime(2024, 11, 8, 4, 5, tzinfo=UTC)
REVIEW_NOTES = {
    "ko": "‘정식 참여’ 시점을 원문과 다시 대조해 주십시오.",
    "en": "Please check the date of the formal participation against the original.",
}
REASONS = {
    "ko": "‘2025년 1월’이 TTX 참여 시점인지 JCO 셀 시점인지 원문 확인 필요",
    "en": "Check against the original whether January 2025 refers to the JCO Cell",
}


IMPORTED = {  # the documents File → Import… is shown reading (a report as a drafter gets it, a press release)
    "ko": """제23차 한미 국방우주정책 실무협의회(SCWG) 결과 보고

□ 개요
  ○ 일시: 2024. 11. 7.(목) 14:00(현지시각)
  ○ 장소: 미국 워싱턴 D.C.
  ○ 수석대표: 국방부 전략사령부 창설지원TF장 박희정(육군 준장) / 미 국방부 우주정책 부차관보 데이비드 볼랜드
□ 주요 내용
  ○ 양측은 △우주정책, △연습·훈련, △인력교류 분야의 협력 방안을 논의했다.
    - 북한의 ICBM 발사를 유엔 안보리 결의 위반으로 규탄했다.
  ○ 양측은 한국의 JCO 참여에 합의했다.
  ※ 첫 연습은 2025년 상반기에 실시할 예정이다.
회의 후 만찬이 이어짐
□ 향후 계획
  ○ 2025년 4월: 연합우주과정 국내 개설
끝.
""",
    "en": """FOR IMMEDIATE RELEASE
Korea-U.S. Space Cooperation Working Group Holds 23rd Meeting
The Ministry of National Defense and the U.S. Department of Defense held the 23rd Korea-U.S. Space Cooperation \
Working Group (SCWG) in Washington, D.C., on November 7, 2024 (local time).
The meeting was co-chaired by Park Hee-jeong, head of the Strategic Command Inauguration Task Force, and David \
Vorland, Deputy Assistant Secretary of Defense.
The two sides condemned the recent ICBM launch by North Korea.
They agreed on Korea's participation in the Joint Commercial Operations Cell (JCO).
* Korea will join the TTX in January 2025.
A working dinner followed
Media contact: press@example.mil
###
""",
}


def settle(app, rounds: int = 6) -> None:  # type: ignore[no-untyped-def]
    """Let the window lay itself out: QTest.qWait runs the event loop from C++ (a Python loop of processEvents()
    aborts on PySide6 6.12, which drops a reference to None on every call)."""
    from PySide6.QtTest import QTest

    QTest.qWait(50 * rounds)


def main() -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication, QToolTip, QWidget

    from briefing import edits
    from briefing import settings as config
    from briefing.model import Language, TargetOrigin
    from ui.app import create_application
    from ui.i18n import set_ui_language
    from ui.main_window import SIDE_MEMORY, SIDE_QA, SIDE_TERMS, TAB_CARD, TAB_ITEM, MainWindow
    from ui.tasks import run_now

    app = create_application()
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    homes = tempfile.TemporaryDirectory(prefix="briefing-screenshots-")

    only = sys.argv[1:]

    def save(image, name: str) -> None:  # type: ignore[no-untyped-def]
        if only and not any(name.startswith(prefix) for prefix in only):
            return
        target = out / f"{name}.png"
        if not image.save(str(target)):
            raise SystemExit(f"could not write {target}")
        print(target.relative_to(ROOT))

    def open_window(language: str, size: tuple[int, int]) -> MainWindow:
        """A window on the example in a fresh data folder, in `language`, `size` big, the note selected."""
        home = Path(tempfile.mkdtemp(dir=homes.name))
        os.environ["BRIEFING_HOME"] = str(home)
        config.update(author=REVIEWERS[language], ui_language=language)
        os.environ["TZ"] = ZONES[language]
        time.tzset()
        set_ui_language(app, language)
        window = MainWindow(runner=run_now)
        window.move(0, 0)
        window.resize(*size)
        window.show()
        if not window.open_file(EXAMPLE):
            raise SystemExit(f"could not open {EXAMPLE}")
        window.select(ITEM)
        settle(app)
        return window

    def shoot(window: MainWindow, tab: int, name: str, before: Callable[[], None] | None = None) -> None:
        window.centre.setCurrentIndex(tab)
        window.preview_pane.refresh()
        settle(app)
        if before is not None:
            before()
        save(window.grab(), name)

    def close(window: MainWindow) -> None:
        QToolTip.hideText()
        window.document.undo_stack.setClean()  # no "save changes?" question
        window.close()
        window.deleteLater()
        settle(app, 2)

    for language in ("en", "ko"):
        # A source changed after approval: what changed, word by word, against the approved source; the Korean
        # a person edited, against the machine's suggestion.
        window = open_window(language, LAPTOP)
        window.select(OPENING)
        opening = window.document.briefing.item(OPENING)
        machine = opening.text.ko.replace("개최했다", "열었다")
        window.document.apply(
            edits.ApplyTranslations(
                [edits.Translation(OPENING, Language.KO, machine, TargetOrigin.MACHINE, opening.source_text)]
            )
        )
        window.document.apply(edits.set_text(OPENING, Language.KO, opening.text.ko.replace("열었다", "개최했다")))
        window.document.apply(edits.approve(OPENING, REVIEWERS[language], at=APPROVED_AT))
        changed = opening.text.en.replace("23rd", "24th").replace("November 7", "November 14")
        window.document.apply(edits.set_text(OPENING, Language.EN, changed))
        settle(app)
        if not (
            window.item_editor.review_strip.reference.isVisible()
            and window.item_editor.review_strip.suggestion_diff.isVisible()
        ):
            raise SystemExit("the word diffs are not shown for a changed source")
        shoot(window, TAB_ITEM, f"changed-source-{language}")
        close(window)
        if only and all(prefix.startswith("changed-source") for prefix in only):
            continue  # the rest takes minutes

        # The composer as before, at 1440×860, and at the size of a laptop screen.
        for size, suffix in ((LARGE, ""), (LAPTOP, "-1366"), (SMALL, "-1024")):
            window = open_window(language, size)
            shoot(window, TAB_ITEM, f"main-window-{language}{suffix}")
            shoot(window, TAB_CARD, f"meeting-card-{language}{suffix}")
            close(window)

        # A rule broken in the meeting card: the end date before the start date, typed in and left.
        window = open_window(language, LAPTOP)
        window.centre.setCurrentIndex(TAB_CARD)
        settle(app)
        card = window.card_editor
        card.end.setFocus()
        card.end.setText("2024-11-06")
        card.end.editingFinished.emit()
        settle(app)
        if not card.end.property("invalid"):
            raise SystemExit("the end date before the start date was not marked")
        # The tooltip is a window of its own: show it by the field, then paint it onto the window's picture.
        # (The status bar says "Not changed: …" with the same reason, as it does for 8 seconds.)
        anchor = card.end.mapToGlobal(QPoint(card.end.width() // 3, card.end.height()))
        QToolTip.showText(anchor, card.end.toolTip(), card.end)
        settle(app)
        picture = window.grab()
        tips = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.inherits("QTipLabel")]
        if tips:
            painter = QPainter(picture)
            tip = tips[0]
            # Just below the field, a third of the way in: where Qt puts it on X11 (offscreen, whose screen
            # is 800×600, it would be pushed to the left), kept inside the window.
            below = card.end.mapTo(window, QPoint(card.end.width() // 3, card.end.height() + 2))
            below.setX(max(0, min(below.x(), window.width() - tip.width())))
            painter.drawPixmap(below, tip.grab())
            painter.end()
        else:
            print("warning: no tooltip window appeared; the picture shows the marked field only", file=sys.stderr)
        save(picture, f"meeting-card-invalid-{language}")
        close(window)

        # A flag for review on an approved item: the review note says who flagged it, when and why.
        window = open_window(language, LAPTOP)
        reviewer = REVIEWERS[language]
        window.actions_["flagAction"].trigger()  # the Edit-menu action works …
        flagged = window.document.briefing.item(ITEM).flag
        if flagged is None or flagged.by != reviewer:
            raise SystemExit(f"Mark for review did not flag the item (flag: {flagged!r})")
        window.document.undo_stack.undo()  # … and is replaced by one at a fixed time, with a reason
        window.document.apply(edits.approve(ITEM, "Briefing Studio example", at=APPROVED_AT))
        window.document.apply(edits.flag(ITEM, reviewer, REASONS[language], at=FLAGGED_AT))
        settle(app)
        if not window.item_editor.review_strip.review_note.isVisible():
            raise SystemExit("the review note is not shown for a flagged item")
        shoot(window, TAB_ITEM, f"review-note-{language}")
        close(window)

        # The opening paragraph's terms: marked in both editors and listed in the Terms panel.
        window = open_window(language, LAPTOP)
        window.select(OPENING)
        window.side.setCurrentIndex(SIDE_TERMS)
        window.terms.panel.show_item(window.item_editor.item)
        settle(app)
        shoot(window, TAB_ITEM, f"terms-panel-{language}")
        close(window)

        # The termbase manager on the shipped termbase, searched for the rank that differs by service.
        window = open_window(language, LAPTOP)
        manager = window.terms.open_termbase_manager()
        manager.resize(1100, 560)
        manager.chooser.setCurrentIndex(manager.chooser.findText(manager.chooser.itemText(manager.chooser.count() - 1)))
        manager.search.setText("준장")
        settle(app)
        save(manager.grab(), f"termbases-{language}")
        manager.reject()
        close(window)

        # The memory: the example saved once (every approved item learned), then the opening paragraph
        # rewritten for the next meeting; the panel offers the 23rd meeting's translation with the numbers put in.
        window = open_window(language, LAPTOP)
        if not window.save_to(Path(os.environ["BRIEFING_HOME"]) / "scwg-23.briefing"):
            raise SystemExit("could not save the example (to teach the memory)")
        opening = window.document.briefing.item(OPENING)
        window.select(OPENING)
        window.document.apply(edits.set_text(OPENING, Language.EN, opening.text.en.replace("23rd", "24th")))
        window.side.setCurrentIndex(SIDE_MEMORY)
        window.memory_panel.show_item(window.item_editor.item)
        settle(app, 12)
        shoot(window, TAB_ITEM, f"memory-panel-{language}")
        close(window)

        # QA: a number changed in the Korean of the opening paragraph; the error chosen in the QA panel.
        window = open_window(language, LAPTOP)
        opening = window.document.briefing.item(OPENING)
        window.document.apply(edits.set_text(OPENING, Language.KO, opening.text.ko.replace("제23차", "제24차")))
        window.qa.rerun()
        window.side.setCurrentIndex(SIDE_QA)
        settle(app)
        panel = window.qa.panel
        errors = [f for f in panel.model.rows if f.code == "qa.numbers_differs"]
        if not errors:
            raise SystemExit("the planted number was not found by the QA checks")
        panel.view.setCurrentIndex(panel.model.index(panel.model.rows.index(errors[0]), 3))
        window.qa.jump(errors[0])
        settle(app)
        save(window.grab(), f"qa-panel-{language}")
        close(window)

        # Review outside the application: an XLIFF exported, edited as a reviewer would, imported.
        window = open_window(language, LAPTOP)
        xlf = Path(os.environ["BRIEFING_HOME"]) / "scwg-23.en-ko.xlf"
        window.review_files.export(xlf, "xliff")
        reviewed = reviewed_xliff(xlf, language)
        shown_dialogs: list[QWidget] = []
        window.review_files.review_read.connect(shown_dialogs.append)
        window.review_files.import_review(reviewed)
        settle(app)
        window.statusBar().clearMessage()  # "Wrote … for review" names a temporary folder
        settle(app)
        if not shown_dialogs:
            raise SystemExit("the review import dialog did not open")
        save(over(window, shown_dialogs[0], (1000, 640)), f"review-import-{language}")
        shown_dialogs[0].close()
        close(window)

        # Importing an existing document: the preview of the draft with its report, before anything changes.
        window = open_window(language, LAPTOP)
        source = Path(os.environ["BRIEFING_HOME"]) / ("결과보고.txt" if language == "ko" else "readout.txt")
        source.write_bytes(IMPORTED[language].encode("cp949" if language == "ko" else "utf-8"))
        previews: list[QWidget] = []
        window.importing.preview_shown.connect(previews.append)
        window.importing.import_files([source])
        settle(app)
        if not previews:
            raise SystemExit("the import preview did not open")
        save(over(window, previews[0], (1100, 660)), f"import-preview-{language}")
        previews[0].close()
        close(window)

        # Two versions compared: the example against a copy with an item added, one moved, the opening changed.
        window = open_window(language, LAPTOP)
        newer = changed_copy(Path(os.environ["BRIEFING_HOME"]))
        if not window.open_file(newer, ask=False):
            raise SystemExit(f"could not open {newer}")
        compared: list[QWidget] = []
        window.comparison.compared.connect(compared.append)
        window.comparison.compare_with(EXAMPLE)
        settle(app)
        if not compared:
            raise SystemExit("the compare dialog did not open")
        save(over(window, compared[0], (1100, 680)), f"compare-{language}")
        compared[0].close()
        close(window)

        # The review grid: a few items edited since their approval, one flagged; the items needing attention.
        window = open_window(language, LAPTOP)
        briefing = window.document.briefing
        for item_id in ("item-co-chairs", "item-jco", "item-training"):
            ko = briefing.item(item_id).text.ko
            window.document.apply(edits.set_text(item_id, Language.KO, ko.replace("했다", "하였다", 1) + " "))
        window.document.apply(edits.flag(ITEM, REVIEWERS[language], REASONS[language], at=FLAGGED_AT))
        window.qa.rerun()
        settle(app)
        window.review_mode.show_grid()
        grid = window.review
        grid.status_box.setCurrentIndex(1)  # needing attention
        grid.select("item-jco")
        settle(app)
        if grid.model.rowCount() < 4:
            raise SystemExit(f"the review grid shows {grid.model.rowCount()} items needing attention, not 5")
        save(window.grab(), f"review-grid-{language}")
        close(window)

    homes.cleanup()


def over(window, dialog, size: tuple[int, int]):  # type: ignore[no-untyped-def]
    """The window's picture with a dialog painted over its middle (offscreen, a dialog is a window of its own)."""
    from PySide6.QtGui import QColor, QPainter

    dialog.resize(*size)
    picture = window.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 60))
    left, top = (window.width() - size[0]) // 2, (window.height() - size[1]) // 2
    painter.drawPixmap(left, top, dialog.grab())
    painter.end()
    return picture


def reviewed_xliff(path: Path, language: str) -> Path:
    """The exported file as a reviewer returns it: two targets edited, an approval taken back, a note added,
    and a source edited (which the import reports and does not apply)."""
    from lxml import etree

    from briefing.exchange.xliff import XLIFF

    ns = {"x": XLIFF}
    root = etree.fromstring(path.read_bytes())
    units = {unit.get("id"): unit for unit in root.iterfind(".//x:unit", ns)}

    def target(unit: str, old: str, new: str) -> None:
        element = units[unit].find("x:segment/x:target", ns)
        if element is None or old not in (element.text or ""):
            raise SystemExit(f"{unit}: '{old}' is not in the exported target")
        element.text = (element.text or "").replace(old, new)

    target("item-jco", "참여에 합의했다", "참여에 최종 합의했다")
    target("item-icbm", "공동으로 규탄했다", "공동으로 강력히 규탄했다")
    segment = units["item-ttx"].find("x:segment", ns)
    notes = units["item-ttx-note"].find("x:notes", ns)
    source = units["item-training"].find("x:segment/x:source", ns)
    if segment is None or notes is None or source is None:
        raise SystemExit("the exported XLIFF is not as the screenshot expects")
    segment.set("state", "translated")
    etree.SubElement(notes, f"{{{XLIFF}}}note", category="comment").text = REVIEW_NOTES[language]
    source.text = (source.text or "") + " (edited)"
    out = path.with_name("scwg-23.reviewed.xlf")
    out.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    return out


def changed_copy(folder: Path) -> Path:
    """The example as a later version: an item added, the closing moved up, the opening made the 24th meeting."""
    from briefing.model import Bilingual, Item, Language
    from briefing.storage import load, save

    briefing = load(EXAMPLE)
    opening = briefing.item(OPENING)
    opening.set_text(Language.EN, opening.text.en.replace("23rd", "24th").replace("November 7", "November 14"))
    opening.set_text(Language.KO, opening.text.ko.replace("제23차", "제24차").replace("11월 7일", "11월 14일"))
    first = briefing.sections[0]
    briefing.add_item(
        first.id,
        Item(
            text=Bilingual(
                en="The two sides agreed to hold the next meeting in Seoul in 2025.",
                ko="양측은 차기 회의를 2025년 서울에서 개최하기로 합의했다.",
            )
        ),
    )
    closing = briefing.item("item-closing")
    section = next(s for s in briefing.sections if closing in s.items)
    section.items.remove(closing)
    section.items.insert(0, closing)
    path = folder / "scwg-24.briefing"
    save(briefing, path)
    return path


if __name__ == "__main__":
    main()
