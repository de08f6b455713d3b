"""Noticing that a desk database was restored from a backup or copied to another PC.

Beside the database a small file records the epoch, the last event sequence
seen and the machine (store/instance.py). When the database is older than
that file says (a restored backup) or the machine differs (a copy), the desk
starts a new epoch: its receipt numbers change their epoch tag, so numbers
handed out after the backup can never be handed out again, and the hub sees
the new epoch and flags it. When the file is missing it is simply written again.
"""

from __future__ import annotations

from counterdesk.domain.events import EventKind
from counterdesk.domain.ids import new_id
from counterdesk.services.desk import Desk
from counterdesk.store.eventlog import last_seq
from counterdesk.store.instance import machine_id, read_instance, write_instance


def check_instance(desk: Desk, *, machine: str | None = None) -> str | None:
    """Start a new epoch when the database was restored or copied.

    Returns the reason ("restored" or "copied") when a new epoch was started.
    """
    if not desk.configured:
        return None
    here = machine or machine_id()
    seen = read_instance(desk.paths.root)
    reason = None
    if seen is not None:
        if seen.machine != here:
            reason = "copied"
        elif seen.epoch != desk.info.epoch or seen.last_seq > last_seq(desk.conn):
            reason = "restored"
    if reason is not None:
        with desk.transaction():
            desk.record(
                EventKind.EPOCH_STARTED,
                staff="system",
                epoch=new_id(),
                data={
                    "previous": desk.info.epoch,
                    "reason": reason,
                    "previous_last_seq_seen": seen.last_seq if seen else None,
                },
            )
        desk.invalidate()
    write_instance(desk.paths.root, desk.info.epoch, last_seq(desk.conn), here)
    return reason
