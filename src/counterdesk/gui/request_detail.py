"""One request: its details, the identity (masked), its timeline, the lifecycle
actions the rules allow from its status for this staff member, its documents to
print (receipt F7, ticket F8, letter or referral slip F6) and calling its ticket
again (Shift+F9). After a hand-over the citizen is offered the satisfaction survey.
A request that was referred to another agency shows the agency's outcome and can have
it recorded ("Record referral outcome…"); complaints about the request are recorded
and answered in the complaints dialog ("Complaint…")."""

from __future__ import annotations

import html
import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from counterdesk.domain.catalogue import Service
from counterdesk.domain.errors import CounterdeskError, NotFound
from counterdesk.domain.lifecycle import ALLOWED, NEEDS_REASON, NEEDS_ROLE, Status
from counterdesk.gui import texts
from counterdesk.gui.complaints_dialog import ComplaintsDialog
from counterdesk.gui.context import Context
from counterdesk.gui.field_widgets import ErrorLabel
from counterdesk.gui.messages import message_for
from counterdesk.gui.pc_settings import counter_name
from counterdesk.gui.reason_dialog import ReasonDialog
from counterdesk.gui.referral_dialog import ReferralOutcomeDialog, outcome_label
from counterdesk.gui.survey_dialog import SurveyDialog
from counterdesk.services.advance import advance
from counterdesk.services.queue import call_again
from counterdesk.services.referrals import (
    Outcome,
    agency_of,
    current_outcome,
    record_outcome,
    was_referred,
)
from counterdesk.services.requests import RequestView, get_request, history
from counterdesk.services.survey import record_survey

ACTIONS = (
    Status.IN_PROGRESS,
    Status.READY,
    Status.COLLECTED,
    Status.REFERRED,
    Status.REJECTED,
    Status.CANCELLED,
)


PRINT_KINDS = ("receipt", "ticket", "letter")  # "letter": the letter or the referral slip
NO_LETTER = frozenset({Status.REJECTED, Status.CANCELLED})


