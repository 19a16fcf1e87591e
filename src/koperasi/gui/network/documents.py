"""Meeting papers from the tab: the daftar hadir (before) and the notulen (after), shown in the PDF
preview. The ReportLab writers are imported when a paper is asked for."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QWidget

from koperasi.domain.errors import DomainError
from koperasi.gui.context import AppContext
from koperasi.gui.messages import show_error
from koperasi.gui.pdf_preview import PdfPreviewDialog, file_name_part, show_preview as show, write_to_bytes  # noqa: F401 (show: the tab calls it)
from koperasi.services.network import papers


def meeting_sheet_preview(parent: QWidget, context: AppContext, meeting_id: uuid.UUID) -> PdfPreviewDialog | None:
    from koperasi.reports.network.meeting_papers import write_meeting_sheet

    try:
        with context.database.session() as session:
            sheet = papers.attendance_sheet(session, context.actor, meeting_id)
    except DomainError as error:
        show_error(parent, parent.tr("Daftar hadir"), error.message)
        return None
    name = f"daftar-hadir-pertemuan-{file_name_part(sheet.meeting.organiser, 'komunitas')}-{sheet.meeting.held_on:%Y-%m-%d}.pdf"
    return PdfPreviewDialog(
        parent.tr("Daftar hadir pertemuan {day}").format(day=sheet.meeting.held_on.strftime("%d-%m-%Y")),
        {parent.tr("A4"): (lambda: write_to_bytes(lambda out: write_meeting_sheet(sheet, out)), name)},
        parent,
    )


def minutes_preview(parent: QWidget, context: AppContext, meeting_id: uuid.UUID) -> PdfPreviewDialog | None:
    from koperasi.reports.network.meeting_papers import write_minutes

    try:
        with context.database.session() as session:
            minutes = papers.minutes(session, context.actor, meeting_id)
    except DomainError as error:
        show_error(parent, parent.tr("Notulen"), error.message)
        return None
    name = f"notulen-pertemuan-{file_name_part(minutes.meeting.organiser, 'komunitas')}-{minutes.meeting.held_on:%Y-%m-%d}.pdf"
    return PdfPreviewDialog(
        parent.tr("Notulen pertemuan {day}").format(day=minutes.meeting.held_on.strftime("%d-%m-%Y")),
        {parent.tr("A4"): (lambda: write_to_bytes(lambda out: write_minutes(minutes, out)), name)},
        parent,
    )
