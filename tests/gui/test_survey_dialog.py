"""The satisfaction survey the citizen answers after a hand-over."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counterdesk.domain.lifecycle import Status
from counterdesk.domain.skm import QUESTIONS
from counterdesk.gui.context import Context
from counterdesk.gui.request_detail import RequestDetail
from counterdesk.gui.survey_dialog import SurveyDialog
from counterdesk.services.advance import advance
from counterdesk.services.survey import survey_index

from .conftest import press, type_text
from .test_request_detail import new_request

KEYS = {1: Qt.Key.Key_1, 2: Qt.Key.Key_2, 3: Qt.Key.Key_3, 4: Qt.Key.Key_4}


def answer_by_keys(dialog: SurveyDialog, scores: list[int]) -> None:
    for s in scores:
        target = dialog.focusWidget() or dialog
        type_key(target, s)


def type_key(widget: object, score: int) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QKeyEvent

    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, KEYS[score], Qt.KeyboardModifier.NoModifier, str(score))
        QCoreApplication.sendEvent(widget, event)  # type: ignore[arg-type]


def surveys(ctx: Context) -> int:
    """Answers given: waiting for their batch, or already in the log."""
    return int(
        ctx.reader.conn.execute(
            "SELECT (SELECT COUNT(*) FROM surveys) + (SELECT COUNT(*) FROM survey_pending)"
        ).fetchone()[0]
    )


def handed_over(qtbot: QtBot, ctx: Context) -> RequestDetail:
    view = new_request(ctx.reader, ctx.session)
    for status in ("in_progress", "ready"):
        view = advance(ctx.reader, ctx.session, view.receipt, status)
    detail = RequestDetail(ctx)
    qtbot.addWidget(detail)
    detail.show()
    detail.show_request(view)
    detail.buttons[Status.COLLECTED].click()
    return detail


def test_survey_is_offered_after_hand_over_and_stored(qtbot: QtBot, ctx: Context) -> None:
    detail = handed_over(qtbot, ctx)
    dialog = detail.survey_dialog
    assert dialog.isVisible()
    assert "KTPEL" in dialog.service.text()
    assert dialog.question.text() == QUESTIONS[0].question.id  # Indonesian
    assert "persyaratan" in dialog.question.text()
    assert "Sangat sesuai" in dialog.score_buttons[3].text()
    scores = [4, 3, 3, 4, 2, 3, 4, 4, 1]
    answer_by_keys(dialog, scores[:8])
    assert not dialog.send_button.isEnabled()  # one question left
    assert "sarana dan prasarana" in dialog.question.text()
    assert [b.text().split("\n")[1] for b in dialog.score_buttons] == [
        "Buruk",
        "Cukup",
        "Baik",
        "Sangat baik",
    ]
    answer_by_keys(dialog, scores[8:])
    assert dialog.send_button.isEnabled()
    type_text(dialog.comment, "Petugas ramah, antrean cepat ")
    dialog.send_button.click()
    assert not dialog.isVisible()
    # it waits for its batch (not next to the hand-over in the log) and counts at once
    row = ctx.reader.conn.execute("SELECT * FROM survey_pending").fetchone()
    assert row["service"] == "KTPEL" and json.loads(row["scores"]) == scores
    assert row["comment"] == "Petugas ramah, antrean cepat"
    result = survey_index(ctx.reader, service="KTPEL")
    assert result is not None and result.respondents == 1


def test_send_needs_every_answer(qtbot: QtBot) -> None:
    dialog = SurveyDialog("KTPEL — KTP-el")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    sent: list[tuple[list[int], str]] = []
    dialog.submitted.connect(lambda s, c: sent.append((s, c)))
    assert not dialog.send_button.isEnabled()
    for i in range(8):
        dialog.score_buttons[2].click()  # by touch
        assert not dialog.send_button.isEnabled(), i
    dialog.go_to(3)  # change an answer: still incomplete until the last one
    dialog.score_buttons[0].click()
    assert dialog.current == 4 and not dialog.send_button.isEnabled()
    dialog.accept()  # refused while incomplete
    assert sent == []
    dialog.go_to(8)
    dialog.score_buttons[3].click()
    assert dialog.send_button.isEnabled()
    assert dialog.focusWidget() is dialog.send_button  # Enter sends
    press(dialog.send_button, Qt.Key.Key_Return)
    assert sent == [([3, 3, 3, 1, 3, 3, 3, 3, 4], "")]


def test_skip_stores_nothing(qtbot: QtBot, ctx: Context) -> None:
    detail = handed_over(qtbot, ctx)
    dialog = detail.survey_dialog
    answer_by_keys(dialog, [4] * 9)
    dialog.skip_button.click()
    assert not dialog.isVisible()
    assert surveys(ctx) == 0


def test_survey_only_after_hand_over(qtbot: QtBot, ctx: Context) -> None:
    detail = RequestDetail(ctx)
    qtbot.addWidget(detail)
    detail.show_request(new_request(ctx.reader, ctx.session))
    detail.buttons[Status.IN_PROGRESS].click()
    detail.buttons[Status.READY].click()
    assert not hasattr(detail, "survey_dialog")


def test_english_elements(qtbot: QtBot) -> None:
    dialog = SurveyDialog("KTPEL — KTP-el", "en")
    qtbot.addWidget(dialog)
    assert dialog.question.text() == "Did the requirements fit the service you asked for?"
    assert "Requirements" in dialog.prompt.text()


def answers_shown(dialog: SurveyDialog) -> list[str]:
    return [b.text().split("\n", 1)[1] for b in dialog.score_buttons]


def test_each_question_has_its_own_answers_in_both_languages(qtbot: QtBot) -> None:
    """The regulation's nine questions, each with its four answers, asked by keys."""
    for language in ("id", "en"):
        dialog = SurveyDialog("KTPEL — KTP-el", language)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        seen = []
        for i, asked in enumerate(QUESTIONS):
            assert dialog.current == i
            assert dialog.question.text() == asked.question.get(language)
            assert dialog.prompt.text().startswith(asked.code)
            assert answers_shown(dialog) == [a.get(language) for a in asked.answers]
            seen.append((dialog.question.text(), tuple(answers_shown(dialog))))
            type_key(dialog.focusWidget() or dialog, 2)  # a QKeyEvent, not keyClicks
        assert len(set(seen)) == 9  # nine different questions
        assert dialog.send_button.isEnabled() and dialog.scores() == [2] * 9
    costs = dict(zip(("id", "en"), ([], []), strict=True))
    for language, shown in costs.items():
        dialog = SurveyDialog("KTPEL — KTP-el", language)
        qtbot.addWidget(dialog)
        dialog.go_to(3)  # U4, cost
        shown += answers_shown(dialog)
        dialog.go_to(7)  # U8, complaints
        shown += answers_shown(dialog)
    assert costs["id"] == [
        "Sangat mahal",
        "Cukup mahal",
        "Murah",
        "Gratis",
        "Tidak ada",
        "Ada tetapi tidak berfungsi",
        "Berfungsi kurang maksimal",
        "Dikelola dengan baik",
    ]
    assert costs["en"][:4] == ["Very expensive", "Fairly expensive", "Cheap", "Free"]


def test_layout_fits_a_laptop_screen(qtbot: QtBot) -> None:
    dialog = SurveyDialog("KTPEL — Kartu Tanda Penduduk Elektronik (KTP-el)")
    qtbot.addWidget(dialog)
    answer_by_keys(dialog, [4, 3, 3, 2])
    dialog.go_to(2)
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitExposed(dialog)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 740
    dialog.grab().save("/tmp/survey.png")
