"""The one date input of the program: type ``01071985``, ``1-7-1985`` or ``1 Juli 1985``, or pick a day.

QDateEdit's section validator rewrites what does not fit its mask: ``01071985`` was erased when
the field was left, and year 2027 in a field whose maximum is today silently became 2025. This
field keeps the clerk's text, reads it with ``domain.dates.parse_date`` when the field is left (or
Enter is pressed), shows a date within the allowed range as ``1 Juli 1985``, and otherwise keeps
the text as typed and names the problem at the field: red border, tooltip, ``error_changed``.

It offers the QDateEdit calls the forms use (``date``, ``setDate``, ``setMinimumDate``,
``setMaximumDate``, ``dateChanged``); ``date()`` is a null QDate while the field holds no valid
date, so a save must check ``is_valid()`` first (FormDialog does) or use ``checked_date()``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QSizePolicy, QStyle, QToolTip, QWidget

from koperasi import clock
from koperasi.domain.dates import format_date, parse_date
from koperasi.domain.errors import ValidationError
from koperasi.gui.screen_fit import available_area

FIRST_DAY = QDate(1900, 1, 1)  # no date the office records lies before this
LAST_DAY = QDate(9999, 12, 31)
# Scoped to the field itself: a bare rule would also frame every part of the calendar popup (its child).
_ERROR_STYLE = "DateField { border: 2px solid #b3261e; border-radius: 3px; }"


class DateField(QLineEdit):
    """``date()`` is the valid date in range, else a null QDate; ``error()`` says why in Indonesian."""

    dateChanged = Signal(QDate)  # noqa: N815  (the QDateEdit name the callers connect to)
    error_changed = Signal(str)  # the message now shown at the field ("" once it is fixed)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        day: date | QDate | None = None,
        optional: bool = False,
        subject: str = "",
        **properties,
    ) -> None:
        super().__init__(parent, **properties)
        self._optional = optional
        self._subject = subject or self.tr("Tanggal")
        self._minimum, self._minimum_what = FIRST_DAY, ""
        self._maximum, self._maximum_what = LAST_DAY, ""
        self._calendar_start: Callable[[], date | None] = clock.today
        self._date: date | None = None  # what the text last read as, in range or not
        self._read_text_was: str | None = None
        self._error = ""
        self._emitted = QDate()  # the date dateChanged last announced
        self._announced_error: str | None = None
        # As wide as a date needs (sizeHint), not the room a QLineEdit would take in a toolbar row.
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setPlaceholderText(self.tr("contoh 17-08-1985"))
        self.setToolTip(self._hint())
        calendar_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown)
        self._calendar_action = self.addAction(calendar_icon, QLineEdit.ActionPosition.TrailingPosition)
        self._calendar_action.setToolTip(self.tr("Pilih dari kalender (F4)"))
        self._calendar_action.triggered.connect(self.show_calendar)
        self.editingFinished.connect(self._read_and_show)
        if day is not None:
            self.setDate(day)

    # ---- the QDateEdit calls the forms use -------------------------------------------------

    def date(self) -> QDate:
        self._read()
        return QDate(self._date) if self._date is not None and not self._error else QDate()

    def setDate(self, day: date | QDate | None) -> None:  # noqa: N802
        value = _python_date(day)
        self.setText(format_date(value) if value is not None else "")
        self._read_and_show()

    def minimumDate(self) -> QDate:  # noqa: N802
        return self._minimum

    def maximumDate(self) -> QDate:  # noqa: N802
        return self._maximum

    def setMinimumDate(self, day: date | QDate, what: str = "") -> None:  # noqa: N802
        """``what`` names the limit in the message, e.g. "tanggal pencairan"."""
        self._minimum, self._minimum_what = QDate(_python_date(day)), what
        self._recheck()

    def setMaximumDate(self, day: date | QDate, what: str = "") -> None:  # noqa: N802
        self._maximum, self._maximum_what = QDate(_python_date(day)), what
        self._recheck()

    def sizeHint(self) -> QSize:  # noqa: N802
        # Wide enough for the longest date it shows, "30 September 2026", beside the calendar arrow.
        hint = super().sizeHint()
        arrow = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        room = self.fontMetrics().horizontalAdvance("30 September 2026") + arrow + 24
        return QSize(max(hint.width(), room), hint.height())

    # ---- what a save needs -----------------------------------------------------------------

    def is_valid(self) -> bool:
        self._read()
        return not self._error

    def error(self) -> str:
        self._read()
        return self._error

    def check(self) -> bool:
        """Read the text now and show its problem at the field, an empty required field included (a save's check)."""
        self._read_and_show(insist=True)
        return not self._error

    def checked_date(self, field: str | None = None) -> date | None:
        """The date (None for an empty optional field), or a ValidationError naming ``field``."""
        self._read()
        if self._error:
            raise ValidationError(self._error, field=field)
        return self._date

    def set_optional(self, optional: bool) -> None:
        """An optional field may be left empty: then ``checked_date()`` is None."""
        self._optional = optional
        self._recheck()

    def set_subject(self, subject: str) -> None:
        """What the field holds, as its messages name it: "Tanggal lahir"."""
        self._subject = subject
        self._recheck()

    def set_calendar_start(self, start: Callable[[], date | None]) -> None:
        """Where the calendar opens while the field is empty (default: today)."""
        self._calendar_start = start

    # ---- reading the text --------------------------------------------------------------------

    def _read(self) -> None:
        # Lazily, so a save right after typing (without leaving the field) sees the new text.
        if self.text() != self._read_text_was:
            self._parse()

    def _parse(self) -> None:
        self._read_text_was = self.text()
        self._date, error = None, ""
        if not self.text().strip():
            error = "" if self._optional else self.tr("{subject} wajib diisi.").format(subject=self._subject)
        else:
            try:
                self._date = parse_date(self.text())
            except ValidationError as refused:
                error = f"{self._subject}: {refused.message}"
        self._error = error or self._range_error()

    def _range_error(self) -> str:
        if self._date is None:
            return ""
        day = QDate(self._date)
        if day > self._maximum:
            return self._limit_message(self.tr("setelah"), self._maximum, self._maximum_what or self._today_word(self._maximum))
        if day < self._minimum:
            return self._limit_message(self.tr("sebelum"), self._minimum, self._minimum_what or self._today_word(self._minimum))
        return ""

    def _today_word(self, limit: QDate) -> str:
        return self.tr("hari ini") if limit.toPython() == clock.today() else ""

    def _limit_message(self, side: str, limit: QDate, what: str) -> str:
        shown = format_date(limit.toPython())
        if what:
            return self.tr("{subject} tidak boleh {side} {what} ({date}).").format(subject=self._subject, side=side, what=what, date=shown)
        return self.tr("{subject} tidak boleh {side} {date}.").format(subject=self._subject, side=side, date=shown)

    def _read_and_show(self, *, insist: bool = False) -> None:
        self._parse()
        if self._date is not None and not self._error:
            shown = format_date(self._date)
            if self.text() != shown:
                self.setText(shown)
                self._read_text_was = shown
        self._show_error(insist=insist)
        now = self.date()
        if now != self._emitted and (now.isValid() or (self._optional and not self.text().strip())):
            self._emitted = now
            self.dateChanged.emit(now)

    def _recheck(self) -> None:
        self._parse()
        if self._date is not None and not self._error and self.text() != format_date(self._date):
            self.setText(format_date(self._date))
            self._read_text_was = self.text()
        self._show_error()

    def _show_error(self, *, insist: bool = False) -> None:
        # An empty required field is not an error to shout about before the clerk has typed (or saves).
        shown = self._error if insist or self.text().strip() else ""
        self.setStyleSheet(_ERROR_STYLE if shown else "")
        self.setToolTip(shown or self._hint())
        if shown != self._announced_error:
            self._announced_error = shown
            if shown and self.isVisible():
                QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), shown, self)
            self.error_changed.emit(shown)

    def _hint(self) -> str:
        return self.tr("Ketik misalnya 17-08-1985, 17081985 atau 17 Agustus 1985, atau tekan F4 untuk kalender.")

    # ---- the calendar ------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        opens = event.key() == Qt.Key.Key_F4 or (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if opens:
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def show_calendar(self) -> QCalendarWidget:
        self._read()
        calendar = QCalendarWidget(self)
        calendar.setObjectName("dateFieldCalendar")
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        calendar.setDateRange(self._minimum, self._maximum)
        calendar.setSelectedDate(QDate(self._date or self._calendar_start() or clock.today()))
        calendar.clicked.connect(lambda day: self._pick(calendar, day))
        calendar.activated.connect(lambda day: self._pick(calendar, day))
        QShortcut(QKeySequence(Qt.Key.Key_Escape), calendar, calendar.close)
        calendar.resize(calendar.sizeHint())
        calendar.move(self._popup_position(calendar))
        calendar.show()
        calendar.setFocus()
        return calendar

    def _popup_position(self, calendar: QCalendarWidget) -> QPoint:
        # Below the field, or above it when the screen ends first; never past the screen's edges.
        below = self.mapToGlobal(QPoint(0, self.height()))
        screen = available_area(self)
        x = max(screen.left(), min(below.x(), screen.right() - calendar.width()))
        y = below.y()
        if y + calendar.height() > screen.bottom():
            y = max(screen.top(), self.mapToGlobal(QPoint(0, 0)).y() - calendar.height())
        return QPoint(x, y)

    def _pick(self, calendar: QCalendarWidget, day: QDate) -> None:
        calendar.close()
        self.setDate(day)
        self.setFocus()


def _python_date(day: date | QDate | None) -> date | None:
    if isinstance(day, QDate):
        return day.toPython() if day.isValid() else None
    return day


def date_edit(name: str, day: date | QDate | None = None) -> DateField:
    """A date field named ``name``, showing ``day`` (today when none)."""
    return DateField(objectName=name, day=day or clock.today())
