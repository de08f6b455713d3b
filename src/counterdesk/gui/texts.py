"""Shared display texts: status names, dates, fees, ages, in the UI language."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from counterdesk.domain.lifecycle import Status
from counterdesk.domain.nik import mask_nik


def status_label(status: str) -> str:
    labels = {
        Status.REGISTERED: QCoreApplication.translate("Texts", "Registered"),
        Status.IN_PROGRESS: QCoreApplication.translate("Texts", "In progress"),
        Status.READY: QCoreApplication.translate("Texts", "Ready for collection"),
        Status.COLLECTED: QCoreApplication.translate("Texts", "Collected"),
        Status.REFERRED: QCoreApplication.translate("Texts", "Referred"),
        Status.REJECTED: QCoreApplication.translate("Texts", "Rejected"),
        Status.CANCELLED: QCoreApplication.translate("Texts", "Cancelled"),
    }
    try:
        return labels[Status(status)]
    except ValueError:
        return status


def sex_label(sex: str) -> str:
    if sex == "F":
        return QCoreApplication.translate("Texts", "female")
    return QCoreApplication.translate("Texts", "male")


def role_label(role: str) -> str:
    return {
        "counter": QCoreApplication.translate("Texts", "counter staff"),
        "supervisor": QCoreApplication.translate("Texts", "supervisor"),
        "admin": QCoreApplication.translate("Texts", "administrator"),
    }.get(role, role)


def locale(language: str) -> QLocale:
    if language == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)


def format_date(day: datetime.date | str, language: str, *, weekday: bool = False) -> str:
    if isinstance(day, str):
        day = datetime.date.fromisoformat(day[:10])
    fmt = "dddd, d MMMM yyyy" if weekday else "d MMMM yyyy"
    return locale(language).toString(QDate(day.year, day.month, day.day), fmt)


def format_short_date(day: str, language: str) -> str:
    d = datetime.date.fromisoformat(day[:10])
    return locale(language).toString(QDate(d.year, d.month, d.day), "dd-MM-yyyy")


def format_datetime(stamp: str, language: str) -> str:
    """An ISO time as the desk recorded it (its own clock, not converted)."""
    try:
        t = datetime.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    qdt = QDateTime(QDate(t.year, t.month, t.day), QTime(t.hour, t.minute))
    return locale(language).toString(qdt, "d MMM yyyy HH:mm")


def format_short_datetime(stamp: str, language: str) -> str:
    """Day, month and time, e.g. 29-11 09:09 (the table; the year is in the tooltip)."""
    try:
        t = datetime.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    qdt = QDateTime(QDate(t.year, t.month, t.day), QTime(t.hour, t.minute))
    return locale(language).toString(qdt, "dd-MM HH:mm")


def format_fee(fee: int, language: str) -> str:
    if fee == 0:
        return QCoreApplication.translate("Texts", "Free of charge")
    return "Rp " + locale(language).toString(fee)


def format_days(days: int) -> str:
    if days == 0:
        return QCoreApplication.translate("Texts", "same day")
    return QCoreApplication.translate("Texts", "%n working day(s)", "", days)


def format_age(seconds: int) -> str:
    """A rough age: minutes, hours or days."""
    if seconds < 3600:
        return QCoreApplication.translate("Texts", "%n minute(s)", "", max(1, seconds // 60))
    if seconds < 2 * 86400:
        return QCoreApplication.translate("Texts", "%n hour(s)", "", seconds // 3600)
    return QCoreApplication.translate("Texts", "%n day(s)", "", seconds // 86400)


def masked_ident(ident: str, *, short: bool = False) -> str:
    """A NIK or passport number as shown on screen: enough to compare with the card."""
    if len(ident) == 16 and ident.isdigit():
        return mask_nik(ident) if short else "NIK " + mask_nik(ident)
    if not ident:
        return ""
    shown = ("*" * max(0, len(ident) - 4)) + ident[-4:]
    if short:
        return shown
    return QCoreApplication.translate("Texts", "Passport {number}").format(number=shown)