class RequestDetail(QWidget):
    advanced = Signal(object)  # RequestView after a status change
    called = Signal(object)  # RequestView after its ticket was called again
    print_requested = Signal(str, str)  # document kind, receipt number

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: RequestView | None = None
        self._busy = False
        self._print_busy = False
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #666666;")
        self.header = QLabel(self)
        self.header.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self)
        self.status.setStyleSheet("font-size: 11pt; font-weight: bold; color: #0d47a1;")
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.timeline_box = QGroupBox(self)
        self.timeline = QLabel(self.timeline_box)
        self.timeline.setWordWrap(True)
        self.timeline.setTextFormat(Qt.TextFormat.RichText)
        QVBoxLayout(self.timeline_box).addWidget(self.timeline)
        self.error = ErrorLabel(self)
        self.buttons: dict[Status, QPushButton] = {}
        grid = QGridLayout()
        for i, target in enumerate(ACTIONS):
            button = QPushButton(self)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, t=target: self.request_advance(t))
            self.buttons[target] = button
            grid.addWidget(button, i // 3, i % 3)
        self.print_buttons: dict[str, QPushButton] = {}
        documents = QGridLayout()
        for i, kind in enumerate(PRINT_KINDS):
            button = QPushButton(self)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, k=kind: self.request_print(k))
            self.print_buttons[kind] = button
            documents.addWidget(button, i // 2, i % 2)
        self.call_again_button = QPushButton(self)
        self.call_again_button.setAutoDefault(False)
        self.call_again_button.clicked.connect(self.request_call_again)
        documents.addWidget(self.call_again_button, 1, 1)
        self.outcome_button = QPushButton(self)
        self.outcome_button.setAutoDefault(False)
        self.outcome_button.clicked.connect(self.request_outcome)
        extra = QGridLayout()
        extra.addWidget(self.outcome_button, 0, 0)
        self.complaint_button = QPushButton(self)
        self.complaint_button.setAutoDefault(False)
        self.complaint_button.clicked.connect(self.open_complaints)
        extra.addWidget(self.complaint_button, 0, 1)
        self.outcome_dialog: ReferralOutcomeDialog | None = None
        self.complaints_dialog: ComplaintsDialog | None = None
        body = QWidget(self)
        form = QVBoxLayout(body)
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(self.header)
        form.addWidget(self.status)
        form.addWidget(self.facts)
        form.addWidget(self.timeline_box)
        form.addStretch(1)
        self.body_scroll = QScrollArea(self)
        self.body_scroll.setWidget(body)
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.body_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab: the table, the buttons
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 6, 0)  # text off the splitter handle and the frame
        layout.addWidget(self.empty)
        layout.addWidget(self.body_scroll, 1)
        layout.addWidget(self.error)
        layout.addLayout(documents)
        layout.addSpacing(6)
        layout.addLayout(grid)
        layout.addSpacing(6)
        layout.addLayout(extra)
        # Tab goes as the eye does: the documents (and calling again), the actions, then the
        # referral outcome and complaints.
        order = [
            *self.print_buttons.values(),
            self.call_again_button,
            *self.buttons.values(),
            self.outcome_button,
            self.complaint_button,
        ]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)
        self.retranslate()

    # showing -----------------------------------------------------------------
    def show_request(self, view: RequestView | None) -> None:
        self.view = view
        self.error.show_message("")
        self._render()

    def _render(self) -> None:
        v, lang = self.view, self.ctx.language
        self.empty.setVisible(v is None)
        self.body_scroll.setVisible(v is not None)
        self._update_buttons()
        if v is None:
            return
        self.header.setText(f"{v.ticket} · {v.receipt}")
        self.status.setText(texts.status_label(v.status))
        service = self._service(v.service)
        service_name = service.name.get(lang) if service else v.service_name
        due = html.escape(texts.format_date(v.due_date, lang, weekday=True))
        if v.overdue(self.ctx.today()):
            late = html.escape(self.tr("overdue"))
            due = f"<span style='color:#b00020'><b>{due} — {late}</b></span>"
        registered = f"{texts.format_datetime(v.registered_at, lang)} ({v.staff})"
        rows = [
            (self.tr("Service"), html.escape(f"{v.service} — {service_name}")),
            (self.tr("Name"), html.escape(v.name)),
            (self.tr("Identity"), html.escape(texts.masked_ident(v.ident))),
            (self.tr("Registered"), html.escape(registered)),
            (self.tr("Ready by"), due),
        ]
        if v.note:
            rows.append((self.tr("Note"), html.escape(v.note)))
        if self.referred():
            rows.append((self.tr("Referral outcome"), self._outcome_text(v)))
        order = [f.key for f in service.fields] if service else []
        keys = [k for k in order if k in v.fields] + [k for k in v.fields if k not in order]
        for key in keys:
            value = v.fields[key]
            f = service.field(key) if service else None
            if f is not None and f.type == "date":
                value = texts.format_date(value, lang)
            rows.append((html.escape(f.label.get(lang) if f else key), html.escape(value)))
        if service is not None:
            given = {r.key: r.text.get(lang) for r in service.requirements}
            docs = [given.get(k, k) for k in v.requirements]
            rows.append((self.tr("Documents handed in"), html.escape("; ".join(docs)) or "—"))
        self.facts.setText(
            "<table cellspacing=3>"
            + "".join(
                f"<tr><td valign=top><b>{k}:</b>&nbsp;</td><td>{val}</td></tr>" for k, val in rows
            )
            + "</table>"
        )
        self._render_timeline(v)

    def _render_timeline(self, v: RequestView) -> None:
        lines = []
        for e in history(self.ctx.reader, v):
            when = texts.format_datetime(e["at"], self.ctx.language)
            if "to" in e:
                what = self.tr("{old} → {new}").format(
                    old=texts.status_label(e["from"]), new=texts.status_label(e["to"])
                )
            elif e["kind"] == "request_registered":
                what = self.tr("Registered")
            elif e["kind"] == "ticket_called":
                what = self.tr("Ticket called")
            elif e["kind"] == "letter_issued":
                what = self.tr("Letter issued")
            elif e["kind"] == "referral_outcome":
                what = self._outcome_event(e["seq"])
            elif e["kind"] == "complaint_recorded":
                what = self.tr("Complaint recorded")
            elif e["kind"] == "complaint_answered":
                what = self.tr("Complaint answered")
            else:
                what = e["kind"]
            note = f" — <i>{html.escape(e['note'])}</i>" if e.get("note") else ""
            lines.append(
                f"{html.escape(when)} · {html.escape(e['staff'])}: <b>{html.escape(what)}</b>{note}"
                + "".join(f"<br>&nbsp;&nbsp;{html.escape(x)}" for x in self._registered_extras(e))
            )
        self.timeline.setText("<br>".join(lines))

    def _registered_extras(self, e: dict[str, Any]) -> list[str]:
        """A supervisor's overrides, the residence and conditions confirmed at registration."""
        out = [
            self.tr("Accepted by {by}: {reason} ({detail})").format(
                by=o["by"], reason=o["reason"], detail=o["detail"]
            )
            for o in e.get("overrides", [])
        ]
        if e.get("residence"):
            out.append(
                self.tr("Residence confirmed from the KTP-el/KK: {address}").format(
                    address=e["residence"]["address"]
                )
            )
        if e.get("conditions"):
            out.append(
                self.tr("Conditions confirmed: {keys}").format(keys=", ".join(e["conditions"]))
            )
        return out

    def _outcome_text(self, v: RequestView) -> str:
        outcome = current_outcome(self.ctx.reader, v)
        if outcome is None:
            return html.escape(self.tr("none recorded yet"))
        text = f"<b>{html.escape(outcome_label(outcome.outcome))}</b>"
        if outcome.note:
            text += " — " + html.escape(outcome.note)
        when = texts.format_datetime(outcome.recorded_at, self.ctx.language)
        if outcome.recorded_by == "hub":
            by = self.tr("by the district office ({officer})").format(officer=outcome.officer)
        else:
            by = outcome.staff
        return text + html.escape(f" ({when}, {by})")

    def _outcome_event(self, seq: int) -> str:
        row = self.ctx.reader.conn.execute(
            "SELECT outcome, recorded_by, officer FROM referral_outcomes WHERE seq = ?", [seq]
        ).fetchone()
        if row is None:
            return self.tr("Referral outcome recorded")
        what = self.tr("Referral outcome: {outcome}").format(outcome=outcome_label(row[0]))
        if row[1] == "hub":
            what += " " + self.tr("(from the district office, {officer})").format(officer=row[2])
        return what

    def outcome(self) -> Outcome | None:
        return current_outcome(self.ctx.reader, self.view) if self.view is not None else None

    def referred(self) -> bool:
        """Whether the shown request is or was referred to another agency."""
        return self.view is not None and was_referred(self.ctx.reader.conn, self.view.id)

    def _service(self, code: str) -> Service | None:
        try:
            return self.ctx.reader.catalogue.get(code)
        except NotFound:
            return None

    # actions -----------------------------------------------------------------
    def allowed(self, target: Status) -> bool:
        if self.view is None:
            return False
        current = Status(self.view.status)
        if target not in ALLOWED[current]:
            return False
        role = NEEDS_ROLE.get(target)
        return role is None or self.ctx.session.role.includes(role)

    def letter_kind(self) -> str | None:
        """ "letter" or "referral" when the shown request's service produces one."""
        if self.view is None:
            return None
        service = self._service(self.view.service)
        product = service.product if service is not None else ""
        return product if product in ("letter", "referral") else None

    def can_print(self, kind: str) -> bool:
        if self.view is None or self._print_busy:
            return False
        if kind != "letter":
            return True
        return self.letter_kind() is not None and Status(self.view.status) not in NO_LETTER

    def can_call_again(self) -> bool:
        return self.view is not None and not self._busy and not Status(self.view.status).is_final

    def _update_buttons(self) -> None:
        for target, button in self.buttons.items():
            button.setEnabled(not self._busy and self.allowed(target))
        for kind, button in self.print_buttons.items():
            button.setEnabled(self.can_print(kind))
        letter = self.print_buttons["letter"]
        letter.setVisible(self.view is None or self.letter_kind() is not None)
        letter.setText(
            self.tr("Print referral slip (F6)")
            if self.letter_kind() == "referral"
            else self.tr("Print letter (F6)")
        )
        self.call_again_button.setEnabled(self.can_call_again())
        referred = self.referred()
        self.outcome_button.setVisible(referred)
        self.outcome_button.setEnabled(referred and not self._busy)
        self.complaint_button.setEnabled(self.view is not None)

    # documents and the queue -------------------------------------------------------
    def request_print(self, kind: str) -> None:
        """Ask for a document of the shown request ("letter": its letter or slip)."""
        if self.view is None or not self.can_print(kind):
            return
        if kind == "letter":
            kind = self.letter_kind() or kind
        self.print_requested.emit(kind, self.view.receipt)

    def set_print_busy(self, busy: bool) -> None:
        self._print_busy = busy
        self._update_buttons()

    def request_call_again(self) -> None:
        if self.view is None or not self.can_call_again():
            return
        receipt, session = self.view.receipt, self.ctx.session
        counter = counter_name(self.ctx.reader.info.name)
        self._busy = True
        self._update_buttons()
        self.ctx.ops.run(
            lambda desk: call_again(desk, session, receipt, counter=counter),
            on_done=self._called,
            on_error=self._failed,
        )

    def _called(self, view: RequestView) -> None:
        self._busy = False
        self.show_request(view)
        self.called.emit(view)

    def request_advance(self, target: Status) -> None:
        if not self.allowed(target) or self._busy or self.view is None:
            return
        if target in NEEDS_REASON:
            self.ask_reason(target, lambda reason: self._advance(target, reason))
        else:
            self._advance(target, "")

    def ask_reason(self, target: Status, done: Callable[[str], None]) -> None:
        """Open the reason dialog; ``done(reason)`` advances. Tests may replace this."""
        if target == Status.REJECTED:
            title = self.tr("Reject request")
            prompt = self.tr("Why is the request rejected? The citizen is told this reason.")
            action = self.tr("Reject")
        else:
            title = self.tr("Cancel request")
            prompt = self.tr("Why is the request cancelled?")
            action = self.tr("Cancel the request")
        self.reason_dialog = ReasonDialog.ask(self, title, prompt, action, done)

    def _advance(self, target: Status, note: str) -> None:
        assert self.view is not None
        receipt, session = self.view.receipt, self.ctx.session
        self._busy = True
        self._update_buttons()
        self.ctx.ops.run(
            lambda desk: advance(desk, session, receipt, target, note=note),
            on_done=lambda view: self._advanced(view, target),
            on_error=self._failed,
        )

    def _advanced(self, view: RequestView, target: Status | None = None) -> None:
        self._busy = False
        self.show_request(view)
        self.advanced.emit(view)
        if target == Status.COLLECTED:
            self.offer_survey(view.service)

    # referral outcome and complaints ----------------------------------------------
    def request_outcome(self) -> None:
        """Open the outcome dialog for the shown (referred) request."""
        if self.view is None or self._busy or not self.referred():
            return
        current = self.outcome()
        self.ask_outcome(
            self.view.receipt,
            agency_of(self.ctx.reader, self.view.service),
            current.outcome if current else "",
            self._record_outcome,
        )

    def ask_outcome(
        self, receipt: str, agency: str, current: str, done: Callable[[str, str], None]
    ) -> None:
        """Open the dialog; ``done(outcome, note)`` records. Tests may replace this."""
        self.outcome_dialog = ReferralOutcomeDialog.ask(self, receipt, agency, current, done)

    def _record_outcome(self, outcome: str, note: str) -> None:
        assert self.view is not None
        receipt, session = self.view.receipt, self.ctx.session
        self._busy = True
        self._update_buttons()
        self.ctx.ops.run(
            lambda desk: record_outcome(desk, session, receipt, outcome, note=note),
            on_done=lambda _o: self._outcome_recorded(receipt),
            on_error=self._failed,
        )

    def _outcome_recorded(self, receipt: str) -> None:
        self._busy = False
        self.show_request(get_request(self.ctx.reader, receipt))

    def open_complaints(self) -> None:
        """The complaints dialog, about the shown request."""
        if self.view is None:
            return
        dialog = ComplaintsDialog(self.ctx, self.view, self)
        dialog.changed.connect(self._render)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _r: setattr(self, "complaints_dialog", None))
        self.complaints_dialog = dialog
        dialog.open()

    # the satisfaction survey -------------------------------------------------------
    def offer_survey(self, service_code: str) -> None:
        """Open (not exec) the citizen's survey for the service just handed over."""
        service = self._service(service_code)
        name = service.name.get(self.ctx.language) if service else service_code
        dialog = SurveyDialog(f"{service_code} — {name}", self.ctx.language, self)
        dialog.submitted.connect(
            lambda scores, comment: self.record_survey(service_code, scores, comment)
        )
        dialog.finished.connect(dialog.deleteLater)
        self.survey_dialog = dialog
        dialog.resize(dialog.sizeHint().expandedTo(self.window().size()))  # the citizen's screen
        dialog.open()

    def record_survey(self, service_code: str, scores: list[int], comment: str) -> None:
        session = self.ctx.session
        self.ctx.ops.run(
            lambda desk: record_survey(desk, session, service_code, scores, comment),
            on_error=self._failed,
        )

    def _failed(self, exc: CounterdeskError) -> None:
        self._busy = False
        self._update_buttons()
        self.error.show_message(message_for(exc))

    # texts -------------------------------------------------------------------
    def retranslate(self) -> None:
        self.empty.setText(self.tr("Choose a request in the list to see it here."))
        self.timeline_box.setTitle(self.tr("History"))
        labels = {
            Status.IN_PROGRESS: self.tr("Start"),
            Status.READY: self.tr("Ready for collection"),
            Status.COLLECTED: self.tr("Handed over"),
            Status.REFERRED: self.tr("Refer"),
            Status.REJECTED: self.tr("Reject…"),
            Status.CANCELLED: self.tr("Cancel request…"),
        }
        for target, button in self.buttons.items():
            button.setText(labels[target])
            button.setAccessibleName(labels[target])
        self.buttons[Status.CANCELLED].setToolTip(self.tr("Supervisors and administrators only"))
        self.print_buttons["receipt"].setText(self.tr("Print receipt (F7)"))
        self.print_buttons["ticket"].setText(self.tr("Print ticket (F8)"))
        self.call_again_button.setText(self.tr("Call again (Shift+F9)"))
        self.outcome_button.setText(self.tr("Record referral &outcome…"))
        self.outcome_button.setToolTip(
            self.tr("What the other agency did: issued, refused or still in progress")
        )
        self.complaint_button.setText(self.tr("Com&plaint…"))
        self.complaint_button.setToolTip(self.tr("Record or answer a complaint about this request"))
        self.call_again_button.setToolTip(
            self.tr("Call this ticket again: the citizen did not come forward, or is served now")
        )
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
