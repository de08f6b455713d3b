import pytest

from counterdesk.domain.errors import PermissionDenied, TransitionError
from counterdesk.domain.lifecycle import ALLOWED, Status, check_transition, parse_status
from counterdesk.domain.roles import Role


def ok(a: Status, b: Status, role: Role = Role.COUNTER, note: str = "") -> None:
    check_transition(a, b, role=role, note=note)


def test_happy_path() -> None:
    ok(Status.REGISTERED, Status.IN_PROGRESS)
    ok(Status.IN_PROGRESS, Status.READY)
    ok(Status.READY, Status.COLLECTED)


def test_referral_then_ready() -> None:
    ok(Status.REGISTERED, Status.REFERRED)
    ok(Status.REFERRED, Status.READY)


def test_skipping_steps_is_refused_with_the_options() -> None:
    with pytest.raises(TransitionError, match=r"can become: .*in_progress"):
        ok(Status.REGISTERED, Status.COLLECTED)


def test_final_states_are_final() -> None:
    for final in (Status.COLLECTED, Status.REJECTED, Status.CANCELLED):
        assert ALLOWED[final] == frozenset()
        with pytest.raises(TransitionError, match="final"):
            ok(final, Status.IN_PROGRESS, Role.ADMIN, "x")


def test_reject_needs_a_reason() -> None:
    with pytest.raises(TransitionError, match="reason"):
        ok(Status.REGISTERED, Status.REJECTED, note="  ")
    ok(Status.REGISTERED, Status.REJECTED, note="KK tidak sesuai")


def test_cancel_needs_a_supervisor() -> None:
    with pytest.raises(PermissionDenied, match="supervisor"):
        ok(Status.READY, Status.CANCELLED, Role.COUNTER, "citizen withdrew")
    ok(Status.READY, Status.CANCELLED, Role.SUPERVISOR, "citizen withdrew")
    ok(Status.READY, Status.CANCELLED, Role.ADMIN, "citizen withdrew")


def test_same_status_is_refused() -> None:
    with pytest.raises(TransitionError, match="already"):
        ok(Status.READY, Status.READY)


def test_parse_status() -> None:
    assert parse_status(" Ready ") is Status.READY
    with pytest.raises(TransitionError, match="use one of"):
        parse_status("done")
