"""The satisfaction survey (SKM) the citizen answers after collecting the result.

A screen for the citizen, not the staff: large type, big buttons, by touch or by
keys. The nine elements U1..U9 are asked one at a time as PermenPAN-RB 14/2017's
questionnaire asks them, each with its own four answers (``skm.QUESTIONS``, in
Indonesian or English as the screen's language); 1-4 answer the current question and
move to the next. A comment is optional; "Send" needs all nine
answers; "Skip" closes without storing anything (the survey is voluntary).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counterdesk.domain.skm import ELEMENTS, MAX_COMMENT, QUESTIONS

_KEYS = {Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3, Qt.Key.Key_4: 4}
_SCORE_COLOURS = ("#c62828", "#ef6c00", "#2e7d32", "#1b5e20")

STYLE = """
QDialog { background: #fafafa; }
QLabel#title { font-size: 22pt; font-weight: bold; }
QLabel#service { font-size: 13pt; color: #444444; }
QLabel#progress { font-size: 13pt; color: #0d47a1; font-weight: bold; }
QLabel#question { font-size: 24pt; font-weight: bold; }
QLabel#prompt { font-size: 14pt; }
QLabel#comment_label { font-size: 12pt; }
QLineEdit { font-size: 14pt; padding: 6px; }
QPushButton { font-size: 13pt; padding: 8px 16px; }
QPushButton[score="true"] {
    font-size: 16pt; font-weight: bold; border: 2px solid #9e9e9e; border-radius: 10px;
    background: white;
}
QPushButton[score="true"]:checked { background: #0d47a1; color: white; border-color: #0d47a1; }
QPushButton[step="true"] { font-size: 11pt; padding: 4px; min-width: 52px; }
QPushButton[step="true"]:checked { background: #0d47a1; color: white; }
QPushButton#send { font-size: 16pt; font-weight: bold; padding: 10px 32px; }
QPushButton#skip { font-size: 14pt; padding: 10px 24px; }
"""


class SurveyDialog(QDialog):
    submitted = Signal(list, str)  # nine scores 1-4, the comment (trimmed)

    def __init__(
        self, service_name: str, language: str = "id", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.language = language
        self.answers: list[int | None] = [None] * len(ELEMENTS)
        self.current = 0
        self.setObjectName("survey")
        self.setStyleSheet(STYLE)
        self.setMinimumSize(900, 600)
        self.title = QLabel(self)
        self.title.setObjectName("title")
        self.title.setWordWrap(True)
        self.service = QLabel(service_name, self)
        self.service.setObjectName("service")
        self.service.setWordWrap(True)
        # the nine questions as steps: shows what is answered, touch one to change it
        self.steps: list[QPushButton] = []
        steps = QHBoxLayout()
        for i, (code, _) in enumerate(ELEMENTS):
            step = QPushButton(code, self)
            step.setProperty("step", True)
            step.setCheckable(True)
            step.setAutoDefault(False)
            step.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            step.clicked.connect(lambda _=False, n=i: self.go_to(n))
            self.steps.append(step)
            steps.addWidget(step)
        self.progress = QLabel(self)
        self.progress.setObjectName("progress")
        self.question = QLabel(self)
        self.question.setObjectName("question")
        self.question.setWordWrap(True)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.question.setMinimumHeight(90)
        self.prompt = QLabel(self)
        self.prompt.setObjectName("prompt")
        self.prompt.setWordWrap(True)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.score_group = QButtonGroup(self)
        self.score_group.setExclusive(True)
        self.score_buttons: list[QPushButton] = []
        scores = QGridLayout()
        scores.setSpacing(12)
        for value in range(1, 5):
            button = QPushButton(self)
            button.setProperty("score", True)
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setMinimumHeight(110)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.setStyleSheet(
                f"QPushButton {{ border-bottom: 8px solid {_SCORE_COLOURS[value - 1]}; }}"
            )
            button.clicked.connect(lambda _=False, v=value: self.answer(v))
            self.score_group.addButton(button, value)
            self.score_buttons.append(button)
            scores.addWidget(button, 0, value - 1)
        self.back_button = QPushButton(self)
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(lambda: self.go_to(self.current - 1))
        self.next_button = QPushButton(self)
        self.next_button.setAutoDefault(False)
        self.next_button.clicked.connect(lambda: self.go_to(self.current + 1))
        navigation = QHBoxLayout()
        navigation.addWidget(self.back_button)
        navigation.addStretch(1)
        navigation.addWidget(self.progress)
        navigation.addStretch(1)
        navigation.addWidget(self.next_button)
        self.comment_label = QLabel(self)
        self.comment_label.setObjectName("comment_label")
        self.comment = QLineEdit(self)
        self.comment.setMaxLength(MAX_COMMENT)
        self.comment_label.setBuddy(self.comment)
        self.skip_button = QPushButton(self)
        self.skip_button.setObjectName("skip")
        self.skip_button.setAutoDefault(False)
        self.skip_button.setMinimumHeight(64)
        self.skip_button.clicked.connect(self.reject)
        self.send_button = QPushButton(self)
        self.send_button.setObjectName("send")
        self.send_button.setAutoDefault(True)
        self.send_button.setMinimumHeight(64)
        self.send_button.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.skip_button)
        bottom.addStretch(1)
        bottom.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.service)
        layout.addLayout(steps)
        layout.addSpacing(8)
        layout.addWidget(self.question)
        layout.addWidget(self.prompt)
        layout.addLayout(scores, 1)
        layout.addLayout(navigation)
        layout.addSpacing(8)
        layout.addWidget(self.comment_label)
        layout.addWidget(self.comment)
        layout.addSpacing(8)
        layout.addLayout(bottom)
        self.retranslate()

    # answering ---------------------------------------------------------------
    def answer(self, value: int) -> None:
        """Answer the current question with 1-4 and move to the next one."""
        self.answers[self.current] = value
        if self.current + 1 < len(ELEMENTS):
            self.go_to(self.current + 1)
        else:
            self._render()
            if self.complete():
                self.send_button.setFocus()

    def go_to(self, index: int) -> None:
        if 0 <= index < len(ELEMENTS):
            self.current = index
        self._render()

    def complete(self) -> bool:
        return all(a is not None for a in self.answers)

    def scores(self) -> list[int]:
        return [a for a in self.answers if a is not None]

    def comment_text(self) -> str:
        return self.comment.text().strip()

    def accept(self) -> None:
        if not self.complete():
            return
        self.submitted.emit(self.scores(), self.comment_text())
        super().accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        value = _KEYS.get(Qt.Key(event.key()))
        if value is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.answer(value)
            return
        if event.key() == Qt.Key.Key_Left:
            self.go_to(self.current - 1)
            return
        if event.key() == Qt.Key.Key_Right:
            self.go_to(self.current + 1)
            return
        super().keyPressEvent(event)

    # showing -----------------------------------------------------------------
    def _render(self) -> None:
        code, text = ELEMENTS[self.current]
        asked = QUESTIONS[self.current]
        self.prompt.setText(f"{code} \u00b7 {text.get(self.language)}")
        self.question.setText(asked.question.get(self.language))
        for value, (button, answer) in enumerate(
            zip(self.score_buttons, asked.answers, strict=True), start=1
        ):
            label = answer.get(self.language)
            button.setText(f"{value}\n{label}")
            button.setAccessibleName(f"{value} {label}")
        self.progress.setText(
            self.tr("Question {number} of {total}").format(
                number=self.current + 1, total=len(ELEMENTS)
            )
        )
        chosen = self.answers[self.current]
        self.score_group.setExclusive(False)
        for value, button in enumerate(self.score_buttons, start=1):
            button.setChecked(value == chosen)
        self.score_group.setExclusive(True)
        for i, step in enumerate(self.steps):
            answered = self.answers[i]
            step.setText(f"{ELEMENTS[i][0]} ✓" if answered is not None else ELEMENTS[i][0])
            step.setChecked(i == self.current)
        self.back_button.setEnabled(self.current > 0)
        self.next_button.setEnabled(self.current + 1 < len(ELEMENTS))
        self.send_button.setEnabled(self.complete())
        self.question.setAccessibleName(f"{code}: {asked.question.get(self.language)}")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Satisfaction survey"))
        self.title.setText(self.tr("How was our service?"))
        self.back_button.setText(self.tr("‹ Previous"))
        self.next_button.setText(self.tr("Next ›"))
        self.comment_label.setText(self.tr("Comments or suggestions (optional):"))
        self.comment.setAccessibleName(self.tr("Comments or suggestions"))
        self.skip_button.setText(self.tr("Skip"))
        self.send_button.setText(self.tr("Send"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
