"""One request: lifecycle buttons follow the rules; reject and cancel ask a reason."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from counterdesk.domain.lifecycle import Status
from counterdesk.domain.roles import Role
from counterdesk.gui.context import Context
from counterdesk.gui.reason_dialog import ReasonDialog
from counterdesk.gui.request_detail import RequestDetail
from counterdesk.services.desk import Desk
from counterdesk.services.register import Registration, register
from counterdesk.services.requests import RequestView, get_request, history
from counterdesk.services.staff import StaffSession, add_staff, authenticate

from ..conftest import NIK_MAN


def new_request(desk: Desk, session: StaffSession) -> RequestView:
    return register(
        desk,
        session,
        Registration(
            service="KTPEL",
            name="Budi Santoso",
            nik=NIK_MAN,
            fields={"request_type": "Baru (perekaman)", "address": "Dusun Jagoi RT 001"},
        ),
    )


def enabled(detail: RequestDetail) -> set[Status]:
    return {s for s, b in detail.buttons.items() if b.isEnabled()}


def test_buttons_follow_the_lifecycle(qtbot: QtBot, ctx: Context) -> None:
    detail = RequestDetail(ctx)
    qtbot.addWidget(detail)
    assert enabled(detail) == set()  # nothing chosen
    view = new_request(ctx.reader, ctx.session)
    detail.show_request(view)
    assert enabled(detail) == {
        Status.IN_PROGRESS,
        Status.REFERRED,
        Status.REJECTED,
        Status.CANCELLED,  # demo is an administrator
    }
    assert "NIK 6107********0001" in detail.facts.text()  # masked
    assert NIK_MAN not in detail.facts.text()
    detail.buttons[Status.IN_PROGRESS].click()
    assert detail.view is not None and detail.view.status == "in_progress"
    assert enabled(detail) == {Status.READY, Status.REFERRED, Status.REJECTED, Status.CANCELLED}
    detail.buttons[Status.READY].click()
    assert enabled(detail) == {Status.COLLECTED, Status.CANCELLED}
    detail.buttons[Status.COLLECTED].click()
    assert enabled(detail) == set()  # final
    assert "Sudah diserahkan" in detail.status.text()
    assert detail.timeline.text().count("→") == 3


def test_cancel_needs_a_supervisor(qtbot: QtBot, ctx: Context) -> None:
    add_staff(ctx.reader, ctx.session, name="rina", full_name="Rina", role=Role.COUNTER,
              password="rahasia-1")  # fmt: skip
    ctx.session = authenticate(ctx.reader, "rina", "rahasia-1")
    detail = RequestDetail(ctx)
    qtbot.addWidget(detail)
    detail.show_request(new_request(ctx.reader, ctx.session))
    assert Status.CANCELLED not in enabled(detail)
    assert Status.REJECTED in enabled(detail)


def test_reject_asks_for_a_reason_first(qtbot: QtBot, ctx: Context) -> None:
    detail = RequestDetail(ctx)
    qtbot.addWidget(detail)
    view = new_request(ctx.reader, ctx.session)
    detail.show_request(view)
    asked: list[tuple[Status, Callable[[str], None]]] = []
    detail.ask_reason = lambda target, done: asked.append((target, done))  # type: ignore[method-assign]
    detail.buttons[Status.REJECTED].click()
    assert [a[0] for a in asked] == [Status.REJECTED]
    assert get_request(ctx.reader, view.receipt).status == "registered"  # not yet
    asked[0][1]("Berkas tidak lengkap")
    stored = get_request(ctx.reader, view.receipt)
    assert (stored.status, stored.note) == ("rejected", "Berkas tidak lengkap")
    assert history(ctx.reader, stored)[-1]["note"] == "Berkas tidak lengkap"


def test_the_reason_dialog_needs_text(qtbot: QtBot, ctx: Context) -> None:
    detail = RequestDetail(ctx)
    qtbot.addWidget(detail)
    view = new_request(ctx.reader, ctx.session)
    detail.show_request(view)
    detail.buttons[Status.CANCELLED].click()
    dialog = detail.reason_dialog
    assert isinstance(dialog, ReasonDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Batalkan permohonan"
    assert not dialog.ok.isEnabled()
    dialog.accept()  # refused while empty
    assert dialog.isVisible()
    dialog.reason.setText("Permohonan ganda")
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    qtbot.waitUntil(lambda: get_request(ctx.reader, view.receipt).status == "cancelled")
    assert "Dibatalkan" in detail.status.text()


def test_a_refused_change_shows_the_message(qtbot: QtBot, ctx: Context) -> None:
    detail = RequestDetail(ctx)
    qtbot.addWidget(detail)
    view = new_request(ctx.reader, ctx.session)
    detail.show_request(view)
    # Another program moved it on meanwhile: the button was still enabled here.
    from counterdesk.services.advance import advance

    advance(ctx.reader, ctx.session, view.receipt, "referred")
    detail.buttons[Status.IN_PROGRESS].click()
    assert detail.error.text() == (
        "Perubahan status ini tidak (lagi) diperbolehkan untuk permohonan ini."
    )
